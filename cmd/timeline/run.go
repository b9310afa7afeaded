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
	"github.com/timelinehq/timeline/store/postgres"
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
	db, err := a.open(mode)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// openedStore is what the commands use of a store: the domain's Store, and
// the reading of one document's analysis.
type openedStore interface {
	timeline.Store
}

// open opens the database the configuration names: a PostgreSQL DSN
// (postgres://...) on its server, anything else a SQLite file.
func (a *App) open(mode store.Mode) (openedStore, error) {
	span := a.config.mergeSpan
	if postgres.IsDSN(a.config.DB) {
		return postgres.Open(a.config.DB, postgres.Options{Mode: mode, MergeSpan: &span})
	}
	db, err := store.OpenWith(a.config.DB, store.Options{Mode: mode, BusyTimeout: a.config.busyTimeout, MergeSpan: &span})
	if err != nil {
		return nil, err
	}
	if mode != store.Read {
		// SQLite admits one writer at a time: say why nothing happens while
		// another holds the file.
		db.Waiting = func(waited time.Duration) {
			fmt.Fprintf(a.Stderr, "timeline: %s: waiting for another process writing to it (%s so far, up to busy_timeout %s)\n",
				a.config.DB, waited.Round(time.Second), a.config.busyTimeout)
		}
	}
	return db, nil
}

// dbName names the configured database in messages: a DSN without its
// password.
func (a *App) dbName() string {
	if postgres.IsDSN(a.config.DB) {
		return postgres.Redact(a.config.DB)
	}
	return a.config.DB
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

// result is one analysed article, or why an input could not be read or
// analysed.
type result struct {
	analysis *timeline.Analysis
	err      error
	path     string // the input file
	// done is how many bytes of the input this result accounts for (its share
	// of the file, for progress); last is set on the last result of a file.
	done int64
	last bool
}

// analyzeAll reads the inputs and analyses their articles on every core, calling
// emit once per article (or per input that cannot be read), in input order,
// from one goroutine, so that the caller can store and report without locks.
// An input that fails is emitted as an error; the rest go on. Cancelling ctx
// stops before the next article, even inside one file of thousands: what was
// analysed is still emitted.
func (a *App) analyzeAll(ctx context.Context, p *pipeline.Pipeline, files []string, ov overrides, emit func(result)) {
	a.analyzeOn(ctx, runtime.GOMAXPROCS(0), files, ov, func(doc timeline.Document) (*timeline.Analysis, error) { return p.Analyze(doc) }, emit)
}

// analyzeOn is analyzeAll with analyze on the given number of workers.
func (a *App) analyzeOn(ctx context.Context, workers int, files []string, ov overrides, analyze func(timeline.Document) (*timeline.Analysis, error), emit func(result)) {
	type job struct {
		seq int
		doc *timeline.Document // nil: r is the result already (a read error)
		r   result
	}
	type done struct {
		seq int
		r   result
	}
	jobs := make(chan job)
	// Room for a few batches of results: the workers go on analysing while
	// emit stores what they gave.
	dones := make(chan done, 256)
	workers = max(1, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.doc != nil {
					an, err := analyze(*j.doc)
					if err != nil {
						err = &article.Error{Path: j.r.path, Err: err}
					}
					j.r.analysis, j.r.err = an, err
				}
				dones <- done{j.seq, j.r}
			}
		}()
	}
	go func() {
		defer close(jobs)
		seq := 0
		for _, path := range files {
			if ctx.Err() != nil {
				return
			}
			rs, docs := a.readFile(path, ov, len(files))
			for i := range rs {
				j := job{seq: seq, r: rs[i]}
				seq++
				if docs[i].Body != "" {
					j.doc = &docs[i]
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	go func() { wg.Wait(); close(dones) }()

	pending := make(map[int]result)
	next := 0
	for d := range dones {
		pending[d.seq] = d.r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if r.analysis != nil {
				a.warn(r.path, r.analysis.Document.ID, r.analysis.Warnings)
			}
			emit(r)
			if a.afterEmit != nil {
				a.afterEmit()
			}
		}
	}
}

// readFile reads one input into the articles to analyse, with the command-line
// overrides applied, and the results of what could not be read: rs and docs
// run in parallel, a document with an empty body standing for none. Each
// result carries its share of the file's size, for progress.
func (a *App) readFile(path string, ov overrides, nfiles int) (rs []result, docs []timeline.Document) {
	read, errs := article.Read(path, a.Stdin, a.config.location)
	for _, err := range errs {
		rs = append(rs, result{err: err, path: path})
		docs = append(docs, timeline.Document{})
	}
	if ov.id != "" && len(read) > 1 {
		err := timeline.Errorf(timeline.EINVALID, "--id names one article; this input holds %d", len(read))
		rs = append(rs, result{path: path, err: &article.Error{Path: path, Err: err}})
		docs = append(docs, timeline.Document{})
		read = nil
	}
	for _, doc := range read {
		if !ov.dct.IsZero() && (doc.DCT.IsZero() || !ov.dctIfMissing) {
			doc.DCT = ov.dct
		}
		// A title or URL given on the command line names one article: applying it
		// to each of a folder's thousands would mislabel them.
		if nfiles == 1 && len(read) == 1 {
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
		rs = append(rs, result{path: path})
		docs = append(docs, doc)
	}
	if len(rs) == 0 {
		return nil, nil
	}
	var size int64
	if info, err := os.Stat(path); err == nil && path != "-" {
		size = info.Size()
	}
	for i := range rs {
		rs[i].done = size / int64(len(rs))
	}
	rs[len(rs)-1].done += size % int64(len(rs))
	rs[len(rs)-1].last = true
	return rs, docs
}

// totalSize is the bytes of the inputs, for progress; -1 when unknown (stdin).
func totalSize(files []string) int64 {
	var n int64
	for _, f := range files {
		info, err := os.Stat(f)
		if f == "-" || err != nil {
			return -1
		}
		n += info.Size()
	}
	return n
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
