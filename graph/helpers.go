package graph

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
	"github.com/dop251/goja"

	"github.com/kg-project/kg/schema"
)

// kg's fast helpers are Go functions put into every Gizmo script's
// JavaScript as the object `kg` (queries/lib.js adds its own functions to
// it). They answer the saved queries' questions from Facts, walking the
// store's indexes from the people and dates asked about, where the same
// question asked with Gizmo paths reads far more of the store. They are
// documented for script authors in docs/queries.md.
//
//	kg.find(name)                         person IRIs for a name
//	kg.meetings({person, with, from, to}, fn)  meetings, newest first
//	kg.profiles({person}, fn)             people with names, offices, sources
//	kg.offices({person})                  a person's offices over time
//	kg.events({from, to, head, person}, fn)    dated events, oldest first
//	kg.ambiguous(fn)                      short names kg kept apart, with the people they may be
//
// With a function fn, each record is passed to fn as it is read (fn may
// return false to stop) and the helper returns how many it passed; without
// one, the helper returns them all in an array.

// helperOption describes one option a helper accepts.
type helperOption struct {
	name string
	kind string // "name" (a person, by name or IRI), "date" or "text"
}

var (
	meetingOptions = []helperOption{{"person", "name"}, {"with", "name"}, {"from", "date"}, {"to", "date"}}
	profileOptions = []helperOption{{"person", "name"}}
	officeOptions  = []helperOption{{"person", "name"}}
	eventOptions   = []helperOption{{"from", "date"}, {"to", "date"}, {"head", "text"}, {"person", "name"}}
)

// helpers binds kg's helpers to one script run.
type helpers struct {
	ctx      context.Context
	vm       *goja.Runtime
	facts    *Facts
	newError goja.Callable // the script's Error, taken before it runs
	emit     goja.Callable // Gizmo's g.Emit, taken before it runs
	graph    goja.Value    // Gizmo's g, the this of emit
}

// installHelpers puts the object kg into the session's JavaScript.
func (s *Store) installHelpers(ctx context.Context, ses *gizmo.Session) error {
	vm, err := sessionRuntime(ses)
	if err != nil {
		return err
	}
	h := &helpers{ctx: ctx, vm: vm, facts: s.Facts()}
	var ok bool
	if h.newError, ok = goja.AssertFunction(vm.Get("Error")); !ok {
		return errors.New("kg helpers: the JavaScript runtime has no Error")
	}
	h.graph = vm.Get("graph")
	if g, isObj := h.graph.(*goja.Object); isObj {
		h.emit, ok = goja.AssertFunction(g.Get("Emit"))
	}
	if !ok {
		return errors.New("kg helpers: Gizmo's graph object has no Emit")
	}
	obj := vm.NewObject()
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"find":      h.find,
		"meetings":  h.meetings,
		"profiles":  h.profiles,
		"offices":   h.offices,
		"events":    h.events,
		"ambiguous": h.ambiguous,
		"emit":      h.emitResult,
	} {
		if err := obj.Set(name, h.guard("kg."+name, fn)); err != nil {
			return fmt.Errorf("install kg.%s: %w", name, err)
		}
	}
	vm.Set("kg", obj)
	return nil
}

// sessionRuntime reaches the JavaScript runtime of a Gizmo session, which
// Cayley v0.7.7 keeps in an unexported field and offers no way to extend.
// It fails, rather than guess, if the field is not what v0.7.7 has.
func sessionRuntime(ses *gizmo.Session) (*goja.Runtime, error) {
	f := reflect.ValueOf(ses).Elem().FieldByName("vm")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*goja.Runtime)(nil)) {
		return nil, errors.New("kg helpers: this Cayley's Gizmo session has no JavaScript runtime where v0.7.7 keeps it")
	}
	vm := *(**goja.Runtime)(unsafe.Pointer(f.UnsafeAddr()))
	if vm == nil {
		return nil, errors.New("kg helpers: Gizmo session without a JavaScript runtime")
	}
	return vm, nil
}

// guard turns an error or a Go panic inside a helper into a JavaScript
// exception naming the helper, so no script can crash kg through one.
// JavaScript exceptions and interruptions raised by a callback pass
// through unchanged.
func (h *helpers) guard(name string, fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		defer func() {
			switch x := recover().(type) {
			case nil:
			case goja.Value, *goja.Exception, *goja.InterruptedError:
				panic(x)
			case helperError:
				panic(h.vm.NewTypeError("%s: %s", name, x.msg))
			case error:
				panic(h.jsError(fmt.Sprintf("%s: %v", name, x)))
			default:
				panic(h.jsError(fmt.Sprintf("%s: internal error: %v", name, x)))
			}
		}()
		return fn(call)
	}
}

// jsError makes a JavaScript Error with the message msg.
func (h *helpers) jsError(msg string) goja.Value {
	e, err := h.newError(goja.Undefined(), h.vm.ToValue(msg))
	if err != nil {
		return h.vm.ToValue(msg)
	}
	return e
}

// helperError is a mistake in the script's call, reported as a TypeError.
type helperError struct{ msg string }

func (h *helpers) fail(format string, args ...any) {
	panic(helperError{msg: fmt.Sprintf(format, args...)})
}

func (h *helpers) check(err error) {
	if err != nil {
		panic(err)
	}
}

// options reads a helper's options object. A missing, null or empty
// option is left out; an unknown one is an error naming the known ones.
func (h *helpers) options(v goja.Value, known []helperOption) map[string][]string {
	out := map[string][]string{}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return out
	}
	obj, ok := v.(*goja.Object)
	if !ok {
		h.fail("expected an object of options such as {person: \"Rouhani\"}")
	}
	kinds := map[string]string{}
	var names []string
	for _, o := range known {
		kinds[o.name] = o.kind
		names = append(names, o.name)
	}
	for _, k := range obj.Keys() {
		kind, ok := kinds[k]
		if !ok {
			h.fail("unknown option %q (options: %s)", k, strings.Join(names, ", "))
		}
		vals := h.texts(k, obj.Get(k))
		if len(vals) == 0 {
			continue
		}
		if kind == "date" {
			if len(vals) != 1 {
				h.fail("%s: expected one date", k)
			}
			if _, _, err := schema.ParseDate(vals[0]); err != nil {
				h.fail("%s: %v", k, err)
			}
		}
		out[k] = vals
	}
	if err := schema.CheckDateRange(dateRange(out), func(bound, value string) string { return bound + " " + value }); err != nil {
		h.fail("%v", err)
	}
	return out
}

// texts reads an option's value: a string, or an array of strings; empty
// strings are dropped.
func (h *helpers) texts(name string, v goja.Value) []string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	var out []string
	switch x := v.Export().(type) {
	case string:
		out = append(out, x)
	case []any:
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				h.fail("%s: expected a string or an array of strings", name)
			}
			out = append(out, s)
		}
	default:
		h.fail("%s: expected a string or an array of strings", name)
	}
	kept := out[:0]
	for _, s := range out {
		if strings.TrimSpace(s) != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

func dateRange(opts map[string][]string) schema.DateRange {
	var r schema.DateRange
	if v := opts["from"]; len(v) > 0 {
		r.From = v[0]
	}
	if v := opts["to"]; len(v) > 0 {
		r.To = v[0]
	}
	return r
}

// named resolves a name option to people, each once, sorted by name:
// each value a name or an IRI. A name that fits nobody, or several people,
// is an error saying which names come closest, or who they are.
func (h *helpers) named(opts map[string][]string, option string) []PersonRef {
	var out []PersonRef
	seen := map[quad.IRI]bool{}
	for _, name := range opts[option] {
		p, err := h.facts.FindPerson(h.ctx, name)
		if err != nil {
			panic(fmt.Errorf("%s: %w", option, err))
		}
		if !seen[p.IRI] {
			seen[p.IRI] = true
			out = append(out, p)
		}
	}
	sortPeople(out)
	return out
}

// people is named, as IRIs.
func (h *helpers) people(opts map[string][]string, option string) []quad.IRI {
	var out []quad.IRI
	for _, p := range h.named(opts, option) {
		out = append(out, p.IRI)
	}
	return out
}

// callback returns the optional function argument of a helper.
func (h *helpers) callback(call goja.FunctionCall, at int) goja.Callable {
	v := call.Argument(at)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		h.fail("expected a function as argument %d", at+1)
	}
	return fn
}

// collector passes records to the script's function, or gathers them for
// an array.
type collector struct {
	h    *helpers
	fn   goja.Callable
	all  []any
	sent int
}

var errStopped = errors.New("stopped by the script")

func (c *collector) add(rec map[string]any) error {
	if err := c.h.ctx.Err(); err != nil {
		return err
	}
	c.sent++
	if c.fn == nil {
		c.all = append(c.all, rec)
		return nil
	}
	ret, err := c.fn(goja.Undefined(), c.h.vm.ToValue(rec))
	if err != nil {
		panic(err) // a JavaScript exception or an interruption
	}
	if ret != nil && ret.Export() == false {
		return errStopped
	}
	return nil
}

func (c *collector) result(err error) goja.Value {
	if err != nil && !errors.Is(err, errStopped) {
		panic(err)
	}
	if c.fn == nil {
		if c.all == nil {
			c.all = []any{}
		}
		return c.h.vm.ToValue(c.all)
	}
	return c.h.vm.ToValue(c.sent)
}

// emitResult is g.Emit for values made of plain data, as the helpers'
// records are: it hands them to Gizmo's own Emit as Go values, sparing the
// copy the script's g makes of every object (see argumentGuard). A value
// that is not plain data (a function, a path) is refused.
func (h *helpers) emitResult(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return goja.Undefined()
	}
	data, ok := plainData(v.Export(), 0)
	if !ok {
		h.fail("expected plain data: strings, numbers, booleans, null, arrays and objects of them")
	}
	if _, err := h.emit(h.graph, h.vm.ToValue(data)); err != nil {
		panic(err)
	}
	return goja.Undefined()
}

// plainData checks that v, as exported from JavaScript, is data that
// Gizmo's Emit and kg's output can take, and returns it with nested
// objects and arrays as maps and slices.
func plainData(v any, depth int) (any, bool) {
	if depth > 32 {
		return nil, false
	}
	switch x := v.(type) {
	case nil, string, bool, int64, float64, int:
		return x, true
	case []any:
		for i, e := range x {
			var ok bool
			if x[i], ok = plainData(e, depth+1); !ok {
				return nil, false
			}
		}
		return x, true
	case map[string]any:
		for k, e := range x {
			var ok bool
			if x[k], ok = plainData(e, depth+1); !ok {
				return nil, false
			}
		}
		return x, true
	}
	return nil, false
}

func (h *helpers) find(call goja.FunctionCall) goja.Value {
	names := h.texts("name", call.Argument(0))
	if len(names) != 1 {
		h.fail("expected a name, such as kg.find(\"Rouhani\")")
	}
	found, err := h.facts.FindPeople(h.ctx, names[0])
	h.check(err)
	out := make([]any, len(found))
	for i, p := range found {
		out[i] = "<" + string(p.IRI) + ">"
	}
	return h.vm.ToValue(out)
}

func (h *helpers) meetings(call goja.FunctionCall) goja.Value {
	opts := h.options(call.Argument(0), meetingOptions)
	c := &collector{h: h, fn: h.callback(call, 1)}
	filter := MeetingFilter{People: h.people(opts, "person"), With: h.people(opts, "with"), Range: dateRange(opts)}
	err := h.facts.Meetings(h.ctx, filter, func(m *Meeting) error { return c.add(meetingRecord(m)) })
	return c.result(err)
}

func (h *helpers) profiles(call goja.FunctionCall) goja.Value {
	opts := h.options(call.Argument(0), profileOptions)
	c := &collector{h: h, fn: h.callback(call, 1)}
	who := h.named(opts, "person")
	if len(opts["person"]) == 0 {
		var err error
		who, err = h.facts.AllPeople(h.ctx)
		h.check(err)
		stop := h.facts.prefetchArticles(h.ctx) // every person: most articles
		defer stop()
	}
	err := h.facts.Profiles(h.ctx, who, true, func(p *Person) error { return c.add(personRecord(p)) })
	return c.result(err)
}

func (h *helpers) offices(call goja.FunctionCall) goja.Value {
	opts := h.options(call.Argument(0), officeOptions)
	if len(opts["person"]) == 0 {
		h.fail("needs a person: kg.offices({person: \"Rouhani\"})")
	}
	who := h.named(opts, "person")
	offices, err := h.facts.Offices(h.ctx, who)
	h.check(err)
	out := make([]any, len(offices))
	for i, o := range offices {
		out[i] = officeRecord(o)
	}
	return h.vm.ToValue(out)
}

func (h *helpers) events(call goja.FunctionCall) goja.Value {
	opts := h.options(call.Argument(0), eventOptions)
	c := &collector{h: h, fn: h.callback(call, 1)}
	filter := EventFilter{Range: dateRange(opts), People: h.people(opts, "person")}
	if v := opts["head"]; len(v) > 0 {
		filter.Head = v[0]
	}
	err := h.facts.Events(h.ctx, filter, func(e *Event) error { return c.add(eventRecord(e)) })
	return c.result(err)
}

func (h *helpers) ambiguous(call goja.FunctionCall) goja.Value {
	c := &collector{h: h, fn: h.callback(call, 0)}
	err := h.facts.Ambiguous(h.ctx, func(d *Doubt) error {
		cands := make([]any, len(d.Candidates))
		for i, p := range d.Candidates {
			cands[i] = map[string]any{"name": p.Name, "id": iriText(p.IRI), "why": d.Why[i]}
		}
		return c.add(map[string]any{"id": iriText(d.Person.IRI), "ref": string(d.Person.IRI), "name": d.Person.Name, "articles": d.Articles, "candidates": cands})
	})
	return c.result(err)
}

// The records below are what scripts receive: plain objects of strings,
// arrays of strings and null for what is unknown. Every record has the
// node's IRI as id (in Gizmo's "<...>" form, for g.V) and, beside the
// names of people, their IRIs in the same order (participantIds,
// peopleIds, person).

func meetingRecord(m *Meeting) map[string]any {
	return map[string]any{
		"id":             iriText(m.Node),
		"ref":            ShortFactID(m.Node),
		"participants":   names(m.People),
		"participantIds": iris(m.People),
		"date":           orNull(m.Date),
		"place":          orNull(m.Place),
		"kind":           m.Kind,
		"sources":        strings2any(m.Sources),
		"evidence":       evidenceRecords(m.Evidence),
	}
}

func personRecord(p *Person) map[string]any {
	roles := make([]any, len(p.Roles))
	for i, r := range p.Roles {
		roles[i] = map[string]any{"title": r.Title, "of": r.Of, "current": r.Current, "evidence": evidenceRecords(r.Evidence)}
	}
	return map[string]any{
		"id":          iriText(p.IRI),
		"name":        p.Name,
		"aliases":     strings2any(p.Aliases),
		"nationality": orNull(p.Nationality),
		"roles":       roles,
		"sources":     strings2any(p.Sources),
		"joined":      names(p.Joined),
	}
}

func officeRecord(o Office) map[string]any {
	return map[string]any{
		"id":       iriText(o.Node),
		"ref":      ShortFactID(o.Node),
		"name":     o.Holder.Name,
		"person":   iriText(o.Holder.IRI),
		"title":    o.Role.Title,
		"of":       orNull(o.Role.Of),
		"current":  o.Role.Current,
		"reported": strings2any(o.Reported),
		"sources":  strings2any(o.Sources),
		"evidence": evidenceRecords(o.Evidence),
	}
}

func eventRecord(e *Event) map[string]any {
	label := e.Label
	if label == "" {
		label = e.Head
	}
	return map[string]any{
		"id":        iriText(e.Node),
		"ref":       ShortFactID(e.Node),
		"date":      e.Date,
		"label":     label,
		"head":      orNull(e.Head),
		"place":     orNull(e.Place),
		"people":    names(e.People),
		"peopleIds": iris(e.People),
		"sources":   strings2any(e.Sources),
		"evidence":  evidenceRecords(e.Evidence),
	}
}

// evidenceRecords are what each article says for a fact: {article,
// outlet, headline, url, locations, published, sentences, rules}.
func evidenceRecords(ev []Evidence) []any {
	out := make([]any, len(ev))
	for i, e := range ev {
		out[i] = map[string]any{
			"article":   e.Article,
			"outlet":    orNull(e.Outlet),
			"headline":  orNull(e.Headline),
			"url":       orNull(e.URL),
			"locations": strings2any(e.Locations),
			"published": orNull(e.Published),
			"sentences": strings2any(e.Sentences),
			"rules":     strings2any(e.Rules),
		}
	}
	return out
}

func iriText(iri quad.IRI) string { return "<" + string(iri) + ">" }

func names(ps []PersonRef) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func iris(ps []PersonRef) []any {
	out := make([]any, len(ps))
	for i, p := range ps {
		out[i] = iriText(p.IRI)
	}
	return out
}

func strings2any(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}
