// Package doc is the analysed document: an article's body read once into
// tokens with byte spans, sentences, lemmas, part-of-speech tags and a labelled
// dependency tree per sentence (Universal Dependencies), which every later step
// reads instead of scanning the bytes again. It is in the spirit of spaCy's
// Doc.
//
// The package holds the types, the tokenizer and the navigation helpers; the
// statistical models that fill in tags and trees live in timeline/syntax,
// behind the Annotator interface:
//
//	d, err := doc.New(body, annotator) // annotator nil: tokens and sentences only
//	for _, s := range d.Sentences {
//		verb := s.Root
//		subj := d.Subject(verb) // -1 when none
//		...
//	}
//
// Parsing costs far more than tokenizing, so a reader that needs trees in only
// some sentences can ask for them one by one:
//
//	d := doc.NewLazy(body, annotator) // tokens and sentences now
//	if err := d.Parse(s); err != nil { ... } // tags and tree of sentence s
//
// Until a sentence is parsed its tokens have no lemma, tags or relation, Head
// -1 and no children, and its Root is -1; the helpers answer accordingly (no
// subject, a subtree of the token alone). A Doc is not safe for concurrent use:
// Parse changes it, so one goroutine at a time may use a Doc.
//
// Token indices are document-wide: Token.Head, Sentence.Start/End/Root and
// every helper use them. A byte span is body[Span.Start:Span.End].
//
// Sentence bounds come from timeline/text's splitter; a sentence longer than
// MaxSentenceTokens tokens (a table, a list, text without stops) is cut into
// pieces of at most that many tokens, each a sentence of its own, so that no
// input makes a parse unit unbounded.
package doc

import (
	"fmt"
	"sort"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/text"
)

// MaxSentenceTokens is the most tokens one sentence (one parse unit) holds.
const MaxSentenceTokens = 250

// Token is one token of the body with its analysis.
type Token struct {
	Span  timeline.Span // bytes of the token: Text == body[Span.Start:Span.End]
	Text  string
	Lemma string
	UPOS  string // Universal POS tag (NOUN, VERB, PROPN ...)
	XPOS  string // Penn Treebank tag (NN, VBD, NNP ...)
	// Head is the document index of the token's head, -1 for the root of its
	// sentence (and for every token when the document was not parsed).
	Head int
	Dep  string // UD relation to the head, with its subtype ("nsubj:pass"); "root" for the root
	Sent int    // index of the token's sentence
}

// Sentence is a span of tokens.
type Sentence struct {
	Span       timeline.Span // bytes from the first token's start to the last token's end
	Start, End int           // tokens [Start, End)
	Root       int           // document index of the root token, -1 when not parsed
}

// Doc is an analysed body. It is not safe for concurrent use (Parse changes
// it).
type Doc struct {
	Body      string
	Tokens    []Token
	Sentences []Sentence

	// The children of token i are kids[kidStart[i]:kidEnd[i]], in order.
	// The children of a sentence's tokens lie in kids[Start:End] of that
	// sentence (each token but the root is one child), so that sentences
	// can be indexed one at a time. They are made at the first Parse.
	kids, kidStart, kidEnd []int

	split     []timeline.Span // the sentences as text.Sentences gives them
	annotator Annotator
	parsed    []bool // by sentence
	words     []string
	out       []Analysis
}

// Analysis is what an Annotator gives one word of a sentence.
type Analysis struct {
	Lemma, UPOS, XPOS string
	Head              int // index among the sentence's words, -1 for the root
	Dep               string
}

// Annotator tags, lemmatises and parses one sentence: out has one element per
// word, and Annotate fills each. The heads must make a tree (one root, no
// cycle).
type Annotator interface {
	Annotate(words []string, out []Analysis) error
}

// New tokenizes body, splits it into sentences and, when a is not nil, has a
// annotate each sentence. Any bytes are accepted (invalid UTF-8, control
// characters); the error is the annotator's.
func New(body string, a Annotator) (*Doc, error) {
	d := NewLazy(body, a)
	if a != nil {
		for s := range d.Sentences {
			if err := d.Parse(s); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

// NewLazy tokenizes body and splits it into sentences; a annotates a sentence
// only when Parse asks for it. Any bytes are accepted.
func NewLazy(body string, a Annotator) *Doc {
	d := &Doc{Body: body, annotator: a}
	// The tokens first, then the sentences over them, so that the tokens
	// are allocated once at their number (their spans at a guess of it).
	spans := make([]timeline.Span, 0, tokenEstimate(body))
	var units []int // where each sentence's tokens end in spans
	d.split = text.Sentences(body)
	for _, s := range d.split {
		from := len(spans)
		spans = appendTokens(spans, body, s.Start, s.End)
		for from < len(spans) {
			from += unitLength(body, spans[from:])
			units = append(units, from)
		}
	}
	d.Tokens = make([]Token, 0, len(spans))
	d.Sentences = make([]Sentence, 0, len(units))
	from := 0
	for _, end := range units {
		d.addSentence(spans[from:end])
		from = end
	}
	d.parsed = make([]bool, len(d.Sentences))
	return d
}

// makeKids makes the children lists, all empty, at the first sentence
// parsed: a document read only for its tokens never needs them.
func (d *Doc) makeKids() {
	n := len(d.Tokens)
	d.kids = make([]int, n)
	d.kidStart, d.kidEnd = make([]int, n), make([]int, n)
	for _, s := range d.Sentences {
		for i := s.Start; i < s.End; i++ {
			d.kidStart[i], d.kidEnd[i] = s.Start, s.Start
		}
	}
}

// TextSentences returns the body's sentences as text.Sentences splits them,
// before a long one is cut into several (see MaxSentenceTokens), for readers
// that take whole sentences. The slice is the document's own: do not change
// it.
func (d *Doc) TextSentences() []timeline.Span { return d.split }

// Parse tags, lemmatises and parses sentence s with the document's annotator,
// unless that is done already. When it fails (or there is no annotator) the
// sentence stays as it was, unparsed.
func (d *Doc) Parse(s int) error {
	if s < 0 || s >= len(d.Sentences) {
		return fmt.Errorf("doc: parse sentence %d of %d: no such sentence", s+1, len(d.Sentences))
	}
	if d.parsed[s] {
		return nil
	}
	if d.annotator == nil {
		return fmt.Errorf("doc: parse sentence %d: no annotator", s+1)
	}
	if err := d.annotate(s); err != nil {
		return err
	}
	d.parsed[s] = true
	d.index(s)
	return nil
}

// Parsed reports whether sentence s has its tags and tree.
func (d *Doc) Parsed(s int) bool {
	return s >= 0 && s < len(d.parsed) && d.parsed[s]
}

// unitLength returns how many of the tokens make the next sentence: all of
// them up to the limit, else the most that end at a comma, semicolon, colon
// or dash in the second half of the limit, else the limit.
func unitLength(body string, spans []timeline.Span) int {
	if len(spans) <= MaxSentenceTokens {
		return len(spans)
	}
	for n := MaxSentenceTokens; n > MaxSentenceTokens/2; n-- {
		switch body[spans[n-1].Start:spans[n-1].End] {
		case ",", ";", ":", "-", "--", "—", "–":
			return n
		}
	}
	return MaxSentenceTokens
}

func (d *Doc) addSentence(spans []timeline.Span) {
	s := Sentence{
		Span:  timeline.Span{Start: spans[0].Start, End: spans[len(spans)-1].End},
		Start: len(d.Tokens),
		End:   len(d.Tokens) + len(spans),
		Root:  -1,
	}
	for _, sp := range spans {
		d.Tokens = append(d.Tokens, Token{Span: sp, Text: d.Body[sp.Start:sp.End], Head: -1, Sent: len(d.Sentences)})
	}
	d.Sentences = append(d.Sentences, s)
}

func (d *Doc) annotate(si int) error {
	s := &d.Sentences[si]
	n := s.End - s.Start
	d.words = d.words[:0]
	for i := s.Start; i < s.End; i++ {
		d.words = append(d.words, d.Tokens[i].Text)
	}
	d.out = append(d.out[:0], make([]Analysis, n)...)
	if err := d.annotator.Annotate(d.words, d.out); err != nil {
		return fmt.Errorf("doc: annotate sentence %d (bytes %d-%d): %w", si+1, s.Span.Start, s.Span.End, err)
	}
	if err := checkTree(d.out); err != nil {
		return fmt.Errorf("doc: annotate sentence %d (bytes %d-%d): %w", si+1, s.Span.Start, s.Span.End, err)
	}
	for k, an := range d.out {
		t := &d.Tokens[s.Start+k]
		t.Lemma, t.UPOS, t.XPOS, t.Dep = an.Lemma, an.UPOS, an.XPOS, an.Dep
		if an.Head < 0 {
			t.Head = -1
			s.Root = s.Start + k
		} else {
			t.Head = s.Start + an.Head
		}
	}
	return nil
}

// checkTree checks that the heads make one tree: heads in range, one root, no
// cycle. The helpers rely on it.
func checkTree(out []Analysis) error {
	roots := 0
	for k, an := range out {
		switch {
		case an.Head < 0:
			roots++
		case an.Head >= len(out) || an.Head == k:
			return fmt.Errorf("word %d: bad head %d", k+1, an.Head)
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	// Every word must reach the root: mark words found to do so.
	state := make([]int8, len(out)) // 0 unknown, 1 on the current path, 2 reaches the root
	for k := range out {
		var path []int
		j := k
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			path = append(path, j)
			j = out[j].Head
		}
		if j >= 0 && state[j] == 1 {
			return fmt.Errorf("word %d: heads make a cycle", k+1)
		}
		for _, p := range path {
			state[p] = 2
		}
	}
	return nil
}

// index builds the children lists of sentence si's tokens, in the sentence's
// part of kids.
func (d *Doc) index(si int) {
	if d.kids == nil {
		d.makeKids()
	}
	s := d.Sentences[si]
	for _, t := range d.Tokens[s.Start:s.End] {
		if t.Head >= 0 {
			d.kidEnd[t.Head]++ // counts for now
		}
	}
	next := s.Start
	for i := s.Start; i < s.End; i++ {
		count := d.kidEnd[i] - d.kidStart[i]
		d.kidStart[i], d.kidEnd[i] = next, next
		next += count
	}
	for i := s.Start; i < s.End; i++ {
		if h := d.Tokens[i].Head; h >= 0 {
			d.kids[d.kidEnd[h]] = i
			d.kidEnd[h]++
		}
	}
}

// TokenAt returns the index of the token that holds byte off, -1 when off
// falls between tokens or outside the body.
func (d *Doc) TokenAt(off int) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Span.End > off })
	if i < len(d.Tokens) && d.Tokens[i].Span.Start <= off {
		return i
	}
	return -1
}

// TokensIn returns the tokens [first, end) that overlap the byte span; first
// == end when none does.
func (d *Doc) TokensIn(span timeline.Span) (first, end int) {
	first = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Span.End > span.Start })
	end = first
	for end < len(d.Tokens) && d.Tokens[end].Span.Start < span.End {
		end++
	}
	return first, end
}

// SentenceAt returns the index of the sentence that holds byte off, -1 when
// none does.
func (d *Doc) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Span.End > off })
	if i < len(d.Sentences) && d.Sentences[i].Span.Start <= off {
		return i
	}
	return -1
}

// Children returns the dependents of token i in order. The slice is the
// document's own: do not change it.
func (d *Doc) Children(i int) []int {
	if i < 0 || i >= len(d.Tokens) || d.kids == nil {
		return nil
	}
	return d.kids[d.kidStart[i]:d.kidEnd[i]]
}

// Rel returns the universal part of token i's relation: "nsubj" for
// "nsubj:pass".
func (d *Doc) Rel(i int) string {
	r, _, _ := strings.Cut(d.Tokens[i].Dep, ":")
	return r
}

// Child returns the first dependent of i whose relation is one of rels, -1
// when there is none. A relation without a subtype ("nsubj") matches its
// subtypes too ("nsubj:pass"); one with a subtype matches only itself.
func (d *Doc) Child(i int, rels ...string) int {
	for _, c := range d.Children(i) {
		dep := d.Tokens[c].Dep
		for _, r := range rels {
			if dep == r || !strings.Contains(r, ":") && d.Rel(c) == r {
				return c
			}
		}
	}
	return -1
}

// Subject returns the subject of i (nsubj, nsubj:pass, csubj ...), -1 when
// there is none.
func (d *Doc) Subject(i int) int { return d.Child(i, "nsubj", "csubj") }

// Object returns the direct object of i, -1 when there is none.
func (d *Doc) Object(i int) int { return d.Child(i, "obj") }

// Subtree returns the tokens [first, end) that i and its descendants cover.
// The parser's trees are projective, so the range holds nothing else.
func (d *Doc) Subtree(i int) (first, end int) {
	first, end = i, i+1
	stack := []int{i}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		first, end = min(first, t), max(end, t+1)
		stack = append(stack, d.Children(t)...)
	}
	return first, end
}

// SubtreeSpan returns the bytes that i and its descendants cover.
func (d *Doc) SubtreeSpan(i int) timeline.Span {
	first, end := d.Subtree(i)
	return timeline.Span{Start: d.Tokens[first].Span.Start, End: d.Tokens[end-1].Span.End}
}

// IsAncestor reports whether a is b's head, or its head's head, and so on.
func (d *Doc) IsAncestor(a, b int) bool {
	for steps := 0; b >= 0 && steps < len(d.Tokens); steps++ {
		b = d.Tokens[b].Head
		if b == a {
			return true
		}
	}
	return false
}

// SpaceAfter reports whether white space (or the end of the body) follows
// token i.
func (d *Doc) SpaceAfter(i int) bool {
	if i+1 < len(d.Tokens) {
		return d.Tokens[i+1].Span.Start > d.Tokens[i].Span.End
	}
	return true
}
