// Package temporal finds temporal expressions in English news text and normalises
// them to TimeML TIMEX3 values and calendar intervals, anchored to the document
// creation time. It is built on github.com/olebedev/when plus rules of its own.
//
// How it works, and where:
//
//   - scan.go: one pass over the words marks trigger words by class (month,
//     weekday, unit, digits, ...); each rule runs only on small windows around
//     the words it needs, which is what makes tagging cheaper than running
//     when.Parse over the text.
//   - rules.go: the grammar. Each rule is a regexp built from the vocabulary
//     in data/*.txt and satisfies when's rules.Rule.
//   - dates.go, relative.go, durations.go, business.go, clock.go: the
//     normalisers, pure functions of the match, the DCT and what the document
//     said before (the narrative date). when's own rules read clock times,
//     month-days and today/tomorrow/yesterday on the matched span.
//   - tokens.go: what the rules read around a match, from the analysed
//     document (package doc): the word before or after it is a token's, and
//     the clause around it a run of tokens between clause ends.
//   - tense.go: the tense of the clause, which picks the instance of a bare
//     month or season; weekday.go: the tense, aspect and modality of the verb
//     governing a bare weekday, and the one function (weekdayDirection) that
//     decides from them which instance it names.
//   - quote.go: "today", "tomorrow", "yesterday" inside a quotation count from
//     the day its attribution gives ("..., the minister said yesterday").
//   - gazetteer.go (data/gazetteer.yaml): named occurrences such as the
//     Olympics; dct.go: publication-date bounds for undated articles.
//
// Nothing reads the clock: a zero DCT leaves relative values underspecified
// (XXXX-WXX-5), and when is only ever given a fixed base time.
package temporal

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// Options configures a Tagger. Zero values select the embedded defaults.
type Options struct {
	// Gazetteer overrides the embedded named-occurrence gazetteer.
	Gazetteer io.Reader
}

// Tagger finds and normalises temporal expressions. It is safe for concurrent use:
// everything in it is built in New and only read afterwards.
type Tagger struct {
	v       *vocab
	rules   []*rule
	tense   map[string]int
	notYear map[string]bool
	words   wordClasses
	clock   *when.Parser // when's own hour rules read clock times
	monthDy *when.Parser // when's ExactMonthDate reads month and day
	casual  *when.Parser // when's CasualDate reads today, tomorrow, yesterday
	gaz     *gazetteer
}

// New returns a Tagger.
func New(opts Options) (*Tagger, error) {
	v, err := loadVocab()
	if err != nil {
		return nil, err
	}
	rs, err := compileRules(v)
	if err != nil {
		return nil, err
	}
	tense, err := loadTense()
	if err != nil {
		return nil, err
	}
	ny, err := readLines("notyear.txt")
	if err != nil {
		return nil, err
	}
	words, err := loadWordClasses()
	if err != nil {
		return nil, err
	}
	t := &Tagger{v: v, rules: rs, tense: tense, notYear: map[string]bool{}, words: words}
	for _, w := range ny {
		t.notYear[w] = true
	}
	t.clock = when.New(&rules.Options{Distance: 5, MatchByOrder: true})
	t.clock.Add(en.HourMinute(rules.Override), en.Hour(rules.Override))
	t.monthDy = when.New(&rules.Options{Distance: 5, MatchByOrder: true})
	t.monthDy.Add(en.ExactMonthDate(rules.Override))
	t.casual = when.New(&rules.Options{Distance: 5, MatchByOrder: true})
	t.casual.Add(en.CasualDate(rules.Override))
	var src io.Reader = opts.Gazetteer
	if src == nil {
		f, err := dataFS.Open("data/gazetteer.yaml")
		if err != nil {
			return nil, fmt.Errorf("temporal: open embedded gazetteer: %w", err)
		}
		defer f.Close()
		src = f
	}
	if t.gaz, err = loadGazetteer(src); err != nil {
		return nil, err
	}
	return t, nil
}

// Tag returns the temporal expressions of body in document order, resolved against
// ref (the DCT; zero when unknown, in which case relative expressions keep
// underspecified values).
func (t *Tagger) Tag(body string, ref time.Time) []timeline.Timex {
	xs, _ := t.TagWithWarnings(body, ref)
	return xs
}

// TagWithWarnings is Tag, and says where it skipped part of the body: a
// sentence that held more than MaxTimexesPerSentence expressions (or far more
// numbers and date words than a sentence has), an article that held more than
// MaxTimexesPerArticle.
func (t *Tagger) TagWithWarnings(body string, ref time.Time) ([]timeline.Timex, []string) {
	tk, done := tokenize(body)
	defer done()
	return t.tag(tk, ref)
}

// TagDoc is TagWithWarnings on the analysed document of a body, whose tokens
// the rules read around each expression: a caller that analyses the body
// anyway (the pipeline) has it tokenized once. It parses no sentence of d.
func (t *Tagger) TagDoc(d *doc.Doc, ref time.Time) ([]timeline.Timex, []string) {
	return t.tag(newTokens(d), ref)
}

func (t *Tagger) tag(tk *tokens, ref time.Time) ([]timeline.Timex, []string) {
	body := tk.body
	c := &docCtx{tokens: tk, hasRef: !ref.IsZero()}
	if c.hasRef {
		c.ref = timeline.Day(ref)
	}
	cands, capped, stop := t.findMatches(tk)
	// Select the best non-overlapping matches whose form is valid, then resolve the
	// chosen ones again in document order, where the narrative context is known.
	var chosen []*match // kept sorted by start, non-overlapping
	perSentence := make(map[int]int)
	dry := &docCtx{tokens: tk, ref: c.ref, hasRef: c.hasRef}
	for _, m := range cands {
		// the first chosen match ending after m starts is the only one that
		// can overlap it
		i := sort.Search(len(chosen), func(i int) bool { return chosen[i].end > m.start })
		if i < len(chosen) && chosen[i].start < m.end {
			continue
		}
		si := tk.clauseOf(m.start)
		if n := perSentence[si]; n >= MaxTimexesPerSentence {
			if n == MaxTimexesPerSentence {
				capped = append(capped, si)
				perSentence[si]++ // noted once
			}
			continue
		}
		if _, ok := m.r.resolve(t, m, dry); !ok {
			continue
		}
		perSentence[si]++
		chosen = append(chosen, nil)
		copy(chosen[i+1:], chosen[i:])
		chosen[i] = m
	}
	var warnings []string
	if stop >= 0 {
		warnings = append(warnings, fmt.Sprintf("more than %d date words: the article is not tagged from byte %d on", maxTriggersPerArticle, stop))
	}
	if len(chosen) > MaxTimexesPerArticle {
		warnings = append(warnings, fmt.Sprintf("more than %d temporal expressions: the article is not tagged from byte %d on", MaxTimexesPerArticle, chosen[MaxTimexesPerArticle].start))
		chosen = chosen[:MaxTimexesPerArticle]
	}
	out := make([]timeline.Timex, 0, len(chosen))
	var dayless []int // indexes in out of clock times still on the DCT's day
	var deictic []int // indexes in out of "today", "tomorrow", "this morning" ...
	for _, m := range chosen {
		first, ok := m.r.resolve(t, m, c)
		if !ok {
			continue
		}
		for rp := &first; rp != nil; rp = rp.next {
			out, dayless, deictic = t.emit(out, dayless, deictic, m, *rp, c)
		}
	}
	t.quotedDays(out, deictic, c)
	for _, i := range dayless {
		t.clockDay(out, i, body, dayless)
	}
	ranges(out, body)
	return out, append(cappedWarnings(capped, tk.clauseEnds()), warnings...)
}

// emit appends to out the timex a match resolved to (r; a match may give more
// than one, see res.next), and notes in dayless and deictic the indexes of
// those a later pass revisits.
func (t *Tagger) emit(out []timeline.Timex, dayless, deictic []int, m *match, r res, c *docCtx) ([]timeline.Timex, []int, []int) {
	body := c.body
	s, e := m.start, m.end
	if r.start != 0 || r.end != 0 {
		if r.start != 0 {
			s = r.start
		}
		if r.end != 0 {
			e = r.end
		}
	}
	x := timeline.Timex{
		ID:    "t" + strconv.Itoa(len(out)+1),
		Span:  timeline.Span{Start: s, End: e},
		Text:  body[s:e],
		Type:  r.typ,
		Value: r.value,
		Mod:   r.mod,
		Quant: r.quant,
		Freq:  r.freq,
	}
	t.finish(&x, r, c)
	if x.Granularity == timeline.GranDay && (m.r.name == "md" || m.r.name == "mdand" || m.r.name == "mdy" || m.r.name == "dm" || m.r.name == "dmy" || m.r.name == "wdmd" || m.r.name == "iso") {
		c.lastDay, c.lastDayEnd = x.Earliest, x.Span.End
	}
	if !r.noTrack && x.Type == timeline.TypeDate && x.Granularity != timeline.GranUnknown && !strings.HasPrefix(x.Value, "X") {
		c.lastDate = x.Value
	}
	if r.dayless {
		dayless = append(dayless, len(out))
	}
	if (m.r.name == "day" || m.r.name == "pod") && r.relToDCT {
		deictic = append(deictic, len(out))
	}
	out = append(out, x)
	return out, dayless, deictic
}

// cappedWarnings says, in one line, where sentences were cut short.
func cappedWarnings(capped, ends []int) []string {
	if len(capped) == 0 {
		return nil
	}
	slices.Sort(capped)
	capped = slices.Compact(capped)
	at := 0 // the first capped sentence starts after the end before it
	if s := capped[0]; s > 0 {
		at = ends[s-1] + 1
	}
	what := "a sentence"
	if len(capped) > 1 {
		what = fmt.Sprintf("%d sentences (the first", len(capped))
	}
	w := fmt.Sprintf("%s at byte %d holds more than %d temporal expressions or %d date words", what, at, MaxTimexesPerSentence, maxTriggersPerSentence)
	if len(capped) > 1 {
		w = strings.Replace(w, " holds ", ") hold ", 1)
	}
	return []string{w + ": the rest of it is not tagged"}
}

// ranges gives both ends of "from 2010 to 2012", "between March and May" the
// interval they bound together.
func ranges(xs []timeline.Timex, body string) {
	for i := 0; i+1 < len(xs); i++ {
		a, b := &xs[i], &xs[i+1]
		if a.Signal != "from" && a.Signal != "between" || a.Granularity == timeline.GranUnknown || b.Granularity == timeline.GranUnknown {
			continue
		}
		if a.Type != timeline.TypeDate && a.Type != timeline.TypeTime || b.Type != a.Type {
			continue
		}
		switch strings.TrimSpace(body[a.Span.End:b.Span.Start]) {
		case "to", "until", "till", "through", "and", "-", "–":
			a.Interval = a.Value + "/" + b.Value
			b.Interval = a.Interval
		}
	}
}

// finish fills the interval fields, anchor and signal of a resolved timex.
func (t *Tagger) finish(x *timeline.Timex, r res, c *docCtx) {
	if r.relToDCT {
		x.AnchorTimeID = "t0"
	}
	switch r.anchor {
	case "explicit":
		x.Anchor = timeline.AnchorExplicit
	case "dct":
		x.Anchor = timeline.AnchorDCT
	default:
		x.Anchor = timeline.AnchorRelative
	}
	x.Signal = t.signalBefore(c.tokens, x.Span.Start)
	switch x.Type {
	case timeline.TypeDate, timeline.TypeTime:
		if f, l, g, ok := bounds(x.Value); ok {
			x.Earliest, x.Latest, x.Granularity = f, l, g
			x.Earliest, x.Latest = narrow(f, l, g, x.Mod)
			x.Earliest, x.Latest = sideOfRef(x, c)
		}
		switch x.Value {
		case "PRESENT_REF":
			if c.hasRef {
				x.Earliest, x.Latest, x.Granularity = c.ref, c.ref, timeline.GranDay
			}
		case "PAST_REF":
			if c.hasRef {
				x.Latest = c.ref
			}
		case "FUTURE_REF":
			if c.hasRef {
				x.Earliest = c.ref
			}
		}
		if x.Signal == "since" && x.Granularity != timeline.GranUnknown {
			x.Interval = x.Value + "/PRESENT_REF"
			if c.hasRef {
				x.Latest = c.ref
			} else {
				x.Latest = time.Time{}
			}
		}
		if x.Signal == "until" || x.Signal == "till" || x.Signal == "through" {
			x.Interval = "/" + x.Value
		}
	case timeline.TypeDuration:
		if r.point != "" {
			// A measure counted from a reference ("four days" earlier, "in five
			// years") places what it dates at the time it reaches: that time is
			// its anchored interval, an open one when the count is vague.
			x.Interval = r.point
			lo, hi, open := strings.Cut(r.point, "/")
			switch {
			case !open:
				if f, l, g, ok := bounds(r.point); ok {
					x.Earliest, x.Latest, x.Granularity = f, l, g
				}
			case lo != "":
				if f, _, _, ok := bounds(lo); ok {
					x.Earliest = f
				}
			default:
				if _, l, _, ok := bounds(hi); ok {
					x.Latest = l
				}
			}
			return
		}
		t.anchorDuration(x, c)
	}
}

// narrow bounds the "early", "mid" and "late" parts of a month or a year
// ("early March", "late 1997", "the end of the year") by its thirds: the dekads
// of a month (1-10, 11-20, 21-end), the four-month parts of a year.
// sideOfRef bounds "later this month" to the part of the month after the
// reference time and "earlier this week" to the part before it: the value
// stays the month or the week, as TimeML writes it, but what the phrase can
// date lies on one side of the time it is said at.
func sideOfRef(x *timeline.Timex, c *docCtx) (time.Time, time.Time) {
	first, last := x.Earliest, x.Latest
	if !c.hasRef || first.IsZero() || c.ref.Before(first) || c.ref.After(last) {
		return first, last
	}
	text := strings.ToLower(x.Text)
	switch {
	case strings.HasPrefix(text, "later "):
		return c.ref, last
	case strings.HasPrefix(text, "earlier "):
		return first, c.ref
	}
	return first, last
}

func narrow(first, last time.Time, g timeline.Granularity, mod string) (time.Time, time.Time) {
	var step func(t time.Time, n int) time.Time
	switch g {
	case timeline.GranMonth:
		step = func(t time.Time, n int) time.Time { return t.AddDate(0, 0, 10*n) }
	case timeline.GranYear:
		step = func(t time.Time, n int) time.Time { return t.AddDate(0, 4*n, 0) }
	default:
		return first, last
	}
	day := 24 * time.Hour
	switch mod {
	case "START":
		return first, step(first, 1).Add(-day)
	case "MID":
		return step(first, 1), step(first, 2).Add(-day)
	case "END":
		return step(first, 2), last
	}
	return first, last
}

// anchorDuration turns a duration the text runs up to the DCT ("for two years",
// "the past three months") into the interval it covers.
func (t *Tagger) anchorDuration(x *timeline.Timex, c *docCtx) {
	if !c.hasRef {
		return
	}
	v := x.Value
	lowerText := strings.ToLower(x.Text)
	past := x.Signal == "for" || x.Signal == "over" || x.Signal == "in" && strings.HasPrefix(lowerText, "the past") ||
		strings.HasPrefix(lowerText, "the past") || strings.HasPrefix(lowerText, "the last") || strings.HasPrefix(lowerText, "past") ||
		strings.HasPrefix(lowerText, "recent")
	future := strings.HasPrefix(lowerText, "the next") || strings.HasPrefix(lowerText, "the coming") || strings.HasPrefix(lowerText, "next")
	if !past && !future {
		return
	}
	if x.Signal == "for" && t.tenseAt(c.tokens, x.Span.Start, x.Span.End) == tenseFuture {
		past, future = false, true
	}
	n, code, ok := parseDuration(v)
	if !ok {
		return
	}
	x.AnchorTimeID = "t0"
	if past {
		start := shift(c.ref, code, -n)
		x.Earliest, x.Latest = start, c.ref
		x.BeginPoint, x.EndPoint = "", "t0"
		x.Interval = valueAt(start, code) + "/" + endValue(c.ref, code)
	} else {
		end := shift(c.ref, code, n)
		x.Earliest, x.Latest = c.ref, end
		x.BeginPoint = "t0"
		x.Interval = endValue(c.ref, code) + "/" + valueAt(end, code)
	}
	x.Granularity = granOfCode(code)
}

// endValue formats the DCT end of an anchored interval one step finer than the
// duration's unit: two years up to January 2018 is "2016/2018-01".
func endValue(ref time.Time, code string) string {
	switch code {
	case "Y", "DE", "CE", "ML", "Q":
		return valueAt(ref, "M")
	}
	return dayValue(ref)
}

func granOfCode(code string) timeline.Granularity {
	switch code {
	case "Y":
		return timeline.GranYear
	case "M":
		return timeline.GranMonth
	case "Q":
		return timeline.GranQuarter
	case "W", "WE":
		return timeline.GranWeek
	case "D":
		return timeline.GranDay
	case "DE":
		return timeline.GranDecade
	case "CE", "ML":
		return timeline.GranCentury
	}
	return timeline.GranUnknown
}

// parseDuration reads a whole-number date duration "P2Y" into (2, "Y").
func parseDuration(v string) (int, string, bool) {
	if !strings.HasPrefix(v, "P") || strings.HasPrefix(v, "PT") {
		return 0, "", false
	}
	i := 1
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(v[1:i])
	if err != nil || i == len(v) {
		return 0, "", false
	}
	return n, v[i:], true
}

// signalBefore returns the signal word (data/wordclasses.txt) just before start.
func (t *Tagger) signalBefore(tk *tokens, start int) string {
	if w := tk.wordBefore(start); t.words.signal[w] {
		return w
	}
	return ""
}
