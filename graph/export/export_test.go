package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func person(name string) string { return string(schema.PersonIRI(name)) }

// The people view has every gold person and one edge per pair that met,
// with the number of distinct meetings and their dates.
func TestPeopleViewMatchesGold(t *testing.T) {
	facts := schematest.GoldFacts(t)
	store := openStore(t, graph.Options{Backend: graph.BackendMemory}, facts)
	doc, err := exportCyto(t, store, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantPeople := map[string]string{}
	for _, f := range facts {
		for _, p := range f.People {
			id := person(p.Name)
			if len(p.Name) > len(wantPeople[id]) {
				wantPeople[id] = p.Name
			}
		}
	}
	gotPeople := map[string]string{}
	for _, n := range doc.Elements.Nodes {
		gotPeople[n.Data["id"].(string)], _ = n.Data["label"].(string)
	}
	if len(gotPeople) != len(wantPeople) {
		t.Errorf("exported %d people, gold has %d", len(gotPeople), len(wantPeople))
	}
	for id, name := range wantPeople {
		if gotPeople[id] != name {
			t.Errorf("person %s: label %q, want %q", id, gotPeople[id], name)
		}
	}

	want := expectedPairs(t, facts)
	if len(doc.Elements.Edges) != len(want) {
		t.Errorf("exported %d edges, gold has %d pairs", len(doc.Elements.Edges), len(want))
	}
	for _, e := range doc.Elements.Edges {
		a, b := e.Data["source"].(string), e.Data["target"].(string)
		w := want[[2]string{a, b}]
		if w == nil {
			t.Errorf("edge %s -- %s is not in gold", a, b)
			continue
		}
		if n := int(e.Data["meetings"].(float64)); n != len(w.meetings) {
			t.Errorf("%s -- %s: %d meetings, want %d", a, b, n, len(w.meetings))
		}
		if e.Data["weight"].(float64) != float64(len(w.meetings)) {
			t.Errorf("%s -- %s: weight %v, want %d", a, b, e.Data["weight"], len(w.meetings))
		}
		dates, _ := e.Data["dates"].(string)
		var got []string
		if dates != "" {
			got = strings.Split(dates, "; ")
		}
		var wantDates []string
		for d := range w.dates {
			wantDates = append(wantDates, d)
		}
		sort.Strings(wantDates)
		if strings.Join(uniq(got), ",") != strings.Join(wantDates, ",") {
			t.Errorf("%s -- %s: dates %q, want %q", a, b, dates, wantDates)
		}
		if len(wantDates) > 0 && (e.Data["first"] != wantDates[0] || e.Data["last"] != wantDates[len(wantDates)-1]) {
			t.Errorf("%s -- %s: first %v last %v, want %s and %s", a, b, e.Data["first"], e.Data["last"], wantDates[0], wantDates[len(wantDates)-1])
		}
		if e.Data["sources"] == nil || e.Data["kind"] != "meeting" {
			t.Errorf("%s -- %s: sources %v kind %v", a, b, e.Data["sources"], e.Data["kind"])
		}
	}
}

func uniq(s []string) []string {
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// A person's country is their nationality or the country of a current
// office; their offices are the current ones; meetings are counted.
func TestPeopleAttributes(t *testing.T) {
	store := goldStore(t)
	doc, err := exportCyto(t, store, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]map[string]any{}
	for _, n := range doc.Elements.Nodes {
		byID[n.Data["id"].(string)] = n.Data
	}
	tests := []struct {
		name, country, office string
		meetings              float64
	}{
		{"Hassan Rouhani", "Iran", "President of Iran", 2},
		{"Imad Khamis", "Syria", "Prime Minister of Syria", 2},
		{"Ali Akbar Velayati", "", "Adviser of Ali Khamenei", 3},
		{"Walid al-Muallem", "Syria", "Foreign Minister of Syria", 2},
	}
	for _, tt := range tests {
		d := byID[person(tt.name)]
		if d == nil {
			t.Errorf("%s not exported", tt.name)
			continue
		}
		if c, _ := d["country"].(string); c != tt.country {
			t.Errorf("%s: country %q, want %q", tt.name, c, tt.country)
		}
		if o, _ := d["offices"].(string); !strings.Contains(o, tt.office) {
			t.Errorf("%s: offices %q, want %q among them", tt.name, o, tt.office)
		}
		if d["meetings"] != tt.meetings {
			t.Errorf("%s: %v meetings, want %v", tt.name, d["meetings"], tt.meetings)
		}
	}
	if o, _ := byID[person("Walid al-Muallem")]["offices"].(string); strings.Count(o, ";") != 0 {
		t.Errorf("Walid al-Muallem's former office is listed: %q", o)
	}
}

// The filters narrow the people view; an empty result is an error
// wrapping ErrNothing that says why.
func TestFilters(t *testing.T) {
	store := goldStore(t)
	R, K, M := person("Hassan Rouhani"), person("Imad Khamis"), person("Faisal al-Mekdad")
	V, W, L := person("Ali Akbar Velayati"), person("Walid al-Muallem"), person("Ali Larijani")
	S, H, G, A := person("Ali Shamkhani"), person("Amir Hatami"), person("Mohammad Bagher Ghalibaf"), person("Adel Abdul Mahdi")
	tests := []struct {
		name    string
		opt     export.Options
		people  []string
		edges   [][2]string
		nothing string // part of the ErrNothing message, if empty result
	}{
		{name: "depth 1", opt: export.Options{Person: "Hassan Rouhani", Depth: 1},
			people: []string{R, K, M}, edges: [][2]string{{R, K}, {R, M}}},
		{name: "surname and other spelling", opt: export.Options{Person: "Rohani", Depth: 1},
			people: []string{R, K, M}, edges: [][2]string{{R, K}, {R, M}}},
		{name: "depth 2 includes edges among neighbours", opt: export.Options{Person: "Rouhani", Depth: 2},
			people: []string{R, K, M, V, S, H, G},
			edges:  [][2]string{{R, K}, {R, M}, {V, K}, {M, S}, {M, H}, {M, G}}},
		{name: "depth 0 is the person alone", opt: export.Options{Person: "Rouhani", Depth: 0},
			nothing: `no meetings match --person "Rouhani" --depth 0`},
		{name: "from a year", opt: export.Options{From: "2020"},
			people: []string{R, M, S, H, G}, edges: [][2]string{{R, M}, {M, S}, {M, H}, {M, G}}},
		{name: "closed range leaves out undated and outside", opt: export.Options{From: "2017-01-02", To: "2017-12"},
			people: []string{R, K, V, A}, edges: [][2]string{{R, K}, {V, A}}},
		{name: "to a month", opt: export.Options{To: "2017-01"},
			people: []string{R, K, V, W}, edges: [][2]string{{R, K}, {V, W}}},
		{name: "exact day", opt: export.Options{From: "2020-12-07", To: "2020-12-07"},
			people: []string{M, G}, edges: [][2]string{{M, G}}},
		{name: "person and range", opt: export.Options{Person: "Rouhani", Depth: 1, From: "2020"},
			people: []string{R, M}, edges: [][2]string{{R, M}}},
		{name: "person with no meeting in range", opt: export.Options{Person: "Larijani", Depth: 3, From: "2020"},
			nothing: "no meetings match"},
		{name: "unknown person", opt: export.Options{Person: "Nobody Atall", Depth: 1},
			nothing: `no person called "Nobody Atall"`},
		{name: "range without meetings", opt: export.Options{From: "2030"},
			nothing: "no meetings match --from 2030"},
		{name: "undated meetings only without range", opt: export.Options{Person: "Larijani", Depth: 1},
			people: []string{L, W}, edges: [][2]string{{L, W}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := exportCyto(t, store, tt.opt)
			if tt.nothing != "" {
				if !errors.Is(err, export.ErrNothing) || !strings.Contains(err.Error(), tt.nothing) {
					t.Fatalf("error %v, want ErrNothing saying %q", err, tt.nothing)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var people []string
			for _, n := range doc.Elements.Nodes {
				people = append(people, n.Data["id"].(string))
			}
			var edges []string
			for _, e := range doc.Elements.Edges {
				edges = append(edges, e.Data["source"].(string)+" -- "+e.Data["target"].(string))
			}
			var wantEdges []string
			for _, e := range tt.edges {
				a, b := e[0], e[1]
				if b < a {
					a, b = b, a
				}
				wantEdges = append(wantEdges, a+" -- "+b)
			}
			if got, want := sorted(people), sorted(tt.people); got != want {
				t.Errorf("people\n got %s\nwant %s", got, want)
			}
			if got, want := sorted(edges), sorted(wantEdges); got != want {
				t.Errorf("edges\n got %s\nwant %s", got, want)
			}
		})
	}
}

func sorted(s []string) string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return strings.Join(s, ", ")
}

func TestEmptyStore(t *testing.T) {
	store := openStore(t, graph.Options{Backend: graph.BackendMemory}, nil)
	for _, tt := range []struct {
		format string
		opt    export.Options
		want   string
	}{
		{export.FormatGraphML, export.Options{}, "the store holds no people"},
		{export.FormatGraphML, export.Options{View: export.ViewFull}, "the store is empty"},
		{export.FormatNQuads, export.Options{}, "the store is empty"},
		{export.FormatDOT, export.Options{From: "2017"}, "no meetings match --from 2017"},
	} {
		_, err := export.Build(context.Background(), store, tt.format, tt.opt)
		if !errors.Is(err, export.ErrNothing) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %+v: error %v, want ErrNothing saying %q", tt.format, tt.opt, err, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		format string
		opt    export.Options
		want   string // "" for valid
	}{
		{"graphml", export.Options{}, ""},
		{"gexf", export.Options{View: "full"}, ""},
		{"csv", export.Options{Person: "Rouhani", Depth: 2, From: "2017", To: "2017-02-28"}, ""},
		{"", export.Options{}, "no --format given"},
		{"pdf", export.Options{}, `unknown format "pdf"`},
		{"dot", export.Options{View: "everything"}, `unknown view "everything"`},
		{"dot", export.Options{View: "full", From: "2017"}, "filter the people view"},
		{"nquads", export.Options{Person: "Rouhani"}, "nquads exports the whole store"},
		{"dot", export.Options{From: "18/01/2017"}, `--from 18/01/2017: "18/01/2017" is not a date`},
		{"dot", export.Options{To: "2017-13"}, `--to 2017-13: "2017-13" is not a date`},
		{"dot", export.Options{To: "2017-02-30"}, "is not a date"},
		{"dot", export.Options{From: "2018", To: "2017-06"}, "--from 2018 is after --to 2017-06"},
		{"dot", export.Options{Person: "Rouhani", Depth: -1}, "--depth -1"},
	}
	for _, tt := range tests {
		err := export.Validate(tt.format, tt.opt)
		if tt.want == "" {
			if err != nil {
				t.Errorf("Validate(%q, %+v): %v", tt.format, tt.opt, err)
			}
			continue
		}
		var usage *export.UsageError
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Validate(%q, %+v) = %v, want a usage error saying %q", tt.format, tt.opt, err, tt.want)
		}
	}
}

// Without Graphviz, pictures are refused before anything is written, with
// a message saying what to install.
func TestPictureWithoutGraphviz(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, format := range []string{export.FormatPNG, export.FormatSVG} {
		err := export.Validate(format, export.Options{})
		want := "rendering " + format + " needs Graphviz's dot: install graphviz (apt-get install graphviz) or export --format dot"
		if !errors.Is(err, export.ErrNoGraphviz) || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate(%s) = %v, want %q", format, err, want)
		}
	}
	if err := export.Validate(export.FormatDOT, export.Options{}); err != nil {
		t.Errorf("dot needs no Graphviz: %v", err)
	}
}

const graphmlScript = `
import json, sys
import networkx as nx
G = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": G.is_directed(),
  "nodes": {n: {k: str(v) for k, v in d.items() if v is not None} for n, d in G.nodes(data=True)},
  "edges": [[u, v, {k: str(x) for k, x in d.items() if x is not None}] for u, v, d in G.edges(data=True)],
}))
`

const gexfScript = `
import json, sys
import networkx as nx
from networkx.readwrite import gexf
if "1.3" not in gexf.GEXF.versions:
    # NetworkX before 3.0 (Debian 12) knows GEXF up to 1.2draft; 1.3 only
    # changed the namespace for what kg writes.
    gexf.GEXF.versions["1.3"] = dict(gexf.GEXF.versions["1.2draft"],
        NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz",
        SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", VERSION="1.3")
G = nx.read_gexf(sys.argv[1], version="1.3")
print(json.dumps({
  "mode": G.graph.get("mode"),
  "nodes": {n: {k: str(v) for k, v in d.items()} for n, d in G.nodes(data=True)},
  "edges": [[u, v, {k: (x if k == "spells" else str(x)) for k, x in d.items()}] for u, v, d in G.edges(data=True)],
}))
`

type nxGraph struct {
	Directed bool                         `json:"directed"`
	Mode     string                       `json:"mode"`
	Nodes    map[string]map[string]string `json:"nodes"`
	Edges    [][3]json.RawMessage         `json:"edges"`
}

type nxEdge struct {
	u, v  string
	attrs map[string]any
}

func (g nxGraph) edges(t *testing.T) []nxEdge {
	var out []nxEdge
	for _, e := range g.Edges {
		var x nxEdge
		if json.Unmarshal(e[0], &x.u) != nil || json.Unmarshal(e[1], &x.v) != nil || json.Unmarshal(e[2], &x.attrs) != nil {
			t.Fatalf("bad edge %s", e)
		}
		out = append(out, x)
	}
	return out
}

// findEdge returns the edge joining a and b in either direction.
func findEdge(edges []nxEdge, a, b string) *nxEdge {
	for i, e := range edges {
		if (e.u == a && e.v == b) || (e.u == b && e.v == a) {
			return &edges[i]
		}
	}
	return nil
}

// checkSeedPeople checks that every gold person is a node labelled with
// their name.
func checkSeedPeople(t *testing.T, facts []schema.Facts, nodes map[string]map[string]string) {
	t.Helper()
	for _, f := range facts {
		for _, p := range f.People {
			n := nodes[person(p.Name)]
			if n == nil {
				t.Errorf("%s is missing", p.Name)
			} else if n["label"] == "" {
				t.Errorf("%s has no label: %v", p.Name, n)
			}
		}
	}
	if nodes[person("Hassan Rouhani")]["label"] != "Hassan Rouhani" {
		t.Errorf("Rouhani's label: %v", nodes[person("Hassan Rouhani")])
	}
}

func TestGraphMLReadByNetworkX(t *testing.T) {
	facts := schematest.GoldFacts(t)
	store := openStore(t, graph.Options{Backend: graph.BackendMemory}, facts)
	path := write(t, store, export.FormatGraphML, export.Options{}, "seed.graphml")
	var g nxGraph
	runPython(t, graphmlScript, &g, path)
	if g.Directed {
		t.Error("the people view should be undirected")
	}
	checkSeedPeople(t, facts, g.Nodes)
	if got := g.Nodes[person("Hassan Rouhani")]["country"]; got != "Iran" {
		t.Errorf("Rouhani's country %q", got)
	}
	edges := g.edges(t)
	if len(edges) != len(expectedPairs(t, facts)) {
		t.Errorf("%d edges, want %d", len(edges), len(expectedPairs(t, facts)))
	}
	e := findEdge(edges, person("Hassan Rouhani"), person("Imad Khamis"))
	if e == nil {
		t.Fatal("no Rouhani -- Khamis edge")
	}
	if e.attrs["dates"] != "2017-01-18" || e.attrs["first"] != "2017-01-18" || e.attrs["weight"] != "1.0" {
		t.Errorf("Rouhani -- Khamis: %v", e.attrs)
	}
	if !strings.Contains(e.attrs["sources"].(string), "000_f7356908f0a07a4a") || !strings.Contains(e.attrs["sources"].(string), "001_bde1dc2722e06bb9") {
		t.Errorf("Rouhani -- Khamis sources %v, want both articles", e.attrs["sources"])
	}
	// Every edge carries the sentences behind it and where they come from.
	for _, e := range edges {
		ev, _ := e.attrs["evidence"].(string)
		if !strings.Contains(ev, ": “") || !strings.Contains(ev, "” — ") || !strings.Contains(ev, "(article ") {
			t.Errorf("edge %s -- %s has no evidence: %q", e.u, e.v, ev)
		}
	}
	quoted := func(sentence, article string) bool {
		for _, e := range edges {
			if ev, _ := e.attrs["evidence"].(string); strings.Contains(ev, "“"+sentence+"”") && strings.Contains(ev, "(article "+article) {
				return true
			}
		}
		return false
	}
	for _, f := range facts {
		for _, m := range f.Meetings {
			if !quoted(m.Evidence, f.ID) {
				t.Errorf("no edge quotes %q from %s", m.Evidence, f.ID)
			}
		}
	}
}

func TestGEXFReadByNetworkX(t *testing.T) {
	facts := schematest.GoldFacts(t)
	store := openStore(t, graph.Options{Backend: graph.BackendMemory}, facts)
	path := write(t, store, export.FormatGEXF, export.Options{}, "seed.gexf")
	var g nxGraph
	runPython(t, gexfScript, &g, path)
	if g.Mode != "dynamic" {
		t.Errorf("mode %q, want dynamic", g.Mode)
	}
	checkSeedPeople(t, facts, g.Nodes)
	edges := g.edges(t)
	dated := 0
	for _, e := range edges {
		spells, _ := e.attrs["spells"].([]any)
		if len(spells) > 0 {
			dated++
		}
	}
	want := 0
	for _, p := range expectedPairs(t, facts) {
		if len(p.dates) > 0 {
			want++
		}
	}
	if dated != want {
		t.Errorf("%d edges with spells, want %d (pairs with a dated meeting)", dated, want)
	}
	e := findEdge(edges, person("Faisal al-Mekdad"), person("Mohammad Bagher Ghalibaf"))
	if e == nil {
		t.Fatal("no Mekdad -- Ghalibaf edge")
	}
	spells, _ := e.attrs["spells"].([]any)
	if len(spells) != 1 || spells[0].([]any)[0] != "2020-12-07" || spells[0].([]any)[1] != "2020-12-07" {
		t.Errorf("Mekdad -- Ghalibaf spells %v, want [[2020-12-07 2020-12-07]]", e.attrs["spells"])
	}
	if e.attrs["meetings"] != "1" || e.attrs["label"] == "" {
		t.Errorf("Mekdad -- Ghalibaf attributes %v", e.attrs)
	}
}

// The full view is every IRI node and every node-to-node quad.
func TestFullViewReadByNetworkX(t *testing.T) {
	facts := schematest.GoldFacts(t)
	store := openStore(t, graph.Options{Backend: graph.BackendMemory}, facts)
	var quads []quad.Quad
	nodes := map[string]bool{}
	for _, f := range facts {
		quads = append(quads, schema.Quads(loadersArticle(f), f)...)
	}
	for _, q := range quads {
		if s, ok := q.Subject.(quad.IRI); ok {
			nodes[string(s)] = true
		}
		if o, ok := q.Object.(quad.IRI); ok {
			nodes[string(o)] = true
		}
	}
	wantEdges := 0
	seen := map[quad.Quad]bool{}
	for _, q := range quads {
		_, sok := q.Subject.(quad.IRI)
		_, ook := q.Object.(quad.IRI)
		if sok && ook && !seen[q] {
			seen[q] = true
			wantEdges++
		}
	}

	for _, format := range []string{export.FormatGraphML, export.FormatGEXF} {
		path := write(t, store, format, export.Options{View: export.ViewFull}, "full."+format)
		var g nxGraph
		script := graphmlScript
		if format == export.FormatGEXF {
			script = gexfScript
		}
		runPython(t, script, &g, path)
		if len(g.Nodes) != len(nodes) {
			t.Errorf("%s: %d nodes, want %d", format, len(g.Nodes), len(nodes))
		}
		if got := len(g.Edges); got != wantEdges {
			t.Errorf("%s: %d edges, want %d", format, got, wantEdges)
		}
		if format == export.FormatGEXF {
			dated := 0
			for id, n := range g.Nodes {
				if n["kg:date"] == "" {
					continue
				}
				dated++
				if !strings.Contains(n["spells"], n["kg:date"]) {
					t.Errorf("gexf: dated node %s has spells %q, want its date %s", id, n["spells"], n["kg:date"])
				}
			}
			if dated == 0 {
				t.Error("gexf: no dated node in the full view")
			}
		}
		r := g.Nodes[person("Hassan Rouhani")]
		if r["label"] != "Hassan Rouhani" || r["kg:name"] != "Hassan Rouhani" || r["type"] != "kg:Person" || !strings.Contains(r["kg:alias"], "Rouhani") {
			t.Errorf("%s: Rouhani node %v", format, r)
		}
	}
}

// The DOT of both views renders with Graphviz into a valid SVG and PNG,
// and kg's own svg and png formats do the same through dot.
func TestDOTRendersWithGraphviz(t *testing.T) {
	dot := needDot(t)
	store := goldStore(t)
	for _, view := range []string{export.ViewPeople, export.ViewFull} {
		path := write(t, store, export.FormatDOT, export.Options{View: view}, view+".dot")
		for _, format := range []string{"svg", "png"} {
			cmd := exec.Command(dot, "-T"+format, path)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("dot -T%s %s: %v\n%s", format, view, err, stderr.String())
			}
			checkPicture(t, view+" via dot", format, out)
		}
	}
	for _, format := range []string{export.FormatSVG, export.FormatPNG} {
		g := build(t, store, format, export.Options{Person: "Rouhani", Depth: 2})
		var buf bytes.Buffer
		c, err := g.Write(context.Background(), format, &buf)
		if err != nil {
			t.Fatalf("Write(%s): %v", format, err)
		}
		if c.Nodes != 7 || c.Edges != 6 {
			t.Errorf("%s: counted %d nodes and %d edges, want 7 and 6", format, c.Nodes, c.Edges)
		}
		checkPicture(t, "kg export", format, buf.Bytes())
	}
}

func checkPicture(t *testing.T, what, format string, b []byte) {
	t.Helper()
	switch format {
	case "png":
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: not a PNG: %v", what, err)
		}
		if r := img.Bounds(); r.Dx() < 100 || r.Dy() < 100 {
			t.Errorf("%s: PNG only %dx%d", what, r.Dx(), r.Dy())
		}
	case "svg":
		var doc struct {
			XMLName xml.Name
			Text    []string `xml:"g>g>text"`
		}
		if err := xml.Unmarshal(b, &doc); err != nil || doc.XMLName.Local != "svg" {
			t.Fatalf("%s: not an SVG (%v): %.200s", what, err, b)
		}
		if !bytes.Contains(b, []byte("Hassan Rouhani")) {
			t.Errorf("%s: the SVG does not show Hassan Rouhani", what)
		}
	}
}

// N-Quads load back into an empty store with the same number of quads.
func TestNQuadsRoundTrip(t *testing.T) {
	ctx := context.Background()
	store := goldStore(t)
	path := write(t, store, export.FormatNQuads, export.Options{}, "seed.nq")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var quads []quad.Quad
	r := nquads.NewReader(f, false)
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: quad %d: %v", path, len(quads)+1, err)
		}
		quads = append(quads, q)
	}
	fresh := openStore(t, graph.Options{Backend: graph.BackendMemory}, nil)
	if err := fresh.Write(ctx, quads); err != nil {
		t.Fatal(err)
	}
	want, err := store.QuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fresh.QuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want || int64(len(quads)) != want || want == 0 {
		t.Errorf("read %d quads, reloaded store has %d, original %d", len(quads), got, want)
	}
	st, err := fresh.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Meetings == 0 || st.People == 0 {
		t.Errorf("reloaded store lost its classes: %+v", st)
	}
}

// Cytoscape JSON of the full view parses and its edges join exported
// nodes (exportCyto checks that).
func TestCytoscapeFullView(t *testing.T) {
	doc, err := exportCyto(t, goldStore(t), export.Options{View: export.ViewFull})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Elements.Nodes) == 0 || len(doc.Elements.Edges) == 0 {
		t.Fatalf("empty full view: %d nodes, %d edges", len(doc.Elements.Nodes), len(doc.Elements.Edges))
	}
	// An edge is a report labelled with its article, or the description
	// of a node, which has no label.
	reports := 0
	for _, e := range doc.Elements.Edges {
		label, _ := e.Data["quad_label"].(string)
		if e.Data["predicate"] == nil || label != "" && !strings.HasPrefix(label, "kg:article/") {
			t.Fatalf("edge without predicate, or labelled with something other than an article: %v", e.Data)
		}
		if label != "" {
			reports++
		}
	}
	if reports == 0 {
		t.Error("no edge carries the article that reported it")
	}
}

func TestCSV(t *testing.T) {
	store := goldStore(t)
	for _, view := range []string{export.ViewPeople, export.ViewFull} {
		t.Run(view, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			g := build(t, store, export.FormatCSV, export.Options{View: view})
			c, err := g.WriteCSV(context.Background(), dir)
			if err != nil {
				t.Fatal(err)
			}
			nodes := readCSV(t, filepath.Join(dir, export.NodesFile))
			edges := readCSV(t, filepath.Join(dir, export.EdgesFile))
			if h := nodes[0]; h[0] != "Id" || h[1] != "Label" {
				t.Errorf("nodes.csv header %v", h)
			}
			if h := strings.Join(edges[0][:6], ","); h != "Source,Target,Type,Id,Label,Weight" {
				t.Errorf("edges.csv header %v", edges[0])
			}
			if int64(len(nodes)-1) != c.Nodes || int64(len(edges)-1) != c.Edges || c.Nodes == 0 || c.Edges == 0 {
				t.Errorf("%d node rows, %d edge rows; counted %+v", len(nodes)-1, len(edges)-1, c)
			}
			ids := map[string]bool{}
			for _, row := range nodes[1:] {
				ids[row[0]] = true
			}
			wantType := "Undirected"
			if view == export.ViewFull {
				wantType = "Directed"
			}
			for _, row := range edges[1:] {
				if !ids[row[0]] || !ids[row[1]] || row[2] != wantType {
					t.Fatalf("edge row %v: unknown node or type", row)
				}
			}
			leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
			if len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}
		})
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s: %d rows", path, len(rows))
	}
	return rows
}

// Names with quotes, backslashes, angle brackets, ampersands and line
// breaks survive every format.
func TestAwkwardNames(t *testing.T) {
	odd := `Ali "the Lion" <Bin> & Back\slash`
	facts := []schema.Facts{{
		ID: "odd/1", Published: "2019-05-05",
		People: []schema.Person{{Name: odd}, {Name: "Second\nLine"}},
		Meetings: []schema.Meeting{{Participants: []string{odd, "Second\nLine"}, Date: schema.Str("2019-05"),
			Kind: schema.KindCall, Place: schema.Str(`Q&A "room"`)}},
	}}
	store := openStore(t, graph.Options{Backend: graph.BackendMemory}, facts)
	doc, err := exportCyto(t, store, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range doc.Elements.Nodes {
		found = found || n.Data["label"] == odd
	}
	if !found {
		t.Errorf("cytoscape lost the name %q", odd)
	}
	for _, format := range []string{export.FormatGraphML, export.FormatGEXF} {
		for _, view := range []string{export.ViewPeople, export.ViewFull} {
			path := write(t, store, format, export.Options{View: view}, "odd."+format)
			b, _ := os.ReadFile(path)
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s %s is not well-formed XML: %v", view, format, err)
				}
			}
			if !bytes.Contains(b, []byte("Ali &#34;the Lion&#34; &lt;Bin&gt; &amp; Back\\slash")) {
				t.Errorf("%s %s: name not escaped as expected", view, format)
			}
		}
	}
	if _, err := exec.LookPath("dot"); err == nil {
		path := write(t, store, export.FormatDOT, export.Options{}, "odd.dot")
		out, err := exec.Command("dot", "-Tsvg", path).CombinedOutput()
		if err != nil {
			t.Fatalf("dot rejects escaped names: %v\n%s", err, out)
		}
		if !bytes.Contains(out, []byte("Ali &quot;the Lion&quot; &lt;Bin&gt; &amp; Back\\slash")) {
			t.Errorf("the SVG does not show the name verbatim:\n%s", out)
		}
	}
}

// The people view in DOT and GEXF is compared with golden files; run
// go test ./graph/export -run Golden -update after an intended change.
func TestGoldenPeople(t *testing.T) {
	store := goldStore(t)
	for _, tt := range []struct {
		format, file string
	}{
		{export.FormatDOT, "testdata/seed-people.dot"},
		{export.FormatGEXF, "testdata/seed-people.gexf"},
	} {
		g := build(t, store, tt.format, export.Options{})
		var buf bytes.Buffer
		if _, err := g.Write(context.Background(), tt.format, &buf); err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(tt.file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from the export; if the change is intended, run go test ./graph/export -run Golden -update\n%s", tt.file, buf.String())
		}
	}
}

// An on-disk store gives the same export as a memory one.
func TestBoltStore(t *testing.T) {
	facts := schematest.GoldFacts(t)
	mem := openStore(t, graph.Options{Backend: graph.BackendMemory}, facts)
	bolt := openStore(t, graph.Options{Backend: graph.BackendBolt, Path: filepath.Join(t.TempDir(), "db")}, facts)
	for _, view := range []string{export.ViewPeople, export.ViewFull} {
		a, err := exportCyto(t, mem, export.Options{View: view})
		if err != nil {
			t.Fatal(err)
		}
		b, err := exportCyto(t, bolt, export.Options{View: view})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Elements.Nodes) != len(b.Elements.Nodes) || len(a.Elements.Edges) != len(b.Elements.Edges) {
			t.Errorf("%s: memory %d/%d, bolt %d/%d nodes/edges", view, len(a.Elements.Nodes), len(a.Elements.Edges), len(b.Elements.Nodes), len(b.Elements.Edges))
		}
	}
}

// KG_GOLD_STORE=DIR go test ./graph/export -run TestWriteGoldStore writes
// the gold annotation into a bolt store at DIR, from which
// docs/img/seed-network.png is drawn with kg export --format png.
func TestWriteGoldStore(t *testing.T) {
	dir := os.Getenv("KG_GOLD_STORE")
	if dir == "" {
		t.Skip("set KG_GOLD_STORE=DIR to write the gold store")
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendBolt, Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, f := range schematest.GoldFacts(t) {
		if err := store.Write(ctx, schema.Quads(loadersArticle(f), f)); err != nil {
			t.Fatal(err)
		}
	}
}
