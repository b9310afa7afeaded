package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed data/triggers.tsv
var defaultTriggers string

//go:embed data/cues.tsv
var defaultCues string

//go:embed data/words.tsv
var defaultWords string

// Trigger classes (see data/triggers.tsv).
const (
	classSay    = "say"
	classVerb   = "verb"
	classNoun   = "noun"
	classCtx    = "ctx"
	classIntent = "intent"
	classNone   = "none" // a phrase that holds a trigger word but asserts no event
)

// phrase is a sequence of word slots; each slot lists its accepted lower-case
// forms, and a nil slot is a gap of up to maxGap words.
type phrase [][]string

const maxGap = 3

// quoteSlot, as a phrase's last word, requires a quotation mark there without
// making it part of the trigger (`called * "`: calling something a quoted
// name).
const quoteSlot = `"`

// particles turn a verb before them into a phrasal verb of its own.
var particles = map[string]bool{"on": true, "upon": true, "for": true, "off": true, "in": true, "out": true, "up": true, "back": true, "to": true}

// entry is one lexicon line: a trigger phrase or a content cue.
type entry struct {
	code   string
	class  string // trigger class, or cue mode ("any", "irr")
	phrase phrase
	line   int
}

// lexicon holds the trigger entries indexed by the forms of their first word.
type lexicon struct {
	byFirst map[string][]*entry
}

func parsePhrase(s string) phrase {
	var p phrase
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if w == "*" {
			p = append(p, nil)
			continue
		}
		p = append(p, strings.Split(w, "|"))
	}
	return p
}

// readEntries reads tab-separated "code class phrase" lines.
func readEntries(r io.Reader, name string) ([]*entry, error) {
	var out []*entry
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated fields, got %d", name, n, len(f))
		}
		p := parsePhrase(f[2])
		if len(p) == 0 || p[0] == nil || p[len(p)-1] == nil {
			return nil, fmt.Errorf("%s:%d: phrase %q must start and end with a word", name, n, f[2])
		}
		out = append(out, &entry{code: f[0], class: f[1], phrase: p, line: n})
	}
	return out, sc.Err()
}

func newLexicon(entries []*entry) *lexicon {
	lx := &lexicon{byFirst: make(map[string][]*entry)}
	for _, e := range entries {
		for _, form := range e.phrase[0] {
			lx.byFirst[form] = append(lx.byFirst[form], e)
		}
	}
	return lx
}

// match returns the longest entry matching the words from i, and the index just
// past the match.
func (lx *lexicon) match(ws []token, i int) (*entry, int) {
	var best *entry
	bestEnd := -1
	for _, e := range lx.byFirst[ws[i].lower] {
		if end, ok := matchPhrase(e.phrase, ws, i); ok && end > bestEnd {
			best, bestEnd = e, end
		}
	}
	return best, bestEnd
}

// matchClass returns the longest entry of class cl matching the words from i.
func (lx *lexicon) matchClass(ws []token, i int, cl string) (*entry, int) {
	var best *entry
	bestEnd := -1
	for _, e := range lx.byFirst[ws[i].lower] {
		if end, ok := matchPhrase(e.phrase, ws, i); ok && end > bestEnd && e.class == cl {
			best, bestEnd = e, end
		}
	}
	return best, bestEnd
}

// matchPhrase matches p against the words from i; gaps match lazily.
func matchPhrase(p phrase, ws []token, i int) (int, bool) {
	if len(p) == 0 {
		return i, true
	}
	if p[0] == nil {
		// A gap skips up to maxGap words, and quotation marks on the way
		// ("issued a new ``travel warning''").
		words := 0
		for k := i; k <= len(ws); k++ {
			if end, ok := matchPhrase(p[1:], ws, k); ok {
				return end, true
			}
			if k == len(ws) {
				break
			}
			if !ws[k].word {
				if !isQuoteMark(ws[k].text) {
					break
				}
				continue
			}
			if words++; words > maxGap || len(p) == 2 && p[1][0] == quoteSlot && particles[ws[k].lower] {
				// Before a required quotation the gap is the verb's object,
				// not a particle that makes another verb of it ("called on
				// Paraguay to", "called for").
				break
			}
		}
		return 0, false
	}
	if len(p) == 1 && p[0][0] == quoteSlot {
		// A closing quote slot is matched, not taken: the trigger ends
		// before the quotation it requires.
		if i < len(ws) && isQuoteMark(ws[i].text) {
			return i, true
		}
		return 0, false
	}
	if i >= len(ws) || !ws[i].word || !contains(p[0], ws[i].lower) {
		return 0, false
	}
	return matchPhrase(p[1:], ws, i+1)
}

func contains(forms []string, w string) bool {
	for _, f := range forms {
		if f == w {
			return true
		}
	}
	return false
}

// wordClasses holds each function word with each class it belongs to
// (words.tsv). Most words a rule asks about belong to no class, so a word's
// classes are one bit set, found with one lookup by the word alone.
type wordClasses struct {
	class map[string]uint64 // class -> its bit
	words map[string]uint64 // word -> the bits of its classes
}

func readWords(data string) (wordClasses, error) {
	wc := wordClasses{class: make(map[string]uint64), words: make(map[string]uint64)}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return wordClasses{}, fmt.Errorf("words.tsv:%d: want 2 tab-separated fields", n)
		}
		bit, ok := wc.class[f[0]]
		if !ok {
			if len(wc.class) == 64 {
				return wordClasses{}, fmt.Errorf("words.tsv:%d: more than 64 classes", n)
			}
			bit = 1 << len(wc.class)
			wc.class[f[0]] = bit
		}
		for _, w := range strings.Split(f[1], "|") {
			if w == "" || strings.ContainsAny(w, " \t") {
				// A class holds single words: a phrase would never match.
				return wordClasses{}, fmt.Errorf("words.tsv:%d: %q is not one word", n, w)
			}
			wc.words[w] |= bit
		}
	}
	return wc, sc.Err()
}

func (wc wordClasses) is(w, class string) bool {
	bits := wc.words[w]
	return bits != 0 && bits&wc.class[class] != 0
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "“", "”", "``", "''", "‘", "’":
		return true
	}
	return false
}
