package timeline_test

import (
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func TestParseRange(t *testing.T) {
	for _, tt := range []struct{ in, first, last string }{
		{"2018", "2018-01-01", "2018-12-31"},
		{"2016-02", "2016-02-01", "2016-02-29"},
		{"2018-01-03", "2018-01-03", "2018-01-03"},
	} {
		first, last, err := timeline.ParseRange(tt.in)
		if err != nil {
			t.Errorf("ParseRange(%q): %v", tt.in, err)
			continue
		}
		if f, l := timeline.FormatDay(first), timeline.FormatDay(last); f != tt.first || l != tt.last {
			t.Errorf("ParseRange(%q) = %s..%s, want %s..%s", tt.in, f, l, tt.first, tt.last)
		}
	}
	// Only digits: strconv.Atoi alone would read "+201" as the year 201.
	for _, in := range []string{"", "18", "20180", "+201", "-201", "2018-+1", "2018-1", "2018-00", "2018-13",
		"2018-02-30", "2018-01-01-", "2018-01-+1", " 2018", "٢٠١٨"} {
		if _, _, err := timeline.ParseRange(in); timeline.ErrorCode(err) != timeline.EINVALID {
			t.Errorf("ParseRange(%q): err %v, want EINVALID", in, err)
		}
	}
}

func TestCheckDCT(t *testing.T) {
	for _, tt := range []struct {
		day string
		ok  bool
	}{{"0999-12-31", false}, {"1000-01-01", true}, {"2018-01-12", true}, {"2999-12-31", true}, {"3000-01-01", false}} {
		d, err := time.Parse(timeline.DateLayout, tt.day)
		if err != nil {
			t.Fatal(err)
		}
		if err := timeline.CheckDCT(d); (err == nil) != tt.ok {
			t.Errorf("CheckDCT(%s) = %v, want ok %v", tt.day, err, tt.ok)
		}
	}
}
