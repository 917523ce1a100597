package loaders

import (
	"bytes"
	"regexp"
)

// notArticle is a kind of file that people point kg at by mistake, told by
// its first bytes, with what to do instead.
type notArticle struct {
	magic []byte
	// inside, when set, must also occur in the first bytes: it tells one
	// kind of ZIP container from another.
	inside []byte
	what   string
	hint   string
}

const spreadsheetHint = "save it as CSV (UTF-8) with a header row naming the text column (text, maintext, body, content, ...) and load that"

// notArticles is checked in order; the first match wins.
var notArticles = []notArticle{
	{magic: []byte("PK\x03\x04"), inside: []byte("xl/"), what: "an Excel spreadsheet (.xlsx)", hint: spreadsheetHint},
	{magic: []byte("PK\x03\x04"), inside: []byte("opendocument.spreadsheet"), what: "an OpenDocument spreadsheet (.ods)", hint: spreadsheetHint},
	{magic: []byte("PK\x03\x04"), inside: []byte("word/"), what: "a Word document (.docx)", hint: "save it as plain text and load that"},
	{magic: []byte("PK\x03\x04"), inside: []byte("opendocument.text"), what: "an OpenDocument text (.odt)", hint: "save it as plain text and load that"},
	{magic: []byte("PK\x03\x04"), what: "a ZIP archive", hint: "unpack it and load the folder"},
	{magic: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), what: "an old Microsoft Office file (.xls, .doc)", hint: spreadsheetHint + ", or a document as plain text"},
	{magic: []byte("%PDF-"), what: "a PDF document", hint: "turn it into text first (for example with pdftotext) and load that"},
	{magic: []byte("SQLite format 3\x00"), what: "an SQLite database", hint: "export the articles as CSV or JSON Lines and load that"},
	{magic: []byte("\x28\xB5\x2F\xFD"), what: "zstd-compressed data", hint: "decompress it first (zstd -d); kg decompresses gzip itself"},
	{magic: []byte("\xFD7zXZ\x00"), what: "xz-compressed data", hint: "decompress it first (xz -d); kg decompresses gzip itself"},
	{magic: []byte("BZh"), inside: []byte("1AY&SY"), what: "bzip2-compressed data", hint: "decompress it first (bunzip2); kg decompresses gzip itself"},
	{magic: []byte("7z\xBC\xAF\x27\x1C"), what: "a 7-Zip archive", hint: "unpack it and load the folder"},
	{magic: []byte("Rar!\x1A\x07"), what: "a RAR archive", hint: "unpack it and load the folder"},
}

// notArticleData names the kind of a file that is not articles and says
// what to do instead, or returns "" for what may be articles.
func notArticleData(prefix []byte) (what, hint string) {
	for _, n := range notArticles {
		if bytes.HasPrefix(prefix, n.magic) && (n.inside == nil || bytes.Contains(prefix[:min(len(prefix), 4096)], n.inside)) {
			return n.what, n.hint
		}
	}
	return "", ""
}

// nquadLine is the shape of a line of kg dump: an IRI or blank node, an
// IRI, any object, an optional label and a final dot.
var nquadLine = regexp.MustCompile(`^(<[^>\s]*>|_:\S+) <[^>\s]*> .+ \.$`)

// looksLikeNQuads reports whether p starts with N-Quads lines.
func looksLikeNQuads(p []byte) bool {
	line, _, _ := bytes.Cut(p, []byte("\n"))
	return nquadLine.Match(bytes.TrimRight(line, "\r"))
}

// tableSeparators are the field separators a table may use, in the order
// they are tried.
var tableSeparators = []byte{'\t', ',', ';', '|'}

// minTableLines is how many whole lines must agree on their number of
// fields for content to be taken as a table (fewer when that is the whole
// input).
const minTableLines = 3

// looksTabular reports whether p is a table: its first whole lines (at
// least minTableLines, or all of a shorter complete input, and at least
// two) have the same number of fields, more than one for tabs and more
// than two for other separators, none starts with the separator, and the
// first line's fields are short, as a header's or a data row's are. Prose
// lines have commas too, but rarely the same number on every line.
func looksTabular(p []byte, complete bool) bool {
	lines := bytes.Split(p, []byte("\n"))
	if !complete && len(lines) > 0 {
		lines = lines[:len(lines)-1] // cut by the end of the window
	}
	for len(lines) > 0 && len(bytes.TrimSpace(lines[len(lines)-1])) == 0 {
		lines = lines[:len(lines)-1]
	}
	if len(lines) < 2 || len(lines) < minTableLines && !complete {
		return false
	}
	for _, sep := range tableSeparators {
		fields := countFields(lines[0], sep)
		if fields < 2 || sep != '\t' && fields < 3 {
			continue
		}
		same := true
		for _, l := range lines {
			// An indented paragraph starts with a tab; a row does not
			// start with an empty field on every line.
			if countFields(l, sep) != fields || len(l) > 0 && l[0] == sep {
				same = false
				break
			}
		}
		if same && shortFields(lines[0], sep) {
			return true
		}
	}
	return false
}

// countFields counts the fields of a line split at sep outside double
// quotes.
func countFields(line []byte, sep byte) int {
	n, quoted := 1, false
	for _, c := range bytes.TrimRight(line, "\r") {
		switch {
		case c == '"':
			quoted = !quoted
		case c == sep && !quoted:
			n++
		}
	}
	return n
}

// shortFields reports whether every field of line is at most 200 bytes:
// a header's names, or a data row's values, not sentences of prose run
// together.
func shortFields(line []byte, sep byte) bool {
	for _, f := range bytes.Split(line, []byte{sep}) {
		if len(f) > 200 {
			return false
		}
	}
	return true
}
