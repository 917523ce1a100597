package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Saying in a few words what a fact or a correction is, for the commands
// that make corrections (kg retract, kg corrections) and for kg serve's
// pages, which must say the same.

// Summary says in one line what a fact is: "meeting 2023-03-05 in Riyadh:
// Hamad bin Isa Al Khalifa, Salman", "office: Salman, King of Saudi
// Arabia", "event 2017-01-23: talks in Astana".
func (x Fact) Summary() string {
	switch {
	case x.Meeting != nil:
		m := x.Meeting
		s := m.Kind
		if m.Date != "" {
			s += " " + m.Date
		} else {
			s += " (undated)"
		}
		if m.Place != "" {
			s += " in " + m.Place
		}
		names := make([]string, len(m.People))
		for i, p := range m.People {
			names[i] = p.Name
		}
		return s + ": " + strings.Join(names, ", ")
	case x.Office != nil:
		return "office: " + x.Office.Holder.Name + ", " + x.Office.Role.Text()
	case x.Event != nil:
		e := x.Event
		what := e.Label
		if what == "" {
			what = e.Head
		}
		s := "event " + e.Date + ": " + what
		if e.Place != "" {
			s += " in " + e.Place
		}
		return s
	}
	return ""
}

// Retracted says whether kg retract took the fact out.
func (x Fact) Retracted() bool {
	switch {
	case x.Meeting != nil:
		return x.Meeting.Retracted
	case x.Office != nil:
		return x.Office.Retracted
	case x.Event != nil:
		return x.Event.Retracted
	}
	return false
}

// Text is a role as one line says it: "King of Saudi Arabia", with
// "(former)" after an office no longer held.
func (r Role) Text() string {
	s := r.Title
	if r.Of != "" {
		s += " of " + r.Of
	}
	if !r.Current {
		s += " (former)"
	}
	return s
}

// Retraction returns the retraction in force that took out any of nodes
// (a fact's nodes), the latest if several; ok is false when none does.
func (s *Store) Retraction(ctx context.Context, nodes []quad.IRI) (c Correction, ok bool, err error) {
	all, err := s.Corrections(ctx)
	if err != nil {
		return Correction{}, false, err
	}
	want := map[quad.IRI]bool{}
	for _, n := range nodes {
		want[n] = true
	}
	for i := len(all) - 1; i >= 0; i-- {
		c := all[i]
		if c.Action != schema.ActionRetract || c.UndoneBy != "" {
			continue
		}
		for _, t := range c.Target {
			if want[t] {
				return c, true, nil
			}
		}
	}
	return Correction{}, false, nil
}

// DescribeCorrection says in a few words what a correction does: "Hillary
// Clinton joined to Bill Clinton", "Zarif kept apart from Mohammad Javad
// Zarif", "retracts meeting/7cf2858ef95a, meeting 2023-03-05 in Riyadh:
// …", "undoes 20261202T180227Z-4c78d0".
func (f *Facts) DescribeCorrection(ctx context.Context, corr Correction) string {
	name := func(p quad.IRI) string {
		n, err := f.PersonName(ctx, p)
		if err != nil || n == "" {
			return string(p)
		}
		return n
	}
	switch corr.Action {
	case schema.ActionAlias:
		if len(corr.Target) == 1 {
			return fmt.Sprintf("%s joined to %s", name(corr.Target[0]), name(corr.Into))
		}
	case schema.ActionSplit:
		if len(corr.Target) == 1 {
			return fmt.Sprintf("%s kept apart from %s", name(corr.Target[0]), name(corr.Into))
		}
	case schema.ActionRetract:
		if len(corr.Target) > 0 {
			fact, err := f.Fact(ctx, corr.Target[0])
			if err != nil {
				return "retracts " + ShortFactID(corr.Target[0])
			}
			return "retracts " + ShortFactID(corr.Target[0]) + ", " + fact.Summary()
		}
	case schema.ActionUndo:
		return "undoes " + ShortID(corr.Undoes)
	}
	return corr.Action
}
