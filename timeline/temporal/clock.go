package temporal

// Normaliser for clock times ("10:35 a.m. Friday", "noon", "1600 GMT").

import (
	"fmt"
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
		if wordBefore(c.body, m.start) == "high" {
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
			d = weekdayFrom(c.ref, t.v.weekdays[dw], 0, true, weekdayDirection(t.clauseAt(c.body, m.start, m.end)))
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
func (t *Tagger) clockDay(xs []timeline.Timex, i int, body string) {
	x := &xs[i]
	for j := i + 1; j < len(xs); j++ {
		y := xs[j]
		gap := body[xs[j-1].Span.End:y.Span.Start]
		if len(gap) > 12 || strings.ContainsAny(gap, ".;!?\n") {
			return
		}
		if y.Type == timeline.TypeTime {
			continue
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
