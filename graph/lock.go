package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// fileLock is an advisory lock (flock) on a file next to an embedded
// store. Cayley's bolt backend would otherwise block forever on a second
// opener, and leveldb would fail with a bare "resource temporarily
// unavailable"; with this lock a process the store is not free for gets
// ErrStoreInUse, naming the process that holds it, within the wait it was
// given.
//
// Writers take it exclusive. Readers of a leveldb store share it: they open
// leveldb read-only (Options.Reading), which takes leveldb's own lock
// shared too, so any number of queries run at once, and none while a
// writer holds the store. Readers of a bolt store take it exclusive, as
// writers do: Cayley 0.7.7 opens bolt read-write whatever the caller means
// to do (its Open has no read-only option), so a shared lock would only
// move the wait into bolt, where it has no time limit.
//
// The kernel drops a flock when its holder dies, even by SIGKILL, so a
// crashed load never leaves the store locked; the pid written in the file is
// only there to name the holder in the message.
type fileLock struct{ f *os.File }

// lockPoll is how often acquireLock retries while another process holds
// the lock.
const lockPoll = 50 * time.Millisecond

// acquireLock takes the lock at path, exclusive or shared, waiting for it
// at most wait.
func acquireLock(ctx context.Context, path string, wait time.Duration, shared bool) (*fileLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
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
// articles.jsonl" where the command line can be read, else "pid 1234". The
// file names the last process that took the lock; when readers share it,
// that one may have ended while others read on, and it is not named.
func describeHolder(pid string) string {
	if pid == "" {
		return ""
	}
	if _, err := os.Stat("/proc/" + pid); errors.Is(err, os.ErrNotExist) {
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
