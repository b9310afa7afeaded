package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// Case classes of a token, from its letters.
const (
	caseOther uint8 = iota // punctuation, digits
	caseLower              // "president", "iPhone"
	caseTitle              // "Merkel", "McCurry"
	caseUpper              // "US", "U.S.", "NATO" (two letters or more, all capitals)
)

// token is one word or punctuation mark of a text. Its key is the lowercased
// form the trie is keyed by, with the dots of abbreviations dropped ("U.S." ->
// "us") and curly apostrophes straightened; it lives in the tokenizer's buffer.
type token struct {
	start, end int // byte span in the text
	k0, k1     int // key span in the key buffer
	cls        uint8
}

// tokenizer splits text into tokens. Data files go through the same tokenizer as
// articles, so an entry matches exactly the texts that tokenize like it does.
type tokenizer struct {
	toks []token
	keys []byte
	// Per token, filled by Find: the trie node of the token as a first word
	// (nil: no name starts with it) and its modifier class.
	first []*node
	mods  []uint8
}

func (t *tokenizer) key(i int) string { return string(t.keys[t.toks[i].k0:t.toks[i].k1]) }

// keyBytes returns the key of token i without allocating; map lookups with
// string(b) do not allocate either.
func (t *tokenizer) keyBytes(i int) []byte { return t.keys[t.toks[i].k0:t.toks[i].k1] }

func isApos(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// decode returns the rune at s[i] and its width, (-1, 0) past the end.
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// run tokenizes s, token by token (see step).
func (t *tokenizer) run(s string) {
	t.toks = t.toks[:0]
	t.keys = t.keys[:0]
	i := 0
	for i < len(s) {
		r, w := decode(s, i)
		if !unicode.IsSpace(r) {
			i = t.step(s, i)
			continue
		}
		// A blank line ends a paragraph (or a headline): a token no name
		// contains, so that no mention runs across it.
		start, lines := i, 0
		for ; r >= 0 && unicode.IsSpace(r); r, w = decode(s, i) {
			if r == '\n' {
				lines++
			}
			i += w
		}
		if lines >= 2 {
			t.emit(start, i, "\n\n", caseOther)
		}
	}
}

// runSpans tokenizes s as another tokenizer split it into spans (the
// analysed document's tokens, package doc): each span is read as run reads
// its words and marks, never past the span's end, so that a name has the same
// keys whichever way the text was split. As in run, a hyphen joining two words
// separates them without a token of its own, and a blank line between spans
// ends a paragraph.
func (t *tokenizer) runSpans(s string, spans []timeline.Span) {
	t.toks = t.toks[:0]
	t.keys = t.keys[:0]
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
			continue // not a token of s in order: read no name across it
		}
		if strings.Count(s[prev:sp.Start], "\n") >= 2 {
			t.emit(prev, sp.Start, "\n\n", caseOther)
		}
		prev = sp.End
		if s[sp.Start:sp.End] == "-" && sp.Start > 0 && len(t.toks) > 0 && t.toks[len(t.toks)-1].end == sp.Start {
			if r, _ := utf8.DecodeLastRuneInString(s[:sp.Start]); isWordRune(r) {
				if n, _ := decode(s, sp.End); n >= 0 && isWordRune(n) {
					continue
				}
			}
		}
		for i, in := sp.Start, s[:sp.End]; i < sp.End; {
			if r, w := decode(in, i); unicode.IsSpace(r) {
				i += w
				continue
			}
			i = t.step(in, i)
		}
	}
}

// step reads the token that starts at s[i], not a space, and returns the
// offset after it. Words are runs of letters and digits, with inner
// apostrophes ("O'Neill") and, for initials, dots ("U.S.", "W."). A hyphen
// between two word characters separates words without a token of its own, so
// that "Lee Myung-bak" and "Lee Myung Bak" are the same tokens. A possessive
// "'s" (or the apostrophe after a plural, "Koreas'") is a token of its own,
// keyed "'s"; any other character is a one-character token.
func (t *tokenizer) step(s string, i int) int {
	r, w := decode(s, i)
	switch {
	case isWordRune(r):
		return t.word(s, i)
	case isApos(r) && len(t.toks) > 0 && t.toks[len(t.toks)-1].end == i && t.toks[len(t.toks)-1].cls != caseOther:
		// A possessive right after a word: "'s" or a lone "'" after a plural.
		n, w2 := decode(s, i+w)
		if n == 's' || n == 'S' {
			if a, _ := decode(s, i+w+w2); a < 0 || !isWordRune(a) {
				t.emit(i, i+w+w2, "'s", caseOther)
				return i + w + w2
			}
		}
		if n < 0 || !isWordRune(n) {
			prev := t.toks[len(t.toks)-1]
			if last := t.keys[prev.k1-1]; last == 's' {
				t.emit(i, i+w, "'s", caseOther)
				return i + w
			}
		}
		t.emit(i, i+w, "'", caseOther)
	case isApos(r):
		t.emit(i, i+w, "'", caseOther)
	default:
		t.emit(i, i+w, s[i:i+w], caseOther)
	}
	return i + w
}

func (t *tokenizer) emit(start, end int, key string, cls uint8) {
	k0 := len(t.keys)
	t.keys = append(t.keys, key...)
	t.toks = append(t.toks, token{start: start, end: end, k0: k0, k1: len(t.keys), cls: cls})
}

// word reads the word starting at i and returns the offset after it.
func (t *tokenizer) word(s string, i int) int {
	start := i
	k0 := len(t.keys)
	var letters, uppers int
	firstUpper := false
	runLen := 0 // letters since the last dot, to recognise initials
	for i < len(s) {
		r, w := decode(s, i)
		switch {
		case isWordRune(r):
			if unicode.IsLetter(r) {
				if letters == 0 {
					firstUpper = unicode.IsUpper(r)
				}
				letters++
				if unicode.IsUpper(r) {
					uppers++
				}
			}
			t.keys = utf8.AppendRune(t.keys, unicode.ToLower(r))
			runLen++
			i += w
			continue
		case r == '.' && runLen == 1:
			// An initial: "U." of "U.S.", "F." of "John F. Kennedy". The dot
			// belongs to the word; the key drops it.
			i += w
			n, _ := decode(s, i)
			if n >= 0 && unicode.IsLetter(n) {
				if n2, _ := decode(s, i+utf8.RuneLen(n)); n2 == '.' || n2 < 0 || !isWordRune(n2) {
					runLen = 0
					continue
				}
			}
		case isApos(r):
			// An inner apostrophe ("O'Neill", "N'Djamena"), unless it starts a
			// possessive "'s", which run emits as a token of its own.
			n, nw := decode(s, i+w)
			if n >= 0 && isWordRune(n) {
				if (n == 's' || n == 'S') && func() bool { a, _ := decode(s, i+w+nw); return a < 0 || !isWordRune(a) }() {
					break
				}
				t.keys = append(t.keys, '\'')
				i += w
				runLen = 0
				continue
			}
		}
		break
	}
	cls := caseOther
	switch {
	case letters == 0:
	case uppers == letters && letters >= 2:
		cls = caseUpper
	case firstUpper:
		cls = caseTitle
	default:
		cls = caseLower
	}
	t.toks = append(t.toks, token{start: start, end: i, k0: k0, k1: len(t.keys), cls: cls})
	// A hyphen joining two words is a separator, not a token.
	if i < len(s) && s[i] == '-' {
		if n, _ := decode(s, i+1); n >= 0 && isWordRune(n) {
			i++
		}
	}
	return i
}
