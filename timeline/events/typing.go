package events

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/learn"
)

// Typing. The trigger lexicon proposes events and a first CAMEO root; whether a
// proposal is a diplomatic event at all, and of which root, is decided by a
// classifier learned from the training split of the gold (data/typing.model,
// trained by `go run ./timeline/events/train`). Rules cannot weigh the many weak
// signals a decision rests on (what a statement says, who acts on whom, the
// words around the trigger); a linear model over them can, and it learns the
// annotators' conventions instead of a list of their sentences.

//go:embed data/typing.model
var defaultTyping string

// loadTyping reads the embedded typing model; an empty file (before any
// training) leaves the rules' codes in place.
func loadTyping() (*learn.Model, error) {
	if strings.TrimSpace(defaultTyping) == "" {
		return nil, nil
	}
	return learn.Read(strings.NewReader(defaultTyping), "typing.model")
}

// WithoutTyping returns a copy of x that keeps the rules' own codes: the
// baseline the typing model is trained on and measured against.
func (x *Extractor) WithoutTyping() *Extractor {
	y := *x
	y.typer = nil
	return &y
}

// WithTyping returns a copy of x that types candidates with m.
func (x *Extractor) WithTyping(m *learn.Model) *Extractor {
	y := *x
	y.typer = m
	return &y
}

// Observe returns a copy of x that hands every candidate it builds, before
// typing, to f. The copy is for one goroutine at a time unless f is safe for
// concurrent use.
func (x *Extractor) Observe(f func(Candidate)) *Extractor {
	y := *x
	y.observe = f
	return &y
}

// Label is the class the typing model gives a candidate: a CAMEO root "01" to
// "20", LabelContext for a context occurrence, or LabelNone for no event.
const (
	LabelNone    = "none"
	LabelContext = "ctx"
)

// Labels are the classes of the typing model, in model order.
func Labels() []string {
	l := []string{LabelNone, LabelContext}
	for i := 1; i <= 20; i++ {
		l = append(l, fmt.Sprintf("%02d", i))
	}
	return l
}

// Candidate is an event the rules built, with the features the typing model
// reads; the training command aligns candidates with the gold to learn from.
type Candidate struct {
	Event    timeline.Event
	Features []string
}

// features describes candidate c of sentence s, built into ev, for the typing
// model. Feature names are prefixes and values; the model knows nothing else.
func (x *Extractor) features(s *sentence, c *cand, ev *timeline.Event) []string {
	f := make([]string, 0, 48)
	add := func(parts ...string) { f = append(f, strings.Join(parts, "=")) }
	add("bias")
	add("lex", c.e.code+"/"+c.e.class)
	add("class", c.e.class)
	add("code", c.code)
	if c.code != c.e.code {
		add("recoded", c.e.code+">"+c.code)
	}
	trig := strings.ToLower(triggerText(s, c))
	add("trig", trig)
	for k := c.ti; k < c.tj; k++ {
		if s.toks[k].word {
			add("tw", stem(s.toks[k].lower))
		}
	}
	add("status", c.status)
	add("tense", []string{"past", "perfect", "present", "future", "progressive"}[c.tense])
	if c.quote {
		add("quote")
	}
	if s.toks[c.ti].quoted {
		add("inquote")
	}
	if c.tweet {
		add("tweet")
	}
	if c.inter {
		add("intent")
	}
	add("src", actorKind(ev.Source))
	add("tgt", actorKind(ev.Target))
	add("src+code", actorKind(ev.Source)+"/"+c.code)
	if ev.Kind == timeline.KindContext {
		add("context")
	}
	if ev.Evidence != nil {
		add("dated", string(ev.Anchor))
	}
	// The words around the trigger: what is signed, demanded or attacked.
	n := 0
	for k := c.tj; k < len(s.toks) && n < 3; k++ {
		if t := s.toks[k]; t.word && !x.words.is(t.lower, "stopword") {
			n++
			add("after", stem(t.lower))
			if n == 1 {
				add("next", stem(t.lower))
				add("trig+next", trig+" "+stem(t.lower))
			}
		}
	}
	if c.ti > 0 {
		add("prev", s.toks[c.ti-1].lower)
	}
	// What a statement says decides what kind of statement it is.
	if c.e.class == classSay && c.ce > c.cs {
		for k := max(c.cs, 0); k < c.ce && k < len(s.toks); k++ {
			if t := s.toks[k]; t.word && !x.words.is(t.lower, "stopword") && !x.words.is(t.lower, "preposition") {
				add("says", stem(t.lower))
			}
		}
		if x.irrealis(s, c.cs, c.ce) {
			add("says-irrealis")
		}
	}
	return f
}

// actorKind is the coarse kind of an actor for the typing model: none, a state
// as a whole, its role, an organisation, or an actor the dictionary does not
// code.
func actorKind(a *timeline.Actor) string {
	switch {
	case a == nil:
		return "none"
	case a.Code == "":
		return "uncoded"
	case strings.HasPrefix(a.Code, "IGO"):
		return "igo"
	case len(a.Code) == 3:
		return "state"
	}
	return a.Code[3:]
}

// stem strips the commonest English inflections so that the forms of a word
// share a feature ("signed", "signs", "signing" -> "sign").
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// classify applies the typing model to a built event: it returns false when the
// model says the candidate is no event, and otherwise recodes it.
func (x *Extractor) classify(ev *timeline.Event, feats []string) bool {
	label, _ := x.typer.Predict(feats)
	switch label {
	case LabelNone:
		return false
	case LabelContext:
		ev.Kind, ev.CAMEO, ev.Source, ev.Target = timeline.KindContext, "", nil, nil
	default:
		if ev.Kind == timeline.KindContext {
			// A gathering the rules found with no party acting in it stays a
			// context event: the model may drop it but not invent its actors.
			return true
		}
		ev.CAMEO = label
	}
	ev.ID = timeline.MakeID(ev.Doc, ev.Trigger.Span(), ev.CAMEO)
	return true
}
