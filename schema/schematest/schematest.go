// Package schematest gives tests a graph that does not depend on
// extraction quality: the hand-made gold annotation of the seed articles
// (testdata/seeds/gold.json), as facts and as the quads kg load would write.
package schematest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// GoldFacts reads the gold annotation of the seed articles.
func GoldFacts(t testing.TB) []schema.Facts {
	t.Helper()
	path := filepath.Join(moduleRoot(t), "testdata", "seeds", "gold.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Articles []schema.Facts `json:"articles"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return gold.Articles
}

// Article is the article record a gold annotation stands for.
func Article(f schema.Facts) schema.Article {
	return schema.Article{ID: f.ID, Published: f.Published, Source: f.Source}
}

// SeedQuads returns the ids of the seed articles and, for each, the quads
// of its gold facts.
func SeedQuads(t testing.TB) (ids []string, quads [][]quad.Quad) {
	t.Helper()
	for _, f := range GoldFacts(t) {
		ids = append(ids, f.ID)
		quads = append(quads, schema.Quads(Article(f), f))
	}
	return ids, quads
}

// moduleRoot finds the folder holding go.mod above the test's folder.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}
