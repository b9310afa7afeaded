package temporal

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/doc"
)

// The gazetteer dates named occurrences ("the Winter Olympics"). They are not
// TIMEX3s: a story dates events against them, and an article without a dateline
// can be bounded by the ones it calls upcoming.

type gazFile struct {
	Generic []struct {
		Family string   `yaml:"family"`
		Names  []string `yaml:"names"`
		Weak   []string `yaml:"weak"`
	} `yaml:"generic"`
	Series []struct {
		ID        string   `yaml:"id"`
		Family    string   `yaml:"family"`
		Names     []string `yaml:"names"`
		Instances []struct {
			Name    string   `yaml:"name"`
			Edition int      `yaml:"edition"`
			Host    string   `yaml:"host"`
			Aliases []string `yaml:"aliases"` // other spellings of the host
			Start   string   `yaml:"start"`
			End     string   `yaml:"end"`
		} `yaml:"instances"`
	} `yaml:"series"`
}

type instance struct {
	name, host, family, series string
	aliases                    []string
	edition                    int
	start, end                 time.Time
}

type gazetteer struct {
	// A name is looked for alone, case-sensitively; the year and host that may
	// stand before or after it are read around each hit. One pattern with them
	// all ran its case-folded host alternation at every byte of every text.
	// The names pattern is tried only where a name can start: at a word
	// boundary, on a byte some name starts with (a capital, mostly), which
	// is far cheaper than running it at every byte.
	nameAt    *regexp.Regexp    // the names, anchored
	first     [256]bool         // the first bytes of the names
	before    *regexp.Regexp    // "[year] [host] " ending where the name starts
	after     *regexp.Regexp    // " in|at host" and " year" right after the name
	nameKey   map[string]string // mention name -> series id or "family:" + family
	weak      map[string]bool
	instances []instance
	hosts     map[string]bool
	upcoming  []string
}

func loadGazetteer(r io.Reader) (*gazetteer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("temporal: read gazetteer: %w", err)
	}
	var f gazFile
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("temporal: parse gazetteer: %w", err)
	}
	g := &gazetteer{nameKey: map[string]string{}, weak: map[string]bool{}, hosts: map[string]bool{}}
	var names, hosts []string
	for _, gen := range f.Generic {
		for _, n := range gen.Names {
			g.nameKey[n] = "family:" + gen.Family
			names = append(names, n)
		}
		for _, n := range gen.Weak {
			g.weak[n] = true
		}
	}
	for _, s := range f.Series {
		for _, n := range s.Names {
			g.nameKey[n] = s.ID
			names = append(names, n)
		}
		for _, in := range s.Instances {
			st, err1 := time.Parse(timeline.DateLayout, in.Start)
			en, err2 := time.Parse(timeline.DateLayout, in.End)
			if err1 != nil || err2 != nil || en.Before(st) {
				return nil, fmt.Errorf("temporal: gazetteer instance %q: bad dates %q..%q", in.Name, in.Start, in.End)
			}
			g.instances = append(g.instances, instance{name: in.Name, host: in.Host, aliases: in.Aliases, family: s.Family, series: s.ID, edition: in.Edition, start: st, end: en})
			for _, h := range append([]string{in.Host}, in.Aliases...) {
				if h != "" && !g.hosts[strings.ToLower(h)] {
					g.hosts[strings.ToLower(h)] = true
					hosts = append(hosts, h)
				}
			}
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("temporal: gazetteer has no names")
	}
	sort.Slice(g.instances, func(i, j int) bool { return g.instances[i].start.Before(g.instances[j].start) })
	quote := func(ws []string) string {
		sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		q := make([]string, len(ws))
		for i, w := range ws {
			q[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
		}
		return strings.Join(q, "|")
	}
	// Names are proper nouns: matched case-sensitively. Hosts are matched
	// case-insensitively ("Pyeongchang", "PyeongChang").
	hostPat := `(?i:` + quote(hosts) + `)`
	if len(hosts) == 0 {
		hostPat = `[^\s\S]` // matches nothing
	}
	for _, n := range names {
		g.first[n[0]] = true
	}
	if g.nameAt, err = regexp.Compile(`^(?:` + quote(names) + `)\b`); err != nil {
		return nil, fmt.Errorf("temporal: compile gazetteer names: %w", err)
	}
	if g.before, err = regexp.Compile(`\b(?:(1[89]\d\d|20\d\d)\s+)?(?:(` + hostPat + `)\s+)?$`); err != nil {
		return nil, fmt.Errorf("temporal: compile gazetteer prefix: %w", err)
	}
	if g.after, err = regexp.Compile(`^(?:\s+(?:in|at)\s+(` + hostPat + `))?(?:\s+(1[89]\d\d|20\d\d)\b)?`); err != nil {
		return nil, fmt.Errorf("temporal: compile gazetteer suffix: %w", err)
	}
	up, err := readLines("upcoming.txt")
	if err != nil {
		return nil, err
	}
	g.upcoming = up
	return g, nil
}

// Occurrences returns the named occurrences (gazetteer) mentioned in body, each
// resolved to the instance that fits ref and the mention's tense. When ref is
// zero, the latest explicit date the text reports as past stands in for it.
func (t *Tagger) Occurrences(body string, ref time.Time) []timeline.Occurrence {
	tk, done := tokenize(body)
	defer done()
	return t.occurrencesAt(tk, ref)
}

// OccurrencesDoc is Occurrences on the analysed document of a body (see
// TagDoc).
func (t *Tagger) OccurrencesDoc(d *doc.Doc, ref time.Time) []timeline.Occurrence {
	return t.occurrencesAt(newTokens(d), ref)
}

func (t *Tagger) occurrencesAt(tk *tokens, ref time.Time) []timeline.Occurrence {
	if ref.IsZero() {
		if x, ok := t.pastBound(tk, t.undated(tk)); ok {
			ref = x.Earliest
		}
	}
	return t.occurrences(tk, timeline.Day(ref), false)
}

// gazHit is a gazetteer name found in a text, with the year and host around it.
type gazHit struct {
	start, end       int // the whole mention, year and host included
	name, year, host string
}

// find returns the gazetteer names in body, each widened to the year and host
// written before it ("2018 Pyeongchang Winter Olympics") or after it ("the
// Olympics in Sydney", "the World Cup 2006").
func (g *gazetteer) find(body string) []gazHit {
	var hits []gazHit
	last := 0
	for _, loc := range g.names(body) {
		h := gazHit{start: loc[0], end: loc[1], name: body[loc[0]:loc[1]]}
		from := max(last, loc[0]-80)
		if m := g.before.FindStringSubmatchIndex(body[from:loc[0]]); m != nil {
			h.start = from + m[0]
			if m[2] >= 0 {
				h.year = body[from+m[2] : from+m[3]]
			}
			if m[4] >= 0 {
				h.host = body[from+m[4] : from+m[5]]
			}
		}
		if m := g.after.FindStringSubmatchIndex(body[loc[1]:min(len(body), loc[1]+120)]); m != nil {
			h.end = loc[1] + m[1]
			if m[2] >= 0 && h.host == "" {
				h.host = body[loc[1]+m[2] : loc[1]+m[3]]
			}
			if m[4] >= 0 && h.year == "" {
				h.year = body[loc[1]+m[4] : loc[1]+m[5]]
			}
		}
		hits = append(hits, h)
		last = h.end
	}
	return hits
}

// names returns the spans of the names in body, leftmost first, none
// overlapping: what `\b(?:names)\b` finds.
func (g *gazetteer) names(body string) [][2]int {
	var out [][2]int
	for i := 0; i < len(body); i++ {
		if !g.first[body[i]] || i == 0 && !isASCIIWord(body[i]) || i > 0 && isASCIIWord(body[i-1]) == isASCIIWord(body[i]) {
			continue // no name starts here, or no word boundary
		}
		if loc := g.nameAt.FindStringIndex(body[i:]); loc != nil && loc[1] > 0 {
			out = append(out, [2]int{i, i + loc[1]})
			i += loc[1] - 1
		}
	}
	return out
}

// occurrences finds the named occurrences in body; with fixed, only those the
// text pins to one instance (by a year, a host, or a series with one instance),
// not those picked by their distance from ref.
func (t *Tagger) occurrences(tk *tokens, ref time.Time, fixed bool) []timeline.Occurrence {
	g, body := t.gaz, tk.body
	var out []timeline.Occurrence
	named := map[string]bool{} // families named so far, for weak names
	for _, h := range g.find(body) {
		loc := []int{h.start, h.end}
		name := strings.Join(strings.Fields(h.name), " ")
		key := g.nameKey[name]
		family := strings.TrimPrefix(key, "family:")
		if !strings.HasPrefix(key, "family:") {
			for _, in := range g.instances {
				if in.series == key {
					family = in.family
					break
				}
			}
		}
		year, host := h.year, h.host
		if g.weak[name] && !named[family] && year == "" && host == "" {
			continue
		}
		named[family] = true
		var cands []instance
		for _, in := range g.instances {
			if in.family != family || (!strings.HasPrefix(key, "family:") && in.series != key) {
				continue
			}
			if year != "" {
				y, _ := strconv.Atoi(year)
				if in.edition != y && in.start.Year() != y {
					continue
				}
			}
			if host != "" && !in.hostIs(strings.Join(strings.Fields(host), " ")) {
				continue
			}
			cands = append(cands, in)
		}
		if len(cands) == 0 {
			continue
		}
		if host == "" && len(cands) > 1 {
			cands = hostLater(cands, tk, loc[1])
		}
		if fixed && len(cands) > 1 {
			continue
		}
		upcoming := g.isUpcoming(tk, loc[0], loc[1])
		pick, ok := pickInstance(cands, ref, upcoming)
		if !ok {
			continue
		}
		out = append(out, timeline.Occurrence{
			Name:     pick.name,
			Span:     timeline.Span{Start: loc[0], End: loc[1]},
			Text:     body[loc[0]:loc[1]],
			When:     dayValue(pick.start) + "/" + dayValue(pick.end),
			Earliest: pick.start,
			Latest:   pick.end,
			Upcoming: upcoming && (ref.IsZero() || pick.start.After(ref)),
		})
	}
	return out
}

// pickInstance: a single candidate is the one; an upcoming mention takes the first
// instance starting after ref; otherwise the instance nearest ref.
func pickInstance(cands []instance, ref time.Time, upcoming bool) (instance, bool) {
	if len(cands) == 1 {
		return cands[0], true
	}
	if ref.IsZero() {
		return instance{}, false
	}
	if upcoming {
		for _, in := range cands { // sorted by start
			if in.start.After(ref) {
				return in, true
			}
		}
	}
	best, bestD := cands[0], time.Duration(1<<62)
	for _, in := range cands {
		d := in.start.Sub(ref)
		if ref.After(in.start) && !ref.After(in.end) {
			d = 0
		}
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = in, d
		}
	}
	return best, true
}

// isUpcoming looks for a cue presenting the mention as still to come in its
// sentence before the mention, or just after it ("..., due to be held in").
func (g *gazetteer) isUpcoming(tk *tokens, s, e int) bool {
	ss, se := tk.clause(s, e)
	text := strings.ToLower(tk.body[ss:min(se, e+40)])
	for _, cue := range g.upcoming {
		i := 0
		for {
			k := strings.Index(text[i:], cue)
			if k < 0 {
				break
			}
			k += i
			before := k == 0 || !isLetter(text[k-1])
			after := k+len(cue) >= len(text) || !isLetter(text[k+len(cue)])
			if before && after && !coordinated(text[:k], e-ss) {
				return true
			}
			i = k + 1
		}
	}
	return false
}

// coordinated reports whether a cue starting where head ends, after the mention
// (which ends at offset end of head), opens a clause of its own: "the 2002 World
// Cup in Japan, and will be looking to" tells of the subject, not the Cup.
func coordinated(head string, end int) bool {
	if len(head) < end {
		return false
	}
	h := strings.TrimRight(head, " ,")
	return strings.HasSuffix(h, " and") || strings.HasSuffix(h, " but")
}

// hostIs reports whether h names the instance's host or one of its aliases.
func (in instance) hostIs(h string) bool {
	if strings.EqualFold(in.host, h) {
		return true
	}
	for _, a := range in.aliases {
		if strings.EqualFold(a, h) {
			return true
		}
	}
	return false
}

// hostLater narrows candidates to those whose host the rest of the sentence
// names as the venue ("the Winter Olympics, due to be held in Sochi"), when it
// does. A city merely mentioned ("officials in Seoul said") does not count.
func hostLater(cands []instance, tk *tokens, end int) []instance {
	_, se := tk.clause(end, end)
	rest := strings.ToLower(tk.body[end:min(se, end+80)])
	var out []instance
	for _, in := range cands {
		for _, h := range append([]string{in.host}, in.aliases...) {
			h = strings.ToLower(h)
			if h == "" {
				continue
			}
			if strings.Contains(rest, "held in "+h) || strings.Contains(rest, "hosted by "+h) || strings.Contains(rest, "staged in "+h) || strings.Contains(rest, "place in "+h) {
				out = append(out, in)
				break
			}
		}
	}
	if len(out) == 0 {
		return cands
	}
	return out
}
