package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/timelinehq/timeline/store/storetest"
)

const silver = "../../../shared/corpora/silver"

// needSilver skips a benchmark without the silver corpus beside the clone.
func needSilver(b *testing.B) {
	b.Helper()
	if _, err := os.Stat(silver); err != nil {
		b.Skipf("%s not found: the silver corpus is in ../shared", silver)
	}
}

// runBench runs the command line as a user would, with an empty config.
func runBench(b *testing.B, args ...string) string {
	b.Helper()
	dir := b.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	app := NewApp(strings.NewReader(""), &stdout, &stderr)
	if err := app.Run(context.Background(), append([]string{"--config", cfg}, args...)); err != nil {
		b.Fatalf("%v: %v\n%s", args, err, stderr.String())
	}
	return stdout.String()
}

// BenchmarkIngestSilver stores the 1,200 silver articles into a new SQLite
// database, analysing them on every core (GOMAXPROCS), as `timeline ingest`
// does: the figure is the command's, startup and storage included.
func BenchmarkIngestSilver(b *testing.B) {
	needSilver(b)
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "silver.db")
		runBench(b, "--db", db, "ingest", "-q", silver)
	}
	b.ReportMetric(float64(1200*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkTagSilver tags the 1,200 silver articles as `timeline tag` does,
// the TimeML written to a discarded stream: the whole command, reading,
// tagging on every core and writing.
func BenchmarkTagSilver(b *testing.B) {
	needSilver(b)
	var size int64
	files, _ := filepath.Glob(filepath.Join(silver, "*.tml"))
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		runBench(b, "tag", silver)
	}
	b.ReportMetric(float64(1200*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExportMillion exports a million events (storetest.MillionSQLite)
// as JSON Lines in a separate process, as `timeline export --format jsonl`
// runs, and reports its peak resident memory: the export streams, so it does
// not grow with the database.
func BenchmarkExportMillion(b *testing.B) {
	needSilver(b)
	db := storetest.MillionSQLite(b, silver)
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	cfg := filepath.Join(b.TempDir(), "config.yaml")
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "all.jsonl")
	var rss int64
	for b.Loop() {
		c := exec.Command(self, "--config", cfg, "--db", db, "export", "--format", "jsonl", "--out", out)
		c.Env = append(os.Environ(), "TIMELINE_TEST_AS_MAIN=1")
		if msg, err := c.CombinedOutput(); err != nil {
			b.Fatalf("export: %v\n%s", err, msg)
		}
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = max(rss, ru.Maxrss) // KiB on Linux
		}
	}
	fi, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	lines := 0
	if data, err := os.ReadFile(out); err == nil {
		lines = bytes.Count(data, []byte("\n"))
	}
	b.ReportMetric(float64(rss)/1024, "MB-maxrss")
	b.ReportMetric(float64(lines), "events")
	b.ReportMetric(float64(fi.Size())/1e6, "MB-written")
}
