package extract

import "strings"

// Layer 4, as data: the ways news says that people met, spoke on the
// phone, or were present at a meeting. Each row is one predicate; adding a
// construction means adding a row. The matcher (frames.go) reads a row as:
//
//   - verb: the lemma of the verb ("meet"); any inflection matches
//     ("meets", "met", "meeting"). Empty for noun predicates.
//   - particle: words right after the verb ("on" in "call on", "down" in
//     "sit down").
//   - nouns: for light-verb and noun predicates, the nouns that make the
//     predicate ("talks", "meeting", "courtesy call"); with a verb they may
//     follow it after a few modifiers ("held wide-ranging talks", "paid a
//     courtesy call").
//   - partner: how the other side is attached: "object" (met X), "with"
//     (held talks with X), "on" (paid a courtesy call on X), "from"
//     (received a call from X), "to" (made a call to X), "between" (talks
//     between X and Y), "for" (hosted a dinner for X), "by" (attended by
//     X), "none" (X and Y met).
//   - kind: kindMeeting, kindCall or kindAttend (the people join a meeting
//     reported nearby instead of making a new one).
type predicate struct {
	name     string
	verb     string
	particle []string
	nouns    nounSet
	partner  []string
	kind     frameKind
	// personObject: the object must be a person, not a thing ("welcomed
	// the decision", "visited China").
	personObject bool
	// passiveOnly: only the passive says it ("X was represented by Y";
	// "Y represents Ohio" says nothing of a meeting).
	passiveOnly bool
	// storyHost: with no partner named, the other side is the host the
	// story is about ("was the last to present his letters of credence").
	storyHost bool
	// oneByOne: each partner of a list is a meeting of their own ("received
	// the credentials of four new ambassadors": each presents alone).
	oneByOne bool
	// notWith: nouns that, right after the verb (past a few modifiers),
	// say the contact was at a distance ("exchanged letters with X").
	notWith nounSet
	// jointSubject: the predicate tells of a meeting only between two
	// people or more it names as the subject of its finite verb ("X and
	// Y toured the plant"); one person alone doing it, or "visiting the
	// region", says nothing of one.
	jointSubject bool
	// guestSubject: the subject goes to the other side, who receives
	// them ("X called on Y", "X paid a courtesy visit to Y"): X is the
	// guest, Y the host.
	guestSubject bool
	// commonObject: the object must be a thing named by a common noun
	// ("visited the new port", "visited water projects"), not a place
	// ("visited China", where each may have gone alone).
	commonObject bool
}

type frameKind uint8

const (
	kindMeeting frameKind = iota
	kindCall
	kindAttend
)

func (k frameKind) String() string {
	switch k {
	case kindCall:
		return "call"
	case kindAttend:
		return "attend"
	}
	return "meeting"
}

// meetingNouns are the nouns of in-person contact that light verbs
// ("held", "had", "paid") and prepositions turn into a meeting.
var meetingNouns = nounSetOf("talks", "talk", "meeting", "meetings", "discussions", "discussion", "consultations",
	"summit", "audience", "audiences", "session", "sessions", "exchange", "exchanges", "dialogue", "tête-à-tête",
	"tete-a-tete", "bilateral", "bilaterals", "encounter", "lunch", "dinner", "breakfast", "luncheon",
	"banquet", "reception", "courtesy call", "courtesy visit", "call", "visit", "conversation", "conversations",
	"get-together", "one-on-one", "closed-door meeting", "working lunch", "working dinner", "parley", "parleys", "huddle",
	"joint press conference", "joint news conference", "joint press briefing", "pull-aside", "pull aside")

// deliveredNouns are what an envoy hands to a host in person.
var deliveredNouns = nounSetOf("letter", "letters", "message", "messages", "invitation", "credentials", "note", "report")

// distantExchanges are what people exchange without meeting: "exchanged
// letters", "exchanged congratulatory messages", "exchanged barbs".
var distantExchanges = nounSetOf("letters", "messages", "message", "cables", "telegrams", "notes", "emails",
	"e-mails", "texts", "text messages", "barbs", "accusations", "insults", "threats", "fire", "gunfire",
	"blows", "prisoners", "letter", "congratulations", "condolences", "statements", "notes verbales", "ratification",
	"instruments", "documents", "salvos", "criticism", "recriminations", "tweets", "posts", "video messages")

// signedTogether are what two sides sign at one table: "X and Y signed a
// defence cooperation agreement", "X signed an accord with Y".
var signedTogether = nounSetOf("agreement", "agreements", "deal", "deals", "accord", "accords", "treaty", "ceasefire",
	"cease-fire", "truce", "armistice",
	"memorandum", "memorandums", "memoranda", "mou", "mous", "pact", "protocol", "joint declaration",
	"joint communique", "joint communiqué", "joint statement", "roadmap", "road map", "contract", "contracts")

// credentialNouns are what a new ambassador presents to a head of state,
// in a meeting.
var credentialNouns = nounSetOf("credentials", "letters of credence", "letter of credence", "papers",
	"credential letters", "letters of accreditation", "copy of credentials", "copies of credentials")

// callNouns make a call whatever verb carries them.
var callNouns = nounSetOf("phone call", "telephone call", "phone conversation", "telephone conversation",
	"video call", "video conference", "videoconference", "video-conference", "virtual meeting", "virtual summit",
	"video link", "video conversation", "telephone talks", "phone talks", "conference call", "phone",
	"telephone", "call", "calls", "video link-up", "video linkup", "online meeting", "virtual talks", "teleconference",
	"tele-conference", "telephonic conversation", "telephonic talks", "telephonic call")

var predicates = []predicate{
	// Verbs of meeting.
	{name: "meet", verb: "meet", partner: []string{"object", "with", "none"}, personObject: true},
	{name: "receive", verb: "receive", partner: []string{"object"}, personObject: true},
	{name: "receive-in-audience", verb: "receive", particle: []string{"in", "audience"}, partner: []string{"object"}, personObject: true},
	{name: "host", verb: "host", partner: []string{"object", "for"}, personObject: true},
	{name: "play-host", verb: "play", particle: []string{"host", "to"}, partner: []string{"object"}, personObject: true},
	{name: "welcome", verb: "welcome", partner: []string{"object"}, personObject: true},
	{name: "greet", verb: "greet", partner: []string{"object", "none"}, personObject: true},
	{name: "break-bread", verb: "break", particle: []string{"bread"}, partner: []string{"with", "none"}},
	{name: "visit-together", verb: "visit", partner: []string{"with", "none"}, jointSubject: true, commonObject: true},
	{name: "visit", verb: "visit", partner: []string{"object"}, personObject: true, guestSubject: true},
	{name: "call-on", verb: "call", particle: []string{"on"}, partner: []string{"object"}, personObject: true, guestSubject: true},
	{name: "call-upon", verb: "call", particle: []string{"upon"}, partner: []string{"object"}, personObject: true, guestSubject: true},
	{name: "confer", verb: "confer", partner: []string{"with", "none"}},
	{name: "sit-down", verb: "sit", particle: []string{"down"}, partner: []string{"with", "none"}},
	{name: "sit-across", verb: "sit", particle: []string{"across", "the", "table"}, partner: []string{"from", "with"}},
	{name: "sit-with", verb: "sit", particle: []string{"with"}, partner: []string{"object"}},
	{name: "dine", verb: "dine", partner: []string{"with", "none"}},
	{name: "lunch", verb: "lunch", partner: []string{"with"}},
	{name: "talk", verb: "talk", partner: []string{"with", "to", "none"}},
	{name: "speak", verb: "speak", partner: []string{"with", "to", "none"}},
	{name: "discuss-with", verb: "discuss", partner: []string{"with", "none"}},
	{name: "review", verb: "review", partner: []string{"with", "none"}},
	{name: "raise-with", verb: "raise", partner: []string{"with"}},
	{name: "take-up-with", verb: "take", particle: []string{"up"}, partner: []string{"with"}},
	{name: "go-over", verb: "go", particle: []string{"over"}, partner: []string{"with", "none"}},
	{name: "look-at", verb: "look", particle: []string{"at"}, partner: []string{"with", "none"}},
	{name: "exchange-with", verb: "exchange", partner: []string{"with", "none"}, notWith: distantExchanges},
	{name: "shake-hands", verb: "shake", particle: []string{"hands"}, partner: []string{"with", "none"}},
	{name: "huddle", verb: "huddle", partner: []string{"with", "none"}},
	{name: "interact", verb: "interact", partner: []string{"with"}},
	// "X was introduced to Y", "X introduced Y to Z" is someone else's.
	{name: "introduced-to", verb: "introduce", particle: []string{"to"}, partner: []string{"object"}, personObject: true},
	{name: "chat", verb: "chat", partner: []string{"with", "none"}},
	{name: "converse", verb: "converse", partner: []string{"with", "none"}},
	// "The meeting brought together X and Y".
	{name: "bring-together", verb: "bring", particle: []string{"together"}, partner: []string{"object"}, personObject: true},
	{name: "buttonhole", verb: "buttonhole", partner: []string{"object"}, personObject: true},
	// "X and Y were seen together", "X was seen together with Y".
	{name: "seen-together", verb: "see", particle: []string{"together"}, partner: []string{"with", "none"}},
	{name: "come-together", verb: "come", particle: []string{"together"}, partner: []string{"with", "none"}},
	{name: "consult", verb: "consult", partner: []string{"object", "with"}, personObject: true},
	{name: "brief", verb: "brief", partner: []string{"object"}, personObject: true},
	{name: "see", verb: "see", partner: []string{"object"}, personObject: true},
	{name: "spend-time-with", verb: "spend", partner: []string{"with"}},
	// Doing something together: "X and Y toured the plant", "X and his
	// host visited the projects", "X and Y witnessed the signing".
	{name: "tour-together", verb: "tour", partner: []string{"with", "none"}, jointSubject: true},
	{name: "inspect-together", verb: "inspect", partner: []string{"with", "none"}, jointSubject: true},
	{name: "inaugurate-together", verb: "inaugurate", partner: []string{"with", "none"}, jointSubject: true},
	{name: "unveil-together", verb: "unveil", partner: []string{"with", "none"}, jointSubject: true},
	{name: "witness-together", verb: "witness", partner: []string{"with", "none"}, jointSubject: true},
	{name: "address-press-together", verb: "address", nouns: nounSetOf("joint press conference", "joint news conference",
		"joint press briefing", "a joint press conference"), partner: []string{"with", "none"}, jointSubject: true},
	{name: "sign-together", verb: "sign", nouns: signedTogether, partner: []string{"with", "none"}, jointSubject: true},
	{name: "lay-wreath-together", verb: "lay", nouns: nounSetOf("wreath", "wreaths"), partner: []string{"with", "none"}, jointSubject: true},
	// Light verbs with a meeting noun: "held talks with", "had a meeting
	// with", "paid a courtesy call on", "granted an audience to".
	{name: "hold-talks", verb: "hold", nouns: meetingNouns, partner: []string{"with", "between", "none"}},
	{name: "have-talks", verb: "have", nouns: meetingNouns, partner: []string{"with", "between", "none"}},
	{name: "conduct-talks", verb: "conduct", nouns: meetingNouns, partner: []string{"with", "between"}},
	// Handing a letter or message over in person: "handed over a letter
	// from the Emir to X", "delivered a message to X".
	{name: "hand-over-letter", verb: "hand", particle: []string{"over"}, nouns: deliveredNouns, partner: []string{"to"}},
	{name: "deliver-letter", verb: "deliver", nouns: deliveredNouns, partner: []string{"to"}},
	{name: "attend-talks-with", verb: "attend", nouns: meetingNouns, partner: []string{"with", "between"}},
	// "joined a video conference with X", "joined talks with X".
	{name: "join-talks-with", verb: "join", nouns: meetingNouns, partner: []string{"with"}},
	{name: "join-call-with", verb: "join", nouns: callNouns, partner: []string{"with"}, kind: kindCall},
	{name: "begin-talks", verb: "begin", nouns: meetingNouns, partner: []string{"with", "between", "none"}},
	{name: "chair-meeting", verb: "chair", nouns: meetingNouns, partner: []string{"with"}},
	{name: "preside-over", verb: "preside", particle: []string{"over"}, nouns: meetingNouns, partner: []string{"with"}},
	{name: "pay-call", verb: "pay", nouns: nounSetOf("courtesy call", "call", "courtesy visit", "visit", "visits", "respects"), partner: []string{"on", "to", "upon"}, guestSubject: true},
	{name: "make-call", verb: "make", nouns: nounSetOf("courtesy call", "courtesy visit"), partner: []string{"on", "to", "upon"}, guestSubject: true},
	{name: "grant-audience", verb: "grant", nouns: nounSetOf("audience", "an audience"), partner: []string{"to", "object"}},
	{name: "give-audience", verb: "give", nouns: nounSetOf("audience", "an audience"), partner: []string{"to"}},
	{name: "give-welcome", verb: "give", nouns: nounSetOf("welcome", "reception"), partner: []string{"object", "to"}},
	{name: "accord-welcome", verb: "accord", nouns: nounSetOf("welcome", "reception"), partner: []string{"object", "to"}},
	{name: "extend-welcome", verb: "extend", nouns: nounSetOf("welcome"), partner: []string{"to"}},
	{name: "present-credentials", verb: "present", nouns: credentialNouns, partner: []string{"to"}, storyHost: true},
	{name: "receive-credentials", verb: "receive", nouns: credentialNouns, partner: []string{"from", "of"}, oneByOne: true},
	{name: "accept-credentials", verb: "accept", nouns: credentialNouns, partner: []string{"from", "of"}, oneByOne: true},
	{name: "receive-call-from", verb: "receive", nouns: nounSetOf("courtesy call", "courtesy visit", "visit"), partner: []string{"from"}},
	{name: "host-talks", verb: "host", nouns: nounSetOf("summit", "meeting", "talks", "consultations", "round table", "roundtable"), partner: []string{"with", "between"}},
	{name: "host-meal", verb: "host", nouns: nounSetOf("dinner", "lunch", "luncheon", "breakfast", "banquet", "reception", "meeting", "talks", "welcome ceremony", "ceremony"), partner: []string{"for", "in honour of", "in honor of"}},
	{name: "give-meal", verb: "give", nouns: nounSetOf("dinner", "lunch", "luncheon", "banquet", "reception", "breakfast"), partner: []string{"for", "in honour of", "in honor of"}},
	{name: "embrace", verb: "embrace", partner: []string{"object", "none"}, personObject: true},
	{name: "hug", verb: "hug", partner: []string{"object", "none"}, personObject: true},
	// "X and Y co-chaired the joint commission", "X co-chaired it with Y".
	{name: "co-chair", verb: "co-chair", partner: []string{"with", "none"}},
	// "X and his counterpart Y inspected a guard of honour".
	{name: "inspect-guard", verb: "inspect", nouns: nounSetOf("guard of honour", "guard of honor", "honour guard", "honor guard", "guards of honour"), partner: []string{"none"}},
	{name: "hold-meal", verb: "hold", nouns: nounSetOf("dinner", "lunch", "luncheon", "banquet", "reception"), partner: []string{"for", "in honour of", "in honor of", "with", "none"}},
	// Calls.
	{name: "phone", verb: "phone", partner: []string{"object"}, kind: kindCall, personObject: true},
	{name: "telephone", verb: "telephone", partner: []string{"object"}, kind: kindCall, personObject: true},
	{name: "ring", verb: "ring", partner: []string{"object"}, kind: kindCall, personObject: true},
	{name: "call", verb: "call", partner: []string{"object"}, kind: kindCall, personObject: true},
	{name: "dial", verb: "dial", partner: []string{"object"}, kind: kindCall, personObject: true},
	{name: "hold-call", verb: "hold", nouns: callNouns, partner: []string{"with", "between", "none"}, kind: kindCall},
	{name: "have-call", verb: "have", nouns: callNouns, partner: []string{"with", "between", "none"}, kind: kindCall},
	{name: "make-call", verb: "make", nouns: callNouns, partner: []string{"to", "with"}, kind: kindCall},
	{name: "place-call", verb: "place", nouns: callNouns, partner: []string{"to", "with"}, kind: kindCall},
	{name: "receive-call", verb: "receive", nouns: callNouns, partner: []string{"from"}, kind: kindCall},
	{name: "take-call", verb: "take", nouns: callNouns, partner: []string{"from"}, kind: kindCall},
	{name: "get-call", verb: "get", nouns: callNouns, partner: []string{"from"}, kind: kindCall},
	{name: "speak-by-phone", verb: "speak", particle: []string{"by"}, nouns: nounSetOf("phone", "telephone", "video", "video link", "videoconference"), partner: []string{"with", "to", "none"}, kind: kindCall},
	{name: "speak-over-phone", verb: "speak", particle: []string{"over", "the"}, nouns: nounSetOf("phone", "telephone"), partner: []string{"with", "to", "none"}, kind: kindCall},
	{name: "talk-by-phone", verb: "talk", particle: []string{"by"}, nouns: nounSetOf("phone", "telephone"), partner: []string{"with", "to", "none"}, kind: kindCall},
	{name: "talk-over-phone", verb: "talk", particle: []string{"over", "the"}, nouns: nounSetOf("phone", "telephone"), partner: []string{"with", "to", "none"}, kind: kindCall},
	// Attendance: people joining a meeting reported nearby.
	{name: "attend", verb: "attend", partner: []string{"object"}, kind: kindAttend},
	{name: "accompany", verb: "accompany", partner: []string{"object"}, kind: kindAttend},
	// "X joined the talks" adds X to them; "X joined Y for a working
	// lunch" is a meeting of X and Y.
	{name: "join", verb: "join", partner: []string{"object"}, kind: kindAttend, personObject: true},
	{name: "flank", verb: "flank", partner: []string{"object"}, kind: kindAttend},
	{name: "sit-in", verb: "sit", particle: []string{"in", "on"}, partner: []string{"none"}, kind: kindAttend},
	{name: "take-part", verb: "take", particle: []string{"part"}, partner: []string{"none"}, kind: kindAttend},
	{name: "participate", verb: "participate", partner: []string{"none"}, kind: kindAttend},
	{name: "include", verb: "include", partner: []string{"object"}, kind: kindAttend},
	{name: "comprise", verb: "comprise", partner: []string{"object"}, kind: kindAttend},
	{name: "look-on", verb: "look", particle: []string{"on"}, partner: []string{"none"}, kind: kindAttend},
	{name: "represented-by", verb: "represent", partner: []string{"object"}, kind: kindAttend, passiveOnly: true},
}

// Cues in a clause that change what a predicate means.
var (
	// callCues make a contact a call: "spoke by phone", "in a telephone
	// conversation", "held talks via video link".
	callCues = wordList("phone telephone telephoned phoned video virtual videoconference video-conference teleconference virtually online zoom telephonic telephonically tele-conference")
	// separateCues make one predicate with several partners several
	// meetings: "met separately with A, with B and with C".
	separateCues = wordList("separately separate individually respectively each successively")
	// modalCues before a predicate make it planned, hoped for or denied,
	// not reported: "is expected to meet", "will hold talks", "plans to
	// visit", "did not meet".
	modalCues = wordList("will would shall could might may to expected due scheduled set plans plan planned planning hopes hope hoped intends intended invited invite seeks sought wants wanted wishes wished likely unlikely possible proposed upcoming forthcoming future next not never no nor refused declined denied cancelled canceled postponed ahead if unless whether should must cannot can't won't didn't wouldn't")
)

func wordList(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
