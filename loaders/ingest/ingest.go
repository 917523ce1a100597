// Package ingest is kg's load pipeline: it streams articles from files
// (loaders.Walk), extracts their facts on every core, turns them into quads
// and writes them to the store in large transactions that hold only whole
// articles, skipping articles the store already has. Memory stays bounded
// whatever the corpus size: every stage is joined to the next by a bounded
// channel, and nothing is remembered across batches but counters and a
// bounded set of hashes of the node descriptions already stored (once.go),
// which spares a look-up for every repeat of a well-known person.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/loaders"
	"github.com/kg-project/kg/loaders/extract"
	"github.com/kg-project/kg/schema"
)

// DefaultBatchSize is the number of articles written per transaction when
// Options leaves it at zero; docs/performance.md shows how it was chosen.
const DefaultBatchSize = 2000

// Options tune a load.
type Options struct {
	// Read applies to every article read (default date and publisher).
	Read loaders.Options
	// BatchSize is the most articles written in one transaction; zero
	// means DefaultBatchSize.
	BatchSize int
	// Workers is the number of extraction goroutines; zero means
	// runtime.GOMAXPROCS(0), one per core.
	Workers int
	// Problem is told about each input that could not be read; it may be
	// nil. It is called from the reading goroutine, one call at a time.
	Problem func(loaders.Problem)
	// Progress is called after each article is read with the number read
	// so far; it may be nil. It is called from the reading goroutine.
	Progress func(read int)
	// Extract finds an article's facts; nil means extract.Extract. Tests
	// set it to load known facts independently of the extractor.
	Extract func(extract.Document) schema.Facts
}

// Summary counts what a load did.
type Summary struct {
	Articles   int // articles written by this load
	Duplicates int // articles skipped because they were already stored (or repeated in the input)
	Problems   int // inputs that could not be read
	// People, Meetings, Roles and Events count the nodes of each class
	// this load added to the store; ones already there are not counted.
	People, Meetings, Roles, Events int
	Quads                           int64 // quads added to the store
	Elapsed                         time.Duration
	// Interrupted is set when the context was cancelled: the batch in
	// progress was finished and the load stopped.
	Interrupted bool
}

func (s Summary) String() string {
	out := fmt.Sprintf("%d articles, %d people, %d meetings, %d roles, %d events, %d quads in %.2fs",
		s.Articles, s.People, s.Meetings, s.Roles, s.Events, s.Quads, s.Elapsed.Seconds())
	if s.Duplicates > 0 {
		out += fmt.Sprintf("; %d already stored", s.Duplicates)
	}
	if s.Problems > 0 {
		out += fmt.Sprintf("; %d skipped (see messages above)", s.Problems)
	}
	return out
}

// Load reads every article under paths, extracts its facts and writes
// them to store. It returns what it did even when it fails part way; every
// article counted in the summary is stored.
//
// When ctx is cancelled Load stops reading, writes the articles it had
// already extracted (whole articles only), and returns the summary with
// Interrupted set and an error wrapping context.Canceled.
func Load(ctx context.Context, store *graph.Store, paths []string, opt Options) (Summary, error) {
	start := time.Now()
	if opt.BatchSize <= 0 {
		opt.BatchSize = DefaultBatchSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.Extract == nil {
		opt.Extract = extract.Extract
	}
	var sum Summary
	// Writes of the last batch must go through after a cancel, so the
	// writer uses a context that is never cancelled; reading stops on ctx.
	writeCtx := context.WithoutCancel(ctx)
	before, err := store.ExactQuadCount(writeCtx)
	if err != nil {
		return sum, err
	}

	p := newPipeline(ctx, store, paths, opt)
	w := &batchWriter{store: store, ctx: writeCtx, size: opt.BatchSize, once: newKnownTriples(store)}
	var writeErr error
	for r := range p.results() {
		if writeErr != nil {
			continue // drain so the other stages can stop
		}
		if err := w.add(r); err != nil {
			writeErr = err
			p.stop()
		}
	}
	if writeErr == nil {
		writeErr = w.flush()
	}
	readErr, problems, skipped := p.wait()

	sum.Articles = w.articles
	sum.Duplicates = skipped + w.duplicates
	sum.Problems = problems
	sum.People, sum.Meetings, sum.Roles, sum.Events = w.people, w.meetings, w.roles, w.events
	if after, err := store.ExactQuadCount(writeCtx); err == nil {
		sum.Quads = after - before
	}
	sum.Elapsed = time.Since(start)

	switch {
	case writeErr != nil:
		return sum, writeErr
	case ctx.Err() != nil:
		sum.Interrupted = true
		return sum, fmt.Errorf("load interrupted after %d articles: %w", sum.Articles, ctx.Err())
	case readErr != nil:
		return sum, readErr
	}
	return sum, nil
}

// extracted is one article after extraction, numbered in reading order.
type extracted struct {
	seq   int
	id    string
	quads []quad.Quad
}

// batchWriter collects extracted articles and writes them a batch at a
// time, each batch one transaction.
type batchWriter struct {
	store *graph.Store
	ctx   context.Context
	size  int
	once  *knownTriples

	pending []extracted

	articles, duplicates            int
	people, meetings, roles, events int
}

func (w *batchWriter) add(r extracted) error {
	w.pending = append(w.pending, r)
	if len(w.pending) >= w.size {
		return w.flush()
	}
	return nil
}

// flush writes the pending articles that the store does not hold yet.
// The existence check here, just before the write, is the authoritative
// one: the reader's early check may miss an article written since.
func (w *batchWriter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	defer func() { w.pending = w.pending[:0] }()
	ids := make([]string, len(w.pending))
	for i, r := range w.pending {
		ids[i] = r.id
	}
	stored, err := w.store.HasArticles(w.ctx, ids)
	if err != nil {
		return err
	}
	inBatch := make(map[string]bool, len(w.pending))
	var quads []quad.Quad
	n := 0
	for i, r := range w.pending {
		if stored[i] || inBatch[r.id] {
			w.duplicates++
			continue
		}
		inBatch[r.id] = true
		quads = append(quads, r.quads...)
		n++
	}
	if n == 0 {
		return nil
	}
	// Land the batch's people on those already known: people merged by
	// kg alias, and one-word names ("Rouhani") of a person stored or named
	// in this batch in full ("Hassan Rouhani").
	quads, err = w.store.Redirect(w.ctx, quads)
	if err != nil {
		return fmt.Errorf("resolve people: %w", err)
	}
	quads, remember, err := w.once.filter(w.ctx, quads)
	if err != nil {
		return fmt.Errorf("skip repeated descriptions: %w", err)
	}
	counts := countNew(quads)
	if err := w.store.Write(w.ctx, quads); err != nil {
		return fmt.Errorf("write %d articles: %w", n, err)
	}
	remember()
	w.articles += n
	w.people += counts[schema.ClassPerson]
	w.meetings += counts[schema.ClassMeeting]
	w.roles += counts[schema.ClassOffice]
	w.events += counts[schema.ClassEvent]
	return nil
}

// countNew counts, per class, the nodes that quads give a type. Run on a
// batch after knownTriples.filter, which keeps a node's rdf:type quad only
// when the store does not hold it yet, that is the nodes the batch adds.
func countNew(quads []quad.Quad) map[quad.IRI]int {
	counts := map[quad.IRI]int{}
	for _, q := range quads {
		if q.Predicate != schema.Type {
			continue
		}
		if class, ok := q.Object.(quad.IRI); ok && class != schema.ClassArticle {
			counts[class]++
		}
	}
	return counts
}

// pipeline runs the reading and extraction stages.
type pipeline struct {
	ctx    context.Context
	cancel context.CancelFunc
	out    chan extracted
	done   chan struct{}

	readErr  error
	problems int
	skipped  int
}

// checkChunk is how many articles the reader collects before asking the
// store which of them it already holds, so stored articles are not
// extracted again when a load is re-run.
const checkChunk = 256

func newPipeline(ctx context.Context, store *graph.Store, paths []string, opt Options) *pipeline {
	ctx, cancel := context.WithCancel(ctx)
	// The output holds a whole batch, so that the next batch is extracted
	// while the writer writes this one.
	p := &pipeline{ctx: ctx, cancel: cancel, out: make(chan extracted, opt.BatchSize), done: make(chan struct{})}
	type job struct {
		seq int
		a   schema.Article
	}
	jobs := make(chan job, opt.Workers*4)
	unordered := make(chan extracted, opt.Workers*4)

	// The reader's early check runs while the writer writes; Cayley's
	// memory store is not safe for that, and is never large anyway.
	precheck := store.Backend() != graph.BackendMemory

	// Reader: streams articles, drops those already stored, numbers the
	// rest in reading order.
	go func() {
		defer close(jobs)
		seq, read := 0, 0
		var chunk []schema.Article
		send := func() error {
			if len(chunk) == 0 {
				return nil
			}
			stored := make([]bool, len(chunk))
			if precheck {
				ids := make([]string, len(chunk))
				for i, a := range chunk {
					ids[i] = a.ID
				}
				var err error
				if stored, err = store.HasArticles(ctx, ids); err != nil {
					return err
				}
			}
			for i, a := range chunk {
				if stored[i] {
					p.skipped++
					continue
				}
				select {
				case jobs <- job{seq: seq, a: a}:
					seq++
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			chunk = chunk[:0]
			return nil
		}
		err := loaders.Walk(ctx, paths, opt.Read, func(a schema.Article) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			read++
			if opt.Progress != nil {
				opt.Progress(read)
			}
			chunk = append(chunk, a)
			if len(chunk) >= checkChunk {
				return send()
			}
			return nil
		}, func(pr loaders.Problem) {
			p.problems++
			if opt.Problem != nil {
				opt.Problem(pr)
			}
		})
		if err == nil {
			err = send()
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			p.readErr = err
		}
	}()

	// Extractors: one per core. Extraction of a job already taken is
	// finished even after a cancel, so that no read article is half done.
	workersDone := make(chan struct{})
	for range opt.Workers {
		go func() {
			defer func() { workersDone <- struct{}{} }()
			for j := range jobs {
				f := opt.Extract(extract.Document{ID: j.a.ID, Text: j.a.Text, Published: j.a.Published})
				if f.Source == "" {
					f.Source = j.a.Source
				}
				unordered <- extracted{seq: j.seq, id: j.a.ID, quads: schema.Quads(j.a, f)}
			}
		}()
	}
	go func() {
		for range opt.Workers {
			<-workersDone
		}
		close(unordered)
	}()

	// Orderer: hands results on in reading order, so batches (and so the
	// transactions) are the same from run to run. Out-of-order results wait
	// in a map bounded by the number of articles in flight.
	go func() {
		defer close(p.done)
		defer close(p.out)
		next := 0
		early := map[int]extracted{}
		for r := range unordered {
			early[r.seq] = r
			for {
				e, ok := early[next]
				if !ok {
					break
				}
				delete(early, next)
				next++
				p.out <- e
			}
		}
	}()
	return p
}

func (p *pipeline) results() <-chan extracted { return p.out }

// stop makes the reader stop early, after a write failed.
func (p *pipeline) stop() { p.cancel() }

// wait returns once every stage has finished, with the reader's error and
// counts.
func (p *pipeline) wait() (readErr error, problems, skipped int) {
	<-p.done
	p.cancel()
	return p.readErr, p.problems, p.skipped
}

// InterruptedMessage is what to tell a user whose load was interrupted.
func InterruptedMessage(s Summary) string {
	return fmt.Sprintf("interrupted after %d articles; run the same load again to finish", s.Articles)
}
