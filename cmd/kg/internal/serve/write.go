package serve

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/ingest"
)

// Writes — loads and edits — take the store one at a time; queries go on
// meanwhile, and see each batch of a load as soon as it is written.

// lockWrites waits for the other writer to finish, as long as ctx lives.
func (s *Server) lockWrites(ctx context.Context) (unlock func(), err error) {
	for {
		if s.writeMu.TryLock() {
			return s.writeMu.Unlock, nil
		}
		select {
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// serveLoad is POST /api/v1/load, for kg load run on the served store:
// ?path=P (repeatable; "-" reads the request body), &date=, &source=,
// &batch=, &workers=, &any-language=1, &timeout= (of each URL fetched),
// &id= (to cancel it by). The answer is a stream of
// JSON lines (remote.LoadEvent): progress, problems, the summary last. A
// load cancelled by POST /api/v1/load/cancel?id=, or by the server's
// shutdown, finishes the batch it is writing, as kg load does on Ctrl+C.
func (s *Server) serveLoad(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	paths := q["path"]
	if len(paths) == 0 {
		fail(w, usagef("no input: give path=FILE (repeatable), or path=- with the articles as the body"))
		return
	}
	opt := ingest.Options{Read: loaders.Options{
		Date: q.Get("date"), Source: q.Get("source"), AnyLanguage: q.Get("any-language") != "",
		HTTP: &loaders.HTTP{}, Stdin: strings.NewReader(""),
	}}
	if t := q.Get("timeout"); t != "" {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 {
			fail(w, usagef("timeout %q is not a duration such as 1m", t))
			return
		}
		opt.Read.HTTP.Timeout = d
	}
	for _, p := range paths {
		if p == "-" {
			opt.Read.Stdin = r.Body
		}
	}
	if opt.Read.Date != "" {
		if _, err := time.Parse("2006-01-02", opt.Read.Date); err != nil {
			fail(w, usagef("date %q is not a date like 2017-01-18", opt.Read.Date))
			return
		}
	}
	var err error
	if opt.BatchSize, err = intParam(q.Get("batch"), 0, 1, 1<<20); err != nil {
		fail(w, usagef("batch: %v", err))
		return
	}
	if opt.Workers, err = intParam(q.Get("workers"), 0, 1, 1024); err != nil {
		fail(w, usagef("workers: %v", err))
		return
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	id := q.Get("id")
	if id != "" {
		s.loadsMu.Lock()
		s.loads[id] = cancel
		s.loadsMu.Unlock()
		defer func() {
			s.loadsMu.Lock()
			delete(s.loads, id)
			s.loadsMu.Unlock()
		}()
	}
	unlock, err := s.lockWrites(ctx)
	if err != nil {
		fail(w, fmt.Errorf("wait for the load or edit in progress: %w", err))
		return
	}
	defer unlock()
	s.loading.Store(true)
	defer s.loading.Store(false)
	if s.opt.LoadMemory > 0 && os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(s.opt.LoadMemory))
	}

	// The articles of "-" arrive in the body while progress goes out.
	http.NewResponseController(w).EnableFullDuplex()
	out := newLineWriter(w)
	var last time.Time
	opt.Problem = func(p loaders.Problem) { out.send(remote.LoadEvent{Problem: p.Error()}) }
	opt.Progress = func(n int) {
		if time.Since(last) > 200*time.Millisecond {
			last = time.Now()
			out.send(remote.LoadEvent{Read: n})
		}
	}
	sum, err := ingest.Load(ctx, s.store, paths, opt)
	if s.base.Err() != nil {
		out.send(remote.LoadEvent{Problem: "kg serve: the server was stopped during the load; the articles below were stored"})
	}
	end := remote.LoadEvent{Summary: &sum}
	if err != nil && !sum.Interrupted {
		end.Error = err.Error()
	}
	s.log.Printf("load %s: %s", strings.Join(paths, " "), sum)
	out.send(end)
	out.flush()
}

// serveLoadCancel is POST /api/v1/load/cancel?id=: Ctrl+C for a load
// made through the server.
func (s *Server) serveLoadCancel(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	s.loadsMu.Lock()
	cancel, ok := s.loads[id]
	s.loadsMu.Unlock()
	if !ok {
		writeError(w, http.StatusNotFound, remote.KindUsage, fmt.Sprintf("no load %q is running", id))
		return
	}
	cancel()
	writeJSON(w, http.StatusOK, map[string]any{"cancelled": id})
}
