package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// agent is one entry of Phoenix.agents.txt: a noun phrase, its plurals and the
// role it carries.
type agent struct {
	line     int
	phrase   []string // lowercase words
	plurals  [][]string
	noPlural bool
	code     string // the Phoenix code without "~" ("GOVFRM", "NGO")
}

// parseAgents reads an agents file (dictionaries.rst, "Agent Dictionary"):
// "PHRASE {plural} [~CODE]", with substitution sets "!PERSON! = MAN, MEN, ...".
// A phrase's words are joined by "_" or " "; both are read as consecutive
// words here, as the actor dictionary matches names.
func parseAgents(name string, r io.Reader) ([]agent, []string, error) {
	subst := map[string][]string{}
	var out []agent
	var warns []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := stripComment(sc.Text())
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(line), "!") && strings.Contains(line, "=") {
			l, r, _ := strings.Cut(line, "=")
			var items []string
			for _, it := range strings.Split(r, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, strings.ToLower(it))
				}
			}
			subst[strings.Trim(strings.TrimSpace(l), "!")] = items
			continue
		}
		i := strings.IndexByte(line, '[')
		if i < 0 {
			warns = append(warns, fmt.Sprintf("%s:%d: no code", name, n))
			continue
		}
		code := strings.Trim(strings.TrimSpace(line[i:]), "[]{}~ ")
		code = strings.ReplaceAll(code, "~", "")
		head := strings.TrimSpace(line[:i])
		plural := ""
		hasPlural := false
		if j := strings.IndexByte(head, '{'); j >= 0 {
			k := strings.IndexByte(head, '}')
			if k < j {
				warns = append(warns, fmt.Sprintf("%s:%d: unclosed {", name, n))
				continue
			}
			plural, hasPlural = strings.TrimSpace(head[j+1:k]), true
			head = strings.TrimSpace(head[:j])
		}
		for _, ph := range expand(head, subst) {
			a := agent{line: n, phrase: ph.words, code: code, noPlural: ph.fixed || hasPlural && plural == ""}
			if hasPlural && plural != "" {
				for _, p := range strings.Fields(plural) {
					a.plurals = append(a.plurals, words(p))
				}
			}
			out = append(out, a)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, warns, fmt.Errorf("%s: %w", name, err)
	}
	return out, warns, nil
}

type expanded struct {
	words []string
	fixed bool // from a substitution set: no plural formed
}

// expand substitutes the markers of a phrase ("CONGRESS!PERSON!", and a bare
// stem naming a set, "FINANCE_MINIST"); the items substituted are not expanded
// again.
func expand(phrase string, subst map[string][]string) []expanded {
	out := []expanded{{}}
	for _, w := range words(phrase) {
		alts := []string{w}
		prefix, name, marked := strings.Cut(w, "!")
		if marked {
			name = strings.TrimSuffix(name, "!")
		} else {
			prefix, name = "", w
		}
		if items, ok := subst[strings.ToUpper(name)]; ok {
			alts = alts[:0]
			for _, it := range items {
				alts = append(alts, prefix+it)
			}
		}
		var next []expanded
		for _, e := range out {
			for _, a := range alts {
				next = append(next, expanded{words: append(append([]string{}, e.words...), a), fixed: e.fixed || len(alts) > 1 || a != w})
			}
		}
		out = next
	}
	return out
}

func words(s string) []string {
	return strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " ")))
}

// plural forms the regular plural of a phrase's last word, nil when the word
// looks plural already or has none ("armed forces", "children", "media"):
// Phoenix lists such words as they are, and PETRARCH's mechanical rule would
// make "forceses" of them.
func plural(ws []string) []string {
	last := ws[len(ws)-1]
	var p string
	switch {
	case last == "child":
		p = "children"
	case strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss") || strings.HasSuffix(last, "men") ||
		strings.HasSuffix(last, "people") || strings.HasSuffix(last, "ren") || last == "media" ||
		strings.HasSuffix(last, "ics"):
		return nil
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		p = last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "s") || strings.HasSuffix(last, "x") || strings.HasSuffix(last, "z") ||
		strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		p = last + "es"
	case strings.HasSuffix(last, "man"):
		p = last[:len(last)-3] + "men"
	default:
		p = last + "s"
	}
	return append(append([]string{}, ws[:len(ws)-1]...), p)
}

// agents turns the agent nouns into role words (a country before them makes an
// actor: "Iraqi lawmakers" IRQLEG) and titles (singular nouns whose head is a
// title of titles.tsv, so that a name after them is read as the person:
// "Chief Minister X"). Only nouns of a role EVENTS.md has are kept, and only
// general ones: no phrase of more than four words, none ending in a function
// word or naming a place or thing (rules/words.tsv), none already in the
// hand-written tables, none read two ways.
func (o *output) agents(ru *rules, file string, as []agent) {
	type entry struct {
		role  string
		title bool
	}
	got := map[string]map[entry]bool{}
	add := func(ws []string, role string, title bool) {
		k := key(strings.Join(ws, " "))
		if ru.titles[k] || ru.ourRoles[k] || ru.ours[k] {
			o.stats["agent words already in the hand-written tables"]++
			return
		}
		if got[k] == nil {
			got[k] = map[entry]bool{}
		}
		got[k][entry{role, title}] = true
	}
	for _, a := range as {
		role := ""
		if len(a.code) >= 3 && ru.agentOK[a.code[:3]] {
			role = ru.roles[a.code[:3]]
		}
		if !validRole(role) {
			o.stats["agents of no EVENTS.md role"]++
			continue
		}
		if reason := ru.agentReject(a.phrase); reason != "" {
			o.stats["agents dropped: "+reason]++
			continue
		}
		forms := [][]string{}
		if !a.noPlural {
			if len(a.plurals) > 0 {
				forms = a.plurals
			} else if p := plural(a.phrase); p != nil {
				forms = [][]string{p}
			}
		}
		title := ru.heads[phraseHead(a.phrase)]
		// Where the hand-written roles give a word's plural only ("soldiers",
		// "refugees"), the singular is left out on purpose: one soldier or
		// refugee is a person, not the institution or population.
		oursPluralOnly := false
		for _, p := range forms {
			if ru.ourRoles[key(strings.Join(p, " "))] {
				oursPluralOnly = true
			}
		}
		if oursPluralOnly {
			o.stats["agent singulars left out (the hand-written roles give the plural only)"]++
		} else {
			add(a.phrase, role, title)
		}
		for _, p := range forms {
			if ru.agentReject(p) == "" {
				add(p, role, false)
			}
		}
	}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if len(got[k]) > 1 {
			o.stats["agent words with two readings dropped"]++
			continue
		}
		for e := range got[k] {
			if e.title {
				o.titles[e.role] = append(o.titles[e.role], k)
			} else {
				o.roles[e.role] = append(o.roles[e.role], k)
			}
		}
	}
}

func validRole(r string) bool {
	return political[r] || r == "BUS" || r == "MED" || r == "CVL"
}

// agentReject says why a phrase is not kept as a role word, "" when it is.
func (ru *rules) agentReject(ws []string) string {
	if len(ws) == 0 || len(ws) > 4 {
		return "longer than four words"
	}
	if ws[0] == "a" || ws[0] == "an" || ws[0] == "the" {
		return "starting with an article"
	}
	if ru.lists["function"][ws[len(ws)-1]] {
		return "ending in a function word"
	}
	for _, w := range ws {
		for _, r := range w {
			if !(r >= 'a' && r <= 'z' || r == '-') {
				return "not plain words (digits, abbreviations, models)"
			}
		}
	}
	if ru.lists["nonactor"][ws[len(ws)-1]] {
		return "naming a place or a thing"
	}
	return ""
}
