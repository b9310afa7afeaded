package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeExamples returns the timeline command lines of README.md's sh blocks
// (after "bin/timeline" or "go run ./cmd/timeline"), one slice of arguments
// each; ";" separates commands on one line, "#" starts a comment.
func readmeExamples(t *testing.T) [][]string {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	inSh := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		case !inSh:
			continue
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		for _, part := range strings.Split(line, ";") {
			fields := strings.Fields(part)
			switch {
			case len(fields) >= 1 && fields[0] == "bin/timeline":
				out = append(out, fields[1:])
			case len(fields) >= 2 && fields[0] == "go" && fields[1] == "run" && len(fields) > 2 && fields[2] == "./cmd/timeline":
				out = append(out, fields[3:])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Every timeline command line of the README names a command and flags that
// exist, and every input file it names exists (those of ../shared when it is
// there).
func TestREADMEExamples(t *testing.T) {
	examples := readmeExamples(t)
	if len(examples) < 10 {
		t.Fatalf("only %d examples found in README.md", len(examples))
	}
	_, errShared := os.Stat("../../../shared")
	for _, args := range examples {
		app := NewApp(strings.NewReader(""), io.Discard, io.Discard)
		cmd, rest, err := app.root.Find(args)
		if err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		cmd.InitDefaultHelpFlag()
		cmd.InitDefaultVersionFlag()
		if err := cmd.ParseFlags(rest); err != nil {
			t.Errorf("%v: %v", args, err)
			continue
		}
		for _, a := range cmd.Flags().Args() {
			if a == "-" || cmd.Name() == "rm" || cmd.Name() == "actors" || filepath.IsAbs(a) {
				continue // standard input; ids and names, not files; an earlier step's output
			}
			if strings.HasPrefix(a, "../shared/") && errShared != nil {
				continue
			}
			if _, err := os.Stat(filepath.Join("../..", a)); err != nil {
				t.Errorf("%v: input %s does not exist", args, a)
			}
		}
	}
}
