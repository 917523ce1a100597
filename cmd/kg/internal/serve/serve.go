// Package serve is kg serve: a web app for exploring who met whom (search,
// person pages with an interactive network, timelines, offices, evidence,
// a Gizmo query page, exports) and an HTTP API for programs: Cayley's
// POST /api/v1/query/gizmo and JSON endpoints for what the pages show
// (docs/serve.md). It also serves other kg commands run on the same store
// (package remote), so one embedded store can have many clients.
//
// Every query runs with kg's Gizmo limits (time, results, memory) and in a
// slot of its own: at most Options.Concurrent run at once, each on its own
// goroutine, so a slow query never holds up the others. Edits need
// Options.AllowEdits and a token only the app's own pages carry.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/explore"
)

// DefaultAddr is where kg serve listens unless told otherwise: loopback
// only, so nothing outside this machine reaches the store.
const DefaultAddr = "127.0.0.1:7474"

// Defaults of the per-request limits.
const (
	DefaultTimeout = 30 * time.Second
	DefaultLimit   = 10000
	DefaultMemory  = 1 << 30
)

// Options configure a server.
type Options struct {
	// StoreDir is the embedded store's folder, where the server announces
	// itself to other kg commands; "" for stores other processes can open
	// themselves (PostgreSQL) or cannot see (memory).
	StoreDir string
	// StoreName says which store this is, in the pages and the status.
	StoreName string
	// AllowEdits lets the pages correct the graph: merge and split
	// people, retract facts, undo corrections.
	AllowEdits bool
	// Timeout, Limit and Memory bound every query: its run time, its
	// results and the growth of the heap while it runs. Zero means the
	// defaults above.
	Timeout time.Duration
	Limit   int
	Memory  int64
	// Concurrent is the most queries running at once; zero means two per
	// core. Others wait for a slot as long as their time limit allows.
	Concurrent int
	// Log receives one line per API request and the server's messages;
	// nil discards them.
	Log io.Writer
	// LoadMemory, when set, is the soft limit of the Go heap while a load
	// runs (as kg load sets it), unless GOMEMLIMIT says otherwise.
	LoadMemory int64
	// Ready, when set, is called with the server's address once it
	// answers requests and other kg commands can find it.
	Ready func(url string)
}

// Explorer answers the pages' questions (graph/explore implements it).
type Explorer interface {
	Search(ctx context.Context, q string, limit int) (*explore.Search, error)
	Profile(ctx context.Context, id string) (*explore.Profile, error)
	Timeline(ctx context.Context, id string, rng explore.Range) ([]explore.Entry, error)
	Meetings(ctx context.Context, ids, with []string, rng explore.Range, limit int) ([]explore.Entry, bool, error)
	Fact(ctx context.Context, id string) (*explore.Fact, error)
	Corrections(ctx context.Context) ([]explore.Correction, error)
	Correction(ctx context.Context, id string) (explore.Correction, error)
}

// Server serves one open store.
type Server struct {
	store   *graph.Store
	explore Explorer
	opt     Options
	log     *log.Logger
	started time.Time

	slots      chan struct{} // one per running query
	localToken string        // the announcement's token: other kg commands
	editToken  string        // the pages' token for edits

	writeMu sync.Mutex // one writer at a time: a load or an edit
	loading atomic.Bool
	edits   atomic.Int64 // corrections made, for pages to notice
	loadsMu sync.Mutex
	loads   map[string]context.CancelFunc // running loads by id

	// base is the context of every request: cancelled at shutdown, so
	// queries stop and loads finish their batch.
	base     context.Context
	stopBase context.CancelFunc
	handlers sync.WaitGroup
}

// New returns a server of store.
func New(store *graph.Store, opt Options) *Server {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Limit <= 0 {
		opt.Limit = DefaultLimit
	}
	if opt.Memory <= 0 {
		opt.Memory = DefaultMemory
	}
	if opt.Concurrent <= 0 {
		opt.Concurrent = 2 * runtime.GOMAXPROCS(0)
	}
	logw := opt.Log
	if logw == nil {
		logw = io.Discard
	}
	base, stop := context.WithCancel(context.Background())
	return &Server{
		store: store, explore: explore.New(store), opt: opt,
		log: log.New(logw, "kg serve: ", 0), started: time.Now(),
		slots: make(chan struct{}, opt.Concurrent), localToken: remote.NewToken(), editToken: remote.NewToken(),
		loads: map[string]context.CancelFunc{}, base: base, stopBase: stop,
	}
}

// Serve answers requests on ln until ctx is cancelled, then shuts down:
// it stops accepting connections, stops running queries, lets a load
// finish the batch it is writing, and returns once no request touches the
// store any more. The caller closes the store after. url is the address
// announced to other kg commands.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	url := "http://" + ln.Addr().String()
	if s.opt.StoreDir != "" {
		remove, err := remote.Announce(s.opt.StoreDir, remote.Handle{
			URL: url, PID: pidSelf(), Token: s.localToken, Store: s.opt.StoreDir, Started: s.started,
		})
		if err != nil {
			return err
		}
		defer func() {
			if err := remove(); err != nil {
				s.log.Printf("remove %s: %v", remote.HandleName, err)
			}
		}()
	}
	srv := &http.Server{
		Handler:           s.Handler(ln.Addr()),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return s.base },
		ErrorLog:          s.log,
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if s.opt.Ready != nil {
		s.opt.Ready(url)
	}
	select {
	case err := <-served:
		s.stopBase()
		s.handlers.Wait()
		return err
	case <-ctx.Done():
	}
	// Stop taking requests and end those running: queries stop at once,
	// a load finishes its batch. Handlers are waited for however long a
	// batch takes, since the store must not close under a writer.
	s.stopBase()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	s.handlers.Wait()
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// limits are the server's limits as the status shows them.
func (s *Server) limits() remote.Limits {
	return remote.Limits{Timeout: s.opt.Timeout.String(), Results: s.opt.Limit, Memory: s.opt.Memory, Running: s.opt.Concurrent}
}

// errBusy is returned when no slot freed up within a request's time.
var errBusy = errors.New("the server is busy: every query slot stayed taken; try again, or narrow the queries running")

// slot waits for a free query slot, as long as ctx allows, and returns
// the function that frees it.
func (s *Server) slot(ctx context.Context) (release func(), err error) {
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%w (%d running)", errBusy, cap(s.slots))
	}
}
