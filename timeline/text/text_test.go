package text

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"simple", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"abbreviations", "Mr. Smith met Gen. Jones on Jan. 3. They talked.",
			[]string{"Mr. Smith met Gen. Jones on Jan. 3.", "They talked."}},
		{"dotted", "The U.S. Deputy Ambassador spoke. The U.S. can, too. He left the U.S. The end.",
			[]string{"The U.S. Deputy Ambassador spoke.", "The U.S. can, too.", "He left the U.S.", "The end."}},
		{"initial", "Donald J. Trump said so. Fine.", []string{"Donald J. Trump said so.", "Fine."}},
		{"closing quote", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"curly quote", "He said “no more.” Then he left.", []string{"He said “no more.”", "Then he left."}},
		{"quote inside", `“Sure. I always believe in talking," Trump stated recently."If it works, fine.”`,
			[]string{`“Sure. I always believe in talking," Trump stated recently.`, `"If it works, fine.”`}},
		{"tweet", "I told Rex he is wasting his time... — Donald J. Trump (@realDonaldTrump) October 1, 2017\n\nAlthough he did.",
			[]string{"I told Rex he is wasting his time... — Donald J. Trump (@realDonaldTrump) October 1, 2017", "Although he did."}},
		{"paragraph", "No terminator here\n\nNext one", []string{"No terminator here", "Next one"}},
		{"ellipsis lower", "open for those ... is perhaps clear. Yes.", []string{"open for those ... is perhaps clear.", "Yes."}},
		{"latex quotes", "``We have solved them all,'' Yeltsin said. ``Good.''", []string{"``We have solved them all,'' Yeltsin said.", "``Good.''"}},
		{"decimal", "It fell 2.5 percent. Then rose.", []string{"It fell 2.5 percent.", "Then rose."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.body) {
				got = append(got, tt.body[sp.Start:sp.End])
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("sentence %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestGoldSentences checks that every sentence of the event gold files is exactly
// one of the spans.
func TestGoldSentences(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/gold/events/*.json")
	if len(files) == 0 {
		t.Skip("../../../shared/gold/events absent: skipping the gold segmentation check")
	}
	total, hit := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			Body   string
			Events []struct {
				Offset   int
				Sentence string
			}
		}
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatal(err)
		}
		spans := Sentences(g.Body)
		for _, e := range g.Events {
			total++
			ok := false
			for _, sp := range spans {
				if sp.Contains(e.Offset) {
					ok = g.Body[sp.Start:sp.End] == e.Sentence
					if !ok {
						t.Logf("%s: got %q\n want %q", filepath.Base(f), g.Body[sp.Start:sp.End], e.Sentence)
					}
					break
				}
			}
			if ok {
				hit++
			}
		}
	}
	t.Logf("gold sentences matched exactly: %d/%d", hit, total)
	if hit*100 < total*98 {
		t.Errorf("only %d/%d gold sentences segmented exactly", hit, total)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Mr. Smith said “Sure. Fine.” Then he left.\n\nNext.")
	f.Add(`recently."If ... — Donald J. Trump (@x) October 1, 2017`)
	f.Add("``a.'' '' \"\" ... …")
	f.Fuzz(func(t *testing.T, body string) {
		prev := 0
		for _, sp := range Sentences(body) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(body) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, body)
			}
			if utf8.ValidString(body) {
				r, _ := utf8.DecodeRuneInString(body[sp.Start:])
				l, _ := utf8.DecodeLastRuneInString(body[:sp.End])
				if unicode.IsSpace(r) || unicode.IsSpace(l) {
					t.Fatalf("span %v not trimmed in %q", sp, body)
				}
			}
			prev = sp.End
		}
	})
}

func BenchmarkSentences(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpora/silver/*.tml")
	if len(files) == 0 {
		b.Skip("../../../shared/corpora/silver absent")
	}
	var body []byte
	for _, f := range files[:min(len(files), 50)] {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		body = append(body, d...)
	}
	s := string(body)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		Sentences(s)
	}
}

func TestRunOnIsCut(t *testing.T) {
	body := strings.Repeat("one, two, three, four ", 2000)
	spans := Sentences(body)
	if len(spans) < 2 {
		t.Fatalf("a %d-byte run-on came back as %d sentence(s)", len(body), len(spans))
	}
	for _, sp := range spans {
		if sp.Len() > 2*maxSentence {
			t.Errorf("span %v is %d bytes long", sp, sp.Len())
		}
	}
}
