package loaders

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/schema"
)

// Options apply to every article read.
type Options struct {
	Date   string // publication date for articles that carry none (YYYY-MM-DD)
	Source string // publisher for articles that name none
	// AnyLanguage passes on articles in every language. By default only
	// articles in English, or whose language could not be told, are passed
	// on; the others go to Skipped.
	AnyLanguage bool
	// Skipped is told about each article passed over for its language; it
	// may be nil.
	Skipped func(Skip)
	// HTTP fetches URLs given as paths; nil means a shared default.
	HTTP *HTTP
	// Stdin is what the path "-" reads; nil means the process's standard
	// input (kg serve gives the body of a load request).
	Stdin io.Reader
}

// Skip is an article read but not passed on, and why.
type Skip struct {
	Article schema.Article
	Reason  string // "not in English (fr)"
}

// Problem is an input, or a part of one, that could not be read as it was,
// with where it was. Problems that skipped something have Warning false;
// Warning true means the article was still read after a repair (for
// example invalid UTF-8 replaced by U+FFFD).
type Problem struct {
	Path    string
	Line    int // 0 when not line-based
	Err     error
	Warning bool
}

// Error prints "path: reason" or "path:line: reason".
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Path, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

func (p Problem) Unwrap() error { return p.Err }

// StdinName is the name standard input ("-") goes by in problems and
// Article.Origin.
const StdinName = "stdin"

// Walk reads every article under paths (files, folders read recursively in
// sorted order, or "-" for standard input) and calls fn with each, in order.
// Inside folders, hidden files and folders (".git", ".DS_Store") and files
// whose extension says they are not articles (images, archives, fonts,
// scripts, ...) are passed over silently; a path named explicitly is always
// read. Inputs that cannot be read are reported to problem and skipped; the
// walk goes on. Walk stops early, returning the error, when ctx is cancelled
// or fn returns an error.
func Walk(ctx context.Context, paths []string, opt Options, fn func(schema.Article) error, problem func(Problem)) error {
	if problem == nil {
		problem = func(Problem) {}
	}
	for _, root := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if root == "-" {
			var stdin io.Reader = os.Stdin
			if opt.Stdin != nil {
				stdin = opt.Stdin
			}
			if err := ReadFrom(ctx, StdinName, cancelableReader{ctx: ctx, r: stdin}, opt, fn, problem); err != nil {
				return err
			}
			continue
		}
		if IsURL(root) {
			if err := fetchURL(ctx, root, opt, fn, problem); err != nil {
				return err
			}
			continue
		}
		if err := walkRoot(ctx, root, opt, fn, problem); err != nil {
			return err
		}
	}
	return nil
}

func walkRoot(ctx context.Context, root string, opt Options, fn func(schema.Article) error, problem func(Problem)) error {
	info, err := os.Stat(root)
	if err != nil {
		problem(Problem{Path: root, Err: describeOSError(err)})
		return nil
	}
	if !info.IsDir() {
		return readFile(ctx, root, opt, fn, problem)
	}
	if graph.IsStoreFolder(root) {
		problem(Problem{Path: root, Err: errors.New(storeFolderMessage)})
		return nil
	}
	// WalkDir visits entries in lexical order, so a folder always loads in
	// the same order. It does not follow a root that is a link to a folder
	// unless the path ends in a separator.
	if linfo, err := os.Lstat(root); err == nil && linfo.Mode()&fs.ModeSymlink != 0 && !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			problem(Problem{Path: path, Err: describeOSError(err)})
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path == root {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if graph.IsStoreFolder(path) {
				problem(Problem{Path: path, Err: errors.New(storeFolderMessage), Warning: true})
				return fs.SkipDir
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			// Follow links to files; links to folders are not followed, so
			// a link cycle cannot make the walk endless.
			info, err := os.Stat(path)
			if err != nil {
				problem(Problem{Path: path, Err: describeOSError(err)})
				return nil
			}
			if info.IsDir() {
				return nil
			}
			mode = info.Mode()
		}
		if !mode.IsRegular() {
			// Opening a named pipe blocks until something writes to it, and
			// a device may never end: inside a folder they are passed over.
			problem(Problem{Path: path, Err: fmt.Errorf("%s, not a regular file: skipped (name it on the command line to read it)", describeMode(mode)), Warning: true})
			return nil
		}
		if notAnArticle(path) {
			return nil
		}
		return readFile(ctx, path, opt, fn, problem)
	})
}

// storeFolderMessage says why a folder was not read.
const storeFolderMessage = "a kg store folder, not articles: not read (to copy a store, kg dump it and kg restore the dump)"

// readFile opens one file and reads the articles in it. A named pipe or
// device is opened and read so that cancelling ctx ends a wait for a
// writer or for data.
func readFile(ctx context.Context, path string, opt Options, fn func(schema.Article) error, problem func(Problem)) error {
	f, err := openCancelable(ctx, path)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		problem(Problem{Path: path, Err: describeOSError(err)})
		return nil
	}
	defer f.Close()
	return ReadFrom(ctx, path, f, opt, fn, problem)
}

// describeMode names the kind of a file that is not a regular file.
func describeMode(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "a special file"
}

// describeOSError turns an *fs.PathError into a reason without the path
// repeated, since Problem prints the path already.
func describeOSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrPermission):
			return fmt.Errorf("cannot read: permission denied: %w", pe.Err)
		case errors.Is(pe.Err, fs.ErrNotExist):
			return fmt.Errorf("no such file or folder: %w", pe.Err)
		}
		return fmt.Errorf("cannot read (%s): %w", pe.Op, pe.Err)
	}
	return err
}

// notAnArticle reports whether a file met inside a folder is obviously not
// an article, judging by its extension.
func notAnArticle(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".gz" {
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(path, filepath.Ext(path))))
	}
	return skippedExtensions[ext]
}

var skippedExtensions = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true,
	".ico": true, ".bmp": true, ".tif": true, ".tiff": true, ".avif": true,
	".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".xls": true, ".xlsx": true,
	".ppt": true, ".pptx": true,
	".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".zst": true,
	".7z": true, ".rar": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".o": true, ".a": true,
	".class": true, ".jar": true, ".pyc": true, ".wasm": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".ogg": true, ".flac": true,
	".avi": true, ".mov": true, ".mkv": true, ".webm": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".css": true, ".js": true, ".map": true,
	".db": true, ".sqlite": true, ".bolt": true, ".ldb": true, ".lock": true,
}

// ReadFrom reads the articles in one input r called name (a path, or
// "stdin"), which names the input in problems and Article.Origin. The
// format comes from the extension of name (after a ".gz", which is
// decompressed, as is any gzip stream), else from the content. It returns
// an error only when ctx is cancelled or fn fails; everything wrong with the
// input itself goes to problem.
func ReadFrom(ctx context.Context, name string, r io.Reader, opt Options, fn func(schema.Article) error, problem func(Problem)) error {
	return newInput(ctx, name, opt, fn, problem).read(r)
}

// input carries what every format reader needs about the input it reads.
type input struct {
	ctx     context.Context
	name    string // the input as named in messages and Article.Origin
	opt     Options
	fn      func(schema.Article) error
	problem func(Problem)

	location string // the input in Article.Locations: an absolute path, a URL or "stdin"
	hint     Format // the format the input is said to have (an HTTP Content-Type), else FormatUnknown
	url      string // the URL the input was fetched from: the URL of a page or text that names none
	declared string // the language the page or feed declares, used when the text does not tell

	articles int       // articles read, passed on or not
	noText   int       // records or items without text
	held     []Problem // warnings about them, held until an article shows the input holds articles
}

func newInput(ctx context.Context, name string, opt Options, fn func(schema.Article) error, problem func(Problem)) *input {
	if problem == nil {
		problem = func(Problem) {}
	}
	location := name
	if name != StdinName && !IsURL(name) {
		if abs, err := filepath.Abs(name); err == nil {
			location = abs
		}
	}
	return &input{ctx: ctx, name: name, opt: opt, fn: fn, problem: problem, location: location}
}

// fail reports a problem with the whole input or a line of it.
func (in *input) fail(line int, format string, args ...any) {
	in.problem(Problem{Path: in.name, Line: line, Err: fmt.Errorf(format, args...)})
}

// warn reports something repaired in the input.
func (in *input) warn(line int, format string, args ...any) {
	in.problem(Problem{Path: in.name, Line: line, Err: fmt.Errorf(format, args...), Warning: true})
}

// emit completes an article (options, identity, origin) and hands it on.
func (in *input) emit(a schema.Article, line int) error {
	if err := in.ctx.Err(); err != nil {
		return err
	}
	in.articles++
	if len(in.held) > 0 {
		for _, p := range in.held {
			in.problem(p)
		}
		if more := in.noText - len(in.held); more > 0 {
			in.warn(in.held[len(in.held)-1].Line, "and %d more without text, skipped", more)
		}
		in.held = nil
	}
	if a.Published == "" {
		a.Published = in.opt.Date
	}
	if a.Source == "" {
		a.Source = in.opt.Source
	}
	a.Identify()
	if line > 0 {
		a.Origin = fmt.Sprintf("%s:%d", in.name, line)
		a.Locations = []string{fmt.Sprintf("%s:%d", in.location, line)}
	} else {
		a.Origin = in.name
		a.Locations = []string{in.location}
	}
	a.Language = identifyLanguage(a.Language, a.Text, in.declared)
	if a.Language != "" && a.Language != English && !in.opt.AnyLanguage {
		if in.opt.Skipped != nil {
			in.opt.Skipped(Skip{Article: a, Reason: fmt.Sprintf("not in English (%s)", a.Language)})
		}
		return nil
	}
	return in.fn(a)
}

// bare reports a record or feed item that has no text. It is a warning:
// a feed's photo gallery or a paywalled record is not an error in the
// input. An input none of whose records has text is one, reported by
// finish.
func (in *input) bare(line int, format string, args ...any) {
	in.noText++
	p := Problem{Path: in.name, Line: line, Err: fmt.Errorf(format, args...), Warning: true}
	switch {
	case in.articles > 0:
		in.problem(p)
	case len(in.held) < maxHeld:
		in.held = append(in.held, p)
	}
}

// maxHeld bounds the warnings held by bare; the count of the rest is
// reported instead.
const maxHeld = 20

// finish reports an input none of whose records or items had text as one
// error instead of a warning for each: it is not a file of articles (a
// gold annotation, a table of events). what names its parts ("record"),
// lookedFor the fields searched for text.
func (in *input) finish(what, lookedFor string) {
	if in.noText == 0 || in.articles > 0 {
		return
	}
	first := in.held[0].Line
	in.held = nil
	if in.noText == 1 {
		in.fail(first, "its only %s has no text (looked for %s): nothing read", what, lookedFor)
		return
	}
	in.fail(first, "none of its %d %ss has any text (looked for %s): not articles, nothing read", in.noText, what, lookedFor)
}

// readError reports an error from the underlying reader (a disk error, a
// corrupt gzip stream) unless it is the context's.
func (in *input) readError(line int, err error) error {
	if ctxErr := in.ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is printed already
	}
	in.fail(line, "read failed: %v", err)
	return nil
}

// cancelableReader makes a blocking reader, such as standard input held open
// by a quiet pipe or a terminal, give up when ctx is cancelled, so Ctrl+C
// stops `kg load -` even while it waits for input. A pipe has no read
// deadline, hence the goroutine: a read abandoned on cancel finishes (or
// not) on its own, and the process is about to end anyway.
type cancelableReader struct {
	ctx context.Context
	r   io.Reader
}

func (c cancelableReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	type result struct {
		n   int
		err error
	}
	buf := make([]byte, len(p))
	done := make(chan result, 1)
	go func() {
		n, err := c.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case r := <-done:
		return copy(p, buf[:r.n]), r.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
