package timeline

import (
	"slices"
	"time"
)

// DefaultMergeSpan is how far apart the known dates of two reports may lie when
// an open bound is what makes them overlap (see SameTime).
var DefaultMergeSpan = Period{Days: 31}

// Merge is MergeWithin with DefaultMergeSpan.
func Merge(events []Event) []Event { return MergeWithin(events, DefaultMergeSpan) }

// MergeWithin returns events with the reports of one occurrence by several
// documents made one event, so that a timeline built from many articles shows
// each occurrence once, with the number of articles that report it.
//
// Events of different documents are the same occurrence when they have the same
// kind and CAMEO root, the same source code and the same target code (at least
// one of the two non-empty: names alone are too ambiguous to merge on), and
// dates that SameTime accepts with the given span. Events of one document are
// never merged: an article that reports two such events means two.
//
// Of each group the event with the finest granularity, then the narrowest
// bounds, represents it; its bounds are narrowed to the intersection of the
// group's intervals, Sources is set to the number of documents and Docs to the
// other documents' ids, sorted. Other events are returned unchanged. The result
// is in chronological order (Less) and depends only on the input set, not on its
// order. events itself is not modified.
func MergeWithin(events []Event, span Period) []Event {
	all := slices.Clone(events)
	slices.SortFunc(all, Compare)

	// Greedy grouping in chronological order: an event joins the first group of
	// its key whose common interval it overlaps and that has none of its
	// documents. Keeping the common interval (rather than pairwise overlaps)
	// makes every member overlap every other.
	var groups []*mergeGroup
	byKey := make(map[mergeKey][]*mergeGroup)
	grouped := make([]bool, len(all))
	for i := range all {
		e := &all[i]
		k, ok := mergeKeyOf(e)
		if !ok {
			continue
		}
		grouped[i] = true
		joined := false
		for _, g := range byKey[k] {
			if g.admits(all, e, span) {
				g.add(i, e)
				joined = true
				break
			}
		}
		if !joined {
			g := &mergeGroup{lo: e.Earliest, hi: e.Latest, docs: make(map[string]bool)}
			g.add(i, e)
			byKey[k] = append(byKey[k], g)
			groups = append(groups, g)
		}
	}

	out := make([]Event, 0, len(all))
	for i := range all {
		if !grouped[i] {
			out = append(out, all[i])
		}
	}
	for _, g := range groups {
		out = append(out, g.merged(all))
	}
	slices.SortFunc(out, Compare)
	return out
}

// mergeKey is what events must share to be reports of one occurrence.
type mergeKey struct {
	kind, cameo, source, target string
}

func mergeKeyOf(e *Event) (mergeKey, bool) {
	k := mergeKey{kind: e.Kind, cameo: e.CAMEO, source: actorCode(e.Source), target: actorCode(e.Target)}
	if k.source == "" && k.target == "" {
		return k, false
	}
	if e.Earliest.IsZero() && e.Latest.IsZero() {
		return k, false // undated: nothing to say two reports are the same time
	}
	return k, true
}

func actorCode(a *Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// mergeGroup is a set of events, of distinct documents, whose intervals have the
// non-empty intersection [lo, hi] (a zero bound: open).
type mergeGroup struct {
	members []int
	lo, hi  time.Time
	docs    map[string]bool
}

// eventDocs returns the documents e reports for: its own and, when it is itself
// the result of a merge, the others.
func eventDocs(e *Event) []string {
	return append([]string{e.Doc}, e.Docs...)
}

func (g *mergeGroup) admits(all []Event, e *Event, span Period) bool {
	// The interval first: comparing times is cheaper than hashing ids.
	if lo, hi := intersect(g.lo, g.hi, e.Earliest, e.Latest); !lo.IsZero() && !hi.IsZero() && hi.Before(lo) {
		return false
	}
	if g.docs[e.Doc] {
		return false
	}
	for _, d := range e.Docs {
		if g.docs[d] {
			return false
		}
	}
	// Every member must be of the same time as e, not only their common
	// interval: an open bound of one member must not carry the group across.
	for _, i := range g.members {
		if !SameTime(all[i].Earliest, all[i].Latest, e.Earliest, e.Latest, span) {
			return false
		}
	}
	return true
}

// SameTime reports whether two reports dated [lo1, hi1] and [lo2, hi2] (inclusive
// days, a zero bound open) can be of one occurrence, as far as their dates say.
//
// Their intervals must overlap, an open bound reaching to the end of time. When
// both are closed that is enough. An open bound, though, says only "before" or
// "after", so it alone proves no overlap: two reports open on the same side
// ("had earlier dismissed", "had long refused") overlap whatever their dates and
// are never the same occurrence by date; and when one is open, what the two
// know of their dates (the known bounds) must lie within span of each other, so
// that a statement "before 2018" is not taken for a meeting of 1997. A report
// with no bound at all is no occurrence in time.
func SameTime(lo1, hi1, lo2, hi2 time.Time, span Period) bool {
	if lo1.IsZero() && hi1.IsZero() || lo2.IsZero() && hi2.IsZero() {
		return false
	}
	if !lo1.IsZero() && !hi2.IsZero() && hi2.Before(lo1) || !lo2.IsZero() && !hi1.IsZero() && hi1.Before(lo2) {
		return false // disjoint
	}
	open1, open2 := lo1.IsZero() || hi1.IsZero(), lo2.IsZero() || hi2.IsZero()
	if !open1 && !open2 {
		return true
	}
	if lo1.IsZero() && lo2.IsZero() || hi1.IsZero() && hi2.IsZero() {
		return false // the overlap is the shared open side
	}
	// The known part of each: its interval, or the one known day.
	k1lo, k1hi := known(lo1, hi1)
	k2lo, k2hi := known(lo2, hi2)
	return !span.After(k1hi).Before(k2lo) && !span.After(k2hi).Before(k1lo)
}

// known returns the known part of an interval with at most one open bound.
func known(lo, hi time.Time) (time.Time, time.Time) {
	switch {
	case lo.IsZero():
		return hi, hi
	case hi.IsZero():
		return lo, lo
	}
	return lo, hi
}

func (g *mergeGroup) add(i int, e *Event) {
	g.members = append(g.members, i)
	g.lo, g.hi = intersect(g.lo, g.hi, e.Earliest, e.Latest)
	for _, d := range eventDocs(e) {
		g.docs[d] = true
	}
}

// merged returns the group's representative, or its only event unchanged.
func (g *mergeGroup) merged(all []Event) Event {
	if len(g.members) == 1 {
		return all[g.members[0]]
	}
	best := g.members[0]
	for _, i := range g.members[1:] {
		if finer(&all[i], &all[best]) {
			best = i
		}
	}
	rep := all[best]
	rep.Earliest, rep.Latest = g.lo, g.hi
	rep.Sources = len(g.docs)
	rep.Docs = make([]string, 0, len(g.docs)-1)
	for d := range g.docs {
		if d != rep.Doc {
			rep.Docs = append(rep.Docs, d)
		}
	}
	slices.Sort(rep.Docs)
	return rep
}

// finer reports whether a describes the occurrence more precisely than b: finer
// granularity, then narrower bounds, then (for determinism) chronological order.
func finer(a, b *Event) bool {
	if ra, rb := a.Granularity.Rank(), b.Granularity.Rank(); ra != rb {
		return ra < rb
	}
	wa, oka := width(a)
	wb, okb := width(b)
	switch {
	case oka && !okb:
		return true
	case okb && !oka:
		return false
	case oka && okb && wa != wb:
		return wa < wb
	}
	return Compare(*a, *b) < 0
}

// width is the length of e's interval in seconds (not a time.Duration, which
// saturates at 292 years); false when a bound is open.
func width(e *Event) (int64, bool) {
	if e.Earliest.IsZero() || e.Latest.IsZero() {
		return 0, false
	}
	return e.Latest.Unix() - e.Earliest.Unix(), true
}

// intersect intersects two intervals whose zero bounds are open.
func intersect(lo1, hi1, lo2, hi2 time.Time) (lo, hi time.Time) {
	lo, hi = lo1, hi1
	if lo.IsZero() || (!lo2.IsZero() && lo2.After(lo)) {
		lo = lo2
	}
	if hi.IsZero() || (!hi2.IsZero() && hi2.Before(hi)) {
		hi = hi2
	}
	return lo, hi
}
