package explore

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kg-project/kg/graph"
)

// Fact is one meeting, call, event or office with the evidence behind it,
// read as kg show reads it (graph.Facts.FindFact and Fact): retracted
// facts too, marked.
type Fact struct {
	ID      string `json:"id"`      // its node (the smallest, when joins made several one)
	ShortID string `json:"shortId"` // as kg query and kg show name it: meeting/5f0c2c1a9d8e
	Type    string `json:"type"`    // meeting, event or office
	Kind    string `json:"kind,omitempty"`
	Date    string `json:"date,omitempty"`
	Place   string `json:"place,omitempty"`
	// Label says what happened: an event's label, an office's "Title of
	// Of", a meeting's participants.
	Label string `json:"label"`
	// Summary is the fact in one line, as kg retract and kg corrections
	// say it.
	Summary string      `json:"summary"`
	Current *bool       `json:"current,omitempty"` // offices: held now, or formerly
	People  []PersonRef `json:"people"`
	// Names are the names and aliases of People and their surnames,
	// longest first: what the page highlights in the sentences.
	Names    []string   `json:"names"`
	Evidence []Evidence `json:"evidence"`
	// Context says what the store keeps of the articles around the
	// sentences: only the sentences that state the fact, so the page
	// links the article for the rest.
	Context string `json:"context"`
	// Retracted is the retraction in force that took the fact out of
	// answers and exports; nil when it stands.
	Retracted *Correction `json:"retracted,omitempty"`
}

// contextNote is Fact.Context: kg stores the sentences that state each
// fact, not the articles' text.
const contextNote = "kg keeps only the sentences that state a fact, not the rest of the article: open the article for the text around them"

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
	// Locations are where copies were read: a file (path:line) or a URL.
	Locations []string `json:"locations"`
}

// Fact reads a meeting, call, event or office (id: its node, or its short
// id or any unique start of it) and every report of it: for each article
// that reported it, the sentences and rules, with the article's outlet,
// headline, link or file and date. Articles come oldest first.
func (e *Explorer) Fact(ctx context.Context, id string) (*Fact, error) {
	facts := e.store.Facts()
	node, err := facts.FindFact(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	x, err := facts.Fact(ctx, node)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	f := &Fact{Summary: x.Summary(), Names: []string{}, Context: contextNote}
	var who []graph.PersonRef
	var ev []graph.Evidence
	switch {
	case x.Meeting != nil:
		m := x.Meeting
		f.ID, f.Type, f.Kind, f.Date, f.Place = string(m.Node), "meeting", m.Kind, m.Date, m.Place
		who, ev = m.People, m.Evidence
		names := make([]string, len(m.People))
		for i, p := range m.People {
			names[i] = p.Name
		}
		f.Label = strings.Join(names, ", ")
	case x.Office != nil:
		o := x.Office
		f.ID, f.Type, f.Label = string(o.Node), "office", officeName(o.Role)
		current := o.Role.Current
		f.Current = &current
		if len(o.Reported) > 0 {
			f.Date = o.Reported[0]
		}
		who, ev = []graph.PersonRef{o.Holder}, o.Evidence
	case x.Event != nil:
		v := x.Event
		f.ID, f.Type, f.Date, f.Place, f.Label = string(v.Node), "event", v.Date, v.Place, v.Label
		if f.Label == "" {
			f.Label = v.Head
		}
		who, ev = v.People, v.Evidence
	}
	f.ShortID = graph.ShortFactID(node)
	f.People = refs(who)
	f.Evidence = evidence(ev)
	if f.Names, err = highlighted(ctx, facts, who); err != nil {
		return nil, fmt.Errorf("read the people of %s: %w", f.ShortID, err)
	}
	if x.Retracted() {
		corr, ok, err := e.store.Retraction(ctx, x.Nodes())
		if err != nil {
			return nil, fmt.Errorf("read the retraction of %s: %w", f.ShortID, err)
		}
		if ok {
			c := correction(corr, facts.DescribeCorrection(ctx, corr))
			f.Retracted = &c
		} else {
			f.Retracted = &Correction{Action: "retract"}
		}
	}
	return f, nil
}

// evidence is graph's evidence as the pages show it.
func evidence(ev []graph.Evidence) []Evidence {
	out := make([]Evidence, len(ev))
	for i, e := range ev {
		out[i] = Evidence{
			Article: Article{ID: e.Article, Headline: e.Headline, Publisher: e.Outlet, URL: e.URL,
				Published: e.Published, Locations: nonNil(e.Locations)},
			Sentences: nonNil(e.Sentences), Rules: nonNil(e.Rules),
		}
	}
	return out
}

// highlighted gathers the names to mark in a fact's sentences: each
// person's name and aliases, and the last word of each name of more than
// one word, longest first.
func highlighted(ctx context.Context, facts *graph.Facts, who []graph.PersonRef) ([]string, error) {
	names := map[string]bool{}
	err := facts.Profiles(ctx, who, false, func(p *graph.Person) error {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			names[n] = true
			if words := strings.Fields(n); len(words) > 1 && len(words[len(words)-1]) > 2 {
				names[words[len(words)-1]] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []string{}
	for n := range names {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	return out, nil
}
