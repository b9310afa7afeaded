package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

const documentColumns = `id, title, source, url, path, body, dct, dct_inferred, dct_earliest, dct_latest`

// listingColumns are documentColumns without the body: a listing of a large
// store must not read every article (DocumentSummary.SHA identifies the body).
const listingColumns = `id, title, source, url, path, '', dct, dct_inferred, dct_earliest, dct_latest`

// Document returns the stored document id; ENOTFOUND when there is none.
func (db *DB) Document(ctx context.Context, id string) (*timeline.Document, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "store: document %s", id)
	}
	defer tx.Rollback()
	return findDocument(ctx, tx, id)
}

// Documents lists the stored documents with their event counts, by publication
// date (undated last), then id. Bodies are left empty; Document reads one.
func (db *DB) Documents(ctx context.Context) ([]timeline.DocumentSummary, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "store: documents")
	}
	defer tx.Rollback()

	rows, err := tx.QueryContext(ctx, `SELECT `+listingColumns+`, sha256, added_at,
		(SELECT count(*) FROM events WHERE events.doc = documents.id)
		FROM documents
		ORDER BY coalesce(dct, dct_earliest, dct_latest) IS NULL, coalesce(dct, dct_earliest, dct_latest), id`)
	if err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
	}
	defer rows.Close()

	var list []timeline.DocumentSummary
	for rows.Next() {
		var (
			s     timeline.DocumentSummary
			added string
		)
		if err := scanDocument(rows, &s.Document, &s.SHA, &added, &s.Events); err != nil {
			return nil, err
		}
		// added_at is bookkeeping written by this package; an unreadable one is
		// not worth failing a listing for.
		s.Added, _ = time.Parse(time.RFC3339, added)
		list = append(list, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
	}
	return list, nil
}

// Timexes returns the temporal expressions of document docID in the order they
// were saved; ENOTFOUND when there is no such document.
func (db *DB) Timexes(ctx context.Context, docID string) ([]timeline.Timex, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "store: timexes of %s", docID)
	}
	defer tx.Rollback()
	if err := documentExists(ctx, tx, docID); err != nil {
		return nil, err
	}
	return findTimexes(ctx, tx, docID)
}

// Analysis returns everything stored for document id, as it was saved (events in
// chronological order); ENOTFOUND when there is no such document.
func (db *DB) Analysis(ctx context.Context, id string) (*timeline.Analysis, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, wrap(err, "store: analysis %s", id)
	}
	defer tx.Rollback()

	d, err := findDocument(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	a := &timeline.Analysis{Document: *d}
	if a.Timexes, err = findTimexes(ctx, tx, id); err != nil {
		return nil, err
	}
	if a.Events, err = findEvents(ctx, tx, timeline.EventFilter{Doc: id}); err != nil {
		return nil, err
	}

	rows, err := tx.QueryContext(ctx, `SELECT span_start, span_end FROM sentences WHERE doc = ? ORDER BY idx`, id)
	if err != nil {
		return nil, fmt.Errorf("store: sentences of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sp timeline.Span
		if err := rows.Scan(&sp.Start, &sp.End); err != nil {
			return nil, fmt.Errorf("store: sentences of %s: %w", id, err)
		}
		a.Sentences = append(a.Sentences, sp)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sentences of %s: %w", id, err)
	}

	rows, err = tx.QueryContext(ctx, `SELECT name, span_start, span_end, text, "when", earliest, latest, upcoming
		FROM occurrences WHERE doc = ? ORDER BY idx`, id)
	if err != nil {
		return nil, fmt.Errorf("store: occurrences of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			o                timeline.Occurrence
			earliest, latest sql.NullString
		)
		if err := rows.Scan(&o.Name, &o.Span.Start, &o.Span.End, &o.Text, &o.When, &earliest, &latest, &o.Upcoming); err != nil {
			return nil, fmt.Errorf("store: occurrences of %s: %w", id, err)
		}
		if o.Earliest, err = parseDay(earliest); err == nil {
			o.Latest, err = parseDay(latest)
		}
		if err != nil {
			return nil, fmt.Errorf("store: occurrence %q of %s: %w", o.Name, id, err)
		}
		a.Occurrences = append(a.Occurrences, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: occurrences of %s: %w", id, err)
	}
	return a, nil
}

// DeleteDocument deletes document id and, by cascade, everything derived from it;
// ENOTFOUND when there is no such document.
func (db *DB) DeleteDocument(ctx context.Context, id string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return wrap(err, "store: delete %s", id)
	}
	defer tx.Rollback()

	res, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id)
	if err != nil {
		return wrap(db.formatError(err), "store: delete %s", id)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: delete %s: %w", id, err)
	} else if n == 0 {
		return timeline.Errorf(timeline.ENOTFOUND, "store: document %q not found", id)
	}
	if err := tx.Commit(); err != nil {
		return wrap(db.formatError(err), "store: delete %s: commit", id)
	}
	return nil
}

func findDocument(ctx context.Context, tx *sql.Tx, id string) (*timeline.Document, error) {
	var d timeline.Document
	row := tx.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id)
	if err := scanDocument(row, &d); errors.Is(err, sql.ErrNoRows) {
		return nil, timeline.Errorf(timeline.ENOTFOUND, "store: document %q not found", id)
	} else if err != nil {
		return nil, err
	}
	return &d, nil
}

func documentExists(ctx context.Context, tx *sql.Tx, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return timeline.Errorf(timeline.ENOTFOUND, "store: document %q not found", id)
	} else if err != nil {
		return fmt.Errorf("store: document %s: %w", id, err)
	}
	return nil
}

// scanDocument scans documentColumns into d, then any extra columns into extra.
func scanDocument(row interface{ Scan(...any) error }, d *timeline.Document, extra ...any) error {
	var dct, earliest, latest sql.NullString
	dest := append([]any{&d.ID, &d.Title, &d.Source, &d.URL, &d.Path, &d.Body,
		&dct, &d.DCTInferred, &earliest, &latest}, extra...)
	if err := row.Scan(dest...); errors.Is(err, sql.ErrNoRows) {
		return err
	} else if err != nil {
		return fmt.Errorf("store: scan document: %w", err)
	}
	var err error
	if d.DCT, err = parseDay(dct); err == nil {
		if d.DCTEarliest, err = parseDay(earliest); err == nil {
			d.DCTLatest, err = parseDay(latest)
		}
	}
	if err != nil {
		return fmt.Errorf("store: document %s: %w", d.ID, err)
	}
	return nil
}

func findTimexes(ctx context.Context, tx *sql.Tx, docID string) ([]timeline.Timex, error) {
	rows, err := tx.QueryContext(ctx, `SELECT tid, span_start, span_end, text, type, value, mod,
		anchor_tid, begin_point, end_point, quant, freq, earliest, latest, granularity, anchor,
		interval, signal
		FROM timexes WHERE doc = ? ORDER BY idx`, docID)
	if err != nil {
		return nil, fmt.Errorf("store: timexes of %s: %w", docID, err)
	}
	defer rows.Close()

	var list []timeline.Timex
	for rows.Next() {
		var (
			t                timeline.Timex
			earliest, latest sql.NullString
			gran, anchor     string
		)
		if err := rows.Scan(&t.ID, &t.Span.Start, &t.Span.End, &t.Text, &t.Type, &t.Value, &t.Mod,
			&t.AnchorTimeID, &t.BeginPoint, &t.EndPoint, &t.Quant, &t.Freq, &earliest, &latest,
			&gran, &anchor, &t.Interval, &t.Signal); err != nil {
			return nil, fmt.Errorf("store: timexes of %s: %w", docID, err)
		}
		t.Granularity, t.Anchor = timeline.Granularity(gran), timeline.Anchor(anchor)
		if t.Earliest, err = parseDay(earliest); err == nil {
			t.Latest, err = parseDay(latest)
		}
		if err != nil {
			return nil, fmt.Errorf("store: timex %s of %s: %w", t.ID, docID, err)
		}
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: timexes of %s: %w", docID, err)
	}
	return list, nil
}
