package temporal

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Calendar helpers: TIMEX3 value strings and the day intervals they denote.

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func monthValue(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// isoWeekStart returns the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := date(y, 1, 4)
	wd := int(jan4.Weekday()+6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+(w-1)*7)
}

var seasonMonths = map[string][2]int{"SP": {3, 5}, "SU": {6, 8}, "FA": {9, 11}, "WI": {12, 14}}

// bounds returns the inclusive day interval and granularity of a TIMEX3 date
// value; ok is false for values that denote no calendar interval (PAST_REF, P2Y).
func bounds(v string) (first, last time.Time, g timeline.Granularity, ok bool) {
	v = strings.TrimPrefix(v, "FY")
	if i := strings.IndexByte(v, 'T'); i > 0 {
		f, _, _, ok := bounds(v[:i])
		return f, f, timeline.GranTime, ok
	}
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	parts := strings.Split(v, "-")
	switch {
	case len(v) == 2: // century "19"
		c, ok := num(v)
		if !ok {
			return first, last, g, false
		}
		return date(c*100, 1, 1), date(c*100+99, 12, 31), timeline.GranCentury, true
	case len(v) == 3: // decade "199"
		d, ok := num(v)
		if !ok {
			return first, last, g, false
		}
		return date(d*10, 1, 1), date(d*10+9, 12, 31), timeline.GranDecade, true
	}
	if len(parts[0]) != 4 {
		return first, last, g, false
	}
	y, ok := num(parts[0])
	if !ok {
		return first, last, g, false
	}
	if len(parts) == 1 {
		return date(y, 1, 1), date(y, 12, 31), timeline.GranYear, true
	}
	p := parts[1]
	switch {
	case len(p) == 2 && p[0] == 'Q':
		q, ok := num(p[1:])
		if !ok || q < 1 || q > 4 {
			return first, last, g, false
		}
		f := date(y, time.Month(3*q-2), 1)
		return f, f.AddDate(0, 3, -1), timeline.GranQuarter, true
	case len(p) == 2 && p[0] == 'H':
		h, ok := num(p[1:])
		if !ok || h < 1 || h > 2 {
			return first, last, g, false
		}
		f := date(y, time.Month(6*h-5), 1)
		return f, f.AddDate(0, 6, -1), timeline.GranHalf, true
	case len(p) == 3 && p[0] == 'W':
		w, ok := num(p[1:])
		if !ok {
			return first, last, g, false
		}
		f := isoWeekStart(y, w)
		if len(parts) == 3 && parts[2] == "WE" {
			return f.AddDate(0, 0, 5), f.AddDate(0, 0, 6), timeline.GranWeek, true
		}
		if len(parts) == 3 {
			d, ok := num(parts[2])
			if !ok {
				return first, last, g, false
			}
			return f.AddDate(0, 0, d-1), f.AddDate(0, 0, d-1), timeline.GranDay, true
		}
		return f, f.AddDate(0, 0, 6), timeline.GranWeek, true
	}
	if sm, ok := seasonMonths[p]; ok {
		f := date(y, time.Month(sm[0]), 1)
		return f, date(y, time.Month(sm[1]+1), 1).AddDate(0, 0, -1), timeline.GranSeason, true
	}
	m, ok := num(p)
	if !ok || m < 1 || m > 12 {
		return first, last, g, false
	}
	if len(parts) == 2 {
		f := date(y, time.Month(m), 1)
		return f, f.AddDate(0, 1, -1), timeline.GranMonth, true
	}
	d, ok := num(parts[2])
	if !ok || d < 1 || d > 31 {
		return first, last, g, false
	}
	f := date(y, time.Month(m), d)
	return f, f, timeline.GranDay, true
}

// shift moves t by n units of the TIMEX3 duration code.
func shift(t time.Time, code string, n int) time.Time {
	switch code {
	case "Y":
		return t.AddDate(n, 0, 0)
	case "M":
		return t.AddDate(0, n, 0)
	case "Q":
		return t.AddDate(0, 3*n, 0)
	case "W":
		return t.AddDate(0, 0, 7*n)
	case "WE":
		return t.AddDate(0, 0, 7*n)
	case "2W":
		return t.AddDate(0, 0, 14*n)
	case "D":
		return t.AddDate(0, 0, n)
	case "DE":
		return t.AddDate(10*n, 0, 0)
	case "CE":
		return t.AddDate(100*n, 0, 0)
	case "ML":
		return t.AddDate(1000*n, 0, 0)
	}
	return t
}

// valueAt formats t at the granularity of a duration code.
func valueAt(t time.Time, code string) string {
	switch code {
	case "Y":
		return yearValue(t.Year())
	case "M":
		return monthValue(t.Year(), int(t.Month()))
	case "Q":
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())+2)/3)
	case "DE":
		return fmt.Sprintf("%03d", t.Year()/10)
	case "CE", "ML":
		return fmt.Sprintf("%02d", t.Year()/100)
	}
	return dayValue(t)
}

// easter returns Western Easter Sunday of year y (anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, time.Month(month), day)
}

// holidayDate evaluates a holidays.txt rule for year y.
func holidayDate(rule string, y int) (time.Time, bool) {
	switch {
	case strings.HasPrefix(rule, "easter"):
		n, err := strconv.Atoi(rule[len("easter"):])
		if err != nil {
			return time.Time{}, false
		}
		return easter(y).AddDate(0, 0, n), true
	case strings.HasPrefix(rule, "nth:"):
		f := strings.Split(rule[4:], ":")
		if len(f) != 3 {
			return time.Time{}, false
		}
		n, err1 := strconv.Atoi(f[0])
		wd, err2 := strconv.Atoi(f[1])
		m, err3 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || err3 != nil {
			return time.Time{}, false
		}
		if n > 0 {
			d := date(y, time.Month(m), 1)
			for isoWeekday(d) != wd {
				d = d.AddDate(0, 0, 1)
			}
			return d.AddDate(0, 0, 7*(n-1)), true
		}
		d := date(y, time.Month(m)+1, 1).AddDate(0, 0, -1)
		for isoWeekday(d) != wd {
			d = d.AddDate(0, 0, -1)
		}
		return d, true
	default:
		t, err := time.Parse("2006-01-02", fmt.Sprintf("%04d-%s", y, rule))
		return t, err == nil
	}
}

func isoWeekday(t time.Time) int {
	if t.Weekday() == time.Sunday {
		return 7
	}
	return int(t.Weekday())
}
