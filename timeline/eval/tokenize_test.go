package eval

import (
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		text   string
		tokens []string
	}{
		{"Mr. Smith said Friday.", []string{"Mr.", "Smith", "said", "Friday", "."}},
		{"the U.S. economy", []string{"the", "U.S.", "economy"}},
		{"isn't it?", []string{"is", "n't", "it", "?"}},
		{"(Jan. 5)", []string{"(", "Jan.", "5", ")"}},
		{"a mid-year pause", []string{"a", "mid", "-", "year", "pause"}},
		{"1997-98 and 1-2-3", []string{"1997", "-", "98", "and", "1-2-3"}},
		{"wait...now", []string{"wait", "...", "now"}},
		{"end.Next", []string{"end", ".", "Next"}},
		{"a,b 1,000", []string{"a", ",", "b", "1,000"}},
		{"x <b c> y", []string{"x", "<bc>", "y"}},
		{"a|b", []string{"a", "-", "b"}},
	}
	for _, tt := range tests {
		if got := tokenize(tt.text, DefaultAbbreviations); !reflect.DeepEqual(got, tt.tokens) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.tokens)
		}
	}
}

// TestTokenizeAgainstReference compares the tokens and their spans with
// te3score.py's on random strings made of the characters its rules treat
// specially (abbreviations, clitics, quotes, C1 controls, Unicode spaces,
// capital sigma and dotted I whose lowercase shifts offsets).
func TestTokenizeAgainstReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	alpha := []string{"a", "b", "Z", "É", "é", "İ", "Σ", " ", " ", "\n", "\t", ".", "..", "...", ",", ";",
		"!", "?", "/", "-", "--", "|", "'", "'s", "n't", "\"", "(", ")", "[", "]", "«", "»", "\u0082",
		"\u0093", "\u00a0", "\u001c", "%", ":", "<", ">", "<b x>", "&amp;", "&x;", "1", "9", "U.S.", "Mr.",
		"Jan.", "e.g.", "a.m.", "`", "´", "\r", "\u2019", "ß", "Ab", "cd.", "Ef:", "Gh"}
	r := rand.New(rand.NewSource(1))
	texts := make([]string, 5000)
	for i := range texts {
		for range 1 + r.Intn(30) {
			texts[i] += alpha[r.Intn(len(alpha))]
		}
	}
	in, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(f, in, 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `
import sys, json
sys.path.insert(0, sys.argv[1])
import te3score as T
out = []
for s in json.load(open(sys.argv[2])):
    toks = T.tokenize(s, T.DEFAULT_ABBREVIATIONS)
    out.append({"tokens": toks, "spans": T.token_spans(s, toks)})
print(json.dumps(out))
`
	stdout, stderr := runPython(t, py, "-c", script, filepath.Join(shared, "tools"), f)
	var want []struct {
		Tokens []string `json:"tokens"`
		Spans  [][2]int `json:"spans"`
	}
	if err := json.Unmarshal(stdout, &want); err != nil {
		t.Fatalf("reference output: %v\n%s", err, stderr)
	}
	for i, s := range texts {
		toks := tokenize(s, DefaultAbbreviations)
		var spans [][2]int
		for _, sp := range tokenSpans([]rune(s), toks) {
			spans = append(spans, [2]int{sp.start, sp.end})
		}
		if !sameTokens(toks, want[i].Tokens) || !sameSpans(spans, want[i].Spans) {
			t.Errorf("%q:\n got %q %v\nwant %q %v", s, toks, spans, want[i].Tokens, want[i].Spans)
		}
	}
}

func sameTokens(a, b []string) bool { return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b) }

func sameSpans(a, b [][2]int) bool { return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b) }

// TestTokenizeLongInputs guards against quadratic work on pathological words: a
// long run of closing brackets, of clitics, and tokens that cannot be found.
func TestTokenizeLongInputs(t *testing.T) {
	for _, s := range []string{strings.Repeat(")", 100000), strings.Repeat("'s", 50000), strings.Repeat("a|b ", 25000)} {
		done := make(chan int)
		go func() {
			toks := tokenize(s, DefaultAbbreviations)
			tokenSpans([]rune(s), toks)
			done <- len(toks)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("tokenizing %q... takes more than 20s", s[:8])
		}
	}
}
