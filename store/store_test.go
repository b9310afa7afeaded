package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/store/storetest"
	"github.com/timelinehq/timeline/timeline"
)

// The contract every store passes, on SQLite files.
func TestContract(t *testing.T) {
	storetest.Run(t, storetest.Harness{
		New: func(tb testing.TB) storetest.Store {
			return mustOpen(tb, filepath.Join(tb.TempDir(), "contract.db"))
		},
		Again: func(tb testing.TB, s storetest.Store) storetest.Store {
			return mustOpen(tb, s.(*store.DB).Name)
		},
	})
}

type ev = storetest.Ev

func analysis(doc, body string, evs ...ev) *timeline.Analysis {
	return storetest.Article(doc, body, evs...)
}
func fullAnalysis() *timeline.Analysis       { return storetest.FullAnalysis() }
func assertEmpty(t *testing.T, db *store.DB) { t.Helper(); storetest.AssertEmpty(t, db) }

// MustOpenDB returns a new in-memory database, closed when the test ends.
func MustOpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	return mustOpen(tb, ":memory:")
}

func mustOpen(tb testing.TB, path string) *store.DB {
	tb.Helper()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

func TestOpen_Errors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "x.db")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("this is not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, want string
	}{
		{"not a database", notDB, "store: open " + notDB + ": file is not a database"},
		{"missing directory", filepath.Join(dir, "nope", "x.db"), "store: open " + filepath.Join(dir, "nope", "x.db") + ": directory " + filepath.Join(dir, "nope") + " does not exist"},
		{"a directory", dir, "store: open " + dir + ": is a directory"},
		{"empty path", "", "store: database path required"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, err := store.Open(tt.path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if err.Error() != tt.want {
				t.Errorf("err = %q\nwant %q", err, tt.want)
			}
		})
	}
}

func TestOpen_ReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	db := mustOpen(t, path)
	if _, err := db.SaveAnalysis(context.Background(), fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if f, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
		f.Close()
		t.Skip("chmod 0444 does not stop this user (root?) from writing: nothing to test")
	}
	db2, err := store.Open(path)
	if err == nil {
		db2.Close()
		t.Fatal("Open of a read-only database succeeded")
	}
	if want := "store: open " + path + ": permission denied: the database is read-only"; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("err = %q\nwant %q", err, want)
	}
}

func TestOpen_Twice(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	db := mustOpen(t, path)
	if _, err := db.SaveAnalysis(ctx, fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = mustOpen(t, path) // migrations already applied: nothing to do, nothing lost
	if evs, err := db.Events(ctx, timeline.EventFilter{}); err != nil || len(evs) != 3 {
		t.Errorf("Events after reopen = %d, %v", len(evs), err)
	}

	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n, version int
	var mode string
	if err := raw.QueryRow(`SELECT count(*), max(version) FROM schema_migrations`).Scan(&n, &version); err != nil {
		t.Fatal(err)
	}
	if n != 4 || version != 4 {
		t.Errorf("schema_migrations: %d rows, version %d; want 4, 4", n, version)
	}
	if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestOpen_NewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	mustOpen(t, path).Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := store.Open(path)
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded")
	}
	if !strings.Contains(err.Error(), "schema version 999 is newer") {
		t.Errorf("err = %v", err)
	}
}

func TestSaveAnalysis_Locked(t *testing.T) {
	defer store.SetBusyTimeout(100 * time.Millisecond)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locked.db")
	db := mustOpen(t, path)

	// Another process holds the write lock past the busy timeout.
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

	stored, err := db.SaveAnalysis(ctx, fullAnalysis())
	if stored || timeline.ErrorCode(err) != timeline.ECONFLICT || !strings.Contains(err.Error(), "is locked by another process") {
		t.Fatalf("SaveAnalysis = %v, %v; want ECONFLICT, locked", stored, err)
	}
	// Readers are not blocked by the writer in WAL mode.
	assertEmpty(t, db)

	if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if stored, err := db.SaveAnalysis(ctx, fullAnalysis()); !stored || err != nil {
		t.Errorf("save after the lock is released = %v, %v", stored, err)
	}
}

func TestOpen_Locked(t *testing.T) {
	defer store.SetBusyTimeout(100 * time.Millisecond)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "locked.db")
	db, err := store.Open(path) // an existing database, in WAL mode
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
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

	start := time.Now()
	db, err = store.Open(path)
	t.Logf("Open gave up after %s", time.Since(start))
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded while another process held the write lock")
	}
	want := "store: open " + path + ": database is locked by another process (waited 100ms)"
	if timeline.ErrorCode(err) != timeline.ECONFLICT || err.Error() != want {
		t.Errorf("err = %q (%s)\nwant %q", err, timeline.ErrorCode(err), want)
	}
}

// TestOpen_OddName checks that a path is a path, not a URI with parameters.
func TestOpen_OddName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my db?mode=ro#1%20.db")
	db := mustOpen(t, path)
	if _, err := db.SaveAnalysis(context.Background(), fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created under its own name: %v", err)
	}
}

// A database of the first schema (events, no occurrences) is migrated, and
// its events are grouped into occurrences; opened with another merge span,
// they are grouped again.
func TestOpen_MigratesAndRegroups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	v1, err := os.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
		string(v1),
		`INSERT INTO schema_migrations (version, name) VALUES (1, '0001_init.sql')`,
		`INSERT INTO documents (id, body, sha256, added_at) VALUES ('a', 'body a', 'sha-a', ''), ('b', 'body b', 'sha-b', '')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range []struct{ id, doc, lo, hi, gran string }{
		{"a1", "a", "2018-01-09", "2018-01-09", "day"}, // a meeting on a day
		{"b1", "b", "", "2018-02-05", "day"},           // before a day, within 31 days
		{"a2", "a", "", "", ""},                        // undated: its own
	} {
		var lo, hi any
		if e.lo != "" {
			lo = e.lo
		}
		if e.hi != "" {
			hi = e.hi
		}
		if _, err := raw.Exec(`INSERT INTO events (id, doc, sentence_start, sentence_end, sentence_text,
			trigger_start, trigger_end, trigger_text, kind, cameo, status, source_name, source_code,
			when_value, earliest, latest, granularity, gran_rank, span_class, anchor, confidence)
			VALUES (?, ?, 0, 5, 'Moon met Kim.', 5, 8, 'met', 'diplomatic', '04', 'occurred', 'Moon', 'KORGOV',
			'', ?, ?, ?, 1, 0, 'explicit', 0.5)`, e.id, e.doc, lo, hi, e.gran); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	check := func(span *timeline.Period, want string) {
		t.Helper()
		db, err := store.OpenWith(path, store.Options{MergeSpan: span})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		evs, err := db.Events(ctx, timeline.EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range evs {
			got = append(got, fmt.Sprintf("%s[%s..%s]x%d", e.ID, timeline.FormatDay(e.Earliest), timeline.FormatDay(e.Latest), e.Sources))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("span %v: %s\nwant %s", span, strings.Join(got, " "), want)
		}
	}
	check(nil, "a1[2018-01-09..2018-01-09]x2 a2[..]x0")
	narrow := timeline.Period{Days: 14}
	check(&narrow, "a1[2018-01-09..2018-01-09]x0 b1[..2018-02-05]x0 a2[..]x0")
	check(nil, "a1[2018-01-09..2018-01-09]x2 a2[..]x0")
}
