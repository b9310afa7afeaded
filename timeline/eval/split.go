package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The splits of a gold events folder. DEVTEST.txt in the folder names the files
// kept for measurement: rules and data are developed on the rest (the training
// split) and only scored on these, so that their figures say how the tool does on
// articles nobody tuned it to.
const (
	SplitAll     = "all"
	SplitTrain   = "train"
	SplitDevtest = "devtest"
)

// DevtestFile is the list of held-out files, one file name (with or without
// .json) a line, in the gold folder.
const DevtestFile = "DEVTEST.txt"

// Devtest reads the held-out file names of a gold folder, keyed by document file
// stem ("AFP_ENG_19970401.0099"). A folder without DEVTEST.txt has none: ok is
// false.
func Devtest(dir string) (stems map[string]bool, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, DevtestFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("eval: read split: %w", err)
	}
	stems = map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		stems[strings.TrimSuffix(line, ".json")] = true
	}
	return stems, true, nil
}

// IsDevtest reports whether a gold document is in the held-out set.
func (d *GoldDoc) IsDevtest(devtest map[string]bool) bool {
	return devtest[strings.TrimSuffix(filepath.Base(d.Path), ".json")]
}

// SelectSplit keeps the gold documents of one split. A split other than "all"
// needs DEVTEST.txt in dir; every name it lists must be a gold file, so that a
// renamed file cannot silently move from the held-out set into training.
func SelectSplit(dir string, docs []GoldDoc, split string) ([]GoldDoc, error) {
	switch split {
	case SplitAll, SplitTrain, SplitDevtest:
	default:
		return nil, fmt.Errorf("eval: unknown split %q: want all, train or devtest", split)
	}
	devtest, ok, err := Devtest(dir)
	if err != nil {
		return nil, err
	}
	if !ok {
		if split == SplitAll {
			return docs, nil
		}
		return nil, fmt.Errorf("eval: split %s: no %s in %s", split, DevtestFile, dir)
	}
	seen := map[string]bool{}
	var out []GoldDoc
	for _, d := range docs {
		held := d.IsDevtest(devtest)
		if held {
			seen[strings.TrimSuffix(filepath.Base(d.Path), ".json")] = true
		}
		if split == SplitAll || held == (split == SplitDevtest) {
			out = append(out, d)
		}
	}
	for stem := range devtest {
		if !seen[stem] {
			return nil, fmt.Errorf("eval: %s names %s, which is not a gold file in %s", DevtestFile, stem, dir)
		}
	}
	return out, nil
}

// SplitFiles returns the paths of the gold files of one split of dir, for
// tests and tools that read the files themselves.
func SplitFiles(dir, split string) ([]string, error) {
	all, err := LoadGold(dir)
	if err != nil {
		return nil, err
	}
	docs, err := SelectSplit(dir, all, split)
	if err != nil {
		return nil, err
	}
	files := make([]string, len(docs))
	for i, d := range docs {
		files[i] = d.Path
	}
	return files, nil
}
