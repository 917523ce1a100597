package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// historyKeep is how many lines the history file keeps; it is trimmed back
// to this when it has grown to twice as many.
const historyKeep = 1000

// HistoryPath is where the REPL keeps the lines typed in earlier sessions:
// $XDG_STATE_HOME/kg/history, or ~/.local/state/kg/history when
// XDG_STATE_HOME is unset (or, against the XDG rules, not absolute).
func HistoryPath() (string, error) {
	if dir := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "kg", "history"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find history file: %w", err)
	}
	return filepath.Join(home, ".local", "state", "kg", "history"), nil
}

// History is the history file: one typed line a line, appended as each line
// is entered so that a session killed part way keeps what it had.
type History struct {
	Path string
}

// Load returns the last lines of the history file, oldest first; a missing
// file is an empty history. A file grown past twice historyKeep lines is
// trimmed.
func (h History) Load() ([]string, error) {
	f, err := os.Open(h.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		if l := sc.Text(); strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read history %s: %w", h.Path, err)
	}
	if len(lines) > 2*historyKeep {
		lines = lines[len(lines)-historyKeep:]
		if err := h.rewrite(lines); err != nil {
			return lines, err
		}
	}
	if len(lines) > historyKeep {
		lines = lines[len(lines)-historyKeep:]
	}
	return lines, nil
}

// Append adds one line to the history file, creating it and its folder on
// first use. The folder and file are private to the user: queries may name
// people under investigation.
func (h History) Append(line string) error {
	if strings.TrimSpace(line) == "" || strings.ContainsAny(line, "\r\n") {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(h.Path), 0o700); err != nil {
		return fmt.Errorf("create history folder: %w", err)
	}
	f, err := os.OpenFile(h.Path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("open history: %w", err)
	}
	_, err = io.WriteString(f, line+"\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write history %s: %w", h.Path, err)
	}
	return nil
}

// rewrite replaces the history file with lines, atomically.
func (h History) rewrite(lines []string) error {
	tmp, err := os.CreateTemp(filepath.Dir(h.Path), ".history-*")
	if err != nil {
		return fmt.Errorf("trim history: %w", err)
	}
	_, err = io.WriteString(tmp, strings.Join(lines, "\n")+"\n")
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), h.Path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("trim history %s: %w", h.Path, err)
	}
	return nil
}
