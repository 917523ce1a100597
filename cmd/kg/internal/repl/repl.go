// Package repl is kg's interactive Gizmo shell behind `kg repl`: it reads
// lines with editing, history and tab completion, gathers multi-line input
// until brackets and strings balance, runs each entry on the store with a
// result limit and a time limit, shows results as a table or JSON with
// their count and the elapsed time, turns Gizmo's errors into readable
// messages with line and column, and lets Ctrl+C stop a running query
// without leaving the shell. Lines starting with a colon are commands
// (:help, :run, :limit...). It also runs a whole script once, for pipes.
package repl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
)

// Store is what the REPL needs of kg's graph store.
type Store interface {
	Query(ctx context.Context, script string, opt graph.QueryOptions, fn func(result any) error) error
	Stats(ctx context.Context) (graph.Stats, error)
}

// Settings are what :format, :limit and :timeout change.
type Settings struct {
	Format  string        // FormatTable or FormatJSON
	Limit   int           // most results shown; 0 shows all
	Timeout time.Duration // longest a query may run; 0 means no limit
}

// DefaultSettings are a new session's settings.
var DefaultSettings = Settings{Format: FormatTable, Limit: 100, Timeout: 30 * time.Second}

// countCap is how many results past the limit are counted, to say how
// many more there are, before giving up with "more than N".
const countCap = 100000

// errCountCapped stops a query once countCap results past the limit have
// been counted.
var errCountCapped = errors.New("enough results counted")

// hints name, in messages, the way to raise a limit: a REPL command in a
// session, a flag when running a script from a pipe.
type hints struct{ limit, timeout string }

var (
	sessionHints = hints{limit: ":limit", timeout: ":timeout"}
	flagHints    = hints{limit: "--limit", timeout: "--timeout"}
)

// Session runs entries — Gizmo scripts and commands — and prints what they
// give. It is the REPL without the terminal; Interactive adds one.
type Session struct {
	store    Store
	out      io.Writer // results
	info     io.Writer // counts, notes and messages
	settings Settings
	hints    hints
	// slowNote is how long a query runs before the session says Ctrl+C
	// stops it; zero never says so.
	slowNote time.Duration

	// defs are the top-level var and function declarations of earlier
	// entries, replayed before each entry so that they carry over.
	defs []definition

	mu     sync.Mutex
	cancel context.CancelFunc // stops the running query; nil when idle
}

// scriptKind says how a script is run.
type scriptKind int

const (
	entryScript scriptKind = iota // typed or :load-ed: shows its value, keeps its definitions
	savedScript                   // :run: emits its own results, stands alone
	pipedScript                   // from a pipe: shows its value, runs once
)

// NewSession returns a session printing everything to out.
func NewSession(store Store, settings Settings, out io.Writer) *Session {
	return &Session{store: store, out: out, info: out, settings: settings, hints: sessionHints}
}

// Interrupt stops the running query, if any; the session carries on. It
// is what Ctrl+C does while a query runs.
func (s *Session) Interrupt() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

// Handle runs one complete entry: a command when it starts with a colon,
// a Gizmo script otherwise. Problems are printed, not returned: the
// session goes on. It reports whether the entry asked to quit.
func (s *Session) Handle(ctx context.Context, entry string) (quit bool) {
	if strings.TrimSpace(entry) == "" {
		return false
	}
	if IsCommand(entry) {
		quit, err := s.command(ctx, entry)
		if err != nil {
			fmt.Fprintln(s.info, err)
		}
		return quit
	}
	if err := s.runScript(ctx, entry, nil, entryScript); err != nil {
		fmt.Fprintln(s.info, err)
	}
	return false
}

// RunScript runs src once, as piped into `kg repl`: results go to out in
// the format of settings, the count and elapsed time to info. The error,
// if any, is already readable.
func RunScript(ctx context.Context, store Store, settings Settings, src string, out, info io.Writer) error {
	s := &Session{store: store, out: out, info: info, settings: settings, hints: flagHints}
	return s.runScript(ctx, src, nil, pipedScript)
}

// runScript runs a Gizmo script with kg's helpers and prints its results.
// Entries and piped scripts also show the value of their last expression
// when it is not undefined: a path lists its nodes, an array its elements,
// anything else itself (so `g.V().Count()` prints the count). Entries see
// the definitions of earlier entries and leave theirs to later ones.
func (s *Session) runScript(ctx context.Context, src string, args map[string]string, kind scriptKind) error {
	var defs []definition
	if kind == entryScript {
		defs = s.defs
	}
	o, err := s.query(ctx, src, args, kind != savedScript, defs)
	if errors.Is(err, errReplay) {
		msg := strings.TrimPrefix(describeError(errors.Unwrap(err), ""), "error: ")
		return fmt.Errorf("%s: %s (:reset forgets them)", errReplay, msg)
	}
	if errors.Is(err, graph.ErrQueryTimeout) {
		return fmt.Errorf("query stopped: time limit of %s reached (raise it with %s)", timeoutText(s.settings.Timeout), s.hints.timeout)
	}
	if err != nil {
		return errors.New(describeError(err, src))
	}
	if err := renderResults(s.out, s.settings.Format, o.results); err != nil {
		return fmt.Errorf("print results: %w", err)
	}
	if note := o.note(s.hints.limit); note != "" {
		fmt.Fprintln(s.info, note)
	}
	var added []definition
	if kind == entryScript {
		added = topLevelDefinitions(src)
		s.defs = append(s.defs, added...)
	}
	if len(o.results) == 0 && len(added) > 0 {
		// A declaration: say what it defined rather than "0 results".
		var names []string
		for _, d := range added {
			names = append(names, d.names...)
		}
		fmt.Fprintf(s.info, "defined %s in %s\n", strings.Join(names, ", "), formatElapsed(o.elapsed))
		return nil
	}
	fmt.Fprintln(s.info, o.summary())
	return nil
}

// errReplay wraps an error raised while replaying earlier definitions.
var errReplay = errors.New("error in the definitions of earlier entries")

// replayError is errReplay with its cause.
type replayError struct{ cause error }

func (e replayError) Error() string        { return errReplay.Error() + ": " + e.cause.Error() }
func (e replayError) Is(target error) bool { return target == errReplay }
func (e replayError) Unwrap() error        { return e.cause }

// outcome is what a query gave.
type outcome struct {
	results []any
	more    int    // results past the limit, counted but not kept
	capped  bool   // counting stopped at countCap
	stopped string // why counting stopped early (time limit, Ctrl+C), if it did
	elapsed time.Duration
}

func (o outcome) note(limitHint string) string {
	switch {
	case o.stopped != "" && o.more == 0:
		return fmt.Sprintf("… the limit was reached; more results were not counted (%s)", o.stopped)
	case o.stopped != "":
		return fmt.Sprintf("… at least %d more results not shown (raise with %s; counting stopped: %s)", o.more, limitHint, o.stopped)
	case o.more > 0:
		return moreNote(o.more, o.capped, limitHint)
	}
	return ""
}

func (o outcome) summary() string {
	bound := ""
	switch {
	case o.capped:
		bound = "more than"
	case o.stopped != "":
		bound = "at least"
	}
	return summary(len(o.results), o.more, bound, o.elapsed)
}

// query runs src, after replaying defs, and collects its results up to the
// limit, counting those past it.
func (s *Session) query(ctx context.Context, src string, args map[string]string, showValue bool, defs []definition) (outcome, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}()
	if s.slowNote > 0 {
		t := time.AfterFunc(s.slowNote, func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.cancel != nil {
				fmt.Fprintln(s.info, "running… Ctrl+C cancels the query")
			}
		})
		defer t.Stop()
	}
	timeout := s.settings.Timeout
	if timeout <= 0 {
		timeout = -1 // graph: negative means no time limit
	}
	limit := s.settings.Limit
	var o outcome
	opt := graph.QueryOptions{
		Limit: -1, Timeout: timeout, Args: queries.Args(args),
		Library: queries.Prelude(), Definitions: replaySource(defs), Name: "entry",
	}
	if showValue {
		opt.Show = showValueSource
	}
	start := time.Now()
	err := s.store.Query(ctx, src, opt, func(r any) error {
		if limit <= 0 || len(o.results) < limit {
			o.results = append(o.results, r)
			return nil
		}
		o.more++
		if o.more >= countCap {
			o.capped = true
			return errCountCapped
		}
		return nil
	})
	o.elapsed = time.Since(start)
	if inDefinitions(err) {
		return o, replayError{err}
	}
	switch {
	case errors.Is(err, errCountCapped):
		err = nil
	case limit > 0 && len(o.results) == limit && errors.Is(err, graph.ErrQueryTimeout):
		o.stopped, err = "time limit reached", nil
	case limit > 0 && len(o.results) == limit && errors.Is(err, context.Canceled) && ctx.Err() != nil:
		o.stopped, err = "cancelled", nil
	}
	return o, err
}

// showValueSource is the function that shows the value of an entry's last
// statement: a path lists its nodes, an array its elements, anything else
// itself (so g.V().Count() prints the count).
const showValueSource = `(function (v) {
  if (v === undefined || v === null) { return; }
  if (v === g) { g.Emit("[the graph object g]"); return; }
  if (typeof v === "function") { g.Emit("[function " + (v.name || "") + "]"); return; }
  if (typeof v === "object" && typeof v.All === "function" && typeof v.ToArray === "function") { v.All(); return; }
  if (Array.isArray(v)) { v.forEach(function (x) { if (x !== undefined && x !== null) { g.Emit(x); } }); return; }
  g.Emit(v);
})`

// command runs a REPL command line.
func (s *Session) command(ctx context.Context, line string) (quit bool, err error) {
	cmd, err := ParseCommand(line)
	if err != nil {
		return false, err
	}
	switch cmd.Name {
	case ":help":
		s.help()
	case ":quit":
		return true, nil
	case ":load":
		return false, s.load(ctx, cmd.Args[0])
	case ":run":
		return false, s.run(ctx, cmd.Args)
	case ":format":
		return false, s.setFormat(cmd.Args)
	case ":limit":
		return false, s.setLimit(cmd.Args)
	case ":timeout":
		return false, s.setTimeout(cmd.Args)
	case ":stats":
		return false, s.stats(ctx)
	case ":reset":
		n := len(s.defs)
		s.defs = nil
		fmt.Fprintf(s.info, "forgot %d definitions\n", n)
	}
	return false, nil
}

func (s *Session) help() {
	w := tabwriter.NewWriter(s.info, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "Type Gizmo (JavaScript with Cayley's graph API) and press Enter; the")
	fmt.Fprintln(w, "helpers of kg's queries/lib.js are in the object kg. The value of the last")
	fmt.Fprintln(w, "expression is shown: a path lists its nodes, g.V().Count() prints a number.")
	fmt.Fprintln(w, "An entry with open brackets or strings goes on at the ...> prompt.")
	fmt.Fprintln(w, "Top-level var and function declarations carry over to later entries: they")
	fmt.Fprintln(w, "are run again, silently, before each entry (:reset forgets them).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commandSpecs {
		fmt.Fprintf(w, "  %s\t%s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Keys:")
	fmt.Fprintln(w, "  Tab\tcomplete methods, predicates, node names, commands, saved queries")
	fmt.Fprintln(w, "  Up, Down\twalk through earlier lines, also those of past sessions")
	fmt.Fprintln(w, "  Ctrl+R\tsearch earlier lines")
	fmt.Fprintln(w, "  Ctrl+C\tstop the running query, or clear the line")
	fmt.Fprintln(w, "  Ctrl+D\tleave (on an empty line)")
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Now: :format %s, :limit %d, :timeout %s\n", s.settings.Format, s.settings.Limit, timeoutText(s.settings.Timeout))
	w.Flush()
}

func (s *Session) load(ctx context.Context, path string) error {
	src, err := queries.ReadFile(path)
	if err != nil {
		return fmt.Errorf("load %s: %w", path, err)
	}
	if err := s.runScript(ctx, src, nil, entryScript); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func (s *Session) run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		w := tabwriter.NewWriter(s.info, 0, 0, 2, ' ', 0)
		fmt.Fprintln(w, "Saved queries (:run NAME key=value...):")
		for _, q := range queries.List() {
			summary := strings.TrimSpace(strings.TrimPrefix(q.Summary, q.Name+":"))
			fmt.Fprintf(w, "  %s\t%s\n", q.Name, summary)
		}
		return w.Flush()
	}
	script, err := queries.Get(args[0])
	if err != nil {
		return err
	}
	vals := map[string]string{}
	for _, kv := range args[1:] {
		k, v, err := queries.ParseArg(kv)
		if err != nil {
			return fmt.Errorf("%s: %w", args[0], err)
		}
		vals[k] = v
	}
	if err := s.runScript(ctx, script.Source, vals, savedScript); err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	return nil
}

func (s *Session) setFormat(args []string) error {
	if len(args) == 1 {
		switch args[0] {
		case FormatTable, FormatJSON:
			s.settings.Format = args[0]
		default:
			return fmt.Errorf("unknown format %q (choose table or json)", args[0])
		}
	}
	fmt.Fprintf(s.info, "format: %s\n", s.settings.Format)
	return nil
}

func (s *Session) setLimit(args []string) error {
	if len(args) == 1 {
		n, err := strconv.Atoi(args[0])
		if err != nil || n < 0 {
			return fmt.Errorf("limit %q is not a number of results (0 shows all)", args[0])
		}
		s.settings.Limit = n
	}
	if s.settings.Limit == 0 {
		fmt.Fprintln(s.info, "limit: none, all results are shown")
	} else {
		fmt.Fprintf(s.info, "limit: %d results\n", s.settings.Limit)
	}
	return nil
}

func (s *Session) setTimeout(args []string) error {
	if len(args) == 1 {
		d, err := ParseTimeout(args[0])
		if err != nil {
			return err
		}
		s.settings.Timeout = d
	}
	fmt.Fprintf(s.info, "timeout: %s\n", timeoutText(s.settings.Timeout))
	return nil
}

// ParseTimeout reads a :timeout argument: a Go duration such as 90s or 2m,
// a plain number of seconds, or 0 for no limit.
func ParseTimeout(arg string) (time.Duration, error) {
	if n, err := strconv.ParseFloat(arg, 64); err == nil && n >= 0 {
		return time.Duration(n * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(arg)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("timeout %q is not a duration such as 10s or 2m (0: no limit)", arg)
	}
	return d, nil
}

func timeoutText(d time.Duration) string {
	if d <= 0 {
		return "none"
	}
	return d.String()
}

func (s *Session) stats(ctx context.Context) error {
	st, err := s.store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	if s.settings.Format == FormatJSON {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	w := tabwriter.NewWriter(s.out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "backend\t%s\nquads\t%d\narticles\t%d\npeople\t%d\nmeetings\t%d\nroles\t%d\nevents\t%d\n",
		st.Backend, st.Quads, st.Articles, st.People, st.Meetings, st.Roles, st.Events)
	return w.Flush()
}
