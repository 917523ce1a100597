// Package graph is kg's store: it opens an embedded Cayley quad store on
// disk (or in memory, or in PostgreSQL), guards it against a second writer,
// writes each article's quads atomically and idempotently, counts what is
// stored and runs Gizmo scripts on it with time and result limits.
package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"    // on-disk backend
	_ "github.com/cayleygraph/cayley/graph/kv/leveldb" // on-disk backend
	_ "github.com/cayleygraph/cayley/graph/memstore"   // throwaway backend
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/schema"
)

// Backend names accepted by Open.
const (
	BackendBolt     = "bolt"
	BackendLevelDB  = "leveldb"
	BackendMemory   = "memory"
	BackendPostgres = "postgres"
)

// DefaultBackend is the embedded on-disk backend used when none is named.
// docs/performance.md records the measurements it was chosen from.
const DefaultBackend = BackendBolt

// Backends lists the backend names Open accepts.
func Backends() []string {
	return []string{BackendBolt, BackendLevelDB, BackendMemory, BackendPostgres}
}

// Options say which store to open and how.
type Options struct {
	Backend string // one of Backends(); "" means DefaultBackend
	Path    string // folder for bolt/leveldb, connection URL for postgres
	// LockWait is how long Open waits for another process holding an
	// embedded store before giving up with ErrStoreInUse.
	LockWait time.Duration
}

// ErrStoreInUse is returned by Open when another process has the embedded
// store open.
var ErrStoreInUse = errors.New("store in use by another process")

// Store is an open kg graph.
type Store struct {
	backend string
	path    string
	qs      cgraph.QuadStore
	w       cgraph.QuadWriter
	lock    *fileLock
}

// Open opens the store described by opt, creating it when it does not exist.
func Open(ctx context.Context, opt Options) (*Store, error) {
	backend := opt.Backend
	if backend == "" {
		backend = DefaultBackend
	}
	cayleyName := backend
	switch backend {
	case BackendMemory:
		cayleyName = "memstore"
	case BackendBolt, BackendLevelDB, BackendPostgres:
	default:
		return nil, fmt.Errorf("unknown backend %q (choose one of %s)", backend, strings.Join(Backends(), ", "))
	}
	s := &Store{backend: backend, path: opt.Path}
	if backend == BackendBolt || backend == BackendLevelDB {
		if opt.Path == "" {
			return nil, fmt.Errorf("open %s store: no path given", backend)
		}
		if err := os.MkdirAll(opt.Path, 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: %w", opt.Path, err)
		}
		wait := opt.LockWait
		if wait == 0 {
			wait = 3 * time.Second
		}
		lock, err := acquireLock(ctx, filepath.Join(opt.Path, "kg.lock"), wait)
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", opt.Path, err)
		}
		s.lock = lock
	}
	qs, err := openQuadStore(cayleyName, opt.Path)
	if err != nil {
		s.lock.release()
		return nil, fmt.Errorf("open %s store %s: %w", backend, opt.Path, err)
	}
	s.qs = qs
	w, err := writer.NewSingle(qs, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if err != nil {
		qs.Close()
		s.lock.release()
		return nil, fmt.Errorf("open writer on %s: %w", opt.Path, err)
	}
	s.w = w
	return s, nil
}

func openQuadStore(name, path string) (cgraph.QuadStore, error) {
	if cgraph.IsPersistent(name) {
		err := cgraph.InitQuadStore(name, path, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("create: %w", err)
		}
	}
	return cgraph.NewQuadStore(name, path, nil)
}

// Close flushes and closes the store and releases its lock.
func (s *Store) Close() error {
	var errs []error
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if s.qs != nil {
		errs = append(errs, s.qs.Close())
	}
	s.lock.release()
	return errors.Join(errs...)
}

// Backend names the backend in use.
func (s *Store) Backend() string { return s.backend }

// QuadStore gives direct read access to the underlying Cayley store.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// HasArticle reports whether the article with this identity is stored.
func (s *Store) HasArticle(ctx context.Context, id string) (bool, error) {
	ref := s.qs.ValueOf(schema.ArticleIRI(id))
	if ref == nil {
		return false, nil
	}
	it := s.qs.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		if q.Predicate == schema.Type && q.Object == schema.ClassArticle {
			return true, nil
		}
	}
	return false, it.Err()
}

// Write adds quads in one transaction: either all of them are stored or,
// if the process dies part way, none. Quads already stored are skipped.
func (s *Store) Write(ctx context.Context, quads []quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx := cgraph.NewTransaction()
	for _, q := range quads {
		tx.AddQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	return nil
}

// Remove deletes quads in one transaction; quads not stored are skipped.
func (s *Store) Remove(ctx context.Context, quads []quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx := cgraph.NewTransaction()
	for _, q := range quads {
		tx.RemoveQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("remove %d quads: %w", len(quads), err)
	}
	return nil
}
