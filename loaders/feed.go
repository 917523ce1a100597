package loaders

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/kg-project/kg/loaders/pubdate"
	"github.com/kg-project/kg/schema"
)

// readFeed reads an RSS (0.9x, 1.0/RDF, 2.0) or Atom feed: each item is an
// article, identified by its guid (else its link), with its title and
// publication date, its text taken from the full content when the feed
// carries it, else from the description or summary, and HTML stripped. The
// feed's title is the source and its language the declared language of
// its items. Feeds are read whole, up to maxFeedSize. An item without text
// (a photo gallery) is a warning; a feed none of whose items has text is
// an error.
func (in *input) readFeed(r io.Reader) error {
	data, ok, err := in.readAllLimited(r, maxFeedSize, "feed")
	if !ok {
		return err
	}
	data = in.repairFeedUTF8(data)
	var feed *gofeed.Feed
	err = safely(func() error {
		var perr error
		feed, perr = gofeed.NewParser().Parse(bytes.NewReader(data))
		return perr
	})
	if err != nil || feed == nil {
		if err == nil {
			err = fmt.Errorf("nothing parsed")
		}
		in.fail(0, "not a readable RSS or Atom feed: %v", err)
		return nil
	}
	if len(feed.Items) == 0 {
		in.fail(0, "feed %q has no items", clip(feed.Title, 80))
		return nil
	}
	source := strings.TrimSpace(htmlToText(feed.Title))
	in.declared = feed.Language
	defer in.finish("item", "content, description")
	for i, item := range feed.Items {
		if item == nil {
			continue
		}
		a := schema.Article{
			ID:        strings.TrimSpace(item.GUID),
			URL:       strings.TrimSpace(item.Link),
			Title:     htmlToText(item.Title),
			Source:    source,
			Published: itemDate(item),
			Text:      htmlToText(item.Content),
		}
		if a.Text == "" {
			a.Text = htmlToText(item.Description)
		}
		if a.Text == "" {
			in.bare(0, "item %d (%q) has no content or description, skipped", i+1, clip(firstNonEmpty(a.Title, a.ID, a.URL), 80))
			continue
		}
		if len(a.Text) > MaxArticleSize {
			in.fail(0, "%s", tooLarge(fmt.Sprintf("item %d (%q)", i+1, clip(firstNonEmpty(a.Title, a.ID, a.URL), 80))))
			continue
		}
		if err := in.emit(a, 0); err != nil {
			return err
		}
	}
	return nil
}

// itemDate returns an item's publication date, else its update date.
func itemDate(item *gofeed.Item) string {
	for _, t := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			if d := pubdate.Day(*t); d != "" {
				return d
			}
		}
	}
	if d := pubdate.Normalize(item.Published); d != "" {
		return d
	}
	return pubdate.Normalize(item.Updated)
}

var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']`)

// repairFeedUTF8 replaces invalid UTF-8 in a feed that is (or says it is)
// UTF-8, since the XML parser would otherwise reject the whole feed. Feeds
// that declare another encoding are left to the parser to convert.
func (in *input) repairFeedUTF8(data []byte) []byte {
	if m := xmlEncoding.FindSubmatch(data[:min(len(data), 256)]); m != nil {
		enc := strings.ToLower(string(m[1]))
		if enc != "utf-8" && enc != "utf8" {
			return data
		}
	}
	text, bad := repairUTF8(data)
	if bad == 0 {
		return data
	}
	in.warn(0, "invalid UTF-8: %d bytes replaced with U+FFFD; items kept", bad)
	return []byte(text)
}
