// Package lexicon holds the closed-class vocabulary extraction reads names,
// offices and places with: honorifics, name particles, office titles and
// their abbreviations, organisation and place words, function words, news
// verbs, and a gazetteer of countries, capitals, subdivisions and
// nationality adjectives (from gountries). It is data, kept as word lists,
// so a new honorific or title is a word added to a list. None of it names
// a particular person.
package lexicon

import "strings"

// Set is a set of lower-case words.
type Set map[string]bool

// Has reports whether w (already lower case) is in the set.
func (s Set) Has(w string) bool { return s[w] }

// words builds a Set from a whitespace-separated list. Underscores stand
// for spaces inside multi-word entries.
func words(list ...string) Set {
	s := Set{}
	for _, l := range list {
		for _, w := range strings.Fields(l) {
			s[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return s
}
