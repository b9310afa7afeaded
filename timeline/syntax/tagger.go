package syntax

import (
	"slices"
)

// The tagger is a greedy left-to-right averaged perceptron over joint tags, a
// Universal POS tag and a Penn tag together ("NOUN NN", "ADP IN"), so that the
// two never disagree. Its features are those of Collins (2002) and Honnibal's
// tagger: the word, its prefixes and suffixes, its shape, the words around it
// and the two tags before it. Frequent words that always take one tag get it
// from a dictionary without being scored.

// tagTemplate numbers the tagger's feature templates.
const (
	tBias uint64 = iota + 1
	tWord
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tFlags
	tPrevWord
	tPrev2Word
	tNextWord
	tNext2Word
	tPrevSuf3
	tNextSuf3
	tNextShape
	tPrevTag
	tPrev2Tag
	tPrevTags
	tPrevTagWord
	tPrevWordWord
	tWordNextWord
	tPrevTagSuf3
	tNextFlags
	tPrevTagNextWord
	tAmb
	tNextAmb
	tNext2Amb
	tPrevTagAmb
	tAmbNextAmb
	tGuess
	tNextGuess
	tNext2Guess
	tNextGuesses
	tPrevTagNextGuess
	tWordNextGuess
	tPrevGuess
	tSuf5
	tPrevNextWord
	tPrevTagFlags
	tPrevShape
	tFormFirst
	tPre4
)

var (
	hStart = hashString("\x00<s>")
	hEnd   = hashString("\x00</s>")
)

// noTag stands for the tag before the first word.
const noTag = 255

// tagLexicon is what the tagger knows of words from its training data.
type tagLexicon struct {
	dict map[string]int     // normalised form -> class, for frequent unambiguous words
	amb  map[string][]uint8 // normalised form -> the classes it takes (frequent words)
	ambH map[string]uint64  // the same as a hash, for features
}

// tagger tags in two passes: the first gives every word a tag from the left
// context only; the second sees those tags on the right as well.
type tagger struct {
	lex    *tagLexicon
	first  *weights
	second *weights
}

func (lx *tagLexicon) ambOf(ws []word, i int) uint64 {
	if i < 0 {
		return hStart
	}
	if i >= len(ws) {
		return hEnd
	}
	if a, ok := lx.ambH[ws[i].norm]; ok {
		return a
	}
	return ws[i].shape
}

// features appends the features of word i, given the two tags before it and,
// in the second pass, the first pass's tags (guess, nil in the first pass).
func (lx *tagLexicon) features(ws []word, guess []int, i, p1, p2 int, buf []uint64) []uint64 {
	buf = tagFeatures(ws, i, p1, p2, buf)
	a, a1, a2 := lx.ambOf(ws, i), lx.ambOf(ws, i+1), lx.ambOf(ws, i+2)
	buf = append(buf,
		feat1(tAmb, a),
		feat1(tNextAmb, a1),
		feat1(tNext2Amb, a2),
		feat2(tPrevTagAmb, uint64(p1), a),
		feat2(tAmbNextAmb, a, a1),
	)
	if guess != nil {
		g := func(j int) uint64 {
			if j < 0 {
				return noTag + 1
			}
			if j >= len(guess) {
				return noTag + 2
			}
			return uint64(guess[j])
		}
		g0, g1, g2 := g(i), g(i+1), g(i+2)
		buf = append(buf,
			feat1(tGuess, g0),
			feat1(tNextGuess, g1),
			feat1(tNext2Guess, g2),
			feat2(tNextGuesses, g1, g2),
			feat2(tPrevTagNextGuess, uint64(p1), g1),
			feat2(tWordNextGuess, ws[i].h, g1),
			feat1(tPrevGuess, g(i-1)),
		)
	}
	return buf
}

func tagFeatures(ws []word, i, p1, p2 int, buf []uint64) []uint64 {
	w := &ws[i]
	n := w.norm
	buf = append(buf,
		feat1(tBias, 0),
		feat1(tWord, w.h),
		feat1(tForm, hashString(w.form)),
		feat1(tSuf1, hashString(suffix(n, 1))),
		feat1(tSuf2, hashString(suffix(n, 2))),
		feat1(tSuf3, hashString(suffix(n, 3))),
		feat1(tSuf4, hashString(suffix(n, 4))),
		feat1(tPre1, hashString(prefix(n, 1))),
		feat1(tPre2, hashString(prefix(n, 2))),
		feat1(tPre3, hashString(prefix(n, 3))),
		feat1(tShape, w.shape),
		feat1(tFlags, w.flags),
		feat1(tPrevTag, uint64(p1)),
		feat2(tPrev2Tag, uint64(p2), 0),
		feat2(tPrevTags, uint64(p1), uint64(p2)),
		feat2(tPrevTagWord, uint64(p1), w.h),
	)
	prev, prev2, next, next2 := hStart, hStart, hEnd, hEnd
	prevSuf, nextSuf, nextShape, nextFlags := hStart, hEnd, hEnd, uint64(1<<10)
	if i > 0 {
		prev = ws[i-1].h
		prevSuf = hashString(suffix(ws[i-1].norm, 3))
	}
	if i > 1 {
		prev2 = ws[i-2].h
	}
	if i+1 < len(ws) {
		next = ws[i+1].h
		nextSuf = hashString(suffix(ws[i+1].norm, 3))
		nextShape = ws[i+1].shape
		nextFlags = ws[i+1].flags
	}
	if i+2 < len(ws) {
		next2 = ws[i+2].h
	}
	suf3 := hashString(suffix(n, 3))
	buf = append(buf,
		feat1(tPrevWord, prev),
		feat1(tPrev2Word, prev2),
		feat1(tNextWord, next),
		feat1(tNext2Word, next2),
		feat1(tPrevSuf3, prevSuf),
		feat1(tNextSuf3, nextSuf),
		feat1(tNextShape, nextShape),
		feat2(tPrevWordWord, prev, w.h),
		feat2(tWordNextWord, w.h, next),
		feat2(tPrevTagSuf3, uint64(p1), suf3),
		feat1(tNextFlags, nextFlags),
		feat2(tPrevTagNextWord, uint64(p1), next),
	)
	{
		prevShape := hStart
		if i > 0 {
			prevShape = ws[i-1].shape
		}
		buf = append(buf,
			feat1(tSuf5, hashString(suffix(n, 5))),
			feat2(tPrevNextWord, prev, next),
			feat2(tPrevTagFlags, uint64(p1), w.flags),
			feat1(tPrevShape, prevShape),
			feat2(tFormFirst, hashString(w.form), w.flags&flagFirst),
			feat1(tPre4, hashString(prefix(n, 4))),
		)
	}
	return buf
}

// tagScratch is what tagging one sentence needs, reused between sentences.
type tagScratch struct {
	feats  []uint64
	scores votes
	guess  []int
}

// tag writes the class of each word into out.
func (t *tagger) tag(ws []word, out []int, sc *tagScratch) {
	if t.second == nil {
		t.lex.pass(t.first, ws, nil, out, sc)
		return
	}
	sc.guess = slices.Grow(sc.guess[:0], len(ws))[:len(ws)]
	t.lex.pass(t.first, ws, nil, sc.guess, sc)
	t.lex.pass(t.second, ws, sc.guess, out, sc)
}

// pass tags the words with one model, left to right.
func (lx *tagLexicon) pass(m *weights, ws []word, guess, out []int, sc *tagScratch) {
	p1, p2 := noTag, noTag
	for i := range ws {
		c, ok := lx.dict[ws[i].norm]
		if !ok {
			sc.feats = lx.features(ws, guess, i, p1, p2, sc.feats[:0])
			clear(sc.scores[:])
			m.score(sc.feats, &sc.scores)
			c = argmax(sc.scores[:m.nclass])
		}
		out[i] = c
		p1, p2 = c, p1
	}
}

func argmax(scores []int32) int {
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}

// tagSentence is a training sentence for the tagger.
type tagSentence struct {
	forms []string
	tags  []int // gold classes
	guess []int // the first pass's classes, for training the second
}

// countTags counts the classes each normalised form takes.
func countTags(sents []tagSentence) map[string]map[int]int {
	counts := map[string]map[int]int{}
	for _, s := range sents {
		for i, f := range s.forms {
			n := normalize(f)
			if counts[n] == nil {
				counts[n] = map[int]int{}
			}
			counts[n][s.tags[i]]++
		}
	}
	return counts
}

// newTagLexicon finds the frequent words that (nearly) always take one tag,
// which the tagger then does not score, and the tags of the words seen at
// least three times, each tag taken at least 5% of the time.
func newTagLexicon(sents []tagSentence) *tagLexicon {
	lx := &tagLexicon{dict: map[string]int{}, amb: map[string][]uint8{}}
	for w, byTag := range countTags(sents) {
		total, best, bestTag := 0, 0, 0
		for tag, c := range byTag {
			total += c
			if c > best || c == best && tag < bestTag {
				best, bestTag = c, tag
			}
		}
		if total >= 20 && float64(best) >= 0.97*float64(total) {
			lx.dict[w] = bestTag
		}
		if total >= 3 {
			var tags []uint8
			for tag, c := range byTag {
				if float64(c) >= 0.05*float64(total) {
					tags = append(tags, uint8(tag))
				}
			}
			slices.Sort(tags)
			lx.amb[w] = tags
		}
	}
	lx.hashAmb()
	return lx
}

func (lx *tagLexicon) hashAmb() {
	lx.ambH = make(map[string]uint64, len(lx.amb))
	for w, tags := range lx.amb {
		h := uint64(0x51)
		for _, tag := range tags {
			h = mix(h ^ uint64(tag))
		}
		lx.ambH[w] = h
	}
}

// trainPass trains one pass of the tagger for the given number of epochs,
// visiting the sentences in an order shuffled by seed; second says whether it
// is the second pass, which reads the sentences' guesses.
func trainPass(sents []tagSentence, lx *tagLexicon, nclass, epochs int, seed uint64, second bool) *weights {
	p := newPerceptron(nclass)
	r := rng{s: seed}
	var ws []word
	var feats []uint64
	scores := make([]int32, nclass)
	for range epochs {
		for _, si := range r.perm(len(sents)) {
			s := sents[si]
			var guess []int
			if second {
				guess = s.guess
			}
			ws = makeWords(s.forms, ws)
			p1, p2 := noTag, noTag
			for i := range ws {
				pred, ok := lx.dict[ws[i].norm]
				if !ok {
					feats = lx.features(ws, guess, i, p1, p2, feats[:0])
					clear(scores)
					p.score(feats, scores)
					pred = argmax(scores)
					if gold := s.tags[i]; pred != gold {
						p.update(feats, gold, 1)
						p.update(feats, pred, -1)
					}
					p.tick()
				}
				p1, p2 = pred, p1
			}
		}
	}
	return p.average(1)
}

// sortedKeys returns the keys of a map in order: what is saved must not depend
// on map order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
