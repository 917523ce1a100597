package extract

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/schema"
)

// Layer 6: facts. The people, offices and meetings the layers found,
// written in the gold annotation format, each with its evidence sentence
// and the rule that found it.

func (d *doc) facts(id string) schema.Facts {
	f := schema.Facts{ID: id, Published: d.pub.String(), People: []schema.Person{}, Roles: []schema.Role{},
		Meetings: []schema.Meeting{}, Events: []schema.Event{}}
	keep := d.keptEntities()
	for _, e := range d.entityOrder() {
		if !keep[e] {
			continue
		}
		ent := &d.ents[e]
		p := schema.Person{Name: ent.name, Aliases: []string{}, Nationality: ent.country,
			Evidence: d.sents[ent.first].Text, Rule: "person-name"}
		switch {
		case ent.titled:
			p.Rule = "person-after-title"
		case ent.honorific:
			p.Rule = "person-after-honorific"
		}
		for _, form := range ent.forms {
			if form != ent.name {
				p.Aliases = append(p.Aliases, form)
			}
		}
		f.People = append(f.People, p)
		f.Roles = append(f.Roles, d.roles(e)...)
	}
	for _, m := range d.meetings {
		if m.dropped {
			continue
		}
		var names []string
		for _, e := range m.people {
			if keep[e] {
				names = append(names, d.ents[e].name)
			}
		}
		if len(names) < 2 {
			continue
		}
		sm := schema.Meeting{Participants: names, Date: schema.Str(m.date.String()), Place: schema.Str(m.place),
			Kind: schema.KindMeeting, Evidence: d.evidence(m.sents), Rule: "meeting-" + m.rule}
		if m.kind == kindCall {
			sm.Kind = schema.KindCall
			sm.Place = nil
			sm.Rule = "call-" + m.rule
		}
		f.Meetings = append(f.Meetings, sm)
	}
	var events []schema.Event
	for si := range d.sents {
		events = append(events, d.eventsIn(si)...)
	}
	f.Events = mergeEvents(events)
	return f
}

// keptEntities are the people worth reporting: named clearly at least
// once (in full, or with a title or honorific, outside a headline).
func (d *doc) keptEntities() map[int]bool {
	keep := map[int]bool{}
	for e := range d.ents {
		if d.ents[e].strong {
			keep[e] = true
		}
	}
	// A one-word name the article also describes by office ("said
	// Rouhani" ... "the Iranian president noted") is a person. So is one
	// a Title Case headline names in full with a title ("Putin Holds Talks
	// with Chinese President Xi Jinping") and the body by a short form
	// ("held talks with Xi").
	for si := range d.ments {
		for _, m := range d.ments[si] {
			if m.kind == mDescription && m.ent >= 0 && !m.complement {
				keep[m.ent] = true
			}
			if m.kind == mName && m.ent >= 0 && !m.headline && d.ents[m.ent].titled && len(d.ents[m.ent].words) >= 2 {
				keep[m.ent] = true
			}
		}
	}
	return keep
}

// entityOrder lists entities in order of first mention.
func (d *doc) entityOrder() []int {
	order := make([]int, len(d.ents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := &d.ents[order[a]], &d.ents[order[b]]
		if ea.first != eb.first {
			return ea.first < eb.first
		}
		return ea.firstTok < eb.firstTok
	})
	return order
}

// roles lists an entity's offices once each: a title whose words are all
// in another of the same person's titles is left out.
func (d *doc) roles(e int) []schema.Role {
	ent := &d.ents[e]
	titles := make([]string, len(ent.offices))
	for i, o := range ent.offices {
		titles[i] = plainTitle(o.title, o.of, ent.country)
	}
	var out []schema.Role
	for i, o := range ent.offices {
		if titles[i] == "" {
			continue
		}
		covered := false
		for j, p := range titles {
			if i == j || p == "" {
				continue
			}
			if wordsWithin(titles[i], p) && (!wordsWithin(p, titles[i]) || j < i) {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		out = append(out, schema.Role{Person: ent.name, Title: titles[i], Of: o.of, Current: o.current,
			Evidence: d.sents[ent.first].Text, Rule: o.rule})
	}
	return out
}

// plainTitle writes an office in its plain form: "Premier" alone is
// journalese for "Prime Minister" except where Premier is the office's
// name (China, North Korea, Taiwan: lexicon.PremierCountries).
func plainTitle(title, of, country string) string {
	// Only the plain "Premier": "Deputy Premier", "Vice Premier" and
	// "Premier of the Democratic People's Republic of Korea" are offices
	// of their own name.
	if !strings.EqualFold(title, "premier") {
		return title
	}
	for _, c := range []string{of, country} {
		if lexicon.PremierCountries[strings.ToLower(c)] {
			return title
		}
	}
	return "Prime Minister"
}

// wordsWithin reports whether every word of a is among b's words, case
// and function words aside.
func wordsWithin(a, b string) bool {
	bw := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(b)) {
		bw[w] = true
	}
	for _, w := range strings.Fields(strings.ToLower(a)) {
		if isFunctionTail(w) {
			continue
		}
		if !bw[w] {
			return false
		}
	}
	return true
}

// evidence joins the sentences that report a meeting, in text order.
func (d *doc) evidence(sents []int) string {
	s := append([]int(nil), sents...)
	sort.Ints(s)
	var parts []string
	for _, si := range s {
		parts = append(parts, d.sents[si].Text)
		if len(parts) == 3 {
			break
		}
	}
	return strings.Join(parts, " ... ")
}
