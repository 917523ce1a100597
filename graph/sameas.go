package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Joins ("A kg:sameAs B", identity.go) lead from a person to the person
// they are part of. A loop of them (A into B, B into A) names no person:
// kg never writes one, since kg alias and the resolution of short names
// join only people joined to nobody, but one can arrive by restoring a dump
// made by hand or put together from several stores. Readers take each
// person of a loop as themself (identity.go); restore refuses a join that
// would close a loop (sameAsGraph); kg check lists the loops and the people
// joined to two others, and kg check --repair breaks them.

// LoopText writes a loop as A → B → A.
func LoopText(loop []quad.IRI) string {
	parts := make([]string, 0, len(loop)+1)
	for _, n := range loop {
		parts = append(parts, n.String())
	}
	if len(loop) > 0 {
		parts = append(parts, loop[0].String())
	}
	return strings.Join(parts, " → ")
}

// quadsWith returns the stored quads whose dir is v.
func (s *Store) quadsWith(ctx context.Context, dir quad.Direction, v quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(dir, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read quads of %s: %w", v, err)
	}
	return out, nil
}

// joinsOf returns the kg:sameAs quads from iri.
func (s *Store) joinsOf(ctx context.Context, iri quad.IRI) ([]quad.Quad, error) {
	qs, err := s.quadsWith(ctx, quad.Subject, iri)
	if err != nil {
		return nil, err
	}
	var out []quad.Quad
	for _, q := range qs {
		if _, ok := q.Object.(quad.IRI); ok && q.Predicate == schema.SameAs {
			out = append(out, q)
		}
	}
	return out, nil
}

// sameAsTargets returns the nodes iri is joined to, each once, in order;
// more than one only after a race of an older kg, or by hand.
func (s *Store) sameAsTargets(ctx context.Context, iri quad.IRI) ([]quad.IRI, error) {
	joins, err := s.joinsOf(ctx, iri)
	if err != nil {
		return nil, err
	}
	var out []quad.IRI
	for _, q := range joins {
		if o := q.Object.(quad.IRI); !containsIRI(out, o) {
			out = append(out, o)
		}
	}
	sortIRIs(out)
	return out, nil
}

func containsIRI(list []quad.IRI, x quad.IRI) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// sameAsEdges reads every join of the store, as from → into.
func (s *Store) sameAsEdges(ctx context.Context) (map[quad.IRI][]quad.IRI, error) {
	edges := map[quad.IRI][]quad.IRI{}
	if s.qs.ValueOf(schema.SameAs) == nil {
		return edges, nil
	}
	qs, err := s.quadsWith(ctx, quad.Predicate, schema.SameAs)
	if err != nil {
		return nil, err
	}
	for _, q := range qs {
		from, ok1 := q.Subject.(quad.IRI)
		into, ok2 := q.Object.(quad.IRI)
		if ok1 && ok2 && !containsIRI(edges[from], into) {
			edges[from] = append(edges[from], into)
		}
	}
	for _, v := range edges {
		sortIRIs(v)
	}
	return edges, nil
}

// SameAsLoops returns the loops of joins in the store, each once,
// starting from its smallest node.
func (s *Store) SameAsLoops(ctx context.Context) ([][]quad.IRI, error) {
	edges, err := s.sameAsEdges(ctx)
	if err != nil {
		return nil, err
	}
	return findLoops(edges), nil
}

// JoinedTwice returns the people joined to more than one person, with
// those they are joined to.
func (s *Store) JoinedTwice(ctx context.Context) (map[quad.IRI][]quad.IRI, error) {
	edges, err := s.sameAsEdges(ctx)
	if err != nil {
		return nil, err
	}
	out := map[quad.IRI][]quad.IRI{}
	for from, intos := range edges {
		if len(intos) > 1 {
			out[from] = intos
		}
	}
	return out, nil
}

// findLoops finds the cycles of a graph given as from → into lists by a
// depth-first search; a loop is reported once, rotated to start at its
// smallest node.
func findLoops(edges map[quad.IRI][]quad.IRI) [][]quad.IRI {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[quad.IRI]int{}
	seen := map[string]bool{}
	var loops [][]quad.IRI
	var path []quad.IRI
	var visit func(n quad.IRI)
	visit = func(n quad.IRI) {
		state[n] = onPath
		path = append(path, n)
		for _, next := range edges[n] {
			switch state[next] {
			case unseen:
				visit(next)
			case onPath:
				i := len(path) - 1
				for path[i] != next {
					i--
				}
				loop := rotateToSmallest(append([]quad.IRI(nil), path[i:]...))
				if key := LoopText(loop); !seen[key] {
					seen[key] = true
					loops = append(loops, loop)
				}
			}
		}
		path = path[:len(path)-1]
		state[n] = done
	}
	starts := make([]quad.IRI, 0, len(edges))
	for n := range edges {
		starts = append(starts, n)
	}
	sortIRIs(starts)
	for _, n := range starts {
		if state[n] == unseen {
			visit(n)
		}
	}
	return loops
}

func rotateToSmallest(loop []quad.IRI) []quad.IRI {
	k := 0
	for i, n := range loop {
		if n < loop[k] {
			k = i
		}
	}
	return append(loop[k:], loop[:k]...)
}

// BreakSameAsLoop breaks a loop found by SameAsLoops: the person of the
// loop the most quads name (the smallest IRI on a tie) is no longer joined
// to the others, who then lead to them. A join made by kg alias is undone
// as a correction of its own (by "kg check --repair"), so the store says
// why it went; one kg made, or of unknown origin, is removed. It returns
// the person kept and what was done, one line each.
func (s *Store) BreakSameAsLoop(ctx context.Context, loop []quad.IRI) (kept quad.IRI, done []string, err error) {
	if len(loop) == 0 {
		return "", nil, errors.New("break loop: no loop given")
	}
	best := -1
	for _, n := range loop {
		subj, err := s.quadsWith(ctx, quad.Subject, n)
		if err != nil {
			return "", nil, err
		}
		obj, err := s.quadsWith(ctx, quad.Object, n)
		if err != nil {
			return "", nil, err
		}
		if k := len(subj) + len(obj); k > best || k == best && n < kept {
			kept, best = n, k
		}
	}
	joins, err := s.joinsOf(ctx, kept)
	if err != nil {
		return "", nil, err
	}
	var remove []quad.Quad
	for _, q := range joins {
		if !containsIRI(loop, q.Object.(quad.IRI)) {
			continue
		}
		label, _ := q.Label.(quad.IRI)
		if c, err := s.Correction(ctx, label); err == nil && strings.HasPrefix(string(label), correctionPrefix) && c.UndoneBy == "" {
			undo, err := s.Undo(ctx, c.ID, Author{By: "kg check --repair", Why: "breaks the loop of joins " + LoopText(loop)})
			if err != nil {
				return kept, done, fmt.Errorf("break loop %s: %w", LoopText(loop), err)
			}
			done = append(done, fmt.Sprintf("undid %s %s (correction %s)", c.Action, ShortID(c.ID), ShortID(undo.ID)))
			continue
		}
		remove = append(remove, q, quad.Quad{Subject: schema.Identity, Predicate: schema.Joined, Object: kept, Label: q.Label})
		done = append(done, fmt.Sprintf("removed the join %s kg:sameAs %s", kept, q.Object))
	}
	if err := s.Remove(ctx, remove); err != nil {
		return kept, done, fmt.Errorf("break loop %s: %w", LoopText(loop), err)
	}
	return kept, done, nil
}

// sameAsGraph checks the joins a restore adds, against those stored and
// those it added before.
type sameAsGraph struct {
	s     *Store
	added map[quad.IRI][]quad.IRI
}

// add records q if it is a join, and refuses one that names something
// other than two nodes, joins a node to itself, or closes a loop.
func (g sameAsGraph) add(ctx context.Context, q quad.Quad) error {
	if q.Predicate != schema.SameAs {
		return nil
	}
	from, ok1 := q.Subject.(quad.IRI)
	into, ok2 := q.Object.(quad.IRI)
	if !ok1 || !ok2 {
		return fmt.Errorf("a kg:sameAs record must link two IRIs, not %s and %s", q.Subject, q.Object)
	}
	if from == into {
		return fmt.Errorf("this kg:sameAs record joins %s to itself", from)
	}
	// Follow every join from into: reaching from closes a loop.
	path := map[quad.IRI]quad.IRI{into: from}
	queue := []quad.IRI{into}
	for len(queue) > 0 {
		at := queue[0]
		queue = queue[1:]
		next, err := g.targets(ctx, at)
		if err != nil {
			return err
		}
		for _, n := range next {
			if n == from {
				chain := []quad.IRI{at}
				for p := at; p != into; {
					p = path[p]
					chain = append(chain, p)
				}
				loop := []quad.IRI{from}
				for i := len(chain) - 1; i >= 0; i-- {
					loop = append(loop, chain[i])
				}
				return fmt.Errorf("this kg:sameAs record would close a loop of joins: %s; not restored", LoopText(loop))
			}
			if _, seen := path[n]; !seen {
				path[n] = at
				queue = append(queue, n)
			}
		}
	}
	if !containsIRI(g.added[from], into) {
		g.added[from] = append(g.added[from], into)
	}
	return nil
}

func (g sameAsGraph) targets(ctx context.Context, n quad.IRI) ([]quad.IRI, error) {
	stored, err := g.s.sameAsTargets(ctx, n)
	if err != nil {
		return nil, err
	}
	return append(stored, g.added[n]...), nil
}
