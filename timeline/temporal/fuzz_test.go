package temporal

import (
	"testing"
	"unicode/utf8"
)

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The talks will resume on Monday, March 3, 2014, at 10:35 a.m. EST.",
		"for two years since 2012 the past three months early December",
		"$2,012 and 2012 troops; he may be open",
		"Aug. 2,500 — “now” ‘recently’ 年 1990s '90s",
		"",
		"a\xffb 1998 Friday",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(886000000))
	}
	tg, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string, sec int64) {
		var ref = day("")
		if sec > 0 && sec < 4e9 {
			ref = day("1970-01-01").Add(timeSeconds(sec))
		}
		prev := 0
		for i, x := range tg.Tag(body, ref) {
			s, e := x.Span.Start, x.Span.End
			if s < prev || e <= s || e > len(body) {
				t.Fatalf("timex %d span %v out of order or range (prev end %d, len %d)", i, x.Span, prev, len(body))
			}
			if utf8.ValidString(body) && (!utf8.RuneStart(body[s]) || e < len(body) && !utf8.RuneStart(body[e])) {
				t.Fatalf("timex %d span %v cuts a rune", i, x.Span)
			}
			if body[s:e] != x.Text {
				t.Fatalf("timex %d text %q does not match span", i, x.Text)
			}
			prev = e
		}
		tg.Occurrences(body, ref)
		tg.InferDCT(body)
	})
}
