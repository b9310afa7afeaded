package pipeline_test

import (
	"os"
	"path/filepath"
	"testing"

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
