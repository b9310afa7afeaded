package temporal

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/olebedev/when"
)

func timeSeconds(s int64) time.Duration { return time.Duration(s) * time.Second }

var (
	reText = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	reTag  = regexp.MustCompile(`<[^>]*>`)
)

// silverTexts returns the <TEXT> bodies of the silver corpus, skipping the
// benchmark when the shared folder is absent.
func silverTexts(b testing.TB) ([]string, int64) {
	shared := needShared(b)
	files, err := filepath.Glob(filepath.Join(shared, "corpora", "silver", "*.tml"))
	if err != nil || len(files) == 0 {
		b.Skipf("skipping: no silver corpus under %s", shared)
	}
	var texts []string
	var n int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatalf("read %s: %v", f, err)
		}
		m := reText.FindSubmatch(raw)
		if m == nil {
			continue
		}
		s := html.UnescapeString(reTag.ReplaceAllString(string(m[1]), ""))
		texts = append(texts, s)
		n += int64(len(s))
	}
	return texts, n
}

var benchRef = time.Date(1998, 3, 6, 0, 0, 0, 0, time.UTC)

// benchSilver runs each over every silver text once per iteration, reporting the
// throughput in bytes of text.
func benchSilver(b *testing.B, each func(text string)) {
	texts, n := silverTexts(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			each(s)
		}
	}
}

func BenchmarkTagSilver(b *testing.B) {
	tg := mustTagger(b)
	benchSilver(b, func(s string) { tg.Tag(s, benchRef) })
}

// BenchmarkWhenSilver is the baseline: one raw when.EN.Parse per text (which finds
// only its first cluster of matches) over the same texts.
func BenchmarkWhenSilver(b *testing.B) {
	benchSilver(b, func(s string) {
		// when fails on some inputs ("Four o'clock" style captures); a failed
		// parse still did the work being measured.
		_, _ = when.EN.Parse(s, benchRef)
	})
}

// BenchmarkOccurrencesSilver measures the gazetteer lookup of named occurrences
// over the silver texts.
func BenchmarkOccurrencesSilver(b *testing.B) {
	tg := mustTagger(b)
	benchSilver(b, func(s string) { tg.Occurrences(s, benchRef) })
}
