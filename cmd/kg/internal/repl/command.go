package repl

import (
	"fmt"
	"strings"
)

// commandSpec describes one REPL command.
type commandSpec struct {
	name    string   // with the colon, as typed
	aliases []string // other spellings
	args    string   // usage of the arguments, for :help
	summary string
	minArgs int
	maxArgs int // -1: any number
}

// commandSpecs are the REPL's commands, in the order :help lists them.
var commandSpecs = []commandSpec{
	{name: ":help", aliases: []string{":h", ":?"}, summary: "show this help", maxArgs: 0},
	{name: ":load", args: "FILE.js", summary: "run a Gizmo script file", minArgs: 1, maxArgs: 1},
	{name: ":run", args: "NAME [key=value...]", summary: "run a saved query (without NAME: list them)", maxArgs: -1},
	{name: ":format", args: "table|json", summary: "show results as a table or as JSON (without argument: show the current one)", maxArgs: 1},
	{name: ":limit", args: "N", summary: "show at most N results, 0 for all (without argument: show the current one)", maxArgs: 1},
	{name: ":timeout", args: "DURATION", summary: "stop queries running longer, e.g. 10s or 2m, 0 for never", maxArgs: 1},
	{name: ":stats", summary: "count what the store holds", maxArgs: 0},
	{name: ":reset", summary: "forget the variables and functions of earlier entries", maxArgs: 0},
	{name: ":quit", aliases: []string{":q", ":exit"}, summary: "leave the REPL (Ctrl+D does too)", maxArgs: 0},
}

// Command is a parsed REPL command line such as `:run meetings person=Rouhani`.
type Command struct {
	Name string   // canonical name, such as ":run"
	Args []string // arguments, unquoted
}

// IsCommand reports whether an input line is a REPL command rather than
// Gizmo: commands start with a colon.
func IsCommand(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), ":")
}

// ParseCommand splits a command line into its canonical name and arguments
// and checks the number of arguments. Arguments may be quoted with single
// or double quotes: `:run meetings person="Hassan Rouhani"`.
func ParseCommand(line string) (Command, error) {
	fields, err := splitFields(strings.TrimSpace(line))
	if err != nil {
		return Command{}, err
	}
	if len(fields) == 0 || !strings.HasPrefix(fields[0], ":") {
		return Command{}, fmt.Errorf("not a command: %q", line)
	}
	spec, ok := lookupCommand(fields[0])
	if !ok {
		return Command{}, fmt.Errorf("unknown command %s (:help lists the commands)", fields[0])
	}
	args := fields[1:]
	if len(args) < spec.minArgs || (spec.maxArgs >= 0 && len(args) > spec.maxArgs) {
		usage := spec.name
		if spec.args != "" {
			usage += " " + spec.args
		}
		return Command{}, fmt.Errorf("usage: %s", usage)
	}
	return Command{Name: spec.name, Args: args}, nil
}

func lookupCommand(name string) (commandSpec, bool) {
	for _, c := range commandSpecs {
		if c.name == name {
			return c, true
		}
		for _, a := range c.aliases {
			if a == name {
				return c, true
			}
		}
	}
	return commandSpec{}, false
}

// splitFields splits a line at spaces, keeping quoted parts together; a
// backslash escapes the next character inside double quotes and outside
// quotes.
func splitFields(line string) ([]string, error) {
	var fields []string
	var cur strings.Builder
	inField := false
	var quote rune
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote != 0:
			switch {
			case c == quote:
				quote = 0
			case c == '\\' && quote == '"' && i+1 < len(rs):
				i++
				cur.WriteRune(rs[i])
			default:
				cur.WriteRune(c)
			}
		case c == '"' || c == '\'':
			quote = c
			inField = true
		case c == '\\' && i+1 < len(rs):
			i++
			cur.WriteRune(rs[i])
			inField = true
		case c == ' ' || c == '\t':
			if inField {
				fields = append(fields, cur.String())
				cur.Reset()
				inField = false
			}
		default:
			cur.WriteRune(c)
			inField = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, line)
	}
	if inField {
		fields = append(fields, cur.String())
	}
	return fields, nil
}
