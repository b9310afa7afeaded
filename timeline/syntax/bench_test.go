package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/timelinehq/timeline/timeline/conllu"
	"github.com/timelinehq/timeline/timeline/doc"
	"github.com/timelinehq/timeline/timeline/timeml"
)

// BenchmarkAnnotate tags, lemmatises and parses the words of EWT dev, one
// sentence after another on one goroutine, and reports words per second.
func BenchmarkAnnotate(b *testing.B) {
	path := "../../../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu"
	sents, err := conllu.ReadFile(path)
	if err != nil {
		b.Skipf("EWT dev not found (%v): skipping", err)
	}
	var words [][]string
	n := 0
	for _, s := range sents {
		var w []string
		for _, i := range s.Words() {
			w = append(w, s.Rows[i].Form)
		}
		words = append(words, w)
		n += len(w)
	}
	m := model(b)
	out := make([]doc.Analysis, 0, 256)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, w := range words {
			out = append(out[:0], make([]doc.Analysis, len(w))...)
			if err := m.Annotate(w, out); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkAnalyzeSilver tokenizes, tags and parses the silver articles' text
// (their TEXT, TimeML tags stripped), one goroutine.
func BenchmarkAnalyzeSilver(b *testing.B) {
	benchmarkSilver(b, Analyze)
}

// BenchmarkAnalyzeLazySilver only tokenizes the silver articles' text and
// splits it into sentences (AnalyzeLazy, no sentence parsed): the cost of a
// document whose sentences are parsed only where needed, before any is.
func BenchmarkAnalyzeLazySilver(b *testing.B) {
	benchmarkSilver(b, AnalyzeLazy)
}

func benchmarkSilver(b *testing.B, analyze func(string) (*doc.Doc, error)) {
	files, _ := filepath.Glob("../../../shared/corpora/silver/*.tml")
	if len(files) == 0 {
		b.Skip("silver corpus not found: skipping")
	}
	var bodies []string
	size, tokens := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		tf, err := timeml.Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, tf.Body)
		size += len(tf.Body)
	}
	model(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		tokens = 0
		for _, body := range bodies {
			d, err := analyze(body)
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(size)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad reads the embedded model (Load), as every command that parses
// does once when it starts.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}
