package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// writeMarkdown writes a readable document: a heading, a table of the events, and
// the documents they come from.
func writeMarkdown(w io.Writer, t *Timeline) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(t.title()))
	fmt.Fprintf(bw, "%d events from %d documents.\n\n", len(t.Events), len(t.Documents))
	bw.WriteString("| Date | What | Who | To whom | Status | Source |\n")
	bw.WriteString("|---|---|---|---|---|---|\n")
	for i := range t.Events {
		e := &t.Events[i]
		date := dateRange(e.Earliest, e.Latest)
		if date == "" {
			date = "undated"
		}
		src := mdEscape(e.Doc)
		if n := sources(e); n > 1 {
			src += fmt.Sprintf(" (+%d)", n-1)
		}
		label := what(e)
		if cameo(e) == "" && e.Trigger.Text != "" {
			label += ": " + e.Trigger.Text // name the occurrence: "Context: Winter Olympics"
		}
		fmt.Fprintf(bw, "| %s | **%s**: %s | %s | %s | %s | %s |\n",
			date, mdEscape(label), mdEscape(e.Sentence.Text),
			mdActor(e.Source), mdActor(e.Target), mdEscape(e.Status), src)
	}
	if len(t.Documents) > 0 {
		bw.WriteString("\n## Documents\n\n")
		for i := range t.Documents {
			d := &t.Documents[i]
			fmt.Fprintf(bw, "- **%s**", mdEscape(d.ID))
			if d.Title != "" {
				fmt.Fprintf(bw, ": %s", mdEscape(d.Title))
			}
			var about []string
			if d.Source != "" {
				about = append(about, mdEscape(d.Source))
			}
			if dct := docDate(d); dct != "" {
				about = append(about, dct)
			}
			if u := mdURL(d.URL); u != "" {
				about = append(about, u)
			}
			if len(about) > 0 {
				fmt.Fprintf(bw, " (%s)", strings.Join(about, ", "))
			}
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}

// docDate describes a document's date: its DCT, or the bounds inferred for it.
func docDate(d *timeline.Document) string {
	if !d.DCT.IsZero() {
		return timeline.FormatDay(d.DCT)
	}
	if d.DCTInferred {
		if r := dateRange(d.DCTEarliest, d.DCTLatest); r != "" {
			return "date inferred: " + r
		}
	}
	return ""
}

func mdActor(a *timeline.Actor) string {
	if a == nil {
		return ""
	}
	s := mdEscape(actorName(a))
	if a.Code != "" && a.Name != "" {
		s += " (" + mdEscape(a.Code) + ")"
	}
	return s
}

// mdEscaper escapes what would end a table cell (|) or turn text into markup
// (emphasis, code, links, HTML); the backslash first so escapes stay escapes.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
)

// mdEscape makes s safe inside a table cell: one line, markup escaped.
func mdEscape(s string) string {
	return mdEscaper.Replace(oneLine(s))
}

// mdURL returns an autolink for url. Escapes are not processed inside an autolink,
// so the URL goes in as it is, when it can: one with a space, angle bracket or
// control character cannot be an autolink and is written as escaped text.
func mdURL(url string) string {
	if url == "" {
		return ""
	}
	if strings.ContainsFunc(url, func(r rune) bool { return r <= ' ' || r == '<' || r == '>' || unicode.IsControl(r) }) || !utf8.ValidString(url) {
		return mdEscape(url)
	}
	return "<" + url + ">"
}
