package main

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/timelinehq/timeline/store/postgres"
)

// silverFiles returns the first n silver articles (all for n <= 0), or skips.
func silverFiles(t *testing.T, n int) []string {
	t.Helper()
	dir, err := filepath.Abs(silver)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Skipf("%s not found: the silver corpus is in ../shared", silver)
	}
	slices.Sort(files)
	if n > 0 && n < len(files) {
		files = files[:n]
	}
	return files
}

// pgSchema returns a DSN of a new schema on the test server, dropped after the
// test, or skips when there is no server.
func pgSchema(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("TIMELINE_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("TIMELINE_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("cmd_%d", rand.Uint64()>>1)
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Error(err)
		}
	})
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + schema
}

// tableCounts counts the rows that make the result of an ingest.
func tableCounts(t *testing.T, db string) string {
	t.Helper()
	driver := "sqlite3"
	if postgres.IsDSN(db) {
		driver = "pgx"
	}
	conn, err := sql.Open(driver, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var parts []string
	for _, table := range []string{"documents", "events", "occurrences", "clusters"} {
		var n int
		if err := conn.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s %d", table, n))
	}
	var merged int
	if err := conn.QueryRow(`SELECT count(*) FROM occurrences WHERE sources > 1`).Scan(&merged); err != nil {
		t.Fatal(err)
	}
	return strings.Join(parts, ", ") + fmt.Sprintf(" (%d reported by several articles)", merged)
}

// Two ingest processes storing the two halves of the silver articles at once
// (alternate files, so that both cover every year) end with what one ingest of
// all of them makes: the same documents, events and occurrences, to the byte
// of the export. TIMELINE_TEST_WRITERS_ARTICLES sets how many articles (0:
// all 1,200; default 240, to keep CI short).
func TestTwoIngestsEqualOne(t *testing.T) {
	n := 240
	if v := os.Getenv("TIMELINE_TEST_WRITERS_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatalf("TIMELINE_TEST_WRITERS_ARTICLES=%q", v)
		}
	}
	files := silverFiles(t, n)
	var halves [2][]string
	for i, f := range files {
		halves[i%2] = append(halves[i%2], f)
	}
	p := newProgram(t, false)
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			newDB := func(name string) string { return filepath.Join(p.dir, kind+"-"+name+".db") }
			if kind == "postgres" {
				newDB = func(string) string { return pgSchema(t) }
			}
			one, two := newDB("one"), newDB("two")
			if _, stderr, err := p.run(append([]string{"--db", one, "ingest", "-q"}, files...)...); err != nil {
				t.Fatalf("one ingest: %v\n%s", err, stderr)
			}
			var wg sync.WaitGroup
			errs := make([]string, 2)
			for i, half := range halves {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, stderr, err := p.run(append([]string{"--db", two, "ingest", "-q", "--workers", "1"}, half...)...); err != nil {
						errs[i] = err.Error() + ": " + stderr
					}
				}()
			}
			wg.Wait()
			for i, e := range errs {
				if e != "" {
					t.Fatalf("ingest of half %d: %s", i, e)
				}
			}
			want, got := tableCounts(t, one), tableCounts(t, two)
			t.Logf("%d articles, one ingest: %s", len(files), want)
			t.Logf("%d articles, two at once: %s", len(files), got)
			if got != want {
				t.Errorf("two ingests at once: %s\none ingest: %s", got, want)
			}
			export := func(db string) string {
				out, stderr, err := p.run("--db", db, "export", "--format", "jsonl")
				if err != nil {
					t.Fatalf("export: %v\n%s", err, stderr)
				}
				return out
			}
			if a, b := export(one), export(two); a != b {
				t.Errorf("the exports differ (%d and %d bytes)", len(a), len(b))
			}
		})
	}
}
