package schema

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
	// Language is the ISO 639-1 code of the article's language ("en"),
	// from the record or identified from the text; "" when unknown.
	Language string
	// Origin names where the article was read, for messages: "path" or
	// "path:line" as the path was given.
	Origin string
	// Locations are where the article was read, for provenance: an
	// absolute path (with ":line" for line-based files), a URL, or
	// "stdin". An article read once has one; the same story read from
	// several files or formats is stored once with all of them.
	Locations []string
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

// Facts is everything extraction found in one article. Its JSON form is the
// gold annotation format of corpus/README.md (id, published, people, roles,
// meetings, events), with two optional additions per fact: the evidence
// sentence and, with --explain, the rule that produced it.
type Facts struct {
	ID        string    `json:"id"`
	Published string    `json:"published,omitempty"`
	Source    string    `json:"source,omitempty"`
	People    []Person  `json:"people"`
	Roles     []Role    `json:"roles"`
	Meetings  []Meeting `json:"meetings"`
	Events    []Event   `json:"events"`
	// Notes say what extraction could not do in full ("text cut at 1 MB").
	Notes []string `json:"notes,omitempty"`
}

// Person is one distinct person named in an article. Name is the fullest
// form without honorifics; Aliases are the other forms the article uses.
type Person struct {
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Nationality string   `json:"nationality,omitempty"`
	Evidence    string   `json:"evidence,omitempty"`
	Rule        string   `json:"rule,omitempty"`
}

// Role says that Person holds (Current) or held an office: Title of a
// country or organisation.
type Role struct {
	Person   string `json:"person"`
	Title    string `json:"title"`
	Of       string `json:"of"`
	Current  bool   `json:"current"`
	Evidence string `json:"evidence,omitempty"`
	Rule     string `json:"rule,omitempty"`
}

// Meeting is a contact between two or more named people that the article
// reports as having happened. Date is an ISO date (YYYY-MM-DD, YYYY-MM or
// YYYY) or empty when the article does not say when. Kind is KindMeeting or
// KindCall.
type Meeting struct {
	Participants []string `json:"participants"`
	Date         *string  `json:"date"`
	Place        *string  `json:"place"`
	Kind         string   `json:"kind"`
	Evidence     string   `json:"evidence,omitempty"`
	Rule         string   `json:"rule,omitempty"`
}

// Event is a dated happening other than a meeting. Head is its key word
// ("talks", "ceasefire", "assassination").
type Event struct {
	Label    string  `json:"label"`
	Head     string  `json:"head"`
	Date     *string `json:"date"`
	Place    *string `json:"place"`
	Evidence string  `json:"evidence,omitempty"`
	Rule     string  `json:"rule,omitempty"`
}

// Meeting kinds.
const (
	KindMeeting = "meeting"
	KindCall    = "call"
)

// Str returns a pointer to s, or nil when s is empty; it builds the
// nullable Date and Place fields.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Deref returns the string p points to, or "" for nil.
func Deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
