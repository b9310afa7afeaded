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
		switch wordBefore(body, x.Span.Start) {
		case "until", "till", "by", "before", "to", "through", "than":
			continue // "until 2020", "no later than 1998": not yet come
		case "the":
			if x.Granularity == timeline.GranYear {
				continue // "the 2014 World Cup", "the 2007-2013 period": a name
			}
		}
		// Only a date the text reports as past bounds it: a past-tense clause or
		// "since"; a full date with no tense around it (a tweet's dateline) too,
		// but a bare month or year with no tense is as often a plan.
		switch tense, near, future := t.tenseNear(body, x.Span.Start, x.Span.End); {
		case x.Signal == "since":
		case future:
			continue // "would replace it in 2008, as announced": a plan
		case tense == tensePast && (near || x.Granularity == timeline.GranDay):
			// a month or a year must be governed by the past verb itself: "told
			// the panel the launch is due in October 1998" reports, not dates
		case tense == tenseNone && x.Granularity == timeline.GranDay:
		default:
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
		if earliest.IsZero() {
			break // with no date to stand for the DCT, "upcoming" has no anchor
		}
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
