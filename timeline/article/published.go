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

// ParsePublished parses a publication date (the DCT) to its day.
func ParsePublished(s string) (time.Time, error) {
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return timeline.Day(t), nil
		}
	}
	return time.Time{}, timeline.Errorf(timeline.EINVALID, "invalid publication date %q: want YYYY-MM-DD", s)
}
