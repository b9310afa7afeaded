package verbs

import (
	"encoding/json"
	"fmt"
	"github.com/timelinehq/timeline/timeline/eval"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// shared is the team's shared directory, next to the working tree.
const shared = "../../../shared"

type goldEvent struct {
	Offset   int     `json:"offset"`
	Sentence string  `json:"sentence"`
	Trigger  string  `json:"trigger"`
	Kind     string  `json:"kind"`
	CAMEO    *string `json:"cameo"`
}

type goldDoc struct {
	Body   string      `json:"body"`
	Events []goldEvent `json:"events"`
}

// trainFiles returns the gold files of the training split: all but those
// DEVTEST.txt names, which are measured and never developed from.
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

type token struct {
	text       string
	start, end int
}

// tokens splits a sentence into lowercase words (inner apostrophes and
// hyphens kept) and punctuation marks, with byte spans.
func tokens(s string) []token {
	var out []token
	rs := []rune(s)
	pos := make([]int, len(rs)+1)
	b := 0
	for i, r := range rs {
		pos[i] = b
		b += len(string(r))
	}
	pos[len(rs)] = b
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) ||
				(rs[j] == '\'' || rs[j] == '’' || rs[j] == '-') && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
				j++
			}
			out = append(out, token{strings.ToLower(string(rs[i:j])), pos[i], pos[j]})
			i = j
		default:
			out = append(out, token{string(r), pos[i], pos[i+1]})
			i++
		}
	}
	return out
}

func root(code string) string {
	if len(code) < 2 {
		return "none"
	}
	return code[:2]
}

// TestGoldTriggers measures the dictionary as a feature for typing events: of
// the gold triggers of the training split (diplomatic events with a CAMEO
// root), the share with a word the dictionary knows as a verb, and how often
// the root of the verb's code (its own or its block's), and of the code Match
// gives with the sentence's words, equals the gold root. It logs a confusion
// summary; its floors only guard against the dictionary or the matcher
// breaking, not a target.
func TestGoldTriggers(t *testing.T) {
	files := trainFiles(t)
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var total, known, baseOK, matchOK, noCode int
	confusion := map[string]int{}
	perRoot := map[string][3]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc goldDoc
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, e := range doc.Events {
			if e.CAMEO == nil || e.Kind != "diplomatic" {
				continue
			}
			gold := root(*e.CAMEO)
			total++
			pr := perRoot[gold]
			pr[0]++
			// The sentence's place in the body, nearest the trigger.
			start := strings.LastIndex(doc.Body[:min(len(doc.Body), e.Offset+1)], e.Sentence)
			if start < 0 {
				start = strings.Index(doc.Body, e.Sentence)
			}
			toks := tokens(e.Sentence)
			words := make([]string, len(toks))
			at := -1
			for i, tk := range toks {
				words[i] = tk.text
				if start >= 0 && at < 0 && start+tk.end > e.Offset {
					at = i
				}
			}
			// The first word of the trigger the dictionary knows as a verb.
			var m Match
			found := false
			for i := max(at, 0); at >= 0 && i < len(toks) && i < at+len(strings.Fields(e.Trigger)); i++ {
				if m, found = d.Match(words, i); found {
					break
				}
			}
			if !found {
				confusion[gold+" -> not a verb of the dictionary"]++
				perRoot[gold] = pr
				continue
			}
			known++
			pr[1]++
			base := root(m.Verb.Code)
			got := root(m.Code)
			if base == "none" {
				noCode++
			}
			if base == gold {
				baseOK++
			}
			if got == gold {
				matchOK++
				pr[2]++
			}
			confusion[fmt.Sprintf("%s -> %s", gold, got)]++
			perRoot[gold] = pr
		}
	}
	if total == 0 {
		t.Fatal("no gold triggers")
	}
	t.Logf("gold triggers of the training split: %d; with a verb of the dictionary: %d (%.1f%%)", total, known, 100*float64(known)/float64(total))
	t.Logf("of those, the verb's own or block code has the gold root: %d (%.1f%%), no code (a block of no event): %d; the code Match gives: %d (%.1f%%)",
		baseOK, 100*float64(baseOK)/float64(known), noCode, matchOK, 100*float64(matchOK)/float64(known))
	roots := make([]string, 0, len(perRoot))
	for r := range perRoot {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		p := perRoot[r]
		t.Logf("root %s: %d gold, %d verbs known, %d matched right", r, p[0], p[1], p[2])
	}
	type pair struct {
		k string
		n int
	}
	var pairs []pair
	for k, n := range confusion {
		pairs = append(pairs, pair{k, n})
	}
	sort.Slice(pairs, func(i, j int) bool {
		return pairs[i].n > pairs[j].n || pairs[i].n == pairs[j].n && pairs[i].k < pairs[j].k
	})
	for _, p := range pairs[:min(len(pairs), 25)] {
		t.Logf("gold %s: %d", p.k, p.n)
	}
	if float64(known)/float64(total) < 0.4 || float64(matchOK)/float64(known) < 0.2 {
		t.Errorf("coverage fell: %d/%d known, %d matched right", known, total, matchOK)
	}
}
