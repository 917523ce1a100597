package extract

import (
	"sort"
	"strings"
)

// Stage 7: meetings. A meeting is a contact between named people that the
// text reports as having happened:
//
//	X met (with) Y / X held talks with Y / X conferred with Y
//	X received Y / X hosted Y
//	in / during / after a meeting with Y, X said ...
//	talks between X and Y
//	X spoke by phone with Y / a telephone conversation with Y  (kind call)
//	visiting X told Y ...
//
// "met with X and Y separately" gives one meeting per pair; "met X and Y"
// one meeting of three. Planned and hypothetical meetings ("will meet", "is
// expected to meet", "talks scheduled for ...") and meetings without two
// named people ("talks between Iran and Russia") are skipped. The date is
// the date expression nearest the trigger; a "said during a meeting with"
// sentence with none takes the date of the speaker's previous dated
// statement; otherwise the date stays null.

type trigger struct {
	start, end int // tokens of the trigger phrase
	rule       string
	kind       string
	noun       bool // "a meeting with": the subject may come after
	between    bool // "talks between X and Y"
	objectNear int  // the object must start within this many tokens
}

// hypothetical words before a trigger mark a planned or unreal meeting.
var hypotheticalWords = set("will", "would", "shall", "to", "expected", "scheduled", "due", "plans",
	"planned", "plan", "could", "may", "might", "should", "must", "cannot", "can", "not", "never",
	"n't", "hopes", "hope", "wants", "want", "intends", "intend", "going", "upcoming", "proposed",
	"possible", "next", "refused", "declined", "future", "potential", "planning", "set", "ahead",
	"forthcoming", "prospective", "if", "unless", "no", "rejected", "refused", "ruled", "against",
	"postponed", "canceled", "cancelled", "suspended", "called-off", "without")

// callsFor before "for" make the meeting that follows a wish, not a fact.
var callsFor = set("call", "calls", "called", "calling", "urged", "urge", "ready", "push", "pushed",
	"pushing", "demand", "demanded", "invitation", "invited", "appeal", "appealed", "pressed", "prepared")

var adverbs = set("also", "separately", "later", "reportedly", "again", "first", "then", "briefly",
	"recently", "already", "last", "previously", "earlier", "subsequently", "personally", "twice")

// remoteWords may stand between "held talks" and "with" in a call.
var remoteWords = set("via", "by", "over", "the", "a", "video", "link", "phone", "telephone", "videoconference",
	"virtually", "online", "conference", "video-link")

var callWords = set("phone", "telephone", "video", "videoconference", "phoned", "telephoned", "call",
	"calls", "video-conference", "virtual")

// findTriggers lists the meeting expressions of a sentence.
func findTriggers(toks []token) []trigger {
	var out []trigger
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tokWord {
			continue
		}
		switch t.lower {
		case "met", "meets":
			end := k + 1
			if tokAt(toks, end).lower == "with" {
				end++
			}
			out = append(out, trigger{start: k, end: end, rule: "meeting-met", kind: KindMeeting, objectNear: 6})
		case "told":
			out = append(out, trigger{start: k, end: k + 1, rule: "meeting-told", kind: KindMeeting, objectNear: 2})
		case "shook", "shaken", "shakes":
			// "X shook hands with Y", "X and Y shook hands".
			if tokAt(toks, k+1).lower == "hands" {
				if tokAt(toks, k+2).lower == "with" {
					out = append(out, trigger{start: k, end: k + 3, rule: "meeting-shook-hands", kind: KindMeeting, objectNear: 6})
				} else {
					out = append(out, trigger{start: k, end: k + 2, rule: "meeting-pair-shook-hands", kind: KindMeeting, objectNear: -1})
				}
			}
		case "conferred", "sat":
			// "X and Y ... sat down for their first formal talks".
			if t.lower == "sat" && tokAt(toks, k+1).lower == "down" && tokAt(toks, k+2).lower == "for" {
				out = append(out, trigger{start: k, end: k + 3, rule: "meeting-pair-sat-down", kind: KindMeeting, objectNear: -1})
				continue
			}
			if w := tokAt(toks, k+1).lower; w == "with" || (w == "down" && tokAt(toks, k+2).lower == "with") {
				end := k + 2
				if w == "down" {
					end++
				}
				out = append(out, trigger{start: k, end: end, rule: "meeting-conferred", kind: KindMeeting, objectNear: 6})
			}
		case "received", "hosted", "welcomed", "summoned", "greeted":
			// Only with a person right after: "received Syrian Prime Minister X".
			out = append(out, trigger{start: k, end: k + 1, rule: "meeting-" + t.lower, kind: KindMeeting, objectNear: 3})
		case "held", "holds", "had", "has", "hold", "holding":
			// held talks / a meeting / a phone call / a telephone conversation with
			j := k + 1
			kind := KindMeeting
			for j < len(toks) && j < k+5 {
				l := toks[j].lower
				if callWords[l] {
					kind = KindCall
				}
				if l == "talks" || l == "meeting" || l == "meetings" || l == "conversation" || l == "call" ||
					l == "discussions" || l == "consultations" || l == "negotiations" || l == "conversations" {
					break
				}
				j++
			}
			// "held talks via video link with X", "by phone with X": a call.
			if j < len(toks) && j < k+5 {
				q := j + 1
				sawCall := false
				for q < len(toks) && q <= j+4 && remoteWords[toks[q].lower] {
					if callWords[toks[q].lower] || toks[q].lower == "link" || toks[q].lower == "online" || toks[q].lower == "virtually" {
						sawCall = true
					}
					q++
				}
				if sawCall && tokAt(toks, q).lower == "with" {
					out = append(out, trigger{start: k, end: q + 1, rule: "call-held", kind: KindCall, objectNear: 6})
					k = q
					continue
				}
			}
			// "held talks in Moscow with X": skip a short place phrase.
			if j < len(toks) && j < k+5 {
				if w := tokAt(toks, j+1).lower; w == "in" || w == "at" {
					if _, n := places().placeAt(toks, j+2); n > 0 && tokAt(toks, j+2+n).lower == "with" {
						out = append(out, trigger{start: k, end: j + 3 + n, rule: "meeting-held-talks", kind: kind, objectNear: 6})
						k = j + 2 + n
						continue
					}
				}
			}
			if j < len(toks) && j < k+5 && tokAt(toks, j+1).lower != "with" && (toks[j].lower == "talks" || toks[j].lower == "meeting" || toks[j].lower == "call" || toks[j].lower == "conversation") {
				// "X and Y held talks in New Delhi".
				rule := "meeting-pair-held-talks"
				if kind == KindCall {
					rule = "call-pair-held"
				}
				out = append(out, trigger{start: k, end: j + 1, rule: rule, kind: kind, objectNear: -1})
				k = j
				continue
			}
			if j < len(toks) && j < k+5 && tokAt(toks, j+1).lower == "with" {
				rule := "meeting-held-talks"
				if kind == KindCall {
					rule = "call-held"
				}
				out = append(out, trigger{start: k, end: j + 2, rule: rule, kind: kind, objectNear: 6})
				k = j + 1
			}
		case "spoke", "talked", "speaks", "spoken", "speaking":
			j := k + 1
			kind := KindMeeting
			for j < len(toks) && j < k+6 && toks[j].lower != "with" && toks[j].lower != "to" {
				l := toks[j].lower
				if callWords[l] {
					kind = KindCall
				} else if l != "by" && l != "over" && l != "the" && l != "on" && l != "via" && l != "a" && !adverbs[l] {
					break
				}
				j++
			}
			if (tokAt(toks, j).lower == "with" || tokAt(toks, j).lower == "to") && true {
				rule := "meeting-spoke-with"
				if kind == KindCall {
					rule = "call-spoke-by-phone"
				}
				out = append(out, trigger{start: k, end: j + 1, rule: rule, kind: kind, objectNear: 6})
				k = j
			}
		case "phoned", "telephoned", "called":
			if t.lower == "called" && (tokAt(toks, k+1).lower == "on" || tokAt(toks, k+1).lower == "for") {
				continue
			}
			out = append(out, trigger{start: k, end: k + 1, rule: "call-phoned", kind: KindCall, objectNear: 3})
		case "conference", "briefing":
			// "told a joint news conference with Zelenskiy": they stood together.
			if p := tokAt(toks, k-1).lower; (p == "news" || p == "press") && tokAt(toks, k+1).lower == "with" {
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-joint-news-conference", kind: KindMeeting, noun: true, objectNear: 6})
			}
		case "meeting", "meetings", "talks", "conversation", "call", "session", "discussions", "consultations":
			next := tokAt(toks, k+1).lower
			if prev := tokAt(toks, k-1).lower; t.lower == "meeting" && next != "with" && next != "between" &&
				(prev == "after" || prev == "," || prev == "while" || prev == "when") {
				// "after meeting X": a verb use.
				out = append(out, trigger{start: k, end: k + 1, rule: "meeting-after-meeting", kind: KindMeeting, noun: true, objectNear: 3})
				continue
			}
			if next == "on" && t.lower == "call" && (tokAt(toks, k-1).lower == "courtesy" || tokAt(toks, k-1).lower == "farewell" ||
				tokAt(toks, k-2).lower == "paid") {
				// "paid a courtesy call on X": a visit, not a phone call.
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-courtesy-call", kind: KindMeeting, noun: true, objectNear: 6})
				continue
			}
			if next == "from" && (t.lower == "call" || t.lower == "conversation") {
				// "received a phone call from X".
				out = append(out, trigger{start: k, end: k + 2, rule: "call-from", kind: KindCall, noun: true, objectNear: 6})
				continue
			}
			if next == "in" || next == "at" {
				// "talks in Beijing between X and Y".
				if _, n := places().placeAt(toks, k+2); n > 0 && tokAt(toks, k+2+n).lower == "between" {
					out = append(out, trigger{start: k, end: k + 3 + n, rule: "meeting-noun-between", kind: KindMeeting, noun: true, between: true, objectNear: 6})
					continue
				}
			}
			if next != "with" && next != "between" {
				// "X and Y discussed ... during talks in Moscow".
				kind, rule := KindMeeting, "meeting-pair-during-talks"
				if t.lower == "call" || t.lower == "conversation" {
					kind, rule = KindCall, "call-pair-in-phone-call"
				}
				for b := k - 1; b >= 0 && b >= k-3; b-- {
					l := toks[b].lower
					// "... of talks" after a measure: "two days of talks".
					ofTalks := l == "of" && b > 0 && (toks[b-1].lower == "days" || toks[b-1].lower == "day" ||
						toks[b-1].lower == "round" || toks[b-1].lower == "rounds" || toks[b-1].lower == "hours")
					if l == "during" || l == "at" || l == "in" || l == "over" || l == "after" || ofTalks {
						out = append(out, trigger{start: k, end: k + 1, rule: rule, kind: kind, noun: true, objectNear: -1})
						break
					}
					if callWords[l] {
						kind, rule = KindCall, "call-pair-in-phone-call"
						continue
					}
					if toks[b].kind != tokWord || !(l == "a" || l == "their" || l == "the" || eventModifiers[l] || l == "bilateral") {
						break
					}
				}
				continue
			}
			kind := KindMeeting
			rule := "meeting-noun-with"
			for b := k - 1; b >= 0 && b >= k-3; b-- {
				if callWords[toks[b].lower] {
					kind = KindCall
					rule = "call-noun-with"
				}
			}
			if t.lower == "call" && kind == KindMeeting {
				kind = KindCall
				rule = "call-noun-with"
			}
			if next == "between" {
				out = append(out, trigger{start: k, end: k + 2, rule: strings.Replace(rule, "with", "between", 1), kind: kind, noun: true, between: true, objectNear: 6})
				continue
			}
			out = append(out, trigger{start: k, end: k + 2, rule: rule, kind: kind, noun: true, objectNear: 6})
		}
	}
	return out
}

// hypothetical reports whether the words before a trigger make it planned,
// refused or unreal ("will meet", "is expected to hold talks with", "an
// upcoming meeting with").
func hypothetical(toks []token, tr trigger) bool {
	seen := 0
	for b := tr.start - 1; b >= 0 && seen < 4; b-- {
		l := toks[b].lower
		if toks[b].kind != tokWord {
			if toks[b].text == "," || toks[b].text == ";" {
				break
			}
			continue
		}
		if adverbs[l] {
			continue
		}
		if hypotheticalWords[l] {
			// "plans to meet" is a plan; "a five-point plan after talks" not.
			if (l == "plan" || l == "plans" || l == "set") && tokAt(toks, b+1).lower != "to" {
				continue
			}
			return true
		}
		// "called for talks with", "ready for a meeting with".
		if l == "for" && b > 0 && callsFor[toks[b-1].lower] {
			return true
		}
		seen++
		// Stop at the subject: a capitalised word or a pronoun.
		if toks[b].cap {
			break
		}
	}
	// "talks with X scheduled for January 23" / "a meeting ... will".
	if tr.noun {
		for k := tr.end; k < len(toks) && k < tr.end+10; k++ {
			l := toks[k].lower
			if l == "scheduled" || l == "planned" || l == "expected" {
				return true
			}
		}
	}
	return false
}

// includedGuests reads "hosted a summit (of ...), including X, Y and Z" or
// "attended by X and Y" after a hosting trigger.
func (d *docState) includedGuests(si int, tr trigger) []int {
	toks := d.sents[si].toks
	k := tr.end
	if w := tokAt(toks, k).lower; w != "a" && w != "an" && w != "the" {
		return nil
	}
	found := false
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		switch toks[j].lower {
		case "summit", "meeting", "talks", "dinner", "gathering", "conference", "reception", "lunch", "banquet":
			found = true
		}
	}
	if !found {
		return nil
	}
	for j := k; j+1 < len(toks) && j < k+20; j++ {
		l := toks[j].lower
		// "including X", "attended by X", "a banquet for X and his wife Y".
		if l != "including" && !(l == "attended" && toks[j+1].lower == "by") && !(l == "for" && j <= k+4) {
			continue
		}
		from := j + 1
		if l == "attended" {
			from++
		}
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			if m.spanStart < from || m.spanStart > from+2 || m.entity < 0 || m.quoted {
				continue
			}
			out := []int{mi}
			for nx := d.coordinated(si, mi); nx >= 0; nx = d.coordinated(si, nx) {
				out = append(out, nx)
			}
			return out
		}
		// "attended by Arab and European leaders, including X": read on.
	}
	return nil
}

// inPersonLater reports a meeting word after the object of "told": "told
// Putin ..., in their first face-to-face meeting", "told Xi at talks".
func inPersonLater(toks []token, k int) bool {
	for ; k < len(toks); k++ {
		switch toks[k].lower {
		case "meeting", "talks", "summit", "face-to-face", "dinner", "lunch", "banquet", "breakfast":
			return !hypothetical(toks, trigger{start: k, end: k + 1, noun: true})
		}
	}
	return false
}

// visitingSubject reports whether the person before a trigger is a visitor
// ("Visiting Chinese Premier Li Qiang told ...").
func (d *docState) visitingSubject(si int, tr trigger) bool {
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanEnd <= tr.start && m.visiting && !m.quoted {
			return true
		}
	}
	return false
}

// onlyFillers reports whether the words between a trigger and a person
// leave that person the trigger's object: determiners, descriptions
// ("visiting", "top security official"), dates, places and possessors
// ("Putin's envoy") may stand there, but not a preposition that makes the
// person the complement of another noun ("met the demands of X",
// "received support from X").
func onlyFillers(toks []token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		t := toks[k]
		switch t.lower {
		case "of", "for", "to", "from", "about", "against", "over", "that", "which", "who", ";", ":", ".", "after", "before":
			return false
		case "on":
			if !isDateWord(tokAt(toks, k+1)) && tokAt(toks, k+1).kind != tokNumber {
				return false
			}
		case "by":
			if k != from {
				return false
			}
		}
	}
	return true
}

// negatedAfter reports a denial or plan right after the participants of a
// noun trigger: "a meeting with Abbas was not on the agenda", "talks with
// X would take place".
func negatedAfter(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+4; j++ {
		if toks[j].kind == tokQuote {
			continue
		}
		if toks[j].kind != tokWord {
			return false
		}
		switch toks[j].lower {
		case "not", "never", "will", "would", "could", "might", "planned", "scheduled", "expected",
			"possible", "unlikely", "is", "remains":
			return true
		}
	}
	return false
}

// meetingsIn finds the meetings of one sentence.
func (d *docState) meetingsIn(si int) []Meeting {
	s := &d.sents[si]
	toks := s.toks
	var out []Meeting
	usable := func(mi int) bool {
		m := &d.mentions[mi]
		return m.entity >= 0 && !m.quoted
	}
	// "the two leaders" are the two people of the last meeting reported;
	// "the leaders of X and Y" the office holders of those countries.
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		switch {
		case m.kind != mentionGroup:
		case len(m.groupOf) > 0:
			if g := d.leadersOf(m.groupOf, m.descHead); len(g) >= 2 {
				m.group, m.entity = g, g[0]
			}
		case len(d.lastPair) == 2:
			m.group = d.lastPair
			m.entity = d.lastPair[0]
		}
	}
	for _, tr := range findTriggers(toks) {
		if s.quoted[tr.start] || hypothetical(toks, tr) {
			continue
		}
		var participants [][]int // groups of entities; several groups = separate meetings
		var objects []int
		if tr.objectNear < 0 {
			// The sentence subject is "X and Y".
			sub := d.subjectOf(si)
			if sub < 0 || d.mentions[sub].spanStart > tr.start {
				continue
			}
			group := []int{sub}
			for nx := d.coordinated(si, sub); nx >= 0 && d.mentions[nx].spanStart < tr.start; nx = d.coordinated(si, nx) {
				group = append(group, nx)
			}
			if len(d.participantEntities(group)) < 2 {
				// Only "X and Y" (or "the two leaders") met each other.
				continue
			}
			group = append(group, d.accompanied(si, tr)...)
			date, dateRule := d.meetingDate(si, tr, [][]int{group})
			if date == "" && d.usesGroup(group) && d.lastPairDate != "" {
				date, dateRule = d.lastPairDate, "date-of-the-two"
			}
			rule := tr.rule
			if dateRule != "" {
				rule += "+" + dateRule
			}
			if names := d.participantNames(group); len(names) >= 2 {
				out = append(out, Meeting{Participants: names, Date: Str(date), Place: Str(d.meetingPlace(si, tr, [][]int{group})),
					Kind: tr.kind, Evidence: s.text, Rule: rule})
				if ents := d.participantEntities(group); len(ents) == 2 {
					d.lastPair, d.lastPairDate = ents, date
				}
			}
			continue
		}
		// Objects: the first person after the trigger, and those joined to
		// it by "and" or commas.
		obj := -1
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			if m.spanStart >= tr.end && m.spanStart <= tr.end+tr.objectNear && usable(mi) && m.kind != mentionPronoun {
				// "welcomed Xi's proposal": a possessive is not the object;
				// "met the demands of X": X is not what was met.
				if tokAt(toks, m.spanEnd).kind == tokPoss || !onlyFillers(toks, tr.end, m.spanStart) {
					continue
				}
				obj = mi
				break
			}
			if m.spanStart >= tr.end+tr.objectNear {
				break
			}
		}
		if obj < 0 && tr.rule == "meeting-hosted" {
			// "hosted a summit of leaders, including X, Y and Z".
			if guests := d.includedGuests(si, tr); len(guests) > 0 {
				host := d.subjectFor(si, tr, guests)
				group := guests
				if host >= 0 {
					group = append([]int{host}, guests...)
				}
				// "Egypt hosted a summit attended by X, Y and Z": the guests
				// met each other even when the host is a country.
				{
					if names := d.participantNames(group); len(names) >= 2 {
						date, dateRule := d.meetingDate(si, tr, [][]int{group})
						rule := "meeting-hosted-including"
						if dateRule != "" {
							rule += "+" + dateRule
						}
						out = append(out, Meeting{Participants: names, Date: Str(date), Place: Str(d.meetingPlace(si, tr, [][]int{group})),
							Kind: KindMeeting, Evidence: s.text, Rule: rule})
					}
				}
				continue
			}
		}
		if obj < 0 && tr.rule == "meeting-hosted" && len(d.lastPair) == 2 {
			// "Cavusoglu, who hosted the talks": the host met the two who talked.
			if next := tokAt(toks, tr.end).lower; next == "the" || next == "their" {
				if w := tokAt(toks, tr.end+1).lower; w == "talks" || w == "meeting" || w == "negotiations" {
					if host := d.subjectFor(si, tr, nil); host >= 0 {
						ents := append([]int{d.mentions[host].entity}, d.lastPair...)
						var names []string
						seen := map[int]bool{}
						for _, e := range ents {
							if e >= 0 && !seen[e] {
								seen[e] = true
								names = append(names, d.entities[e].name)
							}
						}
						if len(names) >= 3 {
							out = append(out, Meeting{Participants: names, Date: Str(d.lastPairDate), Place: nil, Kind: KindMeeting,
								Evidence: s.text, Rule: "meeting-hosted-the-talks+date-of-the-talks"})
						}
					}
					continue
				}
			}
		}
		if obj < 0 {
			// "X and Y met (in September)": the subjects met each other.
			if !tr.noun && tr.rule == "meeting-met" {
				if ms := d.subjectsMetEachOther(si, tr); len(ms) >= 2 {
					date, dateRule := d.meetingDate(si, tr, [][]int{ms})
					rule := "meeting-x-and-y-met"
					if dateRule != "" {
						rule += "+" + dateRule
					}
					if names := d.participantNames(ms); len(names) >= 2 {
						out = append(out, Meeting{Participants: names, Date: Str(date), Place: Str(d.meetingPlace(si, tr, [][]int{ms})),
							Kind: tr.kind, Evidence: s.text, Rule: rule})
						if ents := d.participantEntities(ms); len(ents) == 2 {
							d.lastPair, d.lastPairDate = ents, date
						}
					}
				}
			}
			continue
		}
		objects = append(objects, obj)
		last := obj
		for {
			nx := d.coordinated(si, last)
			if nx < 0 {
				break
			}
			objects = append(objects, nx)
			last = nx
		}
		lastM := &d.mentions[last]
		kind := tr.kind
		afterAt := lastM.spanEnd
		if tokAt(toks, afterAt).text == "," {
			afterAt++ // "spoke to the German chancellor, Olaf Scholz, by phone"
		}
		if after := tokAt(toks, afterAt); after.lower == "by" || after.lower == "over" || after.lower == "via" {
			for k := afterAt + 1; k < len(toks) && k <= afterAt+3; k++ {
				if callWords[toks[k].lower] {
					kind = KindCall
				}
			}
		}
		if tr.noun && negatedAfter(toks, lastM.spanEnd) {
			continue
		}
		if tr.rule == "meeting-told" && kind != KindCall && !d.mentions[obj].visiting && !d.visitingSubject(si, tr) &&
			!inPersonLater(toks, lastM.spanEnd) {
			// "X told Y" is a contact only by phone or with a visitor.
			continue
		}
		separately, oneByOne := false, false
		for k := lastM.spanEnd; k < len(toks) && k < lastM.spanEnd+3; k++ {
			if toks[k].lower == "separately" || toks[k].lower == "respectively" {
				separately = true
			}
		}
		// "met separately with X and Y", "held separate meetings with".
		for k := tr.start; k < d.mentions[obj].spanStart && k < len(toks); k++ {
			if toks[k].lower == "separately" || toks[k].lower == "separate" {
				separately = true
			}
		}
		if tokAt(toks, tr.start-1).lower == "separate" && tr.noun {
			separately = true
		}
		if tr.between {
			if len(objects) < 2 {
				continue
			}
			participants = [][]int{objects}
		} else {
			subj := d.subjectFor(si, tr, objects)
			if subj < 0 {
				continue
			}
			subjects := []int{subj}
			// "X and Y held talks": both are subjects.
			if !tr.noun {
				first := subj
				for {
					p := d.coordinatedBefore(si, first)
					if p < 0 {
						break
					}
					subjects = append(subjects, p)
					first = p
				}
			}
			if !separately && len(objects) >= 2 && d.bilateral(si, objects) {
				// "Xi sat down with Macron, Meloni and Sanchez": leaders of
				// different countries, met one by one.
				separately, oneByOne = true, true
			}
			if separately {
				for _, o := range objects {
					participants = append(participants, append(append([]int{}, subjects...), o))
				}
			} else {
				participants = [][]int{append(append([]int{}, subjects...), objects...)}
			}
		}
		// "..., accompanied by X": X took part too.
		if !separately {
			if extra := d.accompanied(si, tr); len(extra) > 0 {
				participants[0] = append(participants[0], extra...)
			}
		}
		date, dateRule := d.meetingDate(si, tr, participants)
		if date == "" && len(participants) > 0 && d.usesGroup(participants[0]) && d.lastPairDate != "" {
			// "Niinisto hosted the two leaders": the day they met.
			date, dateRule = d.lastPairDate, "date-of-the-two"
		}
		place := d.meetingPlace(si, tr, participants)
		for _, group := range participants {
			names := d.participantNames(group)
			if ents := d.participantEntities(group); len(ents) == 2 {
				d.lastPair, d.lastPairDate = ents, date
			}
			if len(names) < 2 {
				continue
			}
			rule := tr.rule
			switch {
			case oneByOne:
				rule += "+one-by-one"
			case separately:
				rule += "+separately"
			}
			if dateRule != "" {
				rule += "+" + dateRule
			}
			if kind == KindCall && tr.kind != KindCall {
				rule = strings.Replace(rule, "meeting-", "call-", 1) + "+by-phone"
			}
			out = append(out, Meeting{Participants: names, Date: Str(date), Place: Str(place), Kind: kind,
				Evidence: s.text, Rule: rule})
		}
	}
	return out
}

// subjectsMetEachOther returns "X and Y" right before a trigger with no
// object ("Biden and Netanyahu last met in September").
func (d *docState) subjectsMetEachOther(si int, tr trigger) []int {
	toks := d.sents[si].toks
	k := tr.start - 1
	for k >= 0 && (adverbs[toks[k].lower] || toks[k].lower == "had" || toks[k].lower == "have" || toks[k].lower == "has") {
		k--
	}
	if next := tokAt(toks, tr.end).lower; next == "with" || next == "by" {
		return nil
	}
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanEnd != k+1 || m.entity < 0 || m.quoted {
			continue
		}
		group := []int{mi}
		first := mi
		for {
			p := d.coordinatedBefore(si, first)
			if p < 0 {
				break
			}
			group = append(group, p)
			first = p
		}
		return group
	}
	return nil
}

// participantNames maps mentions to distinct person names.
func (d *docState) participantNames(group []int) []string {
	var names []string
	for _, e := range d.participantEntities(group) {
		names = append(names, d.entities[e].name)
	}
	return names
}

// participantEntities maps mentions to distinct people, expanding "the two
// leaders" into both.
func (d *docState) participantEntities(group []int) []int {
	var ents []int
	seen := map[int]bool{}
	add := func(e int) {
		if e >= 0 && !seen[e] {
			seen[e] = true
			ents = append(ents, e)
		}
	}
	for _, mi := range group {
		m := &d.mentions[mi]
		if m.kind == mentionGroup {
			for _, e := range m.group {
				add(e)
			}
			continue
		}
		add(m.entity)
	}
	return ents
}

// leadersOf finds, for each country, the one person of the article who
// holds its top office (or its foreign ministry, for "foreign ministers").
func (d *docState) leadersOf(countries []string, head string) []int {
	var out []int
	for _, c := range countries {
		found := -1
		for e := range d.entities {
			ent := &d.entities[e]
			if ent.country != c && ent.of != c {
				continue
			}
			t := strings.ToLower(ent.title)
			ok := false
			if head == "foreign ministers" {
				ok = strings.Contains(t, "foreign") || t == "secretary of state"
			} else {
				ok = t == "president" || t == "prime minister" || t == "chancellor" || t == "king" || t == "emir" ||
					t == "premier" || t == "supreme leader" || t == "leader" || t == "sultan"
			}
			if !ok {
				continue
			}
			if found >= 0 {
				found = -2 // two candidates: do not guess
				break
			}
			found = e
		}
		if found >= 0 {
			out = append(out, found)
		}
	}
	return out
}

// bilateral reports whether the objects of a meeting come from different
// countries and nothing says they met together, so that each met the
// subject on their own.
func (d *docState) bilateral(si int, objects []int) bool {
	for _, t := range d.sents[si].toks {
		switch t.lower {
		case "together", "jointly", "joint", "trilateral", "three-way", "four-way", "quadrilateral":
			return false
		}
	}
	seen := map[string]bool{}
	for _, mi := range objects {
		m := &d.mentions[mi]
		if m.entity < 0 || m.kind == mentionGroup {
			return false
		}
		c := d.entities[m.entity].country
		if c == "" || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

// usesGroup reports whether a participant list has "the two leaders".
func (d *docState) usesGroup(group []int) bool {
	for _, mi := range group {
		if d.mentions[mi].kind == mentionGroup {
			return true
		}
	}
	return false
}

// accompanied returns the people of an "accompanied by X (and Y)" or
// "joined by X" phrase after a trigger.
func (d *docState) accompanied(si int, tr trigger) []int {
	toks := d.sents[si].toks
	for k := tr.end; k+1 < len(toks); k++ {
		if l := toks[k].lower; (l != "accompanied" && l != "joined") || toks[k+1].lower != "by" {
			continue
		}
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			if m.spanStart < k+2 || m.spanStart > k+6 || m.entity < 0 || m.quoted || !onlyFillers(toks, k+2, m.spanStart) {
				continue
			}
			out := []int{mi}
			for nx := d.coordinated(si, mi); nx >= 0; nx = d.coordinated(si, nx) {
				out = append(out, nx)
			}
			return out
		}
		return nil
	}
	return nil
}

// coordinated returns the person mention joined to mention mi by "and" or
// a comma ("X and Y", "X, Y and Z"), or -1.
func (d *docState) coordinated(si, mi int) int {
	toks := d.sents[si].toks
	m := &d.mentions[mi]
	k := m.spanEnd
	listComma := false
	if k < len(toks) && toks[k].text == "," {
		k++
		if tokAt(toks, k).lower == "and" {
			k++
		} else {
			listComma = true
		}
	} else if tokAt(toks, k).lower == "and" {
		k++
	} else {
		return -1
	}
	if tokAt(toks, k).lower == "with" {
		k++
	}
	if w := tokAt(toks, k).lower; (w == "the" || w == "his" || w == "her") && !listComma {
		// "X and the emir of Qatar, Sheikh Tamim": the title starts after it.
		for _, oi := range d.bySent[si] {
			o := &d.mentions[oi]
			if o.entity < 0 || o.quoted || o.kind != mentionName {
				continue
			}
			// "and the emir of Qatar, Sheikh Tamim", "and his wife Ri Sol Ju".
			if o.spanStart == k+1 || o.spanStart == k+2 && tokAt(toks, k+1).kind == tokWord && !tokAt(toks, k+1).cap {
				return oi
			}
		}
	}
	if listComma && tokAt(toks, k).kind == tokWord {
		// "Yang Jiechi, China's top foreign policy official, and Wang Yi":
		// skip an appositive (lower-case, or a country's possessive) to
		// the comma that closes it.
		_, isCountry := places().countryAt(toks, k)
		if !tokAt(toks, k).cap || isCountry > 0 && tokAt(toks, k+isCountry).kind == tokPoss {
			j := k
			for j < len(toks) && j < k+10 && toks[j].text != "," {
				j++
			}
			if tokAt(toks, j).text == "," && tokAt(toks, j+1).lower == "and" {
				k = j + 2
				listComma = false
			}
		}
	}
	for _, oi := range d.bySent[si] {
		o := &d.mentions[oi]
		if o.spanStart == k && o.entity >= 0 && !o.quoted && o.kind != mentionPronoun {
			// "X, Y and Z": a bare comma joins only inside a list.
			if listComma {
				after := tokAt(toks, o.spanEnd)
				if after.text != "," && after.lower != "and" {
					return -1
				}
			}
			return oi
		}
	}
	return -1
}

// coordinatedBefore returns the person mention joined by "and" before mi.
func (d *docState) coordinatedBefore(si, mi int) int {
	toks := d.sents[si].toks
	m := &d.mentions[mi]
	k := m.spanStart - 1
	if tokAt(toks, k).lower != "and" {
		return -1
	}
	for _, oi := range d.bySent[si] {
		o := &d.mentions[oi]
		if o.spanEnd == k && o.entity >= 0 && !o.quoted {
			return oi
		}
	}
	return -1
}

// subjectFor finds who met the objects: the nearest person before the
// trigger (outside quotes and complements); for "in a meeting with Y, X
// said" the first person after the objects.
func (d *docState) subjectFor(si int, tr trigger, objects []int) int {
	isObj := func(mi int) bool {
		for _, o := range objects {
			if o == mi || d.mentions[o].entity == d.mentions[mi].entity {
				return true
			}
		}
		return false
	}
	best := -1
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanEnd > tr.start {
			break
		}
		if m.entity < 0 || m.quoted || m.complement || isObj(mi) {
			continue
		}
		best = mi
	}
	if best >= 0 {
		// Prefer the clause subject over a name inside the subject's own
		// appositive: walk back while the candidate is in an appositive.
		return d.headOfAppositive(si, best)
	}
	if !tr.noun {
		return -1
	}
	lastObj := &d.mentions[objects[len(objects)-1]]
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanStart < lastObj.spanEnd || m.entity < 0 || m.quoted || m.complement || isObj(mi) {
			continue
		}
		return mi
	}
	return -1
}

// headOfAppositive returns the name an appositive belongs to when mention
// mi sits inside one ("X, a senior adviser to Y, told ..." → X).
func (d *docState) headOfAppositive(si, mi int) int {
	for _, oi := range d.bySent[si] {
		o := &d.mentions[oi]
		if oi == mi || o.entity < 0 || o.quoted {
			continue
		}
		if o.ofEnd > o.ofStart && d.mentions[mi].nameStart >= o.ofStart && d.mentions[mi].nameStart < o.ofEnd+3 {
			return oi
		}
	}
	return mi
}

// meetingDate picks the date expression nearest the trigger; failing
// that, for "said in a meeting with" sentences, the date of the speaker's
// previous dated sentence.
func (d *docState) meetingDate(si int, tr trigger, groups [][]int) (string, string) {
	best, bestDist := -1, 1<<30
	rel := relativeClauses(d.sents[si].toks)
	toks := d.sents[si].toks
	for k, dm := range d.dates[si] {
		if d.sents[si].quoted[dm.i] || rel[dm.i] && !rel[tr.start] {
			continue
		}
		// "GENEVA, June 16 (TASS) -": the dateline's date is the report's.
		if isDatelineDate(toks, dm) {
			continue
		}
		// "..., state media said on Wednesday": the date of the report.
		if p := tokAt(toks, dm.i-1).lower; speechVerbs[p] || p == "reported" ||
			p == "on" && (speechVerbs[tokAt(toks, dm.i-2).lower] || tokAt(toks, dm.i-2).lower == "reported") {
			continue
		}
		// "for the second time this year" counts meetings, it does not date one.
		if tokAt(toks, dm.i-1).lower == "time" {
			continue
		}
		// "since Oct. 7", "after the Oct. 7 attack": another event's date.
		switch tokAt(toks, dm.i-1).lower {
		case "since", "until", "till", "from", "after", "before", "by", "through", "of":
			continue
		}
		if next := tokAt(toks, dm.j); next.kind == tokWord && eventHeads[next.lower] || next.kind == tokPoss {
			continue
		}
		// "... on Thursday, a day after X held talks with Y": a clause
		// boundary between the date and the trigger.
		if clauseBetween(toks, dm, tr) {
			continue
		}
		// Distance to the trigger or to the nearest participant.
		dist := spanDistance(dm.i, dm.j, tr.start, tr.end)
		for _, g := range groups {
			for _, mi := range g {
				m := &d.mentions[mi]
				if dd := spanDistance(dm.i, dm.j, m.spanStart, m.spanEnd); dd < dist {
					dist = dd
				}
			}
		}
		if dist < bestDist && dist <= 16 {
			best, bestDist = k, dist
		}
	}
	if best >= 0 {
		dm := d.dates[si][best]
		if d.pub.d > 0 && dm.value.d > 0 && dm.value.time().After(d.pub.time()) {
			return "", ""
		}
		return dm.value.String(), dm.rule
	}
	if len(groups) == 0 {
		return "", ""
	}
	// An earlier sentence (at most three back) naming all of them together
	// with a date: "Kim and Moon pledged on Friday ... Kim shook hands
	// with Moon".
	if ents := d.participantEntities(groups[0]); len(ents) >= 2 {
		for back := si - 1; back >= 0 && back >= si-3; back-- {
			present := map[int]bool{}
			for _, mi := range d.bySent[back] {
				if m := &d.mentions[mi]; !m.quoted && m.entity >= 0 {
					present[m.entity] = true
				}
			}
			all := true
			for _, e := range ents {
				all = all && present[e]
			}
			if !all {
				continue
			}
			for _, dm := range d.dates[back] {
				if !d.sents[back].quoted[dm.i] && dm.value.d > 0 && !isDatelineDate(d.sents[back].toks, dm) {
					return dm.value.String(), "date-from-earlier-sentence"
				}
			}
		}
	}
	// "On Sunday, Trump addressed ... He held separate meetings with ...",
	// "... on Tuesday. Later, Putin held a meeting with ...": the same
	// subject carries on the previous sentence and its date.
	if first := &d.mentions[groups[0][0]]; si > 0 && first.entity >= 0 {
		// Up to two sentences back, as long as each has the same subject.
		for back := si - 1; back >= 0 && back >= si-2; back-- {
			prev := d.subjectOf(back)
			if prev < 0 || d.mentions[prev].entity != first.entity {
				break
			}
			for _, dm := range d.dates[back] {
				if !d.sents[back].quoted[dm.i] && dm.value.d > 0 && !isDatelineDate(d.sents[back].toks, dm) {
					return dm.value.String(), "date-of-previous-sentence"
				}
			}
		}
	}
	// At the top of a story, the talks the lead sentence dates: "The
	// first talks ... got off to a rocky start on Thursday. Blinken and
	// Sullivan sat down with Yang and Wang in Anchorage."
	if date := d.leadTalksDate(si); date != "" {
		return date, "date-of-the-lead-talks"
	}
	if !tr.noun || !d.speechSentence(si) {
		return "", ""
	}
	subject := d.mentions[groups[0][0]].entity
	for back := si - 1; back >= 0 && back >= si-4; back-- {
		if len(d.dates[back]) == 0 {
			continue
		}
		for _, mi := range d.bySent[back] {
			m := &d.mentions[mi]
			if m.entity == subject && !m.quoted && !m.complement {
				for _, dm := range d.dates[back] {
					if !d.sents[back].quoted[dm.i] && dm.value.d > 0 {
						return dm.value.String(), "date-from-earlier-statement"
					}
				}
			}
		}
	}
	return "", ""
}

// leadTalksDate returns the date of talks, a meeting or a summit dated in
// one of the two sentences before si, when si is among the first four
// sentences of the story (headlines not counted).
func (d *docState) leadTalksDate(si int) string {
	body := 0
	for k := 0; k < si; k++ {
		if !d.sents[k].headline {
			body++
		}
	}
	if body > 3 {
		return ""
	}
	for back := si - 1; back >= 0 && back >= si-2; back-- {
		toks := d.sents[back].toks
		for k, t := range toks {
			switch t.lower {
			case "talks", "meeting", "summit", "negotiations":
			default:
				continue
			}
			if d.sents[back].quoted[k] || hypothetical(toks, trigger{start: k, end: k + 1, noun: true}) {
				continue
			}
			for _, dm := range d.dates[back] {
				if dm.value.d > 0 && !isDatelineDate(toks, dm) && spanDistance(dm.i, dm.j, k, k+1) <= 14 {
					return dm.value.String()
				}
			}
		}
	}
	return ""
}

// speechSentence reports whether a sentence reports speech ("said",
// "made the remarks", "told").
func (d *docState) speechSentence(si int) bool {
	for k, t := range d.sents[si].toks {
		if d.sents[si].quoted[k] {
			continue
		}
		switch t.lower {
		case "said", "says", "told", "remarks", "stressed", "noted", "added", "underlined", "emphasized", "emphasised":
			return true
		}
	}
	return false
}

// meetingPlace reads "in <city or country>" in the sentence; a visiting
// participant with no stated place met in the dateline city.
func (d *docState) meetingPlace(si int, tr trigger, groups [][]int) string {
	toks := d.sents[si].toks
	g := places()
	// "in <place>" right after the trigger or the last participant, or
	// opening the sentence.
	near := map[int]bool{0: true, tr.end: true, tr.end + 1: true}
	for _, group := range groups {
		for _, mi := range group {
			e := d.mentions[mi].spanEnd
			near[e], near[e+1] = true, true
		}
	}
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].lower != "in" || d.sents[si].quoted[k] {
			continue
		}
		if p, n := g.placeAt(toks, k+1); n > 0 {
			if tokAt(toks, k+1+n).kind == tokPoss {
				continue
			}
			// A city anywhere after the trigger; a country only right
			// after it or a participant ("developments in Syria" is not
			// where they met).
			_, isCountry := g.countryAt(toks, k+1)
			if near[k] || isCountry == 0 && k > tr.start {
				return p
			}
		}
	}
	for _, group := range groups {
		for _, mi := range group {
			if d.mentions[mi].visiting && d.datelinePlace != "" {
				return d.datelinePlace
			}
		}
	}
	return ""
}

// mergeMeetings joins repeated reports of one meeting within an article,
// keeping a date where any report has one.
func mergeMeetings(ms []Meeting) []Meeting {
	out := []Meeting{}
	key := func(m Meeting) string {
		names := append([]string{}, m.Participants...)
		sort.Strings(names)
		return m.Kind + "\x00" + strings.Join(names, "\x00")
	}
	dated := map[string]bool{}
	for _, m := range ms {
		if m.Date != nil {
			dated[key(m)] = true
		}
	}
	index := map[string]int{}
	for _, m := range ms {
		k := key(m)
		if m.Date == nil && dated[k] {
			// The same contact reported again without its date.
			for i := range out {
				if key(out[i]) == k && out[i].Place == nil && m.Place != nil {
					out[i].Place = m.Place
				}
			}
			continue
		}
		k += "\x00" + Deref(m.Date)
		if i, ok := index[k]; ok {
			if out[i].Place == nil && m.Place != nil {
				out[i].Place = m.Place
			}
			continue
		}
		index[k] = len(out)
		out = append(out, m)
	}
	return out
}

// relativeClauses marks the tokens of ", who/which ... ," clauses, whose
// dates belong to another event ("Mekdad, who arrived on Sunday, met ...").
func relativeClauses(toks []token) []bool {
	in := make([]bool, len(toks))
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].text != "," {
			continue
		}
		if l := toks[k+1].lower; l != "who" && l != "which" && l != "whose" {
			continue
		}
		j := k + 1
		for j < len(toks) && toks[j].text != "," && toks[j].text != ";" {
			in[j] = true
			j++
		}
		k = j - 1
	}
	return in
}

// spanDistance is the number of tokens between spans [a, b) and [c, e).
func spanDistance(a, b, c, e int) int {
	switch {
	case b <= c:
		return c - b
	case e <= a:
		return a - e
	}
	return 0
}

// clauseBetween reports a subordinating word or semicolon between a date
// and a trigger, which puts them in different clauses.
func clauseBetween(toks []token, dm dateMention, tr trigger) bool {
	from, to := dm.j, tr.start
	if dm.i >= tr.end {
		from, to = tr.end, dm.i
	}
	for k := from; k < to && k < len(toks); k++ {
		switch toks[k].lower {
		case "whereas", "although", "while", ";":
			return true
		case "after", "before", "since", "until":
			// A clause when a subject follows ("after Aliyev held talks"),
			// not a phrase ("since 2019", "after the talks").
			next := tokAt(toks, k+1)
			if next.kind == tokWord && (next.cap && !isDateWord(next) || next.lower == "he" || next.lower == "she" || next.lower == "they") {
				return true
			}
		}
	}
	return false
}

// isDatelineDate reports a date at the head of a sentence that is followed
// by "(Agency)" or a dash: "BEIJING, March 7 (Reuters) -".
func isDatelineDate(toks []token, dm dateMention) bool {
	if dm.i > 4 {
		return false
	}
	next := tokAt(toks, dm.j)
	if next.text == "." {
		next = tokAt(toks, dm.j+1)
	}
	switch next.text {
	case "(", "-", "–", "—", "/", "--":
		return true
	}
	return false
}
