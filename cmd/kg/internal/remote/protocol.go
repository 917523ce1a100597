package remote

import (
	"encoding/json"
	"time"

	"github.com/kg-project/kg/loaders/ingest"
)

// QueryRequest is the body of POST /api/v1/kg/query: a Gizmo script (or a
// saved query) with its arguments and the limits the caller asks for. The
// server's own limits apply whatever the caller asks.
type QueryRequest struct {
	Script string            `json:"script,omitempty"`
	Name   string            `json:"name,omitempty"` // a saved query, instead of Script
	Args   map[string]string `json:"args,omitempty"`
	// Raw runs Script exactly as given, with Args as given: kg's own
	// commands send scripts they have already prepared (the helper
	// library in front, lookup keys among the arguments).
	Raw bool `json:"raw,omitempty"`
	// With Raw, what graph.QueryOptions runs besides the script: Library
	// (kg's helper library), Definitions (the REPL's earlier
	// declarations), Show (the REPL's display of a value), and ScriptName,
	// the script's name in error messages.
	Library     string `json:"library,omitempty"`
	Definitions string `json:"definitions,omitempty"`
	Show        string `json:"show,omitempty"`
	ScriptName  string `json:"script_name,omitempty"`
	// Limit is the most results wanted: 0 means the server's default,
	// negative as many as the server allows.
	Limit int `json:"limit,omitempty"`
	// Timeout is the longest the script may run, as a Go duration ("5s"):
	// "" means the server's default, "0" as long as the server allows.
	Timeout string `json:"timeout,omitempty"`
}

// QueryLine is one line of the answer to a query, a stream of JSON lines:
// a line a result, then a line saying how it ended.
type QueryLine struct {
	Result json.RawMessage `json:"result,omitempty"`
	// Limit is set when the script was stopped at that many results;
	// ByServer says it was the server's limit rather than the caller's.
	Limit    int  `json:"limit,omitempty"`
	ByServer bool `json:"byServer,omitempty"`
	// Error ends a query that failed; Kind says how (one of the Kind
	// constants).
	Error string `json:"error,omitempty"`
	Kind  string `json:"kind,omitempty"`
	Done  bool   `json:"done,omitempty"`
	// Count is the number of results sent, on the last line.
	Count int `json:"count,omitempty"`
}

// Kinds of failure, so that clients can tell them apart as they would a
// local error.
const (
	KindTimeout  = "timeout"  // the time limit stopped the script
	KindMemory   = "memory"   // the memory limit stopped the script
	KindNoPerson = "noperson" // a name matches nobody
	KindUsage    = "usage"    // the request itself is wrong
	KindScript   = "script"   // the script failed
	KindBusy     = "busy"     // the server had no room for the query in time
	KindNothing  = "nothing"  // an export with nothing to export
	KindInternal = "internal" // anything else
)

// LoadEvent is one line of the answer to POST /api/v1/load, a stream of
// JSON lines: progress, problems with the input as they are met, and the
// summary last.
type LoadEvent struct {
	Read    int    `json:"read,omitempty"`    // articles read so far
	Problem string `json:"problem,omitempty"` // "path:line: reason"
	// Summary ends the stream: what the load did. Error is set when it
	// failed part way.
	Summary *ingest.Summary `json:"summary,omitempty"`
	Error   string          `json:"error,omitempty"`
}

// LoadOptions are kg load's flags, sent with a load.
type LoadOptions struct {
	Date         string
	Source       string
	Batch        int
	Workers      int
	AnyLanguage  bool
	FetchTimeout time.Duration // for URLs; 0: the loaders' default
}

// Status is the answer to GET /api/v1/status.
type Status struct {
	Store      string    `json:"store"`
	Backend    string    `json:"backend"`
	PID        int       `json:"pid"`
	Started    time.Time `json:"started"`
	AllowEdits bool      `json:"allowEdits"`
	// Local says the request carried the announcement's token.
	Local bool `json:"local"`
	// Quads counts the store's quads: pages poll it to see new facts.
	Quads int64 `json:"quads"`
	// Loading is set while a load writes to the store.
	Loading bool `json:"loading"`
	// Running counts the queries and exports running now.
	Running int `json:"running"`
	// Limits are the server's per-request limits.
	Limits Limits `json:"limits"`
}

// Limits bound every query the server runs.
type Limits struct {
	Timeout string `json:"timeout"` // a Go duration
	Results int    `json:"results"`
	Memory  int64  `json:"memoryBytes"`
	Running int    `json:"concurrentQueries"`
}
