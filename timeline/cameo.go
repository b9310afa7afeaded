package timeline

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// Root describes a CAMEO root event code.
type Root struct {
	Code      string
	Name      string
	Goldstein float64
	QuadClass int
	PLOVER    string // empty where the root has no PLOVER type
}

//go:embed data/cameo.tsv
var cameoTSV string

var roots = mustParseRoots(cameoTSV)

// CAMEORoot returns the description of a root code ("01".."20").
func CAMEORoot(code string) (Root, bool) {
	r, ok := roots[code]
	return r, ok
}

func mustParseRoots(data string) map[string]Root {
	m, err := parseRoots(data)
	if err != nil {
		panic(err) // the table is embedded: a parse error is a build defect
	}
	return m
}

func parseRoots(data string) (map[string]Root, error) {
	m := make(map[string]Root)
	sc := bufio.NewScanner(strings.NewReader(data))
	header := true
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("cameo.tsv:%d: want 5 fields, got %d", n, len(f))
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			return nil, fmt.Errorf("cameo.tsv:%d: goldstein: %w", n, err)
		}
		q, err := strconv.Atoi(f[3])
		if err != nil {
			return nil, fmt.Errorf("cameo.tsv:%d: quad class: %w", n, err)
		}
		r := Root{Code: f[0], Name: f[1], Goldstein: g, QuadClass: q}
		if f[4] != "-" {
			r.PLOVER = f[4]
		}
		m[r.Code] = r
	}
	return m, sc.Err()
}
