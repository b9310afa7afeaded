package syntax

import "golang.org/x/sys/cpu"

// hasAVX2 says whether the processor (and the system) can run the AVX2 code.
var hasAVX2 = cpu.X86.HasAVX2

// addDenseAVX2 adds n dense rows of chunks*8 int16 weights each, the rows
// starting at offs[0..n-1] (in weights from dense), to the int32 scores sc,
// eight classes at a time. n and chunks are at least 1, chunks at most 16,
// and every row lies inside dense.
//
//go:noescape
func addDenseAVX2(sc *votes, dense *int16, offs *uint32, n, chunks int)

// addDense104AVX2 is addDenseAVX2 for rows of 104 weights (13 chunks), the
// width of the models trained here (102 and 103 classes), with the scores
// kept in registers.
//
//go:noescape
func addDense104AVX2(sc *votes, dense *int16, offs *uint32, n int)

// addDenseRows adds the dense rows that start at the given offsets of dense
// (each stride weights long, stride a multiple of 8) to the scores.
func addDenseRows(sc *votes, dense []int16, offs []uint32, stride int) {
	if !hasAVX2 || len(offs) == 0 {
		addDenseRowsGo(sc, dense, offs, stride)
		return
	}
	for _, off := range offs {
		if int(off)+stride > len(dense) {
			panic("syntax: dense row out of range")
		}
	}
	if stride == 104 {
		addDense104AVX2(sc, &dense[0], &offs[0], len(offs))
		return
	}
	addDenseAVX2(sc, &dense[0], &offs[0], len(offs), stride/8)
}
