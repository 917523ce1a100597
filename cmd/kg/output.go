package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/kg-project/kg/cmd/kg/internal/jsonout"
	"github.com/kg-project/kg/graph"
)

// Output formats of query-like commands.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// Query results are printed as they come, in every format, so that the
// first rows of a long answer appear at once and memory does not grow with
// the answer. Tables and CSV need their columns before the first row: they
// take them from a first block of results (blockRows, or whatever came in
// blockWait), and later blocks keep those columns; a field first seen after
// the header is reported at the end rather than dropped silently.

const (
	blockRows = 64
	blockWait = 150 * time.Millisecond
	// maxCell is the widest a list is shown in a table cell; the rest is
	// counted ("… +12 more"). JSON and CSV always hold everything.
	maxCell = 72
)

// resultWriter prints query results one at a time.
type resultWriter interface {
	// add prints (or holds for its block) one result.
	add(r any) error
	// close prints what is held and the closing lines; shown counts the
	// results printed.
	close() (shown int, err error)
}

// outputOptions say how results are shown.
type outputOptions struct {
	// page prints a table in one block, aligned as a whole (a terminal
	// page).
	page bool
	// evidence prints, under each row of a table, the sentences and
	// sources of the row's evidence in full.
	evidence bool
	marker   marker // how names are picked out of sentences
}

// newResultWriter returns a writer of results in format.
func newResultWriter(w io.Writer, format string, opt outputOptions) (resultWriter, error) {
	page := opt.page
	switch format {
	case formatJSON:
		return &jsonWriter{w: w}, nil
	case formatCSV:
		b := &blocks{}
		b.flushFn = func(rows []any) error { return b.writeCSV(w, rows) }
		b.start()
		return b, nil
	case formatTable, "":
		b := &blocks{table: true, page: page, evidence: opt.evidence, marker: opt.marker}
		b.flushFn = func(rows []any) error { return b.writeTable(w, rows) }
		if !page {
			b.start()
		}
		b.footer = func(n int) error {
			if n == 0 {
				_, err := fmt.Fprintln(w, "(no results)")
				return err
			}
			noun := "results"
			if n == 1 {
				noun = "result"
			}
			_, err := fmt.Fprintf(w, "(%d %s)\n", n, noun)
			return err
		}
		return b, nil
	}
	return nil, fmt.Errorf("unknown format %q (choose table, json or csv)", format)
}

// jsonWriter prints a JSON array, one element as each result comes,
// indented, without escaping HTML. Each result is encoded compactly and
// then indented (jsonout.AppendIndent), in buffers kept from one result
// to the next.
type jsonWriter struct {
	w       io.Writer
	n       int
	enc     *json.Encoder // writes compact JSON to compact
	compact bytes.Buffer
	out     []byte
}

func (j *jsonWriter) add(r any) error {
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.compact)
		j.enc.SetEscapeHTML(false)
	}
	j.compact.Reset()
	if err := j.enc.Encode(r); err != nil {
		return fmt.Errorf("encode result: %w", err)
	}
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	j.n++
	j.out = append(j.out[:0], sep...)
	j.out = jsonout.AppendIndent(j.out, bytes.TrimSuffix(j.compact.Bytes(), []byte("\n")), "  ", "  ")
	_, err := j.w.Write(j.out)
	return err
}

func (j *jsonWriter) close() (int, error) {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return j.n, err
}

// blocks holds results for a table or CSV and prints them a block at a
// time: when blockRows are held, blockWait after the first of them was
// held, and at the end. Its methods may run on two goroutines (the query's
// and the timer's), so they hold mu.
type blocks struct {
	mu       sync.Mutex
	table    bool
	page     bool // print everything in one block, at the end
	evidence bool // tables: each row's evidence in full under it
	marker   marker
	flushFn  func(rows []any) error
	footer   func(n int) error

	held  []any
	timer *time.Timer
	err   error
	n     int

	cols    []string    // fixed by the first block
	widths  []int       // tables: column widths, grown by later blocks
	unseen  []string    // fields that came after the columns were fixed
	written bool        // the header is out
	csvw    *csv.Writer // csv: the writer, once made
}

// start arms the block timer.
func (b *blocks) start() {
	b.timer = time.AfterFunc(time.Hour, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.flushLocked()
	})
	b.timer.Stop()
}

func (b *blocks) add(r any) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	b.held = append(b.held, r)
	b.n++
	switch {
	case b.page:
	case len(b.held) >= blockRows:
		b.flushLocked()
	case len(b.held) == 1 && b.timer != nil:
		b.timer.Reset(blockWait)
	}
	return b.err
}

func (b *blocks) flushLocked() {
	if b.timer != nil {
		b.timer.Stop()
	}
	if len(b.held) == 0 || b.err != nil {
		return
	}
	rows := b.held
	b.held = nil
	b.err = b.flushFn(rows)
}

func (b *blocks) close() (int, error) {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
	if b.err != nil {
		return b.n, b.err
	}
	if !b.table && !b.written {
		// A CSV without results still has its header.
		if err := b.writeCSV(nil, nil); err != nil {
			return b.n, err
		}
	}
	if b.csvw != nil {
		b.csvw.Flush()
		if err := b.csvw.Error(); err != nil {
			return b.n, err
		}
	}
	if b.footer != nil {
		if err := b.footer(b.n); err != nil {
			return b.n, err
		}
	}
	return b.n, nil
}

// unseenFields names the fields some results had that the columns, fixed
// by the first block, do not show.
func (b *blocks) unseenFields() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.unseen
}

// fix sets the columns from the first block of rows.
func (b *blocks) fix(rows []any) {
	if b.cols != nil {
		b.noteUnseen(rows)
		return
	}
	b.cols = columns(rows, b.table)
	if len(b.cols) == 0 {
		b.cols = []string{"value"}
	}
	b.widths = make([]int, len(b.cols))
	for i, c := range b.cols {
		b.widths[i] = len(c)
	}
}

// noteUnseen remembers fields of rows that are not among the columns.
func (b *blocks) noteUnseen(rows []any) {
	shown := map[string]bool{}
	for _, c := range b.cols {
		shown[c] = true
	}
	for _, u := range b.unseen {
		shown[u] = true
	}
	for _, r := range rows {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		for k := range m {
			if !shown[k] {
				shown[k] = true
				b.unseen = append(b.unseen, k)
			}
		}
	}
	sort.Strings(b.unseen)
}

func (b *blocks) writeCSV(w io.Writer, rows []any) error {
	if b.csvw == nil {
		if w == nil {
			return nil
		}
		b.csvw = csv.NewWriter(w)
	}
	b.fix(rows)
	if !b.written {
		b.written = true
		if err := b.csvw.Write(b.cols); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if err := b.csvw.Write(row(r, b.cols, 0)); err != nil {
			return err
		}
	}
	b.csvw.Flush()
	return b.csvw.Error()
}

func (b *blocks) writeTable(w io.Writer, rows []any) error {
	b.fix(rows)
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = row(r, b.cols, maxCell)
		for j, c := range cells[i] {
			b.widths[j] = max(b.widths[j], utf8.RuneCountInString(c))
		}
	}
	var out strings.Builder
	if !b.written {
		b.written = true
		head := make([]string, len(b.cols))
		for i, c := range b.cols {
			head[i] = strings.ToUpper(c)
		}
		writeAligned(&out, head, b.widths)
	}
	for i, c := range cells {
		writeAligned(&out, c, b.widths)
		if b.evidence {
			writeRowEvidence(&out, rows[i], b.marker)
		}
	}
	_, err := io.WriteString(w, out.String())
	return err
}

// writeRowEvidence writes a result's evidence in full, and that of its
// roles, under its row.
func writeRowEvidence(out *strings.Builder, r any, m marker) {
	rec, ok := r.(map[string]any)
	if !ok {
		return
	}
	names := rowNames(rec)
	if ev, ok := evidenceOf(rec["evidence"]); ok {
		_ = writeEvidence(out, ev, names, "    ", m)
	}
	if roles, ok := rec["roles"].([]any); ok {
		for _, role := range roles {
			rm, ok := role.(map[string]any)
			if !ok {
				continue
			}
			if ev, ok := evidenceOf(rm["evidence"]); ok && len(ev) > 0 {
				fmt.Fprintf(out, "    %s:\n", describeMap(rm))
				_ = writeEvidence(out, ev, names, "      ", m)
			}
		}
	}
}

// rowNames are the names of the people a result is about, to pick out of
// its sentences.
func rowNames(rec map[string]any) []string {
	var names []string
	for _, k := range []string{"name", "participants", "people", "with", "aliases"} {
		switch v := rec[k].(type) {
		case string:
			names = append(names, v)
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok {
					names = append(names, s)
				}
			}
		}
	}
	return names
}

// writeAligned writes one table line: cells padded to widths, two spaces
// apart, without trailing spaces.
func writeAligned(out *strings.Builder, cells []string, widths []int) {
	var line strings.Builder
	for i, c := range cells {
		line.WriteString(c)
		if i < len(cells)-1 {
			line.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
		}
	}
	out.WriteString(strings.TrimRight(line.String(), " "))
	out.WriteByte('\n')
}

// columnOrder puts the columns people look for first; other keys follow in
// alphabetical order, and last the id.
var columnOrder = []string{"at", "by", "action", "what", "why", "state", "name", "participants", "date", "place", "kind", "title", "of", "current", "label", "head", "aliases", "joined", "roles", "candidates", "evidence", "sources"}

// columns returns the union of keys of map results, in display order. A
// table shows evidence (outlets and dates, compactly) rather than the
// ids of the same articles.
func columns(results []any, table bool) []string {
	seen := map[string]bool{}
	var rest []string
	for _, r := range results {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		for k := range m {
			if !seen[k] {
				seen[k] = true
				rest = append(rest, k)
			}
		}
	}
	if table && seen["evidence"] {
		delete(seen, "sources")
	}
	var cols []string
	for _, k := range columnOrder {
		if seen[k] {
			cols = append(cols, k)
			delete(seen, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		if seen[k] && k != "id" {
			cols = append(cols, k)
		}
	}
	if seen["id"] {
		cols = append(cols, "id")
	}
	return cols
}

// cell renders one value for a table or CSV cell. A list longer than
// limit characters (when limit > 0) is cut after whole elements and the
// rest counted.
func cell(v any, limit int) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		if ev, ok := evidenceOf(x); ok && len(ev) > 0 {
			if limit > 0 {
				return cell(compactSources(ev), limit)
			}
			return evidenceCell(ev, true)
		}
		parts := make([]string, 0, len(x))
		size := 0
		for i, e := range x {
			s := cell(e, 0)
			if limit > 0 && i > 0 && size+len(s) > limit {
				parts = append(parts, fmt.Sprintf("… +%d more", len(x)-i))
				break
			}
			parts = append(parts, s)
			size += len(s) + 2
		}
		return strings.Join(parts, "; ")
	case map[string]any:
		return describeMap(x)
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprint(int64(x))
		}
		return fmt.Sprint(x)
	case int64, int:
		return fmt.Sprint(x)
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// compactSources names each article of evidence in a few words.
func compactSources(ev []graph.Evidence) []any {
	out := make([]any, len(ev))
	for i, e := range ev {
		out[i] = compactSource(e)
	}
	return out
}

// describeMap renders a nested object such as a role, {title, of, current},
// as "title of X (former)"; other objects as key=value pairs.
func describeMap(m map[string]any) string {
	if n, ok := m["name"].(string); ok {
		if why, ok := m["why"].(string); ok && why != "" {
			return n + " (" + why + ")"
		}
	}
	if t, ok := m["title"].(string); ok {
		s := t
		if of, ok := m["of"].(string); ok && of != "" {
			s += " of " + of
		}
		if cur, ok := m["current"].(bool); ok && !cur {
			s += " (former)"
		}
		return s
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+"="+cell(m[k], 0))
	}
	return strings.Join(parts, " ")
}

func row(r any, cols []string, limit int) []string {
	m, ok := r.(map[string]any)
	if !ok {
		return []string{cell(r, limit)}
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = strings.ReplaceAll(cell(m[c], limit), "\n", " ")
	}
	return out
}
