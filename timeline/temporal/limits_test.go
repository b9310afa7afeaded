package temporal

import (
	"fmt"
	"strings"
	"testing"
)

// The work per sentence and per article is bounded, each limit with a warning;
// a news article meets none.
func TestLimits(t *testing.T) {
	tg := mustTagger(t)
	warned := func(t *testing.T, warnings []string, want string) {
		t.Helper()
		for _, w := range warnings {
			if strings.Contains(w, want) {
				return
			}
		}
		t.Errorf("warnings %q: want one saying %q", warnings, want)
	}

	t.Run("a sentence of years", func(t *testing.T) {
		xs, warnings := tg.TagWithWarnings(strings.Repeat("2014 ", 100_000), day("2018-01-12"))
		if len(xs) > MaxTimexesPerSentence {
			t.Errorf("%d timexes in one sentence, want at most %d", len(xs), MaxTimexesPerSentence)
		}
		warned(t, warnings, fmt.Sprintf("a sentence at byte 0 holds more than %d temporal expressions", MaxTimexesPerSentence))
	})

	t.Run("many sentences with a date", func(t *testing.T) {
		body := strings.Repeat("Talks resumed on Monday. ", MaxTimexesPerArticle+500)
		xs, warnings := tg.TagWithWarnings(body, day("2018-01-12"))
		if len(xs) != MaxTimexesPerArticle {
			t.Errorf("%d timexes, want the first %d", len(xs), MaxTimexesPerArticle)
		}
		warned(t, warnings, fmt.Sprintf("more than %d temporal expressions: the article is not tagged from byte %d on", MaxTimexesPerArticle, 25*MaxTimexesPerArticle+len("Talks resumed on ")))
	})

	t.Run("news", func(t *testing.T) {
		if _, warnings := tg.TagWithWarnings("Talks resumed on Monday, Jan. 5, 1998, after a year. They ended in March.", day("2018-01-12")); len(warnings) != 0 {
			t.Errorf("warnings on news: %q", warnings)
		}
	})
}
