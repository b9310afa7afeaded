package actors

import (
	"strings"
	"testing"
)

func TestTokenizer(t *testing.T) {
	tests := []struct{ text, want string }{
		{"the U.S. and U.S.A.", "the us and usa"},
		{"North Korea’s leader", "north korea 's leader"},
		{"the Koreas' talks", "the koreas 's talks"},
		{"Kim Jong-Un", "kim jong un"},
		{"O'Neill and N’Djamena", "o'neill and n'djamena"},
		{"George W. Bush", "george w bush"},
		{"Mr. Blair, (AP)", "mr . blair , ( ap )"},
		{"a\n\nb c", "a \n\n b c"},
		{"it's", "it 's"},
		{"ex-president", "ex president"},
		{"--", "- -"},
	}
	for _, tt := range tests {
		var tk tokenizer
		tk.run(tt.text)
		var keys []string
		for i := range tk.toks {
			keys = append(keys, tk.key(i))
			if s := tk.toks[i]; s.start < 0 || s.end > len(tt.text) || s.start > s.end {
				t.Errorf("%q: bad span %d-%d", tt.text, s.start, s.end)
			}
		}
		if got := strings.Join(keys, " "); got != tt.want {
			t.Errorf("tokens of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokenCase(t *testing.T) {
	var tk tokenizer
	tk.run("US us Us U.S. NATO Nato I 1998")
	want := []uint8{caseUpper, caseLower, caseTitle, caseUpper, caseUpper, caseTitle, caseTitle, caseOther}
	for i, w := range want {
		if tk.toks[i].cls != w {
			t.Errorf("token %q: case %d, want %d", tk.key(i), tk.toks[i].cls, w)
		}
	}
}
