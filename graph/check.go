package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// CheckReport is what Check found in a store.
type CheckReport struct {
	Backend string
	// Entries is the number of key-value entries read with their
	// checksums verified (LevelDB stores only).
	Entries int64
	// Quads is the number of quads read through Cayley, Counted the
	// number the store records having.
	Quads, Counted int64
	// Damage lists what could not be read, as the backend reported it
	// (naming the file, for LevelDB).
	Damage []string
	// Loops are the loops of joins (SameAsLoops).
	Loops [][]quad.IRI
	// JoinedTwice lists people joined to more than one person.
	JoinedTwice map[quad.IRI][]quad.IRI
	// Unfinished counts the quads a correction stopped half way left to
	// add or remove (Store.Unfinished).
	Unfinished int
}

// Damaged reports whether the store could not be read whole.
func (r CheckReport) Damaged() bool { return len(r.Damage) > 0 }

// Inconsistent reports whether the store's joins or corrections need
// repair.
func (r CheckReport) Inconsistent() bool {
	return len(r.Loops) > 0 || len(r.JoinedTwice) > 0 || r.Unfinished > 0
}

// Check reads the whole store to find damage: on LevelDB every entry of
// every table with its checksum, on every backend every quad and the
// values it names, and the quad count against the one the store keeps.
// It also looks for loops of joins, people joined to two others and
// corrections stopped half way. A damaged store is reported, not returned
// as an error: the error is for a check that could not run.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Backend: s.backend}
	// The same damage reaches the check by several roads; it is reported
	// once, by what the backend said.
	reported := map[string]bool{}
	damage := func(what string, err error) {
		core := err
		for u := errors.Unwrap(core); u != nil; u = errors.Unwrap(u) {
			core = u
		}
		if !reported[core.Error()] {
			reported[core.Error()] = true
			r.Damage = append(r.Damage, what+": "+core.Error())
		}
	}
	if s.faults != nil && s.faults.raw != nil {
		it := s.faults.raw.NewIterator(nil, &opt.ReadOptions{Strict: opt.StrictAll})
		for it.Next() {
			r.Entries++
			if r.Entries%65536 == 0 && ctx.Err() != nil {
				it.Release()
				return r, ctx.Err()
			}
		}
		if err := it.Error(); err != nil {
			damage(fmt.Sprintf("reading the tables after %d entries", r.Entries), err)
		}
		it.Release()
	}
	unreadable := 0
	it := s.qs.QuadsAllIterator()
	for it.Next(ctx) {
		if q := s.qs.Quad(it.Result()); !q.IsValid() {
			unreadable++
		}
		r.Quads++
	}
	if err := it.Err(); err != nil && ctx.Err() == nil {
		damage(fmt.Sprintf("reading quads after %d", r.Quads), err)
	}
	it.Close()
	if ctx.Err() != nil {
		return r, ctx.Err()
	}
	if unreadable > 0 {
		r.Damage = append(r.Damage, fmt.Sprintf("%d quads name values that cannot be read", unreadable))
	}
	if err := s.faults.fault(); err != nil {
		damage("reading the store", err)
	}
	counted, err := s.ExactQuadCount(ctx)
	if err != nil {
		damage("reading the quad count", err)
	}
	r.Counted = counted
	if err == nil && counted != r.Quads {
		r.Damage = append(r.Damage, fmt.Sprintf("the store counts %d quads but %d could be read", counted, r.Quads))
	}
	if r.Damaged() {
		return r, nil // joins are not worth checking on a store that cannot be read
	}
	if r.Loops, err = s.SameAsLoops(ctx); err != nil {
		return r, err
	}
	if r.JoinedTwice, err = s.JoinedTwice(ctx); err != nil {
		return r, err
	}
	add, remove, err := s.Unfinished(ctx)
	if err != nil {
		return r, err
	}
	r.Unfinished = len(add) + len(remove)
	return r, nil
}

// Repair finishes the corrections stopped half way (Reconcile), breaks the
// loops of joins (BreakSameAsLoop) and decides again, for each person
// joined to two others, which join stands (Resolve: one made by hand wins
// over kg's). It returns what it did, one line each.
func (s *Store) Repair(ctx context.Context) ([]string, error) {
	var done []string
	add, remove, err := s.Unfinished(ctx)
	if err != nil {
		return done, err
	}
	if n := len(add) + len(remove); n > 0 {
		if err := s.Reconcile(ctx); err != nil {
			return done, err
		}
		done = append(done, fmt.Sprintf("finished the corrections stopped half way (%d quads added, %d removed)", len(add), len(remove)))
	}
	loops, err := s.SameAsLoops(ctx)
	if err != nil {
		return done, err
	}
	for _, loop := range loops {
		kept, did, err := s.BreakSameAsLoop(ctx, loop)
		for _, d := range did {
			done = append(done, fmt.Sprintf("broke the loop %s: %s", LoopText(loop), d))
		}
		if err != nil {
			return done, err
		}
		done = append(done, fmt.Sprintf("%s is joined to nobody now; the others of the loop lead to them", kept))
	}
	twice, err := s.JoinedTwice(ctx)
	if err != nil {
		return done, err
	}
	var people []quad.IRI
	for p := range twice {
		people = append(people, p)
	}
	sortIRIs(people)
	if len(people) > 0 {
		if _, err := s.Resolve(ctx, people); err != nil {
			return done, err
		}
		still, err := s.JoinedTwice(ctx)
		if err != nil {
			return done, err
		}
		for _, p := range people {
			if len(still[p]) > 1 {
				done = append(done, fmt.Sprintf("%s is still joined to %d people by kg alias: undo all but one (kg corrections lists them)", p, len(still[p])))
			} else {
				done = append(done, fmt.Sprintf("%s is joined to one person now", p))
			}
		}
	}
	return done, nil
}

// salvageGap is how many ids in a row Salvage finds missing before it
// stops, when the store's last id cannot be read.
const salvageGap = 1 << 16

// SalvageStats count what Salvage saved and lost.
type SalvageStats struct {
	Written int64 // quads written
	Lost    int64 // quads, or log entries that may have been quads, that could not be read
	// Uncounted is set when the store's last id could not be read: entries
	// at the end of the log that could not be read are then lost without
	// being counted.
	Uncounted bool
}

// Salvage writes, as Dump does, every quad of a damaged embedded store
// that can still be read, skipping what cannot. Cayley's quad iterator
// stops at the first damaged block; Salvage instead reads Cayley's log —
// every node and quad the store holds, by id, in the key-value store —
// entry by entry, so one damaged block costs only the entries in it. It
// depends on the layout of Cayley 0.7.7's key-value stores: bucket "meta"
// holds "horizon", the last id given out (8 bytes, little-endian), and
// bucket "log" the entries, keyed by id (8 bytes, big-endian), each a
// proto.Primitive: a node's value, or a quad's node ids.
func (s *Store) Salvage(ctx context.Context, w io.Writer) (SalvageStats, error) {
	var st SalvageStats
	if s.faults == nil || s.faults.kv == nil {
		return st, fmt.Errorf("salvage works on embedded stores (bolt, leveldb); a %s store is read with kg dump", s.backend)
	}
	tx, err := s.faults.kv.Tx(false)
	if err != nil {
		return st, fmt.Errorf("salvage: %w", err)
	}
	defer tx.Close()
	// Without the last id (the meta entry may be in a damaged block), ids
	// are read until salvageGap of them in a row are missing.
	horizon := uint64(math.MaxUint64)
	if hb, err := tx.Get(ctx, hkv.Key{[]byte("meta"), []byte("horizon")}); err == nil && len(hb) == 8 {
		horizon = binary.LittleEndian.Uint64(hb)
	}
	st.Uncounted = horizon == math.MaxUint64
	missing, failedRun := 0, int64(0)
	entry := func(id uint64) (p *proto.Primitive, err error) {
		defer func() {
			if x := recover(); x != nil { // a damaged bolt page can make bolt panic
				err = fmt.Errorf("panic reading entry %d: %v", id, x)
			}
		}()
		key := make([]byte, 8)
		binary.BigEndian.PutUint64(key, id)
		b, err := tx.Get(ctx, hkv.Key{[]byte("log"), key})
		if err != nil {
			return nil, err
		}
		p = &proto.Primitive{}
		return p, p.Unmarshal(b)
	}
	values := map[uint64]quad.Value{}
	value := func(id uint64) (quad.Value, error) {
		if id == 0 {
			return nil, nil
		}
		if v, ok := values[id]; ok {
			return v, nil
		}
		p, err := entry(id)
		if err != nil {
			return nil, err
		}
		v, err := pquads.UnmarshalValue(p.Value)
		if err != nil {
			return nil, err
		}
		if len(values) > 1<<16 {
			clear(values)
		}
		values[id] = v
		return v, nil
	}
	enc := nquads.NewWriter(w)
	for id := uint64(1); id <= horizon; id++ {
		if id%4096 == 0 && ctx.Err() != nil {
			return st, ctx.Err()
		}
		p, err := entry(id)
		if err != nil {
			// Past the last id every read fails: the key is missing, or
			// falls in a damaged block that also holds the keys after
			// the log. Such failures are not counted as losses.
			missing++
			if err != hkv.ErrNotFound {
				failedRun++
			}
			if horizon == math.MaxUint64 && missing >= salvageGap {
				break
			}
			continue
		}
		st.Lost += failedRun
		missing, failedRun = 0, 0
		if p.Deleted || p.Subject == 0 {
			continue // removed, or a node
		}
		var q quad.Quad
		ok := true
		for _, d := range quad.Directions {
			v, err := value(p.GetDirection(d))
			if err != nil {
				ok = false
				break
			}
			q.Set(d, v)
		}
		if !ok || !q.IsValid() {
			st.Lost++
			continue
		}
		out := quad.Quad{Subject: encodable(q.Subject), Predicate: encodable(q.Predicate), Object: encodable(q.Object), Label: encodable(q.Label)}
		if err := checkRoundTrip(q, out); err != nil {
			st.Lost++
			continue
		}
		if err := enc.WriteQuad(out); err != nil {
			return st, fmt.Errorf("salvage: write: %w", err)
		}
		st.Written++
	}
	if horizon != math.MaxUint64 {
		st.Lost += failedRun // up to the last id, failures are losses
	}
	if err := enc.Close(); err != nil {
		return st, fmt.Errorf("salvage: write: %w", err)
	}
	return st, nil
}
