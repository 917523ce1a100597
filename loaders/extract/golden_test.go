package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/articles")

// TestGoldenArticles extracts every article of testdata/articles (plain
// text, with its publication date in the golden file) and compares the
// facts, with rules and evidence, to its golden file. Run
// `go test ./loaders/extract -run Golden -update` after a deliberate
// change and review the diff.
func TestGoldenArticles(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden articles: %v", err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			goldenPath := strings.TrimSuffix(p, ".txt") + ".golden.json"
			var want schema.Facts
			if b, err := os.ReadFile(goldenPath); err == nil {
				if err := json.Unmarshal(b, &want); err != nil {
					t.Fatalf("%s: %v", goldenPath, err)
				}
			} else if !*update {
				t.Fatal(err)
			}
			got := Extract(Document{ID: name, Text: string(text), Published: want.Published})
			gotJSON, _ := json.MarshalIndent(got, "", "  ")
			if *update {
				if err := os.WriteFile(goldenPath, append(gotJSON, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantJSON, _ := json.MarshalIndent(want, "", "  ")
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("facts of %s differ from %s (run with -update after a deliberate change)\n got: %s", p, goldenPath, gotJSON)
			}
		})
	}
}
