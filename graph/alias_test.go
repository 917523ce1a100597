package graph_test

import (
	"context"
	"encoding/json"
	"errors"
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

func mustFind(t *testing.T, s *graph.Store, name string) quad.IRI {
	t.Helper()
	p, err := s.FindPerson(context.Background(), name)
	if err != nil {
		t.Fatalf("FindPerson(%q): %v", name, err)
	}
	return p.IRI
}

func TestMerge(t *testing.T) {
	for _, backend := range []string{graph.BackendMemory, graph.BackendBolt} {
		t.Run(backend, func(t *testing.T) {
			dir := ""
			if backend != graph.BackendMemory {
				dir = t.TempDir()
			}
			s := aliasStore(t, backend, dir)
			defer s.Close()
			testMerge(t, s)
		})
	}
}

func testMerge(t *testing.T, s *graph.Store) {
	ctx := context.Background()
	facts := aliasFacts()
	aliasLoad(t, s, facts)

	from, into := mustFind(t, s, "Abu Mazen"), mustFind(t, s, "Mahmoud Abbas")
	if from == into {
		t.Fatalf("Abu Mazen and Mahmoud Abbas are one node before merging: %s", from)
	}
	sisi := schema.PersonIRI("Abdel Fattah el-Sisi")
	kerry := schema.PersonIRI("John Kerry")

	// What every quad should become, worked out from the schema's own
	// identities rather than from Merge's code.
	renamed := map[quad.Value]quad.Value{
		from: into,
		schema.MeetingIRI([]quad.IRI{from, sisi}, "2019-05-01", "meeting"):  schema.MeetingIRI([]quad.IRI{into, sisi}, "2019-05-01", "meeting"),
		schema.MeetingIRI([]quad.IRI{from, kerry}, "2014-03-17", "meeting"): schema.MeetingIRI([]quad.IRI{into, kerry}, "2014-03-17", "meeting"),
		schema.OfficeIRI(from, "President", "Palestine", true):              schema.OfficeIRI(into, "President", "Palestine", true),
	}
	before := allQuads(t, s)
	want := map[quad.Quad]bool{}
	changed := 0
	for _, q := range before {
		n := q
		if v, ok := renamed[q.Subject]; ok {
			n.Subject = v
		}
		if v, ok := renamed[q.Object]; ok {
			n.Object = v
		}
		if q.Subject == from && q.Predicate == schema.Name {
			n.Predicate = schema.Alias
		}
		if n != q {
			changed++
		}
		want[n] = true
	}
	sameAs := quad.Quad{Subject: from, Predicate: schema.SameAs, Object: into, Label: schema.ManualLabel}
	want[sameAs] = true
	duplicates := len(before) + 1 - len(want)
	if duplicates == 0 {
		t.Fatal("test data should make some exact duplicates (article a4)")
	}

	moved, err := s.Merge(ctx, from, into)
	if err != nil {
		t.Fatal(err)
	}
	if moved != changed {
		t.Errorf("Merge moved %d quads, want %d", moved, changed)
	}
	after := sameQuads(t, s, want)

	// A merge stopped between its two steps (new quads written, old ones
	// still there) is finished by running it again.
	if err := s.Write(ctx, before); err != nil {
		t.Fatal(err)
	}
	if got := mustFind(t, s, "Abu Mazen"); got != from {
		t.Errorf("during an interrupted merge FindPerson(Abu Mazen) = %s, want %s so the merge can be run again", got, from)
	}
	if moved, err := s.Merge(ctx, from, into); err != nil || moved != changed {
		t.Errorf("finishing an interrupted merge: moved %d, %v; want %d", moved, err, changed)
	}
	sameQuads(t, s, want)
	if n, _ := s.QuadCount(ctx); n != int64(len(before)+1-duplicates) {
		t.Errorf("QuadCount = %d, want %d (before %d, +1 sameAs, -%d duplicates)", n, len(before)+1-duplicates, len(before), duplicates)
	}
	for _, q := range after {
		if (q.Subject == from || q.Object == from) && q != sameAs {
			t.Errorf("quad still on the merged node: %v", q)
		}
	}

	// The saved meetings query finds both men's meetings by either name;
	// the meeting reported under both names is one, with two sources.
	for _, name := range []string{"Abu Mazen", "Mahmoud Abbas", "Abbas"} {
		got := meetingRows(t, s, name)
		want := "Abdel Fattah el-Sisi,Mahmoud Abbas|2019-05-01|a1,a3\nJohn Kerry,Mahmoud Abbas|2014-03-17|a2"
		if got != want {
			t.Errorf("meetings of %q:\n%s\nwant\n%s", name, got, want)
		}
	}

	// Identities follow the merge.
	if c, err := s.Canonical(ctx, from); err != nil || c != into {
		t.Errorf("Canonical(from) = %s, %v; want %s", c, err, into)
	}
	if c, _ := s.Canonical(ctx, into); c != into {
		t.Errorf("Canonical(into) = %s", c)
	}
	if got := mustFind(t, s, "Abu Mazen"); got != into {
		t.Errorf("FindPerson(Abu Mazen) after merge = %s, want %s", got, into)
	}
	if _, err := s.Merge(ctx, from, into); err == nil || !strings.Contains(err.Error(), "already merged") {
		t.Errorf("merging again: %v, want an 'already merged' error", err)
	}
}

// sameQuads checks that the store holds exactly the quads of want, and
// returns them.
func sameQuads(t *testing.T, s *graph.Store, want map[quad.Quad]bool) []quad.Quad {
	t.Helper()
	all := allQuads(t, s)
	got := map[quad.Quad]bool{}
	for _, q := range all {
		got[q] = true
	}
	for q := range want {
		if !got[q] {
			t.Errorf("missing after merge: %v", q)
		}
	}
	for q := range got {
		if !want[q] {
			t.Errorf("unexpected after merge: %v", q)
		}
	}
	return all
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

func TestRedirectLaterLoads(t *testing.T) {
	ctx := context.Background()
	s := aliasStore(t, graph.BackendMemory, "")
	defer s.Close()
	facts := aliasFacts()
	aliasLoad(t, s, facts[:2])
	from, into := mustFind(t, s, "Abu Mazen"), mustFind(t, s, "Mahmoud Abbas")
	if _, err := s.Merge(ctx, from, into); err != nil {
		t.Fatal(err)
	}
	// A later article names Abu Mazen again, in a meeting already stored.
	later := schema.Facts{ID: "a6", People: []schema.Person{{Name: "Abu Mazen"}, {Name: "John Kerry"}},
		Meetings: []schema.Meeting{{Participants: []string{"John Kerry", "Abu Mazen"}, Date: schema.Str("2014-03-17"), Kind: schema.KindMeeting}}}
	quads := schema.Quads(schema.Article{ID: "a6"}, later)
	redirected, err := s.Redirect(ctx, quads)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, redirected); err != nil {
		t.Fatal(err)
	}
	for _, q := range allQuads(t, s) {
		if (q.Subject == from || q.Object == from) && q.Predicate != schema.SameAs {
			t.Errorf("later load wrote to the merged node: %v", q)
		}
	}
	if got, want := meetingRows(t, s, "Abu Mazen"), "Abdel Fattah el-Sisi,Mahmoud Abbas|2019-05-01|a1\nJohn Kerry,Mahmoud Abbas|2014-03-17|a2,a6"; got != want {
		t.Errorf("meetings after a later load:\n%s\nwant\n%s", got, want)
	}
	// Quads naming nobody merged come back as they are.
	plain := schema.Quads(schema.Article{ID: "a7"}, schema.Facts{ID: "a7", People: []schema.Person{{Name: "John Kerry"}}})
	same, err := s.Redirect(ctx, plain)
	if err != nil || len(same) != len(plain) || &same[0] != &plain[0] {
		t.Errorf("Redirect changed quads about nobody merged (err %v)", err)
	}
}

func TestMergePersists(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := aliasStore(t, graph.BackendBolt, dir)
	aliasLoad(t, s, aliasFacts()[:3])
	from, into := mustFind(t, s, "Abu Mazen"), mustFind(t, s, "Mahmoud Abbas")
	if _, err := s.Merge(ctx, from, into); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = aliasStore(t, graph.BackendBolt, dir)
	defer s.Close()
	if c, err := s.Canonical(ctx, from); err != nil || c != into {
		t.Errorf("after reopening, Canonical(from) = %s, %v; want %s", c, err, into)
	}
	if got, want := meetingRows(t, s, "Abu Mazen"), "Abdel Fattah el-Sisi,Mahmoud Abbas|2019-05-01|a1,a3\nJohn Kerry,Mahmoud Abbas|2014-03-17|a2"; got != want {
		t.Errorf("meetings after reopening:\n%s\nwant\n%s", got, want)
	}
}

func TestFindPerson(t *testing.T) {
	ctx := context.Background()
	s := aliasStore(t, graph.BackendMemory, "")
	defer s.Close()
	aliasLoad(t, s, aliasFacts())
	for _, tc := range []struct {
		name, want string // want: the name found, or the error expected
	}{
		{"Mahmoud Abbas", "Mahmoud Abbas"},
		{"Abu Mazen", "Abu Mazen"},
		{"Abdel Fattah al-Sisi", "Abdel Fattah el-Sisi"}, // same key
		{"Sisi", "Abdel Fattah el-Sisi"},                 // surname key
		{"Walid Moallem", "Walid al-Muallem"},            // spelling variant: the same node
		{"Bashar Assad", "Bashar al-Assad"},
		{"Assad", "error: matches 2 people"},
		{"Nobody Atall", "error: no person of that name"},
		{"  ", "error: empty name"},
	} {
		p, err := s.FindPerson(ctx, tc.name)
		got := p.Name
		if err != nil {
			got = "error: " + err.Error()
		}
		if !strings.HasPrefix(tc.want, "error: ") && got != tc.want || strings.HasPrefix(tc.want, "error: ") && !strings.Contains(got, strings.TrimPrefix(tc.want, "error: ")) {
			t.Errorf("FindPerson(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	var amb *graph.AmbiguousNameError
	if _, err := s.FindPerson(ctx, "Assad"); !errors.As(err, &amb) || len(amb.People) != 2 {
		t.Errorf("FindPerson(Assad): %v, want an AmbiguousNameError with 2 people", err)
	}
	if _, err := s.FindPerson(ctx, "Nobody Atall"); !errors.Is(err, graph.ErrNoPerson) {
		t.Errorf("FindPerson(Nobody Atall): %v, want ErrNoPerson", err)
	}
	// Merging a person into themself, or a non-person, is refused.
	walid := mustFind(t, s, "Walid al-Muallem")
	if _, err := s.Merge(ctx, walid, mustFind(t, s, "Walid Moallem")); err == nil {
		t.Error("merging Walid al-Muallem into Walid Moallem (one node) succeeded")
	}
	if _, err := s.Merge(ctx, quad.IRI("kg:person/nobody"), walid); err == nil {
		t.Error("merging a node that is not a person succeeded")
	}
}

// TestSpellingVariantsAreOnePerson: the issue's example, kg alias "Walid
// Moallem" "Walid al-Muallem", has nothing left to do, because the person
// keys already make both spellings one node; the meetings query finds the
// meetings reported under either spelling.
func TestSpellingVariantsAreOnePerson(t *testing.T) {
	s := aliasStore(t, graph.BackendMemory, "")
	defer s.Close()
	m := func(date string, names ...string) schema.Meeting {
		return schema.Meeting{Participants: names, Date: schema.Str(date), Kind: schema.KindMeeting}
	}
	aliasLoad(t, s, []schema.Facts{
		{ID: "b1", People: []schema.Person{{Name: "Walid al-Muallem"}, {Name: "Ali Larijani"}}, Meetings: []schema.Meeting{m("", "Walid al-Muallem", "Ali Larijani")}},
		{ID: "b2", People: []schema.Person{{Name: "Walid Moallem"}, {Name: "Sergei Lavrov"}}, Meetings: []schema.Meeting{m("2015-09-30", "Walid Moallem", "Sergei Lavrov")}},
		{ID: "b3", People: []schema.Person{{Name: "Walid Mouallem"}, {Name: "Sergei Lavrov"}}, Meetings: []schema.Meeting{m("2015-09-30", "Sergei Lavrov", "Walid Mouallem")}},
	})
	if a, b := mustFind(t, s, "Walid Moallem"), mustFind(t, s, "Walid al-Muallem"); a != b {
		t.Fatalf("Walid Moallem is %s, Walid al-Muallem %s: want one node", a, b)
	}
	want := "Ali Larijani,Walid al-Muallem||b1\nSergei Lavrov,Walid al-Muallem|2015-09-30|b2,b3"
	if got := meetingRows(t, s, "Walid Moallem"); got != want {
		t.Errorf("meetings of Walid Moallem:\n%s\nwant\n%s", got, want)
	}
}

// TestRedirectSurnameOnly: an article naming someone by surname alone
// joins the one stored person of that surname, and not one of several.
func TestRedirectSurnameOnly(t *testing.T) {
	ctx := context.Background()
	s := aliasStore(t, graph.BackendMemory, "")
	defer s.Close()
	m := func(date string, names ...string) schema.Meeting {
		return schema.Meeting{Participants: names, Date: schema.Str(date), Kind: schema.KindMeeting}
	}
	aliasLoad(t, s, []schema.Facts{
		{ID: "c1", People: []schema.Person{{Name: "Hassan Rouhani"}, {Name: "Imad Khamis"}}, Meetings: []schema.Meeting{m("2017-01-18", "Hassan Rouhani", "Imad Khamis")}},
		{ID: "c2", People: []schema.Person{{Name: "Bashar al-Assad"}, {Name: "Hafez al-Assad"}}},
	})
	load := func(f schema.Facts) {
		t.Helper()
		quads, err := s.Redirect(ctx, schema.Quads(schema.Article{ID: f.ID}, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Write(ctx, quads); err != nil {
			t.Fatal(err)
		}
	}
	// "Rouhani" alone: the one Rouhani stored. The meeting is the one
	// already stored, now with two sources.
	load(schema.Facts{ID: "c3", People: []schema.Person{{Name: "Rouhani"}, {Name: "Imad Khamis"}}, Meetings: []schema.Meeting{m("2017-01-18", "Rouhani", "Imad Khamis")}})
	if got, want := meetingRows(t, s, "Rouhani"), "Hassan Rouhani,Imad Khamis|2017-01-18|c1,c3"; got != want {
		t.Errorf("meetings of Rouhani:\n%s\nwant\n%s", got, want)
	}
	if ok, _ := s.HasArticle(ctx, "c3"); !ok {
		t.Error("article c3 not stored")
	}
	if p := mustFind(t, s, "Rouhani"); p != schema.PersonIRI("Hassan Rouhani") {
		t.Errorf("Rouhani is %s, want the node of Hassan Rouhani", p)
	}
	// "Assad" alone: two Assads, so it stays a person of its own.
	load(schema.Facts{ID: "c4", People: []schema.Person{{Name: "Assad"}, {Name: "Imad Khamis"}}, Meetings: []schema.Meeting{m("2017-02-01", "Assad", "Imad Khamis")}})
	if got, want := meetingRows(t, s, "Khamis"), "Assad,Imad Khamis|2017-02-01|c4\nHassan Rouhani,Imad Khamis|2017-01-18|c1,c3"; got != want {
		t.Errorf("meetings of Khamis:\n%s\nwant\n%s", got, want)
	}
	// A surname with its full name in the same article joins it.
	quads, err := s.Redirect(ctx, schema.Quads(schema.Article{ID: "c5"}, schema.Facts{ID: "c5",
		People: []schema.Person{{Name: "Sergei Lavrov"}, {Name: "Lavrov"}}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range quads {
		if q.Subject == schema.PersonIRI("Lavrov") || q.Object == schema.PersonIRI("Lavrov") {
			t.Errorf("quad left on the surname node: %v", q)
		}
	}
}
