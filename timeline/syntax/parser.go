package syntax

// The parser is a greedy arc-hybrid transition parser (Kuhlmann, Gómez-Rodríguez
// and Satta 2011) with labelled arcs, scored by an averaged perceptron and
// trained with the dynamic oracle of Goldberg and Nivre (2013), which lets it
// learn to recover from its own mistakes. Two perceptrons are trained, each on
// the sentences in its own order, and their weights averaged: the model is
// linear, so that is an ensemble of the two at the cost of one (EWT dev UAS
// 0.8531 and 0.8506 alone, 0.8546 together).
//
// A configuration is a stack, a buffer (the words from b on, then an artificial
// ROOT after the last word) and the arcs made so far. The transitions are
//
//	SHIFT    push b onto the stack
//	LEFT-l   make b the head of the stack top s0 (relation l) and pop s0
//	RIGHT-l  make s1, the word under s0, the head of s0 and pop s0
//
// ROOT is never shifted. LEFT onto ROOT is allowed only when one word is left on
// the stack, so every sentence gets exactly one root, as UD requires. Once only
// ROOT is left in the buffer, the words still on the stack are headless, and
// any of them may be the sentence's root: LEFT-l then makes s0 the head of s1
// (and removes s1), so that the parser can still attach an early word to a
// later one ("Hundreds of people marched": Hundreds to marched) rather than
// make the first word left over the root. The parse always ends in a
// projective tree, after 2n transitions at most.

const (
	actShift = 0
)

// pstate is a parser configuration over n words; index n is ROOT.
type pstate struct {
	n       int
	stack   []int
	b       int
	inStack []bool
	heads   []int // head of each word, -1 until attached; n for ROOT
	labels  []int
	// leftmost and second leftmost, rightmost and second rightmost children.
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int    // numbers of left and right children
	lset, rset         []uint64 // bit sets of the children's relations
}

func (st *pstate) reset(n int) {
	st.n = n
	st.stack = st.stack[:0]
	st.b = 0
	grow := func(s []int) []int {
		if cap(s) < n+1 {
			s = make([]int, n+1)
		}
		return s[:n+1]
	}
	st.heads, st.labels = grow(st.heads), grow(st.labels)
	st.lc1, st.lc2, st.rc1, st.rc2 = grow(st.lc1), grow(st.lc2), grow(st.rc1), grow(st.rc2)
	st.nl, st.nr = grow(st.nl), grow(st.nr)
	if cap(st.inStack) < n+1 {
		st.inStack = make([]bool, n+1)
		st.lset = make([]uint64, n+1)
		st.rset = make([]uint64, n+1)
	}
	st.inStack, st.lset, st.rset = st.inStack[:n+1], st.lset[:n+1], st.rset[:n+1]
	for i := 0; i <= n; i++ {
		st.heads[i], st.labels[i] = -1, -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = -1, -1, -1, -1
		st.nl[i], st.nr[i] = 0, 0
		st.lset[i], st.rset[i] = 0, 0
		st.inStack[i] = false
	}
}

func (st *pstate) terminal() bool { return len(st.stack) == 0 && st.b == st.n }

// s returns the i-th item from the stack top, -1 if there is none.
func (st *pstate) s(i int) int {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return -1
}

// legal reports which kinds of transition are allowed: shift, left (to a word),
// left onto ROOT, right.
func (st *pstate) legal() (shift, left, leftRoot, right bool) {
	k := len(st.stack)
	shift = st.b < st.n
	left = k >= 1 && st.b < st.n || k >= 2 && st.b == st.n
	leftRoot = k == 1 && st.b == st.n
	right = k >= 2
	return
}

func (st *pstate) attach(h, d, label int) {
	st.heads[d], st.labels[d] = h, label
	if d < h {
		st.lc2[h], st.lc1[h] = st.lc1[h], d
		st.nl[h]++
		st.lset[h] |= 1 << (uint(label) & 63)
	} else {
		st.rc2[h], st.rc1[h] = st.rc1[h], d
		st.nr[h]++
		st.rset[h] |= 1 << (uint(label) & 63)
	}
}

// apply performs action a (0 shift, 1+l left-l, 1+L+l right-l).
func (st *pstate) apply(a, nlabels int) {
	switch {
	case a == actShift:
		st.stack = append(st.stack, st.b)
		st.inStack[st.b] = true
		st.b++
	case a <= nlabels && st.b == st.n && len(st.stack) >= 2:
		// The final phase: s1 gets s0 for head.
		k := len(st.stack)
		s0, s1 := st.stack[k-1], st.stack[k-2]
		st.stack[k-2] = s0
		st.stack = st.stack[:k-1]
		st.inStack[s1] = false
		st.attach(s0, s1, a-1)
	case a <= nlabels:
		s0 := st.pop()
		st.attach(st.b, s0, a-1)
	default:
		s0 := st.pop()
		st.attach(st.s(0), s0, a-1-nlabels)
	}
}

func (st *pstate) pop() int {
	s0 := st.stack[len(st.stack)-1]
	st.stack = st.stack[:len(st.stack)-1]
	st.inStack[s0] = false
	return s0
}

// oracle holds a sentence's gold tree for the dynamic oracle.
type oracle struct {
	heads    []int   // gold head of each word, n for ROOT
	labels   []int   // gold relation of each word
	children [][]int // gold dependents of each word
}

func newOracle(heads, labels []int) *oracle {
	n := len(heads)
	o := &oracle{heads: heads, labels: labels, children: make([][]int, n+1)}
	for d, h := range heads {
		o.children[h] = append(o.children[h], d)
	}
	return o
}

// costs gives the number of gold arcs each kind of transition makes
// unreachable in st (Goldberg and Nivre 2013, arc-hybrid): shift, left and
// right; for left and right also whether the arc made is the gold one.
func (o *oracle) costs(st *pstate) (shift, left, right int, leftGold, rightGold bool) {
	b := st.b
	s0, s1 := st.s(0), st.s(1)
	if b == st.n && s1 >= 0 {
		return o.finalCosts(st, s0, s1)
	}
	if b < st.n {
		// b can no longer take a head from the stack below s0, nor any
		// dependent from the stack.
		if h := o.heads[b]; st.inStack[h] && h != s0 {
			shift++
		}
		for _, d := range o.children[b] {
			if st.inStack[d] {
				shift++
			}
		}
	}
	if s0 >= 0 {
		// Popping s0 loses its dependents still in the buffer.
		deps := 0
		for _, d := range o.children[s0] {
			if d >= b {
				deps++
			}
		}
		h := o.heads[s0]
		left, right = deps, deps
		leftGold = h == b
		rightGold = h == s1
		if h != b && (h == s1 || h > b) {
			left++
		}
		if h >= b {
			right++
		}
	}
	return
}

// finalCosts gives the costs of right and left once only ROOT is left in the
// buffer: the words on the stack can then only take one another, or ROOT, as
// head. Right gives s0 the head s1; left gives s1 the head s0. Each loses the
// gold head of the word it removes when that head could still be reached, and
// the dependents of that word still on the stack.
func (o *oracle) finalCosts(st *pstate, s0, s1 int) (shift, left, right int, leftGold, rightGold bool) {
	reachable := func(h int) bool { return h == st.n || st.inStack[h] }
	for _, d := range o.children[s0] {
		if st.inStack[d] {
			right++
		}
	}
	for _, d := range o.children[s1] {
		if st.inStack[d] {
			left++
		}
	}
	if h := o.heads[s0]; h != s1 && reachable(h) {
		right++
	}
	if h := o.heads[s1]; h != s0 && reachable(h) {
		left++
	}
	return 0, left, right, o.heads[s1] == s0, o.heads[s0] == s1
}

type parser struct {
	lex     *tagLexicon // the tagger's: which tags a word can take
	coarse  []uint64    // tag class -> coarse tag
	w       *weights
	nlabels int
	root    int // the relation "root"
}

// pscratch is what parsing one sentence needs, reused between sentences.
type pscratch struct {
	st       pstate
	ctx      pctx
	feats    []uint64
	scores   votes
	bufVotes votes // of the buffer's features for b0 = bufB
}

// best returns the highest-scoring legal action; ties go to the lowest number.
func best(st *pstate, scores []int32, nlabels, root int) int {
	shift, left, leftRoot, right := st.legal()
	a, bestScore := -1, int32(0)
	try := func(i int) {
		if a < 0 || scores[i] > bestScore {
			a, bestScore = i, scores[i]
		}
	}
	if shift {
		try(actShift)
	}
	if left {
		for l := range nlabels {
			if l != root {
				try(1 + l)
			}
		}
	}
	if leftRoot {
		try(1 + root)
	}
	if right {
		for l := range nlabels {
			if l != root {
				try(1 + nlabels + l)
			}
		}
	}
	return a
}

// parse parses the words ws tagged tags; the tree is left in sc.st (heads,
// with n for ROOT, and labels).
func (p *parser) parse(ws []word, tags []int, sc *pscratch) {
	n := len(ws)
	sc.ctx.coarse, sc.ctx.lex = p.coarse, p.lex
	sc.ctx.set(ws, tags)
	sc.st.reset(n)
	bufB := -1
	for !sc.st.terminal() {
		// With an empty stack the only move is SHIFT, and with one word
		// left and ROOT the only move is to make it the root: a tenth of
		// the moves, not worth scoring.
		switch shift, left, leftRoot, right := sc.st.legal(); {
		case shift && !left && !right:
			sc.st.apply(actShift, p.nlabels)
			continue
		case leftRoot && !shift && !right:
			sc.st.apply(1+p.root, p.nlabels)
			continue
		}
		// The votes of the features of the buffer alone are kept while b0
		// stays (on average for nearly two moves).
		if sc.st.b != bufB {
			bufB = sc.st.b
			sc.feats = sc.ctx.bufferFeatures(bufB, n, sc.feats[:0])
			clear(sc.bufVotes[:])
			p.w.score(sc.feats, &sc.bufVotes)
		}
		sc.feats = sc.ctx.stateFeatures(&sc.st, sc.feats[:0])
		sc.scores = sc.bufVotes
		p.w.score(sc.feats, &sc.scores)
		sc.st.apply(best(&sc.st, sc.scores[:p.w.nclass], p.nlabels, p.root), p.nlabels)
	}
}

// parseSentence is a training sentence for the parser.
type parseSentence struct {
	forms  []string
	tags   []int // tag classes as the tagger gives them
	heads  []int // gold heads, n for ROOT
	labels []int
}

// parserConfig sets the training of the parser.
type parserConfig struct {
	epochs      int
	seed        uint64
	exploreFrom int     // first epoch (0-based) that follows the model's own mistakes
	explore     float64 // how often it then follows them
	minUpdates  int     // features in fewer updates are dropped from the model
	models      int     // perceptrons trained in different orders and averaged
	workers     int     // perceptrons trained at once
	log         func(format string, args ...any)
}

// trainParser trains the parser with the dynamic oracle: at each step the
// model's best action is compared with the best action that loses no more gold
// arcs than any other, and updated when it loses more; from exploreFrom on,
// the parser then usually goes on with its own (possibly wrong) action, so it
// learns what to do after a mistake. cfg.models perceptrons are trained so,
// and averaged (see averageOf).
func trainParser(sents []parseSentence, lex *tagLexicon, coarse []uint64, nlabels, root int, cfg parserConfig) *parser {
	ps := make([]*perceptron, max(cfg.models, 1))
	parallel(len(ps), cfg.workers, func(m int) {
		ps[m] = trainParserModel(sents, lex, coarse, nlabels, root, cfg, m)
	})
	return &parser{w: averageOf(ps, cfg.minUpdates), lex: lex, coarse: coarse, nlabels: nlabels, root: root}
}

// trainParserModel trains the m-th perceptron of the parser, visiting the
// sentences in the order of its own seed.
func trainParserModel(sents []parseSentence, lex *tagLexicon, coarse []uint64, nlabels, root int, cfg parserConfig, m int) *perceptron {
	nclass := 1 + 2*nlabels
	p := newPerceptron(nclass)
	r := rng{s: cfg.seed + uint64(m)}
	var sc pscratch
	sc.ctx.coarse, sc.ctx.lex = coarse, lex
	var ws []word
	scores := make([]int32, nclass)
	cost := make([]int, nclass)
	for epoch := range cfg.epochs {
		errs, steps := 0, 0
		for _, si := range r.perm(len(sents)) {
			s := &sents[si]
			ws = makeWords(s.forms, ws)
			o := newOracle(s.heads, s.labels)
			n := len(ws)
			sc.ctx.set(ws, s.tags)
			st := &sc.st
			st.reset(n)
			for !st.terminal() {
				sc.feats = sc.ctx.features(st, sc.feats[:0])
				clear(scores)
				p.score(sc.feats, scores)
				pred := best(st, scores, nlabels, root)
				// Costs of every legal action; -1 marks illegal ones.
				shiftC, leftC, rightC, leftGold, rightGold := o.costs(st)
				shift, left, leftRoot, right := st.legal()
				for i := range cost {
					cost[i] = -1
				}
				s0 := st.s(0)
				gl, glLeft := -1, -1
				if s0 >= 0 {
					gl, glLeft = o.labels[s0], o.labels[s0]
				}
				if st.b == st.n && st.s(1) >= 0 {
					glLeft = o.labels[st.s(1)] // the final left attaches s1
				}
				if shift {
					cost[actShift] = shiftC
				}
				for l := range nlabels {
					if left && l != root || leftRoot && l == root {
						cost[1+l] = leftC
						if leftGold && l != glLeft {
							cost[1+l]++
						}
					}
					if right && l != root {
						cost[1+nlabels+l] = rightC
						if rightGold && l != gl {
							cost[1+nlabels+l]++
						}
					}
				}
				minC := -1
				for _, c := range cost {
					if c >= 0 && (minC < 0 || c < minC) {
						minC = c
					}
				}
				gold := -1
				for a, c := range cost {
					if c == minC && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				next := gold
				steps++
				if cost[pred] > minC {
					errs++
					p.update(sc.feats, gold, 1)
					p.update(sc.feats, pred, -1)
					if epoch >= cfg.exploreFrom && r.float() < cfg.explore {
						next = pred
					}
				} else {
					next = pred
				}
				p.tick()
				st.apply(next, nlabels)
			}
		}
		if cfg.log != nil {
			cfg.log("parser %d, epoch %d of %d: %.2f%% of transitions wrong", m+1, epoch+1, cfg.epochs, 100*float64(errs)/float64(max(steps, 1)))
		}
	}
	return p
}
