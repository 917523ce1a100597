package extract

import (
	"strings"

	"github.com/kg-project/kg/schema"
)

// Stage 6: offices. A title read before a name or in an appositive gives a
// role: the plain title ("Foreign Minister", "Speaker", "Adviser"), what it
// is of (the country from a nationality adjective, possessive or "of"
// phrase, or an organisation such as "Supreme National Security Council" or
// "Majlis"), and whether it is current ("former Iraqi Oil Minister" and
// "his predecessor X" are not). "His Russian counterpart X" gives X the
// subject's title for Russia; a title with no country stated takes the
// person's nationality, else the country of the article's dateline.

// assignTitles gives each person the first title found for them, which
// descriptions like "the Syrian foreign minister" are matched against.
func (d *docState) assignTitles() {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.entity < 0 || m.title == "" {
			continue
		}
		ent := &d.entities[m.entity]
		if ent.title == "" && m.current {
			ent.title = m.title
			ent.of = m.of
			if ent.country == "" {
				ent.country = m.country
			}
		}
	}
}

// relativeTitles fills the titles of "counterpart" and "predecessor"
// mentions from the person they are relative to.
func (d *docState) relativeTitles() {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.entity < 0 || !(m.counterpart || m.predecessor) {
			continue
		}
		// "his" is the nearest person before: "Assad received Zarif, who
		// also held talks with his Syrian counterpart Faisal Mekdad".
		ref := -1
		if s := d.nearestBefore(m.sent, m.spanStart); s >= 0 {
			ref = d.mentions[s].entity
		} else if s := d.subjectOf(m.sent); s >= 0 && d.mentions[s].entity != m.entity {
			ref = d.mentions[s].entity
		} else if m.sent > 0 {
			// "Kenyan President Uhuru Kenyatta spoke. His predecessor Mwai
			// Kibaki did not attend.": the previous sentence's subject.
			if s := d.subjectOf(m.sent - 1); s >= 0 {
				ref = d.mentions[s].entity
			}
		}
		if ref < 0 || ref == m.entity {
			continue
		}
		r := &d.entities[ref]
		if r.title == "" {
			continue
		}
		m.title = r.title
		if m.counterpart {
			m.of = m.country
		} else {
			m.of = r.of
			if m.country == "" {
				m.country = r.country
			}
		}
		ent := &d.entities[m.entity]
		if ent.country == "" {
			ent.country = m.country
		}
		if ent.title == "" && m.current {
			ent.title, ent.of = m.title, m.of
		}
	}
}

// roles lists the offices found, one per person and title.
func (d *docState) roles() []schema.Role {
	out := []schema.Role{}
	seen := map[string]bool{}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.entity < 0 || m.title == "" || (m.kind != mentionName && m.titleRule != "role-from-description") {
			continue
		}
		ent := &d.entities[m.entity]
		if (m.counterpart || m.predecessor) && d.hasOwnTitle(m.entity) {
			// A title of their own beats one copied from a counterpart.
			continue
		}
		key := ent.name + "\x00" + strings.ToLower(m.title)
		if seen[key] {
			continue
		}
		seen[key] = true
		of := m.of
		if m.ofEnd > m.ofStart {
			// "adviser to Ayatollah Khamenei": the office is of that person.
			for _, oi := range d.bySent[m.sent] {
				o := &d.mentions[oi]
				if o.kind == mentionName && o.entity >= 0 && o.entity != m.entity && o.nameStart >= m.ofStart && o.nameStart < m.ofEnd {
					of = d.entities[o.entity].name
					break
				}
			}
		}
		if of == "" {
			of = ent.country
		}
		if of == "" {
			of = d.datelineCountry
		}
		rule := m.titleRule
		if rule == "" {
			rule = "role-title-before-name"
		}
		out = append(out, schema.Role{Person: ent.name, Title: m.title, Of: of, Current: m.current,
			Evidence: d.sents[m.sent].text, Rule: rule})
		if x := m.extra; x != nil && !seen[ent.name+"\x00"+strings.ToLower(x.title)] {
			seen[ent.name+"\x00"+strings.ToLower(x.title)] = true
			xof := x.of
			if xof == "" {
				xof = ent.country
			}
			out = append(out, schema.Role{Person: ent.name, Title: x.title, Of: xof, Current: x.current,
				Evidence: d.sents[m.sent].text, Rule: x.titleRule})
		}
	}
	return out
}

// hasOwnTitle reports whether a person has a title stated for them rather
// than copied from a counterpart or predecessor.
func (d *docState) hasOwnTitle(e int) bool {
	for _, mi := range d.entities[e].mentions {
		m := &d.mentions[mi]
		if m.title != "" && !m.counterpart && !m.predecessor {
			return true
		}
	}
	return false
}

// nearestBefore returns the closest resolved person mention, outside
// quotes, that ends before token k of the sentence, or -1.
func (d *docState) nearestBefore(si, k int) int {
	best := -1
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanEnd > k {
			break
		}
		if !m.quoted && m.entity >= 0 && m.kind != mentionGroup {
			best = mi
		}
	}
	return best
}
