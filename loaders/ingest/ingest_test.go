package ingest_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/loaders/ingest"
	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

const seedsJSONL = "../../testdata/seeds/articles.jsonl"

// goldFacts returns an extractor answering with the hand-made gold facts of
// the seed articles, so these tests do not depend on extraction quality.
// Copies made by copyCorpus ("copyN-" + seed id) get the seed's facts.
func goldFacts(t testing.TB) func(extract.Document) schema.Facts {
	t.Helper()
	byID := map[string]schema.Facts{}
	for _, f := range schematest.GoldFacts(t) {
		byID[f.ID] = f
	}
	return func(d extract.Document) schema.Facts {
		id := d.ID
		if i := strings.IndexByte(id, '-'); strings.HasPrefix(id, "copy") && i > 0 {
			id = id[i+1:]
		}
		f := byID[id]
		f.ID = d.ID
		return f
	}
}

// copyCorpus writes n articles to a JSON Lines file: the seed articles
// over and over, each copy with an id of its own.
func copyCorpus(t testing.TB, n int) string {
	t.Helper()
	b, err := os.ReadFile(seedsJSONL)
	if err != nil {
		t.Fatal(err)
	}
	var seeds []map[string]any
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, rec)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("copies-%d.jsonl", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		rec := map[string]any{}
		for k, v := range seeds[i%len(seeds)] {
			rec[k] = v
		}
		rec["id"] = fmt.Sprintf("copy%d-%s", i/len(seeds), seeds[i%len(seeds)]["id"])
		// A different text for each copy: kg stores two records with the
		// same text as one story.
		rec["text"] = fmt.Sprintf("%s\n\nCopy %d of the seed.", rec["text"], i)
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openStore(t testing.TB, backend, path string) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: path})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// allQuads lists every stored quad as a sorted N-Quads line.
func allQuads(t testing.TB, s *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	qs := s.QuadStore()
	it := qs.QuadsAllIterator()
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		out = append(out, qs.Quad(it.Result()).NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func articleCount(t testing.TB, s *graph.Store) int64 {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st.Articles
}

func TestLoadSeedsTwiceOnBoltChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg.db")
	opt := ingest.Options{Extract: goldFacts(t)}

	s := openStore(t, graph.BackendBolt, dir)
	first, err := ingest.Load(ctx, s, []string{seedsJSONL}, opt)
	if err != nil {
		t.Fatal(err)
	}
	count, err := s.QuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if first.Articles != 5 || first.Duplicates != 0 || first.Quads != count || count == 0 {
		t.Fatalf("first load: %+v, store holds %d quads; want 5 articles and every quad counted", first, count)
	}
	if first.People == 0 || first.Meetings == 0 || first.Roles == 0 || first.Events == 0 {
		t.Errorf("first load counted no new nodes of some class: %+v", first)
	}

	s = openStore(t, graph.BackendBolt, dir) // reopened from disk
	defer s.Close()
	second, err := ingest.Load(ctx, s, []string{seedsJSONL}, opt)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.QuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again != count {
		t.Errorf("quad count after loading the seeds twice = %d, after once = %d", again, count)
	}
	if second.Articles != 0 || second.Duplicates != 5 || second.Quads != 0 ||
		second.People+second.Meetings+second.Roles+second.Events != 0 {
		t.Errorf("second load = %+v; want nothing new and 5 already stored", second)
	}
}

func TestLoadResultDoesNotDependOnWorkersOrBatches(t *testing.T) {
	ctx := context.Background()
	input := copyCorpus(t, 23)
	var want []string
	for _, tc := range []struct{ workers, batch int }{{1, 1}, {1, 1000}, {4, 2}, {3, 7}} {
		t.Run(fmt.Sprintf("workers=%d,batch=%d", tc.workers, tc.batch), func(t *testing.T) {
			s := openStore(t, graph.BackendBolt, filepath.Join(t.TempDir(), "kg.db"))
			defer s.Close()
			sum, err := ingest.Load(ctx, s, []string{input}, ingest.Options{Workers: tc.workers, BatchSize: tc.batch, Extract: goldFacts(t)})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Articles != 23 {
				t.Errorf("loaded %d articles, want 23", sum.Articles)
			}
			got := allQuads(t, s)
			if want == nil {
				want = got
				return
			}
			if strings.Join(got, "") != strings.Join(want, "") {
				t.Errorf("store differs from the one loaded with one worker: %d quads, want %d", len(got), len(want))
			}
		})
	}
}

func TestRepeatedArticlesAreStoredOnce(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		batch int
	}{
		{"same batch", 1000},
		{"across batches", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, graph.BackendBolt, filepath.Join(t.TempDir(), "kg.db"))
			defer s.Close()
			sum, err := ingest.Load(ctx, s, []string{seedsJSONL, seedsJSONL}, ingest.Options{BatchSize: tc.batch, Extract: goldFacts(t)})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Articles != 5 || sum.Duplicates != 5 {
				t.Errorf("loading the seeds file twice in one run = %+v; want 5 articles, 5 already stored", sum)
			}
			if n := articleCount(t, s); n != 5 {
				t.Errorf("store holds %d articles, want 5", n)
			}
		})
	}
}

func TestNewNodesAreCountedOnce(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// Split the seeds into two files loaded one after the other: nodes
	// the second load shares with the first are not new again.
	b, err := os.ReadFile(seedsJSONL)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(b)), "\n")
	parts := []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")}
	os.WriteFile(parts[0], []byte(strings.Join(lines[:2], "")), 0o644)
	os.WriteFile(parts[1], []byte(strings.Join(lines[2:], "")), 0o644)

	whole := openStore(t, graph.BackendMemory, "")
	defer whole.Close()
	all, err := ingest.Load(ctx, whole, []string{seedsJSONL}, ingest.Options{Extract: goldFacts(t)})
	if err != nil {
		t.Fatal(err)
	}
	st, err := whole.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int64(all.People) != st.People || int64(all.Meetings) != st.Meetings || int64(all.Roles) != st.Roles || int64(all.Events) != st.Events {
		t.Errorf("one load counted %+v; store holds %+v", all, st)
	}

	split := openStore(t, graph.BackendBolt, filepath.Join(dir, "kg.db"))
	defer split.Close()
	var people, meetings, roles, events int
	for _, p := range parts {
		sum, err := ingest.Load(ctx, split, []string{p}, ingest.Options{Extract: goldFacts(t)})
		if err != nil {
			t.Fatal(err)
		}
		people, meetings, roles, events = people+sum.People, meetings+sum.Meetings, roles+sum.Roles, events+sum.Events
	}
	if people != all.People || meetings != all.Meetings || roles != all.Roles || events != all.Events {
		t.Errorf("two loads counted %d people, %d meetings, %d roles, %d events; one load of both counted %+v",
			people, meetings, roles, events, all)
	}
}

func TestInterruptedLoadKeepsWholeArticlesAndResumes(t *testing.T) {
	const n = 700
	input := copyCorpus(t, n)
	dir := t.TempDir()

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := openStore(t, graph.BackendBolt, filepath.Join(dir, "kg.db"))
	first, err := ingest.Load(ctx, s, []string{input}, ingest.Options{
		BatchSize: 50,
		Extract:   goldFacts(t),
		Progress: func(read int) {
			if read == 400 {
				cancel() // as Ctrl+C does
			}
		},
	})
	if !errors.Is(err, context.Canceled) || !first.Interrupted {
		t.Fatalf("interrupted load returned %v, %+v; want context.Canceled and Interrupted", err, first)
	}
	if first.Articles == 0 || first.Articles >= n {
		t.Fatalf("interrupted load wrote %d articles; want some but not all %d", first.Articles, n)
	}
	if got := articleCount(t, s); got != int64(first.Articles) {
		t.Errorf("store holds %d articles, summary says %d", got, first.Articles)
	}
	if msg := ingest.InterruptedMessage(first); !strings.Contains(msg, fmt.Sprint(first.Articles)) || !strings.Contains(msg, "run the same load again") {
		t.Errorf("message %q does not say how far the load got and what to do", msg)
	}

	second, err := ingest.Load(context.Background(), s, []string{input}, ingest.Options{Extract: goldFacts(t)})
	if err != nil {
		t.Fatal(err)
	}
	if second.Articles != n-first.Articles || second.Duplicates != first.Articles {
		t.Errorf("re-run = %+v; want the %d remaining articles and %d already stored", second, n-first.Articles, first.Articles)
	}
	resumed := allQuads(t, s)
	s.Close()

	whole := openStore(t, graph.BackendBolt, filepath.Join(dir, "whole.db"))
	defer whole.Close()
	if _, err := ingest.Load(context.Background(), whole, []string{input}, ingest.Options{Extract: goldFacts(t)}); err != nil {
		t.Fatal(err)
	}
	if want := allQuads(t, whole); strings.Join(resumed, "") != strings.Join(want, "") {
		t.Errorf("interrupted then resumed load holds %d quads; an uninterrupted one %d", len(resumed), len(want))
	}
}

func TestUnreadableInputIsCountedAndTheRestLoads(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(seedsJSONL)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(b)), "\n")
	bad := filepath.Join(dir, "bad.jsonl")
	content := lines[0] + "{this is not json\n" + strings.Join(lines[1:], "") + "\n"
	if err := os.WriteFile(bad, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openStore(t, graph.BackendMemory, "")
	defer s.Close()
	var problems []loaders.Problem
	sum, err := ingest.Load(context.Background(), s, []string{bad}, ingest.Options{
		Extract: goldFacts(t),
		Problem: func(p loaders.Problem) { problems = append(problems, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 5 || sum.Problems != 1 || len(problems) != 1 {
		t.Fatalf("summary %+v, problems %v; want 5 articles and 1 problem", sum, problems)
	}
	if problems[0].Path != bad || problems[0].Line != 2 {
		t.Errorf("problem reported at %s:%d, want %s:2", problems[0].Path, problems[0].Line, bad)
	}
	if !strings.Contains(sum.String(), "1 error (see messages above)") {
		t.Errorf("summary %q does not count the skipped input", sum)
	}
}

func TestSummaryLine(t *testing.T) {
	s := ingest.Summary{Articles: 3, People: 4, Meetings: 2, Roles: 1, Events: 5, Quads: 99, Duplicates: 2}
	got := s.String()
	for _, want := range []string{"3 articles", "4 people", "2 meetings", "1 roles", "5 events", "99 quads", "2 already stored"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "skipped") {
		t.Errorf("summary %q mentions skipped inputs when there were none", got)
	}
}

// The provenance rule the pipeline relies on: every report is labelled with
// the IRI of its article, and only the descriptions of nodes (which every
// article repeating them would state alike) are stored without a label.
func TestReportsAreLabelledWithTheirArticle(t *testing.T) {
	s := openStore(t, graph.BackendMemory, "")
	defer s.Close()
	if _, err := ingest.Load(context.Background(), s, []string{seedsJSONL}, ingest.Options{Extract: goldFacts(t)}); err != nil {
		t.Fatal(err)
	}
	qs := s.QuadStore()
	it := qs.QuadsAllIterator()
	defer it.Close()
	var reports, descriptions int
	for it.Next(context.Background()) {
		q := qs.Quad(it.Result())
		if q.Label == nil {
			descriptions++
			if !schema.StoredOnce(q) {
				t.Errorf("report %s has no label", q.NQuad())
			}
			continue
		}
		if q.Label == schema.ResolverLabel && (q.Predicate == schema.SameAs || q.Predicate == schema.Joined) {
			continue // a short name joined to a fuller one (graph.Resolve)
		}
		reports++
		l, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(l), string(schema.ArticleIRI(""))) {
			t.Errorf("quad %s is not labelled with an article", q.NQuad())
		}
		if schema.StoredOnce(q) {
			t.Errorf("description %s is labelled %s", q.NQuad(), q.Label)
		}
	}
	if reports == 0 || descriptions == 0 {
		t.Errorf("%d reports and %d descriptions stored, want some of each", reports, descriptions)
	}
}

// A description of a node is stored once however many articles state it,
// and the store does not depend on the order the articles came in: loading
// the seeds forwards, backwards, or in batches of one gives the same quads.
func TestStoreDoesNotDependOnLoadOrder(t *testing.T) {
	b, err := os.ReadFile(seedsJSONL)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Reverse(lines)
	reversed := filepath.Join(t.TempDir(), "reversed.jsonl")
	if err := os.WriteFile(reversed, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	load := func(path string, batch int) []string {
		s := openStore(t, graph.BackendLevelDB, filepath.Join(t.TempDir(), "kg.db"))
		defer s.Close()
		if _, err := ingest.Load(context.Background(), s, []string{path}, ingest.Options{BatchSize: batch}); err != nil {
			t.Fatal(err)
		}
		// Where each article was read differs between the two files.
		return slices.DeleteFunc(allQuads(t, s), func(q string) bool {
			return strings.Contains(q, " "+schema.Location.String()+" ")
		})
	}
	forwards := load(seedsJSONL, 0)
	for name, got := range map[string][]string{
		"backwards":         load(reversed, 0),
		"in batches of one": load(seedsJSONL, 1),
	} {
		if !slices.Equal(got, forwards) {
			t.Errorf("loaded %s: %d quads, forwards: %d; first difference:\n%s", name, len(got), len(forwards), firstDifference(got, forwards))
		}
	}
	// Rouhani is named by more than one seed article, and typed once.
	rouhani := schema.PersonIRI("Hassan Rouhani")
	typed := quad.Quad{Subject: rouhani, Predicate: schema.Type, Object: schema.ClassPerson}.NQuad()
	mentions := 0
	for _, line := range forwards {
		if strings.Contains(line, " <kg:mentions> "+rouhani.String()+" ") {
			mentions++
		}
	}
	if n := count(forwards, typed); n != 1 || mentions < 2 {
		t.Errorf("Rouhani is mentioned by %d articles and typed %d times; want several and once", mentions, n)
	}
}

func count(lines []string, want string) int {
	n := 0
	for _, l := range lines {
		if l == want {
			n++
		}
	}
	return n
}

func firstDifference(a, b []string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] + "\n" + b[i]
		}
	}
	return "one is a prefix of the other"
}

// TestCopiesAcrossFormats loads the seed articles as text files and as
// JSON Lines records, in one load and in two, in either order: each story
// is stored once, with both places it was read and the date the record
// gives, and its facts are those of one load of the records alone.
func TestCopiesAcrossFormats(t *testing.T) {
	seedsDir := filepath.Dir(seedsJSONL)
	texts, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if err != nil || len(texts) != 5 {
		t.Fatalf("seed text files: %v %v", texts, err)
	}
	reference := func() []string {
		s := openStore(t, graph.BackendLevelDB, filepath.Join(t.TempDir(), "kg.db"))
		defer s.Close()
		if _, err := ingest.Load(context.Background(), s, []string{seedsJSONL}, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
		return withoutLocations(allQuads(t, s))
	}()
	for _, tc := range []struct {
		name  string
		loads [][]string
		batch int
	}{
		{"texts and records in one load", [][]string{append(append([]string{}, texts...), seedsJSONL)}, 0},
		{"records, then texts", [][]string{{seedsJSONL}, texts}, 0},
		{"texts, then records", [][]string{texts, {seedsJSONL}}, 0},
		{"texts and records, one per batch", [][]string{append(append([]string{}, texts...), seedsJSONL)}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, graph.BackendLevelDB, filepath.Join(t.TempDir(), "kg.db"))
			defer s.Close()
			articles, copies := 0, 0
			for _, paths := range tc.loads {
				sum, err := ingest.Load(context.Background(), s, paths, ingest.Options{BatchSize: tc.batch})
				if err != nil {
					t.Fatal(err)
				}
				articles += sum.Articles
				copies += sum.Copies
			}
			if articles != 5 || copies != 5 {
				t.Errorf("%d articles and %d copies, want 5 and 5", articles, copies)
			}
			quads := allQuads(t, s)
			locations := map[string]int{}
			for _, q := range quads {
				if strings.Contains(q, " "+schema.Location.String()+" ") {
					locations[q[:strings.Index(q, " ")]]++
				}
			}
			if len(locations) != 5 {
				t.Errorf("locations of %d articles, want 5: %v", len(locations), locations)
			}
			for art, n := range locations {
				if n != 2 {
					t.Errorf("%s has %d locations, want 2", art, n)
				}
			}
			dated := 0
			for _, q := range quads {
				if strings.Contains(q, " "+schema.Published.String()+" ") {
					dated++
				}
			}
			if dated != 5 {
				t.Errorf("%d articles have a publication date, want all 5 (the records give it)", dated)
			}
			if tc.batch == 0 && tc.name != "texts, then records" {
				// The facts are the records' (with their dates) when both
				// copies come in one batch, whichever is read first. (A
				// copy read in a later batch or load adds its location and
				// the metadata the stored article lacks, not its facts.)
				got := withoutLocations(quads)
				if d := firstDifference(got, reference); len(got) != len(reference) || d != "" {
					if !sameFacts(got, reference) {
						t.Errorf("facts differ from a load of the records alone:\n%s", d)
					}
				}
			}
		})
	}
}

// withoutLocations drops the quads that say where articles were read, and
// the article keys and language, which differ between copies.
func withoutLocations(quads []string) []string {
	return slices.DeleteFunc(slices.Clone(quads), func(q string) bool {
		for _, p := range []quad.IRI{schema.Location, schema.ArticleKey, schema.Language, schema.Headline} {
			if strings.Contains(q, " "+p.String()+" ") {
				return true
			}
		}
		return false
	})
}

// sameFacts compares two stores' quads other than the articles' own.
func sameFacts(a, b []string) bool {
	keep := func(q string) bool { return !strings.HasPrefix(q, "<kg:article/") }
	return slices.Equal(slices.DeleteFunc(slices.Clone(a), func(q string) bool { return !keep(q) }),
		slices.DeleteFunc(slices.Clone(b), func(q string) bool { return !keep(q) }))
}

// TestNotEnglishIsCounted: articles in other languages are not stored but
// counted by language in the summary.
func TestNotEnglishIsCounted(t *testing.T) {
	s := openStore(t, graph.BackendMemory, "")
	defer s.Close()
	sum, err := ingest.Load(context.Background(), s, []string{"../testdata/lang", seedsJSONL}, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 5 || sum.Languages["fr"] != 1 || sum.Languages["de"] != 1 {
		t.Errorf("summary %+v; want the 5 seeds stored and one French and one German article skipped", sum)
	}
	if !strings.Contains(sum.String(), "2 articles not in English skipped (de 1, fr 1)") {
		t.Errorf("summary line %q does not report the skipped articles", sum)
	}
}
