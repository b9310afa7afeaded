package events

import (
	"testing"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// TestLexiconPhrases checks that multi-word triggers of the embedded lexicon match
// as written (a "|" inside a phrase lists forms of one word only).
func TestLexiconPhrases(t *testing.T) {
	x := mustExtractor(t)
	for _, tt := range []struct{ text, code string }{
		{"held talks", "04"}, {"hold talks", "04"}, {"spoke with", "04"},
		{"pulled out", "08"}, {"turned down", "12"}, {"air strike", "19"},
		{"recalled its ambassador", "16"}, {"no formal or open diplomacy", "16"},
		{"issued an updated ``worldwide caution", "01"}, {"called for", "02"},
		{"military exercise", "15"}, {"naval exercises", "15"}, {"according to", "01"},
	} {
		toks := sentenceTokens(doc.NewLazy(tt.text, nil), timeline.Span{Start: 0, End: len(tt.text)})
		e, end := x.lex.match(toks, 0)
		if e == nil || e.code != tt.code || end != len(toks) {
			t.Errorf("%q: got %+v ending at %d of %d, want code %s over the whole phrase", tt.text, e, end, len(toks), tt.code)
		}
	}
}
