package export

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/pariz/gountries"

	"github.com/kg-project/kg/schema"
)

// person is one node of the people view.
type person struct {
	id       string
	name     string
	country  string
	offices  []string // current offices, "Title of Of"
	meetings int      // meetings exported that this person took part in
}

// pair is one edge of the people view: every exported meeting of two people.
type pair struct {
	a, b     string // node ids, a < b
	meetings int
	dates    []string // one a dated meeting
	kinds    map[string]bool
	places   map[string]bool
	sources  map[string]bool // article ids
}

// peopleView holds the people and the pairs of people who met. It is built
// in one pass over the meetings; only these aggregates are kept.
type peopleView struct {
	people []*person
	pairs  []*pair
}

var (
	peopleNodeKeys = []Key{{"name", typeString}, {"country", typeString}, {"offices", typeString}, {"meetings", typeInt}}
	peopleEdgeKeys = []Key{{"meetings", typeInt}, {"dates", typeString}, {"first", typeString}, {"last", typeString},
		{"kind", typeString}, {"places", typeString}, {"sources", typeString}}
)

func (v *peopleView) directed() bool  { return false }
func (v *peopleView) nodeKeys() []Key { return peopleNodeKeys }
func (v *peopleView) edgeKeys() []Key { return peopleEdgeKeys }
func (v *peopleView) dotStyle() []string {
	return []string{`layout=neato`, `overlap=false`, `splines=true`, `sep="+14"`, `outputorder=edgesfirst`, `pad=0.3`,
		`node [shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#4a6fa5", fontname="Helvetica", fontsize=11]`,
		`edge [color="#7d8da1", fontname="Helvetica", fontsize=9, fontcolor="#34495e"]`}
}

func (v *peopleView) nodes(ctx context.Context, fn func(Node) error) error {
	for _, p := range v.people {
		if err := ctx.Err(); err != nil {
			return err
		}
		caption := p.name
		if len(p.offices) > 0 {
			caption += "\n" + p.offices[0]
		} else if p.country != "" {
			caption += "\n" + p.country
		}
		n := Node{ID: p.id, Label: p.name, Caption: caption, Faint: p.meetings == 0,
			Values: []any{p.name, p.country, strings.Join(p.offices, "; "), p.meetings}}
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

func (v *peopleView) edges(ctx context.Context, fn func(Edge) error) error {
	for _, p := range v.pairs {
		if err := ctx.Err(); err != nil {
			return err
		}
		first, last := "", ""
		if len(p.dates) > 0 {
			first, last = p.dates[0], p.dates[len(p.dates)-1]
		}
		kinds := setList(p.kinds)
		var spells []Spell
		for _, d := range p.dates {
			if s, ok := spellOf(d); ok {
				spells = append(spells, s)
			}
		}
		e := Edge{
			ID: p.a + "--" + p.b, Source: p.a, Target: p.b,
			Label:  pairLabel(p.meetings, kinds, first, last),
			Weight: float64(p.meetings),
			Values: []any{p.meetings, strings.Join(p.dates, "; "), first, last, strings.Join(kinds, "; "),
				strings.Join(setList(p.places), "; "), strings.Join(setList(p.sources), "; ")},
			Spells: mergeSpells(spells),
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// pairLabel says in a few words what an edge stands for: "meeting
// 2017-01-18", "3 meetings 2017-01-18 to 2017-02-07", "call (undated)".
func pairLabel(n int, kinds []string, first, last string) string {
	kind := "meeting"
	if len(kinds) == 1 {
		kind = kinds[0]
	} else if len(kinds) > 1 {
		kind = "contact"
	}
	var s string
	if n == 1 {
		s = kind
	} else {
		s = fmt.Sprintf("%d %ss", n, kind)
	}
	switch {
	case first == "":
		s += " (undated)"
	case first == last:
		s += " " + first
	default:
		s += " " + first + " to " + last
	}
	return s
}

// mergeSpells sorts spells and joins overlapping ones: Gephi refuses an
// edge whose intervals overlap (two meetings the same day, or 2017-01 and
// 2017-01-18).
func mergeSpells(spells []Spell) []Spell {
	if len(spells) < 2 {
		return spells
	}
	sort.Slice(spells, func(i, j int) bool {
		if spells[i].Start != spells[j].Start {
			return spells[i].Start < spells[j].Start
		}
		return spells[i].End < spells[j].End
	})
	out := []Spell{spells[0]}
	for _, s := range spells[1:] {
		cur := &out[len(out)-1]
		if s.Start <= cur.End {
			if s.End > cur.End {
				cur.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func setList(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// buildPeople reads the people and their meetings, applying opt's filters.
func buildPeople(ctx context.Context, qs cgraph.QuadStore, opt Options) (*peopleView, error) {
	r := reader{qs: qs}
	ids, err := loadSameAs(ctx, r)
	if err != nil {
		return nil, err
	}

	var allowed map[quad.Value]bool // nil: everyone
	var roots []quad.Value
	if opt.Person != "" {
		roots, err = findPeople(ctx, r, ids, opt.Person)
		if err != nil {
			return nil, err
		}
		if len(roots) == 0 {
			return nil, fmt.Errorf("%w: no person called %q in the store", ErrNothing, opt.Person)
		}
		allowed, err = neighbourhood(ctx, r, ids, roots, opt.Depth)
		if err != nil {
			return nil, err
		}
	}

	counts := map[quad.Value]int{}
	pairs := map[[2]string]*pair{}
	articleIDs := map[quad.Value]string{}
	seen := map[quad.Value]bool{}
	err = r.each(ctx, quad.Object, schema.ClassMeeting, func(q quad.Quad) error {
		if q.Predicate != schema.Type || seen[q.Subject] {
			return nil
		}
		seen[q.Subject] = true
		m, err := readMeeting(ctx, r, q.Subject)
		if err != nil {
			return err
		}
		if !inRange(m.date, opt.From, opt.To) {
			return nil
		}
		var who []quad.Value
		in := map[quad.Value]bool{}
		for _, p := range m.participants {
			p = ids.canonical(p)
			if in[p] || (allowed != nil && !allowed[p]) {
				continue
			}
			in[p] = true
			who = append(who, p)
		}
		if len(who) < 2 {
			return nil
		}
		var sources []string
		for _, a := range m.sources {
			id, ok := articleIDs[a]
			if !ok {
				vals, err := r.strings(ctx, a, schema.ID)
				if err != nil {
					return err
				}
				id = longest(vals)
				if id == "" {
					id = nodeID(a)
				}
				articleIDs[a] = id
			}
			sources = append(sources, id)
		}
		for i, p := range who {
			counts[p]++
			for _, o := range who[i+1:] {
				a, b := nodeID(p), nodeID(o)
				if b < a {
					a, b = b, a
				}
				k := [2]string{a, b}
				e := pairs[k]
				if e == nil {
					e = &pair{a: a, b: b, kinds: map[string]bool{}, places: map[string]bool{}, sources: map[string]bool{}}
					pairs[k] = e
				}
				e.meetings++
				if m.date != "" {
					e.dates = append(e.dates, m.date)
				}
				if m.kind != "" {
					e.kinds[m.kind] = true
				}
				if m.place != "" {
					e.places[m.place] = true
				}
				for _, s := range sources {
					e.sources[s] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read meetings: %w", err)
	}
	if opt.filtered() && len(pairs) == 0 {
		return nil, fmt.Errorf("%w: no meetings match %s", ErrNothing, opt.describe())
	}

	// The people: everyone without filters; with filters, the named people
	// and whoever takes part in an exported meeting.
	var people []quad.Value
	if opt.filtered() {
		in := map[quad.Value]bool{}
		for _, p := range roots {
			in[p] = true
		}
		for p := range counts {
			in[p] = true
		}
		for p := range in {
			people = append(people, p)
		}
	} else {
		seenPerson := map[quad.Value]bool{}
		err = r.each(ctx, quad.Object, schema.ClassPerson, func(q quad.Quad) error {
			if q.Predicate != schema.Type {
				return nil
			}
			p := ids.canonical(q.Subject)
			if !seenPerson[p] {
				seenPerson[p] = true
				people = append(people, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read people: %w", err)
		}
		if len(people) == 0 {
			return nil, fmt.Errorf("%w: the store holds no people (load articles with kg load first)", ErrNothing)
		}
	}

	v := &peopleView{}
	for _, p := range people {
		info, err := readPerson(ctx, r, p)
		if err != nil {
			return nil, err
		}
		info.meetings = counts[p]
		v.people = append(v.people, info)
	}
	sort.Slice(v.people, func(i, j int) bool {
		a, b := strings.ToLower(v.people[i].name), strings.ToLower(v.people[j].name)
		if a != b {
			return a < b
		}
		return v.people[i].id < v.people[j].id
	})
	for _, e := range pairs {
		sort.Strings(e.dates)
		v.pairs = append(v.pairs, e)
	}
	sort.Slice(v.pairs, func(i, j int) bool {
		if v.pairs[i].a != v.pairs[j].a {
			return v.pairs[i].a < v.pairs[j].a
		}
		return v.pairs[i].b < v.pairs[j].b
	})
	return v, nil
}

// meeting is what the people view needs of one meeting node.
type meeting struct {
	participants []quad.Value
	sources      []quad.Value
	date         string
	kind         string
	place        string
}

func readMeeting(ctx context.Context, r reader, node quad.Value) (meeting, error) {
	var m meeting
	var dates, kinds, places []string
	err := r.each(ctx, quad.Subject, node, func(q quad.Quad) error {
		switch q.Predicate {
		case schema.Participant:
			m.participants = appendNew(m.participants, q.Object)
		case schema.Source:
			m.sources = appendNew(m.sources, q.Object)
		case schema.Date:
			if s, ok := literal(q.Object); ok {
				dates = append(dates, s)
			}
		case schema.Kind:
			if s, ok := literal(q.Object); ok {
				kinds = append(kinds, s)
			}
		case schema.Place:
			if s, ok := literal(q.Object); ok {
				places = append(places, s)
			}
		}
		return nil
	})
	m.date, m.kind, m.place = longest(dates), longest(kinds), longest(places)
	if m.kind == "" {
		m.kind = "meeting"
	}
	return m, err
}

func appendNew(vals []quad.Value, v quad.Value) []quad.Value {
	for _, x := range vals {
		if x == v {
			return vals
		}
	}
	return append(vals, v)
}

// readPerson reads a person's name, country and current offices.
func readPerson(ctx context.Context, r reader, node quad.Value) (*person, error) {
	p := &person{id: nodeID(node)}
	var names, nationalities []string
	var offices []quad.Value
	err := r.each(ctx, quad.Subject, node, func(q quad.Quad) error {
		switch q.Predicate {
		case schema.Name:
			if s, ok := literal(q.Object); ok {
				names = append(names, s)
			}
		case schema.Nationality:
			if s, ok := literal(q.Object); ok {
				nationalities = append(nationalities, s)
			}
		case schema.Holds:
			offices = appendNew(offices, q.Object)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read person %s: %w", p.id, err)
	}
	p.name = longest(names)
	if p.name == "" {
		p.name = p.id
	}
	p.country = longest(nationalities)
	seen := map[string]bool{}
	for _, o := range offices {
		current, err := r.strings(ctx, o, schema.Current)
		if err != nil {
			return nil, err
		}
		if len(current) == 0 || current[len(current)-1] != "true" {
			continue
		}
		titles, err := r.strings(ctx, o, schema.Title)
		if err != nil {
			return nil, err
		}
		ofs, err := r.strings(ctx, o, schema.Of)
		if err != nil {
			return nil, err
		}
		title, of := longest(titles), longest(ofs)
		office := title
		if of != "" {
			office += " of " + of
		}
		if office == "" || seen[office] {
			continue
		}
		seen[office] = true
		p.offices = append(p.offices, office)
		if p.country == "" && isCountry(of) {
			p.country = of
		}
	}
	sort.Strings(p.offices)
	return p, nil
}

var (
	countriesOnce sync.Once
	countries     *gountries.Query
)

// isCountry reports whether name is a country's common or official name,
// so that "President of Iran" gives Iran as the country but "Adviser of Ali
// Khamenei" gives none.
func isCountry(name string) bool {
	if name == "" {
		return false
	}
	countriesOnce.Do(func() { countries = gountries.New() })
	_, err := countries.FindCountryByName(name)
	return err == nil
}

// sameAs maps people merged with `kg alias` to the person they were merged
// into, and back.
type sameAs struct {
	to     map[quad.Value]quad.Value
	merged map[quad.Value][]quad.Value // surviving person -> merged people
}

func loadSameAs(ctx context.Context, r reader) (sameAs, error) {
	ids := sameAs{to: map[quad.Value]quad.Value{}, merged: map[quad.Value][]quad.Value{}}
	err := r.each(ctx, quad.Predicate, schema.SameAs, func(q quad.Quad) error {
		if q.Subject != q.Object {
			ids.to[q.Subject] = q.Object
		}
		return nil
	})
	if err != nil {
		return ids, fmt.Errorf("read merged people: %w", err)
	}
	for from := range ids.to {
		c := ids.canonical(from)
		ids.merged[c] = append(ids.merged[c], from)
	}
	return ids, nil
}

// canonical follows sameAs links to the surviving person (guarding
// against cycles).
func (s sameAs) canonical(v quad.Value) quad.Value {
	for i := 0; i < 32; i++ {
		next, ok := s.to[v]
		if !ok {
			return v
		}
		v = next
	}
	return v
}

// findPeople returns the people a name designates: those having the name's
// key (schema.PersonKey) among their kg:key literals, as `kg query`
// matches a person argument.
func findPeople(ctx context.Context, r reader, ids sameAs, name string) ([]quad.Value, error) {
	key := schema.PersonKey(name)
	if key == "" {
		return nil, usagef("--person %q contains no name", name)
	}
	var out []quad.Value
	found, err := r.subjects(ctx, schema.Key, quad.String(key))
	if err != nil {
		return nil, fmt.Errorf("find %q: %w", name, err)
	}
	for _, p := range found {
		// kg:key literals are only written on people (schema.Quads).
		out = appendNew(out, ids.canonical(p))
	}
	return out, nil
}

// neighbourhood returns the people within depth kg:met steps of roots.
func neighbourhood(ctx context.Context, r reader, ids sameAs, roots []quad.Value, depth int) (map[quad.Value]bool, error) {
	in := map[quad.Value]bool{}
	frontier := append([]quad.Value(nil), roots...)
	for _, p := range roots {
		in[p] = true
	}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []quad.Value
		for _, p := range frontier {
			for _, node := range append([]quad.Value{p}, ids.merged[p]...) {
				met, err := r.objects(ctx, node, schema.Met)
				if err != nil {
					return nil, fmt.Errorf("read contacts of %s: %w", nodeID(node), err)
				}
				for _, o := range met {
					o = ids.canonical(o)
					if !in[o] {
						in[o] = true
						next = append(next, o)
					}
				}
			}
		}
		frontier = next
	}
	return in, nil
}
