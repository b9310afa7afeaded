package temporal

import (
	"strings"
	"sync"
)

// Tense decides which instance of an underspecified date is meant: a past-tense
// sentence's "Friday" is the last Friday, a future one's the next. A cue right
// next to the expression ("said Friday") decides; otherwise any future cue in the
// sentence does ("would be traveling to Havana Thursday"), since news reports the
// future inside past-tense reporting clauses; otherwise a past cue.

const (
	tensePast    = -1
	tenseNone    = 0
	tenseFuture  = 1
	tenseModal   = 2   // "could", "might": no tense, but no report of the past either
	tenseAdj     = 3   // "unspecified": an -ed word that is no verb, so no cue
	sentenceScan = 400 // bytes scanned each way for a sentence boundary
	adjacent     = 30  // a cue this close (bytes between) governs the expression
)

func loadTense() (map[string]int, error) {
	lines, err := readLines("tense.txt")
	if err != nil {
		return nil, err
	}
	m := make(map[string]int, len(lines))
	for _, l := range lines {
		kind, w, ok := strings.Cut(l, " ")
		if !ok {
			continue
		}
		switch kind {
		case "future":
			m[w] = tenseFuture
		case "modal":
			m[w] = tenseModal
		case "adj":
			m[w] = tenseAdj
		default:
			m[w] = tensePast
		}
	}
	return m, nil
}

// sentenceBounds returns a rough [start, end) of the sentence around [s, e).
func sentenceBounds(body string, s, e int) (int, int) {
	lo := max(0, s-sentenceScan)
	start := lo
	for i := s - 1; i >= lo; i-- {
		if isBoundary(body, i) {
			start = i + 1
			break
		}
	}
	hi := min(len(body), e+sentenceScan)
	end := hi
	for i := e; i < hi; i++ {
		if isBoundary(body, i) {
			end = i
			break
		}
	}
	return start, end
}

// isBoundary reports whether body[i] ends a sentence: a newline, or ., ! or ?
// followed by a space, where a dot after a short capitalised word ("Aug.", "Mr.")
// is taken for an abbreviation.
func isBoundary(body string, i int) bool {
	c := body[i]
	if c == '\n' || c == ';' {
		return true // a semicolon ends a clause, which is what tense needs
	}
	if c != '.' && c != '!' && c != '?' {
		return false
	}
	if i+1 < len(body) && body[i+1] != ' ' && body[i+1] != '"' && body[i+1] != '\n' {
		return false
	}
	if c == '.' {
		j := i
		for j > 0 && isLetter(body[j-1]) {
			j--
		}
		if w := body[j:i]; len(w) <= 4 && len(w) > 0 && w[0] >= 'A' && w[0] <= 'Z' {
			// an initial, a known abbreviation, or a short word before a
			// lower-case one is no sentence end: "J. Smith", "Gen. Kelly",
			// "Corp. said"; "the Army. Police" is
			if len(w) == 1 || abbreviations()[w] || !capitalAfter(body, i+1) {
				return false
			}
		} else if lowerAbbrev[w] {
			return false
		}
		if j == i && i > 0 && body[i-1] >= '0' && body[i-1] <= '9' {
			// "... on March 3, 2014. The ..." ends a sentence; "No. 5.2" does not
			k := i + 1
			for k < len(body) && body[k] == ' ' {
				k++
			}
			return k < len(body) && (body[k] >= 'A' && body[k] <= 'Z' || body[k] == '"' || body[k] == '\n')
		}
		if j == i || (j > 0 && body[j-1] == '.') {
			return false // "U.S."
		}
	}
	return true
}

// abbreviations are the capitalised abbreviations of data/abbreviations.txt.
var abbreviations = sync.OnceValue(func() map[string]bool {
	lines, err := readLines("abbreviations.txt")
	if err != nil {
		panic(err) // embedded: a missing file is a build error, caught by every test
	}
	m := make(map[string]bool, len(lines))
	for _, l := range lines {
		m[l] = true
	}
	return m
})

// capitalAfter reports whether the first character from i on that is not a
// space starts a sentence: a capital letter, a quotation mark, a newline, or
// the end of the text.
func capitalAfter(body string, i int) bool {
	for i < len(body) && body[i] == ' ' {
		i++
	}
	if i == len(body) {
		return true
	}
	c := body[i]
	return c >= 'A' && c <= 'Z' || c == '"' || c == '\'' || c == '`' || c == '\n' || c >= 0x80
}

// lowerAbbrev are lower-case abbreviations whose dot ends no sentence ("Roe vs.
// Wade").
var lowerAbbrev = map[string]bool{"vs": true, "v": true, "etc": true, "cf": true, "approx": true, "no": true}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tenseAt returns the tense of the sentence around [s, e) from the nearest cue.
func (t *Tagger) tenseAt(body string, s, e int) int {
	tense, _, _ := t.tenseNear(body, s, e)
	return tense
}

// passiveAux are the words after which an -ed form is a participle, not a past
// tense ("is to be opened", "are expected").
var passiveAux = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true, "am": true, "to": true, "will": true, "get": true, "gets": true}

// tenseNear is tenseAt that also says whether a cue right next to the
// expression decided it, and whether the sentence has any future cue at all.
func (t *Tagger) tenseNear(body string, s, e int) (tense int, near, future bool) {
	ss, se := sentenceBounds(body, s, e)
	best, bestDist := tenseNone, 1<<30
	anyFuture, anyPast := false, false
	var buf [16]byte
	var prev [8]byte
	prevLen := 0
	seen := false // a word of the sentence has been read
	for next := ss; ; {
		i, j := nextWord(body, next, se)
		if i == j {
			break
		}
		next = j
		first := !seen
		seen = true
		if i >= s && j <= e { // the expression itself is no cue
			continue
		}
		w := buf[:0]
		if j-i <= len(buf) {
			for k := i; k < j; k++ {
				b := body[k]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				w = append(w, b)
			}
			k := t.tense[string(w)]
			// a capitalised -ed word inside a sentence is a name ("the United
			// States", "Red Cross"), not a verb
			name := body[i] >= 'A' && body[i] <= 'Z' && !first
			if k == 0 && !name && len(w) >= 5 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' && w[len(w)-3] != 'e' && !passiveAux[string(prev[:prevLen])] {
				k = tensePast
			}
			if k == 0 && len(w) > 3 && string(w[len(w)-3:]) == "'ll" {
				k = tenseFuture
			}
			if k == tenseFuture || k == tenseModal {
				future = true
			}
			if k == tenseModal || k == tenseAdj {
				k = 0
			}
			if k == tenseFuture && j <= s {
				anyFuture = true // a governing future verb precedes its time
			} else if k == tensePast {
				anyPast = true
			}
			if k != 0 {
				d := i - e
				if i < s {
					d = s - j
				}
				if d < bestDist {
					best, bestDist = k, d
				}
			}
			prevLen = copy(prev[:], w)
			if len(w) > len(prev) {
				prevLen = 0
			}
		}
	}
	switch {
	case bestDist <= adjacent:
		return best, true, future
	case anyFuture:
		return tenseFuture, false, future
	case anyPast:
		return tensePast, false, future
	}
	return tenseNone, false, future
}

// nextWord returns the bounds of the first word (letters and apostrophes) in
// body[i:end]; start == stop when there is none.
func nextWord(body string, i, end int) (start, stop int) {
	for i < end && !isLetter(body[i]) && body[i] != '\'' {
		i++
	}
	j := i
	for j < end && (isLetter(body[j]) || body[j] == '\'') {
		j++
	}
	return i, j
}
