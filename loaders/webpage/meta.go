package webpage

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/kg-project/kg/loaders/pubdate"
)

// publishedMeta are the names (name, property or itemprop attributes) of
// the meta tags that hold a page's publication date, most used first.
var publishedMeta = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"article:published", "article.published", "published_time", "datepublished",
	"publish-date", "publish_date", "publishdate", "published-date", "pubdate",
	"publication_date", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
	"dc.date", "dcterms.date", "citation_publication_date", "citation_date",
	"originalpublicationdate", "displaydate", "date",
}

// siteNameMeta name the meta tags that hold the site's name.
var siteNameMeta = []string{"og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher"}

// canonicalMeta name the meta tags that hold the page's address, after
// <link rel="canonical">.
var canonicalMeta = []string{"og:url", "twitter:url"}

// articleTypes are the schema.org types of a news article in JSON-LD;
// types ending in "Article" (NewsArticle, ReportageNewsArticle) are too.
var articleTypes = map[string]bool{"BlogPosting": true, "LiveBlogPosting": true, "Report": true, "SocialMediaPosting": true}

// urlDates are the shapes of a publication date in a page's address:
// /2017/01/18/, /2017-01-18/, /20170118/.
var urlDates = sync.OnceValue(func() []*regexp.Regexp {
	var res []*regexp.Regexp
	for _, p := range []string{
		`/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)`,
		`/((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[/_-]|$)`,
		`/((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$)`,
	} {
		res = append(res, regexp.MustCompile(p))
	}
	return res
})

// maxDatelineWords is the longest text of a dateline element read for a
// date ("Published: Wed, 18 Jan 2017 · 6 min read").
const maxDatelineWords = 15

// maxLabelWords is how many words may stand before a date in a dateline
// and be skipped ("By Lina Haddad", "Publié le").
const maxLabelWords = 4

// modificationLabels mark a date as the last change rather than the
// publication: "Updated 19 Jan 2017", "Mis à jour le…".
var modificationLabels = map[string]bool{
	"updated": true, "update": true, "modified": true, "edited": true, "revised": true,
	"mis": true, "aktualisiert": true, "actualizado": true, "aggiornato": true,
	"atualizado": true, "bijgewerkt": true, "обновлено": true, "оновлено": true, "güncellendi": true,
}

// facts is what one walk over a page finds for the metadata rules.
type facts struct {
	meta      map[string]string // the first content of each meta name, lower case
	objects   []ldObject        // JSON-LD objects, in order
	canonical string            // <link rel="canonical">
	title     string            // <title>
	h1        string            // the first <h1> outside navigation and sidebars
	// Dates in the page's body, in order: microdata datePublished, <time
	// pubdate>, <time> in a dateline, dateline text.
	itemprop, pubdateTimes, datelineTimes, datelineTexts []string
}

// ldObject is one schema.org object of a JSON-LD script.
type ldObject struct {
	article                  bool
	published, created, site string
}

// collect walks the page once.
func collect(doc *html.Node) *facts {
	f := &facts{meta: map[string]string{}}
	var walk func(n *html.Node, off, inDateline bool)
	walk = func(n *html.Node, off, inDateline bool) {
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, off, inDateline)
			}
			return
		}
		switch n.DataAtom {
		case atom.Meta:
			f.addMeta(n)
			return
		case atom.Link:
			if f.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
				f.canonical = strings.TrimSpace(attr(n, "href"))
			}
			return
		case atom.Title:
			if f.title == "" {
				f.title = squash(textOf(n))
			}
			return
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				f.objects = append(f.objects, parseLD(textOf(n))...)
			}
			return
		case atom.Style, atom.Noscript, atom.Template:
			return
		}
		switch r, _ := roleOf(n); {
		case r == discussion, r == offArticle, r == modified, n.DataAtom == atom.Footer:
			off = true
		case r == dateline:
			inDateline = true
		}
		if !off {
			f.addBodyDate(n, inDateline)
			if n.DataAtom == atom.H1 && f.h1 == "" {
				f.h1 = squash(textOf(n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, off, inDateline)
		}
	}
	walk(doc, false, false)
	return f
}

func (f *facts) addMeta(n *html.Node) {
	content := strings.TrimSpace(attr(n, "content"))
	if content == "" {
		return
	}
	for _, key := range []string{"name", "property", "itemprop"} {
		if k := strings.ToLower(strings.TrimSpace(attr(n, key))); k != "" {
			if _, seen := f.meta[k]; !seen {
				f.meta[k] = content
			}
		}
	}
}

// addBodyDate notes the dates an element in the article's part of the
// page may hold.
func (f *facts) addBodyDate(n *html.Node, inDateline bool) {
	if strings.EqualFold(attr(n, "itemprop"), "datePublished") {
		f.itemprop = append(f.itemprop, firstOf(attr(n, "datetime"), attr(n, "content"), textOf(n)))
	}
	if n.DataAtom == atom.Time {
		value := firstOf(attr(n, "datetime"), textOf(n))
		if hasAttr(n, "pubdate") {
			f.pubdateTimes = append(f.pubdateTimes, value)
		} else if inDateline {
			f.datelineTimes = append(f.datelineTimes, value)
		}
		return
	}
	if inDateline {
		if r, _ := roleOf(n); r == dateline {
			if text := squash(textOf(n)); len(strings.Fields(text)) <= maxDatelineWords {
				f.datelineTexts = append(f.datelineTexts, text)
			}
		}
	}
}

// parseLD reads the objects of a JSON-LD script, those in @graph and
// arrays included; a script that is not JSON gives none.
func parseLD(script string) []ldObject {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(script)), &v) != nil {
		return nil
	}
	var out []ldObject
	var visit func(v any)
	visit = func(v any) {
		switch v := v.(type) {
		case []any:
			for _, x := range v {
				visit(x)
			}
		case map[string]any:
			o := ldObject{published: str(v["datePublished"]), created: str(v["dateCreated"])}
			for _, t := range strs(v["@type"]) {
				o.article = o.article || articleTypes[t] || strings.HasSuffix(t, "Article")
			}
			if p, ok := v["publisher"].(map[string]any); ok {
				o.site = str(p["name"])
			}
			out = append(out, o)
			for k, x := range v {
				if k == "@graph" || k == "mainEntity" || k == "mainEntityOfPage" {
					visit(x)
				}
			}
		}
	}
	visit(v)
	return out
}

// published finds the page's publication date: the first that reads as a
// date of, most trusted first, JSON-LD's article, the meta tags,
// microdata, <time pubdate>, when the article was created, the date in its
// address (canonical or where it was read from), a <time> in the
// dateline, the dateline's text, and JSON-LD about the page rather than
// the article.
func (f *facts) published(addresses ...string) string {
	var inURL []string
	for _, a := range addresses {
		inURL = append(inURL, urlDate(a))
	}
	for _, values := range [][]string{
		f.ldDates(true, func(o ldObject) string { return o.published }),
		f.metaValues(publishedMeta),
		f.itemprop,
		f.pubdateTimes,
		f.ldDates(true, func(o ldObject) string { return o.created }),
		inURL,
		f.datelineTimes,
	} {
		for _, s := range values {
			if d := pubdate.Normalize(s); d != "" {
				return d
			}
		}
	}
	for _, s := range f.datelineTexts {
		if d := labelledDate(s); d != "" {
			return d
		}
	}
	for _, s := range f.ldDates(false, func(o ldObject) string { return o.published }) {
		if d := pubdate.Normalize(s); d != "" {
			return d
		}
	}
	return ""
}

func (f *facts) ldDates(article bool, field func(ldObject) string) []string {
	var out []string
	for _, o := range f.objects {
		if o.article == article && field(o) != "" {
			out = append(out, field(o))
		}
	}
	return out
}

func (f *facts) metaValues(names []string) []string {
	var out []string
	for _, name := range names {
		if v := f.meta[name]; v != "" {
			out = append(out, v)
		}
	}
	return out
}

// labelledDate reads a dateline's date after up to maxLabelWords words
// without digits ("Published:", "By Lina Haddad ·", "Publié le"), unless
// one of them says the date is a modification.
func labelledDate(s string) string {
	words := strings.Fields(s)
	for skip := 0; skip <= maxLabelWords && skip < len(words); skip++ {
		if skip > 0 {
			w := strings.ToLower(strings.Trim(words[skip-1], ":·|,–-"))
			if modificationLabels[w] || strings.ContainsAny(w, "0123456789") {
				return ""
			}
		}
		if d := pubdate.Normalize(strings.Join(words[skip:], " ")); d != "" {
			return d
		}
	}
	return ""
}

// urlDate finds a publication date in the path of an address.
func urlDate(pageURL string) string {
	u, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	for _, re := range urlDates() {
		if m := re.FindStringSubmatch(u.Path); m != nil {
			return m[1] + "-" + m[2] + "-" + m[3]
		}
	}
	return ""
}

// canonicalURL is the page's own absolute http(s) address, a relative one
// resolved against base; "" when it names none.
func (f *facts) canonicalURL(base string) string {
	for _, raw := range append([]string{f.canonical}, f.metaValues(canonicalMeta)...) {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || raw == "" {
			continue
		}
		if !u.IsAbs() {
			b, err := url.Parse(base)
			if err != nil || !b.IsAbs() {
				continue
			}
			u = b.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

// siteName is the publisher's name from JSON-LD or the meta tags.
func (f *facts) siteName() string {
	for _, o := range f.objects {
		if o.article && o.site != "" {
			return o.site
		}
	}
	if v := f.metaValues(siteNameMeta); len(v) > 0 {
		return v[0]
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf is the text under n, without that of scripts and styles inside.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Script && c.DataAtom != atom.Style {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// squash collapses blank space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstOf(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func str(v any) string {
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
