package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// summary renders events tersely: id[bounds]xSources{docs}.
func summary(evs []timeline.Event) string {
	var s []string
	for _, e := range evs {
		r := fmt.Sprintf("%s[%s..%s]", e.ID, timeline.FormatDay(e.Earliest), timeline.FormatDay(e.Latest))
		if e.Sources > 0 {
			r += fmt.Sprintf("x%d{%s}", e.Sources, strings.Join(e.Docs, ","))
		}
		s = append(s, r)
	}
	return strings.Join(s, " ")
}

// Reports of one occurrence by several articles are one event, whatever is
// asked; deleting or replacing an article regroups them.
func testOccurrences(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	meeting := func(doc, id, lo, hi string) *timeline.Analysis {
		return analysis(doc, "body of "+doc, Ev{ID: id, Earliest: lo, Latest: hi, CAMEO: "04",
			Source: "Moon Jae-in/KORGOV", Target: "Kim Jong Un/PRKGOV", Sentence: "Moon met Kim in " + doc + "."})
	}
	for _, a := range []*timeline.Analysis{
		meeting("b", "b1", "2018-01-01", "2018-01-31"),
		meeting("a", "a1", "2018-01-09", "2018-01-09"),
		meeting("c", "c1", "2018-03-09", "2018-03-09"),
	} {
		if _, err := db.SaveAnalysis(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	check := func(f timeline.EventFilter, want string) {
		t.Helper()
		evs, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if got := summary(evs); got != want {
			t.Errorf("Events(%+v) = %q\nwant %q", f, got, want)
		}
	}
	check(timeline.EventFilter{}, "a1[2018-01-09..2018-01-09]x2{b} c1[2018-03-09..2018-03-09]")
	// The filter selects occurrences; it does not regroup them.
	check(timeline.EventFilter{Doc: "b"}, "a1[2018-01-09..2018-01-09]x2{b}")
	check(timeline.EventFilter{From: Day("2018-01-20"), To: Day("2018-01-31")}, "")
	check(timeline.EventFilter{Text: "Moon met Kim in b."}, "a1[2018-01-09..2018-01-09]x2{b}")
	// Timeline brings the documents of every report.
	docs, _, err := db.Timeline(ctx, timeline.EventFilter{Doc: "a"})
	if err != nil || len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" {
		t.Errorf("Timeline documents = %v, %v; want a and b", docs, err)
	}
	// A third report joins; an article's own events stay its own.
	if _, err := db.SaveAnalysis(ctx, meeting("d", "d1", "2018-01-01", "")); err != nil {
		t.Fatal(err)
	}
	check(timeline.EventFilter{}, "a1[2018-01-09..2018-01-09]x3{b,d} c1[2018-03-09..2018-03-09]")
	if a, err := db.Analysis(ctx, "d"); err != nil || summary(a.Events) != "d1[2018-01-01..]" {
		t.Errorf("Analysis(d) events = %v, %v", a, err)
	}
	if err := db.DeleteDocument(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	check(timeline.EventFilter{}, "b1[2018-01-01..2018-01-31]x2{d} c1[2018-03-09..2018-03-09]")
	// Re-dated, b no longer meets d's open bound: three occurrences.
	b := meeting("b", "b1", "2018-03-01", "2018-03-31")
	if _, err := db.ReplaceAnalysis(ctx, b); err != nil {
		t.Fatal(err)
	}
	check(timeline.EventFilter{}, "d1[2018-01-01..] c1[2018-03-09..2018-03-09]x2{b}")
	for _, id := range []string{"b", "c", "d"} {
		if err := db.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	assertEmpty(t, db)
}

// randomArticles returns n articles of a few events each, of a few keys and
// shapes of date, close enough together to merge often.
func randomArticles(rng *rand.Rand, n int, prefix string) []*timeline.Analysis {
	actors := []string{"Donald Trump/USAGOV", "Kim Jong Un/PRKGOV", "the two Koreas/", ""}
	var as []*timeline.Analysis
	for i := range n {
		doc := fmt.Sprintf("%s%03d", prefix, i)
		var evs []Ev
		for j := range 1 + rng.IntN(4) {
			start := Day("2017-12-01").AddDate(0, 0, rng.IntN(120))
			var lo, hi string
			switch r := rng.IntN(10); {
			case r < 5:
				lo, hi = timeline.FormatDay(start), timeline.FormatDay(start)
			case r < 7:
				first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
				lo, hi = timeline.FormatDay(first), timeline.FormatDay(first.AddDate(0, 1, -1))
			case r < 8:
				lo = timeline.FormatDay(start)
			case r < 9:
				hi = timeline.FormatDay(start)
			}
			evs = append(evs, Ev{ID: fmt.Sprintf("%s-%d", doc, j), Earliest: lo, Latest: hi,
				CAMEO: fmt.Sprintf("%02d", 1+rng.IntN(2)), Source: actors[rng.IntN(len(actors))],
				Target: actors[rng.IntN(len(actors))], Sentence: "sentence of " + doc})
		}
		a := analysis(doc, "body of "+doc, evs...)
		for j := range a.Events {
			a.Events[j].Granularity = []timeline.Granularity{timeline.GranDay, timeline.GranMonth}[rng.IntN(2)]
		}
		as = append(as, a)
	}
	return as
}

// wantEvents is what a store holding the articles must answer: their events
// merged at once.
func wantEvents(as map[string]*timeline.Analysis) []timeline.Event {
	var all []timeline.Event
	for _, a := range as {
		all = append(all, a.Events...)
	}
	return timeline.Merge(all)
}

func checkMerged(t *testing.T, db Store, stored map[string]*timeline.Analysis, when string) {
	t.Helper()
	got, err := db.Events(context.Background(), timeline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := wantEvents(stored)
	if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
		t.Fatalf("%s: stored occurrences\n%s\nwant (timeline.Merge of every stored event)\n%s", when, summary(got), summary(want))
	}
}

// Whatever order articles are stored and deleted in, the stored occurrences
// are those timeline.Merge makes of all the stored events at once.
func testOccurrencesAnyOrder(t *testing.T, h Harness) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 8))
	for round := range 3 {
		db := h.New(t)
		as := randomArticles(rng, 40, fmt.Sprintf("r%d-", round))
		rng.Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
		stored := make(map[string]*timeline.Analysis)
		// Some one by one, some in batches.
		for i := 0; i < len(as); {
			n := 1 + rng.IntN(6)
			batch := as[i:min(i+n, len(as))]
			i += len(batch)
			if len(batch) == 1 {
				if _, err := db.SaveAnalysis(ctx, batch[0]); err != nil {
					t.Fatal(err)
				}
			} else if _, _, err := db.SaveAnalyses(ctx, batch); err != nil {
				t.Fatal(err)
			}
			for _, a := range batch {
				stored[a.Document.ID] = a
			}
			checkMerged(t, db, stored, fmt.Sprintf("round %d, %d articles stored", round, len(stored)))
		}
		ids := make([]string, 0, len(stored))
		for id := range stored {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		for _, id := range ids[:len(ids)/2] {
			if err := db.DeleteDocument(ctx, id); err != nil {
				t.Fatal(err)
			}
			delete(stored, id)
			checkMerged(t, db, stored, fmt.Sprintf("round %d, %s deleted", round, id))
		}
	}
}

// An occurrence selected by a filter is the one selected without it: merging
// does not depend on what is asked.
func testOccurrencesFilterIndependent(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	rng := rand.New(rand.NewPCG(11, 12))
	if _, _, err := db.SaveAnalyses(ctx, randomArticles(rng, 60, "f")); err != nil {
		t.Fatal(err)
	}
	all, err := db.Events(ctx, timeline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]timeline.Event)
	for _, e := range all {
		byID[e.ID] = e
	}
	for _, f := range []timeline.EventFilter{
		{From: Day("2018-01-01"), To: Day("2018-01-31")},
		{From: Day("2018-02-01"), To: Day("2018-02-28"), Within: true},
		{Actor: "kim"}, {CAMEO: "02"}, {Doc: "f007"}, {Text: "sentence f01"},
		{From: Day("2018-01-01"), Limit: 5},
	} {
		got, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range got {
			if !reflect.DeepEqual(e, byID[e.ID]) {
				t.Errorf("filter %+v: %s\nwithout the filter: %s", f, summary([]timeline.Event{e}), summary([]timeline.Event{byID[e.ID]}))
			}
			if !f.InRange(e.Earliest, e.Latest) {
				t.Errorf("filter %+v: %s is out of range", f, summary([]timeline.Event{e}))
			}
		}
		if len(got) == 0 {
			t.Errorf("filter %+v selects nothing: a useless test", f)
		}
	}
}

// EachEvent gives what Events gives, one at a time, and stops on an error.
func testEachEvent(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	rng := rand.New(rand.NewPCG(13, 14))
	if _, _, err := db.SaveAnalyses(ctx, randomArticles(rng, 30, "x")); err != nil {
		t.Fatal(err)
	}
	f := timeline.EventFilter{From: Day("2018-01-01")}
	want, err := db.Events(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var got []timeline.Event
	if err := db.EachEvent(ctx, f, func(e *timeline.Event) error { got = append(got, *e); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) || len(got) < 3 {
		t.Errorf("EachEvent gave %d events, Events %d", len(got), len(want))
	}
	stop := errors.New("enough")
	n := 0
	err = db.EachEvent(ctx, f, func(*timeline.Event) error {
		if n++; n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Errorf("EachEvent after an error: %v after %d events", err, n)
	}
}

// Several writers on one database, each with its own connections as separate
// processes would have, storing articles at once (some the same ones) end with
// what one writer storing them all would: the same documents and the
// occurrences timeline.Merge makes of all their events.
func testConcurrentWriters(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	rng := rand.New(rand.NewPCG(15, 16))
	as := randomArticles(rng, 80, "w")
	const writers = 4
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for i := range writers {
		w := h.Again(t, db)
		// Each writer its quarter, and the next writer's first few again.
		mine := slices.Clone(as[i*20 : (i+1)*20])
		mine = append(mine, as[((i+1)%writers)*20:((i+1)%writers)*20+3]...)
		copies := make([]*timeline.Analysis, len(mine))
		for j, a := range mine {
			c := *a
			c.Events = slices.Clone(a.Events)
			copies[j] = &c
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < len(copies); j += 3 {
				batch := copies[j:min(j+3, len(copies))]
				if j%2 == 0 {
					if _, _, err := w.SaveAnalyses(ctx, batch); err != nil {
						errs[i] = err
						return
					}
					continue
				}
				for _, a := range batch {
					if _, err := w.SaveAnalysis(ctx, a); err != nil {
						errs[i] = err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", i, err)
		}
	}
	stored := make(map[string]*timeline.Analysis)
	for _, a := range as {
		stored[a.Document.ID] = a
	}
	if docs, err := db.Documents(ctx); err != nil || len(docs) != len(as) {
		t.Fatalf("%d documents, %v; want %d", len(docs), err, len(as))
	}
	checkMerged(t, db, stored, "after concurrent writers")
}

// A date range is read by span class and the classes merged (or, past a
// season, in parts): whatever the filters and limit, its answer is the
// unranged answer's occurrences that timeline.EventFilter.InRange keeps, in
// the same order. Among them are occurrences too wide for an index entry: a
// sentence of thousands of bytes, and one reported by a hundred articles.
func testEvents_RangeMerged(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	rng := rand.New(rand.NewPCG(21, 22))
	as := randomArticles(rng, 60, "r")
	long := strings.Repeat("a sentence that goes on and on ", 120)
	as = append(as, analysis("long", "long body", Ev{ID: "long-0", Earliest: "2018-01-10", Latest: "2018-01-10",
		CAMEO: "01", Source: "Donald Trump/USAGOV", Sentence: long}))
	for i := range 100 {
		doc := fmt.Sprintf("widely-reported-article-number-%03d", i)
		as = append(as, analysis(doc, "body of "+doc, Ev{ID: doc + "-0", Earliest: "2018-01-20", Latest: "2018-01-20",
			CAMEO: "02", Source: "Kim Jong Un/PRKGOV", Target: "Donald Trump/USAGOV", Sentence: "they met"}))
	}
	if _, _, err := db.SaveAnalyses(ctx, as); err != nil {
		t.Fatal(err)
	}
	var checked int
	for _, from := range []string{"2017-12-15", "2018-01-01", "2018-01-20", "2018-02-01"} {
		for _, to := range []string{"", "2018-01-20", "2018-01-31", "2018-03-31", "2019-12-31"} {
			if to != "" && to < from {
				continue
			}
			for _, other := range []timeline.EventFilter{{}, {Actor: "USA"}, {CAMEO: "02"}, {Limit: 5}, {Actor: "Kim", Limit: 3}} {
				f := other
				f.From, f.To = Day(from), Day(to)
				all, err := db.Events(ctx, other)
				if err != nil {
					t.Fatal(err)
				}
				var want []timeline.Event
				if other.Limit > 0 {
					unlimited := other
					unlimited.Limit = 0
					if all, err = db.Events(ctx, unlimited); err != nil {
						t.Fatal(err)
					}
				}
				for _, e := range all {
					if f.InRange(e.Earliest, e.Latest) && (f.Limit == 0 || len(want) < f.Limit) {
						want = append(want, e)
					}
				}
				got, err := db.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
					t.Errorf("%s..%s %+v: got\n%s\nwant\n%s", from, to, other, summary(got), summary(want))
				}
				checked += len(want)
			}
		}
	}
	wide := 0
	all, err := db.Events(ctx, timeline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if len(e.Sentence.Text) > 3000 || e.Sources == 100 {
			wide++
		}
	}
	if wide != 2 || checked < 100 {
		t.Errorf("%d wide occurrences (want 2), %d events checked", wide, checked)
	}
}
