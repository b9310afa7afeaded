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
