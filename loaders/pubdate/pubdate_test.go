package pubdate

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		// ISO 8601 and the numeric shapes of archives
		{"2017-01-18", "2017-01-18"},
		{"2017-01-18T10:00:00Z", "2017-01-18"},
		{"2017-01-18T23:30:00-05:00", "2017-01-18"}, // the date as written
		{"2017-01-18 10:00:00", "2017-01-18"},
		{"2017/01/18", "2017-01-18"},
		{"2017.01.18", "2017-01-18"},
		{"20170118", "2017-01-18"},
		{"2017-01", "2017-01"},
		{"2017", "2017"},
		{"1484733600", "2017-01-18"},
		{"1484733600.5", "2017-01-18"},
		{"1484733600000", "2017-01-18"},
		{"  2017-01-18  ", "2017-01-18"},
		// RFC 1123 and 822 (RSS), RFC 850, ANSI C and Unix date
		{"Wed, 18 Jan 2017 10:00:00 GMT", "2017-01-18"},
		{"Wed, 18 Jan 2017 10:00:00 +0330", "2017-01-18"},
		{"Mon, 6 Feb 2017 21:30:00 +0300", "2017-02-06"},
		{"Mon, 06 Feb 2017 21:30 -0700 (MST)", "2017-02-06"},
		{"Wednesday, 18-Jan-17 10:00:00 UTC", "2017-01-18"},
		{"Wed Jan 18 10:00:00 2017", "2017-01-18"},
		{"Wed Jan 18 10:00:00 UTC 2017", "2017-01-18"},
		{"Wed, 18 Jan 2017", "2017-01-18"},
		// English
		{"January 18, 2017", "2017-01-18"},
		{"Jan 18, 2017", "2017-01-18"},
		{"Jan. 18, 2017", "2017-01-18"},
		{"Sept. 7, 2014", "2014-09-07"},
		{"January 18th, 2017", "2017-01-18"},
		{"18th of January 2017", "2017-01-18"},
		{"18 January 2017", "2017-01-18"},
		{"Wednesday, January 18, 2017", "2017-01-18"},
		{"December 8, 2020 - 16:12", "2020-12-08"},
		{"January 2, 2006, 3:04 PM", "2006-01-02"},
		{"25 June 2019, 18:05", "2019-06-25"},
		{"10:32 GMT, 18 January 2017", "2017-01-18"},
		{"2017 January 18", "2017-01-18"},
		{"January 2017", "2017-01"},
		{"Jan 2017", "2017-01"},
		// day first with numbers
		{"18.01.2017", "2017-01-18"},
		{"18.1.2017", "2017-01-18"},
		{"Mi, 18.01.2017", "2017-01-18"},
		{"18-01-2017 10:00", "2017-01-18"},
		{"18/01/2017", "2017-01-18"},
		{"01/18/2017", "2017-01-18"},
		{"06/06/2017", "2017-06-06"},
		// other languages
		{"18 janvier 2017", "2017-01-18"},
		{"18 janvier 2017 10:32", "2017-01-18"},
		{"31 mai 2017 à 18h45", "2017-05-31"},
		{"mer. 18 janv. 2017", "2017-01-18"},
		{"1er février 2017", "2017-02-01"},
		{"18. Januar 2017", "2017-01-18"},
		{"Mittwoch, 18. Januar 2017, 10:32 Uhr", "2017-01-18"},
		{"3. März 2017", "2017-03-03"},
		{"18 de enero de 2017", "2017-01-18"},
		{"miércoles, 18 de enero de 2017", "2017-01-18"},
		{"18 gennaio 2017 alle 10:32", "2017-01-18"},
		{"18 de janeiro de 2017 às 10h32", "2017-01-18"},
		{"18 januari 2017", "2017-01-18"},
		{"18 mrt 2017", "2017-03-18"},
		{"18 января 2017 г.", "2017-01-18"},
		{"18 января 2017 года, 10:32", "2017-01-18"},
		{"18 сент. 2017", "2017-09-18"},
		{"18 січня 2017 р.", "2017-01-18"},
		{"п'ятниця, 20 січня 2017", "2017-01-20"},
		{"18 Ocak 2017 Çarşamba", "2017-01-18"},
		{"18 Ağustos 2017", "2017-08-18"},
		{"18 يناير 2017", "2017-01-18"},
		{"الأربعاء 18 كانون الثاني/يناير 2017", "2017-01-18"},
		{"١٨ أكتوبر ٢٠١٧", "2017-10-18"},
		{"۱۸ ژانویه ۲۰۱۷", "2017-01-18"},
		{"2017年1月18日", "2017-01-18"},
		{"2017年1月18日 星期三", "2017-01-18"},
		{"2017年1月", "2017-01"},
		// no date, or not one date
		{"", ""},
		{"yesterday", ""},
		{"3 days ago", ""},
		{"18 January", ""},
		{"05/06/2017", ""}, // 5 June or May 6
		{"2017-02-30", ""},
		{"2017-13-01", ""},
		{"30 February 2017", ""},
		{"18.01.17", ""},
		{"not a date at all", ""},
		{"Updated 18 January 2017", ""},
		{"12345", ""},
		{"0002Z", ""},
		{"2017-01-0112:30:00Z", ""},
		{"18 Jui 2017", ""}, // juin or juillet
		{"99999999999999999999 January 2017", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDay(t *testing.T) {
	if got := Day(time.Date(2017, 1, 18, 23, 59, 0, 0, time.FixedZone("", -5*3600))); got != "2017-01-18" {
		t.Errorf("Day = %q", got)
	}
	if got := Day(time.Date(2, 1, 18, 0, 0, 0, 0, time.UTC)); got != "" {
		t.Errorf("Day of the year 2 = %q, want none", got)
	}
}

// TestMonthNames checks the table: every name reads as its own month in a
// date, in every language.
func TestMonthNames(t *testing.T) {
	for _, lang := range monthNames {
		for i, forms := range lang.months {
			for _, form := range strings.Split(forms, "|") {
				want := "2017-" + twoDigits(i+1) + "-05"
				if got := Normalize("5 " + form + " 2017"); got != want {
					t.Errorf("%s: Normalize(%q) = %q, want %q", lang.lang, "5 "+form+" 2017", got, want)
				}
			}
		}
	}
}

var isoShape = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"2017-01-18", "Wed, 18 Jan 2017 10:00:00 GMT", "January 18, 2017", "1484733600", "18 janvier 2017", "2017-02-30", "2017年1月18日", "18.01.2017 10:00 +03:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := Normalize(s); d != "" && !isoShape.MatchString(d) {
			t.Errorf("Normalize(%q) = %q, not an ISO date", s, d)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	dates := []string{"2017-01-18T10:00:00Z", "Wed, 18 Jan 2017 10:00:00 GMT", "January 18, 2017", "1484733600", "18 janvier 2017", "31 mai 2017 à 18h45"}
	for b.Loop() {
		for _, d := range dates {
			Normalize(d)
		}
	}
}
