package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Party returns what an actor stands for in a dyad: the country of a state
// actor (a code is a three-letter country code with an optional role, so
// "USAGOV" and "USA" are both "USA"), the whole code of an international
// organisation ("IGOUNO"), and "" for an actor with no code, whose name alone is
// too ambiguous to pair on.
func Party(a *Actor) string {
	if a == nil || a.Code == "" {
		return ""
	}
	if strings.HasPrefix(a.Code, "IGO") || len(a.Code) <= 3 {
		return a.Code
	}
	return a.Code[:3]
}

// Dyad is an unordered pair of parties, as conflict-cooperation studies pair
// them: the events of A towards B and of B towards A make one dyad. A <= B.
type Dyad struct {
	A, B string
}

// DyadOf returns the dyad of an event whose source and target both have a party.
func DyadOf(e *Event) (Dyad, bool) {
	a, b := Party(e.Source), Party(e.Target)
	if a == "" || b == "" {
		return Dyad{}, false
	}
	if b < a {
		a, b = b, a
	}
	return Dyad{a, b}, true
}

// String writes the dyad as ParseDyad reads it: "PRK-USA".
func (d Dyad) String() string { return d.A + "-" + d.B }

// ParseDyad reads "A-B" (in either order; codes hold no dash).
func ParseDyad(s string) (Dyad, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok || a == "" || b == "" || strings.Contains(b, "-") {
		return Dyad{}, Errorf(EINVALID, "invalid dyad %q: want two actor codes joined by '-' (PRK-USA)", s)
	}
	a, b = strings.ToUpper(a), strings.ToUpper(b)
	if b < a {
		a, b = b, a
	}
	return Dyad{a, b}, nil
}

// DyadSummary is a dyad with the events that pair its parties.
type DyadSummary struct {
	Dyad
	// NameA and NameB name the parties by the name most often given to an actor
	// coded exactly as the party ("North Korea" for PRK), else the party's code.
	NameA, NameB string
	Events       int
	// Goldstein is the sum of the scores the tension chart counts (Tension).
	Goldstein float64
}

// Dyads lists the dyads of events, the busiest first (then by name).
func Dyads(events []Event) []DyadSummary {
	byDyad := make(map[Dyad]*DyadSummary)
	names := make(map[string]map[string]int) // party -> name -> uses
	for i := range events {
		e := &events[i]
		d, ok := DyadOf(e)
		if !ok {
			continue
		}
		s := byDyad[d]
		if s == nil {
			s = &DyadSummary{Dyad: d}
			byDyad[d] = s
		}
		s.Events++
		if g, ok := tensionScore(e); ok {
			s.Goldstein += g
		}
		for _, a := range []*Actor{e.Source, e.Target} {
			if a.Name != "" && a.Code == Party(a) {
				if names[a.Code] == nil {
					names[a.Code] = make(map[string]int)
				}
				names[a.Code][a.Name]++
			}
		}
	}
	name := func(party string) string {
		best, n := party, 0
		for name, uses := range names[party] {
			if uses > n || uses == n && name < best {
				best, n = name, uses
			}
		}
		return best
	}
	list := make([]DyadSummary, 0, len(byDyad))
	for _, s := range byDyad {
		s.NameA, s.NameB = name(s.A), name(s.B)
		list = append(list, *s)
	}
	slices.SortFunc(list, func(x, y DyadSummary) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), strings.Compare(x.String(), y.String()))
	})
	return list
}

// Bin is the length of the periods a tension chart sums over.
type Bin string

// Bins: ISO weeks (Monday to Sunday) and calendar months, as GDELT's tension
// series are read.
const (
	BinWeek  Bin = "week"
	BinMonth Bin = "month"
)

// ParseBin reads "week" or "month".
func ParseBin(s string) (Bin, error) {
	switch b := Bin(s); b {
	case BinWeek, BinMonth:
		return b, nil
	}
	return "", Errorf(EINVALID, "invalid period %q: want week or month", s)
}

// period returns the first and last days of the period holding day t, and its
// label ("2018-W02", "2018-01").
func (b Bin) period(t time.Time) (first, last time.Time, label string) {
	t = Day(t)
	if b == BinWeek {
		first = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // back to Monday
		y, w := first.ISOWeek()
		return first, first.AddDate(0, 0, 6), fmt.Sprintf("%04d-W%02d", y, w)
	}
	first = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return first, first.AddDate(0, 1, -1), first.Format("2006-01")
}

// TensionBar is one period of a dyad's tension series.
type TensionBar struct {
	Label       string    // "2018-01", "2018-W02"
	First, Last time.Time // the period's inclusive days
	// Goldstein is the sum of the period's scores: cooperation above zero,
	// conflict below. Cooperation and Conflict are its positive and negative
	// parts.
	Goldstein, Cooperation, Conflict float64
	// Events are the ids of the events summed, in the order given.
	Events []string
}

// Tension sums the Goldstein scores of dyad d's events per period (GDELT's
// convention), in chronological order, one bar per period that has events.
//
// An event counts when it is diplomatic with a known CAMEO root and occurred or
// is ongoing: a planned or negated event has not happened. It falls in the
// period of its start, or of its end when the start is open (the date the
// timeline sorts it by); an undated event counts nowhere.
func Tension(events []Event, d Dyad, b Bin) []TensionBar {
	var bars []TensionBar
	byLabel := make(map[string]int)
	for i := range events {
		e := &events[i]
		if ed, ok := DyadOf(e); !ok || ed != d {
			continue
		}
		g, ok := tensionScore(e)
		if !ok {
			continue
		}
		day := e.Earliest
		if day.IsZero() {
			day = e.Latest
		}
		if day.IsZero() {
			continue
		}
		first, last, label := b.period(day)
		j, ok := byLabel[label]
		if !ok {
			j = len(bars)
			byLabel[label] = j
			bars = append(bars, TensionBar{Label: label, First: first, Last: last})
		}
		bar := &bars[j]
		bar.Goldstein += g
		if g > 0 {
			bar.Cooperation += g
		} else {
			bar.Conflict += g
		}
		bar.Events = append(bar.Events, e.ID)
	}
	slices.SortFunc(bars, func(x, y TensionBar) int { return x.First.Compare(y.First) })
	return bars
}

// tensionScore returns the Goldstein score an event adds to its dyad's tension,
// false when it adds none (see Tension).
func tensionScore(e *Event) (float64, bool) {
	if e.Kind != KindDiplomatic || (e.Status != StatusOccurred && e.Status != StatusOngoing) {
		return 0, false
	}
	r, ok := CAMEORoot(e.CAMEO)
	if !ok {
		return 0, false
	}
	return r.Goldstein, true
}
