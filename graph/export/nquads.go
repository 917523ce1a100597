package export

import (
	"context"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad/nquads"
)

// writeNQuads streams every quad of the store through the quad library's
// N-Quads writer, in the store's order, and returns how many it wrote.
func writeNQuads(ctx context.Context, qs cgraph.QuadStore, w io.Writer) (int64, error) {
	enc := nquads.NewWriter(w)
	it := qs.QuadsAllIterator()
	defer it.Close()
	var n int64
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if err := enc.WriteQuad(q); err != nil {
			return n, fmt.Errorf("write quad %d (%v): %w", n+1, q, err)
		}
		n++
	}
	if err := it.Err(); err != nil {
		return n, fmt.Errorf("read quads: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return n, err
	}
	if err := enc.Close(); err != nil {
		return n, fmt.Errorf("write quads: %w", err)
	}
	return n, nil
}
