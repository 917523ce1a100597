package graph

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

// prefetchArticles fills the answer's shared cache with every article, as
// an answer would read them one by one, and stops when told.
func TestPrefetchArticles(t *testing.T) {
	ctx := context.Background()
	ids, quads := schematest.SeedQuads(t)
	s, err := Open(ctx, Options{Backend: BackendLevelDB, Path: filepath.Join(t.TempDir(), "kg.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range quads {
		if err := s.Write(ctx, q); err != nil {
			t.Fatal(err)
		}
	}

	f := s.Facts()
	stop := f.prefetchArticles(ctx)
	deadline := time.Now().Add(10 * time.Second)
	for f.shared.size() < len(ids) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	stop()
	if got := f.shared.size(); got != len(ids) {
		t.Fatalf("prefetched %d articles, want all %d", got, len(ids))
	}

	// Each is what an answer reads for itself.
	direct := s.Facts()
	for _, id := range ids {
		ref := direct.r.ref(schema.ArticleIRI(id))
		if err := direct.articleInfos(ctx, []cgraph.Ref{ref}); err != nil {
			t.Fatal(err)
		}
		want := direct.arts[cgraph.ToKey(ref)]
		got := f.shared.m[cgraph.ToKey(ref)]
		if got == nil || got.id != want.id || got.headline != want.headline || got.outlet != want.outlet ||
			got.url != want.url || got.published != want.published || len(got.locations) != len(want.locations) {
			t.Errorf("prefetched %s = %+v, read directly %+v", id, got, want)
		}
	}

	// Stopped before it starts, it reads nothing.
	g := s.Facts()
	g.prefetchArticles(ctx)()
	if n := g.shared.size(); n != 0 {
		t.Errorf("a prefetch stopped at once read %d articles", n)
	}
}
