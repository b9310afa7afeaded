package temporal

import (
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Rows written from the TimeML 1.2.1 / TempEval-3 annotation conventions, one
// table a convention: the guideline's reading, not the majority of the
// training data where its annotators drifted from it.

type guideCase struct {
	name, body, dct       string
	text, typ, value, mod string
}

func runGuide(t *testing.T, cases []guideCase) {
	t.Helper()
	tg := mustTagger(t)
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

// A day with a part of it is a TIME whose value carries the part (TMO, TAF,
// TEV, TNI); "early" or "late" alone leaves the whole day, a DATE. The article
// of these rows is of Wednesday 1999-03-10.
func TestGuidePartOfDay(t *testing.T) {
	runGuide(t, []guideCase{
		{"weekday afternoon", "The talks resumed Tuesday afternoon in Geneva.", "1999-03-10", "Tuesday afternoon", "TIME", "1999-03-09TAF", ""},
		{"weekday evening", "The minister arrived Friday evening.", "1999-03-10", "Friday evening", "TIME", "1999-03-05TEV", ""},
		{"weekday morning", "Rebels shelled the town Saturday morning.", "1999-03-10", "Saturday morning", "TIME", "1999-03-06TMO", ""},
		{"weekday night", "The envoy left Sunday night for Cairo.", "1999-03-10", "Sunday night", "TIME", "1999-03-07TNI", ""},
		{"future weekday night", "The president will speak to the nation Friday night.", "1999-03-10", "Friday night", "TIME", "1999-03-12TNI", ""},
		{"last weekday night", "The cabinet met last Monday night.", "1999-03-10", "last Monday night", "TIME", "1999-03-08TNI", ""},
		{"early weekday stays a date", "The talks collapsed early Tuesday.", "1999-03-10", "early Tuesday", "DATE", "1999-03-09", ""},
		{"late weekday stays a date", "The ceasefire was signed late Monday.", "1999-03-10", "late Monday", "DATE", "1999-03-08", ""},
		{"early weekday morning", "The shelling began early Tuesday morning.", "1999-03-10", "early Tuesday morning", "TIME", "1999-03-09TMO", "START"},
		{"mid-afternoon yesterday", "Shares were down at mid-afternoon yesterday.", "1999-03-10", "mid-afternoon yesterday", "TIME", "1999-03-09TAF", "MID"},
		{"yesterday evening", "The embassy said so yesterday evening.", "1999-03-10", "yesterday evening", "TIME", "1999-03-09TEV", ""},
		{"no DCT keeps the part", "The talks resumed Tuesday afternoon.", "", "Tuesday afternoon", "TIME", "XXXX-WXX-2TAF", ""},
	})
}

// "N units earlier" and "N units later": the TIMEX3 is the measure alone, a
// DURATION, and "earlier" or "later" a signal relating it to another time;
// "ago" counts back from the DCT and keeps the whole phrase as a DATE.
func TestGuideEarlierLater(t *testing.T) {
	runGuide(t, []guideCase{
		{"days earlier", "The rebels seized the town four days earlier.", "1999-03-10", "four days", "DURATION", "P4D", ""},
		{"a year later", "A year later the treaty was ratified.", "1999-03-10", "A year", "DURATION", "P1Y", ""},
		{"weeks later after a date", "The talks opened on May 3, 1998. Two weeks later they collapsed.", "1999-03-10", "Two weeks", "DURATION", "P2W", ""},
		{"hedged measure", "Just over an hour later, the embassy was evacuated.", "1999-03-10", "Just over an hour", "DURATION", "PT1H", "MORE_THAN"},
		{"vague count", "A few days later, the envoy returned.", "1999-03-10", "A few days", "DURATION", "PXD", ""},
		{"years ago is a year", "The plant closed two years ago.", "1999-03-10", "two years ago", "DATE", "1997", ""},
		{"days ago is a day", "The envoy arrived four days ago.", "1999-03-10", "four days ago", "DATE", "1999-03-06", ""},
		{"months ago is a month", "Talks broke down three months ago.", "1999-03-10", "three months ago", "DATE", "1998-12", ""},
		{"weeks ago is a week", "The envoy left six weeks ago.", "1999-03-10", "six weeks ago", "DATE", "1999-W04", ""},
	})
}

// The measure keeps the time it reaches as its anchored interval, so that an
// event "four days earlier" than the narrative's date is still dated to a day.
func TestMeasureKeepsTheTimeItReaches(t *testing.T) {
	tg := mustTagger(t)
	cases := []struct {
		body, dct, text, interval, earliest, latest string
	}{
		{"The talks opened on March 9, 1999. Four days earlier, Russia recalled its envoy.", "1999-03-20", "Four days", "1999-03-05", "1999-03-05", "1999-03-05"},
		{"The talks opened on March 9, 1999. A week later, they collapsed.", "1999-03-20", "A week", "1999-03-16", "1999-03-16", "1999-03-16"},
		{"Four days earlier, Russia recalled its envoy.", "1999-03-20", "Four days", "1999-03-16", "1999-03-16", "1999-03-16"},
		{"Profit rose in the third quarter of 1989 from $2 million a year earlier.", "1989-11-02", "a year", "1988-Q3", "1988-07-01", "1988-09-30"},
		{"The talks opened on March 9, 1999. A few days later, they collapsed.", "1999-03-20", "A few days", "1999-03-10/", "1999-03-10", ""},
		{"The talks opened on March 9, 1999. Days earlier, they had stalled.", "1999-03-20", "Days", "/1999-03-08", "", "1999-03-08"},
	}
	for _, c := range cases {
		x, ok := find(tg.Tag(c.body, day(c.dct)), c.text)
		if !ok {
			t.Errorf("%q: no timex %q", c.body, c.text)
			continue
		}
		if x.Type != "DURATION" || x.Interval != c.interval || timelineDay(x.Earliest) != c.earliest || timelineDay(x.Latest) != c.latest {
			t.Errorf("%q: %s %s interval %q %s..%s, want DURATION interval %q %s..%s", c.text, x.Type, x.Value, x.Interval,
				timelineDay(x.Earliest), timelineDay(x.Latest), c.interval, c.earliest, c.latest)
		}
	}
}

func timelineDay(d time.Time) string { return timeline.FormatDay(d) }

// Vague measures and references: a plural unit with no count is a duration of
// unknown length (X); "soon", "shortly", "someday" and "one day" in "will one
// day be" look ahead of the DCT, "at the time" and "in the past" back from
// it. Conjunctions and signals built on them ("as soon as", "shortly after")
// are no expressions.
func TestGuideVague(t *testing.T) {
	runGuide(t, []guideCase{
		{"hours", "The two sides talked for hours.", "1999-03-10", "hours", "DURATION", "PTXH", ""},
		{"minutes", "The blasts came minutes apart.", "1999-03-10", "minutes", "DURATION", "PTXM", ""},
		{"days", "Rebels held the town for days.", "1999-03-10", "days", "DURATION", "PXD", ""},
		{"months", "Negotiations dragged on for months.", "1999-03-10", "months", "DURATION", "PXM", ""},
		{"decades", "The dispute has festered for decades.", "1999-03-10", "decades", "DURATION", "PXDE", ""},
		{"centuries", "Ukraine was ruled from Moscow for centuries.", "1999-03-10", "centuries", "DURATION", "PXCE", ""},
		{"hours after", "The envoy was freed hours after the court order.", "1999-03-10", "hours", "DURATION", "PTXH", ""},
		{"soon", "The two leaders will meet soon.", "1999-03-10", "soon", "DATE", "FUTURE_REF", ""},
		{"soon before the verb", "Prosecutors may soon seek an indictment.", "1999-03-10", "soon", "DATE", "FUTURE_REF", ""},
		{"shortly", "The minister is expected to arrive shortly.", "1999-03-10", "shortly", "DATE", "FUTURE_REF", ""},
		{"the near future", "Talks will resume in the near future.", "1999-03-10", "the near future", "DATE", "FUTURE_REF", ""},
		{"at the time", "At the time, the rebels held the capital.", "1999-03-10", "the time", "DATE", "PAST_REF", ""},
		{"one day ahead", "Islam will one day be the second largest religion in the country.", "1999-03-10", "one day", "DATE", "FUTURE_REF", ""},
		{"hopes one day to", "The pope hopes one day to visit the Holy Land.", "1999-03-10", "one day", "DATE", "FUTURE_REF", ""},
		{"someday", "His mother may show up someday.", "1999-03-10", "someday", "DATE", "FUTURE_REF", ""},
		{"one day measured", "The strike lasted one day.", "1999-03-10", "one day", "DURATION", "P1D", ""},
		{"a one-day visit", "After his scheduled one-day visit, he left.", "1999-03-10", "one-day", "DURATION", "P1D", ""},
		{"in the past", "In the past, such talks failed.", "1999-03-10", "the past", "DATE", "PAST_REF", ""},
	})
}

func TestGuideVagueNotExpressions(t *testing.T) {
	tg := mustTagger(t)
	for _, c := range []struct{ body, text string }{
		{"Release him as soon as possible, he said.", "soon"},
		{"They will leave as soon as the talks end.", "soon"},
		{"He was arrested shortly after the bombing.", "shortly"},
		{"The rebels withdrew soon after the ceasefire.", "soon"},
		{"He was soon released from the hospital.", "soon"},
		{"At the time of its founding NATO had 12 members.", "the time"},
		{"The bank released the minutes of its March meeting.", "minutes"},
	} {
		if x, ok := find(tg.Tag(c.body, day("1999-03-10")), c.text); ok {
			t.Errorf("%q: got %+v, want no timex %q", c.body, x, c.text)
		}
	}
}

// A bare weekday is the last or the next one by the clause that governs it:
// its verb's tense, aspect and modality, and the words that introduce it. The
// article of these rows is of Thursday 1999-03-11.
func TestGuideWeekdayDirection(t *testing.T) {
	const thu = "1999-03-11"
	runGuide(t, []guideCase{
		{"past participle", "The agreement reached on Wednesday was welcomed in Seoul.", thu, "Wednesday", "DATE", "1999-03-10", ""},
		{"scheduled", "Talks are scheduled for Wednesday.", thu, "Wednesday", "DATE", "1999-03-17", ""},
		{"set for", "Talks are set for Wednesday.", thu, "Wednesday", "DATE", "1999-03-17", ""},
		{"will", "The ministers will meet on Wednesday.", thu, "Wednesday", "DATE", "1999-03-17", ""},
		{"future passive of an irregular verb", "The summit will be held on Wednesday.", thu, "Wednesday", "DATE", "1999-03-17", ""},
		{"background past", "He rejected the offer he made on Sunday.", thu, "Sunday", "DATE", "1999-03-07", ""},
		{"planned to", "The team planned to leave Nairobi on Saturday.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"planned a", "Protesters planned a large rally in the capital on Saturday.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"is to", "The king is to visit Paris on Saturday.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"agreed to", "The two sides agreed to meet on Monday.", thu, "Monday", "DATE", "1999-03-15", ""},
		{"past perfect", "Rebels had seized the town on Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
		{"modal perfect", "The envoy could have left on Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
		{"modal", "The minister may travel to Cairo on Saturday.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"progressive present", "The leaders are meeting in Geneva on Saturday.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"future far from the date", "Saddam said he will begin withdrawing troops from the border on Friday.", thu, "Friday", "DATE", "1999-03-12", ""},
		{"fronted date, verb after", "On Wednesday, the rebels attacked the town.", thu, "Wednesday", "DATE", "1999-03-10", ""},
		{"fronted date, a plan after", "On Tuesday, the league plans to hold a news conference.", thu, "Tuesday", "DATE", "1999-03-16", ""},
		{"fronted date, a future after", "On Saturday, the minister will visit Cairo.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"fronted date, a plan in the past", "On Friday, the government planned to pay the first claims.", thu, "Friday", "DATE", "1999-03-05", ""},
		{"fronted date, a subordinate clause", "On Friday, when the envoy arrived, talks resumed.", thu, "Friday", "DATE", "1999-03-05", ""},
		{"said on the DCT's weekday", "The minister said on Thursday that talks would go on.", thu, "Thursday", "DATE", "1999-03-11", ""},
		{"since", "The ceasefire has held since Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
		{"possessive", "Wednesday's ruling angered the rebels.", thu, "Wednesday", "DATE", "1999-03-10", ""},
		{"deadline", "The offer expires by Saturday.", thu, "Saturday", "DATE", "1999-03-13", ""},
		{"as planned", "The offensive began as planned on Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
		{"could not be reached", "The mayor could not be reached on Wednesday.", thu, "Wednesday", "DATE", "1999-03-10", ""},
		{"clock time with a weekday", "The father will leave at 4 a.m. Saturday, Castro said.", thu, "4 a.m. Saturday", "TIME", "1999-03-13T04:00", ""},
	})
}

// TestWeekdayDirection pins the decision itself, whose inputs will later come
// from the parse.
func TestWeekdayDirection(t *testing.T) {
	cases := []struct {
		name string
		c    clause
		want int
	}{
		{"past verb", clause{tense: tensePast}, tensePast},
		{"future verb", clause{tense: tenseFuture}, tenseFuture},
		{"nothing to go by", clause{}, tenseNone},
		{"present", clause{tense: tenseNone}, tenseNone},
		{"perfect", clause{tense: tensePast, perfect: true}, tensePast},
		{"modal perfect", clause{modal: true, perfect: true}, tensePast},
		{"modal", clause{modal: true}, tenseFuture},
		{"prospective under a past verb", clause{prospective: true}, tenseFuture},
		{"a plan in the past perfect", clause{prospective: true, perfect: true, tense: tensePast}, tensePast},
		{"progressive present", clause{progressive: true}, tenseFuture},
		{"progressive past", clause{progressive: true, tense: tensePast}, tensePast},
		{"since wins", clause{tense: tenseFuture, since: true}, tensePast},
		{"ahead wins over the past", clause{tense: tensePast, ahead: true}, tenseFuture},
		{"possessive", clause{possessive: true}, tensePast},
		{"deadline with no past", clause{deadline: true}, tenseFuture},
		{"deadline after a past verb", clause{deadline: true, tense: tensePast}, tensePast},
	}
	for _, c := range cases {
		if got := weekdayDirection(c.c); got != c.want {
			t.Errorf("%s: weekdayDirection(%+v) = %d, want %d", c.name, c.c, got, c.want)
		}
	}
}

func TestGuideWeekdayDirectionPitfalls(t *testing.T) {
	const thu = "1999-03-11"
	runGuide(t, []guideCase{
		{"a plan for a day now past", "The service was to have begun on Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
		{"hoped for a thing on a past day", "The coalition had hoped for a vote of confidence from the poll on Sunday.", thu, "Sunday", "DATE", "1999-03-07", ""},
		{"an -ed adjective is no verb", "The closely watched survey out Friday is expected to show gains.", thu, "Friday", "DATE", "1999-03-12", ""},
		{"a plan in the past perfect", "The offer had been due to expire on Friday.", thu, "Friday", "DATE", "1999-03-05", ""},
		{"scheduled in the past perfect", "The vote had been scheduled to take place on Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
		{"a plan in the present perfect stays ahead", "The vote has been scheduled for Monday.", thu, "Monday", "DATE", "1999-03-15", ""},
		{"postponed until", "Officials postponed until Tuesday any action on the case.", thu, "Tuesday", "DATE", "1999-03-16", ""},
		{"extended a deadline until", "The agency extended its deadline until 9 a.m. Tuesday.", thu, "9 a.m. Tuesday", "TIME", "1999-03-16T09:00", ""},
		{"moved to a place is no deferral", "The company moved to Texas on Monday.", thu, "Monday", "DATE", "1999-03-08", ""},
	})
}

// "Today", "tomorrow" and "yesterday" inside a quotation count from when the
// quotation was said, which its attribution dates. The article of these rows
// is of Wednesday 1999-03-10.
func TestGuideQuotedSpeech(t *testing.T) {
	const wed = "1999-03-10"
	runGuide(t, []guideCase{
		{"tomorrow said yesterday", "'We will release him tomorrow,' the minister said yesterday.", wed, "tomorrow", "DATE", "1999-03-10", ""},
		{"double quotes", "\"We will release him tomorrow,\" the minister said yesterday.", wed, "tomorrow", "DATE", "1999-03-10", ""},
		{"curly quotes", "“The talks end today,” the envoy said on Monday.", wed, "today", "DATE", "1999-03-08", ""},
		{"typewriter quotes", "``We arrived yesterday,'' Castro told reporters Sunday.", wed, "yesterday", "DATE", "1999-03-06", ""},
		{"attribution first", "The spokesman said Monday: \"The vote will be held tomorrow.\"", wed, "tomorrow", "DATE", "1999-03-09", ""},
		{"part of day", "'We met the rebels this morning,' the general said Tuesday.", wed, "this morning", "TIME", "1999-03-09TMO", ""},
		{"undated attribution: the DCT", "'We will release him tomorrow,' the minister said.", wed, "tomorrow", "DATE", "1999-03-11", ""},
		{"said today", "'We will release him tomorrow,' the minister said today.", wed, "tomorrow", "DATE", "1999-03-11", ""},
		{"outside the quotation", "The minister said yesterday that the prisoner would be freed tomorrow.", wed, "tomorrow", "DATE", "1999-03-11", ""},
		{"apostrophes are no quotes", "Elian's father will fly to Washington tomorrow, officials said Monday.", wed, "tomorrow", "DATE", "1999-03-11", ""},
	})
}

func TestQuoteSpans(t *testing.T) {
	cases := []struct {
		body string
		want []string
	}{
		{"'We will go,' he said.", []string{"'We will go,'"}},
		{"He said: \"No.\" Then \"Yes.\"", []string{"\"No.\"", "\"Yes.\""}},
		{"``It is over,'' she said.", []string{"``It is over,''"}},
		{"Elian's relatives' lawyers said 'no' on Monday.", []string{"'no'"}},
		{"“Open” and ‘closed’", []string{"“Open”", "‘closed’"}},
		{"\"An open quote\n\nA new paragraph.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, q := range quoteSpans(c.body) {
			got = append(got, c.body[q.start:q.end])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("quoteSpans(%q) = %q, want %q", c.body, got, c.want)
		}
	}
}

// A plural of a calendar name ("on Tuesdays", "Sunday nights", "the past
// three summers") is every such day, part or season: a SET with the name's
// value and no year. The article of these rows is of Wednesday 1999-03-10.
func TestGuidePluralNamesAreSets(t *testing.T) {
	const wed = "1999-03-10"
	runGuide(t, []guideCase{
		{"plural weekday", "The council meets on Tuesdays.", wed, "Tuesdays", "SET", "XXXX-WXX-2", ""},
		{"weekday with a plural part of day", "Flights leave Bombay on Sunday nights.", wed, "Sunday nights", "SET", "XXXX-WXX-7TNI", ""},
		{"counted seasons", "Marches have led to riots for the past three summers.", wed, "the past three summers", "SET", "XXXX-SU", ""},
		{"bare plural season", "The pass is closed in winters.", wed, "winters", "SET", "XXXX-WI", ""},
		{"a singular weekday stays a date", "The council met on Tuesday.", wed, "Tuesday", "DATE", "1999-03-09", ""},
	})
	tg := mustTagger(t)
	for _, c := range []struct{ body, text string }{
		{"Lawrence Summers met the envoy.", "Summers"},
		{"The price falls when demand slows.", "falls"},
		{"Marches have led to riots for the past three summers.", "the past"},
		{"He lost the past five elections.", "the past"},
	} {
		if x, ok := find(tg.Tag(c.body, day(wed)), c.text); ok {
			t.Errorf("%q: got %+v, want no timex %q", c.body, x, c.text)
		}
	}
}

// Calendar days told with a complement or a coordination: "the week of March
// 6" is one expression, the week holding that day; "last Oct. 23" the latest
// such day before the DCT; "April 24 and 25" two days, the second taking its
// month and year from the first.
func TestGuideExplicitDays(t *testing.T) {
	const dct = "2000-02-24"
	runGuide(t, []guideCase{
		{"the week of a day", "A court hearing is set for the week of March 6.", dct, "the week of March 6", "DATE", "2000-W10", ""},
		{"the weekend of a day", "Talks resume the weekend of March 4.", dct, "the weekend of March 4", "DATE", "2000-W09-WE", ""},
		{"last with a month day", "He was shot to death last Oct. 23 at his home.", dct, "last Oct. 23", "DATE", "1999-10-23", ""},
		{"next with a month day", "The vote is due next May 1.", dct, "next May 1", "DATE", "2000-05-01", ""},
		{"two days of a month: the first", "The summit will be held on April 24 and 25.", dct, "April 24", "DATE", "2000-04-24", ""},
		{"two days of a month: the second", "The summit will be held on April 24 and 25.", dct, "25", "DATE", "2000-04-25", ""},
		{"the year after the second day", "Bombs fell on August 6 and 9, 1945.", dct, "August 6", "DATE", "1945-08-06", ""},
	})
	tg := mustTagger(t)
	if x, ok := find(tg.Tag("Rates rose on May 5 and 6 percent later.", day(dct)), "6"); ok {
		t.Errorf("an amount after a day: got %+v", x)
	}
}

// Halves of a year are DATEs with the H1/H2 value, however the half is
// named: "the last half of 1989", "the first two quarters of 1990", "the
// latter half of the year". A half of anything else ("of the '80s", "of the
// game") is no half year.
func TestGuideHalves(t *testing.T) {
	const dct = "1989-10-26"
	runGuide(t, []guideCase{
		{"second half", "Sales fell in the second half of 1988.", dct, "the second half of 1988", "DATE", "1988-H2", ""},
		{"last half", "Earnings will be lower for the last half of 1989.", dct, "the last half of 1989", "DATE", "1989-H2", ""},
		{"first two quarters", "The slump will last through the first two quarters of 1990.", dct, "the first two quarters of 1990", "DATE", "1990-H1", ""},
		{"of the year", "Demand recovered in the latter half of the year.", dct, "the latter half of the year", "DATE", "1989-H2", ""},
		{"of next year", "The plant opens in the first half of next year.", dct, "the first half of next year", "DATE", "1990-H1", ""},
		{"a half of a decade keeps the decade", "Prices soared in the last half of the '80s.", dct, "the '80s", "DATE", "198", ""},
	})
	tg := mustTagger(t)
	if x, ok := find(tg.Tag("He scored in the first half of the game.", day(dct)), "the first half"); ok {
		t.Errorf("a half of a game: got %+v", x)
	}
}

// "Or so" after a measure approximates it: the extent takes it in and the
// mod is APPROX, as for a hedge before the number.
func TestGuideOrSo(t *testing.T) {
	const dct = "1991-02-25"
	runGuide(t, []guideCase{
		{"ago", "Then, a week or so ago, the general picked a date.", dct, "a week or so ago", "DATE", "1991-W08", "APPROX"},
		{"a measure", "The plant will be closed over the next year or so, he said.", dct, "the next year or so", "DURATION", "P1Y", "APPROX"},
		{"a hedge wins", "It lasted more than two hours or so.", dct, "more than two hours or so", "DURATION", "PT2H", "MORE_THAN"},
	})
}

// "The previous Friday", "the following Monday" are told from the day the
// narrative is at (the last day it named), not from the DCT; with no such day,
// from the DCT.
func TestGuideAnaphoricWeekday(t *testing.T) {
	const dct = "1999-03-20"
	runGuide(t, []guideCase{
		{"the following weekday", "The talks opened on March 3, 1999. They collapsed the following Monday.", dct, "the following Monday", "DATE", "1999-03-08", ""},
		{"the previous weekday", "The index closed at 2082 on Oct. 13, 1989, down 4.5% from the previous Friday.", dct, "the previous Friday", "DATE", "1989-10-06", ""},
		{"no day told: the DCT", "Stocks fell 4% from the previous Friday.", dct, "the previous Friday", "DATE", "1999-03-19", ""},
	})
}

// A part of the day with no day named is a TIME of the day the story is at:
// the DCT's, or a calendar day named earlier in the sentence. An hour with
// its part of the day ("4 in the morning") is a clock time. The article of
// these rows is of Wednesday 2000-04-05.
func TestGuidePartOfDayAlone(t *testing.T) {
	const wed = "2000-04-05"
	runGuide(t, []guideCase{
		{"in the morning", "Dealers placed heavy buy orders in the morning.", wed, "the morning", "TIME", "2000-04-05TMO", ""},
		{"a day named in the sentence", "On March 3, 2000, rebels attacked in the morning.", wed, "the morning", "TIME", "2000-03-03TMO", ""},
		{"a day named in an earlier sentence is not enough", "The vote was on March 3, 2000. Results came in the afternoon.", wed, "the afternoon", "TIME", "2000-04-05TAF", ""},
		{"mid afternoon", "By mid afternoon, the operation was over.", wed, "mid afternoon", "TIME", "2000-04-05TAF", "MID"},
		{"late evening", "Talks went on until the late evening.", wed, "the late evening", "TIME", "2000-04-05TEV", "END"},
		{"midday", "He will appear before a judge at midday.", wed, "midday", "TIME", "2000-04-05TMI", ""},
		{"an hour in the morning", "The father will leave at 4 in the morning.", wed, "4 in the morning", "TIME", "2000-04-05T04:00", ""},
		{"an hour in the evening", "The rally starts at 8 in the evening.", wed, "8 in the evening", "TIME", "2000-04-05T20:00", ""},
		{"the day of a restatement", "He will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.", wed, "4 in the morning", "TIME", "2000-04-06T04:00", ""},
	})
	tg := mustTagger(t)
	for _, c := range []struct{ body, text string }{
		{"Shares fell in the morning session.", "the morning"},
		{"It rained on the morning of March 3.", "the morning"},
		{"The raid started in the late evening March 29.", "the late evening"},
	} {
		if x, ok := find(tg.Tag(c.body, day(wed)), c.text); ok {
			t.Errorf("%q: got %+v, want no timex %q", c.body, x, c.text)
		}
	}
}

// Words that look temporal but name no time are no expressions: a newspaper
// ("China Daily", "the Communist Party daily Granma", "the weekly Der
// Spiegel", "the daily said", "USA Today") and a comparison between periods ("the quarter-to-quarter
// comparison"). The frequency adverbs themselves stay SETs.
func TestGuideNotTimes(t *testing.T) {
	const dct = "2000-02-16"
	tg := mustTagger(t)
	for _, c := range []struct{ body, text string }{
		{"The letter was published by the Communist Party daily Granma.", "daily"},
		{"China Daily reported the visit.", "Daily"},
		{"He told the weekly Der Spiegel that talks would resume.", "weekly"},
		{"The quarter-to-quarter comparison was better.", "The quarter"},
		{"The daily said the mob fled.", "daily"},
		{"He was quoted by the Yediot Aharonot daily.", "daily"},
		{"The Alwan daily newspaper reported the raid.", "daily"},
		{"He told USA Today that talks would resume.", "Today"},
		{"This is VOA Today.", "Today"},
	} {
		if x, ok := find(tg.Tag(c.body, day(dct)), c.text); ok {
			t.Errorf("%q: got %+v, want no timex %q", c.body, x, c.text)
		}
	}
	runGuide(t, []guideCase{
		{"a frequency adverb", "The paper is published daily.", dct, "daily", "SET", "P1D", ""},
		{"opening a sentence", "Daily flights to Bombay resume in March.", dct, "Daily", "SET", "P1D", ""},
		{"before a comma", "Protests are held daily, police said.", dct, "daily", "SET", "P1D", ""},
		{"today opening a sentence", "Today, talks resume.", dct, "Today", "DATE", "2000-02-16", ""},
		{"an adjective of an event", "The embassy issued weekly warnings.", dct, "weekly", "SET", "P1W", ""},
	})
}

// A decade said in words ("the nineties", "the late sixties") is the decade's
// DATE like "the 1990s" (199), the latest one not after the DCT; without
// "the" ("in his forties") it is an age.
func TestGuideDecadeWords(t *testing.T) {
	const dct = "1998-03-03"
	runGuide(t, []guideCase{
		{"the nineties", "Hate group numbers dropped through the nineties.", dct, "the nineties", "DATE", "199", ""},
		{"a part of one", "The movement grew in the late sixties.", dct, "the late sixties", "DATE", "196", "END"},
		{"the 1990s", "Growth was slow in the 1990s.", dct, "the 1990s", "DATE", "199", ""},
	})
	if x, ok := find(mustTagger(t).Tag("The envoy is in his forties.", day(dct)), "forties"); ok {
		t.Errorf("an age: got %+v", x)
	}
}

// "And a half" after a unit adds half of it, and the value stays in whole
// numbers of smaller units, as TIMEX3 durations are written.
func TestGuideAndAHalf(t *testing.T) {
	const dct = "1998-01-14"
	runGuide(t, []guideCase{
		{"a minute and a half", "But a minute and a half later, a pilot calls in.", dct, "a minute and a half", "DURATION", "PT1M30S", ""},
		{"a year and a half", "The talks lasted a year and a half.", dct, "a year and a half", "DURATION", "P1Y6M", ""},
		{"a week and a half", "The strike lasted a week and a half.", dct, "a week and a half", "DURATION", "PT252H", ""},
		{"two weeks and a half", "The strike lasted two weeks and a half.", dct, "two weeks and a half", "DURATION", "PT420H", ""},
		{"an hour and a half", "The meeting took an hour and a half.", dct, "an hour and a half", "DURATION", "PT1H30M", ""},
	})
}
