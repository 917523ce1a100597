package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"github.com/kg-project/kg/schema"
)

// ArticlesByKey returns, for each key, the article that holds it as its
// kg:articleKey (its URL or text fingerprint, see schema.Article.Keys), or
// "" when no stored article does. A load uses it to store a story read
// from two files or formats once.
//
// On the key-value backends each key costs one read of Cayley's
// object-predicate-subject index; on PostgreSQL all of them are one query.
func (s *Store) ArticlesByKey(ctx context.Context, keys []string) ([]quad.IRI, error) {
	found := make([]quad.IRI, len(keys))
	if len(keys) == 0 {
		return found, nil
	}
	if s.db != nil {
		return found, s.articlesByKeySQL(ctx, keys, found)
	}
	pred := s.qs.ValueOf(schema.ArticleKey)
	if pred == nil {
		return found, nil // no article has keys yet
	}
	for i, key := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		obj := s.qs.ValueOf(quad.String(key))
		if obj == nil {
			continue
		}
		iri, err := s.subjectOf(ctx, pred, obj)
		if err != nil {
			return nil, fmt.Errorf("look up article key %s: %w", key, err)
		}
		found[i] = iri
	}
	return found, nil
}

// subjectOf returns the subject of a quad with this predicate and object,
// when it is an IRI.
func (s *Store) subjectOf(ctx context.Context, pred, obj cgraph.Ref) (quad.IRI, error) {
	it := shape.BuildIterator(s.qs, shape.QuadsAction{
		Result: quad.Subject,
		Filter: map[quad.Direction]cgraph.Ref{quad.Predicate: pred, quad.Object: obj},
	})
	defer it.Close()
	for it.Next(ctx) {
		if iri, ok := s.qs.NameOf(it.Result()).(quad.IRI); ok {
			return iri, nil
		}
	}
	return "", it.Err()
}

func (s *Store) articlesByKeySQL(ctx context.Context, keys []string, found []quad.IRI) error {
	index := make(map[string][]int, len(keys))
	hashes := make([][]byte, 0, len(keys))
	for i, k := range keys {
		h := string(nodeHash(quad.String(k)))
		if _, seen := index[h]; !seen {
			hashes = append(hashes, []byte(h))
		}
		index[h] = append(index[h], i)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT q.object_hash, n.value_string
FROM quads q JOIN nodes n ON n.hash = q.subject_hash
WHERE q.predicate_hash = $1 AND q.object_hash = ANY($2) AND n.iri`,
		nodeHash(schema.ArticleKey), pq.ByteaArray(hashes))
	if err != nil {
		return fmt.Errorf("look up %d article keys: %w", len(keys), err)
	}
	defer rows.Close()
	for rows.Next() {
		var h []byte
		var iri string
		if err := rows.Scan(&h, &iri); err != nil {
			return fmt.Errorf("look up %d article keys: %w", len(keys), err)
		}
		for _, i := range index[string(h)] {
			found[i] = quad.IRI(iri)
		}
	}
	return rows.Err()
}

// ArticleFields returns the predicates the stored article has values for
// (kg:published, kg:headline, ...), so that a second copy of a story adds
// only what the first lacked.
func (s *Store) ArticleFields(ctx context.Context, article quad.IRI) (map[quad.IRI]bool, error) {
	fields := map[quad.IRI]bool{}
	ref := s.qs.ValueOf(article)
	if ref == nil {
		return fields, nil
	}
	it := s.qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		if p, ok := s.qs.Quad(it.Result()).Predicate.(quad.IRI); ok {
			fields[p] = true
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read article %s: %w", article, err)
	}
	return fields, nil
}
