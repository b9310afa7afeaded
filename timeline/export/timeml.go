package export

import (
	"fmt"
	"io"

	"github.com/timelinehq/timeline/timeline/timeml"
)

// writeTimeML writes one TimeML document per article, one after another with a
// newline between them. A stream of several XML documents is not itself one XML
// document: TempEval tools want a file per article, which `tag --out DIR` writes
// by calling Write once per document.
func writeTimeML(w io.Writer, t *Timeline) error {
	lw := &lastByteWriter{w: w}
	for i := range t.Documents {
		d := &t.Documents[i]
		if lw.n > 0 && lw.last != '\n' {
			if _, err := io.WriteString(lw, "\n"); err != nil {
				return err
			}
		}
		if err := timeml.Write(lw, d, t.Timexes[d.ID]); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	return nil
}

// lastByteWriter remembers the last byte written, so that documents are separated
// by a newline whether or not timeml.Write ends with one.
type lastByteWriter struct {
	w    io.Writer
	n    int64
	last byte
}

func (l *lastByteWriter) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if n > 0 {
		l.n += int64(n)
		l.last = p[n-1]
	}
	return n, err
}
