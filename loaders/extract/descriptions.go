package extract

import (
	"strings"

	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
)

// Descriptions, pronouns and groups: the mentions that name nobody but
// refer to someone the article named ("the visiting minister", "his Omani
// counterpart", "the Qatari guest", "he", "the two leaders", "both
// sides", "the Egyptian and Saudi sides").

// numberWords count the people of a group mention.
var numberWords = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "both": 2, "pair": 2, "duo": 2}

// descriptionModifiers may stand between the determiner and the head of a
// description ("the visiting Lankan leader", "the new naval chief").
var descriptionModifiers = lexicon.Set{
	"visiting": true, "new": true, "outgoing": true, "incoming": true, "former": true, "top": true,
	"senior": true, "powerful": true, "veteran": true, "young": true, "elderly": true, "retired": true,
	"royal": true, "british": true, "two": true, "three": true, "four": true, "five": true, "other": true,
	"distinguished": true, "august": true, "egyptian": true, "host": true, "american": true, "high-ranking": true,
	"newly": true, "appointed": true, "elected": true, "acting": true, "interim": true, "caretaker": true,
	"army": true, "naval": true, "air": true, "military": true, "defence": true, "defense": true, "foreign": true,
	"intelligence": true, "security": true, "police": true, "party": true, "opposition": true, "state": true,
	"hon'ble": true, "honourable": true, "honorable": true, "respected": true,
}

// descriptions reads the description, pronoun and group mentions of a
// sentence, outside the tokens names already use.
func (d *doc) descriptions(si int, used []bool) []mention {
	s := &d.sents[si]
	cls := d.cls[si]
	toks := s.Toks
	var out []mention
	for k := 0; k < len(toks); k++ {
		if used[k] || toks[k].Kind != text.Word {
			continue
		}
		if m, ok := groupAt(s, cls, k); ok {
			out = append(out, m)
			k = m.whole.j - 1
			continue
		}
		if m, ok := styleAt(s, cls, k); ok {
			out = append(out, m)
			k = m.whole.j - 1
			continue
		}
		if m, ok := pronounAt(s, k); ok {
			out = append(out, m)
			continue
		}
		if m, ok := descriptionAt(s, cls, k, used); ok {
			out = append(out, m)
			k = m.whole.j - 1
		}
	}
	return out
}

// styleWords are the styles that stand for a person on their own, as
// state media write them: "His Majesty received ...", "His Highness
// later met ...". describedBy says whom each may stand for.
var styleWords = map[string]bool{"majesty": true, "highness": true, "holiness": true, "excellency": true,
	"beatitude": true}

// styleAt reads "His Majesty", "Her Highness", "His Holiness" used
// alone, with no name after it (which would make it the name's
// honorific), as a description of the one so styled.
func styleAt(s *text.Sentence, cls []class, k int) (mention, bool) {
	toks := s.Toks
	t, w := toks[k], tokAt(toks, k+1)
	if !t.Is("his", "her") || !styleWords[w.Lower] || !w.Cap {
		return mention{}, false
	}
	j := k + 2
	// "His Royal Highness" has its "Royal"; "His Majesty the King" names
	// the office, left to the description reader.
	if w.Is("royal") {
		return mention{}, false
	}
	if next := tokAt(toks, j); next.Kind == text.Word && next.Cap || next.Is("the") {
		return mention{}, false
	}
	m := mention{sent: s.Index, kind: mDescription, ent: -1, whole: span{k, j}, name: span{k + 1, j},
		text: w.Lower, quoted: s.Quoted[k], headline: s.Headline, titleCase: s.TitleCase, rule: "style", possessor: t.Lower}
	return m, true
}

// groupAt reads "the two leaders", "both sides", "the four heads of
// state", "they", "their highnesses", "the Egyptian and Saudi sides".
func groupAt(s *text.Sentence, cls []class, k int) (mention, bool) {
	toks := s.Toks
	t := toks[k]
	m := mention{sent: s.Index, kind: mGroup, ent: -1, quoted: s.Quoted[k], rule: "group"}
	switch {
	case t.Is("they", "them"):
		m.whole, m.name = span{k, k + 1}, span{k, k + 1}
		m.text = t.Lower
		return m, true
	case t.Is("their") && tokAt(toks, k+1).Is("highnesses", "excellencies", "majesties"):
		m.whole, m.name = span{k, k + 2}, span{k + 1, k + 2}
		m.text = "their " + toks[k+1].Lower
		return m, true
	case t.Is("both") && (k > 0 && (s.Toks[k-1].Text == "," || s.Toks[k-1].Cap && s.Toks[k-1].Kind == text.Word)):
		// "Sisolith, General Secretary of the LPRP, both wrote and
		// phoned": an adverb after a subject, not a group.
		return m, false
	case t.Is("the", "both"):
	default:
		return m, false
	}
	j := k
	if t.Is("the") {
		j++
	}
	if n, ok := numberWords[tokAt(toks, j).Lower]; ok {
		m.count = n
		j++
	} else if !t.Is("both") {
		// "the Egyptian and Saudi sides", "the Syrian and Russian officials".
		g := lexicon.Places()
		x := j
		for {
			c, n := g.DemonymAt(toks, x)
			if n == 0 {
				break
			}
			m.countries = append(m.countries, c)
			x += n
			if tokAt(toks, x).Is("and") || tokAt(toks, x).Text == "," {
				x++
				continue
			}
			break
		}
		if len(m.countries) < 2 {
			return m, false
		}
		j = x
		m.count = len(m.countries)
	} else {
		m.count = 2
	}
	// Modifiers, then the plural head.
	for tokAt(toks, j).Kind == text.Word && (descriptionModifiers[tokAt(toks, j).Lower] || cls[j].has(clsTitleModifier)) &&
		!lexicon.PluralGroupNouns[tokAt(toks, j).Lower] {
		j++
	}
	h := tokAt(toks, j)
	switch {
	case lexicon.PluralGroupNouns[h.Lower]:
		j++
		// "the four heads of state", "the two heads of government".
		if h.Is("heads") && tokAt(toks, j).Is("of") && tokAt(toks, j+1).Is("state", "government") {
			j += 2
		}
	case t.Is("the") && m.count > 0 && h.Kind == text.Word && !h.Cap && (lexicon.IsVerb(h.Lower) ||
		(lexicon.Adverbs[h.Lower] || h.Is("last", "first", "previously", "never")) && lexicon.IsVerb(tokAt(toks, j+1).Lower)):
		// "the two met", "the two held talks", "the two last met".
	case t.Is("both") && (h.Kind == text.Word && !h.Cap && (lexicon.IsVerb(h.Lower) || lexicon.Adverbs[h.Lower]) || h.Text == ","):
		// "both committed", "both agreed".
	default:
		return m, false
	}
	m.whole, m.name = span{k, j}, span{k, j}
	m.text = strings.ToLower(s.Text[toks[k].Start-s.Start : toks[j-1].End-s.Start])
	return m, true
}

// pronounAt reads a personal pronoun standing for one person: "he",
// "she", "him", and "her" where no noun follows it.
func pronounAt(s *text.Sentence, k int) (mention, bool) {
	toks := s.Toks
	t := toks[k]
	m := mention{sent: s.Index, kind: mPronoun, ent: -1, whole: span{k, k + 1}, name: span{k, k + 1},
		text: t.Lower, quoted: s.Quoted[k], rule: "pronoun"}
	switch t.Lower {
	case "i", "me", "we", "us":
		// First person inside a quotation: the speaker.
		if s.Quoted[k] && (t.Lower != "i" || t.Text == "I") && !(t.Lower == "us" && t.Text == "US") {
			m.rule = "pronoun-first-person"
			return m, true
		}
	case "he", "she", "him":
		if t.Text == "HE" {
			return m, false
		}
		return m, true
	case "her":
		next := tokAt(toks, k+1)
		if next.Kind != text.Word || next.Is("on", "to", "that", "for", "with", "at", "in", "as", "and", "about", "the", "a", "an", "by") ||
			!next.Cap && lexicon.IsVerb(next.Lower) && !strings.HasSuffix(next.Lower, "ing") {
			return m, true
		}
	}
	return m, false
}

// descriptionAt reads a definite description of one person: a determiner
// or possessive, modifiers (nationality, "visiting", title words) and a
// person noun, with an "of" complement for titles ("the President of the
// Republic", "the Head of State").
func descriptionAt(s *text.Sentence, cls []class, k int, used []bool) (mention, bool) {
	toks := s.Toks
	t := toks[k]
	if !t.Is("the", "his", "her", "their", "its", "this", "that", "our") {
		return mention{}, false
	}
	m := mention{sent: s.Index, kind: mDescription, ent: -1, quoted: s.Quoted[k], rule: "description",
		headline: s.Headline, titleCase: s.TitleCase}
	if !t.Is("the", "this", "that") {
		m.possessor = t.Lower
	}
	g := lexicon.Places()
	j := k + 1
	var titleWords []string
	head := -1
	for j < len(toks) && !used[j] && j < k+7 {
		x := toks[j]
		if x.Kind == text.Poss {
			j++
			continue
		}
		if x.Kind != text.Word {
			break
		}
		if c, n := g.DemonymAt(toks, j); n > 0 {
			m.country = c
			j += n
			continue
		}
		if c, n := g.CountryAt(toks, j); n > 0 && head < 0 {
			m.country = c
			j += n
			continue
		}
		if x.Is("visiting") {
			m.visiting = true
			j++
			continue
		}
		if exp := lexicon.ExpandTitleAbbreviation(x.Lower); exp != "" && cls[j].has(clsTitleAbbrev) {
			// "the COAS", "the CJCSC".
			head = j
			titleWords = append(titleWords, strings.ToLower(exp))
			j++
			break
		}
		if lexicon.PersonNouns[x.Lower] || cls[j].has(clsTitleHead) {
			// "the General Debate", "the President's Office": a proper
			// name, not a person.
			if x.Cap && tokAt(toks, j+1).Cap && tokAt(toks, j+1).Kind == text.Word && !cls[j+1].has(clsTitleHead|clsNameWord) {
				break
			}
			head = j
			titleWords = append(titleWords, x.Lower)
			j++
			// "the visiting minister's", "the Head of State", "the
			// President of the Republic".
			if tokAt(toks, j).Is("of") && (tokAt(toks, j+1).Is("state", "government") || tokAt(toks, j+1).Is("the") && tokAt(toks, j+2).Is("republic")) {
				if tokAt(toks, j+1).Is("the") {
					j += 3
				} else {
					titleWords = append(titleWords, "of", toks[j+1].Lower)
					j += 2
				}
			}
			// "the prime minister", "the secretary general": a head may
			// be followed by another.
			if nx := tokAt(toks, j); nx.Kind == text.Word && (cls[j].has(clsTitleHead) && !nx.Is("leaders", "officials")) {
				continue
			}
			break
		}
		if descriptionModifiers[x.Lower] || cls[j].has(clsTitleModifier) || x.Cap && !cls[j].has(clsNameWord) {
			// "the two Saudi princes": how many.
			if n, ok := numberWords[x.Lower]; ok && head < 0 {
				m.count = n
			}
			if !descriptionModifiers[x.Lower] || cls[j].has(clsTitleModifier) {
				titleWords = append(titleWords, x.Lower)
			}
			j++
			continue
		}
		// "the Delaware senator", "the Asante monarch": one unknown
		// capitalised word before a person noun.
		if x.Cap && j+1 < len(toks) && lexicon.PersonNouns[toks[j+1].Lower] {
			j++
			continue
		}
		break
	}
	if head < 0 {
		return mention{}, false
	}
	next := tokAt(toks, j)
	// A title right before a name is that name's prefix, not a
	// description; so is one before a comma and a name.
	if next.Kind == text.Word && next.Cap && cls[j].has(clsNameWord) {
		return mention{}, false
	}
	hw := toks[head].Lower
	if strings.HasSuffix(hw, "s") && lexicon.PluralGroupNouns[hw] && hw != "counterparts" {
		// "the leaders", "the presidents": a group of unknown size.
		m.kind = mGroup
		m.rule = "group"
	}
	if relationalWord(toks[head]) == "counterpart" {
		m.counterpart = true
	}
	m.whole = span{k, j}
	m.name = span{head, head + 1}
	m.text = strings.Join(titleWords, " ")
	return m, true
}
