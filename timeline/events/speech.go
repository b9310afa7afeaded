package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline/actors"
)

// Statements: what a reporting verb reports decides its code, and the events it
// reports either stand on their own (a realis clause: "said they had arrested 14")
// or are only the content of the statement (a quotation, or an irrealis clause:
// "said it would strike Iraq" is a threat, not a strike).

// readSpeech finds the content of each statement, recodes the statement by it and
// absorbs the triggers that are only content.
func (x *Extractor) readSpeech(s *sentence) {
	// A trigger inside a quotation is the content of the statement that quotes it.
	hasSay := false
	for _, c := range s.cands {
		if c.e.class == classSay && !s.toks[c.ti].quoted {
			hasSay = true
		}
	}
	for _, c := range s.cands {
		if c.tweet || c.drop {
			continue
		}
		if s.toks[c.ti].quoted && (hasSay || c.e.class == classSay) {
			c.absorbed = true
		}
	}
	for ci, c := range s.cands {
		if c.e.class != classSay || c.absorbed {
			continue
		}
		c.cs, c.ce = x.speechContent(s, ci)
		c.quote = c.ce > c.cs && c.ce <= len(s.toks) && s.toks[c.ce-1].quoted
		c.about = [2]int{c.cs, c.ce}
		if x.closing(s, c) && !c.quote {
			// An attribution closing the sentence ("NATO has decided to admit
			// Poland ..., an official said on Wednesday.") is about what comes
			// before its comma; that stays events of its own.
			for k := c.ti - 1; k > 0; k-- {
				if s.toks[k].text == "," {
					c.about = [2]int{0, k}
					break
				}
			}
		}
		// A participle "saying" after another event of the clause only elaborates it.
		if lw := s.toks[c.ti].lower; len(lw) > 4 && lw[len(lw)-3:] == "ing" && lw != "according" {
			for _, p := range s.cands[:ci] {
				if !p.absorbed && !p.drop && p.e.class != classSay {
					c.drop = true
				}
			}
			if c.drop {
				for _, o := range s.cands {
					if o.ti >= c.cs && o.ti < c.ce {
						o.absorbed = true
					}
				}
				continue
			}
		}
		irr := x.irrealis(s, c.cs, c.ce)
		code := ""
		for _, cue := range x.cues {
			if cue.class == "irr" && !irr {
				continue
			}
			if x.findPhrase(s, cue.phrase, c.cs, c.ce) {
				code = cue.code
				break
			}
		}
		for _, o := range s.cands {
			if o == c || o.drop || o.ti < c.cs || o.ti >= c.ce || o.e.class == classSay {
				continue
			}
			if o.absorbed || x.modalBefore(s, o.ti, c.cs) {
				o.absorbed = true
				// What one says will not happen ("would not try to visit"), or what
				// will be done to others ("could only be visited by"), is no intent.
				if code == "" && o.e.class != classNoun && !x.negatedOrPassive(s, o.ti, c.cs) {
					code = contentCode(o.code, x.modalBefore(s, o.ti, c.cs))
				}
			}
		}
		if code != "" {
			c.code = code
		}
	}
	// A tweet with no trigger is still a statement of its author.
	if s.tweetAt > 0 && s.author != nil {
		live := false
		for _, c := range s.cands {
			if !c.absorbed && !c.drop {
				live = true
			}
		}
		if !live {
			first := 0
			for first < s.tweetAt && !s.toks[first].word {
				first++
			}
			c := &cand{ti: first, tj: first + 1, e: &entry{code: "01", class: classSay}, code: "01", srcMent: -1, tweet: true, cs: 0, ce: s.tweetAt, about: [2]int{0, s.tweetAt}}
			for _, cue := range x.cues {
				if cue.class == "irr" {
					continue
				}
				if x.findPhrase(s, cue.phrase, 0, s.tweetAt) {
					c.code = cue.code
					break
				}
			}
			s.cands = append(s.cands, c)
			s.sayEnd = nil
		}
	}
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

// contentCode maps the code of an event that is only said to happen to the code of
// the statement: saying one will strike is a threat, saying one will meet an
// intent to cooperate.
func contentCode(code string, modal bool) string {
	if !modal {
		return code
	}
	switch code {
	case "13", "15", "17", "18", "19", "20":
		return "13"
	case "03", "04", "05", "06", "07", "08":
		return "03"
	case "12", "16":
		return "12"
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
	// A quotation right before the verb ("``...,'' Yeltsin said", "“...,” said X").
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
// ("...,” Yeltsin said", "“...,” said X") and a short subject at most.
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
		if !t.word && t.text != "“" && t.text != "\"" {
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

// findPhrase reports whether p occurs within tokens [from, to).
func (x *Extractor) findPhrase(s *sentence, p phrase, from, to int) bool {
	for k := max(from, 0); k < to && k < len(s.toks); k++ {
		if end, ok := matchPhrase(p, s.toks[:to], k); ok && end <= to {
			return true
		}
	}
	return false
}

// readIntent reads verbs of intent with an infinitive: "agreed to delay" yields
// (08), "agreed to talk" stays an intent (03), "offered to travel" is an intent
// and a planned visit.
func (x *Extractor) readIntent(s *sentence) {
	for ci, c := range s.cands {
		if c.e.class != classIntent || c.absorbed {
			continue
		}
		to := -1
		for k := c.tj; k < len(s.toks) && k <= c.tj+6; k++ {
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
// ("Kuchma has said repeatedly", "Russia has often claimed").
func (x *Extractor) habitual(s *sentence, c *cand) bool {
	for k := max(c.ti-3, 0); k < len(s.toks) && k <= c.tj+1; k++ {
		if x.words.is(s.toks[k].lower, "habitual") {
			return true
		}
	}
	return false
}

// prefilter drops the trigger words that assert no event of their own: a verb
// in the passive after "being" ("upon being asked"), a habit ("has said
// repeatedly"), a verb form used as a noun ("the arrest", "against travel to"), an
// event only supposed ("if he made the trip"), and a quoted word with no
// statement to quote it.
// privateSpeaker reports whether the speaker of statement c is a private person
// named by a noun of words.tsv's private class: the head right before the verb
// ("the boy's mother said", "economists say") or, inverted, right after it
// ("said analysts at Briefing.com"), with no actor mention in that place.
func (x *Extractor) privateSpeaker(s *sentence, c *cand) bool {
	k := x.headBefore(s, c.ti)
	if k >= 0 && x.words.is(s.toks[k].lower, "private") && !s.insideMention(k) && !s.mentionStartsAt(k) {
		return true
	}
	if k >= 0 && s.toks[k].word {
		return false // a subject of another kind stands before the verb
	}
	j := c.tj
	for j < len(s.toks) && j < c.tj+2 && (s.toks[j].lower == "the" || s.toks[j].lower == "a" || s.toks[j].lower == "one") {
		j++
	}
	return j < len(s.toks) && x.words.is(s.toks[j].lower, "private") && !s.insideMention(j) && !s.mentionStartsAt(j)
}

func (x *Extractor) prefilter(s *sentence) {
	hasSay := false
	for _, c := range s.cands {
		if c.e.class == classSay && !s.toks[c.ti].quoted {
			hasSay = true
		}
	}
	for _, c := range s.cands {
		verbal := c.e.class != classNoun && c.e.class != classCtx
		lw := s.toks[c.ti].lower
		prev := ""
		if c.ti > 0 {
			prev = s.toks[c.ti-1].lower
		}
		switch {
		case c.tweet:
		case c.e.class == classSay && x.privateSpeaker(s, c):
			// "..., said analysts at Briefing.com", "the mother said": no
			// political actor speaks.
			c.drop = true
		case prev == "being" && strings.HasSuffix(lw, "ed"):
			c.drop = true
		case x.habitual(s, c):
			c.drop = true
		case verbal && c.tj == c.ti+1 && (prev == "was" || prev == "were" || prev == "been" || prev == "is" || prev == "are" || prev == "be") &&
			(strings.HasSuffix(lw, "ed") || x.words.is(lw, "pastform")) && (c.tj >= len(s.toks) || s.toks[c.tj].lower != "by"):
			// A passive with no agent ("he was told", "sanctions were imposed"): its
			// subject is acted on, and who acted is not said.
			c.drop = true
		case verbal && (x.words.is(prev, "determiner") && !(prev == "of" && strings.HasSuffix(lw, "ing")) || prev == "against" || prev == "in" || x.nominal(s, c.ti)):
			c.drop = true
		case x.conditional(s, c):
			c.drop = true
		case c.code == "04" && c.e.class == classVerb && (strings.HasPrefix(lw, "visit") || strings.HasPrefix(lw, "arriv")) && !s.hasMentionIn(c.tj, c.tj+4):
			// "visited a total of nine sites", "arrived in Philadelphia": a visit
			// to no political actor is no consultation.
			c.drop = true
		case c.code == "05" && c.e.class == classVerb && (strings.HasPrefix(lw, "admit") || strings.HasPrefix(lw, "appoint")) && !s.partyIn(c.tj, c.tj+4):
			// "admitted he was wrong", "appointed a new coach": no country or
			// organisation is let in or recognised.
			c.drop = true
		case c.code == "04" && (lw == "met" || lw == "meet" || lw == "meets") && !x.meetsSomeone(s, c):
			// "the election met international standards": meeting no one.
			c.drop = true
		case strings.HasPrefix(lw, "ask") && c.tj < len(s.toks) && (s.toks[c.tj].lower == "if" || s.toks[c.tj].lower == "whether" || s.toks[c.tj].lower == "about"):
			// "Asked if the raid wiped out the group, he ...": the one asked answers.
			c.drop = true
		case c.e.class == classSay && c.tj < len(s.toks) && startsWithDigit(s.toks[c.tj].text):
			// "the industry added 92,000 jobs": a number is no statement.
			c.drop = true
		case s.toks[c.ti].quoted && !hasSay && c.e.class != classSay:
			c.drop = true
		}
	}
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

// conditional reports whether c lies in a clause of condition or doubt ("if U.S.
// authorities promised ...", "unless it gave ...", "until Annan visits").
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

// readObjects folds a nominal event that is the object of another event's verb
// into it ("suspended all negotiations": one event, the suspension), and drops
// what only elaborates another event: a purpose clause, a passive participle, a
// second attribution of the same statement.
func (x *Extractor) readObjects(s *sentence) {
	for ci, c := range s.cands {
		if c.absorbed || c.drop {
			continue
		}
		if c.e.class != classNoun && c.e.class != classCtx && c.ti > 0 && c.tj < len(s.toks) &&
			s.toks[c.ti-1].text == "," && s.toks[c.tj].lower == "by" && strings.HasSuffix(s.toks[c.ti].lower, "ed") {
			// ", released by the Kremlin,": a passive participle describing a noun.
			c.drop = true
			continue
		}
		if c.e.class == classSay && !s.toks[c.ti].quoted {
			for _, o := range s.cands[:ci] {
				if o.e.class == classSay && !o.absorbed && !o.drop && !s.toks[o.ti].quoted && s.toks[o.ti].lower != "according" {
					// "..., according to X" after a reporting verb, or "says ... but
					// added ...": one statement.
					if s.toks[c.ti].lower == "according" || strings.HasPrefix(s.toks[c.ti].lower, "add") && s.between(o.tj, c.ti, "but", "and") {
						c.drop = true
					}
				}
			}
			if c.drop {
				continue
			}
		}
		if c.e.class != classNoun && c.e.class != classCtx && !c.inter && !c.tweet {
			// A purpose clause ("dispatched agents to investigate", "came to offer
			// condolences", "to further ease") elaborates its main event; only a plan
			// or an intent makes the infinitive an event of its own.
			k := c.ti - 1
			for k > 0 && (strings.HasSuffix(s.toks[k].lower, "ly") || s.toks[k].lower == "further") {
				k--
			}
			if k > 0 && s.toks[k].lower == "to" {
				if p := s.toks[k-1].lower; !x.words.is(p, "planned") && !x.words.is(p, "intent") {
					c.drop = true
					continue
				}
			}
		}
		if c.e.class != classNoun {
			continue
		}
		if c.code == "04" && c.ti > 1 && (s.toks[c.ti-2].lower == "after" || s.toks[c.ti-2].lower == "before" || s.toks[c.ti-2].lower == "since") && s.toks[c.ti-1].lower == "the" {
			// "issued after the talks": talks named as a point in time.
			c.absorbed = true
			continue
		}
		if c.code == "04" {
			// "Israel-Syrian talks have been cut off": the meeting is what another
			// event acts on.
			k := c.tj
			for k < len(s.toks) && k < c.tj+3 && (x.words.is(s.toks[k].lower, "perfect") || x.words.is(s.toks[k].lower, "progressive") ||
				s.toks[k].lower == "been" || s.toks[k].lower == "was" || s.toks[k].lower == "were" || s.toks[k].lower == "be") {
				k++
			}
			for _, o := range s.cands[ci+1:] {
				if o.ti == k && k > c.tj && !o.drop && !o.absorbed && o.e.class != classNoun {
					c.absorbed = true
				}
			}
			if c.absorbed {
				continue
			}
		}
		for _, p := range s.cands[:ci] {
			// Only a meeting, the act the verb itself names ("imposed
			// sanctions"), what is yielded ("lifted its arms embargo") or asked for
			// ("urged an immediate ceasefire"), is a mere object ("suspended all negotiations", "held
			// talks"); a threat or an attack that is acted on stays an event
			// ("glossed over stern warnings", "backed his threat of force").
			if p.absorbed || p.drop || p.e.class == classNoun || p.e.class == classCtx || p.e.class == classSay || c.code != "04" && c.code != p.code && p.code != "08" && p.code != "02" && p.code != "10" && p.code != "12" {
				continue
			}
			if c.ti-p.tj <= 2 && c.ti >= p.tj {
				c.absorbed = true
			}
			if c.ti > p.tj && c.ti-p.tj <= 6 && s.between(p.tj, c.ti, "for") && !s.between(p.tj, c.ti, ",", ";", "and", "but", "that", "which", "who") {
				// "will visit Afghanistan this week for talks", "appealed on Friday
				// for prompt food aid": what the act is for is no event of its own.
				c.absorbed = true
			}
		}
	}
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
