package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameBytes keeps a file name (with its extension) within the 255 bytes
// every common file system allows.
const maxNameBytes = 240

// FileName returns a file name for the article id with the extension ext
// (".tml"), safe to join to any folder: the result never names a path outside
// it, whatever the id holds. Ids come from the input (a JSON Lines "id", a TimeML
// DOCID), so they are outside data: a separator, "..", an absolute path, a
// control character or a leading dot must not reach the file system as such.
//
// Letters, digits and "-_.+,=@" of any script are kept, so ordinary ids
// ("APW19980227.0494", "seed-article") are their own names; every other byte is
// written %XX, '%' included, so two ids never share a name (a leading '.' is
// escaped too, which rules out ".", ".." and hidden files). A name that would
// be too long is cut and ends with a hash of the whole id, which keeps it
// unique.
func FileName(id, ext string) string {
	var b strings.Builder
	for i, r := range id {
		switch {
		case r == utf8.RuneError:
			escape(&b, id[i:i+1]) // an invalid byte: written as the byte it is
		case r == '.' && i == 0:
			escape(&b, ".")
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.+,=@", r)):
			b.WriteRune(r)
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			escape(&b, string(r))
		}
	}
	name := b.String()
	if name == "" {
		name = "%empty" // no id: no escaped id has this name (escapes are %XX in upper-case hex)
	}
	if len(name)+len(ext) > maxNameBytes {
		sum := sha256.Sum256([]byte(id))
		tail := "~" + hex.EncodeToString(sum[:8])
		cut := maxNameBytes - len(ext) - len(tail)
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut-- // never split a character
		}
		// nor an escape: %XX is cut whole
		if k := strings.LastIndexByte(name[:cut], '%'); k >= 0 && k > cut-3 {
			cut = k
		}
		name = name[:cut] + tail
	}
	return name + safeExt(ext)
}

// escape writes each byte of s as %XX.
func escape(b *strings.Builder, s string) {
	const hexDigits = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		b.WriteByte('%')
		b.WriteByte(hexDigits[s[i]>>4])
		b.WriteByte(hexDigits[s[i]&15])
	}
}

// safeExt keeps an extension only if it is a plain one (".tml", ".json"): the
// callers pass constants, and this makes sure of it.
func safeExt(ext string) string {
	if len(ext) < 2 || ext[0] != '.' || len(ext) > 16 {
		return ""
	}
	for _, c := range ext[1:] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return ext
}
