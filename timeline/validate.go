package timeline

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// MaxBodyBytes bounds an article body. News articles are kilobytes and the
// longest reports a few hundred; a body past this is almost certainly a mistaken
// input (a database dump, a log file, a whole feed saved as one text) and would
// cost minutes of analysis for a meaningless timeline.
const MaxBodyBytes = 8 << 20

// CheckBody reports why body cannot be read as an article: empty, too large,
// binary or not UTF-8. The error says what is wrong; the caller adds where.
func CheckBody(body []byte) error {
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return Errorf(EINVALID, "empty article")
	case len(body) > MaxBodyBytes:
		return Errorf(EINVALID, "article too large: %d bytes (limit %d)", len(body), MaxBodyBytes)
	case bytes.IndexByte(body, 0) >= 0:
		return Errorf(EINVALID, "binary file: contains NUL bytes")
	case !utf8.Valid(body):
		return Errorf(EINVALID, "invalid UTF-8 at byte %d", invalidUTF8At(body))
	case controlShare(body) > 0.01:
		return Errorf(EINVALID, "binary file: too many control characters")
	}
	return nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// controlShare is the share of C0 control bytes other than tab, newline, carriage
// return and form feed: text has almost none, binary formats plenty.
func controlShare(b []byte) float64 {
	n := 0
	for _, c := range b {
		if c < 0x20 && !strings.ContainsRune("\t\n\r\f", rune(c)) {
			n++
		}
	}
	return float64(n) / float64(len(b))
}
