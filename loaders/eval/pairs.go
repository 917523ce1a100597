package eval

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// pairKind says which meetings a pair scoring looks at, how their names are
// resolved, and what its errors are called.
type pairKind struct {
	kinds map[string]bool // meeting kinds scored (lower case; "" reads "meeting")
	// corpusWide resolves names against the people of the whole gold
	// annotation rather than the article's, as the reference scorer does
	// for calls (it scores them from a corpus-wide meeting list).
	corpusWide            bool
	pairCategory, dateCat string
}

var (
	meetingPairs = pairKind{kinds: wordSet("meeting", "visit", "talks", "met"), pairCategory: CategoryMeeting, dateCat: CategoryMeetingDate}
	callPairs    = pairKind{kinds: wordSet("call"), corpusWide: true, pairCategory: CategoryCall, dateCat: CategoryCallDate}
)

// meetingKind is a meeting's kind as scored: lower case, "meeting" when
// empty.
func meetingKind(m schema.Meeting) string {
	if m.Kind == "" {
		return schema.KindMeeting
	}
	return strings.ToLower(m.Kind)
}

// pair is two identities in order.
type pair [2]string

func (p pair) String() string { return p[0] + " + " + p[1] }

// source is where a pair on a date was stated.
type source struct {
	art     *article
	index   int // of the meeting in the article's gold or predicted meetings
	meeting schema.Meeting
	people  []string  // identities of the meeting's people
	names   [2]string // the pair's names as written in the meeting
}

// pairSet holds (pair, date) meetings merged across articles: the same pair
// on the same date is one meeting. Date "" is no date.
type pairSet map[pair]map[string][]source

func (s pairSet) add(p pair, date string, src source) {
	if s[p] == nil {
		s[p] = map[string][]source{}
	}
	s[p][date] = append(s[p][date], src)
}

// expand adds every pair of people of each meeting of the kind; a meeting
// of three or more people counts as every pair among them.
func (s pairSet) expand(a *article, meetings []schema.Meeting, k pairKind) {
	scope := a.scope
	if k.corpusWide {
		scope = nil
	}
	for mi, m := range meetings {
		if !k.kinds[meetingKind(m)] {
			continue
		}
		written := map[string]string{}
		var people []string
		for _, name := range m.Participants {
			id := a.reg.identity(name, scope)
			if id == unresolved {
				continue
			}
			if _, dup := written[id]; !dup {
				written[id] = name
				people = append(people, id)
			}
		}
		sort.Strings(people)
		for i, x := range people {
			for _, y := range people[i+1:] {
				s.add(pair{x, y}, schema.Deref(m.Date), source{art: a, index: mi, meeting: m, people: people, names: [2]string{written[x], written[y]}})
			}
		}
	}
}

// dateMatches says whether a predicted date is right for a gold date: a
// gold date accepts any predicted date that starts with it ("2017-01" is
// matched by "2017-01-18", not the other way round); no gold date accepts
// any date.
func dateMatches(gold, predicted string) bool {
	if gold == "" {
		return true
	}
	return predicted != "" && strings.HasPrefix(predicted, gold)
}

// scorePairs scores the meetings of the kind over the whole corpus, after
// merging the same pair on the same date across articles:
//
//   - a gold meeting with a date is right when the pair is predicted on a
//     date it accepts (dateMatches); each predicted date of the pair that
//     no gold date accepts is a false hit;
//   - a gold pair with no date is dropped when the same pair has a dated
//     gold meeting; otherwise it is right when the pair is predicted at
//     all, and every further predicted date of the pair is a false hit;
//   - predicted pairs absent from the gold are false hits, one per date.
func scorePairs(arts []*article, k pairKind, errs *[]Error) pairScores {
	gold, pred := pairSet{}, pairSet{}
	for _, a := range arts {
		gold.expand(a, a.gold.Meetings, k)
		pred.expand(a, a.pred.Meetings, k)
	}
	var dated, pairs counts
	var dateRight, dateTotal int
	for _, p := range sortedPairs(gold) {
		golds, preds := sortedDates(gold[p]), sortedDates(pred[p])
		if len(golds) > 1 && golds[0] == "" {
			golds = golds[1:] // the undated report of a pair with dated ones
		}
		if preds == nil {
			pairs.fn++
			for _, d := range golds {
				dated.fn++
				*errs = append(*errs, k.pairError(Miss, k.pairCategory, p, d, gold[p][d], ""))
			}
			continue
		}
		pairs.tp++
		if golds[0] == "" {
			dated.tp++
			for _, d := range preds[1:] {
				dated.fp++
				*errs = append(*errs, k.pairError(FalseHit, k.dateCat, p, d, pred[p][d], "gold: one meeting with no date, already matched by the prediction "+dateOrNone(preds[0])))
			}
			continue
		}
		for _, d := range golds {
			dateTotal++
			if anyDate(preds, func(s string) bool { return dateMatches(d, s) }) {
				dated.tp++
				dateRight++
				continue
			}
			dated.fn++
			*errs = append(*errs, k.pairError(Miss, k.dateCat, p, d, gold[p][d], "predicted: "+datesOrNone(preds)))
		}
		for _, s := range preds {
			if !anyDate(golds, func(d string) bool { return dateMatches(d, s) }) {
				dated.fp++
				*errs = append(*errs, k.pairError(FalseHit, k.dateCat, p, s, pred[p][s], "gold: "+datesOrNone(golds)))
			}
		}
	}
	for _, p := range sortedPairs(pred) {
		if gold[p] != nil {
			continue
		}
		pairs.fp++
		for _, d := range sortedDates(pred[p]) {
			dated.fp++
			*errs = append(*errs, k.pairError(FalseHit, k.pairCategory, p, d, pred[p][d], ""))
		}
	}
	return pairScores{dated: dated.score(), pairs: pairs.score(), dateAccuracy: newAccuracy(dateRight, dateTotal)}
}

func (k pairKind) pairError(kind, category string, p pair, date string, srcs []source, note string) Error {
	first := srcs[0]
	names := [2]string{p[0], p[1]}
	for i := range names {
		if strings.HasPrefix(names[i], unresolved) {
			names[i] = first.names[i]
			note = joinNotes(note, first.names[i]+" resolves to no gold person")
		}
	}
	if names[0] > names[1] {
		names[0], names[1] = names[1], names[0]
	}
	var articles []string
	for _, s := range srcs {
		if !contains(articles, s.art.id) {
			articles = append(articles, s.art.id)
		}
	}
	sort.Strings(articles)
	evidence := first.meeting.Evidence
	if evidence == "" {
		evidence = sentenceNaming(first.art.text, first.names[:])
	}
	e := Error{Kind: kind, Category: category, Articles: articles,
		Fact: names[0] + " + " + names[1] + ", " + dateOrNone(date), Note: note, Evidence: evidence}
	e.clues = pairClues(kind, p, first, k)
	return e
}

func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func sortedPairs(s pairSet) []pair {
	out := make([]pair, 0, len(s))
	for p := range s {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// sortedDates returns the dates in order, "" (no date) first; nil for none.
func sortedDates(m map[string][]source) []string {
	if len(m) == 0 {
		return nil
	}
	return sortedKeys(m)
}

func anyDate(dates []string, ok func(string) bool) bool {
	for _, d := range dates {
		if ok(d) {
			return true
		}
	}
	return false
}

func dateOrNone(d string) string {
	if d == "" {
		return "no date"
	}
	return d
}

func datesOrNone(ds []string) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = dateOrNone(d)
	}
	return strings.Join(out, ", ")
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
