// Package core is what the SQLite and PostgreSQL stores share: the inserts, the
// merging of reports into occurrences as articles are stored, and the
// date-range queries, written once in the SQL both speak. An adapter opens its
// database, applies its dialect's migrations and hands the connections here
// with a Dialect that says where the two differ (placeholders, case-blind
// matching, locks, error codes).
package core

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Dialect is what differs between the databases.
type Dialect struct {
	// Numbered says placeholders are $1, $2 ... (PostgreSQL) rather than ?.
	Numbered bool
	// ILike is the case-blind LIKE operator.
	ILike string
	// LastInsertID says the driver reports the id an INSERT gave its row
	// (sql.Result.LastInsertId, SQLite): a new cluster's id then needs no
	// RETURNING, which makes the insert a query (in SQLite a quarter of the
	// merging's time, against an insert's cost without it).
	LastInsertID bool
	// RowsPerInsert is how many of a document's sentences, timexes or named
	// occurrences one INSERT carries: 1 in SQLite, where a prepared
	// single-row INSERT costs less per row than one of many rows; more where
	// each statement is a round trip to a server (PostgreSQL). 0 means 1.
	RowsPerInsert int
	// NewIDs, when set, draws n new cluster ids from the database, in the
	// order single-row inserts would have taken them (PostgreSQL: its
	// sequence), so that new clusters are inserted many to a statement;
	// nil: each insert gives its row's id (SQLite).
	NewIDs func(ctx context.Context, tx *sql.Tx, n int) ([]int64, error)
	// DayType is the SQL type a day is stored as (TEXT 'YYYY-MM-DD' in
	// SQLite, date in PostgreSQL), for parameters no column gives a type.
	DayType string
	// FormatError translates a driver error into a timeline.Error where the
	// caller can act on it, and returns other errors unchanged.
	FormatError func(error) error
	// LockKeys takes, for the rest of the transaction, a lock on each merge key
	// (given as hashes, sorted), so that two writers never regroup the reports
	// of one key at once; nil where the database admits one writer at a time.
	LockKeys func(ctx context.Context, tx *sql.Tx, keys []int64) error
	// Retry reports an error after which the whole transaction may be run
	// again (a deadlock the server broke); nil: none.
	Retry func(error) bool
	// RangeOrder is the ORDER BY of a date-range query with a LIMIT, when the
	// planner must be kept from walking the chronological index instead of
	// the range (SQLite); empty: the plain order.
	RangeOrder string
	// MergeArms says the span classes of a date range are read by a
	// statement each, merged as they are read (SQLite); false: by one
	// statement, merged by the server (core.Store.overlapQuery).
	MergeArms bool
	// Listed, when set, is the condition on an occurrence o that holds for
	// the rows of the covering index a date range reads (PostgreSQL: rows
	// narrow enough for a B-tree entry); the others are read apart.
	Listed string
}

// Store implements timeline.Store over an opened, migrated database.
type Store struct {
	D *Dialect
	// RW writes (nil when the store is opened to read only); RO reads.
	RW, RO *sql.DB
	// Name names the database in messages (a path, or a DSN without password).
	Name string
	// Span is how far apart the known days of two reports may lie when an open
	// bound makes them overlap (timeline.SameTime): the span the stored
	// occurrences were merged with.
	Span timeline.Period
	// Now returns the time recorded as a document's added_at (bookkeeping,
	// never output).
	Now func() time.Time
	// Waiting, when set, is told once when a write has waited a second for
	// another writer's lock (SQLite admits one at a time), so that a command
	// can say why nothing happens.
	Waiting func(waited time.Duration)
}

// waitNotice is how long a write waits for a lock before Waiting is told.
const waitNotice = time.Second

// Q rewrites the ? placeholders of query for the dialect.
func (s *Store) Q(query string) string {
	if !s.D.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

func (s *Store) formatError(err error) error {
	if err == nil || s.D.FormatError == nil {
		return err
	}
	return s.D.FormatError(err)
}

// Wrap adds context to an error while keeping a timeline.Error's code reachable.
func Wrap(err error, format string, args ...any) error {
	var terr *timeline.Error
	if errors.As(err, &terr) {
		return &timeline.Error{Code: terr.Code, Message: fmt.Sprintf(format, args...) + ": " + terr.Message}
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// beginWrite starts a write transaction.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if s.RW == nil {
		return nil, timeline.Errorf(timeline.EINVALID, "store: %s is open read-only", s.Name)
	}
	if s.Waiting != nil {
		t := time.AfterFunc(waitNotice, func() { s.Waiting(waitNotice) })
		defer t.Stop()
	}
	tx, err := s.RW.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.formatError(err)
	}
	return tx, nil
}

// write runs fn in a write transaction and commits it, running it again when
// the server broke a deadlock between writers.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := s.writeOnce(ctx, what, fn)
		if err == nil || s.D.Retry == nil || !s.D.Retry(err) || attempt >= 5 || ctx.Err() != nil {
			return err
		}
	}
}

func (s *Store) writeOnce(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return Wrap(err, "store: %s", what)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return Wrap(s.formatError(err), "store: %s: commit", what)
	}
	return nil
}

// beginRead starts a read transaction, so that a method's several queries see
// one snapshot.
func (s *Store) beginRead(ctx context.Context) (*sql.Tx, error) {
	tx, err := s.RO.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, s.formatError(err)
	}
	return tx, nil
}

// Day formats a day bound for the database: NULL for an open (zero) bound.
func Day(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	// The layout's digits written directly: a stored event has a dozen
	// days, and time.Format was a tenth of the merging's own (Go) time.
	// Years of other than four digits go to time.Format, which decides.
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format(timeline.DateLayout)
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

// day is a day bound read back: a TEXT 'YYYY-MM-DD' (SQLite) or a date
// (PostgreSQL); NULL is an open bound.
type day struct{ t time.Time }

func (d *day) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		d.t = time.Time{}
	case time.Time:
		d.t = timeline.Day(v)
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	default:
		return fmt.Errorf("bad day %v (%T) in database", src, src)
	}
	return nil
}

func (d *day) parse(s string) error {
	// The layout's digits read directly: a listing parses two days a row, and
	// time.Parse was a twentieth of it. Anything else (an impossible date
	// among them) goes to time.Parse, which decides.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, m, dd := digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
		if y >= 0 && m >= 1 && m <= 12 && dd >= 1 {
			t := time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
			if t.Day() == dd {
				d.t = t
				return nil
			}
		}
	}
	t, err := time.Parse(timeline.DateLayout, s)
	if err != nil {
		return fmt.Errorf("bad day %q in database", s)
	}
	d.t = t
	return nil
}

// digits returns the number s spells in decimal digits, or -1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// Mode is what a command may do with the database.
type Mode int

const (
	// Create reads and writes, creating the database (or its schema) when it
	// is missing: the commands that store articles (build, ingest).
	Create Mode = iota
	// Write reads and writes a database that must exist (rm).
	Write
	// Read only reads a database that must exist. Nothing is created, migrated
	// or written.
	Read
)
