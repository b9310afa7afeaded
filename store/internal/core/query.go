package core

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// The chronological order of occurrences: timeline.Compare of the merged event
// (its common interval, then the representative's granularity, document and
// position, then its id), spelled as the occurrences_chrono index has it.
const (
	chronoKey  = `o.skey`
	chronoTail = `o.gran_rank, o.doc, o.trigger_start, o.id`
	// ChronoOrder is the plain ORDER BY of a query.
	ChronoOrder = chronoKey + `, ` + chronoTail
	// ChronoUnindexed is the same order through an expression that is not the
	// index's, for SQLite (Dialect.RangeOrder).
	ChronoUnindexed = chronoKey + ` || '', ` + chronoTail
)

// spanKey is the start of an occurrence (its end when the start is open), the
// second column of the date-range lookup.
const spanKey = `o.skey`

// undatedKey is the skey of an occurrence with no bound.
const undatedKey = "9999-12-31"

// skey returns the skey of an interval.
func skey(earliest, latest time.Time) any {
	switch {
	case !earliest.IsZero():
		return Day(earliest)
	case !latest.IsZero():
		return Day(latest)
	}
	return undatedKey
}

// Span classes (the span_class column): bounded intervals are classed
// 0..maxClass by the bit length of their width in days.
const (
	classOpenEnd   = 100 // only earliest known
	classOpenStart = 101 // only latest known
	classUndated   = 102
	// maxClass is the class of the widest interval of years 0001..9999.
	maxClass = 22
)

// SpanClass returns the span_class of an interval with the bounds given.
func SpanClass(earliest, latest time.Time) int {
	switch {
	case earliest.IsZero() && latest.IsZero():
		return classUndated
	case latest.IsZero():
		return classOpenEnd
	case earliest.IsZero():
		return classOpenStart
	}
	// Not latest.Sub(earliest): a time.Duration saturates at 292 years.
	days := int((latest.Unix() - earliest.Unix()) / (24 * 60 * 60))
	// A reversed interval (bad data) still overlaps only ranges it starts in.
	return min(bits.Len(uint(max(days, 0))), maxClass)
}

// eventColumns are the columns of an event but its bounds, as e.
const eventColumns = `e.id, e.doc, e.sentence_start, e.sentence_end, e.sentence_text,
	e.trigger_start, e.trigger_end, e.trigger_text, e.kind, e.cameo, e.status,
	e.source_name, e.source_code, e.target_name, e.target_code,
	e.when_value, e.granularity, e.anchor,
	e.evidence_start, e.evidence_end, e.evidence_text, e.confidence`

// Events returns the occurrences f selects, each as the event that stands for
// it (timeline.Group.Merged: the reports of one occurrence by several
// articles, merged as they were stored), in chronological order.
//
// The date range is matched as timeline.EventFilter.InRange says, against the
// occurrence's common interval. The other filters select an occurrence when
// one of its reports matches: its actor (a name substring, a code prefix), its
// words, its document; the CAMEO root is the same for all.
func (s *Store) Events(ctx context.Context, f timeline.EventFilter) ([]timeline.Event, error) {
	// The events are gathered in blocks, each twice the last, and copied into
	// one slice at the end: appending to one slice as it grows (by a quarter
	// once large) copied each event, a few hundred bytes, five times over,
	// and a month of a large store is thousands of them.
	var blocks [][]timeline.Event
	var block []timeline.Event
	n := 0
	err := s.EachEvent(ctx, f, func(e *timeline.Event) error {
		if len(block) == cap(block) {
			if block != nil {
				blocks = append(blocks, block)
			}
			block = make([]timeline.Event, 0, max(16, 2*cap(block)))
		}
		block = append(block, *e)
		n++
		return nil
	})
	if err != nil || n == 0 {
		return nil, err
	}
	if len(blocks) == 0 {
		return block, nil
	}
	evs := make([]timeline.Event, 0, n)
	for _, b := range append(blocks, block) {
		evs = append(evs, b...)
	}
	return evs, nil
}

// EachEvent calls fn with each occurrence Events would return, in the same
// order, as it is read: memory does not grow with the answer. The event fn is
// given is valid until fn returns (the next row is read into it): fn copies
// what it keeps. An error from fn stops the reading and is returned.
func (s *Store) EachEvent(ctx context.Context, f timeline.EventFilter, fn func(*timeline.Event) error) error {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return Wrap(err, "store: events")
	}
	defer tx.Rollback()
	return s.eachEvent(ctx, tx, f, fn)
}

func (s *Store) eachEvent(ctx context.Context, tx *sql.Tx, f timeline.EventFilter, fn func(*timeline.Event) error) error {
	n := 0
	for _, q := range s.eventQueries(f) {
		if q.arms != nil {
			// Only a query with no other after it has arms.
			return mergeArms(ctx, tx, q.arms, f.Limit, fn)
		}
		rows, err := tx.QueryContext(ctx, q.sql, q.args...)
		if err != nil {
			return fmt.Errorf("store: query events: %w", err)
		}
		var e timeline.Event // each row's, in turn: fn keeps no pointer to it
		sc := newOccurrenceScan()
		for rows.Next() {
			err := sc.scan(rows, &e)
			if err == nil {
				err = fn(&e)
			}
			if err != nil {
				rows.Close()
				return err
			}
			if n++; n == f.Limit {
				return rows.Close()
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: query events: %w", err)
		}
	}
	return nil
}

// longRange is the length from which a range is read in parts (eventQueries):
// about a season, a few thousand occurrences of a million.
const longRange = 92 * 24 * time.Hour

// query is an SQL statement and its arguments, or arms whose rows are merged.
type query struct {
	sql  string
	args []any
	// arms, when set (sql is then empty), are statements whose rows each come
	// in chronological order, merged as they are read (Dialect.MergeArms).
	arms []query
}

// EventQueries returns the statements that select f's occurrences, in turn,
// for plans and tests; the arms of a merged query each count as one.
func (s *Store) EventQueries(f timeline.EventFilter) (sqls []string, args [][]any) {
	for _, q := range s.eventQueries(f) {
		for _, a := range append([]query{q}, q.arms...) {
			if a.sql != "" {
				sqls, args = append(sqls, a.sql), append(args, a.args)
			}
		}
	}
	return sqls, args
}

// eventQueries returns the statements whose rows, one after the other, are
// f's occurrences in chronological order.
//
// An overlap with a short range, or with one open after its start, is read
// by span class (overlapQuery): each class's occurrences that may overlap it
// lie together in one index range, in chronological order, and the classes'
// rows are merged, with no sort. Other short ranges are read by one
// statement, sorted. A sort delays the first row by the time it takes to sort
// them all, so an overlap with a long closed range [from, to] is read in three parts, whose
// first rows come at once however long the range: the occurrences that start
// before it (few: long ones, open ones), sorted; then those that start inside
// it, all of which overlap it, in the order of the chronological index, which
// needs no sort (but reads its rows one by one, slower for a short range);
// then those known only to end after it, within the horizon.
func (s *Store) eventQueries(f timeline.EventFilter) []query {
	if f.From.IsZero() || f.To.IsZero() || f.Within || f.To.Sub(f.From) < longRange {
		if !f.From.IsZero() && !f.Within {
			return []query{s.overlapQuery(f)}
		}
		where, args, ranged := s.eventWhere(f)
		return []query{s.eventQuery(where, args, ranged, f.Limit)}
	}
	where, args, _ := s.eventWhere(f)
	before := s.eventQuery(append(where, `o.skey < ?`), append(args, Day(f.From)), true, f.Limit)
	g := f
	g.From, g.To = time.Time{}, time.Time{}
	where, args, _ = s.eventWhere(g)
	where = append(where, `o.skey >= ?`, `o.skey <= ?`, fmt.Sprintf(`o.span_class != %d`, classUndated))
	inside := s.eventQuery(where, append(args, Day(f.From), Day(f.To)), false, f.Limit)
	where, args, _ = s.eventWhere(f)
	after := s.eventQuery(append(where, `o.skey > ?`), append(args, Day(f.To)), true, f.Limit)
	return []query{before, inside, after}
}

func (s *Store) eventQuery(where []string, args []any, ranged bool, limit int) query {
	q := `SELECT o.earliest, o.latest, o.sources, o.docs, o.event
	FROM occurrences o
	WHERE ` + strings.Join(where, "\n\tAND ")
	order := ChronoOrder
	if ranged && s.D.RangeOrder != "" {
		order = s.D.RangeOrder
	}
	q += "\n\tORDER BY " + order
	if limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, limit)
	}
	return query{sql: s.Q(q), args: args}
}

// eventListColumns are what a merged arm (overlapQuery) selects: an event's,
// then, where the server merges the arms, the chronological order's columns.
const (
	eventListColumns = `o.earliest, o.latest, o.sources, o.docs, o.event`
	orderColumns     = `o.skey, o.gran_rank, o.doc, o.trigger_start, o.id`
)

// overlapQuery selects the occurrences that overlap f's range, From known,
// Within not set: one arm for each span class, the class's index range
// (overlapTerms) read in the primary key's order, which within a class is
// the chronological order, so that merging the arms orders the whole with no
// sort. SQLite merges them as it reads them (a statement per class, all open
// at once on the read transaction's connection: its own compound-select merge
// copies each row through a tree of co-routines, slower than a sort); a
// server merges them in one statement (UNION ALL under the ORDER BY:
// PostgreSQL's Merge Append).
//
// Where the dialect keeps a covering index of the rows not too wide for it
// (Dialect.Listed), the arms read that index alone, and one more arm reads
// the wide rows of every class, sorted: few.
func (s *Store) overlapQuery(f timeline.EventFilter) query {
	g := f
	g.From, g.To = time.Time{}, time.Time{}
	where, args, _ := s.eventWhere(g)
	terms, termArgs := overlapTerms(f.From, Day(f.To), f.OpenHorizon())
	from := Day(f.From)
	ends := `(o.latest IS NULL OR o.latest >= ?)`
	columns := eventListColumns
	if !s.D.MergeArms {
		columns += `, ` + orderColumns
	}
	limit := ""
	if f.Limit > 0 {
		limit = fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	arm := func(conds []string, condArgs []any, order string) query {
		w := append(slices.Clone(where), conds...)
		a := append(append(slices.Clone(args), condArgs...), from)
		return query{sql: `SELECT ` + columns + ` FROM occurrences o
	WHERE ` + strings.Join(append(w, ends), "\n\tAND ") + `
	ORDER BY ` + order + limit, args: a}
	}
	var arms []query
	for i, t := range terms {
		conds := []string{t}
		if s.D.Listed != "" {
			conds = append(conds, s.D.Listed)
		}
		arms = append(arms, arm(conds, termArgs[i], ChronoOrder))
	}
	if s.D.Listed != "" {
		var all []any
		for _, a := range termArgs {
			all = append(all, a...)
		}
		arms = append(arms, arm([]string{`NOT ` + s.D.Listed, `(` + strings.Join(terms, "\n\t\tOR ") + `)`}, all, ChronoOrder))
	}
	if s.D.MergeArms {
		for i := range arms {
			arms[i].sql = s.Q(arms[i].sql)
		}
		return query{arms: arms}
	}
	var b strings.Builder
	var all []any
	b.WriteString(`SELECT u.earliest, u.latest, u.sources, u.docs, u.event FROM (`)
	for i, a := range arms {
		if i > 0 {
			b.WriteString("\nUNION ALL")
		}
		b.WriteString("\n(" + a.sql + ")")
		all = append(all, a.args...)
	}
	// The arms' own ORDER BY is what lets the planner merge them rather than
	// sort their union.
	b.WriteString("\n) u\nORDER BY u.skey, u.gran_rank, u.doc, u.trigger_start, u.id" + limit)
	return query{sql: s.Q(b.String()), args: all}
}

// mergeArms calls fn with the rows of arms, each in chronological order, in
// chronological order (timeline.Compare, which the order of the SQL spells),
// at most limit of them (0: all). It holds one row of each arm.
func mergeArms(ctx context.Context, tx *sql.Tx, arms []query, limit int, fn func(*timeline.Event) error) error {
	type head struct {
		rows *sql.Rows
		sc   *occurrenceScan
		e    timeline.Event
	}
	heads := make([]*head, 0, len(arms))
	defer func() {
		for _, h := range heads {
			h.rows.Close()
		}
	}()
	// next reads the next row of h, or closes it and reports false.
	next := func(h *head) (bool, error) {
		if h.rows.Next() {
			err := h.sc.scan(h.rows, &h.e)
			return err == nil, err
		}
		h.rows.Close()
		if err := h.rows.Err(); err != nil {
			return false, fmt.Errorf("store: query events: %w", err)
		}
		return false, nil
	}
	less := func(a, b *head) bool {
		if timeline.Less(&a.e, &b.e) {
			return true
		}
		return !timeline.Less(&b.e, &a.e) && a.e.ID < b.e.ID
	}
	for _, q := range arms {
		rows, err := tx.QueryContext(ctx, q.sql, q.args...)
		if err != nil {
			return fmt.Errorf("store: query events: %w", err)
		}
		h := &head{rows: rows, sc: newOccurrenceScan()}
		heads = append(heads, h)
		if ok, err := next(h); err != nil {
			return err
		} else if !ok {
			heads = heads[:len(heads)-1]
		}
	}
	// A binary heap of the arms by their current row; there are a few dozen.
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(heads) && less(heads[l], heads[m]) {
				m = l
			}
			if r := l + 1; r < len(heads) && less(heads[r], heads[m]) {
				m = r
			}
			if m == i {
				return
			}
			heads[i], heads[m] = heads[m], heads[i]
			i = m
		}
	}
	for i := len(heads)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for n := 0; len(heads) > 0; {
		h := heads[0]
		if err := fn(&h.e); err != nil {
			return err
		}
		if n++; n == limit {
			return nil
		}
		ok, err := next(h)
		if err != nil {
			return err
		}
		if !ok {
			last := len(heads) - 1
			heads[0] = heads[last]
			heads = heads[:last]
		}
		down(0)
	}
	return nil
}

// eventWhere builds the conditions of f, joined with AND (at least one), and
// whether they select a date range.
func (s *Store) eventWhere(f timeline.EventFilter) (where []string, args []any, ranged bool) {
	where = []string{"1 = 1"}
	from, to := Day(f.From), Day(f.To)
	ranged = from != nil || to != nil
	switch {
	case ranged && f.Within:
		// A bound of the range holds only an occurrence whose bound on that side
		// is known (a NULL fails the comparison); an open side holds any.
		if from != nil {
			where = append(where, `o.earliest >= ?`)
			args = append(args, from)
		}
		if to != nil {
			where = append(where, `o.latest <= ?`)
			args = append(args, to)
		}
		if from != nil && to != nil {
			// Implied, but it bounds the occurrences_earliest index scan.
			where = append(where, `o.earliest <= ?`)
			args = append(args, to)
		}
	case ranged && from == nil:
		// Everything before To: every occurrence starting by To, and every one
		// with an open start whose end is within the horizon after To. A long
		// scan whatever the index: so is the answer.
		if reach := shiftDay(f.To, f.OpenHorizon(), 1); reach != nil {
			where = append(where, fmt.Sprintf(`(o.span_class = %d AND o.latest <= ? OR o.earliest <= ?)`, classOpenStart))
			args = append(args, reach, to)
		} else {
			where = append(where, fmt.Sprintf(`(o.span_class = %d OR o.earliest <= ?)`, classOpenStart))
			args = append(args, to)
		}
	case ranged:
		terms, targs := overlapTerms(f.From, to, f.OpenHorizon())
		where = append(where, `(`+strings.Join(terms, "\n\t\tOR ")+`)`, `(o.latest IS NULL OR o.latest >= ?)`)
		for _, a := range targs {
			args = append(args, a...)
		}
		args = append(args, from)
	}
	// The other filters hold when one report of the occurrence matches.
	var member []string
	if f.Actor != "" {
		sub, prefix := "%"+escapeLike(f.Actor)+"%", escapeLike(f.Actor)+"%"
		like := s.D.ILike
		member = append(member, `(m.source_name `+like+` ? ESCAPE '\' OR m.target_name `+like+` ? ESCAPE '\'
			OR m.source_code `+like+` ? ESCAPE '\' OR m.target_code `+like+` ? ESCAPE '\')`)
		args = append(args, sub, sub, prefix, prefix)
	}
	for _, w := range strings.Fields(f.Text) {
		member = append(member, `m.sentence_text `+s.D.ILike+` ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(w)+"%")
	}
	if len(member) > 0 {
		where = append(where, `EXISTS (SELECT 1 FROM events m WHERE m.occurrence = o.id AND `+strings.Join(member, " AND ")+`)`)
	}
	if f.CAMEO != "" {
		where = append(where, `o.cameo = ?`)
		args = append(args, f.CAMEO)
	}
	if f.Doc != "" {
		where = append(where, `o.id IN (SELECT occurrence FROM events WHERE doc = ?)`)
		args = append(args, f.Doc)
	}
	return where, args, ranged
}

// shiftDay returns the day bound t moved by the horizon h (sign 1: later, -1:
// earlier), or nil when that leaves the years the database holds (no limit).
func shiftDay(t time.Time, h timeline.Period, sign int) any {
	moved := h.After(t)
	if sign < 0 {
		moved = h.Before(t)
	}
	if moved.Year() < 1 || moved.Year() > 9999 {
		return nil
	}
	return Day(moved)
}

// overlapTerms returns the terms, each an index range of one span class, that
// select the occurrences that may overlap [from, to] (to nil: open); the
// caller adds that they end no earlier than from. An interval of class c is
// shorter than 2^c days, so it overlaps only if it starts in [from - 2^c + 1,
// to]. An open bound reaches the horizon h from the known one
// (timeline.EventFilter.InRange). args are the arguments of each term.
func overlapTerms(from time.Time, to any, h timeline.Period) (terms []string, args [][]any) {
	var targs []any
	add := func(term string) {
		terms, args = append(terms, `(`+term+`)`), append(args, targs)
		targs = nil
	}
	upper := func(term string) string {
		if to == nil {
			return term
		}
		targs = append(targs, to)
		return term + ` AND ` + spanKey + ` <= ?`
	}
	for c := 0; c <= maxClass; c++ {
		term := fmt.Sprintf(`o.span_class = %d`, c)
		if lower := from.AddDate(0, 0, -(1<<c - 1)); lower.Year() >= 1 {
			term += ` AND ` + spanKey + ` >= ?`
			targs = append(targs, Day(lower))
		}
		add(upper(term))
	}
	openEnd := fmt.Sprintf(`o.span_class = %d`, classOpenEnd)
	if reach := shiftDay(from, h, -1); reach != nil {
		openEnd += ` AND ` + spanKey + ` >= ?`
		targs = append(targs, reach)
	}
	add(upper(openEnd))
	openStart := fmt.Sprintf(`o.span_class = %d AND `+spanKey+` >= ?`, classOpenStart)
	targs = append(targs, Day(from))
	if to != nil {
		if t, _ := time.Parse(timeline.DateLayout, to.(string)); !t.IsZero() {
			if reach := shiftDay(t, h, 1); reach != nil {
				openStart += ` AND ` + spanKey + ` <= ?`
				targs = append(targs, reach)
			}
		}
	}
	add(openStart)
	return terms, args
}

// escapeLike makes s match itself literally in a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// occurrenceScan holds what Scan writes a row of eventQuery into, made once
// for all the rows of a statement: variables passed to Scan escape, and
// fresh ones for each row were half the allocations of a listing.
type occurrenceScan struct {
	earliest, latest day
	sources          int
	docs             string
	payload          sql.RawBytes // decoded before the next row: no copy
	dest             []any
}

func newOccurrenceScan() *occurrenceScan {
	sc := &occurrenceScan{}
	sc.dest = []any{&sc.earliest, &sc.latest, &sc.sources, &sc.docs, &sc.payload}
	return sc
}

// scan reads a row of eventQuery into e, all of whose fields it sets.
func (sc *occurrenceScan) scan(rows *sql.Rows, e *timeline.Event) error {
	*e = timeline.Event{}
	if err := rows.Scan(sc.dest...); err != nil {
		return fmt.Errorf("store: scan event: %w", err)
	}
	if err := decodePayload(sc.payload, e); err != nil {
		return fmt.Errorf("store: occurrence of %s: %w", sc.docs, err)
	}
	e.Earliest, e.Latest = sc.earliest.t, sc.latest.t
	if sc.sources > 1 {
		e.Sources = sc.sources
		if err := json.Unmarshal([]byte(sc.docs), &e.Docs); err != nil {
			return fmt.Errorf("store: occurrence %s: documents %q: %w", e.ID, sc.docs, err)
		}
	}
	return nil
}

// scanEvent scans first into head, then eventColumns.
func scanEvent(rows *sql.Rows, head ...any) (timeline.Event, error) {
	var (
		e                timeline.Event
		srcName, srcCode sql.NullString
		tgtName, tgtCode sql.NullString
		gran, anchor     string
		evStart, evEnd   sql.NullInt64
		evText           sql.NullString
	)
	dest := append(head, &e.ID, &e.Doc, &e.Sentence.Start, &e.Sentence.End, &e.Sentence.Text,
		&e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text, &e.Kind, &e.CAMEO, &e.Status,
		&srcName, &srcCode, &tgtName, &tgtCode,
		&e.When, &gran, &anchor,
		&evStart, &evEnd, &evText, &e.Confidence)
	if err := rows.Scan(dest...); err != nil {
		return e, fmt.Errorf("store: scan event: %w", err)
	}
	e.Granularity, e.Anchor = timeline.Granularity(gran), timeline.Anchor(anchor)
	e.Source, e.Target = scanActor(srcName, srcCode), scanActor(tgtName, tgtCode)
	if evStart.Valid {
		e.Evidence = &timeline.Text{Start: int(evStart.Int64), End: int(evEnd.Int64), Text: evText.String}
	}
	return e, nil
}

func scanActor(name, code sql.NullString) *timeline.Actor {
	if !name.Valid && !code.Valid {
		return nil
	}
	return &timeline.Actor{Name: name.String, Code: code.String}
}

// docEvents returns the events of one document as they were saved, unmerged,
// in chronological order.
func (s *Store) docEvents(ctx context.Context, tx *sql.Tx, doc string) ([]timeline.Event, error) {
	rows, err := tx.QueryContext(ctx, s.Q(`SELECT e.earliest, e.latest, `+eventColumns+` FROM events e WHERE e.doc = ?`), doc)
	if err != nil {
		return nil, fmt.Errorf("store: events of %s: %w", doc, err)
	}
	defer rows.Close()
	var evs []timeline.Event
	for rows.Next() {
		var earliest, latest day
		e, err := scanEvent(rows, &earliest, &latest)
		if err != nil {
			return nil, err
		}
		e.Earliest, e.Latest = earliest.t, latest.t
		evs = append(evs, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events of %s: %w", doc, err)
	}
	slices.SortFunc(evs, timeline.Compare)
	return evs, nil
}

// Timeline returns the occurrences f selects, in chronological order, and the
// documents that report them, ordered by id; both from one snapshot.
func (s *Store) Timeline(ctx context.Context, f timeline.EventFilter) (docs []timeline.Document, events []timeline.Event, err error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, nil, Wrap(err, "store: timeline")
	}
	defer tx.Rollback()

	var ids []string
	err = s.eachEvent(ctx, tx, f, func(e *timeline.Event) error {
		events = append(events, *e)
		ids = append(ids, e.Doc)
		ids = append(ids, e.Docs...)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		d, err := s.findDocument(ctx, tx, id)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, *d)
	}
	return docs, events, nil
}

// Actors lists the coded actors of the stored events, each with the name its
// events give it most often and its counts as source and as target, the most
// frequent first (then by code).
func (s *Store) Actors(ctx context.Context) ([]timeline.ActorCount, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, Wrap(err, "store: actors")
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT code, name, sum(src), sum(tgt) FROM (
			SELECT source_code AS code, coalesce(source_name, '') AS name, 1 AS src, 0 AS tgt
			FROM events WHERE source_code IS NOT NULL AND source_code != ''
			UNION ALL
			SELECT target_code, coalesce(target_name, ''), 0, 1
			FROM events WHERE target_code IS NOT NULL AND target_code != '') AS a
		GROUP BY code, name`)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	defer rows.Close()
	byCode := make(map[string]*timeline.ActorCount)
	best := make(map[string]int) // events of the name kept
	for rows.Next() {
		var code, name string
		var src, tgt int
		if err := rows.Scan(&code, &name, &src, &tgt); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		a := byCode[code]
		if a == nil {
			a = &timeline.ActorCount{Code: code}
			byCode[code] = a
		}
		a.Source += src
		a.Target += tgt
		if n := src + tgt; n > best[code] || n == best[code] && name < a.Name {
			a.Name, best[code] = name, n
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	out := make([]timeline.ActorCount, 0, len(byCode))
	for _, a := range byCode {
		out = append(out, *a)
	}
	slices.SortFunc(out, func(a, b timeline.ActorCount) int {
		if n, m := a.Source+a.Target, b.Source+b.Target; n != m {
			return m - n
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out, nil
}
