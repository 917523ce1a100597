package loaders

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/kg-project/kg/schema"
)

// readText reads a plain-text file as one article. Its identity is a hash of
// the text; its title is the first line when that looks like a headline.
// The publication date comes from Options.Date; when there is none the
// extractor looks for a dateline in the text itself.
func (in *input) readText(r io.Reader) error {
	data, ok, err := in.readAllLimited(r, MaxArticleSize, "text file")
	if !ok {
		return err
	}
	text, bad := repairUTF8(data)
	if bad > 0 {
		in.warn(0, "invalid UTF-8: %d bytes replaced with U+FFFD; article kept", bad)
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if strings.TrimSpace(text) == "" {
		in.fail(0, "no text (only blank space)")
		return nil
	}
	return in.emit(schema.Article{Title: schema.LeadingHeadline(text), Text: text, URL: in.url}, 0)
}

// repairUTF8 returns data as a string with every invalid UTF-8 sequence
// replaced by U+FFFD, and how many bytes were invalid.
func repairUTF8(data []byte) (string, int) {
	if utf8.Valid(data) {
		return string(data), 0
	}
	bad := 0
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.String(), bad
}
