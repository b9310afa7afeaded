// Package verbs is the CAMEO verb dictionary: the verb synonym blocks and
// phrase patterns of PETRARCH2 (CAMEO.2.0.txt, MIT, Open Event Data Alliance),
// converted into data/cameo-verbs.tsv by ./convert (go generate).
//
// A verb belongs to a block of synonyms ("freeze"); the block has a base CAMEO
// code and patterns, shared by its verbs, that refine the code by the nouns
// around the verb: "* aid [162]" (freeze aid: reduce or stop aid), "* (to
// border) [154]". Lookups are by lowercase lemma; Lemmas gives the lemma of an
// inflected form the dictionary lists ("froze" -> "freeze"). Match matches the
// patterns against the words of the verb's clause, in order, the verb's
// position given: a plain sequence of lowercase words or lemmas now, the words
// of the verb's subtree in order once a parser gives one; the pattern's
// target ("+") and source ("$") are reported as positions in those words.
package verbs

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Block is a synonym block: verbs close enough in meaning to share patterns.
type Block struct {
	Key  string // its first verb, lowercase: "freeze", "come after"
	Code string // base CAMEO code, "" when the block's verbs alone are no event
	// Reverse is the event the other way round of a paired code ("040:040":
	// consulting is mutual), "" otherwise.
	Reverse  string
	Patterns []*Pattern
}

// Verb is a verb of the dictionary.
type Verb struct {
	Lemma string   // "freeze", "crack down", "re arrest"
	Head  string   // the word a parser marks as the verb: "freeze", "crack", "arrest"
	Words []string // the words of a multi-word verb, the head among them at HeadAt
	// HeadAt is the index of the head in Words.
	HeadAt int
	Code   string // the verb's own code, else its block's; "" for none
	// Reverse is the event the other way round of the verb's paired code.
	Reverse string
	Forms   []string // the inflected forms of the head ("froze", "frozen", "freezing")
	Block   *Block
}

// Dictionary is the verb dictionary. It is safe for concurrent use.
type Dictionary struct {
	blocks  map[string]*Block
	order   []*Block
	byHead  map[string][]*Verb  // head lemma -> verbs, in file order
	forms   map[string][]string // inflected form -> head lemmas
	synsets map[string][][]string
	verbs   int
}

// Table headers of the data file: a stream is one or more tables, each from
// its header row.
var headers = map[string]string{
	"block\tcode\tname":              "blocks",
	"verb\tblock\thead\tcode\tforms": "verbs",
	"synset\tphrases":                "synsets",
	"block\tcode\tpattern\tnote":     "patterns",
}

// Load reads a dictionary in the format of data/cameo-verbs.tsv: blocks before
// the verbs and patterns that name them, synsets before the patterns that use
// them.
func Load(r io.Reader) (*Dictionary, error) {
	d := &Dictionary{blocks: map[string]*Block{}, byHead: map[string][]*Verb{}, forms: map[string][]string{}, synsets: map[string][][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	table := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if t, ok := headers[line]; ok {
			table = t
			continue
		}
		if table == "" {
			return nil, fmt.Errorf("verbs: input:%d: data before a table header", n)
		}
		f := strings.Split(line, "\t")
		var err error
		switch table {
		case "blocks":
			err = d.block(f)
		case "verbs":
			err = d.verb(f)
		case "synsets":
			err = d.synset(f)
		case "patterns":
			err = d.pattern(f)
		}
		if err != nil {
			return nil, fmt.Errorf("verbs: input:%d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("verbs: %w", err)
	}
	return d, nil
}

func fields(f []string, n int) error {
	if len(f) != n {
		return fmt.Errorf("want %d tab-separated fields, got %d", n, len(f))
	}
	return nil
}

func validCode(c string) bool {
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

// pairCode reads a pattern's or a verb's code: "162", "042:043" (the event and
// the event the other way round), ":173", "---" (none).
func pairCode(s string) (fwd, rev string, err error) {
	if s == "---" || s == "-" {
		return "", "", nil
	}
	a, b, paired := strings.Cut(s, ":")
	for _, c := range []string{a, b} {
		if c != "" && c != "---" && !validCode(c) {
			return "", "", fmt.Errorf("bad CAMEO code %q", s)
		}
	}
	if a == "---" {
		a = ""
	}
	if b == "---" {
		b = ""
	}
	if !paired {
		if a == "" {
			return "", "", fmt.Errorf("bad CAMEO code %q", s)
		}
		return a, "", nil
	}
	return a, b, nil
}

func (d *Dictionary) block(f []string) error {
	if err := fields(f, 3); err != nil {
		return err
	}
	if f[0] == "" {
		return fmt.Errorf("no block key")
	}
	if _, dup := d.blocks[f[0]]; dup {
		return fmt.Errorf("block %q twice", f[0])
	}
	c, rev, err := pairCode(f[1])
	if err != nil {
		return err
	}
	b := &Block{Key: f[0], Code: c, Reverse: rev}
	d.blocks[f[0]] = b
	d.order = append(d.order, b)
	return nil
}

func (d *Dictionary) verb(f []string) error {
	if err := fields(f, 5); err != nil {
		return err
	}
	b := d.blocks[f[1]]
	if b == nil {
		return fmt.Errorf("verb %q: unknown block %q", f[0], f[1])
	}
	v := &Verb{Lemma: f[0], Head: f[2], Words: strings.Fields(f[0]), Block: b}
	v.HeadAt = -1
	for i, w := range v.Words {
		if w == v.Head {
			v.HeadAt = i
			break
		}
	}
	if v.HeadAt < 0 {
		return fmt.Errorf("verb %q: head %q is not one of its words", f[0], f[2])
	}
	c, rev, err := pairCode(f[3])
	if err != nil {
		return err
	}
	v.Code, v.Reverse = c, rev
	if f[3] == "-" {
		v.Code, v.Reverse = b.Code, b.Reverse
	}
	for _, form := range list(f[4]) {
		ws := strings.Fields(form)
		if len(ws) != len(v.Words) {
			return fmt.Errorf("verb %q: form %q has not its words", f[0], form)
		}
		h := ws[v.HeadAt]
		v.Forms = append(v.Forms, h)
		if !contains(d.forms[h], v.Head) {
			d.forms[h] = append(d.forms[h], v.Head)
		}
	}
	d.byHead[v.Head] = append(d.byHead[v.Head], v)
	d.verbs++
	return nil
}

func (d *Dictionary) synset(f []string) error {
	if err := fields(f, 2); err != nil {
		return err
	}
	if !strings.HasPrefix(f[0], "&") {
		return fmt.Errorf("synset %q does not start with &", f[0])
	}
	var ps [][]string
	for _, p := range list(f[1]) {
		ps = append(ps, strings.Fields(p))
	}
	if len(ps) == 0 {
		return fmt.Errorf("synset %q has no phrase", f[0])
	}
	d.synsets[f[0]] = ps
	return nil
}

func (d *Dictionary) pattern(f []string) error {
	if err := fields(f, 4); err != nil {
		return err
	}
	b := d.blocks[f[0]]
	if b == nil {
		return fmt.Errorf("pattern %q: unknown block %q", f[2], f[0])
	}
	fwd, rev, err := pairCode(f[1])
	if err != nil {
		return err
	}
	p, err := compile(f[2], d.synsets)
	if err != nil {
		return fmt.Errorf("pattern %q: %w", f[2], err)
	}
	p.Code, p.Reverse, p.Block = fwd, rev, b
	b.Patterns = append(b.Patterns, p)
	return nil
}

func list(s string) []string {
	if s == "-" || s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

//go:embed data/cameo-verbs.tsv
var data []byte

var defaultDict = sync.OnceValues(func() (*Dictionary, error) {
	return Load(bytes.NewReader(data))
})

// Default returns the embedded dictionary, loaded once and shared.
func Default() (*Dictionary, error) { return defaultDict() }

// Blocks returns the number of synonym blocks.
func (d *Dictionary) Blocks() int { return len(d.order) }

// Verbs returns the number of verbs.
func (d *Dictionary) Verbs() int { return d.verbs }

// Block returns a block by its key ("freeze").
func (d *Dictionary) Block(key string) (*Block, bool) {
	b, ok := d.blocks[key]
	return b, ok
}

// Lemmas returns the lemmas of the verbs a lowercase word is a form of, the
// word itself included when it is a lemma: "froze" -> ["freeze"], "left" ->
// ["leave"], "freeze" -> ["freeze"]. A form of several verbs ("found": find,
// found) gives each.
func (d *Dictionary) Lemmas(word string) []string {
	var out []string
	if len(d.byHead[word]) > 0 {
		out = append(out, word)
	}
	for _, l := range d.forms[word] {
		if !contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// Lookup returns the verbs whose head is lemma, in the dictionary's order: the
// single-word verb and the multi-word verbs built on it ("crack", "crack
// down"). A lemma in two blocks is read, as PETRARCH2 reads it, in the first.
func (d *Dictionary) Lookup(lemma string) []*Verb {
	return d.byHead[lemma]
}
