package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
)

// Attribute types, named as GraphML's attr.type names them.
const (
	typeString = "string"
	typeInt    = "int"
	typeDouble = "double"
)

// Key declares one attribute of nodes or edges.
type Key struct {
	Name string
	Type string // typeString, typeInt or typeDouble
}

// Spell is a time interval, both ends inclusive days (YYYY-MM-DD).
type Spell struct{ Start, End string }

// Node is one node as the writers see it. Values line up with the
// source's node keys; nil or "" means the node has no such value.
type Node struct {
	ID     string
	Label  string
	Values []any
	Spells []Spell
	// Caption is a longer label for pictures (may contain newlines).
	Caption string
	// Faint nodes are drawn in grey in pictures: people without meetings.
	Faint bool
}

// Edge is one edge as the writers see it. Values line up with the
// source's edge keys.
type Edge struct {
	ID     string
	Source string
	Target string
	Label  string
	Weight float64
	Values []any
	Spells []Spell
}

// source is a view of the store that the writers read twice at most:
// first the nodes, then the edges.
type source interface {
	directed() bool
	nodeKeys() []Key
	edgeKeys() []Key
	// dotStyle returns graph-level Graphviz attributes suiting the view.
	dotStyle() []string
	nodes(ctx context.Context, fn func(Node) error) error
	edges(ctx context.Context, fn func(Edge) error) error
}

// present reports whether an attribute value is worth writing.
func present(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case string:
		return x != ""
	}
	return true
}

// sink is a buffered writer that remembers its first error, so a writer
// can stop streaming as soon as the output fails (a closed pipe, a full
// disk) and report that error.
type sink struct {
	w   *bufio.Writer
	err error
}

func newSink(w io.Writer) *sink { return &sink{w: bufio.NewWriterSize(w, 64<<10)} }

func (s *sink) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

func (s *sink) print(text string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(text)
	}
}

func (s *sink) println(text string) { s.print(text + "\n") }

// flush writes out what is buffered and returns the first error.
func (s *sink) flush() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}
