// Package timeml reads and writes TimeML 1.2 documents.
//
// The reader is a tolerant scanner rather than an XML parser: TempEval corpora are
// not always well-formed XML (stray ampersands, unknown entities, unclosed tags),
// and the reference scorer (shared/tools/te3score.py) reads them with regular
// expressions. The reader follows the scorer's rules so that the Body it returns is
// the very plain text the scorer aligns on: line ends normalised to "\n" (as
// Python's universal newlines do), tags removed, entities decoded as html.unescape
// decodes them.
package timeml

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/timelinehq/timeline/timeline"
)

// ErrNoText is returned (wrapped) by Read when the input has no <TEXT> element, so
// it is not a TimeML document this package can use.
var ErrNoText = errors.New("no <TEXT> element")

// File is a TimeML document as read.
type File struct {
	DocID    string    // text of <DOCID>, tags removed, entities decoded
	DCT      time.Time // zero when absent or unparsable
	DCTValue string    // the DCT TIMEX3 value attribute as written, "" when absent
	Title    string    // text of <TITLE>, tags removed, entities decoded; "" when absent
	Body     string    // the text content of <TEXT>, entities decoded
	// Timexes are the TIMEX3 elements of <TEXT> in the order they open, with
	// spans into Body; a timex nested in another is listed too (Write would drop
	// it). A TIMEX3 without tid gets "t<n>", n its rank among the timexes.
	Timexes []timeline.Timex

	// Elements are the TIMEX3 and EVENT tags inside <TEXT>, in the order they
	// open, with the raw details a scorer needs (nesting, raw content).
	Elements []Element
}

// Element is a TIMEX3 or EVENT element inside <TEXT>.
type Element struct {
	Name  string            // "TIMEX3" or "EVENT"
	Tag   string            // the opening tag as written, `<TIMEX3 tid="t1" ...>`
	Attrs map[string]string // attribute values, entities decoded
	// Start and End are byte offsets into Body of the content; End == Start for an
	// empty or self-closing element. An unclosed element ends at the end of Body.
	Start, End int
	Raw        string // content between the tags as written: tags dropped, entities not decoded
	Nested     bool   // some other tag occurs inside the element
}

var (
	reDocID  = regexp.MustCompile(`(?s)<DOCID>\s*(.*?)\s*</DOCID>`)
	reDCT    = regexp.MustCompile(`(?s)<DCT>(.*?)</DCT>`)
	reTitle  = regexp.MustCompile(`(?s)<TITLE>(.*?)</TITLE>`)
	reTimex  = regexp.MustCompile(`<TIMEX3\b[^>]*>`)
	reText   = regexp.MustCompile(`<TEXT\b[^>]*>`)
	reEntity = regexp.MustCompile(`^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
	reAttr   = regexp.MustCompile(`([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// ReadFile reads the TimeML document at path.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("timeml: %w", err)
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("timeml: read %s: %w", path, err)
	}
	return f, nil
}

// Read parses a TimeML document (a .tml file, or a .TE3input file whose TEXT has
// no TIMEX3 yet).
func Read(r io.Reader) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("timeml: read: %w", err)
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("timeml: read: %w", err)
	}
	return f, nil
}

// Parse parses a TimeML document held in memory. Errors are not prefixed.
func Parse(data []byte) (*File, error) {
	raw := Normalize(data)
	f := &File{}
	if m := reDocID.FindStringSubmatch(raw); m != nil {
		// Decoded as Write encodes it, or an id with an ampersand would gain
		// an "amp;" at every read and write.
		id, _ := scanText(m[1])
		f.DocID = strings.TrimSpace(id)
	}
	if m := reDCT.FindStringSubmatch(raw); m != nil {
		if t := reTimex.FindString(m[1]); t != "" {
			f.DCTValue = parseAttrs(t)["value"]
			f.DCT, _ = ParseDCT(f.DCTValue)
		}
	}
	if m := reTitle.FindStringSubmatch(raw); m != nil {
		title, _ := scanText(m[1])
		f.Title = strings.TrimSpace(title)
	}
	loc := reText.FindStringIndex(raw)
	end := strings.LastIndex(raw, "</TEXT>")
	if loc == nil || end < loc[1] {
		if strings.Contains(raw, "<TEXT") {
			return nil, fmt.Errorf("%w: <TEXT> is not closed by </TEXT>", ErrNoText)
		}
		return nil, fmt.Errorf("%w (not a TimeML document?)", ErrNoText)
	}
	f.Body, f.Elements = scanText(raw[loc[1]:end])
	n := 0
	for _, el := range f.Elements {
		if el.Name != "TIMEX3" {
			continue
		}
		n++
		a := el.Attrs
		tx := timeline.Timex{
			ID:           a["tid"],
			Span:         timeline.Span{Start: el.Start, End: el.End},
			Text:         f.Body[el.Start:el.End],
			Type:         a["type"],
			Value:        a["value"],
			Mod:          a["mod"],
			AnchorTimeID: a["anchorTimeID"],
			BeginPoint:   a["beginPoint"],
			EndPoint:     a["endPoint"],
			Quant:        a["quant"],
			Freq:         a["freq"],
		}
		if tx.ID == "" {
			tx.ID = "t" + strconv.Itoa(n)
		}
		f.Timexes = append(f.Timexes, tx)
	}
	return f, nil
}

// Normalize turns a file's bytes into the text the scorer sees: invalid UTF-8
// bytes become U+FFFD and line ends "\r\n" and "\r" become "\n" (Python's text
// mode does both, and an XML parser does the latter).
func Normalize(data []byte) string {
	if !utf8.Valid(data) {
		var b strings.Builder
		for len(data) > 0 {
			r, size := utf8.DecodeRune(data)
			b.WriteRune(r)
			data = data[size:]
		}
		data = []byte(b.String())
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
	}
	return string(data)
}

// ParseDCT parses a DCT value: YYYY-MM-DD, YYYYMMDD, or either followed by a time
// ("1998-08-07T06:18:00", "19980807T0618"). The time of day is dropped.
func ParseDCT(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if i := strings.IndexAny(v, "T "); i >= 0 {
		v = v[:i]
	}
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("invalid DCT value %q: want YYYY-MM-DD", v)
}

// scanText removes the tags of raw and decodes its entities, recording the
// TIMEX3 and EVENT elements, as te3score.py's _parse_text does. Instead of
// appending each character to every open element (quadratic on deep nesting),
// it keeps one stream of the raw text between tags and cuts each element's raw
// content out of it, and it finds nesting by counting the tags between an
// element's opening and closing tags.
func scanText(raw string) (string, []Element) {
	var plain strings.Builder
	plain.Grow(len(raw))
	var rawText strings.Builder // all raw text outside tags, entities as written
	rawText.Grow(len(raw))
	var elements []Element
	type bounds struct{ openTag, closeTag, rawStart, rawEnd int }
	var bs []bounds
	var stack []int // indices into elements of the open elements
	closeAt := func(i, tags int) {
		elements[i].End = plain.Len()
		bs[i].closeTag, bs[i].rawEnd = tags, rawText.Len()
	}
	tags := 0 // tags seen
	// No tag can start after the last '>': not trying saves a scan to the end of
	// the text for every '<' of a text that has none left.
	lastGT := strings.LastIndexByte(raw, '>')
	pos := 0
	for pos < len(raw) {
		switch raw[pos] {
		case '<':
			if pos > lastGT {
				break
			}
			closing, name, selfClose, n, ok := scanTag(raw[pos:])
			if !ok {
				break
			}
			tag := raw[pos : pos+n]
			if closing && (name == "TIMEX3" || name == "EVENT") {
				// Close the innermost open element of that name.
				for k := len(stack) - 1; k >= 0; k-- {
					if elements[stack[k]].Name == name {
						closeAt(stack[k], tags)
						stack = append(stack[:k], stack[k+1:]...)
						break
					}
				}
			}
			if !closing && (name == "TIMEX3" || name == "EVENT") {
				elements = append(elements, Element{Name: name, Tag: tag, Attrs: parseAttrs(tag),
					Start: plain.Len(), End: plain.Len()})
				bs = append(bs, bounds{openTag: tags, closeTag: tags + 1, rawStart: rawText.Len(), rawEnd: rawText.Len()})
				if !selfClose {
					stack = append(stack, len(elements)-1)
				}
			}
			tags++
			pos += n
			continue
		case '&':
			m := reEntity.FindStringIndex(raw[pos:])
			if m == nil {
				break
			}
			ent := raw[pos : pos+m[1]]
			rawText.WriteString(ent)
			plain.WriteString(UnescapeEntity(ent))
			pos += m[1]
			continue
		}
		// Text up to the next tag or entity is copied as it is, in one piece
		// (a byte at a time, it was a third of reading a corpus); a '<' or '&'
		// that starts neither is text too.
		n := 1
		if c := raw[pos]; c != '<' && c != '&' {
			if n = strings.IndexAny(raw[pos:], "<&"); n < 0 {
				n = len(raw) - pos
			}
		}
		rawText.WriteString(raw[pos : pos+n])
		plain.WriteString(raw[pos : pos+n])
		pos += n
	}
	for _, i := range stack { // unclosed
		closeAt(i, tags)
	}
	all := rawText.String()
	for i := range elements {
		b := bs[i]
		elements[i].Raw = all[b.rawStart:b.rawEnd]
		// Any tag after its own opening tag and before the one that closed it.
		elements[i].Nested = b.closeTag-b.openTag > 1
	}
	return plain.String(), elements
}

// scanTag reads the tag s starts with, as te3score.py's tag pattern matches it
// (\w widened to Unicode letters and digits, as Python's \w is; the pattern is
// the test's oracle): a name, then anything but '>' outside quoted strings,
// then an optional '/' and '>'. It returns whether the tag closes an element,
// its name, whether it closes itself, and its length; ok is false when s starts
// with no tag. The regular expression, tried at every '<', was the most of
// reading an annotated corpus.
func scanTag(s string) (closing bool, name string, selfClose bool, n int, ok bool) {
	if len(s) < 2 || s[0] != '<' {
		return false, "", false, 0, false
	}
	i := 1
	if s[i] == '/' {
		closing = true
		i++
	}
	start := i
	if i >= len(s) || !(s[i] == '_' || 'a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z') {
		return false, "", false, 0, false
	}
	i++
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || r == '.' || r == ':' || r == '-') {
			break
		}
		i += size
	}
	name = s[start:i]
	for i < len(s) {
		switch c := s[i]; c {
		case '>':
			return closing, name, false, i + 1, true
		case '/':
			if i+1 < len(s) && s[i+1] == '>' {
				return closing, name, true, i + 2, true
			}
			i++
		case '"', '\'':
			end := strings.IndexByte(s[i+1:], c)
			if end < 0 {
				return false, "", false, 0, false
			}
			i += end + 2
		default:
			i++
		}
	}
	return false, "", false, 0, false
}

// parseAttrs returns the attributes of an opening tag, values decoded; the first
// of a repeated name wins. It reads what reAttr (kept as the tests' oracle)
// matches, by hand: the expression, run on every tag of an annotated corpus,
// was most of reading it.
func parseAttrs(tag string) map[string]string {
	out := map[string]string{}
	for i := 0; i < len(tag); {
		if !attrNameByte(tag[i]) {
			i++
			continue
		}
		// A name is a whole run of name bytes: a match that starts inside the
		// run fails where one from its start does.
		j := i
		for j < len(tag) && attrNameByte(tag[j]) {
			j++
		}
		name := tag[i:j]
		k := skipSpace(tag, j)
		if k >= len(tag) || tag[k] != '=' {
			i = j
			continue
		}
		k = skipSpace(tag, k+1)
		if k >= len(tag) || tag[k] != '"' && tag[k] != '\'' {
			i = j
			continue
		}
		end := strings.IndexByte(tag[k+1:], tag[k])
		if end < 0 {
			i = j
			continue
		}
		if _, ok := out[name]; !ok {
			out[name] = unescapeAll(tag[k+1 : k+1+end])
		}
		i = k + 2 + end
	}
	return out
}

// attrNameByte reports whether byte c may be part of an attribute name: any but
// white space (as \s reads it), '=', '<', '>', '/' and quotes.
func attrNameByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '=', '<', '>', '/', '"', '\'':
		return false
	}
	return true
}

// skipSpace returns the index of the first byte from i that is not white space
// as \s reads it.
func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

var reEntityAny = regexp.MustCompile(`&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

func unescapeAll(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return reEntityAny.ReplaceAllStringFunc(s, UnescapeEntity)
}

// UnescapeEntity decodes one entity reference "&...;" as Python's html.unescape
// does: numeric references to code points that are not characters give "" (or
// U+FFFD), references in 0x80-0x9F are read as Windows-1252, unknown names are
// kept as written.
func UnescapeEntity(ent string) string {
	if len(ent) < 3 || ent[0] != '&' || ent[len(ent)-1] != ';' {
		return ent
	}
	body := ent[1 : len(ent)-1]
	if body == "" || body[0] != '#' {
		return html.UnescapeString(ent)
	}
	base, digits := 10, body[1:]
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		base, digits = 16, digits[1:]
	}
	if digits == "" {
		return ent
	}
	n := 0
	for _, c := range digits {
		d := strings.IndexRune("0123456789abcdef", c|0x20)
		if d < 0 || d >= base {
			return ent
		}
		if n <= 0x10FFFF {
			n = n*base + d
		}
	}
	switch {
	case n == 0:
		return "\uFFFD"
	case n == 0x0d:
		return "\r"
	case n >= 0x80 && n <= 0x9f:
		return html.UnescapeString("&#" + strconv.Itoa(n) + ";")
	case n >= 0xD800 && n <= 0xDFFF || n > 0x10FFFF:
		return "\uFFFD"
	case invalidCodepoint(n):
		return ""
	}
	return string(rune(n))
}

// invalidCodepoint mirrors html._invalid_codepoints.
func invalidCodepoint(n int) bool {
	switch {
	case n >= 0x1 && n <= 0x8, n == 0xb, n >= 0xe && n <= 0x1f, n >= 0x7f && n <= 0x9f,
		n >= 0xfdd0 && n <= 0xfdef:
		return true
	}
	return n&0xfffe == 0xfffe
}

// Write writes doc as a TimeML document with timexes wrapped in TIMEX3 tags; the
// text between tags is the body, escaped, so that reading the output back gives
// the body byte for byte. Timexes that overlap one already written (sorted by
// start, longest first) are dropped: TIMEX3 tags cannot overlap and the outer
// expression is the one TempEval scores. A body or attribute that XML 1.0 cannot
// carry (invalid UTF-8, control characters) is an error.
func Write(w io.Writer, doc *timeline.Document, timexes []timeline.Timex) error {
	if err := checkXMLText(doc.Body); err != nil {
		return fmt.Errorf("timeml: write %s: body: %w", doc.ID, err)
	}
	for _, s := range []string{doc.ID, doc.Title} {
		if err := checkXMLText(s); err != nil {
			return fmt.Errorf("timeml: write %s: %w", doc.ID, err)
		}
	}
	kept, err := selectTimexes(doc.Body, timexes)
	if err != nil {
		return fmt.Errorf("timeml: write %s: %w", doc.ID, err)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">` + "\n\n")
	b.WriteString("<DOCID>" + escapeText(doc.ID) + "</DOCID>\n\n")
	if !doc.DCT.IsZero() {
		d := doc.DCT.Format(timeline.DateLayout)
		b.WriteString(`<DCT><TIMEX3 tid="t0" type="DATE" value="` + d +
			`" temporalFunction="false" functionInDocument="CREATION_TIME">` + d + "</TIMEX3></DCT>\n\n")
	}
	if doc.Title != "" {
		b.WriteString("<TITLE>" + escapeText(doc.Title) + "</TITLE>\n\n")
	}
	b.WriteString("<TEXT>")
	pos := 0
	for i, tx := range kept {
		b.WriteString(escapeText(doc.Body[pos:tx.Span.Start]))
		id := tx.ID
		if id == "" {
			id = "t" + strconv.Itoa(i+1)
		}
		b.WriteString(`<TIMEX3 tid="` + escapeAttr(id) + `" type="` + escapeAttr(tx.Type) +
			`" value="` + escapeAttr(tx.Value) + `"`)
		for _, a := range [...]struct{ name, v string }{
			{"mod", tx.Mod}, {"anchorTimeID", tx.AnchorTimeID}, {"beginPoint", tx.BeginPoint},
			{"endPoint", tx.EndPoint}, {"quant", tx.Quant}, {"freq", tx.Freq},
		} {
			if a.v != "" {
				b.WriteString(" " + a.name + `="` + escapeAttr(a.v) + `"`)
			}
		}
		b.WriteString(">" + escapeText(doc.Body[tx.Span.Start:tx.Span.End]) + "</TIMEX3>")
		pos = tx.Span.End
	}
	b.WriteString(escapeText(doc.Body[pos:]))
	b.WriteString("</TEXT>\n\n</TimeML>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("timeml: write %s: %w", doc.ID, err)
	}
	return nil
}

// selectTimexes validates the spans and keeps the outermost of overlapping ones.
func selectTimexes(body string, timexes []timeline.Timex) ([]timeline.Timex, error) {
	sorted := make([]timeline.Timex, 0, len(timexes))
	for _, tx := range timexes {
		s := tx.Span
		if s.Start < 0 || s.End > len(body) || s.Start > s.End {
			return nil, fmt.Errorf("timex %s: span [%d,%d) outside body of %d bytes", tx.ID, s.Start, s.End, len(body))
		}
		if !runeBoundary(body, s.Start) || !runeBoundary(body, s.End) {
			return nil, fmt.Errorf("timex %s: span [%d,%d) cuts a UTF-8 character", tx.ID, s.Start, s.End)
		}
		for _, v := range []string{tx.ID, tx.Type, tx.Value, tx.Mod, tx.AnchorTimeID, tx.BeginPoint, tx.EndPoint, tx.Quant, tx.Freq} {
			if err := checkXMLText(v); err != nil {
				return nil, fmt.Errorf("timex %s: attribute: %w", tx.ID, err)
			}
		}
		if s.Start == s.End {
			continue // nothing to wrap
		}
		sorted = append(sorted, tx)
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Span, sorted[j].Span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	kept := sorted[:0]
	end := 0
	for _, tx := range sorted {
		if tx.Span.Start < end {
			continue
		}
		kept = append(kept, tx)
		end = tx.Span.End
	}
	return kept, nil
}

func runeBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// checkXMLText reports text that no XML 1.0 document can hold.
func checkXMLText(s string) error {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Errorf("invalid UTF-8 at byte %d", i)
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return fmt.Errorf("character %U at byte %d is not allowed in XML", r, i)
		}
	}
	return nil
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#13;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
		"\r", "&#13;", "\n", "&#10;", "\t", "&#9;")
)

// escapeText escapes character data; "\r" is written as a reference because XML
// parsers (and the scorer) turn a literal one into "\n".
func escapeText(s string) string { return textEscaper.Replace(s) }

func escapeAttr(s string) string { return attrEscaper.Replace(s) }
