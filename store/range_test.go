package store_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// The SQL of a date-range query answers as timeline.EventFilter.InRange, the
// rule every store follows: checked over events of many shapes (closed, open at
// either end, at and past the horizon) and ranges of every kind.
func TestEvents_InRangeAgrees(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	days := []string{"", "1996-05-01", "2016-12-31", "2017-01-01", "2017-02-01", "2017-12-31", "2018-01-01",
		"2018-01-15", "2018-01-31", "2018-02-01", "2018-06-01", "2019-01-31", "2019-02-01", "2025-01-01"}
	type bounds struct{ lo, hi string }
	var all []bounds
	var evs []ev
	for _, lo := range days {
		for _, hi := range days {
			if lo != "" && hi != "" && hi < lo {
				continue
			}
			all = append(all, bounds{lo, hi})
			evs = append(evs, ev{id: fmt.Sprintf("e%03d", len(evs)), earliest: lo, latest: hi, cameo: "01"})
		}
	}
	if _, err := db.SaveAnalysis(ctx, analysis("grid", "grid body", evs...)); err != nil {
		t.Fatal(err)
	}
	var filters []timeline.EventFilter
	for _, from := range []string{"", "2018-01-01", "2018-02-01"} {
		for _, to := range []string{"", "2018-01-31", "2018-12-31"} {
			if from != "" && to != "" && to < from {
				continue
			}
			for _, h := range []timeline.Period{{}, {Months: 1}, {Years: 30}, {Years: 9000}} {
				for _, within := range []bool{false, true} {
					filters = append(filters, timeline.EventFilter{From: d(from), To: d(to), Horizon: h, Within: within})
				}
			}
		}
	}
	for _, f := range filters {
		got, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs, wantIDs []string
		for _, e := range got {
			gotIDs = append(gotIDs, e.ID)
		}
		for i, b := range all {
			if f.InRange(d(b.lo), d(b.hi)) {
				wantIDs = append(wantIDs, evs[i].id)
			}
		}
		slices.Sort(gotIDs)
		if !slices.Equal(gotIDs, wantIDs) {
			for i, b := range all {
				in, want := slices.Contains(gotIDs, evs[i].id), f.InRange(d(b.lo), d(b.hi))
				if in != want {
					t.Errorf("from %s to %s horizon %v within %v: event %s..%s matched %v, InRange says %v",
						timeline.FormatDay(f.From), timeline.FormatDay(f.To), f.Horizon, f.Within, b.lo, b.hi, in, want)
				}
			}
		}
	}
}
