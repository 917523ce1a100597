package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

// The quality targets of issue 3, measured on the seed articles with a
// minimal scorer that follows corpus/README.md (the full scorer is kg eval).

var seedsDir = filepath.Join("..", "..", "testdata", "seeds")

type goldFile struct {
	Articles []schema.Facts `json:"articles"`
}

type seedArticle struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

func loadSeeds(t testing.TB) ([]seedArticle, map[string]schema.Facts) {
	t.Helper()
	return loadGoldSet(t, seedsDir)
}

// loadGoldSet reads dir/articles.jsonl and dir/gold.json.
func loadGoldSet(t testing.TB, dir string) ([]seedArticle, map[string]schema.Facts) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		t.Fatalf("open seeds: %v", err)
	}
	defer f.Close()
	var arts []seedArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for line := 1; sc.Scan(); line++ {
		var a seedArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("articles.jsonl:%d: %v", line, err)
		}
		arts = append(arts, a)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatalf("read gold: %v", err)
	}
	var g goldFile
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatalf("gold.json: %v", err)
	}
	gold := map[string]schema.Facts{}
	for _, a := range g.Articles {
		gold[a.ID] = a
	}
	return arts, gold
}

type prf struct{ tp, fp, fn int }

func (s prf) f1() float64 {
	if s.tp == 0 {
		return 0
	}
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return 2 * p * r / (p + r)
}

// goldPerson maps a predicted name to the gold person it names, or "".
func goldPerson(name string, gold schema.Facts) string {
	f := foldName(name)
	for _, p := range gold.People {
		if foldName(p.Name) == f {
			return p.Name
		}
		for _, a := range p.Aliases {
			if foldName(a) == f {
				return p.Name
			}
		}
	}
	return ""
}

// titleMatches: every word of the gold title appears in the predicted one,
// ignoring case and nationality adjectives.
func titleMatches(gold, pred string) bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(pred)) {
		words[w] = true
	}
	for _, w := range strings.Fields(strings.ToLower(gold)) {
		if _, ok := places().demonyms[w]; ok {
			continue
		}
		if !words[w] {
			return false
		}
	}
	return true
}

type seedScores struct {
	people, roles, pairs, datedPairs prf
	datesRight, datesTotal           int
}

func scoreSeeds(t testing.TB) seedScores { return scoreSet(t, seedsDir) }

// scoreSet scores extraction on the gold set in dir.
func scoreSet(t testing.TB, dir string) seedScores {
	arts, gold := loadGoldSet(t, dir)
	var sc seedScores
	type pairDate struct{ pair, date string }
	goldPairs := map[pairDate]bool{}
	predPairs := map[pairDate]bool{}
	pairKey := func(names []string) []string {
		var keys []string
		for i := 0; i < len(names); i++ {
			for j := i + 1; j < len(names); j++ {
				a, b := names[i], names[j]
				if a > b {
					a, b = b, a
				}
				keys = append(keys, a+" + "+b)
			}
		}
		return keys
	}
	for _, a := range arts {
		g, ok := gold[a.ID]
		if !ok {
			t.Fatalf("no gold for %s", a.ID)
		}
		facts := Extract(Document{ID: a.ID, Text: a.Text, Published: a.Published})
		// People.
		found := map[string]bool{}
		for _, p := range facts.People {
			if gp := goldPerson(p.Name, g); gp != "" {
				if !found[gp] {
					found[gp] = true
					sc.people.tp++
				}
			} else {
				sc.people.fp++
				t.Logf("%s: false person %q", a.ID, p.Name)
			}
		}
		for _, p := range g.People {
			if !found[p.Name] {
				sc.people.fn++
				t.Logf("%s: missed person %q", a.ID, p.Name)
			}
		}
		// Roles.
		matched := map[int]bool{}
		for _, r := range facts.Roles {
			gp := goldPerson(r.Person, g)
			hit := false
			for k, gr := range g.Roles {
				if !matched[k] && gr.Person == gp && titleMatches(gr.Title, r.Title) {
					matched[k] = true
					hit = true
					break
				}
			}
			if hit {
				sc.roles.tp++
			} else {
				sc.roles.fp++
				t.Logf("%s: false role %s / %s", a.ID, r.Person, r.Title)
			}
		}
		for k, gr := range g.Roles {
			if !matched[k] {
				sc.roles.fn++
				t.Logf("%s: missed role %s / %s", a.ID, gr.Person, gr.Title)
			}
		}
		// Meetings, as pairs of gold names.
		for _, m := range g.Meetings {
			if m.Kind != schema.KindMeeting {
				continue
			}
			for _, k := range pairKey(m.Participants) {
				goldPairs[pairDate{k, schema.Deref(m.Date)}] = true
			}
		}
		for _, m := range facts.Meetings {
			if m.Kind != schema.KindMeeting {
				continue
			}
			var names []string
			for _, p := range m.Participants {
				if gp := goldPerson(p, g); gp != "" {
					names = append(names, gp)
				} else {
					names = append(names, p)
				}
			}
			for _, k := range pairKey(names) {
				predPairs[pairDate{k, schema.Deref(m.Date)}] = true
			}
		}
	}
	// Pairs ignoring dates, then with the date rule (null gold accepts any).
	goldByPair := map[string][]string{}
	for gd := range goldPairs {
		goldByPair[gd.pair] = append(goldByPair[gd.pair], gd.date)
	}
	predByPair := map[string][]string{}
	for pd := range predPairs {
		predByPair[pd.pair] = append(predByPair[pd.pair], pd.date)
	}
	for pair := range predByPair {
		if _, ok := goldByPair[pair]; ok {
			sc.pairs.tp++
		} else {
			sc.pairs.fp++
			t.Logf("false meeting %s", pair)
		}
	}
	for pair, dates := range goldByPair {
		if _, ok := predByPair[pair]; !ok {
			sc.pairs.fn++
			t.Logf("missed meeting %s %v", pair, dates)
		}
	}
	used := map[pairDate]bool{}
	keys := make([]pairDate, 0, len(goldPairs))
	for gd := range goldPairs {
		keys = append(keys, gd)
	}
	// Dated gold first, so a null gold date does not take the exact match.
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i].date == "") != (keys[j].date == "") {
			return keys[i].date != ""
		}
		return keys[i].pair+keys[i].date < keys[j].pair+keys[j].date
	})
	for _, gd := range keys {
		hit := false
		for _, d := range predByPair[gd.pair] {
			pd := pairDate{gd.pair, d}
			if used[pd] || (gd.date != "" && d != gd.date) {
				continue
			}
			used[pd] = true
			hit = true
			break
		}
		if gd.date != "" && len(predByPair[gd.pair]) > 0 {
			sc.datesTotal++
			if hit {
				sc.datesRight++
			} else {
				t.Logf("wrong date for %s: gold %s, got %v", gd.pair, gd.date, predByPair[gd.pair])
			}
		}
		if hit {
			sc.datedPairs.tp++
		} else {
			sc.datedPairs.fn++
		}
	}
	sc.datedPairs.fp = len(predPairs) - len(used)
	return sc
}

func TestSeedQualityTargets(t *testing.T) {
	sc := scoreSeeds(t)
	t.Logf("people F1 %.3f (%+v)", sc.people.f1(), sc.people)
	t.Logf("roles F1 %.3f (%+v)", sc.roles.f1(), sc.roles)
	t.Logf("meeting pairs F1 %.3f (%+v)", sc.pairs.f1(), sc.pairs)
	t.Logf("meeting pairs with dates F1 %.3f (%+v)", sc.datedPairs.f1(), sc.datedPairs)
	t.Logf("dates right %d/%d", sc.datesRight, sc.datesTotal)
	if f := sc.people.f1(); f < 0.95 {
		t.Errorf("people F1 = %.3f, want >= 0.95", f)
	}
	if f := sc.roles.f1(); f < 0.9 {
		t.Errorf("roles F1 = %.3f, want >= 0.9", f)
	}
	if f := sc.datedPairs.f1(); f < 0.95 {
		t.Errorf("meeting pairs (with dates) F1 = %.3f, want >= 0.95", f)
	}
	if sc.datesRight != sc.datesTotal {
		t.Errorf("meeting dates right %d of %d, want all", sc.datesRight, sc.datesTotal)
	}
}

// TestScorerRejectsEmptyFacts keeps the scorer honest: nothing extracted
// must score zero.
func TestScorerRejectsEmptyFacts(t *testing.T) {
	var s prf
	s.fn = 10
	if s.f1() != 0 {
		t.Fatalf("F1 of nothing = %v", s.f1())
	}
	if !titleMatches("Foreign Minister", "Syrian Foreign Minister") || titleMatches("Speaker of Parliament", "Speaker") {
		t.Fatal("titleMatches does not follow the README rule")
	}
}

// TestHeldOutQuality holds articles that were annotated by hand before the
// extractor first ran on them to the targets issue 3 sets for a hidden set
// of unseen articles: people F1 0.9, roles 0.75, meeting pairs 0.8.
// testdata/heldout has fifty-four of them; testdata/heldout2 one hundred and
// four more, written in the styles of other outlets (Reuters, AP, AFP,
// Anadolu, Kyodo, Yonhap, Xinhua, Al Arabiya, Deutsche Welle, The Hindu,
// Daily Nation, Buenos Aires Times, ABC Australia) about other regions and
// years (2005–2025).
func TestHeldOutQuality(t *testing.T) {
	for _, set := range []string{"heldout", "heldout2"} {
		t.Run(set, func(t *testing.T) {
			sc := scoreSet(t, filepath.Join("testdata", set))
			t.Logf("people F1 %.3f, roles F1 %.3f, meeting pairs F1 %.3f, with dates %.3f, dates right %d/%d",
				sc.people.f1(), sc.roles.f1(), sc.pairs.f1(), sc.datedPairs.f1(), sc.datesRight, sc.datesTotal)
			if f := sc.people.f1(); f < 0.9 {
				t.Errorf("people F1 = %.3f, want >= 0.9", f)
			}
			if f := sc.roles.f1(); f < 0.75 {
				t.Errorf("roles F1 = %.3f, want >= 0.75", f)
			}
			if f := sc.pairs.f1(); f < 0.8 {
				t.Errorf("meeting pairs F1 = %.3f, want >= 0.8", f)
			}
		})
	}
}
