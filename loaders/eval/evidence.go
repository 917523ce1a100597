package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceNaming returns the first sentence of text that names one of the
// forms (whole words, case and accents ignored), or "" when none does. It
// stands in for the evidence of gold facts that carry none.
func sentenceNaming(text string, forms []string) string {
	if text == "" {
		return ""
	}
	var wanted []string
	for _, f := range forms {
		if w := plainWords(f); w != "" {
			wanted = append(wanted, " "+w+" ")
		}
	}
	for _, s := range sentences(text) {
		padded := " " + plainWords(s) + " "
		for _, w := range wanted {
			if strings.Contains(padded, w) {
				return s
			}
		}
	}
	return ""
}

// plainWords is text folded, with everything but letters and digits as
// single spaces: "Onyeama's al-Sisi" reads "onyeama s al sisi".
func plainWords(s string) string {
	return strings.Join(strings.FieldsFunc(fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// sentences splits text at line breaks and after ".", "!" or "?" (and any
// closing quotes) followed by a space and a capital letter, digit or
// opening quote.
func sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		start := 0
		for i, r := range line {
			if r != ' ' || i == 0 || i+1 >= len(line) {
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line[:i], `"'’”)`))
			next, _ := utf8.DecodeRuneInString(line[i+1:])
			if strings.ContainsRune(".!?", prev) && (unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'“‘`, next)) {
				if s := strings.TrimSpace(line[start:i]); s != "" {
					out = append(out, s)
				}
				start = i + 1
			}
		}
		if s := strings.TrimSpace(line[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}
