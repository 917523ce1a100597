package extract

import (
	"strings"
	"testing"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		pub, in string
		want    string // dates found, joined by |
	}{
		{"2017-01-18", "Rouhani said on Wednesday that he hoped.", "2017-01-18"},
		{"2017-01-18", "In a Wednesday meeting with Khamis.", "2017-01-18"},
		{"2020-12-08", "Late on Monday, Mekdad also met Ghalibaf.", "2020-12-07"},
		{"2020-12-08", "Mekdad arrived in Tehran on Sunday evening.", "2020-12-06"},
		{"2017-01-01", "On Friday, the army announced a halt.", "2016-12-30"},
		{"2017-01-18", "talks in Astana on January 23", "2017-01-23"},
		{"2017-01-18", "a plan introduced in Moscow on December 20", "2016-12-20"},
		{"2017-01-18", "The vote on 23 January 2016 was close.", "2016-01-23"},
		{"2023-03-07", "The summit on Jan. 23, 2023 ended.", "2023-01-23"},
		{"", " date 2017-01-01 Ali Akbar Velayati", "2017-01-01"},
		{"", "December 8, 2020 - 16:12", "2020-12-08"},
		{"2023-03-07", "Xi met Blinken in June.", "2022-06"},
		{"2020-12-08", "He was killed late in November.", "2020-11"},
		{"2020-12-08", "the killing of Soleimani earlier this year", "2020"},
		{"2023-03-07", "They met last November.", "2022-11"},
		{"2023-03-07", "They met last year and last month.", "2022|2023-02"},
		{"2023-03-07", "He spoke yesterday and again this morning.", "2023-03-06|2023-03-07"},
		{"2017-02-07", "a ceasefire holding since December 2016", "2016-12"},
		{"2017-02-07", "fighting since 2011", "2011"},
		{"2023-03-07", "They will meet next Monday.", ""},
		{"2023-03-07", "She may visit. The 1990 treaty.", ""},
		{"", "They met on Wednesday.", ""},
	}
	for _, tt := range tests {
		toks := tokenize(tt.in)
		var got []string
		for _, m := range findDates(toks, parseISODay(tt.pub)) {
			got = append(got, m.value.String())
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("findDates(%q, pub %s) = %q, want %q", tt.in, tt.pub, g, tt.want)
		}
	}
}

func TestParseISODay(t *testing.T) {
	tests := map[string]string{
		"2017-01-18": "2017-01-18", "2017-01": "2017-01", "2017": "2017",
		"2017-01-18T10:00:00Z": "2017-01-18", "2017-02-30": "", "soon": "", "": "",
	}
	for in, want := range tests {
		if got := parseISODay(in).String(); got != want {
			t.Errorf("parseISODay(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDatelineDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rouhani: talks can help\n\nDecember 8, 2020 - 16:12\n\nTEHRAN — President Hassan Rouhani on Tuesday hailed the talks.", "2020-12-08"},
		{" date 2017-01-01 Ali Akbar Velayati hailed the victory.", "2017-01-01"},
		{"TEHRAN, Jan 5, 2020 (Reuters) - Iran said on Sunday.", "2020-01-05"},
		{"BEIJING, 7 March 2023 (Xinhua) -- Chinese officials met.", "2023-03-07"},
		{"TEHRAN, Jan 5 (Reuters) - Iran said on Sunday.", ""},
		{"Officials met on Tuesday.", ""},
	}
	for _, tt := range tests {
		toks := tokenize(tt.in)
		if got := datelineDate(segment(tt.in, toks)).String(); got != tt.want {
			t.Errorf("datelineDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
