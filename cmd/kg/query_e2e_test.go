package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

var (
	seedsOnce sync.Once
	seedsEnv  []string
)

// loadedSeeds loads the seed articles into a store of their own, once per
// test run, and returns the environment naming it.
func loadedSeeds(t *testing.T) []string {
	t.Helper()
	seedsOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kg-query-e2e-")
		if err != nil {
			t.Fatal(err)
		}
		env := []string{"KG_DB=" + filepath.Join(dir, "kg.db")}
		if _, errOut, code := runKG(t, env, "load", seeds); code != 0 {
			t.Fatalf("kg load: exit %d: %s", code, errOut)
		}
		seedsEnv = env
	})
	if seedsEnv == nil {
		t.Fatal("the seed store could not be loaded")
	}
	return seedsEnv
}

// kg query and kg export check the arguments they share the same way:
// a name that matches nobody, a date that is not one, a range the wrong
// way round, with the same words and exit statuses.
func TestQueryAndExportCheckArguments(t *testing.T) {
	env := loadedSeeds(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"query", "meetings", "--arg", "persn=Rouhani"}, 2,
			`query: unknown argument "persn" for meetings (it takes person, with, from, to); did you mean person?`},
		{[]string{"query", "people", "--arg", "from=2017"}, 2, `unknown argument "from" for people (it takes person)`},
		{[]string{"query", "roles"}, 2, "roles needs --arg person=NAME"},
		{[]string{"query", "meetings", "--arg", "from=2017-13"}, 2,
			`query: --arg from=2017-13: "2017-13" is not a date: there is no such day or month`},
		{[]string{"export", "--format", "dot", "--from", "2017-13"}, 2,
			`export: --from 2017-13: "2017-13" is not a date: there is no such day or month`},
		{[]string{"query", "meetings", "--arg", "to=18/01/2017"}, 2, `"18/01/2017" is not a date like 2017, 2017-01 or 2017-01-18`},
		{[]string{"export", "--format", "dot", "--to", "18/01/2017"}, 2, `"18/01/2017" is not a date like 2017, 2017-01 or 2017-01-18`},
		{[]string{"query", "meetings", "--arg", "from=2018", "--arg", "to=2017"}, 2, "--arg from=2018 is after --arg to=2017"},
		{[]string{"export", "--format", "dot", "--from", "2018", "--to", "2017"}, 2, "--from 2018 is after --to 2017"},
		{[]string{"query", "meetings", "--arg", "person=Nobody Atall"}, 1,
			`query: --arg person=Nobody Atall: no person called "Nobody Atall" in the store`},
		{[]string{"export", "--format", "dot", "--person", "Nobody Atall"}, 1,
			`export: --person Nobody Atall: no person called "Nobody Atall" in the store`},
	} {
		_, errOut, code := runKG(t, env, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("kg %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tc.args, " "), code, errOut, tc.code, tc.want)
		}
	}
	// A script of one's own takes any argument.
	if _, errOut, code := runKG(t, env, "query", "--arg", "anything=1", "-e", "g.Emit(args.anything)"); code != 0 {
		t.Errorf("kg query -e with an argument: exit %d: %s", code, errOut)
	}
}

// --timeout 0 lets a script run as long as it takes, as in the REPL.
func TestQueryTimeoutZeroIsNoLimit(t *testing.T) {
	env := emptyStore(t)
	script := `var t = Date.now(); while (Date.now() - t < 400) {} g.Emit("done")`
	if out, errOut, code := runKG(t, env, "query", "--timeout", "0", "--format", "json", "-e", script); code != 0 || !strings.Contains(out, "done") {
		t.Errorf("--timeout 0: exit %d, stdout %q, stderr %q; want the script to finish", code, out, errOut)
	}
	if _, errOut, code := runKG(t, env, "query", "--timeout", "100ms", "-e", script); code == 0 || !strings.Contains(errOut, "time limit") {
		t.Errorf("--timeout 100ms: exit %d, stderr %q; want the time limit", code, errOut)
	}
}

// Results are printed as they come in every format: the first is out
// while the script still runs.
func TestQueryOutputStreams(t *testing.T) {
	env := emptyStore(t)
	// The script never ends by itself: the first result must come out
	// while it runs, however slow the machine; the test then stops it.
	script := `g.Emit({n: 1}); while (true) {}`
	for _, format := range []string{"json", "csv", "table"} {
		t.Run(format, func(t *testing.T) {
			cmd := exec.Command(kgBinary(t), "query", "--timeout", "0", "--format", format, "-e", script)
			cmd.Env = append(os.Environ(), env...)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() {
				cmd.Process.Kill()
				cmd.Wait()
			}()
			first := make(chan error, 1)
			go func() {
				r := bufio.NewReader(stdout)
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						first <- fmt.Errorf("output ended before the first result: %v", err)
						return
					}
					if strings.Contains(line, "1") {
						first <- nil
						io.Copy(io.Discard, r)
						return
					}
				}
			}()
			select {
			case err := <-first:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(60 * time.Second):
				t.Fatal("no result after a minute: the output waits for the script to end")
			}
		})
	}
}

// JSON output is written as it comes: a script emitting far more than the
// memory it may use ends well, in little memory (issue 15, item 10).
func TestQueryJSONDoesNotHoldTheOutput(t *testing.T) {
	env := emptyStore(t)
	script := `var s = "x"; while (s.length < (1 << 22)) { s = s + s; } for (var i = 0; i < 200; i++) { g.Emit(s); }`
	cmd := exec.Command(kgBinary(t), "query", "--format", "json", "--timeout", "0", "-e", script)
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("kg query: %v: %s", err, stderr.String())
	}
	if n < 200<<22 {
		t.Errorf("wrote %d bytes, want the 200 strings of 4 MiB", n)
	}
	if rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss; rss > 500<<10 {
		t.Errorf("peak memory %d MiB for 800 MiB of output: the output is held, not streamed", rss>>10)
	}
}

// A field that appears only after a table's or CSV's columns were set is
// reported, not silently dropped.
func TestQueryReportsFieldsOutsideTheColumns(t *testing.T) {
	env := emptyStore(t)
	script := `for (var i = 0; i < 100; i++) { g.Emit({a: i}); } g.Emit({a: 100, late: "x"})`
	for _, format := range []string{"csv", "table"} {
		_, errOut, code := runKG(t, env, "query", "--format", format, "-e", script)
		if code != 0 || !strings.Contains(errOut, "some results also have late") {
			t.Errorf("--format %s: exit %d, stderr %q; want a word about the field late", format, code, errOut)
		}
	}
	out, _, _ := runKG(t, env, "query", "--format", "json", "-e", script)
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 101 || got[100]["late"] != "x" {
		t.Errorf("--format json: want every field of the 101 results (%v)", err)
	}
}

// On a terminal a table shows one screenful and says how to see the rest;
// piped, it shows everything.
func TestQueryPagesOnATerminal(t *testing.T) {
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skipf("no pseudo-terminals on this machine (/dev/ptmx: %v)", err)
	}
	env := emptyStore(t)
	script := `for (var i = 0; i < 500; i++) { g.Emit({i: i}); }`
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(kgBinary(t), "query", "-e", script)
	cmd.Env = append(os.Environ(), env...)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = tty, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	var screen strings.Builder
	io.Copy(&screen, ptmx) // ends with an error once kg has exited
	if err := cmd.Wait(); err != nil {
		t.Fatalf("kg query on a terminal: %v: %s", err, stderr.String())
	}
	rows := 0
	for _, l := range strings.Split(screen.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" && l[0] >= '0' && l[0] <= '9' {
			rows++
		}
	}
	if rows != 26 || !strings.Contains(stderr.String(), "the first 26 results; there are more") {
		t.Errorf("on a terminal of 30 rows: %d rows shown, stderr %q; want 26 and how to see more", rows, stderr.String())
	}
	out, _, code := runKG(t, env, "query", "-e", script)
	if code != 0 || !strings.Contains(out, "(500 results)") {
		t.Errorf("piped: exit %d, want all 500 results, got %q", code, lastLine(out))
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
