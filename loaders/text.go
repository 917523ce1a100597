package loaders

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kg-project/kg/schema"
)

// maxDocumentSize bounds the formats read whole (text, HTML, feeds).
const maxDocumentSize = 64 << 20

// readText reads a plain-text file as one article. Its identity is a hash of
// the text; its title is the first line when that looks like a headline.
// The publication date comes from Options.Date; when there is none the
// extractor looks for a dateline in the text itself.
func (in *input) readText(r io.Reader) error {
	data, ok, err := in.readAllLimited(r, maxDocumentSize, "text file")
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
	return in.emit(schema.Article{Title: headline(text), Text: text}, 0)
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

// headline returns the first line of text when it looks like a title: short,
// followed by more text, and not ending like a sentence.
func headline(text string) string {
	text = strings.TrimLeft(text, " \t\n")
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
