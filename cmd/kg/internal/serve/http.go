package serve

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/explore"
)

// Handler returns the server's routes, for a listener at addr.
func (s *Server) Handler(addr net.Addr) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", http.HandlerFunc(s.serveIndex))
	mux.Handle("GET /static/", s.staticFiles())

	api := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.logged(h)) }
	api("GET /api/v1/status", s.serveStatus)
	api("GET /api/v1/stats", s.serveStats)
	api("GET /api/v1/people", s.servePeople)
	api("GET /api/v1/person", s.servePerson)
	api("GET /api/v1/timeline", s.serveTimeline)
	api("GET /api/v1/meetings", s.serveMeetings)
	api("GET /api/v1/fact", s.serveFact)
	api("GET /api/v1/queries", s.serveQueries)
	api("POST /api/v1/query/gizmo", s.serveGizmo)
	api("POST /api/v1/kg/query", s.serveQueryStream)
	api("GET /api/v1/export", s.serveExport)
	api("GET /api/v1/dump", s.local(s.serveDump))
	api("POST /api/v1/load", s.local(s.serveLoad))
	api("POST /api/v1/load/cancel", s.local(s.serveLoadCancel))
	api("GET /api/v1/corrections", s.serveCorrections)
	api("POST /api/v1/corrections/merge", s.editing(s.correcting(s.merge)))
	api("POST /api/v1/corrections/split", s.editing(s.correcting(s.split)))
	api("POST /api/v1/corrections/retract", s.editing(s.correcting(s.retract)))
	api("POST /api/v1/corrections/undo", s.editing(s.correcting(s.undo)))
	mux.Handle("/api/", s.logged(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, remote.KindUsage, fmt.Sprintf("no API endpoint %s %s (docs/serve.md lists them)", r.Method, r.URL.Path))
	}))
	return s.tracked(hostGuard(addr, mux))
}

// tracked counts running handlers, so shutdown can wait for them.
func (s *Server) tracked(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.handlers.Add(1)
		defer s.handlers.Done()
		h.ServeHTTP(w, r)
	})
}

// logged logs one line per request: method, path, status and time.
func (s *Server) logged(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h(rec, r)
		s.log.Printf("%s %s %d %s", r.Method, r.URL.Path, rec.status, time.Since(start).Round(time.Millisecond))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (flushes,
// full duplex).
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// hostGuard refuses requests whose Host header names another machine
// when the server listens on loopback: a web page elsewhere cannot then
// reach the store through a DNS name that it points at 127.0.0.1 (DNS
// rebinding).
func hostGuard(addr net.Addr, h http.Handler) http.Handler {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if host != "localhost" {
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				writeError(w, http.StatusForbidden, remote.KindUsage,
					fmt.Sprintf("kg serve answers on loopback only; %q is not this machine (start kg serve --addr HOST:PORT to listen elsewhere)", r.Host))
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// local admits requests that carry the announcement's token: other kg
// commands, run by someone who can read the store folder.
func (s *Server) local(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.isLocal(r) {
			writeError(w, http.StatusForbidden, remote.KindUsage,
				"only kg commands run on this store's folder may do this (they read the token in "+remote.HandleName+")")
			return
		}
		h(w, r)
	}
}

func (s *Server) isLocal(r *http.Request) bool {
	got := r.Header.Get(remote.TokenHeader)
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.localToken)) == 1
}

// editing admits edits from the app's own pages when edits are allowed:
// the request must come from the page's origin and carry the token the
// page was given.
func (s *Server) editing(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.opt.AllowEdits {
			writeError(w, http.StatusForbidden, remote.KindUsage, "edits are off: start kg serve --allow-edits to correct the graph from the pages")
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
			writeError(w, http.StatusForbidden, remote.KindUsage, fmt.Sprintf("edits are accepted from kg serve's own pages only, not from %s", origin))
			return
		}
		got := r.Header.Get(editTokenHeader)
		if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(s.editToken)) != 1 {
			writeError(w, http.StatusForbidden, remote.KindUsage, "this edit does not carry the page's token: reload the page and try again")
			return
		}
		h(w, r)
	}
}

// editTokenHeader carries the edit token the pages were given.
const editTokenHeader = "X-KG-Edit-Token"

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError answers {"error": msg, "kind": kind}.
func writeError(w http.ResponseWriter, status int, kind, msg string) {
	writeJSON(w, status, map[string]string{"error": msg, "kind": kind})
}

// fail answers with err, its status and kind chosen by what it wraps.
func fail(w http.ResponseWriter, err error) {
	status, kind := classify(err)
	writeError(w, status, kind, err.Error())
}

// classify chooses the HTTP status and the kind of an error.
func classify(err error) (int, string) {
	switch {
	case errors.Is(err, explore.ErrBadRequest):
		return http.StatusBadRequest, remote.KindUsage
	case errors.Is(err, explore.ErrNotFound):
		return http.StatusNotFound, remote.KindUsage
	case errors.Is(err, graph.ErrNoPerson):
		return http.StatusNotFound, remote.KindNoPerson
	case errors.Is(err, errBusy):
		return http.StatusServiceUnavailable, remote.KindBusy
	case errors.Is(err, graph.ErrQueryTimeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, remote.KindTimeout
	case errors.Is(err, graph.ErrQueryMemory):
		return http.StatusServiceUnavailable, remote.KindMemory
	}
	var usage *usageError
	if errors.As(err, &usage) {
		return http.StatusBadRequest, remote.KindUsage
	}
	var conflict *conflictError
	if errors.As(err, &conflict) {
		return http.StatusConflict, kindConflict
	}
	return http.StatusInternalServerError, remote.KindInternal
}

// usageError is a request that cannot be answered as asked.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{msg: fmt.Sprintf(format, args...)} }

// bounded returns the request's context with the server's time limit.
func (s *Server) bounded(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(r.Context(), s.opt.Timeout,
		fmt.Errorf("%w (%s): the server's limit per request (kg serve --timeout)", graph.ErrQueryTimeout, s.opt.Timeout))
}

// inSlot waits for a query slot under the server's time limit and returns
// the request's bounded context and the function that frees both; when no
// slot frees up in time it answers the request itself and returns ok false.
func (s *Server) inSlot(w http.ResponseWriter, r *http.Request) (ctx context.Context, done func(), ok bool) {
	ctx, cancel := s.bounded(r)
	release, err := s.slot(ctx)
	if err != nil {
		cancel()
		fail(w, err)
		return nil, nil, false
	}
	return ctx, func() { release(); cancel() }, true
}

// withSlot runs fn in a query slot, under the server's time limit.
func (s *Server) withSlot(w http.ResponseWriter, r *http.Request, fn func(ctx context.Context) (any, error)) {
	ctx, done, ok := s.inSlot(w, r)
	if !ok {
		return
	}
	defer done()
	v, err := fn(ctx)
	if err != nil {
		if cause := context.Cause(ctx); ctx.Err() != nil && cause != nil {
			err = cause
		}
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func pidSelf() int { return os.Getpid() }
