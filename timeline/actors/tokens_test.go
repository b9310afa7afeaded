package actors_test

import (
	"fmt"
	"testing"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// TestFindTokens checks that names are found the same way in text the
// analysed document has split into its own tokens (UD's: hyphens, clitics
// and "cannot" apart, "U.S." and "1,000" whole) as in the raw text, and that a
// pronoun a contraction hid becomes a token of its own.
func TestFindTokens(t *testing.T) {
	d := mustDefault(t)
	at := day("2017-10-01")
	for _, tt := range []struct {
		text  string
		extra []string // mentions only the document's tokens give
	}{
		{"Kim Jong-Un and Kim Jong-il met in Pyongyang.", nil},
		{"North Korea’s leader Kim Jong Un warned the U.S. and the Koreas' allies.", nil},
		{"John F. Kennedy and the U.N. Security Council; Moon Jae-in's aides.", nil},
		{"Secretary of State Rex Tillerson\n\nChina said 1,000 U.S.-led troops cannot stay.", nil},
		{"the Ethiopian and Eritrean leaders, N'Djamena and O'Neill", nil},
		{`"We're ready," Seoul said.`, []string{"We"}},
	} {
		spans := doc.Tokenize(tt.text)
		raw := d.Find(tt.text, 0, at)
		got := d.FindTokens(tt.text, spans, at)
		if len(raw) == 0 {
			t.Fatalf("%q: %d mentions in the raw text; the case tests nothing", tt.text, len(raw))
		}
		want := map[string]int{}
		for _, m := range raw {
			want[fmt.Sprintf("%q %s", m.Text, m.Actor.Code)]++
		}
		for _, e := range tt.extra {
			want[fmt.Sprintf("%q %s", e, "")]++
		}
		have := map[string]int{}
		for _, m := range got {
			have[fmt.Sprintf("%q %s", m.Text, m.Actor.Code)]++
		}
		if fmt.Sprint(have) != fmt.Sprint(want) {
			t.Errorf("%q: from the document's tokens %v, want %v", tt.text, have, want)
		}
		for _, m := range got {
			if m.Span.Start < 0 || m.Span.End > len(tt.text) || tt.text[m.Span.Start:m.Span.End] != m.Text {
				t.Errorf("%q: mention %q at %v does not hold its text", tt.text, m.Text, m.Span)
			}
		}
	}
}

// FuzzFindTokens checks FindTokens over the document's tokens of any text,
// and over spans that are not in order: mentions hold their text, in order.
func FuzzFindTokens(f *testing.F) {
	for _, s := range []string{
		"North Korea’s leader Kim Jong Un told the U.S. president.",
		"Kim Jong-Un and Kim Jong-il; Moon Jae-in's aides\n\nWe're ready",
		"the two Koreas' leaders; U.S.A. U.S US us it's Koreas' ’s",
		"ex-president Bush-", "Kim Jong-", "\xff\xfe’", "A.B.C.D.", "-", "'s",
	} {
		f.Add(s, uint8(0))
	}
	d := mustDefault(f)
	at := day("2000-01-01")
	f.Fuzz(func(t *testing.T, s string, shuffle uint8) {
		spans := doc.Tokenize(s)
		if shuffle > 0 && len(spans) > 1 {
			k := int(shuffle) % len(spans)
			spans[0], spans[k] = spans[k], spans[0]
			spans = append(spans, timeline.Span{Start: -1, End: len(s) + 1})
		}
		prev := 0
		for _, m := range d.FindTokens(s, spans, at) {
			if m.Span.Start < prev || m.Span.End <= m.Span.Start || m.Span.End > len(s) {
				t.Fatalf("bad span %v after %d in %q (len %d)", m.Span, prev, s, len(s))
			}
			if s[m.Span.Start:m.Span.End] != m.Text {
				t.Fatalf("span %v is not text %q", m.Span, m.Text)
			}
			prev = m.Span.End
		}
	})
}
