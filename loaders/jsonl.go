package loaders

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// readJSONL reads JSON Lines: one record per line, read line by line so
// files of any size stream with flat memory and a line of any length up to
// MaxArticleSize loads; a longer one streams past without being kept. A
// bad line is reported as path:LINE and the lines after it still load.
func (in *input) readJSONL(br *bufio.Reader) error {
	var (
		buf      []byte
		lineNo   int
		badUTF8  int
		firstBad int
	)
	defer func() {
		if badUTF8 > 0 {
			in.warn(firstBad, "invalid UTF-8 in %d lines (first here), replaced with U+FFFD; records kept", badUTF8)
		}
	}()
	defer in.finish("record", textFields)
	// Lines may end with LF, CRLF or a lone CR (old Mac files): each is
	// one line, so a file of CR-only ends is not one giant bad record.
	br = bufio.NewReaderSize(&lineEnds{r: br}, br.Size())
	for {
		line, tooLong, err := readLine(br, &buf, MaxArticleSize)
		if cap(buf) > 4<<20 {
			buf = nil // let a giant line's buffer go
		}
		if len(line) == 0 && !tooLong && err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return in.readError(lineNo+1, err)
		}
		lineNo++
		switch {
		case tooLong:
			in.fail(lineNo, "%s", tooLarge("record"))
		default:
			// A byte order mark may start any line (files joined with
			// cat, each written with one).
			if rec := bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(line), utf8BOM)); len(rec) > 0 {
				if !utf8.Valid(rec) {
					if badUTF8 == 0 {
						firstBad = lineNo
					}
					badUTF8++
				}
				if ferr := in.record(rec, lineNo); ferr != nil {
					return ferr
				}
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return in.readError(lineNo+1, err)
		}
	}
}

// record reads one JSON record and hands the article on, or reports why it
// cannot. Only fn's error (or cancellation) is returned.
func (in *input) record(raw []byte, line int) error {
	a, err := parseRecord(raw)
	switch {
	case errors.Is(err, errNoText):
		what := "record"
		if id := firstNonEmpty(a.ID, a.URL, a.Title); id != "" {
			what = fmt.Sprintf("record %q", clip(id, 80))
		}
		in.bare(line, "%s has no text (looked for %s), skipped", what, textFields)
		return nil
	case err != nil:
		in.fail(line, "%v", err)
		return nil
	}
	return in.emit(a, line)
}

// lineEnds reads r with every lone CR made an LF and every CRLF an LF.
type lineEnds struct {
	r  io.Reader
	cr bool // the last byte read was a CR
}

func (l *lineEnds) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		out := 0
		for _, c := range p[:n] {
			if c == '\n' && l.cr {
				l.cr = false // the LF of a CRLF, given already
				continue
			}
			l.cr = c == '\r'
			if l.cr {
				c = '\n'
			}
			p[out] = c
			out++
		}
		if out > 0 || err != nil || n == 0 {
			return out, err
		}
	}
}

// readLine reads one line. A line that fits in the reader's buffer is
// returned in place, valid until the next read; a longer one is gathered in
// *buf. A line longer than max is consumed and dropped, with tooLong set.
// err is io.EOF after the last line.
func readLine(br *bufio.Reader, bufp *[]byte, max int) (line []byte, tooLong bool, err error) {
	buf := (*bufp)[:0]
	defer func() { *bufp = buf }()
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf) == 0 && !tooLong && !errors.Is(err, bufio.ErrBufferFull) {
			return chunk, false, err
		}
		if !tooLong {
			if len(buf)+len(chunk) > max {
				tooLong = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, tooLong, err
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
