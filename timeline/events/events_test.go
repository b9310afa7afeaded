package events

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
	"github.com/timelinehq/timeline/timeline/text"
)

func mustExtractor(t testing.TB) *Extractor {
	t.Helper()
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New(dict, nil)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func analysis(body string, dct time.Time) *timeline.Analysis {
	return &timeline.Analysis{
		Document:  timeline.Document{ID: "t", Body: body, DCT: dct},
		Sentences: text.Sentences(body),
	}
}

func TestNewRejectsBadLexicon(t *testing.T) {
	for _, lex := range []string{"99\tverb\tfoo\n", "01\tnope\tfoo\n", "01\tverb\n", "01\tverb\t* foo\n"} {
		if _, err := New(nil, stringsReader(lex)); err == nil {
			t.Errorf("lexicon %q: want an error", lex)
		}
	}
}

func FuzzExtract(f *testing.F) {
	x := mustExtractor(f)
	f.Add("President Trump said he may be open to talks with North Korea. — Donald J. Trump (@realDonaldTrump) October 1, 2017")
	f.Add("``We,'' said Torres. \"\" ... — (@)")
	f.Add("Israel-Syrian and Iran-Iraq-Kuwait talks, Russia and Ukraine, the two Koreas: both met each other.")
	f.Fuzz(func(t *testing.T, body string) {
		a := analysis(body, time.Date(2018, 1, 12, 0, 0, 0, 0, time.UTC))
		for _, e := range x.Extract(a) {
			if e.Trigger.Start < 0 || e.Trigger.End > len(body) || e.Trigger.Start > e.Trigger.End {
				t.Fatalf("trigger %v out of range", e.Trigger)
			}
			if !e.Sentence.Span().Contains(e.Trigger.Start) {
				t.Fatalf("trigger %v outside sentence %v", e.Trigger, e.Sentence.Span())
			}
		}
	})
}

func stringsReader(s string) io.Reader { return strings.NewReader(s) }
