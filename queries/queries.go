// Package queries holds kg's saved Gizmo scripts (the *.js files beside
// this one, embedded in the binary) and prepares any script to run: it puts
// the helper library lib.js in front and derives lookup keys from name
// arguments.
package queries

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

//go:embed *.js
var files embed.FS

const libName = "lib"

// Script is a saved query.
type Script struct {
	Name        string // file name without .js
	Summary     string // the first line of its leading comment
	Description string // the leading comment, its @arg lines rendered as a list
	Source      string
	Args        []ArgSpec // the arguments its @arg lines declare
	Saved       bool      // one of the saved queries, not a file of one's own
	declared    bool      // it declares its arguments (possibly none)
}

// List returns the saved queries, by name.
func List() []Script {
	entries, _ := fs.ReadDir(files, ".")
	var out []Script
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".js")
		if name == libName {
			continue
		}
		s, err := Get(name)
		if err == nil {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names returns the names of the saved queries.
func Names() []string {
	var names []string
	for _, s := range List() {
		names = append(names, s.Name)
	}
	return names
}

// Get returns the saved query called name.
func Get(name string) (Script, error) {
	b, err := files.ReadFile(name + ".js")
	if err != nil || name == libName {
		return Script{}, fmt.Errorf("no saved query %q (saved queries: %s)", name, strings.Join(Names(), ", "))
	}
	return newScript(name, string(b), true)
}

// Resolve finds a script by saved name or, when ref names a file (it ends
// in .js or contains a path separator), reads it from disk.
func Resolve(ref string) (Script, error) {
	if strings.HasSuffix(ref, ".js") || strings.ContainsRune(ref, os.PathSeparator) {
		src, err := ReadFile(ref)
		if err != nil {
			return Script{}, err
		}
		return newScript(strings.TrimSuffix(path.Base(ref), ".js"), src, false)
	}
	return Get(ref)
}

// MaxFile is the largest script file kg reads, the largest script a
// query accepts (graph.DefaultMaxScript).
const MaxFile = 1 << 20

// ReadFile reads a script file, refusing one larger than MaxFile without
// reading more of it (a script named /dev/zero never ends).
func ReadFile(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", fmt.Errorf("read query %s: %w", name, err)
	}
	defer f.Close()
	return ReadLimited(f, name)
}

// ReadLimited reads a script from r, named name in messages, refusing one
// larger than MaxFile.
func ReadLimited(r io.Reader, name string) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFile+1))
	if err != nil {
		return "", fmt.Errorf("read query %s: %w", name, err)
	}
	if len(b) > MaxFile {
		return "", fmt.Errorf("%s: larger than %d MiB, the most a script may be", name, MaxFile>>20)
	}
	return string(b), nil
}

// newScript reads a script's leading comment. A saved query always
// declares its arguments; a file of one's own does when it has an @arg
// line, and otherwise takes any.
func newScript(name, src string, saved bool) (Script, error) {
	comment := leadingComment(src)
	specs, rest, err := parseArgSpecs(comment)
	if err != nil {
		return Script{}, fmt.Errorf("query %s: %w", name, err)
	}
	desc := strings.TrimSpace(strings.Join(rest, "\n"))
	summary, _, _ := strings.Cut(desc, "\n")
	s := Script{Name: name, Summary: strings.TrimSpace(summary), Description: desc, Source: src, Args: specs}
	s.Saved = saved
	s.declared = saved || len(specs) > 0
	if s.declared {
		s.Description += "\n" + describeArgs(specs)
	}
	return s, nil
}

// leadingComment returns the text of the block or line comments a script
// starts with.
func leadingComment(src string) string {
	s := strings.TrimSpace(src)
	var lines []string
	switch {
	case strings.HasPrefix(s, "/*"):
		body, _, _ := strings.Cut(s[2:], "*/")
		for _, l := range strings.Split(body, "\n") {
			lines = append(lines, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "*")))
		}
	default:
		for _, l := range strings.Split(s, "\n") {
			l = strings.TrimSpace(l)
			if !strings.HasPrefix(l, "//") {
				break
			}
			lines = append(lines, strings.TrimSpace(strings.TrimPrefix(l, "//")))
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// Prelude is lib.js as a single line, to be put in front of a script
// without shifting its line numbers.
func Prelude() string {
	b, err := files.ReadFile(libName + ".js")
	if err != nil {
		panic("queries: lib.js missing from the binary")
	}
	var out strings.Builder
	src := string(b)
	for {
		i := strings.Index(src, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(src[i:], "*/")
		if j < 0 {
			break
		}
		out.WriteString(src[:i])
		src = src[i+j+2:]
	}
	out.WriteString(src)
	return strings.Join(strings.Fields(out.String()), " ") + " "
}

// nameArgs are the arguments that name a person; for each, Args adds
// NAME_keys holding the lookup keys the graph indexes people by.
var nameArgs = []string{"person", "with"}

// Args completes a script's arguments: for each person-naming argument it
// adds the key the graph indexes that name under (schema.PersonKey) as
// NAME_keys, so "Rohani", "Rouhani" and "Hassan Rouhani" all find the node of
// Hassan Rouhani.
func Args(args map[string]string) map[string]string {
	out := make(map[string]string, len(args)+len(nameArgs))
	for k, v := range args {
		out[k] = v
	}
	for _, k := range nameArgs {
		if v := strings.TrimSpace(out[k]); v != "" {
			out[k+"_keys"] = schema.PersonKey(v)
		}
	}
	return out
}

// ParseArg splits a key=value argument.
func ParseArg(kv string) (string, string, error) {
	k, v, ok := strings.Cut(kv, "=")
	if !ok || strings.TrimSpace(k) == "" {
		return "", "", fmt.Errorf("argument %q is not key=value", kv)
	}
	return strings.TrimSpace(k), v, nil
}
