package main

import (
	"strings"
	"testing"
)

// TestExtractionQuality runs kg eval on the seeds and on a varied set of
// articles written for this test (other outlets, regions, years and
// wording: Xinhua, AP, a Kenyan daily, TASS), with the targets of the
// extraction issue as thresholds. The varied set guards against rules that
// only fit the seeds.
func TestExtractionQuality(t *testing.T) {
	for _, tc := range []struct {
		name, gold, articles string
		min                  []string
	}{
		// The seeds' gold writes "Adviser" where the text, and kg, say
		// "advisor": 3 of 21 roles.
		{"seeds", "../../testdata/seeds/gold.json", "../../testdata/seeds/articles.jsonl",
			[]string{"meetings=0.95", "meetings-dated=0.95", "people=0.95", "roles=0.85"}},
		{"varied", "../../testdata/varied/gold.json", "../../testdata/varied/articles.jsonl",
			[]string{"meetings=0.8", "people=0.9", "roles=0.75"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"eval", "--errors", "--gold", tc.gold}
			for _, m := range tc.min {
				args = append(args, "--min", m)
			}
			args = append(args, tc.articles)
			out, errOut, code := runKG(t, nil, args...)
			t.Logf("kg %s\n%s", strings.Join(args, " "), out)
			if code != 0 {
				t.Errorf("kg eval below target (exit %d): %s", code, errOut)
			}
		})
	}
}
