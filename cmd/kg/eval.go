package main

import (
	"encoding/json"
	"fmt"
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
a hand-made gold annotation (the format of kg extract --format json), by the
rules of corpus/README.md, exactly as its reference scorer corpus/score.py
applies them (docs/eval.md):

   people, roles         per article; names resolved to the gold people
   meeting pairs         in-person meetings as pairs of people over the whole
                         corpus, with the right date and with dates ignored
   meeting level         per article, each gold meeting matched to the
                         predicted one sharing most people: meetings found,
                         and the participants inside them
   call pairs            phone and video calls (kind call), as pairs
   date accuracy         of predicted meeting pairs, found meetings and calls

Articles are matched to the gold by id, or else by file name without
extension (plain-text files have no id of their own). Gold articles missing
from the input, and input articles the gold does not annotate, are reported
and left out of the scores.

--errors lists every miss and false hit with its article and evidence
sentence, grouped by the construction of the text that most likely caused it
(mentions, many meetings in one sentence, attendees, other predicates,
descriptions, calls, dates, what is not a meeting, other), largest group
first. Scores are information: kg eval exits 0 unless the input cannot be
read or a --min threshold is not reached.

--min KIND=VALUE fails (exit 1) when a score is below VALUE; KIND is one of:
` + thresholdHelp() + `
Examples:
   kg eval --gold testdata/seeds/gold.json testdata/seeds/articles.jsonl
   kg eval --gold testdata/seeds/gold.json --errors testdata/seeds/*.txt
   kg eval --gold gold.json --format json corpus/ | jq .meeting_level
   kg eval --gold gold.json --min meetings-dated=0.85 --min meeting-level=0.9 \
           --min calls=0.85 --min date-accuracy=0.9 corpus/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold annotation `FILE` (JSON, required)"},
			&cli.BoolFlag{Name: "errors", Usage: "list every miss and false hit with its evidence sentence, by construction"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table or json"},
			&cli.StringFlag{Name: "date", Usage: "publication date `YYYY-MM-DD` for articles that carry none"},
			&cli.StringSliceFlag{Name: "min", Usage: "exit 1 when a score is below a threshold: `KIND=VALUE` (repeatable; kinds above)"},
		},
		Action: runEval,
	})
}

// threshold is a score --min can test.
type threshold struct {
	kind, what string
	value      func(eval.Report) *float64 // nil when the score is undefined
}

// thresholds are the kinds --min accepts.
var thresholds = []threshold{
	{"people", "people F1", func(r eval.Report) *float64 { return &r.People.F1 }},
	{"roles", "roles F1", func(r eval.Report) *float64 { return &r.Roles.F1 }},
	{"meetings-dated", "meeting pairs with the right date, F1", func(r eval.Report) *float64 { return &r.MeetingPairsDated.F1 }},
	{"meetings", "meeting pairs, dates ignored, F1", func(r eval.Report) *float64 { return &r.MeetingPairs.F1 }},
	{"meeting-level", "meetings found (meeting level), F1", func(r eval.Report) *float64 { return &r.MeetingLevel.Meetings.F1 }},
	{"participants", "participants of found meetings, F1", func(r eval.Report) *float64 { return &r.MeetingLevel.Participants.F1 }},
	{"calls", "call pairs with the right date, F1", func(r eval.Report) *float64 { return &r.CallPairsDated.F1 }},
	{"calls-pairs", "call pairs, dates ignored, F1", func(r eval.Report) *float64 { return &r.CallPairs.F1 }},
	{"date-accuracy", "date accuracy of predicted meeting pairs", func(r eval.Report) *float64 { return r.DateAccuracy.Value }},
	{"meeting-level-dates", "date accuracy of found meetings", func(r eval.Report) *float64 { return r.MeetingLevel.DateAccuracy.Value }},
}

func thresholdHelp() string {
	var b strings.Builder
	for _, t := range thresholds {
		fmt.Fprintf(&b, "   %-22s%s\n", t.kind, t.what)
	}
	return b.String()
}

func thresholdKinds() string {
	kinds := make([]string, len(thresholds))
	for i, t := range thresholds {
		kinds[i] = t.kind
	}
	return strings.Join(kinds, ", ")
}

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
	texts := map[string]string{} // article text by the id scored
	seen := map[string]string{}  // gold id -> origin of the article scored for it
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
			texts[f.ID] = a.Text
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
	r := eval.Evaluate(gold, predicted, eval.WithTexts(texts))
	if len(r.MissingArticles) > 0 {
		warn("warning: %d gold articles not in the input, left out of the scores: %s", len(r.MissingArticles), strings.Join(r.MissingArticles, ", "))
	}
	if len(r.UnknownArticles) > 0 {
		warn("warning: %d input articles not in %s, left out of the scores: %s", len(r.UnknownArticles), c.String("gold"), strings.Join(r.UnknownArticles, ", "))
	}
	if !c.Bool("errors") {
		r.Groups, r.Errors = []eval.GroupCount{}, []eval.Error{}
	}
	if format == formatJSON {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else if err := eval.WriteTable(c.App.Writer, r, c.Bool("errors")); err != nil {
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

// parseThresholds reads --min KIND=VALUE values.
func parseThresholds(specs []string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, s := range specs {
		kind, v, ok := strings.Cut(s, "=")
		kind = strings.TrimSpace(kind)
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if !ok || err != nil || f < 0 || f > 1 {
			return nil, fmt.Errorf("--min %q is not KIND=VALUE with VALUE between 0 and 1", s)
		}
		known := false
		for _, t := range thresholds {
			known = known || t.kind == kind
		}
		if !known {
			return nil, fmt.Errorf("--min %q: unknown kind %q (choose %s)", s, kind, thresholdKinds())
		}
		out[kind] = f
	}
	return out, nil
}

// checkThresholds returns the thresholds not reached; an undefined score
// (a date accuracy with no dated meeting found) does not reach any.
func checkThresholds(r eval.Report, mins map[string]float64) []string {
	var failed []string
	for _, t := range thresholds {
		min, ok := mins[t.kind]
		if !ok {
			continue
		}
		switch v := t.value(r); {
		case v == nil:
			failed = append(failed, fmt.Sprintf("%s is n/a (nothing to measure it on) < %.4f", t.kind, min))
		case *v < min:
			failed = append(failed, fmt.Sprintf("%s %.4f < %.4f", t.kind, *v, min))
		}
	}
	return failed
}
