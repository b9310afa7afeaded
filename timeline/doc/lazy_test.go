package doc

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/text"
)

// heap is a test annotator that makes a projective tree with some shape to
// it: words are ranked by length (longer first, then earlier), the top one is
// the root, and every other word takes as head the lower-ranked of the
// nearest higher-ranked words on its left and on its right (a Cartesian tree).
// Tags and relations come from the word, so that they differ between words.
type heap struct{ calls int }

func (h *heap) Annotate(words []string, out []Analysis) error {
	h.calls++
	above := func(a, b int) bool { // a ranks higher than b
		return len(words[a]) > len(words[b]) || len(words[a]) == len(words[b]) && a < b
	}
	for k, w := range words {
		l, r := -1, -1
		for j := k - 1; j >= 0; j-- {
			if above(j, k) {
				l = j
				break
			}
		}
		for j := k + 1; j < len(words); j++ {
			if above(j, k) {
				r = j
				break
			}
		}
		head := l
		if head < 0 || r >= 0 && above(l, r) {
			head = r
		}
		tag := []string{"NOUN", "VERB", "ADP", "PUNCT"}[len(w)%4]
		out[k] = Analysis{Lemma: strings.ToLower(w), UPOS: tag, XPOS: tag[:2], Head: head, Dep: "dep:" + tag}
		if head < 0 {
			out[k].Dep = "root"
		}
	}
	return nil
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// A lazy document whose sentences are parsed one by one, in any order and
// more than once, equals the document parsed whole: tokens with their tags,
// heads and relations, sentences with their roots, children.
func TestLazyEqualsEager(t *testing.T) {
	bodies := map[string]string{
		"news":   readTestdata(t, "testdata/news.txt"),
		"junk":   readTestdata(t, "testdata/junk.txt"),
		"dense":  readTestdata(t, "testdata/dense.txt"),
		"one":    "Talks resumed.",
		"empty":  "",
		"commas": strings.Repeat("word word word, ", 300) + "end. And more.",
	}
	orders := map[string]func(n int) []int{
		"forward": func(n int) []int {
			var o []int
			for s := range n {
				o = append(o, s)
			}
			return o
		},
		"backward twice": func(n int) []int {
			var o []int
			for range 2 {
				for s := n - 1; s >= 0; s-- {
					o = append(o, s)
				}
			}
			return o
		},
		"odd then even": func(n int) []int {
			var o []int
			for _, parity := range []int{1, 0} {
				for s := parity; s < n; s += 2 {
					o = append(o, s)
				}
			}
			return o
		},
	}
	for name, body := range bodies {
		eager, err := New(body, &heap{})
		if err != nil {
			t.Fatal(err)
		}
		for oname, order := range orders {
			a := &heap{}
			lazy := NewLazy(body, a)
			for _, s := range order(len(lazy.Sentences)) {
				if err := lazy.Parse(s); err != nil {
					t.Fatalf("%s, %s: %v", name, oname, err)
				}
				if !lazy.Parsed(s) {
					t.Fatalf("%s, %s: sentence %d not parsed after Parse", name, oname, s)
				}
			}
			if a.calls != len(lazy.Sentences) {
				t.Errorf("%s, %s: %d annotations of %d sentences", name, oname, a.calls, len(lazy.Sentences))
			}
			if !reflect.DeepEqual(lazy.Tokens, eager.Tokens) || !reflect.DeepEqual(lazy.Sentences, eager.Sentences) {
				t.Errorf("%s, %s: tokens or sentences differ", name, oname)
			}
			for i := range eager.Tokens {
				if !slices.Equal(lazy.Children(i), eager.Children(i)) {
					t.Errorf("%s, %s: children of %d: %v, want %v", name, oname, i, lazy.Children(i), eager.Children(i))
				}
			}
		}
	}
}

// Before its sentence is parsed a token has no analysis and no tree, and the
// helpers say so; parsing one sentence leaves the others as they were.
func TestLazyUnparsed(t *testing.T) {
	body := "Kim met Moon in Seoul. They talked for hours. No deal was reached."
	eager, err := New(body, &heap{})
	if err != nil {
		t.Fatal(err)
	}
	a := &heap{}
	d := NewLazy(body, a)
	if len(d.Sentences) != 3 {
		t.Fatalf("%d sentences", len(d.Sentences))
	}
	unparsed := func(s int) {
		t.Helper()
		sent := d.Sentences[s]
		if d.Parsed(s) || sent.Root != -1 {
			t.Errorf("sentence %d: parsed %v, root %d", s, d.Parsed(s), sent.Root)
		}
		for i := sent.Start; i < sent.End; i++ {
			tok := d.Tokens[i]
			if tok.Head != -1 || tok.Dep != "" || tok.UPOS != "" || tok.XPOS != "" || tok.Lemma != "" {
				t.Errorf("token %d analysed: %+v", i, tok)
			}
			if len(d.Children(i)) != 0 || d.Child(i, "dep") != -1 || d.Subject(i) != -1 || d.Object(i) != -1 || d.Rel(i) != "" {
				t.Errorf("token %d has dependents", i)
			}
			if f, e := d.Subtree(i); f != i || e != i+1 {
				t.Errorf("subtree of %d: [%d,%d)", i, f, e)
			}
			if d.SubtreeSpan(i) != tok.Span {
				t.Errorf("subtree span of %d: %v", i, d.SubtreeSpan(i))
			}
			for j := range d.Tokens {
				if d.IsAncestor(j, i) {
					t.Errorf("%d is an ancestor of %d", j, i)
				}
			}
		}
	}
	for s := range d.Sentences {
		unparsed(s)
	}
	if err := d.Parse(1); err != nil {
		t.Fatal(err)
	}
	if err := d.Parse(1); err != nil || a.calls != 1 {
		t.Errorf("second Parse: %v, %d annotations", err, a.calls)
	}
	unparsed(0)
	unparsed(2)
	s := d.Sentences[1]
	if !d.Parsed(1) || s != eager.Sentences[1] {
		t.Errorf("sentence 1: parsed %v, %+v, want %+v", d.Parsed(1), s, eager.Sentences[1])
	}
	for i := s.Start; i < s.End; i++ {
		if d.Tokens[i] != eager.Tokens[i] || !slices.Equal(d.Children(i), eager.Children(i)) {
			t.Errorf("token %d: %+v %v, want %+v %v", i, d.Tokens[i], d.Children(i), eager.Tokens[i], eager.Children(i))
		}
	}
	if d.Subject(s.Root) != eager.Subject(s.Root) || d.SubtreeSpan(s.Root) != eager.SubtreeSpan(s.Root) {
		t.Error("helpers on the parsed sentence differ from the eager document's")
	}
	for _, s := range []int{-1, 3} {
		if err := d.Parse(s); err == nil || d.Parsed(s) {
			t.Errorf("Parse(%d): no error", s)
		}
	}
}

// A sentence the annotator fails on stays unparsed, with the annotator's
// error; so does every sentence of a document without an annotator.
func TestLazyParseErrors(t *testing.T) {
	boom := errors.New("boom")
	d := NewLazy("Kim met Moon.", bad{heads: []int{-1, 0}, err: boom})
	if err := d.Parse(0); !errors.Is(err, boom) || d.Parsed(0) {
		t.Errorf("failing annotator: %v, parsed %v", err, d.Parsed(0))
	}
	d = NewLazy("a b c", bad{heads: []int{-1, -1}})
	if err := d.Parse(0); err == nil || d.Parsed(0) || d.Tokens[0].Head != -1 || d.Tokens[1].Head != -1 {
		t.Errorf("two roots accepted: %v", err)
	}
	d = NewLazy("Kim met Moon.", nil)
	if err := d.Parse(0); err == nil || d.Parsed(0) {
		t.Errorf("no annotator: %v", err)
	}
	if len(d.Tokens) != 4 || d.SubtreeSpan(1) != (timeline.Span{Start: 4, End: 7}) {
		t.Errorf("tokens %+v", d.Tokens)
	}
}

// TestTextSentences checks that the document keeps the splitter's sentences
// whole, while its own sentences cut a long one.
func TestTextSentences(t *testing.T) {
	body := "A short one. " + strings.Repeat("word ", MaxSentenceTokens+10) + "end. Last one."
	d := NewLazy(body, nil)
	if got, want := d.TextSentences(), text.Sentences(body); !reflect.DeepEqual(got, want) {
		t.Errorf("TextSentences() = %v, want %v", got, want)
	}
	if len(d.Sentences) <= len(d.TextSentences()) {
		t.Errorf("%d sentences for %d split: the long one was not cut", len(d.Sentences), len(d.TextSentences()))
	}
}
