package main

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph"
)

// An embedded store admits one writer at a time. While kg serve holds
// it, kg query, stats, export, dump, repl and load send their work to the
// server (package remote); the other commands say how to proceed.

// servedStore returns a client of the kg serve holding the embedded store
// named by the global flags, or nil when no server holds it.
func servedStore(c *cli.Context) *remote.Client {
	if graph.IsConnectionString(c.String("db")) {
		return nil // PostgreSQL takes several clients itself
	}
	switch c.String("backend") {
	case graph.BackendBolt, graph.BackendLevelDB, "":
	default:
		return nil // other backends take several clients themselves
	}
	client, _ := remote.Find(c.Context, c.String("db"))
	return client
}

// errServed says that a command cannot work through the server.
func errServed(c *cli.Context, client *remote.Client) error {
	return fmt.Errorf("open store %s: %s holds it, and this command needs the store to itself; "+
		"stop the server (Ctrl+C where it runs, or kill %d), run this again, then start kg serve again",
		storeName(c), client.Describe(), client.PID())
}

// queryStore is what kg query and kg repl need of a store: the store
// itself, or the kg serve that holds it.
type queryStore interface {
	Query(ctx context.Context, script string, opt graph.QueryOptions, fn func(result any) error) error
	Stats(ctx context.Context) (graph.Stats, error)
}

// personFinder finds the people a name stands for (graph.Facts, or the
// server).
type personFinder interface {
	FindPeople(ctx context.Context, name string) ([]graph.PersonRef, error)
}

// dumper writes the whole store as N-Quads (graph.Store, or the server).
type dumper interface {
	Dump(ctx context.Context, w io.Writer) (int64, error)
}

// readStore opens the store for a command that only reads it, or finds
// the server that holds it. close releases what was opened.
func readStore(c *cli.Context) (store *graph.Store, client *remote.Client, close func(), err error) {
	if client := servedStore(c); client != nil {
		return nil, client, func() {}, nil
	}
	store, err = openStoreToRead(c)
	if err != nil {
		return nil, nil, nil, err
	}
	return store, nil, func() { store.Close() }, nil
}
