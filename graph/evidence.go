package graph

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"

	"github.com/kg-project/kg/schema"
)

// Evidence is what one article says for a fact: the sentences that state
// it, the rules that found it, and where the article comes from. The
// reports of a fact (kg:source, kg:evidence, kg:rule) carry the article as
// their label (docs/schema.md), which is how sentences are tied to their
// article.
type Evidence struct {
	Article   string   // the article's id
	Outlet    string   // its publisher
	Headline  string   // its title
	URL       string   // its address, when it has one
	Locations []string // where it was read: file path (and line), or URL
	Published string   // its publication date, ISO
	Sentences []string // the sentences that state the fact
	Rules     []string // the extraction rules that found it
}

// Where says where the article can be read: its URL, else the place it was
// loaded from, else "".
func (e Evidence) Where() string {
	if e.URL != "" {
		return e.URL
	}
	if len(e.Locations) > 0 {
		return e.Locations[0]
	}
	return ""
}

// reports collects a fact node's reports from its quads, by article.
type reports struct {
	order []any // article keys, in the order first seen
	by    map[any]*report
}

type report struct {
	article   cgraph.Ref
	sentences []cgraph.Ref
	rules     []cgraph.Ref
	// texts are the sentences' texts, once readSentences read them.
	texts     []string
	textsRead bool
}

// see takes one report quad of the fact node (pred: reportSource,
// reportSentence or reportRule), filed under its label, the article.
func (rs *reports) see(pred int, q quadRefs) {
	if q.label == nil {
		return
	}
	k := cgraph.ToKey(q.label)
	if rs.by == nil {
		rs.by = map[any]*report{}
	}
	r := rs.by[k]
	if r == nil {
		r = &report{article: q.label}
		rs.by[k] = r
		rs.order = append(rs.order, k)
	}
	switch pred {
	case reportSentence:
		r.sentences = appendRef(r.sentences, q.obj)
	case reportRule:
		r.rules = appendRef(r.rules, q.obj)
	}
}

// Kinds of report quad, for reports.see.
const (
	reportSource = iota
	reportSentence
	reportRule
)

// values lists the refs of the rules evidence names, for one batched read
// into the reader's cache (the sentences are read by readSentences).
func (rs *reports) values() []cgraph.Ref {
	var out []cgraph.Ref
	for _, k := range rs.order {
		out = append(out, rs.by[k].rules...)
	}
	return out
}

// readSentences reads the sentences of all reports in one call, past the
// reader's cache: each sentence belongs to one fact and one article.
func (f *Facts) readSentences(ctx context.Context, all []reports) error {
	var lists [][]cgraph.Ref
	var to []*report
	for i := range all {
		for _, k := range all[i].order {
			r := all[i].by[k]
			lists = append(lists, r.sentences)
			to = append(to, r)
		}
	}
	texts, err := f.r.textsOnce(ctx, lists)
	if err != nil {
		return err
	}
	for i, r := range to {
		r.texts, r.textsRead = texts[i], true
	}
	return nil
}

func (rs *reports) articles() []cgraph.Ref {
	out := make([]cgraph.Ref, 0, len(rs.order))
	for _, k := range rs.order {
		out = append(out, rs.by[k].article)
	}
	return out
}

// articleInfo is what evidence says of an article.
type articleInfo struct {
	id, outlet, headline, url, published string
	locations                            []string
}

// sharedArticles remembers the articles read by any of the goroutines of
// one answer (Facts.fork), so that each article is read once, whichever
// goroutine meets it first. Past maxCachedValues it takes no more.
type sharedArticles struct {
	mu sync.RWMutex
	m  map[any]*articleInfo
	// filling is open while prefetchArticles reads every article into m:
	// the answer's other goroutines wait for it (awaitFill) instead of
	// reading the same articles a second time, out of order.
	filling chan struct{}
}

// startFill says that every article is being read into the cache; the
// returned function says that it is done, or given up.
func (s *sharedArticles) startFill() (done func()) {
	ch := make(chan struct{})
	s.mu.Lock()
	s.filling = ch
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		s.filling = nil
		s.mu.Unlock()
		close(ch)
	}
}

// awaitFill waits for the reading of every article, if one is under way,
// and reports whether it waited; it fails only when ctx ends.
func (s *sharedArticles) awaitFill(ctx context.Context) (bool, error) {
	s.mu.RLock()
	ch := s.filling
	s.mu.RUnlock()
	if ch == nil {
		return false, nil
	}
	select {
	case <-ch:
		return true, nil
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

func newSharedArticles() *sharedArticles {
	return &sharedArticles{m: map[any]*articleInfo{}}
}

// size is the number of articles held.
func (s *sharedArticles) size() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.m)
}

// take copies into into the articles among arts it holds.
func (s *sharedArticles) take(into map[any]*articleInfo, arts []cgraph.Ref) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, a := range arts {
		k := cgraph.ToKey(a)
		if info, ok := s.m[k]; ok {
			into[k] = info
		}
	}
}

func (s *sharedArticles) add(k any, info *articleInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.m) < maxCachedValues {
		s.m[k] = info
	}
}

// articleInfos reads the articles' metadata, remembering it for the life of
// the Facts: one scan of each article's quads not read yet by this Facts or
// another goroutine of the same answer.
func (f *Facts) articleInfos(ctx context.Context, arts []cgraph.Ref) error {
	if len(f.arts) > maxCachedValues {
		clear(f.arts)
	}
	missing := notIn(f.arts, arts)
	if len(missing) == 0 {
		return nil
	}
	f.shared.take(f.arts, missing)
	if missing = notIn(f.arts, missing); len(missing) == 0 {
		return nil
	}
	if !f.filler {
		waited, err := f.shared.awaitFill(ctx)
		if err != nil {
			return err
		}
		if waited {
			f.shared.take(f.arts, missing)
			if missing = notIn(f.arts, missing); len(missing) == 0 {
				return nil
			}
		}
	}
	return f.readArticlesSpread(ctx, missing)
}

// articlesSpreadFrom is the number of articles from which an answer read
// on one goroutine reads them on every core: the reports of an office or
// an event a few thousand articles repeat, each article a block of its own.
var articlesSpreadFrom = 512

// readArticlesSpread reads the metadata of articles in no cache, in parts
// on every core when they are many and f is not already one of several
// goroutines of the answer (Facts.forked).
func (f *Facts) readArticlesSpread(ctx context.Context, missing []cgraph.Ref) error {
	workers := runtime.GOMAXPROCS(0)
	if f.forked || workers < 2 || len(missing) < articlesSpreadFrom {
		return f.readArticleInfos(ctx, missing)
	}
	size := (len(missing) + workers - 1) / workers
	errs := make([]error, workers)
	forks := make([]*Facts, workers)
	var wg sync.WaitGroup
	for i := 1; i < workers && i*size < len(missing); i++ {
		forks[i] = f.fork()
		part := missing[i*size : min((i+1)*size, len(missing))]
		wg.Go(func() { errs[i] = forks[i].readArticleInfos(ctx, part) })
	}
	errs[0] = f.readArticleInfos(ctx, missing[:size])
	wg.Wait()
	for _, g := range forks {
		if g != nil {
			maps.Copy(f.arts, g.arts)
		}
	}
	return errors.Join(errs...)
}

// readArticleInfos reads the metadata of articles in no cache.
func (f *Facts) readArticleInfos(ctx context.Context, missing []cgraph.Ref) error {
	const (
		id = iota
		outlet
		headline
		url
		published
		location
	)
	keys := f.r.predKeys(schema.ID, schema.Publisher, schema.Headline, schema.URL, schema.Published, schema.Location)
	found := make([][6][]cgraph.Ref, len(missing))
	err := f.r.outQuads(ctx, missing, keys, func(i int, q quadRefs) error {
		if k, ok := keys[cgraph.ToKey(q.pred)]; ok {
			found[i][k] = appendRef(found[i][k], q.obj)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Publishers and publication dates repeat from article to article and
	// are read through the reader's cache; the rest are the article's own.
	shared := func(k int) bool { return k == outlet || k == published }
	var cached []cgraph.Ref
	var own [][]cgraph.Ref
	for i := range found {
		for k := range found[i] {
			if shared(k) {
				cached = append(cached, found[i][k]...)
			} else {
				own = append(own, found[i][k])
			}
		}
	}
	if _, err := f.r.valuesOf(ctx, cached); err != nil {
		return err
	}
	texts, err := f.r.textsOnce(ctx, own)
	if err != nil {
		return err
	}
	for i, a := range missing {
		var text [6][]string
		for k := range found[i] {
			if shared(k) {
				if text[k], err = f.r.strs(ctx, found[i][k]); err != nil {
					return err
				}
			} else {
				text[k], texts = texts[0], texts[1:]
			}
			sort.Strings(text[k])
		}
		info := &articleInfo{id: longestText(text[id]), outlet: longestText(text[outlet]), headline: longestText(text[headline]),
			url: longestText(text[url]), published: firstText(text[published]), locations: text[location]}
		if info.id == "" {
			iri, err := f.r.iri(ctx, a)
			if err != nil {
				return err
			}
			info.id = schema.ArticleID(iri)
		}
		f.arts[cgraph.ToKey(a)] = info
		f.shared.add(cgraph.ToKey(a), info)
	}
	return nil
}

// firstText is the smallest of vals ("" for none): the earliest of dates.
func firstText(vals []string) string {
	if len(vals) == 0 {
		return ""
	}
	return vals[0]
}

// evidence builds the evidence of one or more fact nodes' reports (their
// values and articles already read), one record an article, oldest
// article first.
func (f *Facts) evidence(ctx context.Context, all ...*reports) ([]Evidence, error) {
	byArticle := map[string]*Evidence{}
	var out []*Evidence
	for _, rs := range all {
		for _, k := range rs.order {
			r := rs.by[k]
			info := f.arts[k]
			if info == nil {
				continue // labelled by no article (a correction)
			}
			e := byArticle[info.id]
			if e == nil {
				e = &Evidence{Article: info.id, Outlet: info.outlet, Headline: info.headline, URL: info.url,
					Locations: info.locations, Published: info.published}
				byArticle[info.id] = e
				out = append(out, e)
			}
			sentences := r.texts
			if !r.textsRead {
				var err error
				if sentences, err = f.r.strs(ctx, r.sentences); err != nil {
					return nil, err
				}
			}
			rules, err := f.r.strs(ctx, r.rules)
			if err != nil {
				return nil, err
			}
			e.Sentences = appendNewStrings(e.Sentences, sentences...)
			e.Rules = appendNewStrings(e.Rules, rules...)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		return a.Article < b.Article
	})
	ev := make([]Evidence, len(out))
	for i, e := range out {
		sort.Strings(e.Rules)
		ev[i] = *e
	}
	return ev, nil
}

// appendNewStrings appends the xs not in list yet.
func appendNewStrings(list []string, xs ...string) []string {
	for _, x := range xs {
		if x != "" && !containsString(list, x) {
			list = append(list, x)
		}
	}
	return list
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// sourcesOf lists the ids of the articles behind evidence, sorted.
func sourcesOf(ev []Evidence) []string {
	ids := make([]string, len(ev))
	for i, e := range ev {
		ids[i] = e.Article
	}
	sort.Strings(ids)
	return uniqueStrings(ids)
}

// prefetchAfter is how long an answer runs before prefetchArticles starts
// reading: a first page is done by then and reads only its own articles.
const prefetchAfter = 500 * time.Millisecond

// prefetchChunk is how many articles prefetchArticles reads at a time (a
// variable for the tests).
var prefetchChunk = 4096

// prefetchArticles reads, on goroutines of its own (one a core), what
// the evidence of an answer shows of every article (outlet, headline,
// address, date, locations) into the answer's shared cache, in the order
// the articles were written. The profiles of every person show the
// evidence of most articles; read one group of people at a time, the
// articles of a group are spread over the whole log and each costs reads
// of its own, where read in order neighbouring articles share them. While
// it reads, the answer's other goroutines wait for it when they need an
// article (sharedArticles.awaitFill) rather than read it twice. Every
// meeting, newest first, meets its articles in about the order they were
// written and gains nothing. It starts after prefetchAfter, and only on
// leveldb and when every article fits in the cache; stop ends it and waits
// for it.
func (f *Facts) prefetchArticles(ctx context.Context) (stop func()) {
	if f.r.lvl == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	g := f.fork()
	go func() {
		defer close(done)
		select {
		case <-ctx.Done():
			return
		case <-time.After(prefetchAfter):
		}
		arts, err := g.r.indexedSubjects(ctx, g.r.ref(schema.ClassArticle), schema.Type)
		if err != nil || len(arts) > maxCachedValues {
			return // the answer reads its articles itself
		}
		slices.SortFunc(arts, func(a, b cgraph.Ref) int { return cmp.Compare(a.(kv.Int64Value), b.(kv.Int64Value)) })
		filled := f.shared.startFill()
		defer filled()
		var next atomic.Int64 // the next chunk to read
		var readers sync.WaitGroup
		for range max(runtime.GOMAXPROCS(0), 1) {
			readers.Add(1)
			go func() {
				defer readers.Done()
				r := g.fork()
				r.filler = true
				for ctx.Err() == nil {
					from := int(next.Add(1)-1) * prefetchChunk
					if from >= len(arts) {
						return
					}
					if r.articleInfos(ctx, arts[from:min(from+prefetchChunk, len(arts))]) != nil {
						return
					}
					clear(r.arts) // they are in the shared cache
				}
			}()
		}
		readers.Wait()
	}()
	return func() {
		cancel()
		<-done
	}
}
