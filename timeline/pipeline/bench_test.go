package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// silverDir is the TempEval-3 silver corpus beside the project (../shared), which
// users' machines do not have.
const silverDir = "../../../shared/corpora/silver"

func loadSilver(b *testing.B) []timeline.Document {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(silverDir, "*.tml"))
	if err != nil || len(files) == 0 {
		b.Skipf("no silver corpus at %s (../shared absent): skipping", silverDir)
	}
	var docs []timeline.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		ds, errs := article.Parse(f, data, nil)
		if len(errs) > 0 {
			b.Fatalf("%s: %v", f, errs[0])
		}
		docs = append(docs, ds...)
	}
	return docs
}

// BenchmarkPipelineSilver runs the whole analysis (sentences, dates, DCT
// inference when needed, occurrences, events) over the 1,200 silver articles.
// One op is the whole corpus; articles/s and KB/s are reported.
func BenchmarkPipelineSilver(b *testing.B) {
	docs := loadSilver(b)
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	events := 0
	for b.Loop() {
		events = 0
		for _, d := range docs {
			a, err := p.Analyze(d)
			if err != nil {
				b.Fatal(err)
			}
			events += len(a.Events)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(events), "events/corpus")
}

// BenchmarkHugeArticle analyses articles of the largest size accepted
// (timeline.MaxBodyBytes, 8 MiB) made of pathological text: a run of years
// with no sentence end, a sentence with an event and a date repeated, short
// sentences with nothing in them, and the seed article repeated. The limits of
// temporal and events keep each linear; compare with BenchmarkPipelineSilver.
func BenchmarkHugeArticle(b *testing.B) {
	seedBody, err := os.ReadFile("../../fixtures/seed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		b.Fatal(err)
	}
	fill := func(unit string) string {
		s := strings.Repeat(unit, timeline.MaxBodyBytes/len(unit))
		return s[:strings.LastIndexByte(s, ' ')]
	}
	for _, tt := range []struct{ name, unit string }{
		{"years", "2014 "},
		{"dated-events", "Iraq met Iran on Monday. "},
		{"empty-sentences", "The talks went on. "},
		{"seed-repeated", string(seedBody) + "\n\n"},
	} {
		body := fill(tt.unit)
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Analyze(timeline.Document{ID: "huge", Body: body, DCT: time.Date(2018, 1, 12, 0, 0, 0, 0, time.UTC)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
