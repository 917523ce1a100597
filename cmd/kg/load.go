package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/ingest"
)

func init() {
	register(&cli.Command{
		Name:      "load",
		Usage:     "extract facts from articles and add them to the store",
		ArgsUsage: "PATH...",
		Description: `Reads articles from files, folders (recursively) or - (standard input),
extracts people, offices, meetings and events, and writes them to the store.
Formats are recognised by extension (.txt .json .jsonl .html .xml .rss .atom)
or, failing that, by content.

An article already in the store (same id or url, else same text) is skipped,
so loading the same files twice changes nothing. Unreadable input is reported
as path: reason (or path:line: reason) and skipped; the rest still loads and
kg exits with status 1.

Extraction runs on every core and articles are written --batch at a time,
each batch one transaction, so a load that is stopped keeps whole articles
only. Ctrl+C stops reading, finishes the batch in progress, says how far the
load got and exits with status 130; run the same load again to finish it.

Memory stays bounded whatever the input size: about 0.9 GB at most with the
default --batch (set GOMEMLIMIT, e.g. GOMEMLIMIT=2GiB, to give kg more or
less room; docs/performance.md has the figures).

Examples:
   kg load articles.jsonl
   kg load --date 2017-01-18 --source "Mehr News" story.txt
   cat feed.xml | kg load -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that carry none"},
			&cli.StringFlag{Name: "source", Usage: "publisher `NAME` for articles that name none"},
			&cli.IntFlag{Name: "batch", Value: ingest.DefaultBatchSize, Usage: "articles written per transaction"},
			&cli.IntFlag{Name: "workers", Value: 0, Usage: "extraction goroutines (0: one per core)"},
			&cli.BoolFlag{Name: "bulk", Usage: "let Cayley keep Bloom filters of the store in memory while loading (about 600 MB more; see docs/performance.md)"},
		},
		Action: runLoad,
	})
}

// loadMemoryLimit is the soft limit on the Go heap that kg load sets unless
// GOMEMLIMIT does: the garbage collector works harder as the heap nears it,
// which keeps a long load's peak memory under 1 GiB (docs/performance.md).
const loadMemoryLimit = 850 << 20

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("load: no input given; name files, folders or - for standard input (see kg load --help)", 2)
	}
	date := c.String("date")
	if date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil {
			return cli.Exit(fmt.Sprintf("load: --date %q is not a date like 2017-01-18", date), 2)
		}
	}
	if c.Int("batch") < 1 {
		return cli.Exit(fmt.Sprintf("load: --batch %d must be at least 1", c.Int("batch")), 2)
	}
	if c.Int("workers") < 0 {
		return cli.Exit(fmt.Sprintf("load: --workers %d must be 0 (one per core) or more", c.Int("workers")), 2)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(loadMemoryLimit)
	}
	store, err := createStore(c, c.Bool("bulk"))
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()

	errw := c.App.ErrWriter
	bar := newProgress(errw)
	sum, err := ingest.Load(c.Context, store, c.Args().Slice(), ingest.Options{
		Read:      loaders.Options{Date: date, Source: c.String("source")},
		BatchSize: c.Int("batch"),
		Workers:   c.Int("workers"),
		Problem: func(p loaders.Problem) {
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintln(errw, p.Error())
		},
		Progress: func(int) {
			if bar != nil {
				bar.Add(1)
			}
		},
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(errw)
	}
	fmt.Fprintln(errw, sum)
	if sum.Interrupted {
		return cli.Exit(ingest.InterruptedMessage(sum), 130)
	}
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if sum.Problems > 0 {
		return cli.Exit("", 1)
	}
	return nil
}

// newProgress returns a progress bar counting articles read when w is a
// terminal, and nil otherwise so pipes and logs stay clean.
func newProgress(w io.Writer) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}
