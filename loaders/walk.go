package loaders

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Options apply to every article read.
type Options struct {
	Date   string // publication date for articles that carry none (YYYY-MM-DD)
	Source string // publisher for articles that name none
}

// Problem is an input that could not be read, with where it was.
type Problem struct {
	Path string
	Line int // 0 when not line-based
	Err  error
}

func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Path, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

func (p Problem) Unwrap() error { return p.Err }

// Walk reads every article under paths (files, folders read recursively, or
// "-" for standard input) and calls fn with each, in order. Inputs that
// cannot be read are reported to problem and skipped; the walk goes on.
// Walk stops early when ctx is cancelled or fn returns an error.
func Walk(ctx context.Context, paths []string, opt Options, fn func(Article) error, problem func(Problem)) error {
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(Problem{Path: path, Err: err})
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			return readFile(ctx, path, opt, fn, problem)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func readFile(ctx context.Context, path string, opt Options, fn func(Article) error, problem func(Problem)) error {
	f, err := os.Open(path)
	if err != nil {
		problem(Problem{Path: path, Err: err})
		return nil
	}
	defer f.Close()
	if strings.HasSuffix(path, ".jsonl") {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		line := 0
		for sc.Scan() {
			line++
			var rec struct{ ID, Source, Published, Text, URL, Title string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				problem(Problem{Path: path, Line: line, Err: err})
				continue
			}
			a := Article{ID: rec.ID, URL: rec.URL, Title: rec.Title, Source: rec.Source, Published: rec.Published, Text: rec.Text, Origin: fmt.Sprintf("%s:%d", path, line)}
			finish(&a, opt)
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	}
	if strings.HasSuffix(path, ".txt") {
		b, err := os.ReadFile(path)
		if err != nil {
			problem(Problem{Path: path, Err: err})
			return nil
		}
		a := Article{ID: strings.TrimSuffix(filepath.Base(path), ".txt"), Text: string(b), Origin: path}
		finish(&a, opt)
		return fn(a)
	}
	problem(Problem{Path: path, Err: fmt.Errorf("unknown file type")})
	return nil
}

func finish(a *Article, opt Options) {
	if a.Published == "" {
		a.Published = opt.Date
	}
	if a.Source == "" {
		a.Source = opt.Source
	}
	a.Identify()
}
