package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline/conllu"
)

func TestParsePlainText(t *testing.T) {
	dir := t.TempDir()
	body := "North Korea said it would send athletes.\n\nTalks were held in Seoul on Tuesday."
	p := write(t, dir, "korea.txt", body)
	out, stderr, err := run(t, dir, "parse", p)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, stderr)
	}
	sents, err := conllu.Read(strings.NewReader(out), "stdout")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	if id, _ := sents[1].Comment("sent_id"); id != "korea-2" {
		t.Errorf("sent_id %q", id)
	}
	if text, _ := sents[1].Comment("text"); text != "Talks were held in Seoul on Tuesday." {
		t.Errorf("text %q", text)
	}
	for _, s := range sents {
		roots := 0
		for _, r := range s.Rows {
			var start, end int
			var rng string
			for _, kv := range strings.Split(r.Misc, "|") {
				if v, ok := strings.CutPrefix(kv, "TokenRange="); ok {
					rng = v
				}
			}
			a, b, _ := strings.Cut(rng, ":")
			start, _ = strconv.Atoi(a)
			end, _ = strconv.Atoi(b)
			if rng == "" || body[start:end] != r.Form {
				t.Errorf("word %s %q: TokenRange %q", r.ID, r.Form, rng)
			}
			if r.Head == "0" {
				roots++
			}
			if r.UPOS == "_" || r.Deprel == "_" || r.Lemma == "_" {
				t.Errorf("word %s not analysed: %+v", r.ID, r)
			}
		}
		if roots != 1 {
			t.Errorf("%d roots", roots)
		}
	}
	if !strings.Contains(out, "athletes\tathlete\tNOUN\tNNS\t") || !strings.Contains(out, "SpaceAfter=No|TokenRange=31:39") {
		t.Errorf("output:\n%s", out)
	}
}

func TestParseTokenized(t *testing.T) {
	dir := t.TempDir()
	out, stderr, err := run(t, dir, "parse", "--tokenized", "../../timeline/conllu/testdata/sample.conllu")
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, stderr)
	}
	got, err := conllu.Read(strings.NewReader(out), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := conllu.ReadFile("../../timeline/conllu/testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	for i := range gold {
		gw, sw := gold[i].Words(), got[i].Words()
		if len(gw) != len(sw) {
			t.Fatalf("sentence %d: %d words, want %d", i, len(sw), len(gw))
		}
		for k := range gw {
			g, s := gold[i].Rows[gw[k]], got[i].Rows[sw[k]]
			if g.ID != s.ID || g.Form != s.Form || g.Misc != s.Misc {
				t.Errorf("word %s %s changed to %s %s", g.ID, g.Form, s.ID, s.Form)
			}
		}
		if strings.Join(gold[i].Comments, "\n") != strings.Join(got[i].Comments, "\n") {
			t.Errorf("comments changed")
		}
	}
}

func TestParseBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := write(t, dir, "empty.conllu", "")
	columns := write(t, dir, "bad.conllu", "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n2\tthere\n")
	utf := write(t, dir, "bad.txt", "caf\xe9 au lait")
	emptyText := write(t, dir, "empty.txt", "")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"parse", "--tokenized", empty}, "empty.conllu: no sentences"},
		{[]string{"parse", "--tokenized", columns}, "bad.conllu:2: want 10 tab-separated columns, got 2"},
		{[]string{"parse", utf}, "bad.txt: invalid UTF-8 at byte 3"},
		{[]string{"parse", emptyText}, "empty.txt: empty article"},
		{[]string{"eval", "parse", columns}, "bad.conllu:2: want 10 tab-separated columns, got 2"},
		{[]string{"eval", "parse", empty}, "empty.conllu: no sentences"},
	}
	for _, tt := range tests {
		_, stderr, err := run(t, dir, tt.args...)
		if err == nil {
			t.Errorf("%v: no error", tt.args)
			continue
		}
		msg := stderr + err.Error()
		if !strings.Contains(msg, tt.want) {
			t.Errorf("%v: got %q, want it to say %q", tt.args, msg, tt.want)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: more than one line on stderr: %q", tt.args, stderr)
		}
	}
}

// A sentence of over a thousand tokens, in plain text or CoNLL-U, is parsed.
func TestParseLongSentence(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "long.txt", strings.Repeat("and the talks went on ", 300)+"forever.")
	out, stderr, err := run(t, dir, "parse", p)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, stderr)
	}
	sents, err := conllu.Read(strings.NewReader(out), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	words := 0
	for _, s := range sents {
		words += len(s.Words())
	}
	if words != 1502 {
		t.Errorf("%d words, want 1502", words)
	}
	var b strings.Builder
	for i := 1; i <= 1100; i++ {
		b.WriteString(strconv.Itoa(i) + "\ttalks\t_\t_\t_\t_\t_\t_\t_\t_\n")
	}
	c := write(t, dir, "long.conllu", b.String())
	out, stderr, err = run(t, dir, "parse", "--tokenized", c)
	if err != nil {
		t.Fatalf("parse --tokenized: %v\n%s", err, stderr)
	}
	if n := strings.Count(out, "\t0\troot\t"); n != 1 {
		t.Errorf("%d roots in the long sentence", n)
	}
}

func TestEvalParse(t *testing.T) {
	dir := t.TempDir()
	gold := "../../timeline/eval/testdata/parse/gold.conllu"
	out, stderr, err := run(t, dir, "eval", "parse", gold, "../../timeline/eval/testdata/parse/system.conllu")
	if err != nil {
		t.Fatalf("eval parse: %v\n%s", err, stderr)
	}
	if want := "UPOS 0.9375 XPOS 0.9375 Lemma 0.9375 UAS 0.9375 LAS 0.8750 (16 words)\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	out, stderr, err = run(t, dir, "eval", "parse", gold)
	if err != nil {
		t.Fatalf("eval parse: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(out, "UPOS ") || !strings.HasSuffix(out, "(16 words)\n") {
		t.Errorf("got %q", out)
	}
	if _, err := os.Stat(gold); err != nil {
		t.Fatal(err)
	}
}
