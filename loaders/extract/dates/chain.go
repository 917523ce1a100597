package dates

import (
	"sort"

	"github.com/kg-project/kg/loaders/extract/text"
)

// anchoredPhrases name a day relative to the last full date the article
// named before them: "the day before", "a day earlier", "the following
// day", "that day", "earlier in the day".
var anchoredPhrases = []struct {
	words []string
	shift int
}{
	{[]string{"a", "day", "earlier"}, -1},
	{[]string{"one", "day", "earlier"}, -1},
	{[]string{"a", "day", "before"}, -1},
	{[]string{"the", "day", "before"}, -1},
	{[]string{"the", "previous", "day"}, -1},
	{[]string{"the", "preceding", "day"}, -1},
	{[]string{"the", "previous", "evening"}, -1},
	{[]string{"the", "night", "before"}, -1},
	{[]string{"two", "days", "earlier"}, -2},
	{[]string{"two", "days", "before"}, -2},
	{[]string{"a", "day", "later"}, 1},
	{[]string{"one", "day", "later"}, 1},
	{[]string{"the", "day", "after"}, 1},
	{[]string{"the", "next", "day"}, 1},
	{[]string{"the", "following", "day"}, 1},
	{[]string{"next", "day"}, 1},
	{[]string{"two", "days", "later"}, 2},
	// "The visit came a day after X welcomed the pope": what follows
	// happened the day before the date in hand.
	{[]string{"a", "day", "after"}, -1},
	{[]string{"one", "day", "after"}, -1},
	{[]string{"two", "days", "after"}, -2},
	{[]string{"the", "same", "day"}, 0},
	{[]string{"that", "same", "day"}, 0},
	{[]string{"that", "day"}, 0},
	{[]string{"the", "same", "evening"}, 0},
	{[]string{"that", "morning"}, 0},
	{[]string{"that", "afternoon"}, 0},
	{[]string{"that", "evening"}, 0},
	{[]string{"that", "night"}, 0},
	{[]string{"that", "same", "night"}, 0},
	{[]string{"the", "same", "night"}, 0},
	{[]string{"that", "same", "evening"}, 0},
	{[]string{"that", "same", "morning"}, 0},
	{[]string{"earlier", "in", "the", "day"}, 0},
	{[]string{"later", "in", "the", "day"}, 0},
	{[]string{"later", "that", "day"}, 0},
	{[]string{"earlier", "that", "day"}, 0},
	{[]string{"shortly", "afterwards"}, 0},
	{[]string{"shortly", "afterward"}, 0},
	{[]string{"shortly", "after"}, 0},
	{[]string{"a", "week", "earlier"}, -7},
	{[]string{"a", "week", "before"}, -7},
	{[]string{"one", "week", "earlier"}, -7},
	{[]string{"a", "week", "later"}, 7},
	{[]string{"one", "week", "later"}, 7},
	{[]string{"two", "weeks", "earlier"}, -14},
	{[]string{"two", "weeks", "later"}, 14},
}

// countedDays adds "three days earlier" to "ten days later" to
// anchoredPhrases: the count of days, then earlier, before or later.
func init() {
	for n, w := range []string{"three", "four", "five", "six", "seven", "eight", "nine", "ten"} {
		days := n + 3
		anchoredPhrases = append(anchoredPhrases,
			struct {
				words []string
				shift int
			}{[]string{w, "days", "earlier"}, -days},
			struct {
				words []string
				shift int
			}{[]string{w, "days", "before"}, -days},
			struct {
				words []string
				shift int
			}{[]string{w, "days", "later"}, days})
	}
	for _, p := range anchoredPhrases {
		anchoredStarts[p.words[0]] = true
	}
}

// anchoredStarts are the first words of anchoredPhrases.
var anchoredStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range anchoredPhrases {
		m[p.words[0]] = true
	}
	return m
}()

// Chain adds to each sentence's dates those named relative to an earlier
// date in the article ("the day before", "later in the day"), resolved
// against the last full date before them outside quotations. dates holds
// one slice per sentence and is changed in place.
func Chain(sents []text.Sentence, dates [][]Mention) {
	var last Day
	lastYear := 0
	for si := range sents {
		s := &sents[si]
		var added []Mention
		planned := plannedSentence(s)
		for k := 0; k < len(s.Toks); k++ {
			// "relaunched on September 2, ..., a day after": a full date
			// earlier in the same sentence anchors too.
			for _, dm := range dates[si] {
				if !planned && dm.J <= k && dm.J > k-30 && dm.Value.Full() && !s.Quoted[dm.I] && !inRelativeClause(s.Toks, dm.I) {
					last = dm.Value
				}
			}
			if !last.Full() {
				continue
			}
			if covered(dates[si], k) || !anchoredStarts[s.Toks[k].Lower] {
				continue
			}
			for _, p := range anchoredPhrases {
				if !wordsAt(s.Toks, k, p.words) {
					continue
				}
				// "the day before the vote": "before" governs a noun.
				if (p.words[len(p.words)-1] == "before" || p.words[len(p.words)-1] == "after") && p.words[0] == "the" {
					if next := tok(s.Toks, k+len(p.words)); next.Kind == text.Word && !IsDateWord(next) && next.Lower != "," {
						if next.Lower != "yesterday" {
							continue
						}
					}
				}
				added = append(added, Mention{I: k, J: k + len(p.words), Value: last.AddDays(p.shift), Rule: "date-anchored"})
				k += len(p.words) - 1
				break
			}
		}
		if planned {
			continue
		}
		for _, dm := range dates[si] {
			if dm.Value.Full() && !s.Quoted[dm.I] && !inRelativeClause(s.Toks, dm.I) {
				last = dm.Value
			}
		}
		added = append(added, chainYears(s, dates[si], &lastYear)...)
		if len(added) > 0 {
			dates[si] = append(dates[si], added...)
			sort.Slice(dates[si], func(a, b int) bool { return dates[si][a].I < dates[si][b].I })
		}
	}
}

// yearCounts and yearUnits read "three years later", "a decade
// earlier", "two decades after".
var yearCounts = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

var yearUnits = map[string]int{"year": 1, "years": 1, "decade": 10, "decades": 10}

// sameYearPhrases name the year of the date in hand or the one next to it.
var sameYearPhrases = []struct {
	words []string
	shift int
}{
	{[]string{"the", "following", "year"}, 1}, {[]string{"the", "next", "year"}, 1}, {[]string{"the", "previous", "year"}, -1},
	{[]string{"the", "year", "before"}, -1}, {[]string{"the", "year", "after"}, 1}, {[]string{"that", "same", "year"}, 0},
	{[]string{"the", "same", "year"}, 0}, {[]string{"later", "that", "year"}, 0}, {[]string{"earlier", "that", "year"}, 0},
}

// chainYears finds the years named relative to the last year the article
// named ("Eze met Obasanjo in 1999. Three years later, he met Mbeki"),
// keeping lastYear up to date with the sentence's own dates.
func chainYears(s *text.Sentence, ms []Mention, lastYear *int) []Mention {
	var out []Mention
	next, lastOwn := 0, -1
	for k := 0; k < len(s.Toks); k++ {
		for next < len(ms) && ms[next].J <= k {
			if ms[next].Value.Y > 0 && !s.Quoted[ms[next].I] && !inRelativeClause(s.Toks, ms[next].I) {
				*lastYear, lastOwn = ms[next].Value.Y, ms[next].I
			}
			next++
		}
		if *lastYear == 0 || covered(ms, k) {
			continue
		}
		if n, ok := yearCounts[s.Toks[k].Lower]; ok {
			if u, ok := yearUnits[tok(s.Toks, k+1).Lower]; ok {
				switch tok(s.Toks, k+2).Lower {
				case "later", "after":
					// Not "three years after the war": "after" governs a noun.
					if tok(s.Toks, k+2).Lower == "after" && tok(s.Toks, k+3).Kind == text.Word {
						continue
					}
					out = append(out, Mention{I: k, J: k + 3, Value: Day{*lastYear + n*u, 0, 0}, Rule: "date-years-later"})
					k += 2
				case "earlier", "before":
					if tok(s.Toks, k+2).Lower == "before" && tok(s.Toks, k+3).Kind == text.Word {
						continue
					}
					out = append(out, Mention{I: k, J: k + 3, Value: Day{*lastYear - n*u, 0, 0}, Rule: "date-years-earlier"})
					k += 2
				}
				continue
			}
		}
		for _, p := range sameYearPhrases {
			if wordsAt(s.Toks, k, p.words) {
				out = append(out, Mention{I: k, J: k + len(p.words), Value: Day{*lastYear + p.shift, 0, 0}, Rule: "date-same-year"})
				k += len(p.words) - 1
				break
			}
		}
	}
	for ; next < len(ms); next++ {
		if ms[next].Value.Y > 0 && !s.Quoted[ms[next].I] && !inRelativeClause(s.Toks, ms[next].I) {
			*lastYear, lastOwn = ms[next].Value.Y, ms[next].I
		}
	}
	// "Three years later, ... The following year": counted on from the
	// year just counted.
	if n := len(out); n > 0 && out[n-1].I > lastOwn {
		*lastYear = out[n-1].Value.Y
	}
	return out
}

// inRelativeClause reports a token inside a relative clause set off by
// commas: "Kishida, who arrived on Sunday, called on ..." tells the day of
// the arrival, not the day the story goes on from.
func inRelativeClause(toks []text.Token, i int) bool {
	for q := i - 1; q >= 0; q-- {
		if toks[q].Text == "," || toks[q].Text == ";" {
			return tok(toks, q+1).Is("who", "which", "whose", "whom")
		}
	}
	return false
}

// plannedSentence reports a sentence about the future ("talks are
// scheduled at the ministry on Wednesday"), whose dates anchor nothing.
func plannedSentence(s *text.Sentence) bool {
	for _, t := range s.Toks {
		if t.Is("scheduled", "expected", "due", "will", "plans", "planned", "set") {
			return true
		}
	}
	return false
}

func covered(ms []Mention, k int) bool {
	for _, m := range ms {
		if k >= m.I && k < m.J {
			return true
		}
	}
	return false
}

// Dateline reads the publication date a text states near its top: an ISO
// date ("date 2017-01-01") or a full written date ("December 8, 2020 -
// 16:12", "Asmara, 18 July 2020 –", "ABU DHABI, 2nd May, 2021 (WAM)").
// Only the first few sentences are searched, and only full dates count.
func Dateline(sents []text.Sentence) Day {
	for k, s := range sents {
		if k >= 4 || s.Start > 600 {
			break
		}
		for _, m := range Find(s.Toks, Day{}) {
			if m.Value.Full() {
				return m.Value
			}
		}
	}
	return Day{}
}
