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
	"forthcoming", "prospective", "if", "unless")

var adverbs = set("also", "separately", "later", "reportedly", "again", "first", "then", "briefly",
	"recently", "already", "last", "previously", "earlier", "subsequently", "personally", "twice")

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
		case "conferred", "sat":
			if w := tokAt(toks, k+1).lower; w == "with" || (w == "down" && tokAt(toks, k+2).lower == "with") {
				end := k + 2
				if w == "down" {
					end++
				}
				out = append(out, trigger{start: k, end: end, rule: "meeting-conferred", kind: KindMeeting, objectNear: 6})
			}
		case "received", "hosted", "welcomed":
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
		case "meeting", "meetings", "talks", "conversation", "call", "session", "discussions", "consultations":
			next := tokAt(toks, k+1).lower
			if prev := tokAt(toks, k-1).lower; t.lower == "meeting" && next != "with" && next != "between" &&
				(prev == "after" || prev == "," || prev == "while" || prev == "when") {
				// "after meeting X": a verb use.
				out = append(out, trigger{start: k, end: k + 1, rule: "meeting-after-meeting", kind: KindMeeting, noun: true, objectNear: 3})
				continue
			}
			if next == "from" && (t.lower == "call" || t.lower == "conversation") {
				// "received a phone call from X".
				out = append(out, trigger{start: k, end: k + 2, rule: "call-from", kind: KindCall, noun: true, objectNear: 6})
				continue
			}
			if next != "with" && next != "between" {
				// "X and Y discussed ... during talks in Moscow".
				kind, rule := KindMeeting, "meeting-pair-during-talks"
				if t.lower == "call" || t.lower == "conversation" {
					kind, rule = KindCall, "call-pair-in-phone-call"
				}
				for b := k - 1; b >= 0 && b >= k-3; b-- {
					if l := toks[b].lower; l == "during" || l == "at" || l == "in" || l == "over" {
						out = append(out, trigger{start: k, end: k + 1, rule: rule, kind: kind, noun: true, objectNear: -1})
						break
					}
					l := toks[b].lower
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
				out = append(out, trigger{start: k, end: k + 2, rule: strings.Replace(rule, "with", "between", 1), kind: kind, noun: true, between: true, objectNear: 4})
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
			if len(group) < 2 {
				continue
			}
			date, dateRule := d.meetingDate(si, tr, [][]int{group})
			rule := tr.rule
			if dateRule != "" {
				rule += "+" + dateRule
			}
			if names := d.participantNames(group); len(names) >= 2 {
				out = append(out, Meeting{Participants: names, Date: Str(date), Place: Str(d.meetingPlace(si, tr, [][]int{group})),
					Kind: tr.kind, Evidence: s.text, Rule: rule})
			}
			continue
		}
		// Objects: the first person after the trigger, and those joined to
		// it by "and" or commas.
		obj := -1
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			if m.spanStart >= tr.end && m.spanStart <= tr.end+tr.objectNear && usable(mi) && m.kind != mentionPronoun {
				obj = mi
				break
			}
			if m.spanStart >= tr.end+tr.objectNear {
				break
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
		if after := tokAt(toks, lastM.spanEnd); after.lower == "by" || after.lower == "over" || after.lower == "via" {
			for k := lastM.spanEnd + 1; k < len(toks) && k <= lastM.spanEnd+3; k++ {
				if callWords[toks[k].lower] {
					kind = KindCall
				}
			}
		}
		if tr.noun && negatedAfter(toks, lastM.spanEnd) {
			continue
		}
		if tr.rule == "meeting-told" && kind != KindCall && !d.mentions[obj].visiting && !d.visitingSubject(si, tr) {
			// "X told Y" is a contact only by phone or with a visitor.
			continue
		}
		separately := false
		for k := lastM.spanEnd; k < len(toks) && k < lastM.spanEnd+3; k++ {
			if toks[k].lower == "separately" || toks[k].lower == "respectively" {
				separately = true
			}
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
			if separately {
				for _, o := range objects {
					participants = append(participants, append(append([]int{}, subjects...), o))
				}
			} else {
				participants = [][]int{append(append([]int{}, subjects...), objects...)}
			}
		}
		date, dateRule := d.meetingDate(si, tr, participants)
		place := d.meetingPlace(si, tr, participants)
		for _, group := range participants {
			names := d.participantNames(group)
			if len(names) < 2 {
				continue
			}
			rule := tr.rule
			if separately {
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
	for k >= 0 && adverbs[toks[k].lower] {
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
	seen := map[int]bool{}
	for _, mi := range group {
		e := d.mentions[mi].entity
		if e < 0 || seen[e] {
			continue
		}
		seen[e] = true
		names = append(names, d.entities[e].name)
	}
	return names
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
		// "since Oct. 7", "after the Oct. 7 attack": another event's date.
		switch tokAt(toks, dm.i-1).lower {
		case "since", "until", "till", "from", "after", "before", "by", "through", "of":
			continue
		}
		if next := tokAt(toks, dm.j); next.kind == tokWord && eventHeads[next.lower] || next.kind == tokPoss {
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
		if dist < bestDist && dist <= 12 {
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
	if !tr.noun || len(groups) == 0 || !d.speechSentence(si) {
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
