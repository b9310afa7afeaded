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

// decodePayload reads a payload into e. Its strings share one copy of b:
// a row's fields are read together and kept together, so one allocation
// serves them all (a listing of thousands of rows spent more time allocating
// a dozen strings per row than reading them). The Source, Target and
// Evidence it points to share one allocation for the same reason.
func decodePayload(b []byte, e *timeline.Event) error {
	if len(b) == 0 || b[0] != payloadVersion {
		return errPayload
	}
	all := string(b[1:])
	b = b[1:]
	pos := 0 // of b in all
	bad := false
	str := func() string {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			bad = true
			return ""
		}
		start := pos + k
		b = b[k+int(n):]
		pos = start + int(n)
		return all[start:pos]
	}
	num := func() int {
		n, k := binary.Varint(b)
		if k <= 0 {
			bad = true
			return 0
		}
		b = b[k:]
		pos += k
		return int(n)
	}
	flag := func() bool {
		if len(b) == 0 {
			bad = true
			return false
		}
		f := b[0] == 1
		b = b[1:]
		pos++
		return f
	}
	text := func() timeline.Text {
		start := num()
		end := num()
		return timeline.Text{Start: start, End: end, Text: str()}
	}
	var parts *struct {
		source, target timeline.Actor
		evidence       timeline.Text
	}
	share := func() {
		if parts == nil {
			parts = &struct {
				source, target timeline.Actor
				evidence       timeline.Text
			}{}
		}
	}
	e.ID = str()
	e.Doc = str()
	e.Sentence = text()
	e.Trigger = text()
	e.Kind = str()
	e.CAMEO = str()
	e.Status = str()
	if flag() {
		share()
		name := str()
		parts.source = timeline.Actor{Name: name, Code: str()}
		e.Source = &parts.source
	} else {
		e.Source = nil
	}
	if flag() {
		share()
		name := str()
		parts.target = timeline.Actor{Name: name, Code: str()}
		e.Target = &parts.target
	} else {
		e.Target = nil
	}
	e.When = str()
	e.Granularity = timeline.Granularity(str())
	e.Anchor = timeline.Anchor(str())
	if flag() {
		share()
		parts.evidence = text()
		e.Evidence = &parts.evidence
	} else {
		e.Evidence = nil
	}
	if bad || len(b) != 8 {
		return errPayload
	}
	e.Confidence = math.Float64frombits(binary.LittleEndian.Uint64(b))
	return nil
}
