package temporal

import (
	"sort"
	"strings"
	"sync"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// The rules read what stands around a match from the analysed document
// (package doc), not from the bytes: the word before or after it is the token
// before or after it, and the clause that gives its tense is a run of tokens.
// Tense needs clauses, not the document's sentences: a quotation the document
// keeps whole as one sentence holds several clauses, and a semicolon ends one.

// tokens is a body as the rules read it: its tokens and where its clauses end.
// It is made once per call on a document.
type tokens struct {
	body string
	toks []timeline.Span
	ends []int // see clauseEnds; found at the first call
	read bool  // ends are found
}

// newTokens reads the document's tokens and finds its clauses.
func newTokens(d *doc.Doc) *tokens {
	toks := make([]timeline.Span, len(d.Tokens))
	for k, t := range d.Tokens {
		toks[k] = t.Span
	}
	return tokensOf(d.Body, toks)
}

// tokenize reads body as its analysed document would (doc.Tokenize gives
// the tokens doc.NewLazy does): all that tagging needs, without the
// document's sentences and analyses. done gives the tokens back for reuse:
// tk must not be used after it.
func tokenize(body string) (tk *tokens, done func()) {
	buf := spanPool.Get().(*[]timeline.Span)
	*buf = doc.AppendTokens((*buf)[:0], body)
	return tokensOf(body, *buf), func() { spanPool.Put(buf) }
}

// spanPool holds token buffers: tagging a body alone needs its tokens only
// while it runs, and a folder of articles would otherwise allocate them anew
// for each.
var spanPool = sync.Pool{New: func() any { return new([]timeline.Span) }}

// tokensOf reads a body tokenized into toks.
func tokensOf(body string, toks []timeline.Span) *tokens {
	return &tokens{body: body, toks: toks}
}

// text returns the text of token k.
func (tk *tokens) text(k int) string { return tk.body[tk.toks[k].Start:tk.toks[k].End] }

// prefix returns the first n bytes of the body as a body of their own, with
// the tokens that end within them.
func (tk *tokens) prefix(n int) *tokens {
	if n >= len(tk.body) {
		return tk
	}
	k := sort.Search(len(tk.toks), func(k int) bool { return tk.toks[k].End > n })
	return tokensOf(tk.body[:n], tk.toks[:k])
}

// next returns the index of the first token that ends after offset i: the
// token holding i, or else the first after it (len(toks) when none is).
func (tk *tokens) next(i int) int {
	return sort.Search(len(tk.toks), func(k int) bool { return tk.toks[k].End > i })
}

// onlySpaces reports whether s holds nothing but spaces: a tab or a line break
// between two words separates them more than a space does (a line break ends
// a clause; a tab sets out a table or a dateline).
func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

// wordBefore returns the word that ends just before offset i, lower-cased:
// the letters and periods that end the token before it ("in", "u.s."), with
// nothing but spaces between; "" when something else ends that token (a
// comma, a digit) or stands between. Inside a token, what of it precedes i.
// The word goes on through tokens written together: the tokenizer splits
// "res." and "runners-up" for the parser, the rules read them as written.
func (tk *tokens) wordBefore(i int) string {
	k := tk.next(i)
	switch {
	case k < len(tk.toks) && tk.toks[k].Start < i:
	case k > 0 && onlySpaces(tk.body[tk.toks[k-1].End:i]):
		k--
		i = tk.toks[k].End
	default:
		return ""
	}
	j := i
	for {
		lo := tk.toks[k].Start
		for j > lo && (isLetter(tk.body[j-1]) || tk.body[j-1] == '.') {
			j--
		}
		if j > lo || k == 0 || tk.toks[k-1].End != lo {
			return lower(tk.body[j:i])
		}
		k--
	}
}

// wordAfter returns the word that starts just after offset i, as written: the
// letters and hyphens that open the token after it, with nothing but spaces
// between, and on through tokens written together (see wordBefore). Inside a
// token, what of it follows i.
func (tk *tokens) wordAfter(i int) string {
	k := tk.next(i)
	if k == len(tk.toks) {
		return ""
	}
	if s := tk.toks[k].Start; s > i {
		if !onlySpaces(tk.body[i:s]) {
			return ""
		}
		i = s
	}
	j := i
	for {
		hi := tk.toks[k].End
		for j < hi && (isLetter(tk.body[j]) || tk.body[j] == '-') {
			j++
		}
		if j < hi || k+1 == len(tk.toks) || tk.toks[k+1].Start != hi {
			return tk.body[i:j]
		}
		k++
	}
}

// words appends to out the byte spans of the words of token k as the tense
// cues read them: its runs of letters and apostrophes ("said", "'ll", "n't";
// "re" and "elected" of "re-elected", "U" and "S" of "U.S."), none in a number
// or a mark, quotation marks included.
func (tk *tokens) words(k int, out []span) []span {
	t := tk.text(k)
	for i := 0; i < len(t); {
		if !isWordChar(t[i]) {
			i++
			continue
		}
		j, letter := i, false
		for j < len(t) && isWordChar(t[j]) {
			letter = letter || t[j] != '\''
			j++
		}
		if letter { // a quotation mark alone is no word
			out = append(out, span{tk.toks[k].Start + i, tk.toks[k].Start + j})
		}
		i = j
	}
	return out
}

func isWordChar(c byte) bool { return isLetter(c) || c == '\'' }

// clauseEnds returns the offsets of the bytes where the clauses of the body
// end, in order: a line break, a semicolon (which ends a clause of its own
// for tense), and a stop that ends a sentence (endsSentence).
func (tk *tokens) clauseEnds() []int {
	if !tk.read {
		tk.ends, tk.read = tk.findEnds(), true
	}
	return tk.ends
}

func (tk *tokens) findEnds() []int {
	var ends []int
	body := tk.body
	from := 0 // where the white space before the next token starts
	for k, t := range tk.toks {
		if t.Start-from > 1 || t.Start > from && body[from] != ' ' {
			ends = appendBreaks(ends, body, from, t.Start) // more than a space
		}
		from = t.End
		switch last := body[t.End-1]; {
		case body[t.Start] == ';':
			ends = append(ends, t.Start)
		case (last == '.' || last == '!' || last == '?') && tk.endsSentence(k):
			ends = append(ends, t.End-1)
		}
	}
	return appendBreaks(ends, body, from, len(body))
}

// appendBreaks appends the offsets of the line breaks in body[from:to].
func appendBreaks(ends []int, body string, from, to int) []int {
	for {
		i := strings.IndexByte(body[from:to], '\n')
		if i < 0 {
			return ends
		}
		ends = append(ends, from+i)
		from += i + 1
	}
}

// endsSentence reports whether token k, which ends with a stop (. ! ?), ends
// a sentence. A stop does so only before white space, a quotation mark or the
// end of the body ("3.5", "U.S.-led" go on). A period after a short
// capitalised word is an abbreviation when the word is an initial or a known
// abbreviation, or when no capital follows: "J. Smith", "Gen. Kelly", "Corp.
// said" go on; "the Army. Police" ends. After a number it ends before a
// capital ("... on March 3, 2014. The"), not before a digit ("No. 5.2"); after
// letters with periods between ("U.S.") or no letters ("...") it ends none.
func (tk *tokens) endsSentence(k int) bool {
	t, text := tk.toks[k], tk.text(k)
	if e := t.End; e < len(tk.body) && tk.body[e] != ' ' && tk.body[e] != '"' && tk.body[e] != '\n' {
		return false
	}
	if text[len(text)-1] != '.' {
		return true
	}
	// w: the letters before the period, in the token ("Gen.") or in the
	// token right before a period standing alone ("Army" ".")
	w := text[:len(text)-1]
	if w == "" && k > 0 && tk.toks[k-1].End == t.Start {
		w = tk.text(k - 1)
	}
	j := len(w)
	for j > 0 && isLetter(w[j-1]) {
		j--
	}
	switch word := w[j:]; {
	case word == "":
		// a number before the period, then a capital or a quotation
		return w != "" && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' && tk.opensAfter(k, false)
	case j > 0 && w[j-1] == '.':
		return false // "U.S."
	case len(word) <= 4 && word[0] >= 'A' && word[0] <= 'Z':
		return len(word) > 1 && !abbreviations()[word] && tk.opensAfter(k, true)
	default:
		return !lowerAbbrev[word]
	}
}

// opensAfter reports whether what follows token k can open a sentence: a line
// break, a capital letter or a quotation mark; when loose, also an apostrophe
// or a backquote (which open quotations too), a character beyond ASCII, and
// the end of the body.
func (tk *tokens) opensAfter(k int, loose bool) bool {
	end := tk.toks[k].End
	if k+1 == len(tk.toks) {
		return loose || strings.IndexByte(tk.body[end:], '\n') >= 0
	}
	next := tk.toks[k+1]
	if strings.IndexByte(tk.body[end:next.Start], '\n') >= 0 {
		return true
	}
	switch c := tk.body[next.Start]; {
	case c >= 'A' && c <= 'Z', c == '"':
		return true
	case loose:
		return c == '\'' || c == '`' || c >= 0x80
	}
	return false
}

// clause returns the bounds [start, end) of the clause around [s, e): from
// just after the clause end before s to the clause end at or after e. Text
// without clause ends (a list, a table) is read clauseScan bytes each way at
// most, so that the work per expression stays bounded.
func (tk *tokens) clause(s, e int) (int, int) {
	start, end := max(0, s-clauseScan), min(len(tk.body), e+clauseScan)
	ends := tk.clauseEnds()
	if k := sort.SearchInts(ends, s); k > 0 && ends[k-1] >= start {
		start = ends[k-1] + 1
	}
	if k := sort.SearchInts(ends, e); k < len(ends) && ends[k] < end {
		end = ends[k]
	}
	return start, end
}

// clauseOf returns the index of the clause holding offset i: the number of
// clause ends before it.
func (tk *tokens) clauseOf(i int) int { return sort.SearchInts(tk.clauseEnds(), i) }

// within returns the tokens [first, end) that lie wholly in body[s:e].
func (tk *tokens) within(s, e int) (first, end int) {
	first = sort.Search(len(tk.toks), func(k int) bool { return tk.toks[k].Start >= s })
	end = first
	for end < len(tk.toks) && tk.toks[end].End <= e {
		end++
	}
	return first, end
}

// isQuote reports whether token k is a straight quotation mark (", “, ”).
func (tk *tokens) isQuote(k int) bool {
	return strings.Trim(tk.text(k), "\"`'") == ""
}

// opensClause reports whether offset i, the start of a token, opens a clause:
// nothing but spaces and quotation marks stand between it and the end of the
// clause before, or the start of the body.
func (tk *tokens) opensClause(i int) bool {
	k := tk.next(i)
	if k < len(tk.toks) && tk.toks[k].Start < i {
		return false // inside a word
	}
	from := i // the white space before from is looked at next
	for k--; ; k-- {
		lo := 0
		if k >= 0 {
			lo = tk.toks[k].End
		}
		gap := strings.TrimRight(tk.body[lo:from], " ")
		if gap != "" {
			return gap[len(gap)-1] == '\n'
		}
		if k < 0 {
			return true
		}
		if !tk.isQuote(k) {
			return tk.endsClauseAt(tk.toks[k].End - 1)
		}
		from = tk.toks[k].Start
	}
}

// endsClauseAt reports whether a clause ends at offset i.
func (tk *tokens) endsClauseAt(i int) bool {
	ends := tk.clauseEnds()
	k := sort.SearchInts(ends, i)
	return k < len(ends) && ends[k] == i
}
