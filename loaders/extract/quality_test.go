package extract_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/loaders/eval"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/schema"
)

// Quality gates: each sits just below the score extraction reaches on its
// set, so that a regression fails it. The sets are named for what they
// are:
//
//   - seeds: the five articles kg was specified from (must stay at 1.0
//     for meetings);
//   - dev: ../shared/corpus/dev, 95 articles modelled on real news from
//     81 outlets, which extraction was tuned on — a regression gate, not a
//     measure of quality on unseen news;
//   - written-a, written-b: articles written in earlier sessions for the
//     old extractor's tests, with gold annotations that follow slightly
//     different conventions (attendees named later are not always part of
//     the meeting); never tuned on in this design.
type qualityGate struct {
	people, roles, pairs, pairsDated float64
	// meetingLevel, calls and dates (date accuracy) are gated where set.
	meetingLevel, calls, dates float64
}

// The seeds' gold writes "Adviser" where the text says "advisor"; the
// development set's gold, and kg, keep the article's spelling, so three of
// the seeds' 21 roles cannot match.
func TestQualityOnSeeds(t *testing.T) {
	checkQuality(t, filepath.Join("..", "..", "testdata", "seeds"), qualityGate{people: 0.975, roles: 0.85, pairs: 1, pairsDated: 1,
		meetingLevel: 1, calls: 1, dates: 1})
}

func TestQualityOnWrittenSets(t *testing.T) {
	checkQuality(t, filepath.Join("testdata", "written-a"), qualityGate{people: 0.98, roles: 0.96, pairs: 0.82, pairsDated: 0.76,
		meetingLevel: 0.87, calls: 0.73, dates: 0.92})
	checkQuality(t, filepath.Join("testdata", "written-b"), qualityGate{people: 0.99, roles: 0.97, pairs: 0.83, pairsDated: 0.80,
		meetingLevel: 0.91, calls: 0.97, dates: 0.94})
}

// TestQualityOnDevSet reads the development set in place. CI has it
// beside the checkout; elsewhere the test is skipped when it is missing.
func TestQualityOnDevSet(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "dev")
	if _, err := os.Stat(filepath.Join(dir, "gold.json")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the development set is missing in CI: %v", err)
		}
		t.Skipf("no development set beside the checkout (%v)", err)
	}
	checkQuality(t, dir, qualityGate{people: 0.98, roles: 0.90, pairs: 0.96, pairsDated: 0.95,
		meetingLevel: 0.945, calls: 0.95, dates: 0.98})
}

func checkQuality(t *testing.T, dir string, gate qualityGate) {
	t.Helper()
	gold, err := eval.ReadGold(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pred []schema.Facts
	for _, a := range readArticles(t, filepath.Join(dir, "articles.jsonl")) {
		pred = append(pred, extract.Extract(extract.Document{ID: a.ID, Text: a.Text, Published: a.Published}))
	}
	r := eval.Evaluate(gold, pred)
	dates := 0.0
	if r.DateAccuracy.Value != nil {
		dates = *r.DateAccuracy.Value
	}
	t.Logf("%s: people %.3f roles %.3f pairs %.3f pairs with date %.3f meeting level %.3f calls %.3f date accuracy %.3f",
		dir, r.People.F1, r.Roles.F1, r.MeetingPairs.F1, r.MeetingPairsDated.F1, r.MeetingLevel.Meetings.F1, r.CallPairsDated.F1, dates)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"people", r.People.F1, gate.people}, {"roles", r.Roles.F1, gate.roles},
		{"meeting pairs", r.MeetingPairs.F1, gate.pairs}, {"meeting pairs with date", r.MeetingPairsDated.F1, gate.pairsDated},
		{"meetings found (meeting level)", r.MeetingLevel.Meetings.F1, gate.meetingLevel},
		{"call pairs with date", r.CallPairsDated.F1, gate.calls}, {"date accuracy", dates, gate.dates},
	} {
		if c.got < c.want {
			t.Errorf("%s: %s F1 %.3f, below %.3f", dir, c.name, c.got, c.want)
		}
	}
}

type article struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func readArticles(t *testing.T, path string) []article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
