package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/timeml"
)

// run runs the command line in dir with a fresh database there, returning its
// standard output, standard error and error.
func run(t *testing.T, dir string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := NewApp(strings.NewReader(""), &stdout, &stderr)
	full := append([]string{"--db", filepath.Join(dir, "t.db"), "--config", writeConfig(t, dir, "")}, args...)
	err := app.Run(context.Background(), full)
	return stdout.String(), stderr.String(), err
}

// writeConfig writes a config file into dir, so that tests never read the
// developer's own configuration.
func writeConfig(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, "config.yaml")
	if _, err := os.Stat(p); err == nil && body == "" {
		return p
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const seed = "../../fixtures/seed-article.txt"

type jsonTimeline struct {
	Documents []map[string]any `json:"documents"`
	Events    []map[string]any `json:"events"`
}

func TestBuildSeedJSON(t *testing.T) {
	dir := t.TempDir()
	out, stderr, err := run(t, dir, "build", "--format", "json", seed)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	var tl jsonTimeline
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(tl.Documents) != 1 {
		t.Fatalf("got %d documents, want 1", len(tl.Documents))
	}
	d := tl.Documents[0]
	if d["id"] != "seed-article" || d["dct"] != nil || d["dct_inferred"] != true {
		t.Errorf("document %v: want id seed-article, dct null, dct_inferred true", d)
	}
	if len(tl.Events) == 0 {
		t.Fatal("no events")
	}
	for _, k := range []string{"id", "doc", "sentence", "trigger", "kind", "cameo", "cameo_name", "goldstein",
		"quad_class", "plover", "status", "source", "target", "when", "earliest", "latest", "granularity",
		"anchor", "evidence", "confidence"} {
		if _, ok := tl.Events[0][k]; !ok {
			t.Errorf("event lacks field %q", k)
		}
	}

	// The article is stored once, however often it is built.
	if _, stderr, err := run(t, dir, "build", "--format", "json", seed); err != nil {
		t.Fatalf("second build: %v\n%s", err, stderr)
	}
	docs, _, err := run(t, dir, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(docs, "\nseed-article "); n != 1 {
		t.Errorf("docs lists seed-article %d times, want 1:\n%s", n, docs)
	}

	// Query by range: the 2017-10-01 tweet is in October 2017.
	q, _, err := run(t, dir, "query", "--from", "2017-10", "--to", "2017-10", "--within", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var qt jsonTimeline
	if err := json.Unmarshal([]byte(q), &qt); err != nil {
		t.Fatal(err)
	}
	for _, e := range qt.Events {
		if e["earliest"] == nil || !strings.HasPrefix(e["earliest"].(string), "2017-10") {
			t.Errorf("event outside October 2017: %v..%v", e["earliest"], e["latest"])
		}
	}
}

// Each bad input gets one line naming what and where, a non-zero exit, and
// leaves nothing stored.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"empty file", []string{"build", write(t, dir, "empty.txt", "")}, "empty.txt: empty article"},
		{"binary file", []string{"build", write(t, dir, "x.bin", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")}, "x.bin: binary file"},
		{"invalid utf8", []string{"build", write(t, dir, "l1.txt", "Caf\xe9 talks.")}, "l1.txt: invalid UTF-8"},
		{"malformed published", []string{"build", "--published", "2018-02-30", seed}, "--published"},
		{"published year 0", []string{"build", "--published", "0000-01-01", seed}, "--published: publication date 0000-01-01 out of range (years 1000-2999)"},
		{"published year 9999", []string{"build", "--published", "9999-12-31", seed}, "out of range (years 1000-2999)"},
		{"dct year 0", []string{"tag", "--dct", "0999-12-31", seed}, "out of range"},
		{"feed published", []string{"build", write(t, dir, "old.jsonl", `{"body":"Iraq met Iran on Monday.","published":"0001-01-01"}`)}, "old.jsonl:1: publication date 0001-01-01 out of range"},
		{"timeml dct", []string{"build", write(t, dir, "old.tml", `<TimeML><DOCID>old</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="0012-01-01" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>Iraq met Iran on Monday.</TEXT></TimeML>`)}, "old.tml: publication date 0012-01-01 out of range"},
		{"malformed from", []string{"query", "--from", "yesterday"}, "--from"},
		{"to before from", []string{"query", "--from", "2018", "--to", "2017"}, "range ends (2017-12-31) before it starts (2018-01-01)"},
		{"unknown format", []string{"build", "--format", "pdf", seed}, `unknown format "pdf"`},
		{"unknown cameo", []string{"query", "--cameo", "42"}, `unknown CAMEO root "42"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := run(t, dir, tt.args...)
			if err == nil {
				t.Fatal("no error")
			}
			msg := stderr + err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q, want it to say %q", msg, tt.want)
			}
		})
	}
	docs, _, err := run(t, dir, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(strings.TrimSpace(docs), "\n") != 0 {
		t.Errorf("bad input left documents stored:\n%s", docs)
	}
}

// A missing file among several is named; the others are still ingested.
func TestIngestMissingAmongSeveral(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", "Iraq rejected the U.N. demand on Tuesday.")
	b := write(t, dir, "b.txt", "President Clinton met Prime Minister Netanyahu in Washington.")
	missing := filepath.Join(dir, "missing.txt")
	out, stderr, err := run(t, dir, "ingest", "--published", "1998-02-27", a, missing, b)
	if err == nil {
		t.Fatal("no error for the missing file")
	}
	if !strings.Contains(stderr, "missing.txt") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("stderr %q: want one line naming missing.txt", stderr)
	}
	if !strings.Contains(out, "2 articles stored") {
		t.Errorf("summary %q: want 2 articles stored", out)
	}
}

func TestBadDatabase(t *testing.T) {
	dir := t.TempDir()
	notDB := write(t, dir, "junk.db", strings.Repeat("this is not a database\n", 200))
	parentIsFile := filepath.Join(write(t, dir, "plain", "x"), "t.db")
	for name, db := range map[string]string{"not sqlite": notDB, "unwritable path": parentIsFile} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			app := NewApp(strings.NewReader(""), &stdout, &stderr)
			err := app.Run(context.Background(), []string{"--config", writeConfig(t, dir, ""), "--db", db, "build", seed})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), db) {
				t.Errorf("error %q does not name the database %s", err, db)
			}
			if stdout.Len() != 0 {
				t.Errorf("printed a timeline despite the failure")
			}
		})
	}
	before, _ := os.ReadFile(notDB)
	if after, _ := os.ReadFile(notDB); !bytes.Equal(before, after) {
		t.Error("the file that is not a database was modified")
	}
}

func TestConfig(t *testing.T) {
	t.Run("unknown key", func(t *testing.T) {
		dir := t.TempDir()
		writeConfig(t, dir, "db: x.db\ndatabase: y.db\n")
		_, _, err := run(t, dir, "config")
		if err == nil || !strings.Contains(err.Error(), "unknown key database") {
			t.Errorf("err %v, want unknown key database", err)
		}
	})
	t.Run("bad value", func(t *testing.T) {
		dir := t.TempDir()
		writeConfig(t, dir, "format: pdf\ntimezone: Mars/Olympus\nmerge_span: 3 weeks\n")
		_, _, err := run(t, dir, "config")
		if err == nil || !strings.Contains(err.Error(), "format:") || !strings.Contains(err.Error(), "timezone:") || !strings.Contains(err.Error(), "merge_span:") {
			t.Errorf("err %v, want every bad key named", err)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		err := NewApp(nil, &stdout, &stderr).Run(context.Background(), []string{"--config", "/nonexistent/timeline.yaml", "config"})
		if err == nil || !strings.Contains(err.Error(), "/nonexistent/timeline.yaml") {
			t.Errorf("err %v, want the missing file named", err)
		}
	})
	t.Run("origins", func(t *testing.T) {
		dir := t.TempDir()
		writeConfig(t, dir, "format: csv\n")
		t.Setenv("TIMELINE_TIMEZONE", "Europe/Paris")
		out, _, err := run(t, dir, "config")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"flag --db", "file " + filepath.Join(dir, "config.yaml"), "env TIMELINE_TIMEZONE", "default"} {
			if !strings.Contains(out, want) {
				t.Errorf("config output lacks %q:\n%s", want, out)
			}
		}
	})
}

// A 50 MB article is refused before it is read whole, naming the file.
func TestHugeArticle(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("The talks went on. ", 50) + "\n")
	for written := 0; written < 50<<20; written += len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := run(t, dir, "build", p)
	if err == nil || !strings.Contains(stderr, "huge.txt: file too large") {
		t.Errorf("err %v, stderr %q: want huge.txt named as too large", err, stderr)
	}
}

// tag --out writes one TimeML file per input; TimeML input keeps its DOCID and
// DCT, and the body between tags is the input's, byte for byte.
func TestTagOut(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "in.tml", `<?xml version="1.0" ?>
<TimeML>
<DOCID>APW-TEST.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">19980227</TIMEX3></DCT>
<TEXT>
Iraq said on Friday that talks with the U.N. would resume next week &amp; not later.
</TEXT>
</TimeML>
`)
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, dir, "tag", "--dct", "2000-01-01", "--out", out, in); err != nil {
		t.Fatalf("tag: %v\n%s", err, stderr)
	}
	got, err := timeml.ReadFile(filepath.Join(out, "APW-TEST.0001.tml"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := timeml.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	if got.DocID != "APW-TEST.0001" || timeline.FormatDay(got.DCT) != "1998-02-27" {
		t.Errorf("DOCID %q DCT %v: want the input's", got.DocID, got.DCT)
	}
	if got.Body != src.Body {
		t.Errorf("body changed:\n%q\n%q", got.Body, src.Body)
	}
	values := map[string]string{}
	for _, x := range got.Timexes {
		values[x.Text] = x.Value
	}
	// Friday before a Friday DCT in a past-tense report is the DCT itself.
	if values["Friday"] != "1998-02-27" || values["next week"] != "1998-W10" {
		t.Errorf("values %v: want Friday 1998-02-27 and next week 1998-W10", values)
	}
}

// export writes the whole database in every format; --out leaves no temporary
// file behind.
func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, err := run(t, dir, "ingest", seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	for _, format := range []string{"table", "json", "jsonl", "csv", "timelinejs", "timeml", "ics", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			out := filepath.Join(dir, "export."+format)
			if _, stderr, err := run(t, dir, "export", "--format", format, "--out", out); err != nil {
				t.Fatalf("export: %v\n%s", err, stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte("2017")) {
				t.Errorf("%s export lacks the 2017 tweet:\n%.300s", format, data)
			}
		})
	}
	left, err := filepath.Glob(filepath.Join(dir, ".export.*"))
	if err != nil || len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestEmptyCalendar checks that a query with nothing to put in a calendar fails
// with one line and leaves no file, since an empty iCalendar file is invalid.
func TestEmptyCalendar(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, err := run(t, dir, "ingest", seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out := filepath.Join(dir, "none.ics")
	_, _, err := run(t, dir, "query", "--format", "ics", "--from", "2030", "--out", out)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "no dated events") {
		t.Errorf("err %v: want one line saying there are no dated events", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s written: %v", out, err)
	}
}

// An id that names a path (JSON Lines id, TimeML DOCID) never makes tag --out
// write outside the folder it is given.
func TestTagOutIDStaysInFolder(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "a", "b", "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	feed := write(t, dir, "feed.jsonl",
		`{"id":"../../escaped","body":"The United States met China on Monday.","published":"2018-01-01"}`+"\n"+
			`{"id":"/abs/x","body":"China met Russia on Tuesday.","published":"2018-01-01"}`+"\n")
	if _, stderr, err := run(t, dir, "tag", "--out", out, feed); err != nil {
		t.Fatalf("tag: %v\n%s", err, stderr)
	}
	var inside int
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tml") {
			return err
		}
		if filepath.Dir(p) != out {
			t.Errorf("written outside --out: %s", p)
		} else {
			inside++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if inside != 2 {
		t.Errorf("%d files in --out, want 2", inside)
	}
}

// --out files get the usual mode of a new file (0666 less the umask), an
// existing file keeps its own, an input is never overwritten, and the folder of
// tag --out is created.
func TestOutFiles(t *testing.T) {
	dir := t.TempDir()
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)

	fresh := filepath.Join(dir, "fresh.json")
	if _, stderr, err := run(t, dir, "build", "--format", "json", "--out", fresh, seed); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new --out file: %v, mode %v; want 0644", err, fi.Mode())
	}

	kept := write(t, dir, "kept.csv", "old")
	if err := os.Chmod(kept, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := run(t, dir, "export", "--format", "csv", "--out", kept); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr)
	}
	if fi, err := os.Stat(kept); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("rewritten --out file: %v, mode %v; want its 0640 kept", err, fi.Mode())
	}

	input := write(t, dir, "input.txt", "Iraq rejected the U.N. demand on Tuesday.")
	_, stderr, err := run(t, dir, "build", "--published", "1998-02-27", "--out", input, input)
	if err == nil || !strings.Contains(stderr+err.Error(), "is also an input") {
		t.Errorf("--out equal to the input: err %v, stderr %q; want it refused", err, stderr)
	}
	if b, _ := os.ReadFile(input); string(b) != "Iraq rejected the U.N. demand on Tuesday." {
		t.Errorf("the input was overwritten: %q", b)
	}

	tml := write(t, dir, "x.tml", `<TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">x</TIMEX3></DCT><TEXT>Talks resume on Friday.</TEXT></TimeML>`)
	before, _ := os.ReadFile(tml)
	_, stderr, err = run(t, dir, "tag", "--out", dir, tml)
	if err == nil || !strings.Contains(stderr, "is also an input") {
		t.Errorf("tag --out onto its own input: err %v, stderr %q; want it refused", err, stderr)
	}
	if after, _ := os.ReadFile(tml); !bytes.Equal(before, after) {
		t.Errorf("tag overwrote its input")
	}

	newDir := filepath.Join(dir, "new", "sys")
	if _, stderr, err := run(t, dir, "tag", "--out", newDir, tml); err != nil {
		t.Fatalf("tag --out into a new folder: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(newDir, "x.tml")); err != nil {
		t.Errorf("tag --out did not create its folder: %v", err)
	}
}

// eval --out creates its folder and never writes over a gold file.
func TestEvalOut(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold")
	if err := os.Mkdir(gold, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../timeline/eval/testdata/timex/gold/d1.tml")
	if err != nil {
		t.Fatal(err)
	}
	write(t, gold, "d1.tml", string(src))
	sys := filepath.Join(dir, "new", "sys")
	if _, stderr, err := run(t, dir, "eval", "timex", "--out", sys, gold); err != nil {
		t.Fatalf("eval timex --out: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(sys, "d1.tml")); err != nil {
		t.Errorf("eval timex --out did not create its folder: %v", err)
	}
	if _, _, err := run(t, dir, "eval", "timex", "--out", gold, gold); err == nil || !strings.Contains(err.Error(), "is a gold file") {
		t.Errorf("eval timex --out onto the gold: %v; want it refused", err)
	}
	if after, _ := os.ReadFile(filepath.Join(gold, "d1.tml")); !bytes.Equal(src, after) {
		t.Errorf("the gold file was overwritten")
	}
	events := filepath.Join(dir, "new", "events")
	if _, stderr, err := run(t, dir, "eval", "events", "--out", events, "../../timeline/eval/testdata/events/gold"); err != nil {
		t.Fatalf("eval events --out: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(filepath.Join(events, "A.json")); err != nil {
		t.Errorf("eval events --out did not create its folder: %v", err)
	}
}

// TimeML is one document per file: export --out names a folder for several
// documents, and a single file for several is refused.
func TestExportTimeMLFiles(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", "Iraq rejected the U.N. demand on Tuesday.")
	b := write(t, dir, "b.txt", "President Clinton met Prime Minister Netanyahu in Washington on Monday.")
	if _, stderr, err := run(t, dir, "ingest", "--published", "1998-02-27", a, b); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	one := filepath.Join(dir, "all.tml")
	_, _, err := run(t, dir, "export", "--format", "timeml", "--out", one)
	if err == nil || !strings.Contains(err.Error(), "2 documents") || !strings.Contains(err.Error(), "folder") {
		t.Errorf("timeml of 2 documents into one file: %v; want it refused, saying to give a folder", err)
	}
	if _, err := os.Stat(one); !os.IsNotExist(err) {
		t.Errorf("%s written: %v", one, err)
	}
	folder := filepath.Join(dir, "tml") + string(filepath.Separator)
	if _, stderr, err := run(t, dir, "export", "--format", "timeml", "--out", folder); err != nil {
		t.Fatalf("export into a folder: %v\n%s", err, stderr)
	}
	for _, id := range []string{"a", "b"} {
		f, err := timeml.ReadFile(filepath.Join(folder, id+".tml"))
		if err != nil {
			t.Errorf("%s.tml: %v", id, err)
			continue
		}
		if f.DocID != id {
			t.Errorf("%s.tml holds document %q", id, f.DocID)
		}
	}
}

// Articles of the same file name in different folders are both stored, under
// distinct ids; --id names a single article.
func TestDocumentIDs(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, "t", sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "t", "a"), "index.txt", "Iraq rejected the U.N. demand on Tuesday.")
	write(t, filepath.Join(dir, "t", "b"), "index.txt", "Iran met Iraq on Monday.")
	out, stderr, err := run(t, dir, "ingest", "--published", "1998-02-27", filepath.Join(dir, "t"))
	if err != nil || !strings.Contains(out, "2 articles stored") {
		t.Fatalf("ingest: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(stderr, `id "index" is taken by another article; stored as "index-`) {
		t.Errorf("stderr %q: want a note naming the new id", stderr)
	}
	docs, _, err := run(t, dir, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docs, "\nindex ") || !strings.Contains(docs, "\nindex-") {
		t.Errorf("docs:\n%s\nwant index and index-<hash>", docs)
	}

	a := write(t, dir, "a.txt", "China met Japan on Monday.")
	if out, stderr, err := run(t, dir, "build", "--published", "1998-02-27", "--id", "talks/1", "--format", "json", a); err != nil || !strings.Contains(out, `"id": "talks/1"`) {
		t.Fatalf("build --id: %v\n%s%s", err, out, stderr)
	}
	b := write(t, dir, "b.txt", "Japan met China on Tuesday.")
	if _, stderr, err := run(t, dir, "build", "--published", "1998-02-27", "--id", "talks/1", b); err == nil || !strings.Contains(stderr, `--id "talks/1" is already used by another article`) {
		t.Errorf("build --id of a taken id: %v, %q", err, stderr)
	}
	if _, _, err := run(t, dir, "build", "--id", "x", a, b); err == nil || !strings.Contains(err.Error(), "--id names one article") {
		t.Errorf("build --id with two inputs: %v", err)
	}
}

// build --published on an article already stored re-analyses it and replaces
// the stored analysis, saying so; without it, a stored date that differs from
// the printed one is pointed out.
func TestBuildPublishedReplaces(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, err := run(t, dir, "build", seed); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	out, stderr, err := run(t, dir, "build", "--published", "2018-01-12", "--format", "json", seed)
	if err != nil {
		t.Fatalf("build --published: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "replaced the stored analysis") || !strings.Contains(stderr, "2018-01-12") {
		t.Errorf("stderr %q: want a note that the stored analysis was replaced", stderr)
	}
	docs, _, err := run(t, dir, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(docs, "seed-article  2018-01-12") || strings.Count(docs, "\nseed-article ") != 1 {
		t.Errorf("docs after build --published:\n%s\nwant seed-article once, dated 2018-01-12", docs)
	}
	var printed jsonTimeline
	if err := json.Unmarshal([]byte(out), &printed); err != nil {
		t.Fatal(err)
	}
	stored, _, err := run(t, dir, "query", "--doc", "seed-article", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var st jsonTimeline
	if err := json.Unmarshal([]byte(stored), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Events) != len(printed.Events) {
		t.Errorf("stored %d events, printed %d", len(st.Events), len(printed.Events))
	}
	for i := range min(len(st.Events), len(printed.Events)) {
		if st.Events[i]["earliest"] != printed.Events[i]["earliest"] || st.Events[i]["latest"] != printed.Events[i]["latest"] {
			t.Errorf("event %d: stored %v..%v, printed %v..%v", i, st.Events[i]["earliest"], st.Events[i]["latest"], printed.Events[i]["earliest"], printed.Events[i]["latest"])
		}
	}

	if _, stderr, err := run(t, dir, "build", seed); err != nil || !strings.Contains(stderr, "is stored with publication date 2018-01-12") {
		t.Errorf("build without --published of an article stored with one: %v, stderr %q; want a note", err, stderr)
	}
}

// An open bound reaches the configured horizon (open_horizon, default one
// year) from the known one: a 1997 plan "after the elections" is no event of
// 2018, though it overlaps early 1998.
func TestQueryOpenHorizon(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "plan.txt", "Iraq will meet Iran after the elections.")
	if _, stderr, err := run(t, dir, "ingest", "--published", "1997-03-05", a); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	count := func(args ...string) int {
		t.Helper()
		out, stderr, err := run(t, dir, append([]string{"query", "--format", "jsonl"}, args...)...)
		if err != nil {
			t.Fatalf("query %v: %v\n%s", args, err, stderr)
		}
		return strings.Count(out, `"cameo"`)
	}
	if n := count("--from", "2018-01", "--to", "2018-02"); n != 0 {
		t.Errorf("2018: %d events, want none (the plan is of 1997)", n)
	}
	if n := count("--from", "1998-01", "--to", "1998-02"); n != 1 {
		t.Errorf("early 1998: %d events, want the plan", n)
	}
	writeConfig(t, dir, "open_horizon: 30y\n")
	if n := count("--from", "2018-01", "--to", "2018-02"); n != 1 {
		t.Errorf("2018 with a 30-year horizon: %d events, want the plan", n)
	}
}

// An --out that is not a regular file (a pipe, a device such as /dev/null) is
// written to, never replaced by a file.
func TestOutSpecialFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	if _, stderr, err := run(t, dir, "build", "--format", "csv", "--out", fifo, seed); err != nil {
		t.Fatalf("build --out FIFO: %v\n%s", err, stderr)
	}
	select {
	case b := <-got:
		if !bytes.HasPrefix(b, []byte("earliest,")) {
			t.Errorf("the pipe read %.80q, want the CSV", b)
		}
	case <-time.After(10 * time.Second):
		// Nothing was written to the pipe: release the reader.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Error("nothing was written to the pipe")
	}
	if fi, err := os.Stat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a pipe: %v %v", fifo, fi.Mode(), err)
	}
}

// A pathological article (a run of years with no sentence end) is analysed
// with its work capped, and the warnings name it.
func TestPathologicalArticleWarns(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "years.txt", strings.Repeat("2014 ", 400_000)) // 2 MB
	out, stderr, err := run(t, dir, "build", "--published", "2018-01-01", "--format", "jsonl", p)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	for _, want := range []string{"years.txt (years): warning: a sentence at byte 0 holds more than 50 temporal expressions",
		"years.txt (years): warning: article longer than"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(out, "\n"); n > 1100 {
		t.Errorf("%d lines of output", n)
	}
}

// countingReader yields up to n bytes of a plain-text article and counts what
// was read of it.
type countingReader struct{ read, n int }

func (r *countingReader) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	k := min(len(p), r.n-r.read)
	for i := range k {
		p[i] = "2014 "[(r.read+i)%5]
	}
	r.read += k
	return k, nil
}

// Standard input holding one article is read no further than the article limit.
func TestStdinStopsAtLimit(t *testing.T) {
	dir := t.TempDir()
	in := &countingReader{n: 64 << 20}
	var stdout, stderr bytes.Buffer
	app := NewApp(in, &stdout, &stderr)
	err := app.Run(context.Background(), []string{"--db", filepath.Join(dir, "t.db"), "--config", writeConfig(t, dir, ""), "build", "-"})
	if err == nil || !strings.Contains(stderr.String(), "-: input too large") {
		t.Errorf("err %v, stderr %q: want the input refused as too large", err, stderr.String())
	}
	if in.read > timeline.MaxBodyBytes+1<<20 {
		t.Errorf("read %d bytes of standard input, want no more than the limit (%d) and a buffer", in.read, timeline.MaxBodyBytes)
	}
}

// An interrupt during one large JSON Lines file stops before the next article:
// what was analysed is stored, the rest is not read.
func TestIngestInterruptInsideFile(t *testing.T) {
	dir := t.TempDir()
	var feed strings.Builder
	// More articles than analyzeOn holds analysed (256 results and one per
	// worker): however fast the analysis, the interrupt leaves some unread.
	const n = 1000
	for i := range n {
		fmt.Fprintf(&feed, `{"id":"a%d","body":"Iraq rejected the U.N. demand on Tuesday, talk %d.","published":"1998-02-27"}`+"\n", i, i)
	}
	p := write(t, dir, "feed.jsonl", feed.String())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	app := NewApp(strings.NewReader(""), &stdout, &stderr)
	app.afterEmit = cancel // the interrupt comes once the first article is stored
	err := app.Run(ctx, []string{"--db", filepath.Join(dir, "t.db"), "--config", writeConfig(t, dir, ""), "ingest", p})
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("err %v, want ingest interrupted", err)
	}
	var stored int
	if _, err := fmt.Sscanf(stdout.String()[strings.Index(stdout.String(), "files: ")+len("files: "):], "%d articles stored", &stored); err != nil {
		t.Fatalf("summary %q: %v", stdout.String(), err)
	}
	if stored == 0 || stored >= n {
		t.Errorf("%d articles stored after an interrupt at the first: want some, not all %d", stored, n)
	}
	docs, _, err := run(t, dir, "docs")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(strings.TrimSpace(docs), "\n"); got != stored {
		t.Errorf("%d documents in the database, the summary says %d", got, stored)
	}
}

// An article that is not in English is stored, with a warning naming it.
func TestNotEnglishWarns(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../timeline/language/testdata/fr.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := write(t, dir, "paris.txt", string(src))
	_, stderr, err := run(t, dir, "build", "--published", "2018-01-12", p)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "paris.txt (paris): warning: the text does not look like English") || !strings.Contains(stderr, "French") {
		t.Errorf("stderr %q: want a warning naming the article and French", stderr)
	}
	if docs, _, err := run(t, dir, "docs"); err != nil || !strings.Contains(docs, "\nparis ") {
		t.Errorf("the article is not stored: %v\n%s", err, docs)
	}
}

// --version, docs --format json, and the actors listings.
func TestVersionDocsActors(t *testing.T) {
	dir := t.TempDir()
	out, _, err := run(t, dir, "--version")
	if err != nil || !strings.HasPrefix(out, "timeline ") || !strings.Contains(out, "go1.") {
		t.Errorf("--version = %q, %v", out, err)
	}

	if _, stderr, err := run(t, dir, "ingest", seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err = run(t, dir, "docs", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var docs struct {
		Documents []map[string]any `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("docs --format json is not JSON: %v\n%s", err, out)
	}
	stored, _, err := run(t, dir, "query", "--doc", "seed-article", "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	nevents := float64(strings.Count(stored, `"cameo"`))
	if len(docs.Documents) != 1 || docs.Documents[0]["id"] != "seed-article" || docs.Documents[0]["events"] != nevents || nevents == 0 ||
		docs.Documents[0]["dct_inferred"] != true || len(docs.Documents[0]["sha256"].(string)) != 64 {
		t.Errorf("docs --format json = %v", docs.Documents)
	}

	out, _, err = run(t, dir, "actors", "PRK")
	if err != nil || !strings.Contains(out, "PRK     country      North Korea") || strings.Contains(out, "\nKOR") {
		t.Errorf("actors PRK: %v\n%s", err, out)
	}
	out, _, err = run(t, dir, "actors", "--stored")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "CODE") || !strings.Contains(out, "USAGOV") || !strings.Contains(out, "Donald Trump") {
		t.Errorf("actors --stored:\n%s", out)
	}
	out, _, err = run(t, dir, "actors", "--stored", "--format", "json", "prk")
	var as struct {
		Actors []struct {
			Code           string
			Name           string
			Source, Target int
		}
	}
	if err != nil || json.Unmarshal([]byte(out), &as) != nil || len(as.Actors) == 0 {
		t.Fatalf("actors --stored --format json prk: %v\n%s", err, out)
	}
	for _, x := range as.Actors {
		if !strings.HasPrefix(x.Code, "PRK") || x.Source+x.Target == 0 {
			t.Errorf("actor %+v: want a PRK code with events", x)
		}
	}
	if _, _, err := run(t, dir, "docs", "--format", "csv"); err == nil || !strings.Contains(err.Error(), `unknown format "csv"`) {
		t.Errorf("docs --format csv: %v", err)
	}
}
