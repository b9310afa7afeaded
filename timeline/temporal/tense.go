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
	tensePast   = -1
	tenseNone   = 0
	tenseFuture = 1
	tenseModal  = 2   // "could", "might": no tense, but no report of the past either
	tenseAdj    = 3   // "unspecified": an -ed word that is no verb, so no cue
	clauseScan  = 400 // bytes read each way at most for a clause end
	adjacent    = 30  // a cue this close (bytes between) governs the expression
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

// lowerAbbrev are lower-case abbreviations whose dot ends no sentence ("Roe vs.
// Wade").
var lowerAbbrev = map[string]bool{"vs": true, "v": true, "etc": true, "cf": true, "approx": true, "no": true}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tenseAt returns the tense of the clause around [s, e) from the nearest cue.
func (t *Tagger) tenseAt(tk *tokens, s, e int) int {
	tense, _, _ := t.tenseNear(tk, s, e)
	return tense
}

// passiveAux are the words after which an -ed form is a participle, not a past
// tense ("is to be opened", "are expected").
var passiveAux = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true, "am": true, "to": true, "will": true, "get": true, "gets": true}

// tenseNear is tenseAt that also says whether a cue right next to the
// expression decided it, and whether the clause has any future cue at all.
func (t *Tagger) tenseNear(tk *tokens, s, e int) (tense int, near, future bool) {
	best, bestDist := tenseNone, 1<<30
	anyFuture, anyPast := false, false
	var word [16]byte // the word read, lower-cased
	var prev [8]byte
	prevLen := 0
	seen := false // a word of the clause has been read
	var buf [4]span
	first, end := tk.within(tk.clause(s, e))
	for k := first; k < end; k++ {
		for _, wd := range tk.words(k, buf[:0]) {
			i, j := wd.start, wd.end
			isFirst := !seen
			seen = true
			if i >= s && j <= e || j-i > len(word) {
				continue // the expression itself is no cue, nor a word longer than any
			}
			w := word[:0]
			for _, b := range []byte(tk.body[i:j]) {
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				w = append(w, b)
			}
			c := t.tense[string(w)]
			// a capitalised -ed word inside a sentence is a name ("the
			// United States", "Red Cross"), not a verb
			name := tk.body[i] >= 'A' && tk.body[i] <= 'Z' && !isFirst
			if c == 0 && !name && len(w) >= 5 && w[len(w)-2] == 'e' && w[len(w)-1] == 'd' && w[len(w)-3] != 'e' && !passiveAux[string(prev[:prevLen])] {
				c = tensePast
			}
			if c == 0 && len(w) > 3 && string(w[len(w)-3:]) == "'ll" {
				c = tenseFuture
			}
			if c == tenseFuture || c == tenseModal {
				future = true
			}
			if c == tenseModal || c == tenseAdj {
				c = 0
			}
			if c == tenseFuture && j <= s {
				anyFuture = true // a governing future verb precedes its time
			} else if c == tensePast {
				anyPast = true
			}
			if c != 0 {
				d := i - e
				if i < s {
					d = s - j
				}
				if d < bestDist {
					best, bestDist = c, d
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
