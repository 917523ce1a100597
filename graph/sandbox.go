package graph

import (
	"context"
	"crypto/rand"
	_ "embed" // sandbox.js
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// How a Gizmo script runs (Store.Query):
//
// Gizmo runs a script on a goroutine of its own, and a Go panic there —
// goja and Gizmo 0.7.7 panic on some argument types — would end the whole
// process. kg therefore hands Gizmo a one-line driver that calls back into
// Go (scriptRun.drive), and the driver runs kg's library, the caller's
// definitions, the script and the function showing its value as programs
// of their own in the same runtime. Whatever panics below the driver is
// recovered there and becomes the script's error; every way out of the
// driver goes through goja's own error handling, which restores the
// runtime's state.
//
// The driver needs the session's goja runtime, which Gizmo 0.7.7 keeps in
// an unexported field (sessionRuntime, helpers.go).

// internal names of the programs run for a query; only "script" is the
// user's, and positions in it are the ones errors report.
const (
	scriptProgram      = "script"
	libraryProgram     = "kg-library"
	definitionsProgram = "kg-definitions"
	argsProgram        = "kg-args"
	showProgram        = "kg-show"
	sandboxName        = "kg-sandbox.js"
)

// driverSource is what Gizmo compiles and runs: it calls the Go driver
// installed as __kgRun, after removing it from the script's reach.
const driverSource = `(function (run) { delete this.__kgRun; run(); })(this.__kgRun)`

// stackBudget is how much the goroutines' stacks may grow while a script
// runs before it is stopped as recursing too deeply. Deep recursion
// through built-ins uses Go stack, and a stack past 1 GB ends the process;
// no query needs more than a few MB.
const stackBudget = 64 << 20

// watchEvery is how often a running script's memory and stack are
// sampled, and how often a stopped script is interrupted again until it
// ends.
const watchEvery = 20 * time.Millisecond

// stopGrace is how long Query waits for a stopped script to end before
// returning anyway; a script inside a long built-in call (a join of a
// huge array) ends at its next JavaScript instruction, and is interrupted
// until it does.
const stopGrace = 5 * time.Second

//go:embed sandbox.js
var sandboxSource string

var sandboxProgram = sync.OnceValues(func() (*goja.Program, error) {
	return goja.Compile(sandboxName, sandboxSource, false)
})

// programCache keeps compiled library programs: goja programs are not
// tied to a runtime, and kg's library is the same for every query.
var programCache sync.Map // source text -> *goja.Program

// program is a compiled piece of a query.
type program struct {
	name string
	prog *goja.Program
}

// scriptRun is one script running in a Gizmo session's runtime.
type scriptRun struct {
	vm        *goja.Runtime
	name      string    // the script's name in messages
	setup     []program // library, arguments, definitions
	script    *goja.Program
	show      *goja.Program // a function called with the script's value, or nil
	toString  goja.Callable // the original String, to read thrown values
	scriptSrc string

	// emit is Gizmo's own g.Emit, and marker what the driver emits with
	// it between the setup programs and the script: results before it
	// came from the setup and are dropped.
	emit   goja.Callable
	graph  goja.Value
	marker string

	done chan struct{}
	err  error // set by the driver before done is closed
}

// newScriptRun prepares a session's runtime for the script: the sandbox
// is installed (sandbox.js) and the driver made available to Gizmo.
func newScriptRun(ses *gizmo.Session, name string, script *goja.Program, src string, setup []program, show *goja.Program) (*scriptRun, error) {
	vm, err := sessionRuntime(ses)
	if err != nil {
		return nil, err
	}
	r := &scriptRun{vm: vm, name: name, setup: setup, script: script, scriptSrc: src, show: show, done: make(chan struct{})}
	toString, ok := goja.AssertFunction(vm.Get("String"))
	if !ok {
		return nil, errors.New("goja runtime without String")
	}
	r.toString = toString
	r.graph = vm.Get("graph")
	if g, ok := r.graph.(*goja.Object); ok {
		r.emit, _ = goja.AssertFunction(g.Get("Emit"))
	}
	if r.emit == nil {
		return nil, errors.New("Gizmo session without graph.Emit")
	}
	var nonce [12]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	r.marker = "\x00kg: setup done " + hex.EncodeToString(nonce[:]) + "\x00"
	sandbox, err := sandboxProgram()
	if err != nil {
		return nil, fmt.Errorf("compile the query sandbox: %w", err)
	}
	install, err := runGuarded(func() (goja.Value, error) { return vm.RunProgram(sandbox) })
	if err != nil {
		return nil, fmt.Errorf("set up the query sandbox: %w", err)
	}
	installFn, ok := goja.AssertFunction(install)
	if !ok {
		return nil, errors.New("set up the query sandbox: sandbox.js is not a function")
	}
	check := func(call goja.FunctionCall) goja.Value {
		what, text := call.Argument(0).String(), call.Argument(1).String()
		var p *sourceProblem
		switch what {
		case "JSON.parse":
			p = checkJSONText(text)
		case "RegExp":
			p = checkPattern(text)
		default:
			p = checkSource(what+" text", text, DefaultMaxScript)
		}
		if p != nil {
			panic(vm.NewGoError(errors.New(what + ": " + p.Message)))
		}
		return goja.Undefined()
	}
	if _, err := runGuarded(func() (goja.Value, error) {
		return installFn(goja.Undefined(), vm.GlobalObject(), vm.ToValue(check))
	}); err != nil {
		return nil, fmt.Errorf("set up the query sandbox: %w", err)
	}
	vm.Set("__kgRun", r.drive)
	if testRuntimeHook != nil {
		testRuntimeHook(vm)
	}
	return r, nil
}

// testRuntimeHook, set by tests only, may add functions to a script's
// runtime (one that panics in Go, to test the recovery).
var testRuntimeHook func(vm *goja.Runtime)

// runGuarded runs f, turning a panic into an error.
func runGuarded(f func() (goja.Value, error)) (v goja.Value, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("Go panic: %v", p)
		}
	}()
	return f()
}

// drive runs on Gizmo's goroutine, called by driverSource. It never
// returns after an error: it leaves by raising a JavaScript error, so that
// goja unwinds the runtime to the state it had before the driver began,
// whatever happened below.
func (r *scriptRun) drive(goja.FunctionCall) goja.Value {
	defer close(r.done)
	if err := r.runAll(); err != nil {
		r.err = err
		panic(r.vm.NewGoError(err))
	}
	return goja.Undefined()
}

// runAll runs the setup programs, the script and the function showing its
// value, and recovers any Go panic among them.
func (r *scriptRun) runAll() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &ScriptError{Name: r.name, Message: fmt.Sprintf("the query engine failed on this script (Go panic: %v); the script was stopped", p), err: ErrQueryPanic}
		}
	}()
	for _, p := range r.setup {
		if _, err := r.vm.RunProgram(p.prog); err != nil {
			return r.describe(p.name, err)
		}
	}
	if _, err := r.emit(r.graph, r.vm.ToValue(r.marker)); err != nil {
		return err
	}
	value, err := r.vm.RunProgram(r.script)
	if err != nil {
		return r.describe(scriptProgram, err)
	}
	if r.show == nil {
		return nil
	}
	fn, err := r.vm.RunProgram(r.show)
	if err != nil {
		return r.describe(showProgram, err)
	}
	show, ok := goja.AssertFunction(fn)
	if !ok {
		return errors.New("the value display is not a function")
	}
	if _, err := show(goja.Undefined(), value); err != nil {
		return r.describe(showProgram, err)
	}
	return nil
}

// frameRE matches a frame of a goja stack trace: "at f (script:2:5(12))",
// "at script:2:5(12)" or "at push (native)".
var frameRE = regexp.MustCompile(`at (?:[^\s()]+ \()?([^\s():]+|<eval>):(\d+):(\d+)\(\d+\)`)

// describe turns an error of a program into a *ScriptError placed in the
// user's script: at the innermost frame of the script when the error came
// from kg's library or a built-in. Interruptions are returned as they are.
func (r *scriptRun) describe(part string, err error) error {
	var intr *goja.InterruptedError
	if errors.As(err, &intr) {
		return err
	}
	se := &ScriptError{Name: r.name, Definitions: part == definitionsProgram, err: err}
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		se.Message = err.Error()
		return se
	}
	se.Message, se.err = r.exceptionText(ex)
	want := scriptProgram
	if se.Definitions {
		want = definitionsProgram
	}
	for _, m := range frameRE.FindAllStringSubmatch(r.stackText(ex), -1) {
		if m[1] == want {
			se.Line, _ = strconv.Atoi(m[2])
			se.Column, _ = strconv.Atoi(m[3])
			break
		}
	}
	return se
}

// exceptionText reads a thrown value as text, through the runtime's own
// String (a thrown object's toString is the script's code, which may fail
// or loop; it runs under the script's limits, on the script's goroutine).
// A Go error thrown by Gizmo is returned as the cause.
func (r *scriptRun) exceptionText(ex *goja.Exception) (text string, cause error) {
	cause = ex
	if v := ex.Value(); v != nil {
		if goErr, ok := v.Export().(error); ok {
			// Gizmo throws its argument errors as Go values.
			return goErr.Error(), goErr
		}
	}
	defer func() {
		if recover() != nil {
			text = "uncaught exception (its text could not be read)"
		}
	}()
	s, err := r.toString(goja.Undefined(), ex.Value())
	if err != nil {
		return "uncaught exception (its text could not be read)", cause
	}
	// Errors raised in Go (the sandbox's checks) are goja GoErrors.
	return strings.TrimPrefix(s.String(), "GoError: "), cause
}

// stackText is the exception's stack trace, or "" if it cannot be read.
func (r *scriptRun) stackText(ex *goja.Exception) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	return ex.String()
}

// watch samples the heap and the goroutine stacks while the script runs
// and calls stop when the script uses more than it may, or when the store
// reports damage (Store.Damaged). Once ctx ends —
// the script was stopped for any reason — it interrupts the script's
// runtime every watchEvery until the script's goroutine is gone (quit is
// closed): an interruption can be swallowed (a try around a Gizmo call
// whose callback was interrupted), and one sent while the script was in a
// built-in waits for its next instruction.
func (r *scriptRun) watch(ctx context.Context, heapBudget int64, damaged func() error, stop func(error), quit <-chan struct{}) {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/stacks:bytes"}}
	read := func() (heap, stack int64) {
		metrics.Read(samples)
		if samples[0].Value.Kind() == metrics.KindUint64 {
			heap = int64(samples[0].Value.Uint64())
		}
		if samples[1].Value.Kind() == metrics.KindUint64 {
			stack = int64(samples[1].Value.Uint64())
		}
		return heap, stack
	}
	baseHeap, baseStack := read()
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	for {
		select {
		case <-quit:
			return
		case <-t.C:
		}
		if ctx.Err() != nil {
			r.vm.Interrupt(context.Cause(ctx))
			continue
		}
		heap, stack := read()
		switch {
		case damaged() != nil:
			stop(damaged()) // what the script reads from now on cannot be trusted
		case heapBudget > 0 && heap-baseHeap > heapBudget:
			stop(fmt.Errorf("%w (heap grew by more than %d MiB); narrow the script or lower --limit", ErrQueryMemory, heapBudget>>20))
		case stack-baseStack > stackBudget:
			stop(fmt.Errorf("%w (its call stack grew past %d MiB); look for a function that calls itself without end", ErrQueryRecursion, stackBudget>>20))
		}
	}
}

// stopScript stops the script if it still runs and waits, up to
// stopGrace, for Gizmo's goroutine to end, interrupting the runtime again
// and again meanwhile; it reports whether the goroutine ended. Past the
// grace period the goroutine is left to be interrupted until it ends. quit
// is closed once it has ended.
func (r *scriptRun) stopScript(it query.Iterator, quit chan struct{}) (ended bool) {
	it.Close()
	deadline := time.Now().Add(stopGrace)
	for {
		if gizmoEnded(it) {
			close(quit)
			return true
		}
		r.vm.Interrupt(errScriptStopped)
		if time.Now().After(deadline) {
			go func() {
				for !gizmoEnded(it) {
					r.vm.Interrupt(errScriptStopped)
				}
				close(quit)
			}()
			return false
		}
	}
}

// errScriptStopped is the value a stopped script is interrupted with.
var errScriptStopped = errors.New("script stopped")

// gizmoEnded waits up to watchEvery for the goroutine running the script
// and reports whether it has ended; results it still sends are dropped.
func gizmoEnded(it query.Iterator) bool {
	ctx, cancel := context.WithTimeout(context.Background(), watchEvery)
	defer cancel()
	for it.Next(ctx) {
	}
	return ctx.Err() == nil
}

// compileScript compiles a piece of a query, placing syntax errors.
func compileScript(name, part, src string) (*goja.Program, error) {
	prog, err := parser.ParseFile(nil, part, src, 0)
	if err != nil {
		se := &ScriptError{Name: name, Syntax: true, Definitions: part == definitionsProgram, err: err}
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			se.Line, se.Column = list[0].Position.Line, list[0].Position.Column
			kind := "SyntaxError: "
			if list[0].Message == "Invalid left-hand side in assignment" {
				kind = "ReferenceError: "
			}
			se.Message = kind + list[0].Message
			se.Line, se.Column = atTextEnd(src, se.Line, se.Column)
		} else {
			se.Message = "SyntaxError: " + err.Error()
		}
		return nil, se
	}
	p, err := runCompile(func() (*goja.Program, error) { return goja.CompileAST(prog, false) })
	if err != nil {
		se := &ScriptError{Name: name, Syntax: true, Definitions: part == definitionsProgram, Message: err.Error(), err: err}
		var syn *goja.CompilerSyntaxError
		if errors.As(err, &syn) {
			se.Message = "SyntaxError: " + syn.Message
			if syn.File != nil {
				pos := syn.File.Position(syn.Offset)
				se.Line, se.Column = pos.Line, pos.Col
			}
		}
		return nil, se
	}
	return p, nil
}

// atTextEnd moves a position that lies past the last character of src
// that is not blank — where goja reports an unexpected end of input — to
// just after that character, a place the author can see.
func atTextEnd(src string, line, col int) (int, int) {
	last := len(strings.TrimRightFunc(src, unicode.IsSpace))
	if last == 0 {
		return line, col
	}
	endLine, endCol := position(src, last)
	if line > endLine || line == endLine && col > endCol {
		return endLine, endCol
	}
	return line, col
}

// runCompile runs a compilation, turning a panic of the compiler into an
// error.
func runCompile(f func() (*goja.Program, error)) (p *goja.Program, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("the compiler failed on this script (Go panic: %v)", x)
		}
	}()
	return f()
}

// libraryProgramFor compiles kg's library once per distinct text.
func libraryProgramFor(src string) (*goja.Program, error) {
	if p, ok := programCache.Load(src); ok {
		return p.(*goja.Program), nil
	}
	p, err := compileScript("kg's query library", libraryProgram, src)
	if err != nil {
		return nil, fmt.Errorf("compile kg's query library: %w", err)
	}
	programCache.Store(src, p)
	return p, nil
}
