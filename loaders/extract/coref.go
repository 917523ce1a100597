package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Stage 5: coreference. Full names found anywhere in the article become
// people; spelling variants of one name ("Walid Muallem", "Walid
// al-Muallem") and shorter forms ("Javad Zarif") join the fullest form.
// Surname mentions ("Rouhani"), descriptions ("the Iranian president",
// "the top Syrian diplomat", "his Iranian counterpart") and the pronouns
// he/she are then linked to the person they refer to.

// entity is one person of the article, with all the mentions naming them.
type entity struct {
	name     string   // the fullest name form
	folded   []string // its words, folded for comparison
	country  string   // nationality, from a demonym or office
	mentions []int    // indexes into docState.mentions
	title    string   // first current office found, for descriptions
	of       string
}

// foldName compares names the way the gold scoring does: case and accents
// ignored, "al-"/"el-" prefixes and hyphens dropped.
func foldName(s string) string {
	return strings.Join(foldTokens(s), " ")
}

func foldTokens(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '’', '\'', '`', '.':
			continue
		case '-', '‐':
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	var out []string
	for _, f := range strings.Fields(b.String()) {
		if f == "al" || f == "el" {
			continue
		}
		out = append(out, f)
	}
	return out
}

// subName reports whether the tokens of short all appear, in order, in
// long, with the same last token ("Javad Zarif" in "Mohammad Javad Zarif"),
// or whether short is a long prefix of long that leaves out a family name
// ("Mohamed bin Zayed" in "Mohamed bin Zayed Al Nahyan").
func subName(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	if short[len(short)-1] != long[len(long)-1] {
		if len(short) < 3 {
			return false
		}
		for i := range short {
			if short[i] != long[i] {
				return false
			}
		}
		return true
	}
	k := 0
	for _, w := range long {
		if k < len(short) && short[k] == w {
			k++
		}
	}
	return k == len(short)
}

// resolveNames groups the name mentions of the document into entities.
func (d *docState) resolveNames() {
	// Longest names first, so shorter forms join them.
	order := make([]int, 0, len(d.mentions))
	fullName := func(m *mention) bool {
		// "King Willem-Alexander": one hyphenated word with a title is a
		// full name too.
		return strings.Contains(m.name, " ") || (m.title != "" || m.honorific) && len(foldTokens(m.name)) >= 2
	}
	for i := range d.mentions {
		if m := &d.mentions[i]; m.kind == mentionName && fullName(m) {
			order = append(order, i)
		}
	}
	sortStable(order, func(a, b int) bool {
		return len(foldTokens(d.mentions[a].name)) > len(foldTokens(d.mentions[b].name))
	})
	for _, i := range order {
		m := &d.mentions[i]
		ft := foldTokens(m.name)
		if len(ft) == 0 {
			continue
		}
		found := -1
		for e := range d.entities {
			if subName(ft, d.entities[e].folded) {
				found = e
				break
			}
		}
		if found < 0 {
			d.entities = append(d.entities, entity{name: m.name, folded: ft})
			found = len(d.entities) - 1
		}
		d.attach(found, i)
	}
	// Single words: a surname (or a Chinese-style family name first) of
	// someone named in full, else a new person when a title or honorific
	// vouches for it, or when the word is the subject of a speech or
	// meeting verb ("Rouhani said") somewhere in the article.
	speakers := map[string]bool{}
	seenSingle := map[string]int{}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind == mentionName && !strings.Contains(m.name, " ") {
			seenSingle[foldName(m.name)]++
		}
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind == mentionName && m.speaker && !m.quoted && !strings.Contains(m.name, " ") {
			// Said twice or more: "Rouhani said ..." but not a lone "Kyiv said".
			if f := foldName(m.name); seenSingle[f] >= 2 {
				speakers[f] = true
			}
		}
	}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.kind != mentionName || fullName(m) {
			continue
		}
		ft := foldTokens(m.name)
		if len(ft) != 1 {
			continue
		}
		e, bySurname := d.matchSingle(ft[0], m.sent)
		// Only a title before the name clashes: "Hu and Lien, chairman of
		// the Kuomintang," adds an office to Lien Chan.
		if e >= 0 && !bySurname && m.title != "" && m.titleRule == "role-title-before-name" && d.titleConflict(e, m.title) {
			// "Prince William" is not President William Ruto: a first-name
			// match needs no clash of titles.
			e = -1
		}
		if e < 0 && (m.honorific || m.title != "" || m.counterpart || m.predecessor || speakers[ft[0]]) {
			d.entities = append(d.entities, entity{name: m.name, folded: ft})
			e = len(d.entities) - 1
		}
		if e >= 0 {
			d.attach(e, i)
		}
	}
}

// titleConflict reports whether a person already has titles and none of
// them is title.
func (d *docState) titleConflict(e int, title string) bool {
	has := false
	for _, mi := range d.entities[e].mentions {
		t := d.mentions[mi].title
		if t == "" {
			continue
		}
		has = true
		if strings.EqualFold(t, title) {
			return false
		}
	}
	return has
}

func (d *docState) attach(e, i int) {
	m := &d.mentions[i]
	m.entity = e
	ent := &d.entities[e]
	ent.mentions = append(ent.mentions, i)
	if m.country != "" && ent.country == "" && !m.counterpart {
		ent.country = m.country
	}
}

// matchSingle finds the person a one-word mention names, and whether it
// matched a later name word (a surname) rather than the first.
func (d *docState) matchSingle(w string, sent int) (int, bool) {
	best, bestDist := -1, 1<<30
	consider := func(e int) {
		dist := 1 << 20
		untitled := !d.hasTitledMention(e)
		if untitled {
			// Of two people sharing a surname, the bare surname is mostly
			// the office holder's ("Dr Ruto" after "First Lady Rachel
			// Ruto" is President William Ruto); between office holders
			// the nearest wins.
			dist = 1 << 24
		}
		for _, mi := range d.entities[e].mentions {
			dd := d.mentions[mi].sent - sent
			if dd < 0 {
				dd = -dd * 2 // prefer earlier mentions only slightly
			} else {
				dd = dd*2 + 1
			}
			if untitled {
				dd += 1 << 16
			}
			if dd < dist {
				dist = dd
			}
		}
		if dist < bestDist {
			best, bestDist = e, dist
		}
	}
	for e := range d.entities {
		f := d.entities[e].folded
		if len(f) < 2 {
			if f[0] == w {
				consider(e)
			}
			continue
		}
		for k, t := range f[1:] {
			// "Salman" is not "Mohammed bin Salman": after bin/ibn the
			// word names the father.
			if prev := f[k]; prev == "bin" || prev == "ibn" || prev == "bint" || prev == "ben" {
				continue
			}
			if t == w {
				consider(e)
				break
			}
		}
	}
	if best >= 0 {
		return best, true
	}
	// Family name first (Xi Jinping → Xi, Kim Jong Un → Kim) or a
	// given name used alone (Abiy Ahmed → Abiy); among several, the one
	// named nearest.
	for e := range d.entities {
		f := d.entities[e].folded
		if len(f) >= 2 && f[0] == w {
			consider(e)
		}
	}
	return best, false
}

// hasTitledMention reports whether some mention of entity e carries an
// office title.
func (d *docState) hasTitledMention(e int) bool {
	for _, mi := range d.entities[e].mentions {
		if d.mentions[mi].title != "" {
			return true
		}
	}
	return false
}

// subjectOf returns the mention that is the grammatical subject of a
// sentence, approximated as its first person mention outside quotes and
// outside prepositional phrases; after an opening prepositional phrase
// ("In a meeting with X, Y said") the first mention after the comma.
func (d *docState) subjectOf(sent int) int {
	s := &d.sents[sent]
	ms := d.bySent[sent]
	from := 0
	if len(s.toks) > 0 {
		switch s.toks[0].lower {
		case "in", "during", "after", "at", "on", "before", "following", "speaking", "addressing", "upon":
			for k, t := range s.toks {
				if t.text == "," {
					from = k + 1
					break
				}
			}
		}
	}
	for pass := 0; pass < 2; pass++ {
		for _, mi := range ms {
			m := &d.mentions[mi]
			if m.quoted || m.complement || m.spanStart < from || m.entity < 0 {
				continue
			}
			return mi
		}
		from = 0
	}
	return -1
}

// resolveReferences links descriptions and pronouns, sentence by sentence.
func (d *docState) resolveReferences() {
	for si := range d.sents {
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			switch m.kind {
			case mentionPronoun:
				if m.quoted || si == 0 {
					continue
				}
				// He/she: the subject of the previous sentence (or of this
				// one when the pronoun comes after it: "X said he ...").
				if sub := d.subjectBefore(si, m.spanStart); sub >= 0 {
					m.entity = d.mentions[sub].entity
				} else if prev := d.subjectOf(si - 1); prev >= 0 {
					m.entity = d.mentions[prev].entity
				}
			case mentionDescription:
				m.entity = d.resolveDescription(m)
				if m.entity < 0 {
					d.titleFromDescription(mi)
				}
			}
		}
	}
}

// subjectBefore returns a resolved subject mention earlier in the same
// sentence than token k, or -1.
func (d *docState) subjectBefore(si, k int) int {
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanStart >= k {
			break
		}
		if !m.quoted && !m.complement && m.entity >= 0 && m.kind != mentionPronoun {
			return mi
		}
	}
	return -1
}

// resolveDescription finds the most recently mentioned person whose office
// and country fit a description.
func (d *docState) resolveDescription(m *mention) int {
	subject := -1
	if m.descHead == "counterpart" {
		if s := d.nearestBefore(m.sent, m.spanStart); s >= 0 {
			subject = d.mentions[s].entity
		}
	}
	best, bestPos := -1, -1
	for e := range d.entities {
		ent := &d.entities[e]
		if e == subject {
			continue
		}
		if !descriptionFits(m, ent) {
			continue
		}
		// Most recent mention before the description.
		for _, mi := range ent.mentions {
			o := &d.mentions[mi]
			pos := o.sent*10000 + o.spanStart
			if o.sent > m.sent || o.sent == m.sent && o.spanStart >= m.spanStart {
				continue
			}
			if pos > bestPos {
				best, bestPos = e, pos
			}
		}
	}
	return best
}

func descriptionFits(m *mention, ent *entity) bool {
	if m.country != "" && ent.country != m.country && ent.of != m.country {
		return false
	}
	title := strings.ToLower(ent.title)
	switch m.descHead {
	case "counterpart", "official":
		return m.country != ""
	case "diplomat":
		return strings.Contains(title, "foreign") || strings.Contains(title, "secretary of state")
	case "leader":
		// "the French leader": any office holder of that country.
		return title != "" && m.country != ""
	}
	if title == "" {
		return false
	}
	for _, w := range m.descTitle {
		if w == "advisor" {
			w = "adviser"
		}
		if !containsWord(title, w) {
			return false
		}
	}
	return true
}

func containsWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// sortStable is a small insertion sort (the lists are short).
func sortStable(a []int, less func(x, y int) bool) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && less(a[j], a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// officeDescriptions are description heads that name an office, so that
// "the Iranian president noted" after "said Rouhani" tells Rouhani's office.
var officeDescriptions = set("president", "minister", "premier", "speaker", "chancellor", "king",
	"emir", "prince", "secretary", "governor", "mayor")

// titleFromDescription links an unresolved office description with a
// nationality ("the Iranian president") to the most recently named person
// who has no title yet, and gives that person the office.
func (d *docState) titleFromDescription(mi int) {
	m := &d.mentions[mi]
	if m.country == "" || !officeDescriptions[m.descHead] || m.quoted {
		return
	}
	// Only as the speaker: "“...,” the Iranian president noted."
	toks := d.sents[m.sent].toks
	if !speechVerbs[tokAt(toks, m.spanEnd).lower] && !speechVerbs[tokAt(toks, m.spanStart-1).lower] {
		return
	}
	best, bestPos := -1, -1
	for e := range d.entities {
		ent := &d.entities[e]
		if ent.title != "" || ent.country != "" && ent.country != m.country {
			continue
		}
		for _, oi := range ent.mentions {
			o := &d.mentions[oi]
			if o.quoted || o.sent < m.sent-3 || o.sent > m.sent || o.sent == m.sent && o.spanStart >= m.spanStart {
				continue
			}
			if pos := o.sent*10000 + o.spanStart; pos > bestPos {
				best, bestPos = e, pos
			}
		}
	}
	if best < 0 {
		return
	}
	var words []token
	for _, w := range m.descTitle {
		words = append(words, token{text: w, lower: w, kind: tokWord})
	}
	m.entity = best
	m.title = plainTitle(words)
	m.of = m.country
	m.titleRule = "role-from-description"
	ent := &d.entities[best]
	ent.title, ent.of, ent.country = m.title, m.of, m.country
	ent.mentions = append(ent.mentions, mi)
}
