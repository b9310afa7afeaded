// Package text splits article bodies into sentences with byte spans.
//
// The splitter is a single left-to-right pass over the body. A sentence ends at a
// terminator (. ! ? … or an ellipsis) together with any closing quotes or brackets
// that follow it, when the next text starts a new sentence; it always ends at a
// blank line. Periods after known abbreviations and initials, and terminators inside
// an open quotation, do not end a sentence, because in news copy a quoted passage
// of several sentences is attributed as one ("Yes. We always ...," the minister
// said).
package text

import (
	"bufio"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

//go:embed data/abbreviations.txt
var abbreviationsTxt string

//go:embed data/starters.txt
var startersTxt string

var (
	abbreviations = wordSet(abbreviationsTxt)
	starters      = wordSet(startersTxt)
)

// maxSentence is the length (bytes) past which a sentence is cut at its next
// comma; real news sentences stay well under it.
const maxSentence = 1500

// maxQuote bounds how far an open quotation suppresses sentence ends: an
// unbalanced quote mark must not swallow the rest of a paragraph.
const maxQuote = 600

func wordSet(data string) map[string]bool {
	m := make(map[string]bool)
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		m[w] = true
	}
	return m
}

// Sentences returns the sentence spans of body in order. Spans never include
// leading or trailing white space and never overlap.
func Sentences(body string) []timeline.Span {
	s := splitter{body: body, start: -1}
	s.run()
	return s.out
}

type splitter struct {
	body      string
	out       []timeline.Span
	start     int // first byte of the current sentence, -1 between sentences
	inQuote   bool
	quoteFrom int
}

func (s *splitter) emit(end int) {
	if s.start < 0 {
		return
	}
	for end > s.start {
		r, size := utf8.DecodeLastRuneInString(s.body[s.start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if end > s.start {
		s.out = append(s.out, timeline.Span{Start: s.start, End: end})
	}
	s.start = -1
	s.inQuote = false
}

func (s *splitter) run() {
	body := s.body
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if r == '\n' {
			if j, ok := blankLine(body, i); ok {
				s.emit(i)
				i = j
				continue
			}
		}
		if s.start < 0 {
			if !unicode.IsSpace(r) {
				s.start = i
			} else {
				i += size
				continue
			}
		}
		if r == ' ' && i-s.start >= maxSentence && (i > 0 && (body[i-1] == ',' || body[i-1] == ';') || i-s.start >= 2*maxSentence) {
			// A run-on "sentence" (a list, a table, text without stops) is cut at a
			// comma, or anywhere past twice the limit, so that no later step
			// works on unbounded spans.
			s.emit(i)
			i += size
			continue
		}
		switch r {
		case '.', '!', '?', '…':
			i = s.terminator(i)
			continue
		case '“':
			s.openQuote(i)
		case '”':
			s.inQuote = false
		case '"':
			if straightOpens(body, i) {
				s.openQuote(i)
			} else {
				s.inQuote = false
			}
		case '`':
			if strings.HasPrefix(body[i:], "``") {
				s.openQuote(i)
				size = 2
			}
		case '\'':
			if strings.HasPrefix(body[i:], "''") {
				// Some wires open quotations with two apostrophes too.
				if straightOpens(body, i+1) {
					s.openQuote(i)
				} else {
					s.inQuote = false
				}
				size = 2
			}
		}
		i += size
	}
	s.emit(len(body))
}

func (s *splitter) openQuote(i int) {
	s.inQuote = true
	s.quoteFrom = i
}

// blankLine reports whether the newline at i starts a blank line, returning the
// offset just past the second newline.
func blankLine(body string, i int) (int, bool) {
	j := i + 1
	for j < len(body) && (body[j] == ' ' || body[j] == '\t' || body[j] == '\r') {
		j++
	}
	if j < len(body) && body[j] == '\n' {
		return j + 1, true
	}
	return 0, false
}

// straightOpens decides whether the straight double quote at i opens a quotation:
// it closes one when followed by space, punctuation or the end, and opens one when
// followed by a word ("recently."If ...), including right after a period.
func straightOpens(body string, i int) bool {
	if i+1 >= len(body) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(body[i+1:])
	if !unicode.IsLetter(next) && !unicode.IsDigit(next) && next != '`' && next != '\'' {
		return false
	}
	return true
}

// terminator handles the sentence terminator at i and returns where scanning
// resumes.
func (s *splitter) terminator(i int) int {
	body := s.body
	end := i
	dots := 0
	for end < len(body) {
		r, size := utf8.DecodeRuneInString(body[end:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			break
		}
		if r == '.' {
			dots++
		} else {
			dots += 2
		}
		end += size
	}
	single := dots == 1 && body[i] == '.'
	// Closing quotes and brackets belong to the sentence they close.
	for end < len(body) {
		r, size := utf8.DecodeRuneInString(body[end:])
		switch {
		case r == '”' || r == '’' || r == ')' || r == ']':
			if r == '”' {
				s.inQuote = false
			}
			end += size
			continue
		case r == '"' && !straightOpens(body, end):
			s.inQuote = false
			end += size
			continue
		case r == '\'' && strings.HasPrefix(body[end:], "''") && !straightOpens(body, end+1):
			s.inQuote = false
			end += 2
			continue
		}
		break
	}
	if s.inQuote && end-s.quoteFrom > maxQuote {
		s.inQuote = false
	}
	// Inside a quotation only an ellipsis ends a sentence: a quoted passage of
	// several sentences is one attributed statement, but wires mark a quotation cut
	// short with "..." before going on.
	if s.inQuote && dots < 3 {
		return end
	}
	if s.endsHere(i, end, single) {
		s.emit(end)
	}
	return end
}

// endsHere decides whether the terminator run [i, end) ends the sentence.
func (s *splitter) endsHere(i, end int, single bool) bool {
	body := s.body
	k := end
	for k < len(body) && (body[k] == ' ' || body[k] == '\t' || body[k] == '\r' || body[k] == '\n') {
		k++
	}
	if k >= len(body) {
		return true
	}
	next, nsize := utf8.DecodeRuneInString(body[k:])
	if k == end && next != '"' && next != '“' && next != '`' {
		// No space after the terminator ("U.S.-led", "3.5"): not an end.
		return false
	}
	if next == '(' {
		// A bracketed tag after the last sentence ("(pvs/vi/ji)") stands apart.
		return true
	}
	// Step over opening quotes to the word they open.
	w := k
	for n := 0; n < 2 && (next == '"' || next == '“' || next == '‘' || next == '\'' || next == '`'); n++ {
		w += nsize
		if w >= len(body) {
			return true
		}
		next, nsize = utf8.DecodeRuneInString(body[w:])
	}
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
		return false
	}
	if !single {
		return true
	}
	word := wordBefore(body, i)
	nextWord := wordAt(body, w)
	switch {
	case abbreviations[word]:
		return false
	case strings.Contains(word, "."), isInitial(word):
		// "U.S. Deputy Secretary", "John F. Kennedy": only a word that typically
		// opens a sentence shows that the abbreviation ended one.
		return starters[nextWord]
	case unicode.IsDigit(next) && numberAbbrev(word):
		return false
	}
	return true
}

// wordBefore returns the run of letters and inner periods ending at i.
func wordBefore(body string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(body[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	return strings.TrimLeft(body[j:i], ".")
}

func wordAt(body string, i int) string {
	j := i
	for j < len(body) {
		r, size := utf8.DecodeRuneInString(body[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return body[i:j]
}

func isInitial(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	return size == len(word) && unicode.IsUpper(r)
}

// numberAbbrev reports whether word is an abbreviation that a number follows
// ("Jan. 13", "room no. 12"), whatever its case.
func numberAbbrev(word string) bool {
	if word == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(word)
	return abbreviations[string(unicode.ToUpper(r))+word[size:]]
}
