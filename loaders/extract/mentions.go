package extract

import (
	"strings"
	"unicode"

	"github.com/kg-project/kg/loaders/extract/dates"
	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
)

// Layer 2: mentions. Every reference to a person in a sentence becomes a
// mention: a name with what stands around it (honorifics, an office title
// and nationality before it, an appositive after it), a description ("the
// visiting minister", "his Omani counterpart"), a pronoun, or a group
// ("the two leaders", "both sides"). Later layers resolve mentions to
// people and read who met whom from them.

type mentionKind uint8

const (
	mName        mentionKind = iota // a personal name
	mDescription                    // "the Chinese envoy", "his host"
	mPronoun                        // he, she, him
	mGroup                          // "the two leaders", "they"
)

// office is a title a mention gives its person.
type office struct {
	title   string // plain form, abbreviations spelled out: "Foreign Minister"
	of      string // country or organisation, "" when not said
	current bool
	rule    string
}

type mention struct {
	sent      int
	kind      mentionKind
	whole     span   // every token of the mention: honorifics, title, name, appositive
	name      span   // the name's own tokens (mName), or the description's head
	text      string // the name (without honorifics), or the description's head word
	offices   []office
	country   string // nationality the mention states
	honorific bool
	visiting  bool
	// counterpart: "his Russian counterpart X" — the same office as the
	// sentence's subject, in another country.
	counterpart bool
	// pluralTitle: the title before the name was plural ("Foreign
	// ministers X, Y and Z"): it is every listed person's.
	pluralTitle bool
	// listCountries: the nationalities of a list, in order, that a
	// description shares with the names after it ("his Iranian and Omani
	// counterparts, A and B", "the French and German leaders, A and B"):
	// the first is this mention's, the n-th the n-th name's.
	listCountries []string
	// relation: "predecessor" or "successor": the office of the person
	// the possessive names, held before or after them.
	relation string
	// possessor: "his", "her", "their" before a description or counterpart.
	possessor string
	// bracket: the words in brackets right after the name, if any.
	bracket span
	// possessorAt: the last token of a name that owns the relation
	// ("Dong's predecessor, Wei Fenghe"), or 0 when none does.
	possessorAt int
	styles      []string // honorific words before the name, lower case
	quoted      bool
	headline    bool
	titleCase   bool
	// complement: the mention depends on a noun or preposition that makes
	// it no participant of the clause ("a message from X", "on behalf of
	// X", "the envoy of X", "X's wife").
	complement bool
	// credit: the name signs the article or its picture ("By Dominic
	// Evans", "REUTERS/Amr Dalsh"): a person, in any case of letters.
	credit    bool
	alias     string   // a short form given in brackets: "Joko Widodo (Jokowi)"
	count     int      // for groups: how many people ("the two leaders": 2), 0 when unknown
	countries []string // for groups: "the Egyptian and Saudi sides"
	ent       int      // the person it resolves to, -1 while unresolved
	group     []int    // for groups: the people it resolves to
	rule      string
}

// findMentions reads the mentions of one sentence, in token order.
func (d *doc) findMentions(si int) []mention {
	s := &d.sents[si]
	cls := d.cls[si]
	toks := s.Toks
	var out []mention
	used := make([]bool, len(toks))
	all := nameSpans(s, cls)
	var spans []span
	for _, sp := range all {
		if !d.rejectName(s, cls, sp) {
			spans = append(spans, sp)
		}
	}
	var kept []span
	for k, sp := range spans {
		// "met King of Jordan Abdullah II", "Emir of Qatar Sheikh Tamim":
		// a title that is also a name word, its country, then the name.
		if sp.j-sp.i == 1 && cls[sp.i].has(clsTitleHead) && k+1 < len(spans) && tokAt(toks, sp.j).Is("of") {
			if _, n := lexicon.Places().PlaceAt(toks, sp.j+1); n > 0 {
				next := sp.j + 1 + n
				for next < spans[k+1].i && cls[next].has(clsHonorific|clsWeakHonorific) {
					next++
				}
				if next == spans[k+1].i {
					continue
				}
			}
		}
		// "Apple's Tim Cook", "Deutsche Bank's Christian Sewing": a name
		// right before another's possessive names a body.
		if k+1 < len(spans) && tokAt(toks, sp.j).Kind == text.Poss && spans[k+1].i == sp.j+1 && spans[k+1].j-spans[k+1].i >= 2 &&
			!lexicon.Places().IsPlaceWord(toks[sp.i].Lower) {
			continue
		}
		// "Kismayo Mayor Omar Abdullahi": one word right before a title
		// and a name is the place or body of that title.
		// So are two or three ("World Bank Vice President X", "Tianqi
		// Lithium chairman X") that no title of their own precedes.
		if k+1 < len(spans) && titleRunBetween(toks, cls, sp.j, spans[k+1].i) &&
			(sp.j-sp.i == 1 || sp.j-sp.i <= 3 && (sp.i == 0 || !cls[sp.i-1].has(clsTitleHead|clsTitleAbbrev|clsHonorific|clsTitleModifier))) {
			continue
		}
		kept = append(kept, sp)
	}
	for k, sp := range kept {
		prevEnd, nextStart := 0, len(toks)
		if k > 0 {
			prevEnd = kept[k-1].j
		}
		if k+1 < len(kept) {
			// The next name starts where its honorifics start: "..., Engr.
			// Noimot Salako-Oyedele".
			var scratch mention
			scratch.name = kept[k+1]
			nextStart = skipHonorifics(toks, cls, kept[k+1].i-1, sp.j, &scratch) + 1
		}
		m := mention{sent: si, kind: mName, name: sp, whole: sp, ent: -1, quoted: s.Quoted[sp.i],
			headline: s.Headline, titleCase: s.TitleCase, rule: "name"}
		m.text = nameText(toks[sp.i:sp.j])
		m.alias = nickname(toks[sp.i:sp.j])
		readPrefix(s, cls, &m, prevEnd)
		if m.credit = creditBefore(toks, sp); m.credit && strings.ToUpper(m.text) == m.text {
			// "BY GIRMACHEW GASHAW": the name as it is written in text.
			m.text = capitalise(m.text)
		}
		// "Eliot Engel (D-NY), chairman of ...": the brackets first.
		readNameAlias(s, &m)
		readAppositive(s, cls, &m, nextStart, k > 0 && len(out) > 0 && len(out[len(out)-1].offices) > 0)
		m.complement = isComplement(toks, m.whole.i)
		for x := m.whole.i; x < m.whole.j; x++ {
			used[x] = true
		}
		out = append(out, m)
	}
	// "MBS met Macron" after "Crown Prince Mohammed bin Salman": a
	// person's initials, in capitals, once the article has named them in
	// full.
	for k, t := range toks {
		if used[k] || t.Kind != text.Word || !t.AllCaps() || len(t.Text) < 3 || len(t.Text) > 5 ||
			cls[k].has(clsAgency|clsPlace|clsTitleAbbrev) || !d.initialsOfNamed(si, t.Text) {
			continue
		}
		m := mention{sent: si, kind: mName, name: span{k, k + 1}, whole: span{k, k + 1}, ent: -1, quoted: s.Quoted[k],
			headline: s.Headline, titleCase: s.TitleCase, rule: "name-initials", text: t.Text}
		m.complement = isComplement(toks, k)
		used[k] = true
		out = append(out, m)
	}
	shareListTitles(toks, out)
	possessorAppositives(toks, cls, out)
	respectiveOffices(toks, cls, out)
	bracketPortfolios(toks, cls, out)
	copularOffices(s, cls, out)
	for _, m := range d.descriptions(si, used) {
		m.complement = isComplement(toks, m.whole.i)
		out = append(out, m)
	}
	sortMentions(out)
	return out
}

// initialsOfNamed reports a name of three words or more, in sentences
// up to si, whose initials spell w ("MBS", "AMLO").
func (d *doc) initialsOfNamed(si int, w string) bool {
	if d.initials == nil {
		d.initials = map[string]bool{}
	}
	for ; d.initialsUpTo < si && d.initialsUpTo < len(d.ments); d.initialsUpTo++ {
		for _, m := range d.ments[d.initialsUpTo] {
			if m.kind != mName {
				continue
			}
			words := strings.FieldsFunc(m.text, func(r rune) bool { return r == ' ' || r == '-' })
			if len(words) < 3 {
				continue
			}
			var all []rune
			for _, x := range words {
				all = append(all, unicode.ToUpper([]rune(x)[0]))
			}
			d.initials[string(all)] = true
			if len(words) >= 4 {
				d.initials[string(all[1:])] = true
			}
		}
	}
	return d.initials[w]
}

// initialsOf reports whether w spells the initials of name, of all its
// words or of all but the first ("VDL" of Ursula von der Leyen).
func initialsOf(name, w string) bool {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) < 3 {
		return false
	}
	var all []rune
	for _, x := range words {
		all = append(all, unicode.ToUpper([]rune(x)[0]))
	}
	return string(all) == w || len(words) >= 4 && string(all[1:]) == w
}

// capitalise writes an all-capitals name with capitals only at the
// start of its words and their hyphenated parts ("ABDEL-FATTAH SISI" →
// "Abdel-Fattah Sisi").
func capitalise(name string) string {
	rs := []rune(strings.ToLower(name))
	for i := range rs {
		if i == 0 || rs[i-1] == ' ' || rs[i-1] == '-' {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}

// creditBefore reports a name that signs a story or a picture: right
// after a sentence's opening "By", or after an agency's "AGENCY/".
func creditBefore(toks []text.Token, sp span) bool {
	if sp.j-sp.i < 2 {
		return false
	}
	// "By Will Ripley", "By Will Ripley, CNN", "Written by Jane Hawkins",
	// "By Jane Hawkins and Ivo Kral".
	by := sp.i == 1 && toks[0].Is("by") || sp.i == 2 && toks[1].Is("by") && toks[0].Is("written", "reported", "story", "text", "words")
	if by && (sp.j >= len(toks)-1 || toks[sp.j].Text == "," || toks[sp.j].Text == "|" || toks[sp.j].Is("and", "in")) {
		return true
	}
	// "Tan Hui Yee Indonesia Correspondent": a line of a name and the
	// writer's post.
	if sp.i == 0 && len(toks) > sp.j && len(toks) <= sp.j+4 && bylinePosts[toks[len(toks)-1].Lower] {
		return true
	}
	agency := tokAt(toks, sp.i-2)
	return tokAt(toks, sp.i-1).Text == "/" && (agency.AllCaps() || lexicon.NewsAgencies[agency.Lower])
}

// bylinePosts end a byline that names a writer by their post.
var bylinePosts = map[string]bool{"correspondent": true, "reporter": true, "editor": true, "writer": true,
	"columnist": true, "contributor": true}

// shareListTitles gives the people of a list the office the list's first
// name states for all of them: a plural title ("Foreign ministers A of
// Turkey, B of Finland and C of Sweden") or a title left out after the
// first ("Mali's President A, Mauritania's B and Congo's C").
func shareListTitles(toks []text.Token, ms []mention) {
	for i := 0; i+1 < len(ms); i++ {
		first := &ms[i]
		if len(first.listCountries) > 1 {
			shareListCountries(toks, ms, i)
			continue
		}
		if len(first.offices) == 0 || first.offices[0].title == "" {
			continue
		}
		elliptic := first.country != "" && !first.pluralTitle
		if !first.pluralTitle && !elliptic {
			continue
		}
		prev := i
		for j := i + 1; j < len(ms); j++ {
			m := &ms[j]
			if ms[prev].whole.j > m.whole.i || !listGap(toks[ms[prev].whole.j:m.whole.i]) || len(m.offices) > 0 {
				break
			}
			if elliptic && m.country == "" {
				break
			}
			o := first.offices[0]
			o.of = m.country
			o.rule = "role-shared-in-list"
			m.offices = append(m.offices, o)
			prev = j
		}
	}
}

// possessorAppositives reads "Steve Witkoff, Donald Trump's special
// envoy,": a name set off by a comma, with a possessive and an office
// after it, says whose office the first name holds. The first name gets
// the office; the second is a complement, no member of a list with it.
func possessorAppositives(toks []text.Token, cls []class, ms []mention) {
	for i := 0; i+1 < len(ms); i++ {
		a, b := &ms[i], &ms[i+1]
		if a.kind != mName || b.kind != mName || b.whole.i != a.whole.j+1 || toks[a.whole.j].Text != "," ||
			tokAt(toks, b.whole.j).Kind != text.Poss {
			continue
		}
		q := b.whole.j + 1
		e := q
		for e < len(toks) && e < q+8 && toks[e].Kind == text.Word && titleToken(toks, cls, e) && !toks[e].Is("and", "of", "to", "for", "in", "on") {
			e++
		}
		if e == q || !hasHead(toks, cls, q, e) {
			continue
		}
		if n := tokAt(toks, e); !(e == len(toks) || n.Text == "," || n.Text == "." || n.Text == ";" || n.Is("in", "on", "at", "and")) {
			continue
		}
		o, _, _, ok := parseTitle(toks, cls, q, e)
		if !ok {
			continue
		}
		o.rule = "role-appositive"
		a.offices = append(a.offices, splitOffices(o)...)
		b.complement = true
	}
}

// placeBeforeArticle reads the place after "in" or "at" that a verb
// happened in, before the article of a title: "in Algiers the President
// of ...". From i (the place's first word), capitalised words that are no
// title, then "the" before limit: it returns where "the" stands, or -1.
func placeBeforeArticle(toks []text.Token, cls []class, i, limit int) int {
	q := i
	for q < limit && toks[q].Cap && !cls[q].has(clsTitleHead) {
		q++
	}
	if q > i && q < limit && toks[q].Is("the") {
		return q
	}
	return -1
}

// titleOfBodyBefore reports a title and "of" before the body whose last
// word is at k: "Governor of the Central Bank", "Speaker of the House".
func titleOfBodyBefore(toks []text.Token, cls []class, k int) bool {
	of := false
	for q := k - 1; q >= 0 && q >= k-8; q-- {
		t := toks[q]
		switch {
		case t.Is("of", "for"):
			of = true
		case of && cls[q].has(clsTitleHead):
			return true
		case t.Is("the") || t.Cap:
		default:
			return false
		}
	}
	return false
}

// institutionPossessive reports token k inside "the country's", "the
// party's", "the kingdom's" opening an appositive at start: an office of
// an institution named by a common noun.
func institutionPossessive(toks []text.Token, start, k int) bool {
	if !tokAt(toks, start).Is("the") || !(k == start+1 || k == start+2) {
		return false
	}
	n := tokAt(toks, start+1)
	return n.Kind == text.Word && !n.Cap && tokAt(toks, start+2).Kind == text.Poss
}

// shareListCountries gives the names listed after ms[i] the nationalities
// its description lists, in order, with its office or its relation: "his
// Iranian and Omani counterparts, A and B" makes B the Omani counterpart,
// "the French and German leaders, A and B" B the German leader.
func shareListCountries(toks []text.Token, ms []mention, i int) {
	first := &ms[i]
	prev := i
	for n := 1; n < len(first.listCountries) && prev+1 < len(ms); n++ {
		m := &ms[prev+1]
		if ms[prev].whole.j > m.whole.i || !listGap(toks[ms[prev].whole.j:m.whole.i]) || len(m.offices) > 0 || m.country != "" {
			return
		}
		c := first.listCountries[n]
		m.country = c
		m.counterpart = first.counterpart
		m.possessor = first.possessor
		if len(first.offices) > 0 && first.offices[0].title != "" {
			o := first.offices[0]
			o.of = c
			o.rule = "role-shared-in-list"
			m.offices = append(m.offices, o)
		}
		prev++
	}
}

// demonymList reads a list of two nationalities or more at toks[i:j]:
// "Iranian and Omani", "French, German and Italian". It returns the
// countries in order and where the list ends, or nil.
func demonymList(toks []text.Token, i, j int) ([]string, int) {
	g := lexicon.Places()
	var cs []string
	k := i
	for {
		c, n := g.DemonymAt(toks, k)
		if n == 0 || k+n > j {
			return nil, i
		}
		cs = append(cs, c)
		k += n
		if tokAt(toks, k).Text == "," && k+1 < j {
			if _, n := g.DemonymAt(toks, k+1); n > 0 {
				k++
				continue
			}
		}
		if !tokAt(toks, k).Is("and") {
			return nil, i
		}
		c, n = g.DemonymAt(toks, k+1)
		if n == 0 || k+1+n > j {
			return nil, i
		}
		return append(cs, c), k + 1 + n
	}
}

// demonymListEndingAt finds a list of nationalities that ends at end
// (exclusive) and starts at prevEnd or after: "his Iranian and Omani"
// before "counterparts".
func demonymListEndingAt(toks []text.Token, end, prevEnd int) ([]string, int) {
	for i := max(prevEnd, end-9); i < end; i++ {
		if cs, e := demonymList(toks, i, end); cs != nil && e == end {
			return cs, i
		}
	}
	return nil, end
}

// respectiveOffices reads "A, B and C, respectively the ministers of
// Foreign Affairs, Education and Health": the n-th portfolio is the n-th
// person's. The portfolios are split at commas, and the last one at its
// last "and" while there are fewer portfolios than people.
func respectiveOffices(toks []text.Token, cls []class, ms []mention) {
	for i := range ms {
		k := ms[i].whole.j
		if tokAt(toks, k).Text == "," {
			k++
		}
		if !tokAt(toks, k).Is("respectively") {
			continue
		}
		k++
		if tokAt(toks, k).Is("the") {
			k++
		}
		head := tokAt(toks, k)
		if !lexicon.IsPluralTitle(head.Lower) || !tokAt(toks, k+1).Is("of", "for") {
			continue
		}
		// The people: this mention and those listed before it.
		people := []int{i}
		for j := i - 1; j >= 0 && listGap(toks[ms[j].whole.j:ms[people[0]].whole.i]); j-- {
			people = append([]int{j}, people...)
		}
		if len(people) < 2 {
			continue
		}
		var items [][]string
		var cur []string
		q := k + 2
		for ; q < len(toks); q++ {
			t := toks[q]
			if t.Text == "," {
				// ", as well as the envoy": the list is over.
				if !tokAt(toks, q+1).Cap {
					break
				}
				items = append(items, cur)
				cur = nil
				continue
			}
			if t.Kind != text.Word || !(t.Cap || t.Is("and", "of", "the")) {
				break
			}
			cur = append(cur, t.Text)
		}
		items = append(items, cur)
		for len(items) < len(people) {
			last := items[len(items)-1]
			cut := -1
			for x := len(last) - 1; x > 0; x-- {
				if strings.EqualFold(last[x], "and") {
					cut = x
					break
				}
			}
			if cut < 0 {
				break
			}
			items = append(items[:len(items)-1], last[:cut], last[cut+1:])
		}
		if len(items) != len(people) {
			continue
		}
		title := capitalizeWords(singularTitle(head.Text))
		for x, mi := range people {
			o := office{title: title + " of " + strings.Join(items[x], " "), current: true, rule: "role-respectively"}
			ms[mi].offices = append(ms[mi].offices, o)
		}
	}
}

// listGap reports tokens that only separate the items of a list.
func listGap(gap []text.Token) bool {
	if len(gap) == 0 || len(gap) > 3 {
		return false
	}
	for _, t := range gap {
		if t.Text != "," && !t.Is("and") {
			return false
		}
	}
	return true
}

// copularVerbs say what office someone holds: "X, who serves as Y", "X
// was then Switzerland's attorney general", "X is acting as President".
var copularVerbs = [][]string{
	{"who", "is"}, {"who", "was"}, {"who", "serves", "as"}, {"who", "served", "as"}, {"who", "became"},
	{"who", "took", "over", "as"}, {"who", "has", "been"}, {"who", "was", "then"}, {"who", "is", "also"},
	{"is", "acting", "as"}, {"is", "currently", "acting", "as"}, {"serves", "as"}, {"served", "as"},
	{"was", "then"}, {"took", "over", "as"}, {"became"}, {"was", "appointed"}, {"was", "named"},
	{"who", "previously", "served", "as"}, {"had", "been", "serving", "as"}, {"has", "been", "serving", "as"},
	{"was", "serving", "as"}, {"is", "serving", "as"}, {"is", "the"},
	{"who", "also", "serves", "as"}, {"who", "also", "holds", "the", "post", "of"}, {"who", "doubles", "as"},
}

// officeVerbs say an office by what its holder does: "X, who heads the
// AU's panel on Libya" is its Head, "who chairs the subcommittee" its
// Chairman, "who governed Lagos" its (former) Governor. Each row is the
// words after the name, the title they make, and whether the office is
// held now.
var officeVerbs = []struct {
	words   []string
	title   string
	current bool
}{
	{[]string{"who", "heads"}, "Head", true},
	{[]string{"who", "headed"}, "Head", false},
	{[]string{"who", "chairs"}, "Chairman", true},
	{[]string{"who", "chaired"}, "Chairman", false},
	{[]string{"who", "leads"}, "Leader", true},
	{[]string{"who", "led"}, "Leader", false},
	{[]string{"who", "presides", "over"}, "President", true},
	{[]string{"who", "governs"}, "Governor", true},
	{[]string{"who", "governed"}, "Governor", false},
	{[]string{"who", "commands"}, "Commander", true},
	{[]string{"who", "directs"}, "Director", true},
}

// officeByVerb reads an office from officeVerbs at token k: the title and
// what the verb governs, up to a comma or a date ("who governed Lagos
// between 2015 and 2019" → Governor of Lagos).
func officeByVerb(toks []text.Token, k int) (office, bool) {
	for _, ov := range officeVerbs {
		if !wordsMatch(toks, k, ov.words) {
			continue
		}
		start := k + len(ov.words)
		end := start
		for end < len(toks) && end < start+10 {
			t := toks[end]
			if t.Kind == text.Punct && t.Text != "-" || t.Kind == text.Quote || t.Is("and", "between", "since", "until", "from", "who", "which", "when", "where") ||
				t.Is("in", "on") && (dates.IsDateWord(tokAt(toks, end+1)) || tokAt(toks, end+1).Kind == text.Number) {
				break
			}
			end++
		}
		if end == start {
			return office{}, false
		}
		var b strings.Builder
		for q := start; q < end; q++ {
			if q > start && toks[q].Kind != text.Poss {
				b.WriteByte(' ')
			}
			b.WriteString(toks[q].Text)
		}
		return office{title: ov.title + " of " + b.String(), current: ov.current, rule: "role-verb"}, true
	}
	return office{}, false
}

// copularOffices reads offices said by a verb after a name: "X, who
// serves as the Y", "X took over as China's defence minister".
// ordinalBefore reports "first", "last" or "only" among the words
// [i, j) of a title: "the first foreign leader".
func ordinalBefore(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].Is("first", "last", "only", "second", "third") {
			return true
		}
	}
	return false
}

func copularOffices(s *text.Sentence, cls []class, ms []mention) {
	toks := s.Toks
	for i := range ms {
		m := &ms[i]
		k := m.whole.j
		if tokAt(toks, k).Text == "," {
			k++
		}
		matched := 0
		for _, cv := range copularVerbs {
			if wordsMatch(toks, k, cv) && len(cv) > matched {
				matched = len(cv)
			}
		}
		if o, ok := officeByVerb(toks, k); ok && matched == 0 {
			m.offices = append(m.offices, o)
			continue
		}
		if matched == 0 {
			continue
		}
		// Skip "currently", "also" between the verb and the title.
		start := k + matched
		for start < len(toks) && toks[start].Is("currently", "also", "now", "still") {
			start++
		}
		end := start
		limit := len(toks)
		if i+1 < len(ms) {
			limit = ms[i+1].whole.i
		}
		for end < limit && (titleToken(toks, cls, end) || toks[end].Is("a", "an", "his", "her")) && toks[end].Text != "," {
			end++
		}
		if end == start || !hasHead(toks, cls, start, end) || pluralHeadIn(toks, start, end) {
			continue
		}
		// "became the first foreign leader to visit X": a rank among
		// others, not an office.
		if ordinalBefore(toks, start, end) && (tokAt(toks, end).Is("to", "since", "ever") || tokAt(toks, end-1).Is("to")) {
			continue
		}
		if o, country, _, ok := parseTitle(toks, cls, start, end); ok {
			o.rule = "role-copula"
			if toks[start-1].Is("as") && toks[start-2].Is("acting") {
				o.title = "Acting " + o.title
			}
			if isPastCopula(toks, k) {
				o.current = false
			}
			if country != "" && m.country == "" {
				m.country = country
			}
			m.offices = append(m.offices, o)
		}
	}
}

// isPastCopula reports "was then", "served as": an office held before.
func isPastCopula(toks []text.Token, k int) bool {
	for q := k; q < len(toks) && q < k+4; q++ {
		if toks[q].Is("then", "served", "former", "previously", "had") {
			return true
		}
	}
	return false
}

func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].whole.i < ms[j-1].whole.i; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// bylineDesks end the names outlets sign with instead of a person's:
// "F.P. Report", "Web Desk", "Monitoring Desk".
var bylineDesks = map[string]bool{"report": true, "desk": true, "correspondent": true, "reporter": true,
	"bureau": true, "staff": true, "newsroom": true, "monitoring": true, "wires": true}

// rejectName reports a candidate name that its context shows is an
// organisation, place, work or outlet ("the Nord Stream pipeline", "at
// Camp David", "Morgan Stanley and Goldman Sachs", "Ahram Online").
func (d *doc) rejectName(s *text.Sentence, cls []class, sp span) bool {
	toks := s.Toks
	prev, next := tokAt(toks, sp.i-1), tokAt(toks, sp.j)
	// A name must have a word of two or more letters that is not an
	// initial.
	long := false
	for k := sp.i; k < sp.j; k++ {
		t := toks[k]
		if len([]rune(t.Text)) >= 2 && !cls[k].has(clsInitials) && !cls[k].has(clsParticle) {
			long = true
		}
	}
	if !long {
		return true
	}
	titled := sp.i > 0 && cls[sp.i-1].has(clsTitleHead|clsTitleAbbrev|clsHonorific)
	// "Minister of the Interior, Local Authorities and Regional Planning,
	// X": a portfolio, not a person.
	for q := sp.i - 1; q >= 0 && q >= sp.i-4; q-- {
		if portfolioComma(toks, cls, q) {
			return true
		}
		if !toks[q].Cap {
			break
		}
	}
	// "Tamil Nadu Chief Minister X", "Sarawak Premier X": a province or a
	// capital right before a title is where the office is.
	if next.Kind == text.Word && next.Cap && cls[sp.j].has(clsTitleHead|clsTitleModifier) {
		if g, span := lexicon.Places(), strings.ToLower(nameText(toks[sp.i:sp.j])); g.IsSubdivision(span) || g.CapitalOf(span) != "" {
			return true
		}
	}
	// "Chief Minister Sindh Syed X": a province between a title and an
	// honorific.
	if sp.i > 0 && sp.j < len(toks) && cls[sp.i-1].has(clsTitleHead) && !cls[sp.i-1].has(clsHonorific) && next.Kind == text.Word &&
		cls[sp.j].has(clsHonorific|clsWeakHonorific) && lexicon.Places().IsSubdivision(strings.ToLower(nameText(toks[sp.i:sp.j]))) {
		return true
	}
	// "Reserve Bank of India Governor X", "State Bank of Pakistan": a
	// name ending in a body's word before "of" and a place.
	if orgSurnames[toks[sp.j-1].Lower] && next.Is("of") && tokAt(toks, sp.j+1).Cap && (sp.j-sp.i >= 2 || sp.i == 0 || !titled) {
		return true
	}
	// "World Bank President X", "Supreme Court Justice X": a name ending
	// in a word that is a family name only at a name's end ("Stuart
	// Hall"), right before a title word, names the body the title heads.
	if sp.j-sp.i >= 2 && orgSurnames[toks[sp.j-1].Lower] && next.Kind == text.Word && next.Cap && cls[sp.j].has(clsTitleHead) {
		return true
	}
	// "King Abdulaziz International Airport", "the King Fahd Causeway",
	// "Queen Elizabeth Olympic Park": a place named after a royal, its
	// type within two capitalised words.
	// Also "The Chairman, Independent National Electoral Commission
	// (INEC), X": the first word of a body's name.
	for q := sp.j; q < len(toks) && q < sp.j+4 && toks[q].Kind == text.Word && toks[q].Cap; q++ {
		if lexicon.PlaceTypeWords[toks[q].Lower] || cls[q].has(clsOrg) && !cls[q].has(clsTitleHead) {
			if q > sp.j || !titled || sp.i > 0 && tokAt(toks, sp.i-1).Is("king", "queen", "prince", "princess", "sultan", "emir", "sheikh", "president") {
				return true
			}
		}
		if cls[q].has(clsTitleHead) || cls[q].has(clsNameWord) && q == sp.j && sp.j-sp.i >= 2 {
			break
		}
	}
	// "F.P. Report", "Web Desk", "News Desk": who wrote it, no person.
	if bylineDesks[toks[sp.j-1].Lower] {
		return true
	}
	// "Queen Elizabeth Olympic Park": a royal's name ending in a place's
	// type.
	if sp.j-sp.i >= 3 && lexicon.PlaceTypeWords[toks[sp.j-1].Lower] && tokAt(toks, sp.i-1).Is("king", "queen", "prince", "princess", "sultan", "emir", "sheikh") {
		return true
	}
	// Capitalised organisation or place-type words right after it:
	// "Abdulaziz Center", "Jubilee House", "Bole International Airport".
	if next.Kind == text.Word && next.Cap && cls[sp.j].has(clsOrg) && !cls[sp.j].has(clsTitleHead) && !titled {
		return true
	}
	// "Chief Justice of the Supreme Court X": a title word that is also a
	// family name, after a title's modifier and before "of", is the title.
	if sp.j-sp.i == 1 && nameLikeTitles[toks[sp.i].Lower] && next.Is("of") &&
		prev.Is("chief", "deputy", "vice", "grand", "associate", "senior", "acting") {
		return true
	}
	// An organisation word right before it that is no title: "Ministry X";
	// unless it ends the body of a title before it: "Governor of the
	// Central Bank X".
	if prev.Kind == text.Word && prev.Cap && cls[sp.i-1].has(clsOrg) && !cls[sp.i-1].has(clsTitleHead|clsTitleModifier|clsHonorific) &&
		!cls[sp.i-1].has(clsFunction) && !titleOfBodyBefore(toks, cls, sp.i-1) {
		return true
	}
	// "Russia's Kurgan region", "the Oromia Regional State": a place.
	if sp.j-sp.i == 1 && next.Kind == text.Word && !next.Cap && next.Is("region", "province", "state", "district", "county",
		"city", "town", "village", "oblast", "krai", "prefecture", "governorate", "municipality", "area", "valley", "island", "islands") {
		return true
	}
	// "the Workers' Party", "People's Army": an organisation's name.
	if next.Kind == text.Poss && tokAt(toks, sp.j+1).Cap && sp.j+1 < len(toks) && cls[sp.j+1].has(clsOrg) {
		return true
	}
	// One word after "of" or "for" with no title of its own is the
	// organisation or place a title belongs to ("chief of the Office of
	// Chongwadae", "vice-minister of Unification"); after "for" and a
	// common noun it is a guest ("a lunch for Varadkar").
	if sp.j-sp.i == 1 && prev.Is("of", "for") && !personOf[tokAt(toks, sp.i-2).Lower] &&
		!(prev.Is("for") && sp.i >= 2 && !toks[sp.i-2].Cap && !cls[sp.i-2].has(clsTitleHead|clsTitleModifier)) {
		return true
	}
	// "the Speaker of the Majlis Al-Shura, Sheikh Abdullah ...": a name
	// after "of the" followed by a comma and another name is the body.
	if prev.Is("the") && tokAt(toks, sp.i-2).Is("of") && next.Text == "," {
		return true
	}
	// "the newspaper O Globo", "broadcaster LRT".
	if lexicon.MediaNouns[prev.Lower] && !prev.Cap {
		return true
	}
	if next.Kind == text.Number && !strings.Contains(next.Text, "/") && len(next.Text) != 4 &&
		!dates.IsDateWord(tokAt(toks, sp.j+1)) && !tokAt(toks, sp.j+1).Is("days", "weeks", "months", "years", "hours", "minutes") {
		// "Attribution 4.0", "Boeing 737"; a year after a name is a date,
		// and so are "met X 10 days ago" and "met X 5 June".
		return true
	}
	// "the Nord Stream pipeline", "the Kuomintang": a name takes no
	// article unless a title comes between.
	if prev.Is("the", "a", "an") && next.Kind != text.Poss {
		return true
	}
	// "in X", "at X": a place, unless a possessive follows.
	if prev.Is("in", "at", "near", "outside", "inside", "into", "to", "across") && prev.Lower != "to" && next.Kind != text.Poss {
		return true
	}
	// "the Italian group Eni", "the mining company Sundance": a company
	// named after the noun that says what it is.
	if prev.Kind == text.Word && !prev.Cap && prev.Is("group", "company", "firm", "giant", "conglomerate", "corporation",
		"operator", "carrier", "airline", "lender", "insurer", "bank", "automaker", "carmaker", "maker", "producer", "newspaper", "daily", "broadcaster", "agency") {
		return true
	}
	// A plural noun after it, or an adjective and a plural noun: "Motu
	// Koitabu traditional dancers", "Hamas fighters".
	if pluralNounAt(toks, sp.j) || adjectiveShape(tokAt(toks, sp.j)) && pluralNounAt(toks, sp.j+1) {
		return true
	}
	// A lower-case group noun after it: "Fateh al-Sham militants",
	// "Fateh al-Sham terrorist groups".
	if next.Kind == text.Word && !next.Cap && (groupNouns[next.Lower] ||
		groupNouns[tokAt(toks, sp.j+1).Lower] && !tokAt(toks, sp.j+1).Cap && !lexicon.IsVerb(next.Lower) && !lexicon.Adverbs[next.Lower] &&
			!lexicon.FunctionWords[next.Lower]) {
		return true
	}
	// The whole span is (the start of) a place: "Addis Ababa", "Sierra
	// Leone", "Papua New" of "Papua New Guinea".
	g := lexicon.Places()
	if _, n := g.PlaceAt(toks, sp.i); n >= sp.j-sp.i {
		// A one-word province is often a surname too ("Secretary
		// Kerry"): after a title it is a person.
		one := sp.j-sp.i == 1 && g.CapitalOf(toks[sp.i].Lower) == "" && g.Country(toks[sp.i].Lower) == ""
		// But "Chief Minister Sindh", "Governor Punjab": the province of
		// a provincial office.
		provincial := tokAt(toks, sp.i-1).Is("governor") || tokAt(toks, sp.i-1).Is("minister") && tokAt(toks, sp.i-2).Is("chief")
		if !(one && titled) || provincial && g.IsSubdivision(toks[sp.i].Lower) {
			return true
		}
	}
	if _, n := g.CountryAt(toks, sp.i); n >= sp.j-sp.i {
		return true
	}
	if _, n := g.DemonymAt(toks, sp.i); n >= sp.j-sp.i {
		return true
	}
	// "known as X", "dubbed X".
	// Not "Zelensky called Olaf Scholz on Tuesday": a person calling
	// another.
	phoned := prev.Is("called") && (tokAt(toks, sp.i-2).Cap && tokAt(toks, sp.i-2).Kind == text.Word ||
		tokAt(toks, sp.i-2).Is("he", "she", "they", "also", "later", "then", "first"))
	if prev.Is("dubbed", "called", "named", "codenamed") && !phoned || prev.Lower == "as" && tokAt(toks, sp.i-2).Is("known", "named") {
		return sp.j-sp.i > 1 || !prev.Is("named")
	}
	// Outlets cited as sources: "X reported", "..., Die Welt reported".
	if next.Is("reported", "reports") && (sp.j-sp.i == 1 || prev.Text == "," && !titled) {
		return true
	}
	// A dateline: "Sharm el-Sheikh, Egypt (dpa) -".
	if sp.i == 0 && next.Text == "," {
		if _, n := g.CountryAt(toks, sp.j+1); n > 0 {
			if after := tokAt(toks, sp.j+1+n); after.Text == "(" || after.Text == "-" || after.Text == "–" || after.Text == "—" {
				return true
			}
		}
	}
	return false
}

// pluralNounAt reports a lower-case plural noun at token k: "dancers",
// "supporters"; not a verb ("says") or a function word.
func pluralNounAt(toks []text.Token, k int) bool {
	t := tokAt(toks, k)
	// "met X hours before the summit", "X days after": time, not a
	// thing of X's.
	if t.Is("hours", "days", "weeks", "months", "years", "minutes", "times", "decades") {
		return false
	}
	return t.Kind == text.Word && !t.Cap && len(t.Lower) > 3 && strings.HasSuffix(t.Lower, "s") &&
		!strings.HasSuffix(t.Lower, "ss") && !strings.HasSuffix(t.Lower, "us") && !lexicon.IsVerb(t.Lower) &&
		!lexicon.FunctionWords[t.Lower] && !lexicon.Adverbs[t.Lower]
}

// personOf are nouns whose "of" takes a person: "in the company of
// Gbajabiamila", "on behalf of Buhari", "the widow of Mandela".
var personOf = wordList(`company presence behalf wife husband son daughter widow widower brother sister
	father mother friend ally successor predecessor`)

// groupNouns after a capitalised sequence show it names a group or thing.
var groupNouns = map[string]bool{
	"group": true, "groups": true, "militants": true, "fighters": true, "terrorists": true, "forces": true,
	"movement": true, "militia": true, "rebels": true, "faction": true, "party": true, "government": true,
	"administration": true, "regime": true, "troops": true, "army": true, "agency": true, "company": true,
	"pipeline": true, "plan": true, "doctrine": true, "summit": true, "talks": true, "process": true,
	"format": true, "agreement": true, "deal": true, "accord": true, "treaty": true, "initiative": true,
	"era": true, "administration's": true, "camp": true, "supporters": true, "loyalists": true,
}

// titleToken reports whether token k may be part of an office title read
// backwards from a name ("Iran's Foreign Minister", "Minister of Foreign
// Affairs", "Nepal Communist Party (NCP) co-chair", "Foreign Affairs CS").
func titleToken(toks []text.Token, cls []class, k int) bool {
	t := toks[k]
	c := cls[k]
	switch t.Kind {
	case text.Poss:
		return k > 0 && toks[k-1].Cap
	case text.Punct:
		// "Minister for Political, Legal and Security Affairs", "Minister
		// of the Interior, Local Authorities and Regional Planning".
		if t.Text == "," && k > 0 && k+1 < len(toks) && cls[k-1].has(clsTitleModifier) && cls[k+1].has(clsTitleModifier) && toks[k+1].Cap ||
			portfolioComma(toks, cls, k) {
			return true
		}
		return t.Text == "(" || t.Text == ")"
	case text.Word:
	default:
		return false
	}
	if c.has(clsTitleHead | clsTitleModifier | clsTitleAbbrev) {
		return true
	}
	// "met A on Monday and Chancellor B": a day or month is no part of
	// a title.
	if c.has(clsDate) {
		return false
	}
	// "defence minister in December", "minister since 2019": a date
	// after a title ends it.
	if t.Is("in", "on", "since", "until") && k > 0 && cls[k-1].has(clsTitleHead|clsTitleModifier) &&
		(dates.IsDateWord(tokAt(toks, k+1)) || tokAt(toks, k+1).Kind == text.Number) {
		return false
	}
	if inCountryName(toks, k) || inPlaceName(toks, k) {
		return true
	}
	// "the Director of Cabinet at the Presidency, X", "Minister of State
	// at the Foreign Office X": "at" joins an office to the institution
	// it sits in, between capitalised title words.
	if t.Is("at") && k > 0 && toks[k-1].Cap && tokAt(toks, k+1).Is("the") && tokAt(toks, k+2).Cap &&
		cls[k+2].has(clsTitleModifier|clsOrg|clsNameWord) && !buildingWords[tokAt(toks, k+2).Lower] {
		return true
	}
	// "the Governor of Russia's Kurgan region, X".
	if t.Is("region", "province", "state", "district", "city", "county", "oblast", "krai", "prefecture") && k > 0 && toks[k-1].Cap {
		return true
	}
	// A building ends a title read backwards: "at Al Shati Palace US
	// Senator X"; but it names the office's seat right before a title
	// word: "Kremlin spokesman X", "White House chief of staff X".
	if buildingWords[t.Lower] && t.Cap {
		return k+1 < len(toks) && cls[k+1].has(clsTitleHead|clsTitleAbbrev) && !tokAt(toks, k-1).Is("at", "in", "from", "to", "outside", "inside", "near")
	}
	// A word that may be a name belongs to a title only as the name of
	// an organisation or place right before a title word ("Ogun State
	// Governor", "Kurdistan Region Prime Minister") or after "of"
	// ("Paramount Ruler of Egbaland").
	// "Bank of England Governor X": the body's head word before its "of".
	if t.Cap && k+1 < len(toks) && bodyOfCountryBefore(toks, cls, k+1) {
		return true
	}
	if c.has(clsNameWord) {
		if k+1 < len(toks) && (cls[k+1].has(clsTitleHead|clsTitleModifier|clsOrg|clsTitleAbbrev) || toks[k+1].Kind == text.Poss) {
			return true
		}
		// "Tianqi Lithium chairman X", "Korean Air Chairman X": a body
		// of two words before a title word.
		if k+2 < len(toks) && toks[k+1].Kind == text.Word && toks[k+1].Cap && cls[k+2].has(clsTitleHead|clsTitleAbbrev) && !cls[k+2].has(clsNameWord) {
			return true
		}
		// "Governor Sindh X", "Chief Minister Punjab X": a province
		// right after a title.
		if k > 0 && cls[k-1].has(clsTitleHead) && !cls[k-1].has(clsHonorific) && lexicon.Places().IsSubdivision(t.Lower) {
			return true
		}
		// "Tamil Nadu Chief Minister X": a province of two or three words
		// before a title.
		for q := k + 2; q <= k+3 && q < len(toks); q++ {
			if cls[q].has(clsTitleHead|clsTitleModifier) && toks[q].Cap &&
				lexicon.Places().IsSubdivision(strings.ToLower(nameText(toks[k:q]))) {
				return true
			}
		}
		// "the Central Bank", "the African Development Bank": an
		// organisation's word that is also a family name.
		if orgSurnames[t.Lower] && k > 0 && toks[k-1].Cap {
			return true
		}
		if k > 0 && toks[k-1].Is("of", "for") || k > 1 && toks[k-1].Is("the") && toks[k-2].Is("of", "for") {
			// "Paramount Ruler of Egbaland", "the Chairman of the
			// Dangote Group".
			return true
		}
		// "Minister of the Interior, Local Authorities and Regional
		// Planning": a word of the portfolio list.
		return inPortfolio(toks, cls, k)
	}
	// "met spy chief X", "rebel leader X": a plain lower-case noun right
	// before a title word names what the office heads.
	// Not "during his stay Minister X" (a noun of his), nor "a first-time
	// governor" (an adjective).
	if !t.Cap && k+1 < len(toks) && cls[k+1].has(clsTitleHead) && !c.has(clsVerb) && (!c.has(clsFunction) || c.has(clsOrg)) &&
		!lexicon.FunctionWords[t.Lower] && !lexicon.Adverbs[t.Lower] && !strings.Contains(t.Lower, "-") &&
		!strings.HasSuffix(t.Lower, "ing") && !strings.HasSuffix(t.Lower, "ed") && !strings.HasSuffix(t.Lower, "ly") &&
		!tokAt(toks, k-1).Is("his", "her", "their", "its", "our", "my", "your") {
		return true
	}
	// "the head of the UN nuclear watchdog, X": a body named by lower-case
	// words after a title's "of".
	if !t.Cap && (c.has(clsOrg) || !c.has(clsVerb|clsFunction) && cls[min(k+1, len(toks)-1)].has(clsOrg) && !tokAt(toks, k+1).Cap) &&
		ofTitleBefore(toks, cls, k) {
		return true
	}
	// "envoy for the Belgrade-Pristina dialogue X", "coordinator for the
	// peace process X": what an envoy's brief is about.
	if briefNouns[t.Lower] && !t.Cap {
		for q := k - 1; q >= 0 && q >= k-4; q-- {
			if toks[q].Is("for", "on") && q > 0 && cls[q-1].has(clsTitleHead) {
				return true
			}
		}
	}
	switch t.Lower {
	case "of", "for", "to", "and", "the", "a", "an", "in", "charge", "on", "former", "ex", "then", "ex-", "then-", "late", "acting",
		"visiting", "outgoing", "incoming", "new", "newly", "elected", "appointed", "designate", "co-chair",
		"&", "de", "facto", "longtime", "long-time", "veteran", "current", "chief", "general":
		return true
	}
	if t.Cap && !c.has(clsVerb) || t.AllCaps() {
		return true
	}
	return false
}

// readPrefix reads what stands before a name: honorifics (dropped), an
// office title with its country or organisation, a nationality, and the
// words "former", "visiting", "counterpart", "predecessor". prevEnd is
// where the previous name ends; nothing before it belongs to this one.
func readPrefix(s *text.Sentence, cls []class, m *mention, prevEnd int) {
	toks := s.Toks
	p := m.name.i - 1
	// "Imam [Khomeini]", "Leader [Ayatollah Seyyed Ali Khamenei]".
	if p >= prevEnd && toks[p].Text == "[" {
		p--
	}
	p = skipHonorifics(toks, cls, p, prevEnd, m)
	if p >= prevEnd && toks[p].Text == "[" {
		p--
	}
	// "X of Egypt and Ms. Y": an honorific after "and" starts a person
	// of a list; no title reaches back over it.
	if m.honorific && p >= prevEnd && toks[p].Is("and", "&") {
		m.whole.i = p + 1
		return
	}
	// "an adviser to Ayatollah Khamenei", "the son of President X": a
	// name after a preposition has no title of its own before it.
	if p >= prevEnd && toks[p].Is("to", "of", "for") {
		m.whole.i = p + 1
		return
	}
	// "economist Luis Caputo", "opposition activist X": a descriptor, no
	// office.
	if p >= prevEnd && lexicon.Descriptors[toks[p].Lower] && !toks[p].Cap && !cls[p].has(clsTitleHead) {
		k := p - 1
		for k >= prevEnd && (toks[k].Is("former", "veteran", "prominent", "leading", "opposition", "exiled", "jailed", "the", "a", "an",
			"senior", "top", "retired", "ex-", "then-") ||
			cls[k].has(clsPlace) || toks[k].Kind == text.Poss) {
			k--
		}
		m.whole.i = k + 1
		return
	}
	// "his wife Melania", "the prime minister's wife, Puan Sri X":
	// a relative, named with who they are related to.
	if k := kinshipBefore(toks, p, prevEnd); k >= 0 {
		m.whole.i = k
		m.honorific = true
		return
	}
	// "his Russian counterpart X", "her predecessor, X".
	q := p
	if q >= prevEnd && toks[q].Text == "," && q > prevEnd && (relationalWord(tokAt(toks, q-1)) != "" || possessedDeputy(toks, q-1)) {
		q--
	}
	if q >= prevEnd && (relationalWord(toks[q]) != "" || possessedDeputy(toks, q)) {
		readRelational(s, cls, m, q, prevEnd)
		return
	}
	// "her counterpart from Ghana, X", "his counterpart of Uganda, X".
	if p > prevEnd+2 && toks[p].Text == "," {
		for w := 1; w <= 3 && p-w-2 >= prevEnd; w++ {
			c, n := lexicon.Places().CountryAt(toks, p-w)
			if n != w || !tokAt(toks, p-w-1).Is("from", "of") || relationalWord(toks[p-w-2]) != "counterpart" {
				continue
			}
			readRelational(s, cls, m, p-w-2, prevEnd)
			m.country = c
			return
		}
	}
	// "the Minister of Foreign Affairs, Geoffrey Onyeama,": a title set
	// off by a comma.
	comma := false
	if p > prevEnd && toks[p].Text == "," {
		k := p - 1
		for k >= prevEnd && titleToken(toks, cls, k) {
			if toks[k].Lower == "and" && !andInsideTitle(toks, cls, k) {
				break
			}
			// "at the Palace of Justice the Foreign Minister of Namibia,
			// X": "the" inside a title follows "of", "for" or "to".
			if toks[k].Is("the") && k > 0 && toks[k-1].Kind == text.Word && toks[k-1].Cap {
				break
			}
			k--
		}
		before := k
		// "received on Thursday in Algiers the President of the Spanish
		// Government, X": the place the verb happened in comes before
		// the title's article.
		placed := false
		if k+1 < p && toks[k+1].Is("in", "at") {
			if q := placeBeforeArticle(toks, cls, k+2, p); q >= 0 {
				k, placed = q-1, true
			}
		}
		for k+1 < p && toks[k+1].Is("and", "the", "a", "an", "as", "while", "with", "by", "of") && !cls[k+1].has(clsTitleHead) {
			k++
		}
		// "Donald Trump's special envoy, Steve Witkoff": the office of
		// the person named right before, ending at their possessive.
		personal := before+1 == prevEnd && before+1 < p && toks[before+1].Kind == text.Poss && toks[before].Cap
		if k+1 < p && hasHead(toks, cls, k+1, p) && (commaTitleFits(toks, before) || commaTitleFits(toks, k) || personal || placed) {
			comma = true
			p--
		} else {
			m.whole.i = p + 1
			return
		}
	}
	k := p
	for k >= prevEnd && titleToken(toks, cls, k) {
		// "and" joins two titles of one person only between title words.
		if toks[k].Lower == "and" && !andInsideTitle(toks, cls, k) {
			break
		}
		// "at the Palace of Justice the Foreign Minister": no "the" after
		// a capitalised word inside a title.
		if toks[k].Is("the") && k > 0 && toks[k-1].Kind == text.Word && toks[k-1].Cap {
			break
		}
		// "Custodian of the Two Holy Mosques King Salman": a style before
		// the title ends it.
		if k < p && chainEndingAt(toks, k) > 0 {
			break
		}
		// A possessive of a person's name ends the title: "Trump's envoy".
		if toks[k].Kind == text.Poss && k > 0 && cls[k-1].has(clsNameWord) && !cls[k-1].has(clsPlace) && lexicon.Places().Country(toks[k-1].Lower) == "" {
			break
		}
		// "special envoy of President Moon": when a whole title already
		// stands between "of"/"to" and the name, what comes before "of"
		// is someone else's office.
		// Not "State Bank of Pakistan Governor X": a body named with its
		// country before its head's title.
		// A title set off by a comma is the name's whole: "the Special
		// Envoy of the President of Rwanda, X".
		if toks[k].Is("of", "to", "for") && hasPlainHead(toks, cls, k+1, p+1) && !bodyOfCountryBefore(toks, cls, k) &&
			(!comma || k > 0 && toks[k-1].Is("according", "due", "next", "close", "thanks", "owing")) {
			break
		}
		k--
	}
	start := k + 1
	// "the Chilean, Peruvian and Bolivian presidents": a list of
	// nationalities reaches back over its commas.
	if start > 0 && start <= p && toks[start-1].Text == "," {
		for q := max(prevEnd, start-9); q < start-1; q++ {
			if cs, e := demonymList(toks, q, p+1); cs != nil && e > start {
				start = q
				break
			}
		}
	}
	if start > p {
		m.whole.i = p + 1
		return
	}
	// A preposition never starts a title: "paid a courtesy call on
	// Congress leader X".
	for start <= p && toks[start].Is("on", "to", "for", "of", "in", "with", "by", "from", "and", "at") {
		start++
	}
	// "received in Algiers the President of the Spanish Government, X":
	// the place of the verb, then the title.
	if start > 0 && start <= p && toks[start-1].Is("in", "at") {
		if q := placeBeforeArticle(toks, cls, start, p+1); q >= 0 {
			start = q
		}
	}
	if start > p {
		m.whole.i = p + 1
		return
	}
	o, country, first, ok := parseTitle(toks, cls, start, p+1)
	if country != "" {
		m.country = country
	}
	if !ok {
		// Only a nationality or a country's possessive: "Russia's Vladimir
		// Putin", "Iranian Hassan Rouhani", "Latvia's Edgars Rinkēvičs".
		if country != "" {
			m.whole.i = first
		} else {
			m.whole.i = p + 1
		}
		return
	}
	if o.rule == "plural" {
		m.pluralTitle = true
		for q := first; q < p; q++ {
			if cs, _ := demonymList(toks, q, p+1); cs != nil {
				m.listCountries = cs
				break
			}
		}
	}
	o.rule = "role-title-before-name"
	if comma {
		o.rule = "role-title-comma-name"
	}
	if isVisiting(toks, first) {
		m.visiting = true
	}
	// "State Councilor and Foreign Minister Qin Gang": two offices.
	m.offices = append(m.offices, splitOffices(o)...)
	m.whole.i = first
	// "the country's defence minister, X": the institution's possessive
	// belongs to the mention.
	if q := first - 1; q-2 >= prevEnd && toks[q].Kind == text.Poss && toks[q-1].Kind == text.Word && !toks[q-1].Cap &&
		toks[q-2].Is("the", "a", "an", "his", "her", "its", "their") && !cls[q-1].has(clsVerb) {
		m.whole.i = q - 2
	}
	// Honorifics before the title too: "His Highness the Amir Sheikh X",
	// "HE Prime Minister Sheikh X".
	h := skipHonorifics(toks, cls, first-1, prevEnd, m)
	if h < first-1 {
		m.whole.i = h + 1
	}
	if h >= prevEnd && h == first-1 && toks[h].Is("the") {
		if h2 := skipHonorifics(toks, cls, h-1, prevEnd, m); h2 < h-1 {
			m.whole.i = h2 + 1
		}
	}
	// A second title set off by a comma before the first: "the chairman
	// of the Presidency, Bosniak member Sefik Dzaferovic".
	if c := m.whole.i - 1; c > prevEnd && toks[c].Text == "," && !comma {
		k := c - 1
		for k >= prevEnd && titleToken(toks, cls, k) {
			k--
		}
		before := k
		for k+1 < c && toks[k+1].Is("and", "as", "while", "with", "by", "on", "to", "for", "of", "in", "from", "at") {
			k++
		}
		if k+1 < c && hasHead(toks, cls, k+1, c) && (commaTitleFits(toks, before) || commaTitleFits(toks, k)) && !pluralHeadIn(toks, k+1, c) {
			if o2, _, first2, ok := parseTitle(toks, cls, k+1, c); ok {
				o2.rule = "role-title-comma-name"
				m.offices = append(m.offices, o2)
				m.whole.i = first2
			}
		}
	}
}

// titleRunBetween reports whether tokens [i, j) are an office title that
// runs into the name at j ("Mayor", "State Secretary").
func titleRunBetween(toks []text.Token, cls []class, i, j int) bool {
	if i >= j || j-i > 4 {
		return false
	}
	for k := i; k < j; k++ {
		// "Free Democrats leader X": an organisation's capitalised word
		// too.
		if !cls[k].has(clsTitleHead|clsTitleModifier|clsTitleAbbrev) && !(toks[k].Cap && toks[k].Kind == text.Word && k < j-1 && !cls[k].has(clsVerb)) {
			return false
		}
	}
	return cls[j-1].has(clsTitleHead | clsTitleAbbrev)
}

// inCountryName reports whether token k is inside a country's name
// ("Papua" and "New" of "Papua New Guinea").
func inCountryName(toks []text.Token, k int) bool {
	g := lexicon.Places()
	for j := k; j >= 0 && j >= k-3; j-- {
		if _, n := g.CountryAt(toks, j); n > 0 && j+n > k {
			return true
		}
	}
	return false
}

// andInsideTitle reports an "and" at k that joins words of one title
// ("Local Government and Rural Development", "Prime Minister and Minister
// of Foreign Affairs") rather than two people ("the Secretary-General and
// Djibouti's Minister").
func andInsideTitle(toks []text.Token, cls []class, k int) bool {
	if k == 0 || k+1 >= len(toks) {
		return false
	}
	if inPortfolio(toks, cls, k) {
		return true
	}
	next := toks[k+1]
	// "the Amir and King Abdullah": a title after "the" ends at "and";
	// a second person follows.
	if cls[k-1].has(clsTitleHead) && cls[k+1].has(clsTitleHead) {
		for q := k - 1; q >= 0 && q >= k-4; q-- {
			if toks[q].Is("the", "his", "her") {
				return false
			}
			if !cls[q].has(clsTitleHead | clsTitleModifier) {
				break
			}
		}
	}
	placeBefore := cls[k-1].has(clsPlace) || inCountryName(toks, k-1)
	if placeBefore && (cls[k+1].has(clsPlace) || inCountryName(toks, k+1)) {
		// "Ambassador to Papua New Guinea and Solomon Islands".
		return true
	}
	if next.Is("the", "his", "her", "their", "a", "an") || cls[k+1].has(clsPlace) || inCountryName(toks, k+1) {
		return false
	}
	// "Ambassador A of Germany and Ambassador B of Austria": a country
	// ends one person's office; the next title is the next person's.
	if placeBefore && cls[k+1].has(clsTitleHead|clsTitleAbbrev) {
		return false
	}
	// "Minister of Foreign and Caricom Affairs": a name of a body before
	// a portfolio word is part of the portfolio.
	bodyThenPortfolio := next.Cap && !next.AllCaps() && next.Kind == text.Word && k+2 < len(toks) && cls[k+2].has(clsTitleModifier) &&
		toks[k+2].Cap && cls[k-1].has(clsTitleModifier)
	return titleWordish(toks[k-1], cls[k-1]) && (titleWordish(next, cls[k+1]) || bodyThenPortfolio)
}

// buildingWords name buildings, which end a title read backwards.
var buildingWords = map[string]bool{"palace": true, "house": true, "hall": true, "building": true, "airport": true,
	"airbase": true, "hotel": true, "residence": true, "compound": true, "headquarters": true, "secretariat": true,
	"stadium": true, "centre": true, "center": true, "villa": true, "lodge": true, "serail": true, "kremlin": true}

// inPlaceName reports whether token k is inside a capital's or province's
// name ("Abu Dhabi").
func inPlaceName(toks []text.Token, k int) bool {
	g := lexicon.Places()
	for j := k; j >= 0 && j >= k-2; j-- {
		if _, n := g.PlaceAt(toks, j); n > 1 && j+n > k {
			return true
		}
	}
	return false
}

// titleWordish reports a word that may stand inside an office title on
// either side of "and": a title word, or a capitalised portfolio word
// ("Local Government and Rural Development").
func titleWordish(t text.Token, c class) bool {
	return c.has(clsTitleHead|clsTitleModifier) || t.Cap && !c.has(clsNameWord) && t.Kind == text.Word
}

// ofTitleBefore reports a title word and "of" or "for" at most four words
// before k, with only "the", capitalised words and lower-case words
// between: "head of the UN nuclear watchdog".
func ofTitleBefore(toks []text.Token, cls []class, k int) bool {
	for q := k - 1; q >= 1 && q >= k-4; q-- {
		t := toks[q]
		if t.Is("of", "for") {
			return cls[q-1].has(clsTitleHead)
		}
		if t.Kind != text.Word || cls[q].has(clsVerb) && !t.Cap {
			return false
		}
	}
	return false
}

// briefNouns end the brief of an envoy or coordinator: "envoy for the
// Belgrade-Pristina dialogue", "special coordinator for the peace process".
var briefNouns = map[string]bool{"dialogue": true, "process": true, "talks": true, "negotiations": true,
	"crisis": true, "conflict": true, "question": true, "file": true, "issue": true, "issues": true,
	"affairs": true, "region": true, "matters": true, "relations": true}

// portfolioNoun reports an abstract noun of the kind portfolios are made
// of ("Enlargement", "Integration", "Security", "Citizenship"), which no
// personal name is.
func portfolioNoun(w string) bool {
	if len(w) < 8 {
		return false
	}
	for _, suffix := range []string{"ment", "tion", "sion", "ity", "ism", "ship", "ness", "hood"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

// kinshipBefore reads "his wife", "X's wife," or "the prime minister's
// son" ending at token p (a comma may follow the noun) and returns where
// it starts, or -1.
func kinshipBefore(toks []text.Token, p, stop int) int {
	q := p
	if q >= stop && toks[q].Text == "," {
		q--
	}
	if q < stop || !lexicon.Kinship[toks[q].Lower] {
		return -1
	}
	q--
	if q >= stop && toks[q].Is("his", "her", "their") {
		return q
	}
	if q >= stop && toks[q].Kind == text.Poss {
		// Back over the possessor: "the prime minister's", "Kishida's".
		r := q - 1
		for r >= stop && r > q-5 && toks[r].Kind == text.Word && !toks[r].Is("and", "with", "by", "to", "of") {
			if toks[r].Is("the") {
				return r
			}
			r--
		}
		return r + 1
	}
	return -1
}

// commaTitleFits reports whether a title ending before a comma starts
// where a noun phrase may start (k is the token before it).
func commaTitleFits(toks []text.Token, k int) bool {
	if k < 0 {
		return true
	}
	t := toks[k]
	if t.Kind == text.Punct || t.Kind == text.Quote {
		return true
	}
	// "the country's defence minister, X", "the kingdom's intelligence
	// chief, Prince X": the office of an institution named by a common noun.
	if t.Kind == text.Poss {
		return k > 0 && toks[k-1].Kind == text.Word && !toks[k-1].Cap
	}
	// "paid a visit on Monday to the Secretary General of X, Y": a day
	// before the title's preposition.
	if dates.IsWeekday(t) {
		return true
	}
	return t.Kind == text.Word && !t.Cap
}

// skipHonorifics moves left over honorifics and honorific chains ending at
// token p and returns the new position.
func skipHonorifics(toks []text.Token, cls []class, p, stop int, m *mention) int {
	for p >= stop {
		if n := chainEndingAt(toks, p); n > 0 && p-n+1 >= stop {
			m.honorific = true
			p -= n
			continue
		}
		t := toks[p]
		if t.Kind != text.Word || !t.Cap && !t.AllCaps() {
			break
		}
		c := cls[p]
		if c.has(clsHonorific | clsWeakHonorific) {
			m.styles = append(m.styles, strings.TrimSuffix(t.Lower, "."))
		}
		if t.Is("lady") && tokAt(toks, p-1).Is("first") {
			// "First Lady" is an office.
			break
		}
		// "Prince Dapo Abiodun", "Sheikh Tamim": a royal style, unless
		// it is an office ("Crown Prince", "Hereditary Prince").
		if t.Is("prince", "princess") && !tokAt(toks, p-1).Is("crown", "hereditary") && !(t.Is("prince") && tokAt(toks, m.name.j).Is("of")) {
			m.honorific = true
			m.styles = append(m.styles, t.Lower)
			p--
			continue
		}
		// "Attorney General", "Secretary General": part of the title.
		if t.Is("general") && p > stop && cls[p-1].has(clsTitleHead) {
			break
		}
		if c.has(clsHonorific) && (t.Lower != "he" || t.AllCaps()) {
			m.honorific = true
			p--
			continue
		}
		if c.has(clsWeakHonorific) && (p > stop && cls[p-1].has(clsHonorific|clsTitleHead) || m.name.j-m.name.i >= 2) {
			m.honorific = true
			p--
			continue
		}
		break
	}
	return p
}

// chainEndingAt returns the length of an honorific chain ("His Royal
// Highness", "Tan Sri") ending at token p, or 0.
func chainEndingAt(toks []text.Token, p int) int {
	for _, ch := range lexicon.HonorificChains {
		n := len(ch)
		if p-n+1 < 0 {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			if toks[p-n+1+k].Lower != ch[k] {
				ok = false
				break
			}
		}
		if ok {
			return n
		}
	}
	return 0
}

func hasHead(toks []text.Token, cls []class, i, j int) bool {
	for k := i; k < j; k++ {
		if cls[k].has(clsTitleHead|clsTitleAbbrev) || toks[k].Is("co-chair") {
			return true
		}
	}
	return false
}

// hasPlainHead reports a title head word (not an abbreviation, not in
// brackets) among tokens [i, j).
func hasPlainHead(toks []text.Token, cls []class, i, j int) bool {
	depth := 0
	for k := i; k < j; k++ {
		switch toks[k].Text {
		case "(":
			depth++
		case ")":
			depth--
		}
		if depth == 0 && cls[k].has(clsTitleHead) && !toks[k].Is("chiefs", "staff") && !institutionPlural(toks, cls, k) {
			return true
		}
	}
	return false
}

// bodyOfCountryBefore reports "of" at k between a body's word and a
// country, then a title: "State Bank of Pakistan Governor", "Reserve Bank
// of India Governor".
func bodyOfCountryBefore(toks []text.Token, cls []class, k int) bool {
	if k < 1 || !toks[k].Is("of") || !(lexicon.OrgWords[toks[k-1].Lower] && toks[k-1].Cap) {
		return false
	}
	_, n := lexicon.Places().CountryAt(toks, k+1)
	if n == 0 {
		// "Bank of England Governor X", "Chamber of Commerce President
		// X", "Council of Trade Unions secretary X": the body's
		// capitalised words, then the title.
		for k+1+n < len(toks) && n < 3 && toks[k+1+n].Kind == text.Word && toks[k+1+n].Cap &&
			!cls[k+1+n].has(clsTitleHead|clsTitleModifier|clsTitleAbbrev) {
			n++
		}
	}
	return n > 0 && cls[min(k+1+n, len(toks)-1)].has(clsTitleHead|clsTitleModifier)
}

// institutionPlural reports a plural title word that names an
// institution after its "of": "House of Representatives", "Chamber of
// Deputies", "Council of Ministers".
func institutionPlural(toks []text.Token, cls []class, k int) bool {
	return k >= 2 && lexicon.IsPluralTitle(toks[k].Lower) && toks[k-1].Is("of") && cls[k-2].has(clsOrg)
}

func isVisiting(toks []text.Token, first int) bool {
	for k := first - 1; k >= 0 && k >= first-3; k-- {
		if toks[k].Is("visiting") {
			return true
		}
		if !toks[k].Is("the", "a", "an") {
			break
		}
	}
	for k := first; k < len(toks) && k < first+3; k++ {
		if toks[k].Is("visiting") {
			return true
		}
	}
	return false
}

// readRelational reads "his Russian counterpart X", "her predecessor X",
// "his host X": the office is relative to someone else in the sentence.
func readRelational(s *text.Sentence, cls []class, m *mention, q, prevEnd int) {
	toks := s.Toks
	word := relationalWord(toks[q])
	if possessedDeputy(toks, q) {
		word = "deputy"
	}
	switch word {
	case "counterpart":
		m.counterpart = true
	case "predecessor", "successor", "deputy":
		m.relation = word
	}
	k := q - 1
	// "Dong's predecessor-but-one, Wei Fenghe".
	if k >= 1 && k >= prevEnd-1 && toks[k].Kind == text.Poss && cls[k-1].has(clsNameWord) {
		m.possessorAt = k - 1
		m.whole.i = k + 1
		return
	}
	g := lexicon.Places()
	if cs, start := demonymListEndingAt(toks, k+1, prevEnd); cs != nil {
		// "his Iranian and Omani counterparts, A and B".
		m.country = cs[0]
		m.listCountries = cs
		k = start - 1
	}
	if k >= prevEnd && m.country == "" {
		// Two words first: "her South Korean counterpart".
		if c, n := g.DemonymAt(toks, k-1); k-1 >= prevEnd && n == 2 {
			m.country = c
			k -= 2
		} else if c, n := g.DemonymAt(toks, k); n == 1 {
			m.country = c
			k--
		}
	}
	if k >= prevEnd && m.country == "" && toks[k].Cap {
		if c, n := g.CountryAt(toks, k); n == 1 {
			m.country = c
			k--
		}
	}
	// "his Ogun counterpart, X", "his Kwara State counterpart X": a
	// province or state of the country, which says no country.
	if k >= prevEnd && m.country == "" {
		r := k
		if toks[r].Is("state", "province", "region", "county", "district") && r > prevEnd && toks[r-1].Cap {
			r--
		}
		if toks[r].Kind == text.Word && toks[r].Cap && (g.IsSubdivision(toks[r].Lower) || r < k) && tokAt(toks, r-1).Is("his", "her", "their") {
			k = r - 1
		}
	}
	// "met his visiting Australian counterpart X": the guest.
	if k >= prevEnd && toks[k].Is("visiting") {
		m.visiting = true
		k--
	}
	for k >= prevEnd && toks[k].Is("his", "her", "their", "its", "the") {
		if m.possessor == "" && !toks[k].Is("the") {
			m.possessor = toks[k].Lower
		}
		k--
	}
	m.whole.i = k + 1
}

// portfolioComma reports a comma inside the list of portfolios of one
// office: "Minister of the Interior, Local Authorities and Regional
// Planning", "Commissioner for Health, Humanitarian Affairs and Social
// Development". Before it, "of" or "for" after a title word and only
// capitalised words; after it, capitalised words and commas closed by
// "and" and a capitalised word.
func portfolioComma(toks []text.Token, cls []class, k int) bool {
	if tokAt(toks, k).Text != "," || !tokAt(toks, k-1).Cap || !tokAt(toks, k+1).Cap {
		return false
	}
	of := false
	for q := k - 1; q >= 0 && q >= k-6; q-- {
		t := toks[q]
		if t.Is("of", "for") && q > 0 && cls[q-1].has(clsTitleHead|clsTitleModifier) {
			of = true
			break
		}
		if !(t.Cap || t.Is("the") || t.Text == ",") {
			return false
		}
	}
	if !of {
		return false
	}
	// "the Minister of Health, José Ángel Portal, and X": a personal
	// name after the comma, not a portfolio.
	if cls[k+1].has(clsNameWord) && tokAt(toks, k+2).Cap && cls[k+2].has(clsNameWord) {
		return false
	}
	for q := k + 1; q < len(toks) && q <= k+10; q++ {
		t := toks[q]
		switch {
		case cls[q].has(clsHonorific | clsWeakHonorific | clsInitials):
			// "..., Engr. Noimot Salako-Oyedele, Ribadu and Alake": people.
			return false
		case t.Is("and", "&"):
			return tokAt(toks, q+1).Cap
		case t.Cap || t.Text == ",":
		default:
			return false
		}
	}
	return false
}

// inPortfolio reports a token after a portfolio comma, among the
// capitalised words, commas and "and" of the list.
func inPortfolio(toks []text.Token, cls []class, k int) bool {
	for q := k - 1; q > 0 && q >= k-6; q-- {
		if portfolioComma(toks, cls, q) {
			return true
		}
		if !(toks[q].Cap || toks[q].Is("and", "&") || toks[q].Text == ",") {
			return false
		}
	}
	return false
}

// relationalWord returns what a word before a name says of its relation
// to someone else: "counterpart", "predecessor" ("predecessor-but-one"),
// "successor", "host", "guest"; or "".
func relationalWord(t text.Token) string {
	for _, w := range []string{"counterpart", "predecessor", "successor"} {
		if t.Lower == w || t.Lower == w+"s" || strings.HasPrefix(t.Lower, w+"-") {
			return w
		}
	}
	// "his Argentine peer X", "her French homologue X": other words for
	// a counterpart.
	if t.Is("peer", "peers", "homologue", "homologues", "homolog", "homologs") {
		return "counterpart"
	}
	if t.Is("host", "guest") {
		return t.Lower
	}
	return ""
}

// possessedDeputy reports "his deputy", "her deputy" at token k: a
// relation, not an office of its own.
func possessedDeputy(toks []text.Token, k int) bool {
	return tokAt(toks, k).Is("deputy") && tokAt(toks, k-1).Is("his", "her", "their")
}

// parseTitle reads an office from tokens [i, j): leading qualifiers
// ("former", "visiting"), a nationality or country's possessive, an
// organisation, then the title proper with its "of"/"for" complement. It
// returns the office, the country stated, where the mention starts, and
// whether a title was found at all.
func parseTitle(toks []text.Token, cls []class, i, j int) (office, string, int, bool) {
	o := office{current: true}
	g := lexicon.Places()
	country := ""
	first := i
	// Leading qualifiers and determiners.
	for i < j {
		l := toks[i].Lower
		if l == "former" || l == "ex" || l == "then" || l == "late" || strings.HasPrefix(l, "ex-") || strings.HasPrefix(l, "then-") {
			o.current = false
			i++
			continue
		}
		if l == "the" || l == "a" || l == "an" || l == "visiting" || l == "outgoing" || l == "incoming" || l == "new" ||
			l == "newly" || l == "longtime" || l == "long-time" || l == "veteran" || l == "current" || l == "elected" && i+1 < j && !cls[i+1].has(clsTitleHead) {
			i++
			continue
		}
		break
	}
	// Nationality, country and organisation before the title.
	var org []string
	commonOrg := false
	for i < j {
		// "Somalia's new ambassador", "the UAE's incoming envoy".
		if toks[i].Is("new", "newly", "newly-appointed", "incoming", "visiting", "outgoing") && i+1 < j {
			i++
			continue
		}
		// "Nigeria's late former President": a past office.
		if toks[i].Is("former", "late", "then", "ex") && i+1 < j {
			o.current = false
			i++
			continue
		}
		// "the Iranian and Omani foreign ministers": the first
		// nationality is the first person's (shareListCountries).
		if cs, end := demonymList(toks, i, j); cs != nil && end < j {
			country = cs[0]
			i = end
			continue
		}
		if c, n := g.DemonymAt(toks, i); n > 0 && i+n < j && !cls[i+n].has(clsPlace) {
			country = c
			i += n
			continue
		}
		if c, n := g.CountryAt(toks, i); n > 0 && i+n < j {
			country = c
			i += n
			if i < j && toks[i].Kind == text.Poss {
				i++
			}
			continue
		}
		t := toks[i]
		if t.Kind == text.Poss || t.Text == "(" || t.Text == ")" {
			i++
			continue
		}
		if t.Kind == text.Word && !cls[i].has(clsTitleHead|clsTitleModifier) && (cls[i].has(clsHonorific) || t.Is("his", "her", "the", "a", "an") || chainEndingAt(toks, i) > 0) {
			// "His Highness the Amir": a style, not the office's body.
			i++
			continue
		}
		if t.Kind == text.Word && !cls[i].has(clsTitleHead|clsTitleModifier|clsTitleAbbrev) && !t.Is("co-chair", "of", "for", "and") &&
			hasHead(toks, cls, i+1, j) {
			// "Kurdistan Region Prime Minister", "ODM leader", "Ogun State
			// Governor", "European Commission President": the body the
			// office belongs to, kept in the title too.
			if t.Kind == text.Word {
				org = append(org, titleWord(t))
				// "rebel leader", "union chief": a common noun is part
				// of the title, not the name of a body.
				commonOrg = commonOrg || !t.Cap && !t.AllCaps()
			}
			i++
			continue
		}
		break
	}
	// The title proper: from here to the end, abbreviations spelled out,
	// with a trailing country complement moved to "of".
	var words []string
	lastHead := -1
	for k := i; k < j; k++ {
		t := toks[k]
		if t.Kind != text.Word {
			continue
		}
		if cls[k].has(clsTitleHead|clsTitleAbbrev) || t.Is("co-chair") {
			lastHead = k
		}
	}
	if lastHead < 0 {
		return o, country, first, false
	}
	end := j
	resident := false // "envoy to Nigeria": an envoy posted in a country
	// "Secretary of State of the United States of America": the "of"
	// naming a country to the end goes to "of"; the first such, so that
	// "of the Democratic People's Republic of Korea" is not "of Korea".
	for k := lastHead + 1; k < j; k++ {
		if toks[k].Lower == "of" || toks[k].Lower == "to" {
			rest := k + 1
			for rest < j && toks[rest].Is("the") {
				rest++
			}
			if c, n := g.CountryAt(toks, rest); n > 0 && rest+n == j {
				if toks[k].Lower == "of" {
					country = c
				}
				// "Governor of the Bank of England", "the Central Bank of
				// Nigeria": the country names the body, and stays.
				if toks[k].Lower == "of" && k > 0 && lexicon.OrgWords[toks[k-1].Lower] && !cls[k-1].has(clsTitleHead) {
					break
				}
				resident = toks[k].Lower == "to"
				end = k
				break
			}
		}
	}
	for k := i; k < end; k++ {
		t := toks[k]
		if t.Kind != text.Word {
			// "Minister of the Interior, Local Authorities and ...": the
			// list keeps its commas.
			if len(words) > 0 && portfolioComma(toks, cls, k) {
				words[len(words)-1] += ","
			}
			continue
		}
		if exp := lexicon.ExpandTitleAbbreviation(t.Lower); exp != "" && cls[k].has(clsTitleAbbrev) {
			words = append(words, exp)
			continue
		}
		if fixed := lexicon.FixTitleTypo(t.Lower); fixed != "" {
			words = append(words, fixed)
			continue
		}
		words = append(words, titleWord(t))
	}
	// Drop trailing function words.
	for len(words) > 0 && isFunctionTail(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	// "Foreign ministers X, Y and Z": each holds the singular office.
	for k, w := range words {
		if lexicon.IsPluralTitle(strings.ToLower(w)) && !strings.EqualFold(w, "chiefs") &&
			!(k >= 2 && strings.EqualFold(words[k-1], "of") && lexicon.OrgWords[strings.ToLower(words[k-2])]) {
			words[k] = singularTitle(w)
			o.rule = "plural"
		}
	}
	if len(words) == 0 {
		return o, country, first, false
	}
	o.of = country
	if len(org) > 0 {
		if !commonOrg {
			o.of = strings.Join(org, " ")
		}
		words = append(append([]string(nil), org...), words...)
	}
	// "China's envoy to Nigeria", "Ghana's envoy in Havana": the
	// resident envoy is the ambassador.
	if len(words) == 1 && strings.EqualFold(words[0], "envoy") && resident ||
		len(words) == 3 && strings.EqualFold(words[0], "envoy") && words[1] == "in" && g.CapitalOf(strings.ToLower(words[2])) != "" {
		words = []string{"Ambassador"}
	}
	o.title = strings.Join(words, " ")
	return o, country, first, true
}

func isFunctionTail(w string) bool {
	switch strings.ToLower(w) {
	case "of", "for", "to", "and", "the", "in", "on":
		return true
	}
	return false
}

// titleWord writes a title word in title case ("minister" → "Minister"),
// keeping function words lower case.
func titleWord(t text.Token) string {
	switch t.Lower {
	case "of", "for", "and", "the", "to", "in", "on", "at", "with":
		return t.Lower
	}
	if t.Cap || t.AllCaps() {
		return t.Text
	}
	// "d'affaires" -> "d'Affaires"
	if p, rest, ok := strings.Cut(t.Text, "'"); ok && len(p) == 1 && rest != "" {
		return p + "'" + strings.ToUpper(rest[:1]) + rest[1:]
	}
	parts := strings.Split(t.Text, "-")
	for i, p := range parts {
		if p != "" && !isFunctionTail(p) {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "-")
}

// readAppositive reads an office set off by commas after a name: "Sergey
// Lavrov, the Russian Foreign Minister,", "Wang Yi, director of the
// Office of ...", "Prince Salman, Crown Prince, Deputy Premier and
// Minister of Defense,". nextStart is where the next name starts; a title
// right before it is that name's. prevHasTitle says the previous mention
// in a list had a title of its own, so a title between two names belongs
// to the next.
func readAppositive(s *text.Sentence, cls []class, m *mention, nextStart int, prevHasTitle bool) {
	toks := s.Toks
	k := m.whole.j
	// "King Abdullah II of Jordan", "Moses Vilakati of Eswatini".
	if tokAt(toks, k).Lower == "of" {
		g := lexicon.Places()
		rest := k + 1
		for rest < len(toks) && toks[rest].Is("the") {
			rest++
		}
		if c, n := g.CountryAt(toks, rest); n > 0 {
			m.country = c
			for x := range m.offices {
				if m.offices[x].of == "" {
					m.offices[x].of = c
				}
			}
			m.whole.j = rest + n
			k = rest + n
		}
	}
	for tokAt(toks, k).Text == "," || tokAt(toks, k).Text == ";" && len(m.offices) == 0 {
		start := k + 1
		end := start
		for end < len(toks) && end < nextStart && (titleToken(toks, cls, end) || toks[end].Is("a", "an", "his", "her") || end == start && toks[end].Is("also") ||
			end > start && placeOrBodyName(toks, cls, end) || institutionPossessive(toks, start, end)) &&
			!(toks[end].Lower == "and" && !cls[end-1].has(clsTitleHead|clsTitleModifier)) {
			end++
		}
		if end == start || !hasHead(toks, cls, start, end) {
			return
		}
		// "Velayati, the senior adviser to Leader X, told ...", "X, a
		// deputy chief of staff to Iranian President Y": the appositive
		// runs into the name its preposition governs, with that name's
		// own title.
		cut := -1
		if end == nextStart && end-1 > start && toks[end-1].Is("to", "of", "for") {
			cut = end - 1
		} else if end == nextStart {
			for q := end - 1; q > start+1; q-- {
				if toks[q].Is("to") && hasHead(toks, cls, q+1, end) && hasHead(toks, cls, start, q) {
					cut = q
					break
				}
			}
		}
		if cut > 0 {
			a := start
			for a < end && toks[a].Is("a", "an", "his", "her", "the") {
				a++
			}
			if o, country, _, ok := parseTitle(toks, cls, a, cut); ok && !pluralHeadIn(toks, a, cut) {
				o.rule = "role-appositive"
				if country != "" && m.country == "" {
					m.country = country
				}
				m.offices = append(m.offices, o)
				m.whole.j = cut + 1
			}
			return
		}
		// "head of the PSOE delegation in the chamber,": lower-case words
		// of the body after "of", up to the comma.
		if q := bodyPhraseEnd(toks, start, end, nextStart); q > end {
			end = q
		}
		after := tokAt(toks, end)
		// A title right before the next name is that name's ("X, Foreign
		// Minister Y"), and so is one between two names set off by commas
		// when this name already has a title ("the Chadian President,
		// Idris Deby, the Rwandan President, Paul Kagame").
		if end == nextStart {
			return
		}
		if after.Text == "," && end+1 == nextStart && (len(m.offices) > 0 || prevHasTitle) {
			return
		}
		// An appositive is set off: "X, the Secretary-General condemned"
		// is a new subject, not X's office.
		if !(after.Kind == text.Punct || after.Kind == text.Quote || end >= len(toks) || after.Is("and", "who", "which", "whose", "said", "says") ||
			placedAppositive(toks, cls, end)) {
			return
		}
		a := start
		// "Xi Jinping, also general secretary of ...,".
		for a < end && toks[a].Is("a", "an", "his", "her", "also") {
			a++
		}
		// "X, the country's foreign minister,": the institution's
		// possessive is no part of the title.
		if institutionPossessive(toks, start, a+1) && a+3 < end {
			a += 3
		}
		if pluralHeadIn(toks, a, end) {
			return
		}
		o, country, _, ok := parseTitle(toks, cls, a, end)
		if !ok {
			return
		}
		o.rule = "role-appositive"
		if country != "" && m.country == "" {
			m.country = country
		}
		// "Crown Prince, Deputy Premier and Minister of Defense": several
		// offices in one appositive.
		m.offices = append(m.offices, splitOffices(o)...)
		m.whole.j = end
		if isVisiting(toks, start) {
			m.visiting = true
		}
		k = end
		if after.Text != "," || tokAt(toks, end+1).Kind != text.Word {
			return
		}
		// Another office after the next comma, unless a name follows.
		if next := tokAt(toks, end+1); cls[end+1].has(clsNameWord) && !cls[end+1].has(clsTitleHead|clsTitleModifier) || next.Is("who", "which", "and") {
			return
		}
	}
}

// bodyPhraseEnd returns the comma that closes an appositive title whose
// "of" complement goes on in lower-case words ("head of the PSOE
// delegation in the chamber,"): at most eight words, no verb or clause
// word, before the next name. Else it returns end.
func bodyPhraseEnd(toks []text.Token, start, end, nextStart int) int {
	of := false
	for q := start; q < end; q++ {
		if toks[q].Is("of", "for") {
			of = true
		}
	}
	if !of || end >= len(toks) || toks[end].Kind != text.Word || toks[end].Cap {
		return end
	}
	for q := end; q < len(toks) && q < end+8 && q < nextStart; q++ {
		t := toks[q]
		if t.Text == "," {
			return q
		}
		if t.Kind != text.Word || !t.Cap && (lexicon.IsVerb(t.Lower) && !strings.HasSuffix(t.Lower, "ing") || clauseWord(t)) {
			return end
		}
	}
	return end
}

// placeOrBodyName reports a capitalised name word inside an appositive
// title that names a place or body, not a person: "consul general in
// Dhahran", "Chairman of the Abu Dhabi Executive Affairs Authority".
func placeOrBodyName(toks []text.Token, cls []class, k int) bool {
	if !cls[k].has(clsNameWord) {
		return false
	}
	// "in Kota Kinabalu": a run of name words after "in" or "at".
	p := k - 1
	for p > 0 && p >= k-3 && cls[p].has(clsNameWord) {
		p--
	}
	if p >= 0 && toks[p].Is("in", "at") {
		return true
	}
	for q := k + 1; q < len(toks) && q <= k+4; q++ {
		if cls[q].has(clsOrg|clsTitleHead|clsTitleModifier) || inCountryName(toks, q) {
			return true
		}
		// "the Democratic People's Republic of Korea".
		if !toks[q].Cap && toks[q].Kind != text.Poss {
			return false
		}
	}
	return false
}

// placedAppositive reports "at the US Embassy in Dhaka," after an
// appositive title: a short phrase of place or body that the next comma
// closes.
func placedAppositive(toks []text.Token, cls []class, k int) bool {
	// "at the US Embassy in Dhaka,", "of the Committee on Homeland
	// Security,".
	if !tokAt(toks, k).Is("at", "in", "on", "of", "for", "to") {
		return false
	}
	for q := k + 1; q < len(toks) && q < k+10; q++ {
		switch {
		case toks[q].Text == ",":
			return q > k+1
		case toks[q].Kind != text.Word || cls[q].has(clsVerb) && !toks[q].Cap:
			return false
		}
	}
	return false
}

// singularTitle writes a plural title word in the singular ("Ministers" →
// "Minister", "Secretaries" → "Secretary", "Chairmen" → "Chairman").
func singularTitle(w string) string {
	l := strings.ToLower(w)
	var out string
	switch {
	case strings.HasSuffix(l, "ies"):
		out = w[:len(w)-3] + "y"
	case strings.HasSuffix(l, "men"):
		out = w[:len(w)-3] + "man"
	case strings.HasSuffix(l, "s"):
		out = w[:len(w)-1]
	default:
		out = w
	}
	return titleWord(text.Token{Text: out, Lower: strings.ToLower(out), Cap: true})
}

// pluralHeadIn reports a plural title head among tokens [i, j): "ministers"
// after a name is a list, not the name's office.
func pluralHeadIn(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		// Not "House of Representatives", "Council of Ministers": an
		// institution's name.
		if k >= 2 && toks[k-1].Is("of") && lexicon.OrgWords[toks[k-2].Lower] {
			continue
		}
		if lexicon.IsPluralTitle(toks[k].Lower) && !toks[k].Is("chiefs", "affairs") {
			return true
		}
	}
	return false
}

// splitOffices cuts "Crown Prince, Deputy Premier and Minister of Defense"
// or "Prime Minister and Minister of Foreign Affairs" into its offices.
func splitOffices(o office) []office {
	parts := strings.Split(o.title, " and ")
	if len(parts) == 1 {
		return []office{o}
	}
	var out []office
	for _, p := range parts {
		fields := strings.Fields(p)
		hasHead := false
		for _, w := range fields {
			if lexicon.TitleHeads[strings.ToLower(w)] {
				hasHead = true
			}
		}
		if !hasHead {
			// "Minister of Foreign Affairs and International Cooperation":
			// the "and" is inside one office.
			return []office{o}
		}
		x := o
		x.title = p
		out = append(out, x)
	}
	return out
}

// readNameAlias reads what a name carries in brackets right after it: a
// nickname or short form ("Joko Widodo (Jokowi)"), or a portfolio, party
// or state that belongs to the mention ("Rodrigo Malmierca Díaz (Foreign
// Trade and Investment)", "Eliot Engel (D-NY)"), which the mention's
// tokens then cover.
func readNameAlias(s *text.Sentence, m *mention) {
	toks := s.Toks
	k := m.whole.j
	if tokAt(toks, k).Text != "(" {
		return
	}
	end := k + 1
	for end < len(toks) && end < k+10 && toks[end].Text != ")" && toks[end].Text != "(" {
		end++
	}
	if tokAt(toks, end).Text != ")" || end == k+1 {
		return
	}
	if t := toks[k+1]; end == k+2 && k == m.name.j && t.Kind == text.Word && t.Cap && !t.AllCaps() && !lexicon.FunctionWords[t.Lower] &&
		!lexicon.CommonWords[t.Lower] && lexicon.Places().Country(t.Lower) == "" {
		m.alias = t.Text
	}
	m.bracket = span{k + 1, end}
	m.whole.j = end + 1
}

// bracketPortfolios reads "Foreign Minister X; Y (Foreign Trade and
// Investment), Z (Higher Education)": in a list led by a minister, a
// portfolio in brackets after a name makes that person the minister of it.
func bracketPortfolios(toks []text.Token, cls []class, ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.bracket.j <= m.bracket.i || len(m.offices) > 0 || !portfolioWords(toks, cls, m.bracket) {
			continue
		}
		var lead *mention
		for j := i - 1; j >= 0; j-- {
			if len(ms[j].offices) > 0 {
				lead = &ms[j]
				break
			}
		}
		if lead == nil || titleHeadWord(lead.offices[0].title) != "minister" {
			continue
		}
		var words []string
		for q := m.bracket.i; q < m.bracket.j; q++ {
			words = append(words, toks[q].Text)
		}
		m.offices = append(m.offices, office{title: "Minister of " + strings.Join(words, " "), of: lead.offices[0].of,
			current: true, rule: "role-bracket-portfolio"})
	}
}

// portfolioWords reports capitalised words that name a field of
// government ("Foreign Trade and Investment", "Public Health"): at least
// one a title modifier, none a name the article gives a person or a
// party abbreviation ("D-NY").
func portfolioWords(toks []text.Token, cls []class, sp span) bool {
	modifier := false
	for q := sp.i; q < sp.j; q++ {
		t := toks[q]
		switch {
		case t.Is("and", "of", "the"):
		case t.Kind == text.Word && t.Cap && !t.AllCaps() && !strings.Contains(t.Text, "-"):
			if cls[q].has(clsTitleModifier) {
				modifier = true
			}
		default:
			return false
		}
	}
	return modifier
}

// isComplement reports a mention that depends on a noun or preposition
// before it that makes it no participant in the clause's action: "a
// message from X", "on behalf of X", "at the invitation of X", "the son of
// X", "sent by X".
func isComplement(toks []text.Token, i int) bool {
	p := tokAt(toks, i-1)
	pp := tokAt(toks, i-2)
	switch p.Lower {
	case "of":
		// "in the presence of X", "a delegation made up of X".
		return !pp.Is("presence", "company", "up", "consisting", "comprised", "composed", "consists", "comprising")

	case "from":
		return pp.Is("message", "messages", "letter", "letters", "greetings", "cable", "invitation", "note", "regards", "condolences", "envoy", "emissary", "wishes")
	case "to":
		return pp.Is("according", "adviser", "advisor", "aide", "envoy", "ambassador", "successor", "heir", "message", "letter", "letters", "cable", "regards", "close", "loyal", "spokesman", "spokeswoman", "spokesperson", "secretary", "assistant", "deputy")
	case "by":
		// "according to a statement by X": the one who said it.
		return pp.Is("sent", "signed", "written", "appointed", "nominated", "delivered", "conveyed", "ordered", "founded", "established", "killed", "assassinated",
			"statement", "report", "remarks", "post", "tweet", "speech", "interview", "readout", "communique", "communiqué", "release")
	}
	return false
}
