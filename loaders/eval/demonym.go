package eval

import (
	"strings"
	"sync"

	"github.com/pariz/gountries"
)

// IsNationalityAdjective says whether word is a nationality adjective
// ("Iranian", "Syrian", "Iraqi", "Chinese", "Turkish") or a country name
// used as one. Country data comes from gountries, the maintained country
// library the project already uses for place names; its data (v0.1.6) has
// no demonyms, so they are recognised by form: the word, less a demonym
// suffix (-ian, -an, -n, -i, -ese, -ish, -ic, ...), begins a word of a
// country's name (Iran-ian, Iraq-i, Chin-ese, Turk-ish). Irregular
// demonyms whose stem differs from the country name (French, Dutch,
// Danish, Swiss) are not recognised.
func IsNationalityAdjective(word string) bool {
	w := strings.ToLower(strings.TrimSpace(word))
	stems := countryStems()
	if stems.words[w] {
		return true
	}
	for _, suffix := range demonymSuffixes {
		base, ok := strings.CutSuffix(w, suffix)
		if ok && len(base) >= minStem && stems.prefixes[base] {
			return true
		}
	}
	return false
}

// demonymSuffixes end English nationality adjectives.
var demonymSuffixes = []string{"ian", "ean", "an", "n", "ese", "ish", "ic", "ine", "i"}

// minStem is the shortest stem compared, so that words like "Marine" or
// "Ian" do not match the start of some country's name by chance.
const minStem = 4

// genericNameWords occur in many country names without naming a country
// ("Central African Republic", "United Arab Emirates"); they are never
// taken as nationality stems, so a title like "Central Bank Governor"
// keeps its words.
var genericNameWords = map[string]bool{
	"abode": true, "administrative": true, "and": true, "arab": true, "bailiwick": true,
	"bolivarian": true, "central": true, "christmas": true, "christopher": true, "city": true,
	"co": true, "coast": true, "collectivity": true, "commonwealth": true, "confederation": true,
	"cook": true, "country": true, "democratic": true, "department": true, "duchy": true,
	"federal": true, "federation": true, "federative": true, "former": true, "grand": true,
	"great": true, "group": true, "hashemite": true, "heard": true, "holy": true,
	"independent": true, "islamic": true, "island": true, "islands": true, "isle": true,
	"keeling": true, "kingdom": true, "lands": true, "man": true, "martin": true,
	"mcdonald": true, "minor": true, "most": true, "nation": true, "new": true, "north": true,
	"northern": true, "ocean": true, "of": true, "operative": true, "oriental": true,
	"outlying": true, "peace": true, "people's": true, "plurinational": true,
	"principality": true, "region": true, "republic": true, "saint": true, "sandwich": true,
	"see": true, "serene": true, "sint": true, "socialist": true, "south": true, "southern": true,
	"sovereign": true, "special": true, "state": true, "states": true, "sultanate": true,
	"territory": true, "the": true, "union": true, "united": true, "virgin": true,
	"western": true,
}

type stemSet struct {
	words    map[string]bool // whole words of country names
	prefixes map[string]bool // their prefixes of at least minStem letters
}

var countryStems = sync.OnceValue(func() stemSet {
	s := stemSet{words: map[string]bool{}, prefixes: map[string]bool{}}
	for _, c := range gountries.New().FindAllCountries() {
		for _, name := range []string{c.Name.Common, c.Name.Official} {
			for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
				return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')'
			}) {
				if genericNameWords[w] || len(w) < minStem {
					continue
				}
				s.words[w] = true
				for n := minStem; n <= len(w); n++ {
					s.prefixes[w[:n]] = true
				}
			}
		}
	}
	return s
})
