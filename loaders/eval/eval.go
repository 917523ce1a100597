// Package eval scores extracted facts against a hand-made gold annotation,
// following the rules of corpus/README.md: precision, recall and F1 for
// people, roles and meetings (pairs of people, with and without the right
// date), and the accuracy of meeting dates. It also lists every miss and
// false hit with its article and evidence sentence, so a low score can be
// traced to the sentences behind it.
package eval

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// Score is precision, recall and F1 of one kind of fact.
type Score struct {
	Right     int     `json:"right"`     // predicted facts that match a gold fact
	Predicted int     `json:"predicted"` // facts predicted
	Gold      int     `json:"gold"`      // facts in the gold annotation
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// newScore computes the ratios. With nothing to find and nothing found,
// every ratio is 1; with nothing predicted, precision is 0 (and so is
// recall, unless the gold is empty too).
func newScore(right, predicted, gold int) Score {
	s := Score{Right: right, Predicted: predicted, Gold: gold}
	switch {
	case predicted == 0 && gold == 0:
		s.Precision, s.Recall, s.F1 = 1, 1, 1
		return s
	case predicted > 0:
		s.Precision = float64(right) / float64(predicted)
	}
	if gold > 0 {
		s.Recall = float64(right) / float64(gold)
	} else {
		s.Recall = 1
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Accuracy is a share of right answers; Value is nil when there was no
// question (Total 0).
type Accuracy struct {
	Right int      `json:"right"`
	Total int      `json:"total"`
	Value *float64 `json:"accuracy"`
}

func newAccuracy(right, total int) Accuracy {
	a := Accuracy{Right: right, Total: total}
	if total > 0 {
		v := float64(right) / float64(total)
		a.Value = &v
	}
	return a
}

// Kinds of Error.
const (
	Miss     = "miss"      // in the gold annotation, not predicted
	FalseHit = "false hit" // predicted, not in the gold annotation
)

// Categories of Error.
const (
	CategoryPerson      = "person"
	CategoryRole        = "role"
	CategoryMeeting     = "meeting"      // the pair of people is wrong
	CategoryMeetingDate = "meeting date" // the pair is right, this date is not
)

// Error is one miss or false hit.
type Error struct {
	Kind     string   `json:"kind"`     // Miss or FalseHit
	Category string   `json:"category"` // CategoryPerson, ...
	Articles []string `json:"articles"` // ids of the articles stating the fact
	Fact     string   `json:"fact"`     // the fact, in words
	Note     string   `json:"note,omitempty"`
	// Evidence is the sentence stating the fact: the predicted one for a
	// false hit, the gold one for a miss ("" when the gold has none).
	Evidence string `json:"evidence"`
}

// Report is the result of scoring a set of articles.
type Report struct {
	Articles          int      `json:"articles"` // articles scored
	People            Score    `json:"people"`
	Roles             Score    `json:"roles"`
	MeetingPairs      Score    `json:"meeting_pairs"`
	MeetingPairsDated Score    `json:"meeting_pairs_with_date"`
	DateAccuracy      Accuracy `json:"date_accuracy"`
	// MissingArticles are gold articles with no prediction; they are left
	// out of every score. UnknownArticles are predicted articles the gold
	// does not annotate, also left out.
	MissingArticles []string `json:"missing_articles,omitempty"`
	UnknownArticles []string `json:"unknown_articles,omitempty"`
	Errors          []Error  `json:"errors"`
}

// Evaluate scores predicted facts against gold facts. Articles are paired
// by ID; only articles present on both sides are scored.
func Evaluate(gold, predicted []schema.Facts) Report {
	predByID := map[string]schema.Facts{}
	for _, p := range predicted {
		if _, dup := predByID[p.ID]; !dup {
			predByID[p.ID] = p
		}
	}
	goldIDs := map[string]bool{}
	var r Report
	var pairs []articlePair
	for _, g := range gold {
		goldIDs[g.ID] = true
		p, ok := predByID[g.ID]
		if !ok {
			r.MissingArticles = append(r.MissingArticles, g.ID)
			continue
		}
		pairs = append(pairs, newArticlePair(g, p))
	}
	for _, p := range predicted {
		if !goldIDs[p.ID] {
			r.UnknownArticles = append(r.UnknownArticles, p.ID)
		}
	}
	r.Articles = len(pairs)

	var pr, pp, pg, rr, rp, rg int
	for i := range pairs {
		a := &pairs[i]
		right, errs := a.scorePeople()
		pr, pp, pg = pr+right, pp+len(a.pred), pg+len(a.gold)
		r.Errors = append(r.Errors, errs...)
		right, npred, ngold, errs := a.scoreRoles()
		rr, rp, rg = rr+right, rp+npred, rg+ngold
		r.Errors = append(r.Errors, errs...)
	}
	r.People = newScore(pr, pp, pg)
	r.Roles = newScore(rr, rp, rg)
	r.scoreMeetings(pairs)
	return r
}

// goldPerson is a person of the gold annotation of one article.
type goldPerson struct {
	id    string          // identity across articles: the folded name
	name  string          // as written in the gold
	forms map[string]bool // folded name and aliases
}

// predPerson is a distinct predicted person of one article.
type predPerson struct {
	name     string
	folded   string
	forms    map[string]bool // folded name and aliases
	evidence string
	match    int // index of the gold person matched, -1 for none
}

// articlePair holds one article's gold and predicted facts, with the
// predicted people matched to the gold ones.
type articlePair struct {
	id        string
	goldFacts schema.Facts
	predFacts schema.Facts
	gold      []goldPerson
	pred      []predPerson
}

func newArticlePair(g, p schema.Facts) articlePair {
	a := articlePair{id: g.ID, goldFacts: g, predFacts: p}
	for _, person := range g.People {
		gp := goldPerson{id: foldName(person.Name), name: person.Name, forms: map[string]bool{foldName(person.Name): true}}
		for _, alias := range person.Aliases {
			gp.forms[foldName(alias)] = true
		}
		a.gold = append(a.gold, gp)
	}
	seen := map[string]int{}
	for _, person := range p.People {
		f := foldName(person.Name)
		if f == "" {
			continue
		}
		if i, dup := seen[f]; dup {
			for _, alias := range person.Aliases {
				a.pred[i].forms[foldName(alias)] = true
			}
			continue
		}
		seen[f] = len(a.pred)
		pp := predPerson{name: person.Name, folded: f, forms: map[string]bool{f: true}, evidence: person.Evidence, match: -1}
		for _, alias := range person.Aliases {
			pp.forms[foldName(alias)] = true
		}
		a.pred = append(a.pred, pp)
	}
	// Match predicted to gold people: a predicted name matches a gold
	// person when it equals the gold name or one of its aliases.
	match := maxMatching(len(a.pred), len(a.gold), func(i, j int) bool {
		return a.gold[j].forms[a.pred[i].folded]
	})
	for i, j := range match {
		a.pred[i].match = j
	}
	return a
}

// scorePeople returns the number of predicted people matched and the
// misses and false hits.
func (a *articlePair) scorePeople() (int, []Error) {
	var errs []Error
	right := 0
	matched := make([]bool, len(a.gold))
	for _, p := range a.pred {
		if p.match >= 0 {
			right++
			matched[p.match] = true
		}
	}
	for _, p := range a.pred {
		if p.match >= 0 {
			continue
		}
		e := Error{Kind: FalseHit, Category: CategoryPerson, Articles: []string{a.id}, Fact: p.name, Evidence: p.evidence}
		for _, g := range a.gold {
			if g.forms[p.folded] {
				e.Note = "another predicted person already stands for " + g.name
				break
			}
		}
		errs = append(errs, e)
	}
	for j, g := range a.gold {
		if !matched[j] {
			errs = append(errs, Error{Kind: Miss, Category: CategoryPerson, Articles: []string{a.id}, Fact: g.name, Evidence: personEvidence(a.goldFacts, g.name)})
		}
	}
	return right, errs
}

func personEvidence(f schema.Facts, name string) string {
	for _, p := range f.People {
		if p.Name == name {
			return p.Evidence
		}
	}
	return ""
}

// resolvePred maps a name used in a predicted fact (a meeting participant
// or role holder) to a person identity: the gold person it names, else a
// predicted-only identity. It returns the identity and a display name.
func (a *articlePair) resolvePred(name string) (string, string) {
	f := foldName(name)
	// A predicted person the name stands for, matched to a gold person.
	for _, p := range a.pred {
		if p.match >= 0 && p.forms[f] {
			return a.gold[p.match].id, a.gold[p.match].name
		}
	}
	if g, ok := a.goldByForm(f); ok {
		return g.id, g.name
	}
	return "?" + f, name
}

// resolveGold maps a name used in a gold fact to its gold person.
func (a *articlePair) resolveGold(name string) (string, string) {
	f := foldName(name)
	for _, g := range a.gold {
		if g.id == f {
			return g.id, g.name
		}
	}
	if g, ok := a.goldByForm(f); ok {
		return g.id, g.name
	}
	return f, name
}

func (a *articlePair) goldByForm(f string) (goldPerson, bool) {
	for _, g := range a.gold {
		if g.forms[f] {
			return g, true
		}
	}
	return goldPerson{}, false
}

type role struct {
	person, name, title, evidence string
}

func (a *articlePair) scoreRoles() (right, predicted, gold int, errs []Error) {
	var golds, preds []role
	for _, r := range a.goldFacts.Roles {
		id, name := a.resolveGold(r.Person)
		golds = append(golds, role{id, name, r.Title, r.Evidence})
	}
	seen := map[string]bool{}
	for _, r := range a.predFacts.Roles {
		id, name := a.resolvePred(r.Person)
		k := id + "\x00" + strings.Join(titleWords(r.Title), " ")
		if seen[k] {
			continue
		}
		seen[k] = true
		preds = append(preds, role{id, name, r.Title, r.Evidence})
	}
	match := maxMatching(len(preds), len(golds), func(i, j int) bool {
		return preds[i].person == golds[j].person && titleMatches(golds[j].title, preds[i].title)
	})
	matched := make([]bool, len(golds))
	for i, j := range match {
		if j >= 0 {
			right++
			matched[j] = true
			continue
		}
		errs = append(errs, Error{Kind: FalseHit, Category: CategoryRole, Articles: []string{a.id}, Fact: preds[i].name + ": " + preds[i].title, Evidence: preds[i].evidence})
	}
	for j, g := range golds {
		if !matched[j] {
			errs = append(errs, Error{Kind: Miss, Category: CategoryRole, Articles: []string{a.id}, Fact: g.name + ": " + g.title, Evidence: g.evidence})
		}
	}
	return right, len(preds), len(golds), errs
}

// maxMatching pairs left items with right items, each used at most once,
// as many as possible, where ok(i, j) says that left i may pair with right
// j. It returns, for each left item, its right item or -1. Ties go to the
// earlier items, so results are stable.
func maxMatching(nLeft, nRight int, ok func(i, j int) bool) []int {
	leftOf := make([]int, nRight)
	for j := range leftOf {
		leftOf[j] = -1
	}
	var try func(i int, seen []bool) bool
	try = func(i int, seen []bool) bool {
		for j := 0; j < nRight; j++ {
			if seen[j] || !ok(i, j) {
				continue
			}
			seen[j] = true
			if leftOf[j] < 0 || try(leftOf[j], seen) {
				leftOf[j] = i
				return true
			}
		}
		return false
	}
	for i := 0; i < nLeft; i++ {
		try(i, make([]bool, nRight))
	}
	rightOf := make([]int, nLeft)
	for i := range rightOf {
		rightOf[i] = -1
	}
	for j, i := range leftOf {
		if i >= 0 {
			rightOf[i] = j
		}
	}
	return rightOf
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
