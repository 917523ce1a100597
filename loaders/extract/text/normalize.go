package text

import (
	"html"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// entityResidue maps the names of HTML entities that lost their "&" on the
// way to plain text ("Mikatirsquo;s", "Serail.nbsp;") to what they stood for.
var entityResidue = map[string]string{
	"rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "nbsp": " ", "amp": "&",
	"quot": "\"", "apos": "'", "mdash": "—", "ndash": "–", "hellip": "…", "#39": "'",
	"#039": "'", "#34": "\"", "#160": " ", "#8217": "’", "#8216": "‘", "#8220": "“", "#8221": "”",
}

// Normalize returns text with HTML entities decoded (also when their "&"
// was lost), UTF-8 that was read as Windows-1252 repaired ("JoÃ£o" →
// "João", "Itâ€™s" → "It’s"), non-breaking and zero-width spaces made plain, and carriage
// returns turned into newlines. Everything else is kept as it is, so
// evidence sentences quote the article faithfully.
func Normalize(s string) string {
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	if strings.Contains(s, ";") {
		s = fixEntityResidue(s)
	}
	if strings.ContainsAny(s, "ÃÂâÅÄ") {
		s = fixMojibake(s)
	}
	if strings.ContainsAny(s, "\u00a0\u200b\u200e\u200f\ufeff\r\u2028\u2029") {
		s = strings.NewReplacer(
			"\u00a0", " ", "\u200b", "", "\u200e", "", "\u200f", "", "\ufeff", "",
			"\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n",
		).Replace(s)
	}
	return s
}

// fixEntityResidue replaces "name;" where name is a known entity name that
// lost its ampersand. Only the listed names are touched, so ordinary
// semicolons are left alone.
func fixEntityResidue(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != ';' {
			continue
		}
		j := i
		for j > 0 && j > i-7 && (isASCIIAlnum(s[j-1]) || s[j-1] == '#') {
			j--
		}
		if j == i {
			continue
		}
		name := s[j:i]
		rep, ok := entityResidue[name]
		if !ok {
			// "Mikatirsquo": the entity name glued to the word before it.
			for k := j + 1; k < i && !ok; k++ {
				if rep, ok = entityResidue[s[k:i]]; ok && (len(s[k:i]) >= 4 || s[k] == '#') {
					j = k
				} else {
					ok = false
				}
			}
			if !ok {
				continue
			}
		}
		b.WriteString(s[last:j])
		b.WriteString(rep)
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// fixMojibake re-reads each run of non-ASCII characters that is UTF-8
// decoded as Windows-1252: the run is encoded back to bytes and kept only
// when those bytes are valid UTF-8 with multi-byte characters, which
// ordinary accented text never is ("é" alone is byte E9, not UTF-8).
func fixMojibake(s string) string {
	enc := charmap.Windows1252.NewEncoder()
	var b strings.Builder
	changed := false
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if r2 < utf8.RuneSelf {
				break
			}
			j += n2
		}
		run := s[i:j]
		if raw, err := enc.String(run); err == nil && utf8.ValidString(raw) && utf8.RuneCountInString(raw) < utf8.RuneCountInString(run) {
			b.WriteString(raw)
			changed = true
		} else {
			b.WriteString(run)
		}
		i = j
	}
	if !changed {
		return s
	}
	return b.String()
}
