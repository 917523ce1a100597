package ingest

import (
	"context"
	"encoding/binary"
	"hash/maphash"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// maxKnownTriples bounds the memory of knownTriples: past this many
// remembered triples (about 64 MB) the set is emptied and filled again from
// the store as the load goes on.
const maxKnownTriples = 1 << 21

// knownTriples drops from a batch the quads that schema.StoredOnce says
// need storing only once and that the store already holds (under any
// label) or that an earlier article of the batch states. It remembers the
// triples it has seen stored, as 128-bit hashes, so that a person named in
// thousands of articles costs one store look-up, not thousands.
type knownTriples struct {
	store *graph.Store
	seeds [2]maphash.Seed
	known map[[2]uint64]struct{}
	max   int // most triples remembered; see maxKnownTriples
}

func newKnownTriples(store *graph.Store) *knownTriples {
	return &knownTriples{
		store: store,
		seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()},
		known: make(map[[2]uint64]struct{}),
		max:   maxKnownTriples,
	}
}

// filter returns quads without the repeats described above, keeping their
// order; it reuses quads' backing array. The triples kept are remembered
// only when commit is called, after the batch is written, so a failed
// write leaves nothing remembered that the store does not hold.
func (k *knownTriples) filter(ctx context.Context, quads []quad.Quad) (kept []quad.Quad, commit func(), err error) {
	type candidate struct {
		at  int
		key [2]uint64
	}
	var (
		ask      []quad.Quad
		asked    []candidate
		keep     = make([]bool, len(quads))
		newInBat = make(map[[2]uint64]struct{})
	)
	for i, q := range quads {
		if !schema.StoredOnce(q) {
			keep[i] = true
			continue
		}
		key := k.hash(q)
		if _, ok := k.known[key]; ok {
			continue
		}
		if _, ok := newInBat[key]; ok {
			continue
		}
		newInBat[key] = struct{}{}
		ask = append(ask, q)
		asked = append(asked, candidate{at: i, key: key})
	}
	stored, err := k.store.HasTriples(ctx, ask)
	if err != nil {
		return nil, nil, err
	}
	for j, c := range asked {
		if !stored[j] {
			keep[c.at] = true
		}
	}
	kept = quads[:0]
	for i, q := range quads {
		if keep[i] {
			kept = append(kept, q)
		}
	}
	commit = func() {
		if len(k.known)+len(asked) > k.max {
			clear(k.known)
		}
		for _, c := range asked {
			k.known[c.key] = struct{}{}
		}
	}
	return kept, commit, nil
}

// hash is a 128-bit digest of q's subject, predicate and object; two
// independent seeds make a collision, which would drop a quad, practically
// impossible (about one in 10^26 for a million triples).
func (k *knownTriples) hash(q quad.Quad) [2]uint64 {
	var out [2]uint64
	for i, seed := range k.seeds {
		var h maphash.Hash
		h.SetSeed(seed)
		for _, v := range [3]quad.Value{q.Subject, q.Predicate, q.Object} {
			writeValue(&h, v)
		}
		out[i] = h.Sum64()
	}
	return out
}

// writeValue writes v to h so that no two different triples write the
// same bytes: each value is its kind and its length before its text. IRIs
// and plain strings, nearly all of kg's, are written without first
// making their N-Quads form.
func writeValue(h *maphash.Hash, v quad.Value) {
	kind, text := byte('v'), ""
	switch v := v.(type) {
	case quad.IRI:
		kind, text = 'i', string(v)
	case quad.String:
		kind, text = 's', string(v)
	case nil:
		kind = '0'
	default:
		text = v.String()
	}
	var n [9]byte
	n[0] = kind
	binary.LittleEndian.PutUint64(n[1:], uint64(len(text)))
	h.Write(n[:])
	h.WriteString(text)
}
