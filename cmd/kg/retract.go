package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func init() {
	register(&cli.Command{
		Name:      "retract",
		Usage:     "take a wrong meeting, call, office or event out of answers and exports (undo: --undo)",
		ArgsUsage: "ID",
		Description: `Takes the meeting, call, office or event ID out of every answer and export,
for good: articles loaded later that report it again do not bring it back.
What the articles said stays in the store (kg show ID still shows it, marked
retracted), and the retraction is a correction like the others, dated and
signed (--by, --why), that kg retract --undo takes back.

ID is the id kg query and kg show give a fact (meeting/5f0c2c1a9d8e), or
any unique start of it.

Examples:
   kg query meetings --arg person=Salman        # the ID column
   kg retract meeting/5f0c2c1a9d8e --why "the article reports a phone call"
   kg retract --undo 20250102T150405Z-3fa2b1    # a correction id (kg corrections)
   kg retract --undo meeting/5f0c2c1a9d8e       # or the fact's id`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "undo", Usage: "undo a retraction: give its correction `ID`, or the fact's id"},
		}, authorFlags...),
		Action: runRetract,
	})
}

func runRetract(c *cli.Context) error {
	if c.Bool("undo") && c.NArg() == 1 && !looksLikeFact(c.Args().First()) {
		return undoCorrection(c, "retract", schema.ActionRetract)
	}
	if c.NArg() != 1 {
		return cli.Exit("retract: give the id of one meeting, office or event (kg query shows them: meeting/5f0c2c1a9d8e)", 2)
	}
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	f := store.Facts()
	node, err := f.FindFact(c.Context, c.Args().First())
	if err != nil {
		return cli.Exit("retract: "+err.Error(), 1)
	}
	fact, err := f.Fact(c.Context, node)
	if err != nil {
		return cli.Exit("retract: "+err.Error(), 1)
	}
	if c.Bool("undo") {
		return undoRetraction(c, store, fact)
	}
	if fact.Retracted() {
		return cli.Exit(fmt.Sprintf("retract: %s is retracted already (kg corrections shows by whom)", graph.ShortFactID(node)), 1)
	}
	corr, err := store.Retract(c.Context, fact.Nodes(), author(c))
	if err != nil {
		return cli.Exit("retract: "+err.Error(), 1)
	}
	fmt.Fprintf(c.App.ErrWriter, "retracted %s: %s: correction %s; undo with kg retract --undo %s\n",
		graph.ShortFactID(node), fact.Summary(), graph.ShortID(corr.ID), graph.ShortID(corr.ID))
	return nil
}

// looksLikeFact says whether an argument is a fact's id rather than a
// correction's.
func looksLikeFact(arg string) bool {
	s := strings.TrimPrefix(strings.Trim(arg, "<>"), schema.NS)
	for _, p := range []string{"meeting/", "office/", "event/"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// undoRetraction undoes the retraction that took fact out.
func undoRetraction(c *cli.Context, store *graph.Store, fact graph.Fact) error {
	corr, ok, err := store.Retraction(c.Context, fact.Nodes())
	if err != nil {
		return cli.Exit("retract --undo: "+err.Error(), 1)
	}
	if !ok {
		return cli.Exit("retract --undo: that fact is not retracted", 1)
	}
	undo, err := store.Undo(c.Context, corr.ID, author(c))
	if err != nil {
		return cli.Exit("retract --undo: "+err.Error(), 1)
	}
	fmt.Fprintf(c.App.ErrWriter, "undid retraction %s of %s: correction %s\n", graph.ShortID(corr.ID), fact.Summary(), graph.ShortID(undo.ID))
	return nil
}

func personNames(ps []graph.PersonRef) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}
