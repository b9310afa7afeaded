package temporal

// Normalisers for durations ("for two years", "the past three months") and sets
// ("daily", "every month").

import (
	"fmt"
	"strings"
)

func (t *Tagger) unitOf(s string) (unit, bool) {
	u, ok := t.v.units[lower(s)]
	return u, ok
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
	// Counted decades and centuries are given in years, as TimeBank does
	// (P10Y); an unknown number of them keeps its unit ("decades": PXDE),
	// since X years would say less than the text.
	if f, ok := yearsPer[code]; ok && !vague {
		code, q = "Y", fmtNum(f*n)
	}
	if strings.Contains(q, ".") && !vague {
		// TIMEX3 wants integers: 5.5 hours is PT5H30M, 2.5 years P30M.
		switch code {
		case "H":
			if int(n) == 0 {
				return res{typ: "DURATION", value: fmt.Sprintf("PT%dM", int(n*60)), mod: mod}, true
			}
			return res{typ: "DURATION", value: fmt.Sprintf("PT%dH%dM", int(n), int((n-float64(int(n)))*60)), mod: mod}, true
		case "Y":
			if n*2 == float64(int(n*2)) {
				return res{typ: "DURATION", value: fmt.Sprintf("P%dY6M", int(n)), mod: mod}, true
			}
			q, code = fmtNum(n*12), "M"
		case "D":
			q, code = fmtNum(n*24), "H"
			return res{typ: "DURATION", value: "PT" + q + code, mod: mod}, true
		case "M":
			if u.Time && n*2 == float64(int(n*2)) { // "a minute and a half": PT1M30S
				return res{typ: "DURATION", value: fmt.Sprintf("PT%dM30S", int(n)), mod: mod}, true
			}
		case "W":
			if d := n * 7; d == float64(int(d)) {
				return res{typ: "DURATION", value: fmt.Sprintf("P%dD", int(d)), mod: mod}, true
			}
			return res{typ: "DURATION", value: fmt.Sprintf("PT%dH", int(n*7*24)), mod: mod}, true
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
	if n := m.gpos("num"); isCap(us) && n >= 0 && isCap(c.body[n:]) && !c.opensClause(n) {
		return res{}, false // "the Six-Day War", "Hundred Years' War": a name
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
	// "a year-earlier profit", "year-end": the unit is part of another word.
	if e := m.end; nums != "" && e+1 < len(c.body) && c.body[e] == '-' && isLetter(c.body[e+1]) && !strings.HasPrefix(c.body[e:], "-old") && !strings.HasPrefix(c.body[e:], "-long") {
		if t.v.triggers[strings.ToLower(c.wordAfter(e+1))]&cAgo != 0 || strings.HasPrefix(c.body[e:], "-end") {
			return res{}, false
		}
	}
	// Ages are not durations of anything the story dates: "a 10-year-old".
	if rest := c.body[m.end:min(len(c.body), m.end+6)]; strings.HasPrefix(rest, "-old") || strings.HasPrefix(rest, " old") {
		return res{}, false
	}
	n, vague, ok := t.number(nums)
	if !ok {
		return res{}, false
	}
	// what may follow the unit, read here rather than by the pattern so
	// that the windows of this, the commonest rule, stay short
	half, orso, tailEnd := measureTail(c.body, m.end)
	if half {
		if vague || nums == "" {
			return res{}, false
		}
		n += 0.5 // "a year and a half"
	}
	if nums == "" && plural {
		// a plural unit alone is a measure of unknown count: "hours" PTXH,
		// "decades" PXDE
		vague = true
		if lower(us) == "minutes" && det == "the" && lower(c.wordAfter(m.end)) == "of" {
			return res{}, false // "the minutes of the meeting": a record
		}
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
	if ln := lower(nums); (ln == "one" || ln == "some") && lower(us) == "day" && det == "" && t.someDay(c.tokens, m) {
		// "will one day be", "hopes one day to": some time ahead, no measure
		return res{typ: "DATE", value: "FUTURE_REF", anchor: "dct", relToDCT: true}, true
	}
	_, vagueNum, _ := t.number(nums)
	if strings.HasPrefix(lower(us), "quarter") && (m.gpos("unit") > 0 && c.body[m.gpos("unit")-1] == '-' || !vagueNum && strings.EqualFold(c.wordAfter(m.end), "of")) {
		return res{}, false // "three-quarters", "a quarter of the shares": fractions
	}
	if det == "the" && !plural && nums == "" {
		if u.Code == "WE" && c.hasRef {
			d := c.ref
			if wd := isoWeekday(d); wd < 6 && t.tenseAt(c.tokens, m.start, m.end) != tenseFuture {
				d = d.AddDate(0, 0, -wd) // the weekend just past
			}
			return res{typ: "DATE", value: weekValue(d) + "-WE", anchor: "dct", relToDCT: true}, true
		}
		if c.hasRef && (u.Gran == "year" || u.Gran == "week") && t.currentPeriod(c.tokens, m.start, m.end) {
			v := yearValue(c.ref.Year())
			if u.Gran == "week" {
				v = weekValue(c.ref)
			}
			return res{typ: "DATE", value: v, anchor: "dct", relToDCT: true}, true
		}
	}
	mod := t.modWOf(m.g("modw"))
	if orso && mod == "" {
		mod = "APPROX"
	}
	r, ok := durationRes(u, n, vague, mod)
	if !ok {
		return r, ok
	}
	if tailEnd > m.end {
		r.end = tailEnd
	}
	if ln := collapse(nums); (strings.HasPrefix(ln, "a ") || strings.HasPrefix(ln, "an ")) && det == "" && m.g("modw") == "" && t.v.numbers[ln] == 0 && !vague {
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
		// "the two-day rally", "the weeks before": the article is not part of
		// it; "the nine months" (a reporting period) keeps it.
		if nums == "" && plural || nums != "" && !plural {
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

// measureTail reads what may close a measure after its unit at e: "and a
// half" ("a year and a half"), then "or so" ("the next year or so"); end is
// where the measure then ends (e when neither follows).
func measureTail(body string, e int) (half, orso bool, end int) {
	end = e
	next := func(words ...string) bool {
		i := end
		for _, w := range words {
			j := i
			for j < len(body) && body[j] == ' ' {
				j++
			}
			if j == i || !strings.HasPrefix(lower(body[j:min(len(body), j+len(w))]), w) || j+len(w) < len(body) && isLetter(body[j+len(w)]) {
				return false
			}
			i = j + len(w)
		}
		end = i
		return true
	}
	half = next("and", "a", "half")
	orso = next("or", "so")
	return half, orso, end
}

// orSo gives the mod of a measure with "or so" after its unit ("a week or so
// ago", "the next year or so"): APPROX, unless a hedge before it said more.
func orSo(m *match, mod string) string {
	if mod == "" && m.g("orso") != "" {
		return "APPROX"
	}
	return mod
}

func resSet(t *Tagger, m *match, c *docCtx) (res, bool) {
	if w := lower(m.g("set")); w != "" {
		v, ok := t.v.sets[w]
		if !ok {
			return res{}, false
		}
		if t.newspaper(c.tokens, m) {
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

// someDay reports whether "one day" at m is an adverb of the future rather
// than a measure: after a modal or a future word ("will one day be", "could
// one day"), or before "to" or a modal ("hopes one day to", "the Church one
// day may").
func (t *Tagger) someDay(tk *tokens, m *match) bool {
	if strings.Contains(tk.body[m.start:m.end], "-") {
		return false // "a one-day visit": a measure
	}
	prev, next := tk.wordBefore(m.start), lower(tk.wordAfter(m.end))
	if k := t.tense[prev]; k == tenseFuture || k == tenseModal {
		return true
	}
	k := t.tense[next]
	return next == "to" || k == tenseFuture || k == tenseModal
}

// newspaper reports whether the frequency word of m ("daily", "weekly") names
// a periodical rather than a frequency: capitalised inside a sentence ("China
// Daily"), before the periodical's name ("the Communist Party daily Granma"),
// after it ("the Bild daily"), before a verb of saying ("the daily said") or
// the end of its phrase ("in the daily."), or before the word for a
// periodical ("the Alwan daily newspaper").
func (t *Tagger) newspaper(tk *tokens, m *match) bool {
	body := tk.body
	w := m.g("set")
	if isCap(w) && !tk.opensClause(m.start) {
		return true
	}
	next := tk.wordAfter(m.end)
	if isCap(next) {
		return true
	}
	switch lower(next) {
	case "newspaper", "newspapers", "paper", "papers", "magazine", "magazines", "journal", "tabloid":
		return true
	}
	if t.words.speech[lower(next)] {
		return true
	}
	prev := tk.wordBefore(m.start)
	if p := strings.TrimRight(body[:m.start], " "); len(p) > 0 && isLetter(p[len(p)-1]) {
		// the word before as written, to see its capital
		k := len(p)
		for k > 0 && isLetter(p[k-1]) {
			k--
		}
		if isCap(p[k:]) && !tk.opensClause(k) {
			return true // "the Mainichi Shimbun daily"
		}
	}
	if (t.words.det[prev] || prev == "the" || prev == "a") && (next == "" || m.end < len(body) && strings.ContainsRune(",.;:)", rune(body[m.end]))) {
		return true // "in the daily.", "a daily, which"
	}
	return false
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

// resFreq reads "twice a week", "three times a year": a SET of the unit with
// its frequency (freq 2X).
func resFreq(t *Tagger, m *match, c *docCtx) (res, bool) {
	u, ok := t.unitOf(m.g("unit"))
	if !ok || strings.HasSuffix(lower(m.g("unit")), "s") {
		return res{}, false
	}
	var n float64
	switch lower(m.g("freq")) {
	case "once":
		n = 1
	case "twice":
		n = 2
	case "thrice":
		n = 3
	default:
		f, vague, ok := t.number(m.g("fnum"))
		if !ok || vague || f < 1 || f != float64(int(f)) {
			return res{}, false
		}
		n = f
	}
	r, _ := durationRes(u, 1, false, "")
	r.typ, r.freq = "SET", fmtNum(n)+"X"
	return r, true
}

// currentPeriod reports whether "the year" or "the week" at [s, e) is the one the
// article reports on, not a length: "For the year, volume was flat", "a high
// for the year of $42", "the week's most active session"; not "the year ended
// Sept. 30", "the year before" or "player of the year".
func (t *Tagger) currentPeriod(tk *tokens, s, e int) bool {
	rest := tk.body[e:min(len(tk.body), e+4)]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		return true
	}
	if !t.words.within[tk.wordBefore(s)] {
		return false
	}
	return strings.HasPrefix(rest, ",") || tk.wordAfter(e) == "of"
}
