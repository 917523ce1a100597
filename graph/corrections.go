package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Corrections are what a human tells kg it got wrong: two names that are
// one person (Alias), a join that is wrong (Split), a meeting, office or
// event that did not happen (Retract), and the undoing of any of these
// (Undo). Each is a dated statement in the graph, a node of class
// schema.ClassCorrection saying who made it, when and why, labelled
// schema.CorrectionsLabel; its effect is a few quads labelled with the
// correction itself (identity.go), never a change to what the articles
// said, so undoing it restores exactly what was there. Corrections name
// nodes by their IRIs, which depend on the facts alone, so they hold over
// any later load, of new articles or of the same ones again, and travel
// with kg dump and kg restore.

// Correction is one correction as stored.
type Correction struct {
	ID     quad.IRI
	Action string     // schema.ActionAlias, ActionSplit, ActionRetract or ActionUndo
	Target []quad.IRI // alias, split: the person; retract: the fact's nodes
	Into   quad.IRI   // alias: the person merged into; split: the person split from
	Undoes quad.IRI   // undo: the correction undone; split: the alias it reversed, if any
	By     string
	At     string // RFC 3339 with fractions of a second, UTC
	Why    string
	// UndoneBy is the undo that reverses this correction, if any.
	UndoneBy quad.IRI
}

// Author says who makes a correction and why.
type Author struct {
	By, Why string
	At      time.Time // zero: now
}

// ErrNoCorrection is matched by the error for an unknown correction.
var ErrNoCorrection = errors.New("no such correction")

// correctionPrefix starts the IRI of every correction.
const correctionPrefix = schema.NS + "correction/"

// newCorrection returns the node and the describing quads of a correction.
func newCorrection(c *Correction, who Author) []quad.Quad {
	at := who.At
	if at.IsZero() {
		at = time.Now()
	}
	at = at.UTC()
	var nonce [3]byte
	_, _ = rand.Read(nonce[:])
	c.ID = quad.IRI(correctionPrefix + at.Format("20060102T150405Z") + "-" + hex.EncodeToString(nonce[:]))
	c.At, c.By, c.Why = at.Format(time.RFC3339Nano), who.By, strings.TrimSpace(who.Why)
	l := schema.CorrectionsLabel
	qs := []quad.Quad{
		{Subject: c.ID, Predicate: schema.Type, Object: schema.ClassCorrection, Label: l},
		{Subject: c.ID, Predicate: schema.Action, Object: quad.String(c.Action), Label: l},
		{Subject: c.ID, Predicate: schema.At, Object: quad.String(c.At), Label: l},
	}
	for _, t := range c.Target {
		qs = append(qs, quad.Quad{Subject: c.ID, Predicate: schema.Target, Object: t, Label: l})
	}
	if c.Into != "" {
		qs = append(qs, quad.Quad{Subject: c.ID, Predicate: schema.Into, Object: c.Into, Label: l})
	}
	if c.Undoes != "" {
		qs = append(qs, quad.Quad{Subject: c.ID, Predicate: schema.Undoes, Object: c.Undoes, Label: l})
	}
	if c.By != "" {
		qs = append(qs, quad.Quad{Subject: c.ID, Predicate: schema.By, Object: quad.String(c.By), Label: l})
	}
	if c.Why != "" {
		qs = append(qs, quad.Quad{Subject: c.ID, Predicate: schema.Why, Object: quad.String(c.Why), Label: l})
	}
	return qs
}

// joinQuads are the effect of joining from into into, labelled label.
func joinQuads(from, into quad.IRI, label quad.IRI) []quad.Quad {
	return []quad.Quad{
		{Subject: from, Predicate: schema.SameAs, Object: into, Label: label},
		{Subject: schema.Identity, Predicate: schema.Joined, Object: from, Label: label},
	}
}

// effects are the quads that carry a correction's effect.
func effects(c Correction) []quad.Quad {
	switch c.Action {
	case schema.ActionAlias:
		if len(c.Target) == 1 {
			return joinQuads(c.Target[0], c.Into, c.ID)
		}
	case schema.ActionSplit:
		if len(c.Target) == 1 {
			return []quad.Quad{
				{Subject: c.Target[0], Predicate: schema.DistinctFrom, Object: c.Into, Label: c.ID},
				{Subject: c.Into, Predicate: schema.DistinctFrom, Object: c.Target[0], Label: c.ID},
			}
		}
	case schema.ActionRetract:
		var qs []quad.Quad
		for _, t := range c.Target {
			qs = append(qs,
				quad.Quad{Subject: t, Predicate: schema.RetractedBy, Object: c.ID, Label: c.ID},
				quad.Quad{Subject: schema.Identity, Predicate: schema.Retracted, Object: t, Label: c.ID})
		}
		return qs
	}
	return nil
}

// Alias joins from to into, by hand: from's meetings, offices, names and
// articles become into's in every answer and export. Both must be people
// not joined to anyone (use the person a name stands for). It returns the
// correction.
func (s *Store) Alias(ctx context.Context, from, into quad.IRI, who Author) (Correction, error) {
	release, err := s.lockIdentity(ctx)
	if err != nil {
		return Correction{}, fmt.Errorf("alias: %w", err)
	}
	defer release()
	if err := s.reconcile(ctx); err != nil {
		return Correction{}, err
	}
	f := s.Facts()
	for _, p := range []quad.IRI{from, into} {
		if err := f.mustBeOwnPerson(ctx, p); err != nil {
			return Correction{}, fmt.Errorf("alias: %w", err)
		}
	}
	if from == into {
		return Correction{}, fmt.Errorf("alias: %s and %s are one person already", from, into)
	}
	c := Correction{Action: schema.ActionAlias, Target: []quad.IRI{from}, Into: into}
	if err := s.record(ctx, newCorrection(&c, who), effects(c), nil); err != nil {
		return Correction{}, fmt.Errorf("alias: %w", err)
	}
	_, err = s.resolve(ctx, []quad.IRI{from, into})
	return c, err
}

// mustBeOwnPerson checks that p is a person joined to nobody.
func (f *Facts) mustBeOwnPerson(ctx context.Context, p quad.IRI) error {
	id, err := f.identity(ctx)
	if err != nil {
		return err
	}
	ref := f.r.ref(p)
	if ref == nil {
		return fmt.Errorf("%s is not in the store", p)
	}
	if ok, err := f.isA(ctx, ref, schema.ClassPerson); err != nil {
		return err
	} else if !ok {
		return fmt.Errorf("%s is not a person", p)
	}
	if id.joined(ref) {
		to, err := f.personRef(ctx, id.person(ref))
		if err != nil {
			return err
		}
		return fmt.Errorf("%s is part of %s (%s) already", p, to.Name, to.IRI)
	}
	return nil
}

// Split undoes the join of person to the person they are part of (made by
// kg alias or by kg itself) and keeps the two apart: kg will not join them
// again on its own. It returns the correction.
func (s *Store) Split(ctx context.Context, person quad.IRI, who Author) (Correction, error) {
	release, err := s.lockIdentity(ctx)
	if err != nil {
		return Correction{}, fmt.Errorf("split: %w", err)
	}
	defer release()
	if err := s.reconcile(ctx); err != nil {
		return Correction{}, err
	}
	f := s.Facts()
	ref := f.r.ref(person)
	if ref == nil {
		return Correction{}, fmt.Errorf("split: %s is not in the store", person)
	}
	var joins []link
	err = f.r.links(ctx, ref, quad.Subject, schema.SameAs, quad.Object, func(l link) error {
		joins = append(joins, l)
		return nil
	})
	if err != nil {
		return Correction{}, fmt.Errorf("split: %w", err)
	}
	if len(joins) == 0 {
		return Correction{}, fmt.Errorf("split: %s is not joined to anyone", person)
	}
	into, err := f.r.iri(ctx, joins[0].node)
	if err != nil {
		return Correction{}, err
	}
	c := Correction{Action: schema.ActionSplit, Target: []quad.IRI{person}, Into: into}
	var remove []quad.Quad
	for _, j := range joins {
		to, err := f.r.iri(ctx, j.node)
		if err != nil {
			return Correction{}, err
		}
		label, err := f.r.iri(ctx, j.label)
		if err != nil {
			return Correction{}, err
		}
		remove = append(remove, joinQuads(person, to, label)...)
		if strings.HasPrefix(string(label), correctionPrefix) {
			c.Undoes = label // the alias this split reverses
		}
	}
	if err := s.record(ctx, newCorrection(&c, who), effects(c), remove); err != nil {
		return Correction{}, fmt.Errorf("split: %w", err)
	}
	_, err = s.resolve(ctx, []quad.IRI{person, into})
	return c, err
}

// Retract takes a fact out of answers and exports: every node of it
// (nodes, as Meeting.Nodes, Office.Nodes or an Event's Node give them).
// What the articles said stays stored.
func (s *Store) Retract(ctx context.Context, nodes []quad.IRI, who Author) (Correction, error) {
	release, err := s.lockIdentity(ctx)
	if err != nil {
		return Correction{}, fmt.Errorf("retract: %w", err)
	}
	defer release()
	if len(nodes) == 0 {
		return Correction{}, errors.New("retract: no fact given")
	}
	if err := s.reconcile(ctx); err != nil {
		return Correction{}, err
	}
	f := s.Facts()
	for _, n := range nodes {
		if !isFactIRI(n) {
			return Correction{}, fmt.Errorf("retract: %s is not a meeting, an office or an event", n)
		}
		if f.r.ref(n) == nil {
			return Correction{}, fmt.Errorf("retract: %s is not in the store", n)
		}
	}
	c := Correction{Action: schema.ActionRetract, Target: nodes}
	if err := s.record(ctx, newCorrection(&c, who), effects(c), nil); err != nil {
		return Correction{}, fmt.Errorf("retract: %w", err)
	}
	return c, nil
}

// record stores a correction (its describing quads) and makes its effect:
// adds, then removes. The description is written with the additions, in
// one transaction; the removals follow in a second, because Cayley's
// key-value stores miscount a node whose last quad one transaction removes
// while it adds another naming it. Should kg stop between the two, the
// corrections say what the store must hold, and Reconcile (run before
// every correction and load) finishes the work.
func (s *Store) record(ctx context.Context, described, add, remove []quad.Quad) error {
	if err := s.Write(ctx, append(described, add...)); err != nil {
		return err
	}
	if len(remove) == 0 {
		return nil
	}
	return s.Remove(ctx, remove)
}

// Reconcile makes the store hold the effects of the corrections in force
// and none of those undone, finishing a correction that was stopped half
// way. It is cheap: a few quads a correction.
func (s *Store) Reconcile(ctx context.Context) error {
	release, err := s.lockIdentity(ctx)
	if err != nil {
		return fmt.Errorf("finish corrections: %w", err)
	}
	defer release()
	return s.reconcile(ctx)
}

// reconcile is Reconcile, in the turn of the caller.
func (s *Store) reconcile(ctx context.Context) error {
	add, remove, err := s.Unfinished(ctx)
	if err != nil || len(add) == 0 && len(remove) == 0 {
		return err
	}
	if err := s.Write(ctx, add); err != nil {
		return fmt.Errorf("finish corrections: %w", err)
	}
	if len(remove) > 0 {
		if err := s.Remove(ctx, remove); err != nil {
			return fmt.Errorf("finish corrections: %w", err)
		}
	}
	return nil
}

// Unfinished returns what the store lacks of the effects of the
// corrections in force (add) and still holds of those undone (remove):
// nothing, unless a correction was stopped between its two transactions.
func (s *Store) Unfinished(ctx context.Context) (add, remove []quad.Quad, err error) {
	all, err := s.Corrections(ctx)
	if err != nil || len(all) == 0 {
		return nil, nil, err
	}
	var want, unwanted []quad.Quad
	for _, c := range all {
		if c.Action == schema.ActionUndo {
			continue
		}
		if c.UndoneBy == "" {
			want = append(want, effects(c)...)
		} else {
			unwanted = append(unwanted, effects(c)...)
		}
	}
	present, err := s.hasQuads(ctx, append(append([]quad.Quad{}, want...), unwanted...))
	if err != nil {
		return nil, nil, err
	}
	for i, q := range want {
		if !present[i] {
			add = append(add, q)
		}
	}
	for i, q := range unwanted {
		if present[len(want)+i] {
			remove = append(remove, q)
		}
	}
	return add, remove, nil
}

// hasQuads reports, for each quad, whether the store holds it, label
// included.
func (s *Store) hasQuads(ctx context.Context, quads []quad.Quad) ([]bool, error) {
	found := make([]bool, len(quads))
	bySubject := map[quad.Value]map[quad.Quad]bool{}
	f := s.Facts()
	for i, q := range quads {
		set, ok := bySubject[q.Subject]
		if !ok {
			set = map[quad.Quad]bool{}
			err := f.r.outQuads(ctx, []cgraph.Ref{f.r.ref(q.Subject)}, nil, func(_ int, qr quadRefs) error {
				vals, err := f.r.valuesOf(ctx, []cgraph.Ref{qr.pred, qr.obj, qr.label})
				if err != nil {
					return err
				}
				set[quad.Quad{Subject: q.Subject, Predicate: vals[0], Object: vals[1], Label: vals[2]}] = true
				return nil
			})
			if err != nil {
				return nil, err
			}
			bySubject[q.Subject] = set
		}
		found[i] = set[q]
	}
	return found, nil
}

// isFactIRI reports whether iri is a meeting, office or event node.
func isFactIRI(iri quad.IRI) bool {
	for _, p := range []string{meetingPrefix, eventPrefix, officePrefix} {
		if strings.HasPrefix(string(iri), p) {
			return true
		}
	}
	return false
}

const officePrefix = schema.NS + "office/"

// Undo reverses a correction: its effect quads go, and a split's reversed
// alias comes back. The undo is a correction of its own.
func (s *Store) Undo(ctx context.Context, id quad.IRI, who Author) (Correction, error) {
	release, err := s.lockIdentity(ctx)
	if err != nil {
		return Correction{}, fmt.Errorf("undo: %w", err)
	}
	defer release()
	if err := s.reconcile(ctx); err != nil {
		return Correction{}, err
	}
	target, err := s.Correction(ctx, id)
	if err != nil {
		return Correction{}, fmt.Errorf("undo: %w", err)
	}
	if target.Action == schema.ActionUndo {
		return Correction{}, fmt.Errorf("undo: %s is an undo; make the correction again instead", id)
	}
	if target.UndoneBy != "" {
		return Correction{}, fmt.Errorf("undo: %s was undone already by %s", id, target.UndoneBy)
	}
	c := Correction{Action: schema.ActionUndo, Undoes: id, Target: target.Target, Into: target.Into}
	var add []quad.Quad
	remove := effects(target)
	touched := append(append([]quad.IRI{}, target.Target...), target.Into)
	if target.Action == schema.ActionSplit && target.Undoes != "" {
		// The split reversed an alias: it comes back, unless undone since.
		alias, err := s.Correction(ctx, target.Undoes)
		if err == nil && (alias.UndoneBy == "" || alias.UndoneBy == target.ID) {
			add = append(add, effects(alias)...)
		}
	}
	if err := s.record(ctx, newCorrection(&c, who), add, remove); err != nil {
		return Correction{}, fmt.Errorf("undo: %w", err)
	}
	if target.Action != schema.ActionRetract {
		if _, err := s.resolve(ctx, touched); err != nil {
			return c, err
		}
	}
	return c, nil
}

// Corrections lists every correction, oldest first.
func (s *Store) Corrections(ctx context.Context) ([]Correction, error) {
	f := s.Facts()
	refs, err := f.r.subjects(ctx, f.r.ref(schema.ClassCorrection), schema.Type)
	if err != nil {
		return nil, fmt.Errorf("read corrections: %w", err)
	}
	out, err := f.readCorrections(ctx, refs)
	if err != nil {
		return nil, err
	}
	// Undone: by an undo, or (an alias) by a split that stands.
	undone := map[quad.IRI]quad.IRI{}
	for _, c := range out {
		if c.Action == schema.ActionUndo {
			undone[c.Undoes] = c.ID
		}
	}
	for _, c := range out {
		if c.Action == schema.ActionSplit && c.Undoes != "" && undone[c.ID] == "" && undone[c.Undoes] == "" {
			undone[c.Undoes] = c.ID
		}
	}
	for i := range out {
		out[i].UndoneBy = undone[out[i].ID]
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].At != out[j].At {
			return out[i].At < out[j].At
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Correction returns one correction, given by its IRI or the unique start
// of its id (20250102T1504).
func (s *Store) Correction(ctx context.Context, id quad.IRI) (Correction, error) {
	all, err := s.Corrections(ctx)
	if err != nil {
		return Correction{}, err
	}
	want := strings.TrimSuffix(strings.TrimPrefix(string(id), "<"), ">")
	want = strings.TrimPrefix(strings.TrimPrefix(want, correctionPrefix), "correction/")
	var found []Correction
	for _, c := range all {
		short := strings.TrimPrefix(string(c.ID), correctionPrefix)
		if short == want {
			return c, nil
		}
		if want != "" && strings.HasPrefix(short, want) {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return Correction{}, fmt.Errorf("%w %q (kg corrections lists them)", ErrNoCorrection, id)
	case 1:
		return found[0], nil
	}
	return Correction{}, fmt.Errorf("%q starts %d corrections' ids; give more of it", id, len(found))
}

// readCorrections reads correction nodes.
func (f *Facts) readCorrections(ctx context.Context, refs []cgraph.Ref) ([]Correction, error) {
	const (
		action = iota
		target
		into
		undoes
		by
		at
		why
	)
	preds := []quad.IRI{schema.Action, schema.Target, schema.Into, schema.Undoes, schema.By, schema.At, schema.Why}
	found, err := f.gather(ctx, refs, preds, action, target, into, undoes, by, at, why)
	if err != nil {
		return nil, err
	}
	if _, err := f.r.valuesOf(ctx, refs); err != nil {
		return nil, err
	}
	out := make([]Correction, len(refs))
	for i, ref := range refs {
		c := &out[i]
		if c.ID, err = f.r.iri(ctx, ref); err != nil {
			return nil, err
		}
		text := func(k int) string {
			vals, _ := f.r.strs(ctx, found[i][k])
			return longestText(vals)
		}
		iris := func(k int) []quad.IRI {
			vals, _ := f.r.valuesOf(ctx, found[i][k])
			var out []quad.IRI
			for _, v := range vals {
				if iri, ok := v.(quad.IRI); ok {
					out = append(out, iri)
				}
			}
			sortIRIs(out)
			return out
		}
		c.Action, c.By, c.At, c.Why = text(action), text(by), text(at), text(why)
		c.Target = iris(target)
		if xs := iris(into); len(xs) > 0 {
			c.Into = xs[0]
		}
		if xs := iris(undoes); len(xs) > 0 {
			c.Undoes = xs[0]
		}
	}
	return out, nil
}

// ShortID is the part of a correction's IRI that names it in messages
// (20250102T150405Z-3fa2b1).
func ShortID(id quad.IRI) string {
	return strings.TrimPrefix(string(id), correctionPrefix)
}
