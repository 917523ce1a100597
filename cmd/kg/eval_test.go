package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kg-project/kg/loaders/eval"
)

func TestEvalParseThresholds(t *testing.T) {
	for _, tc := range []struct {
		specs []string
		want  string // the parsed kinds, or the start of the error
	}{
		{[]string{"meetings-dated=0.85", "meeting-level=0.9", "calls=0.85", "date-accuracy=0.9"}, "meetings-dated meeting-level calls date-accuracy"},
		{[]string{"participants = 0.5", "calls-pairs=1", "meeting-level-dates=0"}, "participants calls-pairs meeting-level-dates"},
		{[]string{"people=0.9", "roles=0.8", "meetings=0.7"}, "people roles meetings"},
		{[]string{"pairs=0.9"}, `--min "pairs=0.9": unknown kind "pairs"`},
		{[]string{"people"}, `--min "people" is not KIND=VALUE`},
		{[]string{"people=high"}, `--min "people=high" is not KIND=VALUE`},
		{[]string{"people=1.5"}, `--min "people=1.5" is not KIND=VALUE`},
	} {
		got, err := parseThresholds(tc.specs)
		var desc string
		if err != nil {
			desc = err.Error()
		} else {
			desc = strings.Join(kindsIn(got), " ")
		}
		if !strings.HasPrefix(desc, tc.want) {
			t.Errorf("parseThresholds(%q) = %q, want %q", tc.specs, desc, tc.want)
		}
	}
}

// kindsIn lists the kinds set in m, in the order of thresholds.
func kindsIn(m map[string]float64) []string {
	var kinds []string
	for _, th := range thresholds {
		if _, ok := m[th.kind]; ok {
			kinds = append(kinds, th.kind)
		}
	}
	return kinds
}

func TestEvalCheckThresholds(t *testing.T) {
	acc := func(v float64) eval.Accuracy { return eval.Accuracy{Right: 1, Total: 1, Value: &v} }
	var r eval.Report
	r.People.F1, r.Roles.F1 = 0.95, 0.8
	r.MeetingPairsDated.F1, r.MeetingPairs.F1, r.DateAccuracy = 0.7, 0.9, acc(0.92)
	r.MeetingLevel.Meetings.F1, r.MeetingLevel.Participants.F1 = 0.91, 0.6
	r.CallPairsDated.F1 = 0.85 // Calls.DateAccuracy and MeetingLevel.DateAccuracy stay n/a
	for _, tc := range []struct {
		mins map[string]float64
		want string // the failures, joined
	}{
		{map[string]float64{"people": 0.95, "meetings": 0.9, "meeting-level": 0.9, "calls": 0.85, "date-accuracy": 0.9}, ""},
		{map[string]float64{"roles": 0.88}, "roles 0.8000 < 0.8800"},
		{map[string]float64{"meetings-dated": 0.85, "participants": 0.5}, "meetings-dated 0.7000 < 0.8500"},
		{map[string]float64{"meeting-level-dates": 0}, "meeting-level-dates is n/a (nothing to measure it on) < 0.0000"},
	} {
		if got := strings.Join(checkThresholds(r, tc.mins), "; "); got != tc.want {
			t.Errorf("checkThresholds(%v) = %q, want %q", tc.mins, got, tc.want)
		}
	}
}

// TestEvalHelpAndErrors runs kg eval as a user would: its help names every
// --min kind, and --errors groups the errors by construction in the table
// and in JSON. The two plain-text seeds, read without --date, give date
// errors.
func TestEvalHelpAndErrors(t *testing.T) {
	help, _, code := runKG(t, nil, "eval", "--help")
	if code != 0 {
		t.Fatalf("kg eval --help: exit %d", code)
	}
	for _, th := range thresholds {
		if !strings.Contains(help, th.kind) || !strings.Contains(help, th.what) {
			t.Errorf("kg eval --help does not explain --min %s", th.kind)
		}
	}

	args := []string{"eval", "--errors", "--gold", "../../testdata/seeds/gold.json", "../../testdata/seeds/000_f7356908f0a07a4a.txt", "../../testdata/seeds/004_40a047d0b804c451.txt"}
	table, errOut, code := runKG(t, nil, args...)
	if code != 0 {
		t.Fatalf("kg eval: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"2 articles scored", "meeting pairs, right date", "meetings found (meeting level)", "call pairs", "by construction", "7. dates: "} {
		if !strings.Contains(table, want) {
			t.Errorf("kg eval --errors output lacks %q:\n%s", want, table)
		}
	}
	if !strings.Contains(errOut, "3 gold articles not in the input") {
		t.Errorf("no warning about the gold articles left out: %q", errOut)
	}

	out, _, code := runKG(t, nil, append([]string{"eval", "--format", "json"}, args[1:]...)...)
	if code != 0 {
		t.Fatalf("kg eval --format json: exit %d", code)
	}
	var r eval.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, g := range eval.Groups {
		names[g.Name] = true
	}
	dates := 0
	for _, e := range r.Errors {
		if !names[e.Group] {
			t.Errorf("error %+v has no known group", e)
		}
		if e.Group == "dates" {
			dates++
		}
	}
	if dates == 0 || len(r.Groups) == 0 || r.Groups[0].Count < r.Groups[len(r.Groups)-1].Count {
		t.Errorf("want date errors and groups largest first; got %d date errors, groups %+v", dates, r.Groups)
	}
}
