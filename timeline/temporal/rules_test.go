package temporal

import (
	"testing"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
)

// TestRulesChainIntoWhen checks that our rules satisfy when's rules.Rule well
// enough for a when.Parser to find spans with them.
func TestRulesChainIntoWhen(t *testing.T) {
	tg := mustTagger(t)
	p := when.New(&rules.Options{Distance: 5, MatchByOrder: true})
	for _, r := range tg.rules {
		if r.name == "md" { // when keeps one cluster and ends it at its last match
			p.Add(r)
		}
	}
	text := lowerASCII("prices rose sharply on aug. 2 and fell later.")
	res, err := p.Parse(text, time.Date(1990, 8, 16, 0, 0, 0, 0, time.UTC))
	if err != nil || res == nil {
		t.Fatalf("when.Parse with our rules: %v %v", res, err)
	}
	if res.Text != "aug. 2" {
		t.Errorf("when found %q, want %q", res.Text, "aug. 2")
	}
}

// TestRuleVocabulary checks that every rule compiled and names the classes of
// words it needs, so the window scan can find its candidates.
func TestRuleVocabulary(t *testing.T) {
	tg := mustTagger(t)
	for _, r := range tg.rules {
		if len(r.need) == 0 || r.need[0] == 0 {
			t.Errorf("rule %s needs no trigger class: it would never run", r.name)
		}
	}
}

// A weekday after a sentence that ends with a short capitalised word is told
// against the DCT, not against a day named in that earlier sentence.
func TestWeekdayAfterShortWordSentence(t *testing.T) {
	tg := mustTagger(t)
	body := "Sinn Fein was expelled from talks on Feb. 20 for killings blamed on the Irish Republican Army. Police found explosives Sunday in a shed."
	x, ok := find(tg.Tag(body, day("1998-03-22")), "Sunday")
	if !ok || x.Value != "1998-03-22" {
		t.Errorf("Sunday: got %+v, want 1998-03-22", x)
	}
}
