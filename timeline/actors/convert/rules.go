package main

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed rules/*.tsv
var rulesFS embed.FS

// rules are the converter's mapping tables (rules/*.tsv) and what it reads of
// the hand-written dictionary (../data): the country codes, the historical
// states coded as their successors, the titles and role words, and every name
// the hand-written tables already give.
type rules struct {
	roles    map[string]string // Phoenix segment -> role, "out" or "-"
	agentOK  map[string]bool   // Phoenix segments whose agent nouns are kept
	igo      []igoPrefix       // longest first
	lists    map[string]map[string]bool
	country  map[string]bool     // codes of countries.tsv
	hist     map[string]string   // "USR" -> "RUS", and Phoenix's slips ("ANG" -> "AGO")
	titles   map[string]bool     // every title phrase, keyed
	heads    map[string]bool     // the last word of every title ("minister")
	ours     map[string]bool     // every name of countries.tsv and names.tsv, keyed
	country1 map[string][]string // code -> the keyed names and adjectives of countries.tsv
	ourRoles map[string]bool     // every role word of roles.tsv, keyed
	common   map[string]bool     // lowercase English words (UD English Web Treebank)
}

type igoPrefix struct{ prefix, code string }

// table reads a tab-separated table with "#" comments and a header row.
func table(name string, r io.Reader, header string) ([][]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows [][]string
	seen := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !seen {
			if line != header {
				return nil, fmt.Errorf("%s:%d: header %q, want %q", name, n, line, header)
			}
			seen = true
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != strings.Count(header, "\t")+1 {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, n, strings.Count(header, "\t")+1, len(f))
		}
		rows = append(rows, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !seen {
		return nil, fmt.Errorf("%s: no header %q", name, header)
	}
	return rows, nil
}

func splitList(f string) []string {
	if f == "-" || f == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(f, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func embedded(name, header string) ([][]string, error) {
	f, err := rulesFS.Open("rules/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return table(name, f, header)
}

func fileTable(path, header string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return table(path, f, header)
}

// loadRules reads the embedded rules, the hand-written tables in dataDir and the
// lowercase words of the CoNLL-U files in ewtDir.
func loadRules(dataDir, ewtDir string) (*rules, error) {
	ru := &rules{
		roles: map[string]string{}, agentOK: map[string]bool{}, lists: map[string]map[string]bool{}, country: map[string]bool{},
		hist: map[string]string{}, country1: map[string][]string{}, titles: map[string]bool{}, heads: map[string]bool{}, ours: map[string]bool{},
		ourRoles: map[string]bool{},
	}
	rows, err := embedded("roles.tsv", "phoenix\trole\tagents\tmeaning")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		ru.roles[r[0]] = r[1]
		ru.agentOK[r[0]] = r[2] == "yes"
	}
	if rows, err = embedded("igo.tsv", "prefix\tcode\torganisation"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		ru.igo = append(ru.igo, igoPrefix{r[0], r[1]})
	}
	sort.SliceStable(ru.igo, func(i, j int) bool { return len(ru.igo[i].prefix) > len(ru.igo[j].prefix) })
	if rows, err = embedded("words.tsv", "list\twords"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		set := map[string]bool{}
		for _, w := range splitList(r[1]) {
			set[w] = true
		}
		ru.lists[r[0]] = set
	}
	for _, l := range []string{"institution", "honorific", "nonactor", "function", "generic"} {
		if ru.lists[l] == nil {
			return nil, fmt.Errorf("rules/words.tsv: no list %q", l)
		}
	}

	if rows, err = fileTable(filepath.Join(dataDir, "countries.tsv"), "code\tnames\tadjectives\tcapitals\tplurals"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		code := r[0]
		if h, c, ok := strings.Cut(code, ">"); ok {
			ru.hist[h] = c
			code = c
		}
		ru.country[code] = true
		for i, f := range r[1:] {
			for _, n := range splitList(f) {
				ru.ours[key(n)] = true
				if i < 2 { // names and adjectives, not capitals or plurals
					ru.country1[code] = append(ru.country1[code], key(n))
				}
			}
		}
	}
	if rows, err = fileTable(filepath.Join(dataDir, "names.tsv"), "kind\tcode\tnames"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, n := range splitList(r[2]) {
			ru.ours[key(n)] = true
		}
	}
	if rows, err = fileTable(filepath.Join(dataDir, "titles.tsv"), "office\tcountry\trole\ttitles"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, t := range splitList(r[3]) {
			k := key(t)
			ru.titles[k] = true
			ru.heads[phraseHead(strings.Fields(k))] = true
		}
	}
	if rows, err = fileTable(filepath.Join(dataDir, "roles.tsv"), "role\talone\twords"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		for _, w := range splitList(r[2]) {
			ru.ourRoles[key(w)] = true
		}
	}
	if rows, err = embedded("countries.tsv", "phoenix\tcode\tcountry"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		if ru.country[r[1]] || r[1] == "-" { // a slip for a country the tables know, or a region
			ru.hist[r[0]] = r[1]
		}
	}
	if ru.common, err = commonWords(ewtDir); err != nil {
		return nil, err
	}
	return ru, nil
}

// commonWords returns the words the English Web Treebank writes in lowercase
// outside proper nouns: a single-word name that is one of them ("Nice",
// "Mobile", "Reading") is too often the word to be taken for a place or a
// group.
func commonWords(dir string) (map[string]bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no .conllu files in %s", dir)
	}
	sort.Strings(files)
	words := map[string]bool{}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			c := strings.Split(line, "\t")
			if len(c) < 4 || c[3] == "PROPN" || c[1] == "" {
				continue
			}
			if w := c[1]; w[0] >= 'a' && w[0] <= 'z' {
				words[strings.ToLower(w)] = true
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return words, nil
}

// phraseHead returns the head noun of a title or role phrase: the word before
// its first preposition ("head of state", "commander in chief"), else its last
// word ("foreign minister").
func phraseHead(ws []string) string {
	for i := 1; i < len(ws); i++ {
		switch ws[i] {
		case "of", "for", "in", "at", "to", "on":
			return ws[i-1]
		}
	}
	return ws[len(ws)-1]
}
