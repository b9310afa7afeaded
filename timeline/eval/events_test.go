package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// The hand-made case in testdata/events. Document A, body
// "Kim met Moon on Monday. Trump threatened Kim. The Olympics opened." with
// sentences [0,23), [24,45), [46,66):
//
//	G1 @4  "met" 04, 2018-01-08, PRKGOV->KORGOV      S1 [0,23) @4  04, 2018-01-08, PRKGOV->KOR
//	G2 @30 "threatened" 13, 2018-01                  S2 [24,45) @30 11 (wrong type)
//	G3 @59 "opened" context, 2018-02-09             S3 [46,66) @59 context, 2018-02 (01..28)
//	G4 @24 "Trump" 01 (cameo written as the number 1), target code null
//	                                                S4 [0,23) @8  04 (a second 04 in G1's sentence)
//	                                                S5 [24,45) @41 01, undated, source "usagov"
//
// Typed: G1-S1 (S1 nearer than S4), G3-S3, G4-S5; G2 has no 13 candidate: 3 matches.
// Untyped: G1-S1; G2 takes S2 (nearest); G4's only candidates are S2 (taken) and S5:
// Kuhn's augmenting path moves G2 to S5 and gives S2 to G4; G3-S3: 4 matches.
// Among the typed matches:
//
//	G1-S1: overlap, within, exact, source, country; target KOR != KORGOV (target 0/1)
//	G3-S3: overlap (2018-02-01..28 meets 02-09), not within, not exact; source None = None
//	G4-S5: undated system: no overlap, not within, not exact; source USAGOV = USAGOV;
//	       gold target {"code": null} counts (1/1: None = None)
//
// A: P 3/5 = .6, R 3/4 = .75, F1 = 2(.6)(.75)/1.35 = .6667; detection P 4/5, R 1,
// F1 = 1.6/1.8 = .8889; within 1/3, overlap 2/3, exact 1/3, source 3/3, target 1/2.
// B: no gold event, one system event: all 0.
// Total: P 3/6 = .5, R .75, F1 = .75/1.25 = .6; detection P 4/6, R 1, F1 = .8.
const handEvents = `A                                        F1 0.667  det 0.889  within 0.333  overlap 0.667  exact 0.333  src 1.000  tgt 0.500  (3/4 gold, 5 sys)
B                                        F1 0.000  det 0.000  within 0.000  overlap 0.000  exact 0.000  src 0.000  tgt 0.000  (0/0 gold, 1 sys)
events F1 0.600 (P 0.500 R 0.750) detection F1 0.800 date-within 0.333 date-overlap 0.667 date-exact 0.333 source 1.000 target 0.500 [3/4 gold, 6 system]
`

func loadHandEvents(t *testing.T) ([]GoldDoc, map[string][]timeline.Event) {
	t.Helper()
	gold, err := LoadGold("testdata/events/gold")
	if err != nil {
		t.Fatal(err)
	}
	sys, err := LoadSystem("testdata/events/system", gold)
	if err != nil {
		t.Fatal(err)
	}
	return gold, sys
}

func TestScoreEventsByHand(t *testing.T) {
	gold, sys := loadHandEvents(t)
	rep := ScoreEvents(gold, sys)
	want := EventCounts{Gold: 4, System: 6, Matched: 3, Detected: 4, DateOverlap: 2, DateWithin: 1, DateExact: 1,
		Source: 3, SourceCountry: 3, Target: 1, TargetGold: 2}
	if rep.Total != want {
		t.Errorf("total %+v\nwant  %+v", rep.Total, want)
	}
	if got := rep.Documents[0].Untyped; fmt.Sprint(got) != "[[0 0] [1 4] [2 2] [3 1]]" {
		t.Errorf("untyped matching %v: want the augmenting path to give G2 S5 and G4 S2", got)
	}
	var b strings.Builder
	if err := rep.WriteText(&b, true); err != nil {
		t.Fatal(err)
	}
	compareLines(t, b.String(), handEvents)

	b.Reset()
	if err := rep.WriteErrors(&b); err != nil {
		t.Fatal(err)
	}
	wantErrs := []string{
		"A\tmistyped\tgold 13 \"threatened\" @30",
		"A\tspurious\tsystem 04 \"Moon\" @8",
		"A\tmisdated\tgold context \"opened\" @59",
		"A\tmisdated\tgold 01 \"Trump\" @24",
		"B\tspurious\tsystem 01 \"happened\" @8",
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(wantErrs) {
		t.Fatalf("errors:\n%s\nwant %d lines", b.String(), len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error line %d: %q, want prefix %q", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[0], "system 11 \"threatened\"") || !strings.HasSuffix(lines[0], "| Trump threatened Kim.") {
		t.Errorf("mistyped line lacks the system event or the sentence: %q", lines[0])
	}
}

func TestScoreEventsByHandReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	out, _ := runPython(t, py, filepath.Join(shared, "tools", "eventscore.py"), "testdata/events/gold", "testdata/events/system", "--per-doc")
	compareLines(t, handEvents, string(out))
}

func TestEventRules(t *testing.T) {
	tests := []struct {
		name           string
		s0, s1, g0, g1 string
		overlap, in    bool
	}{
		{"same day", "2018-01-08", "2018-01-08", "2018-01-08", "2018-01-08", true, true},
		{"inside month", "2018-01-08", "2018-01-08", "2018-01-01", "2018-01-31", true, true},
		{"wider", "2018-01-01", "2018-01-31", "2018-01-08", "2018-01-08", true, false},
		{"disjoint", "2017-01-01", "2017-12-31", "2018-01-08", "2018-01-08", false, false},
		{"open gold start", "2010-01-01", "2017-01-01", "", "2018-01-11", true, true},
		{"open system end", "2018-01-08", "", "2018-01-01", "2018-01-31", true, false},
	}
	for _, tt := range tests {
		if got := overlaps(tt.g0, tt.g1, tt.s0, tt.s1); got != tt.overlap {
			t.Errorf("%s: overlaps = %v", tt.name, got)
		}
		if got := within(tt.s0, tt.s1, tt.g0, tt.g1); got != tt.in {
			t.Errorf("%s: within = %v", tt.name, got)
		}
	}
	keys := []struct{ kind, cameo, want string }{
		{"", "4", "04"}, {"diplomatic", "041", "04"}, {"context", "04", "context"}, {"diplomatic", "", "context"},
	}
	for _, k := range keys {
		if got := kindKey(k.kind, k.cameo); got != k.want {
			t.Errorf("kindKey(%q, %q) = %q, want %q", k.kind, k.cameo, got, k.want)
		}
	}
}

func TestLoadGoldErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"bad.json", `{"doc": "X", "events": [{"sentence": "s"}]}`, "without an offset"},
		{"noid.json", `{"events": []}`, "no doc id"},
		{"actor.json", `{"doc": "X", "events": [{"offset": 1, "source": "USA"}]}`, "source"},
		{"syntax.json", `{`, "syntax.json"},
		// The pipeline is run with the gold DCT: one that does not parse would
		// silently be inferred instead.
		{"dct.json", `{"doc": "X", "dct": "1998-02-30", "events": []}`, `dct.json: dct: invalid date "1998-02-30"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.name), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadGold(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestEventsAgainstReference scores the shared gold events against a system made
// from the gold with perturbations, and compares with eventscore.py.
func TestEventsAgainstReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	goldDir := filepath.Join(shared, "gold", "events")
	gold, err := LoadGold(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) == 0 {
		t.Fatalf("no gold files in %s", goldDir)
	}
	sys := perturbEvents(gold)
	sysDir := t.TempDir()
	for doc, events := range sys {
		if err := writeSystemJSON(filepath.Join(sysDir, doc+".json"), doc, events); err != nil {
			t.Fatal(err)
		}
	}
	rep := ScoreEvents(gold, sys)
	t.Logf("perturbed gold events: %+v", rep.Total)
	if rep.Total.Matched == rep.Total.Gold || rep.Total.DateWithin == rep.Total.Matched || rep.Total.Detected == rep.Total.Matched {
		t.Errorf("perturbation too weak: %+v", rep.Total)
	}
	// Reading the files back gives the same report.
	loaded, err := LoadSystem(sysDir, gold)
	if err != nil {
		t.Fatal(err)
	}
	if rep2 := ScoreEvents(gold, loaded); rep2.Total != rep.Total {
		t.Errorf("scored from files %+v, in memory %+v", rep2.Total, rep.Total)
	}

	script := filepath.Join(shared, "tools", "eventscore.py")
	out, stderr := runPython(t, py, script, goldDir, sysDir, "--per-doc")
	var text strings.Builder
	if err := rep.WriteText(&text, true); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("eventscore.py printed nothing: %s", stderr)
	}
	compareLines(t, text.String(), string(out))

	out, _ = runPython(t, py, script, goldDir, sysDir, "--per-doc", "--json")
	var want, got map[string]any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("eventscore.py --json: %v", err)
	}
	var buf strings.Builder
	if err := rep.WriteJSON(&buf, true); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
		t.Fatalf("WriteJSON: %v\n%s", err, buf.String())
	}
	compareFigures(t, "total", got["total"].(map[string]any), want["total"].(map[string]any))
	wd, gd := want["documents"].(map[string]any), got["documents"].(map[string]any)
	if len(wd) != len(gd) {
		t.Errorf("%d documents, eventscore.py %d", len(gd), len(wd))
	}
	for doc, w := range wd {
		g, ok := gd[doc].(map[string]any)
		if !ok {
			t.Errorf("document %s missing", doc)
			continue
		}
		compareFigures(t, doc, g, w.(map[string]any))
	}
}

// perturbEvents makes a system answer from the gold: each gold event becomes a
// system event over its sentence, then some are dropped, retyped, redated,
// given other actors, and spurious ones are added. One document gets no answer.
func perturbEvents(gold []GoldDoc) map[string][]timeline.Event {
	out := map[string][]timeline.Event{}
	k := 0
	for n, g := range gold {
		if n == 1 {
			continue // no system file: an empty answer
		}
		events := []timeline.Event{}
		for _, ge := range g.Events {
			k++
			if k%4 == 1 {
				continue // missed
			}
			e := timeline.Event{Doc: g.Doc, Kind: ge.Kind, CAMEO: ge.CAMEO, When: ge.When, Status: ge.Status}
			e.Sentence = sentenceSpan(g.Body, ge)
			e.Trigger = timeline.TextOf(g.Body, timeline.Span{Start: ge.Offset, End: ge.Offset + len(ge.Trigger)})
			e.Earliest, _ = time.Parse(timeline.DateLayout, ge.Earliest)
			e.Latest, _ = time.Parse(timeline.DateLayout, ge.Latest)
			if ge.Source != nil {
				src := *ge.Source
				e.Source = &src
			}
			if ge.Target != nil {
				tgt := *ge.Target
				e.Target = &tgt
			}
			switch k % 5 {
			case 2: // another type
				if e.CAMEO == "01" {
					e.CAMEO = "04"
				} else {
					e.CAMEO = "01"
				}
				e.Kind = timeline.KindDiplomatic
			case 3: // a month off
				if !e.Earliest.IsZero() {
					e.Earliest = e.Earliest.AddDate(0, -1, 0)
				}
			case 4: // undated, or open-ended
				e.Earliest, e.When = time.Time{}, ""
				if k%2 == 0 {
					e.Latest = time.Time{}
				}
			}
			switch k % 7 {
			case 1:
				e.Source = &timeline.Actor{Name: "x", Code: "USAMIL"}
			case 2:
				e.Source = nil
			case 3:
				e.Target = &timeline.Actor{Name: "y", Code: "prkgov"}
			case 4:
				e.Target = nil
			}
			if k%3 == 0 {
				e.When = "PAST_REF"
			}
			events = append(events, e)
			if k%6 == 0 { // a spurious second event in the same sentence
				s := e
				s.CAMEO, s.Kind = "13", timeline.KindDiplomatic
				s.Trigger.Start += 3
				events = append(events, s)
			}
		}
		out[g.Doc] = events
	}
	return out
}

// sentenceSpan finds the gold sentence around the trigger offset in the body,
// falling back to the trigger itself.
func sentenceSpan(body string, e GoldEvent) timeline.Text {
	for from := 0; e.Sentence != ""; {
		i := strings.Index(body[from:], e.Sentence)
		if i < 0 {
			break
		}
		start := from + i
		if start <= e.Offset && e.Offset < start+len(e.Sentence) {
			return timeline.Text{Start: start, End: start + len(e.Sentence), Text: e.Sentence}
		}
		from = start + 1
	}
	return timeline.TextOf(body, timeline.Span{Start: e.Offset, End: e.Offset + max(1, len(e.Trigger))})
}

// writeSystemJSON writes events as the JSON timeline of OUTPUT.md (the fields the
// scorer reads, and a few more).
func writeSystemJSON(path, doc string, events []timeline.Event) error {
	type jsonEvent struct {
		ID       string          `json:"id"`
		Doc      string          `json:"doc"`
		Sentence timeline.Text   `json:"sentence"`
		Trigger  timeline.Text   `json:"trigger"`
		Kind     string          `json:"kind"`
		CAMEO    *string         `json:"cameo"`
		Status   string          `json:"status"`
		Source   *timeline.Actor `json:"source"`
		Target   *timeline.Actor `json:"target"`
		When     string          `json:"when"`
		Earliest *string         `json:"earliest"`
		Latest   *string         `json:"latest"`
	}
	opt := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	f := struct {
		Documents []map[string]any `json:"documents"`
		Events    []jsonEvent      `json:"events"`
	}{Documents: []map[string]any{{"id": doc}}, Events: []jsonEvent{}}
	for _, e := range events {
		f.Events = append(f.Events, jsonEvent{ID: timeline.MakeID(doc, e.Trigger.Span(), e.CAMEO), Doc: doc,
			Sentence: e.Sentence, Trigger: e.Trigger, Kind: e.Kind, CAMEO: opt(e.CAMEO), Status: e.Status,
			Source: e.Source, Target: e.Target, When: e.When,
			Earliest: opt(timeline.FormatDay(e.Earliest)), Latest: opt(timeline.FormatDay(e.Latest))})
	}
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
