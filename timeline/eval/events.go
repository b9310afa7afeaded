package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
)

// GoldDoc is one gold file of shared/gold/events (EVENTS.md): an article and its
// annotated events.
type GoldDoc struct {
	Path   string      `json:"-"`
	Doc    string      `json:"doc"`
	Corpus string      `json:"corpus"`
	DCT    string      `json:"dct"` // YYYY-MM-DD, "" when null
	Title  string      `json:"title"`
	Body   string      `json:"body"`
	Events []GoldEvent `json:"events"`
}

// GoldEvent is one annotated event. Dates are kept as written (YYYY-MM-DD, ""
// for null) because the reference compares them as strings.
type GoldEvent struct {
	Offset   int             `json:"offset"`   // byte offset of the trigger in the body
	Sentence string          `json:"sentence"` // exact sentence text
	Trigger  string          `json:"trigger"`
	Kind     string          `json:"kind"`  // diplomatic | context ("" when null)
	CAMEO    string          `json:"cameo"` // root "01".."20", "" for null
	Status   string          `json:"status"`
	Source   *timeline.Actor `json:"source"` // nil for null or {}
	Target   *timeline.Actor `json:"target"`
	When     string          `json:"when"`
	Earliest string          `json:"earliest"`
	Latest   string          `json:"latest"`
	Anchor   string          `json:"anchor"`
	Evidence string          `json:"evidence"`
}

// Document is the gold article as the pipeline is given it: its id, title, body
// and DCT (zero when the gold has none; LoadGold rejects one that does not parse).
func (g *GoldDoc) Document() timeline.Document {
	d := timeline.Document{ID: g.Doc, Title: g.Title, Body: g.Body, Path: g.Path}
	if g.DCT != "" {
		d.DCT, _ = timeline.ParseDay(g.DCT)
	}
	return d
}

// goldEventJSON is the file form; cameo may be written as a number, actors as
// null or {}.
type goldEventJSON struct {
	Offset   *int            `json:"offset"`
	Sentence string          `json:"sentence"`
	Trigger  string          `json:"trigger"`
	Kind     *string         `json:"kind"`
	CAMEO    json.RawMessage `json:"cameo"`
	Status   string          `json:"status"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	When     *string         `json:"when"`
	Earliest *string         `json:"earliest"`
	Latest   *string         `json:"latest"`
	Anchor   string          `json:"anchor"`
	Evidence *string         `json:"evidence"`
}

// UnmarshalJSON reads a gold event as eventscore.py reads it.
func (e *GoldEvent) UnmarshalJSON(data []byte) error {
	var j goldEventJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	if j.Offset == nil {
		return errors.New("event without an offset")
	}
	cameo, err := cameoString(j.CAMEO)
	if err != nil {
		return err
	}
	src, err := actorOf(j.Source)
	if err != nil {
		return fmt.Errorf("source: %w", err)
	}
	tgt, err := actorOf(j.Target)
	if err != nil {
		return fmt.Errorf("target: %w", err)
	}
	*e = GoldEvent{Offset: *j.Offset, Sentence: j.Sentence, Trigger: j.Trigger, Kind: deref(j.Kind),
		CAMEO: cameo, Status: j.Status, Source: src, Target: tgt, When: deref(j.When),
		Earliest: deref(j.Earliest), Latest: deref(j.Latest), Anchor: j.Anchor, Evidence: deref(j.Evidence)}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// cameoString is str(cameo) for a JSON string or number, "" for null.
func cameoString(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("cameo %s: want a string or a number", raw)
	}
	return n.String(), nil
}

// actorOf reads {"name", "code"}; null and {} (false in Python) give nil.
func actorOf(raw json.RawMessage) (*timeline.Actor, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("want an object {name, code}: %w", err)
	}
	if len(m) == 0 {
		return nil, nil
	}
	a := &timeline.Actor{}
	a.Name, _ = m["name"].(string)
	a.Code, _ = m["code"].(string)
	return a, nil
}

// LoadGold reads the gold files (*.json) of dir, in file name order.
func LoadGold(dir string) ([]GoldDoc, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: load gold: %w", err)
	}
	var docs []GoldDoc
	for _, e := range entries { // sorted by name, as sorted(os.listdir()) is
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("eval: load gold: %w", err)
		}
		var d GoldDoc
		if err := json.Unmarshal(data, &d); err != nil {
			return nil, fmt.Errorf("eval: load gold %s: %w", p, err)
		}
		if d.Doc == "" {
			return nil, fmt.Errorf("eval: load gold %s: no doc id", p)
		}
		if d.DCT != "" {
			if _, err := timeline.ParseDay(d.DCT); err != nil {
				return nil, fmt.Errorf("eval: load gold %s: dct: %w", p, err)
			}
		}
		d.Path = p
		docs = append(docs, d)
	}
	return docs, nil
}

// systemEventJSON is an event of the JSON timeline (OUTPUT.md), the fields the
// scorer reads.
type systemEventJSON struct {
	Doc      string `json:"doc"`
	Sentence *struct {
		Start *int   `json:"start"`
		End   *int   `json:"end"`
		Text  string `json:"text"`
	} `json:"sentence"`
	Trigger *struct {
		Start *int   `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"trigger"`
	Kind     string          `json:"kind"`
	CAMEO    json.RawMessage `json:"cameo"`
	Status   string          `json:"status"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	When     string          `json:"when"`
	Earliest string          `json:"earliest"`
	Latest   string          `json:"latest"`
}

// LoadSystem reads the system's JSON timelines (OUTPUT.md) for the gold documents:
// <dir>/<doc>.json for each, as eventscore.py does (the id made a safe file name
// by article.FileName, as eval events --out writes it); a missing file is an empty
// answer. A sentence without start or end gets -1, -1 (it contains no offset);
// a trigger without start starts at the sentence.
func LoadSystem(dir string, gold []GoldDoc) (map[string][]timeline.Event, error) {
	out := map[string][]timeline.Event{}
	for _, g := range gold {
		p := filepath.Join(dir, article.FileName(g.Doc, ".json"))
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("eval: load system: %w", err)
		}
		var f struct {
			Events []systemEventJSON `json:"events"`
		}
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("eval: load system %s: %w", p, err)
		}
		events := make([]timeline.Event, 0, len(f.Events))
		for i, j := range f.Events {
			e, err := j.event(g.Doc)
			if err != nil {
				return nil, fmt.Errorf("eval: load system %s: event %d: %w", p, i, err)
			}
			events = append(events, e)
		}
		out[g.Doc] = events
	}
	return out, nil
}

func (j systemEventJSON) event(doc string) (timeline.Event, error) {
	e := timeline.Event{Doc: doc, Kind: j.Kind, Status: j.Status, When: j.When}
	e.Sentence = timeline.Text{Start: -1, End: -1}
	if s := j.Sentence; s != nil && s.Start != nil && s.End != nil {
		e.Sentence = timeline.Text{Start: *s.Start, End: *s.End, Text: s.Text}
	}
	e.Trigger.Start = e.Sentence.Start
	if t := j.Trigger; t != nil {
		e.Trigger.End, e.Trigger.Text = t.End, t.Text
		if t.Start != nil {
			e.Trigger.Start = *t.Start
		}
	}
	var err error
	if e.CAMEO, err = cameoString(j.CAMEO); err != nil {
		return e, err
	}
	if e.Source, err = actorOf(j.Source); err != nil {
		return e, fmt.Errorf("source: %w", err)
	}
	if e.Target, err = actorOf(j.Target); err != nil {
		return e, fmt.Errorf("target: %w", err)
	}
	for _, d := range []struct {
		s string
		t *time.Time
	}{{j.Earliest, &e.Earliest}, {j.Latest, &e.Latest}} {
		if d.s == "" {
			continue
		}
		if *d.t, err = timeline.ParseDay(d.s); err != nil {
			return e, fmt.Errorf("bounds: %w", err)
		}
	}
	return e, nil
}

// kindKey is the event type compared in typed matching: the two-digit CAMEO
// root, or "context".
func kindKey(kind, cameo string) string {
	if kind == "" {
		kind = timeline.KindDiplomatic
	}
	if kind == timeline.KindContext || cameo == "" {
		return "context"
	}
	r := []rune(cameo)
	if len(r) < 2 { // str.zfill(2)
		r = append([]rune{'0'}, r...)
	}
	return string(r[:2])
}

// code is an actor's code upper-cased, "" standing for None.
func code(a *timeline.Actor) string {
	if a == nil {
		return ""
	}
	return strings.ToUpper(a.Code)
}

// overlaps reports whether inclusive day bounds meet; "" is unbounded.
func overlaps(a0, a1, b0, b1 string) bool {
	if a0 != "" && b1 != "" && a0 > b1 {
		return false
	}
	if b0 != "" && a1 != "" && b0 > a1 {
		return false
	}
	return true
}

// within reports whether the system's bounds lie inside the gold bounds (an open
// gold side accepts all).
func within(s0, s1, g0, g1 string) bool {
	if g0 != "" && (s0 == "" || s0 < g0) {
		return false
	}
	if g1 != "" && (s1 == "" || s1 > g1) {
		return false
	}
	return true
}

// matchEvents is a maximum one-to-one matching of gold to system events by Kuhn's
// augmenting paths: a system event is a candidate for a gold event when its
// sentence contains the gold trigger's offset (and, typed, the types agree);
// candidates are tried nearest trigger first, so ties go to the nearest. The
// result is (gold, system) index pairs sorted by gold index.
func matchEvents(gold []GoldEvent, sys []timeline.Event, typed bool) [][2]int {
	cands := make([][]int, len(gold))
	for gi, g := range gold {
		type opt struct{ dist, si int }
		var opts []opt
		for si, s := range sys {
			if !(s.Sentence.Start <= g.Offset && g.Offset < s.Sentence.End) {
				continue
			}
			if typed && kindKey(s.Kind, s.CAMEO) != kindKey(g.Kind, g.CAMEO) {
				continue
			}
			d := s.Trigger.Start - g.Offset
			if d < 0 {
				d = -d
			}
			opts = append(opts, opt{d, si})
		}
		sort.Slice(opts, func(i, j int) bool {
			if opts[i].dist != opts[j].dist {
				return opts[i].dist < opts[j].dist
			}
			return opts[i].si < opts[j].si
		})
		for _, o := range opts {
			cands[gi] = append(cands[gi], o.si)
		}
	}
	owner := map[int]int{} // system index -> gold index
	var augment func(gi int, seen map[int]bool) bool
	augment = func(gi int, seen map[int]bool) bool {
		for _, si := range cands[gi] {
			if seen[si] {
				continue
			}
			seen[si] = true
			if o, ok := owner[si]; !ok || augment(o, seen) {
				owner[si] = gi
				return true
			}
		}
		return false
	}
	for gi := range gold {
		augment(gi, map[int]bool{})
	}
	pairs := make([][2]int, 0, len(owner))
	for si, gi := range owner {
		pairs = append(pairs, [2]int{gi, si})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i][0] < pairs[j][0] })
	return pairs
}

// EventCounts are the counts behind the event figures.
type EventCounts struct {
	Gold, System int
	Matched      int // typed matches
	Detected     int // untyped matches
	// Among typed matches:
	DateOverlap, DateWithin, DateExact int
	Source, SourceCountry              int
	Target, TargetGold                 int // TargetGold: matches whose gold has a target
}

// Add adds o to c.
func (c *EventCounts) Add(o EventCounts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Matched += o.Matched
	c.Detected += o.Detected
	c.DateOverlap += o.DateOverlap
	c.DateWithin += o.DateWithin
	c.DateExact += o.DateExact
	c.Source += o.Source
	c.SourceCountry += o.SourceCountry
	c.Target += o.Target
	c.TargetGold += o.TargetGold
}

// EventSummary are the figures eventscore.py reports, rounded to 4 places as it
// rounds them.
type EventSummary struct {
	Gold             int     `json:"gold"`
	System           int     `json:"system"`
	Matched          int     `json:"matched"`
	Precision        float64 `json:"precision"`
	Recall           float64 `json:"recall"`
	F1               float64 `json:"f1"`
	DetectionF1      float64 `json:"detection_f1"`
	DateOverlap      float64 `json:"date_overlap"`
	DateWithin       float64 `json:"date_within"`
	DateExact        float64 `json:"date_exact"`
	SourceAcc        float64 `json:"source_acc"`
	SourceCountryAcc float64 `json:"source_country_acc"`
	TargetAcc        float64 `json:"target_acc"`
}

func prf(m, ns, ng int) (p, r, f float64) {
	if ns != 0 {
		p = float64(m) / float64(ns)
	}
	if ng != 0 {
		r = float64(m) / float64(ng)
	}
	if p+r != 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// round4 is Python's round(x, 4): the nearest 4-place decimal of the exact
// binary value, ties to even.
func round4(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

// Summary computes the figures; an accuracy over no match is 0.
func (c EventCounts) Summary() EventSummary {
	p, r, f := prf(c.Matched, c.System, c.Gold)
	_, _, df := prf(c.Detected, c.System, c.Gold)
	m := float64(max(c.Matched, 1))
	return EventSummary{
		Gold: c.Gold, System: c.System, Matched: c.Matched,
		Precision: round4(p), Recall: round4(r), F1: round4(f), DetectionF1: round4(df),
		DateOverlap:      round4(float64(c.DateOverlap) / m),
		DateWithin:       round4(float64(c.DateWithin) / m),
		DateExact:        round4(float64(c.DateExact) / m),
		SourceAcc:        round4(float64(c.Source) / m),
		SourceCountryAcc: round4(float64(c.SourceCountry) / m),
		TargetAcc:        round4(float64(c.Target) / float64(max(c.TargetGold, 1))),
	}
}

// EventDocScore is the score of one gold document.
type EventDocScore struct {
	Doc     string
	Counts  EventCounts
	Typed   [][2]int // (gold, system) index pairs of the typed matching
	Untyped [][2]int // and of the untyped one
	gold    *GoldDoc
	system  []timeline.Event
}

// EventReport is the result of scoring a set of documents.
type EventReport struct {
	Documents []EventDocScore
	Total     EventCounts
}

// ScoreEvents scores the system's events (by document id; a document missing is
// an empty answer) against the gold documents, as eventscore.py does.
func ScoreEvents(gold []GoldDoc, system map[string][]timeline.Event) *EventReport {
	rep := &EventReport{}
	for i := range gold {
		g := &gold[i]
		sys := system[g.Doc]
		ds := EventDocScore{Doc: g.Doc, gold: g, system: sys}
		ds.Typed = matchEvents(g.Events, sys, true)
		ds.Untyped = matchEvents(g.Events, sys, false)
		c := &ds.Counts
		c.Gold, c.System, c.Matched, c.Detected = len(g.Events), len(sys), len(ds.Typed), len(ds.Untyped)
		for _, p := range ds.Typed {
			ge, se := g.Events[p[0]], sys[p[1]]
			g0, g1 := ge.Earliest, ge.Latest
			s0, s1 := timeline.FormatDay(se.Earliest), timeline.FormatDay(se.Latest)
			// An event left wholly undated overlaps nothing, unless the gold is
			// undated too.
			if (s0 != "" || s1 != "" || g0 == "" && g1 == "") && overlaps(g0, g1, s0, s1) {
				c.DateOverlap++
			}
			if within(s0, s1, g0, g1) {
				c.DateWithin++
			}
			if se.When == ge.When {
				c.DateExact++
			}
			if code(se.Source) == code(ge.Source) {
				c.Source++
			}
			if prefix3(code(se.Source)) == prefix3(code(ge.Source)) {
				c.SourceCountry++
			}
			if ge.Target != nil {
				c.TargetGold++
				if code(se.Target) == code(ge.Target) {
					c.Target++
				}
			}
		}
		rep.Total.Add(ds.Counts)
		rep.Documents = append(rep.Documents, ds)
	}
	return rep
}

// prefix3 is s[:3] in characters.
func prefix3(s string) string {
	if r := []rune(s); len(r) > 3 {
		return string(r[:3])
	}
	return s
}

// WriteText writes the report in eventscore.py's text layout, with a line per
// document first when perDoc is set.
func (r *EventReport) WriteText(w io.Writer, perDoc bool) error {
	var b strings.Builder
	if perDoc {
		for _, d := range r.Documents {
			s := d.Counts.Summary()
			fmt.Fprintf(&b, "%-40s F1 %.3f  det %.3f  within %.3f  overlap %.3f  exact %.3f  src %.3f  tgt %.3f  (%d/%d gold, %d sys)\n",
				d.Doc, s.F1, s.DetectionF1, s.DateWithin, s.DateOverlap, s.DateExact, s.SourceAcc, s.TargetAcc,
				s.Matched, s.Gold, s.System)
		}
	}
	s := r.Total.Summary()
	fmt.Fprintf(&b, "events F1 %.3f (P %.3f R %.3f) detection F1 %.3f date-within %.3f date-overlap %.3f "+
		"date-exact %.3f source %.3f target %.3f [%d/%d gold, %d system]\n",
		s.F1, s.Precision, s.Recall, s.DetectionF1, s.DateWithin, s.DateOverlap, s.DateExact, s.SourceAcc,
		s.TargetAcc, s.Matched, s.Gold, s.System)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as eventscore.py --json does: {"total": ...} and,
// when perDoc is set, "documents": {doc: ...} in gold file order.
func (r *EventReport) WriteJSON(w io.Writer, perDoc bool) error {
	var b bytes.Buffer
	total, err := json.MarshalIndent(r.Total.Summary(), "  ", "  ")
	if err != nil {
		return fmt.Errorf("eval: event report: %w", err)
	}
	b.WriteString("{\n  \"total\": ")
	b.Write(total)
	if perDoc {
		b.WriteString(",\n  \"documents\": {")
		seen := map[string]bool{}
		first := true
		for _, d := range r.Documents {
			if seen[d.Doc] {
				continue // a dict in the reference: one entry per id
			}
			seen[d.Doc] = true
			key, _ := json.Marshal(d.Doc)
			s, err := json.MarshalIndent(r.docSummary(d.Doc), "    ", "  ")
			if err != nil {
				return fmt.Errorf("eval: event report: %w", err)
			}
			if !first {
				b.WriteString(",")
			}
			first = false
			b.WriteString("\n    ")
			b.Write(key)
			b.WriteString(": ")
			b.Write(s)
		}
		b.WriteString("\n  }")
	}
	b.WriteString("\n}\n")
	_, err = w.Write(b.Bytes())
	return err
}

// docSummary is the summary of the last document with that id, as a Python dict
// keeps the last value for a repeated key.
func (r *EventReport) docSummary(doc string) EventSummary {
	var s EventSummary
	for _, d := range r.Documents {
		if d.Doc == doc {
			s = d.Counts.Summary()
		}
	}
	return s
}

// WriteErrors writes one line per error: a gold event no system event matched
// (missed), a system event matching no gold event (spurious), a gold event
// matched only when types are ignored (mistyped, with the system event), and a
// typed match whose dates are not within the gold bounds (misdated). Each line
// has the document, the kind, the events and the sentence.
func (r *EventReport) WriteErrors(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Documents {
		typedG, typedS := map[int]bool{}, map[int]bool{}
		for _, p := range d.Typed {
			typedG[p[0]], typedS[p[1]] = true, true
		}
		untypedOf := map[int]int{}
		for _, p := range d.Untyped {
			untypedOf[p[0]] = p[1]
		}
		explained := map[int]bool{} // system events reported as the other side of a mistyped gold
		for gi, ge := range d.gold.Events {
			if typedG[gi] {
				continue
			}
			if si, ok := untypedOf[gi]; ok {
				// Show the system event that most likely meant it: the nearest one
				// in its sentence that is not matched, else its untyped partner.
				if n := nearestFree(ge, d.system, typedS, explained); n >= 0 {
					si = n
				}
				if !typedS[si] {
					explained[si] = true
				}
				fmt.Fprintf(&b, "%s\tmistyped\tgold %s\tsystem %s\t| %s\n", d.Doc, describeGold(ge),
					describeSystem(d.system[si]), oneLine(ge.Sentence))
				continue
			}
			fmt.Fprintf(&b, "%s\tmissed\tgold %s\t| %s\n", d.Doc, describeGold(ge), oneLine(ge.Sentence))
		}
		for si, se := range d.system {
			if typedS[si] || explained[si] {
				continue
			}
			fmt.Fprintf(&b, "%s\tspurious\tsystem %s\t| %s\n", d.Doc, describeSystem(se),
				oneLine(sentenceOf(se, d.gold.Body)))
		}
		for _, p := range d.Typed {
			ge, se := d.gold.Events[p[0]], d.system[p[1]]
			if within(timeline.FormatDay(se.Earliest), timeline.FormatDay(se.Latest), ge.Earliest, ge.Latest) {
				continue
			}
			fmt.Fprintf(&b, "%s\tmisdated\tgold %s\tsystem %s\t| %s\n", d.Doc, describeGold(ge),
				describeSystem(se), oneLine(ge.Sentence))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// nearestFree is the system event nearest the gold trigger whose sentence holds
// it, among those neither matched nor already reported; -1 if none.
func nearestFree(g GoldEvent, sys []timeline.Event, typed, explained map[int]bool) int {
	best, bestDist := -1, 0
	for si, s := range sys {
		if typed[si] || explained[si] || !(s.Sentence.Start <= g.Offset && g.Offset < s.Sentence.End) {
			continue
		}
		d := s.Trigger.Start - g.Offset
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestDist {
			best, bestDist = si, d
		}
	}
	return best
}

func describeGold(e GoldEvent) string {
	return fmt.Sprintf("%s %q @%d when=%s [%s..%s] %s->%s", kindKey(e.Kind, e.CAMEO), e.Trigger, e.Offset,
		e.When, e.Earliest, e.Latest, code(e.Source), code(e.Target))
}

func describeSystem(e timeline.Event) string {
	return fmt.Sprintf("%s %q @%d when=%s [%s..%s] %s->%s", kindKey(e.Kind, e.CAMEO), e.Trigger.Text,
		e.Trigger.Start, e.When, timeline.FormatDay(e.Earliest), timeline.FormatDay(e.Latest),
		code(e.Source), code(e.Target))
}

// sentenceOf is the system event's sentence text, cut from the body when the
// event does not carry it.
func sentenceOf(e timeline.Event, body string) string {
	if e.Sentence.Text != "" {
		return e.Sentence.Text
	}
	return timeline.TextOf(body, e.Sentence.Span()).Text
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
