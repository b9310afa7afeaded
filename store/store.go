// Package store persists analyses in SQLite through github.com/mattn/go-sqlite3:
// the schema and its migrations, the inserts, and the date-range queries the
// timeline is read back with. It depends on package timeline, never the other way
// round, and speaks to its callers only in timeline types and timeline.Error codes.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/timelinehq/timeline/timeline"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a writer waits for another one's lock before giving up.
// A variable so that tests of the locked case need not wait this long.
var busyTimeout = 5 * time.Second

// DB is the SQLite implementation of timeline.Store.
var _ timeline.Store = (*DB)(nil)

// DB is a timeline database.
//
// Writes go through their own single connection whose transactions begin
// IMMEDIATE: a transaction that reads (the duplicate check) before it writes would
// otherwise fail at once with SQLITE_BUSY when another writer got in between,
// without waiting out the busy timeout. Reads use a separate pool so that, in WAL
// mode, they neither wait for a writer nor take its lock.
type DB struct {
	path string
	rw   *sql.DB // one connection, BEGIN IMMEDIATE
	ro   *sql.DB // readers; the same as rw for an in-memory database

	// Now returns the time recorded as a document's added_at (bookkeeping, never
	// output). Defaults to time.Now; tests may fix it.
	Now func() time.Time
}

// Open opens (creating if needed) the database at path, or a private in-memory one
// for ":memory:", and brings its schema up to date.
//
// Every problem that would otherwise surface at the first query (not a database,
// a missing directory, a read-only file) is reported here, naming the path.
func Open(path string) (_ *DB, err error) {
	if path == "" {
		return nil, timeline.Errorf(timeline.EINVALID, "store: database path required")
	}
	memory := path == ":memory:"
	if !memory {
		if err := checkPath(path); err != nil {
			return nil, err
		}
	}

	db := &DB{path: path, Now: time.Now}
	defer func() {
		if err != nil {
			db.Close()
		}
	}()

	if db.rw, err = sql.Open("sqlite3", dsn(path, "immediate")); err != nil {
		return nil, db.openError(err)
	}
	// The writer is one connection: SQLite admits one writer at a time anyway, and
	// an in-memory database exists only on the connection that created it. Keep it
	// open forever for the same reason.
	db.rw.SetMaxOpenConns(1)
	db.rw.SetConnMaxLifetime(0)
	db.rw.SetConnMaxIdleTime(0)

	// WAL before anything else: it is a property of the file, and later
	// connections (the readers) then open it in WAL mode.
	if !memory {
		var mode string
		if err := db.rw.QueryRow(`PRAGMA journal_mode = wal`).Scan(&mode); err != nil {
			return nil, db.openError(err)
		}
	}
	if err := db.migrate(); err != nil {
		return nil, db.openError(err)
	}
	if !memory {
		if err := db.checkWritable(); err != nil {
			return nil, err
		}
	}

	if memory {
		db.ro = db.rw
	} else if db.ro, err = sql.Open("sqlite3", dsn(path, "deferred")); err != nil {
		return nil, db.openError(err)
	}
	return db, nil
}

// dsn returns the go-sqlite3 data source name for path. A file path is given as a
// "file:" URI so that a '?' or '#' in the name cannot be read as parameters.
func dsn(path, txlock string) string {
	params := url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {strconv.FormatInt(busyTimeout.Milliseconds(), 10)},
		"_txlock":       {txlock},
		"_cache_size":   {"-65536"},
	}
	if path == ":memory:" {
		return path + "?" + params.Encode()
	}
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath()}
	return u.String() + "?" + params.Encode()
}

// checkPath reports, before SQLite gets to say "unable to open database file",
// the usual reasons why it would.
func checkPath(path string) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return timeline.Errorf(timeline.EINVALID, "store: open %s: directory %s does not exist", path, dir)
		}
		return fmt.Errorf("store: open %s: %w", path, err)
	} else if !fi.IsDir() {
		return timeline.Errorf(timeline.EINVALID, "store: open %s: %s is not a directory", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return timeline.Errorf(timeline.EINVALID, "store: open %s: is a directory", path)
	}
	return nil
}

// checkWritable fails when the database can be read but not written (a read-only
// file, or a directory where SQLite cannot create its WAL files), which SQLite
// would otherwise only report at the first save. A write statement that matches
// no row still needs a write transaction, so it fails on a read-only database
// without changing anything on a writable one.
func (db *DB) checkWritable() error {
	tx, err := db.rw.Begin()
	if err != nil {
		return db.openError(err)
	}
	defer tx.Rollback()
	_, err = tx.Exec(`UPDATE schema_migrations SET version = version WHERE 0`)
	return db.openError(err)
}

// openError names the path in an error met while opening.
func (db *DB) openError(err error) error {
	if err == nil {
		return nil
	}
	var serr sqlite3.Error
	if errors.As(err, &serr) {
		switch serr.Code {
		case sqlite3.ErrReadonly:
			return timeline.Errorf(timeline.EINVALID, "store: open %s: database is read-only", db.path)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return timeline.Errorf(timeline.ECONFLICT, "store: open %s: database is locked by another process (waited %s)", db.path, busyTimeout)
		case sqlite3.ErrNotADB:
			return timeline.Errorf(timeline.EINVALID, "store: open %s: file is not a database", db.path)
		}
	}
	var terr *timeline.Error
	if errors.As(err, &terr) {
		return err
	}
	return fmt.Errorf("store: open %s: %w", db.path, err)
}

// Close closes the database.
func (db *DB) Close() error {
	var errs []error
	if db.ro != nil && db.ro != db.rw {
		errs = append(errs, db.ro.Close())
	}
	if db.rw != nil {
		// Let SQLite refresh its planner statistics when they have gone stale
		// (cheap when nothing changed), so range queries keep choosing the
		// right bound index as the table grows.
		_, _ = db.rw.Exec(`PRAGMA optimize`)
		errs = append(errs, db.rw.Close())
	}
	return errors.Join(errs...)
}

// migrate applies the embedded migrations not yet recorded in schema_migrations,
// all in one transaction: a failed migration leaves the schema as it was.
func (db *DB) migrate() error {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)

	tx, err := db.rw.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()

	// Reading the schema is also what first touches the file: a file that is not
	// a database fails here, at Open.
	if _, err := tx.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
	)`); err != nil {
		return err
	}
	var current int
	if err := tx.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}

	latest := 0
	for _, name := range names {
		base := filepath.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		latest = max(latest, version)
		if version <= current {
			continue
		}
		buf, err := fs.ReadFile(migrationFS, name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(string(buf)); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.Exec(`INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, version, base); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	if current > latest {
		// A newer program has written this file; writing with our older idea of
		// the schema could corrupt it.
		return timeline.Errorf(timeline.EINVALID, "store: open %s: schema version %d is newer than this program knows (%d)", db.path, current, latest)
	}
	return tx.Commit()
}

// beginWrite starts a write transaction (IMMEDIATE: it takes the write lock at
// once, waiting up to the busy timeout).
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.rw.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.formatError(err)
	}
	return tx, nil
}

// beginRead starts a read transaction, so that a method's several queries see one
// snapshot.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.ro.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.formatError(err)
	}
	return tx, nil
}

// formatError translates driver errors into timeline.Error codes where the caller
// can act on them; other errors pass through unchanged.
func (db *DB) formatError(err error) error {
	var serr sqlite3.Error
	if !errors.As(err, &serr) {
		return err
	}
	switch {
	case serr.ExtendedCode == sqlite3.ErrConstraintUnique || serr.ExtendedCode == sqlite3.ErrConstraintPrimaryKey:
		return timeline.Errorf(timeline.ECONFLICT, "%s", serr.Error())
	case serr.Code == sqlite3.ErrBusy || serr.Code == sqlite3.ErrLocked:
		return timeline.Errorf(timeline.ECONFLICT, "database %s is locked by another process (waited %s); nothing was written", db.path, busyTimeout)
	case serr.Code == sqlite3.ErrReadonly:
		return timeline.Errorf(timeline.EINVALID, "database %s is read-only", db.path)
	}
	return err
}

// wrap adds context to an error while keeping a timeline.Error's code reachable.
func wrap(err error, format string, args ...any) error {
	var terr *timeline.Error
	if errors.As(err, &terr) {
		return &timeline.Error{Code: terr.Code, Message: fmt.Sprintf(format, args...) + ": " + terr.Message}
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// day formats a day bound for the database: NULL for an open (zero) bound.
func day(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(timeline.DateLayout)
}

// parseDay reads a day bound back; NULL is an open bound.
func parseDay(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeline.DateLayout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad day %q in database", s.String)
	}
	return t, nil
}
