package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema/schematest"
)

// goldStore is a memory store of the seed gold facts, its calendar
// complete.
func goldStore(t *testing.T) *graph.Store {
	t.Helper()
	s := relStore(t, graph.BackendMemory)
	if err := s.EnsureCalendar(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, quads := schematest.SeedQuads(t)
	relFill(t, s, quads)
	return s
}

// asJSON renders results as one JSON line each.
func asJSON(t *testing.T, results []any) string {
	t.Helper()
	var lines []string
	for _, r := range results {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	return strings.Join(lines, "\n")
}

// The helpers answer from JavaScript, with records a script can read,
// pass on to g.Emit or kg.emit, or continue from with g.V(record.id).
func TestHelpers(t *testing.T) {
	s := goldStore(t)
	for _, tc := range []struct {
		name, script, want string
	}{
		{"find", `g.Emit(kg.find("Rohani"))`, `["\u003ckg:person/hsn-run\u003e"]`},
		{"find nobody", `g.Emit(kg.find("Nobody Atall").length)`, `0`},
		{"meetings as an array", `var ms = kg.meetings({person: "Mekdad", from: "2020-12-08"}); g.Emit(ms.length); g.Emit(ms[0].participants)`,
			"3\n[\"Ali Shamkhani\",\"Faisal al-Mekdad\"]"},
		{"meetings with a callback, stopped by false", `var n = kg.meetings({}, function (m) { g.Emit(m.date); return false; }); g.Emit(n)`,
			"\"2020-12-08\"\n1"},
		{"a record leads back into Gizmo", `var m = kg.meetings({person: "Larijani"})[0]; g.Emit(g.V(m.id).Out("<kg:participant>").Out("<kg:name>").ToArray().sort())`,
			`["Ali Larijani","Walid al-Muallem"]`},
		{"ids beside names", `var m = kg.meetings({person: "Larijani"})[0]; g.Emit(m.participantIds.length === m.participants.length)`, `true`},
		{"a person given by IRI", `g.Emit(kg.meetings({person: kg.find("Larijani")}).length)`, `1`},
		{"profiles", `kg.profiles({person: "Moallem"}, function (p) { g.Emit([p.name, p.roles.length, p.sources.length]); })`,
			`["Walid al-Muallem",2,2]`},
		{"offices", `g.Emit(kg.offices({person: "Muallem"}).map(function (o) { return o.title + "|" + o.current; }))`,
			`["Foreign Minister|true","Foreign Minister|false"]`},
		{"events", `kg.events({from: "2016-12", to: "2016-12", head: "ceasefire"}, function (e) { g.Emit([e.date, e.place]); })`,
			`["2016-12-30","Syria"]`},
		{"emit", `kg.meetings({to: "2017-01-18"}, function (m) { kg.emit({date: m.date, n: m.sources.length}); })`,
			"{\"date\":\"2017-01-18\",\"n\":2}\n{\"date\":\"2017-01-01\",\"n\":1}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := relCollect(t, s, tc.script, graph.QueryOptions{Timeout: 10 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if got := asJSON(t, res); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// A helper called wrongly raises an exception the script can catch or
// that ends it with a message naming the helper; nothing a script passes
// makes kg panic.
func TestHelperMistakes(t *testing.T) {
	s := goldStore(t)
	for _, tc := range []struct {
		script, want string
	}{
		{`kg.meetings({persn: "Mekdad"})`, `kg.meetings: unknown option "persn" (options: person, with, from, to)`},
		{`kg.meetings({from: "2017-13"})`, `kg.meetings: from: "2017-13" is not a date: there is no such day or month`},
		{`kg.meetings({from: "2018", to: "2017"})`, `kg.meetings: from 2018 is after to 2017`},
		{`kg.meetings({person: "Nobody Atall"})`, `kg.meetings: person: no person called "Nobody Atall" in the store`},
		{`kg.meetings("Mekdad")`, `kg.meetings: expected an object of options`},
		{`kg.meetings({person: 3})`, `kg.meetings: person: expected a string or an array of strings`},
		{`kg.meetings({}, 3)`, `kg.meetings: expected a function as argument 2`},
		{`kg.offices({})`, `kg.offices: needs a person`},
		{`kg.find()`, `kg.find: expected a name`},
		{`kg.emit(function () {})`, `kg.emit: expected plain data`},
		{`kg.meetings({}, function () { throw new Error("from the callback"); })`, `from the callback`},
		{`kg.meetings({person: {toString: function () { return "Mekdad"; }}})`, `expected a string or an array of strings`},
		{`var o = {}; Object.defineProperty(o, "person", {get: function () { throw new Error("getter"); }, enumerable: true}); kg.meetings(o)`, `getter`},
	} {
		t.Run(tc.script, func(t *testing.T) {
			_, err := relCollect(t, s, tc.script, graph.QueryOptions{Timeout: 10 * time.Second})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
	// An exception from a helper can be caught like any other.
	res, err := relCollect(t, s, `try { kg.meetings({persn: 1}) } catch (e) { g.Emit(e instanceof TypeError) }`, graph.QueryOptions{})
	if err != nil || asJSON(t, res) != "true" {
		t.Errorf("catching a helper's TypeError: %v, %v", res, err)
	}
}

// A time limit stops a script inside a helper's callback, and a result
// limit stops the helper's reading.
func TestHelpersStopWithTheScript(t *testing.T) {
	s := goldStore(t)
	_, err := relCollect(t, s, `kg.meetings({}, function () { while (true) {} })`, graph.QueryOptions{Timeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "time limit") {
		t.Errorf("endless callback: error %v, want the time limit", err)
	}
	stopped := 0
	var n int
	err = s.Query(context.Background(), `kg.meetings({}, function (m) { kg.emit(m.date); })`,
		graph.QueryOptions{Limit: 2, OnLimit: func(l int) { stopped = l }}, func(any) error { n++; return nil })
	if err != nil || n != 2 || stopped != 2 {
		t.Errorf("limit 2: %d results, stopped at %d, error %v", n, stopped, err)
	}
}
