package export

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
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
func literal(v quad.Value) (string, bool) { return graph.LiteralText(v) }
