package webpage

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// leakMarker stands in the test pages' furniture (comments, related
// links, most-read lists, bylines): text that must never reach Page.Text.
const leakMarker = "MUST-NOT-LEAK"

// TestRead reads each page of testdata/pages and compares what it finds
// with testdata/golden/NAME.json.
func TestRead(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, path := range pages {
		name := strings.TrimSuffix(filepath.Base(path), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			page, err := Read(data, "")
			if err != nil && !errors.Is(err, ErrNoText) {
				t.Fatalf("Read: %v", err)
			}
			if strings.Contains(page.Text, leakMarker) {
				t.Errorf("page furniture in the text:\n%s", page.Text)
			}
			got, err := json.MarshalIndent(page, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("Read(%s) differs from %s:\ngot:\n%s\nwant:\n%s", path, golden, got, want)
			}
		})
	}
}

func TestPublished(t *testing.T) {
	tests := []struct {
		name, page, url, want string
	}{
		{"JSON-LD article before meta",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-06-25T18:05:00+02:00"}</script><meta property="article:published_time" content="2019-06-27">`,
			"", "2019-06-25"},
		{"JSON-LD in a graph, the page's own date last",
			`<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2019-06-20"},{"@type":"ReportageNewsArticle","datePublished":"2019-06-25"}]}</script>`,
			"", "2019-06-25"},
		{"the page's own date when nothing else", `<script type="application/ld+json">{"@type":"WebPage","datePublished":"2019-06-20"}</script>`, "", "2019-06-20"},
		{"meta tag", `<meta name="pubdate" content="Wed, 18 Jan 2017 10:00:00 GMT">`, "", "2017-01-18"},
		{"modification time alone is no publication date", `<meta property="article:modified_time" content="2019-06-27">`, "", ""},
		{"microdata", `<span itemprop="datePublished" content="2017-01-18">18 Jan</span>`, "", "2017-01-18"},
		{"time pubdate", `<time pubdate datetime="2017-01-18T10:00">today</time>`, "", "2017-01-18"},
		{"address", `<p>text</p>`, "https://example.org/world/2017/01/18/talks", "2017-01-18"},
		{"time in a dateline", `<div class="byline"><time datetime="2017-01-18">Wednesday</time></div>`, "", "2017-01-18"},
		{"dateline text after a label", `<div class="date-publication">Publié le 31 mai 2017 à 18h45</div>`, "", "2017-05-31"},
		{"dateline that says updated", `<div class="dateline">Updated 19 Jan 2017</div>`, "", ""},
		{"comment dates are not the article's", `<div class="comments"><div class="comment__date">26 June 2019</div></div>`, "", ""},
		{"a time outside a dateline is not the article's", `<p>Talks resume <time datetime="2017-02-01">next month</time>.</p>`, "", ""},
		{"nothing", `<p>No date here.</p>`, "", ""},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head></head><body>" + tt.page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := collect(doc).published(tt.url); got != tt.want {
			t.Errorf("%s: published = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ page, base, want string }{
		{`<link rel="canonical" href="https://example.org/a">`, "", "https://example.org/a"},
		{`<link rel="canonical" href="/a">`, "https://example.org/b?x=1", "https://example.org/a"},
		{`<link rel="canonical" href="/a">`, "", ""},
		{`<meta property="og:url" content="https://example.org/c">`, "", "https://example.org/c"},
		{`<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://example.org/c">`, "", "https://example.org/c"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head>" + tt.page + "</head></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := collect(doc).canonicalURL(tt.base); got != tt.want {
			t.Errorf("canonicalURL(%s, base %q) = %q, want %q", tt.page, tt.base, got, tt.want)
		}
	}
}

func TestClassWords(t *testing.T) {
	tests := map[string]string{
		"article__byline":        "article byline",
		"postDate":               "post date",
		"entry-date published":   "entry date published",
		"  story_body--wide  ":   "story body wide",
		"c-RelatedLinks-list123": "c related links list123",
	}
	for in, want := range tests {
		if got := strings.Join(classWordsOf(in), " "); got != want {
			t.Errorf("classWordsOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoleOf(t *testing.T) {
	tests := []struct {
		element string
		want    role
		named   bool
	}{
		{`<div class="comment-date">`, discussion, false},
		{`<span class="entry-date published updated">`, dateline, true}, // WordPress: the publication date
		{`<div class="story-body">`, noRole, true},
		{`<div class="related-articles">`, offArticle, false},
		{`<div class="share-buttons">`, furniture, false},
		{`<p class="byline">`, dateline, false},
		{`<nav class="story">`, offArticle, false},
		{`<div class="headline">`, noRole, false},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tt.element + "x</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		n := doc.FirstChild.LastChild.FirstChild // html > body > element
		if r, named := roleOf(n); r != tt.want || named != tt.named {
			t.Errorf("roleOf(%s) = %d, %v; want %d, %v", tt.element, r, named, tt.want, tt.named)
		}
	}
}

func TestHeadline(t *testing.T) {
	tests := []struct{ title, h1, want string }{
		{"Governor receives envoy | The Gazette", "Governor receives envoy", "Governor receives envoy"},
		{"Governor receives envoy", "", "Governor receives envoy"},
		{"", "Governor receives envoy", "Governor receives envoy"},
		{"World news | Daily Meridian", "World", "World news | Daily Meridian"}, // a one-word h1 is a section's name
		{"Talks in Vienna", "Something else entirely", "Talks in Vienna"},
	}
	for _, tt := range tests {
		if got := headline(tt.title, tt.h1); got != tt.want {
			t.Errorf("headline(%q, %q) = %q, want %q", tt.title, tt.h1, got, tt.want)
		}
	}
}

func TestWithoutBareLines(t *testing.T) {
	if got := withoutBareLines("Headline\n–\n \nFirst paragraph.\n· | ·\n2017"); got != "Headline\nFirst paragraph.\n2017" {
		t.Errorf("withoutBareLines = %q", got)
	}
}
