package main

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"syscall"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/cmd/kg/internal/serve"
	"github.com/kg-project/kg/graph"
)

func init() {
	register(&cli.Command{
		Name:  "serve",
		Usage: "explore the graph in a browser; serve it to programs and to other kg commands",
		Description: `Serves the store over HTTP until Ctrl+C (or SIGTERM), then closes it intact.

In a browser (open the address it prints): search people as kg query finds
them (any part of a name, other spellings, did you mean, a choice when a
name fits several people); a person's network of meetings as a graph you
can zoom, drag and re-centre, with depth 1 or 2 and a date range; their
timeline and offices; the sentences behind every meeting, with outlet,
headline, date and link; a Gizmo query page with the saved queries;
downloads in every export format; with --allow-edits, corrections (merge,
split, retract, undo) and their record.

For programs: Cayley's POST /api/v1/query/gizmo and JSON endpoints for what
the pages show (docs/serve.md, with curl examples).

While it runs, kg query, stats, export, dump, repl and load on the same --db
go through it instead of failing with "store in use", and the pages show
what a load adds without a restart.

Every query has the limits below, and runs beside the others: a slow one
does not hold up the rest. The server listens on loopback only unless
--addr names another address. Edits (merging and splitting people,
retracting facts, undoing corrections) are off unless --allow-edits is
given, and then only the app's own pages can make them; each is a
correction as kg alias, split and retract make, listed by kg corrections.

Examples:
   kg serve                                  # http://127.0.0.1:7474
   kg serve --addr 127.0.0.1:8080 --timeout 10s
   kg serve --allow-edits
   curl -s -X POST --data 'g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()' \
        http://127.0.0.1:7474/api/v1/query/gizmo`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: serve.DefaultAddr, Usage: "listen on `HOST:PORT` (port 0: any free port)"},
			&cli.BoolFlag{Name: "allow-edits", Usage: "let the pages correct the graph: merge and split people, retract facts, undo corrections"},
			&cli.DurationFlag{Name: "timeout", Value: serve.DefaultTimeout, Usage: "stop any query or page request running longer than `DURATION`"},
			&cli.IntFlag{Name: "limit", Value: serve.DefaultLimit, Usage: "return at most `N` results from one query"},
			&cli.Int64Flag{Name: "memory", Value: serve.DefaultMemory >> 20, Usage: "stop a query when the heap grows by more than `MiB` while it runs"},
			&cli.IntFlag{Name: "concurrent", Usage: "run at most `N` queries at once (0: two per core)"},
		},
		Before: noArgs,
		Action: runServe,
	})
}

func runServe(c *cli.Context) error {
	switch {
	case c.Duration("timeout") <= 0:
		return cli.Exit("serve: --timeout must be more than 0: every query needs a time limit", 2)
	case c.Int("limit") <= 0:
		return cli.Exit("serve: --limit must be at least 1", 2)
	case c.Int64("memory") <= 0:
		return cli.Exit("serve: --memory must be at least 1 (MiB)", 2)
	case c.Int("concurrent") < 0:
		return cli.Exit("serve: --concurrent must be 0 (two per core) or more", 2)
	}
	if client := servedStore(c); client != nil {
		return cli.Exit(fmt.Sprintf("serve: the store %s is already served by %s", c.String("db"), client.Describe()), 1)
	}
	addr := c.String("addr")
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return cli.Exit(fmt.Sprintf("serve: %s is in use by another program; choose another address with --addr (port 0 picks a free one)", addr), 1)
		}
		return cli.Exit(fmt.Sprintf("serve: listen on %s: %v", addr, err), 1)
	}
	defer ln.Close()

	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	opt := serve.Options{
		StoreName:  graph.RedactLocation(c.String("db")),
		AllowEdits: c.Bool("allow-edits"),
		Timeout:    c.Duration("timeout"),
		Limit:      c.Int("limit"),
		Memory:     c.Int64("memory") << 20,
		Concurrent: c.Int("concurrent"),
		LoadMemory: loadMemoryLimit,
		Log:        c.App.ErrWriter,
	}
	if b := store.Backend(); b == graph.BackendBolt || b == graph.BackendLevelDB {
		if opt.StoreDir, err = filepath.Abs(c.String("db")); err != nil {
			store.Close()
			return cli.Exit("serve: "+err.Error(), 1)
		}
	}
	errw := c.App.ErrWriter
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(errw, "kg serve: listening on %s: anyone who can reach this machine can read the store\n", ln.Addr())
	}
	opt.Ready = func(url string) {
		fmt.Fprintf(errw, "kg serve: serving the %s store %s at %s (Ctrl+C to stop)\n", store.Backend(), opt.StoreName, url)
		if opt.AllowEdits {
			fmt.Fprintln(errw, "kg serve: edits allowed from the pages")
		}
	}
	serveErr := serve.New(store, opt).Serve(c.Context, ln)
	closeErr := store.Close()
	if serveErr != nil {
		return cli.Exit("serve: "+serveErr.Error(), 1)
	}
	if closeErr != nil {
		return cli.Exit("serve: close the store: "+closeErr.Error(), 1)
	}
	fmt.Fprintln(errw, "kg serve: stopped; the store is closed")
	return nil
}
