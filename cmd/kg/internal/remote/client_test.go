package remote

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/export"
)

// TestReadQueryStream: results come out as a local query gives them
// (whole numbers as int64), the limit is reported, and a failure keeps its
// kind so callers can tell a time limit from a script error.
func TestReadQueryStream(t *testing.T) {
	tests := []struct {
		name    string
		stream  string
		results []any
		limit   int
		err     error // matched with errors.Is; nil for success
		msg     string
	}{
		{
			name:    "results then done",
			stream:  `{"result": {"n": 3, "x": 1.5, "who": ["a"]}}` + "\n" + `{"result": "s"}` + "\n" + `{"done": true, "count": 2}` + "\n",
			results: []any{map[string]any{"n": int64(3), "x": 1.5, "who": []any{"a"}}, "s"},
		},
		{
			name:    "stopped at the limit",
			stream:  `{"result": 1}` + "\n" + `{"limit": 1}` + "\n" + `{"done": true, "count": 1}` + "\n",
			results: []any{int64(1)},
			limit:   1,
		},
		{
			name:   "time limit",
			stream: `{"error": "query stopped: time limit reached (1s)", "kind": "timeout"}` + "\n",
			err:    graph.ErrQueryTimeout, msg: "time limit reached",
		},
		{
			name:   "nobody of that name",
			stream: `{"error": "no person called \"X\" in the store", "kind": "noperson"}` + "\n",
			err:    graph.ErrNoPerson,
		},
		{
			name:    "cut short",
			stream:  `{"result": 1}` + "\n",
			results: []any{int64(1)},
			msg:     "ended early",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []any
			limit := 0
			err := ReadQueryStream(strings.NewReader(tc.stream), func(n int) { limit = n }, func(r any) error {
				got = append(got, r)
				return nil
			})
			switch {
			case tc.msg != "" && (err == nil || !strings.Contains(err.Error(), tc.msg)):
				t.Errorf("error %v, want one saying %q", err, tc.msg)
			case tc.err != nil && !errors.Is(err, tc.err):
				t.Errorf("error %v, want one matching %v", err, tc.err)
			case tc.err == nil && tc.msg == "" && err != nil:
				t.Errorf("error %v", err)
			}
			if !reflect.DeepEqual(got, tc.results) || limit != tc.limit {
				t.Errorf("results %#v limit %d, want %#v and %d", got, limit, tc.results, tc.limit)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	c := export.Counts{Nodes: 3, Edges: 2, Quads: 7}
	if got := ParseCounts(FormatCounts(c)); got != c {
		t.Errorf("counts round trip: %+v, want %+v", got, c)
	}
	if got := ParseCounts(""); got != (export.Counts{}) {
		t.Errorf("no counts: %+v", got)
	}
}

// TestFindIgnoresStaleAnnouncements: an announcement left by a server that
// is gone, or one that cannot be read, finds nothing; announcing writes a
// file only the owner can read, and removing it leaves a later server's.
func TestFindIgnoresStaleAnnouncements(t *testing.T) {
	dir := t.TempDir()
	if c, err := Find(t.Context(), dir); c != nil || err != nil {
		t.Fatalf("no announcement: %v %v", c, err)
	}
	remove, err := Announce(dir, Handle{URL: "http://127.0.0.1:1", PID: 1, Token: "t1", Store: dir})
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, HandleName))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("announcement: %v %v, want mode 0600", info, err)
	}
	if c, err := Find(t.Context(), dir); c != nil || err != nil {
		t.Errorf("an announcement of a server that is gone: %v %v, want nothing", c, err)
	}
	if _, err := Announce(dir, Handle{URL: "http://127.0.0.1:2", Token: "t2", Store: dir}); err != nil {
		t.Fatal(err)
	}
	if err := remove(); err != nil {
		t.Fatal(err)
	}
	if h, err := readHandle(filepath.Join(dir, HandleName)); err != nil || h.Token != "t2" {
		t.Errorf("the first server's removal took the second's announcement: %+v %v", h, err)
	}
	os.WriteFile(filepath.Join(dir, HandleName), []byte("not json"), 0o600)
	if c, err := Find(t.Context(), dir); c != nil || err != nil {
		t.Errorf("a damaged announcement: %v %v, want nothing", c, err)
	}
}
