package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// personPrefix starts the IRI of every person node (schema.PersonIRI).
var personPrefix = strings.TrimSuffix(string(schema.PersonIRI("x")), "x")

// ErrNoPerson is returned when a name matches no person in the store.
var ErrNoPerson = errors.New("no person of that name in the store")

// AmbiguousNameError is returned when a name matches several people.
type AmbiguousNameError struct {
	Name   string
	People []PersonRef
}

func (e *AmbiguousNameError) Error() string {
	var names []string
	for _, p := range e.People {
		names = append(names, fmt.Sprintf("%s (%s)", p.Name, p.IRI))
	}
	return fmt.Sprintf("%q matches %d people: %s; give a fuller name", e.Name, len(e.People), strings.Join(names, ", "))
}

// PersonRef is a person node and its name.
type PersonRef struct {
	IRI  quad.IRI
	Name string
}

// FindPerson finds the person node a name stands for: the node of that
// name (schema.PersonIRI), else the one person indexed under the name's
// key (schema.PersonKey, so a surname alone or another spelling works),
// else the one person with that exact name or alias. A node merged away by
// Merge is followed to the person it was merged into, unless the merge was
// interrupted before the node's quads were removed. It returns
// ErrNoPerson or an *AmbiguousNameError when the name matches no person or
// several.
func (s *Store) FindPerson(ctx context.Context, name string) (PersonRef, error) {
	if strings.TrimSpace(name) == "" {
		return PersonRef{}, fmt.Errorf("find person: empty name")
	}
	// The node of the name itself: still a person (even one whose merge
	// was interrupted, so that running the merge again finishes it), or
	// merged into another.
	direct := schema.PersonIRI(name)
	if ok, err := s.isPerson(ctx, direct); err != nil || ok {
		return s.personRef(ctx, direct), err
	}
	if to, err := s.Canonical(ctx, direct); err != nil {
		return PersonRef{}, err
	} else if to != direct {
		if ok, err := s.isPerson(ctx, to); err != nil || ok {
			return s.personRef(ctx, to), err
		}
	}
	for _, lookup := range []struct {
		pred  quad.IRI
		value string
	}{
		{schema.Key, schema.PersonKey(name)},
		{schema.Name, name},
		{schema.Alias, name},
	} {
		found, err := s.subjectsWith(ctx, lookup.pred, quad.String(lookup.value))
		if err != nil {
			return PersonRef{}, err
		}
		var people []PersonRef
		seen := map[quad.IRI]bool{}
		for _, iri := range found {
			iri, err := s.Canonical(ctx, iri)
			if err != nil {
				return PersonRef{}, err
			}
			ok, err := s.isPerson(ctx, iri)
			if err != nil {
				return PersonRef{}, err
			}
			if ok && !seen[iri] {
				seen[iri] = true
				people = append(people, s.personRef(ctx, iri))
			}
		}
		switch {
		case len(people) == 1:
			return people[0], nil
		case len(people) > 1:
			sort.Slice(people, func(i, j int) bool { return people[i].Name < people[j].Name })
			return PersonRef{}, &AmbiguousNameError{Name: name, People: people}
		}
	}
	return PersonRef{}, fmt.Errorf("%q: %w", name, ErrNoPerson)
}

// Merge makes from and into one person, by hand: every quad with from as
// subject or object is rewritten with into in its place (same predicate,
// other end and label, so every fact keeps its source), and the originals
// are removed. from's names become aliases of into. Meetings and offices
// are identified by their people (schema.MeetingIRI, schema.OfficeIRI), so
// those of from are renamed as into's, and one that into already had
// becomes one node with the sources of both. A record "from kg:sameAs
// into" labelled schema.ManualLabel is kept so that later loads naming
// from can be sent to into (see Canonical and Redirect).
//
// moved is the number of stored quads rewritten; quads that become exact
// duplicates of ones into already had are stored once, and a "met" link
// between the two people themselves is dropped.
//
// The new quads and the sameAs record are written in one transaction and
// the old quads removed in a second: Cayley's key-value backends (bolt,
// leveldb) miscount references when one transaction both removes the last
// uses of a node and adds a quad naming it. Should the process stop
// between the two, no fact is lost (both copies are stored), and running
// the same merge again finishes it.
func (s *Store) Merge(ctx context.Context, from, into quad.IRI) (moved int, err error) {
	if from == into {
		return 0, fmt.Errorf("merge %s: it is already that person", from)
	}
	if to, err := s.Canonical(ctx, from); err != nil {
		return 0, err
	} else if to != from && to != into {
		return 0, fmt.Errorf("merge: %s was already merged into %s", from, to)
	}
	for _, iri := range []quad.IRI{from, into} {
		ok, err := s.isPerson(ctx, iri)
		if err != nil {
			return 0, err
		}
		if !ok {
			if to, err := s.Canonical(ctx, iri); err == nil && to != iri {
				return 0, fmt.Errorf("merge: %s was already merged into %s", iri, to)
			}
			return 0, fmt.Errorf("merge: %s is not a person in the store", iri)
		}
	}
	sameAs := quad.Quad{Subject: from, Predicate: schema.SameAs, Object: into, Label: schema.ManualLabel}
	var old []quad.Quad
	seen := map[quad.Quad]bool{}
	about, err := s.quadsAbout(ctx, from)
	if err != nil {
		return 0, err
	}
	// Meetings and offices of from: all their quads are needed to
	// recompute their identities.
	facts := map[quad.IRI]bool{}
	for _, q := range about {
		if q == sameAs {
			continue
		}
		seen[q] = true
		old = append(old, q)
		switch {
		case q.Object == from && (q.Predicate == schema.Participant || q.Predicate == schema.Holder):
			if iri, ok := q.Subject.(quad.IRI); ok {
				facts[iri] = true
			}
		case q.Subject == from && q.Predicate == schema.Holds:
			if iri, ok := q.Object.(quad.IRI); ok {
				facts[iri] = true
			}
		}
	}
	for _, node := range sortedIRIs(facts) {
		qs, err := s.quadsAbout(ctx, node)
		if err != nil {
			return 0, err
		}
		for _, q := range qs {
			if !seen[q] {
				seen[q] = true
				old = append(old, q)
			}
		}
	}
	rewritten := rewrite(old, map[quad.IRI]quad.IRI{from: into})
	keep := map[quad.Quad]bool{}
	for _, q := range rewritten {
		keep[q] = true
	}

	// Step 1: add what is new, and the sameAs record.
	stored := storedQuads{s: s, bySubject: map[quad.Value]map[quad.Quad]bool{}}
	add := cgraph.NewTransaction()
	for _, q := range append(rewritten, sameAs) {
		has, err := stored.has(ctx, q)
		if err != nil {
			return 0, err
		}
		if !has {
			add.AddQuad(q)
		}
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if err := s.w.ApplyTransaction(add); err != nil {
		return 0, fmt.Errorf("merge %s into %s: %w", from, into, err)
	}
	// Step 2: remove the originals.
	remove := cgraph.NewTransaction()
	for _, q := range old {
		if !keep[q] {
			remove.RemoveQuad(q)
			moved++
		}
	}
	if err := s.w.ApplyTransaction(remove); err != nil {
		return 0, fmt.Errorf("merge %s into %s: new quads written, old ones not removed (run the merge again to finish): %w", from, into, err)
	}
	return moved, nil
}

// storedQuads answers "is this quad stored?", reading each subject's quads
// once.
type storedQuads struct {
	s         *Store
	bySubject map[quad.Value]map[quad.Quad]bool
}

func (st storedQuads) has(ctx context.Context, q quad.Quad) (bool, error) {
	set, ok := st.bySubject[q.Subject]
	if !ok {
		qs, err := st.s.quadsWith(ctx, quad.Subject, q.Subject)
		if err != nil {
			return false, err
		}
		set = make(map[quad.Quad]bool, len(qs))
		for _, x := range qs {
			set[x] = true
		}
		st.bySubject[q.Subject] = set
	}
	return set[q], nil
}

func sortedIRIs(set map[quad.IRI]bool) []quad.IRI {
	out := make([]quad.IRI, 0, len(set))
	for iri := range set {
		out = append(out, iri)
	}
	slices.Sort(out)
	return out
}

// Canonical follows kg:sameAs records left by Merge from iri to the person
// it now stands for; an iri never merged is returned as it is.
func (s *Store) Canonical(ctx context.Context, iri quad.IRI) (quad.IRI, error) {
	visited := map[quad.IRI]bool{iri: true}
	for {
		qs, err := s.quadsWith(ctx, quad.Subject, iri)
		if err != nil {
			return "", err
		}
		next := iri
		for _, q := range qs {
			if o, ok := q.Object.(quad.IRI); ok && q.Predicate == schema.SameAs {
				next = o
				break
			}
		}
		if next == iri {
			return iri, nil
		}
		if visited[next] {
			return "", fmt.Errorf("canonical %s: kg:sameAs records form a loop through %s", iri, next)
		}
		visited[next] = true
		iri = next
	}
}

// Redirect prepares one article's quads (as schema.Quads makes them) for
// writing, so that they land on the people already stored:
//
//   - a person merged away by Merge (kg alias) is replaced by the person it
//     was merged into;
//   - a person named by one word only ("Rouhani"), not stored under that
//     name alone, is taken for the one person with that surname the store
//     or the quads hold under a fuller name ("Hassan Rouhani"); when there
//     are several ("Assad": Bashar and Hafez) or none, it stays as it is.
//
// Replacing follows the rules of Merge: the replaced person's names become
// aliases, and meetings and offices take the identities they have with the
// new person. Quads about nobody replaced come back unchanged, and when
// nobody is replaced the slice itself is returned.
func (s *Store) Redirect(ctx context.Context, quads []quad.Quad) ([]quad.Quad, error) {
	merged := s.qs.ValueOf(schema.SameAs) != nil // any merge at all?
	var persons []quad.IRI
	seen := map[quad.IRI]bool{}
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Object} {
			if p, ok := v.(quad.IRI); ok && strings.HasPrefix(string(p), personPrefix) && !seen[p] {
				seen[p] = true
				persons = append(persons, p)
			}
		}
	}
	people := map[quad.IRI]quad.IRI{}
	for _, p := range persons {
		to := p
		if merged {
			var err error
			if to, err = s.Canonical(ctx, p); err != nil {
				return nil, err
			}
		}
		if to == p && isOneWord(p) {
			full, err := s.soleFullName(ctx, p, persons)
			if err != nil {
				return nil, err
			}
			if full != "" {
				to = full
			}
		}
		if to != p {
			people[p] = to
		}
	}
	if len(people) == 0 {
		return quads, nil
	}
	return rewrite(quads, people), nil
}

// isOneWord says whether a person node is that of a one-word name: its key
// (schema.PersonKey) joins no words.
func isOneWord(p quad.IRI) bool {
	return !strings.Contains(strings.TrimPrefix(string(p), personPrefix), "-")
}

// soleFullName finds the one person with a fuller name whose surname is
// the one-word name of node p, among the people stored and those in batch;
// "" when there is none or more than one, or when p itself is stored as a
// person (a one-word name already in use keeps its node).
func (s *Store) soleFullName(ctx context.Context, p quad.IRI, batch []quad.IRI) (quad.IRI, error) {
	if ok, err := s.isPerson(ctx, p); err != nil || ok {
		return "", err
	}
	surname := strings.TrimPrefix(string(p), personPrefix)
	found := map[quad.IRI]bool{}
	for _, q := range batch {
		key := strings.TrimPrefix(string(q), personPrefix)
		if i := strings.LastIndexByte(key, '-'); i >= 0 && key[i+1:] == surname {
			found[q] = true
		}
	}
	stored, err := s.subjectsWith(ctx, schema.Key, quad.String(surname))
	if err != nil {
		return "", err
	}
	for _, q := range stored {
		q, err := s.Canonical(ctx, q)
		if err != nil {
			return "", err
		}
		if isOneWord(q) {
			continue
		}
		if ok, err := s.isPerson(ctx, q); err != nil {
			return "", err
		} else if ok {
			found[q] = true
		}
	}
	if len(found) != 1 {
		return "", nil
	}
	for q := range found {
		return q, nil
	}
	return "", nil
}

// rewrite replaces the people of quads as people says, renames the
// meetings and offices of those people to the identities schema gives
// them with the new people (computed from the quads given, which must hold
// every participant, date and kind of such a meeting and the holder,
// title, organisation and state of such an office), and turns the names of
// replaced people into aliases. A "met" link from a person to themself is
// dropped. Quads come back in their order, without duplicates.
func rewrite(quads []quad.Quad, people map[quad.IRI]quad.IRI) []quad.Quad {
	nodes := map[quad.IRI]quad.IRI{}
	for from, to := range people {
		nodes[from] = to
	}
	person := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			if to, ok := people[iri]; ok {
				return to
			}
		}
		return v
	}
	// Facts of the people replaced.
	type fact struct {
		participants                   map[quad.IRI]bool
		holder                         quad.IRI
		dates, kinds, titles, ofs, cur []string
		meeting, office, touched       bool
	}
	facts := map[quad.IRI]*fact{}
	get := func(v quad.Value) *fact {
		iri, ok := v.(quad.IRI)
		if !ok {
			return nil
		}
		f := facts[iri]
		if f == nil {
			f = &fact{participants: map[quad.IRI]bool{}}
			facts[iri] = f
		}
		return f
	}
	for _, q := range quads {
		f := (*fact)(nil)
		switch q.Predicate {
		case schema.Participant, schema.Holder, schema.Date, schema.Kind, schema.Title, schema.Of, schema.Current:
			f = get(q.Subject)
		case schema.Type:
			if q.Object == schema.ClassMeeting || q.Object == schema.ClassOffice {
				f = get(q.Subject)
			}
		}
		if f == nil {
			continue
		}
		str := func() string {
			if s, ok := q.Object.(quad.String); ok {
				return string(s)
			}
			return ""
		}
		switch q.Predicate {
		case schema.Type:
			f.meeting = f.meeting || q.Object == schema.ClassMeeting
			f.office = f.office || q.Object == schema.ClassOffice
		case schema.Participant:
			if p, ok := person(q.Object).(quad.IRI); ok {
				f.participants[p] = true
			}
			f.touched = f.touched || person(q.Object) != q.Object
		case schema.Holder:
			if p, ok := person(q.Object).(quad.IRI); ok {
				f.holder = p
			}
			f.touched = f.touched || person(q.Object) != q.Object
		case schema.Date:
			f.dates = appendNew(f.dates, str())
		case schema.Kind:
			f.kinds = appendNew(f.kinds, str())
		case schema.Title:
			// Office identities ignore the case of title and
			// organisation (schema.OfficeIRI).
			f.titles = appendNew(f.titles, strings.ToLower(str()))
		case schema.Of:
			f.ofs = appendNew(f.ofs, strings.ToLower(str()))
		case schema.Current:
			f.cur = appendNew(f.cur, str())
		}
	}
	for iri, f := range facts {
		if !f.touched {
			continue
		}
		switch {
		case f.meeting && len(f.dates) <= 1 && len(f.kinds) <= 1:
			var ps []quad.IRI
			for p := range f.participants {
				ps = append(ps, p)
			}
			nodes[iri] = schema.MeetingIRI(ps, first(f.dates), first(f.kinds))
		case f.office && f.holder != "" && len(f.titles) <= 1 && len(f.ofs) <= 1 && len(f.cur) <= 1:
			nodes[iri] = schema.OfficeIRI(f.holder, first(f.titles), first(f.ofs), first(f.cur) == "true")
		}
	}
	node := func(v quad.Value) quad.Value {
		if iri, ok := v.(quad.IRI); ok {
			if to, ok := nodes[iri]; ok {
				return to
			}
		}
		return v
	}
	out := make([]quad.Quad, 0, len(quads))
	seen := map[quad.Quad]bool{}
	for _, q := range quads {
		n := quad.Quad{Subject: node(q.Subject), Predicate: q.Predicate, Object: node(q.Object), Label: q.Label}
		if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == schema.Name {
			if _, replaced := people[iri]; replaced {
				n.Predicate = schema.Alias
			}
		}
		if n.Predicate == schema.Met && n.Subject == n.Object {
			continue
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func appendNew(xs []string, x string) []string {
	if x == "" {
		return xs
	}
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// first returns the smallest of xs, or "" when there is none.
func first(xs []string) string {
	if len(xs) == 0 {
		return ""
	}
	return slices.Min(xs)
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

// quadsAbout returns the stored quads with node as subject or object.
func (s *Store) quadsAbout(ctx context.Context, node quad.IRI) ([]quad.Quad, error) {
	subj, err := s.quadsWith(ctx, quad.Subject, node)
	if err != nil {
		return nil, err
	}
	obj, err := s.quadsWith(ctx, quad.Object, node)
	if err != nil {
		return nil, err
	}
	out := subj
	for _, q := range obj {
		if q.Subject != node { // a self-link was read already
			out = append(out, q)
		}
	}
	return out, nil
}

// subjectsWith returns the distinct subjects of quads "? pred value".
func (s *Store) subjectsWith(ctx context.Context, pred quad.IRI, value quad.Value) ([]quad.IRI, error) {
	qs, err := s.quadsWith(ctx, quad.Object, value)
	if err != nil {
		return nil, err
	}
	var out []quad.IRI
	seen := map[quad.IRI]bool{}
	for _, q := range qs {
		if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == pred && !seen[iri] {
			seen[iri] = true
			out = append(out, iri)
		}
	}
	return out, nil
}

// isPerson says whether iri is typed kg:Person in the store.
func (s *Store) isPerson(ctx context.Context, iri quad.IRI) (bool, error) {
	found, err := s.HasTriples(ctx, []quad.Quad{{Subject: iri, Predicate: schema.Type, Object: schema.ClassPerson}})
	if err != nil {
		return false, err
	}
	return found[0], nil
}

// personRef names a person node by its longest kg:name ("Walid al-Muallem"
// rather than "Walid Muallem"), or by its IRI when it has none.
func (s *Store) personRef(ctx context.Context, iri quad.IRI) PersonRef {
	ref := PersonRef{IRI: iri, Name: string(iri)}
	qs, _ := s.quadsWith(ctx, quad.Subject, iri)
	best := ""
	for _, q := range qs {
		if n, ok := q.Object.(quad.String); ok && q.Predicate == schema.Name && (len(n) > len(best) || len(n) == len(best) && string(n) < best) {
			best = string(n)
		}
	}
	if best != "" {
		ref.Name = best
	}
	return ref
}
