package graph

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Who is who is decided over the facts, not written into them. Every
// article's people are stored as the article names them ("Zarif",
// "Mohammad Javad Zarif"), and a person is joined to another by one quad,
// "A kg:sameAs B": written by hand (kg alias, labelled with its
// correction) or by kg itself when a short name can only be one person
// (resolve.go, labelled schema.ResolverLabel). Facts read through these
// links: A's meetings, offices, names and articles are B's, and a meeting
// reported once with A and once with B is one meeting with both reports.
// Undoing a join removes its one quad and nothing else, so nothing is ever
// lost, and the store does not depend on the order articles came in.
// kg retract marks a fact the same way (kg:retractedBy), and answers leave
// it out.
//
// Every joined person and retracted fact is also listed under the node
// schema.Identity, so a reader learns all of them in two look-ups.

// identity is the store's joins and retractions, as a reader sees them.
type identity struct {
	canon     map[any]cgraph.Ref   // joined person -> the person they are part of
	members   map[any][]cgraph.Ref // person -> the people joined into them
	retracted map[any]bool         // retracted facts
}

// identity returns the store's joins and retractions, read once.
func (f *Facts) identity(ctx context.Context) (*identity, error) {
	if f.id != nil {
		return f.id, nil
	}
	id, err := readIdentity(ctx, f.r)
	if err != nil {
		return nil, fmt.Errorf("read joins and retractions: %w", err)
	}
	f.id = id
	return id, nil
}

func readIdentity(ctx context.Context, r *reader) (*identity, error) {
	id := &identity{canon: map[any]cgraph.Ref{}, members: map[any][]cgraph.Ref{}, retracted: map[any]bool{}}
	hub := r.ref(schema.Identity)
	if hub == nil {
		return id, nil
	}
	joined, err := r.objects(ctx, hub, schema.Joined)
	if err != nil {
		return nil, err
	}
	targets, err := r.objectsOfAll(ctx, joined, schema.SameAs)
	if err != nil {
		return nil, err
	}
	next := map[any]cgraph.Ref{}
	for i, p := range joined {
		switch len(targets[i]) {
		case 0: // listed, but the join was undone
		case 1:
			next[cgraph.ToKey(p)] = targets[i][0]
		default:
			// Two joins of one person (two loaders racing): the
			// smallest IRI wins, the same on every read.
			t, err := smallestIRI(ctx, r, targets[i])
			if err != nil {
				return nil, err
			}
			next[cgraph.ToKey(p)] = t
		}
	}
	for _, p := range joined {
		k := cgraph.ToKey(p)
		if _, ok := next[k]; !ok {
			continue
		}
		to, ok := follow(next, p)
		if !ok {
			continue // a loop of joins: each stays themself
		}
		id.canon[k] = to
		tk := cgraph.ToKey(to)
		id.members[tk] = append(id.members[tk], p)
	}
	retracted, err := r.objects(ctx, hub, schema.Retracted)
	if err != nil {
		return nil, err
	}
	if len(retracted) > 0 {
		marks, err := r.objectsOfAll(ctx, retracted, schema.RetractedBy)
		if err != nil {
			return nil, err
		}
		for i, fact := range retracted {
			if len(marks[i]) > 0 {
				id.retracted[cgraph.ToKey(fact)] = true
			}
		}
	}
	return id, nil
}

// follow walks joins from p to the person at their end; false for a loop.
func follow(next map[any]cgraph.Ref, p cgraph.Ref) (cgraph.Ref, bool) {
	seen := map[any]bool{cgraph.ToKey(p): true}
	for {
		to, ok := next[cgraph.ToKey(p)]
		if !ok {
			return p, true
		}
		k := cgraph.ToKey(to)
		if seen[k] {
			return nil, false
		}
		seen[k] = true
		p = to
	}
}

func smallestIRI(ctx context.Context, r *reader, refs []cgraph.Ref) (cgraph.Ref, error) {
	vals, err := r.valuesOf(ctx, refs)
	if err != nil {
		return nil, err
	}
	best := -1
	for i, v := range vals {
		if best < 0 || quad.StringOf(v) < quad.StringOf(vals[best]) {
			best = i
		}
	}
	return refs[best], nil
}

// person is the person p is part of: p itself unless joined.
func (id *identity) person(p cgraph.Ref) cgraph.Ref {
	if to, ok := id.canon[cgraph.ToKey(p)]; ok {
		return to
	}
	return p
}

// joined reports whether p is joined into another person.
func (id *identity) joined(p cgraph.Ref) bool {
	_, ok := id.canon[cgraph.ToKey(p)]
	return ok
}

// all lists p and the people joined into p.
func (id *identity) all(p cgraph.Ref) []cgraph.Ref {
	return append([]cgraph.Ref{p}, id.members[cgraph.ToKey(p)]...)
}

// allOf lists people and those joined into them.
func (id *identity) allOf(people []cgraph.Ref) []cgraph.Ref {
	var out []cgraph.Ref
	for _, p := range people {
		out = append(out, id.all(p)...)
	}
	return out
}

// isRetracted reports whether a fact node was retracted.
func (id *identity) isRetracted(fact cgraph.Ref) bool {
	return id.retracted[cgraph.ToKey(fact)]
}

// people maps refs to the people they are part of, each once, in order.
func (id *identity) people(refs []cgraph.Ref) []cgraph.Ref {
	out := make([]cgraph.Ref, 0, len(refs))
	seen := make(map[any]bool, len(refs))
	for _, p := range refs {
		p = id.person(p)
		if k := cgraph.ToKey(p); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// Members lists the people joined into who (by kg alias, or short names
// kg resolved), by name.
func (f *Facts) Members(ctx context.Context, who quad.IRI) ([]PersonRef, error) {
	id, ref, err := f.identityOf(ctx, who)
	if err != nil || ref == nil {
		return nil, err
	}
	return f.people(ctx, id.members[cgraph.ToKey(ref)])
}

// identityOf returns the store's joins and who's ref (nil when the store
// has no such node).
func (f *Facts) identityOf(ctx context.Context, who quad.IRI) (*identity, cgraph.Ref, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, nil, err
	}
	return id, f.r.ref(who), nil
}

// PersonOf returns the person p is part of (p itself unless joined).
func (f *Facts) PersonOf(ctx context.Context, p quad.IRI) (PersonRef, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return PersonRef{}, err
	}
	ref := f.r.ref(p)
	if ref == nil {
		return PersonRef{IRI: p, Name: string(p)}, nil
	}
	return f.personRef(ctx, id.person(ref))
}

// personPrefix starts the IRI of every person node (schema.PersonIRI).
var personPrefix = strings.TrimSuffix(string(schema.PersonIRI("x")), "x")

// PersonRef is a person node and its name.
type PersonRef struct {
	IRI  quad.IRI
	Name string
}

// identityFormat marks a store whose every kg:sameAs is listed under
// schema.Identity. An older kg's kg alias wrote kg:sameAs without listing
// it; EnsureIdentity lists them once.
var identityFormat = quad.Quad{Subject: schema.Identity, Predicate: schema.Format, Object: quad.String("1")}

// EnsureIdentity makes sure every kg:sameAs of the store is listed under
// schema.Identity, as readers expect: in a store an older kg's kg alias
// wrote to, it reads every quad once to find them. A store that has none
// is only marked.
func (s *Store) EnsureIdentity(ctx context.Context) error {
	found, err := s.HasTriples(ctx, []quad.Quad{identityFormat})
	if err != nil {
		return err
	}
	if found[0] {
		return nil
	}
	add := []quad.Quad{identityFormat}
	if s.qs.ValueOf(schema.SameAs) != nil {
		it := s.qs.QuadsAllIterator()
		defer it.Close()
		for it.Next(ctx) {
			q := s.qs.Quad(it.Result())
			if q.Predicate == schema.SameAs {
				listed, _ := listedJoin(q)
				add = append(add, listed)
			}
		}
		if err := it.Err(); err != nil {
			return fmt.Errorf("list joins: %w", err)
		}
	}
	return s.Write(ctx, add)
}

// listedJoin is the Identity entry that goes with a kg:sameAs quad q (a
// restore of an older kg's dump adds it).
func listedJoin(q quad.Quad) (quad.Quad, bool) {
	if q.Predicate != schema.SameAs {
		return quad.Quad{}, false
	}
	return quad.Quad{Subject: schema.Identity, Predicate: schema.Joined, Object: q.Subject, Label: q.Label}, true
}

// JoinedBy says how person was joined to another: the correction (kg
// alias) or schema.ResolverLabel (kg resolved a short name), and to whom;
// "" when they are not joined.
func (f *Facts) JoinedBy(ctx context.Context, person quad.IRI) (by, into quad.IRI, err error) {
	ref := f.r.ref(person)
	if ref == nil {
		return "", "", nil
	}
	err = f.r.links(ctx, ref, quad.Subject, schema.SameAs, quad.Object, func(l link) error {
		if by != "" {
			return nil
		}
		if by, err = f.r.iri(ctx, l.label); err != nil {
			return err
		}
		into, err = f.r.iri(ctx, l.node)
		return err
	})
	return by, into, err
}

// PersonName is the name of a person node as stored (not of the person
// they are part of); "" when it has none.
func (f *Facts) PersonName(ctx context.Context, p quad.IRI) (string, error) {
	ref := f.r.ref(p)
	if ref == nil {
		return "", nil
	}
	return f.name(ctx, ref)
}
