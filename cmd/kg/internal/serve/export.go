package serve

import (
	"archive/zip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph/export"
)

// exportTypes are the media types and file extensions of export formats.
var exportTypes = map[string]struct{ mime, ext string }{
	export.FormatGraphML:   {"application/graphml+xml", ".graphml"},
	export.FormatGEXF:      {"application/gexf+xml", ".gexf"},
	export.FormatDOT:       {"text/vnd.graphviz; charset=utf-8", ".dot"},
	export.FormatCytoscape: {"application/json", ".cyjs"},
	export.FormatCSV:       {"application/zip", ".zip"},
	export.FormatNQuads:    {"application/n-quads", ".nq"},
	export.FormatSVG:       {"image/svg+xml", ".svg"},
	export.FormatPNG:       {"image/png", ".png"},
}

// serveExport is GET /api/v1/export: the people view (optionally one
// person's neighbourhood, a date range) or the full view in any format of
// kg export. ?format=F&view=V&person=ID&depth=N&from=D&to=D; csv comes as
// a zip of nodes.csv and edges.csv, or one table with &part=nodes|edges;
// &download=1 asks the browser to save it as a file.
//
// An export is not a script, and streams: it has no time limit, and stops
// when the client goes away. It takes a query slot while it runs.
func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := strings.ToLower(q.Get("format"))
	depth, err := intParam(q.Get("depth"), export.DefaultDepth, 0, 3)
	if err != nil {
		fail(w, usagef("depth: %v", err))
		return
	}
	opt := export.Options{View: q.Get("view"), Person: strings.TrimSpace(q.Get("person")), Depth: depth, From: q.Get("from"), To: q.Get("to")}
	part := q.Get("part")
	if err := export.Validate(format, opt); err != nil {
		fail(w, usagef("%v", err))
		return
	}
	if part != "" && part != export.TableNodes && part != export.TableEdges || part != "" && format != export.FormatCSV {
		fail(w, usagef("part=%s: only a csv export has parts, nodes or edges", part))
		return
	}
	release, err := s.slotFor(r)
	if err != nil {
		fail(w, err)
		return
	}
	defer release()
	ctx := r.Context()
	g, err := export.Build(ctx, s.store, format, opt)
	if err != nil {
		if errors.Is(err, export.ErrNothing) {
			writeError(w, http.StatusNotFound, remote.KindNothing, err.Error())
			return
		}
		fail(w, err)
		return
	}
	typ := exportTypes[format]
	name := exportName(opt) + typ.ext
	if part != "" {
		typ.mime, name = "text/csv; charset=utf-8", exportName(opt)+"-"+part+".csv"
	}
	w.Header().Set("Content-Type", typ.mime)
	w.Header().Set("Cache-Control", "no-store")
	if q.Get("download") != "" {
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	}
	w.Header().Set("Trailer", remote.TrailerError+", "+remote.TrailerCount)
	var counts export.Counts
	switch {
	case part != "":
		counts, err = g.WriteCSVTable(ctx, part, w)
	case format == export.FormatCSV:
		counts, err = writeCSVZip(ctx, g, w)
	default:
		counts, err = g.Write(ctx, format, w)
	}
	if err != nil {
		s.log.Printf("export %s: %v", format, err)
		w.Header().Set(remote.TrailerError, "export: "+err.Error())
		return
	}
	w.Header().Set(remote.TrailerCount, remote.FormatCounts(counts))
}

// writeCSVZip writes both tables of a csv export as a zip archive.
func writeCSVZip(ctx context.Context, g *export.Graph, w io.Writer) (export.Counts, error) {
	zw := zip.NewWriter(w)
	var total export.Counts
	for _, t := range []struct{ table, file string }{{export.TableNodes, export.NodesFile}, {export.TableEdges, export.EdgesFile}} {
		f, err := zw.Create(t.file)
		if err != nil {
			return total, err
		}
		c, err := g.WriteCSVTable(ctx, t.table, f)
		if err != nil {
			return total, err
		}
		total.Nodes, total.Edges = max(total.Nodes, c.Nodes), max(total.Edges, c.Edges)
	}
	return total, zw.Close()
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_]+`)

// exportName names a downloaded export after what it holds:
// kg-hsn-run-2017-01-2017-06, kg-all.
func exportName(opt export.Options) string {
	parts := []string{"kg"}
	if opt.Person != "" {
		p := strings.Trim(opt.Person, "<>")
		p = p[strings.LastIndexByte(p, '/')+1:]
		parts = append(parts, p, "depth"+strconv.Itoa(opt.Depth))
	} else if opt.View == export.ViewFull {
		parts = append(parts, "full")
	} else {
		parts = append(parts, "all")
	}
	if opt.From != "" || opt.To != "" {
		parts = append(parts, opt.From, opt.To)
	}
	name := strings.Join(parts, "-")
	return strings.Trim(unsafeName.ReplaceAllString(name, "-"), "-")
}

// serveDump is GET /api/v1/dump, for kg dump run on the served store: the
// whole store as N-Quads, as graph.Store.Dump writes it.
func (s *Server) serveDump(w http.ResponseWriter, r *http.Request) {
	release, err := s.slotFor(r)
	if err != nil {
		fail(w, err)
		return
	}
	defer release()
	w.Header().Set("Content-Type", "application/n-quads")
	w.Header().Set("Trailer", remote.TrailerError+", "+remote.TrailerCount)
	n, err := s.store.Dump(r.Context(), w)
	if err != nil {
		w.Header().Set(remote.TrailerError, "dump: "+err.Error())
		return
	}
	w.Header().Set(remote.TrailerCount, remote.FormatCounts(export.Counts{Quads: n}))
}

// slotFor waits for a query slot for a request that streams: as long as
// the server's time limit, after which the server is busy.
func (s *Server) slotFor(r *http.Request) (func(), error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	return s.slot(ctx)
}
