package actors

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// sharedNames are names that intentionally stand for more than one actor: people
// of one surname told apart by date, and a few words that are one thing in one
// phrase and another alone. Any other name with two codes is a data error.
var sharedNames = map[string]bool{}

func TestDataCodes(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *node, path []string)
	var clashes []string
	walk = func(n *node, path []string) {
		name := strings.Join(path, " ")
		codes := map[category]map[string]bool{}
		for _, e := range n.entries {
			code := e.code
			if e.person != nil {
				for _, tm := range e.person.terms {
					if tm.code != "" && !ValidCode(tm.code) {
						t.Errorf("%s: bad code %q", e.person.name, tm.code)
					}
				}
				code = e.person.name
			} else if code != "" && !ValidCode(code) {
				t.Errorf("%q: bad code %q", name, code)
			}
			if e.cat == catRole || e.cat == catTitle {
				code += "/" + e.role + "/" + e.office
			}
			// A country's name, adjective and people share its code; an
			// adjective that is also a name ("U.S.") is fine.
			c := e.cat
			if c == catAdj || c == catPeople {
				c = catCountry
			}
			if codes[c] == nil {
				codes[c] = map[string]bool{}
			}
			codes[c][code] = true
		}
		// Across the coded categories (country, capital, organisation,
		// institution, group) one name should mean one code too.
		coded := map[string]bool{}
		for _, e := range n.entries {
			switch e.cat {
			case catCountry, catAdj, catPeople, catCapital, catOrg, catInst, catGroup, catPlace:
				c, _ := splitCode(e.code)
				coded[c] = true
			}
		}
		if len(coded) > 1 && !sharedNames[name] {
			var list []string
			for k := range coded {
				list = append(list, k)
			}
			sort.Strings(list)
			clashes = append(clashes, fmt.Sprintf("%q across categories: %v", name, list))
		}
		for c, cs := range codes {
			if len(cs) > 1 && !sharedNames[name] && c != catPerson {
				var list []string
				for k := range cs {
					list = append(list, k)
				}
				sort.Strings(list)
				clashes = append(clashes, fmt.Sprintf("%q (category %d): %v", name, c, list))
			}
		}
		n.children(func(k string, c *node) {
			walk(c, append(path, k))
		})
	}
	walk(d.root, nil)
	sort.Strings(clashes)
	for _, c := range clashes {
		t.Errorf("name with several codes: %s", c)
	}
}

// TestDataTerms checks tenures: each term ends after it starts (Load checks that
// too), and no two people hold one office of one country on the same day.
func TestDataTerms(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type held struct {
		p *person
		t term
	}
	byOffice := map[holderKey][]held{}
	for _, p := range d.people {
		if len(p.terms) == 0 {
			t.Errorf("%s: no terms", p.name)
		}
		for _, tm := range p.terms {
			if !tm.from.IsZero() && !tm.to.IsZero() && tm.to.Before(tm.from) {
				t.Errorf("%s: term %v ends before it starts", p.name, tm)
			}
			for _, o := range tm.offices {
				k := holderKey{ownerKey(tm.code), o}
				byOffice[k] = append(byOffice[k], held{p, tm})
			}
		}
	}
	for k, hs := range byOffice {
		for i, a := range hs {
			for _, b := range hs[i+1:] {
				if a.p == b.p {
					continue
				}
				if overlap(a.t, b.t) {
					t.Errorf("%s %s: %s (%s..%s) and %s (%s..%s) overlap", k.owner, k.office,
						a.p.name, day(a.t.from), day(a.t.to), b.p.name, day(b.t.from), day(b.t.to))
				}
			}
		}
	}
}

func day(t interface{ Format(string) string }) string { return t.Format("2006-01-02") }

// overlap reports whether two terms share more than their handover day.
func overlap(a, b term) bool {
	if a.from.IsZero() || b.from.IsZero() {
		return false // undated: nothing to compare
	}
	aEnd, bEnd := a.to, b.to
	return (aEnd.IsZero() || b.from.Before(aEnd)) && (bEnd.IsZero() || a.from.Before(bEnd))
}

func TestValidCode(t *testing.T) {
	for code, ok := range map[string]bool{
		"USA": true, "USAGOV": true, "IGOUNO": true, "IGOG7": true, "PRK": true,
		"US": false, "usa": false, "USAXYZ": false, "IGO": false, "USAGOVX": false, "": false, "U1A": false,
	} {
		if ValidCode(code) != ok {
			t.Errorf("ValidCode(%q) = %v, want %v", code, !ok, ok)
		}
	}
}
