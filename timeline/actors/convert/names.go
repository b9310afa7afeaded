package main

import (
	"strings"
	"unicode"
)

// particles are written lowercase inside a name ("Muhammad al-Baradei", "Jaap
// de Hoop Scheffer"); the first word of a name keeps its capital.
var particles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true, "da": true, "di": true,
	"du": true, "del": true, "della": true, "der": true, "den": true, "van": true, "von": true, "la": true,
	"le": true, "dos": true, "das": true, "y": true, "ul": true, "ud": true, "of": true, "the": true,
	"and": true, "for": true, "in": true, "on": true, "at": true, "to": true,
}

// phraseWords splits a raw Phoenix phrase ("KOFI_ATTA_ANNAN_", "CARLOS
// SANTOS_CRUZ_") into its words. ok is false for phrases that are not plain
// names: digits, brackets, commas, slashes (a code or a note in the name field).
func phraseWords(raw string) ([]string, bool) {
	s := strings.Map(func(r rune) rune {
		if r == '_' {
			return ' '
		}
		return r
	}, raw)
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil, false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '.' && r != '\'' {
				return nil, false
			}
		}
		if strings.Trim(w, "-.'") == "" {
			return nil, false
		}
	}
	return words, true
}

// written turns Phoenix's capitals into the written form: "KOFI_ATTA_ANNAN" ->
// "Kofi Atta Annan", "MUHAMMAD_AL-BARADEI" -> "Muhammad al-Baradei",
// "JOHN_MCCAIN" -> "John McCain". With acronyms, short words that are not
// English words stay in capitals ("UN Mission in Sudan"); common is the set of
// lowercase English words.
func written(words []string, acronyms bool, common map[string]bool) string {
	out := make([]string, len(words))
	for i, w := range words {
		parts := strings.Split(w, "-")
		for j, p := range parts {
			lp := strings.ToLower(p)
			switch {
			case p == "":
			case romanNumeral(p) && (i > 0 || j > 0):
				parts[j] = strings.ToUpper(p)
			case acronyms && isAcronym(p, len(words) == 1 && len(parts) == 1, common):
				parts[j] = strings.ToUpper(p)
			case particles[lp] && (i > 0 || j > 0) && (j+1 < len(parts) || i+1 < len(words)):
				parts[j] = lp
			default:
				parts[j] = titleWord(lp)
			}
		}
		out[i] = strings.Join(parts, "-")
	}
	return strings.Join(out, " ")
}

// isAcronym reports whether a word of an organisation's name is most likely an
// acronym: a word with dots ("U.N."), with no vowel ("MNLF"), of two letters
// ("UN", "EU"; particles aside), or a name of one word of up to five letters
// that is no English word ("NATO", "ATAG"). Other words are capitalised
// ("Abu", "Iraq").
func isAcronym(w string, alone bool, common map[string]bool) bool {
	bare := strings.ReplaceAll(w, ".", "")
	lw := strings.ToLower(bare)
	switch {
	case bare == "":
		return false
	case strings.Contains(w, ".") && len(bare) <= 5:
		return true
	case !strings.ContainsAny(lw, "aeiouy"):
		return true
	case len(bare) == 2 && !particles[lw] && !common[lw]:
		return true
	}
	return alone && len(bare) <= 5 && !common[lw]
}

func romanNumeral(w string) bool {
	switch w {
	case "II", "III", "IV", "VI", "VII", "VIII":
		return true
	}
	return false
}

// titleWord capitalises a lowercase word: its first letter, and the letter after
// "mc" or an inner apostrophe ("McCain", "O'Neill", "D'Escoto").
func titleWord(w string) string {
	rs := []rune(w)
	if len(rs) == 0 {
		return w
	}
	rs[0] = unicode.ToUpper(rs[0])
	if len(rs) > 3 && rs[0] == 'M' && rs[1] == 'c' {
		rs[2] = unicode.ToUpper(rs[2])
	}
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '\'' && i <= 2 {
			rs[i+1] = unicode.ToUpper(rs[i+1])
		}
	}
	return string(rs)
}

// key is the form names are compared in: lowercase, hyphens as spaces, no dots
// ("U.N." = "UN"), as the actor tokenizer keys them.
func key(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("-", " ", ".", "", "_", " ", "’", "'").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// similar reports whether two spellings are close enough to be the same word
// ("KHALIL", "KHELIL"): an edit distance of at most a quarter of the longer.
func similar(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len([]rune(a)), len([]rune(b))
	m := max(la, lb)
	if m < 4 {
		return false
	}
	return editDistance(a, b) <= m/4
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
