package store

import "time"

// SetBusyTimeout sets the busy timeout of databases opened from now on, so that
// tests of the locked case need not wait the real one out; it returns a function
// restoring the previous value.
func SetBusyTimeout(d time.Duration) (restore func()) {
	old := busyTimeout
	busyTimeout = d
	return func() { busyTimeout = old }
}
