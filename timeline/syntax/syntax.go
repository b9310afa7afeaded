// Package syntax tags, lemmatises and parses English: an averaged-perceptron
// part-of-speech tagger (Universal and Penn tags together), a lemmatizer
// learned from the training words, and a greedy arc-hybrid dependency parser
// with Universal Dependencies relations, all trained on UD English EWT. The
// trained model is embedded in the binary (model/en_ewt.model.gz, CC BY-SA 4.0,
// see model/NOTICE) and read once, on first use.
//
//	d, err := syntax.Analyze(body)      // the analysed document (timeline/doc)
//	d, err := syntax.AnalyzeLazy(body)  // the same, each sentence parsed on d.Parse(s)
//	m, err := syntax.Default()          // the embedded model, a doc.Annotator
//	d, err := doc.New(body, m)          // the same as Analyze
//	err = m.AnnotateCoNLLU(sents)       // tag and parse CoNLL-U words in place
//
// The model is retrained with `go run ./timeline/syntax/train` (see
// model/NOTICE); training is deterministic, so the same data gives the same
// model file.
package syntax

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/timelinehq/timeline/timeline/conllu"
	"github.com/timelinehq/timeline/timeline/doc"
)

//go:embed model/en_ewt.model.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loading it on the first call.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("syntax: embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Analyze tokenizes, tags, lemmatises and parses body with the embedded model.
func Analyze(body string) (*doc.Doc, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return doc.New(body, m)
}

// AnalyzeLazy tokenizes body and splits it into sentences; each sentence is
// tagged, lemmatised and parsed with the embedded model when the document's
// Parse asks for it (see doc.NewLazy).
func AnalyzeLazy(body string) (*doc.Doc, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return doc.NewLazy(body, m), nil
}

// Annotate tags, lemmatises and parses one sentence's words: it implements
// doc.Annotator. out must have one element per word.
func (m *Model) Annotate(words []string, out []doc.Analysis) error {
	if len(out) != len(words) {
		return fmt.Errorf("syntax: %d analyses for %d words", len(out), len(words))
	}
	if len(words) == 0 {
		return nil
	}
	sc := m.scratch.Get().(*scratch)
	defer m.scratch.Put(sc)
	sc.ws = makeWords(words, sc.ws)
	sc.tags = append(sc.tags[:0], make([]int, len(words))...)
	m.tagger.tag(sc.ws, sc.tags, &sc.tag)
	m.parser.parse(sc.ws, sc.tags, &sc.prs)
	st := &sc.prs.st
	for i, w := range words {
		c := sc.tags[i]
		a := &out[i]
		a.UPOS, a.XPOS = m.upos[c], m.xpos[c]
		a.Lemma = m.lemmas.lemma(w, a.XPOS)
		a.Dep = m.labels[st.labels[i]]
		a.Head = st.heads[i]
		if a.Head == len(words) {
			a.Head = -1
		}
	}
	return nil
}

// AnnotateCoNLLU fills LEMMA, UPOS, XPOS, HEAD and DEPREL of every syntactic
// word of the sentences from their forms alone, keeping the words (ID and
// FORM), comments, multiword tokens and MISC as they are: how parsers are
// compared on gold tokenisation. FEATS and DEPS, which the model does not
// give, become "_", and empty nodes (which belong to DEPS) are dropped, so
// that nothing of the input's own analysis is left beside the model's.
func (m *Model) AnnotateCoNLLU(sents []conllu.Sentence) error {
	var words []string
	var out []doc.Analysis
	for si := range sents {
		s := &sents[si]
		idx := s.Words()
		words = words[:0]
		for _, i := range idx {
			words = append(words, s.Rows[i].Form)
		}
		out = append(out[:0], make([]doc.Analysis, len(words))...)
		if err := m.Annotate(words, out); err != nil {
			return fmt.Errorf("syntax: sentence at line %d: %w", s.Line, err)
		}
		for k, i := range idx {
			r := &s.Rows[i]
			a := out[k]
			r.Lemma, r.UPOS, r.XPOS, r.Deprel = a.Lemma, a.UPOS, a.XPOS, a.Dep
			r.Head = strconv.Itoa(a.Head + 1)
			r.Feats, r.Deps = "_", "_"
		}
		s.Rows = slices.DeleteFunc(s.Rows, func(r conllu.Row) bool { return strings.Contains(r.ID, ".") })
	}
	return nil
}
