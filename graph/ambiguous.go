package graph

import (
	"context"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Doubt is a person kg kept apart from people they may be: a short form of
// a name ("Clinton", "Salman", "George Bush") that no single person fits
// (resolve.go), listed for a human to decide with kg alias.
type Doubt struct {
	Person     PersonRef
	Articles   int         // how many articles name them so
	Candidates []PersonRef // the people they may be, by name
	// Why says, for each candidate, why kg did not join them: "fits, as
	// does Bill Clinton", "offices differ: King, Crown Prince".
	Why []string
}

// Ambiguous calls fn with every person kg kept apart from people whose
// names they share, by name.
func (f *Facts) Ambiguous(ctx context.Context, fn func(*Doubt) error) error {
	id, err := f.identity(ctx)
	if err != nil {
		return err
	}
	all, err := f.r.subjects(ctx, f.r.ref(schema.ClassPerson), schema.Type)
	if err != nil {
		return err
	}
	var doubts []*Doubt
	err = chunks(all, 256, func(group []cgraph.Ref) error {
		var loose []cgraph.Ref
		names, err := f.allNames(ctx, group)
		if err != nil {
			return err
		}
		for i, p := range group {
			if id.joined(p) {
				continue
			}
			for _, n := range names[i] {
				parts := schema.AnalyseName(n)
				if parts.Short() || len(parts.Given) == 1 && !parts.Initials() {
					loose = append(loose, p)
					break
				}
			}
		}
		for _, p := range loose {
			d, err := f.doubt(ctx, id, p)
			if err != nil {
				return err
			}
			if d != nil {
				doubts = append(doubts, d)
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	sort.Slice(doubts, func(i, j int) bool {
		if doubts[i].Person.Name != doubts[j].Person.Name {
			return doubts[i].Person.Name < doubts[j].Person.Name
		}
		return doubts[i].Person.IRI < doubts[j].Person.IRI
	})
	for _, d := range doubts {
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}

// doubt looks at the people whose names p's short name is part of; nil
// when there are none.
func (f *Facts) doubt(ctx context.Context, id *identity, p cgraph.Ref) (*Doubt, error) {
	me, err := readCandidates(ctx, f.r, []cgraph.Ref{p})
	if err != nil || len(me) == 0 {
		return nil, err
	}
	c := me[0]
	var keys []string
	for _, parts := range c.parts {
		keys = append(keys, parts.Family)
	}
	refs, err := f.keyed(ctx, keys...)
	if err != nil {
		return nil, err
	}
	others, err := readCandidates(ctx, f.r, refs)
	if err != nil {
		return nil, err
	}
	type near struct {
		who PersonRef
		why string
	}
	var found []near
	seen := map[quad.IRI]bool{c.iri: true}
	for _, o := range others {
		if o.iri == c.iri || !sharesName(c, o) {
			continue
		}
		to, err := f.personRef(ctx, id.person(o.ref))
		if err != nil {
			return nil, err
		}
		if seen[to.IRI] {
			continue
		}
		seen[to.IRI] = true
		found = append(found, near{to, whyApart(c, o)})
	}
	if len(found) == 0 {
		return nil, nil
	}
	d := &Doubt{}
	if d.Person, err = f.personRef(ctx, p); err != nil {
		return nil, err
	}
	arts, err := f.r.subjects(ctx, p, schema.Mentions)
	if err != nil {
		return nil, err
	}
	d.Articles = len(arts)
	sort.Slice(found, func(i, j int) bool { return found[i].who.Name < found[j].who.Name })
	for _, n := range found {
		why := n.why
		if why == "" {
			var also []string
			for _, o := range found {
				if o.why == "" && o.who.IRI != n.who.IRI {
					also = append(also, o.who.Name)
				}
			}
			why = "fits; so does " + strings.Join(also, ", ")
			if len(also) == 0 {
				why = "fits" // joined on the next load or correction
			}
		}
		d.Candidates = append(d.Candidates, n.who)
		d.Why = append(d.Why, why)
	}
	return d, nil
}

// sharesName says whether c's short name is a form or a part of other's.
func sharesName(c, other *candidate) bool {
	for _, cp := range c.parts {
		for _, op := range other.parts {
			if len(op.Given) <= len(cp.Given) {
				continue
			}
			if schema.ShortForm(cp, op) || schema.RegnalForm(cp, op) {
				return true
			}
			if cp.Short() && (strings.HasSuffix(op.Family, "-"+cp.Family) || op.Family == cp.Family) {
				return true // "Salman" of "bin Salman"
			}
		}
	}
	return false
}

// whyApart says why kg does not take c for other ("" when it fits).
func whyApart(c, other *candidate) string {
	if c.apart[other.iri] || other.apart[c.iri] {
		return "kept apart by kg split"
	}
	named := false
	for _, cp := range c.parts {
		for _, op := range other.parts {
			named = named || (schema.ShortForm(cp, op) && !c.regnal) || (c.regnal && schema.RegnalForm(cp, op))
		}
	}
	var why []string
	if !named {
		why = append(why, "not a form of the name")
	}
	for _, a := range c.nats {
		for _, b := range other.nats {
			if !strings.EqualFold(a, b) {
				why = append(why, "nationalities differ: "+a+", "+b)
			}
		}
	}
	if len(other.titles) > 0 {
		for _, t := range c.titles {
			agree := false
			for _, o := range other.titles {
				agree = agree || schema.TitlesAgree(t.title, o.title)
			}
			if !agree {
				why = append(why, "offices differ: "+t.title+", "+titleList(other.titles))
			}
		}
	}
	if c.regnal && !other.regnal {
		why = append(why, "a "+titleList(c.titles)+" is called so, the other holds no such title")
	}
	if len(why) == 0 && !fits(c, other) {
		why = append(why, "does not fit")
	}
	return strings.Join(why, "; ")
}

func titleList(ts []title) string {
	var out []string
	for _, t := range ts {
		if t.title != "" && !containsString(out, t.title) {
			out = append(out, t.title)
		}
	}
	return strings.Join(out, ", ")
}

// DoubtsAbout lists the doubts that involve who: whether who is a short
// name kept apart from others, or a person others' short names may be.
func (f *Facts) DoubtsAbout(ctx context.Context, who quad.IRI) ([]*Doubt, error) {
	id, ref, err := f.identityOf(ctx, who)
	if err != nil || ref == nil {
		return nil, err
	}
	me, err := readCandidates(ctx, f.r, id.all(ref))
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, c := range me {
		for _, p := range c.parts {
			keys = append(keys, p.Family)
			if len(p.Given) > 0 {
				keys = append(keys, p.Given[0])
			}
		}
	}
	refs, err := f.keyed(ctx, keys...)
	if err != nil {
		return nil, err
	}
	var out []*Doubt
	for _, r := range appendRef(refs, ref) {
		if id.joined(r) {
			continue
		}
		d, err := f.doubt(ctx, id, r)
		if err != nil {
			return nil, err
		}
		if d == nil {
			continue
		}
		keep := d.Person.IRI == who
		for _, c := range d.Candidates {
			keep = keep || c.IRI == who
		}
		if keep {
			out = append(out, d)
		}
	}
	return out, nil
}
