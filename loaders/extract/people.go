package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 4: people. A personal name is a run of capitalised words, with
// lower-case particles inside it (al-, bin, van, de, da), that is not an
// organisation, place, month, weekday, news agency or function word. What
// stands before it is read as honorifics (dropped), an office title,
// a nationality or a country's possessive ("Syrian Foreign Minister Walid
// al-Muallem", "secretary of Iran's Supreme National Security Council Ali
// Shamkhani"); what follows it may be an appositive ("Ali Akbar Velayati, a
// senior adviser to ..."). A single word counts as a name only after an
// honorific or title ("Dr. Fakhrizadeh", "Imam Khomeini") or, in the
// coreference stage, as the surname of someone named in full.

type mentionKind uint8

const (
	mentionName        mentionKind = iota // a personal name
	mentionDescription                    // "the Syrian foreign minister", "his Iranian counterpart"
	mentionPronoun                        // he / she
	mentionGroup                          // "the two leaders": the last two people who met
)

// mention is one reference to a person inside a sentence.
type mention struct {
	sent               int
	kind               mentionKind
	nameStart, nameEnd int // tokens of the name (or description) in the sentence
	spanStart, spanEnd int // including title, nationality and honorifics before it
	name               string
	honorific          bool
	title              string // office title in plain form, "" when none
	of                 string // country or organisation of the office
	ofStart, ofEnd     int    // tokens of the "to X"/"of X" complement of an appositive title
	current            bool
	counterpart        bool // "his Russian counterpart X": title copied from the subject
	predecessor        bool // "his predecessor X": title copied, not current
	country            string
	visiting           bool
	quoted             bool
	complement         bool     // inside another phrase ("adviser to X", "of X")
	speaker            bool     // right next to a speech or meeting verb ("X said", "said X", "X met")
	pluralTitle        bool     // the title was plural ("Presidents X and Y")
	extra              *mention // a second office from an appositive (title, of, current only)
	group              []int    // for "the two leaders": the entities it stands for
	groupOf            []string // for "the leaders of France, Germany and Italy": the countries
	titleRule          string
	rule               string
	entity             int
	descHead           string // for descriptions: the head word ("diplomat", "president")
	descTitle          []string
}

// isNameWord reports whether a token may be part of a personal name; the
// tokenizer works it out once per token.
func isNameWord(t token) bool { return t.nameWord }

func nameWordCheck(t token) bool {
	if t.kind != tokWord || !t.cap || isAllCaps(t.text) && !isInitials(t.text) {
		return false
	}
	l := t.lower
	if stopCaps[l] || orgWords[l] || newsAgencies[l] || honorifics[l] || titleHeads[l] ||
		titleModifiers[l] && !nameLikeModifiers[l] {
		return false
	}
	if _, ok := monthNames[l]; ok {
		return false
	}
	if strings.HasSuffix(l, ".") && !isInitial(t.text) && !(isInitials(t.text) && t.cap) {
		return false
	}
	g := places()
	if g.isPlaceWord(l) {
		return false
	}
	// Hyphenated compounds of places or with a lower-case tail
	// (Tehran-Damascus, U.S.-backed, Syria-based) are not names.
	if k := strings.IndexAny(t.text, "-‐"); k > 0 && !nameParticles[strings.ToLower(t.text[:k])] {
		for _, part := range strings.FieldsFunc(l, func(r rune) bool { return r == '-' || r == '‐' }) {
			if g.isPlaceWord(part) || orgWords[part] || titleHeads[part] {
				return false
			}
		}
		// A short lower-case tail is a Korean given name ("Moon Jae-in",
		// "Kim Jong-un"); a long one or a common suffix is not a name.
		rest := t.text[k+1:]
		// Up to six letters after a short head: "Lee Jae-joung", "Lee
		// Jae-myung".
		limit := 4
		if k <= 5 {
			limit = 6
		}
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) &&
			(utf8.RuneCountInString(rest) > limit || compoundTails[strings.ToLower(rest)] || strings.ContainsAny(rest, "-‐")) {
			return false
		}
	}
	return true
}

// isInitials reports dotted initials used as a first name ("L.K.",
// "A.P.J."), which are no country or organisation ("U.S.", "U.N.").
func isInitials(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	l := strings.ToLower(w)
	if _, ok := places().countries[l]; ok {
		return false
	}
	_, org := orgAbbreviations[l]
	return !org && l != "d.c." && l != "a.m." && l != "p.m."
}

// isInitial reports a middle initial like "W.".
func isInitial(w string) bool {
	return len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z'
}

func isParticle(t token) bool {
	return t.kind == tokWord && !t.cap && nameParticles[t.lower]
}

// nameSpan is a candidate name: tokens [i, j) of a sentence.
type nameSpan struct{ i, j int }

// nameSpans finds the maximal runs of name words (with inner particles).
func nameSpans(toks []token) []nameSpan {
	var out []nameSpan
	for i := 0; i < len(toks); i++ {
		if !isNameWord(toks[i]) && !(toks[i].text == "He" && isNameWord(tokAt(toks, i+1)) && tokAt(toks, i+1).nlBefore == 0) &&
			!initialsBeforeName(toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) {
			if (isNameWord(toks[j]) || toks[j].text == "He") && toks[j].nlBefore == 0 {
				// "He" inside a run is a Chinese name word: "Liu He".
				j++
				continue
			}
			// "Hassan Sheikh Mohamud": an honorific between name words is
			// part of the name.
			if toks[j].cap && innerHonorifics[toks[j].lower] && toks[j].nlBefore == 0 &&
				isNameWord(tokAt(toks, j+1)) && tokAt(toks, j+1).nlBefore == 0 {
				j++
				continue
			}
			// "Theresa May": a month name after a given name, with no day
			// or year after it.
			if toks[j].text == "May" && toks[j].nlBefore == 0 && tokAt(toks, j+1).kind != tokNumber {
				j++
				continue
			}
			// A capital city's name as the surname of a titled person
			// named by one given name: "Senate Speaker Kenneth Lusaka".
			if j == i+1 && capitalSurname(toks, i, j) {
				j++
				break
			}
			// Regnal numbers and suffixes: "Abdullah II", "Martin Luther King Jr."
			if nameSuffixes[toks[j].text] && toks[j].nlBefore == 0 {
				j++
				break
			}
			// Particles only inside: "Lula da Silva", "bin Salman".
			k := j
			for k < len(toks) && isParticle(toks[k]) {
				k++
			}
			if k > j && k < len(toks) && isNameWord(toks[k]) {
				j = k + 1
				continue
			}
			break
		}
		// Names longer than five words are lists or titles of works.
		if j-i <= 5 {
			out = append(out, nameSpan{i, j})
		}
		i = j - 1
	}
	return out
}

// capitalSurname reports a capital city's name at toks[j] that ends the
// name begun at toks[i]: a title head stands before toks[i], and the
// capital is followed by punctuation or a lower-case word, not by a verb
// phrase's capitalised object.
func capitalSurname(toks []token, i, j int) bool {
	t := tokAt(toks, j)
	if t.kind != tokWord || !t.cap || t.nlBefore != 0 || isAllCaps(t.text) {
		return false
	}
	g := places()
	if _, ok := g.capitals[t.lower]; !ok {
		return false
	}
	if _, ok := g.countries[t.lower]; ok {
		return false
	}
	if _, ok := g.demonyms[t.lower]; ok {
		return false
	}
	if i == 0 || !titleHeads[toks[i-1].lower] || !toks[i-1].cap {
		return false
	}
	next := tokAt(toks, j+1)
	return next.kind != tokWord || !next.cap
}

// innerHonorifics are honorifics that Somali and Arabic names also carry
// between given name and surname ("Hassan Sheikh Mohamud").
var innerHonorifics = set("sheikh", "shaikh", "sheik")

// pairVerb reports a past-tense verb or adverb after "the two": "the two
// met", "the two exchanged", "the two also".
func pairVerb(t token) bool {
	if t.kind != tokWord || t.cap {
		return false
	}
	switch t.lower {
	case "met", "held", "had", "spoke", "shook", "sat", "discussed", "agreed", "exchanged", "talked", "signed", "dined":
		return true
	}
	return adverbs[t.lower]
}

// initialsBeforeName reports a two-letter capital abbreviation used as a
// first name before a name word ("JD Vance"), when it is no country or
// organisation ("UK", "EU").
func initialsBeforeName(toks []token, i int) bool {
	t := toks[i]
	if t.kind != tokWord || len(t.text) != 2 || !isAllCaps(t.text) || strings.Contains(t.text, ".") {
		return false
	}
	if _, ok := places().countries[t.lower]; ok {
		return false
	}
	if _, ok := orgAbbreviations[t.lower]; ok || newsAgencies[t.lower] {
		return false
	}
	next := tokAt(toks, i+1)
	return next.nameWord && next.nlBefore == 0 && (i == 0 || toks[i-1].kind == tokWord && titleHeads[toks[i-1].lower])
}

// nameText joins a name's tokens, normalising curly apostrophes.
func nameText(toks []token) string {
	var b strings.Builder
	for k, t := range toks {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ReplaceAll(t.text, "’", "'"))
	}
	return b.String()
}

// personMentions finds the name mentions of one sentence, with what their
// prefix and appositive say about the office each holds.
func personMentions(s *sentence, orgs map[string]bool) []mention {
	toks := s.toks
	var out []mention
	if creditLine(toks) {
		return nil
	}
	spans := nameSpans(toks)
	if s.titleCase {
		// In a Title Case headline only single words count, as surnames
		// of people named in the text.
		var singles []nameSpan
		for _, sp := range spans {
			for k := sp.i; k < sp.j; k++ {
				if isNameWord(toks[k]) {
					singles = append(singles, nameSpan{k, k + 1})
				}
			}
		}
		spans = singles
	}
	rejectedEnd := -1
	for _, sp := range spans {
		m := mention{sent: s.index, kind: mentionName, nameStart: sp.i, nameEnd: sp.j, spanStart: sp.i, spanEnd: sp.j,
			current: true, entity: -1, quoted: s.quoted[sp.i], rule: "person-name"}
		m.name = nameText(toks[sp.i:sp.j])
		if rejectName(toks, sp, orgs) {
			// Remember where the rejected name ends, over capitalised
			// words that could not be in a name ("Morgan Stanley").
			rejectedEnd = sp.j
			for rejectedEnd < len(toks) && toks[rejectedEnd].cap && !toks[rejectedEnd].nameWord {
				rejectedEnd++
			}
			continue
		}
		// "at Morgan Stanley and Goldman Sachs": joined by "and" to a
		// rejected multi-word name, an untitled name is of the same kind.
		if rejectedEnd >= 0 && sp.j-sp.i >= 2 && (sp.i == rejectedEnd+1 && (toks[rejectedEnd].lower == "and" || toks[rejectedEnd].text == ",") ||
			sp.i == rejectedEnd+2 && toks[rejectedEnd].text == "," && toks[rejectedEnd+1].lower == "and") {
			if !titleHeads[tokAt(toks, sp.i-1).lower] && !honorifics[tokAt(toks, sp.i-1).lower] {
				rejectedEnd = sp.j
				continue
			}
		}
		readPrefix(toks, &m)
		readAppositive(toks, &m)
		if p := tokAt(toks, m.spanStart-1).lower; p == "to" || p == "of" || p == "for" || p == "with" {
			m.complement = true
		}
		m.speaker = besideVerb(toks, sp) && !s.headline
		// "Presidents Vladimir Putin and Xi Jinping": the plural title
		// covers the second name too.
		if n := len(out); n > 0 && m.title == "" && out[n-1].pluralTitle && out[n-1].nameEnd+1 == m.nameStart &&
			toks[out[n-1].nameEnd].lower == "and" {
			m.title, m.of, m.country, m.titleRule = out[n-1].title, out[n-1].of, out[n-1].country, out[n-1].titleRule
			m.counterpart = out[n-1].counterpart
		}
		out = append(out, m)
	}
	return out
}

// creditLine reports a news agency's credit line: "(Reporting by X and Y;
// Editing by Z)".
func creditLine(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		switch toks[k].lower {
		case "reporting", "editing", "writing", "compiled":
			if toks[k+1].lower == "by" && toks[k].cap {
				return true
			}
		}
	}
	return false
}

// besideVerb reports whether a name is the subject of a speech or meeting
// verb ("Rouhani said", "Lavrov also met") or follows one as its subject
// ("..., said Rouhani.").
func besideVerb(toks []token, sp nameSpan) bool {
	k := sp.j
	for k < len(toks) && (adverbs[toks[k].lower] || toks[k].lower == "further") {
		k++
	}
	if k < len(toks) && toks[k].kind == tokWord && (speechVerbs[toks[k].lower] || toks[k].lower == "met" || toks[k].lower == "held") {
		return true
	}
	prev := tokAt(toks, sp.i-1).lower
	next := tokAt(toks, sp.j)
	if (prev == "said" || prev == "added" || prev == "noted" || prev == "says") && (next.kind == tokPunct || sp.j >= len(toks)) {
		return true
	}
	return false
}

// orgContext reports whether the context of a name span shows it names an
// organisation: "known as X", "X terrorist groups", "X Front", a number
// right after it ("Attribution 4.0").
func orgContext(toks []token, sp nameSpan) bool {
	next := tokAt(toks, sp.j)
	prev := tokAt(toks, sp.i-1)
	if next.kind == tokWord && next.cap && orgWords[next.lower] {
		return true
	}
	if prev.kind == tokWord && prev.cap && (orgWords[prev.lower] || newsAgencies[prev.lower]) && !honorifics[prev.lower] &&
		!titleHeads[prev.lower] && !titleModifiers[prev.lower] {
		return true
	}
	if next.kind == tokNumber {
		return true
	}
	// "the newspaper O Globo", "broadcaster NHK".
	if mediaNouns[prev.lower] && !prev.cap {
		return true
	}
	if next.kind == tokWord && !next.cap && groupNouns[next.lower] {
		// "Olmert and Abbas plan to meet": a verb, unless an article makes
		// it a noun ("the Abbas plan to end the war").
		if tokAt(toks, sp.j+1).lower == "to" && prev.lower != "the" && prev.lower != "a" && prev.lower != "an" {
			return false
		}
		return true
	}
	if next.kind == tokWord && !next.cap && (next.lower == "terror" || next.lower == "armed" || next.lower == "militant") {
		return true
	}
	pp := tokAt(toks, sp.i-2).lower
	if (prev.lower == "as" && (pp == "known" || pp == "named")) || prev.lower == "dubbed" || prev.lower == "called" && sp.j-sp.i > 1 {
		return true
	}
	if newsAgencies[next.lower] || next.lower == "reported" || next.lower == "reports" {
		return sp.j-sp.i == 1 && !tokAt(toks, sp.i-1).cap
	}
	return false
}

func rejectName(toks []token, sp nameSpan, orgs map[string]bool) bool {
	if orgContext(toks, sp) {
		return true
	}
	// Multi-word places: "Addis Ababa", "Sharm el-Sheikh".
	if p, n := places().placeAt(toks, sp.i); p != "" && n == sp.j-sp.i {
		// A one-word province is often a surname too ("Kerry"): only a
		// capital or a longer place name is rejected here; single words
		// become people only with a title or a full name anyway.
		if _, capital := places().capitals[toks[sp.i].lower]; n > 1 || capital {
			return true
		}
	}
	// A state, party or body before an office and a name: "Tamil Nadu
	// Chief Minister Edappadi K. Palaniswami".
	if titleThenName(toks, sp.j) {
		return true
	}
	// Multi-word countries and nationalities: "Sierra Leone", "Sri Lankan".
	if _, n := places().demonymAt(toks, sp.i); n == sp.j-sp.i {
		return true
	}
	if _, n := places().countryAt(toks, sp.i); n == sp.j-sp.i {
		return true
	}
	// "the Nord Stream pipeline", "the Sabarmati Ashram": a person's name
	// takes no article unless a title or honorific comes between.
	// One word after "the" is an organisation or a thing too ("the
	// Kuomintang"), except a possessive ("the Kremlin's").
	if sp.j-sp.i >= 2 || tokAt(toks, sp.j).kind != tokPoss {
		switch tokAt(toks, sp.i-1).lower {
		case "the", "a", "an":
			return true
		}
	}
	// "in X", "at X" with no title: a place ("at Camp David").
	switch tokAt(toks, sp.i-1).lower {
	case "in", "at", "near", "outside", "inside":
		if tokAt(toks, sp.j).kind != tokPoss {
			return true
		}
	}
	// Credit lines: "Reporting by X; Editing by Y", "By X".
	if tokAt(toks, sp.i-1).lower == "by" {
		switch tokAt(toks, sp.i-2).lower {
		case "reporting", "editing", "writing", "additional", "compiled", "photo", "photos", "":
			return true
		}
	}
	key := foldName(nameText(toks[sp.i:sp.j]))
	if orgs[key] {
		return true
	}
	// A name must have a word of two or more letters.
	long := false
	for _, t := range toks[sp.i:sp.j] {
		if utf8.RuneCountInString(t.text) >= 2 && !isInitial(t.text) {
			long = true
		}
	}
	return !long
}

// collectOrgNames gathers the capitalised sequences that the document shows
// to be organisations, so the same words elsewhere are not taken for a
// person ("Jabhat Fateh al-Sham" ... "Fateh al-Sham").
func collectOrgNames(sents []sentence) map[string]bool {
	orgs := map[string]bool{}
	for si := range sents {
		toks := sents[si].toks
		for _, sp := range nameSpans(toks) {
			if !orgContext(toks, sp) {
				continue
			}
			orgs[foldName(nameText(toks[sp.i:sp.j]))] = true
			// Its shorter tails name the same organisation.
			for k := sp.i + 1; k < sp.j; k++ {
				if isNameWord(toks[k]) && sp.j-k >= 2 {
					orgs[foldName(nameText(toks[k:sp.j]))] = true
				}
			}
		}
	}
	return orgs
}

// readPrefix reads honorifics, an office title, a nationality and
// "former"/"visiting"/"counterpart"/"predecessor" before a name.
func readPrefix(toks []token, m *mention) {
	p := m.nameStart - 1
	// Honorifics and a bracket: "Leader [Ayatollah Seyyed Ali Khamenei]".
	for p >= 0 {
		t := toks[p]
		royal := (t.lower == "prince" || t.lower == "princess" || t.lower == "king" || t.lower == "queen" || t.lower == "emir") &&
			p > 0 && (titleHeads[toks[p-1].lower] && toks[p-1].lower != "crown" || toks[p-1].lower == "counterpart")
		if t.kind == tokWord && (honorifics[t.lower] || royal) && !(t.lower == "general" && p > 0 && titleHeads[toks[p-1].lower]) {
			m.honorific = true
			p--
			continue
		}
		if t.text == "[" || (t.text == "(" && m.nameEnd < len(toks) && toks[m.nameEnd].text == ")") {
			p--
			continue
		}
		break
	}
	m.spanStart = p + 1
	// "The EU's foreign policy chief, Josep Borrell,": a comma after a title.
	if p >= 1 && toks[p].text == "," && (titleHeads[toks[p-1].lower] ||
		p >= 3 && toks[p-2].lower == "of" && titleHeads[toks[p-3].lower] && places().isPlaceWord(toks[p-1].lower)) {
		if after := tokAt(toks, m.nameEnd); after.text == "," || after.text == "." || after.text == ";" || m.nameEnd >= len(toks) {
			p--
		}
	}
	// "(SNSC)" between a title and the name.
	if p >= 2 && toks[p].text == ")" && toks[p-2].text == "(" {
		p -= 3
	}
	if p < 0 {
		return
	}
	// "his Iranian and Turkish counterparts, Hassan Rouhani and ...",
	// "her French counterpart, Gerald Darmanin,".
	if p >= 1 && toks[p].text == "," && (toks[p-1].lower == "counterparts" || toks[p-1].lower == "counterpart" || toks[p-1].lower == "predecessor") {
		p--
	}
	// "his wife Melania", "her husband, Joachim": a relative named by one
	// word is still a person.
	if kinship[toks[p].lower] && p > 0 && (toks[p-1].lower == "his" || toks[p-1].lower == "her" || toks[p-1].lower == "their") {
		m.honorific = true
		m.spanStart = p - 1
		return
	}
	// "Kishida's wife, Yuko," / "Kishida's wife Yuko".
	if q := p; q >= 2 && (toks[q].text == "," && kinship[toks[q-1].lower] && tokAt(toks, q-2).kind == tokPoss ||
		kinship[toks[q].lower] && toks[q-1].kind == tokPoss) {
		m.honorific = true
		return
	}
	switch toks[p].lower {
	case "counterpart", "counterparts":
		m.counterpart = true
		m.pluralTitle = toks[p].lower == "counterparts"
		m.titleRule = "role-counterpart"
		q := p - 1
		if c, n := demonymBefore(toks, q); n > 0 {
			m.country = c
			m.of = c
			q -= n
		} else if q >= 0 && toks[q].cap {
			// "her U.S. counterpart"
			for n := 1; n <= 3 && q-n+1 >= 0; n++ {
				if c, used := places().countryAt(toks, q-n+1); used == n {
					m.country, m.of = c, c
					q -= n
					break
				}
			}
		}
		m.spanStart = q + 1
		for q >= 0 && (toks[q].lower == "his" || toks[q].lower == "her" || toks[q].lower == "their") {
			m.spanStart = q
			q--
		}
		return
	case "predecessor", "successor":
		m.predecessor = toks[p].lower == "predecessor"
		m.current = !m.predecessor
		m.titleRule = "role-" + toks[p].lower
		m.spanStart = p
		if p > 0 && (toks[p-1].lower == "his" || toks[p-1].lower == "her") {
			m.spanStart = p - 1
		}
		return
	case "visiting":
		m.visiting = true
		m.spanStart = p
		return
	}
	// "a spokesman for Annan", "an aide to Putin": the office is someone
	// else's.
	if l := toks[p].lower; l == "for" || l == "to" || l == "of" && !toks[p].cap {
		return
	}
	// Collect the title segment backwards.
	q := p
	g := places()
	orgRun := 0
	for q >= 0 {
		t := toks[q]
		l := t.lower
		ok := false
		switch {
		case t.kind == tokPoss:
			ok = true
		case t.kind != tokWord:
			if t.text == ")" && q >= 2 && toks[q-2].text == "(" {
				q -= 2
				ok = true
			}
		case titleHeads[l] || titleModifiers[l]:
			ok = true
		case t.cap && q >= 1 && func() bool { _, n := g.demonymAt(toks, q-1); return n == 2 }():
			// Two-word nationality: "South African President".
			q--
			ok = true
		case t.cap && q >= 1 && func() bool { _, n := g.countryAt(toks, q-1); return n == 2 }():
			// Two-word country: "Sierra Leone President".
			q--
			ok = true
		case t.cap && q+1 <= p && titleWordRun(toks, q+1, p) && !stopCaps[l] && isNameWord(t) && !g.isPlaceWord(l):
			// A Title Case office whose first word is not a title word:
			// "Homeland Security Secretary".
			ok = true
		case t.cap && isAllCaps(t.text) && !newsAgencies[l], t.cap && (orgWords[l] || g.isPlaceWord(l)) && !stopCaps[l] && !newsAgencies[l]:
			ok = true
		case t.cap && q+1 <= p && titleHeads[toks[q+1].lower] && !stopCaps[l] && isNameWord(t):
			// An organisation name right before a title: "Majlis Speaker".
			ok = true
			orgRun = 1
		case orgRun > 0 && orgRun < 3 && t.cap && !stopCaps[l] && isNameWord(t):
			// ... of several words: "Tamil Nadu Chief Minister".
			ok = true
			orgRun++
		}
		if !ok {
			break
		}
		q--
	}
	seg := toks[q+1 : p+1]
	// Trim function words at the segment's start.
	for len(seg) > 0 && (seg[0].lower == "of" || seg[0].lower == "the" || seg[0].lower == "and" ||
		seg[0].lower == "for" || seg[0].kind == tokPoss) {
		seg = seg[1:]
	}
	start := p + 1 - len(seg)
	title, of, country := parseTitleSegment(seg)
	if title == "" {
		// Only a nationality or a country's possessive: "Russia's
		// Vladimir Putin", "Iranian Hassan Rouhani".
		if c, n := demonymBefore(toks, p); n > 0 && n == p+1-start {
			m.country = c
			m.spanStart = start
		} else if len(seg) >= 2 && seg[len(seg)-1].kind == tokPoss {
			if c, n := g.countryAt(seg, 0); n == len(seg)-1 {
				m.country = c
				m.spanStart = start
			}
		}
		return
	}
	m.title = title
	m.of = of
	m.country = country
	m.titleRule = "role-title-before-name"
	if l := toks[p].lower; titleHeads[l] && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
		m.pluralTitle = true
	}
	m.spanStart = start
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		l := toks[k].lower
		if l == "former" || l == "ex" || l == "then" || l == "late" || l == "ex-" {
			m.current = false
			m.spanStart = k
			break
		}
		if l == "visiting" {
			m.visiting = true
			m.spanStart = k
			break
		}
		if toks[k].kind != tokWord || !(titleModifiers[l] || l == "the" || l == "a" || l == "top" || l == "senior") {
			break
		}
	}
	if start > 0 && strings.HasPrefix(toks[start-1].lower, "ex-") {
		m.current = false
	}
}

// demonymBefore matches a nationality adjective ending at toks[q].
func demonymBefore(toks []token, q int) (string, int) {
	g := places()
	if q >= 1 {
		if c, n := g.demonymAt(toks, q-1); n == 2 {
			return c, 2
		}
	}
	if q >= 0 {
		if c, n := g.demonymAt(toks, q); n == 1 {
			return c, 1
		}
	}
	return "", 0
}

// parseTitleSegment reads "[country|nationality|organisation] TITLE [of
// X]" and returns the plain title, what it is of, and the country.
func parseTitleSegment(seg []token) (title, of, country string) {
	g := places()
	i := 0
	var orgToks []token
	// Leading nationality, country (with or without 's) and organisation.
	for i < len(seg) {
		if c, n := g.demonymAt(seg, i); n > 0 {
			country = c
			i += n
			continue
		}
		if c, n := g.countryAt(seg, i); n > 0 {
			country = c
			i += n
			if i < len(seg) && seg[i].kind == tokPoss {
				i++
			}
			continue
		}
		t := seg[i]
		if t.kind == tokPoss {
			i++
			continue
		}
		if name, ok := orgAbbreviations[t.lower]; ok && isAllCaps(t.text) {
			// "UN Secretary-General", "EU foreign policy chief".
			of = name
			i++
			continue
		}
		if portfolioWord(t) && i+1 < len(seg) && seg[i+1].cap && (titleHeads[seg[i+1].lower] || titleModifiers[seg[i+1].lower]) {
			// "Unification Minister": the ministry's field.
			break
		}
		if t.kind == tokWord && t.cap && !orgWords[t.lower] && !isAllCaps(t.text) && !titleHeads[t.lower] &&
			!titleModifiers[t.lower] && i+1 < len(seg) && seg[i+1].cap && titleModifiers[seg[i+1].lower] && !titleHeads[seg[i+1].lower] && hasHeadAfter(seg, i+1) {
			// "Homeland Security Secretary": the office's own first word.
			break
		}
		if t.kind == tokWord && !titleHeads[t.lower] && !(titleModifiers[t.lower] && hasHeadAfter(seg, i)) {
			orgToks = append(orgToks, t)
			i++
			continue
		}
		break
	}
	// The title run: modifiers and heads, ending at the last head before
	// any "of" complement.
	j := i
	lastHead := -1
	for j < len(seg) {
		l := seg[j].lower
		if l == "of" || l == "for" || seg[j].kind != tokWord {
			break
		}
		if !(titleHeads[l] || titleModifiers[l]) && !(j == i && seg[j].cap && hasHeadAfter(seg, j+1)) {
			break
		}
		if titleHeads[l] {
			lastHead = j
		}
		j++
	}
	if lastHead < 0 {
		return "", "", country
	}
	// "Secretary General", "Attorney General": a trailing "General".
	if lastHead+1 < len(seg) && seg[lastHead+1].lower == "general" {
		lastHead++
	}
	titleToks := seg[i : lastHead+1]
	rest := seg[lastHead+1:]
	if len(rest) > 0 && (rest[0].lower == "of" || rest[0].lower == "for") {
		comp := rest[1:]
		for len(comp) > 0 && comp[0].lower == "the" {
			comp = comp[1:]
		}
		onlyModifiers := len(comp) > 0
		for _, t := range comp {
			if !titleModifiers[t.lower] || g.isPlaceWord(t.lower) {
				onlyModifiers = false
			}
		}
		switch {
		case onlyModifiers:
			// "Secretary of State", "Minister of Foreign Affairs".
			titleToks = seg[i : len(seg)-0]
		default:
			k := 0
			if c, n := g.countryAt(comp, 0); n > 0 {
				country = c
				k = n
				if k < len(comp) && comp[k].kind == tokPoss {
					k++
				}
			}
			if k < len(comp) {
				of = cleanOrg(comp[k:])
			}
		}
	}
	title = plainTitle(titleToks)
	if of == "" && len(orgToks) > 0 {
		of = cleanOrg(orgToks)
	}
	if of == "" {
		of = country
	}
	return title, of, country
}

// nextListItem reports an office and a name at toks[j], after lower-case
// modifiers ("acting Foreign Minister Andriy Deshchytsia").
func nextListItem(toks []token, j int) bool {
	for j < len(toks) && toks[j].kind == tokWord && !toks[j].cap && (appositiveAdjectives[toks[j].lower] || titleModifiers[toks[j].lower]) {
		j++
	}
	return titleThenName(toks, j)
}

// titleThenName reports capitalised title words ending in a head at toks[j],
// followed by a capitalised word: "Chief Minister Edappadi".
func titleThenName(toks []token, j int) bool {
	head := false
	// "Samsung Electronics chairman Lee Jae-yong": a lower-case head
	// right before a name counts too.
	if j+1 < len(toks) && toks[j].kind == tokWord && !toks[j].cap && titleHeads[toks[j].lower] &&
		!descriptiveOnly[toks[j].lower] && toks[j+1].kind == tokWord && toks[j+1].cap && toks[j+1].nameWord {
		return true
	}
	for j < len(toks) && toks[j].kind == tokWord && toks[j].cap && (titleHeads[toks[j].lower] || titleModifiers[toks[j].lower]) {
		head = titleHeads[toks[j].lower]
		j++
	}
	return head && j < len(toks) && toks[j].kind == tokWord && toks[j].cap
}

// descriptiveOnly heads are too vague to mark the words before them as an
// organisation ("Putin aide Yuri Ushakov" still names Putin).
var descriptiveOnly = set("aide", "deputy", "head", "officer", "executive", "representative")

// titleWordRun reports whether toks[from..to] are capitalised title words
// starting with a modifier and ending in a head ("Security Secretary").
func titleWordRun(toks []token, from, to int) bool {
	if from > to || !toks[from].cap || !titleModifiers[toks[from].lower] || titleHeads[toks[from].lower] {
		return false
	}
	for k := from; k <= to; k++ {
		if l := toks[k].lower; (l == "of" || l == "and") && k > from && k < to {
			continue
		}
		if !toks[k].cap || !(titleHeads[toks[k].lower] || titleModifiers[toks[k].lower]) {
			return false
		}
	}
	return titleHeads[toks[to].lower]
}

// orgAbbreviations are organisations written as an abbreviation before an
// office title ("UN Secretary-General Ban Ki-moon").
var orgAbbreviations = map[string]string{
	"un": "United Nations", "u.n.": "United Nations", "eu": "European Union", "e.u.": "European Union",
	"au": "African Union", "nato": "NATO", "asean": "ASEAN", "opec": "OPEC", "imf": "IMF", "who": "WHO",
}

func hasHeadAfter(seg []token, i int) bool {
	for k := i; k < len(seg); k++ {
		if titleHeads[seg[k].lower] {
			return true
		}
		if !titleModifiers[seg[k].lower] {
			return false
		}
	}
	return false
}

func cleanOrg(toks []token) string {
	var parts []string
	for _, t := range toks {
		if t.kind == tokWord || t.kind == tokNumber {
			parts = append(parts, t.text)
		}
	}
	for len(parts) > 0 && (parts[0] == "the" || parts[0] == "The") {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

// plainTitle writes a title in its plain capitalised form, dropping
// evaluative adjectives ("top") and spelling "advisor" as "Adviser".
func plainTitle(toks []token) string {
	var parts []string
	for _, t := range toks {
		if t.kind != tokWord {
			continue
		}
		l := t.lower
		switch l {
		case "top", "the", "a", "an":
			continue
		case "advisor", "advisers", "advisors":
			l = "adviser"
		case "presidents", "ministers", "leaders", "premiers", "kings", "envoys", "ambassadors", "senators", "chancellors":
			l = strings.TrimSuffix(l, "s")
		case "secretaries":
			l = "secretary"
		case "spokesmen":
			l = "spokesman"
		case "of", "for", "and":
			parts = append(parts, l)
			continue
		}
		if isAllCaps(t.text) {
			parts = append(parts, t.text)
			continue
		}
		parts = append(parts, capitaliseWord(l))
	}
	for len(parts) > 0 && (parts[len(parts)-1] == "of" || parts[len(parts)-1] == "and" || parts[len(parts)-1] == "for") {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, " ")
}

func capitaliseWord(l string) string {
	var b strings.Builder
	up := true
	for _, r := range l {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(r)
		}
		up = r == '-'
	}
	return b.String()
}

// readAppositive reads ", a senior adviser to X," after a name.
func readAppositive(toks []token, m *mention) {
	k := m.nameEnd
	if tokAt(toks, k).lower == "as" && m.title == "" {
		// "named Jean-Marc Ayrault as his prime minister".
		readAsTitle(toks, k+1, m)
		return
	}
	if k >= len(toks) || toks[k].text != "," {
		return
	}
	k++
	if k >= len(toks) {
		return
	}
	owner := ""
	switch l := toks[k].lower; {
	case l == "a" || l == "an" || l == "the" || l == "his" || l == "her" || l == "its" || l == "their":
	case titleThenName(toks, k):
		// "X, Defense Minister Hulusi Akar and ...": the next person of a
		// list, not an appositive.
		return
	case (titleHeads[l] || titleModifiers[l] && l != "of" && l != "and" && l != "the" && l != "for") &&
		(!toks[k].cap || hasHeadAfter(toks[k:min(len(toks), k+4)], 0)):
		// "Wang Yi, director of the Office of ...", "X, Crown Prince of
		// Abu Dhabi,": no article.
		k--
	default:
		// "X, Iran's Leader," / "X, Syria's foreign minister,"; but "X,
		// Ukraine's acting Foreign Minister Andriy Deshchytsia and ..." is
		// the next person of a list.
		if c, n := places().countryAt(toks, k); n > 0 && tokAt(toks, k+n).kind == tokPoss && nextListItem(toks, k+n+1) {
			return
		} else if n > 0 && tokAt(toks, k+n).kind == tokPoss {
			m.country = c
			k += n
			break
		}
		// "Celso Amorim, Lula's chief foreign policy adviser,"
		if toks[k].cap && tokAt(toks, k+1).kind == tokPoss && !nextListItem(toks, k+2) {
			owner = toks[k].text
			m.ofStart, m.ofEnd = k, k+1
			k++
			break
		}
		return
	}
	k++
	start := k
	headAt := -1
	for k < len(toks) && k < start+7 {
		t := toks[k]
		if t.kind != tokWord && t.kind != tokPoss {
			break
		}
		if titleHeads[t.lower] && t.lower != "head" && t.lower != "chief" || t.lower == "head" && tokAt(toks, k+1).lower == "of" {
			headAt = k
			if next := tokAt(toks, k+1).lower; next != "to" && next != "of" && next != "for" && next != "on" && !titleHeads[next] {
				break
			}
		}
		if t.lower == "to" || t.lower == "of" || t.lower == "for" || t.lower == "who" || t.lower == "which" {
			break
		}
		// Only title words, names and a few adjectives lead up to the
		// title: "the first such meeting between the leaders" is none.
		if !(titleModifiers[t.lower] || titleHeads[t.lower] || t.kind == tokPoss || t.cap || appositiveAdjectives[t.lower] ||
			strings.Contains(t.lower, "-") && t.kind == tokWord) {
			// "the eastern-based commander": hyphenated adjectives too.
			break
		}
		k++
	}
	if headAt < 0 {
		return
	}
	// Title words: modifiers right before the head.
	ts := headAt
	for ts > start && (titleModifiers[toks[ts-1].lower] || places().isPlaceWord(toks[ts-1].lower) || toks[ts-1].lower == "policy") {
		ts--
	}
	var titleToks []token
	for i, t := range toks[ts : headAt+1] {
		// A nationality inside the title gives the country instead.
		if c, n := places().demonymAt(toks, ts+i); n == 1 {
			m.country = c
			continue
		}
		titleToks = append(titleToks, t)
	}
	title := plainTitle(titleToks)
	if title == "" {
		return
	}
	if m.title != "" {
		// A second office: "Former Kenyan Prime Minister Raila Odinga, the
		// African Union's special envoy,".
		m.extra = &mention{title: title, titleRule: "role-appositive", current: true, country: m.country}
		m = m.extra
	}
	{
		m.title = title
		m.titleRule = "role-appositive"
		of := ""
		next := tokAt(toks, headAt+1).lower
		if next == "to" || next == "of" || next == "for" {
			end := headAt + 2
			for end < len(toks) && end < headAt+12 && toks[end].text != "," && toks[end].text != "." && toks[end].lower != "on" && toks[end].lower != "who" {
				end++
			}
			if next == "of" && onlyTitleWords(toks[headAt+2:end]) {
				// "head of state", "chief of staff": the complement is part
				// of the office.
				m.title = plainTitle(append(append([]token{}, titleToks...), toks[headAt+1:end]...))
			} else {
				of = describeComplement(toks[headAt+2 : end])
				m.ofStart, m.ofEnd = headAt+2, end
			}
			if next == "of" {
				if c, n := places().countryAt(toks, headAt+2); n > 0 {
					m.country = c
				}
			}
		}
		if of == "" {
			of = owner
		}
		if of == "" {
			of = m.country
		}
		m.of = of
		for _, t := range toks[start:headAt] {
			if t.lower == "former" {
				m.current = false
			}
		}
	}
}

// readAsTitle reads "as [his|her|the|new] TITLE" at toks[k].
func readAsTitle(toks []token, k int, m *mention) {
	for k < len(toks) && (toks[k].lower == "his" || toks[k].lower == "her" || toks[k].lower == "their" ||
		toks[k].lower == "its" || toks[k].lower == "the" || toks[k].lower == "new" || toks[k].lower == "next") {
		k++
	}
	start, head := k, -1
	for k < len(toks) && k < start+4 && toks[k].kind == tokWord && (titleHeads[toks[k].lower] || titleModifiers[toks[k].lower] && toks[k].lower != "of") {
		if titleHeads[toks[k].lower] {
			head = k
		}
		k++
	}
	if head < 0 || descriptiveOnly[toks[head].lower] {
		return
	}
	if next := tokAt(toks, head+1); next.kind == tokWord && !titleHeads[next.lower] && next.lower != "of" && next.lower != "and" && next.lower != "on" && next.lower != "in" {
		// "as foreign minister Wang said" is not this shape.
		if next.cap {
			return
		}
	}
	m.title = plainTitle(toks[start : head+1])
	m.titleRule = "role-as-title"
}

// onlyTitleWords reports a complement made of office words only ("state",
// "staff", "foreign affairs"), not naming a country or organisation.
func onlyTitleWords(toks []token) bool {
	n := 0
	for _, t := range toks {
		if t.lower == "the" {
			continue
		}
		if t.kind != tokWord || !titleModifiers[t.lower] || places().isPlaceWord(t.lower) || t.lower == "un" || t.lower == "eu" {
			return false
		}
		n++
	}
	return n > 0
}

// portfolioWord reports a capitalised word naming a ministry's field by
// its form ("Unification", "Environment", "Infrastructure"), so that it
// belongs to the office title rather than naming an organisation.
func portfolioWord(t token) bool {
	if t.kind != tokWord || !t.cap || isAllCaps(t.text) || orgWords[t.lower] {
		return false
	}
	for _, suf := range []string{"tion", "sion", "ment", "ance", "ence", "ity", "ure", "ogy", "ism", "ness", "ries"} {
		if strings.HasSuffix(t.lower, suf) && len(t.lower) > len(suf)+3 {
			return true
		}
	}
	return false
}

// describeComplement turns "Iran's Leader" into "Leader of Iran" and
// "the Leader" into "Leader"; a person named in it is resolved later.
func describeComplement(toks []token) string {
	g := places()
	for len(toks) > 0 && (toks[0].lower == "the" || honorifics[toks[0].lower]) {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return ""
	}
	if c, n := g.countryAt(toks, 0); n > 0 && n < len(toks) && toks[n].kind == tokPoss {
		rest := cleanOrg(toks[n+1:])
		if rest != "" {
			return rest + " of " + c
		}
		return c
	}
	return cleanOrg(toks)
}

// descriptions finds the later mentions of people by role: "the Syrian
// foreign minister", "the top Syrian diplomat", "the Iranian president",
// "his Iranian counterpart", and the pronouns he and she.
func descriptions(s *sentence, names []mention) []mention {
	toks := s.toks
	var out []mention
	covered := func(k int) bool {
		for _, m := range names {
			if k >= m.spanStart && k < m.spanEnd {
				return true
			}
		}
		return false
	}
	for k := 0; k < len(toks); k++ {
		l := toks[k].lower
		if covered(k) {
			continue
		}
		if (l == "he" || l == "she") && toks[k].kind == tokWord {
			out = append(out, mention{sent: s.index, kind: mentionPronoun, nameStart: k, nameEnd: k + 1,
				spanStart: k, spanEnd: k + 1, name: toks[k].text, entity: -1, quoted: s.quoted[k], rule: "coref-pronoun", current: true})
			continue
		}
		// "the leaders of France, Germany and Italy", "the foreign ministers
		// of Russia and Iran": one office holder per country.
		if l == "the" {
			h := k + 1
			if tokAt(toks, h).lower == "foreign" {
				h++
			}
			if head := tokAt(toks, h).lower; (head == "leaders" || head == "presidents" || head == "ministers" || head == "heads") &&
				tokAt(toks, h+1).lower == "of" {
				var countries []string
				j := h + 2
				for j < len(toks) {
					if tokAt(toks, j).lower == "state" {
						break
					}
					// "the leaders of the United States, China and Russia".
					if tokAt(toks, j).lower == "the" {
						j++
					}
					c, n := places().countryAt(toks, j)
					if n == 0 {
						break
					}
					countries = append(countries, c)
					j += n
					if w := tokAt(toks, j).lower; w == "," || w == "and" {
						j++
						if tokAt(toks, j).lower == "and" {
							j++
						}
						continue
					}
					break
				}
				if len(countries) >= 2 {
					title := head
					if h > k+1 {
						title = "foreign ministers"
					}
					out = append(out, mention{sent: s.index, kind: mentionGroup, nameStart: k, nameEnd: j,
						spanStart: k, spanEnd: j, name: joinTokens(toks[k:j]), entity: -1, quoted: s.quoted[k],
						rule: "coref-leaders-of", current: true, groupOf: countries, descHead: title})
					k = j - 1
					continue
				}
			}
		}
		// "They were greeted by X" at the head of a sentence: the two or
		// more people the previous sentence began with, resolved by the
		// meetings stage.
		if toks[k].text == "They" && k == 0 && !s.quoted[k] {
			out = append(out, mention{sent: s.index, kind: mentionGroup, nameStart: k, nameEnd: k + 1,
				spanStart: k, spanEnd: k + 1, name: toks[k].text, entity: -1, rule: "coref-they", current: true, descHead: "they"})
			continue
		}
		// "the two leaders": resolved by the meetings stage.
		// "the two exchanged pleasantries": "the two" before a verb.
		if l == "the" && tokAt(toks, k+1).lower == "two" && pairVerb(tokAt(toks, k+2)) {
			out = append(out, mention{sent: s.index, kind: mentionGroup, nameStart: k, nameEnd: k + 2,
				spanStart: k, spanEnd: k + 2, name: joinTokens(toks[k : k+2]), entity: -1, quoted: s.quoted[k],
				rule: "coref-the-two", current: true})
			k++
			continue
		}
		if l == "the" && tokAt(toks, k+1).lower == "two" && groupHeads[tokAt(toks, k+2).lower] {
			out = append(out, mention{sent: s.index, kind: mentionGroup, nameStart: k, nameEnd: k + 3,
				spanStart: k, spanEnd: k + 3, name: joinTokens(toks[k : k+3]), entity: -1, quoted: s.quoted[k],
				rule: "coref-the-two", current: true})
			k += 2
			continue
		}
		j := k + 1
		country := ""
		possessive := false
		if c, n := places().countryAt(toks, k); n > 0 && tokAt(toks, k+n).kind == tokPoss {
			// "Iran's Leader", "Syria's foreign minister".
			country, possessive = c, true
			j = k + n + 1
		} else if l != "the" && l != "his" && l != "her" {
			continue
		}
		var words []string
		for j < len(toks) && j < k+6 {
			t := toks[j]
			if c, n := places().demonymAt(toks, j); n > 0 {
				country = c
				j += n
				continue
			}
			if t.kind != tokWord {
				break
			}
			if t.lower == "top" || t.lower == "senior" || t.lower == "veteran" || t.lower == "former" || t.lower == "new" ||
				t.lower == "chief" && (tokAt(toks, j+1).lower == "diplomat" || places().isPlaceWord(tokAt(toks, j+1).lower)) {
				j++
				continue
			}
			if titleModifiers[t.lower] && !descriptiveHeads[t.lower] || titleHeads[t.lower] && tokAt(toks, j+1).kind == tokWord && titleHeads[tokAt(toks, j+1).lower] {
				words = append(words, t.lower)
				j++
				continue
			}
			break
		}
		if j >= len(toks) {
			continue
		}
		head := toks[j].lower
		if !descriptiveHeads[head] {
			continue
		}
		if head == "official" && country == "" {
			continue
		}
		if !possessive && (head == "counterpart") != (l != "the") || possessive && (head == "counterpart" || head == "official") {
			continue
		}
		// A following name makes it a title, handled by readPrefix; so
		// does a name in commas after it ("the German chancellor, Olaf
		// Scholz,").
		if isNameWord(tokAt(toks, j+1)) || tokAt(toks, j+1).kind == tokPoss ||
			tokAt(toks, j+1).text == "," && (isNameWord(tokAt(toks, j+2)) || honorifics[tokAt(toks, j+2).lower]) {
			continue
		}
		out = append(out, mention{sent: s.index, kind: mentionDescription, nameStart: k, nameEnd: j + 1,
			spanStart: k, spanEnd: j + 1, name: joinTokens(toks[k : j+1]), country: country, descHead: head,
			descTitle: append(words, head), entity: -1, quoted: s.quoted[k], rule: "coref-description", current: true})
		k = j
	}
	return out
}
