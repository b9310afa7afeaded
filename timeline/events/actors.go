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
	if c.tweet && s.author != nil {
		c.src = s.author
	}
	switch {
	case c.src != nil:
	case c.e.class == classSay && x.groupSpeaker(s, c) != "":
		// "..., and officials said": unnamed officials speak, not an actor named
		// earlier in the sentence ("A Thai soldier was killed ...").
		c.src = officials(s, c, st)
	default:
		c.src, c.srcMent = x.subject(s, c)
		if c.src != nil && x.words.is(c.src.Code, "region") {
			c.src, c.srcMent = nil, -1 // a region is a place, not an actor
		}
	}
	if c.src == nil && (c.e.class != classNoun && c.e.class != classCtx) && s.prevSubject != nil && !s.toks[c.ti].quoted && x.elided(s, c) {
		// No subject in the sentence ("both re-opened ...", "..., he said" with an
		// unknown pronoun): the story's subject so far.
		a := *s.prevSubject
		c.src = &a
		if p := s.prevPair; p[1] != nil && x.jointWord(s, c) {
			c.src = actorPtr(*p[0])
			c.pair = p
		}
	}
	if c.srcMent >= 0 && c.pair[1] == nil {
		c.pair = s.pairAt(c.srcMent, st)
		if m := s.mentions[c.srcMent]; c.pair[1] == nil && m.Kind == actors.KindGroup && m.actor.Code == "" && s.prevPair[1] != nil && jointGroup(m.Text) {
			// "the two countries", "both sides": the two that acted together before.
			c.pair = s.prevPair
			c.src = actorPtr(*c.pair[0])
		}
	}
	// "invited the three countries", "says the three new members ...": the list
	// named before, ahead of anything later in the clause.
	if a, ok := x.unnamedObject(s, c); ok {
		// The act is aimed at someone the text does not name ("condemned the
		// bombings", "arrested 14 foreigners"): no target, and none guessed.
		c.tgt = a
		return
	}
	if c.tgt = x.listReference(s, c); c.tgt == nil {
		c.tgt = x.object(s, c)
	}
	if c.pair[1] != nil && (c.tgt == nil || x.reciprocal(s, c) || len(c.tgt.Code) == 3 && x.words.is(c.tgt.Code, "region")) {
		// Two parties acting together act on each other ("the two Koreas
		// suspended negotiations", "the two leaders pledged to consult each
		// other"), unless the clause names a third they act on.
		c.tgt = actorPtr(*c.pair[1])
	}
	if c.tgt == nil {
		c.tgt = x.antecedent(s, c)
	}
	if c.tgt == nil && c.src != nil {
		// An act with no named target is aimed at what the same actor's previous
		// act in the sentence was ("said he would be open to meetings with North
		// Korea and also promised no military action"), else at the story's other
		// party.
		for _, o := range s.cands {
			if o == c {
				break
			}
			if !o.drop && !o.absorbed && o.tgt != nil && !o.tgtGuessed && o.src != nil && o.src.Code == c.src.Code && c.src.Code != "" {
				t := *o.tgt
				c.tgt = &t
			}
		}
		if c.tgt == nil {
			c.tgt, c.tgtGuessed = st.counterpart(c.src), true
		}
	}
	if c.tgt != nil && c.src != nil && c.tgt.Code != "" && c.tgt.Code == c.src.Code && c.tgt.Name == c.src.Name {
		c.tgt = nil
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
// sentence belongs to ("The US military buildup ..., and senior officials
// say"), never a country merely named there ("A Thai soldier was killed"); nil
// when neither is known.
func officials(s *sentence, c *cand, st *story) *timeline.Actor {
	if a := st.official(); a != nil {
		return a
	}
	for m := 0; m < len(s.mtok) && s.mtok[m] < c.ti; m++ {
		if a := s.mentions[m].actor; s.mentions[m].resolved && len(a.Code) > 3 && !strings.HasPrefix(a.Code, "IGO") {
			return &timeline.Actor{Name: a.Name, Code: a.Code[:3] + "GOV"}
		}
	}
	return nil
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
	if !t.word || t.text != t.lower || s.insideMention(k) || s.mentionStartsAt(k) || !x.words.is(t.lower, "officials") {
		return ""
	}
	// "Israeli military sources", "Palestinian hospital officials": named by
	// the actor before them, as the sentence's own subject.
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if s.insideMention(j) || s.mentionStartsAt(j) {
			return ""
		}
	}
	return t.lower
}

// namedSubject reports whether the clause before token k opens with an unquoted
// actor that no preposition governs: "An Iraqi official, speaking on condition of
// anonymity, said Ritter would ..." has its subject already, so the name after
// "said" begins what was said rather than naming the speaker.
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

// nounAgent returns the agent a nominal event names itself: a possessor ("Kuchma's
// visit", "Iraq's proposal"), a modifier ("the US military buildup"), or an agent
// phrase ("cooperation from Kenya", "an appeal by the relatives").
func (x *Extractor) nounAgent(s *sentence, c *cand) (*timeline.Actor, int) {
	// A possessive pronoun ("his threat of force", "their proposal").
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
			// ("the US military buildup"); a possessor may be further ("Kuchma's
			// four-day state visit").
			between := s.tokenAt(s.mentions[m].Span.End) < c.ti-1
			for k := ti; k < c.ti; k++ {
				if s.toks[k].start >= s.mentions[m].Span.End && (!s.toks[k].word || x.words.is(s.toks[k].lower, "preposition") || x.words.is(s.toks[k].lower, "boundary")) {
					between = true
				}
			}
			if s.possessive(m) || !between {
				if next := s.followedByPossessive(m); next >= 0 && s.mentions[next].Span.End <= s.toks[c.ti].start {
					continue
				}
				m = s.firstConjunct(m) // "China and Vietnam started discussions"
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
// story's subject so far is its actor: "both re-opened", "and called on all
// states", "..., he said".
func (x *Extractor) elided(s *sentence, c *cand) bool {
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
			return c.e.class == classSay && !x.unknownSpeaker(s, c)
		}
		return k < 0
	}
	return true
}

// unknownSpeaker reports whether statement c names a speaker the dictionary does
// not know, who is then no political actor rather than the story's subject so
// far: "McCarthy, speaking to fifa.com, added", "“...,” added Smith".
func (x *Extractor) unknownSpeaker(s *sentence, c *cand) bool {
	name := func(k int) bool {
		t := s.toks[k]
		return x.nameWord(s, k) && !t.quoted && len(t.text) >= 3 && !strings.HasSuffix(t.lower, "ly") &&
			!x.words.is(t.lower, "perfect") && !x.words.is(t.lower, "progressive") && !x.words.is(t.lower, "planned")
	}
	// Inverted: the name right after the verb.
	if c.tj < len(s.toks) && name(c.tj) {
		return true
	}
	// The clause opening with a name and a comma before the verb.
	start := x.clauseStart(s, c.ti)
	return start < c.ti-1 && !s.toks[start].quoted && name(start) && start+1 < len(s.toks) && (s.toks[start+1].text == "," || name(start+1) && start+2 < len(s.toks) && s.toks[start+2].text == ",")
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
				// ("..., and Yeltsin claimed"), not names ("Hungary and the Czech
				// Republic").
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

// object returns the first actor after the trigger in its clause that is not the
// subject itself.
func (x *Extractor) object(s *sentence, c *cand) *timeline.Actor {
	end := len(s.toks)
	if s.tweetAt >= 0 {
		end = s.tweetAt
	}
	if c.e.class == classSay && s.toks[c.ti].lower == "according" {
		end = c.ti
	}
	if c.e.class != classSay {
		// "... test-fired a missile, South Korea's military said": the act ends
		// where its attribution begins.
		for _, o := range s.cands {
			if o.e.class == classSay && o.ti > c.tj && !s.toks[o.ti].quoted {
				cut := -1
				for k := o.ti - 1; k > c.tj && k >= o.ti-7; k-- {
					if s.toks[k].text == "," {
						cut = k
						break
					}
				}
				if cut < 0 {
					// "... headed from the United States and senior officials say".
					for k := o.ti - 1; k > c.tj && k >= o.ti-4; k-- {
						if s.toks[k].lower == "and" && k+1 < o.ti {
							cut = k
							break
						}
					}
				}
				if cut >= 0 {
					end = min(end, cut)
				}
			}
		}
	}
	if k := x.clauseStart(s, c.ti) - 1; k >= 0 && x.words.is(s.toks[k].lower, "subordinator") && (k == 0 || !s.toks[k-1].word) {
		// An opening adverbial clause ("When Albright set aside her plans for a
		// trip to East Africa, the State Department ...") ends at its comma.
		for j := c.tj; j < end; j++ {
			if s.toks[j].text == "," {
				end = j
				break
			}
		}
	}
	if c.code == "04" {
		// A meeting is with its partner, whatever its topic ("discussed the Iraq
		// crisis with Tony Blair").
		for m := s.mentionFrom(c.tj); m < len(s.mtok) && s.mtok[m] < end; m++ {
			ti := s.mtok[m]
			if ti > 0 && s.toks[ti-1].lower == "with" && s.mentions[m].resolved && m != c.srcMent && (c.src == nil || partyOf(s.mentions[m].actor.Code) != partyOf(c.src.Code)) {
				return actorPtr(s.mentions[m].actor)
			}
		}
	}
	var own, region *timeline.Actor
	// From the trigger's first word on: a name in a gap of its phrase is its
	// object ("wanted Kim to", "recalled its ambassador").
	lo, hi := c.ti+1, end
	if c.e.class == classSay {
		if c.about[0] < c.about[1] {
			lo, hi = min(lo, c.about[0]), max(hi, c.about[1])
		}
		if s.toks[c.ti].lower == "according" {
			lo = 0
		}
	}
	for m := s.mentionFrom(lo); m < len(s.mtok) && s.mtok[m] < hi; m++ {
		ti := s.mtok[m]
		if m == c.srcMent || !s.mentions[m].resolved || c.srcMent >= 0 && m > c.srcMent && s.firstConjunct(m) == c.srcMent {
			continue // the source, or one acting with it ("cooperation from Kenya and Tanzania")
		}
		after := ti > c.ti && ti < end
		if c.e.class == classSay && s.toks[c.ti].lower == "according" {
			after = ti < c.ti
		}
		if !after && c.e.class == classSay && c.about[0] < c.about[1] && ti >= c.about[0] && ti < c.about[1] {
			after = true
		}
		if !after {
			continue
		}
		a := s.mentions[m].actor
		if c.src != nil && a.Code == c.src.Code && (a.Code != "" || a.Name == c.src.Name) {
			continue
		}
		if c.src != nil && len(a.Code) >= 3 && len(c.src.Code) >= 3 && a.Code[:3] == c.src.Code[:3] && !strings.HasPrefix(a.Code, "IGO") && !acrossState(c.src.Code, a.Code) {
			// One's own country is rarely whom one acts on ("Netanyahu told his
			// Cabinet that Israel ... Lebanon"), unless no other is named
			// ("Eitan said Netanyahu's remarks marked a change"), and then a person
			// or an institution, not the country as a whole.
			// An own agent ("remarks made by the Syrian ambassador ..., Walid
			// Mualem") is the source acting, not whom it acts on.
			if own == nil && s.mentions[m].Kind != actors.KindPronoun && s.mentions[m].Kind != actors.KindCountry && a.Name != c.src.Name && !s.byAgent(ti) && !s.apposition(m) {
				own = actorPtr(a)
			}
			continue
		}
		if len(a.Code) >= 3 && x.words.is(a.Code[:3], "region") {
			// A region is whom an act is aimed at only when the clause names no
			// country ("dispatched agents to Africa", but "left for Europe to see
			// the Syrians").
			if region == nil && !s.modifiesGathering(m) && !x.modifier(s, m) {
				region = actorPtr(a)
			}
			continue
		}
		if s.modifiesGathering(m) || x.posting(s, ti) || c.code == "04" && len(a.Code) == 3 && ti > 0 && (s.toks[ti-1].lower == "in" || s.toks[ti-1].lower == "at") {
			continue // where a meeting is held is no party to it ("talks in London")
		}
		if s.mentions[m].Kind == actors.KindPronoun && strings.EqualFold(s.mentions[m].Text, "i") {
			continue
		}
		if next := s.followedByPossessive(m); next >= 0 && s.mentions[next].resolved {
			return actorPtr(s.mentions[next].actor)
		}
		return actorPtr(a)
	}
	if own != nil && c.e.class == classSay {
		return own
	}
	return region
}

// unnamedObject reports whether c's object is an attack ("condemned the bombing
// of the U.S. embassies"), whose perpetrator (its agent, nil when unnamed) is
// what c is aimed at, or people the text leaves unnamed ("arrested 14
// foreigners", "called on all states").
func (x *Extractor) unnamedObject(s *sentence, c *cand) (*timeline.Actor, bool) {
	if c.e.class == classSay || c.e.class == classNoun || c.e.class == classCtx {
		return nil, false
	}
	k := c.tj
	for ; k < len(s.toks) && k < c.tj+8; k++ {
		t := s.toks[k]
		if t.quoted && !s.toks[c.ti].quoted || t.word && (x.words.is(t.lower, "determiner") || x.words.is(t.lower, "modifier")) {
			continue // "the “cowardly, criminal and tragic” bombings"
		}
		if t.word || t.text == "," || t.text == "." || t.text == ";" {
			break
		}
	}
	if k >= len(s.toks) || s.insideMention(k) {
		return nil, false
	}
	for _, o := range s.cands {
		if o.ti == k && o.e.class == classNoun && o.code >= "18" {
			a, _ := x.nounAgent(s, o)
			return a, true
		}
	}
	if q := k - 1; x.words.is(s.toks[k].lower, "quantifier") || isDigits(s.toks[k].text) {
		if k+1 < len(s.toks) && !s.insideMention(k+1) && x.words.is(s.toks[k+1].lower, "people") {
			return nil, true
		}
	} else if q >= c.tj && x.words.is(s.toks[q].lower, "quantifier") && x.words.is(s.toks[k].lower, "people") {
		return nil, true // "all states": the determiner was skipped
	}
	return nil, false
}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// pairAt returns the two parties mention m stands for when it is a group of two
// ("the two Koreas") or the first of exactly two joint subjects of different
// countries ("Yeltsin and Kuchma called for ...").
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

// reciprocal reports whether c's clause says its parties act on each other.
func (x *Extractor) reciprocal(s *sentence, c *cand) bool {
	for k := c.tj; k+1 < len(s.toks) && k < c.tj+8; k++ {
		if w := s.toks[k].lower + " " + s.toks[k+1].lower; w == "each other" || w == "one another" {
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

// posting reports whether the mention at token ti names where an envoy serves
// ("the Syrian ambassador to Washington", "his special representative to Iraq").
func (x *Extractor) posting(s *sentence, ti int) bool {
	k := ti - 1
	if k >= 0 && s.toks[k].lower == "the" {
		k--
	}
	return k >= 1 && s.toks[k].lower == "to" && x.words.is(s.toks[k-1].lower, "posting")
}

// antecedent returns, for an event in a relative clause ("North Korea, with which
// Washington has had no diplomacy"), the mention the clause is about.
func (x *Extractor) antecedent(s *sentence, c *cand) *timeline.Actor {
	start := x.clauseStart(s, c.ti)
	if start <= 0 || start > len(s.toks) {
		return nil
	}
	switch s.toks[start-1].lower {
	case "which", "whom", "whose", "where":
	default:
		return nil
	}
	if w := s.toks[start-1].lower; (w == "which" || w == "whom") && (start < 2 || !x.words.is(s.toks[start-2].lower, "preposition")) {
		return nil // "China, which had resisted ...": the antecedent is the subject
	}
	best := -1
	for m := s.mentionFrom(start-1) - 1; m >= 0; m-- {
		if s.mentions[m].resolved {
			best = m
			break
		}
	}
	if best < 0 || best == c.srcMent {
		return nil
	}
	a := s.mentions[best].actor
	if c.src != nil && a.Code == c.src.Code {
		return nil
	}
	return &a
}

// lastList returns the first member of the last list of two or more parties the
// sentence names ("Poland, Hungary and the Czech Republic"), or nil.
func (s *sentence) lastList() *timeline.Actor {
	for m := len(s.mentions) - 1; m > 0; m-- {
		if f := s.firstConjunct(m); f < m && s.mentions[f].resolved && s.mentions[f].Kind == actors.KindCountry {
			return actorPtr(s.mentions[f].actor)
		}
	}
	return nil
}

// listReference returns, for an act on "the three countries" or "the two new
// members" right after its trigger, the first of the parties last listed.
func (x *Extractor) listReference(s *sentence, c *cand) *timeline.Actor {
	if s.prevList == nil {
		return nil
	}
	for k := c.tj; k < len(s.toks) && k < c.tj+4; k++ {
		t := s.toks[k]
		if !t.word {
			return nil
		}
		if x.words.is(t.lower, "number") && k+1 < len(s.toks) {
			for j := k + 1; j < len(s.toks) && j <= k+6 && s.toks[j].word; j++ {
				if x.words.is(s.toks[j].lower, "collective") {
					a := *s.prevList
					return &a
				}
			}
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
// Branko Crvenkovski", "Foreign Minister X" in a story about one country) the
// country the story is about: the one it names most, when it names it at least
// three times and twice as often as any other.
func (st *story) placeTitles(ms []actors.Mention) {
	top := st.topCountry()
	if top == "" {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.Kind != actors.KindPerson || m.Office == "" || m.Country != "" || m.Actor.Code != "" || m.Former {
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
			break // a hyphenated pair ("Israel-Syrian") is no list
		}
		between := s.toks[s.tokenAt(s.mentions[k-1].Span.End):s.mtok[k]]
		if len(between) == 0 || len(between) > 3 || !s.mentions[k-1].resolved {
			break
		}
		and := false
		for _, t := range between {
			if t.lower == "and" {
				and = true
			} else if t.text != "," && t.lower != "the" {
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

// modifiesGathering reports whether mention m only names where a gathering is
// ("the Madrid summit").
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
			// "Blair's visit to Washington": the head ended before the phrase.
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
// common European security system").
func (x *Extractor) modifier(s *sentence, m int) bool {
	k := s.tokenAt(s.mentions[m].Span.End)
	if k >= len(s.toks) {
		return false
	}
	t := s.toks[k]
	return t.word && t.text == t.lower && !x.words.is(t.lower, "stopword") && !x.words.is(t.lower, "preposition") && !x.words.is(t.lower, "boundary")
}

// apposition reports whether mention m stands in apposition to the mention
// before it ("the Syrian ambassador to Washington, Walid Mualem").
func (s *sentence) apposition(m int) bool {
	ti := s.mtok[m]
	return m > 0 && ti > 0 && s.toks[ti-1].text == "," && s.tokenAt(s.mentions[m-1].Span.End) == ti-1
}

// byAgent reports whether the mention at ti is a passive agent ("by Kofi Annan").
func (s *sentence) byAgent(ti int) bool {
	return ti > 0 && s.toks[ti-1].lower == "by"
}

func actorPtr(a timeline.Actor) *timeline.Actor { return &a }
