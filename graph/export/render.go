package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// Pictures larger than this are refused: Graphviz takes minutes to lay
// them out (its force-directed layouts are quadratic or worse), and the
// drawing is a smear in which no name can be read. The people view switches
// to sfdp, Graphviz's layout for large graphs, above sfdpFrom people.
const (
	maxPictureNodes = 500
	maxPictureEdges = 3000
	sfdpFrom        = 150
)

// TooLargeError says that a graph is too large to draw legibly, and what
// to do instead.
type TooLargeError struct {
	Nodes, Edges int
	People       bool // the people view
}

func (e *TooLargeError) Error() string {
	what, pairs := "nodes", "edges"
	advice := "export the people view (--view people), narrowed with --person or --from and --to"
	if e.People {
		what, pairs = "people", "pairs who met"
		advice = "narrow it with --person NAME --depth 1, or --from and --to"
	}
	return fmt.Sprintf("%d %s and %d %s are too many to draw legibly (a picture takes at most %d %s and %d %s): %s, "+
		"or export --format gexf or graphml for Gephi or Cytoscape, which lay out large graphs",
		e.Nodes, what, e.Edges, pairs, maxPictureNodes, what, maxPictureEdges, pairs, advice)
}

// checkDrawable refuses a picture of a graph too large to read.
func checkDrawable(src source) error {
	s, ok := src.(sized)
	if !ok {
		return nil
	}
	nodes, edges := s.size()
	if nodes > maxPictureNodes || edges > maxPictureEdges {
		_, people := s.(*peopleView)
		return &TooLargeError{Nodes: nodes, Edges: edges, People: people}
	}
	return nil
}

// sized is a view that knows how large it is before it is written.
type sized interface {
	size() (nodes, edges int)
}

// render pipes the DOT of src into Graphviz's dot program, which draws it
// as svg or png on w. Graphviz is the one tool that lays out and draws a
// graph from the command line on any machine; kg does not draw itself.
func render(ctx context.Context, src source, format string, w io.Writer) error {
	path, err := exec.LookPath("dot")
	if err != nil {
		return graphvizMissing{format}
	}
	cmd := exec.CommandContext(ctx, path, "-T"+format)
	var stderr bytes.Buffer
	cmd.Stdout = w
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("run dot: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run dot: %w", err)
	}
	werr := writeDOT(ctx, src, stdin)
	if cerr := stdin.Close(); werr == nil {
		werr = cerr
	}
	if err := cmd.Wait(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("dot -T%s failed: %s", format, msg)
	}
	if werr != nil {
		return fmt.Errorf("send graph to dot: %w", werr)
	}
	return nil
}
