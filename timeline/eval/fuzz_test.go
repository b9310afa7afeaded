package eval

import (
	"os"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// FuzzScoreTimex scores arbitrary gold and system files against each other: the
// scorer must never panic, and a document scored against itself is perfect.
func FuzzScoreTimex(f *testing.F) {
	for _, p := range []string{"testdata/timex/gold/d1.tml", "testdata/timex/system/d1.tml.TE3input.tml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, data)
	}
	f.Add([]byte("<TEXT>İΣ <TIMEX3 type='DATE'>a</TIMEX3><TIMEX3 value=\"x\"/>\n&#0;</TEXT>"), []byte("<TEXT>x</TEXT>"))
	f.Fuzz(func(t *testing.T, gold, sys []byte) {
		g, err := ParseTimexDoc("gold.tml", gold)
		if err != nil {
			return
		}
		rep := ScoreTimex([]TimexPair{{Gold: g, System: g}})
		if c := rep.Total; c.Gold != c.System || c.Relaxed != c.Gold && hasContent(g) {
			t.Fatalf("document against itself: %+v", c)
		}
		if s, err := ParseTimexDoc("sys.tml", sys); err == nil {
			ScoreTimex([]TimexPair{{Gold: g, System: s}})
		}
		s, err := SystemDoc(g, []timeline.Timex{{Span: timeline.Span{Start: 0, End: len(g.Text) / 2}}})
		if err == nil && s.Text != g.Text {
			t.Fatalf("SystemDoc changed the text: %q -> %q", g.Text, s.Text)
		}
	})
}

// hasContent reports whether every timex has non-blank content, without which
// the reference counts no relaxed match even against itself.
func hasContent(d *TimexDoc) bool {
	for _, el := range d.elems {
		if el.kind == "TIMEX3" && pyStrip(el.content()) == "" {
			return false
		}
	}
	return true
}
