package explore

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Correction is a correction as the pages list it: what was done, by
// whom, when and why, and whether it still holds.
type Correction struct {
	ID     string `json:"id"`     // its short id, 20250102T150405Z-3fa2b1
	Action string `json:"action"` // alias, split, retract or undo
	What   string `json:"what"`   // in a few words, as kg corrections says it
	By     string `json:"by"`
	At     string `json:"at"` // RFC 3339, UTC, to the second
	Why    string `json:"why"`
	// Undoes is the correction an undo reverses (or the alias a split
	// reversed); UndoneBy the correction that reverses this one.
	Undoes   string `json:"undoes,omitempty"`
	UndoneBy string `json:"undoneBy,omitempty"`
	// InForce is set for a correction that holds and can be undone:
	// neither an undo nor undone.
	InForce bool `json:"inForce"`
	// Target and Into are the nodes it names: the person joined or split
	// and the other person, or the retracted fact's nodes.
	Target []string `json:"target"`
	Into   string   `json:"into,omitempty"`
}

// correction is c as the pages list it.
func correction(c graph.Correction, what string) Correction {
	out := Correction{ID: graph.ShortID(c.ID), Action: c.Action, What: what, By: c.By, At: c.At, Why: c.Why,
		Into: string(c.Into), Target: []string{},
		InForce: c.Action != schema.ActionUndo && c.UndoneBy == ""}
	if t, err := time.Parse(time.RFC3339Nano, c.At); err == nil {
		out.At = t.UTC().Format(time.RFC3339)
	}
	if c.Undoes != "" {
		out.Undoes = graph.ShortID(c.Undoes)
	}
	if c.UndoneBy != "" {
		out.UndoneBy = graph.ShortID(c.UndoneBy)
	}
	for _, t := range c.Target {
		out.Target = append(out.Target, string(t))
	}
	return out
}

// Corrections lists every correction, oldest first, each said in a few
// words.
func (e *Explorer) Corrections(ctx context.Context) ([]Correction, error) {
	all, err := e.store.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	facts := e.store.Facts()
	out := make([]Correction, len(all))
	for i, c := range all {
		out[i] = correction(c, facts.DescribeCorrection(ctx, c))
	}
	return out, nil
}

// Correction reads one correction, by its id or a unique start of it.
func (e *Explorer) Correction(ctx context.Context, id string) (Correction, error) {
	c, err := e.store.Correction(ctx, quad.IRI(id))
	if err != nil {
		return Correction{}, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	return correction(c, e.store.Facts().DescribeCorrection(ctx, c)), nil
}

// Joined is a person kg takes to be another: a short form of the name
// that kg resolved, or a person joined by kg alias (or by kg serve's
// merge).
type Joined struct {
	PersonRef
	// By is "kg" (a short form only this person fits), "alias" (a
	// correction, below) or "older" (an older kg's kg alias, which cannot
	// be undone).
	By         string      `json:"by"`
	Correction *Correction `json:"correction,omitempty"`
}

// joined lists how each of p's joined people came to be joined.
func (e *Explorer) joined(ctx context.Context, facts *graph.Facts, people []graph.PersonRef) ([]Joined, error) {
	out := []Joined{}
	for _, j := range people {
		by, _, err := facts.JoinedBy(ctx, j.IRI)
		if err != nil {
			return nil, err
		}
		item := Joined{PersonRef: PersonRef{ID: string(j.IRI), Name: j.Name}, By: "older"}
		switch {
		case by == schema.ResolverLabel:
			item.By = "kg"
		case by != "":
			if c, err := e.store.Correction(ctx, by); err == nil {
				item.By = "alias"
				corr := correction(c, "")
				item.Correction = &corr
			}
		}
		out = append(out, item)
	}
	return out, nil
}
