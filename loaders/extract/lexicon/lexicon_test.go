package lexicon

import (
	"testing"

	"github.com/kg-project/kg/loaders/extract/text"
)

func TestGazetteer(t *testing.T) {
	g := Places()
	tests := []struct {
		in, country string
		n           int
		demonym     bool
	}{
		{"Syria", "Syria", 1, false},
		{"Bosnia and Herzegovina", "Bosnia and Herzegovina", 3, false},
		{"Papua New Guinea's", "Papua New Guinea", 3, false},
		{"United States of America", "United States", 4, false},
		{"BiH", "Bosnia and Herzegovina", 1, false},
		{"Syrian", "Syria", 1, true},
		{"South Korean", "South Korea", 2, true},
		{"Nigerian", "Nigeria", 1, true},
		{"Omani", "Oman", 1, true},
	}
	for _, tt := range tests {
		toks := text.Tokenize(tt.in)
		var c string
		var n int
		if tt.demonym {
			c, n = g.DemonymAt(toks, 0)
		} else {
			c, n = g.CountryAt(toks, 0)
		}
		if c != tt.country || n != tt.n {
			t.Errorf("%q: got %q/%d, want %q/%d", tt.in, c, n, tt.country, tt.n)
		}
	}
	if g.CapitalOf("abu dhabi") == "" || g.CapitalOf("kyiv") == "" {
		t.Error("capitals missing")
	}
	if p, n := g.PlaceAt(text.Tokenize("Addis Ababa yesterday"), 0); p != "Addis Ababa" || n != 2 {
		t.Errorf("PlaceAt = %q/%d", p, n)
	}
	if _, n := g.PlaceAt(text.Tokenize("Georgetown University"), 0); n != 0 {
		t.Error("a place inside an organisation's name matched")
	}
}

func TestVerbs(t *testing.T) {
	for _, w := range []string{"met", "meets", "meeting", "hosted", "received", "welcoming", "called", "telephoned", "held", "sat"} {
		if !IsVerb(w) {
			t.Errorf("IsVerb(%q) = false", w)
		}
	}
	for _, w := range []string{"minister", "president", "capital", "talks"} {
		if IsVerb(w) && w != "talks" {
			t.Errorf("IsVerb(%q) = true", w)
		}
	}
}

func TestTitles(t *testing.T) {
	if ExpandTitleAbbreviation("pm") != "Prime Minister" || ExpandTitleAbbreviation("cs") != "Cabinet Secretary" ||
		ExpandTitleAbbreviation("nsa") != "National Security Adviser" {
		t.Error("title abbreviations")
	}
	if !TitleHeads["ministers"] || !TitleHeads["secretaries"] || !IsPluralTitle("presidents") || IsPluralTitle("minister") {
		t.Error("plural title heads")
	}
	if FixTitleTypo("Minster") != "Minister" {
		t.Error("title typo")
	}
}
