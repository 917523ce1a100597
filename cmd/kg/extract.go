package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/cayleygraph/quad/nquads"
	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/schema"
)

func init() {
	register(&cli.Command{
		Name:      "extract",
		Usage:     "print the facts found in articles, without a store",
		ArgsUsage: "PATH...",
		Description: `Runs the same extraction as kg load and prints the result.

--format json prints {"articles": [...]} in the gold annotation format
(id, published, people, roles, meetings, events; see docs/schema.md), so the
output can be compared with hand annotations by kg eval. Every fact carries
its evidence sentence; --explain adds the rule that produced it.
--format nquads prints the quads kg load would write.

--trace writes to standard error, sentence by sentence, what each layer of
extraction found: the people mentioned and whom each mention stands for,
the contact predicates and their subject and partners, and the meetings
read so far (docs/extraction.md explains the layers). Use it to see why a
meeting was found or missed.

Examples:
   kg extract testdata/seeds/articles.jsonl
   kg extract --explain --date 2020-12-08 story.txt
   kg extract --format nquads story.html > story.nq
   kg extract --trace story.txt > /dev/null`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "json", Usage: "output `FORMAT`: json or nquads"},
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that carry none"},
			&cli.StringFlag{Name: "source", Usage: "publisher `NAME` for articles that name none"},
			&cli.BoolFlag{Name: "explain", Usage: "show which extraction rule produced each fact"},
			&cli.BoolFlag{Name: "trace", Usage: "write what each extraction layer found, sentence by sentence, to standard error"},
			&cli.BoolFlag{Name: "any-language", Usage: "extract articles in every language, not only English"},
		},
		Action: runExtract,
	})
}

func runExtract(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("extract: no input given; name files, folders or - for standard input", 2)
	}
	format := c.String("format")
	if format != "json" && format != "nquads" {
		return cli.Exit(fmt.Sprintf("extract: unknown --format %q (choose json or nquads)", format), 2)
	}
	out := bufio.NewWriter(c.App.Writer)
	defer out.Flush()
	qw := nquads.NewWriter(out)
	first := true
	if format == "json" {
		fmt.Fprint(out, "{\"articles\": [")
	}
	problems := 0
	languages := map[string]int{}
	opt := loaders.Options{Date: c.String("date"), Source: c.String("source"), AnyLanguage: c.Bool("any-language"),
		Skipped: func(s loaders.Skip) { languages[s.Article.Language]++ }}
	err := loaders.Walk(c.Context, c.Args().Slice(), opt,
		func(a schema.Article) error {
			xopt := extract.Options{}
			if c.Bool("trace") {
				out.Flush()
				fmt.Fprintf(c.App.ErrWriter, "\n== %s\n", a.Origin)
				xopt.Trace = c.App.ErrWriter
			}
			f, err := extract.ExtractContext(c.Context, extract.Document{ID: a.ID, Text: a.Text, Published: a.Published}, xopt)
			if err != nil {
				return err
			}
			for _, note := range f.Notes {
				out.Flush()
				fmt.Fprintf(c.App.ErrWriter, "%s: %s\n", a.Origin, note)
			}
			if f.Source == "" {
				f.Source = a.Source
			}
			if format == "nquads" {
				_, err := qw.WriteQuads(schema.Quads(a, f))
				return err
			}
			if !c.Bool("explain") {
				dropRules(&f)
			}
			b, err := json.MarshalIndent(f, "  ", "  ")
			if err != nil {
				return fmt.Errorf("encode %s: %w", a.Origin, err)
			}
			if !first {
				fmt.Fprint(out, ",")
			}
			first = false
			fmt.Fprint(out, "\n  ")
			_, err = out.Write(b)
			return err
		},
		func(p loaders.Problem) {
			if !p.Warning {
				problems++
			}
			out.Flush()
			fmt.Fprintln(c.App.ErrWriter, p.Error())
		})
	if format == "json" {
		fmt.Fprint(out, "\n]}\n")
	}
	out.Flush()
	if note := loaders.DescribeLanguages(languages); note != "" {
		fmt.Fprintln(c.App.ErrWriter, "kg extract: "+note)
	}
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	if problems > 0 {
		return cli.Exit(fmt.Sprintf("%s skipped (see the messages above)", plural(problems, "input")), 1)
	}
	return nil
}

// dropRules removes the rule names that only --explain shows.
func dropRules(f *schema.Facts) {
	for i := range f.People {
		f.People[i].Rule = ""
	}
	for i := range f.Roles {
		f.Roles[i].Rule = ""
	}
	for i := range f.Meetings {
		f.Meetings[i].Rule = ""
	}
	for i := range f.Events {
		f.Events[i].Rule = ""
	}
}
