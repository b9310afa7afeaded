package events

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestSourceRules checks, for each line of testdata/subject.tsv, that the named
// rule decides the source of the event and gives the expected code, and that
// every rule has a line.
func TestSourceRules(t *testing.T) {
	covered := testRuleRows(t, "testdata/subject.tsv", func(c *cand) (string, string) {
		return c.srcRule, codeOrDash(c.src)
	})
	names := []string{"post-author", "unnamed-officials", "elided-subject"}
	for _, r := range subjectRules {
		names = append(names, r.name)
	}
	for _, name := range names {
		if !covered[name] {
			t.Errorf("source rule %s has no line in testdata/subject.tsv", name)
		}
	}
}

// TestTargetRules is TestSourceRules for targets (testdata/target.tsv).
func TestTargetRules(t *testing.T) {
	covered := testRuleRows(t, "testdata/target.tsv", func(c *cand) (string, string) {
		return c.tgtRule, codeOrDash(c.tgt)
	})
	for _, name := range []string{"unnamed-object", "joint-partner", "list-reference", "meeting-partner", "object",
		"own-side", "region", "relative-antecedent", "previous-target", "counterpart", "not-self"} {
		if !covered[name] {
			t.Errorf("target rule %s has no line in testdata/target.tsv", name)
		}
	}
}

// testRuleRows reads a rule table (rule, trigger, code, body), extracts each
// body, finds the candidate with the trigger and checks that rule(c) gives the
// line's rule and code. It returns the rules the table covers.
func testRuleRows(t *testing.T, path string, rule func(c *cand) (name, code string)) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := mustExtractor(t)
	covered := make(map[string]bool)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			t.Fatalf("%s:%d: want 4 tab-separated fields, got %d", path, n, len(fields))
		}
		name, trigger, code, body := fields[0], fields[1], fields[2], fields[3]
		covered[name] = true
		_, sents := x.extract(analysis(body, date("2018-01-12")))
		c, s := findCand(sents, trigger)
		if c == nil {
			t.Errorf("%s:%d: no candidate %q", path, n, trigger)
			continue
		}
		if gr, gc := rule(c); gr != name || gc != code {
			t.Errorf("%s:%d: %s in %q: rule %q gives %s, want rule %q giving %s", path, n, trigger, s.toksText(0, len(s.toks)), gr, gc, name, code)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return covered
}

// findCand returns the first candidate whose trigger is the phrase or starts
// with it, and its sentence.
func findCand(sents []*sentence, trigger string) (*cand, *sentence) {
	for _, s := range sents {
		for _, c := range s.cands {
			if tt := triggerText(s, c); tt == trigger || strings.HasPrefix(tt, trigger+" ") {
				return c, s
			}
		}
	}
	return nil, nil
}

// TestDropRules checks, for each line of testdata/drops.tsv, that the named rule
// drops or absorbs the trigger, and that every rule has a line.
func TestDropRules(t *testing.T) {
	covered := testRuleRows(t, "testdata/drops.tsv", func(c *cand) (string, string) {
		outcome := "live"
		switch {
		case c.absorbed:
			outcome = "absorbed"
		case c.drop:
			outcome = "dropped"
		}
		return c.dropRule, outcome
	})
	names := []string{"participle-elaborates"}
	for _, r := range prefilterRules {
		names = append(names, r.name)
	}
	for _, r := range foldRules {
		names = append(names, r.name)
	}
	for _, name := range names {
		if !covered[name] {
			t.Errorf("rule %s has no line in testdata/drops.tsv", name)
		}
	}
}
