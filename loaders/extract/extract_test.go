package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kg-project/kg/schema"
)

// checkInvariants asserts what must hold for any input: facts name only
// listed people, evidence is a substring of the text, dates are ISO.
func checkInvariants(t *testing.T, text string, f schema.Facts) {
	t.Helper()
	people := map[string]bool{}
	for _, p := range f.People {
		if p.Name == "" {
			t.Errorf("empty person name")
		}
		people[p.Name] = true
		if p.Evidence != "" && !strings.Contains(text, p.Evidence) {
			t.Errorf("person evidence %q not in text", p.Evidence)
		}
	}
	for _, r := range f.Roles {
		if !people[r.Person] {
			t.Errorf("role for unlisted person %q", r.Person)
		}
		if !strings.Contains(text, r.Evidence) {
			t.Errorf("role evidence %q not in text", r.Evidence)
		}
	}
	for _, m := range f.Meetings {
		if len(m.Participants) < 2 {
			t.Errorf("meeting with %d participants", len(m.Participants))
		}
		for _, p := range m.Participants {
			if !people[p] {
				t.Errorf("meeting with unlisted person %q", p)
			}
		}
		if !strings.Contains(text, m.Evidence) {
			t.Errorf("meeting evidence %q not in text", m.Evidence)
		}
		if m.Date != nil && !parseISODay(*m.Date).valid() {
			t.Errorf("meeting date %q is not ISO", *m.Date)
		}
		if m.Kind != schema.KindMeeting && m.Kind != schema.KindCall {
			t.Errorf("meeting kind %q", m.Kind)
		}
	}
	for _, e := range f.Events {
		if !strings.Contains(text, e.Evidence) {
			t.Errorf("event evidence %q not in text", e.Evidence)
		}
	}
}

func TestExtractSeedsInvariants(t *testing.T) {
	arts, _ := loadSeeds(t)
	for _, a := range arts {
		f := Extract(Document{ID: a.ID, Text: a.Text, Published: a.Published})
		if f.ID != a.ID || f.Published != a.Published {
			t.Errorf("%s: id/published = %q/%q", a.ID, f.ID, f.Published)
		}
		checkInvariants(t, a.Text, f)
		if f.People == nil || f.Roles == nil || f.Meetings == nil || f.Events == nil {
			t.Errorf("%s: nil list in facts (JSON must show [])", a.ID)
		}
	}
}

func TestPublishedFromDateline(t *testing.T) {
	f := Extract(Document{Text: "Rouhani hails talks\n\nDecember 8, 2020 - 16:12\n\nTEHRAN — President Hassan Rouhani on Tuesday met Syrian Foreign Minister Faisal al-Mekdad."})
	if f.Published != "2020-12-08" {
		t.Fatalf("published = %q", f.Published)
	}
	if len(f.Meetings) != 1 || schema.Deref(f.Meetings[0].Date) != "2020-12-08" {
		t.Fatalf("meetings = %+v", f.Meetings)
	}
	// Metadata wins over the dateline.
	f = Extract(Document{Text: " date 2017-01-01 Officials met.", Published: "2017-01-02"})
	if f.Published != "2017-01-02" {
		t.Fatalf("published = %q, want the metadata date", f.Published)
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", "...", "“", "Mr.", "al-", "President", "Jan. 2017-13-45 on Monday", "\xff\xfe bad utf8 Dr."} {
		f := Extract(Document{Text: in})
		checkInvariants(t, in, f)
		b, err := json.Marshal(f)
		if err != nil || !strings.Contains(string(b), `"people":[]`) {
			t.Errorf("Extract(%q) JSON = %s, %v", in, b, err)
		}
	}
}

// TestGoldenArticles compares the --explain facts of each article in
// testdata/articles (written for these tests in the styles of Reuters, AP,
// Xinhua, TASS and Al Jazeera, about officials of many countries) with its
// .golden.json file. Review the differences, then accept them with
// UPDATE_GOLDEN=1 go test -run TestGoldenArticles ./loaders/extract/.
func TestGoldenArticles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test articles: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			f := Extract(Document{ID: name, Text: string(in), Published: "2023-05-17"})
			checkInvariants(t, string(in), f)
			got, err := json.MarshalIndent(f, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
			if os.Getenv("UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (set UPDATE_GOLDEN=1 to create): %v", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("facts differ from %s (UPDATE_GOLDEN=1 to accept):\n%s", golden, got)
			}
		})
	}
}

func BenchmarkExtract(b *testing.B) {
	arts, _ := loadSeeds(b)
	size := 0
	for _, a := range arts {
		size += len(a.Text)
	}
	places() // the gazetteer is built once per process, not per call
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			Extract(Document{ID: a.ID, Text: a.Text, Published: a.Published})
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis on Wednesday.", "2017-01-18")
	f.Add("In a meeting with Khamis, Velayati said “no”. He also met Dr. X (SNSC) Ali Shamkhani and Y separately.", "")
	f.Add(" date 2017-01-01 Ali Akbar Velayati, a top advisor to Iran's Leader, hailed", "")
	f.Add("U.S.-backed al- bin [Ayatollah] , the , his Russian counterpart", "2020-02-29")
	f.Fuzz(func(t *testing.T, text, pub string) {
		if !utf8.ValidString(text) {
			return
		}
		facts := Extract(Document{ID: "fuzz", Text: text, Published: pub})
		checkInvariants(t, text, facts)
	})
}
