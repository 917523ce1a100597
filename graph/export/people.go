package export

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/pariz/gountries"

	"github.com/kg-project/kg/graph"
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
	evidence []string        // what each article says of each meeting, in one line
	where    map[string]bool // URLs (or files) of the articles
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
		{"kind", typeString}, {"places", typeString}, {"sources", typeString}, {"evidence", typeString}, {"urls", typeString}}
)

func (v *peopleView) directed() bool           { return false }
func (v *peopleView) nodeKeys() []Key          { return peopleNodeKeys }
func (v *peopleView) edgeKeys() []Key          { return peopleEdgeKeys }
func (v *peopleView) size() (nodes, edges int) { return len(v.people), len(v.pairs) }

// dotStyle lays out small graphs with neato, which draws them well, and
// larger ones with sfdp, made for large graphs (see sfdpFrom).
func (v *peopleView) dotStyle() []string {
	layout := []string{`layout=neato`, `overlap=false`, `splines=true`, `sep="+14"`}
	if len(v.people) > sfdpFrom {
		layout = []string{`layout=sfdp`, `overlap=prism`, `splines=false`}
	}
	return append(layout, `outputorder=edgesfirst`, `pad=0.3`,
		`node [shape=box, style="rounded,filled", fillcolor="#eef3fb", color="#4a6fa5", fontname="Helvetica", fontsize=11]`,
		`edge [color="#7d8da1", fontname="Helvetica", fontsize=9, fontcolor="#34495e"]`)
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
				strings.Join(setList(p.places), "; "), strings.Join(setList(p.sources), "; "),
				strings.Join(p.evidence, " | "), strings.Join(setList(p.where), " ")},
			Spells: mergeSpells(spells),
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// evidenceLine is what one article says of one meeting, on one line:
// 2017-01-18 meeting: “sentence” — Outlet, “Headline”, 2017-01-18, URL
// (article ID; rule R).
func evidenceLine(m *graph.Meeting, ev graph.Evidence) string {
	date := m.Date
	if date == "" {
		date = "undated"
	}
	var quoted []string
	for _, s := range ev.Sentences {
		quoted = append(quoted, "“"+s+"”")
	}
	headline := ""
	if ev.Headline != "" {
		headline = "“" + ev.Headline + "”"
	}
	src := nonEmpty(ev.Outlet, headline, ev.Published, ev.Where())
	line := fmt.Sprintf("%s %s: %s — %s (article %s", date, m.Kind, strings.Join(quoted, " "), strings.Join(src, ", "), ev.Article)
	if len(ev.Rules) > 0 {
		line += "; rule " + strings.Join(ev.Rules, ", ")
	}
	return line + ")"
}

// nonEmpty keeps the strings that are not empty.
func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
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

// buildPeople reads the people and their meetings, applying opt's
// filters, with the fast readers of graph.Facts: meetings come from the
// calendar (or from the people of a neighbourhood), people from their
// index, so the cost is that of reading what is exported.
func buildPeople(ctx context.Context, store *graph.Store, opt Options) (*peopleView, error) {
	facts := store.Facts()
	facts.RolesOnly = true        // a person's node shows their offices, not the reports of them
	var allowed map[quad.IRI]bool // nil: everyone
	var roots []graph.PersonRef
	filter := graph.MeetingFilter{Range: schema.DateRange{From: opt.From, To: opt.To}}
	if opt.Person != "" {
		var err error
		if roots, err = facts.FindPeople(ctx, opt.Person); err != nil {
			return nil, err
		}
		if len(roots) == 0 {
			return nil, fmt.Errorf("%w: --person %s: %w", ErrNothing, opt.Person, &graph.NoPersonError{Name: opt.Person})
		}
		rootIRIs := make([]quad.IRI, len(roots))
		for i, p := range roots {
			rootIRIs[i] = p.IRI
		}
		if allowed, err = facts.Neighbourhood(ctx, rootIRIs, opt.Depth); err != nil {
			return nil, fmt.Errorf("read contacts: %w", err)
		}
		for p := range allowed {
			filter.People = append(filter.People, p)
		}
	}

	counts := map[quad.IRI]int{}
	named := map[quad.IRI]graph.PersonRef{}
	pairs := map[[2]string]*pair{}
	err := facts.Meetings(ctx, filter, func(m *graph.Meeting) error {
		var who []graph.PersonRef
		for _, p := range m.People {
			if allowed == nil || allowed[p.IRI] {
				who = append(who, p)
			}
		}
		if len(who) < 2 {
			return nil
		}
		for i, p := range who {
			counts[p.IRI]++
			named[p.IRI] = p
			for _, o := range who[i+1:] {
				a, b := string(p.IRI), string(o.IRI)
				if b < a {
					a, b = b, a
				}
				k := [2]string{a, b}
				e := pairs[k]
				if e == nil {
					e = &pair{a: a, b: b, kinds: map[string]bool{}, places: map[string]bool{}, sources: map[string]bool{}, where: map[string]bool{}}
					pairs[k] = e
				}
				e.meetings++
				if m.Date != "" {
					e.dates = append(e.dates, m.Date)
				}
				if m.Kind != "" {
					e.kinds[m.Kind] = true
				}
				if m.Place != "" {
					e.places[m.Place] = true
				}
				for _, s := range m.Sources {
					e.sources[s] = true
				}
				for _, ev := range m.Evidence {
					e.evidence = append(e.evidence, evidenceLine(m, ev))
					if w := ev.Where(); w != "" {
						e.where[w] = true
					}
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
	var people []graph.PersonRef
	if opt.filtered() {
		for _, p := range roots {
			named[p.IRI] = p
		}
		for _, p := range named {
			people = append(people, p)
		}
	} else {
		if people, err = facts.AllPeople(ctx); err != nil {
			return nil, err
		}
		if len(people) == 0 {
			return nil, fmt.Errorf("%w: the store holds no people (load articles with kg load first)", ErrNothing)
		}
	}

	v := &peopleView{}
	err = facts.Profiles(ctx, people, false, func(info *graph.Person) error {
		p := personNode(info)
		p.meetings = counts[info.IRI]
		v.people = append(v.people, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read people: %w", err)
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

// personNode is a person of the people view: name, country and current
// offices.
func personNode(info *graph.Person) *person {
	p := &person{id: string(info.IRI), name: info.Name, country: info.Nationality}
	seen := map[string]bool{}
	for _, r := range info.Roles {
		if !r.Current {
			continue
		}
		office := r.Title
		if r.Of != "" {
			office += " of " + r.Of
		}
		if office == "" || seen[office] {
			continue
		}
		seen[office] = true
		p.offices = append(p.offices, office)
		if p.country == "" && isCountry(r.Of) {
			p.country = r.Of
		}
	}
	sort.Strings(p.offices)
	return p
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
