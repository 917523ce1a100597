package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Stage 3: date expressions. Each sentence is scanned for explicit dates
// ("January 23", "23 January 2017", "Jan. 23", "2017-01-01", "December
// 2016", "in 2011") and for dates relative to the publication day ("on
// Wednesday", "late on Monday", "yesterday", "this morning", "last
// November", "earlier this year"). Partial dates stay partial.

// day is a calendar date that may be partial: m == 0 means year only,
// d == 0 means year and month only.
type day struct{ y, m, d int }

func (x day) valid() bool { return x.y > 0 }

// String formats the date as YYYY-MM-DD, YYYY-MM or YYYY.
func (x day) String() string {
	switch {
	case x.y == 0:
		return ""
	case x.m == 0:
		return fmt.Sprintf("%04d", x.y)
	case x.d == 0:
		return fmt.Sprintf("%04d-%02d", x.y, x.m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", x.y, x.m, x.d)
}

func (x day) time() time.Time { return time.Date(x.y, time.Month(x.m), x.d, 12, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) day { return day{t.Year(), int(t.Month()), t.Day()} }

// parseISODay reads YYYY-MM-DD, YYYY-MM or YYYY (a longer timestamp is cut
// to its date).
func parseISODay(s string) day {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return day{}
	}
	var nums [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return day{}
		}
		nums[i] = n
	}
	x := day{nums[0], nums[1], nums[2]}
	if x.y < 1000 || x.m < 0 || x.m > 12 || x.d < 0 || x.d > daysIn(x.y, x.m) || (x.m == 0 && x.d != 0) {
		return day{}
	}
	return x
}

func daysIn(y, m int) int {
	if m == 0 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
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

// monthPrepositions may introduce a bare month name ("in November").
var monthPrepositions = map[string]bool{
	"in": true, "since": true, "until": true, "by": true, "during": true, "of": true,
	"early": true, "late": true, "mid": true, "mid-": true, "last": true, "this": true,
	"next": true, "from": true, "through": true, "before": true, "after": true,
}

// dateMention is a date expression found in a sentence: tokens [i, j).
type dateMention struct {
	i, j  int
	value day
	rule  string
}

func monthOf(t token) int {
	if t.kind != tokWord || !t.cap {
		return 0
	}
	return monthNames[t.lower]
}

func dayNumber(t token) int {
	s := t.lower
	if t.kind == tokWord {
		s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	} else if t.kind != tokNumber {
		return 0
	}
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

func yearNumber(t token) int {
	if t.kind != tokNumber || len(t.text) != 4 || !allDigits(t.text) {
		return 0
	}
	n, err := strconv.Atoi(t.text)
	if err != nil || n < 1900 || n > 2100 {
		return 0
	}
	return n
}

// findDates returns the date expressions of a sentence, resolved against
// the publication date pub (which may be zero: relative dates are then
// dropped and month-day dates without a year too).
func findDates(toks []token, pub day) []dateMention {
	var out []dateMention
	for i := 0; i < len(toks); i++ {
		if m, ok := matchDate(toks, i, pub); ok {
			out = append(out, m)
			i = m.j - 1
		}
	}
	return out
}

func tokAt(toks []token, i int) token {
	if i < 0 || i >= len(toks) {
		return token{}
	}
	return toks[i]
}

func matchDate(toks []token, i int, pub day) (dateMention, bool) {
	t := toks[i]
	// ISO date 2017-01-01.
	if t.kind == tokNumber && len(t.text) == 10 && t.text[4] == '-' {
		if x := parseISODay(t.text); x.valid() && x.d > 0 {
			return dateMention{i, i + 1, x, "date-iso"}, true
		}
	}
	// Month Day[,] [Year]  |  Month Year  |  (prep) Month
	if m := monthOf(t); m > 0 {
		j := i + 1
		if d := dayNumber(tokAt(toks, j)); d > 0 {
			j++
			k := j
			if tokAt(toks, k).text == "," {
				k++
			}
			if y := yearNumber(tokAt(toks, k)); y > 0 && d <= daysIn(y, m) {
				return dateMention{i, k + 1, day{y, m, d}, "date-month-day-year"}, true
			}
			if pub.valid() {
				if x := nearestYear(m, d, pub); x.valid() {
					return dateMention{i, j, x, "date-month-day"}, true
				}
			}
			return dateMention{}, false
		}
		k := j
		if tokAt(toks, k).text == "," {
			k++
		}
		if y := yearNumber(tokAt(toks, k)); y > 0 {
			return dateMention{i, k + 1, day{y, m, 0}, "date-month-year"}, true
		}
		prev := tokAt(toks, i-1)
		if monthPrepositions[prev.lower] && pub.valid() {
			start := i
			x := lastMonthOnOrBefore(m, pub)
			switch prev.lower {
			case "last":
				x = lastMonth(m, pub)
				start = i - 1
			case "this":
				x = day{pub.y, m, 0}
				start = i - 1
			case "next":
				x = nextMonth(m, pub)
				start = i - 1
			}
			return dateMention{start, i + 1, x, "date-month"}, true
		}
		return dateMention{}, false
	}
	// Day Month [Year]
	if d := dayNumber(t); d > 0 {
		j := i + 1
		if tokAt(toks, j).lower == "of" {
			j++
		}
		if m := monthOf(tokAt(toks, j)); m > 0 {
			if y := yearNumber(tokAt(toks, j+1)); y > 0 && d <= daysIn(y, m) {
				return dateMention{i, j + 2, day{y, m, d}, "date-day-month-year"}, true
			}
			if pub.valid() {
				if x := nearestYear(m, d, pub); x.valid() {
					return dateMention{i, j + 1, x, "date-day-month"}, true
				}
			}
		}
		return dateMention{}, false
	}
	// (in|since|...) 2011
	if y := yearNumber(t); y > 0 {
		prev := tokAt(toks, i-1).lower
		if monthPrepositions[prev] || prev == "early" || prev == "late" {
			return dateMention{i, i + 1, day{y, 0, 0}, "date-year"}, true
		}
		return dateMention{}, false
	}
	if !pub.valid() || t.kind != tokWord {
		return dateMention{}, false
	}
	// Weekdays: "on Wednesday", "late on Monday", "a Wednesday meeting".
	if wd, ok := weekdayNames[t.lower]; ok && t.cap {
		start := i
		if p := tokAt(toks, i-1).lower; p == "on" || p == "last" {
			start = i - 1
			if pp := tokAt(toks, i-2).lower; pp == "late" || pp == "early" {
				start = i - 2
			}
		}
		end := i + 1
		switch tokAt(toks, i+1).lower {
		case "morning", "afternoon", "evening", "night":
			end++
		}
		if tokAt(toks, i-1).lower == "next" {
			return dateMention{}, false
		}
		back := (int(pub.time().Weekday()) - int(wd) + 7) % 7
		return dateMention{start, end, fromTime(pub.time().AddDate(0, 0, -back)), "date-weekday"}, true
	}
	switch t.lower {
	case "yesterday":
		return dateMention{i, i + 1, fromTime(pub.time().AddDate(0, 0, -1)), "date-yesterday"}, true
	case "today", "tonight":
		return dateMention{i, i + 1, pub, "date-today"}, true
	case "this", "last", "earlier", "later":
		j := i + 1
		if t.lower == "earlier" || t.lower == "later" {
			if tokAt(toks, j).lower != "this" {
				return dateMention{}, false
			}
			j++
		}
		unit := tokAt(toks, j).lower
		rel := tokAt(toks, j-1).lower // "this" or "last"
		switch unit {
		case "morning", "afternoon", "evening":
			if rel == "this" {
				return dateMention{i, j + 1, pub, "date-this-morning"}, true
			}
		case "night":
			if rel == "last" {
				return dateMention{i, j + 1, fromTime(pub.time().AddDate(0, 0, -1)), "date-last-night"}, true
			}
		case "year":
			y := pub.y
			if rel == "last" {
				y--
			}
			return dateMention{i, j + 1, day{y, 0, 0}, "date-year-relative"}, true
		case "month":
			x := day{pub.y, pub.m, 0}
			if rel == "last" {
				x = fromTime(time.Date(pub.y, time.Month(pub.m)-1, 1, 0, 0, 0, 0, time.UTC))
				x.d = 0
			}
			return dateMention{i, j + 1, x, "date-month-relative"}, true
		}
	}
	return dateMention{}, false
}

// nearestYear places month m, day d in the year (around pub's) that puts it
// closest to the publication date.
func nearestYear(m, d int, pub day) day {
	best := day{}
	bestDist := 0.0
	for y := pub.y - 1; y <= pub.y+1; y++ {
		if d > daysIn(y, m) {
			continue
		}
		x := day{y, m, d}
		dist := x.time().Sub(pub.time()).Hours()
		if dist < 0 {
			dist = -dist
		}
		if !best.valid() || dist < bestDist {
			best, bestDist = x, dist
		}
	}
	return best
}

// lastMonthOnOrBefore places a bare month name ("in June") in the year
// that makes it the publication month or earlier: news reports past events.
func lastMonthOnOrBefore(m int, pub day) day {
	if m <= pub.m {
		return day{pub.y, m, 0}
	}
	return day{pub.y - 1, m, 0}
}

func lastMonth(m int, pub day) day {
	if m < pub.m {
		return day{pub.y, m, 0}
	}
	return day{pub.y - 1, m, 0}
}

func nextMonth(m int, pub day) day {
	if m > pub.m {
		return day{pub.y, m, 0}
	}
	return day{pub.y + 1, m, 0}
}

// datelineDate reads the publication date a text states near its top: an
// ISO date ("date 2017-01-01") or a full written date ("December 8, 2020 -
// 16:12", "TEHRAN, Jan 5, 2020 (Reuters) -"). Only the first few sentences
// are searched, and only full dates count.
func datelineDate(sents []sentence) day {
	for k, s := range sents {
		if k >= 4 || s.start > 600 {
			break
		}
		for _, m := range findDates(s.toks, day{}) {
			if m.value.d > 0 {
				return m.value
			}
		}
	}
	return day{}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sameDayDates adds the dates of "on the same day", "that day", "later in
// the day": the last full date named before them in the article.
func sameDayDates(sents []sentence, dates [][]dateMention) {
	var last day
	for si := range sents {
		toks := sents[si].toks
		var added []dateMention
		for k := 0; k+1 < len(toks); k++ {
			if !last.valid() || last.d == 0 {
				break
			}
			// "a day earlier", "the day before", "the next day".
			if off, n := dayOffset(toks, k); n > 0 {
				added = append(added, dateMention{k, k + n, fromTime(last.time().AddDate(0, 0, off)), "date-day-before-after"})
				k += n - 1
				continue
			}
			if toks[k+1].lower != "day" {
				continue
			}
			switch toks[k].lower {
			case "same", "that":
				added = append(added, dateMention{k, k + 2, last, "date-same-day"})
			case "the":
				if p := tokAt(toks, k-1).lower; p == "in" && (tokAt(toks, k-2).lower == "later" || tokAt(toks, k-2).lower == "earlier") {
					added = append(added, dateMention{k, k + 2, last, "date-same-day"})
				}
			}
		}
		for _, dm := range dates[si] {
			if dm.value.d > 0 && !sents[si].quoted[dm.i] {
				last = dm.value
			}
		}
		if len(added) > 0 {
			dates[si] = append(dates[si], added...)
			sort.Slice(dates[si], func(a, b int) bool { return dates[si][a].i < dates[si][b].i })
		}
	}
}

// dayOffset reads "a day earlier/later", "the day before/after", "the
// previous/next/following day" at toks[k]: the offset in days and the
// tokens used.
func dayOffset(toks []token, k int) (int, int) {
	w0, w1, w2 := toks[k].lower, tokAt(toks, k+1).lower, tokAt(toks, k+2).lower
	switch {
	case (w0 == "a" || w0 == "one") && w1 == "day" && (w2 == "earlier" || w2 == "before"):
		return -1, 3
	case (w0 == "a" || w0 == "one") && w1 == "day" && w2 == "later":
		return 1, 3
	case w0 == "the" && w1 == "day" && w2 == "before" && !isDateWord(tokAt(toks, k+3)):
		return -1, 3
	case w0 == "the" && (w1 == "previous" || w1 == "preceding") && w2 == "day":
		return -1, 3
	case w0 == "the" && (w1 == "next" || w1 == "following") && w2 == "day":
		return 1, 3
	}
	return 0, 0
}
