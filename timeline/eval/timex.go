package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/timeml"
)

// TimexDoc is a TimeML document as the TIMEX3 scorer sees it: the plain text of
// <TEXT> and its TIMEX3 and EVENT elements with character (rune) offsets, because
// te3score.py works on Python strings.
type TimexDoc struct {
	Path  string
	DocID string // "" when the file has none
	DCT   string // the DCT's value attribute, "" when absent
	Text  string // plain text of <TEXT>
	text  []rune
	elems []element
}

// element is a TIMEX3 or EVENT with rune offsets into the plain text.
type element struct {
	kind       string
	tag        string // opening tag as written
	start, end int
	raw        string
	nested     bool
	idx        int
}

// ParseTimexDoc parses a TimeML document; path names it (for pairing by file
// name and in messages).
func ParseTimexDoc(path string, data []byte) (*TimexDoc, error) {
	f, err := timeml.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	d := &TimexDoc{Path: path, Text: f.Body, text: []rune(f.Body)}
	raw := timeml.Normalize(data)
	// The DOCID as te3score.py reads it, to pair and name documents alike:
	// not entity-decoded.
	if m := reDocID.FindStringSubmatch(raw); m != nil {
		d.DocID = pyStrip(m[1])
	}
	// The DCT value as te3score.py reads it: the first value="..." of the first
	// TIMEX3 tag inside <DCT>, not entity-decoded.
	if m := reDCT.FindStringSubmatch(raw); m != nil {
		if t := reTimexTag.FindString(m[1]); t != "" {
			d.DCT, _ = attrFirst(t, "value")
		}
	}
	// Byte offsets into Body to rune offsets.
	runeAt := make([]int, len(f.Body)+1)
	n := 0
	for i := range f.Body {
		runeAt[i] = n
		n++
	}
	runeAt[len(f.Body)] = n
	for i, el := range f.Elements {
		d.elems = append(d.elems, element{kind: el.Name, tag: el.Tag, start: runeAt[el.Start],
			end: runeAt[el.End], raw: el.Raw, nested: el.Nested, idx: i})
	}
	return d, nil
}

var (
	reDocID    = regexp.MustCompile(`(?s)<DOCID>\s*(.*?)\s*</DOCID>`)
	reDCT      = regexp.MustCompile(`(?s)<DCT>(.*?)</DCT>`)
	reTimexTag = regexp.MustCompile(`<TIMEX3\b[^>]*>`)
)

// Document is the article a tagger is given to produce the system side of a
// pair: the plain text, DOCID and DCT (zero when absent or unparsable).
func (d *TimexDoc) Document() timeline.Document {
	doc := timeline.Document{ID: d.DocID, Body: d.Text, Path: d.Path}
	if doc.ID == "" {
		doc.ID = baseName(d.Path)
	}
	doc.DCT, _ = timeml.ParseDCT(d.DCT)
	return doc
}

// ReadTimexDoc reads and parses the TimeML file at path.
func ReadTimexDoc(path string) (*TimexDoc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return ParseTimexDoc(path, data)
}

// attrFirst is te3score.py's attr_first: the first name="..." in the tag text.
func attrFirst(tag, name string) (string, bool) {
	i := 0
	for {
		k := strings.Index(tag[i:], name+`="`)
		if k < 0 {
			return "", false
		}
		start := i + k + len(name) + 2
		end := strings.IndexByte(tag[start:], '"')
		if end >= 0 {
			return tag[start : start+end], true
		}
		i = i + k + 1
	}
}

// TimexPair is a gold document and the system's answer for it (nil: none, scored
// as an empty answer).
type TimexPair struct {
	Gold, System *TimexDoc
}

// LoadTimexDocs reads every TimeML file under root (or root itself when it is a
// file), in te3score.py's order. Files that cannot be used are skipped with a
// warning.
func LoadTimexDocs(root, what string) (docs []*TimexDoc, warnings []string, err error) {
	paths, err := listFiles(root)
	if err != nil {
		return nil, nil, fmt.Errorf("eval: list %s files: %w", what, err)
	}
	for _, p := range paths {
		d, err := ReadTimexDoc(p)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("warning: skipping %s file %s: %v", what, p, err))
			continue
		}
		docs = append(docs, d)
	}
	return docs, warnings, nil
}

// LoadTimexPairs loads the gold and system TimeML files under goldDir and sysDir
// and pairs them as te3score.py does (PairTimexDocs). The warnings are those the
// reference prints: skipped files and system files matched to no gold document.
func LoadTimexPairs(goldDir, sysDir string) ([]TimexPair, []string, error) {
	gold, w1, err := LoadTimexDocs(goldDir, "gold")
	if err != nil {
		return nil, nil, err
	}
	sys, w2, err := LoadTimexDocs(sysDir, "system")
	if err != nil {
		return nil, nil, err
	}
	pairs, unpaired := PairTimexDocs(gold, sys)
	warnings := append(w1, w2...)
	for _, d := range unpaired {
		warnings = append(warnings, "warning: system file not matched to any gold document: "+d.Path)
	}
	return pairs, warnings, nil
}

// listFiles is te3score.py's _list_files: os.walk order (a directory's files,
// sorted, before its subdirectories, sorted), skipping hidden files, scripts,
// notes, JSON and READMEs. Symbolic links to directories are not followed.
func listFiles(root string) ([]string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{root}, nil
	}
	var found []string
	var walk func(dir string) error
	walk = func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		var dirs []string
		for _, e := range entries { // ReadDir sorts by name
			p := filepath.Join(dir, e.Name())
			isDir := e.IsDir()
			if e.Type()&os.ModeSymlink != 0 {
				if st, err := os.Stat(p); err == nil && st.IsDir() {
					continue // listed by os.walk as a directory, but not walked into
				}
			}
			if isDir {
				dirs = append(dirs, p)
				continue
			}
			name := e.Name()
			if strings.HasPrefix(name, ".") || name == "README" || name == "README.txt" {
				continue
			}
			skip := false
			for _, ext := range []string{".py", ".md", ".json", ".jsonl"} {
				skip = skip || strings.HasSuffix(name, ext)
			}
			if !skip {
				found = append(found, p)
			}
		}
		for _, d := range dirs {
			if err := walk(d); err != nil {
				return err
			}
		}
		return nil
	}
	return found, walk(root)
}

var reSuffix = regexp.MustCompile(`(\.(tml|TE3input|te3input|xml|timeml|TimeML|txt|out))+$`)

// baseName is a file name without suffixes such as .tml and .TE3input, so that
// X.tml, X.tml.TE3input and X.tml.TE3input.tml all pair with X.tml.
func baseName(path string) string {
	return reSuffix.ReplaceAllString(filepath.Base(path), "")
}

// PairTimexDocs pairs each gold document with a system document: by DOCID, else
// by base file name, else by the one unused system file whose base name is a
// prefix of the gold's or has it as a prefix. It also returns the system
// documents paired with none.
func PairTimexDocs(gold, system []*TimexDoc) (pairs []TimexPair, unpaired []*TimexDoc) {
	byID := map[string]*TimexDoc{}
	type based struct {
		base string
		doc  *TimexDoc
	}
	var byBase []based // insertion order matters for the prefix candidates
	baseIdx := map[string]int{}
	for _, d := range system {
		if _, ok := byID[d.DocID]; d.DocID != "" && !ok {
			byID[d.DocID] = d
		}
		b := baseName(d.Path)
		if _, ok := baseIdx[b]; !ok {
			baseIdx[b] = len(byBase)
			byBase = append(byBase, based{b, d})
		}
	}
	used := map[*TimexDoc]bool{}
	for _, g := range gold {
		var s *TimexDoc
		if g.DocID != "" {
			s = byID[g.DocID]
		}
		gb := baseName(g.Path)
		if s == nil {
			if i, ok := baseIdx[gb]; ok {
				s = byBase[i].doc
			}
		}
		if s == nil {
			var cands []*TimexDoc
			for _, bd := range byBase {
				if (strings.HasPrefix(bd.base, gb) || strings.HasPrefix(gb, bd.base)) && !used[bd.doc] {
					cands = append(cands, bd.doc)
				}
			}
			if len(cands) == 1 {
				s = cands[0]
			}
		}
		if s != nil {
			used[s] = true
		}
		pairs = append(pairs, TimexPair{Gold: g, System: s})
	}
	for _, d := range system {
		if !used[d] {
			unpaired = append(unpaired, d)
		}
	}
	return pairs, unpaired
}

// label is what a token carries: nothing, or the beginning or inside of an
// element.
type label struct {
	el    *element
	begin bool
}

// tokenLabels marks each token with the element covering it: from the token in
// which the opening tag falls to the token before the one in which the closing
// tag falls. Later elements overwrite earlier ones.
func tokenLabels(elements []element, spans []span) []label {
	labels := make([]label, len(spans))
	// bisectRight(x): index of the first token ending after x.
	bisectRight := func(x int) int {
		return sort.Search(len(spans), func(i int) bool { return spans[i].end > x })
	}
	for i := range elements {
		el := &elements[i]
		open := bisectRight(el.start)
		if open >= len(spans) {
			continue
		}
		if el.end <= el.start {
			// An empty element only marks a token when it sits inside it.
			if spans[open].start < el.start {
				labels[open] = label{el, true}
			}
			continue
		}
		closeAt := bisectRight(el.end)
		labels[open] = label{el, true}
		for t := open + 1; t < min(closeAt, len(spans)); t++ {
			labels[t] = label{el, false}
		}
	}
	return labels
}

// align walks the tokens in order: a timex starting while a timex of the other
// annotation is open is paired with it, unless it was already paired with that
// one. It returns the normalised id of each element index, per annotation.
func align(gold, sys []label) [2]map[int]int {
	annots := [2][]label{gold, sys}
	nextID := 1
	var openID, lastUsed [2]int
	maps := [2]map[int]int{{}, {}}
	isTimexBegin := func(l label) bool { return l.el != nil && l.el.kind == "TIMEX3" && l.begin }
	for t := range gold {
		for a := range 2 {
			if l := annots[a][t]; l.el == nil || isTimexBegin(l) {
				openID[a] = 0
			}
		}
		for a := range 2 {
			l := annots[a][t]
			if !isTimexBegin(l) {
				continue
			}
			openID[a] = nextID
			other := 1 - a
			if openID[other] != 0 && lastUsed[a] < openID[other] {
				openID[a] = openID[other]
			}
			lastUsed[a] = openID[a]
			if openID[a] == nextID {
				nextID++
			}
			maps[a][l.el.idx] = openID[a]
		}
	}
	return maps
}

// scorable returns the timexes the official scorer sees, by normalised id: not
// nested, and aligned (so covering a token).
func scorable(elements []element, mapping map[int]int) map[int]*element {
	out := map[int]*element{}
	for i := range elements {
		el := &elements[i]
		id, ok := mapping[el.idx]
		if el.kind != "TIMEX3" || el.nested || !ok {
			continue
		}
		out[id] = el
	}
	return out
}

// content is the raw content compared for a strict match (&quot; read as ").
func (el *element) content() string { return strings.ReplaceAll(el.raw, "&quot;", `"`) }

func pyStrip(s string) string { return strings.TrimFunc(s, pyIsSpace) }

// TimexCounts are the counts behind the TIMEX3 figures.
type TimexCounts struct {
	Gold, System, Relaxed, Strict, Type, Value int
}

// Add adds o to c.
func (c *TimexCounts) Add(o TimexCounts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Relaxed += o.Relaxed
	c.Strict += o.Strict
	c.Type += o.Type
	c.Value += o.Value
}

// TimexMetrics are the TempEval-3 figures, as fractions.
type TimexMetrics struct {
	StrictP, StrictR, StrictF1    float64
	RelaxedP, RelaxedR, RelaxedF1 float64
	ValueAccuracy, TypeAccuracy   float64
	ValueF1, TypeF1               float64 // accuracy × relaxed F1
}

// Metrics computes the figures; with no timex on either side all are 1.
func (c TimexCounts) Metrics() TimexMetrics {
	if c.Gold == 0 && c.System == 0 {
		return TimexMetrics{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	}
	prf := func(match int) (p, r, f float64) {
		if c.System != 0 {
			p = float64(match) / float64(c.System)
		}
		if c.Gold != 0 {
			r = float64(match) / float64(c.Gold)
		}
		if p+r != 0 {
			f = 2 * p * r / (p + r)
		}
		return p, r, f
	}
	var m TimexMetrics
	m.StrictP, m.StrictR, m.StrictF1 = prf(c.Strict)
	m.RelaxedP, m.RelaxedR, m.RelaxedF1 = prf(c.Relaxed)
	if c.Relaxed != 0 {
		m.TypeAccuracy = float64(c.Type) / float64(c.Relaxed)
		m.ValueAccuracy = float64(c.Value) / float64(c.Relaxed)
	}
	m.TypeF1 = m.TypeAccuracy * m.RelaxedF1
	m.ValueF1 = m.ValueAccuracy * m.RelaxedF1
	return m
}

// TimexMention is one side of an aligned timex.
type TimexMention struct {
	Text  string `json:"text"` // raw content between the tags
	Type  string `json:"type"`
	Value string `json:"value"`
	Start int    `json:"start"` // character offsets into the gold plain text
	End   int    `json:"end"`
}

// TimexMatch is a gold timex, a system timex, or an aligned pair of them.
type TimexMatch struct {
	Doc     string        `json:"doc"`
	DCT     string        `json:"dct"`
	Gold    *TimexMention `json:"gold"`
	System  *TimexMention `json:"sys"`
	Context string        `json:"context"` // about 60 characters each side, newlines as spaces
	Status  string        `json:"status"`  // strict, relaxed, missed, spurious
	ValueOK bool          `json:"value_ok"`
	TypeOK  bool          `json:"type_ok"`
}

// TimexDocScore is the score of one document.
type TimexDocScore struct {
	Doc        string // DOCID, or the gold file's base name
	SystemFile string // "" when there was no system file
	Counts     TimexCounts
	Matches    []TimexMatch // by normalised id
}

// TimexReport is the result of scoring a set of documents.
type TimexReport struct {
	Documents []TimexDocScore
	Total     TimexCounts
	// Warnings are documents scored as empty (no system file); Errors are
	// documents skipped because the system's TEXT differs from the gold's.
	Warnings, Errors []string
}

// ScoreTimex scores the pairs with the default abbreviation list.
func ScoreTimex(pairs []TimexPair) *TimexReport {
	return ScoreTimexAbbrev(pairs, DefaultAbbreviations)
}

// ScoreTimexAbbrev scores the pairs, tokenizing with the given abbreviations.
func ScoreTimexAbbrev(pairs []TimexPair, abbrevs map[string]bool) *TimexReport {
	rep := &TimexReport{}
	for _, p := range pairs {
		g, s := p.Gold, p.System
		name := g.DocID
		if name == "" {
			name = baseName(g.Path)
		}
		sysFile := ""
		if s == nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("warning: no system file for %s (scored as empty)", name))
		} else if s.Text != g.Text {
			rep.Errors = append(rep.Errors, fmt.Sprintf("error: TEXT of %s differs from gold %s; document skipped", s.Path, g.Path))
			continue
		} else {
			sysFile = s.Path
		}
		ds := scorePair(g, s, abbrevs)
		ds.Doc, ds.SystemFile = name, sysFile
		rep.Total.Add(ds.Counts)
		rep.Documents = append(rep.Documents, ds)
	}
	return rep
}

func scorePair(gold, system *TimexDoc, abbrevs map[string]bool) TimexDocScore {
	var ds TimexDocScore
	spans := tokenSpans(gold.text, tokenize(gold.Text, abbrevs))
	gLabels := tokenLabels(gold.elems, spans)
	sLabels := make([]label, len(spans))
	var sElems []element
	if system != nil {
		sLabels = tokenLabels(system.elems, spans)
		sElems = system.elems
	}
	maps := align(gLabels, sLabels)
	g, s := scorable(gold.elems, maps[0]), scorable(sElems, maps[1])
	c := &ds.Counts
	c.Gold, c.System = len(g), len(s)
	for id, ge := range g {
		se := s[id]
		if se == nil || pyStrip(ge.content()) == "" || pyStrip(se.content()) == "" {
			continue
		}
		c.Relaxed++
		if ge.content() == se.content() {
			c.Strict++
		}
		if gt, _ := attrFirst(ge.tag, "type"); gt == attrOr(se.tag, "type") {
			c.Type++
		}
		if gv, _ := attrFirst(ge.tag, "value"); gv == attrOr(se.tag, "value") {
			c.Value++
		}
	}
	// The pairs, as te3score.py --pairs writes them (name: DOCID or file name).
	name := gold.DocID
	if name == "" {
		name = filepath.Base(gold.Path)
	}
	ids := make([]int, 0, len(g)+len(s))
	for id := range g {
		ids = append(ids, id)
	}
	for id := range s {
		if g[id] == nil {
			ids = append(ids, id)
		}
	}
	sort.Ints(ids)
	for _, id := range ids {
		ge, se := g[id], s[id]
		m := TimexMatch{Doc: name, DCT: gold.DCT}
		ctx := ge
		if ge == nil {
			ctx = se
		}
		a, b := max(0, ctx.start-60), min(len(gold.text), ctx.end+60)
		m.Context = strings.ReplaceAll(string(gold.text[min(a, b):b]), "\n", " ")
		m.Gold, m.System = mention(ge), mention(se)
		switch {
		case ge == nil:
			m.Status = "spurious"
		case se == nil:
			m.Status = "missed"
		default:
			m.Status = "relaxed"
			if ge.content() == se.content() {
				m.Status = "strict"
			}
			m.ValueOK = m.Gold.Value == m.System.Value
			m.TypeOK = m.Gold.Type == m.System.Type
		}
		ds.Matches = append(ds.Matches, m)
	}
	return ds
}

func attrOr(tag, name string) string {
	v, _ := attrFirst(tag, name)
	return v
}

func mention(el *element) *TimexMention {
	if el == nil {
		return nil
	}
	return &TimexMention{Text: el.content(), Type: attrOr(el.tag, "type"), Value: attrOr(el.tag, "value"),
		Start: el.start, End: el.end}
}

// pct formats a fraction as te3score.py's _fmt does.
func pct(x float64) string { return fmt.Sprintf("%.2f", 100*x) }

// WriteText writes the report in te3score.py's text layout, with a line per
// document first when perDoc is set.
func (r *TimexReport) WriteText(w io.Writer, perDoc bool) error {
	var b strings.Builder
	if perDoc {
		fmt.Fprintf(&b, "%-40s %5s %5s %6s %6s %6s %6s %6s\n",
			"document", "gold", "sys", "strF1", "relF1", "valF1", "valAcc", "typF1")
		for _, d := range r.Documents {
			m := d.Counts.Metrics()
			fmt.Fprintf(&b, "%-40s %5d %5d %6s %6s %6s %6s %6s\n", truncRunes(d.Doc, 40), d.Counts.Gold,
				d.Counts.System, pct(m.StrictF1), pct(m.RelaxedF1), pct(m.ValueF1), pct(m.ValueAccuracy), pct(m.TypeF1))
		}
		b.WriteString("\n")
	}
	c, m := r.Total, r.Total.Metrics()
	fmt.Fprintf(&b, "documents %d   gold timex %d   system timex %d   relaxed matches %d   strict matches %d\n",
		len(r.Documents), c.Gold, c.System, c.Relaxed, c.Strict)
	b.WriteString("=== Timex Performance ===\n")
	b.WriteString("Strict Match\tF1\tP\tR\n")
	fmt.Fprintf(&b, "\t\t%s\t%s\t%s\n", pct(m.StrictF1), pct(m.StrictP), pct(m.StrictR))
	b.WriteString("Relaxed Match\tF1\tP\tR\n")
	fmt.Fprintf(&b, "\t\t%s\t%s\t%s\n", pct(m.RelaxedF1), pct(m.RelaxedP), pct(m.RelaxedR))
	b.WriteString("Attribute F1\tValue\tType\n")
	fmt.Fprintf(&b, "\t\t%s\t%s\n", pct(m.ValueF1), pct(m.TypeF1))
	b.WriteString("Attribute Acc\tValue\tType\n")
	fmt.Fprintf(&b, "\t\t%s\t%s\n", pct(m.ValueAccuracy), pct(m.TypeAccuracy))
	_, err := io.WriteString(w, b.String())
	return err
}

func truncRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// timexFigures is the JSON object of te3score.py --json for a set of counts.
func timexFigures(c TimexCounts) map[string]any {
	m := c.Metrics()
	return map[string]any{
		"gold": c.Gold, "system": c.System, "relaxed": c.Relaxed, "strict": c.Strict,
		"type": c.Type, "value": c.Value,
		"strict_p": m.StrictP, "strict_r": m.StrictR, "strict_f1": m.StrictF1,
		"relaxed_p": m.RelaxedP, "relaxed_r": m.RelaxedR, "relaxed_f1": m.RelaxedF1,
		"value_accuracy": m.ValueAccuracy, "type_accuracy": m.TypeAccuracy,
		"value_f1": m.ValueF1, "type_f1": m.TypeF1,
	}
}

// WriteJSON writes the report as te3score.py --json does (keys sorted; the
// per-document list when perDoc is set, system_file null when there was none).
func (r *TimexReport) WriteJSON(w io.Writer, perDoc bool) error {
	total := timexFigures(r.Total)
	total["documents"] = len(r.Documents)
	out := map[string]any{"total": total}
	if perDoc {
		docs := make([]map[string]any, 0, len(r.Documents))
		for _, d := range r.Documents {
			m := timexFigures(d.Counts)
			m["doc"] = d.Doc
			m["system_file"] = nil
			if d.SystemFile != "" {
				m["system_file"] = d.SystemFile
			}
			docs = append(docs, m)
		}
		out["documents"] = docs
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("eval: timex report: %w", err)
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// WritePairs writes every aligned, missed and spurious timex as a JSON line, as
// te3score.py --pairs does.
func (r *TimexReport) WritePairs(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range r.Documents {
		for _, m := range d.Matches {
			if err := enc.Encode(m); err != nil {
				return fmt.Errorf("eval: timex pairs: %w", err)
			}
		}
	}
	return nil
}

// WriteErrors writes one line per missed, spurious, and wrong-value or
// wrong-type timex: document, kind, the gold and system timexes, and the text
// around them.
func (r *TimexReport) WriteErrors(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Documents {
		for _, m := range d.Matches {
			var kind string
			switch {
			case m.Status == "missed" || m.Status == "spurious":
				kind = m.Status
			case !m.ValueOK && !m.TypeOK:
				kind = "type+value"
			case !m.ValueOK:
				kind = "value"
			case !m.TypeOK:
				kind = "type"
			default:
				continue
			}
			fmt.Fprintf(&b, "%s\t%s\tgold %s\tsystem %s\t| %s\n", d.Doc, kind, m.Gold.describe(), m.System.describe(), m.Context)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (m *TimexMention) describe() string {
	if m == nil {
		return "-"
	}
	return fmt.Sprintf("%q %s %s @%d", m.Text, m.Type, m.Value, m.Start)
}

// SystemDoc builds the system side of a pair from timexes found in the gold
// document's plain text (byte spans into gold.Text), as if the system had written
// them to TimeML and the scorer read that back: the timexes go through
// timeml.Write, so overlapping ones are dropped as they would be in a file.
func SystemDoc(gold *TimexDoc, timexes []timeline.Timex) (*TimexDoc, error) {
	var buf bytes.Buffer
	doc := &timeline.Document{ID: gold.DocID, Body: gold.Text}
	if err := timeml.Write(&buf, doc, timexes); err != nil {
		return nil, fmt.Errorf("eval: system timexes for %s: %w", gold.Path, err)
	}
	return ParseTimexDoc(gold.Path+" (system)", buf.Bytes())
}
