package ingest

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// flush writes the pending articles: the new ones whole, and of those
// that are copies of a story stored already (same id, URL or text, see
// schema.Article.Keys) only where they were read and what metadata the
// stored article lacks. The look-ups here, just before the write, are the
// authoritative ones: the reader's early check may miss an article written
// since, and it does not look at texts.
func (w *batchWriter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	defer func() { w.pending = w.pending[:0] }()
	items := w.pending
	if err := w.findStored(items); err != nil {
		return err
	}
	groupCopies(items)

	var quads []quad.Quad
	n := 0
	for _, it := range items {
		if it.dup == "" {
			quads = append(quads, it.quads...)
			n++
		}
	}
	copied, err := w.copyQuads(items)
	if err != nil {
		return err
	}
	quads = append(quads, copied...)
	if len(quads) == 0 {
		return nil
	}
	quads, remember, err := w.once.filter(w.ctx, quads)
	if err != nil {
		return fmt.Errorf("skip repeated descriptions: %w", err)
	}
	counts := countNew(quads)
	if err := w.store.Write(w.ctx, quads); err != nil {
		return fmt.Errorf("write %d articles: %w", n, err)
	}
	remember()
	// Short names ("Zarif", "Javad Zarif") of the people whose names,
	// offices or nationality this batch added, and short names those may
	// now be the fuller form of, are resolved again (graph.Resolve): the
	// same store whatever order or batches the articles came in.
	if _, err := w.store.Resolve(w.ctx, graph.PeopleTouched(quads)); err != nil {
		return fmt.Errorf("resolve short names: %w", err)
	}
	w.articles += n
	w.people += counts[schema.ClassPerson]
	w.meetings += counts[schema.ClassMeeting]
	w.roles += counts[schema.ClassOffice]
	w.events += counts[schema.ClassEvent]
	return nil
}

// findStored marks the items whose story the store holds already, by id
// or by any of its keys.
func (w *batchWriter) findStored(items []extracted) error {
	var ask []int
	var ids, keys []string
	var keyOf []int
	for i, it := range items {
		if it.dup != "" {
			continue
		}
		ask = append(ask, i)
		ids = append(ids, it.id)
		for _, k := range it.keys {
			keys = append(keys, k)
			keyOf = append(keyOf, i)
		}
	}
	stored, err := w.store.HasArticles(w.ctx, ids)
	if err != nil {
		return err
	}
	for j, i := range ask {
		if stored[j] {
			items[i].dup = schema.ArticleIRI(items[i].id)
		}
	}
	found, err := w.store.ArticlesByKey(w.ctx, keys)
	if err != nil {
		return err
	}
	for j, iri := range found {
		if i := keyOf[j]; iri != "" && items[i].dup == "" {
			items[i].dup = iri
		}
	}
	return nil
}

// groupCopies finds the new items of a batch that are copies of each
// other (same id or a shared key) and keeps one of each group as the
// article, the first one with a publication date, else the first: the
// others become copies of it.
func groupCopies(items []extracted) {
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, it := range items {
		if it.dup != "" {
			continue
		}
		for _, k := range append([]string{"id:" + it.id}, it.keys...) {
			if j, ok := owner[k]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[k] = i
			}
		}
	}
	leader := map[int]int{} // group root -> item kept
	for i, it := range items {
		if it.dup != "" {
			continue
		}
		root := find(i)
		l, ok := leader[root]
		if !ok || items[l].art.Published == "" && it.art.Published != "" {
			leader[root] = i
		}
	}
	for i := range items {
		if items[i].dup != "" {
			continue
		}
		if l := leader[find(i)]; l != i {
			items[i].dup = schema.ArticleIRI(items[l].id)
		}
	}
}

// copyQuads builds the quads of the items that are copies, without the
// metadata their article has already, and counts them: a copy read from a
// place the article already lists is a duplicate, else a copy.
func (w *batchWriter) copyQuads(items []extracted) ([]quad.Quad, error) {
	fields := map[quad.IRI]map[quad.IRI]bool{} // article -> predicates it has
	inBatch := map[quad.IRI]extracted{}
	for _, it := range items {
		if it.dup == "" {
			inBatch[schema.ArticleIRI(it.id)] = it
		}
	}
	var out, locations []quad.Quad
	var copyOf []int
	for i, it := range items {
		if it.dup == "" {
			continue
		}
		have, ok := fields[it.dup]
		if !ok {
			if a, new := inBatch[it.dup]; new {
				have = predicatesOf(it.dup, a.quads)
			} else {
				var err error
				if have, err = w.store.ArticleFields(w.ctx, it.dup); err != nil {
					return nil, err
				}
			}
			fields[it.dup] = have
		}
		for _, q := range schema.CopyQuads(it.dup, it.art, it.keys) {
			p, _ := q.Predicate.(quad.IRI)
			switch {
			case p == schema.Location:
				locations = append(locations, q)
				copyOf = append(copyOf, i)
			case isMetadata(p) && have[p]:
				continue
			}
			have[p] = true
			out = append(out, q)
		}
	}
	known, err := w.store.HasTriples(w.ctx, locations)
	if err != nil {
		return nil, err
	}
	isNew := map[int]bool{}
	for j, i := range copyOf {
		if !known[j] && !w.listed(inBatch, items[i].dup, locations[j]) {
			isNew[i] = true
		}
	}
	for i, it := range items {
		switch {
		case it.dup == "":
		case isNew[i]:
			w.copies++
		default:
			w.duplicates++
		}
	}
	return out, nil
}

// listed reports whether a location quad of a copy is one of the
// locations of the new article it copies.
func (w *batchWriter) listed(inBatch map[quad.IRI]extracted, article quad.IRI, q quad.Quad) bool {
	a, ok := inBatch[article]
	if !ok {
		return false
	}
	for _, loc := range a.art.Locations {
		if quad.String(loc) == q.Object {
			return true
		}
	}
	return false
}

// predicatesOf are the predicates of the quads about subject.
func predicatesOf(subject quad.IRI, quads []quad.Quad) map[quad.IRI]bool {
	have := map[quad.IRI]bool{}
	for _, q := range quads {
		if p, ok := q.Predicate.(quad.IRI); ok && q.Subject == subject {
			have[p] = true
		}
	}
	return have
}

func isMetadata(p quad.IRI) bool {
	for _, m := range schema.CopyMetadata {
		if p == m {
			return true
		}
	}
	return false
}
