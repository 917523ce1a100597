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

A damaged store (kg check says so) stops a dump with an error. --salvage
then writes every quad that can still be read, skipping what cannot, and
says how many were lost; restore the file into a new store.

Examples:
   kg dump --out backup.nq.gz
   kg dump | grep '<kg:name>'
   kg dump --salvage --out rescue.nq.gz`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output (.gz: compressed)"},
			&cli.BoolFlag{Name: "salvage", Usage: "from a damaged bolt or leveldb store, write what can be read"},
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

	dump := func(w io.Writer) (int64, error) { return store.Dump(c.Context, w) }
	var salvaged graph.SalvageStats
	if c.Bool("salvage") {
		local, ok := store.(*graph.Store)
		if !ok {
			return cli.Exit("dump: --salvage reads the store's files: stop the kg serve that holds the store first", 1)
		}
		dump = func(w io.Writer) (int64, error) {
			st, err := local.Salvage(c.Context, w)
			salvaged = st
			return st.Written, err
		}
	}
	out := c.String("out")
	var n int64
	var err error
	if out == "" || out == "-" {
		w := bufio.NewWriterSize(c.App.Writer, 64<<10)
		n, err = dump(w)
		if err == nil {
			if err = w.Flush(); err != nil {
				err = fmt.Errorf("write: %w", err)
			}
		}
		out = "standard output"
	} else {
		n, err = dumpToFile(out, dump)
	}
	switch {
	case err != nil && c.Context.Err() != nil && out == "standard output":
		return cli.Exit(fmt.Sprintf("dump interrupted after %d quads; the output is incomplete", n), 130)
	case err != nil && c.Context.Err() != nil:
		return cli.Exit(fmt.Sprintf("dump interrupted; %s was not written (run the dump again)", out), 130)
	case err != nil:
		var damaged *graph.DamagedError
		if errors.As(err, &damaged) {
			return cli.Exit("dump: "+err.Error()+"; kg dump --salvage writes what can still be read", 1)
		}
		return cli.Exit("dump: "+err.Error(), 1)
	case salvaged.Lost > 0 || salvaged.Uncounted:
		msg := fmt.Sprintf("dump: %d quads salvaged to %s; %d could not be read and are lost", n, out, salvaged.Lost)
		if salvaged.Uncounted {
			msg += ", and perhaps more: the store's count of ids could not be read either"
		}
		return cli.Exit(msg, 1)
	}
	if out != "standard output" || c.Bool("salvage") {
		fmt.Fprintf(c.App.ErrWriter, "%d quads written to %s\n", n, out)
	}
	return nil
}

// dumpToFile writes the dump next to path under a temporary name and renames
// it into place once complete and synced.
func dumpToFile(path string, dump func(io.Writer) (int64, error)) (int64, error) {
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
	n, err := dump(bw)
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
			where := fmt.Sprintf("%s:%d", name, pe.Line)
			if pe.Col > 0 {
				where += fmt.Sprintf(":%d", pe.Col)
			}
			kept := "nothing was restored"
			if st.Written > 0 {
				kept = fmt.Sprintf("the %d quads of the whole articles before it were restored", st.Written)
			}
			return cli.Exit(fmt.Sprintf("restore: %s: %v; %s, nothing after it", where, pe.Err, kept), 1)
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
