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
