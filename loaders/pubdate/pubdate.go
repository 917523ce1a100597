// Package pubdate reads publication dates as archives, feeds and web pages
// write them — ISO 8601, RFC 1123 and 822, epoch numbers, "18.01.2017",
// "January 18, 2017", "18 janvier 2017", "2017年1月18日" — and gives them as
// ISO dates.
//
// Dates written with words are read by splitting them into numbers and
// words, dropping weekdays, times of day, time zones and connecting words
// ("de", "of", "г."), and matching what is left against the shapes in
// dateShapes; month and weekday names of the languages kg meets are in
// words.go. Nothing is compiled when the program starts: the name index is
// built on first use.
package pubdate

import (
	"strconv"
	"strings"
	"time"
)

// Normalize turns a publication date into an ISO date: "YYYY-MM-DD", or
// "YYYY-MM" / "YYYY" when only that much is given. It returns "" for text
// that holds no absolute date, or holds it ambiguously ("05/06/2017").
// Dates with a time keep the calendar date as written, in the writer's own
// time zone; epoch seconds (and milliseconds) are read as UTC.
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return ""
	}
	if d, ok := numericDate(s); ok {
		return d
	}
	if d, ok := isoDate(s); ok {
		return d
	}
	return wordDate(s)
}

// Day prints a time's calendar date, or "" when the year is not a plausible
// one for a news article.
func Day(t time.Time) string {
	if t.Year() < 1000 || t.Year() > 9999 {
		return ""
	}
	return t.Format("2006-01-02")
}

// numericDate reads all-digit dates: a year, YYYYMMDD, epoch seconds (with
// an optional fraction) or epoch milliseconds.
func numericDate(s string) (string, bool) {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if !allDigits(whole) || hasFrac && !allDigits(frac) {
		return "", false
	}
	switch n := len(whole); {
	case n == 4 && !hasFrac:
		if whole[0] == '0' {
			return "", true
		}
		return whole, true
	case n == 8 && !hasFrac:
		if d, ok := isoDate(whole[:4] + "-" + whole[4:6] + "-" + whole[6:]); ok {
			return d, true
		}
		fallthrough
	case n >= 8 && n <= 10:
		sec, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return "", true
		}
		return Day(time.Unix(sec, 0).UTC()), true
	case n >= 11 && n <= 13:
		ms, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return "", true
		}
		return Day(time.UnixMilli(ms).UTC()), true
	}
	return "", true
}

// isoDate reads "YYYY-MM-DD" (also with / or . between) optionally followed
// by a time, and "YYYY-MM". Text of that shape holding an impossible date
// gives "" with ok true, so no other reading is tried.
func isoDate(s string) (string, bool) {
	if len(s) == 7 && allDigits(s[:4]) && s[4] == '-' && allDigits(s[5:]) {
		if m, _ := strconv.Atoi(s[5:]); m >= 1 && m <= 12 {
			return s, true
		}
		return "", true
	}
	if len(s) < 10 || !allDigits(s[:4]) || !allDigits(s[5:7]) || !allDigits(s[8:10]) {
		return "", false
	}
	sep := s[4]
	if sep != '-' && sep != '/' && sep != '.' || s[7] != sep {
		return "", false
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ' && s[10] != '_' {
		return "", false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return calendarDay(y, m, d), true
}

// calendarDay prints a date, or "" when it does not exist (2017-02-30).
func calendarDay(y, m, d int) string {
	if m < 1 || m > 12 || d < 1 {
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return ""
	}
	return Day(t)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// A dateShape is one order in which the parts of a date are written, one
// letter a part: d a day (1–31), n a month number, m a month name, y a
// four-digit year, Y a two-digit one. Numeric shapes name the separators
// they accept between their parts (all the same); "" accepts any.
type dateShape struct {
	parts string
	seps  string
}

// dateShapes are the shapes of dates written with words or with the day
// first. A date that fits two shapes with different answers ("05/06/2017":
// 5 June or May 6) is ambiguous and gives no date.
var dateShapes = []dateShape{
	{"dmy", ""},    // 18 January 2017, 18. Januar 2017, 18 de enero de 2017
	{"mdy", ""},    // January 18, 2017; Wed Jan 18 10:00:00 UTC 2017
	{"ymd", ""},    // 2017 January 18
	{"ynd", ""},    // 2017年1月18日, 2017/1/18
	{"dny", ".-/"}, // 18.01.2017, 18-01-2017, 18/01/2017
	{"ndy", "/"},   // 01/18/2017
	{"dmY", ""},    // 18-Jan-17 (RFC 850)
	{"my", ""},     // January 2017
	{"yn", "年/"},   // 2017年1月
}

// wordDate reads a date written with month names or with the day first.
func wordDate(s string) string {
	parts, ok := dateParts(s)
	if !ok || len(parts) < 2 || len(parts) > 3 {
		return ""
	}
	found := ""
	for _, shape := range dateShapes {
		d, ok := shape.read(parts)
		if !ok {
			continue
		}
		if found != "" && d != found {
			return "" // ambiguous
		}
		found = d
	}
	return found
}

// read reads parts in this shape; ok is false when they do not fit it.
func (sh dateShape) read(parts []part) (string, bool) {
	if len(parts) != len(sh.parts) {
		return "", false
	}
	y, m, d := 0, 0, 0
	var sep rune
	for i, p := range parts {
		letter := sh.parts[i]
		if letter == 'm' {
			if p.month == 0 {
				return "", false
			}
			m = p.month
			continue
		}
		if p.month != 0 {
			return "", false
		}
		if i > 0 && sh.seps != "" {
			if !strings.ContainsRune(sh.seps, p.sep) || i > 1 && p.sep != sep {
				return "", false
			}
			sep = p.sep
		}
		switch letter {
		case 'd':
			if p.digits > 2 || p.value < 1 || p.value > 31 {
				return "", false
			}
			d = p.value
		case 'n':
			if p.digits > 2 || p.value < 1 || p.value > 12 {
				return "", false
			}
			m = p.value
		case 'y':
			if p.digits != 4 || p.value < 1000 {
				return "", false
			}
			y = p.value
		case 'Y':
			if p.digits != 2 {
				return "", false
			}
			// As time.Parse reads two-digit years.
			if y = 1900 + p.value; p.value < 69 {
				y += 100
			}
		}
	}
	if d == 0 {
		return strconv.Itoa(y) + "-" + twoDigits(m), true
	}
	day := calendarDay(y, m, d)
	return day, day != ""
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
