package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/store/postgres"
	"github.com/timelinehq/timeline/store/storetest"
	"github.com/timelinehq/timeline/timeline"
)

// DSNVar names the environment variable that gives the tests a PostgreSQL
// database (.ci/run starts a throwaway server and sets it). Each test works in
// a schema of its own, dropped after.
const DSNVar = "TIMELINE_TEST_POSTGRES"

// testDSN returns the DSN of the test server, or skips.
func testDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(DSNVar)
	if dsn == "" {
		tb.Skipf("%s is not set: no PostgreSQL server to test against (.ci/run starts one)", DSNVar)
	}
	return dsn
}

// newSchema creates a schema for one test and returns a DSN that works in it.
func newSchema(tb testing.TB) string {
	tb.Helper()
	dsn := testDSN(tb)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	schema := fmt.Sprintf("test_%d", rand.Uint64()>>1)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			tb.Errorf("drop schema: %v", err)
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}

func mustOpen(tb testing.TB, dsn string, o postgres.Options) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(dsn, o)
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

// dsns remembers the DSN each test store was opened with, for Again.
var dsns = map[*postgres.DB]string{}

func TestContract(t *testing.T) {
	testDSN(t)
	storetest.Run(t, storetest.Harness{
		New: func(tb testing.TB) storetest.Store {
			dsn := newSchema(tb)
			db := mustOpen(tb, dsn, postgres.Options{})
			dsns[db] = dsn
			return db
		},
		Again: func(tb testing.TB, s storetest.Store) storetest.Store {
			return mustOpen(tb, dsns[s.(*postgres.DB)], postgres.Options{})
		},
	})
}

func TestIsDSN(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db": true, "postgresql:///db?host=/tmp": true,
		"timeline.db": false, "./postgres://x": false, "": false,
	} {
		if got := postgres.IsDSN(s); got != want {
			t.Errorf("IsDSN(%q) = %v", s, got)
		}
	}
	if got := postgres.Redact("postgres://me:secret@db.example/tl?sslmode=disable"); strings.Contains(got, "secret") {
		t.Errorf("Redact kept the password: %s", got)
	}
}

// Opened to read, nothing is created; an empty database is no timeline
// database; a write through a reading store fails.
func TestOpen_Read(t *testing.T) {
	ctx := context.Background()
	dsn := newSchema(t)
	for _, mode := range []postgres.Mode{postgres.Mode(2), postgres.Mode(1)} { // Read, Write
		if db, err := postgres.Open(dsn, postgres.Options{Mode: mode}); err == nil {
			db.Close()
			t.Fatalf("mode %d: Open of an empty database succeeded", mode)
		} else if timeline.ErrorCode(err) != timeline.EINVALID || !strings.Contains(err.Error(), "not a timeline database") {
			t.Errorf("mode %d: %v", mode, err)
		}
	}
	w := mustOpen(t, dsn, postgres.Options{})
	if _, err := w.SaveAnalysis(ctx, storetest.FullAnalysis()); err != nil {
		t.Fatal(err)
	}
	ro := mustOpen(t, dsn, postgres.Options{Mode: postgres.Mode(2)})
	if evs, err := ro.Events(ctx, timeline.EventFilter{}); err != nil || len(evs) != 3 {
		t.Errorf("Events = %d, %v", len(evs), err)
	}
	if _, err := ro.SaveAnalysis(ctx, storetest.Article("x", "x body")); timeline.ErrorCode(err) != timeline.EINVALID {
		t.Errorf("save through a reading store: %v", err)
	}
}

func TestOpen_Unreachable(t *testing.T) {
	db, err := postgres.Open("postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2", postgres.Options{})
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded")
	}
	if strings.Contains(err.Error(), "secret") || !strings.Contains(err.Error(), "store: open postgres://nobody:xxxxx@127.0.0.1:1/none") {
		t.Errorf("err = %v", err)
	}
}
