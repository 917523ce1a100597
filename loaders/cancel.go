package loaders

import (
	"context"
	"io"
	"os"
	"syscall"
)

// openCancelable opens path for reading in a way that cancelling ctx
// always ends: opening a named pipe blocks until a writer comes, and a read
// from a pipe or device blocks until data does. A regular file is opened
// as usual. The returned file gives up its reads once ctx is cancelled.
func openCancelable(ctx context.Context, path string) (io.ReadCloser, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Mode().IsRegular() {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		return &cancelableFile{ctx: ctx, f: f}, nil
	}
	type opened struct {
		f   *os.File
		err error
	}
	done := make(chan opened, 1)
	go func() {
		f, err := os.Open(path)
		done <- opened{f, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			return nil, o.err
		}
		return newCancelableFile(ctx, o.f), nil
	case <-ctx.Done():
	}
	// The open is still waiting for a writer: be that writer for a moment
	// so it returns, then close what it opened.
	if info.Mode()&os.ModeNamedPipe != 0 {
		if fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0); err == nil {
			o := <-done
			syscall.Close(fd)
			if o.f != nil {
				o.f.Close()
			}
		}
	}
	return nil, ctx.Err()
}

// readFailure marks an error of the underlying reader (a disk error, a
// corrupt gzip stream, cancellation), as opposed to an error in the
// content, once it has gone through a decoder.
type readFailure struct{ err error }

func (e readFailure) Error() string { return e.err.Error() }
func (e readFailure) Unwrap() error { return e.err }

// markFailures wraps every error but io.EOF of r in readFailure.
type markFailures struct{ r io.Reader }

func (m markFailures) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	if err != nil && err != io.EOF {
		err = readFailure{err}
	}
	return n, err
}

// cancelableFile reads a file until ctx is cancelled. For a pipe or device
// (which Go reads through its poller) cancelling closes the file, which
// ends a read blocked waiting for data; every read also checks ctx first,
// so a long read of a regular file stops between two reads.
type cancelableFile struct {
	ctx  context.Context
	f    *os.File
	stop func() bool
}

func newCancelableFile(ctx context.Context, f *os.File) *cancelableFile {
	c := &cancelableFile{ctx: ctx, f: f}
	c.stop = context.AfterFunc(ctx, func() { f.Close() })
	return c
}

func (c *cancelableFile) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.f.Read(p)
	if err != nil && c.ctx.Err() != nil {
		return n, c.ctx.Err()
	}
	return n, err
}

func (c *cancelableFile) Close() error {
	if c.stop != nil {
		c.stop()
	}
	return c.f.Close()
}
