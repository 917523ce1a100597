package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
)

// namedPerson is a person named on the command line: how the user gave it
// (--arg person=X, --person X) and the name.
type namedPerson struct {
	flag, name string
}

// checkPeople makes sure every name given matches somebody in the store,
// so that `kg query` and `kg export` both answer a name that matches
// nobody with the same message and exit status 1, instead of an empty
// answer.
func checkPeople(ctx context.Context, finder personFinder, command string, people []namedPerson) error {
	for _, p := range people {
		found, err := finder.FindPeople(ctx, p.name)
		if err != nil {
			return cli.Exit(fmt.Sprintf("%s: %s: %v", command, p.flag, err), 1)
		}
		if len(found) == 0 {
			return cli.Exit(fmt.Sprintf("%s: %s: %v", command, p.flag, &graph.NoPersonError{Name: p.name}), 1)
		}
	}
	return nil
}

// openStoreToRead opens the store named by the global flags for a command
// that only reads it (graph.Options.Reading).
func openStoreToRead(c *cli.Context) (*graph.Store, error) {
	return openStoreWith(c, graph.Options{Reading: true})
}
