//go:build unix

package store

import "golang.org/x/sys/unix"

// writable reports whether this process may write path (a file, or a folder to
// create files in), as the system decides it: the mode bits, the user, and a
// read-only mount.
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}
