package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
)

// relCollect runs a script and returns its results and error.
func relCollect(t *testing.T, s *graph.Store, script string, opt graph.QueryOptions) ([]any, error) {
	t.Helper()
	var out []any
	err := s.Query(context.Background(), script, opt, func(r any) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// A script can only read the graph: every way a JavaScript program could
// reach files, the network, processes or timers is absent, and says so.
func TestQueryHasNoFileSystemOrNetwork(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	victim := filepath.Join(t.TempDir(), "written-by-script")
	cases := []struct {
		name, script, wantErr string
	}{
		{"require", `var fs = require("fs"); fs.writeFileSync(` + relQuoteJS(victim) + `, "x")`, "require is not defined"},
		{"load", `load(` + relQuoteJS(victim) + `)`, "load is not defined"},
		{"XMLHttpRequest", `var x = new XMLHttpRequest(); x.open("GET", "http://127.0.0.1:1/"); x.send()`, "XMLHttpRequest is not defined"},
		{"fetch", `fetch("http://127.0.0.1:1/")`, "fetch is not defined"},
		{"process", `process.exit(3)`, "process is not defined"},
		{"os", `os.remove(` + relQuoteJS(victim) + `)`, "os is not defined"},
		{"Deno", `Deno.writeTextFile(` + relQuoteJS(victim) + `, "x")`, "Deno is not defined"},
		{"Java", `Java.type("java.io.File")`, "Java is not defined"},
		{"setTimeout", `setTimeout(function() {}, 1)`, "setTimeout is not defined"},
		{"console", `console.log("hi")`, "console is not defined"},
		{"WebSocket", `new WebSocket("ws://127.0.0.1:1/")`, "WebSocket is not defined"},
		{"dynamic import", `import("fs")`, "SyntaxError"},
		{"static import", `import fs from "fs"`, "SyntaxError"},
		{"eval cannot escape", `eval("require('fs')")`, "require is not defined"},
		{"Function cannot escape", `Function("return require")()("fs")`, "require is not defined"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := relCollect(t, s, c.script, graph.QueryOptions{Timeout: 5 * time.Second})
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("error %v, want one saying %q", err, c.wantErr)
			}
		})
	}
	if _, err := os.Stat(victim); !os.IsNotExist(err) {
		t.Errorf("a script created %s", victim)
	}
}

func relQuoteJS(s string) string { return fmt.Sprintf("%q", s) }

// The global object holds only ECMAScript built-ins and Gizmo's graph
// functions, so there is nothing else a script could call.
func TestQueryGlobalsAreOnlyGizmo(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	res, err := relCollect(t, s, `g.Emit(Object.getOwnPropertyNames(Function("return this")()))`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 {
		t.Fatalf("got %d results", len(res))
	}
	names, ok := res[0].([]any)
	if !ok {
		t.Fatalf("result %T", res[0])
	}
	allowed := map[string]bool{}
	for _, n := range strings.Fields(`
		Object Function Array String Number Boolean Symbol RegExp Date Math JSON Error
		TypeError ReferenceError SyntaxError RangeError EvalError URIError
		GoError toString parseInt parseFloat isNaN isFinite NaN Infinity undefined eval
		encodeURI encodeURIComponent decodeURI decodeURIComponent escape unescape
		Map Set WeakMap WeakSet Proxy Reflect Promise ArrayBuffer DataView
		Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array
		Float32Array Float64Array globalThis
		graph g iri bnode raw str lang typed lt lte gt gte regex like args kg`) {
		allowed[n] = true
	}
	var extra []string
	for _, n := range names {
		if name, _ := n.(string); !allowed[name] {
			extra = append(extra, fmt.Sprint(n))
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("unexpected globals a script can reach: %v", extra)
	}
}

// An endless loop is interrupted at the time limit with a clear error, and
// Query does not return before the script has stopped.
func TestQueryTimeoutStopsEndlessScripts(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	before := runtime.NumGoroutine()
	for _, script := range []string{
		`while (true) {}`,
		`for (;;) { var x = [1, 2, 3].map(function (v) { return v * 2 }) }`,
		`g.V().ForEach(function (v) { while (true) {} })`,
		`while (true) { g.V().Out().Count() }`,
	} {
		t.Run(script, func(t *testing.T) {
			start := time.Now()
			_, err := relCollect(t, s, script, graph.QueryOptions{Timeout: 300 * time.Millisecond})
			took := time.Since(start)
			if !errors.Is(err, graph.ErrQueryTimeout) {
				t.Fatalf("error %v, want ErrQueryTimeout", err)
			}
			if !strings.Contains(err.Error(), "time limit") || !strings.Contains(err.Error(), "300ms") {
				t.Errorf("message %q does not say which limit stopped it", err)
			}
			if took > 5*time.Second {
				t.Errorf("took %s to stop a script with a 300ms limit", took)
			}
		})
	}
	// The interrupted scripts' goroutines are gone.
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before+2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+2 {
		t.Errorf("%d goroutines left running after the scripts stopped (%d before)", n, before)
	}
}

// The result limit stops the script itself: an endless emitter ends as soon
// as the limit is reached, long before the time limit, and OnLimit says so.
func TestQueryLimitStopsTheScript(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	cases := []struct {
		name, script string
		limit, want  int
		hitLimit     bool
	}{
		{"endless emit", `var i = 0; while (true) { g.Emit(i++) }`, 5, 5, true},
		{"path results", `g.V().All()`, 3, 3, true},
		{"fewer than the limit", `g.Emit(1); g.Emit(2)`, 5, 2, false},
		{"exactly the limit", `g.Emit(1); g.Emit(2)`, 2, 2, false},
		{"no limit", `for (var i = 0; i < 20000; i++) { g.Emit(i) }`, -1, 20000, false},
		{"default limit", `for (var i = 0; i < 20000; i++) { g.Emit(i) }`, 0, graph.DefaultQueryLimit, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hit := 0
			start := time.Now()
			res, err := relCollect(t, s, c.script, graph.QueryOptions{Limit: c.limit, Timeout: 20 * time.Second,
				OnLimit: func(int) { hit++ }})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != c.want {
				t.Errorf("%d results, want %d", len(res), c.want)
			}
			if (hit == 1) != c.hitLimit || hit > 1 {
				t.Errorf("OnLimit called %d times, want limit reached = %v", hit, c.hitLimit)
			}
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %s: the script was not stopped at the limit", took)
			}
		})
	}
}

// A script that fills memory is stopped at the memory limit instead of
// taking the machine down.
func TestQueryMemoryLimit(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	script := `var s = "x"; for (var i = 0; i < 16; i++) { s += s } var keep = []; while (true) { keep.push(s + keep.length) }`
	start := time.Now()
	_, err := relCollect(t, s, script, graph.QueryOptions{Timeout: 30 * time.Second, Memory: 64 << 20})
	if !errors.Is(err, graph.ErrQueryMemory) {
		t.Fatalf("error %v, want ErrQueryMemory", err)
	}
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("took %s to notice", took)
	}
	runtime.GC()
}

func TestQueryErrorsAreClear(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	cases := []struct{ script, want string }{
		{`g.V(`, "SyntaxError"},
		{`throw new Error("custom failure")`, "custom failure"},
		{`undefinedThing.call()`, "undefinedThing is not defined"},
	}
	for _, c := range cases {
		_, err := relCollect(t, s, c.script, graph.QueryOptions{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to mention %q", c.script, err, c.want)
		}
	}
}

func TestQueryStopsWhenCancelled(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	err := s.Query(ctx, `while (true) {}`, graph.QueryOptions{Timeout: 30 * time.Second}, func(any) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// An error from the result callback stops the script and is returned as is.
func TestQueryCallbackErrorStopsScript(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	stop := errors.New("enough")
	n := 0
	err := s.Query(context.Background(), `while (true) { g.Emit(1) }`, graph.QueryOptions{Limit: -1, Timeout: 20 * time.Second},
		func(any) error {
			n++
			if n == 3 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("error %v after %d results, want %v after 3", err, n, stop)
	}
}

// Arguments that make Gizmo 0.7.7 or goja panic in Go, which would end the
// whole process, are turned into script errors, and values that cannot be
// exported are copied first.
func TestQueryBadArgumentsAreErrorsNotCrashes(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	cases := []struct{ script, wantErr string }{
		{`lang(1, 2)`, "lang: expected a string"},
		{`typed({}, "x")`, "typed: expected a string"},
		{`iri(null)`, "iri: expected a string"},
		{`g.V().Out({}).All()`, "Out: expected a predicate"},
		{`g.V().In([[1]]).All()`, "In: expected a predicate"},
		{`g.V().Both(function () {}).All()`, "Both: expected a predicate"},
		{`g.V().Out("<kg:name>", 5).All()`, "Out: tag names must be strings"},
		{`g.V().FollowRecursive({}, 2).All()`, "FollowRecursive: expected a predicate"},
		{`g.V().LabelContext(undefined, {}).All()`, "LabelContext: tag names must be strings"},
		{`g.V().Follow("<kg:name>").All()`, "Follow: expected a path"},
		{`var a = []; a.push(a); g.V().Has("<kg:name>", a).All()`, "nested too deeply"},
		{`g.V().out.call({}, "<kg:name>")`, "not a path"},
		// These used to crash and now simply work.
		{`g.Emit(Object.freeze({a: 1}))`, ""},
		{`g.Emit(Object.seal([1, 2]))`, ""},
		{`g.Emit(Object.getOwnPropertyNames(this))`, ""},
		{`Object.freeze({a: 1})`, ""},
		{`g`, ""},
		{`g.V()`, ""},
		{`g.Emit(g)`, ""},
		{`g.Emit(g.V())`, ""},
		{`g.V().Filter(lt(5)).All()`, ""},
		{`g.V().Out(g.M().Out("<kg:name>")).All()`, ""},
		{`g.V().Has("<rdf:type>", iri("kg:Article")).Count()`, ""},
	}
	for _, c := range cases {
		t.Run(c.script, func(t *testing.T) {
			_, err := relCollect(t, s, c.script, graph.QueryOptions{Timeout: 5 * time.Second})
			if c.wantErr == "" {
				if err != nil {
					t.Errorf("error %v, want none", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("error %v, want one saying %q", err, c.wantErr)
			}
		})
	}
}

// Scripts are fuzzed for panics: whatever the text, Query returns (an error
// or results) within its time limit and the process survives.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		`g.V().All()`, `g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()`,
		`g.V().Out(null).All()`, `g.V({}).Has(1, 2).All()`, `g.Emit(g)`, `g.V().Tag().Back().All()`,
		`g.V().Filter(regex("(")).All()`, `g.M().Out(g.M()).All()`, `g.V().ForEach(1)`,
		`g.V().Follow(5).All()`, `g.V().Map()`, `g.V().ToArray("x")`, `g.V().GetLimit(-1)`,
		`g.V().Skip(-5).Limit(-1).All()`, `g.V().Order().Unique().All()`, `g.Emit(lang(1, 2))`,
		`Object.freeze({})`, `g.V().Out(Object.freeze({a: 1})).All()`, `g.V()`, `g.V().Tag(1).All()`,
	} {
		f.Add(s)
	}
	s := relStore(f, graph.BackendMemory)
	relFill(f, s, relSeedArticles(f))
	f.Fuzz(func(t *testing.T, script string) {
		_ = s.Query(context.Background(), script, graph.QueryOptions{Timeout: 200 * time.Millisecond, Limit: 50},
			func(any) error { return nil })
	})
}
