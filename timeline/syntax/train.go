package syntax

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/timelinehq/timeline/timeline/conllu"
)

// TrainConfig sets how a model is trained. The zero value of a field means
// its default; the defaults are what the shipped model was trained with.
type TrainConfig struct {
	TagEpochs   int // passes over the data for each tagger (default 8)
	ParseEpochs int // passes over the data for the parser (default 15)
	Folds       int // folds of the jackknife that tags the parser's training data (default 4)
	// ParseModels is the number of parser perceptrons, each trained on the
	// sentences in its own order, whose weights are averaged (default 2).
	ParseModels int
	Seed        uint64 // seed of every shuffle (default 1)
	Workers     int    // folds or parser perceptrons trained at once (default 2)
	// ExploreFrom is the first parser epoch (from 0) that follows the
	// parser's own mistakes (default 1); Explore how often it does (default 0.9).
	ExploreFrom int
	Explore     float64
	// MinUpdates drops parser features that took part in fewer updates
	// (default 1: none dropped).
	MinUpdates int
	// Log, when set, is told how training goes.
	Log func(format string, args ...any)
}

func (c *TrainConfig) defaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.TagEpochs, 8)
	def(&c.ParseEpochs, 15)
	def(&c.Folds, 4)
	def(&c.ParseModels, 2)
	def(&c.Workers, 2)
	def(&c.ExploreFrom, 1)
	def(&c.MinUpdates, 1)
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Explore == 0 {
		c.Explore = 0.9
	}
	if c.Log == nil {
		c.Log = func(string, ...any) {}
	}
}

// corpus is the training data in the form the models read.
type corpus struct {
	classes []string // "UPOS XPOS", most frequent first
	labels  []string // relations, most frequent first
	tags    []tagSentence
	parses  []parseSentence
	lemmas  []lemmaWord
}

// newCorpus reads the syntactic words of the sentences.
func newCorpus(sents []conllu.Sentence) (*corpus, error) {
	classCount, labelCount := map[string]int{}, map[string]int{}
	for _, s := range sents {
		for _, i := range s.Words() {
			r := &s.Rows[i]
			classCount[r.UPOS+" "+r.XPOS]++
			labelCount[r.Deprel]++
		}
	}
	c := &corpus{classes: byCount(classCount), labels: byCount(labelCount)}
	if len(c.classes) > maxRow || 1+2*len(c.labels) > maxRow {
		return nil, fmt.Errorf("syntax: %d tags and %d relations: too many for the model", len(c.classes), len(c.labels))
	}
	if labelCount["root"] == 0 {
		return nil, fmt.Errorf("syntax: no relation \"root\" in the training data")
	}
	classID, labelID := index(c.classes), index(c.labels)
	for _, s := range sents {
		words := s.Words()
		n := len(words)
		if n == 0 {
			continue
		}
		ts := tagSentence{forms: make([]string, n), tags: make([]int, n)}
		ps := parseSentence{heads: make([]int, n), labels: make([]int, n)}
		for k, i := range words {
			r := &s.Rows[i]
			ts.forms[k] = r.Form
			ts.tags[k] = classID[r.UPOS+" "+r.XPOS]
			h, err := strconv.Atoi(r.Head)
			if err != nil || h < 0 || h > n {
				return nil, fmt.Errorf("syntax: line %d: bad head %q", r.Line, r.Head)
			}
			if h == 0 {
				h = n + 1 // ROOT: index n once made 0-based
			}
			ps.heads[k] = h - 1
			ps.labels[k] = labelID[r.Deprel]
			c.lemmas = append(c.lemmas, lemmaWord{form: r.Form, xpos: r.XPOS, lemma: r.Lemma})
		}
		ps.forms = ts.forms
		c.tags = append(c.tags, ts)
		c.parses = append(c.parses, ps)
	}
	return c, nil
}

// byCount lists the keys most frequent first, ties in byte order.
func byCount(m map[string]int) []string {
	keys := sortedKeys(m)
	slices.SortStableFunc(keys, func(a, b string) int { return cmp.Compare(m[b], m[a]) })
	return keys
}

func index(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

// Train trains a model on the syntactic words of sents (UD CoNLL-U with
// gold tags, lemmas and trees). The same sentences and configuration give the
// same model, byte for byte.
//
// The tagger is trained first, in two passes (see tagger). The parser is
// trained on the tags the tagger gives its training sentences when it has not
// seen them (a jackknife: each fold is tagged by taggers trained on the other
// folds), so that it learns to live with the tagger's mistakes.
func Train(sents []conllu.Sentence, cfg TrainConfig) (*Model, error) {
	cfg.defaults()
	start := time.Now()
	c, err := newCorpus(sents)
	if err != nil {
		return nil, err
	}
	cfg.Log("%d sentences, %d tags, %d relations", len(c.tags), len(c.classes), len(c.labels))
	tg, parserTags := trainTaggers(c, cfg)
	cfg.Log("taggers trained (%s)", time.Since(start).Round(time.Second))

	train := make([]parseSentence, len(c.parses))
	for i, ps := range c.parses {
		ps.tags = parserTags[i]
		train[i] = ps
	}
	coarse := coarseOf(c.classes)
	p := trainParser(train, tg.lex, coarse, len(c.labels), index(c.labels)["root"], parserConfig{
		epochs: cfg.ParseEpochs, seed: cfg.Seed, exploreFrom: cfg.ExploreFrom, explore: cfg.Explore,
		minUpdates: cfg.MinUpdates, models: cfg.ParseModels, workers: cfg.Workers, log: cfg.Log,
	})
	cfg.Log("parser trained (%s)", time.Since(start).Round(time.Second))
	m := newModel(c.classes, c.labels, tg, p, trainLemmatizer(c.lemmas))
	return m, nil
}

// coarseOf maps each tag class ("NOUN NN") to a number for its UPOS, in
// order of first appearance.
func coarseOf(classes []string) []uint64 {
	ids := map[string]uint64{}
	out := make([]uint64, len(classes))
	for i, c := range classes {
		u, _, _ := strings.Cut(c, " ")
		id, ok := ids[u]
		if !ok {
			id = uint64(len(ids))
			ids[u] = id
		}
		out[i] = id
	}
	return out
}

// trainTaggers trains the two-pass tagger on all the sentences, and returns
// with it the jackknifed tags of every sentence for training the parser.
func trainTaggers(c *corpus, cfg TrainConfig) (*tagger, [][]int) {
	nclass := len(c.classes)
	folds := cfg.Folds
	sents := c.tags
	inFold := func(i, f int) bool { return i%folds == f }
	rest := func(f int, withGuess [][]int) []tagSentence {
		var out []tagSentence
		for i, s := range sents {
			if !inFold(i, f) {
				if withGuess != nil {
					s.guess = withGuess[i]
				}
				out = append(out, s)
			}
		}
		return out
	}
	// First pass, jackknifed: every sentence's first-pass tags from a model
	// that has not seen it.
	guess := make([][]int, len(sents))
	lexicons := make([]*tagLexicon, folds)
	parallel(folds, cfg.Workers, func(f int) {
		train := rest(f, nil)
		lx := newTagLexicon(train)
		lexicons[f] = lx
		w := trainPass(train, lx, nclass, cfg.TagEpochs, cfg.Seed+uint64(f), false)
		var sc tagScratch
		var ws []word
		for i, s := range sents {
			if inFold(i, f) {
				ws = makeWords(s.forms, ws)
				guess[i] = make([]int, len(ws))
				lx.pass(w, ws, nil, guess[i], &sc)
			}
		}
		cfg.Log("first-pass tagger, fold %d of %d", f+1, folds)
	})
	// Second pass, jackknifed, on those first-pass tags: the parser's tags.
	tags := make([][]int, len(sents))
	parallel(folds, cfg.Workers, func(f int) {
		lx := lexicons[f]
		w := trainPass(rest(f, guess), lx, nclass, cfg.TagEpochs, cfg.Seed+uint64(folds+f), true)
		var sc tagScratch
		var ws []word
		for i, s := range sents {
			if inFold(i, f) {
				ws = makeWords(s.forms, ws)
				tags[i] = make([]int, len(ws))
				lx.pass(w, ws, guess[i], tags[i], &sc)
			}
		}
		cfg.Log("second-pass tagger, fold %d of %d", f+1, folds)
	})
	// The shipped tagger: both passes on all the sentences.
	lx := newTagLexicon(sents)
	withGuess := make([]tagSentence, len(sents))
	for i, s := range sents {
		s.guess = guess[i]
		withGuess[i] = s
	}
	var first, second *weights
	parallel(2, cfg.Workers, func(k int) {
		if k == 0 {
			first = trainPass(sents, lx, nclass, cfg.TagEpochs, cfg.Seed+uint64(2*folds), false)
		} else {
			second = trainPass(withGuess, lx, nclass, cfg.TagEpochs, cfg.Seed+uint64(2*folds+1), true)
		}
	})
	return &tagger{lex: lx, first: first, second: second}, tags
}

// parallel runs job(0) ... job(n-1) on at most workers goroutines. Each job
// writes only its own results, so the outcome does not depend on the order
// they finish in.
func parallel(n, workers int, job func(int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, workers))
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			job(i)
		}()
	}
	wg.Wait()
}
