package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/eval"
	"github.com/timelinehq/timeline/timeline/temporal"
	"github.com/timelinehq/timeline/timeline/timeml"
)

func (a *App) newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score date resolution (TempEval-3) and event extraction (EVENTS.md) against gold data",
		Long: `Measure the tool against hand-annotated data: eval timex gives the TempEval-3
Task A metrics for temporal expressions, eval events the EVENTS.md metrics for
dated diplomatic events. The figures agree with ../shared/tools/te3score.py and
eventscore.py on the same files.`,
	}
	cmd.AddCommand(a.newEvalTimexCmd(), a.newEvalEventsCmd())
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
				tagger, err := a.newTagger()
				if err != nil {
					return err
				}
				if pairs, err = tagGold(tagger, gold, outDir); err != nil {
					return err
				}
			}
			for _, w := range warnings {
				fmt.Fprintln(a.Stderr, w)
			}
			r := eval.ScoreTimex(pairs)
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
	doc := timeline.Document{ID: g.DocID, Body: g.Text}
	if doc.ID == "" {
		doc.ID = filepath.Base(g.Path)
	}
	if len(g.DCT) >= 10 {
		if t, err := time.Parse(timeline.DateLayout, g.DCT[:10]); err == nil {
			doc.DCT = t
		}
	}
	var buf bytes.Buffer
	if err := timeml.Write(&buf, &doc, tagger.Tag(doc.Body, doc.DCT)); err != nil {
		return eval.TimexPair{}, fmt.Errorf("eval timex: %s: %w", g.Path, err)
	}
	if outDir != "" {
		if err := os.WriteFile(filepath.Join(outDir, filepath.Base(g.Path)), buf.Bytes(), 0o644); err != nil {
			return eval.TimexPair{}, fmt.Errorf("eval timex: %w", err)
		}
	}
	sys, err := eval.ParseTimexDoc(g.Path, buf.Bytes())
	if err != nil {
		return eval.TimexPair{}, err
	}
	return eval.TimexPair{Gold: g, System: sys}, nil
}

func (a *App) newEvalEventsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "events GOLD_DIR",
		Short: "EVENTS.md metrics: event P/R/F1, detection F1, date-within/overlap/exact, actors",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return timeline.Errorf(timeline.EINTERNAL, "eval events: not wired yet")
		},
	}
}
