package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// CSV file names written into the --out folder.
const (
	NodesFile = "nodes.csv"
	EdgesFile = "edges.csv"
)

// WriteCSV writes nodes.csv and edges.csv into dir (created if needed)
// with the column names Gephi's spreadsheet import recognises: Id and
// Label for nodes; Source, Target, Type, Id, Label and Weight for edges;
// then one column an attribute. Each file is written under a temporary
// name and renamed when complete.
func (g *Graph) WriteCSV(ctx context.Context, dir string) (Counts, error) {
	var c Counts
	if g.source == nil {
		return c, usagef("this export was built for nquads only")
	}
	src := &counting{source: g.source, counts: &c}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return c, fmt.Errorf("create folder %s: %w", dir, err)
	}
	err := writeFileAtomic(filepath.Join(dir, NodesFile), func(cw *csv.Writer) error {
		return writeNodesCSV(ctx, src, cw)
	})
	if err != nil {
		return c, err
	}
	err = writeFileAtomic(filepath.Join(dir, EdgesFile), func(cw *csv.Writer) error {
		return writeEdgesCSV(ctx, src, cw)
	})
	return c, err
}

// CSV tables, for WriteCSVTable.
const (
	TableNodes = "nodes"
	TableEdges = "edges"
)

// WriteCSVTable writes one of the two tables of a csv export, TableNodes
// or TableEdges, to w: what WriteCSV writes into nodes.csv or edges.csv.
func (g *Graph) WriteCSVTable(ctx context.Context, table string, w io.Writer) (Counts, error) {
	var c Counts
	if g.source == nil {
		return c, usagef("this export was built for nquads only")
	}
	src := &counting{source: g.source, counts: &c}
	s := newSink(w)
	cw := csv.NewWriter(s.w)
	var err error
	switch table {
	case TableNodes:
		err = writeNodesCSV(ctx, src, cw)
	case TableEdges:
		err = writeEdgesCSV(ctx, src, cw)
	default:
		return c, usagef("unknown csv table %q (choose %s or %s)", table, TableNodes, TableEdges)
	}
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	if err == nil {
		err = s.flush()
	}
	return c, err
}

func writeNodesCSV(ctx context.Context, src source, cw *csv.Writer) error {
	header := []string{"Id", "Label"}
	for _, k := range src.nodeKeys() {
		header = append(header, k.Name)
	}
	cw.Write(header)
	return src.nodes(ctx, func(n Node) error {
		row := []string{n.ID, n.Label}
		for _, v := range n.Values {
			row = append(row, valueText(v))
		}
		return cw.Write(row)
	})
}

func writeEdgesCSV(ctx context.Context, src source, cw *csv.Writer) error {
	edgeType := "Undirected"
	if src.directed() {
		edgeType = "Directed"
	}
	header := []string{"Source", "Target", "Type", "Id", "Label", "Weight"}
	for _, k := range src.edgeKeys() {
		header = append(header, k.Name)
	}
	cw.Write(header)
	return src.edges(ctx, func(e Edge) error {
		row := []string{e.Source, e.Target, edgeType, e.ID, e.Label, valueText(e.Weight)}
		for _, v := range e.Values {
			row = append(row, valueText(v))
		}
		return cw.Write(row)
	})
}

// writeFileAtomic writes a CSV file through a temporary file in the same
// folder, renamed over path only when everything was written.
func writeFileAtomic(path string, fill func(*csv.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	s := newSink(f)
	cw := csv.NewWriter(s.w)
	err = fill(cw)
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	if err == nil {
		err = s.flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
