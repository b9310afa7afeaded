package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// icsEpoch is the DTSTAMP of events whose document has no date at all.
var icsEpoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// writeICS writes an iCalendar (RFC 5545) calendar with one all-day VEVENT per
// dated event, for analysts who lay a story over their own calendar.
//
// DTSTAMP, which RFC 5545 requires, is meant to be when the calendar object was
// created; we use the publication date of the event's document (its latest bound
// when inferred, else the Unix epoch) instead of the clock, so the same timeline
// always gives the same bytes, and a calendar client re-importing it sees no change.
func writeICS(w io.Writer, t *Timeline) error {
	dated := false
	for i := range t.Events {
		if !t.Events[i].Earliest.IsZero() || !t.Events[i].Latest.IsZero() {
			dated = true
			break
		}
	}
	if !dated {
		// RFC 5545 wants at least one component, and clients reject an empty
		// calendar: say so rather than write a file that will not import.
		return timeline.Errorf(timeline.ENOTFOUND, "no dated events to write: an iCalendar file needs at least one")
	}
	bw := bufio.NewWriter(w)
	p := icsPrinter{w: bw}
	p.line("BEGIN:VCALENDAR")
	p.line("VERSION:2.0")
	p.line("PRODID:-//timelinehq//timeline//EN")
	p.line("CALSCALE:GREGORIAN")
	p.line("NAME:" + icsText(t.title()))         // RFC 7986
	p.line("X-WR-CALNAME:" + icsText(t.title())) // what Google and Apple read
	// By document id, once: a search per event is quadratic on a whole store.
	stamps := make(map[string]string, len(t.Documents))
	for i := range t.Documents {
		if d := &t.Documents[i]; stamps[d.ID] == "" {
			stamps[d.ID] = icsStamp(d)
		}
	}
	for i := range t.Events {
		e := &t.Events[i]
		start, end := e.Earliest, e.Latest
		// An open bound makes a single day of the other one: a calendar has no
		// open-ended all-day events. The summary and description say so.
		switch {
		case start.IsZero():
			start = end
		case end.IsZero():
			end = start
		}
		if start.IsZero() {
			continue // undated
		}
		if end.Before(start) {
			end = start
		}
		summary, desc := headline(e), e.Sentence.Text+"\n\n"+e.Doc
		if n := sources(e); n > 1 {
			desc += fmt.Sprintf(" (reported by %d sources)", n)
		}
		if b := openBound(e); b != "" {
			// The calendar shows the one known day; the event is not of that day.
			known := timeline.FormatDay(start)
			summary += " (" + b + " " + known + ")"
			desc = "Date: " + b + " " + known + "; the article gives no other bound, so the calendar shows this day.\n\n" + desc
		}
		p.line("BEGIN:VEVENT")
		p.line("UID:" + icsText(e.ID+"@timeline"))
		stamp, ok := stamps[e.Doc]
		if !ok {
			stamp = icsStamp(nil)
		}
		p.line("DTSTAMP:" + stamp)
		p.line("DTSTART;VALUE=DATE:" + start.Format("20060102"))
		// DTEND of an all-day event is exclusive: the day after the last one.
		p.line("DTEND;VALUE=DATE:" + end.AddDate(0, 0, 1).Format("20060102"))
		p.line("SUMMARY:" + icsText(summary))
		p.line("DESCRIPTION:" + icsText(desc))
		p.line("CATEGORIES:" + icsText(what(e)))
		p.line("END:VEVENT")
	}
	p.line("END:VCALENDAR")
	if p.err != nil {
		return p.err
	}
	return bw.Flush()
}

// icsStamp returns the DTSTAMP for an event of document d (see writeICS).
func icsStamp(d *timeline.Document) string {
	t := icsEpoch
	switch {
	case d == nil:
	case !d.DCT.IsZero():
		t = d.DCT
	case !d.DCTLatest.IsZero():
		t = d.DCTLatest
	case !d.DCTEarliest.IsZero():
		t = d.DCTEarliest
	}
	return t.UTC().Format("20060102T150405Z")
}

// icsText escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and
// newline are escaped; other control characters, which TEXT may not hold, become
// spaces; invalid UTF-8 becomes U+FFFD, since the content must be UTF-8.
func icsText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsPrinter writes content lines folded and CRLF-terminated, keeping the first
// write error.
type icsPrinter struct {
	w   io.Writer
	err error
}

func (p *icsPrinter) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, fold(s))
	}
}

// fold splits a content line into lines of at most 75 octets, CRLF-terminated,
// each continuation starting with a space (RFC 5545 3.1). It never cuts a UTF-8
// sequence, which a strict parser would reject and a lenient one garble.
func fold(s string) string {
	const limit = 75
	var b strings.Builder
	n := 0 // octets on the current line
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		if n+size > limit {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteString(s[:size])
		n += size
		s = s[size:]
	}
	b.WriteString("\r\n")
	return b.String()
}
