package actors_test

import (
	"encoding/json"
	"github.com/timelinehq/timeline/timeline/eval"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline/actors"
	"github.com/timelinehq/timeline/timeline/text"
)

// shared is the team's shared directory, next to the working tree.
const shared = "../../../shared"

type goldActor struct {
	Name string  `json:"name"`
	Code *string `json:"code"`
}

type goldEvent struct {
	Offset   int        `json:"offset"`
	Sentence string     `json:"sentence"`
	Source   *goldActor `json:"source"`
	Target   *goldActor `json:"target"`
}

type goldDoc struct {
	Doc    string      `json:"doc"`
	Body   string      `json:"body"`
	DCT    *string     `json:"dct"`
	Events []goldEvent `json:"events"`
}

// TestGoldCoverage checks that the actors of the gold events of the training
// split are found, the article read in order, in their
// sentences: for each gold source and target with a code, some mention of the
// sentence must carry that code. Collectives, unnamed actors and ones the
// sentence names only by a pronoun cannot be found here (the event extractor
// resolves those), so the bar is a share, not all; misses are logged.
func TestGoldCoverage(t *testing.T) {
	files := trainFiles(t)
	d := mustDefault(t)
	var total, found int
	var misses []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc goldDoc
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var at time.Time
		if doc.DCT != nil {
			at = day(*doc.DCT)
		}
		// The article is read as the pipeline reads it, sentence by sentence,
		// so that a surname resolves to the person named in full before.
		var all []actors.Mention
		names := actors.NewNames()
		for _, sp := range text.Sentences(doc.Body) {
			all = append(all, names.Extend(doc.Body[sp.Start:sp.End], sp.Start, d.Find(doc.Body[sp.Start:sp.End], sp.Start, at))...)
		}
		for _, e := range doc.Events {
			ms := d.Find(e.Sentence, 0, at)
			if start := sentenceStart(doc.Body, e.Sentence, e.Offset); start >= 0 {
				ms = nil
				for _, m := range all {
					if m.Span.Start >= start && m.Span.End <= start+len(e.Sentence) {
						ms = append(ms, m)
					}
				}
			}
			for _, a := range []*goldActor{e.Source, e.Target} {
				if a == nil || a.Code == nil {
					continue
				}
				total++
				if hasCode(ms, *a.Code) {
					found++
					continue
				}
				misses = append(misses, *a.Code+" "+a.Name+" | "+e.Sentence)
			}
		}
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Logf("miss: %.220s", m)
	}
	share := float64(found) / float64(total)
	t.Logf("gold actors found in their sentences: %d/%d (%.1f%%)", found, total, 100*share)
	// The floor was 70% while the dictionary held people known from one story
	// only (a boy, his father and relatives, a UN inspector): removed as not
	// general knowledge, they took 22 gold actors of the training split with
	// them (70.7% to 68.0%); reading the article in order (surnames after full
	// names) and general rules won most back (69.7%). The floor sits just
	// under that.
	if share < 0.69 {
		t.Errorf("gold actor coverage %.1f%%, want at least 69%% (a regression guard: many gold actors are not named in their sentence)", 100*share)
	}
}

// trainFiles returns the gold files of the training split: every gold file
// except those DEVTEST.txt names, which are measured and never developed from,
// so a guard over them would invite fitting to them.
func trainFiles(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join(shared, "gold/events")
	if _, err := os.Stat(filepath.Join(dir, eval.DevtestFile)); err != nil {
		t.Skipf("no gold files in %s: the shared directory is absent", dir)
	}
	files, err := eval.SplitFiles(dir, eval.SplitTrain)
	if err != nil {
		t.Fatalf("gold split: %v", err)
	}
	return files
}

// sentenceStart returns where the occurrence of sentence that holds offset
// starts in body, -1 when none does.
func sentenceStart(body, sentence string, offset int) int {
	for from := 0; ; {
		i := strings.Index(body[from:], sentence)
		if i < 0 {
			return -1
		}
		i += from
		if i <= offset && offset < i+len(sentence) {
			return i
		}
		from = i + 1
	}
}

func hasCode(ms []actors.Mention, code string) bool {
	for _, m := range ms {
		if m.Actor.Code == code {
			return true
		}
	}
	return false
}

// silverText returns the text of the silver corpus, its TimeML tags dropped,
// up to max bytes; "" when the shared directory is absent.
func silverText(tb testing.TB, max int) string {
	files, _ := filepath.Glob(filepath.Join(shared, "corpora/silver/*.tml"))
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(data)
		if i := strings.Index(s, "<TEXT>"); i >= 0 {
			s = s[i:]
		}
		in := false
		for _, r := range s {
			switch {
			case r == '<':
				in = true
			case r == '>':
				in = false
			case !in:
				b.WriteRune(r)
			}
		}
		if b.Len() >= max {
			break
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := silverText(b, 4<<20)
	if text == "" {
		b.Skipf("no silver corpus in %s/corpora/silver: the shared directory is absent", shared)
	}
	// Sentences, roughly: Find runs on one sentence at a time.
	sents := strings.SplitAfter(text, ". ")
	d := mustDefault(b)
	at := day("1998-02-27")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, s := range sents {
			n += len(d.Find(s, 0, at))
		}
	}
	b.ReportMetric(float64(n)/float64(b.N)/float64(len(text))*1000, "mentions/KB")
	// SetBytes makes the testing package print MB/s; KB/s as the brief asks.
	b.ReportMetric(float64(len(text))*float64(b.N)/1024/b.Elapsed().Seconds(), "KB/s")
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"North Korea’s leader Kim Jong Un told the U.S. president.",
		"Iraqi Deputy Prime Minister Tariq Aziz met U.N. officials in Baghdad",
		"the two Koreas' leaders; U.S.A. U.S US us it's Koreas' ’s",
		"President of the", "the", "U.", "ex-president Bush-", "Kim Jong-", "\xff\xfe’", "A.B.C.D.",
	} {
		f.Add(s)
	}
	d, err := actors.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		const base = 7
		ms := d.Find(s, base, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
		prev := base
		for _, m := range ms {
			if m.Span.Start < prev || m.Span.End <= m.Span.Start || m.Span.End > base+len(s) {
				t.Fatalf("bad span %v after %d in %q (len %d)", m.Span, prev, s, len(s))
			}
			if s[m.Span.Start-base:m.Span.End-base] != m.Text {
				t.Fatalf("span %v is not text %q", m.Span, m.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention %q splits a rune", m.Text)
			}
			prev = m.Span.End
		}
	})
}
