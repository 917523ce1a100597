package graph_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
)

// Restore reads N-Quads by the grammar: lines the quad library's lenient
// reader would store as something else are refused with their line and
// column, and nothing of the article they are in is stored.
func TestRestoreIsStrict(t *testing.T) {
	// Two articles, then the bad line: the quads of the article being
	// read at the bad line may be incomplete, so only the first is stored.
	good := `<kg:a> <kg:p> "one" <kg:l1> .` + "\n" + `<kg:a> <kg:p> "two" <kg:l2> .` + "\n"
	cases := []struct {
		name, input string
		line, col   int
		want        string
	}{
		{"space in an IRI", good + "<a b> <c> <d> .\n", 3, 3, "may not appear in an IRI"},
		{"bare words", good + "a b c .\n", 3, 1, "the subject must be"},
		{"literal as subject", good + `"x" <p> <o> .` + "\n", 3, 1, "the subject must be"},
		{"literal as predicate", good + `<s> "p" <o> .` + "\n", 3, 5, "the predicate must be an IRI"},
		{"no final dot", good + "<s> <p> <o>\n", 3, 12, "final ' .'"},
		{"text after the dot", good + "<s> <p> <o> . x\n", 3, 15, "unexpected text"},
		{"invalid UTF-8", good + "<s> <p> \"x\xffy\" .\n", 3, 11, "not valid UTF-8"},
		{"byte order mark inside", good + "\ufeff<s> <p> <o> .\n", 3, 1, "byte order mark"},
		{"bad escape in a literal", good + `<s> <p> "a\qb" .` + "\n", 3, 11, "must start an escape"},
		{"bad escape in an IRI", good + `<s\x> <p> <o> .` + "\n", 3, 3, `\uXXXX`},
		{"escape past U+10FFFF", good + `<s\U80000000> <p> <o> .` + "\n", 3, 3, "names no character"},
		{"unterminated literal", good + `<s> <p> "abc .` + "\n", 3, 15, "closing '\"'"},
		{"bad language tag", good + `<s> <p> "a"@1 .` + "\n", 3, 12, "language tag"},
		{"bad blank node", good + "_: <p> <o> .\n", 3, 3, "blank node label"},
		{"five terms", good + "<s> <p> <o> <g> <h> .\n", 3, 17, "final ' .'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := relStore(t, graph.BackendMemory)
			st, err := s.Restore(context.Background(), strings.NewReader(c.input), graph.RestoreOptions{})
			var pe *graph.ParseError
			if !errors.As(err, &pe) || pe.Line != c.line || pe.Col != c.col || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want a ParseError at %d:%d saying %q", err, c.line, c.col, c.want)
			}
			if st.Written != 1 || st.Added != 1 {
				t.Errorf("stats %+v: want only the good article's quad stored", st)
			}
		})
	}
}

// What a dump may look like after passing through other tools is read as
// the dump itself: a byte order mark in front, CRLF or CR line ends, tabs,
// comments, blank lines, no line break at the end.
func TestRestoreReadsWhatToolsMakeOfADump(t *testing.T) {
	ctx := context.Background()
	lf := relSeedDump(t).String()
	// The dump itself, restored, is what every variant must give (a
	// restore may add what the source lacked, such as the calendar).
	plain := relStore(t, graph.BackendMemory)
	if _, err := plain.Restore(ctx, strings.NewReader(lf), graph.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join(relSortedDump(t, plain), "\n")
	variants := map[string]string{
		"byte order mark": "\ufeff" + lf,
		"CRLF":            strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR only":         strings.ReplaceAll(lf, "\n", "\r"),
		"tabs and blanks": strings.ReplaceAll(strings.ReplaceAll(lf, "> <", ">\t<"), "\n", "\n\n   \n"),
		"comments":        "# kg dump\n" + strings.ReplaceAll(lf, " .\n", " . # fact\n"),
		"no final break":  strings.TrimSuffix(lf, "\n"),
	}
	for name, text := range variants {
		t.Run(name, func(t *testing.T) {
			dst := relStore(t, graph.BackendMemory)
			if _, err := dst.Restore(ctx, strings.NewReader(text), graph.RestoreOptions{}); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(relSortedDump(t, dst), "\n"); got != want {
				t.Errorf("restored store differs from the source")
			}
		})
	}
}

// A line longer than MaxDumpLine stops the restore at once, without the
// rest of it being read: /dev/zero is not a dump.
func TestRestoreBoundsLineLength(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	zeros := &countingReader{limit: 1 << 40}
	_, err := s.Restore(context.Background(), zeros, graph.RestoreOptions{})
	var pe *graph.ParseError
	if !errors.As(err, &pe) || pe.Line != 1 || !strings.Contains(err.Error(), "longer than 16 MiB") {
		t.Fatalf("error %v, want line 1 longer than 16 MiB", err)
	}
	if zeros.read > 2*graph.MaxDumpLine {
		t.Errorf("read %d bytes of an endless line", zeros.read)
	}
}

// countingReader gives zero bytes up to limit, counting them.
type countingReader struct{ limit, read int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	n := int64(len(p))
	if n > c.limit-c.read {
		n = c.limit - c.read
	}
	clear(p[:n])
	c.read += n
	return int(n), nil
}

// FuzzRestore feeds Restore any text. Whatever it is, Restore returns, and
// every quad it stores is one the text states on a line of its own: dumping
// the store again gives lines each of which restores to a quad of the
// store, and no quad is stored that a line did not state.
func FuzzRestore(f *testing.F) {
	for _, s := range []string{
		`<kg:a> <kg:p> "one" <kg:l1> .`, "<a b> <c> <d> .", "\ufeff<a> <b> <c> .", "<a> <b> \"x\xffy\" .",
		"<a> <b> _:c .\r<a> <b> \"x\"@en-GB .\r\n", `<a> <b> "\u00e9\U0001F600\t" <g> .`, "# c\n\n<a> <b> <c> . # d",
		"<kg:person/a> <kg:sameAs> <kg:person/b> .\n<kg:person/b> <kg:sameAs> <kg:person/a> .",
		`<a> <b> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`, "_:a.b <p> _:c. .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ctx := context.Background()
		s := relStore(t, graph.BackendMemory)
		_, _ = s.Restore(ctx, strings.NewReader(text), graph.RestoreOptions{Batch: 3})
		stated := map[string]bool{}
		for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
			probe := relStore(t, graph.BackendMemory)
			if _, err := probe.Restore(ctx, strings.NewReader(line), graph.RestoreOptions{}); err == nil {
				for _, q := range relAllQuads(t, probe) {
					stated[q.String()] = true
				}
			}
		}
		for _, q := range relAllQuads(t, s) {
			if !stated[q.String()] {
				t.Fatalf("%v stored, but no line of %q states it", q, text)
			}
		}
	})
}

// relAllQuads lists the quads of a store.
func relAllQuads(t *testing.T, s *graph.Store) []quad.Quad {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	var out []quad.Quad
	back := relStore(t, graph.BackendMemory)
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		if line == "" {
			continue
		}
		if _, err := back.Restore(context.Background(), strings.NewReader(line), graph.RestoreOptions{}); err != nil {
			t.Fatalf("a line of the dump does not restore: %q: %v", line, err)
		}
	}
	qs := back.QuadStore()
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(context.Background()) {
		out = append(out, qs.Quad(it.Result()))
	}
	return out
}
