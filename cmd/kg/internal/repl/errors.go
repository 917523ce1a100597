package repl

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/kg-project/kg/graph"
)

var (
	// syntaxErrorRE matches a syntax error raised by eval, such as
	// "SyntaxError: SyntaxError: <eval>: Line 1:5 Unexpected token . (and 1 more errors) at <eval>:1:2604(35)",
	// or by the compiler, such as "SyntaxError: (anonymous): Line 1:5 Unexpected token .".
	syntaxErrorRE = regexp.MustCompile(`^(?:SyntaxError: )+(?:<eval>|\(anonymous\)|[^:]*): Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors?\))?(?: at \S.*)?$`)
	// runtimeErrorRE matches an exception with its position, such as
	// "TypeError: Object has no member 'Foo' at <eval>:1:10(6)" or
	// "TypeError: ... at f (<eval>:2:3(7))".
	runtimeErrorRE = regexp.MustCompile(`(?s)^(.*) at (?:([\w$.]+) \()?<eval>:(\d+):(\d+)\(\d+\)\)?$`)
	// nativeFrameRE matches the position suffix of an exception raised in
	// a built-in function, such as " at apply (native)".
	nativeFrameRE = regexp.MustCompile(`(?s)^(.*) at (?:[\w$.]+ \()?native\)?$`)
	// placedErrorRE matches a graph.ScriptError as text, as a served store
	// sends it: "entry:1:8: ReferenceError: require is not defined".
	placedErrorRE = regexp.MustCompile(`(?s)^[^\s:]+( \(definitions\))?:(\d+):(\d+): (.*)$`)
	// errorKindRE matches the JavaScript error class in front of a message.
	errorKindRE = regexp.MustCompile(`^(?:[A-Z][A-Za-z]*Error|Error): `)
)

// describeError turns an error from running src into one readable line:
// "syntax error at line 2, column 5: Unexpected token ." or "error at line
// 1, column 10: Object has no member 'Foo'". Positions are those of src;
// a position outside src (in kg's helpers) is left out.
func describeError(err error, src string) string {
	switch {
	case errors.Is(err, context.Canceled):
		return "query cancelled"
	case errors.Is(err, graph.ErrQueryTimeout), errors.Is(err, graph.ErrQueryMemory):
		return err.Error()
	}
	var se *graph.ScriptError
	if errors.As(err, &se) {
		return describeScriptError(se, src)
	}
	// The innermost error is Gizmo's own, without kg's wrapping.
	for u := errors.Unwrap(err); u != nil; u = errors.Unwrap(u) {
		err = u
	}
	msg := strings.TrimSpace(err.Error())
	if m := placedErrorRE.FindStringSubmatch(msg); m != nil {
		return describeScriptError(&graph.ScriptError{
			Line: atoi(m[2]), Column: atoi(m[3]), Message: m[4],
			Syntax: strings.HasPrefix(m[4], "SyntaxError: "), Definitions: m[1] != "",
		}, src)
	}
	if m := syntaxErrorRE.FindStringSubmatch(msg); m != nil {
		line, col := atoi(m[1]), atoi(m[2])
		if inSource(src, line, col) {
			return fmt.Sprintf("syntax error at line %d, column %d: %s", line, col, m[3])
		}
		return "syntax error: " + m[3]
	}
	if m := runtimeErrorRE.FindStringSubmatch(msg); m != nil {
		text := errorKindRE.ReplaceAllString(m[1], "")
		line, col := atoi(m[3]), atoi(m[4])
		if inSource(src, line, col) {
			return fmt.Sprintf("error at line %d, column %d: %s", line, col, text)
		}
		if fn := m[2]; fn != "" {
			return fmt.Sprintf("error in %s: %s", fn, text)
		}
		return "error: " + text
	}
	if m := nativeFrameRE.FindStringSubmatch(msg); m != nil {
		msg = m[1]
	}
	return "error: " + errorKindRE.ReplaceAllString(msg, "")
}

// inDefinitions reports whether err is an error in the replayed
// definitions of earlier entries, from the store or from a served store.
func inDefinitions(err error) bool {
	var se *graph.ScriptError
	if errors.As(err, &se) {
		return se.Definitions
	}
	if err == nil {
		return false
	}
	m := placedErrorRE.FindStringSubmatch(strings.TrimSpace(err.Error()))
	return m != nil && m[1] != ""
}

// describeScriptError says where in src a script error is, as
// describeError does; kg query reports the same positions.
func describeScriptError(se *graph.ScriptError, src string) string {
	kind := "error"
	if se.Syntax {
		kind = "syntax error"
	}
	text := errorKindRE.ReplaceAllString(se.Message, "")
	if se.Line > 0 && !se.Definitions && inSource(src, se.Line, se.Column) {
		return fmt.Sprintf("%s at line %d, column %d: %s", kind, se.Line, se.Column, text)
	}
	return kind + ": " + text
}

// inSource reports whether line and column (both from 1) fall inside src,
// or just past the end of one of its lines.
func inSource(src string, line, col int) bool {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) || col < 1 {
		return false
	}
	return col <= len([]rune(lines[line-1]))+1
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
