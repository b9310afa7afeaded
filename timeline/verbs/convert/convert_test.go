package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConvert converts testdata/src/CAMEO.2.0.txt and compares the result with
// testdata/want, checked by hand: "FREEZE" with its listed forms, "+CRACK_DOWN"
// with its head "crack" and the comma-separated forms, "WIRE_+TAP" with the
// head "tap" and PETRARCH's regular forms, a ";" comment dropped, the repeated
// pattern, the pattern of an undefined synset and the unbalanced one dropped,
// "*SCEPTICAL" split, "080!" read as 080, unused synsets left out, the "~"
// transformation not converted. A second run gives the same bytes.
func TestConvert(t *testing.T) {
	var first []byte
	for i := 0; i < 2; i++ {
		dir := t.TempDir()
		if err := run("testdata/src", dir, io.Discard); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"cameo-verbs.tsv", "CAMEO-LICENSE"} {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join("testdata/want", name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from testdata/want:\n%s", name, got)
			}
			if name == "cameo-verbs.tsv" {
				if first != nil && !bytes.Equal(first, got) {
					t.Error("a second run gives other bytes")
				}
				first = got
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"no license", "####### VERB PATTERNS #######\n---  A   [010]  ---\nA\n", "no license"},
		{"synonym", "+MONEY\n", "outside a synset"},
		{"verb before block", "####### VERB PATTERNS #######\nFREEZE\n", "before any block"},
		{"pattern before block", "####### VERB PATTERNS #######\n- * AID [162]\n", "before any block"},
		{"header", "####### VERB PATTERNS #######\n---  A  ---\n", "bad block header"},
		{"block code", "####### VERB PATTERNS #######\n---  A   [999]  ---\n", "bad code"},
		{"verb", "####### VERB PATTERNS #######\n---  A   [010]  ---\nA B\n", "want one phrase"},
		{"forms", "####### VERB PATTERNS #######\n---  A   [010]  ---\nA }{\n", "unclosed"},
	} {
		_, err := parse("t", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestCameoCode(t *testing.T) {
	for in, want := range map[string]string{
		"162": "162", "042:043": "042:043", ":173": ":173", "---": "---", "080!": "080", " 0231 ": "0231",
		"999": "", "21": "", "1": "", "12345": "", ":": "", "1x2": "",
	} {
		got, ok := cameoCode(in)
		if want == "" && ok || want != "" && got != want {
			t.Errorf("cameoCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestVerbForms(t *testing.T) {
	for v, want := range map[string]string{
		"freeze": "freezes|freezed|freezing", "ask": "asks|asked|asking", "deny": "denies|denied|denying",
		"push": "pushes|pushed|pushing", "see": "sees|seed|seeing", "stay": "stays|stayed|staying",
	} {
		if got := strings.Join(verbForms(v), "|"); got != want {
			t.Errorf("verbForms(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestDataUpToDate converts the dictionary of the shared directory again and
// compares the result with the embedded table (../data).
func TestDataUpToDate(t *testing.T) {
	src := "../../../../shared/lexicons/petrarch2"
	if _, err := os.Stat(filepath.Join(src, source)); err != nil {
		t.Skipf("no %s in %s: the shared directory is absent", source, src)
	}
	dir := t.TempDir()
	if err := run(src, dir, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cameo-verbs.tsv", "CAMEO-LICENSE"} {
		got, _ := os.ReadFile(filepath.Join(dir, name))
		want, err := os.ReadFile(filepath.Join("../data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s is not what the converter gives: run go generate ./timeline/verbs", name)
		}
	}
}
