package export

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

const dataOpen = `<script type="application/json" id="timeline-data">`

// htmlData returns the data inlined in an HTML export, checking that it is
// JSON that ends at the first "</script" (no sentence can end it early).
func htmlData(t *testing.T, page []byte) pageData {
	t.Helper()
	_, rest, ok := bytes.Cut(page, []byte(dataOpen))
	if !ok {
		t.Fatal("no inline data")
	}
	raw, _, ok := bytes.Cut(rest, []byte("</script"))
	if !ok {
		t.Fatal("inline data not closed")
	}
	var d pageData
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("inline data is not JSON: %v", err)
	}
	return d
}

func TestHTML(t *testing.T) {
	tl := fixture()
	tl.Title = `Korea </script><script>alert(1)</script> & "talks"`
	tl.Events[0].Sentence.Text = `He said "</script><!-- <script>" & left.`
	page := write(t, "html", tl)

	if !bytes.HasPrefix(page, []byte("<!doctype html>")) || !bytes.HasSuffix(bytes.TrimSpace(page), []byte("</html>")) {
		t.Error("not one HTML document")
	}
	if n := bytes.Count(page, []byte("<script")); n != 3 {
		t.Errorf("%d script elements, want 3 (data, vis-timeline, app)", n)
	}
	// Self-contained: no element loads anything but a data: URL.
	for _, m := range regexp.MustCompile(`<(?:script|link|img|iframe)[^>]*(?:src|href)="([^"]*)"`).FindAllSubmatch(page, -1) {
		if !bytes.HasPrefix(m[1], []byte("data:")) {
			t.Errorf("the page loads a file: %s", m[0])
		}
	}
	if !bytes.Contains(page, []byte("<title>Korea &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;talks&#34;</title>")) {
		t.Error("the title is not escaped")
	}

	d := htmlData(t, page)
	if !d.Static || d.Title != tl.Title || d.Events.Total != len(tl.Events) || len(d.Events.Events) != len(tl.Events) {
		t.Fatalf("data: static %v, title %q, %d of %d events", d.Static, d.Title, len(d.Events.Events), d.Events.Total)
	}
	if got := d.Events.Events[0].Sentence.Text; got != tl.Events[0].Sentence.Text {
		t.Errorf("sentence read back as %q", got)
	}
	for i, e := range d.Events.Events {
		if e.ID != tl.Events[i].ID {
			t.Errorf("event %d is %s, want %s (the order given)", i, e.ID, tl.Events[i].ID)
		}
	}
	// Every dyad has its two series, as the API would answer them.
	for _, dy := range d.Dyads {
		parsed, err := timeline.ParseDyad(dy.Dyad)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range []timeline.Bin{timeline.BinWeek, timeline.BinMonth} {
			want := NewPageTension(tl.Events, parsed, b).Bars
			got := d.Tension[dy.Dyad][string(b)]
			if len(got) != len(want) {
				t.Errorf("%s %s: %d bars, want %d", dy.Dyad, b, len(got), len(want))
			}
		}
	}
	if len(d.Dyads) == 0 {
		t.Error("the fixture has no dyad")
	}
}

func TestHTMLEmpty(t *testing.T) {
	d := htmlData(t, write(t, "html", &Timeline{}))
	if d.Events.Total != 0 || d.Events.Events == nil || d.Dyads == nil || strings.Contains(d.Title, "<") {
		t.Errorf("empty page data: %+v", d)
	}
}
