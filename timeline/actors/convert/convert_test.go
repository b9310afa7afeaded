package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyDir copies the hand-written tables of testdata/data to a temporary
// directory the converter may write into.
func copyDir(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(from, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestConvert converts the small Phoenix files of testdata/src and compares
// the tables with testdata/want, checked by hand against the rules: Karzai's
// term without his elite years, "Karzai" alone dropped, "President Hamid Karzai"
// the same name; Abdul Qadir and Nur Mohammad Taraki two people of one record;
// a 7-digit date dropped; Kandahar (a city) and Nice (an English word) no
// places; the three-letter acronym of an institution dropped; companies and
// NGOs of no country dropped; UNITA's slip ANG read as Angola; agent plurals
// not doubled ("armed forces"), a singular the hand-written roles leave out
// ("soldier") left out, a profession (teacher) and an act (insurgency)
// dropped. A second run gives the same bytes.
func TestConvert(t *testing.T) {
	var first map[string][]byte
	for run := 0; run < 2; run++ {
		dir := copyDir(t, "testdata/data")
		if err := runConvert(t, dir); err != nil {
			t.Fatal(err)
		}
		wants, _ := filepath.Glob("testdata/want/*")
		got := map[string][]byte{}
		for _, w := range wants {
			name := filepath.Base(w)
			g, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got[name] = g
			want, _ := os.ReadFile(w)
			if !bytes.Equal(g, want) {
				t.Errorf("%s differs from testdata/want:\n%s", name, g)
			}
		}
		if first == nil {
			first = got
			continue
		}
		for name, g := range got {
			if !bytes.Equal(g, first[name]) {
				t.Errorf("%s: a second run gives other bytes", name)
			}
		}
	}
}

func runConvert(t *testing.T, dir string) error {
	t.Helper()
	return run("testdata/src", "testdata/ewt", dir, false, io.Discard)
}

func TestConvertErrors(t *testing.T) {
	dir := copyDir(t, "testdata/data")
	if err := run("testdata/nowhere", "testdata/ewt", dir, false, io.Discard); err == nil {
		t.Error("no error for a missing source directory")
	}
	if err := run("testdata/src", "testdata/nowhere", dir, false, io.Discard); err == nil || !strings.Contains(err.Error(), ".conllu") {
		t.Errorf("missing treebank: err = %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "titles.tsv"), []byte("office\trole\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run("testdata/src", "testdata/ewt", dir, false, io.Discard); err == nil || !strings.Contains(err.Error(), "header") {
		t.Errorf("bad table: err = %v", err)
	}
}

func TestPhoenixDate(t *testing.T) {
	for s, want := range map[string]string{
		"090120": "2009-01-20", "300101": "2030-01-01", "310101": "1931-01-01", "19411207": "1941-12-07",
		"2004017": "", "090230": "", "12345": "", "0901200": "", "09012a": "",
	} {
		got, err := phoenixDate(s)
		switch {
		case want == "" && err == nil:
			t.Errorf("phoenixDate(%q) = %v, want an error", s, got)
		case want != "" && (err != nil || got.Format(time.DateOnly) != want):
			t.Errorf("phoenixDate(%q) = %v, %v; want %s", s, got, err, want)
		}
	}
}

func TestRestrictions(t *testing.T) {
	rs, warns := restrictions("KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI] [EGYGOV > 140608] [X <900823] [Y 950101-940101]", "t")
	if len(rs) != 4 || len(warns) != 1 {
		t.Fatalf("got %+v, warnings %v", rs, warns)
	}
	if rs[0].code != "IGOUNO" || rs[0].from.Year() != 1997 || rs[0].to.Year() != 2006 || !rs[0].dated {
		t.Errorf("range: %+v", rs[0])
	}
	if rs[1].code != "ELI" || rs[1].dated {
		t.Errorf("default: %+v", rs[1])
	}
	if rs[2].from.Year() != 2014 || !rs[2].to.IsZero() {
		t.Errorf("open end with a blank: %+v", rs[2])
	}
	if !rs[3].from.IsZero() || rs[3].to.Year() != 1990 {
		t.Errorf("before: %+v", rs[3])
	}
}

func TestParseActors(t *testing.T) {
	in := "A_B_ [AFG] # comment\n+C_D+E_F\n\t[AFGGOV 010101-020202]\n\tG_H_\t[AFGGOV]\n"
	recs, _, err := parseActors("t", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(recs[0].names) != 3 || len(recs[0].res) != 2 || recs[1].names[0] != "G_H_" {
		t.Fatalf("got %+v", recs)
	}
	for _, bad := range []string{"+A_B\n", "\t[AFG]\n"} {
		if _, _, err := parseActors("t", strings.NewReader(bad)); err == nil {
			t.Errorf("parseActors(%q): no error", bad)
		}
	}
}

func TestWritten(t *testing.T) {
	common := map[string]bool{"mission": true}
	for _, tt := range []struct {
		raw      string
		acronyms bool
		want     string
	}{
		{"KOFI_ATTA_ANNAN_", false, "Kofi Atta Annan"},
		{"MUHAMMAD_AL-BARADEI", false, "Muhammad al-Baradei"},
		{"AL-SHABAAB", true, "Al-Shabaab"},
		{"JOHN_MCCAIN", false, "John McCain"},
		{"MIGUEL_D'ESCOTO_BROCKMANN_", false, "Miguel D'Escoto Brockmann"},
		{"J._MARK_A._HERDMAN_", false, "J. Mark A. Herdman"},
		{"POPE_JOHN_PAUL_II", false, "Pope John Paul II"},
		{"UN_MISSION_IN_SUDAN_", true, "UN Mission in Sudan"},
		{"NATO_", true, "NATO"},
		{"MNLF", true, "MNLF"},
		{"ARMY_OF_GOD", true, "Army of God"},
	} {
		words, ok := phraseWords(tt.raw)
		if !ok {
			t.Errorf("phraseWords(%q) not ok", tt.raw)
			continue
		}
		if got := written(words, tt.acronyms, common); got != tt.want {
			t.Errorf("written(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
	for _, raw := range []string{"VIRGIN_ISLANDS,_BRITISH_", "F-16", "EC/UNFPA", "_", "(AAIA)"} {
		if _, ok := phraseWords(raw); ok {
			t.Errorf("phraseWords(%q) ok, want not a plain name", raw)
		}
	}
}

func TestMapCode(t *testing.T) {
	ru, err := loadRules("testdata/data", "testdata/ewt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		raw, code string
		kind      codeKind
	}{
		{"AFG", "AFG", kCountry},
		{"USAGOV", "USAGOV", kRole},
		{"AFGGOVBUS", "AFGGOV", kRole}, // a finance minister is GOV
		{"AFGGOVLEG", "AFGLEG", kRole}, // a legislator is LEG
		{"AFGCOP", "AFGGOV", kRole},    // police
		{"AFGUAF", "AFGREB", kRole},    // unaffiliated armed forces
		{"USRGOV", "RUSGOV", kRole},    // the Soviet Union as countries.tsv codes it
		{"ANGREB", "AGOREB", kRole},    // Phoenix's slip for Angola
		{"MEAREB", "", kDrop},          // a region (a group of it is coded null)
		{"AFGELI", "", kOut},
		{"AFGCRM", "", kDrop},
		{"GBRVGBGOV", "", kDrop}, // a territory
		{"IGOWSTNAT", "IGONATO", kIGO},
		{"IGOUNOIAE", "IGOIAEA", kIGO},
		{"IGOUNOKID", "IGOUNO", kIGO},
		{"NGOUSAHRI", "USACVL", kRole},
		{"NGOHRIAMN", "", kDrop},
		{"MNCUSA", "", kDrop},
		{"IMGMUSALQ", "", kStateless},
		{"---", "", kDrop},
	} {
		code, kind := ru.mapCode(tt.raw, nil)
		if code != tt.code || kind != tt.kind {
			t.Errorf("mapCode(%s) = %q, %d; want %q, %d", tt.raw, code, kind, tt.code, tt.kind)
		}
	}
	if code, kind := ru.mapCode("IGOXYZ", []string{"SAARC_"}); code != "IGOSAARC" || kind != kIGO {
		t.Errorf("an unknown IGO code with an acronym: %q %d", code, kind)
	}
}

func TestAgents(t *testing.T) {
	subst := map[string][]string{"PERSON": {"man", "men"}, "MINIST": {"minister", "ministry"}}
	var got []string
	for _, e := range expand("CONGRESS!PERSON!_AIDE", subst) {
		got = append(got, strings.Join(e.words, " "))
	}
	if strings.Join(got, "|") != "congressman aide|congressmen aide" {
		t.Errorf("expand = %v", got)
	}
	got = got[:0]
	for _, e := range expand("FINANCE_MINIST", subst) {
		got = append(got, strings.Join(e.words, " "))
	}
	if strings.Join(got, "|") != "finance minister|finance ministry" {
		t.Errorf("expand stem = %v", got)
	}
	for in, want := range map[string]string{
		"rebel": "rebels", "militia": "militias", "media": "", "armed forces": "", "policy": "policies", "attorney": "attorneys",
		"boss": "bosses", "child": "children", "gunman": "gunmen", "people": "",
	} {
		p := plural(strings.Fields(in))
		if strings.Join(p, " ") != want {
			t.Errorf("plural(%q) = %q, want %q", in, strings.Join(p, " "), want)
		}
	}
}

func FuzzParseActors(f *testing.F) {
	for _, s := range []string{
		"A_B_ [AFG]\n+C\n\t[AFGGOV 010101-020202]\n", "\t[X]\n", "+Y\n", "Z [IGOUNO 970101-061231] [ELI]",
		"Q [X > 140608] [Y <900823] [W 1-2]", "[", "]", "\t\t\n#x\n;y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		recs, _, err := parseActors("fuzz", strings.NewReader(s))
		if err != nil {
			return
		}
		for _, r := range recs {
			if len(r.names) == 0 {
				t.Fatalf("a record with no name: %+v", r)
			}
			for _, x := range r.res {
				if !x.from.IsZero() && !x.to.IsZero() && x.to.Before(x.from) {
					t.Fatalf("a restriction ending before it starts: %+v", x)
				}
			}
		}
	})
}

// TestDataUpToDate converts the Phoenix dictionaries of the shared directory
// again and compares the result with the embedded tables (../data): they are
// rebuilt by go generate, never edited, and the same inputs give the same
// bytes.
func TestDataUpToDate(t *testing.T) {
	const shared = "../../../../shared"
	src := filepath.Join(shared, "lexicons/petrarch2")
	ewt := filepath.Join(shared, "corpora/ud-ewt")
	if _, err := os.Stat(filepath.Join(src, "Phoenix.Countries.actors.txt")); err != nil {
		t.Skipf("no Phoenix dictionaries in %s: the shared directory is absent", src)
	}
	dir := t.TempDir()
	for _, f := range []string{"countries.tsv", "names.tsv", "titles.tsv", "roles.tsv"} {
		data, err := os.ReadFile(filepath.Join("../data", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := run(src, ewt, dir, false, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"phoenix-people.tsv", "phoenix-names.tsv", "phoenix-places.tsv", "phoenix-roles.tsv", "PHOENIX-LICENSE"} {
		got, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../data", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s is not what the converter gives: run go generate ./timeline/actors", f)
		}
	}
}
