package webpage

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxFurnitureWords: an element whose class names furniture or a dateline
// but that holds more words than this is a wrapper of the article more
// likely than furniture, and stays.
const maxFurnitureWords = 80

// A link block is a short block that is mostly a link and not a sentence:
// "Read more: Negative rates, explained", a teaser, a list of related
// stories. These bound it.
const (
	maxLinkBlockWords = 25
	minLinkShare      = 0.5
)

// sentenceEnds end a block of prose rather than a link's title.
const sentenceEnds = ".!?\"”»"

// removeFurniture takes out of the page what Readability would keep but is
// not the article: elements classed as comments, related links, sharing
// buttons, newsletter boxes, advertisements, bylines and datelines
// (classWords), and short blocks that are mostly a link. It never removes
// an element holding the headline or an <article> or <main> element.
func removeFurniture(doc *html.Node) {
	pageWords := wordCount(doc)
	var remove func(*html.Node)
	remove = func(parent *html.Node) {
		var next *html.Node
		for n := parent.FirstChild; n != nil; n = next {
			next = n.NextSibling
			if n.Type != html.ElementNode {
				continue
			}
			if isFurniture(n, pageWords) && !holdsArticle(n) {
				parent.RemoveChild(n)
				continue
			}
			remove(n)
		}
	}
	remove(doc)
}

// isFurniture reports whether n is furniture on a page of pageWords words.
func isFurniture(n *html.Node, pageWords int) bool {
	r, named := roleOf(n)
	if named && r != noRole && wordCount(n) > maxFurnitureWords {
		return false
	}
	switch r {
	case discussion:
		return true
	case offArticle:
		return wordCount(n)*2 < pageWords
	case furniture, dateline, modified:
		return wordCount(n) <= maxFurnitureWords
	}
	return isLinkBlock(n)
}

// isLinkBlock reports whether n is a short block that is mostly a link and
// does not end as a sentence does.
func isLinkBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Dd, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
	case atom.Div:
		if hasBlockChild(n) {
			return false
		}
	default:
		return false
	}
	text := squash(textOf(n))
	if text == "" || len(strings.Fields(text)) > maxLinkBlockWords {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(text); strings.ContainsRune(sentenceEnds, last) {
		return false
	}
	linked := 0
	for _, a := range elements(n, atom.A) {
		linked += utf8.RuneCountInString(squash(textOf(a)))
	}
	return float64(linked) >= minLinkShare*float64(utf8.RuneCountInString(text))
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.P, atom.Div, atom.Ul, atom.Ol, atom.Table, atom.Section, atom.Article, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4:
			return true
		}
	}
	return false
}

// holdsArticle reports whether n holds the headline or the article.
func holdsArticle(n *html.Node) bool {
	return len(elements(n, atom.H1)) > 0 || len(elements(n, atom.Article)) > 0 || len(elements(n, atom.Main)) > 0
}

// elements lists the elements of one kind under n.
func elements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == a {
			out = append(out, c)
		}
		out = append(out, elements(c, a)...)
	}
	return out
}

func wordCount(n *html.Node) int { return len(strings.Fields(textOf(n))) }
