package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// Trigger words that assert no event of their own, as named rules: the
// prefilter rules drop a trigger before statements are read; the fold rules,
// after, drop what only elaborates another event or fold a nominal event into
// the act whose object it is. Each rule has its rows in testdata/drops.tsv.

// candRule is one reason a candidate is no event of its own: applies reports
// whether it holds for the candidate s.cands[ci].
type candRule struct {
	name    string
	applies func(x *Extractor, s *sentence, ci int) bool
}

// prefilterRules drop a trigger when one holds; the first that holds is
// recorded. An embedded post's own statement is never dropped.
var prefilterRules = []candRule{
	{"private-speaker", (*Extractor).privateStatement},
	{"passive-after-being", (*Extractor).passiveAfterBeing},
	{"habitual", (*Extractor).habitualAct},
	{"agentless-passive", (*Extractor).agentlessPassive},
	{"verb-as-noun", (*Extractor).verbAsNoun},
	{"conditional", (*Extractor).conditionalAct},
	{"visit-to-no-party", (*Extractor).visitToNoParty},
	{"admit-no-party", (*Extractor).admitNoParty},
	{"meets-no-one", (*Extractor).meetsNoOne},
	{"asked-a-question", (*Extractor).askedQuestion},
	{"number-added", (*Extractor).numberAdded},
	{"quote-without-speaker", (*Extractor).quoteWithoutSpeaker},
	{"inside-a-name", (*Extractor).insideName},
	{"attributive", (*Extractor).attributive},
	{"inanimate-threat", (*Extractor).inanimateThreat},
}

// prefilter drops the trigger words that assert no event of their own
// (prefilterRules).
func (x *Extractor) prefilter(s *sentence) {
	for ci, c := range s.cands {
		if c.tweet {
			continue
		}
		for _, r := range prefilterRules {
			if r.applies(x, s, ci) {
				c.drop, c.dropRule = true, r.name
				break
			}
		}
	}
}

// verbal reports whether c is triggered by a verb rather than a noun.
func (c *cand) verbal() bool { return c.e.class != classNoun && c.e.class != classCtx }

// prevWord returns the lower-case token before c's trigger, or "".
func (s *sentence) prevWord(c *cand) string {
	if c.ti == 0 {
		return ""
	}
	return s.toks[c.ti-1].lower
}

// privateStatement: a statement by a private person named by a noun ("the
// boy's mother said", "said analysts at a bank") is no political actor's.
func (x *Extractor) privateStatement(s *sentence, ci int) bool {
	c := s.cands[ci]
	return c.e.class == classSay && x.privateSpeaker(s, c)
}

// privateSpeaker reports whether the speaker of statement c is a private person
// named by a noun of words.tsv's private class: the head right before the verb
// ("the boy's mother said", "economists say") or, inverted, right after it
// ("said analysts at a bank"), with no actor mention in that place.
func (x *Extractor) privateSpeaker(s *sentence, c *cand) bool {
	k := x.headBefore(s, c.ti)
	if k >= 0 && x.words.is(s.toks[k].lower, "private") && !s.insideMention(k) && !s.mentionStartsAt(k) {
		return true
	}
	if k > 0 && x.words.is(s.toks[k].lower, "official") && nonState(s.toks[k-1].lower) && !s.insideMention(k-1) {
		return true // "the company spokesman said"
	}
	if k >= 0 && s.toks[k].word {
		// A subject of another kind stands before the verb, unless the
		// tree makes a private noun further back its subject ("legal
		// experts in Montevideo said").
		return x.privateTreeSubject(s, c)
	}
	j := c.tj
	for j < len(s.toks) && j < c.tj+2 && (s.toks[j].lower == "the" || s.toks[j].lower == "a" || s.toks[j].lower == "one") {
		j++
	}
	return j < len(s.toks) && x.words.is(s.toks[j].lower, "private") && !s.insideMention(j) && !s.mentionStartsAt(j)
}

// privateTreeSubject reports whether the parse makes a noun of the private
// class, itself no actor's name, the subject of a closing attribution c
// ("..., legal experts in Montevideo said"). The sentence is parsed for it
// only when such a noun stands between the comma and the verb.
func (x *Extractor) privateTreeSubject(s *sentence, c *cand) bool {
	found, comma := false, false
	for k := max(0, c.ti-8); k < c.ti; k++ {
		switch {
		case s.toks[k].text == ",":
			comma, found = true, false
		case comma && x.words.is(s.toks[k].lower, "private"):
			found = true
		}
	}
	if !found {
		return false
	}
	k, _ := s.parsedSubject(c)
	return k >= 0 && k < c.ti && x.words.is(s.toks[k].lower, "private") && !s.insideMention(k) && !s.mentionStartsAt(k)
}

// parsedSubject returns the sentence token that the parse makes the active
// subject of c's verb, with its universal tag; -1 when there is none. It
// parses the sentence if need be, for a filter that runs before the tree
// rules may (allowTree).
func (s *sentence) parsedSubject(c *cand) (int, string) {
	if s.rd == nil || s.rd.tree == nil {
		return -1, ""
	}
	doc0, r0 := s.doc, s.r
	s.doc, s.r = s.rd.tree, s.rd
	v := s.treeVerb(c, true)
	s.doc, s.r = doc0, r0
	if v < 0 {
		return -1, ""
	}
	d := s.rd.tree
	subj, passive := clauseSubject(d, v)
	if subj < 0 || passive {
		return -1, ""
	}
	k := s.tokenAt(d.Tokens[subj].Span.Start)
	if k >= len(s.toks) || s.toks[k].start != d.Tokens[subj].Span.Start {
		return -1, ""
	}
	return k, d.Tokens[subj].UPOS
}

// passiveAfterBeing: a passive after "being" ("after being criticised") tells
// what was done to the subject as the circumstance of another act.
func (x *Extractor) passiveAfterBeing(s *sentence, ci int) bool {
	c := s.cands[ci]
	return s.prevWord(c) == "being" && strings.HasSuffix(s.toks[c.ti].lower, "ed")
}

// habitualAct: an act an adverb of frequency makes a habit ("has often
// criticised") is no one occurrence.
func (x *Extractor) habitualAct(s *sentence, ci int) bool {
	return x.habitual(s, s.cands[ci])
}

// agentlessPassive: a passive with no agent ("he was told", "sanctions were
// imposed") has its subject acted on and does not say who acted.
func (x *Extractor) agentlessPassive(s *sentence, ci int) bool {
	c := s.cands[ci]
	lw := s.toks[c.ti].lower
	switch s.prevWord(c) {
	case "was", "were", "been", "is", "are", "be":
	default:
		return false
	}
	return c.verbal() && c.tj == c.ti+1 && (strings.HasSuffix(lw, "ed") || x.words.is(lw, "pastform")) && !s.agentAfter(c.tj)
}

// verbAsNoun: a verb form after a determiner, "against" or "in", or after a
// determiner and a demonym, is a noun ("the arrest", "against travel to the
// region", "a Uruguayan visit"), which the noun lexicon covers. (After "of" an -ing form is
// still a verb: "accused of violating".)
func (x *Extractor) verbAsNoun(s *sentence, ci int) bool {
	c := s.cands[ci]
	prev := s.prevWord(c)
	return c.verbal() && (x.words.is(prev, "determiner") && !(prev == "of" && strings.HasSuffix(s.toks[c.ti].lower, "ing")) || prev == "against" || prev == "in" || x.nominal(s, c.ti))
}

// insideName: a capitalised trigger word inside a sentence, next to another
// capitalised word, is part of a name ("the Asuncion Detention Center",
// "the Conference Board", "EU Humanitarian Aid Commissioner"), not an act. A
// sentence capitalised throughout (a headline) tells nothing by its case.
func (x *Extractor) insideName(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.ti == 0 || c.tj > len(s.toks) || !titleWord(s.toks[c.ti]) || !s.toks[c.ti-1].word {
		return false
	}
	if !(c.tj < len(s.toks) && titleWord(s.toks[c.tj]) || c.verbal() && titleWord(s.toks[c.ti-1])) {
		// Before another capitalised word, or a verb after one ("Mohammed
		// Said Novak", "Tom DeLay"); a noun may end a name and still name the
		// occurrence ("the Gulf War").
		return false
	}
	lower, words := 0, 0
	for _, t := range s.toks {
		if t.word {
			words++
			if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsLower(r) {
				lower++
			}
		}
	}
	return 2*lower > words
}

// attributive: a participle of accusation or dispute written before a noun,
// after a possessive, a determiner or a conjunction, qualifies the noun ("the
// alleged abuses", "Paraguay's disputed referendum", "unemployment and alleged
// discrimination"); it asserts no accusation or rejection.
func (x *Extractor) attributive(s *sentence, ci int) bool {
	c := s.cands[ci]
	switch s.toks[c.ti].lower {
	case "alleged", "disputed", "contested":
	default:
		return false
	}
	if c.tj != c.ti+1 || c.tj >= len(s.toks) || c.ti == 0 {
		return false
	}
	next, prev := s.toks[c.tj], s.toks[c.ti-1].lower
	if !next.word || next.text != next.lower || next.lower == "that" || x.words.is(next.lower, "determiner") || x.words.is(next.lower, "preposition") {
		return false
	}
	return prev == "'s" || prev == "’s" || prev == "and" || prev == "or" || x.words.is(prev, "determiner")
}

// inanimateThreat: a thing that "threatens" ("the general's trial threatened to
// deepen tensions", "the dispute threatens the talks") puts something at
// risk; only an actor threatens (CAMEO 13). The subject is read off the parse
// (the sentence is parsed for it): a common noun that names no actor and no
// kind of person.
func (x *Extractor) inanimateThreat(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.code != "13" || c.e.class != classVerb || !strings.HasPrefix(s.toks[c.ti].lower, "threaten") {
		return false
	}
	k, upos := s.parsedSubject(c)
	if k < 0 || upos != "NOUN" || s.insideMention(k) || s.mentionStartsAt(k) {
		return false
	}
	w := s.toks[k].lower
	for _, class := range []string{"official", "officials", "perpetrator", "collective", "people", "private", "agent"} {
		if x.words.is(w, class) {
			return false
		}
	}
	for _, suffix := range []string{"ers", "ists", "ians", "men", "ants", "ents"} {
		if strings.HasSuffix(w, suffix) {
			return false // "the protesters", "the militants", "the residents"
		}
	}
	return true
}

// titleWord reports whether t is a word in title case: a capital, then a
// lower-case letter ("Center", not "UN" or "the").
func titleWord(t token) bool {
	r, w := utf8.DecodeRuneInString(t.text)
	if !t.word || !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(t.text[w:])
	return unicode.IsLower(r2)
}

// conditionalAct: an act in a clause of condition or doubt ("if Uruguay
// attacked", "until the envoy visits") is only supposed.
func (x *Extractor) conditionalAct(s *sentence, ci int) bool {
	return x.conditional(s, s.cands[ci])
}

// visitToNoParty: a visit or an arrival with no actor right after it ("visited
// nine sites", "arrived in a small town") consults no one.
func (x *Extractor) visitToNoParty(s *sentence, ci int) bool {
	c := s.cands[ci]
	lw := s.toks[c.ti].lower
	return c.code == "04" && c.e.class == classVerb && (strings.HasPrefix(lw, "visit") || strings.HasPrefix(lw, "arriv")) && !s.hasMentionIn(c.tj, c.tj+4)
}

// admitNoParty: admitting or appointing with no country or organisation after
// it ("admitted he was wrong", "appointed a new coach") lets no one in and
// recognises no one; nor does admitting what a pronoun then says ("admitted
// they would miss Paraguay").
func (x *Extractor) admitNoParty(s *sentence, ci int) bool {
	c := s.cands[ci]
	lw := s.toks[c.ti].lower
	return c.code == "05" && c.e.class == classVerb && (strings.HasPrefix(lw, "admit") || strings.HasPrefix(lw, "appoint")) && !s.partyIn(c.tj, c.tj+4) ||
		c.code == "05" && c.e.class == classVerb && strings.HasPrefix(lw, "admit") && c.tj < len(s.toks) && x.words.is(s.toks[c.tj].lower, "subjectword")
}

// meetsNoOne: "met" with no party to meet ("the vote met international
// standards") is no meeting.
func (x *Extractor) meetsNoOne(s *sentence, ci int) bool {
	c := s.cands[ci]
	lw := s.toks[c.ti].lower
	return c.code == "04" && (lw == "met" || lw == "meet" || lw == "meets") && !x.meetsSomeone(s, c)
}

// askedQuestion: being asked a question ("Asked whether talks would resume,
// he ...") is the occasion of the answer, which is the event.
func (x *Extractor) askedQuestion(s *sentence, ci int) bool {
	c := s.cands[ci]
	if !strings.HasPrefix(s.toks[c.ti].lower, "ask") || c.tj >= len(s.toks) {
		return false
	}
	switch s.toks[c.tj].lower {
	case "if", "whether", "about", "how", "why", "what", "when", "where", "who", "which":
		return true
	}
	return false
}

// numberAdded: a reporting verb followed by a number ("the economy added
// 90,000 jobs") states no statement.
func (x *Extractor) numberAdded(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.e.class != classSay || c.tj >= len(s.toks) || !startsWithDigit(s.toks[c.tj].text) {
		return false
	}
	if lw := s.toks[c.ti].lower; strings.HasPrefix(lw, "announc") {
		return false // "announced 20 million dollars in aid": an announced act
	} else if lw == "said" || lw == "says" || lw == "say" || lw == "told" {
		// "said 230 soldiers had returned" states a number; "said
		// 64-year-old Ana" is a private speaker's age.
		return strings.Contains(s.toks[c.tj].lower, "year") || c.tj+1 < len(s.toks) && strings.Contains(s.toks[c.tj+1].lower, "year-old")
	}
	return true
}

// quoteWithoutSpeaker: a trigger word inside a quotation that no reporting verb
// of the sentence attributes is a quoted word, not an act.
func (x *Extractor) quoteWithoutSpeaker(s *sentence, ci int) bool {
	c := s.cands[ci]
	return s.toks[c.ti].quoted && c.e.class != classSay && !s.hasUnquotedSay()
}

// hasUnquotedSay reports whether a reporting verb outside quotations triggers
// a candidate of the sentence.
func (s *sentence) hasUnquotedSay() bool {
	for _, c := range s.cands {
		if c.e.class == classSay && !s.toks[c.ti].quoted {
			return true
		}
	}
	return false
}

// foldRules are read after statements and intents: the first that holds for a
// live candidate drops it (what only elaborates another event) or folds it into
// another event (absorbed), as the rule's fold says.
var foldRules = []struct {
	candRule
	fold bool // absorb into another event rather than drop
}{
	{candRule{"passive-participle", (*Extractor).passiveParticiple}, false},
	{candRule{"second-attribution", (*Extractor).secondAttribution}, false},
	{candRule{"purpose-clause", (*Extractor).purposeClause}, false},
	{candRule{"accusation-content", (*Extractor).accusationContent}, true},
	{candRule{"demand-content", (*Extractor).demandContent}, true},
	{candRule{"response-by", (*Extractor).responseBy}, false},
	{candRule{"talks-as-time", (*Extractor).talksAsTime}, true},
	{candRule{"talks-acted-on", (*Extractor).talksActedOn}, true},
	{candRule{"object-of-act", (*Extractor).objectOfAct}, true},
}

// readObjects applies foldRules to the candidates still live, in order.
func (x *Extractor) readObjects(s *sentence) {
	for ci, c := range s.cands {
		if c.absorbed || c.drop {
			continue
		}
		for _, r := range foldRules {
			if r.applies(x, s, ci) {
				if r.fold {
					c.absorbed = true
				} else {
					c.drop = true
				}
				c.dropRule = r.name
				break
			}
		}
	}
}

// passiveParticiple: a past participle with an agent set off by a comma (",
// released by the ministry,") describes a noun; it asserts no act of its own.
func (x *Extractor) passiveParticiple(s *sentence, ci int) bool {
	c := s.cands[ci]
	return c.verbal() && c.ti > 0 && c.tj < len(s.toks) && s.toks[c.ti-1].text == "," && s.toks[c.tj].lower == "by" && strings.HasSuffix(s.toks[c.ti].lower, "ed")
}

// secondAttribution: "according to X" after a reporting verb, or "added" joined
// by "but" or "and" to an earlier statement, attributes the same statement
// again.
func (x *Extractor) secondAttribution(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.e.class != classSay || s.toks[c.ti].quoted {
		return false
	}
	for _, o := range s.cands[:ci] {
		if o.e.class == classSay && !o.absorbed && !o.drop && !s.toks[o.ti].quoted && s.toks[o.ti].lower != "according" {
			if s.toks[c.ti].lower == "according" || strings.HasPrefix(s.toks[c.ti].lower, "add") && s.between(o.tj, c.ti, "but", "and") {
				return true
			}
		}
	}
	return false
}

// accusationContent: the act an accusation charges someone with ("accused
// Kyiv of shelling the city", "was accused of supporting militants") is what
// the accusation says, not an event the text asserts.
func (x *Extractor) accusationContent(s *sentence, ci int) bool {
	c := s.cands[ci]
	if !c.verbal() || c.ti < 2 || !strings.HasSuffix(s.toks[c.ti].lower, "ing") {
		return false
	}
	switch s.toks[c.ti-1].lower {
	case "of", "for", "with", "by":
	default:
		return false
	}
	for k := c.ti - 2; k >= 0 && k >= c.ti-12; k-- {
		w := s.toks[k].lower
		if !s.toks[k].word || x.words.is(w, "boundary") {
			return false
		}
		for _, p := range []string{"accus", "blam", "charg"} {
			if strings.HasPrefix(w, p) {
				return true
			}
		}
	}
	return false
}

// demandContent: what a demand or an appeal asks for in a "that" clause
// ("demanded that Russia withdraw its troops") is its content, not an act the
// text asserts.
func (x *Extractor) demandContent(s *sentence, ci int) bool {
	c := s.cands[ci]
	if !c.verbal() {
		return false
	}
	for k := c.ti - 1; k >= 0 && k >= c.ti-6; k-- {
		if s.toks[k].lower != "that" {
			if !s.toks[k].word {
				return false
			}
			continue
		}
		for _, o := range s.cands {
			if o != c && o.tj == k && o.e.class != classSay && (o.code == "10" || o.code == "02") {
				return true
			}
		}
		return false
	}
	return false
}

// responseBy: "responded by" an act ("Seoul responded by conducting its own
// drills") is that act, which the sentence asserts as an event of its own; the
// response adds none.
func (x *Extractor) responseBy(s *sentence, ci int) bool {
	c := s.cands[ci]
	lw := s.toks[c.ti].lower
	if !strings.HasPrefix(lw, "respond") && !strings.HasPrefix(lw, "react") || c.tj >= len(s.toks) {
		return false
	}
	by := c.tj
	for by < len(s.toks) && by < c.tj+4 && s.toks[by].lower != "by" {
		if !s.toks[by].word {
			return false
		}
		by++
	}
	if by >= len(s.toks) || s.toks[by].lower != "by" {
		return false
	}
	for _, o := range s.cands[ci+1:] {
		if live(o) && o.ti > by && o.ti <= by+6 {
			return true
		}
	}
	return false
}

// purposeClause: an infinitive of purpose ("sent envoys to investigate", "flew
// in to sign the accord") elaborates its main event; only a plan or an intent
// ("plans to visit", "agreed to meet") makes the infinitive an event of its own.
func (x *Extractor) purposeClause(s *sentence, ci int) bool {
	c := s.cands[ci]
	if !c.verbal() || c.inter || c.tweet {
		return false
	}
	k := c.ti - 1
	for k > 0 && (strings.HasSuffix(s.toks[k].lower, "ly") || s.toks[k].lower == "further") {
		k--
	}
	if k <= 0 || s.toks[k].lower != "to" {
		return false
	}
	p := s.toks[k-1].lower
	return !x.words.is(p, "planned") && !x.words.is(p, "intent")
}

// talksAsTime: talks named as a point in time ("a statement released after the
// talks") date another event rather than assert one.
func (x *Extractor) talksAsTime(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.e.class != classNoun || c.code != "04" || c.ti <= 1 || s.toks[c.ti-1].lower != "the" {
		return false
	}
	switch s.toks[c.ti-2].lower {
	case "after", "before", "since":
		return true
	}
	return false
}

// talksActedOn: a meeting that is the subject of the verb after it ("the talks
// have been suspended") is what that event acts on, not a second event; so is
// any nominal event that is the subject of the passive of its own act
// ("sanctions were imposed").
func (x *Extractor) talksActedOn(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.e.class != classNoun {
		return false
	}
	k := c.tj
	for k < len(s.toks) && k < c.tj+3 && (x.words.is(s.toks[k].lower, "perfect") || x.words.is(s.toks[k].lower, "progressive") ||
		s.toks[k].lower == "been" || s.toks[k].lower == "was" || s.toks[k].lower == "were" || s.toks[k].lower == "be") {
		k++
	}
	for _, o := range s.cands[ci+1:] {
		if o.ti == k && k > c.tj && !o.drop && !o.absorbed && o.e.class != classNoun && (c.code == "04" || o.code == c.code) {
			return true
		}
	}
	return false
}

// objectOfAct: a nominal event that is the object of an act right before it is
// part of that act when it is a meeting, the act the verb itself names
// ("imposed sanctions", "held talks"), what is yielded ("lifted the embargo")
// or what is asked for, refused or cut ("urged a ceasefire", "suspended aid"),
// or what the act is for ("recalled its envoy for consultations"; not what a
// sanction punishes)
// ("visited Asuncion for talks", "appealed for food aid"). A threat or an attack
// that is acted on stays an event ("dismissed the threat").
func (x *Extractor) objectOfAct(s *sentence, ci int) bool {
	c := s.cands[ci]
	if c.e.class != classNoun {
		return false
	}
	folded := false
	for _, p := range s.cands[:ci] {
		if c.code == "01" && live(p) && p.verbal() && p.e.class != classSay && c.ti > p.tj && c.ti-p.tj <= 2 && s.modifiersOnly(p.tj, c.ti) {
			folded = true // "welcomed the announcement": what was said is what the act is about
		}
		if p.absorbed && p.dropRule != "demand-content" || p.drop || p.e.class == classNoun || p.e.class == classCtx || p.e.class == classSay || c.code != "04" && c.code != p.code && p.code != "08" && p.code != "02" && p.code != "10" && p.code != "12" && p.code != "16" {
			continue
		}
		if c.ti-p.tj <= 2 && c.ti >= p.tj && !s.between(p.tj, c.ti, "after", "before", "since", "following", "over", "despite") {
			folded = true
		}

		if c.code == p.code && c.ti > p.tj && c.ti-p.tj <= 4 && s.modifiersOnly(p.tj, c.ti) {
			folded = true // "signed a free trade agreement"
		}
		if c.ti > p.tj && c.ti-p.tj <= 6 && (p.code != "16" || c.code == "04") && s.between(p.tj, c.ti, "for") && !s.between(p.tj, c.ti, ",", ";", "and", "but", "that", "which", "who") {
			folded = true
		}
	}
	return folded
}

// mediaAttribution drops the statements by which a news medium sources what
// the sentence reports before them ("..., reported Reuters", "..., according
// to the agency"): the reporter's attribution, not an act of the medium. The
// events reported stay events of their own. A medium that speaks first ("the
// agency said that ...") or quotes someone makes a statement as any speaker
// does.
func (x *Extractor) mediaAttribution(s *sentence) {
	for _, c := range s.cands {
		if c.drop || c.absorbed || c.e.class != classSay || c.quote || s.toks[c.ti].quoted {
			continue
		}
		if s.prevWord(c) == "as" {
			continue // "X was quoted by the agency as saying": X speaks
		}
		trailing := s.toks[c.ti].lower == "according" || c.ce > c.cs && c.ce <= c.ti || x.closing(s, c) && s.commaBefore(c.ti)
		// After "told" the medium is the hearer, not the speaker.
		lw := s.toks[c.ti].lower
		tell := strings.HasPrefix(lw, "tel") || lw == "told"
		inverted := c.ti > 0 && s.toks[c.ti-1].text == "," && !tell && s.mediumAt(c.tj)
		if trailing && isMedium(c.src) || inverted {
			c.drop, c.dropRule = true, "media-attribution"
		}
	}
}

// businessAlone drops what a company does or says with no state or
// organisation on the other side ("the airline said it remained keen", "the
// bank announced a cut"): firms are no political actors (EVENTS.md), and
// their acts towards another state stay events ("Gazprom warned Belarus").
func businessAlone(s *sentence) {
	for _, c := range s.cands {
		if c.drop || c.absorbed || c.src == nil || !strings.HasSuffix(c.src.Code, "BUS") {
			continue
		}
		if c.tgt == nil || strings.HasSuffix(c.tgt.Code, "BUS") || len(c.tgt.Code) >= 3 && c.tgt.Code[:3] == c.src.Code[:3] {
			c.drop, c.dropRule = true, "business-alone"
		}
	}
}

// isMedium reports whether a is a news medium (CAMEO role MED).
func isMedium(a *timeline.Actor) bool { return a != nil && strings.HasSuffix(a.Code, "MED") }

// mediumAt reports whether a news medium's mention starts at token i and
// closes the sentence but for a few words of date: the speaker of an inverted
// attribution ("..., reported Reuters on Monday"), not the hearer of what
// follows ("told AFP that ...").
func (s *sentence) mediumAt(i int) bool {
	m := s.mentionFrom(i)
	if m >= len(s.mtok) || s.mtok[m] != i || !isMedium(&s.mentions[m].actor) {
		return false
	}
	words := 0
	for _, t := range s.toks[i:] {
		if t.start >= s.mentions[m].Span.End && t.word {
			words++
		}
	}
	return words <= 3
}

// commaBefore reports whether a comma stands before token i: a clause comes
// before the one that ends at i.
func (s *sentence) commaBefore(i int) bool {
	for k := i - 1; k > 0; k-- {
		if s.toks[k].text == "," {
			return true
		}
	}
	return false
}

// officialProtest recodes a protest a state or an international organisation
// made ("Manila protested to Beijing") as a formal complaint (CAMEO 114,
// root 11): root 14 is a population's demonstration.
func officialProtest(s *sentence) {
	for _, c := range s.cands {
		// Only the verb's past form: "protests" is as often a noun for a
		// crowd's demonstrations, whose actor the sentence may not name.
		if c.drop || c.absorbed || c.code != "14" || s.toks[c.ti].lower != "protested" {
			continue
		}
		if c.src != nil && official(c.src.Code) {
			c.code = "11"
		}
	}
}

// official reports whether code is a state's or an organisation of states':
// a bare country, its government, military, legislature or judiciary, or an IGO.
func official(code string) bool {
	if strings.HasPrefix(code, "IGO") {
		return true
	}
	if len(code) < 3 {
		return false
	}
	switch code[3:] {
	case "", "GOV", "MIL", "LEG", "JUD":
		return true
	}
	return false
}

// agentAfter reports whether a passive's agent ("by the European Union")
// follows at token i, or after a short phrase of place or object ("imposed on
// Iran by the European Union"), within the clause.
func (s *sentence) agentAfter(i int) bool { return s.agentAt(i) >= 0 }

// agentAt returns the token of the "by" that introduces a passive's agent at
// token i or after a short phrase (agentAfter), or -1.
func (s *sentence) agentAt(i int) int {
	for k := i; k < len(s.toks) && k < i+6; k++ {
		switch t := s.toks[k]; {
		case t.lower == "by":
			return k
		case !t.word || t.lower == "and" || t.lower == "that" || t.lower == "which":
			return -1
		}
	}
	return -1
}

// modifiersOnly reports whether tokens [from, to) are only the words of a noun
// phrase before its head: an article or lowercase modifiers, no name,
// punctuation, conjunction, preposition, auxiliary or clause word.
func (s *sentence) modifiersOnly(from, to int) bool {
	for _, t := range s.toks[from:to] {
		if !t.word || t.text != t.lower {
			return false
		}
		switch t.lower {
		case "and", "or", "but", "that", "which", "who", "to", "of", "in", "on", "at", "for", "with", "by", "from", "after", "before", "since", "over", "during",
			"is", "are", "was", "were", "be", "been", "has", "have", "had":
			return false
		}
	}
	return true
}
