package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/timelinehq/timeline/timeline"
)

// csvHeader is OUTPUT.md's column order; readers index columns by position, so the
// first 21 are fixed. sources and docs come after them (OUTPUT.md: add fields
// freely), so that a merged event's other reports are visible in a spreadsheet too.
var csvHeader = []string{
	"earliest", "latest", "when", "granularity", "anchor", "cameo", "cameo_name",
	"source_name", "source_code", "target_name", "target_code", "status", "kind",
	"trigger", "sentence", "doc", "evidence", "goldstein", "quad_class", "confidence", "id",
	"sources", "docs",
}

// writeCSV writes an RFC 4180 table: a header row, then one event a row, with CRLF
// line ends as the RFC has them.
//
// Cells are written exactly as they are, with no guard against CSV formula
// injection (a cell starting with =, +, - or @ that a spreadsheet would evaluate):
// the usual guard prefixes a quote, which alters the text analysts quote and
// search, and turns "-2.0" or "-0.3" into strings. Spreadsheet users should import
// the file as text rather than open it.
//
// encoding/csv with UseCRLF writes a newline inside a quoted cell as CRLF and drops
// a lone CR there; readers (Go's, Python's) give the newline back as LF.
func writeCSV(w io.Writer, t *Timeline) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range t.Events {
		if err := cw.Write(csvRecord(&t.Events[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRecord(e *timeline.Event) []string {
	var name, goldstein, quad string
	if r, ok := root(e); ok {
		name = r.Name
		goldstein = strconv.FormatFloat(r.Goldstein, 'f', -1, 64)
		quad = strconv.Itoa(r.QuadClass)
	}
	var evidence, conf string
	if e.Evidence != nil {
		evidence = e.Evidence.Text
	}
	if c, ok := confidence(e); ok {
		conf = strconv.FormatFloat(c, 'f', -1, 64)
	}
	srcName, srcCode := csvActor(e.Source)
	tgtName, tgtCode := csvActor(e.Target)
	return []string{
		timeline.FormatDay(e.Earliest),
		timeline.FormatDay(e.Latest),
		e.When,
		string(e.Granularity),
		string(e.Anchor),
		cameo(e),
		name,
		srcName, srcCode,
		tgtName, tgtCode,
		e.Status,
		e.Kind,
		e.Trigger.Text,
		e.Sentence.Text,
		e.Doc,
		evidence,
		goldstein,
		quad,
		conf,
		e.ID,
		strconv.Itoa(sources(e)),
		strings.Join(e.Docs, ";"),
	}
}

func csvActor(a *timeline.Actor) (name, code string) {
	if a == nil {
		return "", ""
	}
	return a.Name, a.Code
}
