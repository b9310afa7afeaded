// Package article reads articles from the forms analysts have them in: plain text
// (the whole file is the body, byte offsets refer to it exactly as read), TimeML
// (.tml, .TE3input: DOCID, DCT, TITLE and the text of TEXT) and JSON Lines (one
// article a line: title, body, published, url, id).
package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/timeml"
)

// Format of an input.
type Format int

// Formats.
const (
	Text Format = iota
	TimeML
	JSONLines
)

// FormatOf picks the format from a file name.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tml", ".te3input", ".timeml":
		return TimeML
	case ".jsonl", ".ndjson":
		return JSONLines
	}
	return Text
}

// sniff picks the format of unnamed input (standard input) from its first bytes.
func sniff(b []byte) Format {
	t := bytes.TrimLeft(b, " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(t, []byte("<?xml")) || bytes.HasPrefix(t, []byte("<TimeML")):
		return TimeML
	case bytes.HasPrefix(t, []byte("{")):
		return JSONLines
	}
	return Text
}

// Error is a failure to read one input, naming where it happened.
type Error struct {
	Path string // file name, "-" for standard input
	Line int    // line of a JSON Lines file, 0 otherwise
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Parse reads the articles held in data, read from path. A plain-text or TimeML
// input holds one article; a JSON Lines input one a line, and a bad line is
// reported without losing the good ones: Parse returns the articles it could read
// and the errors of the others.
//
// loc is the time zone of publication dates (nil: UTC).
func Parse(path string, data []byte, loc *time.Location) ([]timeline.Document, []error) {
	format := FormatOf(path)
	if path == "-" {
		format = sniff(data)
	}
	switch format {
	case TimeML:
		doc, err := parseTimeML(path, data)
		if err != nil {
			return nil, []error{&Error{Path: path, Err: err}}
		}
		return []timeline.Document{doc}, nil
	case JSONLines:
		return parseJSONLines(path, data, loc)
	}
	if err := timeline.CheckBody(data); err != nil {
		return nil, []error{&Error{Path: path, Err: err}}
	}
	return []timeline.Document{{ID: idFromPath(path), Path: path, Body: string(data)}}, nil
}

func parseTimeML(path string, data []byte) (timeline.Document, error) {
	if err := timeline.CheckBody(data); err != nil {
		return timeline.Document{}, err
	}
	f, err := timeml.Read(bytes.NewReader(data))
	if err != nil {
		return timeline.Document{}, err
	}
	if strings.TrimSpace(f.Body) == "" {
		return timeline.Document{}, timeline.Errorf(timeline.EINVALID, "empty TEXT element")
	}
	if !f.DCT.IsZero() {
		if err := timeline.CheckDCT(f.DCT); err != nil {
			return timeline.Document{}, err
		}
	}
	id := f.DocID
	if id == "" {
		id = idFromPath(path)
	}
	return timeline.Document{ID: id, Title: f.Title, Path: path, Body: f.Body, DCT: f.DCT}, nil
}

// isEOF reports whether a JSON token read ran into the end of the input.
func isEOF(_ json.Token, err error) bool { return err == io.EOF }

// maxLineBytes bounds a JSON Lines line: an article of the largest body with
// room for its other fields and escapes.
const maxLineBytes = timeline.MaxBodyBytes + 1<<20

// line is one JSON Lines article.
type line struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Body      string `json:"body"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Source    string `json:"source"`
}

func parseJSONLines(path string, data []byte, loc *time.Location) ([]timeline.Document, []error) {
	var docs []timeline.Document
	var errs []error
	for n := 1; len(data) > 0; n++ {
		var raw []byte
		raw, data, _ = bytes.Cut(data, []byte("\n"))
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 {
			continue
		}
		fail := func(err error) { errs = append(errs, &Error{Path: path, Line: n, Err: err}) }
		if len(raw) > maxLineBytes {
			fail(timeline.Errorf(timeline.EINVALID, "line too large: %d bytes (limit %d)", len(raw), maxLineBytes))
			continue
		}
		var l line
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			fail(fmt.Errorf("invalid JSON article: %w", err))
			continue
		}
		if end := dec.InputOffset(); !isEOF(dec.Token()) {
			fail(timeline.Errorf(timeline.EINVALID, "invalid JSON article: data after the object ending at byte %d", end))
			continue
		}
		if err := timeline.CheckBody([]byte(l.Body)); err != nil {
			fail(fmt.Errorf("body: %w", err))
			continue
		}
		doc := timeline.Document{ID: l.ID, Title: l.Title, Body: l.Body, URL: l.URL, Source: l.Source, Path: path}
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s-%d", idFromPath(path), n)
		}
		if l.Published != "" {
			dct, err := ParsePublished(l.Published, loc)
			if err != nil {
				fail(err)
				continue
			}
			doc.DCT = dct
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 && len(errs) == 0 {
		errs = append(errs, &Error{Path: path, Err: timeline.Errorf(timeline.EINVALID, "no articles")})
	}
	return docs, errs
}

// inputExts are the file extensions idFromPath drops; any other dot belongs to
// the name ("APW19980227.0494.tml" is "APW19980227.0494").
var inputExts = map[string]bool{
	".txt": true, ".text": true, ".tml": true, ".te3input": true, ".timeml": true,
	".xml": true, ".jsonl": true, ".ndjson": true, ".json": true,
}

// idFromPath names an article after its file: "seed-article.txt" is
// "seed-article", "X.tml.TE3input" is "X".
func idFromPath(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	for ext := filepath.Ext(base); inputExts[strings.ToLower(ext)] && ext != base; ext = filepath.Ext(base) {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// Files expands the command-line inputs into the files to read, in command-line
// order: a directory stands for the files below it (hidden ones skipped), in
// lexical order. A path
// that cannot be read is returned as an error beside the others, so that one
// missing input does not stop the rest.
func Files(inputs []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, in := range inputs {
		if in == "-" {
			files = append(files, in)
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			errs = append(errs, &Error{Path: in, Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, in)
			continue
		}
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &Error{Path: p, Err: unwrapPathError(err)})
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && p != in {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &Error{Path: in, Err: err})
		}
	}
	return files, errs
}

// Read reads one input file ("-": standard input) and parses its articles.
func Read(path string, stdin io.Reader, loc *time.Location) ([]timeline.Document, []error) {
	var data []byte
	var err error
	if path == "-" {
		// A feed may be piped in: the larger limit applies to JSON Lines, and
		// Parse checks each body against the article limit; a single article
		// is refused as soon as it passes its limit, not after reading it all.
		in := bufio.NewReaderSize(stdin, 4096)
		head, _ := in.Peek(4096) // an error here is the read's too, below
		limit := int64(timeline.MaxBodyBytes)
		if sniff(head) == JSONLines {
			limit = maxFeedBytes
		}
		data, err = readAll(in, limit)
	} else {
		data, err = readFile(path, maxFileBytes(FormatOf(path)))
	}
	if err != nil {
		return nil, []error{&Error{Path: path, Err: unwrapPathError(err)}}
	}
	return Parse(path, data, loc)
}

// maxFeedBytes bounds a JSON Lines file, which holds many articles. A variable
// so that tests of the limit need not read a gigabyte.
var maxFeedBytes int64 = 1 << 30

// maxFileBytes is the most of a file worth reading: one article, or a feed.
func maxFileBytes(f Format) int64 {
	if f == JSONLines {
		return maxFeedBytes
	}
	return timeline.MaxBodyBytes
}

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > limit {
		return nil, timeline.Errorf(timeline.EINVALID, "file too large: %d bytes (limit %d)", info.Size(), limit)
	}
	return readAll(f, limit) // the file may have grown since Stat
}

// readAll reads r to its end, or fails once it has read more than limit bytes:
// an input cut at the limit would lose its end silently.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, timeline.Errorf(timeline.EINVALID, "input too large: over %d bytes", limit)
	}
	return data, err
}

// unwrapPathError drops the *fs.PathError wrapper: Error already names the path.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
