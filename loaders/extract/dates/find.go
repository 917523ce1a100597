package dates

import (
	"strconv"
	"strings"
	"time"

	"github.com/kg-project/kg/loaders/extract/text"
)

// Mention is a date expression found in a sentence: tokens [I, J).
type Mention struct {
	I, J  int
	Value Day
	Rule  string // which expression matched, for --explain
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9,
	"sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var weekdayNames = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// Month returns the month a word names (1–12), or 0. "May" must be
// capitalised; abbreviations may carry their dot.
func Month(t text.Token) int {
	if t.Kind != text.Word || !t.Cap {
		return 0
	}
	return monthNames[t.Lower]
}

// IsWeekday reports a capitalised weekday name.
func IsWeekday(t text.Token) bool {
	_, ok := weekdayNames[t.Lower]
	return ok && t.Cap
}

// IsDateWord reports a word that only ever names a time: a month, a
// weekday, "yesterday", "today".
func IsDateWord(t text.Token) bool {
	if Month(t) > 0 && t.Lower != "may" || IsWeekday(t) {
		return true
	}
	switch t.Lower {
	case "yesterday", "today", "tonight", "tomorrow":
		return true
	}
	return false
}

// monthPrepositions may introduce a bare month name ("in November").
var monthPrepositions = map[string]bool{
	"in": true, "since": true, "until": true, "by": true, "during": true, "of": true,
	"early": true, "late": true, "mid": true, "mid-": true, "last": true, "this": true,
	"next": true, "from": true, "through": true, "before": true, "after": true, "on": true,
}

func dayNumber(t text.Token) int {
	s := t.Lower
	if t.Kind == text.Word {
		for _, suf := range []string{"th", "st", "nd", "rd"} {
			s = strings.TrimSuffix(s, suf)
		}
	} else if t.Kind != text.Number {
		return 0
	}
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return 0
	}
	n, _ := strconv.Atoi(s)
	if n < 1 || n > 31 {
		return 0
	}
	return n
}

func yearNumber(t text.Token) int {
	if t.Kind != text.Number || len(t.Text) != 4 || !allDigits(t.Text) {
		return 0
	}
	n, _ := strconv.Atoi(t.Text)
	if n < 1900 || n > 2100 {
		return 0
	}
	return n
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Find returns the date expressions of a sentence's tokens, resolved
// against the publication day pub. pub may be partial or zero: relative
// expressions then resolve as far as pub allows, or not at all.
func Find(toks []text.Token, pub Day) []Mention {
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if !mayStartDate(toks[i]) {
			continue
		}
		for _, r := range rules {
			if m, ok := r.match(toks, i, pub); ok {
				if m.Rule == "" {
					m.Rule = r.name
				}
				out = append(out, m)
				i = m.J - 1
				break
			}
		}
	}
	// "on Monday, June 5", "on Friday (June 2)", "yesterday (13)": the
	// weekday and the date it is are one date, the date's.
	for k := 0; k+1 < len(out); k++ {
		a, b := out[k], out[k+1]
		// "on Tuesday 6 June", British style, with nothing between.
		comma := b.I == a.J+1 && tok(toks, a.J).Text == "," || b.I == a.J && b.Value.D > 0
		bracket := b.I == a.J+1 && tok(toks, a.J).Text == "(" && tok(toks, b.J).Text == ")"
		if strings.HasPrefix(a.Rule, "date-weekday") && (comma || bracket) && b.Value.Full() {
			j := b.J
			if bracket {
				j++
			}
			out[k] = Mention{I: a.I, J: j, Value: b.Value, Rule: b.Rule}
			out = append(out[:k+1], out[k+2:]...)
		}
	}
	return out
}

// mayStartDate reports whether any rule can match at token t: a number,
// an ordinal ("23rd") or one of startWords. Most tokens of a sentence are
// none of these, and Find skips them without trying each rule.
func mayStartDate(t text.Token) bool {
	switch t.Kind {
	case text.Number:
		return true
	case text.Word:
		return t.Lower != "" && t.Lower[0] >= '0' && t.Lower[0] <= '9' || startWords[t.Lower] || isPartOfDate(t.Lower)
	}
	return false
}

// startWords are the words a rule's first token may be: month and
// weekday names, relativeStarts, and "on" ("on the
// 8th").
var startWords = func() map[string]bool {
	m := map[string]bool{"on": true}
	for w := range monthNames {
		m[w] = true
	}
	for w := range weekdayNames {
		m[w] = true
	}
	for w := range relativeStarts {
		m[w] = true
	}
	for w := range agoCounts {
		m[w] = true
	}
	for w := range seasonEnds {
		m[w] = true
	}
	m["last"], m["this"] = true, true
	return m
}()

// A rule matches one kind of date expression starting at token i.
type rule struct {
	name  string
	match func(toks []text.Token, i int, pub Day) (Mention, bool)
}

// rules are tried in order at each token; the first that matches wins.
var rules = []rule{
	{"date-iso", matchISO},
	{"date-numeric", matchNumeric},
	{"date-month-first", matchMonthFirst},
	{"date-day-first", matchDayFirst},
	{"date-ordinal-day", matchOrdinalDay},
	{"date-year", matchYear},
	{"date-weekday", matchWeekday},
	{"date-relative", matchRelative},
	{"date-part-of-month", matchPartOfMonth},
	{"date-ago", matchAgo},
	{"date-season", matchSeason},
}

// seasonEnds are the seasons news dates things by, with the month each
// ends in (northern hemisphere; winter ends in February).
var seasonEnds = map[string]int{"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}

// matchSeason reads a season as its year: "summer 2021", "the spring of
// 2021" (2021), "this spring" (the publication's year), "last summer" (the
// latest summer over before publication). A bare "in the summer" is left
// alone: which summer it is the sentence says elsewhere.
func matchSeason(toks []text.Token, i int, pub Day) (Mention, bool) {
	t := toks[i]
	if t.Is("last", "this") {
		end, ok := seasonEnds[tok(toks, i+1).Lower]
		if !ok || !pub.Valid() || pub.M == 0 {
			return Mention{}, false
		}
		y := pub.Y
		if t.Is("last") && end >= pub.M {
			y--
		}
		return Mention{I: i, J: i + 2, Value: Day{y, 0, 0}}, true
	}
	if _, ok := seasonEnds[t.Lower]; !ok {
		return Mention{}, false
	}
	j := i + 1
	if tok(toks, j).Is("of") {
		j++
	}
	if y, err := strconv.Atoi(tok(toks, j).Text); err == nil && tok(toks, j).Kind == text.Number && y >= 1900 && y <= 2100 {
		start := i
		if tok(toks, i-1).Is("the", "early", "late") {
			start = i - 1
		}
		return Mention{I: start, J: j + 1, Value: Day{y, 0, 0}}, true
	}
	return Mention{}, false
}

func tok(toks []text.Token, i int) text.Token {
	if i < 0 || i >= len(toks) {
		return text.Token{}
	}
	return toks[i]
}

// partOfDate reads "mid-June", "early-March", "late-May" (the month) and
// "mid-2022" (the year), each one word: it returns the month, or the
// year, or zeros.
func partOfDate(w string) (month, year int) {
	part, rest, ok := strings.Cut(w, "-")
	if !ok || part != "mid" && part != "early" && part != "late" {
		return 0, 0
	}
	if y, err := strconv.Atoi(rest); err == nil && len(rest) == 4 && y >= 1900 && y <= 2100 {
		return 0, y
	}
	return monthNames[rest], 0
}

func isPartOfDate(w string) bool {
	m, y := partOfDate(w)
	return m > 0 || y > 0
}

// matchPartOfMonth dates "mid-June" as June, the last one on or before the
// publication day, and "mid-2022" as 2022.
func matchPartOfMonth(toks []text.Token, i int, pub Day) (Mention, bool) {
	if toks[i].Kind != text.Word {
		return Mention{}, false
	}
	m, y := partOfDate(toks[i].Lower)
	switch {
	case y > 0:
		return Mention{I: i, J: i + 1, Value: Day{y, 0, 0}}, true
	case m > 0 && pub.Valid():
		return Mention{I: i, J: i + 1, Value: monthOnOrBefore(m, pub)}, true
	}
	return Mention{}, false
}

// matchDotted reads "12.06.2023", the day first as everywhere dots are
// written, with a year of four digits (not "1.2.3", a version).
func matchDotted(toks []text.Token, i int) (Mention, bool) {
	parts := strings.Split(strings.TrimSuffix(toks[i].Text, "."), ".")
	if len(parts) != 3 || len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 4 {
		return Mention{}, false
	}
	d, errD := strconv.Atoi(parts[0])
	m, errM := strconv.Atoi(parts[1])
	y, errY := strconv.Atoi(parts[2])
	if errD != nil || errM != nil || errY != nil || m < 1 || m > 12 || y < 1900 || y > 2100 || d < 1 || d > daysIn(y, m) {
		return Mention{}, false
	}
	return Mention{I: i, J: i + 1, Value: Day{y, m, d}}, true
}

func matchISO(toks []text.Token, i int, _ Day) (Mention, bool) {
	t := toks[i]
	if t.Kind == text.Number && len(t.Text) == 10 && t.Text[4] == '-' {
		if x := ParseISO(t.Text); x.Full() {
			return Mention{I: i, J: i + 1, Value: x}, true
		}
	}
	return Mention{}, false
}

// matchNumeric reads "18/01" and "18/01/2015" next to a weekday or in
// brackets ("Sunday (18/01)"): day first unless that is impossible.
func matchNumeric(toks []text.Token, i int, pub Day) (Mention, bool) {
	t := toks[i]
	if t.Kind == text.Number && strings.Count(t.Text, ".") == 2 {
		return matchDotted(toks, i)
	}
	if t.Kind != text.Number || !strings.Contains(t.Text, "/") {
		return Mention{}, false
	}
	parts := strings.Split(t.Text, "/")
	if len(parts) < 2 || len(parts) > 3 {
		return Mention{}, false
	}
	a, errA := strconv.Atoi(parts[0])
	b, errB := strconv.Atoi(parts[1])
	if errA != nil || errB != nil || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return Mention{}, false
	}
	d, m := a, b
	if m > 12 && d <= 12 {
		d, m = m, d
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return Mention{}, false
	}
	if len(parts) == 3 {
		y, err := strconv.Atoi(parts[2])
		if err != nil {
			return Mention{}, false
		}
		if y < 100 {
			y += 2000
		}
		if y < 1900 || y > 2100 || d > daysIn(y, m) {
			return Mention{}, false
		}
		x := Day{y, m, d}
		// "05/08/2023" in an article of 10 May 2023: day first would be a
		// day still to come, so the writer put the month first.
		if alt := (Day{y, d, m}); d <= 12 && d != m && pub.Valid() && x.After(pub.AddDays(1)) && !alt.After(pub) {
			x = alt
		}
		return Mention{I: i, J: i + 1, Value: x}, true
	}
	if !pub.Valid() || tok(toks, i-1).Text != "(" && !IsWeekday(tok(toks, i-1)) {
		return Mention{}, false
	}
	x := nearestYear(m, d, pub)
	return Mention{I: i, J: i + 1, Value: x}, x.Valid()
}

// matchMonthFirst reads "January 23[, 2017]", "Jan. 23", "December 2016",
// "in November", "last September", "November last year".
func matchMonthFirst(toks []text.Token, i int, pub Day) (Mention, bool) {
	m := Month(toks[i])
	if m == 0 {
		return Mention{}, false
	}
	j := i + 1
	if d := dayNumber(tok(toks, j)); d > 0 {
		return dayWithYear(toks, i, j+1, m, d, pub)
	}
	k := j
	if tok(toks, k).Text == "," {
		k++
	}
	if y := yearNumber(tok(toks, k)); y > 0 {
		return Mention{I: i, J: k + 1, Value: Day{y, m, 0}}, true
	}
	// "May" is a month only in a date context; so is a bare abbreviation,
	// which names often contain ("Dong Jun", "Kim Jong Jun").
	prev := tok(toks, i-1)
	abbreviated := len(toks[i].Lower) <= 4 && !strings.HasSuffix(toks[i].Lower, ".") && toks[i].Lower != "june" && toks[i].Lower != "july"
	if (toks[i].Lower == "may" || abbreviated) && !monthPrepositions[prev.Lower] {
		return Mention{}, false
	}
	if !pub.Valid() {
		return Mention{}, false
	}
	start := i
	x := monthOnOrBefore(m, pub)
	switch prev.Lower {
	case "last":
		x = monthBefore(m, pub)
		start = i - 1
	case "this":
		x = Day{pub.Y, m, 0}
		start = i - 1
	case "next":
		x = monthAfter(m, pub)
		start = i - 1
	case "early", "late", "mid", "mid-":
		start = i - 1
	}
	end := i + 1
	// "in August last year", "in March this year", "in June next year".
	if w := tok(toks, end+1).Lower; w == "year" {
		switch tok(toks, end).Lower {
		case "last":
			x, end = Day{pub.Y - 1, m, 0}, end+2
		case "this":
			x, end = Day{pub.Y, m, 0}, end+2
		case "next":
			x, end = Day{pub.Y + 1, m, 0}, end+2
		}
	}
	if !monthPrepositions[prev.Lower] && end == i+1 {
		// A bare month name with no preposition is still a date when a
		// comma or bracket sets it apart ("..., in the capital, June").
		if prev.Kind == text.Word && !prev.Cap {
			return Mention{}, false
		}
	}
	return Mention{I: start, J: end, Value: x}, true
}

// matchDayFirst reads "23 January 2017", "2nd May, 2021", "23rd of May",
// "12th January".
func matchDayFirst(toks []text.Token, i int, pub Day) (Mention, bool) {
	d := dayNumber(toks[i])
	if d == 0 {
		return Mention{}, false
	}
	j := i + 1
	if tok(toks, j).Lower == "of" {
		j++
	}
	m := Month(tok(toks, j))
	if m == 0 {
		return Mention{}, false
	}
	return dayWithYear(toks, i, j+1, m, d, pub)
}

// matchOrdinalDay reads "on the 8th" with no month: the 8th of the
// publication's month, or of the month before when that day is still to
// come.
func matchOrdinalDay(toks []text.Token, i int, pub Day) (Mention, bool) {
	t := tok(toks, i+2)
	if !toks[i].Is("on") || !tok(toks, i+1).Is("the") || t.Kind != text.Word || !pub.Full() {
		return Mention{}, false
	}
	d := dayNumber(t)
	if d == 0 || tok(toks, i+3).Is("of") || Month(tok(toks, i+3)) != 0 {
		return Mention{}, false
	}
	x := Day{pub.Y, pub.M, d}
	if d > pub.D+1 {
		x = Day{pub.Y, pub.M - 1, d}
		if x.M == 0 {
			x = Day{pub.Y - 1, 12, d}
		}
	}
	if d > daysIn(x.Y, x.M) {
		return Mention{}, false
	}
	return Mention{I: i + 1, J: i + 3, Value: x}, true
}

// dayWithYear completes a day and month read from token i up to token j
// with the year that follows ("23 January, 2017") or, when none does, the
// year that puts the day nearest the publication day.
func dayWithYear(toks []text.Token, i, j, m, d int, pub Day) (Mention, bool) {
	k := j
	if tok(toks, k).Text == "," {
		k++
	}
	if y := yearNumber(tok(toks, k)); y > 0 && d <= daysIn(y, m) {
		return Mention{I: i, J: k + 1, Value: Day{y, m, d}}, true
	}
	// "on March 3 last year".
	if tok(toks, j).Is("last") && tok(toks, j+1).Is("year") && pub.Valid() && d <= daysIn(pub.Y-1, m) {
		return Mention{I: i, J: j + 2, Value: Day{pub.Y - 1, m, d}}, true
	}
	if pub.Valid() {
		if x := nearestYear(m, d, pub); x.Valid() {
			return Mention{I: i, J: j, Value: x}, true
		}
	}
	return Mention{}, false
}

// matchYear reads a year after a preposition: "in 2011", "since 2016".
func matchYear(toks []text.Token, i int, _ Day) (Mention, bool) {
	y := yearNumber(toks[i])
	if y == 0 {
		return Mention{}, false
	}
	if monthPrepositions[tok(toks, i-1).Lower] {
		return Mention{I: i, J: i + 1, Value: Day{y, 0, 0}}, true
	}
	// "in 1997 and 2003", "in 1997, 1999 and 2003": a year listed after
	// another; "a 1989 summit", "the 1994 election": a year before what
	// it dates.
	// "2010 - Erdogan and Assad held talks": a timeline's line.
	if (i == 0 || tok(toks, i-1).Kind != text.Word && tok(toks, i-1).Kind != text.Number) &&
		(tok(toks, i+1).Text == "-" || tok(toks, i+1).Text == "–" || tok(toks, i+1).Text == "—" || tok(toks, i+1).Text == ":") {
		return Mention{I: i, J: i + 1, Value: Day{y, 0, 0}}, true
	}
	if tok(toks, i-1).Is("and", "or") && yearNumber(tok(toks, i-2)) > 0 || tok(toks, i-1).Text == "," && yearNumber(tok(toks, i-2)) > 0 ||
		tok(toks, i-1).Is("a", "the", "their", "his", "her") && tok(toks, i+1).Kind == text.Word && !tok(toks, i+1).Cap {
		return Mention{I: i, J: i + 1, Value: Day{y, 0, 0}}, true
	}
	return Mention{}, false
}

// matchWeekday reads "on Wednesday", "late on Monday", "this Saturday
// afternoon", "Friday": the last such weekday on or before the publication
// day, or after it with "next"/"coming".
func matchWeekday(toks []text.Token, i int, pub Day) (Mention, bool) {
	wd, ok := weekdayNames[toks[i].Lower]
	if !ok || !toks[i].Cap || !pub.Full() {
		return Mention{}, false
	}
	start := i
	prev := tok(toks, i-1).Lower
	future := false
	switch prev {
	case "on", "last", "this", "late", "early":
		start = i - 1
		if pp := tok(toks, i-2).Lower; (pp == "late" || pp == "early") && prev == "on" {
			start = i - 2
		}
	case "next", "coming":
		start = i - 1
		future = true
	}
	end := i + 1
	switch tok(toks, end).Lower {
	case "morning", "afternoon", "evening", "night":
		end++
	}
	if future {
		ahead := (int(wd) - int(pub.Time().Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return Mention{I: start, J: end, Value: pub.AddDays(ahead), Rule: "date-weekday-next"}, true
	}
	// "on Wednesday last week": that weekday of the week before the
	// publication's (weeks start on Monday).
	if tok(toks, end).Is("last") && tok(toks, end+1).Is("week") {
		sinceMonday := (int(pub.Time().Weekday()) + 6) % 7
		monday := pub.AddDays(-sinceMonday - 7)
		return Mention{I: start, J: end + 2, Value: monday.AddDays((int(wd) + 6) % 7), Rule: "date-weekday-last-week"}, true
	}
	back := (int(pub.Time().Weekday()) - int(wd) + 7) % 7
	if prev == "last" && back == 0 {
		back = 7
	}
	return Mention{I: start, J: end, Value: pub.AddDays(-back)}, true
}

// relativePhrases resolve against the publication day: the words, and the
// date they name as an offset in days, or as this/last/next month or year.
var relativePhrases = []struct {
	words []string
	unit  string // "day", "week", "weekend", "month", "year"
	shift int
}{
	{[]string{"yesterday"}, "day", -1},
	{[]string{"today"}, "day", 0},
	{[]string{"tonight"}, "day", 0},
	{[]string{"tomorrow"}, "day", 1},
	{[]string{"this", "morning"}, "day", 0},
	{[]string{"this", "afternoon"}, "day", 0},
	{[]string{"this", "evening"}, "day", 0},
	{[]string{"last", "night"}, "day", -1},
	{[]string{"last", "evening"}, "day", -1},
	{[]string{"the", "day", "before", "yesterday"}, "day", -2},
	{[]string{"over", "the", "weekend"}, "weekend", 0},
	{[]string{"at", "the", "weekend"}, "weekend", 0},
	{[]string{"this", "weekend"}, "weekend", 0},
	{[]string{"last", "weekend"}, "weekend", 0},
	{[]string{"earlier", "this", "week"}, "week", 0},
	{[]string{"this", "week"}, "week", 0},
	{[]string{"last", "week"}, "week", -1},
	{[]string{"earlier", "this", "month"}, "month", 0},
	{[]string{"later", "this", "month"}, "month", 0},
	{[]string{"this", "month"}, "month", 0},
	{[]string{"early", "last", "month"}, "month", -1},
	{[]string{"late", "last", "month"}, "month", -1},
	{[]string{"last", "month"}, "month", -1},
	{[]string{"next", "month"}, "month", 1},
	{[]string{"earlier", "this", "year"}, "year", 0},
	{[]string{"later", "this", "year"}, "year", 0},
	{[]string{"this", "year"}, "year", 0},
	{[]string{"last", "year"}, "year", -1},
	{[]string{"next", "year"}, "year", 1},
}

// relativeStarts indexes relativePhrases by their first word, so that a
// common word that starts one ("at", "over", "this") is tried against
// its own phrases only.
var relativeStarts = func() map[string][]int {
	m := map[string][]int{}
	for i, p := range relativePhrases {
		m[p.words[0]] = append(m[p.words[0]], i)
	}
	return m
}()

func matchRelative(toks []text.Token, i int, pub Day) (Mention, bool) {
	if toks[i].Kind != text.Word || !pub.Valid() {
		return Mention{}, false
	}
	for _, pi := range relativeStarts[toks[i].Lower] {
		p := relativePhrases[pi]
		if !wordsAt(toks, i, p.words) {
			continue
		}
		end := i + len(p.words)
		var x Day
		switch p.unit {
		case "day":
			if !pub.Full() {
				return Mention{}, false
			}
			x = pub.AddDays(p.shift)
		case "week":
			if !pub.Full() {
				return Mention{}, false
			}
			x = pub.AddDays(7 * p.shift)
			x.D = 0
		case "weekend":
			// The last Saturday and Sunday up to the publication day; the
			// day is not said, so only its month is given.
			if !pub.Full() {
				return Mention{}, false
			}
			back := (int(pub.Time().Weekday()) + 1) % 7 // days since Saturday
			x = pub.AddDays(-back)
			x.D = 0
		case "month":
			if pub.M == 0 {
				return Mention{}, false
			}
			t := time.Date(pub.Y, time.Month(pub.M)+time.Month(p.shift), 1, 0, 0, 0, 0, time.UTC)
			x = Day{t.Year(), int(t.Month()), 0}
		case "year":
			x = Day{pub.Y + p.shift, 0, 0}
		}
		return Mention{I: i, J: end, Value: x, Rule: "date-" + strings.Join(p.words, "-")}, true
	}
	return Mention{}, false
}

// agoCounts and agoUnits read "two days ago", "a week ago", "18 months
// ago", "three years ago": a count (a word here, or digits), a unit, then
// "ago".
var agoCounts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

var agoUnits = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
	"month": "month", "months": "month", "year": "year", "years": "year",
}

// matchAgo resolves "N units ago" against the publication day: a day for
// days, the month of the day N weeks before for weeks, the month N months
// before, the year N years before.
func matchAgo(toks []text.Token, i int, pub Day) (Mention, bool) {
	unit, ok := agoUnits[tok(toks, i+1).Lower]
	if !ok || tok(toks, i+2).Lower != "ago" || !pub.Valid() {
		return Mention{}, false
	}
	n, ok := agoCounts[toks[i].Lower]
	if !ok {
		d, err := strconv.Atoi(toks[i].Text)
		if err != nil || d < 1 || d > 100 {
			return Mention{}, false
		}
		n = d
	}
	var x Day
	if unit == "fortnight" {
		unit, n = "week", 2*n
	}
	switch unit {
	case "day", "week":
		if !pub.Full() {
			return Mention{}, false
		}
		if unit == "day" {
			x = pub.AddDays(-n)
		} else {
			x = pub.AddDays(-7 * n)
			x.D = 0
		}
	case "month":
		if pub.M == 0 {
			return Mention{}, false
		}
		t := time.Date(pub.Y, time.Month(pub.M)-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		x = Day{t.Year(), int(t.Month()), 0}
	case "year":
		x = Day{pub.Y - n, 0, 0}
	}
	return Mention{I: i, J: i + 3, Value: x}, true
}

func wordsAt(toks []text.Token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].Lower != w {
			return false
		}
	}
	return true
}

// nearestYear places month m, day d in the year around pub's that puts it
// closest to the publication day.
func nearestYear(m, d int, pub Day) Day {
	if pub.M == 0 {
		if d <= daysIn(pub.Y, m) {
			return Day{pub.Y, m, d}
		}
		return Day{}
	}
	ref := Day{pub.Y, pub.M, max(pub.D, 1)}
	best := Day{}
	bestDist := 0.0
	for y := pub.Y - 1; y <= pub.Y+1; y++ {
		if d > daysIn(y, m) {
			continue
		}
		x := Day{y, m, d}
		dist := x.Time().Sub(ref.Time()).Hours()
		if dist < 0 {
			dist = -dist
		}
		if !best.Valid() || dist < bestDist {
			best, bestDist = x, dist
		}
	}
	return best
}

// monthOnOrBefore places a bare month name ("in June") in the year that
// makes it the publication month or earlier: news reports past events.
func monthOnOrBefore(m int, pub Day) Day {
	if pub.M == 0 || m <= pub.M {
		return Day{pub.Y, m, 0}
	}
	return Day{pub.Y - 1, m, 0}
}

func monthBefore(m int, pub Day) Day {
	if pub.M != 0 && m < pub.M {
		return Day{pub.Y, m, 0}
	}
	return Day{pub.Y - 1, m, 0}
}

func monthAfter(m int, pub Day) Day {
	if pub.M != 0 && m > pub.M {
		return Day{pub.Y, m, 0}
	}
	return Day{pub.Y + 1, m, 0}
}
