package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what sort of token a Token is.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, digits inside words, internal hyphens and apostrophes
	Number             // 2017, 16:12, 2017-01-01, 4.0, 18/01
	Punct              // . , ; : ! ? ( ) [ ] dashes
	Quote              // “ ” " ‘ ’ « » and a quoting '
	Poss               // the possessive 's / ’s
)

// Token is one word, number or mark of the text, with its byte offsets.
type Token struct {
	Text       string
	Lower      string
	Start, End int // byte offsets into the text
	Kind       Kind
	// Cap: the first letter (after a name particle joined by a hyphen, as
	// in al-Assad) is upper case.
	Cap bool
	// NLBefore counts the line breaks between the previous token and this.
	NLBefore   int
	SpaceAfter bool
}

// Is reports whether the token is a word whose lower-case form is one of
// words.
func (t Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// AllCaps reports a word of two or more letters, all upper case (TEHRAN,
// NATO, H.E.).
func (t Token) AllCaps() bool { return IsAllCaps(t.Text) }

// abbreviations keep their final dot as part of the word, so that the dot
// does not end a sentence ("Dr. Fakhrizadeh", "Jan. 23", "Engr. Salako").
var abbreviations = wordSet("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr",
	"cdr", "adm", "sgt", "sen", "rep", "gov", "pres", "st", "jr", "sr", "rev", "hon", "messrs", "mt",
	"ft", "vs", "amb", "engr", "eng", "brig", "rt", "fr", "dep", "asst", "supt", "insp", "cpl", "pvt",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp",
	"ltd", "e.g", "i.e", "approx", "dept", "vol", "mme", "mlle", "sra", "smt", "shri", "sh", "kum", "thiru")

// nameParticles may start a hyphenated name part in lower case ("al-Assad",
// "el-Sisi", "bin-Salman"); the word still counts as capitalised.
var nameParticles = wordSet("al", "el", "ad", "as", "ash", "an", "ar", "at", "az", "bin", "ibn", "abu", "ben",
	"bint", "da", "de", "di", "du", "van", "von", "la", "le", "d")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '`':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// IsDash reports the hyphen and dash characters.
func IsDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‒' || r == '―'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize cuts text into tokens. It never fails and never stalls: every
// byte ends up in a token or in the space between two.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	nl := 0
	i := 0
	n := len(text)
	// singleOpen: a single quotation mark opened and not yet closed, so
	// that an apostrophe ending a word closes it; with none open, the
	// apostrophe is the word's own ("Dato' Sri", "Mohammed Shia'
	// al-Sudani").
	singleOpen := false
	for i < n {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			if nl > 0 {
				singleOpen = false
			}
			nl++
			i += size
			continue
		}
		if unicode.IsSpace(r) || r == utf8.RuneError && size == 1 || unicode.Is(unicode.Cf, r) {
			if len(toks) > 0 && toks[len(toks)-1].End == i {
				toks[len(toks)-1].SpaceAfter = true
			}
			i += size
			continue
		}
		start := i
		kind := Punct
		switch {
		case r >= '0' && r <= '9':
			kind = Number
			i = scanNumber(text, i)
			// "2nd", "20th", "4G": digits glued to letters form a word.
			if i < n {
				if r2, _ := utf8.DecodeRuneInString(text[i:]); unicode.IsLetter(r2) {
					kind = Word
					i = scanWord(text, i)
				}
			}
		case unicode.IsLetter(r):
			kind = Word
			i = scanWord(text, i)
			i = scanAbbrevDot(text, start, i)
			// "ex-president", "then-prime minister": the qualifier is a
			// word of its own, so that the title after it reads as one.
			if k := qualifierPrefixEnd(text[start:i]); k > 0 {
				i = start + k
			}
		case isApostrophe(r) && i+size < n && (text[i+size] == 's' || text[i+size] == 'S') &&
			len(toks) > 0 && toks[len(toks)-1].End == i && toks[len(toks)-1].Kind == Word &&
			!nextIsLetter(text, i+size+1):
			kind = Poss
			i += size + 1
		case isApostrophe(r) && len(toks) > 0 && toks[len(toks)-1].End == i &&
			toks[len(toks)-1].Kind == Word && strings.HasSuffix(toks[len(toks)-1].Lower, "s") && !nextIsLetter(text, i+size):
			// "the Philippines' president": a plural possessive.
			kind = Poss
			i += size
		case isApostrophe(r) && len(toks) > 0 && toks[len(toks)-1].End == i && toks[len(toks)-1].Kind == Word &&
			!singleOpen && !nextIsLetter(text, i+size) && !(i+size < n && text[i+size] == '.' && nextIsLetter(text, i+size+1)):
			// An apostrophe ending a word with no single quotation open:
			// the word's.
			last := &toks[len(toks)-1]
			last.End = i + size
			last.Text = text[last.Start:last.End]
			last.Lower = strings.ReplaceAll(strings.ToLower(last.Text), "’", "'")
			i += size
			continue
		case isQuoteRune(r) || r == '\'':
			kind = Quote
			if r == '\'' || r == '‘' || r == '’' {
				// Opening when a letter follows and no word touches it.
				opening := nextIsLetter(text, i+size) && (len(toks) == 0 || toks[len(toks)-1].End < i)
				singleOpen = opening || r == '‘'
			}
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
			i = start + size
		}
		tok := Token{Text: text[start:i], Start: start, End: i, Kind: kind, NLBefore: nl}
		tok.Lower = strings.ToLower(tok.Text)
		if kind == Word {
			tok.Cap = isCapitalised(tok.Text)
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
// (al-Muallem, cease-fire, O'Brien, Ri'ayatuddin) and returns the end offset.
func scanWord(text string, i int) int {
	n := len(text)
	for i < n {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += size
			continue
		}
		if (r == '-' || r == '‐' || isApostrophe(r)) && i+size < n {
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
// single letters in a dotted chain (U.S., H.E., S.) or a listed
// abbreviation (Dr., Engr., Jan.).
func scanAbbrevDot(text string, start, i int) int {
	n := len(text)
	if i >= n || text[i] != '.' {
		return i
	}
	word := text[start:i]
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
	// "Ph.D.", "M.Sc.", "LL.M.": short letter groups joined by dots.
	if k := dottedGroupsEnd(text, start, i); k > i {
		return k
	}
	if l := strings.ToLower(word); abbreviations[l] {
		// "Jan. 23" is a month; "met Dong Jun." ends a sentence.
		if monthAbbreviations[l] && !digitFollows(text, i+1) {
			return i
		}
		return i + 1
	}
	return i
}

// dottedGroupsEnd reads an abbreviation of groups of one to three letters,
// each capitalised, joined by dots with no space ("Ph.D.", "M.Sc.",
// "LL.M."; not "www.kg.org."), whose word
// text[start:i] is the first group and text[i] a dot; it returns the end
// after the last dot, or i when the text is not that.
func dottedGroupsEnd(text string, start, i int) int {
	n := len(text)
	isUpper := func(b byte) bool { return b >= 'A' && b <= 'Z' }
	if i-start > 3 || i+1 >= n || !isUpper(text[start]) || !isUpper(text[i+1]) {
		return i
	}
	j := i
	for j < n && text[j] == '.' {
		k := j + 1
		for k < n && isASCIILetter(text[k]) {
			k++
		}
		if k == j+1 {
			// The final dot, after the last group.
			return j + 1
		}
		if k-(j+1) > 3 || k >= n || text[k] != '.' || !isUpper(text[j+1]) {
			return i
		}
		j = k
	}
	return j
}

// qualifierPrefixEnd returns the length of "ex-" or "then-" opening a
// longer word ("ex-president", "then-Prime"), or 0.
func qualifierPrefixEnd(word string) int {
	for _, p := range []string{"ex-", "then-"} {
		if len(word) > len(p) && strings.EqualFold(word[:len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// monthAbbreviations keep their dot only before a day: "Jan. 23".
var monthAbbreviations = wordSet("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// digitFollows reports a digit after the spaces at text[i:].
func digitFollows(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < len(text) && text[i] >= '0' && text[i] <= '9'
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// isCapitalised reports whether a word starts with an upper-case letter,
// looking past a lower-case name particle joined by a hyphen (al-Assad,
// el-Sisi, bin-Salman).
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		return true
	}
	if k := strings.IndexAny(w, "-‐"); k > 0 && k < len(w)-1 && nameParticles[strings.ToLower(w[:k])] {
		r2, _ := utf8.DecodeRuneInString(strings.TrimLeft(w[k:], "-‐"))
		return unicode.IsUpper(r2)
	}
	return false
}

// IsAllCaps reports whether a word has two or more letters, all upper case.
func IsAllCaps(w string) bool {
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
// 1,000, 4.0, 18/01) and returns the end offset.
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
