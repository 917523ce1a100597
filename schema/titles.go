package schema

import (
	"strings"
	"unicode"
)

// Office titles, compared to decide whether two mentions may be one
// person: "Saudi King Salman" is not Crown Prince Mohammed bin Salman,
// "Vice President Pence" is not a President Pence. The rules are tables.

// regnalTitles are the titles of monarchs, princes and religious heads,
// who are called by their given name with the title ("King Salman",
// "Crown Prince Mohammed", "Sheikh Tamim", "Pope Francis").
var regnalTitles = setOf(
	"king", "queen", "emir", "sultan", "prince", "princess", "crown prince", "crown princess",
	"sheikh", "sheikha", "pope", "shah", "emperor", "empress", "grand duke", "grand duchess",
	"tsar", "sovereign", "monarch", "patriarch",
)

// titleWordsIgnored carry no difference between offices.
var titleWordsIgnored = setOf("of", "the", "for", "and", "affairs", "acting", "interim",
	"outgoing", "incoming", "former", "new", "then", "late", "de", "facto")

// titleSynonyms are spellings of one title word.
var titleSynonyms = map[string]string{
	"amir": "emir", "defense": "defence", "premier": "prime", "sheik": "sheikh",
	"shaikh": "sheikh",
}

// rankWords change an office into another: a Vice President is not the
// President, a Crown Prince not the Prince regnant, a Prime Minister not a
// minister.
var rankWords = setOf("vice", "deputy", "crown", "prime", "assistant", "under", "first",
	"second", "junior", "chief", "grand", "supreme", "general", "lieutenant", "co")

// titleWords are the folded words of a title that tell offices apart.
func titleWords(title string) map[string]bool {
	words := strings.FieldsFunc(foldASCII(title), func(r rune) bool { return !unicode.IsLetter(r) })
	out := map[string]bool{}
	for _, w := range words {
		if syn, ok := titleSynonyms[w]; ok {
			w = syn
		}
		if !titleWordsIgnored[w] {
			out[w] = true
		}
	}
	return out
}

// RegnalTitle reports whether title is one that goes with a given name
// alone (King, Emir, Crown Prince, Sheikh, Pope…).
func RegnalTitle(title string) bool {
	words := strings.Fields(foldASCII(title))
	for i := range words {
		if syn, ok := titleSynonyms[words[i]]; ok {
			words[i] = syn
		}
	}
	return regnalTitles[strings.Join(words, " ")]
}

// TitlesAgree reports whether two titles may name the same office: the
// same words in any order ("Foreign Minister", "Minister of Foreign
// Affairs"), or one a looser form of the other ("Minister", "Foreign
// Minister") unless the words only one has change the rank ("President",
// "Vice President"; "Prince", "Crown Prince"). An empty title agrees with
// any.
func TitlesAgree(a, b string) bool {
	wa, wb := titleWords(a), titleWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for w := range wa {
		if !wb[w] {
			return false
		}
	}
	for w := range wb {
		if !wa[w] && rankWords[w] {
			return false
		}
	}
	return true
}

// titleLead are words that begin a title or an honorific written before a
// name ("King Salman", "Foreign Minister Zarif", "Mr. Clinton").
var titleLead = setOf("king", "queen", "emir", "amir", "sultan", "prince", "princess", "crown",
	"sheikh", "sheik", "sheikha", "pope", "shah", "emperor", "empress", "grand", "president",
	"vice", "prime", "premier", "chancellor", "minister", "foreign", "defence", "defense",
	"secretary", "state", "deputy", "chief", "general", "senator", "governor", "mayor", "ambassador",
	"speaker", "ayatollah", "supreme", "leader", "former", "mr", "mrs", "ms", "dr", "sir", "dame",
	"lord", "lady", "hm", "hrh", "his", "her", "majesty", "highness", "excellency", "of", "the")

// honorifics are titles that say nothing of an office.
var honorifics = setOf("mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "his", "her",
	"majesty", "highness", "excellency", "hm", "hrh", "the")

// SplitTitle separates a title or honorific written before a name:
// "King Salman" gives "King" and "Salman", "Mr. Clinton" gives "" (an
// honorific says nothing of an office) and "Clinton". A name without one
// comes back whole, with no title; so does one that is all title words.
func SplitTitle(name string) (title, rest string) {
	fields := strings.Fields(name)
	i := 0
	var words []string
	for i < len(fields)-1 {
		w := strings.ToLower(strings.Trim(foldASCII(fields[i]), ".,"))
		if !titleLead[w] {
			break
		}
		if !honorifics[w] {
			words = append(words, fields[i])
		}
		i++
	}
	if i == 0 {
		return "", name
	}
	return strings.Join(words, " "), strings.Join(fields[i:], " ")
}
