package doc

import (
	"bufio"
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// The tokenizer follows the conventions of UD English EWT, which the tagger and
// parser were trained on: punctuation is split from words; clitics are split
// from the word before them ("they're" they 're, "don't" do n't, "Korea's"
// Korea 's); a hyphen between letters is a token of its own unless it follows a
// prefix such as "non" or "e"; numbers keep their inner commas, periods,
// colons, slashes and hyphens ("1,000", "3.5", "10:30", "16/11/2004");
// abbreviations, initials and words with inner periods keep their final period
// ("Mr.", "J.", "U.S."); URLs, e-mail addresses, @handles and #hashtags stay
// whole; runs of . ! ? are one token ("...", "?!"), and so are "--", "``" and
// "''".
//
// Every token is a byte span of the body. Spans never split a UTF-8 sequence;
// a byte that is not valid UTF-8 is a token of its own; white space, control
// and format characters (zero-width space, byte-order mark) separate tokens and
// belong to none.

//go:embed data/abbreviations.txt
var abbreviationsTxt string

//go:embed data/numberabbreviations.txt
var numberAbbreviationsTxt string

//go:embed data/prefixes.txt
var prefixesTxt string

//go:embed data/contractions.txt
var contractionsTxt string

//go:embed data/clitics.txt
var cliticsTxt string

//go:embed data/emoticons.txt
var emoticonsTxt string

var (
	abbreviations = lines(abbreviationsTxt)
	numberAbbrevs = lines(numberAbbreviationsTxt)
	prefixes      = lines(prefixesTxt)
	contractions  = splitAt(lines(contractionsTxt))
	clitics       = longestFirst(lines(cliticsTxt))
	emoticons     = longestFirst(lines(emoticonsTxt))
	// The bytes an emoticon starts with; the shortest and longest
	// contraction and the bytes one ends with; the bytes that can follow
	// the letter a clitic starts with ("n't"), the shortest such clitic, and
	// whether one is made of letters alone: most text needs no lookup.
	emoticonStart                  = firstBytes(emoticons)
	minContraction, maxContraction = lengths(contractions)
	contractionEnd                 = lastBytes(contractions)
	letterCliticNext, letterClitic = letterClitics(clitics)
	lettersOnlyClitic              = slices.ContainsFunc(clitics, func(c string) bool {
		return strings.Trim(c, "abcdefghijklmnopqrstuvwxyz") == ""
	})
)

// lastBytes returns the last bytes of the keys, of either case.
func lastBytes(m map[string]int) (out [256]bool) {
	for k := range m {
		c := k[len(k)-1]
		out[c] = true
		if c >= 'a' && c <= 'z' {
			out[c-'a'+'A'] = true
		}
	}
	return out
}

// letterClitics returns the bytes that may follow the first letter of a
// clitic that starts with one (an apostrophe stands for any, as matchFold
// reads it), and the fewest bytes such a clitic takes.
func letterClitics(cs []string) (next [256]bool, least int) {
	least = 1 << 30
	for _, c := range cs {
		r, size := utf8.DecodeRuneInString(c)
		if !unicode.IsLetter(r) {
			continue
		}
		least = min(least, len(c))
		r2, _ := utf8.DecodeRuneInString(c[size:])
		switch {
		case size == len(c):
			for b := range next {
				next[b] = true
			}
		case r2 == '\'':
			for _, a := range "'’‘" {
				next[string(a)[0]] = true
			}
		default:
			for _, x := range []rune{unicode.ToLower(r2), unicode.ToUpper(r2), unicode.ToTitle(r2)} {
				next[string(x)[0]] = true
			}
		}
	}
	return next, least
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func firstBytes(ws []string) (out [256]bool) {
	for _, w := range ws {
		out[w[0]] = true
	}
	return out
}

// lengths returns the shortest and longest key in bytes.
func lengths(m map[string]int) (lo, hi int) {
	lo = 1 << 30
	for k := range m {
		lo, hi = min(lo, len(k)), max(hi, len(k))
	}
	return lo, hi
}

// longestFirst lists the entries longest first, then in byte order, so that
// the longest match wins and the order never depends on a map's.
func longestFirst(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return out
}

// lines reads a data file: one entry a line, # starts a comment line.
func lines(data string) map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}

// splitAt turns entries "can|not" into "cannot" -> 3.
func splitAt(entries map[string]bool) map[string]int {
	m := map[string]int{}
	for e := range entries {
		a, b, ok := strings.Cut(e, "|")
		if ok {
			m[a+b] = len(a)
		}
	}
	return m
}

// Tokenize returns the token spans of body in order.
func Tokenize(body string) []timeline.Span {
	return AppendTokens(make([]timeline.Span, 0, tokenEstimate(body)), body)
}

// AppendTokens appends the token spans of body to dst and returns the
// extended slice, so that a caller tokenizing many bodies can reuse one.
func AppendTokens(dst []timeline.Span, body string) []timeline.Span {
	return appendTokens(dst, body, 0, len(body))
}

// tokenEstimate is a generous guess at the number of tokens of body, for
// allocating them at once: English news has about one in five bytes.
func tokenEstimate(body string) int { return len(body)/4 + 8 }

// appendTokens appends the tokens of body[start:end] to out.
func appendTokens(out []timeline.Span, body string, start, end int) []timeline.Span {
	i := start
	for i < end {
		if size := separatorAt(body[:end], i); size > 0 {
			i += size
			continue
		}
		j := i + 1
		at := body[i] == '@'       // an e-mail address needs one
		kind := asciiKind[body[i]] // all letters, all digits, or neither
		for j < end {
			if c := body[j]; c < utf8.RuneSelf {
				if c <= ' ' || c == 0x7f {
					break
				}
				at = at || c == '@'
				if asciiKind[c] != kind {
					kind = 0
				}
			} else if separatorAt(body[:end], j) > 0 {
				break
			} else {
				kind = 0
			}
			j++
		}
		if kind != 0 && plain(body[i:j]) {
			out = append(out, timeline.Span{Start: i, End: j}) // the common case
		} else {
			out = chunk(out, body, i, j, end, at)
		}
		i = j
	}
	return out
}

// asciiKind tells the ASCII letters (1) and digits (2) from the other bytes
// (0).
var asciiKind = func() (out [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		out[c], out[c-'a'+'A'] = 1, 1
	}
	for c := '0'; c <= '9'; c++ {
		out[c] = 2
	}
	return out
}()

// plain reports whether w, a run of ASCII letters or of digits between white
// space, is one token as it is (what chunk would find): no emoticon starts
// it, it is no contraction, and no clitic made of letters alone could end it.
func plain(w string) bool {
	return !lettersOnlyClitic && !emoticonStart[w[0]] &&
		(len(w) < minContraction || len(w) > maxContraction || !contractionEnd[w[len(w)-1]])
}

// separatorAt returns the size of the separator (isSeparator) that starts at
// byte i of s, 0 when none does: a byte inside a character is none.
func separatorAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		// the ASCII separators: white space and control characters
		if c <= ' ' || c == 0x7f {
			return 1
		}
		return 0
	} else if !utf8.RuneStart(c) {
		return 0
	}
	if r, size := utf8.DecodeRuneInString(s[i:]); isSeparator(r, size) {
		return size
	}
	return 0
}

// isSeparator reports whether the rune separates tokens: white space, control
// characters and invisible format characters, but not an invalid byte.
func isSeparator(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 || r == '\u00ad' {
		return false
	}
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// chunk splits one run of text without white space, body[a:b]; the text
// goes on to end; at says whether the run holds an @.
func chunk(out []timeline.Span, body string, a, b, end int, at bool) []timeline.Span {
	s := body[:b]
	after := body[b:end]
	for a < b {
		if e := whole(s, a, at); e > a {
			out = append(out, timeline.Span{Start: a, End: e})
			a = e
			continue
		}
		r, size := utf8.DecodeRuneInString(s[a:])
		var e int
		switch {
		case r == utf8.RuneError && size == 1:
			e = a + 1
		case isWordRune(r):
			e = word(s, a, after)
		case r == '.' || r == '!' || r == '?':
			e = runOf(s, a, ".!?")
		case r == '-':
			e = runOf(s, a, "-")
		case r == '`':
			e = runOf(s, a, "`")
		case r == '\'' && strings.HasPrefix(s[a:], "''"):
			e = a + 2
		case (r == '‘' || r == '’') && a+size < len(s) && (firstRune(s[a+size:]) == '’' || firstRune(s[a+size:]) == '‘'):
			// ‘’ and ’’ stand for double quotes.
			e = a + size + 3
		case isApostrophe(r):
			e = leadingApostrophe(s, a)
		case strings.ContainsRune("*=~+_^#|<>$", r):
			// "***", "==": a row of one symbol is one token.
			e = runOf(s, a, string(r))
		default:
			e = a + size
		}
		out = append(out, timeline.Span{Start: a, End: e})
		a = e
	}
	return out
}

// whole returns the end of a token that stays whole from a (a URL, an e-mail
// address, a handle, a hashtag, an emoticon), or a when there is none; at is
// false when s holds no @, which an e-mail address needs.
func whole(s string, a int, at bool) int {
	rest := s[a:]
	switch c := rest[0] | 0x20; {
	case (c == 'h' || c == 'f' || c == 'w') && (hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") ||
		hasPrefixFold(rest, "ftp://") || hasPrefixFold(rest, "www.") && len(rest) > 5):
		return a + trimURL(rest)
	case (rest[0] == '@' || rest[0] == '#') && len(rest) > 1 && unicode.IsLetter(firstRune(rest[1:])):
		n := 1
		for n < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[n:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
				break
			}
			n += size
		}
		if n > 1 {
			return a + n
		}
	}
	if at {
		if n := email(rest); n > 0 {
			return a + n
		}
	}
	if !emoticonStart[rest[0]] {
		return a
	}
	for _, e := range emoticons {
		if strings.HasPrefix(rest, e) && (len(rest) == len(e) || !isWordRune(firstRune(rest[len(e):]))) {
			return a + len(e)
		}
	}
	return a
}

// hasPrefixFold reports whether s starts with the ASCII lowercase prefix p,
// ignoring case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// trimURL returns the length of the URL at the start of s: up to the end of
// the run, less the punctuation that closes a sentence or a bracket around it.
func trimURL(s string) int {
	n := len(s)
	open, closed := strings.Count(s, "("), strings.Count(s, ")")
	for n > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:n])
		switch {
		case strings.ContainsRune(".,;:!?\"'”’»", r):
		case r == ')' && open < closed:
			closed--
		case r == ']' || r == '}' || r == '>':
		default:
			return n
		}
		n -= size
	}
	return len(s)
}

// email returns the length of the e-mail address at the start of s, 0 if
// there is none: name@domain.tld, at most maxEmail bytes.
func email(s string) int {
	at := -1
	n := 0
	for n < len(s) && n <= maxEmail {
		c := s[n]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '%', c == '+':
		case c == '.' || c == '-':
		case c == '@' && at < 0 && n > 0:
			at = n
		default:
			goto done
		}
		n++
	}
done:
	if at < 0 {
		return 0
	}
	for n > at && (s[n-1] == '.' || s[n-1] == '-') {
		n--
	}
	dot := strings.LastIndexByte(s[at:n], '.')
	if dot < 2 || n-(at+dot) < 3 {
		return 0
	}
	return n
}

// maxEmail bounds the scan for an e-mail address, so that a long run of
// letters and hyphens is not scanned again from each of its words.
const maxEmail = 254

// isWordRune: letters, digits, marks and the soft hyphen, which may sit
// invisibly inside a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || r == '\u00ad'
}

// asciiWord marks the ASCII characters isWordRune accepts.
var asciiWord = func() (out [utf8.RuneSelf]bool) {
	for r := range out {
		out[r] = isWordRune(rune(r))
	}
	return out
}()

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// runOf returns the end of the run of the given characters starting at a.
func runOf(s string, a int, chars string) int {
	e := a
	for e < len(s) && strings.IndexByte(chars, s[e]) >= 0 {
		e++
	}
	return e
}

// leadingApostrophe handles an apostrophe before a word: a clitic written
// apart ("'s", "'re"), a year ("'90s"), or a quotation mark.
func leadingApostrophe(s string, a int) int {
	_, size := utf8.DecodeRuneInString(s[a:])
	if n := cliticAt(s, a); n > 0 {
		return a + n
	}
	e := a + size
	d := e
	for d < len(s) && isDigit(rune(s[d])) {
		d++
	}
	if d-e == 2 {
		// '90s: the year and its plural stay together.
		for d < len(s) && s[d] == 's' {
			d++
		}
		if d == len(s) || !isWordRune(firstRune(s[d:])) {
			return d
		}
	}
	return e
}

// cliticAt returns the length of the clitic starting at a ("'s", "n't"), when
// it ends a word there, and 0 otherwise.
func cliticAt(s string, a int) int {
	for _, c := range clitics {
		n := matchFold(s[a:], c)
		if n == 0 {
			continue
		}
		if a+n == len(s) || !isWordRune(firstRune(s[a+n:])) {
			return n
		}
	}
	return 0
}

// matchFold returns how many bytes of s match pattern at its start, ignoring
// case and taking a curly apostrophe for a straight one; 0 if they do not.
func matchFold(s, pattern string) int {
	n := 0
	for _, pr := range pattern {
		if n >= len(s) {
			return 0
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		switch {
		case pr == '\'' && isApostrophe(r):
		case unicode.ToLower(r) == pr:
		default:
			return 0
		}
		n += size
	}
	return n
}

// word returns the end of the word starting at a: letters and digits, with the
// inner punctuation words and numbers keep, up to a clitic.
func word(s string, a int, after string) int {
	e := a
	part := a // start of the part after the word's last hyphen
	for e < len(s) {
		if c := s[e]; c < utf8.RuneSelf && asciiWord[c] && c|0x20 != 'n' {
			e++ // the common case: an ASCII letter or digit
			continue
		}
		r, size := utf8.DecodeRuneInString(s[e:])
		if isWordRune(r) {
			if (r == 'n' || r == 'N') && e > a && e+letterClitic <= len(s) && (e+1 == len(s) || letterCliticNext[s[e+1]]) {
				if n := cliticAt(s, e); n > 0 {
					// "don't": the word ends before n't.
					return e
				}
			}
			e += size
			continue
		}
		if e == a {
			break
		}
		prev, _ := utf8.DecodeLastRuneInString(s[a:e])
		next, nsize := utf8.DecodeRuneInString(s[e+size:])
		if e+size >= len(s) {
			next, nsize = 0, 0
		}
		if !keepsInside(s, part, e, r, prev, next, nsize) {
			break
		}
		e += size
		if r == '-' || r == '‐' || r == '‑' {
			part = e
		}
	}
	if e == a {
		// A lone "n" of "n't" written apart.
		if n := cliticAt(s, a); n > 0 {
			return a + n
		}
		_, size := utf8.DecodeRuneInString(s[a:])
		return a + size
	}
	w := s[a:e]
	if (len(w) < minContraction || len(w) > maxContraction || !contractionEnd[w[len(w)-1]]) && isASCII(w) {
		// no contraction: skip the lookup (a letter out of ASCII may
		// lower-case to fewer bytes)
	} else if k, ok := contractions[strings.ToLower(w)]; ok && (e == len(s) || !isWordRune(firstRune(s[e:]))) {
		return a + k
	}
	if e < len(s) && s[e] == '.' && (e+1 == len(s) || s[e+1] != '.') {
		if keepsPeriod(w) || numberAbbrevs[w] && e+1 == len(s) && numberNext(after) {
			e++
		}
	}
	if n := unit(w); n > 0 {
		return a + n
	}
	return e
}

// keepsInside decides whether the punctuation r at s[e], inside a word and
// before next, belongs to the word; s[part:e] is the word's part after its
// last hyphen.
func keepsInside(s string, part, e int, r, prev, next rune, nsize int) bool {
	if nsize == 0 {
		return false
	}
	switch r {
	case '.':
		// "U.S", "3.5", "google.com", "e.g"; not "recently.If".
		if !isWordRune(next) {
			return false
		}
		if unicode.IsUpper(next) && unicode.IsLower(prev) && wordLen(s, e+1) > 1 {
			return false
		}
		return true
	case ',':
		// "1,000"
		return isDigit(prev) && isDigit(next) && threeDigits(s, e+1)
	case ':', '/':
		// "10:30", "16/11/2004"
		return isDigit(prev) && isDigit(next)
	case '-', '‐', '‑':
		switch {
		case isDigit(prev) && isDigit(next):
			return phoneLike(s, part, e)
		case unicode.IsLetter(prev) && (unicode.IsLetter(next) || isDigit(next)):
			// "non-stop", "mid-1980s"
			return prefixes[strings.ToLower(s[part:e])]
		}
		return false
	case '&':
		// "AT&T"
		return unicode.IsUpper(prev) && unicode.IsUpper(next)
	case '\'', '’':
		// "O'Neil", "Ba'ath"; not the clitic of "Korea's".
		if !unicode.IsLetter(prev) || !unicode.IsLetter(next) {
			return false
		}
		return cliticAt(s, e) == 0
	}
	return false
}

// phoneLike decides whether the hyphen at e, between the digits of s[part:e]
// and those after it, is inside a telephone number or postcode ("345-8702",
// "713-345-8702", "77415-0027"), which stay whole; a range ("1969-1970",
// "1-2") is three tokens.
func phoneLike(s string, part, e int) bool {
	before := 0
	for part+before < e && isDigit(rune(s[part+before])) {
		before++
	}
	if part+before != e {
		return false
	}
	groups := []int{before}
	i := e
	for i < len(s) && (s[i] == '-') {
		n := 0
		for i+1+n < len(s) && isDigit(rune(s[i+1+n])) {
			n++
		}
		if n == 0 {
			break
		}
		groups = append(groups, n)
		i += 1 + n
	}
	if part > 0 && s[part-1] == '-' {
		// A later group of a number already taken as a telephone number.
		return true
	}
	switch {
	case len(groups) >= 3:
		return true
	case len(groups) == 2:
		return groups[1] == 4 && (groups[0] == 3 || groups[0] == 5)
	}
	return false
}

// wordLen is the number of letters from i on.
func wordLen(s string, i int) int {
	n := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		n++
		i += size
	}
	return n
}

func threeDigits(s string, i int) bool {
	n := 0
	for i+n < len(s) && isDigit(rune(s[i+n])) {
		n++
	}
	return n == 3
}

// keepsPeriod decides whether the word's final period belongs to it: an
// abbreviation, an initial, a word with inner periods ("U.S", "e.g").
func keepsPeriod(w string) bool {
	if abbreviations[w] {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	if size == len(w) && unicode.IsLetter(r) {
		return true
	}
	if unicode.IsUpper(r) && abbreviations[strings.ToLower(w[:size])+w[size:]] {
		return true
	}
	if strings.Contains(w, ".") {
		// Letters with periods between them, each part short: "U.S", "a.m",
		// "Ph.D"; not a domain name or a number.
		for _, part := range strings.Split(w, ".") {
			if part == "" || len(part) > 3 {
				return false
			}
			for _, r := range part {
				if !unicode.IsLetter(r) {
					return false
				}
			}
		}
		return true
	}
	return false
}

// numberNext reports whether a number comes next in after, past white space.
func numberNext(after string) bool {
	after = strings.TrimLeft(after, " \t\n\r\u00a0")
	return after != "" && isDigit(rune(after[0]))
}

// unit returns where a number written together with a unit or a time of day
// splits ("65k" 65 k, "5kg" 5 kg, "10am" 10 am), 0 when the word is none: an
// ordinal or a decade ("9th", "1960s") stays whole.
func unit(w string) int {
	i := 0
	for i < len(w) && isDigit(rune(w[i])) {
		i++
	}
	if i == 0 || i == len(w) {
		return 0
	}
	rest := strings.ToLower(w[i:])
	switch rest {
	case "st", "nd", "rd", "th", "s":
		return 0
	case "a.m", "p.m":
		return i
	}
	for _, r := range rest {
		if r < 'a' || r > 'z' {
			return 0
		}
	}
	return i
}
