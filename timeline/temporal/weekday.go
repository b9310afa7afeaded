package temporal

import "strings"

// Which instance a bare weekday names ("Wednesday" in an article of Thursday:
// yesterday, or six days ahead?) is decided by the clause that governs it, as
// the TimeML guideline reads it: "the agreement reached on Wednesday" is the
// day before; "talks are scheduled for Wednesday", "will meet on Wednesday",
// "planned to leave on Wednesday" the next one; "the offer he made on Sunday"
// the last one. The decision is weekdayDirection's alone; its inputs (the
// governing verb's tense, aspect and modality, and the words that introduce
// the date) are read from the words around the date by clauseAt, and can come
// from the document's dependency tree instead without changing it.

// clause is what the weekday decision reads of the clause that governs a date.
type clause struct {
	tense       int  // of the governing verb: tensePast, tenseFuture, or tenseNone (present, or none found)
	perfect     bool // "had met", "has signed", "could have come"
	progressive bool // "are meeting", "is holding"
	modal       bool // "could", "might", "may", "should", "must", "can"
	prospective bool // a plan or an intention governs it: "scheduled for", "planned to leave", "is to visit", "agreed to meet"
	since       bool // "since Friday"
	deadline    bool // "until Friday", "by Friday"
	ahead       bool // "as soon as Friday", "effective Friday"
	possessive  bool // "Friday's vote"
}

// weekdayDirection decides which instance of a bare weekday a clause means:
// the last one (tensePast; the DCT's own weekday is that day), the next one
// (tenseFuture; likewise), or, with nothing to go by, the nearer one
// (tenseNone).
func weekdayDirection(c clause) int {
	switch {
	case c.since:
		return tensePast
	case c.ahead:
		return tenseFuture
	case c.possessive:
		return tensePast // "Wednesday's ruling" reports what has happened
	case c.deadline && c.tense != tensePast && !c.perfect:
		return tenseFuture // "until Tuesday", "by Friday": a deadline ahead
	case c.perfect:
		return tensePast
	case c.prospective, c.modal, c.tense == tenseFuture:
		return tenseFuture
	case c.progressive && c.tense != tensePast:
		return tenseFuture // "are meeting Friday": the present of an arrangement
	case c.tense == tensePast:
		return tensePast
	}
	return tenseNone
}

// verbWindow is how many words before a date the governing verb is looked for.
const verbWindow = 10

// clauseAt reads the clause that governs the date at [s, e): the verb group
// nearest before it in its clause ("reached on", "will meet on", "planned to
// leave Nairobi on"), else the tense cues around it (tense.go: "On Friday,
// the rebels attacked"; "Friday, he said"), and the words just before it.
func (t *Tagger) clauseAt(tk *tokens, s, e int) clause {
	body := tk.body
	c, ok := t.verbBefore(tk, s)
	if !ok && t.fronted(tk, s) {
		c, ok = t.verbAfter(tk, e)
	}
	if !ok {
		c.tense = t.tenseAt(tk, s, e)
	}
	if rest := body[e:min(len(body), e+4)]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		c.possessive = true
	}
	c.deadline = t.words.deadline[tk.wordBefore(s)]
	c.ahead = t.aheadBefore(body, s)
	c.since = sinceBefore(body, s)
	return c
}

// verbBefore finds the verb group that governs a date at s among the words
// before it in its clause (up to a comma, a colon, a quotation mark or the
// sentence start) and reads its tense, aspect and modality.
func (t *Tagger) verbBefore(tk *tokens, s int) (clause, bool) {
	ss, _ := tk.clause(s, s)
	var buf [verbWindow]string
	ws, _ := tk.wordsBack(ss, s, buf[:0])
	for i, w := range ws {
		var next string // the word after w, toward the date
		if i > 0 {
			next = ws[i-1]
		}
		prev := func(k int) string { // the k-th word before w
			if i+k < len(ws) {
				return ws[i+k]
			}
			return ""
		}
		if (t.words.intent[w] && (next == "to" || next == "for" && w == "set") || t.words.arranged[w]) && !asPlanned[prev(1)] && (next != "to" || !perfectInfinitive(ws, i)) {
			return planClause(ws, i), true // "planned to leave", "set for", "scheduled"
		}
		if w == "to" && next != "" && i > 0 && isLowerWord(next) && !t.words.det[next] && !perfectInfinitive(ws, i+1) {
			switch p := prev(1); {
			case t.words.intent[p], t.words.arranged[p], beForms[p]:
				return planClause(ws, i+1), true // "agreed to meet", "is to visit"
			}
		}
		if t.words.deferral[w] && (ws[0] == "until" || ws[0] == "till" || ws[0] == "to") {
			return planClause(ws, i), true // "postponed until Tuesday", "extended to Friday"
		}
		k := t.tense[w]
		switch {
		case k == tenseFuture || strings.HasSuffix(w, "'ll"):
			return clause{tense: tenseFuture}, true
		case k == tenseModal:
			if next == "have" {
				return clause{perfect: true, modal: true}, true // "could have met"
			}
			if w == "could" {
				// the past of "can" as often as a possibility ("could not be
				// reached Wednesday"): the tense around decides
				return clause{}, false
			}
			return clause{modal: true}, true
		case strings.HasSuffix(w, "ing") && len(w) > 5 && beForms[prev(1)]:
			c := clause{progressive: true}
			if pastBe[prev(1)] {
				c.tense = tensePast
			}
			return c, true
		case k == tenseNone && pastForm(w) && (t.words.det[prev(1)] || prev(1) == "a" || prev(1) == "an" || strings.HasSuffix(prev(1), "ly")):
			// "the planned merger", "the closely watched survey": an adjective
		case (k == tensePast && isVerbCue(w) || k == tenseNone && pastForm(w)) && !passiveAux[prev(1)]:
			// After an auxiliary of the passive ("will be held", "is to be
			// signed") even an irregular past form is a participle: the
			// auxiliary before it tells the tense.
			c := clause{tense: tensePast}
			switch prev(1) {
			case "has", "have", "had", "'ve", "'d", "having":
				c.perfect = true
			}
			if prev(1) == "have" && t.tense[prev(2)] == tenseModal {
				c.modal = true
			}
			return c, true
		}
	}
	return clause{}, false
}

// planClause is the clause of a plan whose word is ws[i] ("scheduled",
// "agreed", "postponed"): a plan ahead, unless a past perfect reports it ("had
// been due to expire Friday", "had planned to leave on Monday"), which tells
// a plan for a time before the story's own, as the perfect of any other verb
// does.
func planClause(ws []string, i int) clause {
	c := clause{prospective: true}
	for k := i + 1; k < len(ws) && k <= i+2; k++ {
		if ws[k] == "had" || ws[k] == "'d" {
			c.perfect, c.tense = true, tensePast
			break
		}
		if ws[k] != "been" {
			break
		}
	}
	return c
}

// fronted reports whether the date at s opens its sentence, alone or after a
// preposition ("On Tuesday, the league plans ..."): the clause it belongs to
// follows it.
func (t *Tagger) fronted(tk *tokens, s int) bool {
	ss, _ := tk.clause(s, s)
	var buf [3]string
	ws, at := tk.wordsBack(ss, s, buf[:0])
	return len(ws) == 0 || len(ws) == 1 && (t.words.prep[ws[0]] || frontPrep[ws[0]]) && !tk.opensClause(s) && tk.opensClause(at)
}

// subordinators open a subordinate clause after a fronted date.
var subordinators = map[string]bool{"when": true, "while": true, "as": true, "after": true, "before": true, "because": true, "if": true, "although": true, "though": true, "where": true}

// frontPrep are the words besides the prep class that open a fronted date
// ("On Tuesday,", "Also Sunday,").
var frontPrep = map[string]bool{"on": true, "at": true, "also": true, "and": true, "but": true, "then": true}

// verbAfter reads the verb group that follows a fronted date, after the
// comma and the subject: the first plan word, future or modal word, or past
// verb among the next words of its sentence ("On Tuesday, the league plans to
// hold", "On Wednesday, the rebels attacked").
func (t *Tagger) verbAfter(tk *tokens, e int) (clause, bool) {
	_, se := tk.clause(e, e)
	var ws [verbWindow + 2]string
	var buf [4]span
	n := 0
	for k, end := tk.within(e, se); k < end && n < len(ws); k++ {
		for _, wd := range tk.words(k, buf[:0]) {
			if n == len(ws) {
				break
			}
			w := strings.ToLower(tk.body[wd.start:wd.end])
			if tk.body[wd.start] >= 'A' && tk.body[wd.start] <= 'Z' {
				w = "#" // a name, no verb
			}
			ws[n] = w
			n++
		}
	}
	if n > 0 && subordinators[ws[0]] {
		return clause{}, false // "On Friday, when Albright set aside ...": no main clause at hand
	}
	for i := 0; i < n; i++ {
		w, next, prev := ws[i], "", ""
		if i+1 < n {
			next = ws[i+1]
		}
		if i > 0 {
			prev = ws[i-1]
		}
		k := t.tense[w]
		if pastForm(w) && (t.words.det[prev] || prev == "a" || prev == "an" || strings.HasSuffix(prev, "ly")) {
			continue // "the hastily planned trip": an adjective
		}
		switch {
		case (t.words.intent[w] && next == "to" || t.words.arranged[w]) && (pastForm(w) || k == tensePast) && !beForms[prev] && !passiveAux[prev]:
			// "On Friday, the government planned to pay": a plan told in
			// the past tense is the past day's
			return clause{tense: tensePast}, true
		case t.words.intent[w] && next == "to", t.words.arranged[w]:
			return clause{prospective: true}, true // "plans to hold", "is scheduled"
		case k == tenseFuture || strings.HasSuffix(w, "'ll"):
			return clause{tense: tenseFuture}, true
		case k == tenseModal:
			return clause{modal: true}, true
		case beForms[w] && next == "to":
			return clause{prospective: true}, true // "is to visit"
		case k == tensePast && isVerbCue(w), k == tenseNone && pastForm(w) && !passiveAux[prev]:
			c := clause{tense: tensePast}
			if prev == "had" {
				c.perfect = true
			}
			return c, true
		}
	}
	return clause{}, false
}

// perfectInfinitive reports whether the words toward the date from index i
// (ws is nearest first, so i-1, i-2) begin "to have" + participle: "was to
// have begun on Thursday" is a plan for a day now past.
func perfectInfinitive(ws []string, i int) bool {
	return i >= 2 && ws[i-1] == "to" && ws[i-2] == "have"
}

// asPlanned are the words before "planned", "scheduled" that make them a
// comparison with the plan, not the plan ("as previously planned Saturday").
var asPlanned = map[string]bool{"as": true, "previously": true, "originally": true, "than": true}

// beForms are the forms of "be" before an infinitive of arrangement ("is to
// visit") or a progressive ("are meeting"); pastBe the past ones.
var (
	beForms = map[string]bool{"is": true, "are": true, "am": true, "was": true, "were": true, "'s": true, "'re": true}
	pastBe  = map[string]bool{"was": true, "were": true}
)

// isVerbCue reports whether a past cue of tense.txt is a verb, not a time
// word that also tells the past ("ago", "last", "yesterday", "earlier").
func isVerbCue(w string) bool {
	switch w {
	case "ago", "last", "yesterday", "earlier":
		return false
	}
	return true
}

// pastForm reports whether w looks like a regular past tense or participle
// (tense.go's -ed rule: five letters or more, not -eed).
func pastForm(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && w[len(w)-3] != 'e'
}

func isLowerWord(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// wordsBack appends to out (up to its capacity) the words of body[lo:hi]
// from hi backwards, lower-cased, stopping at a comma, a colon, a semicolon or
// a quotation mark: the words of the date's own clause, nearest first. A
// capitalised word inside a sentence is a name and is given as "#", so that it
// is not taken for a verb. at is where the nearest word starts (-1: none).
func (tk *tokens) wordsBack(lo, hi int, out []string) (ws []string, at int) {
	at = -1
	var buf [4]span
	first, end := tk.within(lo, hi)
	for k := end - 1; k >= first; k-- {
		switch tk.text(k) {
		case ",", ":", ";", "\"", "``", "''", "`", "“", "”":
			return out, at
		}
		wds := tk.words(k, buf[:0]) // none in a number, a bracket, a hyphen
		for i := len(wds) - 1; i >= 0; i-- {
			if len(out) == cap(out) {
				return out, at
			}
			start := wds[i].start
			w := strings.TrimLeft(tk.body[start:wds[i].end], "'")
			if w == "" || w[0] >= 'A' && w[0] <= 'Z' && start > lo && !tk.opensClause(start) {
				w = "#" // a capitalised word inside a sentence: a name
			}
			if at < 0 {
				at = start
			}
			out = append(out, strings.ToLower(w))
		}
	}
	return out, at
}
