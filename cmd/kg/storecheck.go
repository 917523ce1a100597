package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
)

func init() {
	register(&cli.Command{
		Name:  "check",
		Usage: "verify a store: read all of it, look for damage and for joins or corrections to repair",
		Description: `Reads the whole store: on LevelDB every entry of every table with its
checksum, on every backend every quad and the values it names, and compares
the quad count with the one the store keeps. It also looks for loops of
joins (kg:sameAs; kg never makes one, but a restored dump made by hand
can), for people joined to two others, and for corrections (kg alias, split,
retract) stopped half way. It says what it found and how to recover, and
exits 0 when all is well, 1 otherwise.

With --repair it finishes the corrections stopped half way, breaks the loops
(the person of the loop named by the most quads is joined to nobody; a join
made by kg alias is undone as a correction of its own) and keeps one join
of a person joined to two (one made by hand wins). Damage to
the files cannot be repaired in place: save what can be read with
kg dump --salvage, restore it into a new store, and load the articles again
(those already there are skipped).

Examples:
   kg check
   kg check --repair
   kg --db ./kg.db dump --salvage --out rescue.nq.gz`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "repair", Usage: "finish corrections stopped half way, break loops of joins, keep one join of a person joined twice"},
		},
		Action: runCheck,
	})
}

func runCheck(c *cli.Context) error {
	if c.NArg() > 0 {
		return cli.Exit("check: takes no arguments (kg check [--repair])", 2)
	}
	store, err := openStore(c)
	if err != nil {
		return cli.Exit("check: "+err.Error(), 1)
	}
	defer store.Close()
	w := c.App.Writer
	if c.Bool("repair") {
		done, err := store.Repair(c.Context)
		for _, d := range done {
			fmt.Fprintln(w, "repaired:", d)
		}
		if err != nil {
			return cli.Exit("check --repair: "+err.Error(), 1)
		}
	}
	r, err := store.Check(c.Context)
	if err != nil {
		if c.Context.Err() != nil {
			return cli.Exit("check interrupted", 130)
		}
		return cli.Exit("check: "+err.Error(), 1)
	}
	fmt.Fprintf(w, "store %s (%s)\n", storeName(c), r.Backend)
	if r.Entries > 0 {
		fmt.Fprintf(w, "  %d key-value entries read, checksums verified\n", r.Entries)
	}
	fmt.Fprintf(w, "  %d quads read; the store counts %d\n", r.Quads, r.Counted)
	for _, d := range r.Damage {
		fmt.Fprintln(w, "  damage:", d)
	}
	for _, loop := range r.Loops {
		fmt.Fprintf(w, "  loop of joins: %s (each of them is taken as themself until it is broken)\n", graph.LoopText(loop))
	}
	for _, from := range sortedKeys(r.JoinedTwice) {
		intos := r.JoinedTwice[from]
		fmt.Fprintf(w, "  %s is joined to %d people: %s (answers use the first)\n", from, len(intos), iriList(intos))
	}
	if r.Unfinished > 0 {
		fmt.Fprintf(w, "  corrections stopped half way: %d quads of their effect to add or remove\n", r.Unfinished)
	}
	switch {
	case r.Damaged():
		return cli.Exit("check: the store is damaged\n"+recoveryAdvice(c), 1)
	case r.Inconsistent():
		return cli.Exit("check: joins or corrections need repair: run kg check --repair", 1)
	}
	fmt.Fprintln(w, "  no damage, no joins or corrections to repair")
	return nil
}

// recoveryAdvice says how to save what a damaged store still holds.
func recoveryAdvice(c *cli.Context) string {
	db := storeName(c)
	return strings.Join([]string{
		"To save what can still be read:",
		"   kg --db " + db + " dump --salvage --out rescue.nq.gz   (skips what cannot be read, says how much)",
		"   kg --db NEW-STORE restore rescue.nq.gz",
		"   kg --db NEW-STORE check",
		"then load your articles again into NEW-STORE: those restored are skipped, the lost ones come back.",
	}, "\n")
}

// iriList writes nodes as A, B.
func iriList[T ~string](nodes []T) string {
	parts := make([]string, len(nodes))
	for i, n := range nodes {
		parts[i] = string(n)
	}
	return strings.Join(parts, ", ")
}

// warnSameAsLoops tells, before a load, about loops of joins: the people on
// them are each taken as themself until the loops are broken.
func warnSameAsLoops(c *cli.Context, store *graph.Store) {
	loops, err := store.SameAsLoops(c.Context)
	if err != nil || len(loops) == 0 {
		return
	}
	fmt.Fprintf(c.App.ErrWriter, "kg: warning: %d loop(s) of joins (kg:sameAs) in the store, such as %s; the people on them are each taken as themself; run kg check --repair\n",
		len(loops), graph.LoopText(loops[0]))
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[quad.IRI]V) []quad.IRI {
	out := make([]quad.IRI, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// damageAware is the person finder of a local store (its graph.Facts)
// that reports the store's damage instead of what the finder made of it (an
// empty answer, or an error that does not say the store is damaged).
type damageAware struct {
	*graph.Facts
	store *graph.Store
}

func (d damageAware) FindPeople(ctx context.Context, name string) ([]graph.PersonRef, error) {
	found, err := d.Facts.FindPeople(ctx, name)
	if damage := d.store.Damaged(); damage != nil {
		return nil, damage
	}
	return found, err
}

// FindPerson is graph.Facts's, which names the closest names and says who
// is who (onePerson).
func (d damageAware) FindPerson(ctx context.Context, name string) (graph.PersonRef, error) {
	found, err := d.Facts.FindPerson(ctx, name)
	if damage := d.store.Damaged(); damage != nil {
		return graph.PersonRef{}, damage
	}
	return found, err
}
