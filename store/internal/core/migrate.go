package core

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/timelinehq/timeline/timeline"
)

// Migrations returns the migrations of fsys (files NNNN_name.sql in dir) by
// version.
func Migrations(fsys fs.FS, dir string) (map[int]string, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	byVersion := make(map[int]string, len(names))
	for _, name := range names {
		base := path.Base(name)
		version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", base)
		}
		byVersion[version] = name
	}
	return byVersion, nil
}

// Latest is the schema version the migrations of fsys make.
func Latest(fsys fs.FS, dir string) (int, error) {
	ms, err := Migrations(fsys, dir)
	if err != nil {
		return 0, err
	}
	latest := 0
	for v := range ms {
		latest = max(latest, v)
	}
	return latest, nil
}

// Migrate applies, in tx, the migrations of fsys not yet recorded in
// schema_migrations, then makes the stored occurrences those of s.Span. A newer
// schema than the migrations know is refused: writing with an older idea of it
// could corrupt it.
func (s *Store) Migrate(ctx context.Context, tx *sql.Tx, fsys fs.FS, dir string) error {
	ms, err := Migrations(fsys, dir)
	if err != nil {
		return err
	}
	versions := make([]int, 0, len(ms))
	for v := range ms {
		versions = append(versions, v)
	}
	slices.Sort(versions)

	// Reading the schema is also what first touches the database: a file that
	// is not a database fails here.
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
	)`); err != nil {
		return err
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return err
	}
	latest := 0
	for _, version := range versions {
		name := ms[version]
		base := path.Base(name)
		latest = max(latest, version)
		if version <= current {
			continue
		}
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, s.Q(`INSERT INTO schema_migrations (version, name) VALUES (?, ?)`), version, base); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	if current > latest {
		return timeline.Errorf(timeline.EINVALID, "store: open %s: schema version %d is newer than this program knows (%d)", s.Name, current, latest)
	}
	return s.CheckSpan(ctx, tx)
}

// CheckVersion reports, for a store opened to read, a schema other than the
// one the migrations of fsys make: a read cannot migrate it.
func (s *Store) CheckVersion(ctx context.Context, fsys fs.FS, dir string, noSchema func(error) bool) error {
	latest, err := Latest(fsys, dir)
	if err != nil {
		return err
	}
	var current int
	err = s.RO.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current)
	switch {
	case err != nil && noSchema(err):
		return timeline.Errorf(timeline.EINVALID, "store: open %s: not a timeline database (no schema)", s.Name)
	case err != nil:
		return err
	case current > latest:
		return timeline.Errorf(timeline.EINVALID, "store: open %s: schema version %d is newer than this program knows (%d)", s.Name, current, latest)
	case current < latest:
		return timeline.Errorf(timeline.EINVALID, "store: open %s: schema version %d is older than this program's (%d): run build or ingest once to upgrade it", s.Name, current, latest)
	}
	return nil
}
