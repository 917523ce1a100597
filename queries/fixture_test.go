package queries_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/schema/schematest"
)

// fixtureStore is a memory store holding the hand-made gold annotation of
// the seed articles, so query tests do not depend on extraction quality.
func fixtureStore(t *testing.T) *graph.Store {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	_, quads := schematest.SeedQuads(t)
	for _, q := range quads {
		if err := store.Write(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// run runs a saved query with args and returns its results as JSON-decoded
// values, as kg query --format json prints them.
func run(t *testing.T, store *graph.Store, name string, args map[string]string) []map[string]any {
	t.Helper()
	s, err := queries.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	err = store.Query(context.Background(), queries.Prelude()+s.Source, graph.QueryOptions{Args: queries.Args(args)}, func(r any) error {
		b, _ := json.Marshal(r)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: result %s is not an object", name, b)
		}
		out = append(out, m)
		return nil
	})
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}
