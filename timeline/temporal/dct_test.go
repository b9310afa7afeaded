package temporal

import "testing"

// Each case is an article without a dateline; earliest and latest are the bounds
// InferDCT must give ("" for none).
func TestInferDCTReports(t *testing.T) {
	tg := mustTagger(t)
	cases := []struct {
		name, body, earliest, latest string
	}{
		{"a year reported in the past", "Sales fell sharply in 1996, the company said.", "1996-01-01", ""},
		{"since a year", "Prices have risen since 2002, he said.", "2002-01-01", ""},
		{"a full date reported in the past", "The scandal surfaced January 27, 1996, officials said.", "1996-01-27", ""},
		{"a year in a past sentence, its verb further off", "The company, founded by his father in a small town, was later sold to a rival in 1996.", "1996-01-01", ""},
		{"during a year in a past sentence", "Exports of the region's main crops to Europe fell steadily during 1996.", "1996-01-01", ""},
		{"an infinitive makes a year a plan", "Arroyo agreed to hold elections for a new parliamentary government in 2007.", "", ""},
		{"a forecast year", "It trimmed its forecast for Japanese economic growth to 2.0 percent in 2007.", "", ""},
		{"a forecast word before a past verb by the year", "Its outlook showed growth of 3 percent in 2007.", "", ""},
		{"a past verb by the year with 'to' before", "He moved to Paris and opened a shop in 1996.", "1996-01-01", ""},
		{"a range's start", "The government pledged to forgo its EU rebate in 2007-13.", "", ""},
		{"a year modifying a forecast", "Analysts were predicting 1990 BellSouth earnings of $3.90 a share.", "", ""},
		{"a possessive year", "Mr. Doyle yesterday trimmed his 1990 Anheuser earnings projection to $2.95.", "", ""},
		{"a fiscal year", "Investment accounted for 39 percent of the total fiscal 1998 budget, the official said.", "", ""},
		{"a month naming an event", "Registration of voters for the April 2007 poll formally ended last week.", "", ""},
		{"a year in a name", "He has vowed to do better at Germany 2006.", "", ""},
		{"a range's end", "The British proposal included a budget for the 2007-2013 period.", "", ""},
		{"a full date ending a range", "The council passed a resolution for the January 1-October 31 2007 period.", "", ""},
		{"a year entered", "The risk grew as Kosovo goes into 2007 without its status settled, the group said.", "", ""},
		{"a year to begin", "He said he was looking forward to beginning 2007 with his inauguration.", "", ""},
		{"a full date after which an option runs", "The bank has an option to buy the stake after Jan. 1, 1990 at 1,015 francs.", "", ""},
		{"an aim", "The mission, which is aimed at sending a robot to Mars in 2011, was given funding.", "", ""},
		{"a wire dateline with a year", "BEIJING, April 9, 1997 (AFP) - China and Vietnam started talks on Wednesday.", "1997-04-09", "1997-04-09"},
		{"a dateline with a region and no agency", "SRINAGAR, India, April 7, 1997\n\nIndian troops killed two militants on Monday.", "1997-04-07", "1997-04-07"},
		{"a dateline without a year takes the year the text reports", "WASHINGTON, August 11 (Xinhua) -- Albright said the embassies were bombed on Aug. 7, 1998.", "1998-08-11", "1998-08-11"},
		{"a dateline without a year after the turn of the year", "MOSCOW, Jan. 3 (AP) _ The treaty was signed on December 30, 1997, officials said.", "1998-01-03", "1998-01-03"},
		{"a dateline without a year and no other date", "WASHINGTON, August 11 (Xinhua) -- Albright spoke on Tuesday.", "", ""},
		{"a date opening a sentence is no dateline", "On April 9, 1997, China and Vietnam started talks.", "1997-04-09", ""},
		{"a past edition in a clause with a future", "Saudi Arabia suffered a defeat in the 2002 World Cup in Japan, and will be looking to avoid it. Japan changed a lot since 2002, he said.", "2002-01-01", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, l, _ := tg.InferDCT(c.body)
			got := func(d string) string {
				if d == "0001-01-01" {
					return ""
				}
				return d
			}
			if ge, gl := got(e.Format("2006-01-02")), got(l.Format("2006-01-02")); ge != c.earliest || gl != c.latest {
				t.Errorf("InferDCT(%q) = %q..%q, want %q..%q", c.body, ge, gl, c.earliest, c.latest)
			}
		})
	}
}
