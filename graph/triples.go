package graph

import (
	"bytes"
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// HasTriples reports, for each quad, whether the store holds a quad with the
// same subject, predicate and object under any label. A load uses it to
// store a description of a node (a person's name, an office's title) once,
// however many articles repeat it.
//
// On the key-value backends each look-up is one read of Cayley's
// object-predicate-subject index; on PostgreSQL all of them are one query.
func (s *Store) HasTriples(ctx context.Context, quads []quad.Quad) (_ []bool, err error) {
	defer s.checkDamage(&err)
	found := make([]bool, len(quads))
	if len(quads) == 0 {
		return found, nil
	}
	if s.db != nil {
		return found, s.hasTriplesSQL(ctx, quads, found)
	}
	if s.lvl != nil {
		return found, s.lvl.hasTriples(ctx, quads, found)
	}
	refs := make(map[string]cgraph.Ref)
	refOf := func(v quad.Value) cgraph.Ref {
		key := v.String()
		if r, ok := refs[key]; ok {
			return r
		}
		r := s.qs.ValueOf(v)
		refs[key] = r
		return r
	}
	for i, q := range quads {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// A node the store does not have means a new quad; the subject is
		// the likeliest to be new, so it is looked up first.
		sub := refOf(q.Subject)
		if sub == nil {
			continue
		}
		obj := refOf(q.Object)
		if obj == nil {
			continue
		}
		pred := refOf(q.Predicate)
		if pred == nil {
			continue
		}
		ok, err := s.hasTriple(ctx, sub, pred, obj)
		if err != nil {
			return nil, fmt.Errorf("look up %s: %w", q, err)
		}
		found[i] = ok
	}
	return found, nil
}

// hasTriple looks for one quad linking three stored nodes, whatever its
// label. The shape names all three directions, which Cayley's key-value
// stores answer from a single index entry.
func (s *Store) hasTriple(ctx context.Context, sub, pred, obj cgraph.Ref) (bool, error) {
	it := shape.BuildIterator(s.qs, shape.QuadsAction{
		Result: quad.Subject,
		Filter: map[quad.Direction]cgraph.Ref{quad.Subject: sub, quad.Predicate: pred, quad.Object: obj},
	})
	defer it.Close()
	ok := it.Next(ctx)
	return ok, it.Err()
}

func (s *Store) hasTriplesSQL(ctx context.Context, quads []quad.Quad, found []bool) error {
	// A triple is filed under its three hashes joined, the key markFound
	// makes of a row.
	index := make(map[string][]int, len(quads))
	var subs, preds, objs [][]byte
	for i, q := range quads {
		sh, ph, oh := nodeHash(q.Subject), nodeHash(q.Predicate), nodeHash(q.Object)
		key := string(bytes.Join([][]byte{sh, ph, oh}, nil))
		if _, seen := index[key]; !seen {
			subs, preds, objs = append(subs, sh), append(preds, ph), append(objs, oh)
		}
		index[key] = append(index[key], i)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT q.subject_hash, q.predicate_hash, q.object_hash
FROM quads q JOIN unnest($1::bytea[], $2::bytea[], $3::bytea[]) AS t(s, p, o)
ON q.subject_hash = t.s AND q.predicate_hash = t.p AND q.object_hash = t.o`,
		pq.ByteaArray(subs), pq.ByteaArray(preds), pq.ByteaArray(objs))
	if err != nil {
		return fmt.Errorf("look up %d triples: %w", len(index), err)
	}
	if err := markFound(rows, 3, index, found); err != nil {
		return fmt.Errorf("look up %d triples: %w", len(index), err)
	}
	return nil
}
