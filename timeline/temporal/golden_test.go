package temporal

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenTimex is the part of a Timex a golden file pins down.
type goldenTimex struct {
	Text        string `json:"text"`
	Start       int    `json:"start"`
	Type        string `json:"type"`
	Value       string `json:"value"`
	Mod         string `json:"mod,omitempty"`
	Earliest    string `json:"earliest,omitempty"`
	Latest      string `json:"latest,omitempty"`
	Granularity string `json:"granularity,omitempty"`
	Anchor      string `json:"anchor,omitempty"`
	Interval    string `json:"interval,omitempty"`
	Signal      string `json:"signal,omitempty"`
}

// TestGolden tags each testdata/golden/*.txt (first line "DCT: YYYY-MM-DD" or
// "DCT:" for none) and compares with the .golden file beside it, one JSON
// object a line. Run with -update to accept new output after reviewing it.
func TestGolden(t *testing.T) {
	tg := mustTagger(t)
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			head, body, _ := strings.Cut(string(raw), "\n")
			dct := day(strings.TrimSpace(strings.TrimPrefix(head, "DCT:")))
			var got []string
			for _, x := range tg.Tag(body, dct) {
				b, err := json.Marshal(goldenTimex{
					Text: x.Text, Start: x.Span.Start, Type: x.Type, Value: x.Value, Mod: x.Mod,
					Earliest: timeline.FormatDay(x.Earliest), Latest: timeline.FormatDay(x.Latest),
					Granularity: string(x.Granularity), Anchor: string(x.Anchor), Interval: x.Interval, Signal: x.Signal,
				})
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, string(b))
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			fh, err := os.Open(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			defer fh.Close()
			var want []string
			sc := bufio.NewScanner(fh)
			for sc.Scan() {
				if l := strings.TrimSpace(sc.Text()); l != "" {
					want = append(want, l)
				}
			}
			for i := 0; i < max(len(got), len(want)); i++ {
				var g, w string
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Errorf("timex %d:\n got  %s\n want %s", i+1, g, w)
				}
			}
		})
	}
}
