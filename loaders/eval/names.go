package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldName puts a person's name in the form names are compared in:
// lower case, accents removed, hyphens and other punctuation as spaces,
// apostrophes dropped, and the Arabic articles "al" and "el" removed where
// they prefix a word. "Walid al-Muallem", "walid Al Muallem" and "Walid
// Muallem" all fold to "walid muallem"; "Hafez al-Assad" to "hafez assad".
func foldName(name string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			b.WriteRune('i')
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == 'ʼ' || r == 'ʿ' || r == 'ʾ':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(b.String())
	kept := words[:0]
	for i, w := range words {
		if (w == "al" || w == "el") && i < len(words)-1 {
			continue
		}
		kept = append(kept, w)
	}
	return strings.Join(kept, " ")
}

// titleWords splits an office title into lower-case words without accents:
// "Vice-President" gives [vice president].
func titleWords(title string) []string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// fillerWords carry no meaning in a title: "Speaker of Parliament" and
// "Parliament Speaker" name the same office.
var fillerWords = map[string]bool{"of": true, "the": true}

// titleMatches says whether a predicted title names the gold office: every
// word of the gold title, other than nationality adjectives and filler
// words, appears in the predicted title, case ignored. "Syrian Foreign
// Minister" matches "Foreign Minister"; "Minister" does not.
func titleMatches(gold, predicted string) bool {
	have := map[string]bool{}
	for _, w := range titleWords(predicted) {
		have[w] = true
	}
	for _, w := range titleWords(gold) {
		if fillerWords[w] || IsNationalityAdjective(w) {
			continue
		}
		if !have[w] {
			return false
		}
	}
	return true
}
