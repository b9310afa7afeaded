package timeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Event kinds.
const (
	KindDiplomatic = "diplomatic"
	KindContext    = "context"
)

// Event statuses.
const (
	StatusOccurred = "occurred"
	StatusPlanned  = "planned"
	StatusNegated  = "negated"
	StatusOngoing  = "ongoing"
)

// Event is one dated diplomatic event (or a context occurrence) asserted by a
// clause of a document, per shared/spec/EVENTS.md.
type Event struct {
	ID       string
	Doc      string
	Sentence Text
	Trigger  Text
	Kind     string // KindDiplomatic or KindContext
	CAMEO    string // root "01".."20", empty for context events
	Status   string

	Source *Actor
	Target *Actor

	When        string    // TIMEX3-style value of the event's time
	Earliest    time.Time // inclusive day bounds; zero: open
	Latest      time.Time
	Granularity Granularity
	Anchor      Anchor
	Evidence    *Text // the expression the date came from
	Confidence  float64

	// Sources counts the documents reporting this occurrence once events of
	// several articles are merged; 0 or 1 means this document alone.
	Sources int
	// Docs lists the other documents reporting the same occurrence.
	Docs []string
}

// MakeID derives a stable event id from the document and the trigger's position, so
// that the same input always gives the same id.
func MakeID(doc string, trigger Span, cameo string) string {
	h := sha256.Sum256(fmt.Appendf(nil, "%s:%d:%d:%s", doc, trigger.Start, trigger.End, cameo))
	return "ev-" + hex.EncodeToString(h[:8])
}

// Less orders events chronologically per DESIGN.md: by interval start, then finer
// granularity first, then document and position in the article.
func Less(a, b *Event) bool {
	as, bs := sortKey(a), sortKey(b)
	if !as.Equal(bs) {
		return as.Before(bs)
	}
	if ra, rb := a.Granularity.Rank(), b.Granularity.Rank(); ra != rb {
		return ra < rb
	}
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	return a.Trigger.Start < b.Trigger.Start
}

// Compare is Less made a total order by the event id, for slices.SortFunc: sorting
// gives one order whatever the input order, the order store queries return.
func Compare(a, b Event) int {
	switch {
	case Less(&a, &b):
		return -1
	case Less(&b, &a):
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// sortKey places an event with an open start at its latest bound (the best we know
// of when it happened); an undated event sorts last.
func sortKey(e *Event) time.Time {
	switch {
	case !e.Earliest.IsZero():
		return e.Earliest
	case !e.Latest.IsZero():
		return e.Latest
	default:
		return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	}
}
