package extract

import (
	"strings"

	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
	"github.com/kg-project/kg/schema"
)

// Events: a sentence with a date expression close to an event word
// (lexicon.EventHeads) yields a dated event, labelled with the word, its
// modifiers and its complement ("Astana peace talks", "assassination of
// Mohsen Fakhrizadeh"); its head is the word itself. Talks "with" someone
// are meetings, not events.

func (d *doc) eventsIn(si int) []schema.Event {
	s := &d.sents[si]
	toks := s.Toks
	if len(d.dates[si]) == 0 || s.Headline {
		return nil
	}
	var out []schema.Event
	for k, t := range toks {
		if t.Kind != text.Word || !lexicon.EventHeads[t.Lower] || s.Quoted[k] {
			continue
		}
		if tokAt(toks, k+1).Is("with") {
			continue
		}
		best, bestDist := -1, 11
		for di, dm := range d.dates[si] {
			if s.Quoted[dm.I] {
				continue
			}
			dist := dm.I - k
			if dm.J <= k {
				dist = k - dm.J
			}
			if dist < 0 {
				dist = 0
			}
			if dist < bestDist {
				best, bestDist = di, dist
			}
		}
		if best < 0 {
			continue
		}
		b := k
		for b > 0 && b > k-3 {
			p := toks[b-1]
			if p.Kind == text.Word && (p.Cap && !lexicon.FunctionWords[p.Lower] && !p.AllCaps() || lexicon.EventModifiers[p.Lower]) {
				b--
				continue
			}
			break
		}
		e := k + 1
		if c := tokAt(toks, e); c.Is("of", "in", "to", "between", "on") {
			f := e + 1
			for f < len(toks) && f < e+4 && toks[f].Kind == text.Word && (toks[f].Cap || f == e+1 && !lexicon.FunctionWords[toks[f].Lower]) &&
				!isDateWordTok(toks[f]) {
				f++
			}
			if f > e+1 {
				e = f
			}
		}
		label := strings.TrimSpace(nameText(toks[b:e]))
		if t.Is("arrived", "died", "appointed", "sworn") {
			// "Sánchez arrived in Algiers": the subject makes the label.
			if who := d.subjectName(si, k); who != "" {
				label = who + " " + nameText(toks[k:e])
			}
		}
		out = append(out, schema.Event{Label: label, Head: t.Lower, Date: schema.Str(d.dates[si][best].Value.String()),
			Place: schema.Str(d.placeAfter(s, k)), Evidence: s.Text, Rule: "event-" + d.dates[si][best].Rule})
	}
	return out
}

func isDateWordTok(t text.Token) bool {
	_, month := monthNamesLower[t.Lower]
	return month || weekdayLower[t.Lower]
}

var monthNamesLower = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true}

var weekdayLower = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// subjectName returns the name of the person named last before token k.
func (d *doc) subjectName(si, k int) string {
	name := ""
	for _, m := range d.ments[si] {
		if m.whole.j <= k && m.ent >= 0 {
			name = d.ents[m.ent].name
		}
	}
	return name
}

// placeAfter returns the first place of the gazetteer named after "in"
// within a few tokens of token k, or "".
func (d *doc) placeAfter(s *text.Sentence, k int) string {
	g := lexicon.Places()
	for q := k + 1; q < len(s.Toks) && q < k+10; q++ {
		if s.Toks[q].Is("in", "at") {
			if p, n := g.PlaceAt(s.Toks, q+1); n > 0 {
				return p
			}
		}
	}
	return ""
}

// mergeEvents keeps one event per head and date.
func mergeEvents(es []schema.Event) []schema.Event {
	out := []schema.Event{}
	seen := map[string]bool{}
	for _, e := range es {
		key := e.Head + "\x00" + schema.Deref(e.Date)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, e)
	}
	return out
}
