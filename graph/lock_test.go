package graph_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kg-project/kg/graph"
)

func openAt(ctx context.Context, backend, path string, wait time.Duration) (*graph.Store, error) {
	return graph.Open(ctx, graph.Options{Backend: backend, Path: path, LockWait: wait})
}

// A second opener of an embedded store in use gets ErrStoreInUse, naming
// the holder, once its wait is over, and can open the store once the first
// one closes it.
func TestSecondOpenGetsStoreInUse(t *testing.T) {
	for _, backend := range []string{graph.BackendBolt, graph.BackendLevelDB} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "kg.db")
			first, err := openAt(ctx, backend, path, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			second, err := openAt(ctx, backend, path, 300*time.Millisecond)
			took := time.Since(start)
			if err == nil {
				second.Close()
				t.Fatal("a second Open of a store in use succeeded")
			}
			if !errors.Is(err, graph.ErrStoreInUse) {
				t.Fatalf("error %v, want ErrStoreInUse", err)
			}
			for _, want := range []string{"store in use", "pid " + strconv.Itoa(os.Getpid()), path} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q lacks %q", err, want)
				}
			}
			if took < 250*time.Millisecond || took > 3*time.Second {
				t.Errorf("gave up after %s, want about the 300ms wait", took)
			}
			if err := first.Close(); err != nil {
				t.Fatal(err)
			}
			again, err := openAt(ctx, backend, path, 300*time.Millisecond)
			if err != nil {
				t.Fatalf("open after the holder closed: %v", err)
			}
			again.Close()
		})
	}
}

// Stores opened to read share a leveldb store: any number at once, none
// while a writer holds it, and no writer while one reads. A bolt store
// stays one process at a time, readers included.
func TestReadersShareALevelDBStore(t *testing.T) {
	ctx := context.Background()
	reading := func(backend, path string) (*graph.Store, error) {
		return graph.Open(ctx, graph.Options{Backend: backend, Path: path, Reading: true, MustExist: true, LockWait: 200 * time.Millisecond})
	}
	for _, tc := range []struct {
		backend string
		shared  bool
	}{{graph.BackendLevelDB, true}, {graph.BackendBolt, false}} {
		t.Run(tc.backend, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kg.db")
			made, err := openAt(ctx, tc.backend, path, time.Second)
			if err != nil {
				t.Fatal(err)
			}
			made.Close()

			first, err := reading(tc.backend, path)
			if err != nil {
				t.Fatal(err)
			}
			defer first.Close()
			if _, err := openAt(ctx, tc.backend, path, 200*time.Millisecond); !errors.Is(err, graph.ErrStoreInUse) {
				t.Errorf("a writer while a reader holds the store: %v, want ErrStoreInUse", err)
			}
			second, err := reading(tc.backend, path)
			if tc.shared {
				if err != nil {
					t.Fatalf("a second reader: %v", err)
				}
				for _, s := range []*graph.Store{first, second} {
					if _, err := s.QuadCount(ctx); err != nil {
						t.Errorf("a reader of a shared store: %v", err)
					}
				}
				second.Close()
			} else if !errors.Is(err, graph.ErrStoreInUse) {
				if err == nil {
					second.Close()
				}
				t.Errorf("a second reader of a %s store: %v, want ErrStoreInUse", tc.backend, err)
			}
			first.Close()

			writer, err := openAt(ctx, tc.backend, path, time.Second)
			if err != nil {
				t.Fatalf("a writer once the readers closed: %v", err)
			}
			defer writer.Close()
			if _, err := reading(tc.backend, path); !errors.Is(err, graph.ErrStoreInUse) {
				t.Errorf("a reader while a writer holds the store: %v, want ErrStoreInUse", err)
			}
		})
	}
}

// A waiting opener gets the store as soon as the holder closes it.
func TestOpenWaitsForTheHolder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	first, err := openAt(ctx, graph.BackendBolt, path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	time.AfterFunc(300*time.Millisecond, func() { first.Close() })
	start := time.Now()
	second, err := openAt(ctx, graph.BackendBolt, path, 10*time.Second)
	if err != nil {
		t.Fatalf("open while the holder closes: %v", err)
	}
	defer second.Close()
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s to get a store released after 300ms", took)
	}
}

// Waiting for the lock stops when the context ends.
func TestOpenWaitHonoursContext(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kg.db")
	first, err := openAt(context.Background(), graph.BackendBolt, path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = openAt(ctx, graph.BackendBolt, path, time.Minute)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v, want the context's", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %s", took)
	}
}

// lockHelperEnv makes the test binary act as a second process that opens
// a store, says "ready" and waits to be killed.
const lockHelperEnv = "KG_LOCK_TEST_HOLD"

func TestLockHelperProcess(t *testing.T) {
	spec := os.Getenv(lockHelperEnv)
	if spec == "" {
		t.Skip("helper process for TestLockAcrossProcesses")
	}
	backend, path, _ := strings.Cut(spec, "=")
	s, err := openAt(context.Background(), backend, path, time.Second)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(2)
	}
	fmt.Println("ready")
	time.Sleep(time.Minute)
	// Until here the store must stay reachable: once it is not, the
	// garbage collector may close the lock file's descriptor (os.File's
	// finalizer), which drops the lock while leveldb still holds its own,
	// and the other process then fails on leveldb's lock instead of kg's.
	runtime.KeepAlive(s)
	os.Exit(0)
}

// Another process holding the store makes Open fail with ErrStoreInUse; once
// that process is killed with SIGKILL the kernel has dropped its lock and the
// store opens at once.
func TestLockAcrossProcesses(t *testing.T) {
	for _, backend := range []string{graph.BackendBolt, graph.BackendLevelDB} {
		t.Run(backend, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "kg.db")
			cmd := exec.Command(os.Args[0], "-test.run=^TestLockHelperProcess$")
			cmd.Env = append(os.Environ(), lockHelperEnv+"="+backend+"="+path)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil || strings.TrimSpace(line) != "ready" {
				t.Fatalf("helper said %q, %v", line, err)
			}
			_, err = openAt(context.Background(), backend, path, 300*time.Millisecond)
			if !errors.Is(err, graph.ErrStoreInUse) {
				t.Fatalf("open while another process holds the store: %v, want ErrStoreInUse", err)
			}
			if !strings.Contains(err.Error(), "pid "+strconv.Itoa(cmd.Process.Pid)) {
				t.Errorf("message %q does not name the holder, pid %d", err, cmd.Process.Pid)
			}
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			s, err := openAt(context.Background(), backend, path, 2*time.Second)
			if err != nil {
				t.Fatalf("open after the holder was killed: %v", err)
			}
			s.Close()
		})
	}
}
