package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/eval"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/schema"
)

func init() {
	register(&cli.Command{
		Name:      "eval",
		Usage:     "score extraction against a gold annotation",
		ArgsUsage: "PATH...",
		Description: `Extracts facts from the articles as kg extract does and scores them against
a hand-made gold annotation (the format of kg extract --format json), with
precision, recall and F1 for people, roles and meetings (pairs of people,
with and without the right date) and the accuracy of meeting dates. The
rules are in docs/eval.md.

Articles are matched to the gold by id, or else by file name without
extension (plain-text files have no id of their own). Gold articles missing
from the input, and input articles the gold does not annotate, are reported
and left out of the scores.

--errors lists every miss and false hit with its article and evidence
sentence. Scores are information: kg eval exits 0 unless the input cannot
be read or a --min threshold is not reached.

Examples:
   kg eval --gold testdata/seeds/gold.json testdata/seeds/articles.jsonl
   kg eval --gold testdata/seeds/gold.json --errors testdata/seeds/*.txt
   kg eval --gold gold.json --min meetings=0.8 --min people=0.9 corpus/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold annotation `FILE` (JSON, required)"},
			&cli.BoolFlag{Name: "errors", Usage: "list every miss and false hit with its evidence sentence"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table or json"},
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that carry none"},
			&cli.StringSliceFlag{Name: "min", Usage: "exit 1 when an F1 is below a threshold: `KIND=F1`, KIND one of " + strings.Join(thresholdKinds, ", ") + " (repeatable)"},
		},
		Action: runEval,
	})
}

// thresholdKinds are the scores --min can test.
var thresholdKinds = []string{"people", "roles", "meetings", "meetings-dated"}

func runEval(c *cli.Context) error {
	if c.String("gold") == "" {
		return cli.Exit("eval: name the gold annotation with --gold FILE (see kg eval --help)", 2)
	}
	if c.NArg() == 0 {
		return cli.Exit("eval: no articles given; name files, folders or - for standard input", 2)
	}
	format := c.String("format")
	if format != formatTable && format != formatJSON {
		return cli.Exit(fmt.Sprintf("eval: unknown --format %q (choose table or json)", format), 2)
	}
	if date := c.String("date"); date != "" {
		if _, err := time.Parse("2006-01-02", date); err != nil {
			return cli.Exit(fmt.Sprintf("eval: --date %q is not a date like 2017-01-18", date), 2)
		}
	}
	mins, err := parseThresholds(c.StringSlice("min"))
	if err != nil {
		return cli.Exit("eval: "+err.Error(), 2)
	}
	gold, err := eval.ReadGold(c.String("gold"))
	if err != nil {
		return cli.Exit("eval: "+err.Error(), 2)
	}
	goldIDs := map[string]bool{}
	for _, g := range gold {
		goldIDs[g.ID] = true
	}

	var predicted []schema.Facts
	seen := map[string]string{} // gold id -> origin of the article scored for it
	problems := 0
	warn := func(format string, args ...any) { fmt.Fprintf(c.App.ErrWriter, "kg eval: "+format+"\n", args...) }
	languages := map[string]int{}
	opt := loaders.Options{Date: c.String("date"), Skipped: func(s loaders.Skip) { languages[s.Article.Language]++ }}
	err = loaders.Walk(c.Context, c.Args().Slice(), opt,
		func(a schema.Article) error {
			f := extract.Extract(extract.Document{ID: a.ID, Text: a.Text, Published: a.Published})
			if id, ok := eval.GoldID(a, goldIDs); ok {
				if first, dup := seen[id]; dup {
					warn("%s: article %s was already read from %s; scoring the first only", a.Origin, id, first)
					return nil
				}
				seen[id] = a.Origin
				f.ID = id
			} else {
				f.ID = a.ID
			}
			predicted = append(predicted, f)
			return nil
		},
		func(p loaders.Problem) {
			if !p.Warning {
				problems++
			}
			fmt.Fprintln(c.App.ErrWriter, p.Error())
		})
	if err != nil {
		return cli.Exit("eval: "+err.Error(), 1)
	}
	if note := loaders.DescribeLanguages(languages); note != "" {
		warn("%s", note)
	}
	r := eval.Evaluate(gold, predicted)
	if len(r.MissingArticles) > 0 {
		warn("warning: %d gold articles not in the input, left out of the scores: %s", len(r.MissingArticles), strings.Join(r.MissingArticles, ", "))
	}
	if len(r.UnknownArticles) > 0 {
		warn("warning: %d input articles not in %s, left out of the scores: %s", len(r.UnknownArticles), c.String("gold"), strings.Join(r.UnknownArticles, ", "))
	}
	if !c.Bool("errors") {
		r.Errors = nil
	}
	if format == formatJSON {
		if r.Errors == nil {
			r.Errors = []eval.Error{}
		}
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else if err := writeEvalTable(c.App.Writer, r, c.Bool("errors")); err != nil {
		return err
	}
	if problems > 0 {
		return cli.Exit(fmt.Sprintf("eval: %d inputs skipped", problems), 1)
	}
	if failed := checkThresholds(r, mins); len(failed) > 0 {
		return cli.Exit("eval: below threshold: "+strings.Join(failed, "; "), 1)
	}
	return nil
}

// parseThresholds reads --min KIND=F1 values.
func parseThresholds(specs []string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, s := range specs {
		kind, v, ok := strings.Cut(s, "=")
		kind = strings.TrimSpace(kind)
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("--min %q is not KIND=F1 with F1 between 0 and 1", s)
		}
		known := false
		for _, k := range thresholdKinds {
			known = known || k == kind
		}
		if !known {
			return nil, fmt.Errorf("--min %q: unknown kind %q (choose %s)", s, kind, strings.Join(thresholdKinds, ", "))
		}
		out[kind] = f
	}
	return out, nil
}

func checkThresholds(r eval.Report, mins map[string]float64) []string {
	scores := map[string]eval.Score{"people": r.People, "roles": r.Roles, "meetings": r.MeetingPairs, "meetings-dated": r.MeetingPairsDated}
	var failed []string
	for _, kind := range thresholdKinds {
		if min, ok := mins[kind]; ok && scores[kind].F1 < min {
			failed = append(failed, fmt.Sprintf("%s F1 %.3f < %.3f", kind, scores[kind].F1, min))
		}
	}
	return failed
}

func writeEvalTable(w io.Writer, r eval.Report, withErrors bool) error {
	noun := "articles"
	if r.Articles == 1 {
		noun = "article"
	}
	fmt.Fprintf(w, "%d %s scored\n\n", r.Articles, noun)
	const row = "%-30s %6s %10s %6s %10s %7s %6s\n"
	fmt.Fprintf(w, row, "", "right", "predicted", "gold", "precision", "recall", "F1")
	for _, line := range []struct {
		name string
		s    eval.Score
	}{
		{"people", r.People},
		{"roles", r.Roles},
		{"meetings (pairs)", r.MeetingPairs},
		{"meetings (pairs, right date)", r.MeetingPairsDated},
	} {
		s := line.s
		fmt.Fprintf(w, row, line.name, strconv.Itoa(s.Right), strconv.Itoa(s.Predicted), strconv.Itoa(s.Gold),
			fmt.Sprintf("%.3f", s.Precision), fmt.Sprintf("%.3f", s.Recall), fmt.Sprintf("%.3f", s.F1))
	}
	acc := "n/a (no matched meeting has a gold date)"
	if r.DateAccuracy.Value != nil {
		acc = fmt.Sprintf("%.3f (%d of %d matched meetings with a gold date)", *r.DateAccuracy.Value, r.DateAccuracy.Right, r.DateAccuracy.Total)
	}
	fmt.Fprintf(w, "%-30s %s\n", "date accuracy", acc)
	if !withErrors {
		return nil
	}
	fmt.Fprintf(w, "\n%d errors\n", len(r.Errors))
	for _, e := range r.Errors {
		fmt.Fprintf(w, "[%s] %s in %s: %s", e.Category, e.Kind, strings.Join(e.Articles, ", "), e.Fact)
		if e.Note != "" {
			fmt.Fprintf(w, " (%s)", e.Note)
		}
		fmt.Fprintln(w)
		if e.Evidence != "" {
			fmt.Fprintf(w, "    evidence: %s\n", e.Evidence)
		}
	}
	return nil
}
