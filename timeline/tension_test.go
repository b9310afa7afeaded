package timeline

import (
	"reflect"
	"testing"
	"time"
)

func TestParty(t *testing.T) {
	tests := []struct {
		actor *Actor
		want  string
	}{
		{nil, ""},
		{&Actor{Name: "the protesters"}, ""},
		{&Actor{Code: "PRK"}, "PRK"},
		{&Actor{Code: "USAGOV"}, "USA"},
		{&Actor{Code: "IGOUNO"}, "IGOUNO"},
	}
	for _, tt := range tests {
		if got := Party(tt.actor); got != tt.want {
			t.Errorf("Party(%v) = %q, want %q", tt.actor, got, tt.want)
		}
	}
}

func TestParseDyad(t *testing.T) {
	for in, want := range map[string]string{"PRK-USA": "PRK-USA", "usa-prk": "PRK-USA", " IGOUNO-IRQ ": "IGOUNO-IRQ"} {
		d, err := ParseDyad(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDyad(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "USA", "USA-", "-USA", "A-B-C"} {
		if _, err := ParseDyad(in); ErrorCode(err) != EINVALID {
			t.Errorf("ParseDyad(%q): err %v, want invalid", in, err)
		}
	}
}

// tensionEvent is an event of src towards tgt, of a root, on the days given.
func tensionEvent(id, src, tgt, root, status, earliest, latest string) Event {
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := ParseDay(s)
		if err != nil {
			panic(err)
		}
		return d
	}
	actor := func(code string) *Actor {
		if code == "" {
			return nil
		}
		return &Actor{Name: "name of " + code, Code: code}
	}
	return Event{ID: id, Kind: KindDiplomatic, CAMEO: root, Status: status,
		Source: actor(src), Target: actor(tgt), Earliest: day(earliest), Latest: day(latest)}
}

func TestTension(t *testing.T) {
	evs := []Event{
		tensionEvent("threat", "PRKGOV", "USAGOV", "13", StatusOccurred, "2018-01-02", "2018-01-02"), // -6
		tensionEvent("talks", "USA", "PRK", "04", StatusOccurred, "2018-01-10", "2018-01-10"),        // +1
		tensionEvent("open-start", "USA", "PRK", "03", StatusOccurred, "", "2018-02-08"),             // +4, February
		tensionEvent("since", "USA", "PRKGOV", "12", StatusOngoing, "2017-12-31", ""),                // -4, 2017-12
		tensionEvent("planned", "USA", "PRK", "04", StatusPlanned, "2018-01-20", "2018-01-20"),
		tensionEvent("negated", "USA", "PRK", "19", StatusNegated, "2018-01-20", "2018-01-20"),
		tensionEvent("undated", "USA", "PRK", "04", StatusOccurred, "", ""),
		tensionEvent("other dyad", "USA", "KOR", "04", StatusOccurred, "2018-01-10", "2018-01-10"),
		tensionEvent("no target", "USA", "", "04", StatusOccurred, "2018-01-10", "2018-01-10"),
		{ID: "context", Kind: KindContext, Status: StatusOccurred, Earliest: time.Date(2018, 1, 3, 0, 0, 0, 0, time.UTC)},
	}
	d := Dyad{"PRK", "USA"}

	got := Tension(evs, d, BinMonth)
	var labels []string
	var ids [][]string
	for _, b := range got {
		labels = append(labels, b.Label)
		ids = append(ids, b.Events)
	}
	if want := []string{"2017-12", "2018-01", "2018-02"}; !reflect.DeepEqual(labels, want) {
		t.Fatalf("month labels %v, want %v", labels, want)
	}
	if want := [][]string{{"since"}, {"threat", "talks"}, {"open-start"}}; !reflect.DeepEqual(ids, want) {
		t.Errorf("month events %v, want %v", ids, want)
	}
	jan := got[1]
	if jan.Cooperation != 1 || jan.Conflict != -6 || jan.Goldstein != -5 {
		t.Errorf("January: cooperation %v conflict %v sum %v, want 1, -6, -5", jan.Cooperation, jan.Conflict, jan.Goldstein)
	}
	if jan.First.Format(DateLayout) != "2018-01-01" || jan.Last.Format(DateLayout) != "2018-01-31" {
		t.Errorf("January spans %s..%s", jan.First.Format(DateLayout), jan.Last.Format(DateLayout))
	}

	// 2017-12-31 is a Sunday, in ISO week 2017-W52; 2018-01-02 a Tuesday of W01.
	labels = labels[:0]
	for _, b := range Tension(evs, d, BinWeek) {
		labels = append(labels, b.Label+" "+b.First.Format(DateLayout))
	}
	want := []string{"2017-W52 2017-12-25", "2018-W01 2018-01-01", "2018-W02 2018-01-08", "2018-W06 2018-02-05"}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("week bars %v, want %v", labels, want)
	}
}

func TestDyads(t *testing.T) {
	evs := []Event{
		tensionEvent("a", "USAGOV", "PRK", "13", StatusOccurred, "2018-01-02", "2018-01-02"),
		tensionEvent("b", "PRK", "USA", "04", StatusPlanned, "2018-01-02", "2018-01-02"),
		tensionEvent("c", "KOR", "USA", "04", StatusOccurred, "2018-01-02", "2018-01-02"),
		tensionEvent("d", "KOR", "", "04", StatusOccurred, "2018-01-02", "2018-01-02"),
	}
	got := Dyads(evs)
	if len(got) != 2 {
		t.Fatalf("got %d dyads, want 2: %+v", len(got), got)
	}
	first := got[0]
	if first.String() != "PRK-USA" || first.Events != 2 || first.Goldstein != -6 {
		t.Errorf("first dyad %+v, want PRK-USA with 2 events, Goldstein -6 (the planned one not counted)", first)
	}
	// USA is named by the actor coded USA, not by the government (USAGOV).
	if first.NameA != "name of PRK" || first.NameB != "name of USA" {
		t.Errorf("names %q, %q", first.NameA, first.NameB)
	}
	if _, err := ParseBin("year"); ErrorCode(err) != EINVALID {
		t.Errorf("ParseBin(year): %v", err)
	}
}
