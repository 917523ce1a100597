package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"
)

func init() {
	register(&cli.Command{
		Name:  "stats",
		Usage: "count what the store holds",
		Description: `Prints the number of quads, articles, people, meetings, roles (offices
held) and events in the store, and the backend in use.

Examples:
   kg stats
   kg stats --db archive.db -f json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table or json"},
		},
		Action: func(c *cli.Context) error {
			if err := noArgs(c); err != nil {
				return err
			}
			format := c.String("format")
			if format != formatTable && format != formatJSON {
				return cli.Exit(fmt.Sprintf("stats: unknown --format %q (choose table or json)", format), 2)
			}
			store, client, closeStore, err := readStore(c)
			if err != nil {
				return cli.Exit(err.Error(), 1)
			}
			defer closeStore()
			var counter queryStore = store
			if client != nil {
				counter = client
			}
			st, err := counter.Stats(c.Context)
			if err != nil {
				return cli.Exit("stats: "+err.Error(), 1)
			}
			if format == formatJSON {
				enc := json.NewEncoder(c.App.Writer)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			tw := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
			fmt.Fprintf(tw, "backend\t%s\nquads\t%d\narticles\t%d\npeople\t%d\nmeetings\t%d\nroles\t%d\nevents\t%d\n",
				st.Backend, st.Quads, st.Articles, st.People, st.Meetings, st.Roles, st.Events)
			return tw.Flush()
		},
	})
}
