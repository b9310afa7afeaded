package eval

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// sharedDir locates the shared folder beside the project (../../../shared from
// this package), or skips the test: the project must pass without it.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../shared")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "tools"))
	}
	if err != nil {
		t.Skipf("shared folder not found at ../../../shared (%v): skipping the reference test", err)
	}
	return dir
}

// python returns the python3 interpreter, or skips: the comparison with the
// reference scorers needs it.
func python(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: skipping the comparison with the reference scorer")
	}
	return p
}

// runPython runs the interpreter; a non-zero exit (te3score.py exits 1 when a
// document was skipped) is not an error, its output is what is compared.
func runPython(t *testing.T, py string, args ...string) (stdout, stderr []byte) {
	t.Helper()
	cmd := exec.Command(py, args...)
	var outb, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outb, &errb
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("python3 %v: %v", args, err)
		}
	}
	return outb.Bytes(), errb.Bytes()
}
