package repl

// Incomplete reports whether src, the lines typed so far, needs more input
// before it can run: a bracket, brace or parenthesis is still open, a string,
// template or block comment is not closed, or the last token is a dot or a
// comma that must be followed by something. Extra closing brackets do not
// make input incomplete: Gizmo reports them as a syntax error.
func Incomplete(src string) bool {
	s := scan(src)
	return s.depth > 0 || s.inString != 0 || s.inBlockComment || s.trailing == '.' || s.trailing == ','
}

// scanState is what a left-to-right pass over JavaScript source knows at
// its end.
type scanState struct {
	depth          int  // open ( [ { not yet closed
	inString       rune // the quote of an open string or template, or 0
	inBlockComment bool
	trailing       rune // last significant character outside strings and comments
}

// scan walks src as JavaScript tokens closely enough to count brackets:
// it skips strings, templates, comments and regular expression literals.
func scan(src string) scanState {
	var st scanState
	rs := []rune(src)
	inLineComment := false
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case inLineComment:
			if c == '\n' {
				inLineComment = false
			}
		case st.inBlockComment:
			if c == '*' && i+1 < len(rs) && rs[i+1] == '/' {
				st.inBlockComment = false
				i++
			}
		case st.inString != 0:
			switch {
			case c == '\\':
				i++ // the escaped character, even a newline, belongs to the string
			case c == st.inString:
				st.inString = 0
				st.trailing = c
			}
		case c == '"' || c == '\'' || c == '`':
			st.inString = c
		case c == '/' && i+1 < len(rs) && rs[i+1] == '/':
			inLineComment = true
			i++
		case c == '/' && i+1 < len(rs) && rs[i+1] == '*':
			st.inBlockComment = true
			i++
		case c == '/' && regexAllowedAfter(st.trailing):
			i = skipRegex(rs, i)
			st.trailing = '/'
		default:
			switch c {
			case '(', '[', '{':
				st.depth++
			case ')', ']', '}':
				st.depth--
			}
			if !isSpace(c) {
				st.trailing = c
			}
		}
	}
	if st.depth < 0 {
		st.depth = 0
	}
	return st
}

// regexAllowedAfter says whether a slash after the significant character
// prev starts a regular expression literal rather than a division.
func regexAllowedAfter(prev rune) bool {
	switch prev {
	case 0, '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^':
		return true
	}
	return false
}

// skipRegex returns the index of the slash closing the regular expression
// literal that starts at rs[start], or the end of its line when it is not
// closed there (regular expressions cannot span lines).
func skipRegex(rs []rune, start int) int {
	inClass := false
	for i := start + 1; i < len(rs); i++ {
		switch c := rs[i]; {
		case c == '\\':
			i++
		case c == '\n':
			return i - 1
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			return i
		}
	}
	return len(rs) - 1
}

func isSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
