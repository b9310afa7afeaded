// Package storetest is the contract every timeline store passes, the way
// golang-migrate runs one suite against every driver: the SQLite store
// (package store) and the PostgreSQL one (store/postgres) each call Run with a
// Harness that opens their kind of database.
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Store is what the suite tests: timeline.Store, and the readers the stores
// have beside it.
type Store interface {
	timeline.Store
	Events(ctx context.Context, f timeline.EventFilter) ([]timeline.Event, error)
	EachEvent(ctx context.Context, f timeline.EventFilter, fn func(*timeline.Event) error) error
	Analysis(ctx context.Context, id string) (*timeline.Analysis, error)
}

// Harness opens the databases of one kind of store for the suite.
type Harness struct {
	// New returns a store on a new, empty database, closed when the test ends.
	New func(tb testing.TB) Store
	// Again returns another store on the database of s, as another process
	// would open it, closed when the test ends.
	Again func(tb testing.TB, s Store) Store
}

// Run runs the whole suite.
func Run(t *testing.T, h Harness) {
	for _, tt := range []struct {
		name string
		fn   func(*testing.T, Harness)
	}{
		{"SaveAnalysis_RoundTrip", testSaveAnalysis_RoundTrip},
		{"SaveAnalysis_Dedup", testSaveAnalysis_Dedup},
		{"SaveAnalysis_Invalid", testSaveAnalysis_Invalid},
		{"SaveAnalysis_IDTaken", testSaveAnalysis_IDTaken},
		{"SaveAnalysis_Rollback", testSaveAnalysis_Rollback},
		{"SaveAnalyses", testSaveAnalyses},
		{"Events_Filter", testEvents_Filter},
		{"Timeline", testTimeline},
		{"DeleteDocument", testDeleteDocument},
		{"Events_OverlapWidths", testEvents_OverlapWidths},
		{"SaveAnalysis_DuplicateTakesStoredID", testSaveAnalysis_DuplicateTakesStoredID},
		{"ReplaceAnalysis", testReplaceAnalysis},
		{"Actors", testActors},
		{"Events_InRangeAgrees", testEvents_InRangeAgrees},
		{"Occurrences", testOccurrences},
		{"OccurrencesAnyOrder", testOccurrencesAnyOrder},
		{"OccurrencesBatchIndependent", testOccurrencesBatchIndependent},
		{"OccurrencesLargeBatches", testOccurrencesLargeBatches},
		{"OccurrencesSplitRejoin", testOccurrencesSplitRejoin},
		{"OccurrencesFilterIndependent", testOccurrencesFilterIndependent},
		{"EachEvent", testEachEvent},
		{"Events_RangeMerged", testEvents_RangeMerged},
		{"ConcurrentWriters", testConcurrentWriters},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, h) })
	}
}

// Ev is a terse event for query tests: bounds ("" open), CAMEO root, actors as
// "Name/CODE" ("" none), sentence.
type Ev struct {
	ID, Earliest, Latest, CAMEO, Source, Target, Sentence string
}

func d(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := timeline.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

func actorOf(s string) *timeline.Actor {
	if s == "" {
		return nil
	}
	name, code, _ := strings.Cut(s, "/")
	return &timeline.Actor{Name: name, Code: code}
}

func analysis(doc, body string, evs ...Ev) *timeline.Analysis {
	a := &timeline.Analysis{Document: timeline.Document{ID: doc, Title: "Title of " + doc, Body: body, DCT: d("2018-01-12")}}
	for i, e := range evs {
		a.Events = append(a.Events, timeline.Event{
			ID: e.ID, Doc: doc,
			Sentence:    timeline.Text{Start: i * 10, End: i*10 + 9, Text: e.Sentence},
			Trigger:     timeline.Text{Start: i * 10, End: i*10 + 4, Text: "said"},
			Kind:        timeline.KindDiplomatic,
			CAMEO:       e.CAMEO,
			Status:      timeline.StatusOccurred,
			Source:      actorOf(e.Source),
			Target:      actorOf(e.Target),
			When:        e.Earliest,
			Earliest:    d(e.Earliest),
			Latest:      d(e.Latest),
			Granularity: timeline.GranDay,
			Anchor:      timeline.AnchorExplicit,
			Confidence:  0.5,
		})
	}
	return a
}

// fullAnalysis sets every field of every type the store keeps.
func fullAnalysis() *timeline.Analysis {
	body := "On October 1, 2017, Trump told Tillerson he was wasting his time. The two Koreas had not talked since 2012."
	return &timeline.Analysis{
		Document: timeline.Document{
			ID: "doc-1", Title: "Trump and Kim", Source: "Reuters", URL: "https://example.com/a",
			Path: "fixtures/a.txt", Body: body,
			DCTInferred: true, DCTEarliest: d("2018-01-01"), DCTLatest: d("2018-01-31"),
		},
		Sentences: []timeline.Span{{Start: 0, End: 66}, {Start: 67, End: len(body)}},
		Timexes: []timeline.Timex{
			{ID: "t1", Span: timeline.Span{Start: 3, End: 18}, Text: "October 1, 2017", Type: timeline.TypeDate,
				Value: "2017-10-01", Earliest: d("2017-10-01"), Latest: d("2017-10-01"),
				Granularity: timeline.GranDay, Anchor: timeline.AnchorExplicit},
			{ID: "t2", Span: timeline.Span{Start: 100, End: 110}, Text: "since 2012", Type: timeline.TypeDuration,
				Value: "P6Y", Mod: "START", AnchorTimeID: "t0", BeginPoint: "t3", EndPoint: "t0",
				Quant: "EVERY", Freq: "1Y", Earliest: d("2012-01-01"),
				Granularity: timeline.GranYear, Anchor: timeline.AnchorRelative,
				Interval: "2012/PRESENT_REF", Signal: "since"},
		},
		Occurrences: []timeline.Occurrence{{
			Name: "2018 Winter Olympics", Span: timeline.Span{Start: 5, End: 13}, Text: "Olympics",
			When: "2018-02-09/2018-02-25", Earliest: d("2018-02-09"), Latest: d("2018-02-25"), Upcoming: true,
		}},
		Events: []timeline.Event{
			{
				ID: "ev-1", Doc: "doc-1",
				Sentence: timeline.Text{Start: 0, End: 66, Text: body[:66]},
				Trigger:  timeline.Text{Start: 26, End: 30, Text: "told"},
				Kind:     timeline.KindDiplomatic, CAMEO: "01", Status: timeline.StatusOccurred,
				Source: &timeline.Actor{Name: "Trump", Code: "USAGOV"},
				Target: &timeline.Actor{Name: "Tillerson", Code: "USAGOV"},
				When:   "2017-10-01", Earliest: d("2017-10-01"), Latest: d("2017-10-01"),
				Granularity: timeline.GranDay, Anchor: timeline.AnchorExplicit,
				Evidence:   &timeline.Text{Start: 3, End: 18, Text: "October 1, 2017"},
				Confidence: 0.9,
			},
			{
				ID: "ev-2", Doc: "doc-1",
				Sentence: timeline.Text{Start: 67, End: len(body), Text: body[67:]},
				Trigger:  timeline.Text{Start: 90, End: 95, Text: "talked"},
				Kind:     timeline.KindDiplomatic, CAMEO: "16", Status: timeline.StatusOngoing,
				// An actor named but not coded is kept apart from no actor at all.
				Source: &timeline.Actor{Name: "the two Koreas"},
				When:   "2012/PRESENT_REF", Earliest: d("2012-01-01"),
				Granularity: timeline.GranYear, Anchor: timeline.AnchorRelative,
				Confidence: 0.25,
			},
			{
				ID: "ev-3", Doc: "doc-1",
				Sentence: timeline.Text{Start: 5, End: 13, Text: "Olympics"},
				Trigger:  timeline.Text{Start: 5, End: 13, Text: "Olympics"},
				Kind:     timeline.KindContext, Status: timeline.StatusPlanned,
				When: "PAST_REF", Granularity: timeline.GranUnknown, Anchor: timeline.AnchorInferred,
			},
		},
	}
}

func ids(evs []timeline.Event) string {
	var s []string
	for _, e := range evs {
		s = append(s, e.ID)
	}
	return strings.Join(s, " ")
}

// assertEmpty fails unless nothing at all is stored.
func assertEmpty(t *testing.T, db Store) {
	t.Helper()
	ctx := context.Background()
	if docs, err := db.Documents(ctx); err != nil || len(docs) != 0 {
		t.Errorf("Documents = %d, %v; want none", len(docs), err)
	}
	if evs, err := db.Events(ctx, timeline.EventFilter{}); err != nil || len(evs) != 0 {
		t.Errorf("Events = %d, %v; want none", len(evs), err)
	}
}

// Article is an analysis of one document with the events given, for tests.
func Article(doc, body string, evs ...Ev) *timeline.Analysis { return analysis(doc, body, evs...) }

// FullAnalysis is an analysis that sets every field of every type a store keeps.
func FullAnalysis() *timeline.Analysis { return fullAnalysis() }

// AssertEmpty fails unless nothing at all is stored.
func AssertEmpty(t *testing.T, db Store) { t.Helper(); assertEmpty(t, db) }

// Day parses a YYYY-MM-DD day, zero for "".
func Day(s string) time.Time { return d(s) }

func testSaveAnalysis_RoundTrip(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	want := fullAnalysis()
	if stored, err := db.SaveAnalysis(ctx, want); err != nil || !stored {
		t.Fatalf("SaveAnalysis = %v, %v; want true, nil", stored, err)
	}

	// Events come back in chronological order: 2012.., 2017-10-01, undated last.
	chrono := []timeline.Event{want.Events[1], want.Events[0], want.Events[2]}

	got, err := db.Analysis(ctx, "doc-1")
	if err != nil {
		t.Fatal(err)
	}
	wantA := *want
	wantA.Events = chrono
	if !reflect.DeepEqual(got, &wantA) {
		t.Errorf("Analysis round trip:\n got %+v\nwant %+v", got, &wantA)
	}

	doc, err := db.Document(ctx, "doc-1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*doc, want.Document) {
		t.Errorf("Document = %+v, want %+v", *doc, want.Document)
	}

	timexes, err := db.Timexes(ctx, "doc-1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(timexes, want.Timexes) {
		t.Errorf("Timexes = %+v, want %+v", timexes, want.Timexes)
	}

	events, err := db.Events(ctx, timeline.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(events, chrono) {
		t.Errorf("Events = %+v", events)
	}

	docs, err := db.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("Documents: got %d, want 1", len(docs))
	}
	listed := want.Document
	listed.Body = "" // listings leave bodies out; SHA identifies them
	if s := docs[0]; !reflect.DeepEqual(s.Document, listed) || s.SHA != want.Document.SHA256() || s.Events != 3 || s.Added.IsZero() {
		t.Errorf("Documents[0] = %+v", s)
	}
}

func testSaveAnalysis_Dedup(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	a := analysis("a", "same body", Ev{ID: "e1", Earliest: "2018-01-01", Latest: "2018-01-01", CAMEO: "01"})
	if stored, err := db.SaveAnalysis(ctx, a); err != nil || !stored {
		t.Fatalf("first save = %v, %v", stored, err)
	}
	// The same article again, and the same text under another id: both nothing.
	b := analysis("b", "same body", Ev{ID: "e2", Earliest: "2018-01-01", Latest: "2018-01-01", CAMEO: "01"})
	for _, x := range []*timeline.Analysis{a, b} {
		if stored, err := db.SaveAnalysis(ctx, x); err != nil || stored {
			t.Errorf("save of %s again = %v, %v; want false, nil", x.Document.ID, stored, err)
		}
	}
	if _, err := db.Document(ctx, "b"); timeline.ErrorCode(err) != timeline.ENOTFOUND {
		t.Errorf("duplicate stored under its own id: %v", err)
	}
	if evs, _ := db.Events(ctx, timeline.EventFilter{}); len(evs) != 1 {
		t.Errorf("got %d events, want 1", len(evs))
	}
}

func testSaveAnalysis_Invalid(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	if _, err := db.SaveAnalysis(ctx, analysis("a", "body a")); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		a    *timeline.Analysis
		code string
		msg  string
	}{
		{"empty id", analysis("", "body x"), timeline.EINVALID, "document id required"},
		{"event of another doc", func() *timeline.Analysis {
			a := analysis("c", "body c", Ev{ID: "e1"})
			a.Events[0].Doc = "zzz"
			return a
		}(), timeline.EINVALID, "belongs to document"},
		{"event without id", analysis("c", "body c", Ev{}), timeline.EINVALID, "has no id"},
		{"nil", nil, timeline.EINVALID, "nil analysis"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stored, err := db.SaveAnalysis(ctx, tt.a)
			if stored || timeline.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("SaveAnalysis = %v, %v; want code %s with %q", stored, err, tt.code, tt.msg)
			}
		})
	}
	if docs, _ := db.Documents(ctx); len(docs) != 1 {
		t.Errorf("got %d documents, want 1", len(docs))
	}
}

// An id used by another article gives way to the article's unique id; its events
// follow it.
func testSaveAnalysis_IDTaken(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	if _, err := db.SaveAnalysis(ctx, analysis("a", "body a", Ev{ID: "x", Earliest: "2018-01-02", Latest: "2018-01-02", CAMEO: "01"})); err != nil {
		t.Fatal(err)
	}
	b := analysis("a", "body b", Ev{ID: "x", Earliest: "2018-01-02", Latest: "2018-01-02", CAMEO: "01"})
	b.Events[0].ID = timeline.MakeID("a", b.Events[0].Trigger.Span(), "01")
	want := "a-" + b.Document.SHA256()[:8]
	if stored, err := db.SaveAnalysis(ctx, b); !stored || err != nil {
		t.Fatalf("SaveAnalysis = %v, %v", stored, err)
	}
	if b.Document.ID != want || b.Events[0].Doc != want || b.Events[0].ID != timeline.MakeID(want, b.Events[0].Trigger.Span(), "01") {
		t.Errorf("renamed to %q, event %s of %q; want %q", b.Document.ID, b.Events[0].ID, b.Events[0].Doc, want)
	}
	if evs, err := db.Events(ctx, timeline.EventFilter{Doc: want}); err != nil || len(evs) != 1 {
		t.Errorf("events of %s: %d, %v", want, len(evs), err)
	}
	// The same article again is a duplicate, whatever its id.
	if stored, err := db.SaveAnalysis(ctx, analysis("a", "body b")); stored || err != nil {
		t.Errorf("same body again: %v, %v; want a duplicate", stored, err)
	}
	// Both forms taken: a conflict, nothing stored.
	c := analysis("a", "body c")
	if _, err := db.SaveAnalysis(ctx, analysis(c.Document.UniqueID(), "body d")); err != nil {
		t.Fatal(err)
	}
	if stored, err := db.SaveAnalysis(ctx, c); stored || timeline.ErrorCode(err) != timeline.ECONFLICT {
		t.Errorf("both ids taken: %v, %v; want ECONFLICT", stored, err)
	}
	if docs, _ := db.Documents(ctx); len(docs) != 3 {
		t.Errorf("got %d documents, want 3", len(docs))
	}
}

func testSaveAnalysis_Rollback(t *testing.T, h Harness) {
	t.Run("duplicate event id", func(t *testing.T) {
		db := h.New(t)
		a := fullAnalysis()
		a.Events[2].ID = a.Events[0].ID // the third insert fails after five tables were written
		_, err := db.SaveAnalysis(context.Background(), a)
		if timeline.ErrorCode(err) != timeline.ECONFLICT || !strings.Contains(err.Error(), "store: insert event ev-1 of doc-1") {
			t.Fatalf("err = %v; want ECONFLICT naming the event", err)
		}
		assertEmpty(t, db)
		if _, err := db.Timexes(context.Background(), "doc-1"); timeline.ErrorCode(err) != timeline.ENOTFOUND {
			t.Errorf("Timexes after rollback: %v", err)
		}
		// And the database is still usable: the same analysis, fixed, is stored.
		a.Events[2].ID = "ev-3"
		if stored, err := db.SaveAnalysis(context.Background(), a); !stored || err != nil {
			t.Errorf("save after rollback = %v, %v", stored, err)
		}
	})

	t.Run("cancelled context", func(t *testing.T) {
		db := h.New(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if stored, err := db.SaveAnalysis(ctx, fullAnalysis()); err == nil || stored {
			t.Fatalf("SaveAnalysis = %v, %v; want an error", stored, err)
		}
		assertEmpty(t, db)
	})

	t.Run("batch", func(t *testing.T) {
		db := h.New(t)
		good := analysis("a", "body a", Ev{ID: "e1", CAMEO: "01"})
		bad := analysis("b", "body b", Ev{ID: "e1", CAMEO: "01"}) // e1 again
		stored, dups, err := db.SaveAnalyses(context.Background(), []*timeline.Analysis{good, bad})
		if err == nil || stored != 0 || dups != 0 {
			t.Fatalf("SaveAnalyses = %d, %d, %v; want an error", stored, dups, err)
		}
		assertEmpty(t, db)
	})
}

func testSaveAnalyses(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	if _, err := db.SaveAnalysis(ctx, analysis("a", "body a")); err != nil {
		t.Fatal(err)
	}
	batch := []*timeline.Analysis{
		analysis("a", "body a"), // stored before
		analysis("b", "body b", Ev{ID: "b1", CAMEO: "04"}),
		analysis("c", "body c", Ev{ID: "c1", CAMEO: "04"}),
		analysis("b2", "body b"), // repeated within the batch
	}
	stored, dups, err := db.SaveAnalyses(ctx, batch)
	if err != nil || stored != 2 || dups != 2 {
		t.Fatalf("SaveAnalyses = %d, %d, %v; want 2, 2, nil", stored, dups, err)
	}
	if docs, _ := db.Documents(ctx); len(docs) != 3 {
		t.Errorf("got %d documents, want 3", len(docs))
	}
}

func testEvents_Filter(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	// Listed in chronological order, so that the want strings read in order.
	a := analysis("a", "body a",
		Ev{"open-start", "", "2017-12-31", "13", "North Korea/PRK", "", "North Korea threatened Guam."},
		Ev{"y2018", "2018-01-01", "2018-12-31", "04", "Moon Jae-in/KORGOV", "Kim Jong Un/PRKGOV", "Moon met Kim."},
		Ev{"jan10", "2018-01-10", "2018-01-10", "01", "Donald Trump/USAGOV", "Kim Jong Un/PRKGOV", "Trump said talks were good."},
		Ev{"open-end", "2018-02-01", "", "16", "United States/USA", "North Korea/PRK", "No formal diplomacy since February."},
		Ev{"undated", "", "", "01", "Rex Tillerson/USAGOV", "", "Tillerson said 100% of it."},
	)
	b := analysis("b", "body b",
		Ev{"b-jan", "2018-01-15", "2018-01-20", "04", "Kim Yo Jong/PRKGOV", "Moon Jae-in/KORGOV", "Kim's sister met Moon in Seoul."},
	)
	for _, x := range []*timeline.Analysis{a, b} {
		if _, err := db.SaveAnalysis(ctx, x); err != nil {
			t.Fatal(err)
		}
	}

	for _, tt := range []struct {
		name string
		f    timeline.EventFilter
		want string
	}{
		{"all", timeline.EventFilter{}, "open-start y2018 jan10 b-jan open-end undated"},
		{"limit", timeline.EventFilter{Limit: 2}, "open-start y2018"},
		{"overlap january", timeline.EventFilter{From: d("2018-01-01"), To: d("2018-01-31")}, "y2018 jan10 b-jan"},
		{"overlap one day", timeline.EventFilter{From: d("2018-01-16"), To: d("2018-01-16")}, "y2018 b-jan"},
		{"overlap from only", timeline.EventFilter{From: d("2018-02-10")}, "y2018 open-end"},
		{"overlap to only", timeline.EventFilter{To: d("2017-06-01")}, "open-start"},
		{"overlap ends touch", timeline.EventFilter{From: d("2017-12-31"), To: d("2018-01-01")}, "open-start y2018"},
		{"within january", timeline.EventFilter{From: d("2018-01-01"), To: d("2018-01-31"), Within: true}, "jan10 b-jan"},
		// An open side of the range accepts an open bound of the event, as
		// EVENTS.md's date-within accepts any system bound on an open gold side.
		{"within from only", timeline.EventFilter{From: d("2018-01-11"), Within: true}, "b-jan open-end"},
		{"within to only", timeline.EventFilter{To: d("2018-12-31"), Within: true}, "open-start y2018 jan10 b-jan"},
		{"within without range", timeline.EventFilter{Within: true}, "open-start y2018 jan10 b-jan open-end undated"},
		{"actor name substring", timeline.EventFilter{Actor: "kim"}, "y2018 jan10 b-jan"},
		{"actor code prefix", timeline.EventFilter{Actor: "USA"}, "jan10 open-end undated"},
		{"actor code prefix lower", timeline.EventFilter{Actor: "prkgov"}, "y2018 jan10 b-jan"},
		{"actor code is a prefix, not a substring", timeline.EventFilter{Actor: "GOV"}, ""},
		{"actor wildcard is literal", timeline.EventFilter{Actor: "%"}, ""},
		{"cameo", timeline.EventFilter{CAMEO: "04"}, "y2018 b-jan"},
		{"doc", timeline.EventFilter{Doc: "b"}, "b-jan"},
		{"text all words", timeline.EventFilter{Text: "MET moon"}, "y2018 b-jan"},
		{"text word missing", timeline.EventFilter{Text: "met Trump"}, ""},
		{"text percent is literal", timeline.EventFilter{Text: "100%"}, "undated"},
		{"combined", timeline.EventFilter{From: d("2018-01-01"), To: d("2018-01-31"), Actor: "Moon", CAMEO: "04", Limit: 1}, "y2018"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := db.Events(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(evs); got != tt.want {
				t.Errorf("Events(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}
}

func testTimeline(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	for _, x := range []*timeline.Analysis{
		analysis("b", "body b", Ev{ID: "b1", Earliest: "2018-01-02", Latest: "2018-01-02", CAMEO: "01"}),
		analysis("a", "body a", Ev{ID: "a1", Earliest: "2018-01-03", Latest: "2018-01-03", CAMEO: "01"}),
		analysis("c", "body c", Ev{ID: "c1", Earliest: "2019-01-01", Latest: "2019-01-01", CAMEO: "01"}),
	} {
		if _, err := db.SaveAnalysis(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	docs, evs, err := db.Timeline(ctx, timeline.EventFilter{To: d("2018-12-31")})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(evs); got != "b1 a1" {
		t.Errorf("events = %q", got)
	}
	if len(docs) != 2 || docs[0].ID != "a" || docs[1].ID != "b" || docs[0].Body != "body a" {
		t.Errorf("docs = %+v", docs)
	}
}

func testDeleteDocument(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	if _, err := db.SaveAnalysis(ctx, fullAnalysis()); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveAnalysis(ctx, analysis("other", "other body", Ev{ID: "o1", CAMEO: "01"})); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteDocument(ctx, "doc-1"); err != nil {
		t.Fatal(err)
	}
	if evs, _ := db.Events(ctx, timeline.EventFilter{}); ids(evs) != "o1" {
		t.Errorf("events after delete = %q, want o1", ids(evs))
	}
	for name, err := range map[string]error{
		"Document":       func() error { _, err := db.Document(ctx, "doc-1"); return err }(),
		"Timexes":        func() error { _, err := db.Timexes(ctx, "doc-1"); return err }(),
		"Analysis":       func() error { _, err := db.Analysis(ctx, "doc-1"); return err }(),
		"DeleteDocument": db.DeleteDocument(ctx, "doc-1"),
	} {
		if timeline.ErrorCode(err) != timeline.ENOTFOUND {
			t.Errorf("%s after delete: %v; want ENOTFOUND", name, err)
		}
	}
	// The cascade left no orphans behind: the same article can come back.
	if stored, err := db.SaveAnalysis(ctx, fullAnalysis()); !stored || err != nil {
		t.Errorf("save after delete = %v, %v", stored, err)
	}
}

// TestEvents_OverlapWidths checks the span-class lookup at the edges: an event of
// any width overlaps a one-day range at either of its ends and not the days just
// outside them.
func testEvents_OverlapWidths(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	start := d("1900-03-01")
	widths := []int{0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 365, 366, 1023, 1024, 3652, 36524, 1 << 20, 2_000_000}
	var as []*timeline.Analysis
	for _, w := range widths {
		a := analysis(fmt.Sprintf("w%d", w), fmt.Sprintf("body %d", w),
			Ev{ID: fmt.Sprintf("w%d", w), Earliest: timeline.FormatDay(start), Latest: timeline.FormatDay(start.AddDate(0, 0, w)), CAMEO: "01"})
		as = append(as, a)
	}
	if _, _, err := db.SaveAnalyses(ctx, as); err != nil {
		t.Fatal(err)
	}
	one := func(t *testing.T, day time.Time, id string, want bool) {
		t.Helper()
		evs, err := db.Events(ctx, timeline.EventFilter{From: day, To: day, Doc: id})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(evs) == 1; got != want {
			t.Errorf("%s on %s: matched %v, want %v", id, timeline.FormatDay(day), got, want)
		}
	}
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			id, end := fmt.Sprintf("w%d", w), start.AddDate(0, 0, w)
			one(t, start, id, true)
			one(t, end, id, true)
			one(t, start.AddDate(0, 0, -1), id, false)
			one(t, end.AddDate(0, 0, 1), id, false)
		})
	}
}

// An article stored again under another id keeps the stored id, which the
// caller's analysis takes.
func testSaveAnalysis_DuplicateTakesStoredID(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	if _, err := db.SaveAnalysis(ctx, analysis("first", "same body")); err != nil {
		t.Fatal(err)
	}
	again := analysis("second", "same body", Ev{ID: "x", Earliest: "2018-01-02", Latest: "2018-01-02", CAMEO: "01"})
	if stored, err := db.SaveAnalysis(ctx, again); stored || err != nil {
		t.Fatalf("SaveAnalysis = %v, %v; want a duplicate", stored, err)
	}
	if again.Document.ID != "first" || again.Events[0].Doc != "first" {
		t.Errorf("duplicate analysis names %q (event of %q), want the stored id first", again.Document.ID, again.Events[0].Doc)
	}
}

// ReplaceAnalysis swaps the stored analysis of an article for a new one, keeping
// its id, in one transaction.
func testReplaceAnalysis(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	old := analysis("stored-id", "the body", Ev{ID: "e-old", Earliest: "2018-01-02", Latest: "2018-01-02", CAMEO: "01"})
	if _, err := db.SaveAnalysis(ctx, old); err != nil {
		t.Fatal(err)
	}
	repl := analysis("file-name", "the body", Ev{ID: "e-new", Earliest: "2018-01-10", Latest: "2018-01-10", CAMEO: "04"})
	repl.Document.DCT = d("2018-01-12")
	prev, err := db.ReplaceAnalysis(ctx, repl)
	if err != nil {
		t.Fatal(err)
	}
	if prev == nil || prev.ID != "stored-id" {
		t.Errorf("replaced %+v, want the stored document", prev)
	}
	if repl.Document.ID != "stored-id" {
		t.Errorf("replacement named %q, want the stored id", repl.Document.ID)
	}
	evs, err := db.Events(ctx, timeline.EventFilter{})
	if err != nil || len(evs) != 1 || evs[0].CAMEO != "04" || evs[0].Doc != "stored-id" {
		t.Errorf("events after replace: %+v, %v; want the new one alone", evs, err)
	}
	// An article not stored yet is simply stored.
	if prev, err := db.ReplaceAnalysis(ctx, analysis("new", "another body")); prev != nil || err != nil {
		t.Errorf("ReplaceAnalysis of a new article = %v, %v", prev, err)
	}
	if docs, _ := db.Documents(ctx); len(docs) != 2 {
		t.Errorf("%d documents, want 2", len(docs))
	}
}

func testActors(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	a := analysis("a", "body a",
		Ev{"e1", "2018-01-01", "2018-01-01", "04", "Moon Jae-in/KORGOV", "Kim Jong Un/PRKGOV", ""},
		Ev{"e2", "2018-01-02", "2018-01-02", "13", "Kim Jong Un/PRKGOV", "The United States/USA", ""},
		Ev{"e3", "2018-01-03", "2018-01-03", "13", "Kim/PRKGOV", "the two Koreas/", ""},
	)
	if _, err := db.SaveAnalysis(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := db.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []timeline.ActorCount{
		{Code: "PRKGOV", Name: "Kim Jong Un", Source: 2, Target: 1},
		{Code: "KORGOV", Name: "Moon Jae-in", Source: 1},
		{Code: "USA", Name: "The United States", Target: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Actors = %+v\nwant %+v", got, want)
	}
}

// The SQL of a date-range query answers as timeline.EventFilter.InRange, the
// rule every store follows: checked over events of many shapes (closed, open at
// either end, at and past the horizon) and ranges of every kind.
func testEvents_InRangeAgrees(t *testing.T, h Harness) {
	ctx := context.Background()
	db := h.New(t)
	days := []string{"", "1996-05-01", "2016-12-31", "2017-01-01", "2017-02-01", "2017-12-31", "2018-01-01",
		"2018-01-15", "2018-01-31", "2018-02-01", "2018-06-01", "2019-01-31", "2019-02-01", "2025-01-01"}
	type bounds struct{ lo, hi string }
	var all []bounds
	var evs []Ev
	for _, lo := range days {
		for _, hi := range days {
			if lo != "" && hi != "" && hi < lo {
				continue
			}
			all = append(all, bounds{lo, hi})
			evs = append(evs, Ev{ID: fmt.Sprintf("e%03d", len(evs)), Earliest: lo, Latest: hi, CAMEO: "01"})
		}
	}
	if _, err := db.SaveAnalysis(ctx, analysis("grid", "grid body", evs...)); err != nil {
		t.Fatal(err)
	}
	var filters []timeline.EventFilter
	for _, from := range []string{"", "2018-01-01", "2018-02-01"} {
		for _, to := range []string{"", "2018-01-31", "2018-12-31"} {
			if from != "" && to != "" && to < from {
				continue
			}
			for _, hz := range []timeline.Period{{}, {Months: 1}, {Years: 30}, {Years: 9000}} {
				for _, within := range []bool{false, true} {
					filters = append(filters, timeline.EventFilter{From: d(from), To: d(to), Horizon: hz, Within: within})
				}
			}
		}
	}
	for _, f := range filters {
		got, err := db.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs, wantIDs []string
		for _, e := range got {
			gotIDs = append(gotIDs, e.ID)
		}
		for i, b := range all {
			if f.InRange(d(b.lo), d(b.hi)) {
				wantIDs = append(wantIDs, evs[i].ID)
			}
		}
		slices.Sort(gotIDs)
		if !slices.Equal(gotIDs, wantIDs) {
			for i, b := range all {
				in, want := slices.Contains(gotIDs, evs[i].ID), f.InRange(d(b.lo), d(b.hi))
				if in != want {
					t.Errorf("from %s to %s horizon %v within %v: event %s..%s matched %v, InRange says %v",
						timeline.FormatDay(f.From), timeline.FormatDay(f.To), f.Horizon, f.Within, b.lo, b.hi, in, want)
				}
			}
		}
	}
}
