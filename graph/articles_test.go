package graph_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/pgtest"
	"github.com/kg-project/kg/schema"
)

// storesOfEveryBackend opens a new store of each backend; PostgreSQL's when
// a test server is available (KG_TEST_POSTGRES).
func storesOfEveryBackend(t *testing.T) map[string]func(*testing.T) *graph.Store {
	return map[string]func(*testing.T) *graph.Store{
		graph.BackendBolt: func(t *testing.T) *graph.Store {
			return openStoreAt(t, graph.Options{Backend: graph.BackendBolt, Path: filepath.Join(t.TempDir(), "kg.db")})
		},
		graph.BackendLevelDB: func(t *testing.T) *graph.Store {
			return openStoreAt(t, graph.Options{Backend: graph.BackendLevelDB, Path: filepath.Join(t.TempDir(), "kg.db")})
		},
		graph.BackendMemory: func(t *testing.T) *graph.Store {
			return openStoreAt(t, graph.Options{Backend: graph.BackendMemory})
		},
		graph.BackendPostgres: func(t *testing.T) *graph.Store {
			return openPostgres(t, pgtest.Database(t))
		},
	}
}

// TestArticlesByKey: a stored article is found by each of its keys, an
// unknown key finds nothing, and ArticleFields lists its metadata.
func TestArticlesByKey(t *testing.T) {
	ctx := context.Background()
	a := schema.Article{
		ID: "a1", URL: "https://www.example.com/news/1", Title: "Rouhani meets Khamis", Published: "2017-01-18",
		Text:      "Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis in Tehran on Wednesday, and the two discussed the talks planned in Astana between the government and the armed opposition.",
		Locations: []string{"/data/a.jsonl:1"},
	}
	keys := a.Keys()
	if len(keys) < 2 {
		t.Fatalf("keys %q: want a URL key and a text key", keys)
	}
	for backend, open := range storesOfEveryBackend(t) {
		t.Run(backend, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			if found, err := s.ArticlesByKey(ctx, keys); err != nil || found[0] != "" {
				t.Fatalf("empty store: ArticlesByKey = %q, %v; want nothing", found, err)
			}
			if err := s.Write(ctx, schema.Quads(a, schema.Facts{ID: a.ID})); err != nil {
				t.Fatal(err)
			}
			found, err := s.ArticlesByKey(ctx, append([]string{"text:unknown"}, keys...))
			if err != nil {
				t.Fatal(err)
			}
			want := schema.ArticleIRI("a1")
			if found[0] != "" {
				t.Errorf("unknown key found %q", found[0])
			}
			for i, k := range keys {
				if found[i+1] != want {
					t.Errorf("key %s found %q, want %s", k, found[i+1], want)
				}
			}
			fields, err := s.ArticleFields(ctx, want)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range []quad.IRI{schema.Published, schema.Headline, schema.URL, schema.Location, schema.ArticleKey} {
				if !fields[p] {
					t.Errorf("ArticleFields lacks %s: %v", p, fields)
				}
			}
			if fields[schema.Publisher] {
				t.Errorf("ArticleFields has a publisher the article lacks")
			}
		})
	}
}

// TestMustExist: with MustExist, a store that is not there is an error and
// nothing is created; an existing one opens.
func TestMustExist(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{graph.BackendBolt, graph.BackendLevelDB} {
		t.Run(backend, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kg.db")
			_, err := graph.Open(ctx, graph.Options{Backend: backend, Path: path, MustExist: true})
			if !errors.Is(err, graph.ErrNoStore) {
				t.Fatalf("Open(MustExist) of nothing = %v, want ErrNoStore", err)
			}
			if _, err := os.Stat(path); err == nil {
				t.Fatal("Open(MustExist) created the folder")
			}
			openStoreAt(t, graph.Options{Backend: backend, Path: path}).Close()
			s, err := graph.Open(ctx, graph.Options{Backend: backend, Path: path, MustExist: true})
			if err != nil {
				t.Fatalf("Open(MustExist) of a store: %v", err)
			}
			s.Close()
		})
	}
	t.Run("postgres", func(t *testing.T) {
		url := pgtest.Database(t)
		_, err := graph.Open(ctx, graph.Options{Backend: graph.BackendPostgres, Path: url, MustExist: true})
		if !errors.Is(err, graph.ErrNoStore) {
			t.Fatalf("Open(MustExist) of an empty database = %v, want ErrNoStore", err)
		}
		openPostgres(t, url).Close()
		s, err := graph.Open(ctx, graph.Options{Backend: graph.BackendPostgres, Path: url, MustExist: true})
		if err != nil {
			t.Fatalf("Open(MustExist) of a store: %v", err)
		}
		s.Close()
	})
}
