package store

import (
	"database/sql"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// OpenReadOnly opens an existing database to read it only, for a process that
// serves it while others may write it: the file is opened with SQLite's
// mode=ro, so nothing is created (a mistyped path is an error, not a new empty
// database), migrated or written. A write through the returned DB fails as
// EINVALID ("read-only").
//
// In WAL mode a reader needs the -wal and -shm files beside the database, which
// SQLite creates when the folder allows. In a folder this process cannot write,
// a database whose writer closed cleanly has none, and the reader cannot create
// them: it is then opened immutable, which is safe because no writer can work
// in that folder without them either.
func OpenReadOnly(path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %q read-only: a database file is required", path)
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %s: no such database", path)
	case err != nil:
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %s: %v", path, unwrapPathError(err))
	case fi.IsDir():
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %s: is a directory", path)
	}

	db, err := openReadOnly(path, false)
	if timeline.ErrorCode(err) == timeline.EINVALID && strings.Contains(err.Error(), "read-only") {
		if _, werr := os.Stat(path + "-wal"); errors.Is(werr, fs.ErrNotExist) {
			db, err = openReadOnly(path, true)
		}
	}
	return db, err
}

// openReadOnly opens path with mode=ro (and immutable=1 if asked) and checks that
// it holds a timeline schema.
func openReadOnly(path string, immutable bool) (*DB, error) {
	params := url.Values{
		"mode":          {"ro"},
		"_foreign_keys": {"on"},
		"_busy_timeout": {strconv.FormatInt(busyTimeout.Milliseconds(), 10)},
	}
	if immutable {
		params.Set("immutable", "1")
	}
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath()}
	ro, err := sql.Open("sqlite3", u.String()+"?"+params.Encode())
	if err != nil {
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %s: %v", path, err)
	}
	// Writes go to the same read-only pool, where SQLite refuses them.
	db := &DB{path: path, rw: ro, ro: ro, Now: time.Now}
	var version int
	err = ro.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version)
	switch {
	case err != nil && strings.Contains(err.Error(), "no such table"), err == nil && version == 0:
		err = timeline.Errorf(timeline.EINVALID, "store: open %s: not a timeline database", path)
	case err != nil:
		err = db.openError(err)
	}
	if err != nil {
		ro.Close()
		return nil, err
	}
	return db, nil
}

// unwrapPathError drops the *fs.PathError wrapper when the message names the path.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
