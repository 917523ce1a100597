package export

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// reader answers the few questions the views ask of the quad store, each
// by walking one index of the store.
type reader struct {
	qs cgraph.QuadStore
}

// each calls fn with every quad having v in direction d.
func (r reader) each(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	ref := r.qs.ValueOf(v)
	if ref == nil {
		return nil
	}
	it := r.qs.QuadIterator(d, ref)
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(r.qs.Quad(it.Result())); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read quads of %v: %w", v, err)
	}
	return ctx.Err()
}

// objects returns the objects of subject's pred quads, without repeats.
func (r reader) objects(ctx context.Context, subject quad.Value, pred quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	err := r.each(ctx, quad.Subject, subject, func(q quad.Quad) error {
		if q.Predicate == pred && !seen[q.Object] {
			seen[q.Object] = true
			out = append(out, q.Object)
		}
		return nil
	})
	return out, err
}

// subjects returns the subjects of the pred quads whose object is object.
func (r reader) subjects(ctx context.Context, pred quad.IRI, object quad.Value) ([]quad.Value, error) {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	err := r.each(ctx, quad.Object, object, func(q quad.Quad) error {
		if q.Predicate == pred && !seen[q.Subject] {
			seen[q.Subject] = true
			out = append(out, q.Subject)
		}
		return nil
	})
	return out, err
}

// strings returns the literal objects of subject's pred quads as strings,
// sorted, without repeats.
func (r reader) strings(ctx context.Context, subject quad.Value, pred quad.IRI) ([]string, error) {
	vals, err := r.objects(ctx, subject, pred)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, v := range vals {
		if s, ok := literal(v); ok && s != "" {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out, nil
}

// longest picks the longest string ("Walid al-Muallem" over "Walid
// Muallem"), the first in sort order among equals, as the saved queries do.
func longest(vals []string) string {
	best := ""
	for _, v := range vals {
		if len(v) > len(best) || (len(v) == len(best) && v < best) {
			best = v
		}
	}
	return best
}

// isNode reports whether a value is a node of the graph (an IRI or a blank
// node) rather than a literal.
func isNode(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return true
	}
	return false
}

// nodeID is the identifier of a node value in exports: the IRI without
// angle brackets, or _:name for a blank node.
func nodeID(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return quad.StringOf(v)
}

// literal returns the plain text of a literal value.
func literal(v quad.Value) (string, bool) {
	switch x := v.(type) {
	case nil, quad.IRI, quad.BNode:
		return "", false
	case quad.String:
		return string(x), true
	case quad.TypedString:
		return string(x.Value), true
	case quad.LangString:
		return string(x.Value), true
	default:
		return fmt.Sprint(quad.NativeOf(v)), true
	}
}
