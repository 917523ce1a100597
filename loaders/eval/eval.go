// Package eval scores extracted facts against a hand-made gold annotation,
// following the rules of corpus/README.md exactly as its reference scorer
// (corpus/score.py) applies them: people and roles per article; meetings
// and calls as pairs of people over the whole corpus, with and without the
// right date; meetings as meetings, article by article (found, and with
// which participants); and the accuracy of dates. It lists every miss and
// false hit with its article and evidence sentence, grouped by the
// construction of the text that most likely caused it (groups.go), so that
// a low score can be traced to the sentences behind it.
package eval

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// Report is the result of scoring a set of articles.
type Report struct {
	Articles int   `json:"articles"` // articles scored
	People   Score `json:"people"`
	Roles    Score `json:"roles"`
	// In-person meetings as pairs of people over the corpus: with the right
	// date (the headline figure) and dates ignored, and the accuracy of
	// the dates of predicted pairs.
	MeetingPairsDated Score    `json:"meeting_pairs_with_date"`
	MeetingPairs      Score    `json:"meeting_pairs"`
	DateAccuracy      Accuracy `json:"date_accuracy"`
	// Meetings and calls as meetings, article by article.
	MeetingLevel LevelScores `json:"meeting_level"`
	// Phone and video calls as pairs of people, like meetings.
	CallPairsDated   Score    `json:"call_pairs_with_date"`
	CallPairs        Score    `json:"call_pairs"`
	CallDateAccuracy Accuracy `json:"call_date_accuracy"`
	// MissingArticles are gold articles with no prediction; they are left
	// out of every score. UnknownArticles are predicted articles the gold
	// does not annotate, also left out.
	MissingArticles []string `json:"missing_articles,omitempty"`
	UnknownArticles []string `json:"unknown_articles,omitempty"`
	// Groups counts the errors by construction, largest first; Errors lists
	// them in the same order.
	Groups []GroupCount `json:"error_groups"`
	Errors []Error      `json:"errors"`
}

// Kinds of Error.
const (
	Miss     = "miss"      // in the gold annotation, not predicted
	FalseHit = "false hit" // predicted, not in the gold annotation
)

// Categories of Error: which score it counts against.
const (
	CategoryPerson      = "person"
	CategoryRole        = "role"
	CategoryMeeting     = "meeting"      // the pair of people is wrong
	CategoryMeetingDate = "meeting date" // the pair is right, this date is not
	CategoryCall        = "call"
	CategoryCallDate    = "call date"
)

// Error is one miss or false hit.
type Error struct {
	Group    string   `json:"group"`    // the construction it is put down to: a Group's Name
	Kind     string   `json:"kind"`     // Miss or FalseHit
	Category string   `json:"category"` // CategoryPerson, ...
	Articles []string `json:"articles"` // ids of the articles stating the fact
	Fact     string   `json:"fact"`     // the fact, in words
	Note     string   `json:"note,omitempty"`
	// Evidence is the sentence stating the fact: the predicted one for a
	// false hit, the gold one for a miss. When the gold gives none, it is
	// the first sentence of the article text naming the person.
	Evidence string `json:"evidence"`

	clues clues // what the grouping rules look at
}

// Evaluate scores predicted facts against gold facts. Articles are paired
// by ID; only articles present on both sides are scored, but names are
// resolved against the people of the whole gold annotation, as the
// reference scorer does.
func Evaluate(gold, predicted []schema.Facts, options ...Option) Report {
	var set settings
	for _, o := range options {
		o(&set)
	}
	texts := set.texts
	reg := newRegistry(gold)
	predByID := map[string]schema.Facts{}
	for _, p := range predicted {
		if _, dup := predByID[p.ID]; !dup {
			predByID[p.ID] = p
		}
	}
	var r Report
	var arts []*article
	goldIDs := map[string]bool{}
	for _, g := range gold {
		goldIDs[g.ID] = true
		p, ok := predByID[g.ID]
		if !ok {
			r.MissingArticles = append(r.MissingArticles, g.ID)
			continue
		}
		arts = append(arts, newArticle(reg, g, p, texts[g.ID]))
	}
	for _, p := range predicted {
		if !goldIDs[p.ID] {
			r.UnknownArticles = append(r.UnknownArticles, p.ID)
		}
	}
	r.Articles = len(arts)

	var people, roles, level counts
	var errs []Error
	for _, a := range arts {
		people.add(a.scorePeople(&errs))
		roles.add(a.scoreRoles(&errs))
	}
	r.People = people.score()
	r.Roles = roles.score()
	m := scorePairs(arts, meetingPairs, &errs)
	r.MeetingPairsDated, r.MeetingPairs, r.DateAccuracy = m.dated, m.pairs, m.dateAccuracy
	c := scorePairs(arts, callPairs, &errs)
	r.CallPairsDated, r.CallPairs, r.CallDateAccuracy = c.dated, c.pairs, c.dateAccuracy
	var dated, datedRight int
	var participants counts
	for _, a := range arts {
		for _, call := range []bool{false, true} {
			c := scoreLevel(a.meetingSets(a.gold.Meetings, call), a.meetingSets(a.pred.Meetings, call))
			level.add(c.meetings)
			participants.add(c.participants)
			dated, datedRight = dated+c.dated, datedRight+c.datedRight
		}
	}
	r.MeetingLevel = LevelScores{Meetings: level.score(), Participants: participants.score(), DateAccuracy: newAccuracy(datedRight, dated)}
	r.Groups, r.Errors = groupErrors(errs)
	return r
}

// Option changes how Evaluate works.
type Option func(*settings)

type settings struct {
	texts map[string]string
}

// WithTexts gives Evaluate the articles' text by ID: it supplies the
// evidence sentence of the facts that have none (gold people and roles
// usually).
func WithTexts(texts map[string]string) Option {
	return func(s *settings) { s.texts = texts }
}

// counts are right facts, false hits and misses.
type counts struct{ tp, fp, fn int }

func (c *counts) add(o counts) { c.tp, c.fp, c.fn = c.tp+o.tp, c.fp+o.fp, c.fn+o.fn }
func (c counts) score() Score  { return newScore(c.tp, c.fp, c.fn) }

// article holds one article's gold and predicted facts.
type article struct {
	id         string
	gold, pred schema.Facts
	text       string
	reg        *registry
	scope      map[string]bool // the gold names of the article's people
	predPeople map[string]bool // identities of the predicted people
}

func newArticle(reg *registry, g, p schema.Facts, text string) *article {
	a := &article{id: g.ID, gold: g, pred: p, text: text, reg: reg, scope: map[string]bool{}, predPeople: map[string]bool{}}
	for _, person := range g.People {
		a.scope[person.Name] = true
	}
	for _, person := range p.People {
		a.predPeople[a.identity(person.Name)] = true
	}
	return a
}

// identity is who a name stands for in this article.
func (a *article) identity(name string) string { return a.reg.identity(name, a.scope) }

// scorePeople compares the distinct people: a predicted name counts for the
// gold person it resolves to; the gold people no name resolves to are
// misses.
func (a *article) scorePeople(errs *[]Error) counts {
	var c counts
	found := map[string]bool{}
	for _, p := range a.pred.People {
		id := a.identity(p.Name)
		if found[id] {
			continue
		}
		found[id] = true
		if a.scope[id] {
			c.tp++
			continue
		}
		c.fp++
		*errs = append(*errs, a.personError(FalseHit, p.Name, p.Evidence, "resolves to no gold person of the article"))
	}
	missed := map[string]bool{}
	for _, p := range a.gold.People {
		if found[p.Name] || missed[p.Name] {
			continue
		}
		missed[p.Name] = true
		c.fn++
		*errs = append(*errs, a.personError(Miss, p.Name, p.Evidence, ""))
	}
	return c
}

func (a *article) personError(kind, name, evidence, note string) Error {
	if evidence == "" {
		evidence = sentenceNaming(a.text, a.forms(name))
	}
	return Error{Kind: kind, Category: CategoryPerson, Articles: []string{a.id}, Fact: name, Note: note, Evidence: evidence}
}

// forms are the ways the article names a person: the gold name and aliases
// of the gold person it resolves to, or the name itself.
func (a *article) forms(name string) []string {
	id := a.identity(name)
	forms := []string{name}
	for _, p := range a.gold.People {
		if p.Name == id {
			forms = append(forms, p.Name)
			forms = append(forms, p.Aliases...)
		}
	}
	return forms
}

// predRole is a predicted role, its holder resolved.
type predRole struct {
	holder string // gold name, "" when unresolved
	words  map[string]bool
	role   schema.Role
}

// scoreRoles matches each gold role, in order, to the first unused
// predicted role of the same gold person whose title has every word of the
// gold title (titleWords). Unused predicted roles are false hits, counted
// once per (holder, title words).
func (a *article) scoreRoles(errs *[]Error) counts {
	var c counts
	var preds []predRole
	for _, r := range a.pred.Roles {
		holder, _ := a.reg.resolve(r.Person, a.scope)
		preds = append(preds, predRole{holder: holder, words: titleWords(r.Title), role: r})
	}
	used := make([]bool, len(preds))
	for _, g := range a.gold.Roles {
		gw := titleWords(g.Title)
		hit := -1
		for i, p := range preds {
			if !used[i] && p.holder != "" && p.holder == g.Person && len(gw) > 0 && subset(gw, p.words) {
				hit = i
				break
			}
		}
		if hit >= 0 {
			used[hit] = true
			c.tp++
			continue
		}
		c.fn++
		evidence := g.Evidence
		if evidence == "" {
			evidence = sentenceNaming(a.text, a.forms(g.Person))
		}
		*errs = append(*errs, Error{Kind: Miss, Category: CategoryRole, Articles: []string{a.id},
			Fact: g.Person + ": " + g.Title, Note: a.predictedTitles(g.Person, preds), Evidence: evidence})
	}
	seen := map[string]bool{}
	for i, p := range preds {
		k := p.holder + "\x00" + titleKey(p.words)
		if used[i] || seen[k] {
			continue
		}
		seen[k] = true
		c.fp++
		note := ""
		if p.holder == "" {
			note = "the holder resolves to no gold person of the article"
		} else if titles := a.goldTitles(p.holder); titles != "" {
			note = "gold: " + titles
		}
		evidence := p.role.Evidence
		if evidence == "" {
			evidence = sentenceNaming(a.text, a.forms(p.role.Person))
		}
		*errs = append(*errs, Error{Kind: FalseHit, Category: CategoryRole, Articles: []string{a.id},
			Fact: p.role.Person + ": " + p.role.Title, Note: note, Evidence: evidence})
	}
	return c
}

// predictedTitles describes what was predicted for a gold role's holder.
func (a *article) predictedTitles(holder string, preds []predRole) string {
	var titles []string
	for _, p := range preds {
		if p.holder == holder {
			titles = append(titles, p.role.Title)
		}
	}
	if len(titles) == 0 {
		return ""
	}
	return "predicted: " + strings.Join(titles, "; ")
}

func (a *article) goldTitles(holder string) string {
	var titles []string
	for _, r := range a.gold.Roles {
		if r.Person == holder {
			titles = append(titles, r.Title)
		}
	}
	return strings.Join(titles, "; ")
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
