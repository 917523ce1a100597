package explore

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// nameIndex holds every person's name, folded, for the searches that the
// lookup keys cannot answer: part of a name ("von der Leyen", "Qin") and the
// closest names to a misspelt one. It is built from the store once and
// again whenever the store's quad count has changed.
type nameIndex struct {
	quads  int64
	people []indexedName
}

type indexedName struct {
	ref    graph.PersonRef
	folded string   // the name in lower case without accents, words joined by one space
	words  []string // the name's words (schema.NameWords), as skeletons
}

func (e *Explorer) nameIndex(ctx context.Context) (*nameIndex, error) {
	quads, err := e.store.QuadCount(ctx)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.names != nil && e.names.quads == quads {
		return e.names, nil
	}
	all, err := e.store.Facts().AllPeople(ctx)
	if err != nil {
		return nil, fmt.Errorf("read names: %w", err)
	}
	idx := &nameIndex{quads: quads, people: make([]indexedName, len(all))}
	for i, p := range all {
		idx.people[i] = indexedName{ref: p, folded: fold(p.Name), words: skeletons(p.Name)}
	}
	e.names = idx
	return idx, nil
}

// fold lower-cases a name, removes its accents and joins its words with
// single spaces, keeping particles ("Ursula von der Leyen" -> "ursula von
// der leyen").
func fold(s string) string {
	return strings.Join(strings.FieldsFunc(schema.FoldName(s), func(r rune) bool { return r == ' ' || r == '-' }), " ")
}

func skeletons(name string) []string {
	words := schema.NameWords(name)
	for i, w := range words {
		words[i] = schema.Skeleton(w)
	}
	return words
}

// partial returns, sorted by name, at most limit people whose folded name
// contains the folded query, or each of whose query words begins (as a
// skeleton, so spelling variants match) one of the name's words.
func (idx *nameIndex) partial(q string, limit int) []graph.PersonRef {
	fq := fold(q)
	qwords := skeletons(q)
	var out []graph.PersonRef
	for _, p := range idx.people {
		if len(out) == limit {
			break
		}
		if fq != "" && strings.Contains(p.folded, fq) || len(qwords) > 0 && everyWordStarts(qwords, p.words) {
			out = append(out, p.ref)
		}
	}
	return out
}

func everyWordStarts(qwords, words []string) bool {
	for _, q := range qwords {
		found := false
		for _, w := range words {
			if q != "" && strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// closest returns up to n names nearest the query in edit distance, to
// the whole name or to one of its words, among those close enough to be a
// likely misspelling (a third of the query's letters, at least two).
func (idx *nameIndex) closest(q string, n int) []string {
	fq := fold(q)
	if fq == "" {
		return []string{}
	}
	budget := max(2, len([]rune(fq))/3)
	type scored struct {
		name string
		d    int
	}
	var found []scored
	for _, p := range idx.people {
		d := schema.EditDistance(fq, p.folded)
		for _, w := range strings.Fields(p.folded) {
			d = min(d, schema.EditDistance(fq, w))
		}
		if d <= budget {
			found = append(found, scored{p.ref.Name, d})
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].name < found[j].name
	})
	out := []string{}
	for _, s := range found {
		if len(out) == n {
			break
		}
		if len(out) == 0 || out[len(out)-1] != s.name {
			out = append(out, s.name)
		}
	}
	return out
}
