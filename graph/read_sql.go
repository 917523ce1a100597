package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// On PostgreSQL every question Cayley's iterators ask is a statement and a
// round trip, and Cayley has no batched form of them (a list of nodes
// becomes one statement per node). The reader therefore asks Cayley's own
// tables (quads and nodes, keyed by Cayley's value hashes) directly, one
// statement for a whole batch of nodes: the quads of many subjects, the
// values of many nodes. The refs it makes are Cayley's (csql.NodeHash), so
// what it returns mixes freely with what Cayley's iterators return.

// sqlRef is Cayley's ref for the node stored under hash h.
func sqlRef(h []byte) (cgraph.Ref, error) {
	var ref csql.NodeHash
	if err := ref.Scan(h); err != nil {
		return nil, err
	}
	if !ref.Valid() {
		return nil, nil
	}
	return ref, nil
}

// sqlHash is the hash Cayley's tables key ref under.
func sqlHash(ref cgraph.Ref) ([]byte, bool) {
	h, ok := ref.(csql.NodeHash)
	if !ok || !h.Valid() {
		return nil, false
	}
	return append([]byte(nil), h.ValueHash[:]...), true
}

// linksSQL is links on PostgreSQL: one statement.
func (r *reader) linksSQL(ctx context.Context, node cgraph.Ref, from quad.Direction, p cgraph.Ref, to quad.Direction, fn func(link) error) error {
	nh, ok1 := sqlHash(node)
	ph, ok2 := sqlHash(p)
	if !ok1 || !ok2 {
		return nil
	}
	rows, err := r.db.QueryContext(ctx, fmt.Sprintf(
		`SELECT %s_hash, label_hash FROM quads WHERE %s_hash = $1 AND predicate_hash = $2`, to, from), nh, ph)
	if err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var other, label []byte
		if err := rows.Scan(&other, &label); err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		l, err := sqlLink(other, label)
		if err != nil {
			return err
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return rows.Err()
}

// linksSQLAll is linksOfAll on PostgreSQL: one statement for all nodes.
func (r *reader) linksSQLAll(ctx context.Context, nodes []cgraph.Ref, from quad.Direction, p cgraph.Ref, to quad.Direction, fn func(i int, l link) error) error {
	index, hashes := sqlIndex(nodes)
	ph, ok := sqlHash(p)
	if len(hashes) == 0 || !ok {
		return nil
	}
	rows, err := r.db.QueryContext(ctx, fmt.Sprintf(
		`SELECT %s_hash, %s_hash, label_hash FROM quads WHERE %s_hash = ANY($1) AND predicate_hash = $2`, from, to, from),
		pq.ByteaArray(hashes), ph)
	if err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var node, other, label []byte
		if err := rows.Scan(&node, &other, &label); err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		l, err := sqlLink(other, label)
		if err != nil {
			return err
		}
		for _, i := range index[string(node)] {
			if err := fn(i, l); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}

// sqlIndex maps the hash of each ref to its places in refs, and lists the
// distinct hashes.
func sqlIndex(refs []cgraph.Ref) (map[string][]int, [][]byte) {
	index := map[string][]int{}
	var hashes [][]byte
	for i, ref := range refs {
		h, ok := sqlHash(ref)
		if !ok {
			continue
		}
		if _, seen := index[string(h)]; !seen {
			hashes = append(hashes, h)
		}
		index[string(h)] = append(index[string(h)], i)
	}
	return index, hashes
}

func sqlLink(other, label []byte) (link, error) {
	var l link
	var err error
	if l.node, err = sqlRef(other); err != nil {
		return l, err
	}
	if len(label) > 0 {
		if l.label, err = sqlRef(label); err != nil {
			return l, err
		}
	}
	return l, nil
}

// outQuadsSQL is outQuads on PostgreSQL: one statement for all subjects.
func (r *reader) outQuadsSQL(ctx context.Context, subjects []cgraph.Ref, fn func(i int, q quadRefs) error) error {
	index, hashes := sqlIndex(subjects)
	if len(hashes) == 0 {
		return nil
	}
	rows, err := r.db.QueryContext(ctx,
		`SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE subject_hash = ANY($1)`,
		pq.ByteaArray(hashes))
	if err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var s, p, o, l []byte
		if err := rows.Scan(&s, &p, &o, &l); err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		var q quadRefs
		if q.pred, err = sqlRef(p); err != nil {
			return err
		}
		lk, err := sqlLink(o, l)
		if err != nil {
			return err
		}
		q.obj, q.label = lk.node, lk.label
		for _, i := range index[string(s)] {
			if err := fn(i, q); err != nil {
				return err
			}
		}
	}
	return rows.Err()
}

// unescapeNUL undoes Cayley's escaping of NUL bytes in stored strings,
// which PostgreSQL's text cannot hold.
func unescapeNUL(s string) string { return strings.ReplaceAll(s, `\x00`, "\x00") }

// valuesSQL reads the values of refs in one statement. Cayley stores IRIs,
// blank nodes and strings (plain, typed or with a language) in
// value_string; the rare other values are left to Cayley's NameOf.
func (r *reader) valuesSQL(ctx context.Context, refs []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	index, hashes := sqlIndex(refs)
	if len(hashes) == 0 {
		return out, nil
	}
	rows, err := r.db.QueryContext(ctx,
		`SELECT hash, value_string, datatype, language, iri, bnode FROM nodes WHERE hash = ANY($1)`,
		pq.ByteaArray(hashes))
	if err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h []byte
		var str, typ, lang sql.NullString
		var iri, bnode sql.NullBool
		if err := rows.Scan(&h, &str, &typ, &lang, &iri, &bnode); err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
		at := index[string(h)]
		if len(at) == 0 {
			continue
		}
		var v quad.Value
		switch {
		case !str.Valid:
			v = r.qs.NameOf(refs[at[0]])
		case iri.Bool:
			v = quad.IRI(str.String)
		case bnode.Bool:
			v = quad.BNode(str.String)
		case lang.Valid:
			v = quad.LangString{Value: quad.String(unescapeNUL(str.String)), Lang: lang.String}
		case typ.Valid:
			v = quad.TypedString{Value: quad.String(unescapeNUL(str.String)), Type: quad.IRI(typ.String)}
		default:
			v = quad.String(unescapeNUL(str.String))
		}
		for _, i := range at {
			out[i] = v
		}
	}
	return out, rows.Err()
}
