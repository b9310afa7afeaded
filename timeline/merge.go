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
	groups := GroupWithin(events, span)
	out := make([]Event, 0, len(groups))
	for i := range groups {
		out = append(out, groups[i].Merged(events))
	}
	slices.SortFunc(out, Compare)
	return out
}

// Group is one occurrence as MergeWithin finds it: the events that report it,
// by their index in the slice given, the representative first.
type Group struct {
	Members []int
	// Earliest and Latest are the intersection of the members' intervals.
	Earliest, Latest time.Time
	// Docs are the documents of the members (and those they were merged
	// from), sorted.
	Docs []string
}

// GroupWithin partitions events into the occurrences they report (see
// MergeWithin): every event is in exactly one group, most in a group of their
// own. The partition depends only on the set of events, not on their order,
// and it decomposes: the events of one MergeKey whose Reach intervals do not
// chain into one another are grouped independently of each other, so a store
// can regroup a part of its events without reading the rest.
func GroupWithin(events []Event, span Period) []Group {
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return Compare(events[a], events[b]) })

	// Greedy grouping in chronological order: an event joins the first group of
	// its key whose common interval it overlaps and that has none of its
	// documents. Keeping the common interval (rather than pairwise overlaps)
	// makes every member overlap every other.
	var groups []*mergeGroup
	byKey := make(map[MergeKey][]*mergeGroup)
	for _, i := range order {
		e := &events[i]
		k, ok := MergeKeyOf(e)
		if !ok {
			groups = append(groups, &mergeGroup{members: []int{i}, lo: e.Earliest, hi: e.Latest})
			continue
		}
		// A group none of whose later events can join is dropped from the
		// search (events come in chronological order): the result is the same,
		// and a key with thousands of reports stays fast.
		live := byKey[k][:0]
		at := sortKey(e)
		joined := false
		for _, g := range byKey[k] {
			if g.deadline.Before(at) {
				continue
			}
			live = append(live, g)
			if !joined && g.admits(events, e, span) {
				g.add(i, e, span)
				joined = true
			}
		}
		if !joined {
			g := &mergeGroup{lo: e.Earliest, hi: e.Latest, docs: make(map[string]bool)}
			g.add(i, e, span)
			live = append(live, g)
			groups = append(groups, g)
		}
		byKey[k] = live
	}

	out := make([]Group, 0, len(groups))
	for _, g := range groups {
		out = append(out, g.group(events))
	}
	return out
}

// Merged returns the event that stands for the group: its only member
// unchanged, or the representative with the common interval, the number of
// documents and the others' ids.
func (g *Group) Merged(events []Event) Event {
	rep := events[g.Members[0]]
	if len(g.Members) == 1 {
		return rep
	}
	rep.Earliest, rep.Latest = g.Earliest, g.Latest
	rep.Sources = len(g.Docs)
	rep.Docs = make([]string, 0, len(g.Docs)-1)
	for _, d := range g.Docs {
		if d != rep.Doc {
			rep.Docs = append(rep.Docs, d)
		}
	}
	return rep
}

// MergeKey is what events must share to be reports of one occurrence.
type MergeKey struct {
	Kind, CAMEO, Source, Target string
}

// MergeKeyOf returns the key of an event that may be merged with others; false
// for one that never is (no actor code, or no date at all).
func MergeKeyOf(e *Event) (MergeKey, bool) {
	k := MergeKey{Kind: e.Kind, CAMEO: e.CAMEO, Source: actorCode(e.Source), Target: actorCode(e.Target)}
	if k.Source == "" && k.Target == "" {
		return k, false
	}
	if e.Earliest.IsZero() && e.Latest.IsZero() {
		return k, false // undated: nothing to say two reports are the same time
	}
	return k, true
}

// reachMargin widens the reach of an open start: a month or a year added to a
// day and taken away again may not come back to it (January 31 plus a month is
// March 3), and the reach must hold whatever SameTime holds.
const reachMargin = 4

// Reach returns the closed interval of days an event with a merge key may share
// with another report of its occurrence: two events that SameTime accepts with
// span have overlapping reaches. A closed interval reaches itself; an open
// bound reaches span beyond the known day. Events whose reaches do not chain
// together are never grouped together (see GroupWithin).
func Reach(e *Event, span Period) (lo, hi time.Time) {
	switch {
	case e.Earliest.IsZero():
		return span.Before(e.Latest).AddDate(0, 0, -reachMargin), e.Latest
	case e.Latest.IsZero():
		return e.Earliest, span.After(e.Earliest)
	}
	return e.Earliest, e.Latest
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
	// deadline is the last sort position (sortKey) of an event that may still
	// join: past it some member can be of the same time as no later event.
	deadline time.Time
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

func (g *mergeGroup) add(i int, e *Event, span Period) {
	g.members = append(g.members, i)
	g.lo, g.hi = intersect(g.lo, g.hi, e.Earliest, e.Latest)
	for _, d := range eventDocs(e) {
		g.docs[d] = true
	}
	if d := lastJoin(e, span); len(g.members) == 1 || d.Before(g.deadline) {
		g.deadline = d
	}
}

// lastJoin is the latest sort position (sortKey) of an event that SameTime can
// accept with e: an event sorted later starts after e's last day, or after
// the span beyond its known day when one bound is open, or (with an open
// start) ends more than the span after it.
func lastJoin(e *Event, span Period) time.Time {
	switch {
	case e.Latest.IsZero():
		return span.After(e.Earliest)
	case e.Earliest.IsZero():
		// Only an event with a known start can join an open start, and it
		// must start by its last day.
		return e.Latest
	}
	return span.After(e.Latest)
}

// group returns the group's members, the representative first, and its
// common interval and documents.
func (g *mergeGroup) group(all []Event) Group {
	if g.docs == nil { // an event that is never merged
		return Group{Members: g.members, Earliest: g.lo, Latest: g.hi, Docs: eventDocs(&all[g.members[0]])}
	}
	best := 0
	for j := 1; j < len(g.members); j++ {
		if finer(&all[g.members[j]], &all[g.members[best]]) {
			best = j
		}
	}
	members := make([]int, 0, len(g.members))
	members = append(members, g.members[best])
	members = append(members, g.members[:best]...)
	members = append(members, g.members[best+1:]...)
	docs := make([]string, 0, len(g.docs))
	for d := range g.docs {
		docs = append(docs, d)
	}
	slices.Sort(docs)
	return Group{Members: members, Earliest: g.lo, Latest: g.hi, Docs: docs}
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
