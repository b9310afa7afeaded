package language

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/article"
)

func TestNotEnglish(t *testing.T) {
	for file, want := range map[string]string{
		"fr.txt": "common French ones",
		"de.txt": "common German ones",
		"es.txt": "common Spanish ones",
		"zh.txt": "letters are in Han script",
	} {
		body, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		w := Warning(string(body))
		if !strings.Contains(w, "does not look like English") || !strings.Contains(w, want) {
			t.Errorf("%s: warning %q, want it to say %q", file, w, want)
		}
	}
}

func TestEnglish(t *testing.T) {
	for _, body := range []string{
		"",
		"Talks resume on Monday.", // too short to judge
		"North Korea's leader Kim Jong Un said on Monday that he was open to talks with the South, and the United States said it would consider the offer after consulting its allies in the region.",
	} {
		if w := Warning(body); w != "" {
			t.Errorf("%q: warning %q", body, w)
		}
	}
	body, err := os.ReadFile("../../fixtures/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	if w := Warning(string(body)); w != "" {
		t.Errorf("seed article: warning %q", w)
	}
}

// No English article of the shared corpora is taken for another language.
func TestEnglishCorpora(t *testing.T) {
	const shared = "../../../shared"
	dirs := []string{shared + "/corpora/tbaq", shared + "/corpora/silver", shared + "/gold/events"}
	if _, err := os.Stat(dirs[0]); err != nil {
		t.Skipf("no corpora at %s (../shared absent): skipping", shared)
	}
	n := 0
	for _, dir := range dirs {
		files, errs := article.Files([]string{dir})
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		for _, f := range files {
			if ext := filepath.Ext(f); ext != ".tml" && ext != ".json" {
				continue
			}
			var bodies []string
			if filepath.Ext(f) == ".tml" {
				docs, errs := article.Read(f, nil, nil)
				if len(errs) > 0 {
					continue
				}
				for _, d := range docs {
					bodies = append(bodies, d.Body)
				}
			} else {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				bodies = append(bodies, string(data)) // the JSON holds the body as text
			}
			for _, b := range bodies {
				n++
				if j := Judge(b); !j.English() {
					t.Errorf("%s taken for another language: %+v", f, j)
				}
			}
		}
	}
	t.Logf("%d English articles judged", n)
}

// FuzzWarning checks that no text, however odd, makes Judge panic or the
// warning more than one line.
func FuzzWarning(f *testing.F) {
	for _, s := range []string{"", "the of and", "le la les de", "新华社北京", "\xff\xfe", strings.Repeat("é", 70000) + "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		j := Judge(s)
		if j.Words < 0 || j.EnglishShare < 0 || j.EnglishShare > 1 || j.OtherShare < 0 || j.OtherShare > 1 {
			t.Fatalf("Judge(%q) = %+v", s, j)
		}
		if w := Warning(s); strings.ContainsAny(w, "\n\r") {
			t.Fatalf("Warning(%q) spans lines: %q", s, w)
		}
	})
}
