package temporal

import (
	"reflect"
	"testing"
)

// TestRequiredLiterals checks the literals read off patterns: each set is
// one a match cannot do without, and sets not worth a search are dropped.
func TestRequiredLiterals(t *testing.T) {
	for _, tt := range []struct {
		pat  string
		want [][]string
	}{
		{`\b(?P<freq>once|twice|(?P<n>\d+)\s+times)\s+a\s+(?P<unit>year|month)\b`, [][]string{{"once", "twice", "times"}, {"year", "month"}}},
		{`\bin\s+(?P<num>\d+)\s+days\b`, [][]string{{"in"}, {"days"}}},
		{`\b(?:the\s+)?(?P<unit>year|month)\b`, [][]string{{"year", "month"}}}, // "the" is optional
		{`(?:ago|x)`, nil},                              // "x" is too short to search for
		{`\d+/\d+`, [][]string{{"/"}}},                  // a punctuation mark is rare enough
		{`\d+ \d+`, nil},                                // a space is not
		{`(?i)Week`, [][]string{{"week"}}},              // folded: the text is lower-cased
		{`(?:a|b)?c*`, nil},                             // nothing required
		{`(?:week){2}`, [][]string{{"week"}, {"week"}}}, // a repeat: each copy is required
		{`(?:week){0,2}day`, [][]string{{"day"}}},       // an optional repeat is not required
	} {
		got, err := requiredLiterals(tt.pat)
		if err != nil {
			t.Fatalf("%s: %v", tt.pat, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", tt.pat, got, tt.want)
		}
	}
}

// TestLiteralsRequired checks every rule against its own literals: a window
// without them has no match, one with them may.
func TestLiteralsRequired(t *testing.T) {
	tg := mustTagger(t)
	for _, r := range tg.rules {
		for _, text := range []string{"once a year", "in 3 days", "the week of may 3", "three years ago", "monday morning", "the 1990s"} {
			if r.re.MatchString(text) && !holdsAll(text, r.lits) {
				t.Errorf("rule %s matches %q without its literals %q", r.name, text, r.lits)
			}
		}
	}
}
