package temporal

import (
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// An article without a dateline still bounds its own date: it was written no
// earlier than the latest date it reports as past, and before anything it calls
// upcoming.

// pastBound is the latest first day of an explicit (year-bearing) date the text
// does not put in the future.
func (t *Tagger) pastBound(body string) (timeline.Timex, bool) {
	var best timeline.Timex
	for _, x := range t.Tag(body, time.Time{}) {
		if x.Anchor != timeline.AnchorExplicit || x.Earliest.IsZero() || x.Type != timeline.TypeDate {
			continue
		}
		if w := wordBefore(body, x.Span.Start); t.words.notYet[w] || x.Granularity != timeline.GranDay && !t.words.report[w] {
			continue
		}
		if rangeEnd(body, x.Span.Start) {
			continue // "the January 1-October 31 2007 period": a range ends where it will
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
		if x.Earliest.After(best.Earliest) {
			best = x
		}
	}
	return best, !best.Earliest.IsZero()
}

// InferDCT bounds the publication date of an article that gives none: no earlier
// than the latest explicit date it reports as past, before the earliest occurrence
// it calls upcoming. ok is false when the text gives no bound.
func (t *Tagger) InferDCT(body string) (earliest, latest time.Time, ok bool) {
	x, ok := t.pastBound(body)
	if ok {
		earliest = x.Earliest
	}
	// An occurrence picked as the next after a year or a month may be an edition
	// the article has already seen; past a full date it is the next one, as
	// news tells of what is weeks ahead; otherwise only one the text pins down
	// bounds it.
	for _, o := range t.occurrences(body, earliest, x.Granularity != timeline.GranDay) {
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

// rangeEnd reports whether the expression at s ends a range written with a dash
// ("2007-2010", "January 1-October 31 2007").
func rangeEnd(body string, s int) bool {
	i := s
	for i > 0 && body[i-1] == ' ' {
		i--
	}
	return i > 0 && (body[i-1] == '-' || strings.HasSuffix(body[:i], "–"))
}
