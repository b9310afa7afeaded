package timeline

import (
	"testing"
	"time"
)

func TestEventFilterValidate(t *testing.T) {
	d := func(s string) time.Time {
		v, err := ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name string
		f    EventFilter
		ok   bool
	}{
		{"empty", EventFilter{}, true},
		{"one day", EventFilter{From: d("2018-01-03"), To: d("2018-01-03")}, true},
		{"open start within", EventFilter{To: d("2018-01-03"), Within: true}, true},
		{"reversed", EventFilter{From: d("2018-01-04"), To: d("2018-01-03")}, false},
		{"root", EventFilter{CAMEO: "13"}, true},
		{"bad root", EventFilter{CAMEO: "21"}, false},
		{"negative limit", EventFilter{Limit: -1}, false},
	}
	for _, tt := range tests {
		err := tt.f.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%s: err %v, want ok=%v", tt.name, err, tt.ok)
		}
		if err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("%s: code %s, want invalid", tt.name, ErrorCode(err))
		}
	}
}

func TestEventFilterInRange(t *testing.T) {
	d := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		v, err := ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	jan := EventFilter{From: d("2018-01-01"), To: d("2018-01-31")}
	for _, tt := range []struct {
		name             string
		f                EventFilter
		earliest, latest string
		want             bool
	}{
		{"no range", EventFilter{}, "", "", true},
		{"day inside", jan, "2018-01-09", "2018-01-09", true},
		{"year around", jan, "2018-01-01", "2018-12-31", true},
		{"day before", jan, "2017-12-31", "2017-12-31", false},
		{"undated", jan, "", "", false},
		{"open end, a year before", jan, "2017-02-01", "", true},
		{"open end, twenty years before", jan, "1996-05-01", "", false},
		{"open end, at the horizon", jan, "2017-01-01", "", true},
		{"open end, a day past the horizon", jan, "2016-12-31", "", false},
		{"open end, after the range", jan, "2018-02-01", "", false},
		{"open start, inside", jan, "", "2018-01-12", true},
		{"open start, before the range", jan, "", "2017-12-31", false},
		{"open start, within the horizon after", jan, "", "2018-06-01", true},
		{"open start, years after", jan, "", "2025-01-01", false},
		{"wider horizon", EventFilter{From: d("2018-01-01"), To: d("2018-01-31"), Horizon: Period{Years: 30}}, "1996-05-01", "", true},
		{"narrower horizon", EventFilter{From: d("2018-01-01"), To: d("2018-01-31"), Horizon: Period{Months: 1}}, "2017-02-01", "", false},
		{"from only, open end long before", EventFilter{From: d("2018-01-01")}, "1996-05-01", "", false},
		{"to only, open start long after", EventFilter{To: d("2018-01-31")}, "", "2030-01-01", false},
		{"to only, open start", EventFilter{To: d("2018-01-31")}, "", "2018-03-01", true},
		{"within, inside", EventFilter{From: d("2018-01-01"), To: d("2018-01-31"), Within: true}, "2018-01-02", "2018-01-03", true},
		{"within, open end", EventFilter{From: d("2018-01-01"), To: d("2018-01-31"), Within: true}, "2018-01-02", "", false},
		{"within from only, open end", EventFilter{From: d("2018-01-01"), Within: true}, "2018-01-02", "", true},
	} {
		if got := tt.f.InRange(d(tt.earliest), d(tt.latest)); got != tt.want {
			t.Errorf("%s: InRange(%s..%s) = %v, want %v", tt.name, tt.earliest, tt.latest, got, tt.want)
		}
	}
}
