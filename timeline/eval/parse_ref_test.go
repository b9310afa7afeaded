package eval

import (
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// TestParseAgainstReference compares the plain text and the TIMEX3/EVENT elements
// (offsets, raw content, nesting) with te3score.py's _parse_text on random tag
// soup: nested, unclosed and stray tags, entities known, unknown and numeric.
func TestParseAgainstReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	alpha := []string{`<TIMEX3 tid="t1" type="DATE" value="1998">`, "</TIMEX3>", `<EVENT eid="e1">`, "</EVENT>",
		"<SIGNAL>", "</SIGNAL>", "</X>", "<TIMEX3/>", "<br/>", "<a b='>'>", "&amp;", "&quot;", "&#0;", "&#1;",
		"&#x80;", "&#13;", "&bogus;", "&eacute;", "&ampx;", "&", "<", ">", "a", " ", "\n", "Zürich", "İ", "1998", ";"}
	r := rand.New(rand.NewSource(2))
	texts := make([]string, 3000)
	for i := range texts {
		for range 1 + r.Intn(25) {
			texts[i] += alpha[r.Intn(len(alpha))]
		}
	}
	in, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(f, in, 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `
import sys, json
sys.path.insert(0, sys.argv[1])
import te3score as T
out = []
for s in json.load(open(sys.argv[2])):
    plain, els = T.Doc._parse_text(s)
    out.append({"plain": plain, "elements": [[e.kind, e.start, e.end, e.raw, e.nested] for e in els]})
print(json.dumps(out))
`
	stdout, stderr := runPython(t, py, "-c", script, filepath.Join(shared, "tools"), f)
	var want []struct {
		Plain    string  `json:"plain"`
		Elements [][]any `json:"elements"`
	}
	if err := json.Unmarshal(stdout, &want); err != nil {
		t.Fatalf("reference output: %v\n%s", err, stderr)
	}
	for i, s := range texts {
		d, err := ParseTimexDoc("x.tml", []byte("<TEXT>"+s+"</TEXT>"))
		if err != nil {
			t.Fatal(err)
		}
		var got [][]any
		for _, el := range d.elems {
			got = append(got, []any{el.kind, float64(el.start), float64(el.end), el.raw, el.nested})
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want[i].Elements)
		if len(got) == 0 && len(want[i].Elements) == 0 {
			gj, wj = nil, nil
		}
		if d.Text != want[i].Plain || string(gj) != string(wj) {
			t.Errorf("%q:\n got %q %s\nwant %q %s", s, d.Text, gj, want[i].Plain, wj)
		}
	}
}
