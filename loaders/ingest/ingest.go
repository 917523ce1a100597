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
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"golang.org/x/sync/semaphore"

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
	// Problem is told about each input that could not be read, and each
	// article whose text extraction cut; it may be nil. It is called one
	// call at a time.
	Problem func(loaders.Problem)
	// Progress is called after each article is read with the number read
	// so far; it may be nil. It is called from the reading goroutine.
	Progress func(read int)
	// Extract finds an article's facts; nil means the extractor
	// (extract.ExtractContext), whose notes (a text cut at its limit) are
	// told to Problem as warnings. Tests set it to load known facts
	// independently of the extractor.
	Extract func(extract.Document) schema.Facts
	// ExtractGrace is how long the extraction of articles already read
	// goes on after ctx ends, so that they are stored; an extraction still
	// running then (a long article takes a second or two at most) is
	// stopped, and its article is told to Problem and not stored. 0 means
	// DefaultExtractGrace; negative, none.
	ExtractGrace time.Duration
}

// DefaultExtractGrace is Options.ExtractGrace's default.
const DefaultExtractGrace = time.Second

// Summary counts what a load did.
type Summary struct {
	Articles   int // articles written by this load
	Duplicates int // articles skipped because they were already stored (or repeated in the input)
	// Copies counts articles that were another copy of a story stored
	// from elsewhere (same URL or same text): only where they were read
	// was added to the stored article.
	Copies   int
	Problems int // inputs, or parts of them, that could not be read
	Warnings int // things read after a repair, or passed over on purpose
	// Languages counts the articles skipped for not being in English, by
	// language code.
	Languages map[string]int
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
	out := fmt.Sprintf("%s, %d people, %d meetings, %d roles, %d events, %d quads in %.2fs",
		count(s.Articles, "article"), s.People, s.Meetings, s.Roles, s.Events, s.Quads, s.Elapsed.Seconds())
	if s.Duplicates > 0 {
		out += fmt.Sprintf("; %d already stored", s.Duplicates)
	}
	if s.Copies > 0 {
		out += fmt.Sprintf("; %s of stories stored from elsewhere (same URL or text), kept as further locations", count(s.Copies, "copy"))
	}
	if note := loaders.DescribeLanguages(s.Languages); note != "" {
		out += "; " + note
	}
	if s.Problems > 0 {
		out += fmt.Sprintf("; %s (see messages above)", count(s.Problems, "error"))
	}
	if s.Warnings > 0 {
		out += fmt.Sprintf("; %s", count(s.Warnings, "warning"))
	}
	return out
}

// count writes a number with its noun, "1 article" or "2 articles".
func count(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
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
	var sum Summary
	// Writes of the last batch must go through after a cancel, so the
	// writer uses a context that is never cancelled; reading stops on ctx.
	writeCtx := context.WithoutCancel(ctx)
	before, err := store.ExactQuadCount(writeCtx)
	if err != nil {
		return sum, err
	}
	// The calendar lists the dates of the facts written below; a store
	// made before kg kept one gets it first (graph.RebuildCalendar).
	if err := store.EnsureCalendar(ctx); err != nil {
		return sum, err
	}
	// Joins of people are listed where readers find them (a store an older
	// kg's kg alias wrote lists them here, once).
	if err := store.EnsureIdentity(ctx); err != nil {
		return sum, err
	}
	// A correction stopped half way (kg killed during kg alias, split,
	// retract or an undo) is finished first.
	if err := store.Reconcile(ctx); err != nil {
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
	readErr, problems, warnings, languages := p.wait()

	sum.Articles = w.articles
	sum.Duplicates = w.duplicates
	sum.Copies = w.copies
	sum.Problems = problems
	sum.Warnings = warnings
	sum.Languages = languages
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
// An article the reader found stored already (by id or URL) is not
// extracted: dup names the stored article and quads is nil.
type extracted struct {
	seq   int
	id    string
	art   schema.Article // without its text
	keys  []string
	dup   quad.IRI
	quads []quad.Quad
	// stopped is set when extraction was stopped (an interrupt): the
	// article is neither written nor counted.
	stopped bool
}

// batchWriter collects extracted articles and writes them a batch at a
// time, each batch one transaction.
type batchWriter struct {
	store *graph.Store
	ctx   context.Context
	size  int
	once  *knownTriples

	pending []extracted

	articles, duplicates, copies    int
	people, meetings, roles, events int
}

func (w *batchWriter) add(r extracted) error {
	if r.stopped {
		return nil
	}
	w.pending = append(w.pending, r)
	if len(w.pending) >= w.size {
		return w.flush()
	}
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

	readErr   error
	problems  int
	warnings  int
	languages map[string]int

	// problemMu lets the reader and the extractors tell problems one at a
	// time.
	problemMu sync.Mutex
	problem   func(loaders.Problem)
}

// tell counts a problem and passes it on.
func (p *pipeline) tell(pr loaders.Problem) {
	p.problemMu.Lock()
	defer p.problemMu.Unlock()
	if pr.Warning {
		p.warnings++
	} else {
		p.problems++
	}
	if p.problem != nil {
		p.problem(pr)
	}
}

// extractor returns the function that finds an article's facts: opt's, or
// the extractor, which stops opt.ExtractGrace after ctx ends; false when it
// was stopped.
func (p *pipeline) extractor(ctx context.Context, opt Options) func(a schema.Article) (schema.Facts, bool) {
	if opt.Extract != nil {
		return func(a schema.Article) (schema.Facts, bool) {
			return opt.Extract(extract.Document{ID: a.ID, Text: a.Text, Published: a.Published}), true
		}
	}
	xctx, stop := context.WithCancel(context.WithoutCancel(ctx))
	go func() {
		select {
		case <-ctx.Done():
			switch {
			case opt.ExtractGrace == 0:
				time.Sleep(DefaultExtractGrace)
			case opt.ExtractGrace > 0:
				time.Sleep(opt.ExtractGrace)
			}
		case <-p.done:
		}
		stop()
	}()
	return func(a schema.Article) (schema.Facts, bool) {
		var f schema.Facts
		err := xctx.Err()
		if err == nil {
			f, err = extract.ExtractContext(xctx, extract.Document{ID: a.ID, Text: a.Text, Published: a.Published}, extract.Options{})
		}
		where := loaders.Problem{Path: a.Origin, Warning: true}
		if where.Path == "" {
			where.Path = a.ID
		}
		switch {
		case xctx.Err() != nil:
			where.Err, where.Warning = fmt.Errorf("article %s: extraction stopped by the interrupt; not stored (load again to add it)", a.ID), false
			p.tell(where)
			return f, false
		case err != nil:
			where.Err = fmt.Errorf("article %s: %w; stored without facts", a.ID, err)
			p.tell(where)
		}
		for _, note := range f.Notes {
			where.Err = fmt.Errorf("article %s: %s", a.ID, note)
			p.tell(where)
		}
		return f, true
	}
}

// extractBudget bounds the bytes of text being extracted at once, across
// all workers: one article at the size limit (loaders.MaxArticleSize), or
// thousands of ordinary ones.
const extractBudget = loaders.MaxArticleSize

// checkChunk is how many articles the reader collects before asking the
// store which of them it already holds, so stored articles are not
// extracted again when a load is re-run.
const checkChunk = 256

func newPipeline(ctx context.Context, store *graph.Store, paths []string, opt Options) *pipeline {
	ctx, cancel := context.WithCancel(ctx)
	// The output holds a whole batch, so that the next batch is extracted
	// while the writer writes this one.
	p := &pipeline{ctx: ctx, cancel: cancel, out: make(chan extracted, opt.BatchSize), done: make(chan struct{}), languages: map[string]int{}, problem: opt.Problem}
	extractFacts := p.extractor(ctx, opt)
	type job struct {
		seq int
		a   schema.Article
		dup quad.IRI // the stored article a is a copy of, found by the reader
	}
	jobs := make(chan job, opt.Workers*4)
	unordered := make(chan extracted, opt.Workers*4)

	// The reader's early check runs while the writer writes; Cayley's
	// memory store is not safe for that, and is never large anyway.
	precheck := store.Backend() != graph.BackendMemory

	// Reader: streams articles, marks those already stored (by id or URL)
	// so they are not extracted again, numbers them in reading order.
	go func() {
		defer close(jobs)
		seq, read := 0, 0
		var chunk []schema.Article
		// Articles read are always handed on, even after a cancel: the
		// workers drain jobs until it is closed, and what was read before
		// Ctrl+C (a slow producer's last records) is stored.
		lookups := context.WithoutCancel(ctx)
		send := func() error {
			if len(chunk) == 0 {
				return nil
			}
			dups := make([]quad.IRI, len(chunk))
			if precheck {
				var err error
				if dups, err = storedCopies(lookups, store, chunk); err != nil {
					return err
				}
			}
			for i, a := range chunk {
				jobs <- job{seq: seq, a: a, dup: dups[i]}
				seq++
			}
			chunk = chunk[:0]
			return nil
		}
		read0 := opt.Read
		read0.Skipped = func(s loaders.Skip) {
			p.languages[s.Article.Language]++
			if opt.Read.Skipped != nil {
				opt.Read.Skipped(s)
			}
		}
		err := loaders.Walk(ctx, paths, read0, func(a schema.Article) error {
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
		}, p.tell)
		if serr := send(); err == nil {
			err = serr
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			p.readErr = err
		}
	}()

	// Extractors: one per core. Extraction of a job already taken is
	// finished even after a cancel, so that no read article is half done.
	workersDone := make(chan struct{})
	// Extraction needs memory in proportion to the text (about 70 times
	// its size for a long one): the texts being extracted at once are held
	// to extractBudget bytes together, so a few articles near the size
	// limit are extracted one at a time while ordinary ones still run on
	// every core.
	budget := semaphore.NewWeighted(extractBudget)
	for range opt.Workers {
		go func() {
			defer func() { workersDone <- struct{}{} }()
			for j := range jobs {
				r := extracted{seq: j.seq, id: j.a.ID, dup: j.dup}
				if j.dup != "" {
					r.keys = j.a.Keys()
				} else {
					weight := min(int64(len(j.a.Text)), extractBudget)
					budget.Acquire(context.Background(), weight)
					f, ok := extractFacts(j.a)
					budget.Release(weight)
					if !ok {
						r.stopped = true
						unordered <- r
						continue
					}
					if f.Source == "" {
						f.Source = j.a.Source
					}
					r.quads = schema.Quads(j.a, f)
					r.keys = keysIn(r.quads) // computed once, by Quads
				}
				r.art = j.a
				r.art.Text = "" // not needed any more; a batch holds many
				unordered <- r
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
func (p *pipeline) wait() (readErr error, problems, warnings int, languages map[string]int) {
	<-p.done
	p.cancel()
	return p.readErr, p.problems, p.warnings, p.languages
}

// keysIn returns the kg:articleKey values of an article's quads.
func keysIn(quads []quad.Quad) []string {
	var keys []string
	for _, q := range quads {
		if q.Predicate == schema.ArticleKey {
			if s, ok := q.Object.(quad.String); ok {
				keys = append(keys, string(s))
			}
		}
	}
	return keys
}

// storedCopies returns, for each article, the stored article it is a copy
// of by id or by URL, or "". Copies by text are found when the batch is
// written (flush), once the workers have fingerprinted the texts.
func storedCopies(ctx context.Context, store *graph.Store, chunk []schema.Article) ([]quad.IRI, error) {
	dups := make([]quad.IRI, len(chunk))
	ids := make([]string, len(chunk))
	var urls []string
	var urlOf []int
	for i, a := range chunk {
		ids[i] = a.ID
		if u := schema.NormalizeURL(a.URL); u != "" {
			urls = append(urls, schema.URLKeyPrefix+u)
			urlOf = append(urlOf, i)
		}
	}
	stored, err := store.HasArticles(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, ok := range stored {
		if ok {
			dups[i] = schema.ArticleIRI(chunk[i].ID)
		}
	}
	found, err := store.ArticlesByKey(ctx, urls)
	if err != nil {
		return nil, err
	}
	for j, iri := range found {
		if i := urlOf[j]; iri != "" && dups[i] == "" {
			dups[i] = iri
		}
	}
	return dups, nil
}

// InterruptedMessage is what to tell a user whose load was interrupted.
func InterruptedMessage(s Summary) string {
	return fmt.Sprintf("interrupted after %d articles; run the same load again to finish", s.Articles)
}
