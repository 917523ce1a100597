package schema

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// How kg reads the parts of a name: which words are given names, which is
// the family name, and what a generation mark or a regnal number adds. Two
// uses depend on it: finding a person by any part of a name (SearchKeys,
// NameMatch), and deciding whether a short form such as "Zarif" or "Javad
// Zarif" may stand for a fuller name ("Mohammad Javad Zarif") stored from
// other articles (ShortFor, in graph). Every rule is a table below; a new
// case is a row.

// NameParts is a name read into its parts. Words are skeletons (Skeleton),
// so spelling variants compare equal.
type NameParts struct {
	// Given are the given names, patronymics and initials before the
	// family name, without particles: "Mohammad Javad Zarif" [mumd jvd],
	// "George H. W. Bush" [grg h w], "Hamad bin Isa Al Khalifa" [hmd isa].
	Given []string
	// Family is the key of the family name: "zrf"; "bin-slmn" for
	// "Mohammed bin Salman", whose "bin Salman" says whose son he is, so
	// that "Salman" alone is not his family name; "wang" for "Wang Yi",
	// whose family name comes first. A one-word name is all family name.
	Family string
	// Suffix is a generation mark or a regnal number: "jr", "sr", "ii".
	Suffix string
	// FamilyFirst is set for names written family name first (Wang Yi,
	// Kim Jong Un).
	FamilyFirst bool
}

// Short reports whether the name is a family name alone ("Zarif", "bin
// Laden", "von der Leyen").
func (p NameParts) Short() bool { return len(p.Given) == 0 && p.Family != "" }

// Initials reports whether a given name is an initial ("George W. Bush"):
// such a name is precise, and never taken as a shorter form of another.
func (p NameParts) Initials() bool {
	for _, g := range p.Given {
		if len([]rune(g)) == 1 {
			return true
		}
	}
	return false
}

// patronymics join the next word into a name that says whose child the
// person is ("bin Salman", "ibn Saud", "Ben Ali", "ould Abdel Aziz"): the
// word after one is the father's name, not a family name of its own.
var patronymics = map[string]string{"bin": "bin", "ibn": "bin", "bint": "bint", "ben": "bin", "ould": "bin"}

// startParticles may begin a name that is a family name alone: "al-Assad",
// "bin Laden", "von der Leyen", "da Silva", "Di Maio". "Ben", "Le" and "La"
// are not among them: "Ben Wallace", "Le Duc Tho" and "La Toya" begin with a
// given name (nameParticles, keys.go, holds every particle).
var startParticles = map[string]bool{
	"al": true, "el": true, "ad": true, "as": true, "ash": true, "ar": true, "az": true,
	"bin": true, "ibn": true, "bint": true, "ould": true,
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "da": true,
	"di": true, "du": true, "dos": true, "das": true,
}

// nameSuffixes mark a generation or a regnal number at the end of a name.
// Single letters (V, X, I) are left out: they are initials as often.
var nameSuffixes = map[string]bool{
	"jr": true, "jnr": true, "sr": true, "snr": true,
	"ii": true, "iii": true, "iv": true, "vi": true, "vii": true, "viii": true, "ix": true,
	"xi": true, "xii": true, "xiii": true, "xiv": true, "xv": true, "xvi": true,
}

// familyFirst are family names of China, Korea, Vietnam and Cambodia,
// whose holders write their family name first. A name is read family name
// first only when it starts with one of these and the rest of it reads as
// romanised syllables ("Wang Yi", "Xi Jinping", "Kim Jong Un", "Moon Jae-in",
// "Nguyen Xuan Phuc"), so that "Kim Darroch" keeps Darroch as his family
// name. Words the French and others use as particles ("Le") are left out.
var familyFirst = setOf(
	// Chinese (pinyin, and the Wade-Giles forms of Taiwan and Hong Kong)
	"wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun",
	"hu", "zhu", "gao", "lin", "he", "guo", "ma", "luo", "liang", "song", "zheng", "xie", "han",
	"tang", "feng", "yu", "dong", "xiao", "cheng", "cao", "yuan", "deng", "fu", "shen", "zeng",
	"peng", "lu", "su", "jiang", "cai", "jia", "ding", "wei", "xue", "ye", "yan", "pan", "du",
	"dai", "xia", "zhong", "tian", "ren", "fan", "fang", "shi", "yao", "tan", "liao", "zou",
	"xiong", "jin", "hao", "kong", "bai", "cui", "kang", "mao", "qiu", "qin", "gu", "hou",
	"shao", "meng", "long", "wan", "duan", "lei", "qian", "yin", "yi", "chang", "qiao", "lai",
	"gong", "wen", "geng", "chu", "xi", "lo", "tsai", "chiang", "tse", "hsieh", "chou", "kuo",
	// Korean
	"kim", "lee", "park", "pak", "choi", "choe", "jung", "chung", "cho", "yoon", "yun", "jang",
	"lim", "oh", "seo", "shin", "kwon", "hwang", "ahn", "yoo", "hong", "jeon", "ko", "moon",
	"son", "bae", "baek", "nam", "noh", "roh", "ha", "kwak", "sung", "cha", "joo", "woo", "min",
	"ryu", "ri", "choo", "ban",
	// Vietnamese and Cambodian
	"nguyen", "tran", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ngo",
	"duong", "truong", "dinh", "trinh", "doan", "hun",
)

// romanised matches a word made of one to three syllables as pinyin,
// Wade-Giles and the Korean and Vietnamese romanisations write them: an
// initial consonant (or cluster), vowels, and an optional final n, ng, nh,
// m, l, k, p, t, c or ch. "jinping", "keqiang", "jae", "xuan" match; "darroch",
// "antony" do not.
var romanised = regexp.MustCompile(`^(?:(?:zh|ch|sh|ts|tz|hs|ng|ph|th|kh|tr|gi|qu|[bcdfghjklmnpqrstvwxyz])?[aeiouy]{1,3}(?:ng|nh|ch|n|m|l|k|p|t|c)?){1,3}$`)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameTokens splits a name into folded words, particles included.
func nameTokens(name string) []string {
	return strings.FieldsFunc(foldASCII(trimPossessive(name)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// AnalyseName reads a name into its parts (see NameParts).
func AnalyseName(name string) NameParts {
	toks := nameTokens(name)
	var p NameParts
	if len(toks) == 0 {
		return p
	}
	if n := len(toks); n >= 2 && nameSuffixes[toks[n-1]] {
		p.Suffix, toks = toks[n-1], toks[:n-1]
	}
	if len(toks) >= 2 && familyFirst[toks[0]] && allRomanised(toks[1:]) {
		p.FamilyFirst = true
		p.Family = Skeleton(toks[0])
		for _, t := range toks[1:] {
			p.Given = append(p.Given, Skeleton(t))
		}
		return p
	}
	// The family name is the last word with the particles before it; a
	// particle starting the name belongs to it only when it is one that
	// can start a family name.
	start := len(toks) - 1
	for start > 0 && nameParticles[toks[start-1]] && (start-1 > 0 || startParticles[toks[0]]) {
		start--
	}
	p.Family = familyKey(toks[start:])
	for i, t := range toks[:start] {
		// "Ben" of "Ben Wallace" is his given name; "bin" of "Hamad bin
		// Isa" is not a name.
		if !nameParticles[t] || i == 0 && !startParticles[t] {
			p.Given = append(p.Given, Skeleton(t))
		}
	}
	return p
}

// familyKey is the key of a family name's words: particles dropped, except
// a patronymic, which stays joined to the name after it ("bin-slmn").
func familyKey(words []string) string {
	var parts []string
	for i, w := range words {
		if pat, ok := patronymics[w]; ok && i < len(words)-1 {
			parts = append(parts, pat)
			continue
		}
		if nameParticles[w] && i < len(words)-1 {
			continue
		}
		parts = append(parts, Skeleton(w))
	}
	return strings.Join(parts, "-")
}

func allRomanised(words []string) bool {
	for _, w := range words {
		if !romanised.MatchString(w) {
			return false
		}
	}
	return true
}

// SearchKeys are the keys a person is indexed under (kg:key), for every
// way a reader may look them up: the whole name (PersonKey), the family
// name ("Rouhani", "bin Salman", "Wang"), and each word of the name alone
// ("Lula", "Gang", "Salman"), so that any part of a name finds them.
// Which of these a query means is decided by NameMatch.
func SearchKeys(name string) []string {
	whole := PersonKey(name)
	if whole == "" {
		return nil
	}
	keys := []string{whole}
	add := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	p := AnalyseName(name)
	add(p.Family)
	for _, w := range NameWords(name) {
		add(Skeleton(w))
	}
	return keys
}

// Match is how a name someone looks for fits a person's name.
type Match int

// Matches, best first.
const (
	NoMatch Match = iota
	// PartMatch: the words asked for are words of the name, in order
	// ("Lula da Silva" in "Luiz Inácio Lula da Silva", "Gang" in "Qin
	// Gang", "George Bush" in "George W. Bush").
	PartMatch
	// FamilyMatch: the family name alone ("Rouhani", "Wang", "bin
	// Salman").
	FamilyMatch
	// WholeMatch: the whole name, in any spelling kg treats as the same.
	WholeMatch
)

// NameMatch says how the name asked for fits name.
func NameMatch(asked, name string) Match {
	a, n := PersonKey(asked), PersonKey(name)
	if a == "" || n == "" {
		return NoMatch
	}
	if a == n {
		return WholeMatch
	}
	pa, pn := AnalyseName(asked), AnalyseName(name)
	if pa.Short() && pa.Family == pn.Family {
		return FamilyMatch
	}
	if inOrder(skeletons(NameWords(asked)), skeletons(NameWords(name))) {
		return PartMatch
	}
	return NoMatch
}

// inOrder reports whether every word of part appears in whole, in order.
func inOrder(part, whole []string) bool {
	if len(part) == 0 {
		return false
	}
	k := 0
	for _, w := range whole {
		if k < len(part) && part[k] == w {
			k++
		}
	}
	return k == len(part)
}

func skeletons(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = Skeleton(w)
	}
	return out
}

// ShortForm says whether short may be a shorter way of writing full: the
// same family name (and generation, when short gives one), with short
// giving no given name ("Zarif") or some of full's given names in order and
// none that full lacks ("Javad Zarif", "Hillary Clinton" for "Hillary
// Rodham Clinton"). A name with initials ("George W. Bush") is precise and
// never a short form; full must give more than short does.
func ShortForm(short, full NameParts) bool {
	if short.Family == "" || short.Family != full.Family || short.Initials() {
		return false
	}
	if short.Suffix != "" && short.Suffix != full.Suffix {
		return false
	}
	if len(short.Given) >= len(full.Given) {
		return false
	}
	if len(short.Given) == 0 {
		return true
	}
	return inOrder(short.Given, full.Given)
}

// RegnalForm says whether short, the one name a monarch or prince is
// known by ("Salman" of "King Salman", "Mohammed" of "Crown Prince
// Mohammed"), may stand for full: it is full's first given name. Whether
// full holds such a title is for the caller to check (RegnalTitle).
func RegnalForm(short, full NameParts) bool {
	return short.Short() && !strings.Contains(short.Family, "-") && len(full.Given) > 0 && full.Given[0] == short.Family
}

// maxNameLength is the longest text NameDistance compares letter by
// letter; the longest names are under a hundred letters.
const maxNameLength = 200

// NameDistance is how many letters must change to turn asked into name
// (or, when asked is one word, into the closest word of name), accents and
// case aside: the measure of "did you mean" suggestions.
func NameDistance(asked, name string) int {
	a := strings.Join(nameTokens(asked), " ")
	n := strings.Join(nameTokens(name), " ")
	if len(a) > maxNameLength || len(n) > maxNameLength {
		return max(len(a), len(n)) // no name: not worth a quadratic count
	}
	best := EditDistance(a, n)
	if !strings.Contains(a, " ") {
		for _, w := range nameTokens(name) {
			best = min(best, EditDistance(a, w))
		}
	}
	return best
}
