package export

import (
	"regexp"
	"time"
)

// Meeting dates in the store are ISO dates, possibly partial: 2017,
// 2017-01 or 2017-01-18. A partial date covers every day of its year or
// month.

var datePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// validDate reports whether d is a real, possibly partial, ISO date.
func validDate(d string) bool {
	if !datePattern.MatchString(d) {
		return false
	}
	_, ok := parseDay(d)
	return ok
}

func parseDay(d string) (time.Time, bool) {
	layout := "2006-01-02"
	switch len(d) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	}
	t, err := time.Parse(layout, d)
	return t, err == nil && datePattern.MatchString(d)
}

// firstDay is the first day d covers; the zero time for an invalid date.
func firstDay(d string) time.Time {
	t, _ := parseDay(d)
	return t
}

// lastDay is the last day d covers; the zero time for an invalid date.
func lastDay(d string) time.Time {
	t, ok := parseDay(d)
	if !ok {
		return time.Time{}
	}
	switch len(d) {
	case 4:
		return t.AddDate(1, 0, -1)
	case 7:
		return t.AddDate(0, 1, -1)
	}
	return t
}

// inRange says whether a possibly partial date overlaps [from, to], where
// from and to may be partial too and either may be empty (open). Without
// bounds every date, even a missing one, is in range; with a bound a
// missing or invalid date never is. This is the rule of the saved
// meetings query (queries/lib.js, kg.inRange).
func inRange(date, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if !validDate(date) {
		return false
	}
	if from != "" && lastDay(date).Before(firstDay(from)) {
		return false
	}
	if to != "" && firstDay(date).After(lastDay(to)) {
		return false
	}
	return true
}

// spellOf is the interval of days a date covers, for GEXF spells.
func spellOf(date string) (Spell, bool) {
	if !validDate(date) {
		return Spell{}, false
	}
	return Spell{Start: firstDay(date).Format("2006-01-02"), End: lastDay(date).Format("2006-01-02")}, true
}
