package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// TestMain lets the tests run this test binary as the timeline program itself
// (TIMELINE_TEST_AS_MAIN=1): separate processes, as users run them, for
// concurrency and for file permissions seen by another user.
func TestMain(m *testing.M) {
	if os.Getenv("TIMELINE_TEST_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// program runs the timeline program as a separate process in dir.
type program struct {
	bin     string
	dir     string
	nobody  bool // run as an unprivileged user (the tests run as root)
	cfgPath string
}

// newProgram copies the test binary where any user may run it. With
// unprivileged, the program runs as user nobody when the test runs as root, for
// whom file modes do not apply; the test is skipped when that cannot be done.
func newProgram(t *testing.T, unprivileged bool) *program {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	bin := filepath.Join(dir, "timeline.test")
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	p := &program{bin: bin, dir: dir, nobody: unprivileged && os.Getuid() == 0}
	p.cfgPath = filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p.cfgPath, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p.nobody {
		if out, err := p.cmd("config").CombinedOutput(); err != nil {
			t.Skipf("cannot run as user nobody (%v: %s): skipping", err, out)
		}
	}
	return p
}

func (p *program) cmd(args ...string) *exec.Cmd {
	c := exec.Command(p.bin, append([]string{"--config", p.cfgPath}, args...)...)
	c.Dir = p.dir
	c.Env = append(os.Environ(), "TIMELINE_TEST_AS_MAIN=1", "HOME="+p.dir)
	if p.nobody {
		c.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	return c
}

// run runs the program and returns its output and error output.
func (p *program) run(args ...string) (string, string, error) {
	var stdout, stderr bytes.Buffer
	c := p.cmd(args...)
	c.Stdout, c.Stderr = &stdout, &stderr
	err := c.Run()
	return stdout.String(), stderr.String(), err
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// Only build and ingest create a database: a mistyped --db for a command that
// reads says so and creates nothing.
func TestReadCommandsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	mistyped := filepath.Join(dir, "tiemline.db")
	for _, args := range [][]string{{"docs"}, {"query", "--from", "2018"}, {"export", "--format", "csv"}, {"rm", "seed-article"}} {
		var stdout, stderr bytes.Buffer
		err := NewApp(strings.NewReader(""), &stdout, &stderr).Run(context.Background(),
			append([]string{"--config", writeConfig(t, dir, ""), "--db", mistyped}, args...))
		if err == nil || !strings.Contains(err.Error(), "no such database") {
			t.Errorf("%v on a missing database: %v; want no such database", args, err)
		}
		if _, err := os.Stat(mistyped); err == nil {
			t.Fatalf("%v created %s", args, mistyped)
		}
	}
}

// A database its user may not write is still read by query, docs and export,
// which leave no -wal or -shm file behind; writing commands say permission
// denied.
func TestReadOnlyDatabase(t *testing.T) {
	p := newProgram(t, true)
	data := filepath.Join(p.dir, "data")
	if err := os.Mkdir(data, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(data, 0o777); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(data, "t.db")
	article := write(t, p.dir, "a.txt", "Iraq rejected the U.N. demand on Tuesday.")
	if _, stderr, err := p.run("--db", db, "ingest", "--published", "1998-02-27", article); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	reads := [][]string{{"docs"}, {"query", "--from", "1998"}, {"export", "--format", "json"}}
	check := func(t *testing.T) {
		for _, args := range reads {
			out, stderr, err := p.run(append([]string{"--db", db}, args...)...)
			if err != nil || !strings.Contains(out, "Iraq") && !strings.Contains(out, "a ") {
				t.Errorf("%v: %v\n%s%s", args, err, out, stderr)
			}
		}
		if names := dirNames(t, data); len(names) != 1 {
			t.Errorf("files beside the database after reading: %v", names)
		}
		_, stderr, err := p.run("--db", db, "ingest", "--published", "1998-02-27", write(t, p.dir, "b.txt", "Iran met Iraq on Monday."))
		if err == nil || !strings.Contains(stderr, "permission denied") {
			t.Errorf("ingest into a read-only database: %v, %q; want permission denied", err, stderr)
		}
	}
	t.Run("file 0444", func(t *testing.T) {
		if err := os.Chmod(db, 0o444); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(db, 0o644)
		check(t)
	})
	t.Run("folder 0555", func(t *testing.T) {
		if err := os.Chmod(data, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(data, 0o777)
		check(t)
		_, stderr, err := p.run("--db", filepath.Join(data, "new.db"), "build", "--published", "1998-02-27", article)
		if err == nil || !strings.Contains(stderr, "permission denied") {
			t.Errorf("a new database in a read-only folder: %v, %q; want permission denied", err, stderr)
		}
	})
}

// Several ingests starting together on a database that does not exist yet all
// store their articles.
func TestConcurrentIngests(t *testing.T) {
	p := newProgram(t, false)
	db := filepath.Join(p.dir, "new.db")
	const n = 4
	bodies := []string{
		"Iraq rejected the U.N. demand on Tuesday.",
		"President Clinton met Prime Minister Netanyahu in Washington on Monday.",
		"Russia warned NATO against expansion on Friday.",
		"China and Japan signed a trade agreement on Wednesday.",
	}
	var wg sync.WaitGroup
	errs := make([]string, n)
	for i := range n {
		in := write(t, p.dir, string(rune('a'+i))+".txt", bodies[i])
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, stderr, err := p.run("--db", db, "ingest", "-q", "--published", "1998-02-27", in); err != nil {
				errs[i] = err.Error() + ": " + stderr
			}
		}()
	}
	wg.Wait()
	for i, e := range errs {
		if e != "" {
			t.Errorf("ingest %d: %s", i, e)
		}
	}
	out, stderr, err := p.run("--db", db, "docs")
	if err != nil {
		t.Fatalf("docs: %v\n%s", err, stderr)
	}
	if got := strings.Count(strings.TrimSpace(out), "\n"); got != n {
		t.Errorf("%d documents stored, want %d:\n%s", got, n, out)
	}
}

// The busy timeout comes from the configuration, and the message says how long
// was waited.
func TestBusyTimeoutConfig(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, dir, "busy_timeout: 200ms\n")
	db := filepath.Join(dir, "t.db")
	if _, stderr, err := run(t, dir, "ingest", seed); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	other, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	_, _, err = run(t, dir, "rm", "seed-article")
	if err == nil || !strings.Contains(err.Error(), "waited 200ms") {
		t.Errorf("rm while locked: %v; want it to say waited 200ms", err)
	}
	// Readers do not wait for the writer.
	if out, _, err := run(t, dir, "docs"); err != nil || !strings.Contains(out, "seed-article") {
		t.Errorf("docs while another process writes: %v\n%s", err, out)
	}

	writeConfig(t, dir, "busy_timeout: soon\n")
	if _, _, err := run(t, dir, "config"); err == nil || !strings.Contains(err.Error(), "busy_timeout") {
		t.Errorf("bad busy_timeout: %v; want it named", err)
	}
}
