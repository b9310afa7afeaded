package pipeline_test

import (
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/pipeline"
)

// FuzzAnalyze runs the whole analysis, the parser and the tree rules of events
// included, on arbitrary text: no input may reach the recovered internal error,
// and every event must lie inside the body and its sentence.
func FuzzAnalyze(f *testing.F) {
	p, err := pipeline.New(pipeline.Data{})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Paraguay on Monday criticized Uruguay for imposing tariffs on its beef.",
		"Juan Perez, a doctor treating the Uruguayan president, said Uruguay's leader was \"in danger.\"",
		"Uruguay's supreme court could call off the execution, legal experts in Montevideo said Wednesday.",
		"The general's trial threatened to deepen tensions, and a Security Council resolution calling on Paraguay.",
		"He asked his defence minister to call a meeting. A Seoul-based broadcaster said. — X (@x) May 1, 2017",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		doc := timeline.Document{ID: "fuzz", Body: body, DCT: time.Date(2018, 1, 12, 0, 0, 0, 0, time.UTC)}
		a, err := p.Analyze(doc)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatal(err)
			}
			return
		}
		for _, e := range a.Events {
			if e.Trigger.Start < 0 || e.Trigger.End > len(body) || e.Trigger.Start > e.Trigger.End {
				t.Fatalf("trigger %v out of range", e.Trigger)
			}
			if !e.Sentence.Span().Contains(e.Trigger.Start) {
				t.Fatalf("trigger %v outside sentence %v", e.Trigger, e.Sentence.Span())
			}
		}
	})
}
