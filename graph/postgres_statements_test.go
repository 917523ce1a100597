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

// busyDay is one article reporting n meetings and n events on one day,
// each between two people of their own.
func busyDay(n int) []quad.Quad {
	day := "2019-03-04"
	f := schema.Facts{ID: "busy-day", Published: day}
	text := ""
	for i := range n {
		a, b := "Aldo "+families[i%len(families)], "Bruna "+families[(i+n/2)%len(families)]
		tag := strings.ToLower(families[i%len(families)])
		sentence := a + " met " + b + "."
		text += sentence + " "
		f.People = append(f.People, schema.Person{Name: a}, schema.Person{Name: b})
		f.Meetings = append(f.Meetings, schema.Meeting{Participants: []string{a, b}, Date: &day, Kind: "meeting", Evidence: sentence, Rule: "test"})
		f.Events = append(f.Events, schema.Event{Label: tag + " talks", Head: tag, Date: &day, Evidence: sentence, Rule: "test"})
	}
	return schema.Quads(schema.Article{ID: f.ID, Published: day, Text: text, Source: "Test Wire"}, f)
}

// On PostgreSQL, the people of a day's meetings and events are read in one
// statement for the whole day, not one a fact: the statements an answer
// sends grow with the days it covers, not with its facts.
func TestPostgresReadsTheFactsOfADayInFewStatements(t *testing.T) {
	ctx := context.Background()
	url := pgtest.Database(t)
	countStatements(t)
	const facts = 40
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
			if sent >= facts/2 {
				t.Errorf("%d %s of one day took %d statements; want far fewer than one a fact", n, tc.what, sent)
			}
			t.Logf("%d %s, %d statements", n, tc.what, sent)
		})
	}
}
