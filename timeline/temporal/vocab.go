package temporal

import (
	"bufio"
	"embed"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The vocabulary lives in data files so that adding a month spelling, a holiday or
// a unit is a data change, not a code change.
//
//go:embed data/*.txt data/*.yaml
var dataFS embed.FS

// vocab is the parsed vocabulary. It is built once in New and only read after.
type vocab struct {
	months    map[string]int     // "sept" -> 9
	weekdays  map[string]int     // "fri" -> 5 (ISO, Monday = 1)
	numbers   map[string]float64 // "twenty" -> 20, "a" -> 1
	ordinals  map[string]int     // "third" -> 3
	vague     []string           // "several", "a few"
	units     map[string]unit    // "years" -> unit{Y, year}
	seasons   map[string]string  // "summer" -> "SU"
	pods      map[string]string  // "morning" -> "MO"
	holidays  []holiday          // longest name first
	deictic   map[string]fixed   // "now" -> DATE PRESENT_REF
	sets      map[string]string  // "daily" -> XXXX-XX-XX
	mods      map[string]string  // "more than" -> MORE_THAN
	modPos    []string           // "early", "the end of": before a month, year, ...
	modHedge  []string           // "more than": before a quantity
	triggers  map[string]uint32  // lower-case word -> trigger classes (scan.go)
	unitNames []string
}

type unit struct {
	Code string // TIMEX3 duration letter: Y, M, W, D, H, ...
	Gran string // granularity name
	Time bool   // a time unit (PT...)
}

type holiday struct {
	Name string
	Rule string
}

type fixed struct {
	Type, Value string
	// Where the phrase is a temporal expression (deictic.txt's fourth field):
	// after, the words one of which must stand before it ("at" the time);
	// notAfter and notBefore, words that must not stand before or after it
	// ("as soon as", "soon after the war": a conjunction or a signal);
	// notPast, not in a past-tense clause ("was soon released" is soon after
	// the story's time, not a future reference).
	after, notAfter, notBefore map[string]bool
	notPast                    bool
}

// readLines yields the non-empty, non-comment lines of an embedded data file.
func readLines(name string) ([]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("temporal: read vocabulary %s: %w", name, err)
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// readPairs reads "word value" lines, the value being the last field.
func readPairs(name string) (map[string]string, error) {
	lines, err := readLines(name)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(lines))
	for _, l := range lines {
		i := strings.LastIndexByte(l, ' ')
		if i < 0 {
			return nil, fmt.Errorf("temporal: vocabulary %s: bad line %q", name, l)
		}
		m[strings.TrimSpace(l[:i])] = l[i+1:]
	}
	return m, nil
}

func loadVocab() (*vocab, error) {
	v := &vocab{
		months: map[string]int{}, weekdays: map[string]int{}, numbers: map[string]float64{},
		ordinals: map[string]int{}, units: map[string]unit{}, seasons: map[string]string{},
		pods: map[string]string{}, deictic: map[string]fixed{}, triggers: map[string]uint32{},
	}
	ints := func(name string, dst map[string]int) error {
		m, err := readPairs(name)
		if err != nil {
			return err
		}
		for k, s := range m {
			n, err := strconv.Atoi(s)
			if err != nil {
				return fmt.Errorf("temporal: vocabulary %s: %q: %w", name, k, err)
			}
			dst[k] = n
		}
		return nil
	}
	if err := ints("months.txt", v.months); err != nil {
		return nil, err
	}
	if err := ints("weekdays.txt", v.weekdays); err != nil {
		return nil, err
	}
	if err := ints("ordinals.txt", v.ordinals); err != nil {
		return nil, err
	}
	nums, err := readPairs("numbers.txt")
	if err != nil {
		return nil, err
	}
	for k, s := range nums {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("temporal: vocabulary numbers.txt: %q: %w", k, err)
		}
		v.numbers[k] = f
	}
	if v.vague, err = readLines("vague.txt"); err != nil {
		return nil, err
	}
	if v.seasons, err = readPairs("seasons.txt"); err != nil {
		return nil, err
	}
	if v.pods, err = readPairs("partsofday.txt"); err != nil {
		return nil, err
	}
	if v.sets, err = readPairs("sets.txt"); err != nil {
		return nil, err
	}
	modLines, err := readLines("modifiers.txt")
	if err != nil {
		return nil, err
	}
	v.mods = map[string]string{}
	for _, l := range modLines {
		f := strings.Split(l, "|")
		if len(f) != 3 {
			return nil, fmt.Errorf("temporal: vocabulary modifiers.txt: bad line %q", l)
		}
		cls, phrase, mod := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
		v.mods[phrase] = mod
		switch cls {
		case "pos":
			v.modPos = append(v.modPos, phrase)
		case "hedge":
			v.modHedge = append(v.modHedge, phrase)
		}
	}
	lines, err := readLines("units.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) != 4 {
			return nil, fmt.Errorf("temporal: vocabulary units.txt: bad line %q", l)
		}
		u := unit{Code: f[2], Gran: f[3], Time: f[3] == "time"}
		v.units[f[0]], v.units[f[1]] = u, u
		v.unitNames = append(v.unitNames, f[0], f[1])
	}
	if lines, err = readLines("holidays.txt"); err != nil {
		return nil, err
	}
	for _, l := range lines {
		name, rule, ok := strings.Cut(l, "|")
		if !ok {
			return nil, fmt.Errorf("temporal: vocabulary holidays.txt: bad line %q", l)
		}
		v.holidays = append(v.holidays, holiday{strings.TrimSpace(name), strings.TrimSpace(rule)})
	}
	if lines, err = readLines("deictic.txt"); err != nil {
		return nil, err
	}
	for _, l := range lines {
		f := strings.Split(l, "|")
		if len(f) != 3 && len(f) != 4 {
			return nil, fmt.Errorf("temporal: vocabulary deictic.txt: bad line %q", l)
		}
		x := fixed{Type: strings.TrimSpace(f[1]), Value: strings.TrimSpace(f[2])}
		if len(f) == 4 {
			if err := x.conditions(f[3]); err != nil {
				return nil, fmt.Errorf("temporal: vocabulary deictic.txt: line %q: %w", l, err)
			}
		}
		v.deictic[strings.TrimSpace(f[0])] = x
	}
	extra, err := readLines("triggers.txt")
	if err != nil {
		return nil, err
	}
	add := func(w string, c uint32) { v.triggers[w] |= c }
	for _, l := range extra {
		w, cls, ok := strings.Cut(l, " ")
		c, known := classNames[cls]
		if !ok || !known {
			return nil, fmt.Errorf("temporal: vocabulary triggers.txt: bad line %q", l)
		}
		add(w, c)
	}
	for k := range v.months {
		add(k, cMonth)
	}
	for k := range v.weekdays {
		add(k, cWeekday)
		if len(k) > 4 {
			add(k+"s", cWeekday) // "on Tuesdays"
		}
	}
	for k := range v.ordinals {
		add(k, cNum)
	}
	for k := range v.numbers {
		if len(k) > 2 { // "a" and "an" would make every sentence a candidate
			add(k, cNum)
		}
	}
	for k, u := range v.units {
		add(k, cUnit)
		if u.Gran == "century" {
			add(k, cCentury)
		}
	}
	for k := range v.seasons {
		add(k, cSeason)
		add(k+"s", cSeason) // "the past three summers"
	}
	for k := range v.pods {
		add(k, cPod)
	}
	for k := range v.sets {
		add(k, cSet)
	}
	for _, h := range v.holidays {
		add(strings.Fields(h.Name)[0], cHoliday)
	}
	for k := range v.deictic {
		for _, w := range strings.Fields(k) {
			if w != "the" && w != "at" && w != "as" && w != "right" {
				add(w, cDeictic)
			}
		}
	}
	return v, nil
}

// alt builds a regexp alternation of the words, longest first so that "sept"
// wins over "sep", with a dot allowed after abbreviations when dots is set.
func alt(words []string) string {
	ws := append([]string(nil), words...)
	sort.Slice(ws, func(i, j int) bool {
		if len(ws[i]) != len(ws[j]) {
			return len(ws[i]) > len(ws[j])
		}
		return ws[i] < ws[j]
	})
	for i, w := range ws {
		ws[i] = strings.ReplaceAll(regexp.QuoteMeta(w), " ", `\s+`)
	}
	return "(?:" + strings.Join(ws, "|") + ")"
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// wordClasses are the function words rules look at around a match.
type wordClasses struct {
	prep, det, deadline, rng, signal map[string]bool
	notYet, report                   map[string]bool // InferDCT: see wordclasses.txt
	ahead                            map[string]bool // may be several words
	reportIn, plan, within, link     map[string]bool
	arranged, intent, deferral       map[string]bool // weekday.go: what governs a date ahead
	speech                           map[string]bool // quote.go: words that attribute a quotation
}

func loadWordClasses() (wordClasses, error) {
	w := wordClasses{prep: map[string]bool{}, det: map[string]bool{}, deadline: map[string]bool{}, rng: map[string]bool{}, signal: map[string]bool{}, notYet: map[string]bool{}, report: map[string]bool{}, ahead: map[string]bool{}, reportIn: map[string]bool{}, plan: map[string]bool{}, within: map[string]bool{}, link: map[string]bool{}, arranged: map[string]bool{}, intent: map[string]bool{}, deferral: map[string]bool{}, speech: map[string]bool{}}
	lines, err := readLines("wordclasses.txt")
	if err != nil {
		return w, err
	}
	for _, l := range lines {
		cls, word, ok := strings.Cut(l, " ")
		dst := map[string]map[string]bool{"prep": w.prep, "det": w.det, "deadline": w.deadline, "range": w.rng, "signal": w.signal, "notyet": w.notYet, "report": w.report, "ahead": w.ahead, "reportin": w.reportIn, "plan": w.plan, "within": w.within, "link": w.link, "arranged": w.arranged, "intent": w.intent, "defer": w.deferral, "speech": w.speech}[cls]
		if !ok || dst == nil {
			return w, fmt.Errorf("temporal: vocabulary wordclasses.txt: bad line %q", l)
		}
		dst[word] = true
	}
	return w, nil
}

// conditions reads the fourth field of a deictic.txt line: "after=at",
// "notafter=as,how", "notbefore=after,before", "notpast".
func (x *fixed) conditions(s string) error {
	set := func(list string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Split(list, ",") {
			m[strings.TrimSpace(w)] = true
		}
		return m
	}
	for _, c := range strings.Fields(s) {
		key, list, _ := strings.Cut(c, "=")
		switch key {
		case "after":
			x.after = set(list)
		case "notafter":
			x.notAfter = set(list)
		case "notbefore":
			x.notBefore = set(list)
		case "notpast":
			x.notPast = true
		default:
			return fmt.Errorf("unknown condition %q", c)
		}
	}
	return nil
}
