package graph

import (
	"context"
	"database/sql"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// reader answers the few questions kg's fast helpers ask of Cayley's
// quad store: which quads link a node through one predicate, and what the
// values of some nodes are. Every answer comes from one index: on the
// key-value backends (leveldb, bolt) a scan of the exact index prefix
// (node, predicate), so its cost grows with the size of the answer, never
// with the store. Values that repeat from node to node (names, dates,
// places, kinds, titles) are remembered for the life of the reader.
//
// A reader belongs to one goroutine, and lives as long as one query.
type reader struct {
	qs  cgraph.QuadStore
	kv  *kv.QuadStore // set for the key-value backends
	db  *sql.DB       // set for PostgreSQL (read_sql.go)
	lvl *levelLog     // set for leveldb (rawlevel.go)

	refs   map[quad.Value]cgraph.Ref // the first values looked up: predicates, classes
	values map[any]quad.Value        // values of refs, by ref key
}

// maxCachedValues bounds the value cache; past it the cache starts
// afresh, which costs look-ups, never answers.
const maxCachedValues = 1 << 18

func newReader(qs cgraph.QuadStore, db *sql.DB, lvl *levelLog) *reader {
	r := &reader{qs: qs, db: db, lvl: lvl, refs: map[quad.Value]cgraph.Ref{}, values: map[any]quad.Value{}}
	r.kv, _ = qs.(*kv.QuadStore)
	return r
}

// ref is the store's reference to v, or nil when the store has no such
// node. The vocabulary (predicates, classes), looked up first, is looked up
// once.
func (r *reader) ref(v quad.Value) cgraph.Ref {
	if ref, ok := r.refs[v]; ok {
		return ref
	}
	ref := r.qs.ValueOf(v)
	if len(r.refs) < 4096 {
		r.refs[v] = ref
	}
	return ref
}

// link is one quad seen from one of its ends: the node at the other end
// and the quad's label (nil when it has none).
type link struct {
	node, label cgraph.Ref
}

// links calls fn with every quad that has node in direction from and
// predicate pred, giving the node in direction to and the label.
func (r *reader) links(ctx context.Context, node cgraph.Ref, from quad.Direction, pred quad.Value, to quad.Direction, fn func(link) error) error {
	if node == nil {
		return nil
	}
	p := r.ref(pred)
	if p == nil {
		return nil
	}
	if r.db != nil {
		return r.linksSQL(ctx, node, from, p, to, fn)
	}
	if r.lvl != nil {
		done, err := r.lvl.links(ctx, []cgraph.Ref{node}, from, p, to, func(_ int, l link) error { return fn(l) })
		if done {
			if err != nil {
				return fmt.Errorf("read %v quads: %w", pred, err)
			}
			return ctx.Err()
		}
	}
	it, filtered := r.scan(node, from, p, to)
	defer it.Close()
	pkey := cgraph.ToKey(p)
	for it.Next(ctx) {
		q := it.Result()
		if !filtered && cgraph.ToKey(r.qs.QuadDirection(q, quad.Predicate)) != pkey {
			continue
		}
		if err := fn(link{node: r.qs.QuadDirection(q, to), label: r.qs.QuadDirection(q, quad.Label)}); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read %v quads: %w", pred, err)
	}
	return ctx.Err()
}

// scan iterates the quads with node in direction from and predicate p. On
// the key-value backends it is one scan of the index whose prefix is
// exactly (node, predicate), and filtered is true; elsewhere it iterates
// the node's quads in that direction and the caller checks the predicate.
func (r *reader) scan(node cgraph.Ref, from quad.Direction, p cgraph.Ref, to quad.Direction) (it cgraph.Iterator, filtered bool) {
	if r.kv != nil {
		s, ok := r.kv.OptimizeShape(shape.QuadsAction{Result: to, Filter: map[quad.Direction]cgraph.Ref{from: node, quad.Predicate: p}})
		if nf, isNodes := s.(shape.NodesFrom); ok && isNodes {
			if scan, isScan := nf.Quads.(kv.IndexScan); isScan {
				return scan.BuildIterator(r.kv), true
			}
		}
	}
	return r.qs.QuadIterator(from, node), false
}

// quad is a stored quad as refs.
type quadRefs struct {
	pred, obj, label cgraph.Ref
}

// outQuads calls fn with every quad whose subject is one of subjects (i is
// the subject's index), all predicates together: one scan of the index by
// subject for each, which for a node with few quads (a meeting, an event,
// an office) is cheaper than a scan per predicate. When preds (keys of
// predicate refs, as predKeys makes them) is not nil, quads of other
// predicates may be left out.
func (r *reader) outQuads(ctx context.Context, subjects []cgraph.Ref, preds map[any]int, fn func(i int, q quadRefs) error) error {
	if r.db != nil {
		return r.outQuadsSQL(ctx, subjects, fn)
	}
	if r.lvl != nil {
		if err := r.lvl.outQuads(ctx, subjects, preds, fn); err != nil {
			return err
		}
		return ctx.Err()
	}
	for i, s := range subjects {
		if s == nil {
			continue
		}
		it := r.qs.QuadIterator(quad.Subject, s)
		for it.Next(ctx) {
			q := it.Result()
			err := fn(i, quadRefs{
				pred:  r.qs.QuadDirection(q, quad.Predicate),
				obj:   r.qs.QuadDirection(q, quad.Object),
				label: r.qs.QuadDirection(q, quad.Label),
			})
			if err != nil {
				it.Close()
				return err
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// objectsOfAll lists, for each subject, the objects of its pred quads:
// one index scan a subject, or one statement for all on PostgreSQL.
func (r *reader) objectsOfAll(ctx context.Context, subjects []cgraph.Ref, pred quad.IRI) ([][]cgraph.Ref, error) {
	return r.linksOfAll(ctx, subjects, quad.Subject, pred, quad.Object)
}

// subjectsOfAll lists, for each object, the subjects of the pred quads
// pointing at it.
func (r *reader) subjectsOfAll(ctx context.Context, objects []cgraph.Ref, pred quad.IRI) ([][]cgraph.Ref, error) {
	return r.linksOfAll(ctx, objects, quad.Object, pred, quad.Subject)
}

// linksOfAll lists, for each node, the nodes at direction to of the pred
// quads that have it in direction from, each once.
func (r *reader) linksOfAll(ctx context.Context, nodes []cgraph.Ref, from quad.Direction, pred quad.IRI, to quad.Direction) ([][]cgraph.Ref, error) {
	out := make([][]cgraph.Ref, len(nodes))
	if r.db != nil {
		p := r.ref(pred)
		if p == nil {
			return out, nil
		}
		err := r.linksSQLAll(ctx, nodes, from, p, to, func(i int, l link) error {
			out[i] = appendRef(out[i], l.node)
			return nil
		})
		return out, err
	}
	if p := r.ref(pred); r.lvl != nil && p != nil {
		seen := make([]map[any]bool, len(nodes))
		done, err := r.lvl.links(ctx, nodes, from, p, to, func(i int, l link) error {
			if seen[i] == nil {
				seen[i] = map[any]bool{}
			}
			if k := cgraph.ToKey(l.node); !seen[i][k] {
				seen[i][k] = true
				out[i] = append(out[i], l.node)
			}
			return nil
		})
		if done {
			if err != nil {
				return nil, fmt.Errorf("read %v quads: %w", pred, err)
			}
			return out, ctx.Err()
		}
	}
	for i, n := range nodes {
		others, err := r.nodes(ctx, n, from, pred, to)
		if err != nil {
			return nil, err
		}
		out[i] = others
	}
	return out, nil
}

// predKeys maps the keys of the refs of preds to their index in preds;
// predicates the store lacks are left out.
func (r *reader) predKeys(preds ...quad.IRI) map[any]int {
	out := make(map[any]int, len(preds))
	for i, p := range preds {
		if ref := r.ref(p); ref != nil {
			out[cgraph.ToKey(ref)] = i
		}
	}
	return out
}

// nodes lists the nodes at direction to of node's pred quads, each once.
func (r *reader) nodes(ctx context.Context, node cgraph.Ref, from quad.Direction, pred quad.Value, to quad.Direction) ([]cgraph.Ref, error) {
	var out []cgraph.Ref
	seen := map[any]bool{}
	err := r.links(ctx, node, from, pred, to, func(l link) error {
		if k := cgraph.ToKey(l.node); !seen[k] {
			seen[k] = true
			out = append(out, l.node)
		}
		return nil
	})
	return out, err
}

// indexedSubjects lists the subjects of the pred quads whose object is
// object, each once, as the index lists them: on leveldb without reading
// the quads, so it may list a subject whose quad was removed, which the
// caller must check (by reading the subject's quads). Elsewhere it is
// subjects.
func (r *reader) indexedSubjects(ctx context.Context, object cgraph.Ref, pred quad.Value) ([]cgraph.Ref, error) {
	if r.lvl != nil && r.db == nil {
		if out, done, err := r.lvl.indexedSubjects(object, r.ref(pred)); done {
			return out, err
		}
	}
	return r.subjects(ctx, object, pred)
}

// objects lists the objects of subject's pred quads, each once.
func (r *reader) objects(ctx context.Context, subject cgraph.Ref, pred quad.Value) ([]cgraph.Ref, error) {
	return r.nodes(ctx, subject, quad.Subject, pred, quad.Object)
}

// subjects lists the subjects of the pred quads whose object is object,
// each once.
func (r *reader) subjects(ctx context.Context, object cgraph.Ref, pred quad.Value) ([]cgraph.Ref, error) {
	return r.nodes(ctx, object, quad.Object, pred, quad.Subject)
}

// valuesOf returns the values of refs, in order, asking the store only for
// those not remembered yet, all in one call.
func (r *reader) valuesOf(ctx context.Context, refs []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	var missing []cgraph.Ref
	var at []int
	for i, ref := range refs {
		if ref == nil {
			continue
		}
		if v, ok := r.values[cgraph.ToKey(ref)]; ok {
			out[i] = v
			continue
		}
		missing = append(missing, ref)
		at = append(at, i)
	}
	if len(missing) == 0 {
		return out, nil
	}
	vals, err := r.readValues(ctx, missing)
	if err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	if len(r.values)+len(vals) > maxCachedValues {
		clear(r.values)
	}
	for i, v := range vals {
		out[at[i]] = v
		r.values[cgraph.ToKey(missing[i])] = v
	}
	return out, nil
}

// readValues asks the store for the values of refs.
func (r *reader) readValues(ctx context.Context, refs []cgraph.Ref) ([]quad.Value, error) {
	if r.db != nil {
		return r.valuesSQL(ctx, refs)
	}
	if r.lvl != nil {
		if vals, handled, err := r.lvl.values(ctx, refs); handled {
			return vals, err
		}
	}
	return cgraph.ValuesOf(ctx, r.qs, refs)
}

// warmValues reads, in one call, the values of the refs not in the cache,
// so that the look-ups of their parts that follow find them there; unless
// they are too many for the cache (a quarter of it), when the look-ups
// read them instead.
func (r *reader) warmValues(ctx context.Context, refs []cgraph.Ref) error {
	missing := notIn(r.values, refs)
	if len(missing) == 0 || len(missing) > maxCachedValues/4 {
		return nil
	}
	_, err := r.valuesOf(ctx, missing)
	return err
}

// strs returns the text of the literals among refs, in order, skipping
// nodes and empty strings.
func (r *reader) strs(ctx context.Context, refs []cgraph.Ref) ([]string, error) {
	vals, err := r.valuesOf(ctx, refs)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		if s, ok := LiteralText(v); ok && s != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// textsOnce returns, for each list of refs, the text of its literals (as
// strs does), reading all values in one call and keeping none: for values
// met once, such as the sentences of evidence, which would only crowd the
// cache.
func (r *reader) textsOnce(ctx context.Context, lists [][]cgraph.Ref) ([][]string, error) {
	var all []cgraph.Ref
	for _, l := range lists {
		all = append(all, l...)
	}
	out := make([][]string, len(lists))
	if len(all) == 0 {
		return out, nil
	}
	vals, err := r.readValues(ctx, all)
	if err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	for i, l := range lists {
		for _, v := range vals[:len(l)] {
			if s, ok := LiteralText(v); ok && s != "" {
				out[i] = append(out[i], s)
			}
		}
		vals = vals[len(l):]
	}
	return out, nil
}

// text returns the literal objects of subject's pred quads.
func (r *reader) text(ctx context.Context, subject cgraph.Ref, pred quad.Value) ([]string, error) {
	refs, err := r.objects(ctx, subject, pred)
	if err != nil {
		return nil, err
	}
	return r.strs(ctx, refs)
}

// iri returns the IRI of a node ref, or "" for a literal or a missing node.
func (r *reader) iri(ctx context.Context, ref cgraph.Ref) (quad.IRI, error) {
	vals, err := r.valuesOf(ctx, []cgraph.Ref{ref})
	if err != nil {
		return "", err
	}
	iri, _ := vals[0].(quad.IRI)
	return iri, nil
}

// LiteralText is the plain text of a literal value; false for a node.
func LiteralText(v quad.Value) (string, bool) {
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

// longestText picks the fullest of several values ("Walid al-Muallem"
// over "Walid Muallem"), the first in sort order among equals, so that
// the choice does not depend on the order the store returns them in.
func longestText(vals []string) string {
	best := ""
	for _, v := range vals {
		if len(v) > len(best) || (len(v) == len(best) && v < best) {
			best = v
		}
	}
	return best
}
