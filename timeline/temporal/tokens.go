package temporal

import (
	"sort"
	"strings"

	"github.com/timelinehq/timeline/timeline/doc"
)

// The rules read what stands around a match from the analysed document
// (package doc), not from the bytes: the word before or after it is the token
// before or after it, and the clause that gives its tense is a run of tokens.
// Tense needs clauses, not the document's sentences: a quotation the document
// keeps whole as one sentence holds several clauses, and a semicolon ends one.

// tokens is a body as the rules read it: its tokens and where its clauses end.
// It is made once per call on a document and only read afterwards.
type tokens struct {
	body string
	toks []doc.Token
	// ends are the offsets of the bytes that end a clause, in order: a
	// sentence's last stop, a semicolon, a line break (see clauseEnds).
	ends []int
}

// newTokens reads the document's tokens and finds its clauses.
func newTokens(d *doc.Doc) *tokens {
	tk := &tokens{body: d.Body, toks: d.Tokens}
	tk.ends = tk.clauseEnds()
	return tk
}

// prefix returns the first n bytes of the body as a body of their own, with
// the tokens that end within them.
func (tk *tokens) prefix(n int) *tokens {
	if n >= len(tk.body) {
		return tk
	}
	k := sort.Search(len(tk.toks), func(k int) bool { return tk.toks[k].Span.End > n })
	p := &tokens{body: tk.body[:n], toks: tk.toks[:k]}
	p.ends = p.clauseEnds()
	return p
}

// next returns the index of the first token that ends after offset i: the
// token holding i, or else the first after it (len(toks) when none is).
func (tk *tokens) next(i int) int {
	return sort.Search(len(tk.toks), func(k int) bool { return tk.toks[k].Span.End > i })
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
	case k < len(tk.toks) && tk.toks[k].Span.Start < i:
	case k > 0 && onlySpaces(tk.body[tk.toks[k-1].Span.End:i]):
		k--
		i = tk.toks[k].Span.End
	default:
		return ""
	}
	j := i
	for {
		lo := tk.toks[k].Span.Start
		for j > lo && (isLetter(tk.body[j-1]) || tk.body[j-1] == '.') {
			j--
		}
		if j > lo || k == 0 || tk.toks[k-1].Span.End != lo {
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
	if s := tk.toks[k].Span.Start; s > i {
		if !onlySpaces(tk.body[i:s]) {
			return ""
		}
		i = s
	}
	j := i
	for {
		hi := tk.toks[k].Span.End
		for j < hi && (isLetter(tk.body[j]) || tk.body[j] == '-') {
			j++
		}
		if j < hi || k+1 == len(tk.toks) || tk.toks[k+1].Span.Start != hi {
			return tk.body[i:j]
		}
		k++
	}
}

// words appends to out the byte spans of the words of token k as the tense
// cues read them: its runs of letters and apostrophes ("said", "'ll", "n't";
// "re" and "elected" of "re-elected", "U" and "S" of "U.S."), none in a number
// or a mark.
func (tk *tokens) words(k int, out []span) []span {
	t := tk.toks[k]
	for i := 0; i < len(t.Text); {
		if !isWordChar(t.Text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(t.Text) && isWordChar(t.Text[j]) {
			j++
		}
		out = append(out, span{t.Span.Start + i, t.Span.Start + j})
		i = j
	}
	return out
}

func isWordChar(c byte) bool { return isLetter(c) || c == '\'' }

// clauseEnds returns where the clauses of the body end: at a line break, a
// semicolon (a clause of its own for tense), and a stop that ends a sentence
// (endsSentence).
func (tk *tokens) clauseEnds() []int {
	var ends []int
	from := 0 // where the white space before the next token starts
	for k, t := range tk.toks {
		ends = appendBreaks(ends, tk.body, from, t.Span.Start)
		from = t.Span.End
		switch last := t.Text[len(t.Text)-1]; {
		case t.Text[0] == ';':
			ends = append(ends, t.Span.Start)
		case (last == '.' || last == '!' || last == '?') && tk.endsSentence(k):
			ends = append(ends, t.Span.End-1)
		}
	}
	return appendBreaks(ends, tk.body, from, len(tk.body))
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
	t := tk.toks[k]
	if e := t.Span.End; e < len(tk.body) && tk.body[e] != ' ' && tk.body[e] != '"' && tk.body[e] != '\n' {
		return false
	}
	if t.Text[len(t.Text)-1] != '.' {
		return true
	}
	// w: the letters before the period, in the token ("Gen.") or in the
	// token right before a period standing alone ("Army" ".")
	w := t.Text[:len(t.Text)-1]
	if w == "" && k > 0 && tk.toks[k-1].Span.End == t.Span.Start {
		w = tk.toks[k-1].Text
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
	end := tk.toks[k].Span.End
	if k+1 == len(tk.toks) {
		return loose || strings.IndexByte(tk.body[end:], '\n') >= 0
	}
	next := tk.toks[k+1]
	if strings.IndexByte(tk.body[end:next.Span.Start], '\n') >= 0 {
		return true
	}
	switch c := next.Text[0]; {
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
	if k := sort.SearchInts(tk.ends, s); k > 0 && tk.ends[k-1] >= start {
		start = tk.ends[k-1] + 1
	}
	if k := sort.SearchInts(tk.ends, e); k < len(tk.ends) && tk.ends[k] < end {
		end = tk.ends[k]
	}
	return start, end
}

// clauseOf returns the index of the clause holding offset i: the number of
// clause ends before it.
func (tk *tokens) clauseOf(i int) int { return sort.SearchInts(tk.ends, i) }

// within returns the tokens [first, end) that lie wholly in body[s:e].
func (tk *tokens) within(s, e int) (first, end int) {
	first = sort.Search(len(tk.toks), func(k int) bool { return tk.toks[k].Span.Start >= s })
	end = first
	for end < len(tk.toks) && tk.toks[end].Span.End <= e {
		end++
	}
	return first, end
}

// isQuote reports whether token k is a straight quotation mark (", “, ”).
func (tk *tokens) isQuote(k int) bool {
	return strings.Trim(tk.toks[k].Text, "\"`'") == ""
}

// opensClause reports whether offset i, the start of a token, opens a clause:
// nothing but spaces and quotation marks stand between it and the end of the
// clause before, or the start of the body.
func (tk *tokens) opensClause(i int) bool {
	k := tk.next(i)
	if k < len(tk.toks) && tk.toks[k].Span.Start < i {
		return false // inside a word
	}
	from := i // the white space before from is looked at next
	for k--; ; k-- {
		lo := 0
		if k >= 0 {
			lo = tk.toks[k].Span.End
		}
		gap := strings.TrimRight(tk.body[lo:from], " ")
		if gap != "" {
			return gap[len(gap)-1] == '\n'
		}
		if k < 0 {
			return true
		}
		if !tk.isQuote(k) {
			return tk.endsClauseAt(tk.toks[k].Span.End - 1)
		}
		from = tk.toks[k].Span.Start
	}
}

// endsClauseAt reports whether a clause ends at offset i.
func (tk *tokens) endsClauseAt(i int) bool {
	k := sort.SearchInts(tk.ends, i)
	return k < len(tk.ends) && tk.ends[k] == i
}
