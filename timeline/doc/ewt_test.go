package doc_test

import (
	"os"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/conllu"
	"github.com/timelinehq/timeline/timeline/doc"
)

// TestTokenizeEWT measures how closely the tokenizer follows UD English EWT's
// words on the dev sentences' text: the parser was trained on those
// conventions. What is left are EWT's own inconsistencies ("60's" whole,
// "Tuesday's" whole) and typing errors it splits ("iwas").
func TestTokenizeEWT(t *testing.T) {
	path := "../../../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("EWT not found at %s (%v): skipping", path, err)
	}
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tp, fp, fn := 0, 0, 0
	for _, s := range sents {
		text, _ := s.Comment("text")
		gold := map[[2]int]bool{}
		pos := 0
		aligned := true
		for _, i := range s.Words() {
			f := s.Rows[i].Form
			for pos < len(text) && text[pos] == ' ' {
				pos++
			}
			if !strings.HasPrefix(text[pos:], f) {
				aligned = false
				break
			}
			gold[[2]int{pos, pos + len(f)}] = true
			pos += len(f)
		}
		if !aligned {
			continue
		}
		for _, sp := range doc.Tokenize(text) {
			if k := [2]int{sp.Start, sp.End}; gold[k] {
				tp++
				delete(gold, k)
			} else {
				fp++
			}
		}
		fn += len(gold)
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("EWT dev words: P %.4f R %.4f F1 %.4f", p, r, f1)
	if f1 < 0.99 {
		t.Errorf("F1 %.4f against EWT's words, want at least 0.99", f1)
	}
}
