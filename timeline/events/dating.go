package events

import (
	"sort"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// dater resolves event dates: the timex that governs the clause, a tweet's
// dateline, a named occurrence, the article's news peg, or the publication date by
// tense.
type dater struct {
	a        *timeline.Analysis
	dct      time.Time // the publication date, zero when only bounded
	lo, hi   time.Time // bounds of the publication date (both = dct when known)
	timexes  []timeline.Timex
	occs     []timeline.Occurrence
	peg      *timeline.Timex // the first day the article reports past news on
	spans    []timeline.Span // the sentences
	maxReach int             // how far (bytes) a timex reaches to the trigger it dates
}

func newDater(a *timeline.Analysis) *dater {
	d := &dater{a: a, timexes: a.Timexes, occs: a.Occurrences, maxReach: 150}
	doc := &a.Document
	switch {
	case !doc.DCT.IsZero():
		d.dct = day(doc.DCT)
		d.lo, d.hi = d.dct, d.dct
	case doc.DCTInferred:
		if !doc.DCTEarliest.IsZero() {
			d.lo = day(doc.DCTEarliest)
		}
		if !doc.DCTLatest.IsZero() {
			d.hi = day(doc.DCTLatest)
		}
	}
	return d
}

// after reports whether t lies after the earliest publication date.
func (d *dater) after(t time.Time) bool { return !d.lo.IsZero() && t.After(d.lo) }

// usable reports whether a timex can date an event: a date or time with bounds, an
// anchored duration, or a past/present/future reference.
func usable(t *timeline.Timex) bool {
	switch t.Type {
	case timeline.TypeSet:
		return false
	case timeline.TypeDuration:
		return t.Interval != "" && (!t.Earliest.IsZero() || !t.Latest.IsZero())
	}
	switch t.Value {
	case "PAST_REF", "PRESENT_REF", "FUTURE_REF":
		return true
	}
	return !t.Earliest.IsZero() || !t.Latest.IsZero()
}

// attach assigns to the sentence's candidates the timexes and occurrences that
// govern them.
func (d *dater) attach(s *sentence) {
	live := func(c *cand) bool { return !c.absorbed && !c.drop }
	// Dates inside a clause first; then dates opening the sentence, for the main
	// clause events that have none of their own ("Since 1949, it has been expanded
	// to include Greece in 1952").
	var openers []*timeline.Timex
	for i := range d.timexes {
		t := &d.timexes[i]
		if t.Span.Start < s.span.Start || t.Span.End > s.span.End || !usable(t) {
			continue
		}
		if t.Span.End <= datelineEnd(d.a.Document.Body, s.span) {
			continue // "BEIJING, May 3 (Xinhua) --" dates the report, not its events
		}
		// A tweet's dateline dates everything the tweet says.
		if s.tweetAt >= 0 && t.Span.Start >= s.toks[s.tweetAt].end {
			for _, c := range s.cands {
				if c.govTimex == nil {
					c.govTimex = t
				}
			}
			continue
		}
		if d.initial(s, t) >= 0 {
			openers = append(openers, t)
			continue
		}
		var best *cand
		bestDist := d.maxReach
		for _, c := range s.cands {
			if !live(c) || c.govTimex != nil || c.e.class == classCtx || !d.fits(s, c, t) {
				continue
			}
			ts, te := s.toks[c.ti].start, s.toks[c.tj-1].end
			var dist int
			if t.Span.Start >= te {
				dist = t.Span.Start - te
			} else if t.Span.End <= ts {
				dist = ts - t.Span.End + 20
				if s.between(s.tokenAt(t.Span.End), c.ti, ",", "after", "before", "since", "until") {
					// "... as soon as Tuesday, Castro said": the date is the content's;
					// "Friday, two months after his team was blocked": another time.
					continue
				}
				if s.between(s.tokenAt(t.Span.End), c.ti, "and", "but") {
					// "condemned ... on Thursday and called on ...": the date closes
					// the first conjunct.
					dist += 60
				}
			} else {
				dist = 0 // inside the trigger: "headed Tuesday to East Africa"
			}
			if c.e.class == classNoun {
				// A verb is the likelier head of a date than a noun beside it.
				dist += 30
			}
			if d.crossesStatement(s, c, t.Span) {
				continue
			}
			if dist < bestDist {
				best, bestDist = c, dist
			}
		}
		if best != nil {
			best.govTimex = t
		}
	}
	// A gathering takes the date beside it even when an event of the clause
	// has it too ("invited ... in July 1997 at the Madrid summit").
	for _, c := range s.cands {
		if c.e.class != classCtx || !live(c) {
			continue
		}
		best, bestDist := (*timeline.Timex)(nil), 60
		for i := range d.timexes {
			t := &d.timexes[i]
			if t.Span.Start < s.span.Start || t.Span.End > s.span.End || !usable(t) {
				continue
			}
			dist := t.Span.Start - s.toks[c.tj-1].end
			if t.Span.End <= s.toks[c.ti].start {
				dist = s.toks[c.ti].start - t.Span.End
			}
			if dist >= 0 && dist < bestDist {
				best, bestDist = t, dist
			}
		}
		c.govTimex = best
	}
	for _, t := range openers {
		comma := d.initial(s, t)
		for _, c := range s.cands {
			if live(c) && c.govTimex == nil && c.ti > comma && !d.inContent(s, c) && d.fits(s, c, t) {
				c.govTimex = t
			}
		}
	}
	for i := range d.occs {
		o := &d.occs[i]
		if o.Span.Start < s.span.Start || o.Span.End > s.span.End || !governedByPreposition(s, o.Span.Start) {
			continue
		}
		var best *cand
		bestDist := d.maxReach
		for _, c := range s.cands {
			if !live(c) || c.govTimex != nil || c.e.class == classSay {
				continue
			}
			te := s.toks[c.tj-1].end
			if te <= o.Span.Start && o.Span.Start-te < bestDist {
				best, bestDist = c, o.Span.Start-te
			}
		}
		if best != nil {
			best.govOcc = o
		}
	}
}

// fits reports whether t can date c: a statement is made in the past or present
// and is dated by a date right after its verb ("said on Tuesday that", "told his
// Cabinet on Sunday"), not by one in what it says.
func (d *dater) fits(s *sentence, c *cand, t *timeline.Timex) bool {
	if t.Type == timeline.TypeDuration && (c.tense == tensePast || c.tense == tensePerfect) && !t.Latest.IsZero() && t.Latest.After(d.hi) {
		// "has stalled ratification, trying to tie it to ... for 20 more years":
		// a span still to come does not date a past act.
		return false
	}
	if (c.code == "02" || c.code == "10") && c.e.class != classSay && c.tense == tensePast && c.status == timeline.StatusOccurred &&
		t.Span.Start >= s.toks[c.tj-1].end && !t.Earliest.IsZero() && d.after(t.Earliest) {
		// "called for an emergency meeting next Sunday": the date is the
		// meeting's, not the call's, which was made before the article.
		return false
	}
	if c.e.class != classSay {
		return true
	}
	if sig := strings.ToLower(t.Signal); sig == "since" || sig == "for" || t.Type == timeline.TypeDuration && !reaches(t) {
		return false // a statement is made at a time, not over a span
	}
	if t.Value == "FUTURE_REF" || !t.Earliest.IsZero() && d.after(t.Earliest) && c.tense != tensePresent {
		return false
	}
	if t.Span.Start >= s.toks[c.tj-1].end {
		k := s.tokenAt(t.Span.Start)
		if k-c.tj > 8 || s.between(c.tj, k, "that", ",") {
			return false
		}
	}
	return true
}

// reaches reports whether a duration dates by the time it reaches from a
// reference ("four days" in "four days earlier": a day; "days" in "a few days
// later": after it) rather than by the span it covers ("for two years").
func reaches(t *timeline.Timex) bool {
	lo, hi, span := strings.Cut(t.Interval, "/")
	return t.Interval != "" && !(span && lo != "" && hi != "")
}

// tokenAt returns the index of the first token starting at or after off.
func (s *sentence) tokenAt(off int) int {
	return sort.Search(len(s.toks), func(k int) bool { return s.toks[k].start >= off })
}

// governedByPreposition reports whether a temporal preposition ("during", "at",
// "before", "after", "until", "since") introduces the phrase starting at off.
func governedByPreposition(s *sentence, off int) bool {
	for k := len(s.toks) - 1; k >= 0; k-- {
		if s.toks[k].end > off {
			continue
		}
		switch s.toks[k].lower {
		case "the", "this", "next", "last", "year's", "'s":
			continue
		case "during", "at", "before", "after", "until", "since", "for", "ahead":
			return true
		}
		return false
	}
	return false
}

// initial returns the index of the comma that ends an opening phrase holding t
// ("Last year, ...", "Just days before the talks, ..."), or -1: such a date
// governs the main clause after it.
func (d *dater) initial(s *sentence, t *timeline.Timex) int {
	words := 0
	for _, tok := range s.toks {
		if tok.start >= t.Span.Start {
			break
		}
		if tok.word {
			words++
		}
	}
	if words > 2 {
		return -1
	}
	n := 0
	for k, tok := range s.toks {
		if tok.start < t.Span.End {
			continue
		}
		if tok.text == "," {
			return k
		}
		if n++; n > 8 || !tok.word {
			return -1
		}
	}
	return -1
}

// inContent reports whether c is reported by a statement of the sentence.
func (d *dater) inContent(s *sentence, c *cand) bool {
	for _, o := range s.cands {
		if o != c && o.e.class == classSay && o.cs < o.ce && c.ti >= o.cs && c.ti < o.ce {
			return true
		}
	}
	return false
}

// crossesStatement reports whether a reporting verb stands between c and the span,
// so that a date of the report does not date what it reports and back.
func (d *dater) crossesStatement(s *sentence, c *cand, sp timeline.Span) bool {
	lo, hi := s.toks[c.tj-1].end, sp.Start
	if sp.End <= s.toks[c.ti].start {
		lo, hi = sp.End, s.toks[c.ti].start
	}
	for _, o := range s.cands {
		if o == c || o.e.class != classSay || s.toks[o.ti].quoted {
			continue
		}
		if s.toks[o.ti].start >= lo && s.toks[o.tj-1].end <= hi {
			return true
		}
	}
	// Nor does a date inside a relative clause ("..., which fell ... last year").
	for _, t := range s.toks {
		if t.start >= lo && t.end <= hi && (t.lower == "which" || t.lower == "who" || t.text == ";") {
			return true
		}
	}
	return false
}

// date sets the event's date fields.
func (d *dater) date(ev *timeline.Event, s *sentence, c *cand) {
	switch {
	case c.govTimex != nil:
		d.fromTimex(ev, c, c.govTimex)
	case c.govOcc != nil:
		o := c.govOcc
		ev.When, ev.Earliest, ev.Latest = o.When, o.Earliest, o.Latest
		ev.Granularity, ev.Anchor = timeline.GranDay, timeline.AnchorRelative
		ev.Evidence = textPtr(d.a.Document.Body, o.Span)
		if ev.Status == timeline.StatusOccurred && d.after(o.Earliest) {
			ev.Status = timeline.StatusPlanned
		}
	case c.ti > 0 && s.toks[c.ti-1].lower == "just" && (c.tense == tensePast || c.tense == tensePerfect) && ev.Status == timeline.StatusOccurred:
		d.justNow(ev, s, c)
	default:
		d.byTense(ev, c)
	}
}

// justNow dates an event "just" done: in the week before the passage's time,
// which is the dateline of a post quoted right after it ("Kim just stated that
// ... — Donald J. Trump (@realDonaldTrump) January 3, 2018"), else publication.
func (d *dater) justNow(ev *timeline.Event, s *sentence, c *cand) {
	ref, refLo := d.hi, d.lo
	if t := d.nextPostDate(s.span.End); t != nil {
		ref, refLo = t.Latest, t.Earliest
		ev.Evidence = textPtr(d.a.Document.Body, t.Span)
	}
	if ref.IsZero() || refLo.IsZero() {
		d.byTense(ev, c)
		return
	}
	ev.When, ev.Earliest, ev.Latest = "PAST_REF", refLo.AddDate(0, 0, -7), ref
	ev.Granularity, ev.Anchor = timeline.GranUnknown, timeline.AnchorRelative
}

// nextPostDate returns the dateline of an embedded post ("— Name (@handle) date")
// in the sentence right after off, or nil.
func (d *dater) nextPostDate(off int) *timeline.Timex {
	body := d.a.Document.Body
	var next timeline.Span
	for _, sp := range d.spans {
		if sp.Start >= off {
			next = sp
			break
		}
	}
	if next.End == 0 {
		return nil
	}
	at := strings.Index(body[next.Start:next.End], "(@")
	if at < 0 {
		return nil
	}
	for i := range d.timexes {
		t := &d.timexes[i]
		if t.Span.Start > next.Start+at && t.Span.End <= next.End && !t.Earliest.IsZero() && t.Earliest.Equal(t.Latest) {
			return t
		}
	}
	return nil
}

// datelineEnd returns the offset where a wire dateline opening the sentence ends
// ("MOSCOW (AP)_", "BEIJING, May 3 (Xinhua) --"), or the sentence start.
func datelineEnd(body string, sp timeline.Span) int {
	head := body[sp.Start:min(sp.End, sp.Start+60)]
	for _, mark := range []string{")_", ") _", ") --", ") -"} {
		if i := strings.Index(head, mark); i >= 0 {
			return sp.Start + i + len(mark)
		}
	}
	return sp.Start
}

// isWeekday reports whether the expression is a bare weekday name ("Monday", "on
// Tuesday").
func isWeekday(s string) bool {
	w := strings.ToLower(strings.TrimSpace(s))
	w = strings.TrimPrefix(w, "on ")
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

func textPtr(body string, sp timeline.Span) *timeline.Text {
	t := timeline.TextOf(body, sp)
	return &t
}

func (d *dater) fromTimex(ev *timeline.Event, c *cand, t *timeline.Timex) {
	body := d.a.Document.Body
	ev.Evidence = textPtr(body, t.Span)
	ev.Granularity = t.Granularity
	ev.Anchor = t.Anchor
	if ev.Anchor == "" {
		ev.Anchor = timeline.AnchorExplicit
	}
	ev.When, ev.Earliest, ev.Latest = t.Value, t.Earliest, t.Latest
	if isWeekday(t.Text) && !t.Earliest.IsZero() && !d.lo.IsZero() {
		// A bare weekday is the coming one for a present or future event ("they
		// meet Monday") and the last one for a past event, whichever way the
		// tagger guessed.
		shift := 0
		switch {
		case (c.tense == tensePresent || c.tense == tenseFuture) && t.Earliest.Before(d.lo):
			shift = 7
		case (c.tense == tensePast || c.tense == tensePerfect) && c.status == timeline.StatusOccurred && t.Earliest.After(d.hi.AddDate(0, 0, 1)):
			// (The day after publication is news written for the next morning:
			// "Albright headed Tuesday to East Africa" in Monday's copy.)
			shift = -7
		}
		if shift != 0 {
			ev.Earliest, ev.Latest = t.Earliest.AddDate(0, 0, shift), t.Latest.AddDate(0, 0, shift)
			ev.When = ev.Earliest.Format(timeline.DateLayout)
		}
	}
	sig := strings.ToLower(t.Signal)
	if t.Span.End < len(body) && (strings.HasPrefix(body[t.Span.End:], "'s") || strings.HasPrefix(body[t.Span.End:], "’s")) {
		// "before next week's talks": the signal governs the phrase the date
		// modifies, not the date of the talks.
		sig = ""
	}
	switch {
	case sig == "since" || strings.HasSuffix(t.Interval, "PRESENT_REF"):
		ev.Status = timeline.StatusOngoing
		ev.When = t.Interval
		if ev.When == "" {
			ev.When = t.Value + "/PRESENT_REF"
		}
		ev.Latest = d.hi
	case t.Type == timeline.TypeDuration && (sig == "before" || sig == "after"):
		// "days before X": the tagger bounds the span before (after) X.
		ev.When = "PAST_REF"
		if sig == "after" || d.after(t.Earliest) {
			ev.When = "FUTURE_REF"
		}
		ev.Anchor = timeline.AnchorRelative
		sig = ""
	case t.Type == timeline.TypeDuration:
		ev.When = t.Interval
	case sig == "before":
		if !t.Earliest.IsZero() {
			ev.Earliest, ev.Latest = time.Time{}, t.Earliest.AddDate(0, 0, -1)
		}
		ev.When = "PAST_REF"
		ev.Anchor = timeline.AnchorRelative
	case sig == "after":
		if !t.Latest.IsZero() {
			ev.Earliest, ev.Latest = t.Latest.AddDate(0, 0, 1), time.Time{}
		}
		ev.Anchor = timeline.AnchorRelative
	}
	switch t.Value {
	case "PAST_REF":
		// "recently", "previously": before publication, however the tagger bounded
		// the publication date.
		ev.Latest = d.hi
		if !ev.Earliest.IsZero() && !d.lo.IsZero() && ev.Earliest.After(d.lo) {
			ev.Earliest = time.Time{}
		}
	case "PRESENT_REF":
		// "now" says the state holds at publication; when the event happened the tense says.
		ev.When, ev.Earliest, ev.Latest = "", time.Time{}, time.Time{}
		d.byTense(ev, c)
		ev.Evidence = textPtr(body, t.Span)
		return
	case "FUTURE_REF":
		if ev.Earliest.IsZero() {
			ev.Earliest = d.lo
		}
	}
	if ev.Status == timeline.StatusOccurred && !ev.Earliest.IsZero() && d.after(ev.Earliest) && c.e.class != classSay {
		ev.Status = timeline.StatusPlanned
	}
	// The first past day the article dates a report by is its news peg.
	if d.peg == nil && !c.tweet && !t.Earliest.IsZero() && t.Earliest.Equal(t.Latest) && !d.after(t.Earliest) &&
		c.tense == tensePast && c.status == timeline.StatusOccurred && (sig == "" || sig == "on" || sig == "at") {
		d.peg = t
	}
}

// byTense dates an event no expression governs: by the article's news peg or its
// publication date, as its tense places it.
func (d *dater) byTense(ev *timeline.Event, c *cand) {
	ev.Anchor = timeline.AnchorDCT
	ev.Granularity = timeline.GranDay
	switch {
	case ev.Status == timeline.StatusPlanned || c.tense == tenseFuture:
		ev.When, ev.Earliest = "FUTURE_REF", d.lo
		ev.Granularity = timeline.GranUnknown
	case ev.Status == timeline.StatusOngoing || c.tense == tenseProgressive:
		ev.When, ev.Latest = "PRESENT_REF", d.hi
		ev.Granularity = timeline.GranUnknown
	case c.tense == tensePresent:
		if !d.dct.IsZero() {
			ev.When, ev.Earliest, ev.Latest = d.dct.Format(timeline.DateLayout), d.dct, d.dct
		} else {
			ev.When, ev.Earliest, ev.Latest = "PRESENT_REF", d.lo, d.hi
		}
	case c.tense == tensePerfect:
		ev.When, ev.Latest = "PAST_REF", d.hi
		ev.Granularity = timeline.GranUnknown
	default:
		// Simple past with no date: the news the article reports, on its peg day,
		// or else the day of publication or the day before. (The day of the
		// sentence before, as a running reference, did worse on the gold.)
		if d.peg != nil {
			ev.When, ev.Earliest, ev.Latest = d.peg.Value, d.peg.Earliest, d.peg.Latest
			ev.Anchor = timeline.AnchorRelative
			ev.Evidence = textPtr(d.a.Document.Body, d.peg.Span)
			return
		}
		ev.Anchor = timeline.AnchorInferred
		if !d.dct.IsZero() {
			ev.When = d.dct.Format(timeline.DateLayout)
		} else {
			ev.When = "PAST_REF"
			ev.Granularity = timeline.GranUnknown
		}
		if !d.lo.IsZero() {
			ev.Earliest = d.lo.AddDate(0, 0, -1)
		}
		ev.Latest = d.hi
	}
}

// contextEvents makes a context event of the first mention of each named
// occurrence.
func (d *dater) contextEvents(spans []timeline.Span) []timeline.Event {
	body := d.a.Document.Body
	seen := make(map[string]bool)
	var out []timeline.Event
	for _, o := range d.occs {
		if seen[o.Name] {
			continue
		}
		seen[o.Name] = true
		var sent timeline.Span
		for _, sp := range spans {
			if sp.Contains(o.Span.Start) {
				sent = sp
				break
			}
		}
		if sent.End == 0 {
			continue
		}
		status := timeline.StatusOccurred
		if o.Upcoming || d.after(o.Earliest) {
			status = timeline.StatusPlanned
		}
		trig := timeline.TextOf(body, o.Span)
		ev := timeline.Event{
			ID:          timeline.MakeID(d.a.Document.ID, o.Span, ""),
			Doc:         d.a.Document.ID,
			Sentence:    timeline.TextOf(body, sent),
			Trigger:     trig,
			Kind:        timeline.KindContext,
			Status:      status,
			When:        o.When,
			Earliest:    o.Earliest,
			Latest:      o.Latest,
			Granularity: timeline.GranDay,
			Anchor:      timeline.AnchorGazetteer,
			Evidence:    &trig,
			Confidence:  0.8,
		}
		out = append(out, ev)
	}
	return out
}
