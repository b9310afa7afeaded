package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
)

// codeKind classifies a Phoenix actor code once mapped onto EVENTS.md.
type codeKind int

const (
	kDrop      codeKind = iota // nothing EVENTS.md codes: a territory, a party, a criminal
	kCountry                   // a bare country ("AFG")
	kRole                      // a country and a role ("USAGOV", "USABUS")
	kOut                       // out of office (ELI)
	kIGO                       // an organisation of igo.tsv ("IGOUNO")
	kStateless                 // an armed group of no state (Phoenix IMG, INT): code null
)

// political roles make a person worth a dated entry: people who only ever
// appear as business people, journalists or civilians are private persons.
var political = map[string]bool{"GOV": true, "MIL": true, "OPP": true, "REB": true, "JUD": true, "LEG": true}

// mapCode maps a Phoenix code onto an EVENTS.md code. names are the record's
// raw names, for an organisation's acronym when igo.tsv does not know its code.
func (ru *rules) mapCode(raw string, names []string) (string, codeKind) {
	switch {
	case raw == "" || raw == "---":
		return "", kDrop
	case raw == "ELI":
		return "", kOut
	case strings.HasPrefix(raw, "IGO"):
		for _, p := range ru.igo {
			if strings.HasPrefix(raw, p.prefix) {
				return p.code, kIGO
			}
		}
		for _, n := range names {
			if w, ok := phraseWords(n); ok && len(w) == 1 {
				a := strings.ReplaceAll(w[0], ".", "")
				if len(a) >= 2 && len(a) <= 7 && !ru.common[strings.ToLower(a)] && upperLetters(a) && isAcronym(a, true, ru.common) {
					return "IGO" + a, kIGO
				}
			}
		}
		return "", kDrop
	case strings.HasPrefix(raw, "IMG"):
		return "", kStateless
	case strings.HasPrefix(raw, "NGO") || strings.HasPrefix(raw, "MNC"):
		role := ru.roles[raw[:3]]
		if role == "-" {
			return "", kDrop
		}
		if len(raw) >= 6 {
			if c := ru.countryCode(raw[3:6]); c != "" {
				return c + role, kRole
			}
		}
		return "", kDrop
	}
	if len(raw) < 3 {
		return "", kDrop
	}
	c := ru.countryCode(raw[:3])
	if c == "" {
		if raw[:3] == "INT" {
			return "", kStateless
		}
		return "", kDrop
	}
	if len(raw) == 3 {
		return c, kCountry
	}
	if len(raw) < 6 {
		return "", kDrop
	}
	seg := raw[3:6]
	if len(raw) >= 9 && ru.roles[raw[3:9]] != "" {
		seg = raw[3:9] // a branch of government with a role of its own
	}
	switch role := ru.roles[seg]; role {
	case "", "-":
		return "", kDrop // a territory ("GBRVGB") or a sector EVENTS.md has no role for
	case "out":
		return "", kOut
	default:
		return c + role, kRole
	}
}

// countryCode returns the code of countries.tsv a Phoenix country code stands
// for ("USR" -> "RUS", as the hand-written table codes the Soviet Union), "" for
// none.
func (ru *rules) countryCode(c string) string {
	if h, ok := ru.hist[c]; ok {
		if h == "-" {
			return "" // a region
		}
		return h
	}
	if ru.country[c] {
		return c
	}
	return ""
}

func upperLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

type term struct {
	code     string
	from, to time.Time
}

// person is a row group of phoenix-people.tsv.
type person struct {
	name    string
	aliases []string
	terms   []term
	after   string
	src     string
}

// named is a row of phoenix-names.tsv.
type named struct {
	kind, code string
	names      []string
	src        string
	group      bool // an armed group, whatever its name looks like
}

// place is a name of phoenix-places.tsv.
type place struct {
	code, name, src string
}

type output struct {
	people []*person
	names  []*named
	places []place
	titles map[string][]string // role -> singular titles
	roles  map[string][]string // role -> role words
	stats  map[string]int
	warns  []string
}

func newOutput() *output {
	return &output{titles: map[string][]string{}, roles: map[string][]string{}, stats: map[string]int{}}
}

var parenRE = regexp.MustCompile(`\(([^)]*)\)`)

// splitParens takes "(AAIA)" out of a group's name: the acronym becomes a name
// of its own.
func splitParens(raw string) []string {
	out := []string{strings.TrimSpace(parenRE.ReplaceAllString(raw, " "))}
	for _, m := range parenRE.FindAllStringSubmatch(raw, -1) {
		out = append(out, m[1])
	}
	return out
}

// source says which file a record came from, for the stats and the rows'
// comments.
type source int

const (
	srcCountries source = iota
	srcInternational
	srcMilNonState
)

// record turns one Phoenix record into people, places or named actors.
func (o *output) record(ru *rules, src source, file string, rec record) {
	where := fmt.Sprintf("%s:%d", file, rec.line)
	if src == srcMilNonState {
		o.group(ru, where, rec)
		return
	}
	if o.person(ru, where, rec) {
		return
	}
	if src == srcCountries && o.place(ru, where, rec) {
		return
	}
	if o.institution(ru, where, rec) {
		return
	}
	o.stats["records skipped (no dated political role, no institution name, no country)"]++
}

// person takes a record with at least one dated political term (or a dated
// term in an organisation of igo.tsv).
func (o *output) person(ru *rules, where string, rec record) bool {
	var terms []term
	politicalTerm := false
	after := ""
	for _, r := range rec.res {
		code, k := ru.mapCode(r.code, rec.names)
		if !r.dated {
			if k == kRole && after == "" {
				after = code // the code when no dated restriction applies
			}
			continue
		}
		switch k {
		case kRole:
			terms = append(terms, term{code, r.from, r.to})
			if political[code[3:]] {
				politicalTerm = true
			}
		case kIGO:
			terms = append(terms, term{code, r.from, r.to})
			politicalTerm = true
		}
	}
	if !politicalTerm {
		return false
	}
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].from.Before(terms[j].from) })
	// Names: honorifics and titles dropped ("SECRETARY-GENERAL_BAN_KI-MOON"),
	// single words dropped (a surname alone names too many people).
	var ids []*person
	for _, raw := range rec.names {
		words, ok := phraseWords(raw)
		if !ok {
			o.stats["person names not plain names"]++
			continue
		}
		words = ru.stripTitles(words)
		if len(words) < 2 {
			o.stats["person names of one word (a surname alone) dropped"]++
			continue
		}
		name := written(words, false, ru.common)
		var same *person
		for _, p := range ids {
			if sameName(p.name, name) {
				same = p
				break
			}
		}
		switch {
		case same != nil && key(same.name) != key(name) && !containsKey(same.aliases, name):
			same.aliases = append(same.aliases, name)
		case same == nil:
			// A synonym that shares no word with the names before it is
			// another person given the same codes (old CountryInfo records).
			ids = append(ids, &person{name: name, terms: terms, after: after, src: where})
		}
	}
	if len(ids) == 0 {
		o.stats["people with no usable name"]++
		return true
	}
	if len(ids) > 1 {
		o.stats["records of several people (synonyms sharing no word)"]++
	}
	o.people = append(o.people, ids...)
	return true
}

// sameName reports whether two written names share a word or a close spelling
// of one ("Chekib Khalil", "Chakib Khelil"), particles aside.
func sameName(a, b string) bool {
	for _, x := range strings.Fields(key(a)) {
		if particles[x] || len(x) < 3 {
			continue
		}
		for _, y := range strings.Fields(key(b)) {
			if !particles[y] && len(y) >= 3 && similar(x, y) {
				return true
			}
		}
	}
	return false
}

func containsKey(list []string, s string) bool {
	k := key(s)
	for _, x := range list {
		if key(x) == k {
			return true
		}
	}
	return false
}

// stripTitles drops leading honorifics and titles ("SHEIKH", "FOREIGN_MINISTER")
// from a person's name.
func (ru *rules) stripTitles(words []string) []string {
	for len(words) > 0 {
		w := key(words[0])
		if ru.lists["honorific"][w] {
			words = words[1:]
			continue
		}
		// The longest title phrase at the start ("foreign minister").
		n := 0
		for i := len(words); i > 0; i-- {
			if ru.titles[key(strings.Join(words[:i], " "))] {
				n = i
				break
			}
		}
		if n == 0 {
			break
		}
		words = words[n:]
	}
	return words
}

// place takes a country record: its names and synonyms (other spellings,
// cities, provinces), each a place coded as the bare country. It is filtered
// later (safePlaces).
func (o *output) place(ru *rules, where string, rec record) bool {
	code := ""
	for _, r := range rec.res {
		if c, k := ru.mapCode(r.code, nil); k == kCountry && !r.dated {
			code = c
			break
		}
	}
	if code == "" {
		// A state whose code changed: the code of its open-ended restriction
		// ("[ARM >911221]").
		for _, r := range rec.res {
			if c, k := ru.mapCode(r.code, nil); k == kCountry && r.dated && r.to.IsZero() {
				code = c
			}
		}
	}
	if code == "" {
		return false
	}
	for _, raw := range rec.names {
		words, ok := phraseWords(raw)
		if !ok {
			o.stats["place names not plain names"]++
			continue
		}
		o.places = append(o.places, place{code: code, name: written(words, false, ru.common), src: where})
	}
	return true
}

// institution takes an undated record whose names look like an organisation's
// (a word such as "council" or "army", or an acronym): an IGO of igo.tsv, a
// state's institution, an NGO or a company with its country.
func (o *output) institution(ru *rules, where string, rec record) bool {
	code, kind := "", kDrop
	for _, r := range rec.res {
		if r.dated {
			continue
		}
		if c, k := ru.mapCode(r.code, rec.names); k == kRole || k == kIGO || k == kStateless {
			code, kind = c, k
			break
		}
	}
	if kind == kDrop {
		return false
	}
	names := o.orgNames(ru, rec.names, true)
	if kind == kRole {
		// A state institution's acronym of three letters or less is some
		// other state's too (every state has an NSC).
		var keep []string
		for _, n := range names {
			if strings.Contains(n, " ") || len(strings.ReplaceAll(n, ".", "")) > 3 {
				keep = append(keep, n)
			} else {
				o.stats["institution acronyms of three letters dropped"]++
			}
		}
		names = keep
	}
	if len(names) == 0 {
		o.stats["undated records with no organisation's name (undatable people)"]++
		return true
	}
	n := &named{kind: "gov", code: code, names: names, src: where}
	switch kind {
	case kIGO:
		n.kind = "org"
	case kStateless:
		n.code = "-"
	}
	o.names = append(o.names, n)
	return true
}

// group takes a record of the armed non-state groups: each is a group whatever
// its name, coded by its country and REB, or null when it has no state.
func (o *output) group(ru *rules, where string, rec record) {
	code, kind := "", kDrop
	for _, r := range rec.res {
		c, k := ru.mapCode(r.code, rec.names)
		if k == kRole || k == kStateless {
			code, kind = c, k
			break
		}
		if k == kDrop && len(r.code) == 6 && strings.HasSuffix(r.code, "REB") {
			code, kind = "", kStateless // a region or movement CAMEO has no country for
		}
	}
	if kind == kDrop {
		o.stats["groups with no usable code"]++
		return
	}
	names := o.orgNames(ru, rec.names, false)
	if len(names) == 0 {
		o.stats["groups with no usable name"]++
		return
	}
	if kind == kStateless {
		code = "-"
	}
	o.names = append(o.names, &named{kind: "gov", code: code, names: names, src: where, group: true})
}

// orgNames returns the written names of an organisation or group; with
// needWord, only when one of them looks like an organisation's.
func (o *output) orgNames(ru *rules, raws []string, needWord bool) []string {
	var out []string
	looks := false
	for _, raw := range raws {
		for _, part := range splitParens(raw) {
			words, ok := phraseWords(part)
			if !ok {
				continue
			}
			if words[0] == "THE" && len(words) > 1 {
				words = words[1:]
			}
			for _, w := range words {
				if ru.lists["institution"][key(w)] {
					looks = true
				}
			}
			if len(words) == 1 && isAcronym(words[0], true, ru.common) {
				looks = true
			}
			n := written(words, true, ru.common)
			// A short word that the hand-written tables know as a name
			// ("USA", "UK") keeps its capitals.
			ws := strings.Fields(n)
			for i, w := range ws {
				if len(w) <= 4 && ru.ours[key(w)] && strings.ToUpper(w) == words[i] {
					ws[i] = words[i]
				}
			}
			n = strings.Join(ws, " ")
			if !containsKey(out, n) {
				out = append(out, n)
			}
		}
	}
	if needWord && !looks {
		return nil
	}
	return out
}
