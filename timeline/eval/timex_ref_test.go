package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestTimexGoldAgainstItself scores the TBAQ gold against itself: every figure
// is 1.
func TestTimexGoldAgainstItself(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpora", "tbaq")
	pairs, warnings, err := LoadTimexPairs(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	rep := ScoreTimex(pairs)
	if len(warnings)+len(rep.Warnings)+len(rep.Errors) != 0 {
		t.Errorf("warnings %v %v errors %v", warnings, rep.Warnings, rep.Errors)
	}
	if len(rep.Documents) != 256 || rep.Total.Gold == 0 {
		t.Fatalf("%d documents, %d gold timexes", len(rep.Documents), rep.Total.Gold)
	}
	if m := rep.Total.Metrics(); m != (TimexMetrics{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}) {
		t.Errorf("gold against itself: %+v", m)
	}
}

// TestTimexAgainstReference scores the TBAQ gold against a perturbed copy and
// checks the figures, the text output and the warnings are te3score.py's.
func TestTimexAgainstReference(t *testing.T) {
	shared := sharedDir(t)
	py := python(t)
	goldDir := filepath.Join(shared, "corpora", "tbaq")
	sysDir := t.TempDir()
	perturbCorpus(t, goldDir, sysDir)

	pairs, warnings, err := LoadTimexPairs(goldDir, sysDir)
	if err != nil {
		t.Fatal(err)
	}
	rep := ScoreTimex(pairs)
	script := filepath.Join(shared, "tools", "te3score.py")

	// Figures, document by document.
	out, _ := runPython(t, py, script, goldDir, sysDir, "--json", "--per-doc")
	var want struct {
		Total     map[string]any   `json:"total"`
		Documents []map[string]any `json:"documents"`
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("te3score.py output: %v\n%s", err, out)
	}
	var buf strings.Builder
	if err := rep.WriteJSON(&buf, true); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Total     map[string]any   `json:"total"`
		Documents []map[string]any `json:"documents"`
	}
	if err := json.Unmarshal([]byte(buf.String()), &got); err != nil {
		t.Fatal(err)
	}
	compareFigures(t, "total", got.Total, want.Total)
	if len(got.Documents) != len(want.Documents) {
		t.Fatalf("%d documents scored, te3score.py %d", len(got.Documents), len(want.Documents))
	}
	for i := range want.Documents {
		compareFigures(t, fmt.Sprint(want.Documents[i]["doc"]), got.Documents[i], want.Documents[i])
	}
	if rep.Total.Relaxed == rep.Total.Gold || rep.Total.Value == rep.Total.Relaxed || rep.Total.Strict == rep.Total.Relaxed {
		t.Errorf("perturbation too weak: %+v", rep.Total)
	}
	t.Logf("perturbed TBAQ: %+v", rep.Total)

	// The text layout, line by line.
	outText, stderr := runPython(t, py, script, goldDir, sysDir, "--per-doc")
	var text strings.Builder
	if err := rep.WriteText(&text, true); err != nil {
		t.Fatal(err)
	}
	compareLines(t, text.String(), string(outText))

	// The warnings and errors, as sets.
	gotMsgs := append(append(warnings, rep.Warnings...), rep.Errors...)
	wantMsgs := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	sort.Strings(gotMsgs)
	sort.Strings(wantMsgs)
	if strings.Join(gotMsgs, "\n") != strings.Join(wantMsgs, "\n") {
		t.Errorf("messages:\n%s\nte3score.py:\n%s", strings.Join(gotMsgs, "\n"), strings.Join(wantMsgs, "\n"))
	}
}

func compareFigures(t *testing.T, name string, got, want map[string]any) {
	t.Helper()
	for k, w := range want {
		g := got[k]
		wf, wok := w.(float64)
		gf, gok := g.(float64)
		if wok && gok {
			if math.Abs(wf-gf) > 1e-12 {
				t.Errorf("%s: %s = %v, te3score.py %v", name, k, gf, wf)
			}
			continue
		}
		if fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s: %s = %v, te3score.py %v", name, k, g, w)
		}
	}
}

func compareLines(t *testing.T, got, want string) {
	t.Helper()
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("line %d:\n got %q\nwant %q", i+1, g, w)
			return
		}
	}
}

var (
	reRawTag   = regexp.MustCompile(`<[^>]*>`)
	reTimexVal = regexp.MustCompile(`value="[^"]*"`)
	reTimexTyp = regexp.MustCompile(`type="[^"]*"`)
	reYear     = regexp.MustCompile(`\b(1[89][0-9][0-9]|week|month|today|percent|people|Mr\.|U\.S\.)`)
)

// perturbCorpus writes a system copy of every TimeML file under goldDir into
// sysDir with errors of every kind a tagger makes: every third timex dropped,
// some values and types changed, some extents widened or narrowed, spurious
// timexes added. Some files lose their DOCID and are renamed (paired by file
// name), one is left out (scored as empty), one has its text changed (skipped).
func perturbCorpus(t *testing.T, goldDir, sysDir string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(goldDir, "*", "*.tml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no gold files under %s: %v", goldDir, err)
	}
	sort.Strings(paths)
	k := 0 // timex counter over the corpus
	for n, p := range paths {
		if n == 5 {
			continue // no system file
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		open, end := strings.Index(s, "<TEXT>")+len("<TEXT>"), strings.LastIndex(s, "</TEXT>")
		text := perturbText(s[open:end], &k)
		if n == 7 {
			text = strings.Replace(text, "the", "teh", 1)
		}
		s = s[:open] + text + s[end:]
		name := filepath.Base(p)
		if n%10 == 3 {
			s = regexp.MustCompile(`<DOCID>.*?</DOCID>`).ReplaceAllString(s, "")
			name += ".TE3input"
		}
		if err := os.WriteFile(filepath.Join(sysDir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func perturbText(text string, k *int) string {
	var b strings.Builder
	pos := 0
	depth := 0 // open TIMEX3 and EVENT elements
	var dropping []bool
	spurious := 0
	for _, m := range reRawTag.FindAllStringIndex(text, -1) {
		seg := text[pos:m[0]]
		if depth == 0 && spurious < 3 {
			if loc := reYear.FindStringIndex(seg); loc != nil {
				seg = seg[:loc[0]] + `<TIMEX3 tid="t900" type="DATE" value="XXXX">` + seg[loc[0]:loc[1]] + "</TIMEX3>" + seg[loc[1]:]
				spurious++
			}
		}
		b.WriteString(seg)
		tag := text[m[0]:m[1]]
		pos = m[1]
		switch {
		case strings.HasPrefix(tag, "<TIMEX3"):
			*k++
			depth++
			drop := *k%3 == 2
			dropping = append(dropping, drop)
			if drop {
				continue
			}
			if *k%5 == 0 {
				tag = reTimexVal.ReplaceAllString(tag, `value="PRESENT_REF"`)
			}
			if *k%7 == 3 {
				tag = reTimexTyp.ReplaceAllString(tag, `type="DURATION"`)
			}
			b.WriteString(tag)
			// Narrow: move the first word of the content before the tag.
			if *k%11 == 4 {
				rest := text[pos:]
				if i := strings.IndexAny(rest, " <"); i > 0 && rest[i] == ' ' {
					s := b.String()
					b.Reset()
					b.WriteString(s[:len(s)-len(tag)] + rest[:i+1] + tag)
					pos += i + 1
				}
			}
		case tag == "</TIMEX3>":
			depth--
			drop := len(dropping) > 0 && dropping[len(dropping)-1]
			if len(dropping) > 0 {
				dropping = dropping[:len(dropping)-1]
			}
			if drop {
				continue
			}
			// Widen: take the next word in.
			if *k%13 == 6 {
				rest := text[pos:]
				if i := strings.IndexAny(rest, " <"); i > 0 {
					b.WriteString(rest[:i])
					pos += i
				}
			}
			b.WriteString(tag)
		case strings.HasPrefix(tag, "<EVENT"):
			depth++
			b.WriteString(tag)
		case tag == "</EVENT>":
			depth--
			b.WriteString(tag)
		default:
			b.WriteString(tag)
		}
	}
	b.WriteString(text[pos:])
	return b.String()
}
