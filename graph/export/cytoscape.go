package export

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
)

// writeCytoscape writes Cytoscape.js JSON:
//
//	{"elements": {"nodes": [{"data": {"id": ..., "label": ...}}, ...],
//	              "edges": [{"data": {"id": ..., "source": ..., "target": ...}}, ...]}}
//
// Cytoscape.js loads it with cy.add or as the elements option; Cytoscape
// desktop imports it as a .cyjs network. Elements are written one at a
// time, so the file is never held in memory.
func writeCytoscape(ctx context.Context, src source, out io.Writer) error {
	w := newSink(out)
	nodeKeys, edgeKeys := src.nodeKeys(), src.edgeKeys()
	w.print(`{"elements": {"nodes": [`)
	first := true
	err := src.nodes(ctx, func(n Node) error {
		fields := []field{{"id", n.ID}, {"label", n.Label}}
		fields = appendFields(fields, nodeKeys, n.Values)
		writeElement(w, &first, fields)
		return w.err
	})
	if err != nil {
		return err
	}
	w.print("\n], \"edges\": [")
	first = true
	err = src.edges(ctx, func(e Edge) error {
		fields := []field{{"id", e.ID}, {"source", e.Source}, {"target", e.Target}, {"label", e.Label}, {"weight", e.Weight}}
		fields = appendFields(fields, edgeKeys, e.Values)
		writeElement(w, &first, fields)
		return w.err
	})
	if err != nil {
		return err
	}
	w.print("\n]}}\n")
	return w.flush()
}

type field struct {
	name  string
	value any
}

func appendFields(fields []field, keys []Key, values []any) []field {
	for i, v := range values {
		if i < len(keys) && present(v) {
			fields = append(fields, field{keys[i].Name, v})
		}
	}
	return fields
}

// writeElement writes {"data": {...}} with the fields in order.
func writeElement(w *sink, first *bool, fields []field) {
	if !*first {
		w.print(",")
	}
	*first = false
	var b bytes.Buffer
	b.WriteString("\n{\"data\": {")
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Write(jsonValue(f.name))
		b.WriteString(": ")
		b.Write(jsonValue(f.value))
	}
	b.WriteString("}}")
	w.print(b.String())
}

func jsonValue(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return []byte(`null`)
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}
