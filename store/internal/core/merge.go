package core

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Occurrences are merged as articles are stored, so that every query and
// export reads the same occurrences whatever its filter.
//
// The stored occurrences are always timeline.GroupWithin of all stored events,
// whatever order the articles came in: that is what makes several writers end
// where one would. Regrouping everything at each article would not scale, so
// the events of a merge key are kept in clusters: maximal chains of events
// whose timeline.Reach intervals overlap. GroupWithin groups each cluster
// independently of the others, so a new event only regroups the clusters its
// reach touches (joined into one), and a deleted one only the cluster it
// leaves (which may split). A cluster row holds the key and the union of its
// members' reaches; an event row its cluster and occurrence; an occurrence row
// (id: its representative event's) the merged event's bounds, sort key,
// number of documents and the other documents.

// lock takes the merge locks of keys not yet locked by this transaction.
func (w *writer) lock(keys []timeline.MergeKey) error {
	if w.s.D.LockKeys == nil {
		return nil
	}
	var hashes []int64
	for _, k := range keys {
		if h := keyHash(k); !w.locked[h] {
			w.locked[h] = true
			hashes = append(hashes, h)
		}
	}
	if len(hashes) == 0 {
		return nil
	}
	slices.Sort(hashes)
	hashes = slices.Compact(hashes)
	if err := w.s.D.LockKeys(w.ctx, w.tx, hashes); err != nil {
		return Wrap(w.s.formatError(err), "store: lock merge keys")
	}
	return nil
}

// keyHash is the number a merge key is locked by.
func keyHash(k timeline.MergeKey) int64 {
	h := fnv.New64a()
	for _, s := range []string{k.Kind, k.CAMEO, k.Source, k.Target} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return int64(h.Sum64())
}

// merge regroups, key by key, the clusters that the transaction's new and
// deleted events touch, and inserts the new events into their occurrences.
func (w *writer) merge() error {
	keys := make([]timeline.MergeKey, 0, len(w.fresh)+len(w.regroup))
	for k := range w.fresh {
		keys = append(keys, k)
	}
	for k := range w.regroup {
		if _, ok := w.fresh[k]; !ok {
			keys = append(keys, k)
		}
	}
	// One order for all writers: locks taken in it cannot deadlock.
	slices.SortFunc(keys, func(a, b timeline.MergeKey) int {
		return cmp.Or(cmp.Compare(keyHash(a), keyHash(b)), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.CAMEO, b.CAMEO),
			cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	if err := w.lock(keys); err != nil {
		return err
	}
	// Each key's clusters are regrouped by this transaction alone (under its
	// lock), so those the new events reach can all be read before any changes.
	reached, err := w.reached(keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := w.regroupKey(k, w.regroup[k], reached[k], w.fresh[k], nil); err != nil {
			return err
		}
	}
	clear(w.fresh)
	clear(w.regroup)
	return w.flush()
}

// member is an event of a cluster being regrouped, with where it is stored.
type member struct {
	stored     bool  // false: a new event, inserted once grouped
	cluster    int64 // 0: none
	occurrence string
	lo, hi     time.Time
}

// mergeColumns are what grouping reads of a stored event.
const mergeColumns = `id, doc, kind, cameo, source_code, target_code, earliest, latest,
	granularity, trigger_start, cluster, occurrence`

// reachRows is how many reaches one statement looks up: the last statement
// of a transaction repeats its last reach to fill its rows, so that the text
// is always the same and its preparation is kept (SQLite's statement cache,
// the PostgreSQL driver's); at 7 parameters a row, well under the most a
// statement may have (SQLite 32,766, PostgreSQL 65,535).
const reachRows = 100

// reached returns, by key, the stored clusters that the reaches of the new
// events of keys touch, with their stored reach. A key's clusters are
// disjoint: those a reach touches start inside it, but for the one before it,
// which may extend into it. All of them are read with a statement per
// reachRows new events rather than one each: a statement's round trip (and,
// in SQLite, a re-preparation at each new binding of a statement whose ORDER
// BY meets a bound key) cost more than the lookup.
func (w *writer) reached(keys []timeline.MergeKey) (map[timeline.MergeKey]map[int64][2]time.Time, error) {
	type reach struct {
		k      timeline.MergeKey
		lo, hi time.Time
	}
	var reaches []reach
	seen := make(map[reach]bool)
	for _, k := range keys {
		for i := range w.fresh[k] {
			lo, hi := timeline.Reach(&w.fresh[k][i], w.s.Span)
			if r := (reach{k, lo, hi}); !seen[r] {
				seen[r] = true
				reaches = append(reaches, r)
			}
		}
	}
	found := make(map[timeline.MergeKey]map[int64][2]time.Time)
	for start := 0; start < len(reaches); start += reachRows {
		part := reaches[start:min(start+reachRows, len(reaches))]
		args := make([]any, 0, 7*reachRows)
		for i := range reachRows {
			r := part[min(i, len(part)-1)]
			args = append(args, min(i, len(part)-1), r.k.Kind, r.k.CAMEO, r.k.Source, r.k.Target, Day(r.lo), Day(r.hi))
		}
		rows, err := w.tx.QueryContext(w.ctx, w.s.reachQuery(reachRows), args...)
		if err != nil {
			return nil, Wrap(w.s.formatError(err), "store: clusters of new events")
		}
		for rows.Next() {
			var i int
			var id int64
			var lo, hi day
			if err := rows.Scan(&i, &id, &lo, &hi); err != nil {
				rows.Close()
				return nil, Wrap(err, "store: clusters of new events")
			}
			if i < 0 || i >= len(part) {
				rows.Close()
				return nil, fmt.Errorf("store: clusters of new events: row %d of %d", i, len(part))
			}
			r := part[i]
			if hi.t.Before(r.lo) {
				continue // the cluster before the reach ends before it
			}
			if found[r.k] == nil {
				found[r.k] = make(map[int64][2]time.Time)
			}
			found[r.k][id] = [2]time.Time{lo.t, hi.t}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, Wrap(err, "store: clusters of new events")
		}
	}
	return found, nil
}

// reachQuery is the statement that looks up the clusters of n reaches, given
// as n rows of 7 parameters: a number for the row, the merge key, lo and hi.
func (s *Store) reachQuery(n int) string {
	var b strings.Builder
	b.WriteString(`WITH r (i, kind, cameo, source_code, target_code, lo, hi) AS (VALUES `)
	row := `(CAST(? AS INTEGER), ?, ?, ?, ?, CAST(? AS ` + s.D.DayType + `), CAST(? AS ` + s.D.DayType + `))`
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(`)
		SELECT r.i, c.id, c.lo, c.hi FROM r CROSS JOIN clusters c
		WHERE c.kind = r.kind AND c.cameo = r.cameo AND c.source_code = r.source_code
			AND c.target_code = r.target_code AND c.lo >= r.lo AND c.lo <= r.hi
		UNION ALL
		SELECT r.i, c.id, c.lo, c.hi FROM r CROSS JOIN clusters c
		WHERE c.id = (SELECT p.id FROM clusters p
			WHERE p.kind = r.kind AND p.cameo = r.cameo AND p.source_code = r.source_code
				AND p.target_code = r.target_code AND p.lo < r.lo
			ORDER BY p.lo DESC LIMIT 1)`)
	return s.Q(b.String())
}

// regroupKey regroups the clusters of key k given, those the reaches of the
// new events fresh touch (reached, with their stored reach), and the stored
// events loose that are in no cluster (a rebuild), and inserts fresh.
func (w *writer) regroupKey(k timeline.MergeKey, clusters map[int64]bool, reached map[int64][2]time.Time, fresh, loose []timeline.Event) error {
	ctx, s := w.ctx, w.s
	ids := make(map[int64]bool, len(clusters)+len(reached))
	for id := range clusters {
		ids[id] = true
	}
	keyArgs := []any{k.Kind, k.CAMEO, k.Source, k.Target}
	bounds := reached // the stored reach of each cluster
	for id := range reached {
		ids[id] = true
	}

	// The stored members of those clusters, and their occurrences.
	var evs []timeline.Event
	var where []member
	old := make(map[string]occurrenceRow)
	idList := make([]int64, 0, len(ids))
	for id := range ids {
		idList = append(idList, id)
	}
	slices.Sort(idList)
	for _, id := range idList {
		rows, err := w.members.QueryContext(ctx, id)
		if err != nil {
			return Wrap(s.formatError(err), "store: members of %v", k)
		}
		for rows.Next() {
			var (
				e                timeline.Event
				sc, tc           sql.NullString
				earliest, latest day
				gran             string
				m                member
			)
			m.stored = true
			if err := rows.Scan(&e.ID, &e.Doc, &e.Kind, &e.CAMEO, &sc, &tc, &earliest, &latest,
				&gran, &e.Trigger.Start, &m.cluster, &m.occurrence); err != nil {
				rows.Close()
				return Wrap(err, "store: members of %v", k)
			}
			e.Source, e.Target = scanActor(sc, sc), scanActor(tc, tc)
			e.Earliest, e.Latest, e.Granularity = earliest.t, latest.t, timeline.Granularity(gran)
			evs = append(evs, e)
			where = append(where, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Wrap(err, "store: members of %v", k)
		}
		rows, err = w.occurrencesOf.QueryContext(ctx, id)
		if err != nil {
			return Wrap(s.formatError(err), "store: occurrences of %v", k)
		}
		for rows.Next() {
			var (
				o                occurrenceRow
				earliest, latest day
			)
			if err := rows.Scan(&o.id, &o.cluster, &earliest, &latest, &o.spanClass, &o.granRank, &o.doc,
				&o.triggerStart, &o.cameo, &o.sources, &o.docs, &o.event); err != nil {
				rows.Close()
				return Wrap(err, "store: occurrences of %v", k)
			}
			o.earliest, o.latest = earliest.t, latest.t
			old[o.id] = o
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return Wrap(err, "store: occurrences of %v", k)
		}
	}
	for _, e := range loose {
		evs = append(evs, e)
		where = append(where, member{stored: true, occurrence: e.ID})
	}
	evs = append(evs, fresh...)
	where = append(where, make([]member, len(fresh))...)
	for i := range evs {
		where[i].lo, where[i].hi = timeline.Reach(&evs[i], s.Span)
	}

	// The clusters they make now: chains of overlapping reaches.
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return where[a].lo.Compare(where[b].lo) })
	used := make(map[int64]bool)
	kept := make(map[string]bool)
	for start := 0; start < len(order); {
		end, hi := start+1, where[order[start]].hi
		for end < len(order) && !where[order[end]].lo.After(hi) {
			if where[order[end]].hi.After(hi) {
				hi = where[order[end]].hi
			}
			end++
		}
		chain := order[start:end]
		lo := where[chain[0]].lo
		start = end

		// The chain keeps the first of its old clusters no earlier chain kept,
		// so that most members need no update.
		var cid int64
		for _, i := range chain {
			if c := where[i].cluster; c != 0 && !used[c] && (cid == 0 || c < cid) {
				cid = c
			}
		}
		if cid != 0 {
			used[cid] = true
			if b, ok := bounds[cid]; !ok || !b[0].Equal(lo) || !b[1].Equal(hi) {
				if _, err := w.moveCluster.ExecContext(ctx, Day(lo), Day(hi), cid); err != nil {
					return Wrap(s.formatError(err), "store: cluster %d", cid)
				}
			}
		} else {
			var err error
			if cid, err = w.insertCluster(append(slices.Clone(keyArgs), Day(lo), Day(hi))); err != nil {
				return Wrap(s.formatError(err), "store: new cluster of %v", k)
			}
		}

		part := make([]timeline.Event, len(chain))
		for j, i := range chain {
			part[j] = evs[i]
		}
		for _, g := range timeline.GroupWithin(part, s.Span) {
			rep := &part[g.Members[0]]
			row := occurrenceRow{id: rep.ID, cluster: cid, earliest: g.Earliest, latest: g.Latest,
				granRank: rep.Granularity.Rank(), doc: rep.Doc, triggerStart: rep.Trigger.Start, cameo: rep.CAMEO,
				sources: len(g.Docs)}
			if len(g.Docs) > 1 {
				others := make([]string, 0, len(g.Docs)-1)
				for _, d := range g.Docs {
					if d != rep.Doc {
						others = append(others, d)
					}
				}
				buf, err := json.Marshal(others)
				if err != nil {
					return fmt.Errorf("store: occurrence %s: %w", rep.ID, err)
				}
				row.docs = string(buf)
			}
			row.spanClass = SpanClass(row.earliest, row.latest)
			kept[row.id] = true
			if prev, ok := old[row.id]; !ok || !prev.same(&row) {
				// The representative as stored: a new event's is at hand, a
				// stored one's is the old row's or read again.
				switch i := chain[g.Members[0]]; {
				case !where[i].stored:
					row.event = encodePayload(nil, &evs[i])
				case ok:
					row.event = prev.event
				default:
					e, err := w.storedEvent(rep.ID)
					if err != nil {
						return err
					}
					row.event = encodePayload(nil, e)
				}
				if err := w.putOccurrence(row); err != nil {
					return err
				}
			}
			for _, j := range g.Members {
				i := chain[j]
				switch m := where[i]; {
				case !m.stored:
					if err := w.insertEvent(&evs[i], cid, row.id); err != nil {
						return err
					}
				case m.cluster != cid || m.occurrence != row.id:
					id, err := w.clusterID(cid)
					if err != nil {
						return err
					}
					if _, err := w.moveEvent.ExecContext(ctx, id, row.id, evs[i].ID); err != nil {
						return Wrap(s.formatError(err), "store: event %s", evs[i].ID)
					}
				}
			}
		}
	}
	for _, id := range idList {
		if !used[id] {
			if _, err := w.dropCluster.ExecContext(ctx, id); err != nil {
				return Wrap(s.formatError(err), "store: cluster %d", id)
			}
		}
	}
	for id := range old {
		if !kept[id] {
			if _, err := w.dropOcc.ExecContext(ctx, id); err != nil {
				return Wrap(s.formatError(err), "store: occurrence %s", id)
			}
		}
	}
	return nil
}

// insertCluster inserts a cluster row (its key, lo and hi) and returns its
// id: where the dialect draws ids beforehand (D.NewIDs), a stand-in until
// the rows waiting are sent (clusterID gives the id itself).
func (w *writer) insertCluster(args []any) (int64, error) {
	if w.s.D.NewIDs != nil && w.perInsert(&clusters) > 1 {
		w.stand = append(w.stand, 0)
		id := -int64(len(w.stand))
		return id, w.insert(&clusters, nil, append([]any{id}, args...)...)
	}
	if !w.s.D.LastInsertID {
		var id int64
		err := w.newCluster.QueryRowContext(w.ctx, args...).Scan(&id)
		return id, err
	}
	res, err := w.newCluster.ExecContext(w.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// drawIDs draws the ids of the new clusters made so far, in the order they
// were made: what single-row inserts would have given them.
func (w *writer) drawIDs() error {
	ids, err := w.s.D.NewIDs(w.ctx, w.tx, len(w.stand)-w.drawn)
	if err != nil {
		return Wrap(w.s.formatError(err), "store: new cluster ids")
	}
	copy(w.stand[w.drawn:], ids)
	w.drawn = len(w.stand)
	return nil
}

// clusterID is the id of cluster id, which may be a new cluster's stand-in.
func (w *writer) clusterID(id int64) (int64, error) {
	if id >= 0 {
		return id, nil
	}
	if int(-id) > w.drawn {
		if err := w.drawIDs(); err != nil {
			return 0, err
		}
	}
	return w.stand[-id-1], nil
}

// occurrenceRow is a row of the occurrences table.
type occurrenceRow struct {
	id               string
	cluster          int64 // 0: NULL
	earliest, latest time.Time
	spanClass        int
	granRank         int
	doc              string
	triggerStart     int
	cameo            string
	sources          int
	docs             string // JSON list of the other documents; "" for none
	event            []byte // the representative (payload.go)
}

// same reports whether two rows hold the same occurrence.
func (o *occurrenceRow) same(p *occurrenceRow) bool {
	return o.id == p.id && o.cluster == p.cluster && o.earliest.Equal(p.earliest) && o.latest.Equal(p.latest) &&
		o.granRank == p.granRank && o.doc == p.doc && o.triggerStart == p.triggerStart && o.cameo == p.cameo &&
		o.sources == p.sources && o.docs == p.docs
}

func (w *writer) putOccurrence(o occurrenceRow) error {
	o.spanClass = SpanClass(o.earliest, o.latest)
	args := []any{o.id, nullID(o.cluster), Day(o.earliest), Day(o.latest),
		skey(o.earliest, o.latest), o.spanClass, o.granRank, o.doc, o.triggerStart, o.cameo, o.sources, o.docs, o.event}
	if w.perInsert(&occurrences) > 1 {
		// One statement may not update a row twice.
		if w.occurrenceIDs[o.id] {
			if err := w.send(&occurrences); err != nil {
				return err
			}
		}
		w.occurrenceIDs[o.id] = true
	}
	return w.insert(&occurrences, w.upsertOcc, args...)
}

// unkeyed selects the events that are never merged (timeline.MergeKeyOf).
const unkeyed = `(coalesce(e.source_code, '') = '' AND coalesce(e.target_code, '') = '' OR e.earliest IS NULL AND e.latest IS NULL)`

// singleRow is the occurrence of an event never merged.
func singleRow(e *timeline.Event) occurrenceRow {
	return occurrenceRow{id: e.ID, earliest: e.Earliest, latest: e.Latest, granRank: e.Granularity.Rank(),
		doc: e.Doc, triggerStart: e.Trigger.Start, cameo: e.CAMEO, sources: 1, event: encodePayload(nil, e)}
}

// Rebuild regroups every stored event from scratch with s.Span: after a
// migration that adds occurrences to a database of events, or when the span
// changes.
func (s *Store) Rebuild(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{
		`DELETE FROM occurrences`,
		`DELETE FROM clusters`,
		`UPDATE events SET cluster = NULL, occurrence = id`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return Wrap(s.formatError(err), "store: regroup occurrences")
		}
	}
	// The events never merged are occurrences of their own.
	rows, err := tx.QueryContext(ctx, `SELECT e.earliest, e.latest, `+eventColumns+` FROM events e WHERE `+unkeyed)
	if err != nil {
		return Wrap(s.formatError(err), "store: regroup occurrences")
	}
	var single []timeline.Event
	for rows.Next() {
		var earliest, latest day
		e, err := scanEvent(rows, &earliest, &latest)
		if err != nil {
			rows.Close()
			return err
		}
		e.Earliest, e.Latest = earliest.t, latest.t
		single = append(single, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Wrap(err, "store: regroup occurrences")
	}
	w, err := s.newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	for i := range single {
		if err := w.putOccurrence(singleRow(&single[i])); err != nil {
			return err
		}
	}

	rows, err = tx.QueryContext(ctx, `SELECT `+mergeColumns+` FROM events e WHERE NOT `+unkeyed)
	if err != nil {
		return Wrap(s.formatError(err), "store: regroup occurrences")
	}
	byKey := make(map[timeline.MergeKey][]timeline.Event)
	for rows.Next() {
		var (
			e                timeline.Event
			sc, tc           sql.NullString
			earliest, latest day
			gran             string
			cluster          sql.NullInt64
			occ              string
		)
		if err := rows.Scan(&e.ID, &e.Doc, &e.Kind, &e.CAMEO, &sc, &tc, &earliest, &latest,
			&gran, &e.Trigger.Start, &cluster, &occ); err != nil {
			rows.Close()
			return Wrap(err, "store: regroup occurrences")
		}
		e.Source, e.Target = scanActor(sc, sc), scanActor(tc, tc)
		e.Earliest, e.Latest, e.Granularity = earliest.t, latest.t, timeline.Granularity(gran)
		if k, ok := timeline.MergeKeyOf(&e); ok {
			byKey[k] = append(byKey[k], e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Wrap(err, "store: regroup occurrences")
	}
	keys := make([]timeline.MergeKey, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	if err := w.lock(keys); err != nil {
		return err
	}
	for _, k := range keys {
		if err := w.regroupKey(k, nil, nil, nil, byKey[k]); err != nil {
			return err
		}
	}
	return w.flush()
}

// CheckSpan makes the stored occurrences those of s.Span: a new database
// records it, one merged with another span is regrouped (in tx).
func (s *Store) CheckSpan(ctx context.Context, tx *sql.Tx) error {
	var stored string
	err := tx.QueryRowContext(ctx, s.Q(`SELECT value FROM settings WHERE key = 'merge_span'`)).Scan(&stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return Wrap(s.formatError(err), "store: settings")
	case stored == s.Span.String():
		return nil
	}
	// None recorded (a new database, or one from before occurrences were
	// stored) or another: regroup what there is.
	if err := s.Rebuild(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.Q(`INSERT INTO settings (key, value) VALUES ('merge_span', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`), s.Span.String()); err != nil {
		return Wrap(s.formatError(err), "store: settings")
	}
	return nil
}

// StoredSpan returns the span the stored occurrences were merged with, for a
// store opened to read.
func (s *Store) StoredSpan(ctx context.Context) (timeline.Period, error) {
	var stored string
	err := s.RO.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'merge_span'`).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return timeline.DefaultMergeSpan, nil
	} else if err != nil {
		return timeline.Period{}, Wrap(s.formatError(err), "store: settings")
	}
	return timeline.ParsePeriod(stored)
}

// storedEvent reads a stored event whole.
func (w *writer) storedEvent(id string) (*timeline.Event, error) {
	rows, err := w.event1.QueryContext(w.ctx, id)
	if err != nil {
		return nil, Wrap(w.s.formatError(err), "store: event %s", id)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, Wrap(err, "store: event %s", id)
		}
		return nil, fmt.Errorf("store: event %s: not found", id)
	}
	var earliest, latest day
	e, err := scanEvent(rows, &earliest, &latest)
	if err != nil {
		return nil, err
	}
	e.Earliest, e.Latest = earliest.t, latest.t
	return &e, rows.Close()
}
