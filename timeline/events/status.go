package events

import (
	"strings"

	"github.com/timelinehq/timeline/timeline"
)

// tense is what the verb group tells of an event's time relative to the reference
// time when no date governs it.
type tense int

const (
	tensePast        tense = iota // simple past: news of the day
	tensePerfect                  // has/had done: some time before
	tensePresent                  // says, insists: at publication
	tenseFuture                   // will, plans to: after publication
	tenseProgressive              // is patrolling: in progress
)

// readStatus sets the status and tense of c from the words before its trigger.
func (x *Extractor) readStatus(s *sentence, c *cand) {
	c.status = timeline.StatusOccurred
	c.tense = tensePast
	lw := s.toks[c.ti].lower
	if c.e.class == classSay || c.e.class == classVerb || c.e.class == classIntent {
		// A form that is neither past (-ed, "said") nor a participle (-ing) is present:
		// "says", "insists", "they meet Monday".
		if !strings.HasSuffix(lw, "ed") && !strings.HasSuffix(lw, "ing") && !x.words.is(lw, "pastform") && lw != "according" {
			c.tense = tensePresent
		}
	}
	if c.inter {
		c.status, c.tense = timeline.StatusPlanned, tenseFuture
	}
	for k := c.ti - 1; k >= 0 && k >= c.ti-5; k-- {
		t := s.toks[k]
		if !t.word {
			break
		}
		w := t.lower
		switch {
		case x.words.is(w, "prevent") && c.e.class != classSay:
			// "to prevent new clashes", "protect him from attack": what is
			// averted is not asserted.
			c.drop = true
		case x.words.is(w, "failure") && k+1 < len(s.toks) && s.toks[k+1].lower == "to" && c.e.class != classSay:
			// "failed to agree on a ceasefire": it did not happen.
			c.status = timeline.StatusNegated
		case x.words.is(w, "negation") && c.code != "12" && c.e.class != classSay && !(w == "no" && c.e.class != classNoun):
			c.status = timeline.StatusNegated
		case x.words.is(w, "yield") && (c.e.class == classNoun || c.code == "15"):
			// "delay an annual joint military exercise": the exercise does not happen.
			c.status = timeline.StatusNegated
		case x.words.is(w, "planned") && c.status != timeline.StatusNegated:
			if w == "can" || w == "could" || w == "may" || w == "might" {
				if c.e.class == classSay {
					continue
				}
			}
			if !x.words.is(w, "modal") && (k+1 >= len(s.toks) || s.toks[k+1].lower != "to") {
				// "plans", "scheduled", "expected" plan only with an infinitive
				// ("scheduled to take place"), not as modifiers ("planning minister").
				continue
			}
			c.status, c.tense = timeline.StatusPlanned, tenseFuture
		case w == "did" || w == "didn't":
			c.tense = tensePast
		case x.words.is(w, "perfect"):
			if c.tense != tenseFuture {
				c.tense = tensePerfect
			}
		case x.words.is(w, "progressive") && strings.HasSuffix(lw, "ing"):
			c.tense = tenseProgressive
			if c.status == timeline.StatusOccurred {
				c.status = timeline.StatusOngoing
			}
		case w == "to" && k == c.ti-1:
			// An infinitive: planned when an intent or a plan governs it.
			if k > 0 {
				p := s.toks[k-1].lower
				if x.words.is(p, "planned") || p == "agreed" || p == "offered" || p == "decided" || p == "promised" || p == "pledged" {
					c.status, c.tense = timeline.StatusPlanned, tenseFuture
				}
			}
		}
		if x.words.is(w, "boundary") {
			break
		}
	}
	if c.e.class == classNoun && c.status == timeline.StatusOccurred {
		// "the current visit", "the buildup continues": a nominal event in progress.
		for k := c.tj; k < len(s.toks) && k <= c.tj+1; k++ {
			if s.toks[k].lower == "continues" || s.toks[k].lower == "continue" {
				c.status, c.tense = timeline.StatusOngoing, tenseProgressive
			}
		}
		if c.ti > 0 && (s.toks[c.ti-1].lower == "current" || s.toks[c.ti-1].lower == "ongoing") {
			c.status, c.tense = timeline.StatusOngoing, tenseProgressive
		}
	}
}
