package ingest

import (
	"context"
	"time"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
)

// DefaultWatchInterval is how often Watch polls its feeds unless told
// otherwise.
const DefaultWatchInterval = 15 * time.Minute

// WatchOptions tune Watch.
type WatchOptions struct {
	Load Options
	// Every is the time from the start of one round to the start of the
	// next; zero means DefaultWatchInterval.
	Every time.Duration
	// Rounds stops Watch after this many rounds; zero means until ctx is
	// cancelled.
	Rounds int
	// Round is told what each round did, once it is over.
	Round func(Round)
}

// Round is one poll of every feed.
type Round struct {
	N       int // 1 for the first round
	Started time.Time
	Summary Summary
	Err     error // a round that could not run at all (the store would not open)
}

// Watch polls urls (feeds, or any input Load reads) every opt.Every and
// loads what is new: each round is one Load, so articles already stored
// are skipped and the store changes only by new items. Between rounds the
// store is closed, so other kg commands can use it. Feeds that did not
// change since the last round (HTTP 304) are not read again. Network
// errors, bad items and a store that cannot be opened for a round are
// reported through opt.Round and the watch goes on; it ends when ctx is
// cancelled (or after opt.Rounds rounds) and returns the last round's
// summary.
func Watch(ctx context.Context, open func(context.Context) (*graph.Store, error), urls []string, opt WatchOptions) Summary {
	every := opt.Every
	if every <= 0 {
		every = DefaultWatchInterval
	}
	if opt.Load.Read.HTTP == nil {
		opt.Load.Read.HTTP = &loaders.HTTP{}
	}
	opt.Load.Read.HTTP.Conditional = true
	var last Summary
	for n := 1; ; n++ {
		r := Round{N: n, Started: time.Now()}
		store, err := open(ctx)
		if err != nil {
			r.Err = err
		} else {
			r.Summary, r.Err = Load(ctx, store, urls, opt.Load)
			if cerr := store.Close(); r.Err == nil {
				r.Err = cerr
			}
		}
		last = r.Summary
		if opt.Round != nil {
			opt.Round(r)
		}
		if ctx.Err() != nil || opt.Rounds > 0 && n >= opt.Rounds {
			return last
		}
		wait := time.Until(r.Started.Add(every))
		select {
		case <-ctx.Done():
			return last
		case <-time.After(wait):
		}
	}
}
