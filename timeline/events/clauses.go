package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence, with body offsets.
type token struct {
	start, end int
	text       string
	lower      string
	word       bool
	quoted     bool // inside a quotation
}

// tokenize splits the sentence body[start:end] into words (letters, digits and
// inner apostrophes, hyphens and periods) and single punctuation marks, and marks
// the tokens inside quotations.
func tokenize(body string, start, end int) []token {
	ts := make([]token, 0, (end-start)/4+1) // a word and its space take five bytes on average
	inQuote := false
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(body[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case isWordRune(r):
			j := i + size
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(body[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.') && j+s2 < end {
					r3, _ := utf8.DecodeRuneInString(body[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			// Split the clitic "n't" and "'s" off so that negation and possession read
			// as words.
			w := body[i:j]
			lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
			cut := 0
			switch {
			case strings.HasSuffix(lw, "n't"):
				cut = len(w) - (len(lw) - len(strings.TrimSuffix(lw, "n't")))
			case strings.HasSuffix(lw, "'s"):
				cut = len(w) - (len(lw) - len(strings.TrimSuffix(lw, "'s")))
			}
			if cut > 0 && cut < len(w) {
				ts = append(ts, mkWord(body, i, i+cut, inQuote))
				ts = append(ts, mkWord(body, i+cut, j, inQuote))
			} else {
				ts = append(ts, token{start: i, end: j, text: w, lower: lw, word: true, quoted: inQuote})
			}
			i = j
			continue
		}
		// Punctuation; quotation marks flip the quoted state.
		j := i + size
		switch r {
		case '“':
			inQuote = true
		case '”':
			inQuote = false
		case '"':
			inQuote = opensQuote(body, i, j, end)
		case '`', '\'':
			if j < end && body[j] == byte(r) {
				j++
				if r == '`' {
					inQuote = true
				} else {
					inQuote = opensQuote(body, i, j, end)
				}
			}
		}
		ts = append(ts, token{start: i, end: j, text: body[i:j], lower: body[i:j], quoted: inQuote})
		i = j
	}
	return ts
}

func mkWord(body string, i, j int, quoted bool) token {
	t := body[i:j]
	l := strings.ToLower(strings.ReplaceAll(t, "’", "'"))
	return token{start: i, end: j, text: t, lower: l, word: true, quoted: quoted}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' }

// opensQuote decides whether the quote mark [i, j) opens a quotation: it does when
// a word follows it directly.
func opensQuote(body string, i, j, end int) bool {
	if j >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body[j:])
	return isWordRune(r)
}
