package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/dop251/goja"
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
	// Name names the script in error messages (a file or saved query
	// name); "script" when empty.
	Name string
	// Library is trusted JavaScript run before the script, such as kg's
	// queries/lib.js. It is a program of its own: errors are placed in the
	// script, never in the library.
	Library string
	// Definitions is JavaScript run after Library and Args and before the
	// script, such as the declarations of earlier REPL entries. What it
	// emits is dropped; an error in it is a *ScriptError with Definitions
	// set.
	Definitions string
	// Show, when set, is trusted JavaScript evaluating to a function that
	// is called with the value of the script's last statement, after the
	// script (the REPL shows values with it).
	Show string
	// MaxScript is the largest script (and Definitions) in bytes; zero
	// means DefaultMaxScript.
	MaxScript int
}

// ErrQueryTimeout is returned when a script exceeds its time limit.
var ErrQueryTimeout = errors.New("query stopped: time limit reached")

// ErrQueryMemory is returned when a script allocates more than its memory
// limit.
var ErrQueryMemory = errors.New("query stopped: memory limit reached")

// ErrQueryRecursion is returned when a script recurses so deeply that its
// goroutine's stack grows past what any query needs.
var ErrQueryRecursion = errors.New("query stopped: recursion too deep")

// ErrQueryPanic is wrapped by the *ScriptError returned when goja or
// Gizmo failed with a Go panic while running a script: the script is
// stopped, and nothing else is affected.
var ErrQueryPanic = errors.New("query engine failure")

// ScriptError is an error in a script: a syntax error, a script too large
// or too deeply nested, or an exception the script did not catch. Line and
// Column (from 1) are places in the script's own text — for an error raised
// in kg's library or in a built-in, the innermost call in the script — or
// zero when the error has no place in it.
type ScriptError struct {
	Name         string // the script's name (QueryOptions.Name)
	Line, Column int
	Message      string // such as "ReferenceError: require is not defined"
	// Syntax is set when the script could not be compiled.
	Syntax bool
	// Definitions is set when the error is in QueryOptions.Definitions;
	// Line and Column are then places in them.
	Definitions bool
	err         error
}

func (e *ScriptError) Error() string {
	name := e.Name
	if e.Definitions {
		name += " (definitions)"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", name, e.Line, e.Column, e.Message)
	}
	return name + ": " + e.Message
}

func (e *ScriptError) Unwrap() error { return e.err }

// Query runs a Gizmo script and calls fn with each result, in JSON form:
// a map for a path's tags, or whatever the script passed to g.Emit.
//
// The script runs in Gizmo's JavaScript VM (goja), which has no require,
// no file, network, process or timer functions: a script can only read the
// graph. A script that loops forever is interrupted at the time limit, one
// that emits too much is stopped at the result limit, one that fills
// memory at the memory limit, and one that recurses without end when its
// stack grows too large; scripts too large or nested too deeply to compile
// safely are refused (scriptcheck.go). A Go panic of goja or Gizmo stops
// the script with an error wrapping ErrQueryPanic. Query returns once the
// script has stopped running (or, for a script stuck in one long built-in
// call, after a grace period, the script being interrupted until it ends).
//
// Errors of the script are *ScriptError values whose positions are those
// of the script's own text, whatever runs before it (Library, Args).
func (s *Store) Query(ctx context.Context, script string, opt QueryOptions, fn func(result any) error) (err error) {
	defer s.checkDamage(&err)
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
	maxScript := opt.MaxScript
	if maxScript == 0 {
		maxScript = DefaultMaxScript
	}
	name := opt.Name
	if name == "" {
		name = "script"
	}
	prog, err := prepareSource(name, scriptProgram, script, maxScript)
	if err != nil {
		return err
	}
	setup, err := setupPrograms(name, opt, maxScript)
	if err != nil {
		return err
	}
	var show *goja.Program
	if opt.Show != "" {
		if show, err = libraryProgramFor(opt.Show); err != nil {
			return err
		}
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	if timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, timeout, fmt.Errorf("%w (%s); raise --timeout or narrow the script", ErrQueryTimeout, timeout))
		defer stop()
	}
	ses := gizmo.NewSession(s.qs)
	if err := s.installHelpers(ctx, ses); err != nil {
		return err
	}
	run, err := newScriptRun(ses, name, prog, script, setup, show)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	// Gizmo is given no limit: Query counts the results itself (what the
	// setup emits does not count) and stops the script at the limit.
	it, err := ses.Execute(ctx, driverSource, query.Options{Collation: query.JSON})
	if err != nil {
		return fmt.Errorf("query: start script: %w", err)
	}
	quit := make(chan struct{}) // closed when the script's goroutine has ended (stopScript)
	s.scripts.Add(1)
	go func() {
		<-quit
		s.scripts.Done()
	}()
	heapBudget := memory
	if heapBudget < 0 {
		heapBudget = 0
	}
	go run.watch(ctx, heapBudget, s.Damaged, cancel, quit)
	defer func() {
		cancel(errScriptStopped) // the watcher now interrupts the script until it ends
		if run.stopScript(it, quit) && err != nil && (errors.Is(err, ErrQueryMemory) || errors.Is(err, ErrQueryRecursion) || errors.Is(err, ErrQueryTimeout)) {
			debug.FreeOSMemory() // what the stopped script held goes back to the system
		}
	}()

	n := 0
	started := false // the setup's marker was seen: results are the script's
	for it.Next(ctx) {
		r, err := result(it)
		if err != nil {
			return err
		}
		if !started {
			started = r == run.marker
			continue
		}
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
	if cause := context.Cause(ctx); ctx.Err() != nil && cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	select {
	case <-run.done:
		return run.err
	default:
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("script: %w", err)
	}
	return nil
}

// result reads the iterator's current result; Gizmo turns stored values
// into JSON values there, and a panic doing so is an error.
func result(it query.Iterator) (r any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("script: %w: reading a result (Go panic: %v)", ErrQueryPanic, p)
		}
	}()
	return it.Result(), nil
}

// prepareSource checks a piece of a query's source and compiles it.
func prepareSource(name, part, src string, maxSize int) (*goja.Program, error) {
	what := "the script"
	if part == definitionsProgram {
		what = "the definitions"
	}
	if p := checkSource(what, src, maxSize); p != nil {
		line, col := position(src, p.Offset)
		return nil, &ScriptError{Name: name, Line: line, Column: col, Message: p.Message, Syntax: true, Definitions: part == definitionsProgram, err: ErrScriptTooLarge}
	}
	return compileScript(name, part, src)
}

// ErrScriptTooLarge is wrapped by the *ScriptError returned for a script
// too large or nested too deeply to be compiled safely (scriptcheck.go).
var ErrScriptTooLarge = errors.New("script too large or too deeply nested")

// setupPrograms compiles what runs before the script: kg's library, the
// arguments and the definitions.
func setupPrograms(name string, opt QueryOptions, maxSize int) ([]program, error) {
	var setup []program
	if opt.Library != "" {
		p, err := libraryProgramFor(opt.Library)
		if err != nil {
			return nil, err
		}
		setup = append(setup, program{libraryProgram, p})
	}
	args := opt.Args
	if args == nil {
		args = map[string]string{}
	}
	b, err := json.Marshal(args)
	if err != nil {
		return nil, fmt.Errorf("encode query args: %w", err)
	}
	p, err := goja.Compile(argsProgram, "var args = "+string(b)+";", false)
	if err != nil {
		return nil, fmt.Errorf("encode query args: %w", err)
	}
	setup = append(setup, program{argsProgram, p})
	if opt.Definitions != "" {
		p, err := prepareSource(name, definitionsProgram, opt.Definitions, maxSize)
		if err != nil {
			return nil, err
		}
		setup = append(setup, program{definitionsProgram, p})
	}
	return setup, nil
}
