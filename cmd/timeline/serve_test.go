package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, err := run(t, dir, "build", seed); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	db := filepath.Join(dir, "t.db")
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	var stdout, stderr syncBuffer
	app := NewApp(strings.NewReader(""), &stdout, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- app.Run(ctx, []string{"--db", db, "--config", writeConfig(t, dir, ""), "serve", "--addr", "127.0.0.1:0"})
	}()
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		base = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(stdout.String())
	}
	if base == "" {
		cancel()
		t.Fatalf("no address printed: %q %q %v", stdout.String(), stderr.String(), <-done)
	}
	resp, err := http.Get(base + "api/events?limit=5")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Total  int
		Events []map[string]any
	}
	err = json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if err != nil || page.Total == 0 || len(page.Events) != min(5, page.Total) {
		t.Errorf("api/events: %v, total %d, %d events", err, page.Total, len(page.Events))
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after an interrupt: %v", err)
	}
	// Served read-only: the database file is as it was.
	after, err := os.ReadFile(db)
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("serve changed the database file (%v)", err)
	}
}

func TestServeMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	_, _, err := run(t, dir, "serve", "--addr", "127.0.0.1:0")
	if err == nil || !strings.Contains(err.Error(), "no such database") {
		t.Errorf("serve without a database: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "t.db")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("serve created the database: %v", err)
	}
}
