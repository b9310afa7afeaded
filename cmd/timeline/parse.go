package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/conllu"
	"github.com/timelinehq/timeline/timeline/doc"
	"github.com/timelinehq/timeline/timeline/syntax"
)

func (a *App) newParseCmd() *cobra.Command {
	var tokenized bool
	cmd := &cobra.Command{
		Use:   "parse [flags] FILE|- ...",
		Short: "Tokenize, tag, lemmatise and parse text into CoNLL-U (Universal Dependencies)",
		Long: `Analyse articles as every later step reads them: tokens with byte offsets,
sentences, lemmas, Universal and Penn part-of-speech tags and a labelled
dependency tree per sentence, printed as CoNLL-U. Each sentence has a
"# sent_id" (the article's ID and the sentence's number) and its "# text"; each
token's bytes in the article are in MISC as TokenRange=START:END, with
SpaceAfter=No where no space follows. Inputs are read as by build (plain text,
TimeML, JSON Lines; - for standard input).

With --tokenized the inputs are CoNLL-U files: their sentences and words (ID
and FORM) are kept, and LEMMA, UPOS, XPOS, HEAD and DEPREL filled in from the
forms alone, the way parsers are compared on gold tokenisation (see eval
parse). The tagger and parser were trained on UD English EWT (CC BY-SA 4.0).`,
		Example: `  timeline parse ../shared/seed-article.txt
  echo "Kim met Moon in Seoul." | timeline parse -
  timeline parse --tokenized ../shared/corpora/ud-ewt/en_ewt-ud-test.conllu > system.conllu`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := syntax.Default()
			if err != nil {
				return err
			}
			w := bufio.NewWriter(a.Stdout)
			defer w.Flush()
			if tokenized {
				return a.parseTokenized(m, w, args)
			}
			files, nfailed := a.inputs(args)
			failed := nfailed > 0
			for _, path := range files {
				docs, errs := article.Read(path, a.Stdin, a.config.location)
				for _, err := range errs {
					a.report(err)
					failed = true
				}
				for _, d := range docs {
					analysed, err := doc.New(d.Body, m)
					if err == nil {
						err = conllu.Write(w, conllu.FromDoc(analysed, d.ID))
					}
					if err != nil {
						a.report(fmt.Errorf("%s: %w", path, err))
						failed = true
					}
				}
			}
			if failed {
				return errReported
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&tokenized, "tokenized", false, "inputs are CoNLL-U: keep their words, fill in tags, lemmas and trees")
	return cmd
}

// parseTokenized tags and parses the words of CoNLL-U files.
func (a *App) parseTokenized(m *syntax.Model, w *bufio.Writer, args []string) error {
	failed := false
	for _, path := range args {
		var sents []conllu.Sentence
		var err error
		if path == "-" {
			sents, err = conllu.Read(a.Stdin, "-")
			if err == nil && len(sents) == 0 {
				err = fmt.Errorf("-: %w", conllu.ErrEmpty)
			}
		} else {
			sents, err = conllu.ReadFile(path)
		}
		if err == nil {
			err = m.AnnotateCoNLLU(sents)
		}
		if err == nil {
			err = conllu.Write(w, sents)
		}
		if err != nil {
			a.report(timeline.Errorf(timeline.EINVALID, "parse: %v", err))
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}
