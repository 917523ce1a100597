package loaders

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/kg-project/kg/loaders/pubdate"
	"github.com/kg-project/kg/schema"
)

// record holds the fields of a JSON news record under the names archives
// and scrapers commonly use (news-please, NewsAPI, GDELT-style dumps,
// Common Crawl news extracts, MongoDB exports). encoding/json matches names
// case-insensitively, so "Title" and "URL" are found too. Values are kept
// raw because their types vary: ids may be numbers, dates epoch numbers,
// sources objects such as {"name": "BBC News"}, texts arrays of paragraphs.
type record struct {
	ID   json.RawMessage `json:"id"`
	UID  json.RawMessage `json:"_id"`
	GUID json.RawMessage `json:"guid"`
	UUID json.RawMessage `json:"uuid"`

	URL          json.RawMessage `json:"url"`
	Link         json.RawMessage `json:"link"`
	SourceURL    json.RawMessage `json:"source_url"`
	CanonicalURL json.RawMessage `json:"canonical_url"`

	Title    json.RawMessage `json:"title"`
	Headline json.RawMessage `json:"headline"`

	Source       json.RawMessage `json:"source"`
	SourceDomain json.RawMessage `json:"source_domain"`
	SourceName   json.RawMessage `json:"source_name"`
	Publisher    json.RawMessage `json:"publisher"`
	SiteName     json.RawMessage `json:"site_name"`
	Outlet       json.RawMessage `json:"outlet"`

	Published          json.RawMessage `json:"published"`
	Date               json.RawMessage `json:"date"`
	DatePublish        json.RawMessage `json:"date_publish"`
	DatePublished      json.RawMessage `json:"date_published"`
	PubDate            json.RawMessage `json:"pubDate"`
	PubDateSnake       json.RawMessage `json:"pub_date"`
	PublishedAt        json.RawMessage `json:"published_at"`
	PublishedAtCamel   json.RawMessage `json:"publishedAt"`
	DatePublishedCamel json.RawMessage `json:"datePublished"`
	PublishDate        json.RawMessage `json:"publish_date"`
	PublicationDate    json.RawMessage `json:"publication_date"`
	CreatedAt          json.RawMessage `json:"created_at"`

	Text        json.RawMessage `json:"text"`
	Maintext    json.RawMessage `json:"maintext"`
	Body        json.RawMessage `json:"body"`
	Content     json.RawMessage `json:"content"`
	ArticleText json.RawMessage `json:"article"`
	FullText    json.RawMessage `json:"full_text"`
	Description json.RawMessage `json:"description"`

	Language json.RawMessage `json:"language"`
	Lang     json.RawMessage `json:"lang"`
}

// field is an article field that records and table columns fill.
type field int

const (
	fieldID field = iota
	fieldURL
	fieldTitle
	fieldSource
	fieldPublished
	fieldText
	fieldLanguage
	numFields
)

// fieldNames lists, for each article field and in order of preference,
// the names records and CSV headers give it (matched case-insensitively).
// parseRecord's record struct follows the same lists; TestFieldNames
// checks they agree.
var fieldNames = [numFields][]string{
	fieldID:        {"id", "_id", "guid", "uuid"},
	fieldURL:       {"url", "link", "source_url", "canonical_url"},
	fieldTitle:     {"title", "headline"},
	fieldSource:    {"source", "source_name", "publisher", "site_name", "outlet", "source_domain"},
	fieldPublished: {"published", "date_publish", "date_published", "datePublished", "pubDate", "pub_date", "published_at", "publishedAt", "publish_date", "publication_date", "date", "created_at"},
	fieldText:      {"text", "maintext", "body", "content", "article", "full_text", "description"},
	fieldLanguage:  {"language", "lang"},
}

// textFields names, in order of preference, the fields a record's text is
// taken from; it is quoted in the message for records without text.
var textFields = strings.Join(fieldNames[fieldText], ", ")

// errNoText marks a record that has no text.
var errNoText = errors.New("no text")

// parseRecord turns one JSON value into an article. It fails on anything but
// an object, and on an object without text.
func parseRecord(raw []byte) (schema.Article, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return schema.Article{}, fmt.Errorf("not a JSON object but %s", jsonKind(raw))
	}
	var r record
	if err := json.Unmarshal(raw, &r); err != nil {
		return schema.Article{}, describeJSONError(err)
	}
	a := schema.Article{
		ID:        firstString(r.ID, r.UID, r.GUID, r.UUID),
		URL:       firstString(r.URL, r.Link, r.SourceURL, r.CanonicalURL),
		Title:     firstString(r.Title, r.Headline),
		Source:    firstString(r.Source, r.SourceName, r.Publisher, r.SiteName, r.Outlet, r.SourceDomain),
		Published: firstDate(r.Published, r.DatePublish, r.DatePublished, r.DatePublishedCamel, r.PubDate, r.PubDateSnake, r.PublishedAt, r.PublishedAtCamel, r.PublishDate, r.PublicationDate, r.Date, r.CreatedAt),
		Text:      firstText(r.Text, r.Maintext, r.Body, r.Content, r.ArticleText, r.FullText, r.Description),
		Language:  firstString(r.Language, r.Lang),
	}
	if strings.ContainsRune(a.Title, '<') {
		a.Title = htmlToText(a.Title)
	}
	if strings.TrimSpace(a.Text) == "" {
		return a, errNoText
	}
	return a, nil
}

// jsonKind names the kind of a JSON value for messages.
func jsonKind(raw []byte) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '{':
		return "an object"
	}
	if raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9' {
		return "a number"
	}
	return "not JSON"
}

// describeJSONError makes encoding/json's errors read as a reason.
func describeJSONError(err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("invalid JSON: %v (at byte %d)", syn, syn.Offset)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// firstString returns the first field that holds a non-empty value.
func firstString(fields ...json.RawMessage) string {
	for _, f := range fields {
		if s := strings.TrimSpace(rawString(f, false)); s != "" {
			return s
		}
	}
	return ""
}

// firstText returns the first field holding text, with HTML markup turned
// into plain text.
func firstText(fields ...json.RawMessage) string {
	for _, f := range fields {
		s := rawString(f, true)
		if strings.TrimSpace(s) == "" {
			continue
		}
		if looksLikeHTML(s) {
			s = htmlToText(s)
		}
		return s
	}
	return ""
}

// firstDate returns the first field holding a date pubdate.Normalize
// understands.
func firstDate(fields ...json.RawMessage) string {
	for _, f := range fields {
		if d := pubdate.Normalize(rawString(f, false)); d != "" {
			return d
		}
	}
	return ""
}

// nestedKeys are looked for, in order, when a field holds an object, as in
// {"source": {"id": "bbc-news", "name": "BBC News"}} or {"_id": {"$oid":
// "..."}}.
var nestedKeys = []string{"name", "title", "$oid", "$date", "value", "text", "#text", "domain", "url", "href", "id"}

// rawString reads a raw JSON value as a string: strings as themselves,
// numbers as written, objects through nestedKeys, arrays as their first
// element or, with join, all their elements as paragraphs.
func rawString(raw json.RawMessage, join bool) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		if s, ok := unquoteJSON(raw); ok {
			return s
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return s
	case '{':
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return ""
		}
		for _, k := range nestedKeys {
			if v, ok := m[k]; ok {
				if s := rawString(v, join); s != "" {
					return s
				}
			}
		}
		return ""
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return ""
		}
		var parts []string
		for _, it := range items {
			if s := strings.TrimSpace(rawString(it, join)); s != "" {
				if !join {
					return s
				}
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "\n\n")
	case 't', 'f', 'n':
		return ""
	}
	return string(raw) // a number
}

// unquoteJSON decodes a JSON string literal that encoding/json has already
// validated, without validating it again: most of a record's bytes are in
// its text, so this saves a pass over them. It declines (ok false) what it
// does not handle simply: invalid UTF-8 and \u escapes of surrogates.
func unquoteJSON(lit []byte) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' {
		return "", false
	}
	body := lit[1 : len(lit)-1]
	if !utf8.Valid(body) {
		return "", false
	}
	esc := bytes.IndexByte(body, '\\')
	if esc < 0 {
		return string(body), true
	}
	var b strings.Builder
	b.Grow(len(body))
	for esc >= 0 {
		b.Write(body[:esc])
		if esc+1 >= len(body) {
			return "", false
		}
		c := body[esc+1]
		body = body[esc+2:]
		switch c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			if len(body) < 4 {
				return "", false
			}
			n, err := strconv.ParseUint(string(body[:4]), 16, 32)
			if err != nil || utf16.IsSurrogate(rune(n)) {
				return "", false
			}
			b.WriteRune(rune(n))
			body = body[4:]
		default:
			return "", false
		}
		esc = bytes.IndexByte(body, '\\')
	}
	b.Write(body)
	return b.String(), true
}
