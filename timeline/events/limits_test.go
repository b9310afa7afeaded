package events

import (
	"fmt"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// The work per article is bounded, each limit with a warning that says where
// the rest was left out; a news article meets none of them.
func TestLimits(t *testing.T) {
	x := mustExtractor(t)
	warned := func(t *testing.T, warnings []string, want string) {
		t.Helper()
		for _, w := range warnings {
			if strings.Contains(w, want) {
				return
			}
		}
		t.Errorf("warnings %q: want one saying %q", warnings, want)
	}

	t.Run("long sentence", func(t *testing.T) {
		// 700 words without a sentence end or a comma, then an event.
		body := strings.Repeat("word ", 700) + "and Russia warned Ukraine."
		a := analysis(body, date("2018-01-12"))
		a.Sentences = []timeline.Span{{Start: 0, End: len(body)}} // one sentence, whatever the splitter makes of it
		evs := x.Extract(a)
		warned(t, a.Warnings, fmt.Sprintf("events are searched in its first %d only", MaxSentenceTokens))
		for _, e := range evs {
			if e.Trigger.Start >= 5*MaxSentenceTokens {
				t.Errorf("event %q past the limit of the sentence", e.Trigger.Text)
			}
		}
	})

	t.Run("many events", func(t *testing.T) {
		countries := []string{"Russia", "Ukraine", "China", "Japan", "France", "Germany", "Italy", "Spain",
			"Brazil", "Mexico", "Canada", "India", "Pakistan", "Iran", "Iraq", "Syria", "Egypt", "Israel",
			"Turkey", "Greece", "Poland", "Sweden", "Norway", "Kenya", "Nigeria", "Chile", "Peru", "Cuba"}
		verbs := []string{"warned", "met", "criticised", "praised"}
		var b strings.Builder
		for _, v := range verbs {
			for _, c1 := range countries {
				for _, c2 := range countries {
					if c1 != c2 {
						fmt.Fprintf(&b, "%s %s %s. ", c1, v, c2)
					}
				}
			}
		}
		a := analysis(b.String(), date("2018-01-12"))
		evs := x.Extract(a)
		if len(evs) > MaxEventsPerArticle {
			t.Errorf("%d events, want at most %d", len(evs), MaxEventsPerArticle)
		}
		warned(t, a.Warnings, fmt.Sprintf("more than %d events", MaxEventsPerArticle))
	})

	t.Run("long article", func(t *testing.T) {
		body := strings.Repeat("The talks went on. ", MaxEventText/19+1000) + "Russia warned Ukraine."
		a := analysis(body, date("2018-01-12"))
		evs := x.Extract(a)
		if len(evs) != 0 {
			t.Errorf("%d events past the text searched", len(evs))
		}
		warned(t, a.Warnings, fmt.Sprintf("article longer than %d bytes", MaxEventText))
	})

	t.Run("news article", func(t *testing.T) {
		a := analysis("Russia warned Ukraine on Monday. The talks went on.", date("2018-01-12"))
		if x.Extract(a); len(a.Warnings) != 0 {
			t.Errorf("warnings on a news article: %q", a.Warnings)
		}
	})
}
