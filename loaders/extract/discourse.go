package extract

import (
	"strings"

	"github.com/kg-project/kg/loaders/extract/dates"
	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
)

// Layer 5: discourse. Sentences are read in order, keeping what a reader
// keeps in mind: who the story is about, which people were mentioned
// last, and the last meeting reported. With that, descriptions and
// pronouns are resolved to people ("the visiting minister", "his host",
// "he", "the two leaders"), frames become meetings, attendees named in a
// later sentence join the meeting they were at ("Also present were ..."),
// and a meeting that a sentence does not date inherits the date of the
// story it continues.

type meeting struct {
	kind    frameKind
	people  []int // entities, in order of mention
	date    dates.Day
	dated   bool // the date came from the meeting's own sentence
	place   string
	sents   []int // sentences that report it
	rule    string
	host    int // the receiving side's first person, -1 when unknown
	guest   int
	dropped bool
	// awaiting: the country of a partner described before being named
	// ("met his Portuguese counterpart"), who joins when named next.
	awaiting string
}

func (m *meeting) has(e int) bool {
	for _, p := range m.people {
		if p == e {
			return true
		}
	}
	return false
}

func (m *meeting) add(es ...int) {
	for _, e := range es {
		if e >= 0 && !m.has(e) {
			m.people = append(m.people, e)
		}
	}
}

func (m *meeting) addSent(si int) {
	for _, s := range m.sents {
		if s == si {
			return
		}
	}
	m.sents = append(m.sents, si)
}

// state is what the reader keeps in mind between sentences.
type state struct {
	topic       int   // the person the story is about now, -1 when none
	recent      []int // entities, most recent last
	lastMeeting *meeting
	lastSent    int // sentence of lastMeeting's latest report
	narrative   dates.Day
	// partySent: the sentence that named party.
	partySent int
	// sceneSent: the sentence that last moved the story to a day of its
	// own without reporting a meeting ("On Sunday, Trump addressed ..."),
	// or -1.
	sceneSent int
	arrival   dates.Day // the day the story's visitor arrived, if told
	// visit: the month or year a sentence told a visit in ("visited
	// Cairo in March"), which a later "during the visit" points back to;
	// visitSent is that sentence.
	visit     dates.Day
	visitSent int
	// party: the last person said to be accompanied, with the people
	// accompanying them ("Petro was accompanied by A, B and C"), for a
	// later "the delegation".
	party []int
}

func (st *state) touch(e int) {
	if e < 0 {
		return
	}
	for i, x := range st.recent {
		if x == e {
			st.recent = append(st.recent[:i], st.recent[i+1:]...)
			break
		}
	}
	st.recent = append(st.recent, e)
	// A reader keeps the last few dozen people in mind, not all of them.
	if len(st.recent) > maxRecent {
		st.recent = append(st.recent[:0], st.recent[len(st.recent)-maxRecent:]...)
	}
}

// maxRecent bounds the people the discourse layer remembers, and so the
// work of resolving a description in a very long article.
const maxRecent = 64

// readDiscourse runs the discourse layer over the whole document.
// arrivalVerbs make their subject a visitor: "X arrived in Beijing on
// Thursday", so that "the visiting minister" later is X, not X's host.
var arrivalVerbs = wordList(`arrived arrives landed lands visited`)

// markArrivals records the people a sentence says arrived or visited.
func (d *doc) markArrivals(x *sentence) {
	for k, t := range x.toks {
		if !arrivalVerbs[t.Lower] || t.Cap && k > 0 {
			continue
		}
		for _, mi := range x.subjectOf(k) {
			if e := x.ms[mi].ent; e >= 0 {
				d.visiting[e] = true
			}
		}
	}
}

func (d *doc) readDiscourse() error {
	st := &state{topic: -1, lastSent: -10, sceneSent: -1, narrative: d.leadDate()}
	// Headlines at the top are read after the body: they restate its
	// main meeting, which the body dates and names in full.
	order := make([]int, 0, len(d.sents))
	var heads []int
	for si := range d.sents {
		if d.sents[si].Headline && len(order) == 0 && si < 3 {
			heads = append(heads, si)
			continue
		}
		order = append(order, si)
	}
	for i, si := range append(order, heads...) {
		if err := d.cancelled(i); err != nil {
			return err
		}
		if i == len(order) {
			// The headline's meeting happened on the story's main day.
			st.lastMeeting = d.firstMeeting()
			st.narrative = d.leadDate()
		}
		d.resolveReferences(si, st)
		x := d.sentence(si)
		frames := x.findFrames()
		x = d.sentence(si) // frames may add possessive pronoun mentions
		d.resolveReferences(si, st)
		d.markArrivals(x)
		d.fillAwaited(x, st)
		var here []*meeting
		for _, f := range frames {
			if f.planned {
				continue
			}
			if f.kind == kindAttend {
				// "X joined Y for a working lunch": a meeting.
				if f.pred == nil || f.pred.name != "join" || len(f.partners) == 0 || f.passive {
					continue
				}
			}
			here = append(here, d.frameMeetings(x, f, st)...)
		}
		for _, f := range frames {
			if f.kind != kindAttend || f.planned || f.pred != nil && f.pred.name == "join" && len(f.partners) > 0 && !f.passive {
				continue
			}
			d.attend(x, f, here, st)
		}
		d.traceSentence(x, frames)
		d.updateState(x, frames, here, st)
	}
	return nil
}

// firstMeeting returns the first meeting the body reported, or nil.
func (d *doc) firstMeeting() *meeting {
	for _, m := range d.meetings {
		if !m.dropped {
			return m
		}
	}
	return nil
}

// leadDate is the date the story starts from: the first full date of its
// first sentences, or the publication day.
func (d *doc) leadDate() dates.Day {
	// A line that is no sentence ("Published: 14 June 2023 10:21 AM",
	// "Home / World / Asia") dates the lead only when no sentence of the
	// first four does.
	var fromLine dates.Day
	sentences := 0
	for si := range d.sents {
		if sentences >= 4 || si >= 12 {
			break
		}
		line := d.sents[si].Headline
		if !line {
			sentences++
		}
		for _, dm := range d.dates[si] {
			// "date 2023-09-21" at the top is the publication date.
			if !dm.Value.Full() || d.sents[si].Quoted[dm.I] || dm.Value.After(d.pub) || dm.Rule == "date-iso" {
				continue
			}
			if !line {
				return dm.Value
			}
			if !fromLine.Valid() {
				fromLine = dm.Value
			}
		}
	}
	if fromLine.Valid() {
		return fromLine
	}
	return d.pub
}

// describesPerson reports a mention list that names someone by
// description or pronoun only ("his Chinese counterpart").
// describedCountry returns the country of a description among g ("his
// Portuguese counterpart"), or "".
func (x *sentence) describedCountry(g []int) string {
	for _, mi := range g {
		if x.ms[mi].kind == mDescription && x.ms[mi].country != "" {
			return x.ms[mi].country
		}
	}
	return ""
}

// fillAwaited gives a meeting waiting for a partner described by country
// the person of that country a sentence now names: "Kral met his
// Portuguese counterpart. Portugal's President Ana Vidal said ...".
func (d *doc) fillAwaited(x *sentence, st *state) {
	lm := st.lastMeeting
	if lm == nil || lm.awaiting == "" || len(lm.people) != 1 || x.si-st.lastSent > 2 {
		return
	}
	for _, m := range x.ms {
		if m.kind == mName && m.ent >= 0 && !lm.has(m.ent) && d.ents[m.ent].country == lm.awaiting {
			lm.add(m.ent)
			lm.guest = m.ent
			lm.addSent(x.si)
			lm.awaiting = ""
			return
		}
	}
}

func (x *sentence) describesPerson(g []int) bool {
	for _, mi := range g {
		if x.ms[mi].kind == mDescription {
			return true
		}
	}
	return false
}

// resolve returns the entities a mention list stands for.
func (d *doc) resolve(x *sentence, g []int) []int {
	var out []int
	for _, mi := range g {
		m := &x.ms[mi]
		switch {
		case m.kind == mGroup:
			out = appendUnique(out, m.group...)
		case m.ent >= 0:
			out = appendUnique(out, m.ent)
		}
	}
	return out
}

func allowsNoPartner(p *predicate) bool {
	for _, s := range p.partner {
		if s == "none" {
			return true
		}
	}
	return false
}

// discussionVerbs report what was said in a meeting already told; with
// the same people they add nothing new.
var discussionVerbs = map[string]bool{"discuss": true, "review": true, "exchange": true, "go": true, "look": true,
	"talk": true, "speak": true, "confer": true, "brief": true, "raise": true}

// receivingVerbs are the predicates whose passive names the guest
// ("was received", "was welcomed") and may leave the host unsaid.
var receivingVerbs = map[string]bool{"receive": true, "welcome": true, "host": true, "greet": true}

func containsInt(xs []int, e int) bool {
	for _, x := range xs {
		if x == e {
			return true
		}
	}
	return false
}

func appendUnique(xs []int, es ...int) []int {
	for _, e := range es {
		found := false
		for _, x := range xs {
			if x == e {
				found = true
				break
			}
		}
		if !found && e >= 0 {
			xs = append(xs, e)
		}
	}
	return xs
}

// frameMeetings turns a meeting or call frame into meetings: one per
// separate partner group.
func (d *doc) frameMeetings(x *sentence, f frame, st *state) []*meeting {
	subject := d.resolve(x, f.subject)
	// A quoted post with no subject ("At State House, held talks with
	// US Senator Chris Coons") speaks for its author.
	if len(subject) == 0 && x.s.Quoted[f.trigger.i] && !f.passive {
		if sp := d.speaker(x.si); sp >= 0 {
			subject = []int{sp}
		}
	}
	if len(subject) == 0 && x.delegationSubject(f.trigger.i) && len(st.party) > 0 {
		// "The delegation was received by X", "The same five-man
		// delegation had met on Saturday": the party named before.
		subject = st.party
	}
	// "The prime minister and his party were received by X".
	if len(st.party) > 0 && containsInt(subject, st.party[0]) && x.saysParty() {
		subject = appendUnique(subject, st.party...)
	}
	date, dated := d.frameDate(x, f, st)
	if dated && date.After(d.pub) {
		// A meeting after the publication day is one planned.
		return nil
	}
	// "Sakaja received the team at Uhuru Park alongside his deputy": the
	// visitors told of just before, met again with more people named.
	if lm := st.lastMeeting; lm != nil && !lm.dropped && len(f.partners) == 0 && !f.passive && f.kind == lm.kind &&
		x.si-st.lastSent <= 3 && len(subject) > 0 && lm.has(subject[0]) && x.groupObjectAt(f.trigger.j) &&
		(!dated || !lm.dated || date == lm.date) {
		lm.add(subject...)
		lm.addSent(x.si)
		return []*meeting{lm}
	}
	var out []*meeting
	groups := f.partners
	storyHost := -1
	if len(groups) == 0 {
		groups = [][]int{nil}
		// "X was received on Sunday", "Next was X": by the host the story
		// is about.
		if (f.passive && f.pred != nil && receivingVerbs[f.pred.verb] || f.storyHost) && len(subject) > 0 {
			host := st.topic
			if st.lastMeeting != nil && st.lastMeeting.host >= 0 {
				host = st.lastMeeting.host
			}
			if host >= 0 && !containsInt(subject, host) {
				groups = [][]int{nil}
				storyHost = host
				subject = appendUnique(subject, host)
			}
		}
	}
	for _, g := range groups {
		partners := d.resolve(x, g)
		people := appendUnique(append([]int(nil), subject...), partners...)
		if f.pred != nil && f.pred.jointSubject && len(people) < 2 {
			continue
		}
		// "a state dinner hosted by X and her husband Y": hosts of
		// nobody named do not meet each other for it.
		if f.passive && len(subject) == 0 && storyHost < 0 {
			continue
		}
		// A predicate that needs a partner and found none reports no
		// meeting, whoever its subject: "X and Y are seen in this photo".
		// "held telephone talks with his Chinese counterpart": a partner
		// the article has not named yet; the meeting waits for them.
		open := f.openPartner || len(g) > 0 && len(partners) == 0 && x.describesPerson(g)
		if len(partners) == 0 && !open && f.pred != nil && !allowsNoPartner(f.pred) && !(f.passive && receivingVerbs[f.pred.verb]) && storyHost < 0 {
			continue
		}
		if len(people) < 2 && !(open && len(people) == 1) {
			lm := st.lastMeeting
			switch {
			case lm != nil && dated && !lm.dated && lm.kind == f.kind && len(people) == 1 && len(partners) == 0 &&
				len(f.partners) == 0 && lm.has(people[0]):
				// "The President made the call on Thursday night": a
				// meeting already told, dated now.
				lm.date, lm.dated = date, true
				lm.addSent(x.si)
			case lm != nil && len(lm.people) == 1 && lm.kind == f.kind && f.nominal && len(subject) == 0 && len(partners) > 0 &&
				x.si-st.lastSent <= 2 && (!dated || !lm.dated || date == lm.date):
				// "The call with Wang Yi started at 9:30 p.m.": the
				// waiting meeting's partner, named now.
				lm.add(partners...)
				if lm.guest < 0 {
					lm.guest = partners[0]
				}
				lm.addSent(x.si)
			}
			continue
		}
		kind := f.kind
		if f.bareCall && st.lastMeeting != nil && x.si-st.lastSent <= 3 {
			kind = st.lastMeeting.kind
		}
		if lm := st.lastMeeting; lm != nil && f.pred != nil && discussionVerbs[f.pred.verb] && f.kind != kindCall && len(partners) == 0 &&
			len(people) == len(lm.people) && subset(people, lm.people) {
			// "Ambassador Tai and Vice Premier Liu reviewed ...": the same
			// pair's call, told again.
			kind = lm.kind
			if !dated {
				date = lm.date
			}
		}
		if kind == kindAttend {
			kind = kindMeeting
		}
		m := &meeting{kind: kind, people: people, date: date, dated: dated, rule: f.rule, host: -1, guest: -1,
			place: d.meetingPlace(x, f)}
		if len(people) == 1 {
			// Waiting for the delegation's members, named next.
			m.host = people[0]
			m.awaiting = x.describedCountry(g)
			m.addSent(x.si)
			d.meetings = append(d.meetings, m)
			out = append(out, m)
			continue
		}
		switch {
		case storyHost >= 0:
			m.host, m.guest = storyHost, subject[0]
		case len(subject) > 0 && len(partners) > 0:
			m.host, m.guest = subject[0], partners[0]
			if f.passive != (f.pred != nil && f.pred.guestSubject) {
				m.host, m.guest = partners[0], subject[0]
			}
		case len(subject) >= 2:
			m.host, m.guest = subject[0], subject[1]
		}
		m.addSent(x.si)
		var added *meeting
		if x.s.Headline && (!dated || !date.Full()) {
			// A headline restates a meeting the body tells and dates.
			added = d.restated(m)
		}
		if added == nil {
			added = d.addMeeting(m)
		}
		out = append(out, added)
		st.lastMeeting = added
	}
	return out
}

// restated returns the meeting of the body a headline's meeting m
// restates, whatever its date: the same kind and people, or nil.
func (d *doc) restated(m *meeting) *meeting {
	var best *meeting
	for _, old := range d.meetings {
		// The body's main telling: the one most sentences report, in
		// the days of the story, not a background meeting months ago.
		recent := !old.date.Valid() || old.date.Full() && !d.pub.AddDays(-7).After(old.date)
		// "Erdogan, Putin discuss grain deal in phone call" over "X and
		// Y discussed the deal on Tuesday": the body's talks were the
		// headline's call.
		kind := old.kind == m.kind || m.kind == kindCall && old.kind == kindMeeting && talkRules[old.rule]
		if kind && !old.dropped && recent && len(old.people) >= 2 && subset(m.people, old.people) &&
			(best == nil || len(old.sents) > len(best.sents)) {
			best = old
		}
	}
	if best != nil {
		best.kind = m.kind
		for _, s := range m.sents {
			best.addSent(s)
		}
	}
	return best
}

// talkRules are the predicates that tell of talks without saying whether
// the two were in one room: a headline's call says they were not.
var talkRules = map[string]bool{"discuss-with": true, "hold-talks": true, "have-talks": true, "talk": true,
	"speak": true, "exchange-with": true, "review": true, "go-over": true, "look-at": true, "noun-talks": true,
	"noun-adverbial-talks": true}

// addMeeting records a meeting, merging it into one already reported when
// it is the same: the same kind and date, and one's people among the
// other's.
func (d *doc) addMeeting(m *meeting) *meeting {
	// Only recent meetings are compared, so that a very long article
	// costs time in proportion to its length.
	from := max(0, len(d.meetings)-maxRecent)
	for _, old := range d.meetings[from:] {
		if old.kind != m.kind || old.dropped {
			continue
		}
		// "Putin met Al Nahyan on Thursday, the two leaders' fourth
		// meeting this year": in one sentence, a date that contains the
		// other's is the same meeting, told more finely once.
		// So, a few sentences on, is "They met on April 14" after "X held
		// talks with Y in April" — unless they met "again".
		finer := (sharesSentence(old, m) || d.toldAgainSoon(old, m)) && (within(m.date, old.date) || within(old.date, m.date))
		if !sameDay(old.date, m.date) && !finer {
			continue
		}
		if subset(m.people, old.people) || subset(old.people, m.people) {
			old.add(m.people...)
			for _, s := range m.sents {
				old.addSent(s)
			}
			if !old.dated && m.dated || finer && within(m.date, old.date) {
				old.date, old.dated = m.date, m.dated
			}
			return old
		}
	}
	d.meetings = append(d.meetings, m)
	return m
}

func sameDay(a, b dates.Day) bool { return a == b || !a.Valid() || !b.Valid() }

// within reports a date that lies inside a coarser one: 2023-06-08 within
// 2023-06 and 2023. A date is not within itself.
func within(fine, coarse dates.Day) bool {
	if !fine.Valid() || !coarse.Valid() || fine == coarse || fine.Y != coarse.Y {
		return false
	}
	return coarse.M == 0 || coarse.M == fine.M && coarse.D == 0
}

// sharesSentence reports two meetings told in one sentence.
func sharesSentence(a, b *meeting) bool {
	for _, x := range a.sents {
		for _, y := range b.sents {
			if x == y {
				return true
			}
		}
	}
	return false
}

func subset(a, b []int) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// frameDate dates a frame: a date of its own clause near the predicate,
// or else the date of the story it continues. A date inside a relative
// clause ("X, who took office in December, met Y") or far from the
// predicate belongs to something else.
func (d *doc) frameDate(x *sentence, f frame, st *state) (dates.Day, bool) {
	if f.gapDate > 0 {
		return d.dates[x.si][f.gapDate-1].Value, true
	}
	best := -1
	bestDist := 1 << 30
	// The partners belong to the predicate: "hosting Jacinda Ardern, then
	// New Zealand's Prime Minister, and a delegation last August".
	end := f.trigger.j
	for _, g := range f.partners {
		for _, mi := range g {
			if w := x.ms[mi].whole; w.i >= f.trigger.j && w.j > end && (w.i-end <= 3 || x.delegationWordsOnly(end, w.i)) {
				end = w.j
			}
		}
	}
	for i, dm := range d.dates[x.si] {
		if x.s.Quoted[dm.I] != x.s.Quoted[f.trigger.i] {
			continue
		}
		// "since November 2019, when they held talks": the date of the
		// when-clause the predicate is in.
		if x.tok(dm.J).Text == "," && x.tok(dm.J+1).Is("when") && f.trigger.i > dm.J && !commaBetween(x.toks, dm.J+1, f.trigger.i) {
			return dm.Value, true
		}
		// "the statement of November 10", "a letter dated August 23",
		// "since 2022": the date of something else.
		if x.tok(dm.I-1).Is("of", "dated", "since", "until", "till") && !(x.tok(dm.I-1).Is("of") && timePartNouns[x.tok(dm.I-2).Lower]) {
			continue
		}
		// "briefed Xi on his December 7 video conversation with Biden":
		// a date before a noun dates that noun.
		// But "met Kohl at a 1989 summit": the occasion of the meeting.
		if !f.nominal && dm.I > f.trigger.j && x.tok(dm.I-1).Is("his", "her", "their", "its", "the", "a", "this", "that") &&
			!(x.tok(dm.I-1).Is("a", "the") && x.tok(dm.I-2).Is("at", "during") &&
				(matchNoun(x.toks, dm.J, meetingNouns) > 0 || x.tok(dm.J).Is("conference", "ceremony", "session", "forum"))) {
			continue
		}
		// "the statements of 10 November 2020 and 11 January 2021".
		if i > 0 && x.tok(dm.I-1).Is("and") && x.tok(d.dates[x.si][i-1].I-1).Is("of", "dated") {
			continue
		}
		if x.insideInsertion(dm.I, f.trigger) {
			continue
		}
		// "The two discussed Lula's visit to China in April": what they
		// discussed has the date, not the discussion.
		if f.pred != nil && f.pred.verb != "speak" && f.pred.verb != "talk" && discussionVerbs[f.pred.verb] && dm.I > f.trigger.j &&
			x.topicNounBetween(f.trigger.j, dm.I) {
			continue
		}
		// "X met Y in May, the ministry said on Tuesday": the day of the
		// saying, after the predicate.
		if dm.I > f.trigger.j && (lexicon.SpeechVerbs[x.tok(dm.I-1).Lower] ||
			x.tok(dm.I-1).Is("on") && lexicon.SpeechVerbs[x.tok(dm.I-2).Lower]) {
			continue
		}
		// "X, who met Y two years ago, said on Tuesday": nor does a
		// predicate inside a relative clause take a date from outside it.
		if x.insideInsertion(f.trigger.i, span{dm.I, dm.J}) {
			continue
		}
		// "went over this week's visit in a call yesterday": a date in
		// the possessive dates its own noun, not this predicate.
		if x.tok(dm.J).Kind == text.Poss && !(f.nominal && dm.J+1 >= f.trigger.i && dm.J+1 <= f.trigger.i+1) &&
			!(f.nominal && x.tok(dm.J+1).Is("meeting", "talks", "call", "summit", "visit", "conversation")) {
			continue
		}
		var dist int
		if dm.I >= f.trigger.j {
			dist = dm.I - f.trigger.j
			if dm.I >= end {
				dist = dm.I - end
			}
			// "first met in their current roles on the sidelines of a
			// Group of 20 foreign ministers' meeting in Bonn in February":
			// far, but in the same clause.
			plain := plainPhraseBetween(x.toks, end, dm.I)
			if dist > 14 && (dist > 24 || !plain) {
				continue
			}
			// "Kim's session with X was his first since he came back
			// earlier this week": the date of a clause of its own.
			if !plain && subordinateClauseBetween(x.toks, end, dm.I) {
				continue
			}
		} else {
			dist = f.trigger.i - dm.J + 2 // a date before the predicate is a little less likely its own
			if dist > 18 {
				continue
			}
		}
		if clauseBreakBetween(x.toks, dm.I, f.trigger.i) {
			dist += 20
		}
		if !dm.Value.Full() {
			dist += 6
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best >= 0 {
		return d.dates[x.si][best].Value, true
	}
	// "On landing at the airport, the guest was greeted by ...": the day
	// of the arrival.
	if st.arrival.Valid() && x.mentionsArrival() {
		return st.arrival, false
	}
	// "Reis visited Cairo in March. During the visit she met Hale": the
	// month of the visit the sentence points back to.
	if st.visit.Valid() && x.si-st.visitSent <= 3 && x.pointsBackToVisit() {
		return st.visit, false
	}
	// "Trump met the king on Saturday. ... On Sunday, Trump addressed
	// the summit. He held separate meetings with X and Y": a day the
	// story moved to after the last meeting dates what follows.
	// "X met Y on Wednesday. The two last met in March. Y later met Z":
	// a meeting told as background dates nothing after it.
	// The story's own first meeting is no background, however long ago
	// ("X and Y met in Sydney last month. The pair signed a deal").
	if lm := st.lastMeeting; lm != nil && lm.date.Valid() && x.si-st.lastSent <= 4 && st.sceneSent <= st.lastSent &&
		(!backgroundTo(lm.date, st.narrative) || lm == d.firstMeeting()) {
		return lm.date, false
	}
	return st.narrative, false
}

// toldAgainSoon reports a meeting m told within three sentences after
// old, in sentences that do not say it happened "again".
func (d *doc) toldAgainSoon(old, m *meeting) bool {
	if len(old.sents) == 0 || len(m.sents) == 0 {
		return false
	}
	last, first := old.sents[len(old.sents)-1], m.sents[0]
	if first < last || first-last > 3 {
		return false
	}
	for _, si := range m.sents {
		for _, t := range d.sents[si].Toks {
			if t.Is("again", "another", "second", "earlier", "previously", "last") {
				return false
			}
		}
	}
	return true
}

// backgroundTo reports a date of an earlier time than the story's day:
// a month or year before it, or a day more than a week before.
func backgroundTo(date, story dates.Day) bool {
	if !story.Full() || !date.Valid() {
		return false
	}
	if date.Full() {
		return story.AddDays(-7).After(date)
	}
	return date.Y < story.Y || date.Y == story.Y && date.M > 0 && date.M < story.M || date.M == 0 && date.Y < story.Y
}

// topicNouns are happenings that may be the topic of a discussion and
// carry their own date: "discussed the visit to China in April".
var topicNouns = map[string]bool{"visit": true, "visits": true, "trip": true, "tour": true, "election": true,
	"elections": true, "vote": true, "referendum": true, "war": true, "attack": true, "attacks": true,
	"games": true, "olympics": true, "launch": true}

// topicNounBetween reports a topic noun among tokens [i, j) after a
// possessive or a determiner ("Lula's visit", "the trip"), not the
// occasion of the discussion itself ("during talks").
func (x *sentence) topicNounBetween(i, j int) bool {
	for k := i + 1; k < j && k < len(x.toks); k++ {
		if topicNouns[x.toks[k].Lower] && (x.toks[k-1].Kind == text.Poss || x.toks[k-1].Is("the", "a", "his", "her", "their", "its", "upcoming", "planned", "next", "recent", "last")) {
			return true
		}
	}
	return false
}

// delegationWordsOnly reports tokens [i, j) that only say a delegation
// led by the one named next: "met a delegation led by X", "received a
// Chinese delegation headed by X".
func (x *sentence) delegationWordsOnly(i, j int) bool {
	if j-i > 6 {
		return false
	}
	for k := i; k < j; k++ {
		t := x.toks[k]
		if !t.Is("a", "an", "the", "delegation", "team", "led", "headed", "by", "high-level", "visiting") && lexicon.Places().Demonym(t.Lower) == "" {
			return false
		}
	}
	return true
}

// talksNouns are the meetings whose attendees met one another: "attended
// the talks", unlike "attended the summit" or "the ceremony".
var talksNouns = map[string]bool{"talks": true, "meeting": true, "meetings": true, "negotiations": true, "consultations": true}

// timePartNouns name a part of the date after "of": "at the end of
// March", "in the first week of May" date the predicate, unlike "the
// statement of 10 November".
var timePartNouns = map[string]bool{"end": true, "start": true, "beginning": true, "middle": true, "week": true,
	"weekend": true, "half": true, "days": true, "part": true, "close": true}

// saysParty reports "his party", "her delegation", "his entourage".
func (x *sentence) saysParty() bool {
	for k := 1; k < len(x.toks); k++ {
		if x.toks[k].Is("party", "delegation", "entourage", "team") && x.toks[k-1].Is("his", "her", "their") {
			return true
		}
	}
	return false
}

// arrivalWords say that a sentence is about someone's arrival.
var arrivalWords = map[string]bool{"arrived": true, "arrival": true, "landed": true, "landing": true, "arriving": true,
	"arrives": true, "lands": true, "touched": true}

func (x *sentence) mentionsArrival() bool {
	for _, t := range x.toks {
		if arrivalWords[t.Lower] {
			return true
		}
	}
	return false
}

// insideInsertion reports whether token k lies in a comma-set relative
// clause ("who took over in December") that does not hold the trigger.
func (x *sentence) insideInsertion(k int, trig span) bool {
	open := -1
	dash := false
	for q := k - 1; q >= 0; q-- {
		// "Algiers (APS) - X received Y in May": a bracket closed before
		// k holds nothing of k's.
		if x.toks[q].Text == ")" {
			for q > 0 && x.toks[q].Text != "(" {
				q--
			}
			continue
		}
		if x.toks[q].Text == "," || x.toks[q].Text == "(" || isDash(x.toks[q].Text) {
			// "X, who took office in December,", "(from May 3)", "Yván
			// Gil — appointed to the post on Friday —".
			if x.tok(q+1).Is("who", "whose", "which", "whom") || x.toks[q].Text == "(" || isDash(x.toks[q].Text) && !x.datePrefixEndsAt(q) {
				open, dash = q, isDash(x.toks[q].Text)
			}
			break
		}
	}
	if open < 0 {
		return false
	}
	closeAt := len(x.toks)
	for q := k; q < len(x.toks); q++ {
		if t := x.toks[q].Text; !dash && (t == "," || t == ")") || t == ";" || dash && isDash(t) {
			closeAt = q
			break
		}
	}
	return !(trig.i > open && trig.i < closeAt)
}

// datePrefixEndsAt reports a line that opens with a date and a dash at q:
// a timeline's or a diary's entry ("May 24, 2022 — Modi and Biden held
// talks", "Tuesday — Duda met Pavel"), whose date is the line's.
func (x *sentence) datePrefixEndsAt(q int) bool {
	for _, dm := range x.d.dates[x.si] {
		if dm.I == x.first && dm.J == q {
			return true
		}
	}
	return false
}

// subordinateClauseBetween reports a subordinate clause with a finite
// verb of its own between tokens a and b: "since he came back".
func subordinateClauseBetween(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if !toks[k].Is("since", "while", "because", "whereas", "although", "though", "until") {
			continue
		}
		// A clause has a subject: "since he came back", "since Tai took
		// office"; "since 2019 was held" is a phrase.
		if n := tokAt(toks, k+1); !(n.Is("he", "she", "they", "it", "we", "i") || n.Kind == text.Word && n.Cap && !dates.IsDateWord(n)) {
			continue
		}
		verb := false
		for q := k + 1; q < b && q < len(toks); q++ {
			t := toks[q]
			if t.Kind == text.Word && !t.Cap && lexicon.IsVerb(t.Lower) && !strings.HasSuffix(t.Lower, "ing") {
				verb = true
			}
			if t.Text == "," {
				// "since Tai took office, in an introductory call in late
				// May": the clause closed before the date.
				verb = false
				break
			}
		}
		if verb {
			return true
		}
	}
	return false
}

// commaBetween reports a comma or semicolon among tokens [a, b).
func commaBetween(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Text == "," || toks[k].Text == ";" {
			return true
		}
	}
	return false
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "--" }

// clauseBreakBetween reports a semicolon or sentence-internal quote
// between tokens a and b.
func clauseBreakBetween(toks []text.Token, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Text == ";" {
			return true
		}
		// "received X in May and met Y on Tuesday": a verb of its own.
		if toks[k].Is("and", "but") && k+1 < len(toks) && !toks[k+1].Cap && lexicon.IsVerb(toks[k+1].Lower) &&
			!strings.HasSuffix(toks[k+1].Lower, "ing") {
			return true
		}
	}
	return false
}

// plainPhraseBetween reports tokens [a, b) with no comma, clause word or
// verb: one clause of prepositional phrases.
func plainPhraseBetween(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		t := toks[k]
		if t.Kind == text.Punct && t.Text != "'" || t.Kind == text.Quote || t.Kind == text.Word && !t.Cap && !strings.HasSuffix(t.Lower, "ing") && (lexicon.IsVerb(t.Lower) || clauseWord(t)) {
			return false
		}
	}
	return true
}

// attend adds the people of an attendance frame to the meeting they were
// at: one reported in the same sentence, or the last one reported, if
// recent.
func (d *doc) attend(x *sentence, f frame, here []*meeting, st *state) {
	// "X is set to travel to Y next month to attend a summit": not yet.
	if f.planned {
		return
	}
	if f.pred != nil && f.pred.verb == "accompany" && f.passive {
		party := d.resolve(x, f.subject)
		for _, g := range f.partners {
			party = appendUnique(party, d.resolve(x, g)...)
		}
		if len(party) >= 2 {
			st.party = party
			st.partySent = x.si
		}
	}
	// "X is accompanied on the trip by Y": Y travels with X, not
	// necessarily into the meeting.
	if f.pred != nil && f.pred.verb == "accompany" && x.tok(f.trigger.j).Is("on") && x.tok(f.trigger.j+2).Is("trip", "tour", "visit", "journey", "travels") {
		return
	}
	var people []int
	if f.passive {
		for _, g := range f.partners {
			people = appendUnique(people, d.resolve(x, g)...)
		}
		// "X, accompanied by Y, called on Z": Y joins X's meeting.
	} else {
		people = d.resolve(x, f.subject)
		for _, g := range f.partners {
			if f.pred != nil && (f.pred.name == "include" || f.pred.name == "comprise") {
				people = d.resolve(x, g)
			}
		}
	}
	if f.pred != nil && (f.pred.name == "include" || f.pred.name == "comprise") && !x.delegationSubject(f.trigger.i) {
		return
	}
	// "The group included A and B. The group met Z": a party, for
	// what the group does next.
	if (f.pred != nil && (f.pred.name == "include" || f.pred.name == "comprise") || f.rule == "delegation-list") && len(people) >= 2 && len(here) == 0 {
		st.party, st.partySent = people, x.si
	}
	// "X sat in on the talks along with A and B".
	if f.pred != nil && !f.passive && f.kind == kindAttend {
		if with := x.afterPreposition(f.trigger.j, []string{"along with", "together with", "alongside"}); with != nil {
			people = appendUnique(people, d.resolve(x, with)...)
		}
	}
	// "X attended the meeting" joins it; "X also attended." too; "X
	// attended the summit" joins nothing.
	if f.pred != nil && (f.pred.name == "attend" || f.pred.name == "join") && !f.passive && f.targetNoun == "" &&
		!(x.tok(f.trigger.j).Text == "." || x.tok(f.trigger.j).Is("as") || f.trigger.j >= len(x.toks)) {
		return
	}
	// "received credentials from four envoys: A, B and C": people the
	// sentence already placed in its own meetings are not attendees of
	// one of them.
	if len(here) > 0 && f.pred == nil {
		var rest []int
		for _, e := range people {
			placed := false
			for _, m := range here {
				placed = placed || m.has(e)
			}
			if !placed {
				rest = append(rest, e)
			}
		}
		people = rest
	}
	if len(people) == 0 {
		return
	}
	// "X attended a dinner hosted by Y": Y was there.
	var hosts []int
	if f.pred != nil && f.pred.name == "attend" && !f.passive {
		hosts = d.resolve(x, x.hostsOfObject(f.trigger.j))
	}
	if len(hosts) > 0 && len(here) == 0 {
		date, dated := d.frameDate(x, f, st)
		people = appendUnique(people, hosts...)
		if len(people) >= 2 {
			m := &meeting{kind: kindMeeting, people: people, date: date, dated: dated, rule: "attended-hosted",
				host: hosts[0], guest: people[0], place: d.meetingPlace(x, f)}
			m.addSent(x.si)
			st.lastMeeting = d.addMeeting(m)
		}
		return
	}
	target := d.attendTarget(x, f, here, people, st)
	if target == nil {
		// "Both X and Y attended the talks in Oslo", with no meeting told
		// before: those who attended met.
		// "The meeting was attended by X and Y" too.
		if f.pred != nil && f.pred.name == "attend" && len(people) >= 2 && talksNouns[f.targetNoun] {
			date, dated := d.frameDate(x, f, st)
			m := &meeting{kind: kindMeeting, people: people, date: date, dated: dated, rule: "attended-together",
				host: people[0], guest: people[1], place: d.meetingPlace(x, f)}
			m.addSent(x.si)
			st.lastMeeting = d.addMeeting(m)
		}
		return
	}
	// "X, who accompanied Erdogan, said" after a phone call: company is
	// kept in person, not on the line.
	if target.kind == kindCall && f.pred != nil && f.pred.verb == "accompany" {
		return
	}
	target.add(people...)
	target.addSent(x.si)
}

func (d *doc) attendTarget(x *sentence, f frame, here []*meeting, people []int, st *state) *meeting {
	// "X, accompanied by Y, called on Z": the meeting X is in.
	if f.passive {
		subject := d.resolve(x, f.subject)
		for k := len(here) - 1; k >= 0; k-- {
			for _, e := range subject {
				if here[k].has(e) {
					return here[k]
				}
			}
		}
	}
	// "Lavrov, who also took part in the Kremlin meeting, had spent hours
	// with Tillerson": the clause tells of the meeting told before, not
	// of the sentence's own.
	if len(here) > 0 && x.inRelativeClause(f.trigger.i) && talksNouns[f.targetNoun] {
		for k := len(d.meetings) - 1; k >= 0; k-- {
			m := d.meetings[k]
			told := false
			for _, h := range here {
				told = told || h == m
			}
			if !told && !m.dropped && len(m.sents) > 0 && x.si-m.sents[len(m.sents)-1] <= 3 {
				return m
			}
		}
	}
	if len(here) > 0 {
		return here[len(here)-1]
	}
	// "X held talks with Y. ... ... ... Z attended the talks": the talks
	// the story tells, named again, reach farther back.
	reach := 3
	if talksNouns[f.targetNoun] {
		reach = 6
	}
	if st.lastMeeting != nil && x.si-st.lastSent <= reach && !st.lastMeeting.dropped {
		return st.lastMeeting
	}
	return nil
}

// delegationSubject reports whether the subject of "include"/"comprise"
// at k is a delegation, a side or the visitors.
func (x *sentence) delegationSubject(k int) bool {
	limit := k - 8
	for q := k - 1; q >= 0 && q >= limit; q-- {
		t := x.toks[q]
		if delegationNouns[t.Lower] || t.Is("side", "entourage", "party", "retinue", "attendees", "participants") {
			return true
		}
		if t.Text == "," {
			// "The team, led by X, also comprised": step over the
			// parenthetical to its head.
			if open := x.parentheticalStart(q); open >= 0 {
				limit -= q - open
				q = open
				continue
			}
			return false
		}
		if t.Text == ";" {
			return false
		}
	}
	return false
}

// parentheticalStart returns the comma that opens a participle phrase
// closed by the comma at k ("the team, led by X, ..."), or -1.
func (x *sentence) parentheticalStart(k int) int {
	for q := k - 1; q > 0 && q >= k-8; q-- {
		if x.toks[q].Text == "," {
			if w := x.tok(q + 1); w.Kind == text.Word && (strings.HasSuffix(w.Lower, "ed") || w.Is("led", "headed", "including", "which", "who")) {
				return q
			}
			return -1
		}
	}
	return -1
}

// updateState remembers the sentence's people and meetings.
func (d *doc) updateState(x *sentence, frames []frame, here []*meeting, st *state) {
	for _, m := range x.ms {
		if m.ent >= 0 && !m.quoted {
			st.touch(m.ent)
		}
	}
	if len(here) > 0 {
		st.lastMeeting = here[len(here)-1]
		st.lastSent = x.si
	} else if st.lastMeeting != nil {
		for _, m := range d.meetings {
			if m == st.lastMeeting {
				for _, s := range m.sents {
					if s == x.si {
						st.lastSent = x.si
					}
				}
			}
		}
	}
	// The topic: the subject of the sentence's first frame, or its first
	// named person outside quotes.
	topic := -1
	for _, f := range frames {
		if s := d.resolve(x, f.subject); len(s) > 0 {
			topic = s[0]
			break
		}
	}
	if topic < 0 {
		// "It quoted him as thanking the U.S. president": a pronoun
		// before any name keeps the topic it stands for.
		for _, m := range x.ms {
			if m.ent >= 0 && !m.quoted && !m.complement && (m.kind == mName || m.kind == mDescription || m.kind == mPronoun) {
				topic = m.ent
				break
			}
		}
	}
	if topic >= 0 && !x.s.Headline {
		st.topic = topic
	}
	// A meeting of the story moves it to its day; one told as background
	// ("briefed Xi on his December 7 conversation with Biden") does not.
	for _, m := range here {
		if m.dated && m.date.Full() && !backgroundTo(m.date, st.narrative) {
			st.narrative = m.date
		}
	}
	if len(here) == 0 {
		if when, ok := d.visitMonth(x); ok {
			st.visit, st.visitSent = when, x.si
		}
		if day, ok := d.storyDate(x, frames); ok {
			if x.mentionsArrival() {
				st.arrival = day
			} else {
				st.narrative = day
				st.sceneSent = x.si
			}
		}
	}
}

// storyDate returns the date a sentence moves the story to: the date of a
// meeting it reports (even between people it does not name), or of an
// arrival or visit ("Sánchez arrived in the Algerian capital on
// Wednesday"), but not a date in a background phrase ("since his
// inauguration on May 29").
func (d *doc) storyDate(x *sentence, frames []frame) (dates.Day, bool) {
	if x.s.Headline {
		return dates.Day{}, false
	}
	// "On Sunday, Trump addressed ...": a date that opens the sentence
	// sets its scene whatever the verb.
	storyVerb := d.opensWithDate(x)
	for _, f := range frames {
		if !f.planned && f.kind != kindAttend {
			storyVerb = true
		}
	}
	for _, t := range x.toks {
		if t.Is("arrived", "landed", "arrives", "lands", "flew", "visited", "travelled", "traveled", "began", "opened", "reached") {
			storyVerb = true
		}
	}
	if !storyVerb {
		return dates.Day{}, false
	}
	for i, dm := range d.dates[x.si] {
		if !dm.Value.Full() || x.s.Quoted[dm.I] || dm.Value.After(d.pub) {
			continue
		}
		// "BRUSSELS, June 14 - EU leaders met on Tuesday": the day the
		// dateline gives is when it was written, not the story's day.
		if i+1 < len(d.dates[x.si]) && x.datelineAt(dm) {
			continue
		}
		background := false
		for q := dm.I - 1; q >= 0 && q >= dm.I-5; q-- {
			if x.toks[q].Is("since", "until", "after", "before", "following", "ahead") {
				background = true
			}
		}
		if !background {
			return dm.Value, true
		}
	}
	return dates.Day{}, false
}

// visitVerbs tell a journey to a place: a sentence with one of them and
// a month or a year tells when the visit was.
var visitVerbs = wordList(`visited travelled traveled flew toured arrived went`)

// visitMonth returns the coarse date of a visit told in a sentence that
// reports no meeting: "Reis visited Cairo in March", "had visited Cairo
// in 2019", not a trip planned ("is to visit Cairo in July") nor the
// bound of a period ("since 2019").
func (d *doc) visitMonth(x *sentence) (dates.Day, bool) {
	if x.s.Headline {
		return dates.Day{}, false
	}
	verb := -1
	for k, t := range x.toks {
		// "paid a visit to Cairo", "made a trip to Doha".
		journey := visitVerbs[t.Lower] || t.Is("paid", "made") && (x.tok(k+2).Is("visit", "trip") || x.tok(k+3).Is("visit", "trip"))
		if journey && !x.tok(k-1).Is("will", "would", "to", "not", "never") {
			verb = k
			break
		}
	}
	if verb < 0 {
		return dates.Day{}, false
	}
	for _, dm := range d.dates[x.si] {
		if dm.Value.Full() || !dm.Value.Valid() || x.s.Quoted[dm.I] || dm.Value.After(d.pub) || x.tok(dm.I-1).Is("since", "until", "before", "after") {
			continue
		}
		return dm.Value, true
	}
	return dates.Day{}, false
}

// pointsBackToVisit reports a sentence that places what it tells inside a
// visit told before: "During the visit", "during her stay", "While
// there".
func (x *sentence) pointsBackToVisit() bool {
	for k, t := range x.toks {
		if t.Is("during") && x.tok(k+1).Is("the", "that", "this", "his", "her", "their") && x.tok(k+2).Is("visit", "trip", "stay", "tour") ||
			t.Is("while") && x.tok(k+1).Is("there") {
			return true
		}
	}
	return false
}

// datelineAt reports a date among the first words of a sentence followed
// by an agency in brackets or a dash: "SEOUL, June 13 (Yonhap) --".
func (x *sentence) datelineAt(dm dates.Mention) bool { return isDatelineDate(x.toks, dm) }

func isDatelineDate(toks []text.Token, dm dates.Mention) bool {
	if dm.I > 6 {
		return false
	}
	for q := dm.J; q < len(toks) && q <= dm.J+5; q++ {
		// "LAHORE, June 12: ..." too.
		if t := toks[q]; t.Text == "(" || t.Text == "--" || isDash(t.Text) || t.Text == "-" || t.Text == ":" && q == dm.J {
			return true
		}
	}
	return false
}

// opensWithDate reports a sentence that opens with a full date set off by
// a comma: "On Sunday, ...", "Later on Monday, ...", "On May 21, ...".
func (d *doc) opensWithDate(x *sentence) bool {
	for _, dm := range d.dates[x.si] {
		if !dm.Value.Full() || x.tok(dm.J).Text != "," {
			continue
		}
		k := 0
		for k < dm.I && x.tok(k).Is("on", "late", "early", "later", "earlier", "then", "and", "but") {
			k++
		}
		if k == dm.I {
			return true
		}
	}
	return false
}

// resolveReferences resolves the descriptions, pronouns and groups of a
// sentence.
func (d *doc) resolveReferences(si int, st *state) {
	ms := d.ments[si]
	for mi := range ms {
		m := &ms[mi]
		if m.ent >= 0 || m.group != nil {
			continue
		}
		switch m.kind {
		case mPronoun:
			if m.rule == "pronoun-first-person" {
				m.ent = d.speaker(si)
				continue
			}
			m.ent = d.resolvePronoun(ms, mi, st)
		case mDescription:
			m.ent = d.resolveDescription(ms, mi, st)
		case mGroup:
			m.group = d.resolveGroup(m, st)
		}
	}
	d.relativeOffices(si)
}

// relativeOffices gives the people named "his Russian counterpart X" or
// "his predecessor X" the office of the person the sentence is about:
// the same title (in their own country), or held before.
func (d *doc) relativeOffices(si int) {
	ms := d.ments[si]
	for mi := range ms {
		m := &ms[mi]
		if m.ent < 0 || !(m.counterpart || m.relation == "predecessor" || m.relation == "deputy") || m.kind != mName {
			continue
		}
		ref := -1
		for k := range ms {
			if m.possessorAt > 0 {
				// "Dong's predecessor, X": Dong.
				if ms[k].ent >= 0 && ms[k].whole.i <= m.possessorAt && m.possessorAt < ms[k].whole.j {
					ref = ms[k].ent
					break
				}
				continue
			}
			if k != mi && ms[k].ent >= 0 && ms[k].ent != m.ent && !ms[k].complement && (ms[k].kind == mName || ms[k].kind == mDescription || ms[k].kind == mPronoun) {
				ref = ms[k].ent
				break
			}
		}
		if ref < 0 {
			continue
		}
		for _, o := range d.ents[ref].offices {
			if !o.current || o.title == "" {
				continue
			}
			n := o
			switch {
			case m.relation == "predecessor":
				n.current = false
				n.rule = "role-predecessor"
			case m.relation == "deputy":
				// "Governor X ... alongside his deputy, Y": Deputy Governor.
				n.title = "Deputy " + o.title
				n.rule = "role-deputy"
			default:
				n.of = m.country
				n.rule = "role-counterpart"
				n.title = counterpartTitle(n.title, m.country)
			}
			if !hasOffice(d.ents[m.ent].offices, n.title) {
				d.ents[m.ent].offices = append(d.ents[m.ent].offices, n)
			}
			break
		}
	}
}

// counterpartTitle names a counterpart's office in the usage of their
// country: a US or British Secretary's counterpart elsewhere is a
// Minister ("Defence Secretary" → "Defence Minister", "Secretary of
// State" → "Foreign Minister").
func counterpartTitle(title, country string) string {
	if lexicon.SecretaryCountries[strings.ToLower(country)] || country == "" {
		return title
	}
	switch {
	case strings.EqualFold(title, "Secretary of State"):
		return "Foreign Minister"
	case strings.HasSuffix(title, " Secretary"):
		return strings.TrimSuffix(title, " Secretary") + " Minister"
	}
	return title
}

func hasOffice(os []office, title string) bool {
	for _, o := range os {
		if o.title == title {
			return true
		}
	}
	return false
}

// resolvePronoun: "he"/"she" stand for the main subject when they open
// a subordinate clause ("X met Y when he ..."), else the sentence's first
// person, else a person named earlier in the sentence, else the story's
// topic, else its protagonist — never a person the sentence names as
// someone else ("He had talks with Minister Swaraj" is not Swaraj), and
// never one the article already called by the other gender.
// "him"/"her" stand for a person named earlier in the sentence outside
// their own clause, else the topic or the latest other person.
func (d *doc) resolvePronoun(ms []mention, mi int, st *state) int {
	m := &ms[mi]
	subjectCase := m.text == "he" || m.text == "she" || m.text == "his" || m.text == "her" && m.rule == "pronoun-possessive"
	female := m.text == "she" || m.text == "her"
	fits := func(e int) bool {
		if e < 0 {
			return false
		}
		if g, ok := d.gender[e]; ok && g != female && (m.text == "he" || m.text == "she" || m.text == "him" || m.text == "her" && !subjectCase) {
			return false
		}
		return true
	}
	choose := func(e int) int {
		if e >= 0 && (m.text == "he" || m.text == "she" || m.text == "him" || m.text == "her") {
			if _, ok := d.gender[e]; !ok {
				d.gender[e] = female
			}
		}
		return e
	}
	named := map[int]bool{}
	for k := range ms {
		if k != mi && ms[k].ent >= 0 && ms[k].kind == mName {
			named[ms[k].ent] = true
		}
	}
	toks := d.sents[m.sent].Toks
	if subjectCase {
		opening := openingPhraseEnd(toks)
		// "When he hosted X in Tehran, Amir-Abdollahian told him ...": a
		// pronoun in an opening clause points ahead to the subject.
		// "Speaking when he received X, Y said", "Addressing reporters
		// after he met X, Y said": the same after a gerund of speech.
		subordinate := firstWordIs(toks, "when", "after", "before", "while", "as", "once", "since", "although", "though", "if", "during") ||
			firstWordIs(toks, "speaking", "addressing", "commenting", "talking", "remarking") && m.whole.i > 0 &&
				tokAt(toks, m.whole.i-1).Is("when", "after", "while", "as", "before")
		if m.whole.i < opening && subordinate {
			for k := range ms {
				if ms[k].whole.i > opening && ms[k].ent >= 0 && (ms[k].kind == mName || ms[k].kind == mDescription) && !ms[k].complement && fits(ms[k].ent) {
					return choose(ms[k].ent)
				}
			}
		}
		// "According to Xi, ... the understandings that he and Biden
		// reached": the source speaks of himself.
		if firstWordIs(toks, "according") && m.whole.i > opening {
			source, other := -1, false
			for k := 0; k < mi; k++ {
				switch {
				case ms[k].whole.i < opening && source < 0 && ms[k].ent >= 0 && ms[k].kind == mName:
					source = ms[k].ent
				case ms[k].whole.i > opening && ms[k].ent >= 0 && (ms[k].kind == mName || ms[k].kind == mDescription):
					other = true
				}
			}
			if source >= 0 && !other && fits(source) {
				return choose(source)
			}
		}
		var before []int // resolved people named before the pronoun, in order
		for k := 0; k < mi; k++ {
			if ms[k].whole.i < opening {
				// "Meeting his Moldovan counterpart Maia Sandu, he ...":
				// the opening phrase's people are not its subject.
				continue
			}
			if ms[k].ent >= 0 && (ms[k].kind == mName || ms[k].kind == mDescription) && !ms[k].complement {
				before = append(before, ms[k].ent)
			}
		}
		if len(before) > 0 && fits(before[0]) {
			return choose(before[0])
		}
		for k := len(before) - 1; k >= 1; k-- {
			if fits(before[k]) {
				return choose(before[k])
			}
		}
		// "Kral met Ana Vidal. She later met X": a woman named lately
		// before a topic the article has not called "she". ("He" keeps
		// to the topic: most people in the news are men, so a man named
		// lately says less.)
		if g, ok := d.gender[st.topic]; m.text == "she" && (!ok || !g) {
			for k := len(st.recent) - 1; k >= 0; k-- {
				e := st.recent[k]
				if g, ok := d.gender[e]; ok && g && !named[e] && d.ents[e].lastSent >= m.sent-2 {
					return choose(e)
				}
			}
		}
		if fits(st.topic) && !named[st.topic] {
			return choose(st.topic)
		}
		if p := d.protagonist(); fits(p) && !named[p] {
			return choose(p)
		}
		if fits(st.topic) {
			return choose(st.topic)
		}
		for k := len(st.recent) - 1; k >= 0; k-- {
			if fits(st.recent[k]) && !named[st.recent[k]] {
				return choose(st.recent[k])
			}
		}
		return -1
	}
	// The subject of the pronoun's own clause is not its referent; a
	// person named earlier in the sentence is ("Marape told local media
	// that Biden had rung him", "a reception hosted for him").
	clauseSubject := -1
	for k := mi - 1; k >= 0; k-- {
		if ms[k].ent < 0 {
			continue
		}
		// "Marape, who hosted him": the relative clause's subject.
		relative := tokAt(toks, ms[k].whole.j).Text == "," && tokAt(toks, ms[k].whole.j+1).Is("who", "that") &&
			sameClause(toks, ms[k].whole.j+2, m.whole.i)
		if clauseSubject < 0 && (sameClause(toks, ms[k].whole.j, m.whole.i) || relative || controlsInfinitive(toks, ms[k].whole.j, m.whole.i)) {
			clauseSubject = ms[k].ent
			continue
		}
		if ms[k].ent != clauseSubject && (ms[k].kind == mName || ms[k].kind == mDescription) && !ms[k].complement && fits(ms[k].ent) {
			return choose(ms[k].ent)
		}
	}
	if st.topic >= 0 && st.topic != clauseSubject && fits(st.topic) {
		return choose(st.topic)
	}
	for k := len(st.recent) - 1; k >= 0; k-- {
		if st.recent[k] != clauseSubject && fits(st.recent[k]) {
			return choose(st.recent[k])
		}
	}
	return -1
}

func firstWordIs(toks []text.Token, words ...string) bool {
	return tokAt(toks, bodyStart(toks)).Is(words...)
}

// openingPhraseEnd returns where a sentence's opening participial or
// prepositional phrase ends ("Meeting X, ...", "After talks with X, ..."),
// or 0 when it has none.
func openingPhraseEnd(toks []text.Token) int {
	k := bodyStart(toks)
	t := tokAt(toks, k)
	if t.Kind != text.Word {
		return 0
	}
	opens := t.Is("in", "on", "at", "after", "before", "during", "following", "while", "when", "with", "according", "upon", "for", "since", "speaking", "meeting")
	if !opens && !(lexicon.IsVerb(t.Lower) && (strings.HasSuffix(t.Lower, "ing") || strings.HasSuffix(t.Lower, "ed"))) {
		return 0
	}
	end := 0
	for q := k; q < len(toks); q++ {
		if toks[q].Text == "," {
			end = q
			break
		}
	}
	if end == 0 && opens {
		end = shortOpeningEnd(toks, k)
	}
	// "According to a statement from Rosso, after being welcomed by
	// dancers, PM Rabuka paid ...": opening phrases in a row.
	for end > 0 && end+1 < len(toks) {
		n := toks[end+1]
		if !n.Is("in", "on", "at", "after", "before", "during", "following", "while", "when", "upon", "since", "with") {
			break
		}
		next := 0
		for q := end + 1; q < len(toks); q++ {
			if toks[q].Text == "," {
				next = q
				break
			}
		}
		if next == 0 {
			break
		}
		end = next
	}
	return end
}

// shortOpeningEnd reads an opening phrase of a few lower-case words and
// no comma ("After lunch Rowley was back", "On Thursday Ruto hosted") and
// returns its last token, or 0 when a name does not follow at once.
func shortOpeningEnd(toks []text.Token, k int) int {
	for q := k + 1; q < len(toks) && q <= k+4; q++ {
		t := toks[q]
		switch {
		case dates.IsDateWord(t) || t.Kind == text.Number || t.Kind == text.Word && !t.Cap:
			continue
		case t.Kind == text.Word && t.Cap && q > k+1:
			return q - 1
		}
		return 0
	}
	return 0
}

// sameClause reports that tokens [a, b) hold no comma, preposition or
// clause word: what is before them is the subject of the verb in them.
// controlsInfinitive reports a subject at a whose clause runs on into an
// infinitive that reaches b: "X was on hand to greet him", where "him" is
// not X.
func controlsInfinitive(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Is("to") && k+1 < len(toks) && lexicon.IsVerb(toks[k+1].Lower) && !toks[k+1].Cap {
			return sameClause(toks, a, k) && sameClause(toks, k+1, b)
		}
	}
	return false
}

func sameClause(toks []text.Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		t := toks[k]
		if t.Text == "," || t.Text == ";" || t.Is("for", "to", "with", "by", "who", "that", "when", "after", "before", "while", "and", "from", "of") {
			return false
		}
	}
	return true
}

// protagonist returns the person the article names most often.
func (d *doc) protagonist() int {
	best, n := -1, 0
	for e := range d.ents {
		if d.ents[e].mentions > n {
			best, n = e, d.ents[e].mentions
		}
	}
	return best
}

// resolveDescription finds the person a description stands for: the
// guest or host of the last meeting for "the visitor", "his host"; the
// person of that nationality for "his Omani counterpart"; else the most
// recent person whose office has the description's head word and, when
// it says one, nationality.
func (d *doc) resolveDescription(ms []mention, mi int, st *state) int {
	m := &ms[mi]
	// "The Egyptian host, President Hosni Mubarak, started": the name in
	// apposition.
	if toks := d.sents[m.sent].Toks; tokAt(toks, m.whole.j).Text == "," && mi+1 < len(ms) {
		if n := &ms[mi+1]; n.kind == mName && n.ent >= 0 && n.whole.i == m.whole.j+1 && tokAt(toks, n.whole.j).Text == "," {
			return n.ent
		}
	}
	head := m.text
	if f := lastField(head); f != "" {
		head = f
	}
	lm := st.lastMeeting
	switch head {
	case "guest", "visitor":
		if lm != nil && lm.guest >= 0 {
			return lm.guest
		}
		return d.mostRecent(st, func(e int) bool { return d.visiting[e] })
	case "host":
		if lm != nil && lm.host >= 0 {
			return lm.host
		}
	case "counterpart":
		if m.country != "" {
			return d.mostRecent(st, func(e int) bool { return d.ents[e].country == m.country })
		}
		return -1
	}
	if m.visiting {
		if e := d.mostRecent(st, func(e int) bool { return d.visiting[e] && d.fits(e, m) }); e >= 0 {
			return e
		}
		if lm != nil && lm.guest >= 0 && d.fits(lm.guest, m) {
			return lm.guest
		}
	}
	// "the Bangladeshi leader": a head of state or government before a
	// minister or secretary of that country ("the leader of the team" is
	// another's).
	if head == "leader" && !tokAt(d.sents[m.sent].Toks, m.whole.j).Is("of") {
		top := func(e int) bool {
			for _, o := range d.ents[e].offices {
				if topOffices[titleHeadWord(o.title)] && o.current {
					return true
				}
			}
			return false
		}
		if e := d.mostRecent(st, func(e int) bool {
			return top(e) && (m.country == "" || d.ents[e].country == m.country)
		}); e >= 0 && (m.country != "" || st.topic < 0 || !top(st.topic)) {
			return e
		}
	}
	// "the veteran Ugandan leader": someone known to be Ugandan before
	// someone whose country the article does not say.
	if m.country != "" {
		if e := d.mostRecent(st, func(e int) bool { return d.ents[e].country == m.country && d.officeFits(e, m) }); e >= 0 {
			return e
		}
	}
	// "the Senior General" for the one styled so, not the General who is
	// the topic; "the RTA chief" for the Commander-in-Chief of the Royal
	// Thai Army (RTA).
	if e := d.closestFit(st, m); e >= 0 {
		return e
	}
	// "the retired president", "the former minister": someone who held
	// the office, not its holder now.
	if d.pastDescription(m) {
		if e := d.mostRecent(st, func(e int) bool { return d.fits(e, m) && d.heldBefore(e, m) }); e >= 0 {
			return e
		}
	}
	if st.topic >= 0 && d.fits(st.topic, m) && d.holdsNow(st.topic, m) {
		return st.topic
	}
	// "... conveyed greetings from the President of the UAE. He delivered
	// a message to the Head of State": the host of the meetings told.
	if lm != nil && lm.host >= 0 && d.fits(lm.host, m) && d.holdsNow(lm.host, m) {
		return lm.host
	}
	// Someone holding the office now before someone who held it.
	if e := d.mostRecent(st, func(e int) bool { return d.fits(e, m) && d.holdsNow(e, m) }); e >= 0 {
		return e
	}
	if st.topic >= 0 && d.fits(st.topic, m) {
		return st.topic
	}
	if e := d.mostRecent(st, func(e int) bool { return d.fits(e, m) }); e >= 0 {
		return e
	}
	// Any person of the stated nationality: "the Lao leader", "the US
	// official".
	if m.country != "" && genericPersonNoun[head] {
		if e := d.mostRecent(st, func(e int) bool { return d.ents[e].country == m.country }); e >= 0 {
			return e
		}
	}
	// "..., said Rouhani. ... the Iranian president noted": a speaker the
	// article names without office, described as the one speaking now.
	toksHere := d.sents[m.sent].Toks
	if lexicon.SpeechVerbs[tokAt(toksHere, m.whole.j).Lower] && !genericPersonNoun[head] && st.topic >= 0 {
		if t := &d.ents[st.topic]; len(t.offices) == 0 && (t.country == "" || t.country == m.country) {
			// The description says their office.
			if lexicon.TitleHeads[head] && !genericPersonNoun[head] && !vagueOfficeHeads[head] {
				t.offices = append(t.offices, office{title: capitalizeWords(m.text), of: m.country, current: true, rule: "role-description"})
				if t.country == "" {
					t.country = m.country
				}
			}
			return st.topic
		}
	}
	// "Libyan leader Moamer Kadhafi has accepted ... after talks between
	// the strongman and ...": someone named earlier in the sentence.
	toks := d.sents[m.sent].Toks
	for k := mi - 1; k >= 0; k-- {
		// Not the speaker who tells of it: "X said after talks
		// between the strongman and ..." is not X.
		if o := &ms[k]; o.kind == mName && o.ent >= 0 && !o.quoted && d.fits(o.ent, m) && !lexicon.SpeechVerbs[tokAt(toks, o.whole.j).Lower] {
			return o.ent
		}
	}
	// "Rishi Sunak is in London this week. The Prime Minister hosted
	// X": the head of state or government the story is about, when the
	// article gives its topic no office and no one else this one.
	if st.topic >= 0 && headOfStateDescription(m.text) && len(d.ents[st.topic].offices) == 0 && !d.anyoneElseHolds(m, ms) &&
		(m.country == "" || d.ents[st.topic].country == "" || d.ents[st.topic].country == m.country) {
		for k := range ms {
			if ms[k].ent == st.topic && k != mi {
				return -1
			}
		}
		return st.topic
	}
	return -1
}

// headOfStateDescription reports "the President", "the Prime Minister",
// "the Chancellor", "the King", "the Secretary-General" and the like:
// offices a story's main person holds alone.
func headOfStateDescription(text string) bool {
	switch strings.ToLower(lastWords(text, 2)) {
	case "prime minister", "head of state":
		return true
	}
	switch strings.ToLower(lastField(text)) {
	case "president", "premier", "chancellor", "king", "queen", "emir", "sultan", "taoiseach", "secretary-general":
		return true
	}
	return false
}

// lastWords returns the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}

// anyoneElseHolds reports whether some person of the article, other than
// those of description m's own sentence ms ("The Prime Minister hosted
// Czech Prime Minister X"), holds an office that m fits.
func (d *doc) anyoneElseHolds(m *mention, ms []mention) bool {
	here := map[int]bool{}
	for _, o := range ms {
		if o.ent >= 0 {
			here[o.ent] = true
		}
	}
	for e := range d.ents {
		if !here[e] && d.officeFits(e, m) {
			return true
		}
	}
	return false
}

// closestFit returns the most recent person who fits description m and
// whose styles and offices hold every other word of it too ("senior" of
// "the senior general", "rta" of "the RTA chief"), when m has such words
// and one person, not several, has them all; or -1.
func (d *doc) closestFit(st *state, m *mention) int {
	h := titleHeadWord(m.text)
	var want []string
	for _, w := range splitWords(strings.ToLower(m.text)) {
		if w != h && !lexicon.FunctionWords[w] && !unspecificWords[w] && lexicon.Places().Demonym(w) == "" {
			want = append(want, w)
		}
	}
	if len(want) == 0 {
		return -1
	}
	found := -1
	for _, e := range st.recent {
		if e == found {
			continue
		}
		has := d.describingWords(e)
		if !d.fits(e, m) && !containsString(has, h) {
			continue
		}
		all := true
		for _, w := range want {
			if !containsString(has, w) {
				all = false
				break
			}
		}
		if all {
			if found >= 0 {
				return -1
			}
			found = e
		}
	}
	return found
}

// describingWords lists, lower case, the words around entity e's name in
// its named mentions: titles, ranks, styles and appositives ("senior",
// "general", "commander", "chief", "rta" of "Commander-in-Chief of the
// Royal Thai Army (RTA), Senior General X"), hyphenated words split.
// The words of every entity are read in one pass over the article, the
// first time any is asked for: names are resolved by then.
func (d *doc) describingWords(e int) []string {
	if d.describing == nil {
		d.describing = map[int][]string{}
		for si := range d.ments {
			toks := d.sents[si].Toks
			for _, m := range d.ments[si] {
				if m.ent < 0 || m.kind != mName {
					continue
				}
				for k := m.whole.i; k < m.whole.j && k < len(toks); k++ {
					if k >= m.name.i && k < m.name.j || toks[k].Kind != text.Word {
						continue
					}
					d.describing[m.ent] = append(d.describing[m.ent], strings.Split(toks[k].Lower, "-")...)
				}
			}
		}
	}
	return d.describing[e]
}

// unspecificWords describe a person without telling them apart from
// others of their office: "the visiting general", "the new minister".
var unspecificWords = map[string]bool{"visiting": true, "new": true, "former": true, "outgoing": true,
	"incoming": true, "retired": true, "top": true, "veteran": true, "powerful": true, "young": true,
	"elderly": true, "distinguished": true, "august": true, "high-ranking": true, "newly": true,
	"appointed": true, "elected": true, "then": true, "late": true}

// holdsNow reports whether entity e holds, not held, an office that fits
// description m ("the President" is not the former president).
func (d *doc) holdsNow(e int, m *mention) bool {
	h := titleHeadWord(m.text)
	for _, o := range d.ents[e].offices {
		if o.current && (titleHeadWord(o.title) == h || descriptionFits(m.text, h, titleHeadWord(o.title))) {
			return true
		}
	}
	return len(d.ents[e].offices) == 0
}

// pastDescription reports a description of someone out of office: "the
// retired president", "the former minister".
func (d *doc) pastDescription(m *mention) bool {
	toks := d.sents[m.sent].Toks
	for k := m.whole.i; k < m.whole.j && k < len(toks); k++ {
		if toks[k].Is("former", "retired", "ex", "outgoing", "erstwhile", "then") {
			return true
		}
	}
	return false
}

// heldBefore reports whether entity e held, and no longer holds, an
// office that fits description m.
func (d *doc) heldBefore(e int, m *mention) bool {
	h := titleHeadWord(m.text)
	for _, o := range d.ents[e].offices {
		if !o.current && (titleHeadWord(o.title) == h || descriptionFits(m.text, h, titleHeadWord(o.title))) {
			return true
		}
	}
	return false
}

// vagueOfficeHeads describe a person without naming their office: "the
// Iranian chief executive" is the president.
var vagueOfficeHeads = map[string]bool{"executive": true, "chief": true, "head": true, "officer": true,
	"aide": true, "representative": true, "member": true}

// capitalizeWords writes each word of a title with a capital: "prime
// minister" → "Prime Minister".
func capitalizeWords(s string) string {
	fs := strings.Fields(s)
	for i, f := range fs {
		if !isFunctionTail(f) {
			fs[i] = strings.ToUpper(f[:1]) + f[1:]
		}
	}
	return strings.Join(fs, " ")
}

// topOffices head a state or a government: what "the leader" of a country
// means first.
var topOffices = map[string]bool{"president": true, "premier": true, "chancellor": true, "king": true,
	"queen": true, "emir": true, "sultan": true, "monarch": true, "taoiseach": true, "leader": true}

// genericPersonNoun are description heads that say nothing of an office.
var genericPersonNoun = map[string]bool{"leader": true, "official": true, "diplomat": true, "envoy": true,
	"statesman": true, "dignitary": true, "delegate": true, "politician": true, "veteran": true, "man": true,
	"woman": true, "monarch": true, "ruler": true}

func lastField(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return s[i+1:]
		}
	}
	return s
}

// fits reports whether entity e may be what description m describes: an
// office with the same head word, and the same nationality if m says one.
func (d *doc) fits(e int, m *mention) bool {
	ent := &d.ents[e]
	if m.country != "" && ent.country != "" && ent.country != m.country {
		return false
	}
	if d.officeFits(e, m) {
		return true
	}
	h := titleHeadWord(m.text)
	if genericPersonNoun[h] && m.country != "" && ent.country == m.country {
		return true
	}
	// "the senior general" for "Senior General Min Aung Hlaing".
	for _, st := range ent.styles {
		if st == h || st == "gen" && h == "general" {
			return true
		}
	}
	return false
}

// officeFits reports whether entity e holds or held an office with the
// head word of description m, or one the description may stand for.
func (d *doc) officeFits(e int, m *mention) bool {
	h := titleHeadWord(m.text)
	if h == "" {
		return false
	}
	for _, o := range d.ents[e].offices {
		oh := titleHeadWord(o.title)
		if oh == h || descriptionFits(m.text, h, oh) {
			return true
		}
	}
	return false
}

// describedBy lists, for description heads that are no office title
// themselves, the office heads they may describe ("the envoy" is an
// ambassador, "the head of state" a president, king or emir).
var describedBy = map[string][]string{
	"envoy":              {"ambassador", "envoy", "emissary", "representative", "commissioner", "consul", "chargé", "charge"},
	"ambassador":         {"envoy", "commissioner"},
	"diplomat":           {"ambassador", "envoy", "secretary", "minister", "consul", "chargé", "charge", "commissioner"},
	"head of state":      {"president", "king", "emir", "sultan", "queen", "monarch", "emperor", "amir", "ruler"},
	"head of government": {"minister", "chancellor", "premier"},
	"monarch":            {"king", "queen", "sultan", "emir", "amir", "emperor", "asantehene", "ruler", "prince"},
	"ruler":              {"king", "queen", "sultan", "emir", "amir", "emperor", "ruler", "prince"},
	"leader":             {"president", "premier", "minister", "chancellor", "king", "emir", "sultan", "leader", "chairman", "secretary"},
	"official":           {"minister", "secretary", "ambassador", "envoy", "director", "adviser", "spokesman", "chief", "commissioner", "representative", "undersecretary", "under-secretary", "official"},
	"chief":              {"chief", "director", "head", "commander"},
	"army chief":         {"chief", "commander"},
	"naval chief":        {"chief", "admiral", "commander"},
	"minister":           {"minister", "secretary"},
	"secretary":          {"secretary", "minister"},
	"premier":            {"premier"},
	"chairman":           {"chairman", "chair", "chairperson", "president"},
	"prince":             {"prince", "crown"},
	"general":            {"chief", "commander", "general"},
	"strongman":          {"leader", "president", "minister", "premier", "king", "emir", "sultan", "ruler", "general", "chairman", "commander"},
	"autocrat":           {"leader", "president", "minister", "premier", "king", "emir", "sultan", "ruler", "general", "chairman"},
	"dictator":           {"leader", "president", "minister", "premier", "king", "emir", "sultan", "ruler", "general", "chairman"},
	"incumbent":          {"president", "minister", "premier", "governor", "mayor", "chancellor", "senator"},
	"admiral":            {"chief", "commander", "admiral"},
	// Styles used alone: "His Majesty received ...".
	"majesty":    {"king", "queen", "sultan", "emperor", "empress", "monarch"},
	"highness":   {"emir", "amir", "prince", "princess", "sheikh", "crown", "sultan", "ruler", "aga"},
	"holiness":   {"pope", "patriarch", "catholicos", "dalai"},
	"beatitude":  {"patriarch", "archbishop"},
	"excellency": {"president", "minister", "premier", "ambassador", "governor", "secretary", "chancellor"},
}

// descriptionFits reports whether a description with head h fits an
// office with head oh through describedBy.
func descriptionFits(text, h, oh string) bool {
	for _, key := range []string{text, h} {
		for _, x := range describedBy[key] {
			if x == oh {
				return true
			}
		}
	}
	return false
}

func (d *doc) mostRecent(st *state, ok func(int) bool) int {
	for k := len(st.recent) - 1; k >= 0; k-- {
		if ok(st.recent[k]) {
			return st.recent[k]
		}
	}
	return -1
}

// resolveGroup: "the two leaders", "both sides", "they" stand for the
// people of the last meeting when their number fits; "the Egyptian and
// Saudi sides" for the people of those nationalities.
func (d *doc) resolveGroup(m *mention, st *state) []int {
	// "that he and U.S. President Joe Biden reached when they met": a
	// pair coordinated earlier in the same sentence.
	// "X and Y have not spoken since their meeting in Bali".
	theirAfterPreposition := m.text == "their" && tokAt(d.sents[m.sent].Toks, m.whole.i-1).Is("since", "after", "before", "during", "at")
	if m.text == "they" || m.text == "them" || theirAfterPreposition || m.count == 2 {
		ms := d.ments[m.sent]
		for k := len(ms) - 1; k >= 1; k-- {
			a, b := &ms[k-1], &ms[k]
			if b.whole.i >= m.whole.i || a.ent < 0 || b.ent < 0 || a.ent == b.ent {
				continue
			}
			if between := d.sents[m.sent].Toks[a.whole.j:b.whole.i]; len(between) == 1 && between[0].Is("and") {
				return []int{a.ent, b.ent}
			}
		}
	}
	// "X arrived, accompanied by Y. They were received by Z": the party
	// just told.
	if m.text == "they" && len(st.party) >= 2 && m.sent-st.partySent <= 2 {
		return append([]int(nil), st.party...)
	}
	// "X discussed the issue with Y when they met": the two the
	// sentence named before its clause.
	if m.text == "they" && tokAt(d.sents[m.sent].Toks, m.whole.i-1).Is("when", "after", "before", "as", "while", "where", "since") {
		var here []int
		for _, o := range d.ments[m.sent] {
			if o.whole.i >= m.whole.i {
				break
			}
			if o.ent >= 0 && !o.quoted && !o.complement && (o.kind == mName || o.kind == mDescription) {
				here = appendUnique(here, o.ent)
			}
		}
		if len(here) == 2 {
			return here
		}
	}
	// "the two foreign secretaries, Aizaz Chaudhry and S. Jaishankar": the
	// names in apposition.
	if m.count >= 2 {
		if names := d.appositiveNames(m); len(names) == m.count {
			return names
		}
	}
	// "President Tinubu proceeded to the residence of Oba Adetona, where
	// the two held a meeting": the people the sentence named before it.
	if m.count >= 2 {
		var here []int
		for _, o := range d.ments[m.sent] {
			if o.whole.i >= m.whole.i {
				break
			}
			if o.ent >= 0 && !o.quoted && (o.kind == mName || o.kind == mDescription) {
				here = appendUnique(here, o.ent)
			}
		}
		if len(here) == m.count {
			return here
		}
	}
	if len(m.countries) > 0 {
		var out []int
		for _, c := range m.countries {
			if e := d.mostRecent(st, func(e int) bool { return d.ents[e].country == c }); e >= 0 {
				out = appendUnique(out, e)
			}
		}
		if len(out) >= 2 {
			return out
		}
		return nil
	}
	// "Their most recent encounter", "The two have not met since ...":
	// background about the story's main pair.
	if (m.count == 2 || m.count == 0 && (m.text == "their" || m.text == "they")) && d.backgroundSentence(m.sent) {
		if fm := d.firstMeeting(); fm != nil && len(fm.people) >= 2 && fm.host >= 0 && fm.guest >= 0 {
			return []int{fm.host, fm.guest}
		}
	}
	// "the two prime ministers", "both presidents": the people who hold
	// that office, most recent first.
	// "the two Saudi princes": styled so, of that country.
	if h := groupOfficeHead(m.text); h != "" && m.count >= 2 {
		var holders []int
		for k := len(st.recent) - 1; k >= 0 && len(holders) < m.count; k-- {
			e := st.recent[k]
			if m.country != "" && d.ents[e].country != "" && d.ents[e].country != m.country {
				continue
			}
			holds := containsString(d.ents[e].styles, h)
			for _, o := range d.ents[e].offices {
				holds = holds || titleHeadWord(o.title) == h
			}
			if holds {
				holders = append(holders, e)
			}
		}
		if len(holders) == m.count {
			return holders
		}
	}
	// "the two Saudi officials": the last people of that country.
	if m.count >= 2 && m.country != "" {
		var of []int
		for k := len(st.recent) - 1; k >= 0 && len(of) < m.count; k-- {
			if e := st.recent[k]; d.ents[e].country == m.country {
				of = append(of, e)
			}
		}
		if len(of) == m.count {
			return of
		}
	}
	// "the two leaders", "both presidents": the last meeting between
	// office holders of that kind.
	if officeGroupNoun(m.text) {
		for k := len(d.meetings) - 1; k >= 0; k-- {
			lm := d.meetings[k]
			if lm.dropped || lm.host < 0 || lm.guest < 0 {
				continue
			}
			if len(d.ents[lm.host].offices) > 0 && len(d.ents[lm.guest].offices) > 0 {
				if m.count == 2 || m.count == 0 && len(lm.people) == 2 {
					return []int{lm.host, lm.guest}
				}
				if m.count == len(lm.people) {
					return append([]int(nil), lm.people...)
				}
				break
			}
		}
	}
	if lm := st.lastMeeting; lm != nil && (m.count == 0 || m.count == len(lm.people) || m.count == 2 && len(lm.people) >= 2) {
		if m.count == 2 && len(lm.people) > 2 && lm.host >= 0 && lm.guest >= 0 {
			return []int{lm.host, lm.guest}
		}
		return append([]int(nil), lm.people...)
	}
	if m.count == 2 && len(st.recent) >= 2 {
		return []int{st.recent[len(st.recent)-2], st.recent[len(st.recent)-1]}
	}
	return nil
}

// appositiveNames returns the people named in a list set off by a comma
// right after group mention m: "the two ministers, A and B".
func (d *doc) appositiveNames(m *mention) []int {
	toks := d.sents[m.sent].Toks
	if tokAt(toks, m.whole.j).Text != "," {
		return nil
	}
	var out []int
	next := m.whole.j + 1
	for _, o := range d.ments[m.sent] {
		if o.name.i < next {
			continue
		}
		if o.name.i > next+1 && o.whole.i > next+1 || o.kind != mName || o.ent < 0 {
			break
		}
		out = append(out, o.ent)
		next = o.whole.j
		if t := tokAt(toks, next); t.Text == "," || t.Is("and") {
			next++
			if tokAt(toks, next).Is("and") {
				next++
			}
			continue
		}
		break
	}
	return out
}

// groupOfficeHead returns the office a group mention names ("the two
// prime ministers" → premier, "both presidents" → president), or "" for
// generic groups ("the two leaders", "both sides").
func groupOfficeHead(text string) string {
	for _, g := range groupOfficeHeads {
		if strings.Contains(text, g.plural) {
			return g.head
		}
	}
	return ""
}

// groupOfficeHeads are the plural nouns of a group and the title head or
// style of each of its members, the longer first: "the two prime
// ministers", "both foreign ministers", "the two Saudi princes".
var groupOfficeHeads = []struct{ plural, head string }{
	{"prime ministers", "premier"}, {"premiers", "premier"}, {"foreign ministers", "minister"},
	{"presidents", "president"}, {"kings", "king"}, {"chancellors", "chancellor"}, {"ministers", "minister"},
	{"princes", "prince"}, {"emirs", "emir"}, {"sheikhs", "sheikh"}, {"generals", "general"},
	{"senators", "senator"}, {"governors", "governor"}, {"ambassadors", "ambassador"}, {"mayors", "mayor"},
}

// backgroundSentence reports a sentence that looks back at earlier
// contacts: "their most recent encounter", "have not met since", "the
// two had spoken only once before".
func (d *doc) backgroundSentence(si int) bool {
	for _, t := range d.sents[si].Toks {
		if t.Is("previous", "recent", "last", "since", "before", "earlier", "until", "first", "once", "periodic", "regular") {
			return true
		}
	}
	return false
}

// officeGroupNoun reports a group mention headed by an office ("the two
// leaders", "both presidents", "the four heads of state").
func officeGroupNoun(text string) bool {
	for _, w := range []string{"leaders", "presidents", "ministers", "premiers", "heads", "chancellors", "kings", "monarchs", "statesmen"} {
		if len(text) >= len(w) && (text[len(text)-len(w):] == w || containsWordString(text, w)) {
			return true
		}
	}
	return false
}

func containsWordString(s, w string) bool {
	for _, f := range splitWords(s) {
		if f == w {
			return true
		}
	}
	return false
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// unused keeps the lexicon import for pronoun sets used elsewhere.
var _ = lexicon.SubjectPronouns

// speaker returns the person quoted in sentence si: the one a speech
// verb outside the quotation attributes it to ("Ruto posted", "said
// Lavrov", "Albusaidi wrote:"), in this sentence, in the next ones of the
// same paragraph (a quotation cut into sentences), or in the previous one
// when it ends with a colon.
func (d *doc) speaker(si int) int {
	if e := d.speakerIn(si); e >= 0 {
		return e
	}
	for n := si + 1; n < len(d.sents) && n <= si+3 && d.sents[n].Paragraph == d.sents[si].Paragraph; n++ {
		if e := d.speakerIn(n); e >= 0 {
			return e
		}
		if !d.sents[n].Quoted[0] {
			break
		}
	}
	if si > 0 {
		prev := &d.sents[si-1]
		if last := prev.Toks[len(prev.Toks)-1]; last.Text == ":" || strings.HasSuffix(strings.TrimSpace(prev.Text), ":") {
			return d.speakerIn(si - 1)
		}
		// "In a post on X, Albusaidi wrote: \"I am proud ...": one sentence.
	}
	return -1
}

// speakerIn finds the speaker of a speech verb outside quotation marks in
// sentence si.
func (d *doc) speakerIn(si int) int {
	s := &d.sents[si]
	ms := d.ments[si]
	for k, t := range s.Toks {
		if s.Quoted[k] || t.Kind != text.Word || !lexicon.SpeechVerbs[t.Lower] {
			continue
		}
		// "X said", "X, the minister, wrote".
		for mi := len(ms) - 1; mi >= 0; mi-- {
			m := &ms[mi]
			if m.whole.j <= k && !m.quoted && m.ent >= 0 && k-m.whole.j <= 3 {
				return m.ent
			}
		}
		// "said X".
		for mi := range ms {
			m := &ms[mi]
			if m.whole.i > k && m.whole.i-k <= 2 && !m.quoted && m.ent >= 0 {
				return m.ent
			}
		}
	}
	return -1
}

// meetingPlace returns where a meeting took place: a place named after
// "in"/"at" near its predicate, or the article's dateline city.
func (d *doc) meetingPlace(x *sentence, f frame) string {
	if p := d.placeAfter(x.s, f.trigger.i); p != "" {
		return p
	}
	return d.datelinePlace
}

// readDateline finds the city an article is datelined from: "RIYADH, March
// 16 (SPA) --", "Jakarta:", "KUALA LUMPUR:", "Nairobi -".
func (d *doc) readDateline() {
	g := lexicon.Places()
	for si := range d.sents {
		if si > 2 {
			return
		}
		toks := d.sents[si].Toks
		k := firstContent(toks)
		if p, n := g.PlaceAt(toks, k); n > 0 {
			if next := tokAt(toks, k+n); next.Text == "," || next.Text == ":" || next.Text == "-" || next.Text == "—" || next.Text == "–" {
				d.datelinePlace = titleCaseWords(p)
				return
			}
		}
		// A dateline city the gazetteer lacks, in capitals: "RAWALPINDI:".
		n := 0
		for k+n < len(toks) && toks[k+n].Kind == text.Word && toks[k+n].AllCaps() && n < 3 {
			n++
		}
		if n > 0 && (tokAt(toks, k+n).Text == ":" || tokAt(toks, k+n).Text == "," && si == 0) && !lexicon.NewsAgencies[toks[k].Lower] {
			d.datelinePlace = titleCaseWords(nameText(toks[k : k+n]))
			return
		}
	}
}

// headlineTellsOfCall reports a headline among the first lines that
// names a call: "Readout of President X's Call with Y", "PM call with X:
// 12 June 2023", "X, Y hold phone talks". A courtesy call is a visit.
func (d *doc) headlineTellsOfCall() bool {
	for si := range d.sents {
		if si > 2 {
			break
		}
		if !d.sents[si].Headline {
			continue
		}
		toks := d.sents[si].Toks
		for k, t := range toks {
			if callCues[t.Lower] && !t.Is("online", "virtual", "virtually") ||
				t.Is("call", "calls") && tokAt(toks, k+1).Is("with") && !tokAt(toks, k-1).Is("courtesy", "farewell") {
				return true
			}
		}
	}
	return false
}

func titleCaseWords(s string) string {
	fs := strings.Fields(s)
	for i, f := range fs {
		if text.IsAllCaps(f) {
			fs[i] = f[:1] + strings.ToLower(f[1:])
		}
	}
	return strings.Join(fs, " ")
}

// bodyStart returns the index of a sentence's first word past a wire
// dateline ("HANOI (VNA) – Receiving X, ...", "SINGAPORE, June 13 –
// After meeting X, ...", "LAHORE, June 12: ..."), or its first content
// when it has none: where the sentence's own grammar starts.
func bodyStart(toks []text.Token) int {
	k := firstContent(toks)
	t := tokAt(toks, k)
	if t.Kind != text.Word || !(t.AllCaps() && len(t.Text) >= 3) {
		return k
	}
	for q := k + 1; q < len(toks) && q <= k+14; q++ {
		u := toks[q]
		if isDash(u.Text) || u.Text == "-" || u.Text == ":" {
			if next := tokAt(toks, q+1); next.Kind == text.Word && next.Cap {
				return q + 1
			}
			return k
		}
		if u.Text == "." || u.Text == ";" || u.Kind == text.Word && !u.Cap && !u.Is("of") {
			return k
		}
	}
	return k
}

// firstContent returns the index of a sentence's first word or number,
// past a dateline's punctuation, quotes and dashes.
func firstContent(toks []text.Token) int {
	for k, t := range toks {
		if t.Kind == text.Word || t.Kind == text.Number {
			return k
		}
	}
	return 0
}
