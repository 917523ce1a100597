package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/loaders/eval"
	"github.com/kg-project/kg/loaders/eval/evaltest"
	"github.com/kg-project/kg/schema"
)

// TestEvalAgreesWithScorePy runs kg extract on the seeds and on the dev set
// of the shared corpus (read in place), scores the extraction with the
// reference scorer corpus/score.py and with kg eval, and requires every
// figure kg eval reports to equal score.py's: counts exactly, ratios to 4
// decimals. The dev set's many misses and false hits exercise every rule.
func TestEvalAgreesWithScorePy(t *testing.T) {
	corpus := evaltest.CorpusDir(t, "dev/gold.json", "dev/articles.jsonl")
	for _, tc := range []struct{ name, gold, articles string }{
		{"seeds", "../../testdata/seeds/gold.json", "../../testdata/seeds/articles.jsonl"},
		{"dev", filepath.Join(corpus, "dev", "gold.json"), filepath.Join(corpus, "dev", "articles.jsonl")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runKG(t, nil, "extract", "--format", "json", tc.articles)
			if code != 0 {
				t.Fatalf("kg extract: exit %d: %s", code, errOut)
			}
			var extracted struct{ Articles []schema.Facts }
			if err := json.Unmarshal([]byte(out), &extracted); err != nil {
				t.Fatalf("kg extract output: %v", err)
			}
			py := evaltest.ScorePy(t, corpus, tc.gold, extracted.Articles)

			out, errOut, code = runKG(t, nil, "eval", "--format", "json", "--gold", tc.gold, tc.articles)
			if code != 0 {
				t.Fatalf("kg eval: exit %d: %s", code, errOut)
			}
			var r eval.Report
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("kg eval output: %v", err)
			}
			if r.Articles != len(extracted.Articles) {
				t.Errorf("kg eval scored %d articles, kg extract gave %d", r.Articles, len(extracted.Articles))
			}
			agreed := evaltest.Agree(t, r, py)
			t.Log(evaltest.Summary(r, agreed))
		})
	}
}
