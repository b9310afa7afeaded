package core

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/timelinehq/timeline/timeline"
)

// An occurrence row carries the event that stands for it (its representative)
// as one compact value, so that a query reads one table and one column per
// event rather than joining the events table and scanning twenty columns: the
// fields of a timeline.Event but its bounds, Sources and Docs (which are the
// occurrence's own columns), as unsigned varints and length-prefixed strings,
// a version byte first.

const payloadVersion = 1

// encodePayload appends e's payload to buf.
func encodePayload(buf []byte, e *timeline.Event) []byte {
	buf = append(buf, payloadVersion)
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	num := func(n int) { buf = binary.AppendVarint(buf, int64(n)) }
	text := func(t timeline.Text) { num(t.Start); num(t.End); str(t.Text) }
	actor := func(a *timeline.Actor) {
		if a == nil {
			buf = append(buf, 0)
			return
		}
		buf = append(buf, 1)
		str(a.Name)
		str(a.Code)
	}
	str(e.ID)
	str(e.Doc)
	text(e.Sentence)
	text(e.Trigger)
	str(e.Kind)
	str(e.CAMEO)
	str(e.Status)
	actor(e.Source)
	actor(e.Target)
	str(e.When)
	str(string(e.Granularity))
	str(string(e.Anchor))
	if e.Evidence == nil {
		buf = append(buf, 0)
	} else {
		buf = append(buf, 1)
		text(*e.Evidence)
	}
	return binary.LittleEndian.AppendUint64(buf, math.Float64bits(e.Confidence))
}

var errPayload = errors.New("bad event payload")

// decodePayload reads a payload into e.
func decodePayload(b []byte, e *timeline.Event) error {
	if len(b) == 0 || b[0] != payloadVersion {
		return errPayload
	}
	b = b[1:]
	bad := false
	str := func() string {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			bad = true
			return ""
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s
	}
	num := func() int {
		n, k := binary.Varint(b)
		if k <= 0 {
			bad = true
			return 0
		}
		b = b[k:]
		return int(n)
	}
	flag := func() bool {
		if len(b) == 0 {
			bad = true
			return false
		}
		f := b[0] == 1
		b = b[1:]
		return f
	}
	text := func() timeline.Text {
		start := num()
		end := num()
		return timeline.Text{Start: start, End: end, Text: str()}
	}
	actor := func() *timeline.Actor {
		if !flag() {
			return nil
		}
		name := str()
		return &timeline.Actor{Name: name, Code: str()}
	}
	e.ID = str()
	e.Doc = str()
	e.Sentence = text()
	e.Trigger = text()
	e.Kind = str()
	e.CAMEO = str()
	e.Status = str()
	e.Source = actor()
	e.Target = actor()
	e.When = str()
	e.Granularity = timeline.Granularity(str())
	e.Anchor = timeline.Anchor(str())
	if flag() {
		t := text()
		e.Evidence = &t
	}
	if bad || len(b) != 8 {
		return errPayload
	}
	e.Confidence = math.Float64frombits(binary.LittleEndian.Uint64(b))
	return nil
}
