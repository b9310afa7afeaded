package article

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestFileName(t *testing.T) {
	tests := []struct{ id, want string }{
		{"seed-article", "seed-article.tml"},
		{"APW19980227.0494", "APW19980227.0494.tml"},
		{"../../../../tmp/x", "%2E.%2F..%2F..%2F..%2Ftmp%2Fx.tml"},
		{"/etc/passwd", "%2Fetc%2Fpasswd.tml"},
		{"..", "%2E..tml"},
		{".", "%2E.tml"},
		{".hidden", "%2Ehidden.tml"},
		{`a\b`, "a%5Cb.tml"},
		{"a/b", "a%2Fb.tml"},
		{"a%2Fb", "a%252Fb.tml"}, // '%' escaped: never the same name as "a/b"
		{"tab\there", "tab%09here.tml"},
		{"new\nline", "new%0Aline.tml"},
		{"C:x", "C%3Ax.tml"},
		{"", "%empty.tml"},
		{"\x00empty", "%00empty.tml"},
		{"北京-2018", "北京-2018.tml"},
		{"a b", "a%20b.tml"},
		{"bad\xffbyte", "bad%FFbyte.tml"},
	}
	for _, tt := range tests {
		if got := FileName(tt.id, ".tml"); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
	long := strings.Repeat("x", 300)
	if got := FileName(long, ".tml"); len(got) > 255 || !strings.HasSuffix(got, ".tml") || got == FileName(long+"y", ".tml") {
		t.Errorf("long id: %q (%d bytes): want at most 255 bytes, unique", got, len(got))
	}
	if got := FileName("x", "/../y"); got != "x" {
		t.Errorf("bad extension kept: %q", got)
	}
}

// FuzzFileName checks that no id, however hostile, gives a name that leaves its
// folder, is special to the file system, holds a control character or a
// separator, or is too long; and that distinct short ids get distinct names.
func FuzzFileName(f *testing.F) {
	for _, s := range []string{"seed-article", "../../../../tmp/x", "/abs", "..", ".", "", "a%2Fb", "a/b",
		"\x00", "\xff\xfe", "北京", strings.Repeat("é", 200), "C:\\Windows\\x", "x\u202ey", "%", "~"} {
		f.Add(s, s+"/")
	}
	f.Fuzz(func(t *testing.T, id, other string) {
		name := FileName(id, ".tml")
		if name == "" || name == "." || name == ".." || strings.HasPrefix(name, ".") {
			t.Fatalf("FileName(%q) = %q: special name", id, name)
		}
		if strings.ContainsAny(name, `/\`) || strings.ContainsRune(name, 0) {
			t.Fatalf("FileName(%q) = %q holds a separator", id, name)
		}
		for _, r := range name {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
				t.Fatalf("FileName(%q) = %q holds control character %U", id, name, r)
			}
		}
		if len(name) > 255 {
			t.Fatalf("FileName(%q) is %d bytes", id, len(name))
		}
		if !filepath.IsLocal(name) || filepath.Dir(filepath.Join("/out", name)) != "/out" {
			t.Fatalf("FileName(%q) = %q leaves its folder", id, name)
		}
		if id != other && len(id) < 60 && len(other) < 60 && name == FileName(other, ".tml") {
			t.Fatalf("FileName(%q) = FileName(%q) = %q", id, other, name)
		}
	})
}
