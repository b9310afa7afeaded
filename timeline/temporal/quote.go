package temporal

import (
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// "Today", "tomorrow" and "yesterday" said inside a quotation count from when
// the words were said, not from the publication date: in "'We will release him
// tomorrow,' the minister said yesterday", "tomorrow" is the publication day.
// The time of saying is the day the attribution next to the quotation gives
// ("the minister said yesterday", "Castro said Sunday: ..."); with none, the
// quotation is taken as said on the publication day and nothing moves.

// span is a [start, end) stretch of the body.
type span struct{ start, end int }

// quoteSpans returns the quotations of body, quote marks included: straight
// and curly double quotes, the typewriter pairs of two backquotes or two
// apostrophes that wire copy uses, and single quotes where they stand at word
// edges (an apostrophe inside or after a word, "Elian's", "officials'", is
// none). A quotation left open ends with its paragraph.
func quoteSpans(body string) []span {
	var out []span
	open := -1
	var closer string
	for i := 0; i < len(body); i++ {
		if strings.HasPrefix(body[i:], "\n\n") {
			open = -1 // a quotation does not run past its paragraph
			continue
		}
		if open >= 0 {
			if strings.HasPrefix(body[i:], closer) && (closer != "'" && closer != "’" || closingSingle(body, i, len(closer))) {
				out = append(out, span{open, i + len(closer)})
				i += len(closer) - 1
				open = -1
			}
			continue
		}
		for _, q := range quoteMarks {
			if !strings.HasPrefix(body[i:], q.open) {
				continue
			}
			if (q.open == "'" || q.open == "‘") && !openingSingle(body, i, len(q.open)) {
				break
			}
			open, closer = i, q.close
			i += len(q.open) - 1
			break
		}
	}
	return out
}

// quoteMarks pairs opening and closing marks, the longer forms first.
var quoteMarks = []struct{ open, close string }{
	{"``", "''"}, {"''", "''"}, {"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"'", "'"},
}

// openingSingle reports whether the single mark at i opens a quotation: it
// follows a space, a line start or an opening bracket, and a letter or a digit
// follows it.
func openingSingle(body string, i, n int) bool {
	if i > 0 && body[i-1] != ' ' && body[i-1] != '\n' && body[i-1] != '(' && body[i-1] != '\t' {
		return false
	}
	return i+n < len(body) && (isLetter(body[i+n]) || body[i+n] >= '0' && body[i+n] <= '9')
}

// closingSingle reports whether the single mark at i closes a quotation: it
// follows punctuation, or a letter with no letter after it ("... tomorrow,'
// the minister said"; not "Elian's").
func closingSingle(body string, i, n int) bool {
	if i == 0 {
		return false
	}
	if j := i + n; j < len(body) && isLetter(body[j]) {
		return false
	}
	switch p := body[i-1]; {
	case p == ',' || p == '.' || p == '!' || p == '?':
		return true
	case isLetter(p):
		// "officials' demands": a plural possessive goes on with a word
		j := i + n
		return p != 's' || j >= len(body) || body[j] != ' ' || j+1 < len(body) && !isLetter(body[j+1])
	}
	return false
}

// quotedDays moves the days of "today", "tomorrow" and "yesterday" (xs[i] for
// i in idx) said inside a quotation to the day the quotation was said.
func (t *Tagger) quotedDays(xs []timeline.Timex, idx []int, c *docCtx) {
	if len(idx) == 0 || !c.hasRef {
		return
	}
	quotes := quoteSpans(c.body)
	for _, i := range idx {
		x := &xs[i]
		q, ok := within(quotes, x.Span.Start)
		if !ok {
			continue
		}
		said, ok := t.sayingDay(xs, quotes, q, c.tokens)
		if !ok || said.Equal(c.ref) {
			continue
		}
		moveDays(x, int(said.Sub(c.ref).Hours()/24))
	}
}

// within returns the quotation holding offset off.
func within(quotes []span, off int) (span, bool) {
	for _, q := range quotes {
		if q.start <= off && off < q.end {
			return q, true
		}
	}
	return span{}, false
}

// sayingDay finds the day a quotation was said: a timex of a single day
// outside any quotation in the attribution that follows it up to its
// sentence's end, or that precedes it from its sentence's start, where a
// reporting word (data/wordclasses.txt, class speech) stands too.
func (t *Tagger) sayingDay(xs []timeline.Timex, quotes []span, q span, tk *tokens) (time.Time, bool) {
	body := tk.body
	_, after := tk.clause(q.end, q.end)
	if after < q.end {
		after = q.end
	}
	before, _ := tk.clause(q.start, q.start)
	for _, a := range []span{{q.end, after}, {before, q.start}} {
		if a.end <= a.start || !t.reports(body[a.start:a.end]) {
			continue
		}
		for k := range xs {
			x := &xs[k]
			if x.Span.Start < a.start || x.Span.End > a.end {
				continue
			}
			if _, in := within(quotes, x.Span.Start); in {
				continue
			}
			if !x.Earliest.IsZero() && x.Earliest.Equal(x.Latest) && (x.Type == timeline.TypeDate || x.Type == timeline.TypeTime) {
				return x.Earliest, true
			}
		}
	}
	return time.Time{}, false
}

// reports reports whether s holds a reporting word ("said", "told").
func (t *Tagger) reports(s string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if t.words.speech[w] {
			return true
		}
	}
	return false
}

// moveDays moves a day's value ("1999-03-10", "1999-03-10TMO") and bounds by
// n days.
func moveDays(x *timeline.Timex, n int) {
	if n == 0 || len(x.Value) < 10 {
		return
	}
	d, err := time.Parse("2006-01-02", x.Value[:10])
	if err != nil {
		return
	}
	x.Value = dayValue(d.AddDate(0, 0, n)) + x.Value[10:]
	if !x.Earliest.IsZero() {
		x.Earliest = x.Earliest.AddDate(0, 0, n)
	}
	if !x.Latest.IsZero() {
		x.Latest = x.Latest.AddDate(0, 0, n)
	}
	x.Anchor = timeline.AnchorRelative
	x.AnchorTimeID = ""
}
