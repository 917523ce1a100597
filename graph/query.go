package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// Query limits used when QueryOptions leaves them at zero.
const (
	DefaultQueryTimeout = 30 * time.Second
	DefaultQueryLimit   = 10000
)

// QueryOptions bound a Gizmo script.
type QueryOptions struct {
	// Limit is the most results the script may emit; beyond it the script
	// is stopped. Negative means no limit; zero means DefaultQueryLimit.
	Limit int
	// Timeout stops a script that runs longer; zero means
	// DefaultQueryTimeout, negative means no limit.
	Timeout time.Duration
	// Args are made available to the script as the object `args`.
	Args map[string]string
}

// ErrQueryTimeout is returned when a script exceeds its time limit.
var ErrQueryTimeout = errors.New("query stopped: time limit reached")

// Query runs a Gizmo script and calls fn with each result, in JSON form:
// a map for a path's tags, or whatever the script passed to g.Emit. The
// Gizmo environment has no file system or network access; a script that
// loops forever is interrupted at the time limit.
func (s *Store) Query(ctx context.Context, script string, opt QueryOptions, fn func(result any) error) error {
	limit := opt.Limit
	if limit == 0 {
		limit = DefaultQueryLimit
	} else if limit < 0 {
		limit = 0
	}
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = DefaultQueryTimeout
	}
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	prelude, err := argsPrelude(opt.Args)
	if err != nil {
		return err
	}
	ses := gizmo.NewSession(s.qs)
	it, err := ses.Execute(ctx, prelude+script, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	err = it.Err()
	if errors.Is(err, context.DeadlineExceeded) || (err != nil && ctx.Err() == context.DeadlineExceeded) {
		return fmt.Errorf("%w (%s)", ErrQueryTimeout, timeout)
	}
	if err != nil && ctx.Err() == context.Canceled {
		return context.Canceled
	}
	return err
}

// argsPrelude declares `args` for a script. It is kept on the script's first
// line so Gizmo's line numbers in error messages stay those of the script.
func argsPrelude(args map[string]string) (string, error) {
	if args == nil {
		args = map[string]string{}
	}
	b, err := json.Marshal(args)
	if err != nil {
		return "", fmt.Errorf("encode query args: %w", err)
	}
	return "var args = " + string(b) + "; ", nil
}
