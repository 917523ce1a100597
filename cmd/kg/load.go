package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/schema"
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

Examples:
   kg load articles.jsonl
   kg load --date 2017-01-18 --source "Mehr News" story.txt
   cat feed.xml | kg load -`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that carry none"},
			&cli.StringFlag{Name: "source", Usage: "publisher `NAME` for articles that name none"},
			&cli.IntFlag{Name: "batch", Value: 200, Usage: "articles written per transaction"},
		},
		Action: runLoad,
	})
}

// loadSummary counts what a load did.
type loadSummary struct {
	articles, duplicates, problems  int
	people, meetings, roles, events map[quad.IRI]bool
	quads                           int64
	elapsed                         time.Duration
}

func (s loadSummary) String() string {
	out := fmt.Sprintf("%d articles, %d people, %d meetings, %d roles, %d events, %d quads in %.2fs",
		s.articles, len(s.people), len(s.meetings), len(s.roles), len(s.events), s.quads, s.elapsed.Seconds())
	if s.duplicates > 0 {
		out += fmt.Sprintf("; %d already stored", s.duplicates)
	}
	if s.problems > 0 {
		out += fmt.Sprintf("; %d skipped (see messages above)", s.problems)
	}
	return out
}

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
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()

	sum, err := load(c.Context, store, c.Args().Slice(), loaders.Options{Date: date, Source: c.String("source")}, c.Int("batch"), c.App.ErrWriter)
	fmt.Fprintln(c.App.Writer, sum)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return cli.Exit("load interrupted; every article counted above is stored, run the same load again to finish", 130)
		}
		return cli.Exit(err.Error(), 1)
	}
	if sum.problems > 0 {
		return cli.Exit("", 1)
	}
	return nil
}

// load reads, extracts and writes articles, batch after batch. Each batch is
// one transaction holding only whole articles.
func load(ctx context.Context, store *graph.Store, paths []string, opt loaders.Options, batchSize int, errw io.Writer) (loadSummary, error) {
	start := time.Now()
	sum := loadSummary{people: map[quad.IRI]bool{}, meetings: map[quad.IRI]bool{}, roles: map[quad.IRI]bool{}, events: map[quad.IRI]bool{}}
	before, err := store.QuadCount(ctx)
	if err != nil {
		return sum, err
	}
	bar := newProgress(errw)
	var (
		pending      []quad.Quad
		pendingIDs   = map[string]bool{}
		pendingFacts []extract.Facts
	)
	flush := func() error {
		if len(pendingIDs) == 0 {
			return nil
		}
		if err := store.Write(ctx, pending); err != nil {
			return err
		}
		sum.articles += len(pendingIDs)
		for _, f := range pendingFacts {
			countFacts(&sum, f)
		}
		pending, pendingFacts = pending[:0], pendingFacts[:0]
		clear(pendingIDs)
		return nil
	}
	err = loaders.Walk(ctx, paths, opt, func(a loaders.Article) error {
		if bar != nil {
			bar.Add(1)
		}
		stored, err := store.HasArticle(ctx, a.ID)
		if err != nil {
			return err
		}
		if stored || pendingIDs[a.ID] {
			sum.duplicates++
			return nil
		}
		f := extract.Extract(extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
		pending = append(pending, schema.Quads(a, f)...)
		pendingIDs[a.ID] = true
		pendingFacts = append(pendingFacts, f)
		if len(pendingIDs) >= batchSize {
			return flush()
		}
		return nil
	}, func(p loaders.Problem) {
		sum.problems++
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(errw, p.Error())
	})
	if err == nil {
		err = flush()
	}
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(errw)
	}
	if after, cerr := store.QuadCount(context.Background()); cerr == nil {
		sum.quads = after - before
	}
	sum.elapsed = time.Since(start)
	return sum, err
}

func countFacts(sum *loadSummary, f extract.Facts) {
	for _, p := range f.People {
		sum.people[schema.PersonIRI(p.Name)] = true
	}
	for _, m := range f.Meetings {
		people := make([]quad.IRI, len(m.Participants))
		for i, n := range m.Participants {
			people[i] = schema.PersonIRI(n)
		}
		sum.meetings[schema.MeetingIRI(people, extract.Deref(m.Date), m.Kind)] = true
	}
	for _, r := range f.Roles {
		sum.roles[schema.OfficeIRI(schema.PersonIRI(r.Person), r.Title, r.Of, r.Current)] = true
	}
	for _, e := range f.Events {
		sum.events[schema.EventIRI(e.Head, extract.Deref(e.Date), extract.Deref(e.Place))] = true
	}
}

// newProgress returns a progress bar counting articles when w is a
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
