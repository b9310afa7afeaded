package actors

import (
	"slices"
	"strings"
)

// Entry is a coded actor of the dictionary, for listings.
type Entry struct {
	Code string
	Name string // the canonical name
	// Kind is country, organisation, institution, group or person.
	Kind string
}

// Entries lists the coded actors the dictionary knows, by code, then kind and
// name: countries and historical states, international organisations, named
// institutions and groups, and people under each code they carried in office
// (a president under USAGOV, and under USAELI once out of office).
func (d *Dictionary) Entries() []Entry {
	seen := make(map[Entry]bool)
	var out []Entry
	add := func(e Entry) {
		if e.Code != "" && e.Name != "" && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for code, name := range d.countries {
		add(Entry{Code: code, Name: name, Kind: "country"})
	}
	for code, name := range d.orgs {
		add(Entry{Code: code, Name: name, Kind: "organisation"})
	}
	var walk func(n *node)
	walk = func(n *node) {
		for _, e := range n.entries {
			switch e.cat {
			case catInst:
				add(Entry{Code: e.code, Name: e.name, Kind: "institution"})
			case catGroup:
				add(Entry{Code: e.code, Name: e.name, Kind: "group"})
			}
		}
		n.children(func(_ string, c *node) { walk(c) })
	}
	walk(d.root)
	for _, p := range d.people {
		for _, t := range p.terms {
			add(Entry{Code: t.code, Name: p.name, Kind: "person"})
			if t.after != "" {
				add(Entry{Code: t.after, Name: p.name, Kind: "person"})
			}
		}
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}
