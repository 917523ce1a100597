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

func sameAs(from, into string) quad.Quad {
	return quad.Quad{Subject: schema.PersonIRI(from), Predicate: schema.SameAs, Object: schema.PersonIRI(into), Label: schema.ManualLabel}
}

func sameAsLine(from, into string) string { return sameAs(from, into).NQuad() + "\n" }

// Restore refuses the kg:sameAs records that would leave the merges
// without a person to stand for: a loop, a node merged into itself or into
// a second person. What came before stays.
func TestRestoreRefusesBrokenMerges(t *testing.T) {
	cases := []struct {
		name, stored, input, want string
	}{
		{"two-node loop", "", sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Bob Baker", "Ann Able"), "would close a loop"},
		{"three-node loop", "", sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Bob Baker", "Cy Cole") + sameAsLine("Cy Cole", "Ann Able"), "would close a loop"},
		{"loop with the store", sameAsLine("Ann Able", "Bob Baker"), sameAsLine("Bob Baker", "Ann Able"), "would close a loop"},
		{"into itself", "", sameAsLine("Ann Able", "Ann Able"), "into itself"},
		{"into a second person", sameAsLine("Ann Able", "Bob Baker"), sameAsLine("Ann Able", "Cy Cole"), "merged into <kg:person/"},
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
	// Merges in a chain are fine, and restoring them twice too.
	s := relStore(t, graph.BackendMemory)
	chain := sameAsLine("Ann Able", "Bob Baker") + sameAsLine("Bob Baker", "Cy Cole")
	for range 2 {
		if _, err := s.Restore(context.Background(), strings.NewReader(chain), graph.RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// A loop of merges already in a store (written before kg refused them)
// does not stop loads: its people are left as named. kg can show the loop
// and break it, keeping the person with the most facts, and then finishes
// the merges so that everything lands on that person.
func TestSameAsLoopShownAndBroken(t *testing.T) {
	ctx := context.Background()
	s := relStore(t, graph.BackendMemory)
	ann := schema.Facts{ID: "a1", People: []schema.Person{{Name: "Ann Able"}, {Name: "Dee Dunn"}},
		Meetings: []schema.Meeting{{Participants: []string{"Ann Able", "Dee Dunn"}, Date: schema.Str("2020-01-02"), Kind: schema.KindMeeting, Evidence: "Ann Able met Dee Dunn."}}}
	bob := schema.Facts{ID: "a2", People: []schema.Person{{Name: "Bob Baker"}}}
	aliasLoad(t, s, []schema.Facts{ann, bob})
	if err := s.Write(ctx, []quad.Quad{sameAs("Ann Able", "Bob Baker"), sameAs("Bob Baker", "Ann Able")}); err != nil {
		t.Fatal(err)
	}
	loops, err := s.SameAsLoops(ctx)
	if err != nil || len(loops) != 1 || len(loops[0]) != 2 {
		t.Fatalf("SameAsLoops = %v, %v; want the one loop of two", loops, err)
	}
	var loopErr *graph.SameAsLoopError
	if _, err := s.Canonical(ctx, schema.PersonIRI("Ann Able")); !errors.As(err, &loopErr) {
		t.Errorf("Canonical on the loop: %v, want a SameAsLoopError", err)
	}
	// A load naming them goes on, leaving them as named.
	later := schema.Quads(schema.Article{ID: "a3"}, schema.Facts{ID: "a3", People: []schema.Person{{Name: "Ann Able"}}})
	got, err := s.Redirect(ctx, later)
	if err != nil {
		t.Fatalf("Redirect with a loop in the store: %v", err)
	}
	if len(got) != len(later) {
		t.Errorf("Redirect changed the quads of a person on a loop")
	}
	// Break it: Ann, with the meeting, has the most facts and stays.
	done, err := s.Repair(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 2 || !strings.Contains(done[0], "broke the loop") || !strings.Contains(done[1], "finished merging "+schema.PersonIRI("Bob Baker").String()) {
		t.Errorf("Repair did %q", done)
	}
	report, err := s.Check(ctx)
	if err != nil || report.Inconsistent() || report.Damaged() {
		t.Errorf("after repair: %+v, %v", report, err)
	}
	for _, name := range []string{"Ann Able", "Bob Baker"} {
		if got := mustFind(t, s, name); got != schema.PersonIRI("Ann Able") {
			t.Errorf("FindPerson(%s) = %s after repair, want Ann Able's node", name, got)
		}
	}
}

// A merge left half done — the merged-away node still has quads of its own,
// as when a load wrote about it while kg alias ran — is found by the name
// of that node and finished by merging again.
func TestMergeFinishesHalfDoneMerge(t *testing.T) {
	ctx := context.Background()
	s := relStore(t, graph.BackendMemory)
	aliasLoad(t, s, aliasFacts())
	from, into := mustFind(t, s, "Abu Mazen"), mustFind(t, s, "Mahmoud Abbas")
	if _, err := s.Merge(ctx, from, into); err != nil {
		t.Fatal(err)
	}
	// What a load racing the merge left: a report on the old node, without
	// the descriptions that make it a person.
	stray := quad.Quad{Subject: schema.ArticleIRI("a9"), Predicate: schema.Mentions, Object: from, Label: schema.ArticleIRI("a9")}
	if err := s.Write(ctx, []quad.Quad{stray}); err != nil {
		t.Fatal(err)
	}
	half, err := s.HalfDoneMerges(ctx)
	if err != nil || len(half) != 1 || half[0].From != from || half[0].Into != into || half[0].Quads != 1 {
		t.Fatalf("HalfDoneMerges = %+v, %v", half, err)
	}
	p, err := s.FindPerson(ctx, "Abu Mazen")
	if err != nil || p.IRI != from {
		t.Fatalf("FindPerson(Abu Mazen) = %v, %v; want the half-merged node, so that merging again finishes", p, err)
	}
	moved, err := s.Merge(ctx, from, into)
	if err != nil || moved != 1 {
		t.Fatalf("merging again: %d, %v; want the stray quad moved", moved, err)
	}
	if half, _ := s.HalfDoneMerges(ctx); len(half) != 0 {
		t.Errorf("still half done: %+v", half)
	}
	want := quad.Quad{Subject: stray.Subject, Predicate: stray.Predicate, Object: into, Label: stray.Label}
	if !relHasQuad(t, s, want) {
		t.Errorf("the stray report did not move to %s", into)
	}
	if _, err := s.Merge(ctx, from, into); err == nil || !strings.Contains(err.Error(), "already merged") {
		t.Errorf("merging a third time: %v, want 'already merged'", err)
	}
}
