package main

// End-to-end regression tests for hostile input and concurrency (issue 15):
// each runs the real kg binary as separate processes — against real
// PostgreSQL servers, damaged files, /dev/zero, pseudo-terminals — and
// checks what a user would see. docs/reliability.md lists them.

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kg-project/kg/graph"
	"github.com/kg-project/kg/graph/pgtest"
	"github.com/kg-project/kg/schema"
)

// runKGStats runs kg like runKG and also returns its peak resident memory
// in MiB and how long it ran.
func runKGStats(t *testing.T, env []string, stdin io.Reader, args ...string) (stdout, stderr string, code int, peakMiB int64, took time.Duration) {
	t.Helper()
	cmd := exec.Command(kgBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	code = relWait(t, cmd, 3*time.Minute)
	took = time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peakMiB = ru.Maxrss >> 10 // Linux reports kilobytes
	}
	return out.String(), errb.String(), code, peakMiB, took
}

// startKG starts kg in the background, its standard error gathered in the
// buffer returned.
func startKG(t *testing.T, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(kgBinary(t), args...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// seedStore loads the seed articles into a new store of the backend
// ("bolt" or "leveldb") and returns the environment that points kg at it.
func seedStore(t *testing.T, backend string) (db string, env []string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "kg."+backend)
	env = []string{"KG_DB=" + db, "KG_BACKEND=" + backend}
	if _, errOut, code := runKG(t, env, "load", "../../testdata/seeds/articles.jsonl"); code != 0 {
		t.Fatalf("kg load: exit %d\n%s", code, errOut)
	}
	return db, env
}

// noCrash fails the test when kg's stderr shows a Go crash.
func noCrash(t *testing.T, what, stderr string) {
	t.Helper()
	for _, sign := range []string{"goroutine ", "panic:", "fatal error", "stack overflow", "SIGSEGV"} {
		if strings.Contains(stderr, sign) {
			t.Errorf("%s: kg crashed (%q in stderr):\n%.2000s", what, sign, stderr)
			return
		}
	}
}

// Item 8. The scripts that made goja or Gizmo panic — ending kg — now
// return, through kg query and through the REPL, with results or a kg:
// message.
func TestQueryPanicsThroughBinary(t *testing.T) {
	_, env := seedStore(t, "leveldb")
	scripts := []string{
		`iri(new String("x"))`,
		`g.V().Out(new String("<kg:name>")).All()`,
		`lang(new String("x"), "en")`, `str(new String("x"))`, `typed(new String("x"), "y")`,
		`g.V().Tag(new String("x")).All()`,
		`g.V().__kgPath.Out({}).All()`,
		`var p; g.V().ForEach(function () { p = this }); p.Out({})`,
		`g.V().Has("<kg:name>", {}).All()`,
		`g.Emit(Object.freeze({a: [1, Object.seal({b: 2})]}))`,
	}
	for _, s := range scripts {
		t.Run(s, func(t *testing.T) {
			_, errOut, code := runKG(t, env, "query", "-e", s)
			noCrash(t, "kg query", errOut)
			if code != 0 && (code != 1 || !strings.HasPrefix(errOut, "kg: ")) {
				t.Errorf("kg query: exit %d, stderr %q", code, errOut)
			}
			_, errOut, code, _, _ = runKGStats(t, env, strings.NewReader(s), "repl")
			noCrash(t, "kg repl", errOut)
			if code != 0 && (code != 1 || !strings.HasPrefix(errOut, "kg: ")) {
				t.Errorf("kg repl: exit %d, stderr %q", code, errOut)
			}
		})
	}
}

// Item 9. Recursion that would overflow the Go stack — which no recover
// can catch — is refused or stopped with a kg: message.
func TestRecursionThroughBinary(t *testing.T) {
	_, env := seedStore(t, "bolt")
	parens := filepath.Join(t.TempDir(), "parens.js")
	if err := os.WriteFile(parens, []byte(strings.Repeat("(", 2<<20)+"1"+strings.Repeat(")", 2<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"JSON.parse of 4 million brackets", []string{"-e", `JSON.parse(Array(4e6).join("["))`}, "JSON text nests more than 2000 levels"},
		{"nested arrays to a string", []string{"-e", `var a = []; for (var i = 0; i < 300000; i++) { a = [a] } String(a)`}, "recursion too deep"},
		{"built-ins calling each other", []string{"-e", `var o = {}; o.toString = String.prototype.concat; String(o)`}, "recursion too deep"},
		{"4 MB script of parentheses", []string{parens}, "larger than 1 MiB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errOut, code, peak, took := runKGStats(t, env, nil, append([]string{"query", "--timeout", "60s"}, c.args...)...)
			noCrash(t, "kg query", errOut)
			if code == 0 || !strings.HasPrefix(errOut, "kg: ") || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want a kg: message saying %q", code, errOut, c.want)
			}
			t.Logf("%s: %s, peak %d MiB", c.name, took.Round(time.Millisecond), peak)
		})
	}
}

// processCPU reads the CPU time a process has used from /proc.
func processCPU(t *testing.T, pid int) time.Duration {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Skipf("no /proc on this machine: %v", err)
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ is 100 on Linux
}

// Item 11. A REPL query stopped at its time limit stops: the process is
// idle at the prompt afterwards, even for a script that catches the
// interruption and loops on.
func TestREPLStoppedQueryStops(t *testing.T) {
	_, env := seedStore(t, "bolt")
	r := startREPL(t, env)
	r.send(":timeout 1s\r")
	r.expect("timeout: 1s")
	r.expect("kg> ")
	// The callback never returns, so the interruption always lands in it,
	// and Gizmo hands it to the script as an exception it can catch.
	r.send(`var n = 0; while (true) { try { g.V().ForEach(function () { while (true) { n++ } }) } catch (e) {} }` + "\r")
	r.expect("time limit")
	r.expect("kg> ")
	time.Sleep(300 * time.Millisecond)
	before := processCPU(t, r.cmd.Process.Pid)
	time.Sleep(2 * time.Second)
	if used := processCPU(t, r.cmd.Process.Pid) - before; used > 400*time.Millisecond {
		t.Errorf("kg repl used %s of CPU in the 2s after the query was stopped: it still runs", used)
	}
	r.send(articlesQuery + "\r")
	r.expectArticles(seedArticleIDs(t))
	r.quit()
}

// Item 16. A script of endless zeros — kg repl fed /dev/zero, kg query
// /dev/zero — is refused after its first MiB, in little memory.
func TestScriptSizeThroughBinary(t *testing.T) {
	_, env := seedStore(t, "bolt")
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip("no /dev/zero")
	}
	defer zero.Close()
	for _, args := range [][]string{{"repl"}, {"query", "/dev/zero"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, errOut, code, peak, took := runKGStats(t, env, zero, args...)
			if code == 0 || !strings.Contains(errOut, "larger than 1 MiB") {
				t.Errorf("exit %d, stderr %q; want a refusal of a script larger than 1 MiB", code, errOut)
			}
			if peak > 200 {
				t.Errorf("peak memory %d MiB reading a script of zeros", peak)
			}
			t.Logf("%s: refused in %s, peak %d MiB", strings.Join(args, " "), took.Round(time.Millisecond), peak)
		})
	}
}

// Item 18. kg query and the REPL place an error at the same line and
// column, those of the user's own file, whatever kg puts before it.
func TestErrorPositionsThroughBinary(t *testing.T) {
	_, env := seedStore(t, "bolt")
	dir := t.TempDir()
	cases := []struct {
		name, src string
		line, col int
	}{
		{"require", `require("fs")`, 1, 8},
		{"second line", "var a = 1;\nrequire(\"fs\");\n", 2, 8},
		{"three-line file", "g.V(\"x\").All()\nfoo(\n\n", 2, 5},
		{"in kg's library", "var a = 1;\n  kg.values(3, \"<x>\");\n", 2, 12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".js")
			if err := os.WriteFile(file, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			_, qErr, code := runKG(t, env, "query", file)
			want := fmt.Sprintf("%s:%d:%d: ", filepath.Base(file), c.line, c.col)
			if code != 1 || !strings.Contains(qErr, want) {
				t.Errorf("kg query: exit %d, stderr %q; want the error at %q", code, qErr, want)
			}
			_, rErr, code, _, _ := runKGStats(t, env, strings.NewReader(c.src), "repl")
			want = fmt.Sprintf("at line %d, column %d:", c.line, c.col)
			if code != 1 || !strings.Contains(rErr, want) {
				t.Errorf("kg repl: exit %d, stderr %q; want the error %q", code, rErr, want)
			}
		})
	}
}

// Items 3 and 19. kg restore reads N-Quads strictly: a byte order mark
// in front and CR line ends are read as they should be; a line the quad
// library would have stored as something else is refused with file, line
// and column, and the message says what was stored.
func TestRestoreStrictThroughBinary(t *testing.T) {
	_, env := seedStore(t, "bolt")
	dump, errOut, code := runKG(t, env, "dump")
	if code != 0 {
		t.Fatalf("kg dump: %s", errOut)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sorted := func(s string) string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		sort.Strings(lines)
		return strings.Join(lines, "\n")
	}
	for name, text := range map[string]string{"bom.nq": "\ufeff" + dump, "cr.nq": strings.ReplaceAll(dump, "\n", "\r")} {
		t.Run(name, func(t *testing.T) {
			dst := []string{"KG_DB=" + filepath.Join(dir, name+".db"), "KG_BACKEND=bolt"}
			if _, errOut, code := runKG(t, dst, "restore", write(name, text)); code != 0 {
				t.Fatalf("restore: exit %d: %s", code, errOut)
			}
			got, _, _ := runKG(t, dst, "dump")
			if sorted(got) != sorted(dump) {
				t.Errorf("the restored store differs from the dumped one")
			}
		})
	}
	bad := []struct{ name, text, want string }{
		{"space.nq", "<a b> <c> <d> .\n", "space.nq:1:3: ' ' may not appear in an IRI"},
		{"utf8.nq", "<kg:a> <kg:p> \"x\xffy\" .\n", "utf8.nq:1:17: byte 0xff is not valid UTF-8"},
		{"mid.nq", strings.Join(strings.SplitAfter(dump, "\n")[:3], "") + "<s> <p> <o>\n", "mid.nq:4:12: expected the final ' .'"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			dst := []string{"KG_DB=" + filepath.Join(dir, c.name+".db"), "KG_BACKEND=bolt"}
			_, errOut, code := runKG(t, dst, "restore", write(c.name, c.text))
			if code != 1 || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was restored") {
				t.Errorf("exit %d, stderr %q; want %q and that nothing was restored", code, errOut, c.want)
			}
			if out, _, _ := runKG(t, dst, "dump"); out != "" {
				t.Errorf("quads stored from a refused file:\n%s", out)
			}
		})
	}
}

// Item 14. A restore of endless zeros, plain or compressed, stops at its
// first line's limit, in little memory.
func TestRestoreEndlessLineThroughBinary(t *testing.T) {
	dir := t.TempDir()
	gz := filepath.Join(dir, "zeros.gz")
	f, err := os.Create(gz)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := io.CopyN(zw, zeroReader{}, 300<<20); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	f.Close()
	env := []string{"KG_DB=" + filepath.Join(dir, "kg.db"), "KG_BACKEND=bolt"}
	for _, input := range []string{"/dev/zero", gz} {
		t.Run(filepath.Base(input), func(t *testing.T) {
			if _, err := os.Stat(input); err != nil {
				t.Skip(err)
			}
			_, errOut, code, peak, took := runKGStats(t, env, nil, "restore", input)
			if code != 1 || !strings.Contains(errOut, ":1: longer than 16 MiB") {
				t.Errorf("exit %d, stderr %q; want line 1 refused as longer than 16 MiB", code, errOut)
			}
			if peak > 300 {
				t.Errorf("peak memory %d MiB", peak)
			}
			t.Logf("%s refused in %s, peak %d MiB", input, took.Round(time.Millisecond), peak)
		})
	}
}

// waitForHolder waits until the process pid holds the store at db: the
// lock file names it.
func waitForHolder(t *testing.T, db string, pid int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(db, "kg.lock")); err == nil && strings.TrimSpace(string(b)) == fmt.Sprint(pid) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("kg (pid %d) did not open the store %s within 20s", pid, db)
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// Item 19. Ctrl+C during kg dump --out exits 130, says the file was not
// written, and leaves no file behind.
func TestDumpInterruptedThroughBinary(t *testing.T) {
	dir, db := relLoadedStore(t, 3000, 7)
	out := filepath.Join(dir, "backup.nq")
	for _, delay := range []time.Duration{150 * time.Millisecond, 50 * time.Millisecond, 10 * time.Millisecond} {
		cmd := exec.Command(kgBinary(t), "dump", "--out", out)
		cmd.Env = append(os.Environ(), relEnv(db)...)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForHolder(t, db, cmd.Process.Pid)
		time.Sleep(delay)
		cmd.Process.Signal(os.Interrupt)
		code := relWait(t, cmd, time.Minute)
		if code == 0 {
			os.Remove(out)
			continue // the dump was done before the signal: try sooner
		}
		if code != 130 || !strings.Contains(errb.String(), "dump interrupted") || !strings.Contains(errb.String(), "was not written") {
			t.Errorf("exit %d, stderr %q; want 130 and that the file was not written", code, errb.String())
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s exists after an interrupted dump", out)
		}
		leftovers, _ := filepath.Glob(filepath.Join(dir, ".backup.nq.*"))
		if len(leftovers) > 0 {
			t.Errorf("temporary files left: %v", leftovers)
		}
		return
	}
	t.Skip("every dump finished before Ctrl+C reached it")
}

// Item 7. One flipped byte in a table file of a LevelDB store: each
// command gives the undamaged store's answer or exits 1 saying the store is
// damaged, naming the file — never a wrong answer with status 0. kg check
// finds the damage and says how to recover; kg dump --salvage and kg
// restore then give a store that checks clean.
func TestDamagedStoreThroughBinary(t *testing.T) {
	src, env := seedStore(t, "leveldb")
	// Reopening moves the journal into a table file.
	relKG(t, src, "stats")
	want := map[string]string{}
	commands := [][]string{{"stats"}, {"query", "people"}, {"query", "meetings", "--arg", "person=Rouhani"}, {"dump"}, {"export", "--format", "graphml"}}
	for _, c := range commands {
		out, errOut, code := runKG(t, env, c...)
		if code != 0 {
			t.Fatalf("kg %v on the undamaged store: %s", c, errOut)
		}
		want[strings.Join(c, " ")] = out
	}
	tables, _ := filepath.Glob(filepath.Join(src, "*.ldb"))
	sort.Slice(tables, func(i, j int) bool { return fileSizeOf(tables[i]) > fileSizeOf(tables[j]) })
	if len(tables) == 0 {
		t.Fatal("no table file")
	}
	size := fileSizeOf(tables[0])
	for _, at := range []int64{200, size / 3, 2 * size / 3} {
		t.Run(fmt.Sprint("byte ", at), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "copy.leveldb")
			if err := os.CopyFS(db, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			table := filepath.Join(db, filepath.Base(tables[0]))
			b, _ := os.ReadFile(table)
			b[at] ^= 0x01
			os.WriteFile(table, b, 0o644)
			denv := []string{"KG_DB=" + db, "KG_BACKEND=leveldb"}
			for _, c := range commands {
				out, errOut, code := runKG(t, denv, c...)
				noCrash(t, strings.Join(c, " "), errOut)
				switch {
				case code == 0 && out != want[strings.Join(c, " ")]:
					t.Errorf("kg %v: exit 0 with an answer that differs from the undamaged store's:\n%s", c, out)
				case code != 0 && !(strings.Contains(errOut, "is damaged") && strings.Contains(errOut, ".ldb")):
					t.Errorf("kg %v: exit %d, stderr %q; want a message that the store is damaged, naming the file", c, code, errOut)
				}
			}
			out, errOut, code := runKG(t, denv, "check")
			if code != 1 || !strings.Contains(out, "damage:") || !strings.Contains(out, ".ldb") || !strings.Contains(errOut, "dump --salvage") {
				t.Fatalf("kg check: exit %d\n%s%s\nwant the damage named and how to recover", code, out, errOut)
			}
			rescue := filepath.Join(t.TempDir(), "rescue.nq.gz")
			_, errOut, code = runKG(t, denv, "dump", "--salvage", "--out", rescue)
			noCrash(t, "dump --salvage", errOut)
			if code != 0 && !strings.Contains(errOut, "could not be read") {
				t.Fatalf("kg dump --salvage: exit %d: %s", code, errOut)
			}
			fresh := []string{"KG_DB=" + filepath.Join(t.TempDir(), "new.leveldb"), "KG_BACKEND=leveldb"}
			if _, errOut, code := runKG(t, fresh, "restore", rescue); code != 0 {
				t.Fatalf("restore of the salvage: %s", errOut)
			}
			if out, errOut, code := runKG(t, fresh, "check"); code != 0 {
				t.Errorf("the restored store does not check clean: %s%s", out, errOut)
			}
			saved, _, _ := runKG(t, fresh, "dump")
			all := want["dump"]
			for _, l := range strings.Split(strings.TrimSpace(saved), "\n") {
				if l != "" && !strings.Contains(all, l+"\n") {
					t.Errorf("salvaged a quad the store never held: %s", l)
				}
			}
		})
	}
}

func fileSizeOf(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// joinQuads are the quads of a join of from into into, labelled label, as
// a store holds them.
func joinQuads(from, into, label quad.IRI) []quad.Quad {
	return []quad.Quad{
		{Subject: from, Predicate: schema.SameAs, Object: into, Label: label},
		{Subject: schema.Identity, Predicate: schema.Joined, Object: from, Label: label},
	}
}

// writeQuads writes quads into a bolt store the way no kg command would.
func writeQuads(t *testing.T, db string, quads []quad.Quad) {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: graph.BackendBolt, Path: db})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Write(context.Background(), quads); err != nil {
		t.Fatal(err)
	}
}

// Item 6. A loop of joins (kg:sameAs) in a store, as a hand-made dump
// could leave, does not stop loads: kg load warns and loads; kg check shows
// the loop, kg check --repair breaks it. kg restore refuses to create one.
func TestSameAsLoopThroughBinary(t *testing.T) {
	db, env := seedStore(t, "bolt")
	rouhani, zarif := schema.PersonIRI("Hassan Rouhani"), schema.PersonIRI("Mohammad Javad Zarif")
	loop := append(joinQuads(rouhani, zarif, schema.ManualLabel), joinQuads(zarif, rouhani, schema.ManualLabel)...)
	// The same loop is refused by kg restore.
	loopFile := filepath.Join(t.TempDir(), "loop.nq")
	os.WriteFile(loopFile, []byte(loop[0].NQuad()+"\n"+loop[2].NQuad()+"\n"), 0o644)
	_, errOut, code := runKG(t, env, "restore", loopFile)
	if code != 1 || !strings.Contains(errOut, "loop.nq:2:") || !strings.Contains(errOut, "would close a loop") {
		t.Errorf("restore of a loop: exit %d, stderr %q", code, errOut)
	}
	// Write it the way older versions of kg let through.
	writeQuads(t, db, loop)

	extra := filepath.Join(t.TempDir(), "more.jsonl")
	relWriteArticles(t, extra, 30, 11)
	_, errOut, code = runKG(t, env, "load", extra)
	if code != 0 || !strings.Contains(errOut, "loop(s) of joins") || !strings.Contains(errOut, "kg check --repair") {
		t.Errorf("load on a store with a loop: exit %d, stderr %q; want it loaded with a warning", code, errOut)
	}
	// Answers take each person of the loop as themself.
	if rows := jsonRows(t, env, "people", "--arg", "person=Hassan Rouhani"); len(rows) != 1 || rows[0]["name"] != "Hassan Rouhani" {
		t.Errorf("people on a loop: %v", rows)
	}
	out, _, code := runKG(t, env, "check")
	if code != 1 || !strings.Contains(out, "loop of joins: <kg:person/") {
		t.Errorf("kg check: exit %d\n%s", code, out)
	}
	out, errOut, code = runKG(t, env, "check", "--repair")
	if code != 0 || !strings.Contains(out, "broke the loop") {
		t.Errorf("kg check --repair: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := runKG(t, env, "check"); code != 0 {
		t.Errorf("kg check after the repair: exit %d\n%s%s", code, out, errOut)
	}
	// One of the two is now joined to the other, and the load goes on
	// without a warning.
	rows := jsonRows(t, env, "people", "--arg", "person=Hassan Rouhani")
	if len(rows) != 1 || fmt.Sprint(rows[0]["joined"]) == "[]" {
		t.Errorf("after the repair, people: %v; want one person with the other joined", rows)
	}
	relWriteArticles(t, extra, 10, 12)
	if _, errOut, code := runKG(t, env, "load", extra); code != 0 || strings.Contains(errOut, "loop") {
		t.Errorf("load after the repair: exit %d, stderr %q", code, errOut)
	}
}

// Item 1, the second half. A correction stopped between its two
// transactions — here kg split, killed after it wrote that the two are
// apart and before it removed the join of the alias it reverses — is found
// by kg check and finished by the next correction or load (Reconcile),
// never left as "nothing to do".
func TestHalfDoneCorrectionFinishedThroughBinary(t *testing.T) {
	db, env := seedStore(t, "bolt")
	if out, errOut, code := runKG(t, env, "alias", "--yes", "Imad Khamis", "Hassan Rouhani"); code != 0 {
		t.Fatalf("kg alias: exit %d: %s%s", code, out, errOut)
	}
	rows := correctionRows(t, env)
	if len(rows) != 1 {
		t.Fatalf("corrections after kg alias: %v", rows)
	}
	aliasID := quad.IRI(schema.NS + "correction/" + fmt.Sprint(rows[0]["id"]))
	if out, errOut, code := runKG(t, env, "split", "Imad Khamis"); code != 0 {
		t.Fatalf("kg split: exit %d: %s%s", code, out, errOut)
	}
	if out, _, _ := runKG(t, env, "check"); !strings.Contains(out, "no damage") {
		t.Fatalf("kg check after a whole split:\n%s", out)
	}
	// The state a kill between the split's two transactions leaves: the
	// split stored, the alias's join still there.
	writeQuads(t, db, joinQuads(schema.PersonIRI("Imad Khamis"), schema.PersonIRI("Hassan Rouhani"), aliasID))
	out, _, code := runKG(t, env, "check")
	if code != 1 || !strings.Contains(out, "corrections stopped half way") {
		t.Errorf("kg check: exit %d\n%s", code, out)
	}
	extra := filepath.Join(t.TempDir(), "more.jsonl")
	relWriteArticles(t, extra, 5, 21)
	if _, errOut, code := runKG(t, env, "load", extra); code != 0 {
		t.Fatalf("kg load: exit %d: %s", code, errOut)
	}
	if out, errOut, code := runKG(t, env, "check"); code != 0 {
		t.Errorf("kg check after the next load: exit %d\n%s%s", code, out, errOut)
	}
	for _, r := range jsonRows(t, env, "people", "--arg", "person=Hassan Rouhani") {
		if strings.Contains(fmt.Sprint(r["joined"]), "Imad Khamis") {
			t.Errorf("Imad Khamis still joined to Hassan Rouhani after the split was finished: %v", r)
		}
	}
}

// officialArticles writes n articles in which person meets one of a few
// foreign ministers.
func officialArticles(t *testing.T, path, idPrefix, person, title string, n int) {
	t.Helper()
	others := []string{"Sergei Lavrov", "Mevlut Cavusoglu", "Walid al-Muallem", "Rex Tillerson"}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		day := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
		other := others[i%len(others)]
		text := fmt.Sprintf("TEHRAN – Iran %s %s met Foreign Minister %s in Tehran on %s. The two officials discussed the %d points of the plan, the %s's office said in a statement. %s said talks would continue on %s.",
			title, person, other, day.Weekday(), 10+i, title, person, day.AddDate(0, 1, 0).Format("January 2"))
		enc.Encode(map[string]string{"id": fmt.Sprintf("%s-%05d", idPrefix, i), "source": "Generated Wire", "published": day.Format("2006-01-02"), "title": "Talks", "text": text})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Item 1. kg alias running while another kg load writes into the same
// PostgreSQL database: the alias holds over everything the load brings
// (identity is read over the facts, nothing is moved), and the load's
// resolution of short names and the alias take turns, so that a short name
// the load would join is never joined twice. Each attempt starts the
// alias a little later into the load.
func TestAliasDuringLoadOnPostgres(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.jsonl")
	officialArticles(t, first, "rouhani", "Hassan Rouhani", "President", 5)
	short := filepath.Join(dir, "short.jsonl")
	officialArticles(t, short, "zarif", "Zarif", "Foreign Minister", 3)
	from := "Hasan Rohani Fereydoun"
	more := filepath.Join(dir, "more.jsonl")
	officialArticles(t, more, "fereydoun", from, "Vice President", 400)
	full := filepath.Join(dir, "full.jsonl")
	officialArticles(t, full, "javad", "Mohammad Javad Zarif", "Foreign Minister", 400)
	var both bytes.Buffer
	moreLines := strings.SplitAfter(readFile(t, more), "\n")
	fullLines := strings.SplitAfter(readFile(t, full), "\n")
	for i := range moreLines {
		both.WriteString(fullLines[i] + moreLines[i])
	}
	mixed := filepath.Join(dir, "mixed.jsonl")
	os.WriteFile(mixed, both.Bytes(), 0o644)
	for attempt := range 3 {
		t.Run(fmt.Sprint("attempt ", attempt), func(t *testing.T) {
			env := []string{"KG_DB=" + pgtest.Database(t), "KG_BACKEND=postgres"}
			for _, f := range []string{first, short} {
				if _, errOut, code := runKG(t, env, "load", f); code != 0 {
					t.Fatalf("load %s: %s", f, errOut)
				}
			}
			// Hasan Rohani Fereydoun must exist before the alias.
			head := filepath.Join(dir, fmt.Sprint("head", attempt, ".jsonl"))
			os.WriteFile(head, []byte(moreLines[0]), 0o644)
			if _, errOut, code := runKG(t, env, "load", head); code != 0 {
				t.Fatalf("head load: %s", errOut)
			}
			load, loadErr := startKG(t, env, "load", "--batch", "10", mixed)
			time.Sleep(time.Duration(attempt) * 150 * time.Millisecond)
			// The short name: joined by the user before the load's
			// resolution, or refused because the load joined it first, or
			// refused as ambiguous when it comes between the two: the
			// load has written Mohammad Javad Zarif, not yet joined the
			// short name to him, and "Zarif" fits both.
			out, errOut, code := runKG(t, env, "alias", "--yes", "Zarif", "Hassan Rouhani")
			zarifAliased := code == 0
			t.Logf("kg alias Zarif during the load: exit %d %s", code, strings.TrimSpace(errOut))
			if code != 0 && !strings.Contains(errOut, "already") && !strings.Contains(errOut, `"Zarif" fits 2 people`) {
				t.Errorf("kg alias Zarif during the load: exit %d: %s%s", code, out, errOut)
			}
			out, errOut, code = runKG(t, env, "alias", "--yes", from, "Hassan Rouhani")
			if code != 0 {
				t.Fatalf("kg alias during the load: exit %d: %s%s", code, out, errOut)
			}
			if code := relWait(t, load, 5*time.Minute); code != 0 {
				t.Fatalf("the load: exit %d: %s", code, loadErr.String())
			}
			if out, errOut, code := runKG(t, env, "check"); code != 0 {
				t.Errorf("kg check: exit %d\n%s%s", code, out, errOut)
			}
			// Every article about Fereydoun is Rouhani's now, those the
			// load wrote after the alias too.
			rows := jsonRows(t, env, "people", "--arg", "person=Hassan Rouhani")
			if len(rows) != 1 {
				t.Fatalf("people Hassan Rouhani: %v", rows)
			}
			sources := fmt.Sprint(rows[0]["sources"])
			if n := strings.Count(sources, "fereydoun-"); n != len(moreLines)-1 {
				t.Errorf("Hassan Rouhani has %d of the %d articles about %s", n, len(moreLines)-1, from)
			}
			joined := fmt.Sprint(rows[0]["joined"])
			if strings.Contains(joined, "Zarif") != zarifAliased {
				t.Errorf("kg alias Zarif exit 0 = %v, but Rouhani's joined people are %s", zarifAliased, joined)
			}
		})
	}
}

// withPassword puts user kg and the password secretpw in a postgres:// URL.
func withPassword(t *testing.T, base string) string {
	t.Helper()
	i := strings.Index(base, "://")
	at := strings.Index(base, "@")
	if i < 0 || at < 0 {
		t.Fatalf("unexpected test database URL %q", base)
	}
	return base[:i+3] + "kg:secretpw" + base[at:]
}

// Item 5. A --db that is a PostgreSQL connection string opens PostgreSQL
// without --backend; with an embedded backend it is refused. Neither
// creates a folder named after the URL.
func TestDatabaseURLSelectsPostgres(t *testing.T) {
	cwd := t.TempDir()
	unreachable := "postgres://user:pw@127.0.0.1:1/db"
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"URL alone", []string{"--db", unreachable, "stats"}, "open postgres store postgres://user:***@127.0.0.1:1/db"},
		{"key=value alone", []string{"--db", "host=127.0.0.1 port=1 user=kg password=pw dbname=x", "stats"}, "open postgres store host=127.0.0.1 port=1 user=kg password=*** dbname=x"},
		{"URL with leveldb", []string{"--backend", "leveldb", "--db", unreachable, "load", "-"}, "use --backend postgres"},
		{"URL with KG_BACKEND=bolt", []string{"--db", unreachable, "stats"}, "use --backend postgres"},
		{"another scheme", []string{"--db", "mysql://root:pw@127.0.0.1/db", "stats"}, "mysql:// is neither"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var env []string
			if strings.Contains(c.name, "KG_BACKEND") {
				env = []string{"KG_BACKEND=bolt"}
			}
			_, errOut, code := runKGIn(t, cwd, env, c.args...)
			if code == 0 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stderr %q; want %q", code, errOut, c.want)
			}
			if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
				t.Errorf("kg created %s in the working folder", entries[0].Name())
			}
		})
	}
	base := pgtestURL(t)
	articles := filepath.Join(t.TempDir(), "a.jsonl")
	officialArticles(t, articles, "u", "Hassan Rouhani", "President", 2)
	if _, errOut, code := runKGIn(t, cwd, nil, "--db", base, "load", articles); code != 0 {
		t.Fatalf("kg --db %s load: exit %d: %s", base, code, errOut)
	}
	out, errOut, code := runKGIn(t, cwd, nil, "--db", base, "stats")
	if code != 0 || !strings.Contains(out, "postgres") {
		t.Errorf("kg --db %s stats: exit %d\n%s%s; want the postgres store opened", base, code, out, errOut)
	}
}

// pgtestURL is an empty test database, or the test is skipped.
func pgtestURL(t *testing.T) string { return pgtest.Database(t) }

// Item 17. The password of a connection string never shows: not in
// errors, not in the REPL's banner, not in Cayley's log, whatever fails.
func TestPasswordsNeverShow(t *testing.T) {
	base := pgtestURL(t)
	good := withPassword(t, base) // the test server trusts every login
	wrongDB := good[:strings.LastIndex(good, "/")] + "/nosuchdb?sslmode=disable"
	badPort := "postgres://kg:secretpw@127.0.0.1:notaport/db"
	keyValue := "host=127.0.0.1 port=1 user=kg password=secretpw dbname=x"
	cwd := t.TempDir()
	articles := filepath.Join(cwd, "a.jsonl")
	officialArticles(t, articles, "p", "Hassan Rouhani", "President", 3)
	runs := [][]string{
		{"--db", good, "load", articles},
		{"--db", good, "stats"},
		{"--db", good, "alias", "Nobody Atall", "Hassan Rouhani"},
		{"--db", good, "query", "-e", "g.V().Nope()"},
		{"--db", good, "check"},
		{"--db", wrongDB, "stats"},
		{"--db", wrongDB, "load", articles},
		{"--db", badPort, "stats"},
		{"--db", keyValue, "dump"},
		{"--db", keyValue, "--backend", "bolt", "stats"},
		{"--db", good, "--help"},
		{"--db", good, "load", "--help"},
	}
	for _, args := range runs {
		out, errOut, _ := runKGIn(t, cwd, nil, args...)
		if strings.Contains(out+errOut, "secretpw") {
			t.Errorf("kg %s printed the password:\n%s%s", strings.Join(args[2:], " "), out, errOut)
		}
	}
	out, errOut, _ := runKGIn(t, cwd, []string{"KG_DB=" + good, "KG_BACKEND=postgres"}, "--help")
	if strings.Contains(out+errOut, "secretpw") {
		t.Errorf("kg --help with KG_DB set printed the password")
	}
	r := startREPL(t, nil, "--db", good)
	banner := r.output()
	r.quit()
	if strings.Contains(banner, "secretpw") || !strings.Contains(banner, "kg:***@") {
		t.Errorf("REPL banner %q: want the location with its password hidden", banner)
	}
}

// stallingProxy forwards TCP connections to target until stall is called;
// from then on it forwards nothing more, as a PostgreSQL server stopped
// with SIGSTOP (or a network that drops everything) would behave.
type stallingProxy struct {
	ln      net.Listener
	stalled atomic.Bool
	mu      sync.Mutex
	conns   []net.Conn
}

func newStallingProxy(t *testing.T, target string) *stallingProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &stallingProxy{ln: ln}
	t.Cleanup(p.close)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go p.pipe(up, c)
			go p.pipe(c, up)
		}
	}()
	return p
}

// pipe copies from src to dst until the proxy stalls; then it holds on to
// what it read.
func (p *stallingProxy) pipe(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if p.stalled.Load() {
			select {} // swallow it, answer nothing, never close
		}
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			dst.Close()
			return
		}
	}
}

func (p *stallingProxy) stall() { p.stalled.Store(true) }

func (p *stallingProxy) close() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// Item 15, the database half. A kg load writing to a PostgreSQL server that
// stops answering mid-load (SIGSTOP, a dead network) used to ignore SIGINT
// and SIGTERM for ever, inside a write Cayley gives no context. Now a
// second signal stops it at once, and a single one 30 s later; either way
// with status 130 and a message, and the store holds whole articles only.
func TestStalledDatabaseStopsOnSignal(t *testing.T) {
	articles := filepath.Join(t.TempDir(), "many.jsonl")
	relWriteArticles(t, articles, 3000, 15)
	for _, tc := range []struct {
		name    string
		signals int
		want    string
	}{
		{"a second signal", 2, "stopped at once (a second signal)"},
		{"one signal", 1, "not stopped 30s after the signal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := pgtest.Database(t)
			du, err := url.Parse(db)
			if err != nil {
				t.Fatal(err)
			}
			proxy := newStallingProxy(t, du.Host)
			viaProxy := *du
			viaProxy.Host = proxy.ln.Addr().String()
			env := []string{"KG_DB=" + viaProxy.String(), "KG_BACKEND=postgres"}
			load, loadErr := startKG(t, env, "load", "--batch", "20", articles)
			direct := []string{"KG_DB=" + db, "KG_BACKEND=postgres"}
			deadline := time.Now().Add(2 * time.Minute)
			for {
				out, _, _ := runKG(t, direct, "stats", "--format", "json")
				var st struct{ Articles int }
				json.Unmarshal([]byte(out), &st)
				if st.Articles >= 40 {
					break
				}
				if time.Now().After(deadline) {
					load.Process.Kill()
					t.Fatalf("the load did not get going: %s", loadErr.String())
				}
				time.Sleep(100 * time.Millisecond)
			}
			proxy.stall()
			time.Sleep(500 * time.Millisecond) // the load is now waiting on the database
			for i := 0; i < tc.signals; i++ {
				load.Process.Signal(os.Interrupt)
				time.Sleep(300 * time.Millisecond)
			}
			code := relWait(t, load, 2*time.Minute)
			if code != 130 || !strings.Contains(loadErr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want 130 and %q", code, loadErr.String(), tc.want)
			}
			proxy.close()
			// What the load wrote is whole articles, and the store is fine.
			if out, errOut, code := runKG(t, direct, "check"); code != 0 {
				t.Errorf("kg check after the stalled load: exit %d\n%s%s", code, out, errOut)
			}
		})
	}
}
