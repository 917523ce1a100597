package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
)

func init() {
	register(&cli.Command{
		Name:      "query",
		Usage:     "run a saved Gizmo query, a script file or an inline script on the store",
		ArgsUsage: "NAME|FILE.js",
		Description: `Runs a Gizmo script (JavaScript with Cayley's graph API) on the store.
NAME is a saved query (kg query --list shows them and the arguments each
takes), FILE.js a script of your own, and -e passes a script inline.
Arguments given with --arg key=value are the object args inside the script;
every script can use kg's helpers (kg.meetings, kg.profiles, kg.find...,
docs/queries.md).

Results are printed as they come. On a terminal a table shows one
screenful and says how to see the rest; --limit N shows N, --limit 0 all,
and --format json or csv (or a pipe) everything.

Examples:
   kg query --list
   kg query meetings --arg person=Rouhani --arg from=2017-01 --arg to=2017-01
   kg query meetings --limit 0 > all-meetings.txt
   kg query people --format json
   kg query -e 'kg.meetings({person: "Rouhani"}, function (m) { kg.emit(m.date) })'
   kg query -e 'g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "e", Aliases: []string{"eval"}, Usage: "run this `SCRIPT` instead of a saved query or file"},
			&cli.StringSliceFlag{Name: "arg", Usage: "script argument `key=value` (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table, json or csv"},
			&cli.BoolFlag{Name: "list", Usage: "list the saved queries and their arguments"},
			&cli.IntFlag{Name: "limit", Usage: "stop after `N` results (0: no limit; default: a screenful for a table on a terminal, else all)"},
			&cli.DurationFlag{Name: "timeout", Value: graph.DefaultQueryTimeout, Usage: "stop a script running longer than `DURATION` (0: no limit; saved queries have none unless given)"},
			&cli.BoolFlag{Name: "time", Usage: "say on standard error how long opening the store and running the query took"},
			&cli.BoolFlag{Name: "evidence", Usage: "table: under each result, the sentences behind it (names picked out) and where each article comes from"},
		},
		Action: runQuery,
	})
}

func runQuery(c *cli.Context) error {
	if c.Bool("list") {
		for _, s := range queries.List() {
			fmt.Fprintf(c.App.Writer, "%s\n", s.Name)
			for _, l := range strings.Split(s.Description, "\n") {
				fmt.Fprintf(c.App.Writer, "    %s\n", l)
			}
		}
		return nil
	}
	var script queries.Script
	switch {
	case c.NArg() > 1:
		return cli.Exit(fmt.Sprintf("query: unexpected argument %q; name one saved query or script file (see kg query --help)", c.Args().Get(1)), 2)
	case c.IsSet("e") && c.NArg() > 0:
		return cli.Exit("query: give either -e SCRIPT or a query name, not both", 2)
	case c.IsSet("e"):
		script = queries.Script{Name: "-e", Source: c.String("e")}
	case c.NArg() == 1:
		s, err := queries.Resolve(c.Args().First())
		if err != nil {
			return cli.Exit("query: "+err.Error(), 2)
		}
		script = s
	default:
		return cli.Exit("query: name one saved query or script file, or pass -e SCRIPT (kg query --list shows the saved ones)", 2)
	}
	args := map[string]string{}
	for _, kv := range c.StringSlice("arg") {
		k, v, err := queries.ParseArg(kv)
		if err != nil {
			return cli.Exit("query: "+err.Error(), 2)
		}
		args[k] = v
	}
	if err := script.CheckArgs(args); err != nil {
		return cli.Exit("query: "+err.Error(), 2)
	}
	format := c.String("format")
	if format != formatTable && format != formatJSON && format != formatCSV {
		return cli.Exit(fmt.Sprintf("query: unknown --format %q (choose table, json or csv)", format), 2)
	}
	// A table on a terminal shows one screenful unless --limit says
	// otherwise; any other output gets every result unless --limit says
	// otherwise.
	page := format == formatTable && !c.IsSet("limit") && writerIsTerminal(c.App.Writer)
	limit := c.Int("limit")
	switch {
	case page:
		limit = screenRows(c.App.Writer)
	case !c.IsSet("limit") || limit == 0:
		limit = -1
	}
	timeout := c.Duration("timeout")
	switch {
	case timeout == 0:
		timeout = -1 // no limit, as in the REPL
	case script.Saved && !c.IsSet("timeout"):
		// A saved query always ends, and a whole list of a large store
		// (every meeting, everyone) takes longer than a runaway script
		// may: the time limit is for scripts of one's own.
		timeout = -1
	}
	opening := time.Now()
	store, client, closeStore, err := readStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer closeStore()
	var runner queryStore
	var finder personFinder
	if client != nil {
		runner, finder = client, client
	} else {
		runner, finder = store, damageAware{store.Facts(), store}
	}
	opened := time.Since(opening)
	var people []namedPerson
	for k, v := range script.NameArgs(args) {
		people = append(people, namedPerson{flag: "--arg " + k + "=" + v, name: v})
	}
	if err := checkPeople(c.Context, finder, "query", people); err != nil {
		return err
	}

	out, err := newResultWriter(c.App.Writer, format, outputOptions{page: page, evidence: c.Bool("evidence"),
		marker: marker{terminal: writerIsTerminal(c.App.Writer)}})
	if err != nil {
		return cli.Exit("query: "+err.Error(), 2)
	}
	stoppedAt := 0
	querying := time.Now()
	name := script.Name + ".js"
	if c.IsSet("e") {
		name = "script"
	}
	err = runner.Query(c.Context, script.Source, graph.QueryOptions{
		Limit: limit, Timeout: timeout, Args: queries.Args(args),
		Name: name, Library: queries.Prelude(),
		OnLimit: func(n int) { stoppedAt = n },
	}, out.add)
	ran := time.Since(querying)
	shown, cerr := out.close()
	if err != nil {
		return cli.Exit("query: "+err.Error(), 1)
	}
	if cerr != nil {
		return cli.Exit("query: write results: "+cerr.Error(), 1)
	}
	if c.Bool("time") {
		fmt.Fprintf(c.App.ErrWriter, "kg: %d results; store opened in %s, query ran in %s\n",
			shown, opened.Round(100*time.Microsecond), ran.Round(100*time.Microsecond))
	}
	if b, ok := out.(*blocks); ok {
		if unseen := b.unseenFields(); len(unseen) > 0 {
			fmt.Fprintf(c.App.ErrWriter, "kg: some results also have %s, not shown in this %s (the first results set its columns); --format json shows every field\n",
				strings.Join(unseen, ", "), format)
		}
	}
	switch {
	case stoppedAt > 0 && page:
		fmt.Fprintf(c.App.ErrWriter, "kg: the first %d results; there are more: --limit N shows N, --limit 0 all of them, --format json or csv everything\n", stoppedAt)
	case stoppedAt > 0 && client != nil && (limit <= 0 || stoppedAt < limit):
		fmt.Fprintf(c.App.ErrWriter, "kg: query stopped after %d results, the most %s returns (kg serve --limit); there may be more\n", stoppedAt, client.Describe())
	case stoppedAt > 0:
		fmt.Fprintf(c.App.ErrWriter, "kg: query stopped after %d results (--limit); there may be more\n", stoppedAt)
	}
	return nil
}

// screenRows is how many results fit on the terminal w with the header and
// the closing lines: its height less four, and at least ten.
func screenRows(w any) int {
	rows := 24
	if f, ok := w.(*os.File); ok {
		if _, h, err := term.GetSize(int(f.Fd())); err == nil && h > 0 {
			rows = h
		}
	}
	return max(rows-4, 10)
}
