package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/export"
)

// format returns the output format: the flag, else the configured default.
func (a *App) format() string { return a.config.Format }

// writeOutput writes through fn to path, or to standard output when path is
// empty or "-". A file is written beside its destination and renamed into place
// only when complete, so a failure never leaves a truncated file.
func (a *App) writeOutput(path string, fn func(io.Writer) error) error {
	if path == "" || path == "-" {
		return fn(a.Stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return timeline.Errorf(timeline.EINVALID, "output %s: %v", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if err := fn(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	return nil
}

// writeTimeline exports t in the configured format to path.
func (a *App) writeTimeline(path string, t *export.Timeline) error {
	return a.writeOutput(path, func(w io.Writer) error { return export.Write(w, a.format(), t) })
}

// unwrapPath drops the *os.PathError wrapper when the caller names the path.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
