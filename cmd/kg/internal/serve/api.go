package serve

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/kg-project/kg/cmd/kg/internal/remote"
	"github.com/kg-project/kg/graph/explore"
	"github.com/kg-project/kg/queries"
)

// serveStatus says which store is served, how, and how many quads it
// holds (pages poll it to notice a load).
func (s *Server) serveStatus(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := s.bounded(r)
	defer cancel()
	quads, err := s.store.QuadCount(ctx)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		remote.Status
		// Edits counts the corrections made through the server: with
		// the quads, what pages watch to notice a change.
		Edits int64 `json:"edits"`
	}{remote.Status{
		Store: s.opt.StoreDir, Backend: s.store.Backend(), PID: pidSelf(), Started: s.started,
		AllowEdits: s.opt.AllowEdits, Local: s.isLocal(r), Quads: quads, Loading: s.loading.Load(), Running: len(s.slots),
		Limits: s.limits(),
	}, s.edits.Load()})
}

func (s *Server) serveStats(w http.ResponseWriter, r *http.Request) {
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		return s.store.Stats(ctx)
	})
}

// servePeople finds people by name, as kg query does:
// ?q=NAME[&limit=N][&exact=1]. With exact (kg commands run through the
// server ask so), no suggestions: only the people the name stands for.
func (s *Server) servePeople(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := intParam(q.Get("limit"), 20, 1, 1000)
	if err != nil {
		fail(w, usagef("limit: %v", err))
		return
	}
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		found, err := s.explore.Search(ctx, q.Get("q"), limit)
		if err != nil {
			return nil, err
		}
		if q.Get("exact") != "" {
			found.Suggestions = []explore.PersonRef{}
		}
		return found, nil
	})
}

// servePerson is a person's profile: ?id=kg:person/...
func (s *Server) servePerson(w http.ResponseWriter, r *http.Request) {
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		return s.explore.Profile(ctx, r.URL.Query().Get("id"))
	})
}

// serveTimeline is a person's dated facts: ?id=...&from=&to=; at most the
// server's result limit of them, "more" set when there were more.
func (s *Server) serveTimeline(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		entries, err := s.explore.Timeline(ctx, q.Get("id"), explore.Range{From: q.Get("from"), To: q.Get("to")})
		if err != nil {
			return nil, err
		}
		more := len(entries) > s.opt.Limit
		if more {
			entries = entries[:s.opt.Limit]
		}
		return map[string]any{"entries": entries, "more": more}, nil
	})
}

// serveMeetings lists meetings: ?person=ID (repeatable)&with=ID&from=&to=&limit=
func (s *Server) serveMeetings(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := intParam(q.Get("limit"), 200, 1, s.opt.Limit)
	if err != nil {
		fail(w, usagef("limit: %v", err))
		return
	}
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		entries, more, err := s.explore.Meetings(ctx, q["person"], q["with"], explore.Range{From: q.Get("from"), To: q.Get("to")}, limit)
		if err != nil {
			return nil, err
		}
		return map[string]any{"meetings": entries, "more": more}, nil
	})
}

// serveFact is one meeting, event or office with its evidence: ?id=...
func (s *Server) serveFact(w http.ResponseWriter, r *http.Request) {
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		return s.explore.Fact(ctx, r.URL.Query().Get("id"))
	})
}

// savedQuery is a saved query as the query page lists it.
type savedQuery struct {
	Name        string    `json:"name"`
	Summary     string    `json:"summary"`
	Description string    `json:"description"`
	Args        []argSpec `json:"args"`
	Source      string    `json:"source"`
}

type argSpec struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Required bool   `json:"required"`
	Help     string `json:"help"`
}

func (s *Server) serveQueries(w http.ResponseWriter, r *http.Request) {
	out := []savedQuery{}
	for _, q := range queries.List() {
		sq := savedQuery{Name: q.Name, Summary: q.Summary, Description: q.Description, Source: q.Source, Args: []argSpec{}}
		for _, a := range q.Args {
			sq.Args = append(sq.Args, argSpec{Name: a.Name, Kind: a.Kind, Required: a.Required, Help: a.Help})
		}
		out = append(out, sq)
	}
	writeJSON(w, http.StatusOK, map[string]any{"queries": out})
}

// intParam reads a whole number between lo and hi; "" gives def.
func intParam(v string, def, lo, hi int) (int, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, usagef("%q is not a whole number", v)
	}
	if n < lo || n > hi {
		return 0, usagef("%d is out of range (%d to %d)", n, lo, hi)
	}
	return n, nil
}
