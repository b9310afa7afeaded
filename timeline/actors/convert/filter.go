package main

import (
	"sort"
	"strings"
)

// filter drops what is unsafe to take from Phoenix: names the hand-written
// tables already give (they win, and the loader would skip them anyway), single
// words that are English words ("Nice", "Reading") or, for places, part of a
// person's name ("Jackson", "Victoria"), names ending in a title ("UN Envoy":
// titles are read by the recogniser's patterns), and names that Phoenix gives
// two different codes or kinds (the same city in two countries).
func (o *output) filter(ru *rules) {
	personWords := map[string]bool{}
	personNames := map[string]bool{}
	firstNames := map[string]int{}
	for _, p := range o.people {
		for _, n := range append([]string{p.name}, p.aliases...) {
			personNames[key(n)] = true
			f := strings.Fields(key(n))
			firstNames[f[0]]++
			for _, w := range f {
				personWords[w] = true
			}
		}
	}
	// The armed-group file lists leaders among the groups ("Ayman al
	// Zawahiri"): a name that is a person's, or starts with a first name
	// Phoenix's people use three times or more and has no word of an
	// institution, is a person's.
	personLike := func(n string) bool {
		f := strings.Fields(key(n))
		if personNames[key(n)] {
			return true
		}
		if len(f) < 2 || firstNames[f[0]] < 3 || ru.lists["institution"][f[0]] {
			return false
		}
		for _, w := range f {
			if ru.lists["institution"][w] {
				return false
			}
		}
		return true
	}
	single := func(n string) bool { return !strings.Contains(key(n), " ") }
	endsInTitle := func(n string) bool {
		f := strings.Fields(key(n))
		return len(f) > 1 && ru.heads[phraseHead(f)]
	}
	reject := func(n string, isPlace bool) string {
		k := key(n)
		switch {
		case k == "":
			return "empty"
		case ru.ours[k] || ru.titles[k] || ru.ourRoles[k]:
			return "already in the hand-written tables"
		case single(n) && (ru.common[k] || ru.common[strings.TrimSuffix(k, "s")] || ru.lists["function"][k] || len(k) < 3 && isPlace):
			return "a single English word" // or its plural ("Tigers")
		case single(n) && isPlace && personWords[k]:
			return "a single word that is part of a person's name"
		case endsInTitle(n):
			return "headed by a title (\"UN Envoy\")"
		}
		return ""
	}
	// A place is kept only when it names the country itself: another spelling
	// ("Afghanastan", "Byelarus") or a longer form with the country's name in
	// it ("Islamic Republic of Afghanistan"). Cities and provinces are not:
	// read as their country, a city makes an actor of every place an event
	// happens in ("arrived in Philadelphia", "talks in Brussels"), which is
	// what the event extractor then takes for a target.
	namesCountry := func(p place) bool {
		pw := strings.Fields(key(p.name))
		for _, n := range ru.country1[p.code] {
			if similar(key(p.name), n) {
				return true
			}
			for _, w := range strings.Fields(n) {
				if len(w) < 4 || particles[w] || ru.lists["generic"][w] {
					continue
				}
				for _, x := range pw {
					if similar(x, w) {
						return true
					}
				}
			}
		}
		return false
	}

	// Every non-person name with what it would be read as.
	readings := map[string]map[string]bool{}
	note := func(n, reading string) {
		k := key(n)
		if readings[k] == nil {
			readings[k] = map[string]bool{}
		}
		readings[k][reading] = true
	}
	var places []place
	for _, p := range o.places {
		r := reject(p.name, true)
		if r == "" && !namesCountry(p) {
			r = "a city or province, not the country's name"
		}
		if r != "" {
			o.stats["places dropped: "+r]++
			continue
		}
		places = append(places, p)
		note(p.name, "place "+p.code)
	}
	for _, n := range o.names {
		var keep []string
		for _, name := range n.names {
			r := reject(name, false)
			if r == "" && n.group && personLike(name) {
				r = "a person's name among the groups"
			}
			if r != "" {
				o.stats["organisation and group names dropped: "+r]++
				continue
			}
			keep = append(keep, name)
			note(name, n.kind+" "+n.code)
		}
		n.names = keep
	}
	ambiguous := func(n string) bool { return len(readings[key(n)]) > 1 }

	seen := map[string]bool{}
	o.places = o.places[:0]
	for _, p := range places {
		k := key(p.name)
		switch {
		case ambiguous(p.name):
			o.stats["places dropped: read two ways"]++
		case seen[k]:
		default:
			seen[k] = true
			o.places = append(o.places, p)
		}
	}
	var names []*named
	for _, n := range o.names {
		var keep []string
		for _, name := range n.names {
			k := key(name)
			switch {
			case ambiguous(name):
				o.stats["organisation and group names dropped: read two ways"]++
			case seen[k]:
			default:
				seen[k] = true
				keep = append(keep, name)
			}
		}
		if len(keep) > 0 {
			n.names = keep
			names = append(names, n)
		}
	}
	o.names = names

	// A person's name that is also a place or an organisation is neither's.
	var people []*person
	for _, p := range o.people {
		var all []string
		for _, n := range append([]string{p.name}, p.aliases...) {
			if readings[key(n)] != nil || ru.ours[key(n)] {
				o.stats["person names dropped: also a place or organisation"]++
				continue
			}
			all = append(all, n)
		}
		if len(all) == 0 {
			continue
		}
		p.name, p.aliases = all[0], all[1:]
		people = append(people, p)
	}
	o.people = people
}

// sortOutput orders everything for a deterministic file.
func (o *output) sortOutput() {
	sort.SliceStable(o.people, func(i, j int) bool {
		a, b := o.people[i], o.people[j]
		if a.name != b.name {
			return a.name < b.name
		}
		return a.src < b.src
	})
	sort.SliceStable(o.names, func(i, j int) bool {
		a, b := o.names[i], o.names[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.code != b.code {
			return a.code < b.code
		}
		return a.names[0] < b.names[0]
	})
	sort.SliceStable(o.places, func(i, j int) bool {
		a, b := o.places[i], o.places[j]
		if a.code != b.code {
			return a.code < b.code
		}
		return a.name < b.name
	})
	for _, m := range []map[string][]string{o.titles, o.roles} {
		for k := range m {
			sort.Strings(m[k])
		}
	}
}
