// Package postgres is the PostgreSQL store, through github.com/jackc/pgx/v5:
// for a database that several ingest processes, on one machine or many, write
// at once. It shares its inserts, merging and queries with the SQLite store
// (store/internal/core) and passes the same contract suite (store/storetest).
//
// Writers need no coordination beyond the database's: an article is stored
// once whatever races to store it (a unique constraint on the body's SHA-256,
// the insert doing nothing on a conflict), and the reports of one merge key
// are regrouped under a transaction-scoped advisory lock on the key, so that a
// writer always regroups what the others committed. Since the stored
// occurrences are a function of the stored events alone (see
// store/internal/core), any interleaving of writers ends as one writer would.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/timelinehq/timeline/store/internal/core"
	"github.com/timelinehq/timeline/timeline"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

const migrationDir = "migrations"

// migrationLock is the advisory lock that makes processes opening a new
// database at once migrate it one after the other.
const migrationLock = 7_346_712_058

// Mode is what a command may do with the database (store.Mode).
type Mode = core.Mode

// Options says how to open a database.
type Options struct {
	Mode Mode
	// MergeSpan is the span reports are merged with (config key merge_span);
	// nil: timeline.DefaultMergeSpan. A database merged with another span is
	// regrouped when opened to write.
	MergeSpan *timeline.Period
}

// DB is a timeline database on a PostgreSQL server.
type DB struct {
	*core.Store
	db *sql.DB
}

var _ timeline.Store = (*DB)(nil)

// IsDSN reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a file.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns the DSN without its password, for messages.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://..."
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// Open connects to the database dsn names and, unless o.Mode is Read, brings
// its schema up to date. Every problem that would otherwise surface at the
// first query (no server, no such database, a refused password, no schema to
// read) is reported here, naming the database.
func Open(dsn string, o Options) (_ *DB, err error) {
	name := Redact(dsn)
	sqldb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %s: %v", name, firstLine(err))
	}
	db := &DB{db: sqldb}
	db.Store = &core.Store{
		D: &core.Dialect{
			Numbered:      true,
			ILike:         "ILIKE",
			DayType:       "date",
			RowsPerInsert: 1000,
			FormatError:   func(err error) error { return formatError(name, err) },
			LockKeys:      lockKeys,
			NewIDs:        newIDs,
			Retry:         retryable,
			Listed:        "o.listed",
		},
		RO:   sqldb,
		Name: name,
		Span: timeline.DefaultMergeSpan,
		Now:  time.Now,
	}
	if o.MergeSpan != nil {
		db.Span = *o.MergeSpan
	}
	defer func() {
		if err != nil {
			sqldb.Close()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := sqldb.PingContext(ctx); err != nil {
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %s: %v", name, firstLine(err))
	}
	if o.Mode == core.Read {
		err := db.CheckVersion(ctx, migrationFS, migrationDir, func(err error) bool {
			var pgErr *pgconn.PgError
			return errors.As(err, &pgErr) && pgErr.Code == "42P01" // undefined_table
		})
		if err != nil {
			return nil, err
		}
		if db.Span, err = db.StoredSpan(ctx); err != nil {
			return nil, err
		}
		return db, nil
	}
	db.RW = sqldb
	if err := db.migrate(ctx, o.Mode); err != nil {
		return nil, err
	}
	return db, nil
}

// migrate applies the migrations the schema lacks, one process at a time.
func (db *DB) migrate(ctx context.Context, mode Mode) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return core.Wrap(err, "store: open %s", db.Name)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return core.Wrap(err, "store: open %s: lock", db.Name)
	}
	if mode == core.Write {
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
			return core.Wrap(err, "store: open %s", db.Name)
		}
		if !exists {
			return timeline.Errorf(timeline.EINVALID, "store: open %s: not a timeline database (build or ingest creates one)", db.Name)
		}
	}
	if err := db.Migrate(ctx, tx, migrationFS, migrationDir); err != nil {
		return core.Wrap(db.D.FormatError(err), "store: open %s: migrate", db.Name)
	}
	if err := tx.Commit(); err != nil {
		return core.Wrap(db.D.FormatError(err), "store: open %s: migrate", db.Name)
	}
	return nil
}

// Close closes the connections.
func (db *DB) Close() error { return db.db.Close() }

// lockKeys takes the transaction's advisory locks on the merge keys, in the
// order given (sorted: two writers never wait for each other in a circle).
func lockKeys(ctx context.Context, tx *sql.Tx, keys []int64) error {
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(k)
		FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, i) ORDER BY i`, keys)
	return err
}

// newIDs draws n ids from the clusters' sequence, in order (the ascending
// order the sequence gives them in).
func newIDs(ctx context.Context, tx *sql.Tx, n int) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT nextval(pg_get_serial_sequence('clusters', 'id')) AS id
		FROM generate_series(1, $1) ORDER BY id`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) != n {
		return nil, fmt.Errorf("%d cluster ids drawn, want %d", len(ids), n)
	}
	return ids, nil
}

// retryable reports a deadlock the server broke, or a serialization failure:
// the transaction may be run again.
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40P01" || pgErr.Code == "40001")
}

// formatError translates server errors into timeline.Error codes where the
// caller can act on them; other errors pass through unchanged.
func formatError(name string, err error) error {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return err
	}
	switch pgErr.Code {
	case "23505": // unique_violation
		return timeline.Errorf(timeline.ECONFLICT, "%s (%s)", pgErr.Message, pgErr.Detail)
	case "25006": // read_only_sql_transaction
		return timeline.Errorf(timeline.EINVALID, "database %s is read-only", name)
	}
	// A deadlock or serialization failure stays as it is: retryable tells it.
	return err
}

// firstLine puts an error on one line: pgx gives each address it tried a
// line of its own.
func firstLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// String names the database.
func (db *DB) String() string { return fmt.Sprint(db.Name) }
