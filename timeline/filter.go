package timeline

import "time"

// EventFilter selects events from a store. Zero fields match everything.
type EventFilter struct {
	From, To time.Time // inclusive day bounds of the range; zero: open
	// Within asks for events whose interval lies inside [From, To]; by default an
	// event matches when its interval overlaps the range.
	Within bool
	Actor  string // actor name (substring, case-insensitive) or code prefix
	CAMEO  string // root code
	Doc    string // document id
	Text   string // words that must all occur in the sentence
	Limit  int
}

// DocumentSummary is a stored document with its event count, for listings.
type DocumentSummary struct {
	Document
	SHA    string
	Events int
	Added  time.Time
}

// Validate reports a filter that can match nothing by mistake: a range that
// ends before it starts, or an unknown CAMEO root.
func (f *EventFilter) Validate() error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return Errorf(EINVALID, "range ends (%s) before it starts (%s)", FormatDay(f.To), FormatDay(f.From))
	}
	if f.CAMEO != "" {
		if _, ok := CAMEORoot(f.CAMEO); !ok {
			return Errorf(EINVALID, "unknown CAMEO root %q (want 01-20)", f.CAMEO)
		}
	}
	if f.Limit < 0 {
		return Errorf(EINVALID, "negative limit %d", f.Limit)
	}
	return nil
}
