package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// token is a word or a punctuation mark of a sentence, with body offsets.
type token struct {
	start, end int
	text       string
	lower      string
	word       bool
	quoted     bool // inside a quotation
}

// sentenceTokens returns the words and punctuation marks of the sentence at
// sp as the rules read them: the analysed document's tokens (package doc,
// the tokenization of UD English: clitics, "n't" and "not" of "cannot" apart,
// "1,000" and "Corp." whole), marked when inside a quotation. A hyphen that
// joins two words with no space around it ("US-led", "cease-fire", "al-Qaeda")
// is read as part of one word, as the lexicons and the dictionaries write such
// words, where UD makes it a token of its own.
func sentenceTokens(d *doc.Doc, sp timeline.Span) []token {
	first, end := d.TokensIn(sp)
	ts := make([]token, 0, end-first)
	body := d.Body
	inQuote := false
	for i := first; i < end; i++ {
		t := d.Tokens[i].Span
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if isWordStart(body, t.Start) {
			// Join "word-word(-word...)" written without spaces.
			for i+2 < end && d.Tokens[i+1].Span.Start == t.End && body[t.End:d.Tokens[i+1].Span.End] == "-" &&
				d.Tokens[i+2].Span.Start == t.End+1 && d.Tokens[i+2].Span.End <= sp.End && isWordStart(body, t.End+1) {
				t.End = d.Tokens[i+2].Span.End
				i += 2
			}
			w := body[t.Start:t.End]
			ts = append(ts, token{start: t.Start, end: t.End, text: w, lower: lowerWord(w), word: true, quoted: inQuote})
			continue
		}
		// Punctuation; quotation marks flip the quoted state.
		p := body[t.Start:t.End]
		switch p {
		case "“", "``":
			inQuote = true
		case "”":
			inQuote = false
		case `"`, "''":
			inQuote = opensQuote(body, t.End, sp.End)
		}
		if isClitic(p) {
			// "'s", "'m", "'ll": words of their own.
			ts = append(ts, token{start: t.Start, end: t.End, text: p, lower: lowerWord(p), word: true, quoted: inQuote})
			continue
		}
		ts = append(ts, token{start: t.Start, end: t.End, text: p, lower: p, quoted: inQuote})
	}
	return ts
}

// lowerWord is the form the lexicons match: lower case, with the typographic
// apostrophe as the plain one.
func lowerWord(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
}

// isClitic reports whether a token that does not start with a letter is a
// clitic split off a word ("'s", "’ll").
func isClitic(p string) bool {
	r, size := utf8.DecodeRuneInString(p)
	if r != '\'' && r != '’' || size == len(p) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(p[size:])
	return unicode.IsLetter(r2)
}

func isWordStart(body string, i int) bool {
	r, _ := utf8.DecodeRuneInString(body[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' }

// opensQuote decides whether the quote mark ending at j opens a quotation: it
// does when a word follows it directly.
func opensQuote(body string, j, end int) bool {
	if j >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body[j:])
	return isWordRune(r)
}
