package repl

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// thingCount is how many <ex:Thing> nodes the test store holds.
const thingCount = 150

// testStore is an in-memory store with two people and thingCount things.
func testStore(t *testing.T) *graph.Store {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	label := quad.IRI("kg:article/test")
	quads := []quad.Quad{
		quad.Make(quad.IRI("kg:person/rouhani"), schema.Type, schema.ClassPerson, label),
		quad.Make(quad.IRI("kg:person/rouhani"), schema.Name, quad.String("Hassan Rouhani"), label),
		quad.Make(quad.IRI("kg:person/khamis"), schema.Type, schema.ClassPerson, label),
		quad.Make(quad.IRI("kg:person/khamis"), schema.Name, quad.String("Imad Khamis"), label),
		quad.Make(quad.IRI("kg:person/rouhani"), quad.IRI("ex:follows"), quad.IRI("kg:person/khamis"), label),
	}
	for i := 0; i < thingCount; i++ {
		quads = append(quads, quad.Make(quad.IRI(fmt.Sprintf("ex:thing/%03d", i)), schema.Type, quad.IRI("ex:Thing"), label))
	}
	if err := st.Write(ctx, quads); err != nil {
		t.Fatal(err)
	}
	return st
}

// run feeds entries to a new session and returns what it printed.
func run(t *testing.T, settings Settings, entries ...string) string {
	t.Helper()
	var out bytes.Buffer
	s := NewSession(testStore(t), settings, &out)
	for _, e := range entries {
		if s.Handle(context.Background(), e) {
			break
		}
	}
	return out.String()
}

func TestSessionEntries(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "people.js")
	if err := os.WriteFile(script, []byte("// people\ng.V(\"<kg:Person>\")\n  .In(\"<rdf:type>\")\n  .Out(\"<kg:name>\")\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.js")
	if err := os.WriteFile(broken, []byte("var a = 1;\n\ng.V().Nope()\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		settings Settings
		entries  []string
		want     []string // in this order in the output
		absent   []string
	}{
		{
			name:    "results with count and time",
			entries: []string{`g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()`},
			want:    []string{"ID", "--", "Hassan Rouhani", "2 results in "},
		},
		{
			name:    "a path is listed without All",
			entries: []string{`g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>")`},
			want:    []string{"Imad Khamis", "2 results in "},
		},
		{
			name:    "the value of the last expression",
			entries: []string{`g.V("<ex:Thing>").In("<rdf:type>").Count()`},
			want:    []string{"VALUE", "150", "1 result in "},
		},
		{
			name:    "an array lists its elements",
			entries: []string{`[1, "two", {three: 3}]`},
			want:    []string{"THREE", "VALUE", "1", "two", "3", "3 results in "},
		},
		{
			name:    "emitted objects",
			entries: []string{`g.Emit({name: "x", date: "2017"}); g.Emit({name: "y"})`},
			want:    []string{"NAME", "DATE", "x", "2017", "y", "2 results in "},
		},
		{
			name:    "a declaration says what it defined",
			entries: []string{"var x = 1, y = 2;\nfunction f() {}"},
			want:    []string{"defined x, y, f in "},
			absent:  []string{"VALUE"},
		},
		{
			name:     "limit with the number of hidden results",
			settings: Settings{Format: FormatTable, Limit: 10},
			entries:  []string{`g.V("<ex:Thing>").In("<rdf:type>").All()`},
			want:     []string{"<ex:thing/", fmt.Sprintf("… %d more results not shown (raise with :limit)", thingCount-10), fmt.Sprintf("10 of %d results in ", thingCount)},
		},
		{
			name:     "no limit",
			settings: Settings{Format: FormatTable, Limit: 10},
			entries:  []string{":limit 0", `g.V("<ex:Thing>").In("<rdf:type>").All()`},
			want:     []string{"limit: none", fmt.Sprintf("%d results in ", thingCount)},
			absent:   []string{"not shown"},
		},
		{
			name:    "error then recovery",
			entries: []string{`g.V().Foo()`, `g.V("<kg:Person>").In("<rdf:type>").All()`},
			want:    []string{"error at line 1, column 10: Object has no member 'Foo'", "<kg:person/khamis>", "2 results in "},
		},
		{
			name:    "multi-line syntax error",
			entries: []string{"var a = 1;\ng.V(."},
			want:    []string{"syntax error at line 2, column 5: Unexpected token ."},
		},
		{
			name:    "reference error",
			entries: []string{"var a = 1;\nnothing.All()"},
			want:    []string{"error at line 2, column 1: nothing is not defined"},
		},
		{
			name:    "time limit",
			entries: []string{":timeout 200ms", "var i = 0; while (true) { i++ }"},
			want:    []string{"timeout: 200ms", "query stopped: time limit of 200ms reached (raise it with :timeout)"},
		},
		{
			name:     "the time limit stops counting, not showing",
			settings: Settings{Format: FormatTable, Limit: 1, Timeout: 300 * time.Millisecond},
			entries:  []string{`g.Emit("first"); g.Emit("second"); while (true) {}`},
			want:     []string{"first", "… at least 1 more results not shown (raise with :limit; counting stopped: time limit reached)", "1 of at least 2 results in "},
		},
		{
			name:    "json format",
			entries: []string{":format json", `g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()`},
			want:    []string{"format: json", `"id": "Hassan Rouhani"`, "2 results in "},
		},
		{
			name:    "unknown format",
			entries: []string{":format xml"},
			want:    []string{`unknown format "xml" (choose table or json)`},
		},
		{
			name:    "bad limit",
			entries: []string{":limit lots"},
			want:    []string{`limit "lots" is not a number`},
		},
		{
			name:    "stats",
			entries: []string{":stats"},
			want:    []string{"backend", "memory", "people", "2"},
		},
		{
			name:    "saved query, a person nobody is called",
			entries: []string{":run meetings person=Zarif"},
			want:    []string{`no person called "Zarif" in the store`},
		},
		{
			name:    "saved query list",
			entries: []string{":run"},
			want:    []string{"Saved queries", "meetings"},
		},
		{
			name:    "unknown saved query",
			entries: []string{":run nosuch"},
			want:    []string{`no saved query "nosuch"`},
		},
		{
			name:    "load a file",
			entries: []string{":load " + script},
			want:    []string{"Hassan Rouhani", "2 results in "},
		},
		{
			name:    "load a broken file",
			entries: []string{":load " + broken},
			want:    []string{broken + ": error at line 3, column 11: Object has no member 'Nope'"},
		},
		{
			name:    "load a missing file",
			entries: []string{":load " + filepath.Join(dir, "missing.js")},
			want:    []string{"load " + filepath.Join(dir, "missing.js") + ": ", "no such file"},
		},
		{
			name:    "help",
			entries: []string{":help"},
			want:    []string{":load FILE.js", ":run NAME", ":format table|json", ":limit N", ":timeout DURATION", ":stats", ":quit", "Ctrl+R", "Ctrl+C"},
		},
		{
			name:    "quit stops the session",
			entries: []string{":quit", "g.V().All()"},
			absent:  []string{"results in"},
		},
		{
			name:    "variables carry over",
			entries: []string{`var people = g.V("<kg:Person>").In("<rdf:type>")`, `people.Out("<kg:name>")`},
			want:    []string{"defined people in ", "Hassan Rouhani", "2 results in "},
		},
		{
			name:    "functions carry over, emitting nothing again",
			entries: []string{"function names(p) {\n  return p.Out(\"<kg:name>\");\n}\ng.Emit(\"defined\")", `names(g.V("<kg:person/khamis>"))`},
			want:    []string{"defined", "1 result in ", "Imad Khamis", "1 result in "},
			absent:  []string{"2 results"}, // the replayed definition's emit is not shown again
		},
		{
			name:    "what replaying emits is not shown",
			entries: []string{`var n = (function () { g.Emit("side effect"); return 1; })()`, `n + 1`},
			want:    []string{"side effect", "1 result in ", "VALUE", "2", "1 result in "},
			absent:  []string{"2 results"},
		},
		{
			name:    "a failed entry defines nothing",
			entries: []string{`var x = 1; nothing()`, `x`},
			want:    []string{"nothing is not defined", "x is not defined"},
		},
		{
			name:    "reset forgets definitions",
			entries: []string{`var x = 1`, `:reset`, `x`},
			want:    []string{"forgot 1 definitions", "error at line 1, column 1: x is not defined"},
		},
		{
			name:    "definitions from a loaded file",
			entries: []string{":load " + script, `var n = 2`, `n + 1`},
			want:    []string{"Hassan Rouhani", "defined n in ", "VALUE", "3", "1 result in "},
		},
		{
			name:    "unknown command",
			entries: []string{":frob"},
			want:    []string{"unknown command :frob"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			settings := tt.settings
			if settings == (Settings{}) {
				settings = DefaultSettings
			}
			out := run(t, settings, tt.entries...)
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order); got:\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			for _, a := range tt.absent {
				if strings.Contains(out, a) {
					t.Errorf("output has %q; got:\n%s", a, out)
				}
			}
		})
	}
}

func TestSessionInterrupt(t *testing.T) {
	var out bytes.Buffer
	s := NewSession(testStore(t), Settings{Format: FormatTable, Limit: 10, Timeout: 0}, &out)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Handle(context.Background(), "var i = 0; while (true) { i++ }")
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		running := s.cancel != nil
		s.mu.Unlock()
		if running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("query did not start")
		}
		time.Sleep(5 * time.Millisecond)
	}
	s.Interrupt()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Interrupt did not stop the running query")
	}
	if !strings.Contains(out.String(), "query cancelled") {
		t.Errorf("output = %q, want it to say the query was cancelled", out.String())
	}
	out.Reset()
	s.Handle(context.Background(), `g.V("<kg:Person>").In("<rdf:type>").All()`)
	if !strings.Contains(out.String(), "2 results in ") {
		t.Errorf("after an interrupt the next query printed %q", out.String())
	}
}

func TestRunScript(t *testing.T) {
	st := testStore(t)
	var out, info bytes.Buffer
	settings := Settings{Format: FormatJSON, Limit: 5, Timeout: time.Minute}
	if err := RunScript(context.Background(), st, settings, `g.V("<ex:Thing>").In("<rdf:type>").All()`, &out, &info); err != nil {
		t.Fatal(err)
	}
	var results []map[string]string
	if err := json.Unmarshal(out.Bytes(), &results); err != nil {
		t.Fatalf("standard output is not the JSON results alone: %v\n%s", err, out.String())
	}
	if len(results) != 5 {
		t.Errorf("got %d results, want the limit 5", len(results))
	}
	if want := fmt.Sprintf("… %d more results not shown (raise with --limit)", thingCount-5); !strings.Contains(info.String(), want) {
		t.Errorf("messages = %q, want %q", info.String(), want)
	}
	err := RunScript(context.Background(), st, settings, "g.V(.", &out, &info)
	if err == nil || err.Error() != "syntax error at line 1, column 5: Unexpected token ." {
		t.Errorf("RunScript of a broken script: error %v", err)
	}
}

func TestCompleterLoad(t *testing.T) {
	c := NewCompleter()
	if err := c.Load(context.Background(), testStore(t)); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ line, want string }{
		{`g.V("Hassan R`, `Hassan Rouhani"`},
		{`g.V("<kg:person/kh`, `<kg:person/khamis>"`},
		{`g.V("<ex:Th`, `<ex:Thing>"`},
		{`g.V().Out("<ex:fo`, `<ex:follows>"`},
	} {
		_, got, _ := c.Complete(tt.line, len([]rune(tt.line)))
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("after Load, Complete(%q) = %q, want [%q]", tt.line, got, tt.want)
		}
	}
}

func TestSessionReplayError(t *testing.T) {
	var out bytes.Buffer
	s := NewSession(testStore(t), DefaultSettings, &out)
	s.defs = []definition{{names: []string{"broken"}, src: "var broken = nothing();"}} // say the data a definition relied on went away
	s.Handle(context.Background(), "1 + 1")
	want := "error in the definitions of earlier entries: nothing is not defined (:reset forgets them)"
	if !strings.Contains(out.String(), want) {
		t.Fatalf("output = %q, want %q", out.String(), want)
	}
	out.Reset()
	s.Handle(context.Background(), ":reset")
	s.Handle(context.Background(), "1 + 1")
	if !strings.Contains(out.String(), "2\n1 result in ") {
		t.Errorf("after :reset the entry printed %q", out.String())
	}
}
