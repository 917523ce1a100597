package export

import (
	"reflect"
	"testing"
)

func TestInRange(t *testing.T) {
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
		if got := inRange(tt.date, tt.from, tt.to); got != tt.want {
			t.Errorf("inRange(%q, %q, %q) = %v, want %v", tt.date, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestSpellOf(t *testing.T) {
	tests := []struct {
		date string
		want Spell
		ok   bool
	}{
		{"2017-01-18", Spell{"2017-01-18", "2017-01-18"}, true},
		{"2017-02", Spell{"2017-02-01", "2017-02-28"}, true},
		{"2016-02", Spell{"2016-02-01", "2016-02-29"}, true},
		{"2017", Spell{"2017-01-01", "2017-12-31"}, true},
		{"2017-02-30", Spell{}, false},
		{"17-01-18", Spell{}, false},
		{"", Spell{}, false},
	}
	for _, tt := range tests {
		got, ok := spellOf(tt.date)
		if got != tt.want || ok != tt.ok {
			t.Errorf("spellOf(%q) = %v, %v; want %v, %v", tt.date, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMergeSpells(t *testing.T) {
	got := mergeSpells([]Spell{
		{"2017-01-18", "2017-01-18"},
		{"2017-01-01", "2017-01-31"}, // contains the day above
		{"2017-03-02", "2017-03-02"},
		{"2017-03-02", "2017-03-02"}, // the same day twice
		{"2017-03-03", "2017-03-03"}, // the next day stays apart
	})
	want := []Spell{{"2017-01-01", "2017-01-31"}, {"2017-03-02", "2017-03-02"}, {"2017-03-03", "2017-03-03"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mergeSpells = %v, want %v", got, want)
	}
}

func TestPairLabel(t *testing.T) {
	tests := []struct {
		n           int
		kinds       []string
		first, last string
		want        string
	}{
		{1, []string{"meeting"}, "2017-01-18", "2017-01-18", "meeting 2017-01-18"},
		{1, []string{"call"}, "", "", "call (undated)"},
		{3, []string{"meeting"}, "2017-01-18", "2017-02-07", "3 meetings 2017-01-18 to 2017-02-07"},
		{2, []string{"call", "meeting"}, "2017-01", "2017-01", "2 contacts 2017-01"},
	}
	for _, tt := range tests {
		if got := pairLabel(tt.n, tt.kinds, tt.first, tt.last); got != tt.want {
			t.Errorf("pairLabel(%d, %v, %q, %q) = %q, want %q", tt.n, tt.kinds, tt.first, tt.last, got, tt.want)
		}
	}
}

func TestDOTQuote(t *testing.T) {
	if got, want := dotQuote("a \"b\"\\c\nd"), `"a \"b\"\\c\nd"`; got != want {
		t.Errorf("dotQuote = %s, want %s", got, want)
	}
}
