package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

// relStore opens a fresh store of the given backend in a temporary folder.
func relStore(t testing.TB, backend string) *graph.Store {
	t.Helper()
	opt := graph.Options{Backend: backend}
	if backend != graph.BackendMemory {
		opt.Path = filepath.Join(t.TempDir(), "kg.db")
	}
	s, err := graph.Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// relTrickyQuads are values that N-Quads must escape: quotes, backslashes,
// line breaks, tabs, other control characters, non-Latin scripts, language
// tags, typed literals, blank nodes and a quad without a label.
func relTrickyQuads() []quad.Quad {
	s := quad.IRI("kg:test/tricky")
	lbl := quad.IRI("kg:article/tricky")
	return []quad.Quad{
		{Subject: s, Predicate: quad.IRI("kg:name"), Object: quad.String(`He said "no" \ then left`), Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:name"), Object: quad.String("line one\nline two\r\n\ttabbed"), Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:name"), Object: quad.String("bell \a form \f vtab \v nul-free"), Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:name"), Object: quad.String("حسن روحانی — Рухани — 鲁哈尼 — 😀"), Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:name"), Object: quad.String(""), Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:alias"), Object: quad.LangString{Value: "Téhéran", Lang: "fr"}, Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:count"), Object: quad.TypedString{Value: "x-17", Type: "kg:code"}, Label: lbl},
		{Subject: quad.BNode("b1"), Predicate: quad.IRI("kg:name"), Object: quad.String("blank"), Label: lbl},
		{Subject: s, Predicate: quad.IRI("kg:unlabelled"), Object: quad.IRI("kg:test/other")},
	}
}

// relSeedArticles are the quads of a real load of the seed articles, plus the
// hand annotation of the same articles so the store holds people, offices,
// meetings and events whatever the extractor finds.
func relSeedArticles(t testing.TB) [][]quad.Quad {
	t.Helper()
	var out [][]quad.Quad
	err := loaders.Walk(context.Background(), []string{"../testdata/seeds/articles.jsonl"}, loaders.Options{},
		func(a schema.Article) error {
			f := extract.Extract(extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
			out = append(out, schema.Quads(a, f))
			return nil
		}, func(p loaders.Problem) { t.Errorf("seed input: %v", p) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range schematest.GoldFacts(t) {
		a := schema.Article{ID: "gold-" + f.ID, Published: f.Published, Source: f.Source}
		out = append(out, schema.Quads(a, f))
	}
	if len(out) < 5 {
		t.Fatalf("only %d seed articles", len(out))
	}
	return out
}

func relFill(t testing.TB, s *graph.Store, articles [][]quad.Quad) {
	t.Helper()
	for _, qs := range articles {
		if err := s.Write(context.Background(), qs); err != nil {
			t.Fatal(err)
		}
	}
}

// relSortedDump dumps the store and returns its lines sorted.
func relSortedDump(t testing.TB, s *graph.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	n, err := s.Dump(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if buf.Len() == 0 {
		lines = nil
	}
	if int64(len(lines)) != n {
		t.Fatalf("Dump said %d quads but wrote %d lines", n, len(lines))
	}
	sort.Strings(lines)
	return lines
}

func TestDumpRestoreRoundTrip(t *testing.T) {
	seeds := relSeedArticles(t)
	for _, backend := range []string{graph.BackendBolt, graph.BackendLevelDB, graph.BackendMemory} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			src := relStore(t, backend)
			// As a load leaves it: its calendar marked complete.
			if err := src.EnsureCalendar(ctx); err != nil {
				t.Fatal(err)
			}
			relFill(t, src, seeds)
			relFill(t, src, [][]quad.Quad{relTrickyQuads()})
			want, err := src.QuadCount(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var dump bytes.Buffer
			n, err := src.Dump(ctx, &dump)
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Fatalf("dumped %d quads, store counts %d", n, want)
			}

			dst := relStore(t, backend)
			st, err := dst.Restore(ctx, bytes.NewReader(dump.Bytes()), graph.RestoreOptions{Batch: 7})
			if err != nil {
				t.Fatal(err)
			}
			if st.Read != want || st.Added != want {
				t.Errorf("restore read %d, added %d; want %d and %d", st.Read, st.Added, want, want)
			}
			got, err := dst.QuadCount(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("restored store counts %d quads, source %d", got, want)
			}
			a, b := relSortedDump(t, src), relSortedDump(t, dst)
			if strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("dump of the restored store differs from the source's:\n%s", relFirstDiff(a, b))
			}
			// Every tricky value comes back as the same Go value.
			for _, q := range relTrickyQuads() {
				if !relHasQuad(t, dst, q) {
					t.Errorf("restored store lacks %v", q)
				}
			}
			// The restored store answers the same questions.
			ss, err := src.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			ds, err := dst.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ss != ds {
				t.Errorf("stats differ: source %+v, restored %+v", ss, ds)
			}
		})
	}
}

func relHasQuad(t testing.TB, s *graph.Store, q quad.Quad) bool {
	t.Helper()
	qs := s.QuadStore()
	ref := qs.ValueOf(q.Subject)
	if ref == nil {
		return false
	}
	it := qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(context.Background()) {
		got := qs.Quad(it.Result())
		if got == q {
			return true
		}
	}
	return false
}

func relFirstDiff(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return "source:   " + a[i] + "\nrestored: " + b[i]
		}
	}
	return "lengths differ"
}

// relSeedDump is the dump of a memory store holding the seed articles.
func relSeedDump(t *testing.T) *bytes.Buffer {
	t.Helper()
	src := relStore(t, graph.BackendMemory)
	relFill(t, src, relSeedArticles(t))
	var dump bytes.Buffer
	if _, err := src.Dump(context.Background(), &dump); err != nil {
		t.Fatal(err)
	}
	return &dump
}

func TestRestoreIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dump := relSeedDump(t)
	dst := relStore(t, graph.BackendBolt)
	first, err := dst.Restore(ctx, bytes.NewReader(dump.Bytes()), graph.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := dst.Restore(ctx, bytes.NewReader(dump.Bytes()), graph.RestoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Added == 0 || second.Added != 0 || second.Read != first.Read {
		t.Errorf("first restore %+v, second %+v; want the second to read as much and add nothing", first, second)
	}
}

// relFailingReader returns the first n bytes of r, then an error, like a
// backup on a disk that fails part way.
type relFailingReader struct {
	r io.Reader
	n int
}

func (f *relFailingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk on fire")
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

// An interrupted restore leaves whole articles only: batches are cut where
// the label changes. Re-running it completes the store.
func TestInterruptedRestoreKeepsWholeArticles(t *testing.T) {
	ctx := context.Background()
	seeds := relSeedArticles(t)
	src := relStore(t, graph.BackendMemory)
	if err := src.EnsureCalendar(ctx); err != nil {
		t.Fatal(err)
	}
	relFill(t, src, seeds)
	var dump bytes.Buffer
	total, err := src.Dump(ctx, &dump)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{dump.Len() / 5, dump.Len() / 2, dump.Len() - 10} {
		dst := relStore(t, graph.BackendBolt)
		_, err := dst.Restore(ctx, &relFailingReader{r: bytes.NewReader(dump.Bytes()), n: cut}, graph.RestoreOptions{Batch: 20})
		if err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Fatalf("cut at %d: error %v, want the reader's", cut, err)
		}
		got := relLabelsOf(t, dst)
		if len(got) == 0 && cut > dump.Len()/2 {
			t.Errorf("cut at %d: nothing restored", cut)
		}
		relCheckWholeArticles(t, fmt.Sprintf("cut at %d: ", cut), dst, seeds)
		if _, err := dst.Restore(ctx, bytes.NewReader(dump.Bytes()), graph.RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
		if n, _ := dst.QuadCount(ctx); n != total {
			t.Errorf("cut at %d: re-run restored %d quads, want %d", cut, n, total)
		}
	}
}

// relCheckWholeArticles checks that every article of articles that s holds
// any report of (a quad labelled with it) is there whole: all its labelled
// quads, and the unlabelled descriptions of the nodes it names.
func relCheckWholeArticles(t testing.TB, context string, s *graph.Store, articles [][]quad.Quad) {
	t.Helper()
	got := relLabelsOf(t, s)
	for _, qs := range articles {
		var label quad.Value
		labelled := map[quad.Quad]bool{}
		for _, q := range qs {
			if q.Label != nil {
				label = q.Label
				labelled[q] = true
			}
		}
		n := got[quad.StringOf(label)]
		if n == 0 {
			continue // not restored at all
		}
		if n != len(labelled) {
			t.Errorf("%s%s has %d of its %d quads", context, label, n, len(labelled))
			continue
		}
		for _, q := range qs {
			if q.Label == nil && !relHasQuad(t, s, q) {
				t.Errorf("%s%s is restored without the description %s", context, label, q.NQuad())
			}
		}
	}
}

func relLabelsOf(t testing.TB, s *graph.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	qs := s.QuadStore()
	it := qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(context.Background()) {
		out[quad.StringOf(qs.Quad(it.Result()).Label)]++
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRestoreRejectsBadLine(t *testing.T) {
	input := `<kg:a> <kg:p> "one" <kg:l1> .
# a comment, then a blank line

<kg:a> <kg:p> "two" <kg:l2> .
<kg:a> <kg:p> "unterminated <kg:l2> .
<kg:a> <kg:p> "three" <kg:l2> .
`
	s := relStore(t, graph.BackendMemory)
	st, err := s.Restore(context.Background(), strings.NewReader(input), graph.RestoreOptions{})
	var pe *graph.ParseError
	if !errors.As(err, &pe) || pe.Line != 5 {
		t.Fatalf("error %v, want a ParseError on line 5", err)
	}
	// The quads of <kg:l2> may be incomplete when its third line is bad:
	// only the whole article <kg:l1> is stored.
	if st.Read != 2 || st.Added != 1 {
		t.Errorf("stats %+v, want 2 quads read and the 1 of the complete label added", st)
	}
}

// A cancelled restore stops reading but writes the whole articles it read.
func TestRestoreStopsWhenCancelled(t *testing.T) {
	ctx := context.Background()
	seeds := relSeedArticles(t)
	src := relStore(t, graph.BackendMemory)
	relFill(t, src, seeds)
	var dump bytes.Buffer
	if _, err := src.Dump(ctx, &dump); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(dump.String(), "\n")
	cctx, cancel := context.WithCancel(ctx)
	// Cancel once half of the dump has been read.
	r := &cancellingReader{lines: lines, at: len(lines) / 2, cancel: cancel}
	dst := relStore(t, graph.BackendBolt)
	st, err := dst.Restore(cctx, r, graph.RestoreOptions{Batch: 20})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	got := relLabelsOf(t, dst)
	relCheckWholeArticles(t, "", dst, seeds)
	if st.Added == 0 || len(got) == 0 {
		t.Errorf("nothing written before the cancel: %+v", st)
	}
}

// cancellingReader yields lines one per Read and calls cancel when line at
// has been read.
type cancellingReader struct {
	lines  []string
	at     int
	cancel func()
	i      int
}

func (c *cancellingReader) Read(p []byte) (int, error) {
	if c.i >= len(c.lines) {
		return 0, io.EOF
	}
	if c.i == c.at {
		c.cancel()
	}
	n := copy(p, c.lines[c.i])
	c.i++
	return n, nil
}

func TestDumpStopsWhenCancelled(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Dump(ctx, io.Discard); !errors.Is(err, context.Canceled) {
		t.Errorf("Dump on a cancelled context: %v, want context.Canceled", err)
	}
}

// FuzzDumpRoundTrip checks that any value stored either survives a dump and
// a restore unchanged or makes Dump fail with an error: nothing is written
// wrong silently.
func FuzzDumpRoundTrip(f *testing.F) {
	for _, q := range relTrickyQuads() {
		if s, ok := q.Object.(quad.String); ok {
			f.Add(string(s), "kg:article/x")
		}
	}
	f.Add("plain", "kg:article/a%20b")
	f.Add("x", "kg:odd iri <with> {all} |the^ `bad\\ \"chars\"\x7f")
	f.Add("bad \xff utf-8", "kg:article/x")
	f.Fuzz(func(t *testing.T, text, iri string) {
		ctx := context.Background()
		src := relStore(t, graph.BackendMemory)
		q := quad.Quad{Subject: quad.IRI("kg:s"), Predicate: quad.IRI("kg:p"), Object: quad.String(text)}
		if iri != "" {
			q.Subject = quad.IRI(iri)
			q.Label = quad.IRI(iri)
		}
		relFill(t, src, [][]quad.Quad{{q}})
		var dump bytes.Buffer
		if _, err := src.Dump(ctx, &dump); err != nil {
			if utf8.ValidString(text) && utf8.ValidString(iri) {
				t.Fatalf("dump of %#v failed: %v", q, err)
			}
			return // refused, as it must be for text N-Quads cannot carry
		}
		dst := relStore(t, graph.BackendMemory)
		if _, err := dst.Restore(ctx, &dump, graph.RestoreOptions{}); err != nil {
			t.Fatalf("restore %q: %v", dump.String(), err)
		}
		if !relHasQuad(t, dst, q) {
			t.Fatalf("%#v did not survive: dump %q", q, dump.String())
		}
	})
}
