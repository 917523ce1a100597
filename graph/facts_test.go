package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/pgtest"
	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

// seedStores opens the seed gold facts on every backend (PostgreSQL when
// KG_TEST_POSTGRES names a server), each twice: with the calendar marked
// complete as a load leaves it, and without, as a store made before kg kept
// a calendar; the answers must not differ.
func seedStores(t *testing.T) map[string]*graph.Store {
	t.Helper()
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	backends := []string{graph.BackendLevelDB, graph.BackendBolt, graph.BackendMemory, graph.BackendPostgres}
	out := map[string]*graph.Store{}
	for _, backend := range backends {
		for _, calendar := range []bool{true, false} {
			opt := graph.Options{Backend: backend, Path: filepath.Join(t.TempDir(), "kg.db")}
			if backend == graph.BackendPostgres {
				if os.Getenv("KG_TEST_POSTGRES") == "" {
					continue // pgtest.Database would skip the whole test
				}
				opt.Path = pgtest.Database(t)
			}
			s := openStoreAt(t, opt)
			t.Cleanup(func() { s.Close() })
			if calendar {
				if err := s.EnsureCalendar(ctx); err != nil {
					t.Fatal(err)
				}
			}
			for _, q := range quads {
				if err := s.Write(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			out[fmt.Sprintf("%s/calendar=%v", backend, calendar)] = s
		}
	}
	return out
}

func TestFactsMeetings(t *testing.T) {
	ctx := context.Background()
	for name, s := range seedStores(t) {
		t.Run(name, func(t *testing.T) {
			f := s.Facts()
			find := func(n string) []quad.IRI {
				ps, err := f.FindPeople(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				var out []quad.IRI
				for _, p := range ps {
					out = append(out, p.IRI)
				}
				return out
			}
			for _, tc := range []struct {
				name   string
				filter graph.MeetingFilter
				want   []string
			}{
				{"all", graph.MeetingFilter{}, []string{
					"2020-12-08 Ali Shamkhani+Faisal al-Mekdad [003_07f9cb30cefc7fda]",
					"2020-12-08 Amir Hatami+Faisal al-Mekdad [003_07f9cb30cefc7fda]",
					"2020-12-08 Faisal al-Mekdad+Hassan Rouhani [003_07f9cb30cefc7fda]",
					"2020-12-07 Faisal al-Mekdad+Mohammad Bagher Ghalibaf [003_07f9cb30cefc7fda]",
					"2017-02-07 Adel Abdul Mahdi+Ali Akbar Velayati [004_40a047d0b804c451]",
					"2017-01-18 Hassan Rouhani+Imad Khamis [000_f7356908f0a07a4a 001_bde1dc2722e06bb9]",
					"2017-01-01 Ali Akbar Velayati+Walid al-Muallem [002_a7a2dea42ed54148]",
					" Ali Akbar Velayati+Imad Khamis [000_f7356908f0a07a4a 001_bde1dc2722e06bb9]",
					" Ali Larijani+Walid al-Muallem [002_a7a2dea42ed54148]",
				}},
				{"a month", graph.MeetingFilter{Range: schema.DateRange{From: "2017-01", To: "2017-01"}}, []string{
					"2017-01-18 Hassan Rouhani+Imad Khamis [000_f7356908f0a07a4a 001_bde1dc2722e06bb9]",
					"2017-01-01 Ali Akbar Velayati+Walid al-Muallem [002_a7a2dea42ed54148]",
				}},
				{"from a day on", graph.MeetingFilter{Range: schema.DateRange{From: "2020-12-08"}}, []string{
					"2020-12-08 Ali Shamkhani+Faisal al-Mekdad [003_07f9cb30cefc7fda]",
					"2020-12-08 Amir Hatami+Faisal al-Mekdad [003_07f9cb30cefc7fda]",
					"2020-12-08 Faisal al-Mekdad+Hassan Rouhani [003_07f9cb30cefc7fda]",
				}},
				{"a person", graph.MeetingFilter{People: find("Velayati")}, []string{
					"2017-02-07 Adel Abdul Mahdi+Ali Akbar Velayati [004_40a047d0b804c451]",
					"2017-01-01 Ali Akbar Velayati+Walid al-Muallem [002_a7a2dea42ed54148]",
					" Ali Akbar Velayati+Imad Khamis [000_f7356908f0a07a4a 001_bde1dc2722e06bb9]",
				}},
				{"a person with another, in a range", graph.MeetingFilter{People: find("Mekdad"), With: find("Rohani"), Range: schema.DateRange{To: "2020-12"}}, []string{
					"2020-12-08 Faisal al-Mekdad+Hassan Rouhani [003_07f9cb30cefc7fda]",
				}},
			} {
				var got []string
				err := f.Meetings(ctx, tc.filter, func(m *graph.Meeting) error {
					var names []string
					for _, p := range m.People {
						names = append(names, p.Name)
					}
					got = append(got, fmt.Sprintf("%s %s %v", m.Date, strings.Join(names, "+"), m.Sources))
					return nil
				})
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
					t.Errorf("%s:\ngot\n  %s\nwant\n  %s", tc.name, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
				}
			}
			if complete, _ := s.CalendarComplete(ctx); f.Slow == complete {
				t.Errorf("Slow = %v with a calendar complete = %v: the calendar was not (or needlessly not) used", f.Slow, complete)
			}
		})
	}
}

func TestFactsPeopleAndOffices(t *testing.T) {
	ctx := context.Background()
	for name, s := range seedStores(t) {
		t.Run(name, func(t *testing.T) {
			f := s.Facts()
			all, err := f.AllPeople(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != 17 || all[0].Name != "Adel Abdul Mahdi" || all[16].Name != "Walid al-Muallem" {
				t.Errorf("AllPeople: %d people from %v to %v, want the 17 of the gold annotation by name", len(all), all[0], all[len(all)-1])
			}
			found, err := f.FindPeople(ctx, "Walid Moallem")
			if err != nil || len(found) != 1 {
				t.Fatalf("FindPeople(Walid Moallem) = %v, %v: want Walid al-Muallem", found, err)
			}
			p, err := f.Person(ctx, found[0])
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != "Walid al-Muallem" || len(p.Roles) != 2 || !p.Roles[0].Current || p.Roles[1].Current {
				t.Errorf("Person = %+v: want Walid al-Muallem, his current office before his former one", p)
			}
			sources, err := f.Mentions(ctx, found[0].IRI)
			if err != nil || strings.Join(sources, ",") != "002_a7a2dea42ed54148,003_07f9cb30cefc7fda" {
				t.Errorf("Mentions = %v, %v", sources, err)
			}
			offices, err := f.Offices(ctx, found)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range offices {
				got = append(got, fmt.Sprintf("%s %s %v %v", o.Role.Title, o.Role.Of, o.Role.Current, o.Reported))
			}
			if want := "Foreign Minister Syria true [2017-01-01]|Foreign Minister Syria false [2020-12-08]"; strings.Join(got, "|") != want {
				t.Errorf("Offices = %v, want %s", got, want)
			}
			nobody, err := f.FindPeople(ctx, "Nobody Atall")
			if err != nil || len(nobody) != 0 {
				t.Errorf("FindPeople(Nobody Atall) = %v, %v: want nobody", nobody, err)
			}
		})
	}
}

func TestFactsEvents(t *testing.T) {
	ctx := context.Background()
	for name, s := range seedStores(t) {
		t.Run(name, func(t *testing.T) {
			var got []string
			err := s.Facts().Events(ctx, graph.EventFilter{Range: schema.DateRange{From: "2016-12", To: "2016-12"}}, func(e *graph.Event) error {
				got = append(got, e.Date+" "+e.Head+" "+e.Place)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := "2016-12-20 declaration Moscow|2016-12-30 ceasefire Syria|2016-12-30 halt Syria"; strings.Join(got, "|") != want {
				t.Errorf("Events in December 2016 = %v, want %s", got, want)
			}
		})
	}
}

// A store made before kg kept a calendar gets a complete one from
// RebuildCalendar, after which the answers come from it.
func TestRebuildCalendar(t *testing.T) {
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	s := openStoreAt(t, graph.Options{Backend: graph.BackendLevelDB, Path: filepath.Join(t.TempDir(), "kg.db")})
	defer s.Close()
	for _, q := range quads {
		var old []quad.Quad // the quads an older kg wrote: no calendar
		for _, x := range q {
			if x.Subject != schema.Calendar {
				old = append(old, x)
			}
		}
		if err := s.Write(ctx, old); err != nil {
			t.Fatal(err)
		}
	}
	if ok, err := s.CalendarComplete(ctx); err != nil || ok {
		t.Fatalf("CalendarComplete before = %v, %v; want false", ok, err)
	}
	if err := s.EnsureCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.CalendarComplete(ctx); err != nil || !ok {
		t.Fatalf("CalendarComplete after EnsureCalendar = %v, %v; want true", ok, err)
	}
	f := s.Facts()
	n := 0
	if err := f.Meetings(ctx, graph.MeetingFilter{}, func(*graph.Meeting) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 9 || f.Slow {
		t.Errorf("after the rebuild: %d meetings (want 9, undated ones too), slow = %v", n, f.Slow)
	}
}

// A restore leaves a complete calendar whatever the dump: here one of a
// store made before kg kept a calendar.
func TestRestoreKeepsTheCalendarComplete(t *testing.T) {
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	old := openStoreAt(t, graph.Options{Backend: graph.BackendMemory})
	defer old.Close()
	for _, q := range quads {
		var noCalendar []quad.Quad
		for _, x := range q {
			if x.Subject != schema.Calendar {
				noCalendar = append(noCalendar, x)
			}
		}
		if err := old.Write(ctx, noCalendar); err != nil {
			t.Fatal(err)
		}
	}
	var dump bytes.Buffer
	if _, err := old.Dump(ctx, &dump); err != nil {
		t.Fatal(err)
	}
	s := openStoreAt(t, graph.Options{Backend: graph.BackendLevelDB, Path: filepath.Join(t.TempDir(), "kg.db")})
	defer s.Close()
	if _, err := s.Restore(ctx, &dump, graph.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.CalendarComplete(ctx); err != nil || !ok {
		t.Fatalf("CalendarComplete after restoring an old dump = %v, %v; want true", ok, err)
	}
	f := s.Facts()
	n := 0
	if err := f.Meetings(ctx, graph.MeetingFilter{Range: schema.DateRange{From: "2017"}}, func(*graph.Meeting) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 7 || f.Slow {
		t.Errorf("dated meetings after the restore: %d (want 7), slow %v", n, f.Slow)
	}
}

// A fact whose date was changed (its date quad removed, another written)
// is answered under its new date only, however the store indexes removed
// quads; one whose date quad was removed and written again, once.
func TestFactsMeetingsAfterRemovedQuads(t *testing.T) {
	ctx := context.Background()
	on := func(f *graph.Facts, from, to string) []string {
		t.Helper()
		var got []string
		err := f.Meetings(ctx, graph.MeetingFilter{Range: schema.DateRange{From: from, To: to}}, func(m *graph.Meeting) error {
			got = append(got, m.Date+" "+string(m.Node))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for name, s := range seedStores(t) {
		t.Run(name, func(t *testing.T) {
			before := on(s.Facts(), "2017-01-01", "2017-01-01")
			if len(before) != 1 {
				t.Fatalf("meetings of 2017-01-01 = %v, want the one of the seeds", before)
			}
			node := quad.IRI(strings.Fields(before[0])[1])
			old := quad.Quad{Subject: node, Predicate: schema.Date, Object: quad.String("2017-01-01")}
			moved := quad.Quad{Subject: node, Predicate: schema.Date, Object: quad.String("2017-01-02")}
			listed := quad.Quad{Subject: schema.Calendar, Predicate: schema.HasDate, Object: quad.String("2017-01-02")}
			if err := s.Remove(ctx, []quad.Quad{old}); err != nil {
				t.Fatal(err)
			}
			if err := s.Write(ctx, []quad.Quad{moved, listed}); err != nil {
				t.Fatal(err)
			}
			if got := on(s.Facts(), "2017-01-01", "2017-01-01"); len(got) != 0 {
				t.Errorf("after its date changed, meetings of 2017-01-01 = %v, want none", got)
			}
			if got := on(s.Facts(), "2017-01-02", "2017-01-02"); strings.Join(got, "|") != "2017-01-02 "+string(node) {
				t.Errorf("after its date changed, meetings of 2017-01-02 = %v, want %s", got, node)
			}
			if err := s.Remove(ctx, []quad.Quad{moved}); err != nil {
				t.Fatal(err)
			}
			if err := s.Write(ctx, []quad.Quad{old}); err != nil {
				t.Fatal(err)
			}
			if got := on(s.Facts(), "", ""); strings.Count(strings.Join(got, "|"), string(node)) != 1 {
				t.Errorf("after its date came back, every meeting = %v: want %s once", got, node)
			}
			if got := on(s.Facts(), "2017-01-01", "2017-01-02"); strings.Join(got, "|") != "2017-01-01 "+string(node) {
				t.Errorf("after its date came back, meetings of 2017-01-01 and 02 = %v, want %s once", got, node)
			}
		})
	}
}
