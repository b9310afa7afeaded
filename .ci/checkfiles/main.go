// Command checkfiles fails when the repository tracks a build output: an
// executable binary, or a file over 5 MB that is not data embedded in the
// program (a trained model is data, embedded with go:embed; anything else that
// large is almost surely a build or a dump committed by mistake). Run from the
// repository root by .ci/run: go run ./.ci/checkfiles [ROOT].
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// maxSize is the largest file tracked outside embedded data.
const maxSize = 5 << 20

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	problems, err := check(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "checkfiles:", err)
		os.Exit(2)
	}
	for _, p := range problems {
		fmt.Println(p)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
}

// tracked is a file in the git index.
type tracked struct {
	path string // relative to the root, with slashes
	mode string // "100644", "100755", ...
}

// check returns one line per tracked file that should not be: an executable
// binary (ELF, Mach-O, PE), an executable file that is no script, or a file
// over maxSize that no go:embed directive embeds.
func check(root string) ([]string, error) {
	files, err := lsFiles(root)
	if err != nil {
		return nil, err
	}
	embedded, err := embeddedFiles(root, files)
	if err != nil {
		return nil, err
	}
	var problems []string
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f.path))
		info, err := os.Lstat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the work tree, or a symlink
		}
		head, err := readHead(p)
		if err != nil {
			return nil, err
		}
		switch {
		case isBinary(head):
			problems = append(problems, fmt.Sprintf("%s: an executable binary is tracked (a build output: remove it and ignore it)", f.path))
		case f.mode == "100755" && !bytes.HasPrefix(head, []byte("#!")):
			problems = append(problems, fmt.Sprintf("%s: tracked as executable but is no script", f.path))
		}
		if info.Size() > maxSize && !embedded[f.path] {
			problems = append(problems, fmt.Sprintf("%s: %d bytes, over %d, and not data embedded with go:embed", f.path, info.Size(), maxSize))
		}
	}
	return problems, nil
}

// lsFiles lists the tracked files under root with their modes.
func lsFiles(root string) ([]tracked, error) {
	cmd := exec.Command("git", "ls-files", "-s", "-z")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-files in %s: %w", root, err)
	}
	var files []tracked
	for _, rec := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		if rec == "" {
			continue
		}
		// "<mode> <object> <stage>\t<path>"
		meta, path, ok := strings.Cut(rec, "\t")
		if !ok {
			return nil, fmt.Errorf("git ls-files: unexpected line %q", rec)
		}
		files = append(files, tracked{path: path, mode: strings.Fields(meta)[0]})
	}
	return files, nil
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 4)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return head[:n], nil
}

// isBinary reports whether a file starts as an executable of Linux (ELF), macOS
// (Mach-O, universal) or Windows (PE) does.
func isBinary(head []byte) bool {
	for _, magic := range [][]byte{
		{0x7f, 'E', 'L', 'F'},
		{0xfe, 0xed, 0xfa, 0xce}, {0xfe, 0xed, 0xfa, 0xcf}, // Mach-O, big-endian
		{0xce, 0xfa, 0xed, 0xfe}, {0xcf, 0xfa, 0xed, 0xfe}, // Mach-O, little-endian
		{0xca, 0xfe, 0xba, 0xbe}, // universal binary
		{'M', 'Z'},               // PE
	} {
		if bytes.HasPrefix(head, magic) {
			return true
		}
	}
	return false
}

// embeddedFiles returns the tracked files that a //go:embed directive of a
// tracked Go file names (a pattern, or a directory and what is below it).
func embeddedFiles(root string, files []tracked) (map[string]bool, error) {
	isTracked := make(map[string]bool, len(files))
	for _, f := range files {
		isTracked[f.path] = true
	}
	out := make(map[string]bool)
	for _, f := range files {
		if !strings.HasSuffix(f.path, ".go") {
			continue
		}
		patterns, err := embedPatterns(filepath.Join(root, filepath.FromSlash(f.path)))
		if err != nil {
			return nil, err
		}
		dir := filepath.Dir(filepath.Join(root, filepath.FromSlash(f.path)))
		for _, pat := range patterns {
			matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(pat, "all:"))))
			if err != nil {
				continue // a bad pattern fails the build anyway
			}
			for _, m := range matches {
				err := filepath.Walk(m, func(p string, info os.FileInfo, err error) error {
					if err != nil || info.IsDir() {
						return err
					}
					rel, err := filepath.Rel(root, p)
					if err == nil && isTracked[filepath.ToSlash(rel)] {
						out[filepath.ToSlash(rel)] = true
					}
					return err
				})
				if err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

// embedPatterns returns the patterns of the //go:embed lines of a Go file.
func embedPatterns(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(line, "//go:embed ")
		if !ok {
			continue
		}
		for _, p := range strings.Fields(rest) {
			out = append(out, strings.Trim(p, "\"`"))
		}
	}
	return out, sc.Err()
}
