package graph

import (
	"context"
	"database/sql"
	"fmt"
)

// Who is who is written by corrections (Alias, Split, Retract, Undo,
// Reconcile) and by the resolution of short names (Resolve, after every
// load batch). Each reads the joins, decides and writes; two of them
// interleaving would each decide on what the other has not written yet: an
// alias checks that a name is joined to nobody while a load joins it, two
// loads each resolve "Zarif" before the other's "Mohammad Javad Zarif" is
// stored. So they take turns: within a process by a mutex, and on
// PostgreSQL, where several kg processes may write one store, also by a
// session-level advisory lock that every kg process on any machine sees.
// Embedded stores admit one process at a time (lock.go).

// identityLockKey names the advisory lock ("kgident" in ASCII).
const identityLockKey = 0x6b676964656e74

// lockIdentity waits for the turn to change who is who, and returns the
// function that ends it.
func (s *Store) lockIdentity(ctx context.Context) (release func(), err error) {
	s.identityMu.Lock()
	if s.db == nil {
		return s.identityMu.Unlock, nil
	}
	unlock, err := advisoryLock(ctx, s.db, identityLockKey)
	if err != nil {
		s.identityMu.Unlock()
		return nil, fmt.Errorf("wait for other kg processes changing who is who: %w", err)
	}
	return func() {
		unlock()
		s.identityMu.Unlock()
	}, nil
}

// advisoryLock takes an exclusive session-level PostgreSQL advisory lock
// on a connection of its own, and returns the function that releases it.
func advisoryLock(ctx context.Context, db *sql.DB, key int64) (func(), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("advisory lock: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", key); err != nil {
		conn.Close()
		return nil, fmt.Errorf("advisory lock: %w", err)
	}
	return func() {
		conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", key)
		conn.Close()
	}, nil
}
