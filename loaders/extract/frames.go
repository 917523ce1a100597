package extract

import (
	"slices"
	"strings"
	"sync"

	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
)

// Layer 4: clauses and frames. A frame is one predicate of the table in
// predicates.go found in a sentence, with its slots filled from the
// sentence's mentions: the subject side (walking left from the predicate
// over adverbials, dates and comma-set insertions), the partner side (the
// object or the prepositional phrase the row names, walking right), the
// agent of a passive ("was received by X"), and coordinated lists on
// either side ("met A, B and C"). A frame says nothing yet about which
// people the mentions are; the discourse layer resolves them.

type frame struct {
	pred    *predicate
	rule    string
	sent    int
	trigger span
	kind    frameKind
	// subject and partner groups, as mention indexes of the sentence;
	// partners may hold several groups when the sentence says the
	// meetings were separate.
	subject  []int
	partners [][]int
	passive  bool
	planned  bool
	nominal  bool // a noun predicate ("the meeting between X and Y")
	// bareCall: the noun "call" alone, which may be a courtesy call.
	bareCall bool
	// openPartner: the other side is a delegation the sentence does not
	// name ("met members of the delegation of the special envoy"); the
	// attendees named next fill it.
	openPartner bool
	// targetNoun: for attendance, the meeting noun it names ("the
	// talks", "the audience"), "" when none.
	targetNoun string
	// storyHost: with no partner named, the other side is the host the
	// story is about ("X was the last to present his letters of
	// credence", "Next was X").
	storyHost bool
	// gapDate: 1 + the index among the sentence's dates of the date of a
	// second object told with its own date ("met A on Monday and B on
	// Tuesday": B's meeting is Tuesday's); 0 when none.
	gapDate int
}

// sentence gives the frame finder quick access to one sentence.
type sentence struct {
	d    *doc
	si   int
	s    *text.Sentence
	toks []text.Token
	cls  []class
	ms   []mention
	at   []int // token → index of the mention covering it, or -1
	// first is the sentence's first word or number (firstContent).
	first int
}

func (d *doc) sentence(si int) *sentence {
	s := &d.sents[si]
	x := &sentence{d: d, si: si, s: s, toks: s.Toks, cls: d.cls[si], ms: d.ments[si], at: make([]int, len(s.Toks)),
		first: bodyStart(s.Toks)}
	for k := range x.at {
		x.at[k] = -1
	}
	for mi, m := range x.ms {
		for k := m.whole.i; k < m.whole.j && k < len(x.at); k++ {
			x.at[k] = mi
		}
	}
	return x
}

func (x *sentence) tok(k int) text.Token { return tokAt(x.toks, k) }

// mat returns the index of the mention covering token k, or -1.
func (x *sentence) mat(k int) int {
	if k < 0 || k >= len(x.at) {
		return -1
	}
	return x.at[k]
}

// findFrames returns the frames of a sentence in token order.
func (x *sentence) findFrames() []frame {
	var out []frame
	used := make([]bool, len(x.toks))
	for k := 0; k < len(x.toks); k++ {
		if x.mat(k) >= 0 && x.ms[x.mat(k)].kind == mName || x.toks[k].Kind != text.Word {
			continue
		}
		if x.invertedAttendance(k) >= 0 {
			// Read by presenceFrames.
			continue
		}
		if x.nounReading(k) {
			// "next week's first-ever talks", "the visits": a noun.
			continue
		}
		best, bestEnd, plain, plainEnd := -1, 0, -1, 0
		candidates := predicatesByForm()[x.toks[k].Lower]
		if len(candidates) == 0 && strings.Contains(x.toks[k].Lower, "-") {
			// "wel-comed": a word broken at a line end.
			candidates = predicatesByForm()[strings.ReplaceAll(x.toks[k].Lower, "-", "")]
		}
		for _, pi := range candidates {
			p := &predicates[pi]
			end, ok := x.matchPredicate(p, k)
			if ok && end > bestEnd {
				best, bestEnd = pi, end
			}
			if ok && len(p.nouns) == 0 && len(p.particle) == 0 && end > plainEnd {
				plain, plainEnd = pi, end
			}
		}
		if best < 0 {
			continue
		}
		f := x.fill(&predicates[best], span{k, bestEnd})
		// "hosted a summit of leaders, including A, B and C": a verb
		// and noun that find no partner give way to the verb alone,
		// whose object may name them.
		// "attended the meeting", with no one to meet named: the verb
		// alone, which joins the meeting told.
		if plain >= 0 && plain != best && len(predicates[best].nouns) > 0 && len(f.partners) == 0 && !allowsNoPartner(&predicates[best]) {
			if g := x.fill(&predicates[plain], span{k, plainEnd}); len(g.partners) > 0 || predicates[plain].kind == kindAttend {
				best, bestEnd, f = plain, plainEnd, g
			}
		}
		if predicates[best].passiveOnly && !f.passive {
			continue
		}
		if predicates[best].oneByOne {
			var each [][]int
			for _, g := range f.partners {
				for _, mi := range g {
					each = append(each, []int{mi})
				}
			}
			f.partners = each
		}
		for t := k; t < bestEnd; t++ {
			used[t] = true
		}
		// "spoke on the phone with X", "talked by telephone": the call
		// noun tells how the verb's contact was made, no contact of its
		// own.
		{
			q := bestEnd
			for x.tok(q).Is("on", "by", "over", "via", "the", "a") && q < bestEnd+3 {
				q++
			}
			if n := matchNoun(x.toks, q, callNouns); n > 0 && q > bestEnd {
				for t := q; t < q+n; t++ {
					used[t] = true
				}
			}
		}
		// "sat in on the call with X", "joined the talks": the meeting
		// they attend is the one the noun names, no other.
		if predicates[best].kind == kindAttend {
			q := bestEnd
			for x.tok(q).Is("the", "their", "this", "that", "his", "her", "its") {
				q++
			}
			if n := max(matchNoun(x.toks, q, meetingNouns), matchNoun(x.toks, q, callNouns)); n > 0 && q > bestEnd {
				for t := q; t < q+n; t++ {
					used[t] = true
				}
			}
		}
		out = append(out, f)
		if g, ok := x.gappedObject(f); ok {
			out = append(out, g)
		}
		k = bestEnd - 1
	}
	out = append(out, x.nominalFrames(used)...)
	out = append(out, x.relativeNounFrames(used)...)
	out = append(out, x.presenceFrames(used)...)
	sortFrames(out)
	return out
}

func sortFrames(fs []frame) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].trigger.i < fs[j-1].trigger.i; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// predicatesByForm maps every form of every predicate's verb to the
// predicates it may start, so that a token is tried against those only.
var predicatesByForm = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	for pi, p := range predicates {
		if p.verb == "" {
			continue
		}
		for _, f := range verbForms(p.verb) {
			if isForm(f, p.verb) {
				m[f] = appendNew(m[f], pi)
			}
		}
	}
	return m
})

// matchPredicate matches a verb predicate at token k and returns where
// the predicate ends.
func (x *sentence) matchPredicate(p *predicate, k int) (int, bool) {
	t := x.toks[k]
	if !isForm(t.Lower, p.verb) {
		return 0, false
	}
	if x.nounContext(k, p.verb) || x.adjectiveContext(k) {
		return 0, false
	}
	// "on speaking terms".
	if x.tok(k + 1).Is("terms") {
		return 0, false
	}
	if p.jointSubject && strings.HasSuffix(t.Lower, "ing") {
		return 0, false
	}
	if t.Cap && k > 0 && !x.s.TitleCase && x.mat(k) >= 0 {
		return 0, false
	}
	j := k + 1
	for i, w := range p.particle {
		// An adverb may come before the particle: "spoken only by video
		// link", "called also on".
		if i == 0 && x.tok(j).Lower != w && lexicon.Adverbs[x.tok(j).Lower] && x.tok(j+1).Lower == w {
			j++
		}
		if x.tok(j).Lower != w {
			return 0, false
		}
		j++
	}
	// "X and Y visited the projects", not "visited China".
	if p.commonObject {
		q := j
		if x.tok(q).Is("together", "jointly") {
			return j + 1, true
		}
		if x.tok(q).Is("the", "a", "an", "several", "some", "two", "three") {
			q++
		}
		// Not "visited on Monday X": a date or a preposition is no
		// object.
		if o := x.tok(q); o.Kind != text.Word || o.Cap || x.mat(q) >= 0 || x.isDateToken(q) || lexicon.FunctionWords[o.Lower] && q == j {
			return 0, false
		}
		// "visited the ailing former president X": a person.
		for r := q; r < len(x.toks) && r < q+6 && x.toks[r].Kind == text.Word && !lexicon.FunctionWords[x.toks[r].Lower]; r++ {
			if x.mat(r) >= 0 {
				return 0, false
			}
		}
	}
	// "exchanged congratulatory messages with X": at a distance.
	if p.notWith != nil {
		for gap := 0; gap <= 3 && j+gap < len(x.toks); gap++ {
			if matchNoun(x.toks, j+gap, p.notWith) > 0 {
				return 0, false
			}
			if !gapToken(x.toks[j+gap]) {
				break
			}
		}
	}
	if len(p.nouns) == 0 {
		return j, true
	}
	// A light verb needs its noun within a few modifiers: "held talks",
	// "had a short, informal meeting", "held six hours of talks".
	for gap := 0; gap <= 7 && j+gap < len(x.toks); gap++ {
		if n := matchNoun(x.toks, j+gap, p.nouns); n > 0 {
			// "held separate bilateral meetings": a noun that may stand
			// alone ("a bilateral") before the noun it modifies.
			for m := matchNoun(x.toks, j+gap+n, p.nouns); m > 0; m = matchNoun(x.toks, j+gap+n, p.nouns) {
				n += m
			}
			return j + gap + n, true
		}
		g := x.toks[j+gap]
		// "held on Monday a meeting with X": a date between.
		if x.isDateToken(j + gap) {
			continue
		}
		if !gapToken(g) || x.mat(j+gap) >= 0 && x.ms[x.mat(j+gap)].kind == mName {
			break
		}
	}
	return 0, false
}

// purposeVerbs after "called on X to" say why the visit was paid ("to
// share his concerns", "to bid farewell"); other verbs make it a request
// ("called on X to resign").
var purposeVerbs = wordList("share discuss convey present brief express deliver hand offer pay extend bid say review exchange raise congratulate thank introduce inform explain seek receive sign update submit")

// nounContext reports a verb form used as a noun: "the meeting", "a
// visit", "his call", "their last meeting", "bilateral talks".
func (x *sentence) nounContext(k int, lemma string) bool {
	w := x.toks[k].Lower
	nounLike := w == lemma || w == lemma+"s" || w == lemma+"es" || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ings")
	if !nounLike {
		return false
	}
	prev := x.tok(k - 1)
	if prev.Kind == text.Poss || prev.Kind == text.Number {
		return true
	}
	// "would include talks with X", "sought talks with X": an -s form
	// right after another verb is a noun.
	if w == lemma+"s" && prev.Kind == text.Word && !prev.Cap && lexicon.IsVerb(prev.Lower) && !auxiliaries[prev.Lower] &&
		!prev.Is("who", "that", "which") && x.mat(k-1) < 0 {
		return true
	}
	// "Coalition talks between X and Y took place": a noun before
	// "between".
	if x.tok(k+1).Is("between") && !strings.HasSuffix(w, "ing") && k > x.first {
		return true
	}
	if prev.Kind != text.Word {
		return false
	}
	// "The Egyptian host", "a US visit": a nationality before it.
	if _, n := lexicon.Places().DemonymAt(x.toks, k-1); n > 0 && w == lemma {
		return true
	}
	// "in direct talks", "for talks", "during the visit".
	if prev.Is("in", "into", "for", "during", "at", "after", "following", "before", "of", "by", "via", "direct", "indirect", "official", "new", "fresh", "further", "more") && (w == lemma+"s" || w == lemma) &&
		!strings.HasSuffix(w, "ing") {
		return true
	}
	if prev.Is("the", "a", "an", "his", "her", "their", "its", "this", "that", "our", "these", "those", "every", "each",
		"any", "no", "first", "second", "third", "fourth", "last", "next", "previous", "latest", "recent", "such", "further",
		"separate", "bilateral", "official", "private", "closed-door", "one-on-one", "face-to-face", "formal", "informal",
		"brief", "short", "long", "lengthy", "joint", "high-level", "several", "many", "two", "three", "state", "working",
		"courtesy", "phone", "telephone", "video", "virtual", "key", "important", "rare", "historic", "landmark", "trilateral",
		"weekly", "monthly", "annual", "regular", "cabinet", "summit", "emergency", "extraordinary", "ministerial") {
		return true
	}
	// "a 40-minute phone call", "a two-hour meeting", "hour-long talks".
	return adjectiveShape(prev) && strings.Contains(prev.Lower, "-") ||
		prev.Is("minute", "hour", "day", "long", "round") && x.tok(k-2).Text == "-"
}

// adjectiveContext reports an -ing form used as an adjective or noun, not
// as a verb: "visiting Somali mayors", "a welcoming party", "the
// meeting". An -ing form is a verb after "be", after a subordinator
// ("after meeting X") or opening a clause ("Meeting X, Y said").
func (x *sentence) adjectiveContext(k int) bool {
	w := x.toks[k].Lower
	if !strings.HasSuffix(w, "ing") {
		return false
	}
	prev := x.tok(k - 1)
	if k == 0 || prev.Kind == text.Punct || prev.Kind == text.Quote || x.mat(k-1) >= 0 {
		return false
	}
	if beForms[prev.Lower] || auxiliaries[prev.Lower] || lexicon.Adverbs[prev.Lower] {
		return false
	}
	if prev.Is("after", "before", "while", "when", "since", "upon", "by", "on", "of", "for", "without", "in", "from", "also", "and", "then", "up") {
		return false
	}
	// "began meeting", "kept talking": after a verb.
	if !prev.Cap && lexicon.IsVerb(prev.Lower) && !strings.HasSuffix(prev.Lower, "ing") {
		return false
	}
	return true
}

// gapToken reports a word that may stand between a light verb and its
// noun: articles, numbers, adjectives, "of", commas.
func gapToken(t text.Token) bool {
	switch t.Kind {
	case text.Number:
		return true
	case text.Punct:
		return t.Text == "," || t.Text == "-"
	case text.Quote:
		return true
	case text.Word:
	default:
		return false
	}
	if t.Is("with", "to", "on", "from", "between", "at", "in", "for", "by", "and", "said", "who", "which", "that") {
		return false
	}
	if lexicon.IsVerb(t.Lower) && !strings.HasSuffix(t.Lower, "ing") && !strings.HasSuffix(t.Lower, "ed") && !t.Is("talks", "meeting", "meetings", "brief", "short", "long", "written") {
		return false
	}
	if t.Is("paid", "made", "held", "had", "received", "hosted", "met") {
		return false
	}
	return !t.Cap || t.AllCaps() && len(t.Text) <= 4
}

// nounSet is a list of nouns, some of several words ("courtesy call"),
// split into words and keyed by their first word, so that matchNoun
// looks at the entries that can start at a token and no others. The lists
// are rows of tables (predicates, meetingNouns) built once, with nounSetOf.
type nounSet map[string][][]string

// nounSetOf makes the nounSet of lower-case nouns.
func nounSetOf(nouns ...string) nounSet {
	set := nounSet{}
	for _, n := range nouns {
		ws := strings.Fields(n)
		set[ws[0]] = append(set[ws[0]], ws)
	}
	return set
}

// matchNoun matches one of nouns (some of several words) at token k and
// returns how many tokens it used, the longest match winning.
func matchNoun(toks []text.Token, k int, nouns nounSet) int {
	if k < 0 || k >= len(toks) {
		return 0
	}
	best := 0
	for _, ws := range nouns[toks[k].Lower] {
		if k+len(ws) > len(toks) || len(ws) <= best {
			continue
		}
		ok := true
		for i := 1; i < len(ws); i++ {
			if toks[k+i].Lower != ws[i] {
				ok = false
				break
			}
		}
		if ok {
			best = len(ws)
		}
	}
	return best
}

// wordsMatch reports whether the lower-case words ws stand at token k.
func wordsMatch(toks []text.Token, k int, ws []string) bool {
	if k+len(ws) > len(toks) {
		return false
	}
	for i, w := range ws {
		if toks[k+i].Lower != w {
			return false
		}
	}
	return true
}

// byOfAnotherVerb reports that the first "by" after token j belongs to
// another participle: "was received ... the delegation, headed by X".
func (x *sentence) byOfAnotherVerb(j int) bool {
	for k := j; k < len(x.toks); k++ {
		if x.toks[k].Is("by") {
			p := x.tok(k - 1)
			return k > j && p.Kind == text.Word && !p.Cap && strings.HasSuffix(p.Lower, "ed") && lexicon.IsVerb(p.Lower)
		}
	}
	return false
}

// nounReading reports a verb form that a determiner, a possessive or an
// adjective of order makes a noun: "the talks", "next week's talks",
// "their first-ever meeting".
func (x *sentence) nounReading(k int) bool {
	p := x.tok(k - 1)
	// "Talks between A and B were held": a sentence does not open with a
	// finite verb (gerunds aside: "Meeting X, he said").
	// "Welcomed by X, Y arrived": a participle opening the sentence is
	// a verb, though.
	if k == x.first && !strings.HasSuffix(x.toks[k].Lower, "ing") && !(strings.HasSuffix(x.toks[k].Lower, "ed") && x.tok(x.pastDate(k+1)).Is("by")) {
		return true
	}
	// "CAIRO — Talks were held ...": capitalised after a dateline.
	if x.toks[k].Cap && x.tok(k+1).Is("were", "was", "are", "is", "have", "had", "will", "between", "with") && !strings.HasSuffix(x.toks[k].Lower, "ing") {
		return true
	}
	// "the NSA talks": an acronym that modifies a noun.
	if mi := x.mat(k - 1); mi >= 0 && p.AllCaps() && (x.tok(x.ms[mi].whole.i).Is("the") || x.tok(x.ms[mi].whole.i-1).Is("the")) {
		return true
	}
	return k > 0 && (p.Kind == text.Poss || p.Is("the", "a", "an", "their", "his", "her", "its", "our", "this", "these",
		"those", "first-ever", "latest", "previous", "such", "further", "bilateral", "several", "many") ||
		adjectiveShape(p))
}

// settingBefore reports a noun phrase ending at k that a preposition of
// setting opens ("in talks", "at a dinner", "during the meeting"), not a
// time ("before a state dinner").
func (x *sentence) settingBefore(k int) bool {
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		if x.toks[q].Is("in", "at", "during", "over") {
			return true
		}
		if x.toks[q].Kind != text.Word || x.toks[q].Is("before", "after", "ahead", "for", "to") {
			return false
		}
	}
	return false
}

// hostingVerbs are the verbs of whoever hosts or chairs a meeting.
var hostingVerbs = map[string]bool{"host": true, "chair": true, "convene": true, "mediate": true, "facilitate": true,
	"broker": true, "organise": true, "organize": true}

// matchNounEndingAt reports a noun of set ending at token k ("talks",
// "working lunch").
func matchNounEndingAt(toks []text.Token, k int, set nounSet) bool {
	for i := max(0, k-3); i <= k; i++ {
		if n := matchNoun(toks, i, set); n > 0 && i+n == k+1 {
			return true
		}
	}
	return false
}

// closeWith reports a "with" right before token k, at most six words
// after j with no verb between: the object of a joint predicate and its
// "with" ("toured the city's waterfront with X").
func (x *sentence) closeWith(j, k int) bool {
	if !x.tok(k-1).Is("with") || k-1-j > 6 {
		return false
	}
	for q := j; q < k-1; q++ {
		if t := x.toks[q]; t.Kind == text.Word && !t.Cap && lexicon.IsVerb(t.Lower) || t.Text == "," {
			return false
		}
	}
	return true
}

// adjectiveShape reports a lower-case word shaped like an adjective:
// "political talks", "direct talks", "high-level talks", "face-to-face
// meetings", "a 40-minute phone call", "hour-long talks". Adverbs
// ("formally met") end in -ly and are not.
func adjectiveShape(t text.Token) bool {
	if strings.HasSuffix(t.Lower, "-long") && t.Kind == text.Word {
		return true
	}
	if t.Kind != text.Word || t.Cap || strings.HasSuffix(t.Lower, "ly") || lexicon.IsVerb(t.Lower) {
		return false
	}
	for _, suffix := range []string{"al", "ic", "ive", "-level", "-door", "-face", "-person", "-ever", "-term", "-day", "-minute", "-hour", "-round"} {
		if strings.HasSuffix(t.Lower, suffix) {
			return true
		}
	}
	return false
}

// fill finds the slots of a verb predicate matched at trigger.
func (x *sentence) fill(p *predicate, trig span) frame {
	f := frame{pred: p, rule: p.name, sent: x.si, trigger: trig, kind: p.kind}
	verb := x.toks[trig.i]
	f.passive = x.isPassive(trig.i, p.verb)
	f.planned = x.isPlanned(trig.i) || x.futurePresent(trig.i)
	// "held no meeting with", "had not yet met".
	for k := trig.i; k < trig.j; k++ {
		if x.toks[k].Is("no", "not", "never") {
			f.planned = true
		}
	}
	if p.kind == kindMeeting && (x.hasCallCue(trig) || discussionVerbs[p.verb] && (x.callCueInClause(trig.j) || x.callCueInOpening(trig.i))) {
		f.kind = kindCall
	}
	// "Readout of X's Call with Y || X spoke with Y on Tuesday": under a
	// headline that tells of a call, speaking is on the phone unless a
	// place says otherwise.
	if p.kind == kindMeeting && (p.verb == "speak" || p.verb == "talk") && x.d.callStory && x.d.placeAfter(x.s, trig.i) == "" {
		f.kind = kindCall
	}
	if f.passive {
		// "X was received by Y": the subject is the partner, the by-phrase
		// the agent; for attendance the by-phrase attends. "After being
		// welcomed by Y, X paid ...": the main clause's subject.
		if x.tok(trig.i-1).Is("being") && x.tok(trig.i-2).Is("after", "before", "upon", "on", "since", "while") ||
			trig.i == x.first && x.tok(x.pastDate(trig.j)).Is("by") {
			// "Welcomed by X, Y arrived in Doha".
			f.subject = x.mainSubjectAfter(trig.j)
		} else {
			f.subject = x.subjectOf(trig.i)
		}
		if len(f.subject) == 0 {
			// "First to be received was the Saudi delegation, headed by X".
			f.subject = x.invertedSubject(trig.j)
		}
		// "X arrived on Monday, accompanied by Y": a participle closing
		// the clause tells of its subject.
		if len(f.subject) == 0 && x.tok(trig.i-1).Text == "," && x.tok(trig.j).Is("by") {
			f.subject = x.sentenceSubject()
		}
		if by := x.afterPreposition(trig.j, []string{"by"}); by != nil && !x.byOfAnotherVerb(trig.j) {
			f.partners = x.splitSeparate(by, trig)
		}
		// "X was introduced to Y": a particle's object.
		if len(f.partners) == 0 && len(p.particle) > 0 && slices.Contains(p.partner, "object") {
			f.partners = x.objectOf(trig.j, p.personObject)
		}
		// "a reception hosted for him by X": "for him" is the guest.
		for _, slot := range p.partner {
			if slot == "for" || slot == "in honour of" || slot == "in honor of" {
				if g := x.afterPreposition(trig.j, []string{slot}); g != nil && (len(f.partners) == 0 || g[0] != f.partners[0][0]) {
					f.subject = append(append([]int(nil), f.subject...), g...)
				}
			}
		}
		if p.kind == kindAttend {
			f.targetNoun = x.subjectNoun(trig.i)
			// "The meeting, chaired by X on Tuesday, was attended by A
			// and B": the chair was there too.
			if f.targetNoun != "" && len(f.partners) == 1 {
				if chair := x.chairBefore(trig.i); chair != nil {
					f.partners[0] = append(append([]int(nil), chair...), f.partners[0]...)
				}
			}
		}
		// "met Y in talks hosted by X", "a dinner chaired by X": the host
		// of the meeting the noun names was there.
		if len(f.subject) == 0 && len(f.partners) > 0 && hostingVerbs[p.verb] && matchNounEndingAt(x.toks, trig.i-1, meetingNouns) &&
			x.settingBefore(trig.i-1) {
			f.kind = kindAttend
		}
		return f
	}
	f.subject = x.subjectOf(trig.i)
	f.storyHost = p.storyHost
	// "First to present her papers was X".
	if len(f.subject) == 0 && x.tok(trig.i-1).Is("to") && firstWordIs(x.toks, "first", "next", "last", "then") {
		f.subject = x.invertedSubject(trig.j)
	}
	// "X visited Moscow on Tuesday, meeting Y at the Kremlin", "X met A
	// on Tuesday, meeting B later": a participle closing the clause
	// tells of the clause's subject.
	if strings.HasSuffix(verb.Lower, "ing") && x.tok(trig.i-1).Text == "," && trig.i-1 > x.first {
		if v := x.previousVerb(trig.i - 1); v >= 0 {
			if s := x.subjectOf(v); len(s) > 0 {
				f.subject = s
			}
		}
	}
	if len(f.subject) == 0 && isGerundOpening(x, trig.i, verb) {
		f.subject = x.mainSubjectAfter(trig.j)
	}
	// "started the day by meeting separately with X": the subject of the
	// verb the gerund depends on.
	// "had talks with A on Sunday before calling on B": the gerund's
	// subject is the main clause's, not the person named just before.
	if strings.HasSuffix(verb.Lower, "ing") && x.tok(trig.i-1).Is("by", "after", "before", "while", "upon", "since", "without", "when") &&
		!isGerundOpening(x, trig.i, verb) {
		if v := x.previousVerb(trig.i - 1); v >= 0 {
			if s := x.subjectOf(v); len(s) > 0 || len(f.subject) == 0 {
				f.subject = s
			}
		}
	}
	// "Fiame recalled hosting X", "began meeting X": a gerund after a
	// verb that says it happened shares that verb's subject.
	if len(f.subject) == 0 && strings.HasSuffix(verb.Lower, "ing") && factiveGerundVerbs[x.tok(trig.i-1).Lower] {
		f.subject = x.subjectOf(trig.i - 1)
	}
	for _, slot := range p.partner {
		var groups [][]int
		switch slot {
		case "object":
			groups = x.objectOf(trig.j, p.personObject)
			// "called on President X to resign": a request, not a visit.
			if p.name == "call-on" && len(groups) == 1 && len(groups[0]) > 0 {
				end := x.ms[groups[0][len(groups[0])-1]].whole.j
				// Any word that may follow "to" as a verb ("to respect the
				// ceasefire"), not a place or a determiner ("to the palace").
				if next := x.tok(end + 1); x.tok(end).Is("to") && next.Kind == text.Word && !next.Cap && !lexicon.FunctionWords[next.Lower] &&
					!purposeVerbs[next.Lower] {
					f.planned = true
				}
			}
			// "calling Scholz an 'offended liver sausage'": naming, not
			// phoning.
			if p.kind == kindCall && len(groups) == 1 && len(groups[0]) > 0 {
				end := x.ms[groups[0][len(groups[0])-1]].whole.j
				after := x.tok(end)
				// Not "phoned X the following day".
				timeAfter := after.Is("the") && x.tok(end+1).Is("following", "next", "previous", "same", "day", "evening", "morning",
					"night", "weekend", "afternoon")
				if after.Is("a", "an", "the") && !timeAfter || after.Kind == text.Quote {
					groups = nil
				}
			}
		case "none":
			continue
		default:
			if g := x.afterPreposition(trig.j, []string{slot}); g != nil {
				groups = x.splitSeparate(g, trig)
			}
			// "toured the waterfront with X", not "inaugurated a dam and
			// later spoke with X": doing it together, "with" close by.
			if p.jointSubject && len(groups) > 0 && !x.closeWith(trig.j, x.ms[groups[0][0]].whole.i) {
				groups = nil
			}
		}
		if len(groups) > 0 {
			f.partners = groups
			break
		}
	}
	// "X was among those who met with Y", "X was among the leaders who
	// held talks with Y": the copula's subject.
	if len(f.subject) == 0 {
		who := trig.i - 1
		for who > 0 && auxiliaries[x.toks[who].Lower] {
			who--
		}
		if x.tok(who).Is("who") {
			q := who - 1
			for q > who-5 && q > 0 && !x.tok(q).Is("among") {
				q--
			}
			if x.tok(q).Is("among") && beForms[x.tok(q-1).Lower] {
				f.subject = x.subjectOf(q - 1)
			}
		}
	}
	// "Among the leaders who held talks with X were A, B and C": each of
	// the list met X, apart from the others.
	if len(f.subject) == 0 && len(f.partners) == 1 {
		if list := x.amongWhoList(trig); list != nil {
			f.subject, f.partners = f.partners[0], nil
			for _, mi := range list {
				f.partners = append(f.partners, []int{mi})
			}
		}
	}
	// "Prime Minister X, whom President Y met on Monday,": the relative
	// pronoun stands for the object.
	if len(f.partners) == 0 && len(f.subject) > 0 && slices.Contains(p.partner, "object") {
		if mi := x.whomAntecedent(f.subject[0]); mi >= 0 {
			f.partners = [][]int{{mi}}
		}
	}
	if p.kind == kindAttend && len(f.partners) == 0 {
		f.targetNoun = x.objectNoun(trig.j)
	}
	if p.kind != kindAttend && len(f.partners) == 0 && x.delegationAhead(trig.j) {
		f.openPartner = true
	}
	// "X held a meeting on economic issues. Taking part were A and B",
	// "X chaired a meeting which was attended by A and B": a meeting
	// whose other side is told next.
	if len(f.partners) == 0 && (p.name == "hold-talks" || p.name == "chair-meeting" || p.name == "preside-over") &&
		x.toks[trig.j-1].Is("meeting", "session", "consultations", "conference") {
		f.openPartner = true
	}
	// "received the team alongside his deputy, X, and MP Y", "met Z
	// together with W": companions on the subject's side.
	if p.kind != kindAttend {
		if g := x.afterPreposition(trig.j, []string{"alongside", "together with", "along with", "accompanied by", "flanked by", "joined by"}); g != nil {
			f.subject = append(append([]int(nil), f.subject...), g...)
		}
	}
	return f
}

// amongWhoList returns the people listed after the copula of a sentence
// that opens "Among the leaders who ..." or "Among those who ..." when
// the predicate at trig is that relative clause's: "Among those who met
// X were A and B".
func (x *sentence) amongWhoList(trig span) []int {
	if !x.tok(x.first).Is("among") {
		return nil
	}
	who := trig.i - 1
	for who > x.first && auxiliaries[x.toks[who].Lower] {
		who--
	}
	if !x.tok(who).Is("who") || who > x.first+4 {
		return nil
	}
	for c := trig.j; c < len(x.toks) && c < trig.j+20; c++ {
		t := x.toks[c]
		if t.Text == "." || t.Text == ";" {
			return nil
		}
		if t.Is("were", "was") && x.mat(c+1) >= 0 && x.ms[x.mat(c+1)].kind == mName {
			return x.listFrom(x.mat(c + 1))
		}
	}
	return nil
}

// delegationAhead reports a delegation or group of people right after a
// predicate, before any named person: "met members of the delegation",
// "received a delegation from Japan".
func (x *sentence) delegationAhead(j int) bool {
	for q := j; q < len(x.toks) && q < j+6; q++ {
		if x.mat(q) >= 0 && x.ms[x.mat(q)].kind == mName || x.toks[q].Text == "." || x.toks[q].Text == ";" {
			return false
		}
		if delegationNouns[x.toks[q].Lower] {
			return true
		}
	}
	return false
}

// invertedSubject reads the subject of an inverted passive after the
// verb: "First to be received was the Saudi delegation, headed by X",
// "Next was X".
func (x *sentence) invertedSubject(j int) []int {
	k := j
	for k < len(x.toks) && k < j+3 && !x.toks[k].Is("was", "were") {
		k++
	}
	if !x.tok(k).Is("was", "were") {
		return nil
	}
	if mi := x.mat(k + 1); mi >= 0 {
		return x.listFrom(mi)
	}
	return x.delegationAt(k + 1)
}

// isGerundOpening reports a predicate opening its sentence or clause as a
// participle: "Meeting Syria's foreign minister, the Secretary-General
// ...", "Speaking by phone on Sunday, X and Y agreed ...", "After meeting
// X, Y said".
func isGerundOpening(x *sentence, k int, verb text.Token) bool {
	if !strings.HasSuffix(verb.Lower, "ing") {
		return false
	}
	p := x.tok(k - 1)
	if k == 0 || k == x.first || p.Text == "," {
		return true
	}
	if !p.Is("after", "before", "while", "when", "upon", "on", "since") {
		return false
	}
	// "After meeting X, Y said", "Speaking after meeting X, Y said": the
	// subordinator opens the sentence or clause, or follows a participle
	// that does.
	before := x.tok(k - 2)
	// "X met Y on Tuesday, before meeting Z on Wednesday": a clause
	// closing the sentence is no opening.
	if before.Text == "," && k > 2 && !x.commaThenMention(k) {
		return false
	}
	return k == 1 || k == x.first+1 || before.Text == "," ||
		k == x.first+2 && before.Kind == text.Word && strings.HasSuffix(before.Lower, "ing")
}

// noVerbBetween reports tokens [i, j) with no lower-case verb.
func (x *sentence) noVerbBetween(i, j int) bool {
	for k := i; k < j && k < len(x.toks); k++ {
		if t := x.toks[k]; t.Kind == text.Word && !t.Cap && lexicon.IsVerb(t.Lower) && !descriptionModifiers[t.Lower] &&
			!lexicon.PersonNouns[t.Lower] && !x.cls[k].has(clsTitleHead) {
			return false
		}
	}
	return true
}

// commaThenMention reports a comma after k followed by a mention: the
// main clause after an opening phrase ("After meeting X, Y said").
func (x *sentence) commaThenMention(k int) bool {
	for q := k + 1; q+1 < len(x.toks); q++ {
		if x.toks[q].Text == "," && x.mat(q+1) >= 0 {
			return true
		}
	}
	return false
}

// mainSubjectAfter finds the subject of the main clause after a
// participial opening: the first mention after the next comma.
func (x *sentence) mainSubjectAfter(j int) []int {
	for k := j; k < len(x.toks); k++ {
		if x.toks[k].Text == "," {
			for q := k + 1; q < len(x.toks) && q < k+4; q++ {
				if mi := x.mat(q); mi >= 0 && !x.ms[mi].complement {
					return x.coordinated(mi)
				}
				if !x.toks[q].Is("the", "his", "her") && x.toks[q].Kind != text.Punct {
					break
				}
			}
		}
	}
	return nil
}

// isPassive reports a be-form before the verb: "was received", "were
// warmly welcomed", "has been hosted".
func (x *sentence) isPassive(k int, lemma string) bool {
	if !isPastParticiple(x.toks[k].Lower, lemma) {
		return false
	}
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		t := x.toks[q]
		if beForms[t.Lower] {
			return true
		}
		if lexicon.Adverbs[t.Lower] || t.Is("on", "today", "yesterday", "then", "first") || x.isDateToken(q) {
			continue
		}
		break
	}
	// A reduced relative or absolute: ", accompanied by X,", "flanked by",
	// "a reception hosted for him by X".
	if x.tok(x.pastDate(k+1)).Is("by") && (x.tok(k-1).Text == "," || k == 0 || k == x.first) &&
		!x.tok(k+2).Is("phone", "telephone", "video", "videoconference", "teleconference", "satellite", "letter", "email") {
		// Not "X, who chairs the quartet, spoke by phone with Y".
		return true
	}
	prev := x.tok(k - 1)
	// "and welcomed a planned visit by X": an object right after the
	// verb, so the verb is active and "by" is the visit's.
	object := x.tok(k+1).Is("a", "an", "the", "his", "her", "their", "its")
	if prev.Kind == text.Word && !prev.Cap && x.mat(k-1) < 0 && !auxiliaries[prev.Lower] && !lexicon.Adverbs[prev.Lower] && !object {
		for q := k + 1; q < len(x.toks) && q <= k+5; q++ {
			if x.toks[q].Is("by") && x.mat(q+1) >= 0 {
				return true
			}
			if x.toks[q].Kind == text.Punct {
				break
			}
		}
	}
	return false
}

func (x *sentence) isDateToken(k int) bool {
	for _, dm := range x.d.dates[x.si] {
		if k >= dm.I && k < dm.J {
			return true
		}
	}
	return false
}

// isPlanned reports a predicate that the words before it make planned,
// hoped for or denied: "is expected to meet", "will hold talks", "did not
// meet", "plans to visit".
func (x *sentence) isPlanned(k int) bool {
	if x.deniedBefore(k) || x.yesNoQuestion() {
		return true
	}
	// "Blinken to meet Qin in Beijing": a headline's future, a name
	// right before "to".
	if x.tok(k-1).Is("to") && x.mat(k-2) >= 0 && x.ms[x.mat(k-2)].kind == mName && x.ms[x.mat(k-2)].whole.j == k-1 {
		return true
	}
	// "Asked whether X had met Y, Z said no": the subject of a question.
	q := k - 1
	for q >= 0 && (auxiliaries[x.toks[q].Lower] || lexicon.Adverbs[x.toks[q].Lower]) && x.mat(q) < 0 {
		q--
	}
	if mi := x.mat(q); mi >= 0 && x.tok(x.ms[mi].whole.i-1).Is("whether") {
		return true
	}
	// "is set to travel to Vilnius next month to attend a summit": an
	// infinitive of purpose shares the plan of the verb it serves.
	if x.tok(k - 1).Is("to") {
		for q := k - 2; q >= 0 && q >= k-14; q-- {
			t := x.toks[q]
			if t.Text == "." || t.Text == ";" || t.Kind == text.Quote {
				break
			}
			if t.Is("will", "would", "shall") || t.Is("set", "expected", "due", "scheduled", "billed", "slated", "poised", "plans", "planned", "planning", "hopes", "intends") && x.tok(q+1).Is("to") {
				return true
			}
			// "heads to Washington on Thursday to meet X": a journey told
			// in the present is still to come.
			if t.Is("heads", "travels", "flies", "leaves", "departs", "sets") && !x.s.Headline && !x.tok(q+1).Is("of") {
				return true
			}
		}
	}
	// "will on Thursday meet X": a date between does not count.
	for q, words := k-1, 0; q >= 0 && words < 4; q-- {
		t := x.toks[q]
		if x.isDateToken(q) || t.Is("next", "this", "week", "month", "morning", "afternoon", "evening", "tomorrow", "today") {
			continue
		}
		words++
		if t.Kind != text.Word {
			if t.Text == "," || t.Kind == text.Quote {
				break
			}
			continue
		}
		if x.mat(q) >= 0 {
			break
		}
		if t.Lower == "to" {
			prev := x.tok(q - 1)
			if prev.Is("expected", "due", "scheduled", "set", "billed", "slated", "poised", "plans", "plan", "planned", "planning", "hopes", "yet", "still",
				"hope", "hoped", "hoping", "intends", "intended", "wants", "wanted", "agreed", "invited", "likely",
				"going", "is", "are", "was", "were", "be", "able", "unable", "failed", "refused", "declined", "tried", "refuse", "refuses", "refusing", "decline", "declines", "fail", "fails",
				"sought", "seeks", "seeking", "asked", "urged", "ready", "willing", "eager", "keen", "preparing",
				"prepares", "hopeful", "looks", "looking", "forward", "offered", "proposed", "supposed", "wished", "wish",
				// "declined an invitation to meet X", "a request to meet".
				"invitation", "invitations", "request", "requests", "offer", "offers", "attempt", "attempts", "bid", "plan",
				"proposal", "chance", "opportunity", "effort", "efforts") {
				return true
			}
			continue
		}
		if t.Is("will", "would", "shall", "could", "might", "may", "not", "never", "cannot", "won't", "didn't",
			"wouldn't", "couldn't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "without", "if", "unless",
			"whether", "should", "must", "nor", "neither") {
			return true
		}
		if !(lexicon.Adverbs[t.Lower] || auxiliaries[t.Lower] || t.Is("also", "then", "later", "soon", "both", "first")) {
			break
		}
	}
	return false
}

// futurePresent reports a verb at k told in the present of what is
// still to come: "X is meeting Y in Washington" (the present
// progressive), "X meets Y in Rome on Friday" (the simple present with a
// weekday, which is then the coming one). Headlines tell the past in the
// present and are left alone.
func (x *sentence) futurePresent(k int) bool {
	if x.s.Headline {
		return false
	}
	w := x.toks[k].Lower
	if !inPersonVerb(w) && !isForm(w, "hold") && !isForm(w, "talk") {
		return false
	}
	q := k - 1
	for q >= 0 && (lexicon.Adverbs[x.toks[q].Lower] || x.toks[q].Is("also", "then", "later")) {
		q--
	}
	if strings.HasSuffix(w, "ing") {
		return x.tok(q).Is("is", "are", "am")
	}
	// "followed talks with X on Monday": a noun. "In the photo, X greets
	// Y on Monday": captions tell the past in the present, with the
	// verbs of a picture.
	if !strings.HasSuffix(w, "s") || x.tok(k-1).Kind == text.Poss || matchNoun(x.toks, k, meetingNouns) > 0 ||
		isForm(w, "greet") || isForm(w, "welcome") || x.captionCue() {
		return false
	}
	for _, dm := range x.d.dates[x.si] {
		if dm.Rule == "date-weekday" || dm.Rule == "date-weekday-next" || x.tok(dm.I).Is("tomorrow") {
			return true
		}
	}
	return false
}

// yesNoQuestion reports a sentence that asks whether something is so:
// "Will Putin and Zelenskiy meet?", "Did Biden meet Xi?".
func (x *sentence) yesNoQuestion() bool {
	n := len(x.toks)
	if n == 0 || x.toks[n-1].Text != "?" {
		return false
	}
	return x.tok(x.first).Is("will", "would", "could", "can", "did", "does", "do", "should", "might", "may", "shall",
		"is", "are", "was", "were", "has", "have", "had")
}

// captionCue reports the words of a photo caption: "In the photo",
// "(L)", "left", "pictured", "Photo:".
func (x *sentence) captionCue() bool {
	for k, t := range x.toks {
		if t.Is("photo", "photograph", "picture", "pictured", "file", "caption") ||
			t.Is("l", "r", "left", "right", "center", "centre") && (x.tok(k-1).Text == "(" || x.tok(k-1).Text == ",") {
			return true
		}
	}
	return false
}

// hasCallCue reports a phone or video word in the predicate's clause.
func (x *sentence) hasCallCue(trig span) bool {
	// "had a call with X", "held calls with X": a call that is no
	// courtesy call is on the phone.
	if last := x.tok(trig.j - 1); last.Is("call", "calls") && trig.j-trig.i >= 2 &&
		!x.tok(trig.j-2).Is("courtesy", "farewell", "introductory", "official", "formal", "protocol", "goodwill") &&
		x.tok(trig.i).Kind == text.Word && (isForm(x.tok(trig.i).Lower, "have") || isForm(x.tok(trig.i).Lower, "hold")) {
		return true
	}
	from := max(0, trig.i-6)
	// "spoke with X by phone on Monday and met Y on Tuesday": a cue of
	// the clause before "and met" is that clause's.
	for k := trig.i - 1; k >= from; k-- {
		if x.toks[k].Is("and", "but", "before", "after", "then") && inPersonVerb(x.toks[trig.i].Lower) {
			from = k + 1
			break
		}
	}
	for k := from; k < len(x.toks) && k < trig.j+8; k++ {
		if callCues[x.toks[k].Lower] {
			if x.toks[k].Is("online") && k > trig.j {
				continue
			}
			return true
		}
	}
	return false
}

// inPersonVerb reports a form of a verb that tells of meeting in person
// unless a call is said of it: "met", "received", "visiting".
func inPersonVerb(w string) bool {
	for _, lemma := range []string{"meet", "receive", "visit", "host", "welcome", "greet"} {
		if isForm(w, lemma) {
			return true
		}
	}
	return false
}

// callCueInClause reports a phone or video word in the rest of the clause
// after token j: "went over the whole range of issues during a virtual
// summit on Wednesday".
func (x *sentence) callCueInClause(j int) bool {
	for k := j; k < len(x.toks); k++ {
		t := x.toks[k]
		if t.Text == "," || t.Text == ";" || t.Kind == text.Quote {
			return false
		}
		if callCues[t.Lower] {
			return true
		}
	}
	return false
}

// callCueInOpening reports a phone or video word in the sentence's
// opening phrase before token k: "During the phone call, the two leaders
// discussed Ukraine".
func (x *sentence) callCueInOpening(k int) bool {
	end := openingPhraseEnd(x.toks)
	if end == 0 || end > k {
		return false
	}
	for q := x.first; q < end; q++ {
		// "In a readout of the call, ...": a call, not a courtesy call.
		if callCues[x.toks[q].Lower] || x.toks[q].Is("call", "calls") && x.tok(q-1).Is("the", "a", "their", "that") {
			return true
		}
	}
	return false
}

// coordinated returns the mention mi with the mentions coordinated with
// it ("A, B and C"), in order.
func (x *sentence) coordinated(mi int) []int {
	start := mi
	for start > 0 && x.joinedList(start-1, start) {
		start--
	}
	end := mi
	for end+1 < len(x.ms) && x.joinedList(end, end+1) {
		end++
	}
	var out []int
	for k := start; k <= end; k++ {
		if !x.ms[k].complement {
			out = append(out, k)
		}
	}
	return out
}

// joinedList reports whether mentions a and b (a before b) stand in one
// list: only commas, "and", "as well as", "along with" and the like
// between them.
func (x *sentence) joinedList(a, b int) bool {
	i, j := x.ms[a].whole.j, x.ms[b].whole.i
	if j < i {
		return false
	}
	if x.ms[b].complement && !x.tok(j-1).Is("and") {
		return false
	}
	// "spoke with X on Wednesday, MEA spokesperson Y said": the one who
	// tells of it.
	if lexicon.SpeechVerbs[x.tok(x.ms[b].whole.j).Lower] && !x.tok(j-1).Is("and", "&") {
		return false
	}
	// "met Hun Manet, the premier's eldest son": a possessor in an
	// appositive is no one of the list.
	if x.tok(x.ms[b].whole.j).Kind == text.Poss && x.ms[b].kind != mName {
		return false
	}
	gap := x.toks[i:j]
	if len(gap) == 0 {
		return false
	}
	// Pronouns and groups join a list only with a bare "and": "He and
	// the Ethiopian Ambassador", not "According to him, the two" or "X,
	// and the two men exchanged views".
	// "had dined with both men, Mubarak and King Abdullah II": names after
	// a group that are not its members continue the list.
	groupThenOthers := x.ms[a].kind == mGroup && len(x.ms[a].group) > 0 && len(gap) == 1 && gap[0].Text == "," &&
		x.ms[b].kind == mName && x.ms[b].ent >= 0 && !containsInt(x.ms[a].group, x.ms[b].ent)
	if (x.ms[a].kind == mPronoun || x.ms[a].kind == mGroup || x.ms[b].kind == mPronoun || x.ms[b].kind == mGroup) && !(len(gap) == 1 && gap[0].Is("and")) &&
		!groupThenOthers {
		return false
	}
	words := 0
	for k := 0; k < len(gap); k++ {
		t := gap[k]
		switch {
		case k == 0 && t.Is("of") && len(gap) > 2 && gap[1].Cap && gap[1].Kind == text.Word:
			// "Rep. Young Kim of California and Rep. Ami Bera": the
			// state or party a member is of.
			for k+1 < len(gap) && gap[k+1].Cap && gap[k+1].Kind == text.Word {
				k++
			}
		case t.Text == "," || t.Text == ";" && x.ms[a].kind == mName:
		case t.Kind == text.Number && k > 0 && gap[k-1].Text == "," && k+1 < len(gap) && gap[k+1].Text == ",":
			// "X, 55, and Y met": an age.
		case t.Is("and", "&"):
			words++
		case t.Is("as", "well") && len(gap) >= 3:
		case t.Is("along", "together") && k+1 < len(gap) && gap[k+1].Is("with"):
		case t.Is("with") && k > 0 && gap[k-1].Is("along", "together"):
		case t.Is("also", "both", "then", "respectively", "finally", "later", "subsequently", "afterwards"):
		case t.Is("with") && len(gap) >= 2 && (gap[0].Text == "," || gap[0].Is("and")):
			// "with A, with B and with C"
		case t.Is("his", "her", "their") && k == len(gap)-1 && k > 0 && gap[k-1].Is("and"):
			// "X and his former deputy Y met Z".
		case k > 0 && gap[len(gap)-1].Kind == text.Poss && bodyPossessive(gap[k:]):
			// "Keir Starmer and the SNP's Humza Yousaf", "RBC's X and
			// TD's Y": a body's possessive before the next name.
			k = len(gap) - 1
		default:
			return false
		}
	}
	return words <= 1 && len(gap) <= 7
}

// bodyPossessive reports tokens that name a body in the possessive: "the
// SNP's", "Deutsche Bank's", "TD's".
func bodyPossessive(toks []text.Token) bool {
	n := 0
	for k, t := range toks {
		switch {
		case k == 0 && t.Is("the"):
		case k == len(toks)-1:
			return t.Kind == text.Poss && n > 0
		case t.Kind == text.Word && t.Cap && n < 3:
			n++
		default:
			return false
		}
	}
	return false
}

// subjectOf walks left from the predicate at k to its subject: the
// nearest mention not inside a complement, skipping adverbs, auxiliaries,
// dates, places and comma-set insertions ("Jalel Trabelsi, whose tour of
// duty is ending, called on ..."). It stops at a clause boundary. A verb
// coordinated with an earlier one ("Kuleba met X, who ..., and held talks
// with Y") shares that verb's subject.
func (x *sentence) subjectOf(k int) []int {
	q := k - 1
	for q >= 0 && (lexicon.Adverbs[x.toks[q].Lower] || auxiliaries[x.toks[q].Lower]) && x.mat(q) < 0 {
		q--
	}
	// "met X to discuss Y": the infinitive shares the governing verb's
	// subject.
	if q >= 0 && x.toks[q].Is("to") {
		if v := x.previousVerb(q); v >= 0 && v >= q-12 {
			if s := x.subjectOf(v); s != nil {
				return s
			}
		}
	}
	if q >= 0 && x.toks[q].Is("and", "but") && x.mat(q-1) < 0 {
		if v := x.previousVerb(q); v >= 0 {
			if s := x.subjectOf(v); s != nil {
				return s
			}
		}
	}
	// "Wang calls on Dahal, meets Deuba", "X met A and visited B": a
	// second verb after the first one's object shares its subject.
	if q > 0 && (x.toks[q].Is("and") || x.toks[q].Text == ",") && x.mat(q-1) >= 0 {
		if v := x.previousVerb(q); v >= 0 && v < x.ms[x.mat(q-1)].whole.i && lexicon.IsVerb(x.toks[k].Lower) {
			if s := x.subjectOf(v); s != nil && !containsInt(s, x.mat(q-1)) {
				return s
			}
		}
	}
	q = k - 1
	for q >= 0 {
		t := x.toks[q]
		if mi := x.mat(q); mi >= 0 {
			m := &x.ms[mi]
			// A complement, or a name that is nobody the article knows
			// (an organisation: "partner Sumar"), is not the subject.
			if m.complement || m.kind == mName && m.ent < 0 {
				q = m.whole.i - 1
				continue
			}
			return x.coordinated(mi)
		}
		switch {
		case t.Text == ",":
			// "X, a former Lagos governor who was sworn in on May 29, met
			// Y": a relative clause closing the appositive of X.
			for w := q - 1; w > 0 && w >= q-20 && x.toks[w].Text != "," && x.toks[w].Text != ";"; w-- {
				if mi := x.mat(w - 1); x.toks[w].Is("who") && mi >= 0 && x.ms[mi].whole.j == w && x.ms[mi].kind == mName && !x.ms[mi].complement {
					return x.coordinated(mi)
				}
			}
			// Skip an insertion set off by commas ("X, accompanied by Y,
			// called on Z", "X, whose tour is ending, called on Y").
			c := q - 1
			for c >= 0 && x.toks[c].Text != "," && x.toks[c].Text != ";" {
				c--
			}
			// "X, an undersecretary in the premier's office, took part",
			// "X, China's top diplomat, met Y", "X, known as Bibi, met Y":
			// an appositive after a name.
			appositive := c > 0 && x.mat(c-1) >= 0 && (x.tok(c+1).Is("a", "an", "the", "known", "nicknamed", "dubbed", "popularly") ||
				x.tok(c+2).Kind == text.Poss && x.noVerbBetween(c+1, q))
			// "A delegation, led by X, met Y", "The delegation, including
			// A and B, called on Y": the delegation's people are the
			// subject.
			if c > 0 && x.toks[c].Text == "," && delegationNouns[x.tok(c-1).Lower] && x.tok(c+1).Is("led", "headed", "including", "comprising") {
				if mi := x.mat(c + 2); mi < 0 && x.tok(c+2).Is("by") {
					if mi = x.mat(c + 3); mi >= 0 && x.ms[mi].kind == mName {
						return x.coordinated(mi)
					}
				} else if mi >= 0 && x.ms[mi].kind == mName {
					return x.coordinated(mi)
				}
			}
			if c >= 0 && x.toks[c].Text == "," && (insertionStart(x.tok(c+1)) || appositive) && x.mat(c+1) < 0 {
				q = c - 1
				continue
			}
			// "The Prime Minister, who is accompanied by A and the
			// Speaker, Mr. B, was welcomed": a relative clause with
			// commas of its own.
			if r := x.relativeClauseStart(q); r > 0 {
				q = r - 1
				continue
			}
			// "Tunisia's ambassador, Jalel Trabelsi, called on": the
			// comma closes the subject's appositive.
			q--
			continue
		case t.Text == ";" || t.Text == ":" || t.Kind == text.Quote && !x.s.Quoted[k]:
			return nil
		case t.Text == "-" || isDash(t.Text):
			// "Rowley led his delegation - A and B - to the Senate for
			// talks with Y": the one who led it, and its members.
			if inner, noun := x.delegationInDashes(q); inner != nil {
				if v := x.previousVerb(noun); v >= 0 {
					if lead := x.subjectOf(v); lead != nil {
						return append(append([]int(nil), lead...), inner...)
					}
				}
				return inner
			}
			// "X — who is on a three-day tour — met Y": an insertion
			// between dashes.
			if o := x.dashOpening(q); o > 0 && isDash(t.Text) {
				q = o - 1
				continue
			}
			q--
			continue
		case t.Kind == text.Punct:
			q--
			continue
		case t.Is("who") && x.tok(q-1).Text == "," && x.mat(q-2) >= 0 && !x.ms[x.mat(q-2)].complement:
			// "X, the foreign minister, who also took part in the
			// meeting, said": the relative clause's subject is the person
			// it follows.
			return x.coordinated(x.mat(q - 2))

		case t.Kind == text.Word && !t.Cap && clauseWord(t):
			return nil
		}
		q--
	}
	return nil
}

// previousVerb finds the finite verb of the clause before token q, past a
// comma-set relative clause: "met X, who expressed support, and held".
func (x *sentence) previousVerb(q int) int {
	for k := q - 1; k >= 0; k-- {
		t := x.toks[k]
		if t.Text == ";" || t.Text == ":" {
			return -1
		}
		if x.mat(k) >= 0 || t.Kind != text.Word || t.Cap {
			continue
		}
		// "held talks with X", "spoke with X by phone": nouns that are
		// verbs too, after a verb or a determiner or preposition.
		// "made a surprise visit and met Y": a noun after a determiner and
		// a modifier.
		if matchNoun(x.toks, k, meetingNouns) > 0 && x.tok(k-2).Is("a", "an", "the", "his", "her", "their") && !x.tok(k-1).Cap {
			continue
		}
		if matchNoun(x.toks, k, meetingNouns) > 0 || t.Is("phone", "telephone", "call", "video") {
			// "had talks": the light verb, though it may be an auxiliary;
			// not "phone" of "a phone call".
			if p := x.tok(k - 1); lexicon.IsVerb(p.Lower) && !p.Cap && x.mat(k-1) < 0 && !x.inRelativeClause(k-1) &&
				!p.Is("phone", "telephone", "video") {
				return k - 1
			}
			// "had a phone call with X": the light verb before the article.
			for v := k - 1; v >= k-3 && v > 0; v-- {
				if t := x.toks[v]; !t.Cap && (t.Is("had", "held", "made", "took", "has", "have", "holds", "makes", "takes")) {
					return v
				}
				if !x.toks[v].Is("a", "an", "the", "phone", "telephone", "video") {
					break
				}
			}
			if x.tok(k-1).Is("by", "the", "a", "an", "his", "her", "their", "its", "of", "for", "in", "via", "over") {
				continue
			}
		}
		if lexicon.IsVerb(t.Lower) && !auxiliaries[t.Lower] && !strings.HasSuffix(t.Lower, "ing") && !x.inRelativeClause(k) {
			return k
		}
	}
	return -1
}

// inRelativeClause reports whether token k follows a relative pronoun in
// the same comma-set clause.
func (x *sentence) inRelativeClause(k int) bool {
	for q := k - 1; q >= 0; q-- {
		if x.toks[q].Text == "," || x.toks[q].Text == ";" {
			return false
		}
		if x.toks[q].Is("who", "which", "whose", "whom", "that", "where", "when") {
			return true
		}
	}
	return false
}

// insertionStart reports a word that opens a comma-set insertion rather
// than a new clause: a relative pronoun, a preposition, a participle.
func insertionStart(t text.Token) bool {
	if t.Is("who", "whose", "whom", "which", "where", "when", "as", "on", "in", "at", "during", "after",
		"before", "following", "according", "accompanied", "led", "headed", "flanked", "joined", "alongside",
		"together", "along", "for", "with", "from", "meanwhile", "however", "also", "then", "today", "yesterday",
		"separately", "earlier", "later", "too",
		// A photo caption's place in the picture: "X, left, shakes hands
		// with Y", "X, second right, listens".
		"left", "right", "center", "centre", "second", "third", "front", "rear") {
		return true
	}
	return strings.HasSuffix(t.Lower, "ed") || strings.HasSuffix(t.Lower, "ing")
}

// clauseWord reports a lower-case word that starts or ends a clause when
// walking left to a subject: a finite verb, a conjunction, a relative
// pronoun.
func clauseWord(t text.Token) bool {
	if auxiliaries[t.Lower] || lexicon.Adverbs[t.Lower] {
		return false
	}
	if t.Is("that", "which", "who", "whom", "where", "because", "although", "though", "but", "while", "whereas", "if", "said", "says", "told", "and") {
		return !t.Is("and")
	}
	if lexicon.IsVerb(t.Lower) && !strings.HasSuffix(t.Lower, "ing") {
		return true
	}
	return false
}

// afterPreposition finds the first of preps after token j (within the
// clause) and returns the mention list right after it.
func (x *sentence) afterPreposition(j int, preps []string) []int {
	for k := j; k < len(x.toks); k++ {
		t := x.toks[k]
		if t.Text == ";" || t.Text == "." || t.Kind == text.Quote && x.s.Quoted[k] != x.s.Quoted[max(j-1, 0)] {
			return nil
		}
		if k > j && t.Kind == text.Word && !t.Cap && (t.Is("who", "which", "said", "says")) {
			return nil
		}
		if mi := x.mat(k); mi >= 0 {
			k = x.ms[mi].whole.j - 1
			continue
		}
		for _, p := range preps {
			ws := strings.Fields(p)
			if wordsMatch(x.toks, k, ws) {
				q := k + len(ws)
				for x.tok(q).Is("both", "each", "all") || x.tok(q).Is("of") && x.tok(q-1).Is("each", "all") {
					q++
				}
				// "met with, among others, A and B".
				if x.tok(q).Text == "," && x.tok(q+1).Is("among") && x.tok(q+2).Is("others") && x.tok(q+3).Text == "," {
					q += 4
				}
				// "by his junior foreign minister Henry Okello".
				if x.tok(q).Is("his", "her", "their", "its") && x.mat(q) < 0 && x.mat(q+1) >= 0 && x.ms[x.mat(q+1)].kind == mName {
					q++
				}
				// "with top Chinese foreign policy official Yang Jiechi": a
				// description the lexicon reads as no title, before a name.
				if x.mat(q) < 0 {
					r := q
					for r < len(x.toks) && r < q+6 && x.mat(r) < 0 && x.toks[r].Kind == text.Word && describingWord(x.toks[r], x.cls[r]) {
						r++
					}
					if r > q && x.mat(r) >= 0 && x.ms[x.mat(r)].kind == mName && x.ms[x.mat(r)].whole.i == r {
						q = r
					}
				}
				// "sat down with Apple's Tim Cook", "with Deutsche Bank's
				// X": a body's possessive before a name.
				if x.mat(q) < 0 {
					r := q
					for r < len(x.toks) && r < q+3 && x.toks[r].Kind == text.Word && x.toks[r].Cap && x.mat(r) < 0 {
						r++
					}
					if r > q && x.tok(r).Kind == text.Poss && x.mat(r+1) >= 0 && x.ms[x.mat(r+1)].kind == mName && x.ms[x.mat(r+1)].whole.i == r+1 {
						q = r + 1
					}
				}
				// "by her host, Senator X", "with his good friend President
				// X": a possessive before the noun the name stands in
				// apposition to.
				if r := x.nameAfterPossessive(q); r > q {
					q = r
				}
				// "with Lt.-Gen. X", "with the Hon. X": the rest of a rank or
				// style the mention did not take in.
				if r := x.nameAfterPrefix(q); r > q {
					q = r
				}
				// "on the Yang Dipertua Negeri Sarawak Tun Abdul Taib
				// Mahmud": a title the lexicon does not know before a name.
				if x.mat(q) < 0 && x.tok(q).Is("the") {
					r := q + 1
					for r < len(x.toks) && r < q+6 && x.mat(r) < 0 && x.toks[r].Cap && x.toks[r].Kind == text.Word {
						r++
					}
					if r > q+1 && x.mat(r) >= 0 && x.ms[x.mat(r)].kind == mName && x.ms[x.mat(r)].whole.i == r {
						q = r
					}
				}
				if mi := x.mat(q); mi >= 0 {
					if x.ms[mi].complement && !(p == "with" || p == "by" || p == "for" || strings.HasPrefix(p, "in hono") ||
						p == "of" && x.tok(k-1).Is("credentials", "credence") ||
						p == "to" && !x.tok(k-1).Is("according", "due", "close", "next", "adviser", "advisor", "envoy", "ambassador", "aide", "successor")) {
						// "according to Karis" is no partner.
						continue
					}
					// "with Vidal's backing": a thing of theirs, not them.
					if x.tok(x.ms[mi].whole.j).Kind == text.Poss && x.mat(x.ms[mi].whole.j+1) < 0 {
						return nil
					}
					// "with Joe Biden's chief negotiator, Shalanda Young": the
					// one named after the possessive.
					if x.tok(x.ms[mi].whole.j).Kind == text.Poss {
						if ni := x.mat(x.ms[mi].whole.j + 1); ni >= 0 && ni != mi && x.ms[ni].kind == mName {
							return x.listFrom(ni)
						}
					}
					return x.listFrom(mi)
				}
				// "received a call from the delegation led by X".
				if g := x.delegationAt(q); g != nil {
					return g
				}
			}
		}
	}
	return nil
}

// listFrom returns mention mi and the mentions listed after it. A list
// whose items carry long appositives is often cut by semicolons ("A, chief
// of ...; B, director of ...; and C"): then each semicolon opens an item.
func (x *sentence) listFrom(mi int) []int {
	out := []int{mi}
	last := mi
	for k := mi + 1; k < len(x.ms); k++ {
		if x.ms[k].complement {
			continue
		}
		if x.joinedList(last, k) {
			out = append(out, k)
			last = k
			continue
		}
		// "met A in Male on Sunday; B met C the same day": the subject
		// of a clause of its own.
		if x.clauseSubjectAt(k) {
			break
		}
		if x.semicolonItem(last, k) {
			out = append(out, k)
			last = k
			continue
		}
		break
	}
	return out
}

// clauseSubjectAt reports a mention followed by a finite verb of its own:
// the subject of a clause, no item of a list before it.
func (x *sentence) clauseSubjectAt(mi int) bool {
	n := x.tok(x.ms[mi].whole.j)
	return n.Kind == text.Word && !n.Cap && lexicon.IsVerb(n.Lower) && !strings.HasSuffix(n.Lower, "ing") &&
		!auxiliaries[n.Lower] && !lexicon.SpeechVerbs[n.Lower] && !lexicon.Adverbs[n.Lower]
}

// semicolonItem reports whether mention b opens the semicolon-separated
// list item after the one of mention a.
func (x *sentence) semicolonItem(a, b int) bool {
	i, j := x.ms[a].whole.j, x.ms[b].whole.i
	semi := -1
	for k := i; k < j; k++ {
		t := x.toks[k]
		if t.Text == ";" {
			semi = k
		}
		if t.Text == "." || t.Kind == text.Quote {
			return false
		}
	}
	if semi < 0 {
		return false
	}
	q := semi + 1
	if x.tok(q).Is("and") {
		q++
	}
	return q == j
}

// objectOf finds the direct object of a predicate ending at j: the first
// mention list after it, past adverbials ("received in audience yesterday
// evening at his ranch in Diriyah Charles, Prince of Wales"). A thing
// first ("received a message from X") means there is no person object;
// a delegation gives the people who led or made it up. Several groups are
// returned when the sentence says the meetings were separate.
func (x *sentence) objectOf(j int, personOnly bool) [][]int {
	k := j
	for k < len(x.toks) {
		// "met Air Vice Marshal X", "met Lt.-Gen. X": the rest of a rank
		// the mention did not take in.
		if r := x.nameAfterPrefix(k); r > k {
			k = r
		}
		t := x.toks[k]
		// "met my friend President X", "met with his brother, X".
		if r := x.nameAfterPossessive(k); r > k {
			k = r
			continue
		}
		// "included his Chief of Staff, X": a determiner before a mention.
		if t.Is("his", "her", "their", "the", "its", "a", "an") && x.mat(k+1) >= 0 && x.mat(k) < 0 {
			k++
			continue
		}
		if mi := x.mat(k); mi >= 0 {
			m := &x.ms[mi]
			// "received President Mnangagwa's Special Envoy, X": a
			// possessor is passed over.
			if x.tok(m.whole.j).Kind == text.Poss {
				k = m.whole.j + 1
				continue
			}
			if m.complement {
				return nil
			}
			// "received the Chief Executive of the Italian group Eni,
			// Claudio Descalzi,": a description whose name follows it.
			if m.kind == mDescription {
				if ni := x.appositiveNameAfter(mi); ni >= 0 {
					mi, m = ni, &x.ms[ni]
				}
			}
			list := x.listFrom(mi)
			groups := x.splitSeparate(list, span{j, j})
			// "received X and, separately, a delegation made up of Y and
			// Z": a second meeting after the first.
			if g := x.separateGroupAfter(x.ms[list[len(list)-1]].whole.j); g != nil {
				groups = append(groups, g)
			}
			return groups
		}
		if x.isDateToken(k) {
			k++
			continue
		}
		switch {
		case t.Text == "," || t.Text == "(" || t.Text == ")":
			k++
			continue
		case t.Is("morning", "afternoon", "evening", "night", "tonight", "late", "early", "respectively", "each"):
			k++
			continue
		case t.Is("in", "at", "on", "during", "inside", "outside", "near", "from", "here", "there", "today",
			"yesterday", "separately", "jointly", "also", "warmly", "formally", "officially", "later", "earlier",
			"together", "then", "briefly", "privately", "personally", "again", "once", "first", "successively",
			"up", "over", "with"):
			if t.Is("with") && k > j {
				return nil
			}
			k++
			// Skip the place or time the preposition introduces.
			for k < len(x.toks) && x.mat(k) < 0 && (x.toks[k].Cap || x.toks[k].Is("the", "of", "his", "her", "their",
				"its", "audience", "office", "residence", "palace", "home", "capital", "sidelines", "margins", "city",
				"morning", "afternoon", "evening", "night", "day", "behalf", "arrival", "turn", "a", "an", "ranch",
				"headquarters", "ministry", "airport", "person", "same", "presidential", "official", "seat", "venue",
				"hotel", "building", "hall", "room", "state", "house")) {
				if x.toks[k].Cap && x.mat(k) < 0 && k > 0 && x.toks[k-1].Is("of") && x.mat(k) >= 0 {
					break
				}
				k++
			}
			continue
		}
		// "visited the ailing former president X": adjectives between
		// the determiner and a person.
		if t.Is("the", "his", "her", "their", "an", "a") && x.mat(k) < 0 {
			q := k + 1
			for q < k+3 && x.mat(q) < 0 && x.tok(q).Kind == text.Word && !x.tok(q).Cap && !lexicon.IsVerb(x.tok(q).Lower) &&
				!lexicon.FunctionWords[x.tok(q).Lower] {
				q++
			}
			if mi := x.mat(q); q > k+1 && mi >= 0 && x.ms[mi].whole.i == q {
				k = q
				continue
			}
		}
		// "hosted Myanmar junta-appointed Foreign Minister X", "met Dutch
		// Adm. X", "visited Kurdish politician X", "met presidential
		// candidate X": a nationality or a modifier the mention did not
		// take in.
		if x.mat(k) < 0 && t.Kind == text.Word && (lexicon.Places().Demonym(t.Lower) != "" || x.cls[k].has(clsPlace) && t.Cap ||
			lexicon.PeopleAndRegions[t.Lower] && t.Cap ||
			!t.Cap && !lexicon.IsVerb(t.Lower) && !lexicon.FunctionWords[t.Lower] && (strings.Contains(t.Lower, "-") || x.cls[k].has(clsTitleModifier))) {
			q := k + 1
			for q < k+3 && x.mat(q) < 0 && x.tok(q).Kind == text.Word && !x.tok(q).Cap && strings.Contains(x.tok(q).Lower, "-") {
				q++
			}
			if mi := x.mat(q); mi >= 0 && x.ms[mi].whole.i == q && x.ms[mi].kind == mName {
				k = q
				continue
			}
		}
		// "hosted the IMF's managing director, X", "received UNIFIL's Head
		// of Mission and Force Commander, General X": an organisation's
		// possessive and the rest of the title before the name.
		if q := x.titleAfterOwner(k); q > k {
			k = q
			continue
		}
		if t.Kind == text.Word && !t.Cap || t.Kind == text.Word && t.Cap && x.mat(k) < 0 {
			// A noun phrase that is not a person: a delegation, or a thing.
			if g := x.delegationAt(k); g != nil {
				return x.splitSeparate(g, span{j, j})
			}
			return nil
		}
		k++
	}
	return nil
}

// nameAfterPossessive returns where the name starts in "his good friend
// President X", "my friend X", "her host, Senator X", "his brother, X": a
// possessive, one or two lower-case words that are no verb, an optional
// comma, then a name. It returns k when the words at k are not that.
func (x *sentence) nameAfterPossessive(k int) int {
	if !x.tok(k).Is("his", "her", "their", "my", "our") {
		return k
	}
	r := k + 1
	for r < len(x.toks) && r <= k+2 && x.mat(r) < 0 && x.toks[r].Kind == text.Word && !x.toks[r].Cap &&
		!lexicon.FunctionWords[x.toks[r].Lower] && !(lexicon.IsVerb(x.toks[r].Lower) && !relationNouns[x.toks[r].Lower]) {
		r++
	}
	if r == k+1 {
		return k
	}
	if x.tok(r).Text == "," {
		r++
	}
	if mi := x.mat(r); mi >= 0 && x.ms[mi].kind == mName && x.ms[mi].whole.i == r {
		return r
	}
	return k
}

// relationNouns are nouns that are verbs too but name a person by their
// relation to someone: "his host", "her guest".
var relationNouns = map[string]bool{"host": true, "guest": true, "friend": true, "counterpart": true, "aide": true}

// titleAfterOwner returns where the name starts in "the IMF's managing
// director, X" or "UNIFIL's Head of Mission and Force Commander, General
// X", read from k: capitalised words that are no one's name ending in a
// possessive, then at most six words of a title (no verb, no preposition
// but "of" and "for") up to a mention that is no complement. It returns k
// when the words at k are not that.
func (x *sentence) titleAfterOwner(k int) int {
	q := k
	for q < len(x.toks) && q < k+5 && x.mat(q) < 0 && (x.toks[q].Cap && x.toks[q].Kind == text.Word || x.toks[q].Is("the", "of")) {
		q++
	}
	if q == k || q >= len(x.toks) || x.toks[q].Kind != text.Poss || !x.toks[q-1].Cap {
		return k
	}
	for r := q + 1; r < len(x.toks) && r <= q+7; r++ {
		if mi := x.mat(r); mi >= 0 {
			if x.ms[mi].complement || x.ms[mi].whole.i != r {
				return k
			}
			return r
		}
		t := x.toks[r]
		switch {
		case t.Text == ",", t.Is("of", "for", "and", "the"):
		case t.Kind != text.Word, !t.Cap && (lexicon.IsVerb(t.Lower) || lexicon.FunctionWords[t.Lower]):
			return k
		}
	}
	return k
}

// describingWord reports a word that may describe a person before their
// name without being a title the lexicon knows: "top", "Chinese",
// "foreign", "policy", "official", "economist".
func describingWord(t text.Token, c class) bool {
	l := t.Lower
	return c.has(clsTitleModifier|clsPlace) || descriptionModifiers[l] || lexicon.PersonNouns[l] || lexicon.Descriptors[l] ||
		l == "policy" || l == "top"
}

// separateGroupAfter reads "and, separately, X" or "and separately a
// delegation of X and Y" at token k and returns the second group.
func (x *sentence) separateGroupAfter(k int) []int {
	q := k
	for q < len(x.toks) && q < k+4 && (x.toks[q].Text == "," || x.toks[q].Is("and")) {
		q++
	}
	if !x.tok(q).Is("separately") {
		return nil
	}
	q++
	for x.tok(q).Text == "," {
		q++
	}
	if mi := x.mat(q); mi >= 0 && !x.ms[mi].complement {
		return x.listFrom(mi)
	}
	return x.delegationAt(q)
}

// delegationNouns head noun phrases that stand for the people who lead or
// make them up: "a Saudi delegation made up of X and Y", "a team led by
// X", "ministers of the cabinet: A, B and C".
var delegationNouns = wordList(`delegation delegations team mission group party entourage visitors guests members
	contingent ministers officials dignitaries leaders delegates envoys ambassadors officers representatives
	lawmakers legislators mayors governors chiefs commanders aides advisers advisors diplomats executives`)

// delegationInDashes reads "his delegation - A and B -" whose closing
// dash is at q: the people between the dashes, and the delegation noun's
// position; nil when the dashes set off something else.
func (x *sentence) delegationInDashes(q int) ([]int, int) {
	for o := q - 1; o > 0 && o >= q-30; o-- {
		if x.toks[o].Text != "-" && !isDash(x.toks[o].Text) {
			continue
		}
		// "The leaders of France, Germany and Poland — A, B and C —": the
		// group's countries between.
		n := o - 1
		for n > 0 && n >= o-10 && !delegationNouns[x.toks[n].Lower] && x.mat(n) < 0 &&
			(x.toks[n].Kind == text.Word && x.toks[n].Cap || x.toks[n].Is("of", "and", "the") || x.toks[n].Text == ",") {
			n--
		}
		if !delegationNouns[x.toks[n].Lower] || n < o-1 && !x.tok(n+1).Is("of") {
			return nil, 0
		}
		// The first member, past a title the mention did not take in
		// ("Minister of Foreign and Caricom Affairs Dennis Moses").
		first := o + 1
		for first < q && x.mat(first) < 0 && (x.toks[first].Cap || x.toks[first].Is("of", "and", "for", "the")) {
			first++
		}
		if x.mat(first) < 0 {
			return nil, 0
		}
		list := x.listFrom(x.mat(first))
		if last := x.ms[list[len(list)-1]].whole.j; last != q {
			return nil, 0
		}
		return list, o - 1
	}
	return nil, 0
}

// dashOpening returns the dash that opens an insertion closed by the dash
// at q, within the clause, or -1.
func (x *sentence) dashOpening(q int) int {
	for o := q - 1; o > 0 && o >= q-30; o-- {
		t := x.toks[o]
		if t.Text == ";" || t.Text == "." || t.Kind == text.Quote {
			return -1
		}
		if isDash(t.Text) {
			return o
		}
	}
	return -1
}

// relativeClauseStart returns the comma that opens a relative clause
// ("X, who is accompanied by A and the Speaker, Mr. B,") closed by the
// comma at q, or -1.
func (x *sentence) relativeClauseStart(q int) int {
	for c := q - 1; c > 0 && c >= q-30; c-- {
		t := x.toks[c]
		if t.Text == ";" || t.Text == ":" || t.Text == "." || t.Kind == text.Quote {
			return -1
		}
		if t.Text == "," && x.tok(c+1).Is("who", "whose", "which") {
			return c
		}
	}
	return -1
}

// groupObjectAt reports a definite group noun phrase at k that names no
// one: "the team", "the visiting delegation", "the Somali mayors".
func (x *sentence) groupObjectAt(k int) bool {
	if !x.tok(k).Is("the", "their", "his", "her", "this") {
		return false
	}
	for q := k + 1; q <= k+3; q++ {
		t := x.tok(q)
		if x.mat(q) >= 0 || t.Kind != text.Word {
			return false
		}
		if delegationNouns[t.Lower] {
			next := x.tok(q + 1)
			return !next.Is("of", "led", "headed", "from", "comprising", "including") && x.mat(q+1) < 0
		}
	}
	return false
}

// delegationAt reads a delegation noun phrase starting at k and returns
// the people it names: after "led by", "headed by", "made up of",
// "comprising", "including", or its own members.
func (x *sentence) delegationAt(k int) []int {
	end := min(len(x.toks), k+8)
	head := -1
	for q := k; q < end; q++ {
		if x.mat(q) >= 0 {
			break
		}
		if delegationNouns[x.toks[q].Lower] {
			head = q
			break
		}
		if x.toks[q].Text == "," || x.toks[q].Text == ";" {
			break
		}
	}
	if head < 0 {
		return nil
	}
	for q := head + 1; q < len(x.toks) && q < head+16; q++ {
		t := x.toks[q]
		if t.Text == ";" || t.Text == "." {
			return nil
		}
		if t.Is("by", "of", "comprising", "including", "consisting", "with", "namely", "among", "them") || t.Text == ":" || t.Text == "," && q == head+1 {
			n := q + 1
			for x.tok(n).Is("of", "them", "as", "its", "his", "her", "their", "the") && (x.mat(n) < 0 || x.tok(n).Is("them")) {
				n++
			}
			// "led by the party's Secretary General, X".
			if x.mat(n) < 0 && x.tok(n+1).Kind == text.Poss {
				n += 2
				for r := n; r < len(x.toks) && r < n+5 && x.mat(r) < 0; r++ {
					if x.cls[r].has(clsTitleHead | clsTitleModifier) {
						continue
					}
					if x.toks[r].Text == "," && r > n {
						n = r + 1
					}
					break
				}
			}
			if mi := x.mat(n); mi >= 0 && !x.ms[mi].complement {
				return x.listFrom(mi)
			}
		}
	}
	return nil
}

// whomAntecedent returns the mention a "whom" right before the subject
// mention si stands for ("X, whom Y met"), or -1.
func (x *sentence) whomAntecedent(si int) int {
	w := x.ms[si].whole.i - 1
	if !x.tok(w).Is("whom") || x.tok(w-1).Text != "," {
		return -1
	}
	mi := x.mat(w - 2)
	if mi < 0 || mi == si || x.ms[mi].whole.j != w-1 || x.ms[mi].complement || x.ms[mi].kind == mPronoun {
		return -1
	}
	return mi
}

// gappedObject reads "met A on Monday and B on Tuesday": after the
// object and its date, "and", a second name and a date of its own. It
// returns the frame of the second meeting, dated by that date, or by the
// first when the second name has none ("met A on Monday and B.").
func (x *sentence) gappedObject(f frame) (frame, bool) {
	if len(f.partners) != 1 || len(f.partners[0]) == 0 || f.passive || f.nominal {
		return frame{}, false
	}
	g := f.partners[0]
	first := x.dateAfterPlace(x.ms[g[len(g)-1]].whole.j)
	if first < 0 {
		return frame{}, false
	}
	q := x.d.dates[x.si][first].J
	if x.tok(q).Text == "," {
		q++
	}
	if !x.tok(q).Is("and") {
		return frame{}, false
	}
	// "phoned X on Monday and again on Tuesday", "met X on 9 May and on
	// 29 May": the same partner, a second time.
	if x.tok(q + 1).Is("again") {
		if second := x.dateRightAfter(q + 2); second >= 0 && second != first {
			h := f
			h.gapDate = second + 1
			return h, true
		}
		return frame{}, false
	}
	// "met X in 1997 and 2003", "met X in Beijing on April 6 and in
	// Guangzhou on April 7": the same partner, a second time.
	if second := x.dateAfterPlace(q + 1); second >= 0 && second != first && (x.tok(q+1).Is("on", "in", "at") || x.d.dates[x.si][second].I == q+1) {
		h := f
		h.gapDate = second + 1
		return h, true
	}
	// "met with A on Monday and with B on Tuesday".
	if x.tok(q + 1).Is("with") {
		q++
	}
	mi := x.mat(q + 1)
	if mi < 0 || x.ms[mi].kind != mName || x.ms[mi].complement || x.ms[mi].whole.i != q+1 {
		return frame{}, false
	}
	second := x.dateAfterPlace(x.ms[mi].whole.j)
	if second < 0 {
		// "met A on Monday and B.": the same day, unless B goes on to
		// be the subject of a clause of its own ("and B said ...").
		if next := x.tok(x.ms[mi].whole.j); !(next.Text == "." || next.Text == "," || next.Text == ";" || next.Is("in", "at")) {
			return frame{}, false
		}
		second = first
	}
	h := f
	h.partners = [][]int{{mi}}
	h.gapDate = second + 1
	return h, true
}

// appositiveNameAfter returns the name set off by a comma after
// description mi and the words that complete it ("the Chief Executive of
// the Italian group Eni, Claudio Descalzi,"), or -1.
func (x *sentence) appositiveNameAfter(mi int) int {
	for q := x.ms[mi].whole.j; q < len(x.toks) && q < x.ms[mi].whole.j+10; q++ {
		t := x.toks[q]
		if t.Text == "," {
			if ni := x.mat(q + 1); ni >= 0 && x.ms[ni].kind == mName && x.ms[ni].whole.i == q+1 &&
				(x.tok(x.ms[ni].whole.j).Text == "," || x.tok(x.ms[ni].whole.j).Text == ".") {
				return ni
			}
			return -1
		}
		if x.mat(q) >= 0 || t.Kind == text.Word && !t.Cap && lexicon.IsVerb(t.Lower) && !t.Is("group") {
			return -1
		}
	}
	return -1
}

// pastDate returns k, or the token after a date that starts at k
// ("Received on Tuesday by X").
func (x *sentence) pastDate(k int) int {
	for _, dm := range x.d.dates[x.si] {
		if dm.I == k {
			return dm.J
		}
	}
	return k
}

// nameAfterPrefix returns where a name's mention starts after tokens
// from k that are the rest of a rank, style or stacked title it did not
// take in ("Air Vice", "Lt.-", "the Hon.", "Deputy Prime Minister -"),
// or k when there are none.
func (x *sentence) nameAfterPrefix(k int) int {
	r := k
	for r < len(x.toks) && r < k+5 && x.mat(r) < 0 {
		t := x.toks[r]
		rankLike := t.Kind == text.Word && t.Cap && !x.isDateToken(r) && !x.cls[r].has(clsPlace) ||
			t.Is("the") && r == k || t.Text == "-" || t.Text == "." || strings.Contains(t.Text, ".")
		if !rankLike {
			return k
		}
		r++
	}
	if r > k && x.mat(r) >= 0 && x.ms[x.mat(r)].kind == mName && x.ms[x.mat(r)].whole.i == r && !x.ms[x.mat(r)].complement {
		return r
	}
	return k
}

// dateAfterPlace is dateRightAfter past a place: "met X in Zagreb on 13
// June and Y in Banja Luka the following day".
func (x *sentence) dateAfterPlace(k int) int {
	if d := x.dateRightAfter(k); d >= 0 || !x.tok(k).Is("in", "at") {
		return d
	}
	q := k + 1
	for q < len(x.toks) && q < k+5 && x.toks[q].Kind == text.Word && x.toks[q].Cap && x.mat(q) < 0 && !x.isDateToken(q) {
		q++
	}
	if q == k+1 {
		return -1
	}
	return x.dateRightAfter(q)
}

// dateRightAfter returns the index among the sentence's dates of the date
// that starts at token k (with its "on", if any), or after an "on" or "in"
// there; -1 when there is none.
func (x *sentence) dateRightAfter(k int) int {
	for i, dm := range x.d.dates[x.si] {
		if dm.I == k || dm.I == k+1 && x.tok(k).Is("on", "in") {
			return i
		}
	}
	return -1
}

// splitSeparate cuts a partner list into separate meetings when the
// sentence says so: "met separately with A, with B and with C", "received
// A and, separately, B".
func (x *sentence) splitSeparate(g []int, trig span) [][]int {
	if len(g) < 2 {
		return [][]int{g}
	}
	separate := false
	// "met A and B, the top legislator, separately": past the comma that
	// closes the last one's appositive.
	end := x.ms[g[len(g)-1]].whole.j
	if x.tok(end).Text == "," {
		end++
	}
	// "met A, B and C in separate meetings".
	if x.tok(end).Is("in") && x.tok(end+1).Is("separate") {
		end++
	}
	for k := max(0, trig.i-3); k < len(x.toks) && k <= end; k++ {
		// "a separate session with A and B" is one session apart from
		// another; "separate meetings with A and B" are several.
		if separateCues[x.toks[k].Lower] && !x.tok(k-1).Is("a", "an") {
			separate = true
		}
		// "met A and later B": one after the other; "spoke with A, and
		// with B": each on their own.
		if k > x.ms[g[0]].whole.j && x.toks[k].Is("later", "subsequently", "afterwards") {
			separate = true
		}
		if k > x.ms[g[0]].whole.j && x.toks[k].Is("with") && x.tok(k-1).Is("and") {
			separate = true
		}
		// "held meetings with A and B", "bilateral meetings with A and
		// B": one meeting with each (not "held talks", one meeting).
		if k >= trig.i && k < trig.j && x.toks[k].Is("meetings", "bilaterals", "audiences") && !x.tok(k-1).Is("joint", "trilateral", "several") {
			separate = true
		}
	}
	if !separate {
		return [][]int{g}
	}
	out := make([][]int, 0, len(g))
	for _, mi := range g {
		out = append(out, []int{mi})
	}
	return out
}

// subjectNoun returns the head noun of a passive's subject when it is no
// person: "The audience was attended by ...".
func (x *sentence) subjectNoun(k int) string {
	for q := k - 1; q >= 0 && q >= k-14; q-- {
		t := x.toks[q]
		if matchNoun(x.toks, q, meetingNouns) > 0 || t.Is("it", "ceremony", "signing", "event", "occasion", "reception", "dinner", "lunch") {
			return t.Lower
		}
	}
	return ""
}

// chairBefore returns the people of "chaired by X", "hosted by X",
// "presided over by X" in the subject before an attendance verb at k.
func (x *sentence) chairBefore(k int) []int {
	for q := k - 1; q >= 0 && q >= k-14; q-- {
		if x.toks[q].Is("by") && x.tok(q-1).Is("chaired", "hosted", "led", "convened", "headed") || x.tok(q-1).Is("over") && x.tok(q-2).Is("presided") {
			if mi := x.mat(q + 1); mi >= 0 && x.ms[mi].kind == mName {
				return x.coordinated(mi)
			}
		}
	}
	return nil
}

// objectNoun returns the meeting noun an attendance predicate takes as
// object: "attended the meeting", "joined the talks", "took part in
// El-Sisi's talks with Abbas".
// hostsOfObject returns the people of "attended the meeting chaired by X",
// "attended a dinner hosted by X": the ones named after a participle of
// hosting that follows the meeting noun read from j.
func (x *sentence) hostsOfObject(j int) []int {
	for q := j; q < len(x.toks) && q < j+6; q++ {
		n := matchNoun(x.toks, q, meetingNouns)
		if n == 0 {
			if x.toks[q].Text == "," || x.mat(q) >= 0 {
				return nil
			}
			continue
		}
		r := q + n
		if !x.tok(r).Is("chaired", "hosted", "led", "convened", "organised", "organized", "given", "thrown") {
			return nil
		}
		if x.tok(r + 1).Is("by") {
			if mi := x.mat(r + 2); mi >= 0 && !x.ms[mi].complement {
				return x.listFrom(mi)
			}
		}
		return nil
	}
	return nil
}

func (x *sentence) objectNoun(j int) string {
	for q := j; q < len(x.toks) && q < j+6; q++ {
		t := x.toks[q]
		if x.mat(q) >= 0 && x.ms[x.mat(q)].kind == mName {
			if x.tok(x.ms[x.mat(q)].whole.j).Kind == text.Poss {
				q = x.ms[x.mat(q)].whole.j
				continue
			}
			return ""
		}
		if matchNoun(x.toks, q, meetingNouns) > 0 || t.Is("it", "ceremony", "signing", "occasion", "event") {
			return t.Lower
		}
		if t.Text == "," || t.Text == "." || t.Text == ";" {
			return ""
		}
	}
	return ""
}

// nominalFrames finds meetings and calls named by a noun with their
// partners: "the meeting between X and Y", "X's talks with Y", "in a
// telephone conversation with Y", "during her meeting with Y".
func (x *sentence) nominalFrames(used []bool) []frame {
	var out []frame
	for k := 0; k < len(x.toks); k++ {
		if used[k] || x.mat(k) >= 0 && x.ms[x.mat(k)].kind == mName {
			continue
		}
		n := matchNoun(x.toks, k, meetingNouns)
		kind := kindMeeting
		if c := matchNoun(x.toks, k, callNouns); c >= n && c > 0 && !x.toks[k].Is("call", "calls") || c > 0 && x.toks[k].Is("call") && !x.tok(k-1).Is("courtesy") {
			n, kind = c, kindCall
		}
		if n == 0 {
			continue
		}
		if f, ok := x.toldAtMeeting(k, k+n, kind); ok {
			for t := k; t < k+n; t++ {
				used[t] = true
			}
			out = append(out, f)
			continue
		}
		if x.toks[k].Is("reception", "lunch", "dinner", "breakfast", "luncheon", "banquet") && beForms[x.tok(k+n).Lower] &&
			x.tok(k+n+1).Is("held", "given", "hosted", "organised", "organized", "thrown", "offered") {
			// "A dinner was given in honour of X by Y".
			guest := x.afterPreposition(k+n+2, []string{"for", "in honour of", "in honor of"})
			host := x.afterPreposition(k+n+2, []string{"by"})
			if len(guest) > 0 && len(host) > 0 {
				for t := k; t < k+n; t++ {
					used[t] = true
				}
				f := frame{rule: "meal-given-by", sent: x.si, trigger: span{k, k + n + 2}, kind: kindMeeting, nominal: true,
					subject: host, partners: [][]int{guest}}
				f.planned = x.nounPlanned(k) || x.isPlanned(k+n)
				out = append(out, f)
				continue
			}
		}
		if x.toks[k].Is("reception", "lunch", "dinner", "breakfast", "luncheon", "banquet") && x.adverbialNoun(k) {
			// "X thanked Y for her hospitality during a dinner": the
			// one addressed was at the meal.
			if f, ok := x.toldDuring(k, k+n, kind); ok {
				for t := k; t < k+n; t++ {
					used[t] = true
				}
				out = append(out, f)
				continue
			}
		}
		if x.toks[k].Is("visit", "reception", "lunch", "dinner", "breakfast", "luncheon", "banquet", "summit") {
			// A visit or a meal "with" someone is no meeting by itself;
			// a summit with a named leader is ("for a summit with
			// President X").
			named := x.toks[k].Is("summit") && x.tok(k+n).Is("with") && x.nameAfter(k+n+1)
			// "Macron's dinner with Scholz": a named person's meal with
			// another.
			if x.toks[k].Is("lunch", "dinner", "breakfast", "luncheon") && x.tok(k-1).Kind == text.Poss && x.mat(k-2) >= 0 &&
				x.ms[x.mat(k-2)].kind == mName && x.tok(k+n).Is("with") && x.nameAfter(k+n+1) {
				named = true
			}
			if !x.tok(k+n).Is("between") && !named {
				continue
			}
		}
		j := k + n
		// A caption: "A and B during their meeting on December 15",
		// "A (centre) during a meeting with his Iraqi counterpart".
		if kind == kindMeeting && x.tok(k-1).Is("the", "their", "a", "an") && x.tok(k-2).Is("during", "at", "after", "before") {
			if mi := x.mat(k - 3); mi >= 0 && x.ms[mi].kind == mName && x.noVerbBefore(x.ms[mi].whole.i) {
				subj := x.coordinated(mi)
				// "Prime Minister X with President Y during a meeting in
				// Cairo on Sunday".
				if w := x.ms[subj[0]].whole.i - 1; x.tok(w).Is("with") {
					if pi := x.mat(w - 1); pi >= 0 && x.ms[pi].kind == mName && !slices.Contains(subj, pi) {
						subj = append(x.coordinated(pi), subj...)
					}
				}
				if x.noVerbBefore(x.ms[subj[0]].whole.i) {
					f := frame{rule: "caption", sent: x.si, trigger: span{k, j}, kind: kind, nominal: true, subject: subj}
					if g := x.afterPreposition(j, []string{"with"}); g != nil && x.tok(j).Is("with") {
						f.partners = [][]int{g}
					}
					if len(subj) >= 2 || len(f.partners) > 0 {
						for t := k; t < j; t++ {
							used[t] = true
						}
						out = append(out, f)
						continue
					}
				}
			}
		}
		// "A and B addressed reporters after their talks": the pair the
		// sentence is about met.
		if kind == kindMeeting && x.tok(k-1).Is("their") && x.tok(k-2).Is("during", "at", "after", "before", "following") {
			if subj := x.sentenceSubject(); len(subj) >= 2 {
				f := x.subjectPairFrame("their-"+strings.ReplaceAll(x.toks[k].Lower, " ", "-"), k, j, kind, subj)
				for t := k; t < j; t++ {
					used[t] = true
				}
				out = append(out, f)
				continue
			}
		}
		// "talks lasting several hours with", "the meeting held on Sunday
		// with", "talks in Zurich with".
		q := j
		for q < len(x.toks) && q < j+6 && !x.tok(q).Is("with", "between", "of", "to", "from") && x.mat(q) < 0 &&
			x.tok(q).Text != "," && x.tok(q).Text != "." {
			q++
		}
		prep := x.tok(q)
		if !prep.Is("with", "between", "to", "from") || prep.Is("to", "from") && kind != kindCall {
			// "X and Y spent an hour in direct talks": the sentence's
			// subject, two people or more, met.
			// "Wang told his Russian counterpart Lavrov in a phone call
			// on Friday that ...": the one who spoke and the one addressed.
			if x.adverbialNoun(k) {
				// "X told Y in a phone call", "X thanked Y for her
				// hospitality during a dinner".
				if f, ok := x.toldDuring(k, j, kind); ok {
					for t := k; t < j; t++ {
						used[t] = true
					}
					out = append(out, f)
					continue
				}
			}
			if x.adverbialNoun(k) && (kind == kindMeeting || kind == kindCall) && !x.tok(k-1).Is("the", "that", "this", "their", "his", "her", "its") {
				if subj := x.sentenceSubject(); len(subj) >= 2 {
					f := x.subjectPairFrame("noun-adverbial-"+x.toks[k].Lower, k, j, kind, subj)
					for t := k; t < j; t++ {
						used[t] = true
					}
					out = append(out, f)
					continue
				}
			}
			// "Their most recent political talks were held in April 2012",
			// "Sunday's meeting between ..." without partner: the
			// possessor group met.
			if poss := x.possessorOf(k); len(poss) > 0 && (len(poss) >= 2 || x.ms[poss[0]].kind == mGroup) && x.hasDateOf(k) {
				f := frame{rule: "noun-possessed-" + x.toks[k].Lower, sent: x.si, trigger: span{k, j}, kind: kind, nominal: true, subject: poss}
				f.planned = x.nounPlanned(k)
				for t := k; t < j; t++ {
					used[t] = true
				}
				out = append(out, f)
			}
			continue
		}
		f := frame{rule: "noun-" + strings.ReplaceAll(x.toks[k].Lower, " ", "-"), sent: x.si, trigger: span{k, j}, kind: kind, nominal: true}
		// A bare "call" is a phone call only when the text says so; "sat
		// in on the call with the Senior General" is a courtesy call.
		f.bareCall = kind == kindCall && n == 1 && x.toks[k].Is("call", "calls") && !x.hasCallCue(span{k, j})
		f.planned = x.nounPlanned(k)
		if kind == kindMeeting && x.hasCallCue(span{k, j}) {
			f.kind = kindCall
		}
		g := x.afterPreposition(q, []string{prep.Lower})
		if g == nil {
			continue
		}
		if prep.Is("between") {
			f.subject = g
			// "talks between the strongman and a delegation of African
			// heads of state": a side the sentence does not name.
			if x.delegationAhead(x.ms[g[len(g)-1]].whole.j) {
				f.openPartner = true
			}
			// "Zuma said after talks between X and Y": the speaker took
			// part.
			if sp := x.speakerBeforeAfter(k); sp >= 0 {
				f.subject = appendNew(f.subject, sp)
			}
		} else {
			f.partners = x.splitSeparate(g, span{k, j})
			f.subject = x.possessorOf(k)
			if f.subject == nil && x.adverbialNoun(k) {
				// "X went over the visit in a telephone conversation
				// with Y": the sentence's subject talked to Y.
				f.subject = x.sentenceSubject()
			}
			if f.subject == nil {
				f.subject = x.subjectOf(k)
			}
			if x.purposeNoun(k) {
				// "Park travelled to China for a summit with X": the
				// subject of the verb the purpose belongs to; "Rowley
				// was back for a meeting with X": the sentence's. "Is
				// expected to visit Washington for talks with X": planned.
				v := x.previousVerb(k)
				if v >= 0 {
					f.planned = f.planned || x.isPlanned(v)
				}
				if f.subject == nil && v >= 0 {
					f.subject = x.subjectOf(v)
				}
				if f.subject == nil {
					f.subject = x.sentenceSubject()
				}
			}
			if f.subject == nil {
				f.subject = x.mainSubjectAfter(q)
				// "During a meeting with the German Ambassador, Peter
				// Prügel, Samir Saied stressed": past the partner's
				// appositive name.
				if len(f.subject) > 0 && len(f.partners) > 0 && slices.Contains(f.partners[0], f.subject[0]) {
					f.subject = x.mainSubjectAfter(x.ms[f.subject[len(f.subject)-1]].whole.j)
				}
				// "The talks were held with A and B, Kremlin spokesman X
				// told reporters": outside an opening phrase, the one who
				// tells of it is the source, not a side.
				if len(f.subject) > 0 && openingPhraseEnd(x.toks) <= k {
					end := x.ms[f.subject[len(f.subject)-1]].whole.j
					if lexicon.SpeechVerbs[x.tok(end).Lower] && (x.tok(end+1).Is("reporters", "journalists") || x.tok(end+1).Text == "." || end+1 >= len(x.toks)) {
						f.subject = nil
					}
				}
			}
			// "During a meeting with the German Ambassador, Peter Prügel,
			// Samir Saied stressed": not the partner named in apposition.
			if len(f.subject) > 0 && len(f.partners) > 0 && slices.Contains(f.partners[0], f.subject[0]) {
				f.subject = x.mainSubjectAfter(x.ms[f.subject[len(f.subject)-1]].whole.j)
			}
			// "X received on Sunday a phone call from Y": the noun is the
			// object of a verb whose subject is the other side.
			if f.subject == nil && prep.Is("from", "to") {
				if v := x.previousVerb(k); v >= 0 && v >= k-8 && !commaBetween(x.toks, v, k) {
					f.subject = x.subjectOf(v)
				}
			}
		}
		for t := k; t < j; t++ {
			used[t] = true
		}
		out = append(out, f)
	}
	return out
}

// subjectPairFrame is the frame of a meeting noun at [k, j) whose sides
// are the sentence's subject subj, two people or more ("A and B addressed
// reporters after their talks", "X and Y spent an hour in direct talks"):
// planned when its words say so, a call when a phone word stands by it
// ("discuss N. Korea by phone in first talks").
func (x *sentence) subjectPairFrame(rule string, k, j int, kind frameKind, subj []int) frame {
	f := frame{rule: rule, sent: x.si, trigger: span{k, j}, kind: kind, nominal: true, subject: subj}
	f.planned = x.nounPlanned(k) || x.isPlanned(k)
	if x.hasCallCue(span{k, j}) {
		f.kind = kindCall
	}
	return f
}

// adverbialNoun reports a meeting noun inside an adverbial phrase: "in a
// telephone conversation", "during talks", "at a meeting", "went straight
// into talks".
func (x *sentence) adverbialNoun(k int) bool {
	for q := k - 1; q >= 0 && q >= k-6; q-- {
		t := x.toks[q]
		if t.Is("in", "during", "at", "after", "before", "over", "into") {
			return true
		}
		// "during a 40-minute phone call": a duration's number and hyphen.
		if !(t.Is("a", "an", "the", "their", "his", "her") || t.Kind == text.Word && !t.Cap || t.Kind == text.Number || t.Text == "-") {
			return false
		}
	}
	return false
}

// addressVerbs say that one person spoke to another face to face when an
// opening phrase puts them at a meeting: "At the lunch, X told Y that".
var addressVerbs = wordList(`told tells asked asks assured assures urged urges informed informs warned warns
	thanked thanks congratulated congratulates briefed briefs pressed presses reassured reassures reminded
	handed gave invited invites conveyed conveys expressed expresses extended extends`)

// toldAtMeeting reads "At the previous such lunch, on June 26, Mattarella
// told Meloni that ...": a meeting noun in the opening phrase and a main
// clause in which one person addresses another: the two met there.
func (x *sentence) toldAtMeeting(k, j int, kind frameKind) (frame, bool) {
	open := openingPhraseEnd(x.toks)
	// "In a phone call on Tuesday, X told Y ...", "At the lunch, X told Y".
	if kind != kindMeeting && kind != kindCall || open == 0 || k >= open || !x.toks[x.first].Is("at", "during", "over", "in") {
		return frame{}, false
	}
	subj := x.sentenceSubject()
	if len(subj) == 0 {
		return frame{}, false
	}
	v := x.ms[subj[len(subj)-1]].whole.j
	for v < len(x.toks) && lexicon.Adverbs[x.toks[v].Lower] {
		v++
	}
	if !addressVerbs[x.tok(v).Lower] {
		return frame{}, false
	}
	mi := x.mat(v + 1)
	if mi < 0 || x.ms[mi].kind == mGroup || x.ms[mi].complement {
		return frame{}, false
	}
	f := frame{rule: "told-at-meeting", sent: x.si, trigger: span{k, j}, kind: kind, nominal: true, subject: subj,
		partners: [][]int{{mi}}}
	f.planned = x.nounPlanned(k)
	return f, true
}

// speakerBeforeAfter returns the mention of the person who spoke "after"
// the meeting noun at k: "Zuma said on Sunday after talks between ...",
// "X told reporters after several hours of discussions". Else -1.
func (x *sentence) speakerBeforeAfter(k int) int {
	q := k - 1
	for q >= 0 && q >= k-6 && !x.toks[q].Is("after") {
		if x.toks[q].Kind != text.Word && x.toks[q].Kind != text.Number || x.mat(q) >= 0 {
			return -1
		}
		q--
	}
	if q < 0 || !x.toks[q].Is("after") {
		return -1
	}
	for v := q - 1; v >= 0 && v >= q-6; v-- {
		if lexicon.SpeechVerbs[x.toks[v].Lower] {
			if mi := x.mat(v - 1); mi >= 0 && x.ms[mi].kind == mName && !x.ms[mi].complement {
				return mi
			}
			return -1
		}
		if x.toks[v].Text == "," || x.mat(v) >= 0 {
			return -1
		}
	}
	return -1
}

// factiveGerundVerbs take a gerund that happened: "recalled hosting X",
// "began meeting X" ("denied meeting X", "considered visiting X" did
// not, and are not listed).
var factiveGerundVerbs = wordList(`recalled recalls remembered remembers began begins started starts finished
	finishes continued continues resumed resumes kept keeps enjoyed enjoys spent spends ended ends wrapped
	concluded concludes`)

// toldDuring reads "X told Y in a phone call": an address verb right
// before the object and the adverbial call noun at k.
func (x *sentence) toldDuring(k, j int, kind frameKind) (frame, bool) {
	for v := k - 1; v >= 0 && v >= k-16; v-- {
		if !addressVerbs[x.toks[v].Lower] {
			continue
		}
		subj := x.subjectOf(v)
		mi := x.mat(v + 1)
		// "conveyed greetings to X", "expressed his thanks to X": the
		// one addressed after "to".
		for q := v + 1; mi < 0 && q <= v+4 && q < k; q++ {
			if x.toks[q].Is("to") {
				mi = x.mat(q + 1)
				break
			}
			if x.toks[q].Kind != text.Word || x.toks[q].Cap {
				break
			}
		}
		if len(subj) == 0 || mi < 0 || x.ms[mi].kind == mGroup || x.ms[mi].complement || x.ms[mi].whole.j > k {
			return frame{}, false
		}
		f := frame{rule: "told-during-" + x.toks[k].Lower, sent: x.si, trigger: span{k, j}, kind: kind, nominal: true,
			subject: subj, partners: [][]int{{mi}}}
		f.planned = x.nounPlanned(k)
		return f, true
	}
	return frame{}, false
}

// purposeNoun reports a meeting noun that says what someone went or was
// somewhere for: "was back for a meeting with X", "flew to Beijing for
// talks with X"; not when the meeting was only asked or hoped for
// ("called for talks", "ready for a meeting").
func (x *sentence) purposeNoun(k int) bool {
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		t := x.toks[q]
		if t.Is("for") {
			return !purposeOnlyBefore[x.tok(q-1).Lower]
		}
		if !(t.Is("a", "an", "the", "his", "her", "their") || t.Kind == text.Word && !t.Cap) {
			return false
		}
	}
	return false
}

// purposeOnlyBefore are words before "for" that make the meeting wanted,
// not held: "called for talks", "pressed for a meeting", "ready for a
// summit".
var purposeOnlyBefore = wordList(`call calls called calling ask asks asked asking push pushed pushing press pressed
	pressing appeal appealed appeals request requested requests prepare prepared preparing preparations ready
	open plan plans planned hope hoped hopes wait waited waiting pave paved time need needs needed demand demanded
	demands bid reason reasons way room prospects chance hopes support supported urge urged lobby lobbied
	campaign campaigned arrangements date venue agenda opportunity opportunities platform`)

// nameAfter reports a named person's mention at token k, past "the" and
// a description ("with the Chinese President Xi Jinping").
func (x *sentence) nameAfter(k int) bool {
	for q := k; q < len(x.toks) && q < k+6; q++ {
		if mi := x.mat(q); mi >= 0 {
			return x.ms[mi].kind == mName
		}
	}
	return false
}

// sentenceSubject returns the first mention of the sentence's main
// clause when it stands before any verb: past an opening phrase ("In a
// Wednesday meeting with X, Rouhani said"), past a quotation and names
// the article does not know as people.
func (x *sentence) sentenceSubject() []int {
	start := openingPhraseEnd(x.toks)
	if start > 0 {
		start++
	}
	for k := start; k < len(x.toks); k++ {
		if x.s.Quoted[k] {
			continue
		}
		if mi := x.mat(k); mi >= 0 {
			m := &x.ms[mi]
			if m.kind == mName && m.ent < 0 {
				k = m.whole.j - 1
				continue
			}
			if m.complement {
				return nil
			}
			return x.coordinated(mi)
		}
		if t := x.toks[k]; t.Kind == text.Word && !t.Cap && lexicon.IsVerb(t.Lower) {
			return nil
		}
	}
	return nil
}

// hasDateOf reports a date expression that may date the noun at k: not
// one of a clause that starts after it with "since" or "until" ("their
// first conversation since X was executed in mid-December").
func (x *sentence) hasDateOf(k int) bool {
	for _, dm := range x.d.dates[x.si] {
		other := false
		for q := k + 1; q < dm.I; q++ {
			if x.toks[q].Is("since", "until") {
				other = true
				break
			}
		}
		if !other {
			return true
		}
	}
	return false
}

// possessorOf returns the possessor of the noun at k: "X's meeting",
// "his talks", "their call".
func (x *sentence) possessorOf(k int) []int {
	for q := k - 1; q >= 0 && q >= k-6; q-- {
		t := x.toks[q]
		if t.Kind == text.Poss && q > 0 && x.mat(q-1) >= 0 {
			return x.coordinated(x.mat(q - 1))
		}
		if t.Is("his", "her", "their") {
			if mi := x.mat(q); mi >= 0 {
				return []int{mi}
			}
			return []int{x.addPossessivePronoun(q)}
		}
		// "his December 7 video conversation": a date between.
		if x.isDateToken(q) {
			continue
		}
		if t.Kind != text.Word || t.Cap && x.mat(q) < 0 && !x.cls[q].has(clsTitleModifier) {
			break
		}
	}
	return nil
}

// addPossessivePronoun turns "his"/"her"/"their" at token q into a
// pronoun mention so that the discourse layer resolves it.
func (x *sentence) addPossessivePronoun(q int) int {
	m := mention{sent: x.si, kind: mPronoun, whole: span{q, q + 1}, name: span{q, q + 1}, text: x.toks[q].Lower,
		ent: -1, rule: "pronoun-possessive", complement: true}
	if x.toks[q].Is("their") {
		m.kind = mGroup
	}
	x.ms = append(x.ms, m)
	x.d.ments[x.si] = x.ms
	x.at[q] = len(x.ms) - 1
	return len(x.ms) - 1
}

// nounPlanned reports a meeting noun that its modifiers make planned or
// denied: "an upcoming meeting", "no meeting", "the proposed talks".
func (x *sentence) nounPlanned(k int) bool {
	if x.calledOffAfter(k) || x.deniedBefore(k) || x.plannedAfter(k) || x.yesNoQuestion() {
		return true
	}
	// "his programme would include talks with X", "will hold a meeting
	// with X": a modal before the noun's verb.
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		t := x.toks[q]
		if t.Is("will", "would", "shall", "could", "might", "may") {
			return true
		}
		if t.Kind != text.Word || t.Cap || x.mat(q) >= 0 || !(lexicon.IsVerb(t.Lower) || t.Is("a", "an", "the", "also", "further", "more")) {
			break
		}
	}
	// "arrives in Kampala on Friday for talks with X", "is expected in
	// Kampala for talks": the purpose of a journey still to come.
	if x.tok(k-1).Is("for") && !x.s.Headline {
		for q := k - 2; q >= 0 && q >= k-12; q-- {
			t := x.toks[q]
			if t.Text == "." || t.Text == ";" || x.mat(q) >= 0 {
				break
			}
			if t.Is("arrives", "heads", "travels", "flies", "departs", "leaves") || t.Is("expected", "due") && x.tok(q-1).Is("is", "are") {
				return true
			}
		}
	}
	for q := k - 1; q >= 0 && q >= k-4; q-- {
		t := x.toks[q]
		if t.Is("upcoming", "planned", "proposed", "possible", "expected", "future", "next", "forthcoming",
			"no", "scheduled", "potential", "prospective", "planned", "mooted", "first-ever", "would-be",
			"supposed", "alleged", "rumoured", "rumored", "purported", "hypothetical", "requested", "resumption",
			"resuming", "resume", "revival", "reviving") {
			return true
		}
		if t.Is("ahead") || t.Is("of") && x.tok(q-1).Is("ahead") {
			return true
		}
		// "agreed to resume visits during talks in Tokyo": a preposition
		// opens the noun's own phrase; what stands before it is not said
		// of the noun.
		if t.Kind != text.Word || x.mat(q) >= 0 || t.Is("during", "at", "in", "after", "over", "following", "on") {
			break
		}
	}
	return false
}

// plannedAfter reports a meeting noun at k whose clause goes on in the
// future: "X's talks with Y on Friday are expected to focus on trade",
// "the meeting will take place in Oslo", "the summit is set for June".
func (x *sentence) plannedAfter(k int) bool {
	for q := k + 1; q < len(x.toks) && q <= k+14; q++ {
		t := x.toks[q]
		if t.Text == "," || t.Text == ";" || t.Text == "." || t.Kind == text.Quote {
			return false
		}
		if t.Is("will") || t.Is("is", "are") && x.tok(q+1).Is("expected", "scheduled", "set", "due", "planned", "to") {
			return true
		}
		// The noun's own phrase: names, dates, places, prepositions.
		if t.Kind == text.Word && !t.Cap && lexicon.IsVerb(t.Lower) {
			return false
		}
	}
	return false
}

// denialVerbs say that what their clause reports did not happen: "denied
// that he had met X", "dismissed reports of a meeting with X".
var denialVerbs = wordList(`denied denies deny denying refuted refutes dismissed dismisses rejected rejects
	rubbished rubbishes debunked debunks disputed disputes`)

// denialObjects may stand between a denial verb and what it denies.
var denialObjects = wordList(`that reports report claims claim rumours rumors allegations allegation suggestions
	speculation any having he she they of a an the`)

// deniedBefore reports a predicate at k inside what a denial verb denies:
// "X denied that he had met Y", "dismissed reports of a meeting with Y".
func (x *sentence) deniedBefore(k int) bool {
	for q := k - 1; q >= 0 && q >= k-12; q-- {
		t := x.toks[q]
		if t.Text == "." || t.Text == ";" || t.Kind == text.Quote {
			return false
		}
		// "X denied the claims and met Y": a verb of its own.
		if t.Is("and", "but") && lexicon.IsVerb(x.tok(q+1).Lower) && x.mat(q+1) < 0 {
			return false
		}
		// "pushed back on a report that X met Y".
		pushedBack := t.Is("back") && x.tok(q-1).Is("pushed", "pushes", "pushing") && x.tok(q+1).Is("on", "against")
		if pushedBack {
			r := q + 2
			for r < k && x.tok(r).Is("a", "an", "the", "reports", "report", "claims", "claim", "that") {
				r++
			}
			return r == k || r < len(x.toks) && x.mat(r) >= 0
		}
		if denialVerbs[t.Lower] {
			// "denied on Tuesday that ...": past the day of the denial.
			r := q + 1
			for r < k && (x.tok(r).Is("on", "late", "early", "yesterday", "today", "flatly", "strongly", "categorically") ||
				x.isDateToken(r)) {
				r++
			}
			// "dismissed as fake news reports that he met X".
			if x.tok(r).Is("as") {
				for r < k && r < q+6 && !x.tok(r).Is("reports", "claims", "report", "claim", "rumours", "rumors", "allegations") {
					r++
				}
			}
			return r < len(x.toks) && (r == k || denialObjects[x.toks[r].Lower])
		}
		// "A report incorrectly said that X met Y".
		if t.Is("incorrectly", "falsely", "wrongly", "erroneously", "mistakenly") && lexicon.SpeechVerbs[x.tok(q+1).Lower] {
			return true
		}
		// "Reports that X met Y were denied by her office".
		if t.Is("that") && q > 0 && x.tok(q-1).Is("reports", "claims", "rumours", "rumors", "speculation", "allegations", "suggestions") {
			for r := k + 1; r < len(x.toks) && r <= k+14; r++ {
				if x.toks[r].Text == "." || x.toks[r].Text == ";" {
					break
				}
				// "... were denied by her office", "... were false".
				if beForms[x.toks[r].Lower] && (denialVerbs[x.tok(r+1).Lower] ||
					x.tok(r+1).Is("false", "untrue", "baseless", "unfounded", "fake", "incorrect", "wrong", "fabricated")) {
					return true
				}
			}
		}
	}
	return false
}

// cancelWords after "was"/"had been" say a meeting did not take place:
// "the meeting with X was cancelled", "talks had been ruled out".
var cancelWords = wordList(`cancelled canceled postponed scrapped shelved delayed called ruled put suspended aborted taken dropped`)

// calledOffAfter reports a meeting noun at k whose own clause says it was
// called off: "A meeting with X had been ruled out".
func (x *sentence) calledOffAfter(k int) bool {
	limit := k + 14
	for q := k + 1; q < len(x.toks) && q <= limit; q++ {
		t := x.toks[q]
		// "A meeting between X and Y, which officials had said would
		// take place on Tuesday, was taken off the schedule": the
		// relative clause is passed over.
		// So is a participle's: "X and Y, scheduled for Tuesday, was
		// cancelled".
		if n := x.tok(q + 1); t.Text == "," && (n.Is("which", "that", "due", "set", "slated") ||
			n.Kind == text.Word && !n.Cap && strings.HasSuffix(n.Lower, "ed")) {
			r := q + 2
			for r < len(x.toks) && r < q+30 && x.toks[r].Text != "," && x.toks[r].Text != "." {
				r++
			}
			if x.tok(r).Text == "," {
				limit += r - q
				q = r
				continue
			}
		}
		if t.Text == "." || t.Text == ";" || t.Kind == text.Quote || t.Is("but", "and") && x.tok(q-1).Text == "," {
			return false
		}
		// "A meeting between X and Y did not take place", "Talks
		// between X and Y failed to materialise", "never happened".
		if t.Is("did", "does", "has", "had") && x.tok(q+1).Is("not", "never") || t.Is("didn't", "hasn't", "hadn't", "never") ||
			t.Is("failed", "fails") && x.tok(q+1).Is("to") {
			if v := x.tok(q + 2); v.Is("take", "taken", "materialise", "materialize", "materialised", "materialized", "happen", "happened", "occur", "occurred", "go") ||
				t.Is("never", "didn't", "hasn't", "hadn't") && x.tok(q+1).Is("took", "happened", "materialised", "materialized", "occurred", "take", "happen") {
				return true
			}
		}
		if !beForms[t.Lower] {
			continue
		}
		n := x.tok(q + 1)
		if n.Is("been") {
			n = x.tok(q + 2)
		}
		if cancelWords[n.Lower] {
			return !n.Is("called", "ruled", "put", "taken") || x.tok(q+2).Is("off", "out") || x.tok(q+3).Is("off", "out")
		}
		// "The meeting that had been planned for Thursday was called
		// off": a relative clause without commas, passed over.
		if x.tok(q-1).Is("had", "has", "have") || x.tok(q-1).Is("that", "which") {
			continue
		}
		return false
	}
	return false
}

// relativeHolders are the light verbs of a meeting noun's relative clause:
// "the meetings he held with X", "the talks Kral had with X".
var relativeHolders = wordList(`held hold holds had has have conducted`)

// relativeNounFrames reads a meeting or call noun followed by a relative
// clause that names both sides: "a series of meetings he held with
// Michael Lauber", "the talks President Kral had with Ana Vidal on Monday
// were productive".
func (x *sentence) relativeNounFrames(used []bool) []frame {
	var out []frame
	for k := 0; k < len(x.toks); k++ {
		kind, n := kindMeeting, matchNoun(x.toks, k, meetingNouns)
		if c := matchNoun(x.toks, k, callNouns); c > n {
			kind, n = kindCall, c
		}
		if n == 0 || used[k] || x.mat(k) >= 0 {
			continue
		}
		q := k + n
		if x.tok(q).Is("that", "which") {
			q++
		}
		mi := x.mat(q)
		if mi < 0 || x.ms[mi].whole.i != q || x.ms[mi].complement {
			continue
		}
		v := x.ms[mi].whole.j
		planned := false
		for {
			t := x.tok(v)
			if t.Is("will", "would", "could", "may", "might", "plans", "hopes", "to") {
				// "the talks he will hold with X": still to come.
				planned = true
				v++
				continue
			}
			if t.Is("has", "have", "had", "is", "was") && relativeHolders[x.tok(v+1).Lower] {
				// "the talks he has held with X".
				v++
				continue
			}
			break
		}
		if !relativeHolders[x.tok(v).Lower] || !x.tok(v+1).Is("with") || x.mat(v+2) < 0 {
			continue
		}
		partners := x.listFrom(x.mat(v + 2))
		f := frame{rule: "noun-relative-held", sent: x.si, trigger: span{k, v + 1}, kind: kind, nominal: true,
			subject: x.coordinated(mi), partners: [][]int{partners}}
		f.planned = planned || x.nounPlanned(k) || x.isPlanned(k)
		for t := k; t < k+n; t++ {
			used[t] = true
		}
		out = append(out, f)
	}
	return out
}

// presenceFrames finds attendance said with no verb of its own:
// "Present at the meeting were X and Y", "X was also present", "in the
// presence of X", "In attendance were X", "Also at the table were X",
// "Also on the minister's schedule was X", and photo captions that list
// who is in the room ("From left: A, B and C during the meeting").
func (x *sentence) presenceFrames(used []bool) []frame {
	var out []frame
	for k := 0; k < len(x.toks); k++ {
		if used[k] {
			continue
		}
		t := x.toks[k]
		var g, subject []int
		rule := ""
		kind := kindAttend
		hostOfStory := false
		inverted := x.invertedAttendance(k)
		switch {
		case t.Is("presence") && x.tok(k+1).Is("of"):
			at := k + 2
			// "in the presence of her intelligence chief X".
			if x.tok(at).Is("his", "her", "their") && x.mat(at+1) >= 0 && x.ms[x.mat(at+1)].kind == mName {
				at++
			}
			if mi := x.mat(at); mi >= 0 {
				// "in the presence of Premier Mikati's Advisor X": the
				// possessed person, not the possessor.
				if x.tok(x.ms[mi].whole.j).Kind == text.Poss && mi+1 < len(x.ms) && x.ms[mi+1].whole.i == x.ms[mi].whole.j+1 {
					mi++
				}
				g, rule = x.listFrom(mi), "in-the-presence-of"
			}
		case t.Is("company") && x.tok(k-1).Is("the") && x.tok(k-2).Is("in") && x.tok(k+1).Is("of"):
			// "the President, who came in the company of A, B and C"
			if mi := x.mat(k + 2); mi >= 0 {
				g, rule = x.listFrom(mi), "in-the-company-of"
			}
		case t.Is("next", "then") && k == x.first && x.tok(k+1).Is("was", "came") && x.mat(k+2) >= 0 && x.ms[x.mat(k+2)].kind == mName:
			// "Next was His Excellency X, the new Ambassador": the same
			// host's next guest.
			f := frame{rule: "next-was", sent: x.si, trigger: span{k, k + 2}, kind: kindMeeting, subject: []int{x.mat(k + 2)}, storyHost: true}
			for q := k; q < k+2; q++ {
				used[q] = true
			}
			out = append(out, f)
			continue
		case t.Is("they", "these") && k == x.first && x.tok(k+1).Is("were", "are", "included", "include") &&
			x.mat(k+2) >= 0 && x.ms[x.mat(k+2)].kind == mName:
			// "... held talks with leaders of South Sudan, Sudan and
			// Djibouti. They were President X, General Y and President Z."
			g, rule = x.listFrom(x.mat(k+2)), "they-were"
		case t.Is("guest", "guests") && x.tok(k+1).Is("of") && x.mat(k+2) >= 0 && x.tok(k-1).Is("the", "a") && beForms[x.tok(k-2).Lower]:
			// "X was the guest of Y at a dinner": X visited Y.
			if sub := x.subjectOf(k - 2); sub != nil {
				g, subject, rule, kind = x.listFrom(x.mat(k+2)), sub, "guest-of", kindMeeting
			}
		case inverted >= 0:
			// "Also attending were A and B", "Accompanying Kral were A
			// and B", "Joining Vidal at the meeting was A": the list after
			// the copula.
			g, rule = x.listFrom(x.mat(inverted+1)), "inverted-attendance"
		case t.Is("present") && x.tok(k+1).Is("his", "her", "their", "its"):
			// "to present his letters of credence": a verb.
			continue
		case t.Is("present") && (x.tok(k-1).Is("not", "never") || x.tok(k-2).Is("not", "never")):
			// "X was not present".
			continue
		case t.Is("present") || t.Is("attendance") && x.tok(k-1).Is("in") || t.Is("hand") && x.tok(k-1).Is("on") ||
			t.Is("table") && x.tok(k-1).Is("the") && x.tok(k-2).Is("at"):
			rule = "present"
			g = x.listAfterCopula(k + 1)
			if g == nil {
				// Before: "X and Y were also present", "with X present".
				g = x.subjectOf(k)
				// "X was at the table together with A, B and C".
				if with := x.afterPreposition(k+1, []string{"together with", "along with", "alongside", "with"}); with != nil {
					g = append(append([]int(nil), g...), with...)
				}
			}
		case delegationNouns[t.Lower] && (x.tok(k+1).Text == ":" || x.tok(k+1).Is("included", "comprised", "includes", "comprises")) && !t.Is("leaders", "officials"):
			// "the cabinet members in his delegation: A, B and C", "The
			// visitors included A and B".
			q := k + 2
			if x.tok(q).Is("his", "her", "their", "the") && x.mat(q) < 0 {
				q++
			}
			if mi := x.mat(q); mi >= 0 {
				g, rule = x.listFrom(mi), "delegation-list"
			}
		case t.Is("schedule", "agenda", "programme", "program", "itinerary", "visitors", "guests") &&
			(x.tok(k-1).Kind == text.Poss || x.tok(k-1).Is("his", "her", "their")):
			// "Also on the minister's schedule was X", "Next on the
			// Premier's agenda was X", "among the prime minister's
			// visitors", "Also among her guests was X" (her: the host of
			// the story, not a person of this sentence).
			host := x.possessorOf(k)
			if x.tok(k-1).Is("his", "her", "their") {
				host, hostOfStory = nil, true
			}
			if host == nil && !hostOfStory {
				break
			}
			if l := x.listAfterCopula(k + 1); l != nil {
				g, subject, rule, kind = l, host, "on-the-schedule", kindMeeting
			} else if among := x.amongBefore(k); among >= 0 && t.Is("visitors", "guests") {
				if sub := x.subjectOf(among); sub != nil {
					g, subject, rule, kind = sub, host, "among-the-visitors", kindMeeting
				}
			}
		case matchNoun(x.toks, k, meetingNouns) > 0 && x.tok(k-1).Is("the", "their", "a") && x.tok(k-2).Is("during", "at", "in", "after", "before"):
			// A caption: "From left: A, B, C and D during the meeting at
			// State House".
			q := k - 3
			if mi := x.mat(q); mi >= 0 && x.ms[mi].kind == mName {
				if l := x.coordinated(mi); len(l) >= 2 && x.noVerbBefore(x.ms[l[0]].whole.i) {
					g, rule, kind = l, "caption", kindMeeting
				}
			}
		}
		if len(g) == 0 {
			continue
		}
		f := frame{rule: rule, sent: x.si, trigger: span{k, k + 1}, kind: kind, subject: g, storyHost: hostOfStory}
		if subject != nil {
			f.subject, f.partners = subject, [][]int{g}
		}
		// The guest's host is the one named after "of".
		f.passive = rule == "guest-of"
		out = append(out, f)
	}
	return out
}

// amongBefore returns the "among" that opens the noun phrase ending at
// token k ("among the prime minister's visitors"), or -1.
func (x *sentence) amongBefore(k int) int {
	for q := k - 1; q >= 0 && q >= k-6; q-- {
		if x.toks[q].Is("among") {
			return q
		}
		if x.toks[q].Kind != text.Word && x.toks[q].Kind != text.Poss || beForms[x.toks[q].Lower] {
			return -1
		}
	}
	return -1
}

// occasionWords are the nouns besides meeting nouns that may name the
// occasion attendees were present at ("the ceremony", "the occasion").
var occasionWords = wordList(`ceremony occasion event signing function table venue palace house office residence
	hall room airport meeting talks`)

// otherOccasion reports a noun at k after "at the"/"in the" that names an
// occasion other than a meeting: "at the funeral", "at the gala".
func otherOccasion(toks []text.Token, k int) bool {
	t := toks[k]
	if !tokAt(toks, k-1).Is("the", "a", "an", "this", "that") || !tokAt(toks, k-2).Is("at", "in", "for") {
		return false
	}
	return !occasionWords[t.Lower] && matchNoun(toks, k, meetingNouns) == 0 && matchNoun(toks, k, callNouns) == 0 &&
		!lexicon.IsVerb(t.Lower) && len(t.Lower) > 3
}

// invertedOpeners open a sentence whose people follow its copula: "Also
// attending were A and B", "Accompanying Kral were A and B", "Waiting at
// the airport to greet the guest were A and B", "On hand to welcome him
// was A".
var invertedOpeners = map[string]bool{"attending": true, "accompanying": true, "joining": true,
	"participating": true, "waiting": true, "greeting": true, "welcoming": true, "hand": true, "taking": true}

// invertedFillers are the lower-case words that may stand between an
// opener and its copula besides people, meeting nouns and function words:
// "Waiting with X at the airport to greet the visiting delegation were".
var invertedFillers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("at in on the a an him her them also during this that today yesterday with to " +
		"greet receive welcome meet guest guests visitor visitors delegation airport visiting part") {
		m[w] = true
	}
	return m
}()

// invertedAttendance returns the copula of "Also attending were A and B",
// "Accompanying Kral were A and B", "Joining Vidal at the meeting was A"
// when token k opens such a sentence and a person follows the copula, or
// -1.
func (x *sentence) invertedAttendance(k int) int {
	t := x.toks[k]
	opens := k == x.first || k == x.first+1 && x.tok(k-1).Is("also")
	if t.Is("hand") {
		opens = k == x.first+1 && x.tok(k-1).Is("on")
	}
	if !invertedOpeners[t.Lower] || !opens {
		return -1
	}
	// "Taking part in the meeting were A and B".
	if t.Is("taking") && !x.tok(k+1).Is("part") {
		return -1
	}
	for c := k + 1; c < len(x.toks) && c <= k+14; c++ {
		if x.toks[c].Text == "," || x.toks[c].Text == "." {
			return -1
		}
		if x.toks[c].Is("were", "was") {
			if x.mat(c+1) >= 0 {
				return c
			}
			return -1
		}
		// "Attending the funeral were A and B": something other than
		// the meeting.
		if t := x.toks[c]; t.Kind == text.Word && !t.Cap && x.mat(c) < 0 && matchNoun(x.toks, c, meetingNouns) == 0 && !invertedFillers[t.Lower] {
			return -1
		}
	}
	return -1
}

// listAfterCopula reads the people after "were"/"was"/":" following a
// presence word, past a non-person phrase ("Present at the meeting were
// some government officials, among them X and Y").
func (x *sentence) listAfterCopula(k int) []int {
	seen := false
	for q := k; q < len(x.toks) && q < k+16; q++ {
		t := x.toks[q]
		if t.Text == "." || t.Text == ";" && seen {
			return nil
		}
		if t.Is("were", "was", "are", "is", "included", "including", "them") || t.Text == ":" {
			seen = true
			continue
		}
		// "Present at the funeral were A and B": another occasion.
		if !seen && t.Kind == text.Word && !t.Cap && x.mat(q) < 0 && otherOccasion(x.toks, q) {
			return nil
		}
		if mi := x.mat(q); mi >= 0 {
			if !seen {
				return nil
			}
			return x.listFrom(mi)
		}
	}
	return nil
}

// noVerbBefore reports that no verb stands between the sentence start and
// token k: the list is the sentence's own subject, as in a caption.
func (x *sentence) noVerbBefore(k int) bool {
	start := 0
	for q := 0; q < k; q++ {
		if x.toks[q].Text == ":" {
			// "From left: A, B and C": a caption's label.
			start = q + 1
		}
	}
	for q := start; q < k; q++ {
		if x.mat(q) < 0 && x.toks[q].Kind == text.Word && !x.toks[q].Cap && lexicon.IsVerb(x.toks[q].Lower) {
			return false
		}
	}
	return true
}
