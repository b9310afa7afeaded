package doc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func tokens(body string) []string {
	var out []string
	for _, s := range Tokenize(body) {
		out = append(out, body[s.Start:s.End])
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump said he would meet Kim.", "Trump|said|he|would|meet|Kim|."},
		{"They don't know; we can't say, won't we?", "They|do|n't|know|;|we|ca|n't|say|,|wo|n't|we|?"},
		{"They’re here and it’s Korea’s turn.", "They|’re|here|and|it|’s|Korea|’s|turn|."},
		{"I'm sure you'll see we'd go, I've said.", "I|'m|sure|you|'ll|see|we|'d|go|,|I|'ve|said|."},
		{"The Joneses' house.", "The|Joneses|'|house|."},
		{"cannot, gonna, dont", "can|not|,|gon|na|,|do|nt"},
		{"Mr. Moon met U.S. officials in Washington, D.C. on Jan. 5.", "Mr.|Moon|met|U.S.|officials|in|Washington|,|D.C.|on|Jan.|5|."},
		{"Donald J. Trump, e.g. here", "Donald|J.|Trump|,|e.g.|here"},
		{"It fell 3.5% to $1,000.50 at 10:30 on 16/11/2004.", "It|fell|3.5|%|to|$|1,000.50|at|10:30|on|16/11/2004|."},
		{"1,2 and 1,0000", "1|,|2|and|1|,|0000"},
		{"al-Ani met a well-known non-stop e-mail re-elected anti-war", "al|-|Ani|met|a|well|-|known|non-stop|e-mail|re-elected|anti-war"},
		{"in 1969-1970, call 345-8702 or 713-345-8702", "in|1969|-|1970|,|call|345-8702|or|713-345-8702"},
		{"the F-16 and mid-1980s", "the|F|-|16|and|mid-1980s"},
		{"at 10am, 65k, 5kg, the 9th and 1960s", "at|10|am|,|65|k|,|5|kg|,|the|9th|and|1960s"},
		{"See http://example.com/a_(b)?x=1. Or www.example.org, or mail john.doe@example.co.uk!",
			"See|http://example.com/a_(b)?x=1|.|Or|www.example.org|,|or|mail|john.doe@example.co.uk|!"},
		{"(https://x.org/y)", "(|https://x.org/y|)"},
		{"@realDonaldTrump wrote #Korea", "@realDonaldTrump|wrote|#Korea"},
		{"“Yes,” he said. ‘No.’ \"Maybe\" ``so''", "“|Yes|,|”|he|said|.|‘|No|.|’|\"|Maybe|\"|``|so|''"},
		{"Wait... what?! No!!! --really— yes–no", "Wait|...|what|?!|No|!!!|--|really|—|yes|–|no"},
		{"word…next", "word|…|next"},
		{"AT&T and R&D; smile :) ok", "AT&T|and|R&D|;|smile|:)|ok"},
		{"the '90s and 'tis", "the|'90s|and|'|tis"},
		{"O'Neil and Ba'ath", "O'Neil|and|Ba'ath"},
		{"[brackets] {braces} <angles>", "[|brackets|]|{|braces|}|<|angles|>"},
		{"Zürich naïve Ελλάδα 東京", "Zürich|naïve|Ελλάδα|東京"},
		{"a\u200bb\ufeffc\u00a0d", "a|b|c|d"},
		{"co\u00adoperate", "co\u00adoperate"},
		{"***Note*** ==x==", "***|Note|***|==|x|=="},
		{"", ""},
		{"   \n\t ", ""},
	}
	for _, tt := range tests {
		got := strings.Join(tokens(tt.in), "|")
		if got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// Bytes that are not UTF-8 are tokens of their own and never join a
// neighbour's rune.
func TestTokenizeInvalidUTF8(t *testing.T) {
	in := "ab\xffcd \xe2\x80 x\xc3"
	got := strings.Join(tokens(in), "|")
	want := "ab|\xff|cd|\xe2|\x80|x|\xc3"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// checkSpans checks what every tokenisation must hold: spans in order, not
// empty, not overlapping, on rune boundaries, covering every byte that is not
// a separator.
func checkSpans(t *testing.T, body string, starts, ends []int) {
	t.Helper()
	covered := make([]bool, len(body))
	last := 0
	for k := range starts {
		a, b := starts[k], ends[k]
		if a < last || b <= a || b > len(body) {
			t.Fatalf("token %d: span [%d,%d) after %d in %q", k, a, b, last, body)
		}
		if a < len(body) && !utf8.RuneStart(body[a]) && validAt(body, a) || b < len(body) && !utf8.RuneStart(body[b]) && validAt(body, b) {
			t.Fatalf("token %d: span [%d,%d) splits a rune in %q", k, a, b, body)
		}
		for i := a; i < b; i++ {
			covered[i] = true
		}
		last = b
	}
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if !covered[i] && !isSeparator(r, size) {
			t.Fatalf("byte %d (%q) of %q is in no token", i, body[i:i+size], body)
		}
		i += size
	}
}

// validAt reports whether the byte at i is part of a valid UTF-8 sequence
// (a continuation byte of a broken sequence may stand alone).
func validAt(body string, i int) bool {
	for j := i; j >= 0 && j > i-4; j-- {
		if utf8.RuneStart(body[j]) {
			r, size := utf8.DecodeRuneInString(body[j:])
			return !(r == utf8.RuneError && size == 1) && j+size > i
		}
	}
	return false
}

func fuzzSeeds(f *testing.F) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
}

func FuzzTokenize(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body string) {
		spans := Tokenize(body)
		starts, ends := make([]int, len(spans)), make([]int, len(spans))
		for i, s := range spans {
			starts[i], ends[i] = s.Start, s.End
		}
		checkSpans(t, body, starts, ends)
	})
}
