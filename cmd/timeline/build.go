package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/export"
)

func (a *App) newBuildCmd() *cobra.Command {
	var published, title, url, id, out string
	cmd := &cobra.Command{
		Use:   "build [flags] FILE|DIR|- ...",
		Short: "Read articles, date their events, store them and print the timeline",
		Long: `Read articles (plain text, TimeML .tml/.TE3input, or JSON Lines with title, body,
published, url, id), resolve their temporal expressions, extract dated diplomatic
events, store everything in the database, and print the chronological timeline of
what was read.

Without --published, the publication date is taken from the input (TimeML DCT,
JSON "published") or, failing that, inferred as bounds from the text itself.

An article's id is its file name without the extension (the JSON Lines id, the
TimeML DOCID); when a different stored article has that id, it is stored as
<id>-<8 hex digits of its body's SHA-256>, and a note says so. --id chooses the
id of a single article.`,
		Example: `  timeline build ../shared/seed-article.txt
  timeline build --published 2018-01-12 --format json --out seed.json article.txt
  cat article.txt | timeline build -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ov, err := a.parseOverrides(published, title, url)
			if err != nil {
				return err
			}
			ov.id = id
			return a.withStore(func(db timeline.Store) error {
				p, err := a.newPipeline()
				if err != nil {
					return err
				}
				files, nfailed := a.inputs(args)
				failed := nfailed > 0
				if id != "" && len(files) > 1 {
					return timeline.Errorf(timeline.EINVALID, "--id names one article; %d inputs given", len(files))
				}
				// What was analysed is stored and printed even after an interrupt.
				ctx := context.WithoutCancel(cmd.Context())
				var t export.Timeline
				t.Timexes = make(map[string][]timeline.Timex)
				a.analyzeAll(cmd.Context(), p, files, ov, func(r result) {
					if r.err == nil && id != "" {
						r.err = idFree(ctx, db, r.analysis)
					}
					if r.err == nil {
						r.err = a.save(ctx, db, r.analysis, !ov.dct.IsZero())
					}
					if r.err != nil {
						a.report(r.err)
						failed = true
						return
					}
					an := r.analysis
					t.Documents = append(t.Documents, an.Document)
					t.Events = append(t.Events, an.Events...)
					t.Timexes[an.Document.ID] = an.Timexes
				})
				sortEvents(t.Events)
				t.Events = timeline.MergeWithin(t.Events, a.config.mergeSpan)
				if len(t.Documents) > 0 || !failed {
					if err := a.writeTimeline(out, &t); err != nil {
						return err
					}
				}
				if err := cmd.Context().Err(); err != nil {
					return fmt.Errorf("build interrupted: %w", err)
				}
				if failed {
					return errReported
				}
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&published, "published", "", "publication date (DCT) YYYY-MM-DD; without it, taken from the input or inferred")
	f.StringVar(&title, "title", "", "article title (a single input)")
	f.StringVar(&url, "url", "", "article URL (a single input)")
	f.StringVar(&id, "id", "", "document id (a single input); default: the file name, made unique when another article has it")
	f.StringVarP(&out, "out", "o", "", "write the timeline to FILE instead of standard output")
	formatFlag(f)
	return cmd
}

// idFree fails when the id given with --id is used by another article: the
// user chose it, so it is not silently replaced by a unique form.
func idFree(ctx context.Context, db timeline.Store, an *timeline.Analysis) error {
	d, err := db.Document(ctx, an.Document.ID)
	switch {
	case timeline.ErrorCode(err) == timeline.ENOTFOUND:
		return nil
	case err != nil:
		return err
	case d.SHA256() != an.Document.SHA256():
		return timeline.Errorf(timeline.ECONFLICT, "%s: --id %q is already used by another article; rm it first or choose another id", an.Document.Path, an.Document.ID)
	}
	return nil
}

// save stores an analysed article so that the database holds the timeline build
// prints. With a publication date given (replace), an article already stored is
// re-analysed in its place, with a note when its date changes; without, an
// article stored with another date is kept, and a note says so.
func (a *App) save(ctx context.Context, db timeline.Store, an *timeline.Analysis, replace bool) error {
	given := an.Document.ID
	if replace {
		prev, err := db.ReplaceAnalysis(ctx, an)
		if err != nil {
			return err
		}
		a.noteRenamed(given, an, false)
		if prev != nil && describeDCT(prev) != describeDCT(&an.Document) {
			fmt.Fprintf(a.Stderr, "timeline: %s: replaced the stored analysis of %s: publication date %s (was %s)\n",
				an.Document.Path, an.Document.ID, describeDCT(&an.Document), describeDCT(prev))
		}
		return nil
	}
	stored, err := db.SaveAnalysis(ctx, an)
	if err != nil {
		return err
	}
	a.noteRenamed(given, an, false)
	if !stored {
		prev, err := db.Document(ctx, an.Document.ID)
		if err != nil {
			return err
		}
		if describeDCT(prev) != describeDCT(&an.Document) {
			fmt.Fprintf(a.Stderr, "timeline: %s: %s is stored with publication date %s, this timeline has %s; the stored analysis is kept (--published replaces it)\n",
				an.Document.Path, an.Document.ID, describeDCT(prev), describeDCT(&an.Document))
		}
	}
	return nil
}

// describeDCT says how a document is dated: its DCT, inferred bounds, or unknown.
func describeDCT(d *timeline.Document) string {
	switch {
	case !d.DCT.IsZero():
		return timeline.FormatDay(d.DCT)
	case d.DCTInferred:
		return "inferred " + timeline.FormatDay(d.DCTEarliest) + ".." + timeline.FormatDay(d.DCTLatest)
	}
	return "unknown"
}

// noteRenamed says on standard error when an article is stored under another id
// than its own: a different article had it, or (unless quietDuplicates) the
// same article was already stored under that other id.
func (a *App) noteRenamed(given string, an *timeline.Analysis, quietDuplicates bool) {
	d := &an.Document
	switch {
	case d.ID == given:
	case d.ID == (&timeline.Document{ID: given, Body: d.Body}).UniqueID():
		fmt.Fprintf(a.Stderr, "timeline: %s: id %q is taken by another article; stored as %q\n", d.Path, given, d.ID)
	case !quietDuplicates:
		fmt.Fprintf(a.Stderr, "timeline: %s: already stored as %q\n", d.Path, d.ID)
	}
}

// parseOverrides validates the article flags before any work starts.
func (a *App) parseOverrides(published, title, url string) (overrides, error) {
	ov := overrides{title: title, url: url}
	if published != "" {
		dct, err := article.ParsePublished(published, a.config.location)
		if err != nil {
			return ov, timeline.Errorf(timeline.EINVALID, "--published: %v", err)
		}
		ov.dct = dct
	}
	return ov, nil
}

// sortEvents puts events in timeline order.
func sortEvents(evs []timeline.Event) {
	slices.SortStableFunc(evs, func(x, y timeline.Event) int {
		switch {
		case timeline.Less(&x, &y):
			return -1
		case timeline.Less(&y, &x):
			return 1
		}
		return 0
	})
}
