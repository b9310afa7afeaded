//go:build !linux

package syntax

// tableOf returns a zeroed slice of n elements for a table of the model (see
// huge_linux.go: only Linux is asked for huge pages).
func tableOf[T any](n int) []T { return make([]T, n) }
