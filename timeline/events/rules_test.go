package events

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
	"github.com/timelinehq/timeline/timeline/syntax"
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
	for _, name := range []string{"unnamed-object", "joint-partner", "list-reference", "meeting-partner", "tree-object", "object",
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
		_, sents := x.extract(analysis(body, date("2018-01-12")), mustParse(t, body))
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

// mustParse analyses body with the embedded parser, as the pipeline does.
func mustParse(t testing.TB, body string) *doc.Doc {
	t.Helper()
	d, err := syntax.Analyze(body)
	if err != nil {
		t.Fatal(err)
	}
	return d
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
	names := []string{"participle-elaborates", "media-attribution"}
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

// TestDatingRules checks, for each line of testdata/dating.tsv, that the named
// rule dates the event with the expected bounds, and that every rule has a line.
func TestDatingRules(t *testing.T) {
	data, err := os.ReadFile("testdata/dating.tsv")
	if err != nil {
		t.Fatal(err)
	}
	x := mustExtractor(t)
	covered := make(map[string]bool)
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("dating.tsv:%d: want 5 tab-separated fields, got %d", n+1, len(f))
		}
		rule, trigger, earliest, latest := f[0], f[1], f[2], f[3]
		covered[rule] = true
		a := markedAnalysis(t, strings.ReplaceAll(f[4], `\n`, "\n"), date("2018-01-12"))
		evs, sents := x.extract(a, nil)
		c, _ := findCand(sents, trigger)
		if c == nil {
			t.Errorf("dating.tsv:%d: no candidate %q", n+1, trigger)
			continue
		}
		if c.dateRule != rule {
			t.Errorf("dating.tsv:%d: %s dated by rule %q, want %q", n+1, trigger, c.dateRule, rule)
		}
		var ev *timeline.Event
		for i := range evs {
			if strings.HasPrefix(evs[i].Trigger.Text, trigger) && evs[i].Kind != timeline.KindContext || evs[i].Trigger.Text == trigger {
				ev = &evs[i]
				break
			}
		}
		if ev == nil {
			t.Errorf("dating.tsv:%d: no event %q", n+1, trigger)
			continue
		}
		if g, w := dashIfOpen(ev.Earliest)+".."+dashIfOpen(ev.Latest), earliest+".."+latest; g != w {
			t.Errorf("dating.tsv:%d: %s dated %s, want %s", n+1, trigger, g, w)
		}
	}
	for _, name := range []string{"post-dateline", "nearest-date", "gathering-date", "opening-date", "occurrence", "just-now", "by-tense", "when-clause"} {
		if !covered[name] {
			t.Errorf("dating rule %s has no line in testdata/dating.tsv", name)
		}
	}
}

func dashIfOpen(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return timeline.FormatDay(t)
}

var markRE = regexp.MustCompile(`\[([^|\]]+)\|([^\]]+)\]|\{([^|}]+)\|([^|}]+)\|([^}]+)\}`)

// markedAnalysis reads a body with marked dates ([text|value] or
// [text|value|earliest|latest]) and occurrences ({text|earliest|latest}) as the
// tagger would give them, and returns the analysis of the unmarked body.
func markedAnalysis(t *testing.T, marked string, dct time.Time) *timeline.Analysis {
	t.Helper()
	var body strings.Builder
	var txs []timeline.Timex
	var occs []timeline.Occurrence
	last := 0
	for _, m := range markRE.FindAllStringSubmatchIndex(marked, -1) {
		body.WriteString(marked[last:m[0]])
		start := body.Len()
		if m[2] >= 0 {
			text, v := marked[m[2]:m[3]], strings.Split(marked[m[4]:m[5]], "|")
			body.WriteString(text)
			tx := timeline.Timex{Span: timeline.Span{Start: start, End: body.Len()}, Text: text, Type: timeline.TypeDate, Value: v[0],
				Anchor: timeline.AnchorExplicit, Granularity: timeline.GranDay}
			switch len(v) {
			case 1:
				tx.Earliest, tx.Latest = date(v[0]), date(v[0])
			case 3:
				tx.Earliest, tx.Latest = date(v[1]), date(v[2])
			default:
				t.Fatalf("bad date mark %q", marked[m[0]:m[1]])
			}
			if w, _, ok := strings.Cut(strings.ToLower(text), " "); ok {
				switch w {
				case "on", "in", "at", "since", "before", "after", "until", "during":
					tx.Signal = w
				}
			}
			txs = append(txs, tx)
		} else {
			text := marked[m[6]:m[7]]
			body.WriteString(text)
			e, l := marked[m[8]:m[9]], marked[m[10]:m[11]]
			occs = append(occs, timeline.Occurrence{Name: text, Span: timeline.Span{Start: start, End: body.Len()}, Text: text,
				When: e + "/" + l, Earliest: date(e), Latest: date(l)})
		}
		last = m[1]
	}
	body.WriteString(marked[last:])
	a := analysis(body.String(), dct)
	a.Timexes, a.Occurrences = txs, occs
	return a
}

// TestStatusCues checks, for each line of testdata/status.tsv, that the named
// cue holds for the event and that its status and tense are the expected ones,
// and that every cue has a line.
func TestStatusCues(t *testing.T) {
	data, err := os.ReadFile("testdata/status.tsv")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{}
	for _, r := range statusCues {
		names = append(names, r.name)
	}
	names = append(names, "noun-in-progress") // the bit after statusCues'
	tenses := []string{"past", "perfect", "present", "future", "progressive"}
	x := mustExtractor(t)
	covered := make(map[string]bool)
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("status.tsv:%d: want 5 tab-separated fields, got %d", n+1, len(f))
		}
		cue, trigger, status, tense := f[0], f[1], f[2], f[3]
		covered[cue] = true
		_, sents := x.extract(analysis(f[4], date("2018-01-12")), nil)
		c, _ := findCand(sents, trigger)
		if c == nil {
			t.Errorf("status.tsv:%d: no candidate %q", n+1, trigger)
			continue
		}
		held := false
		for i, name := range names {
			held = held || name == cue && c.statusCues&(1<<i) != 0
		}
		if !held {
			t.Errorf("status.tsv:%d: cue %s does not hold for %s (cues %b)", n+1, cue, trigger, c.statusCues)
		}
		gs := c.status
		if c.drop {
			gs = "dropped"
		}
		if gs != status || tenses[c.tense] != tense {
			t.Errorf("status.tsv:%d: %s is %s, %s; want %s, %s", n+1, trigger, gs, tenses[c.tense], status, tense)
		}
	}
	for _, name := range names {
		if !covered[name] {
			t.Errorf("status cue %s has no line in testdata/status.tsv", name)
		}
	}
}

// TestMonthMay checks that the month May is no modal: an act dated in May is
// not planned for it.
func TestMonthMay(t *testing.T) {
	x := mustExtractor(t)
	for _, tc := range []struct{ body, trigger, status string }{
		{"The May 3 bombing killed ten people in Paraguay.", "bombing", timeline.StatusOccurred},
		{"Uruguay signed a treaty with Paraguay in May 1998.", "signed", timeline.StatusOccurred},
		{"Uruguay may sign a treaty with Paraguay.", "sign", timeline.StatusPlanned},
	} {
		_, sents := x.extract(analysis(tc.body, date("2018-01-12")), nil)
		c, _ := findCand(sents, tc.trigger)
		if c == nil {
			t.Errorf("%q: no candidate %q", tc.body, tc.trigger)
			continue
		}
		if c.status != tc.status {
			t.Errorf("%q: %s is %s, want %s", tc.body, tc.trigger, c.status, tc.status)
		}
	}
}
