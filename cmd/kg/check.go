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

// checkPeople makes sure every name given stands for one person in the
// store, so that `kg query` and `kg export` both answer a name that fits
// nobody (with the closest names) or several people (with who they are and
// how to choose) with the same message and exit status 1, instead of an
// empty or a mixed answer.
func checkPeople(ctx context.Context, finder personFinder, command string, people []namedPerson) error {
	for _, p := range people {
		if err := onePerson(ctx, finder, p.name); err != nil {
			return cli.Exit(fmt.Sprintf("%s: %s: %v", command, p.flag, err), 1)
		}
	}
	return nil
}

// openStoreToRead opens the store named by the global flags for a command
// that only reads it (graph.Options.Reading).
func openStoreToRead(c *cli.Context) (*graph.Store, error) {
	return openStoreWith(c, graph.Options{Reading: true})
}

// onePerson checks that name stands for one person: with graph.Facts's
// FindPerson when the finder has it (which names the closest names and
// says who is who), else from the people FindPeople gives (the server).
func onePerson(ctx context.Context, finder personFinder, name string) error {
	if f, ok := finder.(interface {
		FindPerson(context.Context, string) (graph.PersonRef, error)
	}); ok {
		_, err := f.FindPerson(ctx, name)
		return err
	}
	found, err := finder.FindPeople(ctx, name)
	switch {
	case err != nil:
		return err
	case len(found) == 0:
		return &graph.NoPersonError{Name: name}
	case len(found) > 1:
		return &graph.AmbiguousNameError{Name: name, People: found}
	}
	return nil
}
