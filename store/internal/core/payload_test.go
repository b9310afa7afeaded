package core

import (
	"math"
	"reflect"
	"testing"

	"github.com/timelinehq/timeline/timeline"
)

func TestPayloadRoundTrip(t *testing.T) {
	for _, e := range []timeline.Event{
		{},
		{ID: "ev-1", Doc: "d", Sentence: timeline.Text{Start: 1, End: 30, Text: "Moon met Kim — in Seoul."},
			Trigger: timeline.Text{Start: 6, End: 9, Text: "met"}, Kind: timeline.KindDiplomatic, CAMEO: "04",
			Status: timeline.StatusOccurred, Source: &timeline.Actor{Name: "Moon", Code: "KORGOV"},
			Target: &timeline.Actor{Name: "the two Koreas"}, When: "2018-01-09", Granularity: timeline.GranDay,
			Anchor: timeline.AnchorExplicit, Evidence: &timeline.Text{Start: 20, End: 29, Text: "in Seoul"}, Confidence: 0.7},
		{ID: "x", Confidence: math.Inf(-1), Trigger: timeline.Text{Start: -1, End: 1 << 40}},
	} {
		var got timeline.Event
		if err := decodePayload(encodePayload(nil, &e), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, e)
		}
	}
	full := encodePayload(nil, &timeline.Event{ID: "abc", Doc: "d"})
	for n := range len(full) {
		var e timeline.Event
		if err := decodePayload(full[:n], &e); err == nil {
			t.Errorf("a payload cut at %d of %d bytes decoded", n, len(full))
		}
	}
}
