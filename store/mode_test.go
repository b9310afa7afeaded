package store_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
)

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
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

// Only Create makes a file: Read and Write on a mistyped path say there is no
// database and leave nothing behind.
func TestOpen_MissingNotCreated(t *testing.T) {
	for _, mode := range []store.Mode{store.Read, store.Write} {
		dir := t.TempDir()
		path := filepath.Join(dir, "tiemline.db")
		db, err := store.OpenWith(path, store.Options{Mode: mode})
		if err == nil {
			db.Close()
			t.Fatalf("mode %d: Open of a missing database succeeded", mode)
		}
		if timeline.ErrorCode(err) != timeline.EINVALID || !strings.Contains(err.Error(), "no such database") {
			t.Errorf("mode %d: err %v (%s), want EINVALID naming no such database", mode, err, timeline.ErrorCode(err))
		}
		if names := files(t, dir); len(names) != 0 {
			t.Errorf("mode %d: files left: %v", mode, names)
		}
	}
}

// Read never writes: the file is read as it is, nothing is left beside it, and
// a write through it fails.
func TestOpen_Read(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	db := mustOpen(t, path)
	if _, err := db.SaveAnalysis(ctx, fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ro, err := store.OpenWith(path, store.Options{Mode: store.Read})
	if err != nil {
		t.Fatal(err)
	}
	if evs, err := ro.Events(ctx, timeline.EventFilter{}); err != nil || len(evs) != 3 {
		t.Errorf("Events = %d, %v; want 3", len(evs), err)
	}
	if _, err := ro.SaveAnalysis(ctx, analysis("other", "other body")); err == nil {
		t.Error("SaveAnalysis through a read-only store succeeded")
	}
	if err := ro.Close(); err != nil {
		t.Fatal(err)
	}
	if names := files(t, dir); len(names) != 1 {
		t.Errorf("files after a read: %v; want the database alone", names)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("reading changed the database file")
	}
}

// A reader does not wait for a writer, nor need its lock.
func TestOpen_ReadWhileLocked(t *testing.T) {
	defer store.SetBusyTimeout(100 * time.Millisecond)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locked.db")
	db := mustOpen(t, path)
	if _, err := db.SaveAnalysis(ctx, fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	ro, err := store.OpenWith(path, store.Options{Mode: store.Read})
	if err != nil {
		t.Fatalf("Open to read while another process writes: %v", err)
	}
	defer ro.Close()
	if docs, err := ro.Documents(ctx); err != nil || len(docs) != 1 {
		t.Errorf("Documents = %d, %v", len(docs), err)
	}
}

// The busy timeout is the caller's, and the message says which it was.
func TestOpen_BusyTimeoutOption(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locked.db")
	mustOpen(t, path).Close()
	other, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenWith(path, store.Options{BusyTimeout: 150 * time.Millisecond})
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded while another process held the write lock")
	}
	if !strings.Contains(err.Error(), "waited 150ms") {
		t.Errorf("err = %v, want it to say waited 150ms", err)
	}
}

// A file that is not a timeline database is not read as one.
func TestOpen_ReadNotTimeline(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE x (a)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := store.OpenWith(path, store.Options{Mode: store.Read})
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded")
	}
	if !strings.Contains(err.Error(), "not a timeline database") {
		t.Errorf("err = %v", err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("-wal left: %v", err)
	}
}
