package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
