package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
)

func init() {
	var formats strings.Builder
	for _, f := range export.Formats() {
		fmt.Fprintf(&formats, "   %-10s %s\n", f.Name, f.Summary)
	}
	register(&cli.Command{
		Name:  "export",
		Usage: "write the graph for Gephi, Cytoscape, yEd or Graphviz, or draw it",
		Description: `Writes the store as a graph file, or draws it with Graphviz.

Formats (--format):
` + formats.String() + `
Views (--view):
   people     (default) one node a person (name, country, current offices,
              number of meetings) and one edge a pair of people who met
              (number of meetings, every date, first and last date, kind,
              places, source articles)
   full       every node of the store with its literals as attributes and
              every node-to-node quad as an edge (predicate, quad label)

Filters (people view only):
   --person NAME --depth N   NAME and the people within N kg:met steps of
                             them (NAME is matched as kg query matches it:
                             "Rouhani" finds Hassan Rouhani)
   --from D --to D           only meetings whose date (YYYY, YYYY-MM or
                             YYYY-MM-DD) overlaps the range; undated
                             meetings are left out when a range is given

Output goes to standard output unless --out FILE is given; csv needs --out
FOLDER (nodes.csv and edges.csv are written there); png is written to a
terminal only with --out. A file named by --out appears only once complete.
When the store or the filters leave nothing to export, kg says so on
standard error, writes nothing and exits with status 1. svg and png need
Graphviz's dot program (apt-get install graphviz).

Examples:
   kg export --format gexf --out meetings.gexf
   kg export --format png --person Rouhani --depth 2 --out rouhani.png
   kg export --format csv --from 2017 --to 2017-06 --out tables/
   kg export --format nquads > kg.nq

docs/export.md shows how to open each format in Gephi, Cytoscape, yEd and
Graphviz.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: "output `FORMAT`: " + strings.Join(export.FormatNames(), ", ") + " (required)"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to `FILE` (a folder for csv) instead of standard output"},
			&cli.StringFlag{Name: "view", Value: export.ViewPeople, Usage: "`VIEW`: people (who met whom) or full (every node and quad)"},
			&cli.StringFlag{Name: "person", Usage: "only this person's neighbourhood (`NAME`)"},
			&cli.IntFlag{Name: "depth", Value: export.DefaultDepth, Usage: "neighbourhood size with --person: `N` kg:met steps"},
			&cli.StringFlag{Name: "from", Usage: "only meetings on or after `DATE` (YYYY[-MM[-DD]])"},
			&cli.StringFlag{Name: "to", Usage: "only meetings on or before `DATE` (YYYY[-MM[-DD]])"},
		},
		Action: runExport,
	})
}

func runExport(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("export: unexpected argument %q (see kg export --help)", c.Args().First()), 2)
	}
	format := strings.ToLower(c.String("format"))
	opt := export.Options{
		View:   c.String("view"),
		Person: strings.TrimSpace(c.String("person")),
		Depth:  c.Int("depth"),
		From:   c.String("from"),
		To:     c.String("to"),
	}
	if err := export.Validate(format, opt); err != nil {
		var usage *export.UsageError
		if errors.As(err, &usage) {
			return cli.Exit("export: "+err.Error(), 2)
		}
		return cli.Exit("export: "+err.Error(), 1)
	}
	out := c.String("out")
	switch {
	case format == export.FormatCSV && out == "":
		return cli.Exit("export: csv writes nodes.csv and edges.csv: name their folder with --out FOLDER", 2)
	case format == export.FormatPNG && out == "" && writerIsTerminal(c.App.Writer):
		return cli.Exit("export: png is a binary picture: give --out FILE or redirect standard output to a file", 2)
	}

	store, client, closeStore, err := readStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer closeStore()
	var finder personFinder = client
	if client == nil {
		finder = damageAware{store.Facts(), store}
	}
	if opt.Person != "" {
		if err := checkPeople(c.Context, finder, "export", []namedPerson{{flag: "--person " + opt.Person, name: opt.Person}}); err != nil {
			return err
		}
	}
	var counts export.Counts
	if client != nil {
		counts, err = exportThrough(c, client, format, opt, out)
	} else {
		counts, err = exportLocal(c, store, format, opt, out)
	}
	if err != nil {
		if errors.Is(err, export.ErrNothing) {
			return cli.Exit(err.Error(), 1)
		}
		return cli.Exit("export: "+err.Error(), 1)
	}
	if out != "" {
		fmt.Fprintf(c.App.ErrWriter, "kg export: wrote %s to %s\n", describeCounts(format, counts), out)
	}
	return nil
}

// exportLocal builds the export from the store and writes it to out
// (standard output when "", a folder for csv).
func exportLocal(c *cli.Context, store *graph.Store, format string, opt export.Options, out string) (export.Counts, error) {
	g, err := export.Build(c.Context, store, format, opt)
	if damage := store.Damaged(); damage != nil {
		return export.Counts{}, damage // what was read may be partial
	}
	if err != nil {
		return export.Counts{}, err
	}
	switch {
	case format == export.FormatCSV:
		return g.WriteCSV(c.Context, out)
	case out == "":
		return g.Write(c.Context, format, c.App.Writer)
	default:
		return writeFileAtomically(out, func(w io.Writer) (export.Counts, error) {
			return g.Write(c.Context, format, w)
		})
	}
}

// exportThrough has the kg serve holding the store make the export, and
// writes it to out as exportLocal does.
func exportThrough(c *cli.Context, client *remote.Client, format string, opt export.Options, out string) (export.Counts, error) {
	write := func(part string) func(io.Writer) (export.Counts, error) {
		return func(w io.Writer) (export.Counts, error) {
			return client.Export(c.Context, format, opt, part, w)
		}
	}
	switch {
	case format == export.FormatCSV:
		if err := os.MkdirAll(out, 0o755); err != nil {
			return export.Counts{}, fmt.Errorf("create folder %s: %w", out, err)
		}
		nodes, err := writeFileAtomically(filepath.Join(out, export.NodesFile), write(export.TableNodes))
		if err != nil {
			return nodes, err
		}
		edges, err := writeFileAtomically(filepath.Join(out, export.EdgesFile), write(export.TableEdges))
		return export.Counts{Nodes: nodes.Nodes, Edges: edges.Edges}, err
	case out == "":
		return write("")(c.App.Writer)
	default:
		return writeFileAtomically(out, write(""))
	}
}

func describeCounts(format string, c export.Counts) string {
	if format == export.FormatNQuads {
		return fmt.Sprintf("%d quads", c.Quads)
	}
	return fmt.Sprintf("%d nodes and %d edges", c.Nodes, c.Edges)
}

// writeFileAtomically writes path through a temporary file beside it,
// renamed over path only when fill succeeded, so a failed or interrupted
// export never leaves a truncated file.
func writeFileAtomically(path string, fill func(io.Writer) (export.Counts, error)) (export.Counts, error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return export.Counts{}, fmt.Errorf("create %s: %w", path, withoutPath(err))
	}
	defer os.Remove(f.Name())
	counts, err := fill(f)
	if err != nil {
		// Name the file the user asked for, not the temporary one.
		err = errors.New(strings.ReplaceAll(err.Error(), f.Name(), path))
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", path, cerr)
	}
	if err != nil {
		return counts, err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return counts, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return counts, fmt.Errorf("write %s: %w", path, err)
	}
	return counts, nil
}

// writerIsTerminal reports whether w is a terminal, where binary output
// would garble the screen.
func writerIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
