package eval

import (
	"strings"
	"testing"
	"time"
)

func TestScoreDCT(t *testing.T) {
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	c := func(doc, dct, lo, hi string) DCTCase {
		return DCTCase{Doc: doc, DCT: day(dct), Earliest: day(lo), Latest: day(hi), Inferred: lo != "" || hi != ""}
	}
	r := ScoreDCT([]DCTCase{
		c("open", "1998-02-27", "", ""),                       // not bounded
		c("lower", "1998-02-27", "1998-01-01", ""),            // holds, open end
		c("closed", "1998-02-27", "1998-02-20", "1998-03-01"), // holds, 10 days
		c("tight", "1998-02-27", "1998-02-27", "1998-02-27"),  // holds, 1 day
		c("late", "1989-10-30", "1990-01-01", ""),             // wrong: a forecast year taken as past
	})
	// 5 documents, 4 bounded, 3 hold the DCT, 2 closed with widths 10 and 1:
	// sorted [1 10], median index 1 -> 10.
	if r.Docs != 5 || r.Bounded != 4 || r.Correct != 3 || r.Closed != 2 || r.MedianWidth != 10 {
		t.Errorf("got %+v", r)
	}
	if len(r.Wrong) != 1 || r.Wrong[0].Doc != "late" {
		t.Errorf("wrong %v, want late", r.Wrong)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := "documents 5   bounded 4 (0.800)   bounds hold the DCT 3 (precision 0.750)   closed 2, median width 10 days"
	if !strings.Contains(b.String(), want) || !strings.Contains(b.String(), "wrong\tlate\tdct 1989-10-30\tinferred 1990-01-01..") {
		t.Errorf("text:\n%s", b.String())
	}
}

// Bounds wider than a time.Duration can hold (292 years) still get their width.
func TestScoreDCTWideBounds(t *testing.T) {
	dct := time.Date(1998, 2, 27, 0, 0, 0, 0, time.UTC)
	lo := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)
	r := ScoreDCT([]DCTCase{{Doc: "wide", DCT: dct, Earliest: lo, Latest: dct, Inferred: true}})
	if want := int(dct.Unix()-lo.Unix())/86400 + 1; r.MedianWidth != want {
		t.Errorf("median width %d, want %d", r.MedianWidth, want)
	}
}
