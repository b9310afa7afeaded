package syntax

import (
	"bytes"
	"slices"
	"testing"
)

// randomRows makes rows sorted by id, of every length from one class to all
// of them, so that the table holds both sparse and dense rows.
func randomRows(r *rng, nclass, n int) []row {
	var rows []row
	id := uint32(0)
	for range n {
		id += 1 + uint32(r.intn(1<<12))
		k := 1 + r.intn(nclass)
		if r.intn(4) == 0 {
			k = 1 + r.intn(min(3, nclass))
		}
		rw := row{id: id}
		for _, c := range r.perm(nclass)[:k] {
			rw.cls = append(rw.cls, uint8(c))
		}
		// Classes in order, as training writes them.
		for i := range rw.cls {
			for j := i + 1; j < len(rw.cls); j++ {
				if rw.cls[j] < rw.cls[i] {
					rw.cls[i], rw.cls[j] = rw.cls[j], rw.cls[i]
				}
			}
		}
		for range rw.cls {
			w := int16(r.intn(65535) - 32767)
			if w == 0 {
				w = 1
			}
			rw.w = append(rw.w, w)
		}
		rows = append(rows, rw)
	}
	return rows
}

// The lookup table scores features as a plain map of rows does, whatever
// the number of classes, the mix of dense and sparse rows, features missing
// from the model and batches of any length; and it gives back the rows it
// was built from.
func TestWeightsScore(t *testing.T) {
	r := rng{s: 7}
	for _, nclass := range []int{1, 5, 24, 103, maxRow} {
		rows := randomRows(&r, nclass, 3000)
		rs := newRowSet(0)
		for _, rw := range rows {
			rs.add(rw.id, rw.cls, rw.w)
		}
		m := newWeights(nclass, rs)
		byID := map[uint32]row{}
		for _, rw := range rows {
			byID[rw.id] = rw
		}
		for trial := range 50 {
			var feats []uint64
			for range r.intn(300) {
				id := rows[r.intn(len(rows))].id
				if r.intn(5) == 0 {
					id = uint32(r.next()) // most likely not in the model
				}
				feats = append(feats, uint64(id)<<32|uint64(uint32(r.next())))
			}
			var want, got votes
			for _, f := range feats {
				if rw, ok := byID[featID(f)]; ok {
					for k, c := range rw.cls {
						want[c] += int32(rw.w[k])
					}
				}
			}
			m.score(feats, &got)
			if got != want {
				t.Fatalf("%d classes, trial %d: scores differ\ngot  %v\nwant %v", nclass, trial, got[:nclass], want[:nclass])
			}
		}
		back := m.rows()
		if len(back) != len(rows) {
			t.Fatalf("%d classes: %d rows back of %d", nclass, len(back), len(rows))
		}
		for i := range rows {
			if back[i].id != rows[i].id || !bytes.Equal(back[i].cls, rows[i].cls) || !equalInt16(back[i].w, rows[i].w) {
				t.Fatalf("%d classes: row %d back as %+v, was %+v", nclass, i, back[i], rows[i])
			}
		}
	}
}

func equalInt16(a, b []int16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The vector code adds dense rows as the plain loop does.
func TestAddDenseRows(t *testing.T) {
	r := rng{s: 3}
	for _, stride := range []int{8, 104, 128} {
		dense := make([]int16, 50*stride)
		for i := range dense {
			dense[i] = int16(r.intn(65536) - 32768)
		}
		for _, n := range []int{0, 1, 7, 64} {
			offs := make([]uint32, n)
			for i := range offs {
				offs[i] = uint32(r.intn(50) * stride)
			}
			var got, want votes
			for c := range got {
				got[c] = int32(c) - 60
				want[c] = got[c]
			}
			addDenseRows(&got, dense, offs, stride)
			addDenseRowsGo(&want, dense, offs, stride)
			if got != want {
				t.Errorf("stride %d, %d rows: got %v, want %v", stride, n, got, want)
			}
		}
	}
}

// The embedded model, loaded into the lookup tables and saved again, gives
// back the same content: the tables lose nothing.
func TestEmbeddedModelLossless(t *testing.T) {
	var buf bytes.Buffer
	if err := model(t).Save(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gunzip(t, buf.Bytes()), gunzip(t, embedded)) {
		t.Error("the loaded model saves other content than the embedded file")
	}
}

// The mean of perceptrons scores as the mean of their scores: a feature one
// model never updated counts as zero in it, and one perceptron alone gives its
// own average.
func TestAverageOf(t *testing.T) {
	const nclass = 4
	fa, fb, fc := uint64(1)<<32|1, uint64(2)<<32|2, uint64(3)<<32|3
	a, b := newPerceptron(nclass), newPerceptron(nclass)
	// a: feature fa for class 0 and fc against class 3, both kept for two
	// instances; b: fa for class 1 and fb for class 2, for one instance of two.
	a.update([]uint64{fa}, 0, 1)
	a.update([]uint64{fc}, 3, -1)
	a.tick()
	a.tick()
	b.update([]uint64{fa}, 1, 1)
	b.update([]uint64{fb}, 2, 1)
	b.tick()
	b.update([]uint64{fa}, 1, -1)
	b.update([]uint64{fb}, 2, -1)
	b.tick()
	score := func(w *weights, f uint64) []int32 {
		var v votes
		w.score([]uint64{f}, &v)
		return v[:nclass]
	}
	single, mean := a.average(1), averageOf([]*perceptron{a, b}, 1)
	for _, tc := range []struct {
		w    *weights
		f    uint64
		want []int32
	}{
		// a alone: weights 1 and -1, scaled to the largest.
		{single, fa, []int32{32767, 0, 0, 0}},
		{single, fc, []int32{0, 0, 0, -32767}},
		{single, fb, []int32{0, 0, 0, 0}},
		// The mean: fa is 1/2 for class 0 (a) and 1/4 for class 1 (b, half the
		// time), fb 1/4 for class 2 (b only), fc -1/2 for class 3 (a only).
		{mean, fa, []int32{32767, 16384, 0, 0}},
		{mean, fb, []int32{0, 0, 16384, 0}},
		{mean, fc, []int32{0, 0, 0, -32767}},
	} {
		if got := score(tc.w, tc.f); !slices.Equal(got, tc.want) {
			t.Errorf("feature %x: got %v, want %v", tc.f, got, tc.want)
		}
	}
}
