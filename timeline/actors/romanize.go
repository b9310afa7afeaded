package actors

import "strings"

// romanizations returns the other common spellings of a name written in a
// romanisation of another script: news agencies and governments transliterate
// Russian, Ukrainian and Armenian surnames differently ("Tchaikovsky",
// "Tchaikovskiy", "Tchaikovskii"; "Khachaturyan", "Khachaturian"), so a
// dictionary that holds one spelling
// misses the others. Only endings that are unambiguous transliteration variants
// are rewritten; the name itself is not returned.
func romanizations(name string) []string {
	words := strings.Fields(name)
	var out []string
	for i, w := range words {
		for _, v := range wordVariants(w) {
			alt := append([]string(nil), words...)
			alt[i] = v
			out = append(out, strings.Join(alt, " "))
		}
	}
	return out
}

// slavicAdjectival are the spellings of the Slavic adjectival ending -ский/-ський
// after "sk" (Tchaikovsky, Tchaikovskyy, Tchaikovskiy, Tchaikovskii).
var slavicAdjectival = []string{"y", "yy", "iy", "ii"}

func wordVariants(w string) []string {
	if len(w) < 5 || strings.ToUpper(w[:1]) != w[:1] {
		return nil
	}
	for _, end := range slavicAdjectival {
		stem, ok := strings.CutSuffix(w, "sk"+end)
		if !ok || len(stem) < 2 {
			continue
		}
		var out []string
		for _, e := range slavicAdjectival {
			if e != end {
				out = append(out, stem+"sk"+e)
			}
		}
		return out
	}
	// Armenian -յան is written -yan or -ian (Khachaturyan, Khachaturian).
	if stem, ok := strings.CutSuffix(w, "yan"); ok && len(stem) >= 3 {
		return []string{stem + "ian"}
	}
	return nil
}
