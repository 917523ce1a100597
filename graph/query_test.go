package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
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
		`iri(new String("x"))`, `g.V().Out(new String("<kg:name>")).All()`, `g.V().__kgPath.Out({}).All()`,
		`JSON.parse(Array(4e3).join("["))`, `var o = {}; o.toString = String.prototype.concat; String(o)`,
		`function f() { [0].forEach(f) } f()`, `g.V().ForEach(function () { this.Out({}) })`,
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

// The scripts of issue 15 that made goja or Gizmo panic in Go, which ended
// kg: each now returns, with an error or results, and the store answers
// the next query. (The recovery itself, for any panic, is tested by
// TestQueryRecoversGoPanics.)
func TestQueryIssueScriptsDoNotCrash(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	cases := []struct{ script, wantErr string }{
		{`iri(new String("x"))`, ""},
		{`g.V().Out(new String("<kg:name>")).All()`, ""},
		{`lang(new String("x"), "en")`, ""},
		{`str(new String("x"))`, ""},
		{`typed(new String("x"), "y")`, ""},
		{`g.V().Tag(new String("x")).All()`, ""},
		{`g.V().Out("<kg:name>", new String("x")).All()`, ""},
		{`g.V().__kgPath.Out({}).All()`, "has no member 'Out'"},
		{`g.V().__kgPath().Out({}).All()`, "Cannot read property 'Out' of undefined"},
		{`var real; g.V().ForEach(function () { real = this; }); real.__kgPath().out({})`, "Cannot read property 'out' of undefined"},
		{`g.V().Has("<kg:name>", {}).All()`, "not a quad.Value"},
		{`var o = Object.freeze({all: function () {}, out: function () {}, x: []}); g.V().Follow(o).All()`, "expected a path"},
	}
	for _, c := range cases {
		t.Run(c.script, func(t *testing.T) {
			_, err := relCollect(t, s, c.script, graph.QueryOptions{Timeout: 10 * time.Second, Limit: 5})
			switch {
			case c.wantErr == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Errorf("error %v, want one saying %q", err, c.wantErr)
			}
			if res, err := relCollect(t, s, `g.V("<kg:Person>").In("<rdf:type>").Count()`, graph.QueryOptions{Show: `(function (v) { g.Emit(v) })`}); err != nil || len(res) != 1 {
				t.Errorf("the next query: %v %v", res, err)
			}
		})
	}
}

// Recursion that goja would follow in Go until the stack overflows — which
// ends the process, whatever recovers panics — is refused before it starts
// (texts nested too deeply) or stopped when the stack grows too large.
func TestQueryBoundsRecursion(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	nested := `var a = []; for (var i = 0; i < 200000; i++) { a = [a] } `
	deepText := `Array(1e6).join("(") + "1" + Array(1e6).join(")")`
	cases := []struct {
		name, script string
		want         error
		wantMsg      string
	}{
		{"JSON.parse of nested arrays", `JSON.parse(Array(4e6).join("["))`, nil, "JSON text nests more than 2000 levels"},
		{"nested arrays to a string", nested + `String(a)`, graph.ErrQueryRecursion, ""},
		{"nested arrays joined", nested + `a.join()`, graph.ErrQueryRecursion, ""},
		{"nested arrays as JSON", nested + `JSON.stringify(a)`, graph.ErrQueryRecursion, ""},
		{"built-ins calling each other", `var o = {}; o.toString = String.prototype.concat; String(o)`, graph.ErrQueryRecursion, ""},
		{"toLocaleString calling itself", `var o = {}; o.toString = Object.prototype.toLocaleString; String(o)`, graph.ErrQueryRecursion, ""},
		{"join as toString", `var a = []; for (var i = 0; i < 200000; i++) { var b = [a]; b.toString = [].join; a = b } String(a)`, graph.ErrQueryRecursion, ""},
		{"recursion through forEach", `function f() { [0].forEach(f) } f()`, graph.ErrQueryRecursion, ""},
		{"recursion through valueOf", `var o = {valueOf: function () { return o + 1 }}; o + 1`, graph.ErrQueryRecursion, ""},
		{"recursion through a Gizmo callback", `function f() { g.V().ForEach(f) } f()`, graph.ErrQueryRecursion, ""},
		{"eval of deep text", `eval(` + deepText + `)`, nil, "eval text is 1.9 MiB"},
		{"eval of nested text", `eval(Array(3000).join("(") + "1" + Array(3000).join(")"))`, nil, "nests more than 2000 levels"},
		{"Function of deep text", `Function(` + deepText + `)`, nil, "Function text is 1.9 MiB"},
		{"Function reached through a function", `(function () {}).constructor(Array(3000).join("[") + Array(3000).join("]"))`, nil, "nests more than 2000 levels"},
		{"nested groups in a pattern", `"x".match(Array(1e5).join("(") + Array(1e5).join(")") + "\\1")`, nil, "nests more than 2000 groups"},
		{"nested groups in a RegExp", `new RegExp(Array(1e5).join("(") + Array(1e5).join(")"))`, nil, "nests more than 2000 groups"},
		{"4 MB script of parentheses", strings.Repeat("(", 4<<20) + "1" + strings.Repeat(")", 4<<20), graph.ErrScriptTooLarge, "at most 1.0 MiB"},
		{"1 MB script of parentheses", strings.Repeat("(", 500000) + "1" + strings.Repeat(")", 500000), graph.ErrScriptTooLarge, "500000 opening brackets"},
		{"3000 nested parentheses", strings.Repeat("(", 3000) + "1" + strings.Repeat(")", 3000), graph.ErrScriptTooLarge, "nests more than 2000 levels"},
		{"1 MB script of negations", strings.Repeat("!", 1000000) + "1", graph.ErrScriptTooLarge, "nests more than 2000 levels"},
		{"long sum", "1" + strings.Repeat("+1", 100000), graph.ErrScriptTooLarge, "nests more than 2000 levels"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := relCollect(t, s, c.script, graph.QueryOptions{Timeout: 60 * time.Second})
			if err == nil || c.want != nil && !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.wantMsg) {
				t.Fatalf("error %v, want %v saying %q", err, c.want, c.wantMsg)
			}
			if took := time.Since(start); took > 30*time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
	// What these wrappers stand in for still works.
	res, err := relCollect(t, s, `g.Emit(JSON.parse("[[1], {\"a\": 2}]")); g.Emit(JSON.stringify({a: [1, {b: 2}], c: 3}, ["a", "b"])); g.Emit(String([1, [2, 3]])); g.Emit(eval("1 + 1")); g.Emit(Function("a", "return a * 2")(4)); g.Emit(new RegExp("a+").test("caab")); g.Emit("abc".match("b")[0]); g.Emit([1, 2] instanceof Array); g.Emit((function () {}) instanceof Function)`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `[[[1],{"a":2}],"{\"a\":[1,{\"b\":2}]}","1,2,3",2,8,true,"b",true,true]`
	if b, _ := json.Marshal(res); string(b) != want {
		t.Errorf("built-ins give %s, want %s", b, want)
	}
}

// A script stopped at its time limit truly stops: even one that catches the
// interruption (delivered to it through a Gizmo callback) and loops on,
// which used to keep running on a core after Query returned.
func TestQueryStoppedScriptStops(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	relFill(t, s, relSeedArticles(t))
	for _, script := range []string{
		`var keep = []; while (true) { try { g.V().ForEach(function (v) { keep.push(new Array(1000).join("x")) }) } catch (e) {} }`,
		`var keep = []; while (true) { try { g.V().Map(function (v) { keep.push(v) }) } catch (e) {} }`,
		`while (true) { try { g.V().ForEach(function () { while (true) {} }) } catch (e) {} }`,
	} {
		t.Run(script, func(t *testing.T) {
			before := runtime.NumGoroutine()
			_, err := relCollect(t, s, script, graph.QueryOptions{Timeout: 300 * time.Millisecond})
			if !errors.Is(err, graph.ErrQueryTimeout) {
				t.Fatalf("error %v, want ErrQueryTimeout", err)
			}
			deadline := time.Now().Add(2 * time.Second)
			for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if n := runtime.NumGoroutine(); n > before {
				t.Fatalf("%d goroutines after the query returned, %d before: the script runs on", n, before)
			}
			cpu := processCPU(t)
			time.Sleep(500 * time.Millisecond)
			if used := processCPU(t) - cpu; used > 200*time.Millisecond {
				t.Errorf("the process used %s of CPU in the 500ms after the query stopped", used)
			}
		})
	}
}

// processCPU is the CPU time the test process has used.
func processCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Scripts larger than MaxScript are refused before they are compiled.
func TestQueryScriptSizeLimit(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	big := "var x = " + strings.Repeat("1 + ", 10) + "1;" + strings.Repeat(" ", 2<<20)
	if _, err := relCollect(t, s, big, graph.QueryOptions{}); !errors.Is(err, graph.ErrScriptTooLarge) || !strings.Contains(err.Error(), "2.0 MiB; at most 1.0 MiB") {
		t.Errorf("2 MiB script: %v", err)
	}
	if _, err := relCollect(t, s, "g.Emit(1)", graph.QueryOptions{MaxScript: 4}); !errors.Is(err, graph.ErrScriptTooLarge) {
		t.Errorf("MaxScript 4: %v", err)
	}
	if _, err := relCollect(t, s, "g.V().All()", graph.QueryOptions{Definitions: strings.Repeat(";", 2<<20)}); !errors.Is(err, graph.ErrScriptTooLarge) {
		t.Errorf("2 MiB of definitions: %v", err)
	}
}

// Errors point at the script's own lines and columns, whatever runs before
// it (kg's library, the arguments, definitions), also when the error comes
// from a library function or eval the script called.
func TestQueryErrorPositions(t *testing.T) {
	s := relStore(t, graph.BackendMemory)
	library := `var lib = { fail: function () { return undefined.x; } };` + strings.Repeat(" ", 2700)
	cases := []struct {
		name, script string
		opt          graph.QueryOptions
		line, col    int
		syntax       bool
	}{
		{"after the library", `require("fs")`, graph.QueryOptions{Library: library}, 1, 8, false},
		{"second line", "var a = 1;\nrequire(\"fs\");", graph.QueryOptions{Library: library, Args: map[string]string{"x": "y"}}, 2, 8, false},
		{"unclosed call in a 3-line file", "g.V(\"x\").All()\nfoo(\n\n", graph.QueryOptions{Library: library}, 2, 5, true},
		{"syntax error mid-file", "var a = 1;\nvar b = ;\n", graph.QueryOptions{Library: library}, 2, 9, true},
		{"inside the library", "var a = 1;\n  lib.fail();", graph.QueryOptions{Library: library}, 2, 11, false},
		{"inside a function of the script", "function f() {\n  return null.x;\n}\nf();", graph.QueryOptions{}, 2, 10, false},
		{"inside eval", "var a = 1;\neval(\"null.x\");", graph.QueryOptions{}, 2, 5, false},
		{"after definitions", "x.nope();", graph.QueryOptions{Definitions: "var x = 1;\nvar y = 2;"}, 1, 7, false},
		{"thrown", "\n\nthrow new Error(\"boom\")", graph.QueryOptions{}, 3, 7, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.opt.Name = "my.js"
			_, err := relCollect(t, s, c.script, c.opt)
			var se *graph.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("error %v, want a *graph.ScriptError", err)
			}
			if se.Line != c.line || se.Column != c.col || se.Syntax != c.syntax {
				t.Errorf("%v: at %d:%d (syntax %v), want %d:%d (syntax %v)", err, se.Line, se.Column, se.Syntax, c.line, c.col, c.syntax)
			}
			if want := fmt.Sprintf("my.js:%d:%d: ", c.line, c.col); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q should start with %q", err, want)
			}
		})
	}
	_, err := relCollect(t, s, "g.V().All()", graph.QueryOptions{Definitions: "var a = 1;\nnothing();"})
	var se *graph.ScriptError
	if !errors.As(err, &se) || !se.Definitions || se.Line != 2 {
		t.Errorf("an error in the definitions: %v", err)
	}
}

// FuzzQueryArgs fuzzes the other way into a script: the arguments of the
// saved queries (kg query NAME --arg key=value), run with kg's library as
// kg query runs them. Whatever the values, the query returns.
func FuzzQueryArgs(f *testing.F) {
	f.Add("meetings", "person", "Rouhani")
	f.Add("meetings", "from", "2017-13-45")
	f.Add("people", "person", "\u2028\"); while(true){} //")
	f.Add("timeline", "with", "</script>")
	f.Add("roles", "to", "\x00\xff")
	f.Add("events", "person", strings.Repeat("(", 5000))
	s := relStore(f, graph.BackendMemory)
	relFill(f, s, relSeedArticles(f))
	names := queries.Names()
	f.Fuzz(func(t *testing.T, name, key, value string) {
		q, err := queries.Get(name)
		if err != nil {
			q, _ = queries.Get(names[len(name)%len(names)])
		}
		args := queries.Args(map[string]string{key: value, "person": value})
		_ = s.Query(context.Background(), q.Source, graph.QueryOptions{Timeout: 2 * time.Second, Limit: 50, Library: queries.Prelude(), Args: args, Name: q.Name + ".js"},
			func(any) error { return nil })
	})
}
