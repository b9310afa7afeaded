package events

import (
	"slices"
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
	// In document order, so that each sentence finds its own by binary search
	// (a scan of all of them per sentence is quadratic in a long article).
	byStart := func(x, y timeline.Span) int { return x.Start - y.Start }
	if !slices.IsSortedFunc(d.timexes, func(x, y timeline.Timex) int { return byStart(x.Span, y.Span) }) {
		d.timexes = slices.Clone(d.timexes)
		slices.SortStableFunc(d.timexes, func(x, y timeline.Timex) int { return byStart(x.Span, y.Span) })
	}
	if !slices.IsSortedFunc(d.occs, func(x, y timeline.Occurrence) int { return byStart(x.Span, y.Span) }) {
		d.occs = slices.Clone(d.occs)
		slices.SortStableFunc(d.occs, func(x, y timeline.Occurrence) int { return byStart(x.Span, y.Span) })
	}
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

// timexesFrom returns the index of the first timex starting at or after off.
func (d *dater) timexesFrom(off int) int {
	return sort.Search(len(d.timexes), func(i int) bool { return d.timexes[i].Span.Start >= off })
}

// occsFrom returns the index of the first occurrence starting at or after off.
func (d *dater) occsFrom(off int) int {
	return sort.Search(len(d.occs), func(i int) bool { return d.occs[i].Span.Start >= off })
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

// whenClauses dates the events of a clause that "when" opens right after a
// date by that date ("The war began on October 7, 2023, when gunmen attacked
// the south": the attack was on October 7), where they have none of their own
// ("when-clause").
func (d *dater) whenClauses(s *sentence) {
	for i := d.timexesFrom(s.span.Start); i < len(d.timexes) && d.timexes[i].Span.Start < s.span.End; i++ {
		t := &d.timexes[i]
		if t.Span.Start < s.span.Start || t.Span.End > s.span.End || !usable(t) || t.Type == timeline.TypeDuration || strings.EqualFold(t.Signal, "since") {
			continue // "since 1999, when ...": the span from then is not the act's
		}
		k := s.tokenAt(t.Span.End)
		if k < len(s.toks) && s.toks[k].text == "," {
			k++
		}
		if k >= len(s.toks) || s.toks[k].lower != "when" {
			continue
		}
		for _, c := range s.cands {
			if live(c) && c.govTimex == nil && c.ti > k && c.e.class != classSay && !d.inContent(s, c) && d.fits(s, c, t) {
				c.govTimex, c.dateRule = t, "when-clause"
			}
		}
	}
}

// attach assigns to the sentence's candidates the expressions that govern their
// dates, and records in c.dateRule which rule did: the dateline of an embedded
// post dates all it says ("post-dateline"); a date inside a clause dates the
// nearest event it can ("nearest-date", see reach); a gathering takes the date
// beside it ("gathering-date"); a date in an opening phrase dates the main
// clause's events that have none of their own ("opening-date": "Last year,
// ..."); a date a "when" clause follows dates that clause ("when-clause"); a
// named occurrence after a temporal preposition dates the event before
// it ("occurrence": "met during the Olympics").
func (d *dater) attach(s *sentence) {
	var openers []*timeline.Timex
	for i := d.timexesFrom(s.span.Start); i < len(d.timexes) && d.timexes[i].Span.Start < s.span.End; i++ {
		t := &d.timexes[i]
		if t.Span.Start < s.span.Start || t.Span.End > s.span.End || !usable(t) {
			continue
		}
		if t.Span.End <= datelineEnd(d.a.Document.Body, s.span) {
			continue // a wire dateline dates the report, not its events
		}
		switch {
		case s.tweetAt >= 0 && t.Span.Start >= s.toks[s.tweetAt].end:
			for _, c := range s.cands {
				if c.govTimex == nil {
					c.govTimex, c.dateRule = t, "post-dateline"
				}
			}
		case d.initial(s, t) >= 0:
			openers = append(openers, t)
		default:
			if c := d.nearest(s, t); c != nil {
				c.govTimex, c.dateRule = t, "nearest-date"
			}
		}
	}
	for _, c := range s.cands {
		if c.e.class == classCtx && live(c) {
			// Even when an event of the clause has the date too ("invited ... in
			// May at the Asuncion summit").
			c.govTimex = d.besideGathering(s, c)
			c.dateRule = ""
			if c.govTimex != nil {
				c.dateRule = "gathering-date"
			}
		}
	}
	d.whenClauses(s)
	for _, t := range openers {
		comma := d.initial(s, t)
		for _, c := range s.cands {
			if live(c) && c.govTimex == nil && c.ti > comma && !d.inContent(s, c) && d.fits(s, c, t) {
				c.govTimex, c.dateRule = t, "opening-date"
			}
		}
	}
	for i := d.occsFrom(s.span.Start); i < len(d.occs) && d.occs[i].Span.Start < s.span.End; i++ {
		o := &d.occs[i]
		if o.Span.Start < s.span.Start || o.Span.End > s.span.End || !governedByPreposition(s, o.Span.Start) {
			continue
		}
		if c := d.beforeOccurrence(s, o); c != nil {
			c.govOcc, c.dateRule = o, "occurrence"
		}
	}
}

// live reports whether c is still a candidate event of its own.
func live(c *cand) bool { return !c.absorbed && !c.drop }

// nearest returns the live event that timex t dates, within reach: the one at
// the least distance (see reach) that t fits; nil when none.
func (d *dater) nearest(s *sentence, t *timeline.Timex) *cand {
	var best *cand
	bestDist := d.maxReach
	// A date inside what was decided dates nothing before the decision.
	floor := -1
	for _, c := range s.cands {
		if live(c) && decidedAct(s, c, t) {
			floor = max(floor, c.ti)
		}
	}
	for _, c := range s.cands {
		if !live(c) || c.ti <= floor || c.govTimex != nil || c.e.class == classCtx || !d.fits(s, c, t) {
			continue
		}
		if dist, ok := d.reach(s, c, t); ok && dist < bestDist {
			best, bestDist = c, dist
		}
	}
	return best
}

// decidedAct reports whether timex t lies in the act that the past intent c
// ("agreed", "decided", "pledged") or the threat c takes as its "to"
// complement.
func decidedAct(s *sentence, c *cand, t *timeline.Timex) bool {
	// A threat to act is made before the act it threatens too ("is
	// threatening to switch off supplies on Monday").
	intent := c.e.class == classIntent || c.code == "13" && c.verbal()
	if !intent || !(c.tense == tensePast || c.tense == tensePerfect || c.code == "13") || t.Span.Start < s.toks[c.tj-1].end {
		return false
	}
	for k, end := c.tj, s.tokenAt(t.Span.Start); k+1 < end; k++ {
		// "to" before a verb, not before whom a warning is to ("a warning to
		// Slovakia on Monday").
		if s.toks[k].lower == "to" && infinitive(s.toks[k+1]) || s.toks[k].lower == "that" && c.code == "13" && k == c.tj {
			return true // "warned that supplies will be cut on Monday" too
		}
	}
	return false
}

// infinitive reports whether a word after "to" can be a verb: a lower-case
// word that is no determiner or number ("to hold", not "to the", "to Paris").
func infinitive(t token) bool {
	if !t.word || t.text == "" || t.text[0] < 'a' || t.text[0] > 'z' {
		return false
	}
	switch t.lower {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those", "all", "some", "any", "each", "every":
		return false
	}
	return true
}

// reach returns how far (in bytes, weighted) timex t is from c's trigger, or
// false when t cannot date c. A date after the trigger is nearest; one before
// it is further; inside the trigger it is at no distance ("headed Monday to
// Asuncion"). A date before the trigger cannot date it across a comma or a
// temporal conjunction ("On Monday, two days after the vote, ...", "..., the
// envoy said"), and dates it only weakly across "and" or "but", closing the
// first conjunct ("protested on Monday and called for ..."). A verb is the
// likelier head of a date than a noun beside it. No date crosses a statement
// or a relative clause (crossesStatement).
func (d *dater) reach(s *sentence, c *cand, t *timeline.Timex) (int, bool) {
	ts, te := s.toks[c.ti].start, s.toks[c.tj-1].end
	var dist int
	switch {
	case t.Span.Start >= te:
		dist = t.Span.Start - te
	case t.Span.End <= ts:
		dist = ts - t.Span.End + 20
		if s.between(s.tokenAt(t.Span.End), c.ti, ",", "after", "before", "since", "until") {
			return 0, false
		}
		if s.between(s.tokenAt(t.Span.End), c.ti, "and", "but") {
			dist += 60
		}
	}
	if c.e.class == classNoun {
		dist += 30
	}
	if d.crossesStatement(s, c, t.Span) {
		return 0, false
	}
	return dist, true
}

// besideGathering returns the timex nearest a gathering c, within 60 bytes
// before or after it ("the summit on Monday", "Monday's summit"), or nil.
func (d *dater) besideGathering(s *sentence, c *cand) *timeline.Timex {
	best, bestDist := (*timeline.Timex)(nil), 60
	for i := d.timexesFrom(s.span.Start); i < len(d.timexes) && d.timexes[i].Span.Start < s.span.End; i++ {
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
	return best
}

// beforeOccurrence returns the live event nearest before occurrence o, within
// reach, that no date governs; a statement is not dated by an occurrence it
// mentions. nil when none.
func (d *dater) beforeOccurrence(s *sentence, o *timeline.Occurrence) *cand {
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
	return best
}

// fits reports whether t can date c: a statement is made in the past or present
// and is dated by a date right after its verb ("said on Monday that", "told
// reporters on Monday"), not by one in what it says.
func (d *dater) fits(s *sentence, c *cand, t *timeline.Timex) bool {
	if t.Type == timeline.TypeDuration && (c.tense == tensePast || c.tense == tensePerfect) && !t.Latest.IsZero() && t.Latest.After(d.hi) {
		// "has blocked the treaty, hoping to extend it for ten more years": a
		// span still to come does not date a past act.
		return false
	}
	if t.Type == timeline.TypeDuration && (c.tense == tenseFuture || c.status == timeline.StatusPlanned) && !t.Earliest.IsZero() && t.Earliest.Before(d.lo) {
		// "will free 33 hostages over six weeks": a span already past does
		// not date an act still to come.
		return false
	}
	if (c.code == "02" || c.code == "10") && c.e.class != classSay && c.tense == tensePast && c.status == timeline.StatusOccurred &&
		t.Span.Start >= s.toks[c.tj-1].end && !t.Earliest.IsZero() && d.after(t.Earliest) {
		// "called for talks next month": the date is the talks', not the
		// call's, which was made before the article.
		return false
	}
	if decidedAct(s, c, t) {
		// "agreed to hold a summit in March", "decided to admit them in
		// early March": a date inside what was agreed, decided or planned
		// is that act's, not the decision's, which came before.
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
		if k > c.tj && contentFollows(s, c) {
			return false
		}
	}
	return true
}

// contentFollows reports whether what statement c says begins right after its
// verb ("said Paraguay's referendum on Sunday had shown"), so that a date
// further on is the content's. Only "say" and "insist" read so: other verbs
// take an object or a hearer first ("told reporters on Monday", "added two
// provisos on Thursday"); and a preposition, an adverb or a conjunction after
// the verb ("said on Monday", "said in a statement", "said when bids closed")
// puts off the content.
func contentFollows(s *sentence, c *cand) bool {
	switch s.toks[c.ti].lower {
	case "said", "says", "say", "saying", "insisted", "insists":
	default:
		return false // a verb of telling or one taking an object ("indicated its interest")
	}
	if c.tj >= len(s.toks) || s.rd == nil {
		return false
	}
	w := s.toks[c.tj]
	words := s.rd.x.words
	return w.word && !words.is(w.lower, "preposition") && !strings.HasSuffix(w.lower, "ly") && !words.is(w.lower, "past") &&
		!words.is(w.lower, "present") && !words.is(w.lower, "adverb") && !words.is(w.lower, "subordinator")
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

// date sets the event's date fields from what attach found to govern it, else
// from a "just" before its past verb ("just-now"), else from its tense
// ("by-tense").
func (d *dater) date(ev *timeline.Event, s *sentence, c *cand) {
	switch {
	case c.govTimex != nil:
		d.fromTimex(ev, c, c.govTimex)
	case c.govOcc != nil:
		d.fromOccurrence(ev, c.govOcc)
	case c.ti > 0 && s.toks[c.ti-1].lower == "just" && (c.tense == tensePast || c.tense == tensePerfect) && ev.Status == timeline.StatusOccurred:
		c.dateRule = "just-now"
		d.justNow(ev, s, c)
	default:
		c.dateRule = "by-tense"
		if c.hasDone && d.pastMarked(s, c) {
			c.hasDone = false // "has previously dismissed": some time before
		}
		d.byTense(ev, c)
	}
}

// fromOccurrence dates an event by the named occurrence that governs it ("met
// during the Olympics"): its days, relative to it; an event dated after
// publication is planned.
func (d *dater) fromOccurrence(ev *timeline.Event, o *timeline.Occurrence) {
	ev.When, ev.Earliest, ev.Latest = o.When, o.Earliest, o.Latest
	ev.Granularity, ev.Anchor = timeline.GranDay, timeline.AnchorRelative
	ev.Evidence = textPtr(d.a.Document.Body, o.Span)
	if ev.Status == timeline.StatusOccurred && d.after(o.Earliest) {
		ev.Status = timeline.StatusPlanned
	}
}

// justNow dates an act "just" done (a past or perfect verb right after
// "just"): a recent past relative to the passage's reference time, which is
// the dateline of the embedded post the sentence belongs to (postDate), else
// publication. "Just" says the act is recent, not how recent: the text gives
// no lower bound, so none is given (as for "recently", EVENTS.md): PAST_REF,
// up to the reference day. ("Just days before" an event is a span the tagger
// bounds, which withSignal keeps.)
func (d *dater) justNow(ev *timeline.Event, s *sentence, c *cand) {
	ref, anchor := d.hi, timeline.AnchorDCT
	if t := d.postDate(s.span); t != nil {
		ref, anchor = t.Latest, timeline.AnchorRelative
		ev.Evidence = textPtr(d.a.Document.Body, t.Span)
	}
	if ref.IsZero() {
		d.byTense(ev, c)
		return
	}
	ev.When, ev.Earliest, ev.Latest = "PAST_REF", time.Time{}, ref
	ev.Granularity, ev.Anchor = timeline.GranUnknown, anchor
}

// postDate returns the dateline of the embedded post the sentence at sp
// belongs to: a post runs to the end of its paragraph, where its author's
// dateline stands ("... — Name (@handle) January 3, 2018"); nil when no such
// dateline follows the sentence in its paragraph.
func (d *dater) postDate(sp timeline.Span) *timeline.Timex {
	body := d.a.Document.Body
	end := len(body)
	if i := strings.Index(body[sp.End:], "\n\n"); i >= 0 {
		end = sp.End + i
	}
	at := strings.Index(body[sp.End:end], "(@")
	if at < 0 {
		return nil
	}
	at += sp.End
	for i := d.timexesFrom(at + 1); i < len(d.timexes) && d.timexes[i].Span.Start < end; i++ {
		t := &d.timexes[i]
		if t.Span.Start > at && t.Span.End <= end && !t.Earliest.IsZero() && t.Earliest.Equal(t.Latest) {
			return t
		}
	}
	return nil
}

// datelineEnd returns the offset where a wire dateline opening the sentence ends
// ("LIMA (AP)_", "LIMA, May 3 (Xinhua) --"), or the sentence start.
func datelineEnd(body string, sp timeline.Span) int {
	head := body[sp.Start:min(sp.End, sp.Start+60)]
	for _, mark := range []string{")_", ") _", ") --", ") -", ") —", ") –"} {
		if i := strings.Index(head, mark); i >= 0 {
			return sp.Start + i + len(mark)
		}
	}
	// "MOSCOW - ", "KYIV — ": a place in capitals, then a dash.
	for _, mark := range []string{" - ", " — ", " – ", " -- "} {
		if i := strings.Index(head, mark); i > 1 && capitalsOnly(head[:i]) {
			return sp.Start + i + len(mark)
		}
	}
	return sp.Start
}

// capitalsOnly reports whether s is a place name set in capitals, as a wire
// dateline gives it ("MOSCOW", "PORT-AU-PRINCE, Haiti" is not).
func capitalsOnly(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == ' ' || r == '-' || r == '.' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 3
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

// fromTimex dates an event by the timex t that governs it: its value and
// bounds, with a bare weekday moved to the side of publication the tense says
// (nearestWeekday), a signal word applied (withSignal), and a past, present or
// future reference read against publication (withReference). An event dated
// after publication is planned, and the first past day that dates a report is
// the article's news peg (byTense dates undated past events by it).
func (d *dater) fromTimex(ev *timeline.Event, c *cand, t *timeline.Timex) {
	body := d.a.Document.Body
	ev.Evidence = textPtr(body, t.Span)
	ev.Granularity = t.Granularity
	ev.Anchor = t.Anchor
	if ev.Anchor == "" {
		ev.Anchor = timeline.AnchorExplicit
	}
	ev.When, ev.Earliest, ev.Latest = t.Value, t.Earliest, t.Latest
	d.nearestWeekday(ev, c, t)
	d.nearestMonth(ev, c, t)
	sig := d.withSignal(ev, t)
	if t.Value == "PRESENT_REF" {
		// "now" says the state holds at publication; when the event happened the tense says.
		ev.When, ev.Earliest, ev.Latest = "", time.Time{}, time.Time{}
		d.byTense(ev, c)
		ev.Evidence = textPtr(body, t.Span)
		return
	}
	d.withReference(ev, t)
	if ev.Status == timeline.StatusOccurred && !ev.Earliest.IsZero() && d.after(ev.Earliest) && c.e.class != classSay {
		ev.Status = timeline.StatusPlanned
	}
	if d.peg == nil && !c.tweet && !t.Earliest.IsZero() && t.Earliest.Equal(t.Latest) && !d.after(t.Earliest) &&
		c.tense == tensePast && c.status == timeline.StatusOccurred && (sig == "" || sig == "on" || sig == "at") {
		d.peg = t
	}
}

// leadPeg makes the day the lead sentence s names the article's news peg when
// no event of the lead set one: a news story opens with what happened and
// when ("Poland today became a member of NATO"), and its undated reports
// ("..., Albright said.") are of that day, even when the lead's own act is no
// trigger. Only a recent day serves: a week before publication at most.
func (d *dater) leadPeg(s *sentence) {
	if d.peg != nil || d.lo.IsZero() {
		return
	}
	for i := d.timexesFrom(s.span.Start); i < len(d.timexes) && d.timexes[i].Span.End <= s.span.End; i++ {
		t := &d.timexes[i]
		if t.Type != "DATE" || t.Value == "" || t.Value[0] < '0' || t.Value[0] > '9' || t.Earliest.IsZero() || !t.Earliest.Equal(t.Latest) || d.after(t.Earliest) ||
			t.Earliest.Before(d.lo.AddDate(0, 0, -7)) || t.Signal != "" && t.Signal != "on" && t.Signal != "at" {
			continue
		}
		d.peg = t
		return
	}
}

// nearestWeekday moves a bare weekday ("Monday", "on Tuesday") to the coming
// one for a present or future event ("they meet Monday") and to the last one
// for a past event, whichever way the tagger guessed. The day after
// publication stays for a past event: news written for the next morning may
// date the day it appears.
func (d *dater) nearestWeekday(ev *timeline.Event, c *cand, t *timeline.Timex) {
	if !isWeekday(t.Text) || t.Earliest.IsZero() || d.lo.IsZero() {
		return
	}
	shift := 0
	switch {
	case (c.tense == tensePresent || c.tense == tenseFuture) && t.Earliest.Before(d.lo):
		shift = 7
	case (c.tense == tensePast || c.tense == tensePerfect) && c.status == timeline.StatusOccurred && c.verbal() && t.Earliest.After(d.hi.AddDate(0, 0, 1)):
		// A noun has no tense of its own ("the truce would take effect on
		// Sunday"): the tagger's reading of the clause stands.
		shift = -7
	}
	if shift != 0 {
		ev.Earliest, ev.Latest = t.Earliest.AddDate(0, 0, shift), t.Latest.AddDate(0, 0, shift)
		ev.When = ev.Earliest.Format(timeline.DateLayout)
	}
}

// nearestMonth moves a month named without its year ("in February", "late
// September") to the year before for an act the verb puts in the past, when
// the tagger read it after publication, and to the year after for an act
// still to come that it read as past: the tense of the act dated decides,
// which may not be the tense of the clause the tagger read.
func (d *dater) nearestMonth(ev *timeline.Event, c *cand, t *timeline.Timex) {
	if !isMonth(t.Text) || len(t.Value) != 7 || t.Earliest.IsZero() || d.lo.IsZero() || !c.verbal() {
		return
	}
	shift := 0
	switch {
	case (c.tense == tensePast || c.tense == tensePerfect) && c.status == timeline.StatusOccurred && t.Earliest.After(d.hi):
		shift = -1
	case (c.tense == tenseFuture || c.status == timeline.StatusPlanned) && t.Latest.Before(d.lo):
		shift = 1
	}
	if shift != 0 {
		ev.Earliest, ev.Latest = t.Earliest.AddDate(shift, 0, 0), t.Latest.AddDate(shift, 0, 0)
		ev.When = ev.Earliest.Format("2006-01")
	}
}

// isMonth reports whether s names a month without a year or a day ("in
// February", "late September").
func isMonth(s string) bool {
	w := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"in ", "early ", "mid-", "mid ", "late ", "the end of ", "end of ", "the beginning of "} {
		w = strings.TrimPrefix(w, p)
	}
	switch w {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return false
}

// withSignal applies t's signal word to the event and returns the signal as it
// still governs the date ("" once used up). "since" (or an interval to the
// present) makes an ongoing state from t to publication; "days before X"
// keeps the tagger's span before (after) X as a past (future) reference; a
// duration is its interval; "before D" is up to the day before D and "after D"
// from the day after. A signal before a possessive governs the phrase the
// date modifies, not the date ("before next week's vote").
func (d *dater) withSignal(ev *timeline.Event, t *timeline.Timex) string {
	body := d.a.Document.Body
	sig := strings.ToLower(t.Signal)
	if t.Span.End < len(body) && (strings.HasPrefix(body[t.Span.End:], "'s") || strings.HasPrefix(body[t.Span.End:], "’s")) {
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
	return sig
}

// withReference reads a past or future reference against publication: a past
// one ("recently", "previously") ends at publication however the tagger bounded
// it, with no lower bound inside the publication span; a future one starts at
// publication unless bounded.
func (d *dater) withReference(ev *timeline.Event, t *timeline.Timex) {
	switch t.Value {
	case "PAST_REF":
		ev.Latest = d.hi
		if !ev.Earliest.IsZero() && !d.lo.IsZero() && ev.Earliest.After(d.lo) {
			ev.Earliest = time.Time{}
		}
	case "FUTURE_REF":
		if ev.Earliest.IsZero() {
			ev.Earliest = d.lo
		}
	}
}

// pastMarked reports whether an adverb that puts the act at some earlier time
// ("has previously dismissed", "had once met") stands in the few words before
// c's verb: no longer the news of the publication's days.
func (d *dater) pastMarked(s *sentence, c *cand) bool {
	for k := c.ti - 1; k >= 0 && k >= c.ti-3; k-- {
		switch s.toks[k].lower {
		case "previously", "earlier", "once", "formerly", "before", "recently", "long":
			return true
		}
	}
	return false
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
	case c.tense == tensePerfect && !c.hasDone:
		ev.When, ev.Latest = "PAST_REF", d.hi
		ev.Granularity = timeline.GranUnknown
	case c.tense == tensePerfect:
		// A present perfect with no date ("has condemned") is news of the
		// publication's days (EVENTS.md: DCT-1..DCT), though its time is not
		// told: PAST_REF, as the annotators write it.
		ev.When, ev.Latest = "PAST_REF", d.hi
		if !d.lo.IsZero() {
			ev.Earliest = d.lo.AddDate(0, 0, -1)
		}
		ev.Anchor = timeline.AnchorInferred
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
