package postgres_test

import (
	"database/sql"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/store/postgres"
	"github.com/timelinehq/timeline/store/storetest"
)

// BenchmarkMillion queries a PostgreSQL database of a million events made from
// the silver analyses (storetest.Fill), kept between runs in a schema of the
// test server named for the analyses (storetest.MillionName): made once (many
// minutes), then reused.
func BenchmarkMillion(b *testing.B) {
	dsn := testDSN(b)
	silver := storetest.Silver(b, "../../../shared/corpora/silver")
	name, err := storetest.MillionName(silver)
	if err != nil {
		b.Fatal(err)
	}
	schema := "bench_" + strings.ReplaceAll(name, "-", "_")
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	benchDSN := dsn + sep + "search_path=" + schema
	var done bool
	err = admin.QueryRow(`SELECT EXISTS (SELECT 1 FROM information_schema.tables
		WHERE table_schema = $1 AND table_name = 'bench_complete')`, schema).Scan(&done)
	if err != nil {
		b.Fatal(err)
	}
	if !done {
		if _, err := admin.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE`); err != nil {
			b.Fatal(err)
		}
		if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
			b.Fatal(err)
		}
		db, err := postgres.Open(benchDSN, postgres.Options{})
		if err != nil {
			b.Fatal(err)
		}
		storetest.Fill(b, db, silver, 1_000_000, 500)
		db.Close()
		// VACUUM as autovacuum would in time: it sets the visibility map that
		// lets a listing read the covering index alone (0003_listing.sql).
		if _, err := admin.Exec(`VACUUM ANALYZE`); err != nil {
			b.Fatal(err)
		}
		if _, err := admin.Exec(`CREATE TABLE ` + schema + `.bench_complete ()`); err != nil {
			b.Fatal(err)
		}
	}
	// A schema made by a program with fewer migrations is migrated, then
	// vacuumed as autovacuum would in time.
	version := func() (v int) {
		if err := admin.QueryRow(`SELECT max(version) FROM ` + schema + `.schema_migrations`).Scan(&v); err != nil {
			b.Fatal(err)
		}
		return v
	}
	before := version()
	up, err := postgres.Open(benchDSN, postgres.Options{})
	if err != nil {
		b.Fatal(err)
	}
	up.Close()
	if version() != before {
		if _, err := admin.Exec(`VACUUM ANALYZE`); err != nil {
			b.Fatal(err)
		}
	}
	db, err := postgres.Open(benchDSN, postgres.Options{Mode: postgres.Mode(2)})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	storetest.BenchQueries(b, db)
}
