package syntax

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePage is the size of a transparent huge page on amd64 and arm64 Linux.
const hugePage = 2 << 20

// tableOf returns a zeroed slice of n elements for a table of the model that
// lookups reach at random: Linux is asked to back it with huge pages. The
// parser's table is tens of megabytes, thousands of small pages, more than the
// processor's address cache holds, so nearly every lookup would otherwise
// also wait for the page tables to be read. The slice starts on a huge page
// boundary (the pages of the slack before it are never touched, so never
// resident); where the system declines, the pages stay small and nothing else
// changes.
func tableOf[T any](n int) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	if n == 0 || uintptr(n)*size < hugePage {
		return make([]T, n)
	}
	extra := int(hugePage / size)
	buf := make([]T, n+extra)
	p := uintptr(unsafe.Pointer(&buf[0]))
	skip := int((((p + hugePage - 1) &^ (hugePage - 1)) - p) / size)
	s := buf[skip : skip+n : skip+n]
	// Whole huge pages only: madvise wants page-aligned bounds.
	mem := unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), (uintptr(n)*size)&^(hugePage-1))
	if len(mem) > 0 {
		// A refusal (an old kernel, huge pages disabled) costs only speed.
		// Memory the heap had used before is already backed by small
		// pages: giving them back (they read as zeros again, as make left
		// them) lets the first write bring a huge page in.
		if unix.Madvise(mem, unix.MADV_HUGEPAGE) == nil {
			_ = unix.Madvise(mem, unix.MADV_DONTNEED)
		}
	}
	return s
}
