package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// Widths of the truncated text columns, so that a line stays within about 160
// columns (a wide terminal); the full text is in every other format.
const (
	triggerWidth  = 20
	sentenceWidth = 40
	actorWidth    = 20
)

// writeTable writes an aligned plain-text table for a terminal, one event a line,
// then a line for each document whose publication date was inferred (so the reader
// knows which dates rest on a guess). Cells are cut to one line with control
// characters removed, which also keeps terminal escapes in an article from acting
// on the reader's terminal.
func writeTable(w io.Writer, t *Timeline) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tWHEN\tCAMEO\tSOURCE\tTARGET\tSTATUS\tDOCS\tTRIGGER\tSENTENCE")
	for i := range t.Events {
		e := &t.Events[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			cell(dateRange(e.Earliest, e.Latest), 0),
			cell(e.When, 0),
			cell(what(e), 0),
			cell(actorName(e.Source), actorWidth),
			cell(actorName(e.Target), actorWidth),
			cell(e.Status, 0),
			strconv.Itoa(sources(e)),
			cell(e.Trigger.Text, triggerWidth),
			cell(e.Sentence.Text, sentenceWidth))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	footer := false
	for i := range t.Documents {
		d := &t.Documents[i]
		if !d.DCTInferred {
			continue
		}
		if !footer {
			fmt.Fprintln(bw)
			footer = true
		}
		r := dateRange(d.DCTEarliest, d.DCTLatest)
		if r == "" {
			r = "unbounded"
		}
		fmt.Fprintf(bw, "dct inferred: %s (doc %s)\n", r, oneLine(d.ID))
	}
	return bw.Flush()
}

// cell makes s one table cell: one line, at most width runes (0: no limit) with an
// ellipsis marking a cut, and "-" for empty so that columns stay readable.
func cell(s string, width int) string {
	s = oneLine(s)
	if s == "" {
		return "-"
	}
	if width > 0 && utf8.RuneCountInString(s) > width {
		r := []rune(s)
		s = strings.TrimRight(string(r[:width-1]), " ") + "…"
	}
	return s
}
