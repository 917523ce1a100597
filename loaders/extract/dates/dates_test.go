package dates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/loaders/extract/text"
)

// find returns the dates of one sentence as "words=date" items.
func find(in, pub string) string {
	toks := text.Tokenize(in)
	var out []string
	for _, m := range Find(toks, ParseISO(pub)) {
		var ws []string
		for _, t := range toks[m.I:m.J] {
			ws = append(ws, t.Text)
		}
		out = append(out, strings.Join(ws, " ")+"="+m.Value.String())
	}
	return strings.Join(out, "|")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, in, pub, want string
	}{
		{"month day year", "on January 23, 2017 in Astana", "", "January 23 , 2017=2017-01-23"},
		{"day month year with ordinal", "ABU DHABI, 2nd May, 2021 (WAM)", "", "2nd May , 2021=2021-05-02"},
		{"iso", "date 2021-08-24 From Abuja", "", "2021-08-24=2021-08-24"},
		{"month day, year from pub", "on Sept. 7 in Cairo", "2014-09-08", "Sept. 7=2014-09-07"},
		{"month day across new year", "on December 30", "2017-01-05", "December 30=2016-12-30"},
		{"weekday", "met on Tuesday in Abuja", "2021-08-24", "on Tuesday=2021-08-24"},
		{"weekday before publication", "late on Monday", "2017-01-18", "late on Monday=2017-01-16"},
		{"weekday without on", "Kuroda said Friday", "2016-09-10", "Friday=2016-09-09"},
		{"last weekday", "last Friday", "2016-09-09", "last Friday=2016-09-02"},
		{"next weekday", "talks next Tuesday", "2021-08-24", "next Tuesday=2021-08-31"},
		{"this weekday afternoon", "this Saturday afternoon", "2023-01-07", "this Saturday afternoon=2023-01-07"},
		{"numeric in brackets: the weekday and its date are one", "on Sunday (18/01)", "2015-01-19", "on Sunday ( 18/01 )=2015-01-18"},
		{"a weekday and a different date in brackets: the date", "on Friday (June 2)", "2023-06-14", "on Friday ( June 2 )=2023-06-02"},
		{"numeric, day first", "met on 05/08/2023", "2023-08-10", "05/08/2023=2023-08-05"},
		{"numeric, month first when day first is still to come", "met on 05/08/2023", "2023-05-10", "05/08/2023=2023-05-08"},
		{"ordinal day of this month", "met on the 8th in Prague", "2023-05-10", "the 8th=2023-05-08"},
		{"ordinal day of last month", "met on the 28th", "2023-01-10", "the 28th=2022-12-28"},
		{"ordinal day of a month named", "on the 28th of May", "2023-06-10", "28th of May=2023-05-28"},
		{"days ago", "met two days ago", "2023-05-10", "two days ago=2023-05-08"},
		{"weeks ago: their month", "met three weeks ago", "2023-05-10", "three weeks ago=2023-04"},
		{"dotted, day first", "met on 12.06.2023 in Ankara", "2023-06-20", "12.06.2023=2023-06-12"},
		{"dotted, not a date", "version 1.2.3 and 31.02.2023", "2023-06-20", ""},
		{"mid-month in one word", "met in mid-June", "2023-06-20", "mid-June=2023-06"},
		{"late month of last year", "met in late-December", "2023-06-20", "late-December=2022-12"},
		{"mid-year", "met in mid-2022", "2023-06-20", "mid-2022=2022"},
		{"months ago", "met 18 months ago", "2023-05-10", "18 months ago=2021-11"},
		{"a year ago", "met a year ago", "2023-05-10", "a year ago=2022"},
		{"years ago, with no day published", "met two years ago", "2023", "two years ago=2021"},
		{"days ago need the day", "met two days ago", "2023-05", ""},
		{"not a count", "met many years ago", "2023-05-10", ""},
		{"a month's abbreviation inside a name", "Admiral Dong Jun, who took over in December, met", "2024-05-31", "December=2023-12"},
		{"a month's abbreviation after a preposition", "talks in Jun ended", "2024-07-31", "Jun=2024-06"},
		{"yesterday", "received yesterday", "2022-05-28", "yesterday=2022-05-27"},
		{"this morning", "called this morning", "2019-09-10", "this morning=2019-09-10"},
		{"month only", "in February", "2018-03-30", "February=2018-02"},
		{"later month is last year", "in November", "2018-03-30", "November=2017-11"},
		{"early month", "in early May", "2023-06-26", "early May=2023-05"},
		{"month last year", "In August last year, he called", "2024-02-08", "August last year=2023-08"},
		{"last month", "late last month", "2022-01-02", "late last month=2021-12"},
		{"last week", "last week", "2022-01-02", "last week=2021-12"},
		{"over the weekend, told on Monday", "met over the weekend", "2023-06-12", "over the weekend=2023-06"},
		{"a weekday and its date", "met on Monday, June 5.", "2023-06-14", "on Monday , June 5=2023-06-05"},
		{"the same weekday last week", "spoke on Wednesday last week", "2023-06-14", "on Wednesday last week=2023-06-07"},
		{"a day of a month last year", "met on March 3 last year", "2023-06-14", "March 3 last year=2022-03-03"},
		{"a day first of a month last year", "met on 3 March last year", "2023-06-14", "3 March last year=2022-03-03"},
		{"a weekday before this one last week", "spoke on Tuesday last week", "2023-06-14", "on Tuesday last week=2023-06-06"},
		{"a weekday after this one last week", "spoke on Thursday last week", "2023-06-14", "on Thursday last week=2023-06-08"},
		{"Sunday last week, told on a Sunday", "spoke on Sunday last week", "2023-06-11", "on Sunday last week=2023-06-04"},
		{"the weekend across two months", "met at the weekend", "2023-07-03", "at the weekend=2023-07"},
		{"last weekend, told on a Saturday", "met last weekend", "2023-07-01", "last weekend=2023-07"},
		{"earlier this week", "earlier this week", "2018-03-30", "earlier this week=2018-03"},
		{"year", "first met in 2010", "2022-10-07", "2010=2010"},
		{"month year", "in November 2022", "", "November 2022=2022-11"},
		{"May is a name", "Theresa May met Juncker", "2019-02-07", ""},
		{"May is a month", "in May", "2019-06-07", "May=2019-05"},
		{"no year without publication", "on January 23", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := find(tt.in, tt.pub); got != tt.want {
				t.Errorf("Find(%q, pub %s) = %q, want %q", tt.in, tt.pub, got, tt.want)
			}
		})
	}
}

func TestChain(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the dates of the last sentence
	}{
		{"the day before", "They met on March 10, 2012. The day before, Annan saw Lavrov.", "The day before=2012-03-09"},
		{"a day earlier", "Lungu received him on August 15, 2019. A day earlier, he was in Maputo.",
			"A day earlier=2019-08-14"},
		{"later in the day", "On 16 March 2013 he spoke. Later in the day, Charles called on the Speaker.", "Later in the day=2013-03-16"},
		{"that same night", "The President made the call on February 15, 2018. Yet that same night Rajapaksa telephoned.", "that same night=2018-02-15"},
		{"a day after a clause", "The visit came on March 6, 2021. It came a day after al-Kadhimi welcomed the pope.", "a day after=2021-03-05"},
		{"the day before a noun is no date", "They met on March 10, 2012. The day before the vote was calm.", ""},
		{"a date earlier in the same sentence", "They spoke. Talks resumed on September 2, 2010, a day after Obama dined with them.",
			"September 2 , 2010=2010-09-02|a day after=2010-09-01"},
		{"planned dates anchor nothing", "He arrived on April 6, 2021. Talks are scheduled on April 9, 2021. Earlier in the day he met X.",
			"Earlier in the day=2021-04-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := text.Tokenize(tt.in)
			sents := text.Segment(tt.in, toks)
			ds := make([][]Mention, len(sents))
			for i := range sents {
				ds[i] = Find(sents[i].Toks, Day{2024, 1, 1})
			}
			Chain(sents, ds)
			last := len(sents) - 1
			var got []string
			for _, m := range ds[last] {
				var ws []string
				for _, t := range sents[last].Toks[m.I:m.J] {
					ws = append(ws, t.Text)
				}
				got = append(got, strings.Join(ws, " ")+"="+m.Value.String())
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("dates of %q = %q, want %q", sents[last].Text, g, tt.want)
			}
		})
	}
}

func TestDayOrderAndParse(t *testing.T) {
	if !ParseISO("2021-08-24T10:00:00Z").Full() || ParseISO("2021-13-01").Valid() || ParseISO("21-08-24").Valid() {
		t.Error("ParseISO accepts what it should not, or refuses a timestamp")
	}
	if !(Day{2024, 2, 0}).After(Day{2024, 1, 31}) || (Day{2024, 1, 0}).After(Day{2024, 1, 31}) {
		t.Error("After compares partial dates wrongly")
	}
	if got := (Day{2024, 3, 1}).AddDays(-1).String(); got != "2024-02-29" {
		t.Errorf("AddDays over a leap day = %s", got)
	}
}

func TestDateline(t *testing.T) {
	in := "Asmara, 18 July 2020 – Ethiopia's Prime Minister arrived today."
	if got := Dateline(text.Segment(in, text.Tokenize(in))); got.String() != "2020-07-18" {
		t.Errorf("Dateline = %s", got)
	}
}

// Find tries its rules only at tokens mayStartDate accepts. No rule may
// match anywhere else: over every token of the extraction tests' articles,
// the sentences of TestFind and a few made for it, with publication days
// full, partial and unknown, each match starts at a token the gate lets
// through.
func TestFindGateLetsEveryMatchThrough(t *testing.T) {
	texts := []string{
		"on January 23, 2017 in Astana", "ABU DHABI, 2nd May, 2021 (WAM)", "date 2021-08-24 From Abuja",
		"late on Monday", "this Saturday afternoon", "met on Sunday (18/01) and 05/08/2023",
		"met on the 8th in Prague", "on the 28th of May", "two days ago, three days ago, a week ago", "18 months ago, an hour ago", "12.06.2023 and mid-June, mid-2022",
		"the day before yesterday", "earlier this week, later this month, early last month", "in November 2022",
		"Sept. 7", "Jan. 5th", "1st of June", "since 2016", "next Tuesday", "coming Friday", "tonight and tomorrow",
	}
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test articles (%v)", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	matches := 0
	for _, in := range texts {
		toks := text.Tokenize(in)
		for _, pub := range []Day{{2017, 1, 18}, {2017, 1, 0}, {2017, 0, 0}, {}} {
			for i := range toks {
				for _, r := range rules {
					if _, ok := r.match(toks, i, pub); ok {
						matches++
						if !mayStartDate(toks[i]) {
							t.Errorf("rule %s matches at %q (token %d of %.60q) but mayStartDate skips it", r.name, toks[i].Text, i, in)
						}
					}
				}
			}
		}
	}
	if matches < 100 {
		t.Errorf("only %d matches: the test reads too little to show anything", matches)
	}
}
