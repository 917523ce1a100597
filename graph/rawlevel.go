package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/iterator"
	"github.com/syndtr/goleveldb/leveldb/util"
)

// levelLog reads Cayley's key-value layout on leveldb directly, for the
// reads kg's helpers make most: the quads of a node by predicate, and the
// log entries (quads and values) of many ids at once.
//
// Cayley keeps every quad and every value as a log entry under its id, and
// indexes quads by (subject, predicate) and (object, predicate, subject),
// each index entry a list of quad ids; a removed quad stays in the index
// lists, marked deleted in its log entry. Cayley's iterators read the log
// entry of every quad they pass with a look-up of its own (a walk of
// leveldb's levels, a Bloom filter and a block search each). levelLog
// reads the same entries, with the same checks (deleted quads are
// skipped), but all the entries one question needs in one pass of one
// leveldb iterator in key order: the entries of the facts of one date, or
// of the same batch of articles, sit side by side in the log, so most are
// reached by stepping to the next key, not by a search.
type levelLog struct {
	db  *leveldb.DB
	box *faultBox // where read errors are noted
}

// The buckets of Cayley's key-value layout (graph/kv/indexing.go in
// Cayley), and the indexes kg stores have.
var (
	logBucket      = []byte("log")
	subjectIndex   = []byte("sp")
	objectIndex    = []byte("ops")
	metaIndexesKey = flatKey([]byte("meta"), []byte("indexes"))
)

// newLevelLog returns the levelLog of the leveldb store the box was opened
// with, or nil when its layout is not the one levelLog reads. Its read
// errors are noted in the box, as those of Cayley's reads are (faults.go).
func newLevelLog(ctx context.Context, box *faultBox) *levelLog {
	if box == nil || box.raw == nil {
		return nil
	}
	l := &levelLog{db: box.raw, box: box}
	if !l.hasKgIndexes(ctx) {
		return nil
	}
	return l
}

// hasKgIndexes reports whether the store has the two indexes Cayley makes
// by default, (subject, predicate) and (object, predicate, subject), the
// only ones levelLog reads.
func (l *levelLog) hasKgIndexes(context.Context) bool {
	data, err := l.db.Get(metaIndexesKey, nil)
	if err != nil {
		if !errors.Is(err, leveldb.ErrNotFound) {
			l.noted(err)
		}
		return false
	}
	var indexes []struct {
		Dirs []quad.Direction `json:"dirs"`
	}
	if json.Unmarshal(data, &indexes) != nil {
		return false
	}
	want := [][]quad.Direction{{quad.Subject, quad.Predicate}, {quad.Object, quad.Predicate, quad.Subject}}
	if len(indexes) != len(want) {
		return false
	}
	for i, ind := range indexes {
		if !slices.Equal(ind.Dirs, want[i]) {
			return false
		}
	}
	return true
}

// noted notes err in the store's fault box (faults.go), so that a damaged
// store read here is reported as damaged, as when Cayley reads it.
func (l *levelLog) noted(err error) error {
	if l.box != nil {
		l.box.note(err)
	}
	return err
}

// flatKey is the leveldb key of a Cayley key of several parts (hidalgo's
// flat encoding: parts joined by '/', with '/' and '\' escaped by '\').
// The encoding keeps prefixes: the key of (bucket, a) is a prefix of that
// of (bucket, a+b).
func flatKey(parts ...[]byte) []byte {
	var k []byte
	for i, part := range parts {
		if i > 0 {
			k = append(k, '/')
		}
		k = appendEscaped(k, part)
	}
	return k
}

func appendEscaped(k, part []byte) []byte {
	for _, b := range part {
		if b == '/' || b == '\\' {
			k = append(k, '\\')
		}
		k = append(k, b)
	}
	return k
}

// ids8 is the big-endian form of ids, as Cayley writes them into keys.
func ids8(ids ...uint64) []byte {
	b := make([]byte, 8*len(ids))
	for i, id := range ids {
		binary.BigEndian.PutUint64(b[8*i:], id)
	}
	return b
}

// unescapeID reads the id at the start of the escaped rest of a key.
func unescapeID(rest []byte) (uint64, bool) {
	var b [8]byte
	n := 0
	for i := 0; i < len(rest) && n < 8; i++ {
		if rest[i] == '\\' {
			i++
			if i == len(rest) {
				return 0, false
			}
		}
		b[n] = rest[i]
		n++
	}
	if n < 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(b[:]), true
}

// indexed is a quad id found in an index entry, with the id the entry's
// key holds after the scanned prefix (the predicate of a subject's entry,
// the subject of an object's) and the number of the node scanned.
type indexed struct {
	id, keyID uint64
	node      int
}

// scanIndex appends the quad ids of the index entries that start with
// prefix, in key order, read with it (any iterator over the store).
func scanIndex(it iterator.Iterator, out []indexed, prefix []byte, node int) ([]indexed, error) {
	for ok := it.Seek(prefix); ok && bytes.HasPrefix(it.Key(), prefix); ok = it.Next() {
		keyID, _ := unescapeID(it.Key()[len(prefix):])
		err := eachQuadID(it.Value(), func(id uint64) {
			out = append(out, indexed{id: id, keyID: keyID, node: node})
		})
		if err != nil {
			return out, fmt.Errorf("read a quad index entry: %w", err)
		}
	}
	return out, it.Error()
}

// errBadIDList is the error of an index entry whose id list does not decode.
var errBadIDList = errors.New("bad id list")

// eachQuadID calls fn with each quad id of an index entry's value (Cayley
// writes them as a run of uvarints).
func eachQuadID(val []byte, fn func(uint64)) error {
	for len(val) > 0 {
		id, n := binary.Uvarint(val)
		if n <= 0 {
			return errBadIDList
		}
		fn(id)
		val = val[n:]
	}
	return nil
}

// entries reads the log entries of ids: out[i] is ids[i]'s, nil when
// there is none. One iterator walks the wanted keys in order, stepping to
// the next key while the next wanted one is near and searching otherwise.
func (l *levelLog) entries(ctx context.Context, ids []uint64) ([]*proto.Primitive, error) {
	out, err := l.readEntries(ctx, ids)
	return out, l.noted(err)
}

func (l *levelLog) readEntries(ctx context.Context, ids []uint64) ([]*proto.Primitive, error) {
	out := make([]*proto.Primitive, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	type wanted struct {
		key []byte
		id  uint64
		at  int
	}
	ws := make([]wanted, len(ids))
	prefix := flatKey(logBucket, nil)
	// The keys share one array, and the entries another.
	arena := make([]byte, 0, len(ids)*(len(prefix)+10))
	var id8 [8]byte
	for i, id := range ids {
		start := len(arena)
		binary.BigEndian.PutUint64(id8[:], id)
		arena = appendEscaped(append(arena, prefix...), id8[:])
		ws[i] = wanted{key: arena[start:len(arena):len(arena)], id: id, at: i}
	}
	prims := make([]proto.Primitive, len(ids))
	slices.SortFunc(ws, func(a, b wanted) int { return bytes.Compare(a.key, b.key) })
	it := l.db.NewIterator(util.BytesPrefix(prefix), nil)
	defer it.Release()
	valid := false
	var last *proto.Primitive
	var lastKey []byte
	for n, w := range ws {
		if lastKey != nil && bytes.Equal(lastKey, w.key) {
			out[w.at] = last // the same id twice
			continue
		}
		if n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		last, lastKey = nil, w.key
		var val []byte
		near := func(j int) bool { return j >= 0 && j < len(ws) && absDiff(ws[j].id, w.id) <= nearSteps }
		if near(n-1) || near(n+1) {
			// In a run of entries side by side: stepped to.
			valid = seekForward(it, valid, w.key)
			if !valid || !bytes.Equal(it.Key(), w.key) {
				continue
			}
			val = it.Value()
		} else {
			// On its own: a look-up reads the one table that can hold
			// it, where a search of the iterator reads every level.
			v, err := l.db.Get(w.key, nil)
			if errors.Is(err, leveldb.ErrNotFound) {
				continue
			} else if err != nil {
				return nil, fmt.Errorf("read the log entry of %d: %w", w.id, err)
			}
			val = v
		}
		p := &prims[n]
		if err := p.Unmarshal(val); err != nil {
			return nil, fmt.Errorf("read the log entry of %d: %w", ids[w.at], err)
		}
		out[w.at], last = p, p
	}
	return out, it.Error()
}

func absDiff(a, b uint64) uint64 {
	if a > b {
		return a - b
	}
	return b - a
}

// nearSteps is how many keys seekForward steps over before it searches.
const nearSteps = 16

// seekForward moves it to the first key not before key, which is not
// before the key it is at (valid says it is at one).
func seekForward(it iterator.Iterator, valid bool, key []byte) bool {
	for range nearSteps {
		if !valid {
			break
		}
		if bytes.Compare(it.Key(), key) >= 0 {
			return true
		}
		valid = it.Next()
	}
	return it.Seek(key)
}

// linkQuads reads the live quads of the index entries found: each with
// the node it was found from.
func (l *levelLog) linkQuads(ctx context.Context, found []indexed) ([]*proto.Primitive, error) {
	ids := make([]uint64, len(found))
	for i, f := range found {
		ids[i] = f.id
	}
	prims, err := l.entries(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, p := range prims {
		if p == nil || p.Deleted || p.IsNode() {
			prims[i] = nil
		}
	}
	return prims, nil
}

// scanAll reads the index entries that start with each of prefixes (the
// entries of prefix i numbered i), with one iterator moving forward
// through the index, and returns them in the order of prefixes.
func (l *levelLog) scanAll(prefixes [][]byte) ([]indexed, error) {
	found, err := l.readIndex(prefixes)
	return found, l.noted(err)
}

func (l *levelLog) readIndex(prefixes [][]byte) ([]indexed, error) {
	order := make([]int, 0, len(prefixes))
	for i, p := range prefixes {
		if p != nil {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	slices.SortStableFunc(order, func(a, b int) int { return bytes.Compare(prefixes[a], prefixes[b]) })
	it := l.db.NewIterator(nil, nil)
	defer it.Release()
	var found []indexed
	var err error
	for _, i := range order {
		if found, err = scanIndex(it, found, prefixes[i], i); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(found, func(a, b indexed) int { return a.node - b.node })
	return found, nil
}

// outQuads is reader.outQuads on leveldb: the quads of all subjects in
// one pass over the log, only those whose predicate is in preds (all when
// preds is nil).
func (l *levelLog) outQuads(ctx context.Context, subjects []cgraph.Ref, preds map[any]int, fn func(i int, q quadRefs) error) error {
	prefixes := make([][]byte, len(subjects))
	for i, s := range subjects {
		if id, ok := s.(kv.Int64Value); ok && id != 0 {
			prefixes[i] = flatKey(subjectIndex, ids8(uint64(id)))
		}
	}
	found, err := l.scanAll(prefixes)
	if err != nil {
		return err
	}
	if preds != nil {
		kept := found[:0]
		for _, f := range found {
			if _, ok := preds[kv.Int64Value(f.keyID)]; ok {
				kept = append(kept, f)
			}
		}
		found = kept
	}
	prims, err := l.linkQuads(ctx, found)
	if err != nil {
		return fmt.Errorf("read quads: %w", err)
	}
	for k, p := range prims {
		if p == nil {
			continue
		}
		if err := fn(found[k].node, quadRefs{pred: kv.Int64Value(p.Predicate), obj: kv.Int64Value(p.Object), label: labelRef(p)}); err != nil {
			return err
		}
	}
	return nil
}

func labelRef(p *proto.Primitive) cgraph.Ref {
	if p.Label == 0 {
		return nil
	}
	return kv.Int64Value(p.Label)
}

// links is reader.links on leveldb for many nodes: the live quads with
// nodes[i] in direction from (subject or object) and predicate p, giving
// i, the node in direction to and the label, in Cayley's order for each
// node; all read in one pass over the index and one over the log. False
// when it cannot read them (refs not Cayley's, another direction).
func (l *levelLog) links(ctx context.Context, nodes []cgraph.Ref, from quad.Direction, p cgraph.Ref, to quad.Direction, fn func(int, link) error) (bool, error) {
	pid, ok := p.(kv.Int64Value)
	if !ok {
		return false, nil
	}
	var bucket []byte
	switch from {
	case quad.Subject:
		bucket = subjectIndex
	case quad.Object:
		bucket = objectIndex
	default:
		return false, nil
	}
	prefixes := make([][]byte, len(nodes))
	for i, node := range nodes {
		if node == nil {
			continue
		}
		n, ok := node.(kv.Int64Value)
		if !ok {
			return false, nil
		}
		prefixes[i] = flatKey(bucket, ids8(uint64(n), uint64(pid)))
	}
	found, err := l.scanAll(prefixes)
	if err != nil {
		return true, err
	}
	prims, err := l.linkQuads(ctx, found)
	if err != nil {
		return true, err
	}
	for k, q := range prims {
		if q == nil {
			continue
		}
		if err := fn(found[k].node, link{node: kv.Int64Value(q.GetDirection(to)), label: labelRef(q)}); err != nil {
			return true, err
		}
	}
	return true, nil
}

// indexedSubjects lists the subjects the index of (object, p) names, each
// once, without reading their quads from the log (so without skipping
// removed ones).
func (l *levelLog) indexedSubjects(object, p cgraph.Ref) ([]cgraph.Ref, bool, error) {
	o, ok := object.(kv.Int64Value)
	pid, pok := p.(kv.Int64Value)
	if object == nil || p == nil {
		return nil, true, nil
	}
	if !ok || !pok {
		return nil, false, nil
	}
	prefix := flatKey(objectIndex, ids8(uint64(o), uint64(pid)))
	it := l.db.NewIterator(util.BytesPrefix(prefix), nil)
	found, err := scanIndex(it, nil, prefix, 0)
	it.Release()
	if err != nil {
		return nil, true, l.noted(err)
	}
	var out []cgraph.Ref
	for i, f := range found {
		if i == 0 || f.keyID != found[i-1].keyID {
			out = append(out, kv.Int64Value(f.keyID))
		}
	}
	return out, true, nil
}

// values reads the values of refs (all of them Cayley's node ids): out[i]
// is nil for a ref with no value.
func (l *levelLog) values(ctx context.Context, refs []cgraph.Ref) ([]quad.Value, bool, error) {
	ids := make([]uint64, len(refs))
	for i, r := range refs {
		id, ok := r.(kv.Int64Value)
		if !ok {
			return nil, false, nil
		}
		ids[i] = uint64(id)
	}
	prims, err := l.entries(ctx, ids)
	if err != nil {
		return nil, true, err
	}
	out := make([]quad.Value, len(refs))
	for i, p := range prims {
		if p == nil || !p.IsNode() {
			continue
		}
		if out[i], err = pquads.UnmarshalValue(p.Value); err != nil {
			return nil, true, l.noted(fmt.Errorf("read the value of %d: %w", ids[i], err))
		}
	}
	return out, true, nil
}

// valueIDs returns the ids Cayley gave values (0 for a value not stored),
// each distinct value looked up once in Cayley's value index (its key the
// value's hash, in a bucket named by the hash's first two bytes).
func (l *levelLog) valueIDs(ctx context.Context, vals []quad.Value) ([]uint64, error) {
	out := make([]uint64, len(vals))
	known := make(map[cgraph.ValueHash]uint64, len(vals))
	for i, v := range vals {
		if v == nil {
			continue
		}
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		h := cgraph.HashOf(v)
		id, ok := known[h]
		if !ok {
			data, err := l.db.Get(flatKey([]byte{'v', h[0], h[1]}, h[:]), nil)
			switch {
			case errors.Is(err, leveldb.ErrNotFound):
			case err != nil:
				return nil, l.noted(fmt.Errorf("look up the id of %s: %w", v, err))
			default:
				id, _ = binary.Uvarint(data)
			}
			known[h] = id
		}
		out[i] = id
	}
	return out, nil
}

// hasTriples is Store.HasTriples on leveldb: the three nodes of each quad
// by their hashes, then the entry of (object, predicate, subject) in
// Cayley's index, which lists the quads of that triple under every label;
// found when one of them is live. A new triple costs look-ups that the
// Bloom filters answer without reading a block.
func (l *levelLog) hasTriples(ctx context.Context, quads []quad.Quad, found []bool) error {
	vals := make([]quad.Value, 0, 3*len(quads))
	for _, q := range quads {
		vals = append(vals, q.Subject, q.Predicate, q.Object)
	}
	ids, err := l.valueIDs(ctx, vals)
	if err != nil {
		return err
	}
	var candidates []uint64 // quad ids listed for the triples
	var of []int            // the quad each candidate is for
	for i := range quads {
		sub, pred, obj := ids[3*i], ids[3*i+1], ids[3*i+2]
		if sub == 0 || pred == 0 || obj == 0 {
			continue
		}
		data, err := l.db.Get(flatKey(objectIndex, ids8(obj, pred, sub)), nil)
		if errors.Is(err, leveldb.ErrNotFound) {
			continue
		} else if err != nil {
			return l.noted(fmt.Errorf("look up %s: %w", quads[i], err))
		}
		err = eachQuadID(data, func(id uint64) {
			candidates = append(candidates, id)
			of = append(of, i)
		})
		if err != nil {
			return l.noted(fmt.Errorf("look up %s: its index entry: %w", quads[i], err))
		}
	}
	prims, err := l.entries(ctx, candidates)
	if err != nil {
		return err
	}
	for k, p := range prims {
		if p != nil && !p.Deleted && !p.IsNode() {
			found[of[k]] = true
		}
	}
	return nil
}
