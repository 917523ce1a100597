package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// nameParticles are joined to the following name word in transliterated
// names ("al-Muallem", "bin Salman", "van der Leyen") and carry no identity:
// "Walid al-Muallem" and "Walid Muallem" are the same person.
var nameParticles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "ash": true, "ar": true, "az": true,
	"bin": true, "ibn": true, "bint": true, "ben": true,
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "da": true,
	"di": true, "du": true, "la": true, "le": true,
}

// NameWords splits a name into lower-case ASCII words without accents,
// dropping particles; "Faisal al-Mekdad" gives [faisal mekdad].
func NameWords(name string) []string {
	folded := foldASCII(name)
	fields := strings.FieldsFunc(folded, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	words := fields[:0]
	for _, f := range fields {
		if nameParticles[f] && len(fields) > 1 {
			continue
		}
		words = append(words, f)
	}
	return words
}

// foldASCII lower-cases s and removes accents ("Ahmet Davutoğlu" ->
// "ahmet davutoglu").
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			b.WriteRune('i')
		case r == '’' || r == '\'' || r == '`' || r == 'ʼ':
			// "Ma'ariv", "Qur’an": apostrophes are not word breaks.
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Skeleton reduces one name word to a key that survives common
// transliteration variants of Arabic, Persian and other names: vowels after
// the first letter are dropped, double letters collapsed and sounds that
// transliterations swap (q/k/gh, ph/f, ou/u) unified. Muallem, Moallem and
// Mouallem all give "mlm"; Mekdad and Miqdad give "mkdd".
func Skeleton(word string) string {
	w := foldASCII(word)
	r := strings.NewReplacer("gh", "k", "kh", "h", "q", "k", "ck", "k", "c", "k", "ph", "f", "dh", "d", "th", "t", "sh", "s", "ch", "s", "z", "s", "w", "v", "x", "ks", "e'", "", "'", "")
	w = r.Replace(w)
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			if c >= '0' && c <= '9' {
				b.WriteByte(c)
				last = c
			}
			continue
		}
		vowel := strings.IndexByte("aeiouy", c) >= 0
		if vowel {
			if b.Len() == 0 {
				b.WriteByte('a') // an initial vowel is kept, as one sound
				last = 'a'
			}
			continue
		}
		if c == 'h' && b.Len() > 0 {
			continue // silent or aspirated h varies between spellings
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	if b.Len() == 0 {
		return w
	}
	return b.String()
}

// PersonKey is the identity of a person across articles: the skeletons of
// every word of the name, without particles. The same real person spelt
// differently gets the same key, and so the same node.
func PersonKey(name string) string {
	words := NameWords(name)
	sk := make([]string, len(words))
	for i, w := range words {
		sk[i] = Skeleton(w)
	}
	return strings.Join(sk, "-")
}

// LookupKeys are the keys a person can be found by in a query: the whole
// name and the surname alone. A query for "Rouhani" or "Hassan Rohani" finds
// the node of "Hassan Rouhani".
func LookupKeys(name string) []string {
	words := NameWords(name)
	if len(words) == 0 {
		return nil
	}
	keys := []string{PersonKey(name)}
	if len(words) > 1 {
		keys = append(keys, Skeleton(words[len(words)-1]))
	}
	return keys
}

// PersonIRI is the stable node of the person called name.
func PersonIRI(name string) quad.IRI {
	return quad.IRI(NS + "person/" + PersonKey(name))
}

// ArticleIRI is the node of the article with the given identity.
func ArticleIRI(id string) quad.IRI {
	return quad.IRI(NS + "article/" + url.PathEscape(id))
}

// MeetingIRI identifies a meeting by who took part, when and how, so the
// same meeting reported by two articles is one node with two sources.
func MeetingIRI(participants []quad.IRI, date, kind string) quad.IRI {
	parts := make([]string, len(participants))
	for i, p := range participants {
		parts[i] = string(p)
	}
	sort.Strings(parts)
	return quad.IRI(NS + "meeting/" + digest(strings.Join(parts, ","), date, kind))
}

// OfficeIRI identifies one person holding one office.
func OfficeIRI(person quad.IRI, title, of string, current bool) quad.IRI {
	state := "former"
	if current {
		state = "current"
	}
	return quad.IRI(NS + "office/" + digest(string(person), strings.ToLower(title), strings.ToLower(of), state))
}

// EventIRI identifies an event by its head word, date and place.
func EventIRI(head, date, place string) quad.IRI {
	return quad.IRI(NS + "event/" + digest(strings.ToLower(head), date, strings.ToLower(place)))
}

func digest(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(sum[:10])
}
