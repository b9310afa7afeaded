package temporal

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A rule's pattern often needs words besides the trigger word its windows are
// made around ("once", "twice" or "times" for a frequency; "in" before a
// duration): a window without one of them cannot match, and a plain search
// for a few literals costs far less than running the pattern. The literals
// are read off the compiled pattern, so they cannot disagree with it.

const (
	// maxLiterals is the most literals in one set worth looking for: a
	// larger set (every unit name) is almost always present.
	maxLiterals = 12
	// minLiteral is the shortest literal worth looking for, but for a
	// punctuation mark ("/" of a date, ":" of a time), rare in prose.
	minLiteral = 2
)

// requiredLiterals returns sets of literals such that every match of the
// pattern holds at least one literal of each set, keeping only sets worth
// searching for (see maxLiterals, minLiteral). The pattern runs on
// lower-cased text, so a literal under case folding is kept only when ASCII
// and lower-cased.
func requiredLiterals(pat string) ([][]string, error) {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, set := range required(re.Simplify()) {
		if worthSearching(set) {
			out = append(out, set)
		}
	}
	return out, nil
}

func worthSearching(set []string) bool {
	if len(set) == 0 || len(set) > maxLiterals {
		return false
	}
	for _, l := range set {
		if len(l) < minLiteral && !(len(l) == 1 && isPunct(l[0])) {
			return false
		}
	}
	return true
}

// required returns sets of literals every match of re holds one of, each
// set (a conjunction of disjunctions); nil when it knows none.
func required(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		l := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 {
			for _, r := range re.Rune {
				if r >= utf8.RuneSelf {
					return nil
				}
			}
			l = strings.ToLower(l)
		}
		return [][]string{{l}}
	case syntax.OpCharClass:
		// A small class of visible ASCII characters ([0-9], [ap]) is a
		// set of one-character literals.
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r >= utf8.RuneSelf || r <= ' ' || len(set) == maxLiterals {
					return nil
				}
				set = append(set, string(r))
			}
		}
		return [][]string{set}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var out [][]string
		for _, sub := range re.Sub {
			out = append(out, required(sub)...)
		}
		return out
	case syntax.OpAlternate:
		// Each alternative must give one set; the union of those sets is
		// required of the whole.
		var union []string
		for _, sub := range re.Sub {
			best := bestSet(required(sub))
			if best == nil {
				return nil
			}
			union = append(union, best...)
		}
		return [][]string{union}
	}
	return nil
}

// bestSet returns the set most worth searching for: the one whose shortest
// literal is longest, of those the smallest; nil when there is none.
func bestSet(sets [][]string) []string {
	var best []string
	bestMin := 0
	for _, set := range sets {
		if len(set) == 0 {
			continue
		}
		m := len(set[0])
		for _, l := range set {
			m = min(m, len(l))
		}
		if best == nil || m > bestMin || m == bestMin && len(set) < len(best) {
			best, bestMin = set, m
		}
	}
	return best
}

// holdsAll reports whether text holds a literal of each set.
func holdsAll(text string, sets [][]string) bool {
	for _, set := range sets {
		found := false
		for _, l := range set {
			if strings.Contains(text, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func isPunct(c byte) bool {
	return c < 0x80 && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')
}

// A match is made of the characters its pattern can read, and each holds a
// literal of each required set. A window is therefore cut where it holds a
// character the pattern cannot read (a comma, a parenthesis, a quotation mark
// for most), and a rule runs only on the pieces that hold its literals: far
// less text than the window, with the same matches, since none crosses a cut
// and a cut, like the window's edge, is no word character to \b.

// alphabet says where a window may be cut for a program: at the bytes that
// are ASCII, no word character, and no character the program reads. None is a
// cut when the program asserts anything but \b, reads any character, or can
// match the empty text.
type alphabet struct {
	cut [256]bool
	any bool // some byte is a cut
}

func alphabetOf(p *syntax.Prog) alphabet {
	var reads [256]bool
	for _, in := range p.Inst {
		switch in.Op {
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg) != syntax.EmptyWordBoundary {
				return alphabet{}
			}
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			return alphabet{}
		case syntax.InstRune1, syntax.InstRune:
			fold := in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0
			rs := in.Rune
			if in.Op == syntax.InstRune1 {
				rs = []rune{in.Rune[0], in.Rune[0]}
			}
			for i := 0; i+1 < len(rs); i += 2 {
				for r := rs[i]; r <= rs[i+1] && r < utf8.RuneSelf; r++ {
					reads[r] = true
					if fold {
						reads[unicode.ToUpper(r)&0x7f], reads[unicode.ToLower(r)&0x7f] = true, true
					}
				}
				if rs[i+1] >= utf8.RuneSelf {
					for b := utf8.RuneSelf; b < 256; b++ {
						reads[b] = true
					}
				}
			}
		}
	}
	if nullable(p) {
		return alphabet{}
	}
	var a alphabet
	for b := 0; b < utf8.RuneSelf; b++ {
		if !reads[b] && !isASCIIWord(byte(b)) {
			a.cut[b], a.any = true, true
		}
	}
	return a
}

// nullable reports whether the program can match without reading a
// character (whatever its assertions say).
func nullable(p *syntax.Prog) bool {
	seen := make([]bool, len(p.Inst))
	var walk func(pc uint32) bool
	walk = func(pc uint32) bool {
		if seen[pc] {
			return false
		}
		seen[pc] = true
		in := &p.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			return true
		case syntax.InstAlt, syntax.InstAltMatch:
			return walk(in.Out) || walk(in.Arg)
		case syntax.InstNop, syntax.InstCapture, syntax.InstEmptyWidth:
			return walk(in.Out)
		}
		return false
	}
	return walk(uint32(p.Start))
}

// findAll is r.re.FindAllStringSubmatchIndex(text, -1), run only on the
// pieces of text that can hold a match (see alphabet).
func (r *rule) findAll(text string) [][]int {
	if !r.alpha.any {
		return r.re.FindAllStringSubmatchIndex(text, -1)
	}
	var out [][]int
	for lo := 0; lo < len(text); {
		hi := lo
		for hi < len(text) && !r.alpha.cut[text[hi]] {
			hi++
		}
		switch {
		case hi == lo || !holdsAll(text[lo:hi], r.allLits):
		case r.starts.ok:
			out = r.findAtStarts(text[lo:hi], lo, out)
		default:
			for _, loc := range r.re.FindAllStringSubmatchIndex(text[lo:hi], -1) {
				for i, x := range loc {
					if x >= 0 {
						loc[i] = x + lo
					}
				}
				out = append(out, loc)
			}
		}
		lo = hi + 1
	}
	return out
}

// pieceFilter returns the alphabet of pat, every set of literals a match
// needs, however large, and where a match can begin.
func pieceFilter(pat string) (alphabet, [][]string, *starts, error) {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return alphabet{}, nil, nil, err
	}
	re = re.Simplify()
	p, err := syntax.Compile(re)
	if err != nil {
		return alphabet{}, nil, nil, err
	}
	var lits [][]string
	for _, set := range required(re) {
		if len(set) > 0 && !slices.Contains(set, "") {
			lits = append(lits, set)
		}
	}
	return alphabetOf(p), lits, startsOf(p), nil
}

// isASCIIWord reports whether c is a word byte to the regexp package's \b.
func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// Inside a piece, a pattern that begins every match at the start of a word
// needs only be tried at the words whose first two bytes can begin a match:
// searching for the leftmost match tries it at every place (each word's start
// and end, where \b holds, costs a walk through the pattern's many optional
// first words), where a match anchored at a few word starts costs a walk at
// each. The first match found so, trying word starts left to right, is the
// leftmost one, and at a word start the anchored pattern sees what the
// pattern sees there (\b holds in both), so the matches are the same.

// starts says where a match of a program can begin.
type starts struct {
	// ok: every match begins at a word start, with an ASCII word byte, and
	// second is what may follow each first byte.
	ok bool
	// second[c] holds, as a bit set over bytes, the bytes that can follow
	// the first byte c of a match (all of them where the match can end
	// after c).
	second [128][4]uint64
}

// startsOf returns where a match of p can begin; ok is false unless every
// path from the start of p asserts \b, and only \b, before it reads an ASCII
// word byte (a folded letter included).
func startsOf(p *syntax.Prog) *starts {
	st := &starts{}
	// The first rune instructions, each reached only after a \b.
	type state struct {
		pc       uint32
		boundary bool
	}
	seen := map[state]bool{}
	var firsts []uint32
	ok := true
	var walk func(pc uint32, boundary bool)
	walk = func(pc uint32, boundary bool) {
		if !ok || seen[state{pc, boundary}] {
			return
		}
		seen[state{pc, boundary}] = true
		in := &p.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out, boundary)
			walk(in.Arg, boundary)
		case syntax.InstNop, syntax.InstCapture:
			walk(in.Out, boundary)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg) != syntax.EmptyWordBoundary {
				ok = false
				return
			}
			walk(in.Out, true)
		case syntax.InstRune, syntax.InstRune1:
			if !boundary {
				ok = false
				return
			}
			firsts = append(firsts, pc)
		default: // a match of nothing, any character, a failure
			ok = false
		}
	}
	walk(uint32(p.Start), false)
	if !ok {
		return st
	}
	for _, pc := range firsts {
		bytes, ascii := runeBytes(&p.Inst[pc])
		if !ascii {
			return st
		}
		var follow [4]uint64
		followers(p, p.Inst[pc].Out, &follow)
		for _, c := range bytes {
			if !isASCIIWord(c) {
				return st
			}
			for k := range follow {
				st.second[c][k] |= follow[k]
			}
		}
	}
	st.ok = true
	return st
}

// runeBytes returns the bytes a rune instruction matches and whether they are
// all it matches (ascii: it matches no other rune, folded or not).
func runeBytes(in *syntax.Inst) (out []byte, ascii bool) {
	rs := in.Rune
	if in.Op == syntax.InstRune1 {
		rs = []rune{in.Rune[0], in.Rune[0]}
	}
	fold := in.Op == syntax.InstRune && syntax.Flags(in.Arg)&syntax.FoldCase != 0
	if in.Op == syntax.InstRune && len(rs) == 1 {
		rs = []rune{rs[0], rs[0]} // a single folded rune
	}
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i+1] >= utf8.RuneSelf {
			return nil, false
		}
		for r := rs[i]; r <= rs[i+1]; r++ {
			out = append(out, byte(r))
			if fold {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if f >= utf8.RuneSelf {
						return nil, false
					}
					out = append(out, byte(f))
				}
			}
		}
	}
	return out, true
}

// followers adds to set the bytes that can come next from pc on, every
// assertion taken to hold; all of them where a match can end there.
func followers(p *syntax.Prog, pc uint32, set *[4]uint64) {
	seen := make(map[uint32]bool)
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := &p.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstNop, syntax.InstCapture, syntax.InstEmptyWidth:
			walk(in.Out)
		case syntax.InstRune, syntax.InstRune1:
			bytes, ascii := runeBytes(in)
			if !ascii {
				// A longer rune: any byte that can start one.
				set[2], set[3] = ^uint64(0), ^uint64(0)
			}
			for _, c := range bytes {
				set[c>>6] |= 1 << (c & 63)
			}
		default: // the end of a match, any character
			*set = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		}
	}
	walk(pc)
}

// can reports whether a match can begin at i of text, a word start: whether
// its first byte can begin one, and the next byte follow it (or, at the end
// of text, a match can be that byte alone: then every byte may follow it).
func (st *starts) can(text string, i int) bool {
	next := &st.second[text[i]&0x7f]
	if i+1 == len(text) {
		return next[0]|next[1]|next[2]|next[3] != 0
	}
	d := text[i+1]
	return next[d>>6]&(1<<(d&63)) != 0
}

// findAtStarts appends to out the matches of the rule in piece (at offset off
// of the window), tried anchored at the word starts that can begin one (see
// starts): r.re.FindAllStringSubmatchIndex(piece, -1), offsets moved by off.
func (r *rule) findAtStarts(piece string, off int, out [][]int) [][]int {
	for i := 0; i < len(piece); {
		if !isASCIIWord(piece[i]) {
			i++
			continue
		}
		if i > 0 && isASCIIWord(piece[i-1]) || !r.starts.can(piece, i) {
			// Not a word start, or none a match begins at: on to the
			// next word.
			for i < len(piece) && isASCIIWord(piece[i]) {
				i++
			}
			continue
		}
		loc := r.anchored.FindStringSubmatchIndex(piece[i:])
		if loc == nil {
			for i < len(piece) && isASCIIWord(piece[i]) {
				i++
			}
			continue
		}
		for k, x := range loc {
			if x >= 0 {
				loc[k] = x + i + off
			}
		}
		out = append(out, loc)
		i = loc[1] - off
	}
	return out
}
