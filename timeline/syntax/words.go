package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one word of a sentence as the tagger and parser see it.
type word struct {
	form  string
	norm  string // lowercase, digits as 0, curly apostrophes straight
	h     uint64 // hash of norm: the word in features
	shape uint64 // hash of the word's shape ("Xxxx", "d.d", "x'x")
	flags uint64 // bits: see flag* below
}

const (
	flagUpper  = 1 << iota // starts with an upper-case letter
	flagAllCap             // several letters, all upper case
	flagDigit              // holds a digit
	flagHyphen             // holds a hyphen inside
	flagPunct              // no letter or digit at all
	flagFirst              // first word of the sentence
)

// rng is splitmix64: a tiny generator of our own, so that the shuffles of
// training, and so the model's bytes, never depend on a library's algorithm.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += mulA
	return mix(r.s)
}

// intn returns a number in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// perm returns a random permutation of 0..n-1 (Fisher-Yates).
func (r *rng) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

// normalize gives the form words are known by: lower case, every digit 0 (a
// number's shape says more than its value), curly apostrophes straight.
func normalize(form string) string {
	plain := true
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9') {
			plain = false
			break
		}
	}
	if plain {
		return form
	}
	var b strings.Builder
	b.Grow(len(form))
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shapeOf maps letters to x or X and digits to d, keeping other characters and
// collapsing runs longer than two: "McCain" Xx, "U.S." X.X., "1,000" d,ddd.
func shapeOf(form string) string {
	var b []byte
	var last rune
	run := 0
	for _, r := range form {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		last = c
		b = utf8.AppendRune(b, c)
		if len(b) > 16 {
			break
		}
	}
	return string(b)
}

func flagsOf(form string, first bool) uint64 {
	var f uint64
	letters, upper := 0, 0
	hasAlnum := false
	for i, r := range form {
		switch {
		case unicode.IsLetter(r):
			letters++
			hasAlnum = true
			if unicode.IsUpper(r) {
				upper++
				if i == 0 {
					f |= flagUpper
				}
			}
		case unicode.IsDigit(r):
			f |= flagDigit
			hasAlnum = true
		case r == '-' && i > 0 && i < len(form)-1:
			f |= flagHyphen
		}
	}
	if letters > 1 && upper == letters {
		f |= flagAllCap
	}
	if !hasAlnum {
		f |= flagPunct
	}
	if first {
		f |= flagFirst
	}
	return f
}

// makeWords prepares a sentence's forms.
func makeWords(forms []string, out []word) []word {
	out = out[:0]
	for i, f := range forms {
		n := normalize(f)
		out = append(out, word{form: f, norm: n, h: hashString(n), shape: hashString(shapeOf(f)), flags: flagsOf(f, i == 0)})
	}
	return out
}

// suffix returns the last n bytes of s, widened to whole runes.
func suffix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

// prefix returns the first n bytes of s, widened to whole runes.
func prefix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	i := n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[:i]
}
