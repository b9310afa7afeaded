package timeline

import (
	"strconv"
	"strings"
	"time"
)

// Period is a calendar length, added as time.AddDate adds it: "31d", "2w",
// "6m", "1y". Merging and date-range queries use periods to say how far an
// open bound or a gap may reach.
type Period struct {
	Years, Months, Days int
}

// ParsePeriod reads a period: a whole number and a unit, d(ays), w(eeks),
// m(onths) or y(ears), as in "31d" or "1y"; "0" is no length at all.
func ParsePeriod(s string) (Period, error) {
	bad := Errorf(EINVALID, "invalid period %q: want a whole number and d, w, m or y (31d, 1y)", s)
	s = strings.TrimSpace(s)
	if s == "0" {
		return Period{}, nil
	}
	if len(s) < 2 {
		return Period{}, bad
	}
	num, unit := s[:len(s)-1], s[len(s)-1]
	if strings.Trim(num, "0123456789") != "" {
		return Period{}, bad
	}
	n, err := strconv.Atoi(num)
	if err != nil || n > 100_000 {
		return Period{}, bad
	}
	switch unit {
	case 'd':
		return Period{Days: n}, nil
	case 'w':
		return Period{Days: 7 * n}, nil
	case 'm':
		return Period{Months: n}, nil
	case 'y':
		return Period{Years: n}, nil
	}
	return Period{}, bad
}

// String writes the period as ParsePeriod reads it, when it has one unit.
func (p Period) String() string {
	switch {
	case p == Period{}:
		return "0"
	case p.Months == 0 && p.Days == 0:
		return strconv.Itoa(p.Years) + "y"
	case p.Years == 0 && p.Days == 0:
		return strconv.Itoa(p.Months) + "m"
	case p.Years == 0 && p.Months == 0:
		return strconv.Itoa(p.Days) + "d"
	}
	return strconv.Itoa(p.Years) + "y" + strconv.Itoa(p.Months) + "m" + strconv.Itoa(p.Days) + "d"
}

// After returns t moved forward by the period.
func (p Period) After(t time.Time) time.Time { return t.AddDate(p.Years, p.Months, p.Days) }

// Before returns t moved back by the period.
func (p Period) Before(t time.Time) time.Time { return t.AddDate(-p.Years, -p.Months, -p.Days) }
