package eval_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/schema"

	"github.com/kg-project/kg/loaders/eval"
	"github.com/kg-project/kg/loaders/eval/evaltest"
)

// TestFixtureAgreesWithScorePy scores the hand-written fixture (a
// prediction with errors of every kind: month dates matched by days,
// undated gold pairs, a pair merged across articles, duplicate and
// unresolved roles, calls) with kg's scorer and with the reference scorer
// corpus/score.py, and requires every figure to agree.
func TestFixtureAgreesWithScorePy(t *testing.T) {
	corpus := evaltest.CorpusDir(t)
	gold, predicted, texts := eval.LoadFixture(t)
	r := eval.Evaluate(gold, predicted, eval.WithTexts(texts))
	agreed := evaltest.Agree(t, r, evaltest.ScorePy(t, corpus, eval.FixtureGold, predicted))
	t.Log(evaltest.Summary(r, agreed))
}

// TestRandomAgreesWithScorePy compares kg's scorer with score.py on a
// corpus generated from a fixed seed: gold articles drawing on one pool of
// people, and predictions that name them by alias, surname, honorific,
// mangled title or not at all, shift dates to days, months, years or none,
// change kinds and add meetings, people and roles. It reaches corners the
// fixture and the dev set may not.
func TestRandomAgreesWithScorePy(t *testing.T) {
	corpus := evaltest.CorpusDir(t)
	rng := rand.New(rand.NewSource(16))
	gold, predicted := randomCorpus(rng, 40)
	dir := t.TempDir()
	goldFile := filepath.Join(dir, "gold.json")
	b, err := json.Marshal(map[string]any{"articles": gold})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldFile, b, 0o644); err != nil {
		t.Fatal(err)
	}
	r := eval.Evaluate(gold, predicted)
	agreed := evaltest.Agree(t, r, evaltest.ScorePy(t, corpus, goldFile, predicted))
	t.Log(evaltest.Summary(r, agreed))
}

// randomPeople are invented people: a gold name and the other ways an
// article may name them.
var randomPeople = []struct {
	name  string
	forms []string
}{
	{"Amara Kone", []string{"Kone", "President Kone", "AMARA KONÉ", "PM Amara Kone"}},
	{"Lars Holm", []string{"Holm", "Dr. Lars Holm", "FM Holm"}},
	{"Walid al-Sabri", []string{"Walid Sabri", "al-Sabri", "Sabri", "Walid el Sabri"}},
	{"Kim Dae Ho", []string{"Kim", "Kim Ho", "Dae Ho"}},
	{"Kim So Yeon", []string{"Kim Yeon", "Ms Kim So Yeon"}},
	{"Hamad bin Salman", []string{"Salman", "King Salman", "Crown Prince Hamad"}},
	{"Salman bin Faisal", []string{"Salman", "King Salman"}},
	{"Ana Lund", []string{"Lund", "Senator Ana Lund"}},
	{"Eva Lund", []string{"Lund", "Eva"}},
	{"Ayşe Kılıç", []string{"Ayse Kilic", "Kılıç", "Mrs. Ayşe Kılıç"}},
	{"Jean-Pierre Blanc", []string{"Blanc", "Jean Pierre Blanc", "Mr Blanc"}},
	{"Omar ash-Shami", []string{"Shami", "Omar Shami", "Sheikh Omar"}},
}

var (
	randomTitles = []string{"President", "Foreign Minister", "Syrian Foreign Minister", "Speaker of Parliament",
		"Minister", "Danish Consul", "Ambassador", "Iran's Ambassador", "the", "Vice-President", "Prime Minister"}
	randomDates = []string{"", "2024-03-05", "2024-03", "2024", "2024-03-04", "2023-12-31"}
	randomKinds = []string{"meeting", "call", "visit", "talks", "event", "", "Meeting", "CALL"}
	strangers   = []string{"Port Elin", "Mr.", "Ivo Brandt", "The Minister"}
)

func randomCorpus(rng *rand.Rand, n int) (gold, predicted []schema.Facts) {
	pick := func(xs []string) string { return xs[rng.Intn(len(xs))] }
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("r%02d", i)
		g := schema.Facts{ID: id, People: []schema.Person{}, Roles: []schema.Role{}, Meetings: []schema.Meeting{}}
		p := schema.Facts{ID: id}
		var names, written []string
		for _, k := range rng.Perm(len(randomPeople))[:3+rng.Intn(4)] {
			person := randomPeople[k]
			aliases := []string{}
			if rng.Intn(3) > 0 {
				aliases = append(aliases, person.forms[rng.Intn(len(person.forms))])
			}
			g.People = append(g.People, schema.Person{Name: person.name, Aliases: aliases})
			names = append(names, person.name)
			form := person.name
			if rng.Intn(2) == 0 {
				form = pick(person.forms)
			}
			written = append(written, form)
			if rng.Intn(6) > 0 {
				p.People = append(p.People, schema.Person{Name: form})
			}
		}
		if rng.Intn(3) == 0 {
			p.People = append(p.People, schema.Person{Name: pick(strangers)})
		}
		for j := range names {
			if rng.Intn(2) == 0 {
				g.Roles = append(g.Roles, schema.Role{Person: names[j], Title: pick(randomTitles)})
			}
			if rng.Intn(2) == 0 {
				p.Roles = append(p.Roles, schema.Role{Person: written[j], Title: pick(randomTitles)})
			}
		}
		for m := rng.Intn(4); m >= 0; m-- {
			people := rng.Perm(len(names))[:min(len(names), 2+rng.Intn(3))]
			var gm, pm []string
			for _, k := range people {
				gm = append(gm, names[k])
				pm = append(pm, written[k])
			}
			if rng.Intn(4) == 0 {
				pm = append(pm, pick(strangers))
			}
			kind := pick(randomKinds)
			g.Meetings = append(g.Meetings, schema.Meeting{Participants: gm, Date: schema.Str(pick(randomDates)), Kind: kind})
			if rng.Intn(4) > 0 {
				if rng.Intn(3) == 0 {
					kind = pick(randomKinds)
				}
				date := g.Meetings[len(g.Meetings)-1].Date
				if rng.Intn(2) == 0 {
					date = schema.Str(pick(randomDates))
				}
				p.Meetings = append(p.Meetings, schema.Meeting{Participants: pm[:max(2, len(pm)-rng.Intn(2))], Date: date, Kind: kind})
			}
		}
		gold, predicted = append(gold, g), append(predicted, p)
	}
	return gold, predicted
}
