package repl

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/queries"
	"github.com/kg-project/kg/schema"
)

// maxCandidates caps the completions offered at once, so a Tab inside
// g.V(" on a large graph lists a screenful rather than every node.
const maxCandidates = 60

// pathMethods are the methods of a Gizmo path, as Cayley v0.7.7 defines
// them in query/gizmo (traversals.go and finals.go). Each also exists with
// a lower-case first letter.
var pathMethods = sortedCopy([]string{
	"All", "And", "As", "Back", "Both", "Count", "Difference", "Except", "Filter",
	"Follow", "FollowR", "FollowRecursive", "ForEach", "GetLimit", "Has", "HasR",
	"In", "InPredicates", "Intersect", "Is", "LabelContext", "Labels", "Limit",
	"Map", "Or", "Order", "Out", "OutPredicates", "Save", "SaveInPredicates",
	"SaveOpt", "SaveOptR", "SaveOutPredicates", "SaveR", "Skip", "Tag",
	"TagArray", "TagValue", "ToArray", "ToValue", "Union", "Unique",
})

// graphMethods are the methods of the graph object g (environ.go).
var graphMethods = sortedCopy([]string{
	"AddDefaultNamespaces", "AddNamespace", "Emit", "IRI", "LoadNamespaces",
	"M", "Morphism", "Uri", "V", "Vertex",
})

// globalNames are the names a script starts from: Gizmo's globals, kg's
// helper object and the JavaScript built-ins people reach for.
var globalNames = sortedCopy([]string{
	"Array", "JSON", "Math", "Object", "String", "args", "bnode", "function",
	"g", "graph", "gt", "gte", "iri", "kg", "lang", "like", "lt", "lte", "raw",
	"regex", "return", "str", "typed", "var",
})

// kgHelpers are the functions of the kg object of queries/lib.js.
var kgHelpers = sortedCopy(helperNames(queries.Prelude()))

// helperNames finds the "name: function" members of lib.js.
func helperNames(prelude string) []string {
	var names []string
	for _, m := range regexp.MustCompile(`(\w+)\s*:\s*function`).FindAllStringSubmatch(prelude, -1) {
		names = append(names, m[1])
	}
	return names
}

// predicateCalls take a predicate as first argument.
var predicateCalls = map[string]bool{
	"out": true, "in": true, "both": true, "has": true, "hasR": true,
	"save": true, "saveR": true, "saveOpt": true, "saveOptR": true,
}

// nodeCalls take nodes as every argument (g.V, path.Is) or, for Has and
// HasR, as every argument after the predicate.
var nodeCalls = map[string]int{"v": 0, "vertex": 0, "is": 0, "has": 1, "hasR": 1}

// schemaPredicates are kg's own predicates, offered even before the store
// has been read or when it is empty.
var schemaPredicates = []quad.IRI{
	schema.Type, schema.Name, schema.Alias, schema.Key, schema.Nationality, schema.Met,
	schema.Holds, schema.SameAs, schema.Participant, schema.Kind, schema.Holder,
	schema.Title, schema.Of, schema.Current, schema.ReportedOn, schema.Label,
	schema.Head, schema.Date, schema.Place, schema.Evidence, schema.Rule,
	schema.Source, schema.URL, schema.Headline, schema.Publisher, schema.Published,
	schema.ID,
}

// Completer proposes completions for the line being edited: Gizmo methods
// after a dot, predicates inside Out("…"), In("…"), Has("…") and the like,
// node names and IRIs inside g.V("…"), saved query names after :run, and
// the REPL's commands. Its vocabulary of predicates and nodes is read from
// the store once, in the background; it is safe for concurrent use.
type Completer struct {
	mu         sync.RWMutex
	predicates []string // sorted, as "<kg:name>"
	nodes      []string // sorted: person names and IRIs such as "<kg:Person>"
}

// NewCompleter returns a completer that knows kg's schema predicates.
func NewCompleter() *Completer {
	c := &Completer{}
	preds := make([]string, len(schemaPredicates))
	for i, p := range schemaPredicates {
		preds[i] = p.String()
	}
	c.AddPredicates(preds)
	return c
}

// AddPredicates adds predicates, written as in scripts ("<kg:name>").
func (c *Completer) AddPredicates(preds []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.predicates = mergeSorted(c.predicates, preds)
}

// AddNodes adds node values: names and IRIs ("<kg:Person>").
func (c *Completer) AddNodes(nodes []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nodes = mergeSorted(c.nodes, nodes)
}

// vocabularyQueries read what completion offers from a store.
var vocabularyQueries = []struct {
	what, script string
	predicates   bool
}{
	{"predicates", `g.V().Has("<rdf:type>").OutPredicates().Unique().All()`, true},
	{"classes", `g.V().Has("<rdf:type>").Out("<rdf:type>").Unique().All()`, false},
	{"typed nodes", `g.V().Has("<rdf:type>").Unique().All()`, false},
	{"person names", `g.V("<kg:Person>").In("<rdf:type>").Out("<kg:name>").Unique().All()`, false},
}

// Load reads the store's predicates, classes, typed nodes and person names.
// Each query is bounded in time and size, so that a large store delays
// nothing; what was read before a bound is kept.
func (c *Completer) Load(ctx context.Context, store Store) error {
	var errs []string
	for _, q := range vocabularyQueries {
		var vals []string
		err := store.Query(ctx, q.script, graph.QueryOptions{Limit: 100000, Timeout: 10 * time.Second}, func(r any) error {
			if m, ok := r.(map[string]any); ok {
				if s, ok := m["id"].(string); ok && s != "" {
					vals = append(vals, s)
				}
			}
			return nil
		})
		if q.predicates {
			c.AddPredicates(vals)
		} else {
			c.AddNodes(vals)
		}
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", q.what, err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("read completion vocabulary: %s", strings.Join(errs, "; "))
	}
	return nil
}

// Complete is a liner.WordCompleter: for the line and the cursor position
// (in runes) it returns the text before the word being completed, the
// candidates for that word and the text after the cursor.
func (c *Completer) Complete(line string, pos int) (head string, candidates []string, tail string) {
	rs := []rune(line)
	if pos < 0 || pos > len(rs) {
		pos = len(rs)
	}
	before := rs[:pos]
	tail = string(rs[pos:])
	trimmed := strings.TrimLeftFunc(string(before), unicode.IsSpace)
	if strings.HasPrefix(trimmed, ":") {
		start, cands := c.completeCommand(string(before))
		return string(before[:start]), cands, tail
	}
	start, cands := c.completeScript(before, tail)
	return string(before[:start]), cands, tail
}

// completeCommand completes a REPL command line; start is the rune index
// where the completed word begins.
func (c *Completer) completeCommand(before string) (start int, cands []string) {
	rs := []rune(before)
	lead := len(rs) - len([]rune(strings.TrimLeftFunc(before, unicode.IsSpace)))
	fields := strings.Fields(before)
	endsInSpace := len(rs) > 0 && unicode.IsSpace(rs[len(rs)-1])
	// The word being completed starts after the last space.
	start = len(rs)
	for start > lead && !unicode.IsSpace(rs[start-1]) {
		start--
	}
	word := string(rs[start:])
	if len(fields) == 1 && !endsInSpace {
		var names []string
		for _, spec := range commandSpecs {
			if strings.HasPrefix(spec.name, word) {
				n := spec.name
				if spec.maxArgs != 0 {
					n += " "
				}
				names = append(names, n)
			}
		}
		return start, names
	}
	spec, ok := lookupCommand(fields[0])
	if !ok {
		return start, nil
	}
	argIndex := len(fields) - 1 // index of the argument being typed
	if !endsInSpace {
		argIndex--
	}
	switch {
	case spec.name == ":run" && argIndex == 0:
		return start, prefixMatches(queries.Names(), word, maxCandidates)
	case spec.name == ":format" && argIndex == 0:
		return start, prefixMatches([]string{FormatJSON, FormatTable}, word, maxCandidates)
	case spec.name == ":load" && argIndex == 0:
		return start, scriptFiles(word)
	}
	return start, nil
}

// scriptFiles lists the .js files and folders whose path starts with
// prefix; folders end in a slash so Tab can go on into them.
func scriptFiles(prefix string) []string {
	matches, _ := filepath.Glob(globEscape(prefix) + "*")
	var out []string
	for _, m := range matches {
		fi, err := os.Stat(m)
		switch {
		case err != nil:
		case fi.IsDir():
			out = append(out, m+string(filepath.Separator))
		case strings.HasSuffix(m, ".js"):
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return capCandidates(out, maxCandidates)
}

func globEscape(s string) string {
	return regexp.MustCompile(`[*?\[\\]`).ReplaceAllString(s, `\$0`)
}

// frame is an open bracket in the script being typed: the function called
// (for a parenthesis) and which argument the cursor is in.
type frame struct {
	callee string
	arg    int
}

// completeScript completes Gizmo; start is the rune index where the
// completed word begins.
func (c *Completer) completeScript(before []rune, tail string) (start int, cands []string) {
	var stack []frame
	var quote rune
	strStart := 0
	lineComment, blockComment := false, false
	var lastSig rune // last significant character outside strings
	for i := 0; i < len(before); i++ {
		ch := before[i]
		switch {
		case lineComment:
			lineComment = ch != '\n'
		case blockComment:
			if ch == '*' && i+1 < len(before) && before[i+1] == '/' {
				blockComment = false
				i++
			}
		case quote != 0:
			if ch == '\\' {
				i++
			} else if ch == quote {
				quote = 0
				lastSig = ch
			}
		case ch == '"' || ch == '\'' || ch == '`':
			quote, strStart = ch, i
		case ch == '/' && i+1 < len(before) && before[i+1] == '/':
			lineComment = true
		case ch == '/' && i+1 < len(before) && before[i+1] == '*':
			blockComment = true
			i++
		default:
			switch ch {
			case '(':
				stack = append(stack, frame{callee: identBefore(before[:i])})
			case '[', '{':
				stack = append(stack, frame{})
			case ')', ']', '}':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			case ',':
				if len(stack) > 0 {
					stack[len(stack)-1].arg++
				}
			}
			if !isSpace(ch) {
				lastSig = ch
			}
		}
	}
	if lineComment || blockComment {
		return len(before), nil
	}
	var top frame
	if len(stack) > 0 {
		top = stack[len(stack)-1]
	}
	if quote != 0 {
		if quote == '`' {
			return len(before), nil
		}
		partial := string(before[strStart+1:])
		closing := string(quote)
		if strings.HasPrefix(tail, closing) {
			closing = ""
		}
		var out []string
		for _, v := range c.argumentValues(top, partial) {
			out = append(out, jsEscape(v, quote)+closing)
		}
		return strStart + 1, out
	}
	// The identifier being typed, if any.
	start = len(before)
	for start > 0 && isIdentRune(before[start-1]) {
		start--
	}
	word := string(before[start:])
	if start > 0 && before[start-1] == '.' {
		receiver := identBefore(before[:start-1])
		switch receiver {
		case "g", "graph":
			return start, methodMatches(graphMethods, word)
		case "kg":
			return start, prefixMatches(kgHelpers, word, maxCandidates)
		}
		return start, methodMatches(pathMethods, word)
	}
	if word == "" && (lastSig == '(' || lastSig == ',') && len(stack) > 0 {
		var out []string
		for _, v := range c.argumentValues(top, "") {
			out = append(out, `"`+jsEscape(v, '"')+`"`)
		}
		return start, out
	}
	if word != "" {
		return start, prefixMatches(globalNames, word, maxCandidates)
	}
	return start, nil
}

// argumentValues proposes values for an argument of the call described by
// f: predicates or nodes, starting with partial.
func (c *Completer) argumentValues(f frame, partial string) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	callee := lcFirst(f.callee)
	if predicateCalls[callee] && f.arg == 0 {
		m := prefixMatches(c.predicates, partial, maxCandidates)
		if len(m) == 0 && partial != "" && !strings.HasPrefix(partial, "<") {
			m = prefixMatches(c.predicates, "<"+partial, maxCandidates)
		}
		return m
	}
	if from, ok := nodeCalls[callee]; ok && f.arg >= from {
		if m := prefixMatches(c.nodes, partial, maxCandidates); len(m) > 0 {
			return m
		}
		return wordMatches(c.nodes, partial, maxCandidates)
	}
	return nil
}

// wordMatches returns the names of which some word, and what follows it,
// starts with what was typed, accents and case aside: "Leyen" and "von der"
// give "Ursula von der Leyen", "lula" gives "Luiz Inácio Lula da Silva".
func wordMatches(names []string, typed string, limit int) []string {
	want := " " + schema.FoldName(typed)
	if strings.TrimSpace(want) == "" {
		return nil
	}
	var out []string
	for _, n := range names {
		if strings.Contains(" "+schema.FoldName(n), want) {
			out = append(out, n)
		}
	}
	return capCandidates(out, limit)
}

// methodMatches completes a method name; a word starting in lower case
// gets the lower-case spelling Gizmo also accepts.
func methodMatches(methods []string, word string) []string {
	if word != "" && unicode.IsLower([]rune(word)[0]) {
		lower := make([]string, len(methods))
		for i, m := range methods {
			lower[i] = lcFirst(m)
		}
		if m := prefixMatches(sortedCopy(lower), word, maxCandidates); len(m) > 0 {
			return m
		}
	}
	return prefixMatches(methods, word, maxCandidates)
}

// prefixMatches returns the entries of the sorted list that start with
// prefix, at most limit of them. When there are none, entries matching
// without regard to case are returned, provided they all agree on how the
// prefix is written (so that completing never rewrites what was typed into
// something shorter).
func prefixMatches(sorted []string, prefix string, limit int) []string {
	i := sort.SearchStrings(sorted, prefix)
	j := i
	for j < len(sorted) && strings.HasPrefix(sorted[j], prefix) {
		j++
	}
	if j > i {
		return capCandidates(append([]string(nil), sorted[i:j]...), limit)
	}
	if prefix == "" {
		return nil
	}
	lower := strings.ToLower(prefix)
	n := len([]rune(prefix))
	var out []string
	var spelling string
	for _, s := range sorted {
		rs := []rune(s)
		if len(rs) < n || strings.ToLower(string(rs[:n])) != lower {
			continue
		}
		if spelling == "" {
			spelling = string(rs[:n])
		} else if string(rs[:n]) != spelling {
			return nil
		}
		out = append(out, s)
	}
	return capCandidates(out, limit)
}

// capCandidates shortens a sorted list of candidates to limit entries
// while keeping its first and last, so the common prefix liner inserts
// stays that of the whole list.
func capCandidates(list []string, limit int) []string {
	if len(list) <= limit || limit < 2 {
		return list
	}
	return append(list[:limit-1:limit-1], list[len(list)-1])
}

// identBefore returns the identifier that ends right before the end of rs,
// ignoring spaces in between.
func identBefore(rs []rune) string {
	end := len(rs)
	for end > 0 && isSpace(rs[end-1]) {
		end--
	}
	start := end
	for start > 0 && isIdentRune(rs[start-1]) {
		start--
	}
	return string(rs[start:end])
}

func isIdentRune(r rune) bool {
	return r == '_' || r == '$' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func lcFirst(s string) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return s
	}
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

// jsEscape writes s for the inside of a JavaScript string quoted with q.
func jsEscape(s string, q rune) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == q:
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mergeSorted returns the sorted union of a sorted list and more values.
func mergeSorted(sorted, more []string) []string {
	seen := make(map[string]bool, len(sorted)+len(more))
	out := make([]string, 0, len(sorted)+len(more))
	for _, s := range append(append([]string(nil), sorted...), more...) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func sortedCopy(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}
