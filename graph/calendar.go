package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// The calendar (schema.Calendar) lists every date a meeting or an event
// carries. With it, the facts of a month are found by looking up the
// month's dates, and all facts newest first by walking the dates in order,
// each in time proportional to the answer. A store's calendar can be
// trusted only when the store says so (schema.Format): stores made before
// kg wrote the calendar lack it until RebuildCalendar runs, and the
// helpers then read every fact's date instead, which is correct but slow.

// calendarComplete reports whether the store marks its calendar complete.
func (f *Facts) calendarComplete(ctx context.Context) (bool, error) {
	formats, err := f.r.text(ctx, f.r.ref(schema.StoreNode), schema.Format)
	if err != nil {
		return false, err
	}
	for _, v := range formats {
		if n, err := strconv.Atoi(v); err == nil && n >= schema.CalendarSince {
			return true, nil
		}
	}
	return false, nil
}

// dates returns every date a fact carries, newest first, from the calendar
// when it is complete and otherwise by reading every meeting and event
// (noting, in f.Slow, that the store lacks its calendar).
func (f *Facts) dates(ctx context.Context) ([]string, error) {
	if err := f.loadCalendar(ctx); err != nil {
		return nil, err
	}
	return f.calendar, nil
}

// undated returns the meetings and events without a date.
func (f *Facts) undated(ctx context.Context) ([]cgraph.Ref, error) {
	if err := f.loadCalendar(ctx); err != nil {
		return nil, err
	}
	return f.undatedFacts, nil
}

func (f *Facts) loadCalendar(ctx context.Context) error {
	if f.calendar != nil {
		return nil
	}
	complete, err := f.calendarComplete(ctx)
	if err != nil {
		return err
	}
	var dates []string
	if complete {
		cal := f.r.ref(schema.Calendar)
		dates, err = f.r.text(ctx, cal, schema.HasDate)
		if err == nil {
			f.undatedFacts, err = f.r.objects(ctx, cal, schema.Undated)
		}
	} else {
		f.Slow = true
		dates, f.undatedFacts, err = f.readFactDates(ctx)
	}
	if err != nil {
		return fmt.Errorf("read the calendar: %w", err)
	}
	dates = uniqueStrings(dates)
	sort.Sort(sort.Reverse(sort.StringSlice(dates)))
	f.calendar = append([]string{}, dates...)
	return nil
}

// readFactDates reads the date of every meeting and event: the dates, and
// the facts without one.
func (f *Facts) readFactDates(ctx context.Context) (dates []string, undated []cgraph.Ref, err error) {
	var refs []cgraph.Ref
	for _, class := range []quad.IRI{schema.ClassMeeting, schema.ClassEvent} {
		facts, err := f.r.subjects(ctx, f.r.ref(class), schema.Type)
		if err != nil {
			return nil, nil, err
		}
		for _, fact := range facts {
			ds, err := f.r.objects(ctx, fact, schema.Date)
			if err != nil {
				return nil, nil, err
			}
			if len(ds) == 0 {
				undated = append(undated, fact)
			}
			refs = append(refs, ds...)
		}
	}
	dates, err = f.r.strs(ctx, refs)
	return dates, undated, err
}

// datesIn returns the dates of the calendar that overlap rng, newest first.
func (f *Facts) datesIn(ctx context.Context, rng schema.DateRange) ([]string, error) {
	all, err := f.dates(ctx)
	if err != nil {
		return nil, err
	}
	if rng.Open() {
		return all, nil
	}
	var out []string
	for _, d := range all {
		if rng.Holds(d) {
			out = append(out, d)
		}
	}
	return out, nil
}

// CalendarComplete reports whether the store's calendar lists the dates of
// all its facts (see RebuildCalendar).
func (s *Store) CalendarComplete(ctx context.Context) (bool, error) {
	return s.Facts().calendarComplete(ctx)
}

// RebuildCalendar lists the date of every meeting and event in the
// calendar (or the fact as undated) and marks the store's calendar complete. A load calls it on a
// store made before kg kept a calendar; it reads every fact once. It
// returns the number of dates listed.
func (s *Store) RebuildCalendar(ctx context.Context) (int, error) {
	f := s.Facts()
	dates, undated, err := f.readFactDates(ctx)
	if err != nil {
		return 0, fmt.Errorf("rebuild the calendar: %w", err)
	}
	dates = uniqueStrings(dates)
	quads := make([]quad.Quad, 0, len(dates)+len(undated)+1)
	for _, d := range dates {
		quads = append(quads, quad.Quad{Subject: schema.Calendar, Predicate: schema.HasDate, Object: quad.String(d)})
	}
	iris, err := f.r.valuesOf(ctx, undated)
	if err != nil {
		return 0, fmt.Errorf("rebuild the calendar: %w", err)
	}
	for _, iri := range iris {
		if iri != nil {
			quads = append(quads, quad.Quad{Subject: schema.Calendar, Predicate: schema.Undated, Object: iri})
		}
	}
	quads = append(quads, formatQuad())
	if err := s.Write(ctx, quads); err != nil {
		return 0, fmt.Errorf("rebuild the calendar: %w", err)
	}
	return len(dates), nil
}

// EnsureCalendar makes the store's calendar complete before a write: an
// empty store is marked complete (every write lists its facts' dates), an
// older store without a calendar gets one (RebuildCalendar).
func (s *Store) EnsureCalendar(ctx context.Context) error {
	ok, err := s.CalendarComplete(ctx)
	if err != nil || ok {
		return err
	}
	n, err := s.QuadCount(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		return s.Write(ctx, []quad.Quad{formatQuad()})
	}
	_, err = s.RebuildCalendar(ctx)
	return err
}

func formatQuad() quad.Quad {
	return quad.Quad{Subject: schema.StoreNode, Predicate: schema.Format, Object: quad.String(strconv.Itoa(schema.FormatVersion))}
}

// uniqueStrings drops repeats, keeping the first of each.
func uniqueStrings(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// restoreCalendar keeps the calendar complete across a restore: the dump
// may come from a store made before kg kept a calendar, and the store may
// be one whose calendar is not complete. Unless a complete (or empty)
// store receives the dump of a complete one, the calendar is rebuilt once
// the quads are in.
type restoreCalendar struct {
	s           *Store
	wasComplete bool // empty, or marked complete, before the restore
	sawFormat   bool // the dump marks its store's calendar complete
}

func (s *Store) calendarBeforeRestore(ctx context.Context, quadsBefore int64) *restoreCalendar {
	c := &restoreCalendar{s: s, wasComplete: quadsBefore == 0}
	if !c.wasComplete {
		ok, err := s.CalendarComplete(ctx)
		c.wasComplete = ok && err == nil
	}
	return c
}

func (c *restoreCalendar) saw(q quad.Quad) {
	if q.Subject == schema.StoreNode && q.Predicate == schema.Format {
		c.sawFormat = true
	}
}

// after rebuilds the calendar when the restore may have left it
// incomplete.
func (c *restoreCalendar) after(ctx context.Context, added int64) error {
	if added == 0 || c.sawFormat && c.wasComplete {
		return nil
	}
	_, err := c.s.RebuildCalendar(ctx)
	return err
}
