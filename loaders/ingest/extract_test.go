package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/loaders/ingest"
)

// namesText is about size bytes of names meeting names (issue 15, item 12
// had extraction take minutes over such a text).
func namesText(size int) string {
	block := "Anna Berg met Tom Walsh and the two of them talked about the plan. Rita Moor met Li Wei. Omar Haddad met Sara Kline. Ivan Petrov met Mona Nasser. "
	return strings.Repeat(block, size/len(block)+1)
}

// writeArticles writes texts as JSON Lines articles a0, a1, ...
func writeArticles(t *testing.T, texts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i, text := range texts {
		enc.Encode(map[string]string{"id": fmt.Sprint("a", i), "published": "2024-01-01", "text": text})
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Item 12. kg load extracts an article longer than extraction reads (1 MiB
// of a 3 MiB text of names) up to its limit, stores what it found, and says
// the article was cut, naming the file and line; before, the cut (or, with
// no limit, minutes of extraction) went unsaid.
func TestLoadSaysWhenAnArticleWasCut(t *testing.T) {
	input := writeArticles(t, "President Anna Berg met Minister Tom Walsh in Oslo on Monday.", namesText(3<<20))
	s := openStore(t, graph.BackendMemory, "")
	defer s.Close()
	var mu sync.Mutex
	var problems []loaders.Problem
	sum, err := ingest.Load(context.Background(), s, []string{input}, ingest.Options{
		Problem: func(p loaders.Problem) { mu.Lock(); problems = append(problems, p); mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 2 || sum.Warnings != 1 || len(problems) != 1 {
		t.Fatalf("summary %+v, problems %v; want 2 articles and the cut told", sum, problems)
	}
	p := problems[0]
	if !p.Warning || p.Path != input+":2" || !strings.Contains(p.Error(), "article a1: text cut at") {
		t.Errorf("told %q (warning %v, path %q); want a warning at %s:2 that article a1 was cut", p.Error(), p.Warning, p.Path, input)
	}
	if sum.Meetings < 4 {
		t.Errorf("%d meetings stored; want those of the first article and the first MiB of the long one", sum.Meetings)
	}
}

// Item 12. An interrupted load stops extracting: the article being
// extracted (a long one) is abandoned, said so and not stored, so that the
// next load extracts it whole; the articles extracted before are stored.
func TestInterruptStopsExtraction(t *testing.T) {
	input := writeArticles(t, "President Anna Berg met Minister Tom Walsh in Oslo on Monday.", namesText(extract.DefaultMaxBytes))
	s := openStore(t, graph.BackendMemory, "")
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var problems []loaders.Problem
	sum, err := ingest.Load(ctx, s, []string{input}, ingest.Options{
		Workers:      1,
		ExtractGrace: -1,
		// The interrupt comes as the long article is read.
		Progress: func(read int) {
			if read == 2 {
				cancel()
			}
		},
		Problem: func(p loaders.Problem) { mu.Lock(); problems = append(problems, p); mu.Unlock() },
	})
	if err == nil || !sum.Interrupted {
		t.Fatalf("load: %v, %+v; want it interrupted", err, sum)
	}
	stopped := false
	for _, p := range problems {
		stopped = stopped || strings.Contains(p.Error(), "article a1: extraction stopped by the interrupt; not stored")
	}
	if !stopped {
		t.Errorf("problems %v; want the long article's extraction said to be stopped", problems)
	}
	if ok, err := s.HasArticle(context.Background(), "a1"); err != nil || ok {
		t.Errorf("the abandoned article is stored: %v, %v", ok, err)
	}
	// The next load stores it.
	sum, err = ingest.Load(context.Background(), s, []string{input}, ingest.Options{})
	if err != nil || sum.Articles < 1 {
		t.Fatalf("the next load: %+v, %v", sum, err)
	}
	if ok, err := s.HasArticle(context.Background(), "a1"); err != nil || !ok {
		t.Errorf("the long article is not stored by the next load: %v, %v", ok, err)
	}
}
