package temporal

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func mustTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := New(Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return tg
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// find returns the timex whose text is text.
func find(xs []timeline.Timex, text string) (timeline.Timex, bool) {
	for _, x := range xs {
		if x.Text == text {
			return x, true
		}
	}
	return timeline.Timex{}, false
}

func TestTag(t *testing.T) {
	tg := mustTagger(t)
	cases := []struct {
		name, body, dct       string
		text, typ, value, mod string
	}{
		{"past weekday on the DCT's own weekday", "The minister resigned on Friday after a week of protests.", "2013-03-22", "Friday", "DATE", "2013-03-22", ""},
		{"past weekday", "The minister resigned on Friday after a week of protests.", "2013-03-25", "Friday", "DATE", "2013-03-22", ""},
		{"future weekday", "The talks will resume on Monday.", "2013-03-22", "Monday", "DATE", "2013-03-25", ""},
		{"an -ed adjective is no past verb", "The split would be paid on a still unspecified date in January.", "1989-10-30", "January", "DATE", "1990-01", ""},
		{"'hundred' is no past verb", "Several hundred troops will arrive Friday.", "1990-08-15", "Friday", "DATE", "1990-08-17", ""},
		{"a capitalised -ed name is no past verb", "He announced that the father would be traveling to the United States Thursday with his wife.", "2000-04-05", "Thursday", "DATE", "2000-04-06", ""},
		{"a sentence-initial -ed verb is past", "Rescued on Thanksgiving Day, the boy was taken to Miami.", "1999-12-01", "Thanksgiving Day", "DATE", "1999-11-25", ""},
		{"effective date ahead despite a past verb", "The board also created an office of the chairman, effective Feb. 1.", "1989-11-01", "Feb. 1", "DATE", "1990-02-01", ""},
		{"effective month day in a noun phrase", "Costs rose under the new labor pact effective June 1.", "1989-10-26", "June 1", "DATE", "1990-06-01", ""},
		{"as soon as a weekday", "The group would be ready to leave as soon as Tuesday, Castro said.", "2000-04-03", "Tuesday", "DATE", "2000-04-04", ""},
		{"as early as a month", "A vote was expected as early as January, officials said.", "2005-11-10", "January", "DATE", "2006-01", ""},
		{"year-end is the year's last day", "The company expects to complete the transaction by year-end.", "1989-10-30", "year-end", "DATE", "1989-12-31", ""},
		{"a year after a name near the DCT", "Fans look forward to Euro 2016 in France.", "2016-03-01", "2016", "DATE", "2016", ""},
		{"a possessive before a year far back", "It recalled Clinton's 1995 visit to the region.", "2018-01-11", "1995", "DATE", "1995", ""},
		{"a sentence-initial word before a year far back", "Since 1983, Iceland has sent a delegation.", "2018-01-11", "1983", "DATE", "1983", ""},
		{"since year-end: the last one passed", "The index has risen 12% since year-end.", "1989-10-30", "year-end", "DATE", "1988-12-31", ""},
		{"year-end before a function word", "The deal should close by year-end as planned.", "1989-10-30", "year-end", "DATE", "1989-12-31", ""},
		{"year end spaced stays the year", "Sales should recover by year end, the company said.", "1989-10-30", "year end", "DATE", "1989", "END"},
		{"for the year, closing a phrase: the DCT's year", "For the year, pet food volume was flat, the company said.", "1989-10-30", "the year", "DATE", "1989", ""},
		{"for the year of: the DCT's year", "The stock rose to a high for the year of $42.875 a share in June.", "1989-10-30", "the year", "DATE", "1989", ""},
		{"player of the year: a length", "He was named player of the year.", "2006-12-14", "the year", "DURATION", "P1Y", ""},
		{"the week's: the DCT's week", "It was the week's most active session.", "1989-10-27", "the week", "DATE", "1989-W43", ""},
		{"the year ended: a length", "For the year ended Sept. 30, Ralston earned $422.5 million.", "1989-10-30", "the year", "DURATION", "P1Y", ""},
		{"starting a weekday", "Flights were cut, starting Monday, the airline said.", "2006-12-20", "Monday", "DATE", "2006-12-25", ""},
		{"month in the previous year by tense", "In November, the company reported a loss.", "2013-03-22", "November", "DATE", "2012-11", ""},
		{"month in the coming year by tense", "The plant will open in January.", "2013-10-22", "January", "DATE", "2014-01", ""},
		{"full date keeps its year", "The treaty was signed March 26, 1996, in Paris.", "2013-03-22", "March 26, 1996", "DATE", "1996-03-26", ""},
		{"abbreviated month day", "Prices rose sharply on Aug. 2 and fell later.", "1990-08-16", "Aug. 2", "DATE", "1990-08-02", ""},
		{"abbreviated month day 2", "The contract expired Feb. 28.", "1998-03-06", "Feb. 28", "DATE", "1998-02-28", ""},
		{"modifier in span", "Talks broke down in early December.", "2000-01-07", "early December", "DATE", "1999-12", "START"},
		{"now", "The two sides now appear ready to talk.", "2018-01-11", "now", "DATE", "PRESENT_REF", ""},
		{"currently", "He is currently in Seoul.", "2018-01-11", "currently", "DATE", "PRESENT_REF", ""},
		{"the past", "In the past, such talks failed.", "2018-01-11", "the past", "DATE", "PAST_REF", ""},
		{"the near future", "It plans an initial public offering in the near future.", "1989-10-30", "the near future", "DATE", "FUTURE_REF", ""},
		{"the short term", "The move may placate some holders in the short term.", "1989-10-30", "the short term", "DATE", "FUTURE_REF", ""},
		{"the near term", "We don't minimize the challenges of the near term.", "1989-10-30", "the near term", "DATE", "FUTURE_REF", ""},
		{"recently", "Both re-opened the hotline recently.", "2018-01-11", "recently", "DATE", "PAST_REF", ""},
		{"weeks ago is a week", "He arrived two weeks ago.", "1998-03-22", "two weeks ago", "DATE", "1998-W10", ""},
		{"years ago is a year", "The plant closed two years ago.", "1998-04-24", "two years ago", "DATE", "1996", ""},
		{"in five years", "The plant will close in five years.", "2000-06-01", "five years", "DURATION", "P5Y", ""},
		{"year before a plural noun with a determiner", "Turnout in the 2012 elections was low.", "2018-01-11", "2012", "DATE", "2012", ""},
		{"quarter shorthand", "Revenue rose in Q3 2018 and fell in Q4.", "2019-02-01", "Q3 2018", "DATE", "2018-Q3", ""},
		{"this past weekend", "Protesters marched this past weekend.", "2018-01-11", "this past weekend", "DATE", "2018-W01-WE", ""},
		{"eastern time", "The vote closes at 5:30 p.m. ET Friday.", "2018-01-10", "5:30 p.m. ET Friday", "TIME", "2018-01-12T17:30", ""},
		{"the year 2000", "Plans were made for the year 2000 celebrations.", "1998-01-11", "the year 2000", "DATE", "2000", ""},
		{"no-break space", "The talks resumed on Jan.\u00a09, 2018.", "2018-01-11", "Jan.\u00a09, 2018", "DATE", "2018-01-09", ""},
		{"abbreviated weekday with a date", "The vote is set for Sat., Jan. 13.", "2018-01-11", "Jan. 13", "DATE", "2018-01-13", ""},
		{"compound number", "Sales fell over the last twenty four hours.", "1998-01-08", "the last twenty four hours", "DURATION", "PT24H", ""},
		{"half an hour", "The meeting lasted half an hour.", "1998-08-08", "half an hour", "DURATION", "PT30M", ""},
		{"since a holiday", "The ceasefire has held since Christmas.", "2018-10-05", "Christmas", "DATE", "2017-12-25", ""},
		{"frequency", "The envoys meet twice a week.", "2018-01-11", "twice a week", "SET", "P1W", ""},
		{"a few days", "Talks resume in a few days.", "2018-01-11", "a few days", "DURATION", "PXD", ""},
		{"two thousand years", "The empire lasted more than two thousand years.", "2018-01-11", "more than two thousand years", "DURATION", "P2000Y", "MORE_THAN"},
		{"since a year", "There has been no diplomacy since 2012.", "2018-01-11", "2012", "DATE", "2012", ""},
		{"for two years", "The Koreas had suspended talks for two years.", "2018-01-11", "two years", "DURATION", "P2Y", ""},
		{"the past three months", "Sales fell in the past three months.", "1998-03-06", "the past three months", "DURATION", "P3M", ""},
		{"last week", "The deal was signed last week.", "1998-03-22", "last week", "DATE", "1998-W11", ""},
		{"yesterday", "Stocks fell yesterday.", "1998-03-22", "yesterday", "DATE", "1998-03-21", ""},
		{"quarter", "Profit rose in the third quarter.", "1989-10-26", "the third quarter", "DATE", "1989-Q3", ""},
		{"decade", "Growth was slow in the 1990s.", "2005-01-01", "the 1990s", "DATE", "199", ""},
		{"season", "The plant opened last fall.", "1998-02-06", "last fall", "DATE", "1997-FA", ""},
		{"clock time", "The plane landed at 10:35 a.m. Friday.", "1998-08-08", "10:35 a.m. Friday", "TIME", "1998-08-07T10:35", ""},
		{"set", "The paper is published daily.", "1998-08-08", "daily", "SET", "P1D", ""},
		{"approximate duration", "The meeting lasted more than four hours.", "1998-08-08", "more than four hours", "DURATION", "PT4H", "MORE_THAN"},
		{"seed tweet date", "— Donald J. Trump (@realDonaldTrump) October 1, 2017", "", "October 1, 2017", "DATE", "2017-10-01", ""},
		{"seed tweet date 2", "my Button works! — Donald J. Trump (@realDonaldTrump) January 3, 2018", "", "January 3, 2018", "DATE", "2018-01-03", ""},
		{"unknown DCT keeps underspecified", "The minister resigned on Friday.", "", "Friday", "DATE", "XXXX-WXX-5", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xs := tg.Tag(c.body, day(c.dct))
			x, ok := find(xs, c.text)
			if !ok {
				t.Fatalf("no timex %q in %q; got %+v", c.text, c.body, xs)
			}
			if x.Type != c.typ || x.Value != c.value || x.Mod != c.mod {
				t.Errorf("%q: got %s %s mod=%q, want %s %s mod=%q", c.text, x.Type, x.Value, x.Mod, c.typ, c.value, c.mod)
			}
		})
	}
}

func TestNotDates(t *testing.T) {
	tg := mustTagger(t)
	for _, body := range []string{
		"The Pentagon sent 2012 troops to the border.",
		"The ticket cost $2,012 at auction.",
		"President Trump said he may be open to a meeting.",
		"Protesters march through the capital.",
		"The sun rose over the hills.",
		"He came second in the race.",
		"Ratings fall as viewers leave.",
		"Israel won the Six-Day War quickly.",
		"The story was first reported by The Sun. Officials denied it.",
		"The playwright August Wilson spoke.",
		"They own more than a quarter of the shares.",
		"Stocks opened higher as year-end rally sentiment returned.",
		"Bush spoke during a year-end news conference.",
		// A number after a noun that takes one is no year.
		"The Security Council adopted Resolution 1636 unanimously.",
		"It was strengthened under resolution 1701.",
		"The plane, Flight 1549, landed on the river.",
		// A year far before the DCT right after a name is part of the name.
		"She is the daughter of Miss Iceland 1983, who lives in Reykjavik.",
		"The ferry, renamed Aurora 1975, sank near the port.",
	} {
		if xs := tg.Tag(body, day("2018-01-11")); len(xs) != 0 {
			t.Errorf("%q: got %+v, want no timex", body, xs)
		}
	}
}

func TestRange(t *testing.T) {
	xs := mustTagger(t).Tag("He served from 2010 to 2012 in Seoul.", day("2018-01-11"))
	if len(xs) != 2 || xs[0].Interval != "2010/2012" || xs[1].Interval != "2010/2012" {
		t.Errorf("from 2010 to 2012: %+v", xs)
	}
}

func TestInFiveYears(t *testing.T) {
	x, ok := find(mustTagger(t).Tag("The plant will close in five years.", day("2000-06-01")), "five years")
	if !ok || x.Earliest != day("2005-01-01") || x.Latest != day("2005-12-31") || x.Signal != "in" || x.AnchorTimeID != "t0" {
		t.Errorf("in five years: %+v", x)
	}
}

func TestNarrativeWeekday(t *testing.T) {
	body := "The fighting began on March 3, 2013, and rebels attacked the town again on Thursday."
	x, ok := find(mustTagger(t).Tag(body, day("2013-03-22")), "Thursday")
	if !ok || x.Value != "2013-03-07" {
		t.Errorf("weekday after the narrative moved to March 3: %+v", x)
	}
}

func TestIntervals(t *testing.T) {
	tg := mustTagger(t)
	body := "The two Koreas had suspended all negotiations for two years. Washington has had no formal diplomacy with Pyongyang since 2012."
	xs := tg.Tag(body, day("2018-01-11"))
	x, ok := find(xs, "two years")
	if !ok || x.Interval != "2016/2018-01" || x.Signal != "for" || x.Earliest != day("2016-01-11") || x.Latest != day("2018-01-11") {
		t.Errorf("for two years: %+v", x)
	}
	x, ok = find(xs, "2012")
	if !ok || x.Interval != "2012/PRESENT_REF" || x.Signal != "since" || x.Earliest != day("2012-01-01") || x.Latest != day("2018-01-11") {
		t.Errorf("since 2012: %+v", x)
	}
	if x.Granularity != timeline.GranYear || x.Anchor != timeline.AnchorExplicit {
		t.Errorf("since 2012: granularity %q anchor %q", x.Granularity, x.Anchor)
	}
}

// TestSideOfReference checks that "later this month" and "earlier this week"
// keep the month's and the week's value but bound only the part after (or
// before) the publication date.
func TestSideOfReference(t *testing.T) {
	tg := mustTagger(t)
	body := "The envoy will visit later this month. The ministers met earlier this week. The talks ended this month."
	xs := tg.Tag(body, day("2018-01-11"))
	for _, tt := range []struct{ text, value, earliest, latest string }{
		{"later this month", "2018-01", "2018-01-11", "2018-01-31"},
		{"earlier this week", "2018-W02", "2018-01-08", "2018-01-11"},
		{"this month", "2018-01", "2018-01-01", "2018-01-31"},
	} {
		x, ok := find(xs, tt.text)
		if !ok || x.Value != tt.value || x.Earliest != day(tt.earliest) || x.Latest != day(tt.latest) {
			t.Errorf("%s: %+v, want %s [%s..%s]", tt.text, x, tt.value, tt.earliest, tt.latest)
		}
	}
}

// sharedDir finds ../../../shared from the package directory (the layout every
// developer and CI run has), or "" when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared")
		if fi, err := os.Stat(filepath.Join(p, "spec")); err == nil && fi.IsDir() {
			return p
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

func needShared(t testing.TB) string {
	t.Helper()
	p := sharedDir(t)
	if p == "" {
		t.Skip("skipping: the shared folder (../../../shared: corpora, seed article) is absent")
	}
	return p
}

func TestSeedArticle(t *testing.T) {
	shared := needShared(t)
	b, err := os.ReadFile(filepath.Join(shared, "seed-article.txt"))
	if err != nil {
		t.Fatalf("read seed: %v", err)
	}
	body := string(b)
	tg := mustTagger(t)
	e, l, ok := tg.InferDCT(body)
	if !ok || e != day("2018-01-03") || l != day("2018-02-08") {
		t.Errorf("InferDCT = %v %v %v, want 2018-01-03 2018-02-08", e.Format("2006-01-02"), l.Format("2006-01-02"), ok)
	}
	xs := tg.Tag(body, e)
	want := map[string]string{
		"October 1, 2017": "2017-10-01", "January 3, 2018": "2018-01-03", "2012": "2012",
		"two years": "P2Y", "recently": "PAST_REF", "now": "PRESENT_REF",
	}
	for text, v := range want {
		x, ok := find(xs, text)
		if !ok || x.Value != v {
			t.Errorf("seed %q: got %+v, want value %s", text, x, v)
		}
	}
	for _, x := range xs {
		if strings.Contains(x.Text, "Winter") || strings.Contains(x.Text, "may") {
			t.Errorf("seed: spurious timex %+v", x)
		}
	}
	occ := tg.Occurrences(body, e)
	if len(occ) == 0 {
		t.Fatal("seed: no occurrences")
	}
	for _, o := range occ {
		if o.Name != "2018 Winter Olympics" || o.When != "2018-02-09/2018-02-25" {
			t.Errorf("seed occurrence %+v", o)
		}
	}
	if !occ[0].Upcoming {
		t.Errorf("seed: the impending Olympics should be upcoming: %+v", occ[0])
	}
}

// TestConcurrentTag runs Tag from several goroutines: a Tagger is read-only after
// New (run with -race to check).
func TestConcurrentTag(t *testing.T) {
	tg := mustTagger(t)
	body := "The minister resigned on Friday, two weeks after the vote of March 3, 2013, at 10 a.m."
	want := tg.Tag(body, day("2013-03-22"))
	done := make(chan []timeline.Timex)
	for range 4 {
		go func() { done <- tg.Tag(body, day("2013-03-22")) }()
	}
	for range 4 {
		got := <-done
		if len(got) != len(want) {
			t.Fatalf("concurrent Tag: %d timexes, want %d", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("concurrent Tag: %+v, want %+v", got[i], want[i])
			}
		}
	}
}

func TestNarrow(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		first, last string
		g           timeline.Granularity
		mod         string
		want        string
	}{
		{"2018-03-01", "2018-03-31", timeline.GranMonth, "START", "2018-03-01..2018-03-10"},
		{"2018-03-01", "2018-03-31", timeline.GranMonth, "MID", "2018-03-11..2018-03-20"},
		{"2016-02-01", "2016-02-29", timeline.GranMonth, "END", "2016-02-21..2016-02-29"},
		{"1997-01-01", "1997-12-31", timeline.GranYear, "END", "1997-09-01..1997-12-31"},
		{"1997-01-01", "1997-12-31", timeline.GranYear, "MID", "1997-05-01..1997-08-31"},
		{"1997-01-01", "1997-12-31", timeline.GranYear, "APPROX", "1997-01-01..1997-12-31"},
		{"2018-01-08", "2018-01-14", timeline.GranWeek, "START", "2018-01-08..2018-01-14"},
	}
	for _, tt := range tests {
		f, l := narrow(d(tt.first), d(tt.last), tt.g, tt.mod)
		if got := timeline.FormatDay(f) + ".." + timeline.FormatDay(l); got != tt.want {
			t.Errorf("narrow(%s..%s, %s, %s) = %s, want %s", tt.first, tt.last, tt.g, tt.mod, got, tt.want)
		}
	}
}
