package export

import (
	"fmt"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// The fixture is a small hand-written timeline of three articles: a KCNA report
// with an explicit date, the seed article with an inferred date, and a Yonhap
// report whose only event was merged into KCNA's. Between them the events cover
// an ongoing state (year granularity), a day, an open start ("recently"), a month,
// a context occurrence (cameo null, evidence null), an open end ("after the
// Games"), an undated statement, an uncoded actor, a merged event reported by two
// sources, and sentences with quotes, commas, semicolons, a pipe, a backslash, a
// tab, a newline and non-ASCII text.

const kcnaBody = "PYONGYANG, Jan. 1 — Kim Jong-un said North Korea was “open to dialogue” with Seoul and could send athletes to the Winter Olympics in Pyeongchang.\n" +
	"The United States and North Korea have had no formal diplomacy since 2012.\n"

const seedBody = "\"Save your energy, Rex; we'll do what has to be done!\" Trump wrote on October 1, 2017.\n" +
	"South Korea's President Moon Jae-in recently criticised the \"war of words\".\n" +
	"The two Koreas will meet in January (venue: Panmunjom | Seoul, per officials).\n" +
	"Officials said talks could follow after the Games.\n" +
	"Pyongyang said nothing.\tSeoul waited\n(see C:\\notes).\n"

const yonhapBody = "North Korean leader Kim Jong-un on Monday offered talks with South Korea.\n"

func day(s string) time.Time {
	t, err := timeline.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

// find returns the Text of the n-th (from 1) occurrence of s in body.
func find(body, s string, n int) timeline.Text {
	off := 0
	for i := 0; i < n; i++ {
		j := strings.Index(body[off:], s)
		if j < 0 {
			panic(fmt.Sprintf("fixture: %q not in body", s))
		}
		off += j
		if i < n-1 {
			off += len(s)
		}
	}
	return timeline.Text{Start: off, End: off + len(s), Text: s}
}

func findp(body, s string) *timeline.Text {
	t := find(body, s, 1)
	return &t
}

func fixture() *Timeline {
	kcnaS1 := "PYONGYANG, Jan. 1 — Kim Jong-un said North Korea was “open to dialogue” with Seoul and could send athletes to the Winter Olympics in Pyeongchang."
	kcnaS2 := "The United States and North Korea have had no formal diplomacy since 2012."
	seedS1 := "\"Save your energy, Rex; we'll do what has to be done!\" Trump wrote on October 1, 2017."
	seedS2 := "South Korea's President Moon Jae-in recently criticised the \"war of words\"."
	seedS3 := "The two Koreas will meet in January (venue: Panmunjom | Seoul, per officials)."
	seedS4 := "Officials said talks could follow after the Games."
	seedS5 := "Pyongyang said nothing.\tSeoul waited\n(see C:\\notes)."
	return &Timeline{
		Documents: []timeline.Document{
			{
				ID: "kcna-20180101", Title: "Kim Jong Un's New Year address", Source: "KCNA",
				URL: "https://kcnawatch.example/2018/01/01/address", Path: "corpus/kcna-20180101.txt",
				Body: kcnaBody, DCT: day("2018-01-01"),
			},
			{
				ID: "seed", Title: "Trump, Kim and the Koreas", Path: "seed-article.txt", Body: seedBody,
				DCTInferred: true, DCTEarliest: day("2018-01-03"), DCTLatest: day("2018-02-08"),
			},
			{
				ID: "yonhap-20180102", Title: "N. Korea's Kim offers talks", Source: "Yonhap",
				Body: yonhapBody, DCT: day("2018-01-02"),
			},
		},
		Timexes: map[string][]timeline.Timex{
			"kcna-20180101": {
				{ID: "t1", Span: find(kcnaBody, "Jan. 1", 1).Span(), Text: "Jan. 1", Type: timeline.TypeDate, Value: "2018-01-01"},
				{ID: "t2", Span: find(kcnaBody, "2012", 1).Span(), Text: "2012", Type: timeline.TypeDate, Value: "2012", Signal: "since"},
			},
			"seed": {
				{ID: "t1", Span: find(seedBody, "October 1, 2017", 1).Span(), Text: "October 1, 2017", Type: timeline.TypeDate, Value: "2017-10-01"},
				{ID: "t2", Span: find(seedBody, "recently", 1).Span(), Text: "recently", Type: timeline.TypeDate, Value: "PAST_REF"},
				{ID: "t3", Span: find(seedBody, "January", 1).Span(), Text: "January", Type: timeline.TypeDate, Value: "2018-01"},
			},
		},
		Events: []timeline.Event{
			{
				ID: "ev-01", Doc: "kcna-20180101", Sentence: find(kcnaBody, kcnaS2, 1),
				Trigger: find(kcnaBody, "had no formal diplomacy", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "16", Status: timeline.StatusOngoing,
				Source: &timeline.Actor{Name: "The United States", Code: "USA"},
				Target: &timeline.Actor{Name: "North Korea", Code: "PRK"},
				When:   "2012/2018-01-01", Earliest: day("2012-01-01"), Latest: day("2018-01-01"),
				Granularity: timeline.GranYear, Anchor: timeline.AnchorExplicit,
				Evidence: findp(kcnaBody, "since 2012"), Confidence: 0.7,
			},
			{
				ID: "ev-02", Doc: "seed", Sentence: find(seedBody, seedS1, 1),
				Trigger: find(seedBody, "wrote", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "13", Status: timeline.StatusOccurred,
				Source: &timeline.Actor{Name: "Donald Trump", Code: "USAGOV"},
				Target: &timeline.Actor{Name: "Kim Jong Un", Code: "PRKGOV"},
				When:   "2017-10-01", Earliest: day("2017-10-01"), Latest: day("2017-10-01"),
				Granularity: timeline.GranDay, Anchor: timeline.AnchorExplicit,
				Evidence: findp(seedBody, "October 1, 2017"), Confidence: 0.9,
			},
			{
				ID: "ev-03", Doc: "kcna-20180101", Sentence: find(kcnaBody, kcnaS1, 1),
				Trigger: find(kcnaBody, "said", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "03", Status: timeline.StatusOccurred,
				Source: &timeline.Actor{Name: "Kim Jong-un", Code: "PRKGOV"},
				Target: &timeline.Actor{Name: "Seoul", Code: "KORGOV"},
				When:   "2018-01-01", Earliest: day("2018-01-01"), Latest: day("2018-01-01"),
				Granularity: timeline.GranDay, Anchor: timeline.AnchorExplicit,
				Evidence: findp(kcnaBody, "Jan. 1"), Confidence: 0.8,
				Sources: 2, Docs: []string{"yonhap-20180102"},
			},
			{
				ID: "ev-04", Doc: "seed", Sentence: find(seedBody, seedS3, 1),
				Trigger: find(seedBody, "meet", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "04", Status: timeline.StatusPlanned,
				Source: &timeline.Actor{Name: "The two Koreas", Code: "KOR"},
				When:   "2018-01", Earliest: day("2018-01-01"), Latest: day("2018-01-31"),
				Granularity: timeline.GranMonth, Anchor: timeline.AnchorDCT,
				Evidence: findp(seedBody, "in January"), Confidence: 0.6,
			},
			{
				ID: "ev-05", Doc: "seed", Sentence: find(seedBody, seedS2, 1),
				Trigger: find(seedBody, "criticised", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "11", Status: timeline.StatusOccurred,
				Source: &timeline.Actor{Name: "Moon Jae-in", Code: "KORGOV"},
				When:   "PAST_REF", Latest: day("2018-02-08"),
				Anchor: timeline.AnchorDCT, Evidence: findp(seedBody, "recently"), Confidence: 0.5,
			},
			{
				ID: "ev-06", Doc: "kcna-20180101", Sentence: find(kcnaBody, kcnaS1, 1),
				Trigger: find(kcnaBody, "Winter Olympics", 1), Kind: timeline.KindContext,
				Status: timeline.StatusPlanned,
				When:   "2018-02-09/2018-02-25", Earliest: day("2018-02-09"), Latest: day("2018-02-25"),
				Granularity: timeline.GranDay, Anchor: timeline.AnchorGazetteer, Confidence: 1,
			},
			{
				ID: "ev-07", Doc: "seed", Sentence: find(seedBody, seedS4, 1),
				Trigger: find(seedBody, "talks", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "04", Status: timeline.StatusPlanned,
				Source: &timeline.Actor{Name: "Officials"},
				When:   "FUTURE_REF", Earliest: day("2018-02-26"),
				Granularity: timeline.GranDay, Anchor: timeline.AnchorRelative,
				Evidence: findp(seedBody, "after the Games"), Confidence: 0.4,
			},
			{
				ID: "ev-08", Doc: "seed", Sentence: find(seedBody, seedS5, 1),
				Trigger: find(seedBody, "said nothing", 1), Kind: timeline.KindDiplomatic,
				CAMEO: "01", Status: timeline.StatusNegated,
				Source: &timeline.Actor{Name: "Pyongyang", Code: "PRKGOV"}, Confidence: 0.25,
			},
		},
	}
}

// parseOpt parses a day, "" giving the zero (open) bound.
func parseOpt(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	return day(s)
}
