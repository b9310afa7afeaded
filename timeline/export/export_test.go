package export

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// goldenFile names the golden file of a format.
var goldenFile = map[string]string{
	"table":      "fixture.table.txt",
	"json":       "fixture.json",
	"jsonl":      "fixture.jsonl",
	"csv":        "fixture.csv",
	"timelinejs": "fixture.timelinejs.json",
	"ics":        "fixture.ics",
	"markdown":   "fixture.md",
	// timeml is written by package timeml and golden-tested there.
}

func TestGolden(t *testing.T) {
	for format, name := range goldenFile {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, format, fixture()); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s: output differs from %s (go test -update rewrites it; review the diff)\ngot:\n%s", format, path, buf.Bytes())
			}
		})
	}
}

func TestFormats(t *testing.T) {
	if Formats[0] != "table" {
		t.Errorf("default format = %q, want table", Formats[0])
	}
	if len(Formats) != len(writers) {
		t.Errorf("%d formats listed, %d writers", len(Formats), len(writers))
	}
	for _, f := range Formats {
		if writers[f] == nil {
			t.Errorf("format %q has no writer", f)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "x", fixture())
	if code := timeline.ErrorCode(err); code != timeline.EINVALID {
		t.Fatalf("code = %q, want %q (err %v)", code, timeline.EINVALID, err)
	}
	want := `unknown format "x" (want table, json, jsonl, csv, timelinejs, timeml, ics, markdown, html)`
	if err.Error() != want {
		t.Errorf("message = %q, want %q", err.Error(), want)
	}
}

// A stream writes the bytes Write writes for the same events.
func TestStreamSameAsWrite(t *testing.T) {
	tl := fixture()
	for _, format := range []string{"jsonl", "csv"} {
		var whole, streamed bytes.Buffer
		if err := Write(&whole, format, tl); err != nil {
			t.Fatal(err)
		}
		s, ok, err := NewStream(&streamed, format)
		if !ok || err != nil {
			t.Fatalf("%s: NewStream = %v, %v", format, ok, err)
		}
		for i := range tl.Events {
			if err := s.Write(&tl.Events[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if whole.String() != streamed.String() {
			t.Errorf("%s: streamed\n%s\nwant\n%s", format, streamed.String(), whole.String())
		}
	}
	if _, ok, _ := NewStream(io.Discard, "json"); ok {
		t.Error("json streams: its documents come first")
	}
}
