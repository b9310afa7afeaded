package postgres_test

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/store/postgres"
	"github.com/timelinehq/timeline/store/storetest"
	"github.com/timelinehq/timeline/timeline"
)

// The same silver copies (storetest.Copy, as the million-event databases are
// made of, copies 40 apart reporting the same occurrences) stored in SQLite in
// one transaction and in PostgreSQL in reverse order in transactions of a few
// articles give the same occurrences, timeline.Merge of all their events: a
// store's occurrences depend on neither the store nor the batches.
func TestSilverCopiesSameAsSQLite(t *testing.T) {
	dsn := newSchema(t)
	silver := storetest.SilverFirst(t, "../../../shared/corpora/silver", 150)
	var as []*timeline.Analysis
	var all []timeline.Event
	for _, k := range []int{0, 40, 80, 1} {
		for _, a := range silver {
			c := storetest.Copy(a, k)
			as = append(as, c)
			all = append(all, c.Events...)
		}
	}
	ctx := context.Background()
	lite, err := store.Open(filepath.Join(t.TempDir(), "silver.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, _, err := lite.SaveAnalyses(ctx, as); err != nil {
		t.Fatal(err)
	}
	pg := mustOpen(t, dsn, postgres.Options{})
	reversed := slices.Clone(as)
	slices.Reverse(reversed)
	for i := 0; i < len(reversed); i += 7 {
		if _, _, err := pg.SaveAnalyses(ctx, reversed[i:min(i+7, len(reversed))]); err != nil {
			t.Fatal(err)
		}
	}
	want := timeline.Merge(all)
	if len(want) > len(all)*3/4 {
		t.Fatalf("%d occurrences of %d events: too few merged to test merging", len(want), len(all))
	}
	// And a month in the middle of them, read by the range query.
	var known []time.Time
	for _, e := range want {
		if !e.Earliest.IsZero() {
			known = append(known, e.Earliest)
		}
	}
	slices.SortFunc(known, time.Time.Compare)
	mid := known[len(known)/2]
	first := time.Date(mid.Year(), mid.Month(), 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []timeline.EventFilter{{}, {From: first, To: first.AddDate(0, 1, -1)}} {
		fromLite, err := lite.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		fromPG, err := pg.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s..%s: %d occurrences of %d events", timeline.FormatDay(f.From), timeline.FormatDay(f.To), len(fromLite), len(all))
		if len(fromLite) == 0 {
			t.Errorf("%s..%s: nothing stored in range", timeline.FormatDay(f.From), timeline.FormatDay(f.To))
		}
		if !reflect.DeepEqual(fromLite, fromPG) {
			t.Errorf("%s..%s: SQLite has %d occurrences, PostgreSQL %d, not the same", timeline.FormatDay(f.From), timeline.FormatDay(f.To), len(fromLite), len(fromPG))
		}
		if f == (timeline.EventFilter{}) && !reflect.DeepEqual(fromLite, want) {
			t.Errorf("SQLite has %d occurrences, timeline.Merge of every event %d, not the same", len(fromLite), len(want))
		}
	}
}
