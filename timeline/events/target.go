package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
)

// The target of an event: whom its clause says the act is aimed at, found by the
// named rules below (each with its rows in testdata/target.tsv), else whom the
// story's context makes it aimed at.

// findTarget sets c's target and records in c.tgtRule the rule that found it.
// In order: an object the text leaves unnamed decides at once; two parties
// acting together act on each other unless the clause names a third; then the
// object the clause names; else the antecedent of a relative clause, the
// target of the same actor's previous act, or the story's other party. No actor
// is its own target.
func (x *Extractor) findTarget(s *sentence, c *cand, st *story) {
	c.tgt, c.tgtRule = nil, ""
	// Two parties acting together on something with no agent named ("the two
	// leaders discussed the war") act on each other (joint-partner below).
	if a, ok := x.unnamedObject(s, c); ok && (a != nil || c.pair[1] == nil) {
		c.tgt, c.tgtRule = a, "unnamed-object"
		return
	}
	t, rule := x.namedObject(s, c)
	switch {
	case c.pair[1] != nil && (t == nil || x.reciprocal(s, c) || len(t.Code) == 3 && x.words.is(t.Code, "region") || venue(s, c, t)):
		// Two parties acting together act on each other, unless the clause names
		// a third they act on (a region is no third party, nor the place they
		// meet at: "signed a peace agreement at the White House").
		c.tgt, c.tgtRule = actorPtr(*c.pair[1]), "joint-partner"
	case t != nil:
		c.tgt, c.tgtRule = t, rule
	default:
		if c.tgt = x.antecedent(s, c); c.tgt != nil {
			c.tgtRule = "relative-antecedent"
		} else if c.src != nil {
			if c.tgt = previousTarget(s, c); c.tgt != nil {
				c.tgtRule = "previous-target"
			} else if c.tgt, c.tgtGuessed = st.counterpart(c.src), true; c.tgt != nil {
				c.tgtRule = "counterpart"
			}
		}
	}
	if c.tgt != nil && c.src != nil && c.tgt.Code != "" && c.tgt.Code == c.src.Code && c.tgt.Name == c.src.Name {
		c.tgt, c.tgtRule = nil, "not-self"
	}
}

// venue reports whether the actor t is named after c's trigger as a place,
// after "at" or "in" ("at the White House", "in Beijing"). What a statement
// says is no place it is made at.
func venue(s *sentence, c *cand, t *timeline.Actor) bool {
	if t == nil || c.e.class == classSay {
		return false
	}
	for m := s.mentionFrom(c.tj); m < len(s.mtok); m++ {
		if s.mentions[m].actor != *t {
			continue
		}
		k := s.mtok[m] - 1
		if k > 0 && s.toks[k].lower == "the" {
			k--
		}
		return k >= c.tj && (s.toks[k].lower == "at" || s.toks[k].lower == "in")
	}
	return false
}

// previousTarget is the rule "previous-target": an act with no named target is
// aimed at what the same actor's latest earlier act in the sentence was aimed
// at, when that was named ("offered talks to Paraguay and promised restraint").
func previousTarget(s *sentence, c *cand) *timeline.Actor {
	var tgt *timeline.Actor
	for _, o := range s.cands {
		if o == c {
			break
		}
		if !o.drop && !o.absorbed && o.tgt != nil && !o.tgtGuessed && o.src != nil && o.src.Code == c.src.Code && c.src.Code != "" {
			t := *o.tgt
			tgt = &t
		}
	}
	return tgt
}

// namedObject returns the object c's clause names and the rule that found it:
// "list-reference", or one of object's rules; nil when there is none.
func (x *Extractor) namedObject(s *sentence, c *cand) (*timeline.Actor, string) {
	if a := x.listReference(s, c); a != nil {
		return a, "list-reference"
	}
	return x.object(s, c)
}

// listReference is the rule "list-reference": an act on "the three countries"
// or "the two new members" right after its trigger is aimed at the parties last
// listed, coded by the first of them.
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

// object returns the actor c's clause acts on and the rule that found it:
//
//   - "tree-object": the actor the parse names (see treeObject);
//   - "meeting-partner": a meeting is with its partner, whatever its topic
//     ("discussed the border with the Uruguayan president");
//   - "object": else the first actor in the act's scope (see objectScope) that
//     is a party to it (see noParty), neither the source nor on its side;
//   - "own-side": else, for a statement, an institution or person of the
//     speaker's own country it is about ("the minister said the army was
//     ready");
//   - "region": else a region the act is aimed at ("sent envoys to Africa").
//
// It returns nil and "" when none applies.
func (x *Extractor) object(s *sentence, c *cand) (*timeline.Actor, string) {
	a, rule := x.orderObject(s, c)
	if t, ok := x.treeObject(s, c, a); ok {
		return t, "tree-object"
	}
	return a, rule
}

// orderObject is object's rules after "tree-object", read from the words'
// order.
func (x *Extractor) orderObject(s *sentence, c *cand) (*timeline.Actor, string) {
	end := x.actEnd(s, c)
	if c.code == "04" {
		if a := x.meetingPartner(s, c, end); a != nil {
			return a, "meeting-partner"
		}
	}
	var own, region *timeline.Actor
	lo, hi := objectScope(s, c, end)
	for m := s.mentionFrom(lo); m < len(s.mtok) && s.mtok[m] < hi; m++ {
		if coSource(s, c, m) || !actedOn(s, c, m, end) {
			continue
		}
		a := s.mentions[m].actor
		if c.src != nil && a.Code == c.src.Code && (a.Code != "" || a.Name == c.src.Name) {
			continue
		}
		if ownSide(c.src, a) {
			if own == nil && ownTarget(s, c, m) {
				own = actorPtr(a)
			}
			continue
		}
		if len(a.Code) >= 3 && x.words.is(a.Code[:3], "region") {
			// A region is whom an act is aimed at only when the clause names no
			// country ("sent envoys to Africa", but "left for Europe to see the
			// Uruguayan envoy").
			if region == nil && !s.modifiesGathering(m) && !x.modifier(s, m) {
				region = actorPtr(a)
			}
			continue
		}
		if x.noParty(s, c, m) {
			continue
		}
		if next := s.followedByPossessive(m); next >= 0 && s.mentions[next].resolved {
			return actorPtr(s.mentions[next].actor), "object"
		}
		return actorPtr(a), "object"
	}
	if own != nil && c.e.class == classSay {
		return own, "own-side"
	}
	if region != nil {
		return region, "region"
	}
	return nil, ""
}

// actEnd returns the token where c's act ends: at a post's dateline, at
// "according to" for the statement it attributes, at the attribution of a
// reported act ("... fired a missile, the army said", "..., the minister
// warned": any verb closing the sentence so), and at the comma closing
// an opening adverbial clause ("When Uruguay recalled its envoy, Paraguay ...").
func (x *Extractor) actEnd(s *sentence, c *cand) int {
	end := len(s.toks)
	if s.tweetAt >= 0 {
		end = s.tweetAt
	}
	if c.e.class == classSay && s.toks[c.ti].lower == "according" {
		end = c.ti
	}
	if c.e.class != classSay {
		for _, o := range s.cands {
			if (o.e.class == classSay || o.verbal() && x.closing(s, o)) && o.ti > c.tj && !s.toks[o.ti].quoted {
				if cut := attributionStart(s, c, o); cut >= 0 {
					end = min(end, cut)
				}
			}
		}
	}
	if k := x.clauseStart(s, c.ti) - 1; k >= 0 && x.words.is(s.toks[k].lower, "subordinator") && (k == 0 || !s.toks[k-1].word) {
		for j := c.tj; j < end; j++ {
			if s.toks[j].text == "," {
				end = j
				break
			}
		}
	}
	return end
}

// attributionStart returns where the attribution by reporting verb o begins
// after act c: a comma a few words before o ("..., the army said"), else an
// "and" right before its short subject ("... and officials say"); -1 when
// neither.
func attributionStart(s *sentence, c, o *cand) int {
	for k := o.ti - 1; k >= c.tj && k >= o.ti-7; k-- {
		if s.toks[k].text == "," {
			if relativeWord(s.toks[k+1].lower) {
				return -1 // a relative clause ("..., which he said"), no attribution
			}
			return k
		}
	}
	for k := o.ti - 1; k > c.tj && k >= o.ti-4; k-- {
		if s.toks[k].lower == "and" && k+1 < o.ti {
			return k
		}
	}
	return -1
}

// meetingPartner returns the actor a meeting c is held "with", within the act,
// when it is not the source or of the source's country.
func (x *Extractor) meetingPartner(s *sentence, c *cand, end int) *timeline.Actor {
	for m := s.mentionFrom(c.tj); m < len(s.mtok) && s.mtok[m] < end; m++ {
		ti := s.mtok[m]
		if ti > 0 && s.toks[ti-1].lower == "with" && s.mentions[m].resolved && m != c.srcMent && (c.src == nil || partyOf(s.mentions[m].actor.Code) != partyOf(c.src.Code)) {
			return actorPtr(s.mentions[m].actor)
		}
	}
	return nil
}

// objectScope returns the tokens [lo, hi) searched for c's object: from the
// trigger's first word on, since a name in a gap of the trigger's phrase is its
// object ("recalled its envoy"); for a statement also what it is about,
// and for "according to" everything before it.
func objectScope(s *sentence, c *cand, end int) (int, int) {
	lo, hi := c.ti+1, end
	if c.e.class == classSay {
		if c.about[0] < c.about[1] {
			lo, hi = min(lo, c.about[0]), max(hi, c.about[1])
		}
		if s.toks[c.ti].lower == "according" {
			lo = 0
		}
	}
	return lo, hi
}

// coSource reports whether mention m is c's source, unresolved, or joined to
// the source as one of joint agents ("aid from Uruguay and Paraguay").
func coSource(s *sentence, c *cand, m int) bool {
	return m == c.srcMent || !s.mentions[m].resolved || c.srcMent >= 0 && m > c.srcMent && s.firstConjunct(m) == c.srcMent
}

// actedOn reports whether mention m stands where c's object can: after the
// trigger within the act, before "according to" for the statement it
// attributes, or in what a statement is about.
func actedOn(s *sentence, c *cand, m, end int) bool {
	ti := s.mtok[m]
	after := ti > c.ti && ti < end
	if c.e.class == classSay && s.toks[c.ti].lower == "according" {
		after = ti < c.ti
	}
	return after || c.e.class == classSay && c.about[0] < c.about[1] && ti >= c.about[0] && ti < c.about[1]
}

// ownSide reports whether a is of the source's own country (neither an
// organisation nor across the line between state and society): one's own side
// is rarely whom one acts on.
func ownSide(src *timeline.Actor, a timeline.Actor) bool {
	return src != nil && len(a.Code) >= 3 && len(src.Code) >= 3 && a.Code[:3] == src.Code[:3] && !strings.HasPrefix(a.Code, "IGO") && !acrossState(src.Code, a.Code)
}

// ownTarget reports whether mention m, of the source's own side, may still be
// what a statement is about when no other party is named: a person or an
// institution, not the country as a whole nor a pronoun, and not the source's
// own agent (a passive's "by", an apposition naming the speaker).
func ownTarget(s *sentence, c *cand, m int) bool {
	k := s.mentions[m].Kind
	return k != actors.KindPronoun && k != actors.KindCountry && s.mentions[m].actor.Name != c.src.Name && !s.byAgent(s.mtok[m]) && !s.apposition(m)
}

// noParty reports whether mention m, though in the act's scope, is no party to
// it: where a gathering is held ("the Asuncion summit", "talks in Asuncion"), where an
// envoy serves ("the ambassador to Uruguay"), or a quoted speaker's "I".
func (x *Extractor) noParty(s *sentence, c *cand, m int) bool {
	ti := s.mtok[m]
	a := s.mentions[m].actor
	if s.modifiesGathering(m) || x.posting(s, ti) || c.code == "04" && len(a.Code) == 3 && ti > 0 && (s.toks[ti-1].lower == "in" || s.toks[ti-1].lower == "at") {
		return true
	}
	return s.mentions[m].Kind == actors.KindPronoun && strings.EqualFold(s.mentions[m].Text, "i") || hearer(s, m)
}

// hearer reports whether mention m is a news medium a statement was made to
// ("told AFP", "in an interview with the BBC", "speaking to Reuters"): the
// reporter, whom the annotators never code as the party acted on.
func hearer(s *sentence, m int) bool {
	if !strings.HasSuffix(s.mentions[m].actor.Code, "MED") {
		return false
	}
	k := s.mtok[m] - 1
	for k >= 0 && (s.toks[k].lower == "the" || s.toks[k].lower == "a") {
		k--
	}
	if k < 0 {
		return false
	}
	switch s.toks[k].lower {
	case "told", "tell", "tells", "telling", "to", "with":
		return true
	}
	return false
}

// posting reports whether the mention at token ti names where an envoy serves
// ("the Uruguayan ambassador to Asuncion", "his special envoy to the region").
func (x *Extractor) posting(s *sentence, ti int) bool {
	k := ti - 1
	if k >= 0 && s.toks[k].lower == "the" {
		k--
	}
	return k >= 1 && s.toks[k].lower == "to" && x.words.is(s.toks[k-1].lower, "posting")
}

// unnamedObject is the rule "unnamed-object": an act aimed at an attack
// ("condemned the bombing of the embassy") is aimed at its perpetrator (the
// attack's own agent, nil when the text names none), and an act aimed at
// people the text leaves unnamed ("detained 12 tourists", "urged all
// nations") has no target, and none is guessed.
func (x *Extractor) unnamedObject(s *sentence, c *cand) (*timeline.Actor, bool) {
	if c.e.class == classSay || c.e.class == classNoun || c.e.class == classCtx {
		return nil, false
	}
	k := c.tj
	for ; k < len(s.toks) && k < c.tj+8; k++ {
		t := s.toks[k]
		if t.quoted && !s.toks[c.ti].quoted || t.word && (x.words.is(t.lower, "determiner") || x.words.is(t.lower, "modifier")) {
			continue // determiners, modifiers and quoted epithets before the noun
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

// reciprocal reports whether c's clause says its parties act on each other.
func (x *Extractor) reciprocal(s *sentence, c *cand) bool {
	for k := c.tj; k+1 < len(s.toks) && k < c.tj+8; k++ {
		if w := s.toks[k].lower + " " + s.toks[k+1].lower; w == "each other" || w == "one another" {
			return true
		}
	}
	return false
}

// antecedent is the rule "relative-antecedent": an event in a relative clause
// introduced through a preposition ("Uruguay, with which Paraguay has no treaty") or
// by "whose" or "where" is aimed at what the clause describes, unless that is
// the source itself. After a bare "which" the antecedent is the subject.
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
		return nil
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
