package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
)

func init() {
	register(&cli.Command{
		Name:      "query",
		Usage:     "run a saved Gizmo query, a script file or an inline script on the store",
		ArgsUsage: "NAME|FILE.js",
		Description: `Runs a Gizmo script (JavaScript with Cayley's graph API) on the store.
NAME is a saved query (kg query --list shows them), FILE.js a script of your
own, and -e passes a script inline. Arguments given with --arg key=value are
the object args inside the script; every script can use the helpers of
queries/lib.js (the object kg).

Examples:
   kg query --list
   kg query meetings --arg person=Rouhani --arg from=2017-01 --arg to=2017-01
   kg query people --format json
   kg query -e 'g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").All()'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "e", Aliases: []string{"eval"}, Usage: "run this `SCRIPT` instead of a saved query or file"},
			&cli.StringSliceFlag{Name: "arg", Usage: "script argument `key=value` (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table, json or csv"},
			&cli.BoolFlag{Name: "list", Usage: "list the saved queries and their arguments"},
			&cli.IntFlag{Name: "limit", Value: graph.DefaultQueryLimit, Usage: "stop after `N` results (0: no limit)"},
			&cli.DurationFlag{Name: "timeout", Value: graph.DefaultQueryTimeout, Usage: "stop a script running longer than `DURATION`"},
			&cli.BoolFlag{Name: "time", Usage: "say on standard error how long opening the store and running the query took"},
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
	var src string
	switch {
	case c.NArg() > 1:
		return cli.Exit(fmt.Sprintf("query: unexpected argument %q; name one saved query or script file (see kg query --help)", c.Args().Get(1)), 2)
	case c.IsSet("e") && c.NArg() > 0:
		return cli.Exit("query: give either -e SCRIPT or a query name, not both", 2)
	case c.IsSet("e"):
		src = c.String("e")
	case c.NArg() == 1:
		s, err := queries.Resolve(c.Args().First())
		if err != nil {
			return cli.Exit("query: "+err.Error(), 2)
		}
		src = s.Source
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
	format := c.String("format")
	if format != formatTable && format != formatJSON && format != formatCSV {
		return cli.Exit(fmt.Sprintf("query: unknown --format %q (choose table, json or csv)", format), 2)
	}
	limit := c.Int("limit")
	if limit == 0 {
		limit = -1
	}
	opening := time.Now()
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	opened := time.Since(opening)
	var results []any
	stoppedAt := 0
	querying := time.Now()
	err = store.Query(c.Context, queries.Prelude()+src, graph.QueryOptions{
		Limit: limit, Timeout: c.Duration("timeout"), Args: queries.Args(args),
		OnLimit: func(n int) { stoppedAt = n },
	}, func(r any) error {
		results = append(results, r)
		return nil
	})
	ran := time.Since(querying)
	if err != nil {
		return cli.Exit("query: "+err.Error(), 1)
	}
	if c.Bool("time") {
		fmt.Fprintf(c.App.ErrWriter, "kg: %d results; store opened in %s, query ran in %s\n",
			len(results), opened.Round(100*time.Microsecond), ran.Round(100*time.Microsecond))
	}
	if err := writeResults(c.App.Writer, format, results); err != nil {
		return err
	}
	if stoppedAt > 0 {
		fmt.Fprintf(c.App.ErrWriter, "kg: query stopped after %d results (--limit); there may be more\n", stoppedAt)
	}
	return nil
}
