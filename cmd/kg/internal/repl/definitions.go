package repl

import (
	"sort"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
)

// Every entry runs in a fresh Gizmo session, so to let variables and
// functions carry over from one entry to the next the session keeps the
// top-level var statements and function declarations of the entries that
// ran well, and runs them again, silently, before each new entry.

// definition is a top-level var statement or function declaration.
type definition struct {
	names []string // what it defines
	src   string
}

// topLevelDefinitions returns the var statements and function declarations
// at the top level of src, in source order. Source that does not parse has
// none.
func topLevelDefinitions(src string) []definition {
	prog, err := parser.ParseFile(nil, "", src, 0)
	if err != nil || prog == nil || prog.File == nil {
		return nil
	}
	base := prog.File.Base()
	// goja's start positions of var statements and functions are exact;
	// its end positions are not (an array literal's stops one short, a
	// conditional's at its test), so ends are found by scanning the source.
	type span struct {
		from   int
		isFunc bool
		names  []string
	}
	var spans []span
	for _, st := range prog.Body {
		if vs, ok := st.(*ast.VariableStatement); ok && len(vs.List) > 0 && vs.Var > 0 {
			var names []string
			for _, e := range vs.List {
				if ve, ok := e.(*ast.VariableExpression); ok {
					names = append(names, ve.Name)
				}
			}
			spans = append(spans, span{int(vs.Var) - base, false, names})
		}
	}
	for _, d := range prog.DeclarationList {
		if fd, ok := d.(*ast.FunctionDeclaration); ok && fd.Function != nil && fd.Function.Function > 0 {
			var names []string
			if fd.Function.Name != nil {
				names = []string{fd.Function.Name.Name}
			}
			spans = append(spans, span{int(fd.Function.Function) - base, true, names})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var defs []definition
	for _, sp := range spans {
		if sp.from < 0 || sp.from >= len(src) {
			continue
		}
		def := strings.TrimSpace(src[sp.from:statementEnd(src, sp.from, sp.isFunc)])
		if !sp.isFunc && !strings.HasSuffix(def, ";") {
			def += ";"
		}
		defs = append(defs, definition{names: sp.names, src: def})
	}
	return defs
}

// statementEnd returns the byte offset just past the var statement or
// function declaration starting at from: the semicolon ending a statement,
// or the line end after which it cannot go on, or the brace closing a
// function's body. Strings, comments and regular expressions are skipped.
func statementEnd(src string, from int, isFunc bool) int {
	depth := 0
	bodyOpened := false
	var last byte // last significant byte
	for i := from; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			last = c
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return len(src)
			}
			i += 2 + j + 1
		case c == '/' && regexAllowedAfter(rune(last)):
			inClass := false
			for i++; i < len(src) && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				} else if src[i] == '[' {
					inClass = true
				} else if src[i] == ']' {
					inClass = false
				} else if src[i] == '/' && !inClass {
					break
				}
			}
			last = '/'
		case c == '(' || c == '[' || c == '{':
			depth++
			if c == '{' && isFunc && depth == 1 {
				bodyOpened = true
			}
			last = c
		case c == ')' || c == ']' || c == '}':
			depth--
			last = c
			if isFunc && bodyOpened && depth == 0 {
				return i + 1
			}
		case c == ';' && depth == 0 && !isFunc:
			return i + 1
		case c == '\n' && depth == 0 && !isFunc:
			if !strings.ContainsRune("=+-*/%&|^<>!?:,.([{~", rune(last)) && !continuesLine(src[i+1:]) {
				return i
			}
		default:
			if !isSpace(rune(c)) {
				last = c
			}
		}
	}
	return len(src)
}

// continuesLine reports whether the code in rest, after blanks and
// comments, goes on with the expression of the line before it.
func continuesLine(rest string) bool {
	for {
		rest = strings.TrimLeft(rest, " \t\r\n")
		switch {
		case strings.HasPrefix(rest, "//"):
			if j := strings.IndexByte(rest, '\n'); j >= 0 {
				rest = rest[j:]
				continue
			}
			return false
		case strings.HasPrefix(rest, "/*"):
			if j := strings.Index(rest, "*/"); j >= 0 {
				rest = rest[j+2:]
				continue
			}
			return false
		}
		return rest != "" && strings.ContainsRune(".,?:+-*/%&|^<>=([", rune(rest[0]))
	}
}

// replaySource is the program run before an entry to replay defs (as
// graph.QueryOptions.Definitions): they become globals again, as they
// were.
func replaySource(defs []definition) string {
	srcs := make([]string, len(defs))
	for i, d := range defs {
		srcs[i] = d.src
	}
	return strings.Join(srcs, "\n")
}
