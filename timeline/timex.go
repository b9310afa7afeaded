package timeline

import "time"

// TIMEX3 types.
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// Granularity is the precision of a resolved time.
type Granularity string

// Granularities, finest first; Rank orders them.
const (
	GranTime    Granularity = "time"
	GranDay     Granularity = "day"
	GranWeek    Granularity = "week"
	GranMonth   Granularity = "month"
	GranSeason  Granularity = "season"
	GranQuarter Granularity = "quarter"
	GranHalf    Granularity = "half"
	GranYear    Granularity = "year"
	GranDecade  Granularity = "decade"
	GranCentury Granularity = "century"
	GranUnknown Granularity = ""
)

var granRank = map[Granularity]int{
	GranTime: 0, GranDay: 1, GranWeek: 2, GranMonth: 3, GranSeason: 4, GranQuarter: 5,
	GranHalf: 6, GranYear: 7, GranDecade: 8, GranCentury: 9, GranUnknown: 10,
}

// Rank orders granularities from finest (0) to unknown (largest).
func (g Granularity) Rank() int {
	if r, ok := granRank[g]; ok {
		return r
	}
	return granRank[GranUnknown]
}

// Anchor says what a resolved date was derived from (EVENTS.md).
type Anchor string

// Anchors.
const (
	AnchorExplicit  Anchor = "explicit"
	AnchorDCT       Anchor = "dct"
	AnchorRelative  Anchor = "relative"
	AnchorGazetteer Anchor = "gazetteer"
	AnchorInferred  Anchor = "inferred"
)

// Timex is a temporal expression found in a body and normalised per TimeML TIMEX3,
// together with the calendar interval it denotes.
type Timex struct {
	ID   string // "t1", "t2", ... in document order
	Span Span
	Text string

	Type  string // DATE, TIME, DURATION, SET
	Value string // TIMEX3 value: 2017-10-01, 2018-01, P2Y, PAST_REF, XXXX-WXX-1 ...
	Mod   string // TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...

	// For anchored durations and intervals ("for two years", "since 2012").
	AnchorTimeID string
	BeginPoint   string
	EndPoint     string
	Quant, Freq  string // for sets

	// Earliest and Latest are the inclusive day bounds of the interval the
	// expression denotes (a duration anchored into the text gives the span it
	// covers); either may be zero: open.
	Earliest    time.Time
	Latest      time.Time
	Granularity Granularity
	Anchor      Anchor

	// Interval is the TIMEX3-style value of the anchored interval where the
	// expression denotes one ("2016/2018-01", "2012/PRESENT_REF"); empty otherwise.
	Interval string
	// Signal is the preposition or phrase that governs the expression when it
	// changes its meaning for an event ("since", "until", "before", "during").
	Signal string
}

// Occurrence is a named occurrence the story is dated against ("the Winter
// Olympics", "the G7 summit"), resolved from the gazetteer to the instance that
// fits the article's date and tense.
type Occurrence struct {
	Name     string // gazetteer name of the instance, "2018 Winter Olympics"
	Span     Span   // the mention in the body
	Text     string
	When     string // TIMEX3-style interval, "2018-02-09/2018-02-25"
	Earliest time.Time
	Latest   time.Time
	// Upcoming is set when the text presents the occurrence as still to come
	// ("impending", "due to be held"): the instance chosen is then the next one.
	Upcoming bool
}
