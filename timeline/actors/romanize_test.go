package actors

import (
	"slices"
	"testing"
)

func TestRomanizations(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Volodymyr Zelensky", []string{"Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelenskii"}},
		{"Zelenskiy", []string{"Zelensky", "Zelenskyy", "Zelenskii"}},
		{"Nikol Pashinyan", []string{"Nikol Pashinian"}},
		{"Serzh Sargsyan", []string{"Serzh Sargsian"}},
		// Not transliterations: short words, lowercase words, Polish -ski.
		{"Sky", nil},
		{"yan", nil},
		{"Aleksander Kwasniewski", nil},
		{"Bill Clinton", nil},
	} {
		got := romanizations(tc.name)
		if !slices.Equal(got, tc.want) {
			t.Errorf("romanizations(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
