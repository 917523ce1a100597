package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// syntheticArticles makes the quads of n invented articles shaped like
// kg's: each names three of a pool of officials, their offices, a meeting
// and an event, with evidence sentences. Articles number from first, so
// successive calls give new articles that share people with earlier ones.
func syntheticArticles(first, n int) (ids []string, quads [][]quad.Quad) {
	r := rand.New(rand.NewPCG(uint64(first), 7))
	const people = 5000
	name := func(i int) string { return fmt.Sprintf("Official%d Surname%d", i, i*7919%people) }
	str := func(s string) *string { return &s }
	for i := first; i < first+n; i++ {
		id := fmt.Sprintf("synth-%08d", i)
		a, b, c := r.IntN(people), r.IntN(people), r.IntN(people)
		date := fmt.Sprintf("20%02d-%02d-%02d", 10+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
		f := schema.Facts{
			ID: id, Published: date,
			People: []schema.Person{{Name: name(a)}, {Name: name(b)}, {Name: name(c)}},
			Roles: []schema.Role{
				{Person: name(a), Title: "Foreign Minister", Of: "Country" + fmt.Sprint(a%30), Current: true, Evidence: "evidence sentence about the foreign minister"},
				{Person: name(b), Title: "President", Of: "Country" + fmt.Sprint(b%30), Current: true, Evidence: "evidence sentence about the president"},
			},
			Meetings: []schema.Meeting{{
				Participants: []string{name(a), name(b)}, Date: str(date), Place: str("Capital" + fmt.Sprint(a%30)),
				Kind: "meeting", Evidence: fmt.Sprintf("%s met %s in the capital on %s to discuss trade.", name(a), name(b), date),
			}, {
				Participants: []string{name(a), name(c)}, Date: str(date), Kind: "call",
				Evidence: fmt.Sprintf("%s held a phone call with %s.", name(a), name(c)),
			}},
			Events: []schema.Event{{Label: "peace talks", Head: "talks", Date: str(date), Place: str("Geneva"), Evidence: "The talks are scheduled to start in Geneva."}},
		}
		ids = append(ids, id)
		quads = append(quads, schema.Quads(schema.Article{ID: id, Source: "Synthetic Wire", Published: date, Title: "Synthetic headline " + id}, f))
	}
	return ids, quads
}

var benchBackends = []string{graph.BackendLevelDB, graph.BackendBolt, graph.BackendMemory}

func openBench(b *testing.B, backend string) *graph.Store {
	b.Helper()
	path := ""
	if backend != graph.BackendMemory {
		path = filepath.Join(b.TempDir(), "kg.db")
	}
	s, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: path})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkWrite measures kg's write pattern: one transaction per batch of
// whole articles, into a store that grows as the benchmark runs. One
// operation is one batch; articles/s is the figure to compare.
func BenchmarkWrite(b *testing.B) {
	for _, backend := range benchBackends {
		for _, batch := range []int{100, 2000} {
			b.Run(fmt.Sprintf("%s/batch=%d", backend, batch), func(b *testing.B) {
				s := openBench(b, backend)
				ctx := context.Background()
				next := 0
				quadsWritten := 0
				for b.Loop() {
					b.StopTimer()
					_, arts := syntheticArticles(next, batch)
					next += batch
					var all []quad.Quad
					for _, q := range arts {
						all = append(all, q...)
					}
					quadsWritten += len(all)
					b.StartTimer()
					if err := s.Write(ctx, all); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(next)/b.Elapsed().Seconds(), "articles/s")
				b.ReportMetric(float64(quadsWritten)/b.Elapsed().Seconds(), "quads/s")
			})
		}
	}
}

// BenchmarkHasArticles measures the duplicate check of a batch of 1000
// articles, half of them stored, on a store of 20,000 articles.
func BenchmarkHasArticles(b *testing.B) {
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			s := openBench(b, backend)
			ctx := context.Background()
			fill(b, s, 20000)
			ids := make([]string, 1000)
			for i := range ids {
				ids[i] = fmt.Sprintf("synth-%08d", 19500+i)
			}
			for b.Loop() {
				found, err := s.HasArticles(ctx, ids)
				if err != nil {
					b.Fatal(err)
				}
				if !found[0] || found[999] {
					b.Fatal("wrong answer")
				}
			}
		})
	}
}

// BenchmarkMeetingsOfOnePerson measures kg's main read pattern, the
// meetings of one person with their dates, on a store of 20,000 articles,
// as a plain path query (queries/bench_test.go times the saved Gizmo
// script itself).
func BenchmarkMeetingsOfOnePerson(b *testing.B) {
	for _, backend := range benchBackends {
		b.Run(backend, func(b *testing.B) {
			s := openBench(b, backend)
			ctx := context.Background()
			fill(b, s, 20000)
			// The meetings are listed first and their dates looked up from
			// that list, as the saved queries do: Cayley 0.7.7 plans the
			// chained form g.V(p).In(..).Out("<kg:date>") as a scan of every
			// date quad, which takes seconds on a large store.
			person := "<kg:person/" + schema.PersonKey("Official42 Surname"+fmt.Sprint(42*7919%5000)) + ">"
			script := `var ms = g.V("` + person + `").In("<kg:participant>").Unique().ToArray();
g.V.apply(g, ms).Tag("meeting").Out("<kg:date>").Tag("date").All()`
			for b.Loop() {
				n := 0
				err := s.Query(ctx, script, graph.QueryOptions{}, func(any) error { n++; return nil })
				if err != nil {
					b.Fatal(err)
				}
				if n == 0 {
					b.Fatal("no meetings found")
				}
			}
		})
	}
}

func fill(b *testing.B, s *graph.Store, n int) {
	b.Helper()
	ctx := context.Background()
	for first := 0; first < n; first += 1000 {
		_, arts := syntheticArticles(first, 1000)
		var all []quad.Quad
		for _, q := range arts {
			all = append(all, q...)
		}
		if err := s.Write(ctx, all); err != nil {
			b.Fatal(err)
		}
	}
}
