package export

import (
	"context"
	"io"
)

// writeGEXF writes GEXF 1.3 in dynamic mode with dates as days
// (timeformat="date"): each edge of the people view carries one spell a
// meeting date (a partial date spans its month or year), and in the full
// view each dated node (meetings, events) carries its date, so Gephi's
// timeline shows the meetings as they happen. Elements without spells
// exist at all times.
func writeGEXF(ctx context.Context, src source, out io.Writer) error {
	w := newSink(out)
	edgeType := "undirected"
	if src.directed() {
		edgeType = "directed"
	}
	w.printf(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>kg</creator>
    <description>people and meetings extracted from news articles</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="%s" timeformat="date">
`, edgeType)
	writeAttributes(w, "node", src.nodeKeys())
	writeAttributes(w, "edge", src.edgeKeys())

	w.println("    <nodes>")
	err := src.nodes(ctx, func(n Node) error {
		w.printf("      <node id=\"%s\" label=\"%s\">\n", xmlText(n.ID), xmlText(n.Label))
		writeAttValues(w, n.Values)
		writeSpells(w, n.Spells)
		w.println("      </node>")
		return w.err
	})
	if err != nil {
		return err
	}
	w.println("    </nodes>\n    <edges>")
	err = src.edges(ctx, func(e Edge) error {
		w.printf("      <edge id=\"%s\" source=\"%s\" target=\"%s\" label=\"%s\" weight=\"%s\">\n",
			xmlText(e.ID), xmlText(e.Source), xmlText(e.Target), xmlText(e.Label), valueText(e.Weight))
		writeAttValues(w, e.Values)
		writeSpells(w, e.Spells)
		w.println("      </edge>")
		return w.err
	})
	if err != nil {
		return err
	}
	w.print("    </edges>\n  </graph>\n</gexf>\n")
	return w.flush()
}

// gexfTypes maps attribute types to GEXF's names.
var gexfTypes = map[string]string{typeString: "string", typeInt: "integer", typeDouble: "double"}

func writeAttributes(w *sink, class string, keys []Key) {
	w.printf("    <attributes class=\"%s\" mode=\"static\">\n", class)
	for i, k := range keys {
		w.printf("      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, xmlText(k.Name), gexfTypes[k.Type])
	}
	w.println("    </attributes>")
}

func writeAttValues(w *sink, values []any) {
	started := false
	for i, v := range values {
		if !present(v) {
			continue
		}
		if !started {
			w.println("        <attvalues>")
			started = true
		}
		w.printf("          <attvalue for=\"%d\" value=\"%s\"/>\n", i, xmlText(valueText(v)))
	}
	if started {
		w.println("        </attvalues>")
	}
}

func writeSpells(w *sink, spells []Spell) {
	if len(spells) == 0 {
		return
	}
	w.println("        <spells>")
	for _, s := range spells {
		w.printf("          <spell start=\"%s\" end=\"%s\"/>\n", s.Start, s.End)
	}
	w.println("        </spells>")
}
