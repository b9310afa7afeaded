package store

import "github.com/timelinehq/timeline/timeline"

// OpenReadOnly opens an existing database to read it only, for a process that
// serves it while others may write it: OpenWith in Read mode, so nothing is
// created (a mistyped path is an error, not a new empty database), migrated or
// written, and a read-only file or folder can be read. A write through the
// returned DB fails as EINVALID ("read-only").
func OpenReadOnly(path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		return nil, timeline.Errorf(timeline.EINVALID, "store: open %q read-only: a database file is required", path)
	}
	return OpenWith(path, Options{Mode: Read})
}
