package remote

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
	"github.com/kg-project/kg/loaders/ingest"
)

// Client sends a command's work to the kg serve that holds its store. Its
// methods mirror those of graph.Store that the commands use.
type Client struct {
	h    Handle
	http *http.Client
}

func newClient(h Handle) *Client {
	return &Client{h: h, http: &http.Client{}}
}

// URL is the server's address, as http://host:port.
func (c *Client) URL() string { return c.h.URL }

// PID is the server's process id.
func (c *Client) PID() int { return c.h.PID }

// Describe says which server this is, for messages.
func (c *Client) Describe() string {
	return fmt.Sprintf("kg serve (pid %d) at %s", c.h.PID, c.h.URL)
}

// Error is a failure the server reported, with its kind (see the Kind
// constants). It matches graph's errors of the same kind with errors.Is,
// so callers treat it as they would the local one.
type Error struct {
	Msg  string
	Kind string
}

func (e *Error) Error() string { return e.Msg }

func (e *Error) Is(target error) bool {
	switch e.Kind {
	case KindTimeout:
		return target == graph.ErrQueryTimeout
	case KindMemory:
		return target == graph.ErrQueryMemory
	case KindNoPerson:
		return target == graph.ErrNoPerson
	case KindNothing:
		return target == export.ErrNothing
	}
	return false
}

// request makes a request to the server, with the token.
func (c *Client) request(ctx context.Context, method, path string, query url.Values, body io.Reader) (*http.Response, error) {
	u := c.h.URL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set(TokenHeader, c.h.Token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Describe(), err)
	}
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		return nil, readError(resp)
	}
	return resp, nil
}

// readError reads the {"error", "kind"} body of a failed request.
func readError(resp *http.Response) error {
	var e struct {
		Error string `json:"error"`
		Kind  string `json:"kind"`
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if json.Unmarshal(b, &e) != nil || e.Error == "" {
		e.Error = fmt.Sprintf("the server answered %s", resp.Status)
		e.Kind = KindInternal
	}
	return &Error{Msg: e.Error, Kind: e.Kind}
}

// getJSON decodes the answer of a GET into out.
func (c *Client) getJSON(ctx context.Context, path string, query url.Values, out any) error {
	resp, err := c.request(ctx, http.MethodGet, path, query, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("%s: read answer to %s: %w", c.Describe(), path, err)
	}
	return nil
}

// ping checks that the server answers, knows the token and serves the
// store the announcement names.
func (c *Client) ping(ctx context.Context) error {
	var st Status
	if err := c.getJSON(ctx, "/api/v1/status", nil, &st); err != nil {
		return err
	}
	if !st.Local || filepath.Clean(st.Store) != filepath.Clean(c.h.Store) {
		return errors.New("another server answers at the announced address")
	}
	return nil
}

// Status asks the server how it is.
func (c *Client) Status(ctx context.Context) (Status, error) {
	var st Status
	err := c.getJSON(ctx, "/api/v1/status", nil, &st)
	return st, err
}

// Stats counts what the store holds, as graph.Store.Stats does.
func (c *Client) Stats(ctx context.Context) (graph.Stats, error) {
	var st graph.Stats
	err := c.getJSON(ctx, "/api/v1/stats", nil, &st)
	return st, err
}

// FindPeople returns the people a name stands for, as graph.Facts'
// FindPeople does: the server's exact=1 answers with the same lookup (any
// part of a name, its spelling variants), without suggestions.
func (c *Client) FindPeople(ctx context.Context, name string) ([]graph.PersonRef, error) {
	var found struct {
		People []struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		} `json:"people"`
	}
	if err := c.getJSON(ctx, "/api/v1/people", url.Values{"q": {name}, "exact": {"1"}, "limit": {"1000"}}, &found); err != nil {
		var e *Error
		if errors.As(err, &e) && e.Kind == KindUsage {
			return nil, nil // an empty name finds nobody, as locally
		}
		return nil, err
	}
	out := make([]graph.PersonRef, len(found.People))
	for i, p := range found.People {
		out[i] = graph.PersonRef{IRI: graphIRI(p.ID), Name: p.Name}
	}
	return out, nil
}

// Query runs a Gizmo script on the server, as graph.Store.Query runs it
// locally: script, opt.Args and the other parts of the query (library,
// definitions, value display, name) are sent as they are, each result is
// passed to fn as it arrives. The server's limits apply besides opt's.
func (c *Client) Query(ctx context.Context, script string, opt graph.QueryOptions, fn func(result any) error) error {
	req := QueryRequest{Script: script, Args: opt.Args, Raw: true,
		Library: opt.Library, Definitions: opt.Definitions, Show: opt.Show, ScriptName: opt.Name}
	switch {
	case opt.Limit < 0:
		req.Limit = -1
	case opt.Limit > 0:
		req.Limit = opt.Limit
	}
	switch {
	case opt.Timeout < 0:
		req.Timeout = "0"
	case opt.Timeout > 0:
		req.Timeout = opt.Timeout.String()
	}
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	resp, err := c.request(ctx, http.MethodPost, "/api/v1/kg/query", nil, bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return ReadQueryStream(resp.Body, opt.OnLimit, fn)
}

// ReadQueryStream reads the answer to a query, calling fn with each result
// and onLimit (when set) if the script was stopped at its result limit.
func ReadQueryStream(r io.Reader, onLimit func(int), fn func(result any) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 256<<20)
	for sc.Scan() {
		var line QueryLine
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return fmt.Errorf("read the server's answer: %w", err)
		}
		switch {
		case line.Error != "":
			return &Error{Msg: line.Error, Kind: line.Kind}
		case line.Done:
			return nil
		case line.Limit > 0:
			if onLimit != nil {
				onLimit(line.Limit)
			}
		case len(line.Result) > 0:
			v, err := decodeResult(line.Result)
			if err != nil {
				return fmt.Errorf("read the server's answer: %w", err)
			}
			if err := fn(v); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read the server's answer: %w", err)
	}
	return errors.New("the server's answer ended early (was kg serve stopped?)")
}

// decodeResult decodes a result as the local query gives it: whole
// numbers as int64, others as float64.
func decodeResult(raw json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return numbers(v), nil
}

func numbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = numbers(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = numbers(x[k])
		}
	}
	return v
}

// ExportQuery is the query string of GET /api/v1/export for a format and
// options; part names one table of a csv export (nodes or edges), "" the
// whole of it as a zip archive.
func ExportQuery(format string, opt export.Options, part string) url.Values {
	q := url.Values{"format": {format}}
	set := func(k, v string) {
		if v != "" {
			q.Set(k, v)
		}
	}
	set("view", opt.View)
	set("person", opt.Person)
	set("from", opt.From)
	set("to", opt.To)
	set("part", part)
	if opt.Person != "" {
		q.Set("depth", strconv.Itoa(opt.Depth))
	}
	return q
}

// Export writes an export made by the server to w and returns what it
// counted.
func (c *Client) Export(ctx context.Context, format string, opt export.Options, part string, w io.Writer) (export.Counts, error) {
	resp, err := c.request(ctx, http.MethodGet, "/api/v1/export", ExportQuery(format, opt, part), nil)
	if err != nil {
		return export.Counts{}, err
	}
	defer resp.Body.Close()
	if err := copyChecked(w, resp); err != nil {
		return export.Counts{}, err
	}
	return ParseCounts(resp.Trailer.Get(TrailerCount)), nil
}

// FormatCounts writes counts for TrailerCount: "NODES EDGES QUADS".
func FormatCounts(c export.Counts) string {
	return fmt.Sprintf("%d %d %d", c.Nodes, c.Edges, c.Quads)
}

// ParseCounts reads what FormatCounts wrote; what it cannot read is 0.
func ParseCounts(s string) export.Counts {
	var c export.Counts
	fmt.Sscanf(s, "%d %d %d", &c.Nodes, &c.Edges, &c.Quads)
	return c
}

// Dump writes the whole store as N-Quads, as graph.Store.Dump does, and
// returns the number of quads.
func (c *Client) Dump(ctx context.Context, w io.Writer) (int64, error) {
	resp, err := c.request(ctx, http.MethodGet, "/api/v1/dump", nil, nil)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if err := copyChecked(w, resp); err != nil {
		return 0, err
	}
	return ParseCounts(resp.Trailer.Get(TrailerCount)).Quads, nil
}

// Trailers of streamed answers: a failure after the first bytes were sent
// is told in TrailerError; TrailerCount counts what was sent.
const (
	TrailerError = "X-KG-Error"
	TrailerCount = "X-KG-Count"
)

// copyChecked copies a streamed answer to w, then checks the trailer for
// a failure the server met after it began to answer.
func copyChecked(w io.Writer, resp *http.Response) error {
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("read the server's answer: %w", err)
	}
	if msg := resp.Trailer.Get(TrailerError); msg != "" {
		return &Error{Msg: msg, Kind: KindInternal}
	}
	return nil
}

// Load has the server load paths (made absolute here: the server does not
// share our working folder) and, when stdin is not nil, what it reads (for
// the path "-"). onEvent is told of progress and problems as they come.
// Cancelling ctx asks the server to stop the load as Ctrl+C stops a local
// one: it finishes the batch in progress and answers with the summary.
func (c *Client) Load(ctx context.Context, paths []string, opt LoadOptions, stdin io.Reader, onEvent func(LoadEvent)) (ingest.Summary, error) {
	q := url.Values{}
	for _, p := range paths {
		if p != "-" && !strings.Contains(p, "://") {
			if abs, err := filepath.Abs(p); err == nil {
				p = abs
			}
		}
		q.Add("path", p)
	}
	if opt.Date != "" {
		q.Set("date", opt.Date)
	}
	if opt.Source != "" {
		q.Set("source", opt.Source)
	}
	if opt.Batch > 0 {
		q.Set("batch", strconv.Itoa(opt.Batch))
	}
	if opt.Workers > 0 {
		q.Set("workers", strconv.Itoa(opt.Workers))
	}
	if opt.AnyLanguage {
		q.Set("any-language", "1")
	}
	if opt.FetchTimeout > 0 {
		q.Set("timeout", opt.FetchTimeout.String())
	}
	id := NewToken()[:16]
	q.Set("id", id)
	// The request lives on after ctx is cancelled, so that the summary of
	// the interrupted load can still be read; the server is asked to stop
	// instead, and only then does the upload of standard input end.
	reqCtx, stopRequest := context.WithCancel(context.WithoutCancel(ctx))
	defer stopRequest()
	asked := make(chan struct{})
	stopWatch := context.AfterFunc(ctx, func() {
		defer close(asked)
		cctx, cancel := context.WithTimeout(reqCtx, 10*time.Second)
		defer cancel()
		resp, err := c.request(cctx, http.MethodPost, "/api/v1/load/cancel", url.Values{"id": {id}}, nil)
		if err != nil {
			stopRequest()
			return
		}
		resp.Body.Close()
	})
	defer stopWatch()
	var body io.Reader = http.NoBody
	if stdin != nil {
		body = stoppableBody{stop: asked, r: stdin}
	}
	resp, err := c.request(reqCtx, http.MethodPost, "/api/v1/load", q, body)
	if err != nil {
		return ingest.Summary{}, err
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var ev LoadEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			return ingest.Summary{}, fmt.Errorf("read the server's answer: %w", err)
		}
		if ev.Summary != nil {
			if ev.Error != "" {
				return *ev.Summary, errors.New(ev.Error)
			}
			return *ev.Summary, nil
		}
		if onEvent != nil {
			onEvent(ev)
		}
	}
	if err := sc.Err(); err != nil {
		return ingest.Summary{}, fmt.Errorf("read the server's answer: %w", err)
	}
	return ingest.Summary{}, errors.New("the server's answer ended before the load's summary (was kg serve stopped?); run the same load again to finish it")
}

// stoppableBody ends the upload of standard input once stop is closed,
// even while a read waits for input that does not come.
type stoppableBody struct {
	stop <-chan struct{}
	r    io.Reader
}

func (b stoppableBody) Read(p []byte) (int, error) {
	select {
	case <-b.stop:
		return 0, io.EOF
	default:
	}
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	buf := make([]byte, len(p))
	go func() {
		n, err := b.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case r := <-done:
		copy(p, buf[:r.n])
		return r.n, r.err
	case <-b.stop:
		return 0, io.EOF
	}
}

// graphIRI is a node id of the API ("kg:person/x", brackets or not) as an IRI.
func graphIRI(id string) quad.IRI {
	return quad.IRI(strings.TrimSuffix(strings.TrimPrefix(id, "<"), ">"))
}
