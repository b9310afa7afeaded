package main

import (
	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/conllu"
	"github.com/timelinehq/timeline/timeline/eval"
	"github.com/timelinehq/timeline/timeline/syntax"
)

func (a *App) newEvalParseCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "parse GOLD.conllu [SYSTEM.conllu]",
		Short: "CoNLL 2018 scores on gold tokenisation: UPOS, XPOS, lemma accuracy, UAS, LAS",
		Long: `Score tagging, lemmatisation and parsing on gold tokenisation, as the CoNLL 2018
shared task and ../shared/tools/udscore.py do: the share of words with the gold
UPOS, XPOS and LEMMA, the share attached to the gold head (UAS), and the share
with the gold head and relation (LAS, comparing the universal part of DEPREL,
before any ':'). Multiword-token ranges and empty nodes are not scored.

Without SYSTEM.conllu the gold file's words are tagged and parsed by the
embedded model (as parse --tokenized does); with it, that file is scored. Both
must hold the same words in the same sentences.`,
		Example: `  timeline eval parse ../shared/corpora/ud-ewt/en_ewt-ud-test.conllu
  timeline parse --tokenized gold.conllu > sys.conllu && timeline eval parse gold.conllu sys.conllu`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			gold, err := conllu.ReadFile(args[0])
			if err != nil {
				return timeline.Errorf(timeline.EINVALID, "eval parse: %v", err)
			}
			var system []conllu.Sentence
			if len(args) == 2 {
				if system, err = conllu.ReadFile(args[1]); err != nil {
					return timeline.Errorf(timeline.EINVALID, "eval parse: %v", err)
				}
			} else {
				m, err := syntax.Default()
				if err != nil {
					return err
				}
				if system, err = conllu.ReadFile(args[0]); err != nil {
					return err
				}
				if err := m.AnnotateCoNLLU(system); err != nil {
					return err
				}
			}
			s, err := eval.ScoreParse(gold, system)
			if err != nil {
				return timeline.Errorf(timeline.EINVALID, "eval parse: %v", err)
			}
			if asJSON {
				return s.WriteJSON(a.Stdout)
			}
			return s.WriteText(a.Stdout)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the figures as JSON")
	return cmd
}
