package actors

import (
	"testing"
	"time"

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

// TestNamesAcronyms checks that an acronym defined in parentheses after a
// name stands for that name later, over what the dictionary knows by the same
// letters, and only when its letters are the name's initials.
func TestNamesAcronyms(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := NewNames()
	find := func(text string) []Mention {
		return n.Extend(text, 0, d.Find(text, 0, time.Date(2005, 12, 14, 0, 0, 0, 0, time.UTC)))
	}
	find("The Australian Federal Police (AFP) charged the men, the International Commission of Jurists (ICJ) said.")
	for _, tt := range []struct{ text, acr, code string }{
		{"The AFP said the men were held in Sydney.", "AFP", "AUSGOV"},
		{"The ICJ also called on the rebels to stop.", "ICJ", ""},
	} {
		got, found := "", false
		for _, m := range find(tt.text) {
			if m.Text == tt.acr {
				got, found = m.Actor.Code, true
			}
		}
		if !found || got != tt.code {
			t.Errorf("%q: %s coded %q (found %v), want %q", tt.text, tt.acr, got, found, tt.code)
		}
	}
	// Letters that are not the name's initials teach nothing.
	n2 := NewNames()
	n2.Extend("the Kurdistan Workers' Party (PKK) fought on", 0, d.Find("the Kurdistan Workers' Party (PKK) fought on", 0, time.Time{}))
	if n2.acronyms["PKK"] != nil {
		t.Errorf("PKK learnt from a name whose initials are not PKK")
	}
}
