package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
)

func TestPeople(t *testing.T) {
	store := fixtureStore(t)
	all := run(t, store, "people", nil)
	if len(all) != 17 {
		var names []string
		for _, p := range all {
			names = append(names, str(p["name"]))
		}
		t.Errorf("people: got %d people, want the 17 distinct people of the gold annotation: %v", len(all), names)
	}
	for _, tc := range []struct {
		person      string
		wantName    string
		wantRoles   string // "title of X (former)" joined by "; "
		wantSources string
	}{
		{"Muallem", "Walid al-Muallem", "Foreign Minister of Syria; Foreign Minister of Syria (former)", "002_a7a2dea42ed54148,003_07f9cb30cefc7fda"},
		{"Ali Khamenei", "Ali Khamenei", "Leader of Iran", "001_bde1dc2722e06bb9,004_40a047d0b804c451"},
		{"Adel Abdul Mahdi", "Adel Abdul Mahdi", "Oil Minister of Iraq (former)", "004_40a047d0b804c451"},
	} {
		t.Run(tc.person, func(t *testing.T) {
			got := run(t, store, "people", map[string]string{"person": tc.person})
			if len(got) != 1 {
				t.Fatalf("people person=%s: got %d results, want 1", tc.person, len(got))
			}
			p := got[0]
			if str(p["name"]) != tc.wantName {
				t.Errorf("name = %q, want %q", p["name"], tc.wantName)
			}
			if roles := describeRoles(p["roles"]); roles != tc.wantRoles {
				t.Errorf("roles = %q, want %q", roles, tc.wantRoles)
			}
			if s := join(p["sources"]); s != tc.wantSources {
				t.Errorf("sources = %q, want %q", s, tc.wantSources)
			}
		})
	}
}

func describeRoles(v any) string {
	rs, _ := v.([]any)
	var out []string
	for _, r := range rs {
		m := r.(map[string]any)
		s := fmt.Sprintf("%s of %s", m["title"], m["of"])
		if m["current"] == false {
			s += " (former)"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestRoles(t *testing.T) {
	store := fixtureStore(t)
	got := run(t, store, "roles", map[string]string{"person": "Walid Moallem"})
	var lines []string
	for _, r := range got {
		lines = append(lines, fmt.Sprintf("%s|%s|%v|%s|%s", r["title"], r["of"], r["current"], join(r["reported"]), join(r["sources"])))
	}
	want := []string{
		"Foreign Minister|Syria|true|2017-01-01|002_a7a2dea42ed54148",
		"Foreign Minister|Syria|false|2020-12-08|003_07f9cb30cefc7fda",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("roles of Walid Moallem:\ngot  %v\nwant %v", lines, want)
	}
}

func TestEvents(t *testing.T) {
	store := fixtureStore(t)
	for _, tc := range []struct {
		args map[string]string
		want []string // date|head|place
	}{
		{map[string]string{"from": "2016-12", "to": "2016-12"}, []string{
			"2016-12-20|declaration|Moscow",
			"2016-12-30|ceasefire|Syria",
			"2016-12-30|halt|Syria",
		}},
		{map[string]string{"head": "assassination"}, []string{"2020-11-27|assassination|Tehran"}},
		{map[string]string{"from": "2030"}, nil},
	} {
		var got []string
		for _, e := range run(t, store, "events", tc.args) {
			got = append(got, fmt.Sprintf("%s|%s|%s", e["date"], e["head"], e["place"]))
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("events %v:\ngot  %v\nwant %v", tc.args, got, tc.want)
		}
	}
}

func TestTimeline(t *testing.T) {
	store := fixtureStore(t)
	var got []string
	for _, e := range run(t, store, "timeline", map[string]string{"person": "Mekdad"}) {
		got = append(got, fmt.Sprintf("%s|%s|%s", e["date"], e["what"], e["label"]))
	}
	want := []string{
		"2020-12-07|meeting|met Mohammad Bagher Ghalibaf",
		"2020-12-08|meeting|met Ali Shamkhani",
		"2020-12-08|meeting|met Amir Hatami",
		"2020-12-08|meeting|met Hassan Rouhani",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline of Mekdad:\ngot  %v\nwant %v", got, want)
	}
}

func TestRequiredPersonArgument(t *testing.T) {
	store := fixtureStore(t)
	for _, name := range []string{"roles", "timeline"} {
		s, err := queries.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		err = store.Query(context.Background(), queries.Prelude()+s.Source, graph.QueryOptions{}, func(any) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "--arg person=NAME") {
			t.Errorf("%s without person: error %v, want one telling to pass --arg person=NAME", name, err)
		}
	}
}

func TestEverySavedQueryDescribesItself(t *testing.T) {
	list := queries.List()
	if len(list) < 5 {
		t.Fatalf("saved queries: %d, want at least meetings, people, roles, timeline, events", len(list))
	}
	for _, s := range list {
		if !strings.HasPrefix(s.Summary, s.Name+":") {
			t.Errorf("%s.js: leading comment %q should start with %q and say what it answers", s.Name, s.Summary, s.Name+":")
		}
		if !strings.Contains(s.Description, "args") {
			t.Errorf("%s.js: leading comment should say which args it takes", s.Name)
		}
	}
}

func TestPreludeKeepsLineNumbers(t *testing.T) {
	if strings.Contains(queries.Prelude(), "\n") {
		t.Fatal("prelude spans several lines; errors in user scripts would point at the wrong line")
	}
	store := fixtureStore(t)
	err := store.Query(context.Background(), queries.Prelude()+"var x = 1;\nx.nope();", graph.QueryOptions{}, func(any) error { return nil })
	if err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("error %v should point at line 2 of the script", err)
	}
}

func TestArgs(t *testing.T) {
	got := queries.Args(map[string]string{"person": "Hassan Rohani", "from": "2017"})
	b, _ := json.Marshal(got)
	if got["from"] != "2017" || got["person_keys"] == "" || got["person_keys"] != queries.Args(map[string]string{"person": "Hassan Rouhani"})["person_keys"] {
		t.Errorf("Args = %s: want from kept and the same person key for Rohani and Rouhani", b)
	}
	if _, ok := got["with_keys"]; ok {
		t.Errorf("Args = %s: with_keys set without a with argument", b)
	}
}
