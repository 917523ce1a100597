package export

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// writeGraphML writes GraphML. Every attribute is declared as a <key> with
// attr.name and attr.type, "label" first, so Gephi, Cytoscape and NetworkX
// read names and types. The yEd extension (y:ShapeNode with a NodeLabel and
// a position, y:PolyLineEdge with an EdgeLabel) makes yEd show the labels,
// which it otherwise ignores; other programs skip it.
func writeGraphML(ctx context.Context, src source, out io.Writer) error {
	w := newSink(out)
	w.print(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:y="http://www.yworks.com/xml/graphml"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">
`)
	w.println(`  <key id="label" for="node" attr.name="label" attr.type="string"/>`)
	for i, k := range src.nodeKeys() {
		w.printf("  <key id=\"n%d\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, xmlText(k.Name), k.Type)
	}
	w.println(`  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>`)
	w.println(`  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`)
	for i, k := range src.edgeKeys() {
		w.printf("  <key id=\"e%d\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", i, xmlText(k.Name), k.Type)
	}
	w.println(`  <key id="ygraphics" for="node" yfiles.type="nodegraphics"/>`)
	w.println(`  <key id="yedge" for="edge" yfiles.type="edgegraphics"/>`)
	direction := "undirected"
	if src.directed() {
		direction = "directed"
	}
	w.printf("  <graph id=\"kg\" edgedefault=\"%s\">\n", direction)

	i := 0
	err := src.nodes(ctx, func(n Node) error {
		w.printf("    <node id=\"%s\">\n", xmlText(n.ID))
		w.printf("      <data key=\"label\">%s</data>\n", xmlText(n.Label))
		for j, v := range n.Values {
			if present(v) {
				w.printf("      <data key=\"n%d\">%s</data>\n", j, xmlText(valueText(v)))
			}
		}
		x, y := sunflower(i)
		width := 16 + 7*len([]rune(n.Label))
		if width > 260 {
			width = 260
		}
		w.printf("      <data key=\"ygraphics\"><y:ShapeNode><y:Geometry x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"30\"/>"+
			"<y:Fill color=\"#EEF3FB\"/><y:BorderStyle color=\"#4A6FA5\" type=\"line\" width=\"1.0\"/>"+
			"<y:NodeLabel>%s</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>\n",
			x, y, width, xmlText(n.Label))
		w.println("    </node>")
		i++
		return w.err
	})
	if err != nil {
		return err
	}
	arrow := "none"
	if src.directed() {
		arrow = "standard"
	}
	err = src.edges(ctx, func(e Edge) error {
		w.printf("    <edge id=\"%s\" source=\"%s\" target=\"%s\">\n", xmlText(e.ID), xmlText(e.Source), xmlText(e.Target))
		w.printf("      <data key=\"elabel\">%s</data>\n", xmlText(e.Label))
		w.printf("      <data key=\"weight\">%s</data>\n", valueText(e.Weight))
		for j, v := range e.Values {
			if present(v) {
				w.printf("      <data key=\"e%d\">%s</data>\n", j, xmlText(valueText(v)))
			}
		}
		w.printf("      <data key=\"yedge\"><y:PolyLineEdge><y:Arrows source=\"none\" target=\"%s\"/>"+
			"<y:EdgeLabel>%s</y:EdgeLabel></y:PolyLineEdge></data>\n", arrow, xmlText(e.Label))
		w.println("    </edge>")
		return w.err
	})
	if err != nil {
		return err
	}
	w.print("  </graph>\n</graphml>\n")
	return w.flush()
}

// sunflower places the i-th node on a spiral, so a program that keeps
// positions (yEd) opens a readable, if arbitrary, picture before any
// layout is run. It needs no count of nodes, so streaming still works.
func sunflower(i int) (x, y float64) {
	r := 90 * math.Sqrt(float64(i))
	theta := float64(i) * 2.399963 // the golden angle
	return r * math.Cos(theta), r * math.Sin(theta)
}

// xmlText escapes s for XML text and attribute values; characters XML
// cannot hold become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// valueText renders an attribute value.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}
