package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// chronoOrder is timeline.Compare in SQL (Less, then the id), so that a
// LIMIT keeps the chronologically first events.
const (
	chronoOrder = chronoKey + `, ` + chronoTail
	chronoKey   = `coalesce(earliest, latest, '9999-12-31')`
	chronoTail  = `gran_rank, doc, trigger_start, id`
)

// spanKey is the expression of the events_span index, spelled exactly so for
// SQLite to use it.
const spanKey = `coalesce(earliest, latest)`

// Span classes (the span_class column): bounded events are classed 0..maxClass
// by the bit length of their width in days.
const (
	classOpenEnd   = 100 // only earliest known
	classOpenStart = 101 // only latest known
	classUndated   = 102
	// maxClass is the class of the widest interval of years 0001..9999.
	maxClass = 22
)

// spanClass returns the span_class of an event with the bounds given.
func spanClass(earliest, latest time.Time) int {
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

const eventColumns = `id, doc, sentence_start, sentence_end, sentence_text,
	trigger_start, trigger_end, trigger_text, kind, cameo, status,
	source_name, source_code, target_name, target_code,
	when_value, earliest, latest, granularity, anchor,
	evidence_start, evidence_end, evidence_text, confidence`

// Events returns the events f selects, in chronological order (timeline.Less).
//
// The date range is matched as timeline.EventFilter.InRange says: by default an
// event matches when its interval [Earliest, Latest] overlaps [f.From, f.To], an
// open bound reaching the filter's horizon from the known one; an event with no
// bound at all matches only when no range is asked for. With f.Within, the
// event's interval must lie inside the range: its start known and no earlier
// than f.From when f.From is set, its end known and no later than f.To when f.To
// is set (as EVENTS.md's date-within treats an open gold side).
func (db *DB) Events(ctx context.Context, f timeline.EventFilter) ([]timeline.Event, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "store: events")
	}
	defer tx.Rollback()
	return findEvents(ctx, tx, f)
}

// Timeline returns the events f selects, in chronological order, and the
// documents they come from, ordered by id; both from one snapshot.
func (db *DB) Timeline(ctx context.Context, f timeline.EventFilter) (docs []timeline.Document, events []timeline.Event, err error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, nil, wrap(err, "store: timeline")
	}
	defer tx.Rollback()

	if events, err = findEvents(ctx, tx, f); err != nil {
		return nil, nil, err
	}
	var ids []string
	for i := range events {
		ids = append(ids, events[i].Doc)
	}
	slices.Sort(ids)
	for _, id := range slices.Compact(ids) {
		d, err := findDocument(ctx, tx, id)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, *d)
	}
	return docs, events, nil
}

func findEvents(ctx context.Context, tx *sql.Tx, f timeline.EventFilter) ([]timeline.Event, error) {
	where, args, ranged := eventWhere(f)
	q := `SELECT ` + eventColumns + ` FROM events WHERE ` + strings.Join(where, " AND ")
	switch {
	case f.Limit > 0 && ranged:
		// Keep SQLite from walking the chronological index to save the sort
		// (reading every event): an expression that is not the index's.
		q += ` ORDER BY ` + chronoKey + ` || '', ` + chronoTail + fmt.Sprintf(` LIMIT %d`, f.Limit)
	case f.Limit > 0:
		q += ` ORDER BY ` + chronoOrder + fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	// Without a LIMIT the rows are sorted here rather than by SQLite, whose
	// sorter would move every column of every row.
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query events: %w", err)
	}
	defer rows.Close()

	var events []timeline.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: query events: %w", err)
	}
	slices.SortFunc(events, timeline.Compare)
	return events, nil
}

// eventWhere builds the conditions of f, joined with AND (at least one), and
// whether they select a date range.
func eventWhere(f timeline.EventFilter) (where []string, args []any, ranged bool) {
	where = []string{"1"}
	from, to := day(f.From), day(f.To)
	ranged = from != nil || to != nil
	switch {
	case ranged && f.Within:
		// A bound of the range holds only an event whose bound on that side is
		// known (a NULL fails the comparison); an open side holds any.
		if from != nil {
			where = append(where, `earliest >= ?`)
			args = append(args, from)
		}
		if to != nil {
			where = append(where, `latest <= ?`)
			args = append(args, to)
		}
		if from != nil && to != nil {
			// Implied, but it bounds the events_earliest index scan to the range.
			where = append(where, `earliest <= ?`)
			args = append(args, to)
		}
	case ranged && from == nil:
		// Everything before To: every event starting by To, and every one with an
		// open start whose end is within the horizon after To. A long scan
		// whatever the index: so is the answer.
		if reach := shiftDay(f.To, f.OpenHorizon(), 1); reach != nil {
			where = append(where, fmt.Sprintf(`(span_class = %d AND latest <= ? OR earliest <= ?)`, classOpenStart))
			args = append(args, reach, to)
		} else {
			where = append(where, fmt.Sprintf(`(span_class = %d OR earliest <= ?)`, classOpenStart))
			args = append(args, to)
		}
	case ranged:
		terms, targs := overlapTerms(f.From, to, f.OpenHorizon())
		where = append(where, `(`+strings.Join(terms, "\n\t\tOR ")+`)`, `(latest IS NULL OR latest >= ?)`)
		args = append(append(args, targs...), from)
	}
	if f.Actor != "" {
		sub, prefix := "%"+escapeLike(f.Actor)+"%", escapeLike(f.Actor)+"%"
		where = append(where, `(source_name LIKE ? ESCAPE '\' OR target_name LIKE ? ESCAPE '\'
			OR source_code LIKE ? ESCAPE '\' OR target_code LIKE ? ESCAPE '\')`)
		args = append(args, sub, sub, prefix, prefix)
	}
	if f.CAMEO != "" {
		where = append(where, `cameo = ?`)
		args = append(args, f.CAMEO)
	}
	if f.Doc != "" {
		where = append(where, `doc = ?`)
		args = append(args, f.Doc)
	}
	for _, w := range strings.Fields(f.Text) {
		where = append(where, `sentence_text LIKE ? ESCAPE '\'`)
		args = append(args, "%"+escapeLike(w)+"%")
	}
	return where, args, ranged
}

// shiftDay returns the day bound t moved by the horizon h (sign 1: later, -1:
// earlier), or nil when that leaves the years the database holds (no limit).
func shiftDay(t time.Time, h timeline.Period, sign int) any {
	s := h.After(t)
	if sign < 0 {
		s = h.Before(t)
	}
	if s.Year() < 1 || s.Year() > 9999 {
		return nil
	}
	return day(s)
}

// overlapTerms returns the terms, one an events_span index range, that select
// the events that may overlap [from, to] (to nil: open); the caller adds that
// they end no earlier than from. An event of class c is shorter than 2^c days,
// so it overlaps only if it starts in [from - 2^c + 1, to]. An open bound
// reaches the horizon h from the known one (timeline.EventFilter.InRange).
func overlapTerms(from time.Time, to any, h timeline.Period) (terms []string, args []any) {
	upper := func(term string) string {
		if to == nil {
			return term
		}
		args = append(args, to)
		return term + ` AND ` + spanKey + ` <= ?`
	}
	for c := 0; c <= maxClass; c++ {
		term := fmt.Sprintf(`span_class = %d`, c)
		if lower := from.AddDate(0, 0, -(1<<c - 1)); lower.Year() >= 1 {
			term += ` AND ` + spanKey + ` >= ?`
			args = append(args, day(lower))
		}
		terms = append(terms, `(`+upper(term)+`)`)
	}
	openEnd := fmt.Sprintf(`span_class = %d`, classOpenEnd)
	if reach := shiftDay(from, h, -1); reach != nil {
		openEnd += ` AND ` + spanKey + ` >= ?`
		args = append(args, reach)
	}
	terms = append(terms, `(`+upper(openEnd)+`)`)
	openStart := fmt.Sprintf(`span_class = %d AND `+spanKey+` >= ?`, classOpenStart)
	args = append(args, day(from))
	if to != nil {
		if t, _ := time.Parse(timeline.DateLayout, to.(string)); !t.IsZero() {
			if reach := shiftDay(t, h, 1); reach != nil {
				openStart += ` AND ` + spanKey + ` <= ?`
				args = append(args, reach)
			}
		}
	}
	terms = append(terms, `(`+openStart+`)`)
	return terms, args
}

// escapeLike makes s match itself literally in a LIKE pattern with ESCAPE '\'.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func scanEvent(rows *sql.Rows) (timeline.Event, error) {
	var (
		e                timeline.Event
		srcName, srcCode sql.NullString
		tgtName, tgtCode sql.NullString
		earliest, latest sql.NullString
		gran, anchor     string
		evStart, evEnd   sql.NullInt64
		evText           sql.NullString
	)
	if err := rows.Scan(&e.ID, &e.Doc, &e.Sentence.Start, &e.Sentence.End, &e.Sentence.Text,
		&e.Trigger.Start, &e.Trigger.End, &e.Trigger.Text, &e.Kind, &e.CAMEO, &e.Status,
		&srcName, &srcCode, &tgtName, &tgtCode,
		&e.When, &earliest, &latest, &gran, &anchor,
		&evStart, &evEnd, &evText, &e.Confidence); err != nil {
		return e, fmt.Errorf("store: scan event: %w", err)
	}
	e.Granularity, e.Anchor = timeline.Granularity(gran), timeline.Anchor(anchor)
	e.Source, e.Target = scanActor(srcName, srcCode), scanActor(tgtName, tgtCode)
	if evStart.Valid {
		e.Evidence = &timeline.Text{Start: int(evStart.Int64), End: int(evEnd.Int64), Text: evText.String}
	}
	var err error
	if e.Earliest, err = parseDay(earliest); err != nil {
		return e, fmt.Errorf("store: event %s: earliest: %w", e.ID, err)
	}
	if e.Latest, err = parseDay(latest); err != nil {
		return e, fmt.Errorf("store: event %s: latest: %w", e.ID, err)
	}
	return e, nil
}

func scanActor(name, code sql.NullString) *timeline.Actor {
	if !name.Valid && !code.Valid {
		return nil
	}
	return &timeline.Actor{Name: name.String, Code: code.String}
}

// Actors lists the coded actors of the stored events, each with the name its
// events give it most often and its counts as source and as target, the most
// frequent first (then by code).
func (db *DB) Actors(ctx context.Context) ([]timeline.ActorCount, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "store: actors")
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT code, name, sum(src), sum(tgt) FROM (
			SELECT source_code AS code, coalesce(source_name, '') AS name, 1 AS src, 0 AS tgt
			FROM events WHERE source_code IS NOT NULL AND source_code != ''
			UNION ALL
			SELECT target_code, coalesce(target_name, ''), 0, 1
			FROM events WHERE target_code IS NOT NULL AND target_code != '')
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
