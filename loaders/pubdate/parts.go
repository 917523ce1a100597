package pubdate

import (
	"strings"
	"unicode"
)

// A part is a number or a month name of a date.
type part struct {
	value  int  // the number
	digits int  // how many digits it was written with
	month  int  // 1–12 for a month name, else 0
	sep    rune // the punctuation before it; ' ' for blank space only, 0 for none
}

// A token is a number or a word of a date as written.
type token struct {
	word   string // folded; "" for a number
	raw    string
	value  int
	digits int
	sep    rune
}

// maxDigits bounds a number, so nothing overflows.
const maxDigits = 9

// tokens splits s into numbers and words; ok is false for a number too long
// to be part of a date. Digits of the Arabic and Persian scripts and
// full-width digits are read as digits.
func tokens(s string) (toks []token, ok bool) {
	var cur strings.Builder
	var t token
	inWord, inNum := false, false
	sep := rune(0)
	end := func() {
		if inWord {
			t.raw = cur.String()
			t.word = fold(t.raw)
		}
		if inWord || inNum {
			toks = append(toks, t)
			sep = 0
		}
		cur.Reset()
		t = token{}
		inWord, inNum = false, false
	}
	for _, r := range s {
		if v, isDigit := digitValue(r); isDigit {
			if !inNum {
				end()
				inNum, t.sep = true, sep
			}
			if t.digits++; t.digits > maxDigits {
				return nil, false
			}
			t.value = t.value*10 + v
			continue
		}
		if isWordRune(r) || inWord && (r == '\'' || r == '’' || r == 'ʼ' || r == '\u200c') {
			if !inWord {
				end()
				inWord, t.sep = true, sep
			}
			cur.WriteRune(r)
			continue
		}
		end()
		if unicode.IsSpace(r) {
			if sep == 0 {
				sep = ' '
			}
		} else {
			sep = r
		}
	}
	end()
	return toks, true
}

func isWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)) && !strings.ContainsRune(dateSeparators, r)
}

// digitValue reads a digit of the scripts dates are written in.
func digitValue(r rune) (int, bool) {
	for _, zero := range []rune{'0', '٠', '۰', '０'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero), true
		}
	}
	return 0, false
}

// dateParts reads the numbers and month names of a date, leaving out its
// weekday, time of day, time zone and filler words. ok is false when s has
// a word that belongs to none of these.
func dateParts(s string) (parts []part, ok bool) {
	toks, ok := tokens(s)
	if !ok {
		return nil, false
	}
	words := dateWords()
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if n := timeOfDay(toks[i:]); n > 0 {
			i += n - 1
			for i+1 < len(toks) && isZone(toks[i+1]) {
				i++
			}
			continue
		}
		if t.word == "" {
			parts = append(parts, part{value: t.value, digits: t.digits, sep: t.sep})
			continue
		}
		info := words[t.word]
		if i+1 < len(toks) && toks[i+1].word != "" {
			if two, ok := words[t.word+" "+toks[i+1].word]; ok {
				info = two
				i++
			}
		}
		switch info.kind {
		case monthWord:
			// "كانون الثاني/يناير": one month named twice.
			if n := len(parts); n > 0 && parts[n-1].month == info.month {
				continue
			}
			parts = append(parts, part{month: info.month, sep: t.sep})
		case unknownWord:
			return nil, false
		}
	}
	return parts, true
}

// timeOfDay returns how many tokens a time of day at the start of toks
// takes: "10:32", "10:32:05", "10:32:05.123", "18h45"; 0 when there is
// none.
func timeOfDay(toks []token) int {
	if len(toks) < 2 || toks[0].word != "" || toks[0].digits > 2 || toks[0].value > 24 {
		return 0
	}
	minutes := func(t token, sep rune) bool { return t.word == "" && t.digits == 2 && t.sep == sep }
	if len(toks) >= 3 && toks[1].word == "h" && toks[1].sep == 0 && minutes(toks[2], 0) {
		return 3
	}
	if !minutes(toks[1], ':') {
		return 0
	}
	n := 2
	if n < len(toks) && minutes(toks[n], ':') {
		n++
		if n < len(toks) && toks[n].word == "" && toks[n].sep == '.' {
			n++ // fractions of a second
		}
	}
	return n
}

// isZone reports whether a token after a time of day names its time zone:
// an abbreviation in capitals (GMT, CET, Z) or an offset (+0330, -05:00).
func isZone(t token) bool {
	if t.word == "" {
		return t.sep == '+' || t.sep == '-' || t.sep == ':' && t.digits == 2
	}
	if len(t.raw) > 5 {
		return false
	}
	for _, r := range t.raw {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
