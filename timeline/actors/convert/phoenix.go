package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// restriction is one code of a Phoenix actor record: a default code ("[AFG]")
// or a dated one ("[USAGOV >090120]", "[AFGGOV 780427-780430]", "[X <900823]").
// Bounds are inclusive ("or equal", dictionaries.rst); zero is open.
type restriction struct {
	code     string
	from, to time.Time
	dated    bool
}

// record is one actor record: a primary phrase, its "+" synonyms and every code
// given on their lines or on the indented lines after them.
type record struct {
	line  int
	names []string // raw phrases, primary first ("KOFI_ATTA_ANNAN_")
	res   []restriction
}

var restrictionRE = regexp.MustCompile(`\[([^\]]*)\]`)

// parseActors reads a Phoenix .actors file (dictionaries.rst, "Actor
// Dictionary"). Malformed restrictions (a 7-digit date, a day that does not
// exist) are dropped with a warning, as PETRARCH skips them.
func parseActors(name string, r io.Reader) ([]record, []string, error) {
	var recs []record
	var warns []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		raw := sc.Text()
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		res, ws := restrictions(line, where)
		warns = append(warns, ws...)
		phrase := line
		if i := strings.IndexByte(phrase, '['); i >= 0 {
			phrase = phrase[:i]
		}
		phrase = strings.TrimSpace(phrase)
		switch {
		case (raw[0] == '\t' || raw[0] == ' ') && phrase == "":
			if len(recs) == 0 {
				return nil, warns, fmt.Errorf("%s: a date restriction before any actor", where)
			}
			recs[len(recs)-1].res = append(recs[len(recs)-1].res, res...)
		case phrase != "" && phrase[0] == '+':
			if len(recs) == 0 {
				return nil, warns, fmt.Errorf("%s: a synonym before any actor", where)
			}
			rec := &recs[len(recs)-1]
			// A "+" inside a synonym separates two synonyms on one line.
			for _, p := range strings.Split(phrase[1:], "+") {
				if p = strings.TrimSpace(p); p != "" {
					rec.names = append(rec.names, p)
				}
			}
			rec.res = append(rec.res, res...)
		default:
			if phrase == "" {
				if len(recs) == 0 {
					return nil, warns, fmt.Errorf("%s: codes before any actor", where)
				}
				recs[len(recs)-1].res = append(recs[len(recs)-1].res, res...)
				continue
			}
			recs = append(recs, record{line: n, names: []string{phrase}, res: res})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, warns, fmt.Errorf("%s: %w", name, err)
	}
	return recs, warns, nil
}

// stripComment drops a "#" comment (and the legacy TABARI ";" one).
func stripComment(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, " \t\r")
}

// restrictions parses every "[...]" group of a line.
func restrictions(line, where string) ([]restriction, []string) {
	var out []restriction
	var warns []string
	for _, m := range restrictionRE.FindAllStringSubmatch(line, -1) {
		f := strings.Fields(m[1])
		if len(f) == 0 {
			continue
		}
		r := restriction{code: f[0]}
		if rest := strings.Join(f[1:], ""); rest != "" {
			var err error
			r.dated = true
			switch {
			case rest[0] == '>':
				r.from, err = phoenixDate(rest[1:])
			case rest[0] == '<':
				r.to, err = phoenixDate(rest[1:])
			default:
				a, b, ok := strings.Cut(rest, "-")
				if !ok {
					err = fmt.Errorf("no range")
				} else if r.from, err = phoenixDate(a); err == nil {
					r.to, err = phoenixDate(b)
				}
			}
			if err == nil && !r.from.IsZero() && !r.to.IsZero() && r.to.Before(r.from) {
				err = fmt.Errorf("ends before it starts")
			}
			if err != nil {
				warns = append(warns, fmt.Sprintf("%s: restriction [%s] dropped: %v", where, m[1], err))
				continue
			}
		}
		out = append(out, r)
	}
	return out, warns
}

// phoenixDate parses YYMMDD (years 00-30 are 20YY, others 19YY, as KEDS, TABARI
// and PETRARCH read them) or YYYYMMDD. Any other length is an error: PETRARCH
// would read "2004017" as 2020-04-01, which is no date its author meant.
func phoenixDate(s string) (time.Time, error) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return time.Time{}, fmt.Errorf("bad date %q", s)
		}
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y = atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, d = atoi(s[2:4]), atoi(s[4:6])
	case 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	default:
		return time.Time{}, fmt.Errorf("bad date %q: want YYMMDD or YYYYMMDD", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("no such day %q", s)
	}
	return t, nil
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
