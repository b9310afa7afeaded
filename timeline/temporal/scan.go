package temporal

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Running every rule over a whole article would cost one pass per rule; instead a
// single cheap pass over the words marks the places where a temporal expression
// can start (a month, a digit, "ago", ...) and the rules run on small windows
// around them only.

const (
	winLeft  = 48 // bytes kept before a trigger word: "no more than", "the end of"
	winRight = 40 // bytes kept after it: ", 1998", " EST Thursday"
)

// Trigger classes: which kinds of words a window holds, so that a rule runs only
// on windows holding the words it needs.
const (
	cMonth uint32 = 1 << iota
	cWeekday
	cNum
	cDigit
	cYear4
	cUnit
	cSeason
	cPod
	cHoliday
	cDeictic
	cDayWord
	cSet
	cAMPM
	cQuarter
	cHalf
	cCentury
	cYear
	cSpoken
	cAgo
	cEvery
)

var classNames = map[string]uint32{
	"month": cMonth, "weekday": cWeekday, "num": cNum, "unit": cUnit, "season": cSeason,
	"pod": cPod, "holiday": cHoliday, "deictic": cDeictic, "dayword": cDayWord, "set": cSet,
	"ampm": cAMPM, "quarter": cQuarter, "half": cHalf, "century": cCentury, "year": cYear,
	"ago": cAgo, "every": cEvery, "spoken": cSpoken,
}

type window struct {
	start, end int
	mask       uint32 // classes of the trigger words inside
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-' || c >= 0x80
}

// digitClass classifies a token holding digits: a year-like run of four digits
// (1600-2099, "1990s", "'90s") or another number.
func digitClass(w string) uint32 {
	run := 0
	for i := 0; i <= len(w); i++ {
		if i < len(w) && w[i] >= '0' && w[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			y := w[i-4 : i]
			if y[0] == '1' && y[1] >= '6' || y[0] == '2' && y[1] == '0' {
				return cYear4 | cDigit
			}
		}
		if run == 2 && i < len(w) && w[i] == 's' {
			return cYear4 | cDigit
		}
		run = 0
	}
	return cDigit
}

// The work per sentence is bounded. News sentences hold a handful of temporal
// expressions (at most 7 in any sentence of the 1,456 TBAQ and silver
// articles); a run of numbers or dates with no sentence end (a table, a log, a
// pasted list) would otherwise cost time and memory for each of its thousands
// and give a timeline nobody can read. Past the limits the rest of the sentence
// is skipped, and Tag says so.
const (
	// MaxTimexesPerSentence is the most temporal expressions kept in a sentence.
	MaxTimexesPerSentence = 50
	// maxTriggersPerSentence is the most trigger words looked at in a sentence
	// (an expression such as "Monday, Jan. 5, 1998" holds several).
	maxTriggersPerSentence = 4 * MaxTimexesPerSentence
	// MaxTimexesPerArticle is the most temporal expressions kept in an article
	// (the most in one of those articles is 42), the first in document order.
	MaxTimexesPerArticle = 10_000
	// maxTriggersPerArticle is the most trigger words looked at in an article;
	// the rest of it is not tagged.
	maxTriggersPerArticle = 4 * MaxTimexesPerArticle
)

// trigger is a word of some trigger classes at [start, end) of the body.
type trigger struct {
	start, end int
	cls        uint32
}

// triggerWords returns the trigger words of body in order. lc is body
// lower-cased byte for byte (ASCII only, so offsets agree); the sentences it
// counts in are tk's clauses. Past maxTriggersPerSentence in a sentence the
// rest of its words are skipped; capped lists the sentences where that
// happened. Past maxTriggersPerArticle the rest of the article is skipped, and
// stop is where (-1: nowhere).
func (t *Tagger) triggerWords(lc string, tk *tokens) (out []trigger, capped []int, stop int) {
	n := len(lc)
	sent, inSent := 0, 0 // the sentence of the last trigger, and its triggers so far
	ends := tk.clauseEnds()
	for i := 0; i < n; {
		if !isWordByte(lc[i]) {
			i++
			continue
		}
		j := i
		digit := false
		for j < n && isWordByte(lc[j]) {
			if lc[j] >= '0' && lc[j] <= '9' {
				digit = true
			}
			j++
		}
		w := lc[i:j]
		// Possessives: "friday's", "friday’s".
		if k := len(w) - 2; k > 0 && w[k:] == "'s" {
			w = w[:k]
		} else if k := len(w) - 4; k > 0 && w[k:] == "’s" {
			w = w[:k]
		}
		var cls uint32
		if digit {
			cls = digitClass(w)
		} else {
			cls = t.v.triggers[w]
		}
		if cls&^cDigit&^cYear4 == 0 && strings.IndexByte(w, '-') >= 0 {
			// "week-long", "mid-1990s", "30-year", "year-end": look at the parts.
			for rest := w; rest != ""; {
				part, tail, _ := strings.Cut(rest, "-")
				cls |= t.v.triggers[part]
				rest = tail
			}
		}
		// "a.m.", "p.m.": single letters before ".m".
		if (w == "a" || w == "p") && j+2 < n && lc[j] == '.' && lc[j+1] == 'm' {
			cls |= cAMPM
		}
		if cls != 0 {
			// the sentence of i: the clause ends before it (i only grows)
			si := sent
			for si < len(ends) && ends[si] < i {
				si++
			}
			if si != sent {
				sent, inSent = si, 0
			}
			if inSent++; inSent <= maxTriggersPerSentence {
				if len(out) == maxTriggersPerArticle {
					return out, capped, i
				}
				out = append(out, trigger{i, j, cls})
			} else if inSent == maxTriggersPerSentence+1 {
				capped = append(capped, sent)
			}
		}
		i = j
	}
	return out, capped, -1
}

// ruleWindows returns the merged windows around the trigger words of the rule's
// first needed class, each with the classes of the words it holds.
func ruleWindows(lc string, trigs []trigger, r *rule, wins []window) []window {
	wins = wins[:0] // the caller's buffer, reused across rules
	if len(r.need) == 0 {
		return wins
	}
	primary := r.need[0]
	right := winRight
	if r.right > 0 {
		right = r.right // the rule's pattern ends with that word
	}
	n := len(lc)
	for _, tr := range trigs {
		if tr.cls&primary == 0 {
			continue
		}
		s, e := max(0, tr.start-winLeft), min(n, tr.end+right)
		for s > 0 && !utf8.RuneStart(lc[s]) {
			s--
		}
		for e < n && !utf8.RuneStart(lc[e]) {
			e++
		}
		if k := len(wins) - 1; k >= 0 && s <= wins[k].end {
			wins[k].end = e
		} else {
			wins = append(wins, window{start: s, end: e})
		}
	}
	if len(r.need) > 1 {
		// the other classes must occur inside the window
		k := 0
		for i := range wins {
			for k < len(trigs) && trigs[k].end <= wins[i].start {
				k++
			}
			for j := k; j < len(trigs) && trigs[j].start < wins[i].end; j++ {
				wins[i].mask |= trigs[j].cls
			}
		}
	}
	return wins
}

// lowerASCII lower-cases the ASCII letters of s, keeping every byte offset. A
// no-break space (U+00A0, two bytes), common in web copy ("Jan.\u00a03"),
// becomes two spaces so that the rules' \s matches it.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c == 0xc2 && i+1 < len(b) && b[i+1] == 0xa0:
			b[i], b[i+1] = ' ', ' '
		}
	}
	return string(b)
}

// findMatches runs each rule on the windows around the words it needs and
// returns every match, best first: longest, then rule priority, then leftmost;
// and the sentences where trigger words were skipped, and where the rest of the
// article was (see triggerWords).
func (t *Tagger) findMatches(tk *tokens) ([]*match, []int, int) {
	body := tk.body
	lc := lowerASCII(body)
	trigs, capped, stop := t.triggerWords(lc, tk)
	var all []*match
	var slab []match
	var wins []window
	for _, r := range t.rules {
		wins = ruleWindows(lc, trigs, r, wins)
		for _, w := range wins {
			if len(r.need) > 1 && !r.qualifies(w.mask) {
				continue
			}
			text := lc[w.start:w.end]
			if !holdsAll(text, r.lits) {
				continue
			}
			for _, loc := range r.findAll(text) {
				if loc[1] == loc[0] {
					continue
				}
				// A window edge may cut a word: skip matches touching a cut.
				if loc[0] == 0 && w.start > 0 && isWordByte(body[w.start-1]) && isWordByte(body[w.start]) {
					continue
				}
				if loc[1] == len(text) && w.end < len(body) && isWordByte(body[w.end-1]) && isWordByte(body[w.end]) {
					continue
				}
				for i, x := range loc { // to body offsets, in place: loc is ours
					if x >= 0 {
						loc[i] = x + w.start
					}
				}
				if len(slab) == cap(slab) {
					slab = make([]match, 0, 16) // matches are allocated in chunks
				}
				slab = append(slab, match{r: r, start: loc[0], end: loc[1], loc: loc, body: body})
				all = append(all, &slab[len(slab)-1])
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.end-a.start != b.end-b.start {
			return a.end-a.start > b.end-b.start
		}
		if a.r.prio != b.r.prio {
			return a.r.prio > b.r.prio
		}
		return a.start < b.start
	})
	return all, capped, stop
}
