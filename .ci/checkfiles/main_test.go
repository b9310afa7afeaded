package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func TestCheck(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: skipping")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	big := strings.Repeat("x", maxSize+1)
	files := map[string]struct {
		body string
		mode os.FileMode
	}{
		"README.md":                {"hello\n", 0o644},
		"run":                      {"#!/bin/sh\necho ok\n", 0o755},
		"tool":                     {"\x7fELF\x02\x01\x01rest", 0o755},
		"cmd/x/x":                  {"\x7fELF\x02\x01\x01rest", 0o644},
		"win.exe":                  {"MZ\x90\x00rest", 0o644},
		"notes.txt":                {"plain text\n", 0o755},
		"dump.sql":                 {big, 0o644},
		"model/model.go":           {"package model\n\nimport _ \"embed\"\n\n//go:embed weights.bin\nvar weights []byte\n", 0o644},
		"model/weights.bin":        {big, 0o644},
		"data/data.go":             {"package data\n\nimport \"embed\"\n\n//go:embed tables\nvar fs embed.FS\n", 0o644},
		"data/tables/large.tsv":    {big, 0o644},
		"other/unembedded.bin":     {big, 0o644},
		"other/unembedded_test.go": {"package other\n", 0o644},
	}
	for name, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.body), f.mode); err != nil {
			t.Fatal(err)
		}
	}
	git(t, dir, "add", ".")
	problems, err := check(dir)
	if err != nil {
		t.Fatal(err)
	}
	var named []string
	for _, p := range problems {
		named = append(named, strings.SplitN(p, ":", 2)[0])
	}
	slices.Sort(named)
	want := []string{"cmd/x/x", "dump.sql", "notes.txt", "other/unembedded.bin", "tool", "win.exe"}
	if !slices.Equal(named, want) {
		t.Errorf("problems with %v, want %v:\n%s", named, want, strings.Join(problems, "\n"))
	}
}

// The repository itself passes.
func TestRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: skipping")
	}
	problems, err := check("../..")
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	if len(problems) > 0 {
		t.Errorf("tracked files that should not be:\n%s", strings.Join(problems, "\n"))
	}
}
