package serve

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
)

func newTestServer(t *testing.T, opt Options) (*Server, http.Handler) {
	t.Helper()
	store, err := graph.Open(context.Background(), graph.Options{Backend: graph.BackendMemory, Path: filepath.Join(t.TempDir(), "kg.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s := New(store, opt)
	return s, s.Handler(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 7474})
}

// TestBusyServerSaysSo: when every query slot stays taken for a request's
// whole time limit, the request gets 503 with kind busy, not a hang.
func TestBusyServerSaysSo(t *testing.T) {
	s, h := newTestServer(t, Options{Concurrent: 1, Timeout: 100 * time.Millisecond})
	s.slots <- struct{}{} // a query that runs on
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:7474/api/v1/stats", nil))
	var ans struct{ Error, Kind string }
	json.Unmarshal(rec.Body.Bytes(), &ans)
	if rec.Code != http.StatusServiceUnavailable || ans.Kind != remote.KindBusy {
		t.Errorf("stats with every slot taken: %d %+v, want 503 busy", rec.Code, ans)
	}
	<-s.slots
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:7474/api/v1/stats", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("stats with a free slot: %d %s", rec.Code, rec.Body)
	}
}

// TestHostGuard: on loopback, only requests for loopback names are
// answered (no DNS rebinding); on another address, any.
func TestHostGuard(t *testing.T) {
	s, loopback := newTestServer(t, Options{})
	open := s.Handler(&net.TCPAddr{IP: net.IPv4(192, 0, 2, 1), Port: 7474})
	tests := []struct {
		host string
		h    http.Handler
		want int
	}{
		{"127.0.0.1:7474", loopback, http.StatusOK},
		{"localhost:7474", loopback, http.StatusOK},
		{"[::1]:7474", loopback, http.StatusOK},
		{"127.0.0.2", loopback, http.StatusOK},
		{"rebound.example:7474", loopback, http.StatusForbidden},
		{"192.0.2.1:7474", loopback, http.StatusForbidden},
		{"kg.example:7474", open, http.StatusOK},
	}
	for _, tc := range tests {
		req := httptest.NewRequest("GET", "/api/v1/status", nil)
		req.Host = tc.host
		rec := httptest.NewRecorder()
		tc.h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("Host %s: %d, want %d", tc.host, rec.Code, tc.want)
		}
	}
}

// TestUnknownEndpoint: a mistyped API path is a JSON error naming it.
func TestUnknownEndpoint(t *testing.T) {
	_, h := newTestServer(t, Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1:7474/api/v1/peple?q=x", nil))
	var ans struct{ Error string }
	json.Unmarshal(rec.Body.Bytes(), &ans)
	if rec.Code != http.StatusNotFound || ans.Error == "" {
		t.Errorf("GET /api/v1/peple: %d %s", rec.Code, rec.Body)
	}
}

func TestExportName(t *testing.T) {
	tests := []struct {
		person, view, from, to string
		depth                  int
		want                   string
	}{
		{want: "kg-all"},
		{view: "full", want: "kg-full"},
		{person: "kg:person/hsn-run", depth: 2, want: "kg-hsn-run-depth2"},
		{person: "<kg:person/hsn-run>", depth: 1, from: "2017-01", to: "2017-06", want: "kg-hsn-run-depth1-2017-01-2017-06"},
		{person: "Hassan Rouhani / x", depth: 1, want: "kg-x-depth1"},
	}
	for _, tc := range tests {
		got := exportName(export.Options{View: tc.view, Person: tc.person, Depth: tc.depth, From: tc.from, To: tc.to})
		if got != tc.want {
			t.Errorf("exportName(%+v) = %q, want %q", tc, got, tc.want)
		}
	}
}
