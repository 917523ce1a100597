package loaders

import (
	"bytes"
	"encoding/json"
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
// Arrays are streamed element by element with json.Decoder, so a huge
// array needs memory for one record at a time. A syntax error stops the
// file there (JSON cannot be resynchronised); a bad record only skips that
// record.
func (in *input) readJSON(r io.Reader) error {
	lines := &lineCounter{r: r}
	dec := json.NewDecoder(lines)
	j := &jsonDoc{in: in, dec: dec, lines: lines}
	defer j.reportUTF8()
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return j.syntaxError(err)
		}
		switch tok {
		case json.Delim('['):
			if err := j.array(); err != nil || j.stopped {
				return err
			}
		case json.Delim('{'):
			if err := j.object(); err != nil || j.stopped {
				return err
			}
		default:
			in.fail(lines.lineAt(dec.InputOffset()), "top-level JSON value is %s, not an object or array of records", describeToken(tok))
			return nil
		}
	}
}

// jsonDoc is the state of one JSON document being read.
type jsonDoc struct {
	in       *input
	dec      *json.Decoder
	lines    *lineCounter
	stopped  bool // a syntax error ended the document
	badUTF8  int
	firstBad int
}

// array reads the elements of an array whose '[' was just read.
func (j *jsonDoc) array() error {
	for j.dec.More() {
		var raw json.RawMessage
		if err := j.dec.Decode(&raw); err != nil {
			return j.syntaxError(err)
		}
		start := j.dec.InputOffset() - int64(len(raw))
		line := j.lines.lineAt(start)
		j.checkUTF8(raw, line)
		if err := j.in.record(raw, line); err != nil {
			return err
		}
	}
	if _, err := j.dec.Token(); err != nil { // the closing ']'
		return j.syntaxError(err)
	}
	return nil
}

// object reads a top-level object whose '{' was just read: either a
// container of records or a record itself.
func (j *jsonDoc) object() error {
	line := j.lines.lineAt(j.dec.InputOffset() - 1)
	var members bytes.Buffer
	members.WriteByte('{')
	container := false
	for j.dec.More() {
		tok, err := j.dec.Token()
		if err != nil {
			return j.syntaxError(err)
		}
		key, _ := tok.(string)
		if containerKeys[strings.ToLower(key)] {
			if err := j.containerMember(&container); err != nil || j.stopped {
				return err
			}
			continue
		}
		var raw json.RawMessage
		if err := j.dec.Decode(&raw); err != nil {
			return j.syntaxError(err)
		}
		if container {
			continue // metadata beside the records
		}
		if members.Len() > 1 {
			members.WriteByte(',')
		}
		k, _ := json.Marshal(key)
		members.Write(k)
		members.WriteByte(':')
		members.Write(raw)
		if members.Len() > maxRecordSize {
			j.in.fail(line, "record larger than %d MiB, skipped", maxRecordSize>>20)
			return j.skipRest()
		}
	}
	if _, err := j.dec.Token(); err != nil { // the closing '}'
		return j.syntaxError(err)
	}
	if container {
		return nil
	}
	members.WriteByte('}')
	j.checkUTF8(members.Bytes(), line)
	return j.in.record(members.Bytes(), line)
}

// containerMember reads the value of an "articles"-like member: an array
// is streamed as records; anything else is passed over.
func (j *jsonDoc) containerMember(container *bool) error {
	tok, err := j.dec.Token()
	if err != nil {
		return j.syntaxError(err)
	}
	switch tok {
	case json.Delim('['):
		*container = true
		return j.array()
	case json.Delim('{'):
		return j.skipNested(1)
	}
	return nil
}

// skipNested consumes tokens until depth open brackets are closed.
func (j *jsonDoc) skipNested(depth int) error {
	for depth > 0 {
		tok, err := j.dec.Token()
		if err != nil {
			return j.syntaxError(err)
		}
		switch tok {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

// skipRest ends reading the current top-level object.
func (j *jsonDoc) skipRest() error {
	for j.dec.More() {
		var raw json.RawMessage
		if err := j.dec.Decode(&raw); err != nil {
			return j.syntaxError(err)
		}
	}
	_, err := j.dec.Token()
	if err != nil {
		return j.syntaxError(err)
	}
	return nil
}

// syntaxError reports an error that ends the document, with its line.
func (j *jsonDoc) syntaxError(err error) error {
	j.stopped = true
	if ctxErr := j.in.ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		j.in.fail(j.lines.lineAt(syn.Offset), "invalid JSON: %v; the rest of the file is skipped", syn)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		j.in.fail(j.lines.lineAt(j.lines.read), "invalid JSON: the file ends in the middle of a value")
	default:
		var rerr readFailure
		if errors.As(err, &rerr) {
			return j.in.readError(j.lines.lineAt(j.lines.read), rerr.err)
		}
		j.in.fail(j.lines.lineAt(j.dec.InputOffset()), "invalid JSON: %v; the rest of the file is skipped", err)
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

func describeToken(tok json.Token) string {
	switch tok.(type) {
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a delimiter"
}

// lineCounter passes reads through and remembers where lines end, so a
// byte offset in the stream can be turned into a line number. Offsets must
// be asked for in increasing order; only newlines not yet passed are kept,
// so memory stays bounded by the decoder's read-ahead.
type lineCounter struct {
	r       io.Reader
	read    int64   // bytes read so far
	pending []int64 // offsets of newlines at or after the last asked offset
	passed  int     // newlines before the last asked offset
}

// readFailure marks an error of the underlying reader, as opposed to a
// JSON error, once it has gone through json.Decoder.
type readFailure struct{ err error }

func (e readFailure) Error() string { return e.err.Error() }
func (e readFailure) Unwrap() error { return e.err }

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; {
		k := bytes.IndexByte(p[i:n], '\n')
		if k < 0 {
			break
		}
		c.pending = append(c.pending, c.read+int64(i+k))
		i += k + 1
	}
	c.read += int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		err = readFailure{err}
	}
	return n, err
}

// lineAt returns the 1-based line holding byte offset off.
func (c *lineCounter) lineAt(off int64) int {
	i := 0
	for i < len(c.pending) && c.pending[i] < off {
		i++
	}
	c.passed += i
	if i > 0 {
		c.pending = append(c.pending[:0], c.pending[i:]...)
	}
	return c.passed + 1
}
