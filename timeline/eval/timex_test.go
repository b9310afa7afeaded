package eval

import (
	"path/filepath"
	"strings"
	"testing"
)

// The hand-made case in testdata/timex:
//
//	D1 gold:   "Friday" DATE 1998-03-06, "two weeks" DURATION P2W, "5 March 1998" DATE
//	D1 system: "The" (spurious), "on Friday" (overlaps "Friday": relaxed, not strict,
//	           type and value right), "two weeks" P1W (strict, value wrong); the third
//	           gold timex is missed. The DCT and the EVENT are not scored.
//	           gold 3, system 3, relaxed 2, strict 1, type 2, value 1.
//	D2: no timex on either side: gold 0, system 0 (all figures 1 for the document).
//	D3: no system file: gold 1, system 0, scored as empty (a warning).
//
// Totals: gold 4, system 3, relaxed 2, strict 1, type 2, value 1.
//
//	strict  P = 1/3, R = 1/4, F1 = 2·(1/3)(1/4) / (1/3 + 1/4) = (1/6)/(7/12) = 2/7 = 28.57%
//	relaxed P = 2/3, R = 2/4, F1 = 2·(2/3)(1/2) / (2/3 + 1/2) = (2/3)/(7/6) = 4/7 = 57.14%
//	value accuracy 1/2 = 50%, value F1 = 1/2 · 4/7 = 2/7 = 28.57%
//	type accuracy 2/2 = 100%, type F1 = 4/7 = 57.14%
//
// Per document, D1: strict F1 = 1/3 = 33.33, relaxed F1 = 2/3 = 66.67, value F1 =
// 1/2 · 2/3 = 33.33, value accuracy 50.00, type F1 = 66.67; D2 all 100.00; D3 all 0.00.
const handText = `document                                  gold   sys  strF1  relF1  valF1 valAcc  typF1
D1                                           3     3  33.33  66.67  33.33  50.00  66.67
D2                                           0     0 100.00 100.00 100.00 100.00 100.00
D3                                           1     0   0.00   0.00   0.00   0.00   0.00

documents 3   gold timex 4   system timex 3   relaxed matches 2   strict matches 1
=== Timex Performance ===
Strict Match	F1	P	R
		28.57	33.33	25.00
Relaxed Match	F1	P	R
		57.14	66.67	50.00
Attribute F1	Value	Type
		28.57	57.14
Attribute Acc	Value	Type
		50.00	100.00
`

func TestScoreTimexByHand(t *testing.T) {
	pairs, warnings, err := LoadTimexPairs("testdata/timex/gold", "testdata/timex/system")
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("load warnings: %v", warnings)
	}
	rep := ScoreTimex(pairs)
	if want := (TimexCounts{Gold: 4, System: 3, Relaxed: 2, Strict: 1, Type: 2, Value: 1}); rep.Total != want {
		t.Errorf("total %+v, want %+v", rep.Total, want)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "no system file for D3") {
		t.Errorf("warnings %v, want one for D3", rep.Warnings)
	}
	var b strings.Builder
	if err := rep.WriteText(&b, true); err != nil {
		t.Fatal(err)
	}
	compareLines(t, b.String(), handText)

	b.Reset()
	if err := rep.WriteErrors(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	wantKinds := []string{"D1\tspurious\tgold -\tsystem \"The\"", "D1\tvalue\tgold \"two weeks\" DURATION P2W",
		"D1\tmissed\tgold \"5 March 1998\"", "D3\tmissed\tgold \"yesterday\""}
	if len(lines) != len(wantKinds) {
		t.Fatalf("errors:\n%s\nwant %d lines", b.String(), len(wantKinds))
	}
	for i, w := range wantKinds {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error line %d: %q, want prefix %q", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[3], "It rained yesterday.") {
		t.Errorf("no context in %q", lines[3])
	}
}

// TestScoreTimexByHandReference checks the hand-made case against te3score.py too.
func TestScoreTimexByHandReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	out, _ := runPython(t, py, filepath.Join(shared, "tools", "te3score.py"), "testdata/timex/gold", "testdata/timex/system", "--per-doc")
	compareLines(t, handText, string(out))
}

func TestPairTimexDocs(t *testing.T) {
	doc := func(path, id string) *TimexDoc { return &TimexDoc{Path: path, DocID: id} }
	tests := []struct {
		name     string
		gold     []*TimexDoc
		sys      []*TimexDoc
		want     []string // system path paired with each gold document, "" for none
		unpaired int
	}{
		{"by DOCID", []*TimexDoc{doc("g/a.tml", "A")}, []*TimexDoc{doc("s/zzz.xml", "A")}, []string{"s/zzz.xml"}, 0},
		{"by base name", []*TimexDoc{doc("g/a.tml", "")}, []*TimexDoc{doc("s/a.tml.TE3input.tml", "")}, []string{"s/a.tml.TE3input.tml"}, 0},
		{"by unique prefix", []*TimexDoc{doc("g/APW1.tml", "")}, []*TimexDoc{doc("s/APW1-out.txt", ""), doc("s/B.tml", "")}, []string{"s/APW1-out.txt"}, 1},
		{"ambiguous prefix", []*TimexDoc{doc("g/A.tml", "")}, []*TimexDoc{doc("s/A1.tml", ""), doc("s/A2.tml", "")}, []string{""}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pairs, unpaired := PairTimexDocs(tt.gold, tt.sys)
			for i, p := range pairs {
				got := ""
				if p.System != nil {
					got = p.System.Path
				}
				if got != tt.want[i] {
					t.Errorf("gold %s paired with %q, want %q", p.Gold.Path, got, tt.want[i])
				}
			}
			if len(unpaired) != tt.unpaired {
				t.Errorf("%d unpaired, want %d", len(unpaired), tt.unpaired)
			}
		})
	}
}
