package graph

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/kg-project/kg/graph/pgtest"
	"github.com/kg-project/kg/schema"
)

// statements counts the queries kg's own PostgreSQL connections send
// while it is set (countStatements).
var (
	statements         atomic.Int64
	registerCountingPQ sync.Once
)

type countingDriver struct{}

func (countingDriver) Open(name string) (driver.Conn, error) {
	c, err := (&pq.Driver{}).Open(name)
	if err != nil {
		return nil, err
	}
	return countingConn{c}, nil
}

type countingConn struct{ driver.Conn }

func (c countingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	statements.Add(1)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c countingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	statements.Add(1)
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (c countingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

// countStatements makes the stores opened from now on in this test send
// their statements through countingDriver.
func countStatements(t *testing.T) {
	registerCountingPQ.Do(func() { sql.Register("kg-counting-postgres", countingDriver{}) })
	old := postgresDriver
	postgresDriver = "kg-counting-postgres"
	t.Cleanup(func() { postgresDriver = old })
}

// families are family names none of which is a spelling of another.
var families = strings.Fields(`Abbott Baxter Carver Dalton Ellison Fowler Garrison Hadley Ingram Jarvis
	Kendall Lowell Mercer Norwood Oakley Prescott Quincy Radcliffe Sutton Thorne Underwood Vance Whitaker
	Yardley Ashby Brewster Calloway Dunmore Everett Fairfax Gilmore Hollis Irving Jennings Kingsley
	Langston Montague Nash Osborne Pembroke`)

// busyDay is n articles of one day, each reporting a meeting and an event
// of two people of their own.
func busyDay(n int) []quad.Quad {
	day := "2019-03-04"
	var quads []quad.Quad
	given := []string{"Aldo", "Bruna", "Carla", "Dario", "Elena", "Fabio"}
	for i := range n {
		round := i / len(families) // a new pair of given names each time the family names come round
		a := given[2*round] + " " + families[i%len(families)]
		b := given[2*round+1] + " " + families[(i+n/2)%len(families)]
		tag := strings.ToLower(families[i%len(families)]) + strings.Repeat("x", round)
		sentence := a + " met " + b + "."
		f := schema.Facts{ID: "busy-day-" + tag, Published: day,
			People:   []schema.Person{{Name: a}, {Name: b}},
			Meetings: []schema.Meeting{{Participants: []string{a, b}, Date: &day, Kind: "meeting", Evidence: sentence, Rule: "test"}},
			Events:   []schema.Event{{Label: tag + " talks", Head: tag, Date: &day, Evidence: sentence, Rule: "test"}},
		}
		quads = append(quads, schema.Quads(schema.Article{ID: f.ID, Published: day, Text: sentence, Source: "Test Wire"}, f)...)
	}
	return quads
}

// On PostgreSQL, the people of a day's meetings and events, and the
// articles that name a group of people, are read in one statement for the
// day or the group, not one a fact or a person: the statements an answer
// sends grow with the days and groups it covers, not with its facts.
func TestPostgresReadsInBatchesNotOneStatementAFact(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Database(t)
	countStatements(t)
	const facts = 60
	s, err := Open(ctx, Options{Backend: BackendPostgres, Path: url})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.EnsureCalendar(ctx); err != nil { // as kg load does
		t.Fatal(err)
	}
	if err := s.Write(ctx, busyDay(facts)); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		what string
		read func(f *Facts) (int, error)
	}{
		{"meetings", func(f *Facts) (n int, err error) {
			err = f.Meetings(ctx, MeetingFilter{}, func(*Meeting) error { n++; return nil })
			return n, err
		}},
		{"events", func(f *Facts) (n int, err error) {
			err = f.Events(ctx, EventFilter{}, func(*Event) error { n++; return nil })
			return n, err
		}},
		{"people", func(f *Facts) (n int, err error) {
			who, err := f.AllPeople(ctx)
			if err != nil {
				return 0, err
			}
			err = f.Profiles(ctx, who, true, func(p *Person) error {
				if len(p.Sources) == 1 {
					n++
				}
				return nil
			})
			return n / 2, err // two a meeting
		}},
	} {
		t.Run(tc.what, func(t *testing.T) {
			before := statements.Load()
			n, err := tc.read(s.Facts())
			if err != nil {
				t.Fatal(err)
			}
			sent := statements.Load() - before
			if n != facts {
				t.Fatalf("read %d %s, want %d", n, tc.what, facts)
			}
			if sent >= facts {
				t.Errorf("%d %s of one day took %d statements; want far fewer than one a fact", n, tc.what, sent)
			}
			t.Logf("%d %s, %d statements", n, tc.what, sent)
		})
	}
}
