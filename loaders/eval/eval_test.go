package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// Helpers that build hand-made facts tersely. The names are invented.

func person(name string, aliases ...string) schema.Person {
	return schema.Person{Name: name, Aliases: aliases}
}

func meeting(date string, names ...string) schema.Meeting {
	return schema.Meeting{Participants: names, Date: schema.Str(date), Kind: schema.KindMeeting, Evidence: "met: " + strings.Join(names, ", ")}
}

func call(date string, names ...string) schema.Meeting {
	m := meeting(date, names...)
	m.Kind = schema.KindCall
	return m
}

func kind(k string, m schema.Meeting) schema.Meeting {
	m.Kind = k
	return m
}

func roleOf(name, title string) schema.Role {
	return schema.Role{Person: name, Title: title, Current: true}
}

func facts(id string, people []schema.Person, roles []schema.Role, meetings ...schema.Meeting) schema.Facts {
	return schema.Facts{ID: id, People: people, Roles: roles, Meetings: meetings}
}

// counts renders a score as right/false hits/misses.
func tpFpFn(s Score) string { return fmt.Sprintf("%d/%d/%d", s.TP, s.FP, s.FN) }

func TestNormName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Walid al-Muallem", "walid muallem"},
		{"Abdel Fattah el-Sisi", "abdel fattah sisi"},
		{"Ahmad as-Sharaa", "ahmad sharaa"},
		{"Omar ash-Shami", "omar shami"},
		{"Jean-Pierre Blanc", "jean pierre blanc"}, // "an-" inside a word stays
		{"Khalid Al Falih", "khalid falih"},        // a separate "al" is dropped anywhere
		{"Al", ""},
		{"King Salman", "salman"},
		{"H.E. Dr. Lina Sabo", "h e lina sabo"}, // "h" and "e" are not honorifics
		{"President", ""},
		{"  Ayşe   Kılıç ", "ayse kılıc"}, // accents go; the dotless ı is a letter of its own
		{"Sean O’Neill", "sean o neill"},
		{"(Ana) \"Lund\"", "ana lund"},
	} {
		if got := normName(tc.in); got != tc.want {
			t.Errorf("normName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTitleWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Foreign Minister", "foreign minister"},
		{"Syrian Foreign Minister", "foreign minister"},
		{"Speaker of the Parliament", "parliament speaker"},
		{"Iran's Ambassador", "ambassador iran s"}, // "iran's" splits before the list is read
		{"Danish Ambassador", "ambassador danish"}, // not in the nationality list
		{"Vice-President", "president vice"},       // sorted
		{"Ministre des Affaires étrangères", "affaires des etrangeres ministre"},
		{"the", ""},
	} {
		if got := titleKey(titleWords(tc.in)); got != tc.want {
			t.Errorf("titleWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	gold := []schema.Facts{
		facts("a", []schema.Person{person("Hamad bin Salman", "Crown Prince Hamad"), person("Paul Rukundo", "Rukundo")}, nil),
		facts("b", []schema.Person{person("Salman bin Faisal", "King Salman"), person("Kim Dae Ho"), person("Kim So Yeon"),
			person("Ana Lund"), person("Eva Lund")}, nil),
	}
	reg := newRegistry(gold)
	scope := func(id string) map[string]bool {
		for _, a := range gold {
			if a.ID == id {
				return newArticle(reg, a, a, "").scope
			}
		}
		return nil // the whole annotation
	}
	for _, tc := range []struct{ name, in, article, want string }{
		{"name", "Paul Rukundo", "a", "Paul Rukundo"},
		{"alias", "Rukundo", "a", "Paul Rukundo"},
		{"honorific dropped before the look-up", "President Rukundo", "a", "Paul Rukundo"},
		{"alias of another article's person, out of scope", "Rukundo", "b", ""},
		{"alias in scope", "King Salman", "b", "Salman bin Faisal"},
		{"the same alias resolves within the article by the last-word rule", "King Salman", "a", "Hamad bin Salman"},
		{"corpus-wide: the first article to list the form wins", "Salman", "", "Salman bin Faisal"},
		{"subset of words with the same last word", "Kim Ho", "b", "Kim Dae Ho"},
		{"family name first is not a last word", "Kim", "b", ""},
		{"two candidates: no one", "Lund", "b", ""},
		{"words not all in the gold name", "PM Ana Lund", "b", ""},
		{"only honorifics", "Mr.", "b", ""},
		{"unknown", "Ivo Brandt", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := reg.resolve(tc.in, scope(tc.article))
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("resolve(%q in %q) = %q, %v; want %q", tc.in, tc.article, got, ok, tc.want)
			}
		})
	}
}

func TestPeople(t *testing.T) {
	gold := []schema.Facts{facts("a", []schema.Person{
		person("Walid al-Muallem", "Walid Muallem", "Moallem"),
		person("Hana Sato", "Sato"),
		person("Ayşe Kılıç"),
		person("Lars Holm"),
	}, nil)}
	for _, tc := range []struct {
		name string
		pred []schema.Person
		want string // right/false hits/misses
	}{
		{"exact names", []schema.Person{person("Walid al-Muallem"), person("Hana Sato")}, "2/0/2"},
		{"alias", []schema.Person{person("Moallem"), person("Sato")}, "2/0/2"},
		{"case, accents, al- and hyphens", []schema.Person{person("WALID AL MUALLEM"), person("ayse kilic")}, "1/1/3"}, // ı is not i
		{"honorifics", []schema.Person{person("Dr. Hana Sato"), person("Minister Lars Holm")}, "2/0/2"},
		{"last word of the gold name", []schema.Person{person("Holm")}, "1/0/3"},
		{"mangled by a title abbreviation", []schema.Person{person("FM Lars Holm")}, "0/1/4"},
		{"one person predicted twice counts once", []schema.Person{person("Hana Sato"), person("Sato")}, "1/0/3"},
		{"unresolved names count once per form", []schema.Person{person("Port Elin"), person("port elin"), person("Elin")}, "0/2/4"},
		{"nothing predicted", nil, "0/0/4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(gold, []schema.Facts{facts("a", tc.pred, nil)})
			if got := tpFpFn(r.People); got != tc.want {
				t.Errorf("people = %s, want %s; errors %+v", got, tc.want, r.Errors)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	people := []schema.Person{person("Walid al-Muallem", "Muallem"), person("Ana Lund", "Lund"), person("Petr Vlk"), person("Karl Dane")}
	gold := []schema.Facts{facts("a", people, []schema.Role{
		roleOf("Walid al-Muallem", "Foreign Minister"),
		roleOf("Ana Lund", "Speaker of Parliament"),
		roleOf("Petr Vlk", "Russian Ambassador"),
		roleOf("Karl Dane", "Danish Consul"),
	})}
	for _, tc := range []struct {
		name  string
		roles []schema.Role
		want  string
	}{
		{"same titles", []schema.Role{roleOf("Walid al-Muallem", "Foreign Minister"), roleOf("Ana Lund", "Speaker of Parliament")}, "2/0/2"},
		{"extra words in the prediction", []schema.Role{roleOf("Walid al-Muallem", "Syrian Foreign Minister of State")}, "1/0/3"},
		{"nationality in the gold", []schema.Role{roleOf("Petr Vlk", "Ambassador")}, "1/0/3"},
		{"a nationality off the list is a word", []schema.Role{roleOf("Karl Dane", "Consul")}, "0/1/4"},
		{"case and word order", []schema.Role{roleOf("Ana Lund", "parliament speaker")}, "1/0/3"},
		{"holder named by alias", []schema.Role{roleOf("Muallem", "foreign minister")}, "1/0/3"},
		{"a gold word missing", []schema.Role{roleOf("Walid al-Muallem", "Minister")}, "0/1/4"},
		{"wrong person", []schema.Role{roleOf("Ana Lund", "Foreign Minister")}, "0/1/4"},
		{"the same role twice: the second is a false hit", []schema.Role{roleOf("Walid al-Muallem", "Foreign Minister"), roleOf("Muallem", "foreign minister")}, "1/1/3"},
		{"unmatched duplicates count once", []schema.Role{roleOf("Ana Lund", "Mayor"), roleOf("Lund", "mayor")}, "0/1/4"},
		{"unresolved holders count once per title", []schema.Role{roleOf("Port Elin", "Mayor"), roleOf("Ivo Brandt", "Mayor")}, "0/1/4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate(gold, []schema.Facts{facts("a", people, tc.roles)})
			if got := tpFpFn(r.Roles); got != tc.want {
				t.Errorf("roles = %s, want %s; errors %+v", got, tc.want, r.Errors)
			}
		})
	}
}

// pairFigures renders pair scores: dated tp/fp/fn, pairs tp/fp/fn, date
// accuracy right/total.
func pairFigures(dated, pairs Score, dates Accuracy) string {
	return tpFpFn(dated) + " " + tpFpFn(pairs) + " " + fmt.Sprintf("%d/%d", dates.Right, dates.Total)
}

func TestMeetingPairs(t *testing.T) {
	people := []schema.Person{person("Amara Kone", "Kone"), person("Lars Holm", "Holm"), person("Dina Osei"), person("Mira Sand")}
	for _, tc := range []struct {
		name       string
		gold, pred [][]schema.Meeting // meetings of articles a, b, ...
		want       string
	}{
		{"right pair, right date",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm")}}, "1/0/0 1/0/0 1/1"},
		{"right pair, wrong date",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-04", "Kone", "Holm")}}, "0/1/1 1/0/0 0/1"},
		{"a gold month accepts any day of it",
			[][]schema.Meeting{{meeting("2024-03", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm")}}, "1/0/0 1/0/0 1/1"},
		{"a predicted month does not match a gold day",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03", "Kone", "Holm")}}, "0/1/1 1/0/0 0/1"},
		{"no date in the gold accepts any date, once",
			[][]schema.Meeting{{meeting("", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm"), meeting("", "Kone", "Holm")}}, "1/1/0 1/0/0 0/0"},
		{"the undated gold report of a dated pair is dropped",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm"), meeting("", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm")}}, "1/0/0 1/0/0 1/1"},
		{"no predicted date for a dated gold meeting",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("", "Kone", "Holm")}}, "0/1/1 1/0/0 0/1"},
		{"the same meeting in two articles counts once",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}, {meeting("2024-03-05", "Lars Holm", "Amara Kone")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm")}, {}}, "1/0/0 1/0/0 1/1"},
		{"two dates of one pair are two meetings",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm"), meeting("2024-06-28", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm")}}, "1/0/1 1/0/0 1/2"},
		{"a meeting of four is six pairs",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm", "Dina Osei", "Mira Sand")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Holm", "Dina Osei")}}, "3/0/3 3/0/3 3/3"},
		{"calls and other kinds are not meetings; visits and talks are",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm"), kind("talks", meeting("2024-03-06", "Dina Osei", "Mira Sand"))}},
			[][]schema.Meeting{{call("2024-03-05", "Kone", "Holm"), kind("Visit", meeting("2024-03-06", "Dina Osei", "Mira Sand")), kind("event", meeting("2024-03-07", "Kone", "Mira Sand"))}},
			"1/0/1 1/0/1 1/1"},
		{"a person meeting themself is no pair",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "Amara Kone")}}, "0/0/1 0/0/1 0/0"},
		{"unresolved names are false hits",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{meeting("2024-03-05", "Kone", "PM Lars Holm")}}, "0/1/1 0/1/1 0/0"},
		{"nothing predicted",
			[][]schema.Meeting{{meeting("2024-03-05", "Amara Kone", "Lars Holm")}},
			[][]schema.Meeting{{}}, "0/0/1 0/0/1 0/0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var gold, pred []schema.Facts
			for i := range tc.gold {
				id := string(rune('a' + i))
				gold = append(gold, facts(id, people, nil, tc.gold[i]...))
				pred = append(pred, facts(id, nil, nil, tc.pred[i]...))
			}
			r := Evaluate(gold, pred)
			if got := pairFigures(r.MeetingPairsDated, r.MeetingPairs, r.DateAccuracy); got != tc.want {
				t.Errorf("meetings = %s, want %s; errors %+v", got, tc.want, r.Errors)
			}
		})
	}
}

// TestCallsResolveAcrossTheCorpus: calls are scored as pairs too, but
// their names are resolved against the people of the whole gold, as the
// reference scorer does; meetings resolve within the article.
func TestCallsResolveAcrossTheCorpus(t *testing.T) {
	gold := []schema.Facts{
		facts("a", []schema.Person{person("Amara Kone", "Kone")}, nil),
		// Article b forgot to list Amara Kone among its people.
		facts("b", []schema.Person{person("Lars Holm")}, nil,
			call("2024-03-04", "Lars Holm", "Amara Kone"), meeting("2024-03-05", "Lars Holm", "Amara Kone")),
	}
	pred := []schema.Facts{facts("a", nil, nil),
		facts("b", nil, nil, call("2024-03-04", "Holm", "Kone"), meeting("2024-03-05", "Holm", "Kone"))}
	r := Evaluate(gold, pred)
	if got := pairFigures(r.CallPairsDated, r.CallPairs, r.CallDateAccuracy); got != "1/0/0 1/0/0 1/1" {
		t.Errorf("calls = %s, want the pair resolved through article a", got)
	}
	if got := pairFigures(r.MeetingPairsDated, r.MeetingPairs, r.DateAccuracy); got != "0/1/1 0/1/1 0/0" {
		t.Errorf("meetings = %s, want Kone unresolved in article b", got)
	}
}

// levelFigures renders meeting-level scores: meetings tp/fp/fn,
// participants tp/fp/fn, dates right/total.
func levelFigures(s LevelScores) string {
	return tpFpFn(s.Meetings) + " " + tpFpFn(s.Participants) + " " + fmt.Sprintf("%d/%d", s.DateAccuracy.Right, s.DateAccuracy.Total)
}

func TestMeetingLevel(t *testing.T) {
	people := []schema.Person{person("Amara Kone", "Kone"), person("Lars Holm", "Holm"), person("Dina Osei"), person("Mira Sand")}
	for _, tc := range []struct {
		name       string
		gold, pred []schema.Meeting
		want       string
	}{
		{"a bilateral meeting found",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm")},
			[]schema.Meeting{meeting("2024-03-05", "Kone", "Holm")}, "1/0/0 2/0/0 1/1"},
		{"found with an attendee missing and one too many",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm", "Dina Osei")},
			[]schema.Meeting{meeting("2024-03-05", "Kone", "Holm", "Mira Sand")}, "1/0/0 2/1/1 1/1"},
		{"one shared person is not enough",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm")},
			[]schema.Meeting{meeting("2024-03-05", "Kone", "Dina Osei")}, "0/1/1 0/2/2 0/0"},
		{"gold meetings pick in order, the first of equals",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm"), meeting("2024-03-06", "Amara Kone", "Lars Holm", "Dina Osei")},
			[]schema.Meeting{meeting("2024-03-06", "Kone", "Holm", "Dina Osei")}, "1/0/1 2/1/3 0/1"},
		{"the most shared people wins",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm", "Dina Osei")},
			[]schema.Meeting{meeting("", "Kone", "Holm"), meeting("2024-03-05", "Kone", "Holm", "Dina Osei")}, "1/1/0 3/2/0 1/1"},
		{"a call does not match a meeting",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm")},
			[]schema.Meeting{call("2024-03-05", "Kone", "Holm")}, "0/1/1 0/2/2 0/0"},
		{"calls match calls; a month accepts a day; no gold date is not counted",
			[]schema.Meeting{call("2024-03", "Amara Kone", "Lars Holm"), meeting("", "Dina Osei", "Mira Sand")},
			[]schema.Meeting{call("2024-03-04", "Kone", "Holm"), meeting("2024-03-05", "Dina Osei", "Mira Sand")}, "2/0/0 4/0/0 1/1"},
		{"other kinds count with meetings here",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm")},
			[]schema.Meeting{kind("event", meeting("2024-03-04", "Kone", "Holm"))}, "1/0/0 2/0/0 0/1"},
		{"a meeting of one resolved person is left out",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm")},
			[]schema.Meeting{meeting("2024-03-05", "Kone", "Amara Kone", "Mr.")}, "0/0/1 0/0/2 0/0"},
		{"unresolved people count as people",
			[]schema.Meeting{meeting("2024-03-05", "Amara Kone", "Lars Holm")},
			[]schema.Meeting{meeting("2024-03-05", "Kone", "Holm", "Port Elin")}, "1/0/0 2/1/0 1/1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Evaluate([]schema.Facts{facts("a", people, nil, tc.gold...)}, []schema.Facts{facts("a", nil, nil, tc.pred...)})
			if got := levelFigures(r.MeetingLevel); got != tc.want {
				t.Errorf("meeting level = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestScoreRatios(t *testing.T) {
	for _, tc := range []struct {
		tp, fp, fn int
		p, r, f1   float64
	}{
		{1, 1, 1, 0.5, 0.5, 0.5},
		{0, 0, 0, 1, 1, 1}, // nothing to find, nothing found
		{0, 0, 3, 0, 0, 0}, // nothing found
		{0, 2, 0, 0, 1, 0}, // nothing to find, something found
		{3, 1, 0, 0.75, 1, 2 * 0.75 / 1.75},
	} {
		s := newScore(tc.tp, tc.fp, tc.fn)
		if s.Precision != tc.p || s.Recall != tc.r || s.F1 != tc.f1 {
			t.Errorf("newScore(%d, %d, %d) = %+v, want p %v r %v f1 %v", tc.tp, tc.fp, tc.fn, s, tc.p, tc.r, tc.f1)
		}
	}
}

// TestErrorsAccountForEveryCount: on the fixture, each score's false hits
// and misses are exactly its listed errors.
func TestErrorsAccountForEveryCount(t *testing.T) {
	gold, predicted, texts := loadFixture(t)
	r := Evaluate(gold, predicted, WithTexts(texts))
	listed := map[string]int{}
	for _, e := range r.Errors {
		listed[e.Category+"/"+e.Kind]++
		if len(e.Articles) == 0 || e.Fact == "" || e.Group == "" {
			t.Errorf("incomplete error %+v", e)
		}
		if e.Category != CategoryRole && e.Evidence == "" {
			t.Errorf("no evidence for %+v", e)
		}
	}
	for _, tc := range []struct {
		s          Score
		categories []string
	}{
		{r.People, []string{CategoryPerson}},
		{r.Roles, []string{CategoryRole}},
		{r.MeetingPairsDated, []string{CategoryMeeting, CategoryMeetingDate}},
		{r.CallPairsDated, []string{CategoryCall, CategoryCallDate}},
	} {
		var fp, fn int
		for _, c := range tc.categories {
			fp += listed[c+"/"+FalseHit]
			fn += listed[c+"/"+Miss]
		}
		if fp != tc.s.FP || fn != tc.s.FN {
			t.Errorf("%v: %d false hits and %d misses listed, scores say %d and %d", tc.categories, fp, fn, tc.s.FP, tc.s.FN)
		}
	}
	total := 0
	for i, g := range r.Groups {
		total += g.Count
		if i > 0 && g.Count > r.Groups[i-1].Count {
			t.Errorf("group %s (%d) after a smaller one", g.Group, g.Count)
		}
	}
	if total != len(r.Errors) {
		t.Errorf("groups count %d errors, %d listed", total, len(r.Errors))
	}
}

func TestArticlesOnOneSideOnly(t *testing.T) {
	people := []schema.Person{person("Amara Kone")}
	gold := []schema.Facts{facts("a", people, nil), facts("b", people, nil)}
	pred := []schema.Facts{facts("a", people, nil), facts("c", people, nil)}
	r := Evaluate(gold, pred)
	if r.Articles != 1 || strings.Join(r.MissingArticles, ",") != "b" || strings.Join(r.UnknownArticles, ",") != "c" {
		t.Errorf("articles %d, missing %v, unknown %v", r.Articles, r.MissingArticles, r.UnknownArticles)
	}
	if tpFpFn(r.People) != "1/0/0" {
		t.Errorf("people = %s, want only article a scored", tpFpFn(r.People))
	}
}

func TestSentences(t *testing.T) {
	text := "Port Elin, 5 March. Kone met Holm. \"It went well,\" he said. Dr. Sand agreed!\nA caption without a stop\nU.S. envoys were there."
	want := []string{"Port Elin, 5 March.", "Kone met Holm.", "\"It went well,\" he said.", "Dr.", "Sand agreed!", "A caption without a stop", "U.S. envoys were there."}
	if got := sentences(text); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences = %q\nwant        %q", got, want)
	}
	if got := sentenceNaming(text, []string{"Mira Sand", "Sand"}); got != "Sand agreed!" {
		t.Errorf("sentenceNaming = %q", got)
	}
}
