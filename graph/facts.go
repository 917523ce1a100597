package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Facts answers kg's main questions — people by name, a person's or a
// month's meetings, everyone, a person's offices, events in a range — by
// walking Cayley's indexes from the nodes the question names (a person, the
// dates of the calendar), so that each answer costs time in proportion to
// its size, not to the store's. The saved queries reach it from Gizmo
// through the kg helpers (helpers.go); exports use it directly.
//
// A Facts serves one goroutine (one query) and remembers what it read: the
// names of people, and values such as dates and places.
type Facts struct {
	r        *reader
	names    map[any]string // person ref key -> name
	calendar []string       // every date, newest first, once read
	// undatedFacts are the meetings and events without a date, once read.
	undatedFacts []cgraph.Ref
	// Slow is set once an answer had to read every fact because the
	// store has no complete calendar (see RebuildCalendar).
	Slow bool
}

// Facts returns a fact reader of the store, for one goroutine.
func (s *Store) Facts() *Facts {
	return &Facts{r: newReader(s.qs, s.db), names: map[any]string{}}
}

// Meeting is one meeting as the helpers return it.
type Meeting struct {
	Node    quad.IRI
	People  []PersonRef // the participants, by name
	Date    string      // ISO, possibly partial; "" when undated
	Place   string
	Kind    string   // meeting or call
	Sources []string // ids of the articles that report it, sorted
	ref     cgraph.Ref
}

// Person is one person as the helpers return it.
type Person struct {
	PersonRef
	Aliases     []string // other names, sorted
	Nationality string
	Roles       []Role   // distinct offices, current ones first
	Sources     []string // ids of the articles that name them, sorted (see Mentions)
}

// Role is an office a person holds or held.
type Role struct {
	Title, Of string
	Current   bool
}

// Office is one person holding one office, with its reports.
type Office struct {
	Node     quad.IRI
	Holder   PersonRef
	Role     Role
	Reported []string // publication dates of the reporting articles, sorted
	Sources  []string
}

// Event is a dated event other than a meeting.
type Event struct {
	Node    quad.IRI
	Date    string
	Label   string
	Head    string
	Place   string
	People  []PersonRef // people named in its evidence
	Sources []string
}

// FindPeople returns the people a name stands for, sorted by name: those
// indexed under the name's person key (so a surname alone or another
// spelling finds them, see schema.LookupKeys), and the person node of
// that name. An IRI (<kg:person/...>) names its node. People merged into
// another by kg alias are followed to that person.
func (f *Facts) FindPeople(ctx context.Context, name string) ([]PersonRef, error) {
	name = strings.TrimSpace(name)
	var cands []cgraph.Ref
	if iri, ok := personIRIArg(name); ok {
		cands = append(cands, f.r.ref(iri))
	} else {
		key := schema.PersonKey(name)
		if key == "" {
			return nil, nil
		}
		found, err := f.r.subjects(ctx, f.r.ref(quad.String(key)), schema.Key)
		if err != nil {
			return nil, err
		}
		cands = append(found, f.r.ref(schema.PersonIRI(name)))
	}
	var out []PersonRef
	seen := map[any]bool{}
	for _, c := range cands {
		p, err := f.canonical(ctx, c)
		if err != nil {
			return nil, err
		}
		if p == nil || seen[cgraph.ToKey(p)] {
			continue
		}
		seen[cgraph.ToKey(p)] = true
		ok, err := f.isA(ctx, p, schema.ClassPerson)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		ref, err := f.personRef(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, ref)
	}
	sortPeople(out)
	return out, nil
}

// personIRIArg recognises a person given by node rather than by name.
func personIRIArg(s string) (quad.IRI, bool) {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	if strings.HasPrefix(s, personPrefix) {
		return quad.IRI(s), true
	}
	return "", false
}

// canonical follows kg:sameAs links from a person merged away by kg alias
// to the person they were merged into.
func (f *Facts) canonical(ctx context.Context, p cgraph.Ref) (cgraph.Ref, error) {
	for range 32 { // a bound, against a loop of links
		if p == nil {
			return nil, nil
		}
		next, err := f.r.objects(ctx, p, schema.SameAs)
		if err != nil || len(next) == 0 {
			return p, err
		}
		p = next[0]
	}
	return p, nil
}

// isA reports whether node has the class class.
func (f *Facts) isA(ctx context.Context, node cgraph.Ref, class quad.IRI) (bool, error) {
	classes, err := f.r.objects(ctx, node, schema.Type)
	if err != nil {
		return false, err
	}
	want := f.r.ref(class)
	for _, c := range classes {
		if want != nil && cgraph.ToKey(c) == cgraph.ToKey(want) {
			return true, nil
		}
	}
	return false, nil
}

// refsOf turns IRIs into refs, dropping those the store does not have.
func (f *Facts) refsOf(iris []quad.IRI) []cgraph.Ref {
	var out []cgraph.Ref
	for _, iri := range iris {
		if ref := f.r.ref(iri); ref != nil {
			out = append(out, ref)
		}
	}
	return out
}

// name returns a person's name: the fullest of their kg:name values, or
// the IRI when they have none.
func (f *Facts) name(ctx context.Context, p cgraph.Ref) (string, error) {
	k := cgraph.ToKey(p)
	if n, ok := f.names[k]; ok {
		return n, nil
	}
	names, err := f.r.text(ctx, p, schema.Name)
	if err != nil {
		return "", err
	}
	n := longestText(names)
	if n == "" {
		iri, err := f.r.iri(ctx, p)
		if err != nil {
			return "", err
		}
		n = string(iri)
	}
	if len(f.names) < maxCachedValues {
		f.names[k] = n
	}
	return n, nil
}

func (f *Facts) personRef(ctx context.Context, p cgraph.Ref) (PersonRef, error) {
	iri, err := f.r.iri(ctx, p)
	if err != nil {
		return PersonRef{}, err
	}
	n, err := f.name(ctx, p)
	return PersonRef{IRI: iri, Name: n}, err
}

// people names each ref, sorted by name.
func (f *Facts) people(ctx context.Context, refs []cgraph.Ref) ([]PersonRef, error) {
	out := make([]PersonRef, 0, len(refs))
	for _, p := range refs {
		ref, err := f.personRef(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, ref)
	}
	sortPeople(out)
	return out, nil
}

func sortPeople(ps []PersonRef) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Name != ps[j].Name {
			return ps[i].Name < ps[j].Name
		}
		return ps[i].IRI < ps[j].IRI
	})
}

// sources returns the ids of the articles a fact node's kg:source quads
// name, sorted.
func (f *Facts) sources(ctx context.Context, node cgraph.Ref) ([]string, error) {
	arts, err := f.r.objects(ctx, node, schema.Source)
	if err != nil {
		return nil, err
	}
	return f.articleIDs(ctx, arts)
}

// articleIDs returns the ids of article nodes, sorted: read from the IRI
// (schema.ArticleIRI), so no look-up per article.
func (f *Facts) articleIDs(ctx context.Context, arts []cgraph.Ref) ([]string, error) {
	vals, err := f.r.valuesOf(ctx, arts)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(vals))
	for _, v := range vals {
		if iri, ok := v.(quad.IRI); ok {
			ids = append(ids, schema.ArticleID(iri))
		}
	}
	sort.Strings(ids)
	return uniqueStrings(ids), nil
}

// first returns the fullest literal of node's pred quads.
func (f *Facts) first(ctx context.Context, node cgraph.Ref, pred quad.IRI) (string, error) {
	vals, err := f.r.text(ctx, node, pred)
	return longestText(vals), err
}

// MeetingFilter chooses meetings: those of any of People (all when
// empty), also with any of With (when not empty), dated within Range.
type MeetingFilter struct {
	People, With []quad.IRI
	Range        schema.DateRange
}

// Meetings calls fn with every meeting the filter chooses, newest first
// (a partial date after the days it covers), undated meetings last, and
// meetings of the same date by the names of their participants. Meetings
// of named people are read from the people; the others are read date by
// date from the calendar, so the first come at once however many follow.
func (f *Facts) Meetings(ctx context.Context, filter MeetingFilter, fn func(*Meeting) error) error {
	if len(filter.People) > 0 || len(filter.With) > 0 {
		return f.meetingsOfPeople(ctx, filter, fn)
	}
	dates, err := f.datesIn(ctx, filter.Range)
	if err != nil {
		return err
	}
	var undated []cgraph.Ref
	if filter.Range.Open() {
		if undated, err = f.undated(ctx); err != nil {
			return err
		}
	}
	// The facts of each date, then the undated ones, are one group: read
	// on several goroutines, sent in order.
	return readOrdered(ctx, f, func(ctx context.Context, pf *Facts, send func([]cgraph.Ref) error) error {
		for _, d := range dates {
			nodes, err := pf.r.subjects(ctx, pf.r.ref(quad.String(d)), schema.Date)
			if err != nil {
				return err
			}
			if len(nodes) > 0 {
				if err := send(nodes); err != nil {
					return err
				}
			}
		}
		if len(undated) > 0 {
			return send(undated)
		}
		return nil
	}, (*Facts).readMeetings, func(ms []*Meeting) error { return emitMeetings(ms, fn) })
}

// meetingsOfPeople reads the meetings of filter.People (and filter.With),
// then sorts and filters them by date.
func (f *Facts) meetingsOfPeople(ctx context.Context, filter MeetingFilter, fn func(*Meeting) error) error {
	nodes, err := f.meetingsOf(ctx, filter.People)
	if err != nil {
		return err
	}
	if len(filter.With) > 0 {
		with, err := f.meetingsOf(ctx, filter.With)
		if err != nil {
			return err
		}
		in := make(map[any]bool, len(with))
		for _, m := range with {
			in[cgraph.ToKey(m)] = true
		}
		kept := nodes[:0]
		for _, m := range nodes {
			if in[cgraph.ToKey(m)] {
				kept = append(kept, m)
			}
		}
		nodes = kept
	}
	// First the date of every meeting, to choose and order them; then the
	// rest of each, in that order, a run of dates at a time, so that the
	// newest come first without the oldest being read before.
	var chosen []datedRef
	err = readOrdered(ctx, f, func(ctx context.Context, _ *Facts, send func([]cgraph.Ref) error) error {
		return chunks(nodes, 256, send)
	}, (*Facts).datesOf, func(ds []datedRef) error {
		for _, d := range ds {
			if filter.Range.Holds(d.date) {
				chosen = append(chosen, d)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(chosen, func(i, j int) bool { return newer(chosen[i].date, chosen[j].date) })
	return readOrdered(ctx, f, func(ctx context.Context, _ *Facts, send func([]cgraph.Ref) error) error {
		// Runs of whole dates, of 64 meetings or more, so that each run
		// can be sorted on its own.
		for i := 0; i < len(chosen); {
			j := min(i+64, len(chosen))
			for j < len(chosen) && chosen[j].date == chosen[j-1].date {
				j++
			}
			run := make([]cgraph.Ref, 0, j-i)
			for _, d := range chosen[i:j] {
				run = append(run, d.node)
			}
			if err := send(run); err != nil {
				return err
			}
			i = j
		}
		return nil
	}, (*Facts).readMeetings, func(ms []*Meeting) error { return emitMeetings(ms, fn) })
}

// datedRef is a fact node and its date.
type datedRef struct {
	node cgraph.Ref
	date string
}

// datesOf reads the date of each node ("" for none).
func (f *Facts) datesOf(ctx context.Context, nodes []cgraph.Ref) ([]datedRef, error) {
	dates, err := f.r.objectsOfAll(ctx, nodes, schema.Date)
	if err != nil {
		return nil, err
	}
	var all []cgraph.Ref
	for _, d := range dates {
		all = append(all, d...)
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	out := make([]datedRef, len(nodes))
	for i, n := range nodes {
		texts, err := f.r.strs(ctx, dates[i])
		if err != nil {
			return nil, err
		}
		out[i] = datedRef{node: n, date: longestText(texts)}
	}
	return out, nil
}

// newer orders dates newest first, undated last.
func newer(a, b string) bool {
	if a == "" || b == "" {
		return a != "" && b == ""
	}
	return a > b
}

// meetingsOf lists the meetings any of people took part in, each once.
func (f *Facts) meetingsOf(ctx context.Context, people []quad.IRI) ([]cgraph.Ref, error) {
	var out []cgraph.Ref
	seen := map[any]bool{}
	for _, p := range f.refsOf(people) {
		ms, err := f.r.subjects(ctx, p, schema.Participant)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if k := cgraph.ToKey(m); !seen[k] {
				seen[k] = true
				out = append(out, m)
			}
		}
	}
	return out, nil
}

// emitMeetings sorts meetings and sends them to fn.
func emitMeetings(ms []*Meeting, fn func(*Meeting) error) error {
	sortMeetings(ms)
	for _, m := range ms {
		if err := fn(m); err != nil {
			return err
		}
	}
	return nil
}

// sortMeetings orders meetings newest first, undated last, then by the
// names of their participants.
func sortMeetings(ms []*Meeting) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Date != b.Date {
			if a.Date == "" || b.Date == "" {
				return b.Date == ""
			}
			return a.Date > b.Date
		}
		if ka, kb := peopleKey(a.People), peopleKey(b.People); ka != kb {
			return ka < kb
		}
		return a.Node < b.Node
	})
}

func peopleKey(ps []PersonRef) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, "\x00")
}

// readMeetings reads the meetings among nodes (other facts, such as the
// events of the same date, are skipped): each meeting's quads in one scan,
// then the values they need in one batch.
func (f *Facts) readMeetings(ctx context.Context, nodes []cgraph.Ref) ([]*Meeting, error) {
	refs, iris, err := f.withPrefix(ctx, nodes, meetingPrefix)
	if err != nil {
		return nil, err
	}
	out := make([]*Meeting, len(refs))
	for i, iri := range iris {
		out[i] = &Meeting{Node: iri, ref: refs[i]}
	}
	const (
		participant = iota
		date
		place
		kind
		source
	)
	// The values of every meeting's dates, places, kinds and sources are
	// read in one call, then from the reader's cache.
	found, err := f.gather(ctx, refs, []quad.IRI{schema.Participant, schema.Date, schema.Place, schema.Kind, schema.Source}, date, place, kind, source)
	if err != nil {
		return nil, err
	}
	for i, m := range out {
		fv := found[i]
		if m.People, err = f.people(ctx, fv[participant]); err != nil {
			return nil, err
		}
		var dates, places, kinds []string
		if dates, err = f.r.strs(ctx, fv[date]); err != nil {
			return nil, err
		}
		if places, err = f.r.strs(ctx, fv[place]); err != nil {
			return nil, err
		}
		if kinds, err = f.r.strs(ctx, fv[kind]); err != nil {
			return nil, err
		}
		m.Date, m.Place, m.Kind = longestText(dates), longestText(places), longestText(kinds)
		if m.Kind == "" {
			m.Kind = "meeting"
		}
		if m.Sources, err = f.articleIDs(ctx, fv[source]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// withPrefix keeps the nodes whose IRI starts with prefix (the meetings
// or the events among the facts of a date), with their IRIs.
func (f *Facts) withPrefix(ctx context.Context, nodes []cgraph.Ref, prefix string) ([]cgraph.Ref, []quad.IRI, error) {
	vals, err := f.r.valuesOf(ctx, nodes)
	if err != nil {
		return nil, nil, err
	}
	var refs []cgraph.Ref
	var iris []quad.IRI
	for i, v := range vals {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), prefix) {
			refs = append(refs, nodes[i])
			iris = append(iris, iri)
		}
	}
	return refs, iris, nil
}

// gather reads the quads of each node in one scan and sorts their objects
// by predicate: found[i][k] holds node i's objects of preds[k]. The values
// of the objects of the predicates numbered in values are then read, for
// all nodes, in one call, so that later look-ups hit the reader's cache.
func (f *Facts) gather(ctx context.Context, nodes []cgraph.Ref, preds []quad.IRI, values ...int) ([][][]cgraph.Ref, error) {
	keys := f.r.predKeys(preds...)
	found := make([][][]cgraph.Ref, len(nodes))
	for i := range found {
		found[i] = make([][]cgraph.Ref, len(preds))
	}
	err := f.r.outQuads(ctx, nodes, func(i int, q quadRefs) error {
		if k, ok := keys[cgraph.ToKey(q.pred)]; ok {
			found[i][k] = appendRef(found[i][k], q.obj)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var all []cgraph.Ref
	for i := range found {
		for _, k := range values {
			all = append(all, found[i][k]...)
		}
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	return found, nil
}

// appendRef appends ref unless refs holds it already.
func appendRef(refs []cgraph.Ref, ref cgraph.Ref) []cgraph.Ref {
	k := cgraph.ToKey(ref)
	for _, r := range refs {
		if cgraph.ToKey(r) == k {
			return refs
		}
	}
	return append(refs, ref)
}

// meetingPrefix and eventPrefix start the IRIs of meeting and event nodes
// (schema.MeetingIRI, schema.EventIRI), which tells the facts of a date
// apart without reading their types.
const (
	meetingPrefix = schema.NS + "meeting/"
	eventPrefix   = schema.NS + "event/"
)

// AllPeople lists every person, sorted by name.
func (f *Facts) AllPeople(ctx context.Context) ([]PersonRef, error) {
	refs, err := f.r.subjects(ctx, f.r.ref(schema.ClassPerson), schema.Type)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	var out []PersonRef
	err = readOrdered(ctx, f, func(ctx context.Context, _ *Facts, send func([]cgraph.Ref) error) error {
		return chunks(refs, 256, send)
	}, (*Facts).people, func(ps []PersonRef) error {
		out = append(out, ps...)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	sortPeople(out)
	return out, nil
}

// Profiles calls fn with what kg knows of each of people (Person, and the
// articles that name them when mentions is set), in the order given; they
// are read on every core.
func (f *Facts) Profiles(ctx context.Context, people []PersonRef, mentions bool, fn func(*Person) error) error {
	return readOrdered(ctx, f, func(ctx context.Context, _ *Facts, send func([]PersonRef) error) error {
		return rampedChunks(people, 64, send)
	}, func(f *Facts, ctx context.Context, group []PersonRef) ([]*Person, error) {
		return f.persons(ctx, group, mentions)
	}, func(ps []*Person) error {
		for _, p := range ps {
			if err := fn(p); err != nil {
				return err
			}
		}
		return nil
	})
}

// Person reads what kg knows of one person: names, nationality and
// offices. Sources are left for Mentions, which costs one look-up per
// article and is not always wanted.
func (f *Facts) Person(ctx context.Context, who PersonRef) (*Person, error) {
	ps, err := f.persons(ctx, []PersonRef{who}, false)
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

// persons reads Person (and, with mentions, the sources) of a group of
// people together: each question is asked for the whole group at once,
// which on PostgreSQL is one statement instead of one a person.
func (f *Facts) persons(ctx context.Context, group []PersonRef, mentions bool) ([]*Person, error) {
	refs := make([]cgraph.Ref, len(group))
	for i, who := range group {
		refs[i] = f.r.ref(who.IRI)
	}
	var lists [4][][]cgraph.Ref // names, aliases, nationalities, offices
	for k, pred := range []quad.IRI{schema.Name, schema.Alias, schema.Nationality, schema.Holds} {
		var err error
		if lists[k], err = f.r.objectsOfAll(ctx, refs, pred); err != nil {
			return nil, err
		}
	}
	var literals, offices []cgraph.Ref
	for i := range refs {
		for k := 0; k < 3; k++ {
			literals = append(literals, lists[k][i]...)
		}
		offices = append(offices, lists[3][i]...)
	}
	if _, err := f.r.valuesOf(ctx, literals); err != nil {
		return nil, err
	}
	roles, err := f.roles(ctx, offices)
	if err != nil {
		return nil, err
	}
	var arts [][]cgraph.Ref
	if mentions {
		if arts, err = f.r.subjectsOfAll(ctx, refs, schema.Mentions); err != nil {
			return nil, err
		}
	}
	out := make([]*Person, len(group))
	for i, who := range group {
		p := &Person{PersonRef: who}
		names, err := f.r.strs(ctx, append(append([]cgraph.Ref{}, lists[0][i]...), lists[1][i]...))
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if n != who.Name {
				p.Aliases = append(p.Aliases, n)
			}
		}
		sort.Strings(p.Aliases)
		p.Aliases = uniqueStrings(p.Aliases)
		nats, err := f.r.strs(ctx, lists[2][i])
		if err != nil {
			return nil, err
		}
		p.Nationality = longestText(nats)
		seen := map[Role]bool{}
		for _, o := range lists[3][i] {
			if r := roles[cgraph.ToKey(o)]; !seen[r] {
				seen[r] = true
				p.Roles = append(p.Roles, r)
			}
		}
		sortRoles(p.Roles)
		if mentions {
			if p.Sources, err = f.articleIDs(ctx, arts[i]); err != nil {
				return nil, err
			}
		}
		out[i] = p
	}
	return out, nil
}

// sortRoles puts current offices first, then orders by title and of.
func sortRoles(roles []Role) {
	sort.Slice(roles, func(i, j int) bool {
		a, b := roles[i], roles[j]
		if a.Current != b.Current {
			return a.Current
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.Of < b.Of
	})
}

// roles reads the title, of and current of offices, all at once.
func (f *Facts) roles(ctx context.Context, offices []cgraph.Ref) (map[any]Role, error) {
	var lists [3][][]cgraph.Ref
	var all []cgraph.Ref
	for k, pred := range []quad.IRI{schema.Title, schema.Of, schema.Current} {
		var err error
		if lists[k], err = f.r.objectsOfAll(ctx, offices, pred); err != nil {
			return nil, err
		}
		for _, l := range lists[k] {
			all = append(all, l...)
		}
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	out := make(map[any]Role, len(offices))
	for i, o := range offices {
		var text [3]string
		for k := range lists {
			vals, err := f.r.strs(ctx, lists[k][i])
			if err != nil {
				return nil, err
			}
			text[k] = longestText(vals)
		}
		out[cgraph.ToKey(o)] = Role{Title: text[0], Of: text[1], Current: text[2] != "false"}
	}
	return out, nil
}

// Mentions returns the ids of the articles that name a person, sorted.
func (f *Facts) Mentions(ctx context.Context, who quad.IRI) ([]string, error) {
	arts, err := f.r.subjects(ctx, f.r.ref(who), schema.Mentions)
	if err != nil {
		return nil, err
	}
	return f.articleIDs(ctx, arts)
}

// Neighbourhood returns the people within depth kg:met steps of roots,
// roots included.
func (f *Facts) Neighbourhood(ctx context.Context, roots []quad.IRI, depth int) (map[quad.IRI]bool, error) {
	in := map[quad.IRI]bool{}
	for _, p := range roots {
		in[p] = true
	}
	frontier := f.refsOf(roots)
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []cgraph.Ref
		for _, p := range frontier {
			met, err := f.r.objects(ctx, p, schema.Met)
			if err != nil {
				return nil, err
			}
			iris, err := f.r.valuesOf(ctx, met)
			if err != nil {
				return nil, err
			}
			for i, v := range iris {
				if iri, ok := v.(quad.IRI); ok && !in[iri] {
					in[iri] = true
					next = append(next, met[i])
				}
			}
		}
		frontier = next
	}
	return in, nil
}

// Offices lists the offices people held, by the first date they were
// reported (unreported last), then by title.
func (f *Facts) Offices(ctx context.Context, people []PersonRef) ([]Office, error) {
	var out []Office
	for _, who := range people {
		offices, err := f.r.objects(ctx, f.r.ref(who.IRI), schema.Holds)
		if err != nil {
			return nil, err
		}
		for _, o := range offices {
			iri, err := f.r.iri(ctx, o)
			if err != nil {
				return nil, err
			}
			off := Office{Node: iri, Holder: who}
			roles, err := f.roles(ctx, []cgraph.Ref{o})
			if err != nil {
				return nil, err
			}
			off.Role = roles[cgraph.ToKey(o)]
			if off.Reported, err = f.r.text(ctx, o, schema.ReportedOn); err != nil {
				return nil, err
			}
			sort.Strings(off.Reported)
			off.Reported = uniqueStrings(off.Reported)
			if off.Sources, err = f.sources(ctx, o); err != nil {
				return nil, err
			}
			out = append(out, off)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := "9999", "9999"
		if len(out[i].Reported) > 0 {
			a = out[i].Reported[0]
		}
		if len(out[j].Reported) > 0 {
			b = out[j].Reported[0]
		}
		if a != b {
			return a < b
		}
		return out[i].Role.Title < out[j].Role.Title
	})
	return out, nil
}

// EventFilter chooses events: dated within Range, with head word Head
// (any when empty, compared without case), involving any of People (any
// when empty).
type EventFilter struct {
	Range  schema.DateRange
	Head   string
	People []quad.IRI
}

// Events calls fn with every dated event the filter chooses, oldest
// first, events of one date by label. Events of named people are read
// from the people, the others date by date from the calendar; either way
// on every core, in order.
func (f *Facts) Events(ctx context.Context, filter EventFilter, fn func(*Event) error) error {
	byPeople := len(filter.People) > 0
	var groups [][]cgraph.Ref // byPeople: the events of one date each, oldest first
	if byPeople {
		var nodes []cgraph.Ref
		seen := map[any]bool{}
		for _, p := range f.refsOf(filter.People) {
			evs, err := f.r.subjects(ctx, p, schema.Involves)
			if err != nil {
				return err
			}
			for _, e := range evs {
				if k := cgraph.ToKey(e); !seen[k] {
					seen[k] = true
					nodes = append(nodes, e)
				}
			}
		}
		dated, err := f.datesOf(ctx, nodes)
		if err != nil {
			return err
		}
		byDate := map[string][]cgraph.Ref{}
		var dates []string
		for _, d := range dated {
			if d.date == "" || !filter.Range.Holds(d.date) {
				continue
			}
			if _, ok := byDate[d.date]; !ok {
				dates = append(dates, d.date)
			}
			byDate[d.date] = append(byDate[d.date], d.node)
		}
		sort.Strings(dates)
		for _, d := range dates {
			groups = append(groups, byDate[d])
		}
	}
	return readOrdered(ctx, f, func(ctx context.Context, pf *Facts, send func([]cgraph.Ref) error) error {
		if byPeople {
			for _, g := range groups {
				if err := send(g); err != nil {
					return err
				}
			}
			return nil
		}
		all, err := pf.datesIn(ctx, filter.Range)
		if err != nil {
			return err
		}
		for i := len(all) - 1; i >= 0; i-- {
			nodes, err := pf.r.subjects(ctx, pf.r.ref(quad.String(all[i])), schema.Date)
			if err != nil {
				return err
			}
			if len(nodes) > 0 {
				if err := send(nodes); err != nil {
					return err
				}
			}
		}
		return nil
	}, func(f *Facts, ctx context.Context, nodes []cgraph.Ref) ([]*Event, error) {
		return f.readEvents(ctx, nodes, filter.Head)
	}, func(evs []*Event) error {
		for _, e := range evs {
			if err := fn(e); err != nil {
				return err
			}
		}
		return nil
	})
}

// readEvents reads the events among nodes (the facts of one date) whose
// head is head (any, when empty), by label: each event's quads in one scan.
func (f *Facts) readEvents(ctx context.Context, nodes []cgraph.Ref, head string) ([]*Event, error) {
	refs, iris, err := f.withPrefix(ctx, nodes, eventPrefix)
	if err != nil {
		return nil, err
	}
	out := make([]*Event, len(refs))
	for i, iri := range iris {
		out[i] = &Event{Node: iri}
	}
	const (
		date = iota
		label
		headWord
		place
		involves
		source
	)
	found, err := f.gather(ctx, refs, []quad.IRI{schema.Date, schema.Label, schema.Head, schema.Place, schema.Involves, schema.Source}, date, label, headWord, place, source)
	if err != nil {
		return nil, err
	}
	kept := out[:0]
	for i, e := range out {
		fv := found[i]
		text := make([]string, place+1)
		for k := date; k <= place; k++ {
			vals, err := f.r.strs(ctx, fv[k])
			if err != nil {
				return nil, err
			}
			text[k] = longestText(vals)
		}
		e.Date, e.Label, e.Head, e.Place = text[date], text[label], text[headWord], text[place]
		if head != "" && !strings.EqualFold(e.Head, head) {
			continue
		}
		if e.People, err = f.people(ctx, fv[involves]); err != nil {
			return nil, err
		}
		if e.Sources, err = f.articleIDs(ctx, fv[source]); err != nil {
			return nil, err
		}
		kept = append(kept, e)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i].Label, kept[j].Label
		if a == "" {
			a = kept[i].Head
		}
		if b == "" {
			b = kept[j].Head
		}
		return a < b
	})
	return kept, nil
}
