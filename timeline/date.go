package timeline

import (
	"strconv"
	"strings"
	"time"
)

// DateLayout is the layout of a day bound in every output.
const DateLayout = "2006-01-02"

// ParseDay parses a YYYY-MM-DD day.
func ParseDay(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "invalid date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// ParseRange parses a date given as a year ("2018"), a month ("2018-01") or a day
// ("2018-01-03") into its inclusive first and last days.
func ParseRange(s string) (first, last time.Time, err error) {
	bad := Errorf(EINVALID, "invalid date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return first, last, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		// Digits only: strconv.Atoi alone would take "+201" for the year 201.
		if (i > 0 && len(p) != 2) || strings.Trim(p, "0123456789") != "" {
			return first, last, bad
		}
		nums[i], _ = strconv.Atoi(p)
	}
	switch len(nums) {
	case 1:
		first = time.Date(nums[0], 1, 1, 0, 0, 0, 0, time.UTC)
		last = first.AddDate(1, 0, -1)
	case 2:
		if nums[1] < 1 || nums[1] > 12 {
			return first, last, bad
		}
		first = time.Date(nums[0], time.Month(nums[1]), 1, 0, 0, 0, 0, time.UTC)
		last = first.AddDate(0, 1, -1)
	case 3:
		t, err := time.Parse(DateLayout, s)
		if err != nil {
			return first, last, bad
		}
		first, last = t, t
	}
	return first, last, nil
}

// FormatDay formats a day bound, "" for an open (zero) bound.
func FormatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// The years a publication date may fall in. Every output writes years with four
// digits (TIMEX3 values, YYYY-MM-DD bounds, iCalendar dates), and a date far
// outside written history is a typing mistake ("0000-01-01", "9999-12-31") whose
// relative expressions would resolve to years such as -0002.
const (
	MinDCTYear = 1000
	MaxDCTYear = 2999
)

// CheckDCT reports a publication date outside MinDCTYear..MaxDCTYear.
func CheckDCT(t time.Time) error {
	if y := t.Year(); y < MinDCTYear || y > MaxDCTYear {
		return Errorf(EINVALID, "publication date %s out of range (years %d-%d)", t.Format(DateLayout), MinDCTYear, MaxDCTYear)
	}
	return nil
}
