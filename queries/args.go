package queries

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

// A saved query declares its arguments in its leading comment, one line
// each:
//
//	@arg NAME KIND [required]  what it does
//
// where KIND says how the value is checked before the script runs: a
// person's name (which must match somebody in the store; the caller
// checks that, as it needs the store), a date (YYYY, YYYY-MM or
// YYYY-MM-DD) or free text.

// Argument kinds.
const (
	KindName = "name"
	KindDate = "date"
	KindText = "text"
)

// ArgSpec is one declared argument of a script.
type ArgSpec struct {
	Name     string
	Kind     string // KindName, KindDate or KindText
	Required bool
	Help     string
}

// ArgError is a wrong argument, found before the script runs.
type ArgError struct{ msg string }

func (e *ArgError) Error() string { return e.msg }

// parseArgSpecs reads the @arg lines of a leading comment; the other lines
// are returned as they are.
func parseArgSpecs(comment string) (specs []ArgSpec, rest []string, err error) {
	for _, line := range strings.Split(comment, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || fields[0] != "@arg" {
			rest = append(rest, line)
			continue
		}
		if len(fields) < 3 {
			return nil, nil, fmt.Errorf("%q: want @arg NAME KIND [required] HELP", line)
		}
		spec := ArgSpec{Name: fields[1], Kind: fields[2]}
		switch spec.Kind {
		case KindName, KindDate, KindText:
		default:
			return nil, nil, fmt.Errorf("%q: kind %q is not %s, %s or %s", line, spec.Kind, KindName, KindDate, KindText)
		}
		help := fields[3:]
		if len(help) > 0 && help[0] == "required" {
			spec.Required, help = true, help[1:]
		}
		spec.Help = strings.Join(help, " ")
		specs = append(specs, spec)
	}
	return specs, rest, nil
}

// describeArgs renders declared arguments for kg query --list.
func describeArgs(specs []ArgSpec) string {
	if len(specs) == 0 {
		return "args: none"
	}
	width := 0
	for _, a := range specs {
		width = max(width, len(a.Name))
	}
	lines := []string{"args:"}
	for _, a := range specs {
		what := map[string]string{KindName: "a name", KindDate: "a date", KindText: "text"}[a.Kind]
		if a.Required {
			what += ", required"
		}
		lines = append(lines, fmt.Sprintf("  %-*s  %s: %s", width, a.Name, what, a.Help))
	}
	return strings.Join(lines, "\n")
}

// CheckArgs checks arguments against what the script declares: each must
// be declared, dates must be dates with from not after to, and required
// ones must be there. A script that declares nothing (a file of one's own,
// a script given with -e) takes any argument. It returns an *ArgError
// saying what is wrong and what the script takes.
func (s Script) CheckArgs(args map[string]string) error {
	if !s.declared {
		return nil
	}
	known := map[string]ArgSpec{}
	var names []string
	for _, a := range s.Args {
		known[a.Name] = a
		names = append(names, a.Name)
	}
	takes := "it takes no arguments"
	if len(names) > 0 {
		takes = "it takes " + strings.Join(names, ", ")
	}
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		spec, ok := known[k]
		if !ok {
			msg := fmt.Sprintf("unknown argument %q for %s (%s)", k, s.Name, takes)
			if near := nearest(k, names); near != "" {
				msg += fmt.Sprintf("; did you mean %s?", near)
			}
			return &ArgError{msg: msg}
		}
		if spec.Kind == KindDate && args[k] != "" {
			if _, _, err := schema.ParseDate(args[k]); err != nil {
				return &ArgError{msg: fmt.Sprintf("%s: %v", ShowArg(k, args[k]), err)}
			}
		}
	}
	for _, a := range s.Args {
		if a.Required && strings.TrimSpace(args[a.Name]) == "" {
			return &ArgError{msg: fmt.Sprintf("%s needs --arg %s=%s", s.Name, a.Name, strings.ToUpper(a.Kind))}
		}
	}
	if known["from"].Kind == KindDate && known["to"].Kind == KindDate {
		rng := schema.DateRange{From: args["from"], To: args["to"]}
		if err := schema.CheckDateRange(rng, ShowArg); err != nil {
			return &ArgError{msg: err.Error()}
		}
	}
	return nil
}

// ShowArg shows an argument as kg query takes it (--arg from=2017).
func ShowArg(name, value string) string { return "--arg " + name + "=" + value }

// NameArgs returns the arguments that name people, with their values, for
// the caller to look them up in the store.
func (s Script) NameArgs(args map[string]string) map[string]string {
	out := map[string]string{}
	for _, a := range s.Args {
		if a.Kind == KindName && strings.TrimSpace(args[a.Name]) != "" {
			out[a.Name] = args[a.Name]
		}
	}
	return out
}

// nearest returns the name in names closest to s by edit distance, when
// it is close enough to be a likely typo.
func nearest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := schema.EditDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}
