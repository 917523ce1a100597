package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Output formats of query-like commands.
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

// columnOrder puts the columns people look for first; other keys follow in
// alphabetical order.
var columnOrder = []string{"name", "participants", "date", "place", "kind", "title", "of", "current", "label", "head", "aliases", "roles", "sources"}

// columns returns the union of keys of map results, in display order.
func columns(results []any) []string {
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
	var cols []string
	for _, k := range columnOrder {
		if seen[k] {
			cols = append(cols, k)
			delete(seen, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		if seen[k] {
			cols = append(cols, k)
		}
	}
	return cols
}

// cell renders one value for a table or CSV cell.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, cell(e))
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

// describeMap renders a nested object such as a role, {title, of, current},
// as "title of X (former)"; other objects as key=value pairs.
func describeMap(m map[string]any) string {
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
		parts = append(parts, k+"="+cell(m[k]))
	}
	return strings.Join(parts, " ")
}

// writeResults prints query results in the chosen format.
func writeResults(w io.Writer, format string, results []any) error {
	switch format {
	case formatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if results == nil {
			results = []any{}
		}
		return enc.Encode(results)
	case formatCSV:
		cw := csv.NewWriter(w)
		cols := columns(results)
		if len(cols) == 0 {
			cols = []string{"value"}
		}
		cw.Write(cols)
		for _, r := range results {
			cw.Write(row(r, cols))
		}
		cw.Flush()
		return cw.Error()
	case formatTable, "":
		if len(results) == 0 {
			_, err := fmt.Fprintln(w, "(no results)")
			return err
		}
		cols := columns(results)
		if len(cols) == 0 {
			cols = []string{"value"}
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
		for _, r := range results {
			fmt.Fprintln(tw, strings.Join(row(r, cols), "\t"))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		noun := "results"
		if len(results) == 1 {
			noun = "result"
		}
		_, err := fmt.Fprintf(w, "(%d %s)\n", len(results), noun)
		return err
	default:
		return fmt.Errorf("unknown format %q (choose table, json or csv)", format)
	}
}

func row(r any, cols []string) []string {
	m, ok := r.(map[string]any)
	if !ok {
		return []string{cell(r)}
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = strings.ReplaceAll(cell(m[c]), "\n", " ")
	}
	return out
}
