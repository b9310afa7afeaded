package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// MillionVersion names the generator of the synthetic database the helpers
// below make (Copy and Fill); MillionName names the database itself.
const MillionVersion = "million-v3"

// MillionName names the synthetic database Fill makes of silver, for a store
// that caches one: MillionVersion and a digest of the analyses it copies. The
// analyses are those of the program that runs (Silver analyses the articles
// again), so a cache made by another program holds other events: a SQLite
// cache and a PostgreSQL one made from different days' pipelines disagreed
// (5,858 and 6,074 events a copy) and could not be compared.
func MillionName(silver []*timeline.Analysis) (string, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, a := range silver {
		if err := enc.Encode(a); err != nil {
			return "", fmt.Errorf("storetest: digest of %s: %w", a.Document.ID, err)
		}
	}
	return fmt.Sprintf("%s-%x", MillionVersion, h.Sum(nil)[:6]), nil
}

// Silver returns the analyses of the silver articles in dir, sorted by id, or
// skips when the corpus is absent.
func Silver(tb testing.TB, dir string) []*timeline.Analysis {
	tb.Helper()
	return SilverFirst(tb, dir, 0)
}

// SilverFirst is Silver of the first n articles by file name (all when n is
// 0), for tests that need silver-shaped data but not the time to analyse it
// all.
func SilverFirst(tb testing.TB, dir string, n int) []*timeline.Analysis {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no silver corpus at %s (../shared absent): skipping", dir)
	}
	if n > 0 && n < len(files) {
		files = files[:n]
	}
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		tb.Fatal(err)
	}
	var as []*timeline.Analysis
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		docs, errs := article.Parse(f, data, nil)
		if len(errs) > 0 {
			tb.Fatalf("%s: %v", f, errs[0])
		}
		for _, d := range docs {
			a, err := p.Analyze(d)
			if err != nil {
				tb.Fatal(err)
			}
			as = append(as, a)
		}
	}
	sort.Slice(as, func(i, j int) bool { return as[i].Document.ID < as[j].Document.ID })
	return as
}

// Copy returns copy k of a silver analysis for a large synthetic database:
// another article (its id and body marked with k, so that it is stored apart)
// whose every date is moved by whole years, k mod 40 minus 20, so that
// calendar years and months stay calendar years and months as real articles
// date them, and copies 40 apart report the same occurrences, as several
// agencies' wires do.
func Copy(a *timeline.Analysis, k int) *timeline.Analysis {
	years := k%40 - 20
	shift := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.AddDate(years, 0, 0)
	}
	c := *a
	c.Document.Body += fmt.Sprintf("\n[copy %d]", k) // after every span: offsets hold
	c.Document.DCT, c.Document.DCTEarliest, c.Document.DCTLatest = shift(a.Document.DCT), shift(a.Document.DCTEarliest), shift(a.Document.DCTLatest)
	c.Timexes = slices.Clone(a.Timexes)
	for i := range c.Timexes {
		c.Timexes[i].Earliest, c.Timexes[i].Latest = shift(c.Timexes[i].Earliest), shift(c.Timexes[i].Latest)
	}
	c.Occurrences = slices.Clone(a.Occurrences)
	for i := range c.Occurrences {
		c.Occurrences[i].Earliest, c.Occurrences[i].Latest = shift(c.Occurrences[i].Earliest), shift(c.Occurrences[i].Latest)
	}
	c.Events = slices.Clone(a.Events)
	for i := range c.Events {
		c.Events[i].Earliest, c.Events[i].Latest = shift(c.Events[i].Earliest), shift(c.Events[i].Latest)
	}
	c.Rename(fmt.Sprintf("c%03d-%s", k, a.Document.ID))
	return &c
}

// Fill stores copies of the silver analyses in db until it holds at least n
// events, in transactions of batch articles, logging progress.
func Fill(tb testing.TB, db Store, silver []*timeline.Analysis, n, batch int) {
	tb.Helper()
	ctx := context.Background()
	start := time.Now()
	events, articles := 0, 0
	var pending []*timeline.Analysis
	flush := func() {
		if _, _, err := db.SaveAnalyses(ctx, pending); err != nil {
			tb.Fatal(err)
		}
		pending = pending[:0]
	}
	for k := 0; events < n; k++ {
		for _, a := range silver {
			c := Copy(a, k)
			pending = append(pending, c)
			events += len(c.Events)
			articles++
			if len(pending) == batch {
				flush()
			}
		}
		if k%10 == 9 {
			tb.Logf("%d articles, %d events stored in %s", articles, events, time.Since(start).Round(time.Second))
		}
	}
	if len(pending) > 0 {
		flush()
	}
	tb.Logf("filled: %d articles, %d events in %s", articles, events, time.Since(start).Round(time.Second))
}

// MillionSQLite returns the path of a SQLite database of at least a million
// events made of silver copies (Copy), making it in the temporary folder the
// first time (minutes) and reusing it after: benchmarks only read it. The
// silver articles are analysed each time (seconds, before any timer), so that
// the cache is the one of these analyses (MillionName). A copy made by a
// program with fewer migrations is migrated first.
func MillionSQLite(tb testing.TB, silverDir string) string {
	tb.Helper()
	silver := Silver(tb, silverDir)
	name, err := MillionName(silver)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(os.TempDir(), "timeline-"+name+".db")
	if _, err := os.Stat(path); err == nil {
		db, err := store.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		if err := db.Close(); err != nil {
			tb.Fatal(err)
		}
		return path
	}
	tb.Logf("making %s (a database made from other analyses is left as it is)", path)
	tmp := path + ".making"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	db, err := store.Open(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	Fill(tb, db, silver, 1_000_000, 2000)
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchQueries times date-range queries on a store of about a million events
// (Fill): a month, p50 of its runs (the answer read whole); the first row of
// a year as it streams; a whole year.
func BenchQueries(b *testing.B, db Store) {
	ctx := context.Background()
	month := timeline.EventFilter{From: Day("2001-06-01"), To: Day("2001-06-30")}
	year := timeline.EventFilter{From: Day("2001-01-01"), To: Day("2001-12-31")}
	p50 := func(b *testing.B, times []time.Duration) {
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-p50")
	}
	b.Run("month", func(b *testing.B) {
		var times []time.Duration
		n := 0
		for b.Loop() {
			start := time.Now()
			evs, err := db.Events(ctx, month)
			if err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
			n = len(evs)
		}
		p50(b, times)
		b.ReportMetric(float64(n), "events/op")
	})
	b.Run("year_first_row", func(b *testing.B) {
		var times []time.Duration
		for b.Loop() {
			start := time.Now()
			err := db.EachEvent(ctx, year, func(*timeline.Event) error { return errFirst })
			if err != errFirst {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		p50(b, times)
	})
	b.Run("year", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n = 0
			if err := db.EachEvent(ctx, year, func(*timeline.Event) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n), "events/op")
	})
}

var errFirst = fmt.Errorf("first row read")
