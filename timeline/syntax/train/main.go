// Command train trains the tagger, lemmatizer and parser of timeline/syntax on
// UD English EWT and writes the model file the package embeds:
//
//	go run ./timeline/syntax/train                 # ../shared/corpora/ud-ewt -> timeline/syntax/model/en_ewt.model.gz
//	go run ./timeline/syntax/train -train FILE.conllu -out model.gz
//
// Training is deterministic: the same data and settings give the same bytes.
// It takes minutes on two cores (the taggers of the jackknife are trained two
// at a time, and so are the parser's two perceptrons).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/timelinehq/timeline/timeline/conllu"
	"github.com/timelinehq/timeline/timeline/syntax"
)

func main() {
	train := flag.String("train", "../shared/corpora/ud-ewt/en_ewt-ud-train.conllu", "training data (CoNLL-U)")
	out := flag.String("out", "timeline/syntax/model/en_ewt.model.gz", "model file to write")
	var cfg syntax.TrainConfig
	flag.IntVar(&cfg.TagEpochs, "tag-epochs", 0, "passes over the data for each tagger (0: default)")
	flag.IntVar(&cfg.ParseEpochs, "parse-epochs", 0, "passes over the data for the parser (0: default)")
	flag.IntVar(&cfg.Folds, "folds", 0, "jackknife folds for the parser's training tags (0: default)")
	flag.IntVar(&cfg.ParseModels, "parse-models", 0, "parser perceptrons averaged (0: default)")
	flag.IntVar(&cfg.Workers, "workers", 0, "taggers or parser perceptrons trained at once (0: default)")
	flag.IntVar(&cfg.MinUpdates, "min-updates", 0, "drop parser features in fewer updates (0: default)")
	flag.Parse()
	log.SetFlags(0)
	start := time.Now()
	cfg.Log = func(format string, args ...any) {
		log.Printf("%6s  %s", time.Since(start).Round(time.Second), fmt.Sprintf(format, args...))
	}
	sents, err := conllu.ReadFile(*train)
	if err != nil {
		log.Fatalf("train: %v", err)
	}
	m, err := syntax.Train(sents, cfg)
	if err != nil {
		log.Fatalf("train: %v", err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		log.Fatalf("train: %v", err)
	}
	// Written beside and renamed, so that a failed run leaves the old model.
	tmp := filepath.Join(filepath.Dir(*out), "."+filepath.Base(*out)+".tmp")
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		log.Fatalf("train: %v", err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		log.Fatalf("train: %v", err)
	}
	log.Printf("wrote %s (%d bytes) in %s", *out, buf.Len(), time.Since(start).Round(time.Second))
}
