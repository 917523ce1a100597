package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Stats counts what a store holds.
type Stats struct {
	Backend  string `json:"backend"`
	Quads    int64  `json:"quads"`
	Articles int64  `json:"articles"`
	People   int64  `json:"people"`
	Meetings int64  `json:"meetings"`
	Roles    int64  `json:"roles"`
	Events   int64  `json:"events"`
}

// QuadCount is the number of quads stored; it is cheap on every backend.
func (s *Store) QuadCount(ctx context.Context) (n int64, err error) {
	defer s.checkDamage(&err)
	qst, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a new embedded store has no size record before its first write
	}
	if err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return qst.Quads.Size, nil
}

// Stats counts quads and the nodes of each class.
func (s *Store) Stats(ctx context.Context) (st Stats, err error) {
	defer s.checkDamage(&err)
	st = Stats{Backend: s.backend}
	n, err := s.ExactQuadCount(ctx) // Cayley's SQL count is an estimate
	if err != nil {
		return st, err
	}
	st.Quads = n
	for _, c := range []struct {
		class quad.IRI
		n     *int64
	}{
		{schema.ClassArticle, &st.Articles},
		{schema.ClassPerson, &st.People},
		{schema.ClassMeeting, &st.Meetings},
		{schema.ClassOffice, &st.Roles},
		{schema.ClassEvent, &st.Events},
	} {
		n, err := path.StartPath(s.qs, c.class).In(schema.Type).Unique().Iterate(ctx).Count()
		if err != nil {
			return st, fmt.Errorf("count %s: %w", c.class, err)
		}
		*c.n = n
	}
	return st, nil
}
