package timeline_test

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := timeline.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

// mev builds an event: id, doc, CAMEO root, source and target codes, bounds
// ("" open) and granularity.
func mev(id, doc, cameo, src, tgt, earliest, latest string, g timeline.Granularity) timeline.Event {
	e := timeline.Event{
		ID: id, Doc: doc, Kind: timeline.KindDiplomatic, CAMEO: cameo,
		Earliest: day(earliest), Latest: day(latest), Granularity: g,
	}
	if src != "" {
		e.Source = &timeline.Actor{Name: src, Code: src}
	}
	if tgt != "" {
		e.Target = &timeline.Actor{Name: tgt, Code: tgt}
	}
	return e
}

// summary renders the result tersely: id[bounds]xSources{docs}.
func summary(evs []timeline.Event) string {
	var s []string
	for _, e := range evs {
		r := fmt.Sprintf("%s[%s..%s]", e.ID, timeline.FormatDay(e.Earliest), timeline.FormatDay(e.Latest))
		if e.Sources > 0 {
			r += fmt.Sprintf("x%d{%s}", e.Sources, strings.Join(e.Docs, ","))
		}
		s = append(s, r)
	}
	return strings.Join(s, " ")
}

func TestMerge(t *testing.T) {
	const D, M, Y = timeline.GranDay, timeline.GranMonth, timeline.GranYear
	for _, tt := range []struct {
		name string
		in   []timeline.Event
		want string
	}{
		{"empty", nil, ""},
		{"two reports of a meeting", []timeline.Event{
			mev("b1", "b", "04", "KORGOV", "PRKGOV", "2018-01-01", "2018-01-31", M),
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
		}, "a1[2018-01-09..2018-01-09]x2{b}"},
		{"three documents, docs sorted, bounds narrowed", []timeline.Event{
			mev("c1", "c", "04", "KORGOV", "PRKGOV", "2018-01-01", "2018-12-31", Y),
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-01", "2018-01-31", M),
			mev("b1", "b", "04", "KORGOV", "PRKGOV", "2018-01-15", "", D),
		}, "b1[2018-01-15..2018-01-31]x3{a,c}"},
		{"same granularity: narrowest bounds represent", []timeline.Event{
			mev("a1", "a", "13", "PRK", "USA", "2017-01-01", "2017-12-31", Y),
			mev("b1", "b", "13", "PRK", "USA", "2017-01-01", "", Y),
			mev("c1", "c", "13", "PRK", "USA", "2016-12-01", "2017-06-30", Y),
		}, "c1[2017-01-01..2017-06-30]x3{a,b}"},
		{"same document never merged", []timeline.Event{
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
			mev("a2", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
		}, "a1[2018-01-09..2018-01-09] a2[2018-01-09..2018-01-09]"},
		{"second report of a document starts a second group", []timeline.Event{
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
			mev("a2", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
			mev("b1", "b", "04", "KORGOV", "PRKGOV", "2018-01-01", "2018-01-31", M),
		}, "a1[2018-01-09..2018-01-09]x2{b} a2[2018-01-09..2018-01-09]"},
		{"disjoint intervals", []timeline.Event{
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
			mev("b1", "b", "04", "KORGOV", "PRKGOV", "2018-01-10", "2018-01-10", D),
		}, "a1[2018-01-09..2018-01-09] b1[2018-01-10..2018-01-10]"},
		{"open bounds years apart", []timeline.Event{
			mev("a1", "a", "16", "USA", "PRK", "2012-01-01", "", Y),
			mev("b1", "b", "16", "USA", "PRK", "", "2018-01-12", D),
		}, "a1[2012-01-01..] b1[..2018-01-12]"},
		{"open bounds within the span", []timeline.Event{
			mev("a1", "a", "16", "USA", "PRK", "2018-01-01", "", D),
			mev("b1", "b", "16", "USA", "PRK", "", "2018-01-12", D),
		}, "a1[2018-01-01..2018-01-12]x2{b}"},
		{"open at the same side: never the same time", []timeline.Event{
			mev("a1", "a", "16", "USA", "PRK", "", "2018-01-10", D),
			mev("b1", "b", "16", "USA", "PRK", "", "2018-01-12", D),
		}, "a1[..2018-01-10] b1[..2018-01-12]"},
		{"open start against a report decades before", []timeline.Event{
			mev("a1", "a", "03", "USAGOV", "PRKGOV", "", "2018-01-03", D),
			mev("b1", "b", "03", "USAGOV", "PRKGOV", "1997-02-01", "1997-02-28", M),
		}, "b1[1997-02-01..1997-02-28] a1[..2018-01-03]"},
		{"open start against a report within the span", []timeline.Event{
			mev("a1", "a", "03", "USAGOV", "PRKGOV", "", "2018-01-03", D),
			mev("b1", "b", "03", "USAGOV", "PRKGOV", "2017-12-20", "2017-12-20", D),
		}, "b1[2017-12-20..2017-12-20]x2{a}"},
		{"an open member does not carry the group past the span", []timeline.Event{
			mev("a1", "a", "03", "USAGOV", "PRKGOV", "", "2018-03-01", D),
			mev("b1", "b", "03", "USAGOV", "PRKGOV", "2018-02-01", "2018-02-03", D),
			mev("c1", "c", "03", "USAGOV", "PRKGOV", "2018-01-05", "", D),
		}, "b1[2018-02-01..2018-02-03]x2{c} a1[..2018-03-01]"},
		{"open bounds that do not meet", []timeline.Event{
			mev("a1", "a", "16", "USA", "PRK", "2019-01-01", "", Y),
			mev("b1", "b", "16", "USA", "PRK", "", "2018-01-12", D),
		}, "b1[..2018-01-12] a1[2019-01-01..]"},
		{"undated events are not merged", []timeline.Event{
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "", "", ""),
			mev("b1", "b", "04", "KORGOV", "PRKGOV", "", "", ""),
		}, "a1[..] b1[..]"},
		{"different CAMEO root", []timeline.Event{
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
			mev("b1", "b", "03", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
		}, "a1[2018-01-09..2018-01-09] b1[2018-01-09..2018-01-09]"},
		{"different target", []timeline.Event{
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
			mev("b1", "b", "04", "KORGOV", "USAGOV", "2018-01-09", "2018-01-09", D),
		}, "a1[2018-01-09..2018-01-09] b1[2018-01-09..2018-01-09]"},
		{"no codes at all", []timeline.Event{
			mev("a1", "a", "04", "", "", "2018-01-09", "2018-01-09", D),
			mev("b1", "b", "04", "", "", "2018-01-09", "2018-01-09", D),
		}, "a1[2018-01-09..2018-01-09] b1[2018-01-09..2018-01-09]"},
		{"one side coded is enough", []timeline.Event{
			mev("a1", "a", "01", "USAGOV", "", "2018-01-09", "2018-01-09", D),
			mev("b1", "b", "01", "USAGOV", "", "2018-01-01", "2018-01-31", M),
		}, "a1[2018-01-09..2018-01-09]x2{b}"},
		{"unrelated events keep their place", []timeline.Event{
			mev("z", "z", "20", "SYR", "", "2019-05-01", "2019-05-01", D),
			mev("b1", "b", "04", "KORGOV", "PRKGOV", "2018-01-01", "2018-01-31", M),
			mev("y", "y", "01", "", "", "2017-01-01", "2017-01-01", D),
			mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", D),
		}, "y[2017-01-01..2017-01-01] a1[2018-01-09..2018-01-09]x2{b} z[2019-05-01..2019-05-01]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.in)
			if got := summary(timeline.Merge(in)); got != tt.want {
				t.Errorf("Merge = %q\n     want %q", got, tt.want)
			}
			if !reflect.DeepEqual(in, tt.in) {
				t.Error("Merge modified its input")
			}
			// Any input order gives the same result.
			slices.Reverse(in)
			if got := summary(timeline.Merge(in)); got != tt.want {
				t.Errorf("Merge of reversed input = %q\n     want %q", got, tt.want)
			}
		})
	}
}

func TestSameTime(t *testing.T) {
	span := timeline.Period{Days: 31}
	for _, tt := range []struct {
		lo1, hi1, lo2, hi2 string
		want               bool
	}{
		{"2018-01-09", "2018-01-09", "2018-01-01", "2018-01-31", true},  // a day in its month
		{"2018-01-09", "2018-01-09", "2018-01-10", "2018-01-10", false}, // disjoint days
		{"1990-01-01", "1999-12-31", "1997-04-22", "1997-04-22", true},  // closed: overlap is enough
		{"", "2018-01-03", "1997-04-22", "1997-04-22", false},           // open start, decades after
		{"", "2018-01-03", "2017-12-20", "2017-12-20", true},            // open start, within the span
		{"", "2018-01-03", "2017-11-01", "2017-11-30", false},           // open start, a month before the span
		{"", "2018-01-03", "2017-12-01", "2018-01-31", true},            // open start inside a closed range
		{"1996-05-01", "", "2006-03-01", "2006-03-31", false},           // open end, ten years before
		{"2018-01-01", "", "2018-01-20", "2018-01-20", true},            // open end, within the span
		{"", "2018-01-10", "", "2018-01-12", false},                     // both open at the start
		{"2018-01-10", "", "2018-01-12", "", false},                     // both open at the end
		{"2018-01-01", "", "", "2018-01-12", true},                      // open ends facing, close
		{"2012-01-01", "", "", "2018-01-12", false},                     // open ends facing, years apart
		{"2019-01-01", "", "", "2018-01-12", false},                     // open ends that do not meet
		{"", "", "2018-01-12", "2018-01-12", false},                     // undated
	} {
		got := timeline.SameTime(day(tt.lo1), day(tt.hi1), day(tt.lo2), day(tt.hi2), span)
		back := timeline.SameTime(day(tt.lo2), day(tt.hi2), day(tt.lo1), day(tt.hi1), span)
		if got != tt.want || back != tt.want {
			t.Errorf("SameTime([%s..%s], [%s..%s]) = %v (reversed %v), want %v", tt.lo1, tt.hi1, tt.lo2, tt.hi2, got, back, tt.want)
		}
	}
	// A wider span reaches further.
	if !timeline.SameTime(time.Time{}, day("2018-01-03"), day("2017-11-01"), day("2017-11-30"), timeline.Period{Months: 2}) {
		t.Error("a two-month span does not reach a month back")
	}
}

func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want timeline.Period
		ok   bool
	}{
		{"31d", timeline.Period{Days: 31}, true},
		{"2w", timeline.Period{Days: 14}, true},
		{"6m", timeline.Period{Months: 6}, true},
		{"1y", timeline.Period{Years: 1}, true},
		{"0", timeline.Period{}, true},
		{"", timeline.Period{}, false},
		{"y", timeline.Period{}, false},
		{"-1y", timeline.Period{}, false},
		{"1.5y", timeline.Period{}, false},
		{"1h", timeline.Period{}, false},
		{"99999999999y", timeline.Period{}, false},
	} {
		got, err := timeline.ParsePeriod(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && tt.in != "2w" && got.String() != tt.in {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), tt.in)
		}
	}
}

func TestMerge_KeepsRepresentative(t *testing.T) {
	a := mev("a1", "a", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", timeline.GranDay)
	a.Trigger = timeline.Text{Start: 10, End: 13, Text: "met"}
	a.When, a.Confidence = "2018-01-09", 0.8
	b := mev("b1", "b", "04", "KORGOV", "PRKGOV", "2018-01-01", "2018-01-31", timeline.GranMonth)

	got := timeline.Merge([]timeline.Event{b, a})
	want := a
	want.Sources, want.Docs = 2, []string{"b"}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("Merge = %+v\nwant %+v", got, want)
	}

	// Merging again, or with a third report, counts each document once.
	c := mev("c1", "c", "04", "KORGOV", "PRKGOV", "2018-01-09", "2018-01-09", timeline.GranMonth)
	if s := summary(timeline.Merge(append(got, b))); s != "b1[2018-01-01..2018-01-31] a1[2018-01-09..2018-01-09]x2{b}" {
		t.Errorf("merge of a merged event and one of its documents = %q", s)
	}
	if s := summary(timeline.Merge(append(got, c))); s != "a1[2018-01-09..2018-01-09]x3{b,c}" {
		t.Errorf("merge of a merged event and a third document = %q", s)
	}
}

// BenchmarkMerge merges 100,000 events of 2,000 documents over one year, with 160
// distinct CAMEO root and actor pairs, so that many reports share a key.
func BenchmarkMerge(b *testing.B) {
	codes := []string{"USAGOV", "PRKGOV", "KORGOV", "CHNGOV"}
	var evs []timeline.Event
	for i := range 100_000 {
		start := day("2018-01-01").AddDate(0, 0, (i*7919)%365)
		g, end := timeline.GranDay, start
		if i%5 == 0 {
			g, end = timeline.GranMonth, start.AddDate(0, 0, 30)
		}
		evs = append(evs, mev(fmt.Sprintf("e%d", i), fmt.Sprintf("d%d", i%2000), fmt.Sprintf("%02d", 1+i%10),
			codes[i%4], codes[(i/4)%4], timeline.FormatDay(start), timeline.FormatDay(end), g))
	}
	var n int
	for b.Loop() {
		n = len(timeline.Merge(evs))
	}
	b.ReportMetric(float64(n), "events/op")
}

// randomEvents returns n events of a few documents, keys and shapes of date
// (days, months, years, open bounds), close enough together to merge often.
func randomEvents(rng *rand.Rand, n int) []timeline.Event {
	const D, M, Y = timeline.GranDay, timeline.GranMonth, timeline.GranYear
	codes := []string{"USAGOV", "PRKGOV", ""}
	var evs []timeline.Event
	for i := range n {
		start := day("2017-11-01").AddDate(0, 0, rng.IntN(500))
		var lo, hi string
		g := D
		switch r := rng.IntN(10); {
		case r < 5:
			lo, hi = timeline.FormatDay(start), timeline.FormatDay(start)
		case r < 7:
			first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
			lo, hi, g = timeline.FormatDay(first), timeline.FormatDay(first.AddDate(0, 1, -1)), M
		case r < 8:
			first := time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			lo, hi, g = timeline.FormatDay(first), timeline.FormatDay(first.AddDate(1, 0, -1)), Y
		case r < 9:
			lo = timeline.FormatDay(start)
		default:
			hi = timeline.FormatDay(start)
		}
		evs = append(evs, mev(fmt.Sprintf("e%03d", i), fmt.Sprintf("d%d", rng.IntN(12)), fmt.Sprintf("%02d", 1+rng.IntN(2)),
			codes[rng.IntN(2)], codes[rng.IntN(3)], lo, hi, g))
	}
	return evs
}

// Two reports that SameTime accepts have overlapping reaches, so that a store
// need only regroup the events whose reaches chain into a new one's.
func TestReach(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, span := range []timeline.Period{{Days: 31}, {Months: 1}, {Years: 1}, {}} {
		evs := randomEvents(rng, 300)
		for i := range evs {
			for j := range evs {
				a, b := &evs[i], &evs[j]
				if !timeline.SameTime(a.Earliest, a.Latest, b.Earliest, b.Latest, span) {
					continue
				}
				alo, ahi := timeline.Reach(a, span)
				blo, bhi := timeline.Reach(b, span)
				if ahi.Before(blo) || bhi.Before(alo) {
					t.Fatalf("span %v: %s..%s and %s..%s are of the same time but reach %s..%s and %s..%s",
						span, timeline.FormatDay(a.Earliest), timeline.FormatDay(a.Latest), timeline.FormatDay(b.Earliest), timeline.FormatDay(b.Latest),
						timeline.FormatDay(alo), timeline.FormatDay(ahi), timeline.FormatDay(blo), timeline.FormatDay(bhi))
				}
			}
		}
	}
}

// Grouping the events of each chain of reaches apart gives what grouping them
// all at once gives: a store regroups one chain at a time.
func TestGroupWithin_Decomposes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	span := timeline.Period{Days: 31}
	for round := range 50 {
		evs := randomEvents(rng, 200)
		whole := summary(timeline.MergeWithin(evs, span))

		// Chains: events of one key whose reaches overlap, transitively.
		byKey := map[timeline.MergeKey][]int{}
		var parts [][]timeline.Event
		for i := range evs {
			if k, ok := timeline.MergeKeyOf(&evs[i]); ok {
				byKey[k] = append(byKey[k], i)
			} else {
				parts = append(parts, []timeline.Event{evs[i]})
			}
		}
		for _, idx := range byKey {
			slices.SortFunc(idx, func(a, b int) int {
				alo, _ := timeline.Reach(&evs[a], span)
				blo, _ := timeline.Reach(&evs[b], span)
				return alo.Compare(blo)
			})
			var cur []timeline.Event
			var end time.Time
			for _, i := range idx {
				lo, hi := timeline.Reach(&evs[i], span)
				if len(cur) > 0 && lo.After(end) {
					parts = append(parts, cur)
					cur = nil
				}
				if len(cur) == 0 || hi.After(end) {
					end = hi
				}
				cur = append(cur, evs[i])
			}
			parts = append(parts, cur)
		}
		var merged []timeline.Event
		for _, p := range parts {
			merged = append(merged, timeline.MergeWithin(p, span)...)
		}
		slices.SortFunc(merged, timeline.Compare)
		if got := summary(merged); got != whole {
			t.Fatalf("round %d: by chains\n%s\nat once\n%s", round, got, whole)
		}
		// And any order of the input gives the same groups.
		rng.Shuffle(len(evs), func(i, j int) { evs[i], evs[j] = evs[j], evs[i] })
		if got := summary(timeline.MergeWithin(evs, span)); got != whole {
			t.Fatalf("round %d: shuffled input merged differently", round)
		}
	}
}
