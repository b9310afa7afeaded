package verbs

import (
	"fmt"
	"strings"
)

// Pattern is a phrase pattern of a block: PETRARCH2's nouns before the verb,
// "*" the verb, the nouns after it.
type Pattern struct {
	// Code is the CAMEO code the pattern gives, "" for the null code (the
	// pattern says the verb is no event here: "impose * taxes").
	Code string
	// Reverse is, for a paired code ("042:043"), the event the other way round
	// (the target hosts the source), "" otherwise.
	Reverse string
	Text    string // as written in the data: "* (to border)"
	Block   *Block
	pre     []elem
	post    []elem
}

type elemKind uint8

const (
	eWord   elemKind = iota // a noun: "aid" (a plural or singular form matches)
	ePhrase                 // {financial aid}: words in order, the last the head
	eSynset                 // &currency: any phrase of the set
	ePrep                   // (to border): a preposition and its noun
	eTarget                 // +: the target
	eSource                 // $ (or %): the source
	eSkip                   // ^: any noun phrase
)

type elem struct {
	kind  elemKind
	word  string
	parts []elem     // the members of a phrase, or a preposition and its members
	set   [][]string // a synset's phrases
}

// compile parses a pattern's text.
func compile(text string, synsets map[string][][]string) (*Pattern, error) {
	toks := patternTokens(text)
	star := -1
	for i, t := range toks {
		if t == "*" {
			if star >= 0 {
				return nil, fmt.Errorf("two verbs (*)")
			}
			star = i
		}
	}
	if star < 0 {
		return nil, fmt.Errorf("no verb (*)")
	}
	p := &Pattern{Text: text}
	var err error
	if p.pre, err = parseElems(toks[:star], synsets); err != nil {
		return nil, err
	}
	if p.post, err = parseElems(toks[star+1:], synsets); err != nil {
		return nil, err
	}
	return p, nil
}

// patternTokens splits a pattern into words and the brackets around them.
func patternTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for len(f) > 0 && (f[0] == '(' || f[0] == '{') {
			out = append(out, f[:1])
			f = f[1:]
		}
		var closing []string
		for len(f) > 0 && (f[len(f)-1] == ')' || f[len(f)-1] == '}') {
			closing = append([]string{f[len(f)-1:]}, closing...)
			f = f[:len(f)-1]
		}
		if f != "" {
			out = append(out, f)
		}
		out = append(out, closing...)
	}
	return out
}

func parseElems(toks []string, synsets map[string][][]string) ([]elem, error) {
	var out []elem
	for i := 0; i < len(toks); i++ {
		e, next, err := parseElem(toks, i, synsets)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		i = next - 1
	}
	return out, nil
}

// parseElem parses the element starting at toks[i] and returns it with the
// index after it.
func parseElem(toks []string, i int, synsets map[string][][]string) (elem, int, error) {
	switch t := toks[i]; t {
	case ")", "}", "*":
		return elem{}, i, fmt.Errorf("unexpected %q", t)
	case "(", "{":
		closing := ")"
		kind := ePrep
		if t == "{" {
			closing, kind = "}", ePhrase
		}
		e := elem{kind: kind}
		j := i + 1
		for j < len(toks) && toks[j] != closing {
			m, next, err := parseElem(toks, j, synsets)
			if err != nil {
				return elem{}, i, err
			}
			e.parts = append(e.parts, m)
			j = next
		}
		if j >= len(toks) {
			return elem{}, i, fmt.Errorf("unclosed %q", t)
		}
		if len(e.parts) == 0 {
			return elem{}, i, fmt.Errorf("empty %s%s", t, closing)
		}
		return e, j + 1, nil
	case "+":
		return elem{kind: eTarget}, i + 1, nil
	case "$", "%":
		return elem{kind: eSource}, i + 1, nil
	case "^":
		return elem{kind: eSkip}, i + 1, nil
	default:
		if strings.HasPrefix(t, "&") {
			set, ok := synsets[t]
			if !ok {
				return elem{}, i, fmt.Errorf("undefined synset %s", t)
			}
			return elem{kind: eSynset, word: t, set: set}, i + 1, nil
		}
		return elem{kind: eWord, word: t}, i + 1, nil
	}
}

// Match is the reading of a verb in its clause.
type Match struct {
	Verb *Verb
	// Pattern is the pattern that matched, nil when none did: the code is
	// then the verb's own or its block's.
	Pattern *Pattern
	// Code is the CAMEO code, "" when the verb (or the pattern matched) makes
	// no event; Reverse the event the other way round of a paired code.
	Code, Reverse string
	// Source and Target are the positions, in the words given, of the first
	// word of the source and target phrases the pattern names ("$", "+"),
	// -1 when it names none. Without "+" the target is the verb's object: the
	// word after the verb when the pattern takes no noun after it ("criticised
	// Niger"), or the object of a preposition of direction after what the
	// pattern takes ("froze aid to Niger", "imposed sanctions on Niger").
	Source, Target int
	// Start and End bound the words of the verb and the pattern.
	Start, End int
}

// Gaps: words an element may be preceded by (modifiers, determiners,
// auxiliaries).
const (
	gapNoun   = 3
	gapPrep   = 4
	gapPhrase = 2
)

// targetPreps introduce a verb's target ("to Niger", "on Iran", "with Putin");
// others ("for", "from", "of") do not.
var targetPreps = set("to on against with toward towards at into upon")

// determiners and possessives are skipped before a noun.
var determiners = set("the a an this these those its his her their our my your some any all both each every no another such several many much more most few other 's '")

// breaks end a clause: a pattern's elements do not reach past them.
var breaks = set(". ; : ! ? , \" '' `` -- ( )")

// prepositions may not stand between the verb and a noun the pattern takes
// after it: the noun would be another phrase's ("froze the accounts of the aid
// agency" is no freezing of aid).
var prepositions = set("to on against with toward towards at into upon of for from in by about over under after before during between among through across without within since until per via")

// nonObjects cannot start a verb's object: a clause or an infinitive follows,
// or a particle of the verb ("sped up").
var nonObjects = set("that whether if to and but or as not then than because while when where which who up down off out away back")

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Match reads the verb at words[verb] with the words of its clause, in order,
// lowercase (words or lemmas). ok is false when the word is no verb of the
// dictionary. Of a multi-word verb whose other words stand around it ("crack
// down"), that verb is taken; of the patterns of the verb's block, the one
// that takes the most words, and of those the first.
func (d *Dictionary) Match(words []string, verb int) (Match, bool) {
	if d == nil || verb < 0 || verb >= len(words) {
		return Match{}, false
	}
	lw := make([]string, len(words))
	for i, w := range words {
		lw[i] = strings.ToLower(w)
	}
	v, start, end := d.verbAt(lw, verb)
	if v == nil {
		return Match{}, false
	}
	m := Match{Verb: v, Code: v.Code, Reverse: v.Reverse, Source: -1, Target: -1, Start: start, End: end}
	best, bestScore := (*state)(nil), 0
	for _, p := range v.Block.Patterns {
		st := &state{words: lw, target: -1, source: -1}
		if !st.matchPre(p.pre, len(p.pre)-1, start) {
			continue
		}
		st.first = start
		if st.preStart >= 0 {
			st.first = st.preStart
		}
		if !st.matchPost(p.post, 0, end, gapNoun) {
			continue
		}
		if st.score > bestScore {
			best, bestScore = st, st.score
			best.pattern = p
		}
	}
	if best == nil {
		m.Target = objectAfter(lw, end, true)
		return m, true
	}
	p := best.pattern
	m.Pattern, m.Code, m.Reverse = p, p.Code, p.Reverse
	m.Source, m.Target = best.source, best.target
	if best.preStart >= 0 {
		m.Start = best.preStart
	}
	if best.end > m.End {
		m.End = best.end
	}
	if m.Target < 0 {
		m.Target = objectAfter(lw, m.End, len(p.post) == 0)
	}
	return m, true
}

// verbAt finds the verb at words[i]: a multi-word verb whose other words stand
// around it, the longest first, else the first single-word verb of its lemma.
func (d *Dictionary) verbAt(words []string, i int) (*Verb, int, int) {
	var single *Verb
	var best *Verb
	bs, be := i, i+1
	for _, l := range d.Lemmas(words[i]) {
		for _, v := range d.byHead[l] {
			if len(v.Words) == 1 {
				if single == nil {
					single = v
				}
				continue
			}
			s := i - v.HeadAt
			e := s + len(v.Words)
			if s < 0 || e > len(words) {
				continue
			}
			ok := true
			for k, w := range v.Words {
				if k != v.HeadAt && words[s+k] != w {
					ok = false
					break
				}
			}
			if ok && (best == nil || len(v.Words) > len(best.Words)) {
				best, bs, be = v, s, e
			}
		}
	}
	if best != nil {
		return best, bs, be
	}
	return single, i, i + 1
}

// objectAfter returns the first word of the verb's target after position i:
// the object of a preposition of direction, or with direct the direct object;
// -1 when there is none.
func objectAfter(words []string, i int, direct bool) int {
	if i >= len(words) {
		return -1
	}
	if targetPreps[words[i]] {
		return nounAt(words, i+1)
	}
	if !direct || prepositions[words[i]] || nonObjects[words[i]] {
		return -1
	}
	return nounAt(words, i)
}

// nounAt returns the first word of the noun phrase at i, determiners skipped;
// -1 when a break or a function word comes first.
func nounAt(words []string, i int) int {
	for n := 0; i < len(words) && n < 3 && determiners[words[i]]; n++ {
		i++
	}
	if i >= len(words) || breaks[words[i]] || prepositions[words[i]] || nonObjects[words[i]] || determiners[words[i]] {
		return -1
	}
	return i
}

// state is one attempt of a pattern against the words.
type state struct {
	words          []string
	pattern        *Pattern
	target, source int
	preStart       int // the first word the pre-verb elements take, -1 for none
	first          int
	end            int
	score          int
}

// matchPre matches the pre-verb elements from the last (k) backwards, each
// ending at most a few words before limit.
func (st *state) matchPre(es []elem, k, limit int) bool {
	if k < 0 {
		if len(es) == 0 {
			st.preStart = -1
		}
		return true
	}
	for s := limit - 1; s >= 0 && s >= limit-1-gapNoun-2; s-- {
		saved := *st
		end, ok := st.elem(&es[k], s)
		if !ok || end > limit || end < limit-gapNoun || st.broken(end, limit, false) {
			*st = saved
			continue
		}
		if k == 0 {
			st.preStart = s
		}
		if st.matchPre(es, k-1, s) {
			return true
		}
		*st = saved
	}
	return false
}

// matchPost matches the post-verb elements from k, the first within gap words
// of from; on success st.end is after the last.
func (st *state) matchPost(es []elem, k, from, gap int) bool {
	if k == len(es) {
		st.end = from
		return true
	}
	e := &es[k]
	g := gap
	if e.kind == ePrep {
		g = gapPrep
	}
	for s := from; s < len(st.words) && s <= from+g; s++ {
		if st.broken(from, s, e.kind != ePrep) {
			break
		}
		saved := *st
		if end, ok := st.elem(e, s); ok && st.matchPost(es, k+1, end, gapNoun) {
			return true
		}
		*st = saved
	}
	return false
}

// broken reports whether the words from a to b hold a break, or with noPrep a
// preposition.
func (st *state) broken(a, b int, noPrep bool) bool {
	for _, w := range st.words[a:b] {
		if breaks[w] || noPrep && prepositions[w] {
			return true
		}
	}
	return false
}

// elem matches one element starting exactly at s.
func (st *state) elem(e *elem, s int) (int, bool) {
	w := st.words
	if s >= len(w) {
		return s, false
	}
	switch e.kind {
	case eWord:
		if sameNoun(w[s], e.word) {
			st.score += 2
			return s + 1, true
		}
	case eSynset:
		best := -1
		for _, ph := range e.set {
			if s+len(ph) > len(w) || len(ph) <= best-s {
				continue
			}
			ok := true
			for k, x := range ph {
				if !sameNoun(w[s+k], x) {
					ok = false
					break
				}
			}
			if ok {
				best = s + len(ph)
			}
		}
		if best > s {
			st.score += 2 * (best - s)
			return best, true
		}
	case ePhrase:
		end, ok := st.elem(&e.parts[0], s)
		if !ok {
			return s, false
		}
		for k := 1; k < len(e.parts); k++ {
			found := false
			for t := end; t < len(w) && t <= end+gapPhrase && !breaks[w[t]]; t++ {
				if x, ok := st.elem(&e.parts[k], t); ok {
					end, found = x, true
					break
				}
			}
			if !found {
				return s, false
			}
		}
		return end, true
	case ePrep:
		end, ok := st.elem(&e.parts[0], s)
		if !ok {
			return s, false
		}
		if len(e.parts) == 1 {
			return end, true
		}
		if !st.matchPost(e.parts[1:], 0, end, gapNoun) {
			return s, false
		}
		return st.end, true
	case eTarget, eSource, eSkip:
		i := nounAt(w, s)
		if i < 0 {
			return s, false
		}
		switch e.kind {
		case eTarget:
			st.target = i
		case eSource:
			st.source = i
		}
		st.score++
		return i + 1, true
	}
	return s, false
}

// sameNoun compares a word of the text and one of a pattern, either of which
// may be plural ("sanction", "sanctions").
func sameNoun(a, b string) bool {
	return a == b || singular(a) == singular(b)
}

// singular strips a regular plural ending.
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}
