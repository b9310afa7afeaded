package eval

import (
	"regexp"
	"strings"
	"unicode"
)

// The tokenizer is a port of te3score.py's: the English rules of the TreeTagger
// tokenizer that the official TimeML normaliser uses, plus its split of words
// with a single hyphen. Token boundaries decide which timexes align, so every
// rule, including the odd ones, is kept as the reference has it.

// DefaultAbbreviations is te3score.py's abbreviation list: tokens whose final
// period is not split off.
var DefaultAbbreviations = abbrevSet(`
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
Mr. Mrs. Ms. Dr. Prof. Sen. Rep. Gov. Gen. Col. Capt. Lt. Sgt. Adm. Maj.
Rev. St. Ste. Mt. Ft. Ave. Blvd. Rd. Jr. Sr. Bros. Messrs. Hon. Pres.
Inc. Corp. Co. Ltd. Cos. Bancorp. Bhd. Cia. Cie. Plc. L.P.
U.S. U.K. U.N. U.S.A. E.U. N.Y. D.C. L.A.
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La.
Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. Okla. Ore. Pa. Tenn.
Tex. Va. Vt. Wash. Wis. Wyo.
vs. etc. e.g. i.e. No. Nos. Vol. Fig. approx. est. a.m. p.m. A.M. P.M.
`)

func abbrevSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// ParseAbbreviations reads an abbreviation list as te3score.py's --abbrev does:
// one entry per line, blank lines and lines starting with # ignored.
func ParseAbbreviations(text string) map[string]bool {
	m := map[string]bool{}
	for _, ln := range strings.Split(text, "\n") {
		ln = strings.TrimFunc(ln, pyIsSpace)
		if ln != "" && !strings.HasPrefix(ln, "#") {
			m[ln] = true
		}
	}
	return m
}

func runeSet(s string, codes ...rune) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	for _, r := range codes {
		m[r] = true
	}
	return m
}

var (
	prefixChars = runeSet("[{(\u00b4`\"\u00bb\u00ab", 0x82, 0x84, 0x86, 0x87, 0x8b, 0x91, 0x92, 0x93, 0x94,
		0x95, 0x96, 0x97, 0x9b)
	suffixChars = runeSet("]}'`\"),;:!?%\u00bb\u00ab", 0x82, 0x84, 0x85, 0x86, 0x87, 0x89, 0x8b, 0x91, 0x92,
		0x93, 0x94, 0x95, 0x96, 0x97, 0x9b)

	reEllipsis   = regexp.MustCompile(`(\.\.\.)`)
	rePunctSplit = regexp.MustCompile(`([;!?/])([^ ])`)
	reCommaSplit = regexp.MustCompile(`(,)([^ 0-9.])`)
	reSentSplit  = regexp.MustCompile(`([a-zA-Z\x{c0}-\x{ff}][a-zA-Z\x{c0}-\x{ff}][.:])([A-Z\x{c0}-\x{dd}])`)
	reInitials   = regexp.MustCompile(`^(?:[A-Za-z\x{c0}-\x{ff}]\.)+$`)
	reClitic     = regexp.MustCompile(`(.)('(?:s|re|ve|d|m|em|ll)|n't)$`)
	reSGML       = regexp.MustCompile(`(<[^<>]*>|&[^; \t\n\r]*;)`)
)

// pyIsSpace is Python's str.isspace for one character: Go's unicode.IsSpace
// plus the information separators U+001C..U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// tokenize returns the token strings of text, in order.
func tokenize(text string, abbrevs map[string]bool) []string {
	var raw []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.ReplaceAll(line, "\r", "")
		for _, seg := range splitKeep(reSGML, line) {
			if seg == "" {
				continue
			}
			if strings.HasPrefix(seg, "<") && strings.HasSuffix(seg, ">") {
				raw = append(raw, seg)
				continue
			}
			seg = " " + seg + " "
			seg = reEllipsis.ReplaceAllString(seg, " ${1} ")
			seg = rePunctSplit.ReplaceAllString(seg, "${1} ${2}")
			seg = reCommaSplit.ReplaceAllString(seg, "${1} ${2}")
			seg = reSentSplit.ReplaceAllString(seg, "${1} ${2}")
			for _, word := range strings.FieldsFunc(seg, pyIsSpace) {
				raw = splitWord([]rune(word), abbrevs, raw)
			}
		}
	}
	var tokens []string
	for _, tok := range raw {
		tok = strings.Map(func(r rune) rune {
			switch {
			case pyIsSpace(r):
				return -1
			case r == '|':
				return '-'
			}
			return r
		}, tok)
		if tok == "" {
			continue
		}
		if i := strings.IndexByte(tok, '-'); i > 0 && i < len(tok)-1 && strings.Count(tok, "-") == 1 {
			tokens = append(tokens, tok[:i], "-", tok[i+1:])
		} else {
			tokens = append(tokens, tok)
		}
	}
	return tokens
}

// splitKeep is Python's re.split with one capturing group around the whole
// pattern: the pieces between matches and the matches, in order.
func splitKeep(re *regexp.Regexp, s string) []string {
	var out []string
	pos := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		out = append(out, s[pos:m[0]], s[m[0]:m[1]])
		pos = m[1]
	}
	return append(out, s[pos:])
}

func splitWord(word []rune, abbrevs map[string]bool, out []string) []string {
	var suffix []string // tokens cut off at the end, in reading order
	for !abbrevs[string(word)] {
		n := len(word)
		if n >= 2 && prefixChars[word[0]] {
			out = append(out, string(word[0]))
			word = word[1:]
		} else if n >= 2 && suffixChars[word[n-1]] {
			suffix = append([]string{string(word[n-1])}, suffix...)
			word = word[:n-1]
		} else if n >= 2 && word[n-1] == '.' && suffixChars[word[n-2]] {
			punct := word[n-2]
			word = word[:n-2]
			suffix = append([]string{"."}, suffix...)
			if len(word) == 0 {
				word = []rune{punct}
			} else {
				suffix = append([]string{string(punct)}, suffix...)
			}
		} else {
			break
		}
	}
	w := string(word)
	if abbrevs[w] || reInitials.MatchString(w) {
		out = append(out, w)
		return append(out, suffix...)
	}
	if len(word) >= 2 && word[len(word)-1] == '.' && w != "..." {
		word = word[:len(word)-1]
		w = string(word)
		suffix = append([]string{"."}, suffix...)
		if abbrevs[w] {
			out = append(out, w)
			return append(out, suffix...)
		}
	}
	for {
		m := reClitic.FindStringSubmatchIndex(w)
		if m == nil {
			break
		}
		suffix = append([]string{w[m[4]:m[5]]}, suffix...)
		w = w[:m[4]]
	}
	out = append(out, w)
	return append(out, suffix...)
}

// pyLower lowercases as Python's str.lower does where Go's simple case mapping
// differs: U+0130 (capital I with dot) becomes two characters, which shifts the
// offsets of the lowered text exactly as it does in the reference, and a capital
// sigma ending a word becomes a final sigma.
func pyLower(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		switch r {
		case 0x130:
			out = append(out, 'i', 0x307)
		case 0x3a3:
			if finalSigma(rs, i) {
				out = append(out, 0x3c2)
			} else {
				out = append(out, 0x3c3)
			}
		default:
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// finalSigma is Unicode's Final_Sigma context as CPython tests it: a cased letter
// before (skipping case-ignorable characters) and none after.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable approximates Unicode's Case_Ignorable: marks, format characters,
// modifier letters and symbols, and the Word_Break MidLetter, MidNumLet and
// Single_Quote characters.
func caseIgnorable(r rune) bool {
	switch r {
	case 0x27, 0x2e, 0x3a, 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024, 0x2027,
		0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

type span struct{ start, end int }

// tokenSpans returns the character (rune) spans [start, end) of tokens in text.
// A token that cannot be found is left out, as in the reference.
func tokenSpans(text []rune, tokens []string) []span {
	var spans []span
	pos := 0
	n := len(text)
	low := pyLower(text)
	for _, tok := range tokens {
		for pos < n && pyIsSpace(text[pos]) {
			pos++
		}
		trunes := []rune(tok)
		tl := pyLower(trunes)
		if hasPrefixAt(low, tl, pos) {
			spans = append(spans, span{pos, pos + len(trunes)})
			pos += len(trunes)
			continue
		}
		// Fallback (should not happen): search forward.
		k := indexFrom(low, tl, pos)
		if k < 0 {
			continue
		}
		spans = append(spans, span{k, k + len(trunes)})
		pos = k + len(trunes)
	}
	return spans
}

func hasPrefixAt(s, prefix []rune, pos int) bool {
	if pos > len(s) || len(s)-pos < len(prefix) {
		return false
	}
	for i, r := range prefix {
		if s[pos+i] != r {
			return false
		}
	}
	return true
}

// indexFrom is Python's str.find(sub, pos).
func indexFrom(s, sub []rune, pos int) int {
	if pos > len(s) {
		return -1
	}
	for k := pos; k+len(sub) <= len(s); k++ {
		if hasPrefixAt(s, sub, k) {
			return k
		}
	}
	return -1
}
