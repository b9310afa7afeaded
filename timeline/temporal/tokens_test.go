package temporal

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/timelinehq/timeline/timeline/doc"
)

// marked reads a text with a "|" marking an offset: the text without it, and
// the offset.
func marked(t *testing.T, s string) (string, int) {
	t.Helper()
	i := strings.IndexByte(s, '|')
	if i < 0 {
		t.Fatalf("no | in %q", s)
	}
	return s[:i] + s[i+1:], i
}

func docTokens(body string) *tokens { return newTokens(doc.NewLazy(body, nil)) }

func TestWordBefore(t *testing.T) {
	cases := []struct{ text, want string }{
		{"talks in |2010", "in"},
		{"talks In   |2010", "in"},                 // lower-cased, across spaces
		{"aid from the U.S. |2010", "u.s."},        // a token with inner periods
		{"under UN res. |1441", "res."},            // a period the tokenizer splits off
		{"they cannot |2010", "cannot"},            // a contraction the tokenizer splits
		{"in the mid-|1990s", ""},                  // inside a token: what of it precedes
		{"the year|", "year"},                      // at the end of a token
		{"|2010 began", ""},                        // the start of the body
		{"he said, |Friday", ""},                   // a comma ends the token before
		{"in\n|2010", ""},                          // a line break stands between
		{"in\t|2010", ""},                          // so does a tab
		{"Smith's |2010", "s"},                     // the letters that end the token
		{"a caf\u00e9 |2010", ""},                  // letters beyond ASCII are no cue letters
		{"since |\u00a0", "since"},                 // an offset in white space
		{"flight No. |2012 landed", "no."},         // an abbreviation before a number
		{"on (Friday) |2010", ""},                  // a bracket ends the token before
		{"\u201cin |2010\u201d", "in"},             // after a curly quotation mark
		{"talks broke off in mid-|May", ""},        // a prefix joined with a hyphen
		{"the Paris-|based group", ""},             // a hyphen the tokenizer splits off
		{"It rose to 3.5% |in 2010", ""},           // a sign ends the token before
		{"He met Mr.|Smith", "mr."},                // a token right before the offset
		{"the 1998-|99 season", ""},                // a dash between numbers
		{"reports  in |2012 and", "in"},            // two spaces before the word
		{"He was there in|2012", "in"},             // the word written against it
		{"   |", ""},                               // nothing but white space
		{"|", ""},                                  // an empty body
		{"\xff in |2010", "in"},                    // a byte that is not UTF-8 elsewhere
		{"in \xff|2010", ""},                       // or right before
		{"U.S.A.|2010", "u.s.a."},                  // periods inside a token
		{"the Secretary-General |2010", "general"}, // letters after a hyphen
	}
	for _, c := range cases {
		body, i := marked(t, c.text)
		if got := docTokens(body).wordBefore(i); got != c.want {
			t.Errorf("wordBefore(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestWordAfter(t *testing.T) {
	cases := []struct{ text, want string }{
		{"in 2004| runners-up", "runners-up"}, // a hyphenated word, whole
		{"at 1600| GMT", "GMT"},               // as written
		{"the morning|  of", "of"},            // across spaces
		{"the end|", ""},                      // the end of the body
		{"Friday|'s vote", ""},                // a clitic opens with an apostrophe
		{"in 2010|, Friday", ""},              // a comma comes first
		{"in 2010|\tof", ""},                  // a tab stands between
		{"in 2010|\nof", ""},                  // a line break stands between
		{"the year|-end rally", "-end"},       // the hyphen opens the word after
		{"in 2010|s", "s"},                    // inside a token: what of it follows
		{"the |U.S. side", "U"},               // the letters that open the token
		{"a quarter| of it", "of"},            //
		{"the week|", ""},                     //
		{"|Friday's", "Friday"},               // the start of the body
		{"at 5|\u00a0GMT", ""},                // a no-break space is no space
		{"on Monday|:", ""},                   // punctuation
	}
	for _, c := range cases {
		body, i := marked(t, c.text)
		if got := docTokens(body).wordAfter(i); got != c.want {
			t.Errorf("wordAfter(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestEndsClause pins where a stop ends a clause: after a short capitalised
// word only when a capital follows and the word is no known abbreviation, and
// at every semicolon and line break.
func TestEndsClause(t *testing.T) {
	cases := []struct {
		text string // the clause end tested is at |, or none
		want bool
	}{
		{"blamed on the Navy|. Police found", true},
		{"talks with Gen|. Miller began", false},
		{"on Aug|. 5 the talks", false},
		{"on Aug|. The talks", false}, // a known abbreviation
		{"said Mr|. Jones of the bank", false},
		{"said J|. Jones of the bank", false},
		{"in Salem, Ore|. The college", false},
		{"a unit of Acme Corp|. said", false},
		{"the NATO alliance|. It grew", true},
		{"the ABC|. and others", false}, // a short capitalised word before a lower-case one
		{"Doe vs|. Roe", false},
		{"it ended in 2014|. The", true},
		{"it ended in 2014|. the", false},
		{"it ended in 2014|.", false}, // the end of the body after a number
		{"it ended at noon|.", true},
		{"page No|. 5.2 says", false},
		{"aid from the U.S|. Congress", false},
		{"they will see|... Then", false},
		{"Really|? Yes", true},
		{"Stop|! Now", true},
		{"is it 3.5|?2 or", false}, // no space after it
		{"talks ended|; they resume", true},
		{"talks ended;|) they resume", false}, // the semicolon ends it, not the bracket
		{"WASHINGTON|\nThe talks", true},
		{"\"We will go|.\" He said", true},
		{"\"We will go|. Then we see,\" he said", true}, // a quotation holds several clauses
		{"\u201cWe will go|. Then we see,\u201d he said", true},
		{"at 5 p.m|. Friday", false},
	}
	for _, c := range cases {
		body, i := marked(t, c.text)
		tk := docTokens(body)
		got := tk.endsClauseAt(i)
		if c.want != got {
			t.Errorf("endsClauseAt(%q) = %v, want %v (ends %v)", c.text, got, c.want, tk.clauseEnds())
		}
	}
}

func TestClause(t *testing.T) {
	cases := []struct {
		text, expr, want string
	}{
		{"The talks ended; they resume on Friday. Nothing else.", "Friday", "they resume on Friday"},
		{"Talks began Aug. 3 in Paris. They ended.", "3", "Talks began Aug. 3 in Paris"},
		{"Mr. Jones arrived Monday. He left.", "Monday", "Mr. Jones arrived Monday"},
		{"\"We will meet Friday. Then we decide,\" he said.", "Friday", "\"We will meet Friday"},
		{"\"We will meet Friday. Then we decide,\" he said.", "decide", "Then we decide,\" he said"},
		{"Friday, he said.", "Friday", "Friday, he said"},
		{"He will come on Friday", "Friday", "He will come on Friday"},
		{"WASHINGTON\nThe talks went on Friday.", "Friday", "The talks went on Friday"},
		{"It ended in 2014. The talks went on.", "talks", "The talks went on"},
		{"Aid from the U.S. Congress came Friday.", "Friday", "Aid from the U.S. Congress came Friday"},
		{"Will they come? Yes, on Friday!", "Friday", "Yes, on Friday"},
		{"On Friday", "On Friday", "On Friday"},
	}
	for _, c := range cases {
		tk := docTokens(c.text)
		s := strings.Index(c.text, c.expr)
		start, end := tk.clause(s, s+len(c.expr))
		if got := strings.TrimSpace(c.text[start:end]); got != c.want {
			t.Errorf("clause of %q in %q = %q, want %q", c.expr, c.text, got, c.want)
		}
	}
	// Text without clause ends is read at most clauseScan bytes each way.
	body := strings.Repeat("word ", 200) + "Friday " + strings.Repeat("word ", 200)
	s := strings.Index(body, "Friday")
	start, end := docTokens(body).clause(s, s+6)
	if start != s-clauseScan || end != s+6+clauseScan {
		t.Errorf("clause in a text without ends = [%d, %d), want [%d, %d)", start, end, s-clauseScan, s+6+clauseScan)
	}
}

func TestOpensClause(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"|Friday", true},
		{"  |Friday", true},
		{"He left. |Friday", true},
		{"He left. \"|Friday", true},
		{"He left. `` |Friday", true},
		{"He left.\n|Friday", true},
		{"He left; |Friday", true},
		{"He left! |Friday", true},
		{"He left, |Friday", false},
		{"the |Friday", false},
		{"Gen. |Kelly", false},
		{"the U.S. |Congress", false},
		{"He left.\t|Friday", false}, // a tab after a stop is no clause end
		{"in mid-|2010", false},      // inside a token
		{"He left. \u201c|Friday", false},
		{"\"|Friday", true},
	}
	for _, c := range cases {
		body, i := marked(t, c.text)
		if got := docTokens(body).opensClause(i); got != c.want {
			t.Errorf("opensClause(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestWords pins the words the tense cues read of a token: its runs of
// letters and apostrophes, a quotation mark alone being none.
func TestWords(t *testing.T) {
	cases := []struct {
		text string
		want []string // the words of all tokens, in order
	}{
		{"He was re-elected", []string{"He", "was", "re", "elected"}},
		{"the U.S. side", []string{"the", "U", "S", "side"}},
		{"they didn't go", []string{"they", "did", "n't", "go"}},
		{"we'll see", []string{"we", "'ll", "see"}},
		{"at 10:30 a.m. in 1990s", []string{"at", "a", "m", "in", "s"}},
		{"the ``working'' group", []string{"the", "working", "group"}},
		{"the lenders' 'fair' terms", []string{"the", "lenders", "fair", "terms"}},
		{"caf\u00e9 au lait", []string{"caf", "au", "lait"}},
	}
	for _, c := range cases {
		tk := docTokens(c.text)
		var got []string
		for k := range tk.toks {
			for _, w := range tk.words(k, nil) {
				got = append(got, c.text[w.start:w.end])
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("words of %q = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPrefix checks that the head of a body reads as a body of its own: the
// token it cuts is left out, and its last stop ends a clause as the end of a
// body does.
func TestPrefix(t *testing.T) {
	body := "WASHINGTON, May 3 (AP) - The talks ended at noon. They resume"
	tk := docTokens(body)
	n := strings.Index(body, "They") + 2
	p := tk.prefix(n)
	if p.body != body[:n] {
		t.Fatalf("prefix body %q", p.body)
	}
	if last := p.text(len(p.toks) - 1); last != "." {
		t.Errorf("last token of the prefix = %q, want the stop", last)
	}
	if !p.endsClauseAt(strings.Index(body, "noon.") + 4) {
		t.Errorf("the stop before the cut ends no clause; ends %v", p.clauseEnds())
	}
	if tk.prefix(len(body)+5) != tk {
		t.Errorf("a prefix longer than the body is not the body")
	}
}

// FuzzTokens reads the context of every offset of any text: nothing panics,
// and the clause around an offset holds it.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"The talks ended; they resume on Friday. Mr. Jones said.",
		"\"We will meet Friday. Then we decide,\" he said.\n\nU.S. aid",
		"a\xffb 1998. Friday\t\u00a0x\u200by ``z'' \u201cq\u201d",
		"",
		"... ;) No. 5.2 Aug. re-elected didn't",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		tk := docTokens(body)
		// every offset of a short text, a sample of those of a long one
		for i := 0; i <= len(body); i += 1 + len(body)/1000 {
			tk.wordBefore(i)
			tk.wordAfter(i)
			tk.opensClause(i)
			s, e := tk.clause(i, i)
			if s > i || e < i || s < 0 || e > len(body) {
				t.Fatalf("clause(%d) = [%d, %d) in %d bytes", i, s, e, len(body))
			}
		}
		for k := range tk.toks {
			tk.words(k, nil)
		}
		tk.prefix(len(body) / 2)
	})
}

// TestDocEntryPoints checks that the entry points on an analysed document
// give what those on the body give: the same tokens, read the same way.
func TestDocEntryPoints(t *testing.T) {
	tg := mustTagger(t)
	for _, body := range []string{
		"The ministers met on Tuesday; they will meet again in March. \"We agreed on Friday,\" Mr. Lee said on Aug. 3, 2005.",
		"BERLIN, June 4 (AP) - The ministers met on April 2, 2005, and said the 2006 World Cup, due to be held in Germany next June, was on schedule.",
		"Talks resumed on Monday after a pause since 1998. The next round is set for Feb. 10, 2000.",
		"",
	} {
		d := doc.NewLazy(body, nil)
		for _, ref := range []time.Time{{}, day("1999-05-04")} {
			xs, ws := tg.TagWithWarnings(body, ref)
			ys, vs := tg.TagDoc(d, ref)
			if !reflect.DeepEqual(xs, ys) || !reflect.DeepEqual(ws, vs) {
				t.Errorf("%q, %v: TagWithWarnings %+v %q, TagDoc %+v %q", body, ref, xs, ws, ys, vs)
			}
			if a, b := tg.Occurrences(body, ref), tg.OccurrencesDoc(d, ref); !reflect.DeepEqual(a, b) {
				t.Errorf("%q, %v: Occurrences %+v, OccurrencesDoc %+v", body, ref, a, b)
			}
		}
		lo, hi, ok := tg.InferDCT(body)
		lo2, hi2, ok2 := tg.InferDCTDoc(d)
		if !lo.Equal(lo2) || !hi.Equal(hi2) || ok != ok2 {
			t.Errorf("%q: InferDCT %v %v %v, InferDCTDoc %v %v %v", body, lo, hi, ok, lo2, hi2, ok2)
		}
		if d.Parsed(0) {
			t.Errorf("%q: a sentence was parsed", body)
		}
	}
}
