package temporal

import (
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// An article without a dateline still bounds its own date: it was written no
// earlier than the latest date it reports as past, and before anything it calls
// upcoming.

// pastBound is the latest first day of an explicit (year-bearing) date the text
// does not put in the future.
func (t *Tagger) pastBound(body string) (time.Time, bool) {
	var best time.Time
	for _, x := range t.Tag(body, time.Time{}) {
		if x.Anchor != timeline.AnchorExplicit || x.Earliest.IsZero() || x.Type != timeline.TypeDate {
			continue
		}
		if x.Signal == "until" || x.Signal == "by" || x.Signal == "before" {
			continue // "until 2020" does not say 2020 has come
		}
		if t.tenseAt(body, x.Span.Start, x.Span.End) == tenseFuture {
			continue
		}
		if x.Earliest.After(best) {
			best = x.Earliest
		}
	}
	return best, !best.IsZero()
}

// InferDCT bounds the publication date of an article that gives none: no earlier
// than the latest explicit date it reports as past, before the earliest occurrence
// it calls upcoming. ok is false when the text gives no bound.
func (t *Tagger) InferDCT(body string) (earliest, latest time.Time, ok bool) {
	earliest, _ = t.pastBound(body)
	for _, o := range t.occurrences(body, earliest) {
		if !o.Upcoming {
			continue
		}
		l := o.Earliest.AddDate(0, 0, -1)
		if latest.IsZero() || l.Before(latest) {
			latest = l
		}
	}
	// Explicit dates in future-tense sentences bound it from above as well.
	for _, x := range t.Tag(body, time.Time{}) {
		if x.Anchor != timeline.AnchorExplicit || x.Granularity != timeline.GranDay {
			continue
		}
		if t.tenseAt(body, x.Span.Start, x.Span.End) != tenseFuture {
			continue
		}
		if x.Earliest.After(earliest) && (latest.IsZero() || x.Earliest.AddDate(0, 0, -1).Before(latest)) {
			latest = x.Earliest.AddDate(0, 0, -1)
		}
	}
	if !latest.IsZero() && !earliest.IsZero() && latest.Before(earliest) {
		latest = time.Time{} // contradictory cues: keep the firmer lower bound
	}
	return earliest, latest, !earliest.IsZero() || !latest.IsZero()
}
