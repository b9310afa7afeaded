package actors

import (
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// TestNamesLearn checks that a person the article introduces by an office is
// found again by either name alone, and that a name part two such people share
// stays unresolved.
func TestNamesLearn(t *testing.T) {
	n := NewNames()
	n.Learn("Terry Davidson", timeline.Actor{Name: "State Department", Code: "USAGOV"}, "USA", "GOV")
	n.Learn("Ana Torres", timeline.Actor{Name: "foreign ministry", Code: "URYGOV"}, "URY", "GOV")
	n.Learn("Luis Torres", timeline.Actor{Name: "army", Code: "PRYMIL"}, "PRY", "MIL")
	tests := []struct {
		text string
		want string // code of the mention found, "" for none
	}{
		{"Davidson said the talks went well.", "USAGOV"},
		{"Terry said the talks went well.", "USAGOV"},
		{"Torres said the talks went well.", ""},
		{"Ana said the talks went well.", "URYGOV"},
		{"Smith said the talks went well.", ""},
	}
	for _, tt := range tests {
		ms := n.Extend(tt.text, 0, nil)
		got := ""
		if len(ms) > 0 {
			got = ms[0].Actor.Code
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
