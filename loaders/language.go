package loaders

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// English is the language kg's extraction is written for.
const English = "en"

// englishWords are words frequent in any English text and rare in text
// in other languages written in the Latin alphabet (not "in", "is" or
// "was", which are Dutch or German words too, nor "a" or "on", which are
// French).
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "that": true, "with": true, "said": true,
	"which": true, "from": true, "have": true, "were": true, "their": true, "this": true,
	"has": true, "for": true, "by": true, "its": true, "he": true, "they": true, "would": true,
	"will": true, "been": true, "after": true, "who": true,
}

// minEnglishShare is the share of englishWords above which a text is
// taken as English without asking whatlanggo: about a quarter of the words
// of English news prose are among them, and under 3% of French, German,
// Spanish or Dutch prose.
const minEnglishShare = 0.12

// plainlyEnglish reports whether a text of the given number of words,
// english of them englishWords (countEnglish), is English by their share:
// a test a hundred times cheaper than whatlanggo (which compares every
// text with all its languages' profiles), so that identifying the language
// of ordinary English articles costs almost nothing in a load.
func plainlyEnglish(words, english int) bool {
	return words > 0 && float64(english) >= minEnglishShare*float64(words)
}

// countEnglish counts the words of text (as strings.Fields splits them)
// and, among them, the englishWords, compared without case and without the
// punctuation around them ("The", "said,"), without making a list of them.
func countEnglish(text string) (words, english int) {
	for w := range strings.FieldsSeq(text) {
		words++
		if isEnglishWord(w) {
			english++
		}
	}
	return words, english
}

// isEnglishWord reports whether w, trimmed of wordPunctuation and in
// lower case, is one of englishWords, all short and ASCII.
func isEnglishWord(w string) bool {
	w = strings.Trim(w, wordPunctuation)
	if len(w) > maxEnglishWord {
		return false
	}
	var lower [maxEnglishWord]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	return englishWords[string(lower[:len(w)])]
}

// wordPunctuation is what may stand around a word without being part of
// it.
const wordPunctuation = ".,;:!?\"'()“”‘’"

// maxEnglishWord is the length of the longest of englishWords.
const maxEnglishWord = 5

// minIdentifyWords is the fewest words a text needs for its language to be
// identified: "Rouhani met Khamis." looks Estonian to letter statistics.
const minIdentifyWords = 20

// minLatinIdentifyWords is the fewest words a text in the Latin alphabet
// with no accented letter needs to be taken for another language than
// English: names make up much of a short news text, and their letters
// mislead ("Nanaia Mahuta met Fiame Naomi Mata'afa ..." looks Malagasy).
// French, Spanish, German or Turkish show their accents within a
// sentence; a text in another script is told apart from English with
// fewer words.
const minLatinIdentifyWords = 40

// hasAccentedLetter reports a letter outside ASCII in text: "é", "ñ", "ş".
func hasAccentedLetter(text string) bool {
	for _, r := range text {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// languageSample is how much of a text language identification reads: the
// beginning of an article says its language as surely as the whole.
const languageSample = 2000

// languageNames maps lower-case English language names ("french") to ISO
// 639-1 codes, for records that name their language in words.
var languageNames = func() map[string]string {
	m := map[string]string{}
	for code := whatlanggo.Lang(0); ; code++ {
		name := strings.ToLower(code.String())
		if name == "" {
			break
		}
		if iso := code.Iso6391(); iso != "" {
			m[name] = iso
		}
	}
	return m
}()

// NormalizeLanguage turns a language as records and pages write it ("en",
// "en-GB", "fr_FR", "fra", "French") into its ISO 639-1 code, or "" when
// it is not one kg knows.
func NormalizeLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	switch len(s) {
	case 0:
		return ""
	case 2:
		if s >= "aa" && s <= "zz" && s[0] >= 'a' && s[1] >= 'a' {
			return s
		}
		return ""
	case 3:
		return whatlanggo.CodeToLang(s).Iso6391()
	}
	return languageNames[s]
}

// DescribeLanguages says how many articles were skipped for their
// language, by language code, most frequent first: "12 articles not in
// English skipped (fr 9, de 3)"; "" when none were.
func DescribeLanguages(counts map[string]int) string {
	total := 0
	langs := make([]string, 0, len(counts))
	for l, n := range counts {
		total += n
		langs = append(langs, l)
	}
	if total == 0 {
		return ""
	}
	sort.Slice(langs, func(i, j int) bool {
		if counts[langs[i]] != counts[langs[j]] {
			return counts[langs[i]] > counts[langs[j]]
		}
		return langs[i] < langs[j]
	})
	for i, l := range langs {
		langs[i] = fmt.Sprintf("%s %d", l, counts[l])
	}
	noun := "articles"
	if total == 1 {
		noun = "article"
	}
	return fmt.Sprintf("%d %s not in English skipped (%s)", total, noun, strings.Join(langs, ", "))
}

// identifyLanguage returns the language of an article's text as ISO 639-1:
// the record's own language field when it has one, else what
// whatlanggo identifies from the text when it is sure, else the language
// the page or feed declares, else "" (unknown). A page's declared language
// comes last because site templates often declare one language for
// every page.
func identifyLanguage(recorded, text, declared string) string {
	if lang := NormalizeLanguage(recorded); lang != "" {
		return lang
	}
	sample := text
	if len(sample) > languageSample {
		cut := languageSample
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	if lang := identifyText(sample); lang != "" {
		return lang
	}
	return NormalizeLanguage(declared)
}

// identifyText returns the ISO 639-1 code of the language of text: English
// when enough of its words are common English words (plainlyEnglish),
// else what whatlanggo is sure of. A text in another script than Latin
// cannot be English, so there its first choice is taken even when it
// hesitates between close languages (Russian or Ukrainian). It returns ""
// when it cannot tell, and for texts of fewer than minIdentifyWords words:
// short texts full of foreign names ("Hassan Rouhani met Imad Khamis in
// Geneva") look Dutch or Estonian to letter statistics, and an English
// article wrongly skipped is lost, while one in another language wrongly
// kept only yields fewer facts.
func identifyText(text string) string {
	words, english := countEnglish(text)
	if words < minIdentifyWords {
		return ""
	}
	if plainlyEnglish(words, english) {
		return English
	}
	info := whatlanggo.Detect(text)
	latin := info.Script == nil || info.Script == unicode.Latin
	switch {
	case info.Lang < 0 || info.Lang == whatlanggo.Eng && !info.IsReliable():
		return ""
	case latin && words < minLatinIdentifyWords && info.Lang != whatlanggo.Eng && !hasAccentedLetter(text):
		// Two short English sentences full of Polynesian names look
		// Malagasy to letter statistics.
		return ""
	case info.IsReliable() || info.Script != nil && info.Script != unicode.Latin:
		return info.Lang.Iso6391()
	}
	// Between close languages (Dutch or Afrikaans): a text that does not
	// read as English by its common words, and that whatlanggo asked to
	// choose between its first choice and English alone is sure is not
	// English, is in its first choice.
	pair := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{info.Lang: true, whatlanggo.Eng: true}})
	if pair.Lang == info.Lang && pair.IsReliable() {
		return info.Lang.Iso6391()
	}
	return ""
}
