package graph

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// checkNQuad checks one line of an N-Quads document against the grammar of
// the W3C recommendation (https://www.w3.org/TR/n-quads/): subject,
// predicate, object, optional graph label and a final dot, then only
// blanks or a comment. The quad library's reader, which Restore uses to
// build the quad, is lenient — it takes `<a b>` for two literals — so
// Restore checks each line here first and stores nothing it would read
// differently. line holds no line break. It returns the length of the
// statement, up to its final dot (what follows is blanks or a comment).
// The error is a *lineError giving the column.
func checkNQuad(line []byte) (int, error) {
	if !utf8.Valid(line) {
		i := 0
		for i < len(line) {
			r, size := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return 0, &lineError{Col: utf8.RuneCount(line[:i]) + 1, Msg: fmt.Sprintf("byte 0x%02x is not valid UTF-8, which N-Quads requires", line[i])}
	}
	p := nqParser{line: line}
	p.blanks()
	if p.at('\ufeff') {
		return 0, p.fail("a byte order mark (U+FEFF) inside the dump; only the file's first line may start with one")
	}
	if err := p.term("subject", true, false); err != nil {
		return 0, err
	}
	if err := p.term("predicate", false, false); err != nil {
		return 0, err
	}
	if err := p.term("object", true, true); err != nil {
		return 0, err
	}
	if p.i >= len(p.line) {
		return 0, p.fail("expected the final ' .' of the quad")
	}
	if !p.at('.') {
		if err := p.term("graph label", true, false); err != nil {
			return 0, err
		}
	}
	if !p.at('.') {
		return 0, p.fail("expected the final ' .' of the quad")
	}
	p.i++
	end := p.i
	p.blanks()
	if p.i < len(p.line) && p.line[p.i] != '#' {
		return 0, p.fail("unexpected text after the final '.'")
	}
	return end, nil
}

// lineError is a problem at a column (in characters, from 1) of a line.
type lineError struct {
	Col int
	Msg string
}

func (e *lineError) Error() string { return fmt.Sprintf("column %d: %s", e.Col, e.Msg) }

// nqParser walks one N-Quads line.
type nqParser struct {
	line []byte
	i    int
}

func (p *nqParser) fail(msg string) error {
	return &lineError{Col: utf8.RuneCount(p.line[:min(p.i, len(p.line))]) + 1, Msg: msg}
}

func (p *nqParser) blanks() {
	for p.i < len(p.line) && (p.line[p.i] == ' ' || p.line[p.i] == '\t') {
		p.i++
	}
}

// at reports whether the next character is r.
func (p *nqParser) at(r rune) bool {
	got, _ := utf8.DecodeRune(p.line[p.i:])
	return p.i < len(p.line) && got == r
}

// term reads one term and the blanks after it: an IRI, or also a blank
// node, or also a literal.
func (p *nqParser) term(what string, blank, literal bool) error {
	var err error
	switch {
	case p.at('<'):
		err = p.iri()
	case blank && p.at('_'):
		err = p.blankNode()
	case literal && p.at('"'):
		err = p.literal()
	case p.i >= len(p.line):
		return p.fail("the line ends before the " + what)
	default:
		kinds := "an IRI <...>"
		switch {
		case literal:
			kinds = `an IRI <...>, a blank node _:... or a literal "..."`
		case blank:
			kinds = "an IRI <...> or a blank node _:..."
		}
		return p.fail(fmt.Sprintf("the %s must be %s", what, kinds))
	}
	if err != nil {
		return err
	}
	// The grammar lets some terms touch; kg's dumps never do, and the
	// quad library misreads some that do (<a><b> as one IRI), so a blank
	// is required after each term.
	end := p.i
	p.blanks()
	if p.i == end && p.i < len(p.line) {
		return p.fail("expected a blank after the " + what)
	}
	return nil
}

// iri reads an IRIREF.
func (p *nqParser) iri() error {
	p.i++ // <
	if p.at('>') {
		return p.fail("an empty IRI <> names nothing")
	}
	for p.i < len(p.line) {
		r, size := utf8.DecodeRune(p.line[p.i:])
		switch {
		case r == '>':
			p.i++
			return nil
		case r == '\\':
			if err := p.uchar(); err != nil {
				return err
			}
			continue
		case r <= ' ' || bytes.ContainsRune([]byte("<\"{}|^`"), r):
			return p.fail(fmt.Sprintf("%q may not appear in an IRI (write it as \\u%04X)", r, r))
		}
		p.i += size
	}
	return p.fail("IRI without its closing '>'")
}

// uchar reads \uXXXX or \UXXXXXXXX.
func (p *nqParser) uchar() error {
	n := 0
	switch {
	case p.i+1 < len(p.line) && p.line[p.i+1] == 'u':
		n = 4
	case p.i+1 < len(p.line) && p.line[p.i+1] == 'U':
		n = 8
	default:
		return p.fail(`a backslash in an IRI must start a \uXXXX or \UXXXXXXXX escape`)
	}
	if p.i+2+n > len(p.line) || !isHex(p.line[p.i+2:p.i+2+n]) {
		return p.fail(fmt.Sprintf("a \\%c escape needs %d hexadecimal digits", p.line[p.i+1], n))
	}
	// The quad library's reader panics on an escape past what a rune
	// holds; no escape past U+10FFFF names a character.
	if code, _ := strconv.ParseUint(string(p.line[p.i+2:p.i+2+n]), 16, 32); code > unicode.MaxRune {
		return p.fail(fmt.Sprintf("the escape \\%c%s names no character (past U+10FFFF)", p.line[p.i+1], p.line[p.i+2:p.i+2+n]))
	}
	p.i += 2 + n
	return nil
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// blankNode reads a BLANK_NODE_LABEL.
func (p *nqParser) blankNode() error {
	if p.i+1 >= len(p.line) || p.line[p.i+1] != ':' {
		return p.fail("a blank node starts with _:")
	}
	p.i += 2
	first, size := utf8.DecodeRune(p.line[p.i:])
	if p.i >= len(p.line) || !(pnCharsU(first) || first >= '0' && first <= '9') {
		return p.fail("a blank node label must start with a letter, a digit, '_' or ':'")
	}
	p.i += size
	for p.i < len(p.line) {
		r, size := utf8.DecodeRune(p.line[p.i:])
		if !pnChars(r) && r != '.' {
			break
		}
		p.i += size
	}
	for p.line[p.i-1] == '.' {
		p.i-- // a label does not end with a dot: that is the quad's
	}
	return nil
}

func pnCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

func pnCharsU(r rune) bool { return pnCharsBase(r) || r == '_' || r == ':' }

func pnChars(r rune) bool {
	return pnCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// literal reads a quoted string with an optional language tag or datatype.
func (p *nqParser) literal() error {
	p.i++ // "
	closed := false
	for p.i < len(p.line) && !closed {
		switch c := p.line[p.i]; c {
		case '"':
			closed = true
			p.i++
		case '\\':
			if p.i+1 < len(p.line) && bytes.IndexByte([]byte(`tbnrf"'\`), p.line[p.i+1]) >= 0 {
				p.i += 2
				continue
			}
			if err := p.uchar(); err != nil {
				return p.fail(`a backslash in a literal must start an escape: \t \b \n \r \f \" \' \\ \uXXXX or \UXXXXXXXX`)
			}
		default:
			p.i++
		}
	}
	if !closed {
		return p.fail(`literal without its closing '"'`)
	}
	switch {
	case p.at('@'):
		start := p.i
		p.i++
		letters := p.run(func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' })
		for letters > 0 && p.at('-') {
			p.i++
			if p.run(func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }) == 0 {
				letters = 0
			}
		}
		if letters == 0 {
			p.i = start
			return p.fail("a language tag is @ and letters, such as @en or @pt-BR")
		}
	case p.i+1 < len(p.line) && p.line[p.i] == '^' && p.line[p.i+1] == '^':
		p.i += 2
		if !p.at('<') {
			return p.fail("a datatype after ^^ must be an IRI <...>")
		}
		return p.iri()
	}
	return nil
}

// run skips the bytes ok accepts and returns how many there were.
func (p *nqParser) run(ok func(byte) bool) int {
	start := p.i
	for p.i < len(p.line) && ok(p.line[p.i]) {
		p.i++
	}
	return p.i - start
}
