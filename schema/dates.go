package schema

import (
	"fmt"
	"time"
)

// Dates in the graph are ISO dates, possibly partial: 2017, 2017-01 or
// 2017-01-18 (see Date). A partial date stands for every day of its year
// or month, so a range keeps a fact whose date overlaps it.

// ParseDate checks that d is a real ISO date, possibly partial, and
// returns the first and last day it covers. The error says what a date
// looks like.
func ParseDate(d string) (first, last time.Time, err error) {
	layout := ""
	switch {
	case len(d) == 4 && digits(d):
		layout = "2006"
	case len(d) == 7 && digits(d[:4]) && d[4] == '-' && digits(d[5:]):
		layout = "2006-01"
	case len(d) == 10 && digits(d[:4]) && d[4] == '-' && digits(d[5:7]) && d[7] == '-' && digits(d[8:]):
		layout = "2006-01-02"
	}
	if layout == "" {
		return first, last, fmt.Errorf("%q is not a date like 2017, 2017-01 or 2017-01-18", d)
	}
	first, err = time.Parse(layout, d)
	if err != nil {
		return first, last, fmt.Errorf("%q is not a date: there is no such day or month", d)
	}
	switch len(d) {
	case 4:
		last = first.AddDate(1, 0, -1)
	case 7:
		last = first.AddDate(0, 1, -1)
	default:
		last = first
	}
	return first, last, nil
}

// ValidDate reports whether d is a real ISO date, possibly partial.
func ValidDate(d string) bool {
	_, _, err := ParseDate(d)
	return err == nil
}

// DateRange is a range of days given by two possibly partial dates, either
// of which may be empty (open). The zero DateRange holds every date.
type DateRange struct {
	From, To string
}

// CheckDateRange checks the bounds of a range: each a date (or empty), the
// first not after the second. Its errors show the bounds as the user gave
// them: show("from", value) and show("to", value) say how, such as
// "--from 2017" or "--arg from=2017".
func CheckDateRange(r DateRange, show func(bound, value string) string) error {
	var firstFrom time.Time
	if r.From != "" {
		first, _, err := ParseDate(r.From)
		if err != nil {
			return fmt.Errorf("%s: %w", show("from", r.From), err)
		}
		firstFrom = first
	}
	if r.To != "" {
		_, last, err := ParseDate(r.To)
		if err != nil {
			return fmt.Errorf("%s: %w", show("to", r.To), err)
		}
		if r.From != "" && firstFrom.After(last) {
			return fmt.Errorf("%s is after %s", show("from", r.From), show("to", r.To))
		}
	}
	return nil
}

// Open reports whether the range has no bound at all.
func (r DateRange) Open() bool { return r.From == "" && r.To == "" }

// Holds reports whether a fact dated date belongs to the range: its days
// overlap the range's. Without bounds every fact does, dated or not; with
// a bound an undated fact (or one whose date is not a date) never does.
func (r DateRange) Holds(date string) bool {
	if r.Open() {
		return true
	}
	first, last, err := ParseDate(date)
	if err != nil {
		return false
	}
	if r.From != "" {
		if from, _, err := ParseDate(r.From); err != nil || last.Before(from) {
			return false
		}
	}
	if r.To != "" {
		if _, to, err := ParseDate(r.To); err != nil || first.After(to) {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
