package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"
)

// nameParticles are joined to the following name word in transliterated
// names ("al-Muallem", "bin Salman", "van der Leyen", "da Silva") and carry
// no identity: "Walid al-Muallem" and "Walid Muallem" are the same person.
// A particle is only dropped when another word follows it, and only the
// Arabic articles are dropped at the start of a name: "Ben Wallace", "Le
// Duc Tho" and "Du Wei" begin with a given or family name, not a particle,
// while "al-Assad" is the surname Assad.
var nameParticles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "ash": true, "ar": true, "az": true,
	"bin": true, "ibn": true, "bint": true, "ben": true,
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "da": true,
	"di": true, "du": true, "la": true, "le": true, "dos": true, "das": true,
}

// leadingParticles may be dropped even as a name's first word.
var leadingParticles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "ash": true, "ar": true, "az": true,
}

// NameWords splits a name into lower-case words without accents, dropping
// particles and a possessive "'s"; "Faisal al-Mekdad" gives [faisal
// mekdad], "Luiz Inácio Lula da Silva" [luiz inacio lula silva]. Letters of
// other scripts are kept, lower-cased.
func NameWords(name string) []string {
	folded := foldASCII(trimPossessive(name))
	fields := strings.FieldsFunc(folded, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	words := fields[:0]
	for i, f := range fields {
		last := i == len(fields)-1
		if nameParticles[f] && !last && (i > 0 || leadingParticles[f]) {
			continue
		}
		words = append(words, f)
	}
	return words
}

// trimPossessive removes a trailing "'s" ("Rouhani's" -> "Rouhani").
func trimPossessive(name string) string {
	name = strings.TrimSpace(name)
	for _, s := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(name, s) {
			return strings.TrimSuffix(name, s)
		}
	}
	return name
}

// EditDistance is the Levenshtein distance between a and b, counted in
// runes: how many letters to insert, delete or change to turn one into the
// other. Suggestions ("did you mean") are the names at the least distance.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// FoldName lower-cases a name and removes its accents and apostrophes, as
// person keys see it ("Ahmet Davutoğlu" -> "ahmet davutoglu"): what
// searches by part of a name compare.
func FoldName(s string) string { return foldASCII(s) }

// foldASCII lower-cases s and removes accents ("Ahmet Davutoğlu" ->
// "ahmet davutoglu").
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ı':
			b.WriteRune('i')
		case r == 'ø':
			b.WriteRune('o')
		case r == 'ß':
			b.WriteString("ss")
		case r == '’' || r == '\'' || r == '`' || r == 'ʼ' || r == 'ʻ' || r == 'ʿ' || r == 'ʾ':
			// "Ma'ariv", "Qur’an", "Ka‘bah": apostrophes and ayn/hamza
			// signs are not word breaks.
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// soundSwaps unifies letters and digraphs that transliterations of the same
// sound use interchangeably (Ghalibaf/Qalibaf, Bagher/Baqer, Djavad/Javad,
// Ahmadinezhad/Ahmadinejad, Velayati/Welayati, Kadhimi/Kazimi). Longer patterns come first:
// at one position the first listed pattern that matches wins.
var soundSwaps = strings.NewReplacer(
	"sch", "s", "tch", "s",
	"gh", "k", "kh", "h", "ck", "k", "ch", "s", "sh", "s", "zh", "j", "dj", "j",
	"ph", "f", "dh", "s", "th", "t",
	"q", "k", "c", "k", "z", "s", "w", "v", "x", "ks",
)

// shortWord is the length up to which a name word keeps its vowels: in
// short words (Chinese and Korean syllables, "Ali", "Kim") the vowels are
// most of what tells names apart (Wang Yi / Wang Yu, Kim Jong Un / Kim Jong
// Il).
const shortWord = 3

// Skeleton reduces one name word to a key that survives common
// transliteration variants of Arabic, Persian, Russian and other names
// while keeping different names apart:
//
//   - words of up to three letters are kept whole, vowels included;
//   - otherwise the consonants are kept, with sounds that transliterations
//     swap unified (q/k/gh, ph/f, z/s, w/v, zh/j), doubled letters
//     collapsed (letters written twice, not letters repeated across a
//     vowel: Keqiang is not Qiang) and "h" after the first letter dropped (it is silent or
//     aspirated differently from one spelling to the next);
//   - of the vowels, only the first vowel group leaves a mark: "u" when it
//     holds an o or u sound, nothing otherwise ("a" when the word starts
//     with a vowel). Transliterations agree on that much (Muallem, Moallem
//     and Mouallem give "mulm"; Mohammad, Muhammad and Mohamed "mumd"),
//     and it keeps Mahmoud ("mud") apart from Mohammad, and Hassan ("hsn")
//     apart from Hussein and Hossein ("husn").
//
// A "y" starting a word before a vowel is a consonant (Yusuf, Youssef),
// elsewhere a vowel (Sergei, Sergey).
func Skeleton(word string) string {
	var letters strings.Builder
	ascii := true
	for _, r := range foldASCII(word) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters.WriteRune(r)
			ascii = ascii && r < utf8.RuneSelf
		}
	}
	w := letters.String()
	if len(w) <= shortWord || !ascii {
		// Short words keep their vowels; words in other scripts
		// ("Лавров", "روحانی") are kept as written, lower-cased.
		return w
	}
	w = soundSwaps.Replace(w)
	isVowel := func(i int) bool {
		switch w[i] {
		case 'a', 'e', 'i', 'o', 'u':
			return true
		case 'y':
			// consonant at the start of a word before a vowel
			return !(i == 0 && len(w) > 1 && strings.IndexByte("aeiou", w[1]) >= 0)
		}
		return false
	}
	var b strings.Builder
	var last byte
	firstVowelSeen := false
	for i := 0; i < len(w); {
		c := w[i]
		if isVowel(i) {
			j := i
			for j < len(w) && isVowel(j) {
				j++
			}
			group := w[i:j]
			rounded := strings.ContainsAny(group, "ou")
			// A vowel between two equal consonants keeps both; a mark
			// left for the group is itself the last letter written.
			last = 0
			switch {
			case !firstVowelSeen && rounded:
				b.WriteByte('u')
				last = 'u'
			case !firstVowelSeen && i == 0:
				b.WriteByte('a')
				last = 'a'
			}
			firstVowelSeen = true
			i = j
			continue
		}
		i++
		if c == 'h' && b.Len() > 0 {
			continue
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

// PeopleNodes gives the node of each person of an article's facts, by
// name. A person's node is that of their name (PersonIRI), except for a
// family name alone ("Zarif", "Clinton", "Salman"), which stands for
// different people in different articles: its node is that of the name in
// the context the article gives it, its offices and nationality
// ("kg:person/srf/foreign-minister-iran"), so that "Iranian Foreign
// Minister Zarif" of one article and "Mr. Zarif" of another are decided
// each on what its own article says (graph.Resolve).
func PeopleNodes(f Facts) map[string]quad.IRI {
	out := make(map[string]quad.IRI, len(f.People))
	for _, p := range f.People {
		out[p.Name] = PersonIRI(p.Name)
		if !AnalyseName(p.Name).Short() {
			continue
		}
		var roles []Role
		for _, r := range f.Roles {
			if r.Person == p.Name {
				roles = append(roles, r)
			}
		}
		if ctx := contextKey(roles, p.Nationality); ctx != "" {
			out[p.Name] = quad.IRI(string(out[p.Name]) + "/" + ctx)
		}
	}
	return out
}

// contextKey is the context an article gives a name: its offices (title
// and country, current or former) and, when no office says the country,
// its nationality, as folded words ("foreign-minister-iran",
// "former-president", "king-saudi-arabia", "iran").
func contextKey(roles []Role, nationality string) string {
	var parts []string
	anyOf := false
	for _, r := range roles {
		anyOf = anyOf || r.Of != ""
		words := strings.FieldsFunc(foldASCII(r.Title+" "+r.Of), func(c rune) bool {
			return !unicode.IsLetter(c) && !unicode.IsDigit(c)
		})
		if !r.Current {
			words = append([]string{"former"}, words...)
		}
		if len(words) > 0 {
			parts = append(parts, strings.Join(words, "-"))
		}
	}
	sort.Strings(parts)
	if n := strings.Join(strings.FieldsFunc(foldASCII(nationality), func(c rune) bool { return !unicode.IsLetter(c) }), "-"); n != "" && !anyOf {
		parts = append(parts, n)
	}
	return strings.Join(parts, "+")
}

// PersonIRI is the stable node of the person called name.
func PersonIRI(name string) quad.IRI {
	return quad.IRI(NS + "person/" + PersonKey(name))
}

// ArticleIRI is the node of the article with the given identity.
func ArticleIRI(id string) quad.IRI {
	return quad.IRI(articlePrefix + url.PathEscape(id))
}

const articlePrefix = NS + "article/"

// ArticleID is the identity of the article whose node is iri (the inverse
// of ArticleIRI); for any other IRI it returns the IRI itself.
func ArticleID(iri quad.IRI) string {
	s := string(iri)
	if !strings.HasPrefix(s, articlePrefix) {
		return s
	}
	id, err := url.PathUnescape(s[len(articlePrefix):])
	if err != nil {
		return s[len(articlePrefix):]
	}
	return id
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

// OfficeIRI identifies one person holding one office. The title's two
// spellings of one word are one office: "National Security Advisor" and
// "National Security Adviser" (articles keep their own spelling).
func OfficeIRI(person quad.IRI, title, of string, current bool) quad.IRI {
	state := "former"
	if current {
		state = "current"
	}
	t := strings.ReplaceAll(strings.ToLower(title), "advisor", "adviser")
	return quad.IRI(NS + "office/" + digest(string(person), t, strings.ToLower(of), state))
}

// EventIRI identifies an event by its head word, date and place.
func EventIRI(head, date, place string) quad.IRI {
	return quad.IRI(NS + "event/" + digest(strings.ToLower(head), date, strings.ToLower(place)))
}

func digest(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(sum[:10])
}
