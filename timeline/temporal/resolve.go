package temporal

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// docCtx is what normalisation may look at besides the match itself: the body,
// the DCT, and the dates resolved so far in the document (for "a year earlier").
// It lives for one Tag call only.
type docCtx struct {
	body   string
	ref    time.Time // DCT at day precision; zero when unknown
	hasRef bool
	// lastDate is the value of the last DATE resolved in document order, for
	// expressions relative to the narrative ("a year earlier", "the quarter").
	lastDate string
	// lastDay and lastDayEnd are the last explicit calendar day mentioned and
	// where its mention ends: a story that moved to "March 3" tells the
	// weekdays that follow against that day, not the DCT.
	lastDay    time.Time
	lastDayEnd int
}

func lower(s string) string { return strings.ToLower(s) }

func isCap(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// collapse lower-cases s and folds runs of spaces, for table lookups.
func collapse(s string) string { return strings.Join(strings.Fields(lower(s)), " ") }

func modOf(s string) string {
	switch s := collapse(s); s {
	case "":
		return ""
	case "early", "the beginning of", "beginning of", "the start of", "start of", "the early", "early this", "early next", "early last":
		return "START"
	case "late", "the end of", "end of", "the late", "late this", "late next", "late last":
		return "END"
	case "mid", "mid-", "the middle of", "middle of", "the mid":
		return "MID"
	}
	return ""
}

func modWOf(s string) string {
	switch collapse(s) {
	case "about", "around", "approximately", "roughly", "some":
		return "APPROX"
	case "nearly", "almost", "under", "less than", "fewer than", "just under":
		return "LESS_THAN"
	case "more than", "over", "just over", "well over":
		return "MORE_THAN"
	case "at least", "no less than":
		return "EQUAL_OR_MORE"
	case "at most", "no more than", "up to":
		return "EQUAL_OR_LESS"
	}
	return ""
}

func (t *Tagger) month(s string) int { return t.v.months[strings.TrimSuffix(lower(s), ".")] }

// number reads a count: digits, number words ("twenty-five"), "a", fractions;
// vague words give ok with vague set.
func (t *Tagger) number(s string) (n float64, vague, ok bool) {
	s = collapse(s)
	if s == "" {
		return 1, false, true
	}
	for _, w := range t.v.vague {
		if s == w {
			return 0, true, true
		}
	}
	half := 0.0
	if rest, ok := strings.CutSuffix(s, " and a half"); ok {
		s, half = rest, 0.5
	}
	if rest, ok := strings.CutSuffix(s, " 1/2"); ok {
		s, half = rest, 0.5
	}
	if f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
		return f + half, false, true
	}
	total := 0.0
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == ' ' })
	if len(parts) > 1 && (parts[0] == "a" || parts[0] == "an") {
		parts = parts[1:] // "a five-hour flight"
	}
	if f, ok := t.v.numbers[s]; ok { // "a couple of"
		return f + half, false, true
	}
	for _, p := range parts {
		f, ok := t.v.numbers[p]
		if !ok {
			return 0, false, false
		}
		total += f
	}
	return total + half, false, true
}

// fmtNum prints a count for a duration value: 2, 2.5.
func fmtNum(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }

// nearestYear picks the year for a month (and day) given without one: of the
// instances in the DCT's year and either side, the nearest one the tense allows.
// News reports the past but announces the near future even in past-tense
// reporting clauses, so a past sentence still admits a date up to three months
// ahead, and a future one a date up to a month back.
func (t *Tagger) nearestYear(c *docCtx, m *match, month, day int) int {
	refd := c.ref
	if day == 0 { // month granularity: compare months
		refd = date(c.ref.Year(), c.ref.Month(), 1)
	}
	tense := t.tenseAt(c.body, m.start, m.end)
	const mo30 = 24 * time.Hour * 30
	best, bestD := c.ref.Year(), time.Duration(1<<62)
	for y := c.ref.Year() - 1; y <= c.ref.Year()+1; y++ {
		d := date(y, time.Month(month), max(day, 1)).Sub(refd)
		if tense == tensePast && d > 3*mo30 || tense == tenseFuture && d < -mo30 {
			continue
		}
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = y, d
		}
	}
	return best
}

func resISO(t *Tagger, m *match, c *docCtx) (res, bool) {
	y, _ := strconv.Atoi(m.g("year"))
	if y < 100 {
		y += 1900
		if y < 1950 {
			y += 100
		}
	}
	mo, _ := strconv.Atoi(m.g("mm"))
	d, _ := strconv.Atoi(m.g("dd"))
	tm := date(y, time.Month(mo), d)
	if tm.Day() != d {
		return res{}, false
	}
	return res{typ: "DATE", value: dayValue(tm), anchor: "explicit"}, true
}

func resMonthDay(t *Tagger, m *match, c *docCtx) (res, bool) {
	ms := m.g("month")
	if !isCap(ms) {
		return res{}, false
	}
	mo := t.month(ms)
	d, _ := strconv.Atoi(m.g("day"))
	if mo == 0 || d < 1 || d > 31 {
		return res{}, false
	}
	// "Aug. 2,500" is a number, not a date.
	if e := m.end; e+1 < len(c.body) && (c.body[e] == ',' || c.body[e] == '.') && c.body[e+1] >= '0' && c.body[e+1] <= '9' {
		return res{}, false
	}
	// "May 5" after a modal is a verb and a count ("may 5 times") only lower-case,
	// which isCap already refused; but "May" opening a sentence followed by a
	// small number is still most often the month, so it is kept.
	r := res{typ: "DATE", mod: modOf(m.g("mod"))}
	ys := m.g("year")
	var y int
	switch {
	case ys != "":
		y, _ = strconv.Atoi(ys)
		r.anchor = "explicit"
	case c.hasRef:
		y = t.nearestYear(c, m, mo, d)
		r.anchor, r.relToDCT = "dct", true
	default:
		r.value = fmt.Sprintf("XXXX-%02d-%02d", mo, d)
		r.anchor = "relative"
		return r, true
	}
	tm := date(y, time.Month(mo), d)
	if tm.Day() != d {
		return res{}, false
	}
	r.value = dayValue(tm)
	return r, true
}

// wordBefore returns the lower-cased word ending just before offset i.
func wordBefore(body string, i int) string {
	j := i
	for j > 0 && body[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && (isLetter(body[k-1]) || body[k-1] == '.') {
		k--
	}
	return lower(body[k:j])
}

// wordAfter returns the lower-cased word starting just after offset i.
func wordAfter(body string, i int) string {
	j := i
	for j < len(body) && body[j] == ' ' {
		j++
	}
	k := j
	for k < len(body) && (isLetter(body[k]) || body[k] == '-') {
		k++
	}
	return body[j:k]
}

var monthPreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "during": true, "from": true,
	"to": true, "through": true, "before": true, "after": true, "of": true, "early": true, "late": true,
	"mid": true, "last": true, "next": true, "this": true, "between": true, "and": true, "or": true,
	"since.": true, "end": true, "throughout": true,
}

func resMonth(t *Tagger, m *match, c *docCtx) (res, bool) {
	ms := m.g("month")
	if !isCap(ms) {
		return res{}, false
	}
	mo := t.month(ms)
	if mo == 0 {
		return res{}, false
	}
	ys, rel, rel2 := m.g("year"), collapse(m.g("rel")), collapse(m.g("rel2"))
	bare := ys == "" && rel == "" && rel2 == "" && m.g("mod") == ""
	if bare {
		word := strings.TrimSuffix(lower(ms), ".")
		if len(word) <= 4 && word != "may" && word != "june" && word != "july" {
			return res{}, false // a bare "Jan" or "Sept." is rarely a date on its own
		}
		if word == "may" || word == "march" {
			if !monthPreps[wordBefore(c.body, m.start)] {
				return res{}, false
			}
		}
	}
	r := res{typ: "DATE", mod: modOf(m.g("mod"))}
	var y int
	switch {
	case ys != "":
		y, _ = strconv.Atoi(ys)
		r.anchor = "explicit"
	case !c.hasRef:
		r.value, r.anchor = fmt.Sprintf("XXXX-%02d", mo), "relative"
		return r, true
	default:
		r.anchor, r.relToDCT = "dct", true
		y = c.ref.Year()
		cur := int(c.ref.Month())
		switch {
		case strings.Contains(rel2, "last"):
			y--
		case strings.Contains(rel2, "next"):
			y++
		case strings.Contains(rel2, "this"), strings.Contains(rel, "this"):
		case rel == "last":
			if mo >= cur {
				y--
			}
		case rel == "next":
			if mo <= cur {
				y++
			}
		default:
			y = t.nearestYear(c, m, mo, 0)
		}
	}
	r.value = monthValue(y, mo)
	return r, true
}

// determiners before a four-digit number make it a year used as a modifier ("the
// 2012 elections"); a count would take none.
var determiners = map[string]bool{"the": true, "its": true, "his": true, "her": true, "their": true, "our": true, "this": true, "that": true, "these": true, "those": true}

// looksLikeCount reports whether the digits around a year-like number make it an
// amount ("$2,012", "2012.5", "1998%").
func looksLikeCount(body string, m *match) bool {
	s, e := m.gpos("year"), m.end
	if s > 0 {
		p := body[s-1]
		if p == '$' || p == '#' || (p == ',' || p == '.') && s > 1 && body[s-2] >= '0' && body[s-2] <= '9' {
			return true
		}
	}
	if next := strings.ToLower(wordAfter(body, e)); next == "gmt" || next == "utc" || next == "hours" || next == "hrs" {
		return true // "1600 GMT" is a clock time
	}
	if e < len(body) {
		n := body[e]
		if n == '%' || (n == ',' || n == '.' || n == ':') && e+1 < len(body) && body[e+1] >= '0' && body[e+1] <= '9' {
			return true
		}
	}
	return false
}

func resYear(t *Tagger, m *match, c *docCtx) (res, bool) {
	ys := m.g("year")
	y, _ := strconv.Atoi(ys)
	if looksLikeCount(c.body, m) {
		return res{}, false
	}
	ys0 := m.gpos("year")
	prev := wordBefore(c.body, m.start)
	if t.notYear[strings.TrimSuffix(prev, ".")] || t.notYear[prev] {
		return res{}, false
	}
	if m.g("mod") == "" && m.g("fiscal") == "" && !monthPreps[prev] && !determiners[prev] {
		// "2012 troops", "1500 people": a bare number before a plural noun.
		next := wordAfter(c.body, m.end)
		if len(next) > 3 && next[0] >= 'a' && next[0] <= 'z' && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") {
			return res{}, false
		}
		if c.hasRef && y > c.ref.Year()+30 {
			return res{}, false
		}
	}
	_ = ys0
	return res{typ: "DATE", value: yearValue(y), mod: modOf(m.g("mod")), anchor: "explicit"}, true
}

func resDecade(t *Tagger, m *match, c *docCtx) (res, bool) {
	var v string
	if cent := m.g("cent"); cent != "" {
		v = cent + m.g("dec")
	} else {
		cen := 19
		if c.hasRef {
			cen = c.ref.Year() / 100
			if d, _ := strconv.Atoi(m.g("dec2")); d*10 > c.ref.Year()%100 {
				cen--
			}
		}
		v = strconv.Itoa(cen) + m.g("dec2")
	}
	return res{typ: "DATE", value: v, mod: modOf(m.g("mod")), anchor: "explicit"}, true
}

func resCentury(t *Tagger, m *match, c *docCtx) (res, bool) {
	n, _ := strconv.Atoi(m.g("ord"))
	if n < 1 || n > 30 {
		return res{}, false
	}
	return res{typ: "DATE", value: fmt.Sprintf("%02d", n-1), mod: modOf(m.g("mod")), anchor: "explicit"}, true
}

var ordinalQ = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

func quarterValue(y, q int) string { return fmt.Sprintf("%04d-Q%d", y, q) }

func resQuarter(t *Tagger, m *match, c *docCtx) (res, bool) {
	q := ordinalQ[lower(m.g("qn"))]
	if q == 0 {
		// "the 1988 period": the quarter under discussion, in that year.
		y, _ := strconv.Atoi(m.g("year"))
		if !c.hasRef {
			return res{typ: "DATE", value: yearValue(y), anchor: "explicit"}, true
		}
		_, q = reportedQuarter(c)
		return res{typ: "DATE", value: quarterValue(y, q), anchor: "explicit", noTrack: true}, true
	}
	r := res{typ: "DATE", anchor: "explicit"}
	ys := m.g("year") + m.g("year2")
	var y int
	switch {
	case ys != "":
		y, _ = strconv.Atoi(ys)
	case !c.hasRef:
		r.value, r.anchor = fmt.Sprintf("XXXX-Q%d", q), "relative"
		return r, true
	default:
		y = c.ref.Year()
		if m.g("ya") != "" {
			y--
		}
		switch yq := lower(m.g("yq")); {
		case strings.HasPrefix(yq, "last"):
			y--
		case strings.HasPrefix(yq, "next"):
			y++
		case yq == "" && q > (int(c.ref.Month())+2)/3 && t.tenseAt(c.body, m.start, m.end) != tenseFuture:
			y-- // a quarter still to come, reported on: last year's
		}
		r.anchor, r.relToDCT = "dct", true
	}
	r.value = quarterValue(y, q)
	return r, true
}

// reportedQuarter is the quarter a business story most likely reports on: the
// last mentioned one, else the one that ended before the DCT.
func reportedQuarter(c *docCtx) (int, int) {
	if len(c.lastDate) == 7 && c.lastDate[5] == 'Q' {
		y, _ := strconv.Atoi(c.lastDate[:4])
		q := int(c.lastDate[6] - '0')
		if f := date(y, time.Month(3*q-2), 1); !f.After(c.ref) {
			return y, q
		}
	}
	d := c.ref.AddDate(0, 0, -45)
	return d.Year(), (int(d.Month())-1)/3 + 1
}

func resQuarterRel(t *Tagger, m *match, c *docCtx) (res, bool) {
	if !c.hasRef {
		return res{typ: "DATE", value: "XXXX-QX", anchor: "relative"}, true
	}
	s := collapse(m.g("qrel"))
	y, q := reportedQuarter(c)
	cy, cq := c.ref.Year(), (int(c.ref.Month())-1)/3+1
	switch {
	case m.g("ly") != "" && (strings.Contains(s, "same") || strings.Contains(s, "corresponding") || strings.Contains(s, "comparable")):
		y--
	case m.g("ly") != "":
		return res{}, false
	case strings.Contains(s, "year-earlier"), strings.Contains(s, "year-ago"), strings.Contains(s, "corresponding"), strings.Contains(s, "comparable"):
		y--
	case s == "this quarter", strings.Contains(s, "current"):
		y, q = cy, cq
	case s == "next quarter":
		y, q = cy, cq+1
		if q == 5 {
			y, q = y+1, 1
		}
	case s == "last quarter", strings.Contains(s, "previous"):
		y, q = cy, cq-1
		if q == 0 {
			y, q = y-1, 4
		}
	}
	// a comparison period does not move the story to it
	ry, _ := reportedQuarter(c)
	return res{typ: "DATE", value: quarterValue(y, q), anchor: "relative", relToDCT: true, noTrack: y != ry}, true
}

func resHalf(t *Tagger, m *match, c *docCtx) (res, bool) {
	h := 1
	if lower(m.g("hn")) == "second" {
		h = 2
	}
	if ys := m.g("year"); ys != "" {
		return res{typ: "DATE", value: ys + fmt.Sprintf("-H%d", h), anchor: "explicit"}, true
	}
	if !c.hasRef {
		return res{typ: "DATE", value: fmt.Sprintf("XXXX-H%d", h), anchor: "relative"}, true
	}
	return res{typ: "DATE", value: fmt.Sprintf("%04d-H%d", c.ref.Year(), h), anchor: "dct", relToDCT: true}, true
}

func resRel(t *Tagger, m *match, c *docCtx) (res, bool) {
	if isCap(m.g("unit")) && isCap(m.g("rel")) && m.start > 0 && !isBoundaryBefore(c.body, m.start) {
		return res{}, false // "ABC's This Week": a title
	}
	rel := collapse(m.g("rel"))
	u := collapse(m.g("unit"))
	mod := modOf(m.g("mod"))
	if mod == "" {
		mod = modOf(rel)
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
// bare weekday (bare set) by tense, the anchor day itself when it matches.
func weekdayFrom(anchor time.Time, wd, dir int, bare bool, tense int) time.Time {
	cur := isoWeekday(anchor)
	switch {
	case bare && tense == tenseFuture:
		d := (wd - cur + 7) % 7
		return anchor.AddDate(0, 0, d)
	case bare && tense == tenseNone:
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

// rangeWords before a weekday make it the end of a range from the narrative day,
// told against the DCT ("from Sept. 14 to Thursday").
var rangeWords = map[string]bool{"to": true, "until": true, "through": true, "till": true, "and": true}

// deadlineWords before a weekday set a deadline, which lies ahead unless the
// sentence says otherwise.
var deadlineWords = map[string]bool{"until": true, "till": true, "by": true, "before": true}

func resWeekday(t *Tagger, m *match, c *docCtx) (res, bool) {
	ws := m.g("wd")
	if !isCap(ws) {
		return res{}, false
	}
	wd := t.v.weekdays[strings.TrimSuffix(lower(ws), ".")]
	if wd == 0 {
		return res{}, false
	}
	rel := lower(m.g("rel"))
	r := res{typ: "DATE", anchor: "dct", relToDCT: true}
	if !c.hasRef {
		r.value, r.anchor = fmt.Sprintf("XXXX-WXX-%d", wd), "relative"
		return r, true
	}
	dir := 0
	switch rel {
	case "last", "past":
		dir = -1
	case "next", "coming":
		dir = 1
	}
	tense := t.tenseAt(c.body, m.start, m.end)
	if rest := c.body[m.end:min(len(c.body), m.end+4)]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		tense = tensePast // "Wednesday's ruling" reports what has happened
	}
	if deadlineWords[wordBefore(c.body, m.start)] && tense != tensePast {
		tense = tenseFuture // "until Tuesday", "by Friday": a deadline ahead
	}
	anchor := c.ref
	if ss, _ := sentenceBounds(c.body, m.start, m.end); !c.lastDay.IsZero() && c.lastDayEnd > ss && c.ref.Sub(c.lastDay) > 7*24*time.Hour && !rangeWords[wordBefore(c.body, m.start)] {
		anchor = c.lastDay
		if rel == "" {
			// the narrative moves forward: the first such weekday from that day
			off := (wd - isoWeekday(anchor) + 7) % 7
			r.value = dayValue(anchor.AddDate(0, 0, off))
			return r, true
		}
	}
	d := weekdayFrom(anchor, wd, dir, rel == "", tense)
	// "Friday morning" stays a DATE of the day: TimeBank annotates it so, and
	// the part of day rarely matters for dating an event.
	r.value = dayValue(d)
	return r, true
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
	return res{typ: f.Type, value: f.Value, anchor: "dct", relToDCT: true}, true
}

func resDayWord(t *Tagger, m *match, c *docCtx) (res, bool) {
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
	if prel == "last" && pod != "NI" {
		return res{}, false // "last morning" is not a deictic
	}
	r := res{typ: "DATE", anchor: "dct", relToDCT: true}
	if c.hasRef {
		r.value = dayValue(c.ref.AddDate(0, 0, off))
	} else {
		r.value, r.anchor = "XXXX-XX-XX", "relative"
	}
	if pod != "" {
		r.typ, r.value = "TIME", r.value+"T"+pod
	}
	return r, true
}

func (t *Tagger) unitOf(s string) (unit, bool) {
	u, ok := t.v.units[lower(s)]
	return u, ok
}

func resAgo(t *Tagger, m *match, c *docCtx) (res, bool) {
	n, vague, ok := t.number(m.g("num"))
	u, uok := t.unitOf(m.g("unit"))
	if !ok || !uok {
		return res{}, false
	}
	dir := collapse(m.g("dir"))
	mod := modWOf(m.g("modw"))
	if dir == "before" || dir == "after" {
		// "two days before the vote": the duration is the timex, the rest a signal.
		r, ok := durationRes(u, n, vague, mod)
		r.end = m.gpos("dir")
		for r.end > m.start && c.body[r.end-1] == ' ' {
			r.end--
		}
		return r, ok
	}
	if vague {
		if dir == "ago" || dir == "earlier" {
			return res{typ: "DATE", value: "PAST_REF", mod: mod, anchor: "dct", relToDCT: true}, true
		}
		return res{typ: "DATE", value: "FUTURE_REF", mod: mod, anchor: "dct", relToDCT: true}, true
	}
	sign := -1
	if dir == "later" || dir == "from now" || dir == "hence" {
		sign = 1
	}
	r := res{typ: "DATE", mod: mod, anchor: "dct", relToDCT: true, noTrack: true}
	anchor := c.ref
	if dir == "ago" && u.Code == "Y" && n == 1 && len(c.lastDate) == 7 && c.lastDate[5] == 'Q' {
		// "profit rose from a year ago" after a quarter: that quarter a year before.
		y, _ := strconv.Atoi(c.lastDate[:4])
		r.value = quarterValue(y-1, int(c.lastDate[6]-'0'))
		return r, true
	}
	if dir == "earlier" || dir == "later" {
		r.anchor, r.relToDCT = "relative", false
		if c.lastDate != "" {
			// relative to the narrative: keep the granularity of the last date
			// ("the third quarter ... a year earlier" is the year's third quarter).
			if f, _, g, ok := bounds(c.lastDate); ok && u.Code == "Y" && n == float64(int(n)) {
				switch g {
				case timeline.GranQuarter:
					r.value = quarterValue(f.Year()+sign*int(n), (int(f.Month())+2)/3)
					return r, true
				case timeline.GranMonth:
					r.value = valueAt(f.AddDate(sign*int(n), 0, 0), "M")
					return r, true
				case timeline.GranDay:
					r.value = dayValue(f.AddDate(sign*int(n), 0, 0))
					return r, true
				}
				anchor = f
			} else if ok {
				anchor = f
			}
		}
	}
	if anchor.IsZero() {
		r.value = "XXXX"
		return r, true
	}
	if n != float64(int(n)) {
		return durationRes(u, n, vague, mod)
	}
	code := u.Code
	if u.Time {
		code = "D"
	}
	when := shift(anchor, code, sign*int(n))
	switch code {
	case "W", "WE", "2W":
		code = "D"
	}
	r.value = valueAt(when, code)
	return r, true
}

// resIn reads "in five years": a TimeML DURATION (P5Y), whose day bounds are
// those of the point it reaches from the DCT (the year 2005).
func resIn(t *Tagger, m *match, c *docCtx) (res, bool) {
	n, vague, ok := t.number(m.g("num"))
	u, uok := t.unitOf(m.g("unit"))
	if !ok || !uok || vague || n != float64(int(n)) || u.Time {
		return res{}, false
	}
	r, ok := durationRes(u, n, false, "")
	if !ok {
		return r, false
	}
	r.start, r.end = m.gpos("num"), m.end
	if c.hasRef {
		code := u.Code
		when := shift(c.ref, code, int(n))
		if code == "W" || code == "WE" || code == "2W" {
			code = "D"
		}
		r.point, r.anchor, r.relToDCT = valueAt(when, code), "dct", true
	}
	return r, true
}

var yearsPer = map[string]float64{"DE": 10, "CE": 100, "ML": 1000}

func durationRes(u unit, n float64, vague bool, mod string) (res, bool) {
	q := fmtNum(n)
	if vague {
		q = "X"
	}
	code := u.Code
	if code == "WE" {
		return res{typ: "DURATION", value: "P" + q + "WE", mod: mod, anchor: "relative"}, true
	}
	if code == "2W" {
		code = "W"
		if !vague {
			q = fmtNum(2 * n)
		}
	}
	// Decades and centuries are counted in years, as TimeBank does (P10Y).
	if f, ok := yearsPer[code]; ok {
		code = "Y"
		if !vague {
			q = fmtNum(f * n)
		}
	}
	if strings.Contains(q, ".") && !vague {
		// TIMEX3 wants integers: 5.5 hours is PT5H30M, 2.5 years P30M.
		switch code {
		case "H":
			return res{typ: "DURATION", value: fmt.Sprintf("PT%dH%dM", int(n), int((n-float64(int(n)))*60)), mod: mod}, true
		case "Y":
			if n*2 == float64(int(n*2)) {
				return res{typ: "DURATION", value: fmt.Sprintf("P%dY6M", int(n)), mod: mod}, true
			}
			q, code = fmtNum(n*12), "M"
		case "D":
			q, code = fmtNum(n*24), "H"
			return res{typ: "DURATION", value: "PT" + q + code, mod: mod}, true
		}
	}
	if u.Time {
		return res{typ: "DURATION", value: "PT" + q + code, mod: mod}, true
	}
	return res{typ: "DURATION", value: "P" + q + code, mod: mod}, true
}

func resDuration(t *Tagger, m *match, c *docCtx) (res, bool) {
	us := m.g("unit")
	u, ok := t.unitOf(us)
	if !ok {
		return res{}, false
	}
	det := collapse(m.g("det"))
	nums := m.g("num")
	plural := strings.HasSuffix(lower(us), "s") || lower(us) == "millennia"
	if nums == "" {
		switch {
		case plural && (det == "" || det == "recent" || det == "the past" || det == "the last" || det == "the next" || det == "the coming" || det == "coming" || det == "past" || det == "the" || det == "the first" || det == "the previous" || det == "the following" || det == "the remaining"):
		case !plural && (det == "the past" || det == "the last" || det == "the next" || det == "the coming" || det == "the previous" || det == "the following" || det == "the current" || det == "another" || det == "an additional"):
		case !plural && det == "the" && (u.Gran == "year" || u.Gran == "week" || u.Code == "WE"):
		default:
			return res{}, false
		}
	}
	if strings.HasPrefix(det, "the first") && nums == "" && !plural {
		return res{}, false
	}
	// Ages are not durations of anything the story dates: "a 10-year-old".
	if rest := c.body[m.end:min(len(c.body), m.end+6)]; strings.HasPrefix(rest, "-old") || strings.HasPrefix(rest, " old") {
		return res{}, false
	}
	n, vague, ok := t.number(nums)
	if !ok {
		return res{}, false
	}
	if nums == "" && plural {
		vague = true
	}
	if !vague && n == 0 {
		return res{}, false
	}
	if ln := lower(nums); (ln == "a" || ln == "an" || ln == "per") && det == "" && m.g("modw") == "" && isRateContext(c.body, m.start) {
		return res{}, false // "$2 million a year", "four flights a week": a rate
	}
	if lower(us) == "second" && (nums == "" || lower(nums) == "a") {
		return res{}, false // "second" is an ordinal far more often
	}
	if strings.HasPrefix(lower(us), "quarter") && m.gpos("unit") > 0 && c.body[m.gpos("unit")-1] == '-' {
		return res{}, false // "three-quarters" is a fraction
	}
	if det == "the" && !plural && nums == "" {
		if u.Code == "WE" && c.hasRef {
			d := c.ref
			if wd := isoWeekday(d); wd < 6 && t.tenseAt(c.body, m.start, m.end) != tenseFuture {
				d = d.AddDate(0, 0, -wd) // the weekend just past
			}
			return res{typ: "DATE", value: weekValue(d) + "-WE", anchor: "dct", relToDCT: true}, true
		}
	}
	r, ok := durationRes(u, n, vague, modWOf(m.g("modw")))
	if !ok {
		return r, ok
	}
	if ln := collapse(nums); (strings.HasPrefix(ln, "a ") || strings.HasPrefix(ln, "an ")) && det == "" && m.g("modw") == "" && t.v.numbers[ln] == 0 {
		// "a five-hour flight": the article is not part of the expression.
		p := m.gpos("num") + strings.IndexByte(nums, ' ')
		for p < m.end && c.body[p] == ' ' {
			p++
		}
		r.start = p
	}
	switch det {
	case "the past", "the last", "past", "last", "the previous", "recent", "the next", "the coming", "coming", "next", "the following":
		r.relToDCT = true
	case "the":
		if nums != "" || plural {
			// "the two days", "the weeks": the article is not part of it.
			r.start = m.gpos("det") + 3
			for r.start < m.end && c.body[r.start] == ' ' {
				r.start++
			}
		}
	}
	if (det == "recent" || det == "past") && nums == "" && !plural {
		return res{}, false
	}
	if (det == "the past" || det == "the last") && nums == "" && !plural && c.hasRef {
		// "the past year" is annotated in TimeBank as the year before, like
		// "last year".
		switch u.Code {
		case "Y":
			return res{typ: "DATE", value: yearValue(c.ref.Year() - 1), anchor: "dct", relToDCT: true}, true
		case "M":
			return res{typ: "DATE", value: valueAt(c.ref.AddDate(0, -1, 0), "M"), anchor: "dct", relToDCT: true}, true
		case "W":
			return res{typ: "DATE", value: weekValue(c.ref.AddDate(0, 0, -7)), anchor: "dct", relToDCT: true}, true
		}
	}
	return r, true
}

func resClock(t *Tagger, m *match, c *docCtx) (res, bool) {
	var hh, mm int
	if h24 := m.g("h24"); h24 != "" {
		hh, _ = strconv.Atoi(h24)
		mm, _ = strconv.Atoi(m.g("m24"))
	} else if hm := lower(m.g("hm")); hm != "" {
		if wordBefore(c.body, m.start) == "high" {
			return res{}, false // "high noon" is an idiom
		}
		hh = 12
		if hm == "midnight" {
			hh = 24
		}
	} else {
		h, mi, ok := t.clockOf(m.body[m.loc[0]:m.loc[1]], m.g("h"), m.g("mi"), m.g("ampm"))
		if !ok {
			return res{}, false
		}
		hh, mm = h, mi
	}
	day := "XXXX-XX-XX"
	anchor := "relative"
	if c.hasRef {
		anchor = "dct"
		d := c.ref
		dw := lower(m.g("dayw"))
		switch {
		case dw == "tomorrow":
			d = d.AddDate(0, 0, 1)
		case dw == "yesterday":
			d = d.AddDate(0, 0, -1)
		case t.v.weekdays[dw] != 0:
			tense := t.tenseAt(c.body, m.start, m.end)
			if deadlineWords[wordBefore(c.body, m.start)] && tense != tensePast {
				tense = tenseFuture
			}
			d = weekdayFrom(c.ref, t.v.weekdays[dw], 0, true, tense)
		case m.g("month") != "":
			mo := t.month(m.g("month"))
			f := strings.Fields(dw)
			dd, _ := strconv.Atoi(f[len(f)-1])
			d = date(t.nearestYear(c, m, mo, dd), time.Month(mo), dd)
		}
		day = dayValue(d)
	}
	v := fmt.Sprintf("%sT%02d:%02d", day, hh, mm)
	if hh == 24 {
		v = day + "T24:00"
	}
	return res{typ: "TIME", value: v, mod: modWOf(m.g("modw")), anchor: anchor, relToDCT: c.hasRef, dayless: m.g("dayw") == ""}, true
}

func resSeason(t *Tagger, m *match, c *docCtx) (res, bool) {
	s := lower(m.g("season"))
	code := t.v.seasons[s]
	rel := collapse(m.g("rel"))
	ys := m.g("year")
	if s == "fall" && ys == "" && (rel == "" || rel == "the") {
		return res{}, false
	}
	if isCap(m.g("season")) && ys == "" && isCap(wordAfter(c.body, m.end)) {
		// "Winter Olympics", "Spring Valley": part of a name.
		return res{}, false
	}
	if rel == "" && ys == "" && m.g("mod") == "" && isCap(m.g("season")) && m.start > 0 {
		// A capitalised bare season mid-sentence is a name more often than a date.
		return res{}, false
	}
	r := res{typ: "DATE", mod: modOf(m.g("mod")), anchor: "explicit"}
	var y int
	switch {
	case ys != "":
		y, _ = strconv.Atoi(ys)
	case !c.hasRef:
		r.value, r.anchor = "XXXX-"+code, "relative"
		return r, true
	default:
		r.anchor, r.relToDCT = "dct", true
		y = c.ref.Year()
		cur := int(c.ref.Month())
		start := seasonMonths[code][0]
		switch rel {
		case "last", "the past":
			y--
		case "next", "the coming":
			if start <= cur {
				y++
			}
		case "this":
		default:
			tense := t.tenseAt(c.body, m.start, m.end)
			if tense == tensePast && start > cur {
				y--
			} else if tense == tenseFuture && start+2 < cur {
				y++
			}
		}
	}
	r.value = fmt.Sprintf("%04d-%s", y, code)
	return r, true
}

func resHoliday(t *Tagger, m *match, c *docCtx) (res, bool) {
	hs := m.g("hol")
	if !isCap(hs) {
		return res{}, false
	}
	name := collapse(hs)
	name = strings.ReplaceAll(name, "’", "'")
	var rule string
	for _, h := range t.v.holidays {
		if h.Name == name {
			rule = h.Rule
			break
		}
	}
	if rule == "" {
		return res{}, false
	}
	r := res{typ: "DATE", anchor: "explicit"}
	var y int
	switch {
	case m.g("year") != "":
		y, _ = strconv.Atoi(m.g("year"))
	case !c.hasRef:
		if d, ok := holidayDate(rule, 2001); ok && !strings.HasPrefix(rule, "easter") && !strings.HasPrefix(rule, "nth") {
			r.value = "XXXX" + dayValue(d)[4:]
		} else {
			r.value = "XXXX-XX-XX"
		}
		r.anchor = "relative"
		return r, true
	default:
		r.anchor, r.relToDCT = "dct", true
		y = c.ref.Year()
		d, _ := holidayDate(rule, y)
		switch rel := lower(m.g("rel")); {
		case rel == "last":
			if !d.Before(c.ref) {
				y--
			}
		case rel == "next":
			if !d.After(c.ref) {
				y++
			}
		default:
			tense := t.tenseAt(c.body, m.start, m.end)
			if tense == tensePast && d.After(c.ref) {
				y--
			} else if tense == tenseFuture && d.Before(c.ref) {
				y++
			}
		}
	}
	d, ok := holidayDate(rule, y)
	if !ok {
		return res{}, false
	}
	r.value = dayValue(d)
	return r, true
}

func resSet(t *Tagger, m *match, c *docCtx) (res, bool) {
	if w := lower(m.g("set")); w != "" {
		v, ok := t.v.sets[w]
		if !ok {
			return res{}, false
		}
		return res{typ: "SET", value: v, anchor: "relative"}, true
	}
	quant := strings.ToUpper(lower(m.g("every")))
	us := lower(m.g("unit"))
	if wd := t.v.weekdays[us]; wd != 0 {
		return res{typ: "SET", value: fmt.Sprintf("XXXX-WXX-%d", wd), quant: quant, anchor: "relative"}, true
	}
	if mo := t.month(us); mo != 0 && isCap(m.g("unit")) {
		return res{typ: "SET", value: fmt.Sprintf("XXXX-%02d", mo), quant: quant, anchor: "relative"}, true
	}
	if code, ok := t.v.seasons[us]; ok {
		return res{typ: "SET", value: "XXXX-" + code, quant: quant, anchor: "relative"}, true
	}
	u, ok := t.unitOf(us)
	if !ok {
		return res{}, false
	}
	n, vague, ok := t.number(m.g("num"))
	if !ok || vague {
		return res{}, false
	}
	r, _ := durationRes(u, n, false, "")
	r.typ, r.quant = "SET", quant
	if quant == "PER" {
		r.quant = ""
	}
	return r, true
}

// resYearAgo reads the adjectives "year-earlier", "year-ago" ("year-earlier
// profit"): the period under discussion, a year before.
func resYearAgo(t *Tagger, m *match, c *docCtx) (res, bool) {
	r := res{typ: "DATE", anchor: "relative", noTrack: true}
	if len(c.lastDate) == 7 && c.lastDate[5] == 'Q' {
		y, _ := strconv.Atoi(c.lastDate[:4])
		r.value = quarterValue(y-1, int(c.lastDate[6]-'0'))
		return r, true
	}
	if !c.hasRef {
		r.value = "XXXX"
		return r, true
	}
	r.value, r.anchor, r.relToDCT = yearValue(c.ref.Year()-1), "dct", true
	return r, true
}

// resEdge reads "the end of the year", "the beginning of the month": the DCT's
// year, month or week with a START/MID/END mod.
func resEdge(t *Tagger, m *match, c *docCtx) (res, bool) {
	r := res{typ: "DATE", mod: modOf(m.g("mod")), anchor: "dct", relToDCT: true}
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

// resSpoken reads years said in words ("nineteen ninety-six"), as broadcast
// transcripts write them, with an optional month or season before.
func resSpoken(t *Tagger, m *match, c *docCtx) (res, bool) {
	if m.g("thousand") != "" {
		if !strings.HasPrefix(collapse(m.g("pre")), "the year") {
			return res{}, false // "two thousand people"
		}
		return res{typ: "DATE", value: "2000", anchor: "explicit"}, true
	}
	cent := 19
	if lower(m.g("c")) == "twenty" {
		cent = 20
	}
	n, vague, ok := t.number(m.g("rest"))
	if !ok || vague || n < 10 || n > 99 || n != float64(int(n)) {
		return res{}, false
	}
	y := cent*100 + int(n)
	r := res{typ: "DATE", value: yearValue(y), anchor: "explicit"}
	if ms := m.g("month"); ms != "" {
		if !isCap(ms) {
			return res{}, false
		}
		r.value = monthValue(y, t.month(ms))
	}
	if s := lower(m.g("season")); s != "" {
		r.value = fmt.Sprintf("%04d-%s", y, t.v.seasons[s])
	}
	return r, true
}

// resFiscal reads "the fiscal year" (a year-long duration) and "the current /
// last fiscal year" (that year, named by the calendar year it ends in).
func resFiscal(t *Tagger, m *match, c *docCtx) (res, bool) {
	det := collapse(m.g("fdet"))
	dir := 0
	switch {
	case det == "the" || det == "the new" || det == "the coming":
		return res{typ: "DURATION", value: "P1Y", anchor: "relative"}, true
	case strings.Contains(det, "last") || strings.Contains(det, "previous"):
		dir = -1
	case strings.Contains(det, "next"):
		dir = 1
	}
	if !c.hasRef {
		return res{typ: "DATE", value: "XXXX", anchor: "relative"}, true
	}
	return res{typ: "DATE", value: yearValue(c.ref.Year() + dir), anchor: "dct", relToDCT: true}, true
}

// resYearEnd reads "year-end" (the end of the DCT's year) and "the full year".
func resYearEnd(t *Tagger, m *match, c *docCtx) (res, bool) {
	dir := 0
	switch lower(m.g("fdet")) {
	case "last":
		dir = -1
	case "next":
		dir = 1
	}
	r := res{typ: "DATE", anchor: "dct", relToDCT: true}
	if m.g("end") != "" {
		r.mod = "END"
	}
	if !c.hasRef {
		r.value, r.anchor = "XXXX", "relative"
		return r, true
	}
	r.value = yearValue(c.ref.Year() + dir)
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

// isRateContext reports whether the words before offset i make "a year" a rate:
// a number, an amount or a plural count ("24 hours a day", "$5 million a year").
func isRateContext(body string, i int) bool {
	j := i
	for j > 0 && body[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && body[k-1] != ' ' && body[k-1] != '\n' {
		k--
	}
	w := lower(body[k:j])
	if w == "" {
		return false
	}
	if w[len(w)-1] >= '0' && w[len(w)-1] <= '9' || w == "million" || w == "billion" || w == "thousand" || w == "percent" || w == "cents" || w == "dollars" || strings.HasSuffix(w, "%") {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s") && isLetter(w[0])
}

// isBoundaryBefore reports whether offset i starts a sentence.
func isBoundaryBefore(body string, i int) bool {
	j := i
	for j > 0 && (body[j-1] == ' ' || body[j-1] == '"' || body[j-1] == '`' || body[j-1] == '\'') {
		j--
	}
	return j == 0 || isBoundary(body, j-1)
}

// resQuarterAbbr reads business shorthand: "Q3", "Q3 2018", "Q1 '19".
func resQuarterAbbr(t *Tagger, m *match, c *docCtx) (res, bool) {
	qa := m.g("qa")
	if qa[0] != 'Q' {
		return res{}, false // "q3" in lower case is rarely a quarter
	}
	q := int(qa[1] - '0')
	r := res{typ: "DATE", anchor: "explicit"}
	switch {
	case m.g("year") != "":
		y, _ := strconv.Atoi(m.g("year"))
		r.value = quarterValue(y, q)
	case m.g("yy") != "":
		yy, _ := strconv.Atoi(m.g("yy"))
		r.value = quarterValue(2000+yy, q)
		if c.hasRef && 2000+yy > c.ref.Year()+20 {
			r.value = quarterValue(1900+yy, q)
		}
	case c.hasRef:
		r.value, r.anchor, r.relToDCT = quarterValue(c.ref.Year(), q), "dct", true
	default:
		r.value, r.anchor = fmt.Sprintf("XXXX-Q%d", q), "relative"
	}
	return r, true
}
