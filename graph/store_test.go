package graph_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/syndtr/goleveldb/leveldb"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

func openStoreAt(t *testing.T, opt graph.Options) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeArticles writes each article's quads to s.
func writeArticles(t *testing.T, s *graph.Store, articles [][]quad.Quad) {
	t.Helper()
	for _, q := range articles {
		if err := s.Write(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
}

// Writing the seed articles twice, with the store closed and reopened from
// disk in between, leaves the quad count unchanged on every backend.
func TestRewritingStoredArticlesChangesNothing(t *testing.T) {
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	for _, backend := range []string{graph.BackendBolt, graph.BackendLevelDB, graph.BackendMemory} {
		t.Run(backend, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kg.db")
			s := openStoreAt(t, graph.Options{Backend: backend, Path: path})
			writeArticles(t, s, quads)
			once, err := s.QuadCount(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if once == 0 {
				t.Fatal("nothing stored")
			}
			if backend != graph.BackendMemory {
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				s = openStoreAt(t, graph.Options{Backend: backend, Path: path})
			}
			defer s.Close()
			for _, q := range quads {
				if err := s.Write(ctx, q); err != nil {
					t.Fatalf("writing stored quads again: %v", err)
				}
			}
			twice, err := s.ExactQuadCount(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if twice != once {
				t.Errorf("quads after writing the seeds twice = %d, after once = %d", twice, once)
			}
		})
	}
}

func TestHasArticlesAndTriples(t *testing.T) {
	ctx := context.Background()
	ids, quads := schematest.SeedQuads(t)
	for _, backend := range []string{graph.BackendBolt, graph.BackendLevelDB, graph.BackendMemory} {
		t.Run(backend, func(t *testing.T) {
			s := openStoreAt(t, graph.Options{Backend: backend, Path: filepath.Join(t.TempDir(), "kg.db")})
			defer s.Close()
			// Store all seed articles but the last.
			for _, q := range quads[:len(quads)-1] {
				if err := s.Write(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			found, err := s.HasArticles(ctx, ids)
			if err != nil {
				t.Fatal(err)
			}
			for i, id := range ids {
				if want := i < len(ids)-1; found[i] != want {
					t.Errorf("HasArticles(%s) = %v, want %v", id, found[i], want)
				}
			}
			one, err := s.HasArticle(ctx, ids[0])
			if err != nil || !one {
				t.Errorf("HasArticle(%s) = %v, %v; want true", ids[0], one, err)
			}
			checkHasTriples(t, s)
		})
	}
}

// A store keeps the backend it was made with: opening it under another
// embedded backend's name (as after a change of the default) opens it as
// what it is instead of creating a second, empty store beside it.
func TestExistingStoreOpensWithItsOwnBackend(t *testing.T) {
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	for _, tc := range []struct{ made, asked string }{
		{graph.BackendBolt, graph.BackendLevelDB},
		{graph.BackendLevelDB, graph.BackendBolt},
	} {
		t.Run(tc.made+" opened as "+tc.asked, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kg.db")
			s := openStoreAt(t, graph.Options{Backend: tc.made, Path: path})
			if err := s.Write(ctx, quads[0]); err != nil {
				t.Fatal(err)
			}
			want, _ := s.QuadCount(ctx)
			s.Close()

			s = openStoreAt(t, graph.Options{Backend: tc.asked, Path: path})
			defer s.Close()
			if s.Backend() != tc.made {
				t.Errorf("store made with %s opened as %s", tc.made, s.Backend())
			}
			if got, _ := s.QuadCount(ctx); got != want || want == 0 {
				t.Errorf("reopened store holds %d quads, want %d", got, want)
			}
		})
	}
}

func TestBulkOpenWritesTheSame(t *testing.T) {
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	var counts []int64
	for _, bulk := range []bool{false, true} {
		s := openStoreAt(t, graph.Options{Backend: graph.BackendLevelDB, Path: filepath.Join(t.TempDir(), "kg.db"), Bulk: bulk})
		writeArticles(t, s, quads)
		n, err := s.QuadCount(ctx)
		if err != nil {
			t.Fatal(err)
		}
		counts = append(counts, n)
		s.Close()
	}
	if counts[0] != counts[1] || counts[0] == 0 {
		t.Errorf("quads written without and with Bulk: %v", counts)
	}
}

// checkHasTriples checks HasTriples on a store holding the seed articles: a
// stored triple is found, and neither a triple between two stored nodes
// that no quad links nor one naming a node never stored.
func checkHasTriples(t *testing.T, s *graph.Store) {
	t.Helper()
	found, err := s.HasTriples(context.Background(), []quad.Quad{
		{Subject: schema.PersonIRI("Hassan Rouhani"), Predicate: schema.Type, Object: schema.ClassPerson},
		{Subject: schema.PersonIRI("Hassan Rouhani"), Predicate: schema.Type, Object: schema.ClassMeeting},
		{Subject: schema.PersonIRI("Nobody Anywhere"), Predicate: schema.Type, Object: schema.ClassPerson},
	})
	if err != nil {
		t.Fatal(err)
	}
	if !found[0] || found[1] || found[2] {
		t.Errorf("HasTriples(Rouhani a Person, Rouhani a Meeting, nobody a Person) = %v, want [true false false]", found)
	}

	// A triple is found under any label, and not once its quads are
	// removed (they stay listed in the index, marked deleted in the log).
	ctx := context.Background()
	said := quad.Quad{Subject: schema.PersonIRI("Nobody Anywhere"), Predicate: schema.Name, Object: quad.String("Nobody Anywhere")}
	labelled := []quad.Quad{said, said}
	labelled[0].Label, labelled[1].Label = schema.ArticleIRI("one"), schema.ArticleIRI("two")
	if err := s.Write(ctx, labelled); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		remove []quad.Quad
		want   bool
	}{{nil, true}, {labelled[:1], true}, {labelled[1:], false}} {
		if step.remove != nil {
			if err := s.Remove(ctx, step.remove); err != nil {
				t.Fatal(err)
			}
		}
		found, err := s.HasTriples(ctx, []quad.Quad{said})
		if err != nil {
			t.Fatal(err)
		}
		if found[0] != step.want {
			t.Errorf("HasTriples(%v) after removing %v = %v, want %v", said, step.remove, found[0], step.want)
		}
	}
}

// A store opened to read (Options.Reading), queried and closed, leaves its
// files as they were: no compaction started by the reads, no journal
// replayed into new files, no second open to find out whether it exists.
func TestReadingLeavesTheFilesAsTheyWere(t *testing.T) {
	ctx := context.Background()
	_, quads := schematest.SeedQuads(t)
	for _, backend := range []string{graph.BackendLevelDB, graph.BackendBolt} {
		t.Run(backend, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kg.db")
			s := openStoreAt(t, graph.Options{Backend: backend, Path: path})
			writeArticles(t, s, quads)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			before := storeFiles(t, path)

			s = openStoreAt(t, graph.Options{Backend: backend, Path: path, Reading: true, MustExist: true})
			var met int
			if err := s.Facts().Meetings(ctx, graph.MeetingFilter{}, func(*graph.Meeting) error { met++; return nil }); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if met == 0 {
				t.Fatal("no meetings read from the seed store")
			}
			if after := storeFiles(t, path); !maps.Equal(before, after) {
				t.Errorf("reading changed the store's files:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// storeFiles describes the files of a store folder by name: size and time
// of the last change (kg's lock file, rewritten by every open, aside).
func storeFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		if e.Name() == "kg.lock" {
			continue
		}
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = fmt.Sprintf("%d bytes, %s", info.Size(), info.ModTime().Format(time.RFC3339Nano))
	}
	return files
}

// The folder of a store whose first load stopped before Cayley wrote its
// metadata opens to read, as an empty store, as it did when every open
// began by making the store.
func TestReadingOpensAStoreCutShortAtItsCreation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kg.db")
	db, err := leveldb.OpenFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s := openStoreAt(t, graph.Options{Backend: graph.BackendLevelDB, Path: path, Reading: true, MustExist: true})
	defer s.Close()
	if n, err := s.QuadCount(context.Background()); err != nil || n != 0 {
		t.Errorf("QuadCount = %d, %v; want 0, nil", n, err)
	}
}
