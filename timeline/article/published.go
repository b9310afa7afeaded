package article

import (
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// publishedLayouts are the forms a publication date takes in feeds and flags.
var publishedLayouts = []string{
	"2006-01-02",
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"20060102",
}

// ParsePublished parses a publication date (the DCT) to its calendar day in loc
// (nil: UTC): a timestamp with a zone is first moved into loc, so that an article
// published at 23:30 in New York is dated by the analyst's calendar; one without a
// zone is read as local to loc. A date outside the years timeline.CheckDCT
// accepts is an error.
func ParsePublished(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	for _, layout := range publishedLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			d := timeline.Day(t.In(loc))
			if err := timeline.CheckDCT(d); err != nil {
				return time.Time{}, err
			}
			return d, nil
		}
	}
	return time.Time{}, timeline.Errorf(timeline.EINVALID, "invalid publication date %q: want YYYY-MM-DD", s)
}
