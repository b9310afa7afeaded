package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// Roles from the dependency tree. Where the article's analysed document holds
// a parse of the sentence, who acts is the subject of the trigger's clause and
// whom it acts on is its object or the oblique a preposition of direction
// introduces, read off the tree rather than guessed from the words' order.
// Where the tree names no actor in a role, the word-order rules decide.

// treeVerb returns the document token of c's trigger when the trigger is a
// verb of the sentence's parse, else -1. An unparsed sentence is parsed now
// when the tree rules may ask for it (allowTree) and need says the rule asking
// can change the outcome: a parse that no rule can use is not made.
func (s *sentence) treeVerb(c *cand, need bool) int {
	d := s.doc
	if d == nil || c.ti >= len(s.toks) {
		return -1
	}
	k := d.TokenAt(s.toks[c.ti].start)
	if k < 0 || d.Tokens[k].Span.Start != s.toks[c.ti].start {
		return -1
	}
	if si := d.Tokens[k].Sent; !d.Parsed(si) {
		if !need || s.r == nil {
			return -1
		}
		s.r.parse(si)
		if !d.Parsed(si) {
			return -1
		}
	}
	switch d.Tokens[k].UPOS {
	case "VERB", "AUX":
		return k
	}
	return -1
}

// anyResolved reports whether the sentence names, in tokens [from, to), a known
// actor that is not the source src (same code, or same name when uncoded) and
// not other: the least a tree rule needs to change the outcome. src and other
// may be nil.
func (s *sentence) anyResolved(src, other *timeline.Actor, from, to int) bool {
	for m := s.mentionFrom(from); m < len(s.mentions) && s.mtok[m] < to; m++ {
		if !s.mentions[m].resolved {
			continue
		}
		a := s.mentions[m].actor
		if src != nil && a.Code == src.Code && (a.Code != "" || a.Name == src.Name) {
			continue
		}
		if other == nil || a != *other {
			return true
		}
	}
	return false
}

// clauseSubject returns the subject of verb k's clause: its own nsubj, else
// that of the verb it is conjoined to ("condemned and rejected"), the verb
// whose infinitive it is ("agreed to delay"), or the noun a relative clause
// modifies ("the country that imposed"); passive is true when the subject is
// the one acted on. -1 when the tree gives none.
func clauseSubject(d *doc.Doc, k int) (subj int, passive bool) {
	for steps := 0; k >= 0 && steps < 8; steps++ {
		for _, c := range d.Children(k) {
			switch d.Tokens[c].Dep {
			case "nsubj":
				if rel := relativeTarget(d, k, c); rel >= 0 {
					return rel, false
				}
				return c, false
			case "nsubj:pass":
				if rel := relativeTarget(d, k, c); rel >= 0 {
					return rel, true
				}
				return c, true
			}
		}
		switch d.Rel(k) {
		case "conj", "xcomp":
			k = d.Tokens[k].Head
		default:
			return -1, false
		}
	}
	return -1, false
}

// relativeTarget returns the noun a relative clause headed by verb k
// modifies, when its subject c is the relative pronoun, else -1.
func relativeTarget(d *doc.Doc, k, c int) int {
	if d.Tokens[k].Dep != "acl:relcl" {
		return -1
	}
	switch strings.ToLower(d.Tokens[c].Text) {
	case "that", "which", "who", "whom":
		return d.Tokens[k].Head
	}
	return -1
}

// mentionIn returns the sentence's mention that names the phrase headed by
// document token h: the first actor its core names (EVENTS.md: of several
// acting together, the first named), the core being the phrase without its
// relative clauses, appositions and parentheticals, which may name others
// ("the envoy, who met the Uruguayan president"); -1 when none.
func (s *sentence) mentionIn(h int) int { return s.mentionInPhrase(h, false) }

// mentionInObject is mentionIn for the object of an act, whose modifiers of
// place or time ("handed over a suspect in the embassy bombings") name no one
// it acts on.
func (s *sentence) mentionInObject(h int) int { return s.mentionInPhrase(h, true) }

func (s *sentence) mentionInPhrase(h int, object bool) int {
	d := s.doc
	lo, hi := d.Tokens[h].Span.Start, d.Tokens[h].Span.End
	var grow func(k int)
	grow = func(k int) {
		lo, hi = min(lo, d.Tokens[k].Span.Start), max(hi, d.Tokens[k].Span.End)
		for _, c := range d.Children(k) {
			switch d.Rel(c) {
			case "acl", "appos", "parataxis", "punct":
				continue
			case "nmod":
				if cs := d.Child(c, "case"); object && cs >= 0 && placeOrTimePreps[strings.ToLower(d.Tokens[cs].Text)] {
					continue // "a suspect in the embassy bombings" names no embassy
				}
			}
			grow(c)
		}
	}
	grow(h)
	for m := range s.mentions {
		ms := s.mentions[m].Span
		if ms.Start >= lo && ms.End <= hi || ms.Start <= d.Tokens[h].Span.Start && d.Tokens[h].Span.End <= ms.End {
			return m
		}
	}
	return -1
}

// treeSubject is the rule "tree-subject": the actor the subject of the
// trigger's clause names; for a passive, the agent ("was imposed by the UN").
// It decides only when the tree gives an actor.
func (x *Extractor) treeSubject(s *sentence, c *cand) (*timeline.Actor, int, bool) {
	k := s.treeVerb(c, s.doc != nil && x.subjectOpen(s, c))
	if k < 0 {
		return undecided()
	}
	subj, passive := clauseSubject(s.doc, k)
	if passive {
		subj = s.doc.Child(k, "obl:agent")
	}
	if subj < 0 {
		return undecided()
	}
	m := s.mentionIn(subj)
	if m < 0 || !s.mentions[m].resolved {
		return undecided()
	}
	return s.mentionActor(m)
}

// placeOrTimePreps introduce a noun's modifier of place, time or occasion
// ("a suspect in the bombings", "the talks after the war"), which names no
// party the noun's phrase stands for.
var placeOrTimePreps = map[string]bool{"in": true, "at": true, "during": true, "after": true, "before": true, "since": true, "until": true, "near": true}

// directionPreps introduce the party an act is aimed at ("sanctions on
// Niger", "talks with Chile"); others ("in", "for", "from", "of") do not.
var directionPreps = map[string]bool{"to": true, "on": true, "against": true, "with": true, "toward": true, "towards": true, "at": true, "into": true, "upon": true}

// treeObject is the rule "tree-object": the actor the object of the trigger's
// verb names, else the passive subject (the one acted on), else an oblique
// introduced by a preposition of direction, of the verb or of its object
// ("imposed sanctions on Niger"). Statements are left to the word-order rules:
// what one tells is no target. ordered is what those rules give (nil: none):
// an unparsed sentence is parsed only when the tree can name another actor,
// after the verb and within the act (actEnd), where objects and obliques
// stand in English, or, for a passive, anywhere (its subject is the one acted
// on).
func (x *Extractor) treeObject(s *sentence, c *cand, ordered *timeline.Actor) (*timeline.Actor, bool) {
	if c.e.class != classVerb && c.e.class != classIntent {
		return nil, false
	}
	// An act without a known actor makes no event (build), whatever it
	// acts on.
	from, to := c.tj, x.actEnd(s, c)
	if x.passiveForm(s, c) {
		from, to = 0, len(s.toks)
	}
	need := s.doc != nil && actorKnown(s, c) && s.anyResolved(c.src, ordered, from, to)
	k := s.treeVerb(c, need)
	if k < 0 {
		return nil, false
	}
	d := s.doc
	heads := []int{}
	if o := d.Child(k, "obj", "iobj"); o >= 0 {
		heads = append(heads, o)
	}
	if _, passive := clauseSubject(d, k); passive {
		if sp := d.Child(k, "nsubj:pass"); sp >= 0 {
			heads = append(heads, sp)
		}
	}
	for _, h := range []int{k, d.Child(k, "obj")} {
		if h < 0 {
			continue
		}
		for _, ch := range d.Children(h) {
			if r := d.Rel(ch); r != "obl" && r != "nmod" || d.Tokens[ch].Dep == "obl:agent" {
				continue
			}
			if cs := d.Child(ch, "case"); cs >= 0 && directionPreps[strings.ToLower(d.Tokens[cs].Text)] {
				heads = append(heads, ch)
			}
		}
	}
	for _, h := range heads {
		m := s.mentionInObject(h)
		if m < 0 || !s.mentions[m].resolved {
			continue
		}
		a := s.mentions[m].actor
		if c.src != nil && a.Code == c.src.Code && (a.Code != "" || a.Name == c.src.Name) {
			continue
		}
		return actorPtr(a), true
	}
	return nil, false
}

// afterTree are the subject rules tried after tree-subject.
var afterTree []actorRule

func init() {
	for i, r := range subjectRules {
		if r.name == "tree-subject" {
			afterTree = subjectRules[i+1:]
		}
	}
}

// subjectOpen reports whether the tree's subject can change c's source: a
// known actor is named before the verb other than the one the rules after
// tree-subject would take, so that a parse that could only agree with them
// is not made. In English a clause's subject precedes its verb but in
// inversions ("said the minister") and a passive's agent ("was imposed by the
// UN"), which the order rules read (inverted-speaker, passive-agent); a
// passive's agent further from its verb is left to the later rules: on the
// silver articles the tree's reading of such agents dropped out wrong
// sources only.
func (x *Extractor) subjectOpen(s *sentence, c *cand) bool {
	var (
		guess *timeline.Actor
		gm    = -1
	)
	for _, r := range afterTree {
		if a, m, ok := r.find(x, s, c); ok {
			guess, gm = a, m
			break
		}
	}
	for m := 0; m < len(s.mtok) && s.mtok[m] < c.ti; m++ {
		if s.mentions[m].resolved && (m != gm || guess == nil || *guess != s.mentions[m].actor) {
			return true
		}
	}
	return false
}

// passiveForm reports whether c's trigger follows a form of "be" or "get",
// past adverbs ("was firmly rejected"): a passive, whose subject is the one
// acted on.
func (x *Extractor) passiveForm(s *sentence, c *cand) bool {
	k := x.headBefore(s, c.ti)
	return k >= 0 && x.words.is(s.toks[k].lower, "passive")
}

// participleModifier: a present participle that modifies a noun ("a Security
// Council resolution calling on Uruguay to cooperate", "a statement urging
// restraint") is the act of what that noun phrase names, read from the tree
// (the participle is the noun's acl), not of the clause's first actor. The
// sentence is parsed for it only when the participle follows a word.
func (x *Extractor) participleModifier(s *sentence, c *cand) (*timeline.Actor, int, bool) {
	if c.e.class != classVerb || c.ti == 0 || !s.toks[c.ti-1].word || !strings.HasSuffix(s.toks[c.ti].lower, "ing") {
		return undecided()
	}
	// Only a word that can end a noun phrase lets the participle modify it:
	// not an auxiliary ("are fighting"), a preposition ("for imposing"), a
	// conjunction, a negation or an adverb.
	switch p := s.toks[c.ti-1].lower; {
	case x.words.is(p, "progressive"), x.words.is(p, "passive"), x.words.is(p, "perfect"), x.words.is(p, "modal"),
		x.words.is(p, "preposition"), x.words.is(p, "negation"), x.words.is(p, "subordinator"), x.words.is(p, "determiner"),
		strings.HasSuffix(p, "ly"), p == "and", p == "or", p == "but", p == "to", p == "without":
		return undecided()
	}
	k := s.treeVerb(c, true)
	if k < 0 || s.doc.Tokens[k].Dep != "acl" {
		return undecided()
	}
	h := s.doc.Tokens[k].Head
	if h < 0 || s.doc.Tokens[h].UPOS != "NOUN" {
		return undecided()
	}
	// Only the noun itself and what stands before it name the actor: a
	// phrase after it ("a letter to the president expressing support")
	// names someone else.
	if m := s.mentionIn(h); m >= 0 && s.mentions[m].resolved && s.mentions[m].Span.End <= s.doc.Tokens[h].Span.End {
		return s.mentionActor(m)
	}
	return undecided()
}
