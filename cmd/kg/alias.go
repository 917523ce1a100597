package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
)

func init() {
	register(&cli.Command{
		Name:      "alias",
		Usage:     "merge two people into one, by hand",
		ArgsUsage: "NAME INTO-NAME",
		Description: `Tells kg that two person nodes are one person: everything stored about
NAME (names, offices, meetings and their sources) moves to INTO-NAME, whose
name stays the main one; NAME becomes one of its aliases. The merge is kept
in the store, so articles loaded later that name NAME also go to INTO-NAME.

Names are found as kg query finds them: the full name in any spelling kg
treats as the same, or a surname alone when only one person has it. kg
names the candidates when a name fits several people.

Spelling variants (Muallem / Moallem / Mouallem, Mekdad / Miqdad) are one
person already; kg alias is for what no spelling rule can see, such as a
kunya or nickname (Abu Mazen / Mahmoud Abbas) or a name given with and
without a middle name.

Examples:
   kg alias "Abu Mazen" "Mahmoud Abbas"
   kg alias "Javad Zarif" "Mohammad Javad Zarif"`,
		Action: runAlias,
	})
}

func runAlias(c *cli.Context) error {
	if c.NArg() != 2 {
		return cli.Exit("alias: give two names: the person to merge and the person to merge into (kg alias \"Abu Mazen\" \"Mahmoud Abbas\")", 2)
	}
	fromName, intoName := c.Args().Get(0), c.Args().Get(1)
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	from, err := findPerson(c, store, fromName)
	if err != nil {
		return err
	}
	into, err := findPerson(c, store, intoName)
	if err != nil {
		return err
	}
	if from.IRI == into.IRI {
		fmt.Fprintf(c.App.ErrWriter, "%q and %q are already one person, %s (%s); nothing to do\n", fromName, intoName, into.Name, into.IRI)
		return nil
	}
	moved, err := store.Merge(c.Context, from.IRI, into.IRI)
	if err != nil {
		return cli.Exit("alias: "+err.Error(), 1)
	}
	fmt.Fprintf(c.App.ErrWriter, "merged %s (%s) into %s (%s): %d quads moved; %q is now an alias of %s\n",
		from.Name, from.IRI, into.Name, into.IRI, moved, from.Name, into.Name)
	return nil
}

func findPerson(c *cli.Context, store *graph.Store, name string) (graph.PersonRef, error) {
	p, err := store.FindPerson(c.Context, name)
	var amb *graph.AmbiguousNameError
	switch {
	case err == nil:
		return p, nil
	case errors.Is(err, graph.ErrNoPerson):
		return p, cli.Exit(fmt.Sprintf("alias: no person called %q in the store %s", name, c.String("db")), 1)
	case errors.As(err, &amb):
		return p, cli.Exit("alias: "+amb.Error(), 1)
	default:
		return p, cli.Exit(fmt.Sprintf("alias: find %q: %v", name, err), 1)
	}
}
