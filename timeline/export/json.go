package export

import (
	"bufio"
	"encoding/json"
	"io"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// jsonTimeline is the JSON timeline of OUTPUT.md. Structs rather than maps fix the
// key order, so the output is byte-for-byte deterministic and diffable.
type jsonTimeline struct {
	Documents []jsonDocument `json:"documents"`
	Events    []jsonEvent    `json:"events"`
}

type jsonDocument struct {
	ID          string  `json:"id"`
	Title       string  `json:"title"`
	Source      string  `json:"source"`
	URL         string  `json:"url"`
	Path        string  `json:"path"`
	DCT         *string `json:"dct"`
	DCTInferred bool    `json:"dct_inferred"`
	DCTEarliest *string `json:"dct_earliest"`
	DCTLatest   *string `json:"dct_latest"`
	SHA256      string  `json:"sha256"`
}

type jsonEvent struct {
	ID          string         `json:"id"`
	Doc         string         `json:"doc"`
	Sentence    timeline.Text  `json:"sentence"`
	Trigger     timeline.Text  `json:"trigger"`
	Kind        string         `json:"kind"`
	CAMEO       *string        `json:"cameo"`
	CAMEOName   *string        `json:"cameo_name"`
	Goldstein   *float64       `json:"goldstein"`
	QuadClass   *int           `json:"quad_class"`
	PLOVER      *string        `json:"plover"`
	Status      string         `json:"status"`
	Source      *actorJSON     `json:"source"`
	Target      *actorJSON     `json:"target"`
	When        *string        `json:"when"`
	Earliest    *string        `json:"earliest"`
	Latest      *string        `json:"latest"`
	Granularity *string        `json:"granularity"`
	Anchor      *string        `json:"anchor"`
	Evidence    *timeline.Text `json:"evidence"`
	Confidence  *float64       `json:"confidence"`
	Sources     int            `json:"sources"`
	Docs        []string       `json:"docs"`
}

// actorJSON is an actor with a null code for an uncoded one (EVENTS.md:
// collectives with no state get code null), where timeline.Actor has "".
type actorJSON struct {
	Name string  `json:"name"`
	Code *string `json:"code"`
}

// writeJSON writes the whole timeline as one indented JSON object.
func writeJSON(w io.Writer, t *Timeline) error {
	out := jsonTimeline{
		Documents: make([]jsonDocument, 0, len(t.Documents)),
		Events:    make([]jsonEvent, 0, len(t.Events)),
	}
	for i := range t.Documents {
		out.Documents = append(out.Documents, toJSONDocument(&t.Documents[i]))
	}
	for i := range t.Events {
		out.Events = append(out.Events, toJSONEvent(&t.Events[i]))
	}
	return writeIndented(w, out)
}

// writeIndented writes v as one indented JSON document.
func writeIndented(w io.Writer, v any) error {
	bw := bufio.NewWriter(w)
	enc := newEncoder(bw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return bw.Flush()
}

// writeJSONL writes one compact event object a line, without the documents: the
// form that streams into jq, BigQuery or a log pipeline.
func writeJSONL(w io.Writer, t *Timeline) error {
	bw := bufio.NewWriter(w)
	enc := newEncoder(bw)
	for i := range t.Events {
		if err := enc.Encode(toJSONEvent(&t.Events[i])); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// newEncoder returns an encoder that leaves <, > and & alone: the output is data
// for tools, not a script embedded in HTML, and sentences read better unescaped.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func toJSONDocument(d *timeline.Document) jsonDocument {
	return jsonDocument{
		ID:          d.ID,
		Title:       d.Title,
		Source:      d.Source,
		URL:         d.URL,
		Path:        d.Path,
		DCT:         jsonDay(d.DCT),
		DCTInferred: d.DCTInferred,
		DCTEarliest: jsonDay(d.DCTEarliest),
		DCTLatest:   jsonDay(d.DCTLatest),
		SHA256:      d.SHA256(),
	}
}

func toJSONEvent(e *timeline.Event) jsonEvent {
	j := jsonEvent{
		ID:          e.ID,
		Doc:         e.Doc,
		Sentence:    e.Sentence,
		Trigger:     e.Trigger,
		Kind:        e.Kind,
		CAMEO:       nullString(cameo(e)),
		Status:      e.Status,
		Source:      toJSONActor(e.Source),
		Target:      toJSONActor(e.Target),
		When:        nullString(e.When),
		Earliest:    jsonDay(e.Earliest),
		Latest:      jsonDay(e.Latest),
		Granularity: nullString(string(e.Granularity)),
		Anchor:      nullString(string(e.Anchor)),
		Evidence:    e.Evidence,
		Sources:     sources(e),
		Docs:        e.Docs,
	}
	if r, ok := root(e); ok {
		j.CAMEOName = &r.Name
		j.Goldstein = &r.Goldstein
		j.QuadClass = &r.QuadClass
		j.PLOVER = nullString(r.PLOVER)
	}
	if c, ok := confidence(e); ok {
		j.Confidence = &c
	}
	if j.Docs == nil {
		j.Docs = []string{} // OUTPUT.md's readers expect a list, never null
	}
	return j
}

// toJSONActor returns nil for no actor: an actor with neither name nor code carries
// nothing a reader could use and is written as null like a missing one.
func toJSONActor(a *timeline.Actor) *actorJSON {
	if a == nil || (a.Name == "" && a.Code == "") {
		return nil
	}
	return &actorJSON{Name: a.Name, Code: nullString(a.Code)}
}

// jsonDay formats a day bound, nil (null) for an open one.
func jsonDay(t time.Time) *string {
	return nullString(timeline.FormatDay(t))
}

// nullString returns nil for "", so that an absent value is null rather than an
// empty string readers would have to special-case.
func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
