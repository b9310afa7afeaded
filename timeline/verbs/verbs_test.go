package verbs

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func mustDefault(t testing.TB) *Dictionary {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func TestMatch(t *testing.T) {
	d := mustDefault(t)
	f, err := os.Open("testdata/match.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "words\t") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 7 {
			t.Fatalf("bad row %q", line)
		}
		rows++
		words := strings.Fields(c[0])
		verb := -1
		for i, w := range words {
			if strings.HasPrefix(w, "*") {
				words[i], verb = w[1:], i
			}
		}
		m, ok := d.Match(words, verb)
		if !ok {
			t.Errorf("%s: %q is no verb of the dictionary", c[0], words[verb])
			continue
		}
		pattern, target, source := "-", "-", "-"
		if m.Pattern != nil {
			pattern = m.Pattern.Text
		}
		if m.Target >= 0 {
			target = words[m.Target]
		}
		if m.Source >= 0 {
			source = words[m.Source]
		}
		got := []string{dash(m.Code), dash(m.Reverse), pattern, target, source}
		if strings.Join(got, "|") != strings.Join(c[1:6], "|") {
			t.Errorf("%s (%s): got %v, want %v", c[0], c[6], got, c[1:6])
		}
	}
	if rows == 0 {
		t.Fatal("no rows")
	}
}

func TestMatchNotAVerb(t *testing.T) {
	d := mustDefault(t)
	for _, tt := range []struct {
		words []string
		verb  int
	}{
		{[]string{"they", "xyzzied"}, 1},
		{[]string{"they", "froze"}, 2},
		{[]string{"they", "froze"}, -1},
		{nil, 0},
	} {
		if m, ok := d.Match(tt.words, tt.verb); ok {
			t.Errorf("Match(%q, %d) = %+v, want none", tt.words, tt.verb, m)
		}
	}
	var zero *Dictionary
	if _, ok := zero.Match([]string{"froze"}, 0); ok {
		t.Error("a nil dictionary matched")
	}
}

func TestLemmas(t *testing.T) {
	d := mustDefault(t)
	for form, want := range map[string]string{
		"froze": "freeze", "frozen": "freeze", "freezes": "freeze", "freeze": "freeze", "sped": "speed",
		"imposed": "impose", "criticized": "criticize", "xyzzy": "",
	} {
		got := strings.Join(d.Lemmas(form), "|")
		if got != want {
			t.Errorf("Lemmas(%q) = %q, want %q", form, got, want)
		}
	}
	vs := d.Lookup("freeze")
	if len(vs) == 0 || vs[0].Block.Key != "freeze" || vs[0].Code != "" {
		t.Errorf("Lookup(freeze) = %+v", vs)
	}
	b, ok := d.Block("impose")
	if !ok || b.Code != "170" || len(b.Patterns) == 0 {
		t.Errorf("Block(impose) = %+v, %v", b, ok)
	}
	if d.Blocks() < 300 || d.Verbs() < 1500 {
		t.Errorf("the dictionary shrank: %d blocks, %d verbs", d.Blocks(), d.Verbs())
	}
}

func TestLoadErrors(t *testing.T) {
	const blocks = "block\tcode\tname\nfreeze\t-\tFREEZE\n"
	for _, tt := range []struct{ name, data, want string }{
		{"no header", "freeze\t-\tFREEZE\n", "data before a table header"},
		{"fields", "block\tcode\tname\nfreeze\t-\n", "want 3 tab-separated fields"},
		{"code", "block\tcode\tname\nfreeze\t999\tFREEZE\n", "bad CAMEO code"},
		{"twice", blocks + "freeze\t-\tFREEZE\n", "twice"},
		{"unknown block", blocks + "verb\tblock\thead\tcode\tforms\nthaw\tthaw\tthaw\t-\t-\n", "unknown block"},
		{"head", blocks + "verb\tblock\thead\tcode\tforms\ncrack down\tfreeze\tcrush\t-\t-\n", "is not one of its words"},
		{"form", blocks + "verb\tblock\thead\tcode\tforms\ncrack down\tfreeze\tcrack\t-\tcracked\n", "has not its words"},
		{"synset", "synset\tphrases\ncurrency\tmoney\n", "does not start with &"},
		{"pattern synset", blocks + "block\tcode\tpattern\tnote\nfreeze\t162\t* &aid\t-\n", "undefined synset"},
		{"pattern verb", blocks + "block\tcode\tpattern\tnote\nfreeze\t162\taid\t-\n", "no verb"},
		{"pattern bracket", blocks + "block\tcode\tpattern\tnote\nfreeze\t162\t* (to aid\t-\n", "unclosed"},
		{"pattern code", blocks + "block\tcode\tpattern\tnote\nfreeze\t1x2\t* aid\t-\n", "bad CAMEO code"},
	} {
		_, err := Load(strings.NewReader(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"the government *froze aid to niger", "*froze", "they *put police on alert (", "aid , *stopped ."} {
		f.Add(s)
	}
	d, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		for i := range words {
			m, ok := d.Match(words, i)
			if !ok {
				continue
			}
			if m.Start < 0 || m.End > len(words) || m.Start > i || m.End <= i {
				t.Fatalf("span %d-%d for the verb at %d of %q", m.Start, m.End, i, s)
			}
			if m.Target >= len(words) || m.Source >= len(words) {
				t.Fatalf("slot out of range in %q: %+v", s, m)
			}
		}
	})
}
