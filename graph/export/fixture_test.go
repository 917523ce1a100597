package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
	"github.com/kg-project/kg/schema"
	"github.com/kg-project/kg/schema/schematest"
)

// openStore opens a store of the given backend and path and fills it with
// the facts.
func openStore(t testing.TB, opt graph.Options, facts []schema.Facts) *graph.Store {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for _, f := range facts {
		a := schema.Article{ID: f.ID, Published: f.Published, Source: f.Source}
		if err := store.Write(ctx, schema.Quads(a, f)); err != nil {
			t.Fatal(err)
		}
	}
	return store
}

// goldStore is a memory store holding the gold annotation.
func goldStore(t testing.TB) *graph.Store {
	return openStore(t, graph.Options{Backend: graph.BackendMemory}, schematest.GoldFacts(t))
}

// expectedPair is what the people view should say about two people,
// worked out from the gold facts independently of the export code.
type expectedPair struct {
	meetings map[string]bool // meeting identities
	dates    map[string]bool
}

func expectedPairs(t testing.TB, facts []schema.Facts) map[[2]string]*expectedPair {
	out := map[[2]string]*expectedPair{}
	for _, f := range facts {
		for _, m := range f.Meetings {
			var people []string
			for _, name := range m.Participants {
				people = append(people, string(schema.PersonIRI(name)))
			}
			sort.Strings(people)
			id := strings.Join(people, ",") + "|" + schema.Deref(m.Date) + "|" + m.Kind
			for i := range people {
				for _, o := range people[i+1:] {
					if o == people[i] {
						continue
					}
					k := [2]string{people[i], o}
					if out[k] == nil {
						out[k] = &expectedPair{meetings: map[string]bool{}, dates: map[string]bool{}}
					}
					out[k].meetings[id] = true
					if d := schema.Deref(m.Date); d != "" {
						out[k].dates[d] = true
					}
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("gold.json has no meetings")
	}
	return out
}

// build runs Build and fails the test on error.
func build(t testing.TB, store *graph.Store, format string, opt export.Options) *export.Graph {
	t.Helper()
	g, err := export.Build(context.Background(), store, format, opt)
	if err != nil {
		t.Fatalf("Build(%s, %+v): %v", format, opt, err)
	}
	return g
}

// write exports to a file in a temporary folder and returns its path.
func write(t testing.TB, store *graph.Store, format string, opt export.Options, name string) string {
	t.Helper()
	g := build(t, store, format, opt)
	var buf bytes.Buffer
	if _, err := g.Write(context.Background(), format, &buf); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// cyto is the Cytoscape.js JSON document as the tests read it.
type cyto struct {
	Elements struct {
		Nodes []struct {
			Data map[string]any `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data map[string]any `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

// exportCyto exports as Cytoscape JSON and parses it, checking that every
// edge joins two exported nodes.
func exportCyto(t testing.TB, store *graph.Store, opt export.Options) (cyto, error) {
	t.Helper()
	var doc cyto
	g, err := export.Build(context.Background(), store, export.FormatCytoscape, opt)
	if err != nil {
		return doc, err
	}
	var buf bytes.Buffer
	if _, err := g.Write(context.Background(), export.FormatCytoscape, &buf); err != nil {
		t.Fatalf("write cytoscape: %v", err)
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("cytoscape JSON does not parse: %v\n%s", err, buf.String())
	}
	ids := map[string]bool{}
	for _, n := range doc.Elements.Nodes {
		id, _ := n.Data["id"].(string)
		if id == "" || ids[id] {
			t.Fatalf("node with missing or repeated id: %v", n.Data)
		}
		ids[id] = true
	}
	edgeIDs := map[string]bool{}
	for _, e := range doc.Elements.Edges {
		s, _ := e.Data["source"].(string)
		d, _ := e.Data["target"].(string)
		if !ids[s] || !ids[d] {
			t.Fatalf("edge %v references a node that is not exported", e.Data)
		}
		id, _ := e.Data["id"].(string)
		if id == "" || edgeIDs[id] {
			t.Fatalf("edge with missing or repeated id: %v", e.Data)
		}
		edgeIDs[id] = true
	}
	return doc, nil
}

// External programs. Without them the tests fail saying which Debian
// package to install, unless KG_SKIP_EXTERNAL=1.

func skipExternal(t testing.TB, what, pkg string) {
	t.Helper()
	if os.Getenv("KG_SKIP_EXTERNAL") == "1" {
		t.Skipf("%s not available and KG_SKIP_EXTERNAL=1", what)
	}
	t.Fatalf("%s is needed to read the export back: install the Debian package %s (apt-get install %s), or set KG_SKIP_EXTERNAL=1 to skip", what, pkg, pkg)
}

var (
	pythonOnce sync.Once
	pythonPath string
)

// networkxPython finds a python3 that can import networkx: the one on PATH
// or Debian's /usr/bin/python3 (which python3-networkx installs into).
func networkxPython(t testing.TB) string {
	t.Helper()
	pythonOnce.Do(func() {
		for _, p := range []string{"python3", "/usr/bin/python3"} {
			if exec.Command(p, "-c", "import networkx").Run() == nil {
				pythonPath = p
				return
			}
		}
	})
	if pythonPath == "" {
		skipExternal(t, "python3 with NetworkX", "python3-networkx")
	}
	return pythonPath
}

func needDot(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("dot")
	if err != nil {
		skipExternal(t, "Graphviz's dot", "graphviz")
	}
	return p
}

// runPython runs a script with arguments and decodes its JSON output.
func runPython(t testing.TB, script string, out any, args ...string) {
	t.Helper()
	py := networkxPython(t)
	cmd := exec.Command(py, append([]string{"-c", script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("networkx could not read %v: %s", args, stderr.String())
		}
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatalf("python output %q: %v", b, err)
	}
}

func loadersArticle(f schema.Facts) schema.Article {
	return schema.Article{ID: f.ID, Published: f.Published, Source: f.Source}
}
