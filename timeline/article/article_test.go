package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path string
		data       string
		want       string // substring of the error
	}{
		{"empty", "empty.txt", "", "empty article"},
		{"blank", "blank.txt", " \n\t\n", "empty article"},
		{"binary", "x.bin", "PK\x03\x04\x00\x00binary", "binary file"},
		{"invalid utf8", "latin1.txt", "caf\xe9 au lait", "invalid UTF-8 at byte 3"},
		{"timeml without text", "x.tml", "<TimeML><DOCID>x</DOCID></TimeML>", "x.tml"},
		{"jsonl nothing", "x.jsonl", "\n\n", "no articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := Parse(tt.path, []byte(tt.data), nil)
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("got %d docs, %d errors (%v); want one error", len(docs), len(errs), errs)
			}
			if !strings.Contains(errs[0].Error(), tt.want) || !strings.HasPrefix(errs[0].Error(), tt.path) {
				t.Errorf("error %q: want it to name %s and say %q", errs[0], tt.path, tt.want)
			}
		})
	}
}

func TestParsePlainText(t *testing.T) {
	data, err := os.ReadFile("testdata/plain.txt")
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := Parse("testdata/plain.txt", data, nil)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errs %v", len(docs), errs)
	}
	if docs[0].ID != "plain" || docs[0].Body != string(data) {
		t.Errorf("got id %q, body %q; want the file exactly as read", docs[0].ID, docs[0].Body)
	}
}

// A bad line of a JSON Lines feed is reported by line; the good lines are kept.
func TestParseJSONLines(t *testing.T) {
	data, err := os.ReadFile("testdata/feed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := Parse("feed.jsonl", data, nil)
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2", len(docs))
	}
	if d := docs[0]; d.ID != "a1" || d.Title != "T" || d.URL != "http://x" || timeline.FormatDay(d.DCT) != "2018-01-12" {
		t.Errorf("first article: %+v", d)
	}
	if docs[1].ID != "feed-5" {
		t.Errorf("second article id %q, want feed-5 (file and line)", docs[1].ID)
	}
	if len(errs) != 2 {
		t.Fatalf("got errors %v, want 2", errs)
	}
	for i, line := range []int{3, 4} {
		var e *Error
		if !errors.As(errs[i], &e) || e.Line != line {
			t.Errorf("error %d: %v, want line %d", i, errs[i], line)
		}
	}
}

func TestFilesMissing(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.txt", ".hidden.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, errs := Files([]string{dir, filepath.Join(dir, "missing.txt")})
	if len(files) != 2 || filepath.Base(files[0]) != "a.txt" || filepath.Base(files[1]) != "b.txt" {
		t.Errorf("files %v, want a.txt, b.txt", files)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt: no such file") {
		t.Errorf("errors %v, want the missing file named", errs)
	}
}

func TestIDFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"dir/seed-article.txt":               "seed-article",
		"APW19980227.0494.tml":               "APW19980227.0494",
		"ABC19980108.1830.0711.tml.TE3input": "ABC19980108.1830.0711",
		"-":                                  "stdin",
		"notes.v2":                           "notes.v2",
	} {
		if got := idFromPath(in); got != want {
			t.Errorf("idFromPath(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParsePublished(t *testing.T) {
	for _, ok := range []string{"2018-01-12", "2018-01-12T10:00:00Z", "20180112"} {
		if d, err := ParsePublished(ok, nil); err != nil || timeline.FormatDay(d) != "2018-01-12" {
			t.Errorf("ParsePublished(%q) = %v, %v", ok, d, err)
		}
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database")
	}
	if d, err := ParsePublished("2018-01-13T02:30:00Z", ny); err != nil || timeline.FormatDay(d) != "2018-01-12" {
		t.Errorf("02:30 UTC in New York: %v, %v; want 2018-01-12", d, err)
	}
	for _, bad := range []string{"", "2018-02-30", "12/01/2018", "yesterday"} {
		if _, err := ParsePublished(bad, nil); timeline.ErrorCode(err) != timeline.EINVALID {
			t.Errorf("ParsePublished(%q): err %v, want invalid", bad, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("x.txt", "Talks on Monday.")
	f.Add("x.jsonl", `{"body":"a","published":"2018-01-01"}`)
	f.Add("x.tml", "<TimeML><TEXT>On <TIMEX3 tid=\"t1\">Monday</TIMEX3>.</TEXT></TimeML>")
	f.Add("-", "{\"body\":\"\xff\"}")
	f.Fuzz(func(t *testing.T, path, data string) {
		docs, errs := Parse(path, []byte(data), nil)
		for _, d := range docs {
			if err := timeline.CheckBody([]byte(d.Body)); err != nil {
				t.Errorf("returned a document with a bad body: %v", err)
			}
		}
		for _, err := range errs {
			if err == nil {
				t.Error("nil error")
			}
		}
	})
}

// A line too long to be an article is reported by its number, and the lines
// after it are still read.
func TestParseJSONLinesLongLine(t *testing.T) {
	long := `{"body":"` + strings.Repeat("x", timeline.MaxBodyBytes+2<<20) + `"}`
	data := `{"id":"a","body":"first"}` + "\n" + long + "\n" + `{"id":"c","body":"third"}` + "\n"
	docs, errs := Parse("feed.jsonl", []byte(data), nil)
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "c" {
		t.Errorf("got %d docs, want a and c", len(docs))
	}
	var e *Error
	if len(errs) != 1 || !errors.As(errs[0], &e) || e.Line != 2 || !strings.Contains(e.Error(), "too large") {
		t.Errorf("errors %v, want one naming line 2 as too large", errs)
	}
}

// Anything after a line's JSON object is an error, not silently dropped: two
// articles run together on one line would otherwise lose the second.
func TestParseJSONLinesTrailingData(t *testing.T) {
	for _, line := range []string{`{"body":"a"}{"body":"b"}`, `{"body":"a"} x`, `{"body":"a"},`} {
		docs, errs := Parse("feed.jsonl", []byte(line+"\n"), nil)
		var e *Error
		if len(docs) != 0 || len(errs) != 1 || !errors.As(errs[0], &e) || e.Line != 1 {
			t.Errorf("%s: got %d docs, errors %v; want one error on line 1", line, len(docs), errs)
		}
	}
}

// A TimeML input keeps its TITLE, as timeml.Write writes a document's title there.
func TestParseTimeMLTitle(t *testing.T) {
	data := "<TimeML><DOCID>x1</DOCID><DCT><TIMEX3 tid=\"t0\" value=\"2018-01-12\"/></DCT>" +
		"<TITLE>Talks &amp; threats</TITLE><TEXT>They met on Monday.</TEXT></TimeML>"
	docs, errs := Parse("x.tml", []byte(data), nil)
	if len(errs) != 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errs %v", len(docs), errs)
	}
	if d := docs[0]; d.ID != "x1" || d.Title != "Talks & threats" || d.Body != "They met on Monday." || timeline.FormatDay(d.DCT) != "2018-01-12" {
		t.Errorf("got %+v", d)
	}
}

// A feed on standard input past the feed limit is an error, not a feed silently
// cut at the limit (here exactly at a line end, which no line would report).
func TestReadStdinTooLarge(t *testing.T) {
	first := `{"id":"a","body":"first"}` + "\n"
	defer func(old int64) { maxFeedBytes = old }(maxFeedBytes)
	maxFeedBytes = int64(len(first))
	docs, errs := Read("-", strings.NewReader(first+`{"id":"b","body":"second"}`+"\n"), nil)
	if len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "too large") {
		t.Errorf("got %d docs, errors %v; want one error saying too large", len(docs), errs)
	}
}
