// Package export writes kg's graph for visualisation and analysis tools:
// GraphML (Gephi, yEd, Cytoscape), GEXF 1.3 with meeting dates as spells
// (Gephi's timeline), DOT (Graphviz), Cytoscape.js JSON, CSV node and edge
// tables (Gephi, Neo4j), N-Quads of the whole store, and SVG or PNG pictures
// rendered by Graphviz's dot program.
//
// Two views of the store can be exported. The people view has one node a
// person and one edge a pair of people who met, aggregating their meetings
// (count, dates, kinds, places, reporting articles); it can be narrowed to
// one person's neighbourhood and to a date range. The full view has every
// IRI node of the store, its literals as attributes, and every IRI-to-IRI
// quad as an edge. Both read the Cayley quad store directly; the full view
// and N-Quads stream quad by quad, the people view keeps one record per
// person and per pair of people, never the quads themselves.
//
// docs/export.md tells users how to open each format.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Views.
const (
	ViewPeople = "people"
	ViewFull   = "full"
)

// Formats.
const (
	FormatGraphML   = "graphml"
	FormatGEXF      = "gexf"
	FormatDOT       = "dot"
	FormatCytoscape = "cytoscape"
	FormatCSV       = "csv"
	FormatNQuads    = "nquads"
	FormatSVG       = "svg"
	FormatPNG       = "png"
)

// FormatInfo describes one export format for help texts.
type FormatInfo struct {
	Name    string
	Summary string
}

// Formats lists the export formats in the order help texts show them.
func Formats() []FormatInfo {
	return []FormatInfo{
		{FormatGraphML, "GraphML for Gephi, yEd (labels included) and Cytoscape"},
		{FormatGEXF, "GEXF 1.3 for Gephi, meeting dates as spells for its timeline"},
		{FormatDOT, "Graphviz DOT source"},
		{FormatCytoscape, "Cytoscape.js JSON (elements: nodes and edges)"},
		{FormatCSV, "nodes.csv and edges.csv in the --out folder (Gephi, Neo4j)"},
		{FormatNQuads, "N-Quads of the whole store"},
		{FormatSVG, "SVG picture drawn by Graphviz's dot"},
		{FormatPNG, "PNG picture drawn by Graphviz's dot"},
	}
}

// FormatNames lists the names of Formats.
func FormatNames() []string {
	var names []string
	for _, f := range Formats() {
		names = append(names, f.Name)
	}
	return names
}

// Options choose what is exported.
type Options struct {
	View   string // ViewPeople (the default when empty) or ViewFull
	Person string // people view: only this person's neighbourhood
	Depth  int    // how many kg:met steps from Person; used when Person is set
	From   string // people view: only meetings on or after this (partial) date
	To     string // people view: only meetings on or before this (partial) date
}

// DefaultDepth is the neighbourhood depth used when a person is named.
const DefaultDepth = 1

// filtered reports whether any filter is set.
func (o Options) filtered() bool { return o.Person != "" || o.From != "" || o.To != "" }

// describe renders the filters as the flags that set them.
func (o Options) describe() string {
	var parts []string
	if o.Person != "" {
		parts = append(parts, fmt.Sprintf("--person %q --depth %d", o.Person, o.Depth))
	}
	if o.From != "" {
		parts = append(parts, "--from "+o.From)
	}
	if o.To != "" {
		parts = append(parts, "--to "+o.To)
	}
	return strings.Join(parts, " ")
}

// ErrNothing is wrapped by Build when the store or the filters leave
// nothing to export.
var ErrNothing = errors.New("nothing to export")

// ErrNoGraphviz is matched (errors.Is) by the error returned for svg and
// png when Graphviz's dot program is not installed.
var ErrNoGraphviz = errors.New("Graphviz's dot program is not installed")

// graphvizMissing says what to do when dot is missing.
type graphvizMissing struct{ format string }

func (e graphvizMissing) Error() string {
	return fmt.Sprintf("rendering %s needs Graphviz's dot: install graphviz (apt-get install graphviz) or export --format dot", e.format)
}

func (e graphvizMissing) Is(target error) bool { return target == ErrNoGraphviz }

// UsageError is an invalid combination of format and options.
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &UsageError{msg: fmt.Sprintf(format, args...)}
}

// Validate checks a format and options before any output is created. It
// returns a *UsageError for bad flags and an error wrapping ErrNoGraphviz
// when a picture is asked for and dot is not on PATH.
func Validate(format string, opt Options) error {
	known := false
	for _, f := range FormatNames() {
		if f == format {
			known = true
		}
	}
	if !known {
		if format == "" {
			return usagef("no --format given (choose one of %s)", strings.Join(FormatNames(), ", "))
		}
		return usagef("unknown format %q (choose one of %s)", format, strings.Join(FormatNames(), ", "))
	}
	switch opt.View {
	case "", ViewPeople, ViewFull:
	default:
		return usagef("unknown view %q (choose %s or %s)", opt.View, ViewPeople, ViewFull)
	}
	if opt.filtered() && (opt.View == ViewFull || format == FormatNQuads) {
		what := "the full view"
		if format == FormatNQuads {
			what = "nquads"
		}
		return usagef("--person, --from and --to filter the people view; %s exports the whole store", what)
	}
	if opt.Depth < 0 {
		return usagef("--depth %d: the depth is a number of steps, 0 or more", opt.Depth)
	}
	if err := schema.CheckDateRange(schema.DateRange{From: opt.From, To: opt.To}, ShowFlag); err != nil {
		return usagef("%v", err)
	}
	if format == FormatSVG || format == FormatPNG {
		if _, err := exec.LookPath("dot"); err != nil {
			return graphvizMissing{format}
		}
	}
	return nil
}

// ShowFlag shows a date bound as kg export's flags give it (--from 2017).
func ShowFlag(bound, value string) string { return "--" + bound + " " + value }

// Graph is the selection of the store an export writes.
type Graph struct {
	qs     cgraph.QuadStore // for the full view and N-Quads
	opt    Options
	source source
}

// Build selects what format and opt ask for from the store. For the people
// view it reads the people and aggregates their meetings; the full view and
// N-Quads are read later, while writing. It returns an error wrapping
// ErrNothing, saying why, when there is nothing to export.
func Build(ctx context.Context, store *graph.Store, format string, opt Options) (*Graph, error) {
	if opt.View == "" {
		opt.View = ViewPeople
	}
	qs := store.QuadStore()
	g := &Graph{qs: qs, opt: opt}
	if format == FormatNQuads {
		empty, err := storeEmpty(ctx, qs)
		if err != nil {
			return nil, err
		}
		if empty {
			return nil, fmt.Errorf("%w: the store is empty (load articles with kg load first)", ErrNothing)
		}
		return g, nil
	}
	switch opt.View {
	case ViewPeople:
		pv, err := buildPeople(ctx, store, opt)
		if err != nil {
			return nil, err
		}
		g.source = pv
	case ViewFull:
		fv, err := newFullView(ctx, qs)
		if err != nil {
			return nil, err
		}
		g.source = fv
	default:
		return nil, usagef("unknown view %q (choose %s or %s)", opt.View, ViewPeople, ViewFull)
	}
	return g, nil
}

// storeEmpty reports whether the store holds no quad.
func storeEmpty(ctx context.Context, qs cgraph.QuadStore) (bool, error) {
	it := qs.QuadsAllIterator()
	defer it.Close()
	if it.Next(ctx) {
		return false, nil
	}
	if err := it.Err(); err != nil {
		return false, fmt.Errorf("read quads: %w", err)
	}
	return true, ctx.Err()
}

// Counts say how much an export wrote.
type Counts struct {
	Nodes, Edges int64
	Quads        int64 // nquads only
}

// Write writes the graph to w in a format other than csv.
func (g *Graph) Write(ctx context.Context, format string, w io.Writer) (Counts, error) {
	var c Counts
	if format == FormatNQuads {
		n, err := writeNQuads(ctx, g.qs, w)
		c.Quads = n
		return c, err
	}
	if g.source == nil {
		return c, usagef("this export was built for nquads only")
	}
	src := &counting{source: g.source, counts: &c}
	var err error
	switch format {
	case FormatGraphML:
		err = writeGraphML(ctx, src, w)
	case FormatGEXF:
		err = writeGEXF(ctx, src, w)
	case FormatDOT:
		err = writeDOT(ctx, src, w)
	case FormatCytoscape:
		err = writeCytoscape(ctx, src, w)
	case FormatSVG, FormatPNG:
		if err = checkDrawable(g.source); err == nil {
			err = render(ctx, src, format, w)
		}
	case FormatCSV:
		err = usagef("csv writes two files: use WriteCSV with a folder")
	default:
		err = usagef("unknown format %q (choose one of %s)", format, strings.Join(FormatNames(), ", "))
	}
	return c, err
}

// counting wraps a source and counts what goes through it.
type counting struct {
	source
	counts *Counts
}

func (c *counting) nodes(ctx context.Context, fn func(Node) error) error {
	c.counts.Nodes = 0
	return c.source.nodes(ctx, func(n Node) error {
		c.counts.Nodes++
		return fn(n)
	})
}

func (c *counting) edges(ctx context.Context, fn func(Edge) error) error {
	c.counts.Edges = 0
	return c.source.edges(ctx, func(e Edge) error {
		c.counts.Edges++
		return fn(e)
	})
}
