// Package actors recognises political actors in text and codes them CAMEO-style.
package actors

import (
	"io"
	"time"

	"github.com/timelinehq/timeline/timeline"
)

// Mention kinds.
const (
	KindCountry = "country" // "North Korea", "the U.S.", "Seoul" as a place
	KindGov     = "gov"     // "Washington" (capital as metonym), "the South Korean government"
	KindPerson  = "person"  // "Kim Jong Un", "Secretary of State Rex Tillerson"
	KindOrg     = "org"     // "the UN", "NATO", "the IAEA"
	KindTitle   = "title"   // a role with no name: "the president", "the U.S. leader", "the despot"
	KindGroup   = "group"   // "the two Koreas", "the international community"
	KindPronoun = "pronoun" // "he", "she", "they", "it"
)

// Mention is an actor mention found in text.
type Mention struct {
	Span  timeline.Span // byte offsets into the text given to Find, plus its base
	Text  string
	Kind  string
	Actor timeline.Actor // canonical name and CAMEO-style code; Code may be "" when unknown
	// Country is the ISO-3 country part the mention carries, even when the full
	// code is unknown ("the president" of a known country); "" when none.
	Country string
	// Role is the CAMEO role the mention implies ("GOV", "MIL", ...), "" for a
	// bare country.
	Role string
}

// Dictionary is the actor dictionary. It is safe for concurrent use.
type Dictionary struct{}

// Load reads a dictionary.
func Load(r io.Reader) (*Dictionary, error) { return &Dictionary{}, nil }

// Default returns the embedded dictionary.
func Default() (*Dictionary, error) { return &Dictionary{}, nil }

// Find returns the actor mentions in text, longest match first, in order of
// position, with spans shifted by base (the offset of text in its body). at is the
// article's date, used to resolve titles to the office holder of the time ("the
// president" of the United States in 1998 is Clinton); zero when unknown.
func (d *Dictionary) Find(text string, base int, at time.Time) []Mention { return nil }
