package temporal

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A rule's pattern often needs words besides the trigger word its windows are
// made around ("once", "twice" or "times" for a frequency; "in" before a
// duration): a window without one of them cannot match, and a plain search
// for a few literals costs far less than running the pattern. The literals
// are read off the compiled pattern, so they cannot disagree with it.

const (
	// maxLiterals is the most literals in one set worth looking for: a
	// larger set (every unit name) is almost always present.
	maxLiterals = 12
	// minLiteral is the shortest literal worth looking for, but for a
	// punctuation mark ("/" of a date, ":" of a time), rare in prose.
	minLiteral = 2
)

// requiredLiterals returns sets of literals such that every match of the
// pattern holds at least one literal of each set, keeping only sets worth
// searching for (see maxLiterals, minLiteral). The pattern runs on
// lower-cased text, so a literal under case folding is kept only when ASCII
// and lower-cased.
func requiredLiterals(pat string) ([][]string, error) {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, set := range required(re.Simplify()) {
		if worthSearching(set) {
			out = append(out, set)
		}
	}
	return out, nil
}

func worthSearching(set []string) bool {
	if len(set) == 0 || len(set) > maxLiterals {
		return false
	}
	for _, l := range set {
		if len(l) < minLiteral && !(len(l) == 1 && isPunct(l[0])) {
			return false
		}
	}
	return true
}

// required returns sets of literals every match of re holds one of, each
// set (a conjunction of disjunctions); nil when it knows none.
func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		l := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			for _, r := range re.Rune {
				if r >= utf8.RuneSelf {
					return nil
				}
			}
			l = strings.ToLower(l)
		}
		return [][]string{{l}}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, required(sub)...)
		}
		return out
	case syntax.OpAlternate:
		// Each alternative must give one set; the union of those sets is
		// required of the whole.
		var union []string
		for _, sub := range re.Sub {
			best := bestSet(required(sub))
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		return [][]string{union}
	}
	return nil
}

// bestSet returns the set most worth searching for: the one whose shortest
// literal is longest, of those the smallest; nil when there is none.
func bestSet(sets [][]string) []string {
	var best []string
	bestMin := 0
	for _, set := range sets {
		if len(set) == 0 {
			continue
		}
		m := len(set[0])
		for _, l := range set {
			m = min(m, len(l))
		}
		if best == nil || m > bestMin || m == bestMin && len(set) < len(best) {
			best, bestMin = set, m
		}
	}
	return best
}

// holdsAll reports whether text holds a literal of each set.
func holdsAll(text string, sets [][]string) bool {
	for _, set := range sets {
		found := false
		for _, l := range set {
			if strings.Contains(text, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func isPunct(c byte) bool {
	return c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')
}
