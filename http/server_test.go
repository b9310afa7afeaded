package http_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	timelinehttp "github.com/timelinehq/timeline/http"
)

// apiEvent is the part of an /api/events event the tests read.
type apiEvent struct {
	ID       string   `json:"id"`
	Doc      string   `json:"doc"`
	Docs     []string `json:"docs"`
	Sources  int      `json:"sources"`
	CAMEO    *string  `json:"cameo"`
	Status   string   `json:"status"`
	Dyad     *string  `json:"dyad"`
	Earliest *string  `json:"earliest"`
	Latest   *string  `json:"latest"`
	Sentence struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	} `json:"sentence"`
	Trigger  struct{ Text string } `json:"trigger"`
	Evidence *struct {
		Start, End int
		Text       string
	} `json:"evidence"`
}

type apiEvents struct {
	Total     int              `json:"total"`
	Offset    int              `json:"offset"`
	Limit     int              `json:"limit"`
	Documents []map[string]any `json:"documents"`
	Events    []apiEvent       `json:"events"`
}

type apiTension struct {
	Dyad   string `json:"dyad"`
	Period string `json:"period"`
	Bars   []struct {
		Period    string   `json:"period"`
		Start     string   `json:"start"`
		End       string   `json:"end"`
		Goldstein float64  `json:"goldstein"`
		Events    int      `json:"events"`
		IDs       []string `json:"ids"`
	} `json:"bars"`
}

type apiDyad struct {
	Dyad   string `json:"dyad"`
	Events int    `json:"events"`
	A, B   struct{ Code, Name string }
}

// newServer serves the fixture database.
func newServer(t testing.TB) *httptest.Server {
	t.Helper()
	srv := &timelinehttp.Server{Store: fixtureDB(t), Title: "Fixture <timeline>"}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// get fetches path and decodes its JSON into v, returning the status.
func get(t testing.TB, ts *httptest.Server, path string, v any) int {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if v != nil {
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("GET %s: Content-Type %q", path, ct)
		}
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, body)
		}
	}
	return resp.StatusCode
}

func TestAPIEvents(t *testing.T) {
	ts := newServer(t)
	var all apiEvents
	if code := get(t, ts, "/api/events", &all); code != 200 {
		t.Fatalf("status %d", code)
	}
	if all.Total != len(all.Events) || all.Total < 10 || all.Limit != timelinehttp.DefaultPageSize {
		t.Fatalf("total %d, %d events, limit %d", all.Total, len(all.Events), all.Limit)
	}

	// The two reports of the Beijing meeting are one event with two sources.
	var met *apiEvent
	for i, e := range all.Events {
		if e.Trigger.Text == "met" {
			if met != nil {
				t.Fatalf("the meeting is listed twice: %s and %s", met.ID, e.ID)
			}
			met = &all.Events[i]
		}
	}
	if met == nil || met.Sources != 2 || len(met.Docs) != 1 || met.Dyad == nil || *met.Dyad != "PRK-USA" {
		t.Fatalf("merged meeting: %+v", met)
	}
	docs := map[string]bool{}
	for _, d := range all.Documents {
		docs[d["id"].(string)] = true
	}
	if !docs["wire-a"] || !docs["wire-b"] || !docs["seed-article"] {
		t.Errorf("documents %v", docs)
	}

	// Filters as query takes them; pages of the same order.
	var prk apiEvents
	get(t, ts, "/api/events?actor=PRK&from=2018-03&to=2018-03", &prk)
	if prk.Total == 0 || prk.Total >= all.Total {
		t.Errorf("actor=PRK in March 2018: %d of %d", prk.Total, all.Total)
	}
	var page apiEvents
	get(t, ts, "/api/events?offset=3&limit=4", &page)
	if page.Total != all.Total || len(page.Events) != 4 {
		t.Fatalf("page: total %d, %d events", page.Total, len(page.Events))
	}
	for i, e := range page.Events {
		if e.ID != all.Events[3+i].ID {
			t.Errorf("page event %d = %s, want %s", i, e.ID, all.Events[3+i].ID)
		}
	}
	var cameo apiEvents
	get(t, ts, "/api/events?cameo=4", &cameo)
	for _, e := range cameo.Events {
		if e.CAMEO == nil || *e.CAMEO != "04" {
			t.Errorf("cameo=4 gave %v", e.CAMEO)
		}
	}

	for _, bad := range []string{"from=2018-13", "to=soon", "cameo=21", "within=perhaps", "limit=0", "limit=999999", "offset=-1", "from=2018-02&to=2018-01"} {
		var e struct{ Error string }
		if code := get(t, ts, "/api/events?"+bad, &e); code != 400 || e.Error == "" {
			t.Errorf("%s: status %d, error %q; want 400 with a message", bad, code, e.Error)
		}
	}
}

func TestAPIDocsActorsDyads(t *testing.T) {
	ts := newServer(t)
	var docs []map[string]any
	get(t, ts, "/api/docs", &docs)
	if len(docs) != 3 {
		t.Fatalf("%d docs, want 3", len(docs))
	}
	for _, d := range docs {
		if _, ok := d["body"]; ok {
			t.Errorf("the listing carries the body of %v", d["id"])
		}
		if d["events"] == nil {
			t.Errorf("no event count for %v", d["id"])
		}
	}
	var doc map[string]any
	if code := get(t, ts, "/api/docs/wire-b", &doc); code != 200 || !strings.HasPrefix(doc["body"].(string), "BEIJING") {
		t.Errorf("doc wire-b: %d %v", code, doc)
	}
	var e struct{ Error string }
	if code := get(t, ts, "/api/docs/nope", &e); code != 404 || !strings.Contains(e.Error, "nope") {
		t.Errorf("missing doc: %d %q", code, e.Error)
	}
	if code := get(t, ts, "/api/nothing", &e); code != 404 {
		t.Errorf("unknown API: %d", code)
	}

	var actors []struct {
		Name, Code, Party string
		Events            int
	}
	get(t, ts, "/api/actors?doc=wire-b", &actors)
	if len(actors) == 0 {
		t.Fatal("no actors")
	}
	for _, a := range actors {
		if a.Code == "USAGOV" && a.Party != "USA" {
			t.Errorf("actor %+v: party %q", a, a.Party)
		}
	}

	var dyads []apiDyad
	get(t, ts, "/api/dyads", &dyads)
	if len(dyads) == 0 || dyads[0].Dyad != "PRK-USA" || dyads[0].A.Name == "" {
		t.Fatalf("dyads %+v", dyads)
	}
	var cameo []struct{ Code, Name string }
	if get(t, ts, "/api/cameo", &cameo); len(cameo) != 20 || cameo[12].Code != "13" {
		t.Errorf("cameo roots: %v", cameo)
	}
}

func TestAPITension(t *testing.T) {
	ts := newServer(t)
	var month, week apiTension
	get(t, ts, "/api/tension?dyad=USA-PRK", &month)
	get(t, ts, "/api/tension?dyad=PRK-USA&period=week", &week)
	if month.Dyad != "PRK-USA" || month.Period != "month" || len(month.Bars) == 0 {
		t.Fatalf("month series %+v", month)
	}
	if len(week.Bars) < len(month.Bars) {
		t.Errorf("%d weekly bars, fewer than %d monthly", len(week.Bars), len(month.Bars))
	}
	n := 0
	for _, b := range month.Bars {
		if b.Events != len(b.IDs) || b.Events == 0 {
			t.Errorf("bar %s: %d events, ids %v", b.Period, b.Events, b.IDs)
		}
		n += b.Events
	}
	nw := 0
	for _, b := range week.Bars {
		nw += b.Events
	}
	if n != nw {
		t.Errorf("%d events by month, %d by week", n, nw)
	}
	// March 2018 holds the meeting (+1) and not the planned or negated events.
	var march apiTension
	get(t, ts, "/api/tension?dyad=PRK-USA&from=2018-03&to=2018-03&within=true", &march)
	if len(march.Bars) != 1 || march.Bars[0].Period != "2018-03" {
		t.Fatalf("March: %+v", march)
	}
	for _, bad := range []string{"dyad=USA", "dyad=PRK-USA&period=year", ""} {
		var e struct{ Error string }
		if code := get(t, ts, "/api/tension?"+bad, &e); code != 400 {
			t.Errorf("%q: status %d", bad, code)
		}
	}
}

func TestPageAndAssets(t *testing.T) {
	ts := newServer(t)
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	page := string(body)
	if resp.StatusCode != 200 || !strings.Contains(page, `<script src="assets/app.js">`) {
		t.Fatalf("index: %d\n%s", resp.StatusCode, page)
	}
	if !strings.Contains(page, "<title>Fixture &lt;timeline&gt;</title>") {
		t.Error("the title is not escaped")
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	for path, ctype := range map[string]string{
		"/assets/app.js": "text/javascript", "/assets/app.css": "text/css",
		"/assets/vendor/vis-timeline-graph2d.min.js": "text/javascript",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
	for _, path := range []string{"/assets/index.html", "/assets/../go.mod", "/assets/nope.js", "/nope"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
	}
	resp, err = http.Post(ts.URL+"/api/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 && resp.StatusCode != 405 {
		t.Errorf("POST /api/events: %d", resp.StatusCode)
	}
}

// TestLocalOnly checks that a server on localhost answers only requests that
// name localhost: a page elsewhere that rebinds its own name to 127.0.0.1 is
// refused.
func TestLocalOnly(t *testing.T) {
	srv := &timelinehttp.Server{Store: fixtureDB(t), LocalOnly: true}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	for host, want := range map[string]int{
		"":                    http.StatusOK, // the listener's own 127.0.0.1:port
		"localhost:8080":      http.StatusOK,
		"[::1]:8080":          http.StatusOK,
		"127.0.0.2":           http.StatusOK,
		"evil.example:8080":   http.StatusMisdirectedRequest,
		"192.168.1.10:8080":   http.StatusMisdirectedRequest,
		"localhost.evil.test": http.StatusMisdirectedRequest,
	} {
		req, err := http.NewRequest("GET", ts.URL+"/api/docs", nil)
		if err != nil {
			t.Fatal(err)
		}
		if host != "" {
			req.Host = host
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}
