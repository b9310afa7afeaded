package events

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/temporal"
	"github.com/timelinehq/timeline/timeline/text"
)

func date(s string) time.Time {
	t, err := time.Parse(timeline.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// tx builds the timex a tagger would give for the first occurrence of phrase.
func tx(body, phrase, typ, value, earliest, latest, signal, interval string) timeline.Timex {
	i := strings.Index(body, phrase)
	t := timeline.Timex{Span: timeline.Span{Start: i, End: i + len(phrase)}, Text: phrase, Type: typ, Value: value,
		Signal: signal, Interval: interval, Anchor: timeline.AnchorExplicit, Granularity: timeline.GranDay}
	if earliest != "" {
		t.Earliest = date(earliest)
	}
	if latest != "" {
		t.Latest = date(latest)
	}
	return t
}

func occ(body, phrase, name, earliest, latest string) timeline.Occurrence {
	i := strings.Index(body, phrase)
	return timeline.Occurrence{Name: name, Span: timeline.Span{Start: i, End: i + len(phrase)}, Text: phrase,
		When: earliest + "/" + latest, Earliest: date(earliest), Latest: date(latest)}
}

type want struct {
	trigger          string // a word of the trigger
	cameo, status    string
	source, target   string // codes; "-" for none
	earliest, latest string // "" for open
	when             string // "" to skip
}

func TestExtract(t *testing.T) {
	dct := date("2018-01-12")
	const tweet = "I told Rex Tillerson that he is wasting his time trying to negotiate with Little Rocket Man... — Donald J. Trump (@realDonaldTrump) October 1, 2017"
	const since = "Washington has had no formal diplomacy with North Korea since 2012."
	const speech = "President Trump said on Tuesday that he would meet Kim Jong Un."
	const reported = "North Korea said on Tuesday it had attacked South Korea."
	const olympics = "Trump agreed with South Korea to delay a joint military exercise that was scheduled during the Winter Olympics."
	const probe = "The March 3 bombing shocked Uruguay. Argentina has dispatched agents to investigate the bombing."
	const justPost = "Paraguay just stated that its army can destroy Uruguay. We will defend Uruguay! — Emmanuel Macron (@EmmanuelMacron) January 3, 2018"
	const daysBefore = "Just days before the talks, Kim Jong Un threatened the United States."
	const fourDays = "Four days earlier, Kim Jong Un said the weather was fine."
	const fewDays = "A few days later, Kim Jong Un threatened the United States."
	tests := []struct {
		name  string
		body  string
		tx    []timeline.Timex
		occ   []timeline.Occurrence
		wants []want
		count int // expected number of events; 0: do not check
	}{
		{name: "statement recoded by its content", body: speech,
			tx:    []timeline.Timex{tx(speech, "on Tuesday", "DATE", "2018-01-09", "2018-01-09", "2018-01-09", "on", "")},
			wants: []want{{"said", "03", "occurred", "USAGOV", "PRKGOV", "2018-01-09", "2018-01-09", "2018-01-09"}}, count: 1},
		{name: "reported event is a second event", body: reported,
			tx: []timeline.Timex{tx(reported, "on Tuesday", "DATE", "2018-01-09", "2018-01-09", "2018-01-09", "on", "")},
			wants: []want{
				{"said", "01", "occurred", "PRK", "KOR", "2018-01-09", "2018-01-09", ""},
				{"attacked", "18", "occurred", "PRK", "KOR", "", "2018-01-12", "PAST_REF"},
			}, count: 2},
		{name: "planned", body: "North Korea will hold talks with South Korea.",
			wants: []want{{"talks", "04", "planned", "PRK", "KOR", "2018-01-12", "", "FUTURE_REF"}}},
		{name: "negated", body: "Kim Jong Un did not meet Donald Trump.",
			wants: []want{{"meet", "04", "negated", "PRKGOV", "USAGOV", "2018-01-11", "2018-01-12", ""}}},
		{name: "present tense dated by the DCT", body: "The Security Council insists Iraq must open all sites.",
			wants: []want{{"insists", "10", "occurred", "IGOUNO", "IRQ", "2018-01-12", "2018-01-12", "2018-01-12"}}},
		{name: "ongoing since", body: since,
			tx:    []timeline.Timex{tx(since, "2012", "DATE", "2012", "2012-01-01", "2018-01-12", "since", "2012/PRESENT_REF")},
			wants: []want{{"diplomacy", "16", "ongoing", "USAGOV", "PRK", "2012-01-01", "2018-01-12", "2012/PRESENT_REF"}}},
		{name: "pronoun resolution", body: "Kim Jong Un spoke to reporters. He threatened the United States.",
			wants: []want{{"threatened", "13", "occurred", "PRKGOV", "USA", "2018-01-11", "2018-01-12", ""}}},
		{name: "tweet dateline", body: tweet,
			tx: []timeline.Timex{tx(tweet, "October 1, 2017", "DATE", "2017-10-01", "2017-10-01", "2017-10-01", "", "")},
			wants: []want{
				{"told", "01", "occurred", "USAGOV", "", "2017-10-01", "2017-10-01", "2017-10-01"},
				{"negotiate", "04", "occurred", "USAGOV", "PRKGOV", "2017-10-01", "2017-10-01", ""},
			}},
		{name: "exercise delayed during the Olympics", body: olympics,
			occ: []timeline.Occurrence{occ(olympics, "Winter Olympics", "2018 Winter Olympics", "2018-02-09", "2018-02-25")},
			wants: []want{
				{"agreed", "08", "occurred", "USAGOV", "KOR", "2018-01-11", "2018-01-12", ""},
				{"exercise", "15", "negated", "", "", "2018-02-09", "2018-02-25", "2018-02-09/2018-02-25"},
				{"Olympics", "", "planned", "-", "-", "2018-02-09", "2018-02-25", "2018-02-09/2018-02-25"},
			}},
		{name: "days before", body: daysBefore,
			tx:    []timeline.Timex{tx(daysBefore, "days before", "DURATION", "PXD", "2018-01-01", "2018-01-07", "before", "2018-01-01/2018-01-07")},
			wants: []want{{"threatened", "13", "occurred", "PRKGOV", "USA", "2018-01-01", "2018-01-07", "PAST_REF"}}},
		{name: "a measure dates by the time it reaches", body: fourDays,
			tx:    []timeline.Timex{tx(fourDays, "Four days", "DURATION", "P4D", "2018-01-05", "2018-01-05", "", "2018-01-05")},
			wants: []want{{"said", "01", "occurred", "PRKGOV", "", "2018-01-05", "2018-01-05", "2018-01-05"}}},
		{name: "a vague measure bounds the time from one side", body: fewDays,
			tx:    []timeline.Timex{tx(fewDays, "A few days", "DURATION", "PXD", "2018-01-10", "", "", "2018-01-10/")},
			wants: []want{{"threatened", "13", "occurred", "PRKGOV", "USA", "2018-01-10", "", "2018-01-10/"}}},
		{name: "generic statement is no event", body: "Many people always believe in talking.", count: -1},
		{name: "an act about a dated attack comes after it", body: probe,
			tx: []timeline.Timex{tx(probe, "March 3", "DATE", "2017-03-03", "2017-03-03", "2017-03-03", "", "")},
			wants: []want{
				{"bombing", "18", "occurred", "-", "", "2017-03-03", "2017-03-03", "2017-03-03"},
				{"dispatched", "09", "occurred", "ARG", "", "2017-03-03", "2018-01-12", "PAST_REF"},
			}},
		{name: "just before a post", body: justPost,
			tx:    []timeline.Timex{tx(justPost, "January 3, 2018", "DATE", "2018-01-03", "2018-01-03", "2018-01-03", "", "")},
			wants: []want{{"stated", "13", "occurred", "PRY", "URY", "", "2018-01-03", "PAST_REF"}}},
		{name: "the three countries are the list named before", body: "NATO decided to admit Poland, Hungary and the Czech Republic. NATO invited the three central European countries to join.",
			wants: []want{{"invited", "03", "occurred", "IGONATO", "POL", "2018-01-11", "2018-01-12", ""}}},
		{name: "a decision to act against another is the act", body: "Paraguay decided to cut ties with Uruguay.",
			wants: []want{{"decided", "16", "occurred", "PRY", "URY", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "a decision to cooperate is an intent", body: "NATO decided to admit Poland.",
			wants: []want{{"decided", "03", "occurred", "IGONATO", "POL", "2018-01-11", "2018-01-12", ""}}},
		{name: "a condition is no event", body: "Israel will withdraw if Lebanon attacked Syria.",
			wants: []want{{"withdraw", "08", "planned", "ISR", "", "2018-01-12", "", "FUTURE_REF"}}, count: 1},
		{name: "failed to: negated", body: "Israel failed to agree on a ceasefire with Lebanon.",
			wants: []want{{"ceasefire", "08", "negated", "ISR", "LBN", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "what is asked for is no event of its own", body: "The United Nations appealed on Friday for prompt food aid to North Korea.",
			wants: []want{{"appealed", "02", "occurred", "IGOUNO", "PRK", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "denying responsibility is a statement", body: "Iran denied any involvement in the attack on Saudi Arabia.",
			wants: []want{{"denied", "01", "occurred", "IRN", "", "2018-01-11", "2018-01-12", ""}}},
		{name: "he is the unknown man named last, not the official before", body: "The Uruguayan foreign minister said Uruguay would press Paraguay. Jan Novak, a strategist at a bank, said the market rose. He said Paraguay must open its markets to Uruguay.",
			wants: []want{{"said", "01", "occurred", "URYGOV", "PRY", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "a quotation after an indirect report of the same speaker is a statement of its own", body: "Kim Jong Un said on Monday that he was disappointed with South Korea. \"I am disappointed,\" he said.",
			tx:    []timeline.Timex{tx("Kim Jong Un said on Monday that he was disappointed with South Korea. \"I am disappointed,\" he said.", "on Monday", "DATE", "2018-01-08", "2018-01-08", "2018-01-08", "on", "")},
			wants: []want{{"said", "", "occurred", "PRKGOV", "KOR", "2018-01-08", "2018-01-08", "2018-01-08"}}, count: 2},
		{name: "a quotation continuing the same speaker's quotation adds nothing", body: "\"South Korea has been a good neighbour,\" Kim Jong Un said. \"We have always respected its people,\" he added.",
			wants: []want{{"said", "01", "occurred", "PRKGOV", "KOR", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "the spokesman quoted again adds nothing", body: "\"South Korea has been a good neighbour,\" a North Korean spokesman said. \"We have always respected its people,\" the spokesman added.",
			wants: []want{{"said", "01", "occurred", "PRKGOV", "KOR", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "a quotation continuing the same speaker's with a plan is news of its own", body: "\"South Korea has been a good neighbour,\" Kim Jong Un said. \"We are going to visit Seoul,\" he added.",
			wants: []want{{"added", "", "occurred", "PRKGOV", "", "2018-01-11", "2018-01-12", ""}}, count: 2},
		{name: "a request made for a later date", body: "Russia called for an emergency meeting of the Security Council next Sunday.",
			tx:    []timeline.Timex{tx("Russia called for an emergency meeting of the Security Council next Sunday.", "next Sunday", "DATE", "2018-01-14", "2018-01-14", "2018-01-14", "", "")},
			wants: []want{{"called for", "02", "occurred", "RUS", "IGOUNO", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "he is the company's man named last", body: "Vladimir Putin said on Monday that Russia would cut taxes. John Smith, the marketing director of BMW, said sales would rise. He added that consumers were ready to spend money in Russia.",
			wants: []want{{"said", "01", "occurred", "RUSGOV", "", "2018-01-11", "2018-01-12", ""}}, count: 1},
		{name: "a span already past does not date an act still to come", body: "Hamas will free 33 Israeli hostages over six weeks.",
			tx:    []timeline.Timex{tx("Hamas will free 33 Israeli hostages over six weeks.", "six weeks", "DURATION", "P6W", "2017-12-01", "2018-01-12", "over", "2017-12-01/2018-01-12")},
			wants: []want{{"free", "08", "planned", "PSEREB", "ISR", "2018-01-12", "", "FUTURE_REF"}}, count: 1},
		{name: "a habit is no event", body: "Russia has often criticized Ukraine.", count: -1},
		{name: "joint subjects: the first named", body: "Vladimir Putin and Donald Trump signed a treaty on Friday.",
			tx:    []timeline.Timex{tx("Vladimir Putin and Donald Trump signed a treaty on Friday.", "on Friday", "DATE", "2018-01-12", "2018-01-12", "2018-01-12", "on", "")},
			wants: []want{{"signed", "05", "occurred", "RUSGOV", "", "2018-01-12", "2018-01-12", "2018-01-12"}}},
		{name: "a bare surname is the person named before", body: "Kim Jong Un spoke on television. Later, Kim warned South Korea.",
			wants: []want{{"warned", "13", "occurred", "PRKGOV", "KOR", "2018-01-11", "2018-01-12", ""}}},
		{name: "according to", body: "Trump promised no military action, according to the South Korean government.",
			wants: []want{
				{"according", "01", "occurred", "KORGOV", "", "2018-01-11", "2018-01-12", ""},
				{"promised", "03", "occurred", "USAGOV", "", "2018-01-11", "2018-01-12", ""},
			}, count: 2},
		{name: "one occurrence asserted twice is one event", body: "Trump promised no military action. He also promised \"no military action\" to Moon Jae-in.",
			wants: []want{{"promised", "03", "occurred", "USAGOV", "", "2018-01-11", "2018-01-12", ""}}, count: 1},
	}
	x := mustExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analysis(tt.body, dct)
			a.Timexes, a.Occurrences = tt.tx, tt.occ
			evs := x.Extract(a)
			if tt.count > 0 && len(evs) != tt.count || tt.count < 0 && len(evs) != 0 {
				t.Errorf("got %d events, want %d: %+v", len(evs), max(tt.count, 0), evs)
			}
			for _, w := range tt.wants {
				var got *timeline.Event
				for i := range evs {
					if strings.Contains(evs[i].Trigger.Text, w.trigger) {
						got = &evs[i]
						break
					}
				}
				if got == nil {
					t.Errorf("no event with trigger %q in %+v", w.trigger, evs)
					continue
				}
				check := func(field, g, w string) {
					if w != "" && g != w {
						t.Errorf("%s: %s = %q, want %q", got.Trigger.Text, field, g, w)
					}
				}
				check("cameo", got.CAMEO, w.cameo)
				check("status", got.Status, w.status)
				check("source", codeOrDash(got.Source), w.source)
				check("target", codeOrDash(got.Target), w.target)
				check("when", got.When, w.when)
				if g := timeline.FormatDay(got.Earliest); g != w.earliest {
					t.Errorf("%s: earliest = %q, want %q", got.Trigger.Text, g, w.earliest)
				}
				if g := timeline.FormatDay(got.Latest); g != w.latest {
					t.Errorf("%s: latest = %q, want %q", got.Trigger.Text, g, w.latest)
				}
				if !got.Sentence.Span().Contains(got.Trigger.Start) || got.ID == "" {
					t.Errorf("%s: bad sentence %v or id %q", got.Trigger.Text, got.Sentence.Span(), got.ID)
				}
			}
		})
	}
}

func codeOrDash(a *timeline.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Code
}

// TestSeedGold runs the seed article of the gold set through the tagger and the
// extractor and checks that its key events land.
func TestSeedGold(t *testing.T) {
	data, err := os.ReadFile("../../../shared/gold/events/seed-trump-kim.json")
	if err != nil {
		t.Skip("../../../shared/gold/events/seed-trump-kim.json absent: skipping the seed gold check")
	}
	var g struct{ Body string }
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	tg, err := temporal.New(temporal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc := timeline.Document{ID: "seed", Body: g.Body, DCTInferred: true, DCTEarliest: date("2018-01-03"), DCTLatest: date("2018-02-08")}
	a := &timeline.Analysis{Document: doc, Sentences: text.Sentences(g.Body)}
	a.Timexes = tg.Tag(g.Body, doc.Reference())
	a.Occurrences = tg.Occurrences(g.Body, doc.Reference())
	evs := mustExtractor(t).Extract(a)
	find := func(what string, ok func(e *timeline.Event) bool) *timeline.Event {
		t.Helper()
		for i := range evs {
			if ok(&evs[i]) {
				return &evs[i]
			}
		}
		t.Errorf("seed: no %s", what)
		return nil
	}
	day := func(t time.Time) string { return timeline.FormatDay(t) }
	find("tweet of 2017-10-01 by USAGOV", func(e *timeline.Event) bool {
		return e.Source != nil && e.Source.Code == "USAGOV" && day(e.Earliest) == "2017-10-01" && day(e.Latest) == "2017-10-01"
	})
	find("tweet of 2018-01-03 by USAGOV", func(e *timeline.Event) bool {
		return e.Source != nil && e.Source.Code == "USAGOV" && day(e.Earliest) == "2018-01-03" && day(e.Latest) == "2018-01-03"
	})
	find("no diplomacy since 2012 (16, ongoing)", func(e *timeline.Event) bool {
		return e.CAMEO == "16" && e.Status == timeline.StatusOngoing && day(e.Earliest) == "2012-01-01" && day(e.Latest) == "2018-02-08"
	})
	find("Olympics context event", func(e *timeline.Event) bool {
		return e.Kind == timeline.KindContext && day(e.Earliest) == "2018-02-09" && day(e.Latest) == "2018-02-25" && e.Status == timeline.StatusPlanned
	})
	find("exercise during the Olympics, delayed", func(e *timeline.Event) bool {
		return e.CAMEO == "15" && e.Status == timeline.StatusNegated && day(e.Earliest) == "2018-02-09" && day(e.Latest) == "2018-02-25"
	})
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpora/silver/*.tml")
	if len(files) == 0 {
		b.Skip("../../../shared/corpora/silver absent: no silver text to benchmark on")
	}
	x := mustExtractor(b)
	var as []*timeline.Analysis
	size := 0
	for _, f := range files[:min(len(files), 40)] {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		body := tagRE.ReplaceAllString(string(data), "")
		size += len(body)
		as = append(as, analysis(body, date("1998-02-27")))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range as {
			x.Extract(a)
		}
	}
}

// TestRunOn feeds a 100 KB text without a full stop: the work per sentence is
// bounded, so this must finish quickly rather than in minutes.
func TestRunOn(t *testing.T) {
	body := strings.Repeat("Russia said Ukraine met NATO and China warned Japan, ", 2000)
	evs := mustExtractor(t).Extract(analysis(body, date("2018-01-12")))
	if len(evs) == 0 {
		t.Error("no events in a run-on text full of them")
	}
}

// TestGatherings checks that a gathering named by its kind ("the cabinet
// meeting", "six-party talks") is a context event, not a meeting of no one.
func TestGatherings(t *testing.T) {
	body := "The six-party talks began here on Monday. The cabinet meeting on Sunday approved the budget."
	a := analysis(body, date("2018-01-12"))
	a.Timexes = []timeline.Timex{
		tx(body, "on Monday", "DATE", "2018-01-08", "2018-01-08", "2018-01-08", "on", ""),
		tx(body, "on Sunday", "DATE", "2018-01-07", "2018-01-07", "2018-01-07", "on", ""),
	}
	evs := mustExtractor(t).Extract(a)
	if len(evs) != 2 {
		t.Fatalf("%d events, want the two gatherings: %+v", len(evs), evs)
	}
	for _, e := range evs {
		if e.Kind != timeline.KindContext {
			t.Errorf("%q: kind %s cameo %s, want a context event", e.Trigger.Text, e.Kind, e.CAMEO)
		}
	}
}

// TestSportsStory checks that in a story about sport a country is a team, not a
// state acting.
func TestSportsStory(t *testing.T) {
	body := "Pakistan attacked Wales from the start of the hockey tournament match. The coach praised the squad after the match. " +
		"The striker scored two goals and the goalkeeper saved a penalty in the semi-final."
	for _, e := range mustExtractor(t).Extract(analysis(body, date("2018-01-12"))) {
		if e.Source != nil && len(e.Source.Code) == 3 {
			t.Errorf("event %s %q with source %s in a sports story", e.CAMEO, e.Trigger.Text, e.Source.Code)
		}
	}
	if x := mustExtractor(t); !x.sportsStory(body) || x.sportsStory("Pakistan attacked India on Monday, officials said.") {
		t.Error("sportsStory misjudged a text")
	}
}

// TestEconomyStory checks that in an article about markets and the economy a
// plain statement that names no party but its speaker's country is no event,
// while one that names another state stays one.
func TestEconomyStory(t *testing.T) {
	body := "Uruguay's economy grew 4.1 percent in the first quarter as exports and consumer demand rose, the central bank said on Monday. " +
		"Inflation slowed to 5 percent and interest rates were held, while shares on the Montevideo index gained and the peso firmed against the dollar. " +
		"\"Growth will stay strong this year,\" the Uruguayan finance minister said. " +
		"The Uruguayan finance minister said Paraguay should lift its tariffs on Uruguayan beef."
	x := mustExtractor(t)
	if !x.economyStory(body) || x.economyStory("Pakistan attacked India on Monday, officials said.") {
		t.Fatal("economyStory misjudged a text")
	}
	var remark, appeal bool
	for _, e := range x.Extract(analysis(body, date("2018-01-12"))) {
		if strings.Contains(body[e.Sentence.Start:e.Sentence.End], "Growth will stay strong") {
			remark = true
		}
		if e.Target != nil && strings.HasPrefix(e.Target.Code, "PRY") {
			appeal = true
		}
	}
	if remark {
		t.Error("a remark on growth in an economy story is an event")
	}
	if !appeal {
		t.Error("a statement naming another state in an economy story is no event")
	}
}

// TestCurrencyIsNoActor checks that a country named only in a currency ("2.5
// million US dollars") is no party an event is aimed at.
func TestCurrencyIsNoActor(t *testing.T) {
	body := "Paraguay pledged on Monday to contribute 100 million guaranies (2.5 million US dollars) to a regional fund."
	for _, e := range mustExtractor(t).Extract(analysis(body, date("2018-01-12"))) {
		if e.Target != nil && strings.HasPrefix(e.Target.Code, "USA") {
			t.Errorf("event %s %q aimed at %s, named only in a currency", e.CAMEO, e.Trigger.Text, e.Target.Code)
		}
	}
}
