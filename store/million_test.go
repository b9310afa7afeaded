package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/store/storetest"
)

// BenchmarkMillion queries a SQLite database of a million events made from
// the silver analyses (storetest.MillionSQLite: made once, minutes, then kept
// in the temporary folder).
func BenchmarkMillion(b *testing.B) {
	path := storetest.MillionSQLite(b, "../../shared/corpora/silver")
	db, err := store.OpenWith(path, store.Options{Mode: store.Read})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	storetest.BenchQueries(b, db)
}

// BenchmarkStoreSilver stores the analyses of the 1,200 silver articles into a
// new database in batches of 64, as ingest does: the storage alone (inserts
// and merging into occurrences), the analysis done before the timer starts.
func BenchmarkStoreSilver(b *testing.B) {
	silver := storetest.Silver(b, "../../shared/corpora/silver")
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		db := mustOpen(b, filepath.Join(b.TempDir(), "silver.db"))
		for i := 0; i < len(silver); i += 64 {
			if _, _, err := db.SaveAnalyses(ctx, silver[i:min(i+64, len(silver))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(silver)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
