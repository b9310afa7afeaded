// Package language tells, cheaply, whether a text reads as English: the
// pipeline's rules and dictionaries are English, so an article in another
// language gives false events or none, and the user should be told.
package language

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/function-words.tsv
var functionWordsTSV string

// names are the languages of the function-word list, for messages.
var names = map[string]string{
	"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
	"pt": "Portuguese", "nl": "Dutch",
}

// lists maps each language to its function words.
var lists = load(functionWordsTSV)

// langsOf maps a function word to the languages that list it: one lookup a
// word, where asking each language's list took one per language.
var langsOf = invert(lists)

func invert(lists map[string]map[string]bool) map[string][]string {
	out := make(map[string][]string)
	for lang, words := range lists {
		for w := range words {
			out[w] = append(out[w], lang)
		}
	}
	return out
}

func load(tsv string) map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	sc := bufio.NewScanner(strings.NewReader(tsv))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lang, word, ok := strings.Cut(line, "\t")
		if !ok {
			panic("language: bad line in function-words.tsv: " + line)
		}
		if out[lang] == nil {
			out[lang] = make(map[string]bool)
		}
		out[lang][word] = true
	}
	return out
}

const (
	// sample is how many words are looked at: enough to judge, and cheap on
	// the longest article.
	sample = 2000
	// minWords is the fewest words worth judging: a headline-length text is
	// not.
	minWords = 30
	// minOther is the share of another language's function words from which a
	// text is taken for that language, when they outnumber the English ones
	// (news in French, German or Spanish: 0.3 and more; English news: about
	// 0.4 English and a few hundredths of any other). A text with few function
	// words of any language (a table of results, a list of names) is not judged.
	minOther = 0.1
)

// Judgement is what Judge found out about a text.
type Judgement struct {
	Words        int     // words looked at (letters only), at most sample
	EnglishShare float64 // share of them that are English function words
	// Other is the name of the language whose function words are commonest,
	// or of the script most letters are in when it is not Latin ("Han"); ""
	// when that is English or nothing.
	Other string
	// OtherShare is the share of Other's function words, or of letters in its
	// script.
	OtherShare float64
	// Script is set when Other names a script, not a language.
	Script bool
}

// English reports whether the text reads as English, or at least not as
// another language or script: a text too short to judge, or with few function
// words of any language, does.
func (j Judgement) English() bool {
	switch {
	case j.Script:
		return false
	case j.Words < minWords || j.Other == "":
		return true
	}
	return j.OtherShare < minOther || j.OtherShare <= j.EnglishShare
}

// Judge looks at the first words of text.
func Judge(text string) Judgement {
	var j Judgement
	if len(text) > 64<<10 {
		// The first words are enough; never split a character.
		cut := 64 << 10
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	counts := make(map[string]int)
	scripts := make(map[string]int)
	letters, latin := 0, 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
				if r < utf8.RuneSelf || unicode.Is(unicode.Latin, r) { // ASCII letters are Latin
					latin++
				} else {
					scripts[scriptOf(r)]++
				}
			}
		}
		w = strings.ToLower(strings.Trim(w, "'"))
		if w == "" {
			continue
		}
		j.Words++
		for _, lang := range langsOf[w] {
			counts[lang]++
		}
		if j.Words == sample {
			break
		}
	}
	if j.Words == 0 {
		return j
	}
	j.EnglishShare = float64(counts["en"]) / float64(j.Words)
	if letters > 0 && latin*2 < letters {
		// Most letters are of another script: name the commonest.
		best := ""
		for s, n := range scripts {
			if best == "" || n > scripts[best] || n == scripts[best] && s < best {
				best = s
			}
		}
		j.Other, j.OtherShare, j.Script = best, float64(scripts[best])/float64(letters), true
		return j
	}
	best := ""
	for lang, n := range counts {
		if lang != "en" && (best == "" || n > counts[best] || n == counts[best] && lang < best) {
			best = lang
		}
	}
	if best != "" && counts[best] > counts["en"] {
		j.Other, j.OtherShare = names[best], float64(counts[best])/float64(j.Words)
	}
	return j
}

// scriptOf names the script of a letter that is not Latin.
func scriptOf(r rune) string {
	for _, s := range []string{"Han", "Hiragana", "Katakana", "Hangul", "Cyrillic", "Arabic", "Hebrew", "Greek", "Devanagari", "Thai"} {
		if unicode.Is(unicode.Scripts[s], r) {
			return s
		}
	}
	return "non-Latin"
}

// Warning returns a one-line warning when text does not read as English, ""
// when it does.
func Warning(text string) string {
	j := Judge(text)
	if j.English() {
		return ""
	}
	what := fmt.Sprintf("only %.0f%% of its words are common English words", 100*j.EnglishShare)
	switch {
	case j.Script:
		what = fmt.Sprintf("%.0f%% of its letters are in %s script", 100*j.OtherShare, j.Other)
	case j.Other != "":
		what += fmt.Sprintf(", %.0f%% common %s ones", 100*j.OtherShare, j.Other)
	}
	return "the text does not look like English (" + what + "): events and dates are found in English only, so expect few or wrong ones"
}
