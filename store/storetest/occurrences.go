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
			saveBatch(ctx, t, db, batch)
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

// Batches of hundreds of articles, whose new events join the occurrences of
// the batches before: a store may look up and write the rows of a batch a
// statement for many at once (the clusters of new events are looked up a
// hundred at a time), and must merge as one article at a time would.
func testOccurrencesLargeBatches(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	rng := rand.New(rand.NewPCG(41, 42))
	as := randomArticles(rng, 400, "big")
	stored := make(map[string]*timeline.Analysis)
	events := 0
	for i, n := range []int{150, 150, 100} {
		start := []int{0, 150, 300}[i]
		batch := as[start : start+n]
		saveBatch(ctx, t, db, batch)
		for _, a := range batch {
			stored[a.Document.ID] = a
			events += len(a.Events)
		}
		checkMerged(t, db, stored, fmt.Sprintf("batch %d stored", i+1))
	}
	// Not vacuous: the later batches' events joined stored occurrences.
	if want := len(wantEvents(stored)); want > events*3/4 {
		t.Fatalf("%d occurrences of %d events: too few merged to test merging", want, events)
	}
}

// A deletion splits the reports of a chain of overlapping ones, the part
// that keeps no stored cluster moving to a new one; storing the deleted
// articles again joins the parts, which must find every report of each
// (a store keeps which reports make a part, see store/internal/core).
func testOccurrencesSplitRejoin(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	const moon, kim = "Moon Jae-in/KORGOV", "Kim Jong Un/PRKGOV"
	start := Day("2018-01-01")
	day := func(n int) string { return timeline.FormatDay(start.AddDate(0, 0, n)) }
	// Five days every three: each report overlaps its neighbours only.
	var as []*timeline.Analysis
	for i := range 12 {
		doc := fmt.Sprintf("link%02d", i)
		as = append(as, analysis(doc, "body of "+doc, Ev{ID: doc + "-0", Earliest: day(3 * i), Latest: day(3*i + 4),
			CAMEO: "04", Source: moon, Target: kim, Sentence: "Moon met Kim in " + doc + "."}))
	}
	saveBatch(ctx, t, db, as)
	stored := make(map[string]*timeline.Analysis)
	for _, a := range as {
		stored[a.Document.ID] = a
	}
	checkMerged(t, db, stored, "the chain stored")
	for _, i := range []int{4, 8} {
		if err := db.DeleteDocument(ctx, as[i].Document.ID); err != nil {
			t.Fatal(err)
		}
		delete(stored, as[i].Document.ID)
		checkMerged(t, db, stored, as[i].Document.ID+" deleted")
	}
	for _, i := range []int{8, 4} {
		saveBatch(ctx, t, db, as[i:i+1])
		stored[as[i].Document.ID] = as[i]
		checkMerged(t, db, stored, as[i].Document.ID+" stored again")
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

// chainArticles returns articles whose events chain: each report's dates
// overlap the next one's but not the one after, so that A goes with B and B
// with C while A and C never go together, and open bounds within the span
// and months reach across several of them. Which reports become one
// occurrence is then a choice among overlapping pairs that only the merge rule
// may make, never the order or the batches the articles came in.
func chainArticles() []*timeline.Analysis {
	const moon, kim, trump = "Moon Jae-in/KORGOV", "Kim Jong Un/PRKGOV", "Donald Trump/USAGOV"
	start := Day("2018-01-01")
	day := func(n int) string { return timeline.FormatDay(start.AddDate(0, 0, n)) }
	var as []*timeline.Analysis
	for i := range 36 {
		doc := fmt.Sprintf("chain%02d", i)
		// Seven days every five: each overlaps its neighbours only.
		evs := []Ev{{ID: doc + "-0", Earliest: day(5 * i), Latest: day(5*i + 7), CAMEO: "04", Source: moon, Target: kim,
			Sentence: "Moon met Kim in " + doc + "."}}
		switch i % 6 {
		case 1: // known start only: reaches the span after it
			evs = append(evs, Ev{ID: doc + "-1", Earliest: day(5*i + 3), CAMEO: "04", Source: moon, Target: kim,
				Sentence: "Moon has met Kim since then."})
		case 2: // known end only
			evs = append(evs, Ev{ID: doc + "-1", Latest: day(5*i + 2), CAMEO: "04", Source: moon, Target: kim,
				Sentence: "Moon had met Kim before."})
		case 3: // the month of the first report
			m := start.AddDate(0, 0, 5*i)
			first := time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, time.UTC)
			evs = append(evs, Ev{ID: doc + "-1", Earliest: timeline.FormatDay(first),
				Latest: timeline.FormatDay(first.AddDate(0, 1, -1)), CAMEO: "04", Source: moon, Target: kim,
				Sentence: "Moon met Kim that month."})
		case 4: // another key's chain, three days a day apart
			evs = append(evs, Ev{ID: doc + "-1", Earliest: day(i), Latest: day(i + 2), CAMEO: "03", Source: trump, Target: kim,
				Sentence: "Trump offered Kim talks."})
		}
		as = append(as, analysis(doc, "body of "+doc, evs...))
	}
	return as
}

// The occurrences are a function of the set of stored articles: the same
// articles stored one by one, in reverse in batches, all at once or shuffled
// in small batches give the same occurrences (timeline.Merge of all their
// events), and so do the same deletions after.
func testOccurrencesBatchIndependent(t *testing.T, h Harness) {
	ctx := context.Background()
	as := chainArticles()
	var all []timeline.Event
	for _, a := range as {
		all = append(all, a.Events...)
	}
	want := timeline.Merge(all)
	// Not a vacuous test: reports merge, but far from all into one.
	if len(want) >= len(all)-10 || len(want) < len(all)/3 {
		t.Fatalf("%d occurrences of %d events: the chain does not test merging", len(want), len(all))
	}
	reversed := slices.Clone(as)
	slices.Reverse(reversed)
	shuffled := slices.Clone(as)
	rng := rand.New(rand.NewPCG(31, 32))
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	type way struct {
		name  string
		order []*timeline.Analysis
		batch func(i int) int // the size of the batch starting at i
	}
	ways := []way{
		{"in order one by one", as, func(int) int { return 1 }},
		{"in reverse in batches of 5", reversed, func(int) int { return 5 }},
		{"all at once", as, func(int) int { return len(as) }},
		{"shuffled in batches of 1 to 4", shuffled, func(int) int { return 1 + rng.IntN(4) }},
	}
	month := timeline.EventFilter{From: Day("2018-02-01"), To: Day("2018-02-28")}
	var first, firstMonth, firstAfter []timeline.Event
	for n, w := range ways {
		db := h.New(t)
		for i := 0; i < len(w.order); {
			batch := w.order[i:min(i+w.batch(i), len(w.order))]
			i += len(batch)
			saveBatch(ctx, t, db, batch)
		}
		got, err := db.Events(ctx, timeline.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("stored %s: occurrences\n%s\nwant (timeline.Merge of every event)\n%s", w.name, summary(got), summary(want))
		}
		inMonth, err := db.Events(ctx, month)
		if err != nil {
			t.Fatal(err)
		}
		// A link in the middle of the chain goes, and its ends with it.
		for _, doc := range []string{"chain17", "chain00", "chain35", "chain09"} {
			if err := db.DeleteDocument(ctx, doc); err != nil {
				t.Fatal(err)
			}
		}
		after, err := db.Events(ctx, timeline.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			first, firstMonth, firstAfter = got, inMonth, after
			var rest []timeline.Event
			for _, e := range all {
				if !slices.Contains([]string{"chain17", "chain00", "chain35", "chain09"}, e.Doc) {
					rest = append(rest, e)
				}
			}
			if w := timeline.Merge(rest); !reflect.DeepEqual(after, w) {
				t.Errorf("after deletions: occurrences\n%s\nwant (timeline.Merge of every event left)\n%s", summary(after), summary(w))
			}
			continue
		}
		for _, c := range []struct {
			what      string
			got, want []timeline.Event
		}{{"every occurrence", got, first}, {"February", inMonth, firstMonth}, {"after deletions", after, firstAfter}} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s, stored %s:\n%s\nstored %s:\n%s", c.what, w.name, summary(c.got), ways[0].name, summary(c.want))
			}
		}
	}
}

// saveBatch stores a batch of articles: a single one by SaveAnalysis, several
// in one transaction by SaveAnalyses, so that both ways are exercised.
func saveBatch(ctx context.Context, t *testing.T, db Store, batch []*timeline.Analysis) {
	t.Helper()
	if len(batch) == 1 {
		if _, err := db.SaveAnalysis(ctx, batch[0]); err != nil {
			t.Fatal(err)
		}
	} else if _, _, err := db.SaveAnalyses(ctx, batch); err != nil {
		t.Fatal(err)
	}
}
