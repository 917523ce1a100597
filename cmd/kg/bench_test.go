package main

// Benchmarks of the saved queries and of exports on stores of synthetic
// articles (cmd/kgsynth) loaded by kg's own pipeline, at 10,000 and
// 100,000 articles by default:
//
//	go test -run XXX -bench . -benchtime 5x ./cmd/kg
//	KG_BENCH_SIZES=1000000 go test -run XXX -bench . -benchtime 3x -timeout 3h ./cmd/kg
//
// A store takes minutes to load at 100,000 articles; each is kept in
// KG_BENCH_DIR (default: kg-bench in the system's temporary folder) and
// reused by later runs. Delete it when extraction or the graph layout
// changes. Each benchmark runs a query the way `kg query` does (the
// saved script, the JSON writer) and reports its results; the first
// iteration reads from a cold leveldb cache, later ones from a warm one, as
// a long REPL session would. docs/performance.md has the figures and the
// whole-process timings.

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/cmd/kgsynth/synth"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
	"github.com/kg-project/kg/loaders/ingest"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/schema"
)

// benchSizes are the store sizes to benchmark, from KG_BENCH_SIZES.
func benchSizes(b *testing.B) []int {
	spec := os.Getenv("KG_BENCH_SIZES")
	if spec == "" {
		spec = "10000,100000"
	}
	var out []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("KG_BENCH_SIZES=%q: want article counts such as 10000,100000", spec)
		}
		out = append(out, n)
	}
	return out
}

func sizeName(n int) string {
	switch {
	case n%1000000 == 0:
		return fmt.Sprintf("%dM", n/1000000)
	case n%1000 == 0:
		return fmt.Sprintf("%dk", n/1000)
	}
	return strconv.Itoa(n)
}

// benchCorpus describes a synthetic store: where it is and the people and
// dates its benchmarks ask about.
type benchCorpus struct {
	store   *graph.Store
	hub     string // the person with the most meetings
	typical string // a person outside the 50 in the news most
	month   string // the month in the middle of the corpus
}

const benchSeed = 1

// benchStore opens (building it the first time) the store of n synthetic
// articles.
func benchStore(b *testing.B, n int) benchCorpus {
	b.Helper()
	dir := os.Getenv("KG_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "kg-bench")
	}
	path := filepath.Join(dir, fmt.Sprintf("synth-%d-seed%d-format%d.db", n, benchSeed, schema.FormatVersion))
	ctx := context.Background()
	gen := synth.New(benchSeed, 5000, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), 200)
	done := filepath.Join(path, "kg-bench-complete")
	if _, err := os.Stat(done); err != nil {
		b.Logf("building the benchmark store of %d articles in %s (once; minutes for 100,000)", n, path)
		if err := os.RemoveAll(path); err != nil {
			b.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		corpus := path + ".jsonl"
		f, err := os.Create(corpus)
		if err != nil {
			b.Fatal(err)
		}
		if err := gen.Write(f, n); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
		s, err := graph.Open(ctx, graph.Options{Path: path})
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.Load(ctx, s, []string{corpus}, ingest.Options{})
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			b.Fatal(err)
		}
		os.Remove(corpus)
		b.Logf("built: %s", sum)
		if err := os.WriteFile(done, []byte(sum.String()+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	s, err := graph.Open(ctx, graph.Options{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	c := benchCorpus{store: s, typical: gen.Official(4321)}
	// The hub: the one of the 50 officials in the news most with the most
	// meetings.
	most := -1
	facts := s.Facts()
	for i := range 50 {
		name := gen.Official(i)
		found, err := facts.FindPeople(ctx, name)
		if err != nil || len(found) == 0 {
			continue
		}
		n := 0
		err = facts.Meetings(ctx, graph.MeetingFilter{People: []quad.IRI{found[0].IRI}}, func(*graph.Meeting) error { n++; return nil })
		if err != nil {
			b.Fatal(err)
		}
		if n > most {
			most, c.hub = n, name
		}
	}
	middle := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n/200/2)
	c.month = middle.Format("2006-01")
	return c
}

// BenchmarkQuery runs the saved queries as kg query does, JSON to nowhere.
func BenchmarkQuery(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(sizeName(n), func(b *testing.B) {
			c := benchStore(b, n)
			for _, q := range []struct {
				name, script string
				args         map[string]string
				limit        int
			}{
				{"meetings/person=typical", "meetings", map[string]string{"person": c.typical}, -1},
				{"meetings/person=hub", "meetings", map[string]string{"person": c.hub}, -1},
				{"meetings/person=hub/first-page", "meetings", map[string]string{"person": c.hub}, 20},
				{"meetings/month", "meetings", map[string]string{"from": c.month, "to": c.month}, -1},
				{"meetings/month/first-page", "meetings", map[string]string{"from": c.month, "to": c.month}, 20},
				{"meetings/all/first-page", "meetings", nil, 20},
				{"meetings/all", "meetings", nil, -1},
				{"people/first-page", "people", nil, 20},
				{"people/all", "people", nil, -1},
				{"timeline/person=hub", "timeline", map[string]string{"person": c.hub}, -1},
				{"roles/person=hub", "roles", map[string]string{"person": c.hub}, -1},
				{"events/month", "events", map[string]string{"from": c.month, "to": c.month}, -1},
			} {
				b.Run(q.name, func(b *testing.B) {
					s, err := queries.Get(q.script)
					if err != nil {
						b.Fatal(err)
					}
					results := 0
					for b.Loop() {
						out, _ := newResultWriter(io.Discard, formatJSON, outputOptions{})
						err := c.store.Query(context.Background(), queries.Prelude()+s.Source, graph.QueryOptions{
							Limit: q.limit, Timeout: -1, Args: queries.Args(q.args),
						}, out.add)
						if err != nil {
							b.Fatal(err)
						}
						if results, err = out.close(); err != nil {
							b.Fatal(err)
						}
					}
					if results == 0 {
						b.Fatalf("%s %v: no results", q.script, q.args)
					}
					b.ReportMetric(float64(results), "results")
				})
			}
		})
	}
}

// BenchmarkExport writes the people view of the whole store in each file
// format, to nowhere.
func BenchmarkExport(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(sizeName(n), func(b *testing.B) {
			c := benchStore(b, n)
			for _, format := range []string{export.FormatGEXF, export.FormatGraphML, export.FormatDOT, export.FormatCytoscape, export.FormatCSV} {
				b.Run(format, func(b *testing.B) {
					var counts export.Counts
					for b.Loop() {
						g, err := export.Build(context.Background(), c.store, format, export.Options{})
						if err != nil {
							b.Fatal(err)
						}
						if format == export.FormatCSV {
							counts, err = g.WriteCSV(context.Background(), b.TempDir())
						} else {
							counts, err = g.Write(context.Background(), format, io.Discard)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(counts.Nodes), "nodes")
					b.ReportMetric(float64(counts.Edges), "edges")
				})
			}
		})
	}
}
