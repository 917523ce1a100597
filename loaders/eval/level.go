package eval

import "github.com/kg-project/kg/schema"

// meetingSet is one meeting of an article as the set of its people.
type meetingSet struct {
	people map[string]bool
	date   string
}

// meetingSets returns the article's meetings of one side, calls or all
// others, as sets of identities; meetings with fewer than two people are
// left out.
func (a *article) meetingSets(meetings []schema.Meeting, calls bool) []meetingSet {
	var out []meetingSet
	for _, m := range meetings {
		if (meetingKind(m) == schema.KindCall) != calls {
			continue
		}
		people := map[string]bool{}
		for _, name := range m.Participants {
			if normName(name) != "" {
				people[a.identity(name)] = true
			}
		}
		if len(people) >= 2 {
			out = append(out, meetingSet{people: people, date: schema.Deref(m.Date)})
		}
	}
	return out
}

// levelCounts are the meeting-level counts of one article and kind.
type levelCounts struct {
	meetings, participants counts
	dated, datedRight      int
}

// scoreLevel matches each gold meeting, in order, to the unused predicted
// meeting that shares the most people with it (the first of equals), if it
// shares at least two. Matched meetings are right; the people of a matched
// pair are scored against each other; the people of unmatched meetings are
// all false hits or misses. A matched gold meeting with a date counts for
// date accuracy, right when dateMatches.
func scoreLevel(gold, pred []meetingSet) levelCounts {
	var c levelCounts
	used := make([]bool, len(pred))
	for _, g := range gold {
		best, bi := 0, -1
		for i, p := range pred {
			if used[i] {
				continue
			}
			if ov := overlap(g.people, p.people); ov > best {
				best, bi = ov, i
			}
		}
		if bi < 0 || best < 2 {
			c.meetings.fn++
			c.participants.fn += len(g.people)
			continue
		}
		used[bi] = true
		p := pred[bi]
		c.meetings.tp++
		c.participants.tp += best
		c.participants.fp += len(p.people) - best
		c.participants.fn += len(g.people) - best
		if g.date != "" {
			c.dated++
			if dateMatches(g.date, p.date) {
				c.datedRight++
			}
		}
	}
	for i, p := range pred {
		if !used[i] {
			c.meetings.fp++
			c.participants.fp += len(p.people)
		}
	}
	return c
}

func overlap(a, b map[string]bool) int {
	n := 0
	for x := range a {
		if b[x] {
			n++
		}
	}
	return n
}
