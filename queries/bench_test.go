package queries_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/schema"
)

// benchPeople is the size of the invented population the benchmark store
// talks about; person 0 to 49 are "in the news" far more than the rest,
// as heads of state are in real archives.
const benchPeople = 5000

func benchName(i int) string { return fmt.Sprintf("Official%d Surname%d", i, i) }

// benchStore builds a bolt store on disk holding n invented articles, each
// with three people, their offices, a meeting, a phone call and an event.
func benchStore(b *testing.B, n int) *graph.Store {
	b.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.BackendBolt, Path: filepath.Join(b.TempDir(), "kg.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() int {
		if r.IntN(4) == 0 {
			return r.IntN(50)
		}
		return r.IntN(benchPeople)
	}
	str := func(s string) *string { return &s }
	var batch []quad.Quad
	for i := range n {
		id := fmt.Sprintf("bench-%07d", i)
		date := fmt.Sprintf("20%02d-%02d-%02d", 10+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
		x, y, z := benchName(pick()), benchName(pick()), benchName(pick())
		f := schema.Facts{
			ID: id, Published: date,
			People: []schema.Person{{Name: x}, {Name: y}, {Name: z}},
			Roles:  []schema.Role{{Person: x, Title: "Foreign Minister", Of: "Somewhere", Current: true, Evidence: "x is foreign minister"}},
			Meetings: []schema.Meeting{
				{Participants: []string{x, y}, Date: str(date), Place: str("Capital"), Kind: "meeting", Evidence: x + " met " + y + "."},
				{Participants: []string{x, z}, Date: str(date), Kind: "call", Evidence: x + " phoned " + z + "."},
			},
			Events: []schema.Event{{Label: "peace talks", Head: "talks", Date: str(date), Place: str("Geneva"), Evidence: "Talks will be held."}},
		}
		batch = append(batch, schema.Quads(schema.Article{ID: id, Published: date, Source: "Bench Wire"}, f)...)
		if (i+1)%1000 == 0 || i == n-1 {
			if err := s.Write(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return s
}

// BenchmarkMeetings runs the saved meetings query for one person on a
// store of 20,000 articles: a typical person (a handful of meetings) and
// one of the most reported (hundreds).
func BenchmarkMeetings(b *testing.B) {
	s := benchStore(b, 20000)
	script, err := queries.Get("meetings")
	if err != nil {
		b.Fatal(err)
	}
	src := queries.Prelude() + script.Source
	for _, tc := range []struct{ name, person string }{
		{"typical", benchName(1234)},
		{"most-reported", benchName(7)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			results := 0
			for b.Loop() {
				results = 0
				err := s.Query(context.Background(), src, graph.QueryOptions{Args: queries.Args(map[string]string{"person": tc.person})}, func(any) error {
					results++
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				if results == 0 {
					b.Fatalf("no meetings of %s", tc.person)
				}
			}
			b.ReportMetric(float64(results), "meetings")
		})
	}
}

// BenchmarkSavedQueries runs every saved query without arguments, the way
// `kg query NAME` does, with the default result limit.
func BenchmarkSavedQueries(b *testing.B) {
	s := benchStore(b, 5000)
	for _, q := range queries.List() {
		b.Run(q.Name, func(b *testing.B) {
			for b.Loop() {
				err := s.Query(context.Background(), queries.Prelude()+q.Source, graph.QueryOptions{Args: queries.Args(map[string]string{"person": benchName(7)})}, func(any) error { return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
