package http_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	timelinehttp "github.com/timelinehq/timeline/http"
	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// silverDir is the TempEval-3 silver corpus beside the project (../shared),
// which users' machines do not have.
const silverDir = "../../shared/corpora/silver"

var silver struct {
	once sync.Once
	dir  string
	path string // the database of the 1,200 articles, as ingest stores them
	year string // the year with the most events
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if silver.dir != "" {
		os.RemoveAll(silver.dir)
	}
	os.Exit(code)
}

// silverDB returns the silver database, built once per test binary, and the
// busiest year of its events.
func silverDB(b *testing.B) (path, year string) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(silverDir, "*.tml"))
	if len(files) == 0 {
		b.Skipf("no silver corpus at %s (../shared absent): skipping", silverDir)
	}
	silver.once.Do(func() {
		silver.dir, silver.err = os.MkdirTemp("", "timeline-silver-")
		if silver.err != nil {
			return
		}
		silver.path = filepath.Join(silver.dir, "silver.db")
		silver.year, silver.err = buildSilver(silver.path, files)
	})
	if silver.err != nil {
		b.Fatal(silver.err)
	}
	return silver.path, silver.year
}

func buildSilver(path string, files []string) (string, error) {
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		return "", err
	}
	db, err := store.Open(path)
	if err != nil {
		return "", err
	}
	defer db.Close()
	perYear := map[int]int{}
	var batch []*timeline.Analysis
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		docs, errs := article.Parse(f, data, nil)
		if len(errs) > 0 {
			return "", errs[0]
		}
		for _, d := range docs {
			a, err := p.Analyze(d)
			if err != nil {
				return "", err
			}
			for _, e := range a.Events {
				if !e.Earliest.IsZero() {
					perYear[e.Earliest.Year()]++
				}
			}
			batch = append(batch, a)
		}
		if len(batch) >= 200 || i == len(files)-1 {
			if _, _, err := db.SaveAnalyses(context.Background(), batch); err != nil {
				return "", err
			}
			batch = batch[:0]
		}
	}
	best := 0
	for y, n := range perYear {
		if n > perYear[best] || n == perYear[best] && y < best {
			best = y
		}
	}
	return strconv.Itoa(best), nil
}

// serveDB serves the database at path, opened read-only.
func serveDB(b *testing.B, path string) *httptest.Server {
	b.Helper()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	ts := httptest.NewServer((&timelinehttp.Server{Store: db}).Handler())
	b.Cleanup(ts.Close)
	return ts
}

// BenchmarkAPISilver times the API's answers on the database of the 1,200
// silver articles (about 5,500 events): a year's range (the busiest), the first
// page of everything, the dyads of a year and the busiest dyad's tension.
func BenchmarkAPISilver(b *testing.B) {
	path, year := silverDB(b)
	ts := serveDB(b, path)
	var all apiEvents
	get(b, ts, "/api/events?limit=1", &all)
	var inYear apiEvents
	get(b, ts, "/api/events?limit=1&from="+year+"&to="+year, &inYear)
	var dyads []apiDyad
	get(b, ts, "/api/dyads", &dyads)
	b.Logf("silver: %d events, %d in %s (the busiest year), %d dyads, busiest %s", all.Total, inYear.Total, year, len(dyads), dyads[0].Dyad)
	for _, bb := range []struct{ name, path string }{
		{"events-year", "/api/events?from=" + year + "&to=" + year},
		{"events-first-page", "/api/events"},
		{"dyads-year", "/api/dyads?from=" + year + "&to=" + year},
		{"tension-busiest-dyad", "/api/tension?period=month&dyad=" + dyads[0].Dyad},
		{"docs", "/api/docs"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				resp, err := http.Get(ts.URL + bb.path)
				if err != nil {
					b.Fatal(err)
				}
				// Read it all: the time includes writing the whole answer.
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%s: %d %v", bb.path, resp.StatusCode, err)
				}
			}
		})
	}
}

// pageTimes loads url in the browser and returns the page's first contentful
// paint and the moment it had drawn every event (milliseconds from the start
// of the navigation).
func pageTimes(b *testing.B, br *browser, url string) (paint, ready float64) {
	b.Helper()
	br.do(b, "open", chromedp.Navigate(url))
	br.waitReady(b)
	t := value(b, br, "times", chromedp.Evaluate[[]float64](`[
		(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime,
		window.timelinePage.readyAt]`))
	return t[0], t[1]
}

// benchPage reports the mean first paint and time to ready of url.
func benchPage(b *testing.B, br *browser, url string) {
	var paint, ready float64
	n := 0
	for b.Loop() {
		p, r := pageTimes(b, br, fmt.Sprintf("%s#%d", url, n))
		paint += p
		ready += r
		n++
		// A new document each time: the fragment alone would not reload it.
		br.do(b, "blank", chromedp.Navigate("about:blank"))
	}
	b.ReportMetric(paint/float64(n), "ms-first-paint")
	b.ReportMetric(ready/float64(n), "ms-ready")
}

// BenchmarkPageSeed times the page on the seed database: first contentful
// paint, and every event drawn with the tension chart.
func BenchmarkPageSeed(b *testing.B) {
	br := newBrowser(b)
	ts := seedServer(b)
	benchPage(b, br, ts.URL+"/")
}

// BenchmarkPageSilver times the page on the silver database: the first page
// of all events (the page draws at most timelinehttp.DefaultPageSize at
// once), and the busiest year.
func BenchmarkPageSilver(b *testing.B) {
	path, year := silverDB(b)
	br := newBrowser(b)
	ts := serveDB(b, path)
	b.Run("all", func(b *testing.B) { benchPage(b, br, ts.URL+"/") })
	b.Run("year", func(b *testing.B) { benchPage(b, br, ts.URL+"/?from="+year+"&to="+year) })
}
