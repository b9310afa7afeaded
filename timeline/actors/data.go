package actors

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Table headers. A data stream is one or more tables, each starting at its header
// row, so that Load can read one file or several concatenated.
var headers = map[string]string{
	"code\tnames\tadjectives\tcapitals\tplurals":    "countries",
	"kind\tcode\tnames":                             "names",
	"role\talone\twords":                            "roles",
	"office\tcountry\trole\ttitles":                 "titles",
	"code\tname\taliases\toffices\tfrom\tto\tafter": "people",
	"code\tplace":                                   "places",
}

// derivedMark is the line that starts converted tables (data/phoenix-*.tsv).
const derivedMark = "#!derived"

// Roles is the set of CAMEO roles a code may end with.
var Roles = []string{"GOV", "MIL", "OPP", "REB", "JUD", "LEG", "BUS", "MED", "CVL"}

// ValidCode reports whether code is a well-formed actor code: a three-letter
// country code with an optional role ("PRK", "USAGOV"), or IGO followed by an
// organisation's acronym ("IGOUNO").
func ValidCode(code string) bool {
	if strings.HasPrefix(code, "IGO") {
		return len(code) > 3 && upperAlnum(code[3:])
	}
	switch len(code) {
	case 3:
		return upperAlnum(code) && !strings.ContainsAny(code, "0123456789")
	case 6:
		return ValidCode(code[:3]) && slices.Contains(Roles, code[3:])
	}
	return false
}

func upperAlnum(s string) bool {
	for _, c := range []byte(s) {
		if !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// splitCode splits a code into its country part and role ("USAGOV" -> "USA",
// "GOV"; "IGOUNO" -> "IGO", "").
func splitCode(code string) (country, role string) {
	if len(code) < 3 {
		return "", ""
	}
	if strings.HasPrefix(code, "IGO") {
		return "IGO", ""
	}
	return code[:3], code[3:]
}

// ownerKey is the key office holders are filed under: the country for a state
// ("USAGOV" -> "USA"), the whole code for an organisation ("IGONATO").
func ownerKey(code string) string {
	if strings.HasPrefix(code, "IGO") || len(code) < 3 {
		return code
	}
	return code[:3]
}

func newBuilder(d *Dictionary) *builder {
	return &builder{d: d, merged: map[string]*person{}, skipped: map[string]bool{}}
}

// builder accumulates the parsed tables.
type builder struct {
	d   *Dictionary
	tok tokenizer // reused for every name compiled
	// derived is set after a #!derived line, until the end of the stream.
	derived bool
	// merged maps a derived person's name to the hand-written person one of
	// its names names: its other names become that person's, its terms are
	// dropped.
	merged map[string]*person
	// skipped holds derived people of names shared by several hand-written
	// people: which one they are cannot be told.
	skipped map[string]bool
}

// parse reads one stream of tables; name is used in error messages.
func (b *builder) parse(name string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	table := ""
	b.derived = false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == derivedMark {
			b.derived = true
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if t, ok := headers[line]; ok {
			table = t
			continue
		}
		if table == "" {
			return fmt.Errorf("%s:%d: data before a table header", name, n)
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		var err error
		switch table {
		case "countries":
			err = b.country(f)
		case "names":
			err = b.name(f)
		case "roles":
			err = b.role(f)
		case "titles":
			err = b.title(f)
		case "people":
			err = b.person(f)
		case "places":
			err = b.place(f)
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// list splits a "|"-separated field; "-" is the empty list.
func list(f string) []string {
	if f == "-" || f == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(f, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func fields(f []string, n int) error {
	if len(f) != n {
		return fmt.Errorf("want %d tab-separated fields, got %d", n, len(f))
	}
	return nil
}

func (b *builder) country(f []string) error {
	if err := fields(f, 5); err != nil {
		return err
	}
	code, hist := f[0], ""
	if h, c, ok := strings.Cut(code, ">"); ok {
		// A historical state coded as its successor: "USR>RUS".
		hist, code = h, c
		if len(hist) != 3 || !ValidCode(hist) {
			return fmt.Errorf("bad historical code %q", hist)
		}
	}
	if len(code) != 3 || !ValidCode(code) {
		return fmt.Errorf("bad country code %q", code)
	}
	names := list(f[1])
	if len(names) == 0 {
		return fmt.Errorf("country %s has no name", code)
	}
	if hist != "" {
		for _, n := range names {
			b.add(n, &entry{cat: catCountry, code: code, hist: hist, name: names[0]})
		}
		for _, a := range list(f[2]) {
			b.add(a, &entry{cat: catAdj, code: code, hist: hist, name: names[0]})
		}
		for _, p := range list(f[4]) {
			b.add(p, &entry{cat: catPeople, code: code, hist: hist, name: names[0]})
		}
		for _, c := range list(f[3]) {
			b.add(c, &entry{cat: catCapital, code: code + "GOV", hist: hist, name: c})
		}
		b.d.countries[hist] = names[0]
		return nil
	}
	if _, dup := b.d.countries[code]; !dup {
		b.d.countries[code] = names[0]
		b.d.countryOrder = append(b.d.countryOrder, code)
	}
	for _, n := range names {
		b.add(n, &entry{cat: catCountry, code: code, name: names[0]})
	}
	adjs := list(f[2])
	if len(adjs) > 0 && b.d.demonyms[code] == "" {
		b.d.demonyms[code] = adjs[0]
	}
	for _, a := range adjs {
		b.add(a, &entry{cat: catAdj, code: code, name: names[0]})
		// Plurals of demonyms are the people: "the Omanis", "Ghanaians".
		if (strings.HasSuffix(a, "an") || strings.HasSuffix(a, "i")) && len(a) > 3 && strings.ToUpper(a) != a {
			b.add(a+"s", &entry{cat: catPeople, code: code, name: names[0]})
		}
	}
	for _, c := range list(f[3]) {
		b.add(c, &entry{cat: catCapital, code: code + "GOV", name: c})
	}
	for _, p := range list(f[4]) {
		b.add(p, &entry{cat: catPeople, code: code, name: names[0]})
	}
	return nil
}

// place reads a row of a places table: a place read as its country, with its
// own name ("Kandahar", AFG).
func (b *builder) place(f []string) error {
	if err := fields(f, 2); err != nil {
		return err
	}
	if len(f[0]) != 3 || !ValidCode(f[0]) {
		return fmt.Errorf("bad country code %q", f[0])
	}
	if f[1] == "" || f[1] == "-" {
		return fmt.Errorf("no place")
	}
	b.add(f[1], &entry{cat: catPlace, code: f[0], name: f[1]})
	return nil
}

func (b *builder) name(f []string) error {
	if err := fields(f, 3); err != nil {
		return err
	}
	code, partner, _ := strings.Cut(f[1], "+")
	if code == "-" {
		code = ""
	} else if !ValidCode(code) {
		return fmt.Errorf("bad code %q", code)
	}
	if partner != "" && (f[0] != "group" || !ValidCode(partner)) {
		return fmt.Errorf("bad code %q: only a group names a partner (\"PRK+KOR\")", f[1])
	}
	var c category
	switch f[0] {
	case "org":
		c = catOrg
		if !strings.HasPrefix(code, "IGO") {
			return fmt.Errorf("organisation code %q does not start with IGO", code)
		}
	case "gov":
		c = catInst
	case "group":
		c = catGroup
	case "pronoun":
		c = catPronoun
	default:
		return fmt.Errorf("unknown kind %q: want org, gov, group or pronoun", f[0])
	}
	names := list(f[2])
	if len(names) == 0 {
		return fmt.Errorf("no names")
	}
	for _, n := range names {
		b.add(n, &entry{cat: c, code: code, partner: partner, name: canonicalName(c, names[0], n)})
	}
	return nil
}

// canonicalName is the name a mention's actor carries: an organisation's first
// name, and otherwise the name as written ("the White House").
func canonicalName(c category, first, n string) string {
	if c == catOrg {
		return first
	}
	return n
}

func (b *builder) role(f []string) error {
	if err := fields(f, 3); err != nil {
		return err
	}
	if !slices.Contains(Roles, f[0]) {
		return fmt.Errorf("unknown role %q", f[0])
	}
	var alone bool
	switch f[1] {
	case "yes":
		alone = true
	case "no":
	default:
		return fmt.Errorf("alone is %q: want yes or no", f[1])
	}
	for _, w := range list(f[2]) {
		b.add(w, &entry{cat: catRole, role: f[0], alone: alone, name: w})
	}
	return nil
}

func (b *builder) title(f []string) error {
	if err := fields(f, 4); err != nil {
		return err
	}
	office := f[0]
	if office == "-" {
		office = ""
	}
	country := f[1]
	if country == "-" {
		country = ""
	} else if !ValidCode(country) || len(country) != 3 && !strings.HasPrefix(country, "IGO") {
		return fmt.Errorf("bad country %q", country)
	}
	if !slices.Contains(Roles, f[2]) {
		return fmt.Errorf("unknown role %q", f[2])
	}
	for _, w := range list(f[3]) {
		b.add(w, &entry{cat: catTitle, office: office, code: country, role: f[2], name: w})
	}
	return nil
}

func parseBound(s string, last bool) (time.Time, error) {
	if s == "-" {
		return time.Time{}, nil
	}
	if len(s) == len(timeline.DateLayout) {
		// A whole day, the common case of the tens of thousands of terms:
		// parsed directly, as ParseRange formats its error before it tries.
		if t, err := time.Parse(timeline.DateLayout, s); err == nil {
			return t, nil
		}
	}
	first, end, err := timeline.ParseRange(s)
	if err != nil {
		return time.Time{}, err
	}
	if last {
		return end, nil
	}
	return first, nil
}

func (b *builder) person(f []string) error {
	if err := fields(f, 7); err != nil {
		return err
	}
	code := f[0]
	if code != "-" && !ValidCode(code) {
		return fmt.Errorf("bad code %q", code)
	}
	if code == "-" {
		code = ""
	}
	name := f[1]
	if name == "" || name == "-" {
		return fmt.Errorf("no name")
	}
	from, err := parseBound(f[4], false)
	if err != nil {
		return fmt.Errorf("from: %w", err)
	}
	to, err := parseBound(f[5], true)
	if err != nil {
		return fmt.Errorf("to: %w", err)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return fmt.Errorf("%s: term ends %s before it starts %s", name, f[5], f[4])
	}
	after := f[6]
	if after == "-" {
		after = ""
	} else if !ValidCode(after) {
		return fmt.Errorf("bad after code %q", after)
	}
	offices := list(f[3])
	for _, o := range offices {
		if !b.d.offices[o] {
			return fmt.Errorf("%s: unknown office %q (not in titles.tsv)", name, o)
		}
	}
	aliases := list(f[2])
	if b.derived {
		if len(offices) > 0 {
			return fmt.Errorf("%s: a derived person holds no office of titles.tsv", name)
		}
		if b.skipped[name] {
			return nil
		}
		if p := b.merged[name]; p != nil {
			for _, a := range aliases {
				b.addPerson(a, p)
			}
			return nil
		}
		if p, ok := b.d.byName[name]; ok && !p.derived {
			b.merged[name] = p
			for _, a := range aliases {
				b.addPerson(a, p)
			}
			return nil
		}
		if _, ok := b.d.byName[name]; !ok {
			// A derived person one of whose names is a hand-written person's
			// is that person: the other names are added to them, the terms
			// dropped (ours win).
			if p, several := b.oursNamed(append([]string{name}, aliases...)); several {
				b.skipped[name] = true
				return nil
			} else if p != nil {
				b.merged[name] = p
				b.addPerson(name, p)
				for _, a := range aliases {
					b.addPerson(a, p)
				}
				return nil
			}
		}
	}
	p, ok := b.d.byName[name]
	if !ok {
		p = &person{name: name, derived: b.derived}
		b.d.byName[name] = p
		b.d.people = append(b.d.people, p)
		b.addPerson(name, p)
	}
	for _, a := range aliases {
		b.addPerson(a, p)
	}
	t := term{code: code, from: from, to: to, offices: offices, after: after}
	p.terms = append(p.terms, t)
	for _, o := range offices {
		k := holderKey{ownerKey(code), o}
		b.d.holders[k] = append(b.d.holders[k], p)
		if !slices.Contains(b.d.byOffice[o], p) {
			b.d.byOffice[o] = append(b.d.byOffice[o], p)
		}
	}
	return nil
}

// addPerson files one of a person's names and its other romanisations.
func (b *builder) addPerson(n string, p *person) {
	b.add(n, &entry{cat: catPerson, person: p, name: p.name})
	for _, v := range romanizations(n) {
		b.add(v, &entry{cat: catPerson, person: p, name: p.name})
	}
}

// oursNamed returns the hand-written person the names name, if one does, and
// whether they name several.
func (b *builder) oursNamed(names []string) (p *person, several bool) {
	t := &b.tok
	for _, n := range names {
		t.run(n)
		nd := b.d.root
		for i := 0; nd != nil && i < len(t.toks); i++ {
			nd = nd.child(t.keyBytes(i))
		}
		if nd == nil {
			continue
		}
		for _, e := range nd.entries {
			if e.cat != catPerson || e.derived || e.person == p {
				continue
			}
			if p != nil {
				return nil, true
			}
			p = e.person
		}
	}
	return p, false
}
