package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/timelinehq/timeline/timeline"
)

// The open-bound expressions of the events_lo_hi and events_hi_lo indexes; a
// query must spell them exactly so for SQLite to use those indexes.
const (
	loExpr = `coalesce(earliest, '0000-01-01')`
	hiExpr = `coalesce(latest, '9999-12-31')`
	// chronoOrder is timeline.Less in SQL (plus the id, for a total order), so
	// that a LIMIT keeps the chronologically first events.
	chronoOrder = `coalesce(earliest, latest, '9999-12-31'), gran_rank, doc, trigger_start, id`
)

const eventColumns = `id, doc, sentence_start, sentence_end, sentence_text,
	trigger_start, trigger_end, trigger_text, kind, cameo, status,
	source_name, source_code, target_name, target_code,
	when_value, earliest, latest, granularity, anchor,
	evidence_start, evidence_end, evidence_text, confidence`

// Events returns the events f selects, in chronological order (timeline.Less).
//
// By default an event matches when its interval [Earliest, Latest] overlaps
// [f.From, f.To], an open bound on either side reaching to the end of time; an
// event with no bound at all matches only when no range is asked for. With
// f.Within, both of an event's bounds must be known and lie inside the range.
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
	where, args := eventWhere(f)
	q := `SELECT ` + eventColumns + ` FROM events WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY ` + chronoOrder
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
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
	// The SQL order is timeline.Less already; sorting again (stably, so the id
	// tie-break survives) keeps the promise even if the two ever drift apart.
	slices.SortStableFunc(events, func(a, b timeline.Event) int {
		switch {
		case timeline.Less(&a, &b):
			return -1
		case timeline.Less(&b, &a):
			return 1
		}
		return 0
	})
	return events, nil
}

// eventWhere builds the conditions of f, joined with AND (at least one).
func eventWhere(f timeline.EventFilter) (where []string, args []any) {
	where = []string{"1"}
	from, to := day(f.From), day(f.To)
	ranged := from != nil || to != nil
	switch {
	case ranged && f.Within:
		where = append(where, `earliest IS NOT NULL`, `latest IS NOT NULL`)
		if from != nil {
			where = append(where, loExpr+` >= ?`)
			args = append(args, from)
		}
		if to != nil {
			where = append(where, hiExpr+` <= ?`)
			args = append(args, to)
		}
	case ranged:
		where = append(where, `(earliest IS NOT NULL OR latest IS NOT NULL)`)
		if to != nil {
			where = append(where, loExpr+` <= ?`)
			args = append(args, to)
		}
		if from != nil {
			where = append(where, hiExpr+` >= ?`)
			args = append(args, from)
		}
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
	return where, args
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
