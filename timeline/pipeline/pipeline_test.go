package pipeline_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// expected is the hand-written expected timeline of a fixture article; see the
// _comment field of fixtures/seed-article.expected.json for its meaning.
type expected struct {
	DCT struct {
		EarliestNotBefore string `json:"earliest_not_before"`
		LatestBefore      string `json:"latest_before"`
	} `json:"dct"`
	Events []struct {
		What     string     `json:"what"`
		Trigger  string     `json:"trigger"`
		CAMEO    *string    `json:"cameo"`
		Status   string     `json:"status"`
		Source   string     `json:"source"`
		Within   [2]*string `json:"within"`
		Earliest string     `json:"earliest"`
		Latest   string     `json:"latest"`
	} `json:"events"`
}

func mustDay(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := timeline.ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSeedArticle(t *testing.T) {
	body, err := os.ReadFile("../../fixtures/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("../../fixtures/seed-article.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want expected
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatalf("expected timeline: %v", err)
	}
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Analyze(timeline.Document{ID: "seed-article", Body: string(body)})
	if err != nil {
		t.Fatal(err)
	}

	doc := a.Document
	if !doc.DCTInferred {
		t.Errorf("DCT not inferred")
	}
	if lo := mustDay(t, want.DCT.EarliestNotBefore); doc.DCTEarliest.Before(lo) {
		t.Errorf("DCT earliest %s, want not before %s", timeline.FormatDay(doc.DCTEarliest), want.DCT.EarliestNotBefore)
	}
	if hi := mustDay(t, want.DCT.LatestBefore); doc.DCTLatest.IsZero() || !doc.DCTLatest.Before(hi) {
		t.Errorf("DCT latest %s, want before %s", timeline.FormatDay(doc.DCTLatest), want.DCT.LatestBefore)
	}

	for _, w := range want.Events {
		t.Run(w.What, func(t *testing.T) {
			// The event asserted by the trigger: the one whose trigger is that
			// phrase, else (a longer phrase such as a tweet's claim) one in the
			// sentence holding it, as the EVENTS.md scorer matches events.
			var exact, inSentence []timeline.Event
			for _, e := range a.Events {
				if (w.CAMEO == nil) != (e.Kind == timeline.KindContext) || (w.CAMEO != nil && e.CAMEO != *w.CAMEO) {
					continue
				}
				switch {
				case strings.EqualFold(e.Trigger.Text, w.Trigger):
					exact = append(exact, e)
				case strings.Contains(e.Sentence.Text, w.Trigger):
					inSentence = append(inSentence, e)
				}
			}
			found := append(exact, inSentence...)
			if len(found) == 0 {
				t.Fatalf("no event with trigger %q and CAMEO %v; events: %s", w.Trigger, deref(w.CAMEO), summary(a.Events))
			}
			e := found[0]
			if w.Status != "" && e.Status != w.Status {
				t.Errorf("status %s, want %s", e.Status, w.Status)
			}
			if w.Source != "" && (e.Source == nil || e.Source.Code != w.Source) {
				t.Errorf("source %v, want %s", e.Source, w.Source)
			}
			if lo := w.Within[0]; lo != nil && (e.Earliest.IsZero() || e.Earliest.Before(mustDay(t, *lo))) {
				t.Errorf("earliest %q, want within from %s", timeline.FormatDay(e.Earliest), *lo)
			}
			if hi := w.Within[1]; hi != nil && (e.Latest.IsZero() || e.Latest.After(mustDay(t, *hi))) {
				t.Errorf("latest %q, want within to %s", timeline.FormatDay(e.Latest), *hi)
			}
			if w.Earliest != "" && timeline.FormatDay(e.Earliest) != w.Earliest {
				t.Errorf("earliest %q, want %s", timeline.FormatDay(e.Earliest), w.Earliest)
			}
			if w.Latest != "" && timeline.FormatDay(e.Latest) != w.Latest {
				t.Errorf("latest %q, want %s", timeline.FormatDay(e.Latest), w.Latest)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "context"
	}
	return *s
}

func summary(evs []timeline.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString("\n  " + e.Trigger.Text + " " + e.CAMEO + " " + e.Kind + " " + timeline.FormatDay(e.Earliest) + ".." + timeline.FormatDay(e.Latest))
	}
	return b.String()
}
