// Command train learns the event typing model (timeline/events/data/typing.model)
// from the training split of the gold events: every candidate event the rules
// build is aligned with the gold events of its sentence and labelled with the
// gold's CAMEO root, "ctx", or "none"; an averaged perceptron learns the labels.
// The held-out files DEVTEST.txt names are never read.
//
//	go run ./timeline/events/train                 # writes the embedded model
//	go run ./timeline/events/train -cv 5 -out ''   # cross-validated estimate only
//
// Training is deterministic: the same gold, code and flags give the same bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/eval"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/learn"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

func main() {
	gold := flag.String("gold", "../shared/gold/events", "gold events folder (with DEVTEST.txt)")
	out := flag.String("out", "timeline/events/data/typing.model", "model file to write ('' for none)")
	epochs := flag.Int("epochs", 8, "training passes over the candidates")
	seed := flag.Uint64("seed", 1, "seed of the shuffle between passes")
	folds := flag.Int("cv", 0, "also report a K-fold cross-validated score over the training documents")
	flag.Parse()
	if err := run(*gold, *out, *epochs, *seed, *folds); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// example is one labelled candidate.
type example struct {
	feats []string
	label string
}

// docCands are the candidates of one gold document.
type docCands struct {
	gold  *eval.GoldDoc
	cands []events.Candidate
}

func run(goldDir, out string, epochs int, seed uint64, folds int) error {
	all, err := eval.LoadGold(goldDir)
	if err != nil {
		return err
	}
	train, err := eval.SelectSplit(goldDir, all, eval.SplitTrain)
	if err != nil {
		return err
	}
	if len(train) == 0 {
		return fmt.Errorf("no training files in %s", goldDir)
	}
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		return err
	}
	base := p.Extractor.WithoutTyping()
	docs := make([]docCands, len(train))
	for i := range train {
		g := &train[i]
		dc := &docs[i]
		dc.gold = g
		p.Extractor = base.Observe(func(c events.Candidate) { dc.cands = append(dc.cands, c) })
		if _, err := p.Analyze(g.Document()); err != nil {
			return fmt.Errorf("%s: %w", g.Path, err)
		}
	}
	p.Extractor = base

	if folds > 1 {
		if err := crossValidate(p, base, docs, epochs, seed, folds); err != nil {
			return err
		}
	}
	m, err := fit(docs, epochs, seed)
	if err != nil {
		return err
	}
	n, counts := 0, map[string]int{}
	for _, d := range docs {
		for _, e := range label(d) {
			n++
			counts[e.label]++
		}
	}
	fmt.Fprintf(os.Stderr, "train: %d documents, %d candidates, %d labelled none\n", len(docs), n, counts[events.LabelNone])
	if out == "" {
		return nil
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "train: wrote %s (%d bytes)\n", out, buf.Len())
	return nil
}

// fit trains a model on the documents' labelled candidates.
func fit(docs []docCands, epochs int, seed uint64) (*learn.Model, error) {
	var exs []example
	for _, d := range docs {
		exs = append(exs, label(d)...)
	}
	t := learn.NewTrainer(events.Labels())
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for range epochs {
		for _, e := range exs {
			if _, err := t.Train(e.feats, e.label); err != nil {
				return nil, err
			}
		}
		r.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
	}
	return t.Model(), nil
}

// label aligns a document's candidates with its gold events. A candidate whose
// trigger holds a gold trigger takes that event's label; then, sentence by
// sentence, a candidate left over takes a gold event of its sentence left over
// with the same root (the scorer matches events by sentence and root, not by
// trigger); the rest are no event.
func label(d docCands) []example {
	used := make([]bool, len(d.gold.Events))
	labels := make([]string, len(d.cands))
	goldLabel := func(g eval.GoldEvent) string {
		if g.Kind == timeline.KindContext || g.CAMEO == "" {
			return events.LabelContext
		}
		return g.CAMEO
	}
	candLabel := func(c events.Candidate) string {
		if c.Event.Kind == timeline.KindContext {
			return events.LabelContext
		}
		return c.Event.CAMEO
	}
	// Exact: the gold trigger starts inside the candidate's trigger; a gold
	// event of the candidate's own root first.
	for pass := 0; pass < 2; pass++ {
		for i, c := range d.cands {
			if labels[i] != "" {
				continue
			}
			for j, g := range d.gold.Events {
				if used[j] || !c.Event.Trigger.Span().Contains(g.Offset) {
					continue
				}
				if pass == 0 && goldLabel(g) != candLabel(c) {
					continue
				}
				labels[i], used[j] = goldLabel(g), true
				break
			}
		}
	}
	// Same sentence, same root.
	for i, c := range d.cands {
		if labels[i] != "" {
			continue
		}
		for j, g := range d.gold.Events {
			if !used[j] && c.Event.Sentence.Span().Contains(g.Offset) && goldLabel(g) == candLabel(c) {
				labels[i], used[j] = goldLabel(g), true
				break
			}
		}
	}
	exs := make([]example, len(d.cands))
	for i, c := range d.cands {
		l := labels[i]
		if l == "" {
			l = events.LabelNone
		}
		exs[i] = example{feats: c.Features, label: l}
	}
	return exs
}

// crossValidate trains on all folds but one and scores the held-out one with
// the whole extractor, for each fold; it prints the pooled figures beside the
// rules' own.
func crossValidate(p *pipeline.Pipeline, base *events.Extractor, docs []docCands, epochs int, seed uint64, folds int) error {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return docs[order[a]].gold.Doc < docs[order[b]].gold.Doc })
	var gold []eval.GoldDoc
	typed := map[string][]timeline.Event{}
	rules := map[string][]timeline.Event{}
	for f := range folds {
		var trainDocs []docCands
		var held []int
		for k, i := range order {
			if k%folds == f {
				held = append(held, i)
			} else {
				trainDocs = append(trainDocs, docs[i])
			}
		}
		m, err := fit(trainDocs, epochs, seed)
		if err != nil {
			return err
		}
		for _, i := range held {
			g := docs[i].gold
			gold = append(gold, *g)
			p.Extractor = base.WithTyping(m)
			a, err := p.Analyze(g.Document())
			if err != nil {
				return err
			}
			typed[g.Doc] = a.Events
			p.Extractor = base
			if a, err = p.Analyze(g.Document()); err != nil {
				return err
			}
			rules[g.Doc] = a.Events
		}
	}
	// By corpus too: the rules were written on the TimeBank, AQUAINT and seed
	// files, so only the others compare rules and model fairly.
	byCorpus := map[string][]eval.GoldDoc{"all": gold}
	for _, g := range gold {
		byCorpus[g.Corpus] = append(byCorpus[g.Corpus], g)
	}
	names := make([]string, 0, len(byCorpus))
	for c := range byCorpus {
		names = append(names, c)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, c := range names {
		fmt.Fprintf(&b, "%-9s rules  ", c)
		if err := eval.ScoreEvents(byCorpus[c], rules).WriteText(&b, false); err != nil {
			return err
		}
		fmt.Fprintf(&b, "%-9s typed  ", c)
		if err := eval.ScoreEvents(byCorpus[c], typed).WriteText(&b, false); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "%d-fold cross-validation over the training split:\n%s", folds, b.String())
	return nil
}
