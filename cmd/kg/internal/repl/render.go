package repl

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/mattn/go-runewidth"
)

// Output formats.
const (
	FormatTable = "table"
	FormatJSON  = "json"
)

// maxCellWidth is the widest a table cell gets, in terminal columns; longer
// values (evidence sentences, say) are cut with an ellipsis. :format json
// shows them whole.
const maxCellWidth = 60

// valueColumn heads the column of results that are not objects.
const valueColumn = "value"

// preferredColumns come first, in this order, when results have them; the
// other columns follow alphabetically.
var preferredColumns = []string{"id", "name", "participants", "date", "place", "kind", "title", "of", "current", "label", "head", "aliases", "roles", "sources"}

// renderResults writes results in format: a table with a header and a rule,
// or an indented JSON array.
func renderResults(w io.Writer, format string, results []any) error {
	if format == FormatJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if results == nil {
			results = []any{}
		}
		return enc.Encode(results)
	}
	if len(results) == 0 {
		return nil
	}
	cols := tableColumns(results)
	rows := make([][]string, len(results))
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = runewidth.StringWidth(c)
	}
	for r, res := range results {
		rows[r] = make([]string, len(cols))
		for i, c := range cols {
			var v any
			if m, ok := res.(map[string]any); ok {
				v = m[c]
			} else if c == valueColumn {
				v = res
			}
			s := runewidth.Truncate(cellText(v), maxCellWidth, "…")
			rows[r][i] = s
			widths[i] = max(widths[i], runewidth.StringWidth(s))
		}
	}
	var b strings.Builder
	writeRow := func(cells []string) {
		var line strings.Builder
		for i, s := range cells {
			line.WriteString(s)
			if i < len(cells)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(s)+2))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	header := make([]string, len(cols))
	rule := make([]string, len(cols))
	for i, c := range cols {
		header[i] = strings.ToUpper(c)
		rule[i] = strings.Repeat("-", widths[i])
	}
	writeRow(header)
	writeRow(rule)
	for _, r := range rows {
		writeRow(r)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// tableColumns returns the union of the keys of object results in display
// order, plus a value column when some results are not objects.
func tableColumns(results []any) []string {
	seen := map[string]bool{}
	scalars := false
	for _, r := range results {
		m, ok := r.(map[string]any)
		if !ok {
			scalars = true
			continue
		}
		for k := range m {
			seen[k] = true
		}
	}
	var cols []string
	for _, k := range preferredColumns {
		if seen[k] {
			cols = append(cols, k)
			delete(seen, k)
		}
	}
	rest := make([]string, 0, len(seen))
	for k := range seen {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	cols = append(cols, rest...)
	if scalars && !slices.Contains(cols, valueColumn) {
		cols = append(cols, valueColumn)
	}
	return cols
}

// cellText renders one value on one line.
func cellText(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		s = ""
	case string:
		s = x
	case float64:
		if x == float64(int64(x)) {
			s = fmt.Sprint(int64(x))
		} else {
			s = fmt.Sprint(x)
		}
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cellText(e)
		}
		s = strings.Join(parts, "; ")
	case map[string]any:
		if _, evidence := x["sentences"]; evidence {
			// What an article says of a fact (the kg helpers'
			// evidence records): the article in a few words.
			outlet, _ := x["outlet"].(string)
			if outlet == "" {
				outlet, _ = x["article"].(string)
			}
			date, _ := x["published"].(string)
			s = outlet + " " + date
			break
		}
		b, _ := json.Marshal(x)
		s = string(b)
	default:
		s = fmt.Sprint(x)
	}
	return strings.Join(strings.Fields(s), " ")
}

// summary is the line under the results: how many there were, how many
// are shown and how long the query took. bound qualifies the total when it
// is not exact: "more than" or "at least".
func summary(shown, more int, bound string, elapsed time.Duration) string {
	total := shown + more
	noun := "results"
	if total == 1 && bound == "" {
		noun = "result"
	}
	switch {
	case bound != "":
		return fmt.Sprintf("%d of %s %d results in %s", shown, bound, total, formatElapsed(elapsed))
	case more == 0:
		return fmt.Sprintf("%d %s in %s", total, noun, formatElapsed(elapsed))
	default:
		return fmt.Sprintf("%d of %d %s in %s", shown, total, noun, formatElapsed(elapsed))
	}
}

// moreNote tells how many results the limit hid.
func moreNote(more int, moreIsLowerBound bool, hint string) string {
	n := fmt.Sprint(more)
	if moreIsLowerBound {
		n = "more than " + n
	}
	noun := "results"
	if more == 1 && !moreIsLowerBound {
		noun = "result"
	}
	return fmt.Sprintf("… %s more %s not shown (raise with %s)", n, noun, hint)
}

// formatElapsed shows a duration with about three significant digits.
func formatElapsed(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case d < time.Second:
		return d.Round(10 * time.Microsecond).String()
	default:
		return d.Round(time.Millisecond).String()
	}
}
