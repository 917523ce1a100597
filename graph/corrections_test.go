package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/schema"
)

// aliasFacts are hand-made articles about one man under two names, Mahmoud
// Abbas and his kunya Abu Mazen, which no spelling rule can unify.
func aliasFacts() []schema.Facts {
	p := func(name string, aliases ...string) schema.Person {
		return schema.Person{Name: name, Aliases: aliases}
	}
	m := func(date, evidence string, names ...string) schema.Meeting {
		return schema.Meeting{Participants: names, Date: schema.Str(date), Kind: schema.KindMeeting, Evidence: evidence}
	}
	president := func(name, evidence string) schema.Role {
		return schema.Role{Person: name, Title: "President", Of: "Palestine", Current: true, Evidence: evidence}
	}
	return []schema.Facts{
		{ID: "a1", Published: "2019-05-01",
			People:   []schema.Person{p("Mahmoud Abbas", "Abbas"), p("Abdel Fattah el-Sisi", "Sisi")},
			Roles:    []schema.Role{president("Mahmoud Abbas", "Palestinian President Mahmoud Abbas met Sisi.")},
			Meetings: []schema.Meeting{m("2019-05-01", "Palestinian President Mahmoud Abbas met Sisi.", "Mahmoud Abbas", "Abdel Fattah el-Sisi")}},
		{ID: "a2", Published: "2014-03-17",
			People:   []schema.Person{p("Abu Mazen"), p("John Kerry", "Kerry")},
			Roles:    []schema.Role{president("Abu Mazen", "President Abu Mazen received Kerry.")},
			Meetings: []schema.Meeting{m("2014-03-17", "President Abu Mazen received Kerry.", "Abu Mazen", "John Kerry")}},
		// The same meeting as in a1, under the other name.
		{ID: "a3", Published: "2019-05-02",
			People:   []schema.Person{p("Abu Mazen"), p("Abdel Fattah el-Sisi", "Sisi")},
			Meetings: []schema.Meeting{m("2019-05-01", "Abu Mazen and Sisi met in Cairo.", "Abu Mazen", "Abdel Fattah el-Sisi")}},
		// Both names in one article, taken for two people: merging them
		// makes exact duplicates.
		{ID: "a4", Published: "2019-06-01",
			People: []schema.Person{p("Mahmoud Abbas"), p("Abu Mazen")},
			Roles: []schema.Role{
				{Person: "Mahmoud Abbas", Title: "President", Of: "Palestine", Current: true, Evidence: "Abu Mazen, as Mahmoud Abbas is known, is president."},
				{Person: "Abu Mazen", Title: "President", Of: "Palestine", Current: true, Evidence: "Abu Mazen, as Mahmoud Abbas is known, is president."},
			}},
		{ID: "a5", Published: "2020-01-01",
			People: []schema.Person{p("Bashar al-Assad", "Assad"), p("Hafez al-Assad", "Assad"), p("Walid al-Muallem", "Muallem")}},
	}
}

func aliasStore(t *testing.T, backend string, dir string) *graph.Store {
	t.Helper()
	opt := graph.Options{Backend: backend}
	if dir != "" {
		opt.Path = filepath.Join(dir, "kg.db")
	}
	s, err := graph.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func aliasLoad(t *testing.T, s *graph.Store, facts []schema.Facts) {
	t.Helper()
	for _, f := range facts {
		if err := s.Write(context.Background(), schema.Quads(schema.Article{ID: f.ID, Published: f.Published}, f)); err != nil {
			t.Fatal(err)
		}
	}
}

// allQuads returns every stored quad, as N-Quad-like strings, sorted.
func allQuads(t *testing.T, s *graph.Store) []quad.Quad {
	t.Helper()
	ctx := context.Background()
	qs := s.QuadStore()
	it := qs.QuadsAllIterator()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// meetingRows runs the saved meetings query for a person, one line a
// meeting: participants|date|sources.
func meetingRows(t *testing.T, s *graph.Store, person string) string {
	t.Helper()
	q, err := queries.Get("meetings")
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	err = s.Query(context.Background(), queries.Prelude()+q.Source, graph.QueryOptions{Args: queries.Args(map[string]string{"person": person})}, func(r any) error {
		b, _ := json.Marshal(r)
		var m struct {
			Participants []string
			Date         string
			Sources      []string
		}
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		rows = append(rows, fmt.Sprintf("%s|%s|%s", strings.Join(m.Participants, ","), m.Date, strings.Join(m.Sources, ",")))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(rows)
	return strings.Join(rows, "\n")
}
