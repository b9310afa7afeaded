package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/timelinehq/timeline/timeline"
)

// writeDocs prints the document listing as an aligned table.
func writeDocs(w io.Writer, docs []timeline.DocumentSummary) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDCT\tEVENTS\tTITLE")
	for _, d := range docs {
		dct := timeline.FormatDay(d.DCT)
		if d.DCT.IsZero() {
			dct = "unknown"
			if d.DCTInferred {
				dct = timeline.FormatDay(d.DCTEarliest) + ".." + timeline.FormatDay(d.DCTLatest) + " (inferred)"
			}
		}
		title := d.Title
		if title == "" {
			title = d.Path
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", d.ID, dct, d.Events, title)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("docs: %w", err)
	}
	return nil
}
