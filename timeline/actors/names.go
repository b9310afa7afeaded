package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// Names resolves a bare surname or first name ("Torres") to the person the
// article named in full before ("Luis Torres"), the commonest coreference in
// news: a dictionary holds a person's full name, the article uses it once and
// then the surname. Read the sentences of one article in order through Extend.
// A name part two different people of the article share is left unresolved.
type Names struct {
	parts     map[string]*Mention
	ambiguous map[string]bool
	acronyms  map[string]*Mention // "ICJ" after "the International Commission of Jurists (ICJ)"
}

// NewNames returns an empty index for one article.
func NewNames() *Names {
	return &Names{parts: map[string]*Mention{}, ambiguous: map[string]bool{}, acronyms: map[string]*Mention{}}
}

// Extend returns the mentions ms of one sentence (text, at offset base of its
// body) with the name parts of people named earlier added, in order of
// position, and then learns the people the sentence names in full.
func (n *Names) Extend(text string, base int, ms []Mention) []Mention {
	n.learnAcronyms(text, base, ms)
	// An acronym the article defined stands for what it defined it as, not
	// for what the dictionary knows by the same letters ("the International
	// Commission of Jurists (ICJ)" is no court).
	for i, m := range ms {
		if a := n.acronyms[m.Text]; a != nil && a.Span != m.Span {
			ms[i].Actor, ms[i].Kind, ms[i].Country, ms[i].Role = a.Actor, a.Kind, a.Country, a.Role
		}
	}
	// A bare surname the dictionary resolved on its own (to a better-known
	// namesake) is the person the article named in full before.
	for i, m := range ms {
		if m.Kind == KindPerson && !strings.Contains(m.Text, " ") {
			if p := n.parts[m.Text]; p != nil && !n.ambiguous[m.Text] && p.Actor != m.Actor {
				ms[i].Actor, ms[i].Country, ms[i].Role = p.Actor, p.Country, p.Role
			}
		}
	}
	var out []Mention
	var words []nameWord
	if len(n.parts) > 0 { // else no word can be a name part learnt before
		words = nameWords(text, base)
	}
	mi := 0
	for k, w := range words {
		for mi < len(ms) && ms[mi].Span.End <= w.start {
			out = append(out, ms[mi])
			mi++
		}
		if mi < len(ms) && ms[mi].Span.Start <= w.start {
			continue // inside a mention
		}
		if m := n.parts[w.text]; m != nil && !n.ambiguous[w.text] && !otherName(words, k, m) {
			c := *m
			c.Span, c.Text = timeline.Span{Start: w.start, End: w.end}, w.text
			out = append(out, c)
		}
	}
	out = append(out, ms[mi:]...)
	for _, m := range ms {
		if m.Kind == KindCountry {
			n.learnHalf(m)
			continue
		}
		if m.Kind != KindPerson || m.Actor.Name == "" || !strings.Contains(m.Text, " ") {
			continue // only full names teach what a bare name stands for
		}
		n.learnPerson(m)
	}
	return out
}

// learnAcronyms learns the acronyms a sentence defines in parentheses after
// a name of several words ("the Rapid Support Forces (RSF)").
func (n *Names) learnAcronyms(text string, base int, ms []Mention) {
	for _, m := range ms {
		if !strings.Contains(m.Text, " ") || m.Span.End < base || m.Span.End-base > len(text) {
			continue
		}
		rest := strings.TrimLeft(text[m.Span.End-base:], " ")
		if !strings.HasPrefix(rest, "(") {
			continue
		}
		acr, _, ok := strings.Cut(rest[1:], ")")
		if !ok || !isAcronym(acr) || initials(m.Text) != strings.NewReplacer(".", "", "&", "").Replace(acr) {
			// The letters must be the name's: "(PKK)" after a "Workers'
			// Party" the dictionary took for another party is not its
			// acronym.
			continue
		}
		mm := m
		n.acronyms[acr] = &mm
		if old := n.parts[acr]; old != nil && old.Actor != m.Actor {
			n.ambiguous[acr] = true
		}
		n.parts[acr] = &mm
	}
}

// initials returns the first letters of the capitalised words of a name
// ("International Commission of Jurists" -> "ICJ"; "the" and "of" have none).
func initials(name string) string {
	var b strings.Builder
	for i, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		if i == 0 && (w == "The" || w == "A" || w == "An") {
			continue // a sentence's first article
		}
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// isAcronym reports whether s is written as an acronym: two to ten capitals,
// digits, dots or ampersands, starting with a capital.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 10 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '&') {
			return false
		}
	}
	return true
}

// Learn teaches the index a person the dictionary does not know, whom the
// article itself identifies ("Terry Davidson, a State Department spokesman"):
// later bare uses of the first or last name are that person, coded a.
func (n *Names) Learn(name string, a timeline.Actor, country, role string) {
	if len(strings.Fields(name)) < 2 {
		return
	}
	n.learnPerson(Mention{Kind: KindPerson, Actor: timeline.Actor{Name: name, Code: a.Code}, Country: country, Role: role})
}

// learnPerson makes the first and last names of person m (three letters or
// more) stand for m; a name part two different people share stays
// unresolved.
func (n *Names) learnPerson(m Mention) {
	f := strings.Fields(m.Actor.Name)
	for _, p := range []string{f[0], f[len(f)-1]} {
		if len(p) < 3 {
			continue
		}
		if old := n.parts[p]; old != nil && old.Actor != m.Actor {
			n.ambiguous[p] = true
		}
		mm := m
		n.parts[p] = &mm
	}
}

// learnHalf learns "North" and "South" for a divided country the article
// names in full: after "North Korea", "the North" and "North's" are it.
func (n *Names) learnHalf(m Mention) {
	half, _, ok := strings.Cut(m.Actor.Name, " ")
	if !ok || half != "North" && half != "South" || !strings.HasPrefix(m.Text, half+" ") {
		return
	}
	if old := n.parts[half]; old != nil && old.Actor != m.Actor {
		n.ambiguous[half] = true
	}
	mm := m
	n.parts[half] = &mm
}

// nameWord is a word of a sentence with its body offsets.
type nameWord struct {
	start, end int
	text       string
	word       bool // letters, digits and inner apostrophes, hyphens and periods
}

// nameWords splits a sentence into words and single punctuation marks.
func nameWords(text string, base int) []nameWord {
	out := make([]nameWord, 0, len(text)/4+1) // most words are longer than three letters
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				r, s := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					j += s
					continue
				}
				if (r == '\'' || r == '-' || r == '.' || r == '’') && j+s < len(text) && !possessive(text[j+s:]) {
					if n, _ := utf8.DecodeRuneInString(text[j+s:]); unicode.IsLetter(n) {
						j += s
						continue
					}
				}
				break
			}
			out = append(out, nameWord{start: base + i, end: base + j, text: text[i:j], word: true})
			i = j
		default:
			out = append(out, nameWord{start: base + i, end: base + i + size, text: text[i : i+size]})
			i += size
		}
	}
	return out
}

// otherName reports whether the name part at word k belongs to another name
// than m's: a capitalised word joined to it that m's name lacks
// ("Representative Ana Torres" is not Luis Torres). The first word of a
// sentence may be capitalised whatever it is ("But Torres said").
func otherName(words []nameWord, k int, m *Mention) bool {
	joined := func(j int) bool {
		w := words[j]
		if !w.word || len(w.text) < 2 || !(w.text[0] >= 'A' && w.text[0] <= 'Z') || strings.Contains(" "+m.Actor.Name+" ", " "+w.text+" ") {
			return false
		}
		switch strings.ToLower(w.text) {
		case "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			return false
		}
		return true
	}
	return k > 1 && joined(k-1) || k+1 < len(words) && joined(k+1)
}

// possessive reports whether rest, the text after an apostrophe, is the
// possessive "s" ending a word ("Torres's", "Ana's"), which is no part of the
// name.
func possessive(rest string) bool {
	if rest == "" || rest[0] != 's' {
		return false
	}
	n, _ := utf8.DecodeRuneInString(rest[1:])
	return len(rest) == 1 || !unicode.IsLetter(n) && !unicode.IsDigit(n)
}
