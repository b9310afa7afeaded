package events

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestRoles checks the source and target of events in short texts listed in
// testdata/roles.tsv.
func TestRoles(t *testing.T) {
	f, err := os.Open("testdata/roles.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := mustExtractor(t)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			t.Fatalf("roles.tsv:%d: want 4 tab-separated fields, got %d", n, len(fields))
		}
		trigger, src, tgt, body := fields[0], fields[1], fields[2], fields[3]
		evs := x.Extract(analysis(body, date("2018-01-12")))
		found := false
		for _, e := range evs {
			if e.Trigger.Text != trigger && !strings.HasPrefix(e.Trigger.Text, trigger+" ") {
				continue
			}
			found = true
			if g := codeOrDash(e.Source); g != src {
				t.Errorf("roles.tsv:%d: %s: source %s, want %s", n, trigger, g, src)
			}
			if g := codeOrDash(e.Target); g != tgt {
				t.Errorf("roles.tsv:%d: %s: target %s, want %s", n, trigger, g, tgt)
			}
			break
		}
		if !found {
			t.Errorf("roles.tsv:%d: no event %q among %d", n, trigger, len(evs))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestNoEvents checks that the sentences of testdata/no-events.txt give no event.
func TestNoEvents(t *testing.T) {
	data, err := os.ReadFile("testdata/no-events.txt")
	if err != nil {
		t.Fatal(err)
	}
	x := mustExtractor(t)
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, e := range x.Extract(analysis(line, date("2018-01-12"))) {
			t.Errorf("no-events.txt:%d: event %s %q in %q", n+1, e.CAMEO, e.Trigger.Text, line)
		}
	}
}

// TestTypes checks the CAMEO root of events in short texts listed in
// testdata/types.tsv; "-" says the trigger asserts no event.
func TestTypes(t *testing.T) {
	data, err := os.ReadFile("testdata/types.tsv")
	if err != nil {
		t.Fatal(err)
	}
	x := mustExtractor(t)
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			t.Fatalf("types.tsv:%d: want 3 tab-separated fields, got %d", n+1, len(fields))
		}
		trigger, code, body := fields[0], fields[1], fields[2]
		got := "-"
		for _, e := range x.Extract(analysis(body, date("2018-01-12"))) {
			if e.Trigger.Text == trigger || strings.HasPrefix(e.Trigger.Text, trigger+" ") {
				got = e.CAMEO
				break
			}
		}
		if got != code {
			t.Errorf("types.tsv:%d: %s: CAMEO %s, want %s", n+1, trigger, got, code)
		}
	}
}
