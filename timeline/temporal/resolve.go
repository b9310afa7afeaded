package temporal

import (
	"strconv"
	"strings"
	"time"
)

// docCtx is what normalisation may look at besides the match itself: the body
// and its tokens, the DCT, and the dates resolved so far in the document (for
// "a year earlier"). It lives for one Tag call only.
type docCtx struct {
	*tokens
	ref    time.Time // DCT at day precision; zero when unknown
	hasRef bool
	// lastDate is the value of the last DATE resolved in document order, for
	// expressions relative to the narrative ("a year earlier", "the quarter").
	lastDate string
	// lastDay and lastDayEnd are the last explicit calendar day mentioned and
	// where its mention ends: a story that moved to "March 3" tells the
	// weekdays that follow against that day, not the DCT.
	lastDay    time.Time
	lastDayEnd int
}

func lower(s string) string { return strings.ToLower(s) }

func isCap(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// collapse lower-cases s and folds runs of spaces, for table lookups.
func collapse(s string) string { return strings.Join(strings.Fields(lower(s)), " ") }

// modOf gives the TIMEX3 mod of a modifier phrase (data/modifiers.txt).
func (t *Tagger) modOf(s string) string { return t.v.mods[collapse(s)] }

// modWOf gives the TIMEX3 mod of a quantity hedge ("more than").
func (t *Tagger) modWOf(s string) string { return t.v.mods[collapse(s)] }

func (t *Tagger) month(s string) int { return t.v.months[strings.TrimSuffix(lower(s), ".")] }

// number reads a count: digits, number words ("twenty-five"), "a", fractions;
// vague words give ok with vague set.
func (t *Tagger) number(s string) (n float64, vague, ok bool) {
	s = collapse(s)
	if s == "" {
		return 1, false, true
	}
	for _, w := range t.v.vague {
		if s == w {
			return 0, true, true
		}
	}
	half := 0.0
	if rest, ok := strings.CutSuffix(s, " and a half"); ok {
		s, half = rest, 0.5
	}
	if rest, ok := strings.CutSuffix(s, " 1/2"); ok {
		s, half = rest, 0.5
	}
	if f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
		return f + half, false, true
	}
	total := 0.0
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == ' ' })
	if len(parts) > 1 && (parts[0] == "a" || parts[0] == "an") {
		parts = parts[1:] // "a five-hour flight"
	}
	if f, ok := t.v.numbers[s]; ok { // "a couple of"
		return f + half, false, true
	}
	if len(parts) == 2 && (parts[1] == "hundred" || parts[1] == "thousand") {
		f, ok := t.v.numbers[parts[0]]
		if !ok || f >= 100 {
			return 0, false, false
		}
		return f*t.v.numbers[parts[1]] + half, false, true // "two thousand"
	}
	for i, p := range parts {
		f, ok := t.v.numbers[p]
		if !ok {
			return 0, false, false
		}
		// only tens and units compose ("twenty-four"); "two four-year" does not
		if i > 0 && (total < 20 || total != float64(int(total)/10*10) || f >= 10) {
			return 0, false, false
		}
		total += f
	}
	return total + half, false, true
}

// fmtNum prints a count for a duration value: 2, 2.5.
func fmtNum(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }
