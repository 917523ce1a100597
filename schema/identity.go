package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key prefixes of kg:articleKey values.
const (
	URLKeyPrefix  = "url:"
	TextKeyPrefix = "text:"
)

// minKeyedWords is the fewest words a text needs to be recognised by its
// content: short texts ("Photos", "Read more.") are too often the same in
// different articles.
const minKeyedWords = 25

// Keys returns the keys that recognise the same story read twice, from
// two files or two formats: its URL, normalised (see NormalizeURL), and
// fingerprints of its text with blank space normalised, with and without
// a leading headline (the headline line of a text file, or the title of a
// record that repeats it as the text's first line). Two articles that
// share any key are one article (see loaders/ingest).
func (a Article) Keys() []string {
	var keys []string
	add := func(k string) {
		for _, have := range keys {
			if have == k {
				return
			}
		}
		keys = append(keys, k)
	}
	if u := NormalizeURL(a.URL); u != "" {
		add(URLKeyPrefix + u)
	}
	text := normalizeSpace(a.Text)
	if wordCount(text) < minKeyedWords {
		return keys
	}
	add(TextKeyPrefix + fingerprint(text))
	if head := LeadingHeadline(a.Text); head != "" {
		add(TextKeyPrefix + fingerprint(strings.TrimSpace(strings.TrimPrefix(text, normalizeSpace(head)))))
	}
	if title := normalizeSpace(a.Title); title != "" && strings.HasPrefix(text, title+" ") {
		add(TextKeyPrefix + fingerprint(strings.TrimSpace(text[len(title):])))
	}
	return keys
}

// normalizeSpace puts text in Unicode NFC form with every run of blank
// space (line breaks included) made one space, and trims it.
func normalizeSpace(s string) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// wordCount counts the words of a text normalizeSpace returned.
func wordCount(normalized string) int {
	if normalized == "" {
		return 0
	}
	return strings.Count(normalized, " ") + 1
}

func fingerprint(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// trackingParams are query parameters that say where a reader came from,
// not which page they read.
var trackingParams = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid"}

// NormalizeURL returns the form of an article URL that two copies of the
// same page share: without scheme (http and https are one page), with the
// host lower-cased and without "www." or a default port, without the
// fragment, tracking parameters (utm_*, fbclid, ...) and a trailing slash.
// It returns "" for what is not an absolute http(s) URL.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	q := u.Query()
	for name := range q {
		lower := strings.ToLower(name)
		for _, t := range trackingParams {
			if strings.HasPrefix(lower, t) {
				q.Del(name)
			}
		}
	}
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	out := "//" + host + path
	if len(q) > 0 {
		out += "?" + q.Encode()
	}
	return out
}

// LeadingHeadline returns the first line of text when it looks like a title:
// short, followed by more text, of two words or more, and not ending like
// a sentence or a clause. It returns "" otherwise.
func LeadingHeadline(text string) string {
	text = strings.TrimLeft(text, " \t\r\n")
	line, rest, found := strings.Cut(text, "\n")
	line = strings.TrimSpace(line)
	if !found || strings.TrimSpace(rest) == "" || line == "" || utf8.RuneCountInString(line) > 200 {
		return ""
	}
	if len(strings.Fields(line)) < 2 {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:-–—", last) || !unicode.IsPrint(last) {
		return ""
	}
	return line
}
