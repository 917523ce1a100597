package extract

import (
	"sort"
	"strings"

	"github.com/kg-project/kg/schema"
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
			out = append(out, trigger{start: k, end: end, rule: "meeting-met", kind: schema.KindMeeting, objectNear: 6})
		case "told":
			out = append(out, trigger{start: k, end: k + 1, rule: "meeting-told", kind: schema.KindMeeting, objectNear: 2})
		case "shook", "shaken", "shakes":
			// "X shook hands with Y", "X and Y shook hands".
			if tokAt(toks, k+1).lower == "hands" {
				if tokAt(toks, k+2).lower == "with" {
					out = append(out, trigger{start: k, end: k + 3, rule: "meeting-shook-hands", kind: schema.KindMeeting, objectNear: 6})
				} else {
					out = append(out, trigger{start: k, end: k + 2, rule: "meeting-pair-shook-hands", kind: schema.KindMeeting, objectNear: -1})
				}
			}
		case "conferred", "sat", "sitting", "sits":
			// "X and Y ... sat down for their first formal talks".
			if t.lower != "conferred" && tokAt(toks, k+1).lower == "down" && tokAt(toks, k+2).lower == "for" {
				out = append(out, trigger{start: k, end: k + 3, rule: "meeting-pair-sat-down", kind: schema.KindMeeting, objectNear: -1})
				continue
			}
			if w := tokAt(toks, k+1).lower; w == "with" || (w == "down" && tokAt(toks, k+2).lower == "with") {
				end := k + 2
				if w == "down" {
					end++
				}
				out = append(out, trigger{start: k, end: end, rule: "meeting-conferred", kind: schema.KindMeeting, objectNear: 6})
			}
		case "took", "participated", "take", "takes":
			// "A, B, C and D took part in the four-way talks".
			n := k + 1
			if t.lower != "participated" {
				if tokAt(toks, n).lower != "part" {
					continue
				}
				n++
			}
			if tokAt(toks, n).lower != "in" {
				continue
			}
			for j := n + 1; j < len(toks) && j <= n+4; j++ {
				if sessionNouns[toks[j].lower] {
					out = append(out, trigger{start: k, end: j + 1, rule: "meeting-pair-took-part", kind: schema.KindMeeting, objectNear: -1})
					break
				}
				if toks[j].kind != tokWord && toks[j].text != "-" {
					break
				}
			}
		case "joined":
			// "Rachel Ruto joined Jill Biden for a tour". The passive "X was
			// joined by Y" is left to the meeting it belongs to ("Biden was
			// joined by Blinken" at a virtual summit met nobody new).
			if tokAt(toks, k+1).lower != "by" {
				out = append(out, trigger{start: k, end: k + 1, rule: "meeting-joined-person", kind: schema.KindMeeting, objectNear: 3})
			}
		case "dined", "lunched", "breakfasted":
			// "X dined with Y".
			if tokAt(toks, k+1).lower == "with" {
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-dined-with", kind: schema.KindMeeting, objectNear: 6})
			}
		case "exchanged":
			// "the two exchanged pleasantries / greetings".
			if w := tokAt(toks, k+1).lower; w == "pleasantries" || w == "greetings" || w == "handshakes" || w == "gifts" ||
				tokAt(toks, k+2).lower == "pleasantries" || tokAt(toks, k+2).lower == "greetings" {
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-pair-exchanged-greetings", kind: schema.KindMeeting, objectNear: -1})
			}
		case "received", "hosted", "welcomed", "summoned", "greeted", "embraced", "hugged", "chaired":
			if tokAt(toks, k+1).lower == "each" && tokAt(toks, k+2).lower == "other" && t.lower != "hosted" && t.lower != "summoned" {
				// "X and Y greeted each other".
				out = append(out, trigger{start: k, end: k + 3, rule: "meeting-pair-" + t.lower + "-each-other", kind: schema.KindMeeting, objectNear: -1})
				continue
			}
			// Only with a person right after: "received Syrian Prime Minister X".
			end := k + 1
			if passiveBy := passiveAgent(toks, k); passiveBy > 0 {
				// "The emir was greeted at Cairo airport by X".
				end = passiveBy + 1
			}
			out = append(out, trigger{start: k, end: end, rule: "meeting-" + t.lower, kind: schema.KindMeeting, objectNear: 3})
		case "signed":
			// "X and Y signed the agreement": they stood together.
			for j := k + 1; j < len(toks) && j <= k+6; j++ {
				if signedThings[toks[j].lower] {
					out = append(out, trigger{start: k, end: k + 1, rule: "meeting-pair-signed", kind: schema.KindMeeting, objectNear: -1})
					break
				}
				if toks[j].kind != tokWord {
					break
				}
			}
		case "brought", "brings", "bring", "bringing":
			// "Annan brought Kibaki and Odinga together for talks": the
			// mediator and both sides met.
			for j := k + 1; j < len(toks) && j < k+16; j++ {
				if toks[j].text == "." || toks[j].text == ";" {
					break
				}
				if toks[j].lower == "together" {
					out = append(out, trigger{start: k, end: k + 1, rule: "meeting-brought-together", kind: schema.KindMeeting, objectNear: 3})
					break
				}
			}
		case "held", "holds", "had", "has", "hold", "holding":
			// held talks / a meeting / a phone call / a telephone conversation with
			j := k + 1
			kind := schema.KindMeeting
			for j < len(toks) && j < k+9 {
				l := toks[j].lower
				// Only modifiers stand between: "held an impromptu
				// 25-minute meeting", "back-to-back summits"; a preposition
				// or a clause ends the search.
				if toks[j].kind == tokPunct && toks[j].text != "-" || l == "for" || l == "of" || l == "to" && tokAt(toks, j-1).text != "-" ||
					l == "on" || l == "ahead" || l == "before" || l == "after" || l == "that" {
					j = k + 9
					break
				}
				if callWords[l] {
					kind = schema.KindCall
				}
				if l == "talks" || l == "meeting" || l == "meetings" || l == "conversation" || l == "call" ||
					l == "discussions" || l == "consultations" || l == "negotiations" || l == "conversations" || l == "summit" || l == "summits" ||
					meals[l] && (tokAt(toks, j+1).lower == "with" || tokAt(toks, j+1).lower == "together") {
					break
				}
				j++
			}
			// "held talks via video link with X", "by phone with X": a call.
			if j < len(toks) && j < k+9 {
				q := j + 1
				sawCall := false
				for q < len(toks) && q <= j+4 && remoteWords[toks[q].lower] {
					if callWords[toks[q].lower] || toks[q].lower == "link" || toks[q].lower == "online" || toks[q].lower == "virtually" {
						sawCall = true
					}
					q++
				}
				if sawCall && tokAt(toks, q).lower == "with" {
					out = append(out, trigger{start: k, end: q + 1, rule: "call-held", kind: schema.KindCall, objectNear: 6})
					k = q
					continue
				}
			}
			// "held talks in Moscow with X": skip a short place phrase.
			if j < len(toks) && j < k+9 {
				if w := tokAt(toks, j+1).lower; w == "in" || w == "at" {
					if _, n := places().placeAt(toks, j+2); n > 0 && tokAt(toks, j+2+n).lower == "with" {
						out = append(out, trigger{start: k, end: j + 3 + n, rule: "meeting-held-talks", kind: kind, objectNear: 6})
						k = j + 2 + n
						continue
					}
				}
			}
			if j < len(toks) && j < k+9 && tokAt(toks, j+1).lower != "with" && (toks[j].lower == "talks" || toks[j].lower == "meeting" || toks[j].lower == "call" || toks[j].lower == "conversation" || toks[j].lower == "summit" ||
				meals[toks[j].lower] && tokAt(toks, j+1).lower == "together") {
				// "X and Y held talks in New Delhi".
				rule := "meeting-pair-held-talks"
				if kind == schema.KindCall {
					rule = "call-pair-held"
				}
				out = append(out, trigger{start: k, end: j + 1, rule: rule, kind: kind, objectNear: -1})
				k = j
				continue
			}
			if j < len(toks) && j < k+9 && tokAt(toks, j+1).lower == "with" {
				rule := "meeting-held-talks"
				if toks[j].lower == "summits" || toks[j].lower == "meetings" {
					// "held back-to-back summits with X, Y and Z": one each.
					rule = "meeting-held-separate"
				}
				if kind == schema.KindCall {
					rule = "call-held"
				}
				out = append(out, trigger{start: k, end: j + 2, rule: rule, kind: kind, objectNear: 6})
				k = j + 1
			}
		case "spoke", "talked", "speaks", "spoken", "speaking":
			j := k + 1
			kind := schema.KindMeeting
			for j < len(toks) && j < k+6 && toks[j].lower != "with" && toks[j].lower != "to" {
				l := toks[j].lower
				if callWords[l] {
					kind = schema.KindCall
				} else if l != "by" && l != "over" && l != "the" && l != "on" && l != "via" && l != "a" && !adverbs[l] {
					break
				}
				j++
			}
			if (tokAt(toks, j).lower == "with" || tokAt(toks, j).lower == "to") && true {
				rule := "meeting-spoke-with"
				if kind == schema.KindCall {
					rule = "call-spoke-by-phone"
				}
				out = append(out, trigger{start: k, end: j + 1, rule: rule, kind: kind, objectNear: 6})
				k = j
			}
		case "phoned", "telephoned", "called":
			if t.lower == "called" && tokAt(toks, k+1).lower == "on" && !urging(toks, k+2) {
				// "called on X at his hotel": a visit. "called on X to
				// withdraw" is a demand and no meeting.
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-called-on", kind: schema.KindMeeting, objectNear: 3})
				continue
			}
			if t.lower == "called" && (tokAt(toks, k+1).lower == "on" || tokAt(toks, k+1).lower == "for") {
				continue
			}
			out = append(out, trigger{start: k, end: k + 1, rule: "call-phoned", kind: schema.KindCall, objectNear: 3})
		case "conference", "briefing":
			// "told a joint news conference with Zelenskiy": they stood together.
			if p := tokAt(toks, k-1).lower; (p == "news" || p == "press") && tokAt(toks, k+1).lower == "with" {
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-joint-news-conference", kind: schema.KindMeeting, noun: true, objectNear: 6})
			}
		case "summit":
			// "X and Y agreed ... in their first summit", "X and Y ended
			// their second summit": only with "their", since "the summit"
			// is mostly a gathering of many.
			for b := k - 1; b >= 0 && b >= k-3; b-- {
				l := toks[b].lower
				if l == "their" {
					if p := tokAt(toks, b-1).lower; p == "during" || p == "at" || p == "in" || p == "after" || sessionVerbs[p] {
						out = append(out, trigger{start: k, end: k + 1, rule: "meeting-pair-during-talks", kind: schema.KindMeeting, noun: true, objectNear: -1})
					}
					break
				}
				if toks[b].kind != tokWord || !(eventModifiers[l] || ordinals[l] || l == "bilateral") {
					break
				}
			}
		case "meeting", "meetings", "talks", "conversation", "call", "session", "discussions", "consultations":
			next := tokAt(toks, k+1).lower
			if prev := tokAt(toks, k-1).lower; t.lower == "meeting" && next != "with" && next != "between" &&
				(prev == "after" || prev == "," || prev == "while" || prev == "when") {
				// "after meeting X": a verb use.
				out = append(out, trigger{start: k, end: k + 1, rule: "meeting-after-meeting", kind: schema.KindMeeting, noun: true, objectNear: 3})
				continue
			}
			if next == "on" && t.lower == "call" && (tokAt(toks, k-1).lower == "courtesy" || tokAt(toks, k-1).lower == "farewell" ||
				tokAt(toks, k-2).lower == "paid") {
				// "paid a courtesy call on X": a visit, not a phone call.
				out = append(out, trigger{start: k, end: k + 2, rule: "meeting-courtesy-call", kind: schema.KindMeeting, noun: true, objectNear: 6})
				continue
			}
			if next == "from" && (t.lower == "call" || t.lower == "conversation") {
				// "received a phone call from X".
				out = append(out, trigger{start: k, end: k + 2, rule: "call-from", kind: schema.KindCall, noun: true, objectNear: 6})
				continue
			}
			if next == "in" || next == "at" {
				// "talks in Beijing between X and Y".
				if _, n := places().placeAt(toks, k+2); n > 0 && tokAt(toks, k+2+n).lower == "between" {
					out = append(out, trigger{start: k, end: k + 3 + n, rule: "meeting-noun-between", kind: schema.KindMeeting, noun: true, between: true, objectNear: 6})
					continue
				}
			}
			if next != "with" && next != "between" {
				// "X and Y discussed ... during talks in Moscow".
				kind, rule := schema.KindMeeting, "meeting-pair-during-talks"
				if t.lower == "call" || t.lower == "conversation" {
					kind, rule = schema.KindCall, "call-pair-in-phone-call"
				}
				for b := k - 1; b >= 0 && b >= k-6; b-- {
					l := toks[b].lower
					// "X and Y ended their talks".
					if l == "their" && sessionVerbs[tokAt(toks, b-1).lower] {
						out = append(out, trigger{start: k, end: k + 1, rule: rule, kind: kind, noun: true, objectNear: -1})
						break
					}
					// "... of talks" after a measure: "two days of talks".
					ofTalks := l == "of" && b > 0 && (toks[b-1].lower == "days" || toks[b-1].lower == "day" ||
						toks[b-1].lower == "round" || toks[b-1].lower == "rounds" || toks[b-1].lower == "hours")
					if l == "during" || l == "at" || l == "in" || l == "over" || l == "after" || ofTalks {
						out = append(out, trigger{start: k, end: k + 1, rule: rule, kind: kind, noun: true, objectNear: -1})
						break
					}
					if callWords[l] {
						kind, rule = schema.KindCall, "call-pair-in-phone-call"
						continue
					}
					// "during the 90-minute meeting".
					duration := toks[b].kind == tokNumber || toks[b].text == "-" || l == "minute" || l == "hour" || l == "day" || l == "long"
					if duration && b > k-6 {
						continue
					}
					if toks[b].kind != tokWord || !(l == "a" || l == "their" || l == "the" || eventModifiers[l] || l == "bilateral") {
						break
					}
				}
				continue
			}
			if p := tokAt(toks, k-1).lower; (p == "the" || p == "that") && speechVerbs[tokAt(toks, k-2).lower] {
				// "Ley said the meeting with Trump was overdue": the speaker
				// comments on a meeting, she did not take part in it.
				continue
			}
			kind := schema.KindMeeting
			rule := "meeting-noun-with"
			for b := k - 1; b >= 0 && b >= k-3; b-- {
				if callWords[toks[b].lower] {
					kind = schema.KindCall
					rule = "call-noun-with"
				}
			}
			if t.lower == "call" && kind == schema.KindMeeting {
				kind = schema.KindCall
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

// laterBefore reports a bare "later" before the trigger at toks[end] ("X
// later met Y", "Later, X met Y"), not "later this month" or "later in the
// week".
func laterBefore(toks []token, end int) bool {
	for k := 0; k < end && k < len(toks); k++ {
		if toks[k].lower != "later" {
			continue
		}
		switch tokAt(toks, k+1).lower {
		case "this", "that", "in", "next", "on", "the":
			continue
		}
		return true
	}
	return false
}

// relativeBetween reports ", who" or ", which" between two positions.
func relativeBetween(toks []token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		if l := toks[k].lower; (l == "who" || l == "which") && tokAt(toks, k-1).text == "," {
			return true
		}
	}
	return false
}

// reportVerbs are the speech verbs that date a report, not the meeting it
// reports ("said on Wednesday"); "agreed", "discussed", "pledged" date what
// the participants did together.
func reportVerbs(w string) bool {
	switch w {
	case "agreed", "discussed", "pledged", "vowed", "made", "thanked", "congratulated", "conveyed", "welcomed", "hailed":
		return false
	}
	return speechVerbs[w]
}

// dayShiftBefore finds "a day after" / "two days before" within the few
// tokens before a trigger, with no comma between, and returns where the
// phrase starts and the shift in days (-1 for "a day after": the trigger
// happened the day before the date stated).
func dayShiftBefore(toks []token, start int) (int, int) {
	for b := start - 1; b >= 1 && b >= start-7; b-- {
		l := toks[b].lower
		if toks[b].text == "," || toks[b].text == ";" {
			return -1, 0
		}
		if l != "after" && l != "before" {
			continue
		}
		unit := toks[b-1].lower
		if unit != "day" && unit != "days" {
			return -1, 0
		}
		n := 0
		switch tokAt(toks, b-2).lower {
		case "a", "one", "1":
			n = 1
		case "two", "2":
			n = 2
		case "three", "3":
			n = 3
		default:
			return -1, 0
		}
		if l == "before" {
			return b - 2, n
		}
		return b - 2, -n
	}
	return -1, 0
}

// insideSinceClause reports a date at toks[at] inside a "since"/"until"
// clause that begins after toks[from]: "since the talks began in 2013",
// but not "the first meeting since 2019 was held on Wednesday", where the
// main clause resumes before the date.
func insideSinceClause(toks []token, from, at int) bool {
	in := false
	for k := from; k < at && k < len(toks); k++ {
		switch toks[k].lower {
		case "since", "until":
			in = true
		case "was", "were", "is", "are", ",", ";":
			in = false
		}
	}
	return in
}

// appositiveEnd returns where an appositive after a name ends (", head of
// X,"), or end itself when none follows.
func appositiveEnd(toks []token, end int) int {
	if tokAt(toks, end).text != "," {
		return end
	}
	for k := end + 1; k < len(toks) && k <= end+15; k++ {
		switch toks[k].text {
		case ",":
			return k
		case ".", ";", "(", ")":
			return end
		}
	}
	return end
}

// ordinals count meetings: "their second summit".
var ordinals = set("second", "third", "fourth", "fifth", "last", "latest", "previous", "next", "1st", "2nd", "3rd", "4th")

// sessionVerbs open or close a meeting: "X and Y ended their summit".
var sessionVerbs = set("ended", "began", "opened", "concluded", "started", "resumed", "wrapped", "closed", "held", "had")

// sessionNouns name one sitting that its participants took part in together.
var sessionNouns = set("meeting", "meetings", "talks", "session", "consultations", "discussions",
	"dinner", "luncheon", "lunch", "breakfast", "banquet", "negotiations")

// sessionClause reports "<session noun>, which was (also) <verb>" before
// toks[k].
func sessionClause(toks []token, k int) bool {
	b := k - 1
	for b >= 0 && adverbs[toks[b].lower] {
		b--
	}
	if b < 0 || toks[b].lower != "was" && toks[b].lower != "were" {
		return false
	}
	return tokAt(toks, b-1).lower == "which" && tokAt(toks, b-2).text == "," &&
		(sessionNouns[tokAt(toks, b-3).lower] || tokAt(toks, b-3).lower == "session")
}

// joinersIn reads a sentence that adds people to the meeting reported just
// before: "Several ministers joined the talks, including A and B", "A and
// B joined the talks", "the talks were joined by A". It gives one meeting
// of the earlier participants and the new ones, with the earlier
// meeting's date and place. People who only "attended" talks are not
// counted, following the gold annotations (testdata/varied,
// testdata/heldout).
func (d *docState) joinersIn(si int) []schema.Meeting {
	last := d.lastGroup
	if len(last.Participants) < 2 || si-d.lastGroupSent > 4 || si == d.lastGroupSent {
		return nil
	}
	toks := d.sents[si].toks
	var joiners []int
	rule := ""
	for k := 0; k+1 < len(toks) && joiners == nil; k++ {
		if d.sents[si].quoted[k] || toks[k].lower != "joined" && toks[k].lower != "join" {
			continue
		}
		if toks[k+1].lower == "by" {
			if definiteSessionBefore(toks, k) {
				joiners = d.listAfter(si, k+2)
				rule = "meeting-joined-by"
			}
			continue
		}
		// "Romanian President Klaus Iohannis joined them": them are the
		// people of the last meeting.
		if !definiteSessionAfter(toks, k+1) && tokAt(toks, k+1).lower != "them" {
			continue
		}
		rule = "meeting-joined"
		// "A and B joined the talks" or "..., including A and B".
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			if m.entity >= 0 && !m.quoted && m.spanEnd <= k && m.spanEnd >= k-2 && onlyAdverbs(toks, m.spanEnd, k) {
				joiners = []int{mi}
				for p := d.coordinatedBefore(si, mi); p >= 0; p = d.coordinatedBefore(si, p) {
					joiners = append(joiners, p)
				}
			}
		}
		if joiners == nil {
			for j := k + 2; j < len(toks) && j < k+8; j++ {
				if toks[j].lower == "including" {
					joiners = d.listAfter(si, j+1)
					break
				}
			}
		}
	}
	if len(joiners) == 0 {
		return nil
	}
	names := append([]string{}, last.Participants...)
	for _, n := range d.participantNames(joiners) {
		dup := false
		for _, o := range names {
			dup = dup || o == n
		}
		if !dup {
			names = append(names, n)
		}
	}
	if len(names) == len(last.Participants) {
		return nil
	}
	return []schema.Meeting{{Participants: names, Date: last.Date, Place: last.Place, Kind: schema.KindMeeting,
		Evidence: d.sents[si].text, Rule: rule + "+the-last-meeting"}}
}

// definiteSessionAfter reports "the/their <session noun>" at toks[k]:
// "joined the talks".
func definiteSessionAfter(toks []token, k int) bool {
	if l := tokAt(toks, k).lower; l != "the" && l != "their" && l != "this" {
		return false
	}
	for n := k + 1; n < len(toks) && n <= k+3; n++ {
		if sessionNouns[toks[n].lower] {
			return true
		}
		if toks[n].kind != tokWord || toks[n].cap {
			return false
		}
	}
	return false
}

// definiteSessionBefore reports "the/their ... <session noun>" before
// toks[k] in the same clause: "The talks were later joined by".
func definiteSessionBefore(toks []token, k int) bool {
	for b := k - 1; b >= 0 && b >= k-12; b-- {
		if toks[b].text == "," && tokAt(toks, b+1).lower != "which" {
			return false
		}
		if sessionNouns[toks[b].lower] {
			for a := b - 1; a >= 0 && a >= b-3; a-- {
				if l := toks[a].lower; l == "the" || l == "their" || l == "this" {
					return true
				}
			}
		}
	}
	return false
}

// onlyAdverbs reports whether toks[from:to] are adverbs ("also").
func onlyAdverbs(toks []token, from, to int) bool {
	for k := from; k < to; k++ {
		if !adverbs[toks[k].lower] {
			return false
		}
	}
	return true
}

// listAfter returns the person mentioned within a few tokens after toks[k]
// and those joined to it by "and" or commas.
func (d *docState) listAfter(si, k int) []int {
	toks := d.sents[si].toks
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanStart < k || m.spanStart > k+6 || m.entity < 0 || m.quoted || !onlyFillers(toks, k, m.spanStart) {
			continue
		}
		return d.withCoordinated(si, mi)
	}
	return nil
}

// hostedEvents are gatherings whose host met the guests ("a luncheon
// hosted by X").
var hostedEvents = set("luncheon", "lunch", "dinner", "banquet", "breakfast", "reception", "supper")

// signedThings are what two people sign together in person.
var signedThings = set("agreement", "agreements", "deal", "deals", "accord", "accords", "treaty",
	"memorandum", "memoranda", "declaration", "pact", "protocol", "charter", "communique")

// meals shared are meetings: "had breakfast with X", "X and Y had lunch
// together".
var meals = set("breakfast", "lunch", "dinner", "luncheon", "supper", "tea")

// passiveAgent returns the "by" of a passive trigger verb at toks[k] ("was
// greeted at the airport by X"), or 0.
func passiveAgent(toks []token, k int) int {
	b := k - 1
	for b >= 0 && adverbs[toks[b].lower] {
		b--
	}
	if b < 0 {
		return 0
	}
	switch toks[b].lower {
	case "was", "were", "been", "being", "is", "are":
	default:
		return 0
	}
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		switch toks[j].text {
		case ",", ".", ";":
			return 0
		case "by":
			return j
		}
	}
	return 0
}

// datePlaceWord reports a capitalised weekday, month or place name.
func datePlaceWord(t token) bool {
	if t.kind != tokWord || !t.cap {
		return false
	}
	if _, wd := weekdayNames[t.lower]; wd {
		return true
	}
	return monthOf(t) > 0 || places().isPlaceWord(t.lower)
}

// urging reports whether "called on X" at toks[from] is a demand: a "to"
// before a verb, or "urging", "for", "demanding" follows within the clause.
func urging(toks []token, from int) bool {
	for k := from; k < len(toks) && k < from+14; k++ {
		switch l := toks[k].lower; {
		case toks[k].text == ";" || toks[k].text == ".":
			return false
		case l == "to" && k+1 < len(toks) && toks[k+1].kind == tokWord && !toks[k+1].cap:
			return true
		case l == "urging" || l == "demanding" || l == "asking" || l == "for" || l == "not":
			return true
		}
	}
	return false
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
		if l == "to" && tokAt(toks, b+1).kind == tokWord && tokAt(toks, b+1).cap {
			// "travel to Paris": a preposition, not an infinitive.
			seen++
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
		// Dates and places, and the prepositions before them, are passed
		// over: "will travel to Paris on Thursday for talks with ...".
		if datePlaceWord(toks[b]) || (l == "on" || l == "in" || l == "at") && datePlaceWord(tokAt(toks, b+1)) {
			continue
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
			return d.withCoordinated(si, mi)
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
	// "Milei's meeting with Boric at the Casa Rosada was postponed": a
	// short place phrase may stand before the verb that calls it off.
	for j := k; j < len(toks) && j < k+9; j++ {
		if toks[j].kind != tokWord {
			return false
		}
		switch toks[j].lower {
		case "postponed", "cancelled", "canceled", "delayed", "scrapped", "shelved", "suspended", "off", "rescheduled":
			return true
		}
	}
	return false
}

// meetingsIn finds the meetings of one sentence.
func (d *docState) meetingsIn(si int) []schema.Meeting {
	s := &d.sents[si]
	toks := s.toks
	var out []schema.Meeting
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
		case m.descHead == "they":
			if g := d.previousSubjects(si); len(g) >= 2 {
				m.group, m.entity = g, g[0]
			}
		case len(d.twoBefore(si, m.spanStart)) == 2:
			// "Trump cancelled a meeting with Putin, but the two exchanged
			// pleasantries": the two people named before it in the sentence.
			m.group = d.twoBefore(si, m.spanStart)
			m.entity = m.group[0]
		case len(d.lastPair) == 2:
			m.group = d.lastPair
			m.entity = d.lastPair[0]
		default:
			// No meeting reported yet: "Modi and Xi took a boat ride ...
			// The two leaders had held talks on Friday."
			if g := d.previousSubjects(si); len(g) == 2 {
				m.group, m.entity = g, g[0]
			}
		}
	}
	for _, tr := range findTriggers(toks) {
		if s.quoted[tr.start] || hypothetical(toks, tr) {
			continue
		}
		var participants [][]int // groups of entities; several groups = separate meetings
		var objects []int
		if tr.objectNear < 0 {
			// The sentence subject is "X and Y", or the clause's own
			// subject right before the trigger ("..., a day after the two
			// leaders held talks").
			sub := d.subjectOf(si)
			var group []int
			if sub >= 0 && d.mentions[sub].spanStart < tr.start {
				group = []int{sub}
				for nx := d.coordinated(si, sub); nx >= 0 && d.mentions[nx].spanStart < tr.start; nx = d.coordinated(si, nx) {
					group = append(group, nx)
				}
			}
			if near := d.pairRightBefore(si, tr); near >= 0 && (len(group) == 0 || group[len(group)-1] != near) {
				group = []int{near}
				for p := d.coordinatedBefore(si, near); p >= 0; p = d.coordinatedBefore(si, p) {
					group = append(group, p)
				}
			}
			if len(group) == 0 {
				continue
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
			out = d.appendGroupMeeting(out, si, tr, group, date, s.text, rule)
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
						out = append(out, schema.Meeting{Participants: names, Date: schema.Str(date), Place: schema.Str(d.meetingPlace(si, tr, [][]int{group})),
							Kind: schema.KindMeeting, Evidence: s.text, Rule: rule})
					}
				}
				continue
			}
		}
		if obj < 0 && (tr.rule == "meeting-hosted" || tr.rule == "meeting-chaired") && len(d.lastPair) == 2 {
			// "Cavusoglu, who hosted the talks": the host met the two who
			// talked; so did "Mogherini, who chaired the talks".
			if next := tokAt(toks, tr.end).lower; next == "the" || next == "their" {
				if w := tokAt(toks, tr.end+1).lower; w == "talks" || w == "meeting" || w == "negotiations" || w == "ceremony" || w == "signing" {
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
							out = append(out, schema.Meeting{Participants: names, Date: schema.Str(d.lastPairDate), Place: nil, Kind: schema.KindMeeting,
								Evidence: s.text, Rule: tr.rule + "-the-talks+date-of-the-talks"})
						}
					}
					continue
				}
			}
		}
		if obj < 0 && tr.objectNear > 0 && !tr.noun {
			// "..., where Biden welcomed her": an object pronoun stands for
			// the sentence's subject, or the previous sentence's when the
			// subject is the one who acts.
			obj = d.objectPronoun(si, tr)
		}
		if obj < 0 {
			// "X and Y met (in September)": the subjects met each other.
			if !tr.noun && tr.rule == "meeting-met" {
				if ms := d.subjectsMetEachOther(si, tr); len(d.participantEntities(ms)) >= 2 {
					date, dateRule := d.meetingDate(si, tr, [][]int{ms})
					rule := "meeting-x-and-y-met"
					if dateRule != "" {
						rule += "+" + dateRule
					}
					out = d.appendGroupMeeting(out, si, tr, ms, date, s.text, rule)
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
					kind = schema.KindCall
				}
			}
		}
		if tr.noun && negatedAfter(toks, lastM.spanEnd) {
			continue
		}
		if tr.rule == "meeting-told" && kind != schema.KindCall && !d.mentions[obj].visiting && !d.visitingSubject(si, tr) &&
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
		if tokAt(toks, tr.start-1).lower == "separate" && tr.noun || tr.rule == "meeting-held-separate" {
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
			// "X and Y held talks": both are subjects; but in "X and Y,
			// who also met Z" the relative pronoun stands for Y alone.
			if !tr.noun && !relativeBetween(toks, d.mentions[subj].spanEnd, tr.start) {
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
				for _, o := range d.splitGroups(objects) {
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
			if kind == schema.KindCall && tr.kind != schema.KindCall {
				rule = strings.Replace(rule, "meeting-", "call-", 1) + "+by-phone"
			}
			out = append(out, schema.Meeting{Participants: names, Date: schema.Str(date), Place: schema.Str(place), Kind: kind,
				Evidence: s.text, Rule: rule})
		}
	}
	return out
}

// splitGroups replaces a group mention ("the leaders of the United States,
// China and Russia") by one mention per person, for meetings held one by
// one.
func (d *docState) splitGroups(objects []int) []int {
	var out []int
	for _, o := range objects {
		m := d.mentions[o]
		if m.kind != mentionGroup || len(m.group) < 2 {
			out = append(out, o)
			continue
		}
		for _, e := range m.group {
			one := m
			one.kind, one.group, one.entity = mentionName, nil, e
			out = append(out, len(d.mentions))
			d.mentions = append(d.mentions, one)
		}
	}
	return out
}

// twoBefore returns the people named before token k of a sentence when
// they are exactly two.
func (d *docState) twoBefore(si, k int) []int {
	var ents []int
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanStart >= k || m.entity < 0 || m.quoted || m.kind == mentionGroup {
			continue
		}
		dup := false
		for _, e := range ents {
			dup = dup || e == m.entity
		}
		if !dup {
			ents = append(ents, m.entity)
		}
	}
	if len(ents) != 2 {
		return nil
	}
	return ents
}

// previousSubjects returns the people of "X and Y" that begin the previous
// sentence, for a sentence that opens with "They".
func (d *docState) previousSubjects(si int) []int {
	if si == 0 {
		return nil
	}
	sub := d.subjectOf(si - 1)
	if sub < 0 {
		return nil
	}
	ents := []int{d.mentions[sub].entity}
	for nx := d.coordinated(si-1, sub); nx >= 0; nx = d.coordinated(si-1, nx) {
		ents = append(ents, d.mentions[nx].entity)
	}
	if len(ents) < 2 {
		return nil
	}
	return ents
}

// pairRightBefore returns a mention of two people ending right before a
// trigger (adverbs aside): "the two leaders held talks", "X and Y held
// talks" inside a later clause. "The two leaders" stands for the last two
// people who met, in this sentence or before it.
func (d *docState) pairRightBefore(si int, tr trigger) int {
	toks := d.sents[si].toks
	k := tr.start
	for k > 0 && adverbs[toks[k-1].lower] {
		k--
	}
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanEnd != k || m.quoted {
			continue
		}
		if m.kind == mentionGroup && len(m.groupOf) == 0 && len(d.lastPair) == 2 {
			m.group, m.entity = d.lastPair, d.lastPair[0]
		}
		if m.entity < 0 {
			return -1
		}
		if m.kind == mentionGroup || d.coordinatedBefore(si, mi) >= 0 {
			return mi
		}
		return -1
	}
	return -1
}

// objectPronoun resolves "him"/"her" right after a trigger to a person
// mention, or returns -1. "her" before a noun is a possessive ("welcomed
// her visit") and stands for nobody met.
func (d *docState) objectPronoun(si int, tr trigger) int {
	toks := d.sents[si].toks
	p := tokAt(toks, tr.end)
	if p.lower != "him" && p.lower != "her" || d.sents[si].quoted[tr.end] {
		return -1
	}
	if next := tokAt(toks, tr.end+1); next.kind == tokWord && !next.cap && !objectFollowers[next.lower] {
		return -1
	}
	actor := -1
	for _, mi := range d.bySent[si] {
		if m := &d.mentions[mi]; m.spanEnd <= tr.start && m.entity >= 0 && !m.quoted {
			actor = mi
		}
	}
	if actor < 0 {
		return -1
	}
	if sub := d.subjectOf(si); sub >= 0 && d.mentions[sub].entity != d.mentions[actor].entity && d.mentions[sub].spanEnd <= tr.start {
		return sub
	}
	if si > 0 {
		if prev := d.subjectOf(si - 1); prev >= 0 && d.mentions[prev].entity != d.mentions[actor].entity {
			return prev
		}
	}
	return -1
}

// objectFollowers may follow an object pronoun: "welcomed her as",
// "received him at", "met her on Monday".
var objectFollowers = set("as", "at", "in", "on", "to", "with", "for", "during", "after", "before",
	"and", "warmly", "twice", "again", "there", "here", "briefly", "later", "earlier", "first",
	"personally", "separately", "privately", "today", "yesterday", "last", "this", "when", "while")

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
		l := toks[k].lower
		// "met X at a luncheon hosted by Z": the host was there too.
		hostedEvent := (l == "hosted" || l == "given") && hostedEvents[tokAt(toks, k-1).lower] ||
			(l == "mediated" || l == "chaired" || l == "brokered") && sessionNouns[tokAt(toks, k-1).lower]
		// "shook hands after the plenary session, which was chaired by Z".
		chaired := l == "chaired" && sessionClause(toks, k)
		if (l != "accompanied" && l != "joined" && !hostedEvent && !chaired) || toks[k+1].lower != "by" {
			continue
		}
		for _, mi := range d.bySent[si] {
			m := &d.mentions[mi]
			if m.spanStart < k+2 || m.spanStart > k+6 || m.entity < 0 || m.quoted || !onlyFillers(toks, k+2, m.spanStart) {
				continue
			}
			return d.withCoordinated(si, mi)
		}
		return nil
	}
	return nil
}

// appendGroupMeeting adds the meeting of the people mentioned in group,
// when they are at least two, and remembers a pair for later "the two"
// references.
func (d *docState) appendGroupMeeting(out []schema.Meeting, si int, tr trigger, group []int, date, evidence, rule string) []schema.Meeting {
	names := d.participantNames(group)
	if len(names) < 2 {
		return out
	}
	out = append(out, schema.Meeting{Participants: names, Date: schema.Str(date), Place: schema.Str(d.meetingPlace(si, tr, [][]int{group})),
		Kind: tr.kind, Evidence: evidence, Rule: rule})
	if ents := d.participantEntities(group); len(ents) == 2 {
		d.lastPair, d.lastPairDate = ents, date
	}
	return out
}

// withCoordinated returns mention mi followed by every person mention
// coordinated with it ("X, Y and Z" from X).
func (d *docState) withCoordinated(si, mi int) []int {
	out := []int{mi}
	for nx := d.coordinated(si, mi); nx >= 0; nx = d.coordinated(si, nx) {
		out = append(out, nx)
	}
	return out
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
		if o.spanStart > k && o.spanStart <= k+3 && !listComma && describedBefore(toks, k, o) && o.entity >= 0 && !o.quoted {
			// "Santos and FARC rebel leader Rodrigo Londono": words that
			// describe the office before its title.
			return oi
		}
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

// describedBefore reports whether toks[k:o.spanStart] are plain words
// describing the office that mention o's title begins ("FARC rebel").
func describedBefore(toks []token, k int, o *mention) bool {
	if o.titleRule != "role-title-before-name" || o.kind != mentionName {
		return false
	}
	for j := k; j < o.spanStart; j++ {
		t := toks[j]
		if t.kind != tokWord || stopCaps[t.lower] || t.lower == "and" || speechVerbs[t.lower] || strings.HasSuffix(t.lower, "ed") {
			return false
		}
	}
	return true
}

// coordinatedBefore returns the person mention joined by "and" before mi.
func (d *docState) coordinatedBefore(si, mi int) int {
	toks := d.sents[si].toks
	m := &d.mentions[mi]
	k := m.spanStart - 1
	if tokAt(toks, k).lower != "and" {
		// "Santos and FARC rebel leader Rodrigo Londono".
		for b := k; b >= 0 && b > m.spanStart-4; b-- {
			if toks[b].lower == "and" {
				if describedBefore(toks, b+1, m) {
					k = b
				}
				break
			}
		}
	}
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
	// "Lavrov called on Modi, hours after holding talks with Jaishankar":
	// a participle clause shares the sentence's subject.
	if p := tokAt(d.sents[si].toks, tr.start-1).lower; (p == "after" || p == "before" || p == "while" || p == "when") &&
		strings.HasSuffix(d.sents[si].toks[tr.start].lower, "ing") {
		if sub := d.subjectOf(si); sub >= 0 && d.mentions[sub].spanEnd <= tr.start && !isObj(sub) {
			return sub
		}
	}
	// "Obama embraced Mori, and shook hands with Tsuboi": a second verb
	// after "and" shares the sentence's subject.
	if b := tr.start - 1; b >= 0 {
		for b > 0 && adverbs[d.sents[si].toks[b].lower] {
			b--
		}
		if d.sents[si].toks[b].lower == "and" && tokAt(d.sents[si].toks, b-1).kind != tokWord || d.sents[si].toks[b].lower == "and" && !tokAt(d.sents[si].toks, b-1).cap {
			if sub := d.subjectOf(si); sub >= 0 && d.mentions[sub].spanEnd <= b && !isObj(sub) {
				return sub
			}
		}
	}
	best := -1
	rel := relativeClauses(d.sents[si].toks)
	for _, mi := range d.bySent[si] {
		m := &d.mentions[mi]
		if m.spanEnd > tr.start {
			break
		}
		if m.entity < 0 || m.quoted || m.complement || isObj(mi) {
			continue
		}
		// "Clinton, who accompanied Obama, had met Thein Sein": a name
		// inside a relative clause is not the subject of the main verb.
		if rel[m.spanStart] && !rel[tr.start] {
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
	// "..., on Sunday, a day after his meetings with X": the day before
	// the date the sentence gives.
	if at, shift := dayShiftBefore(toks, tr.start); at >= 0 {
		for k := len(d.dates[si]) - 1; k >= 0; k-- {
			dm := d.dates[si][k]
			if dm.j <= at && dm.value.d > 0 && !d.sents[si].quoted[dm.i] && !isDatelineDate(toks, dm) {
				return fromTime(dm.value.time().AddDate(0, 0, shift)).String(), "date-a-day-after"
			}
		}
	}
	for k, dm := range d.dates[si] {
		if d.sents[si].quoted[dm.i] || rel[dm.i] && !rel[tr.start] {
			continue
		}
		// "GENEVA, June 16 (TASS) -": the dateline's date is the report's.
		if isDatelineDate(toks, dm) {
			continue
		}
		// "..., state media said on Wednesday": the date of the report.
		// Verbs that are what the meeting did ("agreed on Monday",
		// "discussed on Monday") date the meeting itself.
		if p := tokAt(toks, dm.i-1).lower; reportVerbs(p) || p == "reported" ||
			p == "on" && (reportVerbs(tokAt(toks, dm.i-2).lower) || tokAt(toks, dm.i-2).lower == "reported") {
			continue
		}
		// "the April 25 House of Culture": a date inside a name.
		if tokAt(toks, dm.i-1).lower == "the" && tokAt(toks, dm.j).kind == tokWord && tokAt(toks, dm.j).cap {
			continue
		}
		// "had met Zarif a dozen times since the talks began in 2013": a
		// date inside a "since" or "until" clause after the trigger.
		if dm.i >= tr.end && insideSinceClause(toks, tr.end, dm.i) {
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
				// "X, head of Libya's Government of National Accord, at
				// the palace on Sunday": count from the appositive's end.
				if dd := spanDistance(dm.i, dm.j, m.spanStart, appositiveEnd(toks, m.spanEnd)); dd < dist {
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
	// "Xi held talks with Kim in Pyongyang on Thursday. Kim and his wife
	// Ri Sol Ju greeted Xi and his wife Peng Liyuan at the airport.": two
	// of the people met in the sentence just before, on its date.
	if ents := d.participantEntities(groups[0]); si > 0 && len(ents) >= 3 {
		present := 0
		for _, e := range ents {
			for _, mi := range d.bySent[si-1] {
				if m := &d.mentions[mi]; !m.quoted && m.entity == e {
					present++
					break
				}
			}
		}
		if present >= 2 {
			for _, dm := range d.dates[si-1] {
				if !d.sents[si-1].quoted[dm.i] && dm.value.d > 0 && !isDatelineDate(d.sents[si-1].toks, dm) {
					return dm.value.String(), "date-of-the-same-occasion"
				}
			}
		}
	}
	// "Trump later sat down with X" after a dated sentence about Trump:
	// later the same day.
	if si > 0 && laterBefore(toks, tr.start) {
		back := si - 1
		named := false
		for _, mi := range d.bySent[back] {
			if m := &d.mentions[mi]; !m.quoted && m.entity >= 0 {
				for _, g := range groups {
					for _, gi := range g {
						named = named || d.mentions[gi].entity == m.entity
					}
				}
			}
		}
		if named {
			for _, dm := range d.dates[back] {
				if !d.sents[back].quoted[dm.i] && dm.value.d > 0 && !isDatelineDate(d.sents[back].toks, dm) {
					return dm.value.String(), "date-later-than-previous-sentence"
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

// clauseBreakBetween reports a new clause or purpose between the trigger
// and a place ("met X to discuss investment in Guatemala City", "told X
// that Mexico wanted ... in Bogota"): the place is then not where they met.
func clauseBreakBetween(toks []token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		switch l := toks[k].lower; l {
		case "that", "about", "saying", "said", "says", "urging", "which", "who", "while", "but",
			"because", "since", "whereas", "where", "wants", "wanted", "want":
			return true
		case "to":
			if n := tokAt(toks, k+1); n.kind == tokWord && !n.cap {
				return true
			}
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
			if near[k] || isCountry == 0 && k > tr.start && !clauseBreakBetween(toks, tr.end, k) {
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
	if d.hostAndGuest(groups) && d.recentSentence(si) && !namesOtherPlace(toks) {
		return d.datelinePlace
	}
	return ""
}

// namesOtherPlace reports "in X" with a capitalised X that is no date:
// a place the gazetteer does not know ("in Xi'an"), so the dateline city
// is no safe guess.
func namesOtherPlace(toks []token) bool {
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].lower != "in" {
			continue
		}
		n := toks[k+1]
		if n.lower == "the" {
			n = tokAt(toks, k+2)
		}
		if n.kind == tokWord && n.cap && monthOf(n) == 0 {
			return true
		}
	}
	return false
}

// hostAndGuest reports whether a meeting joins someone of the dateline's
// country and someone of another country: in a story datelined Mexico City,
// the Mexican president meeting the U.S. secretary met him there.
func (d *docState) hostAndGuest(groups [][]int) bool {
	if d.datelinePlace == "" || len(groups) != 1 {
		return false
	}
	host, guest := false, false
	for _, e := range d.participantEntities(groups[0]) {
		c := d.entities[e].country
		if c == "" {
			c = d.entities[e].of
		}
		switch {
		case c == "":
		case c == d.datelineCountry:
			host = true
		default:
			guest = true
		}
	}
	return host && guest
}

// recentSentence reports whether every date the sentence names is a full
// date at most three days before publication (a dateline story's own
// news), or it names none.
func (d *docState) recentSentence(si int) bool {
	if !d.pub.valid() || d.pub.d == 0 {
		return false
	}
	for _, dm := range d.dates[si] {
		if isDatelineDate(d.sents[si].toks, dm) {
			continue
		}
		if dm.value.d == 0 {
			return false
		}
		if age := d.pub.time().Sub(dm.value.time()).Hours() / 24; age < 0 || age > 3 {
			return false
		}
	}
	for _, t := range d.sents[si].toks {
		if t.lower == "has" || t.lower == "have" || t.lower == "had" {
			return false // "have met several times"
		}
	}
	return true
}

// mergeMeetings joins repeated reports of one meeting within an article,
// keeping a date where any report has one.
func mergeMeetings(ms []schema.Meeting) []schema.Meeting {
	out := []schema.Meeting{}
	key := func(m schema.Meeting) string {
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
		k += "\x00" + schema.Deref(m.Date)
		if i, ok := index[k]; ok {
			if out[i].Place == nil && m.Place != nil {
				out[i].Place = m.Place
			}
			continue
		}
		index[k] = len(out)
		out = append(out, m)
	}
	return dropSubsets(out)
}

// dropSubsets removes an undated meeting whose people all took part in a
// larger undated meeting read from the same sentence: "met X at a luncheon
// hosted by Z" also reads as Z hosting X. Dated ones stay, since a
// bilateral meeting before a larger one is news of its own.
func dropSubsets(ms []schema.Meeting) []schema.Meeting {
	within := func(small, big []string) bool {
		if len(small) >= len(big) {
			return false
		}
		for _, a := range small {
			found := false
			for _, b := range big {
				found = found || a == b
			}
			if !found {
				return false
			}
		}
		return true
	}
	out := ms[:0:0]
	for i, m := range ms {
		covered := false
		for j, n := range ms {
			if i != j && m.Kind == n.Kind && within(m.Participants, n.Participants) &&
				m.Date == nil && n.Date == nil && m.Evidence == n.Evidence {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, m)
		}
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
