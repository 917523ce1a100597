package eval

import (
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

func TestGoldID(t *testing.T) {
	gold := map[string]bool{"000_f7356908f0a07a4a": true, "story": true}
	for _, tc := range []struct {
		name string
		a    schema.Article
		want string
	}{
		{"by id", schema.Article{ID: "000_f7356908f0a07a4a", Origin: "x.jsonl:1"}, "000_f7356908f0a07a4a"},
		{"text file by base name", schema.Article{ID: "sha256-0123", Origin: "seeds/000_f7356908f0a07a4a.txt"}, "000_f7356908f0a07a4a"},
		{"html file by base name", schema.Article{ID: "https://example.org/a", Origin: "in/story.html"}, "story"},
		{"line suffix ignored", schema.Article{ID: "x", Origin: "in/story.jsonl:3"}, "story"},
		{"no match", schema.Article{ID: "x", Origin: "in/other.txt"}, ""},
		{"no origin", schema.Article{ID: "x"}, ""},
	} {
		got, ok := GoldID(tc.a, gold)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: GoldID = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}

func TestParseGoldErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input, want string
	}{
		{"bad json", "{\n\"articles\": [\n{,}]}", "gold.json:3: not a gold annotation file"},
		{"wrong type", "{\"articles\": [{\"id\": 5}]}", "gold.json:1: not a gold annotation file"},
		{"no articles", "{\"docs\": []}", "no \"articles\" list"},
		{"no id", "{\"articles\": [{\"people\": []}]}", "article 1 has no id"},
		{"duplicate id", "{\"articles\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}", "article id \"a\" appears twice"},
	} {
		_, err := ParseGold("gold.json", []byte(tc.input))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// TestSeedGoldAgainstItself scores the seeds' gold annotation against
// itself: every score must be perfect and there must be no errors.
func TestSeedGoldAgainstItself(t *testing.T) {
	gold, err := ReadGold("../../testdata/seeds/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate(gold, gold)
	if r.Articles != 5 || len(r.Errors) != 0 {
		t.Fatalf("articles %d, errors %+v", r.Articles, r.Errors)
	}
	for name, s := range map[string]Score{"people": r.People, "roles": r.Roles, "pairs": r.MeetingPairs,
		"pairs with date": r.MeetingPairsDated, "meeting level": r.MeetingLevel.Meetings, "participants": r.MeetingLevel.Participants} {
		if s.F1 != 1 || s.TP == 0 {
			t.Errorf("%s: %+v, want F1 1", name, s)
		}
	}
	// 9 distinct pairs in the seeds (Rouhani-Khamis and Velayati-Khamis
	// are each reported by two articles), 7 of them dated.
	if r.MeetingPairs.TP != 9 || r.DateAccuracy.Total != 7 || r.DateAccuracy.Right != 7 {
		t.Errorf("pairs %d, dated %d/%d; want 9 pairs, 7/7 dated", r.MeetingPairs.TP, r.DateAccuracy.Right, r.DateAccuracy.Total)
	}
}
