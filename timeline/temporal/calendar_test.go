package temporal

import (
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

func TestBounds(t *testing.T) {
	cases := []struct {
		value, first, last string
		gran               timeline.Granularity
	}{
		{"2018", "2018-01-01", "2018-12-31", timeline.GranYear},
		{"2018-02", "2018-02-01", "2018-02-28", timeline.GranMonth},
		{"2018-02-09", "2018-02-09", "2018-02-09", timeline.GranDay},
		{"2018-W03", "2018-01-15", "2018-01-21", timeline.GranWeek},
		{"2018-W03-WE", "2018-01-20", "2018-01-21", timeline.GranWeek},
		{"1998-Q1", "1998-01-01", "1998-03-31", timeline.GranQuarter},
		{"1998-H2", "1998-07-01", "1998-12-31", timeline.GranHalf},
		{"1998-SU", "1998-06-01", "1998-08-31", timeline.GranSeason},
		{"1998-WI", "1998-12-01", "1999-02-28", timeline.GranSeason},
		{"199", "1990-01-01", "1999-12-31", timeline.GranDecade},
		{"19", "1900-01-01", "1999-12-31", timeline.GranCentury},
		{"1998-02-27T14:30", "1998-02-27", "1998-02-27", timeline.GranTime},
		{"FY1989", "1989-01-01", "1989-12-31", timeline.GranYear},
	}
	for _, c := range cases {
		f, l, g, ok := bounds(c.value)
		if !ok || f != day(c.first) || l != day(c.last) || g != c.gran {
			t.Errorf("bounds(%q) = %s %s %s %v, want %s %s %s", c.value, f.Format("2006-01-02"), l.Format("2006-01-02"), g, ok, c.first, c.last, c.gran)
		}
	}
	for _, v := range []string{"PAST_REF", "P2Y", "XXXX-WXX-5", "", "2018-13", "1998-Q5"} {
		if _, _, _, ok := bounds(v); ok {
			t.Errorf("bounds(%q): want no interval", v)
		}
	}
}

func TestHolidays(t *testing.T) {
	cases := []struct {
		rule string
		year int
		want string
	}{
		{"easter+0", 2000, "2000-04-23"},
		{"easter+0", 2018, "2018-04-01"},
		{"easter-2", 2018, "2018-03-30"},
		{"nth:4:4:11", 1998, "1998-11-26"},  // Thanksgiving
		{"nth:-1:1:05", 2018, "2018-05-28"}, // Memorial Day
		{"12-25", 1997, "1997-12-25"},
	}
	for _, c := range cases {
		d, ok := holidayDate(c.rule, c.year)
		if !ok || d != day(c.want) {
			t.Errorf("holidayDate(%q, %d) = %s %v, want %s", c.rule, c.year, d.Format("2006-01-02"), ok, c.want)
		}
	}
}

func TestWeekdayFrom(t *testing.T) {
	fri := day("2013-03-22") // a Friday
	cases := []struct {
		wd, dir int
		bare    bool
		tense   int
		want    string
	}{
		{5, 0, true, tensePast, "2013-03-22"},   // "said Friday" on a Friday: that day
		{4, 0, true, tensePast, "2013-03-21"},   // "said Thursday"
		{1, 0, true, tenseFuture, "2013-03-25"}, // "will meet Monday"
		{5, -1, false, tenseNone, "2013-03-15"}, // "last Friday"
		{5, 1, false, tenseNone, "2013-03-29"},  // "next Friday"
		{6, 0, true, tenseNone, "2013-03-23"},   // no tense: the nearer Saturday
	}
	for _, c := range cases {
		if got := weekdayFrom(fri, c.wd, c.dir, c.bare, c.tense); got != day(c.want) {
			t.Errorf("weekdayFrom(%d, dir %d, bare %v, tense %d) = %s, want %s", c.wd, c.dir, c.bare, c.tense, got.Format("2006-01-02"), c.want)
		}
	}
}
