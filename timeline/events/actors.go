package events

import (
	"sort"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
)

// findActors sets the source (the clause's subject) and target (the object or
// complement after the trigger) of c.
func (x *Extractor) findActors(s *sentence, c *cand, st *story) {
	x.findSource(s, c, st)
	x.findTarget(s, c, st)
	militaryForce(s, c)
}

// militaryForce recodes an attack by a state's armed forces ("Ethiopian
// warplanes bombed the airport", "Israeli troops attacked the village") as
// the use of conventional military force (CAMEO 19, 190-195), which CAMEO
// tells from assault (18), the unconventional violence of bombers and
// gunmen. Abductions and assassinations keep their own codes.
func militaryForce(s *sentence, c *cand) {
	if c.code != "18" || c.src == nil || !strings.HasSuffix(c.src.Code, "MIL") || !c.verbal() {
		return
	}
	switch s.toks[c.ti].lower {
	case "attacked", "attacks", "attack", "attacking", "bombed", "bombs", "bombing", "bombarded", "struck", "strikes", "strike", "striking":
		c.code = "19"
	}
}

// headBefore returns the last word before token ti past adverbs and perfect
// auxiliaries ("officials have also said"), or -1: the head of the subject
// standing right before a verb.
func (x *Extractor) headBefore(s *sentence, ti int) int {
	k := ti - 1
	for k >= 0 && s.toks[k].word && x.verbModifier(s.toks[k].lower) {
		k--
	}
	return k
}

// officials returns whom unnamed officials speaking in c stand for: the country
// the story is about, else the state an institution named before them in the
// sentence belongs to ("The Uruguayan navy's exercise goes on, and senior
// officials say ..."), never a country merely named there ("A Paraguayan fisherman
// drowned ..."); nil when neither is known.
func officials(s *sentence, c *cand, st *story) *timeline.Actor {
	if a := saidIn(s, c); a != nil {
		return a
	}
	if a := st.official(); a != nil {
		return a
	}
	for m := 0; m < len(s.mtok) && s.mtok[m] < c.ti; m++ {
		if a := s.mentions[m].actor; s.mentions[m].resolved && len(a.Code) > 3 && !strings.HasPrefix(a.Code, "IGO") {
			return &timeline.Actor{Name: a.Name, Code: a.Code[:3] + "GOV"}
		}
	}
	if st.dateline != "" {
		// A wire story's unnamed officials are those of where it was filed.
		return &timeline.Actor{Name: st.names[st.dateline], Code: st.dateline + "GOV"}
	}
	return nil
}

// saidIn returns the government of the country whose capital or name follows
// statement c's verb after "in" ("an official said in Tokyo"): where unnamed
// officials speak is whose officials they are.
func saidIn(s *sentence, c *cand) *timeline.Actor {
	if c.e.class != classSay || c.tj+1 >= len(s.toks) || s.toks[c.tj].lower != "in" {
		return nil
	}
	m := s.mentionFrom(c.tj + 1)
	if m >= len(s.mtok) || s.mtok[m] != c.tj+1 {
		return nil
	}
	if k := s.mentions[m].Kind; k != actors.KindCountry && k != actors.KindGov {
		return nil
	}
	code := codeOf(s.mentions[m].Mention)
	if len(code) < 3 || strings.HasPrefix(code, "IGO") {
		return nil
	}
	return &timeline.Actor{Name: s.mentions[m].Actor.Name, Code: code[:3] + "GOV"}
}

// groupSpeaker returns the plural noun right before a reporting verb that names
// its unnamed speakers, outside every actor mention ("officials said", "police
// announced"), or "".
func (x *Extractor) groupSpeaker(s *sentence, c *cand) string {
	k := x.headBefore(s, c.ti)
	if k < 0 {
		return ""
	}
	t := s.toks[k]
	if t.word && t.text == t.lower && x.words.is(t.lower, "official") && x.unnamedOfficial(s, k) {
		return t.lower
	}
	if j := x.nameRunBefore(s, k+1); j > 0 {
		// "spokesman Alan Dacey said": a person of the story's country
		// named by an office of no country.
		if o := s.toks[j-1]; o.word && o.text == o.lower && x.words.is(o.lower, "official") && x.unnamedOfficial(s, j-1) {
			return o.lower
		}
	}
	if !t.word || t.text != t.lower || s.insideMention(k) || s.mentionStartsAt(k) || !x.words.is(t.lower, "officials") {
		return ""
	}
	// "Uruguayan military sources", "Paraguayan hospital officials": named by
	// the actor before them, as the sentence's own subject.
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if s.insideMention(j) || s.mentionStartsAt(j) {
			return ""
		}
	}
	return t.lower
}

// unnamedOfficial reports whether the singular official or office at token k
// is named by its function alone, with an article and lowercase words before
// it ("the spokesman", "a foreign ministry official", "the ministry's
// statement"): news names an official of the story's own country that way,
// while a foreign one is given a country ("a U.S. official").
func (x *Extractor) unnamedOfficial(s *sentence, k int) bool {
	for j := k; j >= 0 && j >= k-4; j-- {
		t := s.toks[j]
		if m := s.covering(j); m >= 0 && s.mentions[m].actor.Code != "" {
			return false // a coded actor: the subject rules read it
		}
		switch {
		case nonState(t.lower):
			return false
		case j < k && (t.lower == "the" || t.lower == "a" || t.lower == "an"):
			return true
		case t.text == "'s" || t.text == "’s":
		case j < k && !t.word && t.text != "-":
			return true // the clause opens with it: "..., spokesman Luis Torres said"
		case !t.word || t.text != t.lower && j > 0:
			// The first word of the sentence is capitalised as such: an
			// office ("Foreign ministry spokesman") still names no country.
			return false
		}
		if j == 0 {
			return true
		}
	}
	return false
}

// nameRunBefore returns the first token of a name of two or three capitalised
// words outside every actor mention that ends right before token end ("Luis
// Torres said"), or -1.
func (x *Extractor) nameRunBefore(s *sentence, end int) int {
	j := end
	for j > 0 && end-j < 3 && x.capitalName(s, j-1) {
		j--
	}
	if end-j < 2 || j > 0 && x.capitalName(s, j-1) {
		return -1
	}
	return j
}

// nameRunAt returns the end of a name of two or three capitalised words outside
// every actor mention starting at token k, or -1.
func (x *Extractor) nameRunAt(s *sentence, k int) int {
	if k > 0 && x.capitalName(s, k-1) {
		return -1
	}
	e := k
	for e < len(s.toks) && e-k < 3 && x.capitalName(s, e) {
		e++
	}
	if e-k < 2 || e < len(s.toks) && x.capitalName(s, e) {
		return -1
	}
	return e
}

// capitalName reports whether token k may be a word of a person's name the
// dictionary does not know: capitalised, not all capitals, outside every
// mention, no function word.
func (x *Extractor) capitalName(s *sentence, k int) bool {
	t := s.toks[k].text
	return x.nameWord(s, k) && len(t) >= 2 && strings.ToUpper(t) != t
}

// introducedNames teaches names the people the sentence introduces by an
// office the story codes, whom the dictionary does not know, so that their
// later bare names are them: in apposition ("Terry Davidson, a State
// Department spokesman,"; "A White House spokesman, Scott Stanzel,"), or
// after an office that speaks for the story's country ("spokesman Alan Dacey
// said").
func (x *Extractor) introducedNames(s *sentence, names *actors.Names) {
	coded := func(m int) bool {
		a := s.mentions[m].actor
		return s.mentions[m].resolved && len(a.Code) > 3 && s.mentions[m].Kind != actors.KindPerson && s.mentions[m].Kind != actors.KindPronoun
	}
	learn := func(from, to int, a timeline.Actor) {
		name := s.toksText(from, to)
		country, role := a.Code, ""
		if !strings.HasPrefix(a.Code, "IGO") && len(a.Code) >= 3 {
			country, role = a.Code[:3], a.Code[3:]
		}
		names.Learn(name, a, country, role)
	}
	for m := range s.mentions {
		if !coded(m) {
			continue
		}
		start, end := s.mtok[m], s.tokenAt(s.mentions[m].Span.End)
		// NAME, [a|the] OFFICE
		if k := start - 1; k >= 0 && (s.toks[k].lower == "a" || s.toks[k].lower == "an" || s.toks[k].lower == "the") {
			start = k
		}
		if start >= 3 && s.toks[start-1].text == "," {
			if j := x.nameRunBefore(s, start-1); j >= 0 {
				learn(j, start-1, s.mentions[m].actor)
			}
		}
		// OFFICE, NAME, and OFFICE NAME
		if end+1 < len(s.toks) && s.toks[end].text == "," {
			if e := x.nameRunAt(s, end+1); e > 0 && e < len(s.toks) && s.toks[e].text == "," {
				learn(end+1, e, s.mentions[m].actor)
			}
		} else if e := x.nameRunAt(s, end); end < len(s.toks) && e > 0 {
			learn(end, e, s.mentions[m].actor)
		}
	}
	for _, c := range s.cands {
		if c.drop || c.absorbed || c.srcRule != "unnamed-officials" || c.src == nil || c.src.Code == "" {
			continue
		}
		end := x.headBefore(s, c.ti) + 1
		if j := x.nameRunBefore(s, end); j > 0 {
			learn(j, end, *c.src)
		}
	}
}

// namedSubject reports whether the clause before token k opens with an unquoted
// actor that no preposition governs: "A Uruguayan official, speaking on condition
// of anonymity, said Torres would ..." has its subject already, so the name
// after "said" begins what was said rather than naming the speaker.
func (x *Extractor) namedSubject(s *sentence, k int) bool {
	start := x.clauseStart(s, k)
	for m := s.mentionFrom(start); m < len(s.mtok) && s.mtok[m] < k; m++ {
		ti := s.mtok[m]
		if s.mentions[m].resolved && !s.toks[ti].quoted && !x.afterPreposition(s, ti) {
			return true
		}
	}
	return false
}

// nounAgent returns the agent a nominal event names itself: a possessor ("the
// president's visit", "Uruguay's proposal"), a modifier ("the Paraguayan naval
// exercise"), or an agent phrase ("aid from Uruguay", "an appeal by the
// families"). A city as a modifier says where, not who ("the Geneva talks").
func (x *Extractor) nounAgent(s *sentence, c *cand) (*timeline.Actor, int) {
	// A possessive pronoun ("her warning", "their proposal").
	for k := c.ti - 1; k >= 0 && k >= c.ti-3; k-- {
		w := s.toks[k].lower
		if !s.toks[k].word || x.words.is(w, "preposition") {
			break
		}
		switch w {
		case "his", "her":
			if a := s.antecedentBefore(k, true); a != nil {
				return a, -1
			}
		case "its", "their":
			if a := s.antecedentBefore(k, false); a != nil {
				return a, -1
			}
		}
	}
	for m := s.mentionFrom(c.ti - 7); m < len(s.mtok) && s.mtok[m] <= c.tj+2; m++ {
		ti := s.mtok[m]
		if !s.mentions[m].resolved {
			continue
		}
		if s.mentions[m].Span.End <= s.toks[c.ti].start && c.ti-ti <= 6 {
			// A modifier stands right before the noun, or before one adjective
			// ("the Paraguayan naval exercise"); a possessor may be further ("the
			// president's three-day state visit").
			between := s.tokenAt(s.mentions[m].Span.End) < c.ti-1
			for k := ti; k < c.ti; k++ {
				if s.toks[k].start >= s.mentions[m].Span.End && (!s.toks[k].word || x.words.is(s.toks[k].lower, "preposition") || x.words.is(s.toks[k].lower, "boundary")) {
					between = true
				}
			}
			if s.possessive(m) || !between && !s.mentions[m].Place {
				if next := s.followedByPossessive(m); next >= 0 && s.mentions[next].Span.End <= s.toks[c.ti].start {
					continue
				}
				m = s.firstConjunct(m) // "Uruguay and Paraguay began discussions": the first named
				return actorPtr(s.mentions[m].actor), m
			}
		}
		if ti >= c.tj && ti <= c.tj+2 && c.tj < len(s.toks) && (s.toks[c.tj].lower == "by" || s.toks[c.tj].lower == "from") {
			return actorPtr(s.mentions[m].actor), m
		}
	}
	return nil, -1
}

// elided reports whether c's subject is left out or only pointed to, so that the
// story's subject so far is its actor: "both agreed", "and urged restraint",
// "..., he said".
func (x *Extractor) elided(s *sentence, c *cand) bool {
	if s.toks[c.ti].lower == "according" {
		// The speaker is who it is according to, named after it; unnamed
		// officials or a statement speak for the story's subject.
		return x.accordingToSide(s, c)
	}
	for k := c.ti - 1; k >= 0; k-- {
		t := s.toks[k]
		switch {
		case t.word && (strings.HasSuffix(t.lower, "ly") || t.lower == "also" || x.words.is(t.lower, "perfect") || x.words.is(t.lower, "planned") || x.words.is(t.lower, "progressive")):
			continue
		case t.word && (x.words.is(t.lower, "subjectword") || t.lower == "and" || t.lower == "but"):
			return true
		case t.word && x.words.is(t.lower, "collective") && k > 0 && (s.toks[k-1].lower == "two" || s.toks[k-1].lower == "both" || s.toks[k-1].lower == "the"):
			// "the two presidents", "both sides": the parties named before.
			return true
		case !t.word && (t.text == "''" || t.text == "”" || t.text == "\"" || t.text == ","):
			return c.e.class == classSay && !x.unknownSpeaker(s, c) && !x.speakerAfter(s, c)
		}
		return k < 0
	}
	return true
}

// speakerAfter reports whether an inverted statement names its speaker after
// the verb, in words no rule could code ("...," said a note on the door):
// the speaker is someone, not the story's subject so far.
func (x *Extractor) speakerAfter(s *sentence, c *cand) bool {
	if c.tj >= len(s.toks) || !(c.cs < c.ce && c.ce <= c.ti) {
		return false // what is said follows: the words after the verb are no speaker
	}
	t := s.toks[c.tj]
	if !t.word || x.words.is(t.lower, "preposition") || x.words.is(t.lower, "adverb") || x.words.is(t.lower, "subjectword") || strings.HasSuffix(t.lower, "ly") || t.lower == "that" {
		return false
	}
	for k := c.tj; k < len(s.toks) && k < c.tj+4 && s.toks[k].word; k++ {
		switch w := s.toks[k].lower; {
		case x.words.is(w, "official"), x.words.is(w, "officials"), x.words.is(w, "agent"), x.words.is(w, "posting"), x.words.is(w, "office"):
			return false // an office of the story's side ("said a spokesman")
		case w == "statement" || w == "communique" || w == "announcement" || w == "declaration":
			return false // a text of the story's side
		}
	}
	return true
}

// unknownSpeaker reports whether statement c names a speaker the dictionary does
// not know, who is then no political actor rather than the story's subject so
// far: "Smith, speaking to a radio station, added", "“...,” added Smith".
func (x *Extractor) unknownSpeaker(s *sentence, c *cand) bool {
	name := func(k int) bool {
		t := s.toks[k]
		return x.nameWord(s, k) && !t.quoted && len(t.text) >= 3 && !strings.HasSuffix(t.lower, "ly") &&
			!x.words.is(t.lower, "perfect") && !x.words.is(t.lower, "progressive") && !x.words.is(t.lower, "planned")
	}
	// Inverted: a name right after the verb; or a private calling after it,
	// with or without a name ("said her neighbour", "said lawyer Jan
	// Novak"), before any actor is named.
	for k := c.tj; k < len(s.toks) && k < c.tj+4; k++ {
		t := s.toks[k]
		if k == c.tj && name(k) || x.words.is(t.lower, "private") || x.words.is(t.lower, "counsel") {
			return true
		}
		if !t.word || t.text != t.lower || s.insideMention(k) || s.mentionStartsAt(k) || x.words.is(t.lower, "preposition") {
			break
		}
	}
	// The clause opening with a name of up to four words ("Smith", "Analyst
	// Ataur Rahman") and a comma before the verb.
	start := x.clauseStart(s, c.ti)
	// After a quotation the speaker's clause opens past its closing marks
	// ('"...," Novak, a lecturer in Oslo, said').
	for k := c.ti - 1; k > start; k-- {
		if s.toks[k].quoted {
			start = k + 1
			for start < c.ti && !s.toks[start].word {
				start++
			}
			break
		}
	}
	if start >= c.ti-1 || s.toks[start].quoted {
		return false
	}
	k := start
	for k < c.ti && k < start+4 && name(k) {
		k++
	}
	return k > start && k < c.ti && s.toks[k].text == ","
}

// nameWord reports whether token k could be part of a name the dictionary does
// not know: a capitalised word outside every actor mention that is no function
// word ("Meanwhile", "The", "He").
func (x *Extractor) nameWord(s *sentence, k int) bool {
	t := s.toks[k]
	if !t.word || !isCapitalised(t.text) || s.insideMention(k) || s.mentionStartsAt(k) {
		return false
	}
	for _, class := range []string{"stopword", "boundary", "adverb", "subjectword", "preposition", "determiner", "subordinator"} {
		if x.words.is(t.lower, class) {
			return false
		}
	}
	return true
}

// clauseStart returns the first token of the clause holding token ti: after the
// nearest clause boundary (a relative or subordinating word, a semicolon, or the
// reporting verb whose content the clause is).
func (x *Extractor) clauseStart(s *sentence, ti int) int {
	if s.sayEnd == nil {
		// Where unquoted reporting verbs end, so that the scan below is linear.
		s.sayEnd = make(map[int]int)
		for _, o := range s.cands {
			if o.e.class == classSay && !s.toks[o.ti].quoted {
				s.sayEnd[o.tj] = o.ti
			}
		}
	}
	for k := ti - 1; k >= 0; k-- {
		if ti-k > maxClause {
			return k + 1 // a run-on "sentence": no clause is that long
		}
		t := s.toks[k]
		if t.text == ";" || t.text == ":" {
			return k + 1
		}
		if t.word && x.words.is(t.lower, "boundary") {
			if t.lower == "and" || t.lower == "but" {
				// "and" joins clauses only after a comma and before a new subject
				// ("..., and the minister claimed"), not names ("Uruguay and
				// Paraguay").
				comma := k > 0 && s.toks[k-1].text == ","
				if _, ok := s.mentionAt(k+1, 2); (!ok || t.lower == "and" && !comma) && !(comma && ti == k+1) {
					// (", and hailed ...": a second predicate of the subject before.)
					continue
				}
			}
			return k + 1
		}
		if oti, ok := s.sayEnd[k+1]; ok && oti != ti {
			return k + 1
		}
	}
	return 0
}

// maxClause bounds how far back a clause is looked for, in tokens.
const maxClause = 80

// pairAt returns the two parties mention m stands for when it is a group of two
// that the dictionary codes with its partner, or the first of exactly two joint
// subjects of different countries ("Uruguay and Paraguay called for ...").
func (s *sentence) pairAt(m int, st *story) [2]*timeline.Actor {
	a := s.mentions[m]
	if a.Partner != "" && a.actor.Code != "" {
		name := a.Partner
		if st != nil && st.names[a.Partner] != "" {
			name = st.names[a.Partner]
		}
		return [2]*timeline.Actor{actorPtr(a.actor), {Name: name, Code: a.Partner}}
	}
	if m+1 < len(s.mentions) && (s.mtok[m+1] == s.mtok[m] || s.firstConjunct(m+1) == m && (m+2 >= len(s.mentions) || s.firstConjunct(m+2) != m)) {
		b := s.mentions[m+1]
		if b.resolved && a.resolved && len(a.actor.Code) >= 3 && len(b.actor.Code) >= 3 && partyOf(a.actor.Code) != partyOf(b.actor.Code) {
			return [2]*timeline.Actor{actorPtr(a.actor), actorPtr(b.actor)}
		}
	}
	return [2]*timeline.Actor{}
}

// jointWord reports whether c's elided subject is one that stands for the
// parties that acted together before: "both", "the two leaders".
func (x *Extractor) jointWord(s *sentence, c *cand) bool {
	for k := c.ti - 1; k >= 0 && k >= c.ti-4; k-- {
		w := s.toks[k].lower
		if w == "both" || x.words.is(w, "collective") && k > 0 && (s.toks[k-1].lower == "two" || s.toks[k-1].lower == "both") {
			return true
		}
	}
	return false
}

// jointGroup reports whether a collective names two parties ("the two sides").
func jointGroup(text string) bool {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if w == "two" || w == "both" {
			return true
		}
	}
	return false
}

// acrossState reports whether two codes of one country lie on either side of
// the line between the state and its society: a government warning its
// travellers, relatives defying the immigration service. Those act on each
// other as much as on foreigners.
func acrossState(a, b string) bool {
	return len(a) > 3 && len(b) > 3 && stateRole(a[3:]) != stateRole(b[3:])
}

func stateRole(role string) bool {
	switch role {
	case "GOV", "MIL", "LEG", "JUD", "SPY", "PTY":
		return true
	}
	return false
}

// lastList returns the first member of the last list of two or more parties the
// sentence names ("Uruguay, Paraguay and Argentina"), or nil.
func (s *sentence) lastList() *timeline.Actor {
	for m := len(s.mentions) - 1; m > 0; m-- {
		if f := s.firstConjunct(m); f < m && s.mentions[f].resolved && s.mentions[f].Kind == actors.KindCountry {
			return actorPtr(s.mentions[f].actor)
		}
	}
	return nil
}

// antecedentBefore returns the nearest resolved person (or collective) mentioned
// before token k in the sentence, or the one the discourse had before it.
func (s *sentence) antecedentBefore(k int, person bool) *timeline.Actor {
	for m := s.mentionFrom(k) - 1; m >= 0 && m >= s.mentionFrom(k)-20; m-- {
		if !s.mentions[m].resolved || s.mentions[m].Kind == actors.KindPronoun {
			continue
		}
		if s.mentions[m].person == person {
			return actorPtr(s.mentions[m].actor)
		}
	}
	if person {
		return s.prevPerson
	}
	return s.prevOther
}

// counterpart returns the story's other party for an actor: the country other
// than the actor's own that the article names most, coded as the article most
// often codes it.
func (st *story) counterpart(src *timeline.Actor) *timeline.Actor {
	if len(src.Code) < 3 || st == nil {
		return nil
	}
	// The party named most often; of equals, the one named first.
	best, bestN := "", 0
	for party, n := range st.parties {
		if party != partyOf(src.Code) && (n > bestN || n == bestN && st.first[party] < st.first[best]) {
			best, bestN = party, n
		}
	}
	if best == "" || bestN < 2 {
		return nil
	}
	// In the source's role when the story names the party so (leaders address
	// leaders); else as the story most often names it. (Preferring the bare
	// country did slightly worse on the gold.)
	role := ""
	if len(src.Code) > 3 && !strings.HasPrefix(src.Code, "IGO") {
		role = src.Code[3:]
	} else if st.codes[best][best] > 0 {
		// An organisation or a country as a whole acts on the country as a whole.
		return &timeline.Actor{Name: st.names[best], Code: best}
	}
	if role != "" && st.codes[best][best+role] > 0 {
		return &timeline.Actor{Name: st.names[best+role], Code: best + role}
	}
	code, n := "", 0
	for c, k := range st.codes[best] {
		if k > n || k == n && c < code {
			code, n = c, k
		}
	}
	return &timeline.Actor{Name: st.names[code], Code: code}
}

// story counts the parties an article names, to find whom its statements address.
type story struct {
	parties map[string]int            // country (or organisation) -> mentions
	first   map[string]int            // party -> offset of its first mention
	codes   map[string]map[string]int // party -> full code -> mentions
	names   map[string]string         // code -> first name seen
	// dateline is the country of the place a wire story was filed from
	// ("ISLAMABAD, Dec 4 (AFP) -"), "" when it names none.
	dateline string
}

// findDateline records the country of the place a wire story's dateline
// names in its lead sentence, mentions ms being the article's in order.
func (st *story) findDateline(ms []actors.Mention, lead timeline.Span, body string) {
	for _, m := range ms {
		if m.Span.Start >= lead.End {
			return
		}
		if code := codeOf(m); len(code) >= 3 && !strings.HasPrefix(code, "IGO") && isDateline(m, lead, body) {
			st.dateline = code[:3]
			if st.names[st.dateline] == "" {
				st.names[st.dateline] = m.Actor.Name
			}
			return
		}
	}
}

// official returns the government of the country the story is about (see
// placeTitles), or nil.
func (st *story) official() *timeline.Actor {
	if top := st.topCountry(); top != "" {
		return &timeline.Actor{Name: st.names[top], Code: top + "GOV"}
	}
	return nil
}

// topCountry returns the country the story names most, when it names it at
// least three times and twice as often as any other; "" otherwise.
func (st *story) topCountry() string {
	top, topN, second := "", 0, 0
	for party, n := range st.parties {
		if strings.HasPrefix(party, "IGO") || len(party) != 3 {
			continue
		}
		switch {
		case n > topN:
			top, topN, second = party, n, topN
		case n > second:
			second = n
		}
	}
	if top == "" || topN < 3 || topN < 2*second {
		return ""
	}
	return top
}

// placeTitles gives an official named with a title but no country ("President
// X", "Foreign Minister Y" in a story about one country), and an institution
// named without one ("Parliament", "the army"), the country the story is about: the one it names most, when it names it at least
// three times and twice as often as any other.
func (st *story) placeTitles(ms []actors.Mention) {
	top := st.topCountry()
	if top == "" {
		return
	}
	for i := range ms {
		m := &ms[i]
		// Police are left to the rules for unnamed officials: in wire copy
		// they report crime more than they act for their state.
		institution := m.Kind == actors.KindGov && m.Role != "" && m.Role != "MED" && !strings.Contains(strings.ToLower(m.Text), "police")
		if !institution && (m.Kind != actors.KindPerson || m.Office == "") || m.Country != "" || m.Actor.Code != "" || m.Former {
			continue
		}
		role := m.Role
		if role == "" {
			role = "GOV"
		}
		m.Country, m.Role, m.Actor.Code = top, role, top+role
	}
}

// partyOf is the country part of a code, or an organisation's whole code.
func partyOf(code string) string {
	if strings.HasPrefix(code, "IGO") || len(code) < 3 {
		return code
	}
	return code[:3]
}

// political reports whether the story names a political actor with a role
// (a government, armed force, legislature, court, opposition or armed group)
// or an international organisation.
func (st *story) political() bool {
	for _, codes := range st.codes {
		for code := range codes {
			if politicalCode(code) {
				return true
			}
		}
	}
	return false
}

func (x *Extractor) newStory(ms []actors.Mention) *story {
	st := &story{parties: map[string]int{}, first: map[string]int{"": 1 << 62}, codes: map[string]map[string]int{}, names: map[string]string{}}
	for _, m := range ms {
		code := codeOf(m)
		if m.Kind == actors.KindPronoun || code == "" || x.words.is(code, "region") {
			continue // pronouns and regions are no parties
		}
		p := partyOf(code)
		if _, ok := st.first[p]; !ok {
			st.first[p] = m.Span.Start
		}
		st.parties[p]++
		if st.codes[p] == nil {
			st.codes[p] = map[string]int{}
		}
		st.codes[p][code]++
		if st.names[code] == "" {
			st.names[code] = m.Actor.Name
		}
	}
	return st
}

// firstConjunct walks back from mention m over a coordination of mentions ("X, Y
// and Z") to its first member.
func (s *sentence) firstConjunct(m int) int {
	first := m
	for k := m; k > 0; k-- {
		if s.mtok[k-1] == s.mtok[k] {
			break // a hyphenated pair ("Uruguay-Paraguay") is no list
		}
		between := s.toks[s.tokenAt(s.mentions[k-1].Span.End):s.mtok[k]]
		if len(between) == 0 || len(between) > 3 || !s.mentions[k-1].resolved {
			break
		}
		and := false
		for _, t := range between {
			if t.lower == "and" {
				and = true
			} else if t.text != "," && !listDeterminer(t.lower) {
				return first
			}
		}
		// The link nearest the verb must be "and": "X, Y" alone is an apposition.
		if k == m && !and {
			break
		}
		first = k - 1
	}
	return first
}

// listDeterminer reports whether w may open a conjunct of a list of parties
// before its head ("Iran and six world powers", "Israel and its neighbours").
func listDeterminer(w string) bool {
	switch w {
	case "the", "its", "their", "other", "several", "both", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten":
		return true
	}
	return startsWithDigit(w)
}

// modifiesGathering reports whether mention m only names where a gathering is
// ("the Asuncion summit").
func (s *sentence) modifiesGathering(m int) bool {
	k := s.tokenAt(s.mentions[m].Span.End)
	for _, o := range s.cands {
		if o.ti >= k {
			return o.ti == k && o.e.class == classCtx
		}
	}
	return false
}

// mentionAt returns the mention starting within n tokens from token i.
func (s *sentence) mentionAt(i, n int) (int, bool) {
	if m := s.mentionFrom(i); m < len(s.mtok) && s.mtok[m] < i+n {
		return m, true
	}
	return -1, false
}

// covering returns the mention that token i lies in, or -1.
func (s *sentence) covering(i int) int {
	t := s.toks[i]
	// Mentions are in reading order: only the last few starting at or before
	// the token can cover it.
	m := sort.Search(len(s.mentions), func(m int) bool { return s.mentions[m].Span.Start > t.start })
	for k := m - 1; k >= 0 && k >= m-3; k-- {
		if t.start >= s.mentions[k].Span.Start && t.end <= s.mentions[k].Span.End {
			return k
		}
	}
	return -1
}

// mentionFrom returns the index of the first mention starting at or after token
// ti (mentions are in reading order).
func (s *sentence) mentionFrom(ti int) int {
	return sort.Search(len(s.mtok), func(m int) bool { return s.mtok[m] >= ti })
}

// followedByPossessive returns the mention that a possessive "X's" right after
// mention m introduces, or -1.
func (s *sentence) followedByPossessive(m int) int {
	if !s.possessive(m) || m+1 >= len(s.mentions) {
		return -1
	}
	if s.mtok[m+1]-s.mtok[m] > 6 || s.mentions[m+1].Kind == actors.KindCountry {
		return -1
	}
	for k := s.tokenAt(s.mentions[m].Span.End); k < s.mtok[m+1]; k++ {
		switch s.toks[k].lower {
		case "to", "of", "with", "in", "on", "at", "from", "for", "by", ",":
			// "the president's visit to Asuncion": the head ended before the phrase.
			return -1
		}
	}
	return m + 1
}

// possessive reports whether mention m is followed by "'s".
func (s *sentence) possessive(m int) bool {
	if s.mentions[m].Kind == actors.KindPronoun {
		return false // "he's", "it's": is or has
	}
	for k := s.mtok[m]; k < len(s.toks); k++ {
		if s.toks[k].start >= s.mentions[m].Span.End {
			return s.toks[k].lower == "'s" || s.toks[k].lower == "'"
		}
	}
	return false
}

// modifier reports whether mention m only modifies the noun after it ("the
// common African market").
func (x *Extractor) modifier(s *sentence, m int) bool {
	k := s.tokenAt(s.mentions[m].Span.End)
	if k >= len(s.toks) {
		return false
	}
	t := s.toks[k]
	return t.word && t.text == t.lower && !x.words.is(t.lower, "stopword") && !x.words.is(t.lower, "preposition") && !x.words.is(t.lower, "boundary")
}

// apposition reports whether mention m stands in apposition to the mention
// before it ("the Uruguayan ambassador to Paraguay, Ana Torres").
func (s *sentence) apposition(m int) bool {
	ti := s.mtok[m]
	return m > 0 && ti > 0 && s.toks[ti-1].text == "," && s.tokenAt(s.mentions[m-1].Span.End) == ti-1
}

// byAgent reports whether the mention at ti is a passive agent ("by the
// president").
func (s *sentence) byAgent(ti int) bool {
	return ti > 0 && s.toks[ti-1].lower == "by"
}

func actorPtr(a timeline.Actor) *timeline.Actor { return &a }

// nonState reports whether w names a body that holds no office of a state ("a
// party official", "the opposition spokesman").
func nonState(w string) bool {
	switch w {
	case "party", "opposition", "rebel", "rebels", "company", "union":
		return true
	}
	return false
}
