// Package extract finds the facts kg stores in an article's text: the
// people named, the offices they hold, the meetings between them and other
// dated events, each with its evidence sentence and the rule that found it.
//
// Extraction runs as stages, each in its own file: tokens.go (words and
// offsets), sentences.go (sentence boundaries), dates.go (date expressions
// resolved against the publication date), people.go (names, titles,
// appositives), coref.go (one person per name, surnames, descriptions,
// pronouns), offices.go (roles), meetings.go, places.go (gazetteer from
// gountries) and events.go. docs/extraction.md describes them.
package extract

import "sort"

// Document is the input to extraction.
type Document struct {
	ID        string
	Text      string
	Published string // ISO date from metadata, "" when unknown
}

// docState carries one document through the stages.
type docState struct {
	pub      day
	toks     []token
	sents    []sentence
	dates    [][]dateMention // per sentence
	mentions []mention       // in sentence and position order
	bySent   [][]int         // mention indexes per sentence
	entities []entity

	datelinePlace   string
	datelineCountry string
	lastPair        []int  // entities of the last two-person meeting, for "the two leaders"
	lastPairDate    string // and its date
}

// Extract runs every extraction stage over one document.
func Extract(doc Document) Facts {
	d := &docState{}
	d.toks = tokenize(doc.Text)
	d.sents = segment(doc.Text, d.toks)
	d.pub = parseISODay(doc.Published)
	if !d.pub.valid() {
		d.pub = datelineDate(d.sents)
	}
	d.readDatelinePlace()
	// Relative dates need a full publication date.
	anchor := d.pub
	if anchor.d == 0 {
		anchor = day{}
	}
	d.dates = make([][]dateMention, len(d.sents))
	for i := range d.sents {
		d.dates[i] = findDates(d.sents[i].toks, anchor)
	}
	sameDayDates(d.sents, d.dates)
	d.findMentions()
	d.resolveNames()
	d.assignTitles()
	d.resolveReferences()
	d.relativeTitles()

	facts := Facts{ID: doc.ID, Published: d.pub.String(), People: d.people(), Roles: d.roles(),
		Meetings: []Meeting{}, Events: []Event{}}
	if doc.Published != "" && !d.pub.valid() {
		facts.Published = doc.Published
	}
	var meetings []Meeting
	var events []Event
	for i := range d.sents {
		meetings = append(meetings, d.meetingsIn(i)...)
		events = append(events, d.eventsIn(i)...)
	}
	facts.Meetings = mergeMeetings(meetings)
	facts.Events = mergeEvents(events)
	return facts
}

// findMentions runs the people stage over every sentence.
func (d *docState) findMentions() {
	orgs := collectOrgNames(d.sents)
	d.bySent = make([][]int, len(d.sents))
	for i := range d.sents {
		s := &d.sents[i]
		names := personMentions(s, orgs)
		all := append(names, descriptions(s, names)...)
		sort.SliceStable(all, func(a, b int) bool { return all[a].spanStart < all[b].spanStart })
		for _, m := range all {
			d.bySent[i] = append(d.bySent[i], len(d.mentions))
			d.mentions = append(d.mentions, m)
		}
	}
}

// readDatelinePlace reads a dateline city at the top of the text
// ("TEHRAN –", "BEIJING, Jan 5 (Reuters) -").
func (d *docState) readDatelinePlace() {
	g := places()
	for k, s := range d.sents {
		if k >= 4 {
			return
		}
		toks := s.toks
		for i := 0; i < len(toks) && i < 3; i++ {
			t := toks[i]
			if t.kind != tokWord || !isAllCaps(t.text) {
				continue
			}
			if c, ok := g.capitals[t.lower]; ok {
				next := tokAt(toks, i+1)
				if next.kind == tokPunct || next.kind == tokQuote {
					d.datelinePlace = capitaliseWord(t.lower)
					d.datelineCountry = c
					return
				}
			}
		}
	}
}

// people lists the persons found, each once, with the other forms the
// article names them by.
func (d *docState) people() []Person {
	out := []Person{}
	// In order of first mention.
	order := make([]int, len(d.entities))
	first := make([]int, len(d.entities))
	for e := range d.entities {
		order[e] = e
		first[e] = 1 << 30
		for _, mi := range d.entities[e].mentions {
			m := &d.mentions[mi]
			if pos := d.sents[m.sent].firstToken + m.spanStart; pos < first[e] {
				first[e] = pos
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return first[order[a]] < first[order[b]] })
	for _, e := range order {
		ent := &d.entities[e]
		var first *mention
		var aliases []string
		seen := map[string]bool{ent.name: true}
		for _, mi := range ent.mentions {
			m := &d.mentions[mi]
			if m.kind != mentionName {
				continue
			}
			if first == nil {
				first = m
			}
			if !seen[m.name] {
				seen[m.name] = true
				aliases = append(aliases, m.name)
			}
		}
		if first == nil {
			continue
		}
		rule := first.rule
		switch {
		case first.title != "":
			rule = "person-after-title"
		case first.honorific:
			rule = "person-after-honorific"
		case !containsSpace(first.name):
			rule = "person-surname"
		}
		if aliases == nil {
			aliases = []string{}
		}
		out = append(out, Person{Name: ent.name, Aliases: aliases, Nationality: ent.country,
			Evidence: d.sents[first.sent].text, Rule: rule})
	}
	return out
}

func containsSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return true
		}
	}
	return false
}
