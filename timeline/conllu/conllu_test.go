package conllu

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	files := []string{"testdata/sample.conllu"}
	// The released EWT files are the real test of the round trip; they are not
	// needed for the test to pass.
	shared := "../../../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu"
	if _, err := os.Stat(shared); err == nil {
		files = append(files, shared)
	} else {
		t.Logf("shared EWT not found (%v): round trip on testdata only", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sents, err := Read(bytes.NewReader(data), f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, sents); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), data) {
			t.Errorf("%s: written text differs from what was read", f)
		}
	}
}

func TestReadSample(t *testing.T) {
	sents, err := ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if text, _ := s.Comment("text"); text != "They don't meet in Seoul." {
		t.Errorf("text comment %q", text)
	}
	if id, _ := s.Comment("sent_id"); id != "s1" {
		t.Errorf("sent_id %q", id)
	}
	var forms []string
	for _, i := range s.Words() {
		forms = append(forms, s.Rows[i].Form)
	}
	if got := strings.Join(forms, " "); got != "They do n't meet in Seoul ." {
		t.Errorf("words %q", got)
	}
	if n := len(sents[1].Words()); n != 9 {
		t.Errorf("second sentence: %d words, want 9 (the empty node is no word)", n)
	}
	if s.Line != 1 || s.Rows[0].Line != 3 || sents[1].Line != 12 {
		t.Errorf("lines: sentence %d, first row %d, second sentence %d", s.Line, s.Rows[0].Line, sents[1].Line)
	}
}

func TestReadErrors(t *testing.T) {
	row := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"
	tests := []struct {
		name, in, want string
	}{
		{"columns", row + "2\tthere\tthere\tADV\n", "x.conllu:2: want 10 tab-separated columns, got 4"},
		{"utf8", "# text = \xff\n" + row, "x.conllu:1: invalid UTF-8"},
		{"id gap", row + strings.Replace(row, "1\tHi", "3\tHi", 1), `x.conllu:2: bad word ID "3": want 2`},
		{"id zero", strings.Replace(row, "1\tHi", "0\tHi", 1), `x.conllu:1: bad word ID "0": want 1`},
		{"range", strings.Replace(row, "1\tHi", "2-3\tHi", 1), `x.conllu:1: bad multiword-token range "2-3" after word 0`},
		{"head", strings.Replace(row, "\t0\troot", "\tx\troot", 1), `x.conllu:1: bad HEAD "x"`},
		{"empty column", strings.Replace(row, "\thi\t", "\t\t", 1), "x.conllu:1: column 3 is empty (an empty value is written _)"},
		{"comment only", "# text = hi\n\n", "x.conllu:2: comments without rows before a blank line"},
		{"binary", "\x00\x01\x02\x7fELF\n", "x.conllu:1: want 10 tab-separated columns, got 1"},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.in), "x.conllu")
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.want)
		}
	}
}

func TestReadLongLine(t *testing.T) {
	_, err := Read(strings.NewReader(strings.Repeat("x", maxLine+10)), "x.conllu")
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 {
		t.Errorf("got %v, want an error on line 1", err)
	}
}

func TestReadFileEmpty(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.conllu")
	if err := os.WriteFile(p, []byte("\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(p); !errors.Is(err, ErrEmpty) {
		t.Errorf("got %v, want ErrEmpty", err)
	}
}

// A file without a final blank line, or with CRLF line ends, still reads.
func TestReadLenient(t *testing.T) {
	in := "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\r\n\r\n\n1\tYo\tyo\tINTJ\tUH\t_\t0\troot\t0:root\t_"
	sents, err := Read(strings.NewReader(in), "x")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || sents[0].Rows[0].Misc != "_" || sents[1].Rows[0].Form != "Yo" {
		t.Errorf("got %+v", sents)
	}
}

func TestMiscSet(t *testing.T) {
	tests := []struct{ misc, key, value, want string }{
		{"_", "TokenRange", "0:3", "TokenRange=0:3"},
		{"SpaceAfter=No", "TokenRange", "0:3", "SpaceAfter=No|TokenRange=0:3"},
		{"TokenRange=1:2|SpaceAfter=No", "TokenRange", "0:3", "TokenRange=0:3|SpaceAfter=No"},
	}
	for _, tt := range tests {
		if got := MiscSet(tt.misc, tt.key, tt.value); got != tt.want {
			t.Errorf("MiscSet(%q, %q, %q) = %q, want %q", tt.misc, tt.key, tt.value, got, tt.want)
		}
	}
}

func TestWriteKeepsColumns(t *testing.T) {
	s := Sentence{Rows: []Row{{ID: "1", Form: "a\tb", Head: "0", Deprel: "root"}}}
	var buf bytes.Buffer
	if err := Write(&buf, []Sentence{s}); err != nil {
		t.Fatal(err)
	}
	if want := "1\ta b\t_\t_\t_\t_\t0\troot\t_\t_\n\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// FuzzRead checks that any input either fails with a file:line error or reads
// into sentences that write back and read again to the same sentences.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"testdata/sample.conllu"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sents, err := Read(bytes.NewReader(data), "f")
		if err != nil {
			var e *Error
			if errors.As(err, &e) && !strings.HasPrefix(err.Error(), "f:") {
				t.Errorf("error without file:line: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := Read(bytes.NewReader(buf.Bytes()), "f")
		if err != nil {
			t.Fatalf("written output does not read back: %v\n%q", err, buf.String())
		}
		if len(again) != len(sents) {
			t.Fatalf("read back %d sentences, want %d", len(again), len(sents))
		}
		for i := range sents {
			a, b := sents[i], again[i]
			if len(a.Rows) != len(b.Rows) || len(a.Comments) != len(b.Comments) {
				t.Fatalf("sentence %d changed", i)
			}
			for j := range a.Rows {
				a.Rows[j].Line, b.Rows[j].Line = 0, 0
				if a.Rows[j] != b.Rows[j] {
					t.Fatalf("sentence %d row %d: %+v became %+v", i, j, a.Rows[j], b.Rows[j])
				}
			}
		}
	})
}
