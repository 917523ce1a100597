package explore

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Fact is one meeting, call, event or office with the evidence behind it.
type Fact struct {
	ID    string `json:"id"`
	Type  string `json:"type"`           // meeting, event or office
	Kind  string `json:"kind,omitempty"` // meeting or call, for meetings
	Date  string `json:"date,omitempty"`
	Place string `json:"place,omitempty"`
	// Label says what happened: an event's label, an office's "Title of
	// Of", a meeting's participants.
	Label   string      `json:"label"`
	Current *bool       `json:"current,omitempty"` // offices: held now, or formerly
	People  []PersonRef `json:"people"`
	// Names are the names and aliases of People and their surnames,
	// longest first: what the page highlights in the sentences.
	Names    []string   `json:"names"`
	Evidence []Evidence `json:"evidence"`
}

// Evidence is what one article says of a fact: its sentences and the
// extraction rules that read them.
type Evidence struct {
	Article   Article  `json:"article"`
	Sentences []string `json:"sentences"`
	Rules     []string `json:"rules"`
}

// Article is an article's metadata, as far as it is stored.
type Article struct {
	ID        string `json:"id"`
	Headline  string `json:"headline,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
}

// factTypes maps the classes of fact nodes to Fact.Type.
var factTypes = map[quad.IRI]string{
	schema.ClassMeeting: "meeting",
	schema.ClassEvent:   "event",
	schema.ClassOffice:  "office",
}

// Fact reads a meeting, event or office and every report of it: for each
// article that reported it, the sentences and rules, with the article's
// outlet, headline, link and date. Articles come oldest first.
func (e *Explorer) Fact(ctx context.Context, id string) (*Fact, error) {
	id = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
	qs := e.store.QuadStore()
	node := qs.ValueOf(quad.IRI(id))
	if node == nil {
		return nil, fmt.Errorf("%w: no fact %s in the store", ErrNotFound, id)
	}
	f := &Fact{ID: id, People: []PersonRef{}, Names: []string{}, Evidence: []Evidence{}}
	var who []quad.IRI
	var title, of string
	byArticle := map[quad.IRI]*Evidence{}
	report := func(label quad.Value) *Evidence {
		art, _ := label.(quad.IRI)
		ev := byArticle[art]
		if ev == nil {
			ev = &Evidence{Article: Article{ID: schema.ArticleID(art)}, Sentences: []string{}, Rules: []string{}}
			byArticle[art] = ev
		}
		return ev
	}
	// Predicates with one value each, the fullest kept.
	single := map[quad.Value]*string{
		schema.Kind: &f.Kind, schema.Date: &f.Date, schema.Place: &f.Place, schema.Label: &f.Label,
		schema.Title: &title, schema.Of: &of,
	}
	var head string
	err := eachQuad(ctx, qs, node, func(q quad.Quad) {
		text, _ := graph.LiteralText(q.Object)
		if field, ok := single[q.Predicate]; ok {
			*field = longer(*field, text)
			return
		}
		switch q.Predicate {
		case schema.Type:
			if iri, ok := q.Object.(quad.IRI); ok && factTypes[iri] != "" {
				f.Type = factTypes[iri]
			}
		case schema.Head:
			head = longer(head, text)
		case schema.Current:
			current := text != "false"
			f.Current = &current
		case schema.Participant, schema.Involves, schema.Holder:
			if iri, ok := q.Object.(quad.IRI); ok {
				who = append(who, iri)
			}
		case schema.Evidence:
			if ev := report(q.Label); !slices.Contains(ev.Sentences, text) {
				ev.Sentences = append(ev.Sentences, text)
			}
		case schema.Rule:
			if ev := report(q.Label); !slices.Contains(ev.Rules, text) {
				ev.Rules = append(ev.Rules, text)
			}
		case schema.Source:
			if art, ok := q.Object.(quad.IRI); ok {
				report(art)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", id, err)
	}
	if f.Type == "" {
		return nil, fmt.Errorf("%w: %s is not a meeting, event or office", ErrNotFound, id)
	}
	switch {
	case f.Type == "office":
		f.Label = officeName(graph.Role{Title: title, Of: of})
	case f.Label == "":
		f.Label = head
	}
	if err := e.factPeople(ctx, f, who); err != nil {
		return nil, err
	}
	if f.Type == "meeting" && f.Label == "" {
		var names []string
		for _, p := range f.People {
			names = append(names, p.Name)
		}
		f.Label = strings.Join(names, ", ")
	}
	for art, ev := range byArticle {
		if err := readArticle(ctx, qs, art, &ev.Article); err != nil {
			return nil, err
		}
		f.Evidence = append(f.Evidence, *ev)
	}
	sort.Slice(f.Evidence, func(i, j int) bool {
		a, b := f.Evidence[i].Article, f.Evidence[j].Article
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		return a.ID < b.ID
	})
	return f, nil
}

// factPeople names the people of a fact and gathers the names to
// highlight in its sentences.
func (e *Explorer) factPeople(ctx context.Context, f *Fact, who []quad.IRI) error {
	facts := e.store.Facts()
	var found []graph.PersonRef
	seen := map[quad.IRI]bool{}
	for _, iri := range who {
		ps, err := facts.FindPeople(ctx, "<"+string(iri)+">")
		if err != nil {
			return fmt.Errorf("read %s: %w", iri, err)
		}
		for _, p := range ps {
			if !seen[p.IRI] {
				seen[p.IRI] = true
				found = append(found, p)
			}
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].Name < found[j].Name })
	f.People = refs(found)
	names := map[string]bool{}
	err := facts.Profiles(ctx, found, false, func(p *graph.Person) error {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			names[n] = true
			if words := strings.Fields(n); len(words) > 1 && len(words[len(words)-1]) > 2 {
				names[words[len(words)-1]] = true
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read the people of %s: %w", f.ID, err)
	}
	for n := range names {
		f.Names = append(f.Names, n)
	}
	sort.Slice(f.Names, func(i, j int) bool {
		a, b := f.Names[i], f.Names[j]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	return nil
}

// readArticle fills an article's metadata from its quads.
func readArticle(ctx context.Context, qs cgraph.QuadStore, art quad.IRI, out *Article) error {
	node := qs.ValueOf(art)
	if node == nil {
		return nil // reported under a label whose article node is gone
	}
	fields := map[quad.Value]*string{
		schema.Headline: &out.Headline, schema.Publisher: &out.Publisher, schema.URL: &out.URL, schema.Published: &out.Published,
	}
	err := eachQuad(ctx, qs, node, func(q quad.Quad) {
		if field, ok := fields[q.Predicate]; ok {
			text, _ := graph.LiteralText(q.Object)
			*field = longer(*field, text)
		}
	})
	if err != nil {
		return fmt.Errorf("read article %s: %w", out.ID, err)
	}
	return nil
}

// eachQuad calls fn with every quad whose subject is node.
func eachQuad(ctx context.Context, qs cgraph.QuadStore, node cgraph.Ref, fn func(quad.Quad)) error {
	it := qs.QuadIterator(quad.Subject, node)
	defer it.Close()
	for it.Next(ctx) {
		fn(qs.Quad(it.Result()))
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// longer keeps the fuller of two values of a predicate that should have
// one, as the saved queries do; equal lengths keep the first in sort order.
func longer(a, b string) string {
	if len(b) > len(a) || (len(b) == len(a) && b < a) {
		return b
	}
	return a
}
