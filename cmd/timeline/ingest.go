package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
)

func (a *App) newIngestCmd() *cobra.Command {
	var published string
	var quiet bool
	var workers int
	cmd := &cobra.Command{
		Use:   "ingest [flags] FILE|DIR ...",
		Short: "Store articles and their dated events without printing a timeline",
		Long: `Read and analyse articles like build, store them, and print only a summary: for
folders of thousands. On a terminal a progress bar shows the work. Articles already
stored (same body SHA-256) are skipped; an article whose id (its file name) a
different article has is stored as <id>-<8 hex digits of its SHA-256>, with a note.
A file that cannot be read is reported by name and the others are still ingested;
the exit status is then non-zero.

Several ingests may write to one database at once, on one machine or (with
PostgreSQL) many: each article is stored once, and the occurrences its events
report are merged as it is stored, so the result is that of one ingest of all
of them. SQLite admits one writer at a time: the others wait (saying so) up to
busy_timeout.`,
		Example: `  timeline ingest ../shared/corpora/silver
  timeline ingest --published 2018-01-12 a.txt b.txt
  timeline ingest --workers 8 --db postgres://timeline@db.example/news feeds/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ov, err := a.parseOverrides(published, "", "")
			if err != nil {
				return err
			}
			ov.dctIfMissing = true
			return a.withStore(func(db timeline.Store) error {
				p, err := a.newPipeline()
				if err != nil {
					return err
				}
				files, failed := a.inputs(args)
				var bar *progressbar.ProgressBar
				if f, ok := a.Stderr.(*os.File); ok && !quiet && isatty.IsTerminal(f.Fd()) {
					// In bytes, so that one large file (a feed of thousands of
					// articles) shows its progress too.
					bar = progressbar.NewOptions64(totalSize(files),
						progressbar.OptionSetWriter(f),
						progressbar.OptionSetDescription("ingesting"),
						progressbar.OptionShowBytes(true),
						progressbar.OptionSetPredictTime(true),
						progressbar.OptionClearOnFinish(),
					)
				}
				start := time.Now()
				var read, stored, dup, nevents int
				// Articles already analysed are stored even after an interrupt:
				// the work is done and each batch is one transaction.
				ctx := context.WithoutCancel(cmd.Context())
				batch := make([]*timeline.Analysis, 0, 64)
				flush := func() {
					if len(batch) == 0 {
						return
					}
					given := make([]string, len(batch))
					for i, an := range batch {
						given[i] = an.Document.ID
					}
					defer func() {
						for i, an := range batch {
							a.noteRenamed(given[i], an, true)
						}
						batch = batch[:0]
					}()
					n, d, err := db.SaveAnalyses(ctx, batch)
					if err != nil {
						// The batch was rolled back whole; store its articles one by one
						// so that one bad article does not cost the others.
						for _, an := range batch {
							ok, err := db.SaveAnalysis(ctx, an)
							switch {
							case err != nil:
								a.report(fmt.Errorf("%s: %w", an.Document.Path, err))
								failed++
							case ok:
								stored++
								nevents += len(an.Events)
							default:
								dup++
							}
						}
					} else {
						stored += n
						dup += d
						for _, an := range batch {
							nevents += len(an.Events)
						}
					}
				}
				if workers < 1 {
					return timeline.Errorf(timeline.EINVALID, "--workers: want 1 or more, got %d", workers)
				}
				// The collector keeps its default pace: with the parser's model
				// resident (about 100 MB live), letting the heap grow to five
				// times the live data before collecting saved 5% of the
				// silver ingest's time at twice its peak memory (511 MB
				// against 240 MB).
				analyze := func(doc timeline.Document) (*timeline.Analysis, error) { return p.Analyze(doc) }
				a.analyzeOn(cmd.Context(), workers, files, ov, analyze, func(r result) {
					if r.err != nil {
						a.report(r.err)
						failed++
					} else {
						batch = append(batch, r.analysis)
						if len(batch) == cap(batch) {
							flush()
						}
					}
					if r.last {
						read++
					}
					if bar != nil {
						_ = bar.Add64(r.done)
					}
				})
				flush()
				if bar != nil {
					_ = bar.Finish()
				}
				fmt.Fprintf(a.Stdout, "ingested %d of %d files: %d articles stored, %d already stored, %d failed, %d events, in %s (%s)\n",
					read, len(files), stored, dup, failed, nevents, time.Since(start).Round(time.Millisecond), a.dbName())
				if err := cmd.Context().Err(); err != nil {
					return fmt.Errorf("ingest interrupted: %w", err)
				}
				if failed > 0 {
					return errReported
				}
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&published, "published", "", "publication date (DCT) YYYY-MM-DD for every article without one")
	f.BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "articles analysed at once (default: the cores this process may use)")
	return cmd
}
