// Package store persists analyses in SQLite through github.com/mattn/go-sqlite3:
// the file, its locks and its migrations; the inserts, the merging of reports
// into occurrences and the date-range queries are shared with the PostgreSQL
// store (store/postgres) in store/internal/core, and both pass the same tests
// (store/storetest). It depends on package timeline, never the other way
// round, and speaks to its callers only in timeline types and timeline.Error
// codes.
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
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/timelinehq/timeline/store/internal/core"
	"github.com/timelinehq/timeline/timeline"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a writer waits for another one's lock before giving up,
// when Options.BusyTimeout does not say. A variable so that tests of the locked
// case need not wait this long.
var busyTimeout = DefaultBusyTimeout

// DefaultBusyTimeout is the busy timeout of the configuration's default.
const DefaultBusyTimeout = 5 * time.Second

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
	// Store is what SQLite shares with PostgreSQL: its Now returns the time
	// recorded as a document's added_at (bookkeeping, never output), time.Now
	// by default; tests may fix it.
	*core.Store

	path string
	busy time.Duration
	rw   *sql.DB // one connection, BEGIN IMMEDIATE; nil when opened to Read
	ro   *sql.DB // readers; the same as rw for an in-memory database
	// ready is set once Open succeeded: a failed Open has no statistics to
	// refresh, and would wait for the lock it failed to get.
	ready bool
}

// Mode is what a command may do with the database file.
type Mode = core.Mode

const (
	// Create reads and writes, creating the file when it is missing: the
	// commands that store articles (build, ingest).
	Create = core.Create
	// Write reads and writes a database that must exist (rm).
	Write = core.Write
	// Read only reads a database that must exist. Nothing is created, migrated or
	// written, so a mistyped path creates no file, a read-only file or folder
	// can be read, and no -wal or -shm file is left behind.
	Read = core.Read
)

// Options says how to open a database. The zero value is Create with the
// default busy timeout.
type Options struct {
	Mode Mode
	// BusyTimeout is how long to wait for another process's lock before giving
	// up; zero: DefaultBusyTimeout.
	BusyTimeout time.Duration
	// MergeSpan is how far apart the known days of two reports of one
	// occurrence may lie when an open bound makes them overlap (config key
	// merge_span); nil: timeline.DefaultMergeSpan. A database merged with
	// another span is regrouped when opened to write; opened to read, it
	// answers with the span it was merged with.
	MergeSpan *timeline.Period
}

// migrationDir holds SQLite's migrations; store/postgres has the same ones in
// its dialect.
const migrationDir = "migrations"

// Open opens (creating if needed) the database at path, or a private in-memory one
// for ":memory:", and brings its schema up to date.
//
// Every problem that would otherwise surface at the first query (not a database,
// a missing directory, a read-only file) is reported here, naming the path.
func Open(path string) (*DB, error) { return OpenWith(path, Options{}) }

// OpenWith opens the database at path as o says (see Open).
func OpenWith(path string, o Options) (_ *DB, err error) {
	if path == "" {
		return nil, timeline.Errorf(timeline.EINVALID, "store: database path required")
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = busyTimeout
	}
	memory := path == ":memory:"
	if memory {
		o.Mode = Create // a private database: nothing to read but what is written to it
	} else if err := checkPath(path, o.Mode); err != nil {
		return nil, err
	}

	db := &DB{path: path, busy: o.BusyTimeout}
	db.Store = &core.Store{
		D: &core.Dialect{
			ILike:        "LIKE", // ASCII letters match either case
			DayType:      "TEXT",
			LastInsertID: true,
			FormatError:  db.formatError,
			RangeOrder:   core.ChronoUnindexed,
			MergeArms:    true,
		},
		Name: path,
		Span: timeline.DefaultMergeSpan,
		Now:  time.Now,
	}
	if o.MergeSpan != nil {
		db.Span = *o.MergeSpan
	}
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	if o.Mode == Read {
		return db, db.openRead()
	}

	mode := "rwc"
	if o.Mode == Write {
		mode = "rw"
	}
	if db.rw, err = sql.Open("sqlite3", db.dsn("immediate", url.Values{"mode": {mode}})); err != nil {
		return nil, db.openError(err)
	}
	// The writer is one connection: SQLite admits one writer at a time anyway, and
	// an in-memory database exists only on the connection that created it. Keep it
	// open forever for the same reason.
	db.rw.SetMaxOpenConns(1)
	db.rw.SetConnMaxLifetime(0)
	db.rw.SetConnMaxIdleTime(0)

	err = db.retryBusy(func(left time.Duration) error {
		// SQLite's own wait is what is left of ours.
		if _, err := db.rw.Exec(fmt.Sprintf(`PRAGMA busy_timeout = %d`, max(left.Milliseconds(), 1))); err != nil {
			return err
		}
		return db.setUp(memory)
	})
	if err == nil {
		_, err = db.rw.Exec(fmt.Sprintf(`PRAGMA busy_timeout = %d`, db.busy.Milliseconds()))
	}
	if err != nil {
		return nil, db.openError(err)
	}
	if !memory {
		if err := db.checkWritable(); err != nil {
			return nil, err
		}
	}

	if memory {
		db.ro = db.rw
	} else if db.ro, err = sql.Open("sqlite3", db.dsn("deferred", nil)); err != nil {
		return nil, db.openError(err)
	}
	db.Store.RW, db.Store.RO = db.rw, db.ro
	db.ready = true
	return db, nil
}

// setUp puts the file in WAL mode and applies the migrations it lacks.
func (db *DB) setUp(memory bool) error {
	// WAL before anything else: it is a property of the file, and later
	// connections (the readers) then open it in WAL mode.
	if !memory {
		var mode string
		if err := db.rw.QueryRow(`PRAGMA journal_mode = wal`).Scan(&mode); err != nil {
			return err
		}
	}
	return db.migrate()
}

// retryBusy runs fn again while it fails because another process holds a lock,
// until the busy timeout has passed. SQLite's own busy handler waits for most
// locks, but not for all of them: changing the journal mode of a new file and
// reading a WAL index another process is rebuilding fail at once. Processes
// that start together on a new file meet exactly these.
//
// fn is given the time left.
func (db *DB) retryBusy(fn func(left time.Duration) error) error {
	deadline := time.Now().Add(db.busy)
	pause := 5 * time.Millisecond
	for {
		err := fn(time.Until(deadline))
		if err == nil || !isBusy(err) || time.Now().Add(pause).After(deadline) {
			return err
		}
		time.Sleep(pause)
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's "database is locked" (or "table is
// locked").
func isBusy(err error) bool {
	var serr sqlite3.Error
	return errors.As(err, &serr) && (serr.Code == sqlite3.ErrBusy || serr.Code == sqlite3.ErrLocked)
}

// openRead opens an existing database to read it only. On a file and folder we
// may write, the connection is read-write but query-only: SQLite then removes
// its -wal and -shm files on close, as after any writer, where a read-only
// connection would leave them. Otherwise it is read-only, and immutable when no
// write-ahead log is present: SQLite would need to create the -shm file to read
// a WAL database, which a read-only folder forbids, and with no log there is
// nothing in it to read (a writer would first have to create the log, which it
// cannot do where we cannot).
func (db *DB) openRead() error {
	params := url.Values{}
	switch _, walErr := os.Stat(db.path + "-wal"); {
	case writable(db.path) && writable(filepath.Dir(db.path)):
		params.Set("mode", "rw")
		params.Set("_query_only", "1")
	case walErr == nil:
		params.Set("mode", "ro")
	default:
		params.Set("mode", "ro")
		params.Set("immutable", "1")
	}
	var err error
	if db.ro, err = sql.Open("sqlite3", db.dsn("deferred", params)); err != nil {
		return db.openError(err)
	}
	db.Store.RO = db.ro
	// The schema must be this program's: a read cannot migrate it.
	err = db.retryBusy(func(time.Duration) error {
		return db.CheckVersion(context.Background(), migrationFS, migrationDir, func(err error) bool {
			return strings.Contains(err.Error(), "no such table")
		})
	})
	if err != nil {
		return db.openError(err)
	}
	if db.Span, err = db.StoredSpan(context.Background()); err != nil {
		return db.openError(err)
	}
	return nil
}

// dsn returns the go-sqlite3 data source name for the database, with extra
// parameters. A file path is given as a "file:" URI so that a '?' or '#' in the
// name cannot be read as parameters.
func (db *DB) dsn(txlock string, extra url.Values) string {
	params := url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {strconv.FormatInt(db.busy.Milliseconds(), 10)},
		"_txlock":       {txlock},
		"_cache_size":   {"-65536"},
		// Prepared statements kept on each connection, by text: a date range
		// is two dozen statements (one a span class), which preparing again
		// each time cost a tenth of a month's listing.
		"_stmt_cache_size": {"64"},
	}
	for k, v := range extra {
		params[k] = v
	}
	if db.path == ":memory:" {
		return db.path + "?" + params.Encode()
	}
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: db.path}).EscapedPath()}
	return u.String() + "?" + params.Encode()
}

// checkPath reports, before SQLite gets to say "unable to open database file",
// the usual reasons why it would: a missing folder or database, and a file or
// folder the mode needs to write but may not.
func checkPath(path string, mode Mode) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return timeline.Errorf(timeline.EINVALID, "store: open %s: directory %s does not exist", path, dir)
		}
		return fmt.Errorf("store: open %s: %w", path, err)
	} else if !fi.IsDir() {
		return timeline.Errorf(timeline.EINVALID, "store: open %s: %s is not a directory", path, dir)
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return timeline.Errorf(timeline.EINVALID, "store: open %s: is a directory", path)
	case errors.Is(err, fs.ErrNotExist) && mode != Create:
		return timeline.Errorf(timeline.EINVALID, "store: open %s: no such database (build or ingest creates one)", path)
	case errors.Is(err, fs.ErrNotExist):
		if !writable(dir) {
			return timeline.Errorf(timeline.EINVALID, "store: open %s: permission denied: cannot create a database in %s", path, dir)
		}
	case err != nil:
		return fmt.Errorf("store: open %s: %w", path, err)
	case mode == Read:
	case !writable(path):
		return timeline.Errorf(timeline.EINVALID, "store: open %s: permission denied: the database is read-only (query, docs and export can read it)", path)
	case !writable(dir):
		return timeline.Errorf(timeline.EINVALID, "store: open %s: permission denied: %s is read-only, and SQLite writes its -wal and -shm files beside the database (query, docs and export can read it)", path, dir)
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
			return timeline.Errorf(timeline.EINVALID, "store: open %s: permission denied: the database is read-only", db.path)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return timeline.Errorf(timeline.ECONFLICT, "store: open %s: database is locked by another process (waited %s)", db.path, db.busy)
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
	if db.rw != nil && db.ready {
		// Let SQLite refresh its planner statistics when they have gone stale
		// (cheap when nothing changed), so range queries keep choosing the
		// right bound index as the table grows.
		_, _ = db.rw.Exec(`PRAGMA optimize`)
	}
	if db.rw != nil {
		errs = append(errs, db.rw.Close())
	}
	return errors.Join(errs...)
}

// migrate applies the embedded migrations not yet recorded in
// schema_migrations, all in one transaction: a failed migration leaves the
// schema as it was.
func (db *DB) migrate() error {
	tx, err := db.rw.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	db.Store.RW = db.rw
	if err := db.Migrate(context.Background(), tx, migrationFS, migrationDir); err != nil {
		return err
	}
	return tx.Commit()
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
		return timeline.Errorf(timeline.ECONFLICT, "database %s is locked by another process (waited %s; see busy_timeout in config.yaml); nothing was written", db.path, db.busy)
	case serr.Code == sqlite3.ErrReadonly:
		return timeline.Errorf(timeline.EINVALID, "database %s is read-only", db.path)
	}
	return err
}
