package export

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"strings"

	"github.com/timelinehq/timeline/timeline"
)

// The timeline page: one HTML file, a script and a style sheet of our own, and
// the vendored vis-timeline (page/vendor/README.md). `timeline serve` serves
// them with the page reading its data from the JSON API; the html format writes
// them inline into one file together with its data.
//
//go:embed page
var pageFS embed.FS

// PageAssets are the page's files: index.html, app.js, app.css and vendor/.
var PageAssets = mustSub(pageFS, "page")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the directory is embedded: a build defect
	}
	return sub
}

// pageScripts and pageStyles are the assets the page loads, in order.
var (
	pageScripts = []string{"vendor/vis-timeline-graph2d.min.js", "app.js"}
	pageStyles  = []string{"vendor/vis-timeline-graph2d.min.css", "app.css"}
)

// PageEvent is an event as the page reads it: the JSON timeline's event
// (OUTPUT.md) with its dyad ("PRK-USA", null when it has none).
type PageEvent struct {
	jsonEvent
	Dyad *string `json:"dyad"`
}

// PageDocument is a document as the page lists it: the JSON timeline's
// document, with its event count in a listing and its body when asked.
type PageDocument struct {
	jsonDocument
	Events *int    `json:"events,omitempty"`
	Body   *string `json:"body,omitempty"`
}

// EventsPage is one page of a timeline: the answer of /api/events, and the
// events of an HTML export. Total counts every event the filters select;
// Events holds those from Offset on, at most Limit (0: all).
type EventsPage struct {
	Total     int            `json:"total"`
	Offset    int            `json:"offset"`
	Limit     int            `json:"limit"`
	Documents []PageDocument `json:"documents"`
	Events    []PageEvent    `json:"events"`
}

// NewEventsPage makes the page of events[offset:offset+limit] (limit 0: to the
// end), with the documents they come from or that also report them.
func NewEventsPage(docs []timeline.Document, events []timeline.Event, offset, limit int) EventsPage {
	p := EventsPage{Total: len(events), Offset: offset, Limit: limit,
		Documents: []PageDocument{}, Events: []PageEvent{}}
	page := events[min(offset, len(events)):]
	if limit > 0 && len(page) > limit {
		page = page[:limit]
	}
	used := make(map[string]bool)
	for i := range page {
		e := &page[i]
		p.Events = append(p.Events, NewPageEvent(e))
		used[e.Doc] = true
		for _, d := range e.Docs {
			used[d] = true
		}
	}
	for i := range docs {
		if used[docs[i].ID] {
			p.Documents = append(p.Documents, NewPageDocument(&docs[i], false))
		}
	}
	return p
}

// NewPageEvent returns e as the page reads it.
func NewPageEvent(e *timeline.Event) PageEvent {
	p := PageEvent{jsonEvent: toJSONEvent(e)}
	if d, ok := timeline.DyadOf(e); ok {
		p.Dyad = nullString(d.String())
	}
	return p
}

// NewPageDocument returns d as the page reads it, with its body if asked.
func NewPageDocument(d *timeline.Document, body bool) PageDocument {
	p := PageDocument{jsonDocument: toJSONDocument(d)}
	if body {
		p.Body = &d.Body
	}
	return p
}

// NewPageListing returns a listed document with its event count (a listing
// has no body: its hash is the stored one).
func NewPageListing(s *timeline.DocumentSummary) PageDocument {
	p := PageDocument{jsonDocument: toJSONDocument(&s.Document), Events: &s.Events}
	p.SHA256 = s.SHA
	return p
}

// PageDyad is a dyad as the page lists it (/api/dyads).
type PageDyad struct {
	Dyad      string    `json:"dyad"`
	A         PageParty `json:"a"`
	B         PageParty `json:"b"`
	Events    int       `json:"events"`
	Goldstein float64   `json:"goldstein"`
}

// PageParty is one side of a dyad.
type PageParty struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// NewPageDyads returns the dyads of events, busiest first.
func NewPageDyads(events []timeline.Event) []PageDyad {
	list := []PageDyad{}
	for _, s := range timeline.Dyads(events) {
		list = append(list, PageDyad{
			Dyad: s.String(), A: PageParty{s.A, s.NameA}, B: PageParty{s.B, s.NameB},
			Events: s.Events, Goldstein: roundScore(s.Goldstein),
		})
	}
	return list
}

// PageTension is a dyad's tension series (/api/tension).
type PageTension struct {
	Dyad   string    `json:"dyad"`
	Period string    `json:"period"`
	Bars   []PageBar `json:"bars"`
}

// PageBar is one period of a tension series.
type PageBar struct {
	Period      string   `json:"period"` // "2018-01", "2018-W02"
	Start       string   `json:"start"`  // first day
	End         string   `json:"end"`    // last day
	Goldstein   float64  `json:"goldstein"`
	Cooperation float64  `json:"cooperation"`
	Conflict    float64  `json:"conflict"`
	Events      int      `json:"events"`
	IDs         []string `json:"ids"`
}

// NewPageTension returns dyad d's tension series over events.
func NewPageTension(events []timeline.Event, d timeline.Dyad, b timeline.Bin) PageTension {
	t := PageTension{Dyad: d.String(), Period: string(b), Bars: []PageBar{}}
	for _, bar := range timeline.Tension(events, d, b) {
		t.Bars = append(t.Bars, PageBar{
			Period: bar.Label, Start: timeline.FormatDay(bar.First), End: timeline.FormatDay(bar.Last),
			Goldstein: roundScore(bar.Goldstein), Cooperation: roundScore(bar.Cooperation),
			Conflict: roundScore(bar.Conflict), Events: len(bar.Events), IDs: bar.Events,
		})
	}
	return t
}

// roundScore drops the float noise of sums of one-decimal scores (-7.199999).
func roundScore(f float64) float64 {
	if r, ok := confidence(&timeline.Event{Confidence: f}); ok {
		return r
	}
	return 0
}

// pageData is what an HTML export carries inline: everything the served page
// asks the API for, for the events exported. The page pages and groups them
// itself.
type pageData struct {
	Static  bool                            `json:"static"`
	Title   string                          `json:"title"`
	Events  EventsPage                      `json:"events"`
	Dyads   []PageDyad                      `json:"dyads"`
	Tension map[string]map[string][]PageBar `json:"tension"` // dyad -> period -> bars
}

// writeHTML writes the timeline page as one self-contained file: the scripts,
// the styles and the data inline, nothing fetched, so that it opens from disk
// in any browser, offline.
func writeHTML(w io.Writer, t *Timeline) error {
	data := pageData{Static: true, Title: t.title(), Events: NewEventsPage(t.Documents, t.Events, 0, 0),
		Dyads: NewPageDyads(t.Events), Tension: make(map[string]map[string][]PageBar)}
	for _, d := range data.Dyads {
		dyad, err := timeline.ParseDyad(d.Dyad)
		if err != nil {
			return err
		}
		data.Tension[d.Dyad] = map[string][]PageBar{
			string(timeline.BinWeek):  NewPageTension(t.Events, dyad, timeline.BinWeek).Bars,
			string(timeline.BinMonth): NewPageTension(t.Events, dyad, timeline.BinMonth).Bars,
		}
	}
	// The encoder's HTML escaping writes <, > and & as \u003c..., so no
	// sentence can close the script element it is in.
	var js bytes.Buffer
	if err := json.NewEncoder(&js).Encode(data); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := WritePage(bw, t.title(), true, js.Bytes()); err != nil {
		return err
	}
	return bw.Flush()
}

// WritePage writes index.html with the given title. Inline, it holds the
// styles, the scripts and data (JSON, HTML-escaped) in the file itself;
// otherwise it links them under assets/ and the page asks the API for its data.
func WritePage(w io.Writer, title string, inline bool, data []byte) error {
	tmpl, err := fs.ReadFile(PageAssets, "index.html")
	if err != nil {
		return err
	}
	var styles, scripts strings.Builder
	for _, name := range pageStyles {
		if !inline {
			styles.WriteString(`<link rel="stylesheet" href="assets/` + name + `">` + "\n")
			continue
		}
		css, err := fs.ReadFile(PageAssets, name)
		if err != nil {
			return err
		}
		styles.WriteString("<style>\n" + string(css) + "\n</style>\n")
	}
	if inline {
		scripts.WriteString(`<script type="application/json" id="timeline-data">` + string(bytes.TrimSpace(data)) + "</script>\n")
	}
	for _, name := range pageScripts {
		if !inline {
			scripts.WriteString(`<script src="assets/` + name + `"></script>` + "\n")
			continue
		}
		js, err := fs.ReadFile(PageAssets, name)
		if err != nil {
			return err
		}
		scripts.WriteString("<script>\n" + string(js) + "\n</script>\n")
	}
	page := strings.NewReplacer(
		"{{title}}", html.EscapeString(title),
		"<!--styles-->", styles.String(),
		"<!--scripts-->", scripts.String(),
	).Replace(string(tmpl))
	_, err = io.WriteString(w, page)
	return err
}
