package loaders

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

// NormalizeDate turns a publication date as archives write it into an ISO
// date: "YYYY-MM-DD", or "YYYY-MM" / "YYYY" when only that much is given.
// It returns "" for text that holds no absolute date. Dates with a time
// keep the calendar date as written, in the writer's own time zone; epoch
// seconds (and milliseconds) are read as UTC.
//
// The common shapes (ISO 8601, RFC 1123/822 as in RSS, "January 18, 2017",
// epoch numbers) are parsed with the standard library; anything else falls
// back to go-dateparser, which knows month names in many languages but is
// far slower, so its answers are cached.
func NormalizeDate(s string) string {
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
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return formatDay(t)
		}
	}
	for _, layout := range monthLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01")
		}
	}
	return parseWithDateparser(s)
}

// formatDay prints a time's calendar date, or "" when the year is not a
// plausible one for a news article.
func formatDay(t time.Time) string {
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
		return formatDay(time.Unix(sec, 0).UTC()), true
	case n >= 11 && n <= 13:
		ms, err := strconv.ParseInt(whole, 10, 64)
		if err != nil {
			return "", true
		}
		return formatDay(time.UnixMilli(ms).UTC()), true
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
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d {
		return "", true
	}
	return formatDay(t), true
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

// dateLayouts are the shapes tried with time.Parse, the most common first.
var dateLayouts = []string{
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04:05 -0700 (MST)",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RubyDate,
	"January 2, 2006",
	"Jan 2, 2006",
	"January 2 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"2 January 2006",
	"02 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 - 15:04",
	"January 2, 2006, 3:04 PM",
	"Jan 2, 2006 3:04 PM",
}

// monthLayouts give a month without a day.
var monthLayouts = []string{"January 2006", "Jan 2006"}

var (
	dateCacheMu sync.Mutex
	dateCache   = map[string]string{}
)

// dateLanguages limits go-dateparser to the languages of the news kg is
// pointed at; trying all of its 200 locales on every string is far slower.
var dateLanguages = []string{"en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "tr", "ar", "fa", "zh"}

// dateparserConfig makes go-dateparser read only absolute dates, with the
// missing parts reported through the period rather than guessed.
var dateparserConfig = &dateparser.Configuration{
	Languages:       dateLanguages,
	DefaultTimezone: time.UTC,
	CurrentTime:     time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
}

var timeOfDay = regexp.MustCompile(`[\s,T@-]+\d{1,2}[:h]\d{2}\b.*$`)

// parseWithDateparser is the slow fallback. Text without a four-digit year
// is not tried: relative dates ("2 days ago") mean nothing without a
// reference date.
func parseWithDateparser(s string) string {
	// The time of day does not matter and makes every string different:
	// cut it off so the cache works and the parser has less to try.
	s = strings.TrimSpace(timeOfDay.ReplaceAllString(s, ""))
	if len(s) > 60 || !hasYear(s) {
		return ""
	}
	dateCacheMu.Lock()
	d, ok := dateCache[s]
	dateCacheMu.Unlock()
	if ok {
		return d
	}
	d = ""
	if parsed, err := safeDateparse(s); err == nil && !parsed.IsZero() && parsed.Time.Year() >= 1000 && parsed.Time.Year() <= 9999 {
		switch parsed.Period {
		case date.Year:
			d = strconv.Itoa(parsed.Time.Year())
		case date.Month:
			d = parsed.Time.Format("2006-01")
		default:
			d = formatDay(parsed.Time)
		}
	}
	dateCacheMu.Lock()
	if len(dateCache) > 10000 {
		clear(dateCache)
	}
	dateCache[s] = d
	dateCacheMu.Unlock()
	return d
}

func safeDateparse(s string) (parsed date.Date, err error) {
	err = safely(func() error {
		var perr error
		parsed, perr = dateparser.Parse(dateparserConfig, s)
		return perr
	})
	return parsed, err
}

// hasYear reports whether s holds a run of exactly four digits.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			return true
		}
		run = 0
	}
	return false
}
