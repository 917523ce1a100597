package loaders

import (
	"errors"
	"fmt"
	"io"
)

// MaxArticleSize bounds one article as it is read, before it is decoded:
// a JSON Lines line, an element of a JSON array, a CSV row, a text file,
// an HTML page (markup included), a WARC record, a page fetched over HTTP.
// Larger ones are reported and skipped without being held in memory, so a
// small compressed file that expands into one enormous record cannot
// exhaust memory. Real news articles are far smaller: a long one is 100
// KB of HTML, a few thousand words of text.
const MaxArticleSize = 8 << 20

// maxFeedSize bounds a feed, which is parsed whole and holds many
// articles; each of its items is then held to MaxArticleSize.
const maxFeedSize = 64 << 20

// tooLarge is the message for an article over MaxArticleSize.
func tooLarge(what string) string {
	return fmt.Sprintf("%s larger than the %d MiB limit for one article, skipped", what, MaxArticleSize>>20)
}

// errSpanTooLong is returned by spanLimiter once a span is too long.
var errSpanTooLong = errors.New("span too long")

// spanLimiter passes reads through but fails once more than max bytes
// have been read since the last call to mark: it bounds what a decoder
// that reads whole records (encoding/csv) can gather for one record.
type spanLimiter struct {
	r         io.Reader
	max       int64
	read, at  int64
	exhausted bool
}

func (s *spanLimiter) mark(offset int64) { s.at = offset }

func (s *spanLimiter) Read(p []byte) (int, error) {
	if s.read-s.at > s.max {
		s.exhausted = true
		return 0, errSpanTooLong
	}
	n, err := s.r.Read(p)
	s.read += int64(n)
	return n, err
}
