package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/timelinehq/timeline/timeline/conllu"
)

func readConllu(t *testing.T, path string) []conllu.Sentence {
	t.Helper()
	s, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The system file differs from the gold in one UPOS, one XPOS, one lemma, one
// head and one relation, and in a relation's subtype, which LAS ignores.
func TestScoreParse(t *testing.T) {
	gold := readConllu(t, "testdata/parse/gold.conllu")
	sys := readConllu(t, "testdata/parse/system.conllu")
	s, err := ScoreParse(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	want := ParseScore{Words: 16, UPOS: 15, XPOS: 15, Lemma: 15, UAS: 15, LAS: 14}
	if s != want {
		t.Errorf("got %+v, want %+v", s, want)
	}
	var buf bytes.Buffer
	if err := s.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if line := "UPOS 0.9375 XPOS 0.9375 Lemma 0.9375 UAS 0.9375 LAS 0.8750 (16 words)\n"; buf.String() != line {
		t.Errorf("got %q, want %q", buf.String(), line)
	}
}

func TestScoreParseMismatch(t *testing.T) {
	gold := readConllu(t, "testdata/parse/gold.conllu")
	if _, err := ScoreParse(gold, gold[:1]); err == nil || err.Error() != "sentence counts differ: gold 2, system 1" {
		t.Errorf("got %v", err)
	}
	other := readConllu(t, "testdata/parse/gold.conllu")
	other[1].Rows[0].Form = "Lee"
	if _, err := ScoreParse(gold, other); err == nil || err.Error() != "sentence 2: the words differ" {
		t.Errorf("got %v", err)
	}
	if _, err := ScoreParse(nil, nil); err == nil {
		t.Error("no error for no words")
	}
}

// TestScoreParseAgainstReference compares the figures with udscore.py's on
// randomly damaged copies of a gold file.
func TestScoreParseAgainstReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	goldPath := filepath.Join(shared, "corpora/ud-ewt/en_ewt-ud-dev.conllu")
	if _, err := os.Stat(goldPath); err != nil {
		t.Skipf("EWT dev not found: %v", err)
	}
	gold := readConllu(t, goldPath)
	r := rand.New(rand.NewSource(3))
	for trial := range 3 {
		sys := readConllu(t, goldPath)
		for si := range sys {
			for i := range sys[si].Rows {
				row := &sys[si].Rows[i]
				if !row.IsWord() {
					continue
				}
				switch r.Intn(12) {
				case 0:
					row.UPOS = "X"
				case 1:
					row.XPOS = "FW"
				case 2:
					row.Lemma = "x"
				case 3:
					row.Head = strconv.Itoa(r.Intn(5))
				case 4:
					row.Deprel = "dep"
				case 5:
					row.Deprel += ":sub"
				}
			}
		}
		got, err := ScoreParse(gold, sys)
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "sys.conllu")
		var buf bytes.Buffer
		if err := conllu.Write(&buf, sys); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr := runPython(t, py, filepath.Join(shared, "tools/udscore.py"), goldPath, f, "--json")
		var want map[string]float64
		if err := json.Unmarshal(stdout, &want); err != nil {
			t.Fatalf("udscore.py: %v\n%s", err, stderr)
		}
		for k, v := range map[string]float64{
			"upos": got.ratio(got.UPOS), "xpos": got.ratio(got.XPOS), "lemma": got.ratio(got.Lemma),
			"uas": got.ratio(got.UAS), "las": got.ratio(got.LAS), "words": float64(got.Words),
		} {
			if math.Abs(v-want[k]) > 1e-12 {
				t.Errorf("trial %d: %s %v, udscore.py %v", trial, k, v, want[k])
			}
		}
	}
}
