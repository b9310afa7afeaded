package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/eval"
	"github.com/timelinehq/timeline/timeline/export"
	"github.com/timelinehq/timeline/timeline/temporal"
	"github.com/timelinehq/timeline/timeline/timeml"
)

func (a *App) newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score date resolution (TempEval-3), event extraction (EVENTS.md) and parsing (CoNLL 2018) against gold data",
		Long: `Measure the tool against hand-annotated data: eval timex gives the TempEval-3
Task A metrics for temporal expressions, eval events the EVENTS.md metrics for
dated diplomatic events, eval parse the CoNLL 2018 tagging and parsing scores.
The figures agree with ../shared/tools/te3score.py, eventscore.py and
udscore.py on the same files.`,
	}
	cmd.AddCommand(a.newEvalTimexCmd(), a.newEvalEventsCmd(), a.newEvalDCTCmd(), a.newEvalParseCmd())
	return cmd
}

func (a *App) newEvalTimexCmd() *cobra.Command {
	var perDoc, errorsOut, asJSON bool
	var outDir string
	cmd := &cobra.Command{
		Use:   "timex GOLD_DIR [SYSTEM_DIR]",
		Short: "TempEval-3 TIMEX3 metrics: strict and relaxed P/R/F1, value and type F1",
		Long: `Score temporal expressions as the official TempEval-3 scorer does: strict and
relaxed match precision, recall and F1, and attribute F1 for value and type
(attribute accuracy over relaxed matches times relaxed F1), micro-averaged, with
--per-doc figures. The DCT's own TIMEX3 is not scored.

Without SYSTEM_DIR the gold files' own text is tagged with their own DCT (the
development loop); with it, the TimeML files there are scored. --errors lists
every miss, spurious hit and wrong value or type with its context.`,
		Example: `  timeline eval timex ../shared/corpora/tbaq
  timeline eval timex --errors ../shared/corpora/tbaq | grep missed`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var pairs []eval.TimexPair
			var warnings []string
			if len(args) == 2 {
				var err error
				pairs, warnings, err = eval.LoadTimexPairs(args[0], args[1])
				if err != nil {
					return err
				}
			} else {
				gold, w, err := eval.LoadTimexDocs(args[0], "gold")
				if err != nil {
					return err
				}
				warnings = w
				if len(gold) == 0 {
					return timeline.Errorf(timeline.EINVALID, "eval timex: no TimeML files in %s", args[0])
				}
				p, err := a.newPipeline()
				if err != nil {
					return err
				}
				if outDir != "" {
					if err := makeOutDir("--out", outDir); err != nil {
						return err
					}
				}
				if pairs, err = tagGold(p.Tagger, gold, outDir); err != nil {
					return err
				}
			}
			r := eval.ScoreTimex(pairs)
			for _, w := range append(warnings, r.Warnings...) {
				fmt.Fprintln(a.Stderr, w)
			}
			for _, e := range r.Errors {
				fmt.Fprintln(a.Stderr, e)
			}
			var err error
			switch {
			case errorsOut:
				err = r.WriteErrors(a.Stdout)
			case asJSON:
				err = r.WriteJSON(a.Stdout, perDoc)
			default:
				err = r.WriteText(a.Stdout, perDoc)
			}
			if err == nil && len(r.Errors) > 0 {
				// As te3score.py: a system text that differs from its gold is
				// skipped and makes the run fail.
				return errReported
			}
			return err
		},
	}
	f := cmd.Flags()
	f.BoolVar(&perDoc, "per-doc", false, "print figures for each document")
	f.BoolVar(&errorsOut, "errors", false, "list every missed, spurious and wrongly valued timex with context")
	f.BoolVar(&asJSON, "json", false, "print the figures as JSON")
	f.StringVarP(&outDir, "out", "o", "", "also write the system TimeML files into DIR")
	return cmd
}

// tagGold tags each gold document's text with its DCT, on every core, and pairs
// the system answer with its gold.
func tagGold(tagger *temporal.Tagger, gold []*eval.TimexDoc, outDir string) ([]eval.TimexPair, error) {
	pairs := make([]eval.TimexPair, len(gold))
	errs := make([]error, len(gold))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, g := range gold {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			pairs[i], errs[i] = tagOne(tagger, g, outDir)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return pairs, nil
}

func tagOne(tagger *temporal.Tagger, g *eval.TimexDoc, outDir string) (eval.TimexPair, error) {
	doc := g.Document()
	if outDir != "" {
		var buf bytes.Buffer
		if err := timeml.Write(&buf, &doc, tagger.Tag(doc.Body, doc.DCT)); err != nil {
			return eval.TimexPair{}, fmt.Errorf("eval timex: %s: %w", g.Path, err)
		}
		dest := filepath.Join(outDir, filepath.Base(g.Path))
		if di, err := os.Stat(dest); err == nil {
			if gi, err := os.Stat(g.Path); err == nil && os.SameFile(di, gi) {
				return eval.TimexPair{}, timeline.Errorf(timeline.EINVALID, "eval timex: --out %s: %s is a gold file; not overwritten", outDir, dest)
			}
		}
		if err := os.WriteFile(dest, buf.Bytes(), 0o666); err != nil {
			return eval.TimexPair{}, fmt.Errorf("eval timex: %w", err)
		}
	}
	sys, err := eval.SystemDoc(g, tagger.Tag(doc.Body, doc.DCT))
	if err != nil {
		return eval.TimexPair{}, err
	}
	return eval.TimexPair{Gold: g, System: sys}, nil
}

func (a *App) newEvalEventsCmd() *cobra.Command {
	var perDoc, errorsOut, asJSON bool
	var outDir, split string
	cmd := &cobra.Command{
		Use:   "events GOLD_DIR [SYSTEM_DIR]",
		Short: "EVENTS.md metrics: event P/R/F1, detection F1, date-within/overlap/exact, actors",
		Long: `Score dated events against gold files written per EVENTS.md: event precision,
recall and F1 (sentence holds the gold trigger, CAMEO roots agree), detection F1
(ignoring the type), and among matched events the shares whose dates lie within,
overlap or equal the gold's, and whose source and target codes are right.

Without SYSTEM_DIR each gold body is analysed with its DCT (or, where the gold has
none, with the DCT inferred from the text); with it, the <doc>.json timelines there
are scored. --errors lists each missed, spurious, mistyped and misdated event with
its sentence; --out writes the system timelines for eventscore.py.

--split chooses the files: DEVTEST.txt in GOLD_DIR names the held-out files
(devtest), measured and never developed from; train is the rest, all is both.
--errors refuses held-out files.`,
		Example: `  timeline eval events --split devtest ../shared/gold/events
  timeline eval events --split train --per-doc --errors ../shared/gold/events`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			gold, err := eval.LoadGold(args[0])
			if err != nil {
				return err
			}
			if len(gold) == 0 {
				return timeline.Errorf(timeline.EINVALID, "eval events: no gold files in %s", args[0])
			}
			if gold, err = eval.SelectSplit(args[0], gold, split); err != nil {
				return timeline.Errorf(timeline.EINVALID, "eval events: %v", err)
			}
			if errorsOut {
				// The held-out files are measured, never developed from:
				// listing their errors would invite rules fitted to them.
				devtest, _, err := eval.Devtest(args[0])
				if err != nil {
					return err
				}
				for _, g := range gold {
					if g.IsDevtest(devtest) {
						return timeline.Errorf(timeline.EINVALID, "eval events: --errors lists no held-out file (%s names %s); use --split train", eval.DevtestFile, g.Doc)
					}
				}
			}
			var system map[string][]timeline.Event
			if len(args) == 2 {
				if system, err = eval.LoadSystem(args[1], gold); err != nil {
					return err
				}
			} else {
				p, err := a.newPipeline()
				if err != nil {
					return err
				}
				if outDir != "" {
					if err := makeOutDir("--out", outDir); err != nil {
						return err
					}
				}
				system = make(map[string][]timeline.Event, len(gold))
				for _, g := range gold {
					an, err := p.Analyze(g.Document())
					if err != nil {
						return fmt.Errorf("eval events: %s: %w", g.Path, err)
					}
					system[g.Doc] = an.Events
					if outDir != "" {
						t := &export.Timeline{Documents: []timeline.Document{an.Document}, Events: an.Events}
						if err := a.writeOutput(filepath.Join(outDir, article.FileName(g.Doc, ".json")), func(w io.Writer) error {
							return export.Write(w, "json", t)
						}); err != nil {
							return err
						}
					}
				}
			}
			r := eval.ScoreEvents(gold, system)
			switch {
			case errorsOut:
				return r.WriteErrors(a.Stdout)
			case asJSON:
				return r.WriteJSON(a.Stdout, perDoc)
			}
			return r.WriteText(a.Stdout, perDoc)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&perDoc, "per-doc", false, "print figures for each document")
	f.BoolVar(&errorsOut, "errors", false, "list every missed, spurious, mistyped and misdated event with its sentence")
	f.BoolVar(&asJSON, "json", false, "print the figures as JSON")
	f.StringVarP(&outDir, "out", "o", "", "also write the system timelines (<doc>.json) into DIR")
	f.StringVar(&split, "split", eval.SplitAll, "gold files to score: all, train, or devtest (the files DEVTEST.txt names)")
	return cmd
}

func (a *App) newEvalDCTCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "dct GOLD_DIR",
		Short: "Publication-date inference: hide each TimeML file's DCT and check the bounds inferred from its text",
		Long: `Measure DCT inference, what build does for an article without a publication date:
each TimeML file's DCT is hidden, bounds are inferred from its text alone, and the
report gives how many articles were bounded, how many bounds hold the true date
(a wrong bound misdates every relative expression), the median width of closed
bounds, and each wrong inference.`,
		Example: "  timeline eval dct ../shared/corpora/tbaq",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			gold, warnings, err := eval.LoadTimexDocs(args[0], "gold")
			if err != nil {
				return err
			}
			for _, w := range warnings {
				fmt.Fprintln(a.Stderr, w)
			}
			p, err := a.newPipeline()
			if err != nil {
				return err
			}
			var cases []eval.DCTCase
			for _, g := range gold {
				doc := g.Document()
				if doc.DCT.IsZero() {
					continue
				}
				c := eval.DCTCase{Doc: doc.ID, DCT: doc.DCT}
				c.Earliest, c.Latest, c.Inferred = p.Tagger.InferDCT(doc.Body)
				cases = append(cases, c)
			}
			if len(cases) == 0 {
				return timeline.Errorf(timeline.EINVALID, "eval dct: no TimeML files with a DCT in %s", args[0])
			}
			return eval.ScoreDCT(cases).WriteText(a.Stdout)
		},
	}
}
