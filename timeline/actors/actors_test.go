package actors_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/actors"
)

func mustDefault(tb testing.TB) *actors.Dictionary {
	tb.Helper()
	d, err := actors.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func day(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is one expected mention: its text, kind, actor code and, when set, name.
type want struct {
	text, kind, code, name string
}

func TestFind(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		name string
		text string
		at   string
		want []want
	}{
		{"country and short forms", "North Korea warned the U.S. and the United States.", "2017-10-01", []want{
			{"North Korea", actors.KindCountry, "PRK", "North Korea"},
			{"U.S.", actors.KindCountry, "USA", ""},
			{"United States", actors.KindCountry, "USA", ""},
		}},
		{"capital as government", "Washington and Pyongyang traded threats; Seoul and Baghdad too.", "", []want{
			{"Washington", actors.KindGov, "USAGOV", ""},
			{"Pyongyang", actors.KindGov, "PRKGOV", ""},
			{"Seoul", actors.KindGov, "KORGOV", ""},
			{"Baghdad", actors.KindGov, "IRQGOV", ""},
		}},
		{"possessive leader with name", "North Korea’s leader Kim Jong Un said.", "2017-10-01", []want{
			{"North Korea’s leader Kim Jong Un", actors.KindPerson, "PRKGOV", "Kim Jong Un"},
		}},
		{"hyphenated name", "Kim Jong-Un and Kim Jong-il", "2017-10-01", []want{
			{"Kim Jong-Un", actors.KindPerson, "PRKGOV", "Kim Jong Un"},
			{"Kim Jong-il", actors.KindPerson, "PRKOPP", "Kim Jong Il"},
		}},
		{"organisation", "the United Nations, the UN, NATO and the IAEA", "", []want{
			{"United Nations", actors.KindOrg, "IGOUNO", "United Nations"},
			{"UN", actors.KindOrg, "IGOUNO", ""},
			{"NATO", actors.KindOrg, "IGONATO", ""},
			{"IAEA", actors.KindOrg, "IGOIAEA", ""},
		}},
		{"security council", "the U.N. Security Council and UN security council", "", []want{
			{"U.N. Security Council", actors.KindOrg, "IGOUNO", ""},
			{"UN security council", actors.KindOrg, "IGOUNO", ""},
		}},
		{"title and name", "President Bill Clinton met Secretary of State Madeleine Albright.", "1998-02-27", []want{
			{"President Bill Clinton", actors.KindPerson, "USAGOV", "Bill Clinton"},
			{"Secretary of State Madeleine Albright", actors.KindPerson, "USAGOV", "Madeleine Albright"},
		}},
		{"demonym title and name", "Iraqi Deputy Prime Minister Tariq Aziz spoke.", "1998-02-27", []want{
			{"Iraqi Deputy Prime Minister Tariq Aziz", actors.KindPerson, "IRQGOV", "Tariq Aziz"},
		}},
		{"unknown person coded by title", "South Korean Foreign Minister Yoon Byung-se arrived.", "2014-01-01", []want{
			{"South Korean Foreign Minister Yoon Byung-se", actors.KindPerson, "KORGOV", "Yoon Byung-se"},
		}},
		{"diplomatic titles", "Pakistan expelled the Indian high commissioner and summoned the Russian charge d'affaires.", "2019-08-07", []want{
			{"Pakistan", actors.KindCountry, "PAK", ""},
			{"the Indian high commissioner", actors.KindTitle, "INDGOV", ""},
			{"the Russian charge d'affaires", actors.KindTitle, "RUSGOV", ""},
		}},
		{"a verb between a country and a title is no field", "Iraq warned President Bill Clinton.", "1998-02-27", []want{
			{"Iraq", actors.KindCountry, "IRQ", ""},
			{"President Bill Clinton", actors.KindPerson, "USAGOV", "Bill Clinton"},
		}},
		{"unknown name alone is no mention", "John Smithers arrived.", "", nil},
		{"title resolved 1998", "the U.S. president spoke", "1998-02-27", []want{
			{"the U.S. president", actors.KindTitle, "USAGOV", "Bill Clinton"},
		}},
		{"title resolved 2018", "the U.S. president spoke", "2018-01-03", []want{
			{"the U.S. president", actors.KindTitle, "USAGOV", "Donald Trump"},
		}},
		{"title of country", "the President of Ukraine", "1998-02-27", []want{
			{"the President of Ukraine", actors.KindTitle, "UKRGOV", "Leonid Kuchma"},
		}},
		{"despot", "the North Korean despot", "2017-10-01", []want{
			{"the North Korean despot", actors.KindTitle, "PRKGOV", "Kim Jong Un"},
		}},
		{"title with no country", "the president said", "1998-02-27", []want{
			{"the president", actors.KindTitle, "", ""},
		}},
		{"secretary-general", "the secretary-general and NATO Secretary General", "1998-02-27", []want{
			{"the secretary-general", actors.KindTitle, "IGOUNO", "Kofi Annan"},
			{"NATO Secretary General", actors.KindTitle, "IGONATO", "Javier Solana"},
		}},
		{"POTUS", "the POTUS tweeted", "2018-01-03", []want{
			{"the POTUS", actors.KindTitle, "USAGOV", "Donald Trump"},
		}},
		{"institutions", "the White House, the Pentagon, the State Department and the Kremlin", "", []want{
			{"White House", actors.KindGov, "USAGOV", ""},
			{"Pentagon", actors.KindGov, "USAMIL", ""},
			{"State Department", actors.KindGov, "USAGOV", ""},
			{"Kremlin", actors.KindGov, "RUSGOV", ""},
		}},
		{"roles", "the South Korean government, Israeli soldiers, the Ukrainian parliament, Tanzanian police", "", []want{
			{"the South Korean government", actors.KindGov, "KORGOV", ""},
			{"Israeli soldiers", actors.KindGov, "ISRMIL", ""},
			{"the Ukrainian parliament", actors.KindGov, "UKRLEG", ""},
			{"Tanzanian police", actors.KindGov, "TZAGOV", ""},
		}},
		{"role of country", "the government of Iraq and authorities in Kenya", "", []want{
			{"the government of Iraq", actors.KindGov, "IRQGOV", ""},
			{"authorities in Kenya", actors.KindGov, "KENGOV", ""},
		}},
		{"capital government", "the Baghdad government", "", []want{
			{"the Baghdad government", actors.KindGov, "IRQGOV", ""},
		}},
		{"org with role", "U.N. officials and the Pentagon spokesman", "", []want{
			{"U.N. officials", actors.KindOrg, "IGOUNO", ""},
			{"the Pentagon spokesman", actors.KindGov, "USAMIL", ""},
		}},
		{"pronouns", "He said she told them it was us.", "", []want{
			{"He", actors.KindPronoun, "", ""},
			{"she", actors.KindPronoun, "", ""},
			{"them", actors.KindPronoun, "", ""},
			{"it", actors.KindPronoun, "", ""},
			{"us", actors.KindPronoun, "", ""},
		}},
		{"US is not us", "the US and us", "", []want{
			{"US", actors.KindCountry, "USA", ""},
			{"us", actors.KindPronoun, "", ""},
		}},
		{"china plates", "china plates from China, a turkey from Turkey", "", []want{
			{"China", actors.KindCountry, "CHN", ""},
			{"Turkey", actors.KindCountry, "TUR", ""},
		}},
		{"lowercase multiword name", "the united states is not authorized", "", []want{
			{"united states", actors.KindCountry, "USA", ""},
		}},
		{"groups", "the two Koreas, both Koreas and the international community", "", []want{
			{"the two Koreas", actors.KindGroup, "PRK", ""},
			{"both Koreas", actors.KindGroup, "PRK", ""},
			{"international community", actors.KindGroup, "", ""},
		}},
		{"international NGOs are of no state", "the International Commission of Jurists and Amnesty International", "", []want{
			{"International Commission of Jurists", actors.KindGroup, "", ""},
			{"Amnesty International", actors.KindGroup, "", ""},
		}},
		{"people of a country", "the Iraqis and the Palestinians", "", []want{
			{"Iraqis", actors.KindCountry, "IRQ", ""},
			{"Palestinians", actors.KindCountry, "PSE", ""},
		}},
		{"a surname after another first name", "Madeleine Albright met Jane Albright. When Albright left", "1998-04-03", []want{
			{"Madeleine Albright", actors.KindPerson, "USAGOV", ""},
			{"Albright", actors.KindPerson, "USAGOV", "Madeleine Albright"},
		}},
		{"the Persian gulf in a transcript", "planes in the Persian gulf, not in the United states", "", []want{
			{"Persian gulf", actors.KindCountry, "PGS", ""},
		}},
		{"a field word before a title", "US rights envoy John Shattuck said", "1997-04-01", []want{
			{"US rights envoy John Shattuck", actors.KindPerson, "USAGOV", "John Shattuck"},
		}},
		{"a capital as a surname", "defence lawyer Craig Washington and East Jerusalem", "1997-04-01", []want{
			{"Jerusalem", actors.KindGov, "ISRGOV", ""},
		}},
		{"a surname long before its holder's office", "Tim Spicer, Spicer said", "1997-04-01", nil},
		{"a name that goes on", "Electoral official Hussein al-Hindawi and Hussein Kamel met in The Hague", "1997-04-01", []want{
			{"The Hague", actors.KindCountry, "NLD", "The Hague"},
		}},
		{"a street or an airport", "crowds on Palestine Street and at Beijing Airport", "", nil},
		{"an office after a possessive pronoun", "He asked his defence minister and his counterpart", "", []want{
			{"He", actors.KindPronoun, "", ""},
			{"his defence minister", actors.KindTitle, "", "his defence minister"},
		}},
		{"a legislature of no named country", "the Japanese House of Representatives and the House of Representatives", "", []want{
			{"the Japanese House of Representatives", actors.KindGov, "JPNLEG", "the Japanese House of Representatives"},
			{"the House of Representatives", actors.KindGov, "", "the House of Representatives"},
		}},
		{"a place that only locates someone", "a Seoul-based broadcaster, a US-born analyst and a Paris-headquartered firm met Seoul", "", []want{
			{"Seoul", actors.KindGov, "KORGOV", ""},
		}},
		{"a surname before a role", "the Clinton Administration said", "1997-04-01", []want{
			{"Clinton Administration", actors.KindGov, "USAGOV", ""},
		}},
		{"an institution's word inside another name", "the ruling People's Congress and the U.S. Congress", "2006-09-22", []want{
			{"U.S. Congress", actors.KindGov, "USALEG", ""},
		}},
		{"surname by date", "Bush said", "1990-06-01", []want{
			{"Bush", actors.KindPerson, "USAGOV", "George H. W. Bush"},
		}},
		{"surname by date 2003", "Bush said", "2003-06-01", []want{
			{"Bush", actors.KindPerson, "USAGOV", "George W. Bush"},
		}},
		{"former leader", "Former Soviet leader Mikhail Gorbachev says", "1999-03-12", []want{
			{"Former Soviet leader Mikhail Gorbachev", actors.KindPerson, "RUSCVL", "Mikhail Gorbachev"},
		}},
		{"out of office is opposition", "Winston Churchill warned", "1946-03-05", []want{
			{"Winston Churchill", actors.KindPerson, "GBROPP", ""},
		}},
		{"opposition title over an open term", "Opposition leader Raila Odinga criticised the trip", "2025-04-22", []want{
			{"Opposition leader Raila Odinga", actors.KindPerson, "KENOPP", "Raila Odinga"},
		}},
		{"former title", "the former president", "1998-01-01", []want{
			{"the former president", actors.KindTitle, "", ""},
		}},
		{"historical state", "the Soviet Union and Yugoslavia", "1985-01-01", []want{
			{"Soviet Union", actors.KindCountry, "RUS", ""},
			{"Yugoslavia", actors.KindCountry, "YUG", ""},
		}},
		{"tweet handle", "Donald J. Trump (@realDonaldTrump)", "2017-10-01", []want{
			{"Donald J. Trump", actors.KindPerson, "USAGOV", "Donald Trump"},
			{"realDonaldTrump", actors.KindPerson, "USAGOV", "Donald Trump"},
		}},
		{"appositive", "Leonid Kuchma, President of Ukraine", "1998-02-27", []want{
			{"Leonid Kuchma", actors.KindPerson, "UKRGOV", ""},
			{"President of Ukraine", actors.KindTitle, "UKRGOV", "Leonid Kuchma"},
		}},
		// Sentences of the gold files.
		{"gold: CNN", "senior officials say Iraq's president Saddam Hussein can expect punishing air strikes", "1998-02-13", []want{
			{"Iraq's president Saddam Hussein", actors.KindPerson, "IRQGOV", "Saddam Hussein"},
		}},
		{"gold: deputy foreign minister", "Iraq's deputy foreign minister responded from Baghdad in less than one hour, saying Washington would break international law by attacking without UN approval.", "1998-02-13", []want{
			{"Iraq's deputy foreign minister", actors.KindTitle, "IRQGOV", ""},
			{"Baghdad", actors.KindGov, "IRQGOV", ""},
			{"Washington", actors.KindGov, "USAGOV", ""},
			{"UN", actors.KindOrg, "IGOUNO", ""},
		}},
		{"gold: NATO", "Czech Foreign Minister Jan Kavan said he was in nearby Kansas City working with the anti-Soviet undergound in 1968 when Russian troops swept through Praque in the occupation of Czechoslovakia.", "1999-03-12", []want{
			{"Czech Foreign Minister Jan Kavan", actors.KindPerson, "CZEGOV", "Jan Kavan"},
			{"he", actors.KindPronoun, "", ""},
			{"Soviet", actors.KindCountry, "RUS", ""},
			{"Russian troops", actors.KindGov, "RUSMIL", ""},
			{"Czechoslovakia", actors.KindCountry, "CZE", ""},
		}},
		{"gold: Korea", "South Korea’s President Moon Jae-in said the talks would go on.", "2018-01-12", []want{
			{"South Korea’s President Moon Jae-in", actors.KindPerson, "KORGOV", "Moon Jae-in"},
		}},
		{"exiles as civilians", "Cuban exiles are fighting to keep the boy in the United States", "2000-03-28", []want{
			{"Cuban exiles", actors.KindGov, "USACVL", ""},
			{"United States", actors.KindCountry, "USA", ""},
		}},
		{"gold: western alliance", "The western military alliance invited the three central and eastern European countries", "1999-03-12", []want{
			{"western military alliance", actors.KindOrg, "IGONATO", ""},
			{"European", actors.KindCountry, "EUR", ""},
		}},
		{"another country's minister of the same surname", "South African Deputy Foreign Minister Aziz Pahad", "1998-01-01", []want{
			{"South African Deputy Foreign Minister Aziz Pahad", actors.KindPerson, "ZAFGOV", "Aziz Pahad"},
		}},
		{"institution title", "the Pentagon chief said", "1998-01-01", []want{
			{"the Pentagon chief", actors.KindTitle, "USAMIL", ""},
		}},
		{"headline caps", "PRESIDENT SAYS NO", "1998-01-01", []want{
			{"PRESIDENT", actors.KindTitle, "", ""},
		}},
		{"mixed case is not a name", "central African countries and the United states", "", []want{
			{"African", actors.KindCountry, "AFR", ""},
		}},
		{"title picks the holder of a shared name", "President Kim and Kim", "2000-06-13", []want{
			{"President Kim", actors.KindPerson, "", "Kim"},
			{"Kim", actors.KindPerson, "PRKGOV", "Kim Jong Il"},
		}},
		{"title and a surname of one person", "President Clinton", "2003-06-13", []want{
			{"President Clinton", actors.KindPerson, "USAOPP", "Bill Clinton"},
		}},
		{"abbreviations and possessives", "the U.S.A., North Korea’s and the two Koreas' talks; I said", "", []want{
			{"U.S.A.", actors.KindCountry, "USA", ""},
			{"North Korea", actors.KindCountry, "PRK", ""},
			{"the two Koreas", actors.KindGroup, "PRK", ""},
			{"I", actors.KindPronoun, "", ""},
		}},
		{"capital as owner", "Washington officials and the Kremlin spokesman", "", []want{
			{"Washington officials", actors.KindGov, "USAGOV", ""},
			{"the Kremlin spokesman", actors.KindGov, "RUSGOV", ""},
		}},
		{"role of a region's countries", "governments of 30 African countries and envoys of all European states", "1998-08-11", []want{
			{"governments of 30 African countries", actors.KindGov, "AFRGOV", ""},
			{"envoys of all European states", actors.KindGov, "EURGOV", ""},
		}},
		{"troops in a country are not its own", "the troops in Bosnia", "1998-01-01", []want{
			{"the troops", actors.KindGov, "", ""},
			{"Bosnia", actors.KindCountry, "BIH", ""},
		}},
		{"no mention across a blank line", "said Prime Minister\n\nJohn Major", "1995-01-01", []want{
			{"Prime Minister", actors.KindTitle, "", ""},
			{"John Major", actors.KindPerson, "GBRGOV", "John Major"},
		}},
		{"abbreviated titles", "Sen. Jesse Helms and Gen. Henry Shelton", "1998-01-01", []want{
			{"Sen. Jesse Helms", actors.KindPerson, "USALEG", "Jesse Helms"},
			{"Gen. Henry Shelton", actors.KindPerson, "USAMIL", "Henry Shelton"},
		}},
		{"capital as a place", "there was no word in Washington after the Nairobi bombing; a visit to Moscow", "", []want{
			{"Washington", actors.KindCountry, "USA", ""},
			{"Nairobi", actors.KindCountry, "KEN", ""},
			{"Moscow", actors.KindGov, "RUSGOV", ""},
		}},
		{"indefinite title", "An American leader of a U.N. team", "1998-02-27", []want{
			{"American leader", actors.KindTitle, "USAGOV", "American leader"},
			{"U.N.", actors.KindOrg, "IGOUNO", ""},
		}},
		{"lowercase institution is a common noun", "the supreme national security council and the National Security Council", "", []want{
			{"National Security Council", actors.KindGov, "USAGOV", ""},
		}},
		{"bare lowercase title", "a general election and the party leader", "1998-01-01", nil},
		{"government with modifiers", "India's new coalition government and the Iraqi transitional government", "1997-04-21", []want{
			{"India's new coalition government", actors.KindGov, "INDGOV", ""},
			{"the Iraqi transitional government", actors.KindGov, "IRQGOV", ""},
		}},
		{"king by name", "King Hussein of Jordan", "1998-01-01", []want{
			{"King Hussein of Jordan", actors.KindPerson, "JORGOV", "King Hussein"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Find(tt.text, 0, day(tt.at))
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d mentions, want %d:\n%s", tt.text, len(got), len(tt.want), dump(got))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Kind != w.kind || g.Actor.Code != w.code || w.name != "" && g.Actor.Name != w.name {
					t.Errorf("mention %d = %q %s %s %q, want %q %s %s %q", i, g.Text, g.Kind, g.Actor.Code, g.Actor.Name, w.text, w.kind, w.code, w.name)
				}
				if tt.text[g.Span.Start:g.Span.End] != g.Text {
					t.Errorf("mention %d: span %v is %q, text %q", i, g.Span, tt.text[g.Span.Start:g.Span.End], g.Text)
				}
			}
		})
	}
}

func dump(ms []actors.Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("  " + m.Text + " " + m.Kind + " " + m.Actor.Code + " " + m.Actor.Name + "\n")
	}
	return b.String()
}

func TestHistorical(t *testing.T) {
	d := mustDefault(t)
	for text, want := range map[string][2]string{
		"the Soviet Union": {"RUS", "USR"}, "Soviet troops": {"RUSMIL", "USR"}, "East Germany": {"DEU", "DDR"},
		"Czechoslovakia": {"CZE", "CSK"}, "Russia": {"RUS", ""}, "Yugoslavia": {"YUG", ""},
	} {
		ms := d.Find(text, 0, time.Time{})
		if len(ms) != 1 || ms[0].Actor.Code != want[0] || ms[0].Historical != want[1] {
			t.Errorf("Find(%q) = %+v, want code %s historical %q", text, ms, want[0], want[1])
		}
	}
}

func TestZeroDictionary(t *testing.T) {
	var d actors.Dictionary
	if ms := d.Find("President Clinton", 0, time.Time{}); ms != nil {
		t.Errorf("zero Dictionary found %+v", ms)
	}
}

func TestFindBase(t *testing.T) {
	d := mustDefault(t)
	ms := d.Find("Seoul said.", 100, time.Time{})
	if len(ms) != 1 || ms[0].Span.Start != 100 || ms[0].Span.End != 105 {
		t.Fatalf("got %+v, want one mention at 100-105", ms)
	}
}

func TestTitleFields(t *testing.T) {
	d := mustDefault(t)
	ms := d.Find("the Iraqi leader", 0, day("1998-02-27"))
	if len(ms) != 1 {
		t.Fatalf("got %d mentions", len(ms))
	}
	m := ms[0]
	if m.Country != "IRQ" || m.Role != "GOV" || m.Office != "leader" || m.Actor.Name != "Saddam Hussein" {
		t.Errorf("got %+v", m)
	}
	ms = d.Find("the president", 0, day("1998-02-27"))
	if len(ms) != 1 || ms[0].Office != "president" || ms[0].Country != "" || ms[0].Role != "GOV" {
		t.Fatalf("got %+v", ms)
	}
}

func TestHolder(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		country, office, at, name, code string
	}{
		{"USA", "president", "1998-02-27", "Bill Clinton", "USAGOV"},
		{"USA", "president", "2018-01-03", "Donald Trump", "USAGOV"},
		{"USA", "leader", "2018-01-03", "Donald Trump", "USAGOV"},
		{"USA", "foreign-minister", "1998-02-27", "Madeleine Albright", "USAGOV"},
		{"RUS", "president", "1998-02-27", "Boris Yeltsin", "RUSGOV"},
		{"RUS", "president", "2010-01-01", "Dmitry Medvedev", "RUSGOV"},
		{"RUS", "leader", "2010-01-01", "Vladimir Putin", "RUSGOV"},
		{"PRK", "leader", "2017-10-01", "Kim Jong Un", "PRKGOV"},
		{"IGOUNO", "secretary-general", "1998-02-27", "Kofi Annan", "IGOUNO"},
		{"GBR", "prime-minister", "1998-02-05", "Tony Blair", "GBRGOV"},
		{"ISR", "prime-minister", "1998-03-01", "Benjamin Netanyahu", "ISRGOV"},
	}
	for _, tt := range tests {
		a, ok := d.Holder(tt.country, tt.office, day(tt.at))
		if !ok || a.Name != tt.name || a.Code != tt.code {
			t.Errorf("Holder(%s, %s, %s) = %+v, %v; want %s %s", tt.country, tt.office, tt.at, a, ok, tt.name, tt.code)
		}
	}
	if a, ok := d.Holder("USA", "president", time.Time{}); ok {
		t.Errorf("Holder with no date = %+v, want none", a)
	}
}

func TestLookup(t *testing.T) {
	d := mustDefault(t)
	for name, code := range map[string]string{
		"Kofi Annan": "IGOUNO", "the United Nations": "IGOUNO", "Pyongyang": "PRKGOV", "U.S.": "USA",
	} {
		m, ok := d.Lookup(strings.TrimPrefix(name, "the "), day("1998-02-27"))
		if !ok || m.Actor.Code != code {
			t.Errorf("Lookup(%q) = %+v, %v; want %s", name, m, ok, code)
		}
	}
	if _, ok := d.Lookup("Kofi Annan said", time.Time{}); ok {
		t.Error("Lookup of a sentence succeeded")
	}
}

func TestConcurrent(t *testing.T) {
	d := mustDefault(t)
	const text = "President Clinton told Iraq's Saddam Hussein that the U.N. Security Council would act."
	want := len(d.Find(text, 0, day("1998-02-27")))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				if got := len(d.Find(text, 0, day("1998-02-27"))); got != want {
					t.Errorf("got %d mentions, want %d", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"no header", "USA\tUnited States\t-\t-\t-\n", "input:1: data before a table header"},
		{"bad code", "code\tnames\tadjectives\tcapitals\tplurals\nUS\tUnited States\t-\t-\t-\n", "input:2: bad country code"},
		{"fields", "kind\tcode\tnames\norg\tIGOUNO\n", "input:2: want 3 tab-separated fields"},
		{"dates", "office\tcountry\trole\ttitles\npresident\t-\tGOV\tpresident\ncode\tname\taliases\toffices\tfrom\tto\tafter\nUSAGOV\tX Y\t-\tpresident\t2001-01-01\t2000-01-01\t-\n", "input:4: X Y: term ends"},
		{"office", "code\tname\taliases\toffices\tfrom\tto\tafter\nUSAGOV\tX Y\t-\tpope\t-\t-\t-\n", "unknown office"},
	}
	for _, tt := range tests {
		_, err := actors.Load(strings.NewReader(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	d, err := actors.Load(strings.NewReader("code\tnames\tadjectives\tcapitals\tplurals\nFRA\tFrance\tFrench\tParis\t-\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ms := d.Find("Paris and France", 0, time.Time{}); len(ms) != 2 || ms[0].Actor.Code != "FRAGOV" {
		t.Errorf("got %+v", ms)
	}
}

// TestCoverage guards the size of the data: every UN member and more, the
// people of EVENTS.md's major countries, the organisations of its fixed table.
func TestCoverage(t *testing.T) {
	d := mustDefault(t)
	t.Logf("countries, historical states and regions: %d; people: %d; organisations: %d", d.Countries(), d.People(), d.Orgs())
	if d.Countries() < 200 || d.People() < 400 || d.Orgs() < 30 {
		t.Errorf("coverage fell: %d countries, %d people, %d organisations", d.Countries(), d.People(), d.Orgs())
	}
	for _, code := range []string{"IGOUNO", "IGONATO", "IGOEU", "IGOIAEA", "IGOAU", "IGOASEAN", "IGOOPEC", "IGOARL", "IGOIMF", "IGOWB", "IGOWTO", "IGOOSCE"} {
		if _, ok := d.OrgName(code); !ok {
			t.Errorf("organisation %s missing", code)
		}
	}
	for _, code := range []string{"TWN", "PSE", "KSV", "VAT", "USR", "YUG", "DDR", "CSK", "PRK", "KOR", "SSD"} {
		if _, ok := d.CountryName(code); !ok {
			t.Errorf("country %s missing", code)
		}
	}
}

// TestLoadFiles loads the data files concatenated, as a caller extending the
// dictionary would, and finds what Default finds.
func TestLoadFiles(t *testing.T) {
	var rs []io.Reader
	for _, f := range []string{"countries", "names", "roles", "titles", "people", "phoenix-places", "phoenix-names", "phoenix-roles", "phoenix-people"} {
		data, err := os.ReadFile(filepath.Join("data", f+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, bytes.NewReader(data), strings.NewReader("\n"))
	}
	d, err := actors.Load(io.MultiReader(rs...))
	if err != nil {
		t.Fatal(err)
	}
	def := mustDefault(t)
	if d.People() != def.People() || d.Countries() != def.Countries() || d.Orgs() != def.Orgs() {
		t.Errorf("Load: %d/%d/%d, Default: %d/%d/%d", d.People(), d.Countries(), d.Orgs(), def.People(), def.Countries(), def.Orgs())
	}
	const text = "North Korea’s leader Kim Jong Un told the U.S. president."
	a, b := d.Find(text, 0, day("2017-10-01")), def.Find(text, 0, day("2017-10-01"))
	if len(a) != len(b) || len(a) == 0 || a[0] != b[0] {
		t.Errorf("Load finds %+v, Default %+v", a, b)
	}
}

// derivedData is a small dictionary in the layout of the embedded one: the
// hand-written tables, then converted tables after the #!derived line.
const derivedData = `code	names	adjectives	capitals	plurals
AFG	Afghanistan	Afghan	Kabul	-
UKR	Ukraine	Ukrainian	Kiev	-
PRK	North Korea	North Korean	Pyongyang	-
office	country	role	titles
president	-	GOV	president
leader	-	GOV	leader
-	-	GOV	minister
role	alone	words
GOV	yes	government
MIL	yes	soldiers
code	name	aliases	offices	from	to	after
UKRGOV	Viktor Yanukovych	Yanukovych	president|leader	2010-02-25	2014-02-22	-
PRKGOV	Kim Jong Il	Kim	leader	1994-07-08	2011-12-17	-
#!derived
code	place
AFG	Afghanestan
AFG	Kabul
code	name	aliases	offices	from	to	after
UKRGOV	Viktor Yanukovych	Victor Yanukovich	-	2003-01-01	2005-01-31	-
AFGGOV	Ahmad Ali Jalali	-	-	2003-01-01	2004-12-31	-
office	country	role	titles
-	-	GOV	vice foreign minister
kind	code	names
gov	AFGREB	Hezb-i-Islami|Afghanistan
`

func TestDerived(t *testing.T) {
	d, err := actors.Load(strings.NewReader(derivedData))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, at string
		want           []want
	}{
		{"a converted place is its country, by its own name", "fighting in Afghanestan", "2004-01-01", []want{
			{"Afghanestan", actors.KindCountry, "AFG", "Afghanestan"},
		}},
		{"a place is no owner: no government of it", "Afghanestan officials", "2004-01-01", []want{
			{"Afghanestan", actors.KindCountry, "AFG", ""},
		}},
		{"hand-written names win over converted ones", "Kabul and Afghanistan", "2004-01-01", []want{
			{"Kabul", actors.KindGov, "AFGGOV", ""},
			{"Afghanistan", actors.KindCountry, "AFG", "Afghanistan"},
		}},
		{"a converted person near a term", "Ahmad Ali Jalali said", "2005-06-01", []want{
			{"Ahmad Ali Jalali", actors.KindPerson, "AFGOPP", "Ahmad Ali Jalali"},
		}},
		{"a converted person decades from any term is not taken", "Ahmad Ali Jalali said", "1975-06-01", nil},
		{"a converted spelling of a hand-written person is theirs, with their terms", "Victor Yanukovich said", "2012-01-01", []want{
			{"Victor Yanukovich", actors.KindPerson, "UKRGOV", "Viktor Yanukovych"},
		}},
		{"a title no head holds before a head of state's surname", "North Korean Vice Foreign Minister Kim", "2000-01-01", []want{
			{"North Korean Vice Foreign Minister Kim", actors.KindPerson, "PRKGOV", "Kim"},
		}},
		{"an armed group", "Hezb-i-Islami fighters", "2004-01-01", []want{
			{"Hezb-i-Islami", actors.KindGov, "AFGREB", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Find(tt.text, 0, day(tt.at))
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %d mentions, want %d:\n%s", tt.text, len(got), len(tt.want), dump(got))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Kind != w.kind || g.Actor.Code != w.code || w.name != "" && g.Actor.Name != w.name {
					t.Errorf("mention %d = %q %s %s %q, want %q %s %s %q", i, g.Text, g.Kind, g.Actor.Code, g.Actor.Name, w.text, w.kind, w.code, w.name)
				}
			}
		})
	}
	if d.People() != 3 {
		t.Errorf("People() = %d, want 3 (the converted Yanukovich is the hand-written Yanukovych)", d.People())
	}
}

func TestDerivedErrors(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"derived office", "office\tcountry\trole\ttitles\npresident\t-\tGOV\tpresident\n#!derived\ncode\tname\taliases\toffices\tfrom\tto\tafter\nUSAGOV\tX Y\t-\tpresident\t-\t-\t-\n", "holds no office"},
		{"place code", "code\tplace\nAFGX\tKandahar\n", "bad country code"},
		{"place name", "code\tplace\nAFG\t-\n", "no place"},
	} {
		_, err := actors.Load(strings.NewReader(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}
