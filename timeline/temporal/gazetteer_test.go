package temporal

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestOccurrences(t *testing.T) {
	tg := mustTagger(t)
	cases := []struct {
		name, body, ref, want, when string
		upcoming                    bool
	}{
		{"impending", "North Korea's impending participation in the Olympics was welcomed.", "2018-01-03", "2018 Winter Olympics", "2018-02-09/2018-02-25", true},
		{"past, nearest", "Athletes competed at the Winter Olympics in Sochi.", "2014-03-01", "2014 Winter Olympics", "2014-02-07/2014-02-23", false},
		{"year given", "He won gold at the 1998 Winter Olympics.", "2018-01-03", "1998 Winter Olympics", "1998-02-07/1998-02-22", false},
		{"held a year late", "The Summer Olympics will open in Tokyo.", "2021-03-01", "2020 Summer Olympics", "2021-07-23/2021-08-08", true},
		{"Rio", "She swam at the 2016 Summer Olympics.", "2018-01-03", "2016 Summer Olympics", "2016-08-05/2016-08-21", false},
		{"host spelled otherwise", "The Pyeongchang Winter Olympics drew North Korea in.", "2018-03-01", "2018 Winter Olympics", "2018-02-09/2018-02-25", false},
		{"alias", "She won at the Rio Summer Olympics.", "2018-01-03", "2016 Summer Olympics", "2016-08-05/2016-08-21", false},
		{"a city that is no venue", "North Korea will take part in the Olympics, officials in Seoul said.", "2018-01-03", "2018 Winter Olympics", "2018-02-09/2018-02-25", true},
		{"host given", "the London Summer Olympics", "2018-01-03", "2012 Summer Olympics", "2012-07-27/2012-08-12", false},
		{"year after the name", "He ran at the Summer Olympics 2016 and won.", "2018-01-03", "2016 Summer Olympics", "2016-08-05/2016-08-21", false},
		{"year and host before", "the 2018 PyeongChang Winter Olympics", "2017-01-03", "2018 Winter Olympics", "2018-02-09/2018-02-25", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			occ := tg.Occurrences(c.body, day(c.ref))
			if len(occ) == 0 {
				t.Fatalf("no occurrence in %q", c.body)
			}
			o := occ[0]
			if o.Name != c.want || o.When != c.when || o.Upcoming != c.upcoming {
				t.Errorf("got %+v, want %s %s upcoming=%v", o, c.want, c.when, c.upcoming)
			}
			if c.body[o.Span.Start:o.Span.End] != o.Text {
				t.Errorf("span %v does not cover %q", o.Span, o.Text)
			}
		})
	}
}

func TestGazetteerOverride(t *testing.T) {
	g := `generic: []
series:
  - id: g7
    family: g7
    names: ["G7 summit"]
    instances:
      - {name: "2018 G7 summit", edition: 2018, host: "Charlevoix", start: 2018-06-08, end: 2018-06-09}
`
	tg, err := New(Options{Gazetteer: strings.NewReader(g)})
	if err != nil {
		t.Fatal(err)
	}
	occ := tg.Occurrences("Leaders met at the G7 summit.", day("2018-06-20"))
	if len(occ) != 1 || occ[0].Name != "2018 G7 summit" {
		t.Errorf("got %+v", occ)
	}
	if _, err := New(Options{Gazetteer: strings.NewReader("series: [")}); err == nil {
		t.Error("bad gazetteer: want an error")
	}
}

func TestInferDCT(t *testing.T) {
	tg := mustTagger(t)
	body := "The ministers met on March 3, 2014. The Winter Olympics are due to be held in Sochi, and the teams will arrive soon."
	e, l, ok := tg.InferDCT(body)
	if !ok || e != day("2014-03-03") || !l.IsZero() {
		// the Sochi games (February 2014) are over by March 3: no upper bound
		t.Errorf("InferDCT = %v %v %v, want 2014-03-03 and no upper bound", e, l, ok)
	}
	body = "The ministers met on January 10, 2010. The impending Winter Olympics are a matter of pride."
	e, l, ok = tg.InferDCT(body)
	if !ok || e != day("2010-01-10") || l != day("2010-02-11") {
		t.Errorf("InferDCT = %v %v %v", e, l, ok)
	}
	if _, _, ok := tg.InferDCT("Nothing to date here."); ok {
		t.Error("no cues: want ok false")
	}
}

// TestNamesAsPattern checks that the name scan finds what the names pattern,
// run over the whole text, finds: same spans, leftmost first.
func TestNamesAsPattern(t *testing.T) {
	g := mustTagger(t).gaz
	whole := regexp.MustCompile(`\b` + strings.TrimPrefix(g.nameAt.String(), "^"))
	seed, err := os.ReadFile("../../fixtures/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, body := range []string{
		string(seed),
		"Winter Olympics at the start, then the Summer Olympics\nin London.",
		"xWinter Olympics, _World Cup, 2World Cup, éWorld Cup, World Cupx, World  Cup, World\tCup",
		"the Olympics.Olympics-Olympics Olympics_ Olympics",
		"",
		"W",
	} {
		var want [][2]int
		for _, loc := range whole.FindAllStringIndex(body, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		found += len(want)
		if got := g.names(body); !reflect.DeepEqual(got, want) {
			t.Errorf("names(%.40q) = %v, want %v", body, got, want)
		}
	}
	if found < 8 {
		t.Errorf("the pattern found %d names: the texts test too little", found)
	}
}
