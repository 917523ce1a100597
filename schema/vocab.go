// Package schema is kg's data model in the graph: the vocabulary of
// predicates and classes, the stable IRIs of people, meetings, offices,
// events and articles, and the conversion of an article's extracted facts
// into quads whose label is the article they came from (provenance).
// The fact types extraction produces (Article, Facts, Person, Role, Meeting,
// Event) live here too, so that schema, the lowest package, imports nothing
// of kg. docs/schema.md describes it for users writing Gizmo queries.
package schema

import "github.com/cayleygraph/quad"

// FormatVersion is the version of the graph layout kg writes (this file,
// keys.go and quads.go; docs/schema.md). It changes when a store written
// by an older kg would be read wrongly; kg --version prints it.
//
//	1  first release: every quad labelled with its article
//	2  descriptions of nodes stored once, without a label
//	3  articles carry kg:location (where each copy was read), kg:articleKey
//	   (URL and text fingerprint, to find a story loaded twice) and
//	   kg:language
//	4  kg:calendar lists every fact's date (kg:hasDate) and undated fact
//	   (kg:undated); kg:store kg:format says the calendar is complete
//	5  who is who is decided over the facts: kg:sameAs joins a short name
//	   to the one person it fits (label kg:resolver) or a person to another
//	   by hand (kg alias), each listed under kg:identity; a family name
//	   alone has its article's context in its node; corrections are
//	   kg:Correction nodes; kg:key holds every part of a name
const FormatVersion = 5

// NS is the prefix of every IRI kg mints.
const NS = "kg:"

// Classes (objects of rdf:type).
var (
	ClassPerson  = quad.IRI(NS + "Person")
	ClassMeeting = quad.IRI(NS + "Meeting")
	ClassOffice  = quad.IRI(NS + "Office") // one person holding one office
	ClassEvent   = quad.IRI(NS + "Event")
	ClassArticle = quad.IRI(NS + "Article")
)

// Predicates.
var (
	Type = quad.IRI("rdf:type")

	// Person.
	Name        = quad.IRI(NS + "name")        // canonical (fullest) name
	Alias       = quad.IRI(NS + "alias")       // other names
	Key         = quad.IRI(NS + "key")         // normalised lookup keys (see SearchKeys)
	Nationality = quad.IRI(NS + "nationality") // country, from a nationality adjective
	Met         = quad.IRI(NS + "met")         // person -> person, both directions
	Holds       = quad.IRI(NS + "holds")       // person -> office
	SameAs      = quad.IRI(NS + "sameAs")      // person -> the person they are one with (kg alias, or a short name resolved)
	// DistinctFrom keeps two people apart: kg split wrote it, and no
	// short name is resolved across it.
	DistinctFrom = quad.IRI(NS + "distinctFrom")

	// Meeting.
	Participant = quad.IRI(NS + "participant") // meeting -> person
	Kind        = quad.IRI(NS + "kind")        // "meeting" or "call"

	// Office.
	Holder     = quad.IRI(NS + "holder")     // office -> person
	Title      = quad.IRI(NS + "title")      // "Foreign Minister"
	Of         = quad.IRI(NS + "of")         // "Syria", "Supreme National Security Council"
	Current    = quad.IRI(NS + "current")    // "true" or "false"
	ReportedOn = quad.IRI(NS + "reportedOn") // publication date of the reporting article

	// Event.
	Label    = quad.IRI(NS + "label")
	Head     = quad.IRI(NS + "head")
	Involves = quad.IRI(NS + "involves") // event -> person named in its evidence sentence

	// Shared by meetings and events.
	Date     = quad.IRI(NS + "date")     // ISO date string, possibly partial
	Place    = quad.IRI(NS + "place")    // place name
	Evidence = quad.IRI(NS + "evidence") // the sentence that states the fact
	Rule     = quad.IRI(NS + "rule")     // the extraction rule that fired
	Source   = quad.IRI(NS + "source")   // fact -> article reporting it
	// RetractedBy marks a meeting, office or event that kg retract took
	// out of answers and exports (its source quads stay).
	RetractedBy = quad.IRI(NS + "retractedBy") // fact -> correction

	// Article.
	URL        = quad.IRI(NS + "url")
	Headline   = quad.IRI(NS + "headline")
	Publisher  = quad.IRI(NS + "publisher")
	Published  = quad.IRI(NS + "published")
	ID         = quad.IRI(NS + "id")
	Mentions   = quad.IRI(NS + "mentions")   // article -> person it names
	Location   = quad.IRI(NS + "location")   // where a copy of the article was read (path:line, URL)
	Language   = quad.IRI(NS + "language")   // ISO 639-1 code
	ArticleKey = quad.IRI(NS + "articleKey") // "url:..." or "text:...", see Article.Keys

	// The calendar: every date a meeting or an event carries, so that the
	// facts of a day, a month or a range are found from the dates that
	// exist instead of by reading every fact (see Calendar).
	HasDate = quad.IRI(NS + "hasDate") // Calendar -> date literal
	Undated = quad.IRI(NS + "undated") // Calendar -> meeting or event without a date

	// Format records the FormatVersion a store's calendar is complete to
	// (see StoreNode).
	Format = quad.IRI(NS + "format")
)

// Calendar is the node that lists, with HasDate, every date (2017,
// 2017-01 or 2017-01-18) that a meeting or an event in the store carries,
// and with Undated the meetings and events that carry none (a fact's
// identity includes its date, so an undated fact stays undated). It is a
// description like any other: stored once, whichever article first gives
// it.
var Calendar = quad.IRI(NS + "calendar")

// StoreNode describes the store itself: its Format (a FormatVersion, as
// text) is CalendarSince or more when its calendar lists the dates of
// every fact in it, as in any store whose first load was made by a kg that
// writes the calendar. A store made before has no Format until its
// calendar is rebuilt.
var StoreNode = quad.IRI(NS + "store")

// CalendarSince is the first FormatVersion whose stores keep a complete
// calendar.
const CalendarSince = 4

// Identity lists, with Joined, every person who is one with another
// through kg:sameAs (by kg alias or by the resolution of a short name), and
// with Retracted every fact kg retract took out, so that a reader finds
// them all in one look-up (see graph's identity).
var Identity = quad.IRI(NS + "identity")

// Identity's predicates.
var (
	Joined    = quad.IRI(NS + "joined")    // Identity -> person with a kg:sameAs
	Retracted = quad.IRI(NS + "retracted") // Identity -> fact with a kg:retractedBy
)

// ResolverLabel is the label of the kg:sameAs quads kg writes itself when
// a short name ("Zarif") can only be one person stored under a fuller name
// ("Mohammad Javad Zarif"); kg rewrites them as the store changes.
var ResolverLabel = quad.IRI(NS + "resolver")

// Corrections made by hand (kg alias, kg split, kg retract and their
// undoing) are nodes of class Correction: what was done (Action) to whom
// or what (Target, Into), by whom (By), when (At, an RFC 3339 time) and
// why (Why); an undo names the correction it undoes (Undoes). The quads
// that carry a correction's effect (kg:sameAs, kg:distinctFrom,
// kg:retractedBy and their Identity entries) are labelled with the
// correction's IRI.
var (
	ClassCorrection = quad.IRI(NS + "Correction")
	Action          = quad.IRI(NS + "action")
	Target          = quad.IRI(NS + "target")
	Into            = quad.IRI(NS + "into")
	By              = quad.IRI(NS + "by")
	At              = quad.IRI(NS + "at")
	Why             = quad.IRI(NS + "why")
	Undoes          = quad.IRI(NS + "undoes")
)

// Correction actions.
const (
	ActionAlias   = "alias"
	ActionSplit   = "split"
	ActionRetract = "retract"
	ActionUndo    = "undo"
)

// CorrectionsLabel is the label of the quads that describe corrections.
var CorrectionsLabel = quad.IRI(NS + "corrections")

// ManualLabel is the label an older kg's `kg alias` gave what it wrote
// (stores before FormatVersion 5); corrections are labelled as above now.
var ManualLabel = quad.IRI(NS + "manual")
