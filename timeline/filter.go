package timeline

import "time"

// EventFilter selects events from a store. Zero fields match everything.
type EventFilter struct {
	From, To time.Time // inclusive day bounds of the range; zero: open
	// Within asks for events whose interval lies inside [From, To]; by default an
	// event matches when its interval overlaps the range.
	Within bool
	// Horizon is how far an open bound reaches from the event's known one when
	// the event is matched against a range (see InRange). Zero: DefaultHorizon.
	Horizon Period
	Actor   string // actor name (substring, case-insensitive) or code prefix
	CAMEO   string // root code
	Doc     string // document id
	Text    string // words that must all occur in the sentence
	Limit   int
}

// DefaultHorizon is how far an open bound reaches by default: an event known
// only to be "after March 1996" overlaps 1996 and early 1997, not 2018.
var DefaultHorizon = Period{Years: 1}

// OpenHorizon returns f.Horizon, or DefaultHorizon when it is zero.
func (f *EventFilter) OpenHorizon() Period {
	if f.Horizon == (Period{}) {
		return DefaultHorizon
	}
	return f.Horizon
}

// InRange reports whether an event dated [earliest, latest] (inclusive days, a
// zero bound open) matches the date range of f; stores answer the same in
// their own query language.
//
// Without a range every event matches. By default an event matches when its
// interval overlaps [From, To] (a zero side of the range open). An open bound of
// the event reaches the horizon from its known one and no further: an event
// with only a start matches a range that starts no later than one horizon after
// it, one with only an end a range that ends no earlier than one horizon before
// it. (An open bound means the text gave no limit, not that there is none: "has
// been insisting since 1995" says nothing of 2018.) An event with no bound at all
// matches no range.
//
// With Within, the event's interval must lie inside the range: its start known
// and no earlier than From when From is set, its end known and no later than To
// when To is set (an open side of the range accepts an open bound).
func (f *EventFilter) InRange(earliest, latest time.Time) bool {
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	if f.Within {
		return (f.From.IsZero() || !earliest.IsZero() && !earliest.Before(f.From)) &&
			(f.To.IsZero() || !latest.IsZero() && !latest.After(f.To))
	}
	if earliest.IsZero() && latest.IsZero() {
		return false
	}
	h := f.OpenHorizon()
	if !f.From.IsZero() {
		switch {
		case !latest.IsZero() && latest.Before(f.From):
			return false
		case latest.IsZero() && earliest.Before(h.Before(f.From)):
			return false
		}
	}
	if !f.To.IsZero() {
		switch {
		case !earliest.IsZero() && earliest.After(f.To):
			return false
		case earliest.IsZero() && latest.After(h.After(f.To)):
			return false
		}
	}
	return true
}

// ActorCount is a coded actor of stored events, for listings: its code, the
// name the events give it most often, and how many events have it as source
// and as target.
type ActorCount struct {
	Code, Name     string
	Source, Target int
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
