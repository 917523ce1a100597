// Package dates finds the date expressions of a sentence and resolves them
// to calendar dates: explicit ones ("23 January 2017", "Jan. 23", "2nd
// May, 2021", "2017-01-01", "18/01", "December 2016", "in 2011") and ones
// relative to the publication day ("on Wednesday", "yesterday", "this
// morning", "last month", "late last month", "earlier this week", "in
// August last year"). A date that is only partly known stays partial
// (YYYY-MM, YYYY). Dates relative to another date in the text ("the day
// before", "earlier in the day") are resolved by Chain, across sentences.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day is a calendar date that may be partial: M == 0 means the year only,
// D == 0 the year and month only. The zero Day is "unknown".
type Day struct{ Y, M, D int }

// Valid reports whether the day is known at all.
func (x Day) Valid() bool { return x.Y > 0 }

// Full reports whether year, month and day are all known.
func (x Day) Full() bool { return x.Y > 0 && x.M > 0 && x.D > 0 }

// String formats the date as YYYY-MM-DD, YYYY-MM or YYYY ("" when unknown).
func (x Day) String() string {
	switch {
	case x.Y == 0:
		return ""
	case x.M == 0:
		return fmt.Sprintf("%04d", x.Y)
	case x.D == 0:
		return fmt.Sprintf("%04d-%02d", x.Y, x.M)
	}
	return fmt.Sprintf("%04d-%02d-%02d", x.Y, x.M, x.D)
}

// Time returns noon UTC of a full day.
func (x Day) Time() time.Time { return time.Date(x.Y, time.Month(x.M), x.D, 12, 0, 0, 0, time.UTC) }

// AddDays moves a full day by n days; a partial day is returned as it is.
func (x Day) AddDays(n int) Day {
	if !x.Full() {
		return x
	}
	return fromTime(x.Time().AddDate(0, 0, n))
}

// After reports whether x is known to be later than y, comparing only as
// precisely as both are known.
func (x Day) After(y Day) bool {
	if !x.Valid() || !y.Valid() {
		return false
	}
	if x.Y != y.Y {
		return x.Y > y.Y
	}
	if x.M == 0 || y.M == 0 || x.M != y.M {
		return x.M != 0 && y.M != 0 && x.M > y.M
	}
	return x.D != 0 && y.D != 0 && x.D > y.D
}

func fromTime(t time.Time) Day { return Day{t.Year(), int(t.Month()), t.Day()} }

// ParseISO reads YYYY-MM-DD, YYYY-MM or YYYY; a longer timestamp is cut to
// its date. Anything else gives the zero Day.
func ParseISO(s string) Day {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return Day{}
	}
	var nums [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return Day{}
		}
		nums[i] = n
	}
	x := Day{nums[0], nums[1], nums[2]}
	if x.Y < 1000 || x.M < 0 || x.M > 12 || x.D < 0 || x.D > daysIn(x.Y, x.M) || (x.M == 0 && x.D != 0) {
		return Day{}
	}
	return x
}

func daysIn(y, m int) int {
	if m == 0 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
