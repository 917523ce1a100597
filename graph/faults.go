package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cbolt "github.com/cayleygraph/cayley/graph/kv/bolt"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
	hleveldb "github.com/hidal-go/hidalgo/kv/flat/leveldb"
	"github.com/syndtr/goleveldb/leveldb"
	lerrors "github.com/syndtr/goleveldb/leveldb/errors"
)

// A damaged embedded store (a flipped byte in a LevelDB table, a torn
// bolt page) makes its backend return read errors. Cayley's key-value quad
// store passes some of them on and logs others, going on as if the key
// were missing (ValueOf, NameOf, Quad): kg stats would count no people and
// queries answer "no results". kg therefore opens its embedded backends
// through faultKV, which notes the first read error any transaction meets;
// Store methods that read check it (Store.Damaged) and fail with a
// *DamagedError naming the file, whatever Cayley made of the error.

// faultBox holds the first read error met on one store.
type faultBox struct {
	mu  sync.Mutex
	err error
	// kv is the store's key-value database, for Check and Salvage; raw is
	// the LevelDB underneath, when it is one.
	kv  hkv.KV
	raw *leveldb.DB
}

// optFaults is the Cayley option through which Open hands the box to the
// backend it opens.
const optFaults = "kg_faults"

func (b *faultBox) note(err error) {
	if err == nil || errors.Is(err, hkv.ErrNotFound) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err == nil {
		b.err = err
	}
}

func (b *faultBox) fault() error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

// boxFrom finds the box in Cayley options, or makes a throwaway one.
func boxFrom(opts cgraph.Options) *faultBox {
	if b, ok := opts[optFaults].(*faultBox); ok {
		return b
	}
	return &faultBox{}
}

// faultKV is a key-value database whose read errors are noted.
type faultKV struct {
	hkv.KV
	box *faultBox
}

func (k faultKV) Tx(rw bool) (hkv.Tx, error) {
	tx, err := k.KV.Tx(rw)
	if err != nil {
		k.box.note(err)
		return nil, err
	}
	return faultTx{Tx: tx, box: k.box}, nil
}

type faultTx struct {
	hkv.Tx
	box *faultBox
}

func (t faultTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	v, err := t.Tx.Get(ctx, key)
	t.box.note(err)
	return v, err
}

func (t faultTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	v, err := t.Tx.GetBatch(ctx, keys)
	t.box.note(err)
	return v, err
}

func (t faultTx) Scan(pref hkv.Key) hkv.Iterator {
	return faultIterator{Iterator: t.Tx.Scan(pref), box: t.box}
}

type faultIterator struct {
	hkv.Iterator
	box *faultBox
}

func (it faultIterator) Next(ctx context.Context) bool {
	ok := it.Iterator.Next(ctx)
	if !ok {
		it.box.note(it.Iterator.Err())
	}
	return ok
}

func (it faultIterator) Err() error {
	err := it.Iterator.Err()
	it.box.note(err)
	return err
}

// watchedBolt is the name under which kg registers bolt with Cayley: the
// same files as Cayley's "bolt", read through faultKV.
const watchedBolt = "kg-bolt"

func init() {
	open := func(f func(string, cgraph.Options) (hkv.KV, error)) func(string, cgraph.Options) (hkv.KV, error) {
		return func(path string, opts cgraph.Options) (hkv.KV, error) {
			db, err := f(path, opts)
			if err != nil {
				return nil, err
			}
			box := boxFrom(opts)
			box.kv = faultKV{KV: db, box: box}
			return box.kv, nil
		}
	}
	kv.Register(watchedBolt, kv.Registration{NewFunc: open(cbolt.Open), InitFunc: open(cbolt.Create), IsPersistent: true})
}

// openTunedLevelDB opens kg's LevelDB (leveldb.go) through faultKV.
func openTunedLevelDB(path string, opts cgraph.Options) (hkv.KV, error) {
	o := levelDBOptions()
	if reading, _ := opts.BoolKey(optReading, false); reading {
		// Read-only: no write buffer to allocate, no compaction. Reads
		// that pass through two levels use up a table's "seeks" and make
		// goleveldb rewrite it into the next level; in a query that is
		// tens of MB rewritten while it answers, and thrown away when it
		// closes before the rewrite ends (a third of the CPU of a month's
		// meetings at 100,000 articles).
		o.WriteBuffer = 0
		o.ReadOnly = true
	}
	db, err := leveldb.OpenFile(path, o)
	if err != nil {
		return nil, err
	}
	box := boxFrom(opts)
	box.raw = db
	box.kv = faultKV{KV: flat.Upgrade(hleveldb.New(db)), box: box}
	return box.kv, nil
}

// DamagedError is returned by a Store whose backend reported damage while
// it was read: the store's answers cannot be trusted.
type DamagedError struct {
	Store string // where the store is
	Err   error  // what the backend reported, naming the file when it does
	// Unopenable is set when the damage keeps the store from opening.
	Unopenable bool
}

func (e *DamagedError) Error() string {
	if e.Unopenable {
		return fmt.Sprintf("the store %s is damaged and cannot be opened: %v; restore a backup (kg restore) or load the articles again into a new store", e.Store, e.Err)
	}
	return fmt.Sprintf("the store %s is damaged: %v; kg check tells what can be saved", e.Store, e.Err)
}

// corrupted reports whether err is LevelDB's report of damaged files,
// also when Cayley passed it on as text.
func corrupted(err error) bool {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if lerrors.IsCorrupted(e) {
			return true
		}
	}
	msg := err.Error()
	return strings.Contains(msg, "leveldb") && strings.Contains(msg, "corrupt")
}

func (e *DamagedError) Unwrap() error { return e.Err }

// Damaged returns a *DamagedError when the store's backend has reported
// damage since it was opened, and nil otherwise.
func (s *Store) Damaged() error {
	if err := s.faults.fault(); err != nil {
		return &DamagedError{Store: RedactLocation(s.path), Err: err}
	}
	return nil
}

// checkDamage replaces *err by the store's damage, if any: whatever an
// operation made of a read error, its result is not to be trusted.
func (s *Store) checkDamage(err *error) {
	if d := s.Damaged(); d != nil {
		*err = d
	}
}
