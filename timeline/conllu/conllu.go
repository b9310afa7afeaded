// Package conllu reads and writes CoNLL-U, the Universal Dependencies file format:
// sentences separated by blank lines, each a run of comment lines ("# text = ...")
// and rows of ten tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD
// DEPREL DEPS MISC).
//
// The reader keeps every row, multiword-token ranges ("1-2") and empty nodes
// ("1.1") included, and every comment, so that writing what was read gives the
// same bytes back. It checks what the rest of the project relies on: ten columns,
// valid UTF-8, and word IDs that count 1, 2, 3 ... in each sentence. An error
// names the file and line.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Row is one line of a sentence: a word, a multiword-token range or an empty
// node. Columns are kept as written ("_" for an empty one).
type Row struct {
	ID, Form, Lemma, UPOS, XPOS, Feats, Head, Deprel, Deps, Misc string
	// Line is the row's line number in its file (1-based), 0 for a row built in
	// memory.
	Line int
}

// IsWord reports whether the row is a syntactic word, not a multiword-token
// range ("1-2") or an empty node ("1.1"): only words are tagged and parsed.
func (r *Row) IsWord() bool {
	return !strings.ContainsAny(r.ID, "-.")
}

// Sentence is the comments and rows of one sentence, in file order.
type Sentence struct {
	Comments []string // whole lines, "#" included
	Rows     []Row
	Line     int // line of the sentence's first line, 0 when built in memory
}

// Words returns the indices into s.Rows of the syntactic words, in order.
func (s *Sentence) Words() []int {
	out := make([]int, 0, len(s.Rows))
	for i := range s.Rows {
		if s.Rows[i].IsWord() {
			out = append(out, i)
		}
	}
	return out
}

// Comment returns the value of the comment "# key = value", and whether it is
// there.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(c, "#")), "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// Error is a malformed line, named by file and line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg) }

// ErrEmpty is returned (wrapped with the file name) by ReadFile for a file that
// holds no sentence.
var ErrEmpty = errors.New("no sentences")

// maxLine bounds one line: a CoNLL-U row is short, and a file without newlines
// (binary junk) must not be read into memory as one line.
const maxLine = 1 << 20

// Read reads every sentence of r; path names it in errors.
func Read(r io.Reader, path string) ([]Sentence, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var out []Sentence
	var cur Sentence
	lineNo, words := 0, 0
	flush := func() {
		if len(cur.Rows) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		words = 0
	}
	for {
		line, err := readLine(br)
		if err == io.EOF && line == "" {
			break
		}
		lineNo++
		if errors.Is(err, errLongLine) {
			return nil, &Error{path, lineNo, fmt.Sprintf("line longer than %d bytes", maxLine)}
		}
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s:%d: %w", path, lineNo, err)
		}
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			return nil, &Error{path, lineNo, "invalid UTF-8"}
		}
		if strings.IndexByte(line, '\r') >= 0 {
			return nil, &Error{path, lineNo, "carriage return inside a line"}
		}
		switch {
		case line == "":
			if len(cur.Rows) == 0 && len(cur.Comments) > 0 {
				return nil, &Error{path, lineNo, "comments without rows before a blank line"}
			}
			flush()
		case strings.HasPrefix(line, "#") && len(cur.Rows) == 0:
			if cur.Line == 0 {
				cur.Line = lineNo
			}
			cur.Comments = append(cur.Comments, line)
		default:
			row, msg := parseRow(line)
			if msg != "" {
				return nil, &Error{path, lineNo, msg}
			}
			row.Line = lineNo
			if cur.Line == 0 {
				cur.Line = lineNo
			}
			if msg := checkID(words, &row); msg != "" {
				return nil, &Error{path, lineNo, msg}
			}
			if row.IsWord() {
				words++
			}
			cur.Rows = append(cur.Rows, row)
		}
		if err == io.EOF {
			break
		}
	}
	if len(cur.Rows) == 0 && len(cur.Comments) > 0 {
		return nil, &Error{path, lineNo, "comments without rows at the end of the file"}
	}
	flush()
	return out, nil
}

var errLongLine = errors.New("line too long")

// readLine returns the next line without its newline; io.EOF comes with the
// last line when it has no newline, or alone at the end.
func readLine(br *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, err := br.ReadSlice('\n')
		if b.Len()+len(chunk) > maxLine+1 {
			return "", errLongLine
		}
		b.Write(chunk)
		if err == bufio.ErrBufferFull {
			continue
		}
		s := b.String()
		if err == nil {
			return s[:len(s)-1], nil
		}
		return s, err
	}
}

func parseRow(line string) (Row, string) {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return Row{}, fmt.Sprintf("want 10 tab-separated columns, got %d", len(cols))
	}
	for i, c := range cols {
		if c == "" {
			return Row{}, fmt.Sprintf("column %d is empty (an empty value is written _)", i+1)
		}
	}
	return Row{ID: cols[0], Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
		Feats: cols[5], Head: cols[6], Deprel: cols[7], Deps: cols[8], Misc: cols[9]}, ""
}

// checkID checks the row's ID against the words before it: words count from 1,
// a range starts at the next word, an empty node follows the word it names.
func checkID(words int, r *Row) string {
	id := r.ID
	switch {
	case strings.Contains(id, "-"):
		a, b, _ := strings.Cut(id, "-")
		lo, err1 := strconv.Atoi(a)
		hi, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || lo != words+1 || hi <= lo {
			return fmt.Sprintf("bad multiword-token range %q after word %d", id, words)
		}
	case strings.Contains(id, "."):
		a, b, _ := strings.Cut(id, ".")
		w, err1 := strconv.Atoi(a)
		k, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || w != words || k < 1 {
			return fmt.Sprintf("bad empty-node ID %q after word %d", id, words)
		}
	default:
		n, err := strconv.Atoi(id)
		if err != nil || n != words+1 || strconv.Itoa(n) != id {
			return fmt.Sprintf("bad word ID %q: want %d", id, words+1)
		}
		if r.Head != "_" {
			if h, err := strconv.Atoi(r.Head); err != nil || h < 0 || strconv.Itoa(h) != r.Head {
				return fmt.Sprintf("bad HEAD %q", r.Head)
			}
		}
	}
	return ""
}

// ReadFile reads the sentences of the file at path ("-" is not special here). A
// file without any sentence is an error (ErrEmpty).
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := Read(f, path)
	if err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	return sents, nil
}

// Write writes the sentences in CoNLL-U, each followed by a blank line.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for i := range sents {
		writeSentence(bw, &sents[i])
	}
	return bw.Flush()
}

func writeSentence(bw *bufio.Writer, s *Sentence) {
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	for i := range s.Rows {
		r := &s.Rows[i]
		for j, c := range [10]string{r.ID, r.Form, r.Lemma, r.UPOS, r.XPOS, r.Feats, r.Head, r.Deprel, r.Deps, r.Misc} {
			if j > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(field(c))
		}
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
}

// field keeps a written column well formed: empty is "_", tabs or line
// breaks inside a value (a token of odd text) become spaces, and bytes that
// are not UTF-8 become U+FFFD.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// MiscSet returns misc with key=value set (added, or replacing the key's old
// value), keeping the other attributes in order.
func MiscSet(misc, key, value string) string {
	var parts []string
	if misc != "_" && misc != "" {
		parts = strings.Split(misc, "|")
	}
	kv := key + "=" + value
	for i, p := range parts {
		if k, _, _ := strings.Cut(p, "="); k == key {
			parts[i] = kv
			return strings.Join(parts, "|")
		}
	}
	return strings.Join(append(parts, kv), "|")
}
