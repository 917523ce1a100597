package eval

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// Group is a construction of news text that errors are put down to: the
// eight of issue 16, most costly first, and "other".
type Group struct {
	Number int
	Name   string // short name, as in JSON: "attendees"
	Title  string // "attendees added elsewhere"
}

// Groups are the construction groups, in their issue order.
var Groups = []Group{
	{1, "mentions", "mentions in real shapes (people, titles, honorifics)"},
	{2, "many-meetings", "one predicate, many separate meetings"},
	{3, "attendees", "attendees added elsewhere"},
	{4, "predicates", "other predicates and voices"},
	{5, "descriptions", "participants by description or pronoun"},
	{6, "calls", "calls"},
	{7, "dates", "dates"},
	{8, "not-a-meeting", "what is not a meeting"},
	{9, "other", "other (fits no rule)"},
}

// clue is something the grouping rules can require of an error.
type clue int

const (
	// unresolvedPerson: one of the pair resolves to no gold person of the
	// article (a name mangled by a title, or not a person at all).
	unresolvedPerson clue = iota
	// personNotFound: one of the pair is not among the article's predicted
	// people.
	personNotFound
	// otherPairFound: another pair of the same gold meeting was predicted,
	// so the meeting was seen and this person not added to it.
	otherPairFound
	// namedByDescription: one of the pair is not named in the evidence,
	// which has a description or pronoun (descriptionWords).
	namedByDescription
	// siblingMeetings: the evidence also names a person of another gold
	// meeting of the article, on the same date, that shares a person with
	// this one.
	siblingMeetings
	// bothNamed: both of the pair are named in the evidence.
	bothNamed
	// predictedAsCall: the article's prediction has the pair as a call.
	predictedAsCall
	// goldIsCall: the article's gold has the pair as a call.
	goldIsCall
	// separateInGold: both of the pair are in gold meetings of the
	// article, but never in the same one.
	separateInGold
)

// rule puts the errors it fits in a group. An error fits when every field
// set holds: its kind, its category, the number of people in the meeting
// the pair comes from (the gold one for a miss, the predicted one for a
// false hit), a word or phrase of the evidence, and clues.
type rule struct {
	group      string
	kind       string   // Miss or FalseHit; "" for both
	categories []string // nil for all
	minPeople  int
	maxPeople  int      // 0 for no limit
	words      []string // the evidence has one of these (lower case, unaccented)
	clues      []clue
}

// Evidence words the rules look for.
var (
	attendeeWords = []string{"present", "presence", "attended", "attending", "attendance", "accompanied",
		"accompanying", "delegation", "delegations", "included", "include", "includes", "including",
		"flanked", "joined", "joining", "alongside", "together with", "among them", "entourage"}
	phoneWords       = []string{"phone", "phoned", "telephone", "telephoned", "telephonic", "video", "videoconference", "virtual"}
	descriptionWords = []string{"he", "she", "him", "her", "his", "they", "them", "their", "both", "two",
		"counterpart", "counterparts", "guest", "guests", "host", "hosts", "visitor", "visitors", "visiting",
		"leader", "leaders", "official", "officials", "side", "sides", "minister", "president", "premier",
		"king", "prince", "emir", "sultan", "envoy", "ambassador", "chancellor", "secretary", "governor"}
	// nameParticles are too common to tell whether a name is in a sentence.
	nameParticles = wordSet("bin", "ibn", "abu", "abd", "van", "von", "der", "den", "del", "dos")
)

// groupRules are tried in order; the first that fits an error gives its
// group, and an error no rule fits is "other". docs/eval.md lists them.
var groupRules = []rule{
	{group: "mentions", categories: []string{CategoryPerson, CategoryRole}},
	{group: "calls", categories: []string{CategoryCall, CategoryCallDate}},
	{group: "mentions", kind: FalseHit, categories: []string{CategoryMeeting}, clues: []clue{unresolvedPerson}},
	{group: "calls", kind: Miss, categories: []string{CategoryMeeting}, clues: []clue{predictedAsCall}},
	{group: "calls", kind: FalseHit, categories: []string{CategoryMeeting}, clues: []clue{goldIsCall}},
	{group: "calls", kind: FalseHit, categories: []string{CategoryMeeting}, words: phoneWords},
	{group: "dates", categories: []string{CategoryMeetingDate}},
	{group: "many-meetings", kind: FalseHit, categories: []string{CategoryMeeting}, minPeople: 3, clues: []clue{separateInGold}},
	{group: "not-a-meeting", kind: FalseHit, categories: []string{CategoryMeeting}},
	{group: "mentions", kind: Miss, categories: []string{CategoryMeeting}, clues: []clue{personNotFound}},
	{group: "attendees", kind: Miss, categories: []string{CategoryMeeting}, minPeople: 3, words: attendeeWords},
	{group: "attendees", kind: Miss, categories: []string{CategoryMeeting}, minPeople: 3, clues: []clue{otherPairFound}},
	{group: "descriptions", kind: Miss, categories: []string{CategoryMeeting}, clues: []clue{namedByDescription}},
	{group: "many-meetings", kind: Miss, categories: []string{CategoryMeeting}, maxPeople: 2, clues: []clue{siblingMeetings}},
	{group: "predicates", kind: Miss, categories: []string{CategoryMeeting}, clues: []clue{bothNamed}},
}

// clues is what the rules look at in one error.
type clues struct {
	people int    // in the meeting the pair comes from
	words  string // the evidence as plainWords, padded with spaces
	has    map[clue]bool
}

func (r rule) fits(e Error) bool {
	if r.kind != "" && r.kind != e.Kind {
		return false
	}
	if r.categories != nil && !contains(r.categories, e.Category) {
		return false
	}
	if e.clues.people < r.minPeople || (r.maxPeople > 0 && e.clues.people > r.maxPeople) {
		return false
	}
	if r.words != nil && !hasPhrase(e.clues.words, r.words) {
		return false
	}
	for _, c := range r.clues {
		if !e.clues.has[c] {
			return false
		}
	}
	return true
}

// hasPhrase says whether padded plain words contain one of the phrases.
func hasPhrase(padded string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(padded, " "+p+" ") {
			return true
		}
	}
	return false
}

// groupOf returns the name of the group of the first rule the error fits.
func groupOf(e Error) string {
	if i := ruleFor(e); i >= 0 {
		return groupRules[i].group
	}
	return "other"
}

// ruleFor returns the index of the first rule the error fits, or -1.
func ruleFor(e Error) int {
	for i, r := range groupRules {
		if r.fits(e) {
			return i
		}
	}
	return -1
}

// pairClues gathers the clues of a pair error from the meeting it comes from.
func pairClues(kind string, p pair, src source, k pairKind) clues {
	a := src.art
	c := clues{people: len(src.people), words: " " + plainWords(src.meeting.Evidence) + " ", has: map[clue]bool{}}
	named := [2]bool{}
	for i, id := range p {
		named[i] = a.namedIn(c.words, id, src.names[i])
		c.has[unresolvedPerson] = c.has[unresolvedPerson] || strings.HasPrefix(id, unresolved)
		c.has[personNotFound] = c.has[personNotFound] || !a.predPeople[id]
	}
	c.has[bothNamed] = named[0] && named[1]
	c.has[namedByDescription] = (!named[0] || !named[1]) && hasPhrase(c.words, descriptionWords)
	if k.corpusWide {
		return c // calls: every call error is a call error
	}
	goldMeetings, predCalls, goldCalls := a.pairsOf(a.gold.Meetings, meetingPairs), a.pairsOf(a.pred.Meetings, callPairs), a.pairsOf(a.gold.Meetings, callPairs)
	c.has[predictedAsCall] = predCalls[p]
	c.has[goldIsCall] = goldCalls[p]
	c.has[separateInGold] = !goldMeetings[p] && inAnyPair(goldMeetings, p[0]) && inAnyPair(goldMeetings, p[1])
	if kind == Miss {
		predMeetings := a.pairsOf(a.pred.Meetings, meetingPairs)
		for i, x := range src.people {
			for _, y := range src.people[i+1:] {
				if other := (pair{x, y}); other != p && predMeetings[other] {
					c.has[otherPairFound] = true
				}
			}
		}
		c.has[siblingMeetings] = a.siblingNamed(src, c.words)
	}
	return c
}

// namedIn says whether the padded plain words of a sentence name a
// person: a word of three letters or more of their gold name or aliases in
// the article, or of the name as written.
func (a *article) namedIn(words, id, written string) bool {
	forms := []string{written}
	for _, p := range a.gold.People {
		if p.Name == id {
			forms = append(forms, p.Name)
			forms = append(forms, p.Aliases...)
		}
	}
	for _, f := range forms {
		for _, w := range strings.Fields(normName(f)) {
			if len(w) >= 3 && !nameParticles[w] && strings.Contains(words, " "+w+" ") {
				return true
			}
		}
	}
	return false
}

// siblingNamed says whether the evidence of a gold meeting names a person
// of another gold meeting of the article, on the same date, that shares a
// person with it: one sentence reporting several separate meetings.
func (a *article) siblingNamed(src source, words string) bool {
	mine := wordSet(src.people...)
	for i, m := range a.gold.Meetings {
		if i == src.index || !meetingPairs.kinds[meetingKind(m)] || schema.Deref(m.Date) != schema.Deref(src.meeting.Date) {
			continue
		}
		shared := false
		var others []string
		for _, name := range m.Participants {
			id := a.identity(name)
			if mine[id] {
				shared = true
			} else {
				others = append(others, name)
			}
		}
		if !shared {
			continue
		}
		for _, name := range others {
			if a.namedIn(words, a.identity(name), name) {
				return true
			}
		}
	}
	return false
}

// pairsOf returns the pairs of people of the article's meetings of a kind,
// resolved within the article.
func (a *article) pairsOf(meetings []schema.Meeting, k pairKind) map[pair]bool {
	k.corpusWide = false
	s := pairSet{}
	s.expand(a, meetings, k)
	out := map[pair]bool{}
	for p := range s {
		out[p] = true
	}
	return out
}

func inAnyPair(pairs map[pair]bool, id string) bool {
	for p := range pairs {
		if p[0] == id || p[1] == id {
			return true
		}
	}
	return false
}

// GroupCount is how many errors a group has, in all and by category.
type GroupCount struct {
	Number     int            `json:"number"`
	Group      string         `json:"group"`
	Title      string         `json:"title"`
	Count      int            `json:"count"`
	ByCategory map[string]int `json:"by_category"`
}

// categoryOrder orders errors within a group.
var categoryOrder = []string{CategoryPerson, CategoryRole, CategoryMeeting, CategoryMeetingDate, CategoryCall, CategoryCallDate}

// groupErrors puts each error in its group and orders them: largest group
// first (ties in issue order), then by article, category, kind and fact.
func groupErrors(errs []Error) ([]GroupCount, []Error) {
	count, byCategory := map[string]int{}, map[string]map[string]int{}
	for i := range errs {
		g := groupOf(errs[i])
		errs[i].Group = g
		count[g]++
		if byCategory[g] == nil {
			byCategory[g] = map[string]int{}
		}
		byCategory[g][errs[i].Category]++
	}
	groups := []GroupCount{}
	rank := map[string]int{}
	for _, g := range Groups {
		if count[g.Name] > 0 {
			groups = append(groups, GroupCount{Number: g.Number, Group: g.Name, Title: g.Title, Count: count[g.Name], ByCategory: byCategory[g.Name]})
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Count > groups[j].Count })
	for i, g := range groups {
		rank[g.Group] = i
	}
	catRank := map[string]int{}
	for i, c := range categoryOrder {
		catRank[c] = i
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if rank[a.Group] != rank[b.Group] {
			return rank[a.Group] < rank[b.Group]
		}
		if aa, ba := strings.Join(a.Articles, ","), strings.Join(b.Articles, ","); aa != ba {
			return aa < ba
		}
		if catRank[a.Category] != catRank[b.Category] {
			return catRank[a.Category] < catRank[b.Category]
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Fact < b.Fact
	})
	if errs == nil {
		errs = []Error{}
	}
	return groups, errs
}
