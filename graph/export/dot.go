package export

import (
	"context"
	"fmt"
	"io"
	"strings"
)

// writeDOT writes Graphviz DOT: an undirected graph for the people view, a
// directed one for the full view. The layout engine is named in the file
// (neato for people, sfdp for the full view), so `dot -Tpng` draws a
// network rather than a hierarchy. Every attribute is also written as a
// DOT attribute, which Graphviz keeps and other DOT readers (NetworkX
// with pydot, Gephi) import.
func writeDOT(ctx context.Context, src source, out io.Writer) error {
	w := newSink(out)
	kind, arrow := "graph", "--"
	if src.directed() {
		kind, arrow = "digraph", "->"
	}
	w.printf("%s \"kg\" {\n", kind)
	for _, s := range src.dotStyle() {
		w.printf("  %s;\n", s)
	}
	nodeKeys, edgeKeys := src.nodeKeys(), src.edgeKeys()
	err := src.nodes(ctx, func(n Node) error {
		caption := n.Caption
		if caption == "" {
			caption = n.Label
		}
		faint := ""
		if n.Faint {
			faint = `, color="#b8c0cc", fillcolor="#f7f8fa", fontcolor="#7b8794"`
		}
		w.printf("  %s [label=%s, tooltip=%s%s%s];\n", dotQuote(n.ID), dotQuote(caption), dotQuote(n.ID), faint, dotAttrs(nodeKeys, n.Values))
		return w.err
	})
	if err != nil {
		return err
	}
	err = src.edges(ctx, func(e Edge) error {
		pen := 1 + 0.8*(e.Weight-1)
		if pen > 6 {
			pen = 6
		}
		w.printf("  %s %s %s [label=%s, weight=%s, penwidth=%s%s];\n", dotQuote(e.Source), arrow, dotQuote(e.Target),
			dotQuote(e.Label), valueText(e.Weight), valueText(pen), dotAttrs(edgeKeys, e.Values))
		return w.err
	})
	if err != nil {
		return err
	}
	w.print("}\n")
	return w.flush()
}

// dotAttrs renders the present values as extra DOT attributes.
func dotAttrs(keys []Key, values []any) string {
	var b strings.Builder
	for i, v := range values {
		if i < len(keys) && present(v) {
			fmt.Fprintf(&b, ", %s=%s", dotQuote(keys[i].Name), dotQuote(valueText(v)))
		}
	}
	return b.String()
}

// dotQuote makes s a DOT quoted string. Backslashes are doubled, so that
// Graphviz does not read them as its own escapes (\N, \l), and line breaks
// become \n, which Graphviz draws as centred lines. One pass over the bytes: an export quotes every attribute of every
// edge, and a strings.Replacer made per call was a fifth of a large DOT
// export's CPU.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\r':
			b.WriteString(`\n`)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++ // \r\n is one line break
			}
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
