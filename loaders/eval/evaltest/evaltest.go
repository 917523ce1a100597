// Package evaltest checks kg eval against the reference scorer of the
// corpus (corpus/score.py, read in place beside the checkout): it runs the
// scorer on the same gold and predictions and compares every figure kg
// eval reports. It is used by the tests of loaders/eval and cmd/kg.
package evaltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/kg-project/kg/loaders/eval"
	"github.com/kg-project/kg/schema"
)

// CorpusDir returns the shared corpus folder (../shared/corpus beside the
// checkout), which holds score.py and the dev set, after checking that it
// has score.py and the files named (relative to it). When one is missing the
// test is skipped, or fails when the environment variable CI is set: CI has
// the corpus, so its absence there is an error.
func CorpusDir(t testing.TB, files ...string) string {
	t.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || len(bytes.TrimSpace(gomod)) == 0 {
		t.Fatalf("go env GOMOD: %v", err)
	}
	dir := filepath.Dir(string(bytes.TrimSpace(gomod)))
	corpus := filepath.Join(filepath.Dir(dir), "shared", "corpus")
	for _, f := range append([]string{"score.py"}, files...) {
		if _, err := os.Stat(filepath.Join(corpus, f)); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("the shared corpus is incomplete in CI: %v", err)
			}
			t.Skipf("the shared corpus is not beside the checkout (%v); skipping the comparison with score.py", err)
		}
	}
	return corpus
}

// ScorePy runs corpus/score.py on gold with the predictions, given both as
// per-article extraction (--extract) and as one flattened meeting list
// (--meetings), and returns its figures. The test is skipped when python3
// is not installed.
func ScorePy(t testing.TB, corpus, gold string, predicted []schema.Facts) map[string]any {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed; cannot run corpus/score.py to compare with")
	}
	dir := t.TempDir()
	extractFile, meetingsFile := filepath.Join(dir, "extract.json"), filepath.Join(dir, "meetings.json")
	meetings := []schema.Meeting{}
	articles := make([]schema.Facts, len(predicted))
	for i, f := range predicted {
		meetings = append(meetings, f.Meetings...)
		// score.py reads a null list as an error; kg extract writes [].
		f.People, f.Roles, f.Meetings = nonNil(f.People), nonNil(f.Roles), nonNil(f.Meetings)
		articles[i] = f
	}
	writeJSON(t, extractFile, map[string]any{"articles": articles})
	writeJSON(t, meetingsFile, meetings)
	cmd := exec.Command(python, filepath.Join(corpus, "score.py"), gold, "--extract", extractFile, "--meetings", meetingsFile)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("score.py: %v\n%s", err, errb.String())
	}
	var figures map[string]any
	if err := json.Unmarshal(out.Bytes(), &figures); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, out.String())
	}
	return figures
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func writeJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Agree compares every figure of the report with score.py's, counts
// exactly and ratios to 4 decimals, and returns how many figures agreed.
// The pair scores of meetings are score.py's "article_meetings" (names
// resolved within each article); calls are its "calls" (resolved against
// the whole gold, as score.py does); the meeting level is its
// "meeting_events".
func Agree(t testing.TB, r eval.Report, py map[string]any) int {
	t.Helper()
	c := &comparer{t: t}
	c.score("people", r.People, c.obj(py, "people"))
	c.score("roles", r.Roles, c.obj(py, "roles"))
	for _, pairs := range []struct {
		name, key    string
		dated, pairs eval.Score
		dateAccuracy eval.Accuracy
	}{
		{"meetings", "article_meetings", r.MeetingPairsDated, r.MeetingPairs, r.DateAccuracy},
		{"calls", "calls", r.CallPairsDated, r.CallPairs, r.CallDateAccuracy},
	} {
		o := c.obj(py, pairs.key)
		c.score(pairs.name+" pairs with date", pairs.dated, o)
		c.score(pairs.name+" pairs", pairs.pairs, c.obj(o, "pairs"))
		c.accuracy(pairs.name+" date accuracy", pairs.dateAccuracy, o["date_accuracy"])
		c.integer(pairs.name+" dated pairs found", pairs.dateAccuracy.Total, o["dated_pairs_found"])
	}
	me := c.obj(py, "meeting_events")
	c.score("meeting level", r.MeetingLevel.Meetings, me)
	c.score("meeting level participants", r.MeetingLevel.Participants, c.obj(me, "participants"))
	c.accuracy("meeting level date accuracy", r.MeetingLevel.DateAccuracy, me["date_accuracy"])
	return c.agreed
}

type comparer struct {
	t      testing.TB
	agreed int
}

func (c *comparer) obj(m map[string]any, key string) map[string]any {
	c.t.Helper()
	o, ok := m[key].(map[string]any)
	if !ok {
		c.t.Fatalf("score.py output has no %q object: %v", key, m)
	}
	return o
}

func (c *comparer) score(name string, s eval.Score, py map[string]any) {
	c.t.Helper()
	c.integer(name+" tp", s.TP, py["tp"])
	c.integer(name+" fp", s.FP, py["fp"])
	c.integer(name+" fn", s.FN, py["fn"])
	c.ratio(name+" precision", s.Precision, py["p"])
	c.ratio(name+" recall", s.Recall, py["r"])
	c.ratio(name+" F1", s.F1, py["f1"])
}

func (c *comparer) integer(name string, got int, py any) {
	c.t.Helper()
	want, ok := py.(float64)
	if !ok || float64(got) != want {
		c.t.Errorf("%s: kg eval %d, score.py %v", name, got, py)
		return
	}
	c.agreed++
}

func (c *comparer) ratio(name string, got float64, py any) {
	c.t.Helper()
	want, ok := py.(float64)
	if !ok || four(got) != four(want) {
		c.t.Errorf("%s: kg eval %s, score.py %v", name, four(got), py)
		return
	}
	c.agreed++
}

func (c *comparer) accuracy(name string, got eval.Accuracy, py any) {
	c.t.Helper()
	switch {
	case py == nil && got.Value == nil:
		c.agreed++
	case py == nil || got.Value == nil:
		c.t.Errorf("%s: kg eval %v, score.py %v", name, describe(got.Value), py)
	default:
		c.ratio(name, *got.Value, py)
	}
}

func describe(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return four(*v)
}

// four rounds to 4 decimals, half to even on the exact binary value, as
// Python's round does.
func four(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }

// Summary is a one-line account of an agreement, for test logs.
func Summary(r eval.Report, agreed int) string {
	return fmt.Sprintf("%d figures agree: pairs+date F1 %s, pairs F1 %s, meeting level F1 %s, calls F1 %s, people F1 %s, roles F1 %s, date accuracy %s",
		agreed, four(r.MeetingPairsDated.F1), four(r.MeetingPairs.F1), four(r.MeetingLevel.Meetings.F1), four(r.CallPairsDated.F1),
		four(r.People.F1), four(r.Roles.F1), describe(r.DateAccuracy.Value))
}
