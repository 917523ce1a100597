package loaders

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// containerKeys are the members of a top-level object that hold the list
// of records, as in {"articles": [...]} or {"items": [...]}.
var containerKeys = map[string]bool{
	"articles": true, "items": true, "data": true, "results": true,
	"records": true, "docs": true, "documents": true, "news": true, "entries": true,
}

// readJSON reads a JSON document: one record object, an array of records,
// or an object whose "articles" (or "items", ...) member is an array of
// records; several such documents one after another are read in turn.
//
// The document is read by jsonScanner, which finds where each record
// begins and ends without decoding it and keeps at most MaxArticleSize
// bytes of one: a record larger than that is skipped as it streams past,
// and only records within the limit are decoded, one at a time. A record
// that is not valid JSON is reported and skipped; brackets or quotes that
// do not match stop the file there, since the next record cannot be found.
func (in *input) readJSON(br *bufio.Reader) error {
	s := &jsonScanner{br: br, line: 1}
	j := &jsonDoc{in: in, s: s}
	defer j.reportUTF8()
	defer in.finish("record", textFields)
	for {
		c, err := s.peek()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return j.stop(err)
		}
		switch c {
		case '[':
			s.skip()
			if err := j.array(); err != nil || j.stopped {
				return err
			}
		case '{':
			if err := j.object(); err != nil || j.stopped {
				return err
			}
		default:
			line := s.line
			raw, _, err := s.value(64)
			if err != nil {
				return j.stop(err)
			}
			in.fail(line, "top-level JSON value is %s, not an object or array of records", jsonKind(raw))
			return nil
		}
	}
}

// jsonDoc is the state of one JSON document being read.
type jsonDoc struct {
	in       *input
	s        *jsonScanner
	stopped  bool // the document could not be read on
	badUTF8  int
	firstBad int
}

// array reads the elements of an array whose '[' was just read, each a
// record.
func (j *jsonDoc) array() error {
	return j.list(']', "an array element", j.element)
}

// list reads the items of an array or object whose opening bracket was
// just read, calling each for every item, until the closing bracket end.
func (j *jsonDoc) list(end byte, what string, each func() error) error {
	for first := true; ; first = false {
		c, err := j.s.peek()
		if err != nil {
			return j.stop(err)
		}
		if c == end {
			j.s.skip()
			return nil
		}
		if !first {
			if c != ',' {
				return j.stop(errSyntax("expected , or " + string(end) + " after " + what))
			}
			j.s.skip()
		}
		if err := each(); err != nil || j.stopped {
			return err
		}
	}
}

// expect consumes the next byte, which must be c, or stops the document.
func (j *jsonDoc) expect(c byte, what string) error {
	got, err := j.s.peek()
	if err != nil {
		return j.stop(err)
	}
	if got != c {
		return j.stop(errSyntax("expected " + what))
	}
	j.s.skip()
	return nil
}

// element reads one record of an array.
func (j *jsonDoc) element() error {
	if _, err := j.s.peek(); err != nil {
		return j.stop(err)
	}
	line := j.s.line
	raw, tooLong, err := j.s.value(MaxArticleSize)
	if err != nil {
		return j.stop(err)
	}
	if tooLong {
		j.in.fail(line, "%s", tooLarge("record"))
		return nil
	}
	j.checkUTF8(raw, line)
	return j.in.record(raw, line)
}

// object reads a top-level object: either a container of records, whose
// records are read as they come, or a record itself, gathered member by
// member up to MaxArticleSize.
func (j *jsonDoc) object() error {
	line := j.s.line
	j.s.skip() // '{'
	var members bytes.Buffer
	members.WriteByte('{')
	container, tooLong := false, false
	err := j.list('}', "an object member", func() error {
		if c, err := j.s.peek(); err != nil || c != '"' {
			if err != nil {
				return j.stop(err)
			}
			return j.stop(errSyntax("expected a member name in quotes"))
		}
		key, keyTooLong, err := j.s.value(maxKeySize)
		if err != nil {
			return j.stop(err)
		}
		if err := j.expect(':', ": after a member name"); err != nil || j.stopped {
			return err
		}
		c, err := j.s.peek()
		if err != nil {
			return j.stop(err)
		}
		name, _ := unquoteJSON(key)
		if !keyTooLong && c == '[' && containerKeys[strings.ToLower(name)] {
			container = true
			j.s.skip()
			return j.array()
		}
		value, valueTooLong, err := j.s.value(max(MaxArticleSize-members.Len(), 0))
		switch {
		case err != nil:
			return j.stop(err)
		case container || tooLong:
			// metadata beside the records, or a record already too large
		case keyTooLong || valueTooLong || members.Len()+len(key)+len(value)+2 > MaxArticleSize:
			tooLong = true
		default:
			if members.Len() > 1 {
				members.WriteByte(',')
			}
			members.Write(key)
			members.WriteByte(':')
			members.Write(value)
		}
		return nil
	})
	if err != nil || j.stopped {
		return err
	}
	switch {
	case container:
		return nil
	case tooLong:
		j.in.fail(line, "%s", tooLarge("record"))
		return nil
	}
	members.WriteByte('}')
	raw := members.Bytes()
	j.checkUTF8(raw, line)
	return j.in.record(raw, line)
}

// maxKeySize bounds a member name.
const maxKeySize = 4 << 10

// errSyntax marks a structural error in a JSON document.
type errSyntax string

func (e errSyntax) Error() string { return string(e) }

// stop reports an error that ends the document, with its line.
func (j *jsonDoc) stop(err error) error {
	j.stopped = true
	if ctxErr := j.in.ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var syn errSyntax
	switch {
	case errors.As(err, &syn):
		j.in.fail(j.s.line, "invalid JSON: %v; the rest of the file is skipped", syn)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		j.in.fail(j.s.start, "invalid JSON: the file ends in the middle of the value that starts here")
	default:
		return j.in.readError(j.s.line, err)
	}
	return nil
}

func (j *jsonDoc) checkUTF8(raw []byte, line int) {
	if utf8.Valid(raw) {
		return
	}
	if j.badUTF8 == 0 {
		j.firstBad = line
	}
	j.badUTF8++
}

func (j *jsonDoc) reportUTF8() {
	if j.badUTF8 > 0 {
		j.in.warn(j.firstBad, "invalid UTF-8 in %d records (first here), replaced with U+FFFD; records kept", j.badUTF8)
	}
}

// jsonScanner finds the extent of JSON values in a stream without decoding
// them, counting lines as it goes. It checks only what it needs to find a
// value's end (brackets and strings); encoding/json validates the records
// it returns.
type jsonScanner struct {
	br    *bufio.Reader
	line  int // line of the next unread byte
	start int // line where the last value asked for starts

	// Where closing is inside the string, object or array being read.
	depth             int
	inString, escaped bool
}

// peek skips blank space and returns the next byte without consuming it.
func (s *jsonScanner) peek() (byte, error) {
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case '\n':
			s.line++
		case ' ', '\t', '\r':
		default:
			s.br.UnreadByte()
			return c, nil
		}
	}
}

// skip consumes the byte peek returned.
func (s *jsonScanner) skip() { s.br.ReadByte() }

// value reads the value that starts at the next byte (after blank space),
// returning its text when it is at most limit bytes long; a longer value
// is read to its end and dropped, with tooLong set. A value that the input
// ends inside gives io.ErrUnexpectedEOF.
func (s *jsonScanner) value(limit int) (raw []byte, tooLong bool, err error) {
	c, err := s.peek()
	s.start = s.line
	if err != nil {
		return nil, false, unexpected(err)
	}
	keep := func(chunk []byte) {
		switch {
		case tooLong:
		case len(raw)+len(chunk) > limit:
			tooLong, raw = true, nil
		default:
			raw = append(raw, chunk...)
		}
	}
	// A number, true, false, null (or something invalid) ends at the next
	// delimiter or at the end of the input; a string, object or array at
	// its closing quote or bracket.
	scalar := c != '{' && c != '[' && c != '"'
	end := s.closing
	if scalar {
		end = func(chunk []byte) int { return bytes.IndexAny(chunk, " \t\r\n,]}:") }
	}
	s.depth, s.inString, s.escaped = 0, false, false
	for {
		chunk, err := s.br.Peek(max(1, s.br.Buffered()))
		if len(chunk) == 0 {
			if scalar && errors.Is(err, io.EOF) {
				return raw, tooLong, nil
			}
			return nil, false, unexpected(err)
		}
		if n := end(chunk); n >= 0 {
			keep(chunk[:n])
			s.br.Discard(n)
			return raw, tooLong, nil
		}
		keep(chunk)
		s.br.Discard(len(chunk))
	}
}

// closing returns the length of chunk up to the end of the string, object
// or array being read, or -1 when it goes on past chunk, counting the
// lines it passes.
func (s *jsonScanner) closing(chunk []byte) int {
	for i, b := range chunk {
		switch {
		case s.inString:
			switch {
			case s.escaped:
				s.escaped = false
			case b == '\\':
				s.escaped = true
			case b == '"':
				s.inString = false
				if s.depth == 0 {
					return i + 1
				}
			case b == '\n':
				s.line++
			}
		case b == '"':
			s.inString = true
		case b == '{' || b == '[':
			s.depth++
		case b == '}' || b == ']':
			s.depth--
			if s.depth == 0 {
				return i + 1
			}
		case b == '\n':
			s.line++
		}
	}
	return -1
}

// unexpected turns the end of input inside a value into
// io.ErrUnexpectedEOF.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
