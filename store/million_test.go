package store_test

import (
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
