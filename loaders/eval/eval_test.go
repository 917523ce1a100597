package eval

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// Helpers that build hand-made facts tersely.

func person(name string, aliases ...string) schema.Person {
	return schema.Person{Name: name, Aliases: aliases, Evidence: "about " + name}
}

func meeting(date string, names ...string) schema.Meeting {
	return schema.Meeting{Participants: names, Date: schema.Str(date), Kind: schema.KindMeeting, Evidence: "met: " + strings.Join(names, ", ")}
}

func call(date string, names ...string) schema.Meeting {
	m := meeting(date, names...)
	m.Kind = schema.KindCall
	return m
}

func roleOf(name, title string) schema.Role {
	return schema.Role{Person: name, Title: title, Current: true, Evidence: name + " is " + title}
}

func article(id string, people []schema.Person, roles []schema.Role, meetings ...schema.Meeting) schema.Facts {
	return schema.Facts{ID: id, People: people, Roles: roles, Meetings: meetings}
}

// counts renders a score as right/predicted/gold.
func counts(s Score) string { return fmt.Sprintf("%d/%d/%d", s.Right, s.Predicted, s.Gold) }

func TestPeople(t *testing.T) {
	gold := []schema.Facts{article("a", []schema.Person{
		person("Walid al-Muallem", "Walid Muallem", "Moallem"),
		person("Hassan Rouhani", "Rouhani"),
		person("Ahmet Davutoğlu"),
		person("Adel Abdul Mahdi", "Abdul Mahdi"),
	}, nil)}
	for _, tc := range []struct {
		name string
		pred []schema.Person
		want string // right/predicted/gold
	}{
		{"exact names", []schema.Person{person("Walid al-Muallem"), person("Hassan Rouhani")}, "2/2/4"},
		{"alias", []schema.Person{person("Moallem"), person("Rouhani")}, "2/2/4"},
		{"case, accents, al- and hyphens", []schema.Person{person("WALID AL MUALLEM"), person("ahmet davutoglu"), person("Adel Abdul-Mahdi"), person("Walid el-Muallem")}, "3/3/4"},
		{"al- dropped", []schema.Person{person("Walid Muallem")}, "1/1/4"},
		{"spelling variant not in aliases", []schema.Person{person("Walid Mouallem")}, "0/1/4"},
		{"surname not listed as alias", []schema.Person{person("Davutoglu")}, "0/1/4"},
		{"one person predicted twice", []schema.Person{person("Hassan Rouhani"), person("Rouhani")}, "1/2/4"},
		{"same name twice counts once", []schema.Person{person("Hassan Rouhani"), person("hassan rouhani")}, "1/1/4"},
		{"not a person", []schema.Person{person("Tehran")}, "0/1/4"},
		{"nothing predicted", nil, "0/0/4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(gold, []schema.Facts{article("a", tc.pred, nil)})
			if got := counts(r.People); got != tc.want {
				t.Errorf("people = %s, want %s; errors %+v", got, tc.want, r.Errors)
			}
		})
	}
}

func TestFoldName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Walid al-Muallem", "walid muallem"},
		{"Abdel Fattah el-Sisi", "abdel fattah sisi"},
		{"Adel Abdul-Mahdi", "adel abdul mahdi"},
		{"  Ahmet   Davutoğlu ", "ahmet davutoglu"},
		{"Al", "al"},
		{"Khalid Al Falih", "khalid falih"},
		{"Ma'ariv", "maariv"},
	} {
		if got := foldName(tc.in); got != tc.want {
			t.Errorf("foldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRoles(t *testing.T) {
	people := []schema.Person{person("Walid al-Muallem", "Muallem"), person("Ali Larijani", "Larijani"), person("Sergei Lavrov")}
	gold := []schema.Facts{article("a", people, []schema.Role{
		roleOf("Walid al-Muallem", "Foreign Minister"),
		roleOf("Ali Larijani", "Speaker of Parliament"),
		roleOf("Sergei Lavrov", "Russian Foreign Minister"),
	})}
	for _, tc := range []struct {
		name  string
		roles []schema.Role
		want  string
	}{
		{"same titles", []schema.Role{roleOf("Walid al-Muallem", "Foreign Minister"), roleOf("Ali Larijani", "Speaker of Parliament")}, "2/2/3"},
		{"nationality adjective in prediction", []schema.Role{roleOf("Walid al-Muallem", "Syrian Foreign Minister")}, "1/1/3"},
		{"nationality adjective in gold", []schema.Role{roleOf("Sergei Lavrov", "Foreign Minister")}, "1/1/3"},
		{"case and word order", []schema.Role{roleOf("Ali Larijani", "parliament speaker")}, "1/1/3"},
		{"holder named by alias", []schema.Role{roleOf("Muallem", "foreign minister")}, "1/1/3"},
		{"a gold word missing", []schema.Role{roleOf("Walid al-Muallem", "Minister")}, "0/1/3"},
		{"wrong person", []schema.Role{roleOf("Ali Larijani", "Foreign Minister")}, "0/1/3"},
		{"unknown person", []schema.Role{roleOf("Imad Khamis", "Prime Minister")}, "0/1/3"},
		{"the same role twice counts once", []schema.Role{roleOf("Walid al-Muallem", "Foreign Minister"), roleOf("Walid al-Muallem", "foreign minister")}, "1/1/3"},
		{"two wordings of one role", []schema.Role{roleOf("Walid al-Muallem", "Foreign Minister"), roleOf("Walid al-Muallem", "Syrian Foreign Minister")}, "1/2/3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(gold, []schema.Facts{article("a", people, tc.roles)})
			if got := counts(r.Roles); got != tc.want {
				t.Errorf("roles = %s, want %s; errors %+v", got, tc.want, r.Errors)
			}
		})
	}
}

func TestTitleMatches(t *testing.T) {
	for _, tc := range []struct {
		gold, pred string
		want       bool
	}{
		{"Foreign Minister", "Syrian Foreign Minister", true},
		{"Iranian President", "President", true},
		{"Prime Minister", "prime minister", true},
		{"Speaker of Parliament", "Parliament Speaker", true},
		{"Vice-President", "vice president", true},
		{"Defense Minister", "Minister", false},
		{"Oil Minister", "Foreign Minister", false},
		{"Central Bank Governor", "Bank Governor", false},
		{"Secretary General", "Secretary", false},
	} {
		if got := titleMatches(tc.gold, tc.pred); got != tc.want {
			t.Errorf("titleMatches(gold %q, predicted %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
		}
	}
}

func TestIsNationalityAdjective(t *testing.T) {
	for _, w := range []string{"Iranian", "Syrian", "Iraqi", "Russian", "Chinese", "Turkish", "Lebanese", "Saudi", "Emirati", "Israeli", "Palestinian", "Egyptian", "Korean", "American", "British", "Pakistani", "Afghan", "German", "Japanese", "Brazilian", "Mexican", "Venezuelan", "Qatari", "Yemeni", "Ukrainian", "Iran"} {
		if !IsNationalityAdjective(w) {
			t.Errorf("IsNationalityAdjective(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Foreign", "Minister", "President", "Prime", "Speaker", "Parliament", "Secretary", "General", "Defense", "Interior", "Oil", "Adviser", "Leader", "Supreme", "Chairman", "Spokesman", "Central", "Bank", "Governor", "Emir", "King", "Crown", "Prince", "Guardian", "Council", "National", "Security", "Islamic", "Federal", "Marine", "Christian", "Republican", "Union", "Former", "Deputy", "Chief", "Commander", "Ambassador", "Envoy", "Senator", "Mayor", "Justice", "Finance", "Economy", "Atomic", "Energy"} {
		if IsNationalityAdjective(w) {
			t.Errorf("IsNationalityAdjective(%q) = true, want false", w)
		}
	}
}

func TestMeetings(t *testing.T) {
	people := func(names ...string) []schema.Person {
		var ps []schema.Person
		for _, n := range names {
			ps = append(ps, person(n))
		}
		return ps
	}
	abc := people("Hassan Rouhani", "Imad Khamis", "Ali Akbar Velayati")
	abc[0].Aliases = []string{"Rouhani"}
	for _, tc := range []struct {
		name             string
		gold, pred       []schema.Facts
		pairs, withDates string // right/predicted/gold
		dateAcc          string // right/total
	}{
		{
			name:  "right pair, right date",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Imad Khamis", "Hassan Rouhani"))},
			pairs: "1/1/1", withDates: "1/1/1", dateAcc: "1/1",
		},
		{
			name:  "right pair, wrong date",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-17", "Hassan Rouhani", "Imad Khamis"))},
			pairs: "1/1/1", withDates: "0/1/1", dateAcc: "0/1",
		},
		{
			name:  "right pair, date missing",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("", "Hassan Rouhani", "Imad Khamis"))},
			pairs: "1/1/1", withDates: "0/1/1", dateAcc: "0/1",
		},
		{
			name:  "partial date is not the full date",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01", "Hassan Rouhani", "Imad Khamis"))},
			pairs: "1/1/1", withDates: "0/1/1", dateAcc: "0/1",
		},
		{
			name:  "gold date null accepts any date",
			gold:  []schema.Facts{article("a", abc, nil, meeting("", "Ali Akbar Velayati", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Ali Akbar Velayati", "Imad Khamis"))},
			pairs: "1/1/1", withDates: "1/1/1", dateAcc: "0/0",
		},
		{
			name:  "gold date null accepts no date",
			gold:  []schema.Facts{article("a", abc, nil, meeting("", "Ali Akbar Velayati", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("", "Ali Akbar Velayati", "Imad Khamis"))},
			pairs: "1/1/1", withDates: "1/1/1", dateAcc: "0/0",
		},
		{
			name:  "participants named by alias and folded",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", people("Rouhani", "IMAD KHAMIS"), nil, meeting("2017-01-18", "Rouhani", "IMAD KHAMIS"))},
			pairs: "1/1/1", withDates: "1/1/1", dateAcc: "1/1",
		},
		{
			name:  "three people make three pairs",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis", "Ali Akbar Velayati"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"), meeting("2017-01-18", "Imad Khamis", "Ali Akbar Velayati"))},
			pairs: "2/2/3", withDates: "2/2/3", dateAcc: "2/2",
		},
		{
			name:  "predicted three-person meeting against two gold pairs",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"), meeting("2017-01-18", "Imad Khamis", "Ali Akbar Velayati"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis", "Ali Akbar Velayati"))},
			pairs: "2/3/2", withDates: "2/3/2", dateAcc: "2/2",
		},
		{
			name:  "calls are not meetings",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"), call("2017-01-19", "Hassan Rouhani", "Ali Akbar Velayati"))},
			pred:  []schema.Facts{article("a", abc, nil, call("2017-01-18", "Hassan Rouhani", "Imad Khamis"), call("2017-01-19", "Hassan Rouhani", "Ali Akbar Velayati"))},
			pairs: "0/0/1", withDates: "0/0/1", dateAcc: "0/0",
		},
		{
			name: "the same meeting in two articles counts once",
			gold: []schema.Facts{
				article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
				article("b", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
			},
			pred: []schema.Facts{
				article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
				article("b", abc, nil),
			},
			pairs: "1/1/1", withDates: "1/1/1", dateAcc: "1/1",
		},
		{
			name: "one article's wrong date does not merge",
			gold: []schema.Facts{
				article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
				article("b", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
			},
			pred: []schema.Facts{
				article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
				article("b", abc, nil, meeting("2017-01-11", "Hassan Rouhani", "Imad Khamis")),
			},
			pairs: "1/1/1", withDates: "1/2/1", dateAcc: "1/1",
		},
		{
			name: "same pair on two dates is two meetings",
			gold: []schema.Facts{
				article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
				article("b", abc, nil, meeting("2017-03-02", "Hassan Rouhani", "Imad Khamis")),
			},
			pred: []schema.Facts{
				article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis")),
				article("b", abc, nil, meeting("2017-03-02", "Hassan Rouhani", "Imad Khamis")),
			},
			pairs: "1/1/1", withDates: "2/2/2", dateAcc: "2/2",
		},
		{
			name: "spellings differing between articles are one person",
			gold: []schema.Facts{
				article("a", []schema.Person{person("Walid al-Muallem", "Walid Moallem"), person("Ali Larijani")}, nil, meeting("", "Walid al-Muallem", "Ali Larijani")),
				article("b", []schema.Person{person("Walid al-Muallem", "Walid Mouallem"), person("Ali Larijani")}, nil, meeting("", "Walid al-Muallem", "Ali Larijani")),
			},
			pred: []schema.Facts{
				article("a", people("Walid Moallem", "Ali Larijani"), nil, meeting("", "Walid Moallem", "Ali Larijani")),
				article("b", people("Walid Mouallem", "Ali Larijani"), nil, meeting("", "Walid Mouallem", "Ali Larijani")),
			},
			pairs: "1/1/1", withDates: "1/1/1", dateAcc: "0/0",
		},
		{
			name:  "unknown participant",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Bashar al-Assad"))},
			pairs: "0/1/1", withDates: "0/1/1", dateAcc: "0/0",
		},
		{
			name:  "a person does not meet themself",
			gold:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"))},
			pred:  []schema.Facts{article("a", abc, nil, meeting("2017-01-18", "Hassan Rouhani", "Rouhani"))},
			pairs: "0/0/1", withDates: "0/0/1", dateAcc: "0/0",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(tc.gold, tc.pred)
			if got := counts(r.MeetingPairs); got != tc.pairs {
				t.Errorf("pairs = %s, want %s; errors %+v", got, tc.pairs, r.Errors)
			}
			if got := counts(r.MeetingPairsDated); got != tc.withDates {
				t.Errorf("pairs with date = %s, want %s; errors %+v", got, tc.withDates, r.Errors)
			}
			if got := fmt.Sprintf("%d/%d", r.DateAccuracy.Right, r.DateAccuracy.Total); got != tc.dateAcc {
				t.Errorf("date accuracy = %s, want %s", got, tc.dateAcc)
			}
		})
	}
}

func TestScoreRatios(t *testing.T) {
	for _, tc := range []struct {
		right, pred, gold int
		p, r, f1          float64
	}{
		{2, 4, 2, 0.5, 1, 2.0 / 3},
		{0, 0, 0, 1, 1, 1},
		{0, 0, 3, 0, 0, 0},
		{0, 2, 0, 0, 1, 0},
		{3, 3, 3, 1, 1, 1},
	} {
		s := newScore(tc.right, tc.pred, tc.gold)
		if math.Abs(s.Precision-tc.p) > 1e-9 || math.Abs(s.Recall-tc.r) > 1e-9 || math.Abs(s.F1-tc.f1) > 1e-9 {
			t.Errorf("newScore(%d, %d, %d) = P %.3f R %.3f F1 %.3f, want %.3f %.3f %.3f", tc.right, tc.pred, tc.gold, s.Precision, s.Recall, s.F1, tc.p, tc.r, tc.f1)
		}
	}
}

func TestErrorsCarryEvidence(t *testing.T) {
	g := article("a", []schema.Person{person("Hassan Rouhani"), person("Imad Khamis"), person("Ali Larijani")}, nil,
		meeting("2017-01-18", "Hassan Rouhani", "Imad Khamis"),
		meeting("", "Ali Larijani", "Imad Khamis"))
	g.Meetings[0].Evidence = "Rouhani met Khamis on Wednesday."
	p := article("a", []schema.Person{person("Hassan Rouhani"), person("Imad Khamis"), person("Tehran")}, nil,
		meeting("2017-01-17", "Hassan Rouhani", "Imad Khamis"),
		meeting("", "Tehran", "Imad Khamis"))
	p.Meetings[1].Evidence = "Khamis arrived in Tehran."
	r := Evaluate([]schema.Facts{g}, []schema.Facts{p})
	var got []string
	for _, e := range r.Errors {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", e.Category, e.Kind, strings.Join(e.Articles, ","), e.Fact, e.Evidence))
	}
	want := []string{
		"person|false hit|a|Tehran|about Tehran",
		"person|miss|a|Ali Larijani|about Ali Larijani",
		"meeting|false hit|a|Imad Khamis + Tehran, no date|Khamis arrived in Tehran.",
		"meeting|miss|a|Ali Larijani + Imad Khamis, no date|met: Ali Larijani, Imad Khamis",
		"meeting date|false hit|a|Hassan Rouhani + Imad Khamis, 2017-01-17|met: Hassan Rouhani, Imad Khamis",
		"meeting date|miss|a|Hassan Rouhani + Imad Khamis, 2017-01-18|Rouhani met Khamis on Wednesday.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestArticlesOnOneSideOnly(t *testing.T) {
	gold := []schema.Facts{
		article("a", []schema.Person{person("Hassan Rouhani")}, nil),
		article("b", []schema.Person{person("Imad Khamis")}, nil),
	}
	pred := []schema.Facts{
		article("a", []schema.Person{person("Hassan Rouhani")}, nil),
		article("c", []schema.Person{person("Someone Else")}, nil),
	}
	r := Evaluate(gold, pred)
	if r.Articles != 1 || fmt.Sprint(r.MissingArticles) != "[b]" || fmt.Sprint(r.UnknownArticles) != "[c]" {
		t.Errorf("articles %d, missing %v, unknown %v; want 1, [b], [c]", r.Articles, r.MissingArticles, r.UnknownArticles)
	}
	if got := counts(r.People); got != "1/1/1" {
		t.Errorf("people = %s, want 1/1/1 (only article a scored)", got)
	}
}
