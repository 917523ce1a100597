package eval

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// meetingItem is one pair of people meeting on one date (or on no stated
// date), merged across the articles that report it.
type meetingItem struct {
	pair     string    // the two identities, ordered, joined by "+"
	names    [2]string // display names, in the same order
	date     string    // "" when not stated
	articles []string
	evidence string
}

// meetingSet is the merged meetings of a corpus, by pair and date.
type meetingSet map[string]*meetingItem

func (s meetingSet) add(a, b [2]string, date, article, evidence string) {
	if a[0] == b[0] {
		return
	}
	if a[0] > b[0] {
		a, b = b, a
	}
	pair := a[0] + "+" + b[0]
	key := pair + "@" + date
	it, ok := s[key]
	if !ok {
		it = &meetingItem{pair: pair, names: [2]string{a[1], b[1]}, date: date, evidence: evidence}
		s[key] = it
	}
	if !contains(it.articles, article) {
		it.articles = append(it.articles, article)
	}
	if it.evidence == "" {
		it.evidence = evidence
	}
}

// byPair groups items by pair.
func (s meetingSet) byPair() map[string][]*meetingItem {
	out := map[string][]*meetingItem{}
	for _, k := range sortedKeys(s) {
		it := s[k]
		out[it.pair] = append(out[it.pair], it)
	}
	return out
}

// addMeetings adds every pair of people of each in-person meeting; phone
// calls (kind "call") are not meetings and are left out.
func addMeetings(set meetingSet, article string, meetings []schema.Meeting, resolve func(string) (string, string)) {
	for _, m := range meetings {
		if m.Kind != "" && m.Kind != schema.KindMeeting {
			continue
		}
		people := make([][2]string, 0, len(m.Participants))
		for _, name := range m.Participants {
			id, display := resolve(name)
			people = append(people, [2]string{id, display})
		}
		date := schema.Deref(m.Date)
		for i := range people {
			for _, other := range people[i+1:] {
				set.add(people[i], other, date, article, m.Evidence)
			}
		}
	}
}

// scoreMeetings scores meetings over the whole corpus: the same pair on the
// same date reported by several articles counts once.
func (r *Report) scoreMeetings(pairs []articlePair) {
	gold, pred := meetingSet{}, meetingSet{}
	for i := range pairs {
		a := &pairs[i]
		addMeetings(gold, a.id, a.goldFacts.Meetings, a.resolveGold)
		addMeetings(pred, a.id, a.predFacts.Meetings, a.resolvePred)
	}
	goldPairs, predPairs := gold.byPair(), pred.byPair()

	// Pairs, dates ignored.
	right := 0
	for p := range predPairs {
		if goldPairs[p] != nil {
			right++
		}
	}
	r.MeetingPairs = newScore(right, len(predPairs), len(goldPairs))

	// Pairs with the right date: a gold meeting with a date is matched only
	// by a predicted meeting of the same pair on that date; one without a
	// date by any predicted meeting of the pair not used otherwise.
	var datedRight, dateRight, dateTotal int
	for _, p := range sortedKeys(predPairs) {
		if goldPairs[p] == nil {
			for _, it := range predPairs[p] {
				r.Errors = append(r.Errors, meetingError(FalseHit, CategoryMeeting, it, ""))
			}
		}
	}
	for _, p := range sortedKeys(goldPairs) {
		golds, preds := goldPairs[p], predPairs[p]
		if preds == nil {
			for _, it := range golds {
				r.Errors = append(r.Errors, meetingError(Miss, CategoryMeeting, it, ""))
			}
			continue
		}
		used := make([]bool, len(preds))
		matched := make([]bool, len(golds))
		for gi, g := range golds {
			if g.date == "" {
				continue
			}
			dateTotal++
			for pi, pr := range preds {
				if pr.date == g.date {
					used[pi], matched[gi] = true, true
					dateRight++
					break
				}
			}
		}
		for gi, g := range golds {
			if g.date != "" {
				continue
			}
			// Prefer a predicted meeting without a date, then any.
			best := -1
			for pi, pr := range preds {
				if !used[pi] && (best < 0 || pr.date == "" && preds[best].date != "") {
					best = pi
				}
			}
			if best >= 0 {
				used[best], matched[gi] = true, true
			}
		}
		predicted := dates(preds)
		for gi, g := range golds {
			if matched[gi] {
				datedRight++
				continue
			}
			r.Errors = append(r.Errors, meetingError(Miss, CategoryMeetingDate, g, "predicted "+predicted))
		}
		for pi, pr := range preds {
			if !used[pi] {
				r.Errors = append(r.Errors, meetingError(FalseHit, CategoryMeetingDate, pr, "gold "+dates(golds)))
			}
		}
	}
	r.MeetingPairsDated = newScore(datedRight, len(pred), len(gold))
	r.DateAccuracy = newAccuracy(dateRight, dateTotal)
	sortErrors(r.Errors)
}

// dates describes the dates of a pair's meetings: "2017-01-18, no date".
func dates(items []*meetingItem) string {
	var ds []string
	for _, it := range items {
		ds = append(ds, dateOrNone(it.date))
	}
	return strings.Join(ds, ", ")
}

func dateOrNone(d string) string {
	if d == "" {
		return "no date"
	}
	return d
}

func meetingError(kind, category string, it *meetingItem, note string) Error {
	articles := append([]string(nil), it.articles...)
	sort.Strings(articles)
	names := []string{it.names[0], it.names[1]}
	sort.Strings(names)
	fact := names[0] + " + " + names[1] + ", " + dateOrNone(it.date)
	return Error{Kind: kind, Category: category, Articles: articles, Fact: fact, Note: note, Evidence: it.evidence}
}

// sortErrors orders errors by category, then article, then kind.
func sortErrors(errs []Error) {
	rank := map[string]int{CategoryPerson: 0, CategoryRole: 1, CategoryMeeting: 2, CategoryMeetingDate: 3}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i], errs[j]
		if rank[a.Category] != rank[b.Category] {
			return rank[a.Category] < rank[b.Category]
		}
		aa, ba := strings.Join(a.Articles, ","), strings.Join(b.Articles, ",")
		if aa != ba {
			return aa < ba
		}
		return a.Kind < b.Kind
	})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
