package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Stage 1: tokenisation. The text is cut once into words, numbers and
// punctuation, each with its byte offsets, so later stages never re-scan
// characters and every fact can point back at the exact text it came from.

type tokKind uint8

const (
	tokWord   tokKind = iota // letters, digits inside words, internal hyphens
	tokNumber                // 2017, 16:12, 2017-01-01, 4.0
	tokPunct                 // . , ; : ! ? ( ) [ ] dashes
	tokQuote                 // “ ” " ‘ ’ « » and a quoting '
	tokPoss                  // the possessive 's / ’s
)

type token struct {
	text       string
	lower      string
	start, end int // byte offsets into the document text
	kind       tokKind
	cap        bool // the first letter (after a name particle like al-) is upper case
	nlBefore   int  // newlines between the previous token and this one
	spaceAfter bool
	nameWord   bool // may be part of a personal name (see isNameWord)
}

// abbreviations keep their final dot as part of the word, so that the dot
// does not end a sentence ("Dr. Fakhrizadeh", "Jan. 23").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "cmdr": true, "adm": true, "sgt": true, "sen": true,
	"rep": true, "gov": true, "pres": true, "st": true, "jr": true, "sr": true, "rev": true,
	"hon": true, "messrs": true, "mt": true, "ft": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true,
	"ltd": true, "e.g": true, "i.e": true, "approx": true, "dept": true,
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '`':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‒' || r == '―'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize cuts text into tokens.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	nl := 0
	i := 0
	n := len(text)
	for i < n {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			nl++
			i += size
			continue
		}
		if unicode.IsSpace(r) || r == utf8.RuneError && size == 1 {
			if len(toks) > 0 && toks[len(toks)-1].end == i {
				toks[len(toks)-1].spaceAfter = true
			}
			i += size
			continue
		}
		start := i
		kind := tokPunct
		switch {
		case r >= '0' && r <= '9':
			kind = tokNumber
			i = scanNumber(text, i)
			// "2nd", "20th", "4G": digits glued to letters form a word.
			if i < n {
				if r2, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsLetter(r2) {
					kind = tokWord
					i = scanWord(text, i)
				}
			}
		case unicode.IsLetter(r):
			kind = tokWord
			i = scanWord(text, i)
			// Dotted abbreviations: U.S., U.N., U.S.-backed, Dr., Jan.
			i = scanAbbrevDot(text, start, i)
		case isApostrophe(r) && i+size < n && (text[i+size] == 's' || text[i+size] == 'S') &&
			len(toks) > 0 && toks[len(toks)-1].end == i && toks[len(toks)-1].kind == tokWord &&
			!nextIsLetter(text, i+size+1):
			kind = tokPoss
			i += size + 1
		case isQuoteRune(r) || r == '\'':
			kind = tokQuote
			i += size
		default:
			i += size
			// Runs of the same dash or dot stay together ("...", "--").
			for i < n {
				r2, s2 := utf8.DecodeRuneInString(text[i:])
				if r2 != r || r == '(' || r == ')' || r == '[' || r == ']' {
					break
				}
				i += s2
			}
		}
		if i <= start {
			// Never stall, whatever the input.
			i = start + size
		}
		tok := token{text: text[start:i], start: start, end: i, kind: kind, nlBefore: nl}
		tok.lower = strings.ToLower(tok.text)
		if kind == tokWord {
			tok.cap = isCapitalised(tok.text)
			if tok.cap {
				tok.nameWord = nameWordCheck(tok)
			}
		}
		toks = append(toks, tok)
		nl = 0
	}
	return toks
}

func nextIsLetter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// scanWord reads letters and digits with internal hyphens and apostrophes
// (al-Muallem, cease-fire, O'Brien) and returns the end offset.
func scanWord(text string, i int) int {
	n := len(text)
	for i < n {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if (r == '-' || r == '‐' || (r == '\'' || r == '’')) && i+size < n {
			r2, _ := utf8.DecodeRuneInString(text[i+size:])
			if !unicode.IsLetter(r2) && !(r == '-' && unicode.IsDigit(r2)) {
				break
			}
			// 's after an apostrophe is a possessive, not part of the word.
			if r != '-' && r != '‐' && (r2 == 's' || r2 == 'S') && !nextIsLetter(text, i+size+1) {
				break
			}
			i += size
			continue
		}
		break
	}
	return i
}

// scanAbbrevDot extends a word over a final dot when it is an abbreviation:
// single letters in a dotted chain (U.S., U.N.) or a listed abbreviation.
func scanAbbrevDot(text string, start, i int) int {
	n := len(text)
	if i >= n || text[i] != '.' {
		return i
	}
	word := text[start:i]
	// Dotted chain of single letters: U.S. / U.K. / e.g.
	if utf8.RuneCountInString(word) == 1 {
		j := i
		for j+2 < n && text[j] == '.' && isASCIILetter(text[j+1]) && (j+2 >= n || !isASCIILetter(text[j+2])) {
			j += 2
		}
		if j < n && text[j] == '.' {
			j++
		}
		// "U.S.-backed": keep the hyphenated rest in the same word.
		if j < n && text[j] == '-' && j+1 < n && isASCIILetter(text[j+1]) {
			j = scanWord(text, j+1)
		}
		return j
	}
	if abbreviations[strings.ToLower(word)] {
		return i + 1
	}
	return i
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// isCapitalised reports whether a word starts with an upper-case letter,
// looking past a lower-case name particle joined by a hyphen (al-Assad,
// el-Sisi, bin-Salman).
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if k := strings.IndexAny(w, "-‐"); k > 0 && k < len(w)-1 && nameParticles[strings.ToLower(w[:k])] {
		r2, _ := utf8.DecodeRuneInString(w[k+1:])
		if r2 == '‐' {
			return false
		}
		return unicode.IsUpper(r2)
	}
	return false
}

// isAllCaps reports whether a word has two or more letters, all upper case
// (TEHRAN, SNSC, NATO).
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// scanNumber reads digits with internal separators (2017-01-01, 16:12,
// 1,000, 4.0) and returns the end offset.
func scanNumber(text string, i int) int {
	n := len(text)
	for i < n {
		c := text[i]
		if c >= '0' && c <= '9' {
			i++
			continue
		}
		if (c == '-' || c == ':' || c == ',' || c == '.' || c == '/') && i+1 < n && text[i+1] >= '0' && text[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	return i
}
