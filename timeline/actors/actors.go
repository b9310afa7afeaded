// Package actors recognises political actors in text and codes them CAMEO-style.
//
// The dictionary is data (data/*.tsv, embedded): countries with their names,
// demonyms and capitals, organisations and institutions, role words, titles and
// people with their terms of office. Load compiles every name into a trie keyed by
// lowercased tokens; Find tokenizes a text once and at each token takes the longest
// match, combining a few patterns around the trie's words: [the] [country] (title |
// role) [of country] [name], so that "Germany's chancellor Angela Merkel" and
// "the Berlin government" are one mention each.
//
// The data files, each documented in its header: countries.tsv (codes, names,
// demonyms, capitals), names.tsv (organisations, institutions, groups,
// pronouns), roles.tsv (role words: government GOV, troops MIL...), titles.tsv
// (titles and the offices they name) and people.tsv (one term of office a line).
// After them come the tables converted from the PETRARCH2 / Phoenix CAMEO
// dictionaries (MIT, Open Event Data Alliance; data/PHOENIX-LICENSE):
// phoenix-people.tsv, phoenix-names.tsv, phoenix-places.tsv and
// phoenix-roles.tsv, rebuilt by go generate (./convert); where both name an
// actor, the hand-written tables win.
// Codes follow shared/spec/EVENTS.md; where it and the gold annotation differ
// (the Soviet Union is RUS in the gold, USR in CAMEO) the gold is followed and
// the other code kept in Mention.Historical.
package actors

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Mention kinds.
const (
	KindCountry = "country" // "Germany", "the U.S.", "Berlin" as a place
	KindGov     = "gov"     // "Berlin" (capital as metonym), "the German government"
	KindPerson  = "person"  // "Angela Merkel", "Chancellor Angela Merkel"
	KindOrg     = "org"     // "the UN", "NATO", "the IAEA"
	KindTitle   = "title"   // a role with no name: "the president", "the German leader", "the chancellor"
	KindGroup   = "group"   // "the two Koreas", "the international community"
	KindPronoun = "pronoun" // "he", "she", "they", "it"
)

// Mention is an actor mention found in text.
type Mention struct {
	Span  timeline.Span // byte offsets into the text given to Find, plus its base
	Text  string
	Kind  string
	Actor timeline.Actor // canonical name and CAMEO-style code; Code may be "" when unknown
	// Country is the ISO-3 country part the mention carries, even when the full
	// code is unknown ("the president" of a known country); "" when none. It is
	// "IGO" for international organisations.
	Country string
	// Role is the CAMEO role the mention implies ("GOV", "MIL", ...), "" for a
	// bare country.
	Role string
	// Office is the office a title names ("president", "prime-minister",
	// "foreign-minister", "leader", ...; the keys of data/titles.tsv), "" for none;
	// set on a person named with a title too ("Chancellor Angela Merkel").
	// With Country it lets a caller resolve a title whose country comes from
	// context: d.Holder(country, m.Office, at).
	Office string
	// Historical is the historical state's own code when the mention names one
	// that is coded as its successor ("USR" for "the Soviet Union", coded RUS as
	// the gold annotation codes it); "" otherwise.
	Historical string
	// Partner is, for a group of two parties ("the two Koreas", coded PRK), the
	// code of the other ("KOR"); "" otherwise.
	Partner string
	// Former is set for "former"/"late"/"ousted" titles ("the former president"):
	// the office is not held at the article's date.
	Former bool
	// Place is set for a city or a capital named as such ("Geneva",
	// "Asuncion"): written before a noun without a possessive it says where,
	// not who ("the Geneva talks", "the Asuncion bombing").
	Place bool
}

type category uint8

const (
	catCountry category = iota + 1 // "Germany"
	catAdj                         // "German"
	catPeople                      // "the Germans"
	catCapital                     // "Berlin"
	catOrg                         // "NATO"
	catInst                        // "the White House", "Hezbollah"
	catRole                        // "government", "troops"
	catTitle                       // "president", "foreign minister"
	catPerson                      // "Angela Merkel"
	catGroup                       // "the two Koreas"
	catPronoun                     // "he"
	catPlace                       // "Kandahar": a place read as its country, never its government
)

type mask uint16

func (c category) in(m mask) bool { return m&(1<<c) != 0 }

func cats(cs ...category) mask {
	var m mask
	for _, c := range cs {
		m |= 1 << c
	}
	return m
}

var (
	maskOwner = cats(catCountry, catAdj, catCapital, catOrg, catInst)
	maskAny   = mask(0xffff)
)

// entry is one name of the dictionary as compiled into the trie.
type entry struct {
	cat  category
	code string // full code (country code, IGO code, institution code; a title's implied country)
	hist string // a historical state's own code ("USR"), its code being its successor's
	// partner is the other party a group of two stands for ("the two Koreas":
	// code PRK, partner KOR).
	partner string
	name    string // canonical name
	role    string // role words and titles
	office  string // titles
	alone   bool   // role words that make a mention with no country
	person  *person
	// cases holds, per token, what case a text token must have to match: the
	// rules of countries.tsv, fixed at load time.
	cases []uint8
	// proper lists, for a name of several capitalised words, their positions:
	// the text must have them all capitalised or all lowercase ("the united
	// states" in a transcript), not mixed ("central African countries").
	proper []int
	// strict ranks entries sharing a key: a stricter case requirement means a
	// more specific reading ("US" the country before "us" the pronoun).
	strict int
	// derived marks an entry of the converted tables (data/phoenix-*.tsv),
	// which never override a name the hand-written tables give.
	derived bool
}

// Case requirements of an entry token.
const (
	reqAny   uint8 = iota // lowercase in the data: any case
	reqCap                // capitalised in the data: the text must be too
	reqUpper              // a short acronym: the text must be all capitals
)

// node is a node of the name trie. Most nodes of a large dictionary (the
// last words of people's names) have one child: it is held in key1/child1,
// and a map is made only for a second.
type node struct {
	key1    string
	child1  *node
	next    map[string]*node
	entries []*entry
}

// child returns the child of n for the key k ("" for none); string(k) in a
// comparison or a map index does not allocate.
func (n *node) child(k []byte) *node {
	if n.child1 != nil && n.key1 == string(k) {
		return n.child1
	}
	if n.next == nil {
		return nil
	}
	return n.next[string(k)]
}

// addChild returns the child of n for key, made if missing.
func (n *node) addChild(k []byte) *node {
	if c := n.child(k); c != nil {
		return c
	}
	c := &node{}
	switch {
	case n.child1 == nil && n.next == nil:
		n.key1, n.child1 = string(k), c
	default:
		if n.next == nil {
			n.next = make(map[string]*node, 2)
		}
		n.next[string(k)] = c
	}
	return c
}

// children calls fn for each child of n.
func (n *node) children(fn func(k string, c *node)) {
	if n.child1 != nil {
		fn(n.key1, n.child1)
	}
	for k, c := range n.next {
		fn(k, c)
	}
}

type term struct {
	code     string
	from, to time.Time // inclusive; zero: open
	offices  []string
	after    string // code once out of office; "" for the default, country + OPP
}

func (t term) holds(at time.Time) bool {
	return (t.from.IsZero() || !at.Before(t.from)) && (t.to.IsZero() || !at.After(t.to))
}

type person struct {
	name  string
	terms []term
	// derived marks a person of the converted tables: taken only near the
	// terms (see near), as most are minor office holders of one country.
	derived bool
}

type holderKey struct{ owner, office string }

// Dictionary is the actor dictionary. It is safe for concurrent use.
type Dictionary struct {
	root         *node
	countries    map[string]string // code -> name
	countryOrder []string
	demonyms     map[string]string // code -> first adjective
	offices      map[string]bool   // office keys titles.tsv defines
	people       []*person
	byName       map[string]*person
	holders      map[holderKey][]*person
	byOffice     map[string][]*person // office -> everyone who held it, any country
	orgs         map[string]string    // code -> name

	pool sync.Pool // *tokenizer
}

func newDictionary() *Dictionary {
	return &Dictionary{
		root:      &node{},
		countries: make(map[string]string),
		demonyms:  make(map[string]string),
		offices:   make(map[string]bool),
		byName:    make(map[string]*person),
		holders:   make(map[holderKey][]*person),
		byOffice:  make(map[string][]*person),
		orgs:      make(map[string]string),
	}
}

// Load reads a dictionary: one or more tables in the formats of data/*.tsv, each
// starting at its header row. Titles must come before the people holding them.
// A line "#!derived" marks the tables after it as converted data (as in
// data/phoenix-*.tsv): their names never override those of the tables before,
// and their people are taken only near their terms.
func Load(r io.Reader) (*Dictionary, error) {
	d := newDictionary()
	b := newBuilder(d)
	if err := b.parse("input", r); err != nil {
		return nil, err
	}
	return d, nil
}

//go:embed data/*.tsv
var dataFS embed.FS

// dataFiles lists the embedded tables in the order they are read: titles before
// people, whose offices they define; the hand-written tables before those
// converted from the PETRARCH2 / Phoenix dictionaries (phoenix-*.tsv, made by
// go generate: see convert), which start with the #!derived line and so never
// override a name of the hand-written ones.
var dataFiles = []string{"countries.tsv", "names.tsv", "roles.tsv", "titles.tsv", "people.tsv",
	"phoenix-places.tsv", "phoenix-names.tsv", "phoenix-roles.tsv", "phoenix-people.tsv"}

var defaultDict = sync.OnceValues(func() (*Dictionary, error) {
	d := newDictionary()
	b := newBuilder(d)
	for _, f := range dataFiles {
		data, err := dataFS.ReadFile("data/" + f)
		if err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
		if err := b.parse(f, bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("actors: %w", err)
		}
	}
	return d, nil
})

// Default returns the embedded dictionary. It is compiled once and shared.
func Default() (*Dictionary, error) { return defaultDict() }

// add compiles name into the trie. A derived entry is not added where the
// hand-written tables already name something: theirs win.
func (b *builder) add(name string, e *entry) {
	d := b.d
	e.derived = b.derived
	t := &b.tok
	t.run(name)
	if len(t.toks) == 0 {
		return
	}
	if e.derived && d.ours(t) {
		return
	}
	if e.cat == catOrg && d.orgs[e.code] == "" {
		d.orgs[e.code] = e.name
	}
	if e.cat == catTitle && e.office != "" {
		d.offices[e.office] = true
	}
	// Case rules: a name of two capitalised words or more is specific enough to
	// match all in lowercase ("the united states" in a transcript), though not
	// in mixed case ("central African"); a single capitalised word must be
	// capitalised ("China", not "china"); a short acronym must be in capitals
	// ("US", not "us").
	capped := 0
	for i := range t.toks {
		if c := t.toks[i].cls; c == caseTitle || c == caseUpper {
			capped++
		}
	}
	e.cases = make([]uint8, len(t.toks))
	for i, tok := range t.toks {
		if capped > 1 && (tok.cls == caseTitle || tok.cls == caseUpper && tok.k1-tok.k0 > 3) {
			e.proper = append(e.proper, i)
		}
		switch {
		case tok.cls == caseUpper && t.toks[i].k1-t.toks[i].k0 <= 3:
			e.cases[i] = reqUpper
			e.strict += 2
		case (tok.cls == caseTitle || tok.cls == caseUpper) && capped == 1:
			e.cases[i] = reqCap
			e.strict++
		}
	}
	n := d.root
	for i := range t.toks {
		n = n.addChild(t.keyBytes(i))
	}
	for _, old := range n.entries {
		if old.cat == e.cat && old.code == e.code && old.person == e.person && old.role == e.role && old.office == e.office {
			return // the same reading twice (a surname on two lines of one person)
		}
	}
	// Keep the stricter readings first: they are tried first.
	i := len(n.entries)
	for i > 0 && n.entries[i-1].strict < e.strict {
		i--
	}
	n.entries = append(n.entries, nil)
	copy(n.entries[i+1:], n.entries[i:])
	n.entries[i] = e
}

// ours reports whether the hand-written tables give an entry for the tokens t
// hold.
func (d *Dictionary) ours(t *tokenizer) bool {
	n := d.root
	for i := range t.toks {
		if n = n.child(t.keyBytes(i)); n == nil {
			return false
		}
	}
	for _, e := range n.entries {
		if !e.derived {
			return true
		}
	}
	return false
}

// Countries returns the number of countries, historical states and regions.
func (d *Dictionary) Countries() int { return len(d.countries) }

// People returns the number of people.
func (d *Dictionary) People() int { return len(d.people) }

// Orgs returns the number of international organisations.
func (d *Dictionary) Orgs() int { return len(d.orgs) }

// CountryName returns the name of a country code ("PRK" -> "North Korea").
func (d *Dictionary) CountryName(code string) (string, bool) {
	n, ok := d.countries[code]
	return n, ok
}

// OrgName returns the name of an organisation code ("IGOUNO" -> "United
// Nations").
func (d *Dictionary) OrgName(code string) (string, bool) {
	n, ok := d.orgs[code]
	return n, ok
}

// Demonym returns the adjective of a country code ("PRK" -> "North Korean").
func (d *Dictionary) Demonym(code string) (string, bool) {
	n, ok := d.demonyms[code]
	return n, ok
}

// Holder returns who held office in country (an ISO-3 code, or an organisation's
// code such as "IGOUNO") on the day at, with the code they carried then. office
// is a key of data/titles.tsv ("president", "prime-minister", "leader", ...).
// "leader" falls back to the president, then the prime minister.
func (d *Dictionary) Holder(country, office string, at time.Time) (timeline.Actor, bool) {
	if at.IsZero() || country == "" || office == "" {
		return timeline.Actor{}, false
	}
	at = timeline.Day(at)
	offices := []string{office}
	if office == "leader" {
		offices = append(offices, "president", "prime-minister", "chancellor", "king")
	}
	for _, o := range offices {
		for _, p := range d.holders[holderKey{country, o}] {
			for _, t := range p.terms {
				if ownerKey(t.code) == country && t.holds(at) && contains(t.offices, o) {
					return timeline.Actor{Name: p.name, Code: t.code}, true
				}
			}
		}
	}
	return timeline.Actor{}, false
}

// holderBySurname returns the one person of any country who holds office on
// day at and whose name ends in surname: "Prime Minister Khan" with no country
// named is the prime minister of that name then in office, when there is one
// and only one.
func (d *Dictionary) holderBySurname(office, surname string, at time.Time) *person {
	var found *person
	for _, p := range d.byOffice[office] {
		f := strings.Fields(p.name)
		if f[len(f)-1] != surname || !p.held(office, true, at) {
			continue
		}
		if found != nil && found != p {
			return nil
		}
		found = p
	}
	return found
}

// Leader returns the leader of country on the day at: the holder of the office
// "leader" where data/people.tsv marks one, else the president, the prime
// minister, the chancellor or the king.
func (d *Dictionary) Leader(country string, at time.Time) (timeline.Actor, bool) {
	return d.Holder(country, "leader", at)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// codeAt is the code p carries on day at: that of the term then running; before
// the first term, the first term's; between or after terms, the "after" code of
// the last term ended (by default the country + OPP, as EVENTS.md codes former
// leaders). With no date it is the code of the latest term.
func (p *person) codeAt(at time.Time) string {
	if len(p.terms) == 0 {
		return ""
	}
	if at.IsZero() {
		return p.terms[len(p.terms)-1].code
	}
	at = timeline.Day(at)
	var last *term
	first := &p.terms[0]
	for i := range p.terms {
		t := &p.terms[i]
		if t.holds(at) {
			return t.code
		}
		if !t.from.IsZero() && t.from.Before(first.from) {
			first = t
		}
		if !t.to.IsZero() && t.to.Before(at) && (last == nil || t.to.After(last.to)) {
			last = t
		}
	}
	if last == nil {
		return first.code
	}
	if last.after != "" {
		return last.after
	}
	if c, _ := splitCode(last.code); c != "" && c != "IGO" {
		return c + "OPP"
	}
	return ""
}

// Years around a derived person's terms in which the name is taken for them.
const nearBefore, nearAfter = 5, 10

// near reports whether day at lies within a few years of p's terms (always
// with no date): most people of the converted tables are ministers of one
// cabinet, and their names, many shared by others ("Ali Ahmed"), should not
// make actors of the people mentioned decades away.
func (p *person) near(at time.Time) bool {
	if at.IsZero() || !p.derived {
		return true
	}
	at = timeline.Day(at)
	for _, t := range p.terms {
		if (t.from.IsZero() || !at.Before(t.from.AddDate(-nearBefore, 0, 0))) &&
			(t.to.IsZero() || !at.After(t.to.AddDate(nearAfter, 0, 0))) {
			return true
		}
	}
	return false
}

// startsAfter reports whether every term of p starts more than years after
// day at, so that a bare surname then most likely names someone else.
func (p *person) startsAfter(at time.Time, years int) bool {
	if at.IsZero() || len(p.terms) == 0 {
		return false
	}
	limit := timeline.Day(at).AddDate(years, 0, 0)
	for _, t := range p.terms {
		if t.from.IsZero() || !t.from.After(limit) {
			return false
		}
	}
	return true
}

// serves reports whether p ever held a term for owner (a holder key: "USA",
// "IGONATO").
func (p *person) serves(owner string) bool {
	for _, t := range p.terms {
		if ownerKey(t.code) == owner {
			return true
		}
	}
	return false
}

// headOffices are the offices of a head of state or government.
var headOffices = []string{"leader", "president", "prime-minister", "chancellor", "king"}

// heads reports whether p is a head of state or government on day at.
func (p *person) heads(at time.Time) bool {
	if at.IsZero() {
		return false
	}
	for _, o := range headOffices {
		if p.held(o, true, at) {
			return true
		}
	}
	return false
}

// held reports whether p ever held office, or with now, held it on day at.
func (p *person) held(office string, now bool, at time.Time) bool {
	for _, t := range p.terms {
		if contains(t.offices, office) && (!now || t.holds(timeline.Day(at))) {
			return true
		}
	}
	return false
}

// rank reports whether p holds any term on day at, and how recently a term
// of p started before at (for telling apart two people of one surname).
func (p *person) rank(at time.Time) (bool, time.Time) {
	var latest time.Time
	for _, t := range p.terms {
		if t.holds(at) {
			return true, t.from
		}
		if !t.from.IsZero() && t.from.Before(at) && t.from.After(latest) {
			latest = t.from
		}
	}
	return false, latest
}

// pickPerson chooses among the people sharing a name (a father and a son who
// both held office): the one in office at the date, else the one whose last
// term started most recently before it.
func pickPerson(es []*entry, at time.Time) *entry {
	if len(es) == 1 || at.IsZero() {
		return es[0]
	}
	at = timeline.Day(at)
	best := es[0]
	bestIn, bestFrom := best.person.rank(at)
	for _, e := range es[1:] {
		in, from := e.person.rank(at)
		if in && !bestIn || in == bestIn && from.After(bestFrom) {
			best, bestIn, bestFrom = e, in, from
		}
	}
	return best
}
