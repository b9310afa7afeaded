package temporal

import (
	"testing"
)

// Rows written from the TimeML 1.2.1 / TempEval-3 annotation conventions, one
// table a convention: the guideline's reading, not the majority of the
// training data where its annotators drifted from it.

type guideCase struct {
	name, body, dct       string
	text, typ, value, mod string
}

func runGuide(t *testing.T, cases []guideCase) {
	t.Helper()
	tg := mustTagger(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xs := tg.Tag(c.body, day(c.dct))
			x, ok := find(xs, c.text)
			if !ok {
				t.Fatalf("no timex %q in %q; got %+v", c.text, c.body, xs)
			}
			if x.Type != c.typ || x.Value != c.value || x.Mod != c.mod {
				t.Errorf("%q: got %s %s mod=%q, want %s %s mod=%q", c.text, x.Type, x.Value, x.Mod, c.typ, c.value, c.mod)
			}
		})
	}
}

// A day with a part of it is a TIME whose value carries the part (TMO, TAF,
// TEV, TNI); "early" or "late" alone leaves the whole day, a DATE. The article
// of these rows is of Wednesday 1999-03-10.
func TestGuidePartOfDay(t *testing.T) {
	runGuide(t, []guideCase{
		{"weekday afternoon", "The talks resumed Tuesday afternoon in Geneva.", "1999-03-10", "Tuesday afternoon", "TIME", "1999-03-09TAF", ""},
		{"weekday evening", "The minister arrived Friday evening.", "1999-03-10", "Friday evening", "TIME", "1999-03-05TEV", ""},
		{"weekday morning", "Rebels shelled the town Saturday morning.", "1999-03-10", "Saturday morning", "TIME", "1999-03-06TMO", ""},
		{"weekday night", "The envoy left Sunday night for Cairo.", "1999-03-10", "Sunday night", "TIME", "1999-03-07TNI", ""},
		{"future weekday night", "The president will speak to the nation Friday night.", "1999-03-10", "Friday night", "TIME", "1999-03-12TNI", ""},
		{"last weekday night", "The cabinet met last Monday night.", "1999-03-10", "last Monday night", "TIME", "1999-03-08TNI", ""},
		{"early weekday stays a date", "The talks collapsed early Tuesday.", "1999-03-10", "early Tuesday", "DATE", "1999-03-09", ""},
		{"late weekday stays a date", "The ceasefire was signed late Monday.", "1999-03-10", "late Monday", "DATE", "1999-03-08", ""},
		{"early weekday morning", "The shelling began early Tuesday morning.", "1999-03-10", "early Tuesday morning", "TIME", "1999-03-09TMO", "START"},
		{"mid-afternoon yesterday", "Shares were down at mid-afternoon yesterday.", "1999-03-10", "mid-afternoon yesterday", "TIME", "1999-03-09TAF", "MID"},
		{"yesterday evening", "The embassy said so yesterday evening.", "1999-03-10", "yesterday evening", "TIME", "1999-03-09TEV", ""},
		{"no DCT keeps the part", "The talks resumed Tuesday afternoon.", "", "Tuesday afternoon", "TIME", "XXXX-WXX-2TAF", ""},
	})
}
