package doc

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// chain is a test annotator: each word's head is the word after it, the last
// word is the root; tags and lemmas are fixed strings.
type chain struct{ calls int }

func (c *chain) Annotate(words []string, out []Analysis) error {
	c.calls++
	for i := range words {
		out[i] = Analysis{Lemma: strings.ToLower(words[i]), UPOS: "X", XPOS: "FW", Head: i + 1, Dep: "dep"}
	}
	out[len(out)-1].Head, out[len(out)-1].Dep = -1, "root"
	return nil
}

// fixed annotates with given heads and relations (one sentence).
type fixed struct {
	heads []int
	deps  []string
}

func (f fixed) Annotate(words []string, out []Analysis) error {
	for i := range words {
		out[i] = Analysis{Head: f.heads[i], Dep: f.deps[i]}
	}
	return nil
}

func TestNewTokensAndSentences(t *testing.T) {
	body := "Kim met Moon. They talked.\n\nNo deal."
	d, err := New(body, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sentences {
		var words []string
		for i := s.Start; i < s.End; i++ {
			words = append(words, d.Tokens[i].Text)
			if d.Tokens[i].Sent != len(got) || d.Tokens[i].Head != -1 {
				t.Errorf("token %d: sentence %d head %d", i, d.Tokens[i].Sent, d.Tokens[i].Head)
			}
		}
		if body[s.Span.Start:s.Span.End] != strings.Join(words, " ") && !strings.HasSuffix(body[s.Span.Start:s.Span.End], ".") {
			t.Errorf("sentence span %q", body[s.Span.Start:s.Span.End])
		}
		got = append(got, strings.Join(words, " "))
	}
	want := []string{"Kim met Moon .", "They talked .", "No deal ."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if d.Sentences[0].Root != -1 {
		t.Error("root set without an annotator")
	}
}

// The helpers on a hand-made tree of "Kim met Moon in Seoul ." (UD: met is the
// root, Kim nsubj, Moon obj, Seoul obl with case in, the period punct).
func TestHelpers(t *testing.T) {
	body := "Kim met Moon in Seoul."
	d, err := New(body, fixed{
		heads: []int{1, -1, 1, 4, 1, 1},
		deps:  []string{"nsubj", "root", "obj", "case", "obl:in", "punct"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if d.Sentences[0].Root != 1 {
		t.Fatalf("root %d, want 1", d.Sentences[0].Root)
	}
	if got := d.Children(1); len(got) != 4 || got[0] != 0 || got[1] != 2 || got[2] != 4 || got[3] != 5 {
		t.Errorf("children of met: %v", got)
	}
	if s := d.Subject(1); s != 0 {
		t.Errorf("subject %d, want 0 (Kim)", s)
	}
	if o := d.Object(1); o != 2 {
		t.Errorf("object %d, want 2 (Moon)", o)
	}
	if c := d.Child(1, "obl"); c != 4 {
		t.Errorf("obl child %d, want 4 (Seoul)", c)
	}
	if c := d.Child(1, "obl:tmod"); c != -1 {
		t.Errorf("obl:tmod child %d, want none", c)
	}
	if d.Rel(4) != "obl" {
		t.Errorf("Rel(Seoul) = %q", d.Rel(4))
	}
	if f, e := d.Subtree(4); f != 3 || e != 5 {
		t.Errorf("subtree of Seoul [%d,%d), want [3,5)", f, e)
	}
	if sp := d.SubtreeSpan(4); body[sp.Start:sp.End] != "in Seoul" {
		t.Errorf("subtree span %q", body[sp.Start:sp.End])
	}
	if sp := d.SubtreeSpan(1); body[sp.Start:sp.End] != body {
		t.Errorf("subtree of the root %q", body[sp.Start:sp.End])
	}
	if !d.IsAncestor(1, 3) || d.IsAncestor(3, 1) || d.IsAncestor(0, 0) {
		t.Error("IsAncestor")
	}
	for off, want := range map[int]int{0: 0, 2: 0, 3: -1, 4: 1, 21: 5, 22: -1, -1: -1} {
		if got := d.TokenAt(off); got != want {
			t.Errorf("TokenAt(%d) = %d, want %d", off, got, want)
		}
	}
	if f, e := d.TokensIn(timeline.Span{Start: 5, End: 14}); f != 1 || e != 4 {
		t.Errorf("TokensIn(5,14) = [%d,%d), want [1,4)", f, e)
	}
	if f, e := d.TokensIn(timeline.Span{Start: 3, End: 4}); f != e {
		t.Errorf("TokensIn(3,4) = [%d,%d), want empty", f, e)
	}
	if d.SentenceAt(7) != 0 || d.SentenceAt(100) != -1 {
		t.Error("SentenceAt")
	}
	if d.SpaceAfter(4) || !d.SpaceAfter(0) || !d.SpaceAfter(5) {
		t.Error("SpaceAfter")
	}
}

type bad struct {
	heads []int
	err   error
}

func (b bad) Annotate(words []string, out []Analysis) error {
	for i := range out {
		out[i].Head = b.heads[i%len(b.heads)]
	}
	return b.err
}

func TestNewRejectsBadTrees(t *testing.T) {
	for _, tt := range []struct {
		name  string
		heads []int
	}{
		{"two roots", []int{-1, -1}},
		{"no root", []int{1, 0}},
		{"cycle", []int{-1, 2, 1}},
		{"self", []int{0, -1}},
		{"out of range", []int{-1, 9}},
	} {
		if _, err := New("a b c", bad{heads: tt.heads}); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	boom := errors.New("boom")
	if _, err := New("a b", bad{heads: []int{-1, 0}, err: boom}); !errors.Is(err, boom) {
		t.Errorf("annotator error lost: %v", err)
	}
}

// A sentence of thousands of tokens is cut into parse units of at most
// MaxSentenceTokens, at a comma where there is one.
func TestNewCapsSentences(t *testing.T) {
	body := strings.Repeat("word word word, ", 1000) + "end."
	c := &chain{}
	d, err := New(body, c)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range d.Sentences {
		n := s.End - s.Start
		total += n
		if n > MaxSentenceTokens {
			t.Fatalf("sentence of %d tokens", n)
		}
		if s.End < len(d.Tokens) && d.Tokens[s.End-1].Text != "," {
			t.Errorf("unit ends at %q, want a comma", d.Tokens[s.End-1].Text)
		}
		if d.Tokens[s.Root].Head != -1 || d.Tokens[s.Root].Sent != d.Tokens[s.Start].Sent {
			t.Errorf("bad root")
		}
	}
	if total != 4002 || c.calls != len(d.Sentences) {
		t.Errorf("%d tokens in %d sentences, %d calls", total, len(d.Sentences), c.calls)
	}
	// Heads stay inside their sentence.
	for i, tok := range d.Tokens {
		if tok.Head >= 0 && d.Tokens[tok.Head].Sent != tok.Sent {
			t.Fatalf("token %d heads into another sentence", i)
		}
	}
}

func FuzzNew(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, body string) {
		d, err := New(body, &chain{})
		if err != nil {
			t.Fatal(err)
		}
		starts, ends := make([]int, len(d.Tokens)), make([]int, len(d.Tokens))
		for i, tok := range d.Tokens {
			if tok.Text != body[tok.Span.Start:tok.Span.End] {
				t.Fatalf("token %d text %q, span %v", i, tok.Text, tok.Span)
			}
			starts[i], ends[i] = tok.Span.Start, tok.Span.End
		}
		checkSpans(t, body, starts, ends)
		next := 0
		for si, s := range d.Sentences {
			if s.Start != next || s.End <= s.Start || s.End-s.Start > MaxSentenceTokens {
				t.Fatalf("sentence %d: tokens [%d,%d) after %d", si, s.Start, s.End, next)
			}
			if s.Root < s.Start || s.Root >= s.End {
				t.Fatalf("sentence %d: root %d", si, s.Root)
			}
			next = s.End
		}
		if next != len(d.Tokens) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(d.Tokens))
		}
		// Children are the tokens that name the token as head, in order;
		// a lazy document parsed backwards is the same document.
		lazy := NewLazy(body, &chain{})
		for s := len(lazy.Sentences) - 1; s >= 0; s-- {
			if err := lazy.Parse(s); err != nil {
				t.Fatal(err)
			}
		}
		for i := range d.Tokens {
			var want []int
			for j, tok := range d.Tokens {
				if tok.Head == i {
					want = append(want, j)
				}
			}
			if !slices.Equal(d.Children(i), want) || !slices.Equal(lazy.Children(i), want) || lazy.Tokens[i] != d.Tokens[i] {
				t.Fatalf("token %d: children %v, lazy %v, want %v", i, d.Children(i), lazy.Children(i), want)
			}
		}
	})
}
