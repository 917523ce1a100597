package extract

import "strings"

// Verb inflection: a predicate's lemma matches any of its common forms.

var irregularForms = map[string][]string{
	"meet":  {"met"},
	"hold":  {"held"},
	"have":  {"had", "has"},
	"sit":   {"sat"},
	"speak": {"spoke", "spoken"},
	"pay":   {"paid"},
	"make":  {"made"},
	"give":  {"gave", "given"},
	"take":  {"took", "taken"},
	"get":   {"got", "gotten"},
	"ring":  {"rang", "rung"},
	"see":   {"saw", "seen"},
	"begin": {"began", "begun"},
	"lead":  {"led"},
	"shake": {"shook", "shaken"},
	"be":    {"is", "are", "was", "were", "been", "being", "am"},
	"come":  {"came"},
	"go":    {"went", "gone"},
	"send":  {"sent"},
	"lay":   {"laid", "lain"},
	"spend": {"spent"},
	"break": {"broke", "broken"},
	"bring": {"brought"},
}

// isForm reports whether the lower-case word w is a form of the verb
// lemma: the lemma itself, -s/-es, -ed/-d, -ing (with a final e dropped or
// a consonant doubled), or a listed irregular form.
func isForm(w, lemma string) bool {
	if w == lemma {
		return true
	}
	// "wel-comed": a word broken at a line end and joined with its hyphen.
	if k := strings.IndexByte(w, '-'); k > 0 && k < len(w)-1 && !strings.Contains(lemma, "-") && lemma[0] == w[0] {
		return isForm(strings.ReplaceAll(w, "-", ""), lemma)
	}
	for _, f := range irregularForms[lemma] {
		if w == f {
			return true
		}
	}
	if !strings.HasPrefix(w, lemma[:max(1, len(lemma)-1)]) {
		return false
	}
	last := lemma[len(lemma)-1:]
	stem := lemma
	if last == "e" && !strings.HasSuffix(lemma, "ee") {
		// "receive" → "receiving", but "see" → "seeing"
		stem = lemma[:len(lemma)-1]
	}
	switch w {
	case lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d":
		return true
	case lemma + last + "ed", lemma + last + "ing":
		// "planned", "stopping"
		return true
	}
	if last == "y" {
		y := lemma[:len(lemma)-1]
		if w == y+"ied" || w == y+"ies" {
			return true
		}
	}
	return false
}

// beForms are the forms of "be" and "get" that make a passive.
var beForms = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true, "being": true,
	"be": true, "got": true, "get": true, "gets": true, "getting": true}

// auxiliaries may stand between a subject and its verb.
var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "was": true, "were": true, "is": true,
	"are": true, "been": true, "be": true, "did": true, "does": true, "do": true, "having": true}

// isPastParticiple reports whether w can be a past participle of lemma.
func isPastParticiple(w, lemma string) bool {
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") {
		return isForm(w, lemma)
	}
	for _, f := range irregularForms[lemma] {
		if w == f {
			return true
		}
	}
	return false
}

// verbForms lists the common forms of a verb lemma: the lemma, -s/-es,
// -ed/-d, -ing (with a final e dropped or a consonant doubled), -ied/-ies
// and the irregular forms.
func verbForms(lemma string) []string {
	out := []string{lemma, lemma + "s", lemma + "es", lemma + "d"}
	last := lemma[len(lemma)-1:]
	stem := lemma
	if last == "e" && !strings.HasSuffix(lemma, "ee") {
		// "receive" → "receiving", but "see" → "seeing"
		stem = lemma[:len(lemma)-1]
	}
	out = append(out, stem+"ed", stem+"ing", lemma+last+"ed", lemma+last+"ing")
	if last == "y" {
		y := lemma[:len(lemma)-1]
		out = append(out, y+"ied", y+"ies")
	}
	return append(out, irregularForms[lemma]...)
}
