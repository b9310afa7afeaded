package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/article"
	"github.com/timelinehq/timeline/timeline/export"
)

// format returns the output format: the flag, else the configured default.
func (a *App) format() string { return a.config.Format }

// writeOutput writes through fn to path, or to standard output when path is
// empty or "-". A file is written beside its destination and renamed into place
// only when complete, so a failure never leaves a truncated file. A new file gets
// the mode a new file usually gets (0666 less the umask), an existing one keeps
// its own; a destination that is one of the command's inputs is refused.
func (a *App) writeOutput(path string, fn func(io.Writer) error) error {
	if path == "" || path == "-" {
		return fn(a.Stdout)
	}
	perm, existing := fs.FileMode(0o666), false
	if info, err := os.Stat(path); err == nil {
		for _, in := range a.inputFiles {
			if ii, err := os.Stat(in); err == nil && os.SameFile(info, ii) {
				return timeline.Errorf(timeline.EINVALID, "output %s: is also an input; not overwritten", path)
			}
		}
		switch {
		case info.IsDir():
			return timeline.Errorf(timeline.EINVALID, "output %s: is a directory", path)
		case !info.Mode().IsRegular():
			// A pipe or a device (/dev/null, /dev/stdout) is written to as it
			// is: renaming a file over it would replace it.
			return a.writeSpecial(path, fn)
		}
		perm, existing = info.Mode().Perm(), true
	}
	tmp, err := createTemp(filepath.Dir(path), "."+filepath.Base(path)+".", perm)
	if err != nil {
		return timeline.Errorf(timeline.EINVALID, "output %s: %v", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if existing {
		// The umask applied at creation; the file being replaced had this mode.
		if err := tmp.Chmod(perm); err != nil {
			tmp.Close()
			return fmt.Errorf("output %s: %w", path, err)
		}
	}
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

// writeSpecial writes through fn to an existing file that is not a regular one.
func (a *App) writeSpecial(path string, fn func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return timeline.Errorf(timeline.EINVALID, "output %s: %v", path, unwrapPath(err))
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	return nil
}

// createTemp creates a new file in dir named prefix and a random suffix, with
// mode perm less the umask (os.CreateTemp always makes 0600).
func createTemp(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("create temporary file in %s: too many collisions", dir)
}

// makeOutDir makes the folder --out names for commands that write one file per
// input (tag, eval), as a user who names a new folder expects.
func makeOutDir(flag, dir string) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return timeline.Errorf(timeline.EINVALID, "%s %s: %v", flag, dir, unwrapPath(err))
	}
	return nil
}

// writeTimeline exports t in the configured format to path.
func (a *App) writeTimeline(path string, t *export.Timeline) error {
	if a.format() == "timeml" && path != "" && path != "-" {
		return a.writeTimeMLFiles(path, t)
	}
	return a.writeOutput(path, func(w io.Writer) error { return export.Write(w, a.format(), t) })
}

// writeTimeMLFiles writes TimeML, which holds one document per file: into a
// folder (an existing one, or a path ending with a separator, created), one
// <id>.tml per document; into a file only when there is one document, since
// several XML documents in one file make no well-formed file.
func (a *App) writeTimeMLFiles(path string, t *export.Timeline) error {
	info, err := os.Stat(path)
	folder := err == nil && info.IsDir() || strings.HasSuffix(path, string(filepath.Separator))
	if !folder {
		if len(t.Documents) > 1 {
			return timeline.Errorf(timeline.EINVALID,
				"output %s: %d documents, and TimeML holds one a file: give a folder (%s) to write one file each",
				path, len(t.Documents), filepath.Join(filepath.Dir(path), "DIR")+string(filepath.Separator))
		}
		return a.writeOutput(path, func(w io.Writer) error { return export.Write(w, "timeml", t) })
	}
	if err := makeOutDir("--out", path); err != nil {
		return err
	}
	for i := range t.Documents {
		d := &t.Documents[i]
		one := &export.Timeline{Documents: t.Documents[i : i+1], Timexes: map[string][]timeline.Timex{d.ID: t.Timexes[d.ID]}}
		dest := filepath.Join(path, article.FileName(d.ID, ".tml"))
		if err := a.writeOutput(dest, func(w io.Writer) error { return export.Write(w, "timeml", one) }); err != nil {
			return err
		}
	}
	return nil
}

// unwrapPath drops the *os.PathError wrapper when the caller names the path.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
