package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// FuzzWrite puts arbitrary strings (and a confidence and a source count) into
// every text field of a timeline and checks that no format panics and that the
// machine-readable ones stay well-formed: JSON parses, CSV has a row per event with
// the full set of columns, iCalendar lines stay folded and CRLF-terminated.
// timeml is left to package timeml's own fuzz test.
func FuzzWrite(f *testing.F) {
	f.Add("seed", "Trump, Kim", "\"Save your energy, Rex\"", "wrote", "13", "Donald Trump", "USAGOV", "2017-10-01", 0.9, 2)
	f.Add("", "", "", "", "", "", "", "", 0.0, 0)
	f.Add("a\nb", "=cmd|' /C calc'!A0", "line\r\nbreak\ttab\x00nul", "\xff\xfe", "context", "|pipe|", "", "PAST_REF", -1.5, -3)
	f.Add("→", strings.Repeat("é", 80), strings.Repeat("“quoted”, ", 20), "<b>", "99", "\\", ";,", "2016/2018-01-12", 1e308, 1<<30)
	f.Fuzz(func(t *testing.T, doc, title, sentence, trigger, cameo, name, code, when string, conf float64, n int) {
		tl := &Timeline{
			Title: title,
			Documents: []timeline.Document{{
				ID: doc, Title: title, Source: name, URL: sentence, Path: trigger, Body: sentence,
				DCTInferred: true, DCTLatest: time.Date(2018, 2, 8, 0, 0, 0, 0, time.UTC),
			}},
			Timexes: map[string][]timeline.Timex{},
		}
		kinds := []string{timeline.KindDiplomatic, timeline.KindContext}
		days := []time.Time{{}, time.Date(2017, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2018, 1, 31, 0, 0, 0, 0, time.UTC)}
		for i := range 4 {
			e := timeline.Event{
				ID: doc + when, Doc: doc, Kind: kinds[i%2], CAMEO: cameo, Status: name,
				Sentence:    timeline.Text{Start: n, End: n + len(sentence), Text: sentence},
				Trigger:     timeline.Text{Text: trigger},
				Source:      &timeline.Actor{Name: name, Code: code},
				Target:      &timeline.Actor{Name: code, Code: name},
				When:        when,
				Earliest:    days[i%3],
				Latest:      days[(i+1)%3],
				Granularity: timeline.Granularity(cameo),
				Anchor:      timeline.Anchor(when),
				Evidence:    &timeline.Text{Text: title},
				Confidence:  conf,
				Sources:     n,
				Docs:        []string{title, doc},
			}
			if i == 3 {
				e.Source, e.Target, e.Evidence, e.Docs = nil, nil, nil, nil
			}
			tl.Events = append(tl.Events, e)
		}
		for _, format := range Formats {
			if format == "timeml" {
				continue
			}
			var buf bytes.Buffer
			if err := Write(&buf, format, tl); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			b := buf.Bytes()
			switch format {
			case "json", "timelinejs":
				if !json.Valid(b) {
					t.Fatalf("%s: invalid JSON:\n%s", format, b)
				}
			case "jsonl":
				lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
				if len(lines) != len(tl.Events) {
					t.Fatalf("jsonl: %d lines for %d events", len(lines), len(tl.Events))
				}
				for _, l := range lines {
					if !json.Valid(l) {
						t.Fatalf("jsonl: invalid line %q", l)
					}
				}
			case "csv":
				rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
				if err != nil {
					t.Fatalf("csv: %v\n%q", err, b)
				}
				if len(rows) != 1+len(tl.Events) {
					t.Fatalf("csv: %d rows for %d events", len(rows), len(tl.Events))
				}
				if got := rows[1][14]; got != strings.ReplaceAll(strings.ReplaceAll(sentence, "\r\n", "\n"), "\r", "") {
					// encoding/csv (UseCRLF) writes newlines as CRLF and drops a
					// lone CR; the reader gives LF back. Nothing else may change.
					t.Fatalf("csv: sentence %q read back as %q", sentence, got)
				}
			case "ics":
				checkICSLines(t, b)
			case "html":
				if d := htmlData(t, b); len(d.Events.Events) != len(tl.Events) {
					t.Fatalf("html: %d events inline, want %d", len(d.Events.Events), len(tl.Events))
				}
			}
		}
	})
}
