package extract

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/loaders/extract/dates"
	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
)

// Layer 1 of mentions: personal names. A name is a run of capitalised
// words that the lexicon does not know as something else (a title, an
// honorific, an organisation or place word, a month, a function word),
// with lower-case particles inside it (bin, al-, da, von der), initials
// (S., H. W., MM) and a regnal number or generation at its end (II, Jr.).

// class says what the lexicon knows of one token; a token may be several
// things at once ("General" is an honorific and a title modifier).
type class uint32

const (
	clsNameWord class = 1 << iota // may be a word of a personal name
	clsHonorific
	clsWeakHonorific
	clsTitleHead
	clsTitleModifier
	clsTitleAbbrev
	clsOrg
	clsPlace // country, capital or nationality
	clsFunction
	clsDate
	clsParticle
	clsSuffix
	clsInitials
	clsVerb
	clsAgency
)

func (c class) has(f class) bool { return c&f != 0 }

// lineKind says how far capitals can be trusted on a line.
type lineKind uint8

const (
	normalLine    lineKind = iota
	titleCaseLine          // a headline in Title Case: verbs are capitalised too
	allCapsLine            // a line in capitals: every word is
)

// classCache remembers the classes of words already looked up: the
// lexicon lookups are most of the cost of classifying, and news repeats
// its words. It is split into shards, each with its own lock, so that the
// extractors of several cores seldom wait for each other; it stops growing
// at maxCachedClasses entries.
var (
	classCache       = classMemo{seed: maphash.MakeSeed()}
	classCacheSize   atomic.Int64
	maxCachedClasses = int64(200_000)
)

type classKey struct {
	text string
	line lineKind
}

// classMemo is a map of classKey to class safe for concurrent use.
type classMemo struct {
	seed   maphash.Seed
	shards [64]classShard
}

type classShard struct {
	mu sync.RWMutex
	m  map[classKey]class
	_  [64]byte // keeps neighbouring shards' locks off one cache line
}

func (c *classMemo) shard(k classKey) *classShard {
	return &c.shards[maphash.String(c.seed, k.text)%uint64(len(c.shards))]
}

func (c *classMemo) load(k classKey) (class, bool) {
	s := c.shard(k)
	s.mu.RLock()
	v, ok := s.m[k]
	s.mu.RUnlock()
	return v, ok
}

// store adds k unless it is there already, and reports whether it did.
func (c *classMemo) store(k classKey, v class) bool {
	s := c.shard(k)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[k]; ok {
		return false
	}
	if s.m == nil {
		s.m = map[classKey]class{}
	}
	s.m[k] = v
	return true
}

// classify looks a token up in the lexicon.
func classify(t text.Token, line lineKind) class {
	if t.Kind != text.Word {
		return 0
	}
	key := classKey{t.Text, line}
	if c, ok := classCache.load(key); ok {
		return c
	}
	c := lookupClass(t, line)
	if classCacheSize.Load() < maxCachedClasses && classCache.store(key, c) {
		classCacheSize.Add(1)
	}
	return c
}

func lookupClass(t text.Token, line lineKind) class {
	l := t.Lower
	var c class
	if lexicon.Honorifics[l] || lexicon.Honorifics[strings.TrimSuffix(l, ".")] {
		c |= clsHonorific
	}
	if lexicon.WeakHonorifics[l] {
		c |= clsWeakHonorific
	}
	if lexicon.TitleHeads[l] {
		c |= clsTitleHead
	} else if k := strings.LastIndexAny(l, "-‐"); k > 0 && lexicon.TitleHeads[l[k+1:]] && isTitlePrefix(l[:k]) {
		// "vice-director", "deputy-governor", "co-chair".
		c |= clsTitleHead
	}
	if lexicon.TitleModifiers[l] {
		c |= clsTitleModifier
	}
	if lexicon.ExpandTitleAbbreviation(l) != "" && (t.AllCaps() || strings.HasSuffix(l, ".") || l == "veep") {
		c |= clsTitleAbbrev
	}
	if lexicon.OrgWords[l] || lexicon.PlaceTypeWords[l] || strings.HasSuffix(l, "s") && (lexicon.OrgWords[l[:len(l)-1]] || lexicon.OrgWords[strings.TrimSuffix(l, "es")]) {
		c |= clsOrg
	}
	// "Majlis Al-Shura", "Al-Azhar"'s kind: an article glued to an
	// institution's word names the institution, not a person.
	if p, rest, ok := strings.Cut(l, "-"); ok && (p == "al" || p == "el") && lexicon.OrgWords[rest] {
		c |= clsOrg | clsFunction
	}
	if lexicon.Places().IsPlaceWord(l) {
		c |= clsPlace
	}
	if lexicon.FunctionWords[l] || lexicon.PeopleAndRegions[l] {
		c |= clsFunction
	}
	if dates.Month(t) > 0 || dates.IsWeekday(t) {
		c |= clsDate
	}
	if lexicon.NameParticles[l] {
		c |= clsParticle
	}
	if lexicon.NameSuffixes[l] && t.Cap {
		c |= clsSuffix
	}
	if isInitials(t.Text) {
		c |= clsInitials
	}
	if lexicon.IsVerb(l) {
		c |= clsVerb
	}
	if lexicon.NewsAgencies[l] {
		c |= clsAgency
	}
	if lexicon.CommonWords[l] {
		c |= clsFunction
	}
	if c.has(clsOrg) && !orgSurnames[l] {
		c |= clsFunction
	}
	if t.Cap && nameWordShape(t, line == allCapsLine) && !c.has(clsFunction|clsDate|clsAgency|clsTitleAbbrev|clsPlace) &&
		(!c.has(clsHonorific) || c.has(clsWeakHonorific)) &&
		(!c.has(clsTitleHead) || nameLikeTitles[l]) && (!c.has(clsTitleModifier) || nameLikeTitles[l]) &&
		!(line != normalLine && c.has(clsVerb) && !c.has(clsPlace)) && !portfolioNoun(l) {
		c |= clsNameWord
	}
	return c
}

// orgSurnames are organisation and place words that are also common
// family names ("Stuart Hall", "Matt Field"); they may be words of a name.
var orgSurnames = map[string]bool{"hall": true, "house": true, "bank": true, "post": true, "temple": true,
	"church": true, "park": true, "court": true, "field": true, "ward": true, "gates": true, "street": true,
	"tower": true, "garden": true, "mission": true, "fleet": true, "guard": true, "trust": true,
	"day": true, "times": true, "state": false, "mount": true, "bay": true, "lake": true, "base": true}

// nameLikeTitles are title words that are also common family names ("Angus
// King", "Samantha Power", "Mark Young"); they may be words of a name.
var nameLikeTitles = map[string]bool{"king": true, "bishop": true, "judge": true, "power": true, "law": true,
	"young": true, "rich": true, "home": true, "justice": true, "price": true, "marshal": true,
	"dean": true, "sultan": true, "amir": true, "emir": true, "khan": true, "wali": true, "hakim": true,
	"first": false, "general": false}

func isTitlePrefix(p string) bool {
	switch p {
	case "vice", "deputy", "co", "under", "assistant", "acting", "chief", "prime", "ex", "former", "first", "senior":
		return true
	}
	return false
}

// nameWordShape checks the spelling of a capitalised word for a name: not
// an acronym, not an abbreviation, not a hyphenated compound of places or
// with a lower-case tail ("Hamas-led", "Tehran-Damascus", "U.S.-backed").
func nameWordShape(t text.Token, capsLine bool) bool {
	w := t.Text
	if t.AllCaps() && !capsLine && !isInitials(w) {
		return false
	}
	if strings.HasSuffix(w, ".") && !isInitials(w) {
		return false
	}
	k := strings.IndexAny(w, "-‐")
	if k <= 0 {
		return true
	}
	if lexicon.NameParticles[strings.ToLower(w[:k])] {
		return true
	}
	g := lexicon.Places()
	parts := strings.FieldsFunc(t.Lower, func(r rune) bool { return r == '-' || r == '‐' })
	for _, p := range parts {
		if g.IsPlaceWord(p) || lexicon.OrgWords[p] {
			return false
		}
	}
	rest := w[k+1:]
	r, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsUpper(r) {
		return true
	}
	// A short lower-case tail is a Korean or Chinese given name ("Jae-in",
	// "Jong-un", "Ki-moon"); a long one or a common suffix is not a name.
	limit := 4
	if k <= 5 {
		limit = 6
	}
	// "Chan-o-cha": short lower-case parts, none an adjective's tail.
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == '-' || r == '‐' }) {
		if utf8.RuneCountInString(part) > limit || compoundTails[strings.ToLower(part)] {
			return false
		}
	}
	return utf8.RuneCountInString(rest) <= limit || strings.ContainsAny(rest, "-‐") && utf8.RuneCountInString(rest) <= 8
}

// compoundTails make a hyphenated word an adjective, not a name.
var compoundTails = map[string]bool{
	"led": true, "run": true, "era": true, "held": true, "like": true, "made": true, "born": true,
	"style": true, "based": true, "backed": true, "linked": true, "owned": true, "funded": true,
	"allied": true, "aligned": true, "type": true, "wide": true, "only": true, "free": true,
	"level": true, "scale": true, "term": true, "year": true, "range": true, "sided": true, "rich": true,
}

// isInitials reports an initial or dotted initials used in a name ("S.",
// "W.", "A.P.J.", "H.U."), which are no country or organisation ("U.S.",
// "U.N.").
func isInitials(w string) bool {
	if len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	l := strings.ToLower(w)
	switch l {
	case "u.s.", "u.n.", "u.k.", "e.u.", "d.c.", "a.m.", "p.m.", "h.e.", "h.h.", "s.e.":
		return false
	}
	return lexicon.Places().Country(l) == ""
}

// shortCapsInitials reports a two- or three-letter capitalised word used as
// initials before a name ("MM Naravane", "AK Abdul Momen", "JD Vance").
func shortCapsInitials(t text.Token, c class) bool {
	n := len(t.Text)
	return t.Kind == text.Word && (n == 2 || n == 3) && t.AllCaps() && !strings.Contains(t.Text, ".") &&
		!c.has(clsPlace|clsTitleAbbrev|clsAgency|clsOrg|clsFunction) && lexicon.Places().Country(t.Lower) == "" &&
		!lexicon.OrgAbbreviations[t.Lower]
}

// particlesThenName reports lower-case name particles from token i
// followed by a capitalised name word: "von der Leyen", "de Klerk".
func particlesThenName(toks []text.Token, cls []class, i int) bool {
	k := i
	for k < len(toks) && k < i+3 && cls[k].has(clsParticle) && !toks[k].Cap {
		k++
	}
	return k > i && k < len(toks) && toks[k].Cap && cls[k].has(clsNameWord)
}

// inPlaceAfterTitle reports a place word at k that follows a title's "of"
// ("Ambassador of France [to] ...").
func inPlaceAfterTitle(toks []text.Token, cls []class, k int) bool {
	return k > 1 && cls[k].has(clsPlace) && toks[k-1].Is("of") && cls[k-2].has(clsTitleHead)
}

// span is a run of tokens [i, j) of one sentence.
type span struct{ i, j int }

// nameSpans finds the candidate personal names of a sentence: maximal runs
// of name words with inner particles, initials, inner honorifics and a
// final suffix. cls holds the sentence's token classes.
func nameSpans(s *text.Sentence, cls []class) []span {
	toks := s.Toks
	var out []span
	isName := func(k int) bool { return k < len(toks) && cls[k].has(clsNameWord) }
	joined := func(k int) bool {
		return k < len(toks) && toks[k].NLBefore == 0 && !s.Quoted[k] == !s.Quoted[max(k-1, 0)]
	}
	for i := 0; i < len(toks); i++ {
		start := i
		switch {
		case isName(i):
		case lexicon.NameWordsToo[toks[i].Lower] && toks[i].Cap && isName(i+1) && joined(i+1) && !cls[i+1].has(clsPlace):
			// "Christian Lindner"
		case lexicon.GivenNamesToo[toks[i].Lower] && toks[i].Cap && !toks[i].AllCaps() && isName(i+1) && joined(i+1) &&
			!cls[i+1].has(clsPlace|clsTitleHead|clsTitleModifier|clsOrg) && !orgSurnames[toks[i+1].Lower] &&
			!tokAt(toks, i-1).Is("in", "at", "from", "into", "across", "near", "inside", "outside", "throughout", "around", "toward", "towards", "of", "visited", "visiting", "visit"):
			// "Israel Katz", "Marine Le Pen"; not "in Israel Netanyahu said".
		case (cls[i].has(clsInitials) || shortCapsInitials(toks[i], cls[i])) && isName(i+1) && joined(i+1):
			// "S. Jaishankar", "MM Naravane"
		case cls[i].has(clsParticle) && toks[i].Cap && lexicon.CapitalParticles[toks[i].Lower] && isName(i+1) && joined(i+1):
			// "Al Mutawa", "Bin Bandar", "Van Hollen" standing alone
		case cls[i].has(clsParticle) && !toks[i].Cap && i > 0 && cls[i-1].has(clsTitleHead|clsTitleAbbrev|clsHonorific) && toks[i-1].Cap &&
			particlesThenName(toks, cls, i):
			// "President von der Leyen", "Mr de Klerk": a family name
			// that opens with its particles, after a title.
		default:
			continue
		}
		j := i + 1
	name:
		for j < len(toks) && joined(j) {
			c := cls[j]
			switch {
			case isName(j) && !cls[j].has(clsPlace):
				j++
				continue
			case cls[j].has(clsInitials) && isName(j+1) && joined(j+1):
				// "George H. W. Bush", "Yemane G. Meskel"
				j++
				continue
			case cls[j].has(clsPlace) && toks[j].Cap && j > start && placeSurname(toks, cls, j):
				// "Kenneth Lusaka", "Evan Jordan": a place word as surname.
				j++
				continue
			case lexicon.NameWordsToo[toks[j].Lower] && toks[j].Cap:
				// "Nurul Islam", "Mirza Fakhrul Islam Alamgir"
				j++
				continue
			case lexicon.InnerHonorifics[toks[j].Lower] && toks[j].Cap && isName(j+1) && joined(j+1):
				// "Hassan Sheikh Mohamud", "Hajiji Haji Noor"
				j++
				continue
			case toks[j].Text == "May" && tokAt(toks, j+1).Kind != text.Number:
				// "Theresa May"
				j++
				continue
			case c.has(clsSuffix):
				j++
			case toks[j].Lower == "he" && toks[j].Text == "He" && j == start+1 && titleBefore(toks, cls, start):
				// "Vice Premier Liu He"
				j++
				continue
			case c.has(clsParticle) || lexicon.NameParticles[toks[j].Lower]:
				// Particles only inside: "Lula da Silva", "bin Salman",
				// "Saud bin Abdul Rahman bin Faisal Al Thani".
				k := j
				for k < len(toks) && joined(k) && (cls[k].has(clsParticle) || lexicon.NameParticles[toks[k].Lower]) {
					k++
				}
				if k > j && isName(k) && joined(k) {
					j = k + 1
					continue
				}
			case isMononymInitial(toks, j) && isName(j+1):
				j++
				continue
			}
			break
		}
		// `Joko "Jokowi" Widodo`: a nickname in quotation marks inside
		// the name; the name goes on after it.
		if e := nicknameEnd(toks, cls, j); e > 0 {
			j = e
			goto name
		}
		// `Pushpa Kamal Dahal "Prachanda"`: a nickname after a name of
		// two words or more is the name's.
		if j-start >= 2 && j+2 < len(toks) && toks[j].Kind == text.Quote && toks[j+2].Kind == text.Quote && toks[j].NLBefore == 0 {
			if w := toks[j+1]; w.Kind == text.Word && w.Cap && cls[j+1].has(clsNameWord) && !lexicon.FunctionWords[w.Lower] &&
				!lexicon.CommonWords[w.Lower] && !cls[j+1].has(clsPlace|clsTitleHead|clsOrg) {
				j += 3
			}
		}
		// A trailing all-caps pair is part of an Indonesian name
		// ("Mahfud MD") when nothing else follows.
		if j < len(toks) && j-start >= 1 && joined(j) && len(toks[j].Text) == 2 && toks[j].AllCaps() &&
			!cls[j].has(clsPlace|clsTitleAbbrev|clsAgency) && tokAt(toks, j+1).Kind != text.Word {
			j++
		}
		// "King Abdullah II", "Sultan Hassanal Bolkiah": a title that is
		// also a name word stands before the name, not in it.
		// After another title it is a given name: "committee member Amir
		// Khosru Chowdhury".
		for j-start >= 2 && (cls[start].has(clsTitleHead) || cls[start].has(clsHonorific) && !cls[start].has(clsWeakHonorific)) &&
			!lexicon.NameParticles[toks[start+1].Lower] &&
			!(lexicon.TitlesAlsoGivenNames[toks[start].Lower] && j-start >= 3 && start > 0 && cls[start-1].has(clsTitleHead)) {
			start++
		}
		// "Governor of the Central Bank Ana Reis": after a capitalised
		// word that is no title, a word that is a family name only at
		// the end of a name ("Stuart Hall", "Matt Field") ends an
		// organisation's name; "President Park Geun-hye" is a name.
		if start > 0 && j-start != 2 && orgSurnames[toks[start].Lower] && toks[start-1].Cap && toks[start-1].Kind == text.Word &&
			!cls[start-1].has(clsTitleHead|clsTitleAbbrev|clsHonorific|clsNameWord) {
			start++
			if start == j {
				i = j - 1
				continue
			}
		}
		// "Governor Sindh Kamran Khan Tessori", "Chief Minister Punjab
		// X Y": a province between a title and a full name is the
		// title's.
		if start > 0 && cls[start-1].has(clsTitleHead) && !cls[start-1].has(clsHonorific|clsWeakHonorific) {
			for n := 1; n <= 2 && j-start-n >= 2; n++ {
				// Not a given name that is also a province's ("party
				// leader Mary Lou McDonald"; Mary is in Turkmenistan).
				first := toks[start].Lower
				if lexicon.FemaleGivenNames[first] || lexicon.MaleGivenNames[first] {
					break
				}
				if !cls[start+n].has(clsParticle) && lexicon.Places().IsSubdivision(strings.ToLower(nameText(toks[start:start+n]))) {
					start += n
					break
				}
			}
		}
		// "Ambassador of France to Georgia Sacha Chetrit", "Governor of
		// Pskov Oblast Mikhail Vedernikov", "Akim of Almaty Yerbolat
		// Dossayev": after a title's "of" or "to", the place the office
		// is of, then the full name.
		if start > 1 && toks[start-1].Is("of", "to") && (cls[start-2].has(clsTitleHead|clsPlace) || inPlaceAfterTitle(toks, cls, start-2)) {
			n := 0
			if _, pn := lexicon.Places().PlaceAt(toks, start); pn > 0 {
				n = pn
			} else if lexicon.Places().IsSubdivision(toks[start].Lower) || tokAt(toks, start+1).Is("oblast", "region", "province", "krai", "governorate") {
				n = 1
			}
			if n > 0 && tokAt(toks, start+n).Is("oblast", "region", "province", "krai", "governorate", "state", "county") {
				n++
			}
			if n > 0 && j-start-n >= 2 {
				start += n
			}
		}
		// "the Yang Dipertua Negeri Sarawak Tun Abdul Taib Mahmud": one
		// word before a weak honorific and a full name is a place.
		if j-start >= 4 && cls[start+1].has(clsWeakHonorific) && !cls[start].has(clsWeakHonorific) {
			start++
		}
		// "at his ranch in Diriyah Charles, Prince of Wales": a place
		// word, then the name its appositive describes.
		if j-start >= 2 && tokAt(toks, start-1).Is("in", "at") && tokAt(toks, j).Text == "," && appositiveTitleAt(toks, cls, j+1) {
			start++
		}
		// "Leaders (Kor-Pic) Meeting": one word in brackets after a
		// capitalised phrase abbreviates it.
		if j-start == 1 && tokAt(toks, start-1).Text == "(" && tokAt(toks, j).Text == ")" && tokAt(toks, start-2).Cap {
			i = j - 1
			continue
		}
		// Names longer than eight words are lists or titles of works,
		// unless joined by particles (Arabic genealogical names).
		if j-start <= 8 || particleCount(toks, start, j) >= 2 {
			out = append(out, span{start, j})
		}
		i = j - 1
	}
	return out
}

// appositiveTitleAt reports an office title starting at token k ("Prince
// of Wales", "the Russian Foreign Minister").
func appositiveTitleAt(toks []text.Token, cls []class, k int) bool {
	for q := k; q < len(toks) && q < k+4; q++ {
		if cls[q].has(clsTitleHead) || toks[q].Is("prince", "princess") {
			return true
		}
		if !toks[q].Is("the", "a", "an") && !cls[q].has(clsTitleModifier|clsPlace) {
			return false
		}
	}
	return false
}

func isMononymInitial(toks []text.Token, j int) bool {
	t := tokAt(toks, j)
	return len(t.Text) == 1 && t.Text[0] >= 'A' && t.Text[0] <= 'Z' && tokAt(toks, j+1).Text != "."
}

func particleCount(toks []text.Token, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if lexicon.NameParticles[toks[k].Lower] {
			n++
		}
	}
	return n
}

// placeSurname reports a capital or province's name used as the last word
// of a personal name: the word before it is a name word and nothing
// capitalised follows.
func placeSurname(toks []text.Token, cls []class, j int) bool {
	t := toks[j]
	g := lexicon.Places()
	if g.Country(t.Lower) != "" || g.Demonym(t.Lower) != "" {
		return false
	}
	next := tokAt(toks, j+1)
	return !(next.Kind == text.Word && next.Cap)
}

// titleBefore reports an office title word right before token i.
func titleBefore(toks []text.Token, cls []class, i int) bool {
	return i > 0 && cls[i-1].has(clsTitleHead|clsTitleModifier|clsTitleAbbrev)
}

func tokAt(toks []text.Token, i int) text.Token {
	if i < 0 || i >= len(toks) {
		return text.Token{}
	}
	return toks[i]
}

// nameText joins a name's tokens with single spaces, with curly
// apostrophes made straight; a nickname in quotation marks inside it is
// left out (nickname returns it).
func nameText(toks []text.Token) string {
	var b strings.Builder
	inQuotes := false
	for k, t := range toks {
		if t.Kind == text.Quote {
			inQuotes = !inQuotes
			continue
		}
		if inQuotes {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		w := t.Text
		// "King Harald V." at a sentence's end: the dot is the sentence's.
		if r := strings.TrimSuffix(w, "."); k == len(toks)-1 && k > 0 && r != w && r != "" && strings.Trim(r, "IVX") == "" {
			w = r
		}
		// "Shia'" of "Mohammed Shia' al-Sudani": a final apostrophe
		// marks a sound English spelling leaves out.
		w = strings.TrimRight(strings.ReplaceAll(w, "’", "'"), "'")
		b.WriteString(w)
	}
	return b.String()
}

// nickname returns the word in quotation marks inside a name's tokens
// (`Luiz Inácio "Lula" da Silva`), or "".
func nickname(toks []text.Token) string {
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].Kind == text.Quote && toks[k+2].Kind == text.Quote {
			return toks[k+1].Text
		}
	}
	return ""
}

// nicknameEnd reads a nickname in quotation marks at toks[j] that stands
// inside a name (`Joko "Jokowi" Widodo`, `Luiz Inácio "Lula" da Silva`):
// one capitalised word between quotation marks, then the rest of the name
// (particles, and a name word). It returns where that name word ends, or
// 0.
func nicknameEnd(toks []text.Token, cls []class, j int) int {
	w := tokAt(toks, j+1)
	if tokAt(toks, j).Kind != text.Quote || tokAt(toks, j+2).Kind != text.Quote || w.Kind != text.Word || !w.Cap ||
		lexicon.FunctionWords[w.Lower] || lexicon.CommonWords[w.Lower] || tokAt(toks, j).NLBefore > 0 {
		return 0
	}
	k := j + 3
	for k < len(toks) && (cls[k].has(clsParticle) || lexicon.NameParticles[toks[k].Lower]) {
		k++
	}
	if k < len(toks) && cls[k].has(clsNameWord) && !cls[k].has(clsPlace) {
		return k + 1
	}
	return 0
}
