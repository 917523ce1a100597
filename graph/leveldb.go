package graph

import (
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/syndtr/goleveldb/leveldb/filter"
	"github.com/syndtr/goleveldb/leveldb/opt"
)

// tunedLevelDB is the name under which kg registers, with Cayley, its
// leveldb backend: Cayley's own key-value quad store on goleveldb, the same
// files as Cayley's "leveldb", opened with options sized for kg's loads
// instead of goleveldb's defaults (docs/performance.md has the figures).
const tunedLevelDB = "kg-leveldb"

// levelDBOptions are the goleveldb settings kg uses:
//   - a 32 MiB write buffer (default 4 MiB): fewer, larger level-0 tables
//     mean less compaction;
//   - a 64 MiB block cache (default 8 MiB): Cayley reads an index entry for
//     every quad it writes, and most of those reads hit recent blocks;
//   - Bloom filters of 10 bits per key: Cayley looks up every node of a
//     batch, and most nodes of a new article are not stored yet; the filter
//     answers those misses without reading a block.
func levelDBOptions() *opt.Options {
	return &opt.Options{
		WriteBuffer:        32 << 20,
		BlockCacheCapacity: 64 << 20,
		Filter:             filter.NewBloomFilter(10),
	}
}

// optReading asks openTunedLevelDB (faults.go) for a store opened to read
// (see Options.Reading).
const optReading = "kg_reading"

func init() {
	kv.Register(tunedLevelDB, kv.Registration{
		NewFunc:      openTunedLevelDB,
		InitFunc:     openTunedLevelDB,
		IsPersistent: true,
	})
}
