// Package loaders reads news articles from files, folders and standard input
// in the formats news archives come in (plain text, JSON, JSON Lines, HTML,
// RSS and Atom) and hands them on one at a time, so any corpus size streams
// through with bounded memory. Extraction of facts from an article's text is
// the job of the subpackage extract.
package loaders

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one news article as read from its source, before extraction.
type Article struct {
	// ID identifies the article across loads: the record's id, else its URL,
	// else a hash of its text (see Identify).
	ID        string
	URL       string
	Title     string
	Source    string // publisher, e.g. "Press TV"
	Published string // ISO date (YYYY-MM-DD, or partial), "" when unknown
	Text      string
	// Origin names where the article was read: "path" or "path:line".
	Origin string
}

// Identify fills a.ID when it is empty: from the URL when there is one, else
// from a hash of the text, so that the same article loaded twice gets the
// same identity.
func (a *Article) Identify() {
	a.ID = strings.TrimSpace(a.ID)
	if a.ID != "" {
		return
	}
	if u := strings.TrimSpace(a.URL); u != "" {
		a.ID = u
		return
	}
	sum := sha256.Sum256([]byte(strings.TrimSpace(a.Text)))
	a.ID = "sha256-" + hex.EncodeToString(sum[:12])
}
