package graph

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// When emit panics (a script's exception, or kg query's first page being
// full), readOrdered returns only once no goroutine of its own is reading:
// the caller closes the store next, and a read still going on then would
// hang in leveldb or read a closed store.
func TestReadOrderedWaitsForItsReadersWhenEmitPanics(t *testing.T) {
	s, err := Open(context.Background(), Options{Backend: BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var reading atomic.Int32
	produce := func(ctx context.Context, _ *Facts, send func([]int) error) error {
		return chunks([]int{1, 2, 3, 4, 5, 6, 7, 8}, 1, send)
	}
	read := func(_ *Facts, ctx context.Context, group []int) (int, error) {
		reading.Add(1)
		defer reading.Add(-1)
		time.Sleep(time.Duration(group[0]) * 20 * time.Millisecond)
		return group[0], nil
	}
	emit := func(int) error { panic("the first page is full") }
	func() {
		defer func() {
			if r := recover(); r != "the first page is full" {
				t.Errorf("readOrdered let through %v, want emit's panic", r)
			}
		}()
		readOrdered(context.Background(), s.Facts(), produce, read, emit)
	}()
	if n := reading.Load(); n != 0 {
		t.Errorf("%d readers still reading after readOrdered returned", n)
	}
}

// Close waits for the scripts still ending after Query returned (a script
// stopped inside a long call ends at its next instruction); leveldb closed
// under one of their reads would hang.
func TestCloseWaitsForStoppedScripts(t *testing.T) {
	s, err := Open(context.Background(), Options{Backend: BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	s.scripts.Add(1) // a script still ending
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case <-closed:
		t.Fatal("Close returned while a script was still ending")
	case <-time.After(100 * time.Millisecond):
	}
	s.scripts.Done()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return once the script had ended")
	}

	// A query run to its end leaves nothing for Close to wait for.
	s2, err := Open(context.Background(), Options{Backend: BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Query(context.Background(), `g.Emit(1); g.Emit(2)`, QueryOptions{Limit: 1}, func(any) error { return nil }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s2.Close() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close hung after a query stopped at its limit")
	}
}
