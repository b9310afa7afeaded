package http_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// seedArticle is the project's fixture copy of the seed article.
const seedArticle = "../fixtures/seed-article.txt"

// fx is one hand-made event: its sentence, trigger and date evidence are
// found in the body by their text, so that their byte offsets are the body's.
type fx struct {
	sentence, trigger, evidence string
	cameo, status               string
	source, target              string // "Name/CODE", "" none
	earliest, latest            string // "" open
	gran                        timeline.Granularity
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	d, err := timeline.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

func actor(s string) *timeline.Actor {
	if s == "" {
		return nil
	}
	name, code, _ := strings.Cut(s, "/")
	return &timeline.Actor{Name: name, Code: code}
}

// handmade returns an analysis of body with the events fxs.
func handmade(t testing.TB, id, title, url, dct, body string, fxs ...fx) *timeline.Analysis {
	t.Helper()
	a := &timeline.Analysis{Document: timeline.Document{ID: id, Title: title, URL: url, Source: "Wire", Body: body, DCT: day(dct)}}
	find := func(s string, from int) timeline.Text {
		i := strings.Index(body[from:], s)
		if i < 0 {
			t.Fatalf("%s: %q not in the body", id, s)
		}
		return timeline.Text{Start: from + i, End: from + i + len(s), Text: s}
	}
	for _, f := range fxs {
		sent := find(f.sentence, 0)
		e := timeline.Event{
			Doc: id, Sentence: sent, Trigger: find(f.trigger, sent.Start),
			Kind: timeline.KindDiplomatic, CAMEO: f.cameo, Status: f.status,
			Source: actor(f.source), Target: actor(f.target),
			Earliest: day(f.earliest), Latest: day(f.latest), Granularity: f.gran,
			Anchor: timeline.AnchorExplicit, Confidence: 0.8, When: f.earliest,
		}
		if f.cameo == "" {
			e.Kind = timeline.KindContext
		}
		if f.evidence != "" {
			ev := find(f.evidence, 0)
			e.Evidence = &ev
		}
		e.ID = timeline.MakeID(id, e.Trigger.Span(), e.CAMEO)
		a.Events = append(a.Events, e)
	}
	return a
}

// fixtureAnalyses are the articles of the fixture database: the seed article as
// the pipeline reads it, and two hand-made wire stories that report one
// meeting (merged into one event with two sources) and carry every kind of
// mark the page draws: planned, negated, ongoing with an open end, an open
// start, a week, an undated event, a context event, all four QuadClasses,
// and text outside ASCII before the spans (byte offsets are not UTF-16 ones).
func fixtureAnalyses(t testing.TB) []*timeline.Analysis {
	t.Helper()
	body, err := os.ReadFile(seedArticle)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		t.Fatal(err)
	}
	seed, err := p.Analyze(timeline.Document{ID: "seed-article", Title: "Trump and Kim", Body: string(body), Path: seedArticle})
	if err != nil {
		t.Fatal(err)
	}

	bodyA := "SEOUL, March 6, 2018 (Wire) — Officials of the United States met North Korean envoys in Beijing on Monday, " +
		"the ministry said. Pyongyang’s envoy said the two sides will meet again in April. " +
		"North Korea did not threaten Seoul during the talks. " +
		"South Korea has sent food aid to the North since March 2018. " +
		"Seoul’s troops fired on a boat at the border last week. " +
		"Diplomats expressed hope for a thaw."
	a := handmade(t, "wire-a", "Envoys meet in Beijing", "https://example.org/wire-a", "2018-03-06", bodyA,
		fx{sentence: "Officials of the United States met North Korean envoys in Beijing on Monday, the ministry said.",
			trigger: "met", evidence: "Monday", cameo: "04", status: timeline.StatusOccurred,
			source: "United States/USAGOV", target: "North Korea/PRKGOV", earliest: "2018-03-05", latest: "2018-03-05", gran: timeline.GranDay},
		fx{sentence: "Pyongyang’s envoy said the two sides will meet again in April.",
			trigger: "meet", evidence: "April", cameo: "04", status: timeline.StatusPlanned,
			source: "North Korea/PRKGOV", target: "United States/USA", earliest: "2018-04-01", latest: "2018-04-30", gran: timeline.GranMonth},
		fx{sentence: "North Korea did not threaten Seoul during the talks.",
			trigger: "threaten", evidence: "Monday", cameo: "13", status: timeline.StatusNegated,
			source: "North Korea/PRK", target: "South Korea/KOR", earliest: "2018-03-05", latest: "2018-03-05", gran: timeline.GranDay},
		fx{sentence: "South Korea has sent food aid to the North since March 2018.",
			trigger: "sent food aid", evidence: "since March 2018", cameo: "07", status: timeline.StatusOngoing,
			source: "South Korea/KOR", target: "North Korea/PRK", earliest: "2018-03-01", gran: timeline.GranMonth},
		fx{sentence: "Seoul’s troops fired on a boat at the border last week.",
			trigger: "fired on", evidence: "last week", cameo: "19", status: timeline.StatusOccurred,
			source: "Seoul’s troops/KORMIL", target: "North Korea/PRK", earliest: "2018-02-26", latest: "2018-03-04", gran: timeline.GranWeek},
		fx{sentence: "Diplomats expressed hope for a thaw.",
			trigger: "expressed hope", cameo: "02", status: timeline.StatusOccurred,
			source: "Diplomats/"},
	)
	bodyB := "BEIJING (Wire) — U.S. officials and North Korean diplomats met in the Chinese capital on March 5. " +
		"Washington accused Pyongyang of breaking its promises before the Olympics."
	b := handmade(t, "wire-b", "Beijing talks", "", "2018-03-07", bodyB,
		fx{sentence: "U.S. officials and North Korean diplomats met in the Chinese capital on March 5.",
			trigger: "met", evidence: "March 5", cameo: "04", status: timeline.StatusOccurred,
			source: "U.S. officials/USAGOV", target: "North Korean diplomats/PRKGOV", earliest: "2018-03-05", latest: "2018-03-05", gran: timeline.GranDay},
		fx{sentence: "Washington accused Pyongyang of breaking its promises before the Olympics.",
			trigger: "accused", cameo: "11", status: timeline.StatusOccurred,
			source: "Washington/USAGOV", target: "Pyongyang/PRKGOV", latest: "2018-03-07", gran: timeline.GranUnknown},
		fx{sentence: "Washington accused Pyongyang of breaking its promises before the Olympics.",
			trigger: "Olympics", status: timeline.StatusOccurred, earliest: "2018-02-09", latest: "2018-02-25", gran: timeline.GranDay},
	)
	return []*timeline.Analysis{seed, a, b}
}

// fixtureDB writes the fixture database into a temporary folder and opens it
// read-only, as `timeline serve` does.
func fixtureDB(t testing.TB) *store.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.db")
	w, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.SaveAnalyses(context.Background(), fixtureAnalyses(t)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
