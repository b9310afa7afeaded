package temporal

// Normaliser for clock times ("10:35 a.m. Friday", "noon", "1600 GMT").

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func resClock(t *Tagger, m *match, c *docCtx) (res, bool) {
	var hh, mm int
	if h24 := m.g("h24"); h24 != "" {
		hh, _ = strconv.Atoi(h24)
		mm, _ = strconv.Atoi(m.g("m24"))
	} else if hm := lower(m.g("hm")); hm != "" {
		if c.wordBefore(m.start) == "high" {
			return res{}, false // "high noon" is an idiom
		}
		hh = 12
		if hm == "midnight" {
			hh = 24
		}
	} else {
		h, mi, ok := t.clockOf(m.g("h"), m.g("mi"), m.g("ampm"))
		if !ok {
			return res{}, false
		}
		hh, mm = h, mi
	}
	day := "XXXX-XX-XX"
	anchor := "relative"
	if c.hasRef {
		anchor = "dct"
		d := c.ref
		dw := lower(m.g("dayw"))
		switch {
		case dw == "tomorrow":
			d = d.AddDate(0, 0, 1)
		case dw == "yesterday":
			d = d.AddDate(0, 0, -1)
		case t.v.weekdays[dw] != 0:
			d = weekdayFrom(c.ref, t.v.weekdays[dw], 0, true, weekdayDirection(t.clauseAt(c.tokens, m.start, m.end)))
		case m.g("month") != "":
			mo := t.month(m.g("month"))
			f := strings.Fields(dw)
			dd, _ := strconv.Atoi(f[len(f)-1])
			d = date(t.nearestYear(c, m, mo, dd), time.Month(mo), dd)
		}
		day = dayValue(d)
	}
	v := fmt.Sprintf("%sT%02d:%02d", day, hh, mm)
	if hh == 24 {
		v = day + "T24:00"
	}
	return res{typ: "TIME", value: v, mod: t.modWOf(m.g("modw")), anchor: anchor, relToDCT: c.hasRef, dayless: m.g("dayw") == ""}, true
}

// narrativeDay is the day a part of the day at [s, e) is told of: a calendar
// day named earlier in its sentence, far enough from the DCT to have moved
// the story there ("On March 3, rebels attacked in the morning"), else the
// DCT's (zero when there is none). A day named in an earlier sentence is not
// enough: news moves back to its own day without saying so.
func narrativeDay(c *docCtx, s, e int) time.Time {
	if ss, _ := c.clause(s, e); !c.lastDay.IsZero() && c.lastDayEnd > ss && c.lastDayEnd <= s && (!c.hasRef || c.ref.Sub(c.lastDay) > 7*24*time.Hour) {
		return c.lastDay
	}
	if c.hasRef {
		return c.ref
	}
	return time.Time{}
}

// resPartOfDayAlone reads a part of the day with no day named: "in the
// morning", "by mid afternoon", "at midday". TimeML makes it a TIME of the
// day the story is at (the last day it named, else the DCT's), with the
// part's code (TMO, TAF, TEV, TMI). The preposition is left out; the article
// is kept. A part that modifies a noun ("the morning session") or is told of
// another day ("the morning of March 3") is left alone.
func resPartOfDayAlone(t *Tagger, m *match, c *docCtx) (res, bool) {
	pod := strings.ReplaceAll(lower(m.g("pod")), "-", "")
	dmod := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lower(m.g("dmod"))), "-"))
	var code, mod string
	switch pod {
	case "midday":
		code = "MI"
	case "midmorning":
		code, mod = "MO", "MID"
	case "midafternoon":
		code, mod = "AF", "MID"
	default:
		code = t.v.pods[pod]
		switch dmod {
		case "mid":
			mod = "MID"
		case "early":
			mod = "START"
		case "late":
			mod = "END"
		}
		if m.g("the") == "" && dmod != "mid" {
			return res{}, false // "in morning" is no English; "by early evening" is rare
		}
	}
	if code == "" || dmod != "" && (pod == "midday" || strings.HasPrefix(pod, "mid")) {
		return res{}, false
	}
	next := lower(c.wordAfter(m.end))
	if next == "of" || t.attributive(c.tokens, m.end) || strings.HasPrefix(c.body[m.end:], "'s") || t.month(next) != 0 && isCap(c.wordAfter(m.end)) || t.v.weekdays[next] != 0 {
		return res{}, false // "the morning session"; "the evening March 29": another day's
	}
	start := m.gpos("the")
	if start < 0 {
		start = m.gpos("dmod")
	}
	if start < 0 {
		start = m.gpos("pod")
	}
	r := res{typ: "TIME", mod: mod, start: start, anchor: "relative", noTrack: true, value: "XXXX-XX-XXT" + code}
	if d := narrativeDay(c, m.start, m.end); !d.IsZero() {
		r.value = dayValue(d) + "T" + code
		r.relToDCT = d.Equal(c.ref)
	}
	return r, true
}

// resClockPod reads an hour told with its part of the day: "4 in the
// morning" (T04:00), "8 in the evening" (T20:00), "11 at night".
func resClockPod(t *Tagger, m *match, c *docCtx) (res, bool) {
	h, _ := strconv.Atoi(m.g("h"))
	mi, _ := strconv.Atoi(m.g("mi"))
	in := collapse(m.g("inpod"))
	switch {
	case strings.HasSuffix(in, "morning"):
		if h == 12 {
			h = 0
		}
	case strings.HasSuffix(in, "night"):
		if h >= 6 && h < 12 {
			h += 12
		} else if h == 12 {
			h = 0
		}
	default: // afternoon, evening
		if h < 12 {
			h += 12
		}
	}
	day := "XXXX-XX-XX"
	if c.hasRef {
		day = dayValue(c.ref)
	}
	return res{typ: "TIME", value: fmt.Sprintf("%sT%02d:%02d", day, h, mi), anchor: "dct", relToDCT: c.hasRef, dayless: true}, true
}

// clockBase is the fixed day when's rules compute clock times on; only the hour
// and minute of the result are read, so no clock is ever consulted.
var clockBase = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// clockOf reads hour and minute through when's hour rules, on a canonical form
// of the matched time ("10.35 p.m." becomes "10:35 pm").
func (t *Tagger) clockOf(h, mi, ampm string) (int, int, bool) {
	canon := h
	if mi != "" {
		canon += ":" + mi
	}
	ap := strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(ampm))
	canon += " " + ap
	r, err := t.clock.Parse(canon, clockBase)
	if err != nil || r == nil {
		return 0, 0, false
	}
	hh, mm := r.Time.Hour(), r.Time.Minute()
	// when reads "12 am" as noon; TimeML has midnight as T24:00 of the day before,
	// but T00 of the day is the usual reading in news.
	if n, _ := strconv.Atoi(h); n == 12 && ap == "am" {
		hh = 0
	}
	return hh, mm, true
}

// clockDay gives a clock time the day of a day expression right after it ("at
// 10:35 a.m. (0735 GMT) Friday"), when nothing but a parenthesis or another clock
// time stands between them.
func (t *Tagger) clockDay(xs []timeline.Timex, i int, body string, dayless []int) {
	x := &xs[i]
	for j := i + 1; j < len(xs); j++ {
		y := xs[j]
		gap := body[xs[j-1].Span.End:y.Span.Start]
		if len(gap) > 12 || strings.ContainsAny(gap, ".;!?\n") {
			return
		}
		if y.Type == timeline.TypeTime && slices.Contains(dayless, j) {
			continue // another clock time, as dayless: "(0735 GMT)"
		}
		if y.Type == timeline.TypeTime {
			// a clock time told with its day: "4 in the morning (4 a.m. EDT
			// Thursday)" is that day
			if k := strings.IndexByte(y.Value, 'T'); k == 10 && !strings.HasPrefix(y.Value, "X") {
				if kx := strings.IndexByte(x.Value, 'T'); kx >= 0 {
					x.Value = y.Value[:10] + x.Value[kx:]
					x.Earliest, x.Latest = y.Earliest, y.Latest
				}
			}
			return
		}
		if y.Granularity != timeline.GranDay || len(y.Value) != 10 {
			return
		}
		k := strings.IndexByte(x.Value, 'T')
		if k < 0 {
			return
		}
		x.Value = y.Value + x.Value[k:]
		x.Earliest, x.Latest = y.Earliest, y.Latest
		return
	}
}
