package explore_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/explore"
	"github.com/kg-project/kg/schema/schematest"
)

// seedExplorers returns an Explorer of the seed articles' hand-annotated
// facts on an on-disk and an in-memory store.
func seedExplorers(t *testing.T) map[string]*explore.Explorer {
	t.Helper()
	out := map[string]*explore.Explorer{}
	for name, s := range seedStores(t) {
		out[name] = explore.New(s)
	}
	return out
}

func seedStores(t *testing.T) map[string]*graph.Store {
	t.Helper()
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	out := map[string]*graph.Store{}
	for _, backend := range []string{graph.BackendLevelDB, graph.BackendMemory} {
		s, err := graph.Open(ctx, graph.Options{Backend: backend, Path: filepath.Join(t.TempDir(), "kg.db")})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.EnsureCalendar(ctx); err != nil {
			t.Fatal(err)
		}
		for _, q := range quads {
			if err := s.Write(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		out[backend] = s
	}
	return out
}

// TestSearch: the search box finds people as kg query does (one lookup,
// graph.Facts.Lookup): spellings, any words of a name, "did you mean",
// and every person a name fits, each said who they are.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		q           string
		match       string
		people      []string // names found, in order
		ambiguous   bool
		suggestions []string // when nobody matches
		err         error
	}{
		{q: "Rouhani", match: "exact", people: []string{"Hassan Rouhani"}},
		{q: "Hassan Rohani", match: "exact", people: []string{"Hassan Rouhani"}}, // another spelling
		{q: "hassan", match: "partial", people: []string{"Hassan Rouhani"}},      // a word of the name, any case
		{q: "Faisal Mikdad", match: "exact", people: []string{"Faisal al-Mekdad"}},
		{q: "Ali", match: "partial", people: []string{"Ali Akbar Velayati", "Ali Khamenei", "Ali Larijani", "Ali Shamkhani"}, ambiguous: true},
		{q: "Rowhani", match: "none", suggestions: []string{"Hassan Rouhani"}}, // a misspelling
		{q: "Qqqqxxzz", match: "none", suggestions: []string{}},                // nothing near
		{q: "   ", err: explore.ErrBadRequest},
	}
	for name, e := range seedExplorers(t) {
		for _, tc := range tests {
			t.Run(name+"/"+tc.q, func(t *testing.T) {
				got, err := e.Search(ctx, tc.q, 10)
				if tc.err != nil {
					if !errors.Is(err, tc.err) {
						t.Fatalf("Search(%q) error %v, want %v", tc.q, err, tc.err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, p := range got.People {
					names = append(names, p.Name)
					if !strings.HasPrefix(p.ID, "kg:person/") {
						t.Errorf("%s has id %q, want a person IRI", p.Name, p.ID)
					}
					if tc.ambiguous && p.Who == "" {
						t.Errorf("Search(%q): %s is not said who they are", tc.q, p.Name)
					}
				}
				if got.Match != tc.match || !slices.Equal(names, tc.people) || got.Ambiguous != tc.ambiguous {
					t.Errorf("Search(%q) = %s %v ambiguous %v, want %s %v %v", tc.q, got.Match, names, got.Ambiguous, tc.match, tc.people, tc.ambiguous)
				}
				var suggested []string
				for _, p := range got.Suggestions {
					suggested = append(suggested, p.Name)
				}
				if tc.suggestions != nil && !slices.Equal(suggested, tc.suggestions) && !(len(suggested) == 0 && len(tc.suggestions) == 0) {
					t.Errorf("Search(%q) suggests %v, want %v", tc.q, suggested, tc.suggestions)
				}
			})
		}
	}
}

// TestSearchAsTheCLI: for every name of every person and every word of
// it, the search answers the people kg query's lookup (graph.Facts
// .FindPeople) answers, in the same order.
func TestSearchAsTheCLI(t *testing.T) {
	ctx := context.Background()
	for name, s := range seedStores(t) {
		e := explore.New(s)
		all, err := s.Facts().AllPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		asked := map[string]bool{}
		for _, p := range all {
			for _, q := range append([]string{p.Name}, strings.Fields(p.Name)...) {
				if asked[q] {
					continue
				}
				asked[q] = true
				want, err := s.Facts().FindPeople(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				got, err := e.Search(ctx, q, 1000)
				if err != nil {
					t.Fatal(err)
				}
				var a, b []string
				for _, p := range want {
					a = append(a, string(p.IRI))
				}
				for _, p := range got.People {
					b = append(b, p.ID)
				}
				if !slices.Equal(a, b) || got.Ambiguous != (len(want) > 1) {
					t.Errorf("%s: Search(%q) = %v (ambiguous %v), kg query finds %v", name, q, b, got.Ambiguous, a)
				}
			}
		}
		if len(asked) < 10 {
			t.Fatalf("%s: only %d names asked", name, len(asked))
		}
	}
}

func TestSearchLimit(t *testing.T) {
	ctx := context.Background()
	for name, e := range seedExplorers(t) {
		all, err := e.Search(ctx, "Ali", 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(all.People) < 3 || all.More {
			t.Fatalf("%s: Search(Ali) found %d people (more %v); the seeds have more than 2 Alis", name, len(all.People), all.More)
		}
		two, err := e.Search(ctx, "Ali", 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(two.People) != 2 || !two.More || !two.Ambiguous {
			t.Errorf("%s: Search(Ali, 2) gave %d people, more %v, ambiguous %v; want 2, more and ambiguous", name, len(two.People), two.More, two.Ambiguous)
		}
	}
}

// rouhani finds Hassan Rouhani's id.
func rouhani(t *testing.T, e *explore.Explorer) string {
	t.Helper()
	got, err := e.Search(context.Background(), "Rouhani", 1)
	if err != nil || len(got.People) != 1 {
		t.Fatalf("find Rouhani: %v %+v", err, got)
	}
	return got.People[0].ID
}

func TestProfile(t *testing.T) {
	ctx := context.Background()
	for name, e := range seedExplorers(t) {
		t.Run(name, func(t *testing.T) {
			p, err := e.Profile(ctx, rouhani(t, e))
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != "Hassan Rouhani" || len(p.Articles) == 0 || len(p.OfficeHistory) == 0 || len(p.Offices) == 0 {
				t.Errorf("profile %+v: want his name, articles, current offices and their history", p)
			}
			for _, o := range p.OfficeHistory {
				if o.Title == "" || len(o.Sources) == 0 || !sort.StringsAreSorted(o.Reported) {
					t.Errorf("office %+v: want a title, sources and report dates in order", o)
				}
			}
			for id, want := range map[string]error{
				"kg:person/nobody-at-all": explore.ErrNotFound,
				"kg:meeting/abc":          explore.ErrBadRequest,
				"":                        explore.ErrBadRequest,
			} {
				if _, err := e.Profile(ctx, id); !errors.Is(err, want) {
					t.Errorf("Profile(%q) error %v, want %v", id, err, want)
				}
			}
		})
	}
}

func TestTimelineAndMeetings(t *testing.T) {
	ctx := context.Background()
	for name, e := range seedExplorers(t) {
		t.Run(name, func(t *testing.T) {
			id := rouhani(t, e)
			entries, err := e.Timeline(ctx, id, explore.Range{})
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) == 0 {
				t.Fatal("Rouhani's timeline is empty")
			}
			var dates []string
			for _, en := range entries {
				if en.Date != "" {
					dates = append(dates, en.Date)
				}
				if en.What != "event" && !hasPerson(en.People, id) {
					t.Errorf("timeline entry %+v does not include Rouhani", en)
				}
			}
			if !sort.StringsAreSorted(dates) {
				t.Errorf("timeline dates out of order: %v", dates)
			}
			ranged, err := e.Timeline(ctx, id, explore.Range{From: dates[0], To: dates[0]})
			if err != nil {
				t.Fatal(err)
			}
			for _, en := range ranged {
				if en.Date != dates[0] {
					t.Errorf("timeline of %s holds %+v", dates[0], en)
				}
			}
			if _, err := e.Timeline(ctx, id, explore.Range{From: "2017-13"}); !errors.Is(err, explore.ErrBadRequest) {
				t.Errorf("a month 13: %v, want ErrBadRequest", err)
			}

			meetings, more, err := e.Meetings(ctx, []string{id}, nil, explore.Range{}, 0)
			if err != nil || more || len(meetings) == 0 {
				t.Fatalf("Rouhani's meetings: %v %v %d", err, more, len(meetings))
			}
			first := meetings[0]
			var other string
			for _, p := range first.People {
				if p.ID != id {
					other = p.ID
				}
			}
			pair, _, err := e.Meetings(ctx, []string{id}, []string{other}, explore.Range{}, 0)
			if err != nil || len(pair) == 0 {
				t.Fatalf("meetings of Rouhani with %s: %v %d", other, err, len(pair))
			}
			for _, m := range pair {
				if !hasPerson(m.People, id) || !hasPerson(m.People, other) {
					t.Errorf("meeting %+v lacks Rouhani or %s", m, other)
				}
			}
			if len(meetings) > 1 {
				one, more, err := e.Meetings(ctx, []string{id}, nil, explore.Range{}, 1)
				if err != nil || len(one) != 1 || !more || one[0].ID != first.ID {
					t.Errorf("the first of Rouhani's meetings: %v %+v more %v; want %s and more", err, one, more, first.ID)
				}
			}
		})
	}
}

func hasPerson(ps []explore.PersonRef, id string) bool {
	for _, p := range ps {
		if p.ID == id {
			return true
		}
	}
	return false
}

// TestFact: the evidence of every meeting of the seeds is the sentences
// Gizmo finds on the meeting's node, grouped by the articles that report
// it, with the names of its people to mark.
func TestFact(t *testing.T) {
	ctx := context.Background()
	for name, s := range seedStores(t) {
		e := explore.New(s)
		t.Run(name, func(t *testing.T) {
			meetings, _, err := e.Meetings(ctx, nil, nil, explore.Range{}, 0)
			if err != nil || len(meetings) == 0 {
				t.Fatalf("meetings: %v %d", err, len(meetings))
			}
			for _, m := range meetings {
				f, err := e.Fact(ctx, m.ID)
				if err != nil {
					t.Fatal(err)
				}
				if f.Type != "meeting" || f.Date != m.Date || len(f.People) != len(m.People) {
					t.Errorf("fact %+v does not match meeting %+v", f, m)
				}
				var sentences, articles []string
				for _, ev := range f.Evidence {
					articles = append(articles, ev.Article.ID)
					sentences = append(sentences, ev.Sentences...)
					if ev.Article.Published == "" {
						t.Errorf("%s: article %s has no publication date", m.ID, ev.Article.ID)
					}
					for _, s := range ev.Sentences {
						if !namesOne(s, f.Names) {
							t.Errorf("%s: no name of %v in %q", m.ID, f.Names, s)
						}
					}
				}
				sort.Strings(articles)
				if !slices.Equal(articles, m.Sources) {
					t.Errorf("%s: evidence from %v, want the sources %v", m.ID, articles, m.Sources)
				}
				if want := storedEvidence(t, s, m.ID); !sameSet(sentences, want) {
					t.Errorf("%s: sentences %q, want those stored %q", m.ID, sentences, want)
				}
			}
			for _, id := range []string{rouhani(t, e), "kg:meeting/none"} {
				if _, err := e.Fact(ctx, id); !errors.Is(err, explore.ErrNotFound) {
					t.Errorf("Fact(%s): %v, want ErrNotFound", id, err)
				}
			}
		})
	}
}

func namesOne(s string, names []string) bool {
	for _, n := range names {
		if strings.Contains(strings.ToLower(s), strings.ToLower(n)) {
			return true
		}
	}
	return false
}

// storedEvidence reads a fact's sentences with Gizmo.
func storedEvidence(t *testing.T, s *graph.Store, id string) []string {
	t.Helper()
	var out []string
	err := s.Query(context.Background(), `g.V("<`+id+`>").Out("<kg:evidence>").All()`, graph.QueryOptions{}, func(r any) error {
		out = append(out, r.(map[string]any)["id"].(string))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	sort.Strings(x)
	sort.Strings(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}
