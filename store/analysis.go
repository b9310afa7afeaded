package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// SaveAnalysis stores a document with everything derived from it, in one
// transaction: either all of it is stored or none of it.
//
// An article whose body is already stored (same SHA-256) is not stored again:
// stored is false, err nil, and a takes the stored article's id. A document id already used by a different body is
// replaced by the document's UniqueID (a.Rename: the caller sees the id it was
// stored under); an empty id, or an event claiming another document, is
// EINVALID.
func (db *DB) SaveAnalysis(ctx context.Context, a *timeline.Analysis) (stored bool, err error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, wrap(err, "store: save %s", docID(a))
	}
	defer tx.Rollback()

	s, err := newSaver(ctx, db, tx)
	if err != nil {
		return false, err
	}
	defer s.close()
	if stored, err = s.save(a); err != nil {
		return false, err
	}
	if err := tx.Commit(); err != nil {
		return false, wrap(db.formatError(err), "store: save %s: commit", docID(a))
	}
	return stored, nil
}

// SaveAnalyses stores many analyses in one transaction, for ingesting thousands
// of articles quickly; a failure stores none of them. It returns how many were
// stored and how many were already there (or repeated within as).
func (db *DB) SaveAnalyses(ctx context.Context, as []*timeline.Analysis) (stored, duplicates int, err error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, 0, wrap(err, "store: save %d analyses", len(as))
	}
	defer tx.Rollback()

	s, err := newSaver(ctx, db, tx)
	if err != nil {
		return 0, 0, err
	}
	defer s.close()
	for _, a := range as {
		ok, err := s.save(a)
		if err != nil {
			return 0, 0, err
		}
		if ok {
			stored++
		} else {
			duplicates++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, wrap(db.formatError(err), "store: save %d analyses: commit", len(as))
	}
	return stored, duplicates, nil
}

// ReplaceAnalysis stores a in place of the stored analysis of the same article
// (same body), in one transaction, and returns the document it replaced (nil
// when the article was not stored): for re-analysing an article with another
// publication date. The article keeps its stored id (a is renamed to it).
func (db *DB) ReplaceAnalysis(ctx context.Context, a *timeline.Analysis) (*timeline.Document, error) {
	if a == nil {
		return nil, timeline.Errorf(timeline.EINVALID, "store: replace: nil analysis")
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, wrap(err, "store: replace %s", docID(a))
	}
	defer tx.Rollback()
	s, err := newSaver(ctx, db, tx)
	if err != nil {
		return nil, err
	}
	defer s.close()

	var prev *timeline.Document
	var id string
	switch err := s.findSHA.QueryRowContext(ctx, a.Document.SHA256()).Scan(&id); {
	case err == nil:
		if prev, err = findDocument(ctx, tx, id); err != nil {
			return nil, err
		}
		prev.Body = "" // the same as a's
		if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id); err != nil {
			return nil, wrap(db.formatError(err), "store: replace %s", id)
		}
		a.Rename(id)
	case !errors.Is(err, sql.ErrNoRows):
		return nil, wrap(db.formatError(err), "store: replace %s", docID(a))
	}
	if _, err := s.save(a); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, wrap(db.formatError(err), "store: replace %s: commit", docID(a))
	}
	return prev, nil
}

func docID(a *timeline.Analysis) string {
	if a == nil {
		return "<nil>"
	}
	return a.Document.ID
}

// saver holds the statements of one write transaction, prepared once so that a
// batch of thousands of events does not parse the same SQL thousands of times.
type saver struct {
	ctx context.Context
	db  *DB
	tx  *sql.Tx
	now string

	findSHA, findID                         *sql.Stmt
	doc, sentence, timex, occurrence, event *sql.Stmt
}

func newSaver(ctx context.Context, db *DB, tx *sql.Tx) (*saver, error) {
	s := &saver{ctx: ctx, db: db, tx: tx, now: db.Now().UTC().Format(time.RFC3339)}
	stmts := []struct {
		p   **sql.Stmt
		sql string
	}{
		{&s.findSHA, `SELECT id FROM documents WHERE sha256 = ?`},
		{&s.findID, `SELECT sha256 FROM documents WHERE id = ?`},
		{&s.doc, `INSERT INTO documents (id, title, source, url, path, body, sha256,
			dct, dct_inferred, dct_earliest, dct_latest, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.sentence, `INSERT INTO sentences (doc, idx, span_start, span_end) VALUES (?, ?, ?, ?)`},
		{&s.timex, `INSERT INTO timexes (doc, idx, tid, span_start, span_end, text, type,
			value, mod, anchor_tid, begin_point, end_point, quant, freq, earliest, latest,
			granularity, anchor, interval, signal)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.occurrence, `INSERT INTO occurrences (doc, idx, name, span_start, span_end,
			text, "when", earliest, latest, upcoming)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&s.event, `INSERT INTO events (id, doc, sentence_start, sentence_end, sentence_text,
			trigger_start, trigger_end, trigger_text, kind, cameo, status,
			source_name, source_code, target_name, target_code,
			when_value, earliest, latest, granularity, gran_rank, span_class, anchor,
			evidence_start, evidence_end, evidence_text, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
	}
	for _, st := range stmts {
		var err error
		if *st.p, err = tx.PrepareContext(ctx, st.sql); err != nil {
			s.close()
			return nil, wrap(db.formatError(err), "store: prepare")
		}
	}
	return s, nil
}

func (s *saver) close() {
	for _, st := range []*sql.Stmt{s.findSHA, s.findID, s.doc, s.sentence, s.timex, s.occurrence, s.event} {
		if st != nil {
			st.Close()
		}
	}
}

// save inserts one analysis, or nothing when its body is already stored.
func (s *saver) save(a *timeline.Analysis) (bool, error) {
	if a == nil {
		return false, timeline.Errorf(timeline.EINVALID, "store: save: nil analysis")
	}
	d := &a.Document // a.Rename changes it in place
	if d.ID == "" {
		return false, timeline.Errorf(timeline.EINVALID, "store: save: document id required (title %q)", d.Title)
	}
	if err := validateEvents(a); err != nil {
		return false, err
	}
	sha := d.SHA256()

	// Duplicate check first: the same text ingested twice is no error.
	var other string
	switch err := s.findSHA.QueryRowContext(s.ctx, sha).Scan(&other); {
	case err == nil:
		if other != d.ID {
			a.Rename(other) // the caller's timeline names the article as stored
		}
		return false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return false, wrap(s.db.formatError(err), "store: save %s", d.ID)
	}
	switch taken, err := s.idTaken(d.ID); {
	case err != nil:
		return false, err
	case taken:
		// Another article has this id: this one takes its unique form.
		unique := d.UniqueID()
		if taken, err := s.idTaken(unique); err != nil {
			return false, err
		} else if taken {
			return false, timeline.Errorf(timeline.ECONFLICT,
				"store: save %s: document ids %q and %q are both used by different articles; choose another id or delete a stored one",
				d.ID, d.ID, unique)
		}
		a.Rename(unique)
	}

	if _, err := s.doc.ExecContext(s.ctx, d.ID, d.Title, d.Source, d.URL, d.Path, d.Body, sha,
		day(d.DCT), d.DCTInferred, day(d.DCTEarliest), day(d.DCTLatest), s.now); err != nil {
		return false, wrap(s.db.formatError(err), "store: insert document %s", d.ID)
	}
	for i, sp := range a.Sentences {
		if _, err := s.sentence.ExecContext(s.ctx, d.ID, i, sp.Start, sp.End); err != nil {
			return false, wrap(s.db.formatError(err), "store: insert sentence %d of %s", i, d.ID)
		}
	}
	for i := range a.Timexes {
		t := &a.Timexes[i]
		if _, err := s.timex.ExecContext(s.ctx, d.ID, i, t.ID, t.Span.Start, t.Span.End, t.Text,
			t.Type, t.Value, t.Mod, t.AnchorTimeID, t.BeginPoint, t.EndPoint, t.Quant, t.Freq,
			day(t.Earliest), day(t.Latest), string(t.Granularity), string(t.Anchor),
			t.Interval, t.Signal); err != nil {
			return false, wrap(s.db.formatError(err), "store: insert timex %s of %s", t.ID, d.ID)
		}
	}
	for i := range a.Occurrences {
		o := &a.Occurrences[i]
		if _, err := s.occurrence.ExecContext(s.ctx, d.ID, i, o.Name, o.Span.Start, o.Span.End,
			o.Text, o.When, day(o.Earliest), day(o.Latest), o.Upcoming); err != nil {
			return false, wrap(s.db.formatError(err), "store: insert occurrence %q of %s", o.Name, d.ID)
		}
	}
	for i := range a.Events {
		if err := s.insertEvent(d.ID, &a.Events[i]); err != nil {
			return false, err
		}
	}
	return true, nil
}

// idTaken reports whether a stored document has the id.
func (s *saver) idTaken(id string) (bool, error) {
	var sha string
	switch err := s.findID.QueryRowContext(s.ctx, id).Scan(&sha); {
	case err == nil:
		return true, nil
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	default:
		return false, wrap(s.db.formatError(err), "store: save %s", id)
	}
}

func validateEvents(a *timeline.Analysis) error {
	for i := range a.Events {
		e := &a.Events[i]
		if e.ID == "" {
			return timeline.Errorf(timeline.EINVALID, "store: save %s: event %d has no id", a.Document.ID, i)
		}
		if e.Doc != "" && e.Doc != a.Document.ID {
			return timeline.Errorf(timeline.EINVALID, "store: save %s: event %s belongs to document %q", a.Document.ID, e.ID, e.Doc)
		}
	}
	return nil
}

// insertEvent inserts e under document doc (an event's empty Doc means its
// analysis's document).
func (s *saver) insertEvent(doc string, e *timeline.Event) error {
	var ev struct{ start, end, text any }
	if e.Evidence != nil {
		ev.start, ev.end, ev.text = e.Evidence.Start, e.Evidence.End, e.Evidence.Text
	}
	srcName, srcCode := actor(e.Source)
	tgtName, tgtCode := actor(e.Target)
	if _, err := s.event.ExecContext(s.ctx, e.ID, doc,
		e.Sentence.Start, e.Sentence.End, e.Sentence.Text,
		e.Trigger.Start, e.Trigger.End, e.Trigger.Text,
		e.Kind, e.CAMEO, e.Status, srcName, srcCode, tgtName, tgtCode,
		e.When, day(e.Earliest), day(e.Latest), string(e.Granularity), e.Granularity.Rank(),
		spanClass(e.Earliest, e.Latest), string(e.Anchor), ev.start, ev.end, ev.text, e.Confidence); err != nil {
		return wrap(s.db.formatError(err), "store: insert event %s of %s", e.ID, doc)
	}
	return nil
}

// actor splits an actor into its columns; NULLs for no actor.
func actor(a *timeline.Actor) (name, code any) {
	if a == nil {
		return nil, nil
	}
	return a.Name, a.Code
}
