package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// join is the pair of quads that joins from to into, as kg writes them:
// the kg:sameAs and its entry under kg:identity.
func join(from, into string, label quad.IRI) []quad.Quad {
	return []quad.Quad{
		{Subject: schema.PersonIRI(from), Predicate: schema.SameAs, Object: schema.PersonIRI(into), Label: label},
		{Subject: schema.Identity, Predicate: schema.Joined, Object: schema.PersonIRI(from), Label: label},
	}
}

func sameAsLine(from, into string) string {
	return join(from, into, schema.ResolverLabel)[0].NQuad() + "\n"
}

// Item 6. Restore refuses the joins that would leave people without a
// person to stand for: a loop, or a person joined to themself. What came
// before stays.
func TestRestoreRefusesJoinLoops(t *testing.T) {
	cases := []struct {
		name, stored, input, want string
	}{
		{"two-node loop", "", sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Bob Baker", "Ann Able"), "would close a loop"},
		{"three-node loop", "", sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Bob Baker", "Cy Cole") + sameAsLine("Cy Cole", "Ann Able"), "would close a loop"},
		{"loop with the store", sameAsLine("Ann Able", "Bob Baker"), sameAsLine("Bob Baker", "Ann Able"), "would close a loop"},
		{"loop through a second join", sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Ann Able", "Cy Cole"), sameAsLine("Cy Cole", "Ann Able"), "would close a loop"},
		{"into itself", "", sameAsLine("Ann Able", "Ann Able"), "to itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			s := relStore(t, graph.BackendMemory)
			if c.stored != "" {
				if _, err := s.Restore(ctx, strings.NewReader(c.stored), graph.RestoreOptions{}); err != nil {
					t.Fatal(err)
				}
			}
			_, err := s.Restore(ctx, strings.NewReader(c.input), graph.RestoreOptions{})
			var pe *graph.ParseError
			if !errors.As(err, &pe) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want a ParseError saying %q", err, c.want)
			}
			if loops, err := s.SameAsLoops(ctx); err != nil || len(loops) > 0 {
				t.Errorf("loops after the refusal: %v %v", loops, err)
			}
		})
	}
	// Joins in a chain are fine, and restoring them twice too.
	s := relStore(t, graph.BackendMemory)
	chain := sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Bob Baker", "Cy Cole")
	for range 2 {
		if _, err := s.Restore(context.Background(), strings.NewReader(chain), graph.RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// Item 6. A loop of joins already in a store (written before kg refused
// them) stops nothing: loads resolve, answers take each of its people as
// themself. kg check shows the loop and Repair breaks it: the person the
// most quads name keeps their own identity, and a join made by kg alias is
// undone as a correction, so that Reconcile does not bring it back.
func TestSameAsLoopShownAndBroken(t *testing.T) {
	ctx := context.Background()
	zarifIRI, lavrovIRI := schema.PersonIRI("Mohammad Javad Zarif"), schema.PersonIRI("Sergei Lavrov")
	for _, kind := range []string{"joins of an older kg", "a join by kg alias"} {
		t.Run(kind, func(t *testing.T) {
			s := relStore(t, graph.BackendMemory)
			load(t, s, zarifFull)
			load(t, s, art("lavrov-solo", "Tass", "2020-01-02", "Lavrov", schema.Facts{People: []person{{Name: "Sergei Lavrov"}}}))
			// Zarif, named by the most quads, joined to Lavrov, and back.
			if kind == "joins of an older kg" {
				if err := s.Write(ctx, join("Mohammad Javad Zarif", "Sergei Lavrov", schema.ManualLabel)); err != nil {
					t.Fatal(err)
				}
			} else if _, err := s.Alias(ctx, zarifIRI, lavrovIRI, jane()); err != nil {
				t.Fatal(err)
			}
			if err := s.Write(ctx, join("Sergei Lavrov", "Mohammad Javad Zarif", schema.ManualLabel)); err != nil {
				t.Fatal(err)
			}
			loops, err := s.SameAsLoops(ctx)
			if err != nil || len(loops) != 1 || len(loops[0]) != 2 {
				t.Fatalf("SameAsLoops = %v, %v; want the one loop of two", loops, err)
			}
			report, err := s.Check(ctx)
			if err != nil || len(report.Loops) != 1 || !report.Inconsistent() {
				t.Fatalf("Check with a loop: %+v, %v", report, err)
			}
			// Loads and answers go on.
			load(t, s, zarif)
			if ms, err := s.Facts().MeetingsOf(ctx, zarifIRI); err != nil || len(ms) == 0 {
				t.Fatalf("meetings of Zarif on a loop: %v, %v", ms, err)
			}
			done, err := s.Repair(ctx)
			if err != nil || len(done) < 2 || !strings.Contains(done[0], "broke the loop") {
				t.Fatalf("Repair did %q, %v", done, err)
			}
			if kind == "a join by kg alias" && !strings.Contains(done[0], "undid alias") {
				t.Errorf("Repair did %q; want the alias undone", done)
			}
			if report, err := s.Check(ctx); err != nil || report.Inconsistent() || report.Damaged() {
				t.Errorf("after repair: %+v, %v", report, err)
			}
			// Lavrov now leads to Zarif, who stands alone, and a reconcile
			// (the next load or correction) keeps it that way.
			if err := s.Reconcile(ctx); err != nil {
				t.Fatal(err)
			}
			for _, p := range []quad.IRI{zarifIRI, lavrovIRI} {
				got, err := s.Facts().PersonOf(ctx, p)
				if err != nil || got.IRI != zarifIRI {
					t.Errorf("PersonOf(%s) = %v, %v after repair; want Zarif", p, got, err)
				}
			}
		})
	}
}

// Item 1. A load that joined a short name while kg alias, in another
// process, was joining the same name elsewhere left the person joined twice,
// and answers followed whichever join had the smaller IRI, not the one the
// user made. The next resolution removes kg's join beside a join made by
// hand: the user's correction wins.
func TestResolutionGivesWayToAlias(t *testing.T) {
	ctx := context.Background()
	short := schema.PeopleNodes(zarif.f)["Zarif"]
	full, chosen := schema.PersonIRI("Mohammad Javad Zarif"), schema.PersonIRI("Sergei Lavrov")
	if !(full < chosen) {
		t.Fatal("the test needs kg's join to have the smaller IRI")
	}
	s := relStore(t, graph.BackendMemory)
	load(t, s, zarif)
	load(t, s, art("lavrov-solo", "Tass", "2020-01-02", "Lavrov", schema.Facts{People: []person{{Name: "Sergei Lavrov"}}}))
	if _, err := s.Alias(ctx, short, chosen, jane()); err != nil {
		t.Fatal(err)
	}
	load(t, s, zarifFull)
	// What the load that raced the alias wrote: kg's own join of Zarif.
	if err := s.Write(ctx, []quad.Quad{
		{Subject: short, Predicate: schema.SameAs, Object: full, Label: schema.ResolverLabel},
		{Subject: schema.Identity, Predicate: schema.Joined, Object: short, Label: schema.ResolverLabel},
	}); err != nil {
		t.Fatal(err)
	}
	report, err := s.Check(ctx)
	if err != nil || len(report.JoinedTwice[short]) != 2 {
		t.Fatalf("Check: %+v, %v; want Zarif joined twice", report, err)
	}
	// The next batch of any load resolves the name again.
	if _, err := s.Resolve(ctx, []quad.IRI{full}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Facts().PersonOf(ctx, short)
	if err != nil || got.IRI != chosen {
		t.Errorf("PersonOf(Zarif) = %v, %v; want %s, as kg alias said", got, err, chosen)
	}
	if report, err := s.Check(ctx); err != nil || report.Inconsistent() {
		t.Errorf("after the resolution: %+v, %v", report, err)
	}
}
