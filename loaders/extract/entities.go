package extract

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
	"github.com/kg-project/kg/schema"
)

// Layer 3: people. Name mentions that name the same person become one
// entity: the same name in other spellings (accents, hyphens, al-/el-),
// a short form of a fuller name ("Onyeama", "Xi", "President Isaias",
// "Mohamed bin Zayed"), a nickname in brackets ("Jokowi"). A short form
// joins a fuller name only when exactly one person of the article fits it
// (or a title it carries picks one); otherwise it stays apart, so two
// people are never merged on a guess. Descriptions and pronouns are
// resolved later, in reading order, by the discourse layer.

type entity struct {
	name      string   // fullest form, without honorifics
	words     []string // folded words of name, particles dropped
	forms     []string // every form the article uses
	offices   []office
	country   string
	mentions  int
	first     int // sentence of the first mention
	firstTok  int // token of the first mention in that sentence
	lastSent  int // sentence of the latest mention, maintained by the discourse pass
	honorific bool
	titled    bool     // named with an office title before the name at least once
	styles    []string // ranks and styles named before the name ("general", "admiral")
	strong    bool     // named with a title, an honorific, an appositive or in full outside a headline
	female    bool
}

// foldWord lower-cases a name word, strips accents and the al-/el- article
// and straightens apostrophes, so spellings of one name compare equal.
func foldWord(w string) string {
	w = strings.ToLower(w)
	if !isASCII(w) {
		w = norm.NFD.String(w)
	}
	var b strings.Builder
	for _, r := range w {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '’', '\'', '‘', '`', '.':
			continue
		case 'đ':
			r = 'd'
		case 'ı':
			r = 'i'
		case 'ł':
			r = 'l'
		case 'ø':
			r = 'o'
		}
		b.WriteRune(r)
	}
	w = b.String()
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			w = w[len(p):]
			break
		}
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// nameWords splits a name into folded words, hyphenated parts joined,
// particles dropped.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		f := foldWord(w)
		// "el-Sisi" is "Sisi": a particle joined by a hyphen is left out
		// as a particle standing alone is.
		if p, rest, ok := strings.Cut(f, "-"); ok && lexicon.NameParticles[p] && rest != "" {
			f = rest
		}
		if lexicon.NameParticles[f] || f == "" {
			continue
		}
		out = append(out, strings.ReplaceAll(f, "-", ""))
	}
	return out
}

// keyOf is the index key of a name's words: spaces aside, so that
// "Abdel Fattah el-Sisi" and "Abdel-Fattah El-Sisi" are one name.
func keyOf(nameKey string) string { return strings.ReplaceAll(nameKey, " ", "") }

func nameKey(name string) string { return strings.Join(nameWords(name), " ") }

// nameIndex finds entities by their words, so that grouping names costs
// time in proportion to the names, not their square.
type nameIndex struct {
	byKey   map[string]int
	byWord  map[string][]int // every word of an entity's name
	byFirst map[string][]int
	byLast  map[string][]int
}

func (ix *nameIndex) add(e int, words []string) {
	if len(words) == 0 {
		return
	}
	ix.byKey[keyOf(strings.Join(words, " "))] = e
	for _, w := range words {
		ix.byWord[w] = appendNew(ix.byWord[w], e)
	}
	ix.byFirst[words[0]] = appendNew(ix.byFirst[words[0]], e)
	ix.byLast[words[len(words)-1]] = appendNew(ix.byLast[words[len(words)-1]], e)
}

// appendNew appends e unless it is already last: entities are added in
// increasing order, so that is the only place it could be.
func appendNew(xs []int, e int) []int {
	if len(xs) > 0 && xs[len(xs)-1] == e {
		return xs
	}
	return append(xs, e)
}

// resolveNames groups the name mentions of the document into entities.
func (d *doc) resolveNames() {
	type ref struct {
		si, mi int
		words  []string
	}
	var full, short []ref
	for si := range d.ments {
		for mi := range d.ments[si] {
			m := &d.ments[si][mi]
			if m.kind != mName {
				continue
			}
			w := nameWords(m.text)
			if len(w) >= 2 {
				full = append(full, ref{si, mi, w})
			} else if len(w) == 1 {
				short = append(short, ref{si, mi, w})
			}
		}
	}
	// Fuller names first, longest first, so that "Mohamed bin Zayed Al
	// Nahyan" is known before "Mohamed bin Zayed".
	sort.SliceStable(full, func(a, b int) bool {
		ma, mb := &d.ments[full[a].si][full[a].mi], &d.ments[full[b].si][full[b].mi]
		if ma.titleCase != mb.titleCase {
			return !ma.titleCase
		}
		return len(full[a].words) > len(full[b].words)
	})
	d.index = &nameIndex{byKey: map[string]int{}, byWord: map[string][]int{}, byFirst: map[string][]int{}, byLast: map[string][]int{}}
	ix := d.index
	aliasOf := map[string]string{} // nickname key → full name key
	for si := range d.ments {
		toks := d.sents[si].Toks
		for _, m := range d.ments[si] {
			if m.alias != "" {
				aliasOf[nameKey(m.alias)] = nameKey(m.text)
			}
			// "Benjamin Netanyahu, known as Bibi,", "X, nicknamed
			// Jokowi,": a name the article gives as another's.
			if m.kind == mName && len(nameWords(m.text)) >= 2 {
				k := m.whole.j
				if tokAt(toks, k).Text == "," {
					k++
				}
				if tokAt(toks, k).Is("also") {
					k++
				}
				switch {
				case tokAt(toks, k).Is("known", "popularly") && tokAt(toks, k+1).Is("as"):
					k += 2
				case tokAt(toks, k).Is("popularly") && tokAt(toks, k+1).Is("known") && tokAt(toks, k+2).Is("as"):
					k += 3
				case tokAt(toks, k).Is("nicknamed", "dubbed"):
					k++
				default:
					k = -1
				}
				if nick := tokAt(toks, k); k > 0 && nick.Kind == text.Word && nick.Cap {
					aliasOf[nameKey(nick.Text)] = nameKey(m.text)
				}
			}
		}
	}
	for _, r := range full {
		m := &d.ments[r.si][r.mi]
		key := strings.Join(r.words, " ")
		if e, ok := ix.byKey[keyOf(key)]; ok {
			d.attach(m, e)
			continue
		}
		if e := d.fullerEntity(m, r.words); e >= 0 {
			d.attach(m, e)
			ix.byKey[keyOf(key)] = e
			continue
		}
		if e := d.variantEntity(r.words); e >= 0 {
			d.attach(m, e)
			ix.byKey[keyOf(key)] = e
			continue
		}
		if m.titleCase && !m.hasContext() {
			// A Title Case headline names people the text names.
			continue
		}
		d.newEntity(m)
	}
	speakers := d.quotedSpeakers()
	for _, r := range short {
		m := &d.ments[r.si][r.mi]
		key := r.words[0]
		if full, ok := aliasOf[key]; ok {
			if e, ok := ix.byKey[keyOf(full)]; ok {
				d.attach(m, e)
				continue
			}
		}
		if e := d.shortFormEntity(m, key); e >= 0 {
			d.attach(m, e)
			continue
		}
		// "MBS" for Mohammed bin Salman, "AMLO" for Andrés Manuel López
		// Obrador: the initials of a person named in full.
		if e := d.initialsEntity(m); e >= 0 {
			d.attach(m, e)
			continue
		}
		if e, ok := ix.byKey[keyOf(key)]; ok {
			d.attach(m, e)
			continue
		}
		// A one-word name stands alone only with a title or an honorific
		// ("President Isaias", "State Secretary Pratikno", "Dr.
		// Fakhrizadeh") and outside a headline, when the article quotes
		// it more than once ("..., said Rouhani"), or when it meets
		// another name ("Erdogan met Stoltenberg").
		if m.titleCase {
			continue
		}
		// A headline in sentence case names people as its body does
		// ("Xi Jinping meets Blinken in Beijing"), by a meeting only.
		if meets := d.meetsAName(m); len(m.offices) > 0 && !m.headline || m.honorific && !m.headline || speakers[key] && !m.headline || meets {
			e := d.newEntity(m)
			d.ents[e].strong = d.ents[e].strong || meets
		}
	}
	// Nicknames in brackets: "Joko Widodo (Jokowi)".
	for si := range d.ments {
		for mi := range d.ments[si] {
			m := &d.ments[si][mi]
			if m.alias != "" && m.ent >= 0 {
				d.aliases[nameKey(m.alias)] = m.ent
			}
		}
	}
	for si := range d.ments {
		for mi := range d.ments[si] {
			m := &d.ments[si][mi]
			if m.kind == mName && m.ent < 0 {
				if e, ok := d.aliases[nameKey(m.text)]; ok {
					d.attach(m, e)
				}
			}
		}
	}
}

// royalStyleNotOf reports a mention styled as royalty ("Prince William")
// whose candidate the article never styles so.
func royalStyleNotOf(m *mention, e *entity) bool {
	for _, st := range m.styles {
		switch st {
		case "prince", "princess", "king", "queen", "emperor", "empress", "pope", "sultan":
			// "Crown Prince Salman bin Abdulaziz" is "Prince Salman".
			for _, o := range e.offices {
				if strings.Contains(strings.ToLower(o.title), st) {
					return false
				}
			}
			return !containsString(e.styles, st)
		}
	}
	return false
}

// initialsEntity returns the one person whose full name's initials a
// one-word name in capitals spells ("MBS", "MBZ", "AMLO"; "VDL" for Ursula
// von der Leyen, past the given name; initialsOf), or -1.
func (d *doc) initialsEntity(m *mention) int {
	w := strings.ReplaceAll(m.text, ".", "")
	if strings.Contains(m.text, " ") || len(w) < 2 || len(w) > 5 || strings.ToUpper(w) != w {
		return -1
	}
	found := -1
	for e := range d.ents {
		if initialsOf(d.ents[e].name, w) {
			if found >= 0 && found != e {
				return -1
			}
			found = e
		}
	}
	return found
}

// quotedSpeakers returns the one-word names used at least twice in the
// article, once right next to a speech verb ("Rouhani said", "said
// Rouhani"): people, though the article never gives a full name.
func (d *doc) quotedSpeakers() map[string]bool {
	count := map[string]int{}
	speaks := map[string]bool{}
	for si := range d.ments {
		s := &d.sents[si]
		for _, m := range d.ments[si] {
			if m.kind != mName || m.headline || m.name.j-m.name.i != 1 {
				continue
			}
			key := nameKey(m.text)
			count[key]++
			next, prev := tokAt(s.Toks, m.whole.j), tokAt(s.Toks, m.whole.i-1)
			if lexicon.SpeechVerbs[next.Lower] || lexicon.SpeechVerbs[prev.Lower] || next.Is("further", "also") && lexicon.SpeechVerbs[tokAt(s.Toks, m.whole.j+1).Lower] {
				speaks[key] = true
			}
		}
	}
	out := map[string]bool{}
	for k := range speaks {
		if count[k] >= 2 {
			out[k] = true
		}
	}
	return out
}

// bareNameContacts are the ways of saying two people met that make a
// lone capitalised word beside them a person when a name stands on the
// other side: "Erdogan met Stoltenberg", "Lula received Macron", "Modi held
// talks with Sharif", "Macron spoke with Scholz". A row is a verb's lemma
// and the words one of which must follow it (none: the verb alone).
// Places take these verbs too ("Qatar hosted the talks"), which is why the
// other side must be a name.
var bareNameContacts = []struct {
	verb string
	then []string
}{
	{"meet", nil}, {"receive", nil}, {"host", nil}, {"welcome", nil}, {"phone", nil}, {"telephone", nil}, {"call", nil},
	{"speak", []string{"by"}},
	{"hold", []string{"talks", "meetings", "discussions", "a", "an"}}, {"have", []string{"talks", "a"}}, {"sit", []string{"down"}},
	{"huddle", nil}, {"confer", []string{"with"}}, {"shake", []string{"hands"}},
	{"speak", []string{"with", "to"}}, {"talk", []string{"with", "to"}}, {"talk", nil},
}

// bareNameContactEnds are the words after which a contact's other side
// follows: "met X", "talks with X", "spoke to X".
var bareNameContactEnds = map[string]bool{"with": true, "to": true, "by": true}

// contactAt returns the index after a way of saying two people met that
// starts at k (a row of bareNameContacts), or -1.
func contactAt(toks []text.Token, k int) int {
	t := tokAt(toks, k)
	if t.Kind != text.Word || strings.HasSuffix(t.Lower, "ing") {
		return -1
	}
	for _, c := range bareNameContacts {
		if !isForm(t.Lower, c.verb) {
			continue
		}
		if c.then == nil {
			return k + 1
		}
		// Not "shook hands on a deal": companies agree so too.
		if tokAt(toks, k+1).Is(c.then...) && !(c.verb == "shake" && tokAt(toks, k+2).Is("on") && tokAt(toks, k+3).Is("a", "an", "the", "this", "that")) {
			return k + 2
		}
	}
	return -1
}

// betweenBefore reports "between NAME and" right before the one-word
// name m: "talks between Emmanuel Macron and Lula".
func (d *doc) betweenBefore(m *mention) bool {
	for _, o := range d.ments[m.sent] {
		if o.kind == mName && o.whole.j == m.whole.i-1 {
			return tokAt(d.sents[m.sent].Toks, o.whole.i-1).Is("between")
		}
	}
	return false
}

// meetsAName reports a one-word name m that is the subject or the object
// of a meeting verb whose other side is a name of the same sentence:
// "Erdogan met Stoltenberg", "Erdogan and Putin met", "Erdogan on Monday
// received NATO Secretary General Jens Stoltenberg", "Putin met Erdogan",
// "Modi held talks with Sharif".
func (d *doc) meetsAName(m *mention) bool {
	toks := d.sents[m.sent].Toks
	ms := d.ments[m.sent]
	nameAt := func(k int) bool {
		for i := range ms {
			if o := &ms[i]; o != m && o.kind == mName && o.whole.i <= k && k < o.whole.j {
				return true
			}
		}
		return false
	}
	// Subject: the verb follows, after "and NAME", "also" or a day; or
	// "NAME and" comes before and the verb right after ("Putin and
	// Erdogan met").
	k := m.whole.j
	// "Kishida, 65, met Yoon": an age after the name.
	if tokAt(toks, k).Text == "," && tokAt(toks, k+1).Kind == text.Number && tokAt(toks, k+2).Text == "," {
		k += 3
	}
	// "Rutte said he met Zelensky".
	if lexicon.SpeechVerbs[tokAt(toks, k).Lower] && tokAt(toks, k+1).Is("he", "she") {
		k += 2
	}
	paired := m.whole.i > 1 && tokAt(toks, m.whole.i-1).Is("and") && nameAt(m.whole.i-2)
	// "Jeffries, Schumer and McCarthy met": a list of names, commas and
	// "and", before the verb.
	// Only bare names, and a list closed by "and": not "in Addis Ababa,
	// Somali President X met Y".
	bareAt := func(k int) bool {
		for i := range ms {
			if o := &ms[i]; o != m && o.kind == mName && o.whole.i == k && o.name.i == k {
				return true
			}
		}
		return false
	}
	listed := m.whole.i > 1 && tokAt(toks, m.whole.i-1).Text == "," && nameAt(m.whole.i-2)
	for q := k; ; {
		if tokAt(toks, q).Is("and") && nameAt(q+1) {
			paired = true
			for k = q + 1; nameAt(k); k++ {
			}
			break
		}
		if tokAt(toks, q).Text != "," || !bareAt(q+1) {
			break
		}
		for q++; nameAt(q); q++ {
		}
	}
	if listed && tokAt(toks, k-1).Kind == text.Word && nameAt(k-1) && k > m.whole.j {
		paired = true
	}
	// "The meeting between Lula and Emmanuel Macron", "talks between
	// Macron and Lula": one side of a meeting noun's "between".
	if paired && (tokAt(toks, m.whole.i-1).Is("between") || d.betweenBefore(m)) {
		return true
	}
	// "Lula's meeting with Macron", "Blinken's talks with Xi": either
	// side.
	possessedMeeting := func(poss int) bool {
		return tokAt(toks, poss).Kind == text.Poss && tokAt(toks, poss+1).Is("meeting", "talks", "call", "conversation") && tokAt(toks, poss+2).Is("with")
	}
	if possessedMeeting(k) && nameAt(k+3) || m.whole.i >= 4 && possessedMeeting(m.whole.i-3) && nameAt(m.whole.i-4) {
		return true
	}
	// "Petro, who met Joe Biden on Tuesday, said".
	if tokAt(toks, k).Text == "," && tokAt(toks, k+1).Is("who") {
		k += 2
	}
	for contactAt(toks, k) < 0 && (tokAt(toks, k).Is("also", "on", "today", "yesterday", "had", "has", "have", "last", "first", "already",
		"briefly", "again", "was", "were") || weekdayLower[tokAt(toks, k).Lower]) {
		k++
	}
	if after := contactAt(toks, k); after >= 0 {
		if paired {
			return true
		}
		for j := after; j < len(toks) && j <= after+8 && toks[j].Text != "."; j++ {
			if nameAt(j) {
				return true
			}
		}
		return false
	}
	// Object: a name and its verb right before, and the noun phrase ends
	// with the word ("met Shanghai Party Secretary Chen Jining" names a
	// place).
	if next := tokAt(toks, m.whole.j); next.Kind == text.Word && next.Cap {
		return false
	}
	// "had a telephone conversation with Albanese": a meeting or call
	// noun's "with", a name before it.
	if w := m.whole.i - 1; tokAt(toks, w).Is("with") && tokAt(toks, w-1).Is("talks", "meeting", "conversation", "call", "discussions", "lunch", "dinner") {
		for j := w - 2; j >= 0 && j >= w-10; j-- {
			if nameAt(j) {
				return true
			}
		}
	}
	// "met Jeffries, Schumer and Thune": a name in a list whose first
	// name meets another.
	// The list is closed by "and": not "received X, Akorda press service
	// reports".
	first := m.whole.i
	inList := tokAt(toks, m.whole.i-1).Is("and") || tokAt(toks, m.whole.j).Is("and") && nameAt(m.whole.j+1) ||
		tokAt(toks, m.whole.j).Text == "," && bareAt(m.whole.j+1)
	for inList && first > 1 && (tokAt(toks, first-1).Text == "," || tokAt(toks, first-1).Is("and")) && nameAt(first-2) {
		first -= 2
		for first > 0 && nameAt(first-1) {
			first--
		}
	}
	for v := first - 4; v < first; v++ {
		after := contactAt(toks, v)
		// "held a meeting with Orban".
		if after >= 0 && tokAt(toks, after-1).Is("a", "an") && tokAt(toks, after).Is("meeting", "conversation", "call", "talk") {
			after++
		}
		ends := after == first || after == first-1 && bareNameContactEnds[tokAt(toks, after).Lower]
		// The subject may be far, past its appositive: "Tom Hale,
		// Speaker of the House of Representatives, met Tinubu".
		for j := v - 1; ends && j >= 0 && j >= v-16; j-- {
			if nameAt(j) {
				return true
			}
		}
	}
	return false
}

func (m *mention) hasContext() bool {
	return len(m.offices) > 0 || m.honorific || m.country != "" || m.credit
}

func (d *doc) newEntity(m *mention) int {
	e := len(d.ents)
	words := nameWords(m.text)
	d.ents = append(d.ents, entity{name: m.text, words: words, first: m.sent, firstTok: m.whole.i})
	d.index.add(e, words)
	d.attach(m, e)
	return e
}

// attach makes m a mention of entity e and adds what m says of its person.
func (d *doc) attach(m *mention, e int) {
	m.ent = e
	ent := &d.ents[e]
	ent.mentions++
	if m.sent < ent.first || m.sent == ent.first && m.whole.i < ent.firstTok {
		ent.first, ent.firstTok = m.sent, m.whole.i
	}
	if m.kind != mName {
		return
	}
	if !containsString(ent.forms, m.text) {
		ent.forms = append(ent.forms, m.text)
	}
	if len(nameWords(m.text)) > len(ent.words) && !m.titleCase {
		ent.name = m.text
		ent.words = nameWords(m.text)
	}
	if m.country != "" && ent.country == "" {
		ent.country = m.country
	}
	if m.honorific {
		ent.honorific = true
		for _, st := range m.styles {
			if !containsString(ent.styles, st) {
				ent.styles = append(ent.styles, st)
			}
		}
	}
	// A headline in sentence case names people as surely as the body
	// ("PM Narendra Modi meets Nepal PM Pushpa Kamal Dahal"); one in
	// Title Case capitalises every word.
	if !m.titleCase && (m.hasContext() || len(nameWords(m.text)) >= 2) || m.credit {
		ent.strong = true
	}
	for _, o := range m.offices {
		if o.title == "" {
			continue
		}
		if o.rule == "role-title-before-name" || o.rule == "role-title-comma-name" {
			ent.titled = true
		}
		if o.of == "" {
			o.of = m.country
		}
		ent.offices = append(ent.offices, o)
	}
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// fullerEntity finds the one entity whose name a multi-word name is a
// short form of: its prefix ("Mohamed bin Zayed" of "Mohamed bin Zayed Al
// Nahyan"), its first and last words ("Nana Akufo-Addo" of "Nana Addo
// Dankwa Akufo-Addo"), or its suffix when no office says otherwise
// ("Njoroge Muchiri" of "Dr James Njoroge Muchiri", but "President Joko
// Widodo" is not "First Lady Iriana Joko Widodo"). It returns -1 when none
// or several fit.
func (d *doc) fullerEntity(m *mention, w []string) int {
	found := -1
	ambiguous := false
	check := func(e int) {
		ew := d.ents[e].words
		if len(ew) <= len(w) {
			return
		}
		suffix := hasPrefix(reverse(ew), reverse(w)) && (len(m.offices) == 0 || officesMatch(d.ents[e].offices, m.offices[0].title))
		if hasPrefix(ew, w) || suffix || len(w) == 2 && ew[0] == w[0] && ew[len(ew)-1] == w[1] {
			if found >= 0 && found != e {
				ambiguous = true
			}
			found = e
		}
	}
	for _, e := range d.index.byFirst[w[0]] {
		check(e)
	}
	for _, e := range d.index.byLast[w[len(w)-1]] {
		check(e)
	}
	if ambiguous {
		return -1
	}
	return found
}

// variantEntity returns the one person of the article whose full name is
// this one spelt a little differently: the same words but for one or two
// letters in one long word ("Abbas Araqchi" / "Abbas Araghchi", "Shama
// Obed" / "Shama Obaed"). Names of one word, short words, two candidates
// or two differing words keep the people apart.
func (d *doc) variantEntity(w []string) int {
	if len(w) < 2 {
		return -1
	}
	found := -1
	for _, e := range append(append([]int(nil), d.index.byFirst[w[0]]...), d.index.byLast[w[len(w)-1]]...) {
		ew := d.ents[e].words
		if len(ew) != len(w) || e == found {
			continue
		}
		differ := 0
		for i := range w {
			if ew[i] == w[i] {
				continue
			}
			// One letter changed, added or dropped; or two where one is
			// added ("Araqchi"/"Araghchi"), never two swapped letters
			// ("Karimi"/"Kazemi").
			dist := schema.EditDistance(ew[i], w[i])
			if len(w[i]) < 4 || len(ew[i]) < 4 || w[i][0] != ew[i][0] || dist > 2 || dist == 2 && len(w[i]) == len(ew[i]) {
				differ = 2
				break
			}
			differ++
		}
		if differ != 1 {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = e
	}
	return found
}

func hasPrefix(a, b []string) bool {
	if len(b) > len(a) {
		return false
	}
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func reverse(a []string) []string {
	out := make([]string, len(a))
	for i, x := range a {
		out[len(a)-1-i] = x
	}
	return out
}

// shortFormEntity finds the person a one-word name stands for: the entity
// whose name contains the word. When several do, a title the mention
// carries picks between them; failing that, the most mentioned one, if it
// was mentioned clearly more.
func (d *doc) shortFormEntity(m *mention, w string) int {
	cands := d.index.byWord[w]
	if len(cands) == 0 {
		// A short form whose spelling differs a little ("Thounglun" /
		// "Thongloun") is not merged: it is safer to keep two people.
		return -1
	}
	if len(cands) == 1 {
		// Not "King Charles" of "European Council President Charles
		// Michel", "Prince William" of "President William Ruto": a short
		// form with an office the one named in full does not hold, in the
		// given name's place.
		if e := cands[0]; d.ents[e].words[0] == w && len(d.ents[e].words) > 1 && len(d.ents[e].offices) > 0 &&
			(len(m.offices) > 0 && !officesMatch(d.ents[e].offices, m.offices[0].title) || royalStyleNotOf(m, &d.ents[e])) {
			return -1
		}
		return cands[0]
	}
	if len(m.offices) > 0 {
		var fit []int
		for _, e := range cands {
			if officesMatch(d.ents[e].offices, m.offices[0].title) {
				fit = append(fit, e)
			}
		}
		if len(fit) == 1 {
			return fit[0]
		}
	}
	// The surname of the one whose surname it is.
	var bySurname []int
	for _, e := range cands {
		ew := d.ents[e].words
		// "Marcos" of "Ferdinand Marcos Jr.": the family name before a
		// suffix.
		for len(ew) > 1 && lexicon.NameSuffixes[strings.ToLower(ew[len(ew)-1])] {
			ew = ew[:len(ew)-1]
		}
		if ew[len(ew)-1] == w {
			bySurname = append(bySurname, e)
		}
	}
	if len(bySurname) == 1 {
		return bySurname[0]
	}
	// A given name alone: "Prince Salman" of "Salman bin Abdulaziz",
	// "President Isaias" of "Isaias Afwerki".
	if len(bySurname) == 0 {
		var byGiven []int
		for _, e := range cands {
			// Not "King Charles" of "European Council President Charles
			// Michel": a given name with an office the other does not
			// hold is someone else's.
			if len(m.offices) > 0 && len(d.ents[e].offices) > 0 && !officesMatch(d.ents[e].offices, m.offices[0].title) {
				continue
			}
			if d.ents[e].words[0] == w {
				byGiven = append(byGiven, e)
			}
		}
		if len(byGiven) == 1 {
			return byGiven[0]
		}
		bySurname = cands
	}
	// "Mrs. Erdogan" of "Recep Tayyip Erdogan and his wife Emine
	// Erdogan": the one whose given name is a woman's.
	if femaleStyle(*m) {
		var women []int
		for _, e := range bySurname {
			if d.namedAsWoman(e) {
				women = append(women, e)
			}
		}
		if len(women) == 1 {
			return women[0]
		}
	}
	// "Marcos" of "President Ferdinand Marcos Jr. ... accompanied by his
	// son, Congressman Sandro Marcos": not the one named as a relative.
	if !femaleStyle(*m) {
		var principals []int
		for _, e := range bySurname {
			if !d.namedAsRelative(e) {
				principals = append(principals, e)
			}
		}
		if len(principals) == 1 {
			return principals[0]
		}
	}
	// Of a family named in one article ("Marape and his wife, Rachel
	// Marape"), the surname alone is the office holder's.
	var official []int
	for _, e := range bySurname {
		if len(d.ents[e].offices) > 0 {
			official = append(official, e)
		}
	}
	if len(official) == 1 {
		return official[0]
	}
	return d.mainOf(bySurname)
}

// womanWords name a woman by her relation or office: "his wife X", "first
// lady X".
var womanWords = map[string]bool{"wife": true, "widow": true, "daughter": true, "sister": true, "mother": true,
	"lady": true, "queen": true, "princess": true}

// relativeWords name someone by their kin: "his son, X", "her brother X".
var relativeWords = map[string]bool{"son": true, "daughter": true, "wife": true, "husband": true, "brother": true,
	"sister": true, "father": true, "mother": true, "nephew": true, "niece": true, "cousin": true, "widow": true}

// namedAsRelative reports an entity a mention names by kinship: "his son,
// Congressman Sandro Marcos".
func (d *doc) namedAsRelative(e int) bool {
	for si := range d.ments {
		toks := d.sents[si].Toks
		for _, m := range d.ments[si] {
			if m.ent != e || m.kind != mName {
				continue
			}
			for k := max(m.whole.i-3, 0); k < m.name.i && k < len(toks); k++ {
				if relativeWords[toks[k].Lower] {
					return true
				}
			}
		}
	}
	return false
}

// namedAsWoman reports an entity whose given name is a woman's, or whom a
// mention calls a wife, daughter or first lady.
func (d *doc) namedAsWoman(e int) bool {
	if ws := d.ents[e].words; len(ws) > 0 && lexicon.FemaleGivenNames[strings.ToLower(ws[0])] {
		return true
	}
	for si := range d.ments {
		toks := d.sents[si].Toks
		for _, m := range d.ments[si] {
			if m.ent != e || m.kind != mName {
				continue
			}
			if femaleStyle(m) {
				return true
			}
			for k := m.whole.i; k < m.name.i && k < len(toks); k++ {
				if womanWords[toks[k].Lower] {
					return true
				}
			}
		}
	}
	return false
}

// mainOf returns, of several people a short name fits, the one the
// story is about: named in its first sentences and mentioned at least
// twice as often as any other ("Kim" in a story about Kim Jong Un that
// also names Kim Yo Jong once). Else -1: two people are kept apart.
func (d *doc) mainOf(cands []int) int {
	best, second := -1, 0
	for _, e := range cands {
		n := d.ents[e].mentions
		switch {
		case best < 0 || n > d.ents[best].mentions:
			if best >= 0 {
				second = max(second, d.ents[best].mentions)
			}
			best = e
		default:
			second = max(second, n)
		}
	}
	if best < 0 || d.ents[best].first > 2 || d.ents[best].mentions < 2*max(second, 1) {
		return -1
	}
	return best
}

// officesMatch reports whether one of offices has a title sharing its head
// word with title.
func officesMatch(offices []office, title string) bool {
	h := titleHeadWord(title)
	for _, o := range offices {
		if titleHeadWord(o.title) == h && h != "" {
			return true
		}
	}
	return false
}

// titleHeadWord returns the last title head word of a title, lower case,
// with plural and variant forms folded ("premier" counts as "prime
// minister").
func titleHeadWord(title string) string {
	fs := strings.Fields(strings.ToLower(title))
	head := ""
	for _, f := range fs {
		if f == "of" || f == "for" {
			break
		}
		if lexicon.TitleHeads[f] {
			head = f
		}
	}
	if head == "" && len(fs) > 0 {
		head = fs[len(fs)-1]
	}
	// "Prime Minister", "Deputy Prime Minister"; not "Prime Minister's
	// Adviser", whose head is the adviser.
	if head == "minister" && strings.Contains(strings.ToLower(title), "prime minister") {
		return "premier"
	}
	switch head {
	case "advisor":
		return "adviser"
	case "amir":
		return "emir"
	}
	return strings.TrimSuffix(head, "s")
}
