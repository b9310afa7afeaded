package conllu

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/timelinehq/timeline/timeline/doc"
)

// FromDoc returns the sentences of an analysed document in CoNLL-U: each with
// "# sent_id = ID-N" and "# text" (the sentence's text, white space runs as one
// space), each token a word whose MISC gives its bytes in the body,
// TokenRange=START:END, and SpaceAfter=No when the next token follows without
// a space. Columns the document does not have are "_".
func FromDoc(d *doc.Doc, id string) []Sentence {
	out := make([]Sentence, 0, len(d.Sentences))
	for si, s := range d.Sentences {
		sent := Sentence{Comments: []string{
			fmt.Sprintf("# sent_id = %s-%d", id, si+1),
			"# text = " + oneLine(d.Body[s.Span.Start:s.Span.End]),
		}}
		for i := s.Start; i < s.End; i++ {
			t := &d.Tokens[i]
			head := "_"
			switch {
			case t.Dep == "":
			case t.Head < 0:
				head = "0"
			default:
				head = strconv.Itoa(t.Head - s.Start + 1)
			}
			misc := "_"
			if !d.SpaceAfter(i) && i+1 < s.End {
				misc = "SpaceAfter=No"
			}
			misc = MiscSet(misc, "TokenRange", fmt.Sprintf("%d:%d", t.Span.Start, t.Span.End))
			sent.Rows = append(sent.Rows, Row{
				ID: strconv.Itoa(i - s.Start + 1), Form: t.Text, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS,
				Feats: "_", Head: head, Deprel: t.Dep, Deps: "_", Misc: misc,
			})
		}
		out = append(out, sent)
	}
	return out
}

// oneLine turns every run of white space into one space, so that a sentence
// spread over lines fits the one-line "# text" comment.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
