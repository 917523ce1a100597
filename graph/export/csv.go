package export

import (
	"context"
	"encoding/csv"
	"fmt"
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
	nodeKeys, edgeKeys := src.nodeKeys(), src.edgeKeys()
	err := writeFileAtomic(filepath.Join(dir, NodesFile), func(cw *csv.Writer) error {
		header := []string{"Id", "Label"}
		for _, k := range nodeKeys {
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
	})
	if err != nil {
		return c, err
	}
	edgeType := "Undirected"
	if src.directed() {
		edgeType = "Directed"
	}
	err = writeFileAtomic(filepath.Join(dir, EdgesFile), func(cw *csv.Writer) error {
		header := []string{"Source", "Target", "Type", "Id", "Label", "Weight"}
		for _, k := range edgeKeys {
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
	})
	return c, err
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
