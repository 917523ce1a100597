package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Short names. An article that names "Zarif" only, or "Javad Zarif", is
// stored with that person as it names them; kg joins such a short form to a
// person stored under a fuller name ("Mohammad Javad Zarif") only when
// exactly one person fits it, in its context:
//
//   - the names fit: the same family name, and no given name the fuller
//     name lacks (schema.ShortForm); a monarch's or prince's one name
//     fits the first given name of someone holding such a title
//     (schema.RegnalForm: "King Salman", "Crown Prince Mohammed");
//   - nothing the articles say of the two disagrees: not their
//     nationalities, and each office the short form is given agrees with
//     one of the other's (schema.TitlesAgree: a King is not a Crown
//     Prince);
//   - nobody split them apart (kg split, schema.DistinctFrom).
//
// When no one or several people fit, the short form stays a person of its
// own, and `kg query ambiguous` lists it for a human to decide. The join is
// one quad, "short kg:sameAs full", labelled schema.ResolverLabel, that kg
// rewrites whenever the people involved change: Resolve runs after every
// load batch and every correction, for the people it touched, so the result
// is the same whatever order, batches or processes the articles came in.

// Resolution counts what Resolve changed.
type Resolution struct {
	Joined, Unjoined int
}

// candidate is a person read for resolution.
type candidate struct {
	ref      cgraph.Ref
	iri      quad.IRI
	parts    []schema.NameParts // of the name and of every alias
	nats     []string
	titles   []title
	regnal   bool
	manual   bool         // joined by hand (kg alias): left as it is
	resolved []cgraph.Ref // the people kg joined it to: one, or none
	apart    map[quad.IRI]bool
}

type title struct{ title, of string }

// Resolve decides again whether short forms of the names of people (whose
// names, offices or nationality a write changed) join a fuller name, and
// whether fuller names of them change what their short forms join. It
// writes the joins that changed.
func (s *Store) Resolve(ctx context.Context, people []quad.IRI) (Resolution, error) {
	if len(people) == 0 {
		return Resolution{}, nil
	}
	release, err := s.lockIdentity(ctx)
	if err != nil {
		return Resolution{}, fmt.Errorf("resolve short names: %w", err)
	}
	defer release()
	return s.resolve(ctx, people)
}

// resolve is Resolve, in the turn of the caller (identitylock.go).
func (s *Store) resolve(ctx context.Context, people []quad.IRI) (Resolution, error) {
	var res Resolution
	if len(people) == 0 {
		return res, nil
	}
	f := s.Facts()
	r := f.r
	touched := f.refsOf(people)
	parts, err := nameParts(ctx, r, touched)
	if err != nil {
		return res, err
	}
	regnal, err := regnalTitled(ctx, r, touched)
	if err != nil {
		return res, err
	}
	// The groups to look at: the family names of the people touched and,
	// for those with a regnal title, their first given name.
	var keys []string
	for i := range touched {
		for _, p := range parts[i] {
			keys = append(keys, p.Family)
			if regnal[i] && len(p.Given) > 0 {
				keys = append(keys, p.Given[0])
			}
		}
	}
	refs, err := f.keyed(ctx, uniqueStrings(sortedCopy(keys))...)
	if err != nil {
		return res, err
	}
	// Of those, the ones whose names make one a shorter form of another:
	// nobody else can join or be joined. Most groups have none, and cost
	// one read of names.
	if refs, err = shortFormsAmong(ctx, r, refs); err != nil || len(refs) == 0 {
		return res, err
	}
	group, err := readCandidates(ctx, r, refs)
	if err != nil {
		return res, err
	}
	id, err := f.identity(ctx)
	if err != nil {
		return res, err
	}
	// The people joined to by hand or already, as the people they are.
	canon := map[quad.IRI]quad.IRI{}
	for _, c := range group {
		to, err := r.iri(ctx, id.person(c.ref))
		if err != nil {
			return res, err
		}
		canon[c.iri] = to
	}
	// Fuller short forms first, so that "Zarif" sees where "Javad Zarif"
	// went.
	order := append([]*candidate(nil), group...)
	sort.SliceStable(order, func(i, j int) bool {
		gi, gj := mostGiven(order[i]), mostGiven(order[j])
		if gi != gj {
			return gi > gj
		}
		return order[i].iri < order[j].iri
	})
	var add, remove []quad.Quad
	for _, c := range order {
		// A join kg made that is not the one it keeps goes: a second one
		// (two resolutions that raced, from a kg that let them), or any
		// beside a join made by hand, which always wins.
		var current quad.IRI
		for i, ref := range c.resolved {
			to, err := r.iri(ctx, ref)
			if err != nil {
				return res, err
			}
			if i == 0 && !c.manual {
				current = to
				continue
			}
			remove = append(remove, quad.Quad{Subject: c.iri, Predicate: schema.SameAs, Object: to, Label: schema.ResolverLabel})
			res.Unjoined++
			if c.manual {
				remove = append(remove, quad.Quad{Subject: schema.Identity, Predicate: schema.Joined, Object: c.iri, Label: schema.ResolverLabel})
			}
		}
		if c.manual {
			continue
		}
		target := soleFit(c, group, canon)
		if target == "" {
			canon[c.iri] = c.iri
		} else {
			canon[c.iri] = canon[target]
		}
		if target == current {
			continue
		}
		if current != "" {
			remove = append(remove, quad.Quad{Subject: c.iri, Predicate: schema.SameAs, Object: current, Label: schema.ResolverLabel})
			res.Unjoined++
		}
		if target != "" {
			add = append(add, quad.Quad{Subject: c.iri, Predicate: schema.SameAs, Object: target, Label: schema.ResolverLabel})
			res.Joined++
		}
		listed := quad.Quad{Subject: schema.Identity, Predicate: schema.Joined, Object: c.iri, Label: schema.ResolverLabel}
		switch {
		case current == "" && target != "":
			add = append(add, listed)
		case current != "" && target == "":
			remove = append(remove, listed)
		}
	}
	// Additions first, then removals, each one transaction: Cayley's
	// key-value stores miscount a node whose last quad one transaction
	// removes and another of its quads adds. Stopped between the two, a
	// person has two joins for a moment; the next Resolve removes one.
	if err := s.Write(ctx, add); err != nil {
		return res, fmt.Errorf("resolve short names: %w", err)
	}
	if len(remove) > 0 {
		if err := s.Remove(ctx, remove); err != nil {
			return res, fmt.Errorf("resolve short names: %w", err)
		}
	}
	return res, nil
}

// nameParts reads each person's names (kg:name) into their parts.
func nameParts(ctx context.Context, r *reader, refs []cgraph.Ref) ([][]schema.NameParts, error) {
	lists, err := r.objectsOfAll(ctx, refs, schema.Name)
	if err != nil {
		return nil, err
	}
	var all []cgraph.Ref
	for _, l := range lists {
		all = append(all, l...)
	}
	if _, err := r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	out := make([][]schema.NameParts, len(refs))
	for i := range refs {
		names, err := r.strs(ctx, lists[i])
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if p := schema.AnalyseName(n); p.Family != "" {
				out[i] = append(out[i], p)
			}
		}
	}
	return out, nil
}

// regnalTitled says of each person whether they hold a title a monarch or
// prince is called by with one name.
func regnalTitled(ctx context.Context, r *reader, refs []cgraph.Ref) ([]bool, error) {
	offices, err := r.objectsOfAll(ctx, refs, schema.Holds)
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(refs))
	for i, os := range offices {
		titles, err := r.objectsOfAll(ctx, os, schema.Title)
		if err != nil {
			return nil, err
		}
		for _, t := range titles {
			texts, err := r.strs(ctx, t)
			if err != nil {
				return nil, err
			}
			for _, text := range texts {
				out[i] = out[i] || schema.RegnalTitle(text)
			}
		}
	}
	return out, nil
}

// shortFormsAmong keeps the people whose names make them a shorter form
// of another of refs, or another a shorter form of them.
func shortFormsAmong(ctx context.Context, r *reader, refs []cgraph.Ref) ([]cgraph.Ref, error) {
	parts, err := nameParts(ctx, r, refs)
	if err != nil {
		return nil, err
	}
	// A shorter form shares its family name with the fuller one, or (a
	// regnal name) is its first given name: only those are compared.
	byFamily, byFirstGiven := map[string][]int{}, map[string][]int{}
	for j, ps := range parts {
		for _, p := range ps {
			byFamily[p.Family] = append(byFamily[p.Family], j)
			if len(p.Given) > 0 {
				byFirstGiven[p.Given[0]] = append(byFirstGiven[p.Given[0]], j)
			}
		}
	}
	keep := make([]bool, len(refs))
	for i, ps := range parts {
		for _, p := range ps {
			for _, j := range append(byFamily[p.Family], byFirstGiven[p.Family]...) {
				if i != j && anyShortForm(parts[i], parts[j]) {
					keep[i], keep[j] = true, true
				}
			}
		}
	}
	var out []cgraph.Ref
	for i, ref := range refs {
		if keep[i] {
			out = append(out, ref)
		}
	}
	return out, nil
}

// anyShortForm says whether a name of short may be a shorter form, or the
// regnal name, of a name of full, whatever their offices.
func anyShortForm(short, full []schema.NameParts) bool {
	for _, s := range short {
		for _, f := range full {
			if schema.ShortForm(s, f) || schema.RegnalForm(s, f) {
				return true
			}
		}
	}
	return false
}

func mostGiven(c *candidate) int {
	n := 0
	for _, p := range c.parts {
		n = max(n, len(p.Given))
	}
	return n
}

// soleFit returns the one person c can be a short form of, as the person
// they are now (canon), or "" when nobody or several people fit.
func soleFit(c *candidate, group []*candidate, canon map[quad.IRI]quad.IRI) quad.IRI {
	var found quad.IRI
	for _, other := range group {
		if other == c || !fits(c, other) {
			continue
		}
		to := canon[other.iri]
		if to == c.iri || canon[to] == c.iri {
			continue // already part of c
		}
		if c.apart[other.iri] || c.apart[to] || other.apart[c.iri] {
			continue
		}
		if found != "" && found != to {
			return ""
		}
		found = to
	}
	if found == "" {
		return ""
	}
	return found
}

// fits says whether c may be a shorter way of naming other, in what the
// articles say of both.
func fits(c, other *candidate) bool {
	named := false
	for _, cp := range c.parts {
		for _, op := range other.parts {
			if schema.ShortForm(cp, op) && !c.regnal {
				named = true
			}
			if c.regnal && other.regnal && schema.RegnalForm(cp, op) {
				named = true
			}
		}
	}
	if !named {
		return false
	}
	for _, a := range c.nats {
		for _, b := range other.nats {
			if !strings.EqualFold(a, b) {
				return false
			}
		}
	}
	if len(other.titles) == 0 {
		return true
	}
	for _, t := range c.titles {
		agree := false
		for _, o := range other.titles {
			if schema.TitlesAgree(t.title, o.title) && (t.of == "" || o.of == "" || strings.EqualFold(t.of, o.of)) {
				agree = true
				break
			}
		}
		if !agree {
			return false
		}
	}
	return true
}

// readCandidates reads what resolution needs of people: names, titles,
// nationality, joins and the people they were split from.
func readCandidates(ctx context.Context, r *reader, refs []cgraph.Ref) ([]*candidate, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	// A person is known by their names (kg:name, the fullest form an
	// article gives); their aliases are shorter forms already tied to
	// them, which must not make them a short form of someone else.
	preds := []quad.IRI{schema.Name, schema.Nationality, schema.Holds, schema.DistinctFrom}
	lists := make([][][]cgraph.Ref, len(preds))
	for k, p := range preds {
		var err error
		if lists[k], err = r.objectsOfAll(ctx, refs, p); err != nil {
			return nil, err
		}
	}
	var offices, all []cgraph.Ref
	for i := range refs {
		offices = append(offices, lists[2][i]...)
		for k := range lists {
			all = append(all, lists[k][i]...)
		}
	}
	var titles, ofs [][]cgraph.Ref
	var err error
	if titles, err = r.objectsOfAll(ctx, offices, schema.Title); err != nil {
		return nil, err
	}
	if ofs, err = r.objectsOfAll(ctx, offices, schema.Of); err != nil {
		return nil, err
	}
	for i := range offices {
		all = append(append(all, titles[i]...), ofs[i]...)
	}
	all = append(all, refs...)
	if _, err := r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	officeTitle := map[any]title{}
	for i, o := range offices {
		t, err := r.strs(ctx, titles[i])
		if err != nil {
			return nil, err
		}
		of, err := r.strs(ctx, ofs[i])
		if err != nil {
			return nil, err
		}
		officeTitle[cgraph.ToKey(o)] = title{longestText(t), longestText(of)}
	}
	out := make([]*candidate, 0, len(refs))
	for i, ref := range refs {
		iri, err := r.iri(ctx, ref)
		if err != nil {
			return nil, err
		}
		c := &candidate{ref: ref, iri: iri, apart: map[quad.IRI]bool{}}
		names, err := r.strs(ctx, lists[0][i])
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if p := schema.AnalyseName(n); p.Family != "" {
				c.parts = append(c.parts, p)
			}
		}
		if c.nats, err = r.strs(ctx, lists[1][i]); err != nil {
			return nil, err
		}
		for _, o := range lists[2][i] {
			t := officeTitle[cgraph.ToKey(o)]
			c.titles = append(c.titles, t)
			c.regnal = c.regnal || schema.RegnalTitle(t.title)
		}
		apart, err := r.valuesOf(ctx, lists[3][i])
		if err != nil {
			return nil, err
		}
		for _, v := range apart {
			if p, ok := v.(quad.IRI); ok {
				c.apart[p] = true
			}
		}
		err = r.links(ctx, ref, quad.Subject, schema.SameAs, quad.Object, func(l link) error {
			label, err := r.iri(ctx, l.label)
			if err != nil {
				return err
			}
			if label == schema.ResolverLabel {
				c.resolved = append(c.resolved, l.node)
			} else {
				c.manual = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// PeopleTouched lists the people whose descriptions (names, keys,
// nationality, offices) quads add: those whose short forms Resolve must
// look at again once the quads are written.
func PeopleTouched(quads []quad.Quad) []quad.IRI {
	var out []quad.IRI
	seen := map[quad.IRI]bool{}
	for _, q := range quads {
		switch q.Predicate {
		case schema.Name, schema.Alias, schema.Key, schema.Nationality, schema.Holds:
		default:
			continue
		}
		if p, ok := q.Subject.(quad.IRI); ok && strings.HasPrefix(string(p), personPrefix) && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
