package graph

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// fileLock is an exclusive advisory lock (flock) on a file next to an
// embedded store. Cayley's bolt backend would otherwise block forever on a
// second opener, and leveldb would fail with a bare "resource temporarily
// unavailable"; with this lock the second process gets ErrStoreInUse, naming
// the process that holds the store, within the wait it was given.
//
// Readers take the same exclusive lock as writers: Cayley 0.7.7 opens bolt
// read-write whatever the caller means to do (its Open has no read-only
// option) and leveldb allows one process at a time, so a shared lock for
// readers would only move the wait into the backend, where it has no time
// limit. A reader therefore gets the same clear message as a writer.
//
// The kernel drops a flock when its holder dies, even by SIGKILL, so a
// crashed load never leaves the store locked; the pid written in the file is
// only there to name the holder in the message.
type fileLock struct{ f *os.File }

// lockPoll is how often acquireLock retries while another process holds
// the lock.
const lockPoll = 50 * time.Millisecond

func acquireLock(ctx context.Context, path string, wait time.Duration) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if err != syscall.EWOULDBLOCK {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !time.Now().Before(deadline) {
			holder := describeHolder(readHolder(f))
			f.Close()
			if holder != "" {
				return nil, fmt.Errorf("%w (%s); wait for it to finish or stop it", ErrStoreInUse, holder)
			}
			return nil, fmt.Errorf("%w; wait for it to finish or stop it", ErrStoreInUse)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(min(lockPoll, time.Until(deadline)+time.Millisecond)):
		}
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return &fileLock{f: f}, nil
}

// readHolder returns the pid the holder wrote into the lock file, or "".
func readHolder(f *os.File) string {
	buf := make([]byte, 32)
	n, _ := f.ReadAt(buf, 0)
	pid := strings.TrimSpace(string(buf[:n]))
	if _, err := strconv.Atoi(pid); err != nil {
		return ""
	}
	return pid
}

// describeHolder says which process holds the lock: "pid 1234: kg load
// articles.jsonl" where the command line can be read, else "pid 1234".
func describeHolder(pid string) string {
	if pid == "" {
		return ""
	}
	b, err := os.ReadFile("/proc/" + pid + "/cmdline")
	if err != nil || len(b) == 0 {
		return "pid " + pid
	}
	args := strings.Fields(strings.ReplaceAll(string(b), "\x00", " "))
	if len(args) > 0 {
		args[0] = args[0][strings.LastIndexByte(args[0], '/')+1:]
	}
	cmd := strings.Join(args, " ")
	if len(cmd) > 80 {
		cmd = cmd[:77] + "..."
	}
	return "pid " + pid + ": " + cmd
}

func (l *fileLock) release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}
