package graph

import (
	"context"
	"fmt"
	"slices"
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
// names of people, values such as dates and places, the articles behind
// evidence, and who is joined to whom (identity.go).
type Facts struct {
	r        *reader
	names    map[any]string // person ref key -> name
	calendar []string       // every date, newest first, once read
	// undatedFacts are the meetings and events without a date, once read.
	undatedFacts []cgraph.Ref
	id           *identity            // joins and retractions, once read
	arts         map[any]*articleInfo // article ref key -> what evidence says of it
	shared       *sharedArticles      // the articles read by any goroutine of the answer
	filler       bool                 // reads every article into shared (prefetchArticles)
	forked       bool                 // one of several goroutines of an answer (fork)
	// Slow is set once an answer had to read every fact because the
	// store has no complete calendar (see RebuildCalendar).
	Slow bool
	// WithRetracted makes answers keep the facts kg retract took out
	// (marked Retracted), for kg show and kg corrections.
	WithRetracted bool
	// RolesOnly makes Profiles and Person read a person's roles without
	// their evidence, for exports that show the offices only: the
	// office of a head of state is reported by thousands of articles.
	RolesOnly bool
}

// Facts returns a fact reader of the store, for one goroutine.
func (s *Store) Facts() *Facts {
	return &Facts{r: newReader(s.qs, s.db, s.lvl), names: map[any]string{}, arts: map[any]*articleInfo{}, shared: newSharedArticles()}
}

// Meeting is one meeting as the helpers return it. A meeting reported
// with different forms of one person's name (joined by kg alias or
// resolved) is stored as several nodes: it is answered once, with the
// reports of all.
type Meeting struct {
	Node      quad.IRI    // its node (the smallest of Nodes)
	Nodes     []quad.IRI  // every node that stores it
	People    []PersonRef // the participants, by name
	Date      string      // ISO, possibly partial; "" when undated
	Place     string
	Kind      string     // meeting or call
	Sources   []string   // ids of the articles that report it, sorted
	Evidence  []Evidence // what each article says, oldest first
	Retracted bool       // taken out by kg retract (only with WithRetracted)
}

// Person is one person as the helpers return it.
type Person struct {
	PersonRef
	Aliases     []string // other names, sorted
	Nationality string
	Roles       []HeldRole // distinct offices, current ones first
	Sources     []string   // ids of the articles that name them, sorted (see Mentions)
	// Joined are the people kg takes to be this one: joined by kg alias,
	// or short forms of the name resolved to them.
	Joined []PersonRef
}

// Role is an office a person holds or held.
type Role struct {
	Title, Of string
	Current   bool
}

// HeldRole is a role with what the articles say of it.
type HeldRole struct {
	Role
	Evidence []Evidence
}

// Office is one person holding one office, with its reports.
type Office struct {
	Node      quad.IRI
	Nodes     []quad.IRI
	Holder    PersonRef
	Role      Role
	Reported  []string // publication dates of the reporting articles, sorted
	Sources   []string
	Evidence  []Evidence
	Retracted bool
}

// Event is a dated event other than a meeting.
type Event struct {
	Node      quad.IRI
	Date      string
	Label     string
	Head      string
	Place     string
	People    []PersonRef // people named in its evidence
	Sources   []string
	Evidence  []Evidence
	Retracted bool
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

// readNames reads the names of the people among refs not named yet, all
// in one call each for their names and their values (name reads one
// person at a time).
func (f *Facts) readNames(ctx context.Context, refs []cgraph.Ref) error {
	missing := notIn(f.names, refs)
	if len(missing) < 2 {
		return nil // name reads it as cheaply
	}
	lists, err := f.r.objectsOfAll(ctx, missing, schema.Name)
	if err != nil {
		return err
	}
	var all []cgraph.Ref
	for _, l := range lists {
		all = append(all, l...)
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return err
	}
	for i, p := range missing {
		names, err := f.r.strs(ctx, lists[i])
		if err != nil {
			return err
		}
		if n := longestText(names); n != "" && len(f.names) < maxCachedValues {
			f.names[cgraph.ToKey(p)] = n
		}
	}
	return nil
}

// readPeople reads the names and IRIs of the people of many facts at once,
// so that people, called for each fact, finds them in the caches: one pass
// over the store instead of one a fact (one statement instead of one a
// fact on PostgreSQL).
func (f *Facts) readPeople(ctx context.Context, refs []cgraph.Ref) error {
	if err := f.readNames(ctx, refs); err != nil {
		return err
	}
	return f.r.warmValues(ctx, refs)
}

// notIn lists the refs, each once, whose keys m does not hold.
func notIn[V any](m map[any]V, refs []cgraph.Ref) []cgraph.Ref {
	var out []cgraph.Ref
	seen := map[any]bool{}
	for _, r := range refs {
		k := cgraph.ToKey(r)
		if _, ok := m[k]; !ok && !seen[k] {
			seen[k] = true
			out = append(out, r)
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

// people names each ref, sorted by name. Their names and IRIs are read
// for all of them at once first (personRef reads one at a time).
func (f *Facts) people(ctx context.Context, refs []cgraph.Ref) ([]PersonRef, error) {
	if err := f.readNames(ctx, refs); err != nil {
		return nil, err
	}
	if len(refs) > 1 {
		if _, err := f.r.valuesOf(ctx, refs); err != nil {
			return nil, err
		}
	}
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
	// The facts of a run of dates (groupAfter), then the undated ones, are
	// one group: read on several goroutines, sent in order.
	return readOrdered(ctx, f, func(ctx context.Context, pf *Facts, send func([]datedNode) error) error {
		var run []datedNode
		sent := 0
		for _, d := range dates {
			date := pf.r.ref(quad.String(d))
			nodes, err := pf.r.indexedSubjects(ctx, date, schema.Date)
			if err != nil {
				return err
			}
			for _, n := range nodes {
				run = append(run, datedNode{node: n, date: date})
			}
			if len(run) >= groupAfter(sent) {
				if err := send(run); err != nil {
					return err
				}
				sent += len(run)
				run = nil
			}
		}
		if len(run) > 0 {
			if err := send(run); err != nil {
				return err
			}
		}
		if len(undated) > 0 {
			run = make([]datedNode, len(undated))
			for i, n := range undated {
				run[i] = datedNode{node: n}
			}
			return send(run)
		}
		return nil
	}, (*Facts).readDatedMeetings, func(ms []*Meeting) error { return emitMeetings(ms, fn) })
}

// groupAfter is the smallest number of facts Meetings reads as one group
// (of whole dates) once it has sent sent: one date at first, then an
// eighth of what was sent, up to 1,024. The first groups are small, so
// that a first page is read without reading much beyond it (the groups
// being read when the page is full are finished), and the groups of a long
// answer large, since the facts of neighbouring dates are read together
// more cheaply (rawlevel.go).
func groupAfter(sent int) int {
	return min(max(sent/8, 1), 1024)
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

// meetingsOf lists the meetings any of people (and the people joined into
// them) took part in, each once.
func (f *Facts) meetingsOf(ctx context.Context, people []quad.IRI) ([]cgraph.Ref, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	var out []cgraph.Ref
	seen := map[any]bool{}
	for _, p := range id.allOf(f.refsOf(people)) {
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
// then the values they need in one batch. Nodes that are one meeting once
// people are joined (the same people, date and kind) are answered as one;
// they always have the same date, so they come in the same call.
// Retracted meetings are left out, and so are meetings that joins leave
// with fewer than two people.
func (f *Facts) readMeetings(ctx context.Context, nodes []cgraph.Ref) ([]*Meeting, error) {
	return f.readMeetingsOn(ctx, nodes, nil)
}

// datedNode is a fact node found under a date of the calendar (nil for
// the undated facts).
type datedNode struct {
	node, date cgraph.Ref
}

// readDatedMeetings is readMeetings for nodes found in the index of a
// date (reader.indexedSubjects), which may list a node whose date quad was
// removed: such a node is read only if it has that date.
func (f *Facts) readDatedMeetings(ctx context.Context, group []datedNode) ([]*Meeting, error) {
	nodes := make([]cgraph.Ref, len(group))
	dates := make([]cgraph.Ref, len(group))
	for i, d := range group {
		nodes[i], dates[i] = d.node, d.date
	}
	return f.readMeetingsOn(ctx, nodes, dates)
}

// readMeetingsOn reads the meetings among nodes; when onDates is not nil,
// the node nodes[i] is a meeting only if it has the date onDates[i] (any,
// when nil).
func (f *Facts) readMeetingsOn(ctx context.Context, nodes, onDates []cgraph.Ref) ([]*Meeting, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	refs, iris, kept, err := f.withPrefix(ctx, nodes, meetingPrefix)
	if err != nil {
		return nil, err
	}
	read := make([]*Meeting, len(refs))
	for i, iri := range iris {
		read[i] = &Meeting{Node: iri, Nodes: []quad.IRI{iri}}
	}
	const (
		participant = iota
		date
		place
		kind
	)
	// The values of every meeting's dates, places, kinds and evidence, and
	// the articles behind them, are read in one call each; then from the
	// caches.
	found, reps, err := f.gatherReported(ctx, refs, []quad.IRI{schema.Participant, schema.Date, schema.Place, schema.Kind}, date, place, kind)
	if err != nil {
		return nil, err
	}
	var participants []cgraph.Ref
	for i := range read {
		participants = append(participants, id.people(found[i][participant])...)
	}
	if err := f.readPeople(ctx, participants); err != nil {
		return nil, err
	}
	// One meeting for each set of people, date and kind.
	type group struct {
		m         *Meeting
		reps      []*reports
		places    []string
		retracted bool
	}
	var groups []*group
	byKey := map[string]*group{}
	for i, m := range read {
		fv := found[i]
		if onDates != nil && onDates[kept[i]] != nil && !slices.ContainsFunc(fv[date], func(d cgraph.Ref) bool {
			return cgraph.ToKey(d) == cgraph.ToKey(onDates[kept[i]])
		}) {
			continue // listed under a date it no longer has
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
		m.Date, m.Kind = longestText(dates), longestText(kinds)
		if m.Kind == "" {
			m.Kind = "meeting"
		}
		if m.People, err = f.people(ctx, id.people(fv[participant])); err != nil {
			return nil, err
		}
		if len(m.People) < 2 {
			continue // one person, once joins are made
		}
		k := meetingKey(m)
		g := byKey[k]
		if g == nil {
			g = &group{m: m}
			byKey[k] = g
			groups = append(groups, g)
		} else {
			g.m.Nodes = append(g.m.Nodes, m.Node)
		}
		g.reps = append(g.reps, &reps[i])
		g.places = append(g.places, places...)
		g.retracted = g.retracted || id.isRetracted(refs[i])
	}
	out := make([]*Meeting, 0, len(groups))
	for _, g := range groups {
		if g.retracted && !f.WithRetracted {
			continue
		}
		m := g.m
		m.Retracted = g.retracted
		m.Place = longestText(g.places)
		sortIRIs(m.Nodes)
		m.Node = m.Nodes[0]
		if m.Evidence, err = f.evidence(ctx, g.reps...); err != nil {
			return nil, err
		}
		m.Sources = sourcesOf(m.Evidence)
		out = append(out, m)
	}
	return out, nil
}

// meetingKey is what makes a meeting one meeting: its people, its date and
// its kind (schema.MeetingIRI).
func meetingKey(m *Meeting) string {
	parts := make([]string, 0, len(m.People)+2)
	for _, p := range m.People {
		parts = append(parts, string(p.IRI))
	}
	sort.Strings(parts)
	return strings.Join(append(parts, m.Date, m.Kind), "\x00")
}

func sortIRIs(iris []quad.IRI) {
	sort.Slice(iris, func(i, j int) bool { return iris[i] < iris[j] })
}

// gather reads the quads of each node in one scan and sorts their objects
// by predicate: found[i][k] holds node i's objects of preds[k]. The values
// of the objects of the predicates numbered in values are then read, for
// all nodes, in one call, so that later look-ups hit the reader's cache.
func (f *Facts) gather(ctx context.Context, nodes []cgraph.Ref, preds []quad.IRI, values ...int) ([][][]cgraph.Ref, error) {
	found, _, err := f.gatherAll(ctx, nodes, preds, false, values)
	return found, err
}

// gatherReported is gather for facts: it also files each node's reports
// (kg:source, kg:evidence and kg:rule quads, labelled with their article)
// and reads the values and the articles they need.
func (f *Facts) gatherReported(ctx context.Context, nodes []cgraph.Ref, preds []quad.IRI, values ...int) ([][][]cgraph.Ref, []reports, error) {
	return f.gatherAll(ctx, nodes, preds, true, values)
}

func (f *Facts) gatherAll(ctx context.Context, nodes []cgraph.Ref, preds []quad.IRI, reported bool, values []int) ([][][]cgraph.Ref, []reports, error) {
	n := len(preds)
	if reported {
		preds = append(append([]quad.IRI{}, preds...), schema.Source, schema.Evidence, schema.Rule)
	}
	keys := f.r.predKeys(preds...)
	found := make([][][]cgraph.Ref, len(nodes))
	for i := range found {
		found[i] = make([][]cgraph.Ref, n)
	}
	reps := make([]reports, len(nodes))
	err := f.r.outQuads(ctx, nodes, keys, func(i int, q quadRefs) error {
		switch k, ok := keys[cgraph.ToKey(q.pred)]; {
		case !ok:
		case k < n:
			found[i][k] = appendRef(found[i][k], q.obj)
		default:
			reps[i].see(k-n, q)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var all, arts []cgraph.Ref
	for i := range found {
		for _, k := range values {
			all = append(all, found[i][k]...)
		}
		all = append(all, reps[i].values()...)
		arts = append(arts, reps[i].articles()...)
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return nil, nil, err
	}
	if err := f.readSentences(ctx, reps); err != nil {
		return nil, nil, err
	}
	if err := f.articleInfos(ctx, arts); err != nil {
		return nil, nil, err
	}
	return found, reps, nil
}

// objectsByPred reads, for each node, its objects of each of preds, one
// index scan a predicate (one statement on PostgreSQL), and their values:
// found[i][k] holds node i's objects of preds[k]. Cheaper than gather for
// nodes with many other quads, such as an office with its reports.
func (f *Facts) objectsByPred(ctx context.Context, nodes []cgraph.Ref, preds []quad.IRI) ([][][]cgraph.Ref, error) {
	found := make([][][]cgraph.Ref, len(nodes))
	for i := range found {
		found[i] = make([][]cgraph.Ref, len(preds))
	}
	var all []cgraph.Ref
	for k, pred := range preds {
		lists, err := f.r.objectsOfAll(ctx, nodes, pred)
		if err != nil {
			return nil, err
		}
		for i, l := range lists {
			found[i][k] = l
			all = append(all, l...)
		}
	}
	if _, err := f.r.valuesOf(ctx, all); err != nil {
		return nil, err
	}
	return found, nil
}

// withPrefix keeps the nodes whose IRI starts with prefix (the meetings
// or the events among the facts of a date), with their IRIs.
// kept[i] is the index in nodes of refs[i].
func (f *Facts) withPrefix(ctx context.Context, nodes []cgraph.Ref, prefix string) (refs []cgraph.Ref, iris []quad.IRI, kept []int, err error) {
	vals, err := f.r.valuesOf(ctx, nodes)
	if err != nil {
		return nil, nil, nil, err
	}
	for i, v := range vals {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), prefix) {
			refs = append(refs, nodes[i])
			iris = append(iris, iri)
			kept = append(kept, i)
		}
	}
	return refs, iris, kept, nil
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

// AllPeople lists every person, sorted by name; people joined into another
// are part of that person, not listed.
func (f *Facts) AllPeople(ctx context.Context) ([]PersonRef, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	refs, err := f.r.subjects(ctx, f.r.ref(schema.ClassPerson), schema.Type)
	if err != nil {
		return nil, fmt.Errorf("list people: %w", err)
	}
	kept := refs[:0]
	for _, p := range refs {
		if !id.joined(p) {
			kept = append(kept, p)
		}
	}
	var out []PersonRef
	err = readOrdered(ctx, f, func(ctx context.Context, _ *Facts, send func([]cgraph.Ref) error) error {
		return chunks(kept, 256, send)
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

// maxProfileGroup is the most people Profiles reads as one group. The
// reports of the offices of a group are read in one pass in key order, and
// those of more people share the log's blocks: groups of 256 take 7% less
// CPU to list every person of a 100,000-article store, but at a million
// articles a group holds the evidence of several heads of state's offices
// (tens of thousands of reports each) and the answer outgrew the query's
// memory budget (docs/performance.md).
const maxProfileGroup = 64

// Profiles calls fn with what kg knows of each of people (Person, and the
// articles that name them when mentions is set), in the order given; they
// are read on every core.
func (f *Facts) Profiles(ctx context.Context, people []PersonRef, mentions bool, fn func(*Person) error) error {
	emit := func(ps []*Person) error {
		for _, p := range ps {
			if err := fn(p); err != nil {
				return err
			}
		}
		return nil
	}
	if len(people) <= firstRampedGroup {
		// One group: read here, where its many articles, if it has
		// them, are spread over every core (readArticlesSpread).
		ps, err := f.persons(ctx, people, mentions)
		if err != nil {
			return err
		}
		return emit(ps)
	}
	return readOrdered(ctx, f, func(ctx context.Context, _ *Facts, send func([]PersonRef) error) error {
		return rampedChunks(people, maxProfileGroup, send)
	}, func(f *Facts, ctx context.Context, group []PersonRef) ([]*Person, error) {
		return f.persons(ctx, group, mentions)
	}, emit)
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
// people together, with what the people joined into them contribute: each
// question is asked for the whole group at once, which on PostgreSQL is
// one statement instead of one a person.
func (f *Facts) persons(ctx context.Context, group []PersonRef, mentions bool) ([]*Person, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	var refs []cgraph.Ref // everyone of the group, with those joined into them
	var owner []int       // index in group of each of refs
	joined := make([][]cgraph.Ref, len(group))
	for i, who := range group {
		ref := f.r.ref(who.IRI)
		if ref == nil {
			continue
		}
		for j, m := range id.all(ref) {
			refs = append(refs, m)
			owner = append(owner, i)
			if j > 0 {
				joined[i] = append(joined[i], m)
			}
		}
	}
	var lists [4][][]cgraph.Ref // names, aliases, nationalities, offices
	for k, pred := range []quad.IRI{schema.Name, schema.Alias, schema.Nationality, schema.Holds} {
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
	infos, err := f.readOffices(ctx, offices)
	if err != nil {
		return nil, err
	}
	var arts [][]cgraph.Ref
	if mentions {
		if arts, err = f.r.subjectsOfAll(ctx, refs, schema.Mentions); err != nil {
			return nil, err
		}
	}
	type gathered struct {
		names, nats []string
		offices     []cgraph.Ref
		arts        []cgraph.Ref
	}
	per := make([]gathered, len(group))
	for j := range refs {
		g := &per[owner[j]]
		names, err := f.r.strs(ctx, append(append([]cgraph.Ref{}, lists[0][j]...), lists[1][j]...))
		if err != nil {
			return nil, err
		}
		g.names = append(g.names, names...)
		nats, err := f.r.strs(ctx, lists[2][j])
		if err != nil {
			return nil, err
		}
		g.nats = append(g.nats, nats...)
		g.offices = append(g.offices, lists[3][j]...)
		if mentions {
			g.arts = append(g.arts, arts[j]...)
		}
	}
	if mentions {
		// The articles of the whole group in one pass, not one a person.
		var all []cgraph.Ref
		for _, g := range per {
			all = append(all, g.arts...)
		}
		if err := f.r.warmValues(ctx, all); err != nil {
			return nil, err
		}
	}
	out := make([]*Person, len(group))
	for i, who := range group {
		g := per[i]
		p := &Person{PersonRef: who}
		for _, n := range g.names {
			if n != who.Name {
				p.Aliases = append(p.Aliases, n)
			}
		}
		sort.Strings(p.Aliases)
		p.Aliases = uniqueStrings(p.Aliases)
		p.Nationality = longestText(g.nats)
		if p.Roles, err = f.heldRoles(ctx, infos, g.offices); err != nil {
			return nil, err
		}
		if mentions {
			if p.Sources, err = f.articleIDs(ctx, g.arts); err != nil {
				return nil, err
			}
		}
		if p.Joined, err = f.people(ctx, joined[i]); err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// heldRoles merges offices into distinct roles, each with the evidence of
// every office node that holds it; retracted offices are left out.
func (f *Facts) heldRoles(ctx context.Context, infos map[any]*officeInfo, offices []cgraph.Ref) ([]HeldRole, error) {
	byRole := map[Role][]*reports{}
	var order []Role
	for _, o := range offices {
		info := infos[cgraph.ToKey(o)]
		if info == nil || info.retracted && !f.WithRetracted {
			continue
		}
		if _, ok := byRole[info.role]; !ok {
			order = append(order, info.role)
		}
		byRole[info.role] = append(byRole[info.role], &info.reps)
	}
	// A role reported without its country ("Foreign Minister Zarif") is
	// the one role of that title with a country, when there is one.
	kept := order[:0]
	for _, r := range order {
		if r.Of == "" {
			if into, ok := soleWithOf(order, r); ok {
				byRole[into] = append(byRole[into], byRole[r]...)
				continue
			}
		}
		kept = append(kept, r)
	}
	out := make([]HeldRole, len(kept))
	for i, r := range kept {
		ev, err := f.evidence(ctx, byRole[r]...)
		if err != nil {
			return nil, err
		}
		out[i] = HeldRole{Role: r, Evidence: ev}
	}
	sort.Slice(out, func(i, j int) bool { return roleBefore(out[i].Role, out[j].Role) })
	return out, nil
}

// soleWithOf finds the one role of roles with r's title and state and a
// country or organisation.
func soleWithOf(roles []Role, r Role) (Role, bool) {
	var found []Role
	for _, o := range roles {
		if o.Of != "" && o.Current == r.Current && strings.EqualFold(o.Title, r.Title) && !slices.Contains(found, o) {
			found = append(found, o)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Role{}, false
}

// roleBefore puts current offices first, then orders by title and of.
func roleBefore(a, b Role) bool {
	if a.Current != b.Current {
		return a.Current
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Of < b.Of
}

// officeInfo is one office node as read.
type officeInfo struct {
	iri       quad.IRI
	role      Role
	reported  []string
	reps      reports
	retracted bool
}

// readOffices reads offices: their role, the dates they were reported
// and their evidence, each office's quads in one scan.
func (f *Facts) readOffices(ctx context.Context, offices []cgraph.Ref) (map[any]*officeInfo, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	const (
		title = iota
		of
		current
		reportedOn
	)
	preds := []quad.IRI{schema.Title, schema.Of, schema.Current, schema.ReportedOn}
	var found [][][]cgraph.Ref
	var reps []reports
	if f.RolesOnly {
		found, err = f.objectsByPred(ctx, offices, preds[:reportedOn])
		reps = make([]reports, len(offices))
	} else {
		found, reps, err = f.gatherReported(ctx, offices, preds, title, of, current, reportedOn)
	}
	if err != nil {
		return nil, err
	}
	vals, err := f.r.valuesOf(ctx, offices)
	if err != nil {
		return nil, err
	}
	out := make(map[any]*officeInfo, len(offices))
	for i, o := range offices {
		var text [4][]string
		for k := range found[i] {
			if text[k], err = f.r.strs(ctx, found[i][k]); err != nil {
				return nil, err
			}
		}
		iri, _ := vals[i].(quad.IRI)
		info := &officeInfo{iri: iri, reps: reps[i], retracted: id.isRetracted(o),
			role: Role{Title: longestText(text[title]), Of: longestText(text[of]), Current: longestText(text[current]) != "false"}}
		info.reported = uniqueStrings(sortedCopy(text[reportedOn]))
		out[cgraph.ToKey(o)] = info
	}
	return out, nil
}

func sortedCopy(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}

// Mentions returns the ids of the articles that name a person (or one
// joined into them), sorted.
func (f *Facts) Mentions(ctx context.Context, who quad.IRI) ([]string, error) {
	id, ref, err := f.identityOf(ctx, who)
	if err != nil || ref == nil {
		return nil, err
	}
	lists, err := f.r.subjectsOfAll(ctx, id.all(ref), schema.Mentions)
	if err != nil {
		return nil, err
	}
	var arts []cgraph.Ref
	for _, l := range lists {
		arts = append(arts, l...)
	}
	return f.articleIDs(ctx, arts)
}

// Neighbourhood returns the people within depth kg:met steps of roots,
// roots included, as the people they are part of.
func (f *Facts) Neighbourhood(ctx context.Context, roots []quad.IRI, depth int) (map[quad.IRI]bool, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	in := map[quad.IRI]bool{}
	for _, p := range roots {
		in[p] = true
	}
	frontier := f.refsOf(roots)
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []cgraph.Ref
		for _, p := range frontier {
			var met []cgraph.Ref
			for _, m := range id.all(p) {
				others, err := f.r.objects(ctx, m, schema.Met)
				if err != nil {
					return nil, err
				}
				met = append(met, others...)
			}
			met = id.people(met)
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

// Offices lists the offices people held (with those of the people joined
// into them; one office reported with several forms of the name once), by
// the first date they were reported (unreported last), then by title.
// Retracted offices are left out.
func (f *Facts) Offices(ctx context.Context, people []PersonRef) ([]Office, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	var out []Office
	for _, who := range people {
		ref := f.r.ref(who.IRI)
		if ref == nil {
			continue
		}
		var offices []cgraph.Ref
		for _, m := range id.all(ref) {
			os, err := f.r.objects(ctx, m, schema.Holds)
			if err != nil {
				return nil, err
			}
			offices = append(offices, os...)
		}
		infos, err := f.readOffices(ctx, offices)
		if err != nil {
			return nil, err
		}
		var roles []Role
		for _, o := range offices {
			if info := infos[cgraph.ToKey(o)]; info != nil {
				roles = append(roles, info.role)
			}
		}
		byRole := map[Role]int{}
		var mine []Office
		var reps [][]*reports
		for _, o := range offices {
			info := infos[cgraph.ToKey(o)]
			if info == nil || info.retracted && !f.WithRetracted {
				continue
			}
			role := info.role
			if into, ok := soleWithOf(roles, role); ok && role.Of == "" {
				role = into // "Foreign Minister", reported without its country
			}
			i, ok := byRole[role]
			if !ok {
				i = len(mine)
				byRole[role] = i
				mine = append(mine, Office{Holder: who, Role: role})
				reps = append(reps, nil)
			}
			off := &mine[i]
			off.Nodes = append(off.Nodes, info.iri)
			off.Reported = uniqueStrings(sortedCopy(append(off.Reported, info.reported...)))
			off.Retracted = off.Retracted || info.retracted
			reps[i] = append(reps[i], &info.reps)
		}
		for i := range mine {
			off := &mine[i]
			sortIRIs(off.Nodes)
			off.Node = off.Nodes[0]
			if off.Evidence, err = f.evidence(ctx, reps[i]...); err != nil {
				return nil, err
			}
			off.Sources = sourcesOf(off.Evidence)
		}
		out = append(out, mine...)
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
	id, err := f.identity(ctx)
	if err != nil {
		return err
	}
	var groups [][]cgraph.Ref // byPeople: the events of one date each, oldest first
	if byPeople {
		var nodes []cgraph.Ref
		seen := map[any]bool{}
		for _, p := range id.allOf(f.refsOf(filter.People)) {
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
// Retracted events are left out.
func (f *Facts) readEvents(ctx context.Context, nodes []cgraph.Ref, head string) ([]*Event, error) {
	id, err := f.identity(ctx)
	if err != nil {
		return nil, err
	}
	events, iris, _, err := f.withPrefix(ctx, nodes, eventPrefix)
	if err != nil {
		return nil, err
	}
	var refs []cgraph.Ref
	var out []*Event
	for i, iri := range iris {
		if id.isRetracted(events[i]) && !f.WithRetracted {
			continue
		}
		refs = append(refs, events[i])
		out = append(out, &Event{Node: iri, Retracted: id.isRetracted(events[i])})
	}
	const (
		date = iota
		label
		headWord
		place
		involves
	)
	found, reps, err := f.gatherReported(ctx, refs, []quad.IRI{schema.Date, schema.Label, schema.Head, schema.Place, schema.Involves}, date, label, headWord, place)
	if err != nil {
		return nil, err
	}
	var involved []cgraph.Ref
	for i := range out {
		involved = append(involved, id.people(found[i][involves])...)
	}
	if err := f.readPeople(ctx, involved); err != nil {
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
		if e.People, err = f.people(ctx, id.people(fv[involves])); err != nil {
			return nil, err
		}
		if e.Evidence, err = f.evidence(ctx, &reps[i]); err != nil {
			return nil, err
		}
		e.Sources = sourcesOf(e.Evidence)
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
