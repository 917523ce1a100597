package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// replWait is how long a pseudo-terminal test waits for expected output:
// generous, since CI machines are shared and slow.
const replWait = 30 * time.Second

// replSeeds are the articles the REPL's tests load.
const replSeeds = "../../testdata/seeds/articles.jsonl"

// articlesQuery lists the article nodes, which exist whatever the
// extraction finds in them.
const articlesQuery = `g.V("<kg:Article>").In("<rdf:type>").All()`

// replStore builds a bolt store from the seed articles and returns the
// global flags that open it.
func replStore(t *testing.T) []string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	args := []string{"--backend", "bolt", "--db", db}
	out, errOut, code := runKG(t, nil, append(args, "load", replSeeds)...)
	if code != 0 {
		t.Fatalf("kg load: exit %d\n%s%s", code, out, errOut)
	}
	return args
}

// seedArticleIDs reads the ids of the seed articles.
func seedArticleIDs(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(replSeeds)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ids []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", replSeeds, err)
		}
		ids = append(ids, a.ID)
	}
	if len(ids) == 0 {
		t.Fatalf("%s has no articles", replSeeds)
	}
	return ids
}

// replTerm is kg repl running on a pseudo-terminal.
type replTerm struct {
	t      *testing.T
	cmd    *exec.Cmd
	tty    *os.File
	mu     sync.Mutex
	raw    []byte        // everything the program wrote
	seen   int           // how much of the cleaned output expect has consumed
	more   chan struct{} // signalled when output arrives
	exited chan struct{}
	err    error // from Wait, once exited is closed
}

// startREPL starts kg repl on a new pseudo-terminal with the given
// environment additions and arguments, and waits for its first prompt.
func startREPL(t *testing.T, env []string, args ...string) *replTerm {
	t.Helper()
	if _, err := os.Stat("/dev/ptmx"); err != nil {
		t.Skipf("no pseudo-terminals on this machine (/dev/ptmx: %v)", err)
	}
	cmd := exec.Command(kgBinary(t), append(args, "repl")...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm"), env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatalf("start kg repl on a pseudo-terminal: %v", err)
	}
	r := &replTerm{t: t, cmd: cmd, tty: tty, more: make(chan struct{}, 1), exited: make(chan struct{})}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			if n > 0 {
				r.mu.Lock()
				r.raw = append(r.raw, buf[:n]...)
				r.mu.Unlock()
				select {
				case r.more <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	go func() {
		r.err = cmd.Wait()
		close(r.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-r.exited:
		default:
			cmd.Process.Kill()
			<-r.exited
		}
		tty.Close()
	})
	r.expect("kg> ")
	return r
}

// ansi matches the terminal control sequences liner writes.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\r|\a`)

// output is what the program wrote, without control sequences.
func (r *replTerm) output() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return ansi.ReplaceAllString(string(r.raw), "")
}

// expect waits until want appears in the output after what earlier calls
// consumed, consumes up to its end and returns the text from the previous
// position to there.
func (r *replTerm) expect(want string) string {
	r.t.Helper()
	deadline := time.After(replWait)
	for {
		out := r.output()
		if i := strings.Index(out[r.seen:], want); i >= 0 {
			got := out[r.seen : r.seen+i+len(want)]
			r.seen += i + len(want)
			return got
		}
		select {
		case <-r.more:
		case <-r.exited:
			// Take in the last output, then fail if want is still missing.
			if out := r.output(); strings.Contains(out[r.seen:], want) {
				continue
			}
			r.t.Fatalf("kg repl exited (%v) before printing %q; after the last match it printed:\n%s", r.err, want, r.output()[r.seen:])
		case <-deadline:
			r.t.Fatalf("kg repl did not print %q within %s; after the last match it printed:\n%s", want, replWait, r.output()[r.seen:])
		}
	}
}

// send types keys.
func (r *replTerm) send(keys string) {
	r.t.Helper()
	if _, err := r.tty.Write([]byte(keys)); err != nil {
		r.t.Fatalf("type %q: %v", keys, err)
	}
}

// quit presses Ctrl+D at the prompt and checks that the program ends well.
func (r *replTerm) quit() {
	r.t.Helper()
	r.send("\x04")
	select {
	case <-r.exited:
		if r.err != nil {
			r.t.Fatalf("kg repl ended with %v after Ctrl+D; it printed:\n%s", r.err, r.output())
		}
	case <-time.After(replWait):
		r.t.Fatalf("kg repl still runs %s after Ctrl+D", replWait)
	}
}

// expectArticles runs after a query listing the seed articles: it checks
// the count line and that every article was listed.
func (r *replTerm) expectArticles(ids []string) {
	r.t.Helper()
	got := r.expect(" results in ")
	for _, id := range ids {
		if !strings.Contains(got, "<kg:article/"+id+">") {
			r.t.Errorf("the articles query did not list article %s; it printed:\n%s", id, got)
		}
	}
	r.expect("kg> ")
}

func TestREPLTerminal(t *testing.T) {
	store := replStore(t)
	ids := seedArticleIDs(t)
	state := t.TempDir()
	env := []string{"XDG_STATE_HOME=" + state, "HOME=" + t.TempDir()}
	n := len(ids)

	t.Run("query", func(t *testing.T) {
		r := startREPL(t, env, store...)
		r.send(articlesQuery + "\r")
		r.expect("ID")
		r.expectArticles(ids)
		r.quit()
	})

	t.Run("continuation", func(t *testing.T) {
		r := startREPL(t, env, store...)
		r.send(`g.V("<kg:Article>")` + "\r")
		r.expect("1 result in ") // complete: it runs at once
		r.expect("kg> ")
		r.send(`g.V("<kg:Article>").In(` + "\r")
		r.expect("...> ")
		r.send(`"<rdf:type>"` + "\r")
		r.expect("...> ") // an open string or bracket keeps going too
		r.send(`).All()` + "\r")
		r.expectArticles(ids)
		r.quit()
	})

	t.Run("completion", func(t *testing.T) {
		r := startREPL(t, env, store...)
		r.send(`g.V("<kg:Article>").In("<rdf:type>").Ou` + "\t")
		r.expect(`.In("<rdf:type>").Out`)
		r.send(`("<kg:id` + "\t")
		r.expect(`Out("<kg:id>"`)
		r.send(").All()\r")
		got := r.expect(" results in ")
		for _, id := range ids {
			if !strings.Contains(got, id) {
				t.Errorf("the completed query did not list id %s; it printed:\n%s", id, got)
			}
		}
		r.expect("kg> ")
		r.send(":run mee\t")
		r.expect(":run meetings")
		r.send("\x03") // clear the line
		r.expect("^C")
		r.expect("kg> ")
		r.quit()
	})

	t.Run("error recovery", func(t *testing.T) {
		r := startREPL(t, env, store...)
		r.send("g.V().Foo()\r")
		r.expect("error at line 1, column 10: Object has no member 'Foo'")
		r.expect("kg> ")
		r.send("var a = [1,\r")
		r.expect("...> ")
		r.send("2]; g.V(.)\r")
		r.expect("syntax error at line 2, column 9: Unexpected token .")
		r.expect("kg> ")
		r.send(articlesQuery + "\r")
		r.expectArticles(ids)
		r.quit()
	})

	t.Run("history across sessions", func(t *testing.T) {
		const last = `g.V("<kg:Article>").In("<rdf:type>").Count()`
		r := startREPL(t, env, store...)
		r.send(last + "\r")
		r.expect("1 result in ")
		r.expect("kg> ")
		r.quit()
		b, err := os.ReadFile(filepath.Join(state, "kg", "history"))
		if err != nil {
			t.Fatalf("history file: %v", err)
		}
		if lines := strings.Split(strings.TrimSpace(string(b)), "\n"); lines[len(lines)-1] != last {
			t.Fatalf("history file ends with %q, want %q", lines[len(lines)-1], last)
		}

		r = startREPL(t, env, store...)
		r.send("\x1b[A") // Up
		r.expect(last)
		r.send("\r")
		got := r.expect("1 result in ")
		if !regexp.MustCompile(`(?m)^` + strconv.Itoa(n) + `$`).MatchString(got) {
			t.Errorf("the recalled count query did not print %d; it printed:\n%s", n, got)
		}
		r.expect("kg> ")
		r.quit()
	})

	t.Run("ctrl+c stops a slow query", func(t *testing.T) {
		r := startREPL(t, env, store...)
		r.send(":timeout 10m\r")
		r.expect("timeout: 10m0s")
		r.expect("kg> ")
		r.send("var i = 0; while (true) { i++ }\r")
		r.expect("Ctrl+C cancels the query") // the query is running
		r.send("\x03")
		r.expect("query cancelled")
		r.expect("kg> ")
		// Ctrl+C at the prompt drops the line typed so far. It is sent once
		// the line is echoed, that is once liner reads keys itself: in the
		// instant between printing the prompt and taking the keyboard,
		// the terminal would still turn it into a signal.
		r.send("g.V(")
		r.expect("g.V(")
		r.send("\x03")
		r.expect("^C")
		r.expect("kg> ")
		r.send(articlesQuery + "\r")
		r.expectArticles(ids)
		r.quit()
	})
}

func TestREPLPipe(t *testing.T) {
	store := replStore(t)
	ids := seedArticleIDs(t)
	pipe := func(script string, args ...string) (stdout, stderr string, code int) {
		cmd := exec.Command(kgBinary(t), append(append(store, "repl"), args...)...)
		cmd.Stdin = strings.NewReader(script)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir())
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("run kg repl: %v", err)
		}
		return out.String(), errb.String(), code
	}

	out, errOut, code := pipe(articlesQuery + "\n")
	if code != 0 {
		t.Fatalf("piped query: exit %d\n%s", code, errOut)
	}
	for _, id := range ids {
		if !strings.Contains(out, "<kg:article/"+id+">") {
			t.Errorf("piped query did not list article %s; stdout:\n%s", id, out)
		}
	}
	if want := strconv.Itoa(len(ids)) + " results in "; !strings.Contains(errOut, want) {
		t.Errorf("piped query: stderr %q lacks %q", errOut, want)
	}

	out, _, code = pipe("var ids = g.V(\"<kg:Article>\").In(\"<rdf:type>\").Out(\"<kg:id>\").ToArray();\nids.sort();\n", "--format", "json")
	var got []string
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got) != len(ids) {
		t.Errorf("multi-line piped script with --format json: exit %d, stdout:\n%s", code, out)
	}

	_, errOut, code = pipe("g.V().All()\ng.V(.\n")
	if code != 1 || !strings.Contains(errOut, "syntax error at line 2, column 5: Unexpected token .") {
		t.Errorf("broken piped script: exit %d, stderr %q; want exit 1 and the error's line and column", code, errOut)
	}
}
