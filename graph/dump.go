package graph

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// DefaultRestoreBatch is the number of quads Restore writes per transaction
// when RestoreOptions leaves it at zero.
const DefaultRestoreBatch = 100000

// Dump writes every quad of the store to w as N-Quads, one per line, in the
// store's own order (the order the quads were first written, so the quads of
// one article stay together). It streams: memory use does not grow with the
// store. It returns the number of quads written.
//
// Each line is checked to read back as the very quad it came from; a value
// N-Quads cannot carry (text that is not UTF-8, a blank node label with
// spaces) stops the dump with an error naming the quad rather than being
// written wrong. IRI characters N-Quads forbids are written as \uXXXX
// escapes, which Restore reads back.
func (s *Store) Dump(ctx context.Context, w io.Writer) (n int64, err error) {
	defer s.checkDamage(&err)
	enc := nquads.NewWriter(w)
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		out := quad.Quad{Subject: encodable(q.Subject), Predicate: encodable(q.Predicate), Object: encodable(q.Object), Label: encodable(q.Label)}
		if err := checkRoundTrip(q, out); err != nil {
			return n, fmt.Errorf("dump quad %d: %w", n+1, err)
		}
		if err := enc.WriteQuad(out); err != nil {
			return n, fmt.Errorf("dump quad %d (%v): %w", n+1, q, err)
		}
		n++
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return n, err
			}
		}
	}
	if err := it.Err(); err != nil {
		return n, fmt.Errorf("dump: read store after %d quads: %w", n, err)
	}
	if err := ctx.Err(); err != nil {
		return n, err
	}
	if err := enc.Close(); err != nil {
		return n, fmt.Errorf("dump: write after %d quads: %w", n, err)
	}
	return n, nil
}

// MaxDumpLine is the longest line Dump writes and Restore reads: far more
// than any quad kg stores (an evidence sentence is at most 250 words), and
// a bound on the memory one line of a damaged or hostile file can take.
const MaxDumpLine = 16 << 20

// RestoreOptions tune Restore.
type RestoreOptions struct {
	// Batch is how many quads are written per transaction; zero means
	// DefaultRestoreBatch. A batch is only cut where the label (the
	// article) changes, so each article of a dump made by Dump is restored
	// whole or not at all, unless one label has more than 8 × Batch quads.
	Batch int
}

// RestoreStats count what Restore did.
type RestoreStats struct {
	Read    int64 // quads read from the input
	Written int64 // quads given to the store (the whole articles read)
	Added   int64 // quads that were not in the store before
}

// ParseError is a line of a dump that Restore refuses: not a valid N-Quad,
// or a quad that would damage the store. Col is 0 when the whole line is
// at fault.
type ParseError struct {
	Line, Col int
	Err       error
}

func (e *ParseError) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Col, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}
func (e *ParseError) Unwrap() error { return e.Err }

// Restore reads N-Quads from r (as written by Dump) and adds them to the
// store in batches, one transaction each. Quads already stored are skipped,
// so restoring the same dump twice, or re-running a restore that was
// interrupted, ends in the same store.
//
// Lines are read strictly, by the N-Quads grammar: a line that is not a
// valid N-Quad, is not UTF-8, or is longer than MaxDumpLine stops the
// restore with a *ParseError; so does a kg:sameAs record that would close
// a loop of joins (Store.SameAsLoops). A byte order mark at the start of
// the input is skipped; lines may end with LF, CRLF or CR. At such a line,
// or at a read error, the quads of labels (articles) read completely
// before it are written, those of the label being read are not, so the
// store holds whole articles only. When ctx ends, Restore stops the same
// way and returns ctx's error.
func (s *Store) Restore(ctx context.Context, r io.Reader, opt RestoreOptions) (st RestoreStats, restoreErr error) {
	defer s.checkDamage(&restoreErr)
	batch := opt.Batch
	if batch <= 0 {
		batch = DefaultRestoreBatch
	}
	before, err := s.QuadCount(ctx)
	if err != nil {
		return st, err
	}
	cal := s.calendarBeforeRestore(ctx, before)
	defer func() {
		if err := cal.after(context.WithoutCancel(ctx), st.Added); err != nil && restoreErr == nil {
			restoreErr = err
		}
	}()
	var (
		pending   []quad.Quad
		lastLabel quad.Value
		runStart  int // index in pending where the quads of lastLabel begin
	)
	merges := sameAsGraph{s: s, added: map[quad.IRI][]quad.IRI{}}
	// When ctx ends, the whole articles already read are still written:
	// writes use a context that is never cancelled; reading stops on ctx.
	writeCtx := context.WithoutCancel(ctx)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := s.Write(writeCtx, pending); err != nil {
			return fmt.Errorf("restore: after %d quads: %w", st.Read-int64(len(pending)), err)
		}
		st.Written += int64(len(pending))
		pending = pending[:0]
		runStart = 0
		return nil
	}
	// stop ends a restore that failed part way: the quads of the last label
	// read may be incomplete, so only those before it are written.
	stop := func(cause error) (RestoreStats, error) {
		pending = pending[:runStart]
		if err := flush(); err != nil {
			return st, err
		}
		st.Added = s.added(before)
		return st, cause
	}
	// A read error ends the input for the scanner, which would hand the
	// partial last line to splitLines as if it were complete; the latch
	// keeps the error, and that line is dropped.
	in := &readErrorLatch{r: r}
	lines := bufio.NewScanner(in)
	lines.Buffer(make([]byte, 0, 64<<10), MaxDumpLine+1)
	lines.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if atEOF && in.err != nil {
			return len(data), nil, nil
		}
		return splitLines(data, atEOF)
	})
	line := 0
	for {
		if err := ctx.Err(); err != nil {
			return stop(err)
		}
		if !lines.Scan() {
			break
		}
		line++
		text := lines.Bytes()
		if line == 1 {
			text = bytes.TrimPrefix(text, []byte("\ufeff"))
		}
		q, ok, err := parseDumpLine(text)
		if err != nil {
			pe := &ParseError{Line: line, Err: err}
			var le *lineError
			if errors.As(err, &le) {
				pe.Col, pe.Err = le.Col, errors.New(le.Msg)
			}
			return stop(pe)
		}
		if !ok {
			continue
		}
		if err := merges.add(ctx, q); err != nil {
			return stop(&ParseError{Line: line, Err: err})
		}
		label := q.Label
		if len(pending) >= batch && !sameValue(label, lastLabel) || len(pending) >= 8*batch {
			if err := flush(); err != nil {
				st.Added = s.added(before)
				return st, err
			}
		}
		if !sameValue(label, lastLabel) {
			runStart = len(pending)
		}
		pending = append(pending, q)
		if listed, ok := listedJoin(q); ok {
			pending = append(pending, listed)
		}
		lastLabel = label
		st.Read++
		cal.saw(q)
	}
	if in.err != nil {
		return stop(fmt.Errorf("restore: read line %d: %w", line+1, in.err))
	}
	if err := lines.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return stop(&ParseError{Line: line + 1, Err: fmt.Errorf("longer than %d MiB, the longest line a dump holds; not an N-Quads dump of kg", MaxDumpLine>>20)})
		}
		// A partial line is not parsed.
		return stop(fmt.Errorf("restore: read line %d: %w", line+1, err))
	}
	err = flush()
	st.Added = s.added(before)
	return st, err
}

// readErrorLatch passes reads through, turning a read error into the end
// of the input and keeping it.
type readErrorLatch struct {
	r   io.Reader
	err error
}

func (l *readErrorLatch) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if err != nil && err != io.EOF {
		l.err = err
		err = io.EOF
	}
	return n, err
}

// splitLines splits N-Quads lines, which end with LF, CRLF or CR (the
// grammar's EOL); the line break is not part of the line.
func splitLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0 && atEOF && len(data) > 0:
		return len(data), data, nil
	case i < 0:
		return 0, nil, nil
	case data[i] == '\r' && i+1 == len(data) && !atEOF:
		return 0, nil, nil // a CR at the end of what was read: is an LF next?
	case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
		return i + 2, data[:i], nil
	}
	return i + 1, data[:i], nil
}

// added is how many quads the store gained since it held before.
func (s *Store) added(before int64) int64 {
	after, err := s.QuadCount(context.Background())
	if err != nil {
		return 0
	}
	return after - before
}

// parseDumpLine parses one N-Quads line, strictly (checkNQuad). Blank
// lines and comments give ok=false and no error.
func parseDumpLine(text []byte) (q quad.Quad, ok bool, err error) {
	trimmed := bytes.Trim(text, " \t")
	if len(trimmed) == 0 || trimmed[0] == '#' {
		return q, false, nil
	}
	end, err := checkNQuad(text)
	if err != nil {
		return q, false, err
	}
	// Only the statement goes to the quad library's reader, which would
	// take a comment right after the final dot for a fourth term.
	q, err = nquads.Parse(string(text[:end]))
	if err != nil {
		return q, false, err
	}
	q = unescapeQuad(q)
	if !q.IsValid() {
		return q, false, errors.New("incomplete quad: subject, predicate and object are all needed")
	}
	return q, true, nil
}

func sameValue(a, b quad.Value) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.String() == b.String()
}

// encodable returns v in a form the nquads writer prints as N-Quads that the
// nquads reader accepts: IRIs have their forbidden characters escaped.
func encodable(v quad.Value) quad.Value {
	switch x := v.(type) {
	case quad.IRI:
		if needsEscape(string(x)) {
			return escapedIRI(x)
		}
	case quad.TypedString:
		if needsEscape(string(x.Type)) {
			return escapedTyped(x)
		}
	}
	return v
}

// escapedIRI is an IRI written with \uXXXX escapes (UCHAR in the N-Quads
// grammar) for the characters an IRIREF may not hold literally.
type escapedIRI quad.IRI

func (v escapedIRI) String() string   { return "<" + escapeIRI(string(v)) + ">" }
func (v escapedIRI) Native() any      { return quad.IRI(v) }
func (v escapedTyped) Native() any    { return quad.TypedString(v).Native() }
func (v escapedTyped) String() string { return v.Value.String() + "^^" + escapedIRI(v.Type).String() }

// escapedTyped is a typed literal whose type IRI needs escapes.
type escapedTyped quad.TypedString

// iriAllowed reports whether r may stand unescaped in an N-Quads IRIREF as
// the quad library's reader accepts it.
func iriAllowed(r rune) bool {
	switch {
	case r >= 0x80:
		return r != utf8.RuneError
	case r <= ' ', r == 0x7f:
		return false
	}
	return !strings.ContainsRune("<>\"{}|^`\\", r)
}

func needsEscape(s string) bool {
	for _, r := range s {
		if !iriAllowed(r) {
			return true
		}
	}
	return false
}

func escapeIRI(s string) string {
	var b strings.Builder
	for _, r := range s {
		if iriAllowed(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "\\u%04X", r)
		}
	}
	return b.String()
}

// unescapeQuad turns the \uXXXX and \UXXXXXXXX escapes the reader leaves in
// IRIs back into characters. A parsed IRI holds a backslash only from such an
// escape, since a literal one is not allowed there.
func unescapeQuad(q quad.Quad) quad.Quad {
	fix := func(v quad.Value) quad.Value {
		switch x := v.(type) {
		case quad.IRI:
			if strings.ContainsRune(string(x), '\\') {
				return quad.IRI(unescapeUCHAR(string(x)))
			}
		case quad.TypedString:
			if strings.ContainsRune(string(x.Type), '\\') {
				x.Type = quad.IRI(unescapeUCHAR(string(x.Type)))
				return x
			}
		}
		return v
	}
	return quad.Quad{Subject: fix(q.Subject), Predicate: fix(q.Predicate), Object: fix(q.Object), Label: fix(q.Label)}
}

func unescapeUCHAR(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '\\' && i+1 < len(s) && (s[i+1] == 'u' || s[i+1] == 'U') {
			width := 4
			if s[i+1] == 'U' {
				width = 8
			}
			if i+2+width <= len(s) {
				if r, err := strconv.ParseUint(s[i+2:i+2+width], 16, 32); err == nil {
					b.WriteRune(rune(r))
					i += 2 + width
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// checkRoundTrip makes sure the line written for q reads back as q.
func checkRoundTrip(q, out quad.Quad) error {
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if s, ok := v.(quad.String); ok && !utf8.ValidString(string(s)) {
			return fmt.Errorf("%v holds text that is not valid UTF-8, which N-Quads cannot carry", q)
		}
	}
	line := out.NQuad()
	if len(line) > MaxDumpLine {
		return fmt.Errorf("%.200v... is %s as N-Quads, longer than the %d MiB a dump line may be", q, byteSize(int64(len(line))), MaxDumpLine>>20)
	}
	back, err := nquads.Parse(line)
	if err != nil {
		return fmt.Errorf("%v cannot be written as N-Quads: %v", q, err)
	}
	back = unescapeQuad(back)
	for _, d := range quad.Directions {
		a, b := q.Get(d), back.Get(d)
		if (a == nil) != (b == nil) || a != nil && a.String() != b.String() {
			return fmt.Errorf("%v would be read back as %v", q, back)
		}
	}
	return nil
}
