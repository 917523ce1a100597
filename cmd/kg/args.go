package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst moves a subcommand's flags in front of its positional
// arguments, and global flags written after the subcommand in front of it.
// urfave/cli stops reading flags at the first positional argument and
// reads global flags only before the subcommand, but people write
// `kg query meetings --arg person=X`, `kg load dir/ --date 2017-01-18` and
// `kg dump --db old.db`; all must work. Everything after "--" stays
// positional.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	// Skip global flags to find the subcommand.
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" {
		if takesValue(app.Flags, args[i]) && !strings.Contains(args[i], "=") {
			i++
		}
		i++
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	global := append([]string{}, args[:i]...)
	var flags, positional []string
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			positional = append(positional, rest[j+1:]...)
			j = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			to := &flags
			isGlobal := !hasFlag(cmd.Flags, a) && hasFlag(app.Flags, a)
			if isGlobal {
				to = &global
			}
			*to = append(*to, a)
			takes := takesValue(cmd.Flags, a) || isGlobal && takesValue(app.Flags, a)
			if takes && !strings.Contains(a, "=") && j+1 < len(rest) {
				j++
				*to = append(*to, rest[j])
			}
		default:
			positional = append(positional, a)
		}
	}
	out := append(global, args[i])
	out = append(out, flags...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

// hasFlag reports whether the flag written as arg is one of flags.
func hasFlag(flags []cli.Flag, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	name, _, _ = strings.Cut(name, "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// takesValue reports whether the flag written as arg (e.g. "--arg" or "-e")
// is one of flags and expects a value.
func takesValue(flags []cli.Flag, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	name, _, _ = strings.Cut(name, "=")
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if bf, ok := f.(*cli.BoolFlag); ok && bf != nil {
				return false
			}
			return true
		}
	}
	return false
}
