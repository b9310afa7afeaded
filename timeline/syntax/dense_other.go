//go:build !amd64

package syntax

// addDenseRows adds the dense rows that start at the given offsets of dense
// (each stride weights long) to the scores.
func addDenseRows(sc *votes, dense []int16, offs []uint32, stride int) {
	addDenseRowsGo(sc, dense, offs, stride)
}
