// Package explore answers the questions kg serve's pages ask: the people a
// name may stand for, a person's profile and offices over time, their dated
// timeline, the meetings between people, and one fact with the evidence
// behind it (each sentence with the outlet, headline, date and link of its
// article). It reads the store through graph.Facts, kg's fast readers, and
// Cayley's quad indexes; every answer is plain data with JSON tags, served
// as it is.
//
// People are named by their node IRI without brackets ("kg:person/hsn-run");
// a person merged into another by kg alias is followed to that person.
package explore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Explorer answers the pages' questions from one store. It is safe for
// concurrent use: each call reads with a graph.Facts of its own, so every
// answer sees the store as it is when the call starts (a load or a
// correction made meanwhile shows in the next one).
type Explorer struct {
	store *graph.Store
}

// New returns an Explorer of store.
func New(store *graph.Store) *Explorer { return &Explorer{store: store} }

// ErrNotFound is wrapped by the errors of look-ups of a node the store does
// not have.
var ErrNotFound = errors.New("not found")

// ErrBadRequest is wrapped by the errors of questions that cannot be asked
// (an empty name, a malformed date range).
var ErrBadRequest = errors.New("bad request")

// Person is one person as lists show them.
type Person struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Nationality string   `json:"nationality,omitempty"`
	Offices     []string `json:"offices"` // current offices, "Title of Of"
	// Who says in a few words who they are, when a name fits several
	// people (graph.Facts.WhoIs): what tells them apart.
	Who string `json:"who,omitempty"`
}

// PersonRef is a person in a fact: node and name.
type PersonRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Search is the answer to a name typed in the search box.
type Search struct {
	Query string `json:"query"`
	// Match says how the people were found, as kg query finds a person
	// (graph.Facts.Lookup): "exact" (the whole name in any spelling kg
	// treats as the same, or the family name), "partial" (some words of
	// the name, in order) or "none".
	Match  string   `json:"match"`
	People []Person `json:"people"`
	// Ambiguous is set when the name fits several people: kg query would
	// refuse it and ask which one is meant (each person's Who says).
	Ambiguous bool `json:"ambiguous"`
	// More is set when more people matched than were returned.
	More bool `json:"more,omitempty"`
	// Suggestions are the closest names when nobody matched ("did you
	// mean").
	Suggestions []PersonRef `json:"suggestions"`
}

// Search finds the people a name stands for exactly as kg query, kg show
// and kg alias find them (graph.Facts.Lookup): the whole name in any
// spelling or transliteration kg treats as the same, or the family name;
// else some words of the name; else a title before the name narrows it;
// and when nobody fits, the closest names to suggest. At most limit people
// are returned.
func (e *Explorer) Search(ctx context.Context, q string, limit int) (*Search, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, fmt.Errorf("%w: type part of a name", ErrBadRequest)
	}
	if limit <= 0 {
		limit = 20
	}
	facts := e.store.Facts()
	found, err := facts.Lookup(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("find %q: %w", q, err)
	}
	out := &Search{Query: q, Match: "exact", People: []Person{}, Suggestions: refs(found.Suggestions)}
	switch {
	case len(found.People) == 0:
		out.Match = "none"
		return out, nil
	case found.Match == schema.PartMatch:
		out.Match = "partial"
	}
	people := found.People
	out.Ambiguous = len(people) > 1
	if len(people) > limit {
		people, out.More = people[:limit], true
	}
	err = facts.Profiles(ctx, people, false, func(p *graph.Person) error {
		out.People = append(out.People, summary(p))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read people: %w", err)
	}
	if out.Ambiguous {
		who, err := facts.WhoIs(ctx, people)
		if err != nil {
			return nil, fmt.Errorf("read people: %w", err)
		}
		for i := range out.People {
			if i < len(who) {
				out.People[i].Who = who[i]
			}
		}
	}
	return out, nil
}

// summary is a person as lists show them.
func summary(p *graph.Person) Person {
	out := Person{ID: string(p.IRI), Name: p.Name, Aliases: nonNil(p.Aliases), Nationality: p.Nationality, Offices: []string{}}
	for _, r := range p.Roles {
		if r.Current {
			out.Offices = append(out.Offices, officeName(r.Role))
		}
	}
	return out
}

func officeName(r graph.Role) string {
	if r.Of == "" {
		return r.Title
	}
	return r.Title + " of " + r.Of
}

// Profile is what a person page shows above the graph.
type Profile struct {
	Person
	Roles []Role `json:"roles"` // every office, current first
	// OfficeHistory is every office held over time, by first report.
	OfficeHistory []Office `json:"officeHistory"`
	Articles      []string `json:"articles"` // ids of the articles that name them
	// Joined are the people kg takes to be this one, and how they were
	// joined: what kg split (a split from the page) separates.
	Joined []Joined `json:"joined"`
}

// Role is an office, as a person's profile lists it.
type Role struct {
	Title   string `json:"title"`
	Of      string `json:"of,omitempty"`
	Current bool   `json:"current"`
}

// Office is one office held, with the dates of the articles that reported
// it: the page draws each as a bar from the first report to the last.
type Office struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Of       string   `json:"of,omitempty"`
	Current  bool     `json:"current"`
	Reported []string `json:"reported"`
	Sources  []string `json:"sources"`
}

// Profile reads a person's names, nationality, offices over time and the
// articles that name them.
func (e *Explorer) Profile(ctx context.Context, id string) (*Profile, error) {
	facts := e.store.Facts()
	who, err := person(ctx, facts, id)
	if err != nil {
		return nil, err
	}
	var p *graph.Person
	err = facts.Profiles(ctx, []graph.PersonRef{who}, true, func(got *graph.Person) error {
		p = got
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", id, err)
	}
	out := &Profile{Person: summary(p), Roles: []Role{}, OfficeHistory: []Office{}, Articles: nonNil(p.Sources)}
	if out.Joined, err = e.joined(ctx, facts, p.Joined); err != nil {
		return nil, fmt.Errorf("read who is joined to %s: %w", id, err)
	}
	// The summary's person is the one asked for, even when the answer's
	// node is the one they were merged into.
	for _, r := range p.Roles {
		out.Roles = append(out.Roles, Role{Title: r.Title, Of: r.Of, Current: r.Current})
	}
	offices, err := facts.Offices(ctx, []graph.PersonRef{who})
	if err != nil {
		return nil, fmt.Errorf("read the offices of %s: %w", id, err)
	}
	for _, o := range offices {
		out.OfficeHistory = append(out.OfficeHistory, Office{ID: string(o.Node), Title: o.Role.Title, Of: o.Role.Of,
			Current: o.Role.Current, Reported: nonNil(o.Reported), Sources: nonNil(o.Sources)})
	}
	return out, nil
}

// personPrefix starts every person's IRI (schema.PersonIRI).
const personPrefix = schema.NS + "person/"

// person resolves a person's id (an IRI, with or without brackets) to the
// person, following a merge.
func person(ctx context.Context, facts *graph.Facts, id string) (graph.PersonRef, error) {
	id = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
	if !strings.HasPrefix(id, personPrefix) {
		return graph.PersonRef{}, fmt.Errorf("%w: %q is not a person's id (kg:person/...)", ErrBadRequest, id)
	}
	found, err := facts.FindPeople(ctx, "<"+id+">")
	if err != nil {
		return graph.PersonRef{}, fmt.Errorf("read %s: %w", id, err)
	}
	if len(found) == 0 {
		return graph.PersonRef{}, fmt.Errorf("%w: no person %s in the store", ErrNotFound, id)
	}
	return found[0], nil
}

// people resolves several ids.
func people(ctx context.Context, facts *graph.Facts, ids []string) ([]quad.IRI, error) {
	var out []quad.IRI
	for _, id := range ids {
		p, err := person(ctx, facts, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p.IRI)
	}
	return out, nil
}

// Entry is one dated fact of a timeline or a list of meetings.
type Entry struct {
	ID      string      `json:"id"`
	Date    string      `json:"date"` // "" when undated
	What    string      `json:"what"` // meeting, call or event
	Label   string      `json:"label"`
	People  []PersonRef `json:"people"` // everyone taking part
	Place   string      `json:"place,omitempty"`
	Sources []string    `json:"sources"`
}

// Range is a date range as the pages give it: partial ISO dates, either
// bound may be empty.
type Range struct{ From, To string }

func (r Range) check() (schema.DateRange, error) {
	dr := schema.DateRange{From: r.From, To: r.To}
	if err := schema.CheckDateRange(dr, func(bound, value string) string { return bound + "=" + value }); err != nil {
		return dr, fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	return dr, nil
}

// Timeline lists a person's meetings, calls and events within rng, oldest
// first, then their undated meetings.
func (e *Explorer) Timeline(ctx context.Context, id string, rng Range) ([]Entry, error) {
	dr, err := rng.check()
	if err != nil {
		return nil, err
	}
	facts := e.store.Facts()
	who, err := person(ctx, facts, id)
	if err != nil {
		return nil, err
	}
	out := []Entry{}
	err = facts.Meetings(ctx, graph.MeetingFilter{People: []quad.IRI{who.IRI}, Range: dr}, func(m *graph.Meeting) error {
		out = append(out, meetingEntry(m, who.IRI))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the meetings of %s: %w", id, err)
	}
	err = facts.Events(ctx, graph.EventFilter{People: []quad.IRI{who.IRI}, Range: dr}, func(ev *graph.Event) error {
		out = append(out, eventEntry(ev))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the events of %s: %w", id, err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Date, out[j].Date
		if (a == "") != (b == "") {
			return b == ""
		}
		if a != b {
			return a < b
		}
		return out[i].Label < out[j].Label
	})
	return out, nil
}

// Meetings lists the meetings and calls of any of people (everyone when
// empty) that include any of with (when not empty), within rng, newest
// first, at most limit of them (0: all); more says whether there were more.
func (e *Explorer) Meetings(ctx context.Context, ids, with []string, rng Range, limit int) (entries []Entry, more bool, err error) {
	dr, err := rng.check()
	if err != nil {
		return nil, false, err
	}
	facts := e.store.Facts()
	filter := graph.MeetingFilter{Range: dr}
	if filter.People, err = people(ctx, facts, ids); err != nil {
		return nil, false, err
	}
	if filter.With, err = people(ctx, facts, with); err != nil {
		return nil, false, err
	}
	var self quad.IRI
	if len(filter.People) == 1 {
		self = filter.People[0]
	}
	entries = []Entry{}
	errEnough := errors.New("enough")
	err = facts.Meetings(ctx, filter, func(m *graph.Meeting) error {
		if limit > 0 && len(entries) == limit {
			more = true
			return errEnough
		}
		entries = append(entries, meetingEntry(m, self))
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, false, fmt.Errorf("read meetings: %w", err)
	}
	return entries, more, nil
}

func meetingEntry(m *graph.Meeting, self quad.IRI) Entry {
	var others []string
	for _, p := range m.People {
		if p.IRI != self {
			others = append(others, p.Name)
		}
	}
	verb := "met"
	if m.Kind == "call" {
		verb = "call with"
	}
	label := verb + " " + strings.Join(others, ", ")
	if self == "" {
		label = strings.Join(others, ", ")
	}
	return Entry{ID: string(m.Node), Date: m.Date, What: m.Kind, Label: label, People: refs(m.People),
		Place: m.Place, Sources: nonNil(m.Sources)}
}

func eventEntry(ev *graph.Event) Entry {
	label := ev.Label
	if label == "" {
		label = ev.Head
	}
	return Entry{ID: string(ev.Node), Date: ev.Date, What: "event", Label: label, People: refs(ev.People),
		Place: ev.Place, Sources: nonNil(ev.Sources)}
}

func refs(ps []graph.PersonRef) []PersonRef {
	out := make([]PersonRef, len(ps))
	for i, p := range ps {
		out[i] = PersonRef{ID: string(p.IRI), Name: p.Name}
	}
	return out
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
