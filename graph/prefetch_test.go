package graph

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"slices"
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
	ids, s := seedLevelDB(t)

	// In chunks of two, on every core.
	defer func(n int) { prefetchChunk = n }(prefetchChunk)
	prefetchChunk = 2
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

// While every article is read into the shared cache, another goroutine of
// the answer that needs an article waits, then takes it from the cache
// instead of reading it again; it stops waiting when its answer ends.
func TestArticlesWaitForPrefetch(t *testing.T) {
	ctx := context.Background()
	ids, s := seedLevelDB(t)
	f := s.Facts()
	ref := f.r.ref(schema.ArticleIRI(ids[0]))
	filled := f.shared.startFill()
	w := f.fork()
	read := make(chan error, 1)
	go func() { read <- w.articleInfos(ctx, []cgraph.Ref{ref}) }()
	select {
	case err := <-read:
		t.Fatalf("articleInfos returned (%v) while every article was being read", err)
	case <-time.After(100 * time.Millisecond):
	}
	f.shared.add(cgraph.ToKey(ref), &articleInfo{id: "from the prefetch"})
	filled()
	if err := <-read; err != nil {
		t.Fatal(err)
	}
	if got := w.arts[cgraph.ToKey(ref)]; got == nil || got.id != "from the prefetch" {
		t.Errorf("after waiting, articleInfos has %+v; want the prefetched article", got)
	}

	// An answer that ends stops waiting.
	g := s.Facts()
	defer g.shared.startFill()()
	cctx, cancel := context.WithCancel(ctx)
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	if err := g.fork().articleInfos(cctx, []cgraph.Ref{ref}); !errors.Is(err, context.Canceled) {
		t.Errorf("articleInfos waiting when its answer ended = %v, want context.Canceled", err)
	}
}

// Many articles read by one goroutine of an answer are read in parts on
// every core and all remembered, the same as read on one: each part's
// reader reads its own, and the parts are merged.
func TestArticlesReadInPartsOnEveryCore(t *testing.T) {
	ctx := context.Background()
	ids, s := seedLevelDB(t)
	defer func(n int) { articlesSpreadFrom = n }(articlesSpreadFrom)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	articlesSpreadFrom = 2

	spread, alone := s.Facts(), s.Facts().fork()
	var refs []cgraph.Ref
	for _, id := range ids {
		refs = append(refs, spread.r.ref(schema.ArticleIRI(id)))
	}
	for _, f := range []*Facts{spread, alone} {
		if err := f.articleInfos(ctx, refs); err != nil {
			t.Fatal(err)
		}
	}
	if len(spread.arts) != len(ids) {
		t.Fatalf("read in parts, %d of %d articles remembered", len(spread.arts), len(ids))
	}
	for i, ref := range refs {
		got, want := spread.arts[cgraph.ToKey(ref)], alone.arts[cgraph.ToKey(ref)]
		if got == nil || want == nil || got.id != want.id || got.headline != want.headline || got.outlet != want.outlet ||
			got.url != want.url || got.published != want.published || !slices.Equal(got.locations, want.locations) {
			t.Errorf("%s read in parts = %+v, on one goroutine %+v", ids[i], got, want)
		}
	}
}

// seedLevelDB is a leveldb store of the seed articles' gold facts, closed
// at the end of the test, with the articles' ids.
func seedLevelDB(t *testing.T) ([]string, *Store) {
	t.Helper()
	ctx := context.Background()
	ids, quads := schematest.SeedQuads(t)
	s, err := Open(ctx, Options{Backend: BackendLevelDB, Path: filepath.Join(t.TempDir(), "kg.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, q := range quads {
		if err := s.Write(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	return ids, s
}
