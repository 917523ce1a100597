package loaders

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Format is the kind of content an input holds.
type Format int

// The formats the loaders read, and those that end in a problem.
const (
	FormatUnknown Format = iota // not recognised
	FormatText                  // plain text, one article
	FormatJSON                  // a JSON document: one record, an array, or {"articles": [...]}
	FormatJSONL                 // JSON Lines: one record per line
	FormatHTML                  // an HTML page, one article
	FormatFeed                  // an RSS or Atom feed, one article per item
	FormatCSV                   // a CSV or TSV table of articles with a header row
	FormatWARC                  // a WARC web archive: one article per HTML response
	FormatBinary                // binary data, not an article
	FormatXML                   // XML that is neither a feed nor HTML
	FormatNQuads                // an N-Quads dump (kg dump), for kg restore
)

func (f Format) String() string {
	switch f {
	case FormatText:
		return "text"
	case FormatJSON:
		return "json"
	case FormatJSONL:
		return "jsonl"
	case FormatHTML:
		return "html"
	case FormatFeed:
		return "feed"
	case FormatCSV:
		return "csv"
	case FormatWARC:
		return "warc"
	case FormatBinary:
		return "binary"
	case FormatXML:
		return "xml"
	case FormatNQuads:
		return "nquads"
	}
	return "unknown"
}

// knownFormats names what kg reads, for messages refusing something else.
const knownFormats = "kg reads plain text, JSON, JSON Lines, CSV with a text column, HTML pages, RSS and Atom feeds and WARC archives"

// sniffSize is how much of an input is looked at to recognise its format.
const sniffSize = 8 << 10

// readerSize is the buffer of every input reader; it must hold sniffSize.
const readerSize = 64 << 10

// FormatByName returns the format an input's name says it has, looking
// through a trailing ".gz", or FormatUnknown when the extension says
// nothing.
func FormatByName(name string) Format {
	if IsURL(name) {
		if u, err := url.Parse(name); err == nil {
			name = u.Path
		}
	}
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".csv", ".tsv", ".tab":
		return FormatCSV
	case ".warc":
		return FormatWARC
	case ".nq", ".nquads", ".nt", ".ntriples":
		return FormatNQuads
	case ".txt", ".text":
		return FormatText
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson", ".jsonlines":
		return FormatJSONL
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".xml", ".rss", ".atom", ".feed", ".rdf":
		return FormatFeed
	}
	return FormatUnknown
}

// Sniff recognises a format from the first bytes of an input; complete
// says whether prefix is the whole input. Sniff never returns FormatJSONL
// for a single JSON object, and returns FormatUnknown only for empty or
// blank input.
func Sniff(prefix []byte, complete bool) Format {
	prefix = bytes.TrimPrefix(prefix, utf8BOM)
	p := bytes.TrimLeft(prefix, " \t\r\n")
	if len(p) == 0 {
		return FormatUnknown
	}
	if bytes.HasPrefix(p, []byte("WARC/")) {
		return FormatWARC
	}
	if looksBinary(prefix, complete) {
		return FormatBinary
	}
	if looksLikeNQuads(p) {
		return FormatNQuads
	}
	switch p[0] {
	case '[':
		if startsJSON(p[1:], "{[\"0123456789-]tfn") {
			return FormatJSON
		}
	case '{':
		if startsJSON(p[1:], "\"}") {
			if isJSONLines(p) || !complete && lonelyRecord(p) {
				return FormatJSONL
			}
			return FormatJSON
		}
	case '<':
		return sniffMarkup(p)
	}
	if looksTabular(p, complete) {
		return FormatCSV
	}
	return FormatText
}

// startsJSON reports whether the first non-blank byte of p is one of next,
// or p is blank (the input ends, or the window does, after the bracket).
func startsJSON(p []byte, next string) bool {
	p = bytes.TrimLeft(p, " \t\r\n")
	return len(p) == 0 || strings.IndexByte(next, p[0]) >= 0
}

// isJSONLines reports whether p starts with a line holding one JSON object
// (or what looks like one: a malformed first record must not make the file
// a single broken document) followed by a line starting another. Lines may
// end with LF, CRLF or CR, and start with a byte order mark.
func isJSONLines(p []byte) bool {
	end := bytes.IndexAny(p, "\r\n")
	if end < 0 {
		return false
	}
	first, rest := bytes.TrimSpace(p[:end]), p[end:]
	rest = bytes.TrimPrefix(bytes.TrimLeft(rest, " \t\r\n"), utf8BOM)
	return len(first) > 1 && first[0] == '{' && first[len(first)-1] == '}' && len(rest) > 0 && rest[0] == '{'
}

// prettyJSON reports whether p is a JSON array or a pretty-printed object:
// it starts with '[', or its first line is a lone '{'.
func prettyJSON(p []byte) bool {
	p = bytes.TrimLeft(p, " \t\r\n")
	if len(p) > 0 && p[0] == '[' {
		return true
	}
	first, _, _ := bytes.Cut(p, []byte("\n"))
	return string(bytes.TrimSpace(first)) == "{"
}

// sniffMarkup tells a feed from an HTML page by the first element, after
// any XML declaration, comments and doctype.
func sniffMarkup(p []byte) Format {
	for {
		p = bytes.TrimLeft(p, " \t\r\n")
		switch {
		case len(p) == 0:
			return FormatHTML
		case bytes.HasPrefix(p, []byte("<?")):
			end := bytes.Index(p, []byte("?>"))
			if end < 0 {
				return FormatXML
			}
			p = p[end+2:]
		case bytes.HasPrefix(p, []byte("<!--")):
			end := bytes.Index(p, []byte("-->"))
			if end < 0 {
				return FormatHTML
			}
			p = p[end+3:]
		case bytes.HasPrefix(p, []byte("<!")):
			end := bytes.IndexByte(p, '>')
			if end < 0 {
				end = len(p)
			}
			if bytes.Contains(bytes.ToLower(p[:end]), []byte("html")) {
				return FormatHTML
			}
			p = p[min(end+1, len(p)):]
		case p[0] == '<':
			name := elementName(p[1:])
			switch {
			case name == "rss" || name == "feed" || name == "rdf:rdf" || name == "channel":
				return FormatFeed
			case htmlElements[name]:
				return FormatHTML
			case name == "":
				return FormatText
			}
			return FormatXML
		default:
			// Text before the first tag: an HTML fragment or plain text
			// that begins with markup-like characters.
			return FormatText
		}
	}
}

func elementName(p []byte) string {
	if len(p) == 0 || !(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z') {
		return ""
	}
	end := 0
	for end < len(p) && end < 64 {
		c := p[end]
		if c == ':' || c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			end++
			continue
		}
		break
	}
	return strings.ToLower(string(p[:end]))
}

var htmlElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "link": true,
	"script": true, "style": true, "div": true, "p": true, "article": true, "section": true,
	"header": true, "main": true, "nav": true, "span": true, "h1": true, "h2": true, "table": true,
	"base": true, "noscript": true, "br": true, "a": true, "img": true, "ul": true,
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// looksBinary reports whether a prefix is binary data rather than text: it
// holds a NUL byte, or more than a tenth of it is control characters or
// bytes that are not UTF-8.
func looksBinary(p []byte, complete bool) bool {
	if bytes.IndexByte(p, 0) >= 0 {
		return true
	}
	bad, total := 0, 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size <= 1 {
			if !complete && len(p)-i < utf8.UTFMax && !utf8.FullRune(p[i:]) {
				break // a character cut by the end of the window
			}
			bad++
		} else if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1b || r == 0x7f {
			bad++
		}
		total++
		i += size
	}
	return bad*10 > total
}

// read recognises the format of r and hands it to the right reader.
func (in *input) read(r io.Reader) error {
	br := bufio.NewReaderSize(markFailures{r}, readerSize)
	magic, err := br.Peek(2)
	if len(magic) == 0 {
		if err != nil && !errors.Is(err, io.EOF) {
			return in.readError(0, err)
		}
		in.fail(0, "empty file")
		return nil
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			in.fail(0, "corrupt gzip data: %v", err)
			return nil
		}
		defer zr.Close()
		br = bufio.NewReaderSize(markFailures{zr}, readerSize)
	}
	prefix, err := peekSniff(br)
	complete := errors.Is(err, io.EOF)
	if err != nil && !complete {
		return in.readError(0, err)
	}
	if bytes.HasPrefix(prefix, utf8BOM) {
		br.Discard(len(utf8BOM))
		prefix = prefix[len(utf8BOM):]
	}
	if len(bytes.TrimSpace(prefix)) == 0 && complete {
		if len(prefix) == 0 {
			in.fail(0, "empty file")
		} else {
			in.fail(0, "empty file (only blank space)")
		}
		return nil
	}
	if bytes.HasPrefix(prefix, []byte{0xFF, 0xFE}) || bytes.HasPrefix(prefix, []byte{0xFE, 0xFF}) {
		in.fail(0, "UTF-16 text is not supported; convert it to UTF-8 (for example with iconv -f UTF-16 -t UTF-8)")
		return nil
	}
	if what, hint := notArticleData(prefix); what != "" {
		in.fail(0, "%s, not articles; %s (%s)", what, hint, knownFormats)
		return nil
	}
	byName := in.hint
	if byName == FormatUnknown {
		byName = FormatByName(in.name)
	}
	sniffed := Sniff(prefix, complete)
	format := byName
	switch {
	case sniffed == FormatBinary || sniffed == FormatWARC:
		format = sniffed
	case byName == FormatUnknown:
		format = sniffed
	case byName == FormatJSONL && sniffed == FormatJSON && prettyJSON(prefix):
		// An array or a pretty-printed document under a .jsonl name. Any
		// other object stays JSON Lines, so a bad first line loses only
		// itself.
		format = FormatJSON
	case byName == FormatJSON && sniffed == FormatJSONL:
		// Records one per line under a .json name: read line by line so
		// a bad line does not stop the rest.
		format = FormatJSONL
	case byName == FormatText && (sniffed == FormatNQuads || sniffed == FormatCSV):
		// A server that calls everything text/plain.
		format = sniffed
	}
	switch format {
	case FormatText:
		return in.readText(br)
	case FormatJSON:
		return in.readJSON(br)
	case FormatJSONL:
		return in.readJSONL(br)
	case FormatHTML:
		return in.readHTML(br)
	case FormatFeed:
		return in.readFeed(br)
	case FormatCSV:
		return in.readCSV(br)
	case FormatWARC:
		return in.readWARC(br)
	case FormatBinary:
		in.fail(0, "binary data (not text), not articles; %s", knownFormats)
	case FormatNQuads:
		in.fail(0, "an N-Quads dump (as kg dump writes), not articles; add it to a store with kg restore")
	case FormatXML:
		in.fail(0, "XML document <%s> is not an RSS or Atom feed nor an HTML page; %s", elementName(bytes.TrimLeft(firstElement(prefix), "<")), knownFormats)
	default:
		in.fail(0, "unknown file type; %s", knownFormats)
	}
	return nil
}

// peekSniff returns the start of the input to recognise its format by:
// sniffSize bytes, or fewer when two whole lines have arrived and more
// are slow to come, so that a slow producer's first records (a pipe, a
// feed between items) are read without waiting for 8 KiB of them. err is
// io.EOF when the prefix is the whole input.
func peekSniff(br *bufio.Reader) ([]byte, error) {
	for {
		n := br.Buffered()
		if n >= sniffSize {
			return br.Peek(sniffSize)
		}
		have, _ := br.Peek(n)
		if bytes.Count(have, []byte("\n")) >= 2 && len(bytes.TrimSpace(have)) > 0 || lonelyRecord(have) {
			return have, nil
		}
		if _, err := br.Peek(n + 1); err != nil {
			have, _ = br.Peek(br.Buffered())
			return have, err
		}
	}
}

// lonelyRecord reports whether p is one whole line holding what looks like
// one JSON record, with nothing after it yet: a slow producer's first
// JSON Lines record.
func lonelyRecord(p []byte) bool {
	p = bytes.TrimLeft(bytes.TrimPrefix(p, utf8BOM), " \t\r\n")
	line, rest, found := bytes.Cut(p, []byte("\n"))
	line = bytes.TrimSpace(line)
	return found && len(rest) == 0 && len(line) > 1 && line[0] == '{' && line[len(line)-1] == '}'
}

// firstElement returns p from the first element tag on, past declarations
// and comments; it is used only to name the element in a message.
func firstElement(p []byte) []byte {
	for {
		i := bytes.IndexByte(p, '<')
		if i < 0 || i+1 >= len(p) {
			return nil
		}
		p = p[i:]
		if p[1] != '?' && p[1] != '!' {
			return p
		}
		p = p[1:]
	}
}

// readAllLimited reads a whole document of at most limit bytes; larger
// ones are reported and skipped (ok false).
func (in *input) readAllLimited(r io.Reader, limit int64, what string) (data []byte, ok bool, err error) {
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, in.readError(0, err)
	}
	if int64(len(data)) > limit {
		if limit == MaxArticleSize {
			in.fail(0, "%s", tooLarge(what))
		} else {
			in.fail(0, "%s larger than %d MiB, skipped", what, limit>>20)
		}
		return nil, false, nil
	}
	return data, true, nil
}

// safely runs a third-party parser and turns a panic inside it into an
// error, so one hostile input cannot bring the whole load down.
func safely(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parser crashed on this input (%v)", r)
		}
	}()
	return f()
}
