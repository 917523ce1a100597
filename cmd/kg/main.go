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
	"os"
	"os/signal"
	"runtime/pprof"
	"sort"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
)

var commands []*cli.Command

// register adds a subcommand to kg; each command file calls it from init.
func register(c *cli.Command) { commands = append(commands, c) }

func newApp() *cli.App {
	sort.Slice(commands, func(i, j int) bool { return commands[i].Name < commands[j].Name })
	return &cli.App{
		Name:  "kg",
		Usage: "build and query a knowledge graph of who met whom from news articles",
		Description: `kg reads news articles (plain text, JSON, JSON Lines, HTML, RSS/Atom),
extracts people, the offices they hold, meetings between them and dated
events, and stores them as quads in an embedded Cayley graph. Every fact keeps
the article and sentence it came from.

A first session:

   kg load testdata/seeds/articles.jsonl     # build ./kg.db from articles
   kg query meetings --arg person=Rouhani    # who met Rouhani, when, reported where
   kg stats                                  # what the store holds
   kg repl                                   # explore it with Gizmo
   kg export --format png --out net.png      # draw who met whom (needs Graphviz)

The store is ./kg.db unless --db or KG_DB says otherwise.`,
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
		Before:               startCPUProfile,
		After:                stopCPUProfile,
		Commands:             commands,
		EnableBashCompletion: true,
		ExitErrHandler: func(c *cli.Context, err error) {
			if err == nil {
				return
			}
			stopCPUProfile(c) // os.Exit below skips After
			var coder cli.ExitCoder
			if errors.As(err, &coder) {
				if msg := err.Error(); msg != "" {
					fmt.Fprintln(c.App.ErrWriter, "kg:", msg)
				}
				os.Exit(coder.ExitCode())
			}
			fmt.Fprintln(c.App.ErrWriter, "kg:", err)
			os.Exit(1)
		},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	app := newApp()
	if err := app.RunContext(ctx, flagsFirst(app, os.Args)); err != nil {
		fmt.Fprintln(os.Stderr, "kg:", err)
		os.Exit(1)
	}
}

// openStore opens the store named by the global flags.
func openStore(c *cli.Context) (*graph.Store, error) {
	return graph.Open(c.Context, graph.Options{Backend: c.String("backend"), Path: c.String("db")})
}

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
