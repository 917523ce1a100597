package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

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
