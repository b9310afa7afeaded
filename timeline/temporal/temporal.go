// Package temporal finds temporal expressions in English news text and normalises
// them to TimeML TIMEX3 values and calendar intervals, anchored to the document
// creation time. It is built on github.com/olebedev/when plus rules of its own.
package temporal

import (
	"io"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Options configures a Tagger. Zero values select the embedded defaults.
type Options struct {
	// Gazetteer overrides the embedded named-occurrence gazetteer.
	Gazetteer io.Reader
}

// Tagger finds and normalises temporal expressions. It is safe for concurrent use.
type Tagger struct{}

// New returns a Tagger.
func New(opts Options) (*Tagger, error) { return &Tagger{}, nil }

// Tag returns the temporal expressions of body in document order, resolved against
// ref (the DCT; zero when unknown, in which case relative expressions keep
// underspecified values).
func (t *Tagger) Tag(body string, ref time.Time) []timeline.Timex { return nil }

// Occurrences returns the named occurrences (gazetteer) mentioned in body, each
// resolved to the instance that fits ref and the mention's tense.
func (t *Tagger) Occurrences(body string, ref time.Time) []timeline.Occurrence { return nil }

// InferDCT bounds the publication date of an article that gives none: no earlier
// than the latest explicit date it reports as past, before the earliest occurrence
// it calls upcoming. ok is false when the text gives no bound.
func (t *Tagger) InferDCT(body string) (earliest, latest time.Time, ok bool) {
	return time.Time{}, time.Time{}, false
}
