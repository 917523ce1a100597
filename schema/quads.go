package schema

import (
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// Quads turns one article and the facts extracted from it into quads. The
// quads that report something (see StoredOnce) are labelled with the
// article's IRI, so each fact keeps its source; evidence sentences and rules
// hang off the fact nodes under the same label. The quads that describe a
// node carry no label and come first.
func Quads(a Article, f Facts) []quad.Quad {
	art := ArticleIRI(a.ID)
	b := builder{label: art}

	b.add(art, Type, ClassArticle)
	b.str(art, ID, a.ID)
	b.str(art, URL, a.URL)
	b.str(art, Headline, a.Title)
	publisher := a.Source
	if publisher == "" {
		publisher = f.Source
	}
	b.str(art, Publisher, publisher)
	published := a.Published
	if published == "" {
		published = f.Published
	}
	b.str(art, Published, published)
	b.str(art, Language, a.Language)
	for _, loc := range a.Locations {
		b.str(art, Location, loc)
	}
	for _, k := range a.Keys() {
		b.str(art, ArticleKey, k)
	}

	nodes := PeopleNodes(f)
	node := func(name string) quad.IRI {
		if n, ok := nodes[name]; ok {
			return n
		}
		return PersonIRI(name)
	}
	for _, p := range f.People {
		node := node(p.Name)
		b.add(node, Type, ClassPerson)
		b.add(art, Mentions, node)
		b.str(node, Name, p.Name)
		for _, alias := range p.Aliases {
			if alias != p.Name {
				b.str(node, Alias, alias)
			}
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, k := range SearchKeys(n) {
				b.str(node, Key, k)
			}
		}
		b.str(node, Nationality, p.Nationality)
	}

	for _, m := range f.Meetings {
		people := make([]quad.IRI, len(m.Participants))
		for i, name := range m.Participants {
			people[i] = node(name)
		}
		date := Deref(m.Date)
		node := MeetingIRI(people, date, m.Kind)
		b.add(node, Type, ClassMeeting)
		for i, p := range people {
			b.add(node, Participant, p)
			for _, other := range people[i+1:] {
				if other != p {
					b.add(p, Met, other)
					b.add(other, Met, p)
				}
			}
		}
		b.dated(node, date)
		b.str(node, Place, Deref(m.Place))
		b.str(node, Kind, m.Kind)
		b.fact(node, m.Evidence, m.Rule)
	}

	for _, r := range f.Roles {
		person := node(r.Person)
		node := OfficeIRI(person, r.Title, r.Of, r.Current)
		b.add(node, Type, ClassOffice)
		b.add(person, Holds, node)
		b.add(node, Holder, person)
		b.str(node, Title, r.Title)
		b.str(node, Of, r.Of)
		b.str(node, Current, strconv.FormatBool(r.Current))
		b.str(node, ReportedOn, published)
		b.fact(node, r.Evidence, r.Rule)
	}

	for _, e := range f.Events {
		date, place := Deref(e.Date), Deref(e.Place)
		node := EventIRI(e.Head, date, place)
		b.add(node, Type, ClassEvent)
		b.str(node, Label, e.Label)
		b.str(node, Head, e.Head)
		b.dated(node, date)
		b.str(node, Place, place)
		b.fact(node, e.Evidence, e.Rule)
		for _, p := range peopleNamedIn(e.Evidence, f.People, nodes) {
			b.add(node, Involves, p)
		}
	}
	return b.quads()
}

// CopyQuads are the quads that record a second copy of a story already
// stored as the article into (see Article.Keys): where the copy was read,
// its keys (a.Keys(), given since a copy's text is not kept), so that later
// copies are recognised by any of them, and its
// metadata (publication date, publisher, headline, URL, language), of which
// the caller keeps what the stored article lacks. All are labelled with
// into, as the article's own quads are.
func CopyQuads(into quad.IRI, a Article, keys []string) []quad.Quad {
	b := builder{label: into}
	for _, loc := range a.Locations {
		b.str(into, Location, loc)
	}
	for _, k := range keys {
		b.str(into, ArticleKey, k)
	}
	b.str(into, Published, a.Published)
	b.str(into, Publisher, a.Source)
	b.str(into, Headline, a.Title)
	b.str(into, URL, a.URL)
	b.str(into, Language, a.Language)
	return b.quads()
}

// CopyMetadata lists the predicates of CopyQuads that hold one value per
// article: a copy adds them only to an article that has none.
var CopyMetadata = []quad.IRI{Published, Publisher, Headline, URL, Language}

// StoredOnce reports whether q describes a node rather than reports on it:
// a person's type, names, keys and nationality, the people and date of a
// meeting, the title of an office, the "met" links between two people. Such
// a triple is the same whichever article repeats it, so Quads gives it no
// label and a load stores it once, however many articles state it (see
// loaders/ingest). A store therefore does not depend on the order in which
// articles were loaded, nor on how many loaders wrote it.
//
// What is kept per article, under the article's label, is the report
// itself: the article's own quads (its metadata and a kg:mentions of each
// person it names) and every fact's kg:source, kg:evidence, kg:rule and
// kg:reportedOn. So every article that reports a fact still leads to it,
// with its sentence.
func StoredOnce(q quad.Quad) bool {
	switch q.Predicate {
	case Source, Evidence, Rule, ReportedOn, Mentions:
		return false
	}
	s, ok := q.Subject.(quad.IRI)
	return ok && !strings.HasPrefix(string(s), articlePrefix)
}

// peopleNamedIn returns the people of the article whose name or an alias
// appears in sentence; it ties an event to the people its evidence names.
func peopleNamedIn(sentence string, people []Person, nodes map[string]quad.IRI) []quad.IRI {
	if sentence == "" {
		return nil
	}
	var out []quad.IRI
	for _, p := range people {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if n != "" && strings.Contains(sentence, n) {
				out = append(out, nodes[p.Name])
				break
			}
		}
	}
	return out
}

// builder collects an article's quads: the descriptions of its nodes
// (StoredOnce) without a label, then its reports under the article's label.
// Keeping the descriptions first means that any cut of the store's quad
// order (a dump read back part way) that holds an article's reports also
// holds what they describe.
type builder struct {
	label     quad.IRI
	described []quad.Quad
	reported  []quad.Quad
	seen      map[[3]quad.Value]bool
}

func (b *builder) add(s quad.IRI, p quad.IRI, o quad.Value) {
	if b.seen == nil {
		b.seen = make(map[[3]quad.Value]bool)
	}
	k := [3]quad.Value{s, p, o}
	if b.seen[k] {
		return
	}
	b.seen[k] = true
	q := quad.Quad{Subject: s, Predicate: p, Object: o}
	if StoredOnce(q) {
		b.described = append(b.described, q)
		return
	}
	q.Label = b.label
	b.reported = append(b.reported, q)
}

// quads is every quad added, descriptions first.
func (b *builder) quads() []quad.Quad {
	return append(b.described, b.reported...)
}

// str adds a literal, skipping empty strings: absence is how the graph says
// "unknown".
func (b *builder) str(s quad.IRI, p quad.IRI, v string) {
	if v != "" {
		b.add(s, p, quad.String(v))
	}
}

// dated gives a fact its date and lists the date in the calendar, or lists
// the fact as undated.
func (b *builder) dated(node quad.IRI, date string) {
	if date == "" {
		b.add(Calendar, Undated, node)
		return
	}
	b.str(node, Date, date)
	b.str(Calendar, HasDate, date)
}

// fact links a fact node to its evidence, rule and source article.
func (b *builder) fact(node quad.IRI, evidence, rule string) {
	b.add(node, Source, b.label)
	b.str(node, Evidence, evidence)
	b.str(node, Rule, rule)
}
