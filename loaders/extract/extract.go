// Package extract finds the facts kg stores in an article's text: the
// people named, the offices they hold, the meetings between them and other
// dated events, each with its evidence sentence.
package extract

// Document is the input to extraction.
type Document struct {
	ID        string
	Text      string
	Published string // ISO date from metadata, "" when unknown
}

// Extract runs every extraction stage over one document.
func Extract(doc Document) Facts {
	return Facts{ID: doc.ID, Published: doc.Published, People: []Person{}, Roles: []Role{}, Meetings: []Meeting{}, Events: []Event{}}
}
