// Command convert turns the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt)
// into the verbs package's table, data/cameo-verbs.tsv: its synonym blocks and
// their base codes, every verb with its inflected forms, the patterns of each
// block one a line, and the noun synonym sets the patterns use; and its
// license, data/CAMEO-LICENSE.
//
// It is run by go generate in timeline/verbs:
//
//	go run ./convert -src ../../../shared/lexicons/petrarch2 -out data
//
// The output is a pure function of CAMEO.2.0.txt: the same input gives the same
// bytes.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

func main() {
	src := flag.String("src", "", "directory of the PETRARCH2 dictionaries (CAMEO.2.0.txt)")
	out := flag.String("out", "data", "directory the table is written to")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: convert -src DIR [-out DIR]\n\nConverts CAMEO.2.0.txt into cameo-verbs.tsv.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *src == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*src, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "convert:", err)
		os.Exit(1)
	}
}

const source = "CAMEO.2.0.txt"

func run(src, out string, log io.Writer) error {
	f, err := os.Open(filepath.Join(src, source))
	if err != nil {
		return err
	}
	d, err := parse(source, f)
	f.Close()
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{"cameo-verbs.tsv": d.table(), "CAMEO-LICENSE": d.licenseFile()} {
		tmp := filepath.Join(out, name+".tmp")
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, filepath.Join(out, name)); err != nil {
			return err
		}
	}
	fmt.Fprintf(log, "blocks %d, verbs %d, patterns %d, synsets %d\n", len(d.blocks), d.verbCount(), d.patternCount(), len(d.usedSynsets()))
	keys := make([]string, 0, len(d.stats))
	for k := range d.stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(log, "  %s: %d\n", k, d.stats[k])
	}
	return nil
}

type verb struct {
	lemma  string   // "freeze", "crack down"
	head   string   // "freeze", "crack"
	code   string   // its own code, "" for the block's
	forms  []string // inflected forms of the head word
	phrase []string // inflected forms of the whole verb, for a multi-word verb
}

type pattern struct {
	code, text, note string
}

type block struct {
	key, name, code string
	verbs           []verb
	patterns        []pattern
}

type dict struct {
	license  []string
	synsets  map[string][]string // "&currency" -> phrases, plurals formed
	noPlural map[string]bool
	order    []string // synsets in file order
	blocks   []*block
	stats    map[string]int
}

var (
	blockRE = regexp.MustCompile(`^---\s+(\S+)\s+\[([^\]]*)\]`)
	codeRE  = regexp.MustCompile(`\[([^\]]*)\]`)
)

// parse reads the verb dictionary (dictionaries.rst, "Verb Dictionary").
func parse(name string, r io.Reader) (*dict, error) {
	d := &dict{synsets: map[string][]string{}, noPlural: map[string]bool{}, stats: map[string]int{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var cur *block
	synset := ""
	inLicense := false
	patterns := false
	for n := 1; sc.Scan(); n++ {
		raw := strings.TrimRight(sc.Text(), "\r")
		where := fmt.Sprintf("%s:%d", name, n)
		if strings.HasPrefix(raw, "#") {
			// The license is kept word for word in the table's header.
			text := strings.TrimPrefix(strings.TrimPrefix(raw, "#"), " ")
			if strings.HasPrefix(text, "The MIT License") {
				inLicense = true
			}
			if inLicense {
				d.license = append(d.license, text)
				if strings.Contains(text, "SOFTWARE.") && strings.Contains(text, "DEALINGS") {
					inLicense = false
				}
			}
			if strings.Contains(raw, "VERB PATTERNS") {
				patterns = true
			}
			continue
		}
		line := strings.TrimSpace(stripComment(raw))
		if line == "" {
			synset = ""
			continue
		}
		switch {
		case !patterns && strings.HasPrefix(line, "&"):
			synset = strings.ToLower(strings.Fields(line)[0])
			if strings.HasSuffix(synset, "_") {
				synset = strings.TrimSuffix(synset, "_")
				d.noPlural[synset] = true
			}
			if _, dup := d.synsets[synset]; !dup {
				d.order = append(d.order, synset)
			}
			d.synsets[synset] = d.synsets[synset][:0:0]
		case !patterns && strings.HasPrefix(line, "+"):
			if synset == "" {
				return nil, fmt.Errorf("%s: a synonym outside a synset", where)
			}
			p := strings.ToLower(strings.TrimPrefix(line, "+"))
			plural := !d.noPlural[synset] && !strings.HasSuffix(p, "_")
			p = strings.Join(strings.Fields(strings.ReplaceAll(p, "_", " ")), " ")
			if p == "" {
				continue
			}
			d.synsets[synset] = appendNew(d.synsets[synset], p)
			if plural {
				d.synsets[synset] = appendNew(d.synsets[synset], nounPlural(p))
			}
		case !patterns:
			return nil, fmt.Errorf("%s: %q before the verb patterns", where, line)
		case strings.HasPrefix(line, "---"):
			m := blockRE.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("%s: bad block header %q", where, line)
			}
			code, ok := cameoCode(m[2])
			if !ok {
				return nil, fmt.Errorf("%s: bad code %q", where, m[2])
			}
			cur = &block{key: strings.ToLower(strings.TrimSpace(strings.ReplaceAll(m[1], "_", " "))), name: m[1], code: code}
			d.blocks = append(d.blocks, cur)
		case strings.HasPrefix(line, "~"):
			d.stats["verb-verb transformations (~) not converted"]++
		case strings.HasPrefix(line, "-"):
			if cur == nil {
				return nil, fmt.Errorf("%s: a pattern before any block", where)
			}
			if err := d.pattern(cur, raw, where); err != nil {
				d.stats["patterns dropped: "+err.Error()]++
			}
		default:
			if cur == nil {
				return nil, fmt.Errorf("%s: a verb before any block", where)
			}
			v, err := parseVerb(line)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			cur.verbs = append(cur.verbs, v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(d.license) == 0 {
		return nil, fmt.Errorf("%s: no license in the header", name)
	}
	return d, nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// stripComment drops a "#" comment, and a ";" one (TABARI's).
func stripComment(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		s = s[:i]
	}
	return s
}

// cameoCode checks a code as the dictionary writes it: "---" (no event), a
// CAMEO code of 2-4 digits whose root is 01-20, or a pair "042:043" whose
// second code is the event the other way round (TABARI's paired codes; either
// side may be empty: ":173"). A trailing "!" (one pattern has "080!") is
// dropped. The null code is returned as "---".
func cameoCode(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "!"))
	if s == "---" {
		return s, true
	}
	a, b, paired := strings.Cut(s, ":")
	if !validCode(a, paired) || paired && !validCode(b, true) || paired && a == "" && b == "" {
		return "", false
	}
	return s, true
}

func validCode(c string, mayBeEmpty bool) bool {
	if c == "" || c == "---" {
		return mayBeEmpty
	}
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	root := int(c[0]-'0')*10 + int(c[1]-'0')
	return root >= 1 && root <= 20
}

// pattern reads a pattern line: "- pre * post [code] # note".
func (d *dict) pattern(b *block, raw, where string) error {
	text, note, _ := strings.Cut(raw, "#")
	m := codeRE.FindStringSubmatchIndex(text)
	if m == nil {
		return fmt.Errorf("no code")
	}
	code, ok := cameoCode(text[m[2]:m[3]])
	if !ok {
		return fmt.Errorf("not a CAMEO code")
	}
	p := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[:m[0]]), "-"))
	// "*" is a word of its own even when written against one ("*SCEPTICAL").
	p = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(p, "*", " * ")), " "))
	if strings.Count(p, "*") != 1 {
		return fmt.Errorf("not one verb (*)")
	}
	if strings.Count(p, "{") != strings.Count(p, "}") || strings.Count(p, "(") != strings.Count(p, ")") {
		return fmt.Errorf("unbalanced brackets")
	}
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return strings.ContainsRune(" {}()", r) }) {
		if strings.HasPrefix(w, "&") {
			if _, ok := d.synsets[w]; !ok {
				return fmt.Errorf("undefined synset")
			}
		}
	}
	note = strings.Join(strings.Fields(note), " ")
	for _, dup := range b.patterns {
		if dup.text == p && dup.code == code {
			d.stats["patterns repeated in their block"]++
			return nil
		}
	}
	b.patterns = append(b.patterns, pattern{code: code, text: p, note: note})
	return nil
}

// parseVerb reads a verb line: "FREEZE {FREEZES FREEZING FROZE FROZEN} [160]",
// "+CRACK_DOWN {+CRACKED_DOWN , +CRACKS_DOWN}", "RE_+ARREST".
func parseVerb(line string) (verb, error) {
	var v verb
	if m := codeRE.FindStringSubmatchIndex(line); m != nil {
		code, ok := cameoCode(line[m[2]:m[3]])
		if !ok {
			return v, fmt.Errorf("bad code %q", line[m[2]:m[3]])
		}
		v.code = code
		line = line[:m[0]] + line[m[1]:]
	}
	var forms []string
	hasForms := false
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.IndexByte(line, '}')
		if j < i {
			return v, fmt.Errorf("unclosed {")
		}
		hasForms = true
		forms = strings.Fields(strings.ReplaceAll(line[i+1:j], ",", " "))
		line = line[:i] + line[j+1:]
	}
	f := strings.Fields(line)
	if len(f) != 1 {
		return v, fmt.Errorf("verb %q: want one phrase", line)
	}
	words, head := splitVerb(f[0])
	v.lemma = strings.Join(words, " ")
	v.head = words[head]
	if hasForms {
		for _, form := range forms {
			fw, fh := splitVerb(form)
			v.forms = appendNew(v.forms, fw[fh])
			if len(fw) > 1 {
				v.phrase = appendNew(v.phrase, strings.Join(fw, " "))
			}
		}
	} else {
		for _, form := range verbForms(v.head) {
			v.forms = appendNew(v.forms, form)
			if len(words) > 1 {
				fw := append([]string{}, words...)
				fw[head] = form
				v.phrase = appendNew(v.phrase, strings.Join(fw, " "))
			}
		}
	}
	return v, nil
}

// splitVerb splits a verb phrase on "_" and returns its lowercase words and
// the index of the verb, the word marked "+" (the only word when there is one).
func splitVerb(s string) ([]string, int) {
	parts := strings.Split(strings.ToLower(s), "_")
	var words []string
	head := 0
	for _, p := range parts {
		if p == "" {
			continue
		}
		if strings.HasPrefix(p, "+") {
			head = len(words)
			p = p[1:]
		}
		words = append(words, p)
	}
	return words, head
}

// verbForms forms the regular forms of a verb as PETRARCH2 does: -s/-es/-ies,
// -ed/-d, -ing (dropping an -e after a consonant). Irregular verbs list theirs.
func verbForms(v string) []string {
	var out []string
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
		out = append(out, v+"es")
	case strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		out = append(out, v[:len(v)-1]+"ies")
	default:
		out = append(out, v+"s")
	}
	switch {
	case strings.HasSuffix(v, "e"):
		out = append(out, v+"d")
	case strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		out = append(out, v[:len(v)-1]+"ied")
	default:
		out = append(out, v+"ed")
	}
	if strings.HasSuffix(v, "e") && len(v) > 2 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])) {
		out = append(out, v[:len(v)-1]+"ing")
	} else {
		out = append(out, v+"ing")
	}
	return out
}

// nounPlural forms a synset phrase's plural on its last word.
func nounPlural(p string) string {
	ws := strings.Fields(p)
	last := ws[len(ws)-1]
	switch {
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		last = last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "s") || strings.HasSuffix(last, "x") || strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		last += "es"
	default:
		last += "s"
	}
	ws[len(ws)-1] = last
	return strings.Join(ws, " ")
}

func (d *dict) verbCount() int {
	n := 0
	for _, b := range d.blocks {
		n += len(b.verbs)
	}
	return n
}

func (d *dict) patternCount() int {
	n := 0
	for _, b := range d.blocks {
		n += len(b.patterns)
	}
	return n
}

var synsetRE = regexp.MustCompile(`&[a-z0-9_]+`)

// usedSynsets returns the synsets some pattern names, in file order: only the
// noun vocabulary the patterns need is kept.
func (d *dict) usedSynsets() []string {
	used := map[string]bool{}
	for _, b := range d.blocks {
		for _, p := range b.patterns {
			for _, s := range synsetRE.FindAllString(p.text, -1) {
				used[s] = true
			}
		}
	}
	var out []string
	for _, s := range d.order {
		if used[s] {
			out = append(out, s)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// table writes the four tables of cameo-verbs.tsv, in the file's order.
func (d *dict) table() []byte {
	var b bytes.Buffer
	b.WriteString(`# The CAMEO verb dictionary of PETRARCH2 (CAMEO.2.0.txt, openeventdata/petrarch2),
# converted by timeline/verbs/convert; do not edit: run go generate ./timeline/verbs.
#
# blocks: each synonym block of verbs, keyed by its first verb, with the base code
#   the verbs of the block carry when no pattern matches ("-": no event).
# verbs: each verb, its block, the word a parser marks as the verb (head), its own
#   code ("-": the block's), and the inflected forms of the head; a multi-word verb
#   ("crack down") is matched on its head and the words around it.
# synsets: the noun synonym sets the patterns name (&currency), plurals formed.
# patterns: one a line, shared by every verb of the block. Codes are CAMEO codes;
#   "042:043" is an event and, after the colon, the event the other way round
#   (the target hosts the source), ":173" the reverse event only, "---" no event.
#   A pattern is PETRARCH2's: the nouns before the verb, "*" the verb, the nouns
#   after it; {a b} a noun phrase of head b, (p x) a prepositional phrase of p and
#   its noun x, &set any phrase of a synset, "+" the target, "$" the source, "%" a
#   compound source, "^" any noun phrase. note: the verbs the pattern came from.
# Verb-verb transformations ("~" lines) are not converted.
#
# CAMEO.2.0.txt is distributed under this license:
#
`)
	for _, l := range d.license {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	b.WriteString("\nblock\tcode\tname\n")
	for _, bl := range d.blocks {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", bl.key, dashNull(bl.code), bl.name)
	}
	b.WriteString("\nverb\tblock\thead\tcode\tforms\n")
	for _, bl := range d.blocks {
		for _, v := range bl.verbs {
			forms := v.forms
			if len(v.phrase) > 0 {
				forms = v.phrase
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", v.lemma, bl.key, v.head, orDash(dashNull(v.code)), orDash(strings.Join(forms, "|")))
		}
	}
	b.WriteString("\nsynset\tphrases\n")
	for _, s := range d.usedSynsets() {
		fmt.Fprintf(&b, "%s\t%s\n", s, strings.Join(d.synsets[s], "|"))
	}
	b.WriteString("\nblock\tcode\tpattern\tnote\n")
	for _, bl := range d.blocks {
		for _, p := range bl.patterns {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", bl.key, p.code, p.text, orDash(p.note))
		}
	}
	return b.Bytes()
}

func (d *dict) licenseFile() []byte {
	var b bytes.Buffer
	b.WriteString("data/cameo-verbs.tsv is converted from the CAMEO verb dictionary of PETRARCH2\n")
	b.WriteString("(CAMEO.2.0.txt, openeventdata/petrarch2), distributed under this license:\n\n")
	for _, l := range d.license {
		b.WriteString(l + "\n")
	}
	return b.Bytes()
}

// dashNull writes the block and verb code "---" (no event) as "-".
func dashNull(code string) string {
	if code == "---" {
		return "-"
	}
	return code
}
