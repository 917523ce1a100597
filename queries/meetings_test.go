package queries_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
)

func TestMeetings(t *testing.T) {
	store := fixtureStore(t)
	for _, tc := range []struct {
		name string
		args map[string]string
		want []string // "participants|date|sources"
	}{
		{"all, newest first, undated last", nil, []string{
			"Ali Shamkhani,Faisal al-Mekdad|2020-12-08|003_07f9cb30cefc7fda",
			"Amir Hatami,Faisal al-Mekdad|2020-12-08|003_07f9cb30cefc7fda",
			"Faisal al-Mekdad,Hassan Rouhani|2020-12-08|003_07f9cb30cefc7fda",
			"Faisal al-Mekdad,Mohammad Bagher Ghalibaf|2020-12-07|003_07f9cb30cefc7fda",
			"Adel Abdul Mahdi,Ali Akbar Velayati|2017-02-07|004_40a047d0b804c451",
			"Hassan Rouhani,Imad Khamis|2017-01-18|000_f7356908f0a07a4a,001_bde1dc2722e06bb9",
			"Ali Akbar Velayati,Walid al-Muallem|2017-01-01|002_a7a2dea42ed54148",
			"Ali Akbar Velayati,Imad Khamis||000_f7356908f0a07a4a,001_bde1dc2722e06bb9",
			"Ali Larijani,Walid al-Muallem||002_a7a2dea42ed54148",
		}},
		{"person by surname", map[string]string{"person": "Rouhani"}, []string{
			"Faisal al-Mekdad,Hassan Rouhani|2020-12-08|003_07f9cb30cefc7fda",
			"Hassan Rouhani,Imad Khamis|2017-01-18|000_f7356908f0a07a4a,001_bde1dc2722e06bb9",
		}},
		{"person in a month, variant spelling", map[string]string{"person": "Hassan Rohani", "from": "2017-01", "to": "2017-01"}, []string{
			"Hassan Rouhani,Imad Khamis|2017-01-18|000_f7356908f0a07a4a,001_bde1dc2722e06bb9",
		}},
		{"person with person", map[string]string{"person": "Mekdad", "with": "Ghalibaf"}, []string{
			"Faisal al-Mekdad,Mohammad Bagher Ghalibaf|2020-12-07|003_07f9cb30cefc7fda",
		}},
		{"date range excludes undated", map[string]string{"from": "2020-12-08"}, []string{
			"Ali Shamkhani,Faisal al-Mekdad|2020-12-08|003_07f9cb30cefc7fda",
			"Amir Hatami,Faisal al-Mekdad|2020-12-08|003_07f9cb30cefc7fda",
			"Faisal al-Mekdad,Hassan Rouhani|2020-12-08|003_07f9cb30cefc7fda",
		}},
		{"a month", map[string]string{"from": "2017-01", "to": "2017-01"}, []string{
			"Hassan Rouhani,Imad Khamis|2017-01-18|000_f7356908f0a07a4a,001_bde1dc2722e06bb9",
			"Ali Akbar Velayati,Walid al-Muallem|2017-01-01|002_a7a2dea42ed54148",
		}},
		{"a range ending before the facts", map[string]string{"to": "2016"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range run(t, store, "meetings", tc.args) {
				got = append(got, fmt.Sprintf("%s|%s|%s", join(r["participants"]), str(r["date"]), join(r["sources"])))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("meetings %v:\ngot\n  %s\nwant\n  %s", tc.args, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestMeetingsOfSomebodyUnknown(t *testing.T) {
	store := fixtureStore(t)
	s, err := queries.Get("meetings")
	if err != nil {
		t.Fatal(err)
	}
	args := queries.Args(map[string]string{"person": "Nobody Atall"})
	err = store.Query(context.Background(), queries.Prelude()+s.Source, graph.QueryOptions{Args: args}, func(any) error { return nil })
	if err == nil || !strings.Contains(err.Error(), `no person called "Nobody Atall" in the store`) {
		t.Errorf("meetings of a person nobody is called: error %v, want one saying no person is called so", err)
	}
}

func join(v any) string {
	xs, _ := v.([]any)
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ",")
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
