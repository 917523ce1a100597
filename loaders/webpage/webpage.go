// Package webpage reads the news article out of an HTML page: its main
// text without navigation, comments, related links, bylines and the other
// furniture of a page, and what the page says about itself — headline,
// canonical address, site name and publication date.
//
// The main text is found by go-readability (a port of Firefox's Reader
// View), after a pass of kg's own that removes the furniture Readability
// keeps (furniture.go). The metadata is searched by kg's own rules, most
// trusted source first: JSON-LD, meta tags, microdata, <time> elements,
// the address, and the text of the dateline (meta.go); dates are read by
// loaders/pubdate.
package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Page is the article of an HTML page.
type Page struct {
	Title     string // the headline
	URL       string // the canonical address, absolute; "" when the page names none
	SiteName  string
	Published string // ISO date (pubdate.Normalize); "" when the page states none
	// Text is the main text, one paragraph a line; the headline is in it
	// only when the page has it in the article's body.
	Text string
}

// ErrNoText is returned for a page in which no main text was found.
var ErrNoText = errors.New("no main text found")

// Read extracts the article of an HTML page. pageURL is where the page
// was read from, "" when unknown: it resolves a relative canonical
// address, and its path may hold the date.
func Read(data []byte, pageURL string) (Page, error) {
	doc, err := html.Parse(decode(data))
	if err != nil {
		return Page{}, fmt.Errorf("reading the HTML: %w", err)
	}
	f := collect(doc)
	p := Page{
		URL:      f.canonicalURL(pageURL),
		SiteName: norm.NFC.String(squash(f.siteName())),
	}
	p.Published = f.published(p.URL, pageURL)

	removeFurniture(doc)
	var base *url.URL
	if u, err := url.Parse(firstOf(p.URL, pageURL)); err == nil && u.IsAbs() {
		base = u
	}
	parser := readability.NewParser()
	article, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return p, fmt.Errorf("finding the main text: %w", err)
	}
	p.Title = norm.NFC.String(headline(squash(article.Title()), f.h1))
	if article.Node == nil {
		return p, ErrNoText
	}
	text := withoutBareLines(norm.NFC.String(render.InnerText(article.Node)))
	if text == "" {
		return p, ErrNoText
	}
	p.Text = text
	return p, nil
}

// decode returns the page as UTF-8. A page that is valid UTF-8 is read as
// such whatever it declares (pages declaring Latin-1 are often UTF-8);
// otherwise the byte-order mark, the <meta> charset, or Windows-1252 by
// default, as browsers do.
func decode(data []byte) io.Reader {
	if utf8.Valid(data) {
		return bytes.NewReader(data)
	}
	enc, _, _ := charset.DetermineEncoding(data, "")
	return transform.NewReader(bytes.NewReader(data), enc.NewDecoder())
}

// headline is the article's title: Readability's (from JSON-LD, OpenGraph
// or <title>), or the page's <h1> when that title is the <h1> with the
// site's name added ("Governor receives envoy | The Gazette").
func headline(title, h1 string) string {
	if h1 == "" {
		return title
	}
	if title == "" || len(h1) < len(title) && strings.Contains(strings.ToLower(title), strings.ToLower(h1)) && len(strings.Fields(h1)) >= 2 {
		return h1
	}
	return title
}

// withoutBareLines drops the lines that hold no letter or digit: the
// separators left behind when furniture around them was removed ("–"
// between a byline and a date).
func withoutBareLines(text string) string {
	var kept []string
	for line := range strings.SplitSeq(text, "\n") {
		if strings.IndexFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}
