// Package extract finds the facts kg stores in an article's text: the
// people it names, the offices they hold, the meetings and phone calls
// between them, and other dated events, each with its evidence sentence
// and the rule that found it.
//
// Extraction is a pipeline of layers over one document, each in its own
// file and tested on its own sentences:
//
//   - text (package text): tokens and sentences;
//   - dates (package dates): date expressions resolved to calendar days;
//   - names.go, mentions.go, descriptions.go: mentions of people — names
//     with their honorifics, titles and appositives, descriptions ("the
//     visiting minister"), pronouns and groups ("the two leaders");
//   - entities.go: name mentions grouped into people;
//   - predicates.go (the table) and frames.go: clauses with a contact
//     predicate and their subject, object and partner slots;
//   - discourse.go: references resolved in reading order, frames turned
//     into meetings, attendees joined to the meeting they attended, dates
//     inherited;
//   - facts.go: people, offices, meetings and events in the gold format.
//
// The vocabulary (honorifics, titles, organisation words, the gazetteer)
// is data in package lexicon. docs/extraction.md describes the layers and
// how to add a predicate.
package extract

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/kg-project/kg/loaders/extract/dates"
	"github.com/kg-project/kg/loaders/extract/lexicon"
	"github.com/kg-project/kg/loaders/extract/text"
	"github.com/kg-project/kg/schema"
)

// Document is the input to extraction.
type Document struct {
	ID        string
	Text      string
	Published string // ISO date from metadata, "" when unknown
}

// DefaultMaxBytes bounds the text extraction reads of one article: far
// more than any news article, small enough that a runaway input (a
// 50 MB "article" of names) costs seconds, not minutes.
const DefaultMaxBytes = 1 << 20

// Options tune extraction.
type Options struct {
	// MaxBytes cuts a longer text at the paragraph (or sentence) before
	// the limit; the facts then carry a note saying so. 0 means
	// DefaultMaxBytes; negative means no limit.
	MaxBytes int
	// Trace, when not nil, receives a sentence-by-sentence account of
	// what every layer found: mentions and whom they resolve to, frames
	// and their slots, meetings so far.
	Trace io.Writer
}

// doc carries one document through the layers.
type doc struct {
	ctx           context.Context
	text          string
	toks          []text.Token
	sents         []text.Sentence
	cls           [][]class         // per sentence, per token
	pub           dates.Day         // publication day
	dates         [][]dates.Mention // per sentence
	ments         [][]mention       // per sentence, in token order
	ents          []entity
	describing    map[int][]string // entity → describingWords, built on first use
	index         *nameIndex
	aliases       map[string]int  // nickname key → entity
	visiting      map[int]bool    // entities described as visiting
	gender        map[int]bool    // entities the article calls "she" (true) or "he" (false)
	datelinePlace string          // the city the article is datelined from
	callStory     bool            // a headline says the story is of a call ("Readout of X's Call with Y")
	initials      map[string]bool // initials of full names of sentences before initialsUpTo ("MBS")
	initialsUpTo  int
	meetings      []*meeting
	trace         io.Writer
}

// Extract runs every layer over one document with the default options.
// It never fails: an article that cannot be read yields no facts.
func Extract(in Document) schema.Facts {
	f, err := ExtractContext(context.Background(), in, Options{})
	if err != nil {
		return emptyFacts(in)
	}
	return f
}

// ExtractContext runs every layer over one document. It returns an error
// when ctx is cancelled during extraction, and — never expected, but never
// fatal to a load — when a layer fails on an input it does not handle.
func ExtractContext(ctx context.Context, in Document, opt Options) (f schema.Facts, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = emptyFacts(in), fmt.Errorf("extract %s: internal error: %v", in.ID, r)
		}
	}()
	d := &doc{ctx: ctx, aliases: map[string]int{}, visiting: map[int]bool{}, gender: map[int]bool{}, trace: opt.Trace}
	d.text = text.Normalize(in.Text)
	var notes []string
	if limit := maxBytes(opt); limit > 0 && len(d.text) > limit {
		d.text = cutText(d.text, limit)
		notes = append(notes, fmt.Sprintf("text cut at %d of %d bytes (extraction reads at most %d bytes of an article)", len(d.text), len(in.Text), limit))
	}
	d.toks = text.Tokenize(d.text)
	d.sents = text.Segment(d.text, d.toks)
	d.pub = dates.ParseISO(in.Published)
	if !d.pub.Valid() {
		d.pub = dates.Dateline(d.sents)
	}
	if err := d.read(); err != nil {
		return emptyFacts(in), fmt.Errorf("extract %s: %w", in.ID, err)
	}
	f = d.facts(in.ID)
	if in.Published != "" && !d.pub.Valid() {
		f.Published = in.Published
	}
	f.Notes = notes
	return f, nil
}

func maxBytes(opt Options) int {
	switch {
	case opt.MaxBytes == 0:
		return DefaultMaxBytes
	case opt.MaxBytes < 0:
		return 0
	}
	return opt.MaxBytes
}

// cutText cuts s to at most limit bytes, at the last paragraph break, else
// the last sentence end, else the last space before the limit.
func cutText(s string, limit int) string {
	head := s[:limit]
	for _, sep := range []string{"\n\n", ". ", " "} {
		if k := strings.LastIndex(head, sep); k > limit/2 {
			return head[:k+len(sep)-1]
		}
	}
	return strings.ToValidUTF8(head, "")
}

func emptyFacts(in Document) schema.Facts {
	return schema.Facts{ID: in.ID, Published: in.Published, People: []schema.Person{}, Roles: []schema.Role{},
		Meetings: []schema.Meeting{}, Events: []schema.Event{}}
}

// checkEvery is how many sentences a layer reads between two looks at
// its context's cancellation.
const checkEvery = 64

func (d *doc) cancelled(si int) error {
	if si%checkEvery == 0 {
		return d.ctx.Err()
	}
	return nil
}

// todayWords are the dates that name the day of writing: "today",
// "yesterday", "last night". A wire story's dateline ("SEOUL, June 13
// (Yonhap) --") says that day, which may be a day or two before the
// publication date a site gives it.
var todayWords = map[string]bool{"date-today": true, "date-tonight": true, "date-yesterday": true,
	"date-this-morning": true, "date-this-afternoon": true, "date-this-evening": true, "date-last-night": true,
	"date-last-evening": true, "date-the-day-before-yesterday": true}

// shiftToDateline counts "today" and "yesterday" from the dateline's day
// when the first lines carry one up to three days before publication.
func (d *doc) shiftToDateline() {
	day := d.datelineDay()
	if !day.Full() || !d.pub.Full() || day == d.pub || day.After(d.pub) || d.pub.AddDays(-3).After(day) {
		return
	}
	shift := int(day.Time().Sub(d.pub.Time()).Hours() / 24)
	for si := range d.dates {
		for i, dm := range d.dates[si] {
			if todayWords[dm.Rule] {
				d.dates[si][i].Value = dm.Value.AddDays(shift)
			}
		}
	}
}

// datelineDay returns the day of a dateline: a full date among the first
// words of the first sentences, followed by an agency in brackets or a
// dash ("SEOUL, June 13 (Yonhap) --", "Asmara, 18 July 2020 –").
func (d *doc) datelineDay() dates.Day {
	for si := range d.sents {
		if si > 2 {
			break
		}
		for _, dm := range d.dates[si] {
			if dm.Value.Full() && !todayWords[dm.Rule] && isDatelineDate(d.sents[si].Toks, dm) {
				return dm.Value
			}
		}
	}
	return dates.Day{}
}

// read runs the layers between tokens and facts.
func (d *doc) read() error {
	d.cls = make([][]class, len(d.sents))
	d.dates = make([][]dates.Mention, len(d.sents))
	for si := range d.sents {
		if err := d.cancelled(si); err != nil {
			return err
		}
		d.classifySentence(si)
		d.dates[si] = dates.Find(d.sents[si].Toks, d.pub)
	}
	d.shiftToDateline()
	dates.Chain(d.sents, d.dates)
	d.ments = make([][]mention, len(d.sents))
	for si := range d.sents {
		if err := d.cancelled(si); err != nil {
			return err
		}
		d.ments[si] = d.findMentions(si)
	}
	d.resolveNames()
	for si := range d.ments {
		for _, m := range d.ments[si] {
			if m.ent >= 0 && m.visiting {
				d.visiting[m.ent] = true
			}
			if m.ent >= 0 && femaleStyle(m) {
				d.gender[m.ent] = true
			}
		}
	}
	// A given name of one sex says the rest: "She later met X" after
	// "Ana Vidal met Ivo Kral".
	for e := range d.ents {
		if _, known := d.gender[e]; known {
			continue
		}
		words := strings.Fields(d.ents[e].name)
		if len(words) < 2 {
			continue
		}
		switch first := strings.ToLower(words[0]); {
		case lexicon.FemaleGivenNames[first]:
			d.gender[e] = true
		case lexicon.MaleGivenNames[first]:
			d.gender[e] = false
		}
	}
	d.readDateline()
	d.callStory = d.headlineTellsOfCall()
	return d.readDiscourse()
}

// classifySentence looks up every token of a sentence in the lexicon and
// corrects what the lexicon alone gets wrong in context.
func (d *doc) classifySentence(si int) {
	s := &d.sents[si]
	line := lineKindOf(s)
	d.cls[si] = make([]class, len(s.Toks))
	for k, t := range s.Toks {
		d.cls[si][k] = classify(t, line)
	}
	// Words of a country's name ("Bosnia and Herzegovina", "Papua New
	// Guinea") are places, whatever each would be alone; a weak honorific
	// after another honorific is one too ("Tan Sri").
	g := lexicon.Places()
	for k := 0; k < len(s.Toks); k++ {
		if _, n := g.CountryAt(s.Toks, k); n > 1 {
			for q := k; q < k+n; q++ {
				d.cls[si][q] = d.cls[si][q]&^clsNameWord | clsPlace
			}
			k += n - 1
			continue
		}
		if k > 0 && d.cls[si][k].has(clsWeakHonorific) && d.cls[si][k-1].has(clsHonorific) && !d.cls[si][k-1].has(clsWeakHonorific) {
			d.cls[si][k] &^= clsNameWord
		}
		// "Tan" is a style only in "Tan Sri"; "Mr Tan", "Tan Chuan-Jin"
		// and "Tan See Leng" name people. So is a style right after "Mr"
		// with no name after it: "Mr Don also met ...".
		if s.Toks[k].Is("tan") && s.Toks[k].Cap && !tokAt(s.Toks, k+1).Is("sri", "seri") ||
			k > 0 && s.Toks[k].Cap && d.cls[si][k].has(clsHonorific|clsWeakHonorific) &&
				s.Toks[k-1].Is("mr", "mr.", "mrs", "mrs.", "ms", "ms.") && !tokAt(s.Toks, k+1).Cap {
			d.cls[si][k] = d.cls[si][k]&^(clsHonorific|clsWeakHonorific) | clsNameWord
		}
		// "Toh Puan", "Tuan Yang Terutama": honorific chains.
		if k+1 < len(s.Toks) && d.cls[si][k].has(clsWeakHonorific|clsHonorific) && d.cls[si][k+1].has(clsHonorific) && !d.cls[si][k+1].has(clsWeakHonorific) {
			d.cls[si][k] &^= clsNameWord
		}
	}
	// Short month names are names next to a name and with no day: "Dong
	// Jun", "Kim Jun-ho", "Le Thi Mar", "Jan Lipavsky".
	for k := 0; k < len(s.Toks); k++ {
		t := s.Toks[k]
		if !d.cls[si][k].has(clsDate) || len(t.Text) != 3 || !t.Cap || t.AllCaps() || tokAt(s.Toks, k+1).Kind == text.Number {
			continue
		}
		after := k+1 < len(s.Toks) && d.cls[si][k+1].has(clsNameWord) && s.Toks[k+1].NLBefore == 0 && tokAt(s.Toks, k+2).Kind != text.Number
		if k > 0 && d.cls[si][k-1].has(clsNameWord) || after && tokAt(s.Toks, k-1).Kind != text.Number {
			d.cls[si][k] = d.cls[si][k]&^clsDate | clsNameWord
		}
	}
	// Family names that are also English function words ("So Hun", "An
	// Chol", "Moon Jae In") are names when capitalised inside a sentence
	// next to a name.
	for k := 1; k < len(s.Toks); k++ {
		t := s.Toks[k]
		if !t.Cap || t.AllCaps() || !functionWordNames[t.Lower] || k == firstWord(s) || s.TitleCase && !s.Toks[k-1].Is("by") {
			continue
		}
		nextName := k+1 < len(s.Toks) && d.cls[si][k+1].has(clsNameWord) && s.Toks[k+1].NLBefore == 0
		prevName := d.cls[si][k-1].has(clsNameWord) && k >= 2 && d.cls[si][k-2].has(clsNameWord)
		nextCap := k+1 < len(s.Toks) && s.Toks[k+1].Cap
		// "Foreign Minister Than Swe": a title before it, too.
		afterTitle := d.cls[si][k-1].has(clsTitleHead|clsHonorific) && !d.cls[si][k-1].has(clsNameWord)
		if nextName && (!s.Toks[k-1].Cap || afterTitle || s.Toks[k-1].Is("by")) || prevName && !nextCap {
			d.cls[si][k] |= clsNameWord
			// "He" is "H.E." too; here it is a family name.
			d.cls[si][k] &^= clsFunction | clsHonorific
		}
	}
	// A verb or adverb opening a sentence is capitalised for that reason
	// only: "Flanking Jokowi were ...", "Thanking X, Y said".
	// "official" heads a title only before a name ("IMF official Peter
	// Breuer"), not before a noun ("an official visit").
	for k := 0; k+1 < len(s.Toks); k++ {
		if s.Toks[k].Is("official", "boss") && s.Toks[k+1].Kind == text.Word && !s.Toks[k+1].Cap {
			d.cls[si][k] &^= clsTitleHead
		}
	}
	// "Narendra Modi Ji": a respectful suffix after a name is no part of
	// it.
	for k := 1; k < len(s.Toks); k++ {
		if s.Toks[k].Text == "Ji" && d.cls[si][k-1].has(clsNameWord) && s.Toks[k-1].Cap {
			d.cls[si][k] &^= clsNameWord
		}
	}
	// So is one opening the body after a dateline: "HANOI (VNA) –
	// Receiving X, ...".
	for _, k := range []int{firstWord(s), bodyStart(s.Toks)} {
		if k < 0 || k >= len(s.Toks) || s.Toks[k].Kind != text.Word {
			continue
		}
		if l := s.Toks[k].Lower; lexicon.IsVerb(l) && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed")) || lexicon.Adverbs[l] {
			d.cls[si][k] &^= clsNameWord
		}
		// "Lobbyist Brian Ballard met ...": a job word opening the
		// sentence before a name.
		if l := s.Toks[k].Lower; lexicon.Descriptors[l] && k+1 < len(s.Toks) && s.Toks[k+1].Cap {
			d.cls[si][k] &^= clsNameWord
		}
	}
}

// femaleStyle reports a name given a woman's style or office ("Mrs",
// "Queen", "First Lady", "Sheikha").
func femaleStyle(m mention) bool {
	for _, st := range m.styles {
		switch st {
		case "mrs", "ms", "madam", "madame", "mme", "lady", "dame", "queen", "princess", "sheikha", "shaikha", "hajia",
			"hajiya", "puan", "datin", "daw", "shrimati", "smt", "kumari", "doña", "señora", "sra", "frau", "ibu", "bu", "miss":
			return true
		}
	}
	for _, o := range m.offices {
		l := strings.ToLower(o.title)
		if strings.Contains(l, "first lady") || strings.Contains(l, "queen") || strings.Contains(l, "chairwoman") ||
			strings.Contains(l, "spokeswoman") || strings.Contains(l, "congresswoman") || strings.Contains(l, "princess") {
			return true
		}
	}
	return false
}

// functionWordNames are family or given names spelled like English
// function words.
var functionWordNames = map[string]bool{"so": true, "an": true, "do": true, "ha": true, "no": true, "oh": true,
	"ko": true, "yu": true, "in": true, "un": true, "le": true, "ma": true, "ho": true, "than": true, "he": true,
	"to": true, "will": true}

// firstWord returns the index of a sentence's first word, past opening
// quotes, dashes and brackets, or -1.
func firstWord(s *text.Sentence) int {
	for k, t := range s.Toks {
		if t.Kind == text.Word {
			return k
		}
		if t.Kind == text.Number {
			return -1
		}
	}
	return -1
}

// lineKindOf tells how far a sentence's capitals can be trusted.
func lineKindOf(s *text.Sentence) lineKind {
	words, caps := 0, 0
	for _, t := range s.Toks {
		if t.Kind != text.Word {
			continue
		}
		words++
		if t.AllCaps() || len([]rune(t.Text)) == 1 && t.Cap {
			caps++
		}
	}
	if words >= 3 && caps*10 >= words*8 {
		return allCapsLine
	}
	if s.TitleCase {
		return titleCaseLine
	}
	return normalLine
}
