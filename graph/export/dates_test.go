package export

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

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
	for in, want := range map[string]string{
		"a \"b\"\\c\nd":       `"a \"b\"\\c\nd"`,
		"":                    `""`,
		"one\r\ntwo\rthree\n": `"one\ntwo\nthree\n"`,
		"\r\r\n\n":            `"\n\n\n"`,
		`C:\path\N`:           `"C:\\path\\N"`,
		"Ünïcödé — “quoted”":  `"Ünïcödé — “quoted”"`,
	} {
		if got := dotQuote(in); got != want {
			t.Errorf("dotQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// A picture of a graph too large to read is refused before Graphviz runs,
// with what to do instead; a large one that can be read is laid out with
// sfdp.
func TestPictureSizes(t *testing.T) {
	view := func(people, pairs int) *peopleView {
		v := &peopleView{}
		for i := range people {
			v.people = append(v.people, &person{id: fmt.Sprint(i), name: fmt.Sprint(i)})
		}
		for i := range pairs {
			v.pairs = append(v.pairs, &pair{a: fmt.Sprint(i % people), b: fmt.Sprint((i + 1) % people)})
		}
		return v
	}
	if err := checkDrawable(view(maxPictureNodes, maxPictureEdges)); err != nil {
		t.Errorf("a picture at the limits: %v", err)
	}
	err := checkDrawable(view(4773, 99000))
	var tooLarge *TooLargeError
	if !errors.As(err, &tooLarge) || !strings.Contains(err.Error(), "4773 people and 99000 pairs who met are too many to draw legibly") ||
		!strings.Contains(err.Error(), "--person NAME --depth 1") || !strings.Contains(err.Error(), "gexf") {
		t.Errorf("a picture of 4773 people: %v; want it refused with advice", err)
	}
	if style := strings.Join(view(40, 60).dotStyle(), " "); !strings.Contains(style, "layout=neato") {
		t.Errorf("40 people drawn with %s, want neato", style)
	}
	if style := strings.Join(view(400, 900).dotStyle(), " "); !strings.Contains(style, "layout=sfdp") {
		t.Errorf("400 people drawn with %s, want sfdp", style)
	}
}
