package core

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
func (s *Store) Document(ctx context.Context, id string) (*timeline.Document, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, Wrap(err, "store: document %s", id)
	}
	defer tx.Rollback()
	return s.findDocument(ctx, tx, id)
}

// Documents lists the stored documents with their event counts, by publication
// date (undated last), then id. Bodies are left empty; Document reads one.
func (s *Store) Documents(ctx context.Context) ([]timeline.DocumentSummary, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, Wrap(err, "store: documents")
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
			sum   timeline.DocumentSummary
			added string
		)
		if err := scanDocument(rows, &sum.Document, &sum.SHA, &added, &sum.Events); err != nil {
			return nil, err
		}
		// added_at is bookkeeping written by this package; an unreadable one is
		// not worth failing a listing for.
		sum.Added, _ = time.Parse(time.RFC3339, added)
		list = append(list, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: documents: %w", err)
	}
	return list, nil
}

// Timexes returns the temporal expressions of document docID in the order they
// were saved; ENOTFOUND when there is no such document.
func (s *Store) Timexes(ctx context.Context, docID string) ([]timeline.Timex, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, Wrap(err, "store: timexes of %s", docID)
	}
	defer tx.Rollback()
	if err := s.documentExists(ctx, tx, docID); err != nil {
		return nil, err
	}
	return s.findTimexes(ctx, tx, docID)
}

// Analysis returns everything stored for document id, as it was saved (its
// own events, unmerged, in chronological order); ENOTFOUND when there is no
// such document.
func (s *Store) Analysis(ctx context.Context, id string) (*timeline.Analysis, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, Wrap(err, "store: analysis %s", id)
	}
	defer tx.Rollback()

	d, err := s.findDocument(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	a := &timeline.Analysis{Document: *d}
	if a.Timexes, err = s.findTimexes(ctx, tx, id); err != nil {
		return nil, err
	}
	if a.Events, err = s.docEvents(ctx, tx, id); err != nil {
		return nil, err
	}

	rows, err := tx.QueryContext(ctx, s.Q(`SELECT span_start, span_end FROM sentences WHERE doc = ? ORDER BY idx`), id)
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

	rows, err = tx.QueryContext(ctx, s.Q(`SELECT name, span_start, span_end, text, "when", earliest, latest, upcoming
		FROM named_occurrences WHERE doc = ? ORDER BY idx`), id)
	if err != nil {
		return nil, fmt.Errorf("store: occurrences of %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			o                timeline.Occurrence
			earliest, latest day
		)
		if err := rows.Scan(&o.Name, &o.Span.Start, &o.Span.End, &o.Text, &o.When, &earliest, &latest, &o.Upcoming); err != nil {
			return nil, fmt.Errorf("store: occurrences of %s: %w", id, err)
		}
		o.Earliest, o.Latest = earliest.t, latest.t
		a.Occurrences = append(a.Occurrences, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: occurrences of %s: %w", id, err)
	}
	return a, nil
}

func (s *Store) findDocument(ctx context.Context, tx *sql.Tx, id string) (*timeline.Document, error) {
	var d timeline.Document
	row := tx.QueryRowContext(ctx, s.Q(`SELECT `+documentColumns+` FROM documents WHERE id = ?`), id)
	if err := scanDocument(row, &d); errors.Is(err, sql.ErrNoRows) {
		return nil, timeline.Errorf(timeline.ENOTFOUND, "store: document %q not found", id)
	} else if err != nil {
		return nil, err
	}
	return &d, nil
}

func (s *Store) documentExists(ctx context.Context, tx *sql.Tx, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, s.Q(`SELECT 1 FROM documents WHERE id = ?`), id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return timeline.Errorf(timeline.ENOTFOUND, "store: document %q not found", id)
	} else if err != nil {
		return fmt.Errorf("store: document %s: %w", id, err)
	}
	return nil
}

// scanDocument scans documentColumns into d, then any extra columns into extra.
func scanDocument(row interface{ Scan(...any) error }, d *timeline.Document, extra ...any) error {
	var dct, earliest, latest day
	dest := append([]any{&d.ID, &d.Title, &d.Source, &d.URL, &d.Path, &d.Body,
		&dct, &d.DCTInferred, &earliest, &latest}, extra...)
	if err := row.Scan(dest...); errors.Is(err, sql.ErrNoRows) {
		return err
	} else if err != nil {
		return fmt.Errorf("store: scan document: %w", err)
	}
	d.DCT, d.DCTEarliest, d.DCTLatest = dct.t, earliest.t, latest.t
	return nil
}

func (s *Store) findTimexes(ctx context.Context, tx *sql.Tx, docID string) ([]timeline.Timex, error) {
	rows, err := tx.QueryContext(ctx, s.Q(`SELECT tid, span_start, span_end, text, type, value, mod,
		anchor_tid, begin_point, end_point, quant, freq, earliest, latest, granularity, anchor,
		"interval", signal
		FROM timexes WHERE doc = ? ORDER BY idx`), docID)
	if err != nil {
		return nil, fmt.Errorf("store: timexes of %s: %w", docID, err)
	}
	defer rows.Close()

	var list []timeline.Timex
	for rows.Next() {
		var (
			t                timeline.Timex
			earliest, latest day
			gran, anchor     string
		)
		if err := rows.Scan(&t.ID, &t.Span.Start, &t.Span.End, &t.Text, &t.Type, &t.Value, &t.Mod,
			&t.AnchorTimeID, &t.BeginPoint, &t.EndPoint, &t.Quant, &t.Freq, &earliest, &latest,
			&gran, &anchor, &t.Interval, &t.Signal); err != nil {
			return nil, fmt.Errorf("store: timexes of %s: %w", docID, err)
		}
		t.Granularity, t.Anchor = timeline.Granularity(gran), timeline.Anchor(anchor)
		t.Earliest, t.Latest = earliest.t, latest.t
		list = append(list, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: timexes of %s: %w", docID, err)
	}
	return list, nil
}
