// Package pipeline runs the whole analysis of one article: sentences, temporal
// expressions, the publication date when missing, occurrences and events.
package pipeline

import (
	"fmt"
	"io"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
	analysed "github.com/timelinehq/timeline/timeline/doc"
	"github.com/timelinehq/timeline/timeline/events"
	"github.com/timelinehq/timeline/timeline/language"
	"github.com/timelinehq/timeline/timeline/syntax"
	"github.com/timelinehq/timeline/timeline/temporal"
)

// Data overrides the embedded data files; nil readers select the defaults.
type Data struct {
	Actors    io.Reader
	Lexicon   io.Reader
	Gazetteer io.Reader
}

// Pipeline analyses articles. It is safe for concurrent use.
type Pipeline struct {
	Tagger    *temporal.Tagger
	Extractor *events.Extractor
	// Parser tags and parses the sentences the events are read from; nil
	// leaves the roles to the word-order rules.
	Parser analysed.Annotator
}

// New loads the data and returns a Pipeline.
func New(d Data) (*Pipeline, error) {
	tagger, err := temporal.New(temporal.Options{Gazetteer: d.Gazetteer})
	if err != nil {
		return nil, fmt.Errorf("pipeline: gazetteer: %w", err)
	}
	var dict *actors.Dictionary
	if d.Actors != nil {
		dict, err = actors.Load(d.Actors)
	} else {
		dict, err = actors.Default()
	}
	if err != nil {
		return nil, fmt.Errorf("pipeline: actor dictionary: %w", err)
	}
	x, err := events.New(dict, d.Lexicon)
	if err != nil {
		return nil, fmt.Errorf("pipeline: trigger lexicon: %w", err)
	}
	parser, err := syntax.Default()
	if err != nil {
		return nil, fmt.Errorf("pipeline: parser: %w", err)
	}
	return &Pipeline{Tagger: tagger, Extractor: x, Parser: parser}, nil
}

// Analyze runs every step on doc. Without a DCT it bounds the publication date
// from the text first, so that relative expressions resolve against the earliest
// date the article can have been written.
func (p *Pipeline) Analyze(doc timeline.Document) (a *timeline.Analysis, err error) {
	// A fault in the analysis of one article is reported as that article's
	// error, so that a folder of thousands loses one article, not the run.
	defer func() {
		if r := recover(); r != nil {
			a, err = nil, fmt.Errorf("pipeline: analyse %s: internal error (please report it with the article): %v", doc.ID, r)
		}
	}()
	if err := timeline.CheckBody([]byte(doc.Body)); err != nil {
		return nil, err
	}
	// The analysed document is made once, tokens and sentences: the tagger
	// reads its tokens, and the extractor has it parse the sentences it
	// needs a tree for.
	d := analysed.NewLazy(doc.Body, p.Parser)
	doc, timexes, warnings := p.dates(doc, d)
	a = &timeline.Analysis{
		Document:    doc,
		Sentences:   d.TextSentences(),
		Timexes:     timexes,
		Occurrences: p.Tagger.OccurrencesDoc(d, doc.Reference()),
		Warnings:    warnings,
	}
	var tree *analysed.Doc
	if p.Parser != nil {
		tree = d
	}
	a.Events = p.Extractor.ExtractDoc(a, tree)
	return a, nil
}

// Dates is the date step alone: it bounds a missing DCT from the text and
// returns the document so completed with its temporal expressions, and
// warnings: a text that does not look like English (package language), what
// the tagger had to leave out of a huge article (temporal.TagWithWarnings).
// It tokenizes the body and parses nothing.
func (p *Pipeline) Dates(doc timeline.Document) (timeline.Document, []timeline.Timex, []string) {
	return p.dates(doc, nil)
}

// dates is Dates reading the analysed document d of doc's body, or with d
// nil the body alone.
func (p *Pipeline) dates(doc timeline.Document, d *analysed.Doc) (timeline.Document, []timeline.Timex, []string) {
	if doc.DCT.IsZero() && !doc.DCTInferred {
		var lo, hi time.Time
		var ok bool
		if d != nil {
			lo, hi, ok = p.Tagger.InferDCTDoc(d)
		} else {
			lo, hi, ok = p.Tagger.InferDCT(doc.Body)
		}
		if ok {
			doc.DCTInferred, doc.DCTEarliest, doc.DCTLatest = true, lo, hi
		}
	}
	var txs []timeline.Timex
	var warnings []string
	if d != nil {
		txs, warnings = p.Tagger.TagDoc(d, doc.Reference())
	} else {
		txs, warnings = p.Tagger.TagWithWarnings(doc.Body, doc.Reference())
	}
	if w := language.Warning(doc.Body); w != "" {
		warnings = append([]string{w}, warnings...)
	}
	return doc, txs, warnings
}
