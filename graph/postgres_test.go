package graph_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	_ "github.com/lib/pq"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/pgtest"
	"github.com/kg-project/kg/schema/schematest"
)

func openPostgres(t testing.TB, url string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: graph.BackendPostgres, Path: url})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func exactCount(t testing.TB, s *graph.Store) int64 {
	t.Helper()
	n, err := s.ExactQuadCount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPostgresCreatesTablesOnEmptyDatabaseAndReopens(t *testing.T) {
	ctx := context.Background()
	db := pgtest.Database(t)
	ids, quads := schematest.SeedQuads(t)

	s := openPostgres(t, db)
	if n := exactCount(t, s); n != 0 {
		t.Fatalf("new database holds %d quads", n)
	}
	var all []quad.Quad
	for _, q := range quads {
		all = append(all, q...)
	}
	if err := s.Write(ctx, all); err != nil {
		t.Fatal(err)
	}
	written := exactCount(t, s)
	if written == 0 {
		t.Fatal("no quads stored")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openPostgres(t, db) // the tables exist now: must open, not fail
	defer s.Close()
	if n := exactCount(t, s); n != written {
		t.Errorf("reopened store holds %d quads, %d were written", n, written)
	}
	found, err := s.HasArticles(ctx, append([]string{"no-such-article"}, ids...))
	if err != nil {
		t.Fatal(err)
	}
	if found[0] {
		t.Error("HasArticles finds an article never written")
	}
	for i, id := range ids {
		if !found[i+1] {
			t.Errorf("HasArticles does not find %s", id)
		}
	}
	checkHasTriples(t, s)
}

func TestPostgresRewriteChangesNothing(t *testing.T) {
	ctx := context.Background()
	s := openPostgres(t, pgtest.Database(t))
	defer s.Close()
	_, quads := schematest.SeedQuads(t)
	for _, q := range quads {
		if err := s.Write(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	once := exactCount(t, s)
	for _, q := range quads {
		if err := s.Write(ctx, q); err != nil {
			t.Fatalf("writing stored quads again: %v", err)
		}
	}
	if twice := exactCount(t, s); twice != once {
		t.Errorf("quads after writing twice = %d, after once = %d", twice, once)
	}
}

// Cayley's SQL writer inserts with ON CONFLICT DO NOTHING and locks node
// rows in hash order; this checks that writers racing on the same
// articles neither fail (deadlock) nor store anything twice.
func TestPostgresConcurrentWritersOfTheSameArticles(t *testing.T) {
	ctx := context.Background()
	db := pgtest.Database(t)
	_, quads := schematest.SeedQuads(t)

	const writers = 4
	stores := make([]*graph.Store, writers)
	var wg sync.WaitGroup
	errs := make(chan error, writers*len(quads)*2)
	for w := range writers {
		wg.Add(1)
		go func() { // opening concurrently also races on creating the tables
			defer wg.Done()
			s, err := graph.Open(ctx, graph.Options{Backend: graph.BackendPostgres, Path: db})
			if err != nil {
				errs <- fmt.Errorf("open %d: %w", w, err)
				return
			}
			stores[w] = s
		}()
	}
	wg.Wait()
	for _, s := range stores {
		if s != nil {
			defer s.Close()
		}
	}
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}
	for w, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 2 {
				for i := range quads {
					// Each writer goes through the articles in its own order.
					q := quads[(i+w+round)%len(quads)]
					if err := s.Write(ctx, q); err != nil {
						errs <- fmt.Errorf("writer %d: %w", w, err)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	single := openPostgres(t, pgtest.Database(t))
	defer single.Close()
	for _, q := range quads {
		if err := single.Write(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := exactCount(t, stores[0]), exactCount(t, single); got != want {
		t.Errorf("%d concurrent writers stored %d quads; one writer stores %d", writers, got, want)
	}
}

func TestPostgresBadURLIsReported(t *testing.T) {
	pgtest.Database(t) // only with a server: the error comes from connecting
	_, err := graph.Open(context.Background(), graph.Options{Backend: graph.BackendPostgres, Path: "postgres://kg:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"})
	if err == nil {
		t.Fatal("opened a store on a port where nothing listens")
	}
	if msg := err.Error(); !strings.Contains(msg, "postgres") || strings.Contains(msg, "secret") {
		t.Errorf("error %q should name the backend and hide the password", msg)
	}
}
