package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Finding people by name. A name someone types fits a person in one of
// three ways (schema.NameMatch): the whole name in any spelling kg treats
// as the same, the family name alone ("Rouhani", "Wang", "bin Salman",
// "von der Leyen"), or some words of the name in order ("Lula da Silva",
// "Gang", "George Bush"). The best way any person fits decides: people that
// fit by whole or family name are the answer, and only when there are none,
// people that fit by part. The store's kg:key index (schema.SearchKeys)
// finds the candidates; each is checked against its names. When the index
// finds nobody (a store written by an older kg indexes fewer keys), every
// name is read, which also gives the closest names to suggest.

// Found is what a name stands for.
type Found struct {
	People []PersonRef // the people the name fits, by name: several when it is ambiguous
	Match  schema.Match
	// Suggestions are the closest names when it fits nobody.
	Suggestions []PersonRef
}

// maxSuggestions is how many names "did you mean" offers.
const maxSuggestions = 3

// FindPeople returns the people a name stands for, sorted by name (see
// Lookup); none when it fits nobody.
func (f *Facts) FindPeople(ctx context.Context, name string) ([]PersonRef, error) {
	found, err := f.Lookup(ctx, name)
	return found.People, err
}

// FindPerson returns the one person a name stands for, or a
// *NoPersonError (with suggestions) or an *AmbiguousNameError (with the
// candidates and what tells them apart).
func (f *Facts) FindPerson(ctx context.Context, name string) (PersonRef, error) {
	found, err := f.Lookup(ctx, name)
	if err != nil {
		return PersonRef{}, err
	}
	switch len(found.People) {
	case 0:
		return PersonRef{}, &NoPersonError{Name: name, Suggestions: found.Suggestions}
	case 1:
		return found.People[0], nil
	}
	return PersonRef{}, f.ambiguous(ctx, name, found.People)
}

// ambiguous describes the people a name fits, for a human to choose.
func (f *Facts) ambiguous(ctx context.Context, name string, people []PersonRef) error {
	notes, err := f.WhoIs(ctx, people)
	if err != nil {
		notes = nil
	}
	return &AmbiguousNameError{Name: name, People: people, Notes: notes}
}

// WhoIs says in a few words who each person is, to tell apart the people
// one name fits: their first office, else their nationality, else, for a
// short name kg could not decide, that nobody knows who. The notes come in
// people's order; a note is "" when nothing is known.
func (f *Facts) WhoIs(ctx context.Context, people []PersonRef) ([]string, error) {
	var notes []string
	err := f.Profiles(ctx, people, false, func(p *Person) error {
		note := describePerson(p)
		if note == "" && schema.AnalyseName(p.Name).Short() {
			note = "named so alone, not known who (kg query ambiguous)"
		}
		notes = append(notes, note)
		return nil
	})
	return notes, err
}

// describePerson says in a few words who someone is: their first office,
// else their nationality.
func describePerson(p *Person) string {
	for _, r := range p.Roles {
		s := r.Title
		if r.Of != "" {
			s += " of " + r.Of
		}
		if !r.Current {
			s = "former " + s
		}
		return s
	}
	return p.Nationality
}

// Lookup finds the people a name stands for; an IRI (<kg:person/…>) names
// its node. People joined into another are answered as that person.
func (f *Facts) Lookup(ctx context.Context, name string) (Found, error) {
	name = strings.TrimSpace(name)
	id, err := f.identity(ctx)
	if err != nil {
		return Found{}, err
	}
	if iri, ok := personIRIArg(name); ok {
		ref, err := f.knownPerson(ctx, id, f.r.ref(iri))
		if err != nil || ref == nil {
			return Found{}, err
		}
		p, err := f.personRef(ctx, ref)
		return Found{People: []PersonRef{p}, Match: schema.WholeMatch}, err
	}
	if schema.PersonKey(name) == "" {
		return Found{}, nil
	}
	parts := schema.AnalyseName(name)
	// By whole or family name.
	cands, err := f.keyed(ctx, schema.PersonKey(name), parts.Family)
	if err != nil {
		return Found{}, err
	}
	if direct := f.r.ref(schema.PersonIRI(name)); direct != nil {
		cands = appendRef(cands, direct)
	}
	found, err := f.fitting(ctx, id, name, cands, schema.FamilyMatch)
	if err != nil || len(found.People) > 0 {
		return found, err
	}
	// By part: people indexed under every word asked for.
	var words []string
	for _, w := range schema.NameWords(name) {
		words = append(words, schema.Skeleton(w))
	}
	if cands, err = f.keyedAll(ctx, words); err != nil {
		return Found{}, err
	}
	if found, err = f.fitting(ctx, id, name, cands, schema.PartMatch); err != nil || len(found.People) > 0 {
		return found, err
	}
	if title, rest := schema.SplitTitle(name); rest != name {
		return f.titled(ctx, title, rest)
	}
	return f.scan(ctx, id, name)
}

// titled finds a name written with a title ("King Salman", "Foreign
// Minister Zarif"): the people the name stands for, and of those, the ones
// whose offices agree with the title when there are any.
func (f *Facts) titled(ctx context.Context, title, name string) (Found, error) {
	found, err := f.Lookup(ctx, name)
	if err != nil || title == "" || len(found.People) < 2 {
		return found, err
	}
	var kept []PersonRef
	err = f.Profiles(ctx, found.People, false, func(p *Person) error {
		for _, r := range p.Roles {
			if r.Title != "" && schema.TitlesAgree(title, r.Title) {
				kept = append(kept, p.PersonRef)
				break
			}
		}
		return nil
	})
	if err != nil || len(kept) == 0 {
		return found, err
	}
	found.People = kept
	return found, nil
}

// knownPerson returns the person ref stands for, following joins and
// kg:sameAs links left by older kg's merges; nil when it is no person.
func (f *Facts) knownPerson(ctx context.Context, id *identity, ref cgraph.Ref) (cgraph.Ref, error) {
	ref, err := f.canonical(ctx, ref)
	if err != nil || ref == nil {
		return nil, err
	}
	ref = id.person(ref)
	ok, err := f.isA(ctx, ref, schema.ClassPerson)
	if err != nil || !ok {
		return nil, err
	}
	return ref, nil
}

// keyed lists the people indexed under any of keys.
func (f *Facts) keyed(ctx context.Context, keys ...string) ([]cgraph.Ref, error) {
	var out []cgraph.Ref
	seen := map[any]bool{} // a common family name keys thousands of people
	for _, k := range uniqueStrings(keys) {
		if k == "" {
			continue
		}
		found, err := f.r.subjects(ctx, f.r.ref(quad.String(k)), schema.Key)
		if err != nil {
			return nil, err
		}
		for _, p := range found {
			if key := cgraph.ToKey(p); !seen[key] {
				seen[key] = true
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// keyedAll lists the people indexed under every one of keys.
func (f *Facts) keyedAll(ctx context.Context, keys []string) ([]cgraph.Ref, error) {
	var out []cgraph.Ref
	for i, k := range keys {
		found, err := f.keyed(ctx, k)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			out = found
			continue
		}
		in := map[any]bool{}
		for _, p := range found {
			in[cgraph.ToKey(p)] = true
		}
		kept := out[:0]
		for _, p := range out {
			if in[cgraph.ToKey(p)] {
				kept = append(kept, p)
			}
		}
		out = kept
		if len(out) == 0 {
			break
		}
	}
	return out, nil
}

// fitting keeps the candidates that fit name at least as well as least,
// keeps those that fit best, and answers them as the people they are part
// of.
func (f *Facts) fitting(ctx context.Context, id *identity, name string, cands []cgraph.Ref, least schema.Match) (Found, error) {
	if len(cands) == 0 {
		return Found{}, nil
	}
	names, err := f.allNames(ctx, cands)
	if err != nil {
		return Found{}, err
	}
	best := schema.NoMatch
	match := make([]schema.Match, len(cands))
	for i := range cands {
		for _, n := range names[i] {
			match[i] = max(match[i], schema.NameMatch(name, n))
		}
		// Whole and family name are one rank: "Clinton" is the
		// unresolved "Clinton" and both Clintons.
		if match[i] == schema.WholeMatch {
			match[i] = schema.FamilyMatch
		}
		if match[i] >= least {
			best = max(best, match[i])
		}
	}
	if best == schema.NoMatch {
		return Found{}, nil
	}
	var fits []cgraph.Ref
	for i, c := range cands {
		if match[i] == best {
			fits = append(fits, c)
		}
	}
	return f.found(ctx, id, fits, best)
}

// found answers the people fits stand for, each once, by name.
func (f *Facts) found(ctx context.Context, id *identity, fits []cgraph.Ref, match schema.Match) (Found, error) {
	var refs []cgraph.Ref
	for _, c := range fits {
		p, err := f.knownPerson(ctx, id, c)
		if err != nil {
			return Found{}, err
		}
		if p != nil {
			refs = appendRef(refs, p)
		}
	}
	people, err := f.people(ctx, refs)
	return Found{People: people, Match: match}, err
}

// allNames reads the names and aliases of each ref.
func (f *Facts) allNames(ctx context.Context, refs []cgraph.Ref) ([][]string, error) {
	var lists [2][][]cgraph.Ref
	for k, pred := range []quad.IRI{schema.Name, schema.Alias} {
		var err error
		if lists[k], err = f.r.objectsOfAll(ctx, refs, pred); err != nil {
			return nil, err
		}
	}
	var all []cgraph.Ref
	for k := range lists {
		for _, l := range lists[k] {
			all = append(all, l...)
		}
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	out := make([][]string, len(refs))
	for i := range refs {
		names, err := f.r.strs(ctx, append(append([]cgraph.Ref{}, lists[0][i]...), lists[1][i]...))
		if err != nil {
			return nil, err
		}
		out[i] = names
	}
	return out, nil
}

// scan reads every person's names: the people the name fits (in a store
// whose index lacks the key), or else the closest names.
func (f *Facts) scan(ctx context.Context, id *identity, name string) (Found, error) {
	all, err := f.r.subjects(ctx, f.r.ref(schema.ClassPerson), schema.Type)
	if err != nil {
		return Found{}, fmt.Errorf("read people: %w", err)
	}
	type near struct {
		ref  cgraph.Ref
		dist int
	}
	var fits []cgraph.Ref
	var close []near
	best := schema.NoMatch
	limit := max(1, len([]rune(name))/3)
	err = chunks(all, 512, func(group []cgraph.Ref) error {
		names, err := f.allNames(ctx, group)
		if err != nil {
			return err
		}
		for i, p := range group {
			m, d := schema.NoMatch, limit+1
			for _, n := range names[i] {
				m = max(m, schema.NameMatch(name, n))
				d = min(d, schema.NameDistance(name, n))
			}
			if m == schema.WholeMatch {
				m = schema.FamilyMatch
			}
			switch {
			case m > best:
				best, fits = m, []cgraph.Ref{p}
			case m == best && m != schema.NoMatch:
				fits = append(fits, p)
			}
			if d <= limit {
				close = append(close, near{p, d})
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return Found{}, err
	}
	if best != schema.NoMatch {
		return f.found(ctx, id, fits, best)
	}
	sort.SliceStable(close, func(i, j int) bool { return close[i].dist < close[j].dist })
	var refs []cgraph.Ref
	for _, c := range close {
		p := id.person(c.ref)
		if len(refs) < maxSuggestions {
			refs = appendRef(refs, p)
		}
	}
	sugg, err := f.people(ctx, refs)
	return Found{Suggestions: sugg}, err
}

// personIRIArg recognises a person given by node rather than by name.
func personIRIArg(s string) (quad.IRI, bool) {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	if strings.HasPrefix(s, personPrefix) {
		return quad.IRI(s), true
	}
	return "", false
}

// canonical follows kg:sameAs links that an older kg's merges left on a
// person whose quads they moved, to the person they were moved to.
func (f *Facts) canonical(ctx context.Context, p cgraph.Ref) (cgraph.Ref, error) {
	for range 32 { // a bound, against a loop of links
		if p == nil {
			return nil, nil
		}
		next, err := f.r.objects(ctx, p, schema.SameAs)
		if err != nil || len(next) == 0 {
			return p, err
		}
		p = next[0]
	}
	return p, nil
}

// ErrNoPerson is matched (errors.Is) by the error for a name that fits
// nobody.
var ErrNoPerson = errors.New("no person of that name in the store")

// NoPersonError says that a name fits nobody in the store, and which names
// come closest.
type NoPersonError struct {
	Name        string
	Suggestions []PersonRef
}

func (e *NoPersonError) Error() string {
	msg := fmt.Sprintf("no person called %q in the store", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + orList(names(e.Suggestions)) + "?"
	}
	return msg
}

func (e *NoPersonError) Is(target error) bool { return target == ErrNoPerson }

// AmbiguousNameError says that a name fits several people, who they are,
// and how to choose.
type AmbiguousNameError struct {
	Name   string
	People []PersonRef
	// Notes say who each is (an office, a nationality), in People's
	// order; empty when unknown.
	Notes []string
}

func (e *AmbiguousNameError) Error() string {
	var who []string
	for i, p := range e.People {
		s := p.Name
		if i < len(e.Notes) && e.Notes[i] != "" {
			s += ", " + e.Notes[i]
		}
		who = append(who, fmt.Sprintf("%s (%s)", s, string(p.IRI)))
	}
	return fmt.Sprintf("%q fits %d people: %s; give a fuller name, or the id in brackets", e.Name, len(e.People), strings.Join(who, "; "))
}

// orList joins names as "A, B or C", each quoted when it has a space.
func orList(xs []any) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	if len(parts) <= 1 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
