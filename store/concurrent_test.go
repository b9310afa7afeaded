package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
)

// Several ingests starting together on a database that does not exist yet all
// succeed: the first one creates the schema, the others wait for it.
func TestOpen_ConcurrentCreate(t *testing.T) {
	ctx := context.Background()
	for round := range 20 {
		path := filepath.Join(t.TempDir(), fmt.Sprintf("new%d.db", round))
		const writers = 6
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]error, writers)
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				db, err := store.Open(path)
				if err != nil {
					errs[i] = err
					return
				}
				defer db.Close()
				a := analysis(fmt.Sprintf("doc%d", i), fmt.Sprintf("body %d", i), ev{ID: fmt.Sprintf("e%d", i), Earliest: "2018-01-01", Latest: "2018-01-01", CAMEO: "01"})
				_, errs[i] = db.SaveAnalysis(ctx, a)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, writer %d: %v", round, i, err)
			}
		}
		db := mustOpen(t, path)
		docs, err := db.Documents(ctx)
		if err != nil || len(docs) != writers {
			t.Fatalf("round %d: %d documents, %v; want %d", round, len(docs), err, writers)
		}
		var _ timeline.Store = db
	}
}
