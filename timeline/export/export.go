// Package export writes timelines in the formats analysts and their tools read:
// a terminal table, JSON and JSON Lines (shared/spec/OUTPUT.md), CSV, Knight Lab
// TimelineJS, TimeML, iCalendar, Markdown, and a self-contained HTML page.
//
// Every writer takes the events in the order given: the caller (the store or the
// pipeline) has already put them in chronological order with timeline.Less, and an
// exporter that re-sorted would hide a bug there and make two outputs of the same
// timeline disagree. Nothing here reads the clock, so the same timeline always
// gives the same bytes.
package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/timelinehq/timeline/timeline"
)

// Timeline is what an exporter writes: documents, their events in chronological
// order, and for TimeML their temporal expressions by document id.
type Timeline struct {
	Documents []timeline.Document
	Events    []timeline.Event
	Timexes   map[string][]timeline.Timex

	// Title names the timeline where a format has room for one (the TimelineJS
	// title slide, the Markdown heading, the calendar name). Empty: the title of
	// the only document, or "Timeline".
	Title string
}

// Formats lists the output formats, the default first.
var Formats = []string{"table", "json", "jsonl", "csv", "timelinejs", "timeml", "ics", "markdown", "html"}

// writers maps each format to its writer; TestFormats checks it matches Formats.
var writers = map[string]func(io.Writer, *Timeline) error{
	"table":      writeTable,
	"json":       writeJSON,
	"jsonl":      writeJSONL,
	"csv":        writeCSV,
	"timelinejs": writeTimelineJS,
	"timeml":     writeTimeML,
	"ics":        writeICS,
	"markdown":   writeMarkdown,
	"html":       writeHTML,
}

// Write writes t to w in the named format. A nil t writes an empty timeline. An
// unknown format is an EINVALID error naming the formats there are.
func Write(w io.Writer, format string, t *Timeline) error {
	write, ok := writers[format]
	if !ok {
		return timeline.Errorf(timeline.EINVALID, "unknown format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	if t == nil {
		t = &Timeline{}
	}
	if err := write(w, t); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// title returns the timeline's title, falling back to the only document's title.
func (t *Timeline) title() string {
	if t.Title != "" {
		return t.Title
	}
	if len(t.Documents) == 1 && t.Documents[0].Title != "" {
		return t.Documents[0].Title
	}
	return "Timeline"
}

// root returns the CAMEO root of a diplomatic event. Context events have none
// whatever their CAMEO field holds (OUTPUT.md: cameo is null for them), and an
// unknown code has no name, score or class to report.
func root(e *timeline.Event) (timeline.Root, bool) {
	if e.Kind == timeline.KindContext || e.CAMEO == "" {
		return timeline.Root{}, false
	}
	return timeline.CAMEORoot(e.CAMEO)
}

// cameo returns the event's CAMEO code, "" for a context event.
func cameo(e *timeline.Event) string {
	if e.Kind == timeline.KindContext {
		return ""
	}
	return e.CAMEO
}

// what names the kind of an event for people: the CAMEO root's name, "Context"
// for a context occurrence, the bare code when it is not a known root.
func what(e *timeline.Event) string {
	if r, ok := root(e); ok {
		return r.Name
	}
	if c := cameo(e); c != "" {
		return c
	}
	return "Context"
}

// sources counts the documents reporting an event: at least 1 (the event's own
// document), and at least one more than the other documents listed, so a merger
// that filled Docs but not Sources still shows the right count.
func sources(e *timeline.Event) int {
	return max(1, e.Sources, len(e.Docs)+1)
}

// finite reports whether f can be written as a JSON number; a NaN or infinite
// confidence is written as null (JSON) or empty (CSV) instead of failing the
// whole export over one bad score.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// confidence rounds a score to three decimals: sums of weights carry float noise
// (0.7999999999999999) that says nothing and clutters every output.
func confidence(e *timeline.Event) (float64, bool) {
	c := e.Confidence
	if !finite(c) {
		return 0, false
	}
	if r := math.Round(c*1000) / 1000; finite(r) {
		c = r
	}
	return c, true
}

// dateRange formats an event's day bounds compactly: one day, "a..b", "..b" for an
// open start, "a.." for an open end, and "" when undated.
func dateRange(earliest, latest time.Time) string {
	a, b := timeline.FormatDay(earliest), timeline.FormatDay(latest)
	switch {
	case a == "" && b == "":
		return ""
	case a == b:
		return a
	default:
		return a + ".." + b
	}
}

// openBound says what the one known bound of an event with an open one is: "on
// or before" its latest day, "on or after" its earliest; "" when both bounds are
// known or none is. Formats that must place an event on a day say so rather than
// show that day as the event's.
func openBound(e *timeline.Event) string {
	switch {
	case e.Earliest.IsZero() && !e.Latest.IsZero():
		return "on or before"
	case e.Latest.IsZero() && !e.Earliest.IsZero():
		return "on or after"
	}
	return ""
}

// actorName returns an actor's name, or its code when it has no name.
func actorName(a *timeline.Actor) string {
	switch {
	case a == nil:
		return ""
	case a.Name != "":
		return a.Name
	default:
		return a.Code
	}
}

// headline says who did what to whom in one line: "Donald Trump → Kim Jong Un:
// Threaten". A context event is named by its trigger ("Winter Olympics").
func headline(e *timeline.Event) string {
	if cameo(e) == "" {
		if t := oneLine(e.Trigger.Text); t != "" {
			return t
		}
		return "Context"
	}
	src, tgt := oneLine(actorName(e.Source)), oneLine(actorName(e.Target))
	var who string
	switch {
	case src != "" && tgt != "":
		who = src + " → " + tgt
	case src != "":
		who = src
	case tgt != "":
		who = "→ " + tgt
	}
	if who == "" {
		return what(e)
	}
	return who + ": " + what(e)
}

// oneLine collapses runs of white space and control characters (newlines, tabs,
// terminal escapes) into single spaces, for formats whose cells are one line.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
