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

// readStatus sets the status and tense of c: its verb form gives a first tense
// (a form neither past nor a participle is present: "says", "they meet
// Monday"; an intended act is planned), then the words just before the trigger,
// read right to left up to a clause boundary, each adjust it by the first
// statusCues rule that holds for the word; a nominal event may be in progress
// (nounInProgress). The rules that held are recorded in c.statusCues.
func (x *Extractor) readStatus(s *sentence, c *cand) {
	c.status = timeline.StatusOccurred
	c.tense = tensePast
	lw := s.toks[c.ti].lower
	if c.e.class == classSay || c.e.class == classVerb || c.e.class == classIntent {
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
		for i, r := range statusCues {
			if r.apply(x, s, c, k) {
				c.statusCues |= 1 << i
				break
			}
		}
		if x.words.is(t.lower, "boundary") {
			break
		}
	}
	x.nounInProgress(s, c)
}

// statusCue is a word before a trigger that tells the event's status or tense:
// apply reports whether the word at token k is the cue, and applies it.
type statusCue struct {
	name  string
	apply func(x *Extractor, s *sentence, c *cand, k int) bool
}

// statusCues are tried in order on each word before the trigger.
var statusCues = []statusCue{
	{"prevented", (*Extractor).preventedCue},
	{"failed-to", (*Extractor).failedToCue},
	{"negated", (*Extractor).negationCue},
	{"yielded", (*Extractor).yieldCue},
	{"planned", (*Extractor).plannedCue},
	{"did", (*Extractor).didCue},
	{"perfect", (*Extractor).perfectCue},
	{"progressive", (*Extractor).progressiveCue},
	{"planned-infinitive", (*Extractor).infinitiveCue},
}

// preventedCue: what is averted is not asserted ("to prevent new clashes",
// "protect him from attack"): the act is no event.
func (x *Extractor) preventedCue(s *sentence, c *cand, k int) bool {
	if !x.words.is(s.toks[k].lower, "prevent") || c.e.class == classSay {
		return false
	}
	c.drop = true
	return true
}

// failedToCue: what one failed to do did not happen ("failed to agree").
func (x *Extractor) failedToCue(s *sentence, c *cand, k int) bool {
	if !x.words.is(s.toks[k].lower, "failure") || k+1 >= len(s.toks) || s.toks[k+1].lower != "to" || c.e.class == classSay {
		return false
	}
	c.status = timeline.StatusNegated
	return true
}

// negationCue: a negation denies the act ("did not meet", "no talks"), except a
// rejection, which a negation only words ("would not accept"), and a statement,
// whose content it negates; "no" negates only a noun.
func (x *Extractor) negationCue(s *sentence, c *cand, k int) bool {
	w := s.toks[k].lower
	if !x.words.is(w, "negation") || c.code == "12" || c.e.class == classSay || w == "no" && c.e.class != classNoun {
		return false
	}
	c.status = timeline.StatusNegated
	return true
}

// yieldCue: delaying, cancelling, calling off or halting a nominal event or a
// show of force means it does not happen ("delay the joint exercise").
func (x *Extractor) yieldCue(s *sentence, c *cand, k int) bool {
	w := s.toks[k].lower
	calledOff := w == "off" && k > 0 && strings.HasPrefix(s.toks[k-1].lower, "call")
	if !x.words.is(w, "yield") && !calledOff || !(c.e.class == classNoun || c.code == "15") {
		return false
	}
	c.status = timeline.StatusNegated
	return true
}

// plannedCue: a modal or a verb of planning with an infinitive makes the act
// planned ("will visit", "plans to meet"); a verb of planning without one is a
// modifier ("the planning minister"), and a modal of possibility or of
// reported reticence does not plan a statement ("could say", "would only
// say").
func (x *Extractor) plannedCue(s *sentence, c *cand, k int) bool {
	w := s.toks[k].lower
	if !x.words.is(w, "planned") || c.status == timeline.StatusNegated || monthMay(s, k) {
		return false
	}
	if (w == "can" || w == "could" || w == "may" || w == "might" || w == "would") && c.e.class == classSay {
		// "would only say", "would not comment": a report of what was said,
		// not a plan to say it.
		if w == "would" {
			c.tense = tensePast
		}
		return true
	}
	if !x.words.is(w, "modal") && (k+1 >= len(s.toks) || s.toks[k+1].lower != "to") {
		if (c.e.class == classNoun || c.e.class == classCtx) && k >= c.ti-2 && planAdjective(w) {
			// "the proposed sanctions", "an upcoming summit": an occurrence
			// still to come, named by the adjective of a plan.
			c.status, c.tense = timeline.StatusPlanned, tenseFuture
		}
		return true
	}
	c.status, c.tense = timeline.StatusPlanned, tenseFuture
	return true
}

// didCue: "did" or "didn't" puts the act in the simple past.
func (x *Extractor) didCue(s *sentence, c *cand, k int) bool {
	if w := s.toks[k].lower; w != "did" && w != "didn't" {
		return false
	}
	c.tense = tensePast
	return true
}

// perfectCue: a perfect auxiliary places the act before the reference time,
// unless it is planned ("will have met").
func (x *Extractor) perfectCue(s *sentence, c *cand, k int) bool {
	if !x.words.is(s.toks[k].lower, "perfect") {
		return false
	}
	if c.tense != tenseFuture {
		c.tense = tensePerfect
		w := s.toks[k].lower
		c.hasDone = w == "has" || w == "have" || w == "'ve"
	}
	return true
}

// progressiveCue: a progressive ("is patrolling") is in progress; a statement
// in the progressive ("is insisting") is one made at the time of the report.
func (x *Extractor) progressiveCue(s *sentence, c *cand, k int) bool {
	if !x.words.is(s.toks[k].lower, "progressive") || !strings.HasSuffix(s.toks[c.ti].lower, "ing") {
		return false
	}
	if c.e.class == classSay {
		// "is claiming", "are saying": a statement made now, not a state.
		c.tense = tensePresent
		return true
	}
	c.tense = tenseProgressive
	if c.status == timeline.StatusOccurred {
		c.status = timeline.StatusOngoing
	}
	return true
}

// infinitiveCue: an infinitive right before the trigger is planned when a plan
// or an intent governs it ("agreed to meet", "plans to visit").
func (x *Extractor) infinitiveCue(s *sentence, c *cand, k int) bool {
	if s.toks[k].lower != "to" || k != c.ti-1 {
		return false
	}
	if k > 0 {
		p := s.toks[k-1].lower
		if x.words.is(p, "planned") || p == "agreed" || p == "offered" || p == "decided" || p == "promised" || p == "pledged" {
			c.status, c.tense = timeline.StatusPlanned, tenseFuture
		}
	}
	return true
}

// nounInProgress: a nominal event that "continues", or is "current" or
// "ongoing", is in progress. It is recorded as the bit after statusCues'.
func (x *Extractor) nounInProgress(s *sentence, c *cand) {
	if c.e.class != classNoun || c.status != timeline.StatusOccurred {
		return
	}
	for k := c.tj; k < len(s.toks) && k <= c.tj+1; k++ {
		if s.toks[k].lower == "continues" || s.toks[k].lower == "continue" {
			c.status, c.tense = timeline.StatusOngoing, tenseProgressive
		}
	}
	if c.ti > 0 && (s.toks[c.ti-1].lower == "current" || s.toks[c.ti-1].lower == "ongoing") {
		c.status, c.tense = timeline.StatusOngoing, tenseProgressive
	}
	if c.status == timeline.StatusOngoing {
		c.statusCues |= 1 << len(statusCues)
	}
}

// monthMay reports whether "May" at token k is the month, not the modal: a
// capitalised "May" inside the sentence, or one followed by a day or a year
// ("the May 3 bombing", "in May 1998"), names the month.
func monthMay(s *sentence, k int) bool {
	t := s.toks[k]
	if t.text != "May" {
		return false
	}
	if k+1 < len(s.toks) && s.toks[k+1].text != "" && s.toks[k+1].text[0] >= '0' && s.toks[k+1].text[0] <= '9' {
		return true
	}
	first := 0
	for first < len(s.toks) && !s.toks[first].word {
		first++
	}
	return k != first
}

// planAdjective reports whether w, before a noun, names an occurrence still to
// come ("the proposed sanctions", "an upcoming summit").
func planAdjective(w string) bool {
	switch w {
	case "proposed", "planned", "potential", "possible", "prospective", "upcoming", "forthcoming":
		return true
	}
	return false
}
