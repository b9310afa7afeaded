package store_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
)

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveAnalysis(ctx, fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, evs, err := ro.Timeline(ctx, timeline.EventFilter{})
	if err != nil || len(evs) != len(fullAnalysis().Events) {
		t.Fatalf("Timeline: %d events, %v; want %d", len(evs), err, len(fullAnalysis().Events))
	}
	a := analysis("doc-2", "Another body.")
	if _, err := ro.SaveAnalysis(ctx, a); timeline.ErrorCode(err) != timeline.EINVALID || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("SaveAnalysis on a read-only store: %v, want a read-only error", err)
	}
	if err := ro.DeleteDocument(ctx, "doc-1"); err == nil {
		t.Error("DeleteDocument on a read-only store succeeded")
	}
	if _, err := ro.Document(ctx, "doc-1"); err != nil {
		t.Errorf("the document is gone after the refused delete: %v", err)
	}
}

func TestOpenReadOnly_Errors(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte("not a database, just some text that is long enough"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.db")
	tests := []struct{ path, want string }{
		{missing, "no such database"},
		{dir, "is a directory"},
		{text, "not a database"},
		{empty, "not a timeline database"},
		{"", "a database file is required"},
	}
	for _, tt := range tests {
		db, err := store.OpenReadOnly(tt.path)
		if err == nil {
			db.Close()
			t.Errorf("OpenReadOnly(%q) succeeded", tt.path)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || timeline.ErrorCode(err) != timeline.EINVALID {
			t.Errorf("OpenReadOnly(%q) = %v (%s), want invalid: %s", tt.path, err, timeline.ErrorCode(err), tt.want)
		}
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenReadOnly created %s", missing)
	}
}
