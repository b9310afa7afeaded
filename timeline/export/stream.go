package export

import (
	"bufio"
	"encoding/csv"
	"io"

	"github.com/timelinehq/timeline/timeline"
)

// Stream writes the events of a timeline one at a time, as they are read from
// a store, for the formats that are a list of events and nothing else (jsonl,
// csv): an export of millions of events then takes no more memory than one.
// The bytes are those Write gives for the same events.
type Stream struct {
	write func(*timeline.Event) error
	flush func() error
}

// NewStream returns a stream writing format to w; false when the format needs
// the whole timeline at once (documents first, or a sort of its own).
func NewStream(w io.Writer, format string) (*Stream, bool, error) {
	switch format {
	case "jsonl":
		bw := bufio.NewWriter(w)
		enc := newEncoder(bw)
		var j jsonEvent
		return &Stream{
			write: func(e *timeline.Event) error { j = toJSONEvent(e); return enc.Encode(&j) },
			flush: bw.Flush,
		}, true, nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if err := cw.Write(csvHeader); err != nil {
			return nil, true, err
		}
		return &Stream{
			write: func(e *timeline.Event) error { return cw.Write(csvRecord(e)) },
			flush: func() error { cw.Flush(); return cw.Error() },
		}, true, nil
	}
	return nil, false, nil
}

// Write writes one event.
func (s *Stream) Write(e *timeline.Event) error { return s.write(e) }

// Close writes what is buffered; the stream is not to be written after.
func (s *Stream) Close() error { return s.flush() }
