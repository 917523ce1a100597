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
	for first := true; ; first = false {
		c, err := j.s.peek()
		if err != nil {
			return j.stop(err)
		}
		if c == ']' {
			j.s.skip()
			return nil
		}
		if !first {
			if c != ',' {
				return j.stop(errSyntax("expected , or ] after an array element"))
			}
			j.s.skip()
		}
		if err := j.element(); err != nil || j.stopped {
			return err
		}
	}
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
	for first := true; ; first = false {
		c, err := j.s.peek()
		if err != nil {
			return j.stop(err)
		}
		if c == '}' {
			j.s.skip()
			break
		}
		if !first {
			if c != ',' {
				return j.stop(errSyntax("expected , or } after an object member"))
			}
			j.s.skip()
			if c, err = j.s.peek(); err != nil {
				return j.stop(err)
			}
		}
		if c != '"' {
			return j.stop(errSyntax("expected a member name in quotes"))
		}
		key, keyTooLong, err := j.s.value(maxKeySize)
		if err != nil {
			return j.stop(err)
		}
		if c, err = j.s.peek(); err != nil {
			return j.stop(err)
		}
		if c != ':' {
			return j.stop(errSyntax("expected : after a member name"))
		}
		j.s.skip()
		if c, err = j.s.peek(); err != nil {
			return j.stop(err)
		}
		name, _ := unquoteJSON(key)
		if !keyTooLong && c == '[' && containerKeys[strings.ToLower(name)] {
			container = true
			j.s.skip()
			if err := j.array(); err != nil || j.stopped {
				return err
			}
			continue
		}
		room := MaxArticleSize - members.Len()
		value, valueTooLong, err := j.s.value(max(room, 0))
		if err != nil {
			return j.stop(err)
		}
		if container || tooLong {
			continue // metadata beside the records, or a record already too large
		}
		if keyTooLong || valueTooLong || members.Len()+len(key)+len(value)+2 > MaxArticleSize {
			tooLong = true
			continue
		}
		if members.Len() > 1 {
			members.WriteByte(',')
		}
		members.Write(key)
		members.WriteByte(':')
		members.Write(value)
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
// returning its text when it is at most max bytes long; a longer value is
// read to its end and dropped, with tooLong set. A value that the input
// ends inside gives io.ErrUnexpectedEOF.
func (s *jsonScanner) value(limit int) (raw []byte, tooLong bool, err error) {
	c, err := s.peek()
	s.start = s.line
	if err != nil {
		return nil, false, unexpected(err)
	}
	var buf []byte
	keep := func(chunk []byte) {
		if tooLong {
			return
		}
		if len(buf)+len(chunk) > limit {
			tooLong = true
			buf = nil
			return
		}
		buf = append(buf, chunk...)
	}
	if c != '{' && c != '[' && c != '"' {
		// A number, true, false, null or something invalid: up to the next
		// delimiter.
		for {
			chunk, err := s.br.Peek(max(1, min(s.br.Buffered(), 4096)))
			if len(chunk) == 0 {
				if errors.Is(err, io.EOF) {
					return buf, tooLong, nil
				}
				return nil, false, err
			}
			end := bytes.IndexAny(chunk, " \t\r\n,]}:")
			if end >= 0 {
				keep(chunk[:end])
				s.br.Discard(end)
				return buf, tooLong, nil
			}
			keep(chunk)
			s.br.Discard(len(chunk))
		}
	}
	depth, inString, escaped := 0, false, false
	for {
		chunk, err := s.br.Peek(max(1, s.br.Buffered()))
		if len(chunk) == 0 {
			return nil, false, unexpected(err)
		}
		end := -1
		for i, b := range chunk {
			switch {
			case inString:
				switch {
				case escaped:
					escaped = false
				case b == '\\':
					escaped = true
				case b == '"':
					inString = false
					if depth == 0 {
						end = i + 1
					}
				case b == '\n':
					s.line++
				}
			case b == '"':
				inString = true
			case b == '{' || b == '[':
				depth++
			case b == '}' || b == ']':
				depth--
				if depth == 0 {
					end = i + 1
				}
			case b == '\n':
				s.line++
			}
			if end >= 0 {
				break
			}
		}
		if end >= 0 {
			keep(chunk[:end])
			s.br.Discard(end)
			return buf, tooLong, nil
		}
		keep(chunk)
		s.br.Discard(len(chunk))
	}
}

// unexpected turns the end of input inside a value into
// io.ErrUnexpectedEOF.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
