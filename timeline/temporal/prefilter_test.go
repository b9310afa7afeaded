package temporal

import (
	"os"
	"reflect"
	"regexp/syntax"
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

// TestFindAllAsPattern checks that each rule, run on the pieces of a window
// its alphabet and literals leave, finds what its pattern finds in the whole
// window, over windows of the seed article and of made-up text.
func TestFindAllAsPattern(t *testing.T) {
	tg := mustTagger(t)
	seed, err := os.ReadFile("../../fixtures/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		lowerASCII(string(seed)),
		"for (three years), \"two weeks\" later; once a year. the 1990s, mid-1990s, 3/4/2001 (monday) 10:30 a.m. est",
		"in two to three months' time, twice a week,5 days,(6 years)",
	}
	cut := 0
	for _, r := range tg.rules {
		if r.alpha.any {
			cut++
		}
		for _, text := range texts {
			for lo := 0; lo < len(text); lo += 29 {
				w := text[lo:min(len(text), lo+90)]
				if got, want := r.findAll(w), r.re.FindAllStringSubmatchIndex(w, -1); !reflect.DeepEqual(got, want) {
					t.Fatalf("rule %s on %q: found %v, want %v", r.name, w, got, want)
				}
			}
		}
	}
	if cut == 0 {
		t.Error("no rule's windows are cut: the test checks nothing")
	}
}

// TestRequiredClasses checks that a small class of visible characters is a
// set of one-character literals for the pieces of a window, a digit among
// them, while a window needs none (a digit is too common to look for).
func TestRequiredClasses(t *testing.T) {
	re, err := syntax.Parse(`(?P<m>may|june)\s+(?P<d>[0-3]?\d)`, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"may", "june"}, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}}
	if got := required(re.Simplify()); !reflect.DeepEqual(got, want) {
		t.Errorf("required = %q, want %q", got, want)
	}
	if got, _ := requiredLiterals(`(?P<m>may|june)\s+(?P<d>[0-3]?\d)`); !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("requiredLiterals = %q, want %q", got, want[:1])
	}
}

// TestStartsOf checks which patterns are tried only at word starts (each match
// begins after a \b, with an ASCII word byte) and which first two bytes they
// let through.
func TestStartsOf(t *testing.T) {
	for _, tt := range []struct {
		pat    string
		ok     bool
		can    []string // texts a match may begin at the start of
		cannot []string
	}{
		{`\b(?:(?P<rel>last|next)\s+)?(?P<unit>year|week)\b`, true, []string{"last year", "ne", "we", "y"}, []string{"lost", "the year", "a"}},
		{`\b(?P<n>\d+)\s+days\b`, true, []string{"12 days", "3 "}, []string{"d", "x1"}},
		{`\b(?:the\s+)?` + `(?P<cent>1[6-9]|20)\d0s\b|['’]\d0s\b`, false, nil, nil}, // may begin with an apostrophe
		{`(?P<unit>year|week)\b`, false, nil, nil},                                  // may begin inside a word
		{`\b(?:year)?`, false, nil, nil},                                            // may match nothing
		{`\b(?i:kelvin)\b`, false, nil, nil},                                        // K also folds to the Kelvin sign
	} {
		re, err := syntax.Parse(tt.pat, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		p, err := syntax.Compile(re.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		st := startsOf(p)
		if st.ok != tt.ok {
			t.Errorf("startsOf(%q).ok = %v, want %v", tt.pat, st.ok, tt.ok)
			continue
		}
		for _, s := range tt.can {
			if !st.can(s, 0) {
				t.Errorf("startsOf(%q) rules out a match at the start of %q", tt.pat, s)
			}
		}
		for _, s := range tt.cannot {
			if st.can(s, 0) {
				t.Errorf("startsOf(%q) lets through %q", tt.pat, s)
			}
		}
	}
}
