// Package events extracts dated diplomatic events from analysed articles, per
// shared/spec/EVENTS.md: a clause whose trigger word or phrase (data/triggers.tsv)
// asserts that a political actor did, said, planned or refused something, coded
// with a CAMEO root, a status, source and target actors, and the dates the text
// supports; plus the named occurrences the story is dated against.
package events

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/timelinehq/timeline/timeline"
	"github.com/timelinehq/timeline/timeline/actors"
	"github.com/timelinehq/timeline/timeline/doc"
	"github.com/timelinehq/timeline/timeline/learn"
	"github.com/timelinehq/timeline/timeline/text"
)

// Extractor finds events. It is safe for concurrent use.
type Extractor struct {
	dict  *actors.Dictionary
	lex   *lexicon
	cues  []*entry
	words wordClasses
	typer *learn.Model // nil: the rules' own codes stand

	// observe, when set, receives every candidate the rules build, before
	// typing: the training command learns from them.
	observe func(Candidate)
}

// New returns an Extractor using dict and the trigger lexicon read from lexicon
// (nil: the embedded default).
func New(dict *actors.Dictionary, lexicon io.Reader) (*Extractor, error) {
	if lexicon == nil {
		lexicon = strings.NewReader(defaultTriggers)
	}
	trig, err := readEntries(lexicon, "triggers.tsv")
	if err != nil {
		return nil, err
	}
	for _, e := range trig {
		if e.class == classNone {
			if e.code != "-" {
				return nil, fmt.Errorf("triggers.tsv:%d: a phrase of class none takes code -, not %q", e.line, e.code)
			}
			continue
		}
		if _, ok := timeline.CAMEORoot(e.code); !ok {
			return nil, fmt.Errorf("triggers.tsv:%d: unknown CAMEO root %q", e.line, e.code)
		}
		switch e.class {
		case classSay, classVerb, classNoun, classCtx, classIntent:
		default:
			return nil, fmt.Errorf("triggers.tsv:%d: unknown class %q", e.line, e.class)
		}
	}
	cues, err := readEntries(strings.NewReader(defaultCues), "cues.tsv")
	if err != nil {
		return nil, err
	}
	for _, e := range cues {
		if _, ok := timeline.CAMEORoot(e.code); !ok || e.class != "any" && e.class != "irr" {
			return nil, fmt.Errorf("cues.tsv:%d: bad code %q or mode %q", e.line, e.code, e.class)
		}
	}
	words, err := readWords(defaultWords)
	if err != nil {
		return nil, err
	}
	typer, err := loadTyping()
	if err != nil {
		return nil, err
	}
	return &Extractor{dict: dict, lex: newLexicon(trig), cues: cues, words: words, typer: typer}, nil
}

// cand is a candidate event while a sentence is read.
type cand struct {
	sent   int
	ti, tj int // trigger tokens [ti, tj)
	e      *entry
	code   string
	status string
	tense  tense
	// hasDone: the perfect is the present perfect ("has condemned"), news of
	// the publication's days, not the past perfect ("had condemned").
	hasDone bool

	statusCues uint16 // bit i set: statusCues[i] held for a word before the trigger

	src, tgt   *timeline.Actor
	tgtGuessed bool   // the target is the story's counterpart, not named by the clause
	srcMent    int    // index in sentence.mentions of the source mention, -1 when none
	srcRule    string // the rule that found the source (findSource), "" when none did
	tgtRule    string // the target rule that found the target (findTarget), "" when none did
	dropRule   string // the rule that dropped or absorbed the candidate (prefilterRules, foldRules), "" when none did

	// speech: the token range [cs, ce) of what a statement says.
	cs, ce   int
	quote    bool   // the content is a direct quotation
	about    [2]int // the tokens whose actors a statement is about
	absorbed bool   // folded into the statement that reports it
	drop     bool
	tweet    bool
	govTimex *timeline.Timex
	govOcc   *timeline.Occurrence
	dateRule string // the rule that found what dates the candidate (attach, date)
	inter    bool   // the clause is planned through an intent verb ("agreed to delay")
	// byPerpetrator: the subject right before the verb is an unnamed
	// perpetrator ("gunmen kidnapped"), whom EVENTS.md codes null.
	byPerpetrator bool
	pair          [2]*timeline.Actor // a subject of two parties acting together: the source and its partner
}

// sentence is a sentence being read.
type sentence struct {
	// doc is the analysed document, nil when there is none; the tree rules
	// read the sentence's parse where it holds one. r, when not nil, parses
	// the sentence on demand (see allowTree and treeVerb).
	doc *doc.Doc
	r   *reading
	// rd is the reading the sentence belongs to, nil in tests of a lone
	// sentence: a filter that needs the parse before the tree rules may
	// run asks it for one (privateTreeSubject).
	rd       *reading
	heads    map[string]timeline.Actor // the discourse's coded mentions by head word (discourse.byHead)
	span     timeline.Span
	toks     []token
	mentions []mention
	mtok     []int // first token index of each mention
	cands    []*cand
	tweetAt  int // token index of the dash before a tweet's dateline, -1 when none
	author   *timeline.Actor

	prevSubject *timeline.Actor    // the discourse subject before the sentence
	prevPerson  *timeline.Actor    // the person "he" or "she" stood for before it
	prevOther   *timeline.Actor    // the collective "it" or "they" stood for before it
	prevList    *timeline.Actor    // the first of the last list of parties before it
	prevPair    [2]*timeline.Actor // the last two parties acting together before it ("Uruguay and Paraguay")
	prevSpeaker *timeline.Actor    // the source of the last statement before it
	// prevSpeakerBody: prevSpeaker was named as a body, not a person.
	prevSpeakerBody bool

	sayEnd map[int]int // token after each unquoted reporting verb -> its first token
}

// The work of Extract is bounded, so that a huge input (a log, a table, a whole
// feed saved as one article) costs seconds, not minutes and gigabytes. News
// articles stay far below each limit: among the 1,456 TBAQ and silver articles
// the longest sentence has 96 words and the most events in one article are 49.
// Past a limit the rest is skipped, and Extract says so in a.Warnings.
const (
	// MaxEventText is how much of an article (bytes, whole sentences) is
	// searched for events.
	MaxEventText = 1 << 20
	// MaxSentenceTokens is how many tokens of a sentence are searched.
	MaxSentenceTokens = 500
	// MaxEventsPerArticle is how many events an article gives at most.
	MaxEventsPerArticle = 1000
)

// searchedSentences returns how many of the sentences lie within MaxEventText.
func searchedSentences(spans []timeline.Span) int {
	return sort.Search(len(spans), func(i int) bool { return spans[i].End > MaxEventText })
}

// Extract returns the events of a, which holds the document, its sentences,
// temporal expressions and occurrences; events come in document order with dates
// resolved.
// Warnings about what it left out (see MaxEventText) are added to a.Warnings.
func (x *Extractor) Extract(a *timeline.Analysis) []timeline.Event {
	evs, _ := x.extract(a, nil)
	return evs
}

// ExtractDoc is Extract with the article's analysed document: where it holds
// a sentence's parse, sources and targets are read off the tree. d may be nil.
func (x *Extractor) ExtractDoc(a *timeline.Analysis, d *doc.Doc) []timeline.Event {
	evs, _ := x.extract(a, d)
	return evs
}

// extract is Extract that also returns the sentences as read, with their
// candidates: the tests check which named rule decided each role.
func (x *Extractor) extract(a *timeline.Analysis, d *doc.Doc) ([]timeline.Event, []*sentence) {
	if a == nil {
		return nil, nil
	}
	// The words are the analysed document's; without one (or with one of
	// another body) the body is tokenized here, and no sentence is parsed.
	words := d
	if d == nil || d.Body != a.Document.Body {
		words, d = doc.NewLazy(a.Document.Body, nil), nil
	}
	r := x.newReading(a, words)
	r.tree = d
	for si, sp := range r.spans {
		if sp.Start < 0 || sp.End > len(r.doc.Body) || sp.End <= sp.Start {
			continue
		}
		if len(r.out) >= MaxEventsPerArticle {
			a.Warnings = append(a.Warnings, fmt.Sprintf("more than %d events: events are not searched from byte %d on", MaxEventsPerArticle, sp.Start))
			break
		}
		s := r.read(si, sp)
		r.emit(si, s)
		if len(r.sentences) == 1 {
			r.d.leadPeg(s)
		}
		r.disc.speaker = nil
	}
	return r.finish(), r.sentences
}

// reading is what Extract knows of an article as it reads it sentence by
// sentence: the actor mentions, the discourse so far, the dater, and the
// events emitted with what they name.
type reading struct {
	x           *Extractor
	a           *timeline.Analysis // its Warnings say what the limits left out
	tree        *doc.Doc           // the analysed document, nil when not given
	words       *doc.Doc           // the document the words are read from: tree, or the body tokenized
	doc         *timeline.Document
	body        string // the part of the body searched (MaxEventText)
	spans       []timeline.Span
	all         []actors.Mention // the article's actor mentions, in order
	mi          int              // the first mention not before the current sentence
	d           *dater
	disc        discourse
	st          *story
	names       *actors.Names
	lastSpeaker *timeline.Actor // the source of the last statement emitted
	lastQuoted  *timeline.Actor // the same when that statement was a direct quotation, else nil
	// lastSpeakerBody: that source was named as a body (a state, an
	// organisation, a ministry), which "it" can stand for, not a person.
	lastSpeakerBody bool
	seenNoun        map[string]int // nounKey -> index in out of the first mention
	seenAct         map[string][]string
	sport           bool // the article is about sport (sportsStory)
	economy         bool // the article is about markets and the economy (economyStory)
	out             []timeline.Event
	sentences       []*sentence
	failed          map[int]bool // the analysed document's sentences the parser failed on
	// long counts the sentences cut to MaxSentenceTokens; longAt and longToks
	// are the first one's offset and length.
	long, longAt, longToks int
}

func (x *Extractor) newReading(a *timeline.Analysis, words *doc.Doc) *reading {
	doc := &a.Document
	spans := a.Sentences
	if len(spans) == 0 {
		spans = text.Sentences(doc.Body)
	}
	// The work is bounded (see MaxEventText): past it, the rest is not searched.
	body := doc.Body
	if n := searchedSentences(spans); n < len(spans) {
		a.Warnings = append(a.Warnings, fmt.Sprintf("article longer than %d bytes: events are not searched from byte %d on", MaxEventText, spans[n].Start))
		spans = spans[:n]
		if n > 0 {
			body = body[:spans[n-1].End]
		} else {
			body = ""
		}
	}
	var all []actors.Mention
	if x.dict != nil {
		end := sort.Search(len(words.Tokens), func(i int) bool { return words.Tokens[i].Span.End > len(body) })
		spans := make([]timeline.Span, end)
		for i, t := range words.Tokens[:end] {
			spans[i] = t.Span
		}
		all = x.dict.FindTokens(body, spans, doc.Reference())
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Span.Start < all[j].Span.Start })
	d := newDater(a)
	d.spans = spans
	r := &reading{x: x, a: a, words: words, doc: doc, body: body, spans: spans, all: all, d: d, st: x.newStory(all),
		names:    actors.NewNames(),
		seenNoun: make(map[string]int), seenAct: make(map[string][]string)}
	r.st.placeTitles(all)
	r.sport, r.economy = x.storyKinds(body)
	if len(spans) > 0 {
		r.st.findDateline(all, spans[0], body)
	}
	return r
}

// allowTree lets the tree rules ask for the sentence's parse when a verb
// candidate of it still stands: only those sentences need a tree, and parsing
// is most of the cost of reading an article. The parse itself waits until a
// tree rule can use it (see treeVerb).
func (r *reading) allowTree(s *sentence) {
	if r.tree == nil {
		return
	}
	s.doc = r.tree
	for _, c := range s.cands {
		// The tree is read for the object of an act named by a verb
		// (tree.go); a statement's roles and a noun's are the order
		// rules', which the tree did not better.
		if !c.drop && !c.absorbed && (c.e.class == classVerb || c.e.class == classIntent) {
			s.r = r
			return
		}
	}
}

// parse has the analysed document parse sentence i. A sentence the parser
// fails on is read by the word-order rules alone, and the article says so.
func (r *reading) parse(i int) {
	d := r.tree
	if d.Parsed(i) || r.failed[i] {
		return
	}
	if err := d.Parse(i); err != nil {
		if r.failed == nil {
			r.failed = make(map[int]bool)
		}
		r.failed[i] = true
		r.a.Warnings = append(r.a.Warnings, fmt.Sprintf("sentence at byte %d not parsed: %v", d.Sentences[i].Span.Start, err))
	}
}

// read reads sentence si at sp: its tokens and actor mentions, resolved
// against the discourse so far; its trigger candidates, filtered, with what
// statements say and intents plan, their status, and their source and target.
func (r *reading) read(si int, sp timeline.Span) *sentence {
	x, body := r.x, r.doc.Body
	toks := sentenceTokens(r.words, sp)
	if len(toks) > MaxSentenceTokens {
		if r.long++; r.long == 1 {
			r.longAt, r.longToks = sp.Start, len(toks)
		}
		toks = toks[:MaxSentenceTokens]
		sp.End = toks[len(toks)-1].end
	}
	s := &sentence{span: sp, toks: toks, tweetAt: -1, rd: r}
	r.sentences = append(r.sentences, s)
	for r.mi < len(r.all) && r.all[r.mi].Span.Start < sp.Start {
		r.mi++
	}
	var raw []actors.Mention
	for j := r.mi; j < len(r.all) && r.all[j].Span.Start < sp.End; j++ {
		if r.all[j].Span.End <= sp.End && !isDateline(r.all[j], sp, body) && !currencyOf(r.all[j], body) {
			raw = append(raw, r.all[j])
		}
	}
	raw = r.names.Extend(r.body[s.span.Start:s.span.End], s.span.Start, raw)
	x.findTweet(s, raw)
	disc := &r.disc
	disc.speaker = s.author
	// The subject the story was about before this sentence: an event with no
	// subject of its own ("both agreed ...") continues it.
	s.prevSubject, s.prevPerson, s.prevOther = disc.lastSubject, disc.lastPerson, disc.lastOther
	s.prevList, s.prevSpeaker, s.prevPair = disc.lastList, r.lastSpeaker, disc.lastPair
	s.prevSpeakerBody = r.lastSpeakerBody
	x.resolveMentions(s, raw, disc)
	s.heads = disc.byHead
	if u := x.unknownPerson(s); u != nil {
		// "Jan Novak, an analyst at a bank": the next "he" is this man, whom
		// the dictionary does not code, not the last official.
		disc.lastPerson, disc.lastNamed = u, u
	}
	if l := s.lastList(); l != nil {
		disc.lastList = l
	}
	x.findTriggers(s, si)
	x.prefilter(s)
	x.readSpeech(s)
	x.readIntent(s)
	x.readObjects(s)
	for _, c := range s.cands {
		x.readStatus(s, c)
	}
	r.allowTree(s)
	for _, c := range s.cands {
		if c.drop || c.absorbed {
			continue
		}
		x.findActors(s, c, r.st)
		if c.pair[1] != nil {
			disc.lastPair = c.pair
		} else if c.code == "04" && c.src != nil && c.tgt != nil && !c.tgtGuessed && len(c.src.Code) >= 3 && len(c.tgt.Code) >= 3 && partyOf(c.src.Code) != partyOf(c.tgt.Code) {
			// "X met Y ... the two sides agreed": who met are the two, for
			// the rest of this sentence too.
			disc.lastPair = [2]*timeline.Actor{c.src, c.tgt}
			s.prevPair = disc.lastPair
		}
	}
	x.mediaAttribution(s)
	businessAlone(s)
	officialProtest(s)
	x.introducedNames(s, r.names)
	return s
}

// emit dates the live candidates of sentence si and adds the events they make:
// a later mention of a nominal occurrence adds none (only an explicit date it
// reveals, see laterMention), nor does an act asserted again (repeated); the
// typing model, when there is one, may recode or drop an event; an act about
// an attack or threat dated earlier in the story cannot precede it.
func (r *reading) emit(si int, s *sentence) {
	x, d := r.x, r.d
	d.attach(s)
	after := x.referenced(s, r.seenNoun, r.out)
	for _, c := range s.cands {
		if c.drop || c.absorbed {
			continue
		}
		nominal := c.e.class == classNoun || c.e.class == classCtx
		key := nounKey(s, c)
		if nominal {
			if first, ok := r.seenNoun[key]; ok {
				r.laterMention(s, c, &r.out[first])
				continue
			}
		}
		if x.repeated(s, c, r.seenAct) || x.echoedQuote(s, c, r.lastQuoted, r.d) {
			continue
		}
		if r.economy && economyRemark(s, c) {
			continue
		}
		ev, ok := x.build(r.doc, s, c, d)
		if !ok {
			continue
		}
		if x.observe != nil || x.typer != nil {
			feats := x.features(s, c, &ev)
			if x.observe != nil {
				x.observe(Candidate{Event: ev, Features: feats})
			}
			if x.typer != nil && !x.classify(&ev, feats) {
				continue
			}
		}
		if !nominal && c.govTimex == nil && c.govOcc == nil && !after.IsZero() &&
			(ev.Earliest.IsZero() || ev.Earliest.Before(after) || c.tense == tensePerfect) && (ev.Latest.IsZero() || !ev.Latest.Before(after)) {
			// What the story tells of an act about the attack places it: any
			// time from the attack on, not only the publication's days.
			ev.Earliest = after
		}
		if nominal {
			r.seenNoun[key] = len(r.out)
		}
		if c.e.class == classSay && ev.Source != nil && ev.Source.Code != "" {
			sp := *ev.Source
			r.lastSpeaker = &sp
			r.lastQuoted = nil
			if c.quote {
				r.lastQuoted = &sp
			}
			r.lastSpeakerBody = c.srcMent >= 0 && !s.mentions[c.srcMent].person && s.mentions[c.srcMent].Kind != actors.KindPronoun
		}
		r.out = append(r.out, ev)
	}
}

// laterMention gives the event of an occurrence's first mention the explicit
// day that a later mention c states right beside it ("the May 3 attack"), when
// the first had no explicit date of its own.
func (r *reading) laterMention(s *sentence, c *cand, first *timeline.Event) {
	if t := c.govTimex; t != nil && !t.Earliest.IsZero() && t.Earliest.Equal(t.Latest) && !r.d.after(t.Earliest) &&
		first.Anchor != timeline.AnchorExplicit && (first.Evidence == nil || first.Evidence.Start != t.Span.Start) &&
		s.near(c, t.Span, 3) {
		r.d.fromTimex(first, c, t)
	}
}

// finish returns the article's events in document order: in a sports story
// without the countries' (teams') acts, with the context events of its named
// occurrences, and without a diplomatic event that a context event shadows.
func (r *reading) finish() []timeline.Event {
	switch {
	case r.long == 1:
		r.a.Warnings = append(r.a.Warnings, fmt.Sprintf("a sentence at byte %d has %d tokens: events are searched in its first %d only", r.longAt, r.longToks, MaxSentenceTokens))
	case r.long > 1:
		r.a.Warnings = append(r.a.Warnings, fmt.Sprintf("%d sentences (the first at byte %d) have more than %d tokens: events are searched in the first %d of each", r.long, r.longAt, MaxSentenceTokens, MaxSentenceTokens))
	}
	out := r.out
	if r.sport {
		out = dropTeams(out)
	}
	if !r.st.political() && !anyPolitical(out) {
		// A story that names no government, armed force, legislature, court,
		// party, armed group or international organisation (a company's
		// results, a crime, a club) reports no political act, whatever
		// country its people belong to; the occurrences it is dated against
		// stay.
		kept := out[:0]
		for _, e := range out {
			if e.Kind == timeline.KindContext {
				kept = append(kept, e)
			}
		}
		out = kept
	}
	out = append(out, r.d.contextEvents(r.spans)...)
	out = dropShadowed(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Trigger.Start < out[j].Trigger.Start })
	if len(out) > MaxEventsPerArticle {
		out = out[:MaxEventsPerArticle]
	}
	return out
}

// anyPolitical reports whether an event of evs has a political actor with a
// role, or an international organisation, as its source or target, or is an
// act of a state (a statement of one only when it names another).
func anyPolitical(evs []timeline.Event) bool {
	for _, e := range evs {
		src, tgt := codeOrEmpty(e.Source), codeOrEmpty(e.Target)
		if politicalCode(src) || politicalCode(tgt) || len(src) == 3 && (e.CAMEO != "01" && e.Kind != timeline.KindContext || len(tgt) == 3 && tgt != src) {
			return true // a state acting, or speaking of another, is politics too
		}
	}
	return false
}

func codeOrEmpty(a *timeline.Actor) string {
	if a == nil {
		return ""
	}
	return a.Code
}

// politicalCode reports whether code is an international organisation's or
// a state's with a political role: government, armed force, legislature,
// court, opposition, armed group, or the media that report them.
func politicalCode(code string) bool {
	if strings.HasPrefix(code, "IGO") {
		return true
	}
	if len(code) > 3 {
		switch code[3:] {
		case "GOV", "MIL", "LEG", "JUD", "OPP", "REB", "MED":
			return true
		}
	}
	return false
}

// economyStory reports whether the article is about markets and the economy:
// at least ten of its words, and three in a hundred, are of the words.tsv
// economy class ("percent", "shares", "inflation").
func (x *Extractor) economyStory(body string) bool {
	_, econ := x.storyKinds(body)
	return econ
}

// storyKinds reads the article's words once for the kinds of story whose
// events are read differently (sportsStory, economyStory).
func (x *Extractor) storyKinds(body string) (sport, econ bool) {
	words, sports, econs := 0, 0, 0
	for w := range strings.FieldsFuncSeq(body, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') }) {
		words++
		switch bits := x.words.words[strings.ToLower(w)]; {
		case bits == 0:
		case bits&x.words.class["sport"] != 0:
			sports++
		case bits&x.words.class["economy"] != 0:
			econs++
		}
	}
	return sports >= 6 && sports*100 >= words, econs >= 10 && econs*100 >= 3*words
}

// economyRemark reports whether c is a plain statement of an economy story
// that names no party but its speaker's country: a remark on markets or
// growth ("the central bank said the recovery was gathering pace"), which
// addresses no one.
func economyRemark(s *sentence, c *cand) bool {
	if c.e.class != classSay || c.code != "01" || c.src == nil || len(c.src.Code) < 3 || c.tgt != nil && !c.tgtGuessed {
		return false
	}
	for m := range s.mentions {
		if a := s.mentions[m].actor; s.mentions[m].resolved && len(a.Code) >= 3 && a.Code[:3] != c.src.Code[:3] {
			return false
		}
	}
	return true
}

// sportsStory reports whether the article is about sport: at least six of its
// words, and one in a hundred, are the words.tsv sport class ("coach",
// "wickets", "semi-final"). There countries are teams ("Uruguay beat Paraguay 2-1"),
// not states.
func (x *Extractor) sportsStory(body string) bool {
	sport, _ := x.storyKinds(body)
	return sport
}

// dropTeams removes the events of a sports story whose source is a country as
// a whole, which there is a team; officials (coded with a role) stay.
func dropTeams(evs []timeline.Event) []timeline.Event {
	out := evs[:0]
	for _, e := range evs {
		if e.Source != nil && len(e.Source.Code) == 3 {
			continue
		}
		out = append(out, e)
	}
	return out
}

// nounKey identifies the occurrence a nominal event names, so that its later
// mentions add nothing.
// strikeNoun reports whether a trigger names one strike from the air rather
// than a war or a campaign.
func strikeNoun(text string) bool {
	switch strings.ToLower(text) {
	case "air strike", "air strikes", "airstrike", "airstrikes", "air raid", "air raids":
		return true
	}
	return false
}

func nounKey(s *sentence, c *cand) string {
	if c.code == "19" && strikeNoun(triggerText(s, c)) {
		// An air strike is a use of military force (19) that the story goes
		// on to call "the attack" (18): one occurrence with the assaults.
		return c.e.class + ":18"
	}
	if c.code == "13" || c.code >= "18" {
		// The threat or the attack a story is about is named many ways ("the
		// bombing", "the embassy bombing", "the attacks"): one occurrence.
		return c.e.class + ":" + c.code
	}
	key := c.e.class + ":" + strings.ToLower(triggerText(s, c))
	if c.e.class == classCtx && c.ti > 0 && s.toks[c.ti-1].word {
		// Gatherings are told apart by their names ("the Asuncion summit", "the
		// Montevideo summit").
		if r := s.toks[c.ti-1].text[0]; r >= 'A' && r <= 'Z' {
			key += ":" + s.toks[c.ti-1].lower
		}
	}
	return key
}

// referenced returns the day of the latest attack or threat, dated to a day
// earlier in the article, that the sentence names again: what the sentence
// reports about it cannot precede it.
func (x *Extractor) referenced(s *sentence, seen map[string]int, out []timeline.Event) time.Time {
	var day time.Time
	for _, c := range s.cands {
		if c.drop || c.e.class != classNoun || !(c.code == "13" || c.code >= "18") {
			continue
		}
		if i, ok := seen[nounKey(s, c)]; ok {
			if e := out[i]; !e.Earliest.IsZero() && e.Earliest.Equal(e.Latest) && e.Earliest.After(day) {
				day = e.Earliest
			}
		}
	}
	return day
}

// near reports whether the span lies within n tokens of c's trigger: a date that
// modifies the noun ("the May 3 attack", "the attack on May 3").
func (s *sentence) near(c *cand, sp timeline.Span, n int) bool {
	k := s.tokenAt(sp.Start)
	return k >= c.ti-n && k <= c.tj+n
}

// repeated reports whether c asserts again an occurrence already annotated:
// the same actor doing the same thing with the same word and no date of its
// own ("promised restraint" twice). A statement is never taken for a repeat:
// a quotation right after an indirect report of the same speaker is as often
// a new statement as the same one worded (5 of the 12 such quotations of the
// training split are events of their own), and a missed statement costs
// more than a repeated one.
func (x *Extractor) repeated(s *sentence, c *cand, seen map[string][]string) bool {
	if c.e.class == classSay || c.e.class == classNoun || c.e.class == classCtx {
		return false
	}
	src := ""
	if c.src != nil {
		// The country's, whichever of its actors a mention names ("Gingrich"
		// the first time, "the US" the next).
		src = partyOf(c.src.Code)
		if src == "" {
			src = c.src.Name
		}
	}
	// The same actor, act and word about the same thing (a content word shared in
	// the few words after the trigger) is the same occurrence.
	key := src + "|" + c.code + "|" + strings.ToLower(triggerText(s, c))
	var about []string
	for k := c.tj; k < len(s.toks) && k < c.tj+6; k++ {
		if t := s.toks[k]; t.word && !x.words.is(t.lower, "stopword") {
			about = append(about, t.lower)
		}
	}
	for _, w := range about {
		for _, v := range seen[key] {
			if w == v {
				return true
			}
		}
	}
	seen[key] = append(seen[key], about...)
	return false
}

// echoedQuote reports whether statement c only quotes on from a speaker whose
// quotation the story has just given ("..., he added"): a quotation that a
// pronoun attributes to the speaker of the last statement, itself a
// quotation, plain (01), with no modal, plan, date or act of its own in what
// it says, adds words to the statement before, not an occurrence (EVENTS.md:
// several clauses of the same statement that add nothing new are one event).
// After an indirect report the same speaker's quotation is as often news of
// its own (see repeated), so last is the speaker only when the last statement
// was quoted too.
func (x *Extractor) echoedQuote(s *sentence, c *cand, last *timeline.Actor, d *dater) bool {
	if c.e.class != classSay || c.code != "01" || !c.quote || c.src == nil || last == nil || c.src.Code == "" || c.src.Code != last.Code || c.ti == 0 {
		return false
	}
	switch w := s.toks[c.ti-1].lower; {
	case w == "he" || w == "she" || w == "they" || w == "it":
	case c.ti >= 2 && s.toks[c.ti-2].lower == "the" && (x.words.is(w, "official") || x.words.is(w, "office")):
		// "the spokesman", "the minister": the speaker named before.
	default:
		return false
	}
	if c.govTimex != nil || c.govOcc != nil || x.irrealis(s, c.cs, c.ce) {
		return false
	}
	for k := max(c.cs, 0); k+1 < c.ce && k+1 < len(s.toks); k++ {
		if w := s.toks[k].lower; w == "going" && s.toks[k+1].lower == "to" || strings.HasPrefix(w, "intend") {
			return false // a plan announced is news of its own
		}
	}
	for _, o := range s.cands {
		if o != c && !o.drop && o.ti >= c.cs && o.ti < c.ce {
			return false
		}
	}
	if c.cs < c.ce && c.ce <= len(s.toks) {
		lo, hi := s.toks[c.cs].start, s.toks[c.ce-1].end
		if i := d.timexesFrom(lo); i < len(d.timexes) && d.timexes[i].Span.Start < hi {
			return false
		}
	}
	return true
}

// currencyOf reports whether the country mention m only names a currency
// ("10 million US dollars", "Hong Kong dollars"): no actor.
func currencyOf(m actors.Mention, body string) bool {
	if m.Kind != actors.KindCountry {
		return false
	}
	rest := strings.TrimLeft(body[m.Span.End:min(len(body), m.Span.End+12)], " ")
	for _, c := range []string{"dollar", "cent", "yuan", "euro", "yen", "pound", "rupee", "franc", "peso", "shekel", "dinar", "riyal", "rouble", "ruble"} {
		if strings.HasPrefix(strings.ToLower(rest), c) {
			return true
		}
	}
	return false
}

// isDateline reports whether m lies in a wire dateline ("LIMA (AP)_", "LIMA,
// Paraguay (AP)_"), which names the place of the report and its agency, no actor.
func isDateline(m actors.Mention, sp timeline.Span, body string) bool {
	if end := datelineEnd(body, sp); end > sp.Start {
		return m.Span.Start < end
	}
	if m.Span.Start-sp.Start > 2 || len(m.Text) < 4 || strings.ToUpper(m.Text) != m.Text {
		return false
	}
	// "LIMA, May 3 (Xinhua) --", not "NATO invited ...".
	rest := strings.TrimLeft(body[m.Span.End:sp.End], " ")
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "_")
}

func triggerText(s *sentence, c *cand) string {
	return s.toksText(c.ti, c.tj)
}

func (s *sentence) toksText(i, j int) string {
	if i >= j {
		return ""
	}
	return strings.Join(func() []string {
		var w []string
		for _, t := range s.toks[i:j] {
			w = append(w, t.text)
		}
		return w
	}(), " ")
}

// findTweet recognises an embedded post: text, a dash, a person and "(@handle)".
func (x *Extractor) findTweet(s *sentence, raw []actors.Mention) {
	for i, t := range s.toks {
		if t.word || (t.text != "—" && t.text != "--" && t.text != "–") {
			continue
		}
		at := -1
		for k := i + 1; k < len(s.toks) && k <= i+8; k++ {
			if strings.HasPrefix(s.toks[k].text, "@") {
				at = k
				break
			}
		}
		if at < 0 {
			continue
		}
		s.tweetAt = i
		for _, m := range raw {
			if m.Span.Start >= t.end && m.Span.Start < s.toks[at].start && m.Kind == actors.KindPerson {
				a := timeline.Actor{Name: m.Actor.Name, Code: codeOf(m)}
				s.author = &a
				break
			}
		}
		if s.author == nil {
			a := timeline.Actor{Name: strings.TrimSpace(s.toksText(i+1, at))}
			s.author = &a
		}
		return
	}
}

// resolveMentions resolves the sentence's mentions in reading order, updating the
// discourse so that "Torres said he ..." resolves "he" to Torres.
func (x *Extractor) resolveMentions(s *sentence, raw []actors.Mention, disc *discourse) {
	ti := 0
	for _, m := range raw {
		for ti < len(s.toks) && s.toks[ti].end <= m.Span.Start {
			ti++
		}
		if ti >= len(s.toks) {
			break
		}
		if s.toks[ti].start < m.Span.Start && !s.compound(ti, m) {
			continue // inside a word: "post-Asuncion" names no actor
		}
		quoted := s.toks[ti].quoted
		if s.tweetAt >= 0 && ti < s.tweetAt {
			quoted = true
		}
		if quoted && m.Kind == actors.KindPronoun && s.author == nil {
			// "I" and "we" in a quotation are the speaker, found with the statement.
			s.mentions = append(s.mentions, mention{Mention: m})
			s.mtok = append(s.mtok, ti)
			continue
		}
		rm := disc.resolve(m, quoted)
		s.mentions = append(s.mentions, rm)
		s.mtok = append(s.mtok, ti)
		if s.tweetAt >= 0 && ti > s.tweetAt {
			continue
		}
		if x.afterPreposition(s, ti) || quoted || m.Kind == actors.KindPronoun && objectPronoun(m.Text) || x.afterVerb(s, ti) {
			disc.noteSeen(rm)
		} else {
			disc.note(rm)
		}
	}
}

// compound reports whether m is the second party of a hyphenated pair whose
// first is the mention before it in the same token ("Uruguay-Paraguay talks",
// "Uruguayan-Paraguayan relations").
func (s *sentence) compound(ti int, m actors.Mention) bool {
	n := len(s.mentions) - 1
	if n < 0 || s.mtok[n] != ti || m.Kind != actors.KindCountry || s.mentions[n].Kind != actors.KindCountry {
		return false
	}
	return m.Span.Start == s.mentions[n].Span.End+1 && m.Span.End <= s.toks[ti].end
}

// afterVerb reports whether a trigger word stands between the clause start and
// token ti: the mention is then the object of that verb ("Torres met the
// Uruguayan president"), not the subject later pronouns refer to.
func (x *Extractor) afterVerb(s *sentence, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-30; k-- { // bounded: a run-on "sentence" stays linear
		t := s.toks[k]
		if t.text == "," || t.text == ";" || t.word && x.words.is(t.lower, "boundary") {
			return false
		}
		if t.word {
			if e, _ := x.lex.match(s.toks, k); e != nil && e.class != classNoun && e.class != classCtx && e.class != classNone {
				return true
			}
		}
	}
	return false
}

// objectPronoun reports whether a pronoun can only be an object ("him", "them"),
// so that it never becomes the subject later pronouns refer to.
func objectPronoun(p string) bool {
	switch strings.ToLower(p) {
	case "him", "her", "them", "us", "me":
		return true
	}
	return false
}

// afterPreposition reports whether the mention at token ti is the object of a
// preposition ("with the Uruguayan president"): such a mention is no subject.
func (x *Extractor) afterPreposition(s *sentence, ti int) bool {
	for k := ti - 1; k >= 0 && k >= ti-4; k-- {
		t := s.toks[k]
		if t.lower == "and" || t.lower == "or" {
			continue // "from Uruguay and Paraguay"
		}
		if !t.word || x.words.is(t.lower, "boundary") {
			return false
		}
		if x.words.is(t.lower, "preposition") {
			return true
		}
	}
	return false
}

// findTriggers matches the lexicon over the sentence, longest match first.
func (x *Extractor) findTriggers(s *sentence, si int) {
	for i := 0; i < len(s.toks); {
		if !s.toks[i].word {
			i++
			continue
		}
		e, end := x.lex.match(s.toks, i)
		if e == nil || s.insideMention(i) && !(e.class == classCtx && end > i+1 && !s.insideMention(end-1) && !s.mentionStartsAt(end-1)) {
			// Inside a name a word triggers nothing, unless a gathering's name
			// runs past it ("the cabinet meeting").
			i++
			continue
		}
		if s.tweetAt >= 0 && i > s.tweetAt {
			break
		}
		if e.class == classNone {
			i = end // "heart attack": the trigger word inside asserts nothing
			continue
		}
		if e.class == classVerb && (i > 0 && s.toks[i-1].lower == "'s" || i > 1 && s.toks[i-2].lower == "'s" && s.toks[i-1].word || x.nominal(s, i)) {
			// "the minister's current visit", "the Uruguayan visit": after a
			// possessive or a determiner and a name the word is a noun.
			if n, nend := x.lex.matchClass(s.toks, i, classNoun); n != nil && nend == end {
				e = n
			}
		}
		c := &cand{sent: si, ti: i, tj: end, e: e, code: e.code, srcMent: -1}
		c.tweet = s.tweetAt >= 0
		s.cands = append(s.cands, c)
		i = end
	}
}

// nominal reports whether the word at token i follows a determiner and a
// capitalised modifier ("the Uruguayan offer", "a Paraguayan visit"), which make
// it a noun rather than a verb.
func (x *Extractor) nominal(s *sentence, i int) bool {
	if i < 2 {
		return false
	}
	switch s.toks[i-2].lower {
	case "the", "a", "an":
	default:
		return false
	}
	// A demonym ("Uruguayan", "Paraguayan"), not a name that may be the subject
	// ("the U.S. condemned", "the UN said").
	m := s.mentionFrom(i - 1)
	if m >= len(s.mtok) || s.mtok[m] != i-1 || s.mentions[m].Kind != actors.KindCountry {
		return false
	}
	w := s.mentions[m].Text
	return !strings.Contains(w, " ") && w != s.mentions[m].Actor.Name && strings.ToUpper(w) != w
}

// unknownPerson returns the last private person the sentence names whom the
// dictionary does not know, after any person it does know: two or three
// capitalised words outside every mention, with a private role in apposition
// ("Jan Novak, an analyst") or before them ("defence lawyer Ana Torres"). Its
// code is empty: statements it makes are no political actor's.
func (x *Extractor) unknownPerson(s *sentence) *timeline.Actor {
	capital := func(k int) bool { return x.capitalName(s, k) }
	var found *timeline.Actor
	lastKnown := -1
	for m := range s.mentions {
		if s.mentions[m].person && s.mentions[m].Kind != actors.KindPronoun {
			lastKnown = s.mtok[m]
		}
	}
	for k := 0; k+1 < len(s.toks); k++ {
		if !capital(k) || !capital(k+1) || k > 0 && capital(k-1) {
			continue
		}
		end := k + 2
		if end < len(s.toks) && capital(end) {
			end++
		}
		if end < len(s.toks) && capital(end) || k < lastKnown {
			continue // a longer run is a title or an organisation, not a name
		}
		if k > 0 && (s.insideMention(k-1) || s.mentionStartsAt(k-1)) {
			continue // the name of a titled mention ("foreign ministry spokesman Luis Torres")
		}
		private := func(j int) bool {
			return j >= 0 && j < len(s.toks) && (x.words.is(s.toks[j].lower, "private") || x.words.is(s.toks[j].lower, "counsel"))
		}
		// A private role says so: "Jan Novak, an analyst at ...", "defence
		// lawyer Ana Torres". A bare name may be the official the story has
		// just named by title ("Luis Torres told reporters").
		person := private(k - 1)
		if end+1 < len(s.toks) && s.toks[end].text == "," {
			for j := end + 1; j < len(s.toks) && j <= end+4 && s.toks[j].word; j++ {
				person = person || private(j)
			}
		}
		if person {
			found = &timeline.Actor{Name: s.toks[k].text + " " + s.toks[end-1].text}
		}
	}
	return found
}

// mentionStartsAt reports whether an actor mention starts at token i.
func (s *sentence) mentionStartsAt(i int) bool {
	m := s.mentionFrom(i)
	return m < len(s.mtok) && s.mtok[m] == i
}

// insideMention reports whether token i lies within an actor mention ("Security
// Council", "Organization of American States") other than at its first word.
func (s *sentence) insideMention(i int) bool { return s.covering(i) >= 0 }

// dropShadowed removes a diplomatic event in the sentence of a context event over
// the same trigger.
func dropShadowed(evs []timeline.Event) []timeline.Event {
	ctx := make(map[int]bool)
	for _, e := range evs {
		if e.Kind == timeline.KindContext {
			ctx[e.Trigger.Start] = true
		}
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Kind != timeline.KindContext && ctx[e.Trigger.Start] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// build turns a candidate into an event, or reports that it is not one.
func (x *Extractor) build(doc *timeline.Document, s *sentence, c *cand, d *dater) (timeline.Event, bool) {
	body := doc.Body
	trig := timeline.TextOf(body, timeline.Span{Start: s.toks[c.ti].start, End: s.toks[c.tj-1].end})
	ev := timeline.Event{
		Doc:      doc.ID,
		Sentence: timeline.TextOf(body, s.span),
		Trigger:  trig,
		Kind:     timeline.KindDiplomatic,
		CAMEO:    c.code,
		Status:   c.status,
		Source:   c.src,
		Target:   c.tgt,
	}
	switch c.e.class {
	case classCtx:
		if c.govTimex == nil && c.govOcc == nil {
			return ev, false
		}
		ev.Kind, ev.CAMEO, ev.Source, ev.Target = timeline.KindContext, "", nil, nil
	case classNoun:
		if c.src == nil && c.tgt == nil && c.govTimex == nil || c.src == nil && (c.code == "13" || c.code == "06") {
			return ev, false
		}
		if c.src == nil && c.govTimex == nil && c.code < "13" {
			// "aid should not be a condition for talks": a cooperative act no one
			// does at no time is a topic.
			return ev, false
		}
		if c.src == nil && c.tgt == nil && c.code == "01" {
			// "ahead of an expected announcement", "Monday's announcement":
			// a statement named by a noun, by no one and to no one, is
			// no actor's act the story reports.
			return ev, false
		}
	default:
		if !actorKnown(s, c) {
			return ev, false
		}
	}
	d.date(&ev, s, c)
	if ev.Kind == timeline.KindContext && ev.Status == timeline.StatusOccurred && !ev.Earliest.IsZero() && d.after(ev.Earliest) {
		ev.Status = timeline.StatusPlanned
	}
	ev.Confidence = confidence(c, &ev)
	ev.ID = timeline.MakeID(doc.ID, trig.Span(), ev.CAMEO)
	return ev, true
}

// actorKnown reports whether an act (neither a noun nor a context) has an
// actor that makes it an event: a political actor, or the author of a tweet.
// A named person the dictionary does not code (a banker, a golfer) is no
// political actor; an uncoded collective ("the international community") is.
func actorKnown(s *sentence, c *cand) bool {
	switch {
	case c.tweet:
		return true
	case c.src == nil:
		// Force against a political actor is an event even when the text does
		// not know who used it ("gunmen ambushed a military convoy"): EVENTS.md
		// codes unknown perpetrators null.
		return violent(c.code) && c.tgt != nil && c.tgt.Code != "" && !c.tgtGuessed && c.byPerpetrator
	}
	return c.src.Code != "" || c.srcMent >= 0 && s.mentions[c.srcMent].Kind == actors.KindGroup
}

// violent reports whether code is a root of coercion or force (CAMEO 17-20).
func violent(code string) bool { return code >= "17" && code <= "20" }

func confidence(c *cand, ev *timeline.Event) float64 {
	conf := map[string]float64{classSay: 0.7, classVerb: 0.7, classIntent: 0.7, classNoun: 0.55, classCtx: 0.6}[c.e.class]
	if ev.Source == nil {
		conf -= 0.15
	}
	if ev.Anchor == timeline.AnchorExplicit || ev.Anchor == timeline.AnchorGazetteer {
		conf += 0.1
	}
	return min(max(conf, 0.05), 0.95)
}

// day is midnight UTC of t's calendar day.
func day(t time.Time) time.Time { return timeline.Day(t) }
