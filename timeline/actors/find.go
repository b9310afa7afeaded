package actors

import (
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Modifier classes of a token.
const (
	modNone   uint8 = iota
	modFormer       // "former", "late": the holder is out of office
	modOther        // "top", "acting", "then"
)

// modifiers may stand between "the", a country and a title or role ("the former
// Soviet leader", "top German officials").
var modifiers = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, w := range strings.Fields("former late ousted deposed exiled ex erstwhile") {
		m[w] = modFormer
	}
	for _, w := range strings.Fields(`then current acting outgoing incoming top senior visiting veteran
		hardline moderate embattled interim chief influential powerful reclusive young elderly ailing
		newly elected unpredictable new newly-elected coalition transitional provisional caretaker
		ruling civilian`) {
		m[w] = modOther
	}
	return m
}()

// pastVerb reports whether a lower-case word is a verb in the past tense
// ("detained", "told"), which no field of an office is.
func pastVerb(k string) bool {
	switch k {
	case "told", "met", "sent", "urged", "warned", "asked", "hit", "held", "left", "led":
		return true
	}
	return len(k) > 4 && strings.HasSuffix(k, "ed")
}

// notNames are capitalised words that never start or continue a person's name
// after a title ("Chancellor Merkel Tuesday", "the President On").
var notNames = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true, "on": true, "in": true, "at": true,
	"of": true, "for": true, "to": true, "with": true, "said": true, "says": true, "i": true, "he": true, "she": true,
	"we": true, "it": true, "they": true, "this": true, "that": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"when": true, "while": true, "after": true, "before": true, "as": true, "if": true, "although": true, "though": true,
	"since": true, "until": true, "because": true, "where": true, "then": true, "later": true, "meanwhile": true,
	"also": true, "yesterday": true, "today": true, "earlier": true, "so": true, "now": true, "here": true, "there": true,
	"by": true, "from": true, "both": true, "neither": true, "nor": true, "only": true, "even": true, "however": true,
}

// nameParticles may stand inside a name after a title ("Karim el Amin", "Anna
// van Dijk").
var nameParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "de": true, "van": true, "von": true, "da": true, "di": true, "der": true, "la": true, "le": true}

// Find returns the actor mentions in text, longest match first, in order of
// position, with spans shifted by base (the offset of text in its body). at is the
// article's date, used to resolve titles to the office holder of the time ("the
// chancellor" of Germany in 2010 is Angela Merkel); zero when unknown.
func (d *Dictionary) Find(text string, base int, at time.Time) []Mention {
	if d == nil || d.root == nil {
		return nil // a zero Dictionary knows no names
	}
	t, _ := d.pool.Get().(*tokenizer)
	if t == nil {
		t = &tokenizer{}
	}
	defer d.pool.Put(t)
	t.run(text)
	return d.find(t, text, base, at)
}

// FindTokens is Find over a text another tokenizer has split into tokens
// (spans of text, in order, as the analysed document gives them): the
// mentions are made of whole tokens. Spans out of order or outside text are
// skipped.
func (d *Dictionary) FindTokens(text string, tokens []timeline.Span, at time.Time) []Mention {
	if d == nil || d.root == nil {
		return nil
	}
	t, _ := d.pool.Get().(*tokenizer)
	if t == nil {
		t = &tokenizer{}
	}
	defer d.pool.Put(t)
	t.runSpans(text, tokens)
	return d.find(t, text, 0, at)
}

func (d *Dictionary) find(t *tokenizer, text string, base int, at time.Time) []Mention {
	// One map lookup per token for the trie's first level and one for the
	// modifiers; the patterns then look at each token several times.
	t.first = t.first[:0]
	t.mods = t.mods[:0]
	for i := range t.toks {
		k := t.keyBytes(i)
		t.first = append(t.first, d.root.child(k))
		t.mods = append(t.mods, modifiers[string(k)])
	}
	f := finder{d: d, t: t, text: text, base: base, at: at}
	var out []Mention
	for i := 0; i < len(t.toks); {
		m, end := f.next(i)
		if end <= i {
			i++
			continue
		}
		out = append(out, m)
		i = end
	}
	shareRoles(text, base, out)
	return out
}

// shareRoles gives a demonym coordinated with another before one role word
// that role too: in "the Ethiopian and Eritrean leaders" both peoples'
// leaders act, not Ethiopia and Eritrea's leaders; "US and British
// officials" are both governments' officials.
func shareRoles(text string, base int, ms []Mention) {
	// Right to left, so that a list shares the role of its last member
	// ("Russian, US and British counterparts").
	for k := len(ms) - 2; k >= 0; k-- {
		a, b := &ms[k], &ms[k+1]
		if a.Kind != KindCountry || a.Role != "" || b.Role == "" || b.Country == "" || b.Country == "IGO" ||
			a.Country == "" || a.Country == "IGO" || b.Kind == KindPerson || !demonym(a) {
			continue
		}
		gap := strings.TrimSpace(text[a.Span.End-base : b.Span.Start-base])
		if gap != "and" && gap != "or" && gap != "," {
			continue
		}
		a.Role, a.Kind = b.Role, b.Kind
		a.Actor.Code = a.Country + b.Role
	}
}

// demonym reports whether a country mention can modify a noun: a demonym
// ("Ethiopian") or an acronym ("US"), one word that is not the country's name.
func demonym(m *Mention) bool {
	return !strings.Contains(m.Text, " ") && m.Text != m.Actor.Name
}

// Lookup finds the actor a whole name stands for ("Angela Merkel", "U.S. State
// Department", "Berlin"), dated at at (zero: the latest). The name must be
// one mention from end to end: "the United Nations" is not, "United Nations" is.
func (d *Dictionary) Lookup(name string, at time.Time) (Mention, bool) {
	ms := d.Find(name, 0, at)
	if len(ms) != 1 || ms[0].Span.Start != 0 || ms[0].Span.End != len(name) {
		return Mention{}, false
	}
	return ms[0], true
}

type finder struct {
	d    *Dictionary
	t    *tokenizer
	text string
	base int
	at   time.Time
}

// locative reports whether the place just matched, ending before token end,
// only says where someone is or comes from: "Montevideo-based", "US-born". The
// word it is hyphened to names someone else, whom the place does not code.
func (f *finder) locative(end int) bool {
	if end >= len(f.t.toks) || f.t.toks[end].start != f.t.toks[end-1].end+1 || f.text[f.t.toks[end-1].end] != '-' {
		return false
	}
	switch f.key(end) {
	case "based", "born", "headquartered", "registered":
		return true
	}
	return false
}

func (f *finder) key(i int) string {
	if i >= len(f.t.toks) {
		return ""
	}
	return string(f.t.keyBytes(i))
}

// passes reports whether e's case rules accept the tokens from p, and for a
// person of the converted tables, whether the text's date is near their terms.
func (f *finder) passes(e *entry, p int) bool {
	if e.person != nil && !e.person.near(f.at) {
		return false
	}
	for i, req := range e.cases {
		cls := f.t.toks[p+i].cls
		switch req {
		case reqUpper:
			if cls != caseUpper {
				return false
			}
		case reqCap:
			if cls != caseTitle && cls != caseUpper {
				return false
			}
		}
	}
	if len(e.proper) > 1 {
		capped := 0
		for _, i := range e.proper {
			if c := f.t.toks[p+i].cls; c == caseTitle || c == caseUpper {
				capped++
			}
		}
		if e.cat == catPerson {
			// Korean and Chinese names write their last part lowercase after a
			// hyphen ("Lee Myung-bak"): the first word decides.
			c := f.t.toks[p+e.proper[0]].cls
			return capped == 0 || c == caseTitle || c == caseUpper
		}
		if capped == 0 && (e.cat == catInst || e.cat == catOrg) && !anchored(e) && (p == 0 || f.key(p-1) != "the") {
			// Lowercase, an institution's name is most often part of a common
			// noun phrase ("the supreme national security council" is Iran's);
			// right after "the" it is the institution ("the state department"
			// in a transcript).
			return false
		}
		if e.cat == catCountry && capped == len(e.proper)-1 && geoNouns[f.key(p+e.proper[len(e.proper)-1])] {
			// Transcripts write a place's last word lowercase ("the Baltic
			// sea"), but not a name's ("the United states" is no country).
			c := f.t.toks[p+e.proper[0]].cls
			return c == caseTitle || c == caseUpper
		}
		return capped == 0 || capped == len(e.proper)
	}
	return true
}

// placeModifiers may stand capitalised before a place name ("East Jerusalem").
var placeModifiers = map[string]bool{"east": true, "west": true, "north": true, "south": true, "central": true,
	"greater": true, "old": true, "new": true, "downtown": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "occupied": true, "metropolitan": true, "suburban": true, "outer": true, "inner": true}

// geoNouns end place names that transcripts may leave lowercase.
var geoNouns = map[string]bool{"gulf": true, "sea": true, "ocean": true, "coast": true, "strait": true, "straits": true, "peninsula": true, "islands": true}

// anchored reports whether e has an acronym ("UN security council"), which
// vouches for the rest of the name in whatever case.
func anchored(e *entry) bool {
	for _, c := range e.cases {
		if c == reqUpper {
			return true
		}
	}
	return false
}

// match walks the trie from token p and returns the end of the longest name with
// an entry of a category in m that the text's case accepts, and that entry
// (the first by strictness, then by load order). end is p when nothing matches.
func (f *finder) match(p int, m mask) (end int, best *entry, n *node) {
	end = p
	if p >= len(f.t.toks) {
		return end, nil, nil
	}
	cur := f.t.first[p]
	for j := p; cur != nil; j++ {
		if j > p {
			if j >= len(f.t.toks) {
				break
			}
			if cur = cur.child(f.t.keyBytes(j)); cur == nil {
				break
			}
		}
		for _, e := range cur.entries {
			if e.cat.in(m) && f.passes(e, p) {
				end, best, n = j+1, e, cur
				break
			}
		}
	}
	return end, best, n
}

// persons picks the person a matched name stands for on the article's date.
func (f *finder) persons(n *node, p int) *entry {
	var es []*entry
	for _, e := range n.entries {
		if e.cat == catPerson && f.passes(e, p) {
			es = append(es, e)
		}
	}
	return pickPerson(es, f.at)
}

// personsHolding picks, among the people a matched name stands for, the one on
// the article's date who held office (ever, or with now on that date; any of
// them when office is "" or "leader", which every head of state or government
// is); nil when none did.
func (f *finder) personsHolding(n *node, p int, office string, now bool) *entry {
	var all, es []*entry
	for _, e := range n.entries {
		if e.cat == catPerson && f.passes(e, p) {
			all = append(all, e)
			if office == "" || office == "leader" || e.person.held(office, now, f.at) {
				es = append(es, e)
			}
		}
	}
	if len(es) == 0 && now && len(all) == 1 && all[0].person.held(office, false, f.at) {
		// A name of one person only: "Chancellor Merkel" in a 2023 article
		// is still Merkel.
		es = all
	}
	if len(es) == 0 {
		return nil
	}
	return pickPerson(es, f.at)
}

func (f *finder) mention(a, b int, kind string, actor timeline.Actor, country, role string) Mention {
	s, e := f.t.toks[a].start, f.t.toks[b-1].end
	return Mention{
		Span:    timeline.Span{Start: f.base + s, End: f.base + e},
		Text:    f.text[s:e],
		Kind:    kind,
		Actor:   actor,
		Country: country,
		Role:    role,
	}
}

// skipMods skips modifiers from p and reports whether one marked a former holder.
func (f *finder) skipMods(p int) (int, bool) {
	former := false
	// At most three: a run of modifiers is rare, and unbounded it would make
	// Find quadratic on "former former former ...".
	for n := 0; p < len(f.t.toks) && n < 3; n++ {
		switch f.t.mods[p] {
		case modFormer:
			former = true
		case modOther:
		default:
			return p, former
		}
		p++
		if f.key(p) == "-" { // "ex-president"
			p++
		}
	}
	return p, former
}

// ownerCountry returns the country part and the holder key of an owner entry.
func ownerCountry(e *entry) (country, key string) {
	switch e.cat {
	case catCountry, catAdj, catPeople:
		return e.code, e.code
	case catOrg:
		return "IGO", e.code
	default: // capitals and institutions carry a full code
		c, _ := splitCode(e.code)
		return c, ownerKey(e.code)
	}
}

// owner matches a country, organisation, capital or institution at p, with an
// optional possessive, and returns it with the offset after it.
func (f *finder) owner(p int) (*entry, int, int) {
	end, e, _ := f.match(p, maskOwner)
	if e == nil {
		return nil, p, p
	}
	nameEnd := end
	if f.key(end) == "'s" && e.cat != catAdj {
		end++
	}
	return e, nameEnd, end
}

// ofOwner matches "of [the] <country>", or with in "in <country>", after a title
// or role ("President of Ghana", "authorities in Ghana"). "In" is only for the
// civil roles: "troops in Mali" are seldom Mali's, nor "the ambassador in
// Berlin" Germany's.
func (f *finder) ofOwner(p int, in bool) (*entry, int) {
	k := f.key(p)
	if k != "of" && (k != "in" || !in) {
		return nil, p
	}
	q := p + 1
	if f.key(q) == "the" {
		q++
	}
	end, e, _ := f.match(q, cats(catCountry, catOrg))
	if e != nil {
		return e, end
	}
	// "governments of 30 African countries", "ministers of both nations"
	for n := 0; n < 2 && q < len(f.t.toks) && (quantifiers[f.key(q)] || isNumber(f.key(q))); n++ {
		q++
	}
	end, e, _ = f.match(q, cats(catAdj))
	if e == nil || !countryNouns[f.key(end)] {
		return nil, p
	}
	return e, end + 1
}

// indefinites before a title keep it from naming the office holder.
var indefinites = map[string]bool{"a": true, "an": true, "another": true, "one": true, "any": true, "every": true, "no": true}

// placeWords before a capital make it a place rather than its government.
var placeWords = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true, "the": true, "around": true}

var (
	quantifiers  = map[string]bool{"all": true, "other": true, "several": true, "many": true, "some": true, "both": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "member": true}
	countryNouns = map[string]bool{"countries": true, "nations": true, "states": true, "country": true, "nation": true, "state": true}
)

func isNumber(k string) bool {
	for _, c := range []byte(k) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return k != ""
}

// next finds the mention starting at token i, returning it and the token after it;
// end <= i when there is none.
func (f *finder) next(i int) (Mention, int) {
	sm, send := f.structured(i)
	dend, de, dn := f.match(i, maskAny)
	// On a tie a known person beats the title pattern, which would read "King
	// Harald" as the title "King" and an unknown name.
	if de == nil || send > dend || send == dend && de.cat != catPerson {
		return sm, send
	}
	return f.direct(i, dend, de, dn)
}

// direct makes the mention of a single dictionary entry.
func (f *finder) direct(i, end int, e *entry, n *node) (Mention, int) {
	switch e.cat {
	case catCountry, catAdj, catPeople, catCapital, catPlace:
		if f.locative(end) {
			return Mention{}, i // "a Montevideo-based broadcaster" is no government
		}
	}
	switch e.cat {
	case catCountry, catAdj, catPeople:
		if placeNouns[f.key(end)] && f.t.toks[end].cls == caseTitle {
			return Mention{}, i // "Palestine Street"
		}
		m := f.mention(i, end, KindCountry, timeline.Actor{Name: e.name, Code: e.code}, e.code, "")
		m.Historical = e.hist
		return m, end
	case catCapital:
		if end-i == 1 && i > 0 && f.otherFirstName(i-1, e.name) && !placeModifiers[f.key(i-1)] {
			return Mention{}, i // "Denzel Washington", an actor, is no government
		}
		if end < len(f.t.toks) && placeNouns[f.key(end)] && f.t.toks[end].cls == caseTitle {
			return Mention{}, i // "Beijing Airport"
		}
		c, r := splitCode(e.code)
		if i > 0 && placeWords[f.key(i-1)] {
			// A capital as a place, not its government: "no word in
			// Berlin", "the embassy at Oslo", "the Oslo bombing". After "to",
			// "from" or "with" it stays the government, as EVENTS.md codes a
			// capital standing for it ("a visit to Berlin", "warnings from
			// Oslo").
			m := f.mention(i, end, KindCountry, timeline.Actor{Name: e.name, Code: c}, c, "")
			m.Historical, m.Place = e.hist, true
			return m, end
		}
		m := f.mention(i, end, KindGov, timeline.Actor{Name: e.name, Code: e.code}, c, r)
		m.Historical, m.Place = e.hist, true
		return m, end
	case catPlace:
		// A place is its country, never its government; as for capitals, a
		// capitalised name before a one-word place makes it a surname, and a
		// place noun after it a place's name ("Kandahar Airport").
		if end-i == 1 && i > 0 && f.otherFirstName(i-1, e.name) && !placeModifiers[f.key(i-1)] {
			return Mention{}, i
		}
		if end < len(f.t.toks) && placeNouns[f.key(end)] && f.t.toks[end].cls == caseTitle {
			return Mention{}, i
		}
		m := f.mention(i, end, KindCountry, timeline.Actor{Name: e.name, Code: e.code}, e.code, "")
		m.Place = true
		return m, end
	case catOrg:
		return f.mention(i, end, KindOrg, timeline.Actor{Name: e.name, Code: e.code}, "IGO", ""), end
	case catInst:
		if end-i == 1 && f.insideName(i, e.name) {
			// "the General People's Congress" of Yemen is not the US Congress.
			return Mention{}, i
		}
		c, r := splitCode(e.code)
		return f.mention(i, end, KindGov, timeline.Actor{Name: e.name, Code: e.code}, c, r), end
	case catPerson:
		p := f.persons(n, i)
		if end-i == 1 && (i > 0 && (f.otherFirstName(i-1, p.person.name) || f.key(i-1) == "the") || f.otherLastName(end, p.person.name) || p.person.startsAfter(f.at, 8)) {
			// "Representative Ana Torres" is not Luis Torres, and a "Spicer"
			// of 1997 is not the press secretary of 2017.
			return Mention{}, i
		}
		code := p.person.codeAt(f.at)
		c, r := splitCode(code)
		return f.mention(i, end, KindPerson, timeline.Actor{Name: p.person.name, Code: code}, c, r), end
	case catGroup:
		c, _ := splitCode(e.code)
		m := f.mention(i, end, KindGroup, timeline.Actor{Name: f.text[f.t.toks[i].start:f.t.toks[end-1].end], Code: e.code}, c, "")
		m.Partner = e.partner
		return m, end
	case catPronoun:
		return f.mention(i, end, KindPronoun, timeline.Actor{}, "", ""), end
	case catTitle:
		return f.title(i, i, end, e, nil, false)
	}
	// Role words are placed by structured, which has seen their context.
	return Mention{}, i
}

// otherFirstName reports whether token k, right before a bare surname, is a
// capitalised name that the person's full name lacks.
func (f *finder) otherFirstName(k int, name string) bool {
	t := f.t.toks[k]
	if t.cls != caseTitle || notNames[f.key(k)] || nameParticles[f.key(k)] {
		return false
	}
	w := f.text[t.start:t.end]
	return len(w) > 1 && !strings.Contains(" "+name+" ", " "+w+" ")
}

// insideName reports whether the one-word institution at token i ends a longer
// capitalised name ("People's Congress", "Workers' Party"): a capitalised word
// before it, possessive or not, that is neither a country nor a function word.
func (f *finder) insideName(i int, name string) bool {
	k := i - 1
	if k >= 0 && (f.key(k) == "'s" || f.key(k) == "'") {
		k--
	}
	if k < 0 || f.t.toks[k].cls != caseTitle || !f.otherFirstName(k, name) {
		return false
	}
	_, e, _ := f.match(k, cats(catCountry, catAdj, catCapital, catPeople))
	return e == nil
}

// otherLastName reports whether a capitalised word right after a bare name
// continues another person's name ("Hassan al-Amin" is not a known Hassan).
func (f *finder) otherLastName(k int, name string) bool {
	if k >= len(f.t.toks) {
		return false
	}
	t := f.t.toks[k]
	w := f.text[t.start:t.end]
	if len(w) < 2 || notNames[f.key(k)] || strings.Contains(" "+name+" ", " "+w+" ") {
		return false
	}
	if _, e, _ := f.match(k, cats(catRole, catTitle)); e != nil {
		return false // "the Merkel government", "Monroe Doctrine" aside, a role
	}
	return t.cls == caseTitle || strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-")
}

// placeNouns after a country or capital name make it part of a place's name
// ("Palestine Street", "Beijing Airport").
var possessivePronouns = map[string]bool{"his": true, "her": true, "its": true, "their": true}

var placeNouns = map[string]bool{"street": true, "square": true, "avenue": true, "road": true, "bridge": true,
	"airport": true, "hotel": true, "stadium": true, "university": true, "station": true, "park": true, "boulevard": true}

// structured matches [the] [mods] [owner ['s]] [mods] (title | role | person)
// [of owner] [name], or a bare owner.
func (f *finder) structured(i int) (Mention, int) {
	p := i
	// A possessive pronoun introduces an office as "the" does ("his defence
	// minister"); whose it is, the reader of the text resolves.
	the := f.key(p) == "the"
	if the || possessivePronouns[f.key(p)] {
		p++
	}
	p, former := f.skipMods(p)
	own, ownEnd, q := f.owner(p)
	// The head: a title, role or person, right after the owner or after more
	// modifiers ("Pentagon chief" is a title, "chief negotiator" one too).
	heads := cats(catPerson, catTitle, catRole)
	q2 := q
	hend, h, hn := f.match(q, heads)
	if h == nil {
		var former2 bool
		q2, former2 = f.skipMods(q)
		former = former || former2
		hend, h, hn = f.match(q2, heads)
	}
	if h == nil && own != nil && q2+1 < len(f.t.toks) && (f.t.toks[q2].cls == caseLower && !pastVerb(f.key(q2)) || f.t.toks[q2].cls == caseTitle && f.t.toks[q2+1].cls == caseTitle) && !notNames[f.key(q2)] {
		// One word of field between a country and its official's title: "US
		// rights envoy John Shattuck", "the Iraqi oil minister", "US Treasury
		// Secretary Robert Rubin" (capitalised, with a capitalised title).
		// A verb there is the country's act on the official ("Niger detained
		// President Bazoum"), not his field.
		if end, e, n := f.match(q2+1, cats(catTitle)); e != nil {
			q2, hend, h, hn = q2+1, end, e, n
		}
	}
	if h != nil {
		switch h.cat {
		case catPerson:
			// A person right after a country ("Germany's Angela Merkel") is
			// one mention with it; modifiers alone stay out ("former Merkel
			// aide" is not Merkel).
			pe := f.persons(hn, q2)
			if own == nil && hend-q2 == 1 && (the && q2 == i+1 || f.otherLastName(hend, pe.person.name) || pe.person.startsAfter(f.at, 8)) {
				// "The Hague" is no William Hague; see direct for the rest.
				return Mention{}, i
			}
			start := q2
			if own != nil {
				start = i
			}
			code := pe.person.codeAt(f.at)
			c, r := splitCode(code)
			return f.mention(start, hend, KindPerson, timeline.Actor{Name: pe.person.name, Code: code}, c, r), hend
		case catTitle:
			return f.title(i, q2, hend, h, own, former)
		case catRole:
			return f.role(i, q2, hend, h, own, the)
		}
	}
	if own != nil && ownEnd > p {
		return f.direct(p, ownEnd, own, nil)
	}
	return Mention{}, i
}

// title makes the mention of a title (tokens ts..te) with an optional owner
// before it, perhaps followed by "of <country>" and a name.
func (f *finder) title(i, ts, te int, h *entry, own *entry, former bool) (Mention, int) {
	end := te
	if own == nil {
		if o, e := f.ofOwner(end, false); o != nil {
			own, end = o, e
		}
	}
	country, key := "", h.code
	if own != nil {
		country, key = ownerCountry(own)
	} else if h.code != "" {
		country, _ = splitCode(h.code)
	}
	// One's counterpart is another's office holder, whom the possessive
	// does not name.
	determined := f.key(i) == "the" || possessivePronouns[f.key(i)] && f.key(ts) != "counterpart"
	start := i
	if own == nil && !former && !determined {
		start = ts
	}
	// A known person after the title: one mention, the person's, unless the
	// title names another country ("Kenyan Deputy Minister Merkel" is not
	// Germany's Angela Merkel: the name is read as unknown below).
	if pend, pe, pn := f.match(end, cats(catPerson)); pe != nil {
		// Of several people of one name, the title picks those who held
		// it: "President Lee" is not Lee Kuan Yew, who never was president.
		// A surname alone must hold the office at the date ("President Lee"
		// in 2020 is not a Lee out of office by then), unless the title says
		// former.
		// A full name is trusted whatever the title ("Foreign Minister Tansu
		// Ciller", though the data knows her as prime minister only).
		surname := pend-end == 1
		now := surname && !former && !f.at.IsZero()
		office := h.office
		if !surname {
			office = ""
		}
		p := f.personsHolding(pn, end, office, now)
		if p != nil && surname && h.office == "" && !former && p.person.heads(f.at) {
			// A title no head of state or government holds ("Vice Foreign
			// Minister Kim", "Ambassador Kim") before a bare surname names
			// someone else than the head of state of that name.
			p = nil
		}
		if p != nil && (own == nil || p.person.serves(key)) {
			code := p.person.codeAt(f.at)
			if h.role == "OPP" && len(code) >= 3 && !strings.HasPrefix(code, "IGO") {
				// The text's "opposition leader" is newer than a term the
				// data leaves open.
				code = code[:3] + "OPP"
			}
			c, r := splitCode(code)
			m := f.mention(start, pend, KindPerson, timeline.Actor{Name: p.person.name, Code: code}, c, r)
			m.Office, m.Former = h.office, former
			return m, pend
		}
	}
	// A bare lowercase title with no country is most often not an actor ("a
	// general election", "party leader"): it needs "the", a possessive
	// pronoun ("his defence minister") or a capital.
	if own == nil && !determined && !former {
		if cls := f.t.toks[ts].cls; cls != caseTitle && cls != caseUpper {
			return Mention{}, i
		}
	}
	code := ""
	if key != "" {
		switch {
		case country == "IGO":
			code = key
		case former:
			code = country + "OPP"
		case own != nil && own.cat == catInst && own.code != "":
			code = own.code // "Pentagon chief" is USAMIL
		default:
			code = country + h.role
		}
	}
	// A bare surname after a capitalised title and no country is the holder of
	// that office at the date whose name it ends ("Prime Minister Khan").
	if cls := f.t.toks[ts].cls; own == nil && code == "" && h.office != "" && !former && !f.at.IsZero() && (cls == caseTitle || cls == caseUpper) && f.key(i) != "the" {
		if nend := f.name(end, false); nend == end+1 {
			if p := f.d.holderBySurname(h.office, f.text[f.t.toks[end].start:f.t.toks[end].end], f.at); p != nil {
				code := p.codeAt(f.at)
				c, r := splitCode(code)
				m := f.mention(start, nend, KindPerson, timeline.Actor{Name: p.name, Code: code}, c, r)
				m.Office = h.office
				return m, nend
			}
		}
	}
	// An unknown name after a capitalised title ("South Korean Foreign Minister
	// Yoon Byung-se"), or after a lowercase one with its country ("Israeli
	// government spokesman Avi Eisin"), is a person coded by the title.
	if cls := f.t.toks[ts].cls; (cls == caseTitle || cls == caseUpper || cls == caseLower && own != nil && code != "") && f.key(i) != "the" {
		if nend := f.name(end, cls == caseUpper); nend > end {
			m := f.mention(start, nend, KindPerson, timeline.Actor{Name: f.text[f.t.toks[end].start:f.t.toks[nend-1].end], Code: code}, country, roleOf(code))
			m.Office = h.office
			m.Former = former
			if own != nil {
				m.Historical = own.hist
			}
			return m, nend
		}
	}
	m := f.mention(start, end, KindTitle, timeline.Actor{Code: code}, country, roleOf(code))
	if code == "" {
		m.Role = h.role
	}
	m.Actor.Name = m.Text
	m.Office = h.office
	m.Former = former
	if own != nil {
		m.Historical = own.hist
	}
	// "An American leader of a U.N. team" is not the American leader: only a
	// definite title names the office holder.
	indefinite := i > 0 && indefinites[f.key(i-1)]
	if !former && !indefinite && h.office != "" && key != "" {
		if a, ok := f.d.Holder(key, h.office, f.at); ok {
			m.Actor = a
		}
	}
	return m, end
}

func roleOf(code string) string {
	_, r := splitCode(code)
	return r
}

// name returns the end of a capitalised name starting at p (up to four words,
// with particles inside), p when there is none. In capitals (a headline, caps
// set) nothing tells a name from the next word, so there is none.
func (f *finder) name(p int, caps bool) int {
	end := p
	for j, n := p, 0; j < len(f.t.toks) && n < 4 && !caps; j++ {
		cls := f.t.toks[j].cls
		k := f.key(j)
		if (cls == caseTitle || cls == caseUpper && f.t.toks[j].end-f.t.toks[j].start > 1) && !notNames[k] {
			end = j + 1
			n++
			continue
		}
		if n > 0 && cls == caseLower && nameParticles[k] {
			continue
		}
		// The lowercase end of a hyphenated name: "Yoon Byung-se".
		if n > 0 && cls == caseLower && j > 0 && f.t.toks[j].start == f.t.toks[j-1].end+1 && f.text[f.t.toks[j-1].end] == '-' {
			end = j + 1
			continue
		}
		break
	}
	return end
}

// role makes the mention of a role word (tokens rs..re) with an optional owner.
func (f *finder) role(i, rs, re int, h *entry, own *entry, the bool) (Mention, int) {
	end := re
	if own == nil {
		if o, e := f.ofOwner(end, h.role == "GOV" || h.role == "JUD" || h.role == "LEG"); o != nil {
			own, end = o, e
		}
	}
	if own == nil {
		// A role word alone is left to the event extractor to place, when it
		// names an actor: "the government", "police", "rebels", not "government"
		// before another noun.
		if !h.alone || !the && !plural(f.key(re-1)) && h.name != "police" {
			return Mention{}, i
		}
		start := rs
		if the {
			start = i
		}
		m := f.mention(start, end, KindGov, timeline.Actor{}, "", h.role)
		m.Actor.Name = m.Text
		return m, end
	}
	var code string
	switch own.cat {
	case catOrg, catInst:
		code = own.code // "U.N. officials", "Pentagon spokesman", "Spiegel magazine"
	default:
		c, _ := ownerCountry(own)
		code = c + h.role
	}
	c, r := splitCode(code)
	m := f.mention(i, end, KindGov, timeline.Actor{Code: code}, c, r)
	if own.cat == catOrg {
		m.Kind = KindOrg
	}
	m.Historical = own.hist
	m.Actor.Name = m.Text
	return m, end
}

func plural(w string) bool { return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' }
