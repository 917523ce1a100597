package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The word lists and text forms below are the reference scorer's
// (corpus/README.md, executable in corpus/score.py), so that kg eval gives
// the same figures on the same input. They are deliberately small and fixed:
// the scorer must not change when the extractor's lexicon grows.

// honorifics are dropped from a name before it is compared: "King Salman"
// reads "salman", "Dr. Ali Larijani" reads "ali larijani".
var honorifics = wordSet(
	"ayatollah", "grand", "seyyed", "sayyed", "sayed", "seyed", "sheikh", "shaikh", "imam",
	"dr", "mr", "mrs", "ms", "sir", "general", "brigadier", "major", "gen", "lt", "hojatoleslam",
	"president", "minister", "prince", "king", "emir",
)

// titleIgnored are the words a title may lack or carry without changing the
// office: nationality adjectives and small words. "Syrian Foreign Minister"
// matches "Foreign Minister"; "Iran's" splits into "iran" and "s", and only
// "s" is ignored.
var titleIgnored = wordSet(
	"iranian", "syrian", "iraqi", "russian", "turkish", "american", "chinese", "lebanese", "israeli",
	"saudi", "qatari", "french", "german", "british", "indian", "japanese", "korean", "egyptian",
	"us", "the", "of", "and", "for", "to", "on", "a", "an",
)

// arabicArticles are removed where they start a word and a hyphen follows:
// "al-Muallem" reads "muallem", "as-Sisi" reads "sisi".
var arabicArticles = []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-"}

// nameSeparators become spaces in a name.
const nameSeparators = "-_.,'\"()"

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// fold removes accents (every combining mark), makes the right single
// quote an apostrophe and lowers the case.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if isCombining(r) {
			continue
		}
		if r == '’' {
			r = '\''
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

func isCombining(r rune) bool {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	return norm.NFKD.Properties(buf[:n]).CCC() != 0
}

// normName is the form in which names are compared: folded, Arabic articles
// and honorifics removed, punctuation as spaces, single spaces. "Walid
// al-Muallem", "WALID AL MUALLEM" and "Walid Muallem" all read "walid
// muallem"; "H.E. Dr. Ali Larijani" reads "h e ali larijani".
func normName(s string) string {
	words := strings.FieldsFunc(stripArabicArticles(fold(s)), isNameSpace)
	kept := words[:0]
	for _, w := range words {
		if !honorifics[w] && w != "al" && w != "el" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// stripArabicArticles removes "al-" and its kin where a word starts.
func stripArabicArticles(s string) string {
	var b strings.Builder
	prev := ' '
	for i := 0; i < len(s); {
		if !isWordRune(prev) {
			if p := arabicArticleAt(s[i:]); p != "" {
				i += len(p)
				prev = '-'
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		prev = r
		i += n
	}
	return b.String()
}

func arabicArticleAt(s string) string {
	for _, p := range arabicArticles {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

// isWordRune is a regular-expression word character: a letter, a number
// or the underscore.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
}

// isNameSpace separates the words of a name: white space (including the
// information separators U+001C to U+001F) and nameSeparators.
func isNameSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f) || strings.ContainsRune(nameSeparators, r)
}

// titleWords are the words of an office title that must match: folded,
// split on everything but the letters a to z, without titleIgnored.
// "Vice-President" gives {vice, president}.
func titleWords(title string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(fold(title), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if !titleIgnored[w] {
			words[w] = true
		}
	}
	return words
}

// titleKey is a title's words in a canonical order.
func titleKey(words map[string]bool) string {
	return strings.Join(sortedKeys(words), " ")
}

// subset says whether every word of a is in b.
func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}
