package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// newPipeline loads the pipeline with the data files the configuration names.
func (a *App) newPipeline() (*pipeline.Pipeline, error) {
	var d pipeline.Data
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	for _, x := range []struct {
		key, path string
		dst       *io.Reader
	}{
		{"actors", a.config.Actors, &d.Actors},
		{"lexicon", a.config.Lexicon, &d.Lexicon},
		{"gazetteer", a.config.Gazetteer, &d.Gazetteer},
	} {
		if x.path == "" {
			continue
		}
		f, err := os.Open(x.path)
		if err != nil {
			return nil, timeline.Errorf(timeline.EINVALID, "config: %s: %v", x.key, err)
		}
		closers = append(closers, f)
		*x.dst = f
	}
	return pipeline.New(d)
}

// withStore opens the configured database for fn, creating it if needed, and
// closes it after: for the commands that store articles.
func (a *App) withStore(fn func(timeline.Store) error) error {
	return a.openStore(store.Create, fn)
}

// withExistingStore is withStore for commands that change a database but never
// create one (rm).
func (a *App) withExistingStore(fn func(timeline.Store) error) error {
	return a.openStore(store.Write, fn)
}

// withReadStore is withStore for the commands that only read: a mistyped path
// creates nothing, and a read-only database can be read.
func (a *App) withReadStore(fn func(timeline.Store) error) error {
	return a.openStore(store.Read, fn)
}

func (a *App) openStore(mode store.Mode, fn func(timeline.Store) error) error {
	db, err := store.OpenWith(a.config.DB, store.Options{Mode: mode, BusyTimeout: a.config.busyTimeout})
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// inputs expands the command-line inputs into files, reporting those that
// cannot be read and returning how many could not.
func (a *App) inputs(args []string) (files []string, failed int) {
	files, errs := article.Files(args)
	for _, err := range errs {
		a.report(err)
	}
	a.inputFiles = append(a.inputFiles, files...)
	return files, len(errs)
}

// overrides are the article fields given on the command line.
type overrides struct {
	dct time.Time // --published; zero: the article's own, or inferred
	// dctIfMissing applies dct only to articles that carry no date of their own.
	dctIfMissing bool
	title        string
	url          string
	id           string // --id: the id of the one article read
}

// result is one analysed article, or why it could not be.
type result struct {
	analysis *timeline.Analysis
	err      error
}

// analyzeAll reads the inputs and analyses their articles on every core, calling
// emit once per file, in input order, from one goroutine, so that the caller can
// store and report without locks. An input that fails is emitted as an error;
// the rest go on.
func (a *App) analyzeAll(ctx context.Context, p *pipeline.Pipeline, files []string, ov overrides, emit func([]result)) {
	type job struct {
		index int
		path  string
	}
	type done struct {
		index   int
		results []result
	}
	jobs := make(chan job)
	dones := make(chan done)
	workers := max(1, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				dones <- done{j.index, a.analyzeFile(p, j.path, ov, len(files))}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i, f := range files {
			select {
			case jobs <- job{i, f}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(dones) }()

	pending := make(map[int][]result)
	next := 0
	for d := range dones {
		pending[d.index] = d.results
		for {
			rs, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			for _, r := range rs {
				if r.analysis != nil {
					a.warn(files[next], r.analysis.Document.ID, r.analysis.Warnings)
				}
			}
			next++
			emit(rs)
		}
	}
}

func (a *App) analyzeFile(p *pipeline.Pipeline, path string, ov overrides, nfiles int) []result {
	docs, errs := article.Read(path, a.Stdin, a.config.location)
	var out []result
	for _, err := range errs {
		out = append(out, result{err: err})
	}
	for _, doc := range docs {
		if !ov.dct.IsZero() && (doc.DCT.IsZero() || !ov.dctIfMissing) {
			doc.DCT = ov.dct
		}
		// A title or URL given on the command line names one article: applying it
		// to each of a folder's thousands would mislabel them.
		if ov.id != "" && len(docs) > 1 {
			out = append(out, result{err: &article.Error{Path: path, Err: timeline.Errorf(timeline.EINVALID, "--id names one article; this input holds %d", len(docs))}})
			break
		}
		if nfiles == 1 && len(docs) == 1 {
			if ov.id != "" {
				doc.ID = ov.id
			}
			if ov.title != "" {
				doc.Title = ov.title
			}
			if ov.url != "" {
				doc.URL = ov.url
			}
		}
		if doc.Path != "" && doc.Path != "-" {
			if abs, err := filepath.Abs(doc.Path); err == nil {
				doc.Path = abs
			}
		}
		an, err := p.Analyze(doc)
		if err != nil {
			err = &article.Error{Path: path, Err: err}
		}
		out = append(out, result{analysis: an, err: err})
	}
	return out
}

// warn prints the warnings of an article, one line each, naming it.
func (a *App) warn(path, id string, warnings []string) {
	for _, w := range warnings {
		fmt.Fprintf(a.Stderr, "timeline: %s (%s): warning: %s\n", path, id, w)
	}
}

// report prints one line for a failed input.
func (a *App) report(err error) {
	fmt.Fprintf(a.Stderr, "timeline: %v\n", err)
}
