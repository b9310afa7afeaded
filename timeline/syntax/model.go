package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// Model is a trained tagger, lemmatizer and parser. It is safe for concurrent
// use.
type Model struct {
	classes    []string // tag classes, "UPOS XPOS"
	upos, xpos []string // the two halves of each class
	labels     []string
	tagger     *tagger
	parser     *parser
	lemmas     *lemmatizer
	scratch    sync.Pool // *scratch
}

// scratch is what annotating one sentence needs, reused between sentences.
type scratch struct {
	ws   []word
	tags []int
	tag  tagScratch
	prs  pscratch
}

func newModel(classes, labels []string, tg *tagger, p *parser, l *lemmatizer) *Model {
	m := &Model{classes: classes, labels: labels, tagger: tg, parser: p, lemmas: l}
	for _, c := range classes {
		u, x, _ := strings.Cut(c, " ")
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
	}
	m.scratch.New = func() any { return new(scratch) }
	return m
}

// The model file is gzip-compressed; inside, after a header line, every value
// is a varint or a length-prefixed string, in a fixed order (see Save). The
// header names the version of the feature templates: a model trained with
// other templates is refused rather than misread.
const modelHeader = "timeline syntax model 1\n"

// Save writes the model. The same model gives the same bytes.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	e.w.WriteString(modelHeader)
	e.strings(m.classes)
	e.strings(m.labels)
	lx := m.tagger.lex
	dict := sortedKeys(lx.dict)
	e.uint(uint64(len(dict)))
	for _, k := range dict {
		e.string(k)
		e.uint(uint64(lx.dict[k]))
	}
	amb := sortedKeys(lx.amb)
	e.uint(uint64(len(amb)))
	for _, k := range amb {
		e.string(k)
		e.bytes(lx.amb[k])
	}
	e.weights(m.tagger.first)
	e.weights(m.tagger.second)
	e.weights(m.parser.w)
	l := m.lemmas
	exc := sortedKeys(l.exceptions)
	e.uint(uint64(len(exc)))
	for _, k := range exc {
		e.string(k)
		e.string(l.exceptions[k])
	}
	cases := sortedKeys(l.cases)
	e.uint(uint64(len(cases)))
	for _, k := range cases {
		e.string(k)
		e.uint(uint64(l.cases[k]))
	}
	rules := sortedKeys(l.rules)
	e.uint(uint64(len(rules)))
	for _, k := range rules {
		e.string(k)
		e.uint(uint64(l.rules[k].strip))
		e.string(l.rules[k].add)
	}
	if err := e.w.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("syntax: model: %w", err)
	}
	// Loading takes the better part of a second, on every start of a
	// command that parses: the work is spread over the cores. One goroutine
	// decompresses while this one decodes, and each table of weights is
	// built while the next is decoded.
	unzipped, unzip := io.Pipe()
	defer unzipped.Close() // stops the decompression when decoding stops early
	go func() { _, err := io.Copy(unzip, zr); unzip.CloseWithError(err) }()
	d := &decoder{r: unzipped, buf: make([]byte, decodeChunk)}
	var build sync.WaitGroup
	defer build.Wait() // no goroutine outlives Load
	table := func(rs *rowSet, nclass int, w **weights) {
		if rs == nil {
			return
		}
		build.Go(func() { *w = newWeights(nclass, rs) })
	}
	var first, second, pw *weights
	if head := d.read(len(modelHeader)); string(head) != modelHeader {
		return nil, errors.New("syntax: model: not a model of this version (retrain it)")
	}
	classes := d.strings()
	labels := d.strings()
	lx := &tagLexicon{dict: map[string]int{}, amb: map[string][]uint8{}}
	for range d.count() {
		k := d.string()
		lx.dict[k] = int(d.uint())
	}
	for range d.count() {
		k := d.string()
		lx.amb[k] = d.bytes()
	}
	lx.hashAmb()
	table(d.weights(len(classes)), len(classes), &first)
	table(d.weights(len(classes)), len(classes), &second)
	table(d.weights(1+2*len(labels)), 1+2*len(labels), &pw)
	l := &lemmatizer{exceptions: map[string]string{}, cases: map[string]int{}, rules: map[string]lemmaRule{}}
	for range d.count() {
		k := d.string()
		l.exceptions[k] = d.string()
	}
	for range d.count() {
		k := d.string()
		l.cases[k] = int(d.uint())
	}
	for range d.count() {
		k := d.string()
		strip := int(d.uint())
		l.rules[k] = lemmaRule{strip: strip, add: d.string()}
	}
	build.Wait()
	if d.err != nil {
		return nil, fmt.Errorf("syntax: model: %w", d.err)
	}
	if d.more(1) {
		return nil, errors.New("syntax: model: data after the end")
	}
	if d.err != nil {
		return nil, fmt.Errorf("syntax: model: %w", d.err)
	}
	root := -1
	for i, l := range labels {
		if l == "root" {
			root = i
		}
	}
	if root < 0 || len(classes) == 0 {
		return nil, errors.New("syntax: model: no tags or no root relation")
	}
	p := &parser{w: pw, lex: lx, coarse: coarseOf(classes), nlabels: len(labels), root: root}
	return newModel(classes, labels, &tagger{lex: lx, first: first, second: second}, p, l), nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) uint(v uint64) {
	n := binary.PutUvarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) int(v int64) {
	n := binary.PutVarint(e.buf[:], v)
	e.w.Write(e.buf[:n])
}

func (e *encoder) string(s string) {
	e.uint(uint64(len(s)))
	e.w.WriteString(s)
}

func (e *encoder) bytes(b []uint8) {
	e.uint(uint64(len(b)))
	e.w.Write(b)
}

func (e *encoder) strings(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.string(s)
	}
}

// weights writes rows sorted by id: the gap from the previous id, the number
// of classes, the classes, the weights.
func (e *encoder) weights(m *weights) {
	rows := m.rows()
	e.uint(uint64(len(rows)))
	prev := uint32(0)
	for _, r := range rows {
		e.uint(uint64(r.id - prev))
		prev = r.id
		e.bytes(r.cls)
		for _, w := range r.w {
			e.int(int64(w))
		}
	}
}

// decoder reads the model's values from a window of the decompressed bytes,
// refilled as it empties: a varint read from memory costs a few
// instructions, where one read byte by byte through an io.ByteReader cost a
// call for each byte (a fifth of the load of a model of millions of them).
type decoder struct {
	r        io.Reader
	buf      []byte // buf[pos:end] is read and not yet decoded
	pos, end int
	err      error
}

// decodeChunk is the size of the decoder's window: more than any value but a
// string, read piecewise.
const decodeChunk = 1 << 16

// more reports whether n bytes (at most decodeChunk) are ready in the window,
// reading more from r when they are not; a read error other than the end is
// the decoder's.
func (d *decoder) more(n int) bool {
	if d.end-d.pos >= n {
		return true
	}
	d.end = copy(d.buf, d.buf[d.pos:d.end])
	d.pos = 0
	for d.end < n {
		k, err := d.r.Read(d.buf[d.end:])
		d.end += k
		if err != nil {
			if err != io.EOF && d.err == nil {
				d.err = err
			}
			return d.end >= n
		}
	}
	return true
}

// read returns the next n bytes (at most decodeChunk), fewer at the end of
// the data; the slice is the window's, valid until the next read.
func (d *decoder) read(n int) []byte {
	d.more(n)
	n = min(n, d.end-d.pos)
	b := d.buf[d.pos : d.pos+n]
	d.pos += n
	return b
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	d.more(binary.MaxVarintLen64)
	v, n := binary.Uvarint(d.buf[d.pos:d.end])
	if n <= 0 {
		d.fail("bad or truncated number")
		return 0
	}
	d.pos += n
	return v
}

// int reads a signed varint: binary.PutVarint's zig-zag coding of an
// unsigned one.
func (d *decoder) int() int64 {
	u := d.uint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// count reads a count, bounded so that a corrupt file cannot ask for
// unbounded memory.
func (d *decoder) count() int {
	n := d.uint()
	if n > 1<<26 {
		d.fail("count %d out of range", n)
		return 0
	}
	return int(n)
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) string() string {
	b := d.bytes()
	return string(b)
}

func (d *decoder) bytes() []byte {
	return d.appendBytes(nil)
}

// appendBytes reads a length-prefixed string onto b.
func (d *decoder) appendBytes(b []byte) []byte {
	n := d.uint()
	if d.err != nil {
		return b
	}
	if n > 1<<20 {
		d.fail("string of %d bytes", n)
		return b
	}
	b = slices.Grow(b, int(n))
	for left := int(n); left > 0; {
		p := d.read(min(left, decodeChunk))
		if len(p) == 0 {
			d.fail("truncated string")
			return b
		}
		b = append(b, p...)
		left -= len(p)
	}
	return b
}

func (d *decoder) strings() []string {
	out := make([]string, d.count())
	for i := range out {
		out[i] = d.string()
	}
	return out
}

// weights reads the rows of a table of weights (see encoder.weights); nil
// when they are corrupt.
func (d *decoder) weights(nclass int) *rowSet {
	n := d.count()
	// A corrupt count must not reserve memory: the arrays grow as rows come.
	rs := newRowSet(min(n, 1<<21))
	id := uint32(0)
	var cls []byte
	var w []int16
	for k := range n {
		gap := d.uint()
		if d.err != nil {
			return nil
		}
		if k > 0 && gap == 0 || uint64(id)+gap > 1<<32-1 {
			d.fail("feature ids out of order")
			return nil
		}
		id += uint32(gap)
		cls = d.appendBytes(cls[:0])
		if len(cls) == 0 || len(cls) > maxRow {
			d.fail("feature with %d classes", len(cls))
			return nil
		}
		w = w[:0]
		for _, c := range cls {
			if int(c) >= nclass {
				d.fail("class %d of %d", c, nclass)
				return nil
			}
			v := d.int()
			if v < -32768 || v > 32767 {
				d.fail("weight %d out of range", v)
				return nil
			}
			w = append(w, int16(v))
		}
		rs.add(id, cls, w)
		if len(rs.cls) >= 1<<25 {
			d.fail("more than 2^25 weights")
			return nil
		}
	}
	return rs
}
