package timeml

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*")
	for _, p := range seeds {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("<TEXT><TIMEX3 tid='t1'>a</EVENT>&#x110000;&amp</TIMEX3><TIMEX3/></TEXT>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, tx := range file.Timexes {
			if tx.Span.Start < 0 || tx.Span.End > len(file.Body) || tx.Span.Start > tx.Span.End {
				t.Fatalf("span %+v outside body of %d bytes", tx.Span, len(file.Body))
			}
		}
	})
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("On Friday, 2 < 3 & \"q\"\r\nfor two years.", 3, 9, 28, 37)
	f.Add("Zürich &amp; <b>", 0, 7, 2, 9)
	f.Add("]]> &#13; \r", 0, 3, 1, 2)
	f.Fuzz(func(t *testing.T, body string, s1, e1, s2, e2 int) {
		timexes := []timeline.Timex{
			{ID: "t1", Span: timeline.Span{Start: s1, End: e1}, Type: "DATE", Value: "2018"},
			{ID: "t2", Span: timeline.Span{Start: s2, End: e2}, Type: "DURATION", Value: "P1D"},
		}
		doc := &timeline.Document{ID: "fuzz", Body: body}
		var buf bytes.Buffer
		if err := Write(&buf, doc, timexes); err != nil {
			if checkXMLText(body) == nil {
				// The body was writable: only a bad span may refuse it.
				if _, serr := selectTimexes(body, timexes); serr == nil {
					t.Fatalf("Write refused a valid document: %v", err)
				}
			}
			return
		}
		got, err := Read(&buf)
		if err != nil {
			t.Fatalf("Read(Write(x)): %v\n%s", err, buf.String())
		}
		if got.Body != body {
			t.Fatalf("body %q, want %q", got.Body, body)
		}
		kept, _ := selectTimexes(body, timexes)
		if len(got.Timexes) != len(kept) {
			t.Fatalf("%d timexes read back, %d written", len(got.Timexes), len(kept))
		}
		for i, tx := range got.Timexes {
			if tx.Span != kept[i].Span || tx.ID != kept[i].ID {
				t.Fatalf("timex %d: %+v, want %+v", i, tx, kept[i])
			}
		}
	})
}

// FuzzParseAttrs checks the hand-written attribute reader against the regular
// expression it replaced.
func FuzzParseAttrs(f *testing.F) {
	for _, s := range []string{
		`<TIMEX3 tid="t1" type='DATE' value="1998-02-27" >`,
		`<EVENT eid = "e1" class="OCCURRENCE" class="X" a=b c="&amp;q" d='"'>`,
		`<TIMEX3 tid="t1`, `<a x= "1"y='2'z ="3"/>`, "<a é=\"ü\" \xff=\"1\">", `<a ="1" b=>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		want := map[string]string{}
		for _, m := range reAttr.FindAllStringSubmatchIndex(tag, -1) {
			name := tag[m[2]:m[3]]
			if _, ok := want[name]; ok {
				continue
			}
			v := ""
			if m[4] >= 0 {
				v = tag[m[4]:m[5]]
			} else {
				v = tag[m[6]:m[7]]
			}
			want[name] = unescapeAll(v)
		}
		got := parseAttrs(tag)
		if len(got) != len(want) {
			t.Fatalf("%q: %v, want %v", tag, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Fatalf("%q: %v, want %v", tag, got, want)
			}
		}
	})
}
