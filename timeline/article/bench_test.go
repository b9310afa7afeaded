package article_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/timelinehq/timeline/timeline/article"
)

// BenchmarkReadSilver reads the 1,200 silver TimeML articles as ingest does
// (../shared, which users' machines do not have): the files are read into
// memory first, so the figure is the parsing alone.
func BenchmarkReadSilver(b *testing.B) {
	files, err := filepath.Glob("../../../shared/corpora/silver/*.tml")
	if err != nil || len(files) == 0 {
		b.Skip("no silver corpus at ../../../shared/corpora/silver (../shared absent): skipping")
	}
	var size int64
	data := make([][]byte, len(files))
	for i, f := range files {
		if data[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
		size += int64(len(data[i]))
	}
	b.SetBytes(size)
	for b.Loop() {
		for i, f := range files {
			if _, errs := article.Parse(f, data[i], nil); len(errs) > 0 {
				b.Fatalf("%s: %v", f, errs[0])
			}
		}
	}
}
