package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// The keys OUTPUT.md fixes, plus the extra sources and docs.
var (
	documentKeys = []string{"id", "title", "source", "url", "path", "dct", "dct_inferred", "dct_earliest", "dct_latest", "sha256"}
	eventKeys    = []string{"id", "doc", "sentence", "trigger", "kind", "cameo", "cameo_name", "goldstein", "quad_class", "plover",
		"status", "source", "target", "when", "earliest", "latest", "granularity", "anchor", "evidence", "confidence", "sources", "docs"}
	spanKeys = []string{"start", "end", "text"}
)

func write(t *testing.T, format string, tl *Timeline) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, tl); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return buf.Bytes()
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func checkKeys(t *testing.T, what string, m map[string]any, want []string) {
	t.Helper()
	w := slices.Clone(want)
	slices.Sort(w)
	if got := keys(m); !slices.Equal(got, w) {
		t.Errorf("%s keys = %v, want %v", what, got, w)
	}
}

// checkEvent checks an event object's keys and the shape of its nested objects.
func checkEvent(t *testing.T, e map[string]any) {
	t.Helper()
	checkKeys(t, "event", e, eventKeys)
	for _, k := range []string{"sentence", "trigger", "evidence"} {
		switch v := e[k].(type) {
		case map[string]any:
			checkKeys(t, "event."+k, v, spanKeys)
		case nil:
			if k != "evidence" {
				t.Errorf("event %v: %s is null", e["id"], k)
			}
		default:
			t.Errorf("event %v: %s is %T", e["id"], k, v)
		}
	}
	for _, k := range []string{"source", "target"} {
		if a, ok := e[k].(map[string]any); ok {
			checkKeys(t, "event."+k, a, []string{"name", "code"})
			if a["code"] == "" {
				t.Errorf("event %v: %s code is \"\", want null", e["id"], k)
			}
		}
	}
	if _, ok := e["docs"].([]any); !ok {
		t.Errorf("event %v: docs is %T, want a list", e["id"], e["docs"])
	}
	if n, _ := e["sources"].(float64); n < 1 {
		t.Errorf("event %v: sources = %v, want >= 1", e["id"], e["sources"])
	}
}

func TestJSONShape(t *testing.T) {
	var out map[string]any
	b := write(t, "json", fixture())
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(b, []byte("}\n")) || !bytes.HasPrefix(b, []byte("{\n  \"")) {
		t.Error("want a 2-space indented object ending in a newline")
	}
	checkKeys(t, "timeline", out, []string{"documents", "events"})
	docs, _ := out["documents"].([]any)
	evs, _ := out["events"].([]any)
	if len(docs) != 3 || len(evs) != 8 {
		t.Fatalf("%d documents, %d events; want 3, 8", len(docs), len(evs))
	}
	for _, d := range docs {
		checkKeys(t, "document", d.(map[string]any), documentKeys)
	}
	for _, e := range evs {
		checkEvent(t, e.(map[string]any))
	}
	// The context event's CAMEO fields are all null.
	ctx := evs[5].(map[string]any)
	for _, k := range []string{"cameo", "cameo_name", "goldstein", "quad_class", "plover", "evidence"} {
		if ctx[k] != nil {
			t.Errorf("context event: %s = %v, want null", k, ctx[k])
		}
	}
}

func TestJSONEmpty(t *testing.T) {
	for _, tl := range []*Timeline{nil, {}} {
		if got, want := string(write(t, "json", tl)), "{\n  \"documents\": [],\n  \"events\": []\n}\n"; got != want {
			t.Errorf("empty timeline: got %q, want %q", got, want)
		}
		if got := write(t, "jsonl", tl); len(got) != 0 {
			t.Errorf("empty jsonl: got %q", got)
		}
	}
}

func TestJSONL(t *testing.T) {
	b := write(t, "jsonl", fixture())
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 8 {
		t.Fatalf("%d lines, want 8", len(lines))
	}
	for _, l := range lines {
		var e map[string]any
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		checkEvent(t, e)
	}
}

func TestCSVShape(t *testing.T) {
	b := write(t, "csv", fixture())
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "earliest,latest,when,granularity,anchor,cameo,cameo_name,source_name,source_code," +
		"target_name,target_code,status,kind,trigger,sentence,doc,evidence,goldstein," +
		"quad_class,confidence,id"
	if got := strings.Join(rows[0][:21], ","); got != want {
		t.Errorf("header = %s\nwant     %s", got, want)
	}
	if got := strings.Join(rows[0][21:], ","); got != "sources,docs" {
		t.Errorf("extra columns = %s, want sources,docs", got)
	}
	if len(rows) != 9 {
		t.Fatalf("%d rows, want header + 8", len(rows))
	}
	// Text survives the round trip exactly, newline and tab included.
	tl := fixture()
	for i, e := range tl.Events {
		if got := rows[i+1][14]; got != e.Sentence.Text {
			t.Errorf("row %d sentence = %q, want %q", i+1, got, e.Sentence.Text)
		}
	}
}

func TestICSShape(t *testing.T) {
	b := write(t, "ics", fixture())
	if !bytes.HasSuffix(b, []byte("END:VCALENDAR\r\n")) {
		t.Error("calendar does not end with END:VCALENDAR CRLF")
	}
	checkICSLines(t, b)
	s := string(b)
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:"} {
		if !strings.Contains(s, want) {
			t.Errorf("calendar lacks %q", want)
		}
	}
	if n := strings.Count(s, "BEGIN:VEVENT"); n != 7 {
		t.Errorf("%d VEVENTs, want 7 (the undated event left out)", n)
	}
	if !strings.Contains(s, "DTSTART;VALUE=DATE:20180208\r\nDTEND;VALUE=DATE:20180209\r\n") {
		t.Error("open-start event is not the single day of its latest bound")
	}
}

// checkICSLines checks every line is CRLF-terminated, at most 75 octets and valid
// UTF-8 (folding never cuts a character).
func checkICSLines(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Error("last line not CRLF-terminated")
	}
	for i, l := range bytes.Split(bytes.TrimSuffix(b, []byte("\r\n")), []byte("\r\n")) {
		if len(l) > 75 {
			t.Errorf("line %d: %d octets > 75: %q", i+1, len(l), l)
		}
		if bytes.ContainsAny(l, "\r\n") {
			t.Errorf("line %d: bare CR or LF: %q", i+1, l)
		}
		if !utf8.Valid(l) {
			t.Errorf("line %d: invalid UTF-8 (a character cut by folding): %q", i+1, l)
		}
	}
}

func TestTimelineJSShape(t *testing.T) {
	var out struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []struct {
			StartDate map[string]any `json:"start_date"`
			EndDate   map[string]any `json:"end_date"`
			Text      struct{ Headline, Text string }
			Group     string
		}
	}
	if err := json.Unmarshal(write(t, "timelinejs", fixture()), &out); err != nil {
		t.Fatal(err)
	}
	if out.Title.Text.Headline == "" {
		t.Error("no title headline")
	}
	if len(out.Events) != 7 {
		t.Fatalf("%d events, want 7 (the undated one left out)", len(out.Events))
	}
	for i, e := range out.Events {
		if _, ok := e.StartDate["year"].(float64); !ok {
			t.Errorf("event %d: start_date.year = %v, want a number", i, e.StartDate["year"])
		}
		if e.Text.Headline == "" || e.Group == "" {
			t.Errorf("event %d: empty headline or group", i)
		}
	}
	if got := out.Events[0].StartDate; len(got) != 1 {
		t.Errorf("year-granularity start_date = %v, want the year alone", got)
	}
	if got := out.Events[3]; len(got.StartDate) != 2 || got.EndDate != nil {
		t.Errorf("month-granularity event: start %v end %v, want year and month, no end", got.StartDate, got.EndDate)
	}
	if got := out.Events[0].Text.Headline; got != "The United States → North Korea: Reduce relations" {
		t.Errorf("headline = %q", got)
	}
	if got := out.Events[5].Group; got != "Context" {
		t.Errorf("context group = %q", got)
	}
}

func TestTimelineJSEscapesHTML(t *testing.T) {
	tl := fixture()
	tl.Events[1].Sentence.Text = `<script>alert(1)</script> & more`
	b := write(t, "timelinejs", tl)
	if bytes.Contains(b, []byte("<script>")) {
		t.Errorf("sentence markup not escaped: %s", b)
	}
}

func TestTableFooterAndMarker(t *testing.T) {
	s := string(write(t, "table", fixture()))
	if !strings.HasSuffix(s, "\ndct inferred: 2018-01-03..2018-02-08 (doc seed)\n") {
		t.Errorf("table lacks the inferred-DCT footer:\n%s", s)
	}
	// The terminal must never receive control characters from article text.
	tl := fixture()
	tl.Events[0].Sentence.Text = "evil\x1b[2Jtext"
	if s := write(t, "table", tl); bytes.ContainsRune(s, 0x1b) {
		t.Error("escape character reached the table")
	}
}

func TestMarkdownEscapesPipes(t *testing.T) {
	s := string(write(t, "markdown", fixture()))
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "| ") {
			continue
		}
		// Every row has 7 unescaped pipes: 6 cells.
		if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != 7 {
			t.Errorf("%d cell separators in %q", n, l)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", "\r\n"},
		{strings.Repeat("a", 75), strings.Repeat("a", 75) + "\r\n"},
		{strings.Repeat("a", 76), strings.Repeat("a", 75) + "\r\n a\r\n"},
		{strings.Repeat("a", 75+74+1), strings.Repeat("a", 75) + "\r\n " + strings.Repeat("a", 74) + "\r\n a\r\n"},
		// 74 octets then a 3-octet arrow: the arrow moves whole to the next line.
		{strings.Repeat("a", 74) + "→b", strings.Repeat("a", 74) + "\r\n →b\r\n"},
		// 25 three-octet characters fill exactly 75 octets.
		{strings.Repeat("→", 25), strings.Repeat("→", 25) + "\r\n"},
		{strings.Repeat("é", 38), strings.Repeat("é", 37) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestICSText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`a,b;c\d`, `a\,b\;c\\d`},
		{"one\ntwo\r\nthree\rfour", `one\ntwo\nthree\nfour`},
		{"tab\there", "tab\there"},
		{"bell\x07", "bell "},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := icsText(tt.in); got != tt.want {
			t.Errorf("icsText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"2017-10-01", "2017-10-01", "2017-10-01"},
		{"2018-02-09", "2018-02-25", "2018-02-09..2018-02-25"},
		{"", "2018-02-08", "..2018-02-08"},
		{"2018-02-26", "", "2018-02-26.."},
		{"", "", ""},
	}
	for _, tt := range tests {
		var a, b = parseOpt(tt.a), parseOpt(tt.b)
		if got := dateRange(a, b); got != tt.want {
			t.Errorf("dateRange(%s, %s) = %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCell(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"", 10, "-"},
		{"short", 10, "short"},
		{"Kim Jong-un said North Korea", 10, "Kim Jong-…"},
		{"“open to dialogue” with Seoul", 8, "“open t…"},
		{"a\n\tb", 0, "a b"},
	}
	for _, tt := range tests {
		if got := cell(tt.in, tt.width); got != tt.want {
			t.Errorf("cell(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}

func TestNonFiniteConfidence(t *testing.T) {
	tl := fixture()
	tl.Events[0].Confidence = math.NaN()
	tl.Events[1].Confidence = math.Inf(1)
	var out struct{ Events []map[string]any }
	if err := json.Unmarshal(write(t, "json", tl), &out); err != nil {
		t.Fatal(err)
	}
	if out.Events[0]["confidence"] != nil || out.Events[1]["confidence"] != nil {
		t.Error("non-finite confidence not written as null")
	}
}

func TestSources(t *testing.T) {
	tests := []struct {
		e    timeline.Event
		want int
	}{
		{timeline.Event{}, 1},
		{timeline.Event{Sources: 3}, 3},
		{timeline.Event{Docs: []string{"a", "b"}}, 3},
	}
	for _, tt := range tests {
		if got := sources(&tt.e); got != tt.want {
			t.Errorf("sources(%+v) = %d, want %d", tt.e, got, tt.want)
		}
	}
}

// errWriter fails every write, standing in for a full disk or a closed pipe.
type errWriter struct{}

var errDisk = errors.New("disk full")

func (errWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestWriteErrors(t *testing.T) {
	for _, f := range Formats {
		if f == "timeml" {
			continue // writes nothing until package timeml does
		}
		err := Write(errWriter{}, f, fixture())
		if !errors.Is(err, errDisk) {
			t.Errorf("%s: err = %v, want the writer's error", f, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "export "+f+": ") {
			t.Errorf("%s: err = %q, want it prefixed with the format", f, err)
		}
	}
}

func TestFixtureIsChronological(t *testing.T) {
	evs := fixture().Events
	for i := 1; i < len(evs); i++ {
		if timeline.Less(&evs[i], &evs[i-1]) {
			t.Errorf("fixture event %s sorts before %s", evs[i].ID, evs[i-1].ID)
		}
	}
}

// TestTimeML checks the framing only: the documents come one after another, in
// order, each starting on a line of its own. The TimeML itself is package
// timeml's (and tested there).
func TestTimeML(t *testing.T) {
	s := string(write(t, "timeml", fixture()))
	if s == "" {
		t.Skip("timeml.Write writes nothing yet")
	}
	last := -1
	for _, id := range []string{"kcna-20180101", "seed", "yonhap-20180102"} {
		i := strings.Index(s, "<DOCID>"+id+"</DOCID>")
		if i <= last {
			t.Errorf("document %s missing or out of order", id)
		}
		last = i
	}
	for i := 1; i < 3; i++ {
		parts := strings.SplitN(s, "<?xml", i+2)
		if len(parts) > i+1 && !strings.HasSuffix(parts[i], "\n") {
			t.Errorf("document %d does not end with a newline before the next", i)
		}
	}
}

// TestEmpty checks every format writes a well-formed empty timeline.
func TestEmpty(t *testing.T) {
	want := map[string]string{
		"table":      "DATE  WHEN  CAMEO  SOURCE  TARGET  STATUS  DOCS  TRIGGER  SENTENCE\n",
		"jsonl":      "",
		"csv":        strings.Join(csvHeader, ",") + "\r\n",
		"timelinejs": "{\n  \"title\": {\n    \"text\": {\n      \"headline\": \"Timeline\",\n      \"text\": \"0 dated events from 0 documents\"\n    }\n  },\n  \"events\": []\n}\n",
		"markdown":   "# Timeline\n\n0 events from 0 documents.\n\n| Date | What | Who | To whom | Status | Source |\n|---|---|---|---|---|---|\n",
		"timeml":     "",
	}
	for _, f := range Formats {
		w, ok := want[f]
		if !ok {
			continue // json: TestJSONEmpty; ics: TestICSEmpty
		}
		if got := string(write(t, f, &Timeline{})); got != w {
			t.Errorf("%s: got %q, want %q", f, got, w)
		}
	}
}

// TestICSEmpty checks that a calendar with no dated event is refused, writing
// nothing: RFC 5545 needs one component, and clients reject an empty calendar.
func TestICSEmpty(t *testing.T) {
	undated := fixture()
	for i := range undated.Events {
		undated.Events[i].Earliest, undated.Events[i].Latest = time.Time{}, time.Time{}
	}
	for _, tl := range []*Timeline{{}, undated} {
		var buf bytes.Buffer
		err := Write(&buf, "ics", tl)
		if timeline.ErrorCode(err) != timeline.ENOTFOUND || buf.Len() != 0 {
			t.Errorf("ics of %d undated events: err %v, %d bytes written; want ENOTFOUND and nothing", len(tl.Events), err, buf.Len())
		}
	}
}

func TestTitle(t *testing.T) {
	one := fixture()
	one.Documents = one.Documents[:1]
	tests := []struct {
		tl   *Timeline
		want string
	}{
		{&Timeline{}, "Timeline"},
		{&Timeline{Title: "Korea | 2018"}, `Korea \| 2018`},
		{one, "Kim Jong Un's New Year address"},
		{fixture(), "Timeline"},
	}
	for _, tt := range tests {
		s := string(write(t, "markdown", tt.tl))
		if got, _, _ := strings.Cut(s, "\n"); got != "# "+tt.want {
			t.Errorf("heading = %q, want %q", got, "# "+tt.want)
		}
	}
}

// An open bound is never shown as a known day: TimelineJS says "on or before"
// or "on or after" in display_date, and a calendar event says so in its summary
// and description.
func TestOpenBoundsNotPinned(t *testing.T) {
	var out struct {
		Events []struct {
			UniqueID    string `json:"unique_id"`
			DisplayDate string `json:"display_date"`
		}
	}
	if err := json.Unmarshal(write(t, "timelinejs", fixture()), &out); err != nil {
		t.Fatal(err)
	}
	display := map[string]string{}
	for _, e := range out.Events {
		display[e.UniqueID] = e.DisplayDate
	}
	for id, want := range map[string]string{
		"ev-05": "on or before 8 February 2018", // "recently", open start
		"ev-07": "on or after 26 February 2018", // "after the Games", open end
		"ev-02": "",                             // a known day
	} {
		if display[id] != want {
			t.Errorf("%s display_date = %q, want %q", id, display[id], want)
		}
	}

	ics := string(write(t, "ics", fixture()))
	for _, vevent := range strings.Split(ics, "BEGIN:VEVENT")[1:] {
		unfolded := strings.ReplaceAll(vevent, "\r\n ", "")
		switch {
		case strings.Contains(unfolded, "UID:ev-05@"):
			if !strings.Contains(unfolded, "SUMMARY:") || !strings.Contains(unfolded, "(on or before 2018-02-08)") ||
				!strings.Contains(unfolded, "DESCRIPTION:Date: on or before 2018-02-08") {
				t.Errorf("open-start calendar event does not say its date is a bound:\n%s", unfolded)
			}
		case strings.Contains(unfolded, "UID:ev-07@"):
			if !strings.Contains(unfolded, "(on or after 2018-02-26)") || !strings.Contains(unfolded, "DESCRIPTION:Date: on or after 2018-02-26") {
				t.Errorf("open-end calendar event does not say its date is a bound:\n%s", unfolded)
			}
		case strings.Contains(unfolded, "UID:ev-02@"):
			if strings.Contains(unfolded, "on or") {
				t.Errorf("a known day is marked as a bound:\n%s", unfolded)
			}
		}
	}
}
