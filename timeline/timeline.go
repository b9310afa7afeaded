// Package timeline is the domain of the timeline builder: articles, the temporal
// expressions found in them, the diplomatic events they report, and the dated
// timeline those events make. It holds plain types and the rules that relate them;
// it knows nothing of SQL, flags or files. Subpackages do the work (temporal, actors,
// events, export); store/ persists; cmd/timeline wires them together.
package timeline

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Span is a half-open byte range [Start, End) into a document body.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether the byte offset off lies inside the span.
func (s Span) Contains(off int) bool { return s.Start <= off && off < s.End }

// Text is a span of a body together with the text it covers.
type Text struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Span returns the byte range of t.
func (t Text) Span() Span { return Span{t.Start, t.End} }

// TextOf cuts the span s out of body. Out-of-range spans are clamped so that a bad
// offset can never panic an exporter.
func TextOf(body string, s Span) Text {
	start, end := max(0, min(s.Start, len(body))), max(0, min(s.End, len(body)))
	if end < start {
		end = start
	}
	return Text{Start: start, End: end, Text: body[start:end]}
}

// Document is one article as read, with its publication date (DCT) when known or
// the bounds inferred for it from the text.
type Document struct {
	ID     string
	Title  string
	Source string
	URL    string
	Path   string
	Body   string

	// DCT is the document creation time (publication date) at day precision, zero
	// when the article gives none.
	DCT time.Time
	// DCTInferred is set when DCT was not given but bounded from the text; then
	// DCTEarliest and DCTLatest hold the bounds (either may be zero: open).
	DCTInferred bool
	DCTEarliest time.Time
	DCTLatest   time.Time
}

// SHA256 returns the hex SHA-256 of the body: the identity of an article in the
// store, so that the same text ingested twice is stored once.
func (d *Document) SHA256() string {
	sum := sha256.Sum256([]byte(d.Body))
	return hex.EncodeToString(sum[:])
}

// Reference returns the time against which relative expressions are resolved: the
// DCT, or when it was inferred, the earliest instant it can be.
func (d *Document) Reference() time.Time {
	if !d.DCT.IsZero() {
		return d.DCT
	}
	if !d.DCTEarliest.IsZero() {
		return d.DCTEarliest
	}
	return d.DCTLatest
}

// Actor is a political actor as coded in CAMEO style ("USAGOV", "PRK", "IGOUNO").
// An actor with an empty Code is named but not coded (a collective with no state).
type Actor struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// Analysis is everything the pipeline derived from one document.
type Analysis struct {
	Document    Document
	Sentences   []Span
	Timexes     []Timex
	Occurrences []Occurrence
	Events      []Event
	// Warnings say what the analysis left out or doubts (a part of a huge
	// article not searched, text that does not look like English), one line
	// each, for the user; they are not stored.
	Warnings []string
}

// Day truncates t to midnight UTC of its calendar day.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// UniqueID is the id a document takes when its own is already used by a
// different article (two "index.txt" in different folders, a feed reusing an
// id): its id, a dash and the first 8 hex digits of the body's SHA-256. The same
// article always gets the same one.
func (d *Document) UniqueID() string {
	return d.ID + "-" + d.SHA256()[:8]
}

// Rename gives the analysis's document the id, and its events the document and
// the ids they would have had had it been analysed under that id.
func (a *Analysis) Rename(id string) {
	a.Document.ID = id
	for i := range a.Events {
		e := &a.Events[i]
		e.Doc = id
		e.ID = MakeID(id, e.Trigger.Span(), e.CAMEO)
	}
}
