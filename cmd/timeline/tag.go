package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/pipeline"
	"github.com/timelinehq/timeline/timeline/temporal"
	"github.com/timelinehq/timeline/timeline/timeml"
)

func (a *App) newTagCmd() *cobra.Command {
	var dct, format, outDir string
	var workers int
	cmd := &cobra.Command{
		Use:   "tag [flags] FILE|DIR|- ...",
		Short: "Find and normalise temporal expressions only (TIMEX3)",
		Long: `Tag the temporal expressions of articles with TimeML TIMEX3 values, resolved
against the publication date: --dct for inputs without one (TimeML input keeps its
own DOCID and DCT), else inferred as bounds from the text. Output is TimeML (the
body byte-identical between tags, as TempEval scorers need) or JSON. With --out DIR,
one <name>.tml (or .json) per input is written there; nothing is stored.`,
		Example: `  timeline tag --dct 2018-01-12 article.txt
  timeline tag --out /tmp/sys ../shared/corpora/tbaq/TimeBank`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			if format != "timeml" && format != "json" {
				return timeline.Errorf(timeline.EINVALID, "--format: unknown format %q (want timeml or json)", format)
			}
			var ov overrides
			if dct != "" {
				if ov.dct, err = article.ParsePublished(dct, a.config.location); err != nil {
					return timeline.Errorf(timeline.EINVALID, "--dct: %v", err)
				}
			}
			if outDir != "" {
				if err := makeOutDir("--out", outDir); err != nil {
					return err
				}
			}
			if workers < 1 {
				return timeline.Errorf(timeline.EINVALID, "--workers: want 1 or more, got %d", workers)
			}
			if os.Getenv("GOGC") == "" {
				// Tagging holds little (the tagger's tables and an article per
				// worker) and allocates much: at the default pace the collector
				// ran so often that it took a quarter of the command's time.
				debug.SetGCPercent(400)
			}
			// Dates need the temporal tagger alone: the actor dictionary and
			// the trigger lexicon are not loaded.
			tagger, err := a.newTagger()
			if err != nil {
				return err
			}
			p := &pipeline.Pipeline{Tagger: tagger}
			files, nfailed := a.inputs(args)
			failed := nfailed > 0
			written := make(map[string]string) // file name -> the input it came from
			ov.dctIfMissing = true
			// Articles are tagged on every core; the output keeps their order.
			dates := func(doc timeline.Document) (*timeline.Analysis, error) {
				doc, txs, warnings := p.Dates(doc)
				return &timeline.Analysis{Document: doc, Timexes: txs, Warnings: warnings}, nil
			}
			a.analyzeOn(cmd.Context(), workers, files, ov, dates, func(r result) {
				if r.err != nil {
					a.report(r.err)
					failed = true
					return
				}
				doc, txs := r.analysis.Document, r.analysis.Timexes
				path := r.path
				write := func(w io.Writer) error { return writeTags(w, format, &doc, txs) }
				dest := ""
				if outDir != "" {
					ext := ".tml"
					if format == "json" {
						ext = ".json"
					}
					// The id comes from the input: FileName keeps it inside outDir.
					name := article.FileName(doc.ID, ext)
					if prev, ok := written[name]; ok {
						a.report(fmt.Errorf("%s: id %q was already written from %s; not overwritten", path, doc.ID, prev))
						failed = true
						return
					}
					written[name] = path
					dest = filepath.Join(outDir, name)
				}
				if err := a.writeOutput(dest, write); err != nil {
					a.report(fmt.Errorf("%s: %w", path, err))
					failed = true
				}
			})
			if failed {
				return errReported
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dct, "dct", "", "publication date YYYY-MM-DD for inputs that carry none")
	f.StringVar(&format, "format", "timeml", "output format: timeml or json")
	f.StringVarP(&outDir, "out", "o", "", "write one file per input into DIR")
	f.IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "articles tagged at once (default: the cores this process may use)")
	return cmd
}

// timexJSON is the JSON shape of one temporal expression.
type timexJSON struct {
	ID           string  `json:"tid"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Type         string  `json:"type"`
	Value        string  `json:"value"`
	Mod          string  `json:"mod,omitempty"`
	AnchorTimeID string  `json:"anchorTimeID,omitempty"`
	BeginPoint   string  `json:"beginPoint,omitempty"`
	EndPoint     string  `json:"endPoint,omitempty"`
	Interval     string  `json:"interval,omitempty"`
	Earliest     *string `json:"earliest"`
	Latest       *string `json:"latest"`
	Granularity  string  `json:"granularity"`
	Anchor       string  `json:"anchor"`
}

func writeTags(w io.Writer, format string, doc *timeline.Document, txs []timeline.Timex) error {
	if format == "timeml" {
		return timeml.Write(w, doc, txs)
	}
	day := func(t timeline.Timex, lo bool) *string {
		d := t.Latest
		if lo {
			d = t.Earliest
		}
		if d.IsZero() {
			return nil
		}
		s := timeline.FormatDay(d)
		return &s
	}
	out := struct {
		Doc         string      `json:"doc"`
		DCT         *string     `json:"dct"`
		DCTInferred bool        `json:"dct_inferred"`
		DCTEarliest *string     `json:"dct_earliest"`
		DCTLatest   *string     `json:"dct_latest"`
		Timexes     []timexJSON `json:"timexes"`
	}{Doc: doc.ID, DCTInferred: doc.DCTInferred, Timexes: []timexJSON{}}
	opt := func(t time.Time) *string {
		if t.IsZero() {
			return nil
		}
		s := timeline.FormatDay(t)
		return &s
	}
	out.DCT, out.DCTEarliest, out.DCTLatest = opt(doc.DCT), opt(doc.DCTEarliest), opt(doc.DCTLatest)
	for _, t := range txs {
		out.Timexes = append(out.Timexes, timexJSON{
			ID: t.ID, Start: t.Span.Start, End: t.Span.End, Text: t.Text, Type: t.Type, Value: t.Value,
			Mod: t.Mod, AnchorTimeID: t.AnchorTimeID, BeginPoint: t.BeginPoint, EndPoint: t.EndPoint,
			Interval: t.Interval, Earliest: day(t, true), Latest: day(t, false),
			Granularity: string(t.Granularity), Anchor: string(t.Anchor),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// newTagger loads the temporal tagger with the gazetteer the configuration
// names.
func (a *App) newTagger() (*temporal.Tagger, error) {
	var o temporal.Options
	if a.config.Gazetteer != "" {
		f, err := os.Open(a.config.Gazetteer)
		if err != nil {
			return nil, timeline.Errorf(timeline.EINVALID, "config: gazetteer: %v", err)
		}
		defer f.Close()
		o.Gazetteer = f
	}
	t, err := temporal.New(o)
	if err != nil {
		return nil, fmt.Errorf("pipeline: gazetteer: %w", err)
	}
	return t, nil
}
