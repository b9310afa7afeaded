package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline/actors"
)

// Statements: what a reporting verb reports decides its code, and the events it
// reports either stand on their own (a realis clause: "said police had detained
// twelve") or are only the content of the statement (a quotation, or an
// irrealis clause: "said it would bomb the port" is a threat, not a bombing).

// readSpeech reads the sentence's statements: the quotations they quote, what
// each says and is about, and the code what it says gives it (see
// readStatement); an embedded post with no trigger is a statement of its own.
func (x *Extractor) readSpeech(s *sentence) {
	x.absorbQuoted(s)
	for ci, c := range s.cands {
		if c.e.class != classSay || c.absorbed {
			continue
		}
		x.readStatement(s, ci)
	}
	x.bareStatement(s)
}

// absorbQuoted makes a trigger inside a quotation the content of the statement
// that quotes it, when the sentence has one (or the trigger is itself a
// reporting verb inside the quotation).
func (x *Extractor) absorbQuoted(s *sentence) {
	hasSay := s.hasUnquotedSay()
	for _, c := range s.cands {
		if c.tweet || c.drop {
			continue
		}
		if s.toks[c.ti].quoted && (hasSay || c.e.class == classSay) {
			c.absorbed = true
		}
	}
}

// readStatement reads the statement s.cands[ci]: the token range of what it
// says and of what it is about; a participle ("..., saying") that only
// elaborates an act before it is dropped with what it says; otherwise what it
// says may recode it (statementCode).
func (x *Extractor) readStatement(s *sentence, ci int) {
	c := s.cands[ci]
	c.cs, c.ce = x.speechContent(s, ci)
	c.quote = c.ce > c.cs && c.ce <= len(s.toks) && s.toks[c.ce-1].quoted
	c.about = [2]int{c.cs, c.ce}
	if x.closing(s, c) && !c.quote {
		c.about = closingAbout(s, c)
	}
	if x.elaboratingParticiple(s, ci) {
		if !c.drop {
			c.drop, c.dropRule = true, "participle-elaborates"
		}
		for _, o := range s.cands {
			if o.ti >= c.cs && o.ti < c.ce {
				o.absorbed = true
			}
		}
		return
	}
	if o := announcedObject(s, c); o != nil {
		c.code, o.absorbed = o.code, true
		return
	}
	if code := x.statementCode(s, c); code != "" {
		c.code = code
	}
}

// announcedObject returns the nominal event that a statement announces as its
// direct object ("announced $2 billion in military aid", "announced new
// sanctions"): the announcement is that act, coded as it is; nil when the
// statement says a clause or names no such event.
func announcedObject(s *sentence, c *cand) *cand {
	if !strings.HasPrefix(s.toks[c.ti].lower, "announc") && !strings.HasPrefix(s.toks[c.ti].lower, "unveil") || s.prevWord(c) == "to" {
		return nil // "to announce" is no announcement made
	}
	for _, o := range s.cands {
		if o == c || o.drop || o.absorbed || o.e.class != classNoun || o.ti < c.tj || o.ti > c.tj+6 {
			continue
		}
		for k := c.tj; k < o.ti; k++ {
			if t := s.toks[k]; t.lower == "that" || t.text == "," || t.lower == "on" || t.lower == "after" || t.lower == "before" {
				return nil
			}
		}
		return o
	}
	return nil
}

// closingAbout returns what an attribution closing the sentence is about ("The
// two countries agreed to resume talks, an official said on Monday"): the
// tokens before its comma, which stay events of their own.
func closingAbout(s *sentence, c *cand) [2]int {
	for k := c.ti - 1; k > 0; k-- {
		if s.toks[k].text == "," {
			return [2]int{0, k}
		}
	}
	return c.about
}

// elaboratingParticiple reports whether the statement s.cands[ci] is a
// participle ("saying") that only elaborates another live act of the clause
// before it, or was already dropped.
func (x *Extractor) elaboratingParticiple(s *sentence, ci int) bool {
	c := s.cands[ci]
	lw := s.toks[c.ti].lower
	if len(lw) <= 4 || lw[len(lw)-3:] != "ing" || lw == "according" {
		return false
	}
	for _, p := range s.cands[:ci] {
		if !p.absorbed && !p.drop && p.e.class != classSay && p.e.class != classCtx {
			return true
		}
	}
	return c.drop
}

// statementCode returns the code what statement c says gives it, or "" to keep
// its own: the first content cue (cues.tsv; an "irr" cue only in irrealis
// content) found in it, else the code of the first act it reports only as
// possible or intended (contentCode: saying one will strike is a threat). Such
// acts, and those already absorbed, are folded into the statement. What one
// says will not happen ("would not visit"), or will be done to one ("could be
// visited"), is no intent and gives no code.
func (x *Extractor) statementCode(s *sentence, c *cand) string {
	cs, ce := c.cs, c.ce
	if !c.quote && c.about[1] <= c.ti && c.about[0] < c.about[1] {
		// An attribution closing the sentence ("Iran has violated the
		// agreement, the spokesman said") says the clause before it; the
		// acts that clause reports stay events of their own (closingAbout).
		cs, ce = c.about[0], c.about[1]
	}
	code := x.cueCode(s, cs, ce, x.irrealis(s, cs, ce))
	for _, o := range s.cands {
		if o == c || o.drop || o.ti < c.cs || o.ti >= c.ce || o.e.class == classSay {
			continue
		}
		if o.absorbed || x.modalBefore(s, o.ti, c.cs) {
			o.absorbed = true
			if code == "" && o.e.class != classNoun && x.modalBefore(s, o.ti, c.cs) && negatedBefore(s, o.ti, c.cs) {
				code = refusalCode(o.code)
			}
			if code == "" && o.e.class != classNoun && !x.negatedOrPassive(s, o.ti, c.cs) {
				code = contentCode(o.code, x.modalBefore(s, o.ti, c.cs))
				if strings.HasPrefix(s.toks[c.ti].lower, "announc") && o.code >= "16" {
					// "announced it would break off talks": a decision made
					// known is the act, not a threat of it.
					code = o.code
				}
			}
		}
	}
	return code
}

// cueCode returns the code of the first content cue found in tokens [from,
// to), skipping the cues that hold only in irrealis content unless irr; "" when
// none is found.
func (x *Extractor) cueCode(s *sentence, from, to int, irr bool) string {
	for _, cue := range x.cues {
		if cue.class == "irr" && !irr {
			continue
		}
		if x.findUnnegated(s, cue.phrase, from, to, cue.class == "irr") {
			return cue.code
		}
	}
	return ""
}

// bareStatement adds, for an embedded post whose text holds no live trigger,
// a statement of its author coded by the cues in its text: a post is always a
// statement.
func (x *Extractor) bareStatement(s *sentence) {
	if s.tweetAt <= 0 || s.author == nil {
		return
	}
	for _, c := range s.cands {
		if !c.absorbed && !c.drop {
			return
		}
	}
	first := 0
	for first < s.tweetAt && !s.toks[first].word {
		first++
	}
	c := &cand{ti: first, tj: first + 1, e: &entry{code: "01", class: classSay}, code: "01", srcMent: -1, tweet: true, cs: 0, ce: s.tweetAt, about: [2]int{0, s.tweetAt}}
	if code := x.cueCode(s, 0, s.tweetAt, false); code != "" {
		c.code = code
	}
	s.cands = append(s.cands, c)
	s.sayEnd = nil
}

// negatedOrPassive reports whether a negation or a passive auxiliary stands in
// the few words before the trigger at ti (not before floor).
func (x *Extractor) negatedOrPassive(s *sentence, ti, floor int) bool {
	for k := ti - 1; k >= floor && k >= ti-5; k-- {
		w := s.toks[k].lower
		if x.words.is(w, "negation") || w == "be" || w == "been" || w == "being" {
			return true
		}
	}
	return false
}

// negatedBefore reports whether "not" or "never" governs the trigger at ti
// (within a few words before it, not before floor): the negation of a verb,
// not "without" or "no" ("will continue without fail to give support").
func negatedBefore(s *sentence, ti, floor int) bool {
	for k := ti - 1; k >= floor && k >= ti-5; k-- {
		switch s.toks[k].lower {
		case "not", "n't", "never":
			return true
		}
	}
	return false
}

// refusalCode maps the code of an act one says one will not do to the code
// of the statement: refusing to meet, help, cooperate or yield rejects
// (CAMEO 12: 125, 124), and saying one will not strike or sanction is an
// assurance of restraint, an intent to de-escalate (CAMEO 03: 0356). ""
// where the negated act gives the statement no code.
func refusalCode(code string) string {
	switch code {
	case "04", "05", "06", "07", "08":
		return "12"
	case "13", "15", "16", "17", "18", "19", "20":
		return "03"
	}
	return ""
}

// contentCode maps the code of an event that is only said to happen to the code of
// the statement: saying one will strike is a threat, saying one will meet an
// intent to cooperate.
func contentCode(code string, modal bool) string {
	if !modal {
		return code
	}
	switch code {
	case "13", "15", "16", "17", "18", "19", "20":
		// Saying one will sanction, cut ties or use force threatens to
		// (CAMEO 1311-1313, 138).
		return "13"
	case "03", "04", "05", "06", "07", "08":
		return "03"
	}
	return code
}

// speechContent returns the token range of what the statement at s.cands[ci] says.
func (x *Extractor) speechContent(s *sentence, ci int) (int, int) {
	c := s.cands[ci]
	// "..., according to X": what comes before.
	if s.toks[c.ti].lower == "according" {
		return 0, c.ti
	}
	// A quotation right before the verb ("``...,'' the minister said", "“...,”
	// said X").
	qEnd := -1
	for k := c.ti - 1; k >= 0 && k >= c.ti-8; k-- {
		if s.toks[k].quoted && s.toks[k].word {
			qEnd = k + 1
			break
		}
	}
	if qEnd > 0 && attributes(s, qEnd, c.ti) && !s.hasSayIn(qEnd, c.ti) {
		qs := qEnd - 1
		for qs > 0 && s.toks[qs-1].quoted {
			qs--
		}
		// Only when the quotation is the verb's object, not an earlier aside.
		between := 0
		for k := qEnd; k < c.ti; k++ {
			if s.toks[k].word {
				between++
			}
		}
		if between <= 6 {
			return qs, qEnd
		}
	}
	end := len(s.toks)
	if s.tweetAt >= 0 {
		end = s.tweetAt
	}
	for _, o := range s.cands[ci+1:] {
		if o.e.class == classSay && !s.toks[o.ti].quoted && s.toks[o.ti].lower != "according" {
			end = o.ti
			break
		}
	}
	return c.tj, end
}

// closing reports whether the statement c ends its sentence: after its verb come
// only a date, punctuation or a source ("according to ...").
func (x *Extractor) closing(s *sentence, c *cand) bool {
	if c.tj+1 < len(s.toks) && s.toks[c.tj].text == "," && strings.HasSuffix(s.toks[c.tj+1].lower, "ing") {
		return true // "..., police said, adding that ...": the attribution goes on
	}
	words := 0
	for k := c.tj; k < len(s.toks); k++ {
		t := s.toks[k]
		if t.lower == "according" {
			return true
		}
		if t.word {
			words++
		}
		if words > 3 {
			return false
		}
	}
	if words > 3 {
		return false
	}
	// A short tail must be a date ("said on Wednesday") or nothing.
	return words == 0 || s.toks[c.tj].lower == "on" || isWeekday(s.toks[c.tj].text) || s.toks[c.tj].lower == "today"
}

// hasSayIn reports whether an unquoted reporting verb lies in tokens [from, to).
func (s *sentence) hasSayIn(from, to int) bool {
	for _, o := range s.cands {
		if o.e.class == classSay && o.ti >= from && o.ti < to && !s.toks[o.ti].quoted {
			return true
		}
	}
	return false
}

// attributes reports whether the tokens [from, to) between a quotation and a
// reporting verb attribute the quotation to it: a comma at the quotation's end
// ("...,” the minister said", "“...,” said X") and a short subject at most.
func attributes(s *sentence, from, to int) bool {
	comma, words := false, 0
	for k := from; k < to; k++ {
		t := s.toks[k]
		switch {
		case t.text == "," || t.text == "!" || t.text == "?":
			if words == 0 {
				comma = true
			}
		case t.word:
			words++
		}
	}
	return comma && words <= 6
}

// irrealis reports whether the range holds a modal: its content is not asserted
// as fact.
func (x *Extractor) irrealis(s *sentence, from, to int) bool {
	for k := from; k < to && k < len(s.toks); k++ {
		switch s.toks[k].lower {
		case "would", "will", "can", "could", "may", "might", "'ll", "wo", "shall":
			return true
		}
	}
	return false
}

// modalBefore reports whether a modal governs the trigger at ti (within a few
// words before it, not before floor).
func (x *Extractor) modalBefore(s *sentence, ti, floor int) bool {
	for k := ti - 1; k >= floor && k >= ti-6; k-- {
		t := s.toks[k]
		abbrev := t.text == "." && k > 0 && s.toks[k-1].end == t.start // "U.S."
		if !t.word && t.text != "“" && t.text != "\"" && !abbrev {
			return false
		}
		switch t.lower {
		case "would", "will", "can", "could", "may", "might", "'ll", "wo", "shall", "should", "must",
			"wants", "want", "wanted", "willing", "ready", "prepared", "hopes", "hoped", "interest":
			return true
		}
	}
	return false
}

// findUnnegated reports whether p occurs within tokens [from, to) with no
// negation in the two words before it ("not a violation" condemns nothing).
func (x *Extractor) findUnnegated(s *sentence, p phrase, from, to int, modal bool) bool {
	for k := max(from, 0); k < to && k < len(s.toks); k++ {
		end, ok := matchPhrase(p, s.toks[:to], k)
		if !ok || end > to {
			continue
		}
		if modal && !x.irrealis(s, max(from, k-10), k) {
			// An irrealis cue counts only where a modal governs it ("would
			// strike"), not beside a modal elsewhere in what is said.
			continue
		}
		negated := false
		for j := k - 1; j >= from && j >= k-2; j-- {
			if x.words.is(s.toks[j].lower, "negation") {
				negated = true
			}
		}
		if !negated {
			return true
		}
	}
	return false
}

// readIntent reads verbs of intent with an infinitive: "agreed to delay" yields
// (08), "agreed to negotiate" stays an intent (03), "offered to visit" is an
// intent and a planned visit.
func (x *Extractor) readIntent(s *sentence) {
	for ci, c := range s.cands {
		if c.e.class != classIntent || c.absorbed {
			continue
		}
		to := -1
		if s.toks[c.tj-1].lower == "to" {
			to = c.tj - 1 // the trigger ends with it: "voted 141-5 to"
		}
		for k := c.tj; to < 0 && k < len(s.toks) && k <= c.tj+6; k++ {
			if s.toks[k].lower == "to" {
				to = k
				break
			}
			if !s.toks[k].word {
				break
			}
		}
		if to < 0 {
			continue
		}
		for _, o := range s.cands[ci+1:] {
			if o.ti != to+1 && o.ti != to+2 {
				continue
			}
			switch lw := s.toks[c.ti].lower; {
			case o.code == "16" && s.militaryObject(o):
				// "agreed to suspend nuclear tests": to halt one's own force is to
				// yield (08), not to cut relations.
				c.code = "08"
				o.absorbed = true
			case strings.HasPrefix(lw, "promis") || strings.HasPrefix(lw, "pledg") || strings.HasPrefix(lw, "vow"):
				// A promise is one event whatever it promises.
				o.absorbed = true
			case o.code == "08":
				c.code = "08"
				o.absorbed = true
			case strings.HasPrefix(lw, "vot") && o.e.class == classVerb:
				// A body that votes to act acts: "voted to condemn" condemns.
				c.code = o.code
				o.absorbed = true
			case strings.HasPrefix(lw, "decid") && o.e.class == classVerb && o.code >= "10":
				// A decision to act against another is the act, decided: "decided to cut ties"
				// reduces relations, one event; a decision to cooperate is an intent (03).
				c.code = o.code
				o.absorbed = true
			case o.code == "04" && o.e.class == classVerb && (o.word(s) == "talk" || o.word(s) == "negotiate"):
				o.absorbed = true
			default:
				o.inter = true
			}
			break
		}
	}
}

// militaryObject reports whether a show of force or an attack (15, 18, 19) is
// named within three words after c.
func (s *sentence) militaryObject(c *cand) bool {
	for _, o := range s.cands {
		if o.ti >= c.tj && o.ti <= c.tj+3 && (o.code == "15" || o.code == "18" || o.code == "19") {
			return true
		}
	}
	return false
}

func (c *cand) word(s *sentence) string { return s.toks[c.ti].lower }

// habitual reports whether an adverb of frequency makes the event a habit
// ("the minister has said repeatedly", "Uruguay has often complained").
func (x *Extractor) habitual(s *sentence, c *cand) bool {
	for k := max(c.ti-3, 0); k < len(s.toks) && k <= c.tj+1; k++ {
		if x.words.is(s.toks[k].lower, "habitual") {
			return true
		}
	}
	return false
}

// meetsSomeone reports whether "met" has a party to meet: "with", an actor right
// after it, a date or place after it ("met on Friday", "met in Geneva"), or
// nothing at all (joint subjects: "the two leaders met.").
func (x *Extractor) meetsSomeone(s *sentence, c *cand) bool {
	if c.tj >= len(s.toks) || !s.toks[c.tj].word {
		return true
	}
	if x.words.is(s.toks[c.tj].lower, "preposition") || strings.HasSuffix(s.toks[c.tj].lower, "ly") {
		return true
	}
	if x.words.is(s.toks[c.tj].lower, "adverb") && c.tj+1 < len(s.toks) && x.words.is(s.toks[c.tj+1].lower, "preposition") {
		return true // "would meet later with his counterpart", "met again on Monday"
	}
	_, ok := s.mentionAt(c.tj, 3)
	return ok
}

// hasMentionIn reports whether an actor mention starts in tokens [from, to).
func (s *sentence) hasMentionIn(from, to int) bool {
	_, ok := s.mentionAt(from, to-from)
	return ok
}

// partyIn reports whether a coded actor other than a pronoun is mentioned in
// tokens [from, to).
func (s *sentence) partyIn(from, to int) bool {
	for m := s.mentionFrom(from); m < len(s.mtok) && s.mtok[m] < to; m++ {
		if s.mentions[m].Kind != actors.KindPronoun && s.mentions[m].actor.Code != "" {
			return true
		}
	}
	return false
}

// conditional reports whether c lies in a clause of condition or doubt ("if the
// rebels agreed ...", "unless it withdrew ...", "until the envoy visits").
func (x *Extractor) conditional(s *sentence, c *cand) bool {
	start := x.clauseStart(s, c.ti)
	if start <= 0 {
		return false
	}
	switch s.toks[start-1].lower {
	case "if", "unless", "whether", "until":
		// Up to the comma that closes the condition.
		return !s.between(start, c.ti, ",")
	}
	return false
}

// between reports whether one of the words occurs in tokens [from, to).
func (s *sentence) between(from, to int, words ...string) bool {
	for k := max(from, 0); k < to && k < len(s.toks); k++ {
		for _, w := range words {
			if s.toks[k].lower == w {
				return true
			}
		}
	}
	return false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
