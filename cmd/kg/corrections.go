package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
)

func init() {
	register(&cli.Command{
		Name:  "corrections",
		Usage: "list the corrections made by hand (kg alias, split, retract), with who, when and why",
		Description: `Lists every correction stored in the graph, oldest first: its id, when it
was made and by whom, what it does, why, and whether it was undone (and
how to undo it if not). Corrections are kept by kg dump and kg restore, and
hold over any later load.

Examples:
   kg corrections
   kg corrections --format json`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: formatTable, Usage: "output `FORMAT`: table, json or csv"},
		},
		Action: runCorrections,
	})
}

// shortTime shows a correction's time to the second (it is stored to the
// nanosecond, which orders corrections made in one second).
func shortTime(at string) string {
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return at
	}
	return t.UTC().Format(time.RFC3339)
}

func runCorrections(c *cli.Context) error {
	format := c.String("format")
	if format != formatTable && format != formatJSON && format != formatCSV {
		return cli.Exit(fmt.Sprintf("corrections: unknown --format %q (choose table, json or csv)", format), 2)
	}
	store, err := openStoreToRead(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	all, err := store.Corrections(c.Context)
	if err != nil {
		return cli.Exit("corrections: "+err.Error(), 1)
	}
	out, err := newResultWriter(c.App.Writer, format, outputOptions{})
	if err != nil {
		return cli.Exit("corrections: "+err.Error(), 2)
	}
	f := store.Facts()
	for _, corr := range all {
		state := "in force; undo: kg " + corr.Action + " --undo " + graph.ShortID(corr.ID)
		switch {
		case corr.Action == "undo":
			state = "done"
		case corr.UndoneBy != "":
			state = "undone by " + graph.ShortID(corr.UndoneBy)
		}
		rec := map[string]any{
			"id":     graph.ShortID(corr.ID),
			"at":     shortTime(corr.At),
			"by":     corr.By,
			"action": corr.Action,
			"what":   f.DescribeCorrection(c.Context, corr),
			"why":    corr.Why,
			"state":  state,
		}
		if err := out.add(rec); err != nil {
			return cli.Exit("corrections: "+err.Error(), 1)
		}
	}
	if _, err := out.close(); err != nil {
		return cli.Exit("corrections: "+err.Error(), 1)
	}
	return nil
}
