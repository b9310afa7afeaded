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
// where the feature's (class, weight) pairs lie in ents: id<<32 | start<<7 | n.
// Each pair is packed too: class<<16 | uint16(weight). One lookup so touches
// two cache lines at most.
type weights struct {
	nclass int
	mask   uint32
	slots  []uint64
	ents   []uint32
}

// maxRow is the most classes one feature may vote for (7 bits of a slot).
const maxRow = 127

func featID(f uint64) uint32 { return uint32(f >> 32) }

// score adds the votes of the features to scores (len nclass).
func (m *weights) score(feats []uint64, scores []int32) {
	slots, ents, mask := m.slots, m.ents, m.mask
	for _, f := range feats {
		id := featID(f)
		i := id & mask
		for {
			s := slots[i]
			if s == 0 {
				break
			}
			if uint32(s>>32) == id {
				start, n := uint32(s)>>7, uint32(s)&maxRow
				for _, e := range ents[start : start+n] {
					scores[e>>16] += int32(int16(uint16(e)))
				}
				break
			}
			i = (i + 1) & mask
		}
	}
}

// row is one feature's weights while weights are built or saved.
type row struct {
	id  uint32
	cls []uint8
	w   []int16
}

// newWeights builds the lookup table of rows (sorted by id, ids distinct, each
// with 1 to maxRow classes).
func newWeights(nclass int, rows []row) *weights {
	size := 1
	for size < len(rows)*4/3+1 {
		size *= 2
	}
	m := &weights{nclass: nclass, mask: uint32(size - 1), slots: make([]uint64, size)}
	n := 0
	for _, r := range rows {
		n += len(r.cls)
	}
	m.ents = make([]uint32, 0, n)
	for _, r := range rows {
		i := r.id & m.mask
		for m.slots[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = uint64(r.id)<<32 | uint64(len(m.ents))<<7 | uint64(len(r.cls))
		for k, c := range r.cls {
			m.ents = append(m.ents, uint32(c)<<16|uint32(uint16(r.w[k])))
		}
	}
	return m
}

// rows returns the model's rows sorted by id, the form it is saved in.
func (m *weights) rows() []row {
	var out []row
	for _, s := range m.slots {
		if s == 0 {
			continue
		}
		start, n := uint32(s)>>7, uint32(s)&maxRow
		r := row{id: uint32(s >> 32)}
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
	keys := make([]uint64, 0, len(p.index))
	for k, fi := range p.index {
		if int(p.feats[fi].updates) >= minUpdates {
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
	now := float64(max(p.now, 1))
	maxAbs := 0.0
	for _, k := range keys {
		for _, en := range p.feats[p.index[k]].ents {
			total := en.total + int64(en.w)*int64(p.now-en.ts)
			maxAbs = max(maxAbs, math.Abs(float64(total)/now))
		}
	}
	scale := 0.0
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	var rows []row
	vals := make([]float64, p.nclass)
	for i := 0; i < len(keys); {
		id := featID(keys[i])
		clear(vals)
		for ; i < len(keys) && featID(keys[i]) == id; i++ {
			for _, en := range p.feats[p.index[keys[i]]].ents {
				total := en.total + int64(en.w)*int64(p.now-en.ts)
				vals[en.cls] += float64(total) / now
			}
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
			rows = append(rows, r)
		}
	}
	return newWeights(p.nclass, rows)
}
