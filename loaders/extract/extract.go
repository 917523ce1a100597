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

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
)

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
	lastPair        []int          // entities of the last two-person meeting, for "the two leaders"
	lastPairDate    string         // and its date
	lastGroup       schema.Meeting // the last in-person meeting found, for "X joined the talks"
	lastGroupSent   int
}

// Extract runs every extraction stage over one document.
func Extract(doc Document) schema.Facts {
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

	facts := schema.Facts{ID: doc.ID, Published: d.pub.String(), People: d.people(), Roles: d.roles(),
		Meetings: []schema.Meeting{}, Events: []schema.Event{}}
	if doc.Published != "" && !d.pub.valid() {
		facts.Published = doc.Published
	}
	var meetings []schema.Meeting
	var events []schema.Event
	for i := range d.sents {
		found := d.meetingsIn(i)
		if len(found) == 0 {
			found = d.joinersIn(i)
		}
		for _, m := range found {
			if m.Kind == schema.KindMeeting {
				d.lastGroup, d.lastGroupSent = m, i
			}
		}
		meetings = append(meetings, found...)
		events = append(events, d.eventsIn(i)...)
	}
	for i := range meetings {
		if meetings[i].Kind == schema.KindCall {
			// A call joins two places; it took place in neither.
			meetings[i].Place = nil
		}
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

// readDatelinePlace reads a dateline city at the top of the text: in
// capitals before punctuation ("TEHRAN –", "BEIJING, Jan 5 (Reuters) -",
// "MEXICO CITY (AP) —"), or in Title Case before a dash, a bracket or a
// comma and a date ("Nairobi, 10 April 2013 —", "Buenos Aires (AFP) -").
// Cities of one to three words count when the gazetteer knows them as a
// capital.
func (d *docState) readDatelinePlace() {
	g := places()
	for k, s := range d.sents {
		if k >= 4 {
			return
		}
		toks := s.toks
		for i := 0; i < len(toks) && i < 3; i++ {
			if city, c, ok := datelineCityAt(g, toks, i); ok {
				d.datelinePlace = city
				d.datelineCountry = c
				return
			}
		}
	}
}

// datelineCityAt matches a dateline city starting at toks[i] and returns
// its Title Case form and country.
func datelineCityAt(g *gazetteer, toks []token, i int) (city, country string, ok bool) {
	for n := 3; n >= 1; n-- {
		if i+n > len(toks) {
			continue
		}
		run := toks[i : i+n]
		caps, title := true, true
		for _, t := range run {
			if t.kind != tokWord {
				caps, title = false, false
				break
			}
			caps = caps && isAllCaps(t.text)
			title = title && t.cap
		}
		if !caps && !title {
			continue
		}
		c, known := g.capitals[lowerJoin(run)]
		if !known {
			continue
		}
		next := tokAt(toks, i+n)
		if next.kind != tokPunct && next.kind != tokQuote {
			continue
		}
		if !caps && !datelineMark(toks, i+n) {
			// "Berlin, the German capital": a Title Case city needs a
			// dash, a bracket or a date after it.
			continue
		}
		parts := make([]string, n)
		for k, t := range run {
			parts[k] = capitaliseWord(t.lower)
		}
		return strings.Join(parts, " "), c, true
	}
	return "", "", false
}

// datelineMark reports whether toks[j] starts what follows a dateline city:
// a dash, an opening bracket, or a comma and a date.
func datelineMark(toks []token, j int) bool {
	switch t := tokAt(toks, j); t.text {
	case "—", "–", "-", "--", "(":
		return true
	case ",":
		rest := toks[j+1:]
		if len(rest) > 6 {
			rest = rest[:6]
		}
		for _, m := range findDates(rest, day{}) {
			if m.i == 0 {
				return true
			}
		}
	}
	return false
}

// people lists the persons found, each once, with the other forms the
// article names them by.
func (d *docState) people() []schema.Person {
	out := []schema.Person{}
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
		out = append(out, schema.Person{Name: ent.name, Aliases: aliases, Nationality: ent.country,
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
