package timeml

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

func TestReadFile(t *testing.T) {
	tests := []struct {
		file    string
		docID   string
		dct     string // YYYY-MM-DD or ""
		title   string
		body    string
		timexes []timeline.Timex
	}{
		{
			file: "simple.tml", docID: "DOC1", dct: "1998-08-07", title: "A & B",
			body: "\nAT&T said Friday that for about two years it met weekly in Zürich <sic>.\n",
			timexes: []timeline.Timex{
				{ID: "t1", Span: timeline.Span{Start: 11, End: 17}, Text: "Friday", Type: "DATE", Value: "1998-08-07"},
				{ID: "t2", Span: timeline.Span{Start: 27, End: 42}, Text: "about two years", Type: "DURATION", Value: "P2Y",
					Mod: "APPROX", AnchorTimeID: "t1", BeginPoint: "t0", EndPoint: "t1"},
				{ID: "t3", Span: timeline.Span{Start: 50, End: 56}, Text: "weekly", Type: "SET", Value: "P1W", Quant: "EVERY", Freq: "1X"},
			},
		},
		{
			// A TE3 input file: a datetime DCT, no TIMEX3 in TEXT.
			file: "input.TE3input", docID: "DOC2", dct: "1998-08-07",
			body: "\nPlain text, 3 < 4.\n",
		},
		{
			// CR LF and lone CR become LF, a compact DCT, a tag nested in a timex.
			file: "crlf.tml", docID: "D3", dct: "1998-08-07",
			body: "a\nb\nc 1998 and on",
			timexes: []timeline.Timex{
				{ID: "t1", Span: timeline.Span{Start: 6, End: 17}, Text: "1998 and on", Type: "DATE", Value: "1998"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if f.DocID != tt.docID || f.Title != tt.title || f.Body != tt.body {
				t.Errorf("got id %q title %q body %q, want %q %q %q", f.DocID, f.Title, f.Body, tt.docID, tt.title, tt.body)
			}
			if got := timeline.FormatDay(f.DCT); got != tt.dct {
				t.Errorf("DCT %q, want %q", got, tt.dct)
			}
			if len(f.Timexes) != len(tt.timexes) {
				t.Fatalf("got %d timexes %+v, want %d", len(f.Timexes), f.Timexes, len(tt.timexes))
			}
			for i, got := range f.Timexes {
				if got != tt.timexes[i] {
					t.Errorf("timex %d:\n got %+v\nwant %+v", i, got, tt.timexes[i])
				}
			}
		})
	}
}

func TestReadNested(t *testing.T) {
	f, err := ReadFile("testdata/crlf.tml")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Elements) != 1 || !f.Elements[0].Nested || f.Elements[0].Raw != "1998 and on" {
		t.Errorf("elements %+v: want one nested TIMEX3 with raw content %q", f.Elements, "1998 and on")
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"plain.txt", "no <TEXT> element (not a TimeML document?)"},
		{"unclosed.tml", "<TEXT> is not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := ReadFile(filepath.Join("testdata", tt.file))
			if err == nil || !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), tt.want) ||
				!strings.Contains(err.Error(), tt.file) {
				t.Errorf("err = %v, want ErrNoText mentioning %q and the file", err, tt.want)
			}
		})
	}
}

func TestUnescapeEntity(t *testing.T) {
	tests := []struct{ in, want string }{
		{"&amp;", "&"}, {"&lt;", "<"}, {"&quot;", `"`}, {"&apos;", "'"}, {"&eacute;", "é"},
		{"&#65;", "A"}, {"&#x41;", "A"}, {"&#0;", "\uFFFD"}, {"&#13;", "\r"}, {"&#x80;", "€"},
		{"&#1;", ""}, {"&#xD800;", "\uFFFD"}, {"&#99999999999999999999;", "\uFFFD"},
		{"&nosuch;", "&nosuch;"}, {"&ampx;", "&x;"},
	}
	for _, tt := range tests {
		if got := UnescapeEntity(tt.in); got != tt.want {
			t.Errorf("UnescapeEntity(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDCT(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1998-08-07", "1998-08-07"}, {"19980807", "1998-08-07"}, {"1998-08-07T06:18:00", "1998-08-07"},
		{"19980807T0618", "1998-08-07"}, {"PRESENT_REF", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, _ := ParseDCT(tt.in)
		if timeline.FormatDay(got) != tt.want {
			t.Errorf("ParseDCT(%q) = %v, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrite(t *testing.T) {
	doc := &timeline.Document{ID: "X1", Title: "T", Body: "On Friday, 2 < 3 & \"q\"\r\nfor two years.",
		DCT: time.Date(2018, 1, 12, 0, 0, 0, 0, time.UTC)}
	timexes := []timeline.Timex{
		{ID: "t2", Span: timeline.Span{Start: 28, End: 37}, Type: "DURATION", Value: "P2Y", EndPoint: "t1"},
		{ID: "t1", Span: timeline.Span{Start: 3, End: 9}, Type: "DATE", Value: "2018-01-12"},
		{ID: "t9", Span: timeline.Span{Start: 4, End: 12}, Type: "DATE", Value: "XXXX"}, // overlaps t1: dropped
		{ID: "t8", Span: timeline.Span{Start: 31, End: 34}, Type: "DATE", Value: "2"},   // inside t2: dropped
	}
	var buf bytes.Buffer
	if err := Write(&buf, doc, timexes); err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">

<DOCID>X1</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="2018-01-12" temporalFunction="false" functionInDocument="CREATION_TIME">2018-01-12</TIMEX3></DCT>

<TITLE>T</TITLE>

<TEXT>On <TIMEX3 tid="t1" type="DATE" value="2018-01-12">Friday</TIMEX3>, 2 &lt; 3 &amp; "q"&#13;
for <TIMEX3 tid="t2" type="DURATION" value="P2Y" endPoint="t1">two years</TIMEX3>.</TEXT>

</TimeML>
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	f, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if f.Body != doc.Body || f.DocID != "X1" || !f.DCT.Equal(doc.DCT) || len(f.Timexes) != 2 {
		t.Errorf("read back %+v", f)
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		timexes []timeline.Timex
		want    string
	}{
		{"invalid UTF-8", "a\xffb", nil, "invalid UTF-8"},
		{"control character", "a\x01b", nil, "not allowed in XML"},
		{"span outside", "abc", []timeline.Timex{{ID: "t1", Span: timeline.Span{Start: 1, End: 9}}}, "outside body"},
		{"span cuts rune", "Zürich", []timeline.Timex{{ID: "t1", Span: timeline.Span{Start: 0, End: 2}}}, "cuts a UTF-8"},
		{"bad attribute", "abc", []timeline.Timex{{ID: "t1", Span: timeline.Span{Start: 0, End: 1}, Value: "\xff"}}, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, &timeline.Document{ID: "d", Body: tt.body}, tt.timexes)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestWriteNoDCT(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, &timeline.Document{ID: "d", Body: "x"}, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<DCT>") {
		t.Errorf("DCT written for a document without one:\n%s", buf.String())
	}
}

// sharedDir locates ../shared beside the project, or skips.
func sharedDir(t testing.TB) string {
	dir, err := filepath.Abs("../../../shared")
	if err == nil {
		if _, err = os.Stat(filepath.Join(dir, "corpora")); err == nil {
			return dir
		}
	}
	t.Skipf("shared corpora not found at ../../../shared (%v): skipping corpus test", err)
	return ""
}

// TestCorpora reads every TimeML file of the shared corpora: each timex's text is
// its span of the body, the count matches the tags in TEXT, and a rewrite reads
// back to the same body and spans.
func TestCorpora(t *testing.T) {
	dir := sharedDir(t)
	var files []string
	for _, pat := range []string{"corpora/tbaq/*/*.tml", "corpora/silver/*.tml"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	if len(files) < 1000 {
		t.Fatalf("found only %d corpus files", len(files))
	}
	for _, path := range files {
		f, err := ReadFile(path)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if f.DocID == "" || f.DCT.IsZero() {
			t.Errorf("%s: DOCID %q DCT %v", path, f.DocID, f.DCT)
		}
		data, _ := os.ReadFile(path)
		text := string(data[bytes.Index(data, []byte("<TEXT>")):bytes.LastIndex(data, []byte("</TEXT>"))])
		if n := strings.Count(text, "<TIMEX3 "); n != len(f.Timexes) {
			t.Errorf("%s: %d timexes, %d TIMEX3 tags in TEXT", path, len(f.Timexes), n)
		}
		for _, tx := range f.Timexes {
			if tx.Text == "" || f.Body[tx.Span.Start:tx.Span.End] != tx.Text || tx.Value == "" || tx.Type == "" {
				t.Errorf("%s: bad timex %+v", path, tx)
			}
		}
		var buf bytes.Buffer
		doc := &timeline.Document{ID: f.DocID, Body: f.Body, DCT: f.DCT}
		if err := Write(&buf, doc, f.Timexes); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		g, err := Read(&buf)
		if err != nil {
			t.Fatalf("%s: rewrite: %v", path, err)
		}
		if g.Body != f.Body || len(g.Timexes) != len(f.Timexes) {
			t.Errorf("%s: rewrite changed the body or the timexes (%d -> %d)", path, len(f.Timexes), len(g.Timexes))
		}
	}
}

// TestReadDeepNesting guards against quadratic work on many unclosed elements.
func TestReadDeepNesting(t *testing.T) {
	doc := "<TEXT>" + strings.Repeat("<TIMEX3>a ", 50000) + "</TEXT>"
	start := time.Now()
	f, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Timexes) != 50000 || !f.Elements[0].Nested || f.Elements[49999].Nested {
		t.Errorf("%d timexes; first nested %v, last nested %v", len(f.Timexes), f.Elements[0].Nested, f.Elements[49999].Nested)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("reading took %v", d)
	}
}

// The DOCID and TITLE Write escapes read back as written, so that an id with an
// ampersand is not escaped once more at every read and write.
func TestWriteReadDocIDAndTitle(t *testing.T) {
	doc := &timeline.Document{ID: "AT&T <1>", Title: "Talks & \"threats\"", Body: "They met."}
	var buf bytes.Buffer
	if err := Write(&buf, doc, nil); err != nil {
		t.Fatal(err)
	}
	f, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if f.DocID != doc.ID || f.Title != doc.Title {
		t.Errorf("read back DOCID %q, TITLE %q; want %q, %q", f.DocID, f.Title, doc.ID, doc.Title)
	}
}

// tagPattern is te3score.py's tag pattern, anchored: scanTag must read a tag
// exactly as it matches one.
var tagPattern = regexp.MustCompile(`^<(/?)([A-Za-z_][\p{L}\p{N}_.:-]*)((?:"[^"]*"|'[^']*'|[^>"'])*?)(/?)>`)

func checkScanTag(t *testing.T, s string) {
	t.Helper()
	closing, name, self, n, ok := scanTag(s)
	m := tagPattern.FindStringSubmatchIndex(s)
	if (m != nil) != ok {
		t.Fatalf("scanTag(%q) ok = %v, the pattern says %v", s, ok, m != nil)
	}
	if m == nil {
		return
	}
	if closing != (m[3] > m[2]) || name != s[m[4]:m[5]] || self != (m[9] > m[8]) || n != m[1] {
		t.Fatalf("scanTag(%q) = %v %q %v %d; the pattern: %v %q %v %d", s, closing, name, self, n,
			m[3] > m[2], s[m[4]:m[5]], m[9] > m[8], m[1])
	}
}

func TestScanTag(t *testing.T) {
	for _, s := range []string{
		"", "<", "<>", "</>", "<a>", "</a>", "<a/>", "<a />", "<a/ >", "<TIMEX3 tid=\"t1\" value=\"2018\">x",
		"<EVENT eid='e1' class=\"OCCURRENCE\"/>", `<a b="x>y">`, `<a b="unclosed>`, `<a b='x"y'>`,
		"<1a>", "<_a.b:c-d>", "<é>", "<aé1>", "<a\xff>", "<a\xffb>", "<a b=\"\xff\">", "<a / / >", "<a//>",
		"</TIMEX3>rest<b>", "<a\n b=\"1\"\n>", "< a>", "<a", "<a b=\"1\"",
	} {
		checkScanTag(t, s)
	}
}

func FuzzScanTag(f *testing.F) {
	for _, s := range []string{"<a>", `<TIMEX3 tid="t1" value='2018'/>`, `</EVENT>`, `<a b="x>y" / >`, "<é\xff>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkScanTag(t, "<"+s)
	})
}
