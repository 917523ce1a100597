package export

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// fullView is every node and quad of the store: IRI and blank nodes become
// nodes, their literals node attributes (one a predicate), and quads from
// node to node edges carrying the predicate and the quad's label. It reads
// the store while writing, one node or quad at a time.
type fullView struct {
	qs       cgraph.QuadStore
	literals []quad.IRI // predicates with literal objects, sorted
	keys     []Key
	quads    int // quads in the store, an upper bound on nodes and edges
}

func (v *fullView) size() (nodes, edges int) { return v.quads, v.quads }

var fullEdgeKeys = []Key{{"predicate", typeString}, {"quad_label", typeString}}

// newFullView makes one pass over the quads to learn which predicates carry
// literals, since GraphML, GEXF and CSV declare attributes before the first
// node.
func newFullView(ctx context.Context, qs cgraph.QuadStore) (*fullView, error) {
	preds := map[quad.IRI]bool{}
	it := qs.QuadsAllIterator()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		n++
		q := qs.Quad(it.Result())
		if p, ok := q.Predicate.(quad.IRI); ok && !isNode(q.Object) && q.Object != nil {
			preds[p] = true
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read quads: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, fmt.Errorf("%w: the store is empty (load articles with kg load first)", ErrNothing)
	}
	v := &fullView{qs: qs, quads: n}
	for p := range preds {
		v.literals = append(v.literals, p)
	}
	sort.Slice(v.literals, func(i, j int) bool { return v.literals[i] < v.literals[j] })
	v.keys = []Key{{"type", typeString}}
	for _, p := range v.literals {
		v.keys = append(v.keys, Key{string(p), typeString})
	}
	return v, nil
}

func (v *fullView) directed() bool  { return true }
func (v *fullView) nodeKeys() []Key { return v.keys }
func (v *fullView) edgeKeys() []Key { return fullEdgeKeys }
func (v *fullView) dotStyle() []string {
	return []string{`layout=sfdp`, `overlap=prism`, `outputorder=edgesfirst`, `pad=0.3`,
		`node [shape=ellipse, style=filled, fillcolor="#f4f6f8", color="#8a9bb0", fontname="Helvetica", fontsize=9]`,
		`edge [color="#a0aab5", fontname="Helvetica", fontsize=7, fontcolor="#5d6d7e", arrowsize=0.5]`}
}

func (v *fullView) nodes(ctx context.Context, fn func(Node) error) error {
	r := reader{qs: v.qs}
	index := make(map[quad.IRI]int, len(v.literals))
	for i, p := range v.literals {
		index[p] = i
	}
	it := v.qs.NodesAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		node := v.qs.NameOf(it.Result())
		if !isNode(node) {
			continue
		}
		values := make([][]string, len(v.literals))
		var types []string
		subject := false
		err := r.each(ctx, quad.Subject, node, func(q quad.Quad) error {
			subject = true
			if q.Predicate == schema.Type && isNode(q.Object) {
				types = appendString(types, nodeID(q.Object))
				return nil
			}
			p, _ := q.Predicate.(quad.IRI)
			if i, ok := index[p]; ok {
				if s, ok := literal(q.Object); ok {
					values[i] = appendString(values[i], s)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !subject {
			object, err := v.isObject(ctx, node)
			if err != nil {
				return err
			}
			if !object {
				continue // a predicate or a label only
			}
		}
		n := Node{ID: nodeID(node), Values: make([]any, 0, len(v.keys))}
		n.Values = append(n.Values, strings.Join(types, "; "))
		byPred := map[quad.IRI][]string{}
		for i, p := range v.literals {
			n.Values = append(n.Values, strings.Join(values[i], "; "))
			byPred[p] = values[i]
		}
		n.Label = fullLabel(n.ID, byPred)
		n.Caption = n.Label
		for _, d := range byPred[schema.Date] {
			if s, ok := spellOf(d); ok {
				n.Spells = append(n.Spells, s)
			}
		}
		n.Spells = mergeSpells(n.Spells)
		if err := fn(n); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read nodes: %w", err)
	}
	return ctx.Err()
}

// isObject reports whether node is the object of some quad.
func (v *fullView) isObject(ctx context.Context, node quad.Value) (bool, error) {
	ref := v.qs.ValueOf(node)
	if ref == nil {
		return false, nil
	}
	it := v.qs.QuadIterator(quad.Object, ref)
	defer it.Close()
	found := it.Next(ctx)
	return found, it.Err()
}

// fullLabel names a node by what it is: a person's name, an event's label,
// an office's title, an article's headline or id, else its IRI.
func fullLabel(id string, values map[quad.IRI][]string) string {
	if s := longest(values[schema.Name]); s != "" {
		return s
	}
	if s := longest(values[schema.Label]); s != "" {
		return s
	}
	if s := longest(values[schema.Title]); s != "" {
		if of := longest(values[schema.Of]); of != "" {
			s += " of " + of
		}
		return s
	}
	for _, p := range []quad.IRI{schema.Headline, schema.ID} {
		if s := longest(values[p]); s != "" {
			return s
		}
	}
	if k := longest(values[schema.Kind]); k != "" {
		if d := longest(values[schema.Date]); d != "" {
			return k + " " + d
		}
		return k + " (undated)"
	}
	return id
}

func appendString(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func (v *fullView) edges(ctx context.Context, fn func(Edge) error) error {
	it := v.qs.QuadsAllIterator()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q := v.qs.Quad(it.Result())
		if !isNode(q.Subject) || !isNode(q.Object) {
			continue
		}
		n++
		pred := nodeID(q.Predicate)
		label := ""
		if q.Label != nil {
			label = nodeID(q.Label)
		}
		e := Edge{ID: fmt.Sprintf("e%d", n), Source: nodeID(q.Subject), Target: nodeID(q.Object),
			Label: pred, Weight: 1, Values: []any{pred, label}}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	return ctx.Err()
}
