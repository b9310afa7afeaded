// Package events extracts dated diplomatic events from analysed articles.
package events

import (
	"io"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
)

// Extractor finds events. It is safe for concurrent use.
type Extractor struct{}

// New returns an Extractor using dict and the trigger lexicon read from lexicon
// (nil: the embedded default).
func New(dict *actors.Dictionary, lexicon io.Reader) (*Extractor, error) {
	return &Extractor{}, nil
}

// Extract returns the events of a, which holds the document, its sentences,
// temporal expressions and occurrences; events come in document order with dates
// resolved.
func (x *Extractor) Extract(a *timeline.Analysis) []timeline.Event { return nil }
