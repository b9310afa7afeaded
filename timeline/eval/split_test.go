package eval

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSelectSplit(t *testing.T) {
	dir := t.TempDir()
	docs := []GoldDoc{
		{Doc: "a", Path: filepath.Join(dir, "a.json")},
		{Doc: "b", Path: filepath.Join(dir, "b.json")},
		{Doc: "c", Path: filepath.Join(dir, "c.json")},
	}
	ids := func(ds []GoldDoc) (s string) {
		for _, d := range ds {
			s += d.Doc
		}
		return s
	}
	// No DEVTEST.txt: "all" is every file, the others are an error.
	if got, err := SelectSplit(dir, docs, SplitAll); err != nil || ids(got) != "abc" {
		t.Errorf("all without a split file = %q, %v", ids(got), err)
	}
	if _, err := SelectSplit(dir, docs, SplitTrain); err == nil {
		t.Error("train without a split file: want an error")
	}
	if err := os.WriteFile(filepath.Join(dir, DevtestFile), []byte("# held out\nb\n\nc.json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for split, want := range map[string]string{SplitAll: "abc", SplitTrain: "a", SplitDevtest: "bc"} {
		got, err := SelectSplit(dir, docs, split)
		if err != nil || ids(got) != want {
			t.Errorf("%s = %q, %v; want %q", split, ids(got), err, want)
		}
	}
	if _, err := SelectSplit(dir, docs, "dev"); err == nil {
		t.Error("unknown split: want an error")
	}
	// A held-out name with no gold file is an error, not a silent move.
	if _, err := SelectSplit(dir, docs[:2], SplitTrain); err == nil {
		t.Error("DEVTEST.txt naming a missing file: want an error")
	}
}

func TestSplitFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b"} {
		body := `{"doc": "` + name + `", "body": "", "events": []}`
		if err := os.WriteFile(filepath.Join(dir, name+".json"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, DevtestFile), []byte("b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := SplitFiles(dir, SplitTrain)
	if err != nil || len(files) != 1 || filepath.Base(files[0]) != "a.json" {
		t.Errorf("SplitFiles(train) = %v, %v; want [a.json]", files, err)
	}
}
