package loaders

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kg-project/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// result is what a walk produced, as stored in a golden file.
type result struct {
	Articles []schema.Article `json:"articles"`
	Problems []string         `json:"problems"`
	Warnings []string         `json:"warnings,omitempty"`
	Skipped  []string         `json:"skipped,omitempty"`
}

func walkAll(t *testing.T, opt Options, paths ...string) result {
	t.Helper()
	var res result
	here := wd(t) + string(filepath.Separator)
	opt.Skipped = func(s Skip) { res.Skipped = append(res.Skipped, s.Article.Origin+": "+s.Reason) }
	err := Walk(context.Background(), paths, opt, func(a schema.Article) error {
		// Locations are absolute; golden files hold them relative to the
		// package, so they do not depend on where the checkout is.
		for i, loc := range a.Locations {
			a.Locations[i] = strings.TrimPrefix(loc, here)
		}
		res.Articles = append(res.Articles, a)
		return nil
	}, res.problem)
	if err != nil {
		t.Fatalf("Walk(%v): %v", paths, err)
	}
	return res
}

// problem files a problem as an error or a warning.
func (res *result) problem(p Problem) {
	if p.Warning {
		res.Warnings = append(res.Warnings, p.Error())
	} else {
		res.Problems = append(res.Problems, p.Error())
	}
}

// readAll reads one input with ReadFrom and returns what came of it.
func readAll(t *testing.T, name string, r io.Reader, opt Options) result {
	t.Helper()
	var res result
	err := ReadFrom(context.Background(), name, r, opt, func(a schema.Article) error {
		res.Articles = append(res.Articles, a)
		return nil
	}, res.problem)
	if err != nil {
		t.Fatalf("ReadFrom(%s): %v", name, err)
	}
	return res
}

// checkGolden compares res with testdata/golden/NAME.json, or rewrites it
// with -update.
func checkGolden(t *testing.T, name string, res result) {
	t.Helper()
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./loaders -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("result differs from %s (rerun with -update after checking):\n%s", path, got)
	}
}

func byID(arts []schema.Article) map[string]schema.Article {
	m := map[string]schema.Article{}
	for _, a := range arts {
		m[a.ID] = a
	}
	return m
}

var leakMarker = regexp.MustCompile(`MUST-NOT-LEAK|function\s*\(|gtag|<script|<p>|</`)

func TestWalkFormats(t *testing.T) {
	tests := []struct {
		name     string
		paths    []string
		opt      Options
		articles int
		problems []string // substrings, one per problem, in order
		warnings int
		check    func(t *testing.T, arts []schema.Article)
	}{
		{
			name:     "html-news-page",
			paths:    []string{"testdata/html/tehran-talks.html"},
			articles: 1,
			check: func(t *testing.T, arts []schema.Article) {
				a := arts[0]
				if a.ID != "https://news.example.org/world/2017/01/18/rouhani-khamis-astana" || a.URL != a.ID {
					t.Errorf("id/url = %q/%q, want the canonical URL", a.ID, a.URL)
				}
				if a.Published != "2017-01-18" {
					t.Errorf("published = %q", a.Published)
				}
				if !strings.Contains(a.Title, "Rouhani, Syrian prime minister discuss Astana talks") {
					t.Errorf("title = %q", a.Title)
				}
				if a.Source != "Example Daily" {
					t.Errorf("source = %q", a.Source)
				}
				for _, want := range []string{"Hassan Rouhani", "Imad Khamis", "Ali Akbar Velayati", "Astana, Kazakhstan"} {
					if !strings.Contains(a.Text, want) {
						t.Errorf("text lacks %q:\n%s", want, a.Text)
					}
				}
				for _, bad := range []string{"Subscribe", "Most read", "All rights reserved", "Privacy"} {
					if strings.Contains(a.Text, bad) {
						t.Errorf("text has page furniture %q:\n%s", bad, a.Text)
					}
				}
				if m := leakMarker.FindString(a.Text); m != "" {
					t.Errorf("script, nav or markup leaked into text (%q):\n%s", m, a.Text)
				}
			},
		},
		{
			name:     "html-scripts-only",
			paths:    []string{"testdata/html/scripts-only.html"},
			problems: []string{"testdata/html/scripts-only.html: no article text found in the HTML page"},
		},
		{
			name:     "rss2",
			paths:    []string{"testdata/feeds/world.rss"},
			articles: 2,
			// An item without text is a warning: feeds carry photo galleries.
			warnings: 1,
			check: func(t *testing.T, arts []schema.Article) {
				m := byID(arts)
				a, ok := m["wire-2017-0207-001"]
				if !ok {
					t.Fatalf("no article with the guid as id: %v", arts)
				}
				if a.Published != "2017-02-07" || a.Source != "Example Wire – World" || a.Title != "Zarif meets Lavrov in Moscow" {
					t.Errorf("item 1 = %+v", a)
				}
				if !strings.Contains(a.Text, "discussed the Astana talks & the ceasefire") || strings.Contains(a.Text, "Short summary") {
					t.Errorf("item 1 text should be the content, HTML stripped: %q", a.Text)
				}
				b, ok := m["https://wire.example.com/world/2017/02/06/erdogan-putin-call"]
				if !ok {
					t.Fatalf("item without guid should be identified by its link: %v", arts)
				}
				if b.Published != "2017-02-06" || !strings.Contains(b.Text, "the Turkish presidency said.") {
					t.Errorf("item 2 = %+v", b)
				}
				for _, a := range arts {
					if m := leakMarker.FindString(a.Text); m != "" {
						t.Errorf("markup leaked (%q): %q", m, a.Text)
					}
				}
			},
		},
		{
			name:     "atom",
			paths:    []string{"testdata/feeds/diplomacy.atom"},
			articles: 2,
			check: func(t *testing.T, arts []schema.Article) {
				m := byID(arts)
				a := m["tag:diplomacy.example.net,2020:rouhani-mekdad"]
				if a.Published != "2020-12-08" || a.Source != "Diplomacy Desk" || !strings.Contains(a.Text, "Faisal al-Mekdad in Tehran on Tuesday.\nMekdad arrived") {
					t.Errorf("entry 1 = %+v", a)
				}
				b := m["tag:diplomacy.example.net,2020:zarif-mekdad"]
				if b.Published != "2020-12-07" || !strings.Contains(b.Text, "held talks with his Syrian counterpart") {
					t.Errorf("entry 2 (summary only, updated date only) = %+v", b)
				}
			},
		},
		{
			name:     "xml-not-a-feed",
			paths:    []string{"testdata/feeds/sitemap.xml"},
			problems: []string{"testdata/feeds/sitemap.xml: not a readable RSS or Atom feed"},
		},
		{
			name:     "json-container",
			paths:    []string{"testdata/json/newsapi.json"},
			articles: 2,
			warnings: 1, // record "https://times.example.com/headline-only" has no text
			check: func(t *testing.T, arts []schema.Article) {
				a, b := arts[0], arts[1]
				if a.ID != "https://times.example.com/2017/01/01/velayati-muallem" || a.Source != "Example Times" || a.Published != "2017-01-01" || !strings.HasPrefix(a.Text, "Ali Akbar Velayati") {
					t.Errorf("record 1 = %+v", a)
				}
				if a.Origin != "testdata/json/newsapi.json:5" {
					t.Errorf("record 1 origin = %q, want the line its object starts on", a.Origin)
				}
				if b.Source != "Example Herald" || b.Published != "2017-02-06" || b.Text != "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan discussed Syria in a phone call on Monday." {
					t.Errorf("record 2 (description with HTML, RFC 1123 date) = %+v", b)
				}
			},
		},
		{
			name:     "json-array",
			paths:    []string{"testdata/json/newsplease.json"},
			articles: 3,
			problems: []string{"testdata/json/newsplease.json:21: not a JSON object but a string"},
			check: func(t *testing.T, arts []schema.Article) {
				a, b, c := arts[0], arts[1], arts[2]
				if a.ID != "https://www.tehrantimes.example/news/410001/rouhani-meets-khamis" || a.Published != "2017-01-18" || a.Source != "www.tehrantimes.example" || a.Title != "Rouhani meets Khamis" {
					t.Errorf("news-please record = %+v", a)
				}
				if b.ID != "5a1f00c0e1b2c3d4e5f60718" || b.Published != "2017-02-07" || b.Source != "Example Wire" || b.Title != "Zarif meets Lavrov" ||
					b.Text != "MOSCOW – Iranian Foreign Minister Mohammad Javad Zarif met Sergei Lavrov on Tuesday.\n\nThe ministers discussed Syria." {
					t.Errorf("mongo-style record (epoch date, paragraphs array) = %+v", b)
				}
				if c.ID != "42" || c.Published != "2017-01-18" || c.Origin != "testdata/json/newsplease.json:22" {
					t.Errorf("numeric id, date in words = %+v", c)
				}
			},
		},
		{
			name:     "json-single",
			paths:    []string{"testdata/json/single.json"},
			opt:      Options{Date: "2000-01-01", Source: "fallback"},
			articles: 1,
			check: func(t *testing.T, arts []schema.Article) {
				a := arts[0]
				if a.ID != "single-001" || a.Published != "2017-01-18" || a.Source != "Press TV" || a.Origin != "testdata/json/single.json:1" {
					t.Errorf("single record = %+v (its own date and source win over the options)", a)
				}
			},
		},
		{
			name:     "json-truncated",
			paths:    []string{"testdata/json/truncated.json"},
			articles: 1,
			problems: []string{"testdata/json/truncated.json:3: invalid JSON: the file ends in the middle of the value that starts here"},
		},
		{
			name:     "jsonl-bad-lines",
			paths:    []string{"testdata/jsonl/mixed.jsonl"},
			opt:      Options{Source: "Fallback Source"},
			articles: 3,
			problems: []string{
				"testdata/jsonl/mixed.jsonl:2: invalid JSON: invalid character 'b'",
				"testdata/jsonl/mixed.jsonl:6: not a JSON object but an array",
			},
			warnings: 1, // record "j3" has no text
			check: func(t *testing.T, arts []schema.Article) {
				m := byID(arts)
				if a := m["j1"]; a.Origin != "testdata/jsonl/mixed.jsonl:1" || a.Source != "Mehr News Agency" {
					t.Errorf("j1 = %+v", a)
				}
				if a := m["j4"]; a.Origin != "testdata/jsonl/mixed.jsonl:7" || a.Published != "2017-02-07" || a.Source != "example.ir" || a.Text != "Zarif met Mekdad in Damascus.\nThey discussed trade." {
					t.Errorf("j4 (CRLF line) = %+v", a)
				}
				if a := m["j5"]; a.Published != "2017-01-18" || a.Source != "Fallback Source" || a.Text != "Velayati met Khamis." {
					t.Errorf("j5 (HTML content, --source fallback) = %+v", a)
				}
			},
		},
		{
			name:     "jsonl-gzip",
			paths:    []string{"testdata/jsonl/compressed.jsonl.gz"},
			articles: 2,
			check: func(t *testing.T, arts []schema.Article) {
				if arts[0].ID != "g1" || arts[1].Origin != "testdata/jsonl/compressed.jsonl.gz:2" || arts[1].Published != "2017-01-01" {
					t.Errorf("gzip records = %+v", arts)
				}
			},
		},
		{
			name:  "bad-inputs",
			paths: []string{"testdata/bad"},
			problems: []string{
				"testdata/bad/blank.txt: empty file (only blank space)",
				"testdata/bad/empty.txt: empty file",
				"testdata/bad/pixel.txt: binary data",
				"testdata/bad/program.bin: binary data",
				"testdata/bad/utf16.txt: UTF-16 text is not supported",
			},
			articles: 1,
			warnings: 1,
			check: func(t *testing.T, arts []schema.Article) {
				a := arts[0]
				if a.Origin != "testdata/bad/latin1.txt" || a.Text != "Caf\uFFFD owner meets mayor\n\nThe owner of the Caf\uFFFD de Flore met the mayor of Paris on Monday.\n" {
					t.Errorf("invalid UTF-8 should be repaired: %+v", a)
				}
			},
		},
		{
			name:     "csv-articles",
			paths:    []string{"testdata/csv/articles.csv"},
			articles: 3,
			warnings: 1, // row "csv-3" has no text
			check: func(t *testing.T, arts []schema.Article) {
				a, b, c := arts[0], arts[1], arts[2]
				if a.ID != "csv-1" || a.URL != "https://wire.example.com/2017/01/18/rouhani-khamis" || a.Title != "Rouhani meets Khamis" ||
					a.Published != "2017-01-18" || a.Source != "Example Wire" || a.Language != "en" || a.Origin != "testdata/csv/articles.csv:2" ||
					a.Text != "TEHRAN – Iranian President Hassan Rouhani met Syrian Prime Minister Imad Khamis in Tehran on Wednesday.\nThe two discussed the Astana talks." {
					t.Errorf("row 1 (quoted text over two lines) = %+v", a)
				}
				if b.Published != "2017-02-07" || b.Text != "MOSCOW – Iranian Foreign Minister Mohammad Javad Zarif met Sergei Lavrov on Tuesday.\nThey discussed Syria." || b.Origin != "testdata/csv/articles.csv:4" {
					t.Errorf("row 2 (HTML text, RFC 1123 date) = %+v", b)
				}
				if c.ID != "csv-4" || c.Origin != "testdata/csv/articles.csv:6" {
					t.Errorf("row 4 = %+v", c)
				}
			},
		},
		{
			name:     "csv-gdelt-refused",
			paths:    []string{"testdata/csv/events.export.CSV"},
			problems: []string{`testdata/csv/events.export.CSV:1: a tab-separated table of 61 columns with no text column (first row: "880411200", "20190918", "201909", "2019", "2019.7096", "IRN", ...), not articles; kg reads tables whose header row names the text column (text, maintext, body, content, article, full_text, description); this looks like a GDELT events table`},
		},
		{
			name:     "csv-figures-refused",
			paths:    []string{"testdata/csv/figures.csv"},
			problems: []string{`testdata/csv/figures.csv:1: a CSV table of 4 columns with no text column (first row: "date", "indicator", "country", "value"), not articles`},
		},
		{
			name:     "ccnews-jsonl",
			paths:    []string{"testdata/json/ccnews.jsonl"},
			articles: 2,
			warnings: 1, // the paywalled record has no text
			check: func(t *testing.T, arts []schema.Article) {
				a, b := arts[0], arts[1]
				if a.ID != "https://www.tehrantimes.example/news/410001/rouhani-meets-khamis" || a.Title != "Rouhani meets Khamis" || a.Published != "2017-01-18" ||
					a.Source != "www.tehrantimes.example" || a.Language != "en" || !strings.HasPrefix(a.Text, "TEHRAN – Iranian President") {
					t.Errorf("news-please record = %+v", a)
				}
				if b.ID != "https://www.wire.example/zarif-lavrov" || b.Language != "en" || b.Published != "2017-02-07" {
					t.Errorf("record without a language field (identified from its text) = %+v", b)
				}
			},
		},
		{
			name:     "languages",
			paths:    []string{"testdata/lang"},
			articles: 0,
		},
		{
			name:     "missing-path",
			paths:    []string{"testdata/no-such-file.txt"},
			problems: []string{"testdata/no-such-file.txt: no such file or folder"},
		},
		{
			name:     "nested-folder",
			paths:    []string{"testdata/nested"},
			opt:      Options{Date: "2017-03-01"},
			articles: 5,
			check: func(t *testing.T, arts []schema.Article) {
				var origins []string
				for _, a := range arts {
					origins = append(origins, a.Origin)
				}
				want := []string{
					"testdata/nested/assets/notes",
					"testdata/nested/world/digest.jsonl:1",
					"testdata/nested/world/digest.jsonl:2",
					"testdata/nested/world/middle-east/velayati-muallem.txt",
					"testdata/nested/world/middle-east/wire-export",
				}
				if strings.Join(origins, "\n") != strings.Join(want, "\n") {
					t.Errorf("origins (sorted walk; hidden files and folders and images skipped) =\n%s\nwant\n%s", strings.Join(origins, "\n"), strings.Join(want, "\n"))
				}
				m := byID(arts)
				if a := m["wire-export-1"]; a.Published != "2017-01-18" || a.Source != "Wire Export" {
					t.Errorf("sniffed RSS item = %+v", a)
				}
				txt := arts[3]
				if txt.Title != "Velayati hails Aleppo liberation" || txt.Published != "2017-03-01" || !strings.HasPrefix(txt.ID, "sha256-") {
					t.Errorf("text article = %+v", txt)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := walkAll(t, tt.opt, tt.paths...)
			if len(res.Articles) != tt.articles {
				t.Errorf("%d articles, want %d: %+v", len(res.Articles), tt.articles, res.Articles)
			}
			if len(res.Problems) != len(tt.problems) {
				t.Errorf("problems:\n%s\nwant %d like:\n%s", strings.Join(res.Problems, "\n"), len(tt.problems), strings.Join(tt.problems, "\n"))
			} else {
				for i, want := range tt.problems {
					if !strings.HasPrefix(res.Problems[i], want) {
						t.Errorf("problem %d = %q, want it to start with %q", i, res.Problems[i], want)
					}
				}
			}
			if len(res.Warnings) != tt.warnings {
				t.Errorf("warnings = %q, want %d", res.Warnings, tt.warnings)
			}
			for _, a := range res.Articles {
				if a.ID == "" || strings.TrimSpace(a.Text) == "" || a.Origin == "" {
					t.Errorf("incomplete article %+v", a)
				}
			}
			if tt.check != nil && len(res.Articles) == tt.articles {
				tt.check(t, res.Articles)
			}
			checkGolden(t, tt.name, res)
		})
	}
}

// TestSeeds reads the bundled seed articles both ways: the five .txt files
// and articles.jsonl give the same texts, the JSON Lines records carry the
// ids and dates of the gold annotations.
func TestSeeds(t *testing.T) {
	seeds := filepath.Join("..", "testdata", "seeds")
	var gold struct {
		Articles []struct {
			ID        string `json:"id"`
			Published string `json:"published"`
			Source    string `json:"source"`
		} `json:"articles"`
	}
	data, err := os.ReadFile(filepath.Join(seeds, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Articles) != 5 {
		t.Fatalf("gold has %d articles, want 5", len(gold.Articles))
	}

	records := walkAll(t, Options{}, filepath.Join(seeds, "articles.jsonl"))
	if len(records.Problems) != 0 || len(records.Articles) != 5 {
		t.Fatalf("articles.jsonl: %d articles, problems %q", len(records.Articles), records.Problems)
	}
	for i, g := range gold.Articles {
		a := records.Articles[i]
		if a.ID != g.ID || a.Published != g.Published || a.Source != g.Source {
			t.Errorf("record %d = id %q published %q source %q, want %q %q %q", i+1, a.ID, a.Published, a.Source, g.ID, g.Published, g.Source)
		}
	}

	var txt []string
	for _, g := range gold.Articles {
		txt = append(txt, filepath.Join(seeds, g.ID+".txt"))
	}
	texts := walkAll(t, Options{}, txt...)
	if len(texts.Problems) != 0 || len(texts.Articles) != 5 {
		t.Fatalf("seed .txt files: %d articles, problems %q", len(texts.Articles), texts.Problems)
	}
	ids := map[string]bool{}
	for i, a := range texts.Articles {
		if a.Text != records.Articles[i].Text {
			t.Errorf("%s: text differs from the JSON Lines record %s", a.Origin, records.Articles[i].ID)
		}
		want := schema.Article{Text: a.Text}
		want.Identify()
		if a.ID != want.ID || ids[a.ID] {
			t.Errorf("%s: id %q, want the text hash %q, distinct per article", a.Origin, a.ID, want.ID)
		}
		ids[a.ID] = true
		if a.Published != "" {
			t.Errorf("%s: published %q without --date; the extractor reads datelines", a.Origin, a.Published)
		}
	}
	if texts.Articles[3].Title != "Rouhani: Astana peace talks can protect Syrian territorial integrity" {
		t.Errorf("headline of seed 4 = %q", texts.Articles[3].Title)
	}
	if texts.Articles[0].Title != "" {
		t.Errorf("a first line that is a sentence is no title: %q", texts.Articles[0].Title)
	}

	dated := walkAll(t, Options{Date: "2017-01-18", Source: "Seed"}, txt[0])
	if a := dated.Articles[0]; a.Published != "2017-01-18" || a.Source != "Seed" {
		t.Errorf("--date/--source not applied: %+v", a)
	}
}

// TestReadFromStdin reads standard input's stand-in, sniffing the format
// from the content since there is no name to go by.
func TestReadFromStdin(t *testing.T) {
	rss, err := os.ReadFile("testdata/feeds/world.rss")
	if err != nil {
		t.Fatal(err)
	}
	gz, err := os.ReadFile("testdata/jsonl/compressed.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("testdata/html/tehran-talks.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		input    []byte
		origins  []string
		problems int
	}{
		{"jsonl", []byte("{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n"), []string{"stdin:1", "stdin:2"}, 0},
		{"json object", []byte("{\n  \"id\": \"a\",\n  \"text\": \"one\"\n}\n"), []string{"stdin:1"}, 0},
		{"json array", []byte(" [{\"id\":\"a\",\"text\":\"one\"},\n{\"id\":\"b\",\"text\":\"two\"}]"), []string{"stdin:1", "stdin:2"}, 0},
		{"rss", rss, []string{"stdin", "stdin"}, 1},
		{"gzip jsonl", gz, []string{"stdin:1", "stdin:2"}, 0},
		{"html", page, []string{"stdin"}, 0},
		{"text with BOM", []byte("\xEF\xBB\xBF[Reuters] Putin met Erdogan.\n"), []string{"stdin"}, 0},
		// Issue 15, item 19: a BOM starting a later line (files joined
		// with cat) was "not a JSON object but not JSON"; CR-only line
		// ends made the whole file one bad record.
		{"jsonl with a BOM on each line", []byte("\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"one\"}\n\xEF\xBB\xBF{\"id\":\"b\",\"text\":\"two\"}\n"), []string{"stdin:1", "stdin:2"}, 0},
		{"jsonl with CR line ends", []byte("{\"id\":\"a\",\"text\":\"one\"}\r{\"id\":\"b\",\"text\":\"two\"}\r\r{\"id\":\"c\",\"text\":\"three\"}\r"), []string{"stdin:1", "stdin:2", "stdin:4"}, 0},
		{"jsonl with CRLF line ends", []byte("{\"id\":\"a\",\"text\":\"one\"}\r\n\r\n{\"id\":\"b\",\"text\":\"two\"}\r\n"), []string{"stdin:1", "stdin:3"}, 0},
		{"jsonl with a bad CR-ended line", []byte("{\"id\":\"a\",\"text\":\"one\"}\r{oops\r{\"id\":\"c\",\"text\":\"three\"}\r"), []string{"stdin:1", "stdin:3"}, 1},
		{"empty", nil, nil, 1},
		{"binary", []byte{0x00, 0x01, 0x02, 0xff}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var origins []string
			var problems []Problem
			err := ReadFrom(context.Background(), StdinName, bytes.NewReader(tt.input), Options{}, func(a schema.Article) error {
				origins = append(origins, a.Origin)
				return nil
			}, func(p Problem) { problems = append(problems, p) })
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(origins, ",") != strings.Join(tt.origins, ",") {
				t.Errorf("origins %q, want %q", origins, tt.origins)
			}
			if len(problems) != tt.problems {
				t.Errorf("problems %v, want %d", problems, tt.problems)
			}
			for _, p := range problems {
				if p.Path != StdinName || !strings.HasPrefix(p.Error(), "stdin") {
					t.Errorf("problem %q does not name stdin", p.Error())
				}
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := Walk(context.Background(), []string{"testdata/nested"}, Options{}, func(schema.Article) error {
		calls++
		return stop
	}, nil)
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("fn error: got %v after %d calls, want stop after 1", err, calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Walk(ctx, []string{"testdata/nested"}, Options{}, func(schema.Article) error {
		t.Error("article read after cancellation")
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled walk returned %v", err)
	}
}

func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Skip("no symlinks:", err)
	}
	locked := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(locked, []byte("Secret story.\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(wd(t), "testdata", "nested", "world"), filepath.Join(dir, "linked")); err != nil {
		t.Fatal(err)
	}
	res := walkAll(t, Options{}, dir)
	for _, a := range res.Articles {
		if a.Origin != filepath.Join(dir, "locked.txt") { // root reads it anyway
			t.Errorf("a link to a folder inside a folder should not be followed: %+v", a)
		}
	}
	if linked := walkAll(t, Options{}, filepath.Join(dir, "linked")); len(linked.Articles) != 4 {
		t.Errorf("a link to a folder named as a path should be read: %d articles", len(linked.Articles))
	}
	want := []string{dir + "/broken.txt: no such file or folder"}
	if os.Geteuid() != 0 { // root reads anything
		want = append(want, dir+"/locked.txt: cannot read: permission denied")
	}
	if len(res.Problems) != len(want) {
		t.Fatalf("problems %q, want %q", res.Problems, want)
	}
	for i := range want {
		if !strings.HasPrefix(res.Problems[i], want[i]) {
			t.Errorf("problem %q, want %q", res.Problems[i], want[i])
		}
	}
}

// TestReadFailure reads a file that opens but fails to read (as root can
// read any file, permissions cannot make one on every machine).
func TestReadFailure(t *testing.T) {
	const path = "/proc/self/mem" // reading at offset 0 fails with EIO
	if _, err := os.Stat(path); err != nil {
		t.Skip(err)
	}
	res := walkAll(t, Options{}, path)
	if len(res.Articles) != 0 || len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0], path+": read failed: ") {
		t.Errorf("got %d articles, problems %q", len(res.Articles), res.Problems)
	}
}

func wd(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestProblemError(t *testing.T) {
	err := errors.New("invalid JSON")
	if got := (Problem{Path: "a.jsonl", Line: 7, Err: err}).Error(); got != "a.jsonl:7: invalid JSON" {
		t.Errorf("got %q", got)
	}
	if got := (Problem{Path: "a.txt", Err: err}).Error(); got != "a.txt: invalid JSON" {
		t.Errorf("got %q", got)
	}
	if !errors.Is(Problem{Path: "x", Err: err}, err) {
		t.Error("Problem does not unwrap")
	}
}

// TestBrokenStreams covers inputs that break off: truncated gzip and JSON,
// and a gzip stream with a bad checksum. The records before the break load.
func TestBrokenStreams(t *testing.T) {
	gz, err := os.ReadFile("testdata/jsonl/compressed.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	badSum := bytes.Clone(gz)
	badSum[len(badSum)-6] ^= 0xff // inside the CRC-32 trailer
	tests := []struct {
		name     string
		input    []byte
		articles int
		problem  string
	}{
		{"x.jsonl.gz", gz[:len(gz)-10], 0, "x.jsonl.gz:"},
		// The checksum is checked at the end of the stream: the records
		// before it are read.
		{"x.jsonl.gz", badSum, 2, "x.jsonl.gz:3: read failed: gzip: invalid checksum"},
		{"x.jsonl.gz", gz[:5], 0, "x.jsonl.gz: corrupt gzip data"},
		{"x.json", []byte("[{\"text\": \"a\"},\n{\"text\": \"b\"}, {\"te"), 2, "x.json:2: invalid JSON: the file ends in the middle of the value that starts here"},
		{"x.json", []byte("{\"articles\": [{\"text\": \"a\"}, {\"text\": \"b\"}], \"status\": \"ok\"}"), 2, ""},
		{"x.json", []byte("\"just a string\""), 0, "x.json:1: top-level JSON value is a string"},
		{"x.jsonl", []byte("{\"text\": \"a\"}\n{\"text\": \"b\""), 1, "x.jsonl:2: invalid JSON: unexpected end of JSON input"},
		{"x.jsonl", []byte("{\"text\": broken}\n{\"text\": \"b\"}\n"), 1, "x.jsonl:1: invalid JSON"},
		{"x.jsonl", []byte("{\"text\": \"cut\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n"), 2, "x.jsonl:1: invalid JSON"},
		{"stdin", []byte("{\"text\": broken}\n{\"text\": \"b\"}\n"), 1, "stdin:1: invalid JSON"},
		{"x.jsonl", []byte("{\n  \"text\": \"pretty\"\n}\n"), 1, ""},
		{"x.json", []byte("{\"text\": \"a\"}\n{\"text\": broken}\n{\"text\": \"c\"}\n"), 2, "x.json:2: invalid JSON"},
	}
	for _, tt := range tests {
		var problems []string
		n := 0
		err := ReadFrom(context.Background(), tt.name, bytes.NewReader(tt.input), Options{}, func(schema.Article) error {
			n++
			return nil
		}, func(p Problem) { problems = append(problems, p.Error()) })
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if n != tt.articles {
			t.Errorf("%s %q: %d articles, want %d", tt.name, tt.input, n, tt.articles)
		}
		switch {
		case tt.problem == "" && len(problems) > 0:
			t.Errorf("%s: unexpected problems %q", tt.name, problems)
		case tt.problem != "" && (len(problems) != 1 || !strings.HasPrefix(problems[0], tt.problem)):
			t.Errorf("%s: problems %q, want one starting %q", tt.name, problems, tt.problem)
		}
	}
}
