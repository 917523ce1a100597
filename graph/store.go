// Package graph is kg's store: it opens an embedded Cayley quad store on
// disk (or in memory, or in PostgreSQL), guards it against a second writer,
// writes each article's quads atomically and idempotently, counts what is
// stored and runs Gizmo scripts on it with time and result limits.
package graph

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"  // on-disk backend
	_ "github.com/cayleygraph/cayley/graph/memstore" // throwaway backend (leveldb: leveldb.go)
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

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
// docs/performance.md records the measurements it was chosen from: on
// kg's write pattern LevelDB loads faster than bolt, in a third of the
// memory and a quarter of the disk, and answers the saved queries as fast.
const DefaultBackend = BackendLevelDB

// Backends lists the backend names Open accepts.
func Backends() []string {
	return []string{BackendBolt, BackendLevelDB, BackendMemory, BackendPostgres}
}

// Options say which store to open and how.
type Options struct {
	// Backend is one of Backends(); "" means postgres when Path is a
	// PostgreSQL connection string (postgres://... or host=... dbname=...)
	// and DefaultBackend otherwise.
	Backend string
	Path    string // folder for bolt/leveldb, connection string for postgres
	// LockWait is how long Open waits for another process holding an
	// embedded store before giving up with ErrStoreInUse.
	LockWait time.Duration
	// Bulk opens an embedded store for loading many quads: Cayley then
	// keeps Bloom filters of what is stored (filled by reading the whole
	// store at open, and several hundred MB however small the store), so
	// writes skip most look-ups. Without it opening is instant and memory
	// small, which is what queries want. docs/performance.md has figures.
	Bulk bool
	// MustExist makes Open fail with ErrNoStore when there is no kg store
	// at Path, instead of creating one: only commands that write articles
	// create a store, so a mistyped path is an error, not an empty store.
	MustExist bool
	// Reading opens an existing embedded store for queries and exports,
	// which do not write: leveldb is opened read-only (no write buffer
	// allocated, no compaction started by the reads, the files left as
	// they were), and the store is not first opened and closed again to
	// make sure it exists.
	Reading bool
}

// ErrNoStore is returned by Open with MustExist when Path holds no store.
var ErrNoStore = errors.New("no kg store")

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
	// db is a direct connection to PostgreSQL, beside Cayley's own, for
	// what Cayley cannot do in one statement: batched existence checks,
	// exact counts and the advisory locks that serialise table creation
	// and changes of who is who.
	db *sql.DB
	// faults notes the read errors of an embedded backend (faults.go).
	faults *faultBox
	// identityMu gives corrections and resolutions their turns
	// (identitylock.go).
	identityMu sync.Mutex
	// lvl reads Cayley's leveldb layout directly, for the fact helpers
	// (rawlevel.go); nil on other backends.
	lvl *levelLog
	// scripts counts the Gizmo scripts whose goroutine has not ended: a
	// stopped script may still be finishing a read after Query returned,
	// and Close waits for it (closing leveldb under a reader hangs).
	scripts sync.WaitGroup
}

// Open opens the store described by opt, creating it when it does not exist.
func Open(ctx context.Context, opt Options) (*Store, error) {
	backend, err := backendFor(opt)
	if err != nil {
		return nil, err
	}
	cayleyName := backend
	switch backend {
	case BackendMemory:
		cayleyName = "memstore"
	case BackendBolt, BackendLevelDB, BackendPostgres:
	default:
		return nil, fmt.Errorf("unknown backend %q (choose one of %s)", backend, strings.Join(Backends(), ", "))
	}
	if backend == BackendBolt || backend == BackendLevelDB {
		// An existing store is opened with the backend that made it, so a
		// bolt store made before the default changed still opens.
		if found := embeddedBackendIn(opt.Path); found != "" {
			backend, cayleyName = found, found
		}
	}
	switch backend {
	case BackendLevelDB:
		cayleyName = tunedLevelDB
	case BackendBolt:
		cayleyName = watchedBolt
	}
	s := &Store{backend: backend, path: opt.Path, faults: &faultBox{}}
	if backend == BackendBolt || backend == BackendLevelDB {
		if opt.Path == "" {
			return nil, fmt.Errorf("open %s store: no path given", backend)
		}
		if opt.MustExist && !IsStoreFolder(opt.Path) {
			return nil, fmt.Errorf("%w at %s", ErrNoStore, opt.Path)
		}
		if err := os.MkdirAll(opt.Path, 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: %w", opt.Path, err)
		}
		wait := opt.LockWait
		if wait == 0 {
			wait = 3 * time.Second
		}
		// Readers of a leveldb store share it (fileLock).
		shared := opt.Reading && backend == BackendLevelDB
		lock, err := acquireLock(ctx, filepath.Join(opt.Path, "kg.lock"), wait, shared)
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", opt.Path, err)
		}
		s.lock = lock
	}
	if backend == BackendPostgres {
		db, err := openPostgres(ctx, opt.Path)
		if err != nil {
			return nil, err
		}
		s.db = db
		if opt.MustExist {
			if err := postgresHasStore(ctx, db, opt.Path); err != nil {
				db.Close()
				return nil, err
			}
		}
	}
	qs, err := openQuadStore(ctx, cayleyName, opt.Path, s.db, opt, s.faults)
	if err != nil {
		s.lock.release()
		if s.db != nil {
			s.db.Close()
		}
		if corrupted(err) {
			return nil, &DamagedError{Store: RedactLocation(opt.Path), Err: err, Unopenable: true}
		}
		return nil, fmt.Errorf("open %s store %s: %w", backend, RedactLocation(opt.Path), scrubError(err, opt.Path))
	}
	s.qs = qs
	if cayleyName == tunedLevelDB {
		s.lvl = newLevelLog(ctx, s.faults)
	}
	w, err := writer.NewSingle(qs, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
	if err != nil {
		qs.Close()
		s.lock.release()
		return nil, fmt.Errorf("open writer on %s: %w", RedactLocation(opt.Path), scrubError(err, opt.Path))
	}
	s.w = w
	return s, nil
}

// embeddedBackendIn names the embedded backend whose files are in dir,
// or returns "" when there are none (a new store).
func embeddedBackendIn(dir string) string {
	if dir == "" {
		return ""
	}
	if _, err := os.Stat(filepath.Join(dir, "indexes.bolt")); err == nil {
		return BackendBolt
	}
	if _, err := os.Stat(filepath.Join(dir, "CURRENT")); err == nil {
		return BackendLevelDB
	}
	return ""
}

// createQuadStore makes Cayley's store at path, unless there is one.
func createQuadStore(name, path string) error {
	err := cgraph.InitQuadStore(name, path, cgraph.Options{optFaults: &faultBox{}})
	if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return fmt.Errorf("create: %w", err)
	}
	return nil
}

func openQuadStore(ctx context.Context, name, path string, db *sql.DB, opt Options, faults *faultBox) (cgraph.QuadStore, error) {
	if cgraph.IsPersistent(name) {
		var err error
		if db != nil {
			err = withAdvisoryLock(ctx, db, createTablesLockKey, func() error {
				// Cayley logs an error when asked to create tables that
				// exist; ask PostgreSQL first so a reopen stays quiet.
				var exists bool
				if err := db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil {
					return fmt.Errorf("look for kg's tables: %w", err)
				}
				if exists {
					return nil
				}
				return createQuadStore(name, path)
			})
		} else if !opt.Reading {
			// A store opened to read exists (Options.Reading); opening it
			// once more to find that out is a whole open and close of
			// leveldb or bolt, with the files that writes.
			err = createQuadStore(name, path)
		}
		if err != nil {
			return nil, err
		}
	}
	if name == "memstore" {
		path = "" // a memory store has no location; --db is ignored
	}
	// Cayley's key-value stores read every quad at open to fill a Bloom
	// filter unless told not to; only a bulk load gains from it.
	opts := cgraph.Options{"no_bloom": !opt.Bulk, optReading: opt.Reading, optFaults: faults}
	qs, err := cgraph.NewQuadStore(name, path, opts)
	if err != nil && faults.kv != nil {
		// Cayley leaves the key-value database open when it refuses it.
		faults.kv.Close()
		faults.kv, faults.raw = nil, nil
	}
	if errors.Is(err, cgraph.ErrNotInitialized) && opt.Reading && db == nil {
		// The folder of a store whose first load was stopped before
		// Cayley wrote its metadata: make it a store, as before, and
		// answer from it (nothing is in it).
		if err := createQuadStore(name, path); err != nil {
			return nil, err
		}
		return cgraph.NewQuadStore(name, path, opts)
	}
	return qs, err
}

// createTablesLockKey names the PostgreSQL advisory lock kg holds while it
// creates Cayley's tables, so that loaders started at once on an empty
// database do not race to create them ("kg" + "init" in ASCII).
const createTablesLockKey = 0x6b67696e6974

// postgresDriver is the database/sql driver kg's own connections use
// (lib/pq's; tests count statements through one wrapping it).
var postgresDriver = "postgres"

// openPostgres connects to the database at url and checks it answers.
func openPostgres(ctx context.Context, url string) (*sql.DB, error) {
	if url == "" {
		return nil, errors.New("open postgres store: no connection URL given (--db postgres://user@host:port/database)")
	}
	db, err := sql.Open(postgresDriver, url)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %s: %w", RedactLocation(url), scrubError(err, url))
	}
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres store %s: %w", RedactLocation(url), scrubError(err, url))
	}
	db.SetMaxOpenConns(4)
	return db, nil
}

// withAdvisoryLock runs fn while holding an exclusive advisory lock.
func withAdvisoryLock(ctx context.Context, db *sql.DB, key int64, fn func() error) error {
	release, err := advisoryLock(ctx, db, key)
	if err != nil {
		return err
	}
	defer release()
	return fn()
}

// scrubError returns err with the secrets of the location loc replaced by
// *** in its text (a URL parse error quotes the whole URL).
func scrubError(err error, loc string) error {
	secrets := Secrets(loc)
	if len(secrets) == 0 || err == nil {
		return err
	}
	msg := err.Error()
	if clean := Scrub(msg, secrets); clean != msg {
		return errors.New(clean)
	}
	return err
}

// backendFor decides which backend opt names: the one asked for, or the
// one the location's form implies. A connection string given with an
// embedded backend is refused rather than taken for a folder name (which
// would create a folder named after it, password included).
func backendFor(opt Options) (string, error) {
	kind, scheme := locationKind(opt.Path)
	switch {
	case kind == "url" && !isPostgresScheme(scheme):
		return "", fmt.Errorf("--db %s: kg stores are folders (bolt, leveldb) or PostgreSQL databases (postgres://...); %s:// is neither", RedactLocation(opt.Path), scheme)
	case kind != "" && opt.Backend == "":
		return BackendPostgres, nil
	case kind != "" && opt.Backend != BackendPostgres:
		return "", fmt.Errorf("--db %s is a PostgreSQL connection string, but the backend is %s: use --backend postgres (or leave --backend and KG_BACKEND unset)", RedactLocation(opt.Path), opt.Backend)
	case opt.Backend == "":
		return DefaultBackend, nil
	}
	return opt.Backend, nil
}

// Close flushes and closes the store and releases its lock, once every
// script stopped by Query has ended.
func (s *Store) Close() error {
	s.scripts.Wait()
	var errs []error
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if s.qs != nil {
		errs = append(errs, s.qs.Close())
	}
	if s.db != nil {
		errs = append(errs, s.db.Close())
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
	found, err := s.HasArticles(ctx, []string{id})
	if err != nil {
		return false, err
	}
	return found[0], nil
}

// HasArticles reports, for each identity in ids, whether that article is
// stored. On PostgreSQL it asks once for all of them; embedded stores
// answer each from their index without a query.
func (s *Store) HasArticles(ctx context.Context, ids []string) (_ []bool, err error) {
	defer s.checkDamage(&err)
	found := make([]bool, len(ids))
	if len(ids) == 0 {
		return found, nil
	}
	if s.db != nil {
		return found, s.hasArticlesSQL(ctx, ids, found)
	}
	for i, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ok, err := s.hasArticleKV(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("look up article %s: %w", id, err)
		}
		found[i] = ok
	}
	return found, nil
}

// hasArticleKV looks for the article's type quad. An article's node is
// only ever written together with that quad, so a missing node (the
// common case when loading new articles) answers without iterating.
func (s *Store) hasArticleKV(ctx context.Context, id string) (bool, error) {
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

func (s *Store) hasArticlesSQL(ctx context.Context, ids []string, found []bool) error {
	index := make(map[string][]int, len(ids))
	hashes := make([][]byte, 0, len(ids))
	for i, id := range ids {
		h := string(nodeHash(schema.ArticleIRI(id)))
		if _, seen := index[h]; !seen {
			hashes = append(hashes, []byte(h))
		}
		index[h] = append(index[h], i)
	}
	rows, err := s.db.QueryContext(ctx,
		`SELECT DISTINCT subject_hash FROM quads WHERE subject_hash = ANY($1) AND predicate_hash = $2 AND object_hash = $3`,
		pq.ByteaArray(hashes), nodeHash(schema.Type), nodeHash(schema.ClassArticle))
	if err != nil {
		return fmt.Errorf("look up %d articles: %w", len(ids), err)
	}
	if err := markFound(rows, 1, index, found); err != nil {
		return fmt.Errorf("look up %d articles: %w", len(ids), err)
	}
	return nil
}

// markFound reads rows of cols hash columns each and sets found[i] for
// every i that index files under the row's hashes, joined in column order.
// It closes rows.
func markFound(rows *sql.Rows, cols int, index map[string][]int, found []bool) error {
	defer rows.Close()
	hashes := make([][]byte, cols)
	dest := make([]any, cols)
	for i := range dest {
		dest[i] = &hashes[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for _, i := range index[string(bytes.Join(hashes, nil))] {
			found[i] = true
		}
	}
	return rows.Err()
}

// nodeHash is the key Cayley's SQL backend stores a value under.
func nodeHash(v quad.Value) []byte {
	h := cgraph.HashOf(v)
	return h[:]
}

// ExactQuadCount counts the stored quads exactly. Embedded stores keep an
// exact count; on PostgreSQL it counts the rows, where QuadCount may only
// return the planner's estimate.
func (s *Store) ExactQuadCount(ctx context.Context) (int64, error) {
	if s.db == nil {
		return s.QuadCount(ctx)
	}
	var n int64
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM quads`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count quads: %w", err)
	}
	return n, nil
}

// Write adds quads in one transaction: either all of them are stored or,
// if the process dies part way, none. Quads already stored are skipped.
func (s *Store) Write(ctx context.Context, quads []quad.Quad) (err error) {
	defer s.checkDamage(&err)
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(quads) == 0 {
		return nil
	}
	if bulk, ok := s.qs.(bulkWriter); ok {
		return writeBulk(bulk, quads)
	}
	tx := cgraph.NewTransactionN(len(quads))
	for _, q := range quads {
		tx.AddQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	return nil
}

// bulkWriter is implemented by Cayley's key-value quad stores (bolt,
// leveldb): the writer behind Cayley's own bulk loader, which adds quads
// without building a transaction of deltas first.
type bulkWriter interface {
	NewQuadWriter() (quad.WriteCloser, error)
}

// writeBulk adds quads through a key-value store's bulk writer in one
// transaction. Cayley's bulk writer commits after a call to WriteQuads once
// it has been given 200,000 quads or more, and at Close; kg makes a single
// WriteQuads call, so whatever the number of quads they are committed
// together. Quads already stored are skipped, as with IgnoreDup.
func writeBulk(bw bulkWriter, quads []quad.Quad) error {
	w, err := bw.NewQuadWriter()
	if err != nil {
		return fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	if _, err := w.WriteQuads(quads); err != nil {
		w.Close()
		return fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write %d quads: commit: %w", len(quads), err)
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
