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

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/ingest"
)

func init() {
	register(&cli.Command{
		Name:      "load",
		Usage:     "extract facts from articles and add them to the store",
		ArgsUsage: "PATH|URL...",
		Description: `Reads articles from files, folders (recursively), http(s):// URLs or -
(standard input), extracts people, offices, meetings and events, and writes
them to the store, creating it if needed. Formats: plain text, JSON and JSON
Lines (news-please and Common Crawl News records included), CSV or TSV whose
header names the text column, HTML pages, RSS and Atom feeds, and WARC web
archives (.warc, .warc.gz); recognised by extension (or a URL's Content-Type)
or, failing that, by content. Anything else (a spreadsheet, a PDF, a GDELT
events table, a kg dump) is refused with a message saying what kg expected.
docs/loaders.md has the details.

A URL is fetched once (one minute at most, 10 redirects, the per-article size
limit; kg says who it is in its User-Agent); to follow a feed, see kg watch.

Only articles in English are extracted (extraction is written for English):
the language comes from the record's language field, else is identified from
the text; the others are counted and reported as skipped.

An article already in the store is skipped, so loading the same files twice
changes nothing. The same story read from two files or formats (same id, same
URL, or the same text once blank space and a leading headline are set aside)
is stored once, with every place it was read as a kg:location. Inside a
folder, kg stores (kg.db), hidden files, images and archives, and named pipes
or devices are passed over.

Bad input is reported on standard error as path: reason (or path:line:
reason) and skipped; the rest still loads. The summary goes to standard
error too. Exit status: 0 when everything was read, even with warnings (a
feed item without text, a repaired character, articles not in English); 1
when some input could not be read or was refused; 2 for wrong usage; 130
when interrupted.

Extraction runs on every core and articles are written --batch at a time,
each batch one transaction, so a load that is stopped keeps whole articles
only. Ctrl+C stops reading, finishes the batch in progress, says how far the
load got and exits with status 130; run the same load again to finish it.

Memory stays bounded whatever the input: about 0.9 GB at most with the
default --batch, since no article larger than 8 MiB is ever held (set
GOMEMLIMIT, e.g. GOMEMLIMIT=2GiB, to give kg more or less room; kg load
also sets GOGC=300 unless GOGC is set; docs/performance.md has the
figures).

Examples:
   kg load articles.jsonl
   kg load archive/ crawl.warc.gz cc-news.jsonl.gz articles.csv
   kg load --date 2017-01-18 --source "Mehr News" story.txt
   kg load https://example.com/news/2017/01/18/story.html
   cat feed.xml | kg load -`,
		Flags: append(loadFlags(),
			&cli.BoolFlag{Name: "bulk", Usage: "let Cayley keep Bloom filters of the store in memory while loading (about 600 MB more; see docs/performance.md)"},
		),
		Action: runLoad,
	})
}

// loadMemoryLimit is the soft limit on the Go heap that kg load sets unless
// GOMEMLIMIT does: the garbage collector works harder as the heap nears it,
// which keeps a long load's peak memory under 1 GiB (docs/performance.md).
const loadMemoryLimit = 850 << 20

// loadGCPercent is the garbage collector's GOGC that kg load sets unless
// GOGC does: a load allocates much that dies young (each article's tokens
// and facts), and collecting a third as often saves 8% of its CPU; the
// memory limit above still bounds the heap (docs/performance.md).
const loadGCPercent = 300

// tuneLoadMemory sets the garbage collector for a long load: the soft
// memory limit and GOGC above, each unless its environment variable is set.
func tuneLoadMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(loadMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(loadGCPercent)
	}
}

// loadFlags are the flags kg load and kg watch share.
func loadFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that carry none"},
		&cli.StringFlag{Name: "source", Usage: "publisher `NAME` for articles that name none"},
		&cli.IntFlag{Name: "batch", Value: ingest.DefaultBatchSize, Usage: "articles written per transaction"},
		&cli.IntFlag{Name: "workers", Value: 0, Usage: "extraction goroutines (0: one per core)"},
		&cli.BoolFlag{Name: "any-language", Usage: "extract articles in every language, not only English (expect people without meetings)"},
		&cli.DurationFlag{Name: "timeout", Value: loaders.DefaultFetchTimeout, Usage: "time limit of each URL fetched, from request to last byte"},
	}
}

// loadOptions checks the shared flags and turns them into a load's
// options; problems are printed to w.
func loadOptions(c *cli.Context, w io.Writer) (ingest.Options, error) {
	name := c.Command.Name
	date := c.String("date")
	if date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil {
			return ingest.Options{}, cli.Exit(fmt.Sprintf("%s: --date %q is not a date like 2017-01-18", name, date), 2)
		}
	}
	if c.Int("batch") < 1 {
		return ingest.Options{}, cli.Exit(fmt.Sprintf("%s: --batch %d must be at least 1", name, c.Int("batch")), 2)
	}
	if c.Int("workers") < 0 {
		return ingest.Options{}, cli.Exit(fmt.Sprintf("%s: --workers %d must be 0 (one per core) or more", name, c.Int("workers")), 2)
	}
	if c.Duration("timeout") <= 0 {
		return ingest.Options{}, cli.Exit(fmt.Sprintf("%s: --timeout %s must be positive", name, c.Duration("timeout")), 2)
	}
	return ingest.Options{
		Read: loaders.Options{
			Date: date, Source: c.String("source"), AnyLanguage: c.Bool("any-language"),
			HTTP: &loaders.HTTP{Timeout: c.Duration("timeout")},
		},
		BatchSize: c.Int("batch"),
		Workers:   c.Int("workers"),
		Problem:   func(p loaders.Problem) { fmt.Fprintln(w, p.Error()) },
	}, nil
}

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("load: no input given; name files, folders, URLs or - for standard input (see kg load --help)", 2)
	}
	errw := c.App.ErrWriter
	opt, err := loadOptions(c, errw)
	if err != nil {
		return err
	}
	if client := servedStore(c); client != nil {
		return loadThrough(c, client, opt)
	}
	tuneLoadMemory()
	store, err := createStore(c, c.Bool("bulk"))
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	warnSameAsLoops(c, store)

	bar := newProgress(errw)
	opt.Problem = func(p loaders.Problem) {
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(errw, p.Error())
	}
	opt.Progress = func(int) {
		if bar != nil {
			bar.Add(1)
		}
	}
	sum, err := ingest.Load(c.Context, store, c.Args().Slice(), opt)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(errw)
	}
	return loadEnded(c, sum, err)
}

// loadEnded prints a load's summary and chooses kg load's exit status.
func loadEnded(c *cli.Context, sum ingest.Summary, err error) error {
	fmt.Fprintln(c.App.ErrWriter, sum)
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

// loadThrough has the kg serve that holds the store do the load: it reads
// the inputs (standard input is sent to it), and pages it serves show the
// new facts at once. Problems and the summary are printed as for a local
// load; Ctrl+C makes the server finish the batch in progress and stop.
func loadThrough(c *cli.Context, client *remote.Client, opt ingest.Options) error {
	errw := c.App.ErrWriter
	fmt.Fprintf(errw, "kg load: the store is served by %s; loading through it\n", client.Describe())
	var stdin io.Reader
	for _, p := range c.Args().Slice() {
		if p == "-" {
			stdin = c.App.Reader
		}
	}
	bar := newProgress(errw)
	sum, err := client.Load(c.Context, c.Args().Slice(), remote.LoadOptions{
		Date: opt.Read.Date, Source: opt.Read.Source, Batch: opt.BatchSize, Workers: opt.Workers,
		AnyLanguage: opt.Read.AnyLanguage, FetchTimeout: opt.Read.HTTP.Timeout,
	}, stdin, func(ev remote.LoadEvent) {
		switch {
		case ev.Problem != "":
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintln(errw, ev.Problem)
		case ev.Read > 0 && bar != nil:
			bar.Set(ev.Read)
		}
	})
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(errw)
	}
	return loadEnded(c, sum, err)
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
