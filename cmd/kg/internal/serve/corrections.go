package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os/user"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/explore"
)

// Corrections from the pages: merge two people (kg alias), split a joined
// name off (kg split), retract a meeting, call, office or event (kg
// retract), undo any of these, each a correction like the commands'
// (graph/corrections.go), signed and dated, listed by kg corrections and
// GET /api/v1/corrections. They need --allow-edits and the page's token
// (editing); they take the store one at a time with loads.

// correctionRequest is the body of every POST /api/v1/corrections/...:
// what to correct (the fields of the action) and who corrects it and why.
type correctionRequest struct {
	From       string `json:"from"`       // merge: the person merged away
	Into       string `json:"into"`       // merge: the person who remains
	Person     string `json:"person"`     // split: the joined person to separate
	Fact       string `json:"fact"`       // retract: the fact's id (meeting/5f0c2c1a9d8e, or its node)
	Correction string `json:"correction"` // undo: the correction's id
	Why        string `json:"why"`        // kept with the correction
	By         string `json:"by"`         // who makes it; default the server's user
}

// correctionDone is the answer to a correction: the correction made, said
// as kg corrections says it, and how to undo it.
type correctionDone struct {
	Correction explore.Correction `json:"correction"`
	Message    string             `json:"message"`
}

// Longest name and reason accepted, in bytes.
const (
	maxBy  = 200
	maxWhy = 4000
)

// conflictError is a correction the store's state refuses (a fact
// retracted already, a correction undone already): 409, kind conflict.
type conflictError struct{ msg string }

// kindConflict is the kind of a conflictError's answer.
const kindConflict = "conflict"

func (e *conflictError) Error() string { return e.msg }

// serveCorrections lists every correction, oldest first.
func (s *Server) serveCorrections(w http.ResponseWriter, r *http.Request) {
	s.withSlot(w, r, func(ctx context.Context) (any, error) {
		all, err := s.explore.Corrections(ctx)
		if err != nil {
			return nil, err
		}
		return map[string]any{"corrections": all}, nil
	})
}

// correcting decodes a correction's request, waits for the store, and
// runs do with the author; do returns the correction and the message.
func (s *Server) correcting(do func(ctx context.Context, req correctionRequest, who graph.Author) (graph.Correction, string, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req correctionRequest
		dec := json.NewDecoder(io.LimitReader(r.Body, 1<<16))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			fail(w, usagef("read the correction: %v (the body is JSON, docs/serve.md)", err))
			return
		}
		who, err := s.author(req)
		if err != nil {
			fail(w, err)
			return
		}
		ctx, cancel := s.bounded(r)
		defer cancel()
		unlock, err := s.lockWrites(ctx)
		if err != nil {
			fail(w, fmt.Errorf("wait for the load or edit in progress: %w", err))
			return
		}
		defer unlock()
		// Once begun, a correction is finished even if the page goes away.
		corr, msg, err := do(context.WithoutCancel(ctx), req, who)
		if err != nil {
			fail(w, err)
			return
		}
		s.edits.Add(1)
		done := correctionDone{Message: msg}
		if done.Correction, err = s.explore.Correction(ctx, graph.ShortID(corr.ID)); err != nil {
			fail(w, err)
			return
		}
		s.log.Printf("%s (%s)", msg, who.By)
		writeJSON(w, http.StatusOK, done)
	}
}

// author is who makes a correction: the name the page gives, else the
// user running the server.
func (s *Server) author(req correctionRequest) (graph.Author, error) {
	by, why := strings.TrimSpace(req.By), strings.TrimSpace(req.Why)
	if len(by) > maxBy || len(why) > maxWhy {
		return graph.Author{}, usagef("by is at most %d bytes and why at most %d", maxBy, maxWhy)
	}
	if by == "" {
		by = "kg serve"
		if u, err := user.Current(); err == nil {
			by = u.Username + " (kg serve)"
		}
	}
	return graph.Author{By: by, Why: why}, nil
}

// personID reads a person's id as the requests give it (kg:person/...,
// with or without brackets).
func personID(field, id string) (quad.IRI, error) {
	iri := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
	if !strings.HasPrefix(iri, "kg:person/") {
		return "", usagef("%s: %q is not a person's id (kg:person/...; GET /api/v1/people finds them)", field, id)
	}
	return quad.IRI(iri), nil
}

// merge joins one person to another, as kg alias does.
func (s *Server) merge(ctx context.Context, req correctionRequest, who graph.Author) (graph.Correction, string, error) {
	facts := s.store.Facts()
	var people [2]graph.PersonRef
	for i, id := range []string{req.From, req.Into} {
		iri, err := personID([]string{"from", "into"}[i], id)
		if err != nil {
			return graph.Correction{}, "", err
		}
		found, err := facts.FindPeople(ctx, "<"+string(iri)+">")
		if err != nil {
			return graph.Correction{}, "", err
		}
		if len(found) != 1 {
			return graph.Correction{}, "", fmt.Errorf("%w: no person %s in the store", explore.ErrNotFound, string(iri))
		}
		people[i] = found[0]
	}
	if people[0].IRI == people[1].IRI {
		return graph.Correction{}, "", &conflictError{fmt.Sprintf("%s and %s are one person already: %s", req.From, req.Into, people[1].Name)}
	}
	corr, err := s.store.Alias(ctx, people[0].IRI, people[1].IRI, who)
	if err != nil {
		return graph.Correction{}, "", err
	}
	return corr, fmt.Sprintf("joined %s (%s) to %s (%s): correction %s", people[0].Name, string(people[0].IRI),
		people[1].Name, string(people[1].IRI), graph.ShortID(corr.ID)), nil
}

// split separates a joined person from the one they were joined to, as
// kg split does.
func (s *Server) split(ctx context.Context, req correctionRequest, who graph.Author) (graph.Correction, string, error) {
	iri, err := personID("person", req.Person)
	if err != nil {
		return graph.Correction{}, "", err
	}
	facts := s.store.Facts()
	name, err := facts.PersonName(ctx, iri)
	if err != nil {
		return graph.Correction{}, "", err
	}
	if name == "" {
		return graph.Correction{}, "", fmt.Errorf("%w: no person %s in the store", explore.ErrNotFound, string(iri))
	}
	if by, _, err := facts.JoinedBy(ctx, iri); err != nil {
		return graph.Correction{}, "", err
	} else if by == "" {
		return graph.Correction{}, "", &conflictError{fmt.Sprintf("%s (%s) is not joined to anyone: nothing to split (a person's page lists who is joined to them)", name, string(iri))}
	}
	corr, err := s.store.Split(ctx, iri, who)
	if err != nil {
		return graph.Correction{}, "", err
	}
	from, _ := s.store.Facts().PersonName(ctx, corr.Into)
	return corr, fmt.Sprintf("split %s (%s) from %s (%s); kg keeps them apart: correction %s", name, string(iri), from, string(corr.Into),
		graph.ShortID(corr.ID)), nil
}

// retract takes a fact out of answers and exports, as kg retract does.
func (s *Server) retract(ctx context.Context, req correctionRequest, who graph.Author) (graph.Correction, string, error) {
	if strings.TrimSpace(req.Fact) == "" {
		return graph.Correction{}, "", usagef("fact: give the id of a meeting, call, office or event (meeting/5f0c2c1a9d8e)")
	}
	facts := s.store.Facts()
	node, err := facts.FindFact(ctx, req.Fact)
	if err != nil {
		return graph.Correction{}, "", fmt.Errorf("%w: %v", explore.ErrNotFound, err)
	}
	fact, err := facts.Fact(ctx, node)
	if err != nil {
		return graph.Correction{}, "", fmt.Errorf("%w: %v", explore.ErrNotFound, err)
	}
	if fact.Retracted() {
		return graph.Correction{}, "", &conflictError{fmt.Sprintf("%s is retracted already (GET /api/v1/corrections shows by whom)", graph.ShortFactID(node))}
	}
	corr, err := s.store.Retract(ctx, fact.Nodes(), who)
	if err != nil {
		return graph.Correction{}, "", err
	}
	return corr, fmt.Sprintf("retracted %s: %s: correction %s", graph.ShortFactID(node), fact.Summary(), graph.ShortID(corr.ID)), nil
}

// undo reverses a correction, as kg alias/split/retract --undo do.
func (s *Server) undo(ctx context.Context, req correctionRequest, who graph.Author) (graph.Correction, string, error) {
	if strings.TrimSpace(req.Correction) == "" {
		return graph.Correction{}, "", usagef("correction: give the id of the correction to undo (GET /api/v1/corrections lists them)")
	}
	target, err := s.store.Correction(ctx, quad.IRI(strings.TrimSpace(req.Correction)))
	if err != nil {
		if errors.Is(err, graph.ErrNoCorrection) {
			return graph.Correction{}, "", fmt.Errorf("%w: %v", explore.ErrNotFound, err)
		}
		return graph.Correction{}, "", usagef("%v", err)
	}
	if target.Action == "undo" || target.UndoneBy != "" {
		why := "is an undo; make the correction again instead"
		if target.UndoneBy != "" {
			why = "was undone already by " + graph.ShortID(target.UndoneBy)
		}
		return graph.Correction{}, "", &conflictError{fmt.Sprintf("%s %s", graph.ShortID(target.ID), why)}
	}
	what := s.store.Facts().DescribeCorrection(ctx, target)
	corr, err := s.store.Undo(ctx, target.ID, who)
	if err != nil {
		return graph.Correction{}, "", err
	}
	return corr, fmt.Sprintf("undid %s %s (%s): correction %s", target.Action, graph.ShortID(target.ID), what, graph.ShortID(corr.ID)), nil
}
