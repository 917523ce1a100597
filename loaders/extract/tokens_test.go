package extract

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"Iran's Leader met Dr. Smith.", "Iran|'s|Leader|met|Dr.|Smith|."},
		{"Iran’s role", "Iran|’s|role"},
		{"the U.S.-backed forces of the U.S. army", "the|U.S.-backed|forces|of|the|U.S.|army"},
		{"Walid al-Muallem and cease-fire", "Walid|al-Muallem|and|cease-fire"},
		{"December 8, 2020 - 16:12", "December|8|,|2020|-|16:12"},
		{" date 2017-01-01 Ali", "date|2017-01-01|Ali"},
		{"“liberation of Aleppo” and ‘ceasefire’", "“|liberation|of|Aleppo|”|and|‘|ceasefire|’"},
		{"Jan. 23 and Sept. 5", "Jan.|23|and|Sept.|5"},
		{"O'Brien's view", "O'Brien|'s|view"},
		{"TEHRAN – Iranian", "TEHRAN|–|Iranian"},
		{"the 2nd round, 1,000 troops", "the|2nd|round|,|1,000|troops"},
		{"Xi'an and Kassym-Jomart Tokayev", "Xi'an|and|Kassym-Jomart|Tokayev"},
		{"George W. Bush", "George|W.|Bush"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range tokenize(tt.in) {
			got = append(got, tok.text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestTokenOffsetsAndCase(t *testing.T) {
	text := "Syrian FM al-Mekdad arrived."
	for _, tok := range tokenize(text) {
		if text[tok.start:tok.end] != tok.text {
			t.Errorf("token %q has offsets %d:%d", tok.text, tok.start, tok.end)
		}
	}
	tests := []struct {
		word string
		cap  bool
	}{
		{"al-Mekdad", true}, {"al-qaeda", false}, {"Rouhani", true}, {"bin", false}, {"Émile", true},
	}
	for _, tt := range tests {
		if got := isCapitalised(tt.word); got != tt.cap {
			t.Errorf("isCapitalised(%q) = %v, want %v", tt.word, got, tt.cap)
		}
	}
}
