// Command kg reads news articles and builds a knowledge graph of public
// officials — who met whom, when and where; who holds which office; which
// events happened on which date — in an embedded Cayley store, queried with
// Gizmo scripts.
//
// This file holds the application and its global flags; each subcommand
// lives in a file of its own and registers itself with register.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cayleygraph/cayley/clog"
	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

var commands []*cli.Command

// register adds a subcommand to kg; each command file calls it from init.
func register(c *cli.Command) { commands = append(commands, c) }

func newApp() *cli.App {
	sort.Slice(commands, func(i, j int) bool { return commands[i].Name < commands[j].Name })
	for _, c := range commands {
		c.OnUsageError = usageError
	}
	return &cli.App{
		Name:  "kg",
		Usage: "build and query a knowledge graph of who met whom from news articles",
		Description: `kg reads news articles (plain text, JSON, JSON Lines, CSV, HTML, RSS/Atom,
WARC crawls, or pages and feeds over HTTP), extracts people, the offices they
hold, meetings between them and dated events, and stores them as quads in an
embedded Cayley graph. Every fact keeps the article and sentence it came
from. docs/loaders.md says what kg reads and what it refuses.

A first session:

   kg load testdata/seeds/articles.jsonl     # build ./kg.db from articles
   kg query meetings --arg person=Rouhani    # who met Rouhani, when, reported where
   kg query meetings --arg person=Rouhani --evidence   # ... and in which words
   kg show "Hassan Rouhani"                  # one person (or meeting) with every source
   kg stats                                  # what the store holds
   kg repl                                   # explore it with Gizmo
   kg export --format png --out net.png      # draw who met whom (needs Graphviz)
   kg serve                                  # explore it in a browser

The store is ./kg.db unless --db or KG_DB says otherwise. Only kg load, kg
watch and kg restore create it; every other command refuses a store that
does not exist, so a mistyped --db or KG_DB is an error, not an empty graph.
Global options may be given before or after the command (kg dump --db X).

Results go to standard output; summaries, progress and messages to standard
error, so kg query ... > out.csv holds nothing but the data.

Exit status:
   0     success; warnings (an RSS item without text, a repaired character,
         articles skipped for not being in English) do not change it
   1     an error: some input could not be read or was refused (the rest
         was still loaded), or the command failed
   2     wrong usage: an unknown command or flag, a bad value, a missing
         or stray argument
   130   interrupted (Ctrl+C or SIGTERM); what was done so far is kept.
         A command that has not stopped 30 s after the signal (waiting on a
         database that does not answer), or gets a second one, stops at
         once: what was written before is kept, the write in flight is not`,
		Version: versionString(),
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "db",
				Value:   "./kg.db",
				EnvVars: []string{"KG_DB"},
				Usage:   "store location: a folder for embedded backends, a postgres:// URL for postgres",
			},
			&cli.StringFlag{
				Name:    "backend",
				Value:   graph.DefaultBackend,
				EnvVars: []string{"KG_BACKEND"},
				Usage:   "store backend: bolt or leveldb (embedded, on disk), memory (throwaway), postgres",
			},
			&cli.StringFlag{
				Name:  "cpuprofile",
				Usage: "write a Go CPU profile of the run to `FILE` (read it with go tool pprof; see docs/performance.md)",
			},
		},
		Before: func(c *cli.Context) error {
			noteSecrets(c)
			return startCPUProfile(c)
		},
		After:                stopCPUProfile,
		Commands:             commands,
		EnableBashCompletion: true,
		OnUsageError:         usageError,
		Action:               unknownCommand,
		ExitErrHandler: func(c *cli.Context, err error) {
			if err == nil {
				return
			}
			stopCPUProfile(c) // os.Exit below skips After
			var coder cli.ExitCoder
			if errors.As(err, &coder) {
				msg := err.Error()
				if coder.ExitCode() == 2 && !strings.Contains(msg, "--help") {
					// Every usage error points to the help that explains.
					help := "kg"
					if c.Command != nil && c.Command.Name != "" {
						help += " " + c.Command.Name
					}
					msg += " (see " + help + " --help)"
				}
				if msg != "" {
					fmt.Fprintln(c.App.ErrWriter, "kg:", graph.Scrub(msg, secrets))
				}
				os.Exit(coder.ExitCode())
			}
			fmt.Fprintln(c.App.ErrWriter, "kg:", graph.Scrub(err.Error(), secrets))
			os.Exit(1)
		},
	}
}

func main() {
	quietStandardLog()
	ctx, stop := stopOnSignal()
	defer stop()
	cli.VersionPrinter = printVersion
	app := newApp()
	if err := app.RunContext(ctx, flagsFirst(app, os.Args)); err != nil {
		fmt.Fprintln(os.Stderr, "kg:", graph.Scrub(err.Error(), secrets))
		os.Exit(1)
	}
}

// stopGrace is how long a command may take to stop after Ctrl+C or
// SIGTERM before kg stops it at once.
const stopGrace = 30 * time.Second

// stopOnSignal returns the context of the command, cancelled on SIGINT or
// SIGTERM. The command then stops at its own pace (a load writes its last
// batch); one that has not stopped stopGrace later, or gets a second
// signal, is ended with exit status 130: a call to a database that does
// not answer (a stalled or stopped PostgreSQL server) cannot be
// interrupted otherwise, as Cayley's writes take no context. Ending the
// process leaves every store as a kill does: what was written is kept,
// the transaction in flight is not (docs/reliability.md).
func stopOnSignal() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	ended := make(chan struct{})
	go func() {
		select {
		case <-signals:
		case <-ended:
			return
		}
		cancel()
		select {
		case <-signals:
			fmt.Fprintln(os.Stderr, "kg: stopped at once (a second signal); what was written before is kept, the write in flight is not")
		case <-time.After(stopGrace):
			fmt.Fprintf(os.Stderr, "kg: not stopped %s after the signal (a database that does not answer?): stopped at once; what was written before is kept, the write in flight is not\n", stopGrace)
		case <-ended:
			return
		}
		os.Exit(130)
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			signal.Stop(signals)
			close(ended)
			cancel()
		})
	}
}

// quietStandardLog silences Go's standard logger, through which goja
// prints a dump of a script's bytecode when a Go panic passes through it
// (kg reports the panic as the script's error instead), and sends Cayley's
// own log, which went through it too, to stderr as before.
func quietStandardLog() {
	clog.SetLogger(stderrLog{log.New(os.Stderr, "", log.LstdFlags)})
	log.SetOutput(io.Discard)
}

// stderrLog is Cayley's logger (clog) writing to stderr, without the
// store's secrets (Cayley logs the connection string it failed to open).
type stderrLog struct{ l *log.Logger }

func (s stderrLog) printf(prefix, format string, args ...any) {
	// A damaged store makes Cayley log every value it fails to read; kg
	// reports the damage itself, so a few lines are enough.
	if n := cayleyLines.Add(1); n > maxCayleyLines {
		if n == maxCayleyLines+1 {
			s.l.Print("(further messages of Cayley not shown)")
		}
		return
	}
	s.l.Print(graph.Scrub(prefix+fmt.Sprintf(format, args...), secrets))
}

// cayleyLines counts the lines of Cayley's log printed, up to
// maxCayleyLines.
var cayleyLines atomic.Int64

const maxCayleyLines = 10

func (s stderrLog) Infof(format string, args ...any)    { s.printf("", format, args...) }
func (s stderrLog) Warningf(format string, args ...any) { s.printf("WARN: ", format, args...) }
func (s stderrLog) Errorf(format string, args ...any)   { s.printf("ERROR: ", format, args...) }
func (s stderrLog) Fatalf(format string, args ...any) {
	s.printf("FATAL: ", format, args...)
	os.Exit(1)
}
func (stderrLog) V(level int) bool { return level <= 0 }
func (stderrLog) SetV(int)         {}

// openStore opens the existing store named by the global flags; a store
// that does not exist is an error (see createStore). A store that kg serve
// holds is not opened: the error says what to do.
func openStore(c *cli.Context) (*graph.Store, error) {
	return openStoreWith(c, graph.Options{})
}

// openStoreWith is openStore with further options (opt's backend, path
// and MustExist come from the flags).
func openStoreWith(c *cli.Context, opt graph.Options) (*graph.Store, error) {
	if client := servedStore(c); client != nil {
		return nil, errServed(c, client)
	}
	flags := storeOptions(c)
	opt.Backend, opt.Path, opt.MustExist = flags.Backend, flags.Path, true
	store, err := graph.Open(c.Context, opt)
	if errors.Is(err, graph.ErrNoStore) {
		where := "--db"
		if env := os.Getenv("KG_DB"); env != "" && env == c.String("db") {
			where = "KG_DB"
		} else if !c.IsSet("db") {
			where = "the default ./kg.db; --db or KG_DB name another"
		}
		return nil, fmt.Errorf("%v (from %s): kg load or kg restore creates a store; check the path", graph.Scrub(err.Error(), secrets), where)
	}
	return store, err
}

// createStore opens the store named by the global flags, creating it when
// it does not exist: for the commands that add articles or quads.
func createStore(c *cli.Context, bulk bool) (*graph.Store, error) {
	if client := servedStore(c); client != nil {
		return nil, errServed(c, client)
	}
	opt := storeOptions(c)
	opt.Bulk = bulk
	return graph.Open(c.Context, opt)
}

// usageError turns a flag parsing error into a short message on standard
// error with exit status 2, instead of urfave/cli's whole help on standard
// output.
func usageError(c *cli.Context, err error, isSubcommand bool) error {
	if isSubcommand && c.Command != nil && c.Command.Name != "" {
		return cli.Exit(fmt.Sprintf("%s: %v (see kg %s --help)", c.Command.Name, err, c.Command.Name), 2)
	}
	return cli.Exit(fmt.Sprintf("%v (see kg --help)", err), 2)
}

// unknownCommand runs when no subcommand matched: an unknown name is a
// usage error; no name at all shows the help.
func unknownCommand(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.ShowAppHelp(c)
	}
	return cli.Exit(fmt.Sprintf("unknown command %q (see kg --help for the commands)", c.Args().First()), 2)
}

// noArgs refuses stray arguments of a command that takes none.
func noArgs(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit(fmt.Sprintf("%s: unexpected argument %q; it takes none (see kg %s --help)", c.Command.Name, c.Args().First(), c.Command.Name), 2)
	}
	return nil
}

// versionString is kg's version as the Go toolchain stamped it into the
// binary: the module version, or the VCS revision of a development build.
func versionString() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		v = "devel " + rev[:min(12, len(rev))] + modified
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}

// printVersion prints kg's version with the store format it writes, so a
// user can tell whether a store made by another kg needs a dump and
// restore.
func printVersion(c *cli.Context) {
	fmt.Fprintf(c.App.Writer, "kg %s\nstore format %d (docs/schema.md); Cayley v0.7.7; %s\n",
		c.App.Version, schema.FormatVersion, runtime.Version())
}

// storeOptions are the global flags' store: the backend is left to the
// location's form (a postgres:// URL is PostgreSQL) unless --backend or
// KG_BACKEND names one.
func storeOptions(c *cli.Context) graph.Options {
	opt := graph.Options{Path: c.String("db")}
	if c.IsSet("backend") {
		opt.Backend = c.String("backend")
	}
	return opt
}

// secrets are those of the store location (--db): passwords, which kg
// scrubs from whatever it prints, its own messages and Cayley's log.
var secrets []string

// noteSecrets remembers the secrets of --db; it runs before every command.
func noteSecrets(c *cli.Context) error {
	secrets = graph.Secrets(c.String("db"))
	return nil
}

// storeName is the store's location fit to print.
func storeName(c *cli.Context) string { return graph.RedactLocation(c.String("db")) }

// startCPUProfile starts Go's CPU profiler when --cpuprofile is given, so a
// slow load or query can be looked into without rebuilding kg.
func startCPUProfile(c *cli.Context) error {
	path := c.String("cpuprofile")
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("cpu profile %s: %w", path, err)
	}
	profileFile = f
	return nil
}

var profileFile *os.File

// stopCPUProfile ends the profile that startCPUProfile began.
func stopCPUProfile(*cli.Context) error {
	if profileFile == nil {
		return nil
	}
	pprof.StopCPUProfile()
	err := profileFile.Close()
	profileFile = nil
	return err
}

// withoutPath drops the file name from an *fs.PathError, for messages
// that name the file the user asked for rather than a temporary one.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// plural writes a count with its noun, "1 input" or "2 inputs".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
