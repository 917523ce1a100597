package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

var (
	sHillary = "Secretary of State Hillary Clinton met Chinese Foreign Minister Yang Jiechi in Hanoi on Friday."
	hillary  = art("hillary-yang", "BBC", "2010-07-24", "Clinton meets Yang", schema.Facts{
		People:   []person{{Name: "Hillary Clinton"}, {Name: "Yang Jiechi"}},
		Roles:    []schema.Role{role("Hillary Clinton", "Secretary of State", "United States", true, sHillary)},
		Meetings: []schema.Meeting{met("2010-07-23", "Hanoi", sHillary, "Hillary Clinton", "Yang Jiechi")},
	})
	sMazen = "President Abu Mazen received Secretary of State John Kerry in Ramallah."
	mazen  = art("mazen-kerry", "WAFA", "2014-03-17", "President receives Kerry", schema.Facts{
		People:   []person{{Name: "Abu Mazen"}, {Name: "John Kerry"}},
		Roles:    []schema.Role{role("Abu Mazen", "President", "Palestine", true, sMazen)},
		Meetings: []schema.Meeting{met("2014-03-17", "Ramallah", sMazen, "Abu Mazen", "John Kerry")},
	})
	sAbbas = "Palestinian President Mahmoud Abbas met Egyptian President Abdel Fattah el-Sisi in Cairo."
	abbas  = art("abbas-sisi", "Ahram", "2019-05-01", "Sisi receives Abbas", schema.Facts{
		People:   []person{{Name: "Mahmoud Abbas"}, {Name: "Abdel Fattah el-Sisi"}},
		Roles:    []schema.Role{role("Mahmoud Abbas", "President", "Palestine", true, sAbbas)},
		Meetings: []schema.Meeting{met("2019-05-01", "Cairo", sAbbas, "Mahmoud Abbas", "Abdel Fattah el-Sisi")},
	})
)

// allQuads lists every stored quad, as kg dump writes it, sorted.
func allQuads(t *testing.T, s *graph.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.Dump(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	sort.Strings(lines)
	return lines
}

// diff lists the lines of b not in a.
func diff(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range a {
		in[x] = true
	}
	var out []string
	for _, x := range b {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

// clock gives the corrections of a test their times, a second apart, as
// they would be made.
var clock = time.Date(2025, 1, 2, 15, 4, 5, 0, time.UTC)

// jane makes the corrections of the tests.
func jane() graph.Author {
	clock = clock.Add(time.Second)
	return graph.Author{By: "jane", Why: "checked the wire copy", At: clock}
}

// TestAliasUndo: kg alias "Hillary Clinton" "Bill Clinton" (a mistake)
// joins them in every answer; undoing it restores the answers and the
// quads exactly, the two corrections aside.
func TestAliasUndo(t *testing.T) {
	ctx := context.Background()
	onEveryBackend(t, []article{clintons, clinton, hillary}, func(t *testing.T, s *graph.Store, open func() *graph.Store) {
		beforeAnswers, beforeQuads := answers(t, s), allQuads(t, s)
		alias, err := s.Alias(ctx, schema.PersonIRI("Hillary Clinton"), schema.PersonIRI("Bill Clinton"), jane())
		if err != nil {
			t.Fatal(err)
		}
		got := answers(t, s)
		for _, w := range []string{
			// "Clinton" alone now fits one person only.
			"person Bill Clinton [Secretary of State of United States; President of United States] joined [Clinton; Hillary Clinton]",
			"meeting 2010-07-23 Hanoi [Bill Clinton; Yang Jiechi] from hillary-yang",
			"meeting 2010-09-19 New York [Bill Clinton; Kofi Annan] from clinton-annan,clintons",
		} {
			if !strings.Contains(got, w) {
				t.Errorf("after the alias, answers lack %q:\n%s", w, got)
			}
		}
		if strings.Contains(got, "person Hillary Clinton") {
			t.Errorf("after the alias, Hillary Clinton is still a person of her own:\n%s", got)
		}
		if _, err := s.Undo(ctx, alias.ID, jane()); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); got != beforeAnswers {
			t.Errorf("after the undo, answers\n%s\nwant, as before the alias,\n%s", got, beforeAnswers)
		}
		after := allQuads(t, s)
		if gone := diff(after, beforeQuads); len(gone) > 0 {
			t.Errorf("the alias and its undo lost quads: %q", gone)
		}
		for _, q := range diff(beforeQuads, after) {
			if !strings.HasSuffix(q, "<kg:corrections> .") {
				t.Errorf("the alias and its undo left %s", q)
			}
		}
		all, err := s.Corrections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[0].Action != schema.ActionAlias || all[0].UndoneBy != all[1].ID || all[1].Undoes != alias.ID ||
			all[0].By != "jane" || all[0].Why != "checked the wire copy" || !strings.HasPrefix(all[0].At, "2025-01-02T15:") {
			t.Errorf("corrections = %+v", all)
		}
		if _, err := s.Undo(ctx, alias.ID, jane()); err == nil {
			t.Error("undoing an alias twice succeeded")
		}
	})
}

// TestAliasHoldsForLaterArticles: a kunya joined by hand stays joined
// when more articles name it, and survives reopening the store.
func TestAliasHoldsForLaterArticles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	opt := graph.Options{Backend: graph.BackendLevelDB, Path: filepath.Join(dir, "kg.db")}
	s := openStoreAt(t, opt)
	load(t, s, abbas)
	if _, err := s.Alias(ctx, schema.PersonIRI("Mahmoud Abbas"), schema.PersonIRI("Mahmoud Abbas"), jane()); err == nil {
		t.Error("joining a person to themself succeeded")
	}
	load(t, s, mazen)
	if _, err := s.Alias(ctx, schema.PersonIRI("Abu Mazen"), schema.PersonIRI("Mahmoud Abbas"), jane()); err != nil {
		t.Fatal(err)
	}
	later := art("mazen-later", "WAFA", "2015-01-01", "Abu Mazen meets Kerry", schema.Facts{
		People:   []person{{Name: "Abu Mazen"}, {Name: "John Kerry"}},
		Meetings: []schema.Meeting{met("2014-03-17", "Ramallah", "Abu Mazen met Kerry.", "Abu Mazen", "John Kerry")},
	})
	load(t, s, later)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStoreAt(t, opt)
	defer s.Close()
	got := answers(t, s)
	for _, w := range []string{
		"person Mahmoud Abbas [President of Palestine] joined [Abu Mazen]",
		"meeting 2014-03-17 Ramallah [John Kerry; Mahmoud Abbas] from mazen-kerry,mazen-later",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("answers lack %q:\n%s", w, got)
		}
	}
	if _, err := s.Alias(ctx, schema.PersonIRI("Abu Mazen"), schema.PersonIRI("John Kerry"), jane()); err == nil {
		t.Error("joining a person already joined succeeded")
	}
}

// TestRetract: a retracted meeting leaves every answer, stays out when an
// article reports it again, is still shown by Fact, and comes back on undo.
func TestRetract(t *testing.T) {
	ctx := context.Background()
	onEveryBackend(t, []article{zarifFull, javad, zarif}, func(t *testing.T, s *graph.Store, open func() *graph.Store) {
		before := answers(t, s)
		moscow := "meeting 2019-12-30 Moscow [Mohammad Javad Zarif; Sergei Lavrov] from javad-lavrov,zarif-lavrov"
		if !strings.Contains(before, moscow) {
			t.Fatalf("answers lack %q:\n%s", moscow, before)
		}
		f := s.Facts()
		var nodes []quad.IRI
		err := f.Meetings(ctx, graph.MeetingFilter{Range: schema.DateRange{From: "2019-12-30", To: "2019-12-30"}}, func(m *graph.Meeting) error {
			nodes = m.Nodes
			return nil
		})
		if err != nil || len(nodes) != 2 {
			t.Fatalf("the Moscow meeting's nodes: %v, %v; want two (two forms of Zarif's name)", nodes, err)
		}
		corr, err := s.Retract(ctx, nodes, jane())
		if err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); strings.Contains(got, "Moscow") {
			t.Errorf("after the retraction, answers hold the meeting:\n%s", got)
		}
		// The same article again, and a new one reporting it.
		again := art("zarif-lavrov-2", "RIA", "2019-12-31", "Zarif and Lavrov", zarifFull.f)
		load(t, s, zarifFull, again)
		if got := answers(t, s); strings.Contains(got, "Moscow") {
			t.Errorf("reloaded, answers hold the retracted meeting:\n%s", got)
		}
		fact, err := s.Facts().Fact(ctx, nodes[0])
		if err != nil || fact.Meeting == nil || !fact.Meeting.Retracted || len(fact.Meeting.Evidence) != 3 {
			t.Errorf("Fact(%s) = %+v, %v; want the meeting, retracted, with its three reports", nodes[0], fact.Meeting, err)
		}
		if _, err := s.Undo(ctx, corr.ID, jane()); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); !strings.Contains(got, "meeting 2019-12-30 Moscow [Mohammad Javad Zarif; Sergei Lavrov] from javad-lavrov,zarif-lavrov,zarif-lavrov-2") {
			t.Errorf("after the undo, answers lack the meeting:\n%s", got)
		}
		if _, err := s.Retract(ctx, []quad.IRI{schema.PersonIRI("Sergei Lavrov")}, jane()); err == nil {
			t.Error("retracting a person succeeded")
		}
	})
}

// zarifNode is the node of "Foreign Minister Zarif" of Iran.
var zarifNode = schema.PeopleNodes(zarif.f)["Zarif"]

// TestSplit: a short name kg joined is split off and kept apart, whatever
// is loaded after; undoing the split lets kg join it again.
func TestSplit(t *testing.T) {
	ctx := context.Background()
	onEveryBackend(t, []article{zarifFull, zarif}, func(t *testing.T, s *graph.Store, open func() *graph.Store) {
		joined := "person Mohammad Javad Zarif [Foreign Minister of Iran] joined [Zarif]"
		if got := answers(t, s); !strings.Contains(got, joined) {
			t.Fatalf("answers lack %q:\n%s", joined, got)
		}
		corr, err := s.Split(ctx, zarifNode, jane())
		if err != nil {
			t.Fatal(err)
		}
		if corr.Into != schema.PersonIRI("Mohammad Javad Zarif") {
			t.Errorf("split from %s, want Mohammad Javad Zarif", corr.Into)
		}
		apart := "person Zarif [Foreign Minister of ] joined []"
		load(t, s, art("zarif-again", "IRNA", "2020-01-02", "Zarif again", zarif.f))
		if got := answers(t, s); !strings.Contains(got, apart) || strings.Contains(got, joined) {
			t.Errorf("after the split and a later load, answers\n%s\nwant %q", got, apart)
		}
		if _, err := s.Split(ctx, zarifNode, jane()); err == nil {
			t.Error("splitting a person joined to nobody succeeded")
		}
		if _, err := s.Undo(ctx, corr.ID, jane()); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); !strings.Contains(got, joined) {
			t.Errorf("after undoing the split, answers lack %q:\n%s", joined, got)
		}
	})
}

// TestSplitOfAlias: splitting a person joined by hand reverses the alias;
// undoing the split brings the alias back.
func TestSplitOfAlias(t *testing.T) {
	ctx := context.Background()
	onEveryBackend(t, []article{abbas, mazen}, func(t *testing.T, s *graph.Store, open func() *graph.Store) {
		alias, err := s.Alias(ctx, schema.PersonIRI("Abu Mazen"), schema.PersonIRI("Mahmoud Abbas"), jane())
		if err != nil {
			t.Fatal(err)
		}
		split, err := s.Split(ctx, schema.PersonIRI("Abu Mazen"), jane())
		if err != nil {
			t.Fatal(err)
		}
		if split.Undoes != alias.ID {
			t.Errorf("the split reverses %s, want the alias %s", split.Undoes, alias.ID)
		}
		if got := answers(t, s); !strings.Contains(got, "person Abu Mazen [President of Palestine] joined []") {
			t.Errorf("after the split, Abu Mazen is not a person of his own:\n%s", got)
		}
		all, _ := s.Corrections(ctx)
		if len(all) != 2 || all[0].UndoneBy != split.ID {
			t.Errorf("corrections = %+v, want the alias undone by the split", all)
		}
		if _, err := s.Undo(ctx, split.ID, jane()); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); !strings.Contains(got, "person Mahmoud Abbas [President of Palestine] joined [Abu Mazen]") {
			t.Errorf("after undoing the split, the alias is not back:\n%s", got)
		}
	})
}

// TestCorrectionsSurviveDumpAndRestore: a dump restored into a new store
// answers the same, corrections included, and they can still be undone.
func TestCorrectionsSurviveDumpAndRestore(t *testing.T) {
	ctx := context.Background()
	onEveryBackend(t, []article{abbas, mazen, zarifFull, zarif, javad}, func(t *testing.T, s *graph.Store, open func() *graph.Store) {
		alias, err := s.Alias(ctx, schema.PersonIRI("Abu Mazen"), schema.PersonIRI("Mahmoud Abbas"), jane())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Split(ctx, schema.PersonIRI("Javad Zarif"), jane()); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := s.Dump(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		r := open()
		if _, err := r.Restore(ctx, &buf, graph.RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
		if a, b := answers(t, s), answers(t, r); a != b {
			t.Errorf("restored store answers\n%s\nwant\n%s", b, a)
		}
		was, _ := s.Corrections(ctx)
		is, err := r.Corrections(ctx)
		if err != nil || fmt.Sprintf("%+v", was) != fmt.Sprintf("%+v", is) {
			t.Errorf("restored corrections %+v, %v; want %+v", is, err, was)
		}
		if _, err := r.Undo(ctx, alias.ID, jane()); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, r); !strings.Contains(got, "person Abu Mazen") {
			t.Errorf("undone in the restored store, Abu Mazen is still joined:\n%s", got)
		}
	})
}

// TestReconcileFinishesACorrection: a correction written but not carried
// out (kg killed between its two transactions) is finished by the next
// Reconcile, which every correction and load runs first.
func TestReconcileFinishesACorrection(t *testing.T) {
	ctx := context.Background()
	onEveryBackend(t, []article{abbas, mazen}, func(t *testing.T, s *graph.Store, _ func() *graph.Store) {
		alias, err := s.Alias(ctx, schema.PersonIRI("Abu Mazen"), schema.PersonIRI("Mahmoud Abbas"), jane())
		if err != nil {
			t.Fatal(err)
		}
		// A split of the alias, recorded, its pins written, the join not
		// yet removed.
		split := quad.IRI("kg:correction/20250102T160000Z-000001")
		from, into := schema.PersonIRI("Abu Mazen"), schema.PersonIRI("Mahmoud Abbas")
		l := schema.CorrectionsLabel
		half := []quad.Quad{
			{Subject: split, Predicate: schema.Type, Object: schema.ClassCorrection, Label: l},
			{Subject: split, Predicate: schema.Action, Object: quad.String(schema.ActionSplit), Label: l},
			{Subject: split, Predicate: schema.At, Object: quad.String("2025-01-02T16:00:00Z"), Label: l},
			{Subject: split, Predicate: schema.Target, Object: from, Label: l},
			{Subject: split, Predicate: schema.Into, Object: into, Label: l},
			{Subject: split, Predicate: schema.Undoes, Object: alias.ID, Label: l},
			{Subject: from, Predicate: schema.DistinctFrom, Object: into, Label: split},
			{Subject: into, Predicate: schema.DistinctFrom, Object: from, Label: split},
		}
		if err := s.Write(ctx, half); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); !strings.Contains(got, "joined [Abu Mazen]") {
			t.Fatalf("before reconciling, the half-done split should leave the join:\n%s", got)
		}
		if err := s.Reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if got := answers(t, s); !strings.Contains(got, "person Abu Mazen [President of Palestine] joined []") {
			t.Errorf("after reconciling, the split is not carried out:\n%s", got)
		}
		before := allQuads(t, s)
		if err := s.Reconcile(ctx); err != nil {
			t.Fatal(err)
		}
		if after := allQuads(t, s); len(diff(before, after)) > 0 || len(diff(after, before)) > 0 {
			t.Errorf("reconciling twice changed the store: %q %q", diff(before, after), diff(after, before))
		}
	})
}
