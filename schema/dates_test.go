package schema

import "testing"

func TestDateRangeHolds(t *testing.T) {
	tests := []struct {
		date, from, to string
		want           bool
	}{
		{"", "", "", true},
		{"2017-01-18", "", "", true},
		{"", "2017", "", false},
		{"not a date", "", "2020", false},
		{"2017-01-18", "2017", "2017", true},
		{"2017-01-18", "2017-01-19", "", false},
		{"2017-01-18", "", "2017-01-17", false},
		{"2017-01", "2017-01-31", "", true},  // a month overlaps its last day
		{"2017-01", "", "2017-01-01", true},  // and its first
		{"2017", "2017-06", "2017-06", true}, // a year overlaps its months
		{"2016", "2017", "", false},
		{"2017-02-28", "2017-02", "2017-02", true},
		{"2017-03-01", "2017-02", "2017-02", false},
		{"2016-02-29", "2016-02-29", "2016-02-29", true},
	}
	for _, tt := range tests {
		if got := (DateRange{From: tt.from, To: tt.to}).Holds(tt.date); got != tt.want {
			t.Errorf("DateRange{%q, %q}.Holds(%q) = %v, want %v", tt.from, tt.to, tt.date, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		date, first, last, err string
	}{
		{"2017-01-18", "2017-01-18", "2017-01-18", ""},
		{"2017-02", "2017-02-01", "2017-02-28", ""},
		{"2016-02", "2016-02-01", "2016-02-29", ""},
		{"2017", "2017-01-01", "2017-12-31", ""},
		{"2017-13", "", "", `"2017-13" is not a date: there is no such day or month`},
		{"2017-02-30", "", "", `"2017-02-30" is not a date: there is no such day or month`},
		{"17-01-18", "", "", `"17-01-18" is not a date like 2017, 2017-01 or 2017-01-18`},
		{"2017-1-8", "", "", `"2017-1-8" is not a date like 2017, 2017-01 or 2017-01-18`},
		{"", "", "", `"" is not a date like 2017, 2017-01 or 2017-01-18`},
	}
	for _, tt := range tests {
		first, last, err := ParseDate(tt.date)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err {
			t.Errorf("ParseDate(%q) error %q, want %q", tt.date, got, tt.err)
			continue
		}
		if err == nil && (first.Format("2006-01-02") != tt.first || last.Format("2006-01-02") != tt.last) {
			t.Errorf("ParseDate(%q) = %s..%s, want %s..%s", tt.date, first.Format("2006-01-02"), last.Format("2006-01-02"), tt.first, tt.last)
		}
	}
}

func TestCheckDateRange(t *testing.T) {
	tests := []struct {
		from, to, err string
	}{
		{"", "", ""},
		{"2017", "2017", ""},
		{"2017-01-31", "2017-01", ""},
		{"2018", "2017", "--from 2018 is after --to 2017"},
		{"2017-13", "", `--from 2017-13: "2017-13" is not a date: there is no such day or month`},
		{"", "x", `--to x: "x" is not a date like 2017, 2017-01 or 2017-01-18`},
	}
	for _, tt := range tests {
		err := CheckDateRange(DateRange{From: tt.from, To: tt.to}, func(bound, value string) string { return "--" + bound + " " + value })
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err {
			t.Errorf("CheckDateRange(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.err)
		}
	}
}
