package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/schema"
)

const seeds = "../../testdata/seeds/articles.jsonl"

// TestSeedsEndToEnd runs the README's first command on a real embedded
// store: load the seeds, load them again, ask who met whom.
func TestSeedsEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	env := []string{"KG_DB=" + db, "KG_BACKEND="}

	out, errOut, code := runKG(t, env, "load", seeds)
	if code != 0 {
		t.Fatalf("kg load: exit %d\n%s%s", code, out, errOut)
	}
	if n, ok := loadSummary(errOut); !ok || n != 5 || out != "" {
		t.Errorf("kg load: stdout %q, stderr %q; want nothing on stdout and a summary starting \"5 articles,\" on stderr", out, errOut)
	}
	first := stats(t, env)
	if first.Articles != 5 || first.Quads == 0 || first.Meetings == 0 || first.People == 0 {
		t.Errorf("after one load: %+v, want 5 articles and some people, meetings and quads", first)
	}

	out, errOut, code = runKG(t, env, "load", seeds)
	if code != 0 {
		t.Fatalf("second kg load: exit %d\n%s%s", code, out, errOut)
	}
	if again := stats(t, env); again != first {
		t.Errorf("loading the seeds twice changed the store: %+v then %+v", first, again)
	}
	if !strings.Contains(errOut, "5 already stored") {
		t.Errorf("second load summary = %q, want it to say 5 already stored", errOut)
	}

	out, errOut, code = runKG(t, env, "query", "meetings", "--format", "json")
	if code != 0 {
		t.Fatalf("kg query meetings: exit %d\n%s", code, errOut)
	}
	var got []struct {
		Participants []string `json:"participants"`
		Date         *string  `json:"date"`
		Sources      []string `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("meetings JSON: %v\n%s", err, out)
	}
	predicted := map[string]bool{}
	for _, m := range got {
		if len(m.Sources) == 0 {
			t.Errorf("meeting %v has no source article", m.Participants)
		}
		for _, p := range pairs(m.Participants) {
			predicted[p] = true
		}
	}
	gold := goldPairs(t)
	tp := 0
	for p := range predicted {
		if gold[p] {
			tp++
		}
	}
	precision := float64(tp) / float64(max(len(predicted), 1))
	recall := float64(tp) / float64(len(gold))
	f1 := 0.0
	if tp > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	t.Logf("meetings query on the seeds: pair precision %.2f recall %.2f F1 %.2f", precision, recall, f1)
	if f1 < 0.8 {
		t.Errorf("meetings pair F1 on the seeds = %.2f, want at least 0.8\npredicted %v\ngold %v", f1, keys(predicted), keys(gold))
	}
}

type storeStats struct {
	Backend                                          string
	Quads, Articles, People, Meetings, Roles, Events int64
}

func stats(t *testing.T, env []string) storeStats {
	t.Helper()
	out, errOut, code := runKG(t, env, "stats", "--format", "json")
	if code != 0 {
		t.Fatalf("kg stats: exit %d: %s", code, errOut)
	}
	var st storeStats
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("kg stats JSON: %v\n%s", err, out)
	}
	return st
}

// pairs returns the unordered pairs of people in a meeting, each as the two
// person keys joined, so spelling variants compare equal.
func pairs(people []string) []string {
	var out []string
	for i := range people {
		for j := i + 1; j < len(people); j++ {
			a, b := schema.PersonKey(people[i]), schema.PersonKey(people[j])
			if a == b {
				continue
			}
			if a > b {
				a, b = b, a
			}
			out = append(out, a+"+"+b)
		}
	}
	return out
}

func goldPairs(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("../../testdata/seeds/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Articles []struct {
			Meetings []struct {
				Participants []string `json:"participants"`
				Kind         string   `json:"kind"`
			} `json:"meetings"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, a := range gold.Articles {
		for _, m := range a.Meetings {
			for _, p := range pairs(m.Participants) {
				out[p] = true
			}
		}
	}
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	env := []string{"KG_DB=" + db}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"load"}, "no input given"},
		{[]string{"load", "--date", "18/01/2017", seeds}, "is not a date"},
		{[]string{"query"}, "kg query --list"},
		{[]string{"query", "nosuchquery"}, "saved queries: ambiguous, events, meetings"},
		{[]string{"query", "meetings", "--format", "xml"}, "unknown --format"},
		{[]string{"--backend", "oracle", "stats"}, "unknown backend"},
	} {
		_, errOut, code := runKG(t, env, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("kg %v: exit %d, stderr %q; want a non-zero exit and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// emptyStore makes an empty store (kg restore of nothing) and returns the
// environment naming it: query commands refuse a store that does not
// exist.
func emptyStore(t *testing.T) []string {
	t.Helper()
	env := []string{"KG_DB=" + filepath.Join(t.TempDir(), "kg.db")}
	empty := filepath.Join(t.TempDir(), "empty.nq")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runKG(t, env, "restore", empty); code != 0 {
		t.Fatalf("kg restore of nothing: exit %d: %s", code, errOut)
	}
	return env
}

func TestQueryLimitIsReported(t *testing.T) {
	env := emptyStore(t)
	out, errOut, code := runKG(t, env, "query", "--limit", "3", "--format", "json", "-e", "for (var i = 0; i < 10; i++) { g.Emit({i: i}); }")
	if code != 0 {
		t.Fatalf("kg query: exit %d: %s", code, errOut)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 3 {
		t.Errorf("kg query --limit 3 printed %q, want a JSON array of 3 results", out)
	}
	if !strings.Contains(errOut, "stopped after 3 results") {
		t.Errorf("stderr %q should say the query stopped at the limit", errOut)
	}
}

// --time reports the result count and both durations on stderr, leaving
// stdout to the results.
func TestQueryTime(t *testing.T) {
	env := emptyStore(t)
	out, errOut, code := runKG(t, env, "query", "--time", "--format", "json", "-e", "g.Emit(1); g.Emit(2)")
	if code != 0 {
		t.Fatalf("kg query --time: exit %d: %s", code, errOut)
	}
	var got []int
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 2 {
		t.Errorf("stdout %q should hold only the two results", out)
	}
	var n int
	var opened, ran string
	if _, err := fmt.Sscanf(strings.TrimSpace(errOut), "kg: %d results; store opened in %s query ran in %s", &n, &opened, &ran); err != nil || n != 2 {
		t.Fatalf("stderr %q: want \"kg: 2 results; store opened in D, query ran in D\" (%v)", errOut, err)
	}
	for _, d := range []string{strings.TrimSuffix(opened, ","), ran} {
		if _, err := time.ParseDuration(d); err != nil {
			t.Errorf("%q in %q is not a duration", d, errOut)
		}
	}
}
