package temporal

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// An article without a dateline still bounds its own date: it was written no
// earlier than the latest date it reports as past, and before anything it calls
// upcoming.

// undated returns the expressions of the text resolved against no DCT: what
// the text alone says of its dates.
func (t *Tagger) undated(tk *tokens) []timeline.Timex {
	xs, _ := t.tag(tk, time.Time{})
	return xs
}

// pastBound is the latest first day of an explicit (year-bearing) date the text
// does not put in the future; xs are its expressions (undated).
func (t *Tagger) pastBound(tk *tokens, xs []timeline.Timex) (timeline.Timex, bool) {
	body := tk.body
	var best timeline.Timex
	for _, x := range xs {
		if x.Anchor != timeline.AnchorExplicit || x.Earliest.IsZero() || x.Type != timeline.TypeDate {
			continue
		}
		if w := tk.wordBefore(x.Span.Start); t.words.notYet[w] || x.Granularity != timeline.GranDay && !t.words.report[w] {
			continue
		}
		if rangeEnd(body, x.Span.Start) || rangeStart(body, x.Span.End) {
			continue // "the January 1-October 31 2007 period", "in 2007-13": a range may run on
		}
		// Only a date the text reports as past bounds it: a past-tense clause or
		// "since"; a full date with no tense around it (a tweet's dateline) too,
		// but a bare month or year with no tense is as often a plan.
		switch tense, near, future := t.tenseNear(tk, x.Span.Start, x.Span.End); {
		case x.Signal == "since":
		case future:
			continue // "would replace it in 2008, as announced": a plan
		case tense == tensePast && (x.Granularity == timeline.GranDay || near && !t.planned(tk, x, false)):
			// a month or a year must be governed by the past verb itself: "told
			// the panel the launch is due in October 1998" reports, not dates
		case tense == tenseNone && x.Granularity == timeline.GranDay:
		case tense == tensePast && t.reportedIn(tk, x):
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
	tk, done := tokenize(body)
	defer done()
	return t.inferDCT(tk)
}

// InferDCTDoc is InferDCT on the analysed document of a body (see TagDoc).
func (t *Tagger) InferDCTDoc(d *doc.Doc) (earliest, latest time.Time, ok bool) {
	return t.inferDCT(newTokens(d))
}

func (t *Tagger) inferDCT(tk *tokens) (earliest, latest time.Time, ok bool) {
	xs := t.undated(tk)
	x, ok := t.pastBound(tk, xs)
	if ok {
		earliest = x.Earliest
	}
	if day, ok := t.dateline(tk, earliest); ok {
		return day, day, true
	}
	// An occurrence picked as the next after a year or a month may be an edition
	// the article has already seen; past a full date it is the next one, as
	// news tells of what is weeks ahead; otherwise only one the text pins down
	// bounds it.
	for _, o := range t.occurrences(tk, earliest, x.Granularity != timeline.GranDay) {
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
	for _, x := range xs {
		if x.Anchor != timeline.AnchorExplicit || x.Granularity != timeline.GranDay {
			continue
		}
		if t.tenseAt(tk, x.Span.Start, x.Span.End) != tenseFuture {
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

// rangeStart reports whether the expression ending at e starts a range written
// with a dash ("2007-13", "1995-96").
func rangeStart(body string, e int) bool {
	a := body[e:min(len(body), e+3)]
	return strings.HasPrefix(a, "-") || strings.HasPrefix(a, "–")
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

// reportedIn reports whether a year or a month the past-tense verb does not
// govern directly is still told as past: "in 1996" or "during 1996" ending a
// clause with no infinitive or forecast before it ("The company, founded by
// his father, was sold in 1996"), not "agreed to hold elections in 2007",
// "trimmed its forecast to 2.0 percent in 2007" or "in 2007-13".
func (t *Tagger) reportedIn(tk *tokens, x timeline.Timex) bool {
	if w := tk.wordBefore(x.Span.Start); !t.words.reportIn[w] {
		return false
	}
	if tk.wordAfter(x.Span.End) == "to" {
		return false // "from 2010 to 2008"
	}
	return !t.planned(tk, x, true)
}

// planned reports whether a plan word precedes x in its sentence; "to" counts
// only when infinitive is set (a past verb right by the date rules out most).
func (t *Tagger) planned(tk *tokens, x timeline.Timex, infinitive bool) bool {
	ss, _ := tk.clause(x.Span.Start, x.Span.End)
	for _, w := range strings.Fields(strings.ToLower(tk.body[ss:x.Span.Start])) {
		if w = strings.Trim(w, ",.;:\"'()"); t.words.plan[w] && (infinitive || w != "to") {
			return true
		}
	}
	return false
}

// datelinePlace is how a wire dateline opens: a place in capitals, perhaps with
// its region ("SRINAGAR, India, "), then the comma before the date.
var datelinePlace = regexp.MustCompile(`^\s*[A-Z][A-Z.'\- ]{1,40}(?:, [A-Z][A-Za-z.'\- ]{1,30})?, $`)

// datelineTail is what may follow the date: a year, the agency, and the dash or
// line end before the story.
var datelineTail = regexp.MustCompile(`^ ?(?:, ?(\d{4}))?,? ?(?:\([A-Za-z][A-Za-z .\-]{0,30}\))? *(?:--|—|–|-|_|\r?\n|$)`)

// dateline returns the publication date a wire dateline gives ("BEIJING, April 9,
// 1997 (AFP) -", "WASHINGTON, August 11 (Xinhua) --"). Without a year in it, the
// date is the first with that month and day on or after notBefore, the latest
// date the text reports as past; with no such bound it gives nothing.
func (t *Tagger) dateline(tk *tokens, notBefore time.Time) (time.Time, bool) {
	tk = tk.prefix(200)
	head := tk.body
	xs := t.undated(tk)
	if len(xs) == 0 || xs[0].Type != timeline.TypeDate || xs[0].Span.Start > 60 || !datelinePlace.MatchString(head[:xs[0].Span.Start]) {
		return time.Time{}, false
	}
	x := xs[0]
	tail := datelineTail.FindStringSubmatch(head[x.Span.End:])
	if tail == nil {
		return time.Time{}, false
	}
	v := x.Value
	if tail[1] != "" && strings.HasPrefix(v, "XXXX-") {
		v = tail[1] + v[4:]
	}
	if d, err := time.Parse(timeline.DateLayout, v); err == nil {
		return d, true
	}
	if !strings.HasPrefix(v, "XXXX-") || len(v) != 10 || notBefore.IsZero() {
		return time.Time{}, false
	}
	m, err1 := strconv.Atoi(v[5:7])
	day, err2 := strconv.Atoi(v[8:10])
	if err1 != nil || err2 != nil {
		return time.Time{}, false
	}
	for y := notBefore.Year(); y <= notBefore.Year()+1; y++ {
		d := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		if d.Month() == time.Month(m) && !d.Before(notBefore) {
			return d, true
		}
	}
	return time.Time{}, false
}
