package timeline_test

import (
	"fmt"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

// TestCAMEORoots checks the embedded table against the tables of EVENTS.md
// (Goldstein, PLOVER) and OUTPUT.md (quad class by root range).
func TestCAMEORoots(t *testing.T) {
	goldstein := []float64{0, 3, 4, 1, 3.5, 6, 7, 5, -2, -5, -2, -4, -6, -6.5, -7.2, -4, -7, -9, -10, -10}
	plover := []string{"", "", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "ACCUSE", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT"}
	for i := range 20 {
		n := i + 1
		code := fmt.Sprintf("%02d", n)
		r, ok := timeline.CAMEORoot(code)
		if !ok {
			t.Errorf("root %s missing", code)
			continue
		}
		quad := 4
		switch {
		case n <= 5:
			quad = 1
		case n <= 8:
			quad = 2
		case n <= 13:
			quad = 3
		}
		if r.Code != code || r.Goldstein != goldstein[i] || r.QuadClass != quad || r.PLOVER != plover[i] || r.Name == "" {
			t.Errorf("root %s = %+v, want goldstein %v, quad class %d, PLOVER %q", code, r, goldstein[i], quad, plover[i])
		}
	}
	for _, code := range []string{"", "00", "21", "1", "013"} {
		if _, ok := timeline.CAMEORoot(code); ok {
			t.Errorf("CAMEORoot(%q) found", code)
		}
	}
}
