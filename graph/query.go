package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// Query limits used when QueryOptions leaves them at zero. Thirty seconds
// is far longer than any saved query takes on a store of a million articles
// and short enough that a runaway script does not look like a hung program;
// ten thousand rows is more than anyone reads in a terminal, and the CLI
// says when it stopped there.
const (
	DefaultQueryTimeout = 30 * time.Second
	DefaultQueryLimit   = 10000
	// DefaultQueryMemory is how much the Go heap may grow while a script
	// runs before the script is stopped.
	DefaultQueryMemory = 2 << 30
)

// QueryOptions bound a Gizmo script.
type QueryOptions struct {
	// Limit is the most results the script may emit; when it is reached the
	// script is stopped (not merely its output cut) and OnLimit is called.
	// Negative means no limit; zero means DefaultQueryLimit.
	Limit int
	// Timeout stops a script that runs longer; zero means
	// DefaultQueryTimeout, negative means no limit.
	Timeout time.Duration
	// Memory stops a script when the heap has grown by more than this many
	// bytes since it started; zero means DefaultQueryMemory, negative means
	// no limit.
	Memory int64
	// Args are made available to the script as the object `args`.
	Args map[string]string
	// OnLimit, when set, is called once if the script was stopped because
	// it reached Limit results; Query then returns nil, the results
	// delivered so far being valid.
	OnLimit func(limit int)
}

// ErrQueryTimeout is returned when a script exceeds its time limit.
var ErrQueryTimeout = errors.New("query stopped: time limit reached")

// ErrQueryMemory is returned when a script allocates more than its memory
// limit.
var ErrQueryMemory = errors.New("query stopped: memory limit reached")

// Query runs a Gizmo script and calls fn with each result, in JSON form:
// a map for a path's tags, or whatever the script passed to g.Emit.
//
// The script runs in Gizmo's JavaScript VM (goja), which has no require,
// no file, network, process or timer functions: a script can only read the
// graph. A script that loops forever is interrupted at the time limit, one
// that emits too much is stopped at the result limit, and one that fills
// memory is stopped at the memory limit. Query returns only after the
// script has stopped running.
func (s *Store) Query(ctx context.Context, script string, opt QueryOptions, fn func(result any) error) error {
	limit := opt.Limit
	if limit == 0 {
		limit = DefaultQueryLimit
	}
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = DefaultQueryTimeout
	}
	memory := opt.Memory
	if memory == 0 {
		memory = DefaultQueryMemory
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, timeout, fmt.Errorf("%w (%s); raise --timeout or narrow the script", ErrQueryTimeout, timeout))
		defer stop()
	}
	if memory > 0 {
		stop := watchMemory(ctx, memory, func() {
			cancel(fmt.Errorf("%w (heap grew by more than %d MiB); narrow the script or lower --limit", ErrQueryMemory, memory>>20))
		})
		defer stop()
	}
	prelude, err := argsPrelude(opt.Args)
	if err != nil {
		return err
	}
	gizmoLimit := limit
	if limit < 0 {
		gizmoLimit = 0
	} else {
		// One more than asked, so that reaching the limit is seen here
		// and the script stopped, rather than left running silently.
		gizmoLimit = limit + 1
	}
	ses := gizmo.NewSession(s.qs)
	if err := s.installHelpers(ctx, ses); err != nil {
		return err
	}
	it, err := ses.Execute(ctx, prelude+script+scriptEnd, query.Options{Collation: query.JSON, Limit: gizmoLimit})
	if err != nil {
		return fmt.Errorf("script: %w", err)
	}
	defer stopScript(it)

	n := 0
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if limit >= 0 && n == limit {
			if opt.OnLimit != nil {
				opt.OnLimit(limit)
			}
			return nil
		}
		n++
		if err := fn(r); err != nil {
			return err
		}
	}
	err = it.Err()
	if err == nil {
		return nil
	}
	if cause := context.Cause(ctx); ctx.Err() != nil && cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("script: %w", &scriptError{err: err, msg: cleanPositions(err.Error(), len(prelude))})
}

// scriptError is an error raised by the script, with its positions made
// those of the user's script.
type scriptError struct {
	err error
	msg string
}

func (e *scriptError) Error() string { return e.msg }
func (e *scriptError) Unwrap() error { return e.err }

// evalPosition matches goja's "at <eval>:LINE:COL(PC)" and the same inside a
// function frame "(<eval>:LINE:COL(PC))".
var evalPosition = regexp.MustCompile(` at (?:[\w$.]+ \()?<eval>:(\d+):(\d+)\(\d+\)\)?`)

// syntaxPosition matches the position in goja's syntax errors.
var syntaxPosition = regexp.MustCompile(`(?:\(anonymous\): )?Line (\d+):(\d+)`)

// cleanPositions rewrites positions on the first line to discount the
// prelude, and drops positions inside the prelude itself, which would mean
// nothing to the script's author.
func cleanPositions(msg string, prelude int) string {
	msg = syntaxPosition.ReplaceAllStringFunc(msg, func(m string) string {
		sub := syntaxPosition.FindStringSubmatch(m)
		line, _ := strconv.Atoi(sub[1])
		col, _ := strconv.Atoi(sub[2])
		if line == 1 {
			col = max(col-prelude, 1)
		}
		return fmt.Sprintf("script:%d:%d:", line, col)
	})
	return evalPosition.ReplaceAllStringFunc(msg, func(m string) string {
		sub := evalPosition.FindStringSubmatch(m)
		line, _ := strconv.Atoi(sub[1])
		col, _ := strconv.Atoi(sub[2])
		if line != 1 {
			return fmt.Sprintf(" at script:%d:%d", line, col)
		}
		if col <= prelude {
			return ""
		}
		return fmt.Sprintf(" at script:1:%d", col-prelude)
	})
}

// stopScript interrupts the script if it still runs and waits (briefly) for
// its goroutine to end, so that no script outlives Query and touches a store
// about to be closed.
func stopScript(it query.Iterator) {
	it.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for it.Next(ctx) {
	}
}

// watchMemory calls over once if the heap grows by more than budget bytes
// while ctx lives. It returns a function that stops watching.
func watchMemory(ctx context.Context, budget int64, over func()) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() int64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(sample[0].Value.Uint64())
	}
	base := read()
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				if read()-base > budget {
					over()
					return
				}
			}
		}
	}()
	return func() { close(done) }
}

// argsPrelude declares `args` for a script and installs argumentGuard. It is
// kept on the script's first line so Gizmo's line numbers in error messages
// stay those of the script.
func argsPrelude(args map[string]string) (string, error) {
	if args == nil {
		args = map[string]string{}
	}
	b, err := json.Marshal(args)
	if err != nil {
		return "", fmt.Errorf("encode query args: %w", err)
	}
	return argumentGuard + "var args = " + string(b) + "; ", nil
}

// argumentGuard wraps Gizmo's graph object, its paths and its global value
// functions so that arguments of the wrong type raise a TypeError in the
// script. Gizmo 0.7.7 and its goja VM panic in Go on some values (lang(1, 2),
// g.V().Out({}), a number among tag names, a frozen object), and a panic on
// the script's goroutine would end the whole kg process.
//
// Paths reach the script as wrappers; the real path stays in the wrapper's
// read-only __kgPath property and is checked to be one of Gizmo's own before
// it goes back to Gizmo. Arrays and objects handed to Gizmo are copied into
// fresh ones (goja cannot export frozen or sealed objects), except the
// values Gizmo itself made, which are remembered. The script is written
// without line breaks because it must not shift the line numbers of the
// user's script.
var argumentGuard = strings.Join(strings.Fields(`(function (global) {
	var realGraph = global.graph;
	var objToString = Object.prototype.toString;
	var hasOwn = Object.prototype.hasOwnProperty;
	var made = [];
	function remember(v) {
		if (v !== null && typeof v === "object") { if (made.length >= 4096) { made.shift(); } made.push(v); }
		return v;
	}
	function isGoPath(x) {
		return x !== null && typeof x === "object" && !Object.isExtensible(x) &&
			typeof x.all === "function" && typeof x.out === "function" && objToString.call(x) === "[object Object]";
	}
	function fail(name, what) { throw new TypeError(name + ": " + what); }
	function isText(x) {
		if (typeof x === "string") { return true; }
		if (x !== null && typeof x === "object" && objToString.call(x) === "[object String]") { return true; }
		if (Array.isArray(x)) { for (var i = 0; i < x.length; i++) { if (!isText(x[i])) { return false; } } return true; }
		return false;
	}
	function plain(name, a, depth) {
		if (depth > 64) { fail(name, "argument nested too deeply (or cyclic)"); }
		if (a === null || typeof a !== "object") { return a; }
		if (a === graphWrapper) { return realGraph; }
		if (hasOwn.call(a, "__kgPath")) {
			if (!isGoPath(a.__kgPath)) { fail(name, "not a path"); }
			return a.__kgPath;
		}
		if (Array.isArray(a)) { var out = []; for (var i = 0; i < a.length; i++) { out.push(plain(name, a[i], depth + 1)); } return out; }
		var kind = objToString.call(a);
		if (kind === "[object String]" || kind === "[object Date]" || isGoPath(a) || made.indexOf(a) >= 0) { return a; }
		var obj = {};
		Object.keys(a).forEach(function (k) { obj[k] = plain(name, a[k], depth + 1); });
		return obj;
	}
	function plainArgs(name, list) {
		var args = [];
		for (var i = 0; i < list.length; i++) { args.push(plain(name, list[i], 0)); }
		return args;
	}
	function isVia(x, nested) {
		var t = typeof x;
		if (t === "string" || t === "number" || t === "boolean") { return true; }
		if (x === null || t !== "object") { return false; }
		if (isGoPath(x) || objToString.call(x) === "[object String]" || objToString.call(x) === "[object Date]" || made.indexOf(x) >= 0) { return true; }
		if (Array.isArray(x) && !nested) { for (var i = 0; i < x.length; i++) { if (!isVia(x[i], true)) { return false; } } return true; }
		return false;
	}
	var viaMethods = { in: 1, out: 1, both: 1, followrecursive: 1, labelcontext: 1 };
	var pathArgMethods = { follow: 1, followr: 1, and: 1, intersect: 1, union: 1, or: 1, except: 1, difference: 1 };
	function checkArgs(name, args) {
		var lower = name.toLowerCase();
		if (viaMethods[lower]) {
			var first = args[0];
			if (args.length > 0 && !(first === undefined || first === null) && !isVia(first, false)) {
				fail(name, "expected a predicate (IRI string), a path, or an array of them");
			}
			var from = 1;
			if (lower === "followrecursive" && typeof args[1] === "number") { from = 2; }
			for (var i = from; i < args.length; i++) { if (!isText(args[i])) { fail(name, "tag names must be strings"); } }
		}
		if (pathArgMethods[lower]) {
			for (var j = 0; j < args.length; j++) { if (!isGoPath(args[j])) { fail(name, "expected a path (g.V(...) or g.M())"); } }
		}
	}
	function fromGo(r) { return isGoPath(r) ? wrap(r) : remember(r); }
	var pathProto = {};
	Object.getOwnPropertyNames(realGraph.M()).forEach(function (name) {
		pathProto[name] = function () {
			var real = this !== null && typeof this === "object" && hasOwn.call(this, "__kgPath") ? this.__kgPath : null;
			if (!isGoPath(real)) { fail(name, "called on something that is not a path"); }
			var args = plainArgs(name, arguments);
			checkArgs(name, args);
			return fromGo(real[name].apply(real, args));
		};
	});
	Object.freeze(pathProto);
	function wrap(real) {
		var w = Object.create(pathProto);
		Object.defineProperty(w, "__kgPath", { value: real });
		return w;
	}
	var graphWrapper = {};
	Object.getOwnPropertyNames(realGraph).forEach(function (name) {
		var f = realGraph[name];
		if (typeof f !== "function") { return; }
		graphWrapper[name] = function () { return fromGo(f.apply(realGraph, plainArgs(name, arguments))); };
	});
	global.graph = graphWrapper;
	global.g = graphWrapper;
	["iri", "bnode", "raw", "str", "lang", "typed", "lt", "lte", "gt", "gte", "regex", "like"].forEach(function (name) {
		var f = global[name];
		if (typeof f !== "function") { return; }
		var text = { iri: 1, bnode: 1, raw: 1, str: 1, lang: 2, typed: 2 }[name];
		global[name] = function () {
			var args = plainArgs(name, arguments);
			if (text) {
				if (args.length !== text) { fail(name, "expected " + text + " string argument(s), got " + args.length); }
				for (var i = 0; i < args.length; i++) { if (!isText(args[i])) { fail(name, "expected a string"); } }
			}
			return remember(f.apply(null, args));
		};
	});
})(this);`), " ") + " "

// scriptEnd ends every script: the value of a script's last statement is
// exported by Gizmo, which panics on some values (a frozen object); kg
// never uses that value, so the script ends on undefined instead. It comes
// after the script, so line numbers are unchanged.
const scriptEnd = "\n;void 0;"
