package syntax

import (
	"cmp"
	"math"
	"slices"
)

// Features are 64-bit hashes of a template number and the values it reads
// (word hashes, tag and label numbers): nothing is formatted into strings, so
// extracting a feature costs a few multiplications.

const (
	mulA = 0x9e3779b97f4a7c15
	mulB = 0xbf58476d1ce4e5b9
	mulC = 0x94d049bb133111eb
)

// mix is the splitmix64 finaliser: every input bit reaches every output bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= mulB
	x ^= x >> 27
	x *= mulC
	x ^= x >> 31
	return x
}

func feat1(t, a uint64) uint64       { return mix(t*mulA ^ a) }
func feat2(t, a, b uint64) uint64    { return mix(mix(t*mulA^a) ^ b) }
func feat3(t, a, b, c uint64) uint64 { return mix(mix(mix(t*mulA^a)^b) ^ c) }

// hashString is FNV-1a over the bytes of s, mixed: the word part of features.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix(h)
}

// weights is a trained linear model, read-only: for each feature the classes it
// votes for and by how much. A feature is known by 32 bits of its hash (the
// id); the table is open-addressed on the id, and each slot packs the id with
// where the feature's votes lie: id<<32 | start<<7 | n. Most features vote for
// a few classes; their (class, weight) pairs lie in ents from start on, each
// packed as class<<16 | uint16(weight). The few features that vote for many
// classes (a tag, a relation, a pair of tags: they are also the ones met at
// nearly every step, and they carry most of the votes) have a dense row of
// weights instead, one per class, row number start of dense; their slot says
// n = 0. Dense rows are added without looking up classes, with vector
// instructions where the processor has them (see addDenseRows). start has 25
// bits: a model holds fewer than 2^25 pairs and 2^25 dense rows.
type weights struct {
	nclass  int
	mask    uint32
	slots   []uint64
	ents    []uint32
	dense   []int16 // rows of stride weights
	stride  int     // nclass rounded up to a multiple of 8, for the vector code
	touched uint64  // see newWeights
}

// maxRow is the most classes one feature may vote for (7 bits of a slot).
const maxRow = 127

// denseFrom is the number of classes from which a row is kept dense: a dense
// row costs 2 bytes for each class of the model, a sparse one 4 for each
// class it votes for.
const denseFrom = 12

func featID(f uint64) uint32 { return uint32(f >> 32) }

// score adds the votes of the features to sc.
//
// The table is larger than the processor's caches, so many lookups miss them;
// done one after the other, each would wait for memory in turn (a branch on a
// loaded slot stalls everything behind it). So the features are looked up in
// batches, in phases: first every feature's home slot is read; then the
// probes are finished (their slots are in cache by then), the rows found are
// sorted into sparse and dense ones, and the first entry of each is read;
// only then are the votes added. The loads of a phase are independent, so the
// processor has many misses in flight at once.
func (m *weights) score(feats []uint64, sc *votes) (touched uint64) {
	var b lookupBatch
	for len(feats) > 0 {
		fs := feats[:min(len(feats), batchSize)]
		feats = feats[len(fs):]
		m.home(fs, &b)
		m.find(fs, &b)
		touched += m.sort(len(fs), &b)
		for _, s := range b.sparse[:b.nsparse] {
			start, n := s>>7, s&maxRow
			addVotes(sc, m.ents[start:start+n])
		}
		if b.nrows > 0 {
			addDenseRows(sc, m.dense, b.rows[:b.nrows], m.stride)
		}
	}
	// The sum of the touched entries is returned only so that the reads
	// that bring them into cache are not optimised away.
	return touched
}

const batchSize = 64

// lookupBatch is what score keeps of a batch of features: their home slots,
// then the rows found, sparse and dense apart.
type lookupBatch struct {
	found          [batchSize]uint64
	rows, sparse   [batchSize]uint32
	nrows, nsparse int
}

// home reads the home slot of each feature. The work of score is split into
// small functions (home, find, sort) so that the compiler keeps each loop's
// few values in registers.
//
//go:noinline
func (m *weights) home(fs []uint64, b *lookupBatch) {
	slots, mask := m.slots, m.mask
	for k, f := range fs {
		b.found[k&(batchSize-1)] = slots[featID(f)&mask]
	}
}

// find finishes the probes: found then holds each feature's slot, 0 for a
// feature not in the model.
//
//go:noinline
func (m *weights) find(fs []uint64, b *lookupBatch) {
	slots, mask := m.slots, m.mask
	for k, f := range fs {
		id := featID(f)
		s := b.found[k&(batchSize-1)]
		for i := id & mask; s != 0 && uint32(s>>32) != id; {
			i = (i + 1) & mask
			s = slots[i]
		}
		b.found[k&(batchSize-1)] = s
	}
}

// sort sorts the rows found into dense and sparse ones, without a branch
// (which would go at random): each is written at the end of both lists, and
// only one list grows. It reads the first entry of each sparse row, to bring
// it into cache.
//
//go:noinline
func (m *weights) sort(n int, b *lookupBatch) (touched uint64) {
	ents, stride := m.ents, uint32(m.stride)
	last := uint32(len(ents) - 1)
	nrows, nsparse := 0, 0
	for _, s := range b.found[:n] {
		start := uint32(s) >> 7
		touched += uint64(ents[min(start, last)])
		b.rows[nrows&(batchSize-1)] = start * stride
		b.sparse[nsparse&(batchSize-1)] = uint32(s)
		p := int((uint32(s)&maxRow + maxRow) >> 7) // n != 0
		nsparse += p
		nrows += int((s|-s)>>63) &^ p // s != 0 && n == 0
	}
	b.nrows, b.nsparse = nrows, nsparse
	return touched
}

// votes holds the scores of the classes: it has a place for every class number
// a vote can name, so that adding votes checks no bounds.
type votes [maxRow + 1]int32

// addVotes adds a feature's (class, weight) pairs to the scores.
func addVotes(scores *votes, es []uint32) {
	for _, e := range es {
		scores[(e>>16)&maxRow] += int32(int16(uint16(e)))
	}
}

// addDenseRowsGo adds the dense rows that start at the given offsets of dense
// to the scores: what addDenseRows does where there are no vector
// instructions.
func addDenseRowsGo(scores *votes, dense []int16, offs []uint32, stride int) {
	for _, off := range offs {
		for c, w := range dense[off : int(off)+stride] {
			scores[c&maxRow] += int32(w)
		}
	}
}

// row is one feature's weights while weights are built or saved.
type row struct {
	id  uint32
	cls []uint8
	w   []int16
}

// rowSet holds rows in a few flat arrays, row i being id[i] with the classes
// cls[off[i]:off[i+1]] and their weights w[off[i]:off[i+1]]: a model of a
// million rows is loaded without two small allocations per row, which would
// double the memory a process takes while it loads.
type rowSet struct {
	id  []uint32
	off []int
	cls []uint8
	w   []int16
}

func newRowSet(capacity int) *rowSet {
	rs := &rowSet{id: make([]uint32, 0, capacity), off: make([]int, 1, capacity+1)}
	return rs
}

func (rs *rowSet) add(id uint32, cls []uint8, w []int16) {
	rs.id = append(rs.id, id)
	rs.cls = append(rs.cls, cls...)
	rs.w = append(rs.w, w...)
	rs.off = append(rs.off, len(rs.cls))
}

func (rs *rowSet) len() int { return len(rs.id) }

// row returns row i, its slices into the set's arrays.
func (rs *rowSet) row(i int) row {
	a, b := rs.off[i], rs.off[i+1]
	return row{id: rs.id[i], cls: rs.cls[a:b:b], w: rs.w[a:b:b]}
}

// newWeights builds the lookup table of rows (sorted by id, ids distinct, each
// with 1 to maxRow classes).
func newWeights(nclass int, rows *rowSet) *weights {
	// At most three slots in eight are taken: a lookup then mostly ends at
	// its home slot, and the branch that ends the probe mostly goes one way
	// (with two slots in three taken, EWT dev was tagged and parsed about a
	// tenth slower, through mispredicted probes).
	size := 1
	for size < rows.len()*8/3+1 {
		size *= 2
	}
	m := &weights{nclass: nclass, mask: uint32(size - 1), slots: tableOf[uint64](size), stride: (nclass + 7) &^ 7}
	n, nd := 0, 0
	for i := range rows.len() {
		if r := rows.row(i); len(r.cls) >= denseFrom {
			nd++
		} else {
			n += len(r.cls)
		}
	}
	// One entry past the rows, so that ents is never empty: score reads an
	// entry of every feature, found or not.
	m.ents = tableOf[uint32](n + 1)[:0]
	m.dense = tableOf[int16](nd * m.stride)[:0]
	// Rows with more classes come first (a counting sort, in id order for
	// each length): a feature that votes for many classes took part in many
	// updates, so it is a frequent one; frequent rows side by side share
	// cache lines and stay in cache, and inserted first they sit in their
	// home slots.
	var first [maxRow + 2]int
	for i := range rows.len() {
		first[maxRow-len(rows.row(i).cls)+1]++
	}
	for i := 1; i < len(first); i++ {
		first[i] += first[i-1]
	}
	byLen := make([]int32, rows.len())
	for i := range rows.len() {
		k := maxRow - len(rows.row(i).cls)
		byLen[first[k]] = int32(i)
		first[k]++
	}
	// The rows are read, and their home slots found, in that order, which
	// is random in both; done one after the other, each read would wait for
	// memory in turn. So they are taken in blocks, in phases whose reads
	// are independent (see score): first the rows' ids and offsets, then
	// their home slots and weights, then the insertion, in the same order,
	// so the table is the same.
	var touched uint64
	for len(byLen) > 0 {
		block := byLen[:min(len(byLen), 16)]
		byLen = byLen[len(block):]
		var at [16]int
		for k, ri := range block {
			at[k] = rows.off[ri]
			touched += uint64(rows.id[ri])
		}
		for k, ri := range block {
			touched += m.slots[rows.id[ri]&m.mask] + uint64(rows.cls[min(at[k], len(rows.cls)-1)])
		}
		for _, ri := range block {
			m.insert(rows.row(int(ri)))
		}
	}
	m.ents = append(m.ents, 0)
	// The sum is kept only so that the reads are not optimised away.
	m.touched = touched
	return m
}

// insert puts row r in the table, at the first free slot from its home.
func (m *weights) insert(r row) {
	i := r.id & m.mask
	for m.slots[i] != 0 {
		i = (i + 1) & m.mask
	}
	if len(r.cls) >= denseFrom {
		start := len(m.dense) / m.stride
		m.dense = append(m.dense, make([]int16, m.stride)...)
		for k, c := range r.cls {
			m.dense[start*m.stride+int(c)] = r.w[k]
		}
		m.slots[i] = uint64(r.id)<<32 | uint64(start)<<7
		return
	}
	m.slots[i] = uint64(r.id)<<32 | uint64(len(m.ents))<<7 | uint64(len(r.cls))
	for k, c := range r.cls {
		m.ents = append(m.ents, uint32(c)<<16|uint32(uint16(r.w[k])))
	}
}

// rows returns the model's rows sorted by id, the form it is saved in. A dense
// row gives back the classes it has a weight for (a zero weight is none:
// training never keeps one).
func (m *weights) rows() []row {
	var out []row
	for _, s := range m.slots {
		if s == 0 {
			continue
		}
		start, n := uint32(s)>>7, uint32(s)&maxRow
		r := row{id: uint32(s >> 32)}
		if n == 0 {
			d := int(start) * m.stride
			for c, w := range m.dense[d : d+m.nclass] {
				if w != 0 {
					r.cls = append(r.cls, uint8(c))
					r.w = append(r.w, w)
				}
			}
		}
		for _, e := range m.ents[start : start+n] {
			r.cls = append(r.cls, uint8(e>>16))
			r.w = append(r.w, int16(uint16(e)))
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b row) int { return cmp.Compare(a.id, b.id) })
	return out
}

// perceptron is an averaged perceptron being trained. Weights are integers
// (each update is +1 or -1), so training is exact and the same data in the same
// order gives the same model on any machine. Averages are kept lazily: an
// entry's running total is brought up to date only when its weight changes.
type perceptron struct {
	nclass int
	index  map[uint64]int32 // feature -> its number in feats
	feats  []featInfo
	now    int32 // number of training instances seen
}

type featInfo struct {
	ents    []entry // one per class the feature has been updated for
	updates int32   // how often the feature took part in an update
}

type entry struct {
	w     int32
	cls   uint8
	ts    int32 // instance at which total was last brought up to date
	total int64 // sum of w over the instances before ts
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{nclass: nclass, index: make(map[uint64]int32)}
}

// score adds the current (not averaged) votes of feats to scores.
func (p *perceptron) score(feats []uint64, scores []int32) {
	for _, f := range feats {
		fi, ok := p.index[f]
		if !ok {
			continue
		}
		for _, e := range p.feats[fi].ents {
			scores[e.cls] += e.w
		}
	}
}

// tick marks the end of one training instance.
func (p *perceptron) tick() { p.now++ }

// update adds delta to the weight of class cls for every feature.
func (p *perceptron) update(feats []uint64, cls int, delta int32) {
	for _, f := range feats {
		fi, ok := p.index[f]
		if !ok {
			fi = int32(len(p.feats))
			p.feats = append(p.feats, featInfo{})
			p.index[f] = fi
		}
		info := &p.feats[fi]
		info.updates++
		k := -1
		for i := range info.ents {
			if int(info.ents[i].cls) == cls {
				k = i
				break
			}
		}
		if k < 0 {
			k = len(info.ents)
			info.ents = append(info.ents, entry{cls: uint8(cls), ts: p.now})
		}
		e := &info.ents[k]
		e.total += int64(e.w) * int64(p.now-e.ts)
		e.ts = p.now
		e.w += delta
	}
}

// pruneBelow is the smallest scaled weight kept: averages under 1/128 of the
// largest weigh little against the hundred-odd features of a decision, and
// dropping them halves the model (on EWT dev the parse scores move by less
// than 0.001).
const pruneBelow = 256

// average returns the averaged weights as a read-only model. Averages are
// scaled to int16 by one factor for the whole model (which keeps the argmax);
// those under pruneBelow after scaling are dropped, and so are features that
// took part in fewer than minUpdates updates (rare features mostly fit noise).
// Features whose hashes share an id are merged.
func (p *perceptron) average(minUpdates int) *weights {
	return averageOf([]*perceptron{p}, minUpdates)
}

// averageOf returns the mean of the averaged weights of perceptrons trained on
// the same data in different orders (see average). The models are linear, so
// the mean scores every decision as the mean of the models' scores: an
// ensemble that costs no more to run than one model.
func averageOf(ps []*perceptron, minUpdates int) *weights {
	nclass := ps[0].nclass
	var keys []uint64
	for _, p := range ps {
		for k := range p.index {
			keys = append(keys, k)
		}
	}
	// Sorted by id, then by the full hash, so that merging is in a fixed order.
	slices.SortFunc(keys, func(a, b uint64) int {
		if c := cmp.Compare(featID(a), featID(b)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	keys = slices.Compact(keys)
	keys = slices.DeleteFunc(keys, func(k uint64) bool {
		n := 0
		for _, p := range ps {
			if fi, ok := p.index[k]; ok {
				n += int(p.feats[fi].updates)
			}
		}
		return n < minUpdates
	})
	// add adds the mean over the models of feature k's averaged weights to
	// vals, class by class.
	add := func(k uint64, vals []float64) {
		for _, p := range ps {
			fi, ok := p.index[k]
			if !ok {
				continue
			}
			now := float64(max(p.now, 1))
			for _, en := range p.feats[fi].ents {
				total := en.total + int64(en.w)*int64(p.now-en.ts)
				vals[en.cls] += float64(total) / now / float64(len(ps))
			}
		}
	}
	vals := make([]float64, nclass)
	maxAbs := 0.0
	for _, k := range keys {
		clear(vals)
		add(k, vals)
		for _, v := range vals {
			maxAbs = max(maxAbs, math.Abs(v))
		}
	}
	scale := 0.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	rows := newRowSet(0)
	for i := 0; i < len(keys); {
		id := featID(keys[i])
		clear(vals)
		for ; i < len(keys) && featID(keys[i]) == id; i++ {
			add(keys[i], vals)
		}
		r := row{id: id}
		for c, v := range vals {
			q := math.Round(v * scale)
			if math.Abs(q) < pruneBelow {
				continue
			}
			r.cls = append(r.cls, uint8(c))
			r.w = append(r.w, int16(max(-32767, min(32767, q))))
		}
		if len(r.cls) > 0 {
			rows.add(r.id, r.cls, r.w)
		}
	}
	return newWeights(nclass, rows)
}
