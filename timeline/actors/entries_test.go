package actors

import "testing"

func TestEntries(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	es := d.Entries()
	has := func(code, name, kind string) bool {
		for _, e := range es {
			if e.Code == code && e.Name == name && e.Kind == kind {
				return true
			}
		}
		return false
	}
	for _, want := range []Entry{
		{"PRK", "North Korea", "country"},
		{"IGOUNO", "United Nations", "organisation"},
	} {
		if !has(want.Code, want.Name, want.Kind) {
			t.Errorf("Entries lacks %+v", want)
		}
	}
	persons := 0
	for i, e := range es {
		if e.Code == "" || e.Name == "" {
			t.Errorf("entry without code or name: %+v", e)
		}
		if i > 0 && es[i-1].Code > e.Code {
			t.Errorf("not sorted by code at %+v", e)
		}
		if e.Kind == "person" {
			persons++
		}
	}
	if persons < d.People() {
		t.Errorf("%d person entries for %d people", persons, d.People())
	}
}
