// Command convert turns the PETRARCH2 / Phoenix CAMEO actor dictionaries into
// the actor package's own tables, loaded after the hand-written ones (which
// win wherever both name an actor):
//
//	data/phoenix-people.tsv  people with dated roles (Countries, International)
//	data/phoenix-names.tsv   organisations, institutions and armed groups
//	data/phoenix-places.tsv  other names of countries, and their cities, as places
//	data/phoenix-roles.tsv   agent nouns as role words and titles
//	data/PHOENIX-LICENSE     the dictionaries' MIT license
//
// It is run by go generate in timeline/actors:
//
//	go run ./convert -src ../../../shared/lexicons/petrarch2 -ewt ../../../shared/corpora/ud-ewt -data data
//
// The output is a pure function of the inputs (the Phoenix files, the
// hand-written tables in -data, the rules in convert/rules and the words of
// the English Web Treebank): the same inputs give the same bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	src := flag.String("src", "", "directory of the PETRARCH2 dictionaries (Phoenix.*.txt, LICENSE)")
	ewt := flag.String("ewt", "", "directory of the UD English Web Treebank (*.conllu), for the English words a name must not be")
	data := flag.String("data", "data", "the actor data directory: hand-written tables are read there, converted ones written")
	verbose := flag.Bool("v", false, "print every warning, not only their number")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: convert -src DIR -ewt DIR [-data DIR]\n\nConverts the Phoenix actor and agent dictionaries into data/phoenix-*.tsv.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *src == "" || *ewt == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*src, *ewt, *data, *verbose, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

// files are the Phoenix actor dictionaries, in the order they are read.
var files = []struct {
	name string
	src  source
}{
	{"Phoenix.Countries.actors.txt", srcCountries},
	{"Phoenix.International.actors.txt", srcInternational},
	{"Phoenix.MilNonState.actors.txt", srcMilNonState},
}

const agentsFile = "Phoenix.agents.txt"

func run(src, ewt, data string, verbose bool, log io.Writer) error {
	ru, err := loadRules(data, ewt)
	if err != nil {
		return err
	}
	license, err := os.ReadFile(filepath.Join(src, "LICENSE"))
	if err != nil {
		return fmt.Errorf("the dictionaries' license: %w", err)
	}
	out, err := convert(ru, src)
	if err != nil {
		return err
	}
	written := map[string][]byte{
		"phoenix-people.tsv": out.peopleFile(license),
		"phoenix-names.tsv":  out.namesFile(license),
		"phoenix-places.tsv": out.placesFile(license),
		"phoenix-roles.tsv":  out.rolesFile(license),
		"PHOENIX-LICENSE":    licenseFile(license),
	}
	names := make([]string, 0, len(written))
	for n := range written {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := writeFile(filepath.Join(data, n), written[n]); err != nil {
			return err
		}
	}
	keys := make([]string, 0, len(out.stats))
	for k := range out.stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(log, "people %d, organisations and groups %d, places %d, titles %d, role words %d\n",
		len(out.people), len(out.names), len(out.places), count(out.titles), count(out.roles))
	for _, k := range keys {
		fmt.Fprintf(log, "  %s: %d\n", k, out.stats[k])
	}
	fmt.Fprintf(log, "  warnings (malformed restrictions and lines): %d\n", len(out.warns))
	if verbose {
		for _, w := range out.warns {
			fmt.Fprintln(log, "  ", w)
		}
	}
	return nil
}

// convert reads the Phoenix files in src and returns the filtered, sorted rows.
func convert(ru *rules, src string) (*output, error) {
	out := newOutput()
	for _, f := range files {
		fh, err := os.Open(filepath.Join(src, f.name))
		if err != nil {
			return nil, err
		}
		recs, warns, err := parseActors(f.name, fh)
		fh.Close()
		if err != nil {
			return nil, err
		}
		out.warns = append(out.warns, warns...)
		for _, r := range recs {
			out.record(ru, f.src, f.name, r)
		}
	}
	fh, err := os.Open(filepath.Join(src, agentsFile))
	if err != nil {
		return nil, err
	}
	as, warns, err := parseAgents(agentsFile, fh)
	fh.Close()
	if err != nil {
		return nil, err
	}
	out.warns = append(out.warns, warns...)
	out.agents(ru, agentsFile, as)
	out.filter(ru)
	out.sortOutput()
	return out, nil
}

func count(m map[string][]string) int {
	n := 0
	for _, v := range m {
		n += len(v)
	}
	return n
}

// writeFile replaces path only once the new content is complete.
func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// header is the comment every converted table starts with: where it comes from,
// how to rebuild it, what it holds and the dictionaries' license.
func header(b *bytes.Buffer, sources, about string, license []byte) {
	b.WriteString("#!derived\n")
	fmt.Fprintf(b, "# Converted from the PETRARCH2 / Phoenix CAMEO dictionaries (%s) by\n", sources)
	b.WriteString("# timeline/actors/convert; do not edit: change the converter's rules\n")
	b.WriteString("# (convert/rules/*.tsv) and run `go generate ./timeline/actors`. The hand-written\n")
	b.WriteString("# tables are read first and win wherever both name an actor (the #!derived line\n")
	b.WriteString("# above tells the loader so).\n#\n")
	for _, l := range strings.Split(strings.TrimSpace(about), "\n") {
		b.WriteString("# " + l + "\n")
	}
	b.WriteString("#\n# The Phoenix dictionaries are distributed under this license (PHOENIX-LICENSE):\n#\n")
	for _, l := range strings.Split(strings.TrimSpace(string(license)), "\n") {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
}

func licenseFile(license []byte) []byte {
	var b bytes.Buffer
	b.WriteString("The files data/phoenix-*.tsv are converted from the PETRARCH2 / Phoenix CAMEO\n")
	b.WriteString("dictionaries (openeventdata/petrarch2; derived from the TABARI/KEDS dictionaries of\n")
	b.WriteString("the Computational Event Data System project), distributed under this license:\n\n")
	b.Write(bytes.TrimSpace(license))
	b.WriteString("\n")
	return b.Bytes()
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format("2006-01-02")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (o *output) peopleFile(license []byte) []byte {
	var b bytes.Buffer
	header(&b, "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt", `
People with dated roles, one term a line, in the format of people.tsv (no offices:
Phoenix does not say which office a term is). Codes are mapped onto EVENTS.md by
convert/rules/roles.tsv (the first sector after the country decides: GOVBUS is GOV)
and igo.tsv (IGOWSTNAT is IGONATO); terms out of office (ELI) are dropped, so that
after the last term the person is coded as the country + OPP; "after" is Phoenix's
undated code when it has a role. Only people with a dated political term (GOV, MIL,
OPP, REB, JUD, LEG or an organisation) are kept, and only names of two words or
more, titles and honorifics dropped. A synonym sharing no word with the name is
another person given the same codes. Dates are Phoenix's YYMMDD (00-30 are 20YY) or
YYYYMMDD; an open end is "-". The recogniser takes these people only near their
terms (see Dictionary.Find): many are minor ministers of one story.`, license)
	b.WriteString("code\tname\taliases\toffices\tfrom\tto\tafter\n")
	for _, p := range o.people {
		for i, t := range p.terms {
			aliases := "-"
			if i == 0 && len(p.aliases) > 0 {
				aliases = strings.Join(p.aliases, "|")
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t-\t%s\t%s\t%s\n", t.code, p.name, aliases, day(t.from), day(t.to), orDash(p.after))
		}
	}
	return b.Bytes()
}

func (o *output) namesFile(license []byte) []byte {
	var b bytes.Buffer
	header(&b, "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt", `
Organisations, institutions and armed groups, in the format of names.tsv: undated
records whose names look like an organisation's (a word of the institution list of
convert/rules/words.tsv, or an acronym), and every armed non-state group. IGO codes
follow igo.tsv; NGOs are their country + CVL and companies their country + BUS
(EVENTS.md); groups of no state (Phoenix IMG, INT) have no code ("-"). Single words
that are English words, names ending in a title and names Phoenix reads two ways
are dropped.`, license)
	b.WriteString("kind\tcode\tnames\n")
	for _, n := range o.names {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", n.kind, n.code, strings.Join(n.names, "|"))
	}
	return b.Bytes()
}

func (o *output) placesFile(license []byte) []byte {
	var b bytes.Buffer
	header(&b, "Phoenix.Countries.actors.txt", `
Places: the other names Phoenix gives a country (spellings, cities, provinces), one
place a line. A place is read as its country (a bare code, as EVENTS.md codes a
country named as such), never as its government: only capitals (countries.tsv)
stand for governments. Single words that are English words or part of a person's
name ("Jackson") are dropped, and so are names of places in two countries.`, license)
	b.WriteString("code\tplace\n")
	for _, p := range o.places {
		fmt.Fprintf(&b, "%s\t%s\n", p.code, p.name)
	}
	return b.Bytes()
}

func (o *output) rolesFile(license []byte) []byte {
	var b bytes.Buffer
	header(&b, "Phoenix.agents.txt", `
Agent nouns: titles (a singular noun whose head is a title of titles.tsv: a name may
follow it) and role words (a country before them makes an actor: "Iraqi lawmakers"
IRQLEG), in the formats of titles.tsv and roles.tsv. None stands alone (alone "no"):
with no country they make no actor. Roles are mapped by convert/rules/roles.tsv
(COP and SPY are GOV, UAF is REB, NGO and sectors such as EDU are CVL); phrases of
more than four words, ending in a function word, naming a place or a thing, or read
two ways are dropped.`, license)
	roles := make([]string, 0, len(o.titles))
	for r := range o.titles {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	b.WriteString("office\tcountry\trole\ttitles\n")
	for _, r := range roles {
		fmt.Fprintf(&b, "-\t-\t%s\t%s\n", r, strings.Join(o.titles[r], "|"))
	}
	roles = roles[:0]
	for r := range o.roles {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	b.WriteString("\nrole\talone\twords\n")
	for _, r := range roles {
		fmt.Fprintf(&b, "%s\tno\t%s\n", r, strings.Join(o.roles[r], "|"))
	}
	return b.Bytes()
}
