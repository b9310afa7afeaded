//go:build !unix

package store

// writable reports whether this process may write path. Where there is no
// access(2) the answer is left to SQLite, which reports it when it writes.
func writable(string) bool { return true }
