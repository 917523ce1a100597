package graph

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// storeMarkers are the files that make a folder an embedded kg store: kg's
// own lock file, bolt's index file, and leveldb's CURRENT and LOCK files
// and MANIFEST. A folder holding any of them is a store, even one whose
// creation was cut short.
var storeMarkers = []string{"kg.lock", "indexes.bolt", "CURRENT", "LOCK"}

// IsStoreFolder reports whether dir holds an embedded store (bolt or
// leveldb, made by kg or by Cayley). Loaders use it never to read a store's
// own files as articles.
func IsStoreFolder(dir string) bool {
	for _, name := range storeMarkers {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil && info.Mode().IsRegular() {
			return true
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "MANIFEST-") {
			return true
		}
	}
	return false
}

// postgresHasStore fails with ErrNoStore when the database holds no kg
// store: Cayley's quads table is missing.
func postgresHasStore(ctx context.Context, db *sql.DB, url string) error {
	var exists bool
	if err := db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&exists); err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("open postgres store %s: look for kg's tables: %w", RedactLocation(url), err)
	}
	if !exists {
		return fmt.Errorf("%w in the database %s (it has no quads table)", ErrNoStore, RedactLocation(url))
	}
	return nil
}
