package loaders

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kg-project/kg/schema"
)

// The fuzz targets feed arbitrary bytes to each reader (chosen by the
// input's name, as Walk does) and check that nothing panics, that every
// problem names the input, and that every article is complete and valid
// UTF-8 with a well-formed date. Run one with, for example,
//
//	go test ./loaders -run '^$' -fuzz FuzzJSONL -fuzztime 30s
//
// Inputs that once failed are kept in testdata/fuzz/<target>/ and run as
// ordinary tests.

var isoShape = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func checkReader(t *testing.T, name string, data []byte) {
	t.Helper()
	err := ReadFrom(context.Background(), name, bytes.NewReader(data), Options{}, func(a schema.Article) error {
		if a.ID == "" || strings.TrimSpace(a.Text) == "" {
			t.Errorf("incomplete article %+v", a)
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) || !utf8.ValidString(a.Source) {
			t.Errorf("article with invalid UTF-8: %+v", a)
		}
		if a.Published != "" && !isoShape.MatchString(a.Published) {
			t.Errorf("published %q is not an ISO date", a.Published)
		}
		if a.Origin != name && !strings.HasPrefix(a.Origin, name+":") {
			t.Errorf("origin %q does not name %q", a.Origin, name)
		}
		return nil
	}, func(p Problem) {
		if p.Path != name || !strings.HasPrefix(p.Error(), name+":") || p.Err == nil {
			t.Errorf("problem %q does not name %q", p.Error(), name)
		}
	})
	if err != nil {
		t.Errorf("ReadFrom returned %v for a bad input; only cancellation and fn errors should stop it", err)
	}
}

// addSeeds adds every file of the given testdata folders to the corpus.
func addSeeds(f *testing.F, patterns ...string) {
	for _, pattern := range patterns {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, "testdata/jsonl/*.jsonl", "testdata/nested/world/*.jsonl", "../testdata/seeds/articles.jsonl")
	f.Add([]byte("{\"text\":\"a\"}\n{\"text\":\n{}\n"))
	f.Add([]byte("{\"id\":{\"$oid\":1},\"date\":[1e309],\"body\":[[\"x\"]]}"))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "fuzz.jsonl", data) })
}

func FuzzJSON(f *testing.F) {
	addSeeds(f, "testdata/json/*.json")
	f.Add([]byte(`{"articles": {"nested": [1, {"a": []}]}, "items": [{"text": "x"}, 3]}`))
	f.Add([]byte(`[{"text": "a"}] [{"text": "b"}] "tail"`))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "fuzz.json", data) })
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, "testdata/html/*.html")
	f.Add([]byte("<html><body><article><p>" + strings.Repeat("word ", 50) + "</p></article></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "fuzz.html", data) })
}

func FuzzFeed(f *testing.F) {
	addSeeds(f, "testdata/feeds/*", "testdata/nested/world/middle-east/wire-export")
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "fuzz.rss", data) })
}

func FuzzCSV(f *testing.F) {
	addSeeds(f, "testdata/csv/*")
	f.Add([]byte("id;text\n1;\"quoted \"\" text\"\n2;\"unterminated\n"))
	f.Add([]byte("text\tlanguage\n<p>x</p>\tfr\n\t\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "fuzz.csv", data) })
}

func FuzzWARC(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.warc")
	writeWARC(f, path, crawlRecords())
	addSeeds(f, path)
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<p>x<\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "fuzz.warc", data) })
}

// FuzzSniff reads inputs with no extension, as standard input is read, so
// the content alone picks the reader; it also covers plain text.
func FuzzSniff(f *testing.F) {
	addSeeds(f, "testdata/bad/*", "testdata/nested/assets/*", "testdata/jsonl/*", "../testdata/seeds/*.txt")
	f.Add([]byte("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"))
	f.Add([]byte("<?xml version=\"1.0\"?><feed></feed>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkReader(t, "stdin", data) })
}

// FuzzHTMLToText covers the converter used for HTML inside feed items and
// JSON fields, which FuzzHTML (whole pages through loaders/webpage) does
// not reach.
func FuzzHTMLToText(f *testing.F) {
	f.Add("<p>One &amp; two.</p><script>x('<p>')</script><br/>three")
	f.Add("<svg><style><p>hidden</style></svg> shown")
	f.Fuzz(func(t *testing.T, fragment string) {
		text := htmlToText(fragment)
		if !utf8.ValidString(text) {
			t.Errorf("htmlToText(%q) = %q, invalid UTF-8", fragment, text)
		}
		if strings.Contains(text, "\n\n") || text != strings.TrimSpace(text) {
			t.Errorf("htmlToText(%q) = %q, not tidy", fragment, text)
		}
	})
}
