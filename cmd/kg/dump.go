package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kg-project/kg/graph"
)

func init() {
	register(&cli.Command{
		Name:  "dump",
		Usage: "write the whole store as N-Quads, for backups and other tools",
		Description: `Writes every quad of the store as N-Quads (one quad per line: subject,
predicate, object and label, the article the fact came from). The dump
streams, so it works on stores larger than memory. kg restore reads it back.

With --out the dump goes to FILE, written under a temporary name and renamed
when complete, so FILE is never a half-written backup. A FILE ending in .gz
is gzip-compressed. Without --out it goes to standard output.

Examples:
   kg dump --out backup.nq.gz
   kg dump | grep '<kg:name>'`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output (.gz: compressed)"},
		},
		Action: runDump,
		Before: noArgs,
	})
	register(&cli.Command{
		Name:      "restore",
		Usage:     "add the quads of an N-Quads dump to the store",
		ArgsUsage: "FILE|-",
		Description: `Reads N-Quads written by kg dump (plain or gzip-compressed, or - for
standard input) and adds them to the store, in batches of one transaction
each. Quads already stored are skipped, so restoring into an empty store
rebuilds the dumped store exactly, and a restore that was interrupted can
simply be run again. A line that is not a valid N-Quad stops the restore
with FILE:LINE: reason; what came before it stays stored.

Examples:
   kg --db ./new.db restore backup.nq.gz
   kg dump --db ./old.db | kg --db ./new.db restore -`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "batch", Value: graph.DefaultRestoreBatch, Usage: "quads written per transaction"},
		},
		Action: runRestore,
	})
}

func runDump(c *cli.Context) error {
	var store dumper
	if client := servedStore(c); client != nil {
		store = client
	} else {
		local, err := openStore(c)
		if err != nil {
			return cli.Exit(err.Error(), 1)
		}
		defer local.Close()
		store = local
	}

	out := c.String("out")
	if out == "" || out == "-" {
		w := bufio.NewWriterSize(c.App.Writer, 64<<10)
		if _, err := store.Dump(c.Context, w); err != nil {
			return cli.Exit("dump: "+err.Error(), 1)
		}
		if err := w.Flush(); err != nil {
			return cli.Exit("dump: write: "+err.Error(), 1)
		}
		return nil
	}
	n, err := dumpToFile(c, store, out)
	if err != nil {
		return cli.Exit("dump: "+err.Error(), 1)
	}
	fmt.Fprintf(c.App.ErrWriter, "%d quads written to %s\n", n, out)
	return nil
}

// dumpToFile writes the dump next to path under a temporary name and renames
// it into place once complete and synced.
func dumpToFile(c *cli.Context, store dumper, path string) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", path, withoutPath(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	var w io.Writer = tmp
	var zw *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		zw = gzip.NewWriter(tmp)
		w = zw
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	n, err := store.Dump(c.Context, bw)
	if err != nil {
		return n, err
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("write %s: %w", path, err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return n, fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := tmp.Sync(); err != nil {
		return n, fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return n, fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return n, fmt.Errorf("write %s: %w", path, err)
	}
	done = true
	return n, nil
}

func runRestore(c *cli.Context) error {
	if c.NArg() != 1 {
		return cli.Exit("restore: name one dump file, or - for standard input (see kg restore --help)", 2)
	}
	name := c.Args().First()
	var in io.Reader = os.Stdin
	if name == "-" {
		name = "standard input"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return cli.Exit("restore: "+err.Error(), 1)
		}
		defer f.Close()
		in = f
	}
	in, err := maybeGunzip(in)
	if err != nil {
		return cli.Exit(fmt.Sprintf("restore: %s: %v", name, err), 1)
	}
	store, err := createStore(c, false)
	if err != nil {
		return cli.Exit(err.Error(), 1)
	}
	defer store.Close()

	st, err := store.Restore(c.Context, in, graph.RestoreOptions{Batch: c.Int("batch")})
	fmt.Fprintf(c.App.ErrWriter, "%d quads read from %s, %d added\n", st.Read, name, st.Added)
	if err != nil {
		var pe *graph.ParseError
		switch {
		case errors.As(err, &pe):
			return cli.Exit(fmt.Sprintf("restore: %s:%d: %v; the quads before it are stored", name, pe.Line, pe.Err), 1)
		case errors.Is(err, c.Context.Err()) && c.Context.Err() != nil:
			return cli.Exit("restore interrupted; run it again to finish (quads already stored are skipped)", 130)
		default:
			return cli.Exit(fmt.Sprintf("restore: %s: %v", name, err), 1)
		}
	}
	return nil
}

// maybeGunzip decompresses r when it starts with the gzip magic bytes.
func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("not a readable gzip file: %w", err)
		}
		return zr, nil
	}
	return br, nil
}
