package export

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// The JSON that Knight Lab's TimelineJS 3 loads
// (https://timeline.knightlab.com/docs/json-format.html): a title slide and one
// slide an event. Dates are numbers, as the format documents them.
type tljsTimeline struct {
	Title  *tljsSlide  `json:"title,omitempty"`
	Events []tljsSlide `json:"events"`
}

type tljsSlide struct {
	StartDate *tljsDate `json:"start_date,omitempty"`
	EndDate   *tljsDate `json:"end_date,omitempty"`
	Text      tljsText  `json:"text"`
	Group     string    `json:"group,omitempty"`
	// DisplayDate replaces the date TimelineJS shows: for an event with an open
	// bound, whose start_date is only the day it is known to be before or after.
	DisplayDate string `json:"display_date,omitempty"`
	UniqueID    string `json:"unique_id,omitempty"`
	// Autolink is off: sentences are quoted text, and TimelineJS would otherwise
	// turn anything that looks like a URL or address in them into a link.
	Autolink *bool `json:"autolink,omitempty"`
}

type tljsDate struct {
	Year  int `json:"year"`
	Month int `json:"month,omitempty"`
	Day   int `json:"day,omitempty"`
}

// tljsText holds HTML: TimelineJS inserts headline and text into the page as
// markup, so every piece of article text in them is escaped.
type tljsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

// writeTimelineJS writes the dated events as TimelineJS slides; undated events
// have no place on its time axis and are left out.
func writeTimelineJS(w io.Writer, t *Timeline) error {
	out := tljsTimeline{Events: []tljsSlide{}}
	off := false
	for i := range t.Events {
		e := &t.Events[i]
		start, end := e.Earliest, e.Latest
		if start.IsZero() {
			// An open start ("recently", "before D"): the latest bound is the
			// best single date we have, as timeline.Less sorts it.
			start, end = end, time.Time{}
		}
		if start.IsZero() {
			continue
		}
		s := tljsSlide{
			StartDate: tljsDay(start, e.Granularity),
			Text:      tljsText{Headline: html.EscapeString(headline(e)), Text: tljsBody(e)},
			Group:     html.EscapeString(what(e)), // a label TimelineJS inserts as HTML
			UniqueID:  e.ID,
			Autolink:  &off,
		}
		if b := openBound(e); b != "" {
			s.DisplayDate = b + " " + humanDay(start, e.Granularity)
		}
		if !end.IsZero() {
			// Only an end that shows differently at the event's granularity:
			// "2012" (2012-01-01..2012-12-31) is one year, not a span.
			if d := tljsDay(end, e.Granularity); *d != *s.StartDate {
				s.EndDate = d
			}
		}
		out.Events = append(out.Events, s)
	}
	out.Title = &tljsSlide{Text: tljsText{
		Headline: html.EscapeString(t.title()),
		Text:     fmt.Sprintf("%d dated events from %d documents", len(out.Events), len(t.Documents)),
	}}
	return writeIndented(w, out)
}

// tljsDay gives a day at the precision the event's granularity supports: month
// and day are omitted where the granularity is coarser than they are.
func tljsDay(t time.Time, g timeline.Granularity) *tljsDate {
	d := &tljsDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	switch g {
	case timeline.GranMonth, timeline.GranSeason, timeline.GranQuarter, timeline.GranHalf:
		d.Day = 0
	case timeline.GranYear, timeline.GranDecade, timeline.GranCentury:
		d.Month, d.Day = 0, 0
	}
	return d
}

// humanDay writes a day as readers do, at the precision of the granularity: "8
// February 2018", "February 2018", "2018".
func humanDay(t time.Time, g timeline.Granularity) string {
	switch g {
	case timeline.GranMonth, timeline.GranSeason, timeline.GranQuarter, timeline.GranHalf:
		return t.Format("January 2006")
	case timeline.GranYear, timeline.GranDecade, timeline.GranCentury:
		return t.Format("2006")
	}
	return strconv.Itoa(t.Day()) + " " + t.Format("January 2006")
}

// tljsBody is the slide's text: the sentence, then where it was reported.
func tljsBody(e *timeline.Event) string {
	s := "<p>" + html.EscapeString(oneLine(e.Sentence.Text)) + "</p><p><small>" + html.EscapeString(e.Doc)
	if n := sources(e); n > 1 {
		s += fmt.Sprintf(" · reported by %d sources", n)
	}
	return s + "</small></p>"
}
