package http

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/export"
)

// filterOf reads the query command's filters from the URL: from, to (YYYY,
// YYYY-MM or YYYY-MM-DD; from takes the first day, to the last), within
// (1/true), actor, cameo, doc and text.
func filterOf(q url.Values) (timeline.EventFilter, error) {
	f := timeline.EventFilter{
		Actor: strings.TrimSpace(q.Get("actor")),
		Doc:   q.Get("doc"),
		Text:  q.Get("text"),
	}
	if v := q.Get("within"); v != "" {
		within, err := strconv.ParseBool(v)
		if err != nil {
			return f, timeline.Errorf(timeline.EINVALID, "within: want true or false, got %q", v)
		}
		f.Within = within
	}
	if v := q.Get("from"); v != "" {
		first, _, err := timeline.ParseRange(v)
		if err != nil {
			return f, timeline.Errorf(timeline.EINVALID, "from: %v", err)
		}
		f.From = first
	}
	if v := q.Get("to"); v != "" {
		_, last, err := timeline.ParseRange(v)
		if err != nil {
			return f, timeline.Errorf(timeline.EINVALID, "to: %v", err)
		}
		f.To = last
	}
	f.CAMEO = q.Get("cameo")
	if len(f.CAMEO) == 1 {
		f.CAMEO = "0" + f.CAMEO
	}
	return f, f.Validate()
}

// events returns the occurrences the request's filters select (the store
// merged the reports of each as it stored them), in chronological order.
func (s *Server) events(r *http.Request) ([]timeline.Event, error) {
	f, err := filterOf(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return s.eventsOf(r, f)
}

func (s *Server) eventsOf(r *http.Request, f timeline.EventFilter) ([]timeline.Event, error) {
	evs, err := s.Store.Events(r.Context(), f)
	if err != nil || s.Merge == nil {
		return evs, err
	}
	return s.Merge(evs), nil
}

// documents returns the documents of events and of their other reports,
// ordered by id. A document deleted since the events were read is left out.
func (s *Server) documents(r *http.Request, events []timeline.Event) ([]timeline.Document, error) {
	var ids []string
	for i := range events {
		ids = append(ids, events[i].Doc)
		ids = append(ids, events[i].Docs...)
	}
	slices.Sort(ids)
	var docs []timeline.Document
	for _, id := range slices.Compact(ids) {
		d, err := s.Store.Document(r.Context(), id)
		if timeline.ErrorCode(err) == timeline.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		docs = append(docs, *d)
	}
	return docs, nil
}

// intParam reads a non-negative integer parameter, def when absent.
func intParam(q url.Values, name string, def int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, timeline.Errorf(timeline.EINVALID, "%s: want a whole number >= 0, got %q", name, v)
	}
	return n, nil
}

// apiEvents answers GET /api/events: one page of the events the filters select,
// in chronological order, with the total.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	offset, err := intParam(q, "offset", 0)
	if err != nil {
		s.error(w, r, err)
		return
	}
	limit, err := intParam(q, "limit", DefaultPageSize)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if limit == 0 || limit > MaxPageSize {
		s.error(w, r, timeline.Errorf(timeline.EINVALID, "limit: want 1 to %d, got %d", MaxPageSize, limit))
		return
	}
	evs, err := s.events(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	page := evs[min(offset, len(evs)):]
	page = page[:min(limit, len(page))]
	docs, err := s.documents(r, page)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.writeJSON(w, r, export.NewEventsPage(docs, evs, offset, limit))
}

// apiDocs answers GET /api/docs: every stored document with its event count.
func (s *Server) apiDocs(w http.ResponseWriter, r *http.Request) {
	list, err := s.Store.Documents(r.Context())
	if err != nil {
		s.error(w, r, err)
		return
	}
	out := make([]export.PageDocument, 0, len(list))
	for i := range list {
		out = append(out, export.NewPageListing(&list[i]))
	}
	s.writeJSON(w, r, out)
}

// apiDoc answers GET /api/docs/{id}: one document with its body, so that a
// byte span of an event can be shown in its context.
func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) {
	d, err := s.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.writeJSON(w, r, export.NewPageDocument(d, true))
}

// apiActor is an actor as /api/actors lists it.
type apiActor struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Party  string `json:"party"`
	Events int    `json:"events"`
}

// apiActors answers GET /api/actors: the actors of the events the filters
// select (as source or target), the busiest first.
func (s *Server) apiActors(w http.ResponseWriter, r *http.Request) {
	evs, err := s.events(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	type key struct{ name, code string }
	counts := make(map[key]*apiActor)
	for i := range evs {
		for _, a := range []*timeline.Actor{evs[i].Source, evs[i].Target} {
			if a == nil || (a.Name == "" && a.Code == "") {
				continue
			}
			k := key{a.Name, a.Code}
			if counts[k] == nil {
				counts[k] = &apiActor{Name: a.Name, Code: a.Code, Party: timeline.Party(a)}
			}
			counts[k].Events++
		}
	}
	list := make([]apiActor, 0, len(counts))
	for _, a := range counts {
		list = append(list, *a)
	}
	slices.SortFunc(list, func(x, y apiActor) int {
		return cmp.Or(cmp.Compare(y.Events, x.Events), strings.Compare(x.Name, y.Name), strings.Compare(x.Code, y.Code))
	})
	s.writeJSON(w, r, list)
}

// apiDyads answers GET /api/dyads: the dyads of the events the filters select,
// the busiest first.
func (s *Server) apiDyads(w http.ResponseWriter, r *http.Request) {
	evs, err := s.events(r)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.writeJSON(w, r, export.NewPageDyads(evs))
}

// apiTension answers GET /api/tension?dyad=A-B&period=week|month: the dyad's
// Goldstein sums per period over the events the filters select.
func (s *Server) apiTension(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d, err := timeline.ParseDyad(q.Get("dyad"))
	if err != nil {
		s.error(w, r, fmt.Errorf("dyad: %w", err))
		return
	}
	period := q.Get("period")
	if period == "" {
		period = string(timeline.BinMonth)
	}
	b, err := timeline.ParseBin(period)
	if err != nil {
		s.error(w, r, err)
		return
	}
	f, err := filterOf(q)
	if err != nil {
		s.error(w, r, err)
		return
	}
	if f.Actor == "" {
		// Only events with the dyad's first party count: let the store leave
		// out the rest (the actor filter takes a code prefix, and Tension
		// keeps only the dyad's events of what it returns).
		f.Actor = d.A
	}
	evs, err := s.eventsOf(r, f)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.writeJSON(w, r, export.NewPageTension(evs, d, b))
}

// apiCAMEO answers GET /api/cameo: the CAMEO roots, for the filter's choices.
func (s *Server) apiCAMEO(w http.ResponseWriter, r *http.Request) {
	type root struct {
		Code      string  `json:"code"`
		Name      string  `json:"name"`
		Goldstein float64 `json:"goldstein"`
		QuadClass int     `json:"quad_class"`
	}
	var list []root
	for i := 1; i <= 20; i++ {
		if rt, ok := timeline.CAMEORoot(fmt.Sprintf("%02d", i)); ok {
			list = append(list, root{rt.Code, rt.Name, rt.Goldstein, rt.QuadClass})
		}
	}
	s.writeJSON(w, r, list)
}
