package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	builtKG   string
	buildErr  error
)

// kgBinary builds the kg command once per test run and returns its path,
// so end-to-end tests drive the real program.
func kgBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kg-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtKG = filepath.Join(dir, "kg")
		out, err := exec.Command("go", "build", "-o", builtKG, ".").CombinedOutput()
		if err != nil {
			buildErr = &buildError{err: err, out: out}
		}
	})
	if buildErr != nil {
		t.Fatalf("build kg: %v", buildErr)
	}
	return builtKG
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + string(e.out) }

// runKG runs the kg binary with args and returns stdout, stderr and the
// exit code.
func runKG(t testing.TB, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runKGIn(t, "", env, args...)
}

// runKGIn runs kg as runKG does, in the folder dir ("" for the test's).
func runKGIn(t testing.TB, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(kgBinary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run kg %v: %v", args, err)
	}
	return out.String(), errb.String(), code
}
