package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kg-project/kg/schema"
)

// FixtureGold is the fixture's gold annotation.
const FixtureGold = "testdata/fixture/gold.json"

var update = flag.Bool("update", false, "rewrite the golden files in testdata/fixture")

// loadFixture reads the hand-written fixture: four short articles of our
// own, their gold annotation, a prediction with at least one error of
// every group, and the articles' text.
func loadFixture(t *testing.T) (gold, predicted []schema.Facts, texts map[string]string) {
	t.Helper()
	var err error
	if gold, err = ReadGold(FixtureGold); err != nil {
		t.Fatal(err)
	}
	if predicted, err = ReadGold("testdata/fixture/predicted.json"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("testdata/fixture/texts.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &texts); err != nil {
		t.Fatal(err)
	}
	return gold, predicted, texts
}

// TestGolden renders the fixture's report as a table, with and without
// errors, and as JSON, and compares each with its golden file (go test
// -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	gold, predicted, texts := loadFixture(t)
	r := Evaluate(gold, predicted, WithTexts(texts))
	for _, tc := range []struct {
		file   string
		render func(*bytes.Buffer) error
	}{
		{"table.golden", func(b *bytes.Buffer) error { return WriteTable(b, r, false) }},
		{"errors.golden", func(b *bytes.Buffer) error { return WriteTable(b, r, true) }},
		{"report.json.golden", func(b *bytes.Buffer) error {
			enc := json.NewEncoder(b)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(r)
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.render(&b); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "fixture", tc.file)
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -run TestGolden -update writes it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from the output:\n%s", path, b.String())
			}
		})
	}
}
