package graph

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on the text of a script, checked before it is compiled.
//
// goja's parser and compiler call themselves once per level of nesting —
// a bracket, an operator of a chain (a + b + c ...), a unary operator, an
// else-if — using 0.2 to 5 KB of Go stack per level, and compiling a long
// chain of operators takes time that grows with the square of its length.
// A Go stack overflow ends the whole process whatever recovers panics, so
// the depth of a script is bounded before goja sees it. The same bounds
// apply to text given to eval, Function, JSON.parse and RegExp at run time
// (sandbox.js).
const (
	// DefaultMaxScript is the largest script, in bytes, Query accepts
	// when QueryOptions.MaxScript is zero: far more than any query needs,
	// small enough to read and check at once.
	DefaultMaxScript = 1 << 20
	// MaxNesting is the deepest a script may nest, counting brackets,
	// operators of one expression, and chained statements (else if).
	// The deepest saved query nests about 15 levels.
	MaxNesting = 2000
	// maxBrackets bounds the number of opening brackets in a script,
	// wherever they are (also in strings and comments): a check that holds
	// whatever the nesting estimate makes of unusual code, and at 2 KB of
	// stack per level, at most 100 MB.
	maxBrackets = 50000
)

// sourceProblem says why a text may not be compiled, and where: Offset is
// a byte offset into it.
type sourceProblem struct {
	Offset  int
	Message string
}

// checkSource checks the size and the nesting of JavaScript source text.
// what names it in messages ("script", "eval", "JSON text"...).
func checkSource(what, src string, maxSize int) *sourceProblem {
	if maxSize > 0 && len(src) > maxSize {
		return &sourceProblem{Offset: -1, Message: fmt.Sprintf("%s is %s; at most %s is accepted", what, byteSize(int64(len(src))), byteSize(int64(maxSize)))}
	}
	if n := strings.Count(src, "(") + strings.Count(src, "[") + strings.Count(src, "{"); n > maxBrackets {
		return &sourceProblem{Offset: -1, Message: fmt.Sprintf("%s has %d opening brackets; at most %d are accepted", what, n, maxBrackets)}
	}
	if at := nestingOverflow(src, MaxNesting); at >= 0 {
		return &sourceProblem{Offset: at, Message: fmt.Sprintf("%s nests more than %d levels deep (brackets, operators of one expression, else-if chains)", what, MaxNesting)}
	}
	return nil
}

// checkJSONText checks the nesting of a JSON text for JSON.parse, whose
// parser calls itself once per level.
func checkJSONText(text string) *sourceProblem {
	depth := 0
	inString := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > MaxNesting {
				return &sourceProblem{Offset: i, Message: fmt.Sprintf("JSON text nests more than %d levels deep", MaxNesting)}
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// checkPattern checks the group nesting of a regular expression, which the
// regular expression parsers follow recursively.
func checkPattern(pattern string) *sourceProblem {
	depth := 0
	inClass := false
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '\\':
			i++
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c == '(':
			depth++
			if depth > MaxNesting {
				return &sourceProblem{Offset: i, Message: fmt.Sprintf("regular expression nests more than %d groups deep", MaxNesting)}
			}
		case c == ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// byteSize writes a size for people: 512 B, 4.0 KiB, 1.0 MiB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// position turns a byte offset of src into a line and a column (in
// characters), both counted from 1.
func position(src string, offset int) (line, col int) {
	if offset < 0 || offset > len(src) {
		return 0, 0
	}
	before := src[:offset]
	line = strings.Count(before, "\n") + 1
	col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// A nesting scan reads JavaScript as goja's parser would, token by token,
// and keeps an estimate of how deep the parser and compiler will recurse:
// one level per open bracket, plus, at each bracket level, one per
// operator of the expression being read and per chained statement
// keyword (if, else, for, while...), plus one per call or index applied
// to a value (f()()()...). The count of a level starts again after a
// comma or a semicolon, at a new statement, and when its bracket closes.
//
// The one ambiguity of JavaScript's tokens — whether a slash starts a
// regular expression or divides — is settled as the parser settles it: a
// slash where an operand is expected starts a regular expression.

// tokenEnd says what the last token leaves the parser expecting.
type tokenEnd int

const (
	expectOperand   tokenEnd = iota // after an operator, "(", "return"...: a slash starts a regular expression
	afterOperand                    // after a name, a literal, ")" of a call...: a slash divides
	expectStatement                 // at the start of a statement: an operand is expected too
)

// nestFrame is one open bracket.
type nestFrame struct {
	close byte     // the bracket that closes it
	chain int      // operators and chained keywords of the current expression at this level
	after tokenEnd // what its closing bracket leaves the parser expecting
	call  bool     // a call or index applied to a value: closing it lengthens the outer chain
	// params is set on the parentheses of a function's parameters; body
	// then says what the function's body, the braces that follow, ends as.
	params bool
	body   tokenEnd
	// reset, when set, ends this level's expression at the next token,
	// unless that token continues it (else after a statement).
	reset bool
}

// statementKeywords nest the statement that follows them.
var statementKeywords = map[string]bool{"if": true, "else": true, "for": true, "while": true, "do": true, "with": true, "switch": true, "try": true, "finally": true}

// operatorKeywords are operators written as words.
var operatorKeywords = map[string]bool{"typeof": true, "void": true, "delete": true, "new": true, "in": true, "instanceof": true}

// operandKeywords leave the parser expecting an operand.
var operandKeywords = map[string]bool{"return": true, "throw": true, "case": true, "var": true, "let": true, "const": true, "yield": true, "await": true}

// valueKeywords are operands themselves.
var valueKeywords = map[string]bool{"this": true, "null": true, "true": true, "false": true, "super": true}

// headKeywords are followed by a parenthesised head, after which a
// statement starts.
var headKeywords = map[string]bool{"if": true, "for": true, "while": true, "with": true, "switch": true, "catch": true}

// punctuators are JavaScript's operators, longest first.
var punctuators = []string{
	">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>",
	"&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "++", "--", "<<", ">>", "=>", "**",
}

// nestingOverflow returns the byte offset at which src nests deeper than
// limit, or -1 when it never does.
func nestingOverflow(src string, limit int) int {
	at, _ := scanNesting(src, limit)
	return at
}

// scanNesting reads src until its nesting estimate exceeds limit and
// returns where it did (-1 when it never did) and the deepest estimate
// seen.
func scanNesting(src string, limit int) (at, deepest int) {
	stack := []nestFrame{{after: expectStatement}}
	total := 0 // the chains of the open frames, added up
	end := expectStatement
	newline := false  // a line break since the last token
	head := false     // the last token was a keyword followed by a parenthesised head
	function := false // the last token was the keyword function or a function's name
	funcEnd := afterOperand
	body := false // the last token closed a function's parameters
	bodyEnd := afterOperand
	top := func() *nestFrame { return &stack[len(stack)-1] }
	over := func() bool {
		deepest = max(deepest, total+len(stack)-1)
		return deepest > limit
	}
	// grow lengthens the current level's chain.
	grow := func() {
		top().chain++
		total++
	}
	// token is called before each token. A pending statement end, or a
	// line break after an operand followed by a new operand (where
	// JavaScript inserts a semicolon), ends the expression of the current
	// level, unless the token is else, which continues an if statement.
	token := func(startsOperand, isElse bool) {
		f := top()
		if !isElse && (f.reset || newline && end == afterOperand && startsOperand) {
			total -= f.chain
			f.chain = 0
		}
		f.reset = false
		newline = false
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			newline = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			i++
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			continue
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return -1, deepest // an unterminated comment: a syntax error, nothing after it is parsed
			}
			if strings.ContainsAny(src[i+2:i+2+j], "\n\r\u2028\u2029") {
				newline = true
			}
			i += j + 4
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == '\u2028' || r == '\u2029' {
				newline = true
				i += size
				continue
			}
			if unicode.IsSpace(r) || r == '\ufeff' {
				i += size
				continue
			}
		}
		wasHead, wasFunction, wasBody := head, function, body
		head, function, body = false, false, false
		switch {
		case c == '"' || c == '\'':
			token(true, false)
			i = skipString(src, i)
			end = afterOperand
		case c == '/' && end != afterOperand:
			token(true, false)
			j, depth := skipRegExp(src, i)
			deepest = max(deepest, total+len(stack)-1+depth)
			if deepest > limit {
				return i, deepest
			}
			i = j
			end = afterOperand
		case isWordStart(src, i):
			j := skipWord(src, i)
			word := src[i:j]
			token(true, word == "else")
			end = afterOperand
			switch {
			case statementKeywords[word] || operatorKeywords[word]:
				grow()
				if over() {
					return i, deepest
				}
				end = expectOperand
				if statementKeywords[word] && !headKeywords[word] {
					end = expectStatement // else, do, try, finally
				}
				head = headKeywords[word]
			case word == "function":
				// A function at the start of a statement is a declaration:
				// a statement starts after its body; otherwise it is a value.
				funcEnd = afterOperand
				if end == expectStatement {
					funcEnd = expectStatement
				}
				function = true
				end = expectOperand
			case wasFunction:
				function = true // the function's name
			case operandKeywords[word]:
				end = expectOperand
			case headKeywords[word]:
				head = true // catch
			}
			i = j
		case c == '(' || c == '[' || c == '{':
			applied := end == afterOperand && !wasHead && !wasFunction
			token(!applied, false)
			f := nestFrame{after: afterOperand}
			switch c {
			case '(':
				f.close = ')'
				f.call = applied
				if wasHead {
					f.after = expectStatement
				}
				if wasFunction {
					f.params, f.body = true, funcEnd
				}
			case '[':
				f.close = ']'
				f.call = applied
			case '{':
				f.close = '}'
				switch {
				case wasBody:
					f.after = bodyEnd
				case end == expectStatement:
					f.after = expectStatement
				}
			}
			stack = append(stack, f)
			if over() {
				return i, deepest
			}
			end = expectOperand
			if c == '{' {
				end = expectStatement
			}
			i++
		case c == ')' || c == ']' || c == '}':
			token(false, false)
			end = afterOperand
			if len(stack) > 1 && stack[len(stack)-1].close == c {
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				total -= f.chain
				end = f.after
				if f.params {
					body, bodyEnd = true, f.body
				}
				if f.call {
					grow()
					if over() {
						return i, deepest
					}
				}
				if c == '}' && f.after == expectStatement {
					top().reset = true
				}
			}
			i++
		case c == ',':
			token(false, false)
			total -= top().chain
			top().chain = 0
			end = expectOperand
			i++
		case c == ';':
			token(false, false)
			top().reset = true // unless an else follows
			end = expectStatement
			i++
		default:
			op := src[i : i+1]
			for _, p := range punctuators {
				if strings.HasPrefix(src[i:], p) {
					op = p
					break
				}
			}
			token(false, false)
			postfix := (op == "++" || op == "--") && end == afterOperand
			grow()
			if over() {
				return i, deepest
			}
			end = expectOperand
			if postfix {
				end = afterOperand
			}
			i += len(op)
		}
	}
	return -1, deepest
}

// isWordStart reports whether a name, a keyword or a number starts at i.
func isWordStart(src string, i int) bool {
	c := src[i]
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '$', c == '\\':
		return true
	case c == '.':
		return i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9'
	case c >= utf8.RuneSelf:
		r, _ := utf8.DecodeRuneInString(src[i:])
		return r != utf8.RuneError && !unicode.IsSpace(r)
	}
	return false
}

// skipWord returns the end of the name, keyword or number starting at i.
func skipWord(src string, i int) int {
	number := src[i] >= '0' && src[i] <= '9' || src[i] == '.'
	dot := false // a number holds one decimal point at most
	for i < len(src) {
		c := src[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '$', c == '\\':
			i++
		case c == '.' && number && !dot:
			dot = true
			i++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError || unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' {
				return i
			}
			i += size
		default:
			return i
		}
	}
	return i
}

// skipString returns the end of the string literal starting at i: just
// past its closing quote, or at the line break that cuts it short.
func skipString(src string, i int) int {
	quote := src[i]
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++ // an escaped character, or a line continuation
			if i+1 < len(src) && src[i] == '\r' && src[i+1] == '\n' {
				i++
			}
		case quote:
			return i + 1
		case '\n', '\r':
			return i
		}
	}
	return i
}

// skipRegExp returns the end of the regular expression literal starting
// at i (past its flags) and how deeply its groups nest.
func skipRegExp(src string, i int) (end, depth int) {
	inClass := false
	open := 0
	for i++; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\':
			i++
		case c == '\n' || c == '\r':
			return i, depth
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c == '(':
			open++
			depth = max(depth, open)
		case c == ')':
			open = max(open-1, 0)
		case c == '/':
			if i+1 == len(src) {
				return i + 1, depth
			}
			return skipWord(src, i+1), depth
		}
	}
	return i, depth
}
