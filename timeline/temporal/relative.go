package temporal

// Normalisers for expressions told against the DCT or the narrative: "last
// week", "Friday", "now", "two weeks ago", "that day".

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func resRel(t *Tagger, m *match, c *docCtx) (res, bool) {
	if isCap(m.g("unit")) && isCap(m.g("rel")) && m.start > 0 && !c.opensClause(m.start) {
		return res{}, false // "ABC's This Week": a title
	}
	rel := collapse(m.g("rel"))
	u := collapse(m.g("unit"))
	mod := t.modOf(m.g("mod"))
	if mod == "" {
		mod = t.modOf(rel)
	}
	dir := 0
	switch {
	case strings.HasSuffix(rel, "last"), rel == "this past":
		dir = -1
	case strings.HasSuffix(rel, "next"):
		dir = 1
	}
	r := res{typ: "DATE", mod: mod, anchor: "dct", relToDCT: true}
	if !c.hasRef {
		switch u {
		case "year":
			r.value = "XXXX"
		case "month":
			r.value = "XXXX-XX"
		case "week":
			r.value = "XXXX-WXX"
		default:
			r.value = "XXXX"
		}
		r.anchor = "relative"
		return r, true
	}
	ref := c.ref
	if code, ok := t.v.seasons[u]; ok {
		if u == "fall" && dir == 0 && rel != "this" {
			return res{}, false
		}
		y := ref.Year()
		cur := int(ref.Month())
		start := seasonMonths[code][0]
		switch {
		case rel == "this past":
			if start > cur { // the most recent one already begun
				y--
			}
		case dir == -1:
			y--
		case dir == 1:
			if start <= cur {
				y++
			}
		}
		r.value = fmt.Sprintf("%04d-%s", y, code)
		return r, true
	}
	switch u {
	case "year", "fiscal year":
		r.value = yearValue(ref.Year() + dir)
	case "month":
		r.value = valueAt(ref.AddDate(0, dir, 0), "M")
	case "week":
		r.value = weekValue(ref.AddDate(0, 0, 7*dir))
	case "weekend":
		r.value = weekValue(ref.AddDate(0, 0, 7*dir)) + "-WE"
	case "decade":
		r.value = fmt.Sprintf("%03d", ref.Year()/10+dir)
	case "century":
		r.value = fmt.Sprintf("%02d", ref.Year()/100+dir)
	default:
		return res{}, false
	}
	return r, true
}

// weekdayFrom resolves weekday wd (ISO) against anchor: dir -1 the last one
// strictly before, +1 the next strictly after, 0 in the same ISO week, and for a
// bare weekday (bare set) the way weekdayDirection decided, the anchor day
// itself when it matches.
func weekdayFrom(anchor time.Time, wd, dir int, bare bool, way int) time.Time {
	cur := isoWeekday(anchor)
	switch {
	case bare && way == tenseFuture:
		d := (wd - cur + 7) % 7
		return anchor.AddDate(0, 0, d)
	case bare && way == tenseNone:
		// no tense to go by: the nearer one, the past one on a tie
		back, ahead := (cur-wd+7)%7, (wd-cur+7)%7
		if ahead < back {
			return anchor.AddDate(0, 0, ahead)
		}
		return anchor.AddDate(0, 0, -back)
	case bare:
		d := (cur - wd + 7) % 7
		return anchor.AddDate(0, 0, -d)
	case dir < 0:
		d := (cur - wd + 7) % 7
		if d == 0 {
			d = 7
		}
		return anchor.AddDate(0, 0, -d)
	case dir > 0:
		d := (wd - cur + 7) % 7
		if d == 0 {
			d = 7
		}
		return anchor.AddDate(0, 0, d)
	}
	return anchor.AddDate(0, 0, wd-cur)
}

func resWeekday(t *Tagger, m *match, c *docCtx) (res, bool) {
	ws := m.g("wd")
	if !isCap(ws) {
		return res{}, false
	}
	wd := t.v.weekdays[strings.TrimSuffix(lower(ws), ".")]
	if wd == 0 {
		return res{}, false
	}
	if strings.HasSuffix(ws, ".") && !t.datedAfter(c.tokens, m.end) {
		return res{}, false // "Sun." alone is as likely The Sun as Sunday
	}
	rel := collapse(m.g("rel"))
	if m.g("wdpl") != "" || m.g("podpl") != "" {
		// "on Tuesdays", "Sunday nights": every such day (or part of it), a
		// SET, as TimeML reads a plural of a calendar name
		r := res{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd), anchor: "relative"}
		if code, _ := t.partOfDay(m.g("dmod"), m.g("pod")); code != "" {
			r.value += "T" + code
		}
		return r, true
	}
	r := res{typ: "DATE", anchor: "dct", relToDCT: true}
	if !c.hasRef {
		r.value, r.anchor = fmt.Sprintf("XXXX-WXX-%d", wd), "relative"
		t.dayPart(&r, m)
		return r, true
	}
	dir := 0
	switch rel {
	case "last", "past":
		dir = -1
	case "next", "coming":
		dir = 1
	case "the previous", "the preceding", "the prior", "the following", "the next":
		// told from the day the story is at, not from the DCT: "down 4.5%
		// from the previous Friday"
		r.relToDCT, r.anchor = false, "relative"
		dir, anchor := 1, c.ref
		if rel == "the previous" || rel == "the preceding" || rel == "the prior" {
			dir = -1
		}
		if f, _, g, ok := bounds(c.lastDate); ok && g == timeline.GranDay {
			anchor = f
		} else {
			r.relToDCT, r.anchor = true, "dct"
		}
		r.value = dayValue(weekdayFrom(anchor, wd, dir, false, tenseNone))
		t.dayPart(&r, m)
		return r, true
	}
	way := weekdayDirection(t.clauseAt(c.tokens, m.start, m.end))
	anchor := c.ref
	if ss, _ := c.clause(m.start, m.end); !c.lastDay.IsZero() && c.lastDayEnd > ss && c.ref.Sub(c.lastDay) > 7*24*time.Hour && !t.words.rng[c.wordBefore(m.start)] {
		anchor = c.lastDay
		if rel == "" {
			// the narrative moves forward: the first such weekday from that day
			off := (wd - isoWeekday(anchor) + 7) % 7
			r.value = dayValue(anchor.AddDate(0, 0, off))
			t.dayPart(&r, m)
			return r, true
		}
	}
	d := weekdayFrom(anchor, wd, dir, rel == "", way)
	r.value = dayValue(d)
	t.dayPart(&r, m)
	return r, true
}

// dayPart makes a day named with a part of it a TIME of that part, as TimeML
// has it: "Tuesday afternoon" is 1999-03-09TAF, "Sunday night" ...TNI,
// "mid-afternoon yesterday" ...TAF with mod MID. A day with only "early" or
// "late" before it ("early Tuesday") stays the DATE of the whole day.
func (t *Tagger) dayPart(r *res, m *match) {
	code, mod := t.partOfDay(m.g("dmod"), m.g("pod"))
	if code == "" {
		return
	}
	r.typ, r.value = "TIME", r.value+"T"+code
	if r.mod == "" {
		r.mod = mod
	}
}

// partOfDay gives the TIMEX3 part-of-day code (data/partsofday.txt) of a day's
// modifier and part, and the mod the modifier adds: "afternoon" AF; "early ...
// morning" MO with START; "mid-afternoon" AF with MID; "midday" MI. The code is
// "" when neither names a part of the day.
func (t *Tagger) partOfDay(dmod, pod string) (code, mod string) {
	code = t.v.pods[lower(pod)]
	switch strings.ReplaceAll(lower(dmod), "-", "") {
	case "midmorning":
		return "MO", "MID"
	case "midafternoon":
		return "AF", "MID"
	case "midday":
		return "MI", ""
	case "early":
		if code != "" {
			mod = "START"
		}
	case "late":
		if code != "" {
			mod = "END"
		}
	}
	return code, mod
}

func resDeictic(t *Tagger, m *match, c *docCtx) (res, bool) {
	w := collapse(m.g("word"))
	f, ok := t.v.deictic[w]
	if !ok {
		return res{}, false
	}
	if w == "future" || w == "current" {
		// Adjectives: "future" only as "in (the) future" or before a noun it dates
		// is too loose; keep "current" and "future" only when not capitalised
		// names ("Current TV").
		if isCap(m.g("word")) && m.start > 0 && c.body[m.start-1] == ' ' {
			return res{}, false
		}
	}
	before, after := c.wordBefore(m.start), lower(c.wordAfter(m.end))
	if f.after != nil && !f.after[before] || f.notAfter[before] || f.notBefore[after] {
		return res{}, false
	}
	if strings.HasPrefix(w, "the ") && t.isCount(after) {
		return res{}, false // "the past three summers", "the past five elections": an adjective
	}
	if f.notPast {
		// a past clause with no modal or future word in the sentence ("may
		// soon seek" after "prosecutors have told him" looks ahead)
		if tense, _, ahead := t.tenseNear(c.tokens, m.start, m.end); tense == tensePast && !ahead {
			return res{}, false
		}
	}
	return res{typ: f.Type, value: f.Value, anchor: "dct", relToDCT: true}, true
}

// isCount reports whether the lower-case word w is a count: digits, a number
// word ("three", "couple"), a vague quantity ("few", "several") or "half".
func (t *Tagger) isCount(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' || w == "half" || w == "couple" {
		return true
	}
	if _, ok := t.v.numbers[w]; ok && w != "a" && w != "an" {
		return true
	}
	return slices.Contains(t.v.vague, w)
}

func resDayWord(t *Tagger, m *match, c *docCtx) (res, bool) {
	if dw := m.g("dword"); isCap(dw) && m.gpos("dword") == m.start && t.afterName(c.body, m.start) {
		return res{}, false // "USA Today", "VOA Today": the end of a name
	}
	w := lower(m.g("dword"))
	prel := collapse(m.g("prel"))
	pod := t.v.pods[lower(m.g("pod"))]
	off := 0
	switch {
	case w == "tomorrow" || prel == "tomorrow":
		off = 1
	case w == "yesterday" || prel == "yesterday" || prel == "last":
		off = -1
	}
	if w == "tonight" {
		pod = "NI"
	}
	var podMod string
	if code, mod := t.partOfDay(m.g("dmod"), m.g("pod")); code != "" {
		pod, podMod = code, mod
	}
	if prel == "last" && pod != "NI" {
		return res{}, false // "last morning" is not a deictic
	}
	r := res{typ: "DATE", anchor: "dct", relToDCT: true}
	if c.hasRef {
		d := c.ref.AddDate(0, 0, off)
		if w != "" && w != "tonight" {
			// when's CasualDate reads today, tomorrow and yesterday from the DCT.
			if res, err := t.casual.Parse(w, c.ref.Add(12*time.Hour)); err == nil && res != nil {
				d = timeDay(res.Time)
			}
		}
		r.value = dayValue(d)
	} else {
		r.value, r.anchor = "XXXX-XX-XX", "relative"
	}
	if pod != "" {
		r.typ, r.value, r.mod = "TIME", r.value+"T"+pod, podMod
	}
	return r, true
}

func resAgo(t *Tagger, m *match, c *docCtx) (res, bool) {
	n, vague, ok := t.number(m.g("num"))
	if m.g("uhalf") != "" {
		if vague || m.g("num") == "" {
			return res{}, false
		}
		n += 0.5 // "a minute and a half later"
	}
	u, uok := t.unitOf(m.g("unit"))
	if !ok || !uok {
		return res{}, false
	}
	if m.g("num") == "" {
		// "days later", "years ago": a plural unit alone is a count not given
		if us := lower(m.g("unit")); !strings.HasSuffix(us, "s") || !c.opensClause(m.start) && isCap(m.g("unit")) {
			return res{}, false
		}
		vague = true
	}
	dir := collapse(m.g("dir"))
	mod := orSo(m, t.modWOf(m.g("modw")))
	switch dir {
	case "before", "after":
		// "two days before the vote": the duration is the timex, the rest a signal.
		r, ok := durationRes(u, n, vague, mod)
		r.end = t.measureEnd(m, c)
		return r, ok
	case "earlier", "later":
		return t.measureFrom(m, c, u, n, vague, mod, dir)
	}
	if vague {
		if dir == "ago" {
			return res{typ: "DATE", value: "PAST_REF", mod: mod, anchor: "dct", relToDCT: true}, true
		}
		return res{typ: "DATE", value: "FUTURE_REF", mod: mod, anchor: "dct", relToDCT: true}, true
	}
	sign := -1
	if dir == "from now" || dir == "hence" {
		sign = 1
	}
	r := res{typ: "DATE", mod: mod, anchor: "dct", relToDCT: true, noTrack: true}
	if dir == "ago" && u.Code == "Y" && n == 1 && len(c.lastDate) == 7 && c.lastDate[5] == 'Q' {
		// "profit rose from a year ago" after a quarter: that quarter a year before.
		y, _ := strconv.Atoi(c.lastDate[:4])
		r.value = quarterValue(y-1, int(c.lastDate[6]-'0'))
		return r, true
	}
	if c.ref.IsZero() {
		r.value = "XXXX"
		return r, true
	}
	if n != float64(int(n)) {
		return durationRes(u, n, vague, mod)
	}
	r.value = shiftedValue(c.ref, u, sign*int(n))
	return r, true
}

// measureEnd is where the measure of "two days before", "four days earlier"
// ends: before the word that relates it to another time.
func (t *Tagger) measureEnd(m *match, c *docCtx) int {
	e := m.gpos("dir")
	for e > m.start && c.body[e-1] == ' ' {
		e--
	}
	return e
}

// reachedValue is the time n units from anchor that a measure reaches ("two
// weeks later"), at the unit's granularity but weeks and time units at the
// day: an event told so happened on that day.
func reachedValue(anchor time.Time, u unit, n int) string {
	code := u.Code
	if u.Time {
		code = "D"
	}
	when := shift(anchor, code, n)
	switch code {
	case "W", "WE", "2W":
		code = "D"
	}
	return valueAt(when, code)
}

// shiftedValue is the value of the time n units from anchor, at the unit's
// granularity (time units at the day).
func shiftedValue(anchor time.Time, u unit, n int) string {
	code := u.Code
	if u.Time {
		code = "D"
	}
	when := shift(anchor, code, n)
	switch code {
	case "W", "2W":
		return weekValue(when) // "six weeks ago": a week, as the unit counts
	case "WE":
		return weekValue(when) + "-WE"
	}
	return valueAt(when, code)
}

// measureFrom reads "four days earlier", "a year later" as TimeML does: the
// TIMEX3 is the measure alone, a DURATION (P4D), and "earlier" relates it to
// the time the narrative was at (the last date the story gave, else the DCT).
// The time it reaches is kept as the timex's anchored interval (res.point,
// Timex.Interval), so that an event "four days earlier" is still dated to that
// day: "a year earlier" after a quarter is that quarter a year before, after a
// day that day a year before.
func (t *Tagger) measureFrom(m *match, c *docCtx, u unit, n float64, vague bool, mod, dir string) (res, bool) {
	r, ok := durationRes(u, n, vague, mod)
	if !ok {
		return r, false
	}
	r.end = t.measureEnd(m, c)
	r.anchor, r.noTrack = "relative", true
	sign := -1
	if dir == "later" {
		sign = 1
	}
	anchor, g := c.ref, timeline.GranDay
	if c.lastDate != "" {
		if f, _, gg, ok := bounds(c.lastDate); ok {
			anchor, g = f, gg
		}
	} else if c.hasRef {
		r.anchor, r.relToDCT = "dct", true
	}
	if anchor.IsZero() || n != float64(int(n)) {
		return r, true
	}
	if vague {
		// "a few days later": after the reference, by no stated amount
		if sign < 0 {
			r.point = "/" + dayValue(anchor.AddDate(0, 0, -1))
		} else {
			r.point = dayValue(anchor.AddDate(0, 0, 1)) + "/"
		}
		return r, true
	}
	k := sign * int(n)
	switch {
	case u.Code == "Y" && g == timeline.GranQuarter:
		r.point = quarterValue(anchor.Year()+k, (int(anchor.Month())+2)/3)
	case u.Code == "Y" && g == timeline.GranDay:
		r.point = dayValue(anchor.AddDate(k, 0, 0))
	default:
		r.point = reachedValue(anchor, u, k)
	}
	return r, true
}

// resEdge reads "the end of the year", "the beginning of the month": the DCT's
// year, month or week with a START/MID/END mod.
func resEdge(t *Tagger, m *match, c *docCtx) (res, bool) {
	r := res{typ: "DATE", mod: t.modOf(m.g("mod")), anchor: "dct", relToDCT: true}
	u := lower(m.g("unit"))
	if !c.hasRef {
		r.value, r.anchor = map[string]string{"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[u], "relative"
		return r, true
	}
	switch u {
	case "year":
		r.value = yearValue(c.ref.Year())
	case "month":
		r.value = valueAt(c.ref, "M")
	default:
		r.value = weekValue(c.ref)
	}
	return r, true
}

// resAnaphor reads expressions told against the narrative time, the last date
// the story gave: "that day", "later that year", "the following week", "the
// previous day". Without one they fall back on the DCT.
func resAnaphor(t *Tagger, m *match, c *docCtx) (res, bool) {
	ana := collapse(m.g("ana"))
	u := lower(m.g("unit"))
	pod := t.v.pods[u]
	if (strings.HasPrefix(ana, "the next") || strings.HasPrefix(ana, "the same")) && pod == "" && u != "day" {
		return res{}, false // "the next year" is mostly a span to come: a duration
	}
	dir := 0
	switch {
	case strings.Contains(ana, "following"), strings.Contains(ana, "next"):
		dir = 1
	case strings.Contains(ana, "previous"), strings.Contains(ana, "preceding"), strings.Contains(ana, "prior"):
		dir = -1
	}
	r := res{typ: "DATE", anchor: "relative", noTrack: dir == 0}
	base, g := c.ref, timeline.GranDay
	if c.lastDate != "" {
		if f, _, gg, ok := bounds(c.lastDate); ok {
			base, g = f, gg
		}
	} else if c.hasRef {
		r.anchor, r.relToDCT = "dct", true
	}
	if base.IsZero() {
		r.value = "XXXX"
		return r, true
	}
	code := map[string]string{"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}[u]
	if pod != "" {
		code = "D"
	}
	if granOfCode(code).Rank() < g.Rank() && dir == 0 {
		return res{}, false // "that day" after "in 1990": no day to point at
	}
	when := shift(base, code, dir)
	switch code {
	case "W":
		r.value = weekValue(when)
	default:
		r.value = valueAt(when, code)
	}
	if pod != "" {
		r.typ, r.value = "TIME", r.value+"T"+pod
	}
	return r, true
}

// datedAfter reports whether a month name or a day number follows offset i
// ("Sat., Jan. 5", "Sun. 12"), which makes an abbreviated weekday one.
func (t *Tagger) datedAfter(tk *tokens, i int) bool {
	body := tk.body
	for i < len(body) && (body[i] == ',' || body[i] == ' ') {
		i++
	}
	if i < len(body) && body[i] >= '0' && body[i] <= '9' {
		return true
	}
	return t.month(tk.wordAfter(i)) != 0 && isCap(tk.wordAfter(i))
}
