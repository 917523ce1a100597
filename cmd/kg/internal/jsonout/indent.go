// Package jsonout writes kg's results as indented JSON quickly. The
// standard library indents by running its JSON scanner over text it has
// just encoded, a state machine step per byte that costs as much as the
// encoding; AppendIndent makes the same bytes in one plain pass, relying on
// its input being compact JSON as encoding/json writes it.
package jsonout

// AppendIndent appends to dst the compact JSON src indented as
// json.Indent(dst, src, prefix, indent) would: each element of an object
// or array on a line of its own, starting with prefix and one indent per
// level of nesting, a space after each colon, empty objects and arrays
// kept as {} and []. src must be valid JSON without blank space outside
// strings (json.Marshal's and json.Encoder's output); the result is
// undefined otherwise.
func AppendIndent(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	opened := false // the last byte written opened an object or array
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if opened {
			opened = false
			if c == '}' || c == ']' {
				depth--
				dst = append(dst, c)
				continue
			}
			newline()
		}
		switch c {
		case '"':
			// Copy the string whole: its brackets, commas and colons are
			// text, and a backslash escapes the byte after it.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(src) {
				return append(dst, src[i:]...)
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			depth++
			opened = true
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
