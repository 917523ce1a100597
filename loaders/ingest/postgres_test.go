package ingest_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	_ "github.com/lib/pq"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/pgtest"
	"github.com/kg-project/kg/loaders/ingest"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/schema"
)

func TestPostgresLoadQueryReload(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, graph.BackendPostgres, pgtest.Database(t))
	defer s.Close()

	first, err := ingest.Load(ctx, s, []string{seedsJSONL}, ingest.Options{Extract: goldFacts(t)})
	if err != nil {
		t.Fatal(err)
	}
	count, err := s.ExactQuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Articles != 5 || first.Quads != count || count == 0 || first.People == 0 {
		t.Fatalf("load into PostgreSQL = %+v with %d quads stored", first, count)
	}

	meetings, err := queries.Get("meetings")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	err = s.Query(ctx, queries.Prelude()+meetings.Source, graph.QueryOptions{Args: queries.Args(map[string]string{"person": "Rouhani"})}, func(r any) error {
		b, _ := json.Marshal(r)
		found = append(found, string(b))
		return nil
	})
	if err != nil {
		t.Fatalf("meetings query on PostgreSQL: %v", err)
	}
	if !strings.Contains(strings.Join(found, "\n"), "Imad Khamis") {
		t.Errorf("meetings of Rouhani on PostgreSQL = %v; want the meeting with Imad Khamis", found)
	}

	second, err := ingest.Load(ctx, s, []string{seedsJSONL}, ingest.Options{Extract: goldFacts(t)})
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.ExactQuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again != count || second.Articles != 0 || second.Duplicates != 5 {
		t.Errorf("reload = %+v, %d quads stored (was %d); want nothing new", second, again, count)
	}
}

// buildKG compiles the kg command into a temporary folder.
func buildKG(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kg")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/kg-project/kg/cmd/kg")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build kg: %v\n%s", err, out)
	}
	return bin
}

// splitLines writes lines [from, to) of a JSON Lines file to a new file.
func splitLines(t *testing.T, path string, from, to int) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for i := 0; sc.Scan(); i++ {
		if i >= from && i < to {
			out.Write(sc.Bytes())
			out.WriteByte('\n')
		}
	}
	part := filepath.Join(t.TempDir(), fmt.Sprintf("part-%d-%d.jsonl", from, to))
	if err := os.WriteFile(part, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return part
}

// Two real kg load processes write overlapping inputs into one database at
// the same time, as loaders on two machines would: every article must be
// stored exactly once, and the store must equal that of a single load.
func TestPostgresTwoLoaderProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds kg and runs three loads")
	}
	shared := pgtest.Database(t)
	single := pgtest.Database(t)
	kg := buildKG(t)
	const n = 300
	all := copyCorpus(t, n)
	parts := []string{splitLines(t, all, 0, 200), splitLines(t, all, 100, n)}

	run := func(db string, input string) (string, error) {
		cmd := exec.Command(kg, "--backend", "postgres", "--db", db, "load", "--batch", "10", input)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	var wg sync.WaitGroup
	outs := make([]string, len(parts))
	errs := make([]error, len(parts))
	for i, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = run(shared, p)
		}()
	}
	wg.Wait()
	for i := range parts {
		if errs[i] != nil {
			t.Fatalf("loader %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	if out, err := run(single, all); err != nil {
		t.Fatalf("single loader: %v\n%s", err, out)
	}

	ctx := context.Background()
	a := openStore(t, graph.BackendPostgres, shared)
	defer a.Close()
	b := openStore(t, graph.BackendPostgres, single)
	defer b.Close()
	if got := articleCount(t, a); got != n {
		t.Errorf("two loaders stored %d articles, want %d\n%s\n%s", got, n, outs[0], outs[1])
	}
	qa, err := a.ExactQuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	qb, err := b.ExactQuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The 100 articles both parts hold were read from two files: each has
	// one location more than in the single load, and nothing else differs.
	if qa != qb+100 {
		t.Errorf("two concurrent loaders stored %d quads; one loader of the same articles stores %d, and 100 locations fewer", qa, qb)
	}
	isLocation := func(q string) bool { return strings.Contains(q, " "+schema.Location.String()+" ") }
	got, want := slices.DeleteFunc(allQuads(t, a), isLocation), slices.DeleteFunc(allQuads(t, b), isLocation)
	if strings.Join(got, "") != strings.Join(want, "") {
		t.Errorf("the two stores differ beyond locations (%d and %d quads)", len(got), len(want))
	}
}
