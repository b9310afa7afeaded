package events

import (
	"strings"
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
		{"massacre", "20"}, {"ethnic cleansing", "20"}, {"downed", "19"}, {"shot down", "19"}, {"sought assistance", "02"},
	} {
		toks := sentenceTokens(doc.NewLazy(tt.text, nil), timeline.Span{Start: 0, End: len(tt.text)})
		e, end := x.lex.match(toks, 0)
		if e == nil || e.code != tt.code || end != len(toks) {
			t.Errorf("%q: got %+v ending at %d of %d, want code %s over the whole phrase", tt.text, e, end, len(toks), tt.code)
		}
	}
}

// TestLexiconSlots flags phrases that list a multi-word alternative inside a
// slot ("sought help|sought assistance" reads as "sought", "help or sought",
// "assistance"): a form repeated in two slots of one phrase is the sign.
func TestLexiconSlots(t *testing.T) {
	for _, src := range []struct{ name, text string }{{"triggers.tsv", defaultTriggers}, {"cues.tsv", defaultCues}} {
		entries, err := readEntries(strings.NewReader(src.text), src.name)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			seen := make(map[string]int)
			for i, slot := range e.phrase {
				for _, w := range slot {
					if j, ok := seen[w]; ok && j != i {
						t.Errorf("%s:%d: %q is a form of words %d and %d: write each multi-word alternative on a line of its own", src.name, e.line, w, j+1, i+1)
					}
					seen[w] = i
				}
			}
		}
	}
}
