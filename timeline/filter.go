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
