package graph

import (
	"context"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// One fact at a time, by its node: what kg show prints and kg retract
// takes out. Answers name a fact by a short id, its node's IRI without
// "kg:" and cut after shortHash characters of the hash
// ("meeting/5f0c2c1a9d8e"); any unique start of it, or the whole IRI,
// finds it again.

// shortHash is how many characters of a fact's hash a short id keeps.
const shortHash = 12

// ShortFactID is the short id of a fact node.
func ShortFactID(iri quad.IRI) string {
	s := strings.TrimPrefix(string(iri), schema.NS)
	if i := strings.IndexByte(s, '/'); i >= 0 && len(s) > i+1+shortHash {
		s = s[:i+1+shortHash]
	}
	return s
}

// factClasses are the classes of fact nodes, by the prefix of their IRIs.
var factClasses = map[string]quad.IRI{meetingPrefix: schema.ClassMeeting, officePrefix: schema.ClassOffice, eventPrefix: schema.ClassEvent}

// FindFact returns the fact node an id names: the IRI (with or without
// "kg:" and angle brackets) or a unique start of it.
func (f *Facts) FindFact(ctx context.Context, id string) (quad.IRI, error) {
	want := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
	if !strings.HasPrefix(want, schema.NS) {
		want = schema.NS + want
	}
	var class quad.IRI
	for prefix, c := range factClasses {
		if strings.HasPrefix(want, prefix) {
			class = c
		}
	}
	if class == "" {
		return "", fmt.Errorf("%q is not the id of a meeting, office or event (ids look like meeting/5f0c2c1a9d8e; kg query shows them)", id)
	}
	if f.r.ref(quad.IRI(want)) != nil {
		return quad.IRI(want), nil
	}
	if len(want) < len(schema.NS)+len("meeting/")+6 {
		return "", fmt.Errorf("%q: give at least 6 characters after the /", id)
	}
	nodes, err := f.r.subjects(ctx, f.r.ref(class), schema.Type)
	if err != nil {
		return "", err
	}
	vals, err := f.r.valuesOf(ctx, nodes)
	if err != nil {
		return "", err
	}
	var found []quad.IRI
	for _, v := range vals {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), want) {
			found = append(found, iri)
		}
	}
	switch len(found) {
	case 0:
		return "", fmt.Errorf("no fact with id %q in the store", id)
	case 1:
		return found[0], nil
	}
	sortIRIs(found)
	return "", fmt.Errorf("%q starts the ids of %d facts: %s; give more of it", id, len(found), joinIRIs(found))
}

func joinIRIs(iris []quad.IRI) string {
	parts := make([]string, len(iris))
	for i, iri := range iris {
		parts[i] = ShortFactID(iri)
	}
	return strings.Join(parts, ", ")
}

// Fact is one meeting, office or event, whichever its node is.
type Fact struct {
	Meeting *Meeting
	Office  *Office
	Event   *Event
}

// Nodes are every node that stores the fact.
func (x Fact) Nodes() []quad.IRI {
	switch {
	case x.Meeting != nil:
		return x.Meeting.Nodes
	case x.Office != nil:
		return x.Office.Nodes
	case x.Event != nil:
		return []quad.IRI{x.Event.Node}
	}
	return nil
}

// Fact reads the fact node stands for, with all its sources, retracted or
// not: a meeting with every node that is the same meeting once people are
// joined, an office with every node of the same office of the person.
func (f *Facts) Fact(ctx context.Context, node quad.IRI) (Fact, error) {
	f.WithRetracted = true
	ref := f.r.ref(node)
	if ref == nil {
		return Fact{}, fmt.Errorf("%s is not in the store", node)
	}
	id, err := f.identity(ctx)
	if err != nil {
		return Fact{}, err
	}
	switch {
	case strings.HasPrefix(string(node), meetingPrefix):
		parts, err := f.r.objects(ctx, ref, schema.Participant)
		if err != nil || len(parts) == 0 {
			return Fact{}, fmt.Errorf("meeting %s: no participants: %v", node, err)
		}
		who, err := f.r.iri(ctx, id.person(parts[0]))
		if err != nil {
			return Fact{}, err
		}
		var found *Meeting
		err = f.Meetings(ctx, MeetingFilter{People: []quad.IRI{who}}, func(m *Meeting) error {
			for _, n := range m.Nodes {
				if n == node {
					found = m
				}
			}
			return nil
		})
		if err != nil || found == nil {
			return Fact{}, fmt.Errorf("meeting %s: %v (a meeting left with one person by a join is no meeting)", node, err)
		}
		return Fact{Meeting: found}, nil
	case strings.HasPrefix(string(node), officePrefix):
		holders, err := f.r.objects(ctx, ref, schema.Holder)
		if err != nil || len(holders) == 0 {
			return Fact{}, fmt.Errorf("office %s: no holder: %v", node, err)
		}
		who, err := f.personRef(ctx, id.person(holders[0]))
		if err != nil {
			return Fact{}, err
		}
		offices, err := f.Offices(ctx, []PersonRef{who})
		if err != nil {
			return Fact{}, err
		}
		for i := range offices {
			for _, n := range offices[i].Nodes {
				if n == node {
					return Fact{Office: &offices[i]}, nil
				}
			}
		}
		return Fact{}, fmt.Errorf("office %s: not found among %s's offices", node, who.Name)
	case strings.HasPrefix(string(node), eventPrefix):
		evs, err := f.readEvents(ctx, []cgraph.Ref{ref}, "")
		if err != nil || len(evs) == 0 {
			return Fact{}, fmt.Errorf("event %s: %v", node, err)
		}
		return Fact{Event: evs[0]}, nil
	}
	return Fact{}, fmt.Errorf("%s is not a meeting, an office or an event", node)
}

// MeetingsOf lists every meeting of a person (with those retracted when
// WithRetracted is set), newest first.
func (f *Facts) MeetingsOf(ctx context.Context, who quad.IRI) ([]*Meeting, error) {
	var out []*Meeting
	err := f.Meetings(ctx, MeetingFilter{People: []quad.IRI{who}}, func(m *Meeting) error {
		out = append(out, m)
		return nil
	})
	return out, err
}
