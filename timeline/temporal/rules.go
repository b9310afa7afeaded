package temporal

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/olebedev/when/rules"
)

// A rule names the form it matches (a pattern built from the vocabulary) and how a
// match is normalised. Rules satisfy when's rules.Rule so that they can be chained
// into a when.Parser; the tagger itself runs them over candidate windows only.
type rule struct {
	name    string
	re      *regexp.Regexp
	groups  map[string]int
	prio    int // breaks ties between matches of equal span
	need    []uint32
	right   int
	lits    [][]string // a window must hold a literal of each (see requiredLiterals)
	alpha   alphabet   // where a window can be cut (see findAll)
	allLits [][]string // a piece of a window must hold a literal of each
	// starts says where in a piece a match can begin, anchored the
	// pattern anchored at such a place (see findAtStarts).
	starts   *starts
	anchored *regexp.Regexp
	resolve  func(t *Tagger, m *match, c *docCtx) (res, bool)
}

var _ rules.Rule = (*rule)(nil)

// Find implements rules.Rule: the first match in text, its captures in order. The
// applier sets nothing on the when context because our values are TIMEX3 strings,
// not instants; a when.Parser chaining the rule still gets the span.
func (r *rule) Find(text string) *rules.Match {
	loc := r.re.FindStringSubmatchIndex(text)
	if loc == nil {
		return nil
	}
	m := &rules.Match{Left: loc[0], Right: loc[1], Text: text[loc[0]:loc[1]]}
	for i := 2; i < len(loc); i += 2 {
		if loc[i] >= 0 {
			m.Captures = append(m.Captures, text[loc[i]:loc[i+1]])
		} else {
			m.Captures = append(m.Captures, "")
		}
	}
	m.Applier = func(*rules.Match, *rules.Context, *rules.Options, time.Time) (bool, error) { return true, nil }
	return m
}

// qualifies reports whether a window holding words of classes mask can match.
func (r *rule) qualifies(mask uint32) bool {
	for _, n := range r.need {
		if mask&n == 0 {
			return false
		}
	}
	return true
}

// match is one rule hit in the body (offsets into body, not the window).
type match struct {
	r          *rule
	start, end int
	loc        []int // submatch offsets into body
	body       string
}

// g returns the text of the named group, "" when it did not take part.
func (m *match) g(name string) string {
	i, ok := m.r.groups[name]
	if !ok || m.loc[2*i] < 0 {
		return ""
	}
	return m.body[m.loc[2*i]:m.loc[2*i+1]]
}

// gpos returns the body offset of the named group, -1 when absent.
func (m *match) gpos(name string) int {
	i, ok := m.r.groups[name]
	if !ok {
		return -1
	}
	return m.loc[2*i]
}

// res is what a rule's normaliser gives.
type res struct {
	typ, value, mod string
	quant, freq     string
	anchor          string // "explicit", "dct", "relative"
	relToDCT        bool   // value computed from the DCT: anchorTimeID t0
	noTrack         bool   // relative to the narrative: not a new narrative time
	point           string // for a duration reaching a point ("in five years"): its value
	dayless         bool   // a clock time whose day was taken from the DCT
	start, end      int    // optional narrowed span (0,0 = whole match)
	next            *res   // a second expression in the same match ("25" in "April 24 and 25"), its span set
}

// patterns used by several rules; {X} placeholders are filled from the vocabulary.
const (
	pMod   = `(?:(?P<mod>{MODPOS})\s*)?`
	pModW  = `(?:(?P<modw>{MODHEDGE})\s+)?`
	pNum   = `(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMW}(?:[-\s]{NUMUNIT}|\s+(?:hundred|thousand))?(?:\s+and\s+a\s+half)?|{VAGUE})`
	pMonth = `(?P<month>{MONTH})\.?`
	// a part of the day before a day: "late yesterday", "early Tuesday"
	pDayMod = `(?:(?P<dmod>early|late|mid-?morning|mid-?afternoon|mid-?day)\s+)?`
)

// ruleSpecs is the grammar. Order matters only for priority on equal spans.
var ruleSpecs = []struct {
	name    string
	need    []uint32 // the window must hold a word of each of these classes
	right   int      // bytes kept after a word of the first class (0: winRight)
	pat     string
	resolve func(t *Tagger, m *match, c *docCtx) (res, bool)
}{
	{"iso", []uint32{cYear4}, 0, `\b(?P<year>1[6-9]\d\d|20\d\d)-(?P<mm>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])\b`, resISO},
	{"slash", []uint32{cDigit}, 0, `\b(?P<mm>0?[1-9]|1[0-2])/(?P<dd>0?[1-9]|[12]\d|3[01])/(?P<year>\d{4}|\d{2})\b`, resISO},
	{"mdy", []uint32{cMonth, cYear4}, 0, `\b` + pMod + pMonth + `\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>1[6-9]\d\d|20\d\d)\b`, resMonthDay},
	{"dmy", []uint32{cMonth, cYear4}, 0, `\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?` + pMonth + `,?\s+(?P<year>1[6-9]\d\d|20\d\d)\b`, resMonthDay},
	{"weekof", []uint32{cMonth, cUnit}, 0, `\bthe\s+(?P<wk>week|weekend)\s+of\s+` + pMonth + `\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?\b`, resWeekOf},
	{"mdand", []uint32{cMonth}, 0, `\b` + pMonth + `\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|or)\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?\b`, resMonthDays},
	{"md", []uint32{cMonth}, 0, `\b(?:(?P<rel>last|next)\s+)?` + pMonth + `\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b`, resMonthDay},
	{"dm", []uint32{cMonth}, 0, `\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?` + pMonth + `\b`, resMonthDay},
	{"my", []uint32{cMonth, cYear4}, 0, `\b` + pMod + pMonth + `,?\s+(?:of\s+)?(?P<year>1[6-9]\d\d|20\d\d)\b`, resMonth},
	{"month", []uint32{cMonth}, 0, `\b(?:(?P<rel>last|next|this|earlier\s+this|later\s+this)\s+)?` + pMod + pMonth + `(?:\s+(?P<rel2>this\s+year|last\s+year|next\s+year|of\s+this\s+year|of\s+last\s+year|of\s+next\s+year))?\b`, resMonth},
	{"year", []uint32{cYear4}, 0, `\b(?:the\s+year\s+)?` + pMod + `(?:(?P<fiscal>fiscal(?:\s+year)?|fy)\s*)?(?P<year>1[6-9]\d\d|20\d\d)\b`, resYear},
	{"decade", []uint32{cYear4}, 0, `\b(?:the\s+)?` + pMod + `(?:(?P<cent>1[6-9]|20)(?P<dec>\d)0|['’](?P<dec2>\d)0)['’]?s\b`, resDecade},
	{"decadew", []uint32{cYear}, 0, `\bthe\s+` + pMod + `(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b`, resDecade},
	{"century", []uint32{cCentury}, 0, `\b(?:the\s+)?` + pMod + `(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century\b`, resCentury},
	{"yearago", []uint32{cAgo}, 0, `\b(?P<ya>year-earlier|year-ago)\b`, resYearAgo},
	{"quarter", []uint32{cQuarter}, 0, `\b(?:(?P<det>the|this|last|next)\s+)?(?:(?P<yq>this\s+year['’]s|last\s+year['’]s|next\s+year['’]s)\s+)?(?:fiscal\s+)?(?:(?P<ya>year-ago|year-earlier)\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>1[6-9]\d\d|20\d\d)|\s+(?P<year2>1[6-9]\d\d|20\d\d))?\b`, resQuarter},
	{"qabbr", []uint32{cDigit}, 0, `\b(?P<qa>q[1-4])(?:\s+(?P<year>1[6-9]\d\d|20\d\d)|\s*['’](?P<yy>\d\d))?\b`, resQuarterAbbr},
	{"quarterrel", []uint32{cQuarter}, 0, `\b(?P<qrel>the\s+(?:latest|current|previous|past|last|recent|most\s+recent|same|year-earlier|year-ago|comparable|corresponding)\s+(?:quarter|period)|the\s+quarter|this\s+quarter|last\s+quarter|next\s+quarter|the\s+(?:year-earlier|year-ago)\s+(?:quarter|period))(?P<ly>\s+(?:of\s+)?last\s+year|\s+a\s+year\s+(?:ago|earlier))?\b`, resQuarterRel},
	{"half", []uint32{cHalf | cQuarter}, 0, `\b(?:the\s+)?(?:(?P<hn>first|second|last|latter)[-\s]+half|(?P<hq>first|last)\s+two\s+quarters)(?:\s+of\s+(?:(?P<year>1[6-9]\d\d|20\d\d)|(?P<hrel>the|this|last|next)\s+year))?\b`, resHalf},
	{"rel", []uint32{cUnit | cSeason}, 2, `\b` + pMod + `(?P<rel>last|this\s+past|this|next|the\s+current|earlier\s+this|later\s+this|early\s+this|late\s+this|early\s+next|late\s+next|early\s+last|late\s+last)\s+(?P<unit>year|month|week|weekend|decade|century|fiscal\s+year|{SEASON})\b`, resRel},
	{"wdmd", []uint32{cWeekday, cMonth}, 0, `\b(?P<wd>{WDFULL}),?\s+` + pMonth + `\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>1[6-9]\d\d|20\d\d))?\b`, resMonthDay},
	{"yearq", []uint32{cYear4, cQuarter}, 0, `\bthe\s+(?P<year>1[6-9]\d\d|20\d\d)\s+(?:(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+)?(?P<per>quarter|period)\b`, resQuarter},
	{"edge", []uint32{cUnit}, 2, `\b(?P<mod>the\s+(?:end|beginning|start|middle)\s+of|(?:earlier|later)\s+in)\s+the\s+(?P<unit>year|month|week)\b`, resEdge},
	{"spoken", []uint32{cSpoken}, 0, `\b(?:(?P<pre>the\s+year|` + pMonth + `|the\s+(?P<season>{SEASON})\s+of)\s+)?(?:(?P<c>nineteen|twenty)[-\s]+(?P<rest>{NUMW}(?:-{NUMUNIT})?)|(?P<thousand>two\s+thousand))\b`, resSpoken},
	{"fiscal", []uint32{cYear}, 0, `\b(?P<fdet>the\s+(?:current\s+|latest\s+|previous\s+|last\s+|new\s+|coming\s+|next\s+)?|this\s+|last\s+|next\s+)fiscal\s+year\b`, resFiscal},
	{"yearend", []uint32{cUnit}, 10, `\b(?:(?P<fdet>the|this|last|next)\s+)?(?:(?P<end>year[-\s]end|year['’]s\s+end)|(?P<full>the\s+(?:full|whole|entire)\s+year))\b`, resYearEnd},
	{"anaphor", []uint32{cUnit | cPod}, 2, `\b(?P<ana>(?:earlier\s+|later\s+)?that\s+(?:same\s+)?|the\s+same\s+|the\s+following\s+|the\s+next\s+|the\s+previous\s+|the\s+preceding\s+|the\s+prior\s+)(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night)\b`, resAnaphor},
	{"relwd", []uint32{cWeekday}, 0, `\b(?P<rel>last|next|this|coming|past|the\s+(?:previous|preceding|prior|following|next))\s+(?P<wd>{WDFULL})\b(?:\s+(?P<pod>{POD})\b)?`, resWeekday},
	{"weekday", []uint32{cWeekday}, 0, `\b` + pDayMod + `(?P<wd>{WDFULL}|{WDABBR}\.)(?P<wdpl>s\b)?(?:\s+(?P<pod>{POD})(?P<podpl>s)?\b)?`, resWeekday},
	{"deictic", []uint32{cDeictic}, 0, `\b(?P<word>{DEICTIC})\b`, resDeictic},
	{"day", []uint32{cDayWord}, 0, `\b` + pDayMod + `(?P<dword>today|tomorrow|yesterday|tonight)(?:\s+(?P<pod>{POD}))?\b`, resDayWord},
	{"pod", []uint32{cPod}, 0, `\b(?P<prel>this|last|tomorrow|yesterday|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+(?P<pod>{POD})\b`, resDayWord},
	{"ago", []uint32{cUnit, cAgo}, 16, `\b` + pModW + `(?:(?P<num>` + pNum + `)[-\s]+)?(?P<unit>{UNIT})(?P<uhalf>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b`, resAgo},
	{"in", []uint32{cUnit}, 2, `\bin\s+(?P<num>` + pNum + `)\s+(?P<unit>{UNIT})\b`, resIn},
	{"dur", []uint32{cUnit}, 2, `\b(?:(?P<det>the\s+(?:past|last|next|first|final|coming|previous|following|latest|remaining|initial|preceding|same|current)|past|last|next|first|coming|recent|previous|following|the|another|an\s+additional|additional)\s+)?` + pModW + `(?:(?P<num>` + pNum + `)(?:\s+(?:to|or)\s+(?P<num2>` + pNum + `))?[-\s]+(?:(?:trading|business|working|straight|consecutive|more|full|calendar|long)\s+)?)?(?P<unit>{UNIT})\b`, resDuration},
	{"clock", []uint32{cAMPM}, 0, `\b` + pModW + `(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)(?:\s+(?P<tz>[ecmp][sd]?t|gmt|utc|bst|cet|cest|jst|kst)\b)?(?:,?\s+(?:on\s+)?(?P<dayw>{WDFULL}|today|tomorrow|yesterday|tonight|` + pMonth + `\s+[0-3]?\d\b))?`, resClock},
	{"clock24", []uint32{cDigit}, 0, `\b(?P<h24>[01]\d|2[0-3])(?P<m24>[0-5]\d)\s+(?P<tz>gmt|utc)\b`, resClock},
	{"podalone", []uint32{cPod}, 0, `\b(?:in|at|by|during|until|till|before|after|from|since|around)\s+(?P<the>the\s+)?(?P<dmod>mid-?\s?|early\s+|late\s+)?(?P<pod>morning|afternoon|evening|midday|mid-day|midmorning|midafternoon)\b`, resPartOfDayAlone},
	{"clockpod", []uint32{cPod}, 0, `\b(?P<h>[1-9]|1[0-2])(?::(?P<mi>[0-5]\d))?\s+(?P<inpod>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b`, resClockPod},
	{"noon", []uint32{cAMPM}, 0, `\b(?P<hm>noon|midnight)(?:\s+(?P<dayw>{WDFULL}|today|tomorrow|yesterday))?\b`, resClock},
	{"season", []uint32{cSeason}, 0, `\b` + pMod + `(?:(?P<rel>last|this|next|the\s+past|the\s+coming|the)\s+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>1[6-9]\d\d|20\d\d))?\b`, resSeason},
	{"seasons", []uint32{cSeason}, 0, `\b(?:(?:the\s+)?(?P<rel>past|last|next|coming|previous|following)\s+(?P<num>` + pNum + `)\s+)?(?P<season>{SEASON})s\b`, resSeasons},
	{"holiday", []uint32{cHoliday}, 0, `\b(?:(?P<rel>last|this|next)\s+)?(?P<hol>{HOLIDAY})(?P<hweek>\s+week(?:end)?)?(?:\s+(?P<year>1[6-9]\d\d|20\d\d))?\b`, resHoliday},
	{"set", []uint32{cSet}, 0, `\b(?P<set>{SETW})\b`, resSet},
	{"freq", []uint32{cUnit}, 2, `\b(?P<freq>once|twice|thrice|(?P<fnum>` + pNum + `)\s+times)\s+(?:a|an|per|each)\s+(?P<unit>{UNIT})\b`, resFreq},
	{"every", []uint32{cUnit | cWeekday | cSeason | cMonth, cEvery}, 2, `\b(?P<every>every|each|per)\s+(?:(?P<num>` + pNum + `)\s+)?(?P<unit>{UNIT}|{WDFULL}|{SEASON}|{MONTH})\b`, resSet},
}

// compileRules expands the placeholders and compiles each rule once.
func compileRules(v *vocab) ([]*rule, error) {
	var numw []string
	for k := range v.numbers {
		numw = append(numw, k)
	}
	var hol []string
	for _, h := range v.holidays {
		hol = append(hol, h.Name)
	}
	var wdFull, wdAbbr []string
	for k := range v.weekdays {
		if len(k) > 4 {
			wdFull = append(wdFull, k)
		} else {
			wdAbbr = append(wdAbbr, k)
		}
	}
	var numUnit []string
	for k, n := range v.numbers {
		if n >= 1 && n <= 9 && n == float64(int(n)) && len(k) > 2 {
			numUnit = append(numUnit, k)
		}
	}
	rep := strings.NewReplacer(
		"{NUMUNIT}", alt(numUnit),
		"{MODPOS}", alt(v.modPos),
		"{MODHEDGE}", alt(v.modHedge),
		"{MONTH}", alt(keys(v.months)),
		"{WDFULL}", alt(wdFull),
		"{WDABBR}", alt(wdAbbr),
		"{NUMW}", alt(numw),
		"{VAGUE}", alt(v.vague),
		"{UNIT}", alt(v.unitNames),
		"{SEASON}", alt(keys(v.seasons)),
		"{POD}", alt(keys(v.pods)),
		"{HOLIDAY}", alt(hol),
		"{DEICTIC}", alt(keys(v.deictic)),
		"{SETW}", alt(keys(v.sets)),
	)
	out := make([]*rule, 0, len(ruleSpecs))
	for i, s := range ruleSpecs {
		pat := rep.Replace(s.pat)
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("temporal: compile rule %s: %w", s.name, err)
		}
		lits, err := requiredLiterals(pat)
		if err != nil {
			return nil, fmt.Errorf("temporal: compile rule %s: %w", s.name, err)
		}
		r := &rule{name: s.name, need: s.need, right: s.right, re: re, lits: lits, prio: len(ruleSpecs) - i, resolve: s.resolve, groups: map[string]int{}}
		if r.alpha, r.allLits, r.starts, err = pieceFilter(pat); err != nil {
			return nil, fmt.Errorf("temporal: compile rule %s: %w", s.name, err)
		}
		if r.starts.ok {
			if r.anchored, err = regexp.Compile(`^(?:` + pat + `)`); err != nil {
				return nil, fmt.Errorf("temporal: compile rule %s: %w", s.name, err)
			}
		}
		for j, n := range re.SubexpNames() {
			if n != "" {
				r.groups[n] = j
			}
		}
		out = append(out, r)
	}
	return out, nil
}
