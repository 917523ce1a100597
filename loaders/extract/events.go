package extract

import (
	"strings"

	"github.com/kg-project/kg/schema"
)

// Stage 8: dated events other than meetings. A sentence that has a date
// expression close to an event noun (talks, ceasefire, declaration,
// assassination, election, summit, arrival, halt ...) yields an event whose
// label is the noun with its modifiers and complement ("Astana peace
// talks", "assassination of Mohsen Fakhrizadeh", "halt to fighting") and
// whose head is the noun itself.

var eventHeads = set("talks", "negotiations", "ceasefire", "cease-fire", "truce", "declaration",
	"assassination", "killing", "arrival", "arrived", "halt", "election", "elections", "summit",
	"attack", "attacks", "bombing", "agreement", "deal", "referendum", "conference", "vote",
	"protest", "protests", "explosion", "earthquake", "coup", "inauguration", "funeral", "accord",
	"treaty", "offensive", "liberation", "visit", "strike", "strikes", "invasion", "signing",
	"resignation", "withdrawal", "visited", "sanctions", "uprising", "revolution")

var eventModifiers = set("peace", "nationwide", "presidential", "parliamentary", "general", "local",
	"nuclear", "military", "terrorist", "suicide", "missile", "drone", "air", "trilateral",
	"bilateral", "ministerial", "regional", "snap", "landmark", "historic", "official", "state",
	"all-syria", "humanitarian", "cowardly", "deadly", "failed", "final", "first", "joint")

func (d *docState) eventsIn(si int) []schema.Event {
	s := &d.sents[si]
	toks := s.toks
	if len(d.dates[si]) == 0 {
		return nil
	}
	var out []schema.Event
	g := places()
	for k, t := range toks {
		if t.kind != tokWord || !eventHeads[t.lower] || s.quoted[k] {
			continue
		}
		// Meetings are not events: "talks with X".
		if next := tokAt(toks, k+1).lower; next == "with" {
			continue
		}
		if hypothetical(toks, trigger{start: k, end: k + 1, noun: false}) && t.lower == "arrived" {
			continue
		}
		// Nearest date within the clause.
		best, bestDist := -1, 11
		for di, dm := range d.dates[si] {
			if s.quoted[dm.i] {
				continue
			}
			dist := dm.i - k
			if dm.j <= k {
				dist = k - dm.j
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
		// Label: modifiers + head + complement.
		b := k
		for b > 0 && b > k-3 {
			p := toks[b-1]
			if p.kind == tokWord && (p.cap && !stopCaps[p.lower] && !isAllCaps(p.text) || eventModifiers[p.lower]) {
				b--
				continue
			}
			break
		}
		e := k + 1
		subject := ""
		if t.lower == "arrived" || t.lower == "visited" {
			for _, mi := range d.bySent[si] {
				m := &d.mentions[mi]
				if m.spanEnd <= k && m.entity >= 0 {
					subject = d.entities[m.entity].name
				}
			}
		}
		place := ""
		if c := tokAt(toks, e).lower; c == "of" || c == "in" || c == "to" || c == "between" || c == "on" && t.lower == "attack" {
			f := e + 1
			for f < len(toks) && f < e+4 && toks[f].kind == tokWord && (toks[f].cap || f == e+1 && !stopCaps[toks[f].lower] && !isDateWord(toks[f])) {
				f++
			}
			if f > e+1 {
				if p, n := g.placeAt(toks, e+1); n > 0 && c == "in" {
					place = p
				}
				e = f
			}
		}
		if place == "" {
			for q := k + 1; q < len(toks) && q < k+8; q++ {
				if toks[q].lower == "in" {
					if p, n := g.placeAt(toks, q+1); n > 0 {
						place = p
						break
					}
				}
			}
		}
		label := strings.TrimSpace(joinTokens(toks[b:e]))
		if subject != "" {
			label = subject + " " + joinTokens(toks[k:e])
		}
		out = append(out, schema.Event{Label: label, Head: t.lower, Date: schema.Str(d.dates[si][best].value.String()), Place: schema.Str(place),
			Evidence: s.text, Rule: "event-" + d.dates[si][best].rule})
	}
	return out
}

func isDateWord(t token) bool {
	if _, ok := monthNames[t.lower]; ok {
		return true
	}
	_, ok := weekdayNames[t.lower]
	return ok
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
