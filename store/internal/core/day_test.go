package core

import (
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// A day read back is what time.Parse makes of it, or an error where it fails.
func TestDayParseAgreesWithTimeParse(t *testing.T) {
	for _, s := range []string{
		"2001-06-01", "0001-01-01", "9999-12-31", "0000-01-01", "2000-02-29", "2001-02-29",
		"2001-02-30", "2001-13-01", "2001-00-10", "2001-01-00", "2001-1-01", "20010601",
		"2001-06-01x", "2001/06/01", "+001-06-01", "2001-06-3a", "", "1998-04-31",
	} {
		var d day
		err := d.parse(s)
		want, wantErr := time.Parse(timeline.DateLayout, s)
		if (err != nil) != (wantErr != nil) || err == nil && !d.t.Equal(want) || err == nil && d.t.Location() != want.Location() {
			t.Errorf("%q: got %v, %v; time.Parse: %v, %v", s, d.t, err, want, wantErr)
		}
	}
}

// A day written is what time.Format makes of it, in the time's own zone.
func TestDayAgreesWithTimeFormat(t *testing.T) {
	east := time.FixedZone("east", 14*3600)
	times := []time.Time{
		time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2018, 1, 12, 23, 0, 0, 0, time.UTC).In(east), time.Date(999, 10, 9, 0, 0, 0, 0, time.UTC),
	}
	for d := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2030; d = d.AddDate(0, 0, 37) {
		times = append(times, d)
	}
	for _, tm := range times {
		if got, want := Day(tm), tm.Format(timeline.DateLayout); got != want {
			t.Errorf("Day(%v) = %v, want %q", tm, got, want)
		}
	}
	if got := Day(time.Time{}); got != nil {
		t.Errorf("Day(zero) = %v, want nil", got)
	}
}
