package temporal

// Normalisers for calendar dates: days, months, years, decades, seasons and
// holidays, told explicitly or by the DCT and the tense.

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

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
	return t.nearestInstance(c, m, refd, func(y int) time.Time { return date(y, time.Month(month), max(day, 1)) })
}

// nearestInstance picks, of the instances at(y) for the DCT's year and either
// side, the one nearest refd that the tense allows (see nearestYear).
func (t *Tagger) nearestInstance(c *docCtx, m *match, refd time.Time, at func(y int) time.Time) int {
	tense := t.tenseAt(c.tokens, m.start, m.end)
	if t.aheadBefore(c.body, m.start) {
		tense = tenseFuture // "effective Feb. 1": when something takes effect
	}
	since := sinceBefore(c.body, m.start) // "since Christmas": it has happened
	const mo30 = 24 * time.Hour * 30
	best, bestD := c.ref.Year(), time.Duration(1<<62)
	for y := c.ref.Year() - 1; y <= c.ref.Year()+1; y++ {
		d := at(y).Sub(refd)
		if since && d > 0 || tense == tensePast && d > 3*mo30 || tense == tenseFuture && d < -mo30 {
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
	r := res{typ: "DATE", mod: t.modOf(m.g("mod"))}
	ys := m.g("year")
	var y int
	switch {
	case ys != "":
		y, _ = strconv.Atoi(ys)
		r.anchor = "explicit"
	case c.hasRef && m.g("rel") != "":
		// "last Oct. 23": the latest such day before the DCT; "next May 1"
		// the first after it
		y = c.ref.Year()
		if lower(m.g("rel")) == "last" {
			if !date(y, time.Month(mo), d).Before(c.ref) {
				y--
			}
		} else if !date(y, time.Month(mo), d).After(c.ref) {
			y++
		}
		r.anchor, r.relToDCT = "dct", true
	case c.hasRef:
		y = t.nearestYear(c, m, mo, d)
		r.anchor, r.relToDCT = "dct", true
	default:
		r.value = fmt.Sprintf("XXXX-%02d-%02d", mo, d)
		r.anchor = "relative"
		return r, true
	}
	tm, ok := t.whenMonthDay(mo, d, y)
	if !ok {
		return res{}, false
	}
	r.value = dayValue(tm)
	return r, true
}

// resMonthDays reads two days of a month joined by "and" or "or" ("April 24
// and 25", "August 6 and 9, 1945"): two expressions, the second a bare day
// number that takes its month (and the year) from the first.
func resMonthDays(t *Tagger, m *match, c *docCtx) (res, bool) {
	d2 := m.g("day2")
	p2 := m.gpos("day2")
	if rest := strings.TrimLeft(c.body[m.end:min(len(c.body), m.end+10)], " "); strings.HasPrefix(rest, "%") || strings.HasPrefix(lower(rest), "percent") {
		return res{}, false // "May 5 and 6 percent": amounts
	}
	r, ok := resMonthDay(t, m, c)
	if !ok {
		return r, false
	}
	n2, _ := strconv.Atoi(d2)
	first, err := time.Parse("2006-01-02", r.value)
	var v2 string
	switch {
	case err == nil:
		second := date(first.Year(), first.Month(), n2)
		if second.Day() != n2 || n2 <= first.Day() {
			return res{}, false // no such day, or not a later one: no pair of days
		}
		v2 = dayValue(second)
	case n2 < 1 || n2 > 31:
		return res{}, false
	default: // no DCT: XXXX-MM-DD
		v2 = r.value[:len(r.value)-2] + fmt.Sprintf("%02d", n2)
	}
	r.end = m.gpos("day") + len(m.g("day"))
	second := r
	second.value, second.start, second.end = v2, p2, m.end
	r.next = &second
	return r, true
}

// resWeekOf reads "the week of March 6" (the week holding that day) and "the
// weekend of March 6": one expression, the day a complement of the week.
func resWeekOf(t *Tagger, m *match, c *docCtx) (res, bool) {
	r, ok := resMonthDay(t, m, c)
	if !ok {
		return r, false
	}
	d, err := time.Parse("2006-01-02", r.value)
	if err != nil {
		// no DCT and no year: the week is not known
		r.value = "XXXX-WXX"
		return r, true
	}
	r.value = weekValue(d)
	if lower(m.g("wk")) == "weekend" {
		r.value += "-WE"
	}
	return r, true
}

// whenMonthDay lets when's ExactMonthDate rule read the month and day, on the
// first day of the year our rules chose (when has no year rule, and reads a day
// past the month's end into the next month, which we refuse).
func (t *Tagger) whenMonthDay(mo, d, y int) (time.Time, bool) {
	base := date(y, 1, 1)
	res, err := t.monthDy.Parse(fmt.Sprintf("%s %d", time.Month(mo), d), base)
	if err != nil || res == nil {
		return time.Time{}, false
	}
	tm := timeDay(res.Time)
	if tm.Year() != y || int(tm.Month()) != mo || tm.Day() != d {
		return time.Time{}, false
	}
	return tm, true
}

// timeDay truncates a when result to its day, in UTC.
func timeDay(t time.Time) time.Time { return date(t.Year(), t.Month(), t.Day()) }

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
		prep := t.words.prep[c.wordBefore(m.start)]
		if (word == "may" || word == "march") && !prep {
			return res{}, false
		}
		if !prep && isCap(c.wordAfter(m.end)) {
			return res{}, false // "August Wilson", "June Carter": a name
		}
	}
	r := res{typ: "DATE", mod: t.modOf(m.g("mod"))}
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
			if t.words.deadline[c.wordBefore(m.start)] && t.tenseAt(c.tokens, m.start, m.end) != tenseFuture {
				// "through January": a deadline, the next such month
				if cand := date(y, time.Month(mo), 1); cand.Before(date(c.ref.Year(), c.ref.Month(), 1)) {
					y++
				}
			}
		}
	}
	r.value = monthValue(y, mo)
	return r, true
}

// looksLikeCount reports whether the digits around a year-like number make it an
// amount ("$2,012", "2012.5", "1998%").
func looksLikeCount(tk *tokens, m *match) bool {
	body := tk.body
	s, e := m.gpos("year"), m.end
	if s > 0 {
		p := body[s-1]
		if p == '$' || p == '#' || (p == ',' || p == '.') && s > 1 && body[s-2] >= '0' && body[s-2] <= '9' {
			return true
		}
	}
	if next := strings.ToLower(tk.wordAfter(e)); next == "gmt" || next == "utc" || next == "hours" || next == "hrs" {
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

// farYears is how many years before the DCT a bare year after a name must lie
// to be read as part of the name.
const farYears = 10

// afterName reports whether the word just before offset i is a capitalised
// word inside a sentence (not its first word, not a possessive, not a month or
// weekday), which makes a number right after it part of a name.
func (t *Tagger) afterName(body string, i int) bool {
	j := i
	for j > 0 && body[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isLetter(body[k-1]) {
		k--
	}
	w := body[k:j]
	if w == "" || !isCap(w) || k > 0 && (body[k-1] == '\'' || body[k-1] == '-' || body[k-1] >= 0x80) {
		return false // no word, lower case, or a possessive or compound ending
	}
	if _, ok := t.v.months[lower(w)]; ok {
		return false
	}
	if _, ok := t.v.weekdays[lower(w)]; ok {
		return false
	}
	p := k
	for p > 0 && (body[p-1] == ' ' || body[p-1] == '\t') {
		p--
	}
	if p == 0 {
		return false
	}
	switch body[p-1] {
	case '.', '!', '?', '\n', '\r', '"', '(', ':', ';':
		return false // the word opens a sentence, a quote or a line
	}
	return !strings.HasSuffix(body[:p], "“") && !strings.HasSuffix(body[:p], "‘")
}

func resYear(t *Tagger, m *match, c *docCtx) (res, bool) {
	ys := m.g("year")
	y, _ := strconv.Atoi(ys)
	if looksLikeCount(c.tokens, m) {
		return res{}, false
	}
	prev := c.wordBefore(m.start)
	if t.notYear[strings.TrimSuffix(prev, ".")] || t.notYear[prev] {
		return res{}, false
	}
	named := strings.HasPrefix(lower(c.body[m.start:m.end]), "the year")
	if m.g("mod") == "" && m.g("fiscal") == "" && !named && !t.words.prep[prev] && !t.words.det[prev] {
		// "2012 troops", "1500 people": a bare number before a plural noun.
		next := c.wordAfter(m.end)
		if len(next) > 3 && next[0] >= 'a' && next[0] <= 'z' && strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") {
			return res{}, false
		}
		if c.hasRef && y > c.ref.Year()+30 {
			return res{}, false
		}
		// A year long before the DCT needs more than a name before it: "Miss
		// Iceland 1983", "the ferry Aurora 1975" name a title or a thing. Near
		// the DCT the same form is usually an event of that year ("Euro 2016").
		if c.hasRef && y < c.ref.Year()-farYears && t.afterName(c.body, m.start) {
			return res{}, false
		}
	}
	return res{typ: "DATE", value: yearValue(y), mod: t.modOf(m.g("mod")), anchor: "explicit"}, true
}

// decadeWords are the decades said in words ("the nineties"), by their digit.
var decadeWords = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}

// resDecade reads "the 1990s", "the '90s" and "the nineties"; a decade told
// without its century is the latest one not after the DCT. Without "the",
// "in their forties" is an age, not a decade, and is not matched.
func resDecade(t *Tagger, m *match, c *docCtx) (res, bool) {
	var v string
	if cent := m.g("cent"); cent != "" {
		v = cent + m.g("dec")
	} else {
		d, _ := strconv.Atoi(m.g("dec2"))
		if w := lower(m.g("decw")); w != "" {
			d = decadeWords[w]
		}
		cen := 19
		if c.hasRef {
			cen = c.ref.Year() / 100
			if d*10 > c.ref.Year()%100 {
				cen--
			}
		}
		v = strconv.Itoa(cen) + strconv.Itoa(d)
	}
	return res{typ: "DATE", value: v, mod: t.modOf(m.g("mod")), anchor: "explicit"}, true
}

func resCentury(t *Tagger, m *match, c *docCtx) (res, bool) {
	n, _ := strconv.Atoi(m.g("ord"))
	if n < 1 || n > 30 {
		return res{}, false
	}
	return res{typ: "DATE", value: fmt.Sprintf("%02d", n-1), mod: t.modOf(m.g("mod")), anchor: "explicit"}, true
}

func resSeason(t *Tagger, m *match, c *docCtx) (res, bool) {
	s := lower(m.g("season"))
	code := t.v.seasons[s]
	rel := collapse(m.g("rel"))
	ys := m.g("year")
	if s == "fall" && ys == "" && (rel == "" || rel == "the") {
		return res{}, false
	}
	if isCap(m.g("season")) && ys == "" && isCap(c.wordAfter(m.end)) {
		// "Winter Olympics", "Spring Valley": part of a name.
		return res{}, false
	}
	if rel == "" && ys == "" && m.g("mod") == "" && isCap(m.g("season")) && m.start > 0 {
		// A capitalised bare season mid-sentence is a name more often than a date.
		return res{}, false
	}
	r := res{typ: "DATE", mod: t.modOf(m.g("mod")), anchor: "explicit"}
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
			tense := t.tenseAt(c.tokens, m.start, m.end)
			if sinceBefore(c.body, m.start) {
				tense = tensePast
			}
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

// resSeasons reads a plural season, "summers", "the past three winters": every
// such season, a SET (XXXX-SU), as TimeML reads a plural of a calendar name. A
// capitalised one is a name ("Lawrence Summers"); "springs" and "falls" are
// read as seasons only after a count, since they are far more often a noun or
// a verb.
func resSeasons(t *Tagger, m *match, c *docCtx) (res, bool) {
	s := m.g("season")
	if isCap(s) {
		return res{}, false
	}
	code := t.v.seasons[lower(s)]
	if code == "" || m.g("num") == "" && (code == "SP" || lower(s) == "fall") {
		return res{}, false
	}
	return res{typ: "SET", value: "XXXX-" + code, anchor: "relative"}, true
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
			y = t.nearestInstance(c, m, c.ref, func(y int) time.Time {
				d, _ := holidayDate(rule, y)
				return d
			})
		}
	}
	d, ok := holidayDate(rule, y)
	if !ok {
		return res{}, false
	}
	r.value = dayValue(d)
	switch collapse(m.g("hweek")) {
	case "week": // "Easter week": the ISO week holding the day
		r.value = weekValue(d)
	case "weekend":
		r.value = weekValue(d) + "-WE"
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

// sinceBefore reports whether "since" governs the expression at start: within
// the few words before it ("since shortly after the Oct. 23 slaying").
func sinceBefore(body string, start int) bool {
	lo := max(0, start-32)
	w := strings.ToLower(body[lo:start])
	i := strings.LastIndex(w, "since ")
	return i >= 0 && (i == 0 || !isLetter(w[i-1])) && !strings.ContainsAny(w[i:], ".;,")
}

// aheadBefore reports whether a word of the "ahead" class ends just before
// start ("effective Feb. 1", "as soon as Tuesday"): the date is still to come.
func (t *Tagger) aheadBefore(body string, start int) bool {
	w := strings.ToLower(strings.TrimRight(body[max(0, start-24):start], " "))
	for p := range t.words.ahead {
		if strings.HasSuffix(w, p) && (len(w) == len(p) || !isLetter(w[len(w)-len(p)-1])) {
			return true
		}
	}
	return false
}
