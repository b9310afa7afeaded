package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/timelinehq/timeline/timeline/conllu"
)

// ParseScore counts, over the syntactic words of a corpus, how many a system
// tagged, lemmatised and attached right, as udscore.py and the CoNLL 2018
// shared task do on gold tokenisation: UPOS, XPOS and LEMMA compared as
// strings; UAS counts words whose HEAD is the gold's; LAS those whose DEPREL
// also agrees in its universal part (before any ':'). Multiword-token ranges
// and empty nodes are not words.
type ParseScore struct {
	Words, UPOS, XPOS, Lemma, UAS, LAS int
}

// ScoreParse scores system against gold, which must hold the same words in the
// same sentences.
func ScoreParse(gold, system []conllu.Sentence) (ParseScore, error) {
	var s ParseScore
	if len(gold) != len(system) {
		return s, fmt.Errorf("sentence counts differ: gold %d, system %d", len(gold), len(system))
	}
	for i := range gold {
		g, y := gold[i].Words(), system[i].Words()
		if len(g) != len(y) {
			return s, fmt.Errorf("sentence %d: the words differ", i+1)
		}
		for k := range g {
			if gold[i].Rows[g[k]].Form != system[i].Rows[y[k]].Form {
				return s, fmt.Errorf("sentence %d: the words differ", i+1)
			}
		}
		for k := range g {
			gw, sw := &gold[i].Rows[g[k]], &system[i].Rows[y[k]]
			s.Words++
			s.UPOS += b2i(gw.UPOS == sw.UPOS)
			s.XPOS += b2i(gw.XPOS == sw.XPOS)
			s.Lemma += b2i(gw.Lemma == sw.Lemma)
			if gw.Head == sw.Head {
				s.UAS++
				s.LAS += b2i(universal(gw.Deprel) == universal(sw.Deprel))
			}
		}
	}
	if s.Words == 0 {
		return s, fmt.Errorf("no words to score")
	}
	return s, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func universal(deprel string) string {
	u, _, _ := strings.Cut(deprel, ":")
	return u
}

func (s ParseScore) ratio(n int) float64 { return float64(n) / float64(max(s.Words, 1)) }

// WriteText prints the figures on one line, as udscore.py does.
func (s ParseScore) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "UPOS %.4f XPOS %.4f Lemma %.4f UAS %.4f LAS %.4f (%d words)\n",
		s.ratio(s.UPOS), s.ratio(s.XPOS), s.ratio(s.Lemma), s.ratio(s.UAS), s.ratio(s.LAS), s.Words)
	return err
}

// WriteJSON prints the figures as a JSON object with udscore.py --json's keys.
func (s ParseScore) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{
		"upos": s.ratio(s.UPOS), "xpos": s.ratio(s.XPOS), "lemma": s.ratio(s.Lemma),
		"uas": s.ratio(s.UAS), "las": s.ratio(s.LAS), "words": s.Words,
	})
}
