package core

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// SaveAnalysis stores a document with everything derived from it, in one
// transaction: either all of it is stored or none of it. Its events join the
// occurrences they report (see merge).
//
// An article whose body is already stored (same SHA-256) is not stored again:
// stored is false, err nil, and a takes the stored article's id. A document id
// already used by a different body is replaced by the document's UniqueID
// (a.Rename: the caller sees the id it was stored under); an empty id, or an
// event claiming another document, is EINVALID. The body's uniqueness is the
// database's (a unique constraint, the insert doing nothing on a conflict), so
// writers racing with the same article store it once.
func (s *Store) SaveAnalysis(ctx context.Context, a *timeline.Analysis) (stored bool, err error) {
	err = s.write(ctx, "save "+docID(a), func(tx *sql.Tx) error {
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if stored, err = w.save(a); err != nil {
			return err
		}
		return w.merge()
	})
	return stored, err
}

// SaveAnalyses stores many analyses in one transaction, for ingesting thousands
// of articles quickly; a failure stores none of them. It returns how many were
// stored and how many were already there (or repeated within as).
func (s *Store) SaveAnalyses(ctx context.Context, as []*timeline.Analysis) (stored, duplicates int, err error) {
	err = s.write(ctx, "save analyses", func(tx *sql.Tx) error {
		stored, duplicates = 0, 0
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, a := range as {
			ok, err := w.save(a)
			if err != nil {
				return err
			}
			if ok {
				stored++
			} else {
				duplicates++
			}
		}
		return w.merge()
	})
	if err != nil {
		return 0, 0, err
	}
	return stored, duplicates, nil
}

// ReplaceAnalysis stores a in place of the stored analysis of the same article
// (same body), in one transaction, and returns the document it replaced (nil
// when the article was not stored): for re-analysing an article with another
// publication date. The article keeps its stored id (a is renamed to it).
func (s *Store) ReplaceAnalysis(ctx context.Context, a *timeline.Analysis) (*timeline.Document, error) {
	if a == nil {
		return nil, timeline.Errorf(timeline.EINVALID, "store: replace: nil analysis")
	}
	var prev *timeline.Document
	err := s.write(ctx, "replace "+docID(a), func(tx *sql.Tx) error {
		prev = nil
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		var id string
		switch err := tx.QueryRowContext(ctx, s.Q(`SELECT id FROM documents WHERE sha256 = ?`), a.Document.SHA256()).Scan(&id); {
		case err == nil:
			if prev, err = s.findDocument(ctx, tx, id); err != nil {
				return err
			}
			prev.Body = "" // the same as a's
			if err := w.delete(id); err != nil {
				return err
			}
			a.Rename(id)
		case !errors.Is(err, sql.ErrNoRows):
			return Wrap(s.formatError(err), "store: replace %s", docID(a))
		}
		if _, err := w.save(a); err != nil {
			return err
		}
		return w.merge()
	})
	return prev, err
}

// DeleteDocument deletes document id and, by cascade, everything derived from
// it, and regroups the occurrences its events were part of; ENOTFOUND when
// there is no such document.
func (s *Store) DeleteDocument(ctx context.Context, id string) error {
	return s.write(ctx, "delete "+id, func(tx *sql.Tx) error {
		w, err := s.newWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		if err := w.delete(id); err != nil {
			return err
		}
		return w.merge()
	})
}

func docID(a *timeline.Analysis) string {
	if a == nil {
		return "<nil>"
	}
	return a.Document.ID
}

// writer holds the statements of one write transaction, prepared once so that
// a batch of thousands of events does not parse the same SQL thousands of
// times, and the events waiting to be merged when the transaction ends.
type writer struct {
	ctx context.Context
	s   *Store
	tx  *sql.Tx
	now string

	findSHA, findID                         *sql.Stmt
	doc, sentence, timex, occurrence, event *sql.Stmt
	upsertOcc, moveEvent                    *sql.Stmt
	members, occurrencesOf                  *sql.Stmt
	newCluster, moveCluster, dropCluster    *sql.Stmt
	dropOcc, event1                         *sql.Stmt

	// fresh are the new events with a merge key, by key, inserted by merge.
	fresh map[timeline.MergeKey][]timeline.Event
	// regroup are the clusters, by key, whose reports changed otherwise (a
	// document deleted).
	regroup map[timeline.MergeKey]map[int64]bool
	locked  map[int64]bool

	// Where statements carry many rows (D.RowsPerInsert): the rows waiting
	// for each table, their parameters in a row, and the event and
	// occurrence ids among them.
	waiting       map[*table][]any
	eventIDs      map[string]bool
	occurrenceIDs map[string]bool
	// stand are the ids of the new clusters, in the order they were made: a
	// new cluster is known by the stand-in -k (k = 1, 2, ...) until its id is
	// drawn (D.NewIDs); drawn are those drawn.
	stand []int64
	drawn int
}

func (s *Store) newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{ctx: ctx, s: s, tx: tx, now: s.Now().UTC().Format(time.RFC3339),
		fresh:         make(map[timeline.MergeKey][]timeline.Event),
		regroup:       make(map[timeline.MergeKey]map[int64]bool),
		locked:        make(map[int64]bool),
		waiting:       make(map[*table][]any),
		eventIDs:      make(map[string]bool),
		occurrenceIDs: make(map[string]bool),
	}
	newCluster := `INSERT INTO clusters (kind, cameo, source_code, target_code, lo, hi) VALUES (?, ?, ?, ?, ?, ?)`
	if !s.D.LastInsertID {
		newCluster += ` RETURNING id`
	}
	stmts := []struct {
		p   **sql.Stmt
		sql string
	}{
		{&w.findSHA, `SELECT id FROM documents WHERE sha256 = ?`},
		{&w.findID, `SELECT sha256 FROM documents WHERE id = ?`},
		{&w.doc, `INSERT INTO documents (id, title, source, url, path, body, sha256,
			dct, dct_inferred, dct_earliest, dct_latest, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`},
		{&w.sentence, sentences.sql(1)},
		{&w.timex, timexes.sql(1)},
		{&w.occurrence, namedOccurrences.sql(1)},
		{&w.event, events.sql(1)},
		{&w.upsertOcc, occurrences.sql(1)},
		{&w.event1, `SELECT e.earliest, e.latest, ` + eventColumns + ` FROM events e WHERE e.id = ?`},
		{&w.moveEvent, `UPDATE events SET cluster = ?, occurrence = ? WHERE id = ?`},
		{&w.members, `SELECT ` + mergeColumns + ` FROM events WHERE cluster = ?`},
		{&w.occurrencesOf, `SELECT id, cluster, earliest, latest, span_class, gran_rank, doc,
			trigger_start, cameo, sources, docs, event FROM occurrences WHERE cluster = ?`},
		{&w.newCluster, newCluster},
		{&w.moveCluster, `UPDATE clusters SET lo = ?, hi = ? WHERE id = ?`},
		{&w.dropCluster, `DELETE FROM clusters WHERE id = ?`},
		{&w.dropOcc, `DELETE FROM occurrences WHERE id = ?`},
	}
	for _, st := range stmts {
		var err error
		if *st.p, err = tx.PrepareContext(ctx, s.Q(st.sql)); err != nil {
			w.close()
			return nil, Wrap(s.formatError(err), "store: prepare")
		}
	}
	return w, nil
}

func (w *writer) close() {
	for _, st := range []*sql.Stmt{w.findSHA, w.findID, w.doc, w.sentence, w.timex, w.occurrence, w.event,
		w.upsertOcc, w.moveEvent, w.members, w.occurrencesOf,
		w.newCluster, w.moveCluster, w.dropCluster, w.dropOcc, w.event1} {
		if st != nil {
			st.Close()
		}
	}
}

// save inserts one analysis, or nothing when its body is already stored. Its
// events with a merge key wait in w.fresh for merge.
func (w *writer) save(a *timeline.Analysis) (bool, error) {
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

	inserted, err := w.insertDocument(d, sha)
	if err != nil {
		return false, err
	}
	if !inserted {
		// Why not: the same text stored before (no error), or the id taken.
		switch other, err := w.storedAs(sha); {
		case err != nil:
			return false, err
		case other != "":
			if other != d.ID {
				a.Rename(other) // the caller's timeline names the article as stored
			}
			return false, nil
		}
		given, unique := d.ID, d.UniqueID()
		a.Rename(unique)
		if inserted, err = w.insertDocument(d, sha); err != nil {
			return false, err
		}
		if !inserted {
			if other, err := w.storedAs(sha); err != nil {
				return false, err
			} else if other != "" {
				return false, nil // stored meanwhile by another writer
			}
			a.Rename(given)
			return false, timeline.Errorf(timeline.ECONFLICT,
				"store: save %s: document ids %q and %q are both used by different articles; choose another id or delete a stored one",
				given, given, unique)
		}
	}

	for i, sp := range a.Sentences {
		if err := w.insert(&sentences, w.sentence, d.ID, i, sp.Start, sp.End); err != nil {
			return false, err
		}
	}
	for i := range a.Timexes {
		t := &a.Timexes[i]
		if err := w.insert(&timexes, w.timex, d.ID, i, t.ID, t.Span.Start, t.Span.End, t.Text,
			t.Type, t.Value, t.Mod, t.AnchorTimeID, t.BeginPoint, t.EndPoint, t.Quant, t.Freq,
			Day(t.Earliest), Day(t.Latest), string(t.Granularity), string(t.Anchor),
			t.Interval, t.Signal); err != nil {
			return false, err
		}
	}
	for i := range a.Occurrences {
		o := &a.Occurrences[i]
		if err := w.insert(&namedOccurrences, w.occurrence, d.ID, i, o.Name, o.Span.Start, o.Span.End,
			o.Text, o.When, Day(o.Earliest), Day(o.Latest), o.Upcoming); err != nil {
			return false, err
		}
	}
	for i := range a.Events {
		e := a.Events[i]
		e.Doc = d.ID // an event's empty Doc means its analysis's document
		if k, ok := timeline.MergeKeyOf(&e); ok {
			w.fresh[k] = append(w.fresh[k], e)
			continue
		}
		// An event that is never merged is an occurrence of its own.
		if err := w.insertEvent(&e, 0, e.ID); err != nil {
			return false, err
		}
		if err := w.putOccurrence(singleRow(&e)); err != nil {
			return false, err
		}
	}
	return true, nil
}

// An inserted table: the INSERT up to VALUES, how many columns a row has,
// what follows the rows, what its rows are called, and what names one in a
// message (row gives a row's parameters).
type table struct {
	head string
	cols int
	tail string
	rows string
	row  func(args []any) string
	// cluster is the column of a cluster id, which may be a new cluster's
	// stand-in until the ids are drawn (writer.insertCluster); -1: none.
	cluster int
}

// The tables whose rows are inserted many to a statement where the dialect
// says so (D.RowsPerInsert), when the merging of a transaction ends (flush).
var (
	sentences = table{`INSERT INTO sentences (doc, idx, span_start, span_end) VALUES `, 4, "", "sentences",
		func(a []any) string { return fmt.Sprintf("sentence %v of %v", a[1], a[0]) }, -1}
	timexes = table{`INSERT INTO timexes (doc, idx, tid, span_start, span_end, text, type,
		value, mod, anchor_tid, begin_point, end_point, quant, freq, earliest, latest,
		granularity, anchor, "interval", signal) VALUES `, 20, "", "timexes",
		func(a []any) string { return fmt.Sprintf("timex %v of %v", a[2], a[0]) }, -1}
	namedOccurrences = table{`INSERT INTO named_occurrences (doc, idx, name, span_start, span_end,
		text, "when", earliest, latest, upcoming) VALUES `, 10, "", "named occurrences",
		func(a []any) string { return fmt.Sprintf("occurrence %q of %v", a[2], a[0]) }, -1}
	events = table{`INSERT INTO events (id, doc, sentence_start, sentence_end, sentence_text,
		trigger_start, trigger_end, trigger_text, kind, cameo, status,
		source_name, source_code, target_name, target_code,
		when_value, earliest, latest, granularity, gran_rank, span_class, anchor,
		evidence_start, evidence_end, evidence_text, confidence, cluster, occurrence) VALUES `, 28, "", "events",
		func(a []any) string { return fmt.Sprintf("event %v of %v", a[0], a[1]) }, 26}
	occurrences = table{`INSERT INTO occurrences (id, cluster, earliest, latest, skey, span_class,
		gran_rank, doc, trigger_start, cameo, sources, docs, event) VALUES `, 13,
		` ON CONFLICT (id) DO UPDATE SET cluster = excluded.cluster, earliest = excluded.earliest,
		latest = excluded.latest, skey = excluded.skey, span_class = excluded.span_class,
		gran_rank = excluded.gran_rank, doc = excluded.doc, trigger_start = excluded.trigger_start,
		cameo = excluded.cameo, sources = excluded.sources, docs = excluded.docs, event = excluded.event`,
		"occurrences", func(a []any) string { return fmt.Sprintf("occurrence %v", a[0]) }, 1}
	// New clusters with their ids, where they are drawn beforehand (D.NewIDs).
	clusters = table{`INSERT INTO clusters (id, kind, cameo, source_code, target_code, lo, hi) VALUES `, 7, "", "clusters",
		func(a []any) string {
			return fmt.Sprintf("cluster of %v %v %v %v from %v", a[1], a[2], a[3], a[4], a[5])
		}, 0}
	// batched is the order flush inserts them in.
	batched = []*table{&sentences, &timexes, &namedOccurrences, &clusters, &events, &occurrences}
)

// maxParams is the most parameters a statement may have in every dialect
// (PostgreSQL 65,535, SQLite 32,766).
const maxParams = 32766

// sql is the INSERT of n rows into t.
func (t *table) sql(n int) string {
	var b strings.Builder
	b.WriteString(t.head)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?")
		b.WriteString(strings.Repeat(", ?", t.cols-1))
		b.WriteString(")")
	}
	b.WriteString(t.tail)
	return b.String()
}

// insert inserts a row of t, given by its parameters: at once, through one
// (t's prepared single-row statement), where a statement carries one row
// (SQLite, where that costs less per row than a statement of many); else
// with the rows waiting for t, when a statement's worth waits or the
// transaction's merging ends (flush).
func (w *writer) insert(t *table, one *sql.Stmt, args ...any) error {
	per := w.perInsert(t)
	if per == 1 {
		if _, err := one.ExecContext(w.ctx, args...); err != nil {
			return Wrap(w.s.formatError(err), "store: insert %s", t.row(args))
		}
		return nil
	}
	w.waiting[t] = append(w.waiting[t], args...)
	if len(w.waiting[t]) >= per*t.cols {
		return w.send(t)
	}
	return nil
}

// perInsert is how many rows of t one INSERT carries.
func (w *writer) perInsert(t *table) int {
	return max(1, min(w.s.D.RowsPerInsert, maxParams/t.cols))
}

// send inserts the rows waiting for t.
func (w *writer) send(t *table) error {
	args := w.waiting[t]
	if len(args) == 0 {
		return nil
	}
	n := len(args) / t.cols
	if t.cluster >= 0 && len(w.stand) > 0 {
		// New clusters' stand-ins become their ids.
		if w.drawn < len(w.stand) {
			if err := w.drawIDs(); err != nil {
				return err
			}
		}
		for r := range n {
			if c, ok := args[r*t.cols+t.cluster].(int64); ok && c < 0 {
				args[r*t.cols+t.cluster] = w.stand[-c-1]
			}
		}
	}
	if _, err := w.tx.ExecContext(w.ctx, w.s.Q(t.sql(n)), args...); err != nil {
		return Wrap(w.s.formatError(err), "store: insert %d %s, the first %s", n, t.rows, t.row(args))
	}
	w.waiting[t] = args[:0]
	if t == &events {
		clear(w.eventIDs)
	} else if t == &occurrences {
		clear(w.occurrenceIDs)
	}
	return nil
}

// flush inserts the rows waiting, at the end of a transaction's merging:
// nothing reads them before. A document's rows are read by no write; a
// key's events and occurrences are read only when that key is regrouped,
// once a transaction, and before its new rows are written.
func (w *writer) flush() error {
	for _, t := range batched {
		if err := w.send(t); err != nil {
			return err
		}
	}
	return nil
}

// insertDocument inserts d, reporting false when a stored document has its id
// or its body.
func (w *writer) insertDocument(d *timeline.Document, sha string) (bool, error) {
	res, err := w.doc.ExecContext(w.ctx, d.ID, d.Title, d.Source, d.URL, d.Path, d.Body, sha,
		Day(d.DCT), d.DCTInferred, Day(d.DCTEarliest), Day(d.DCTLatest), w.now)
	if err != nil {
		return false, Wrap(w.s.formatError(err), "store: insert document %s", d.ID)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, Wrap(err, "store: insert document %s", d.ID)
	}
	return n == 1, nil
}

// storedAs returns the id of the stored document with the body sha, "" for none.
func (w *writer) storedAs(sha string) (string, error) {
	var id string
	switch err := w.findSHA.QueryRowContext(w.ctx, sha).Scan(&id); {
	case err == nil:
		return id, nil
	case errors.Is(err, sql.ErrNoRows):
		return "", nil
	default:
		return "", Wrap(w.s.formatError(err), "store: find %s", sha)
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

// insertEvent inserts e (whose Doc is set) in the cluster (0: none) and
// occurrence given.
func (w *writer) insertEvent(e *timeline.Event, cluster int64, occurrence string) error {
	var ev struct{ start, end, text any }
	if e.Evidence != nil {
		ev.start, ev.end, ev.text = e.Evidence.Start, e.Evidence.End, e.Evidence.Text
	}
	srcName, srcCode := actor(e.Source)
	tgtName, tgtCode := actor(e.Target)
	args := []any{e.ID, e.Doc,
		e.Sentence.Start, e.Sentence.End, e.Sentence.Text,
		e.Trigger.Start, e.Trigger.End, e.Trigger.Text,
		e.Kind, e.CAMEO, e.Status, srcName, srcCode, tgtName, tgtCode,
		e.When, Day(e.Earliest), Day(e.Latest), string(e.Granularity), e.Granularity.Rank(),
		SpanClass(e.Earliest, e.Latest), string(e.Anchor), ev.start, ev.end, ev.text, e.Confidence,
		nullID(cluster), occurrence}
	if w.perInsert(&events) > 1 {
		// The primary key's check, made here so that the message names the
		// event as an insert of its own would.
		if w.eventIDs[e.ID] {
			return timeline.Errorf(timeline.ECONFLICT, "store: insert event %s of %s: event id already used in this transaction", e.ID, e.Doc)
		}
		w.eventIDs[e.ID] = true
	}
	return w.insert(&events, w.event, args...)
}

// actor splits an actor into its columns; NULLs for no actor.
func actor(a *timeline.Actor) (name, code any) {
	if a == nil {
		return nil, nil
	}
	return a.Name, a.Code
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// delete deletes document id (its events by cascade), leaving the clusters its
// events were part of to be regrouped by merge.
func (w *writer) delete(id string) error {
	ctx, tx, s := w.ctx, w.tx, w.s
	// The keys first, to lock them: no other writer may regroup them between
	// the reading of their clusters and the end of this transaction.
	rows, err := tx.QueryContext(ctx, s.Q(`SELECT kind, cameo, source_name, source_code, target_name, target_code,
		earliest, latest FROM events WHERE doc = ?`), id)
	if err != nil {
		return Wrap(s.formatError(err), "store: delete %s", id)
	}
	var keys []timeline.MergeKey
	for rows.Next() {
		var (
			e                timeline.Event
			sn, sc, tn, tc   sql.NullString
			earliest, latest day
		)
		if err := rows.Scan(&e.Kind, &e.CAMEO, &sn, &sc, &tn, &tc, &earliest, &latest); err != nil {
			rows.Close()
			return Wrap(err, "store: delete %s", id)
		}
		e.Source, e.Target = scanActor(sn, sc), scanActor(tn, tc)
		e.Earliest, e.Latest = earliest.t, latest.t
		if k, ok := timeline.MergeKeyOf(&e); ok {
			keys = append(keys, k)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Wrap(err, "store: delete %s", id)
	}
	if err := w.lock(keys); err != nil {
		return err
	}

	rows, err = tx.QueryContext(ctx, s.Q(`SELECT kind, cameo, coalesce(source_code, ''), coalesce(target_code, ''), cluster
		FROM events WHERE doc = ? AND cluster IS NOT NULL`), id)
	if err != nil {
		return Wrap(s.formatError(err), "store: delete %s", id)
	}
	for rows.Next() {
		var k timeline.MergeKey
		var c int64
		if err := rows.Scan(&k.Kind, &k.CAMEO, &k.Source, &k.Target, &c); err != nil {
			rows.Close()
			return Wrap(err, "store: delete %s", id)
		}
		if w.regroup[k] == nil {
			w.regroup[k] = make(map[int64]bool)
		}
		w.regroup[k][c] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Wrap(err, "store: delete %s", id)
	}
	// The occurrences of events never merged are theirs alone.
	if _, err := tx.ExecContext(ctx, s.Q(`DELETE FROM occurrences WHERE id IN
		(SELECT id FROM events WHERE doc = ? AND cluster IS NULL)`), id); err != nil {
		return Wrap(s.formatError(err), "store: delete %s", id)
	}
	res, err := tx.ExecContext(ctx, s.Q(`DELETE FROM documents WHERE id = ?`), id)
	if err != nil {
		return Wrap(s.formatError(err), "store: delete %s", id)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Wrap(err, "store: delete %s", id)
	} else if n == 0 {
		return timeline.Errorf(timeline.ENOTFOUND, "store: document %q not found", id)
	}
	return nil
}
