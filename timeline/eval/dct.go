package eval

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// DCTCase is one article whose publication date is known but was hidden from the
// system, with the bounds the system inferred from the text (zero: open).
type DCTCase struct {
	Doc              string
	DCT              time.Time
	Earliest, Latest time.Time
	Inferred         bool // the system gave at least one bound
}

// DCTReport measures publication-date inference: how often the system bounds
// the date at all, how often the bounds hold the true date, and how tight they
// are. A wrong bound is worse than none: every relative date of the article is
// resolved against it.
type DCTReport struct {
	Docs, Bounded, Correct, Closed int
	// MedianWidth is the median width in days of the bounds closed on both
	// sides that hold the true date.
	MedianWidth int
	Wrong       []DCTCase
}

// ScoreDCT scores inferred publication dates against the true ones.
func ScoreDCT(cases []DCTCase) *DCTReport {
	r := &DCTReport{Docs: len(cases)}
	var widths []int
	for _, c := range cases {
		if !c.Inferred {
			continue
		}
		r.Bounded++
		if (!c.Earliest.IsZero() && c.DCT.Before(c.Earliest)) || (!c.Latest.IsZero() && c.DCT.After(c.Latest)) {
			r.Wrong = append(r.Wrong, c)
			continue
		}
		r.Correct++
		if !c.Earliest.IsZero() && !c.Latest.IsZero() {
			r.Closed++
			// Not Latest.Sub(Earliest): a time.Duration saturates at 292 years.
			widths = append(widths, int((c.Latest.Unix()-c.Earliest.Unix())/86400)+1)
		}
	}
	if len(widths) > 0 {
		slices.Sort(widths)
		r.MedianWidth = widths[len(widths)/2]
	}
	return r
}

// WriteText prints the figures and every wrong inference.
func (r *DCTReport) WriteText(w io.Writer) error {
	share := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return float64(n) / float64(d)
	}
	for _, c := range r.Wrong {
		if _, err := fmt.Fprintf(w, "wrong\t%s\tdct %s\tinferred %s..%s\n", c.Doc,
			timeline.FormatDay(c.DCT), timeline.FormatDay(c.Earliest), timeline.FormatDay(c.Latest)); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "documents %d   bounded %d (%.3f)   bounds hold the DCT %d (precision %.3f)   closed %d, median width %d days\n",
		r.Docs, r.Bounded, share(r.Bounded, r.Docs), r.Correct, share(r.Correct, r.Bounded), r.Closed, r.MedianWidth)
	return err
}
