package webpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A role is what an element's class and id say it holds.
type role int

const (
	noRole role = iota
	// discussion: readers' comments. Never the article's text, nor where
	// its date is, however long.
	discussion
	// offArticle: other articles and the rest of the site — related and
	// most-read links, sidebars, widgets. Never the article's text, nor
	// where its date is, unless it holds most of the page.
	offArticle
	// dateline: the byline and the line with the publication date.
	dateline
	// modified: when the article was last changed, not published.
	modified
	// furniture: sharing buttons, newsletter and subscription boxes,
	// advertisements, tag lists, author boxes, cookie notices.
	furniture
	// content: the article itself ("article-body", "story", "entry-content").
	content
)

// How a class word is compared with a classWords row.
const (
	whole  = iota // the same word
	prefix        // the class word begins with it
	within        // the class word contains it
)

// classWords classify the words of class and id attributes ("article__byline"
// → "article", "byline"; "postDate" → "post", "date"). The first row that
// matches decides, so "last-updated" is a modification, not a date.
var classWords = []struct {
	word  string
	match int
	role  role
}{
	{"update", within, modified},
	{"modif", within, modified},
	{"edited", whole, modified},
	{"revised", whole, modified},

	{"article", whole, content},
	{"body", whole, content},
	{"content", prefix, content},
	{"entry", whole, content},
	{"main", whole, content},
	{"story", whole, content},
	{"text", whole, content},
	{"corps", whole, content},
	{"post", whole, content},

	{"comment", within, discussion},
	{"disqus", within, discussion},
	{"discussion", whole, discussion},
	{"respond", whole, discussion},
	{"related", within, offArticle},
	{"sidebar", within, offArticle},
	{"rail", whole, offArticle},
	{"recirc", prefix, offArticle},
	{"mostread", whole, offArticle},
	{"popular", whole, offArticle},
	{"trending", whole, offArticle},
	{"outbrain", whole, offArticle},
	{"taboola", whole, offArticle},
	{"mehr", whole, offArticle},
	{"lire", whole, offArticle},
	{"readmore", whole, offArticle},
	{"alsoread", whole, offArticle},

	{"share", prefix, furniture},
	{"sharedaddy", whole, furniture},
	{"social", prefix, furniture},
	{"newsletter", prefix, furniture},
	{"signup", whole, furniture},
	{"subscribe", prefix, furniture},
	{"subscription", whole, furniture},
	{"paywall", prefix, furniture},
	{"promo", prefix, furniture},
	{"ad", whole, furniture},
	{"ads", whole, furniture},
	{"advert", prefix, furniture},
	{"sponsor", prefix, furniture},
	{"tags", whole, furniture},
	{"breadcrumb", prefix, furniture},
	{"breadcrumbs", whole, furniture},
	{"cookie", prefix, furniture},
	{"consent", prefix, furniture},
	{"author", prefix, furniture},
	{"auteur", whole, furniture},
	{"bio", whole, furniture},

	{"byline", within, dateline},
	{"dateline", whole, dateline},
	{"date", within, dateline},
	{"datum", within, dateline},
	{"published", whole, dateline},
	{"publication", whole, dateline},
	{"posted", prefix, dateline},
	{"pubdate", whole, dateline},
	{"time", whole, dateline},
	{"timestamp", whole, dateline},
	{"meta", whole, dateline},
}

// tagRoles classify elements by their tag, before their class: menus and
// sidebars are never the article, and page headers, footers and forms only
// when small (the article's own header holds its headline, and stays).
var tagRoles = map[atom.Atom]role{
	atom.Nav: offArticle, atom.Aside: offArticle,
	atom.Header: furniture, atom.Footer: furniture, atom.Form: furniture,
}

// roleOf classifies an element by its tag (tagRoles), else by the words of its class and id. Of
// several roles the one first in the list above wins ("comment-date" is
// off the article, "entry-date published updated" WordPress's publication
// date); named says whether a word also names the article's content
// ("story-body"), which keeps a large element in the text whatever else
// its class says.
func roleOf(n *html.Node) (r role, named bool) {
	if r, ok := tagRoles[n.DataAtom]; ok {
		return r, false
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range classWordsOf(a.Val) {
			switch c := classify(w); {
			case c == content:
				named = true
			case c != noRole && (r == noRole || c < r):
				r = c
			}
		}
	}
	return r, named
}

// classify finds a class word's row in classWords.
func classify(w string) role {
	for _, row := range classWords {
		switch {
		case row.match == whole && w == row.word,
			row.match == prefix && strings.HasPrefix(w, row.word),
			row.match == within && strings.Contains(w, row.word):
			return row.role
		}
	}
	return noRole
}

// classWordsOf splits a class or id value into lower-case words at
// anything not a letter or digit and where a lower-case letter meets a
// capital.
func classWordsOf(v string) []string {
	var words []string
	start := -1
	prevLower := false
	for i, r := range v + " " {
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
		if start >= 0 && (!alnum || prevLower && unicode.IsUpper(r)) {
			words = append(words, strings.ToLower(v[start:i]))
			start = -1
		}
		if alnum && start < 0 {
			start = i
		}
		prevLower = unicode.IsLower(r)
	}
	return words
}
