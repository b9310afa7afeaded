package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/export"
)

func (a *App) newQueryCmd() *cobra.Command {
	var from, to, actor, cameo, doc, text, out string
	var within bool
	var limit int
	cmd := &cobra.Command{
		Use:   "query [flags]",
		Short: "Query stored events by date range, actor, CAMEO root, document or words",
		Long: `Print stored events in chronological order. An event matches a date range when
its interval overlaps the range; with --within, only when it lies inside it. Dates
accept a year (2018), a month (2018-01) or a day (2018-01-03): --from takes the
first day of it, --to the last. Events of several articles that report the same
occurrence are shown once, with the number of sources: they were merged as the
articles were stored (merge_span), so a filter selects occurrences and never
changes how they are merged.

An event known only to be after a day ("will meet after the elections") or before
one ("had previously dismissed") has an open bound: it overlaps a range only
within open_horizon (config.yaml, default 1y) of the day it knows, so a plan
made in 1997 is not an event of 2018. With --within an open bound never lies
inside a closed side of the range.`,
		Example: `  timeline query --from 2017 --to 2018-01
  timeline query --from 2018-01-01 --to 2018-03-31 --within --actor PRK --cameo 13
  timeline query --text "joint exercise" --format csv --out events.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := eventFilter(from, to, within, actor, cameo, doc, text)
			if err != nil {
				return err
			}
			f.Limit = limit
			f.Horizon = a.config.openHorizon
			return a.withReadStore(func(db timeline.Store) error {
				docs, evs, err := db.Timeline(cmd.Context(), f)
				if err != nil {
					return err
				}
				return a.writeTimeline(out, &export.Timeline{Documents: docs, Events: evs})
			})
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&from, "from", "", "start of the date range: YYYY, YYYY-MM or YYYY-MM-DD")
	fs.StringVar(&to, "to", "", "end of the date range: YYYY, YYYY-MM or YYYY-MM-DD")
	fs.BoolVar(&within, "within", false, "only events lying wholly inside the range (default: overlapping it); an open side of the range accepts an open bound")
	fs.StringVar(&actor, "actor", "", "source or target actor: a name (substring) or a code prefix (USA, PRKGOV)")
	fs.StringVar(&cameo, "cameo", "", "CAMEO root code, 01-20")
	fs.StringVar(&doc, "doc", "", "document id")
	fs.StringVar(&text, "text", "", "words that must all occur in the event's sentence")
	fs.IntVar(&limit, "limit", 0, "at most this many events (0: all)")
	fs.StringVarP(&out, "out", "o", "", "write to FILE instead of standard output")
	formatFlag(fs)
	return cmd
}

// eventFilter validates the query flags into a filter.
func eventFilter(from, to string, within bool, actor, cameo, doc, text string) (timeline.EventFilter, error) {
	f := timeline.EventFilter{Within: within, Actor: strings.TrimSpace(actor), Doc: doc, Text: text}
	if from != "" {
		first, _, err := timeline.ParseRange(from)
		if err != nil {
			return f, timeline.Errorf(timeline.EINVALID, "--from: %v", err)
		}
		f.From = first
	}
	if to != "" {
		_, last, err := timeline.ParseRange(to)
		if err != nil {
			return f, timeline.Errorf(timeline.EINVALID, "--to: %v", err)
		}
		f.To = last
	}
	if len(cameo) == 1 {
		cameo = "0" + cameo
	}
	f.CAMEO = cameo
	if err := f.Validate(); err != nil {
		return f, fmt.Errorf("query: %w", err)
	}
	return f, nil
}

func (a *App) newExportCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "export [flags]",
		Short: "Export the whole database as a timeline",
		Long: `Write every stored event as one chronological timeline, in any output format:
json and csv for analysis, timelinejs for Knight Lab's TimelineJS, timeml for
TempEval tools, ics for calendars, markdown for reports. jsonl and csv are
written as the events are read, in constant memory however large the database;
the other formats hold the whole timeline in memory. TimeML holds one article a
file: --out DIR/ (an existing folder, or a path ending with /) writes <id>.tml for
each; a single --out file is refused when there are several articles.`,
		Example: `  timeline export --format timelinejs --out timeline.json
  timeline export --format ics --out events.ics
  timeline export --format timeml --out tml/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withReadStore(func(db timeline.Store) error {
				ctx := cmd.Context()
				if done, err := a.streamExport(ctx, db, out); done {
					return err
				}
				docs, evs, err := db.Timeline(ctx, timeline.EventFilter{})
				if err != nil {
					return err
				}
				t := &export.Timeline{Documents: docs, Events: evs}
				if a.format() == "timeml" {
					// TimeML carries every document with its temporal expressions,
					// including those with no event.
					all, err := db.Documents(ctx)
					if err != nil {
						return err
					}
					t.Documents = t.Documents[:0]
					t.Timexes = make(map[string][]timeline.Timex, len(all))
					for _, s := range all {
						d, err := db.Document(ctx, s.ID)
						if err != nil {
							return err
						}
						txs, err := db.Timexes(ctx, s.ID)
						if err != nil {
							return err
						}
						t.Documents = append(t.Documents, *d)
						t.Timexes[s.ID] = txs
					}
				}
				return a.writeTimeline(out, t)
			})
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&out, "out", "o", "", "write to FILE instead of standard output")
	formatFlag(fs)
	return cmd
}

func (a *App) newDocsCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "List the stored articles",
		Long: `List the stored articles: id, publication date (or inferred bounds), events,
title or path. --format json gives each as in a JSON timeline, with its events.`,
		Example: `  timeline docs
  timeline docs --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withReadStore(func(db timeline.Store) error {
				docs, err := db.Documents(cmd.Context())
				if err != nil {
					return err
				}
				return export.WriteDocuments(a.Stdout, format, docs)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: "+strings.Join(export.ListingFormats, " or "))
	return cmd
}

func (a *App) newRmCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rm DOC ...",
		Short: "Delete stored articles and their events",
		Long:  "Delete the named articles (ids as `timeline docs` lists them) with their events and temporal expressions.",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withExistingStore(func(db timeline.Store) error {
				failed := false
				for _, id := range args {
					if err := db.DeleteDocument(cmd.Context(), id); err != nil {
						a.report(fmt.Errorf("rm %s: %w", id, err))
						failed = true
						continue
					}
					fmt.Fprintf(a.Stdout, "removed %s\n", id)
				}
				if failed {
					return errReported
				}
				return nil
			})
		},
	}
}

// streamExport writes every occurrence of db to out as it is read, for the
// formats that stream (jsonl, csv); done is false for the others.
func (a *App) streamExport(ctx context.Context, db timeline.Store, out string) (done bool, err error) {
	if _, ok, _ := export.NewStream(io.Discard, a.format()); !ok {
		return false, nil
	}
	return true, a.writeOutput(out, func(w io.Writer) error {
		s, _, err := export.NewStream(w, a.format())
		if err != nil {
			return fmt.Errorf("export %s: %w", a.format(), err)
		}
		if err := db.EachEvent(ctx, timeline.EventFilter{}, s.Write); err != nil {
			return err
		}
		if err := s.Close(); err != nil {
			return fmt.Errorf("export %s: %w", a.format(), err)
		}
		return nil
	})
}
