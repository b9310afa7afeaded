// Command baselines produces the system side of the date-resolution baselines
// the README compares with, as TimeML files that `timeline eval timex GOLD DIR`
// scores like our own:
//
//	go run ./timeline/eval/baselines when GOLD OUT      # raw olebedev/when
//	go run ./timeline/eval/baselines dump GOLD > docs.jsonl
//	go run ./timeline/eval/baselines import GOLD spans.jsonl OUT
//
// "when" runs github.com/olebedev/when (its English and common rules, as
// shipped) over each gold text with the file's DCT, taking every match in
// turn; a match is a DATE valued at the day it names, or a TIME when it has a
// clock time. "dump" and "import" let a tagger in another language take part:
// dump writes each gold text with its DCT, one JSON object a line ({"path",
// "dct", "body"}); the tagger writes, for each, {"path", "timexes": [{"start",
// "end", "type", "value"}]} with byte offsets into body; import turns that into
// TimeML. chrono/ holds such a tagger for chrono-node.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/olebedev/when"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/eval"
	"github.com/timelinehq/timeline/timeline/timeml"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "baselines:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: baselines when GOLD OUT | dump GOLD | import GOLD SPANS OUT")
	}
	need := map[string]int{"when": 3, "dump": 2, "import": 4}
	if n, ok := need[args[0]]; !ok || len(args) != n {
		return fmt.Errorf("usage: baselines when GOLD OUT | dump GOLD | import GOLD SPANS OUT")
	}
	gold, _, err := eval.LoadTimexDocs(args[1], "gold")
	if err != nil {
		return err
	}
	switch args[0] {
	case "when":
		return write(gold, args[2], whenTimexes)
	case "dump":
		enc := json.NewEncoder(os.Stdout)
		for _, g := range gold {
			d := g.Document()
			if err := enc.Encode(map[string]string{"path": g.Path, "dct": timeline.FormatDay(d.DCT), "body": d.Body}); err != nil {
				return err
			}
		}
		return nil
	default:
		spans, err := readSpans(args[2])
		if err != nil {
			return err
		}
		return write(gold, args[3], func(d timeline.Document) []timeline.Timex { return spans[d.Path] })
	}
}

// write tags each gold document with tag and writes it as TimeML into out.
func write(gold []*eval.TimexDoc, out string, tag func(timeline.Document) []timeline.Timex) error {
	if err := os.MkdirAll(out, 0o777); err != nil {
		return err
	}
	for _, g := range gold {
		d := g.Document()
		var buf bytes.Buffer
		if err := timeml.Write(&buf, &d, tag(d)); err != nil {
			return fmt.Errorf("%s: %w", g.Path, err)
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(g.Path)), buf.Bytes(), 0o666); err != nil {
			return err
		}
	}
	return nil
}

// whenTimexes runs when over the body, one match after the other.
func whenTimexes(d timeline.Document) []timeline.Timex {
	ref := d.DCT
	if ref.IsZero() {
		ref = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var out []timeline.Timex
	for off := 0; off < len(d.Body); {
		r, err := when.EN.Parse(d.Body[off:], ref)
		if err != nil || r == nil {
			if err == nil {
				break // no more matches
			}
			// when fails on some inputs: go on after the next space.
			next := strings.IndexByte(d.Body[off:], ' ')
			if next < 0 {
				break
			}
			off += next + 1
			continue
		}
		start := off + r.Index
		end := start + len(r.Text)
		if end > len(d.Body) || !utf8.ValidString(d.Body[start:end]) {
			break
		}
		typ, value := "DATE", r.Time.Format("2006-01-02")
		if h, m, s := r.Time.Clock(); h != 0 || m != 0 || s != 0 {
			typ, value = "TIME", r.Time.Format("2006-01-02T15:04")
		}
		out = append(out, timeline.Timex{ID: "t" + strconv.Itoa(len(out)+1), Span: timeline.Span{Start: start, End: end},
			Text: d.Body[start:end], Type: typ, Value: value})
		off = end
	}
	return out
}

// readSpans reads the timexes another tagger found, by gold path.
func readSpans(path string) (map[string][]timeline.Timex, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := make(map[string][]timeline.Timex)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			Path    string `json:"path"`
			Timexes []struct {
				Start, End  int
				Type, Value string
			} `json:"timexes"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		for _, t := range rec.Timexes {
			out[rec.Path] = append(out[rec.Path], timeline.Timex{ID: "t" + strconv.Itoa(len(out[rec.Path])+1),
				Span: timeline.Span{Start: t.Start, End: t.End}, Type: t.Type, Value: t.Value})
		}
	}
	return out, sc.Err()
}
