package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

func init() {
	register(&cli.Command{
		Name:      "show",
		Usage:     "one meeting, office, event or person with every source: the sentences, quoted, and where they come from",
		ArgsUsage: "ID|NAME",
		Description: `Prints one fact with all its sources: for a meeting, call, office or event
(ID, as kg query shows it: meeting/5f0c2c1a9d8e, or a unique start of it)
each article that reports it, with the sentences quoted and the names of the
people picked out (bold on a terminal, **so** elsewhere), its outlet,
headline, date, URL or the file it was read from, and the rule that found
it. A retracted fact is shown marked so.

For a person (NAME, found as kg query finds names), their names, who kg
joined to them and why, their offices with the sentences behind each,
their meetings (with ids), the people they may also be (kg kept apart),
and the articles that name them.

Examples:
   kg show meeting/5f0c2c1a9d8e
   kg show "Mohammed bin Salman"
   kg show Zarif`,
		Action: runShow,
	})
}

func runShow(c *cli.Context) error {
	if c.NArg() != 1 {
		return cli.Exit("show: give one id (meeting/5f0c2c1a9d8e) or one name", 2)
	}
	arg := c.Args().First()
	store, err := openStoreToRead(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	f := store.Facts()
	m := marker{terminal: writerIsTerminal(c.App.Writer)}
	if looksLikeFact(arg) {
		node, err := f.FindFact(c.Context, arg)
		if err != nil {
			return cli.Exit("show: "+err.Error(), 1)
		}
		fact, err := f.Fact(c.Context, node)
		if err != nil {
			return cli.Exit("show: "+err.Error(), 1)
		}
		return exitOnWrite(showFact(c.Context, c.App.Writer, store, fact, m))
	}
	p, err := findOne(c.Context, f, "show", arg)
	if err != nil {
		return err
	}
	return exitOnWrite(showPerson(c.Context, c.App.Writer, store, p, m))
}

func exitOnWrite(err error) error {
	if err != nil {
		return cli.Exit("show: "+err.Error(), 1)
	}
	return nil
}

// showFact prints a fact and every report of it.
func showFact(ctx context.Context, w io.Writer, store *graph.Store, x graph.Fact, m marker) error {
	var names []string
	var ev []graph.Evidence
	var node string
	switch {
	case x.Meeting != nil:
		names, ev, node = personNames(x.Meeting.People), x.Meeting.Evidence, graph.ShortFactID(x.Meeting.Node)
	case x.Office != nil:
		names, ev, node = []string{x.Office.Holder.Name}, x.Office.Evidence, graph.ShortFactID(x.Office.Node)
	case x.Event != nil:
		names, ev, node = personNames(x.Event.People), x.Event.Evidence, graph.ShortFactID(x.Event.Node)
	}
	fmt.Fprintf(w, "%s  (%s)\n", x.Summary(), node)
	if x.Retracted() {
		fmt.Fprintf(w, "RETRACTED: left out of answers and exports (%s)\n", retractionNote(ctx, store, x))
	}
	fmt.Fprintf(w, "%s:\n", plural(len(ev), "source"))
	return writeEvidence(w, ev, names, "  ", m)
}

// retractionNote says who retracted a fact, when and why.
func retractionNote(ctx context.Context, store *graph.Store, x graph.Fact) string {
	corr, ok, err := store.Retraction(ctx, x.Nodes())
	switch {
	case err != nil:
		return err.Error()
	case !ok:
		return "kg corrections shows by whom"
	}
	s := fmt.Sprintf("by %s on %s", firstNonEmpty(corr.By, "someone"), shortTime(corr.At))
	if corr.Why != "" {
		s += ": " + corr.Why
	}
	return s + "; undo with kg retract --undo " + graph.ShortID(corr.ID)
}

// showPerson prints what kg knows of a person, with the evidence of each
// office and the list of their meetings.
func showPerson(ctx context.Context, w io.Writer, store *graph.Store, p graph.PersonRef, m marker) error {
	f := store.Facts()
	info, err := f.Person(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s  (%s)\n", p.Name, string(p.IRI))
	if len(info.Aliases) > 0 {
		fmt.Fprintf(w, "also named: %s\n", strings.Join(info.Aliases, "; "))
	}
	if info.Nationality != "" {
		fmt.Fprintf(w, "nationality: %s\n", info.Nationality)
	}
	if len(info.Joined) > 0 {
		fmt.Fprintln(w, "joined to them:")
		for _, j := range info.Joined {
			fmt.Fprintf(w, "  %s (%s): %s\n", j.Name, string(j.IRI), joinNote(ctx, store, f, j))
		}
	}
	names := append([]string{p.Name}, info.Aliases...)
	if len(info.Roles) > 0 {
		fmt.Fprintln(w, "offices:")
		for _, r := range info.Roles {
			fmt.Fprintf(w, "  %s\n", r.Role.Text())
			if err := writeEvidence(w, r.Evidence, names, "    ", m); err != nil {
				return err
			}
		}
	}
	meetings, err := f.MeetingsOf(ctx, p.IRI)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s:\n", plural(len(meetings), "meeting"))
	for _, mt := range meetings {
		var others []string
		for _, q := range mt.People {
			if q.IRI != p.IRI {
				others = append(others, q.Name)
			}
		}
		var srcs []string
		for _, e := range mt.Evidence {
			srcs = append(srcs, compactSource(e))
		}
		fmt.Fprintf(w, "  %-10s  %s %s — %s  (%s)\n", firstNonEmpty(mt.Date, "undated"), mt.Kind,
			strings.Join(others, ", "), strings.Join(srcs, "; "), graph.ShortFactID(mt.Node))
	}
	doubts, err := f.DoubtsAbout(ctx, p.IRI)
	if err != nil {
		return err
	}
	for _, d := range doubts {
		if d.Person.IRI == p.IRI {
			fmt.Fprintln(w, "may also be (kg kept them apart; kg alias joins):")
			for i, cand := range d.Candidates {
				fmt.Fprintf(w, "  %s (%s): %s\n", cand.Name, string(cand.IRI), d.Why[i])
			}
			continue
		}
		fmt.Fprintf(w, "kept apart from %q (%s), named so in %s\n", d.Person.Name, string(d.Person.IRI), plural(d.Articles, "article"))
	}
	arts, err := f.Mentions(ctx, p.IRI)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "named in %s: %s\n", plural(len(arts), "article"), strings.Join(arts, "; "))
	return err
}

// joinNote says how a person came to be joined to another.
func joinNote(ctx context.Context, store *graph.Store, f *graph.Facts, who graph.PersonRef) string {
	by, _, err := f.JoinedBy(ctx, who.IRI)
	if err != nil {
		return err.Error()
	}
	if by == schema.ResolverLabel {
		return "a shorter form of the name that only this person fits (kg split separates them)"
	}
	corr, err := store.Correction(ctx, by)
	if err != nil {
		return "joined by an older kg alias"
	}
	s := fmt.Sprintf("kg alias by %s on %s", firstNonEmpty(corr.By, "someone"), shortTime(corr.At))
	if corr.Why != "" {
		s += ": " + corr.Why
	}
	return s + "; undo with kg alias --undo " + graph.ShortID(corr.ID)
}
