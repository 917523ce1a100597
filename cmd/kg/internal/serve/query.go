package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
)

// maxScript bounds the size of a script sent to the server.
const maxScript = 1 << 20

// cayleyDefaultLimit is the result limit of Cayley's own
// /api/v1/query/gizmo when the request names none.
const cayleyDefaultLimit = 100

// serveGizmo is Cayley's POST /api/v1/query/gizmo: the body is a Gizmo
// script, ?limit=N bounds the results (100 by default, as in Cayley), the
// answer is {"result": [...]} or {"error": "..."}. Scripts also have kg's
// helpers (kg.meetings, ...). When the limit stopped the script, the
// answer says so in "more", which Cayley's clients ignore.
func (s *Server) serveGizmo(w http.ResponseWriter, r *http.Request) {
	script, err := readScript(r)
	if err != nil {
		fail(w, err)
		return
	}
	limit, err := intParam(r.URL.Query().Get("limit"), cayleyDefaultLimit, 0, 1<<30)
	if err != nil {
		fail(w, usagef("limit: %v", err))
		return
	}
	if limit == 0 || limit > s.opt.Limit {
		limit = s.opt.Limit
	}
	ctx, done, ok := s.inSlot(w, r)
	if !ok {
		return
	}
	defer done()
	var results []any
	stopped := 0
	err = s.store.Query(ctx, script, graph.QueryOptions{
		Limit: limit, Timeout: s.opt.Timeout, Memory: s.opt.Memory, Library: queries.Prelude(),
		OnLimit: func(n int) { stopped = n },
	}, func(v any) error {
		results = append(results, v)
		return nil
	})
	if err != nil {
		status, kind := classify(err)
		if kind == remote.KindInternal {
			status, kind = http.StatusBadRequest, remote.KindScript // a script's own failure, as a rule
		}
		writeError(w, status, kind, err.Error())
		return
	}
	answer := map[string]any{"result": results}
	if stopped > 0 {
		answer["more"] = fmt.Sprintf("stopped at %d results; ask ?limit=N for more (this server allows %d)", stopped, s.opt.Limit)
	}
	writeJSON(w, http.StatusOK, answer)
}

// readScript reads a script from the request body, refusing one larger
// than maxScript.
func readScript(r *http.Request) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r.Body, maxScript+1))
	if err != nil {
		return "", usagef("read the script: %v", err)
	}
	if len(b) > maxScript {
		return "", usagef("the script is larger than %d KiB", maxScript>>10)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", usagef("no script: send a Gizmo script as the request body")
	}
	return string(b), nil
}

// serveQueryStream is POST /api/v1/kg/query: a remote.QueryRequest in,
// the results out as JSON lines (remote.QueryLine), each sent as the
// script emits it.
func (s *Server) serveQueryStream(w http.ResponseWriter, r *http.Request) {
	var req remote.QueryRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 2*maxScript))
	if err := dec.Decode(&req); err != nil {
		fail(w, usagef("read the query: %v", err))
		return
	}
	script, args, library, err := s.prepare(r.Context(), req)
	if err != nil {
		fail(w, err)
		return
	}
	limit, byServer := req.Limit, false
	if limit <= 0 || limit > s.opt.Limit {
		limit, byServer = s.opt.Limit, true
	}
	timeout := s.opt.Timeout
	if req.Timeout != "" && req.Timeout != "0" {
		d, err := time.ParseDuration(req.Timeout)
		if err != nil || d < 0 {
			fail(w, usagef("timeout %q is not a duration such as 5s", req.Timeout))
			return
		}
		timeout = min(d, timeout)
	}
	ctx, done, ok := s.inSlot(w, r)
	if !ok {
		return
	}
	defer done()

	out := newLineWriter(w)
	count := 0
	err = s.store.Query(ctx, script, graph.QueryOptions{
		Limit: limit, Timeout: timeout, Memory: s.opt.Memory, Args: args,
		Library: library, Definitions: req.Definitions, Show: req.Show, Name: req.ScriptName,
		OnLimit: func(n int) { out.send(remote.QueryLine{Limit: n, ByServer: byServer}) },
	}, func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("result %d: %w", count+1, err)
		}
		count++
		return out.send(remote.QueryLine{Result: b})
	})
	if err != nil {
		if out.err != nil {
			return // the client went away
		}
		_, kind := classify(err)
		if kind == remote.KindInternal {
			kind = remote.KindScript // a script's own failure, as a rule
		}
		out.send(remote.QueryLine{Error: err.Error(), Kind: kind})
	} else {
		out.send(remote.QueryLine{Done: true, Count: count})
	}
	out.flush()
}

// prepare returns the script to run, its arguments and the library to
// run before it: a saved query's (its arguments checked, its people looked
// for) and a script given, both with kg's helper library, or a raw script
// and library as they came.
func (s *Server) prepare(ctx context.Context, req remote.QueryRequest) (script string, args map[string]string, library string, err error) {
	if req.Raw {
		if req.Script == "" {
			return "", nil, "", usagef("no script")
		}
		return req.Script, req.Args, req.Library, nil
	}
	args = req.Args
	if args == nil {
		args = map[string]string{}
	}
	if req.Name == "" {
		if strings.TrimSpace(req.Script) == "" {
			return "", nil, "", usagef("no script: give a Gizmo script or the name of a saved query")
		}
		return req.Script, queries.Args(args), queries.Prelude(), nil
	}
	saved, err := queries.Get(req.Name)
	if err != nil {
		return "", nil, "", usagef("%v", err)
	}
	if err := saved.CheckArgs(args); err != nil {
		return "", nil, "", usagef("%v", err)
	}
	facts := s.store.Facts()
	for k, v := range saved.NameArgs(args) {
		found, err := facts.FindPeople(ctx, v)
		if err != nil {
			return "", nil, "", err
		}
		if len(found) == 0 {
			return "", nil, "", fmt.Errorf("%s=%s: %w", k, v, &graph.NoPersonError{Name: v})
		}
	}
	return saved.Source, queries.Args(args), queries.Prelude(), nil
}

// lineWriter writes JSON lines, flushing the first at once and then at
// most every 50 ms, so results arrive as they come without a flush a line.
type lineWriter struct {
	mu      sync.Mutex
	w       *bufio.Writer
	rc      *http.ResponseController
	started bool
	last    time.Time
	err     error
}

func newLineWriter(w http.ResponseWriter) *lineWriter {
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Cache-Control", "no-store")
	return &lineWriter{w: bufio.NewWriterSize(w, 32<<10), rc: http.NewResponseController(w)}
}

func (l *lineWriter) send(v any) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return l.err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	l.w.Write(b)
	if err := l.w.WriteByte('\n'); err != nil {
		l.err = err
		return err
	}
	if !l.started || time.Since(l.last) > 50*time.Millisecond {
		l.started = true
		l.flushLocked()
	}
	return l.err
}

func (l *lineWriter) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.flushLocked()
}

func (l *lineWriter) flushLocked() {
	if l.err != nil {
		return
	}
	if err := l.w.Flush(); err != nil {
		l.err = err
		return
	}
	l.rc.Flush()
	l.last = time.Now()
}
