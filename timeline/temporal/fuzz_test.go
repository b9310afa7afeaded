package temporal

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/doc"
)

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The talks will resume on Monday, March 3, 2014, at 10:35 a.m. EST.",
		"for two years since 2012 the past three months early December",
		"$2,012 and 2012 troops; he may be open",
		"Aug. 2,500 — “now” ‘recently’ 年 1990s '90s",
		"",
		"a\xffb 1998 Friday",
		"BEIJING, April 9 , 1997 (AFP) - WASHINGTON, Aug. 11 (Xinhua) -- the 2018 PyeongChang Winter Olympics 2018 in Sochi",
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
		xs := tg.Tag(body, ref)
		// Tagging a body alone reads the tokens its analysed document has.
		if ys, _ := tg.TagDoc(doc.NewLazy(body, nil), ref); !reflect.DeepEqual(xs, ys) && (len(xs) > 0 || len(ys) > 0) {
			t.Fatalf("Tag and TagDoc differ:\n%+v\n%+v", xs, ys)
		}
		for i, x := range xs {
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
		for _, o := range tg.Occurrences(body, ref) {
			if o.Span.Start < 0 || o.Span.End > len(body) || o.Span.End <= o.Span.Start || body[o.Span.Start:o.Span.End] != o.Text {
				t.Fatalf("occurrence %q span %v out of range or text", o.Text, o.Span)
			}
		}
		if lo, hi, ok := tg.InferDCT(body); ok && !lo.IsZero() && !hi.IsZero() && hi.Before(lo) {
			t.Fatalf("InferDCT bounds %v..%v reversed", lo, hi)
		}
	})
}
