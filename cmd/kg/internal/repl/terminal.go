package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"github.com/peterh/liner"
)

// Prompts.
const (
	Prompt             = "kg> "
	ContinuationPrompt = "...> "
)

// TerminalOptions configure an interactive session.
type TerminalOptions struct {
	// Banner is printed once at the start.
	Banner string
	// HistoryPath is the history file; empty keeps no history.
	HistoryPath string
	// OnCancel is called when ctx is cancelled (SIGTERM) while the session
	// waits at the prompt, after the terminal has been restored; it would
	// typically exit the process. Nil leaves the session waiting.
	OnCancel func()
}

// Interactive runs the session on the terminal (standard input and output)
// until :quit, Ctrl+D or the end of ctx. It reads lines with liner, keeps
// them in the history file, completes with Tab, gathers multi-line entries
// and turns Ctrl+C (SIGINT) while a query runs into cancelling that query.
func (s *Session) Interactive(ctx context.Context, opt TerminalOptions) error {
	s.slowNote = 2 * time.Second

	line := liner.NewLiner()
	var closeOnce sync.Once
	closeLine := func() { closeOnce.Do(func() { line.Close() }) }
	defer closeLine()
	line.SetCtrlCAborts(true)
	line.SetTabCompletionStyle(liner.TabPrints)
	completer := NewCompleter()
	line.SetWordCompleter(completer.Complete)

	hist := History{Path: opt.HistoryPath}
	if opt.HistoryPath != "" {
		lines, err := hist.Load()
		if err != nil {
			fmt.Fprintf(s.info, "history: %v\n", err)
		}
		for _, l := range lines {
			line.AppendHistory(l)
		}
	}

	// The store's vocabulary for completion is read in the background.
	loadCtx, stopLoading := context.WithCancel(ctx)
	var loading sync.WaitGroup
	loading.Add(1)
	go func() {
		defer loading.Done()
		completer.Load(loadCtx, s.store) // completion works without it, with less to offer
	}()
	defer func() {
		stopLoading()
		loading.Wait()
	}()

	// Ctrl+C at the prompt is a key liner reads; while a query runs the
	// terminal is back in its usual mode and Ctrl+C raises SIGINT, which
	// stops the query only.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer signal.Stop(interrupts)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-interrupts:
				s.Interrupt()
			case <-ctx.Done():
				select {
				case <-done:
					// The session ended first, and the command's
					// context with the command: not a SIGTERM.
					return
				default:
				}
				closeLine()
				fmt.Fprintln(s.info)
				if opt.OnCancel != nil {
					opt.OnCancel()
				}
				return
			case <-done:
				return
			}
		}
	}()

	if opt.Banner != "" {
		fmt.Fprintln(s.info, opt.Banner)
	}
	historyBroken := false
	var pending []string // lines of an entry not yet complete
	for {
		prompt := Prompt
		if len(pending) > 0 {
			prompt = ContinuationPrompt
		}
		text, err := line.Prompt(prompt)
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			pending = nil // Ctrl+C at the prompt drops the line, and the entry it continues
			continue
		case errors.Is(err, io.EOF):
			fmt.Fprintln(s.info)
			return nil
		case err != nil:
			return fmt.Errorf("read input: %w", err)
		}
		if strings.TrimSpace(text) != "" {
			line.AppendHistory(text)
			if opt.HistoryPath != "" && !historyBroken {
				if err := hist.Append(text); err != nil {
					fmt.Fprintf(s.info, "%v (history is not saved this session)\n", err)
					historyBroken = true
				}
			}
		}
		if len(pending) == 0 && IsCommand(text) {
			if s.Handle(ctx, text) {
				return nil
			}
			continue
		}
		pending = append(pending, text)
		entry := strings.Join(pending, "\n")
		if Incomplete(entry) {
			continue
		}
		pending = nil
		s.Handle(ctx, entry)
		if ctx.Err() != nil {
			return nil
		}
	}
}
