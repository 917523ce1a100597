package graph

import (
	"context"
	"runtime"
	"sync"
)

// Reading a fact costs a few index look-ups, most of them waiting on
// leveldb's blocks; long answers (every meeting of a month, of the store)
// are read on every core. readOrdered runs the reading of groups of nodes
// on several goroutines, each with a reader of its own, and hands the
// groups on in the order they were produced, so the answer's order and its
// streaming (the first group comes as soon as it is read) are kept.

// parallelFrom is the smallest number of nodes worth spreading over
// goroutines.
const parallelFrom = 64

// fork returns a Facts for another goroutine: its own reader and caches.
func (f *Facts) fork() *Facts {
	g := &Facts{r: newReader(f.r.qs, f.r.db, f.r.lvl), names: make(map[any]string, len(f.names)),
		id: f.id, arts: map[any]*articleInfo{}, shared: f.shared, forked: true, WithRetracted: f.WithRetracted, RolesOnly: f.RolesOnly}
	for k, v := range f.names {
		g.names[k] = v
	}
	return g
}

// readOrdered calls produce, on a goroutine of its own with a Facts of its
// own, to list groups of nodes (send may block, and fails once the reading
// stopped); reads each group with read (a method of Facts) on one of several goroutines; and
// calls emit with what each group gave, in the order the groups were sent,
// on the calling goroutine. It stops at the first error of any of them.
func readOrdered[In, Out any](ctx context.Context, f *Facts,
	produce func(ctx context.Context, f *Facts, send func([]In) error) error,
	read func(f *Facts, ctx context.Context, group []In) (Out, error),
	emit func(Out) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq   int
		group []In
	}
	type done struct {
		seq int
		out Out
		err error
	}
	// No group waits in a channel: at most one a worker is read ahead of
	// what has been emitted, so an answer stopped after its first page
	// (kg query on a terminal) has read little more than that page.
	workers := max(runtime.GOMAXPROCS(0), 1)
	jobs := make(chan job)
	results := make(chan done)
	var produceErr error
	var wg, readers sync.WaitGroup
	// A panic from emit (a script's exception, passed through, or the end
	// of a first page) leaves through here too: the goroutines are told to
	// stop and waited for, readers included, so that none is still reading
	// when the caller goes on to close the store.
	defer func() {
		cancel()
		wg.Wait()
		readers.Wait()
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		seq := 0
		produceErr = produce(ctx, f.fork(), func(group []In) error {
			select {
			case jobs <- job{seq, group}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	for range workers {
		readers.Add(1)
		go func() {
			defer readers.Done()
			wf := f.fork()
			for j := range jobs {
				out, err := read(wf, ctx, j.group)
				select {
				case results <- done{j.seq, out, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		readers.Wait()
		close(results)
	}()
	// Results come in any order; each waits here until those before it
	// have been emitted.
	next := 0
	early := map[int]done{}
	var err error
	for r := range results {
		if err != nil {
			continue // drain, so the workers end
		}
		early[r.seq] = r
		for {
			d, ok := early[next]
			if !ok {
				break
			}
			delete(early, next)
			next++
			if err = d.err; err == nil {
				err = emit(d.out)
			}
			if err != nil {
				cancel()
				break
			}
		}
	}
	wg.Wait()
	if err != nil {
		return err
	}
	if produceErr != nil {
		return produceErr
	}
	return ctx.Err()
}

// chunks sends xs in groups of at most size.
func chunks[T any](xs []T, size int, send func([]T) error) error {
	for len(xs) > 0 {
		n := min(size, len(xs))
		if err := send(xs[:n]); err != nil {
			return err
		}
		xs = xs[n:]
	}
	return nil
}

// firstRampedGroup is the size of the first group rampedChunks sends.
const firstRampedGroup = 4

// rampedChunks sends xs in groups that start small and double up to size,
// so that the first results of a long answer are read (and shown) before
// the reading gets going in large groups.
func rampedChunks[T any](xs []T, size int, send func([]T) error) error {
	n := min(firstRampedGroup, size)
	for len(xs) > 0 {
		k := min(n, len(xs))
		if err := send(xs[:k]); err != nil {
			return err
		}
		xs = xs[k:]
		n = min(2*n, size)
	}
	return nil
}
