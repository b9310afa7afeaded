package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

var benchActors = []timeline.Actor{
	{Name: "Donald Trump", Code: "USAGOV"}, {Name: "Kim Jong Un", Code: "PRKGOV"},
	{Name: "Moon Jae-in", Code: "KORGOV"}, {Name: "Xi Jinping", Code: "CHNGOV"},
	{Name: "Vladimir Putin", Code: "RUSGOV"}, {Name: "United Nations", Code: "IGOUNO"},
	{Name: "Shinzo Abe", Code: "JPNGOV"}, {Name: "NATO", Code: "IGONAT"},
}

// benchAnalysis returns document n with events dated at random over 2000-2024:
// mostly days, some months and years, a few with an open bound, as articles give.
func benchAnalysis(rng *rand.Rand, n, events int) *timeline.Analysis {
	doc := fmt.Sprintf("doc-%07d", n)
	sentence := "The president said on Tuesday that talks with the North would resume in the spring."
	a := &timeline.Analysis{Document: timeline.Document{
		ID: doc, Title: "Article " + doc, Source: "Wire", Body: fmt.Sprintf("%s %d", sentence, n),
		DCT: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(25*365)),
	}}
	for i := range events {
		start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(25*365))
		e := timeline.Event{
			ID: fmt.Sprintf("%s-%d", doc, i), Doc: doc,
			Sentence: timeline.Text{Start: 0, End: len(sentence), Text: sentence},
			Trigger:  timeline.Text{Start: 14, End: 18, Text: "said"},
			Kind:     timeline.KindDiplomatic, CAMEO: fmt.Sprintf("%02d", 1+rng.IntN(20)),
			Status: timeline.StatusOccurred, Confidence: 0.7, Anchor: timeline.AnchorExplicit,
			Source: &benchActors[rng.IntN(len(benchActors))],
			Target: &benchActors[rng.IntN(len(benchActors))],
		}
		switch r := rng.IntN(100); {
		case r < 70:
			e.Earliest, e.Latest, e.Granularity = start, start, timeline.GranDay
		case r < 90:
			first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
			e.Earliest, e.Latest, e.Granularity = first, first.AddDate(0, 1, -1), timeline.GranMonth
		case r < 98:
			first := time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			e.Earliest, e.Latest, e.Granularity = first, first.AddDate(1, 0, -1), timeline.GranYear
		case r < 99:
			e.Earliest, e.Granularity = start, timeline.GranYear // "since ..."
		default:
			e.Latest = start // "recently"
		}
		e.When = timeline.FormatDay(start)
		a.Events = append(a.Events, e)
	}
	return a
}

// BenchmarkEventsRange times date-range queries on a file database of 200,000
// events (10,000 articles of 20), ingested in batches of 500 articles.
func BenchmarkEventsRange(b *testing.B) {
	const docs, perDoc, batch = 10_000, 20, 500
	ctx := context.Background()
	db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Now()
	for n := 0; n < docs; n += batch {
		var as []*timeline.Analysis
		for i := n; i < n+batch; i++ {
			as = append(as, benchAnalysis(rng, i, perDoc))
		}
		if _, _, err := db.SaveAnalyses(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("ingested %d events in %s", docs*perDoc, time.Since(start).Round(time.Millisecond))

	for _, bb := range []struct {
		name string
		f    timeline.EventFilter
	}{
		{"day", timeline.EventFilter{From: day("2012-06-15"), To: day("2012-06-15")}},
		{"month", timeline.EventFilter{From: day("2012-06-01"), To: day("2012-06-30")}},
		{"month_within", timeline.EventFilter{From: day("2012-06-01"), To: day("2012-06-30"), Within: true}},
		{"year", timeline.EventFilter{From: day("2012-01-01"), To: day("2012-12-31")}},
		{"last_month_open_end", timeline.EventFilter{From: day("2024-12-01")}},
		{"month_actor", timeline.EventFilter{From: day("2012-06-01"), To: day("2012-06-30"), Actor: "PRK"}},
		{"all_limit_100", timeline.EventFilter{Limit: 100}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				evs, err := db.Events(ctx, bb.f)
				if err != nil {
					b.Fatal(err)
				}
				n = len(evs)
			}
			b.ReportMetric(float64(n), "events/op")
		})
	}
}

func day(s string) time.Time {
	t, err := timeline.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

// BenchmarkSaveAnalysis times storing one article of 20 events, one transaction
// each, in a file database.
func BenchmarkSaveAnalysis(b *testing.B) {
	ctx := context.Background()
	db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
	rng := rand.New(rand.NewPCG(1, 2))
	n := 0
	for b.Loop() {
		a := benchAnalysis(rng, n, 20)
		n++
		if stored, err := db.SaveAnalysis(ctx, a); err != nil || !stored {
			b.Fatal(stored, err)
		}
	}
}

// BenchmarkSaveAnalyses times storing articles of 20 events in batches of 100.
func BenchmarkSaveAnalyses(b *testing.B) {
	ctx := context.Background()
	db := mustOpen(b, filepath.Join(b.TempDir(), "bench.db"))
	rng := rand.New(rand.NewPCG(1, 2))
	n := 0
	for b.Loop() {
		as := make([]*timeline.Analysis, 100)
		for i := range as {
			as[i] = benchAnalysis(rng, n, 20)
			n++
		}
		if stored, _, err := db.SaveAnalyses(ctx, as); err != nil || stored != len(as) {
			b.Fatal(stored, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/article")
}
