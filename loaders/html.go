package loaders

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kg-project/kg/loaders/webpage"
	"github.com/kg-project/kg/schema"
)

// minHTMLWords is the fewest words the longest paragraph of a page's main
// text must have for the page to be an article: pages that are all scripts
// leave only a "please enable JavaScript" notice or a title, and section
// fronts only the dates of their teasers ("24 Aug").
const minHTMLWords = 8

// readHTML reads an HTML page as one article: its main text (without
// navigation, scripts, styles, footers, comments or related links), its
// title, canonical URL, site name and publication date, all found by
// loaders/webpage. The page's character set is detected from its meta tags
// or content.
func (in *input) readHTML(r io.Reader) error {
	data, ok, err := in.readAllLimited(r, MaxArticleSize, "HTML page")
	if !ok {
		return err
	}
	found, why, err := in.htmlArticle(data, 0, "")
	if !found && err == nil {
		in.fail(0, "no article text found in the HTML page (%s)", why)
	}
	return err
}

// htmlArticle extracts the article of one HTML page and hands it on, with
// line as its place in the input (0 for a page read whole). fallbackDate
// is the publication date when the page states none (a WARC record's
// capture day). It returns found false, with the reason, when the page
// has no article text; err is only fn's error or cancellation.
func (in *input) htmlArticle(data []byte, line int, fallbackDate string) (found bool, why string, err error) {
	var page webpage.Page
	xerr := safely(func() error {
		var perr error
		page, perr = webpage.Read(data, in.url)
		return perr
	})
	if xerr != nil && !errors.Is(xerr, webpage.ErrNoText) {
		return false, xerr.Error(), nil
	}
	text := tidyText(page.Text)
	switch words := longestParagraph(text); {
	case words == 0:
		return false, "nothing but scripts and page furniture", nil
	case words < minHTMLWords:
		return false, fmt.Sprintf("no paragraph of more than %d words outside scripts and page furniture", words), nil
	}
	a := schema.Article{
		URL:       strings.ToValidUTF8(page.URL, ""),
		Title:     strings.ToValidUTF8(page.Title, "\uFFFD"),
		Source:    strings.ToValidUTF8(page.SiteName, "\uFFFD"),
		Text:      withHeadline(text, page.Title),
		Published: fallbackDate,
	}
	if a.URL == "" {
		a.URL = in.url
	}
	if page.Published != "" {
		a.Published = page.Published
	}
	// The page's own lang attribute, not a guess from the text.
	declared := in.declared
	if m := htmlLang.FindSubmatch(data[:min(len(data), sniffSize)]); m != nil {
		in.declared = string(m[1])
	}
	err = in.emit(a, line)
	in.declared = declared
	return true, "", err
}

// longestParagraph is the number of words of the longest line of text.
func longestParagraph(text string) int {
	longest := 0
	for line := range strings.SplitSeq(text, "\n") {
		longest = max(longest, len(strings.Fields(line)))
	}
	return longest
}

// withHeadline puts the headline on the text's first line, as in news
// records, unless the text has it already.
func withHeadline(text, headline string) string {
	if headline == "" {
		return text
	}
	for line := range strings.SplitSeq(text, "\n") {
		if line == headline {
			return text
		}
	}
	return headline + "\n" + text
}

// htmlLang finds the lang attribute of a page's html element.
var htmlLang = regexp.MustCompile(`(?i)<html\b[^>]*?\blang\s*=\s*["']?([a-z]{2,3}(?:[-_][a-z0-9]+)*)`)

// looksLikeHTML reports whether a text field holds HTML markup rather than
// plain text.
func looksLikeHTML(s string) bool {
	if !strings.ContainsRune(s, '<') {
		return false
	}
	for _, marker := range []string{"</", "<br", "<p>", "<p ", "<img", "<div", "/>"} {
		if strings.Contains(s, marker) {
			return true
		}
	}
	return false
}

// htmlToText turns an HTML fragment (an RSS item description, a JSON
// "content" field) into plain text: tags are dropped, entities decoded,
// the content of scripts, styles and similar elements left out, and block
// elements separated by line breaks.
func htmlToText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyText(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hiddenElements[a] {
				skip++
			} else if blockElements[a] {
				b.WriteByte('\n')
			}
		case html.SelfClosingTagToken:
			name, _ := z.TagName()
			if blockElements[atom.Lookup(name)] {
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if hiddenElements[a] {
				if skip > 0 {
					skip--
				}
			} else if blockElements[a] {
				b.WriteByte('\n')
			}
		}
	}
}

var hiddenElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Svg: true, atom.Template: true, atom.Object: true, atom.Head: true,
}

var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Tr: true,
	atom.Blockquote: true, atom.Section: true, atom.Article: true, atom.Header: true,
	atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Pre: true, atom.Hr: true, atom.Dd: true, atom.Dt: true,
}

// tidyText collapses blank space inside lines, trims every line and drops
// empty ones, and repairs invalid UTF-8.
func tidyText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}
