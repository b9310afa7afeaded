package http_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	timelinehttp "github.com/timelinehq/timeline/http"
	"github.com/timelinehq/timeline/store"
	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/export"
)

// chromium returns the Chromium (or Chrome) executable the browser tests
// drive: $TIMELINE_CHROMIUM, else the first of the usual names on the PATH.
func chromium() string {
	if p := os.Getenv("TIMELINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium with what its pages reported: console
// errors, uncaught exceptions and errors logged by the browser (a failed
// request, a refused script), and every URL requested.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	errors   []string
	requests []string
}

// listen records the events of the tab; it runs on the tab's reading loop, so
// it only appends.
func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			b.errors = append(b.errors, "console."+string(ev.Type)+": "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		b.errors = append(b.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, msg))
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError {
			b.errors = append(b.errors, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	}
}

// newBrowser starts Chromium for one test or benchmark, with a fresh profile
// and nothing running in the background (the machine has no network but the
// loopback), or skips when there is none.
func newBrowser(tb testing.TB) *browser {
	tb.Helper()
	exe := chromium()
	if exe == "" {
		tb.Skip("no Chromium: install Debian's chromium package (as .ci/run does) or set TIMELINE_CHROMIUM to run the browser tests")
	}
	profile := tb.TempDir() // before the cleanups below, so removed after Chromium quits
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 1000),
	}
	for _, flag := range []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
		"disable-background-networking", "disable-component-update", "disable-sync", "no-default-browser-check",
		"disable-dev-shm-usage", "mute-audio", "hide-scrollbars"} {
		opts = append(opts, chromedp.Flag(flag, true))
	}
	b := &browser{}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx, chromedp.WithListener(b.listen))
	tb.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	b.ctx = ctx
	// The first Run starts the browser; it must have no deadline of its own.
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
		return err
	}))
	if err != nil {
		tb.Fatalf("start %s: %v", exe, err)
	}
	return b
}

// do runs actions with a deadline, failing the test on an error.
func (b *browser) do(tb testing.TB, what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.Fatalf("%s: %v\npage errors: %v", what, err, b.pageErrors())
	}
}

// value runs an action that returns a value, failing the test on an error.
func value[T any](tb testing.TB, b *browser, what string, a chromedp.Action[T]) T {
	tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		tb.Fatalf("%s: %v\npage errors: %v", what, err, b.pageErrors())
	}
	return v
}

func (b *browser) pageErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.errors)
}

func (b *browser) pageRequests() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.requests)
}

// waitReady waits until the page has drawn what it was asked (body
// data-state=ready), failing on the page's error state.
func (b *browser) waitReady(tb testing.TB) {
	tb.Helper()
	state := value(tb, b, "wait for the page", chromedp.Poll[string](`document.body && document.body.dataset.state !== 'loading' && document.body.dataset.state`, chromedp.WithPollingTimeout(20*time.Second)))
	if state != "ready" {
		msg := value(tb, b, "error", chromedp.Evaluate[string](`document.querySelector('#error').textContent`))
		tb.Fatalf("page state %q: %s (errors %v)", state, msg, b.pageErrors())
	}
}

// domEventIDs returns the data-event-id of every element that has one.
func (b *browser) domEventIDs(tb testing.TB) []string {
	tb.Helper()
	return value(tb, b, "read data-event-id", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-event-id]'), e => e.getAttribute('data-event-id'))`))
}

// sameIDs reports whether the page shows exactly the events of the API answer,
// each once.
func sameIDs(dom []string, events []apiEvent) error {
	want := make([]string, 0, len(events))
	for _, e := range events {
		want = append(want, e.ID)
	}
	got := slices.Sorted(slices.Values(dom))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return fmt.Errorf("%d [data-event-id] elements, the API has %d events\n page: %v\n  API: %v", len(got), len(want), got, want)
	}
	return nil
}

// chartPeriods returns the data-period of the tension chart's bars.
func (b *browser) chartPeriods(tb testing.TB) []string {
	tb.Helper()
	return value(tb, b, "read the chart", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#chart rect.bar'), r => r.getAttribute('data-period'))`))
}

func barPeriods(t apiTension) []string {
	ps := []string{}
	for _, b := range t.Bars {
		ps = append(ps, b.Period)
	}
	return ps
}

// clickEvent brings an event into view on the axis (vis-timeline's focus),
// waits until its element stops moving (vis-timeline may restack the items
// in the next frames), and clicks it as a user would.
func (b *browser) clickEvent(tb testing.TB, id string) {
	tb.Helper()
	sel := fmt.Sprintf(`[data-event-id=%q]`, id)
	ok := value(tb, b, "focus "+id, chromedp.Evaluate[bool](fmt.Sprintf(`(async function () {
		var tp = window.timelinePage;
		if (tp.items.get(%[1]q)) tp.timeline.focus(%[1]q, {animation: false});
		var frame = () => new Promise(r => requestAnimationFrame(r));
		var last = '';
		for (var i = 0; i < 30; i++) {
			var el = document.querySelector(%[2]q);
			if (!el) return false;
			el.scrollIntoView({block: 'center'});
			await frame();
			await frame();
			var r = el.getBoundingClientRect();
			var now = [r.x, r.y, r.width, r.height].join();
			if (now === last) return true;
			last = now;
		}
		return true;
	})()`, id, sel), chromedp.EvalAwaitPromise))
	if !ok {
		tb.Fatalf("event %s is not on the page", id)
	}
	b.do(tb, "click "+id, chromedp.Click(chromedp.CSS(sel)))
}

// detailView is what the detail panel shows of an event.
type detailView struct {
	Sentence string            `json:"sentence"`
	Marks    map[string]string `json:"marks"`
	Reports  int               `json:"reports"`
}

// detail waits for the detail panel of event id and returns what it shows.
func (b *browser) detail(tb testing.TB, id string) detailView {
	tb.Helper()
	return value(tb, b, "read the detail of "+id, chromedp.Poll[detailView](fmt.Sprintf(`(function () {
		var p = document.querySelector('#detail .sentence');
		if (!p || !location.href.includes('event=' + %q)) return null;
		var marks = {};
		p.querySelectorAll('mark').forEach(m => m.classList.forEach(c => { marks[c] = (marks[c] || '') + m.textContent; }));
		return {sentence: p.textContent, marks: marks, reports: document.querySelectorAll('#detail .reports li').length};
	})()`, id), chromedp.WithPollingTimeout(10*time.Second)))
}

func TestBrowserServe(t *testing.T) {
	b := newBrowser(t)
	ts := newServer(t)

	var all apiEvents
	get(t, ts, "/api/events", &all)
	var dyads []apiDyad
	get(t, ts, "/api/dyads", &dyads)
	var tension apiTension
	get(t, ts, "/api/tension?dyad="+dyads[0].Dyad, &tension)

	b.do(t, "open the page", chromedp.Navigate(ts.URL+"/"))
	b.waitReady(t)

	// Every event of the API answer is on the page, once.
	if err := sameIDs(b.domEventIDs(t), all.Events); err != nil {
		t.Error(err)
	}
	// One tension bar per period with events, in order, for the busiest dyad.
	if got, want := b.chartPeriods(t), barPeriods(tension); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("chart bars %v, API periods %v", got, want)
	}

	// Clicking an event shows its sentence, with the trigger and the date
	// evidence marked; the merged meeting lists both articles. The fire comes
	// after a curly apostrophe: its offsets are UTF-8 bytes, not UTF-16 units.
	// The hope has no date: it is listed apart from the axis.
	for _, trigger := range []string{"met", "fired on", "expressed hope"} {
		var ev *apiEvent
		for i := range all.Events {
			if all.Events[i].Trigger.Text == trigger {
				ev = &all.Events[i]
			}
		}
		if ev == nil {
			t.Fatalf("no %q event in the fixture", trigger)
		}
		b.clickEvent(t, ev.ID)
		d := b.detail(t, ev.ID)
		if d.Sentence != ev.Sentence.Text {
			t.Errorf("%s: detail shows %q, want %q", trigger, d.Sentence, ev.Sentence.Text)
		}
		if d.Marks["trigger"] != trigger {
			t.Errorf("%s: trigger marked %q", trigger, d.Marks["trigger"])
		}
		if ev.Evidence != nil && d.Marks["evidence"] != ev.Evidence.Text {
			t.Errorf("%s: evidence marked %q, want %q", trigger, d.Marks["evidence"], ev.Evidence.Text)
		}
		if d.Reports != 1+len(ev.Docs) {
			t.Errorf("%s: %d reports listed, want %d", trigger, d.Reports, 1+len(ev.Docs))
		}
	}
	var met *apiEvent
	for i := range all.Events {
		if all.Events[i].Trigger.Text == "met" {
			met = &all.Events[i]
		}
	}
	if len(met.Docs) != 1 {
		t.Errorf("the meeting has %d other reports, want 1", len(met.Docs))
	}

	// Clicking a bar lists its events.
	b.do(t, "click a bar", chromedp.Click(chromedp.CSS(`#chart rect.bar`)))
	listed := value(t, b, "bar events", chromedp.Poll[int](`document.querySelectorAll('#detail [data-bar-event]').length`, chromedp.WithPollingTimeout(5*time.Second)))
	if listed != tension.Bars[0].Events {
		t.Errorf("the first bar lists %d events, the API %d", listed, tension.Bars[0].Events)
	}

	// A filter change updates the page and the URL, and the URL brings it back.
	b.do(t, "filter", chromedp.SetValue(chromedp.CSS(`#filters [name=actor]`), "PRK"),
		chromedp.SetValue(chromedp.CSS(`#filters [name=from]`), "2018-02"),
		chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)))
	b.waitReady(t)
	var filtered apiEvents
	get(t, ts, "/api/events?actor=PRK&from=2018-02", &filtered)
	if filtered.Total == 0 || filtered.Total == all.Total {
		t.Fatalf("the filter selects %d of %d events: no test", filtered.Total, all.Total)
	}
	if err := sameIDs(b.domEventIDs(t), filtered.Events); err != nil {
		t.Errorf("after the filter: %v", err)
	}
	dyadNow := value(t, b, "dyad", chromedp.Value(chromedp.CSS(`#dyad`)))
	var filteredTension apiTension
	get(t, ts, "/api/tension?actor=PRK&from=2018-02&dyad="+url.QueryEscape(dyadNow), &filteredTension)
	if got, want := b.chartPeriods(t), barPeriods(filteredTension); !slices.Equal(got, want) {
		t.Errorf("after the filter: chart bars %v, API periods %v", got, want)
	}
	loc := value(t, b, "location", chromedp.Location())
	if u, err := url.Parse(loc); err != nil || u.Query().Get("actor") != "PRK" || u.Query().Get("from") != "2018-02" {
		t.Errorf("the URL %s does not hold the filter", loc)
	}
	b.do(t, "reload", chromedp.Reload())
	b.waitReady(t)
	actor := value(t, b, "actor field", chromedp.Value(chromedp.CSS(`#filters [name=actor]`)))
	if err := sameIDs(b.domEventIDs(t), filtered.Events); err != nil || actor != "PRK" {
		t.Errorf("after a reload: actor field %q, %v", actor, err)
	}

	// Lanes by actor draw the same events.
	b.do(t, "lanes", chromedp.SetValue(chromedp.CSS(`#lanes`), "actor"),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.querySelector('#lanes').dispatchEvent(new Event('change'))`)(ctx, tg)
			return err
		}))
	b.waitReady(t)
	if err := sameIDs(b.domEventIDs(t), filtered.Events); err != nil {
		t.Errorf("lanes by actor: %v", err)
	}

	if errs := b.pageErrors(); len(errs) > 0 {
		t.Errorf("the page reported errors:\n%s", strings.Join(errs, "\n"))
	}
}

// TestBrowserExport opens the HTML export from disk: the same events and
// tension bars as the data it was written from, and nothing fetched.
func TestBrowserExport(t *testing.T) {
	b := newBrowser(t)
	db := fixtureDB(t)
	docs, evs, err := db.Timeline(context.Background(), timeline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "timeline export.html")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := export.Write(f, "html", &export.Timeline{Documents: docs, Events: evs}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	page := (&url.URL{Scheme: "file", Path: path}).String()
	b.do(t, "open the export", chromedp.Navigate(page))
	b.waitReady(t)

	var want []apiEvent
	for i := range evs {
		want = append(want, apiEvent{ID: evs[i].ID})
	}
	if err := sameIDs(b.domEventIDs(t), want); err != nil {
		t.Error(err)
	}
	dyads := timeline.Dyads(evs)
	bars := []string{}
	for _, bar := range timeline.Tension(evs, dyads[0].Dyad, timeline.BinMonth) {
		bars = append(bars, bar.Label)
	}
	if got := b.chartPeriods(t); !slices.Equal(got, bars) {
		t.Errorf("chart bars %v, want %v", got, bars)
	}
	b.clickEvent(t, evs[0].ID)
	if d := b.detail(t, evs[0].ID); d.Sentence != evs[0].Sentence.Text {
		t.Errorf("detail %q, want %q", d.Sentence, evs[0].Sentence.Text)
	}

	reqs := b.pageRequests()
	if len(reqs) == 0 {
		t.Error("no request recorded, not even the file's")
	}
	for _, u := range reqs {
		if !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the export requested %s", u)
		}
	}
	if errs := b.pageErrors(); len(errs) > 0 {
		t.Errorf("the page reported errors:\n%s", strings.Join(errs, "\n"))
	}
}

// seedServer serves a database of the seed article alone, as the README's
// first command leaves it.
func seedServer(tb testing.TB) *httptest.Server {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "seed.db")
	w, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := w.SaveAnalysis(context.Background(), fixtureAnalyses(tb)[0]); err != nil {
		tb.Fatal(err)
	}
	w.Close()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	ts := httptest.NewServer((&timelinehttp.Server{Store: db, Title: "Timeline: seed.db"}).Handler())
	tb.Cleanup(ts.Close)
	return ts
}

// TestScreenshots writes the README's pictures of the seed timeline and its
// tension chart into $TIMELINE_SCREENSHOTS (docs/ when run as the README says).
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("TIMELINE_SCREENSHOTS")
	if dir == "" {
		t.Skip("TIMELINE_SCREENSHOTS not set: no screenshots written")
	}
	b := newBrowser(t)
	ts := seedServer(t)
	b.do(t, "open", chromedp.EmulateViewport(1280, 860), chromedp.Navigate(ts.URL+"/?period=week"))
	b.waitReady(t)
	id := value(t, b, "pick", chromedp.Evaluate[string](`(function () {
		var tp = window.timelinePage;
		tp.timeline.setWindow('2017-09-20', '2018-03-01', {animation: false});
		var el = Array.from(document.querySelectorAll('#timeline [data-event-id]')).find(e => /Threaten/.test(e.textContent));
		return el ? el.getAttribute('data-event-id') : '';
	})()`))
	if id != "" {
		b.do(t, "click", chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-event-id=%q]`, id))))
		b.detail(t, id)
	}
	b.do(t, "settle", chromedp.Sleep(300*time.Millisecond))
	shot := value(t, b, "timeline", chromedp.Screenshot(chromedp.CSS(`body`)))
	chart := value(t, b, "chart", chromedp.Screenshot(chromedp.CSS(`#tension`)))
	for name, data := range map[string][]byte{"timeline-seed.png": shot, "tension-seed.png": chart} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
