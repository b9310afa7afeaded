package syntax

// The parser's features follow Zhang and Nivre (2011), "Transition-based
// dependency parsing with rich non-local features", adapted to arc-hybrid:
// stack words have no head yet, so the word under s0 (s1) and the one under it
// (s2) take the place of s0's head and grandparent. Each template reads words
// (w), tags (p), relations (l) of the stack top s0, s1, s2, the buffer front b0
// and the words after it b1, b2, their leftmost and rightmost children (s0l,
// s0r, b0l ...) and second ones (s0l2 ...), the distance between s0 and b0 and
// between s1 and s0, the number of children on each side (valency), and the
// sets of relations on each side. Beyond those, some templates read what
// holds when the tagger is wrong: the coarse tag (UPOS) alone, the word's
// ending and shape, and the tags the word takes in the training data; and a
// few more word pairs around s0 and b0.

// pctx is what feature extraction reads for one sentence: a hash for each word
// and its tag, ROOT (index n) included.
type pctx struct {
	lex *tagLexicon
	a   []uint64 // the tags the word takes in training (its shape when rare)
	x   []uint64 // the word's ending and shape: what a rare word is known by
	w   []uint64
	p   []uint64
	u   []uint64 // the coarse tag (UPOS) of p
	// coarse maps a tag class to its coarse tag.
	coarse []uint64
}

const (
	nullW = 0x6e756c6c // "null": no such word
	nullP = 254
	nullL = 253
	rootP = 252
)

var hRoot = hashString("\x00ROOT")

// set fills the context for words ws tagged with classes tags.
func (c *pctx) set(ws []word, tags []int) {
	c.w, c.p, c.u, c.x, c.a = c.w[:0], c.p[:0], c.u[:0], c.x[:0], c.a[:0]
	for i := range ws {
		if c.lex != nil {
			c.a = append(c.a, c.lex.ambOf(ws, i))
		} else {
			c.a = append(c.a, 0)
		}
		c.x = append(c.x, mix(hashString(suffix(ws[i].norm, 3))^ws[i].shape))
		c.w = append(c.w, ws[i].h)
		c.p = append(c.p, uint64(tags[i]))
		c.u = append(c.u, c.coarse[tags[i]])
	}
	c.w = append(c.w, hRoot)
	c.p = append(c.p, rootP)
	c.u = append(c.u, rootP)
	c.x = append(c.x, hRoot)
	c.a = append(c.a, hRoot)
}

func (c *pctx) A(i int) uint64 {
	if i < 0 {
		return nullW
	}
	return c.a[i]
}

func (c *pctx) X(i int) uint64 {
	if i < 0 {
		return nullW
	}
	return c.x[i]
}

func (c *pctx) U(i int) uint64 {
	if i < 0 {
		return nullP
	}
	return c.u[i]
}

func (c *pctx) W(i int) uint64 {
	if i < 0 {
		return nullW
	}
	return c.w[i]
}

func (c *pctx) P(i int) uint64 {
	if i < 0 {
		return nullP
	}
	return c.p[i]
}

func label(st *pstate, i int) uint64 {
	if i < 0 {
		return nullL
	}
	return uint64(st.labels[i])
}

func dist(a, b int) uint64 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func child(c []int, i int) int {
	if i < 0 {
		return -1
	}
	return c[i]
}

func count(c []int, i int) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(min(c[i], 8))
}

func set(c []uint64, i int) uint64 {
	if i < 0 {
		return 1 << 63
	}
	return c[i]
}

// Template numbers: each is fixed once a model is trained with it.
const (
	fS0w uint64 = iota + 1
	fS0p
	fS0wp
	fS1w
	fS1p
	fS1wp
	fS2p
	fS2wp
	fB0w
	fB0p
	fB0wp
	fB1w
	fB1p
	fB1wp
	fB2w
	fB2p
	fB2wp
	fB3p
	fS0wpB0wp
	fS0wpB0w
	fS0wB0wp
	fS0wpB0p
	fS0pB0wp
	fS0wB0w
	fS0pB0p
	fB0pB1p
	fS1wpS0wp
	fS1wS0w
	fS1pS0p
	fS1wS0p
	fS1pS0w
	fS1pB0p
	fS1wB0w
	fB0pB1pB2p
	fS0pB0pB1p
	fS1pS0pB0p
	fS2pS1pS0p
	fS0pS0lpB0p
	fS0pS0rpB0p
	fS0pB0pB0lp
	fS1pS1rpS0p
	fS1pS0pS0lp
	fS1pS1lpS0p
	fS1pS0pS0rp
	fS0wD
	fS0pD
	fB0wD
	fB0pD
	fS0wB0wD
	fS0pB0pD
	fS1wD1
	fS1pD1
	fS0wD1
	fS0pD1
	fS1pS0pD1
	fS0wVr
	fS0pVr
	fS0wVl
	fS0pVl
	fB0wVl
	fB0pVl
	fS1wVr
	fS1pVr
	fS1wVl
	fS1pVl
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fB0lw
	fB0lp
	fB0ll
	fS1lw
	fS1lp
	fS1ll
	fS1rw
	fS1rp
	fS1rl
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fB0l2w
	fB0l2p
	fB0l2l
	fS1r2p
	fS1r2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fB0pB0lpB0l2p
	fS1pS1rpS1r2p
	fS0wSr
	fS0pSr
	fS0wSl
	fS0pSl
	fB0wBl
	fB0pBl
	fS1pS1r
	fS1pS1l
	fS0llS0rlS0p
	fS1rlS0p
	fB0llB0p
	fS0pS0rlB0p
	fS0pB0pB0ll
	fS1wpB0wp
	fS2wS1pS0p
	fS0wS0lpB0p
	fS0pS0rwB0p
	fS0pB0pB0lw
	fS0u
	fB0u
	fS1u
	fB1u
	fS0uB0u
	fS1uS0u
	fB0uB1u
	fS0uB0uB1u
	fS1uS0uB0u
	fS2uS1uS0u
	fB0uB1uB2u
	fS0wB0u
	fS0uB0w
	fS1uS0w
	fS1wS0u
	fS0uS0luB0u
	fS0uS0ruB0u
	fS0uB0uB0lu
	fS1uS1ruS0u
	fS0uB0uD
	fS1uS0uD1
	fS0x
	fB0x
	fS1x
	fB1x
	fS0xB0x
	fS0xB0p
	fS0pB0x
	fS1xS0x
	fS0xB0xD
	fS0a
	fB0a
	fB1a
	fS1a
	fS0aB0a
	fS1aS0a
	fS0aB0p
	fS0pB0a
	fB0wB1w
	fB0wB1p
	fB0pB1w
	fS0wB1w
	fS1wB0p
	fS1pB0w
)

// features appends the features of configuration st.
func (c *pctx) features(st *pstate, buf []uint64) []uint64 {
	buf = c.bufferFeatures(st.b, st.n, buf)
	return c.stateFeatures(st, buf)
}

// bufferFeatures appends the features that read only the buffer's first
// words (b0 to b3): they stay the same from one move to the next as long as
// b0 does, so the parser scores them once for each b0.
func (c *pctx) bufferFeatures(b0, n int, buf []uint64) []uint64 {
	b1, b2, b3 := -1, -1, -1
	if b0+1 <= n {
		b1 = b0 + 1
	}
	if b0+2 <= n {
		b2 = b0 + 2
	}
	if b0+3 <= n {
		b3 = b0 + 3
	}
	b0w, b0p := c.W(b0), c.P(b0)
	b1w, b1p := c.W(b1), c.P(b1)
	b2w, b2p := c.W(b2), c.P(b2)
	b0u, b1u, b2u := c.U(b0), c.U(b1), c.U(b2)
	return append(buf,
		feat1(fB0w, b0w), feat1(fB0p, b0p), feat1(fB0wp, feat1(0, b0w^b0p)),
		feat1(fB1w, b1w), feat1(fB1p, b1p), feat2(fB1wp, b1w, b1p),
		feat1(fB2w, b2w), feat1(fB2p, b2p), feat2(fB2wp, b2w, b2p),
		feat1(fB3p, c.P(b3)),
		feat2(fB0pB1p, b0p, b1p),
		feat3(fB0pB1pB2p, b0p, b1p, b2p),
		feat1(fB0u, b0u), feat1(fB1u, b1u),
		feat2(fB0uB1u, b0u, b1u),
		feat3(fB0uB1uB2u, b0u, b1u, b2u),
		feat1(fB0x, c.X(b0)), feat1(fB1x, c.X(b1)),
		feat1(fB0a, c.A(b0)), feat1(fB1a, c.A(b1)),
		feat2(fB0wB1w, b0w, b1w),
		feat2(fB0wB1p, b0w, b1p),
		feat2(fB0pB1w, b0p, b1w),
	)
}

// stateFeatures appends the features that read the stack or the arcs made.
func (c *pctx) stateFeatures(st *pstate, buf []uint64) []uint64 {
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	b0, b1 := st.b, -1
	if b0+1 <= st.n {
		b1 = b0 + 1
	}
	s0w, s0p := c.W(s0), c.P(s0)
	s1w, s1p := c.W(s1), c.P(s1)
	s2w, s2p := c.W(s2), c.P(s2)
	b0w, b0p := c.W(b0), c.P(b0)
	b1w, b1p := c.W(b1), c.P(b1)

	s0l, s0r, b0l := child(st.lc1, s0), child(st.rc1, s0), child(st.lc1, b0)
	s1l, s1r := child(st.lc1, s1), child(st.rc1, s1)
	s0l2, s0r2, b0l2 := child(st.lc2, s0), child(st.rc2, s0), child(st.lc2, b0)
	s1r2 := child(st.rc2, s1)
	s0lp, s0rp, b0lp := c.P(s0l), c.P(s0r), c.P(b0l)
	s1lp, s1rp := c.P(s1l), c.P(s1r)
	s0ll, s0rl, b0ll := label(st, s0l), label(st, s0r), label(st, b0l)
	s1ll, s1rl := label(st, s1l), label(st, s1r)

	d := dist(s0, b0)
	d1 := dist(s1, s0)
	s0wp, s1wp, b0wp := feat1(0, s0w^s0p), feat1(0, s1w^s1p), feat1(0, b0w^b0p)

	buf = append(buf,
		feat1(fS0w, s0w), feat1(fS0p, s0p), feat1(fS0wp, s0wp),
		feat1(fS1w, s1w), feat1(fS1p, s1p), feat1(fS1wp, s1wp),
		feat1(fS2p, s2p), feat2(fS2wp, s2w, s2p),

		feat2(fS0wpB0wp, s0wp, b0wp),
		feat2(fS0wpB0w, s0wp, b0w),
		feat2(fS0wB0wp, s0w, b0wp),
		feat2(fS0wpB0p, s0wp, b0p),
		feat2(fS0pB0wp, s0p, b0wp),
		feat2(fS0wB0w, s0w, b0w),
		feat2(fS0pB0p, s0p, b0p),
		feat2(fS1wpS0wp, s1wp, s0wp),
		feat2(fS1wS0w, s1w, s0w),
		feat2(fS1pS0p, s1p, s0p),
		feat2(fS1wS0p, s1w, s0p),
		feat2(fS1pS0w, s1p, s0w),
		feat2(fS1pB0p, s1p, b0p),
		feat2(fS1wB0w, s1w, b0w),

		feat3(fS0pB0pB1p, s0p, b0p, b1p),
		feat3(fS1pS0pB0p, s1p, s0p, b0p),
		feat3(fS2pS1pS0p, s2p, s1p, s0p),
		feat3(fS0pS0lpB0p, s0p, s0lp, b0p),
		feat3(fS0pS0rpB0p, s0p, s0rp, b0p),
		feat3(fS0pB0pB0lp, s0p, b0p, b0lp),
		feat3(fS1pS1rpS0p, s1p, s1rp, s0p),
		feat3(fS1pS0pS0lp, s1p, s0p, s0lp),
		feat3(fS1pS1lpS0p, s1p, s1lp, s0p),
		feat3(fS1pS0pS0rp, s1p, s0p, s0rp),

		feat2(fS0wD, s0w, d),
		feat2(fS0pD, s0p, d),
		feat2(fB0wD, b0w, d),
		feat2(fB0pD, b0p, d),
		feat3(fS0wB0wD, s0w, b0w, d),
		feat3(fS0pB0pD, s0p, b0p, d),
		feat2(fS1wD1, s1w, d1),
		feat2(fS1pD1, s1p, d1),
		feat2(fS0wD1, s0w, d1),
		feat2(fS0pD1, s0p, d1),
		feat3(fS1pS0pD1, s1p, s0p, d1),

		feat2(fS0wVr, s0w, count(st.nr, s0)),
		feat2(fS0pVr, s0p, count(st.nr, s0)),
		feat2(fS0wVl, s0w, count(st.nl, s0)),
		feat2(fS0pVl, s0p, count(st.nl, s0)),
		feat2(fB0wVl, b0w, count(st.nl, b0)),
		feat2(fB0pVl, b0p, count(st.nl, b0)),
		feat2(fS1wVr, s1w, count(st.nr, s1)),
		feat2(fS1pVr, s1p, count(st.nr, s1)),
		feat2(fS1wVl, s1w, count(st.nl, s1)),
		feat2(fS1pVl, s1p, count(st.nl, s1)),

		feat1(fS0lw, c.W(s0l)), feat1(fS0lp, s0lp), feat1(fS0ll, s0ll),
		feat1(fS0rw, c.W(s0r)), feat1(fS0rp, s0rp), feat1(fS0rl, s0rl),
		feat1(fB0lw, c.W(b0l)), feat1(fB0lp, b0lp), feat1(fB0ll, b0ll),
		feat1(fS1lw, c.W(s1l)), feat1(fS1lp, s1lp), feat1(fS1ll, s1ll),
		feat1(fS1rw, c.W(s1r)), feat1(fS1rp, s1rp), feat1(fS1rl, s1rl),
		feat1(fS0l2w, c.W(s0l2)), feat1(fS0l2p, c.P(s0l2)), feat1(fS0l2l, label(st, s0l2)),
		feat1(fS0r2w, c.W(s0r2)), feat1(fS0r2p, c.P(s0r2)), feat1(fS0r2l, label(st, s0r2)),
		feat1(fB0l2w, c.W(b0l2)), feat1(fB0l2p, c.P(b0l2)), feat1(fB0l2l, label(st, b0l2)),
		feat1(fS1r2p, c.P(s1r2)), feat1(fS1r2l, label(st, s1r2)),
		feat3(fS0pS0lpS0l2p, s0p, s0lp, c.P(s0l2)),
		feat3(fS0pS0rpS0r2p, s0p, s0rp, c.P(s0r2)),
		feat3(fB0pB0lpB0l2p, b0p, b0lp, c.P(b0l2)),
		feat3(fS1pS1rpS1r2p, s1p, s1rp, c.P(s1r2)),

		feat2(fS0wSr, s0w, set(st.rset, s0)),
		feat2(fS0pSr, s0p, set(st.rset, s0)),
		feat2(fS0wSl, s0w, set(st.lset, s0)),
		feat2(fS0pSl, s0p, set(st.lset, s0)),
		feat2(fB0wBl, b0w, set(st.lset, b0)),
		feat2(fB0pBl, b0p, set(st.lset, b0)),
		feat2(fS1pS1r, s1p, set(st.rset, s1)),
		feat2(fS1pS1l, s1p, set(st.lset, s1)),

		feat3(fS0llS0rlS0p, s0ll, s0rl, s0p),
		feat2(fS1rlS0p, s1rl, s0p),
		feat2(fB0llB0p, b0ll, b0p),
		feat3(fS0pS0rlB0p, s0p, s0rl, b0p),
		feat3(fS0pB0pB0ll, s0p, b0p, b0ll),
		feat2(fS1wpB0wp, s1wp, b0wp),
		feat3(fS2wS1pS0p, s2w, s1p, s0p),
		feat3(fS0wS0lpB0p, s0w, s0lp, b0p),
		feat3(fS0pS0rwB0p, s0p, c.W(s0r), b0p),
		feat3(fS0pB0pB0lw, s0p, b0p, c.W(b0l)),
	)
	{
		s0u, s1u, s2u, b0u, b1u := c.U(s0), c.U(s1), c.U(s2), c.U(b0), c.U(b1)
		buf = append(buf,
			feat1(fS0u, s0u), feat1(fS1u, s1u),
			feat2(fS0uB0u, s0u, b0u),
			feat2(fS1uS0u, s1u, s0u),
			feat3(fS0uB0uB1u, s0u, b0u, b1u),
			feat3(fS1uS0uB0u, s1u, s0u, b0u),
			feat3(fS2uS1uS0u, s2u, s1u, s0u),
			feat2(fS0wB0u, s0w, b0u),
			feat2(fS0uB0w, s0u, b0w),
			feat2(fS1uS0w, s1u, s0w),
			feat2(fS1wS0u, s1w, s0u),
			feat3(fS0uS0luB0u, s0u, c.U(s0l), b0u),
			feat3(fS0uS0ruB0u, s0u, c.U(s0r), b0u),
			feat3(fS0uB0uB0lu, s0u, b0u, c.U(b0l)),
			feat3(fS1uS1ruS0u, s1u, c.U(s1r), s0u),
			feat3(fS0uB0uD, s0u, b0u, d),
			feat3(fS1uS0uD1, s1u, s0u, d1),
		)
	}
	{
		s0x, b0x, s1x := c.X(s0), c.X(b0), c.X(s1)
		buf = append(buf,
			feat1(fS0x, s0x), feat1(fS1x, s1x),
			feat2(fS0xB0x, s0x, b0x),
			feat2(fS0xB0p, s0x, b0p),
			feat2(fS0pB0x, s0p, b0x),
			feat2(fS1xS0x, s1x, s0x),
			feat3(fS0xB0xD, s0x, b0x, d),
		)
	}
	{
		s0a, b0a, s1a := c.A(s0), c.A(b0), c.A(s1)
		buf = append(buf,
			feat1(fS0a, s0a), feat1(fS1a, s1a),
			feat2(fS0aB0a, s0a, b0a),
			feat2(fS1aS0a, s1a, s0a),
			feat2(fS0aB0p, s0a, b0p),
			feat2(fS0pB0a, s0p, b0a),
		)
	}
	{
		buf = append(buf,
			feat2(fS0wB1w, s0w, b1w),
			feat2(fS1wB0p, s1w, b0p),
			feat2(fS1pB0w, s1p, b0w),
		)
	}
	return buf
}
