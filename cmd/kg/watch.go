package main

import (
	"context"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/ingest"
)

func init() {
	register(&cli.Command{
		Name:      "watch",
		Usage:     "poll news feeds and load their new items, until stopped",
		ArgsUsage: "FEED-URL...",
		Description: `Fetches each feed (RSS or Atom, or any URL kg load reads) every --every and
loads the items it has not stored yet, like kg load: an item already stored
is skipped, so running it again or beside another watch changes nothing.
The store is opened for each round only, so kg query, kg stats and the
others can use it between rounds. A feed that has not changed since the last
round (the server says so to a conditional request) is not read again.

Network errors, servers that answer slowly or wrongly, and bad items are
reported with the time and the feed, and the watch goes on; so does an item
without text (a photo gallery), which is only a warning. Each round ends
with a line on standard error saying what it loaded. Ctrl+C (or SIGTERM)
ends the watch after the article in progress, with status 130.

With --once kg watch polls once and exits, with the exit status of kg load
(0, or 1 if a feed could not be read): for cron.

Examples:
   kg watch https://www.example.com/world/rss.xml https://news.example.org/atom
   kg watch --every 5m https://www.example.com/world/rss.xml
   kg watch --once https://www.example.com/world/rss.xml   # from cron`,
		Flags: append(loadFlags(),
			&cli.DurationFlag{Name: "every", Value: ingest.DefaultWatchInterval, Usage: "time between the starts of two rounds (at least 1s)"},
			&cli.BoolFlag{Name: "once", Usage: "poll once and exit"},
		),
		Action: runWatch,
	})
}

func runWatch(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("watch: name the feeds to follow by their URLs (see kg watch --help)", 2)
	}
	for _, u := range c.Args().Slice() {
		if !loaders.IsURL(u) {
			return cli.Exit(fmt.Sprintf("watch: %q is not an http(s) URL; kg load reads files and folders", u), 2)
		}
	}
	if c.Duration("every") < time.Second {
		return cli.Exit(fmt.Sprintf("watch: --every %s is too short; give 1s or more (15m is polite)", c.Duration("every")), 2)
	}
	errw := c.App.ErrWriter
	stamp := func() string { return time.Now().UTC().Format(time.RFC3339) }
	opt, err := loadOptions(c, errw)
	if err != nil {
		return err
	}
	opt.Problem = func(p loaders.Problem) { fmt.Fprintf(errw, "%s %s\n", stamp(), p.Error()) }
	tuneLoadMemory()
	rounds := 0
	if c.Bool("once") {
		rounds = 1
	}
	var failed bool
	last := ingest.Watch(c.Context, func(ctx context.Context) (*graph.Store, error) { return createStore(c, false) }, c.Args().Slice(), ingest.WatchOptions{
		Load:   opt,
		Every:  c.Duration("every"),
		Rounds: rounds,
		Round: func(r ingest.Round) {
			failed = r.Err != nil || r.Summary.Problems > 0
			switch {
			case r.Err != nil && !r.Summary.Interrupted:
				fmt.Fprintf(errw, "%s round %d: %v\n", stamp(), r.N, r.Err)
			default:
				fmt.Fprintf(errw, "%s round %d: %s\n", stamp(), r.N, r.Summary)
			}
		},
	})
	if last.Interrupted || c.Context.Err() != nil {
		return cli.Exit(fmt.Sprintf("watch stopped after %d articles in its last round", last.Articles), 130)
	}
	if failed {
		return cli.Exit("", 1)
	}
	return nil
}
