package eval

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	reSGML       = regexp.MustCompile(`(<[^<>]*>|&[^; \t\n\r]*;)`)
)

// pyIsSpace is Python's str.isspace for one character: Go's unicode.IsSpace
// plus the information separators U+001C..U+001F.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// tokenize returns the token strings of text, in order.
func tokenize(text string, abbrevs map[string]bool) []string {
	maxAbbrev := 0
	for a := range abbrevs {
		maxAbbrev = max(maxAbbrev, utf8.RuneCountInString(a))
	}
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
				raw = splitWord([]rune(word), abbrevs, maxAbbrev, raw)
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

// clitics are the endings te3score.py's clitic pattern splits off a word
// ((.)('(?:s|re|ve|d|m|em|ll)|n't)$): at most one of them can end a word with a
// character before it, so testing suffixes finds the same match as the regular
// expression, without rescanning long words.
var clitics = []string{"'s", "'re", "'ve", "'d", "'m", "'em", "'ll", "n't"}

// splitWord splits one whitespace-separated word into tokens, appending them to
// out. The cut-off suffixes are kept in reverse (rsuffix) so that a word of many
// closing brackets is not quadratic.
func splitWord(word []rune, abbrevs map[string]bool, maxAbbrev int, out []string) []string {
	isAbbrev := func(w []rune) bool { return len(w) <= maxAbbrev && abbrevs[string(w)] }
	var rsuffix []string // tokens cut off at the end, last first
	emit := func(w string) []string {
		out = append(out, w)
		for i := len(rsuffix) - 1; i >= 0; i-- {
			out = append(out, rsuffix[i])
		}
		return out
	}
	for !isAbbrev(word) {
		n := len(word)
		if n >= 2 && prefixChars[word[0]] {
			out = append(out, string(word[0]))
			word = word[1:]
		} else if n >= 2 && suffixChars[word[n-1]] {
			rsuffix = append(rsuffix, string(word[n-1]))
			word = word[:n-1]
		} else if n >= 2 && word[n-1] == '.' && suffixChars[word[n-2]] {
			punct := word[n-2]
			word = word[:n-2]
			rsuffix = append(rsuffix, ".")
			if len(word) == 0 {
				word = []rune{punct}
			} else {
				rsuffix = append(rsuffix, string(punct))
			}
		} else {
			break
		}
	}
	w := string(word)
	if isAbbrev(word) || reInitials.MatchString(w) {
		return emit(w)
	}
	if len(word) >= 2 && word[len(word)-1] == '.' && w != "..." {
		word = word[:len(word)-1]
		w = string(word)
		rsuffix = append(rsuffix, ".")
		if isAbbrev(word) {
			return emit(w)
		}
	}
	for cut := true; cut; {
		cut = false
		for _, c := range clitics {
			if len(w) > len(c) && strings.HasSuffix(w, c) { // c is ASCII: a byte before it is a character
				rsuffix = append(rsuffix, c)
				w = w[:len(w)-len(c)]
				cut = true
				break
			}
		}
	}
	return emit(w)
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
	// A failed or distant search is remembered per token: pos only grows, so the
	// first occurrence at or after an earlier pos is still the first one at or
	// after a later pos that does not pass it. Without this a text full of
	// tokens that cannot be found ("a|b" gives "-") is quadratic.
	type found struct{ from, at int }
	cache := map[string]found{}
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
		key := string(tl)
		c, ok := cache[key]
		if !ok || c.from > pos || (c.at >= 0 && c.at < pos) {
			c = found{pos, indexFrom(low, tl, pos)}
			cache[key] = c
		}
		k := c.at
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
