package syntax

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lemmatizer learns from the training words how a lemma is made from a
// form with a given Penn tag, in two steps. First the case: for each tag and
// the case of the form (lower, Title, UPPER) whether the lemma keeps the case,
// lowercases or title-cases the form ("Totally" RB -> totally, "Kim" NNP ->
// Kim, "GOODWYN" NNP -> Goodwyn). Then the ending: a rule strips some letters
// and appends others ("studies" NNS: strip 3, add "y"), chosen by the longest
// known ending of the word under its tag, so that regular words never seen in
// training get their lemma. Irregular words ("was" VBD -> be) are kept in a
// table of exceptions, which holds only the training words the rules get
// wrong.

type lemmaRule struct {
	strip int
	add   string
}

// Case modes and the case classes of forms.
const (
	caseKeep = iota
	caseLower
	caseTitle
)

const (
	classLower = iota
	classTitle
	classUpper
)

func caseClass(form string) int {
	upper, letters := 0, 0
	first := true
	firstUpper := false
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					firstUpper = true
				}
			}
			first = false
		}
	}
	switch {
	case upper == 0:
		return classLower
	case upper == letters && letters > 1:
		return classUpper
	case firstUpper:
		return classTitle
	}
	return classLower
}

func applyCase(form string, mode int) string {
	switch mode {
	case caseLower:
		return strings.ToLower(form)
	case caseTitle:
		r, size := utf8.DecodeRuneInString(form)
		return string(unicode.ToUpper(r)) + strings.ToLower(form[size:])
	}
	return form
}

// apply returns the lemma the rule makes of base, and false when the rule
// does not fit the word: it would strip the whole word (a rule learned from
// one irregular word says nothing of another) or cut a letter in two.
func (r lemmaRule) apply(base string) (string, bool) {
	cut := len(base) - r.strip
	if cut <= 0 && base != "" || cut < len(base) && !utf8.RuneStart(base[cut]) {
		return base, false
	}
	if r.strip == 0 && r.add == "" {
		return base, true
	}
	return base[:cut] + r.add, true
}

type lemmatizer struct {
	exceptions map[string]string    // form "\x00" XPOS -> lemma
	cases      map[string]int       // XPOS "\x00" case class -> case mode
	rules      map[string]lemmaRule // XPOS "\x00" ending of the lowercased form -> rule
}

const maxEnding = 5

func lemmaKey(form, xpos string) string { return form + "\x00" + xpos }

func caseKey(xpos string, class int) string { return xpos + "\x00" + string(rune('0'+class)) }

// lemma returns the lemma of form tagged xpos.
func (l *lemmatizer) lemma(form, xpos string) string {
	if lem, ok := l.exceptions[lemmaKey(form, xpos)]; ok {
		return lem
	}
	lower := strings.ToLower(form)
	if lower != form {
		if lem, ok := l.exceptions[lemmaKey(lower, xpos)]; ok {
			return applyCase(lem, l.caseMode(form, xpos))
		}
	}
	return l.byRule(form, lower, xpos)
}

func (l *lemmatizer) caseMode(form, xpos string) int {
	return l.cases[caseKey(xpos, caseClass(form))]
}

func (l *lemmatizer) byRule(form, lower, xpos string) string {
	base := applyCase(form, l.caseMode(form, xpos))
	for k := min(maxEnding, len(lower)); k >= 0; k-- {
		end := lower[len(lower)-k:]
		if k > 0 && !utf8.RuneStart(end[0]) {
			continue
		}
		if r, ok := l.rules[xpos+"\x00"+end]; ok {
			if lem, ok := r.apply(base); ok {
				return lem
			}
		}
	}
	return base
}

// ruleFor returns the rule that turns base into lemma.
func ruleFor(base, lemma string) lemmaRule {
	n := 0
	for n < len(base) && n < len(lemma) && base[n] == lemma[n] {
		n++
	}
	for n > 0 && (n < len(base) && !utf8.RuneStart(base[n]) || n < len(lemma) && !utf8.RuneStart(lemma[n])) {
		n--
	}
	return lemmaRule{strip: len(base) - n, add: lemma[n:]}
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// lemmaWord is one training word for the lemmatizer.
type lemmaWord struct{ form, xpos, lemma string }

func trainLemmatizer(words []lemmaWord) *lemmatizer {
	// The lemma of each (form, tag) is the one it most often has.
	type ft struct{ form, xpos string }
	lemmas := map[ft]map[string]int{}
	for _, w := range words {
		k := ft{w.form, w.xpos}
		if lemmas[k] == nil {
			lemmas[k] = map[string]int{}
		}
		lemmas[k][w.lemma]++
	}
	types := make([]ft, 0, len(lemmas))
	for k := range lemmas {
		types = append(types, k)
	}
	slices.SortFunc(types, func(a, b ft) int { return strings.Compare(a.form+"\x00"+a.xpos, b.form+"\x00"+b.xpos) })
	major := make(map[ft]string, len(types))
	for _, k := range types {
		best, bestN := "", 0
		for _, lem := range sortedKeys(lemmas[k]) {
			if n := lemmas[k][lem]; n > bestN {
				best, bestN = lem, n
			}
		}
		major[k] = best
	}
	l := &lemmatizer{exceptions: map[string]string{}, cases: map[string]int{}, rules: map[string]lemmaRule{}}

	// The case mode of each tag and case class: the one that most often
	// gives the lemma's own start (each word type counted once).
	caseVotes := map[string]*[3]int{}
	for _, k := range types {
		key := caseKey(k.xpos, caseClass(k.form))
		if caseVotes[key] == nil {
			caseVotes[key] = &[3]int{}
		}
		var cp [3]int
		bestCP := 0
		for m := range cp {
			cp[m] = commonPrefix(applyCase(k.form, m), major[k])
			bestCP = max(bestCP, cp[m])
		}
		for m := range cp {
			if cp[m] == bestCP {
				caseVotes[key][m]++
			}
		}
	}
	for _, key := range sortedKeys(caseVotes) {
		v := caseVotes[key]
		mode := caseKeep
		for m := range v {
			if v[m] > v[mode] {
				mode = m
			}
		}
		if mode != caseKeep {
			l.cases[key] = mode
		}
	}

	// Count, for every tag and ending, the rules its words support.
	counts := map[string]map[lemmaRule]int{}
	for _, k := range types {
		lower := strings.ToLower(k.form)
		r := ruleFor(applyCase(k.form, l.caseMode(k.form, k.xpos)), major[k])
		for n := 0; n <= min(maxEnding, len(lower)); n++ {
			end := lower[len(lower)-n:]
			if n > 0 && !utf8.RuneStart(end[0]) {
				continue
			}
			key := k.xpos + "\x00" + end
			if counts[key] == nil {
				counts[key] = map[lemmaRule]int{}
			}
			counts[key][r]++
		}
	}
	// Keep a rule for an ending only where it differs from what the shorter
	// ending already gives; shorter endings are settled first.
	keys := sortedKeys(counts)
	slices.SortStableFunc(keys, func(a, b string) int { return len(a) - len(b) })
	for _, key := range keys {
		var best lemmaRule
		bestN := -1
		for r, n := range counts[key] {
			if n > bestN || n == bestN && ruleLess(r, best) {
				best, bestN = r, n
			}
		}
		xpos, end, _ := strings.Cut(key, "\x00")
		if end != "" {
			_, size := utf8.DecodeRuneInString(end)
			if got, ok := l.resolve(xpos, end[size:]); ok && got == best {
				continue
			}
		}
		l.rules[key] = best
	}
	// The exceptions: lowercase forms first, since a capitalised form falls
	// back on its lowercase form's exception.
	for _, capital := range []bool{false, true} {
		for _, k := range types {
			if (strings.ToLower(k.form) != k.form) == capital && l.lemma(k.form, k.xpos) != major[k] {
				l.exceptions[lemmaKey(k.form, k.xpos)] = major[k]
			}
		}
	}
	return l
}

// resolve returns the rule the longest stored ending of end gives.
func (l *lemmatizer) resolve(xpos, end string) (lemmaRule, bool) {
	for k := len(end); k >= 0; k-- {
		e := end[len(end)-k:]
		if k > 0 && !utf8.RuneStart(e[0]) {
			continue
		}
		if r, ok := l.rules[xpos+"\x00"+e]; ok {
			return r, true
		}
	}
	return lemmaRule{}, false
}

// ruleLess orders rules for ties: the smaller change first.
func ruleLess(a, b lemmaRule) bool {
	if a.strip != b.strip {
		return a.strip < b.strip
	}
	return a.add < b.add
}
