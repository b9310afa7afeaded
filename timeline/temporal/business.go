package temporal

// Normalisers for the periods business news reports on: quarters, halves,
// fiscal years and the year-ago comparison periods.

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

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
		case yq == "" && q > (int(c.ref.Month())+2)/3 && t.tenseAt(c.tokens, m.start, m.end) != tenseFuture:
			y-- // a quarter still to come, reported on: last year's
		}
		r.anchor, r.relToDCT = "dct", true
	}
	r.value = quarterValue(y, q)
	if p := m.gpos("qn"); strings.EqualFold(m.g("det"), "the") && p >= 0 && strings.HasPrefix(c.body[p+len(m.g("qn")):], "-") {
		r.start = p // "the third-quarter loss": the article goes with the noun
	}
	return r, true
}

// reportedQuarter is the quarter a business story most likely reports on: the
// last mentioned one, else the one that ended before the DCT.
func reportedQuarter(c *docCtx) (int, int) {
	if len(c.lastDate) == 7 && c.lastDate[5] == 'Q' {
		y, _ := strconv.Atoi(c.lastDate[:4])
		q := int(c.lastDate[6] - '0')
		if end := date(y, time.Month(3*q+1), 1); !end.After(c.ref) { // a quarter already over
			return y, q
		}
	}
	d := c.ref.AddDate(0, 0, -45)
	return d.Year(), (int(d.Month())-1)/3 + 1
}

func resQuarterRel(t *Tagger, m *match, c *docCtx) (res, bool) {
	if rest := lower(c.body[m.end:min(len(c.body), m.end+5)]); strings.HasPrefix(rest, "-to-") || strings.HasPrefix(rest, "-on-") {
		return res{}, false // "quarter-to-quarter": a comparison, no quarter
	}
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
	// "the second half", "the last half", "the last two quarters": H2
	h := 1
	switch lower(m.g("hn") + m.g("hq")) {
	case "second", "last", "latter":
		h = 2
	}
	if ys := m.g("year"); ys != "" {
		return res{typ: "DATE", value: ys + fmt.Sprintf("-H%d", h), anchor: "explicit"}, true
	}
	if m.g("hrel") == "" && strings.EqualFold(c.wordAfter(m.end), "of") {
		return res{}, false // "the last half of the '80s", "the first half of the game"
	}
	if !c.hasRef {
		return res{typ: "DATE", value: fmt.Sprintf("XXXX-H%d", h), anchor: "relative"}, true
	}
	y := c.ref.Year()
	switch lower(m.g("hrel")) {
	case "last":
		y--
	case "next":
		y++
	}
	return res{typ: "DATE", value: fmt.Sprintf("%04d-H%d", y, h), anchor: "dct", relToDCT: true}, true
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

// resYearEnd reads "year-end" (the last day of the DCT's year), "year end" (the
// year, mod END) and "the full year".
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
	if dir == 0 && sinceBefore(c.body, m.start) {
		dir = -1 // "since year-end": the last one passed
	}
	r.value = yearValue(c.ref.Year() + dir)
	if strings.Contains(m.g("end"), "-") {
		if t.attributive(c.tokens, m.end) {
			return res{}, false // "a year-end rally", "when year-end net was below"
		}
		// the closing of the books, a day: "complete the deal by year-end"
		r.value, r.mod = r.value+"-12-31", ""
	}
	return r, true
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

// attributive reports whether the word after e is a lower-case word that is not
// a function word, so that what ends at e modifies it ("year-end rally").
func (t *Tagger) attributive(tk *tokens, e int) bool {
	if e >= len(tk.body) || tk.body[e] != ' ' {
		return false
	}
	w := tk.wordAfter(e)
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return !t.words.prep[w] && !t.words.signal[w] && !t.words.link[w] && t.tense[w] == 0
}
