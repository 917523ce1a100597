package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Flags every correction takes: who makes it and why (stored with it).
var authorFlags = []cli.Flag{
	&cli.StringFlag{Name: "why", Usage: "why you make this correction (`TEXT`, kept with it; kg corrections shows it)"},
	&cli.StringFlag{Name: "by", EnvVars: []string{"KG_USER"}, Usage: "who makes it (`NAME`; default: your login name)"},
}

func init() {
	register(&cli.Command{
		Name:      "alias",
		Usage:     "join two people into one, by hand (undo: kg alias --undo)",
		ArgsUsage: "NAME INTO-NAME",
		Description: `Tells kg that two people are one: in every answer and export, NAME's
meetings, offices, names and articles become INTO-NAME's, and NAME one of
INTO-NAME's other names. Nothing the articles said is changed: the join is
one statement in the store, dated and signed (--by, --why), that kg alias
--undo takes back exactly. It holds for articles loaded later too.

kg shows who will be joined (offices, meetings, articles of each) and asks
before joining; --yes joins without asking, as it must when kg is not run
from a terminal.

Names are found as kg query finds them: the whole name in any spelling kg
treats as the same, the family name alone, or some words of the name; kg
names the candidates when a name fits several people (give the id in
brackets then). Spelling variants (Muallem / Moallem, Mekdad / Miqdad) and
short forms that only one person fits (Zarif, Javad Zarif) are joined
already; kg alias is for what no rule can see: a kunya or nickname (Abu
Mazen / Mahmoud Abbas), a short form several people fit.

Examples:
   kg alias "Abu Mazen" "Mahmoud Abbas" --why "kunya of Mahmoud Abbas (Reuters profile)"
   kg alias --yes "Javad Zarif" "Mohammad Javad Zarif"
   kg alias --undo                      # the last alias
   kg alias --undo 20250102T150405Z-3fa2b1
   kg corrections                       # every correction, and how to undo it`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "yes", Aliases: []string{"y"}, Usage: "join without asking"},
			&cli.BoolFlag{Name: "undo", Usage: "undo an alias: the last one, or the one whose correction `ID` is given"},
		}, authorFlags...),
		Action: runAlias,
	})
	register(&cli.Command{
		Name:      "split",
		Usage:     "separate a person from the one kg (or kg alias) joined them to",
		ArgsUsage: "NAME",
		Description: `Undoes the join of NAME to the person it is part of, whether kg joined a
short form of a name (Zarif) to a fuller one (Mohammad Javad Zarif) or kg
alias did, and keeps the two apart: kg will not join them again on its own.
NAME is the name that was joined ("Salman", not the person it was joined
to); kg show PERSON lists who is joined to a person. The split is a
correction like the others: kg split --undo ID joins them again.

Examples:
   kg split "Salman" --why "King Salman, not his son"
   kg split --undo 20250102T150405Z-3fa2b1`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "undo", Usage: "undo a split (give its correction `ID`)"},
		}, authorFlags...),
		Action: runSplit,
	})
}

// author is who makes a correction, and why, from the flags.
func author(c *cli.Context) graph.Author {
	by := strings.TrimSpace(c.String("by"))
	if by == "" {
		if u, err := user.Current(); err == nil {
			by = u.Username
		}
	}
	return graph.Author{By: by, Why: c.String("why")}
}

func runAlias(c *cli.Context) error {
	if c.Bool("undo") {
		return undoCorrection(c, "alias", schema.ActionAlias)
	}
	if c.NArg() != 2 {
		return cli.Exit("alias: give two names: the person to join and the person to join them to (kg alias \"Abu Mazen\" \"Mahmoud Abbas\")", 2)
	}
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	if err := store.EnsureIdentity(c.Context); err != nil {
		return cli.Exit("alias: "+err.Error(), 1)
	}
	f := store.Facts()
	from, err := findOne(c.Context, f, "alias", c.Args().Get(0))
	if err != nil {
		return err
	}
	into, err := findOne(c.Context, f, "alias", c.Args().Get(1))
	if err != nil {
		return err
	}
	if from.IRI == into.IRI {
		fmt.Fprintf(c.App.ErrWriter, "%q and %q are already one person: %s (%s); nothing to do\n", c.Args().Get(0), c.Args().Get(1), into.Name, string(into.IRI))
		return nil
	}
	var preview strings.Builder
	fmt.Fprintf(&preview, "join:  %s\n", describeForJoin(c.Context, f, from))
	fmt.Fprintf(&preview, "into:  %s\n", describeForJoin(c.Context, f, into))
	fmt.Fprintf(&preview, "In every answer and export, %s's meetings, offices, names and articles become %s's.\n", from.Name, into.Name)
	if err := confirm(c, "alias", preview.String(), "Join them?"); err != nil {
		return err
	}
	corr, err := store.Alias(c.Context, from.IRI, into.IRI, author(c))
	if err != nil {
		return cli.Exit("alias: "+err.Error(), 1)
	}
	fmt.Fprintf(c.App.ErrWriter, "joined %s (%s) to %s (%s): correction %s; undo with kg alias --undo %s\n",
		from.Name, string(from.IRI), into.Name, string(into.IRI), graph.ShortID(corr.ID), graph.ShortID(corr.ID))
	return nil
}

// findOne finds the one person a name stands for, or exits with the
// closest names or the candidates.
func findOne(ctx context.Context, f *graph.Facts, command, name string) (graph.PersonRef, error) {
	p, err := f.FindPerson(ctx, name)
	var none *graph.NoPersonError
	var amb *graph.AmbiguousNameError
	switch {
	case err == nil:
		return p, nil
	case errors.As(err, &none), errors.As(err, &amb):
		return p, cli.Exit(command+": "+err.Error(), 1)
	default:
		return p, cli.Exit(fmt.Sprintf("%s: find %q: %v", command, name, err), 1)
	}
}

// describeForJoin says who someone is before a join: name, id, offices,
// how many meetings and articles.
func describeForJoin(ctx context.Context, f *graph.Facts, p graph.PersonRef) string {
	s := fmt.Sprintf("%s (%s)", p.Name, string(p.IRI))
	var facts []string
	if info, err := f.Person(ctx, p); err == nil {
		for i, r := range info.Roles {
			if i == 2 {
				facts = append(facts, fmt.Sprintf("+%d offices", len(info.Roles)-2))
				break
			}
			facts = append(facts, r.Role.Text())
		}
		if info.Nationality != "" && len(info.Roles) == 0 {
			facts = append(facts, info.Nationality)
		}
	}
	if ms, err := f.MeetingsOf(ctx, p.IRI); err == nil {
		facts = append(facts, plural(len(ms), "meeting"))
	}
	if arts, err := f.Mentions(ctx, p.IRI); err == nil {
		facts = append(facts, "named in "+plural(len(arts), "article"))
	}
	return s + ": " + strings.Join(facts, "; ")
}

// confirm shows what a correction will do and, unless --yes, asks on the
// terminal. Without a terminal and without --yes it refuses.
func confirm(c *cli.Context, command, preview, question string) error {
	fmt.Fprint(c.App.ErrWriter, preview)
	if c.Bool("yes") {
		return nil
	}
	in, ok := c.App.Reader.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) {
		return cli.Exit(command+": not run from a terminal, so kg cannot ask: add --yes to go ahead", 2)
	}
	fmt.Fprintf(c.App.ErrWriter, "%s [y/N] ", question)
	answer, err := bufio.NewReader(io.LimitReader(in, 1024)).ReadString('\n')
	if err != nil && answer == "" {
		return cli.Exit(command+": no answer; nothing done", 1)
	}
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return nil
	}
	return cli.Exit(command+": nothing done", 1)
}

func runSplit(c *cli.Context) error {
	if c.Bool("undo") {
		return undoCorrection(c, "split", schema.ActionSplit)
	}
	if c.NArg() != 1 {
		return cli.Exit("split: give the name that was joined (kg split \"Salman\"); kg show PERSON lists who is joined to a person", 2)
	}
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	if err := store.EnsureIdentity(c.Context); err != nil {
		return cli.Exit("split: "+err.Error(), 1)
	}
	f := store.Facts()
	member, err := findJoined(c.Context, f, c.Args().First())
	if err != nil {
		return cli.Exit("split: "+err.Error(), 1)
	}
	corr, err := store.Split(c.Context, member.IRI, author(c))
	if err != nil {
		return cli.Exit("split: "+err.Error(), 1)
	}
	from, _ := store.Facts().PersonOf(c.Context, corr.Into)
	fmt.Fprintf(c.App.ErrWriter, "split %s (%s) from %s (%s); kg keeps them apart: correction %s; undo with kg split --undo %s\n",
		member.Name, string(member.IRI), from.Name, string(corr.Into), graph.ShortID(corr.ID), graph.ShortID(corr.ID))
	return nil
}

// findJoined finds the person called name that is joined to another: the
// node of that name, or the one person joined into the people the name
// stands for whose own name it is.
func findJoined(ctx context.Context, f *graph.Facts, name string) (graph.PersonRef, error) {
	if iri := strings.Trim(name, "<>"); strings.HasPrefix(iri, "kg:person/") {
		return graph.PersonRef{IRI: quad.IRI(iri), Name: name}, nil
	}
	if by, _, err := f.JoinedBy(ctx, schema.PersonIRI(name)); err != nil {
		return graph.PersonRef{}, err
	} else if by != "" {
		return graph.PersonRef{IRI: schema.PersonIRI(name), Name: name}, nil
	}
	found, err := f.Lookup(ctx, name)
	if err != nil {
		return graph.PersonRef{}, err
	}
	var members, named []graph.PersonRef
	for _, p := range found.People {
		ms, err := f.Members(ctx, p.IRI)
		if err != nil {
			return graph.PersonRef{}, err
		}
		for _, m := range ms {
			members = append(members, m)
			if schema.NameMatch(name, m.Name) >= schema.FamilyMatch {
				named = append(named, m)
			}
		}
	}
	switch {
	case len(named) == 1:
		return named[0], nil
	case len(found.People) == 0:
		return graph.PersonRef{}, &graph.NoPersonError{Name: name, Suggestions: found.Suggestions}
	case len(members) == 0:
		return graph.PersonRef{}, fmt.Errorf("%s is not joined to anyone, and nobody is joined to them", found.People[0].Name)
	}
	var list []string
	for _, m := range members {
		list = append(list, fmt.Sprintf("%q (%s)", m.Name, string(m.IRI)))
	}
	return graph.PersonRef{}, fmt.Errorf("%q is not a name joined to another; joined to %s: %s; give one of these", name, found.People[0].Name, strings.Join(list, ", "))
}

// undoCorrection undoes the correction named by the argument (or, for an
// alias, the last one), checking it is of the kind the command makes.
func undoCorrection(c *cli.Context, command, action string) error {
	if c.NArg() > 1 {
		return cli.Exit(fmt.Sprintf("%s --undo: give at most one correction id (kg corrections lists them)", command), 2)
	}
	store, err := openStore(c)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()
	var target graph.Correction
	if c.NArg() == 1 {
		if target, err = store.Correction(c.Context, quad.IRI(c.Args().First())); err != nil {
			return cli.Exit(command+" --undo: "+err.Error(), 1)
		}
	} else {
		all, err := store.Corrections(c.Context)
		if err != nil {
			return cli.Exit(command+" --undo: "+err.Error(), 1)
		}
		for i := len(all) - 1; i >= 0; i-- {
			if all[i].Action == action && all[i].UndoneBy == "" {
				target = all[i]
				break
			}
		}
		if target.ID == "" {
			return cli.Exit(fmt.Sprintf("%s --undo: no %s to undo (kg corrections lists them)", command, action), 1)
		}
	}
	if target.Action != action {
		return cli.Exit(fmt.Sprintf("%s --undo: %s is a %s, not a %s; undo it with kg %s --undo", command,
			graph.ShortID(target.ID), target.Action, action, target.Action), 2)
	}
	undo, err := store.Undo(c.Context, target.ID, author(c))
	if err != nil {
		return cli.Exit(command+" --undo: "+err.Error(), 1)
	}
	fmt.Fprintf(c.App.ErrWriter, "undid %s %s (%s): correction %s\n", action, graph.ShortID(target.ID),
		store.Facts().DescribeCorrection(c.Context, target), graph.ShortID(undo.ID))
	return nil
}
